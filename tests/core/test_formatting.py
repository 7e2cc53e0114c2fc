"""Money arithmetic and FR/NL display formats."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from cip_core.formatting import format_date, format_money, format_number, money_str, to_cents


def test_seed_half_rounds_to_829_10() -> None:
    assert to_cents(Decimal("1658.19") / 2) == Decimal("829.10")
    assert money_str(Decimal("1658.19") / 2) == "829.10"


def test_half_up_not_bankers_rounding() -> None:
    assert to_cents(Decimal("0.125")) == Decimal("0.13")
    assert to_cents(Decimal("1055.945")) == Decimal("1055.95")


def test_formats_per_language() -> None:
    assert format_money(Decimal("829.1"), "fr") == "829,10\u00a0€"
    assert format_money(Decimal("829.1"), "nl") == "€\u00a0829,10"
    assert format_money(Decimal("1658.19"), "fr") == "1\u202f658,19\u00a0€"
    assert format_money(Decimal("1658.19"), "nl") == "€\u00a01.658,19"
    assert format_number(Decimal("1.50"), "fr") == "1,5"
    assert format_number(Decimal("12"), "nl") == "12"


def test_dates_per_language() -> None:
    assert format_date(date(2021, 9, 1), "fr") == "1er septembre 2021"
    assert format_date(date(2021, 9, 1), "nl") == "1 september 2021"
    assert format_date(date(2025, 2, 14), "fr") == "14 février 2025"
