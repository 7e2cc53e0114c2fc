"""The parameter files: shape, references, dates, and the seed's figure."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from cip_core._data import toml_names
from cip_core.parameters import parameter, value_at


@pytest.mark.parametrize("name", toml_names("parameters"))
def test_parameter_file_shape(name: str) -> None:
    p = parameter(name)
    assert p.unit and p.label_fr and p.label_nl
    starts = [v.start for v in p.values]
    assert starts == sorted(starts) and len(set(starts)) == len(starts)
    # Someone checked the newest value on or after the day it took effect.
    assert p.last_value_still_valid_on >= p.latest.start
    for value in p.values:
        assert value.reference.startswith(("https://", "http://")), value
        assert value.certainty in ("stated", "inferred")


def test_rmmg_amounts_are_exact_decimals() -> None:
    for value in parameter("rmmg").values:
        amount = value.data["amount"]
        assert isinstance(amount, Decimal)
        assert amount == amount.quantize(Decimal("0.01"))


def test_seed_figure_and_the_other_source_in_a_note() -> None:
    value = value_at("rmmg", date(2021, 9, 1))
    assert value.data["amount"] == Decimal("1658.19")
    assert "1 658,23" in value.note


def test_value_applies_from_its_date_until_the_next() -> None:
    assert value_at("rmmg", date(2022, 3, 31)).data["amount"] == Decimal("1691.40")
    assert value_at("rmmg", date(2022, 4, 1)).data["amount"] == Decimal("1806.16")


def test_before_first_value_is_unknown() -> None:
    with pytest.raises(LookupError):
        value_at("rmmg", date(2017, 5, 31))


def test_planned_increase_is_not_invented() -> None:
    # rules-brief §4: +35,70 € planned for 2026-04-01, amount unknown: no value may be entered.
    assert all(v.start < date(2026, 4, 1) for v in parameter("rmmg").values)
    assert parameter("rmmg").last_value_still_valid_on < date(2026, 4, 1)
