"""Sentence length, for plain language (issue 18): every catalogue sentence at most
``CATALOGUE_LIMIT`` words (the build fails above), the pages' sentences over ``PAGE_LIMIT``
listed in the build's log. The target is 25 words.

Counting is the same for every language: a sentence ends at ``.``, ``!``, ``?`` or ``…`` followed
by a space and a capital letter, a quotation mark or a figure (or at the end of the text), and at
each line end; a word is what ordinary spaces separate. A no-break space joins (``1 100,00 €``
and ``Formation :`` are one word each, as the reader's eye takes them); a ``{placeholder}`` and a
``{{cip marker}}`` count as one word, like the figure or name that replaces them.

``python -m site_plugins.language.sentences FILE…`` lists the long sentences of catalogues
(``*.toml``, every text value) and pages (Markdown), and exits 1 when a catalogue has one.
"""

from __future__ import annotations

import re
import sys
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

CATALOGUE_LIMIT = 35
PAGE_LIMIT = 40

_MARKER = re.compile(r"\{\{.*?\}\}")
_END = re.compile(r"(?<=[.!?…])[)\]»”’]?\s+(?=(?:[«“\"'(\[]\s?)?[A-ZÀ-ÖØ-Þ0-9])")
_WORD_SPACES = re.compile(r"[ \t\r\n]+")  # not U+00A0 nor U+202F: they join


@dataclass(frozen=True)
class LongSentence:
    where: str  # "file:line" or "file [table] key"
    words: int
    sentence: str

    def __str__(self) -> str:
        return f"{self.where}: {self.words} words: «{_shortened(self.sentence)}»"


def _shortened(sentence: str, size: int = 90) -> str:
    return sentence if len(sentence) <= size else sentence[: size - 1] + "…"


def split_sentences(text: str) -> list[str]:
    """The sentences of ``text`` (each line of it split at its sentence ends)."""
    found: list[str] = []
    for line in text.splitlines():
        found += [s.strip() for s in _END.split(line) if s.strip()]
    return found


def word_count(sentence: str) -> int:
    return len([w for w in _WORD_SPACES.split(_MARKER.sub("X", sentence)) if w])


def long_sentences(text: str, limit: int) -> list[tuple[str, int]]:
    """Each sentence of ``text`` over ``limit`` words, with its count."""
    return [(s, n) for s in split_sentences(text) if (n := word_count(s)) > limit]


def _texts(node: Any, path: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _texts(value, f"{path}.{key}" if path else str(key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _texts(value, f"{path}[{index}]")
    elif isinstance(node, str):
        yield path, node


def key_line(text: str, table: str, key: str) -> int:
    """The line of ``key = …`` in ``[table]`` of a TOML text (a catalogue); 1 when not found."""
    current = ""
    for number, line in enumerate(text.splitlines(), start=1):
        header = re.match(r"^\[([^\[\]]+)\]\s*$", line)
        if header:
            current = header[1].strip()
        elif current == table and re.match(rf'^\s*"?{re.escape(key)}"?\s*=', line):
            return number
    return 1


def catalogue_long_sentences(
    text: str, shown: str, limit: int = CATALOGUE_LIMIT
) -> list[LongSentence]:
    """Every sentence of every text of a message catalogue (TOML ``text``) over ``limit`` words,
    with the line of its key."""
    found = []
    for path, value in _texts(tomllib.loads(text)):
        table, _, key = re.sub(r"\[\d+\]$", "", path).rpartition(".")
        for sentence, words in long_sentences(value, limit):
            line = key_line(text, table, key)
            found.append(LongSentence(f"{shown}:{line}: [{table}] {key}", words, sentence))
    return found


_PAGE_NOT_PROSE = re.compile(
    r"""^[ ]{0,3}(?:```|~~~).*?^[ ]{0,3}(?:```|~~~)[^\n]*$   # fenced code
      | <!--.*?-->                                        # comments
      | <[^<>\n]*>                                        # tags
      | \]\([^()\s]*(?:\s+"[^"]*")?\)                      # link destinations
      | \{[#.:][^{}\n]*\}                                  # attribute lists
    """,
    re.VERBOSE | re.DOTALL | re.MULTILINE,
)


def page_long_sentences(markdown: str, shown: str, limit: int = PAGE_LIMIT) -> list[LongSentence]:
    """The sentences of a Markdown page over ``limit`` words, with their line (tables skipped)."""
    prose = _PAGE_NOT_PROSE.sub(lambda m: "\n" * m.group().count("\n"), markdown)
    found: list[LongSentence] = []
    for number, line in enumerate(prose.splitlines(), start=1):
        if line.lstrip().startswith(("|", "*[")):  # table rows, glossary entries
            continue
        for sentence, words in long_sentences(line, limit):
            found.append(LongSentence(f"{shown}:{number}", words, sentence))
    return found


def main(argv: list[str]) -> int:
    failed = False
    for arg in argv:
        path = Path(arg)
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".toml":
            found = catalogue_long_sentences(text, arg)
            failed = failed or bool(found)
        else:
            found = page_long_sentences(text, arg)
        print("\n".join(str(f) for f in found) or f"{arg}: no long sentence")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
