"""What every browser test uses: visit a page (status + accessibility), keyboard-only input,
named steps, and the two interface languages.

Kept free of fixtures so that a flow reads as a list of calls:

    visit(page, "/belediyeler/")
    with step("open the municipality"):
        page.get_by_role("link", name="Deneme Belediyesi").click()
        expect_ok(page)
"""

from __future__ import annotations

import json
import os
import re
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Locator, Page, Response

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"

# axe-core ships inside axe-playwright-python (axe.min.js). conftest.py adds it to every browser
# context as an init script (through the DevTools protocol: no network, and not subject to the
# site's Content-Security-Policy); pages that somehow lack it get it injected here.
_AXE = Axe()
AXE_SCRIPT: str = _AXE.axe_script
# WCAG 2.2 A/AA plus axe's best practices; only serious and critical findings fail a test, the
# others are collected in e2e/artifacts/axe-findings.json for the accessibility backlog.
AXE_OPTIONS: dict[str, Any] = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
    },
    "resultTypes": ["violations"],
}
BLOCKING_IMPACTS = frozenset({"serious", "critical"})

# Serious violations already reported to the coordinator, in templates this harness does not own:
# {(axe rule id, regex on the URL path): the page and the fix asked for}. They are recorded and
# listed at the end of the run, but do not fail the flow, so that the rest of it keeps being
# checked. Remove an entry once the template is fixed (the summary lists entries no page hit).
# Violations accepted for now, each with the reason and the template to fix; empty means every
# serious or critical finding fails the test.
KNOWN_VIOLATIONS: dict[tuple[str, str], str] = {}
KNOWN_HITS: set[tuple[str, str]] = set()

# Every finding of the session, blocking or not: {(url path, rule id): finding}.
AXE_FINDINGS: dict[tuple[str, str], dict[str, Any]] = {}
# Pages already checked, by path, viewport width and the shape of their DOM: the same page in the
# same state is checked once per run (a login form seen by every flow costs one check; the English
# run of a flow re-checks only what differs structurally from the Turkish one).
_CHECKED: set[tuple[str, int, int]] = set()
_PAGE_SHAPE = """() => {
  let hash = 0;
  for (const el of document.body.querySelectorAll("*")) {
    const key = el.tagName + (el.getAttribute("role") || "") + (el.getAttribute("type") || "")
      + (el.className || "");
    for (let i = 0; i < key.length; i++) hash = (hash * 31 + key.charCodeAt(i)) | 0;
  }
  return [window.innerWidth, hash];
}"""


@contextmanager
def step(name: str) -> Iterator[None]:
    """Name a step of a flow; a failure inside it says which step broke (the screenshot of the
    failing page is saved by the pytest hook in conftest.py)."""
    started = time.perf_counter()
    try:
        yield
    except BaseException as error:
        error.add_note(f"e2e step failed: {name}")
        raise
    finally:
        if os.environ.get("ORTAK_E2E_TIMING"):
            print(f"  {time.perf_counter() - started:6.2f}s  {name}")


def visit(page: Page, url: str, *, status: int = 200, axe: bool = True) -> Response:
    """Open ``url``, assert the HTTP status of the final response and check accessibility."""
    response = page.goto(url)
    assert response is not None, f"No response for {url}"
    expect_status(page, response, status)
    if axe:
        check_accessibility(page)
    return response


def expect_status(page: Page, response: Response | None, status: int = 200) -> None:
    assert response is not None, f"No response at {page.url}"
    assert response.status == status, (
        f"{response.request.method} {response.url} answered {response.status}, expected {status}"
    )


def follow(page: Page, link: Locator, *, status: int = 200, axe: bool = True) -> Response:
    """Click a link (or submit button) that navigates; assert status and accessibility."""
    with page.expect_navigation() as navigation:
        link.click()
    response = navigation.value
    expect_status(page, response, status)
    if axe:
        check_accessibility(page)
    assert response is not None
    return response


def check_accessibility(page: Page) -> None:
    """Run axe-core on the current page; fail on serious or critical violations."""
    path = re.sub(r"^https?://[^/]+", "", page.url)
    width, shape = page.evaluate(_PAGE_SHAPE)
    signature = (path, width, shape)
    if signature in _CHECKED:
        return
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(AXE_SCRIPT)
    response = page.evaluate(f"axe.run({json.dumps(AXE_OPTIONS)})")
    violations: list[dict[str, Any]] = response["violations"]
    _CHECKED.add(signature)
    for violation in violations:
        AXE_FINDINGS.setdefault(
            (path, violation["id"]),
            {
                "page": path,
                "rule": violation["id"],
                "impact": violation["impact"],
                "help": violation["help"],
                "targets": [", ".join(node["target"]) for node in violation["nodes"]][:5],
            },
        )
    blocking = [
        v for v in violations if v["impact"] in BLOCKING_IMPACTS and not _known(v["id"], path)
    ]
    if blocking:
        pytest.fail(axe_report(path, blocking), pytrace=False)


