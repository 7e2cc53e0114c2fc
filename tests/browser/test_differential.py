"""Door 3 equals door 2: each case opened through the calculator's URL gives exactly the result
object that `cip-check --json` prints for it (the whole object, both languages)."""

from __future__ import annotations

import functools
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from playwright.sync_api import Page

from tests.browser.cases import CASES
from tests.browser.conftest import PAGES, Watch, wait_answered
from tests.browser.site_server import SiteServer
from tests.build_languages import LANGUAGES


def cip_check(case: dict[str, str], lang: str) -> tuple[int, Any]:
    """The command line's answer: (0, result object) or (2, its one-line error)."""
    return _cip_check(tuple(case.items()), lang)


@functools.cache
def _cip_check(items: tuple[tuple[str, str], ...], lang: str) -> tuple[int, Any]:
    case = dict(items)
    script = Path(sys.executable).with_name("cip-check")
    command = [str(script)] if script.exists() else [shutil.which("cip-check") or "cip-check"]
    flags = [f"--{name.replace('_', '-')}={value}" for name, value in case.items()]
    done = subprocess.run(
        [*command, "--json", "--lang", lang, *flags], capture_output=True, text=True, check=False
    )
    if done.returncode == 0:
        return 0, json.loads(done.stdout)
    assert done.returncode == 2, done.stderr
    return 2, done.stderr.strip().removeprefix("cip-check: ")


# Every case is compared in every language. Opening a permalink reads the address with the same
# function (calculator.js askQuery) that the page's query-string door runs
# (window.cipChecker.evaluateQuery), so one real navigation per case proves the address door:
# each case below is opened so once, in one language, turn by turn (each language gets four).
# Its other languages, and the cases not listed, are asked on an already open page through that
# door. Each navigation restarts Python in the worker, the costly part of this file.
NAVIGATED = [
    "eligible_bruxelles_formation", "eligible_vdab_brussels_dutch", "seed_date_2021",
    "under_18_part_time", "derogation_ten_months", "too_short_and_below_half_time",
    "excluded_employment_contract", "employer_seat_only_permit_cpas", "refer_wallonia_forem",
    "refer_german_community_adg", "incomplete_only_place", "input_error_impossible_date",
]  # fmt: skip
OPENED = [(name, LANGUAGES[i % len(LANGUAGES)]) for i, name in enumerate(NAVIGATED)]
ASKED = [(name, lang) for lang in LANGUAGES for name in CASES if (name, lang) not in OPENED]


def check_answer(page: Page, case: dict[str, str], lang: str, state: str) -> None:
    code, expected = cip_check(case, lang)
    if code == 0:
        assert state == "answered"
        assert page.evaluate("window.cipChecker.lastResult") == expected
        result = page.locator("#cip-result")
        assert result.get_attribute("data-verdict") == expected["verdict"]
        assert result.get_attribute("data-body") == ((expected["body"] or {}).get("code") or "")
        minimum = (expected["allowance"] or {}).get("minimum") or ""
        assert result.get_attribute("data-minimum") == minimum
        # Certainty and range, named: the whole-object comparison above covers them, but a
        # difference here is the one that would turn a "to confirm" into a plain yes.
        assert result.get_attribute("data-certainty") == expected["certainty"]
        last = page.evaluate("window.cipChecker.lastResult")
        assert last["certainty"] == expected["certainty"]
        assert (last["allowance"] or {}).get("range") == (expected["allowance"] or {}).get("range")
        headline = page.locator("#cip-result .cip-verdict-summary").inner_text()
        assert headline == expected["headline"]
    else:
        assert state == "input_error"
        errors = page.evaluate("window.cipChecker.lastErrors")
        assert " ".join(e["message"] for e in errors) == expected
        for error in errors:
            beside = page.locator(f"#cip-error-{error['field']}")
            assert beside.is_visible()
            assert error["message"] in beside.inner_text()


@pytest.mark.parametrize(("name", "lang"), OPENED)
def test_permalink_answer_equals_command_line(
    watched_page: tuple[Page, Watch], site_server: SiteServer, name: str, lang: str
) -> None:
    page, watch = watched_page
    case = CASES[name]
    page.goto(f"{site_server.origin}{PAGES[lang]}?{urlencode(case)}")
    check_answer(page, case, lang, wait_answered(page))
    assert watch.foreign == [], "a request left the origin"


@pytest.mark.parametrize(("name", "lang"), ASKED)
def test_query_answer_equals_command_line(
    watched_page: tuple[Page, Watch], site_server: SiteServer, name: str, lang: str
) -> None:
    page, watch = watched_page
    if not page.url.startswith(f"{site_server.origin}{PAGES[lang]}"):
        page.goto(f"{site_server.origin}{PAGES[lang]}")
    case = CASES[name]
    reply = page.evaluate("q => window.cipChecker.evaluateQuery(q)", urlencode(case))
    state = str(page.eval_on_selector("#cip-result", "e => e.dataset.state"))
    check_answer(page, case, lang, state)
    assert reply["type"] in {"result", "input_error"}
    held = parse_qs(urlsplit(page.url).query, keep_blank_values=True)
    assert held == {name: [value] for name, value in case.items()}  # the URL holds this case
    assert watch.foreign == [], "a request left the origin"


def test_every_case_is_compared_in_every_language_and_each_language_opens_some() -> None:
    compared = OPENED + ASKED
    assert sorted(compared) == sorted((name, lang) for name in CASES for lang in LANGUAGES)
    assert len(set(compared)) == len(compared)
    assert {lang for _, lang in OPENED} == set(LANGUAGES)


def test_every_verdict_and_body_is_covered() -> None:
    verdicts, bodies = set(), set()
    for case in CASES.values():
        code, result = cip_check(case, "fr")
        if code == 0:
            verdicts.add(result["verdict"])
            bodies.add((result["body"] or {}).get("code"))
        else:
            verdicts.add("input_error")
    assert verdicts == {"eligible", "not_eligible", "refer", "incomplete", "input_error"}
    assert {"bruxelles_formation", "vdab", "forem", "adg"} <= bodies
