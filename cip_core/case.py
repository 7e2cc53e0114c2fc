"""The case (the checker's input) and ``parse_case``, the one parser behind all three doors.

Strings come in (a URL query, command-line flags, a JSON file, form fields); a typed ``Case`` or an
``InputError`` with translated, per-field messages comes out. ``evaluate`` passes a ``Case`` built
in Python through the same checks, so no door can smuggle in a value the rules do not expect.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from dataclasses import field as dataclass_field
from datetime import date, datetime
from decimal import Decimal
from types import MappingProxyType
from typing import Any, Literal

from cip_core._data import load_toml
from cip_core.messages import DEFAULT_LANGUAGE, LANGUAGES, Money, field_label, lookup, text
from cip_core.numbers import NumberError, parse_amount, parse_hours, parse_months
from cip_core.parameters import parameter, value_at

Region = Literal["brussels", "flanders", "wallonia", "german_community", "abroad"]
Workplace = Literal["brussels", "flanders", "wallonia", "german_community"]
Language = Literal["fr", "nl"]
Benefits = Literal["none", "unemployment", "insertion", "cpas"]


TRUE_WORDS = frozenset({"yes", "true", "oui", "ja", "1", "on"})
FALSE_WORDS = frozenset({"no", "false", "non", "nee", "0", "off"})
MAX_TEXT = 200  # longer strings are rejected before any parsing
LAST_ACCEPTED_YEAR = 2100

# The one whitespace rule, shared with the page script (reading.js, from the page data): the Unicode
# White_Space characters. Not str.strip(), which also strips the separators \x1c-\x1f, nor JS
# trim(), which also strips U+FEFF: with either, "%1Cyes" could read one way in the form and
# another in the answer.
WHITESPACE = (
    "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
    "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)


def strip_space(value: str) -> str:
    """``value`` without leading and trailing White_Space (the page script strips the same)."""
    return value.strip(WHITESPACE)


def _load_questions() -> tuple[dict[str, Any], ...]:
    return tuple(load_toml(".", "questions")["question"])


QUESTIONS: tuple[dict[str, Any], ...] = _load_questions()
QUESTION = {q["name"]: q for q in QUESTIONS}


def choices_of(name: str) -> tuple[str, ...]:
    return tuple(QUESTION[name]["choices"])


TRAINEE_REGIONS = choices_of("trainee_region")
WORKPLACE_REGIONS = choices_of("workplace_region")
BENEFITS = choices_of("benefits")
AGE_RANGE = (int(QUESTION["age"]["min"]), int(QUESTION["age"]["max"]))


def is_asked(name: str, answers: Mapping[str, object]) -> bool:
    """Whether question ``name`` is asked, given the answers so far (its ``asked_if``)."""
    return condition_holds(QUESTION.get(name, {}).get("asked_if", {}), answers)


def condition_holds(condition: Mapping[str, list[str]], answers: Mapping[str, object]) -> bool:
    """Whether every field named by an ``asked_if`` condition has one of its listed values.

    ``answers`` maps field names to parsed values or to the strings a form sends; each is read
    as the core reads it (a yes/no answer is "yes" or "no", a choice its lower-case value), and
    one that is unanswered, unreadable or repeated with different values matches nothing. The
    page script (docs/assets/calculator/reading.js) reads alike; both are tested from
    tests/data/asked_if_cases.json.
    """
    return all(
        _condition_value(field, answers.get(field)) in accepted
        for field, accepted in condition.items()
    )


def _condition_value(field: str, value: object) -> str | None:
    if isinstance(value, list | tuple):  # repeated URL keys: one answer only if they agree
        distinct = {strip_space(str(v)) for v in value if not _is_blank(v)}
        value = distinct.pop() if len(distinct) == 1 else None
    if value is None:
        return None
    try:
        parsed = _PARSERS[DEFAULT_LANGUAGE][field](value)
    except _Bad:
        return None
    if isinstance(parsed, bool):
        return "yes" if parsed else "no"
    return str(parsed)


@dataclass(frozen=True)
class Case:
    """One planned stage. Every field is optional; ``None`` means "not answered".

    A question of the catalogue without a typed field here lands in ``extra`` (name -> parsed
    value), so a new question needs no edit of this class; rules read any question with
    ``case.answer(name)``.
    """

    start_date: date | None = None
    duration_months: Decimal | None = None
    weekly_hours: Decimal | None = None
    full_time_hours: Decimal | None = None  # None: the default full-time week (38 h)
    age: int | None = None
    trainee_region: Region | None = None
    workplace_region: Workplace | None = None
    employer_seat_brussels: bool | None = None
    language: Language | None = None
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

    def answer(self, name: str) -> object:
        """The parsed answer to catalogue question ``name``; ``None`` when not answered."""
        if name in TYPED_FIELDS:
            return getattr(self, name)
        if name not in QUESTION:
            raise KeyError(f"{name!r} is not a question of cip_core/questions.toml")
        return self.extra.get(name)


# The questions with a typed field on Case (the public contract), in the class's order.
TYPED_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Case) if f.name != "extra")
# Every question, typed first (today's order of "missing"), then the catalogue's others in its
# order: the parser, the command line's flags and "missing" all follow this list.
FIELD_NAMES: tuple[str, ...] = TYPED_FIELDS + tuple(
    q["name"] for q in QUESTIONS if q["name"] not in TYPED_FIELDS
)
_UNASKED = set(TYPED_FIELDS) - set(QUESTION)
if _UNASKED:  # a typed field the catalogue lacks would never be parsed: say so at import
    raise ValueError(f"cip_core/questions.toml: no [[question]] for {sorted(_UNASKED)}")


@dataclass(frozen=True)
class FieldError:
    """One bad value: the field, a code from the ``errors`` catalogue, and its sentence."""

    field: str
    code: str
    message: str

    def to_dict(self) -> dict[str, str]:
        return {"field": self.field, "code": self.code, "message": self.message}


class InputError(ValueError):
    """Bad input. ``errors`` lists every bad field; ``str()`` is one translated line."""

    def __init__(self, errors: list[FieldError], lang: str = DEFAULT_LANGUAGE) -> None:
        self.errors = errors
        self.lang = lang
        super().__init__(" ".join(e.message for e in errors))

    @property
    def message(self) -> str:
        return str(self)

    def to_dict(self) -> dict[str, Any]:
        return {"error": "input", "lang": self.lang, "errors": [e.to_dict() for e in self.errors]}


class _Bad(Exception):
    """Raised inside a field parser; carries the error code and its parameters."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


