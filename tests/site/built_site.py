"""The project's real site, built once per test session into a temp folder, and an HTML reader.

Choice: the fixture builds with the same command as `make build` (`mkdocs build --strict` in a
subprocess, from the project's mkdocs.yml). The cip-runtime plugin needs build/runtime/; under
`make test` (which runs `make build`, hence `make runtime`) it exists. When it is missing (pytest
run on its own on a fresh clone), the fixture runs `python -m tools.bundle_runtime` first — the
very step `make runtime` runs — so the tests never depend on what ran before them.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from tests.build_languages import LANGUAGES as BUILD_LANGUAGES

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT.parent / "shared" / "seed" / "fiche-cip-bruxelles-formation.txt"
LANGUAGES = BUILD_LANGUAGES  # the build's, the default first
# The pages of the shared agreement (docs/fr, docs/nl and docs/en hold the same file names).
PAGES = (
    "index.md",
    "conditions.md",
    "indemnite.md",
    "activites-exclues.md",
    "avant-le-stage.md",
    "allocations.md",
    "informations.md",
    "autres-formules.md",
    "calculateur.md",
)
TIMINGS: dict[str, float] = {}


def build_real_site(target: Path) -> Path:
    if not (ROOT / "build" / "runtime" / "manifest.json").exists():
        subprocess.run([sys.executable, "-m", "tools.bundle_runtime"], cwd=ROOT, check=True)
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(target)],
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
    )
    TIMINGS["real site build (s)"] = time.perf_counter() - started
    if done.returncode != 0:
        raise AssertionError(f"mkdocs build --strict failed:\n{done.stdout}\n{done.stderr}")
    return target


def url_of(page: str, lang: str) -> str:
    """``conditions.md`` -> ``/conditions/`` (French, the default) or ``/nl/conditions/``."""
    stem = page.removesuffix(".md")
    path = "" if stem == "index" else f"{stem}/"
    return f"/{path}" if lang == LANGUAGES[0] else f"/{lang}/{path}"


def file_of(site: Path, url: str) -> Path:
    return site / url.lstrip("/") / "index.html"


@dataclass
class Html(HTMLParser):
    """What the tests look at in one page: tags with attributes, and the visible text."""

    tags: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    text_parts: list[str] = field(default_factory=list)
    _skip: int = 0

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))
        if tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.text_parts.append(data)

    @property
    def text(self) -> str:
        return "".join(self.text_parts)

    def find(self, tag: str, **wanted: str) -> list[dict[str, str]]:
        return [
            attrs
            for name, attrs in self.tags
            if name == tag and all(attrs.get(k.rstrip("_")) == v for k, v in wanted.items())
        ]


def parse(path: Path) -> Html:
    page = Html()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    return page


def seed_urls() -> list[str]:
    """Every URL of the seed; a URL broken over two lines there is joined again."""
    text = SEED.read_text(encoding="utf-8")
    # The sheet's PDF export cut one URL at the line end ("conventio\nn-immersion…").
    text = re.sub(r"(https?://\S+)\n(?!https?://|mailto:)(\S+/)(?=\s)", r"\1\2", text)
    urls = re.findall(r"(?:https?://|mailto:)[^\s<>\"]+", text)
    return sorted({u.rstrip(".,;)") for u in urls})
