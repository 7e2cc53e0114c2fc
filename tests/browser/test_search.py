"""Search finds the guide's own words, in the page's language only, for every language of the build
(issues 11 and 21): typed with real key presses, a code with digits (DV5), a word with or
without its accents, a compound by its last part. The words come from the built site's index,
so a new language is tested as it is added."""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from playwright.sync_api import Browser, Page

from cip_core.messages import lookup
from tests.browser.conftest import new_watched_page
from tests.browser.site_server import SiteServer
from tests.build_languages import LANGUAGES, language_of, prefix

RESULTS = ".md-search-result__link"
META = ".md-search-result__meta"


def fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


@pytest.fixture(scope="module")
def page_words(site_dir: Path) -> dict[str, Counter[str]]:
    """The words of each page (its URL path), as the site's search index holds them."""
    index = json.loads((site_dir / "search" / "search_index.json").read_text("utf-8"))
    found: dict[str, Counter[str]] = {}
    for doc in index["docs"]:
        text = re.sub(r"<[^>]+>", " ", f"{doc['title']} {doc['text']}")
        path = "/" + doc["location"].split("#")[0]
        found.setdefault(path, Counter()).update(w.lower() for w in re.findall(r"[^\W\d_]+", text))
    return found


@pytest.fixture(scope="module")
def words(page_words: dict[str, Counter[str]]) -> dict[str, Counter[str]]:
    """The words of each language's pages."""
    found: dict[str, Counter[str]] = {lang: Counter() for lang in LANGUAGES}
    for path, counted in page_words.items():
        found[language_of(path)].update(counted)
    return found


def own_words(words: dict[str, Counter[str]], lang: str, count: int = 1) -> list[str]:
    """``lang``'s most frequent long words that no other language's pages use."""
    others = set().union(*(set(c) for code, c in words.items() if code != lang))
    return [w for w, _ in words[lang].most_common() if len(w) >= 7 and w not in others][:count]


@pytest.fixture(scope="module")
def search_page(chromium_browser: Browser, site_server: SiteServer) -> Iterator[Page]:
    page, _ = new_watched_page(chromium_browser, site_server.origin)
    yield page
    page.context.close()


def press_keys(page: Page, text: str) -> None:
    """Types ``text`` key by key, with the keydown and keyup a keyboard sends (Material searches on
    keyup). Playwright's own typing inserts a letter it has no key for, such as "é", without
    key events: those go to Chromium as the key events of a keyboard that has the letter."""
    session = page.context.new_cdp_session(page)
    try:
        for char in text:
            if char.isascii():
                page.keyboard.press(char)
            else:
                key = {"key": char, "text": char, "unmodifiedText": char}
                session.send("Input.dispatchKeyEvent", {"type": "keyDown", **key})
                session.send("Input.dispatchKeyEvent", {"type": "keyUp", "key": char})
            page.wait_for_timeout(20)
    finally:
        session.detach()


def search(page: Page, home: str, query: str) -> list[str]:
    """The paths of the pages the search box lists for ``query``, typed key by key on the home
    page ``home`` (an address), read once Material has answered and the list stops changing.
    The home page is opened once per language: Material builds its index at each load."""
    box = page.locator("input.md-search__input")
    reused = page.url == home
    if not reused:
        page.goto(home)
    translations = json.loads(page.text_content("#__config") or "{}")["translations"]
    box.click()
    if reused:
        # The page is open and its index built: empty the box (as a reader would, key events
        # included) and wait for Material to drop the last results before typing.
        page.keyboard.press("ControlOrMeta+A")
        page.keyboard.press("Backspace")
        page.wait_for_function(
            "([sel, text]) => (document.querySelector(sel)?.textContent || '').trim() === text",
            arg=[META, translations["search.result.placeholder"]],
        )
    answered = re.compile(
        "|".join(
            re.escape(translations[key]).replace("\\#", r"\d+")
            for key in ("search.result.none", "search.result.one", "search.result.other")
        )
    )
    press_keys(page, query)
    reads: list[tuple[str, list[str]]] = []
    for _ in range(80):
        page.wait_for_timeout(200)
        meta = (page.text_content(META) or "").strip()
        links = page.eval_on_selector_all(RESULTS, "as => as.map(a => a.getAttribute('href'))")
        reads.append((meta, links))
        if answered.fullmatch(meta) and reads[-3:] == [reads[-1]] * 3:
            break
    else:
        raise AssertionError(f"search for {query!r} on {home} did not settle: {reads[-1]}")
    return sorted({urlsplit(urljoin(page.url, href)).path for href in reads[-1][1]})