def escape_controls(text: str) -> str:
    """Control and format characters (ESC, BEL, bidi overrides…) written as visible escapes."""
    return "".join(
        f"\\u{ord(c):04x}" if unicodedata.category(c) in ("Cc", "Cf", "Cs") else c for c in text
    )


def _shown(value: object) -> str:
    # Echo at most 40 characters of what the reader typed, on one line.
    shown = escape_controls(" ".join(str(value).split()))
    return shown if len(shown) <= 40 else shown[:39] + "…"


def _text_value(value: object) -> str:
    if not isinstance(value, str):
        raise _Bad("wrong_type")
    if len(value) > MAX_TEXT:
        raise _Bad("too_long")
    return strip_space(value)


def _typed(read: Callable[[str, str], Decimal]) -> Callable[[str, str], Decimal]:
    """A reader of cip_core.numbers whose NumberError becomes the field's translated error."""

    def reader(value: str, lang: str) -> Decimal:
        try:
            return read(_text_value(value), lang)
        except NumberError as error:
            shown = {f"reading_{i}": Money(r) for i, r in enumerate(error.readings, start=1)}
            raise _Bad(error.code, value=_shown(value), **shown) from None

    return reader


def _amount_in(text: str, lang: str) -> Decimal:
    # The page language's catalogue says which mark means thousands ("1,100" in English).
    return parse_amount(text, str(lookup(lang, "format", "typed_thousands")))


