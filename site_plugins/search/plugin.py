"""MkDocs plugin ``cip-search``: a thin adapter over :mod:`site_plugins.search.wrapper`."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.pages import Page

from site_plugins.search.config import SearchConfig
from site_plugins.search.wrapper import SearchWorkerMissingError, point_to_wrapper, write_wrapper


class SearchPlugin(BasePlugin[SearchConfig]):
    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        if not self.config.enabled:
            return output
        # mkdocs-static-i18n sets the theme's language for each language's build.
        lang = "nl" if str(config.theme.get("language", "fr")).startswith("nl") else "fr"
        return point_to_wrapper(output, lang)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not self.config.enabled:
            return
        try:
            write_wrapper(Path(config.site_dir))
        except SearchWorkerMissingError as error:
            raise PluginError(f"cip-search: {error}") from error
