"""Where each code comes from (``cip_core/data/sources.toml``), in the reader's language."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from cip_core._data import load_toml
from cip_core.messages import lookup
from cip_core.parameters import DatedValue


@dataclass(frozen=True)
class Source:
    url: str
    basis: str
    certainty: str
    kind: str = "official"  # official | secondary (payroll firm, sector site, news)


def _data() -> dict[str, Any]:
    return load_toml("data", "sources")


def address_in(name: str, lang: str) -> tuple[str, str]:
    """The address of source ``name`` for a reader of ``lang`` and the language of that page:
    ``lang``'s own, or the first of its declared fallbacks that has one.

    ``KeyError`` when neither the language nor any fallback has one: a new language must say
    which language it falls back to (``[fallback]``), never get one silently.
    """
    data = _data()
    entry: dict[str, Any] = data["urls"][name]
    for candidate in (lang, *data["fallback"][lang]):
        if candidate in entry:
            return str(entry[candidate]), candidate
    raise KeyError(f"source {name!r} has no address in {lang!r} nor its fallbacks")


def url_in(name: str, lang: str) -> str:
    """The address of source ``name`` for a reader of ``lang`` (see ``address_in``)."""
    return address_in(name, lang)[0]


def url_note(name: str, lang: str) -> tuple[str, str]:
    """The address of source ``name`` for a reader of ``lang`` and its language note."""
    url, source_lang = address_in(name, lang)
    return url, language_note(source_lang, lang)


def language_note(source_lang: str, lang: str) -> str:
    """``"in French"`` for a reader of ``lang`` sent to a source page in ``source_lang``; "" if
    theirs."""
    if source_lang == lang:
        return ""
    note: str = lookup(lang, "source_languages", source_lang)
    return note


def note_in(name: str, lang: str) -> str:
    """The language note of source ``name``'s page for a reader of ``lang`` ("" if theirs)."""
    return language_note(address_in(name, lang)[1], lang)


def reference_in(value: DatedValue, lang: str) -> tuple[str, str]:
    """The page stating a parameter's ``value`` for a reader of ``lang``, and its language note:
    the page in ``lang``, else in the first of its ``[fallback]`` languages that has one, else the
    value's one ``reference`` (no note when its language is not given)."""
    for candidate in (lang, *_data()["fallback"][lang]):
        if candidate in value.references:
            return value.references[candidate], language_note(candidate, lang)
    return value.reference, ""


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


def source_note(code: str, lang: str) -> str:
    """The language note beside ``code``'s source ("in French" on an English page), or ""."""
    return note_in(_data()["codes"][code]["url"], lang)


def known_codes() -> list[str]:
    return sorted(_data()["codes"])


def source_names() -> list[str]:
    return sorted(_data()["urls"])