# One reader per unit of the catalogue's decimal questions (cip_core.numbers reads them the way
# people type them: "1.100,50", "1100 €", "6 mois", "30 u"...), given the page's language.
UNIT_READERS: dict[str, Callable[[str, str], Decimal]] = {
    "eur": _typed(_amount_in),
    "months": _typed(lambda text, _lang: parse_months(text)),
    "hours": _typed(lambda text, _lang: parse_hours(text)),
}


def _decimal(
    value: object, lang: str, unit: str, places: int, maximum: Decimal, allow_zero: bool
) -> Decimal:
    if isinstance(value, bool):
        raise _Bad("wrong_type")
    if isinstance(value, Decimal | int):
        number = Decimal(value)
    elif isinstance(value, float):
        if not math.isfinite(value):
            raise _Bad("not_a_number", value=_shown(value))
        number = Decimal(repr(value))
    elif isinstance(value, str):
        number = UNIT_READERS[unit](value, lang)
    else:
        raise _Bad("wrong_type")
    if not number.is_finite():
        raise _Bad("not_a_number", value=_shown(value))
    number = number + 0  # -0 is 0 (never "-0,00 €")
    if number < 0:
        raise _Bad("negative")
    if number == 0 and not allow_zero:
        raise _Bad("zero")
    if number > maximum:
        raise _Bad("too_large", value=_shown(value), max=maximum)
    exponent = number.normalize().as_tuple().exponent
    if isinstance(exponent, int) and -exponent > places:
        raise _Bad("too_many_decimals", value=_shown(value), places=places)
    return number


def _whole(value: object, lo: int, hi: int) -> int:
    if isinstance(value, bool):
        raise _Bad("wrong_type")
    if isinstance(value, int):
        number = value
    elif isinstance(value, Decimal | float):
        if not (isinstance(value, Decimal) and value.is_finite()) and not (
            isinstance(value, float) and math.isfinite(value)
        ):
            raise _Bad("not_whole_number", value=_shown(value))
        if value != int(value):
            raise _Bad("not_whole_number", value=_shown(value))
        number = int(value)
    else:
        raw = _text_value(value)
        if not re.fullmatch(r"[+-]?\d{1,4}", raw):
            raise _Bad("not_whole_number", value=_shown(value))
        number = int(raw)
    if not lo <= number <= hi:
        raise _Bad("age_out_of_range", min=lo, max=hi)
    return number


def _boolean(value: object) -> bool:
    if isinstance(value, bool):
        return value
    raw = _text_value(value).lower()
    if raw in TRUE_WORDS:
        return True
    if raw in FALSE_WORDS:
        return False
    raise _Bad("not_boolean", value=_shown(value))


def _choice(allowed: tuple[str, ...]) -> Callable[[object], str]:
    def parse(value: object) -> str:
        raw = _text_value(value).lower()
        if raw not in allowed:
            raise _Bad("unknown_value", value=_shown(value), allowed=", ".join(allowed))
        return raw

    return parse


def _start_date(value: object) -> date:
    if isinstance(value, datetime):
        day = value.date()
    elif isinstance(value, date):
        day = value
    else:
        raw = _text_value(value)
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw):
            raise _Bad("invalid_date", value=_shown(value))
        try:
            day = date.fromisoformat(raw)
        except ValueError:
            raise _Bad("invalid_date", value=_shown(value)) from None
    first = parameter("rmmg").first_date
    if day < first:
        raise _Bad("date_before_parameters", date=day, first=first)
    limit = date(LAST_ACCEPTED_YEAR, 1, 1)
    if day >= limit:
        raise _Bad("date_too_far", date=day, limit=limit)
    return day


def _parser(question: Mapping[str, Any], lang: str) -> Callable[[object], object]:
    """The parser of one catalogue question for a page in ``lang``, chosen by its kind."""
    kind = question["kind"]
    if kind == "date":
        return _start_date
    if kind == "decimal":
        unit, places = str(question["unit"]), int(question["places"])
        maximum, zero = Decimal(question["max"]), bool(question["zero"])
        return lambda v: _decimal(v, lang, unit, places, maximum, allow_zero=zero)
    if kind == "whole":
        lo, hi = int(question["min"]), int(question["max"])
        return lambda v: _whole(v, lo, hi)
    if kind == "yes_no":
        return _boolean
    if kind == "choice":
        return _choice(tuple(question["choices"]))
    raise ValueError(f"cip_core/questions.toml: {question['name']}: unknown kind {kind!r}")


