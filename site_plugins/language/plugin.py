"""MkDocs plugin ``cip-language``: official terms, per-language links and French typography.

A thin adapter over ``termbase`` and ``typography``:
- once per ``mkdocs build`` (the outer build of mkdocs-static-i18n): the glossaries
  (``includes/abbreviations.<lang>.md``) and the message catalogues are checked against the
  termbase, and the catalogues' typography is checked;
- each page: its source file is checked (terms, and links for its language) with true line
  numbers, then its typography is fixed (its catalogue's ``[typography]``), its titles too;
- the calculator pages' final HTML (the generated form included) is checked against the termbase.
Any finding fails the build with ``file:line``.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from site_plugins.language.config import LanguageConfig
from site_plugins.language.termbase import check_file, missing_terms, scan_links, scan_terms
from site_plugins.language.typography import check_catalogue, fix_markdown
from site_plugins.page_source import page_language, shown_path
from site_plugins.site_languages import site_languages

_TITLE_RE = re.compile(r"(<title>)(.*?)(</title>)", re.DOTALL)
_TAG_RE = re.compile(r"<(script|style)\b.*?</\1\s*>|<[^>]*>", re.DOTALL | re.IGNORECASE)


class LanguagePlugin(BasePlugin[LanguageConfig]):
    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        if not self.config.enabled:
            return
        i18n = config.plugins.get("i18n")
        if i18n is not None and getattr(i18n, "building", False):
            return  # nested build of another language: the outer build has checked
        root = Path(config.config_file_path or ".").resolve().parent
        # Every language built has its official terms.
        problems = missing_terms(site_languages(config).built)
        # Every language present (a glossary or catalogue of a new language is checked too).
        if self.config.glossary_dir:
            for path in sorted((root / self.config.glossary_dir).glob("abbreviations.*.md")):
                problems += check_file(path, _shown(path, root))
        if self.config.catalogue_dir:
            for path in sorted((root / self.config.catalogue_dir).glob("*.toml")):
                shown = _shown(path, root)
                problems += check_file(path, shown)
                text = path.read_text(encoding="utf-8")
                problems += [
                    f"{shown}:{f.line}: {f.message} "
                    f"(fix: python -m site_plugins.language.typography --fix {shown})"
                    for f in check_catalogue(text, path.stem)
                ]
        _fail("cip-language", problems)

    def on_nav(
        self, nav: Navigation, /, *, config: MkDocsConfig, files: Files
    ) -> Navigation | None:
        if not self.config.enabled:
            return nav
        lang = site_languages(config).current  # the navigation of the language being built
        if lang in self.config.languages:
            _fix_titles(nav.items, lang)
        return nav

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if not self.config.enabled:
            return markdown
        lang = page_language(page, config, self.config.languages)
        where = shown_path(page, config)
        try:
            source = page.file.content_string
        except (OSError, ValueError):
            source = markdown
        findings = scan_terms(source, lang) + scan_links(source, lang)
        _fail("cip-language", [f"{where}:{f.line}: {f.message}" for f in findings])
        return fix_markdown(markdown, lang)

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if not self.config.enabled:
            return html
        # The toc extension joins heading words with ordinary spaces: fix the titles again.
        lang = page_language(page, config, self.config.languages)
        _fix_titles(list(page.toc), lang)
        if page.title:  # a title taken from the page's heading, not from the nav
            page.title = fix_markdown(page.title, lang)
        return html

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        if not self.config.enabled:
            return output
        lang = page_language(page, config, self.config.languages)
        # Jinja's striptags (the theme's <title>) turns no-break spaces into ordinary ones.
        output = _TITLE_RE.sub(lambda m: m[1] + fix_markdown(m[2], lang) + m[3], output, 1)
        if page.file.name + ".md" not in self.config.html_pages:
            return output
        # Tags out (newlines kept: true lines), entities decoded: the words a reader sees.
        text = html.unescape(_TAG_RE.sub(lambda m: "\n" * m.group().count("\n"), output))
        findings = scan_terms(text, lang) + scan_links(output, lang)
        where = f"{config.site_dir}/{page.file.dest_uri} (generated HTML)"
        _fail("cip-language", [f"{where}:{f.line}: {f.message}" for f in findings])
        return output


def _fix_titles(items: list[Any], lang: str) -> None:
    for item in items:
        title = getattr(item, "title", None)
        if isinstance(title, str):
            item.title = fix_markdown(title, lang)
        children = getattr(item, "children", None)
        if children:
            _fix_titles(children, lang)


def _shown(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)


def _fail(name: str, problems: list[str]) -> None:
    if problems:
        lines = "\n".join(f"  - {p}" for p in problems)
        raise PluginError(f"{name}: {len(problems)} problems:\n{lines}")
