"""The termbase: official terms per language, and the per-language links, checked on any text.

Data: ``site_plugins/language/termbase.toml`` (concepts with, per language, the preferred term,
the banned variants and a source; and link rules per language). Plain Python: the MkDocs adapter
(``plugin.py``) calls ``scan_terms`` and ``scan_links`` on pages, glossaries,
catalogues and the calculator's HTML, and ``question_findings`` on each catalogue;
``python -m site_plugins.language.termbase FILE…`` runs the same checks on files (the language
comes from the path: ``docs/nl/…``, ``abbreviations.nl.md``, ``messages/nl.toml``).
"""

from __future__ import annotations

import re
import sys
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from site_plugins.language.faults import LanguageFault
from site_plugins.language.sentences import key_line

TERMBASE = Path(__file__).with_name("termbase.toml")

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u02bc": "'"})
_URL_RE = re.compile(r"""(?:https?:)?//[^\s<>"')\]]+""")
# Quotations, on one line: where a source's own wording may be quoted (``allowed_quoted``).
_QUOTED = re.compile(r"«[^»\n]*»|“[^”\n]*”|„[^”“\n]*[”“]")
_STRAIGHT_QUOTED = re.compile(r'"[^"\n]*"')
# A glossary entry's key (``*[RMMG]: …``) is markup: the abbreviation it explains.
_GLOSSARY_KEY = re.compile(r"^\*\[[^\]\n]*\]", re.MULTILINE)


@dataclass(frozen=True)
class Term:
    concept: str
    lang: str
    preferred: str
    banned: str
    source: str
    pattern: re.Pattern[str]
    allowed_quoted: bool = False  # the variant may be quoted from a source ("« RMMG »")


@dataclass(frozen=True)
class LinkRule:
    lang: str
    host: str
    path: str
    use: str

    def refuses(self, url: str) -> bool:
        parts = urlsplit(url if "//" in url else f"//{url}")
        host = (parts.hostname or "").removeprefix("www.")
        if host != self.host:
            return False
        return not self.path or not (parts.path or "/").startswith(self.path)


@dataclass(frozen=True)
class Termbase:
    terms: tuple[Term, ...]
    links: tuple[LinkRule, ...]

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(sorted({t.lang for t in self.terms} | {r.lang for r in self.links}))


def _pattern(banned: str, case_sensitive: bool) -> re.Pattern[str]:
    """``case_sensitive``: the acronyms (words in capitals) keep their case, the other words
    ("het ADG", "Het ADG") match in any case."""
    stem = banned.removesuffix("*").translate(_APOSTROPHES)
    words = [
        re.escape(word) if word.isupper() or not case_sensitive else f"(?i:{re.escape(word)})"
        for word in stem.split()
    ]
    body = r"\s+".join(words)
    tail = r"\w*" if banned.endswith("*") else ""
    flags = 0 if case_sensitive else re.IGNORECASE
    return re.compile(rf"(?<![\w@.-]){body}{tail}(?![\w@-]|\.\w)", flags)


def parse_termbase(text: str) -> Termbase:
    data = tomllib.loads(text)
    terms: list[Term] = []
    for concept in data.get("concepts", []):
        for lang, entry in concept.items():
            if not isinstance(entry, dict):
                continue  # id, note
            for banned in entry.get("banned", []):
                terms.append(
                    Term(
                        concept=str(concept["id"]),
                        lang=lang,
                        preferred=str(entry["preferred"]),
                        banned=banned,
                        source=str(entry.get("source", "")),
                        pattern=_pattern(banned, bool(entry.get("case_sensitive", False))),
                        allowed_quoted=bool(entry.get("allowed_quoted", False)),
                    )
                )
    links = tuple(
        LinkRule(lang=r["lang"], host=r["host"], path=r.get("path", ""), use=r["use"])
        for r in data.get("links", [])
    )
    return Termbase(tuple(terms), links)


