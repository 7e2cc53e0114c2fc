"""The project's site as built by `mkdocs build --strict`: both languages, page for page, the
seed's links, the core's figures, and nothing fetched from another origin."""

from __future__ import annotations

import json
import re
from datetime import date
from decimal import Decimal
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from cip_core.checked import checked_on
from cip_core.formatting import format_date, format_money, to_cents
from cip_core.parameters import parameter, value_at
from tests.site.built_site import (
    LANGUAGES,
    PAGES,
    ROOT,
    file_of,
    parse,
    seed_urls,
    url_of,
)

BASE = "http://site.test"


def _top(data: dict[str, object]) -> object:
    # The amount, or the top of the range when only a range is known (cip_core.parameters).
    return data.get("amount", data.get("high"))


def all_pages() -> list[tuple[str, str]]:
    return [(page, lang) for page in PAGES for lang in LANGUAGES]


def resolve(url: str, href: str) -> str:
    """The site path an href of the page at ``url`` points to."""
    return urlsplit(urljoin(BASE + url, href)).path


def test_the_docs_hold_the_agreed_pages_in_both_languages() -> None:
    for lang in LANGUAGES:
        written = {
            p.relative_to(ROOT / "docs" / lang).as_posix()
            for p in (ROOT / "docs" / lang).rglob("*.md")
        }
        assert set(PAGES) <= written, f"docs/{lang}/ lacks {sorted(set(PAGES) - written)}"


@pytest.mark.parametrize(("page", "lang"), all_pages())
def test_each_page_exists_with_its_language(real_site: Path, page: str, lang: str) -> None:
    path = file_of(real_site, url_of(page, lang))
    assert path.is_file(), f"{page} ({lang}) was not built: {path} is missing"
    html = parse(path)
    (root,) = html.find("html")
    assert root.get("lang") == lang


@pytest.mark.parametrize(("page", "lang"), all_pages())
def test_language_switch_and_hreflang_point_to_the_counterpart(
    real_site: Path, page: str, lang: str
) -> None:
    url = url_of(page, lang)
    html = parse(file_of(real_site, url))
    for target_lang in LANGUAGES:
        expected = url_of(page, target_lang)
        switch = [
            a
            for a in html.find("a", hreflang=target_lang)
            if "md-select__link" in a.get("class", "")
        ]
        assert switch, f"{url}: no language switch link to {target_lang}"
        assert {resolve(url, a["href"]) for a in switch} == {expected}, (
            f"{url}: switch to {target_lang}"
        )
        # No head alternates: Material would fetch <target>/sitemap.xml for each (404s);
        # the page-to-page alternates are in sitemap.xml (next test).
        assert not html.find("link", rel="alternate", hreflang=target_lang), url


def test_sitemap_lists_every_page_with_its_alternates(real_site: Path) -> None:
    sitemap = (real_site / "sitemap.xml").read_text(encoding="utf-8")
    entries = re.findall(r"<url>(.*?)</url>", sitemap, re.DOTALL)
    alternates: dict[str, dict[str, str]] = {}
    for entry in entries:
        (loc,) = re.findall(r"<loc>([^<]+)</loc>", entry)
        links = re.findall(r'hreflang="([a-z]+)" href="([^"]+)"', entry)
        alternates[urlsplit(loc).path] = {lang: urlsplit(href).path for lang, href in links}
    for page, lang in all_pages():
        url = url_of(page, lang)
        assert url in alternates, f"sitemap.xml lacks {url}"
        expected = {other: url_of(page, other) for other in LANGUAGES}
        assert alternates[url] == expected, f"sitemap.xml alternates of {url}"


