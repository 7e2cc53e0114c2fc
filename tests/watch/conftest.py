"""A small project (data files and extractors) whose every address is on the test server."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from tests.watch.server import Server, recorded_site, refused_address
from tools.watch.extract import Extractor, load_extractors
from tools.watch.fetch import Policy
from tools.watch.run import Settings

# The watch's day in these tests: after the April 2026 step, so "today" holds a range.
TODAY = date(2026, 12, 1)
FAST = Policy(
    user_agent="cip-guide-watch/1 (+https://example.org/cip-guide; test)",
    timeout=0.5,
    attempts=2,
    backoff=0.05,
    pause=0.0,
)


@dataclass
class Project:
    root: Path
    server: Server
    refused: str
    extractors_file: Path

    def url(self, path: str) -> str:
        return self.server.base + path

    def extractors(self) -> list[Extractor]:
        return load_extractors(self.extractors_file)

    def settings(self, policy: Policy = FAST) -> Settings:
        return Settings(root=self.root, site=None, today=TODAY, policy=policy)


def extractor(id: str, url: str, quantity: str, pattern: str, **extra: str) -> str:
    lines = [
        "[[figure]]",
        f'id = "{id}"',
        f'url = "{url}"',
        'parameter = "rmmg"',
        f'quantity = "{quantity}"',
        'unit = "EUR/month"',
        f"pattern = '{pattern}'",
        *(f"{key} = {value}" for key, value in extra.items()),
    ]
    return "\n".join(lines) + "\n\n"


ACTIRIS = r"21 jaar oud\s*=\s*€\s*(?P<amount>\d[\d.\s]*,\d{2}) volgens het barema van mei 2024"
SECUREX = (
    r"Au moins 20 ans et au moins 12 mois d.ancienneté dans l.entreprise (?P<amount>\d[\d.]*,\d{2})"
)
ANY_AMOUNT = r"(?P<amount>\d[\d.]*,\d{2})"


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    with recorded_site() as server:
        refused = refused_address()
        base = server.base
        data = tmp_path / "cip_core" / "data"
        data.mkdir(parents=True)
        (data / "sources.toml").write_text(
            "[urls.moved]\n"
            f'fr = "{base}/old-address"\n'
            f'nl = "{base}/no-final-slash"\n'
            "[urls.gone]\n"
            f'fr = "{base}/gone"\n'
            f'nl = "{base}/removed"\n'
            "[urls.broken]\n"
            f'fr = "{base}/broken"\n'
            f'nl = "{base}/slow#section"\n'
            "[urls.down]\n"
            f'fr = "{refused}"\n',
            "utf-8",
        )
        (data / "bodies.toml").write_text(
            f'[forem]\nurl = "mailto:cip@forem.be"\ncontact = "cip@forem.be"\n'
            f'source = "{base}/actiris/nl/werkgevers/beroepsinlevingsstage/"\n',
            "utf-8",
        )
        extractors = tmp_path / "extractors.toml"
        extractors.write_text(
            extractor(
                "unchanged-actiris",
                f"{base}/actiris/nl/werkgevers/beroepsinlevingsstage/",
                "half",
                ACTIRIS,
                as_of="2024-05-01",
                tolerance="0.10",
            )
            + extractor("changed-securex", f"{base}/securex/rmmg-national", "full", SECUREX)
            # Pages that give no answer: whatever their pattern, never "changed".
            + extractor("refused", refused, "full", ANY_AMOUNT)
            + extractor("timed-out", f"{base}/slow", "full", ANY_AMOUNT)
            + extractor("server-error", f"{base}/broken", "full", ANY_AMOUNT),
            "utf-8",
        )
        yield Project(tmp_path, server, refused, extractors)
