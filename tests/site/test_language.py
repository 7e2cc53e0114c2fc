"""Termbase, per-language links and French typography: each check on its own, in a fixture build
(each fails with file:line), and on the project's built site."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cip_core.messages import LANGUAGES
from site_plugins.language.termbase import language_of, load_termbase, scan_links, scan_terms
from site_plugins.language.typography import (
    NBSP,
    NNBSP,
    check_catalogue,
    fix_catalogue,
    fix_markdown,
)
from tests.site.built_site import ROOT, parse
from tests.site.fixture_site import CONFIG, Site, make_site

# --- termbase ---------------------------------------------------------------------------------


def failed_build(site: Site) -> str:
    """The build's error messages, one a line; the build must have failed."""
    assert not site.build()
    return "\n".join(site.errors)


def test_a_banned_dutch_term_is_found_with_its_line_and_the_official_term() -> None:
    text = "Eerste regel.\nVraag een ontheffing aan.\nDe ontheffingen zijn gratis.\n"
    found = scan_terms(text, "nl")
    assert [f.line for f in found] == [2, 3]
    assert "vrijstelling van beschikbaarheid" in found[0].message
    assert scan_terms("Vraag een vrijstelling van beschikbaarheid aan.", "nl") == []


def test_terms_are_checked_per_language() -> None:
    assert scan_terms("une ontheffing", "fr") == []  # a Dutch ban does not apply to French
    assert scan_terms("le demandeur d'emploi", "nl") == []
    assert scan_terms("le demandeur d’emploi", "fr")  # typographic apostrophe too
    assert scan_terms("les  demandeurs\nd'emploi", "fr")  # any spacing, plural listed


def test_acronyms_are_case_sensitive_and_addresses_are_not_prose() -> None:
    assert scan_terms("via le FOREM", "fr")
    assert scan_terms("via Le Forem (cip@forem.be)", "fr") == []
    assert scan_terms("https://example.org/ontheffing en https://x.be/vestiging", "nl") == []


def test_every_concept_has_a_preferred_term_and_source_in_each_language() -> None:
    base = load_termbase()
    assert {"fr", "nl"} <= set(base.languages)
    for term in base.terms:
        assert term.preferred and term.source, term
        assert term.pattern.search(term.banned.removesuffix("*")), term.banned


def test_language_of_a_file() -> None:
    assert language_of("docs/nl/conditions.md") == "nl"
    assert language_of("includes/abbreviations.fr.md") == "fr"
    assert language_of("cip_core/messages/nl.toml") == "nl"
    assert language_of("README.md") is None


# --- per-language links -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "https://www.actiris.brussels/fr/citoyens/convention-d-immersion-professionnelle/",
        "https://www.onem.be/documentation",
        "https://www.capac.fgov.be/",
        "https://www.hvw-capac.fgov.be/fr/",
        "https://1819.brussels/",
        "https://www.rva.be/fr/",
    ],
)
def test_a_dutch_page_may_not_link_a_french_page(url: str) -> None:
    found = scan_links(f"Zie [de site]({url}).\n", "nl")
    assert len(found) == 1 and found[0].line == 1, url
    assert "link https://" in found[0].message
    assert scan_links(f"Voir [le site]({url}).", "fr") == []  # French pages may


@pytest.mark.parametrize(
    "url",
    [
        "https://www.actiris.brussels/nl/werkgevers/beroepsinlevingsstage/",
        "https://www.rva.be/nl/documentatie/infoblad/t58",
        "https://www.hvw-capac.fgov.be/nl/",
        "https://www.1819.brussels/nl/subsidies/beroepsinlevingsovereenkomst",
        "https://www.vdab.be/",
    ],
)
def test_dutch_pages_of_those_sites_are_accepted(url: str) -> None:
    assert scan_links(f"[x]({url})", "nl") == []


# --- French typography ------------------------------------------------------------------------


def test_french_spaces_are_fixed_in_prose() -> None:
    fixed = fix_markdown(
        '# Qui ?\n\nLa CIP : un stage ; vraiment ! Oui? « Citation » et "autre" et 2 %.\n', "fr"
    )
    assert fixed == (
        f"# Qui{NNBSP}?\n\nLa CIP{NBSP}: un stage{NNBSP}; vraiment{NNBSP}! Oui{NNBSP}? "
        f"«{NBSP}Citation{NBSP}» et «{NBSP}autre{NBSP}» et 2{NBSP}%.\n"
    )


def test_french_typography_leaves_syntax_code_and_addresses_alone() -> None:
    source = (
        '!!! note "Titre"\n\n'
        "    Voir [la page](https://example.org/a?b=1&c=2) à 10:30, `x : y ?` et a::b.\n\n"
        '![image](logo.png) <span title="a : b ?">x</span> A &amp; B\n\n'
        "*[CIP]: Convention\n\n"
        "```\ncode : ici ?\n```\n"
        "<https://example.org/?q> mailto:cip@forem.be\n"
    )
    assert fix_markdown(source, "fr") == source


