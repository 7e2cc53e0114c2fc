"""The case (the checker's input) and ``parse_case``, the one parser behind all three doors.

Strings come in (a URL query, command-line flags, a JSON file, form fields); a typed, validated
``Case`` or an ``InputError`` with translated, per-field messages comes out. Each answer is read
by the reader of its question's kind (``cip_core.readers``). A ``Case`` built in Python goes
through the same checks once, in ``evaluate`` (``checked_case``); a parsed one is not read again.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from dataclasses import field as dataclass_field
from datetime import date
from decimal import Decimal
from types import MappingProxyType
from typing import Literal

from cip_core.errors import BadValue, FieldError, InputError, check_language, field_error
from cip_core.messages import DEFAULT_LANGUAGE, text
from cip_core.parameters import value_at
from cip_core.questions import QUESTION, QUESTIONS, is_asked, readers
from cip_core.readers import is_blank, strip_space

Region = Literal["brussels", "flanders", "wallonia", "german_community", "abroad"]
Workplace = Literal["brussels", "flanders", "wallonia", "german_community"]
TraineeLanguage = Literal["fr", "nl"]
Benefits = Literal["none", "unemployment", "insertion", "cpas"]


@dataclass(frozen=True)
class Case:
    """One planned stage. Every field is optional; ``None`` means "not answered".

    A question of the catalogue without a typed field here lands in ``extra`` (name -> parsed
    value), so a new question needs no edit of this class; rules read any question with
    ``case.answer(name)``. ``language`` is the trainee's (the application's), not the page's.
    """

    start_date: date | None = None
    duration_months: Decimal | None = None
    weekly_hours: Decimal | None = None
    full_time_hours: Decimal | None = None  # None: the default full-time week (38 h)
    age: int | None = None
    trainee_region: Region | None = None
    workplace_region: Workplace | None = None
    employer_seat_brussels: bool | None = None
    language: TraineeLanguage | None = None
    employment_contract: bool | None = None
    short_study_internship: bool | None = None
    diploma_curriculum: bool | None = None
    regulated_profession: bool | None = None
    monthly_allowance: Decimal | None = None
    jobseeker: bool | None = None
    benefits: Benefits | None = None
    non_eea: bool | None = None
    # Not hashed: a frozen Case stays hashable whatever the mapping is.
    extra: Mapping[str, object] = dataclass_field(default_factory=dict, hash=False)
    # Set by parse_case only: every answer was read by its question's reader. Not an argument,
    # so a Case built or changed (dataclasses.replace) in Python is checked again by evaluate.
    validated: bool = dataclass_field(default=False, init=False, compare=False, repr=False)

    def answer(self, name: str) -> object:
        """The parsed answer to catalogue question ``name``; ``None`` when not answered."""
        if name in TYPED_FIELDS:
            return getattr(self, name)
        if name not in QUESTION:
            raise KeyError(f"{name!r} is not a question of cip_core/questions.toml")
        return self.extra.get(name)


# The questions with a typed field on Case (the public contract), in the class's order.
TYPED_FIELDS: tuple[str, ...] = tuple(
    f.name for f in fields(Case) if f.name not in ("extra", "validated")
)
# Every question, typed first (today's order of "missing"), then the catalogue's others in its
# order: the parser, the command line's flags and "missing" all follow this list.
FIELD_NAMES: tuple[str, ...] = TYPED_FIELDS + tuple(
    q["name"] for q in QUESTIONS if q["name"] not in TYPED_FIELDS
)
_UNASKED = set(TYPED_FIELDS) - set(QUESTION)
if _UNASKED:  # a typed field the catalogue lacks would never be parsed: say so at import
    raise ValueError(f"cip_core/questions.toml: no [[question]] for {sorted(_UNASKED)}")


def parse_case(data: Mapping[str, object], lang: str = DEFAULT_LANGUAGE) -> Case:
    """Build a ``Case`` from raw values (strings, or lists of strings for repeated URL keys).

    Unknown keys are ignored (a URL may carry others); blank values mean "not answered".
    ``lang`` is the page's language: its messages, and how amounts are typed on it. Raises
    ``InputError`` listing every bad field, with messages in ``lang``.
    """
    lang = check_language(lang)
    if not isinstance(data, Mapping):
        message = text(lang, "errors", "wrong_type", field="case")
        raise InputError([FieldError("case", "wrong_type", message)], lang)
    values: dict[str, object] = {}
    errors: list[FieldError] = []
    for name in FIELD_NAMES:
        raw = data.get(name)
        if isinstance(raw, list | tuple):
            distinct = {strip_space(str(v)) for v in raw if not is_blank(v)}
            if len(distinct) > 1:
                errors.append(field_error(lang, name, BadValue("conflicting_values")))
                continue
            raw = next(iter(distinct)) if distinct else None
        if is_blank(raw):
            continue
        try:
            values[name] = readers(lang)[name].read(raw)
        except BadValue as bad:
            errors.append(field_error(lang, name, bad))
    errors.extend(_cross_field_errors(values, lang))
    if errors:
        raise InputError(errors, lang)
    typed = {name: value for name, value in values.items() if name in TYPED_FIELDS}
    extra = MappingProxyType({k: v for k, v in values.items() if k not in TYPED_FIELDS})
    # Each reader returns its field's type (the catalogue's kind, pinned by tests/core).
    case = Case(**typed, extra=extra)  # type: ignore[arg-type]
    object.__setattr__(case, "validated", True)
    return case


def _cross_field_errors(values: Mapping[str, object], lang: str) -> list[FieldError]:
    weekly = values.get("weekly_hours")
    start = values.get("start_date")
    day = start if isinstance(start, date) else None
    full_time = values.get("full_time_hours") or default_full_time_hours(day)
    if isinstance(weekly, Decimal) and isinstance(full_time, Decimal) and weekly > full_time:
        bad = BadValue("weekly_above_full_time", hours=weekly, full_time=full_time)
        return [field_error(lang, "weekly_hours", bad)]
    return []


def asked_fields(case: Case) -> tuple[str, ...]:
    """The questions asked for ``case`` (the others are hidden by their ``asked_if``)."""
    answers = {name: case.answer(name) for name in FIELD_NAMES}
    return tuple(name for name in FIELD_NAMES if is_asked(name, answers))


def default_full_time_hours(day: date | None = None) -> Decimal:
    """The full-time week assumed when none is given, read at ``day`` (today when none)."""
    limits = value_at("limits", day or date.today()).data
    value: Decimal = Decimal(limits["default_full_time_hours"])
    return value


def checked_case(case: object, lang: str = DEFAULT_LANGUAGE) -> Case:
    """``case`` itself when ``parse_case`` made it; else a Case built in Python, checked
    exactly as ``parse_case`` checks strings (``InputError`` in ``lang``)."""
    lang = check_language(lang)
    if not isinstance(case, Case) or not isinstance(case.extra, Mapping):
        raise InputError([field_error(lang, "case", BadValue("wrong_type"))], lang)
    if case.validated:
        return case
    # Keys of ``extra`` that are not questions are ignored, like unknown keys of a URL.
    return parse_case({name: case.answer(name) for name in FIELD_NAMES}, lang)
