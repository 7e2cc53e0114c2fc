"""The bodies' names, addresses and contacts (``cip_core/data/bodies.toml``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from cip_core._data import load_toml


@dataclass(frozen=True)
class Body:
    code: str  # the contract's code: bruxelles_formation | vdab | forem | adg
    name: str
    url: str
    contact: str
    certainty: str
    source: str
    # The name where a sentence needs its article: "le VDAB", "de VDAB", "l'ADG".
    name_with_article: str = ""

    def to_dict(self) -> dict[str, str]:
        return {
            "code": self.code,
            "name": self.name,
            "url": self.url,
            "contact": self.contact,
            "name_with_article": self.name_with_article or self.name,
        }


def body(key: str, lang: str) -> Body:
    entry: dict[str, Any] = load_toml("data", "bodies")[key]
    for field in (f"name_{lang}", f"name_with_article_{lang}"):
        if field not in entry:  # a new language needs its names here too: say so
            raise LookupError(f"cip_core/data/bodies.toml: [{key}] has no {field}")
    return Body(
        code=entry.get("code", key),
        name=entry[f"name_{lang}"],
        url=entry["url"],
        contact=entry["contact"],
        certainty=entry["certainty"],
        source=entry["source"],
        name_with_article=entry[f"name_with_article_{lang}"],
    )
