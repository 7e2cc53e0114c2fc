"""allowance.display: the figures written for the reader, so the page formats nothing itself."""

from __future__ import annotations

from datetime import date

from cip_core import evaluate, parse_case
from cip_core.formatting import format_date
from cip_core.parameters import parameter

CASE = {
    "workplace_region": "brussels", "language": "fr", "start_date": "2021-10-01",
    "weekly_hours": "19", "age": "17", "monthly_allowance": "900",
}  # fmt: skip


def test_display_in_french_and_dutch() -> None:
    fr = evaluate(parse_case(CASE, "fr"), "fr").to_dict()["allowance"]
    nl = evaluate(parse_case(CASE, "nl"), "nl").to_dict()["allowance"]
    # 829,10 × 76 % × 50 % = 315,058 -> 315,06
    assert fr["minimum"] == "315.06"
    assert fr["display"] == {
        "minimum": "315,06\u00a0€",
        "rmmg": "1\u202f658,19\u00a0€",
        "rmmg_since": "1er septembre 2021",
        "offered": "900,00\u00a0€",
        "checked_until": format_date(parameter("rmmg").last_value_still_valid_on, "fr"),
        "age_percent": "76\u00a0%",
        "fraction": "50\u00a0%",
        "low": "315,06\u00a0€",
        "for_date": "1er octobre 2021",
        "minimum_range": None,  # 2021's RMMG is stated: one amount, no range
        "age_percent_range": None,
        "to_pay": "315,06\u00a0€",
        "checked_on": format_date(date.fromisoformat(fr["checked_on"]), "fr"),
    }
    assert nl["display"]["minimum"] == "€\u00a0315,06"
    assert nl["display"]["rmmg_since"] == "1 september 2021"


def test_display_without_offer_or_scale() -> None:
    case = {**CASE, "age": "14", "monthly_allowance": ""}
    display = evaluate(parse_case(case, "fr"), "fr").to_dict()["allowance"]["display"]
    assert display["minimum"] is None and display["offered"] is None
    assert display["age_percent"] is None


def test_a_range_is_written_for_the_reader_and_each_step_names_who_acts() -> None:
    case = {
        **CASE,
        "start_date": "2026-05-04",
        "age": "25",
        "weekly_hours": "38",
        "monthly_allowance": "1200",
    }
    result = evaluate(parse_case(case, "fr"), "fr", today=date(2026, 11, 27)).to_dict()
    allowance = result["allowance"]
    shown = "entre 1\u202f094,57\u00a0€ et 1\u202f098,83\u00a0€"
    assert allowance["display"]["minimum_range"] == shown
    # RMMG × ½ = minimum, as written: both are ranges when the RMMG is only known as a range.
    assert allowance["display"]["rmmg"] == "entre 2\u202f189,13\u00a0€ et 2\u202f197,65\u00a0€"
    assert allowance["display"]["minimum"] == shown
    assert allowance["rmmg_range"] == {"low": "2189.13", "high": "2197.65"}
    assert allowance["rmmg_forecast"] is False
    assert {step["actor_label"] for step in result["steps"]} <= {
        "Stagiaire",
        "Employeur",
        "Employeur et stagiaire",
    }
    assert result["steps"] and all(step["actor_label"] for step in result["steps"])


def test_ages_18_to_20_show_their_percentage_range() -> None:
    case = {**CASE, "start_date": "2025-07-07", "age": "19", "weekly_hours": "38"}
    allowance = evaluate(parse_case(case, "fr"), "fr").to_dict()["allowance"]
    assert allowance["age_percent"] == "100"
    assert allowance["age_percent_range"] == {"low": "88", "high": "100"}
    assert allowance["range"] == {"low": "929.24", "high": "1055.95"}
    display = allowance["display"]
    assert display["age_percent_range"] == "entre 88\u00a0% et 100\u00a0%"
    # The computation line multiplies by the share's range, so it ends on the range the whole
    # answer quotes (language review X4: the page showed two minimums).
    assert display["minimum"] == "entre 929,24\u00a0€ et 1\u202f055,95\u00a0€"
    assert display["minimum_range"] == "entre 929,24\u00a0€ et 1\u202f055,95\u00a0€"


def test_a_forecast_row_is_flagged_and_its_range_given() -> None:
    case = {**CASE, "start_date": "2026-09-07", "age": "30", "weekly_hours": "38"}
    allowance = evaluate(parse_case(case, "nl"), "nl").to_dict()["allowance"]
    assert allowance["rmmg_forecast"] is True
    assert allowance["rmmg_range"] == {"low": "2189.13", "high": "2241.60"}
    assert allowance["range"] == {"low": "1094.57", "high": "1120.80"}
