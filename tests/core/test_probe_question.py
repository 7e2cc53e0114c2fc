"""Issue 19's measure of a house anyone can extend: a PROBE yes/no question asked only when
another yes/no answer is "yes", which adds a step.

A copy of cip_core gains the two questions in the catalogue, their words and the step's
sentence in the three message catalogues, the step's line in the data files (steps.toml,
sources.toml), one rule (rules/steps.py) and two golden cases — and no other code file. The copy
then answers through the Python door, the command line and the worker protocol; the page reads
``asked_if`` from the same table as the core (tests/data/asked_if_cases.json, run in the page by
tests/browser/test_asked_if_in_the_page.py).
"""

from __future__ import annotations

import filecmp
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

QUESTIONS = """
[[question]]
name = "probe_trigger"
group = "trainee"
kind = "yes_no"
inline = true

[[question]]
name = "probe_follow_up"
group = "trainee"
kind = "yes_no"
inline = true
asked_if = { probe_trigger = ["yes"] }
"""
WORDS = {
    "fr": ("Une sonde\u00a0?", "Sonde", "Une suite\u00a0?", "Suite", "Faire l'étape sonde."),
    "nl": ("Een proef?", "Proef", "Een vervolg?", "Vervolg", "De proefstap zetten."),
    "en": ("A probe?", "Probe", "A follow-up?", "Follow-up", "Take the probe step."),
}
RULE_BEFORE = "    if case.non_eea:\n"
RULE = (
    '    if case.answer("probe_trigger") and case.answer("probe_follow_up"):\n'
    '        steps.append(Finding("probe_step"))\n'
)
GOLDEN = """
today = 2026-12-02

[bases.probe]
start_date = "2027-03-01"
duration_months = "3"
weekly_hours = "38"
age = "25"
trainee_region = "brussels"
workplace_region = "brussels"
employer_seat_brussels = "no"
language = "fr"
employment_contract = "no"
short_study_internship = "no"
diploma_curriculum = "no"
regulated_profession = "no"
monthly_allowance = "1200"
non_eea = "no"

[[case]]
name = "probe_follow_up_adds_its_step"
base = "probe"
lang = "nl"
input = { probe_trigger = "ja", probe_follow_up = "ja" }
expect = { verdict = "eligible", message_contains = "De proefstap zetten." }

[[case]]
name = "probe_trigger_no_asks_nothing_more"
base = "probe"
input = { probe_trigger = "non" }
expect = { verdict = "eligible", missing = [] }
"""

ANSWERS = """
import json, io, contextlib
from datetime import date
from cip_core import evaluate, parse_case
from cip_core.case import asked_fields
from cip_core.cli import main
from cip_core.protocol import answer
from tests.core.golden import check_case, load_cases

base = {"workplace_region": "brussels", "trainee_region": "brussels", "language": "fr"}
yes = {**base, "probe_trigger": "oui", "probe_follow_up": "oui"}
steps = [s["code"] for s in evaluate(parse_case(yes), "en").to_dict()["steps"]]
print("python", "probe_step" in steps)
print("asked", "probe_follow_up" in asked_fields(parse_case({**base, "probe_trigger": "ja"})))
print("hidden", "probe_follow_up" in asked_fields(parse_case({**base, "probe_trigger": "nee"})))
out = io.StringIO()
with contextlib.redirect_stdout(out):
    main(["--workplace-region", "brussels", "--probe-trigger", "yes", "--probe-follow-up", "yes",
          "--lang", "en", "--json"])
cli_steps = json.loads(out.getvalue())["steps"]
print("cli", [s["message"] for s in cli_steps if s["code"] == "probe_step"])
reply = answer({"id": 1, "type": "evaluate", "case": yes, "lang": "nl"})
probe = [s["message"] for s in reply["result"]["steps"] if s["code"] == "probe_step"]
print("protocol", reply["type"], probe)
print("golden", [p for c in load_cases("golden_probe.toml") for p in check_case(c)])
"""


