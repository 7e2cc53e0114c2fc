"""Languages are data (issue 21): the 404 page, the search and the typography follow the build's
languages and their catalogues, and what a new language lacks is a build error naming the file
and the key."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from cip_core.messages import MessageError, check_language_data, lookup
from site_plugins.language.termbase import missing_terms
from site_plugins.language.typography import Typography, fix_markdown, typography
from site_plugins.search.wrapper import SearchLanguageError, language_settings
from tests.build_languages import DEFAULT, LANGUAGES, UNKNOWN, prefix
from tests.site.built_site import ROOT, parse
from tests.site.fixture_site import CONFIG, make_site

# --- the 404 page -------------------------------------------------------------------------------

OVERRIDES = f"""  custom_dir: {ROOT / "overrides"}
extra:
  last_reviewed: "2026-11-27"
  source_url: https://example.org/sheet
  dorifor_url: https://example.org/
"""


def not_found_site(root: Path, default: str) -> Path:
    """The fixture site (French and Dutch built; the catalogues also have English) with the
    project's theme overrides, ``default`` the default language."""
    config = CONFIG.replace("  font: false\n", "  font: false\n" + OVERRIDES)
    if default != "fr":
        config = config.replace("          default: true\n", "")
        config = config.replace(
            f"        - locale: {default}\n",
            f"        - locale: {default}\n          default: true\n",
        )
    site = make_site(root, config=config)
    assert site.build(), site.errors
    return site.out / "404.html"


@pytest.mark.parametrize(("default", "other"), [("fr", "nl"), ("nl", "fr")])
def test_the_404_page_speaks_the_built_languages_default_first(
    tmp_path: Path, default: str, other: str
) -> None:
    html = not_found_site(tmp_path, default).read_text("utf-8")
    page = parse(tmp_path / "site" / "404.html")
    (root,) = page.find("html")
    assert root["lang"] == default
    (title,) = re.findall(r"<h1[^>]*>([^<]+)</h1>", html)
    assert title == lookup(default, "site", "not_found_title")
    # One section per other language built; none for a catalogue whose pages are not built.
    assert [s["lang"] for s in page.find("section")] == [other]
    assert lookup("en", "site", "not_found_title") not in html
    home = f'href="/{"" if other == default else other + "/"}"'
    assert home in html


def test_the_real_404_page_lists_every_built_language(real_site: Path) -> None:
    page = parse(real_site / "404.html")
    (root,) = page.find("html")
    assert root["lang"] == DEFAULT
    assert [s["lang"] for s in page.find("section")] == list(LANGUAGES[1:])


# --- search -------------------------------------------------------------------------------------


def test_each_page_searches_its_own_language(real_site: Path) -> None:
    wrapper = (real_site / "assets" / "javascripts" / "workers" / "cip-search.js").read_text()
    (table,) = re.findall(r"const LANGUAGES = (\{.*?\});", wrapper)
    assert json.loads(table) == {
        lang: {
            "prefix": prefix(lang),
            "stemmer": lookup(lang, "search", "stemmer"),
            "compounds": lookup(lang, "search", "split_compounds"),
        }
        for lang in LANGUAGES
    }
    for lang in LANGUAGES:
        for page in (real_site / prefix(lang)).glob("*/index.html"):
            if page.parent.name in LANGUAGES:
                continue
            config = re.findall(r'"search": "[^"]*cip-search\.js\?lang=([a-z]+)"', page.read_text())
            assert config == [lang], page


def test_a_stemmer_the_theme_lacks_names_the_catalogue_and_key() -> None:
    with pytest.raises(
        SearchLanguageError, match=r"cip_core/messages/nl\.toml: \[search\] stemmer"
    ):
        language_settings({"nl": "nl/"}, stemmers={"en", "fr"})
    with pytest.raises(MessageError, match=rf"cip_core/messages/{UNKNOWN}\.toml"):
        language_settings({UNKNOWN: f"{UNKNOWN}/"})


# --- typography ---------------------------------------------------------------------------------


def test_each_languages_typography_is_its_catalogues() -> None:
    for lang in LANGUAGES:
        table = lookup(lang, "typography")
        rules = typography(lang)
        assert (rules.opening, rules.closing) == tuple(table["quotes"])
        space = rules.quote_space
        assert fix_markdown('"x"', lang) == f"{rules.opening}{space}x{space}{rules.closing}"


def test_a_new_quotation_style_is_a_table_not_code() -> None:
    # German marks, „…“, with no space: a table such as a de.toml would hold.
    german = Typography("xx", "„", "“", (("«", "„"), ("»", "“")), "", (), "")
    assert german.fix_prose('Er sagte "ja" und «nein».') == "Er sagte „ja“ und „nein“."
    spaced = Typography("xx", "«", "»", (), "\u00a0", (("!", "\u202f"),), "\u00a0")
    assert spaced.fix_prose('Oui! "Bien" 5 %') == "Oui\u202f! «\u00a0Bien\u00a0» 5\u00a0%"


# --- what a new language needs besides its catalogue --------------------------------------------


def test_the_languages_data_is_complete() -> None:
    assert check_language_data() == []
    assert missing_terms(LANGUAGES) == []


def test_a_language_without_its_data_is_named_with_file_and_key() -> None:
    problems = check_language_data((UNKNOWN,))
    assert f"cip_core/data/sources.toml: [fallback] has no key {UNKNOWN}" in problems[0]
    assert f"cip_core/data/bodies.toml: [forem] has no name_{UNKNOWN}" in problems
    terms = missing_terms((UNKNOWN,))
    assert terms and all(f"has no [concepts.{UNKNOWN}]" in t for t in terms)
    assert terms[0].startswith("site_plugins/language/termbase.toml: concept ")
