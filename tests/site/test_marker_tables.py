"""The marker tables of CONTRIBUTING.md and site_plugins/README.md are the registry's (issue 19)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from site_plugins.figures.registry import Registry
from site_plugins.figures.table import BEGIN, END, FILES, marker_table, stale, with_table
from site_plugins.figures.values import MARKERS


def test_both_tables_are_the_registrys() -> None:
    assert stale() == [], "run python -m site_plugins.figures.table --write"
    for path in FILES:
        text = path.read_text("utf-8")
        table = text[text.index(BEGIN) : text.index(END)]
        for spec in MARKERS:  # minimum_today and rmmg_2021_history were in neither
            assert f"| `{{{{cip {spec.name}}}}}` |" in table, (path.name, spec.name)


def test_a_table_edited_by_hand_is_found(tmp_path: Path) -> None:
    copy = tmp_path / "CONTRIBUTING.md"
    text = FILES[0].read_text("utf-8")
    copy.write_text(
        text.replace("| `{{cip minimum_today}}` |", "| `{{cip minimum_now}}` |"), "utf-8"
    )
    assert stale((copy,)) == [copy]
    copy.write_text(with_table(copy.read_text("utf-8"), marker_table(), "copy"), "utf-8")
    assert stale((copy,)) == []


def test_a_file_without_the_comments_is_refused() -> None:
    with pytest.raises(ValueError, match="comments are missing"):
        with_table("# Nothing here\n", marker_table(), "README.md")


def test_the_examples_do_not_depend_on_the_day() -> None:
    # An RMMG update or a build on another day leaves the tables as they are.
    assert marker_table(date(2022, 1, 1)) == marker_table(date(2031, 6, 30))


def test_a_marker_is_registered_once() -> None:
    registry = Registry()
    registry.register("x", core="f", prints="x")(lambda args, lang: "")
    with pytest.raises(ValueError, match="registered twice"):
        registry.register("x", core="g", prints="y")(lambda args, lang: "")
