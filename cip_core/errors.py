"""Bad input, said in the reader's language: one ``FieldError`` per bad field, gathered in an
``InputError``; ``BadValue`` is what a reader of one answer raises before the field is named.
Also the check of the requested language, and the escaping of what the reader typed when a
message echoes it."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any

from cip_core.messages import DEFAULT_LANGUAGE, LANGUAGES, field_label, text

SHOWN_LENGTH = 40  # at most this many characters of what the reader typed are echoed


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


class BadValue(Exception):
    """Raised by a reader of one answer: the error's code (a key of the catalogues' ``errors``)
    and the values its sentence quotes; ``field_error`` names the field and words it."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


def field_error(lang: str, name: str, bad: BadValue) -> FieldError:
    """The bad answer to question ``name`` as a sentence of ``lang``."""
    message = text(lang, "errors", bad.code, field=field_label(lang, name), **bad.params)
    return FieldError(name, bad.code, message)


def escape_controls(typed: str) -> str:
    """Control and format characters (ESC, BEL, bidi overrides…) written as visible escapes."""
    return "".join(
        f"\\u{ord(c):04x}" if unicodedata.category(c) in ("Cc", "Cf", "Cs") else c for c in typed
    )


def shown_value(value: object) -> str:
    """What the reader typed, on one line, escaped and cut to SHOWN_LENGTH characters."""
    shown = escape_controls(" ".join(str(value).split()))
    return shown if len(shown) <= SHOWN_LENGTH else shown[: SHOWN_LENGTH - 1] + "…"


def check_language(lang: object) -> str:
    """Return ``lang`` if it has a catalogue; otherwise an InputError (in every language)."""
    if isinstance(lang, str) and lang in LANGUAGES:
        return lang
    shown = shown_value(lang)
    allowed = ", ".join(LANGUAGES)
    messages = [
        text(code, "errors", "unknown_language", value=shown, allowed=allowed) for code in LANGUAGES
    ]
    raise InputError([FieldError("lang", "unknown_language", " / ".join(messages))])
