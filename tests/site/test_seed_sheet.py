"""Nothing of the seed sheet is lost: each of its sections has its pages in every language, and
the French page still carries the section (tests/data/seed_sheet.toml says which page holds it)."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from tests.site.built_site import LANGUAGES, PAGES, file_of, seed_sections, url_of

SECTIONS = seed_sections()


def test_the_sheet_has_its_sections_in_order() -> None:
    titles = [section["title"] for section in SECTIONS]
    assert titles[0] == "Qu'est-ce que la CIP ?" and titles[-1].startswith("Des formules")
    assert len(titles) == len(set(titles)) >= 7


@pytest.mark.parametrize("section", SECTIONS, ids=[s["title"] for s in SECTIONS])
def test_each_section_has_its_pages_in_every_language(
    real_site: Path, section: dict[str, Any]
) -> None:
    for page in section["pages"]:
        assert page in PAGES, f"{page} is not one of the guide's agreed pages"
        for lang in LANGUAGES:
            built = file_of(real_site, url_of(page, lang))
            assert built.is_file(), f"{section['title']!r}: {page} ({lang}) was not built"


@pytest.mark.parametrize("section", SECTIONS, ids=[s["title"] for s in SECTIONS])
def test_the_french_page_carries_the_section(real_site: Path, section: dict[str, Any]) -> None:
    path = file_of(real_site, url_of(section["pages"][0], "fr"))
    titles = h1_titles(path.read_text("utf-8"))
    assert section["heading"] in titles, f"{path}: {titles}"


class _H1(HTMLParser):
    """The text of each h1, without its permalink sign; no-break spaces read as spaces."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.titles: list[str] = []
        self._depth = 0  # inside an h1 (> 0) and inside its permalink (> 1)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "h1":
            self._depth = 1
            self.titles.append("")
        elif self._depth and tag == "a" and ("class", "headerlink") in attrs:
            self._depth = 2

    def handle_endtag(self, tag: str) -> None:
        if tag == "h1":
            self._depth = 0
            self.titles[-1] = " ".join(self.titles[-1].split())
        elif tag == "a" and self._depth == 2:
            self._depth = 1

    def handle_data(self, data: str) -> None:
        if self._depth == 1:
            self.titles[-1] += data


def h1_titles(html: str) -> list[str]:
    parser = _H1()
    parser.feed(html)
    parser.close()
    return parser.titles