def _append_to_table(path: Path, header: str, lines: str) -> None:
    text = path.read_text("utf-8")
    assert header in text, (path, header)
    path.write_text(text.replace(header, header + lines, 1), "utf-8")


def probe_copy(folder: Path) -> Path:
    """A copy of cip_core with the probe question, its step and its rule (see the docstring)."""
    core = folder / "cip_core"
    shutil.copytree(ROOT / "cip_core", core, ignore=shutil.ignore_patterns("__pycache__"))
    with (core / "questions.toml").open("a", encoding="utf-8") as handle:
        handle.write(QUESTIONS)
    for lang, (legend, short, follow_legend, follow_short, step) in WORDS.items():
        catalogue = core / "messages" / f"{lang}.toml"
        _append_to_table(catalogue, "[steps]\n", f'probe_step = "{step}"\n')
        with catalogue.open("a", encoding="utf-8") as handle:
            handle.write(
                f'\n[questions.probe_trigger]\nlegend = "{legend}"\nshort = "{short}"\n'
                f'\n[questions.probe_follow_up]\nlegend = "{follow_legend}"\n'
                f'short = "{follow_short}"\n'
            )
    with (core / "data" / "steps.toml").open("a", encoding="utf-8") as handle:
        handle.write('\n[step.probe_step]\nactor = "trainee"\nsection = "avant-le-stage"\n')
    _append_to_table(
        core / "data" / "sources.toml",
        "[codes]\n",
        'probe_step = { url = "seed", basis = "probe", certainty = "stated" }\n',
    )
    rule = core / "rules" / "steps.py"
    rule.write_text(rule.read_text("utf-8").replace(RULE_BEFORE, RULE + RULE_BEFORE, 1), "utf-8")
    (folder / "golden_probe.toml").write_text(GOLDEN, "utf-8")
    return folder


def changed_files(copy: Path) -> set[str]:
    """The files of the copy of cip_core that differ from the project's (or are new)."""
    found: set[str] = set()
    for path in (copy / "cip_core").rglob("*"):
        if path.is_file() and "__pycache__" not in path.parts:
            relative = path.relative_to(copy)
            original = ROOT / relative
            if not original.is_file() or not filecmp.cmp(path, original, shallow=False):
                found.add(str(relative))
    return found


def test_a_probe_question_touches_only_catalogues_data_one_rule_and_golden_cases(
    tmp_path: Path,
) -> None:
    copy = probe_copy(tmp_path)
    assert changed_files(copy) == {
        "cip_core/questions.toml",
        "cip_core/messages/fr.toml",
        "cip_core/messages/nl.toml",
        "cip_core/messages/en.toml",
        "cip_core/data/steps.toml",
        "cip_core/data/sources.toml",
        "cip_core/rules/steps.py",  # the one rule; no other code file
    }
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(copy), str(ROOT)])}
    run = subprocess.run(
        [sys.executable, "-c", ANSWERS], env=env, cwd=copy, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    out = run.stdout
    assert "python True" in out and "asked True" in out and "hidden False" in out
    assert "cli ['Take the probe step.']" in out
    assert "protocol result ['De proefstap zetten.']" in out
    assert "golden []" in out


def test_without_the_rule_the_probe_adds_no_step(tmp_path: Path) -> None:
    # The measure can fail: without its rule the copy gives no step, and its golden case says so.
    copy = probe_copy(tmp_path)
    rule = copy / "cip_core" / "rules" / "steps.py"
    rule.write_text(rule.read_text("utf-8").replace(RULE, ""), "utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(copy), str(ROOT)])}
    run = subprocess.run(
        [sys.executable, "-c", ANSWERS], env=env, cwd=copy, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    assert "python False" in run.stdout
    assert "probe_follow_up_adds_its_step: no message contains" in run.stdout
