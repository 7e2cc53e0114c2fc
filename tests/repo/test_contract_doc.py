"""CONTRACT.md tells the truth: every field, result key and code the code has is documented
there, and every name documented there still exists (the contract adds, never renames)."""

from __future__ import annotations

import re
import tomllib
from datetime import date
from pathlib import Path

from cip_core import evaluate, parse_case
from cip_core.case import FIELD_NAMES
from cip_core.messages import DEFAULT_LANGUAGE, catalogue

ROOT = Path(__file__).resolve().parents[2]
CONTRACT = ROOT / "CONTRACT.md"
# A label: a Markdown heading, or a line in bold alone ("**Reasons**", "**Input errors** (…)").
LABEL = re.compile(r"^(?:#+\s+(.+?)|\*\*(.+?)\*\*.*)$")


def documented(doc: str) -> dict[str, set[str]]:
    """The names under each label: the backticked words of each table's first column, or of
    the whole paragraph when the label has no table (a list of codes on one or more lines)."""
    found: dict[str, set[str]] = {}
    label = ""
    for line in doc.splitlines():
        match = LABEL.match(line)
        if match:
            label = (match.group(1) or match.group(2)).strip()
            found.setdefault(label, set())
            # A label line that also lists codes ("**`body.code`**: `a`, `b`.") keeps them.
            rest = line[match.end(2) + 2 :] if match.group(2) else ""
            found[label] |= set(re.findall(r"`([a-z][a-z0-9_]*)`", rest))
        elif line.startswith("|") and not line.startswith("|---"):
            found[label] |= set(re.findall(r"`([a-z][a-z0-9_]*)`", line.split("|")[1]))
        elif label.startswith("Input errors") and line.strip():
            found[label] |= set(re.findall(r"`([a-z][a-z0-9_]*)`", line))
    return found


def _in_code() -> dict[str, set[str]]:
    messages = catalogue(DEFAULT_LANGUAGE)
    answers = {"workplace_region": "brussels", "language": "fr", "age": "25", "weekly_hours": "38"}
    case = parse_case(answers)
    result = evaluate(case, DEFAULT_LANGUAGE, today=date(2026, 1, 1)).to_dict()
    # Two more answers show every key an item may have: a dated step, a fix naming a body.
    dated = {**answers, "start_date": "2026-03-02", "trainee_region": "wallonia"}
    referred = {"workplace_region": "wallonia", "trainee_region": "wallonia"}
    referred["employer_seat_brussels"] = "no"
    others = [
        evaluate(parse_case(more), DEFAULT_LANGUAGE, today=date(2026, 1, 1)).to_dict()
        for more in (dated, referred)
    ]
    items = [
        item
        for answer in (result, *others)
        for key in ("reasons", "warnings", "steps", "fixes")
        for item in answer[key]
    ]
    with (ROOT / "cip_core" / "data" / "bodies.toml").open("rb") as handle:
        bodies = {
            k: e.get("code", k) for k, e in tomllib.load(handle).items() if isinstance(e, dict)
        }
    return {
        "The case (input)": set(FIELD_NAMES),
        "The result (output)": set(result),
        "`allowance`": set(result["allowance"]),
        "`body.code`": set(bodies.values()),
        "The body object": set(result["body"]),
        "Contact details": set(result["body"]["contact_details"]),
        "Item keys": {key for item in items for key in item},
        "Verdicts": set(messages["verdicts"]),
        "Reasons": set(messages["reasons"]),
        "Warnings": set(messages["warnings"]),
        "Steps": set(messages["steps"]),
        "Fixes": set(messages["fixes"]),
        "Input errors": set(messages["errors"]),
    }


def contract_gaps(doc: str) -> list[str]:
    """What CONTRACT.md lacks (a row to add) or names that the code no longer has."""
    names = documented(doc)
    gaps: list[str] = []
    for label, expected in _in_code().items():
        written = next((v for k, v in names.items() if k.startswith(label)), set())
        gaps += [f"CONTRACT.md, {label}: add {n}" for n in sorted(expected - written)]
        gaps += [
            f"CONTRACT.md, {label}: {n} is no longer in the code"
            for n in sorted(written - expected)
        ]
    return gaps


def test_the_contract_documents_exactly_what_the_code_has() -> None:
    assert contract_gaps(CONTRACT.read_text("utf-8")) == []


def test_a_missing_row_or_a_renamed_code_is_found() -> None:
    doc = CONTRACT.read_text("utf-8")
    doctored = doc.replace("| `stay_available` |", "| `stay_reachable` |")
    doctored = doctored.replace("| `non_eea` |", "| `nationality` |")
    gaps = contract_gaps(doctored)
    assert "CONTRACT.md, Steps: add stay_available" in gaps
    assert "CONTRACT.md, Steps: stay_reachable is no longer in the code" in gaps
    assert "CONTRACT.md, The case (input): add non_eea" in gaps
    without_error = doc.replace("`weekly_above_full_time`, ", "")
    assert contract_gaps(without_error) == ["CONTRACT.md, Input errors: add weekly_above_full_time"]
