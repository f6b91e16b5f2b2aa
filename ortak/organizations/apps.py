from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganizationsConfig(AppConfig):
    name = "ortak.organizations"
    verbose_name = _("Municipalities and organizations")

    def ready(self) -> None:
        from ortak.core import personal_data
        from ortak.notifications.verbs import register_verb
        from ortak.organizations import privacy

        register_verb(
            "organizations.registered",
            message=_("%(organization)s registered on Ortak and awaits verification."),
            subject=_("New organization to verify: %(organization)s"),
        )
        register_verb(
            "organizations.resubmitted",
            message=_("%(organization)s asks for verification again after a rejection."),
            subject=_("To verify again: %(organization)s"),
        )
        register_verb(
            "organizations.verified",
            message=_("%(organization)s is verified: its members can now act on its behalf."),
            subject=_("%(organization)s is verified"),
        )
        register_verb(
            "organizations.rejected",
            message=_("%(organization)s was not verified. The moderator's reason: %(reason)s"),
            subject=_("%(organization)s was not verified"),
        )
        register_verb(
            "organizations.role_changed",
            message=_("An admin changed your role in %(target)s."),
            subject=_("Your role in %(target)s changed"),
        )
        register_verb(
            "organizations.membership_removed",
            message=_("You are no longer a member of %(target)s."),
            subject=_("Your membership of %(target)s ended"),
        )
        register_verb(
            "organizations.invitation_accepted",
            message=_("%(user)s accepted your invitation to %(target)s."),
            subject=_("Invitation to %(target)s accepted"),
        )
        personal_data.register(
            "organizations", exporter=privacy.export_user_data, eraser=privacy.erase_user_data
        )
