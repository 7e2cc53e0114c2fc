"""Runs every golden case of golden_cases.toml (the cases are data; golden.py compares)."""

from __future__ import annotations

from typing import Any

import pytest

from cip_core.messages import LANGUAGES
from tests.core.golden import check_case, load_cases

CASES = load_cases()


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_golden_case(case: dict[str, Any]) -> None:
    assert check_case(case) == []


def test_enough_cases_in_every_language() -> None:
    assert len(CASES) >= 40
    assert {c["lang"] for c in CASES} == set(LANGUAGES)


def test_a_case_without_a_verdict_is_refused() -> None:
    case = {**CASES[0], "name": "no_verdict", "expect": {"warnings": []}}
    assert "no_verdict: the case states no verdict (expect.verdict)" in check_case(case)
