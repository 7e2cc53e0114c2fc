"""The English edition at the core's doors (issue 13): amounts read per page language, English
formats, sources in another language marked, ``lang=en`` accepted by the API and the CLI."""

from __future__ import annotations

import io
import json
from datetime import date
from decimal import Decimal

import pytest

from cip_core import InputError, evaluate, parse_case
from cip_core.cli import main
from cip_core.errors import check_language
from cip_core.formatting import format_date, format_money
from cip_core.messages import LANGUAGES, lookup
from cip_core.sources import address_in, language_note, note_in, source_names


def amount(typed: str, lang: str) -> Decimal | None:
    return parse_case({"monthly_allowance": typed}, lang).monthly_allowance


def asked_back(typed: str, lang: str) -> InputError:
    with pytest.raises(InputError) as caught:
        parse_case({"monthly_allowance": typed}, lang)
    (error,) = caught.value.errors
    assert error.code == "ambiguous_amount"
    return caught.value


def test_each_catalogue_says_which_mark_means_thousands() -> None:
    marks = {lang: lookup(lang, "format", "typed_thousands") for lang in LANGUAGES}
    assert set(marks.values()) <= {".", ","}  # a new language says its own
    known = {"fr": ".", "nl": ".", "en": ","}
    assert {lang: marks[lang] for lang in known if lang in marks} == known


@pytest.mark.parametrize(
    ("typed", "value"),
    [("1,100", "1100"), ("1,100.50", "1100.50"), ("1100", "1100"), ("1100.50", "1100.50"),
     ("€1,100", "1100"), ("12,345.60", "12345.60"), ("1.100,50", "1100.50")],
)  # fmt: skip
def test_english_page_reads_english_amounts(typed: str, value: str) -> None:
    assert amount(typed, "en") == Decimal(value)


@pytest.mark.parametrize(
    "lang", [lang for lang in LANGUAGES if lookup(lang, "format", "typed_thousands") == "."]
)
def test_french_and_dutch_pages_ask_1_comma_100_back(lang: str) -> None:
    error = asked_back("1,100", lang)
    assert "1,10" in str(error)  # the decimal reading is offered, in the page's format
    assert amount("1.100", lang) == Decimal(1100)


def test_english_page_asks_1_dot_100_back_in_english() -> None:
    error = asked_back("1.100", "en")
    assert "“1.100”: €1,100.00 or €1.10?" in str(error)


def test_english_formats() -> None:
    assert format_money(Decimal("1100.5"), "en") == "€1,100.50"
    assert format_date(date(2026, 4, 1), "en") == "1 April 2026"


def test_lang_en_is_accepted_and_the_unknown_language_message_lists_it() -> None:
    assert check_language("en") == "en"
    with pytest.raises(InputError) as caught:
        check_language("xx")
    assert f"choose one of {', '.join(LANGUAGES)}" in str(caught.value)
    assert f"choisissez parmi {', '.join(LANGUAGES)}" in str(caught.value)


def test_sources_fall_back_as_declared_and_say_so() -> None:
    # Every source has an address for an English reader: its own, or a declared fallback's.
    for name in source_names():
        url, source_lang = address_in(name, "en")
        assert url.startswith(("https://", "mailto:")), name
        assert note_in(name, "en") == (
            "" if source_lang == "en" else language_note(source_lang, "en")
        )
    assert address_in("actiris", "en")[1] == "fr"  # no English Actiris page known: French first
    assert note_in("actiris", "en") == "in French"
    assert note_in("vdab", "en") == "in Dutch"  # VDAB publishes it only in Dutch
    assert note_in("vdab", "fr") == "en néerlandais"  # the same rule for every language
    assert note_in("actiris", "nl") == ""


def test_english_answer_marks_its_french_sources() -> None:
    case = parse_case({"workplace_region": "brussels", "language": "fr", "jobseeker": "yes"}, "en")
    result = evaluate(case, "en", today=date(2026, 11, 27)).to_dict()
    notes = {item["source_note"] for key in ("warnings", "steps") for item in result[key]}
    assert "in French" in notes
    labels = [link["label"] for item in result["steps"] for link in item["links"]]
    # A step's page in another language says which (1819's CIP page is in Dutch only).
    assert any(label.endswith(("(in French)", "(in Dutch)")) for label in labels), labels


def test_cli_lang_en(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["--lang", "en", "--workplace-region", "brussels", "--start-date", "2021-10-01",
            "--monthly-allowance", "1,000", "--weekly-hours", "38", "--language", "fr",
            "--age", "25", "--duration-months", "3"]  # fmt: skip
    assert main([*argv, "--json"], stdin=io.StringIO("")) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["lang"] == "en" and result["allowance"]["offered"] == "1000.00"
    assert main(argv, stdin=io.StringIO("")) == 0
    out = capsys.readouterr().out
    assert "Minimum allowance: €829.10" in out and "(in French)]" in out
    assert main(["--lang", "fr", "--monthly-allowance", "1,000"], stdin=io.StringIO("")) == 2
    assert "1\u202f000,00\u00a0€ ou 1,00\u00a0€" in capsys.readouterr().err
