"""CONTRIBUTING and the README work word for word (issue 21): what they name exists, what they
tell a reader to type runs.

- Every path they name exists (``<lang>``, ``<page>``… stand for any name); a bare file name in
  backticks exists somewhere in the project.
- Every ``make X`` is a target of the Makefile.
- Every ``python -m MODULE …`` names a module of the project, and the commands that only read or
  rewrite the project's own files (the editors' checks) are run as written, in a shell, in a
  copy of the project: they must exit 0. The README's ``cip-check`` example too.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
from importlib.util import find_spec
from pathlib import Path

import pytest

from tests.pyodide.project_copy import copy_parts

ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = ("CONTRIBUTING.md", "README.md")
EXTENSIONS = "py|toml|md|mjs|js|yml|yaml|txt|html|css|json"
# A path: folders, then a file name with an extension or nothing (a folder, ending in "/").
PATH = re.compile(
    rf"(?<![\w./:<-])(?:\.?[\w<>-]+/)+(?:[\w.<>*-]+\.(?:{EXTENSIONS})(?![\w/])|(?![\w<]))"
)
BARE_FILE = re.compile(rf"^[\w<>-]+\.(?:{EXTENSIONS})$")
# Paths a reader creates, so that none exists yet: (document, path) and the proof it is right.
TO_CREATE = {
    ("CONTRIBUTING.md", "overrides/partials/languages/<lang>.html"): (
        "tests/site/placeholder_language.py",  # creates it for the placeholder language
        'project / "overrides" / "partials" / "languages" / f"{CODE}.html"',
    ),
}
# Commands run as written: they read the project's files, or rewrite its own generated parts.
RUN = (
    ".venv/bin/python -m site_plugins.",
    "python -m site_plugins.",
    ".venv/bin/cip-check ",
)
COPIED = ("cip_core", "site_plugins", "docs", "includes", "mkdocs.yml", "pyproject.toml",
          "CONTRIBUTING.md")  # fmt: skip


def _text(name: str) -> str:
    # Addresses are not paths of the project.
    return re.sub(r"https?://\S+", " ", (ROOT / name).read_text("utf-8"))


def _exists(path: str) -> bool:
    """At the top, or (a path relative to a folder the text is about) somewhere below it."""
    pattern = re.sub(r"<[^>]+>", "*", path.rstrip("/").removeprefix("./"))
    return any(ROOT.glob(pattern)) or any(ROOT.glob(f"**/{pattern}"))


def _ignored(path: str) -> bool:
    """A build output (`build/watch-report.md`): written by a command, ignored by git."""
    done = subprocess.run(["git", "check-ignore", "-q", path], cwd=ROOT, check=False)
    return done.returncode == 0


def named_paths(name: str) -> list[str]:
    text = _text(name)
    paths = set(PATH.findall(text))
    paths |= {s for s in re.findall(r"`([^`\s]+)`", text) if BARE_FILE.match(s)}
    return sorted(paths)


def commands(name: str) -> list[str]:
    """The commands a document shows: inline code and code blocks (continued lines joined)."""
    text = (ROOT / name).read_text("utf-8")
    found = re.findall(r"`((?:\.venv/bin/|python |make )[^`]+)`", text)
    for block in re.findall(r"(?s)```sh\n(.*?)```", text):
        for line in block.replace("\\\n", " ").splitlines():
            command = line.split("  #", 1)[0].strip()
            if command:
                found.append(" ".join(command.split()))
    return found


def make_targets() -> set[str]:
    makefile = (ROOT / "Makefile").read_text("utf-8")
    return set(re.findall(r"(?m)^([\w.-]+):", makefile))


def test_every_path_named_exists() -> None:
    missing = []
    for name in DOCUMENTS:
        for path in named_paths(name):
            if not (_exists(path) or _ignored(path) or (name, path) in TO_CREATE):
                missing.append(f"{name}: {path}")
    assert missing == []


def test_the_paths_a_reader_creates_are_created_that_way_by_a_test() -> None:
    for (name, path), (test, line) in TO_CREATE.items():
        assert path in (ROOT / name).read_text("utf-8"), f"{name} no longer names {path}"
        assert line in (ROOT / test).read_text("utf-8"), f"{test} no longer creates {path}"


def test_every_make_command_is_a_target() -> None:
    targets = make_targets()
    wrong = [
        f"{name}: {command}"
        for name in DOCUMENTS
        for command in commands(name)
        if command.startswith("make ") and shlex.split(command)[1] not in targets
    ]
    assert wrong == []


def test_every_python_module_named_is_the_projects() -> None:
    modules = {
        m for name in DOCUMENTS for m in re.findall(r"python -m ([\w.]+)", _text(name))
    }  # fmt: skip
    assert modules, "the documents show no python -m command"
    assert [m for m in sorted(modules) if find_spec(m) is None] == []


@pytest.fixture(scope="module")
def project_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    copy = copy_parts(COPIED, tmp_path_factory.mktemp("documented"))
    (copy / ".venv").symlink_to(ROOT / ".venv")
    return copy


RUNNABLE = sorted({c for name in DOCUMENTS for c in commands(name) if c.startswith(RUN)})


def test_some_commands_are_run() -> None:
    # The list below is made from the documents: if they stop showing commands, say so.
    assert len(RUNNABLE) >= 4, RUNNABLE


@pytest.mark.parametrize("command", RUNNABLE)
def test_the_command_runs_as_written(project_copy: Path, command: str) -> None:
    env = {
        **os.environ,
        "PYTHONPATH": str(project_copy),
        "PATH": f"{ROOT / '.venv' / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}",
        "NO_MKDOCS_2_WARNING": "1",
    }
    done = subprocess.run(
        ["sh", "-c", command], cwd=project_copy, env=env, capture_output=True, text=True,
        timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 0, f"{command}\n{done.stdout[-2000:]}{done.stderr[-2000:]}"


def test_the_path_check_finds_a_path_that_does_not_exist() -> None:
    text = (
        "Edit `cip_core/parameters/rmmg.toml`, then docs/<lang>/nowhere.md and `gone.toml`: a "
        "yes/no answer, 404/410 and actions/checkout are no paths; docs/<lang>/ is."
    )
    found = set(PATH.findall(text)) | {
        s for s in re.findall(r"`([^`\s]+)`", text) if BARE_FILE.match(s)
    }
    assert found == {
        "cip_core/parameters/rmmg.toml",
        "docs/<lang>/nowhere.md",
        "gone.toml",
        "docs/<lang>/",
    }
    assert [p for p in sorted(found) if not _exists(p)] == ["docs/<lang>/nowhere.md", "gone.toml"]
