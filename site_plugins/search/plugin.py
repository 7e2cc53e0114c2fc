"""MkDocs plugin ``cip-search``: a thin adapter over :mod:`site_plugins.search.wrapper`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.pages import Page

from site_plugins.search.config import SearchConfig
from site_plugins.search.wrapper import (
    SearchLanguageError,
    SearchWorkerMissingError,
    language_settings,
    point_to_wrapper,
    shipped_stemmers,
    write_wrapper,
)
from site_plugins.site_languages import site_languages


class SearchPlugin(BasePlugin[SearchConfig]):
    def __init__(self) -> None:
        super().__init__()
        self._settings: dict[str, dict[str, Any]] = {}

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return config
        # Before any page: a language without a usable [search] fails naming its catalogue.
        languages = site_languages(config)
        folders = {lang: languages.prefix(lang) for lang in languages.built}
        try:
            self._settings = language_settings(folders, shipped_stemmers(config.theme.dirs))
        except (LookupError, SearchLanguageError) as error:
            raise PluginError(f"cip-search: {error}") from None
        return config

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        if not self.config.enabled:
            return output
        # Every page of a language's build is in that language's folder (mkdocs-static-i18n).
        return point_to_wrapper(output, site_languages(config).current)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not self.config.enabled:
            return
        try:
            write_wrapper(Path(config.site_dir), self._settings)
        except SearchWorkerMissingError as error:
            raise PluginError(f"cip-search: {error}") from error
