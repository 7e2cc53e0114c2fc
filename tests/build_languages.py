"""The languages of the build, for every test that needs them: read from mkdocs.yml's i18n plugin
(the languages it builds, the default first), never written out in a test.

``UNKNOWN`` is a language no one will ever add (``xx``), for tests of the refusal of one.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path, PurePosixPath

from mkdocs.utils.yaml import yaml_load

from cip_core.messages import lookup

ROOT = Path(__file__).resolve().parents[1]
UNKNOWN = "xx"


@cache
def build_languages(config: Path = ROOT / "mkdocs.yml") -> tuple[str, ...]:
    """The locales mkdocs-static-i18n builds, the default first."""
    with config.open(encoding="utf-8") as handle:
        data = yaml_load(handle)
    for plugin in data.get("plugins", []):
        if isinstance(plugin, dict) and "i18n" in plugin:
            languages = [lang for lang in plugin["i18n"]["languages"] if lang.get("build", True)]
            default = [str(lang["locale"]) for lang in languages if lang.get("default")]
            others = [str(lang["locale"]) for lang in languages if not lang.get("default")]
            return (*default, *others)
    raise AssertionError(f"{config} has no i18n plugin: the tests expect a multilingual build")


LANGUAGES = build_languages()
DEFAULT = LANGUAGES[0]


def prefix(lang: str, languages: tuple[str, ...] = LANGUAGES) -> str:
    """The folder of ``lang``'s pages from the site root: "" for the default, "nl/" otherwise."""
    return "" if lang == languages[0] else f"{lang}/"


def language_of(path: str, languages: tuple[str, ...] = LANGUAGES) -> str:
    """The language of a page from its URL path ("/nl/conditions/" -> "nl")."""
    parts = PurePosixPath("/" + path.lstrip("/")).parts
    top = parts[1] if len(parts) > 1 else ""
    return top if top in languages[1:] else languages[0]


def sentence_start(lang: str, *path: str) -> str:
    """The start of a catalogue's sentence, up to its first sign other than a comma: what a
    page shows of it whatever its spaces (``"Réessayer"``, ``"Vos réponses sont prises"``)."""
    text: str = lookup(lang, *path)
    return re.findall(r"[\w' ,’-]+", text)[0].strip(" ,")
