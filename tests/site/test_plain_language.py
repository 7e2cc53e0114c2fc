"""Issue 18: the build keeps the texts plain and the terms official. Each check is shown failing on
a bad text (unit) and failing a build (fixture site), and passing on the project's catalogues:
- a catalogue sentence over 35 words; page sentences over 40 are listed, never an error;
- each banned variant of the termbase (RMMG in French and English, the Dutch drifts…), with the
  one narrow exception of a quoted source ("la fiche écrit « RMMG »");
- the language question asking for the employer's language instead of the trainee's.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from cip_core.messages import LANGUAGES
from site_plugins.language.sentences import (
    CATALOGUE_LIMIT,
    catalogue_long_sentences,
    page_long_sentences,
    split_sentences,
    word_count,
)
from site_plugins.language.termbase import (
    check_file,
    load_termbase,
    question_findings,
    question_rules,
    scan_terms,
)
from tests.site.built_site import ROOT
from tests.site.test_language import failed_build, language_site

NBSP, NNBSP = "\u00a0", "\u202f"


def words(n: int) -> str:
    """A sentence of ``n`` words (starting with a capital, as a sentence does)."""
    return " ".join(["Mot"] + ["mot"] * (n - 1))


# --- sentence length --------------------------------------------------------------------------


def test_words_are_what_ordinary_spaces_separate() -> None:
    # A no-break space joins an amount or a French colon to its word; a marker is one word.
    assert word_count(f"Minimum{NBSP}: 1{NNBSP}100,00{NBSP}€ par mois.") == 4
    assert word_count("Une CIP dure {{cip duration_max_months}} mois au plus.") == 7
    assert word_count("Bonjour  {name},\n vous  avez   {age} ans.") == 6


def test_sentences_end_at_a_stop_before_a_capital_and_at_each_line() -> None:
    text = "Première phrase. Deuxième, 1,5 mois ; suite ! Troisième ? «\u00a0Quatre\u00a0»\nCinq"
    assert split_sentences(text) == [
        "Première phrase.",
        "Deuxième, 1,5 mois ; suite !",
        "Troisième ?",
        "«\u00a0Quatre\u00a0»",
        "Cinq",
    ]
    # Abbreviations inside a sentence do not end it ("5 p.m., and…").
    assert len(split_sentences("Before 5 p.m., and before lunch. Next one.")) == 2


def test_a_catalogue_sentence_over_the_limit_is_found_with_its_line() -> None:
    text = (
        "[warnings]\n"
        f'ok = "{words(CATALOGUE_LIMIT - 1)}. {words(CATALOGUE_LIMIT)}."\n'
        f'long = "Court. {words(CATALOGUE_LIMIT + 1)}."\n'
        f'list = ["{words(3)}", "{words(CATALOGUE_LIMIT + 2)}"]\n'
    )
    found = catalogue_long_sentences(text, "fr.toml")
    assert [(f.where, f.words) for f in found] == [
        ("fr.toml:3: [warnings] long", CATALOGUE_LIMIT + 1),
        ("fr.toml:4: [warnings] list", CATALOGUE_LIMIT + 2),
    ]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_project_catalogue_sentence_is_over_the_limit(lang: str) -> None:
    path = ROOT / "cip_core" / "messages" / f"{lang}.toml"
    assert catalogue_long_sentences(path.read_text(encoding="utf-8"), str(path)) == []


def test_a_long_catalogue_sentence_fails_the_build(tmp_path: Path) -> None:
    site = language_site(tmp_path)
    (tmp_path / "messages" / "nl.toml").write_text(
        f'a = "Ja."\nb = "Kort. {words(CATALOGUE_LIMIT + 1)}."\n', encoding="utf-8"
    )
    errors = failed_build(site)
    assert f"messages/nl.toml:2: [] b: {CATALOGUE_LIMIT + 1} words" in errors
    # At the limit, the same build passes.
    (tmp_path / "messages" / "nl.toml").write_text(
        f'a = "Ja."\nb = "Kort. {words(CATALOGUE_LIMIT)}."\n', encoding="utf-8"
    )
    assert site.build(), site.errors


def test_long_page_sentences_are_listed_with_their_line_not_failed(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    page = (
        "# Titre\n\n"
        f"| {words(50)} |\n\n"  # a table row is no sentence
        f"Court. {words(41)} [lien](https://example.org/{'x' * 80}).\n"
    )
    found = page_long_sentences(page, "docs/fr/extra.md")
    assert [(f.where, f.words) for f in found] == [("docs/fr/extra.md:5", 42)]
    site = language_site(tmp_path)
    site.page("fr", "extra.md", page)
    site.page("nl", "extra.md", "# Titel\n\nKort.\n")
    with caplog.at_level(logging.INFO):
        assert site.build(), site.errors
    assert "docs/fr/extra.md:5: 42 words" in caplog.text


# --- banned variants --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "La moitié du RMMG."),
        ("fr", "La moitié du GGMMI."),
        ("en", "Half the RMMG."),
        ("nl", "De helft van het RMMG."),
        ("nl", "De controle start."),
        ("nl", "De minimumvergoeding is laag."),
        ("nl", "De helft van een voltijdse baan."),
        ("nl", "De aangeboden vergoeding."),
        ("nl", "Alleen gecontroleerd tot mei."),
        ("nl", "Het ADG beslist."),
        ("nl", "De regels van VDAB."),
        ("nl", "Aanvragen voor de stage begint."),
        ("fr", "À confirmer avec l'organisme."),
        ("fr", "Le programme de formation."),
        ("en", "The training programme."),
        ("fr", "Voir ce site."),
        ("en", "See this site."),
        ("nl", "Zie deze site."),
    ],
)
def test_each_drift_of_the_review_is_refused(lang: str, text: str) -> None:
    assert scan_terms(text, lang), text


def test_every_banned_variant_is_refused_where_it_is_not_quoted() -> None:
    # Each variant of the termbase, alone in a sentence of its language, fails the check.
    for term in load_termbase().terms:
        variant = term.banned.removesuffix("*")
        assert scan_terms(f"Texte {variant} ici.", term.lang), (term.concept, term.banned)


def test_the_sheets_rmmg_may_be_quoted_only() -> None:
    assert scan_terms("La fiche de Bruxelles Formation écrit « RMMG ».", "fr") == []
    assert scan_terms("The sheet writes “RMMG”.", "en") == []
    assert scan_terms('La fiche écrit "RMMG".', "fr") == []  # typed on a page
    assert scan_terms("La fiche écrit « RMMG », et le RMMG vaut…", "fr")  # the second one
    # In a catalogue every text stands between straight quotes: they do not count there.
    assert scan_terms('rmmg = "RMMG"\n', "fr", straight_quotes=False)
    # A variant that may not be quoted stays refused in quotation marks.
    assert scan_terms("« Het ADG »", "nl")
    # A glossary entry's key is markup; its text is checked.
    assert scan_terms("*[RMMG]: Revenu minimum mensuel moyen garanti (RMMMG)", "fr") == []
    assert scan_terms("*[RMMMG]: aussi appelé RMMG", "fr")
    # Marker names and placeholders are not the acronym.
    assert scan_terms("{{cip rmmg}} et {rmmg}, rmmgLine", "fr") == []


def test_a_catalogue_with_a_banned_variant_fails_the_build(tmp_path: Path) -> None:
    site = language_site(tmp_path)
    (tmp_path / "messages" / "fr.toml").write_text(
        'a = "Oui."\nb = "La moitié du RMMG."\n', encoding="utf-8"
    )
    errors = failed_build(site)
    assert "messages/fr.toml:2:" in errors and "«RMMMG»" in errors


def test_a_page_may_quote_the_sheet_but_not_use_its_acronym(tmp_path: Path) -> None:
    site = language_site(tmp_path)
    site.page("fr", "extra.md", "# Extra\n\nLa fiche écrit « RMMG ».\n")
    site.page("nl", "extra.md", "# Extra\n\nTekst.\n")
    assert site.build(), site.errors
    site.page("fr", "extra.md", "# Extra\n\nLa fiche écrit « RMMG ».\n\nLe RMMG vaut…\n")
    assert "docs/fr/extra.md:5:" in failed_build(site)


# --- the language question --------------------------------------------------------------------

GOOD_QUESTION = {
    "fr": (
        "Dans quelle langue le stagiaire suivra-t-il le stage\u202f?",
        "À Bruxelles, c'est la langue du stagiaire qui détermine l'organisme.",
    ),
    "nl": (
        "In welke taal volgt de stagiair de stage?",
        "In Brussel beslist de taal van de stagiair welke dienst bevoegd is.",
    ),
    "en": (
        "In which language will the trainee follow the traineeship?",
        "In Brussels, the trainee's language decides the competent body.",
    ),
}
# The question as it was (language review X1), and a hint that forgets the rule.
EMPLOYERS = {
    "fr": "En quelle langue l'employeur introduit-il la demande\u202f?",
    "nl": "In welke taal dient de werkgever de aanvraag in?",
    "en": "In which language does the employer apply?",
}


def question(legend: str, hint: str) -> str:
    return f'[questions.language]\nlegend = "{legend}"\nhint = "{hint}"\n'


@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_the_language_question_must_ask_for_the_trainees_language(lang: str) -> None:
    legend, hint = GOOD_QUESTION[lang]
    assert question_findings(question(legend, hint), lang, "x.toml") == []
    employer = question_findings(question(EMPLOYERS[lang], hint), lang, "x.toml")
    assert [p.split(": ", 1)[0] for p in employer] == ["x.toml:2", "x.toml:2"]
    assert "legend" in employer[0]
    forgotten = question_findings(question(legend, "La demande."), lang, "x.toml")
    assert len(forgotten) == 1 and forgotten[0].startswith("x.toml:3: [questions.language] hint")


def test_every_language_has_its_question_rule() -> None:
    assert {r.lang for r in question_rules() if r.question == "language"} >= set(LANGUAGES)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_project_question_asks_for_the_trainees_language(lang: str) -> None:
    path = ROOT / "cip_core" / "messages" / f"{lang}.toml"
    assert check_file(path) == []


def test_the_employers_language_question_fails_the_build(tmp_path: Path) -> None:
    site = language_site(tmp_path)
    legend, hint = GOOD_QUESTION["fr"]
    (tmp_path / "messages" / "fr.toml").write_text(
        question(EMPLOYERS["fr"], hint), encoding="utf-8"
    )
    errors = failed_build(site)
    assert "messages/fr.toml:2: [questions.language] legend" in errors
    (tmp_path / "messages" / "fr.toml").write_text(question(legend, hint), encoding="utf-8")
    assert site.build(), site.errors