def missing_terms(languages: list[str] | tuple[str, ...], path: Path = TERMBASE) -> list[str]:
    """Each concept without a preferred term in one of ``languages``, naming file and table."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return [
        f"{_shown(path)}: concept {concept['id']} has no [concepts.{lang}] with its preferred "
        "term, banned variants and source"
        for concept in data.get("concepts", [])
        for lang in languages
        if not isinstance(concept.get(lang), dict) or not concept[lang].get("preferred")
    ]


def _shown(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)


@cache
def load_termbase(path: Path = TERMBASE) -> Termbase:
    return parse_termbase(path.read_text(encoding="utf-8"))


def _line_of(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group())


def scan_terms(
    text: str, lang: str, termbase: Termbase | None = None, *, straight_quotes: bool = True
) -> list[LanguageFault]:
    """Every banned variant of ``lang`` in ``text``, with its line and the term to use.

    ``straight_quotes``: "…" quotes a source too (a page as typed); not in a TOML catalogue,
    whose every text stands between straight quotes.
    """
    base = termbase or load_termbase()
    normal = text.translate(_APOSTROPHES)  # same length: indexes stay valid
    # Addresses and glossary keys are not prose ("cip@forem.be", "…/ontheffing", "*[RMMG]"):
    # blank them out, same length.
    normal = _GLOSSARY_KEY.sub(_blank, _URL_RE.sub(_blank, normal))
    quotes = [_QUOTED, _STRAIGHT_QUOTED] if straight_quotes else [_QUOTED]
    quoted = [m.span() for pattern in quotes for m in pattern.finditer(normal)]
    found: list[LanguageFault] = []
    for term in base.terms:
        if term.lang != lang:
            continue
        for match in term.pattern.finditer(normal):
            inside = any(start < match.start() and match.end() < end for start, end in quoted)
            if term.allowed_quoted and inside:
                continue  # a source quoted in its own words
            found.append(
                LanguageFault(
                    _line_of(text, match.start()),
                    f"«{text[match.start() : match.end()]}» is not the official term here: "
                    f"write «{term.preferred}» ({term.concept}, source: {term.source})",
                )
            )
    return sorted(found, key=lambda f: f.line)


def scan_links(text: str, lang: str, termbase: Termbase | None = None) -> list[LanguageFault]:
    """Every address in ``text`` that sends a reader of ``lang`` to another language's page."""
    base = termbase or load_termbase()
    rules = [r for r in base.links if r.lang == lang]
    found: list[LanguageFault] = []
    for match in _URL_RE.finditer(text):
        url = match.group().rstrip(".,;:")
        for rule in rules:
            if rule.refuses(url):
                found.append(
                    LanguageFault(
                        _line_of(text, match.start()),
                        f"{url} is not a page in this language: link {rule.use}",
                    )
                )
    return found


def language_of(path: Path | str) -> str | None:
    """``docs/nl/x.md`` → nl; ``abbreviations.fr.md`` → fr; ``messages/nl.toml`` → nl."""
    p = PurePosixPath(Path(path).as_posix())
    known = load_termbase().languages
    suffixes = p.name.split(".")
    if len(suffixes) >= 3 and suffixes[-2] in known:
        return suffixes[-2]
    if p.suffix == ".toml" and p.stem in known:
        return p.stem
    for part in reversed(p.parts[:-1]):
        if part in known:
            return part
    return None


def check_file(path: Path, shown: str | None = None) -> list[str]:
    """Terms and links of one file, as ``file:line: message`` lines."""
    lang = language_of(path)
    if lang is None:
        return []
    text = path.read_text(encoding="utf-8")
    name = shown or str(path)
    catalogue = path.suffix == ".toml"
    findings = scan_terms(text, lang, straight_quotes=not catalogue) + scan_links(text, lang)
    problems = [f"{name}:{f.line}: {f.message}" for f in sorted(findings, key=lambda f: f.line)]
    if catalogue:
        problems += question_findings(text, lang, name)
    return problems


@dataclass(frozen=True)
class QuestionRule:
    """What a catalogue's ``[questions.NAME]`` must say in one language (``question`` concepts)."""

    concept: str
    question: str
    lang: str
    says: str  # in the hint
    asks: str  # in the legend
    not_asked: str  # never in the legend
    source: str


@cache
def question_rules(path: Path = TERMBASE) -> tuple[QuestionRule, ...]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return tuple(
        QuestionRule(
            concept=str(concept["id"]),
            question=str(concept["question"]),
            lang=lang,
            says=str(entry["preferred"]),
            asks=str(entry.get("asks", "")),
            not_asked=str(entry.get("not_asked", "")),
            source=str(entry.get("source", "")),
        )
        for concept in data.get("concepts", [])
        if "question" in concept
        for lang, entry in concept.items()
        if isinstance(entry, dict)
    )


def question_findings(text: str, lang: str, shown: str) -> list[str]:
    """``file:line: message`` for each question of the catalogue ``text`` (its language ``lang``)
    that does not ask what its termbase concept says; a catalogue without the question has
    nothing to check here (the catalogues' own key check reports a missing key)."""
    catalogue = tomllib.loads(text)
    problems = []
    for rule in question_rules():
        if rule.lang != lang:
            continue
        words = catalogue.get("questions", {}).get(rule.question)
        if not isinstance(words, dict):
            continue
        table = f"questions.{rule.question}"
        legend, hint = str(words.get("legend", "")), str(words.get("hint", ""))
        wrong = []
        if rule.asks and not _says(legend, rule.asks):
            wrong.append(("legend", f"names no «{rule.asks}»"))
        if rule.not_asked and _says(legend, rule.not_asked):
            wrong.append(("legend", f"asks about «{rule.not_asked}»"))
        if not _says(hint, rule.says):
            wrong.append(("hint", f"does not say «{rule.says}»"))
        problems += [
            f"{shown}:{key_line(text, table, key)}: [{table}] {key} {why}: the question must "
            f"ask for the {rule.says} ({rule.concept}, source: {rule.source})"
            for key, why in wrong
        ]
    return problems


def _says(text: str, words: str) -> bool:
    return bool(_pattern(words, case_sensitive=False).search(text.translate(_APOSTROPHES)))


def main(argv: list[str]) -> int:
    problems = [p for arg in argv for p in check_file(Path(arg))]
    print("\n".join(problems) or "termbase: no banned term")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
