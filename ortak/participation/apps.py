from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipationConfig(AppConfig):
    name = "ortak.participation"
    verbose_name = _("Participation")

    def ready(self) -> None:
        from ortak.core import personal_data
        from ortak.notifications.verbs import register_verb
        from ortak.participation import privacy
        from ortak.participation.verbs import VERBS

        for code, message, subject in VERBS:
            register_verb(code, message=message, subject=subject)
        personal_data.register(
            "participation", exporter=privacy.export_user_data, eraser=privacy.erase_user_data
        )
