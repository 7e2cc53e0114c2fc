"""Property tests: any input gives a Result or an InputError, and the answer's invariants hold."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cip_core import Case, InputError, evaluate, parse_case
from cip_core.case import FIELD_NAMES, TYPED_FIELDS
from cip_core.messages import LANGUAGES
from cip_core.rules.exclusions import EXCLUSIONS
from tests.core.strategies import languages, raw_cases

SETTINGS = settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _answer(raw: dict[str, Any], lang: str) -> dict[str, Any] | InputError:
    try:
        return evaluate(parse_case(raw, lang), lang).to_dict()
    except InputError as error:
        return error


@SETTINGS
@given(raw=raw_cases, lang=languages)
def test_only_results_or_input_errors(raw: dict[str, Any], lang: str) -> None:
    answer = _answer(raw, lang)
    if isinstance(answer, InputError):
        assert answer.errors, "an InputError names at least one field"
        for error in answer.errors:
            assert error.field in FIELD_NAMES
            assert error.message.strip()
            assert "Traceback" not in error.message
        return
    assert answer["verdict"] in {"eligible", "not_eligible", "refer", "incomplete"}
    assert answer["lang"] == lang


@SETTINGS
@given(raw=raw_cases, lang=languages)
def test_invariants(raw: dict[str, Any], lang: str) -> None:
    answer = _answer(raw, lang)
    if isinstance(answer, InputError):
        return
    case = parse_case(raw, lang)
    codes = [r["code"] for r in answer["reasons"]]
    excluded = any(getattr(case, flag) is True for flag in EXCLUSIONS)
    no_link = (
        case.trainee_region not in (None, "brussels")
        and case.workplace_region not in (None, "brussels")
        and case.employer_seat_brussels is False
    )
    if excluded:
        assert answer["verdict"] == "not_eligible"
    if no_link and not excluded:
        assert answer["verdict"] == "refer"
        assert codes == ["no_brussels_link"]
    if answer["verdict"] == "not_eligible":
        assert codes
    if answer["verdict"] == "eligible":
        assert not codes and not answer["missing"]
    if answer["verdict"] == "incomplete":
        assert answer["missing"] and not codes
    allowance = answer["allowance"]
    if allowance and allowance["minimum"] and allowance["offered"]:
        meets = Decimal(allowance["offered"]) >= Decimal(allowance["minimum"])
        assert allowance["meets_minimum"] is meets
        assert ("allowance_below_minimum" in codes) is (not meets and not no_link)
    if allowance:
        for key in ("minimum", "rmmg", "offered"):
            value = allowance[key]
            assert value is None or (isinstance(value, str) and value.split(".")[1].__len__() == 2)
    for key in ("reasons", "warnings", "steps", "fixes"):
        for item in answer[key]:
            assert item["message"].strip()
            assert item["source"].startswith(("https://", "http://"))
    # A way forward from every "no" and every referral (issue 20).
    if answer["verdict"] in ("not_eligible", "refer"):
        assert answer["fixes"]


python_values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.decimals(allow_nan=True, allow_infinity=True),
    st.text(max_size=20),
    st.dates(),
    st.lists(st.integers(), max_size=2),
)


@SETTINGS
@given(values=st.fixed_dictionaries({}, optional={n: python_values for n in FIELD_NAMES}))
def test_python_door_accepts_any_object(values: dict[str, Any]) -> None:
    """A Case built in Python with values of any type: a Result or an InputError, nothing else."""
    try:
        # Typed fields as keywords; a catalogue question without one goes in ``extra``.
        typed = {k: v for k, v in values.items() if k in TYPED_FIELDS}
        extra = {k: v for k, v in values.items() if k not in TYPED_FIELDS}
        evaluate(Case(**typed, extra=extra), "nl")
    except InputError as error:
        assert error.errors and all(e.message for e in error.errors)


@given(lang=st.text(max_size=5))
def test_unknown_language_is_input_error(lang: str) -> None:
    if lang in LANGUAGES:
        return
    try:
        evaluate(Case(), lang)
    except InputError as error:
        assert all(code in str(error) for code in LANGUAGES)
    else:
        raise AssertionError("an unknown language must be refused")
