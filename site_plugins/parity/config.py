"""Options of the ``cip-parity`` MkDocs plugin."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class ParityConfig(Config):
    enabled = c.Type(bool, default=True)
    # The docs/<lang>/ folders compared with each other (mkdocs-static-i18n folder mode);
    # empty: the site's languages (mkdocs-static-i18n's locales).
    languages = c.ListOfItems(c.Type(str), default=[])