def test_an_admonition_title_is_fixed_but_keeps_its_quotes() -> None:
    assert fix_markdown('!!! tip "Vous hésitez ?"\n', "fr") == f'!!! tip "Vous hésitez{NNBSP}?"\n'


def test_a_catalogue_with_wrong_typography_fails_and_the_fix_makes_it_pass() -> None:
    catalogue = (
        "[errors]\n"
        'ok = "Rien à signaler."\n'
        'bad = "{field} : « {value} » n\'est pas valable ; écrivez 3."\n'
    )
    found = check_catalogue(catalogue, "fr")
    assert [f.line for f in found] == [3]
    fixed = fix_catalogue(catalogue, "fr")
    assert check_catalogue(fixed, "fr") == []
    assert f"{{field}}{NBSP}: «{NBSP}{{value}}{NBSP}»" in fixed
    assert f"valable{NNBSP};" in fixed


def test_catalogue_escapes_count_as_the_spaces_they_write() -> None:
    # Escaped spaces are right; an escaped one next to a typed one is a doubled space.
    good = 'a = "Où\\u202f? Calcul\\u00a0: {x}."\n'
    doubled = f'a = "Où\\u202f{NNBSP}? Calcul\\u00a0{NBSP}: {{x}}."\n'
    assert check_catalogue(good, "fr") == []
    assert [f.line for f in check_catalogue(doubled, "fr")] == [1]
    assert check_catalogue(fix_catalogue(doubled, "fr"), "fr") == []


def test_dutch_catalogues_use_one_quotation_style() -> None:
    catalogue = (
        'a = "Taal „{value}” onbekend."\nb = "Taal “{value}” onbekend."\n'
        'c = "Taal \\"{value}\\" onbekend."\n'
    )
    assert [f.line for f in check_catalogue(catalogue, "nl")] == [1, 3]
    assert check_catalogue(fix_catalogue(catalogue, "nl"), "nl") == []


def test_the_project_catalogues_pass() -> None:
    for lang in LANGUAGES:
        path = ROOT / "cip_core" / "messages" / f"{lang}.toml"
        text = path.read_text(encoding="utf-8")
        assert check_catalogue(text, lang) == [], path
        assert scan_terms(text, lang) == [], path


def test_the_english_column() -> None:
    base = load_termbase()
    concepts = {t.concept for t in base.terms}
    assert concepts == {t.concept for t in base.terms if t.lang == "en"}  # every concept
    (found,) = scan_terms("Registered as a job seeker.", "en")
    assert found.line == 1 and "jobseeker" in found.message
    assert scan_terms("Registered as a jobseeker with Actiris.", "en") == []
    assert scan_terms("Ask the reference body.", "en")
    assert scan_terms("via le FOREM", "en") and not scan_terms("cip@forem.be", "en")
    assert language_of("docs/en/conditions.md") == "en"
    assert language_of("cip_core/messages/en.toml") == "en"


def test_english_quotation_marks() -> None:
    assert fix_markdown('He said "yes" and „no”.', "en") == "He said “yes” and “no”."
    assert [f.line for f in check_catalogue('a = "Say \\"yes\\"."\nb = "Say “yes”."\n', "en")] == [
        1
    ]


# --- the checks in a build --------------------------------------------------------------------

LANGUAGE_CONFIG = CONFIG + "  - cip-language:\n      catalogue_dir: messages\n"
CLEAN_GLOSSARY_NL = "*[BIO]: Beroepsinlevingsovereenkomst\n"


def language_site(root: Path) -> Site:
    site = make_site(root, config=LANGUAGE_CONFIG)
    (root / "includes" / "abbreviations.nl.md").write_text(CLEAN_GLOSSARY_NL, encoding="utf-8")
    (root / "messages").mkdir()
    for lang in ("fr", "nl"):
        (root / "messages" / f"{lang}.toml").write_text('a = "Oui."\n', encoding="utf-8")
    return site


def test_the_fixture_builds_clean(tmp_path: Path) -> None:
    site = language_site(tmp_path)
    assert site.build(), site.errors


def test_a_banned_term_on_a_page_fails_the_build_with_file_and_line(tmp_path: Path) -> None:
    site = language_site(tmp_path)
    site.page("nl", "extra.md", "# Extra\n\nTekst.\n\nVraag een ontheffing aan.\n")
    site.page("fr", "extra.md", "# Extra\n\nTexte.\n\nDemandez une dispense.\n")
    assert not site.build()
    assert "docs/nl/extra.md:5:" in "\n".join(site.errors)
    assert "vrijstelling van beschikbaarheid" in "\n".join(site.errors)


def test_a_banned_term_in_a_glossary_fails_the_build(tmp_path: Path) -> None:
    site = make_site(tmp_path, config=LANGUAGE_CONFIG.replace("messages", '""'))
    # The fixture's own Dutch glossary still says "minimum maandinkomen".
    assert not site.build()
    assert "includes/abbreviations.nl.md:2:" in "\n".join(site.errors)


