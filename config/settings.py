"""The one settings module of Ortak. Every environment difference comes from config/env.py."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import dj_database_url
from django.utils.translation import gettext_lazy as _

from config.env import email_settings, env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("ORTAK_VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("DEBUG", False)
# The embedded default key is only for the demo and tests; `check --deploy` flags it, and
# production sets SECRET_KEY in the environment.
SECRET_KEY = env_str("SECRET_KEY", "django-insecure-ortak-demo-key-do-not-use-in-production")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000")
SITE_ID = 1

INSTALLED_APPS = [
    "ortak.accounts.admin_site.OrtakAdminConfig",  # django.contrib.admin, staff with MFA only
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sites",
    # Ortak's accounts app comes before allauth so that its templates override allauth's.
    "ortak.accounts",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "csp",
    "django_htmx",
    "template_partials",
    "django_tasks",
    "django_tasks_db",
    "ortak.core",
    "ortak.audit",
    "ortak.notifications",
    "ortak.organizations",
    "ortak.plans",
    "ortak.monitoring",
    "ortak.participation",
    "ortak.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "ortak.accounts.middleware.StaffMFAMiddleware",
    "ortak.accounts.middleware.PrivacyNoticeMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "ortak.core.context_processors.site",
                "ortak.notifications.context_processors.unread_notifications",
            ],
        },
    }
]

# --- Database -------------------------------------------------------------------------
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the task worker and the web server read while the other writes.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache, sessions ------------------------------------------------------------------
REDIS_URL = env_str("REDIS_URL")
CACHES: dict[str, dict[str, Any]]
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
        },
        "pages": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "pages",
        },
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "ortak_cache",
        },
        # Per process; correct across processes because its keys carry the shared generation
        # (ortak.core.pagecache). Bounded: the oldest third goes when it is full.
        "pages": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "ortak-pages",
            "OPTIONS": {
                "MAX_ENTRIES": env_int("ORTAK_PAGE_CACHE_ENTRIES", 1000),
                "CULL_FREQUENCY": 3,
            },
        },
    }
# Anonymous visitors' public pages, dropped on every committed write (ortak.core.pagecache).
ORTAK_PAGE_CACHE_SECONDS = env_int("ORTAK_PAGE_CACHE_SECONDS", 600)

# --- Background tasks -----------------------------------------------------------------
TASKS = {
    "default": {
        "BACKEND": env_str("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

# --- Auth -----------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_EMAIL_VERIFICATION_BY_CODE_ENABLED = False
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_RATE_LIMITS = {
    "login_failed": "5/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "confirm_email": "1/3m/key",
}
ACCOUNT_FORMS = {"signup": "ortak.accounts.forms.SignupForm"}
ACCOUNT_ADAPTER = "ortak.accounts.adapter.AccountAdapter"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Ortak"
MFA_ADAPTER = "ortak.accounts.adapter.MFAAdapter"
# With mandatory verification nobody signs in with an unverified address, so allauth's guard
# against enabling MFA on one is moot; switching it off lets users with MFA change their e-mail.
MFA_ALLOW_UNVERIFIED_EMAIL = True
# Tests and the e2e demo can log in staff with a fixed TOTP code; never set in production.
MFA_TOTP_INSECURE_BYPASS_CODE = env_str("MFA_TOTP_INSECURE_BYPASS_CODE") or None

# --- Internationalisation -------------------------------------------------------------
LANGUAGE_CODE = "tr"
LANGUAGES = [("tr", _("Turkish")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Istanbul"
USE_I18N = True
USE_TZ = True
LANGUAGE_COOKIE_NAME = "ortak_language"
LANGUAGE_COOKIE_SECURE = env_bool("HTTPS", not DEBUG)
LANGUAGE_COOKIE_SAMESITE = "Lax"

# --- Static and media -----------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("vendor/bootstrap", BASE_DIR / "node_modules" / "bootstrap" / "dist"),
    ("vendor/bootstrap-icons", BASE_DIR / "node_modules" / "bootstrap-icons" / "font"),
]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if env_bool("STATIC_MANIFEST", not DEBUG)
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 25 * 1024 * 1024

# --- E-mail ---------------------------------------------------------------------------
globals().update(email_settings(env_str("EMAIL_URL", "console://")))
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Ortak <no-reply@ortak.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Security -------------------------------------------------------------------------
# Outside DEBUG, cookies are secure and HSTS is on. The redirect to HTTPS is usually done by
# the load balancer, so the application does it only when SECURE_SSL_REDIRECT=1 is set.
HTTPS = env_bool("HTTPS", not DEBUG)
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SESSION_COOKIE_HTTPONLY = True
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", False)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000) if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("BEHIND_PROXY") else None
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

# --- Logging --------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}

# --- Ortak's own settings -------------------------------------------------------------
# Progress status bands (ARCHITECTURE §4 rule 7) and participation deadlines are settings so
# that a programme can tune them without a code change.
ORTAK_STATUS_ON_TRACK = 90
ORTAK_STATUS_AT_RISK = 60
ORTAK_ANSWER_DEADLINE_DAYS = 30  # Law 3071 on the right to petition
# Monitoring: days before a period's due date on which indicator owners are reminded.
ORTAK_MONITORING_REMINDER_DAYS = (14, 3)
ORTAK_UPLOAD_MAX_BYTES = env_int("ORTAK_UPLOAD_MAX_BYTES", 10 * 1024 * 1024)
ORTAK_IMPORT_MAX_BYTES = env_int("ORTAK_IMPORT_MAX_BYTES", 10 * 1024 * 1024)
# Report files (monitoring) of plans with more indicators are drawn by the task worker.
ORTAK_REPORT_INLINE_MAX_INDICATORS = env_int("ORTAK_REPORT_INLINE_MAX_INDICATORS", 60)
# Who must set up MFA besides staff (ortak/accounts/permissions.py): dotted paths of
# ``(user) -> bool`` predicates owned by the apps that define the roles.
ORTAK_MFA_REQUIRED_PREDICATES = ["ortak.organizations.permissions.holds_municipality_role"]
