"""The bodies' names, addresses and contacts (``cip_core/data/bodies.toml``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from cip_core._data import load_toml
from cip_core.sources import language_note

# The contact fields a body may have; each is null in the answer when no page we read states it.
CONTACT_FIELDS = ("phone", "email", "address")


@dataclass(frozen=True)
class Body:
    code: str  # the contract's code: bruxelles_formation | vdab | forem | adg | actiris
    name: str
    url: str
    contact: str
    certainty: str
    source: str
    # The name where a sentence needs its article: "le VDAB", "de VDAB", "l'ADG".
    name_with_article: str = ""
    # phone, e-mail, address (None when no source states it), the page, the page stating them
    # and that page's language note.
    contact_details: dict[str, str | None] = field(default_factory=dict, hash=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "url": self.url,
            "contact": self.contact,
            "name_with_article": self.name_with_article or self.name,
            "contact_details": dict(self.contact_details),
        }


def body_keys() -> tuple[str, ...]:
    """The keys of cip_core/data/bodies.toml (``vdab_brussels`` and ``vdab`` share a code)."""
    return tuple(load_toml("data", "bodies"))


def body(key: str, lang: str) -> Body:
    entry: dict[str, Any] = load_toml("data", "bodies")[key]
    for name in (f"name_{lang}", f"name_with_article_{lang}"):
        if name not in entry:  # a new language needs its names here too: say so
            raise LookupError(f"cip_core/data/bodies.toml: [{key}] has no {name}")
    details: dict[str, str | None] = {name: entry.get(name) for name in CONTACT_FIELDS}
    details["page"] = entry.get("page", entry["url"])
    details["source"] = entry["contact_source"]
    # "in Dutch" when the page stating them is not in the reader's language (as items say it).
    details["source_note"] = language_note(entry.get("contact_source_lang", lang), lang)
    return Body(
        code=entry.get("code", key),
        name=entry[f"name_{lang}"],
        url=entry["url"],
        contact=entry["contact"],
        certainty=entry["certainty"],
        source=entry["source"],
        name_with_article=entry[f"name_with_article_{lang}"],
        contact_details=details,
    )