def _known(rule: str, path: str) -> bool:
    for known_rule, pattern in KNOWN_VIOLATIONS:
        if rule == known_rule and re.search(pattern, path):
            KNOWN_HITS.add((known_rule, pattern))
            return True
    return False


def axe_report(path: str, violations: list[dict[str, Any]]) -> str:
    lines = [f"Accessibility: {len(violations)} serious/critical axe violation(s) on {path}"]
    for violation in violations:
        lines.append(
            f"- [{violation['impact']}] {violation['id']}: {violation['help']}"
            f" ({violation['helpUrl']})"
        )
        for node in violation["nodes"][:5]:
            lines.append(f"    at {', '.join(node['target'])}: {node['html'][:160]}")
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            if summary:
                lines.append(f"       {summary[:300]}")
        if len(violation["nodes"]) > 5:
            lines.append(f"    … and {len(violation['nodes']) - 5} more elements")
    return "\n".join(lines)


def write_axe_findings() -> Path:
    """Every finding of this run (an empty list when there is none, so no stale file stays)."""
    ARTIFACTS.mkdir(exist_ok=True)
    target = ARTIFACTS / "axe-findings.json"
    findings = sorted(AXE_FINDINGS.values(), key=lambda f: (f["page"], f["rule"]))
    target.write_text(json.dumps(findings, ensure_ascii=False, indent=2), encoding="utf-8")
    return target


# --- Keyboard -------------------------------------------------------------------------------

_DESCRIBE_FOCUS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return "<body>";
  const name = el.getAttribute("aria-label") || el.getAttribute("name") || el.id
    || (el.textContent || "").trim().slice(0, 40);
  return `<${el.tagName.toLowerCase()}> ${name}`;
}"""


def tab_to(page: Page, target: Locator, *, max_presses: int = 80, backwards: bool = False) -> None:
    """Press Tab (or Shift+Tab) until ``target`` has the focus, as a keyboard user would.

    Fails, listing what received the focus on the way, if it is never reached: then the element
    is not keyboard-focusable or sits behind a trap.
    """
    if target.count() != 1:
        pytest.fail(f"{target} matches {target.count()} elements on {page.url}", pytrace=False)
    handle = target.element_handle()
    assert handle is not None
    key = "Shift+Tab" if backwards else "Tab"
    visited: list[str] = []
    for _ in range(max_presses):
        page.keyboard.press(key)
        if page.evaluate("el => document.activeElement === el", handle):
            return
        visited.append(page.evaluate(_DESCRIBE_FOCUS))
    pytest.fail(
        f"{target} was not reached with {max_presses} {key} presses on {page.url}; focus went to: "
        + " → ".join(visited[:40]),
        pytrace=False,
    )


def type_into(page: Page, field: Locator, text: str) -> None:
    """Reach ``field`` with Tab and type ``text`` with the keyboard."""
    tab_to(page, field)
    page.keyboard.press("Control+A")
    page.keyboard.type(text)


def check_with_keyboard(page: Page, checkbox: Locator) -> None:
    tab_to(page, checkbox)
    if not checkbox.is_checked():
        page.keyboard.press("Space")
    assert checkbox.is_checked(), f"Space did not check {checkbox}"


def choose_with_keyboard(
    page: Page, select: Locator, *, label: str | None = None, value: str | None = None
) -> None:
    """Pick an option of a ``<select>`` (by its text or its value) with Home and the arrows."""
    tab_to(page, select)
    options: list[dict[str, str]] = select.locator("option").evaluate_all(
        "els => els.map(o => ({value: o.value, label: o.textContent.trim()}))"
    )
    wanted = next(
        (
            i
            for i, option in enumerate(options)
            if (label is not None and option["label"] == label)
            or (value is not None and option["value"] == value)
        ),
        None,
    )
    assert wanted is not None, f"{select} has no option {label or value!r}: {options}"
    page.keyboard.press("Home")
    for _ in range(wanted):
        page.keyboard.press("ArrowDown")
    selected = select.evaluate("el => el.selectedIndex")
    assert selected == wanted, f"The arrows selected option {selected}, not {wanted}, in {select}"


def submit_with_enter(
    page: Page, field: Locator, *, status: int = 200, axe: bool = True
) -> Response:
    """Press Enter in a form field (already reached by keyboard) and wait for the next page."""
    if not _has_focus(page, field):
        tab_to(page, field)
    with page.expect_navigation() as navigation:
        page.keyboard.press("Enter")
    response = navigation.value
    expect_status(page, response, status)
    if axe:
        check_accessibility(page)
    assert response is not None
    return response


def activate_with_keyboard(
    page: Page, control: Locator, *, status: int = 200, axe: bool = True
) -> Response:
    """Tab to a link or button and press Enter, waiting for the navigation it causes."""
    tab_to(page, control)
    with page.expect_navigation() as navigation:
        page.keyboard.press("Enter")
    response = navigation.value
    expect_status(page, response, status)
    if axe:
        check_accessibility(page)
    assert response is not None
    return response


def assert_focus_visible(page: Page) -> None:
    """The focused element shows a focus indicator (outline or box-shadow)."""
    indicator = page.evaluate(
        """() => {
          const s = getComputedStyle(document.activeElement);
          return {outline: s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0,
                  shadow: s.boxShadow !== "none"};
        }"""
    )
    assert indicator["outline"] or indicator["shadow"], (
        f"The focused element {page.evaluate(_DESCRIBE_FOCUS)} on {page.url} has no visible focus"
    )


def _has_focus(page: Page, locator: Locator) -> bool:
    handle = locator.element_handle()
    return bool(handle and page.evaluate("el => document.activeElement === el", handle))


# --- Languages ------------------------------------------------------------------------------


def say(language: str, tr: str, en: str) -> str:
    """The interface text in the test's language (Turkish first, as on the site)."""
    return tr if language == "tr" else en


