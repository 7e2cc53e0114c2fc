"""Where each code comes from (``cip_core/data/sources.toml``), in the reader's language."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from cip_core._data import load_toml


@dataclass(frozen=True)
class Source:
    url: str
    basis: str
    certainty: str
    kind: str = "official"  # official | secondary (payroll firm, sector site, news)


def _data() -> dict[str, Any]:
    return load_toml("data", "sources")


def url_in(name: str, lang: str) -> str:
    """The address of source ``name`` for a reader of ``lang``, or of its declared fallback.

    ``KeyError`` when neither the language nor any fallback has one: a new language must say
    which language it falls back to (``[fallback]``), never get one silently.
    """
    data = _data()
    entry: dict[str, Any] = data["urls"][name]
    for candidate in (lang, *data["fallback"][lang]):
        if candidate in entry:
            return str(entry[candidate])
    raise KeyError(f"source {name!r} has no address in {lang!r} nor its fallbacks")


def source_of(code: str, lang: str = "fr") -> Source:
    data = _data()
    entry = data["codes"][code]
    return Source(
        url=url_in(entry["url"], lang),
        basis=entry["basis"],
        certainty=entry["certainty"],
        kind=data["urls"][entry["url"]]["kind"],
    )


def source_url(code: str, lang: str) -> str:
    """The address shown beside ``code``'s sentence for a reader of ``lang``."""
    return source_of(code, lang).url


def known_codes() -> list[str]:
    return sorted(_data()["codes"])


def source_names() -> list[str]:
    return sorted(_data()["urls"])
