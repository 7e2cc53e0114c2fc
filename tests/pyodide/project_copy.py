"""A copy of the project in a temporary folder, for tests that change data and build again.

The copy shares the read-only installs (node_modules, the .venv's interpreter) and runs every
command with the copy first on the import path, so the copy's core, plugins and tools are used.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from cip_core.parameters import parameter

ROOT = Path(__file__).resolve().parents[2]
SKIP = {".git", ".venv", "node_modules", "site", "build", "dist", ".pytest_cache",
        ".mypy_cache", ".ruff_cache", "__pycache__", ".hypothesis"}  # fmt: skip
RMMG = Path("cip_core") / "parameters" / "rmmg.toml"
CONTRIBUTING = ROOT / "CONTRIBUTING.md"


def contributing_rmmg_example() -> str:
    """The ```toml block of CONTRIBUTING's "Add a new RMMG value" section, word for word: the
    editor's-update test adds exactly what an editor would copy (issue 21)."""
    section = CONTRIBUTING.read_text("utf-8").split("## Add a new RMMG value", 1)[1]
    found = re.search(r"```toml\n(.*?)```", section.split("\n## ", 1)[0], re.S)
    assert found, "CONTRIBUTING.md's RMMG section has no ```toml example"
    return found.group(1)


def _example_field(name: str) -> str:
    found = re.search(rf"(?m)^{name} = (\S+)", contributing_rmmg_example())
    assert found, f"CONTRIBUTING.md's RMMG example has no {name}"
    return found.group(1)


# The editor's update that the `edited_project` fixture (tests/conftest.py) makes in its copy,
# CONTRIBUTING's own example: an amount a source announces ahead of its date (after every golden
# case's start), searched for on the day the file already names (a check date is a day someone
# searched: never a later one). (from, amount)
EDITED_RMMG = (_example_field("from"), _example_field("amount"))


def copy_parts(names: tuple[str, ...], dest: Path) -> Path:
    """Copies only these top-level files and folders of the project (no __pycache__) to dest."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in names:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, dest / name)
    return dest


def copy_project(dest: Path) -> Path:
    # Only the project's own top-level outputs are left out (tests/site is not site/).
    def skip(folder: str, names: list[str]) -> list[str]:
        top = Path(folder).resolve() == ROOT
        return [n for n in names if n == "__pycache__" or (top and n in SKIP)]

    shutil.copytree(ROOT, dest, ignore=skip)
    (dest / "node_modules").symlink_to(ROOT / "node_modules")
    return dest


def add_rmmg_value(project: Path, still_valid_on: str) -> None:
    """What CONTRIBUTING asks an editor to do after an indexation: its example block, copied as
    it stands, at the end of rmmg.toml, then `last_value_still_valid_on` and `last_reviewed` set
    to the day the sources were searched."""
    path = project / RMMG
    text = path.read_text("utf-8")
    for key in ("last_value_still_valid_on", "last_reviewed"):
        text, moved = re.subn(rf"(?m)^{key} = .*$", f"{key} = {still_valid_on}", text)
        assert moved == 1, f"rmmg.toml has no {key} line"
    text = text.rstrip("\n") + "\n\n" + contributing_rmmg_example()
    path.write_text(text, "utf-8")


def run(project: Path, *args: str, timeout: int = 900) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(project)}
    env.pop("CIP_SITE_DIR", None)
    return subprocess.run(
        [sys.executable, *args], cwd=project, env=env, capture_output=True, text=True,
        timeout=timeout, check=False,
    )  # fmt: skip


def build_site(project: Path) -> Path:
    """`make build` in the copy, without reinstalling anything: bundle the runtime, then MkDocs."""
    for args in (("-m", "tools.bundle_runtime"), ("-m", "mkdocs", "build", "--strict", "-q")):
        done = run(project, *args)
        assert done.returncode == 0, f"{' '.join(args)} failed:\n{done.stdout}\n{done.stderr}"
    return project / "site"


def build_edited_project(dest: Path) -> Path:
    """A copy with the editor's RMMG update (EDITED_RMMG), built like `make build` (dest/site).

    Built once per test run (the `edited_project` fixture): the editor's-update test runs the
    suites in it, the redeploy test serves its site as the new deploy.
    """
    project = copy_project(dest)
    checked = parameter("rmmg").last_value_still_valid_on.isoformat()
    add_rmmg_value(project, checked)
    build_site(project)
    return project
