"""MkDocs plugin ``cip-freshness``: the build warns when a figure's sources were last checked
more than 90 days ago (issue 17; the dates and the rule are cip_core.checked's).

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
from collections.abc import Callable
from datetime import date

from mkdocs.config import base, config_options
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin

from cip_core.checked import STALE_AFTER_DAYS, overdue

# The build's clock (tests replace it to set the day).
clock: Callable[[], date] = date.today

log = logging.getLogger("cip_freshness")  # not under "mkdocs": --strict does not count it
log.propagate = False


class _Stderr(logging.Handler):
    """Writes to the current ``sys.stderr`` (looked up at each line, as pytest swaps it)."""

    def emit(self, record: logging.LogRecord) -> None:
        sys.stderr.write(self.format(record) + "\n")


if not log.handlers:
    _handler = _Stderr()
    _handler.setFormatter(logging.Formatter("WARNING -  %(message)s"))
    log.addHandler(_handler)
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
    for message in messages:
        log.warning(message)
        if os.environ.get("GITHUB_ACTIONS") == "true":
            print(f"::warning title=Sources not checked for {STALE_AFTER_DAYS} days::{message}")
    return messages


class FreshnessConfig(base.Config):
    enabled = config_options.Type(bool, default=True)


class FreshnessPlugin(BasePlugin[FreshnessConfig]):
    def __init__(self) -> None:
        super().__init__()
        self._warned = False

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self._warned = False  # once per `mkdocs build` / `serve`, not once per language

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        # mkdocs-static-i18n runs the configuration once per language: say it once.
        if self.config.enabled and not self._warned:
            warn_if_stale(clock())
            self._warned = True
        return config
