"""The custom user (e-mail is the login), its profile fields, and KVKK privacy notices and consents."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra: Any) -> User:
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.full_clean(exclude=["password"])
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    class Language(models.TextChoices):
        TURKISH = "tr", _("Turkish")
        ENGLISH = "en", _("English")

    email = models.EmailField(_("e-mail address"), unique=True)
    display_name = models.CharField(
        _("display name"),
        max_length=120,
        blank=True,
        help_text=_("Shown next to what you write in public. Leave empty to stay anonymous."),
    )
    preferred_language = models.CharField(
        _("preferred language"), max_length=5, choices=Language.choices, default=Language.TURKISH
    )
    is_staff = models.BooleanField(
        _("staff status"),
        default=False,
        help_text=_("Designates whether the user can log into the admin site."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    is_moderator = models.BooleanField(
        _("moderator"),
        default=False,
        help_text=_("Moderators verify organizations and moderate public content."),
    )
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)
    erased_at = models.DateTimeField(
        _("erased at"),
        null=True,
        blank=True,
        help_text=_("When the user deleted the account; personal data is gone from then on."),
    )

    objects = UserManager()

    EMAIL_FIELD = "email"
    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []  # type: ignore[var-annotated]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.public_name

    @property
    def public_name(self) -> str:
        """The name shown in public; never the e-mail address."""
        if self.erased_at is not None:
            return str(_("deleted user"))
        return self.display_name or str(_("citizen"))


class PrivacyNotice(models.Model):
    """One published version of the privacy notice (KVKK aydınlatma metni).

    A published version is never edited: a change is a new version, so that every consent row
    points at exactly the text the person agreed to.
    """

    version = models.PositiveIntegerField(_("version"), unique=True)
    text_tr = models.TextField(
        _("text (Turkish)"), help_text=_("Markdown: headings, lists, links and emphasis.")
    )
    text_en = models.TextField(
        _("text (English)"), help_text=_("Markdown: headings, lists, links and emphasis.")
    )
    summary_of_changes = models.TextField(
        _("summary of changes"),
        blank=True,
        help_text=_("Shown to signed-in users who are asked to accept this version."),
    )
    published_at = models.DateTimeField(_("published at"), default=timezone.now)

    class Meta:
        verbose_name = _("privacy notice")
        verbose_name_plural = _("privacy notices")
        ordering = ["-version"]
        get_latest_by = "version"
        constraints = [
            models.CheckConstraint(condition=Q(version__gte=1), name="privacy_notice_version_gte_1")
        ]

    def __str__(self) -> str:
        return str(_("Privacy notice, version %(version)s") % {"version": self.version})

    def text_for(self, language: str | None) -> str:
        """The text in ``language``, falling back to Turkish (the platform's default language)."""
        if language and language.startswith("en") and self.text_en:
            return self.text_en
        return self.text_tr


class Consent(models.Model):
    """A user's acceptance of one privacy-notice version.

    No IP address or user agent is stored (KVKK art. 4: data limited to what is needed): the
    row, written in the same transaction as the account or the acceptance, is the evidence.
    """

    class Source(models.TextChoices):
        SIGNUP = "signup", _("at sign-up")
        UPDATE = "update", _("on accepting a new version")

    user = models.ForeignKey(
        User, verbose_name=_("user"), on_delete=models.CASCADE, related_name="consents"
    )
    notice = models.ForeignKey(
        PrivacyNotice,
        verbose_name=_("privacy notice"),
        on_delete=models.PROTECT,
        related_name="consents",
    )
    source = models.CharField(_("when given"), max_length=10, choices=Source.choices)
    given_at = models.DateTimeField(_("given at"), default=timezone.now)

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        ordering = ["-given_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["user", "notice"], name="consent_once_per_notice")
        ]

    def __str__(self) -> str:
        return str(
            _("%(user)s accepted version %(version)s")
            % {"user": self.user, "version": self.notice.version}
        )
