"""The parameter files: shape, references, dates, certainty, and the seed's figure."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from urllib.parse import urlsplit

import pytest

from cip_core._data import load_toml, toml_names
from cip_core.parameters import CERTAINTIES, INFERRED, UNKNOWN, parameter, value_at


@pytest.mark.parametrize("name", toml_names("parameters"))
def test_parameter_file_shape(name: str) -> None:
    p = parameter(name)
    assert p.unit and p.label_fr and p.label_nl
    starts = [v.start for v in p.values]
    assert starts == sorted(starts) and len(set(starts)) == len(starts)
    # Someone checked the newest value on or after the day it took effect.
    assert p.last_value_still_valid_on >= p.latest.start
    for value in p.values:
        assert value.reference.startswith("https://"), value
        assert value.certainty in CERTAINTIES
        assert all(url.startswith("https://") for url in value.also)


def test_rmmg_values_name_the_page_that_states_them() -> None:
    # A home page is no source for a figure; the one page not found again is marked so.
    raw = load_toml("parameters", "rmmg")["values"]
    for entry in raw:
        path = urlsplit(entry["reference"]).path
        assert path.strip("/") or entry.get("page_not_found") is True, entry["from"]
        assert entry.get("reference_title"), entry["from"]


def test_rmmg_amounts_are_exact_decimals_and_ranges_are_ordered() -> None:
    for value in parameter("rmmg").values:
        if value.certainty == UNKNOWN:
            low, high = value.data["low"], value.data["high"]
            assert isinstance(low, Decimal) and isinstance(high, Decimal)
            assert low < high
            assert value.reasoning, value.start
            continue
        amount = value.data["amount"]
        assert isinstance(amount, Decimal)
        assert amount == amount.quantize(Decimal("0.01"))
        if value.certainty == INFERRED:
            assert value.reasoning or value.note, value.start


def test_seed_figure_and_the_other_source_beside_it() -> None:
    value = value_at("rmmg", date(2021, 9, 1))
    assert value.data["amount"] == Decimal("1658.19")
    assert value.data["other_amount"] == Decimal("1658.23")
    # The reasoning: 1 625,72 € (March 2020) × 1,02 = 1 658,23 €.
    previous = value_at("rmmg", date(2021, 8, 31)).data["amount"]
    assert (previous * Decimal("1.02")).quantize(Decimal("0.01")) == Decimal("1658.23")
    assert "1 658,23" in value.note


def test_value_applies_from_its_date_until_the_next() -> None:
    assert value_at("rmmg", date(2022, 3, 31)).data["amount"] == Decimal("1725.21")
    assert value_at("rmmg", date(2022, 4, 1)).data["amount"] == Decimal("1806.16")


def test_before_first_value_is_unknown() -> None:
    with pytest.raises(LookupError):
        value_at("rmmg", date(2017, 5, 31))


def test_january_2026_is_the_2_percent_indexation_and_marked_inferred() -> None:
    jan = value_at("rmmg", date(2026, 1, 1))
    before = value_at("rmmg", date(2025, 12, 31))
    assert jan.certainty == INFERRED
    assert jan.data["amount"] == (before.data["amount"] * Decimal("1.02")).quantize(Decimal("0.01"))
    assert jan.data["amount"] == Decimal("2154.13")


def test_april_2026_step_is_a_range_not_an_invented_amount() -> None:
    # rules-brief §4: +35 € (indexed) planned for 2026-04-01, amount unknown: a range only.
    step = value_at("rmmg", date(2026, 4, 1))
    assert step.start == date(2026, 4, 1)
    assert step.certainty == UNKNOWN and "amount" not in step.data
    assert step.data["low"] == value_at("rmmg", date(2026, 3, 31)).data["amount"]
    assert step.data["high"] - step.data["low"] > Decimal(35)
