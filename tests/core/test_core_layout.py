"""The core's shape, measured over the tree (issue 19): the rules know no page of the site, no
module of cip_core grows past ~300 lines, and nobody imports a private name of cip_core.

Each check is a function over files, also run on a bad fixture so it is shown to fail."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MAX_LINES = 300
# A page of the guide, relative to the calculator page: "../avant-le-stage/".
PAGE_PATH = re.compile(r"""["']\.\./""")
PRIVATE_IMPORT = re.compile(
    r"^\s*from\s+cip_core(?:\.\w+)*\s+import\s+(?:\(([^)]*)\)|([^#\n]*))", re.M
)


def page_paths(files: list[Path]) -> list[str]:
    return [
        f"{path.name}:{number}"
        for path in files
        for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1)
        if PAGE_PATH.search(line)
    ]


def too_long(files: list[Path]) -> list[str]:
    return [
        f"{path.name}: {count} lines"
        for path in files
        if (count := len(path.read_text("utf-8").splitlines())) > MAX_LINES
    ]


def private_imports(files: list[Path]) -> list[str]:
    found = []
    for path in files:
        for match in PRIVATE_IMPORT.finditer(path.read_text("utf-8")):
            listed = (match.group(1) or match.group(2)).split(",")
            names = [name.strip().split(" as ")[0] for name in listed]
            found += [f"{path.name}: {name}" for name in names if name.startswith("_")]
    return found


def _python(*folders: str) -> list[Path]:
    return sorted(p for folder in folders for p in (ROOT / folder).rglob("*.py"))


def test_the_rules_hold_no_page_path() -> None:
    assert page_paths(_python("cip_core/rules")) == []


def test_no_module_of_the_core_is_over_300_lines() -> None:
    assert too_long(_python("cip_core")) == []


def test_nobody_imports_a_private_name_of_the_core() -> None:
    assert (
        private_imports(_python("cip_core", "site_plugins", "tools", "tests", "benchmarks")) == []
    )


def test_each_check_fails_on_a_bad_fixture(tmp_path: Path) -> None:
    rule = tmp_path / "steps.py"
    rule.write_text('SECTION = "../avant-le-stage/"\n' + "x = 1\n" * MAX_LINES, "utf-8")
    user = tmp_path / "user.py"
    user.write_text("from cip_core.evaluate import (\n    AMOUNT_DOUBTS, _worded)\n", "utf-8")
    assert page_paths([rule]) == ["steps.py:1"]
    assert too_long([rule]) == [f"steps.py: {MAX_LINES + 1} lines"]
    assert private_imports([user]) == ["user.py: _worded"]
