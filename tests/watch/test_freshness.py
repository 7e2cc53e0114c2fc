"""When each figure was last checked (issue 17, part 3): the date in cip_core, in the checker's
answer and on the pages, and the build's warning when it is more than 90 days old."""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from mkdocs import utils
from mkdocs.commands.build import build
from mkdocs.config import load_config

from cip_core import evaluate, parameters, parse_case
from cip_core.checked import STALE_AFTER_DAYS, allowance_checked_on, checked_on, overdue
from cip_core.formatting import format_date
from cip_core.messages import LANGUAGES
from cip_core.parameters import parameter
from site_plugins.figures.markers import render_figures
from site_plugins.freshness.warning import warn_if_stale

RMMG_CHECKED = parameter("rmmg").last_value_still_valid_on
STALE_DAY = RMMG_CHECKED + timedelta(days=STALE_AFTER_DAYS + 1)


def test_a_figure_is_as_fresh_as_its_stalest_parameter(monkeypatch: pytest.MonkeyPatch) -> None:
    dates = {name: parameter(name).last_value_still_valid_on for name in ("rmmg", "limits")}
    assert checked_on() == min(dates.values())
    older = date(2025, 1, 31)
    stale_scale = replace(parameter("age_scale"), last_value_still_valid_on=older)
    monkeypatch.setitem(parameters._parameters, "age_scale", stale_scale)
    assert allowance_checked_on(Decimal(76)) == older  # under 18: the scale was read
    assert allowance_checked_on(None) == older  # no percentage known: the scale was read
    assert allowance_checked_on(Decimal(100)) == checked_on()  # 18 and over: it was not


def test_the_answer_carries_the_check_date() -> None:
    case = {
        "workplace_region": "brussels", "language": "fr", "start_date": "2026-05-04",
        "weekly_hours": "38", "age": "25", "monthly_allowance": "1200",
    }  # fmt: skip
    allowance = evaluate(parse_case(case, "fr"), "fr", today=date(2026, 11, 27)).to_dict()[
        "allowance"
    ]
    assert allowance["checked_on"] == checked_on().isoformat()
    young = {**case, "age": "16"}
    answer = evaluate(parse_case(young, "fr"), "fr", today=date(2026, 11, 27)).to_dict()
    assert answer["allowance"]["checked_on"] == allowance_checked_on(Decimal(70)).isoformat()


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("fr", "dernière vérification des sources\u00a0: "),
        ("nl", "bronnen laatst nagekeken op "),
        ("en", "sources last checked: "),
    ],
)
def test_the_pages_say_when_the_sources_were_last_checked(lang: str, words: str) -> None:
    assert lang in LANGUAGES
    shown = render_figures("({{cip sources_checked}})", lang)
    assert shown == f"({words}{format_date(checked_on(), lang)})"
    root = Path(__file__).resolve().parents[2] / "docs" / lang
    for page in ("index.md", "indemnite.md"):
        lines = (root / page).read_text("utf-8").splitlines()
        line = next(line for line in lines if "minimum_today" in line)
        assert "{{cip minimum_today}} ({{cip sources_checked}})" in line, f"{lang}/{page}"


def test_overdue_names_each_file_checked_more_than_90_days_ago() -> None:
    on_the_day = overdue(RMMG_CHECKED + timedelta(days=STALE_AFTER_DAYS))
    assert "rmmg" not in {item.name for item in on_the_day}  # 90 days is not "more than 90"
    late = {item.name: item for item in overdue(STALE_DAY)}
    assert late["rmmg"].days == STALE_AFTER_DAYS + 1
    assert late["rmmg"].path == "cip_core/parameters/rmmg.toml"


SITE = """\
site_name: Fixture
site_url: http://127.0.0.1:8000/
docs_dir: docs
strict: true
theme:
  name: material
  font: false
plugins:
  - cip-freshness:
      today: "{today}"
"""


def _build(tmp_path: Path, today: date) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Accueil\n", "utf-8")
    (tmp_path / "mkdocs.yml").write_text(SITE.format(today=today.isoformat()), "utf-8")
    config = load_config(str(tmp_path / "mkdocs.yml"), site_dir=str(tmp_path / "out"))
    counter = utils.CountHandler()
    counter.setLevel(logging.WARNING)
    logging.getLogger("mkdocs").addHandler(counter)  # what --strict counts
    try:
        config.plugins.on_startup(command="build", dirty=False)
        build(config)
        assert counter.get_counts() == []  # nothing --strict would fail on
    finally:
        logging.getLogger("mkdocs").removeHandler(counter)


def test_a_stale_check_date_warns_and_the_strict_build_still_passes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    _build(tmp_path, STALE_DAY)
    assert (tmp_path / "out" / "index.html").is_file()
    err = capsys.readouterr().err
    expected = (
        f"WARNING -  cip-freshness: cip_core/parameters/rmmg.toml: the sources were last checked "
        f"on {RMMG_CHECKED.isoformat()}, {STALE_AFTER_DAYS + 1} days ago (more than 90)."
    )
    assert expected in err and err.count("cip_core/parameters/rmmg.toml") == 1


def test_a_recent_check_date_says_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _build(tmp_path, RMMG_CHECKED + timedelta(days=1))
    assert "cip-freshness" not in capsys.readouterr().err


def test_on_github_the_warning_is_an_annotation(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    warn_if_stale(STALE_DAY)
    out = capsys.readouterr().out
    assert out.startswith("::warning title=Sources not checked for 90 days::cip-freshness: ")
