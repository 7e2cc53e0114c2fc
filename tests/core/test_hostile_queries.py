"""The core's side of the hostile-input check: the very query strings the browser test opens
(tests/browser/test_hostile_input.py) go through parse_case/evaluate as the page sends them."""

from __future__ import annotations

from urllib.parse import parse_qs

import pytest

from cip_core import InputError, evaluate, parse_case
from cip_core.case import FIELD_NAMES
from cip_core.messages import LANGUAGES
from tests.browser.test_hostile_input import hostile_queries

QUERIES = hostile_queries()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_hostile_query_gives_a_result_or_field_errors(lang: str) -> None:
    outcomes = {"result": 0, "input_error": 0}
    for query in QUERIES:
        data = parse_qs(query, keep_blank_values=True)
        try:
            result = evaluate(parse_case(data, lang), lang).to_dict()
        except InputError as error:
            outcomes["input_error"] += 1
            assert error.errors
            for field_error in error.errors:
                assert field_error.field in FIELD_NAMES
                # What the reader typed is echoed at most 40 characters long, on one line.
                assert len(field_error.message) < 400 and "\n" not in field_error.message
            continue
        outcomes["result"] += 1
        assert result["verdict"] in {"eligible", "not_eligible", "refer", "incomplete"}
    assert len(QUERIES) >= 200
    assert outcomes["result"] >= 10 and outcomes["input_error"] >= 10, outcomes
