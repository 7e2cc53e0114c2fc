"""Typography per language, from each catalogue's ``[typography]`` table (cip_core/messages).

The table says how the language punctuates, as data (no language is named in this module):

- ``quotes``: the quotation marks, opening and closing; a pair of straight quotes "…" typed by
  an editor becomes them;
- ``other_quotes``: marks of other styles typed by an editor, each with the mark it becomes;
- ``quote_space``: the space inside the quotation marks (French ``["\u00a0"]``; ``[]`` leaves
  it as typed);
- ``space_before``: signs with the space put before them after a word, typed or not (French:
  U+202F, the narrow no-break space, before ``; ? !``; U+00A0 before ``:``);
- ``percent_space``: the space between a number and ``%`` (``[]`` leaves it as typed).

- ``fix_markdown``: applied to the pages at build time, so an editor's ordinary space (or a
  forgotten one) comes out right. It leaves alone what is not prose: code, HTML tags and their
  attributes, entities, link destinations, addresses, times (10:30), ``::``, ``!!! note``,
  ``![image]``, ``?`` inside a link.
- ``check_catalogue`` / ``fix_catalogue``: message catalogues do not go through Markdown; the
  build checks them, and ``python -m site_plugins.language.typography --fix FILE…`` rewrites them.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from cip_core.messages import catalogue_path, lookup
from site_plugins.language.faults import LanguageFault

NNBSP = "\u202f"  # the narrow no-break space
NBSP = "\u00a0"  # the no-break space
_SPACES = "[ \u00a0\u202f\t]"

# Segments that are not prose, kept as they are.
_PROTECTED_RE = re.compile(
    r"""
      ^[ ]{0,3}(?:```|~~~).*?^[ ]{0,3}(?:```|~~~)[^\n]*$   # fenced code
    | <(script|style|pre|code)\b.*?</\1\s*>              # raw code/script blocks
    | `+[^`\n]*?`+                                       # code spans
    | <!--.*?-->                                         # comments
    | <[^<>\n]*>                                         # tags with their attributes
    | &\#?\w+;                                           # entities
    | \]\([^()\s]*(?:\s+"[^"]*")?\)                       # link destinations ](url "title")
    | \]:[ ]*\S+                                          # reference definitions, glossary
    | (?:[a-z][a-z0-9+.-]*:)?//[^\s<>)\]]+                # addresses
    | mailto:[^\s<>)\]]+
    | :[a-z0-9_+-]+:                                      # emoji shortcodes
    | \{\{.*?\}\}                                         # figure markers
    | \{[^{}\n]*\}                                        # attribute lists {#id .class}
    """,
    re.VERBOSE | re.DOTALL | re.MULTILINE,
)
_PERCENT = re.compile(r"(\d)[ \u00a0\u202f]%")
_STRAIGHT_PAIR = re.compile(r'(?<![\w=])"([^"\n<>]{1,200}?)"(?![\w=])')


@dataclass(frozen=True)
class Typography:
    """One language's punctuation, read from its catalogue's ``[typography]``."""

    lang: str
    opening: str
    closing: str
    other_quotes: tuple[tuple[str, str], ...]
    quote_space: str
    space_before: tuple[tuple[str, str], ...]
    percent_space: str

    def fix_prose(self, text: str) -> str:
        text = _STRAIGHT_PAIR.sub(lambda m: f"{self.opening}{m[1].strip()}{self.closing}", text)
        for typed, becomes in self.other_quotes:
            text = text.replace(typed, becomes)
        for sign, space in self.space_before:
            text = self._before(sign).sub(lambda m, space=space: space + m[1], text)
        if self.quote_space:
            opening = re.compile(re.escape(self.opening) + _SPACES + "*")
            text = opening.sub(self.opening + self.quote_space, text)
        if self.percent_space:
            text = _PERCENT.sub(lambda m: m[1] + self.percent_space + "%", text)
        if self.quote_space:
            closing = re.compile(_SPACES + "*" + re.escape(self.closing))
            text = closing.sub(self.quote_space + self.closing, text)
        return text

    def _before(self, sign: str) -> re.Pattern[str]:
        """Spaces before ``sign``, or none after a word; the sign then ends a word."""
        close = re.escape(self.closing)
        # "]:" starts a Markdown reference definition: no space goes between them.
        bracket = "" if sign == ":" else "\\]"
        return re.compile(
            rf"(?:{_SPACES}+|(?<=[\w){bracket}{close}*_’'\"]))({re.escape(sign)})"
            rf"(?=[\s*_)\"{close}<]|$)"
        )

    def rule(self) -> str:
        """The rules in words, for build errors."""
        parts = [f"quotation marks {self.opening}…{self.closing}"]
        for space in dict.fromkeys(s for _, s in self.space_before):
            signs = " ".join(sign for sign, s in self.space_before if s == space)
            parts.append(f"{_name(space)} before {signs}")
        if self.quote_space:
            parts.append(f"{_name(self.quote_space)} inside {self.opening} {self.closing}")
        return f"{self.lang} typography ({', '.join(parts)})"


def _name(space: str) -> str:
    return f"U+{ord(space):04X} ({unicodedata.name(space).lower()})"


@cache
def typography(lang: str) -> Typography:
    """``lang``'s punctuation; a MessageError naming the catalogue and key when it lacks one."""
    table = lookup(lang, "typography")
    try:
        opening, closing = table["quotes"]
        return Typography(
            lang=lang,
            opening=opening,
            closing=closing,
            other_quotes=tuple((typed, becomes) for typed, becomes in table["other_quotes"]),
            quote_space="".join(table["quote_space"]),
            space_before=tuple((sign, space) for sign, space in table["space_before"]),
            percent_space="".join(table["percent_space"]),
        )
    except (KeyError, ValueError, TypeError) as error:
        raise ValueError(
            f"{catalogue_path(lang)}: [typography] is incomplete or malformed ({error!r}); "
            "see site_plugins/language/typography.py for its keys"
        ) from None


def _admonition_safe(line: str) -> bool:
    """``!!! tip "Title"``: the quotes are syntax; the title is fixed but keeps them."""
    return bool(re.match(r"^\s*(?:!!!|\?\?\?\+?)\s", line))


def fix_markdown(markdown: str, lang: str) -> str:
    """Markdown (a page, a title) with ``lang``'s spaces and quotation marks, syntax untouched."""
    rules = typography(lang)
    out: list[str] = []
    for line in markdown.splitlines(keepends=True):
        if _admonition_safe(line):
            head, _, rest = line.partition('"')
            title, quote, tail = rest.partition('"')
            out.append(f'{head}"{_fix_segments(title, rules)}{quote}{tail}' if quote else line)
        else:
            out.append(line)
    return _fix_segments("".join(out), rules, skip_admonitions=True)


def _fix_segments(text: str, rules: Typography, *, skip_admonitions: bool = False) -> str:
    pieces: list[str] = []
    last = 0
    for match in _PROTECTED_RE.finditer(text):
        pieces.append(_fix_prose(text[last : match.start()], rules, skip_admonitions))
        pieces.append(match.group())
        last = match.end()
    pieces.append(_fix_prose(text[last:], rules, skip_admonitions))
    return "".join(pieces)


def _fix_prose(text: str, rules: Typography, skip_admonitions: bool) -> str:
    if not skip_admonitions:
        return rules.fix_prose(text)
    lines = text.splitlines(keepends=True)
    return "".join(line if _admonition_safe(line) else rules.fix_prose(line) for line in lines)


# --- catalogues -----------------------------------------------------------------------------

_VALUE_RE = re.compile(r'^(\s*[\w.-]+\s*=\s*")(.*)("\s*(?:#.*)?)$')


def _decoded(value: str) -> str:
    # The catalogues may write the two spaces as TOML escapes, for editors to see them.
    return value.replace("\\u202f", NNBSP).replace("\\u00a0", NBSP)


def _fix_value(value: str, lang: str) -> str:
    # Placeholders ({field}) are prose here; escaped quotes \" are straight quotes.
    fixed = typography(lang).fix_prose(_decoded(value).replace('\\"', '"'))
    return fixed.replace('"', '\\"')


def fix_catalogue(text: str, lang: str) -> str:
    lines = text.splitlines(keepends=True)
    for i, line in enumerate(lines):
        match = _VALUE_RE.match(line.rstrip("\n"))
        if match:
            end = line[len(line.rstrip("\n")) :]
            lines[i] = match.group(1) + _fix_value(match.group(2), lang) + match.group(3) + end
    return "".join(lines)


def check_catalogue(text: str, lang: str) -> list[LanguageFault]:
    """The catalogue lines whose typography differs from the language's rules."""
    found: list[LanguageFault] = []
    for number, line in enumerate(text.splitlines(), start=1):
        match = _VALUE_RE.match(line)
        if not match:
            continue
        value = _decoded(match.group(2))
        fixed = _fix_value(value, lang)
        if fixed != value:
            found.append(LanguageFault(number, _describe(value, fixed, lang)))
    return found


def _describe(value: str, fixed: str, lang: str) -> str:
    at = next((i for i, (a, b) in enumerate(zip(value, fixed, strict=False)) if a != b), 0)
    snippet = value[max(0, at - 12) : at + 12]
    return f"{typography(lang).rule()}, near {snippet!r}"


def main(argv: list[str]) -> int:
    fix = "--fix" in argv
    problems: list[str] = []
    for arg in (a for a in argv if a != "--fix"):
        path = Path(arg)
        lang = path.stem
        text = path.read_text(encoding="utf-8")
        if fix:
            path.write_text(fix_catalogue(text, lang), encoding="utf-8")
            continue
        problems += [f"{arg}:{f.line}: {f.message}" for f in check_catalogue(text, lang)]
    print("\n".join(problems) or "typography: nothing to fix")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
