"""Options of the ``cip-figures`` MkDocs plugin."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

from cip_core.messages import LANGUAGES


class FiguresConfig(Config):
    enabled = c.Type(bool, default=True)
    # Folder of abbreviations.<lang>.md, relative to mkdocs.yml; "" appends no glossary.
    glossary_dir = c.Type(str, default="includes")
    # Languages the pages are written in (the docs/<lang>/ folders of mkdocs-static-i18n).
    languages = c.ListOfItems(c.Type(str), default=list(LANGUAGES))
