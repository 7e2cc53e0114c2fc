"""The parameter files: shape, references, dates, certainty, and the seed's figure."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from urllib.parse import urlsplit

import pytest

from cip_core._data import load_toml, toml_names
from cip_core.parameters import CERTAINTIES, INFERRED, STATED, UNKNOWN, parameter, value_at
from cip_core.sources import reference_in


@pytest.mark.parametrize("name", toml_names("parameters"))
def test_parameter_file_shape(name: str) -> None:
    p = parameter(name)
    assert p.unit and any(key.startswith("label_") for key in p.raw)  # for the file's editors
    starts = [v.start for v in p.values]
    assert starts == sorted(starts) and len(set(starts)) == len(starts)
    for value in p.values:
        assert value.reference.startswith("https://"), value
        assert value.certainty in CERTAINTIES
        assert all(url.startswith("https://") for url in value.also)


@pytest.mark.parametrize("name", toml_names("parameters"))
def test_the_check_date_is_a_day_someone_searched_the_sources(name: str) -> None:
    # A truthful date: the day someone last searched the sources, so never in the future nor
    # after the file's review (rules-brief §4: "nothing found" is not "nothing changed"). Rows
    # may start later: an announced value or a forecast index step is a row like the others.
    p = parameter(name)
    checked, reviewed = p.last_value_still_valid_on, p.raw["last_reviewed"]
    assert checked <= reviewed <= date.today()


def test_an_announced_value_may_start_after_the_check_date() -> None:
    # The forecast rows of rmmg.toml start after the last search (so may an amount a source
    # announces ahead of its date): the file holds them with a truthful check date.
    rmmg = parameter("rmmg")
    later = [v for v in rmmg.values if v.start > rmmg.last_value_still_valid_on]
    assert any(v.forecast for v in later)


@pytest.mark.parametrize("name", toml_names("parameters"))
def test_a_forecast_is_an_unknown_range_with_its_source(name: str) -> None:
    for value in parameter(name).values:
        if value.forecast:
            assert value.certainty == UNKNOWN and value.reasoning and value.reference
            assert value.data["low"] < value.data["high"]


def test_rmmg_holds_the_forecast_index_steps_so_later_starts_get_a_later_top() -> None:
    # BX1, 10 March 2026: pivot index expected in July 2026 and again in August 2027.
    august, september = value_at("rmmg", date(2026, 8, 1)), value_at("rmmg", date(2027, 9, 1))
    assert august.start == date(2026, 8, 1) and august.forecast
    assert september.start == date(2027, 9, 1) and september.forecast
    april = value_at("rmmg", date(2026, 4, 1))
    assert august.data["high"] == (april.data["high"] * Decimal("1.02")).quantize(Decimal("0.01"))
    assert august.data["high"] == Decimal("2241.60")
    assert september.data["high"] == Decimal("2286.43")
    assert august.data["low"] == september.data["low"] == april.data["low"]
    assert value_at("rmmg", date(2028, 2, 1)) == september  # the golden cases' latest start
    assert "bx1.be" in august.reference


def test_february_2025_cites_fps_employment_with_the_others_as_also() -> None:
    value = value_at("rmmg", date(2025, 2, 1))
    assert value.certainty == STATED and value.data["amount"] == Decimal("2111.89")
    assert value.reference.startswith("https://www.salairesminimums.be/")
    assert not value.secondary
    assert any("acerta.be" in url for url in value.also)


def test_autumn_2022_index_step_is_in_november() -> None:
    # Pivot index reached in October 2022 (Federal Planning Bureau): RMMG +2 % in November.
    assert value_at("rmmg", date(2022, 10, 31)).data["amount"] == Decimal("1879.13")
    november = value_at("rmmg", date(2022, 11, 1))
    assert november.start == date(2022, 11, 1) and november.certainty == INFERRED
    assert november.data["amount"] == (Decimal("1879.13") * Decimal("1.02")).quantize(
        Decimal("0.01")
    )


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
    # rules-brief §4: +35 € on 2026-04-01 is certain, only its indexation is not: a range whose
    # floor is January's amount plus 35 € and whose top is 35 € indexed since June 2021.
    step = value_at("rmmg", date(2026, 4, 1))
    assert step.start == date(2026, 4, 1) and not step.forecast
    assert step.certainty == UNKNOWN and "amount" not in step.data
    january = value_at("rmmg", date(2026, 3, 31)).data["amount"]
    assert step.data["low"] == january + 35 == Decimal("2189.13")
    assert step.data["high"] == Decimal("2197.65")


def test_age_scale_ranges_from_18_to_20() -> None:
    scale = value_at("age_scale", date(2025, 7, 1)).data
    assert scale["percent"] == {"15": 64, "16": 70, "17": 76}
    assert scale["range_low_percent"] == {"18": 82, "19": 88, "20": 94}
    assert scale["full_from_age"] == 21


# --- per-language references (issue 18, item 4) ------------------------------------------------


def test_a_value_links_the_readers_language_where_its_source_has_one() -> None:
    april = value_at("rmmg", date(2026, 4, 1))  # Acerta: Dutch blog, French Going for Talent
    assert set(april.references) == {"fr", "nl"} and april.references["nl"] == april.reference
    assert reference_in(april, "nl") == (april.reference, "")
    url, note = reference_in(april, "fr")
    assert url.startswith("https://goingfortalent.be/fr/") and note == ""
    assert reference_in(april, "en") == (url, "in French")  # English falls back to French
    # No address field is a figure.
    assert not any(key.startswith("reference") for key in april.data)


def test_a_value_with_one_reference_stays_valid() -> None:
    # A source in one language is marked on the others' pages; one whose language is not
    # given (a home page not found again) is linked as it is.
    sheet = value_at("rmmg", date(2021, 9, 1))
    assert reference_in(sheet, "nl") == (sheet.reference, "in het Frans")
    securex = value_at("rmmg", date(2022, 12, 1))
    assert securex.references == {}
    assert all(reference_in(securex, lang) == (securex.reference, "") for lang in ("fr", "nl"))


def test_every_rmmg_reference_says_its_language_unless_its_page_was_lost() -> None:
    for entry in load_toml("parameters", "rmmg")["values"]:
        assert "reference_lang" in entry or entry.get("page_not_found") is True, entry["from"]
    for value in parameter("rmmg").values:
        assert all(url.startswith("https://") for url in value.references.values())
