"""The warning of the ``cip-freshness`` plugin: which parameter files were last checked more
than 90 days ago (the dates and the rule are cip_core.checked's), said on standard error.

It warns, it does not fail: ``--strict`` turns every warning of MkDocs' own loggers
(``mkdocs.*``) into a failure, and a stale check date is work for an editor, not a broken site.
So the warning goes through a logger of its own, outside ``mkdocs.*``, written to standard error
in MkDocs' "WARNING -" shape; under GitHub Actions it is also a workflow annotation, shown on
the run's page. Neither ``-q`` nor ``--strict`` hides or escalates it.
"""

from __future__ import annotations

import logging
import os
import sys
from datetime import date

from cip_core.checked import STALE_AFTER_DAYS, overdue

log = logging.getLogger("cip_freshness")  # not under "mkdocs": --strict does not count it
log.propagate = False


class _Stderr(logging.Handler):
    """Writes to the current ``sys.stderr`` (looked up at each line, as pytest swaps it)."""

    def emit(self, record: logging.LogRecord) -> None:
        sys.stderr.write(self.format(record) + "\n")


def _to_stderr() -> None:
    """Give the logger its one handler (once: the plugin may run in several builds)."""
    if not any(isinstance(h, _Stderr) for h in log.handlers):
        handler = _Stderr()
        handler.setFormatter(logging.Formatter("WARNING -  %(message)s"))
        log.addHandler(handler)
        log.setLevel(logging.WARNING)


def stale_messages(today: date) -> list[str]:
    """One sentence per parameter file whose sources were checked too long ago."""
    return [
        f"cip-freshness: {item.path}: the sources were last checked on "
        f"{item.checked.isoformat()}, {item.days} days ago (more than {STALE_AFTER_DAYS}). "
        "Search them for a change (or read the monthly watch's issue), then move "
        "last_value_still_valid_on (CONTRIBUTING.md)."
        for item in overdue(today)
    ]


def warn_if_stale(today: date) -> list[str]:
    messages = stale_messages(today)
    _to_stderr()
    for message in messages:
        log.warning(message)
        if os.environ.get("GITHUB_ACTIONS") == "true":
            print(f"::warning title=Sources not checked for {STALE_AFTER_DAYS} days::{message}")
    return messages
