"""Options of the ``cip-freshness`` MkDocs plugin."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class FreshnessConfig(Config):
    enabled = c.Type(bool, default=True)
    # The day the build counts from, YYYY-MM-DD (tests set it); empty: the system date.
    today = c.Type(str, default="")
