"""check_parity: every page in both languages, same heading levels, same markers in order."""

from __future__ import annotations

from pathlib import Path

from site_plugins.parity.check import check_parity, main

FR = (
    "# Titre\n\n## Un\n\n{{cip rmmg}}\n\n## Deux\n\n### Détail\n\n"
    "{{cip minimum_allowance at=2021-09-01}}\n"
)
NL = FR.replace("Titre", "Titel").replace("Un", "Een").replace("Deux", "Twee").replace("é", "e")


def write(docs: Path, lang: str, name: str, text: str) -> None:
    path = docs / lang / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def pair(tmp_path: Path, fr: str = FR, nl: str = NL) -> Path:
    docs = tmp_path / "docs"
    write(docs, "fr", "page.md", fr)
    write(docs, "nl", "page.md", nl)
    return docs


def test_matching_pages_pass(tmp_path: Path) -> None:
    docs = pair(tmp_path)
    write(docs, "fr", "sub/deep.md", "Texte\n=====\n\n```\n# pas un titre\n```\n")
    write(docs, "nl", "sub/deep.md", "---\ntitle: x\n---\nTekst\n=====\n\nLijn\n")
    assert check_parity(docs) == []
    assert main([str(docs)]) == 0


def test_missing_counterparts_in_either_direction(tmp_path: Path) -> None:
    docs = pair(tmp_path)
    write(docs, "fr", "seul.md", "# Seul\n")
    write(docs, "nl", "alleen.md", "# Alleen\n")
    problems = check_parity(docs)
    assert len(problems) == 2
    assert any("docs/nl/seul.md is missing" in p and "docs/fr/seul.md" in p for p in problems)
    assert any("docs/fr/alleen.md is missing" in p and "docs/nl/alleen.md" in p for p in problems)
    assert main([str(docs)]) == 1


def test_heading_level_mismatch_names_both_files_and_lines(tmp_path: Path) -> None:
    docs = pair(tmp_path, nl=NL.replace("### Detail", "## Detail"))
    (problem,) = check_parity(docs)
    assert "headings differ" in problem
    assert 'docs/fr/page.md:9 has H3 "Détail"' in problem
    assert 'docs/nl/page.md:9 has H2 "Detail"' in problem


def test_missing_heading_is_reported(tmp_path: Path) -> None:
    docs = pair(tmp_path, nl=NL.replace("## Twee\n\n", ""))
    (problem,) = check_parity(docs)
    assert 'docs/fr/page.md:7 has H2 "Deux"' in problem
    assert "nothing matches in docs/nl/page.md" in problem


def test_marker_mismatch_names_both_files(tmp_path: Path) -> None:
    docs = pair(tmp_path, nl=NL.replace("at=2021-09-01", "at=2022-01-01"))
    (problem,) = check_parity(docs)
    assert "figure markers differ" in problem
    assert "docs/fr/page.md:11 has {{cip minimum_allowance at=2021-09-01}}" in problem
    assert "docs/nl/page.md:11 has {{cip minimum_allowance at=2022-01-01}}" in problem


def test_marker_order_matters(tmp_path: Path) -> None:
    swapped = NL.replace("{{cip rmmg}}", "@@").replace(
        "{{cip minimum_allowance at=2021-09-01}}", "{{cip rmmg}}"
    )
    docs = pair(tmp_path, nl=swapped.replace("@@", "{{cip minimum_allowance at=2021-09-01}}"))
    assert check_parity(docs)


def test_every_problem_is_listed(tmp_path: Path) -> None:
    docs = pair(tmp_path, nl=NL.replace("# Titel", "## Titel").replace("{{cip rmmg}}", ""))
    write(docs, "fr", "seul.md", "# Seul\n")
    problems = check_parity(docs)
    assert len(problems) == 3


def test_a_malformed_marker_is_reported_not_raised(tmp_path: Path) -> None:
    docs = pair(tmp_path, nl=NL.replace("{{cip rmmg}}", "{{cip rmmg x}}"))
    problems = check_parity(docs)
    assert any(p.startswith("docs/nl/page.md:5:") for p in problems)
