"""A clone is the whole project (issue 21): no file names the material that sits beside the
developers' checkouts, and what the README points to is in the repository."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Written in two parts so that this file does not name it either.
BESIDE = "../" + "shared"
OUTPUTS = {".git", ".venv", "node_modules", "site", "build", "dist", "__pycache__"}


def project_files(root: Path) -> list[Path]:
    """The files of the project: tracked, or new and not ignored (git); every file outside the
    build outputs when the folder is not a git checkout (an unpacked archive)."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=root, capture_output=True, check=False,
    )  # fmt: skip
    if listed.returncode == 0:
        names = [n for n in listed.stdout.decode().split("\0") if n]
        return [root / n for n in names if (root / n).is_file()]
    return [
        p for p in root.rglob("*") if p.is_file() and not OUTPUTS & set(p.relative_to(root).parts)
    ]


def files_naming(root: Path, needle: str) -> list[str]:
    found = []
    for path in project_files(root):
        try:
            text = path.read_text("utf-8")
        except (UnicodeDecodeError, OSError):
            continue  # binary (images, fonts): no path is written in them
        found += [
            f"{path.relative_to(root)}:{n}" for n, line in enumerate(text.splitlines(), 1)
            if needle in line
        ]  # fmt: skip
    return found


def test_no_file_of_the_project_names_the_material_beside_it() -> None:
    assert files_naming(ROOT, BESIDE) == []


def test_the_search_finds_a_file_that_names_it(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text("ok\nsee ../../" + "shared/x.md\n", "utf-8")
    (tmp_path / "site").mkdir()  # a build output: not the project's own file
    (tmp_path / "site" / "b.html").write_text(BESIDE, "utf-8")
    (tmp_path / "logo.png").write_bytes(b"\x89PNG\xff\xfe" + BESIDE.encode())
    assert files_naming(tmp_path, BESIDE) == ["docs/a.md:2"]


def test_the_readme_links_only_files_that_exist() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    targets = re.findall(r"\]\((?!https?:|mailto:|#)([^)#\s]+)", readme)
    assert "CONTRACT.md" in targets, "the README links the contract"
    assert [t for t in targets if not (ROOT / t).exists()] == []
