"""Browser tests of the calculator page: the built site (`make build` -> site/) served on
127.0.0.1, driven by Chromium through Python Playwright. Run them with `make test` (or
`make test-browser`); CIP_SITE_DIR=/other/site points them at another build."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from tests.browser.site_server import SiteServer
from tests.build_languages import DEFAULT as DEFAULT_LANGUAGE
from tests.build_languages import LANGUAGES

ROOT = Path(__file__).resolve().parents[2]
# The default language's calculator at the root, the others' in their folder (/nl/, /en/).
PAGES = {
    lang: ("/" if lang == DEFAULT_LANGUAGE else f"/{lang}/") + "calculateur/" for lang in LANGUAGES
}
# #cip-result once the core replied (with a result or with input errors)
ANSWERED = "#cip-result[data-state=answered], #cip-result[data-state=input_error]"
LOAD_TIMEOUT_MS = 60_000


@pytest.fixture(scope="session")
def site_dir() -> Path:
    path = Path(os.environ.get("CIP_SITE_DIR", ROOT / "site"))
    for needed in (*(page.lstrip("/") + "index.html" for page in PAGES.values()),
                   "assets/calculator/worker.js", "assets/pyodide/*/pyodide.asm.wasm"):  # fmt: skip
        if not list(path.glob(needed)):
            pytest.fail(f"{path / needed} is missing: run `make build` first")
    return path


@pytest.fixture(scope="session")
def site_server(site_dir: Path) -> Iterator[SiteServer]:
    server = SiteServer(site_dir).start()
    yield server
    server.stop()


@dataclass
class Watch:
    """What a page did that it must not: foreign requests, console errors, page errors, dialogs."""

    origin: str
    foreign: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    error_responses: list[str] = field(default_factory=list)

    def attach_context(self, context: BrowserContext) -> None:
        # Anything for another origin is recorded and refused before it leaves the machine.
        def refuse(route: Any) -> None:
            self.foreign.append(route.request.url)
            route.abort()

        context.route(lambda url: not url.startswith(self.origin + "/"), refuse)
        context.on("request", self._on_request)

    def attach_page(self, page: Page) -> None:
        page.on("console", self._on_console)
        page.on("pageerror", lambda error: self.page_errors.append(str(error)))
        page.on("dialog", self._on_dialog)
        page.on("worker", lambda worker: worker.on("console", self._on_console))
        page.on("requestfailed", lambda r: self.failed_requests.append(r.url))
        page.on("response", self._on_response)

    def _on_response(self, response: Any) -> None:
        if response.status >= 400:
            self.error_responses.append(f"{response.status} {response.url}")

    def _on_request(self, request: Any) -> None:
        if not request.url.startswith(self.origin + "/"):
            self.foreign.append(request.url)

    def _on_console(self, message: Any) -> None:
        if message.type == "error":
            self.console_errors.append(message.text)

    def _on_dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def assert_clean(self) -> None:
        assert self.foreign == [], "requests to another origin"
        assert self.console_errors == [], f"console errors; error responses: {self.error_responses}"
        assert self.page_errors == [], "page errors"
        assert self.dialogs == [], "dialogs opened"


def new_watched_page(browser: Browser, origin: str, **context_options: Any) -> tuple[Page, Watch]:
    context = browser.new_context(**context_options)
    watch = Watch(origin)
    watch.attach_context(context)
    page = context.new_page()
    watch.attach_page(page)
    return page, watch


@pytest.fixture(scope="module")
def watched_page(
    chromium_browser: Browser, site_server: SiteServer
) -> Iterator[tuple[Page, Watch]]:
    """One context and page per test module: the runtime stays in the browser's cache."""
    page, watch = new_watched_page(chromium_browser, site_server.origin)
    yield page, watch
    page.context.close()


def wait_answered(page: Page, timeout: float = LOAD_TIMEOUT_MS) -> str:
    # A CSS selector, not a JavaScript predicate: the site's CSP forbids the eval() that
    # Playwright's string predicates need.
    page.wait_for_selector(ANSWERED, state="attached", timeout=timeout)
    return str(page.eval_on_selector("#cip-result", "el => el.dataset.state"))


def answers_shown(page: Page) -> int:
    return int(page.evaluate("window.cipChecker ? window.cipChecker.answers : 0"))


def wait_next_answer(page: Page, before: int, timeout_s: float = 30) -> str:
    """Waits until the page shows an answer newer than `before`; returns #cip-result's state."""
    deadline = time.monotonic() + timeout_s
    while answers_shown(page) <= before:
        if time.monotonic() > deadline:
            raise AssertionError("the page showed no new answer")
        page.wait_for_timeout(25)
    return str(page.eval_on_selector("#cip-result", "e => e.dataset.state"))


# Set on a page that a test opened and has not changed since: its stylesheets, scripts and
# palette are the site's own. A test that changes any of them calls `touched(page)`.
UNTOUCHED = "__cipUntouched"


def show_case(page: Page, origin: str, lang: str, case: dict[str, str]) -> str:
    """Shows `case` on the calculator page in `lang`; returns #cip-result's state.

    When that page is already open, untouched, and its runtime ready, the case is asked through
    the page's own query door (window.cipChecker.evaluateQuery), the function a permalink's
    load runs on the address; the page is then put back at its top with nothing focused, where
    a load leaves it. Otherwise the permalink is opened. Either way the page shows the same
    answer, and no test waits for Python to start again in the worker (~2-5 s each time).
    """
    address = origin + PAGES[lang]
    query = urlencode(case)
    if page.url.split("?")[0] == address and page.evaluate(f"window.{UNTOUCHED} === true"):
        page.evaluate("q => window.cipChecker.evaluateQuery(q)", query)
        page.evaluate("() => { document.activeElement?.blur?.(); window.scrollTo(0, 0); }")
        return str(page.eval_on_selector("#cip-result", "e => e.dataset.state"))
    page.goto(f"{address}?{query}")
    state = wait_answered(page)
    page.evaluate(f"window.{UNTOUCHED} = true")
    return state


def touched(page: Page) -> None:
    """The test changed the page (a style, a script, the palette): the next case opens it anew."""
    page.evaluate(f"window.{UNTOUCHED} = false")
