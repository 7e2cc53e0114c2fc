"""Generic runner for the golden cases (``golden_cases.toml``): cases are data, this only compares.

Standard library only, so the very same runner also runs inside Pyodide (tests/pyodide).
Each case names a ``base`` input (optional), its own ``input`` (strings, as from a URL), the
language, and an ``expect`` table: the verdict always (or, for bad input, ``error_fields``);
every other key only where the case lists it (``warnings``, ``steps``...). Whatever the
case lists, every "no" and every referral must show a way forward (``fixes``), and every step and
fix its pages.
"""

from __future__ import annotations

import re
import tomllib
from datetime import date
from pathlib import Path
from typing import Any

from cip_core import InputError, evaluate, parse_case
from cip_core.messages import LANGUAGES

HERE = Path(__file__).parent
CASES_FILE = HERE / "golden_cases.toml"

# The result's lists of items (code, message, source).
ITEM_KEYS = ("reasons", "warnings", "steps", "fixes")

_ALLOWANCE_KEYS = (
    "minimum",
    "rmmg",
    "rmmg_since",
    "fraction",
    "offered",
    "meets_minimum",
    "age_percent",
    "range",
    "for_date",
)


def load_cases(path: Path | str = CASES_FILE) -> list[dict[str, Any]]:
    data = tomllib.loads(Path(path).read_text("utf-8"))
    bases: dict[str, dict[str, Any]] = data.get("bases", {})
    cases = []
    for case in data["case"]:
        merged = dict(bases[case["base"]]) if "base" in case else {}
        merged.update(case.get("input", {}))
        # The clock is fixed (file-wide `today`, or per case) so no answer depends on the run day.
        today = case.get("today", _asked_on(data.get("today"), merged.get("start_date")))
        cases.append({**case, "input": merged, "lang": case.get("lang", "fr"), "today": today})
    return cases


def _asked_on(today: Any, start: Any) -> Any:
    """The file's day, or the stage's start date when that comes first: a case about a past
    minimum is asked by someone planning that stage, not after it (no ``start_date_past``)."""
    try:
        day = date.fromisoformat(str(start))
    except ValueError:
        return today
    return day if isinstance(today, date) and day < today else today


def _null(value: Any) -> Any:
    return None if value == "none" else value


