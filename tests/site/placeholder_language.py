"""A copy of the project with one more language, generated: the placeholder ``qz``.

``qz`` is no language (ISO 639-1 assigns no code but ``qu`` in q; mkdocs-static-i18n takes only
two-letter codes). Its pages and catalogue are English's, marked ``[qz]`` where a reader sees them
(each page's first heading, the language's name, the 404 title, the footer's review line, the
checker's verdict titles), so a test can tell them from the English ones. Adding it touches data
only, as CONTRIBUTING's "Add a language" says:

- ``docs/qz/`` and ``includes/abbreviations.qz.md``: English's, marked;
- ``cip_core/messages/qz.toml``: English's catalogue, marked;
- ``cip_core/data/sources.toml`` ``[fallback]``; ``cip_core/data/bodies.toml`` ``name_qz`` and
  ``name_with_article_qz``;
- ``site_plugins/language/termbase.toml``: a ``[concepts.qz]`` per concept (English's terms);
- ``mkdocs.yml``: the language in the i18n plugin (English's entry, marked);
- ``overrides/partials/languages/qz.html``: Material's interface texts for a language Material
  does not know (its documented way: the language's code, English for the rest).

``build`` then does what ``make build`` does in the copy: bundle the runtime (the core's wheel
with the new catalogue), then ``mkdocs build --strict``.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

from tests.pyodide.project_copy import copy_parts

ROOT = Path(__file__).resolve().parents[2]
CODE = "qz"
SOURCE = "en"
MARK = f"[{CODE}]"
# The top of the project that the build reads (tests, site/ and build outputs are not needed).
COPIED = ("mkdocs.yml", "pyproject.toml", "cip_core", "site_plugins", "tools", "docs", "includes",
          "overrides", "package.json")  # fmt: skip
# Catalogue texts a reader sees, marked: (table, key); key None marks the whole table.
MARKED = (("language", "name"), ("site", "not_found_title"), ("site", "footer_reviewed"),
          ("ui.verdictTitle", None))  # fmt: skip
# Every file the placeholder adds or changes is data: this list is what a test compares with.
DATA_FILES = (
    re.compile(rf"^docs/{CODE}/.*\.md$"),
    re.compile(rf"^includes/abbreviations\.{CODE}\.md$"),
    re.compile(rf"^cip_core/messages/{CODE}\.toml$"),
    re.compile(r"^cip_core/data/(sources|bodies)\.toml$"),
    re.compile(r"^site_plugins/language/termbase\.toml$"),
    re.compile(r"^mkdocs\.yml$"),
    re.compile(rf"^overrides/partials/languages/{CODE}\.html$"),
)


def copy_project(dest: Path) -> Path:
    dest.mkdir(parents=True)
    copy_parts(COPIED, dest)
    (dest / "node_modules").symlink_to(ROOT / "node_modules")
    return dest


def _mark_first_heading(markdown: str) -> str:
    return re.sub(r"(?m)^# (.+)$", lambda m: f"# {MARK} {m[1]}", markdown, count=1)


def _mark_catalogue(text: str) -> str:
    table = ""
    lines = []
    for line in text.split("\n"):
        header = re.match(r"^\[([^\]]+)\]\s*$", line)
        if header:
            table = header[1]
        entry = re.match(r'^(\w+) = "(.*)"$', line)
        if entry and any(t == table and k in (None, entry[1]) for t, k in MARKED):
            line = f'{entry[1]} = "{MARK} {entry[2]}"'
        lines.append(line)
    return "\n".join(lines)


def _termbase(text: str) -> str:
    """Each concept's English table again, as the placeholder's."""
    block = re.compile(rf"(?ms)^\[concepts\.{SOURCE}\]\n.*?(?=^\[|\Z)")
    return block.sub(
        lambda m: m[0] + m[0].replace(f"[concepts.{SOURCE}]", f"[concepts.{CODE}]"), text
    )


def _i18n_entry(config: str) -> str:
    """mkdocs.yml with English's i18n entry copied for the placeholder, after English's."""
    entry = re.search(rf"(?ms)^( +)- locale: {SOURCE}\n.*?(?=^\1- locale: |^  - )", config)
    assert entry, f"mkdocs.yml has no i18n entry for {SOURCE}"
    copied = entry[0].replace(f"- locale: {SOURCE}\n", f"- locale: {CODE}\n", 1)
    copied = re.sub(r"(?m)^( +name: )(.+)$", rf"\1Placeholder {MARK}", copied, count=1)
    copied = re.sub(r"(?m)^( +site_name: )(.+)$", rf"\1\2 {MARK}", copied, count=1)
    return config[: entry.end()] + copied + config[entry.end() :]


def add_placeholder_language(project: Path) -> None:
    """Adds the placeholder language to the project copy, data files only."""
    docs = project / "docs"
    for page in sorted((docs / SOURCE).rglob("*.md")):
        target = docs / CODE / page.relative_to(docs / SOURCE)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(_mark_first_heading(page.read_text("utf-8")), "utf-8")
    includes = project / "includes"
    shutil.copy2(includes / f"abbreviations.{SOURCE}.md", includes / f"abbreviations.{CODE}.md")
    messages = project / "cip_core" / "messages"
    catalogue = _mark_catalogue((messages / f"{SOURCE}.toml").read_text("utf-8"))
    (messages / f"{CODE}.toml").write_text(catalogue, "utf-8")

    data = project / "cip_core" / "data"
    sources = (data / "sources.toml").read_text("utf-8")
    fallback = re.search(rf"(?m)^{SOURCE} = \[(.*)\]$", sources)
    assert fallback, f"sources.toml has no [fallback] for {SOURCE}"
    sources = sources.replace(
        fallback[0], f'{fallback[0]}\n{CODE} = ["{SOURCE}", {fallback[1]}]', 1
    )
    (data / "sources.toml").write_text(sources, "utf-8")
    bodies = (data / "bodies.toml").read_text("utf-8")
    bodies = re.sub(
        rf"(?m)^(name(?:_with_article)?)_{SOURCE} = (.*)$", rf"\g<0>\n\1_{CODE} = \2", bodies
    )
    (data / "bodies.toml").write_text(bodies, "utf-8")

    termbase = project / "site_plugins" / "language" / "termbase.toml"
    termbase.write_text(_termbase(termbase.read_text("utf-8")), "utf-8")
    config = project / "mkdocs.yml"
    config.write_text(_i18n_entry(config.read_text("utf-8")), "utf-8")
    material = project / "overrides" / "partials" / "languages" / f"{CODE}.html"
    material.parent.mkdir(parents=True, exist_ok=True)
    material.write_text(
        '{% macro t(key) %}{{ {"language": "' + CODE + '", "direction": "ltr"}[key] }}'
        "{% endmacro %}\n",
        "utf-8",
    )


def changed_files(project: Path) -> list[str]:
    """The files of the copy that differ from the project or are new (outputs left aside)."""
    changed = []
    for name in COPIED:
        top = project / name
        for path in sorted(top.rglob("*") if top.is_dir() else [top]):
            relative = path.relative_to(project).as_posix()
            if not path.is_file() or "__pycache__" in relative:
                continue
            original = ROOT / relative
            if not original.is_file() or original.read_bytes() != path.read_bytes():
                changed.append(relative)
    return changed


def run(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """A command in the copy, its own core and plugins first on the import path."""
    env = {**os.environ, "PYTHONPATH": str(project), "NO_MKDOCS_2_WARNING": "1"}
    env.pop("CIP_SITE_DIR", None)
    return subprocess.run(
        [sys.executable, *args], cwd=project, env=env, capture_output=True, text=True,
        timeout=900, check=False,
    )  # fmt: skip


def build(project: Path) -> tuple[Path, dict[str, float]]:
    """``make build`` in the copy: the runtime, then the site; the seconds each step took."""
    seconds: dict[str, float] = {}
    for name, args in (
        ("runtime", ("-m", "tools.bundle_runtime")),
        ("site", ("-m", "mkdocs", "build", "--strict", "-q")),
    ):
        started = time.perf_counter()
        done = run(project, *args)
        seconds[name] = time.perf_counter() - started
        assert done.returncode == 0, f"{' '.join(args)} failed:\n{done.stdout}\n{done.stderr}"
    return project / "site", seconds
