"""The worker protocol (cip_core/protocol.py) in CPython: the page's worker, the in-Pyodide tests
(tests/pyodide) and the command line all answer through it."""

from __future__ import annotations

import json

import pytest

from cip_core import evaluate, parse_case
from cip_core.messages import DEFAULT_LANGUAGE, LANGUAGES
from cip_core.protocol import answer, answer_case, answer_json, warm_up
from tests.build_languages import UNKNOWN

OTHER = next(lang for lang in LANGUAGES if lang != DEFAULT_LANGUAGE)

BRUSSELS = {"workplace_region": "brussels", "start_date": "2026-01-05", "monthly_allowance": "900"}


def expected_result(case: dict[str, str], lang: str) -> dict[str, object]:
    return evaluate(parse_case(case, lang), lang).to_dict()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_sound_case_gets_its_result(lang: str) -> None:
    reply = answer({"id": 3, "type": "evaluate", "case": BRUSSELS, "lang": lang})
    assert reply == {"id": 3, "type": "result", "result": expected_result(BRUSSELS, lang)}


def test_a_bad_field_counts_as_missing_and_the_rest_is_answered() -> None:
    case = {**BRUSSELS, "age": "abc", "duration_months": "x"}
    reply = answer({"id": 4, "type": "evaluate", "case": case, "lang": OTHER})
    assert reply["type"] == "input_error"
    assert [e["field"] for e in reply["errors"]] == ["duration_months", "age"]
    assert all(e["message"] and e["code"] for e in reply["errors"])
    assert reply["result"] == expected_result(BRUSSELS, OTHER)
    assert "age" in reply["result"]["missing"]


def test_nothing_sound_left_gives_the_errors_alone() -> None:
    reply = answer({"type": "evaluate", "case": {"age": "abc"}, "lang": DEFAULT_LANGUAGE})
    assert reply["type"] == "input_error" and "result" not in reply
    assert "id" not in reply  # no id asked, none echoed
    # A cross-field error marks one field: the other one is still answered.
    crossed = {"weekly_hours": "40", "full_time_hours": "38"}
    reply = answer({"type": "evaluate", "case": crossed, "lang": DEFAULT_LANGUAGE})
    assert [(e["field"], e["code"]) for e in reply["errors"]] == [
        ("weekly_hours", "weekly_above_full_time")
    ]
    assert reply["result"] == expected_result({"full_time_hours": "38"}, DEFAULT_LANGUAGE)


def test_an_unknown_language_is_an_input_error_in_every_language() -> None:
    # The case may even hold a "lang" key (a URL can): there is still nothing to answer in.
    case = {"lang": UNKNOWN, "age": "25"}
    reply = answer({"id": 1, "type": "evaluate", "case": case, "lang": UNKNOWN})
    assert reply["type"] == "input_error" and "result" not in reply
    assert [(e["field"], e["code"]) for e in reply["errors"]] == [("lang", "unknown_language")]
    reply = answer({"id": 2, "type": "evaluate", "case": BRUSSELS})  # no language at all
    assert [e["field"] for e in reply["errors"]] == ["lang"]


@pytest.mark.parametrize("case", [["workplace_region"], "brussels", 7])
def test_a_case_that_is_not_an_object_is_an_input_error(case: object) -> None:
    reply = answer({"id": 5, "type": "evaluate", "case": case, "lang": DEFAULT_LANGUAGE})
    assert reply["type"] == "input_error" and "result" not in reply
    assert [(e["field"], e["code"]) for e in reply["errors"]] == [("case", "wrong_type")]


def test_no_case_is_the_empty_case() -> None:
    assert answer({"type": "evaluate", "lang": DEFAULT_LANGUAGE}) == {
        "type": "result",
        "result": expected_result({}, DEFAULT_LANGUAGE),
    }


def test_an_unknown_request_is_fatal() -> None:
    assert answer({"id": 9, "type": "compute"}) == {
        "id": 9,
        "type": "fatal",
        "message": "unknown request type: compute",
    }


def test_json_in_and_out_as_the_worker_calls_it() -> None:
    case = {**BRUSSELS, "age": "x"}
    request = {"id": 6, "type": "evaluate", "case": case, "lang": DEFAULT_LANGUAGE}
    text = answer_json(json.dumps(request))
    assert "\\u" not in text  # accents as they are (ensure_ascii=False)
    assert json.loads(text) == json.loads(json.dumps(answer(request)))
    for junk in ("null", "[1, 2]", '"evaluate"'):  # not a request object
        assert json.loads(answer_json(junk))["type"] == "fatal"


def test_the_command_line_stops_at_bad_input() -> None:
    case = {**BRUSSELS, "age": "abc"}
    stopped = answer_case(case, DEFAULT_LANGUAGE, without_bad_fields=False)
    assert stopped.result is None and [e.field for e in stopped.errors] == ["age"]
    kept = answer_case(case, DEFAULT_LANGUAGE)
    assert kept.result is not None and kept.errors == stopped.errors


def test_warm_up_answers_every_language() -> None:
    warm_up()  # would raise on a bug in any catalogue or on the retry path
