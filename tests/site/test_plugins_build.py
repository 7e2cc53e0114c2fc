"""The MkDocs adapters on tiny bilingual sites built into tmp_path: each safety net fails a
deliberately broken site, with the file and line, and passes the good one."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from cip_core.formatting import format_money, to_cents
from cip_core.parameters import parameter, value_at
from tests.site.fixture_site import CONFIG, GOOD_PAGES, Site, make_site


def _top(data: dict[str, object]) -> object:
    # The amount, or the top of the range when only a range is known (cip_core.parameters).
    return data.get("amount", data.get("high"))


@pytest.fixture
def site(tmp_path: Path) -> Site:
    return make_site(tmp_path)


@pytest.fixture
def figures_site(tmp_path: Path) -> Site:
    """Without cip-parity, which would otherwise stop a one-language change first."""
    return make_site(tmp_path, config=CONFIG.replace("  - cip-parity\n", ""))


def text_of(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


def test_good_site_builds(site: Site) -> None:
    assert site.build(), site.errors
    for path in ("index.html", "indemnite/index.html", "nl/index.html", "nl/indemnite/index.html"):
        assert (site.out / path).is_file(), path


@pytest.mark.parametrize(("lang", "prefix"), [("fr", ""), ("nl", "nl/")])
def test_figures_come_out_in_each_language(site: Site, lang: str, prefix: str) -> None:
    assert site.build(), site.errors
    page = text_of(site.html(f"{prefix}indemnite/index.html"))
    sheet_day = value_at("rmmg", date(2021, 9, 1))
    sheet_rmmg = Decimal(sheet_day.data["amount"])
    newest = Decimal(_top(parameter("rmmg").values[-1].data))  # the history's first row
    assert format_money(sheet_rmmg, lang) in page
    assert format_money(to_cents(sheet_rmmg / 2), lang) in page
    assert format_money(newest, lang) in page
    assert "{{" not in page
    # The seed's own figure, in each language's typography.
    assert ("829,10\u00a0€" if lang == "fr" else "€\u00a0829,10") in page


def test_glossary_becomes_tooltips_in_each_language(site: Site) -> None:
    assert site.build(), site.errors
    assert '<abbr title="Convention d\'immersion professionnelle">CIP</abbr>' in site.html(
        "index.html"
    )
    assert '<abbr title="Beroepsinlevingsovereenkomst">BIO</abbr>' in site.html("nl/index.html")
    assert "*[CIP]" not in site.html("index.html")


def test_unknown_marker_fails_with_file_and_line(figures_site: Site) -> None:
    fr, _ = GOOD_PAGES["indemnite.md"]
    figures_site.page("fr", "indemnite.md", fr.replace("{{cip rmmg_since}}", "{{cip rmmg_depuis}}"))
    assert not figures_site.build()
    message = "\n".join(figures_site.errors)
    # Line 10 of the file: the 3 lines of front matter are counted.
    assert "docs/fr/indemnite.md:10: unknown figure marker {{cip rmmg_depuis}}" in message
    assert "rmmg_since" in message  # the hint lists the valid names


def test_bad_date_fails_with_file_and_line(figures_site: Site) -> None:
    _, nl = GOOD_PAGES["indemnite.md"]
    figures_site.page("nl", "indemnite.md", nl.replace("at=2021-09-01}}. De", "at=2021-9-1}}. De"))
    assert not figures_site.build()
    assert "docs/nl/indemnite.md:8: {{cip rmmg at=2021-9-1}}: bad date at=2021-9-1" in (
        "\n".join(figures_site.errors)
    )


@pytest.mark.parametrize("typed", ["829,10 €", "€ 1.658,19", "1 658,19€", "1658.19 EUR", "EUR 900"])
def test_hand_typed_amount_fails_with_file_and_line(figures_site: Site, typed: str) -> None:
    fr, _ = GOOD_PAGES["index.md"]
    figures_site.page("fr", "index.md", fr.replace("{{cip minimum_allowance}}", typed))
    assert not figures_site.build()
    message = "\n".join(figures_site.errors)
    assert f"docs/fr/index.md:3: euro amount typed by hand: {typed!r}" in message
    assert "{{cip" in message


def test_missing_counterpart_fails(site: Site) -> None:
    site.page("fr", "conditions.md", "# Conditions\n")
    assert not site.build()
    message = "\n".join(site.errors)
    assert "docs/nl/conditions.md is missing: docs/fr/conditions.md has no Dutch counterpart" in (
        message
    )


def test_heading_mismatch_fails(site: Site) -> None:
    _, nl = GOOD_PAGES["indemnite.md"]
    site.page("nl", "indemnite.md", nl.replace("## Geschiedenis", "### Geschiedenis"))
    assert not site.build()
    message = "\n".join(site.errors)
    assert "headings differ" in message
    assert "docs/fr/indemnite.md:" in message and "docs/nl/indemnite.md:" in message


def test_marker_mismatch_fails(site: Site) -> None:
    _, nl = GOOD_PAGES["indemnite.md"]
    site.page("nl", "indemnite.md", nl.replace(" sinds {{cip rmmg_since}}", ""))
    assert not site.build()
    message = "\n".join(site.errors)
    assert "figure markers differ" in message
    assert "docs/fr/indemnite.md:10 has {{cip rmmg_since}}" in message


def test_broken_internal_link_fails_under_strict(site: Site) -> None:
    fr, _ = GOOD_PAGES["index.md"]
    site.page("fr", "index.md", fr.replace("(indemnite.md)", "(indemnites.md)"))
    assert not site.build()
    assert any("indemnites.md" in e for e in site.errors)


def test_missing_glossary_fails_clearly(tmp_path: Path) -> None:
    site = make_site(tmp_path, glossary=False)
    assert not site.build()
    assert any("glossary file missing" in e and "abbreviations.fr.md" in e for e in site.errors)


def test_disabled_plugins_do_nothing(tmp_path: Path) -> None:
    config = CONFIG.replace("  - cip-figures\n  - cip-parity\n", "").rstrip() + (
        "\n  - cip-figures:\n      enabled: false\n  - cip-parity:\n      enabled: false\n"
    )
    site = make_site(tmp_path, config=config, glossary=False)
    site.page("fr", "seul.md", "# Seul {{cip inconnu}} 12 €\n")
    site.page("nl", "alleen.md", "# Alleen\n")
    assert site.build(), site.errors
    assert "{{cip inconnu}}" in site.html("seul/index.html")


def test_parity_runs_once_per_build_and_builds_are_repeatable(site: Site) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(site.root / "mkdocs.yml"), site_dir=str(site.out))
    build(config)
    first = site.html("nl/indemnite/index.html")
    assert config.plugins["cip-parity"].runs == 1  # not once per language
    build(config)
    assert config.plugins["cip-parity"].runs == 2
    assert site.html("nl/indemnite/index.html") == first


def test_project_config_keeps_strict_and_our_plugins() -> None:
    import yaml

    root = Path(__file__).resolve().parents[2]
    config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    assert config.get("strict") == "true", "mkdocs.yml must keep `strict: true` (broken links)"
    names = [p if isinstance(p, str) else next(iter(p)) for p in config["plugins"]]
    assert names.index("i18n") < names.index("cip-figures") < names.index("cip-parity")
