"""Privacy and hygiene of the calculator page: every request stays on the site's origin (the
worker's too), nothing lands in the console, no cookie is written and no answer is stored."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from playwright.sync_api import Browser

from tests.browser.cases import CASES
from tests.browser.conftest import PAGES, new_watched_page, wait_answered
from tests.browser.site_server import SiteServer
from tests.build_languages import LANGUAGES
from tests.trust.checks import storage_problems


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_foreign_request_no_console_error(
    chromium_browser: Browser, site_server: SiteServer, lang: str
) -> None:
    page, watch = new_watched_page(chromium_browser, site_server.origin)
    try:
        requested_before = len(site_server.requested)
        page.goto(f"{site_server.origin}{PAGES[lang]}?{urlencode(CASES['derogation_ten_months'])}")
        assert wait_answered(page) == "answered"
        page.fill("#cip-age", "17")  # and one answer more, typed
        page.wait_for_selector("#cip-result[data-minimum]", state="attached")
        page.wait_for_timeout(500)  # late requests (prefetches, the theme's scripts)
        watch.assert_clean()
        assert watch.failed_requests == []
        served = site_server.requested[requested_before:]
        assert any(path.endswith(".wasm") for path in served)  # the worker's requests were seen
        assert any(path.endswith(".whl") for path in served)
        assert page.evaluate("document.cookie") == ""
        # Only Material's own UI keys (its palette choice), never an answer.
        assert storage_problems(page, PAGES[lang]) == []
    finally:
        page.context.close()