def test_search_index_covers_both_languages(real_site: Path) -> None:
    index = json.loads((real_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert set(index["config"]["lang"]) >= set(LANGUAGES)
    locations = [doc["location"] for doc in index["docs"]]
    for page in PAGES:
        for lang in LANGUAGES:
            assert url_of(page, lang).lstrip("/") in locations, (page, lang)


def test_the_seed_urls_are_all_there() -> None:
    urls = seed_urls()
    full = (
        "https://www.bruxellesformation.brussels/je-renforce-mon-equipe/proposer-un-stage/"
        "convention-immersion-professionnelle/"
    )
    assert full in urls  # the URL the sheet split over two lines, joined again
    assert not [u for u in urls if u.endswith("conventio")]
    assert len(urls) >= 10


@pytest.mark.parametrize("url", seed_urls())
def test_every_seed_url_appears_in_the_french_site(real_site: Path, url: str) -> None:
    # The site links the seed's http:// addresses over https (#9): either form counts.
    wanted = {url, url.replace("http://", "https://", 1)}
    for path in sorted(real_site.rglob("*.html")):
        relative = path.relative_to(real_site).as_posix()
        if relative.startswith(("nl/", "en/", "assets/")):
            continue
        html = parse(path)
        if any(a.get("href") in wanted for a in html.find("a")):
            return
    pytest.fail(f"no link to {url} in the French pages")


def allowance_text(real_site: Path, lang: str) -> str:
    return parse(file_of(real_site, url_of("indemnite.md", lang))).text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_allowance_page_figures_equal_the_core(real_site: Path, lang: str) -> None:
    text = allowance_text(real_site, lang)
    rmmg = parameter("rmmg")
    sheet = value_at("rmmg", date(2021, 9, 1))
    # The newest row (the history's first), today's row (the page's "today") and the sheet's.
    for value in (rmmg.values[-1], value_at("rmmg", date.today()), sheet):
        amount = Decimal(_top(value.data))
        assert format_money(amount, lang) in text, f"RMMG {amount} missing ({lang})"
        assert format_money(to_cents(amount / 2), lang) in text, f"minimum of {amount} ({lang})"
    assert format_date(rmmg.values[-1].start, lang) in text
    # The day the sources behind today's minimum were last checked ({{cip sources_checked}}).
    assert format_date(checked_on(), lang) in text
    # The seed's own figure, written out for the languages whose typography we know by heart.
    seed_minimum = {"fr": "829,10\u00a0€", "nl": "€\u00a0829,10", "en": "€829.10"}
    assert seed_minimum.get(lang, format_money(Decimal("829.10"), lang)) in text
    assert "{{" not in text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_allowance_page_has_the_history_table(real_site: Path, lang: str) -> None:
    text = allowance_text(real_site, lang)
    for value in parameter("rmmg").values:
        assert format_date(value.start, lang) in text
        assert format_money(Decimal(_top(value.data)), lang) in text


def test_no_marker_is_left_anywhere(real_site: Path) -> None:
    left = [
        p.relative_to(real_site).as_posix()
        for p in real_site.rglob("*.html")
        if "{{cip" in p.read_text(encoding="utf-8")
    ]
    assert left == []


def test_glossary_tooltips_in_every_language(real_site: Path) -> None:
    for lang in LANGUAGES:
        glossary = (ROOT / "includes" / f"abbreviations.{lang}.md").read_text(encoding="utf-8")
        words = "|".join(re.escape(w) for w in re.findall(r"^\*\[([^\]]+)\]:", glossary, re.M))
        raw = file_of(real_site, url_of("index.md", lang)).read_text(encoding="utf-8")
        assert re.search(rf'<abbr title="[^"]+">(?:{words})</abbr>', raw), f"no tooltip ({lang})"


# Elements that make a browser fetch something, and the attributes holding the address.
FETCHING = {
    "script": ("src",),
    "link": ("href",),
    "img": ("src", "srcset"),
    "iframe": ("src",),
    "source": ("src", "srcset"),
    "video": ("src", "poster"),
    "audio": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "track": ("src",),
}
# <link> relations that are addresses, not fetches (search engines read them).
NOT_FETCHED = {"canonical", "alternate"}


def foreign(address: str) -> bool:
    return bool(re.match(r"^\s*(?:[a-z][a-z0-9+.-]*:)?//", address, re.IGNORECASE)) and not (
        address.strip().lower().startswith(("data:",))
    )


def foreign_fetches(real_site: Path) -> list[str]:
    """Every address in the built HTML and CSS that a browser would fetch from another origin."""
    found = []
    for path in sorted(real_site.rglob("*.html")):
        html = parse(path)
        for tag, attrs in html.tags:
            if tag == "link" and set(attrs.get("rel", "").split()) & NOT_FETCHED:
                continue
            for name in FETCHING.get(tag, ()):
                for address in attrs.get(name, "").split(","):
                    if foreign(address.strip().split(" ")[0]):
                        found.append(f"{path.relative_to(real_site)}: <{tag} {name}={address!r}>")
        style = path.read_text(encoding="utf-8")
        for address in re.findall(r"url\(\s*['\"]?([^'\")]+)", style):
            if foreign(address):
                found.append(f"{path.relative_to(real_site)}: url({address})")
    for css in sorted(real_site.rglob("*.css")):
        text = css.read_text(encoding="utf-8", errors="replace")
        for address in re.findall(r"url\(\s*['\"]?([^'\")]+)|@import\s+['\"]([^'\"]+)", text):
            target = address[0] or address[1]
            if foreign(target):
                found.append(f"{css.relative_to(real_site)}: {target}")
    return found


def test_nothing_is_fetched_from_another_origin(real_site: Path) -> None:
    assert foreign_fetches(real_site) == []


def test_the_foreign_origin_check_can_fail(tmp_path: Path) -> None:
    page = tmp_path / "index.html"
    page.write_text(
        '<html><head><link rel="stylesheet" href="https://fonts.googleapis.com/css">'
        '<link rel="canonical" href="https://example.org/"></head>'
        '<body><script src="//cdn.example/x.js"></script><img src="logo.png"></body></html>',
        encoding="utf-8",
    )
    found = "\n".join(foreign_fetches(tmp_path))
    assert "fonts.googleapis.com" in found
    assert "cdn.example" in found
    assert "example.org" not in found  # a canonical link is an address, not a fetch
    assert "logo.png" not in found


def test_every_external_link_uses_https(real_site: Path) -> None:
    plain = sorted(
        {
            a.get("href")
            for path in real_site.rglob("*.html")
            if not path.relative_to(real_site).as_posix().startswith("assets/")
            for a in parse(path).find("a")
            if str(a.get("href") or "").startswith("http://")
            and not str(a.get("href")).startswith("http://127.0.0.1")
        }
    )
    assert plain == []
