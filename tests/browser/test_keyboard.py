"""Keyboard use: every question is reached with Tab in the order of the form, the focus is
visible on each stop, and the answer's links and buttons come after the form."""

from __future__ import annotations

from playwright.sync_api import Page

from cip_core.case import FIELD_NAMES
from tests.browser.conftest import PAGES, Watch, wait_answered
from tests.browser.site_server import SiteServer

FOCUSED = """() => {
  const e = document.activeElement;
  const style = getComputedStyle(e);
  return {
    name: e.getAttribute("name"), id: e.id, tag: e.tagName.toLowerCase(),
    inResult: Boolean(e.closest("#cip-answer")),
    outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2,
    // The calendar button inside a date input: the browser draws its own focus ring there.
    pickerButton: e.type === "date" && !e.matches(":focus"),
  };
}"""


def test_tab_order_and_visible_focus(
    watched_page: tuple[Page, Watch], site_server: SiteServer
) -> None:
    page, _ = watched_page
    page.goto(f"{site_server.origin}{PAGES['fr']}?workplace_region=brussels&age=30")
    wait_answered(page)
    page.focus("#cip-workplace_region-brussels")
    stops = [page.evaluate(FOCUSED)]
    for _ in range(60):
        page.keyboard.press("Tab")
        stop = page.evaluate(FOCUSED)
        stops.append(stop)
        if stop["id"] == "cip-print":
            break
    fields: list[str] = []
    for stop in stops:  # a date input has one stop per part (day, month, year)
        if stop["name"] in FIELD_NAMES and (not fields or fields[-1] != stop["name"]):
            fields.append(stop["name"])
    # One stop per question (a radio group is one stop), in the form's order.
    form_order = page.eval_on_selector_all(
        "#cip-checker [name]", "els => [...new Set(els.map(e => e.name))]"
    )
    assert fields == form_order
    assert set(fields) == set(FIELD_NAMES)
    assert [s["id"] for s in stops if s["inResult"]][-2:] == ["cip-copy", "cip-print"]
    assert any(s["inResult"] and s["tag"] == "a" for s in stops)  # the answer's links
    invisible = [s["id"] for s in stops if not s["outline"] and not s["pickerButton"]]
    assert invisible == [], "focus not visible on these stops"


def test_radio_answers_with_arrow_keys(
    watched_page: tuple[Page, Watch], site_server: SiteServer
) -> None:
    page, _ = watched_page
    page.goto(f"{site_server.origin}{PAGES['nl']}")
    page.focus("#cip-workplace_region-brussels")
    page.keyboard.press("ArrowDown")  # the next choice of the group: Vlaanderen
    page.wait_for_selector("#cip-result[data-verdict]", state="attached", timeout=60_000)
    assert page.is_checked("#cip-workplace_region-flanders")
    assert "workplace_region=flanders" in page.url
