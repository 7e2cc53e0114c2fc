"""The buttons under the answer and the answer column (issue 20 item 7), in every language of the
build: "start again" empties the form and the address, the copy button puts the answer's address
on the clipboard where there is no share sheet and the share sheet gets it where there is one,
the "?" mark keeps its colour at 3:1 on the dark palette, and the answer column stays in view on
a desktop screen while the lower questions are answered. Each measure is shown failing once on a
page broken on purpose (the "measure catches" tests)."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from cip_core.messages import lookup
from tests.browser.cases import BRUSSELS, CASES
from tests.browser.conftest import new_watched_page, show_case, touched
from tests.browser.site_server import SiteServer
from tests.build_languages import LANGUAGES

DESKTOP = {"width": 1280, "height": 800}
HEDGED = BRUSSELS  # eligible, to_confirm: the card's mark is "?"
# The page's own features are what is tested: where this Chromium has a share sheet, it goes.
NO_SHARE = "delete Navigator.prototype.share; delete navigator.share;"
# Records what the page hands the share sheet, and opens none.
SHARE_STUB = """Object.defineProperty(Navigator.prototype, "share", {
  configurable: true,
  value: function (data) { (window.cipShared = window.cipShared || []).push(data);
                           return Promise.resolve(); },
});"""
MIN_MARK_CONTRAST = 3.0  # WCAG 1.4.11, a graphical object

# The form's answers: checked choices and filled boxes (the buttons are no answer).
FILLED = """() => [...document.getElementById("cip-checker").elements].flatMap((e) => {
  if (e.type === "radio" || e.type === "checkbox")  // a choice of "" is the unanswered one
    return e.checked && e.value ? [`${e.name}=${e.value}`] : [];
  if (["button", "submit", "reset", "fieldset"].includes(e.type) || !e.name) return [];
  return e.value ? [`${e.name}=${e.value}`] : [];
})"""
# The mark's colour, the body text's, and the colour behind the mark (the first opaque
# background from the mark up to the page), as [r, g, b] in 0..255.
MARK_COLOURS = """() => {
  const rgb = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
  const mark = document.querySelector("#cip-verdict .cip-verdict-mark");
  let back = null;
  for (let e = mark; e && !back; e = e.parentElement) {
    const c = rgb(getComputedStyle(e).backgroundColor);
    if (c.length === 3 || (c.length === 4 && c[3] > 0)) back = c.slice(0, 3);
  }
  return { text: mark.textContent, mark: rgb(getComputedStyle(mark).color).slice(0, 3),
           body: rgb(getComputedStyle(document.body).color).slice(0, 3),
           back: back || [255, 255, 255],
           scheme: document.body.getAttribute("data-md-color-scheme") };
}"""
# Where the answer column is once the window is scrolled to the bottom of the form.
COLUMN_AT_FORM_BOTTOM = """() => {
  const form = document.getElementById("cip-checker");
  const bottom = form.getBoundingClientRect().bottom + window.scrollY;
  window.scrollTo(0, bottom - window.innerHeight);
  const column = document.querySelector("#cip-answer .cip-answer-inner")
    || document.getElementById("cip-answer");
  const box = column.getBoundingClientRect();
  return { top: box.top, bottom: box.bottom, scrolled: window.scrollY,
           position: getComputedStyle(column).position, viewport: window.innerHeight };
}"""


@pytest.fixture(scope="module")
def desktop_page(chromium_browser: Browser, site_server: SiteServer) -> Iterator[Page]:
    """One desktop browser without a share sheet, allowed to use the clipboard."""
    page, watch = new_watched_page(
        chromium_browser,
        site_server.origin,
        viewport=DESKTOP,
        permissions=["clipboard-read", "clipboard-write"],
    )
    page.context.add_init_script(NO_SHARE)
    yield page
    watch.assert_clean()
    page.context.close()


@pytest.fixture
def desktop(desktop_page: Page) -> Iterator[Page]:
    desktop_page.emulate_media(media="screen")
    yield desktop_page
    # The palette a test chose stays with that test (Material keeps it in localStorage).
    desktop_page.evaluate("localStorage.removeItem('__palette')")


def add_rule(page: Page, rule: str) -> None:
    """A style rule added through the CSSOM (the site's CSP refuses inline <style>)."""
    touched(page)
    page.evaluate(
        """(rule) => { const s = [...document.styleSheets].findLast((s) => !s.media.mediaText);
                       s.insertRule(rule, s.cssRules.length); }""",
        rule,
    )


@pytest.fixture(scope="module")
def sharing_page(chromium_browser: Browser, site_server: SiteServer) -> Iterator[Page]:
    """A browser with a share sheet (a stub that records what it is given)."""
    page, watch = new_watched_page(chromium_browser, site_server.origin, viewport=DESKTOP)
    page.context.add_init_script(SHARE_STUB)
    yield page
    watch.assert_clean()
    page.context.close()


def open_case(page: Page, site_server: SiteServer, lang: str, case: dict[str, str]) -> None:
    assert show_case(page, site_server.origin, lang, case) == "answered"


def case_params(page: Page, case: dict[str, str]) -> set[str]:
    """The case's fields still in the page's address."""
    return set(parse_qs(urlsplit(page.url).query)) & set(case)


def permalink(page: Page) -> str:
    return str(page.evaluate("location.href"))


# --- 1. Start again ------------------------------------------------------------------------


def assert_reset(page: Page, case: dict[str, str]) -> None:
    assert page.evaluate(FILLED) == []
    assert case_params(page, case) == set()
    assert page.evaluate("location.search") == ""
    expect(page.locator("#cip-result")).to_have_attribute("data-state", "waiting")
    expect(page.locator("#cip-verdict")).to_have_count(0)


def swallow_clicks(page: Page, selector: str) -> None:
    """Breaks a button: its clicks stop at the window and never reach its handler."""
    touched(page)
    page.evaluate(
        """(selector) => window.addEventListener("click", (e) => {
             if (e.target.closest(selector)) e.stopPropagation(); }, true)""",
        selector,
    )


@pytest.mark.parametrize("lang", LANGUAGES, scope="module")
def test_start_again_empties_the_form_and_the_address(
    desktop: Page, site_server: SiteServer, lang: str
) -> None:
    open_case(desktop, site_server, lang, HEDGED)
    filled = {answer.split("=")[0] for answer in desktop.evaluate(FILLED)}
    assert filled >= set(HEDGED)  # the case is in the form
    assert case_params(desktop, HEDGED) == set(HEDGED)
    expect(desktop.locator("#cip-verdict")).to_be_visible()
    desktop.locator("#cip-reset").click()
    assert_reset(desktop, HEDGED)
    expect(desktop.locator("#cip-copy-status")).to_have_text(lookup(lang, "ui", "resetDone"))


def test_the_measure_catches_a_dead_reset_button(desktop: Page, site_server: SiteServer) -> None:
    open_case(desktop, site_server, "fr", HEDGED)
    swallow_clicks(desktop, "#cip-reset")
    desktop.locator("#cip-reset").click()
    with pytest.raises(AssertionError):
        assert_reset(desktop, HEDGED)


# --- 2. Share, or copy where there is no share sheet ----------------------------------------


def copy_answer(page: Page) -> str:
    """Clicks the copy button; returns what the clipboard then holds."""
    page.locator("#cip-copy").click()
    page.wait_for_timeout(200)
    return str(page.evaluate("navigator.clipboard.readText()"))


@pytest.mark.parametrize("lang", LANGUAGES, scope="module")
def test_without_a_share_sheet_copy_puts_the_answer_address_on_the_clipboard(
    desktop: Page, site_server: SiteServer, lang: str
) -> None:
    open_case(desktop, site_server, lang, HEDGED)
    assert desktop.evaluate("typeof navigator.share") == "undefined"
    expect(desktop.locator("#cip-share")).to_be_hidden()
    expect(desktop.locator("#cip-copy")).to_be_visible()
    desktop.evaluate("navigator.clipboard.writeText('stale')")
    copied = copy_answer(desktop)
    assert copied == permalink(desktop)
    assert case_params(desktop, HEDGED) == set(HEDGED)  # the address holds the case
    # The same address the card prints as this answer's.
    printed = desktop.locator("#cip-verdict .cip-permalink-url")
    assert printed.text_content() == copied
    status = desktop.locator("#cip-copy-status")
    expect(status).to_have_text(lookup(lang, "ui", "copyDone"))
    expect(status).to_be_visible()


def test_the_measure_catches_a_copy_that_copies_nothing(
    desktop: Page, site_server: SiteServer
) -> None:
    open_case(desktop, site_server, "fr", HEDGED)
    desktop.evaluate("navigator.clipboard.writeText('stale')")
    touched(desktop)
    desktop.evaluate("navigator.clipboard.writeText = () => Promise.resolve()")
    assert copy_answer(desktop) == "stale"


@pytest.mark.parametrize("lang", LANGUAGES, scope="module")
def test_a_share_sheet_gets_the_answer_address(
    sharing_page: Page, site_server: SiteServer, lang: str
) -> None:
    open_case(sharing_page, site_server, lang, HEDGED)
    expect(sharing_page.locator("#cip-share")).to_be_visible()
    shared = share_answer(sharing_page)
    assert len(shared) == 1, shared
    assert shared[0]["url"] == permalink(sharing_page)
    assert case_params(sharing_page, HEDGED) == set(HEDGED)


def share_answer(page: Page) -> list[dict[str, str]]:
    """Clicks the share button; returns what the share sheet was given."""
    page.evaluate("window.cipShared = []")
    page.locator("#cip-share").click()
    page.wait_for_timeout(200)
    return list(page.evaluate("window.cipShared"))


def test_the_measure_catches_a_share_button_that_shares_nothing(
    sharing_page: Page, site_server: SiteServer
) -> None:
    open_case(sharing_page, site_server, "fr", HEDGED)
    swallow_clicks(sharing_page, "#cip-share")
    assert share_answer(sharing_page) == []


# --- 3. The "?" mark on the dark palette ----------------------------------------------------


def luminance(rgb: list[float]) -> float:
    def channel(value: float) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: list[float], b: list[float]) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def open_dark(page: Page, site_server: SiteServer, lang: str) -> None:
    open_case(page, site_server, lang, HEDGED)
    touched(page)  # the next case opens the page in the palette it is given
    # The reader's choice, through Material's own palette toggle.
    page.eval_on_selector(
        "input[name=__palette][data-md-color-scheme=slate]", "input => input.click()"
    )
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")


