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

ROOT = Path(__file__).resolve().parents[2]
SKIP = {".git", ".venv", "node_modules", "site", "build", "dist", ".pytest_cache",
        ".mypy_cache", ".ruff_cache", "__pycache__", ".hypothesis"}  # fmt: skip
RMMG = Path("cip_core") / "parameters" / "rmmg.toml"


def copy_project(dest: Path) -> Path:
    # Only the project's own top-level outputs are left out (tests/site is not site/).
    def skip(folder: str, names: list[str]) -> list[str]:
        top = Path(folder).resolve() == ROOT
        return [n for n in names if n == "__pycache__" or (top and n in SKIP)]

    shutil.copytree(ROOT, dest, ignore=skip)
    (dest / "node_modules").symlink_to(ROOT / "node_modules")
    # The shared material beside the project (the seed sheet the site tests compare against).
    shared = ROOT.parent / "shared"
    if shared.is_dir() and not (dest.parent / "shared").exists():
        (dest.parent / "shared").symlink_to(shared)
    return dest


def add_rmmg_value(project: Path, start: str, amount: str, still_valid_on: str) -> None:
    """What CONTRIBUTING asks an editor to do after an indexation: one [[values]] block at the
    end of rmmg.toml, then `last_value_still_valid_on` and `last_reviewed` set to the day the
    sources were searched."""
    path = project / RMMG
    text = path.read_text("utf-8")
    for key in ("last_value_still_valid_on", "last_reviewed"):
        text, moved = re.subn(rf"(?m)^{key} = .*$", f"{key} = {still_valid_on}", text)
        assert moved == 1, f"rmmg.toml has no {key} line"
    text = text.rstrip("\n") + (
        f'\n\n[[values]]\nfrom = {start}\namount = {amount}\ncertainty = "stated"\n'
        'reference = "https://www.cnt-nar.be/Cct-montants.htm"\n'
        'reference_title = "Conseil national du Travail"\n'
    )
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
