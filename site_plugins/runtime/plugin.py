"""MkDocs plugin ``cip-runtime``: publishes build/runtime/ at /assets/pyodide/<version>/ and
writes /sw.js, with a hash of the whole built site in it.

A thin adapter over :func:`site_plugins.runtime.install.install_runtime`. mkdocs-static-i18n
runs the build once per language into the same site_dir: the copy is idempotent, so the
second language costs a few stat() calls. Under `mkdocs serve` every rebuild starts from a
cleaned site_dir and copies again; re-running `make runtime` triggers a reload.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger

from site_plugins.runtime.config import RuntimeConfig
from site_plugins.runtime.install import RuntimeMissingError, install_runtime, runtime_files

log = get_plugin_logger(__name__)


class RuntimePlugin(BasePlugin[RuntimeConfig]):
    def _source(self, config: MkDocsConfig) -> Path:
        # Relative to mkdocs.yml, not to the working directory.
        return Path(config.config_file_path).parent / self.config.runtime_dir

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return config
        try:  # fail before rendering any page, not after
            runtime_files(self._source(config))
        except RuntimeMissingError as error:
            raise PluginError(f"cip-runtime: {error}") from error
        return config

    # After every other plugin, mkdocs-static-i18n (-100) included: it rewrites the search index
    # at the end of the build, and sw.js holds a hash of every file of the final site.
    @event_priority(-110)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not self.config.enabled:
            return
        try:
            copied = install_runtime(self._source(config), Path(config.site_dir))
        except RuntimeMissingError as error:
            raise PluginError(f"cip-runtime: {error}") from error
        if copied:
            log.debug("copied %s into assets/pyodide/", ", ".join(copied))

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        if not self.config.enabled:
            return server
        server.watch(str(self._source(config)))
        return server
