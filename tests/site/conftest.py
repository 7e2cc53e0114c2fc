"""Fixtures of the site tests: the project's real site, built once per test run (its build time
is printed at the end of the run, tests/reports.py)."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def real_site(built_site: Path) -> Path:
    """The site `make build` wrote (CIP_SITE_DIR), or one built for this run (tests/conftest.py).
    Tests read it and never change it."""
    return built_site
