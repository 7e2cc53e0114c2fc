"""Fixtures shared by every test folder, and how the run is split over processes.

- One Chromium per test process: Playwright's sync API cannot run two instances at once in one
  process, and one browser start is cheaper than one per folder.
- One built site per test run (`built_site`): the folder `make build` just wrote (CIP_SITE_DIR,
  set by `make test`), or else one build into a temp folder, shared by every worker.
- One edited project copy per test run (`edited_project`), built once for the tests that need it.
- Under pytest-xdist (`make test`: `-n 2 --dist loadfile --no-loadscope-reorder`), the tests of
  one file stay in one worker, so module-scoped fixtures (a watched page...) are made once.
- One trace of the standard library per version of the core's code: the project copies that
  tests build (an editor's update, a placeholder language) differ from the project in data only,
  so their runtime bundles reuse the project's trace (CIP_TRACE_CACHE, read by
  tools/bundle_runtime_cache.py, inherited by every command a test starts).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

from tests import reports
from tests.browser_support import TEST_ARGS, launch_chromium
from tests.once import once_per_run
from tests.pyodide.project_copy import build_edited_project
from tests.site.built_site import build_real_site

os.environ.setdefault(
    "CIP_TRACE_CACHE", str(Path(__file__).resolve().parents[1] / "build" / "stdlib-trace")
)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = launch_chromium(playwright, args=TEST_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def chromium_browser(browser: Browser) -> Browser:
    return browser


@pytest.fixture(scope="session")
def built_site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's site as `make build` writes it: CIP_SITE_DIR when set (make test sets it to
    the site it has just built), otherwise built once for this run into a temp folder."""
    given = os.environ.get("CIP_SITE_DIR")
    if given:
        return Path(given)
    return once_per_run(request.config, tmp_path_factory, "site", build_real_site)


@pytest.fixture(scope="session")
def edited_project(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """A copy of the project with an editor's RMMG update (project_copy.EDITED_RMMG), built
    (`site/` in it) once per run. Read it, never change it: several tests share it."""
    return once_per_run(request.config, tmp_path_factory, "edited-project", build_edited_project)


# The folders whose tests wait longest come first, so that under xdist the long files start at
# once and the short ones fill the gaps at the end (a plain run only changes its order).
FOLDER_ORDER = ("pyodide", "browser", "trust", "site", "core")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # `--dist loadfile` hands out whole files in this order. The editor's-update test runs the
    # suites again in a copy, the longest test of all: it goes first, and it builds the edited
    # copy (`edited_project`) long before the redeploy test, later in the browser folder, asks
    # for it (no worker waits for another's build). Not `--dist loadgroup`: with pytest 9.2 its
    # groups are silently ignored (pytest-dev/pytest-xdist#1386).
    def rank(item: pytest.Item) -> int:
        folder = item.nodeid.split("/")[1] if item.nodeid.count("/") > 1 else ""
        first = 0 if item.nodeid.startswith("tests/pyodide/test_editor_update.py") else 1
        return first * 10 + (FOLDER_ORDER.index(folder) if folder in FOLDER_ORDER else 9)

    items.sort(key=rank)  # stable: the order inside a folder stays


def pytest_sessionfinish(session: pytest.Session) -> None:
    # In an xdist worker: hand this worker's figures to the controller.
    output = getattr(session.config, "workeroutput", None)
    if output is not None:
        output[reports.KEY] = reports.to_wire()


@pytest.hookimpl(optionalhook=True)  # an xdist hook: only called when xdist runs
def pytest_testnodedown(node: object, error: object) -> None:
    wire = getattr(node, "workeroutput", {}).get(reports.KEY)
    if wire:
        reports.merge(wire)


def pytest_terminal_summary(terminalreporter: object) -> None:
    reports.write(terminalreporter)
