"""Issue 16: one answer quotes one minimum or one range; the hedge names the body; the VDAB
route cites VDAB; the exemption follows the trainee's home; every route insures the trainee."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from cip_core import evaluate, parse_case
from cip_core.bodies import body
from cip_core.formatting import format_money
from cip_core.messages import LANGUAGES, lookup

CASE = {
    "workplace_region": "brussels", "language": "fr", "duration_months": "3",
    "weekly_hours": "38", "age": "30", "trainee_region": "brussels",
    "employer_seat_brussels": "no", "employment_contract": "no",
    "short_study_internship": "no", "diploma_curriculum": "no", "regulated_profession": "no",
}  # fmt: skip
TODAY = date(2026, 12, 2)


def answer(lang: str = "fr", today: date = TODAY, **changes: str) -> dict[str, Any]:
    return evaluate(parse_case({**CASE, **changes}, lang), lang, today=today).to_dict()


def sentences(result: dict[str, Any]) -> list[str]:
    found = [result["headline"]]
    for key in ("reasons", "warnings", "steps", "fixes"):
        found += [item["message"] for item in result[key]]
    return found


# A range from the RMMG (April 2026), from the age (19 in 2025), a forecast (autumn 2026), and
# an offer inside, below and without: each answer quotes the minimum one way only.
RANGE_CASES = [
    {"start_date": "2026-05-04", "monthly_allowance": "1096"},
    {"start_date": "2026-05-04", "monthly_allowance": "1000"},
    {"start_date": "2025-07-07", "age": "19", "monthly_allowance": "950"},
    {"start_date": "2025-07-07", "age": "19", "monthly_allowance": "800"},
    {"start_date": "2026-09-07", "monthly_allowance": "1110"},
    {"start_date": "", "monthly_allowance": "1110"},
]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("changes", RANGE_CASES, ids=lambda c: "-".join(c.values()))
def test_one_answer_quotes_one_range(lang: str, changes: dict[str, str]) -> None:
    result = answer(lang, **changes)
    allowance = result["allowance"]
    low, high = (format_money(Decimal(allowance["range"][k]), lang) for k in ("low", "high"))
    shown = allowance["display"]["minimum_range"]
    assert low in shown and high in shown
    # The page's computation line ("RMMG × ½ × age × time = …") ends on the same range.
    assert allowance["display"]["minimum"] == shown
    texts = sentences(result)
    # The bottom of the range never stands alone as "the minimum" (language review X4).
    for text in texts:
        assert text.count(low) == text.count(shown), text
    # Wherever an answer quotes the minimum, it quotes this range.
    quoting = {"allowance_below_minimum", "allowance_within_range", "minimum_for_today"}
    quoting |= {"age_18_20_range"}
    items = [i for k in ("reasons", "warnings") for i in result[k] if i["code"] in quoting]
    assert items and all(shown in item["message"] for item in items)
    if result["certainty"] == "to_confirm" and result["verdict"] == "eligible":
        assert (
            shown in result["headline"]
            or "RMMG" in result["headline"]
            or ("GGMMI" in result["headline"])
        )


def test_the_command_line_quotes_the_same_range(capsys: pytest.CaptureFixture[str]) -> None:
    from cip_core.cli import main

    flags = [f"--{k.replace('_', '-')}={v}" for k, v in CASE.items()]
    assert main([*flags, "--start-date=2026-05-04", "--monthly-allowance=1096"]) == 0
    out = capsys.readouterr().out
    shown = "entre 1\u202f094,57\u00a0€ et 1\u202f098,83\u00a0€"
    assert f"Indemnité minimale\u00a0: {shown}" in out
    assert "minimale\u00a0: 1\u202f098,83" not in out  # never the top alone as the minimum


@pytest.mark.parametrize(
    ("lang", "changes", "named"),
    [
        ("fr", {"language": "nl"}, "par le VDAB (Regionale Dienst Brussel)"),
        ("nl", {"language": "nl"}, "door de VDAB (Regionale Dienst Brussel)"),
        ("en", {"language": "nl"}, "by VDAB (Regionale Dienst Brussel)"),
        ("fr", {"workplace_region": "german_community"}, "par l'ADG (Arbeitsamt"),
        ("nl", {"workplace_region": "german_community"}, "door de ADG (Arbeitsamt"),
        ("fr", {"workplace_region": "wallonia"}, "par Le Forem"),
        ("fr", {}, "par Bruxelles Formation"),
    ],
)
def test_the_hedge_and_the_steps_name_the_body_with_its_article(
    lang: str, changes: dict[str, str], named: str
) -> None:
    result = answer(lang, start_date="2026-05-04", monthly_allowance="1096", **changes)
    assert result["certainty"] == "to_confirm"
    assert named in result["headline"]
    approval = next(s for s in result["steps"] if s["code"] == "await_plan_approval")
    assert named.split(" ", 1)[1] in approval["message"]
    assert result["body"]["name_with_article"] in result["headline"]


def test_every_body_has_a_name_with_its_article_in_every_language() -> None:
    for key in ("bruxelles_formation", "vdab_brussels", "vdab", "forem", "adg", "actiris"):
        for lang in LANGUAGES:
            known = body(key, lang)
            assert known.name in known.name_with_article
    assert body("vdab", "fr").name_with_article == "le VDAB"
    assert body("adg", "fr").name_with_article.startswith("l'ADG")
    assert body("vdab", "nl").name_with_article == "de VDAB"


def test_the_vdab_route_cites_vdab() -> None:
    vdab = re.compile(r"^https://(www|werkgevers)\.vdab\.be/")
    result = answer("nl", language="nl", short_study_internship="yes", duration_months="7")
    assert {r["code"] for r in result["reasons"]} == {"short_study_internship", "duration_too_long"}
    assert all(vdab.match(r["source"]) for r in result["reasons"]), result["reasons"]
    result = answer("nl", today=date(2026, 11, 2), language="nl", start_date="2026-12-14")
    cited = {item["code"]: item["source"] for item in result["steps"] + result["warnings"]}
    for code in ("request_plan_approval_by", "await_plan_approval", "insure_trainee"):
        assert vdab.match(cited[code]), code
    assert vdab.match(cited["vdab_exclusions"])
    low = answer("nl", language="nl", start_date="2025-03-03", monthly_allowance="500")
    assert vdab.match(low["reasons"][0]["source"])
    # The same stage in French cites the sheet and Actiris, not VDAB.
    french = answer("fr", start_date="2026-12-14", short_study_internship="yes")
    assert not any(vdab.match(r["source"]) for r in french["reasons"])


def test_the_vdab_deadline_is_dated_from_the_start_and_warned_once_past() -> None:
    on_time = answer("fr", today=date(2026, 11, 23), language="nl", start_date="2026-12-14")
    assert "plan_deadline_passed" not in [w["code"] for w in on_time["warnings"]]
    step = next(s for s in on_time["steps"] if s["code"] == "request_plan_approval_by")
    assert "23 novembre 2026" in step["message"]  # 2026-12-14 - 21 days: still in time today
    late = answer("fr", today=date(2026, 11, 24), language="nl", start_date="2026-12-14")
    assert "plan_deadline_passed" in [w["code"] for w in late["warnings"]]
    # A stage that is not possible anyway gets no deadline warning.
    refused = answer("fr", today=date(2026, 11, 24), language="nl", start_date="2026-12-14",
                     employment_contract="yes")  # fmt: skip
    assert "plan_deadline_passed" not in [w["code"] for w in refused["warnings"]]


@pytest.mark.parametrize(
    ("region", "link"),
    [("wallonia", "leforem.be"), ("flanders", "vdab.be"), ("brussels", "hvw-capac.fgov.be")],
)
def test_the_exemption_links_the_body_of_the_trainees_home(region: str, link: str) -> None:
    result = answer("fr", trainee_region=region, jobseeker="yes", benefits="unemployment")
    step = next(s for s in result["steps"] if s["code"].startswith("request_exemption"))
    assert link in step["source"]
    assert any(link in official["url"] for official in step["links"])
    assert (step["code"] == "request_exemption_dv5") == (region == "brussels")


def test_dv5_never_lists_as_to_check_what_the_answers_settle() -> None:
    result = answer("fr", jobseeker="yes", benefits="unemployment")
    dv5 = next(w["message"] for w in result["warnings"] if w["code"] == "dv5_conditions_met")
    # Only what the answers cannot settle (the timetable, the action plan) is left to check.
    still = dv5.split("vérifiez aussi", 1)[1]
    assert "horaire" in still and "plan d'action individuel" in still
    assert "domicile" not in dv5 and "inscri" not in dv5 and "allocations" not in dv5


@pytest.mark.parametrize(
    "changes",
    [{}, {"language": "nl"}, {"workplace_region": "wallonia"}, {"workplace_region": "flanders"}],
)
def test_every_route_insures_the_trainee(changes: dict[str, str]) -> None:
    for lang in LANGUAGES:
        result = answer(
            lang,
            today=date(2025, 1, 6),
            start_date="2025-03-03",
            monthly_allowance="1200",
            **changes,
        )
        codes = [s["code"] for s in result["steps"]]
        assert "insure_trainee" in codes and result["verdict"] == "eligible"


def test_a_referral_labels_the_federal_minimum_as_for_reference() -> None:
    result = answer(
        "fr", trainee_region="flanders", workplace_region="flanders", start_date="2025-03-03"
    )
    assert result["verdict"] == "refer" and result["certainty"] == "firm"
    assert [w["code"] for w in result["warnings"]] == ["minimum_for_reference"]
    assert lookup("fr", "warnings", "minimum_for_reference").startswith("À titre indicatif")
