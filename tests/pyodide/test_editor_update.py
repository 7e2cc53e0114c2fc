"""A rules update is data only (issue 10): an editor adds an RMMG value as CONTRIBUTING says, in
a copy of the project, touching nothing else; the site builds (the build runs no test case to
decide what it ships) and the core, site and Pyodide suites pass there."""

from __future__ import annotations

import filecmp
import os
import subprocess
import sys
from pathlib import Path

from tests.pyodide.project_copy import RMMG, ROOT

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


def test_an_rmmg_update_needs_no_other_file(edited_project: Path) -> None:
    # The copy holds CONTRIBUTING's own example (project_copy.EDITED_RMMG) and is built like
    # `make build`, once per run (the redeploy test serves the same build).
    project = edited_project
    assert _changed(ROOT, project) == [RMMG.as_posix()]

    site = project / "site"
    env = {**os.environ, "PYTHONPATH": str(project), "CIP_SITE_DIR": str(site)}
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "tests/core", "tests/site", "tests/pyodide", "-q",
         "-x", "-p", "no:cacheprovider", "--deselect", THIS],
        cwd=project, env=env, capture_output=True, text=True, timeout=3000, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-6000:] + done.stderr[-2000:]
