"""The built site the trust tests look at: built once per session, pages found in the folder."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from tests.build_languages import LANGUAGES as BUILD_LANGUAGES
from tests.build_languages import language_of
from tests.trust.server import ROOT

LANGUAGES = BUILD_LANGUAGES  # the build's; the default, first, is at the root
# Not pages of the guide: the Pyodide runtime and theme assets hold no HTML we publish.
NOT_PAGES = ("assets/",)


@dataclass(frozen=True)
class SitePage:
    path: str  # URL path, e.g. "/nl/conditions/"
    lang: str

    @property
    def is_calculator(self) -> bool:
        return self.path.rstrip("/").endswith("calculateur")


def build_site(target: Path) -> Path:
    """`mkdocs build --strict` into target, or the folder named by CIP_SITE_DIR if set."""
    given = os.environ.get("CIP_SITE_DIR")
    if given:
        return Path(given)
    if not (ROOT / "build" / "runtime" / "manifest.json").exists():
        raise RuntimeError("the Pyodide runtime is not bundled: run `make runtime` first")
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(target)],
        cwd=ROOT,
        check=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    return target


def site_pages(site: Path) -> list[SitePage]:
    """Every HTML page of the built site, as URL paths, with its language."""
    pages = []
    for file in sorted(site.rglob("*.html")):
        relative = file.relative_to(site).as_posix()
        if relative.startswith(NOT_PAGES):
            continue
        path = "/" + relative.removesuffix("index.html")
        lang = language_of(path)
        pages.append(SitePage(path, lang))
    return pages


def sitemap_paths(site: Path) -> list[str]:
    """The URL paths listed in sitemap.xml (site_url's host dropped)."""
    text = (site / "sitemap.xml").read_text(encoding="utf-8")
    return [re.sub(r"^https?://[^/]+", "", loc) for loc in re.findall(r"<loc>([^<]+)</loc>", text)]
