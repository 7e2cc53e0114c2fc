"""Dated legal parameters read from ``cip_core/parameters/*.toml``.

Shape borrowed from OpenFisca: each value applies from its date onward, carries its reference and
certainty, and each file says on which day someone last searched the sources for a change
(``last_value_still_valid_on``). A value may be announced for a later day (``forecast``: an
expected index step, with the forecast's source).

A value's ``reference`` is the page that states it; ``reference_lang`` says that page's language,
and ``reference_<lang>`` (``reference_fr``, ``reference_nl``…) gives the same figure on a page in
another language, so a reader is sent to their own language where a source has one
(``cip_core.sources.reference_in``). Both are optional: a value with one ``reference`` stays valid.

Every reader names the day it reads a value for (``Parameter.at``, ``value_at``): there is no
"newest value", so a row added for 2027 can never change an answer about 2025.

The public pages that state these figures are watched every month: their extractors (pattern,
unit, date) are ``tools/watch/extractors.toml``, outside this package, which never reads them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from cip_core._data import load_toml

STATED = "stated"
INFERRED = "inferred"
UNKNOWN = "unknown"  # an announced change whose amount no source states: a low/high range
CERTAINTIES = (STATED, INFERRED, UNKNOWN)


@dataclass(frozen=True)
class DatedValue:
    """One value of a parameter, in force from ``start`` until the next value's start."""

    start: date
    data: dict[str, Any]
    certainty: str
    reference: str
    reference_title: str
    note: str
    reasoning: str = ""
    also: tuple[str, ...] = ()
    secondary: bool = False
    # An expected change (an index step the Federal Planning Bureau forecasts), not a known one:
    # always certainty "unknown", with the forecast's source.
    forecast: bool = False
    # The page stating this value in each language known ({"fr": url, "nl": url}), ``reference``
    # included under its ``reference_lang``; empty when no language is given.
    references: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Parameter:
    name: str
    unit: str
    last_value_still_valid_on: date
    values: tuple[DatedValue, ...]
    raw: dict[str, Any]

    @property
    def first_date(self) -> date:
        return self.values[0].start

    def at(self, day: date) -> DatedValue:
        """The value in force on ``day``; ``LookupError`` before the first known value."""
        found: DatedValue | None = None
        for value in self.values:
            if value.start <= day:
                found = value
            else:
                break
        if found is None:
            raise LookupError(f"{self.name}: no value before {self.first_date.isoformat()}")
        return found


_parameters: dict[str, Parameter] = {}


def parameter(name: str) -> Parameter:
    """The parameter read from ``parameters/<name>.toml`` (parsed once, then cached)."""
    if name not in _parameters:
        _parameters[name] = _read(name)
    return _parameters[name]


def value_at(name: str, day: date) -> DatedValue:
    """The dated value of parameter ``name`` in force on ``day``."""
    return parameter(name).at(day)


def _read(name: str) -> Parameter:
    raw = load_toml("parameters", name)
    values = []
    for entry in raw["values"]:
        data = {k: v for k, v in entry.items() if k not in _META_KEYS and not _REFERENCE_IN(k)}
        values.append(
            DatedValue(
                start=entry["from"],
                data=data,
                certainty=entry.get("certainty", raw.get("certainty", STATED)),
                reference=entry["reference"],
                reference_title=entry.get("reference_title", ""),
                note=entry.get("note", ""),
                reasoning=entry.get("reasoning", ""),
                also=tuple(entry.get("also", ())),
                secondary=bool(entry.get("secondary", False)),
                forecast=bool(entry.get("forecast", False)),
                references=_references(entry),
            )
        )
    values.sort(key=lambda v: v.start)
    return Parameter(
        name=raw["name"],
        unit=raw["unit"],
        last_value_still_valid_on=raw["last_value_still_valid_on"],
        values=tuple(values),
        raw=raw,
    )


# reference_fr, reference_nl…: the same figure on a page in that language.
_REFERENCE_IN = re.compile(r"^reference_([a-z]{2})$").match


def _references(entry: dict[str, Any]) -> dict[str, str]:
    found = {m[1]: str(v) for k, v in entry.items() if (m := _REFERENCE_IN(k))}
    if "reference_lang" in entry:
        found.setdefault(str(entry["reference_lang"]), str(entry["reference"]))
    return found


_META_KEYS = frozenset(
    {
        "from",
        "certainty",
        "reference",
        "reference_lang",
        "reference_title",
        "note",
        "reasoning",
        "also",
        "secondary",
        "forecast",
        "page_not_found",
    }
)