def found(page: Page, site_server: SiteServer, lang: str, query: str) -> list[str]:
    return search(page, f"{site_server.origin}/{prefix(lang)}", query)


@pytest.mark.parametrize("lang", LANGUAGES, scope="module")
def test_a_code_with_digits_is_found(search_page: Page, site_server: SiteServer, lang: str) -> None:
    result = found(search_page, site_server, lang, "DV5")
    assert f"/{prefix(lang)}avant-le-stage/" in result
    assert f"/{prefix(lang)}allocations/" in result


@pytest.mark.parametrize("lang", LANGUAGES, scope="module")
def test_results_stay_in_the_pages_language(
    search_page: Page, site_server: SiteServer, words: dict[str, Counter[str]], lang: str
) -> None:
    # English pages loaded the French index: "allowance" on / listed English pages.
    own = own_words(words, lang)
    others = [w for code in LANGUAGES if code != lang for w in own_words(words, code)]
    for query in ("DV5", *own, *others):
        result = found(search_page, site_server, lang, query)
        assert [p for p in result if language_of(p) != lang] == [], (query, result)
        if query in ("DV5", *own):
            assert result, query


@pytest.mark.parametrize("lang", LANGUAGES, scope="module")
def test_a_word_finds_the_same_pages_with_or_without_its_accents(
    search_page: Page, site_server: SiteServer, words: dict[str, Counter[str]], lang: str
) -> None:
    # "indemnité" on / gave "Aucun document trouvé" while "indemnite" found three pages.
    accented = [w for w, _ in words[lang].most_common() if fold(w) != w and len(w) >= 6][:2]
    assert accented, f"no accented word on the {lang} pages to try"
    for word in accented:
        with_accents = found(search_page, site_server, lang, word)
        assert with_accents, word
        assert all(language_of(p) == lang for p in with_accents), (word, with_accents)
        assert found(search_page, site_server, lang, fold(word)) == with_accents, word


def compound(page_words: dict[str, Counter[str]], lang: str) -> tuple[str, str, str]:
    """A page, a long word of it and that word's last part, a word of other pages of the language
    but not of this one: only the split (as the worker does it) can find the page by the part."""
    pages = {path: words for path, words in page_words.items() if language_of(path) == lang}
    vocabulary = {fold(w) for words in pages.values() for w in words if len(w) >= 5}
    for path, words in sorted(pages.items()):
        own = {fold(w) for w in words}
        for word in sorted(own):
            # The worker's split: the longest ending, after at least 3 letters, that is a word.
            tails = [word[i:] for i in range(3, len(word) - 4) if word[i:] in vocabulary]
            if len(word) >= 8 and tails and tails[0] not in own:
                return path, word, tails[0]
    raise AssertionError(f"no compound on the {lang} pages to try")


@pytest.mark.parametrize(
    "lang", [lang for lang in LANGUAGES if lookup(lang, "search", "split_compounds")]
)
def test_a_compound_is_found_by_its_last_part(
    search_page: Page, site_server: SiteServer, page_words: dict[str, Counter[str]], lang: str
) -> None:
    # "vergoeding" finds the page that says only "stagevergoeding".
    path, word, tail = compound(page_words, lang)
    assert path in found(search_page, site_server, lang, tail), (path, word, tail)
