"""Figure markers: ``{{cip NAME key=value ...}}`` in Markdown, replaced by values from cip_core.

This module is the markers' syntax and their dispatch through the registry (``values.MARKERS``,
one registration per marker, see ``registry.py``). Plain Python on purpose: the MkDocs plugin
(``plugin.py``), the Python-Markdown extension (``markdown_ext.py``) and the parity checker all
call it, so a move to another generator (Zensical has no plugin API) keeps the figures.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from cip_core.messages import LANGUAGES
from site_plugins.figures.registry import ArgumentError, Arguments, MarkerSpec
from site_plugins.figures.values import MARKERS

# `{{cip rmmg at=2021-09-01}}`; spaces inside the braces are tolerated.
MARKER_RE = re.compile(r"\{\{\s*cip(?:\s+(?P<body>[^{}]*?))?\s*\}\}")
# Something that starts like a marker but never closes on its line: a typo an editor must see.
UNCLOSED_RE = re.compile(r"\{\{\s*cip\b(?![^\n]*\}\})")
ARG_RE = re.compile(r"^(?P<key>[a-z_]+)=(?P<value>\S+)$")


class FigureError(ValueError):
    """A marker that cannot be replaced; ``line`` is 1-based within the Markdown given."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


@dataclass(frozen=True)
class Marker:
    """One marker as written: where it is, its name and its arguments (not yet validated)."""

    line: int
    text: str
    name: str
    args: tuple[tuple[str, str], ...]
    start: int
    end: int

    @property
    def signature(self) -> str:
        """``rmmg at=2021-09-01``: what two language versions of a page must share."""
        return " ".join([self.name, *(f"{k}={v}" for k, v in self.args)])


def find_markers(markdown: str) -> Iterator[Marker]:
    """Every marker of ``markdown`` in order; ``FigureError`` for a malformed one."""
    for number, line in enumerate(markdown.split("\n"), start=1):
        unclosed = UNCLOSED_RE.search(line)
        if unclosed:
            raise FigureError(
                number,
                f"figure marker not closed: {line[unclosed.start() :].strip()!r} "
                "(write it on one line as {{cip NAME}})",
            )
    offsets = _line_offsets(markdown)
    for match in MARKER_RE.finditer(markdown):
        line = _line_of(offsets, match.start())
        words = (match.group("body") or "").split()
        name = words[0] if words else ""
        args: list[tuple[str, str]] = []
        for word in words[1:]:
            arg = ARG_RE.match(word)
            if not arg:
                raise FigureError(
                    line,
                    f"bad argument {word!r} in {match.group(0)}: write key=value, "
                    "e.g. {{cip rmmg at=2021-09-01}}",
                )
            args.append((arg["key"], arg["value"]))
        yield Marker(line, match.group(0), name, tuple(args), match.start(), match.end())


def render_figures(
    markdown: str, lang: str, page_url: str | None = None, today: date | None = None
) -> str:
    """``markdown`` with every marker replaced by its value for ``lang`` (a catalogue's name).

    ``page_url`` (e.g. "nl/calculateur/") is the page's address from the site root: the
    calculator block makes its links relative to it. ``today`` is the build's day (the figures
    "for today"); the system's date when not given.
    """
    if lang not in LANGUAGES:
        raise ValueError(f"figures exist in {', '.join(LANGUAGES)}, not {lang!r}")
    day = today or date.today()
    parts: list[str] = []
    position = 0
    for marker in find_markers(markdown):
        parts.append(markdown[position : marker.start])
        spec = _spec(marker)
        if spec.alone_on_line:
            _check_alone_on_line(markdown, marker)
        shown = figure(marker, lang, page_url, day)
        parts.append(render_figures(shown, lang, page_url, day) if spec.holds_markers else shown)
        position = marker.end
    parts.append(markdown[position:])
    return "".join(parts)


def _spec(marker: Marker) -> MarkerSpec:
    spec = MARKERS.get(marker.name)
    if spec is None:
        names = ", ".join(MARKERS.names())
        raise FigureError(marker.line, f"unknown figure marker {marker.text}; valid names: {names}")
    return spec


def figure(
    marker: Marker, lang: str, page_url: str | None = None, today: date | None = None
) -> str:
    """The text that replaces one marker (markers it holds, such as the calculator's, kept)."""
    spec = _spec(marker)
    args = dict(marker.args)
    if len(args) != len(marker.args):
        raise FigureError(marker.line, f"argument given twice in {marker.text}")
    unknown = sorted(set(args) - set(spec.args))
    if unknown:
        allowed = ", ".join(f"{a}=" for a in spec.args) or "no argument"
        raise FigureError(
            marker.line,
            f"unknown argument {unknown[0]}= in {marker.text}; {marker.name} accepts {allowed}",
        )
    if spec.needs_page and page_url is None:
        raise FigureError(marker.line, f"{marker.text} needs the page's address (page_url)")
    try:
        return spec.render(Arguments(args, today or date.today(), page_url), lang)
    except ArgumentError as error:
        raise FigureError(marker.line, f"{marker.text}: {error}") from None


def _check_alone_on_line(markdown: str, marker: Marker) -> None:
    line_start = markdown.rfind("\n", 0, marker.start) + 1
    line_end = markdown.find("\n", marker.end)
    line = markdown[line_start : None if line_end < 0 else line_end]
    if line.strip() != marker.text:
        raise FigureError(
            marker.line,
            f"{marker.text} is a table: put it alone on its own line, with a blank line before",
        )


def _line_of(offsets: list[int], position: int) -> int:
    return bisect_right(offsets, position)


def _line_offsets(text: str) -> list[int]:
    return [0, *(m.end() for m in re.finditer("\n", text))]
