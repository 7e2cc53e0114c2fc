"""#9 and #12 (edge input): dates after the last checked value, sources per language, numbers as
typed, and the command line's edge cases. Dates come from the parameter file, not from here."""

from __future__ import annotations

import io
import json
from datetime import date, timedelta
from decimal import Decimal

import pytest

from cip_core import evaluate, parse_case
from cip_core._data import load_toml
from cip_core.cli import main
from cip_core.decimal_input import NumberError, parse_amount, parse_hours, parse_months
from cip_core.messages import LANGUAGES
from cip_core.parameters import parameter
from cip_core.sources import known_codes, source_of, url_in

CASE = {
    "workplace_region": "brussels", "language": "fr", "duration_months": "3",
    "weekly_hours": "38", "age": "30", "monthly_allowance": "5000",
    "employment_contract": "no", "short_study_internship": "no",
    "diploma_curriculum": "no", "regulated_profession": "no",
}  # fmt: skip


def test_start_after_the_last_checked_day_is_to_confirm_and_warned() -> None:
    checked = parameter("rmmg").last_value_still_valid_on
    day = checked + timedelta(days=1)
    result = evaluate(parse_case({**CASE, "start_date": day.isoformat()})).to_dict()
    assert result["verdict"] == "eligible" and result["certainty"] == "to_confirm"
    assert "parameter_may_be_outdated" in [w["code"] for w in result["warnings"]]
    assert "sous réserve de confirmation par Bruxelles Formation" in result["headline"]


def test_start_on_the_last_stated_value_is_firm() -> None:
    # The last value a source states for a day already checked (an announced later value may
    # follow the check date: a start then is still "to confirm").
    rmmg = parameter("rmmg")
    checked = rmmg.last_value_still_valid_on
    stated = [v for v in rmmg.values if v.certainty == "stated" and v.start <= checked][-1]
    result = evaluate(parse_case({**CASE, "start_date": stated.start.isoformat()})).to_dict()
    assert result["certainty"] == "firm" and result["headline"] == result["summary"]


def test_today_is_injectable() -> None:
    first, last = parameter("rmmg").values[-3].start, parameter("rmmg").values[-1].start
    a = evaluate(parse_case(CASE), today=first).to_dict()["allowance"]
    b = evaluate(parse_case(CASE), today=last).to_dict()["allowance"]
    assert (a["for_date"], b["for_date"]) == (first.isoformat(), last.isoformat())
    assert a["minimum"] != b["minimum"]


@pytest.mark.parametrize("code", known_codes())
def test_every_source_is_https_in_both_languages(code: str) -> None:
    for lang in LANGUAGES:
        assert source_of(code, lang).url.startswith("https://"), (code, lang)


def test_readers_get_their_languages_page_and_secondary_sources_are_marked() -> None:
    assert "/nl/" in url_in("actiris", "nl") and "/fr/" in url_in("actiris", "fr")
    assert url_in("onem_t58", "nl").startswith("https://www.rva.be/nl/")
    assert url_in("capac", "nl").endswith("/nl") and url_in("capac", "fr").endswith("/fr")
    kinds = {name: entry["kind"] for name, entry in load_toml("data", "sources")["urls"].items()}
    assert set(kinds.values()) == {"official", "secondary"}
    assert kinds["securex"] == "secondary" and kinds["actiris"] == "official"


def test_a_language_without_a_declared_fallback_fails_loudly() -> None:
    with pytest.raises(KeyError):
        url_in("actiris", "xx")


@pytest.mark.parametrize(
    ("typed", "amount"),
    [
        ("1.100,50", "1100.50"), ("1 100", "1100"), ("1\u00a0100", "1100"),
        ("1\u202f100,5", "1100.5"), ("1100 €", "1100"), ("€ 1100", "1100"),
        ("1100.50", "1100.50"), ("1.100", "1100"), ("1,10", "1.10"), ("1,100.50", "1100.50"),
        ("1100 EUR", "1100"), ("1.100.000", "1100000"), ("-0", "0"),
    ],
)  # fmt: skip
def test_amounts_as_people_type_them(typed: str, amount: str) -> None:
    value = parse_amount(typed)
    assert value == Decimal(amount) and not value.is_signed()


