"""The question catalogue (``cip_core/questions.toml``), its readers per page language, and
``is_asked``: whether a question is asked given the answers so far (its ``asked_if``).

One semantics in Python and in the page: the page script (docs/assets/calculator/reading.js)
reads an ``asked_if`` alike; both are tested from tests/data/asked_if_cases.json.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any

from cip_core._data import load_toml
from cip_core.errors import BadValue
from cip_core.messages import DEFAULT_LANGUAGE, LANGUAGES
from cip_core.readers import Reader, is_blank, reader_for, strip_space


def _load_questions() -> tuple[dict[str, Any], ...]:
    return tuple(load_toml(".", "questions")["question"])


QUESTIONS: tuple[dict[str, Any], ...] = _load_questions()
QUESTION = {q["name"]: q for q in QUESTIONS}


def choices_of(name: str) -> tuple[str, ...]:
    return tuple(QUESTION[name]["choices"])


TRAINEE_REGIONS = choices_of("trainee_region")
WORKPLACE_REGIONS = choices_of("workplace_region")
BENEFITS = choices_of("benefits")


@cache
def readers(page_lang: str) -> Mapping[str, Reader]:
    """Every question's reader for a page in ``page_lang`` (amounts follow its thousands mark)."""
    if page_lang not in LANGUAGES:
        raise LookupError(f"no message catalogue for {page_lang!r}")
    return {q["name"]: reader_for(q, page_lang) for q in QUESTIONS}


def is_asked(name: str, answers: Mapping[str, object]) -> bool:
    """Whether question ``name`` is asked, given the answers so far (its ``asked_if``)."""
    return condition_holds(QUESTION.get(name, {}).get("asked_if", {}), answers)


def condition_holds(condition: Mapping[str, list[str]], answers: Mapping[str, object]) -> bool:
    """Whether every field named by an ``asked_if`` condition has one of its listed values.

    ``answers`` maps field names to parsed values or to the strings a form sends; each is read
    as the core reads it (a yes/no answer is "yes" or "no", a choice its lower-case value), and
    one that is unanswered, unreadable or repeated with different values matches nothing.
    """
    return all(
        _condition_value(field, answers.get(field)) in accepted
        for field, accepted in condition.items()
    )


def _condition_value(field: str, value: object) -> str | None:
    if isinstance(value, list | tuple):  # repeated URL keys: one answer only if they agree
        distinct = {strip_space(str(v)) for v in value if not is_blank(v)}
        value = distinct.pop() if len(distinct) == 1 else None
    if value is None:
        return None
    try:
        parsed = readers(DEFAULT_LANGUAGE)[field].read(value)
    except BadValue:
        return None
    if isinstance(parsed, bool):
        return "yes" if parsed else "no"
    return str(parsed)
