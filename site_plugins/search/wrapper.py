"""Search that finds the sheet's own words: per-language results, accents ignored, codes with
digits (DV5), Dutch compounds. Plain functions; the MkDocs plugin (plugin.py) calls them.

Material's search worker is kept; each page's ``__config`` points to a small wrapper
(``cip-search.js?lang=<lang>``, from worker.js) that filters the shared index to the page's
language and adapts lunr's pipeline before Material builds its index in the browser.
"""

from __future__ import annotations

import re
from pathlib import Path

WORKERS = Path("assets") / "javascripts" / "workers"
WRAPPER = "cip-search.js"
TEMPLATE = Path(__file__).with_name("worker.js")
PLACEHOLDER = "__MATERIAL_WORKER__"
# In Material's <script id="__config">: "search": "<relative path>/search.<hash>.min.js"
_CONFIG_SEARCH = re.compile(r'("search":\s*")([^"]*?)(search\.[0-9a-f]+\.min\.js)(")')


class SearchWorkerMissingError(Exception):
    """Material's search worker is not where the wrapper expects it."""


def point_to_wrapper(html: str, lang: str) -> str:
    """``html`` whose Material config loads the wrapper for ``lang`` instead of the worker."""
    return _CONFIG_SEARCH.sub(lambda m: f"{m[1]}{m[2]}{WRAPPER}?lang={lang}{m[4]}", html, count=1)


def write_wrapper(site_dir: Path) -> Path:
    """Writes ``assets/javascripts/workers/cip-search.js`` next to Material's worker."""
    folder = site_dir / WORKERS
    found = sorted(p.name for p in folder.glob("search.*.min.js")) if folder.is_dir() else []
    if len(found) != 1:
        raise SearchWorkerMissingError(
            f"expected one Material search worker in {folder}, found {found or 'none'}"
        )
    target = folder / WRAPPER
    text = TEMPLATE.read_text("utf-8").replace(PLACEHOLDER, found[0])
    if not target.is_file() or target.read_text("utf-8") != text:
        target.write_text(text, "utf-8")
    return target
