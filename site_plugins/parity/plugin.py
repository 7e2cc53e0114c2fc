"""MkDocs plugin ``cip-parity``: fails the build when the pages of the languages part ways.

A thin adapter over :func:`site_plugins.parity.check.check_parity`. mkdocs-static-i18n runs the
whole build once per language (the later ones from inside the first build's ``on_post_build``); the
check looks at both folders at once, so it runs only in the first, outer build: once per
``mkdocs build`` and once per ``mkdocs serve`` rebuild.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

from site_plugins.parity.check import check_parity
from site_plugins.parity.config import ParityConfig


class ParityPlugin(BasePlugin[ParityConfig]):
    def __init__(self) -> None:
        super().__init__()
        self.runs = 0  # checks done by this plugin instance (tests count them)

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        if not self.config.enabled:
            return
        i18n = config.plugins.get("i18n")
        if i18n is not None and getattr(i18n, "building", False):
            return  # a nested build for another language: the outer build has checked
        self.runs += 1
        # The languages the site publishes (mkdocs-static-i18n's locales) unless configured.
        languages = self.config.languages or [
            str(language.locale) for language in getattr(i18n, "config", {}).get("languages", [])
        ]
        problems = check_parity(config.docs_dir, languages or None)
        if problems:
            lines = "\n".join(f"  - {p}" for p in problems)
            raise PluginError(
                f"cip-parity: the pages of the languages differ ({len(problems)} problems); "
                f"each page needs its counterpart with the same headings and markers:\n{lines}"
            )
