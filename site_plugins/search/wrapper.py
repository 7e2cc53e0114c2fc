"""Search that finds the guide's own words: each page searches the pages of its language only, with
the stemmer its catalogue names, accents ignored, codes with digits (DV5), compounds by their
last part. Plain functions; the MkDocs plugin (plugin.py) calls them.

Material's search worker is kept; each page's ``__config`` points to a small wrapper
(``cip-search.js?lang=<lang>``, from worker.js) that filters the one index of the site to the
page's language and adapts lunr's pipeline before Material builds its index in the browser. The
wrapper learns the languages from the build: each language's folder (mkdocs-static-i18n) and
its catalogue's ``[search]`` (``stemmer``, ``split_compounds``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from cip_core.messages import catalogue_path, lookup

WORKERS = Path("assets") / "javascripts" / "workers"
WRAPPER = "cip-search.js"
TEMPLATE = Path(__file__).with_name("worker.js")
PLACEHOLDER = "__MATERIAL_WORKER__"
LANGUAGES_PLACEHOLDER = "__CIP_LANGUAGES__"
# Material's stemmers, next to its theme's templates; lunr's own is English.
STEMMERS = Path("assets") / "javascripts" / "lunr" / "min"
LUNR_OWN = "en"
# In Material's <script id="__config">: "search": "<relative path>/search.<hash>.min.js"
_CONFIG_SEARCH = re.compile(r'("search":\s*")([^"]*?)(search\.[0-9a-f]+\.min\.js)(")')


class SearchWorkerMissingError(Exception):
    """Material's search worker is not where the wrapper expects it."""


class SearchLanguageError(ValueError):
    """A language's catalogue names no stemmer, or one that Material does not ship."""


def point_to_wrapper(html: str, lang: str) -> str:
    """``html`` whose Material config loads the wrapper for ``lang`` instead of the worker."""
    return _CONFIG_SEARCH.sub(lambda m: f"{m[1]}{m[2]}{WRAPPER}?lang={lang}{m[4]}", html, count=1)


def shipped_stemmers(theme_dirs: Iterable[str | Path]) -> set[str]:
    """The lunr stemmers the theme ships (``lunr.<code>.min.js``), and lunr's own."""
    found = {LUNR_OWN}
    for folder in theme_dirs:
        for path in (Path(folder) / STEMMERS).glob("lunr.*.min.js"):
            code = path.name.removeprefix("lunr.").removesuffix(".min.js")
            if "." not in code and code != "multi":  # stemmer.support, multi: helpers
                found.add(code)
    return found


def language_settings(
    folders: dict[str, str], stemmers: set[str] | None = None
) -> dict[str, dict[str, Any]]:
    """For each language (its folder from the site root, "" for the default), what the wrapper
    needs from its catalogue; ``SearchLanguageError`` names the file and key of a bad one."""
    settings: dict[str, dict[str, Any]] = {}
    for lang, prefix in folders.items():
        where = f"{catalogue_path(lang)}: [search]"
        search: dict[str, Any] = lookup(lang, "search")  # MessageError names a missing table
        stemmer = search.get("stemmer")
        if not isinstance(stemmer, str) or (stemmers is not None and stemmer not in stemmers):
            known = ", ".join(sorted(stemmers or ()))
            raise SearchLanguageError(
                f"{where} stemmer = {stemmer!r} is not a lunr stemmer the theme ships ({known})"
            )
        compounds = search.get("split_compounds")
        if not isinstance(compounds, bool):
            raise SearchLanguageError(f"{where} split_compounds must be true or false")
        settings[lang] = {"prefix": prefix, "stemmer": stemmer, "compounds": compounds}
    return settings


def write_wrapper(site_dir: Path, settings: dict[str, dict[str, Any]]) -> Path:
    """Writes ``assets/javascripts/workers/cip-search.js`` next to Material's worker."""
    folder = site_dir / WORKERS
    found = sorted(p.name for p in folder.glob("search.*.min.js")) if folder.is_dir() else []
    if len(found) != 1:
        raise SearchWorkerMissingError(
            f"expected one Material search worker in {folder}, found {found or 'none'}"
        )
    target = folder / WRAPPER
    text = (
        TEMPLATE.read_text("utf-8")
        .replace(PLACEHOLDER, found[0])
        .replace(LANGUAGES_PLACEHOLDER, json.dumps(settings, sort_keys=True))
    )
    if not target.is_file() or target.read_text("utf-8") != text:
        target.write_text(text, "utf-8")
    return target
