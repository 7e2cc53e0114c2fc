"""Typography per language: French spaces and each language's quotation marks (nl, en: “…”).

French: U+202F (narrow no-break space) before ``; ? !``, U+00A0 (no-break space) before ``:``, ``%``
and inside « ». Quotation marks: French « … », Dutch “ … ” (one style each; "…" typed by an editor
becomes the language's marks).

- ``fix_markdown`` (``fix_french_markdown``): applied to the pages at build time, so an
  editor's ordinary space (or a forgotten one) comes out right. It leaves alone what is not
  prose: code, HTML tags and their attributes, entities, link destinations, addresses, times
  (10:30), ``::``, ``!!! note``, ``![image]``, ``?`` inside a link.
- ``check_catalogue`` / ``fix_catalogue``: message catalogues do not go through Markdown; the
  build checks them, and ``python -m site_plugins.language.typography --fix FILE…`` rewrites them.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

NNBSP = "\u202f"  # before ; ? !
NBSP = "\u00a0"  # before : and inside « »

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
# A space (ordinary or the wrong no-break one) before the sign, or no space after a word.
_BEFORE_TIGHT = re.compile(r"(?:[ \u00a0\u202f\t]+|(?<=[\w)\]»*_’'\"]))([;?!])(?=[\s*_)\"»<]|$)")
_BEFORE_COLON = re.compile(r"(?:[ \u00a0\u202f\t]+|(?<=[\w)»*_’'\"]))(:)(?=[\s*_)\"»<]|$)")
_AFTER_OPEN = re.compile(r"«[ \u00a0\u202f\t]*")
_BEFORE_CLOSE = re.compile(r"[ \u00a0\u202f\t]*»")
_PERCENT = re.compile(r"(\d)[ \u202f]%")
_STRAIGHT_PAIR = re.compile(r'(?<![\w=])"([^"\n<>]{1,200}?)"(?![\w=])')


def _fix_prose_fr(text: str) -> str:
    text = _STRAIGHT_PAIR.sub(lambda m: f"«{m.group(1).strip()}»", text)
    text = text.replace("“", "«").replace("”", "»").replace("„", "«")
    text = _BEFORE_TIGHT.sub(lambda m: NNBSP + m.group(1), text)
    text = _BEFORE_COLON.sub(lambda m: NBSP + m.group(1), text)
    text = _AFTER_OPEN.sub("«" + NBSP, text)
    text = _PERCENT.sub(lambda m: m.group(1) + NBSP + "%", text)
    return _BEFORE_CLOSE.sub(NBSP + "»", text)


def _fix_prose_curly(text: str) -> str:
    # Dutch and English: one quotation style, “…”.
    text = _STRAIGHT_PAIR.sub(lambda m: f"“{m.group(1).strip()}”", text)
    return text.replace("„", "“").replace("«", "“").replace("»", "”")


# The prose rule of each language other than French (French also has its spaces).
_CURLY_LANGUAGES = ("nl", "en")


def fix_markdown(markdown: str, lang: str) -> str:
    """The page's Markdown with its language's typography (French spaces and « »; Dutch “ ”)."""
    if lang == "fr":
        return fix_french_markdown(markdown)
    if lang in _CURLY_LANGUAGES:
        return _fix_segments(markdown, skip_admonitions=True, prose=_fix_prose_curly)
    return markdown


def _admonition_safe(line: str) -> bool:
    """``!!! tip "Title"``: the quotes are syntax; the title is fixed but keeps them."""
    return bool(re.match(r"^\s*(?:!!!|\?\?\?\+?)\s", line))


def fix_french_markdown(markdown: str) -> str:
    """French Markdown with the right spaces and « » quotation marks, syntax untouched."""
    out: list[str] = []
    for line in _split_keep(markdown):
        if _admonition_safe(line):
            head, _, rest = line.partition('"')
            title, quote, tail = rest.partition('"')
            out.append(f'{head}"{_fix_segments(title)}{quote}{tail}' if quote else line)
        else:
            out.append(line)
    return _fix_segments("".join(out), skip_admonitions=True)


def _split_keep(text: str) -> list[str]:
    return text.splitlines(keepends=True)


def _fix_segments(
    text: str, *, skip_admonitions: bool = False, prose: Callable[[str], str] | None = None
) -> str:
    fix = prose or _fix_prose_fr
    pieces: list[str] = []
    last = 0
    for match in _PROTECTED_RE.finditer(text):
        pieces.append(_fix_prose(text[last : match.start()], skip_admonitions, fix))
        pieces.append(match.group())
        last = match.end()
    pieces.append(_fix_prose(text[last:], skip_admonitions, fix))
    return "".join(pieces)


def _fix_prose(text: str, skip_admonitions: bool, fix: Callable[[str], str]) -> str:
    if not skip_admonitions:
        return fix(text)
    lines = _split_keep(text)
    return "".join(line if _admonition_safe(line) else fix(line) for line in lines)


# --- catalogues -----------------------------------------------------------------------------

_VALUE_RE = re.compile(r'^(\s*[\w.-]+\s*=\s*")(.*)("\s*(?:#.*)?)$')


@dataclass(frozen=True)
class Finding:
    line: int
    message: str


def _decoded(value: str) -> str:
    # The catalogues may write the two spaces as TOML escapes, for editors to see them.
    return value.replace("\\u202f", NNBSP).replace("\\u00a0", NBSP)


def _fix_value(value: str, lang: str) -> str:
    value = _decoded(value)
    if lang == "fr":
        # Placeholders ({field}) are prose here; escaped quotes \" are straight quotes.
        return _fix_prose_fr(value.replace('\\"', '"')).replace('"', '\\"')
    if lang in _CURLY_LANGUAGES:
        return _fix_prose_curly(value.replace('\\"', '"')).replace('"', '\\"')
    return value


def fix_catalogue(text: str, lang: str) -> str:
    lines = text.splitlines(keepends=True)
    for i, line in enumerate(lines):
        match = _VALUE_RE.match(line.rstrip("\n"))
        if match:
            end = line[len(line.rstrip("\n")) :]
            lines[i] = match.group(1) + _fix_value(match.group(2), lang) + match.group(3) + end
    return "".join(lines)


def check_catalogue(text: str, lang: str) -> list[Finding]:
    """The catalogue lines whose typography differs from the language's rules."""
    found: list[Finding] = []
    for number, line in enumerate(text.splitlines(), start=1):
        match = _VALUE_RE.match(line)
        if not match:
            continue
        value = _decoded(match.group(2))
        fixed = _fix_value(value, lang)
        if fixed != value:
            found.append(Finding(number, _describe(value, fixed, lang)))
    return found


def _describe(value: str, fixed: str, lang: str) -> str:
    at = next((i for i, (a, b) in enumerate(zip(value, fixed, strict=False)) if a != b), 0)
    snippet = value[max(0, at - 12) : at + 12]
    if lang == "fr":
        rule = (
            "French typography: U+202F before ; ? !, U+00A0 before : and inside « » "
            "(quotation marks « »)"
        )
    else:
        rule = f"{lang} quotation marks are “…”"
    return f"{rule}, near {snippet!r}"


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
