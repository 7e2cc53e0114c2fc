"""The questions catalogue (cip_core/questions.toml): complete, consistent with the Case and the
message catalogues, its conditions honoured by the core, and the one whitespace rule."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import typing
from pathlib import Path

import pytest

from cip_core import InputError, evaluate, parse_case
from cip_core.case import FIELD_NAMES, TYPED_FIELDS, Benefits, Region, TraineeLanguage, Workplace
from cip_core.formatting import format_iso_date
from cip_core.messages import LANGUAGES, lookup
from cip_core.questions import QUESTION, QUESTIONS, is_asked
from cip_core.readers import READERS, UNIT_READERS, WHITESPACE, strip_space

KINDS = set(READERS)  # one reader class per kind (cip_core.readers)
ROOT = Path(__file__).resolve().parents[2]


def test_every_case_field_is_one_question() -> None:
    # Every typed Case field is a question; a question may have no typed field (Case.extra).
    names = [q["name"] for q in QUESTIONS]
    assert sorted(names) == sorted(FIELD_NAMES)
    assert set(TYPED_FIELDS) <= set(names)
    assert len(set(names)) == len(names)
    assert not {"extra", "answer"} & set(names)  # would shadow Case's own attributes
    for q in QUESTIONS:
        assert q["kind"] in KINDS, q["name"]
        if q["kind"] == "decimal":
            assert q["unit"] in UNIT_READERS, q["name"]
        if q["kind"] == "choice":
            assert q["choices"], q["name"]


def test_the_case_types_list_the_catalogue_choices() -> None:
    # Case's Literal types are written out for mypy; they must say what the catalogue says.
    for name, literal in [
        ("trainee_region", Region),
        ("workplace_region", Workplace),
        ("language", TraineeLanguage),
        ("benefits", Benefits),
    ]:
        assert tuple(QUESTION[name]["choices"]) == typing.get_args(literal), name


def test_conditions_name_earlier_choice_questions_and_their_values() -> None:
    order = [q["name"] for q in QUESTIONS]
    conditional = [q for q in QUESTIONS if "asked_if" in q]
    assert conditional, "at least one question is asked only when it applies"
    for q in conditional:
        for field, values in q["asked_if"].items():
            assert order.index(field) < order.index(q["name"]), (q["name"], field)
            # A choice or a yes/no answer: both sides read those alike (tests/data/asked_if_cases)
            assert QUESTION[field]["kind"] in ("choice", "yes_no")
            allowed = QUESTION[field].get("choices", ["yes", "no"])
            assert set(values) <= set(allowed), (q["name"], values)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_question_choice_and_group_has_words(lang: str) -> None:
    for q in QUESTIONS:
        words = lookup(lang, "questions", q["name"])
        assert words["legend"].strip() and words["short"].strip(), q["name"]
        assert set(words) <= {"legend", "hint", "short"}, q["name"]
        values = q.get("choices", ["yes", "no"] if q["kind"] == "yes_no" else [])
        for value in [*values, "unknown"] if values else []:
            assert lookup(lang, "choices", value).strip(), value
        assert lookup(lang, "groups", q["group"]).strip()


def test_french_questions_follow_french_typography() -> None:
    for q in QUESTIONS:
        for key, text in lookup("fr", "questions", q["name"]).items():
            for mark in "?;!":
                assert f" {mark}" not in text and f"\u00a0{mark}" not in text, (q["name"], key)
            assert " :" not in text, (q["name"], key)


def test_abbreviations_are_explained_where_asked() -> None:
    fr = lookup("fr", "questions", "non_eea")["legend"]
    nl = lookup("nl", "questions", "non_eea")["legend"]
    assert "Espace économique européen (EEE" in fr and "Islande" in fr and "Suisse" in fr
    assert "Europese Economische Ruimte (EER" in nl and "Zwitserland" in nl
    # Who files the request, and the Dutch route's own rules.
    assert "employeur" in lookup("fr", "questions", "language")["hint"]
    hint = lookup("nl", "questions", "language")["hint"]
    assert "VDAB" in hint and "GGMMI" in hint and "verlengingen inbegrepen" in hint


@pytest.mark.parametrize(
    ("lang", "trainee", "employer", "not_asked"),
    [
        ("fr", "stagiaire", "L'employeur introduit", "l'employeur introduit-il"),
        ("nl", "stagiair", "De werkgever dient", "dient de werkgever"),
        ("en", "trainee", "The employer applies", "does the employer apply"),
    ],
)
def test_the_language_question_asks_the_trainees_language(
    lang: str, trainee: str, employer: str, not_asked: str
) -> None:
    # Issue 16, point 8: the trainee's language decides the body; the employer files the request.
    words = lookup(lang, "questions", "language")
    assert trainee in words["legend"] and not_asked not in words["legend"]
    assert employer in words["hint"] and trainee in words["hint"]
    assert "vdab_plan_lead_weeks" in words["hint"] and "vdab_max_weeks" in words["hint"]


# --- conditions: a question that is not asked is never missing --------------------------------


def test_language_is_not_asked_nor_missing_for_a_wallonia_stage() -> None:
    # A Brussels trainee keeps the Brussels scheme, so the answer is not a referral.
    case = parse_case({"workplace_region": "wallonia", "trainee_region": "brussels"})
    assert not is_asked("language", {"workplace_region": case.workplace_region})
    result = evaluate(case)
    assert result.verdict == "incomplete"
    assert "language" not in result.missing
    assert "start_date" in result.missing


def test_language_is_asked_and_missing_for_a_brussels_stage() -> None:
    assert is_asked("language", {"workplace_region": "brussels"})
    assert not is_asked("language", {})
    assert "language" in evaluate(parse_case({"workplace_region": "brussels"})).missing


# --- the one whitespace rule -----------------------------------------------------------------


def test_whitespace_is_unicode_white_space_not_str_strip() -> None:
    # Python's str.strip() also strips the information separators \x1c-\x1f; JS trim() strips
    # U+FEFF. Neither is White_Space: both ends keep them, and the value is refused.
    assert strip_space("\x1cyes") == "\x1cyes"
    assert strip_space("\ufeffyes") == "\ufeffyes"
    assert strip_space("\u2003yes\u3000\n") == "yes"
    assert "\x1c" not in WHITESPACE and "\ufeff" not in WHITESPACE and "\u202f" in WHITESPACE


@pytest.mark.parametrize("raw", ["\x1cyes", "yes\x1f", "\ufeffyes"])
def test_a_value_with_a_separator_is_refused_not_read_as_yes(raw: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_case({"jobseeker": raw})
    assert [e.code for e in caught.value.errors] == ["not_boolean"]


def test_white_space_around_values_is_ignored() -> None:
    case = parse_case({"jobseeker": "\u2003yes\u00a0", "age": "\u202f25\t", "language": " nl\n"})
    assert (case.jobseeker, case.age, case.language) == (True, 25, "nl")


# --- formats ---------------------------------------------------------------------------------


def test_dates_are_written_with_each_catalogue_format() -> None:
    assert format_iso_date("2026-11-01", "fr") == "1er novembre 2026"
    assert format_iso_date("2026-11-02", "fr") == "2 novembre 2026"
    assert format_iso_date("2026-03-01", "nl") == "1 maart 2026"


# --- a new language: found from its catalogue; what it lacks is named, never a KeyError -------

NEW_LANGUAGE = """
import sys
from cip_core.messages import LANGUAGES, check_catalogues
from cip_core import evaluate, parse_case
assert "de" in LANGUAGES, LANGUAGES
print("problems:", check_catalogues())
case = parse_case({"workplace_region": "wallonia", "trainee_region": "brussels", "age": "x"}, "de")
"""


def _copy_with_german(tmp_path: Path, drop: str | None = None) -> Path:
    shutil.copytree(
        ROOT / "cip_core", tmp_path / "cip_core", ignore=shutil.ignore_patterns("__pycache__")
    )
    text = (ROOT / "cip_core" / "messages" / "fr.toml").read_text("utf-8")
    if drop:
        text = "\n".join(line for line in text.split("\n") if not line.startswith(drop))
    (tmp_path / "cip_core" / "messages" / "de.toml").write_text(text, "utf-8")
    return tmp_path


def _run(folder: Path, code: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(folder)}
    return subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=folder, capture_output=True, text=True
    )


def test_a_copied_catalogue_adds_a_language_without_key_errors(tmp_path: Path) -> None:
    folder = _copy_with_german(tmp_path)
    run = _run(folder, NEW_LANGUAGE)
    # The bad age is an InputError worded from de.toml: the language works end to end.
    assert "InputError" in run.stderr, run.stderr
    assert "KeyError" not in run.stderr
    assert "problems: []" in run.stdout
    # A body without a German name is named, with its file, instead of a KeyError.
    run = _run(folder, "from cip_core.bodies import body; body('forem', 'de')")
    assert "cip_core/data/bodies.toml: [forem] has no name_de" in run.stderr
    assert "KeyError" not in run.stderr


def test_a_missing_key_in_a_new_language_is_named_with_its_file(tmp_path: Path) -> None:
    folder = _copy_with_german(tmp_path, drop="copyDone = ")
    run = _run(folder, "from cip_core.messages import check_catalogues; print(check_catalogues())")
    assert "cip_core/messages/de.toml: missing key ui.copyDone" in run.stdout
    run = _run(folder, "from cip_core.messages import lookup; lookup('de', 'ui', 'copyDone')")
    assert "MessageError: cip_core/messages/de.toml: missing key ui.copyDone" in run.stderr


# --- a question declared only in the catalogue: parsed, carried, answered, no case.py edit ------

NEW_QUESTION = """
[[question]]
name = "probe_question"
group = "stage"
kind = "yes_no"
inline = true
"""
NEW_WORDS = {
    "fr": '[questions.probe_question]\nlegend = "Une sonde\u202f?"\nshort = "Question sonde"\n',
    "nl": '[questions.probe_question]\nlegend = "Proefvraag?"\nshort = "Proefvraag"\n',
    "en": '[questions.probe_question]\nlegend = "A probe?"\nshort = "Probe question"\n',
}


def copy_with_new_question(folder: Path) -> Path:
    """A copy of cip_core whose catalogues (only) gain the yes/no ``probe_question``."""
    shutil.copytree(
        ROOT / "cip_core", folder / "cip_core", ignore=shutil.ignore_patterns("__pycache__")
    )
    with (folder / "cip_core" / "questions.toml").open("a", encoding="utf-8") as handle:
        handle.write(NEW_QUESTION)
    for lang, words in NEW_WORDS.items():
        with (folder / "cip_core" / "messages" / f"{lang}.toml").open("a", encoding="utf-8") as f:
            f.write("\n" + words)
    return folder


CARRIED = """
import dataclasses, io, json
from cip_core import Case, InputError, evaluate, parse_case
from cip_core.case import FIELD_NAMES, TYPED_FIELDS, checked_case
from cip_core.cli import main
from cip_core.messages import check_catalogues

