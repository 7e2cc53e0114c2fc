"""MkDocs plugin ``cip-csp``: writes each page's Content-Security-Policy into its <meta> tag.

A thin adapter over :mod:`site_plugins.csp.policy` (plain Python, also runnable as
`python -m site_plugins.csp SITE_DIR` by a generator without a plugin API). Keep it last in
`plugins:` so that it hashes the final HTML of each page.
"""

from __future__ import annotations

from typing import Literal

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.pages import Page

from site_plugins.csp import policy as csp
from site_plugins.csp.config import CspConfig

log = get_plugin_logger(__name__)

# Allows mkdocs serve's live-reload script; only ever used for pages that `mkdocs serve` serves.
SERVE_SCRIPT_SRC = "script-src 'self' 'wasm-unsafe-eval' 'unsafe-inline'"


class CspPlugin(BasePlugin[CspConfig]):
    def __init__(self) -> None:
        self._command = "build"
        self._hashes: dict[str, None] = {}  # ordered set, for the build summary

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        if not self.config.enabled:
            return
        self._command = command

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        if not self.config.enabled:
            return
        self._hashes.clear()  # mkdocs-static-i18n builds once per language

    def _apply(self, html: str, where: str) -> str:
        html = csp.align_table_columns(html)  # no style= attribute: the policy forbids them
        try:
            result = csp.apply_policy(html)
        except csp.CspError as error:
            raise PluginError(f"cip-csp: {where}: {error}") from error
        policy = csp.policy_for(html)
        for directive in policy.split("; "):
            for source in directive.split()[1:]:
                if source.startswith("'sha256-"):
                    self._hashes[f"{directive.split()[0]} {source}"] = None
        if self._command == "serve" and self.config.relax_for_serve:
            strict_script_src = next(d for d in policy.split("; ") if d.startswith("script-src"))
            result = result.replace(strict_script_src, SERVE_SCRIPT_SRC, 1)
        return result

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        if not self.config.enabled:
            return output
        return self._apply(output, page.file.src_uri)

    def on_post_template(
        self, output_content: str, /, *, template_name: str, config: MkDocsConfig
    ) -> str | None:
        if not self.config.enabled:
            return output_content
        # 404.html and other static templates do not go through on_post_page. An empty output is
        # not written by MkDocs (overrides/404.html renders nothing but in the default language's
        # pass): skip it.
        if not template_name.endswith(".html") or not output_content.strip():
            return output_content
        return self._apply(output_content, template_name)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not self.config.enabled:
            return
        if self._hashes:
            log.info("cip-csp: inline hashes in the policies: %s", ", ".join(self._hashes))
