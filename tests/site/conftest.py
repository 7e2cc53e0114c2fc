"""Fixtures of the site tests: the project's real site, built once per session."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.site.built_site import TIMINGS, build_real_site


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_real_site(tmp_path_factory.mktemp("real-site"))


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if TIMINGS:
        terminalreporter.section("site figures")
        for name, seconds in TIMINGS.items():
            terminalreporter.write_line(f"{name}: {seconds:.2f}")
