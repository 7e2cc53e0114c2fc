"""The glossary: abbreviation lines appended to each page so the ``abbr`` extension adds tooltips.

``includes/abbreviations.<lang>.md`` holds lines such as ``*[CIP]: Convention d'immersion
professionnelle``; Python-Markdown's ``abbr`` extension wraps every ``CIP`` of the page in
``<abbr title="…">``. Plain Python: another generator can append the same file (or use
pymdownx.snippets' auto_append) without the MkDocs plugin.
"""

from __future__ import annotations

from pathlib import Path


class GlossaryMissingError(FileNotFoundError):
    pass


def glossary_path(includes_dir: Path, lang: str) -> Path:
    return includes_dir / f"abbreviations.{lang}.md"


def read_glossary(includes_dir: Path, lang: str) -> str:
    """The glossary of ``lang``; ``GlossaryMissingError`` says which file to create."""
    path = glossary_path(includes_dir, lang)
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise GlossaryMissingError(
            f"glossary file missing: {_shown(path)}; create it with one line per abbreviation, "
            "e.g. *[CIP]: Convention d'immersion professionnelle"
        ) from None


def append_glossary(markdown: str, glossary: str) -> str:
    """``markdown`` followed by the glossary, separated by a blank line (abbr needs it)."""
    return f"{markdown.rstrip()}\n\n{glossary.strip()}\n"


def _shown(path: Path) -> str:
    """The path as an editor typing commands in the project sees it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