assert check_catalogues() == [], check_catalogues()
assert "probe_question" in FIELD_NAMES and "probe_question" not in TYPED_FIELDS
assert "probe_question" not in {f.name for f in dataclasses.fields(Case)}
case = parse_case({"probe_question": "oui", "workplace_region": "brussels"})
print("answer", case.answer("probe_question"), dict(case.extra))
print("built", checked_case(Case(extra={"probe_question": "nee"})).answer("probe_question"))
print("unanswered", parse_case({}).answer("probe_question"))
try:
    parse_case({"probe_question": "peut-être"}, "nl")
except InputError as error:
    print("error", [(e.field, e.code, e.message) for e in error.errors])
print("result", evaluate(case).verdict)
code = main(["--probe-question", "ja", "--workplace-region", "brussels", "--json"])
print("cli", code)
"""


def test_a_catalogue_only_question_is_parsed_carried_and_answered(tmp_path: Path) -> None:
    run = _run(copy_with_new_question(tmp_path), CARRIED)
    assert run.returncode == 0, run.stderr
    assert "answer True {'probe_question': True}" in run.stdout
    assert "built False" in run.stdout
    assert "unanswered None" in run.stdout
    # A bad value: the new question's own short label, in the requested language.
    assert "error [('probe_question', 'not_boolean', " in run.stdout
    assert "Proefvraag" in run.stdout
    assert "result incomplete" in run.stdout
    assert "cli 0" in run.stdout


def test_the_command_line_has_a_flag_for_a_catalogue_only_question(tmp_path: Path) -> None:
    folder = copy_with_new_question(tmp_path)
    help_run = _run(folder, "from cip_core.cli import main; main(['--help'])")
    assert "--probe-question" in help_run.stdout
    bad = _run(
        folder, "from cip_core.cli import main; raise SystemExit(main(['--probe-question', 'x']))"
    )
    assert bad.returncode == 2
    assert bad.stderr.startswith("cip-check: ") and "Question sonde" in bad.stderr
    assert "Traceback" not in bad.stderr


def test_answer_reads_typed_fields_and_refuses_unknown_names() -> None:
    case = parse_case({"jobseeker": "yes", "age": "30"})
    assert (case.answer("jobseeker"), case.answer("age"), case.answer("benefits")) == (
        True,
        30,
        None,
    )
    assert dict(case.extra) == {}
    with pytest.raises(KeyError, match="not a question"):
        case.answer("no_such_question")
    hash(case)  # a frozen Case stays hashable with its mapping of extra answers


def test_evaluate_does_not_read_a_parsed_case_again(monkeypatch: pytest.MonkeyPatch) -> None:
    import dataclasses

    import cip_core.case

    parsed = parse_case({"workplace_region": "brussels", "age": "25"})
    reads: list[object] = []
    original = cip_core.case.parse_case

    def counting(data: typing.Any, lang: str = "fr") -> typing.Any:
        reads.append(data)
        return original(data, lang)

    monkeypatch.setattr(cip_core.case, "parse_case", counting)
    evaluate(parsed, "nl")
    assert reads == []  # validated once, by parse_case
    # A Case built or changed in Python is checked, once, with the same readers.
    evaluate(dataclasses.replace(parsed, age=30), "nl")
    assert len(reads) == 1
    with pytest.raises(InputError):
        evaluate(dataclasses.replace(parsed, age=-3), "nl")
