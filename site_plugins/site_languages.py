"""The languages of the site being built: which ones, which is the default, which is building.

mkdocs-static-i18n (the ``i18n`` plugin) builds the site once per language into one folder: the
default language at the root, each other one under ``<language>/``. Its configuration is the one
list of the site's languages; the plugins read it here instead of a list of their own. A site
without the i18n plugin has one language, the theme's.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from mkdocs.config.defaults import MkDocsConfig


@dataclass(frozen=True)
class SiteLanguages:
    built: tuple[str, ...]  # the languages built, the default first
    current: str  # the language of the build in progress

    @property
    def default(self) -> str:
        return self.built[0]

    def prefix(self, lang: str) -> str:
        """The folder of ``lang``'s pages from the site root: "" for the default, "nl/"."""
        return "" if lang == self.default else f"{lang}/"


def site_languages(config: MkDocsConfig) -> SiteLanguages:
    i18n: Any = config.plugins.get("i18n")
    theme_language = str(config.theme.get("language") or "")
    if i18n is None:
        return SiteLanguages((theme_language,), theme_language)
    default = str(i18n.default_language)
    built = [str(locale) for locale in i18n.build_languages]
    ordered = (default, *(lang for lang in built if lang != default))
    # current_language is None until i18n's own on_config (priority -100) has run once.
    current = str(getattr(i18n, "current_language", None) or default)
    return SiteLanguages(ordered, current)
