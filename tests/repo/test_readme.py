"""The README tells the truth (issue 21): its layout table is the tree's, and it copies no figure.

- Every path the "Layout" table names exists, and so does every file name a row's description
  puts in backticks (looked for under that row's folder, or at the top); every folder at the top
  of the repository and every folder of ``cip_core/`` has a row.
- No performance figure (a time, a size, a ratio) stands in README.md or CONTRIBUTING.md unless
  benchmarks/RESULTS.md, which only `make bench` writes, states it too; the README links it.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from tests.repo.test_standalone import project_files

ROOT = Path(__file__).resolve().parents[2]
RESULTS = Path("benchmarks") / "RESULTS.md"
# File names a description may put in backticks (commands and flags are left alone).
NAMED_FILE = re.compile(r"^[\w.<>*/-]+\.(py|toml|md|mjs|js|yml|txt|html|css|json)$|^[\w.<>*-]+/$")
# A figure with a unit of time, size or a ratio: "1 456 ms", "5.59 MB", "0.50×", "8 minutes".
FIGURE = re.compile(
    r"\d(?:[\d\u00a0\u202f ,.]*\d)?\s?(?:ms|s|sec|seconds?|min|minutes?|B|KB|kB|MB|GB|bytes|×)"
    r"(?![\w])"
)
# Durations that describe what the site does, not how fast it is: (file, figure) and why.
NOT_PERFORMANCE = {
    ("README.md", "15 minutes"): "how often an open calculator tab asks for a new deploy (sw.js)",
}


def layout_rows(readme: str) -> list[tuple[str, str]]:
    """(path, description) of each row of the README's "## Layout" table."""
    section = readme.split("\n## Layout\n", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"(?m)^\| `([^`]+)` \| (.*) \|$", section)
    assert rows, "the README's Layout section has no table of `path` | description rows"
    return rows


def _glob(base: Path, name: str) -> list[Path]:
    """``name`` under ``base``; ``<lang>`` and the like stand for any one name."""
    pattern = re.sub(r"<[^>]+>", "*", name.rstrip("/"))
    return [p for p in base.glob(pattern) if p.is_dir() or not name.endswith("/")]


def _project_folders(root: Path) -> set[str]:
    """Every folder holding a file of the project (tracked, or new and not ignored)."""
    return {str(path.parent.relative_to(root)) for path in project_files(root)}


def layout_problems(root: Path) -> list[str]:
    rows = layout_rows((root / "README.md").read_text("utf-8"))
    problems = []
    for path, description in rows:
        if not _glob(root, path):
            problems.append(f"the Layout table names {path}, which does not exist")
            continue
        folder = root / path if path.endswith("/") else root
        for name in re.findall(r"`([^`\s]+)`", description):
            if NAMED_FILE.match(name) and not (
                _glob(root, name) or _glob(folder, name) or _glob(folder, f"**/{name}")
            ):
                problems.append(f"the Layout row of {path} names {name}, which does not exist")
    named = [path.rstrip("/") for path, _ in rows]
    folders = _project_folders(root)
    needed = {f.split("/")[0] for f in folders if f != "."}
    needed |= {"/".join(f.split("/")[:2]) for f in folders if f.startswith("cip_core/")}
    for folder in sorted(needed):
        if not any(n == folder or n.startswith(f"{folder}/") for n in named):
            problems.append(f"{folder}/ has no row in the README's Layout table")
    return problems


def figures(text: str) -> list[str]:
    return [" ".join(m.split()) for m in FIGURE.findall(text)]


def figure_problems(root: Path) -> list[str]:
    results = root / RESULTS
    stated = set(figures(results.read_text("utf-8"))) if results.is_file() else set()
    problems = []
    for name in ("README.md", "CONTRIBUTING.md"):
        for figure in figures((root / name).read_text("utf-8")):
            if figure not in stated and (name, figure) not in NOT_PERFORMANCE:
                problems.append(f"{name} states {figure!r}, which {RESULTS} does not")
    return problems


def test_the_layout_table_is_the_tree() -> None:
    assert layout_problems(ROOT) == []


