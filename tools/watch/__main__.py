"""``python -m tools.watch`` (``make watch``): the monthly watch of every source the guide cites.

Writes one Markdown report (``--report``, default build/watch-report.md) and prints it.
Exit status: 0 when nothing needs an editor (unchanged, or only unreachable pages), 1 when a
figure changed or a page moved, 2 for a mistake in the extractors file or the options.
"""

from __future__ import annotations

import argparse
import sys
import traceback
from datetime import date
from pathlib import Path

from tools.watch.extract import ExtractorError, load_extractors
from tools.watch.report import render
from tools.watch.run import Settings, default_policy, watch

ROOT = Path(__file__).resolve().parents[2]
EXTRACTORS = Path(__file__).resolve().parent / "extractors.toml"


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date: {text!r} (write YYYY-MM-DD)") from None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.watch", description=__doc__)
    parser.add_argument("--today", type=_day, default=date.today(), help="compare at this date")
    parser.add_argument("--root", type=Path, default=ROOT, help="the project's folder")
    parser.add_argument("--site", type=Path, default=None, help="the built site (root/site)")
    parser.add_argument("--extractors", type=Path, default=EXTRACTORS)
    parser.add_argument("--report", type=Path, default=ROOT / "build" / "watch-report.md")
    parser.add_argument("--timeout", type=float, default=20.0, help="seconds per request")
    parser.add_argument("--debug", action="store_true", help="show a traceback on failure")
    options = parser.parse_args(argv)
    try:
        extractors = load_extractors(options.extractors)
        settings = Settings(
            root=options.root,
            site=options.site or options.root / "site",
            today=options.today,
            policy=default_policy(options.timeout),
        )
        outcome = watch(settings, extractors)
        text = render(outcome)
        options.report.parent.mkdir(parents=True, exist_ok=True)
        options.report.write_text(text, "utf-8")
    except ExtractorError as error:
        print(f"watch: {error}", file=sys.stderr)
        return 2
    except Exception as error:  # never a traceback for an editor; --debug shows it
        if options.debug:
            traceback.print_exc()
        print(f"watch: failed: {type(error).__name__}: {error} (--debug)", file=sys.stderr)
        return 2
    print(text)
    print(f"watch: report written to {options.report}", file=sys.stderr)
    return 1 if outcome.needs_review else 0


if __name__ == "__main__":
    sys.exit(main())
