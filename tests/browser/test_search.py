"""Search finds the sheet's own words, in the reader's language only (issue #11, item 8):
a code with digits (DV5), a word typed without its accent, a Dutch compound by its last part."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page

from tests.browser.conftest import new_watched_page
from tests.browser.site_server import SiteServer

HOME = {"fr": "/", "nl": "/nl/"}


@pytest.fixture(scope="module")
def search_page(chromium_browser: Browser, site_server: SiteServer) -> Iterator[Page]:
    page, _ = new_watched_page(chromium_browser, site_server.origin)
    yield page
    page.context.close()


def search(page: Page, origin: str, lang: str, query: str) -> list[str]:
    """The paths of the pages the search box lists for `query`, typed as a reader would."""
    page.goto(origin + HOME[lang])
    page.locator("input.md-search__input").click()
    page.keyboard.type(query, delay=20)
    # Material searches while one types: read the list once it stops changing.
    links = ".md-search-result__link"
    reads: list[list[str]] = []
    for _ in range(60):
        page.wait_for_timeout(250)
        reads.append(page.eval_on_selector_all(links, "as => as.map(a => a.getAttribute('href'))"))
        if reads[-1] and reads[-3:] == [reads[-1]] * 3:
            break
    hrefs = reads[-1]
    return sorted({urlsplit(href).path for href in hrefs})


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_a_code_with_digits_is_found(search_page: Page, site_server: SiteServer, lang: str) -> None:
    paths = search(search_page, site_server.origin, lang, "DV5")
    prefix = "/nl/" if lang == "nl" else "/"
    assert f"{prefix}avant-le-stage/" in paths
    assert f"{prefix}allocations/" in paths


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_results_are_in_the_readers_language(
    search_page: Page, site_server: SiteServer, lang: str
) -> None:
    # "DV5" is on pages of both languages; "vergoeding" is a Dutch word only.
    for query in ("DV5", "CIP BIO", "vergoeding" if lang == "nl" else "indemnité"):
        paths = search(search_page, site_server.origin, lang, query)
        assert paths, query
        dutch = [p for p in paths if p.startswith("/nl/")]
        assert dutch == (paths if lang == "nl" else []), (query, paths)


def test_accents_are_ignored(search_page: Page, site_server: SiteServer) -> None:
    assert "/indemnite/" in search(search_page, site_server.origin, "fr", "indemnite")
    accented = search(search_page, site_server.origin, "fr", "indemnité")
    assert accented == search(search_page, site_server.origin, "fr", "indemnite")


def test_a_dutch_compound_is_found_by_its_last_part(
    search_page: Page, site_server: SiteServer
) -> None:
    # The Stagevergoeding page (nl/indemnite) says "stagevergoeding", not "vergoeding" alone.
    assert "/nl/indemnite/" in search(search_page, site_server.origin, "nl", "vergoeding")