def mark_problems(page: Page) -> list[str]:
    seen = page.evaluate(MARK_COLOURS)
    problems = []
    if seen["scheme"] != "slate":
        problems.append(f"palette {seen['scheme']}")
    if seen["text"] != "?":
        problems.append(f"mark {seen['text']!r}")
    if seen["mark"] == seen["body"]:
        problems.append(f"mark in the text colour {seen['mark']}")
    ratio = contrast(seen["mark"], seen["back"])
    if ratio < MIN_MARK_CONTRAST:
        problems.append(f"contrast {ratio:.2f}: {seen['mark']} on {seen['back']}")
    return problems


@pytest.mark.parametrize("lang", LANGUAGES, scope="module")
def test_the_question_mark_keeps_its_colour_on_the_dark_palette(
    desktop: Page, site_server: SiteServer, lang: str
) -> None:
    open_dark(desktop, site_server, lang)
    assert desktop.evaluate("window.cipChecker.lastResult.certainty") == "to_confirm"
    assert mark_problems(desktop) == []


def test_the_measure_catches_a_mark_in_text_colour_or_too_dark(
    desktop: Page, site_server: SiteServer
) -> None:
    open_dark(desktop, site_server, "fr")
    add_rule(desktop, "#cip-verdict .cip-verdict-mark { color: inherit !important; }")
    assert any("text colour" in p for p in mark_problems(desktop))
    # The light palette's blue on the dark page (2.8:1).
    add_rule(desktop, "#cip-verdict .cip-verdict-mark { color: #1565c0 !important; }")
    assert any("contrast" in p for p in mark_problems(desktop))


# --- 4. The answer column stays in view on a desktop screen ---------------------------------


def column_problems(page: Page) -> list[str]:
    seen = page.evaluate(COLUMN_AT_FORM_BOTTOM)
    problems = []
    if seen["scrolled"] <= 0:
        problems.append("the form fits the screen: nothing scrolled")
    if not 0 <= seen["top"] < seen["viewport"]:
        problems.append(f"column out of view: {seen}")
    return problems


@pytest.mark.parametrize("lang", LANGUAGES, scope="module")
def test_the_answer_column_stays_in_view_down_the_form(
    desktop: Page, site_server: SiteServer, lang: str
) -> None:
    for case in (HEDGED, CASES["too_long"]):
        open_case(desktop, site_server, lang, case)
        assert column_problems(desktop) == [], case
    expect(desktop.locator("#cip-verdict")).to_be_in_viewport()


def test_the_measure_catches_a_column_that_scrolls_away(
    desktop: Page, site_server: SiteServer
) -> None:
    open_case(desktop, site_server, "fr", HEDGED)
    add_rule(desktop, "#cip-answer .cip-answer-inner { position: static !important; }")
    assert [p for p in column_problems(desktop) if "out of view" in p]
