"""MkDocs plugin ``cip-figures``: the editors' safety net and the figures, page by page.

A thin adapter over plain functions (``amounts``, ``markers``, ``glossary``). For each page,
in ``on_page_markdown``:
1. refuse euro amounts typed by hand (checked on the editor's text, before any replacement);
2. replace the ``{{cip ...}}`` markers with cip_core's values in the page's language;
3. append the glossary of that language so the ``abbr`` extension adds tooltips.
mkdocs-static-i18n builds once per language: the only state kept is the build's day and the
glossary text per language, so each build gives the same output.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from cip_core.formatting import display_format
from cip_core.messages import (
    LANGUAGES,
    catalogue_path,
    check_catalogues,
    check_language_data,
    lookup,
)
from site_plugins.figures import markdown_ext
from site_plugins.figures.amounts import find_hand_typed_amounts
from site_plugins.figures.config import FiguresConfig
from site_plugins.figures.glossary import GlossaryMissingError, append_glossary, read_glossary
from site_plugins.figures.markers import FigureError, render_figures
from site_plugins.page_source import first_line, page_language, shown_path
from site_plugins.site_languages import site_languages


class FiguresPlugin(BasePlugin[FiguresConfig]):
    def __init__(self) -> None:
        super().__init__()
        self._glossaries: dict[str, str] = {}
        self._today = date.today()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return config
        # Read again at each build (mkdocs serve picks up an edited glossary).
        self._glossaries = {}
        self._today = date.today()  # one day for every page of the build
        # Every language's catalogue has every key, and the data every language needs: a gap
        # fails here, naming the file and the key.
        problems = check_catalogues() + check_language_data()
        if problems:
            raise PluginError("cip-figures: " + "\n".join(problems))
        languages = site_languages(config)
        for lang in languages.built:
            if lang not in LANGUAGES:
                raise PluginError(
                    f"cip-figures: mkdocs.yml builds the language {lang!r}, which has no "
                    f"catalogue: create {catalogue_path(lang)} (copy another language's)"
                )
        # The footer and the 404 page (overrides/) write their sentences and dates with the
        # catalogues of the languages built, the default first.
        try:
            config.extra["cip_formats"] = {lang: display_format(lang) for lang in languages.built}
            config.extra["cip_site"] = {lang: lookup(lang, "site") for lang in languages.built}
        except LookupError as error:  # MessageError too
            raise PluginError(f"cip-figures: {error}") from None
        config.extra["cip_default_language"] = languages.default
        config.extra["cip_language"] = languages.current
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
        if markdown_ext.NAME in config.markdown_extensions:
            # The extension (the Zensical door) reads its options for each page MkDocs converts.
            options = config.mdx_configs.setdefault(markdown_ext.NAME, {})
            options.update(lang=lang, page_url=page.url)
        try:
            markdown = render_figures(markdown, lang, page.url, self._today)
        except FigureError as error:
            raise PluginError(f"{where}:{error.line + offset}: {error.message}") from None
        if self.config.glossary_dir:
            markdown = append_glossary(markdown, self._glossary(lang, config))
        return markdown

    def _glossary(self, lang: str, config: MkDocsConfig) -> str:
        if lang not in self._glossaries:
            folder = Path(config.config_file_path or ".").resolve().parent
            try:
                self._glossaries[lang] = read_glossary(folder / self.config.glossary_dir, lang)
            except GlossaryMissingError as error:
                raise PluginError(f"cip-figures: {error}") from None
        return self._glossaries[lang]
