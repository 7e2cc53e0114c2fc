"""Per-language message catalogues (``messages/fr.toml``, ``messages/nl.toml``).

The rules return codes with raw parameters; this module turns them into sentences, formatting
amounts, dates and numbers the way a reader of the language expects.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from cip_core._data import load_toml
from cip_core.money import format_date, format_money, format_number, format_percent

LANGUAGES = ("fr", "nl")
DEFAULT_LANGUAGE = "fr"


class Money(Decimal):
    """A Decimal that is an amount of euros (formatted as money in messages)."""


class Ratio(Decimal):
    """A Decimal that is a share of a whole (formatted as a percentage in messages)."""


def catalogue(lang: str) -> dict[str, Any]:
    return load_toml("messages", lang if lang in LANGUAGES else DEFAULT_LANGUAGE)


def format_value(value: object, lang: str) -> str:
    if isinstance(value, Money):
        return format_money(Decimal(value), lang)
    if isinstance(value, Ratio):
        return format_percent(Decimal(value), lang)
    if isinstance(value, Decimal):
        return format_number(value, lang)
    if isinstance(value, date):
        return format_date(value, lang)
    return str(value)


def text(lang: str, section: str, code: str, **params: object) -> str:
    """The sentence for ``code`` in ``section`` of ``lang``, with ``params`` filled in."""
    template: str = catalogue(lang)[section][code]
    return template.format_map({k: format_value(v, lang) for k, v in params.items()})


def field_label(lang: str, field: str) -> str:
    labels: dict[str, str] = catalogue(lang)["fields"]
    return labels.get(field, field)


def value_label(lang: str, value: str) -> str:
    labels: dict[str, str] = catalogue(lang)["values"]
    return labels.get(value, value)
