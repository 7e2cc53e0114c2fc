"""Issue 18 item 3 and issue 20 item 5: the checker's answers, as a reader gets them, are plain and
speak to the person. Every golden case is answered in every language and read:
- no sentence over 35 words once its figures, dates and bodies are filled in (the build checks the
  catalogue's templates; a long body name or a range could still push a filled-in sentence over);
- no research note: how the sources were read belongs on the allowance page and in sources.toml;
- one warning, at most, on the doubt about the minimum's amount;
- the jargon explained in the sentence that uses it (a phone shows no tooltip).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest

from cip_core import InputError, evaluate, parse_case
from cip_core.evaluate import AMOUNT_DOUBTS, one_amount_doubt
from cip_core.messages import LANGUAGES, catalogue
from cip_core.rules import Finding
from site_plugins.language.sentences import CATALOGUE_LIMIT, split_sentences, word_count
from tests.core.golden import load_cases

ANSWER_SECTIONS = ("verdicts", "headlines", "doubts", "reasons", "warnings", "steps", "fixes")


def answers() -> list[tuple[str, str, dict[str, Any] | InputError]]:
    found: list[tuple[str, str, dict[str, Any] | InputError]] = []
    for case in load_cases():
        today = case["today"] if isinstance(case["today"], date) else None
        for lang in LANGUAGES:
            try:
                result = evaluate(parse_case(case["input"], lang), lang, today=today).to_dict()
            except InputError as error:
                found.append((case["name"], lang, error))
                continue
            found.append((case["name"], lang, result))
    return found


ANSWERS = answers()


def texts(answer: dict[str, Any] | InputError) -> list[str]:
    if isinstance(answer, InputError):
        return [e.message for e in answer.errors]
    found = [answer["headline"], answer["summary"]]
    return found + [
        i["message"] for k in ("reasons", "warnings", "steps", "fixes") for i in answer[k]
    ]


def test_no_answer_sentence_is_over_the_limit() -> None:
    long = [
        f"{name} ({lang}): {words} words: {sentence}"
        for name, lang, answer in ANSWERS
        for text in texts(answer)
        for sentence in split_sentences(text)
        if (words := word_count(sentence)) > CATALOGUE_LIMIT
    ]
    assert long == []


# Words of research notes, per language: old pages, typos, page dates, decrees, "our research".
RESEARCH_NOTES = {
    "fr": r"coquille|faute de frappe|ancienne page|nos recherches|mise à jour le|arrêté royal"
    r"|\bCCT\b|déduit|vraisemblablement|aucune de nos sources|recherché dans les sources",
    "nl": r"tikfout|oudere pagina|opzoekwerk|bijgewerkt op|koninklijk besluit|\bcao\b|afgeleid"
    r"|geen van onze bronnen",
    "en": r"\btypo\b|older page|as far as we found|updated \d|royal decree|\bCCT\b|inferred"
    r"|none of our sources|last searched",
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_answers_carry_no_research_note(lang: str) -> None:
    notes = re.compile(RESEARCH_NOTES.get(lang, RESEARCH_NOTES["en"]), re.IGNORECASE)
    found = [
        f"{name}: {text}"
        for name, answer_lang, answer in ANSWERS
        if answer_lang == lang
        for text in texts(answer)
        if notes.search(text)
    ]
    assert found == []
    # ... nor any sentence the checker can say, answered by a golden case or not.
    words = catalogue(lang)
    for section in ANSWER_SECTIONS:
        for key, text in words[section].items():
            assert not notes.search(text), (section, key, text)


def test_the_research_note_check_can_fail() -> None:
    # The 1 December wording of two doubts, as the review read them.
    old_fr = "l'ADG est l'organisme compétent selon nos recherches, sans confirmation."
    old_en = "Actiris (French employer page, updated 18 November 2025) gives half of the RMMG."
    assert re.search(RESEARCH_NOTES["fr"], old_fr, re.IGNORECASE)
    assert re.search(RESEARCH_NOTES["en"], old_en, re.IGNORECASE)


def test_an_answer_has_one_warning_on_the_minimums_amount() -> None:
    many = [
        (name, lang, codes)
        for name, lang, answer in ANSWERS
        if not isinstance(answer, InputError)
        if len(codes := [w["code"] for w in answer["warnings"] if w["code"] in AMOUNT_DOUBTS]) > 1
    ]
    assert many == []
    # The rule keeps the most telling doubt: the offer's own line before the RMMG's.
    warned = [Finding("parameter_may_be_outdated"), Finding("rmmg_forecast"),
              Finding("work_permit_needed"), Finding("allowance_within_range")]  # fmt: skip
    kept = [f.code for f in one_amount_doubt(warned)]
    assert kept == ["work_permit_needed", "allowance_within_range"]


# Each piece of jargon, and the words that explain it in the same text.
GLOSSES = {
    "fr": {
        "Dimona": "entrée en service",
        "précompte professionnel": "impôt",
        "indice-pivot": "seuil de hausse des prix",
        "prorata": "en proportion",
        "plan d'action individuel": "conseiller Actiris",
        "stage d'insertion professionnelle": "période d'attente",
    },
    "nl": {
        "Dimona": "aangifte van indiensttreding",
        "bedrijfsvoorheffing": "belasting",
        "spilindex": "drempel van prijsstijging",
        "pro rata": "in verhouding tot",
        "individueel actieplan": "consulent bij Actiris",
        "beroepsinschakelingstijd": "wachttijd",
    },
    "en": {
        "Dimona": "start-of-work notice",
        "withholding tax": "tax the employer holds back",
        "pivot index": "triggers the indexation",
        "pro rata": "in proportion",
        "individual action plan": "Actiris adviser",
        "professional integration period": "waiting period",
    },
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_jargon_is_explained_where_the_checker_uses_it(lang: str) -> None:
    words = catalogue(lang)
    glosses = GLOSSES.get(lang, GLOSSES["en"])
    used = set()
    for section in ANSWER_SECTIONS:
        for key, text in words[section].items():
            for term, gloss in glosses.items():
                if term.lower() in text.lower():
                    used.add(term)
                    assert gloss in text, (section, key, term)
    assert used == set(glosses)  # every gloss is still needed somewhere
