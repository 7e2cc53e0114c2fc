"""The phone bar says what the answer area says, at every moment (ux walk of 1 December, §2
item 5): never "some answers need correcting" on an empty form, and the verdict as soon as it
is there, not after the next scroll. Every change of the page is recorded as it happens (a
MutationObserver), so a bar drawn before the state it shows cannot slip through."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from cip_core.messages import lookup
from tests.browser.conftest import PAGES, answers_shown, new_watched_page, wait_next_answer
from tests.browser.site_server import SiteServer
from tests.build_languages import LANGUAGES

# After each batch of changes: the answer area's state, the bar, and whether the bar is due
# (the form in sight, the answer not).
RECORDER = """
window.__bar = [];
const inView = (e) => {
  const box = e.getBoundingClientRect();
  return box.bottom > 0 && box.top < innerHeight && box.height > 0;
};
new MutationObserver((records) => {
  const root = document.getElementById("cip-calculator");
  const bar = document.getElementById("cip-bar");
  const result = document.getElementById("cip-result");
  const form = document.getElementById("cip-checker");
  // The calculator's own changes only: the theme's, on scroll, come before the bar's next
  // frame, which is when a scroll redraws it.
  if (!bar || !result || !form || !records.some((r) => root.contains(r.target))) return;
  window.__bar.push({
    state: result.dataset.state,
    hidden: bar.hidden,
    text: bar.querySelector(".cip-bar-text").textContent,
    title: result.querySelector(".cip-verdict-title")?.textContent ?? null,
    due: inView(form) && !inView(result),
  });
}).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
"""


@pytest.fixture
def phone(chromium_browser: Browser, site_server: SiteServer) -> Iterator[Page]:
    page, _ = new_watched_page(
        chromium_browser, site_server.origin, viewport={"width": 360, "height": 640}
    )
    page.add_init_script(RECORDER)
    yield page
    page.context.close()


def wrong_moments(log: list[dict[str, Any]], errors_title: str) -> list[dict[str, Any]]:
    def wrong(moment: dict[str, Any]) -> bool:
        state, shown, text = moment["state"], not moment["hidden"], moment["text"]
        if shown:
            expected = {
                "waiting": False,  # nothing to remind on an empty or idle form
                "answered": text == moment["title"],
                "input_error": text == errors_title,
                "loading": "%" in text and text != errors_title,
                "offline": text != errors_title,
            }
            return not expected.get(state, False)
        # Due and with something to say, the bar shows (not only after the next scroll).
        return bool(moment["due"] and state in ("answered", "input_error", "loading"))

    return [moment for moment in log if wrong(moment)]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_bar_matches_the_state_from_the_first_paint(
    phone: Page, site_server: SiteServer, lang: str
) -> None:
    phone.goto(site_server.origin + PAGES[lang])  # an empty form
    phone.locator("#cip-start_date").scroll_into_view_if_needed()  # the form in sight, loading
    phone.wait_for_selector("#cip-calculator[data-stage=ready]", state="attached", timeout=60_000)
    phone.wait_for_timeout(300)
    before = answers_shown(phone)
    phone.locator("label[for=cip-workplace_region-brussels]").click()  # no scroll: in sight
    assert wait_next_answer(phone, before) == "answered"
    phone.wait_for_timeout(300)
    log: list[dict[str, Any]] = phone.evaluate("window.__bar")
    errors_title = lookup(lang, "ui", "errorsTitle")
    # The recording saw loading, the idle form and the first answer.
    assert {"loading", "waiting", "answered"} <= {moment["state"] for moment in log}
    assert wrong_moments(log, errors_title) == []
    assert log[-1]["text"] == log[-1]["title"] and not log[-1]["hidden"]


def test_the_check_catches_a_bar_ahead_of_its_state() -> None:
    # The ux walk's bug, as the recorder saw it on the old page: the form idle ("waiting"),
    # the bar still showing, with the errors' title; then an answer with the bar left hidden.
    title = "Certaines réponses sont à corriger"
    stale = {"state": "waiting", "hidden": False, "text": title, "title": None, "due": True}
    late = {"state": "answered", "hidden": True, "text": "Oui", "title": "Oui", "due": True}
    fine = {"state": "answered", "hidden": False, "text": "Oui", "title": "Oui", "due": True}
    assert wrong_moments([stale, late, fine], title) == [stale, late]
