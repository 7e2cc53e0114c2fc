"""Options of the ``cip-runtime`` MkDocs plugin."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class RuntimeConfig(Config):
    enabled = c.Type(bool, default=True)
    # The bundle written by `python -m tools.bundle_runtime`, relative to mkdocs.yml.
    runtime_dir = c.Type(str, default="build/runtime")
