"""What the answer shows beside a step or a way forward: who acts, the body it names (with its
contact details), the official page to act on and the guide's page on it.

The rules return findings (codes and raw values); ``cip_core/data/steps.toml`` says, per code,
who acts, which body, which official page and which section of the guide. This module builds the
labelled links from them where the answer is presented, so the rules know no page of the site:
a section is a key (``"avant-le-stage"``), turned into the guide's address here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from cip_core._data import load_toml
from cip_core.bodies import body as body_info
from cip_core.messages import lookup
from cip_core.rules import Finding
from cip_core.sources import note_in, url_in

BODY = "body"  # `official = "body"`: the page of the body the item names
KINDS = ("step", "fix")  # the tables of steps.toml


def site_url(section: str) -> str:
    """The guide's page ``section`` as the calculator page links it (one folder per page)."""
    return f"../{section}/"


@dataclass(frozen=True)
class ItemExtras:
    """An item's actor (steps), links and body (a ``Body.to_dict()``, or None)."""

    actor: str | None = None
    links: list[dict[str, str]] = field(default_factory=list)
    body: dict[str, Any] | None = None


def details(kind: str, code: str) -> dict[str, Any]:
    """The steps.toml line of ``code`` (``kind``: step or fix); a LookupError names the file."""
    table: dict[str, dict[str, Any]] = load_toml("data", "steps")[kind]
    if code not in table:
        raise LookupError(f"cip_core/data/steps.toml: no [{kind}.{code}]")
    return table[code]


def codes(kind: str) -> tuple[str, ...]:
    """Every step (or fix) code of steps.toml, in its order."""
    return tuple(load_toml("data", "steps")[kind])


def extras(kind: str, finding: Finding, lang: str) -> ItemExtras:
    """The actor, links and body of a step or fix ``finding`` for a reader of ``lang``."""
    line = details(kind, finding.code)
    body_code = line.get("body") or str(finding.params.get(line.get("body_param", ""), "") or "")
    body = body_info(body_code, lang) if body_code else None
    links: list[dict[str, str]] = []
    official = line.get("official")
    if official == BODY and body is not None:
        links.append({"kind": "official", "url": body.url, "label": body.name})
    elif official not in (None, BODY) or finding.source:
        links.append(_source_link(finding.source or str(official), lang))
    elif body is not None:
        links.append({"kind": "official", "url": body.url, "label": body.name})
    section = line.get("section")
    if section is not None:
        label = str(lookup(lang, "sections", section))
        links.append({"kind": "site", "url": site_url(section), "label": label})
    return ItemExtras(
        actor=line.get("actor"), links=links, body=body.to_dict() if body is not None else None
    )


def _source_link(name: str, lang: str) -> dict[str, str]:
    """A link to source ``name`` of sources.toml, in the reader's language or marked ("in …")."""
    title = str(load_toml("data", "sources")["urls"][name]["title"])
    note = note_in(name, lang)
    label = f"{title} ({note})" if note else title
    return {"kind": "official", "url": url_in(name, lang), "label": label}
