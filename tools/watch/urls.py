"""Every address the project cites, with where it is cited.

- the parameter files (``cip_core/parameters/*.toml``: each value's ``reference`` and ``also``,
  the file's ``official_reference``), read as plain TOML so any new address field counts too;
- ``cip_core/data/sources.toml`` and ``cip_core/data/bodies.toml``;
- the pages pointed at by the figure extractors (``tools/watch/extractors.toml``);
- the links of the built pages (``site/``), or, when the site is not built, the addresses written
  in the Markdown pages and in ``mkdocs.yml``.

Only http(s) addresses of other sites count: ``mailto:``, the site's own pages and the loopback
addresses of a local build are not sources.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urldefrag, urlsplit

from tools.watch.site_links import built_page_links

PARAMETERS = Path("cip_core") / "parameters"
DATA_FILES = (Path("cip_core") / "data" / "sources.toml", Path("cip_core") / "data" / "bodies.toml")
LOOPBACK = ("127.0.0.1", "localhost", "::1", "0.0.0.0")
# An address in Markdown or YAML ends at a space, a bracket, a quote or a closing parenthesis.
WRITTEN_URL = re.compile(r"https?://[^\s<>\[\]()\"'`]+")

# Kinds, in the order the report counts them.
KINDS = ("parameter", "source", "body", "extractor", "site", "docs")
PAGE_KINDS = ("site", "docs")  # links read from the pages, where the site's own address appears


@dataclass
class Cited:
    """An address and every place that cites it (``kind``, human-readable ``where``)."""

    url: str
    places: list[tuple[str, str]] = field(default_factory=list)

    @property
    def kinds(self) -> list[str]:
        return sorted({kind for kind, _ in self.places}, key=KINDS.index)


@dataclass
class Collection:
    cited: dict[str, Cited] = field(default_factory=dict)
    site_read: str = ""  # "site/" or "docs/ (site not built)": where the pages' links came from

    def add(self, url: str, kind: str, where: str) -> None:
        address = urldefrag(url.strip())[0]
        if not is_web_address(address):
            return
        if kind in PAGE_KINDS and urlsplit(address).hostname in LOOPBACK:
            return  # a local build's own address (site_url's default), not a source
        entry = self.cited.setdefault(address, Cited(address))
        if (kind, where) not in entry.places:
            entry.places.append((kind, where))

    def count_by_kind(self) -> dict[str, int]:
        """How many distinct addresses each kind of place cites (an address may count twice)."""
        return {
            kind: sum(1 for c in self.cited.values() if kind in c.kinds)
            for kind in KINDS
            if any(kind in c.kinds for c in self.cited.values())
        }


def is_web_address(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def collect(root: Path, site: Path | None, extractor_urls: Iterable[tuple[str, str]]) -> Collection:
    """Every cited address under the project at ``root`` (``site``: the built site, if any)."""
    found = Collection()
    for path in sorted((root / PARAMETERS).glob("*.toml")):  # not parameters/*/ (no values)
        for where, url in _toml_urls(path):
            found.add(url, "parameter", f"{path.relative_to(root)} {where}")
    for relative in DATA_FILES:
        if not (root / relative).is_file():
            continue
        kind = "source" if relative.name == "sources.toml" else "body"
        for where, url in _toml_urls(root / relative):
            found.add(url, kind, f"{relative} {where}")
    for name, url in extractor_urls:
        found.add(url, "extractor", f"tools/watch/extractors.toml [{name}]")
    if site is not None and (site / "index.html").is_file():
        found.site_read = f"{site.name}/ (the built pages)"
        own = _own_origin(site)
        for page, url in built_page_links(site):
            if own and url.startswith(own):
                continue
            found.add(url, "site", page)
    else:
        found.site_read = "docs/ and mkdocs.yml (the site is not built: run make build first)"
        for path in [*sorted((root / "docs").rglob("*.md")), root / "mkdocs.yml"]:
            if path.is_file():
                for url in WRITTEN_URL.findall(path.read_text("utf-8")):
                    found.add(url.rstrip(".,;:"), "docs", str(path.relative_to(root)))
    return found


def _toml_urls(path: Path) -> Iterator[tuple[str, str]]:
    """(where, address) for every http(s) string in a TOML file, ``where`` naming its key."""
    data = tomllib.loads(path.read_text("utf-8"))
    yield from _walk(data, "")


def _walk(node: Any, where: str) -> Iterator[tuple[str, str]]:
    if isinstance(node, str):
        if node.startswith(("http://", "https://")):
            yield where.strip(". "), node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _walk(value, f"{where}.{key}" if where else f"[{key}]")
    elif isinstance(node, list):
        for index, item in enumerate(node):
            label = f"from {item['from']}" if isinstance(item, dict) and "from" in item else index
            yield from _walk(item, f"{where}[{label}]")


def _own_origin(site: Path) -> str:
    """The site's own address, from the canonical link of its home page ("" if none)."""
    home = (site / "index.html").read_text("utf-8", "replace")
    found = re.search(r'<link rel="canonical" href="([^"]+)"', home)
    return found.group(1) if found else ""
