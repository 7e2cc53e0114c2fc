"""What the page does when it is not itself (issue 12): a module that fails to load shows the
failure message (the classic loader), and a framed page shows no verdict, only a link."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import parse_qsl

import pytest
from playwright.sync_api import Browser, Page, expect

from cip_core.protocol import answer
from tests.browser.conftest import PAGES, new_watched_page
from tests.browser.site_server import SiteServer
from tests.build_languages import DEFAULT, LANGUAGES, sentence_start

QUERY = "?workplace_region=brussels&age=30&monthly_allowance=2000"
FRAMED_TEXT = {lang: sentence_start(lang, "ui", "framed") for lang in LANGUAGES}


@pytest.fixture
def fresh_page(chromium_browser: Browser, site_server: SiteServer) -> Iterator[Page]:
    page, _ = new_watched_page(chromium_browser, site_server.origin)
    yield page
    page.context.close()


@pytest.mark.parametrize(
    ("module", "body"),
    [
        ("render.js", None),  # 404: the module graph cannot be fetched
        ("dom.js", b"export const el = ;"),  # a syntax error in an imported module
    ],
)
def test_a_module_that_fails_to_load_shows_the_failure_message(
    fresh_page: Page, site_server: SiteServer, module: str, body: bytes | None
) -> None:
    path = f"/assets/calculator/{module}"
    missing = {path} if body is None else set()
    replaced = {} if body is None else {path: ("text/javascript", body)}
    with site_server.altered(missing=missing, replaced=replaced):
        fresh_page.goto(site_server.origin + PAGES["nl"] + QUERY)
        failure = fresh_page.locator("#cip-failure")
        expect(failure).to_be_visible(timeout=15_000)
        expect(failure).to_contain_text("kon in deze browser niet starten")
    root = fresh_page.locator("#cip-calculator")
    assert root.get_attribute("data-state") == "failed"
    assert root.get_attribute("data-failure") == "module-error"
    expect(fresh_page.locator("#cip-checker")).to_be_hidden()
    assert path in site_server.requested


def test_the_loader_stays_quiet_when_all_is_well(fresh_page: Page, site_server: SiteServer) -> None:
    fresh_page.goto(site_server.origin + PAGES["fr"] + QUERY)
    fresh_page.wait_for_selector("#cip-result[data-verdict]", state="attached", timeout=90_000)
    expect(fresh_page.locator("#cip-failure")).to_be_hidden()
    assert fresh_page.locator("#cip-calculator").get_attribute("data-state") != "failed"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_framed_page_gives_no_verdict_only_a_link(
    fresh_page: Page, site_server: SiteServer, lang: str
) -> None:
    target = PAGES[lang] + QUERY
    host = f'<!doctype html><title>frame</title><iframe src="{target}" width="800" height="600">'
    with site_server.altered(replaced={"/__frame.html": ("text/html", host.encode())}):
        site_server.requested.clear()
        fresh_page.goto(site_server.origin + "/__frame.html")
        frame = fresh_page.frame_locator("iframe")
        notice = frame.locator("#cip-framed")
        expect(notice).to_be_visible(timeout=15_000)
        expect(notice).to_contain_text(FRAMED_TEXT[lang])
        link = notice.locator("a")
        assert link.get_attribute("target") == "_blank"
        assert link.get_attribute("href") == PAGES[lang]  # the checker, without a chosen case
        fresh_page.wait_for_timeout(1500)  # time enough to start a worker, if it were to
        expect(frame.locator("#cip-app")).to_be_hidden()
        assert frame.locator("#cip-result").get_attribute("data-verdict") is None
        assert frame.locator("#cip-calculator").get_attribute("data-state") == "framed"
    assert not [p for p in site_server.requested if "worker.js" in p or "pyodide" in p]


# Counts the calculator workers the page starts (the theme's search has its own worker).
COUNT_WORKERS = """
window.__workers = 0;
const Real = window.Worker;
window.Worker = class extends Real {
  constructor(url, ...rest) {
    super(url, ...rest);
    if (String(url).includes("/assets/calculator/worker.js")) window.__workers += 1;
  }
};
"""


@pytest.mark.parametrize("early", ["served", "missing"])
def test_one_worker_started_early_or_by_the_page(
    fresh_page: Page, site_server: SiteServer, early: str
) -> None:
    # early.js starts the worker before the other modules arrive and the page adopts it; without
    # early.js the page starts it itself. Either way one worker, and an answer.
    missing = {"/assets/calculator/early.js"} if early == "missing" else set()
    fresh_page.add_init_script(COUNT_WORKERS)
    with site_server.altered(missing=missing):
        fresh_page.goto(site_server.origin + PAGES[DEFAULT] + QUERY)
        fresh_page.wait_for_selector("#cip-result[data-verdict]", state="attached", timeout=90_000)
    assert fresh_page.evaluate("window.__workers") == 1
    case = dict(parse_qsl(QUERY.lstrip("?")))
    expected = answer({"type": "evaluate", "case": case, "lang": DEFAULT})["result"]["verdict"]
    assert fresh_page.locator("#cip-result").get_attribute("data-verdict") == expected
    assert "/assets/calculator/early.js" in site_server.requested
