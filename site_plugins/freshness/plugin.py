"""MkDocs plugin ``cip-freshness``: a thin adapter over :mod:`site_plugins.freshness.warning`."""

from __future__ import annotations

from datetime import date

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

from site_plugins.freshness.config import FreshnessConfig
from site_plugins.freshness.warning import warn_if_stale


class FreshnessPlugin(BasePlugin[FreshnessConfig]):
    def __init__(self) -> None:
        super().__init__()
        self._warned = False

    def on_startup(self, *, command: str, dirty: bool) -> None:
        if not self.config.enabled:
            return
        self._warned = False  # once per `mkdocs build` / `serve`, not once per language

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return config
        # mkdocs-static-i18n runs the configuration once per language: say it once.
        if not self._warned:
            warn_if_stale(self._build_day())
            self._warned = True
        return config

    def _build_day(self) -> date:
        if not self.config.today:
            return date.today()
        try:
            return date.fromisoformat(self.config.today)
        except ValueError:
            raise PluginError(
                f"cip-freshness: today: {self.config.today!r} is not a date (YYYY-MM-DD)"
            ) from None
