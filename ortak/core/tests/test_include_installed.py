"""``{% include_installed %}``: lower apps show higher apps' sections only where they exist."""

from __future__ import annotations

import pytest
from django.template import Context, Template, TemplateDoesNotExist

from ortak.core.templatetags.ortak import template_installed


def _render(source: str, **context: object) -> str:
    return Template("{% load ortak %}" + source).render(Context(context))


def test_a_missing_template_is_left_out() -> None:
    assert not template_installed("nowhere/section.html")
    assert _render('[{% include_installed "nowhere/section.html" with node=1 %}]') == "[]"


def test_an_installed_template_is_included_with_its_variables() -> None:
    # The pagination component of the project's templates, with a page object of one page.
    assert template_installed("components/pagination.html")
    html = _render('{% include_installed "components/pagination.html" %}ok')
    assert html.endswith("ok")


def test_the_name_may_come_from_a_variable() -> None:
    assert _render("[{% include_installed name %}]", name="nowhere/x.html") == "[]"


def test_an_error_inside_an_installed_template_is_not_hidden(tmp_path, settings) -> None:
    (tmp_path / "broken.html").write_text('{% include "nowhere/inner.html" %}', encoding="utf-8")
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]}
    ]
    with pytest.raises(TemplateDoesNotExist):
        _render('{% include_installed "broken.html" %}')
