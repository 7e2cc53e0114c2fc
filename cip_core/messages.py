"""Per-language message catalogues (``messages/<lang>.toml``).

The languages are the catalogues found there: adding ``de.toml`` adds German everywhere, and a
key missing from one catalogue is an error that names the file (``check_catalogues``), never a
silent fall-back to another language. The rules return codes with raw parameters; this module
turns them into sentences, formatting amounts, dates and numbers with the catalogue's ``[format]``.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from cip_core._data import load_toml, toml_names
from cip_core.formatting import format_date, format_money, format_number, format_percent

# Sorted file names, with French (the sheet's language and the CLI's default) first.
DEFAULT_LANGUAGE = "fr"
LANGUAGES: tuple[str, ...] = tuple(
    sorted(toml_names("messages"), key=lambda name: (name != DEFAULT_LANGUAGE, name))
)


class MessageError(LookupError):
    """A language or key that a catalogue lacks; the message names the file."""


class Money(Decimal):
    """A Decimal that is an amount of euros (formatted as money in messages)."""


class Ratio(Decimal):
    """A Decimal that is a share of a whole (formatted as a percentage in messages)."""


class Term(str):
    """A key of the catalogue's ``[values]``: a sentence shows its words in the reader's language
    (the body that issues work permits in a region...)."""


def catalogue_path(lang: str) -> str:
    return f"cip_core/messages/{lang}.toml"


def catalogue(lang: str) -> dict[str, Any]:
    if lang not in LANGUAGES:
        raise MessageError(f"no catalogue {catalogue_path(lang)}; languages: {LANGUAGES}")
    return load_toml("messages", lang)


def lookup(lang: str, *path: str) -> Any:
    """The value at ``path`` (section, key...) of ``lang``'s catalogue; MessageError if absent."""
    node: Any = catalogue(lang)
    for depth, key in enumerate(path):
        if not isinstance(node, dict) or key not in node:
            where = ".".join(path[: depth + 1])
            raise MessageError(f"{catalogue_path(lang)}: missing key {where}")
        node = node[key]
    return node


def _keys(node: object, prefix: str = "") -> set[str]:
    if not isinstance(node, dict):
        return {prefix}
    found: set[str] = set()
    for key, value in node.items():
        found |= _keys(value, f"{prefix}.{key}" if prefix else key)
    return found


def check_catalogues() -> list[str]:
    """One line per key that some catalogue has and another lacks (empty when all agree)."""
    keys = {lang: _keys(catalogue(lang)) for lang in LANGUAGES}
    every = set().union(*keys.values())
    return [
        f"{catalogue_path(lang)}: missing key {key}"
        for lang in LANGUAGES
        for key in sorted(every - keys[lang])
    ]


# Each body's names a language needs: as a label, and inside a sentence (with its article).
BODY_NAME_FIELDS = ("name", "name_with_article")


def check_language_data(languages: tuple[str, ...] = LANGUAGES) -> list[str]:
    """One line per piece of data a language needs besides its catalogue, naming file and key:
    its ``[fallback]`` in data/sources.toml and its names for each body in data/bodies.toml.
    A build stops on these instead of a ``KeyError`` in the browser's Pyodide."""
    sources, bodies = load_toml("data", "sources"), load_toml("data", "bodies")
    problems = [
        f"cip_core/data/sources.toml: [fallback] has no key {lang} (the languages whose pages "
        f"a reader of {lang} is sent to when a source has none in {lang})"
        for lang in languages
        if lang not in sources.get("fallback", {})
    ]
    problems += [
        f"cip_core/data/bodies.toml: [{key}] has no {field}_{lang}"
        for key, entry in bodies.items()
        if isinstance(entry, dict)
        for lang in languages
        for field in BODY_NAME_FIELDS
        if f"{field}_{lang}" not in entry
    ]
    return problems


def format_value(value: object, lang: str) -> str:
    if isinstance(value, Money):
        return format_money(Decimal(value), lang)
    if isinstance(value, Ratio):
        return format_percent(Decimal(value), lang)
    if isinstance(value, Term):  # a missing key is an error naming the catalogue
        return str(lookup(lang, "values", str(value)))
    if isinstance(value, Decimal):
        return format_number(value, lang)
    if isinstance(value, date):
        return format_date(value, lang)
    return str(value)


def text(lang: str, section: str, code: str, **params: object) -> str:
    """The sentence for ``code`` in ``section`` of ``lang``, with ``params`` filled in."""
    template: str = lookup(lang, section, code)
    return template.format_map({k: format_value(v, lang) for k, v in params.items()})


def field_label(lang: str, field: str) -> str:
    """The short name of a question (errors, summaries); the field's own name if not a question."""
    questions: dict[str, Any] = lookup(lang, "questions")
    if field not in questions:
        return field
    label: str = lookup(lang, "questions", field, "short")
    return label


def value_label(lang: str, value: str) -> str:
    labels: dict[str, str] = lookup(lang, "values")
    return labels.get(value, value)
