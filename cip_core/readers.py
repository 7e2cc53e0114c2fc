"""One reader per kind of question (``kind`` in ``cip_core/questions.toml``): each turns what a
door received (a string from a URL, a flag or a form; a typed value from Python) into the value
the rules read, or raises ``BadValue``.

A new kind of question is one class here with its ``KIND``; a new question of a known kind needs
no code at all (the catalogue gives its bounds, unit and choices).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import Any, ClassVar

from cip_core.decimal_input import NumberError, parse_amount, parse_hours, parse_months
from cip_core.errors import BadValue, shown_value
from cip_core.messages import Money, lookup
from cip_core.parameters import parameter

TRUE_WORDS = frozenset({"yes", "true", "oui", "ja", "1", "on"})
FALSE_WORDS = frozenset({"no", "false", "non", "nee", "0", "off"})
MAX_TEXT = 200  # longer strings are rejected before any reading
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


def is_blank(value: object) -> bool:
    """Not answered: nothing, or only white space."""
    return value is None or (isinstance(value, str) and strip_space(value) == "")


def text_value(value: object) -> str:
    """A typed string, stripped; anything else (or a very long string) is bad."""
    if not isinstance(value, str):
        raise BadValue("wrong_type")
    if len(value) > MAX_TEXT:
        raise BadValue("too_long")
    return strip_space(value)


class Reader:
    """Reads the answers to one question of kind ``KIND``; ``page_lang`` is the page's language
    (of the request), which says how amounts are typed. Not the case field ``language`` (the
    trainee's)."""

    KIND: ClassVar[str]

    def __init__(self, question: Mapping[str, Any], page_lang: str) -> None:
        self.question = question
        self.page_lang = page_lang

    def read(self, value: object) -> object:
        raise NotImplementedError


class DateReader(Reader):
    """A day, ``YYYY-MM-DD``, within the dates the parameters know."""

    KIND = "date"

    def read(self, value: object) -> date:
        if isinstance(value, datetime):
            day = value.date()
        elif isinstance(value, date):
            day = value
        else:
            raw = text_value(value)
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw):
                raise BadValue("invalid_date", value=shown_value(value))
            try:
                day = date.fromisoformat(raw)
            except ValueError:
                raise BadValue("invalid_date", value=shown_value(value)) from None
        first = parameter("rmmg").first_date
        if day < first:
            raise BadValue("date_before_parameters", date=day, first=first)
        limit = date(LAST_ACCEPTED_YEAR, 1, 1)
        if day >= limit:
            raise BadValue("date_too_far", date=day, limit=limit)
        return day


def _amount_in(typed: str, page_lang: str) -> Decimal:
    # The page language's catalogue says which mark means thousands ("1,100" in English).
    return parse_amount(typed, str(lookup(page_lang, "format", "typed_thousands")))


# How a string is read for each unit of the catalogue's decimal questions (cip_core.decimal_input
# reads them the way people type them: "1.100,50", "1100 €", "6 mois", "30 u"...).
UNIT_READERS: dict[str, Callable[[str, str], Decimal]] = {
    "eur": _amount_in,
    "months": lambda typed, _page_lang: parse_months(typed),
    "hours": lambda typed, _page_lang: parse_hours(typed),
}


class DecimalReader(Reader):
    """A positive decimal in the question's ``unit``, at most ``places`` decimals and ``max``."""

    KIND = "decimal"

    def read(self, value: object) -> Decimal:
        q = self.question
        if isinstance(value, bool):
            raise BadValue("wrong_type")
        if isinstance(value, Decimal | int):
            number = Decimal(value)
        elif isinstance(value, float):
            if not math.isfinite(value):
                raise BadValue("not_a_number", value=shown_value(value))
            number = Decimal(repr(value))
        elif isinstance(value, str):
            number = self._typed(value)
        else:
            raise BadValue("wrong_type")
        if not number.is_finite():
            raise BadValue("not_a_number", value=shown_value(value))
        number = number + 0  # -0 is 0 (never "-0,00 €")
        if number < 0:
            raise BadValue("negative")
        if number == 0 and not bool(q["zero"]):
            raise BadValue("zero")
        if number > Decimal(q["max"]):
            raise BadValue("too_large", value=shown_value(value), max=Decimal(q["max"]))
        exponent = number.normalize().as_tuple().exponent
        places = int(q["places"])
        if isinstance(exponent, int) and -exponent > places:
            raise BadValue("too_many_decimals", value=shown_value(value), places=places)
        return number

    def _typed(self, value: str) -> Decimal:
        try:
            return UNIT_READERS[str(self.question["unit"])](text_value(value), self.page_lang)
        except NumberError as error:
            shown = {f"reading_{i}": Money(r) for i, r in enumerate(error.readings, start=1)}
            raise BadValue(error.code, value=shown_value(value), **shown) from None


class WholeReader(Reader):
    """A whole number between the question's ``min`` and ``max``."""

    KIND = "whole"

    def read(self, value: object) -> int:
        if isinstance(value, bool):
            raise BadValue("wrong_type")
        if isinstance(value, int):
            number = value
        elif isinstance(value, Decimal | float):
            finite = value.is_finite() if isinstance(value, Decimal) else math.isfinite(value)
            if not finite or value != int(value):
                raise BadValue("not_whole_number", value=shown_value(value))
            number = int(value)
        else:
            raw = text_value(value)
            if not re.fullmatch(r"[+-]?\d{1,4}", raw):
                raise BadValue("not_whole_number", value=shown_value(value))
            number = int(raw)
        lowest, highest = int(self.question["min"]), int(self.question["max"])
        if not lowest <= number <= highest:
            raise BadValue("age_out_of_range", min=lowest, max=highest)
        return number


class YesNoReader(Reader):
    """Yes or no, in any of the words TRUE_WORDS and FALSE_WORDS list."""

    KIND = "yes_no"

    def read(self, value: object) -> bool:
        if isinstance(value, bool):
            return value
        raw = text_value(value).lower()
        if raw in TRUE_WORDS:
            return True
        if raw in FALSE_WORDS:
            return False
        raise BadValue("not_boolean", value=shown_value(value))


class ChoiceReader(Reader):
    """One of the question's ``choices``, in any case."""

    KIND = "choice"

    def read(self, value: object) -> str:
        allowed = tuple(self.question["choices"])
        raw = text_value(value).lower()
        if raw not in allowed:
            raise BadValue("unknown_value", value=shown_value(value), allowed=", ".join(allowed))
        return raw


READERS: dict[str, type[Reader]] = {
    reader.KIND: reader
    for reader in (DateReader, DecimalReader, WholeReader, YesNoReader, ChoiceReader)
}


def reader_for(question: Mapping[str, Any], page_lang: str) -> Reader:
    """The reader of one catalogue question for a page in ``page_lang``, chosen by its kind."""
    kind = question["kind"]
    if kind not in READERS:
        raise ValueError(f"cip_core/questions.toml: {question['name']}: unknown kind {kind!r}")
    return READERS[kind](question, page_lang)
