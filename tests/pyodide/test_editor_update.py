"""A rules update is data only (issue 10): an editor adds an RMMG value as CONTRIBUTING says, in
a copy of the project, touching nothing else; the site builds (the build runs no test case to
decide what it ships) and, in the copy, the suites pass that the new data can change.

The copy differs from the project in one data file (the first assertion). Everything that reads
that data runs again there: the core's tests (answers, parameters, golden cases), the site's
tests (the copy's built pages and figures, the plugins on the new data) and the tests that load
the copy's runtime in Pyodide. The few test files that read none of it are not run twice (the
project's own run has just run them, on the same code): CODE_ONLY says which, and why.
"""

from __future__ import annotations

import filecmp
import os
import subprocess
import sys
from pathlib import Path

from tests.pyodide.project_copy import RMMG, ROOT

THIS = Path(__file__).resolve().relative_to(ROOT).as_posix()
SUITES = ("tests/core", "tests/site", "tests/pyodide")
# Test files of SUITES whose result the edited data cannot change, with the reason; every other
# file of SUITES (a new one too) runs in the copy.
CODE_ONLY = {
    THIS: "this test itself",
    "tests/pyodide/test_trace_cache.py": "the trace cache's key and entries: code only, by design",
    "tests/pyodide/test_bundle.py": (
        "how the wheel and runtime are bundled: the copy's own build (build_edited_project) has "
        "just bundled the edited data with the same code, and the trace does not read the data"
    ),
    "tests/pyodide/test_service_worker.py": (
        "the service worker's code on a build; the copy's build as a redeploy, service worker "
        "and all, is what tests/browser/test_redeploy.py serves and checks"
    ),
}


def _changed(original: Path, copy: Path) -> list[str]:
    """Files that differ between two trees (the copy's own build outputs left aside)."""
    changed: list[str] = []

    def walk(cmp: filecmp.dircmp[str], prefix: str) -> None:
        changed.extend(prefix + name for name in cmp.diff_files)
        for name, sub in cmp.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(original, copy, ignore=[*filecmp.DEFAULT_IGNORES, "node_modules",
                                               "site", "build", ".venv"]), "")  # fmt: skip
    return changed


def test_the_files_not_run_again_exist() -> None:
    # A renamed file would silently run twice, or a typo skip nothing: each entry names a file.
    assert [name for name in CODE_ONLY if not (ROOT / name).is_file()] == []
    assert all(name.startswith(tuple(f"{s}/" for s in SUITES)) for name in CODE_ONLY)


def test_an_rmmg_update_needs_no_other_file(edited_project: Path) -> None:
    # The copy holds CONTRIBUTING's own example (project_copy.EDITED_RMMG) and is built like
    # `make build`, once per run (the redeploy test serves the same build).
    project = edited_project
    assert _changed(ROOT, project) == [RMMG.as_posix()]

    site = project / "site"
    env = {**os.environ, "PYTHONPATH": str(project), "CIP_SITE_DIR": str(site)}
    ignored = [f"--ignore={name}" for name in CODE_ONLY]
    done = subprocess.run(
        [sys.executable, "-m", "pytest", *SUITES, "-q", "-x", "-p", "no:cacheprovider",
         "-p", "no:xdist", *ignored],
        cwd=project, env=env, capture_output=True, text=True, timeout=3000, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-6000:] + done.stderr[-2000:]
