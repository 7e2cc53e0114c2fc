"""``evaluate``: runs the rules on a case and words the answer in the requested language.

Order of the verdict (rules-brief §1-2): an exclusion makes the stage "not eligible" everywhere;
otherwise, without any Brussels link the user is referred to the body of the workplace's region;
otherwise any reason makes it "not eligible", a missing answer "incomplete", and else "eligible".

Certainty belongs to the verdict (contract): ``firm`` when the verdict cannot change once the
unknowns are known (an exclusion, the duration or the hours, an offer below the lowest possible
minimum), ``to_confirm`` when it rests on something unsure; the hedge names the competent body.
"""

from __future__ import annotations

from datetime import date

from cip_core.bodies import body as body_info
from cip_core.case import FIELD_NAMES, Case, asked_fields, checked_case
from cip_core.formatting import format_date
from cip_core.item_links import extras
from cip_core.messages import DEFAULT_LANGUAGE, Money, format_value, text, value_label
from cip_core.result import Item, Result
from cip_core.rules import FIRM, TO_CONFIRM, AmountRange, Finding, Outcome
from cip_core.rules.allowance import AllowanceFigures, minimum_allowance
from cip_core.rules.body import competent_body, route_of
from cip_core.rules.duration import duration, working_time
from cip_core.rules.exclusions import exclusions, route_exclusions
from cip_core.rules.fixes import ways_forward
from cip_core.rules.scope import brussels_link
from cip_core.rules.steps import STEP_WARNINGS, steps_before_start
from cip_core.sources import source_note, source_url, url_note

# Reasons that decide "not eligible" only through the amounts: their certainty is the offer's.
ALLOWANCE_REASONS = frozenset({"allowance_below_minimum"})
# Parameters naming a body, each read in a sentence with its article ("par le VDAB", "à
# l'organisme de sa région : l'ADG"); without a known body, "the competent body" or the list of
# the bodies the parameter may name (messages [values]).
BODY_NAMES = ("body", "home_body", "exemption_body", "registration_body")
# The doubts about the exact amount of the RMMG behind the minimum (its date, a forecast, an
# amount no source states) and the offer they leave unsure (inside the range, a few cents short):
# one warning says it to the reader, the first of these present, so an answer gives one short
# "to check" line per doubt (issue 20, item 5). The age scale's range comes first: it gives the
# reason and the same advice (plan the higher amount, or ask the body) as the offer's warning.
AMOUNT_DOUBTS = (
    "age_18_20_range",
    "allowance_within_range",
    "rounding_tolerance",
    "parameter_may_be_outdated",
    "rmmg_forecast",
    "rmmg_value_unknown",
    "rmmg_value_inferred",
)


def evaluate(case: Case, lang: str = DEFAULT_LANGUAGE, today: date | None = None) -> Result:
    """The answer for ``case`` in ``lang`` (a catalogue's language); ``InputError`` on bad input.

    ``today`` (default: the system date) is the start date used when none is given, and the day
    against which deadlines are checked; tests pass it so no answer depends on the day they run.
    """
    case = checked_case(case, lang)  # read once: a parsed case is not parsed again
    today = today or date.today()
    day = case.start_date or today  # every limit is read at the stage's start date
    body, body_outcome = competent_body(case)
    route = route_of(body)
    outcome = exclusions(case, route)
    link, link_outcome = brussels_link(case)
    allowance, allowance_outcome = minimum_allowance(case, body, today)

    if link is False:
        # Another region's body applies its own rules: only the exclusions and, for reference,
        # the federal minimum are told here; nothing is "missing" for that answer.
        verdict = "not_eligible" if outcome.reasons else "refer"
        outcome.reasons += link_outcome.reasons
        if allowance is not None and allowance.minimum is not None:
            minimum = _amount(allowance)
            reference = Finding("minimum_for_reference", {"minimum": minimum, "body": body or ""})
            outcome.warnings.append(reference)
        outcome.missing = []
    else:
        outcome.add(link_outcome).add(body_outcome)
        outcome.add(duration(case, body, day)).add(working_time(case, day))
        outcome.add(allowance_outcome)
        outcome.warnings += route_exclusions(route, outcome)
        steps = steps_before_start(case, body, day, today)
        if not outcome.reasons:
            outcome.add(steps)
        else:
            outcome.warnings += [w for w in steps.warnings if w.code not in STEP_WARNINGS]
        # A question the form does not ask (questions.toml asked_if) is never missing.
        asked = asked_fields(case)
        outcome.missing = [name for name in outcome.missing if name in asked]
        if outcome.reasons:
            verdict = "not_eligible"
        elif outcome.missing:
            verdict = "incomplete"
        else:
            verdict = "eligible"
    doubts = _doubts(verdict, outcome, body, allowance)
    fixes = ways_forward(outcome.reasons, outcome.warnings, body, allowance, day)
    return _worded(verdict, doubts, outcome, fixes, body, allowance, lang)


