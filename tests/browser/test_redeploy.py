"""A redeploy as a returning visitor lives it (issue 12).

v1 is the built site (CIP_SITE_DIR); v2 is a copy of the project with one more RMMG value, built
again. Both are served like GitHub Pages (short max-age, ETag, gzip by content type), swapped at
once. The returning visitor, whose browser holds v1 in its HTTP cache and in the service
worker's caches, must see v2's minimum by the second visit after the HTTP cache expired, and
never the failure message; a tab left open on v1 must show the "new rules" notice.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.browser.pages_server import PagesServer
from tests.build_languages import LANGUAGES, sentence_start
from tests.pyodide.project_copy import ROOT, add_rmmg_value, build_site, copy_project

MAX_AGE = 3  # seconds; GitHub Pages sends 600
CASE = (
    "workplace_region=brussels&trainee_region=brussels&age=25&start_date=2026-01-05"
    "&duration_months=3&weekly_hours=38&employer_seat_brussels=no&language=fr"
    "&employment_contract=no&short_study_internship=no&diploma_curriculum=no"
    "&regulated_profession=no&monthly_allowance=1234.56"
)
V2_RMMG = "2222.22"  # from 2026-01-01 in v2 only: the case's minimum becomes 1 111,11
V2_MINIMUM = "1111.11"
NOTICE = {lang: sentence_start(lang, "ui", "newRules") for lang in LANGUAGES}


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    v1 = Path(os.environ.get("CIP_SITE_DIR", ROOT / "site"))
    if not (v1 / "sw.js").is_file():
        pytest.fail(f"{v1}/sw.js is missing: run `make build` first")
    project = copy_project(tmp_path_factory.mktemp("v2") / "project")
    add_rmmg_value(project, "2026-01-01", V2_RMMG, "2026-12-31")
    return v1, build_site(project)


@pytest.fixture
def visitor(chromium_browser: Browser) -> Iterator[BrowserContext]:
    context = chromium_browser.new_context()
    yield context
    context.close()


def _visit(context: BrowserContext, url: str) -> dict[str, str | None]:
    """One visit in a new tab: the verdict's minimum, or the failure."""
    page = context.new_page()
    try:
        page.goto(url)
        page.wait_for_selector(
            "#cip-result[data-verdict], #cip-calculator[data-state=failed]",
            state="attached",
            timeout=90_000,
        )
        return {
            "state": page.locator("#cip-calculator").get_attribute("data-state"),
            "minimum": page.evaluate("window.cipChecker?.lastResult?.allowance?.minimum ?? null"),
        }
    finally:
        page.close()


def _settled(page: Page) -> None:
    """The service worker controls the page and holds the whole runtime."""
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=90_000)
    page.wait_for_function(
        "() => caches.keys().then(ks => ks.some(k => k.startsWith('cip-runtime-')))",
        timeout=90_000,  # a loaded 2-core machine: the install checks ~11 MB of sha256
    )


def test_a_returning_visitor_gets_the_new_rules(
    visitor: BrowserContext, sites: tuple[Path, Path]
) -> None:
    v1, v2 = sites
    server = PagesServer(v1, max_age=MAX_AGE).start()
    try:
        url = f"{server.origin}/calculateur/?{CASE}"
        first = _visit(visitor, url)
        assert first["state"] != "failed"
        v1_minimum = first["minimum"]
        assert v1_minimum not in (None, V2_MINIMUM)
        # A tab left open on v1, which checks for a new deploy every second.
        tab = visitor.new_page()
        tab.add_init_script("window.cipCheckerOptions = {updateMs: 1000}")
        tab.goto(url)
        tab.wait_for_selector("#cip-result[data-verdict]", state="attached", timeout=90_000)
        _settled(tab)
        assert _visit(visitor, url)["minimum"] == v1_minimum  # v1 again, from the caches

        server.deploy(v2)
        time.sleep(MAX_AGE + 1)  # the HTTP cache has expired
        visits = [_visit(visitor, url) for _ in range(2)]
        assert all(v["state"] != "failed" for v in visits), visits
        assert visits[1]["minimum"] == V2_MINIMUM, visits
        notice = tab.locator("#cip-update")
        expect(notice).to_be_visible(timeout=30_000)
        expect(notice).to_contain_text(NOTICE[LANGUAGES[0]])
        expect(notice.get_by_role("button")).to_be_visible()
        # The answers the open tab shows are still v1's until it reloads.
        assert tab.evaluate("window.cipChecker.lastResult.allowance.minimum") == v1_minimum
        tab.close()
        # And later visits stay on v2.
        assert _visit(visitor, url)["minimum"] == V2_MINIMUM
    finally:
        server.stop()
