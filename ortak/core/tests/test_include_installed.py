"""``{% include_installed %}``: lower apps show higher apps' sections only where they exist."""

from __future__ import annotations

import pytest
from django.template import Context, Template, TemplateDoesNotExist

from ortak.core.templatetags.ortak import template_installed


def _render(source: str, **context: object) -> str:
    return Template("{% load ortak %}" + source).render(Context(context))


def _template_dir(directory, settings, name: str, source: str) -> None:
    """A template directory of the test's own, searched first."""
    (directory / name).write_text(source, encoding="utf-8")
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [directory, *settings.TEMPLATES[0]["DIRS"]]}
    ]


def test_a_missing_template_is_left_out() -> None:
    assert not template_installed("nowhere/section.html")
    assert _render('[{% include_installed "nowhere/section.html" with node=1 %}]') == "[]"


def test_an_installed_template_is_included_with_its_variables(tmp_path, settings) -> None:
    _template_dir(tmp_path, settings, "section.html", "<section>{{ node }}</section>")
    assert template_installed("section.html")
    assert (
        _render('[{% include_installed "section.html" with node=7 %}]') == "[<section>7</section>]"
    )


def test_the_name_may_come_from_a_variable() -> None:
    assert _render("[{% include_installed name %}]", name="nowhere/x.html") == "[]"


def test_an_error_inside_an_installed_template_is_not_hidden(tmp_path, settings) -> None:
    _template_dir(tmp_path, settings, "broken.html", '{% include "nowhere/inner.html" %}')
    with pytest.raises(TemplateDoesNotExist):
        _render('{% include_installed "broken.html" %}')
