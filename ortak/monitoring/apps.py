from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    name = "ortak.monitoring"
    verbose_name = _("Monitoring")

    def ready(self) -> None:
        """Explicit wiring: plans' due dates and adoption, notification verbs, personal data."""
        from ortak.core import personal_data
        from ortak.monitoring import privacy
        from ortak.monitoring.services import calendar
        from ortak.monitoring.verbs import VERBS
        from ortak.notifications.verbs import register_verb
        from ortak.plans import hooks

        hooks.set_due_dates_provider(calendar.due_dates_for_plan)
        hooks.on_plan_status_changed(calendar.on_plan_status_changed)
        for code, message, subject in VERBS:
            register_verb(code, message=message, subject=subject)
        personal_data.register(
            "monitoring", exporter=privacy.export_user_data, eraser=privacy.erase_user_data
        )
