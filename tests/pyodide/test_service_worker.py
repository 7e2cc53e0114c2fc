"""The calculator's service worker (/sw.js) in headless Chromium, on the built site.

After one visit of the calculator, the next visit loads the runtime from the service worker's
cache (nothing from the host), and the checker still answers offline. Fact-sheet pages never
register it; the cache holds static files only, never the reader's answers (the URL's query).
Uses the site `make build` wrote (CIP_SITE_DIR, default site/).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from tests.browser.site_server import SiteServer

ROOT = Path(__file__).resolve().parents[2]
CASE = "workplace_region=brussels&age=25&monthly_allowance=1234.56&start_date=2026-01-05"
# Every stored response's own url (what a later `cache.match(...).url` gives back), not only the
# keys: a response fetched with the query would keep the reader's answers on disk.
STORED = """async () => {
  const out = [];
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      out.push({cache: name, key: request.url, url: (await cache.match(request)).url});
    }
  }
  return out;
}"""
# Every cache's copy of the URL `u`.
MATCHES = "caches.keys().then(ks => Promise.all(ks.map(k => caches.open(k).then(c => c.match(u)))))"
CACHED = """async () => {
  const out = {};
  for (const name of await caches.keys()) {
    out[name] = (await (await caches.open(name)).keys()).map((r) => r.url);
  }
  return out;
}"""


@pytest.fixture(scope="module")
def server() -> Iterator[SiteServer]:
    site = Path(os.environ.get("CIP_SITE_DIR", ROOT / "site"))
    for needed in ("sw.js", "calculateur/index.html", "assets/calculator/offline.js",
                   "assets/pyodide/*/manifest.json"):  # fmt: skip
        if not list(site.glob(needed)):
            pytest.fail(f"{site / needed} is missing: run `make build` first")
    served = SiteServer(site).start()
    yield served
    served.stop()


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    made = browser.new_context()
    yield made
    made.close()


def _answer(page: Page, url: str) -> str:
    page.goto(url)
    page.wait_for_selector("#cip-result[data-verdict]", state="attached", timeout=90_000)
    return str(page.locator("#cip-result").get_attribute("data-verdict"))


def _manifest(site: Path) -> Path:
    return next(site.glob("assets/pyodide/*/manifest.json"))


def _controlled(page: Page) -> None:
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=30_000)


def test_second_visit_loads_the_runtime_from_the_cache(
    context: BrowserContext, server: SiteServer
) -> None:
    page = context.new_page()
    url = f"{server.origin}/calculateur/?{CASE}"
    first = _answer(page, url)
    _controlled(page)
    manifest_file = _manifest(server.root)
    manifest = json.loads(manifest_file.read_text("utf-8"))
    version = manifest_file.parent.name
    runtime = [f"/assets/pyodide/{version}/{name}" for name in manifest["files"]]
    page.wait_for_function(
        "n => caches.keys().then(ks => Promise.all(ks.map(k => caches.open(k).then(c => c.keys())))"
        ".then(all => all.flat().filter(r => r.url.includes('/assets/pyodide/')).length >= n))",
        arg=len(runtime),
    )
    server.requested.clear()
    assert _answer(page, url) == first
    fetched = [path for path in server.requested if path.startswith("/assets/")]
    assert not [p for p in fetched if p in runtime], fetched
    # What is cached: this site's static files, the page without its query (the answers).
    cached: dict[str, list[str]] = page.evaluate(CACHED)
    urls = [u for names in cached.values() for u in names]
    assert all(u.startswith(server.origin + "/") for u in urls)
    assert not [u for u in urls if "?" in u or "1234" in u], urls
    assert f"{server.origin}/calculateur/" in urls
    assert all(name.startswith("cip-") for name in cached)


def test_offline_after_one_visit(context: BrowserContext, server: SiteServer) -> None:
    page = context.new_page()
    _answer(page, f"{server.origin}/nl/calculateur/?{CASE}")
    _controlled(page)
    page.wait_for_timeout(1000)  # the page's files reach the cache (message to the worker)
    context.set_offline(True)
    try:
        other = CASE.replace("age=25", "age=17")
        assert _answer(page, f"{server.origin}/nl/calculateur/?{other}") in {
            "eligible",
            "not_eligible",
            "incomplete",
        }
        assert page.evaluate("window.cipChecker.case.age") == "17"
    finally:
        context.set_offline(False)


def test_fact_sheet_pages_do_not_register_it(context: BrowserContext, server: SiteServer) -> None:
    page = context.new_page()
    server.requested.clear()
    for path in ("/", "/conditions/", "/nl/indemnite/"):
        page.goto(server.origin + path, wait_until="load")
    page.wait_for_timeout(500)
    registrations: Any = page.evaluate(
        "navigator.serviceWorker.getRegistrations().then(r => r.length)"
    )
    assert registrations == 0
    assert not [p for p in server.requested if "pyodide" in p or p == "/sw.js"]


def test_stored_responses_hold_no_query(context: BrowserContext, server: SiteServer) -> None:
    page = context.new_page()
    for path in ("/calculateur/", "/nl/calculateur/"):
        _answer(page, f"{server.origin}{path}?{CASE}")
        _controlled(page)
        page.reload()  # now controlled: the page's navigation goes through the service worker
        page.wait_for_selector("#cip-result[data-verdict]", state="attached", timeout=90_000)
        page.wait_for_timeout(500)
    stored: list[dict[str, str]] = page.evaluate(STORED)
    pages = [entry for entry in stored if entry["key"].endswith("/calculateur/")]
    assert len(pages) == 2, stored  # both pages are stored...
    for entry in stored:  # ...and no key nor stored response carries the answers
        assert "?" not in entry["key"] and "?" not in entry["url"], entry
        assert "1234" not in entry["url"], entry
        assert entry["url"] in ("", entry["key"]), entry


def test_a_forged_cache_entry_is_never_served(context: BrowserContext, server: SiteServer) -> None:
    """Another project on the same origin (GitHub project pages) can write into our caches: a
    runtime file replaced there is refused, and the checker still answers right."""
    page = context.new_page()
    url = f"{server.origin}/calculateur/?{CASE}"
    first = _answer(page, url)
    _controlled(page)
    version = _manifest(server.root).parent.name
    target = f"{server.origin}/assets/pyodide/{version}/pyodide.mjs"
    page.wait_for_function(
        f"u => {MATCHES}.then(hits => hits.some(Boolean))",
        arg=target,
    )
    forged = page.evaluate(
        """async (u) => {
          let forged = 0;
          for (const name of await caches.keys()) {
            const cache = await caches.open(name);
            if (!(await cache.match(u))) continue;
            await cache.put(u, new Response("throw new Error('forged');",
              {headers: {"Content-Type": "text/javascript"}}));
            forged += 1;
          }
          return forged;
        }""",
        target,
    )
    assert forged == 1
    server.requested.clear()
    assert _answer(page, url) == first
    assert page.locator("#cip-calculator").get_attribute("data-state") != "failed"
    # The forged copy was dropped and the real file fetched again from the host.
    assert f"/assets/pyodide/{version}/pyodide.mjs" in server.requested
    body = page.evaluate(
        f"u => {MATCHES}.then(hits => hits.find(Boolean)).then(r => r ? r.text() : '')",
        target,
    )
    assert "forged" not in body


def test_a_failure_clears_our_caches_and_unregisters(
    context: BrowserContext, server: SiteServer
) -> None:
    page = context.new_page()
    url = f"{server.origin}/calculateur/?{CASE}"
    _answer(page, url)
    _controlled(page)
    assert page.evaluate("caches.keys().then(ks => ks.length)") > 0
    page.wait_for_timeout(1000)  # the page's files reach the cache (message to the worker)
    page.close()
    failing = context.new_page()
    failing.add_init_script("delete window.WebAssembly")  # the checker cannot start here
    failing.goto(url)
    failing.wait_for_selector("#cip-calculator[data-state=failed]", state="attached")
    failing.wait_for_function(
        "() => navigator.serviceWorker.getRegistrations().then(rs => rs.length === 0)",
        timeout=15_000,
    )
    # The runtime is gone. (A request the failed page makes afterwards may still store one
    # checked static file before the unregistered worker stops: known, and harmless.)
    left = failing.evaluate("caches.keys().then(ks => ks.filter(k => k.startsWith('cip-')))")
    assert not [name for name in left if name.startswith("cip-runtime-")], left
