"""The marker tables of CONTRIBUTING.md and site_plugins/README.md, written from the registry.

    python -m site_plugins.figures.table --write    (after registering or changing a marker)
    python -m site_plugins.figures.table            (exit 1 when a table is out of date)

The table sits between two HTML comments in each file; everything else in them is left alone.
Examples are rendered in every catalogue's language, from markers whose output does not depend
on the day, so a new RMMG value does not change the table (a test checks both files).
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from cip_core.messages import LANGUAGES
from site_plugins.figures.markers import render_figures
from site_plugins.figures.registry import MarkerSpec
from site_plugins.figures.values import MARKERS

ROOT = Path(__file__).resolve().parents[2]
FILES = (ROOT / "CONTRIBUTING.md", ROOT / "site_plugins" / "README.md")
BEGIN = (
    "<!-- figure markers: written by `python -m site_plugins.figures.table --write` from "
    "site_plugins/figures/values.py; edit there -->"
)
END = "<!-- end of the figure markers -->"


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _example(spec: MarkerSpec, today: date) -> str:
    if spec.example is None:
        return ""
    marker = "{{cip " + spec.example + "}}"
    shown = " · ".join(f"`{render_figures(marker, lang, today=today)}`" for lang in LANGUAGES)
    return f"`{marker}` → {shown}"


def marker_table(today: date | None = None) -> str:
    """The Markdown table of every registered marker (``today``: only to show it does not
    matter, the examples are chosen so)."""
    day = today or date.today()
    rows = [
        f"| Marker | Arguments | Prints | Example ({' · '.join(LANGUAGES)}) | From cip_core |",
        "| --- | --- | --- | --- | --- |",
    ]
    for spec in MARKERS:
        args = ", ".join(f"`{name}=`" for name in spec.args)
        prints = spec.prints + (" (alone on its line)" if spec.alone_on_line else "")
        cells = (f"`{{{{cip {spec.name}}}}}`", args, prints, _example(spec, day), spec.core)
        rows.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    return "\n".join(rows)


def with_table(text: str, table: str, where: str) -> str:
    """``text`` with the part between BEGIN and END replaced by ``table``."""
    start, end = text.find(BEGIN), text.find(END)
    if start < 0 or end < start:
        raise ValueError(f"{where}: the marker table's comments are missing ({BEGIN} … {END})")
    return f"{text[: start + len(BEGIN)]}\n\n{table}\n\n{text[end:]}"


def stale(files: tuple[Path, ...] = FILES) -> list[Path]:
    """The files whose table differs from the registry's."""
    table = marker_table()
    return [
        p for p in files if with_table(p.read_text("utf-8"), table, str(p)) != p.read_text("utf-8")
    ]


def main(argv: list[str]) -> int:
    if "--write" in argv:
        table = marker_table()
        for path in FILES:
            path.write_text(with_table(path.read_text("utf-8"), table, str(path)), "utf-8")
        return 0
    out_of_date = stale()
    for path in out_of_date:
        print(f"{path.relative_to(ROOT)}: the marker table is out of date; run "
              "python -m site_plugins.figures.table --write", file=sys.stderr)  # fmt: skip
    return 1 if out_of_date else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
