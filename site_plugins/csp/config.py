"""Options of the ``cip-csp`` MkDocs plugin."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class CspConfig(Config):
    enabled = c.Type(bool, default=True)
    # `mkdocs serve` injects a live-reload <script> that changes on every request, so no hash
    # can allow it. When true, pages served by `mkdocs serve` (never written to site/) allow
    # inline scripts so that editors keep live reload; `mkdocs build` is always strict.
    relax_for_serve = c.Type(bool, default=True)