def check_case(case: dict[str, Any]) -> list[str]:
    """Problems found for one case (empty when it behaves as expected)."""
    expect: dict[str, Any] = case["expect"]
    lang: str = case["lang"]
    name = case["name"]
    try:
        today = case.get("today")
        day = today if isinstance(today, date) else None
        result = evaluate(parse_case(case["input"], lang), lang, today=day).to_dict()
    except InputError as error:
        if "error_fields" not in expect:
            return [f"{name}: unexpected InputError: {error}"]
        problems = []
        fields = [e.field for e in error.errors]
        codes = [e.code for e in error.errors]
        if fields != expect["error_fields"]:
            problems.append(f"{name}: error fields {fields} != {expect['error_fields']}")
        if "error_codes" in expect and codes != expect["error_codes"]:
            problems.append(f"{name}: error codes {codes} != {expect['error_codes']}")
        if "message_contains" in expect and expect["message_contains"] not in str(error):
            problems.append(f"{name}: {expect['message_contains']!r} not in {error}")
        if any(not e.message.strip() for e in error.errors):
            problems.append(f"{name}: empty error message")
        return problems
    if "error_fields" in expect:
        return [f"{name}: expected InputError on {expect['error_fields']}, got {result['verdict']}"]

    problems = []

    def compare(label: str, got: Any, want: Any) -> None:
        if got != want:
            problems.append(f"{name}: {label} = {got!r}, expected {want!r}")

    # The verdict always; the warnings, steps and the rest wherever the case lists them.
    if "verdict" not in expect:
        problems.append(f"{name}: the case states no verdict (expect.verdict)")
    compare("verdict", result["verdict"], expect.get("verdict"))
    if "certainty" in expect:
        compare("certainty", result["certainty"], expect["certainty"])
    if "headline_contains" in expect and expect["headline_contains"] not in result["headline"]:
        problems.append(f"{name}: headline lacks {expect['headline_contains']!r}")
    for key in ("reasons", "warnings", "steps", "fixes"):
        if key in expect:
            compare(key, [item["code"] for item in result[key]], expect[key])
    # The body a step or a fix names (code -> body code), and the day a step is due.
    for key, items in (("step_bodies", result["steps"]), ("fix_bodies", result["fixes"])):
        for code, want in expect.get(key, {}).items():
            item = next((i for i in items if i["code"] == code), None)
            compare(f"{key}.{code}", item and (item.get("body") or {}).get("code"), _null(want))
    for code, want in expect.get("step_dates", {}).items():
        item = next((i for i in result["steps"] if i["code"] == code), None)
        compare(f"step_dates.{code}", item and item.get("date"), str(want))
    for field, want in expect.get("body_contact", {}).items():
        details = (result["body"] or {}).get("contact_details", {})
        compare(f"body.contact_details.{field}", details.get(field), _null(want))
    if "missing" in expect:
        compare("missing", result["missing"], expect["missing"])
    if "body" in expect:
        body = result["body"]["code"] if result["body"] else None
        compare("body", body, _null(expect["body"]))
    allowance = result["allowance"]
    if "allowance" in expect and _null(expect["allowance"]) is None:
        compare("allowance", allowance, None)
    for key in _ALLOWANCE_KEYS:
        if key in expect:
            got = allowance[key] if allowance else "(no allowance)"
            compare(f"allowance.{key}", got, _null(expect[key]))
    if "message_contains" in expect:
        texts = [result["summary"], result["headline"]] + [
            item["message"] for key in ITEM_KEYS for item in result[key]
        ]
        if not any(expect["message_contains"] in t for t in texts):
            problems.append(f"{name}: no message contains {expect['message_contains']!r}")
    compare("lang", result["lang"], lang)
    for key in ITEM_KEYS:
        for item in result[key]:
            if not item["message"].strip() or not item["source"].startswith(
                ("http://", "https://")
            ):
                problems.append(f"{name}: {key} {item['code']} lacks a message or a source URL")
            if key in ("steps", "fixes") and not item["links"]:
                problems.append(f"{name}: {key} {item['code']} links no page")
    if result["verdict"] in ("not_eligible", "refer") and not result["fixes"]:
        problems.append(f"{name}: a {result['verdict']} answer without a way forward (fixes)")
    problems += _every_language(case, result, day)
    return problems


def _every_language(case: dict[str, Any], result: dict[str, Any], day: date | None) -> list[str]:
    """The same case answered in every other catalogue's language: the same codes, and each code
    has a filled-in sentence there (the English edition, or any new one, cannot miss a code)."""
    problems = []
    name, lang = case["name"], case["lang"]
    parsed = parse_case(case["input"], lang)  # typed amounts are read in the case's language
    for other in (code for code in LANGUAGES if code != lang):
        again = evaluate(parsed, other, today=day).to_dict()
        for key in ("verdict", "certainty", "missing"):
            if again[key] != result[key]:
                problems.append(f"{name} in {other}: {key} {again[key]!r} != {result[key]!r}")
        texts = [("summary", again["summary"]), ("headline", again["headline"])]
        for key in ITEM_KEYS:
            if [i["code"] for i in again[key]] != [i["code"] for i in result[key]]:
                problems.append(f"{name} in {other}: {key} codes differ")
            texts += [(f"{key}.{i['code']}", i["message"]) for i in again[key]]
        for where, text in texts:
            if not text.strip() or re.search(r"\{\w+\}", text):
                problems.append(f"{name} in {other}: {where} has no sentence: {text!r}")
    return problems


def run_all(path: Path | str = CASES_FILE) -> dict[str, Any]:
    """Run every case; used by the in-Pyodide run, which reports the summary as JSON."""
    cases = load_cases(path)
    problems = [p for case in cases for p in check_case(case)]
    return {"cases": len(cases), "problems": problems}
