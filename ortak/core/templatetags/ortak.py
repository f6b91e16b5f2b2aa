"""Template filters for Turkish numbers and the shared form-field template."""

from __future__ import annotations

from decimal import Decimal

from django import template
from django.forms import BoundField
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django.template.loader_tags import IncludeNode, do_include
from django.utils.translation import get_language

from ortak.core import turkish

register = template.Library()


def _format(value: Decimal | int | float | None, decimals: int) -> str:
    if value is None or value == "":
        return "–"
    if (get_language() or "tr").startswith("tr"):
        return turkish.format_number(value, decimals)
    number = Decimal(str(value)).quantize(Decimal(1).scaleb(-decimals))
    return f"{number:,.{decimals}f}"


@register.filter
def number(value: Decimal | int | float | None, decimals: int = 0) -> str:
    """1234.5|number:2 → "1.234,50" in Turkish, "1,234.50" in English."""
    return _format(value, int(decimals))


@register.filter
def lira(value: Decimal | int | float | None) -> str:
    """A lira amount with the ₺ sign, whole lira."""
    if value is None or value == "":
        return "–"
    return f"{_format(value, 0)} ₺"


@register.filter
def percent(value: Decimal | int | float | None) -> str:
    """Whole percent as pages show them (ARCHITECTURE §4 rule 8): 42.6 → "%43" / "43%"."""
    if value is None or value == "":
        return "–"
    text = _format(value, 0)
    return f"%{text}" if (get_language() or "tr").startswith("tr") else f"{text}%"


_CHECKS = {"checkbox", "radioselect", "checkboxselectmultiple"}


@register.inclusion_tag("components/field.html")
def field(bound_field: BoundField, hint: str = "") -> dict[str, object]:
    """Render one form field with label, hint, errors and aria-describedby (STYLE rule 9)."""
    hint = hint or str(bound_field.help_text or "")
    field_id = bound_field.auto_id
    described = []
    if hint:
        described.append(f"{field_id}_hint")
    if bound_field.errors:
        described.append(f"{field_id}_errors")
    kind = bound_field.widget_type
    css = {"checkbox": "form-check-input", "select": "form-select"}.get(kind, "form-control")
    if kind in {"radioselect", "checkboxselectmultiple"}:
        css = ""
    attrs: dict[str, str | bool] = {}
    existing = bound_field.field.widget.attrs.get("class", "")
    classes = " ".join(c for c in (existing, css, "is-invalid" if bound_field.errors else "") if c)
    if classes:
        attrs["class"] = classes
    if described:
        attrs["aria-describedby"] = " ".join(described)
    if bound_field.errors:
        attrs["aria-invalid"] = "true"
    return {
        "field": bound_field,
        "hint": hint,
        "widget": bound_field.as_widget(attrs=attrs),
        "is_check": kind == "checkbox",
        "is_group": kind in _CHECKS and kind != "checkbox",
    }


# --- Sections of higher apps ------------------------------------------------------------


def template_installed(name: str) -> bool:
    """Whether a template exists: a higher app's template is there only when the app is."""
    try:
        get_template(name)
    except TemplateDoesNotExist:
        return False
    return True


class _InstalledIncludeNode(template.Node):
    def __init__(self, include: IncludeNode) -> None:
        self.include = include

    def render(self, context: template.Context) -> str:
        name = self.include.template.resolve(context)
        if not isinstance(name, str) or not template_installed(name):
            return ""
        return str(self.include.render(context))


@register.tag("include_installed")
def include_installed(parser: template.base.Parser, token: template.base.Token) -> template.Node:
    """``{% include %}`` of a higher app's template, left out when that app is not installed.

    A lower app (plans, organizations) shows the sections that participation and monitoring add
    to its pages without depending on them (ARCHITECTURE §2): ``{% include_installed
    "participation/node_section.html" with node=plan %}``. Only the named template's existence
    is checked; an error inside it is raised as with ``{% include %}``.
    """
    include = do_include(parser, token)
    # The parser stamps these on the node a tag returns; the wrapped include needs them too.
    include.origin = parser.origin  # type: ignore[assignment]
    include.token = token
    return _InstalledIncludeNode(include)
