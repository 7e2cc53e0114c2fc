"""``evaluate``: runs the rules on a case and words the answer in the requested language.

Order of the verdict (rules-brief §1-2): an exclusion makes the stage "not eligible" everywhere;
otherwise, without any Brussels link the user is referred to the body of the workplace's region;
otherwise any reason makes it "not eligible", a missing answer "incomplete", and else "eligible".
"""

from __future__ import annotations

from cip_core.bodies import body as body_info
from cip_core.case import FIELD_NAMES, Case, asked_fields, normalise_case
from cip_core.messages import DEFAULT_LANGUAGE, text, value_label
from cip_core.result import Item, Result
from cip_core.rules import Finding, Outcome
from cip_core.rules.allowance import AllowanceFigures, minimum_allowance
from cip_core.rules.body import competent_body
from cip_core.rules.duration import duration, working_time
from cip_core.rules.exclusions import exclusions
from cip_core.rules.scope import brussels_link
from cip_core.rules.steps import steps_before_start
from cip_core.sources import source_of


def evaluate(case: Case, lang: str = DEFAULT_LANGUAGE) -> Result:
    """The answer for ``case`` in ``lang`` (``fr`` or ``nl``); ``InputError`` on bad input."""
    case = normalise_case(case, lang)
    outcome = exclusions(case)
    link, link_outcome = brussels_link(case)
    body, body_outcome = competent_body(case)
    allowance, allowance_outcome = minimum_allowance(case, body)

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
        if outcome.reasons:
            verdict = "not_eligible"
        elif outcome.missing:
            verdict = "incomplete"
        else:
            verdict = "eligible"
    # A question the form does not ask (questions.toml asked_if) is never missing.
    outcome.missing = [name for name in outcome.missing if name in asked_fields(case)]
    return _worded(verdict, outcome, body, allowance, lang)


def _worded(
    verdict: str, outcome: Outcome, body: str | None, allowance: AllowanceFigures | None, lang: str
) -> Result:
    missing = [name for name in FIELD_NAMES if name in outcome.missing]
    return Result(
        verdict=verdict,
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
    return Item(
        finding.code, text(lang, section, finding.code, **params), source_of(finding.code).url
    )
