"""Money and display formats: exact Decimal arithmetic and FR/NL presentation.

Rounding rule: to the cent, half up (1 658,19 / 2 = 829,095 -> 829,10, as the fact sheet prints).
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
NBSP = "\u00a0"
NNBSP = "\u202f"  # narrow no-break space: the French thousands separator

_MONTHS = {
    "fr": (
        "janvier", "février", "mars", "avril", "mai", "juin",
        "juillet", "août", "septembre", "octobre", "novembre", "décembre",
    ),
    "nl": (
        "januari", "februari", "maart", "april", "mei", "juni",
        "juli", "augustus", "september", "oktober", "november", "december",
    ),
}  # fmt: skip


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
    group = NNBSP if lang == "fr" else "."
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", group)


def format_money(amount: Decimal, lang: str) -> str:
    """``829,10 €`` in French, ``€ 829,10`` in Dutch."""
    number = format_number(to_cents(amount), lang, places=2)
    return f"{number}{NBSP}€" if lang == "fr" else f"€{NBSP}{number}"


def format_percent(value: Decimal, lang: str) -> str:
    """A fraction (0.5) as a percentage ("50 %")."""
    percent = (value * 100).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return f"{format_number(percent, lang)}{NBSP}%"


def format_date(day: date, lang: str) -> str:
    """``1er septembre 2021`` / ``1 september 2021``."""
    month = _MONTHS["nl" if lang == "nl" else "fr"][day.month - 1]
    number = "1er" if (day.day == 1 and lang == "fr") else str(day.day)
    return f"{number} {month} {day.year}"