# Per page language: amounts are read with that language's thousands mark.
_PARSERS: dict[str, dict[str, Callable[[object], object]]] = {
    lang: {q["name"]: _parser(q, lang) for q in QUESTIONS} for lang in LANGUAGES
}


def check_language(lang: object) -> str:
    """Return ``lang`` if it has a catalogue; otherwise an InputError (in every language)."""
    if isinstance(lang, str) and lang in LANGUAGES:
        return lang
    shown = _shown(lang)
    allowed = ", ".join(LANGUAGES)
    messages = [
        text(code, "errors", "unknown_language", value=shown, allowed=allowed) for code in LANGUAGES
    ]
    raise InputError([FieldError("lang", "unknown_language", " / ".join(messages))])


def _error(lang: str, name: str, bad: _Bad) -> FieldError:
    message = text(lang, "errors", bad.code, field=field_label(lang, name), **bad.params)
    return FieldError(name, bad.code, message)


def _is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and strip_space(value) == "")


def parse_case(data: Mapping[str, object], lang: str = DEFAULT_LANGUAGE) -> Case:
    """Build a ``Case`` from raw values (strings, or lists of strings for repeated URL keys).

    Unknown keys are ignored (a URL may carry others); blank values mean "not answered".
    Raises ``InputError`` listing every bad field, with messages in ``lang``.
    """
    lang = check_language(lang)
    if not isinstance(data, Mapping):
        raise InputError(
            [FieldError("case", "wrong_type", text(lang, "errors", "wrong_type", field="case"))],
            lang,
        )
    values: dict[str, object] = {}
    errors: list[FieldError] = []
    for name in FIELD_NAMES:
        raw = data.get(name)
        if isinstance(raw, list | tuple):
            distinct = {strip_space(str(v)) for v in raw if not _is_blank(v)}
            if len(distinct) > 1:
                errors.append(_error(lang, name, _Bad("conflicting_values")))
                continue
            raw = next(iter(distinct)) if distinct else None
        if _is_blank(raw):
            continue
        try:
            values[name] = _PARSERS[lang][name](raw)
        except _Bad as bad:
            errors.append(_error(lang, name, bad))
    errors.extend(_cross_field_errors(values, lang))
    if errors:
        raise InputError(errors, lang)
    typed = {name: value for name, value in values.items() if name in TYPED_FIELDS}
    extra = MappingProxyType({k: v for k, v in values.items() if k not in TYPED_FIELDS})
    # Each parser returns its field's type (the catalogue's kind, pinned by tests/core).
    return Case(**typed, extra=extra)  # type: ignore[arg-type]


def _cross_field_errors(values: Mapping[str, object], lang: str) -> list[FieldError]:
    weekly = values.get("weekly_hours")
    start = values.get("start_date")
    day = start if isinstance(start, date) else None
    full_time = values.get("full_time_hours") or default_full_time_hours(day)
    if isinstance(weekly, Decimal) and isinstance(full_time, Decimal) and weekly > full_time:
        bad = _Bad("weekly_above_full_time", hours=weekly, full_time=full_time)
        return [_error(lang, "weekly_hours", bad)]
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


def normalise_case(case: object, lang: str = DEFAULT_LANGUAGE) -> Case:
    """Check a ``Case`` built in Python exactly as ``parse_case`` checks strings."""
    lang = check_language(lang)
    if not isinstance(case, Case):
        bad = _Bad("wrong_type")
        raise InputError([_error(lang, "case", bad)], lang)
    if not isinstance(case.extra, Mapping):
        raise InputError([_error(lang, "case", _Bad("wrong_type"))], lang)
    # Keys of ``extra`` that are not questions are ignored, like unknown keys of a URL.
    return parse_case({name: case.answer(name) for name in FIELD_NAMES}, lang)
