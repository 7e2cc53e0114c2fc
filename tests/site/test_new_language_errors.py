"""What a new language lacks is a build error naming the file and the key (issue 21), never a
KeyError in Pyodide: the placeholder language (placeholder_language.py) with one piece taken
away, built with `mkdocs build --strict` in the copy."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.site.placeholder_language import (
    CODE,
    ROOT,
    SOURCE,
    add_placeholder_language,
    copy_project,
    run,
)


def _without(path: Path, pattern: str) -> None:
    text = path.read_text("utf-8")
    changed, count = re.subn(pattern, "", text, count=1, flags=re.MULTILINE | re.DOTALL)
    assert count == 1, pattern
    path.write_text(changed, "utf-8")


BREAKS = {
    "fallback": (
        "cip_core/data/sources.toml",
        rf"^{CODE} = \[.*?\]\n",
        f"cip_core/data/sources.toml: [fallback] has no key {CODE}",
    ),
    "body name": (
        "cip_core/data/bodies.toml",
        rf"^name_{CODE} = .*?\n",
        f"cip_core/data/bodies.toml: [bruxelles_formation] has no name_{CODE}",
    ),
    "body name in a sentence": (
        "cip_core/data/bodies.toml",
        rf"^name_with_article_{CODE} = .*?\n",
        f"cip_core/data/bodies.toml: [bruxelles_formation] has no name_with_article_{CODE}",
    ),
    "term": (
        "site_plugins/language/termbase.toml",
        rf"^\[concepts\.{CODE}\]\n.*?(?=^\[)",
        f"site_plugins/language/termbase.toml: concept exemption_availability has no "
        f"[concepts.{CODE}]",
    ),
    "catalogue key": (
        f"cip_core/messages/{CODE}.toml",
        r"^stemmer = .*?\n",
        f"cip_core/messages/{CODE}.toml: missing key search.stemmer",
    ),
}


@pytest.fixture(scope="module")
def runtime() -> Path:
    """The project's bundled runtime (the build checks it is there before any page)."""
    folder = ROOT / "build" / "runtime"
    if not (folder / "manifest.json").exists():
        subprocess.run([sys.executable, "-m", "tools.bundle_runtime"], cwd=ROOT, check=True)
    return folder


@pytest.mark.parametrize("missing", BREAKS)
def test_what_a_new_language_lacks_is_named(tmp_path: Path, runtime: Path, missing: str) -> None:
    project = copy_project(tmp_path / "project")
    add_placeholder_language(project)
    (project / "build").mkdir()
    (project / "build" / "runtime").symlink_to(runtime)
    path, pattern, message = BREAKS[missing]
    _without(project / path, pattern)
    done = run(project, "-m", "mkdocs", "build", "--strict", "-q")
    assert done.returncode != 0
    assert message in done.stderr, done.stderr[-3000:]
    assert "Traceback" not in done.stderr and "KeyError" not in done.stderr, done.stderr[-3000:]


def test_the_placeholder_copies_the_source_language(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    add_placeholder_language(project)
    pages = sorted(p.name for p in (project / "docs" / CODE).glob("*.md"))
    assert pages == sorted(p.name for p in (ROOT / "docs" / SOURCE).glob("*.md"))
