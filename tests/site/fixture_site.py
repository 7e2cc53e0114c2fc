"""Tiny bilingual MkDocs sites written into a temp folder, built with our plugins in-process."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs import utils
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, PluginError

CONFIG = """\
site_name: Fixture
site_url: http://127.0.0.1:8000/
docs_dir: docs
strict: true
theme:
  name: material
  language: fr
  font: false
markdown_extensions:
  - abbr
  - tables
plugins:
  - i18n:
      docs_structure: folder
      languages:
        - locale: fr
          default: true
          name: Français
          build: true
        - locale: nl
          name: Nederlands
          build: true
  - cip-figures
  - cip-parity
"""

GOOD_PAGES = {
    "index.md": (
        "# Accueil\n\nLa CIP en bref. Minimum : {{cip minimum_allowance}}.\n\n"
        "[Indemnité](indemnite.md)\n",
        "# Start\n\nDe BIO in het kort. Minimum: {{cip minimum_allowance}}.\n\n"
        "[Vergoeding](indemnite.md)\n",
    ),
    "indemnite.md": (
        "---\ntitle: Indemnité\n---\n# Indemnité\n\n## Montant\n\n"
        "Au 01/09/2021, le RMMMG est de {{cip rmmg at=2021-09-01}}. Le montant minimal est donc "
        "de {{cip minimum_allowance at=2021-09-01}}/mois.\n\n"
        "Aujourd'hui : {{cip rmmg}} depuis le {{cip rmmg_since}}, vérifié jusqu'au "
        "{{cip rmmg_checked}}.\n\n## Historique\n\n{{cip rmmg_history}}\n",
        "---\ntitle: Vergoeding\n---\n# Stagevergoeding\n\n## Bedrag\n\n"
        "Op 01/09/2021 bedraagt het GGMMI {{cip rmmg at=2021-09-01}}. De minimale vergoeding is "
        "dus {{cip minimum_allowance at=2021-09-01}}/maand.\n\n"
        "Vandaag: {{cip rmmg}} sinds {{cip rmmg_since}}, nagekeken tot "
        "{{cip rmmg_checked}}.\n\n## Geschiedenis\n\n{{cip rmmg_history}}\n",
    ),
}

GLOSSARY = {
    "fr": (
        "*[CIP]: Convention d'immersion professionnelle\n"
        "*[RMMG]: Revenu minimum mensuel moyen garanti\n"
    ),
    "nl": (
        "*[BIO]: Beroepsinlevingsovereenkomst\n"
        "*[GGMMI]: Gewaarborgd gemiddeld minimum maandinkomen\n"
    ),
}


@dataclass
class Site:
    root: Path
    errors: list[str] = field(default_factory=list)

    @property
    def out(self) -> Path:
        return self.root / "site"

    def page(self, lang: str, name: str, text: str) -> None:
        path = self.root / "docs" / lang / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    def remove(self, lang: str, name: str) -> None:
        (self.root / "docs" / lang / name).unlink()

    def build(self) -> bool:
        """Build the site; False (and ``errors`` filled) when the build failed."""
        config = load_config(str(self.root / "mkdocs.yml"), site_dir=str(self.out))
        self.errors = []
        # mkdocs-static-i18n swaps utils.clean_directory during its nested builds and does not
        # put it back when one of them fails: restore it so later builds start clean.
        clean_directory = utils.clean_directory
        with _errors_logged(self.errors):
            try:
                build(config)
            except (Abort, PluginError) as error:
                self.errors.append(str(error))
                return False
            finally:
                utils.clean_directory = clean_directory
        return True

    def html(self, path: str) -> str:
        return (self.out / path).read_text(encoding="utf-8")


def make_site(root: Path, *, config: str = CONFIG, glossary: bool = True) -> Site:
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    site = Site(root)
    for name, (fr, nl) in GOOD_PAGES.items():
        site.page("fr", name, fr)
        site.page("nl", name, nl)
    if glossary:
        (root / "includes").mkdir()
        for lang, text in GLOSSARY.items():
            (root / "includes" / f"abbreviations.{lang}.md").write_text(text, encoding="utf-8")
    return site


@contextmanager
def _errors_logged(errors: list[str]) -> Iterator[None]:
    """Collect what MkDocs logs as errors and warnings (strict mode turns warnings into failure)."""

    class Collector(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            errors.append(record.getMessage())

    handler = Collector(level=logging.WARNING)
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        yield
    finally:
        logger.removeHandler(handler)
