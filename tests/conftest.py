"""Fixtures shared by every test folder.

One Chromium for the whole pytest session: Playwright's sync API cannot run two instances at
once in one process, and one browser start is cheaper than one per folder.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, sync_playwright

from tests.browser_support import launch_chromium


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def chromium_browser(browser: Browser) -> Browser:
    return browser