def test_no_figure_is_copied_by_hand() -> None:
    assert figure_problems(ROOT) == []


def test_the_readme_links_the_benchmark_results_written_by_make_bench() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    assert f"]({RESULTS.as_posix()})" in readme
    results = (ROOT / RESULTS).read_text("utf-8")
    # What benchmarks/results.py writes: the date, the machine, the versions measured.
    for line in (r"^# Benchmark results$", r"^- date: \d{4}-\d\d-\d\d \d\d:\d\d UTC$",
                 r"^- processor: .+, \d+ cores", r"^- Python 3\.\d+\.\d+, Chromium \d+\.",
                 r"^- load average .* before: [\d.]+ / [\d.]+ / [\d.]+; after: [\d.]+",
                 ):  # fmt: skip
        assert re.search(line, results, re.M), f"{RESULTS} has no line matching {line}"


# The checks themselves, on a small tree where each goes wrong.


def _project(tmp_path: Path, readme: str, contributing: str = "", results: str = "") -> Path:
    for name in ("cip_core/rules/a.py", "cip_core/data/b.toml", "docs/fr/index.md", "tools/x.py"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x\n", "utf-8")
    (tmp_path / "README.md").write_text(readme, "utf-8")
    (tmp_path / "CONTRIBUTING.md").write_text(contributing, "utf-8")
    if results:
        (tmp_path / RESULTS).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / RESULTS).write_text(results, "utf-8")
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    return tmp_path


TABLE = """# P

## Layout

| path | what it is |
|---|---|
| `cip_core/` | the core |
| `cip_core/rules/` | rules: `a.py` |
| `docs/<lang>/` | pages |
| `tools/` | `x.py`, `watch/` |

## Next
"""


def test_the_layout_check_finds_a_missing_path_a_missing_name_and_a_missing_row(
    tmp_path: Path,
) -> None:
    project = _project(tmp_path, TABLE)
    assert layout_problems(project) == [
        "the Layout row of tools/ names watch/, which does not exist",
        "cip_core/data/ has no row in the README's Layout table",
    ]
    (project / "tools" / "watch").mkdir()
    (project / "tools" / "watch" / "w.py").write_text("", "utf-8")
    fixed = TABLE.replace(
        "| `tools/` |", "| `cip_core/data/` | data |\n| `gone/` | no |\n| `tools/` |"
    )
    (project / "README.md").write_text(fixed, "utf-8")
    assert layout_problems(project) == ["the Layout table names gone/, which does not exist"]


def test_the_figure_check_finds_a_figure_the_results_do_not_state(tmp_path: Path) -> None:
    results = "# Benchmark results\n| first visit | 5.59 MB |\n"
    project = _project(tmp_path, "First visit: 5.59 MB, wheel 83 KB, 0.50×.\n", "1 456 ms", results)
    assert figure_problems(project) == [
        "README.md states '83 KB', which benchmarks/RESULTS.md does not",
        "README.md states '0.50×', which benchmarks/RESULTS.md does not",
        "CONTRIBUTING.md states '1 456 ms', which benchmarks/RESULTS.md does not",
    ]
    # Legal figures are not performance figures: amounts, percentages, ages, days.
    (project / "README.md").write_text("829,10 € at 70 % from age 16, every 90 days.\n", "utf-8")
    (project / "CONTRIBUTING.md").write_text("", "utf-8")
    assert figure_problems(project) == []


def test_site_plugins_readme_has_a_row_per_plugin() -> None:
    # The plugins are pyproject.toml's mkdocs entry points; each row names its plugin and folder.
    pyproject = (ROOT / "pyproject.toml").read_text("utf-8")
    plugins = dict(re.findall(r'(?m)^(cip-[\w-]+) = "site_plugins\.(\w+)\.plugin:', pyproject))
    assert len(plugins) >= 7, plugins
    readme = (ROOT / "site_plugins" / "README.md").read_text("utf-8")
    rows = dict(re.findall(r"(?m)^\| `(cip-[\w-]+)` \| `(\w+)/` \|", readme))
    assert rows == plugins
