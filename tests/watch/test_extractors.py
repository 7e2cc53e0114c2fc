"""The shipped extractors (tools/watch/extractors.toml) against the recorded pages, and the
messages an editor gets for a mistake in that file."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from cip_core._data import toml_names
from tests.watch.conftest import TODAY
from tests.watch.server import PAGES
from tools.watch.__main__ import EXTRACTORS
from tools.watch.extract import (
    CHANGED,
    UNCHANGED,
    ExtractorError,
    check_figure,
    load_extractors,
    page_text,
    read_amount,
)

# Each shipped extractor, its recorded page and what the watch says of it on TODAY.
RECORDED = {
    "actiris-nl-employers": ("actiris-nl-werkgevers.html", "1035.20", UNCHANGED),
    "vdab-bis-requirements": ("vdab-bis-vereisten.html", "796.90", UNCHANGED),
    "vlaanderen-work-permits": ("vlaanderen-autorisations.html", "1879.13", UNCHANGED),
    "acerta-february-2025": ("acerta-fevrier-2025.html", "2111.89", UNCHANGED),
    "cultuurloket-bis": ("cultuurloket-bis.html", "1691.40", UNCHANGED),
    # A "current amounts" page last updated in July 2024, read at the end of 2026: changed.
    "securex-rmmg-current": ("securex-rmmg-national.html", "2070.48", CHANGED),
}


def test_every_shipped_extractor_reads_its_recorded_page() -> None:
    shipped = {e.id: e for e in load_extractors(EXTRACTORS)}
    assert set(shipped) == set(RECORDED)
    for name, (page, amount, verdict) in RECORDED.items():
        extractor = shipped[name]
        found = check_figure(extractor, (PAGES / page).read_text("utf-8"), extractor.url, TODAY)
        assert (found.found, found.verdict) == (Decimal(amount), verdict), name
        assert extractor.url in (PAGES / page).read_text("utf-8"), f"{page} names its address"


def test_a_rewritten_page_is_changed_not_read_elsewhere() -> None:
    extractor = next(e for e in load_extractors(EXTRACTORS) if e.id == "actiris-nl-employers")
    page = (PAGES / "actiris-nl-werkgevers.html").read_text("utf-8")
    # Actiris moves to a new scale: the pattern (which names the May 2024 scale) stops matching.
    rewritten = page.replace("barema van mei 2024", "barema van april 2026")
    found = check_figure(extractor, rewritten, extractor.url, TODAY)
    assert found.verdict == CHANGED and found.found is None
    # A figure outside the 10-cent rounding is changed too.
    moved = check_figure(extractor, page.replace("1035,20", "1035,40"), extractor.url, TODAY)
    assert moved.verdict == CHANGED and moved.found == Decimal("1035.40")


def test_a_figure_inside_a_held_range_is_unchanged() -> None:
    # From 2026-04-01 we hold a range for the RMMG: a page inside it is what we expect.
    securex = next(e for e in load_extractors(EXTRACTORS) if e.id == "securex-rmmg-current")
    page = (PAGES / "securex-rmmg-national.html").read_text("utf-8")
    held = check_figure(securex, page, securex.url, TODAY).held
    assert held.low < held.high
    inside = page.replace("2.070,48", f"{held.low + 1:.2f}".replace(".", ","))
    assert check_figure(securex, inside, securex.url, TODAY).verdict == UNCHANGED
    above = page.replace("2.070,48", "9.999,99")
    assert check_figure(securex, above, securex.url, TODAY).verdict == CHANGED


def test_text_of_a_page_skips_scripts_and_joins_spaces() -> None:
    text = page_text((PAGES / "actiris-nl-werkgevers.html").read_text("utf-8"))
    assert "1099,99" not in text  # inside <script>
    assert "> 21 jaar oud = €1035,20 volgens" in text  # &gt; and &nbsp; resolved


@pytest.mark.parametrize(
    ("written", "mark", "amount"),
    [
        ("2.111,89", ",", "2111.89"),
        ("1 035,20", ",", "1035.20"),
        ("1\u202f035,20\u00a0€", ",", "1035.20"),
        ("796.90", ".", "796.90"),
        ("2,111.89", ".", "2111.89"),
    ],
)
def test_amounts_as_pages_write_them(written: str, mark: str, amount: str) -> None:
    assert read_amount(written, mark) == Decimal(amount)


def _file(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "extractors.toml"
    path.write_text(body, "utf-8")
    return path


GOOD = """[[figure]]
id = "x"
url = "https://example.org/page"
parameter = "rmmg"
quantity = "half"
unit = "EUR/month"
pattern = '(?P<amount>\\d+,\\d{2})'
"""


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (('unit = "EUR/month"', 'unit = "EUR/hour"'), "unit 'EUR/hour', but rmmg is in"),
        (('parameter = "rmmg"', 'parameter = "rmmgg"'), "no parameter file"),
        (("(?P<amount>", "("), "needs a group (?P<amount>...)"),
        (('quantity = "half"', 'quantity = "third"'), "quantity must be one of full, half"),
        (("https://example.org/page", "ftp://example.org/page"), "url must be an http(s)"),
        (('id = "x"', 'id = "x"\nas_of = "May 2024"'), "as_of must be a date"),
    ],
)
def test_a_mistake_in_the_file_is_named(
    tmp_path: Path, change: tuple[str, str], message: str
) -> None:
    assert load_extractors(_file(tmp_path, GOOD))  # the good file loads
    with pytest.raises(ExtractorError) as raised:
        load_extractors(_file(tmp_path, GOOD.replace(*change)))
    assert message in str(raised.value) and "(x)" in str(raised.value)


def test_the_extractors_stay_out_of_the_core() -> None:
    # The core's loader lists only cip_core/parameters/*.toml: no extractor is a parameter.
    assert set(toml_names("parameters")).isdisjoint({e.id for e in load_extractors(EXTRACTORS)})
    assert not EXTRACTORS.is_relative_to(Path(__file__).resolve().parents[2] / "cip_core")
