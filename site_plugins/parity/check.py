"""FR/NL parity: every page exists in both languages with the same structure.

Same structure means the same sequence of heading levels and the same sequence of figure
markers (name and arguments). Headings' words differ by language, so only their levels are
compared; the messages quote both headings so an editor sees where the versions part.

Plain Python: ``check_parity(docs_dir)`` returns the problems as sentences (empty: all good);
``python -m site_plugins.parity docs`` runs it without MkDocs.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

from cip_core.messages import LANGUAGES, lookup
from site_plugins.figures.markers import FigureError, find_markers

_FENCE_RE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_ATX_RE = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t#]*$")
_SETEXT_RE = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*\n", re.DOTALL)


def _english_name(lang: str) -> str:
    name: str = lookup(lang, "language", "english") if lang in LANGUAGES else lang
    return name


@dataclass(frozen=True)
class StructuralElement:
    """One structural element: a heading (``H2``) or a marker (``rmmg at=2021-09-01``)."""

    key: str
    line: int
    label: str


def check_parity(docs_dir: Path | str, languages: Sequence[str] | None = None) -> list[str]:
    """Every parity problem between ``docs_dir/<lang>/`` folders, with both file names.

    ``languages`` defaults to the catalogues' languages that have a folder under ``docs_dir``
    (a catalogue may come before its pages); the MkDocs plugin passes the site's own languages.
    """
    docs = Path(docs_dir)
    if languages is None:
        languages = [lang for lang in LANGUAGES if (docs / lang).is_dir()]
    shown = docs.name if docs.name else str(docs)
    pages = {lang: _pages(docs / lang) for lang in languages}
    problems: list[str] = []
    first, *others = languages
    for other in others:
        for lang, counterpart in ((first, other), (other, first)):
            for page in sorted(pages[lang] - pages[counterpart]):
                problems.append(
                    f"{shown}/{counterpart}/{page} is missing: {shown}/{lang}/{page} has no "
                    f"{_english_name(counterpart)} counterpart "
                    "(every page exists in every language under the same file name)"
                )
        for page in sorted(pages[first] & pages[other]):
            a = (f"{shown}/{first}/{page}", docs / first / page)
            b = (f"{shown}/{other}/{page}", docs / other / page)
            problems.extend(_compare(a, b))
    return problems


def _pages(folder: Path) -> set[str]:
    if not folder.is_dir():
        return set()
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*.md")}


def _compare(a: tuple[str, Path], b: tuple[str, Path]) -> list[str]:
    (name_a, path_a), (name_b, path_b) = a, b
    text_a, text_b = _read(path_a), _read(path_b)
    problems: list[str] = []
    markers: dict[str, list[StructuralElement]] = {}
    for name, text in ((name_a, text_a), (name_b, text_b)):
        try:
            markers[name] = _markers(text)
        except FigureError as error:
            problems.append(f"{name}:{error.line}: {error.message}")
    problems.extend(_diff("headings", name_a, _headings(text_a), name_b, _headings(text_b)))
    if len(markers) == 2:
        problems.extend(_diff("figure markers", name_a, markers[name_a], name_b, markers[name_b]))
    return problems


def _diff(
    what: str,
    name_a: str,
    items_a: list[StructuralElement],
    name_b: str,
    items_b: list[StructuralElement],
) -> list[str]:
    problems = []
    keys_a, keys_b = [i.key for i in items_a], [i.key for i in items_b]
    matcher = SequenceMatcher(a=keys_a, b=keys_b, autojunk=False)
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        if tag == "equal":
            continue
        only_a = "; ".join(_where(name_a, i) for i in items_a[a0:a1])
        only_b = "; ".join(_where(name_b, i) for i in items_b[b0:b1])
        if tag == "replace":
            problems.append(f"{what} differ: {only_a} — but {only_b}")
        elif tag == "delete":
            after = _after(name_b, items_b, b0)
            problems.append(f"{what} differ: {only_a} — nothing matches in {name_b}{after}")
        else:
            after = _after(name_a, items_a, a0)
            problems.append(f"{what} differ: {only_b} — nothing matches in {name_a}{after}")
    return problems


def _where(name: str, item: StructuralElement) -> str:
    return f"{name}:{item.line} has {item.label}"


def _after(name: str, items: list[StructuralElement], index: int) -> str:
    if index == 0:
        return " (at its start)"
    previous = items[index - 1]
    return f" (after line {previous.line}, {previous.label})"


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8").replace("\r\n", "\n")


def _body_start(text: str) -> int:
    """Number of lines of YAML front matter (skipped: titles there are not headings)."""
    match = _FRONT_MATTER_RE.match(text)
    return match.group(0).count("\n") if match else 0


def _headings(text: str) -> list[StructuralElement]:
    """ATX (``## Title``) and setext (underlined) headings outside fenced code."""
    lines = text.split("\n")
    found: list[StructuralElement] = []
    fence: str | None = None
    previous = ""
    for number in range(_body_start(text), len(lines)):
        line = lines[number]
        opening = _FENCE_RE.match(line)
        if fence is not None:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = None
            previous = ""
            continue
        if opening:
            fence = opening.group(1)
            previous = ""
            continue
        atx = _ATX_RE.match(line)
        setext = _SETEXT_RE.match(line)
        if atx:
            level = len(atx.group(1))
            found.append(
                StructuralElement(
                    f"H{level}", number + 1, f'H{level} "{(atx.group(2) or "").strip()}"'
                )
            )
            previous = ""
            continue
        if setext and previous.strip() and not previous.lstrip().startswith(("-", "*", "|", ">")):
            level = 1 if setext.group(1)[0] == "=" else 2
            found.append(StructuralElement(f"H{level}", number, f'H{level} "{previous.strip()}"'))
            previous = ""
            continue
        previous = line
    return found


def _markers(text: str) -> list[StructuralElement]:
    return [
        StructuralElement(m.signature, m.line, "{{cip " + m.signature + "}}")
        for m in find_markers(text)
    ]


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    problems = check_parity(args[0] if args else "docs")
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
