"""allowance.display: the figures written for the reader, so the page formats nothing itself."""

from __future__ import annotations

from datetime import date

from cip_core import evaluate, parse_case
from cip_core.money import format_date
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
    assert (
        result["allowance"]["display"]["minimum_range"]
        == "entre 1\u202f077,07\u00a0€ et 1\u202f098,83\u00a0€"
    )
    assert {step["actor_label"] for step in result["steps"]} <= {
        "Stagiaire",
        "Employeur",
        "Employeur et stagiaire",
    }
    assert result["steps"] and all(step["actor_label"] for step in result["steps"])
