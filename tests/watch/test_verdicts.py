"""The watch against a real HTTP server on 127.0.0.1 serving recorded pages: each case gives its
verdict, and a page that gave no answer is never "changed"."""

from __future__ import annotations

from decimal import Decimal

from tests.watch.conftest import TODAY, Project
from tools.watch.extract import CHANGED, UNCHANGED
from tools.watch.report import render
from tools.watch.run import watch
from tools.watch.verdict import MOVED, OK, UNREACHABLE


def _verdicts(project: Project) -> dict[str, tuple[str, str]]:
    outcome = watch(project.settings(), project.extractors())
    return {a.url: (a.verdict, a.why) for a in outcome.addresses}


def test_each_case_gives_its_verdict(project: Project) -> None:
    outcome = watch(project.settings(), project.extractors())
    verdicts = {a.url: (a.verdict, a.why) for a in outcome.addresses}
    url = project.url
    assert verdicts[url("/old-address")] == (
        MOVED,
        f"redirected (301) to {url('/new-home-of-the-page')}",
    )
    assert verdicts[url("/no-final-slash")][0] == OK  # the same page, with its final slash
    assert verdicts[url("/gone")] == (MOVED, "404 Not Found")
    assert verdicts[url("/removed")] == (MOVED, "410 Gone")
    assert verdicts[url("/broken")] == (UNREACHABLE, "server error 500 (2 tries)")
    # The fragment is not part of the page's address.
    assert verdicts[url("/slow")] == (UNREACHABLE, "timed out (2 tries)")
    assert verdicts[project.refused] == (UNREACHABLE, "connection refused")

    figures = {f.extractor.id: f for f in outcome.figures}
    assert set(figures) == {"unchanged-actiris", "changed-securex"}
    actiris = figures["unchanged-actiris"]
    # 2 070,48 / 2 = 1 035,24 held for May 2024; Actiris prints 1 035,20 (10-cent rounding).
    assert actiris.verdict == UNCHANGED
    assert (actiris.found, actiris.held.low) == (Decimal("1035.20"), Decimal("1035.24"))
    securex = figures["changed-securex"]
    assert securex.verdict == CHANGED and securex.found == Decimal("2070.48")
    assert securex.held.day == TODAY and securex.held.low > Decimal("2070.48")
    assert "2.070,48" in securex.quote
    assert outcome.needs_review


def test_a_page_that_gave_no_answer_is_never_changed(project: Project) -> None:
    outcome = watch(project.settings(), project.extractors())
    silent = {project.refused, project.url("/slow"), project.url("/broken")}
    assert not [f for f in outcome.figures if f.extractor.url in silent]
    report = render(outcome)
    changed = report.split("## Changed")[1].split("## Moved")[0]
    for address in silent:
        assert address not in changed
        assert address in report.split("## Unreachable")[1].split("## Unchanged")[0]


def test_the_report_has_the_four_sections_with_what_to_review(project: Project) -> None:
    report = render(watch(project.settings(), project.extractors()))
    assert report.startswith("# Sources to review\n")
    changed, rest = report.split("## Changed", 1)[1].split("## Moved", 1)
    moved, rest = rest.split("## Unreachable", 1)
    unreachable, unchanged = rest.split("## Unchanged", 1)
    # Changed: what we hold, what the page says, the page and the quote.
    assert "**changed-securex**" in changed and "**2,070.48 €**" in changed
    assert "(a range)" in changed and f"for {TODAY.isoformat()}" in changed
    assert project.url("/securex/rmmg-national") in changed and "Quote: “" in changed
    # Moved: where the page ended, and which file cites it.
    assert project.url("/new-home-of-the-page") in moved
    assert "cip_core/data/sources.toml [urls].moved.fr" in moved
    assert "404 Not Found" in moved and "410 Gone" in moved
    assert "timed out" in unreachable and "connection refused" in unreachable
    assert "unchanged-actiris" in unchanged and "1,035.20 €" in unchanged
    assert "No cited page answered" not in report  # some did


def test_a_redirect_is_read_where_it_ended(project: Project) -> None:
    """A page that moved and still states the figure is checked at its new address."""
    moved_page = project.url("/old-address")
    project.extractors_file.write_text(
        project.extractors_file.read_text("utf-8").replace(
            project.url("/actiris/nl/werkgevers/beroepsinlevingsstage/"), moved_page
        ),
        "utf-8",
    )
    outcome = watch(project.settings(), project.extractors())
    figure = next(f for f in outcome.figures if f.extractor.id == "unchanged-actiris")
    assert figure.verdict == UNCHANGED and figure.page == project.url("/new-home-of-the-page")
    assert _verdicts(project)[moved_page][0] == MOVED
