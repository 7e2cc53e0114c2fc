"""``evaluate``: runs the rules on a case and words the answer in the requested language.

Order of the verdict (rules-brief §1-2): an exclusion makes the stage "not eligible" everywhere;
otherwise, without any Brussels link the user is referred to the body of the workplace's region;
otherwise any reason makes it "not eligible", a missing answer "incomplete", and else "eligible".
"""

from __future__ import annotations

from datetime import date

from cip_core.bodies import body as body_info
from cip_core.case import FIELD_NAMES, Case, asked_fields, normalise_case
from cip_core.messages import DEFAULT_LANGUAGE, text, value_label
from cip_core.result import Item, Result
from cip_core.rules import Finding, Outcome
from cip_core.rules.allowance import FIRM, TO_CONFIRM, AllowanceFigures, minimum_allowance
from cip_core.rules.body import competent_body
from cip_core.rules.duration import duration, working_time
from cip_core.rules.exclusions import exclusions
from cip_core.rules.scope import brussels_link
from cip_core.rules.steps import step_details, steps_before_start
from cip_core.sources import source_note, source_url

# Reasons that decide "not eligible" whatever the amounts: the answer is firm.
ALLOWANCE_REASONS = frozenset({"allowance_below_minimum"})


def evaluate(case: Case, lang: str = DEFAULT_LANGUAGE, today: date | None = None) -> Result:
    """The answer for ``case`` in ``lang`` (``fr`` or ``nl``); ``InputError`` on bad input.

    ``today`` (default: the system date) is the start date used when none is given; tests pass it
    so that answers without a date do not depend on the day they run.
    """
    case = normalise_case(case, lang)
    today = today or date.today()
    outcome = exclusions(case)
    link, link_outcome = brussels_link(case)
    body, body_outcome = competent_body(case)
    allowance, allowance_outcome = minimum_allowance(case, body, today)

    if link is False:
        # Another region's body applies its own rules: only the federal exclusions and the
        # federal minimum allowance are told here; nothing is "missing" for that answer.
        verdict = "not_eligible" if outcome.reasons else "refer"
        outcome.reasons += link_outcome.reasons
        outcome.warnings += allowance_outcome.warnings
        outcome.missing = []
    else:
        outcome.add(link_outcome).add(body_outcome)
        outcome.add(duration(case, body)).add(working_time(case)).add(allowance_outcome)
        if not outcome.reasons:
            outcome.add(steps_before_start(case, body))
        else:
            outcome.warnings += steps_before_start(case, body).warnings
        # A question the form does not ask (questions.toml asked_if) is never missing.
        asked = asked_fields(case)
        outcome.missing = [name for name in outcome.missing if name in asked]
        if outcome.reasons:
            verdict = "not_eligible"
        elif outcome.missing:
            verdict = "incomplete"
        else:
            verdict = "eligible"
    certainty = _certainty(verdict, outcome, body, allowance)
    return _worded(verdict, certainty, outcome, body, allowance, lang)


def _certainty(
    verdict: str, outcome: Outcome, body: str | None, allowance: AllowanceFigures | None
) -> str:
    """``to_confirm`` when the verdict rests on an inferred or unknown value (contract)."""
    if verdict == "refer":
        return FIRM
    if any(r.code not in ALLOWANCE_REASONS for r in outcome.reasons):
        return FIRM  # an exclusion, the duration or the hours decide, whatever the amounts
    if verdict == "eligible" and body == "adg":
        return TO_CONFIRM  # the body itself is inferred
    return allowance.certainty if allowance is not None else FIRM


def _headline(verdict: str, certainty: str, allowance: AllowanceFigures | None, lang: str) -> str:
    """The verdict line the page shows as it is: it says "to confirm" and why, at the top."""
    if certainty == FIRM:
        return text(lang, "verdicts", verdict)
    doubt = allowance.doubts[0] if allowance is not None and allowance.doubts else "body_inferred"
    return text(lang, "headlines", f"{verdict}_to_confirm", why=text(lang, "doubts", doubt))


def _worded(
    verdict: str,
    certainty: str,
    outcome: Outcome,
    body: str | None,
    allowance: AllowanceFigures | None,
    lang: str,
) -> Result:
    missing = [name for name in FIELD_NAMES if name in outcome.missing]
    return Result(
        verdict=verdict,
        certainty=certainty,
        headline=_headline(verdict, certainty, allowance, lang),
        summary=text(lang, "verdicts", verdict),
        reasons=[_item(lang, "reasons", f) for f in outcome.reasons],
        warnings=[_item(lang, "warnings", f) for f in _unique(outcome.warnings)],
        steps=[_item(lang, "steps", f) for f in outcome.steps],
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


def _item(lang: str, section: str, finding: Finding) -> Item:
    params = dict(finding.params)
    for key in ("body", "home_body"):
        if key in params:
            code = str(params[key])
            params[key] = (
                body_info(code, lang).name if code else value_label(lang, "competent_body")
            )
    step = step_details(finding.code) if section == "steps" else None
    return Item(
        finding.code,
        text(lang, section, finding.code, **params),
        source_url(finding.code, lang),
        actor=step.actor if step else None,
        actor_label=text(lang, "actors", step.actor) if step else None,
        links=step.links(lang, str(finding.params.get("body") or "")) if step else None,
        source_note=source_note(finding.code, lang),
    )
