"""The competent body: who approves the training plan (fact sheet; rules-brief §1).

Brussels workplace: Bruxelles Formation for a trainee who follows the stage in French, VDAB
(Regionale Dienst Brussel) in Dutch. Flanders: VDAB. Wallonia: FOREM. German-speaking Community:
ADG (inferred). VDAB applies its own rules (Flemish BIS): the "VDAB route".
"""

from __future__ import annotations

from cip_core.case import Case
from cip_core.rules import Outcome

# Keys of cip_core/data/bodies.toml.
BODY_OF_REGION = {"flanders": "vdab", "wallonia": "forem", "german_community": "adg"}
BRUSSELS_BODY_OF_LANGUAGE = {"fr": "bruxelles_formation", "nl": "vdab_brussels"}
# VDAB states its own rules for the BIS (Flemish decree of 6 July 2018), also for a Dutch-language
# stage in Brussels: the minimum at any age, 26 weeks, its exclusion list, its deadline.
VDAB_BODIES = ("vdab", "vdab_brussels")
VDAB = "vdab"  # the route (and Finding.key suffix) of VDAB's own rules


def competent_body(case: Case) -> tuple[str | None, Outcome]:
    """The body key for the workplace (and language in Brussels), or None and what is missing."""
    region = case.workplace_region
    if region is None:
        return None, Outcome(missing=["workplace_region"])
    if region == "brussels":
        if case.language is None:
            return None, Outcome(missing=["language"])
        return BRUSSELS_BODY_OF_LANGUAGE[case.language], Outcome()
    return BODY_OF_REGION[region], Outcome()


def route_of(body: str | None) -> str:
    """``"vdab"`` when VDAB's own rules apply, ``""`` for the federal CIP rules (or unknown)."""
    return VDAB if body in VDAB_BODIES else ""


def home_body(case: Case) -> str | None:
    """The body of a trainee who lives in another region than Brussels (for its prior agreement)."""
    if case.trainee_region is None:
        return None
    return BODY_OF_REGION.get(case.trainee_region)
