"""Loading never leaves a person stuck (issue 20 item 6), in every language of the build: a
runtime answered with 503, a download that never completes, a worker script that is missing:
the form stays, "Try again" sits next to the status line with the sheet's pages, and it really
retries (test_failure_modes.py: the WebAssembly message only when WebAssembly is missing)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urlencode

import pytest
from playwright.sync_api import Browser, Page, Route, expect

from cip_core.messages import lookup
from tests.browser.cases import BRUSSELS
from tests.browser.conftest import PAGES, new_watched_page, wait_answered
from tests.browser.site_server import SiteServer
from tests.browser.test_differential import cip_check
from tests.build_languages import LANGUAGES

WASM = "**/assets/pyodide/*/pyodide.asm.wasm"
PHONE = {"width": 360, "height": 780}
RETRY_WITHIN_MS = 20_000
STALL_MS = 3_000  # the page's data-stall-ms, shortened in the page the test is served


@pytest.fixture
def fresh(chromium_browser: Browser, site_server: SiteServer) -> Iterator[Page]:
    page, _ = new_watched_page(chromium_browser, site_server.origin, viewport=PHONE)
    yield page
    page.context.close()


def calculator_url(site_server: SiteServer, lang: str) -> str:
    return f"{site_server.origin}{PAGES[lang]}?{urlencode(BRUSSELS)}"


def assert_stuck_with_a_way_out(page: Page, lang: str) -> None:
    retry = page.locator("#cip-status #cip-retry")
    expect(retry).to_be_visible(timeout=RETRY_WITHIN_MS)
    expect(retry).to_have_text(lookup(lang, "ui", "retry"))
    expect(page.locator("#cip-checker")).to_be_visible()  # the form stays
    expect(page.locator("#cip-failure")).to_be_hidden()  # no "too old a browser"
    help_links = page.locator("#cip-status-help a")
    expect(help_links.first).to_be_visible()
    hrefs = help_links.evaluate_all("as => as.map(a => a.getAttribute('href'))")
    assert any(href.startswith("../conditions/") for href in hrefs), hrefs


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_503_on_the_runtime_offers_retry_that_works(
    fresh: Page, site_server: SiteServer, lang: str
) -> None:
    fresh.route(WASM, lambda route: route.fulfill(status=503, body="busy"))
    fresh.goto(calculator_url(site_server, lang))
    assert_stuck_with_a_way_out(fresh, lang)
    expect(fresh.locator("#cip-status-text")).to_have_text(lookup(lang, "ui", "networkShort"))
    fresh.unroute(WASM)
    fresh.locator("#cip-retry").click()
    assert wait_answered(fresh) == "answered"
    assert fresh.evaluate("window.cipChecker.lastResult") == cip_check(BRUSSELS, lang)[1]
    expect(fresh.locator("#cip-retry")).to_be_hidden()


def shorten_stall(page: Page, site_server: SiteServer, lang: str) -> None:
    """Serves the calculator page with a shorter data-stall-ms (the page's own setting)."""

    def rewrite(route: Route) -> None:
        response = route.fetch()
        body = response.text()
        assert 'data-stall-ms="' in body
        body = body.replace('data-stall-ms="15000"', f'data-stall-ms="{STALL_MS}"')
        route.fulfill(response=response, body=body)

    page.route(site_server.origin + PAGES[lang] + "?*", rewrite)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_stalled_download_says_so_and_retries(
    fresh: Page, site_server: SiteServer, lang: str
) -> None:
    held: list[Any] = []
    shorten_stall(fresh, site_server, lang)
    fresh.route(WASM, lambda route: held.append(route))  # never answered: it stands still
    fresh.goto(calculator_url(site_server, lang))
    assert_stuck_with_a_way_out(fresh, lang)
    assert held, "the runtime was asked for"
    expect(fresh.locator("#cip-status-text")).to_have_text(lookup(lang, "ui", "stalled"))
    expect(fresh.locator("#cip-result")).to_have_attribute("data-state", "loading")
    fresh.unroute(WASM)
    fresh.locator("#cip-retry").click()
    assert wait_answered(fresh) == "answered"
    expect(fresh.locator("#cip-retry")).to_be_hidden()


def test_a_missing_worker_script_offers_retry(fresh: Page, site_server: SiteServer) -> None:
    with site_server.altered(missing={"/assets/calculator/worker.js"}):
        fresh.goto(calculator_url(site_server, "nl"))
        assert_stuck_with_a_way_out(fresh, "nl")
    fresh.locator("#cip-retry").click()
    assert wait_answered(fresh) == "answered"
