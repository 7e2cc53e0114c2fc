"""The command-line door: ``cip-check`` / ``python -m cip_core``.

One flag per case field (``--workplace-region brussels``), or ``--case FILE.json`` (``-`` for
standard input); ``--lang`` (a catalogue's language: fr, nl, en); ``--json``. Exit 0 for any
answer, 2 with one line on standard error for bad input — never a traceback.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterable
from typing import Any, NoReturn, TextIO

from cip_core.bodies import CONTACT_FIELDS
from cip_core.case import FIELD_NAMES
from cip_core.errors import FieldError, InputError, check_language, escape_controls
from cip_core.messages import DEFAULT_LANGUAGE, LANGUAGES, catalogue, field_label, text
from cip_core.protocol import answer_case
from cip_core.result import Result, allowance_display


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors as one line and exit 2, like bad input."""

    def error(self, message: str) -> NoReturn:
        sys.stderr.write(f"cip-check: {message}\n")
        raise SystemExit(2)


def _parser() -> _Parser:
    parser = _Parser(prog="cip-check", description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--lang",
        default=DEFAULT_LANGUAGE,
        help=f"one of {', '.join(LANGUAGES)} (default {DEFAULT_LANGUAGE})",
    )
    parser.add_argument("--json", action="store_true", help="print the result object as JSON")
    parser.add_argument("--case", metavar="FILE", help="case as a JSON object; - for stdin")
    for name in FIELD_NAMES:
        parser.add_argument("--" + name.replace("_", "-"), dest=name, metavar="VALUE")
    return parser


def _read_case_file(path: str, lang: str, stdin: TextIO) -> dict[str, Any]:
    try:
        if path == "-":
            raw = stdin.read()
        else:
            with open(path, encoding="utf-8") as handle:
                raw = handle.read()
        data = json.loads(raw)
    except (OSError, UnicodeDecodeError, ValueError, RecursionError, MemoryError) as problem:
        # RecursionError: JSON nested too deeply; MemoryError: too large. One line, exit 2.
        detail = escape_controls(" ".join(str(problem).split()))[:120] or type(problem).__name__
        raise InputError(
            [
                FieldError(
                    "case", "bad_case_file", text(lang, "errors", "bad_case_file", detail=detail)
                )
            ],
            lang,
        ) from None
    if not isinstance(data, dict):
        raise InputError(
            [
                FieldError(
                    "case",
                    "bad_case_file",
                    text(lang, "errors", "bad_case_file", detail="not an object"),
                )
            ],
            lang,
        )
    # JSON numbers and booleans come in as Python values; parse_case checks them like strings.
    return {k: v for k, v in data.items() if isinstance(k, str)}


def main(argv: list[str] | None = None, stdin: TextIO | None = None) -> int:
    try:
        args = _parser().parse_args(argv)
    except SystemExit as stop:  # --help, or a usage error already reported in one line
        return int(stop.code or 0)
    stdin = stdin if stdin is not None else sys.stdin
    try:
        lang = check_language(args.lang)
        data: dict[str, Any] = {}
        if args.case:
            data.update(_read_case_file(args.case, lang, stdin))
        data.update({n: getattr(args, n) for n in FIELD_NAMES if getattr(args, n) is not None})
        # The page's path (cip_core.protocol), stopping at bad input instead of answering the rest.
        reply = answer_case(data, lang, without_bad_fields=False)
    except InputError as error:
        return _bad_input(error.errors)
    except (RecursionError, MemoryError) as problem:  # a case too deep or too big for memory
        sys.stderr.write(f"cip-check: {type(problem).__name__}\n")
        return 2
    if reply.errors or reply.result is None:
        return _bad_input(reply.errors)
    result = reply.result
    if args.json:
        # json escapes C0 controls itself; DEL and C1 (e.g. 0x9b, a terminal CSI) are escaped here.
        dumped = json.dumps(result.to_dict(), ensure_ascii=False, indent=2)
        sys.stdout.write(_C1.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped) + "\n")
    else:
        lines = render_text(result).splitlines()
        sys.stdout.write("".join(escape_controls(line) + "\n" for line in lines))
    return 0


_C1 = re.compile("[\x7f-\x9f]")


def _bad_input(errors: Iterable[FieldError]) -> int:
    """One line on standard error (every bad field's message), exit status 2."""
    line = " ".join(e.message for e in errors)
    sys.stderr.write(f"cip-check: {escape_controls(line)}\n")
    return 2


def _note(note: str) -> str:
    return f" ({note})" if note else ""


def _labelled(label: str, lang: str) -> str:
    """``label`` followed by its colon, spaced as the language writes it."""
    return str(catalogue(lang)["format"]["label"]).replace("{label}", label)


def _actor(actor: str | None, lang: str) -> str:
    return _labelled(catalogue(lang)["actors"][actor], lang) + " " if actor else ""


def render_text(result: Result) -> str:
    """A plain-text answer for a terminal."""
    lang = result.lang
    labels: dict[str, str] = {
        key: _labelled(label, lang) if key not in ("rmmg", "since") else label
        for key, label in catalogue(lang)["labels"].items()
    }
    lines = [f"{labels['verdict']} {result.headline or result.summary}"]
    if result.body:
        lines.append(f"{labels['body']} {result.body.name} — {result.body.contact}")
        details = result.body.contact_details
        # The phone, e-mail and address a page states (none is ever guessed), not said twice.
        shown = {key: details.get(key) for key in CONTACT_FIELDS}
        known = [f"{labels[k]} {v}" for k, v in shown.items() if v and v != result.body.contact]
        if known:
            lines.append("  " + " · ".join(known))
    a = result.allowance
    if a is not None and a.minimum is not None:
        # One minimum, or the one range the whole answer quotes (and the RMMG's, when a range).
        shown = allowance_display(a, lang)
        # Another region's body sets its own amount: the federal figure is for reference only.
        label = labels["allowance_reference" if result.verdict == "refer" else "allowance"]
        lines.append(
            f"{label} {shown['minimum_range'] or shown['minimum']} "
            f"({labels['rmmg']} {shown['rmmg']} {labels['since']} {shown['rmmg_since']})"
        )
    for key, items in (
        ("reasons", result.reasons),
        ("fixes", result.fixes),
        ("warnings", result.warnings),
        ("steps", result.steps),
    ):
        if items:
            lines.append(labels[key])
            lines += [
                f"  - {_actor(item.actor, lang)}{item.message} "
                f"[{labels['source']} {item.source}{_note(item.source_note)}]"
                for item in items
            ]
    if result.missing:
        names = ", ".join(field_label(lang, name) for name in result.missing)
        lines.append(f"{labels['missing']} {names}")
    return "\n".join(lines) + "\n"
