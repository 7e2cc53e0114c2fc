"""The figure pages (home, indemnité) print the current minimum from the calculator's function."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from cip_core import evaluate, parse_case
from cip_core.messages import LANGUAGES, lookup
from cip_core.parameters import parameter
from site_plugins.figures.markers import render_figures

DOCS = Path(__file__).resolve().parents[2] / "docs"
ADULT_FULL_TIME = {
    "workplace_region": "brussels",
    "language": "fr",
    "age": "30",
    "weekly_hours": "38",
}


def _days() -> list[date]:
    # One day on a stated value, one on the newest (range) row: taken from the parameter file.
    values = parameter("rmmg").values
    stated = next(v.start for v in reversed(values) if v.certainty == "stated")
    return [stated, values[-1].start]


@pytest.mark.parametrize("day", _days())
@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page", ["index.md", "indemnite.md"])
def test_page_prints_the_calculators_minimum_for_today(lang: str, page: str, day: date) -> None:
    answer = evaluate(parse_case(ADULT_FULL_TIME, lang), lang, today=day).to_dict()
    allowance = answer["allowance"]
    assert allowance["for_date"] == day.isoformat() and "start_date" in answer["missing"]
    today_figure = render_figures("{{cip minimum_today}}", lang, today=day)
    assert allowance["display"]["minimum"] in today_figure
    assert allowance["display"]["low"] in today_figure
    hedge = str(lookup(lang, "figures", "to_confirm")).replace("{amount}", "")
    assert hedge.strip(", ") and (hedge in today_figure) == (
        answer["allowance"]["certainty"] == "to_confirm"
    )
    markdown = (DOCS / lang / page).read_text("utf-8")
    assert today_figure in render_figures(markdown, lang, today=day), page
