"""MkDocs plugin ``cip-figures``: the editors' safety net and the figures, page by page.

A thin adapter over plain functions (``amounts``, ``figures``, ``glossary``). For each page,
in ``on_page_markdown``:
1. refuse euro amounts typed by hand (checked on the editor's text, before any replacement);
2. replace the ``{{cip ...}}`` markers with cip_core's values in the page's language;
3. append the glossary of that language so the ``abbr`` extension adds tooltips.
mkdocs-static-i18n builds once per language: the only state kept is the glossary text per
language, so each build gives the same output.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from cip_core.messages import LANGUAGES, check_catalogues, lookup
from cip_core.money import display_format
from site_plugins.figures.amounts import find_hand_typed_amounts
from site_plugins.figures.config import FiguresConfig
from site_plugins.figures.glossary import GlossaryMissingError, append_glossary, read_glossary
from site_plugins.figures.markdown_ext import running_page
from site_plugins.figures.markers import FigureError, render_figures
from site_plugins.page_source import first_line, page_language, shown_path


class FiguresPlugin(BasePlugin[FiguresConfig]):
    def __init__(self) -> None:
        super().__init__()
        self._glossaries: dict[str, str] = {}

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return config
        # Read again at each build (mkdocs serve picks up an edited glossary).
        self._glossaries = {}
        # Every language's catalogue has every key: a gap fails here, naming the file.
        problems = check_catalogues()
        if problems:
            raise PluginError("cip-figures: " + "\n".join(problems))
        # The footer writes its date with the core's formats (overrides/partials/copyright.html);
        # the footer and the 404 page take their sentences from each catalogue's [site].
        try:
            config.extra["cip_formats"] = {lang: display_format(lang) for lang in LANGUAGES}
            config.extra["cip_site"] = {lang: lookup(lang, "site") for lang in LANGUAGES}
        except LookupError as error:
            raise PluginError(f"cip-figures: {error}") from None
        return config

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if not self.config.enabled:
            return markdown
        where = shown_path(page, config)
        offset = first_line(page)
        amounts = find_hand_typed_amounts(markdown)
        if amounts:
            raise PluginError(
                "\n".join(f"{where}:{a.line + offset}: {a.message()}" for a in amounts)
            )
        lang = page_language(page, config, self.config.languages)
        running_page.update(lang=lang, url=page.url)  # for markdown_ext, if it is configured too
        try:
            markdown = render_figures(markdown, lang, page.url)
        except FigureError as error:
            raise PluginError(f"{where}:{error.line + offset}: {error.message}") from None
        if self.config.glossary_dir:
            markdown = append_glossary(markdown, self._glossary(lang, config))
        return markdown

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        running_page.clear()  # the page is converted: its language no longer applies
        return html

    def on_build_error(self, *, error: Exception) -> None:
        running_page.clear()  # a page that failed mid-way must not lend its language to others

    def _glossary(self, lang: str, config: MkDocsConfig) -> str:
        if lang not in self._glossaries:
            folder = Path(config.config_file_path or ".").resolve().parent
            try:
                self._glossaries[lang] = read_glossary(folder / self.config.glossary_dir, lang)
            except GlossaryMissingError as error:
                raise PluginError(f"cip-figures: {error}") from None
        return self._glossaries[lang]
