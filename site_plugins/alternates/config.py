"""Options of the ``cip-alternates`` MkDocs plugin."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class AlternatesConfig(Config):
    enabled = c.Type(bool, default=True)
