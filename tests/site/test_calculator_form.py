"""The calculator block generated from the catalogues ({{cip calculator}}): today's ids, names and
accessibility markup, links relative to the page, the script's words as JSON, conditions."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import jinja2
import pytest

from cip_core.messages import DEFAULT_LANGUAGE, LANGUAGES, lookup
from cip_core.questions import QUESTIONS
from cip_core.readers import WHITESPACE
from site_plugins.figures.calculator_form import render_calculator
from site_plugins.figures.markers import FigureError, render_figures
from tests.core.test_questions import copy_with_new_question

# The default language at the site's root, the others in their folder (nl/, en/).
PAGE_URL = {
    lang: ("" if lang == DEFAULT_LANGUAGE else f"{lang}/") + "calculateur/" for lang in LANGUAGES
}
# The ids the page script, the CSS and the tests rely on (besides the per-question ones).
FIXED_IDS = {
    "cip-calculator", "cip-noscript", "cip-failure", "cip-status", "cip-status-text",
    "cip-progress", "cip-app", "cip-form-title", "cip-checker", "cip-answer",
    "cip-answer-title", "cip-result", "cip-copy", "cip-print", "cip-copy-status", "cip-texts",
    "cip-share", "cip-reset", "cip-retry", "cip-status-help", "cip-failure-wasm",
}  # fmt: skip
ROOT = Path(__file__).resolve().parents[2]


class Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.texts: dict[str, str] = {}
        self._open: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        self.elements.append((tag, found))
        self._open = found.get("for") or found.get("id") if tag in ("label", "script") else None

    def handle_data(self, data: str) -> None:
        if self._open:
            self.texts[self._open] = self.texts.get(self._open, "") + data

    def handle_endtag(self, tag: str) -> None:
        self._open = None


def parsed(lang: str) -> Elements:
    page = Elements()
    page.feed(render_figures("{{cip calculator}}", lang, PAGE_URL[lang]))
    return page


@pytest.mark.parametrize("lang", LANGUAGES)
def test_todays_ids_names_and_labels(lang: str) -> None:
    page = parsed(lang)
    ids = [a["id"] for _, a in page.elements if a.get("id")]
    assert len(ids) == len(set(ids)), "an id is used twice"
    expected = set(FIXED_IDS)
    for q in QUESTIONS:
        name = q["name"]
        expected |= {f"cip-q-{name}", f"cip-error-{name}"}
        if "hint" in lookup(lang, "questions", name):
            expected.add(f"cip-hint-{name}")
        if q["kind"] in ("yes_no", "choice"):
            values = q.get("choices", ["yes", "no"])
            expected |= {f"cip-{name}-{v}" for v in [*values, "unknown"]}
        else:
            expected.add(f"cip-{name}")
    assert set(ids) == expected
    names = {a["name"] for tag, a in page.elements if tag == "input"}
    assert names == {q["name"] for q in QUESTIONS}
    for tag, a in page.elements:
        if tag == "input":  # every control has a label, and what describes it exists
            assert page.texts[str(a["id"])].strip(), a["id"]
            for described in (a.get("aria-describedby") or "").split():
                assert described in ids
        if tag == "label":
            assert a["for"] in ids


def test_same_structure_in_every_language() -> None:
    def shape(lang: str) -> list[tuple[str, tuple[str, ...]]]:
        skip = {"href", "data-lang"}  # the words and the page depth differ, nothing else
        return [(t, tuple(sorted(k for k in a if k not in skip))) for t, a in parsed(lang).elements]

    assert len({tuple(shape(lang)) for lang in LANGUAGES}) == 1


def test_links_are_relative_to_the_page() -> None:
    html = render_calculator("nl", "nl/calculateur/")
    assert 'href="../../assets/calculator/calculator.css"' in html
    assert 'src="../../assets/calculator/calculator.js"' in html
    assert 'href="../conditions/"' in html and 'href="/' not in html
    html = render_calculator("fr", "calculateur/")
    assert 'href="../assets/calculator/calculator.css"' in html and 'href="../indemnite/"' in html


def test_the_marker_needs_the_page_address() -> None:
    with pytest.raises(FigureError, match="page_url"):
        render_figures("{{cip calculator}}", "fr")
    with pytest.raises(FigureError, match="alone on its own line"):
        render_figures("Voir {{cip calculator}}", "fr", "calculateur/")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_script_gets_its_words_and_the_core_rules_as_json(lang: str) -> None:
    page = parsed(lang)
    data = json.loads(page.texts["cip-texts"])
    assert data["ui"] == lookup(lang, "ui")
    assert data["whitespace"] == WHITESPACE
    assert "oui" in data["booleans"]["yes"] and "nee" in data["booleans"]["no"]
    assert set(data["short"]) == {q["name"] for q in QUESTIONS}
    assert "<" not in page.texts["cip-texts"]  # cannot close its <script>
    # No figure marker is left in the hints.
    assert "{{" not in render_figures("{{cip calculator}}", lang, PAGE_URL[lang])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_conditional_question_carries_its_condition_and_starts_hidden(lang: str) -> None:
    page = parsed(lang)
    wrapper = next(a for _, a in page.elements if a.get("id") == "cip-q-language")
    assert json.loads(str(wrapper["data-asked-if"])) == {"workplace_region": ["brussels"]}
    assert "hidden" in wrapper
    always = next(a for _, a in page.elements if a.get("id") == "cip-q-workplace_region")
    assert "hidden" not in always and "data-asked-if" not in always


def test_the_help_block_comes_from_the_bodies() -> None:
    html = render_calculator("fr", "calculateur/")
    assert html.count('href="mailto:cip@forem.be"') == 2  # noscript and failure notices
    assert "Le Forem (cip@forem.be)</a> — stage en Wallonie" in html


@pytest.mark.parametrize(
    ("lang", "reviewed", "shown"),
    [
        ("fr", "2026-11-01", "1er novembre 2026"),
        ("fr", "2026-03-27", "27 mars 2026"),
        ("nl", "2026-11-01", "1 november 2026"),
        ("en", "2026-11-01", "1 November 2026"),
        ("fr", date(2026, 11, 1), "1er novembre 2026"),  # last_reviewed unquoted in YAML
    ],
)
def test_footer_date_uses_the_core_format(lang: str, reviewed: str | date, shown: str) -> None:
    source = (ROOT / "overrides" / "partials" / "copyright.html").read_text("utf-8")
    formats = {code: lookup(code, "format") for code in LANGUAGES}
    config = {  # no theme.language: the build's language (cip-figures), Material may lack one
        "extra": {
            "cip_language": lang,
            "last_reviewed": reviewed,
            "cip_formats": formats,
            "cip_site": {code: lookup(code, "site") for code in LANGUAGES},
            "source_url": "https://example.org/sheet",
            "dorifor_url": "https://example.org/",
        },
        "copyright": "",
    }
    html = (
        jinja2.Environment(undefined=jinja2.StrictUndefined)
        .from_string(source)
        .render(config=config)
    )
    assert re.search(rf'<time datetime="{reviewed}">{shown}</time>', html), html
    # The sentences are the page language's, from its catalogue.
    sheet = lookup(lang, "site", "footer_sheet")
    assert f'<a href="https://example.org/sheet">{sheet}</a>' in html, html
    assert "{" not in html, html


FORM_OF_NEW_QUESTION = """
import re
from site_plugins.figures.markers import render_figures
html = render_figures("{{cip calculator}}", "nl", "nl/calculateur/")
print(sorted(set(re.findall(r'name="(probe_question)" value="(yes|no)"', html))))
print("wrapper" if 'id="cip-q-probe_question"' in html else "no wrapper")
print("legend" if "Proefvraag?" in html else "no legend")
"""


def test_a_catalogue_only_question_appears_in_the_form(tmp_path: Path) -> None:
    # Only the catalogues change (tests/core copy); the form's HTML and JS are not edited.
    folder = copy_with_new_question(tmp_path)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(folder), str(ROOT)])}
    run = subprocess.run(
        [sys.executable, "-c", FORM_OF_NEW_QUESTION],
        env=env,
        cwd=folder,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.split("\n")[:3] == [
        "[('probe_question', 'no'), ('probe_question', 'yes')]",
        "wrapper",
        "legend",
    ]