def test_a_catalogue_with_an_ordinary_space_fails_the_build(tmp_path: Path) -> None:
    site = language_site(tmp_path)
    (tmp_path / "messages" / "fr.toml").write_text(
        'a = "Oui."\nb = "Réponse : oui."\n', encoding="utf-8"
    )
    errors = failed_build(site)
    assert "messages/fr.toml:2:" in errors and "--fix messages/fr.toml" in errors


def test_a_dutch_page_linking_a_french_page_fails_the_build(tmp_path: Path) -> None:
    site = language_site(tmp_path)
    site.page("nl", "extra.md", "# Extra\n\n[Actiris](https://www.actiris.brussels/fr/x/)\n")
    site.page("fr", "extra.md", "# Extra\n\n[Actiris](https://www.actiris.brussels/fr/x/)\n")
    errors = failed_build(site)
    assert "docs/nl/extra.md:3:" in errors and "docs/fr/extra.md" not in errors


def test_the_generated_html_of_the_calculator_is_checked(tmp_path: Path) -> None:
    site = language_site(tmp_path)
    # An entity hides the word from the source check; the reader sees it in the HTML.
    site.page("nl", "calculateur.md", "# Controle\n\n<p>Een &#111;ntheffing.</p>\n")
    site.page("fr", "calculateur.md", "# Vérifier\n\n<p>Une dispense.</p>\n")
    errors = failed_build(site)
    assert "calculateur/index.html (generated HTML)" in errors and "ontheffing" in errors


def test_french_pages_get_their_spaces_at_build(tmp_path: Path) -> None:
    site = language_site(tmp_path)
    site.page("fr", "extra.md", "# Qui ?\n\n## Où ?\n\nLa CIP : oui ! « Bien ».\n")
    site.page("nl", "extra.md", '# Wie?\n\n## Waar?\n\nDe BIO: ja! "Goed" en „ook”.\n')
    assert site.build(), site.errors
    fr = parse(site.out / "extra" / "index.html").text
    assert f"La CIP{NBSP}: oui{NNBSP}! «{NBSP}Bien{NBSP}»" in fr
    assert f"Où{NNBSP}?" in fr  # the table of contents too
    assert not re.search(r"\S [;:?!]", fr)
    nl = parse(site.out / "nl" / "extra" / "index.html").text
    assert "De BIO: ja! “Goed” en “ook”." in nl  # Dutch: no French spaces, one quote style


# --- the project's site -----------------------------------------------------------------------

DUTCH_PAGE_FORBIDDEN = re.compile(
    r"actiris\.brussels/fr/|//(?:www\.)?onem\.be|//(?:www\.)?capac\.fgov\.be|"
    r"hvw-capac\.fgov\.be/(?!nl/)|1819\.brussels/(?!nl/)"
)


def french_links(real_site: Path) -> list[str]:
    """Every href of a built Dutch page that points to a French page of Actiris, RVA, HVW, 1819."""
    found = []
    for path in sorted((real_site / "nl").rglob("*.html")):
        for a in parse(path).find("a"):
            if DUTCH_PAGE_FORBIDDEN.search(a.get("href", "")):
                found.append(f"{path.relative_to(real_site)}: {a['href']}")
    return found


def test_no_dutch_page_links_a_french_page(real_site: Path) -> None:
    assert french_links(real_site) == []
    # ... and the Dutch pages do link the Dutch ones.
    hrefs = {
        a.get("href", "") for p in (real_site / "nl").rglob("*.html") for a in parse(p).find("a")
    }
    for expected in (
        "actiris.brussels/nl/",
        "rva.be/nl/",
        "hvw-capac.fgov.be/nl/",
        "1819.brussels/nl/",
    ):
        assert any(expected in h for h in hrefs), expected


def test_the_dutch_link_check_can_fail(tmp_path: Path) -> None:
    (tmp_path / "nl").mkdir()
    (tmp_path / "nl" / "index.html").write_text(
        '<a href="https://www.onem.be/documentation">RVA</a>'
        '<a href="https://www.rva.be/nl/documentatie/infoblad/t58">RVA</a>',
        encoding="utf-8",
    )
    assert french_links(tmp_path) == ["nl/index.html: https://www.onem.be/documentation"]


def test_french_pages_have_french_typography(real_site: Path) -> None:
    bad = []
    for path in sorted(real_site.rglob("*.html")):
        relative = path.relative_to(real_site).as_posix()
        if relative.startswith(("nl/", "assets/")):
            continue
        text = parse(path).text
        for match in re.finditer(r"\S[ \u00a0][;?!]|\S[ \u202f]:|«[^\u00a0]|[^\u00a0]»", text):
            bad.append(f"{relative}: {text[max(0, match.start() - 20) : match.end() + 5]!r}")
    assert bad == []
