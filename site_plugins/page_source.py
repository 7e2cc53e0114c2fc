"""Where a page's Markdown comes from: its language, its file name and its first line.

Shared by the MkDocs adapters so their errors say "docs/fr/indemnite.md:12" like an editor's
editor does.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path, PurePosixPath

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import get_data

from site_plugins.site_languages import site_languages


def page_language(page: Page, config: MkDocsConfig, languages: Sequence[str]) -> str:
    """The language the page is written in.

    The folder (docs/fr/, docs/nl/) decides: with mkdocs-static-i18n's fallback a missing Dutch
    page is built from the French file, and its text is French. Pages outside the language
    folders take the language of the build in progress.
    """
    top = PurePosixPath(page.file.src_uri).parts[0]
    if top in languages:
        return top
    building = site_languages(config).current
    return building if building in languages else languages[0]


def shown_path(page: Page, config: MkDocsConfig) -> str:
    """``docs/fr/indemnite.md``: the page's file relative to mkdocs.yml's folder."""
    docs = Path(config.docs_dir)
    root = Path(config.config_file_path or ".").resolve().parent
    try:
        prefix = docs.resolve().relative_to(root).as_posix()
    except ValueError:
        prefix = str(docs)
    return f"{prefix}/{page.file.src_uri}"


def first_line(page: Page) -> int:
    """Lines of front matter MkDocs removed before ``on_page_markdown`` (to report true lines)."""
    try:
        source = page.file.content_string.replace("\r\n", "\n")
    except (OSError, ValueError):
        return 0
    body, _ = get_data(source)
    if not source.endswith(body):
        return 0
    return source[: len(source) - len(body)].count("\n")
