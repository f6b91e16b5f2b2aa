"""System checks of the accounts settings."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import Warning, register
from django.utils.module_loading import import_string


@register()
def check_mfa_predicates(app_configs: Any = None, **kwargs: Any) -> list[Warning]:
    """Every ORTAK_MFA_REQUIRED_PREDICATES entry must import; a missing one weakens MFA."""
    warnings = []
    for dotted_path in getattr(settings, "ORTAK_MFA_REQUIRED_PREDICATES", []):
        try:
            import_string(dotted_path)
        except ImportError:
            warnings.append(
                Warning(
                    f"MFA predicate {dotted_path!r} cannot be imported; users it would cover "
                    "are not asked to set up MFA.",
                    hint="Fix ORTAK_MFA_REQUIRED_PREDICATES in config/settings.py.",
                    id="accounts.W001",
                )
            )
    return warnings
