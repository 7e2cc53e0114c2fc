"""MkDocs plugin ``cip-alternates``: a thin adapter over :mod:`site_plugins.alternates.links`."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.pages import Page

from site_plugins.alternates.config import AlternatesConfig
from site_plugins.alternates.links import drop_head_alternates


class AlternatesPlugin(BasePlugin[AlternatesConfig]):
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        if not self.config.enabled:
            return output
        return drop_head_alternates(output)
