"""When the checker cannot run (no WebAssembly), the page says so in its language and points to
the sheet and to the bodies; with JavaScript off, the <noscript> message does the same. When a
download fails, it is a connection problem: the form stays and "Try again" is offered."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import PAGES, new_watched_page
from tests.browser.site_server import SiteServer
from tests.build_languages import LANGUAGES, sentence_start

WORKER = "/assets/calculator/worker.js"
QUERY = "?workplace_region=brussels&age=30"
FAILURE_TEXT = {lang: sentence_start(lang, "form", "failure") for lang in LANGUAGES}
NOSCRIPT_TEXT = {lang: sentence_start(lang, "form", "noscript") for lang in LANGUAGES}


@pytest.fixture
def fresh_page(chromium_browser: Browser, site_server: SiteServer) -> Iterator[Page]:
    """A new context, so nothing comes from the cache of other tests."""
    page, _ = new_watched_page(chromium_browser, site_server.origin)
    yield page
    page.context.close()


def assert_failure_shown(page: Page, lang: str) -> None:
    failure = page.locator("#cip-failure")
    expect(failure).to_be_visible(timeout=30_000)
    expect(failure).to_contain_text(FAILURE_TEXT[lang])
    hrefs = [a.get_attribute("href") for a in failure.locator("a").all()]
    # The sheet, with the reader's case carried along (#11: the answers travel).
    assert "../conditions/" + QUERY in hrefs
    assert "mailto:cip@forem.be" in hrefs  # a body's contact
    expect(page.locator("#cip-status")).to_be_hidden()  # no spinner left behind
    expect(page.locator("#cip-checker")).to_be_hidden()
    assert page.locator("#cip-calculator").get_attribute("data-state") == "failed"


def assert_retry_shown(page: Page) -> None:
    """A download that fails is a connection problem (issue 20): the form stays, "Try again"
    sits by the status line with the sheet's pages, never "too old a browser"."""
    retry = page.locator("#cip-status #cip-retry")
    expect(retry).to_be_visible(timeout=30_000)
    expect(page.locator("#cip-checker")).to_be_visible()
    expect(page.locator("#cip-failure")).to_be_hidden()
    hrefs = [a.get_attribute("href") for a in page.locator("#cip-status-help a").all()]
    assert "../conditions/" + QUERY in hrefs
    assert page.locator("#cip-calculator").get_attribute("data-state") == "offline"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_webassembly_shows_the_failure_message(
    fresh_page: Page, site_server: SiteServer, lang: str
) -> None:
    fresh_page.add_init_script("Object.defineProperty(window, 'WebAssembly', {value: undefined})")
    fresh_page.goto(site_server.origin + PAGES[lang] + QUERY)
    assert_failure_shown(fresh_page, lang)
    expect(fresh_page.locator("#cip-failure-wasm")).to_be_visible()
    assert fresh_page.locator("#cip-calculator").get_attribute("data-failure") == "no-wasm"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_blocked_wasm_is_a_connection_problem(
    fresh_page: Page, site_server: SiteServer, lang: str
) -> None:
    with site_server.altered(missing={"*.wasm"}):
        fresh_page.goto(site_server.origin + PAGES[lang] + QUERY)
        assert_retry_shown(fresh_page)
    assert any(path.endswith(".wasm") for path in site_server.requested)
    expect(fresh_page.locator("#cip-failure-wasm")).to_be_hidden()


def test_missing_worker_offers_retry(fresh_page: Page, site_server: SiteServer) -> None:
    with site_server.altered(missing={WORKER}):
        fresh_page.goto(site_server.origin + PAGES["fr"] + QUERY)
        assert_retry_shown(fresh_page)


def test_missing_runtime_file_offers_retry(fresh_page: Page, site_server: SiteServer) -> None:
    with site_server.altered(missing={"*/python_stdlib.zip"}):
        fresh_page.goto(site_server.origin + PAGES["nl"] + QUERY)
        assert_retry_shown(fresh_page)


def test_silent_worker_times_out_into_retry(fresh_page: Page, site_server: SiteServer) -> None:
    # A worker that never answers: the page gives up after its (here shortened) patience, and
    # offers to try again rather than blaming the browser.
    fresh_page.add_init_script("window.cipCheckerOptions = {silenceMs: 1500, loadMs: 3000}")
    silent = ("text/javascript", b"self.onmessage = () => {};")
    with site_server.altered(replaced={WORKER: silent}):
        fresh_page.goto(site_server.origin + PAGES["fr"] + QUERY)
        assert_retry_shown(fresh_page)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_javascript_off_shows_the_noscript_message(
    chromium_browser: Browser, site_server: SiteServer, lang: str
) -> None:
    context = chromium_browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_server.origin + PAGES[lang] + QUERY)
        notice = page.locator("#cip-noscript")
        expect(notice).to_be_visible()
        expect(notice).to_contain_text(NOSCRIPT_TEXT[lang])
        hrefs = [a.get_attribute("href") for a in notice.locator("a").all()]
        assert "../indemnite/" in hrefs and "mailto:cip@forem.be" in hrefs
        expect(page.locator("#cip-checker")).to_be_hidden()  # no dead form
        expect(page.locator("#cip-failure")).to_be_hidden()
    finally:
        context.close()


def test_help_links_lead_to_existing_pages(site_server: SiteServer, fresh_page: Page) -> None:
    for lang, path in PAGES.items():
        fresh_page.goto(site_server.origin + path)
        for href in fresh_page.locator("#cip-failure a").evaluate_all("as => as.map(a => a.href)"):
            if href.startswith(site_server.origin):
                response = fresh_page.request.get(href)
                assert response.status == 200, f"{lang}: {href}"
