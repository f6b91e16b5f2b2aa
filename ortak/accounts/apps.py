from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "ortak.accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from ortak.accounts import checks, receivers  # noqa: F401 - registers the system check
        from ortak.accounts.selectors import account_personal_data
        from ortak.core import personal_data

        receivers.connect()
        # Erasure of the account's own fields runs last, in services.erase_account, so only the
        # export is registered here.
        personal_data.register("accounts", exporter=account_personal_data)
