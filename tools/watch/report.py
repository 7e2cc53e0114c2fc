"""The watch's one Markdown report: changed · moved · unreachable · unchanged.

Written for an editor (CONTRIBUTING.md, "When the monthly watch reports"): each entry says what
we hold, what the page says, where, and which file cites it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from tools.watch.extract import CHANGED, FigureCheck
from tools.watch.urls import Collection
from tools.watch.verdict import MOVED, OK, UNREACHABLE, AddressVerdict

TITLE = "Sources to review"


@dataclass(frozen=True)
class Outcome:
    today: date
    collection: Collection
    addresses: list[AddressVerdict]
    figures: list[FigureCheck]

    def of(self, verdict: str) -> list[AddressVerdict]:
        return [a for a in self.addresses if a.verdict == verdict]

    @property
    def changed(self) -> list[FigureCheck]:
        return [f for f in self.figures if f.verdict == CHANGED]

    @property
    def unchanged(self) -> list[FigureCheck]:
        return [f for f in self.figures if f.verdict != CHANGED]

    @property
    def needs_review(self) -> bool:
        """Changed or moved: an editor has something to do (the exit status says so)."""
        return bool(self.changed or self.of(MOVED))


def render(outcome: Outcome) -> str:
    moved, unreachable, ok = (outcome.of(v) for v in (MOVED, UNREACHABLE, OK))
    counts = outcome.collection.count_by_kind()
    lines = [
        f"# {TITLE}",
        "",
        f"Monthly watch of {outcome.today.isoformat()}: {len(outcome.addresses)} cited "
        f"addresses fetched, {len(outcome.figures)} figures compared with what cip_core holds "
        "for their date. What to do with each section: CONTRIBUTING.md, "
        '"When the monthly watch reports".',
        "",
        "| changed | moved | unreachable | unchanged |",
        "|---:|---:|---:|---:|",
        f"| {len(outcome.changed)} | {len(moved)} | {len(unreachable)} "
        f"| {len(outcome.unchanged)} figures, {len(ok)} addresses |",
        "",
        "Addresses by where they are cited: "
        + " · ".join(f"{kind} {n}" for kind, n in counts.items())
        + f". The pages' links were read from {outcome.collection.site_read}.",
        "",
        *_no_network(outcome, unreachable),
        f"## Changed: a page states another figure than we hold ({len(outcome.changed)})",
        "",
        *(_changed(check) for check in outcome.changed),
        *(["None."] if not outcome.changed else []),
        "",
        f"## Moved: redirected to another page, or gone ({len(moved)})",
        "",
        *_table(outcome, moved, "what happened"),
        "",
        f"## Unreachable: no answer this time, nothing to do until the next run "
        f"({len(unreachable)})",
        "",
        *_table(outcome, unreachable, "why"),
        "",
        f"## Unchanged ({len(outcome.unchanged)} figures, {len(ok)} addresses)",
        "",
        *(_unchanged(check) for check in outcome.unchanged),
        *(["No figure could be read."] if not outcome.unchanged else []),
        "",
        *_answered(ok),
    ]
    return "\n".join(lines).rstrip() + "\n"


def _no_network(outcome: Outcome, unreachable: list[AddressVerdict]) -> list[str]:
    if not outcome.addresses or len(unreachable) < len(outcome.addresses):
        return []
    return [
        "**No cited page answered**: the watch had no network (an offline run?). Nothing is "
        "changed and nothing to do: the monthly run on GitHub, which has the internet, reads "
        "them.",
        "",
    ]


def _changed(check: FigureCheck) -> str:
    e = check.extractor
    said = (
        f"the page says **{_money(check.found)}**"
        if check.found is not None
        else "**the page no longer states the figure in the expected words** (the page was "
        "rewritten: read it, then update the parameter or the extractor's pattern)"
    )
    quote = f"\n  Quote: “{check.quote}”" if check.quote else ""
    return (
        f"- **{e.id}** ({_what(check)}): we hold {_held(check)}; {said}.\n"
        f"  Page: {check.page}{quote}"
    )


def _unchanged(check: FigureCheck) -> str:
    return (
        f"- {check.extractor.id} ({_what(check)}): the page says {_money(check.found)}, "
        f"we hold {_held(check)}. {check.page}"
    )


def _what(check: FigureCheck) -> str:
    e = check.extractor
    half = "half of " if e.quantity == "half" else ""
    return f"{half}{e.parameter}, {e.unit}, {e.kind}"


def _held(check: FigureCheck) -> str:
    h = check.held
    amount = _money(h.low) if h.exact else f"{_money(h.low)} to {_money(h.high)} (a range)"
    tolerance = check.extractor.tolerance
    margin = f", ± {_money(tolerance)}" if tolerance else ""
    return f"{amount} for {h.day.isoformat()} (value from {h.since.isoformat()}{margin})"


def _money(amount: Decimal | None) -> str:
    return "—" if amount is None else f"{amount:,.2f} €"


def _table(outcome: Outcome, rows: list[AddressVerdict], heading: str) -> list[str]:
    if not rows:
        return ["None."]
    lines = [f"| address | {heading} | cited in |", "|---|---|---|"]
    for row in sorted(rows, key=lambda r: r.url):
        lines.append(f"| {row.url} | {_cell(row.why)} | {_cell(_places(outcome, row.url))} |")
    return lines


def _places(outcome: Outcome, url: str, shown: int = 2) -> str:
    places = [where for _, where in outcome.collection.cited[url].places]
    more = f" and {len(places) - shown} more" if len(places) > shown else ""
    return "; ".join(places[:shown]) + more


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _answered(ok: list[AddressVerdict]) -> list[str]:
    if not ok:
        return []
    return [
        f"<details><summary>{len(ok)} addresses answered at their own place</summary>",
        "",
        *(f"- {row.url}" for row in sorted(ok, key=lambda r: r.url)),
        "",
        "</details>",
    ]
