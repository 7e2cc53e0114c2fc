"""Fixtures of the trust suite: one built site, one server, one Chromium for the whole session.

Every browser context made here is watched (see `Watch`): each request (the page's and its
workers'), Content-Security-Policy violations, console messages about the policy. Requests to
any other origin are recorded and aborted, so a failing test never leaks anything either.
The figures (pages, axe results, requests) are printed at the end of the run (tests/reports.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext

from tests.trust.server import TrustServer
from tests.trust.site import SitePage, site_pages
from tests.trust.watch import FIGURES, WATCH_SCRIPT, Watch


@pytest.fixture(scope="session")
def site(built_site: Path) -> Path:
    """The run's one built site (tests/conftest.py): the trust tests only read and serve it."""
    return built_site


@pytest.fixture(scope="session")
def pages(site: Path) -> list[SitePage]:
    found = site_pages(site)
    assert found, f"no HTML page in {site}"
    return found


@pytest.fixture(scope="session")
def server(site: Path) -> Iterator[TrustServer]:
    served = TrustServer(site).start()
    yield served
    served.stop()


class Contexts:
    """Makes watched browser contexts and closes them at the end of a test."""

    def __init__(self, browser: Browser, origin: str) -> None:
        self.browser = browser
        self.origin = origin
        self.opened: list[tuple[BrowserContext, Watch, bool]] = []

    def new(self, counted: bool = True, **options: Any) -> tuple[BrowserContext, Watch]:
        """A watched context; `counted=False` keeps a control test out of the figures."""
        context = self.browser.new_context(**options)
        watch = Watch(self.origin)
        context.add_init_script(WATCH_SCRIPT)
        context.on("request", lambda request: watch.requests.append(request.url))
        context.on("console", watch.on_console)
        context.route("**/*", watch.on_route)
        context.set_default_timeout(30_000)
        self.opened.append((context, watch, counted))
        return context, watch

    def close(self) -> None:
        for context, watch, counted in self.opened:
            if counted:
                FIGURES.requests += len(watch.requests)
                FIGURES.foreign_requests += watch.foreign_requests()
            context.close()


@pytest.fixture
def contexts(browser: Browser, server: TrustServer) -> Iterator[Contexts]:
    made = Contexts(browser, server.origin)
    yield made
    made.close()