def _amount(figures: AllowanceFigures) -> Money | AmountRange:
    assert figures.minimum is not None
    low = figures.minimum if figures.low is None else figures.low
    return Money(figures.minimum) if low == figures.minimum else AmountRange(low, figures.minimum)


def _doubts(
    verdict: str, outcome: Outcome, body: str | None, allowance: AllowanceFigures | None
) -> tuple[Finding, ...]:
    """What makes the verdict "to confirm", the most telling first; empty: the answer is firm."""
    if verdict == "refer":
        return ()
    if any(r.code not in ALLOWANCE_REASONS for r in outcome.reasons):
        return ()  # an exclusion, the duration or the hours decide, whatever the amounts
    found: tuple[Finding, ...] = ()
    if allowance is not None:
        # The verdict on an offer, or (no offer yet) the figure the answer gives.
        found = allowance.verdict_doubts if allowance.offered is not None else allowance.doubts
    if verdict == "eligible" and body == "adg":
        found += (Finding("body_inferred"),)  # the body itself is inferred
    return found


def _headline(verdict: str, doubts: tuple[Finding, ...], body: str | None, lang: str) -> str:
    """The verdict line as the page shows it: "to confirm", by which body and why, at the top."""
    if not doubts:
        return text(lang, "verdicts", verdict)
    first = doubts[0]
    why = text(lang, "doubts", first.text_key, **_params(first, lang))
    who = _body_name(body or "", lang, with_article=True)
    return text(lang, "headlines", f"{verdict}_to_confirm", why=why, body=who)


def _worded(
    verdict: str,
    doubts: tuple[Finding, ...],
    outcome: Outcome,
    fixes: list[Finding],
    body: str | None,
    allowance: AllowanceFigures | None,
    lang: str,
) -> Result:
    missing = [name for name in FIELD_NAMES if name in outcome.missing]
    return Result(
        verdict=verdict,
        certainty=TO_CONFIRM if doubts else FIRM,
        headline=_headline(verdict, doubts, body, lang),
        summary=text(lang, "verdicts", verdict),
        reasons=[_item(lang, "reasons", f) for f in outcome.reasons],
        warnings=[_item(lang, "warnings", f) for f in one_amount_doubt(_unique(outcome.warnings))],
        steps=[_item(lang, "steps", f) for f in outcome.steps],
        fixes=[_item(lang, "fixes", f) for f in fixes],
        body=body_info(body, lang) if body else None,
        allowance=allowance,
        missing=missing,
        lang=lang,
    )


def _unique(findings: list[Finding]) -> list[Finding]:
    seen: set[str] = set()
    kept = []
    for finding in findings:
        if finding.code not in seen:
            seen.add(finding.code)
            kept.append(finding)
    return kept


def one_amount_doubt(findings: list[Finding]) -> list[Finding]:
    """The warnings with only the most telling doubt about the minimum's amount (AMOUNT_DOUBTS)."""
    present = [f.code for f in findings if f.code in AMOUNT_DOUBTS]
    kept = min(present, key=AMOUNT_DOUBTS.index) if present else None
    return [f for f in findings if f.code not in AMOUNT_DOUBTS or f.code == kept]


def _body_name(code: str, lang: str, with_article: bool = False) -> str:
    """A body's name for a sentence; "the competent body" (or any region's) when not known."""
    if not code:
        return value_label(lang, "competent_body")
    known = body_info(code, lang)
    return known.name_with_article if with_article else known.name


def _params(finding: Finding, lang: str) -> dict[str, object]:
    """The finding's values, with bodies named and ranges written for a reader of ``lang``."""
    params = dict(finding.params)
    for key, value in params.items():
        if key in BODY_NAMES:
            if value or key == "body":  # an empty body reads "the competent body"
                params[key] = _body_name(str(value), lang, with_article=True)
            else:  # the bodies this sentence may name (messages [values])
                params[key] = value_label(lang, key)
        elif isinstance(value, AmountRange):
            low, high = format_value(Money(value.low), lang), format_value(Money(value.high), lang)
            params[key] = text(lang, "figures", "range", low=low, high=high)
    return params


# The catalogue sections whose items carry links and a body (cip_core/data/steps.toml's tables).
LINKED = {"steps": "step", "fixes": "fix"}


def _item(lang: str, section: str, finding: Finding) -> Item:
    if finding.source:
        url, note = url_note(finding.source, lang)
    else:
        url, note = source_url(finding.text_key, lang), source_note(finding.text_key, lang)
    shown = extras(LINKED[section], finding, lang) if section in LINKED else None
    actor = shown.actor if shown else None
    return Item(
        finding.code,
        text(lang, section, finding.text_key, **_params(finding, lang)),
        url,
        actor=actor,
        actor_label=text(lang, "actors", actor) if actor else None,
        links=shown.links if shown else None,
        source_note=note,
        date=finding.due.isoformat() if finding.due else None,
        date_text=format_date(finding.due, lang) if finding.due else None,
        body=shown.body if shown else None,
    )
