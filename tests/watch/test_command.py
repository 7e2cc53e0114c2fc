"""``python -m tools.watch`` (``make watch``): its exit status and its words, never a traceback;
and the addresses it collects from the real project."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.watch.conftest import Project
from tools.watch.__main__ import EXTRACTORS, ROOT
from tools.watch.extract import load_extractors
from tools.watch.urls import collect


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tools.watch", "--today", "2026-12-01", "--timeout", "0.5", *args],
        cwd=ROOT, capture_output=True, text=True, check=False, timeout=120,
    )  # fmt: skip


def _only_sources(project: Project, *urls: str) -> None:
    body = "".join(f'[urls.s{n}]\nfr = "{url}"\n' for n, url in enumerate(urls))
    (project.root / "cip_core" / "data" / "sources.toml").write_text(body, "utf-8")
    (project.root / "cip_core" / "data" / "bodies.toml").unlink()


def test_without_network_every_page_is_unreachable_and_the_exit_is_0(
    project: Project, tmp_path: Path
) -> None:
    """What `make watch` does on a machine without the internet: a clear report, exit 0."""
    _only_sources(project, project.refused, project.refused.replace("nothing", "still-nothing"))
    empty = tmp_path / "no-extractors.toml"
    empty.write_text("", "utf-8")
    report = tmp_path / "report.md"
    done = _run("--root", str(project.root), "--extractors", str(empty), "--report", str(report))
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stdout + done.stderr
    text = report.read_text("utf-8")
    assert "| 0 | 0 | 2 | 0 figures, 0 addresses |" in text
    assert "## Unreachable: no answer this time, nothing to do until the next run (2)" in text
    assert "connection refused" in text and text == done.stdout.rstrip("\n") + "\n"
    assert "**No cited page answered**: the watch had no network" in text


def test_a_changed_figure_or_a_moved_page_exits_1(project: Project, tmp_path: Path) -> None:
    _only_sources(project, project.url("/old-address"))
    # Only the pages that answer at once (the command's own retry pauses are seconds long).
    fast = tmp_path / "extractors.toml"
    entries = project.extractors_file.read_text("utf-8").split("[[figure]]")
    fast.write_text("[[figure]]".join(e for e in entries if "changed-" in e or not e.strip()))
    done = _run(
        "--root", str(project.root), "--extractors", str(fast),
        "--report", str(tmp_path / "report.md"),
    )  # fmt: skip
    assert done.returncode == 1, done.stderr
    assert "redirected (301)" in done.stdout and "**changed-securex**" in done.stdout


def test_a_mistake_in_the_extractors_file_exits_2_with_its_name(tmp_path: Path) -> None:
    broken = tmp_path / "extractors.toml"
    broken.write_text('[[figure]]\nid = "x"\nparameter = "rmmg"\n', "utf-8")
    done = _run("--extractors", str(broken), "--report", str(tmp_path / "r.md"))
    assert done.returncode == 2
    assert done.stderr.startswith(f"watch: {broken} [[figure]] #1 (x): `unit` is missing")
    assert "Traceback" not in done.stderr and not (tmp_path / "r.md").exists()


def test_it_collects_every_kind_of_address_the_project_cites(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "nl" / "indemnite").mkdir(parents=True)
    (site / "index.html").write_text(
        '<link rel="canonical" href="https://guide.example/">'
        '<a href="https://guide.example/conditions/">own</a>'
        '<a href="http://127.0.0.1:8000/nl/">local build</a><a href="conditions/">relative</a>',
        "utf-8",
    )
    (site / "nl" / "indemnite" / "index.html").write_text(
        '<a href="https://www.rva.be/nl/documentatie/infoblad/t58#cumul">RVA</a>'
        '<a href="mailto:cip@forem.be">Forem</a>',
        "utf-8",
    )
    extractors = [(e.id, e.url) for e in load_extractors(EXTRACTORS)]
    found = collect(ROOT, site, extractors)
    counts = found.count_by_kind()
    assert set(counts) == {"parameter", "source", "body", "extractor", "site"}
    assert found.cited["https://www.rva.be/nl/documentatie/infoblad/t58"].kinds == [
        "source",
        "site",
    ]
    assert "https://www.cnt-nar.be/Cct-montants.htm" in found.cited  # official_reference
    for url in found.cited:
        assert url.startswith(("http://", "https://")) and "#" not in url
        assert "127.0.0.1" not in url and "guide.example" not in url
    places = found.cited["https://www.actiris.brussels/nl/werkgevers/beroepsinlevingsstage/"]
    assert ("parameter", "cip_core/parameters/rmmg.toml [values][from 2024-05-01].reference") in (
        places.places
    )
    # The page that states a body's phone and address (bodies.toml contact_source) is watched too.
    vdab = "https://www.vlaanderen.be/organisaties/administratieve-diensten-van-de-vlaamse-overheid/beleidsdomein-werk-en-sociale-economie/vlaamse-dienst-voor-arbeidsbemiddeling-en-beroepsopleiding"
    assert ("body", "cip_core/data/bodies.toml [vdab].contact_source") in found.cited[vdab].places
