"""Money and display formats: exact Decimal arithmetic, presented with each language's ``[format]``.

Rounding rule: to the cent, half up (1 658,19 / 2 = 829,095 -> 829,10, as the fact sheet prints).
The separators, the euro's place, the month names and ordinals live in
``messages/<lang>.toml`` ``[format]``, not here: a new language brings its own.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from cip_core._data import load_toml

CENT = Decimal("0.01")


def display_format(lang: str) -> dict[str, Any]:
    """The ``[format]`` table of ``lang``; a LookupError naming the file when it is missing."""
    where = f"cip_core/messages/{lang}.toml"
    try:
        found: dict[str, Any] = load_toml("messages", lang)["format"]
    except FileNotFoundError:
        raise LookupError(f"no catalogue {where}") from None
    except KeyError:
        raise LookupError(f"{where}: missing [format]") from None
    return found


def _key(lang: str, key: str) -> Any:
    table = display_format(lang)
    if key not in table:
        raise LookupError(f"cip_core/messages/{lang}.toml: missing key format.{key}")
    return table[key]


def to_cents(amount: Decimal) -> Decimal:
    """Round an amount to the cent, half up."""
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def money_str(amount: Decimal) -> str:
    """The contract's money string: two decimals, dot, no separators ("829.10")."""
    return f"{to_cents(amount):.2f}"


def format_number(value: Decimal, lang: str, places: int | None = None) -> str:
    """A number as a reader of ``lang`` writes it: decimal comma, grouped thousands."""
    if places is not None:
        value = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    else:
        value = value.normalize()
        if value == value.to_integral_value():
            value = value.quantize(Decimal(1))
    text = f"{value:,f}"
    group, decimal = _key(lang, "group"), _key(lang, "decimal")
    return text.replace(",", "\x00").replace(".", decimal).replace("\x00", group)


def format_money(amount: Decimal, lang: str) -> str:
    """``829,10 €`` in French, ``€ 829,10`` in Dutch (``format.money``)."""
    number = format_number(to_cents(amount), lang, places=2)
    template: str = _key(lang, "money")
    return template.format(number=number)


def format_percent(value: Decimal, lang: str) -> str:
    """A fraction (0.5) as a percentage ("50 %")."""
    percent = (value * 100).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    template: str = _key(lang, "percent")
    return template.format(number=format_number(percent, lang))


def format_date(day: date, lang: str) -> str:
    """``1er septembre 2021`` / ``1 september 2021``."""
    return format_iso_date(day.isoformat(), lang)


def format_iso_date(iso: str, lang: str) -> str:
    """A YYYY-MM-DD date written out, read with string slices (templates use the same steps)."""
    year, month, day = iso[0:4], int(iso[5:7]), int(iso[8:10])
    months: list[str] = _key(lang, "months")
    ordinals: list[str] = _key(lang, "day_ordinals")  # day n is ordinals[n - 1] when listed
    shown = ordinals[day - 1] if day <= len(ordinals) else str(day)
    template: str = _key(lang, "date")
    return template.format(day=shown, month=months[month - 1], year=year)
