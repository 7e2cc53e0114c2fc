"""Options of the ``cip-language`` MkDocs plugin."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

from cip_core.messages import LANGUAGES


class LanguageConfig(Config):
    enabled = c.Type(bool, default=True)
    languages = c.ListOfItems(c.Type(str), default=list(LANGUAGES))
    # Relative to mkdocs.yml; "" skips that check (fixture sites).
    glossary_dir = c.Type(str, default="includes")
    catalogue_dir = c.Type(str, default="cip_core/messages")
    # Pages whose final HTML is checked too (generated markup).
    html_pages = c.ListOfItems(c.Type(str), default=["calculateur.md"])