@pytest.mark.parametrize("typed", ["abc", "1 1", "1.1.1", "€", "", "1,1,1", "12 mois"])
def test_not_an_amount(typed: str) -> None:
    with pytest.raises(NumberError) as caught:
        parse_amount(typed)
    assert caught.value.code == "not_an_amount"


def test_1_comma_100_is_ambiguous_with_both_readings() -> None:
    with pytest.raises(NumberError) as caught:
        parse_amount("1,100")
    assert caught.value.code == "ambiguous_amount"
    assert caught.value.readings == (Decimal("1100"), Decimal("1.100"))


def test_months_and_hours_with_units() -> None:
    assert parse_months("6 mois") == parse_months("6 maanden") == Decimal(6)
    assert parse_months("1,5") == parse_months("1.5") == Decimal("1.5")
    assert parse_hours("30 h") == parse_hours("30u") == parse_hours("30 uur") == Decimal(30)
    with pytest.raises(NumberError):
        parse_hours("30 mois")


def _run(argv: list[str], stdin: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv, stdin=io.StringIO(stdin))
    out, err = capsys.readouterr()
    return code, out, err


def test_deeply_nested_case_is_one_line_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(["--case", "-"], "[" * 100_000 + "]" * 100_000, capsys)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "Traceback" not in err


def test_control_characters_are_escaped(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(["--age", "\x1b[31m\x07"], "", capsys)
    assert code == 2
    assert "\x1b" not in err and "\x07" not in err and "\\u001b" in err
    code, out, _ = _run(["--workplace-region", "brussels", "--json"], "", capsys)
    assert code == 0 and json.loads(out)["verdict"] == "incomplete"


def test_minus_zero_is_not_printed_as_minus(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["--monthly-allowance", "-0", "--start-date", "2025-03-03", "--age", "30"]
    code, out, _ = _run(
        [*argv, "--weekly-hours", "38", "--workplace-region", "brussels"], "", capsys
    )
    assert code == 0 and "-0" not in out


def test_golden_today_is_the_parameter_files_review_day() -> None:
    # The golden cases fix `today`; it must be a day the parameter file was reviewed on or before.
    golden = load_toml_file()
    assert golden["today"] <= parameter("rmmg").raw["last_reviewed"]


def load_toml_file() -> dict[str, object]:
    import tomllib
    from pathlib import Path

    return tomllib.loads((Path(__file__).parent / "golden_cases.toml").read_text("utf-8"))


def test_history_dates_are_dates() -> None:
    assert all(isinstance(v.start, date) for v in parameter("rmmg").values)


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_steps_in_time_order_with_actor_and_pages(lang: str) -> None:
    case = {**CASE, "start_date": "2025-03-03", "trainee_region": "brussels"}
    case.update({"jobseeker": "yes", "benefits": "unemployment", "language": lang})
    steps = evaluate(parse_case(case, lang), lang, today=date(2025, 1, 6)).to_dict()["steps"]
    codes = [s["code"] for s in steps]
    # The plan is approved, the exemption asked, the agreement signed, the trainee insured.
    if lang == "nl":  # VDAB: the dated request comes first
        assert codes.index("request_plan_approval_by") < codes.index("await_plan_approval")
    assert codes.index("request_exemption_dv5") < codes.index("sign_written_agreement")
    assert codes.index("sign_written_agreement") < codes.index("insure_trainee")
    for step in steps:
        assert step["actor"] in ("trainee", "employer", "both")
        kinds = [link["kind"] for link in step["links"]]
        assert "site" in kinds, step["code"]
        for link in step["links"]:
            assert link["label"].strip()
            if link["kind"] == "official":
                assert link["url"].startswith("https://")
    by_code = {s["code"]: s for s in steps}
    assert by_code["employer_declarations"]["actor"] == "employer"
    dv5 = [link["url"] for link in by_code["request_exemption_dv5"]["links"]]
    assert dv5[0].endswith("/" + lang)  # CAPAC / HVW in the reader's language
    assert by_code["contact_cpas" if "contact_cpas" in by_code else "declare_benefits"]
