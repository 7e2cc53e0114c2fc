"""asked_if in Python, from the table the page's script is tested on too
(tests/data/asked_if_cases.json; the page's side: tests/browser/test_asked_if_in_the_page.py)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from cip_core import InputError, parse_case
from cip_core.questions import QUESTION, condition_holds

TABLE = Path(__file__).resolve().parents[1] / "data" / "asked_if_cases.json"
CASES: list[dict[str, Any]] = json.loads(TABLE.read_text("utf-8"))["cases"]


def test_the_table_reaches_both_kinds_and_both_outcomes() -> None:
    named = {field for case in CASES for field in case["asked_if"]}
    assert {QUESTION[field]["kind"] for field in named} == {"yes_no", "choice"}
    assert {case["asked"] for case in CASES} == {True, False}
    assert len({case["name"] for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_raw_answers(case: dict[str, Any]) -> None:
    # As a form or an address gives them: strings, a list for a repeated key.
    assert condition_holds(case["asked_if"], case["answers"]) is case["asked"]


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_parsed_answers(case: dict[str, Any]) -> None:
    # As evaluate sees them (Case.answer): a field the core cannot read is left out, as the
    # worker's retry leaves it out. The condition must not care which of the two it gets.
    parsed: dict[str, object] = {}
    for field, value in case["answers"].items():
        try:
            parsed[field] = parse_case({field: value}).answer(field)
        except InputError:
            continue
    assert condition_holds(case["asked_if"], parsed) is case["asked"]
