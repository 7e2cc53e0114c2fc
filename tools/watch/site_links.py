"""The links of the built pages: every ``<a href>`` of every HTML page under ``site/``.

The runtime's folder (``assets/``) holds no page. Relative links are the site's own and stay
with MkDocs' own check (``--strict``) and LinkChecker in the watch workflow.
"""

from __future__ import annotations

from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.hrefs.append(href)


def page_links(page_html: str) -> list[str]:
    parser = _Links()
    parser.feed(page_html)
    parser.close()
    return parser.hrefs


def built_page_links(site: Path) -> Iterator[tuple[str, str]]:
    """(page, href) for every absolute http(s) link, ``page`` as the site's path of the page."""
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site)
        if relative.parts[0] == "assets":
            continue
        page = relative.as_posix().removesuffix("index.html") or "/"
        for href in page_links(path.read_text("utf-8", "replace")):
            if href.startswith(("http://", "https://")):
                yield f"site: {page}", href
