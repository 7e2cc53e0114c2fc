"""A rules update is data only (issue 10): an editor adds an RMMG value as CONTRIBUTING says, in
a copy of the project, touching nothing else; the site builds (the build runs no test case to
decide what it ships) and the core, site and Pyodide suites pass there."""

from __future__ import annotations

import filecmp
import os
import subprocess
import sys
from pathlib import Path

from cip_core.parameters import parameter
from tests.pyodide.project_copy import RMMG, ROOT, add_rmmg_value, build_site, copy_project

THIS = Path(__file__).resolve().relative_to(ROOT).as_posix()


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


def test_an_rmmg_update_needs_no_other_file(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    # CONTRIBUTING's own example: an amount a source announces ahead of its date (after every
    # golden case's start), searched for on the day the file already names (a check date is a
    # day someone searched: never a later one).
    checked = parameter("rmmg").last_value_still_valid_on.isoformat()
    add_rmmg_value(project, "2028-04-01", "2300.00", checked)
    assert _changed(ROOT, project) == [RMMG.as_posix()]

    site = build_site(project)
    env = {**os.environ, "PYTHONPATH": str(project), "CIP_SITE_DIR": str(site)}
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "tests/core", "tests/site", "tests/pyodide", "-q",
         "-x", "-p", "no:cacheprovider", "--deselect", THIS],
        cwd=project, env=env, capture_output=True, text=True, timeout=3000, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-6000:] + done.stderr[-2000:]
