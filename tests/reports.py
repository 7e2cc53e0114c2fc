"""The figures the suites print at the end of a run, gathered from every xdist worker.

The trust suite counts pages, axe runs and requests (tests/trust/watch.py, FIGURES); the site
suite times its build (tests/site/built_site.py, TIMINGS). Under pytest-xdist each worker counts
its own share: it sends it to the controller when it ends (`to_wire`), the controller adds the
shares up (`merge`) and prints them once (`write`). Without xdist the same `write` prints the
one process's figures.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from tests.site.built_site import TIMINGS
from tests.trust.watch import FIGURES

KEY = "cip_reports"  # in an xdist worker's `workeroutput`


def to_wire() -> dict[str, Any]:
    """This process's figures as plain lists and dicts (what execnet can send)."""
    figures = asdict(FIGURES)
    figures["axe_rules"] = {rule: sorted(where) for rule, where in FIGURES.axe_rules.items()}
    figures["storage_keys"] = sorted(FIGURES.storage_keys)
    return {"trust": figures, "site": dict(TIMINGS)}


def merge(wire: dict[str, Any]) -> None:
    """Adds one worker's figures to this process's."""
    trust = wire["trust"]
    for lang, count in trust["pages"].items():  # set once per language by one test
        FIGURES.pages[lang] = max(FIGURES.pages.get(lang, 0), count)
    FIGURES.axe_runs += trust["axe_runs"]
    for impact, nodes in trust["axe_by_impact"].items():
        FIGURES.axe_by_impact[impact] = FIGURES.axe_by_impact.get(impact, 0) + nodes
    for rule, where in trust["axe_rules"].items():
        FIGURES.axe_rules.setdefault(rule, set()).update(where)
    FIGURES.requests += trust["requests"]
    FIGURES.foreign_requests += trust["foreign_requests"]
    FIGURES.csp_violations += trust["csp_violations"]
    FIGURES.storage_keys.update(trust["storage_keys"])
    FIGURES.notes += trust["notes"]
    TIMINGS.update(wire["site"])


def write(terminalreporter: Any) -> None:
    if TIMINGS:
        terminalreporter.section("site figures")
        for name, seconds in TIMINGS.items():
            terminalreporter.write_line(f"{name}: {seconds:.2f}")
    f = FIGURES
    if not (f.pages or f.axe_runs or f.requests):
        return
    line = terminalreporter.write_line
    terminalreporter.section("trust figures")
    line("pages checked: " + ", ".join(f"{lang} {n}" for lang, n in sorted(f.pages.items())))
    impacts = ", ".join(f"{k} {v}" for k, v in sorted(f.axe_by_impact.items())) or "none"
    line(f"axe runs: {f.axe_runs}; violations (nodes) by impact: {impacts}")
    for rule, where in sorted(f.axe_rules.items()):
        line(f"  {rule}: {len(where)} page states, e.g. {sorted(where)[0]}")
    line(f"requests seen: {f.requests}; to another origin: {len(f.foreign_requests)}")
    line(f"CSP violations: {len(f.csp_violations)}")
    line("storage keys found: " + (", ".join(sorted(f.storage_keys)) or "none"))
    for note in f.notes:
        line(note)