def assert_language(page: Page, language: str) -> None:
    lang = page.locator("html").get_attribute("lang")
    assert lang == language, f"{page.url} is in {lang!r}, expected {language!r}"


def as_number(text: str, language: str) -> Decimal:
    """A number as the page shows it: 1.234,5 in Turkish, 1,234.5 in English."""
    thousands, decimal = (".", ",") if language == "tr" else (",", ".")
    cleaned = text.strip().split()[0].replace(thousands, "").replace(decimal, ".")
    return Decimal(cleaned)


def switch_language(page: Page, language: str) -> None:
    """Use the switcher in the header, as a visitor would."""
    button = page.locator(f'form.language-switcher button[name="language"][value="{language}"]')
    follow(page, button, axe=False)
    assert_language(page, language)


def assert_fits_width(page: Page) -> None:
    """Nothing overflows sideways (the 360 px phone check): the page scrolls only vertically."""
    overflow = page.evaluate(
        """() => ({scroll: document.documentElement.scrollWidth,
                  client: document.documentElement.clientWidth})"""
    )
    assert overflow["scroll"] <= overflow["client"], (
        f"{page.url} is {overflow['scroll']} px wide in a {overflow['client']} px viewport"
    )


# --- Accounts -------------------------------------------------------------------------------


def log_in(page: Page, email: str, password: str, *, totp: Callable[[], str] | None = None) -> None:
    """Log in through the form with the keyboard; with ``totp``, answer the second step too."""
    visit(page, "/hesap/login/")
    type_into(page, page.locator('input[name="login"]'), email)
    password_field = page.locator('input[name="password"]')
    type_into(page, password_field, password)
    submit_with_enter(page, password_field)
    if totp is not None:
        code = page.locator('input[name="code"]')
        assert code.count() == 1, f"No second-step code field after the password at {page.url}"
        type_into(page, code, totp())
        submit_with_enter(page, code)
    assert page.locator('form[action$="/hesap/logout/"]').count() >= 1, (
        f"Not logged in after the login form; now at {page.url}"
    )


def mail_link(outbox: list[Any], to: str, pattern: str) -> str:
    """The path of the first link matching ``pattern`` in the newest e-mail sent to ``to``."""
    for message in reversed(outbox):
        if to in message.to:
            bodies = [message.body] + [
                alternative[0] for alternative in getattr(message, "alternatives", [])
            ]
            for body in bodies:
                found = re.search(rf"https?://[^/\s]+({pattern})", body)
                if found:
                    return found.group(1)
            raise AssertionError(f"The e-mail to {to} has no link like {pattern}:\n{message.body}")
    raise AssertionError(f"No e-mail was sent to {to}; sent: {[m.to for m in outbox]}")
