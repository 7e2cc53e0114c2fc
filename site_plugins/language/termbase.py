"""The termbase: official terms per language, and the per-language links, checked on any text.

Data: ``site_plugins/termbase.toml`` (concepts with, per language, the preferred term, the banned
variants and a source; and link rules per language). Plain Python: the MkDocs adapter
(``plugin.py``) calls ``scan_terms`` and ``scan_links`` on pages, glossaries,
catalogues and the calculator's HTML; ``python -m site_plugins.language.termbase FILE…`` runs
the same check on files (the language comes from the path: ``docs/nl/…``, ``abbreviations.nl.md``,
``messages/nl.toml``).
"""

from __future__ import annotations

import re
import sys
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

TERMBASE = Path(__file__).with_name("termbase.toml")

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u02bc": "'"})
_URL_RE = re.compile(r"""(?:https?:)?//[^\s<>"')\]]+""")


@dataclass(frozen=True)
class Term:
    concept: str
    lang: str
    preferred: str
    banned: str
    source: str
    pattern: re.Pattern[str]


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
class Finding:
    line: int
    message: str


@dataclass(frozen=True)
class Termbase:
    terms: tuple[Term, ...]
    links: tuple[LinkRule, ...]

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(sorted({t.lang for t in self.terms} | {r.lang for r in self.links}))


def _pattern(banned: str, case_sensitive: bool) -> re.Pattern[str]:
    stem = banned.removesuffix("*").translate(_APOSTROPHES)
    body = r"\s+".join(re.escape(word) for word in stem.split())
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


def scan_terms(text: str, lang: str, termbase: Termbase | None = None) -> list[Finding]:
    """Every banned variant of ``lang`` in ``text``, with its line and the term to use."""
    base = termbase or load_termbase()
    normal = text.translate(_APOSTROPHES)  # same length: indexes stay valid
    # Addresses are not prose ("cip@forem.be", "…/ontheffing"): blank them out, same length.
    normal = _URL_RE.sub(lambda m: " " * len(m.group()), normal)
    found: list[Finding] = []
    for term in base.terms:
        if term.lang != lang:
            continue
        for match in term.pattern.finditer(normal):
            found.append(
                Finding(
                    _line_of(text, match.start()),
                    f"«{text[match.start() : match.end()]}» is not the official term here: "
                    f"write «{term.preferred}» ({term.concept}, source: {term.source})",
                )
            )
    return sorted(found, key=lambda f: f.line)


def scan_links(text: str, lang: str, termbase: Termbase | None = None) -> list[Finding]:
    """Every address in ``text`` that sends a reader of ``lang`` to another language's page."""
    base = termbase or load_termbase()
    rules = [r for r in base.links if r.lang == lang]
    found: list[Finding] = []
    for match in _URL_RE.finditer(text):
        url = match.group().rstrip(".,;:")
        for rule in rules:
            if rule.refuses(url):
                found.append(
                    Finding(
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
    findings = scan_terms(text, lang) + scan_links(text, lang)
    return [f"{name}:{f.line}: {f.message}" for f in sorted(findings, key=lambda f: f.line)]


def main(argv: list[str]) -> int:
    problems = [p for arg in argv for p in check_file(Path(arg))]
    print("\n".join(problems) or "termbase: no banned term")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
