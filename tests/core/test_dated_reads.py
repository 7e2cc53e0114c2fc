"""Issue 16, point 4: every rule reads every limit at the stage's start date (today when none).

The test appends to every parameter file a far-future row whose numbers are all different, the
way a new value would be added one day, and answers every golden case again: a rule that took
the newest row (``.latest``, ``values[-1]``, the raw file...) instead of the row in force on the
start date changes some answer and fails here. Run against the code of 1 December 2026, it fails
(duration and steps read the newest ``limits`` row).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from cip_core import InputError, evaluate, parse_case
from cip_core import parameters as parameters_module
from cip_core._data import toml_names
from cip_core.parameters import Parameter, parameter
from tests.core.golden import load_cases

FAR = date(2099, 1, 1)  # after every start date a golden case uses, before the last accepted


def _changed(value: object) -> object:
    """The same shape with every number moved: a row no answer about today may use."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | Decimal):
        return value + 7
    if isinstance(value, dict):
        return {key: _changed(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_changed(item) for item in value]
    return value


def _with_far_row(known: Parameter) -> Parameter:
    newest = known.values[-1]
    row = replace(newest, start=FAR, data=dict(_changed(newest.data)))  # type: ignore[arg-type]
    raw: dict[str, Any] = {
        key: value if key == "values" else _changed(value) for key, value in known.raw.items()
    }
    raw["values"] = [*known.raw["values"], {**_changed(known.raw["values"][-1]), "from": FAR}]
    return replace(known, values=(*known.values, row), raw=raw)


def _answers() -> dict[str, object]:
    """Every golden case's answer (or its input errors), in French and Dutch."""
    answers: dict[str, object] = {}
    for case in load_cases():
        today = case["today"] if isinstance(case.get("today"), date) else None
        for lang in ("fr", "nl"):
            name = f"{case['name']}/{lang}"
            try:
                answers[name] = evaluate(parse_case(case["input"], lang), lang, today=today)
            except InputError as error:
                answers[name] = error.to_dict()
    return {name: getattr(a, "to_dict", lambda a=a: a)() for name, a in answers.items()}


def test_a_row_added_for_a_later_date_changes_no_answer_about_an_earlier_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = _answers()
    assert sum(isinstance(a, dict) and "verdict" in a for a in before.values()) > 200
    for name in toml_names("parameters"):
        monkeypatch.setitem(parameters_module._parameters, name, _with_far_row(parameter(name)))
        assert parameter(name).values[-1].start == FAR  # the rules see the new row
    after = _answers()
    changed = [name for name, a in before.items() if after[name] != a]
    assert changed == [], f"answers that read a parameter without their date: {changed[:5]}"


def test_the_far_row_does_change_an_answer_dated_after_it() -> None:
    # The check above can fail: a stage starting after the far row gets the far row's limits.
    from cip_core.rules.duration import duration

    case = parse_case({"duration_months": "7", "workplace_region": "brussels", "language": "fr"})
    far = _with_far_row(parameter("limits"))
    parameters_module._parameters["limits"], saved = far, parameter("limits")
    try:
        assert duration(case, "bruxelles_formation", FAR).warnings == []  # 7 < 6 + 7 months
        assert duration(case, "bruxelles_formation", date(2026, 1, 5)).warnings  # derogation
    finally:
        parameters_module._parameters["limits"] = saved


def test_parameters_offer_no_undated_read() -> None:
    # There is no "newest value": every reader names its day (Parameter.at, value_at).
    assert not hasattr(Parameter, "latest")
