"""Where each code comes from (``cip_core/data/sources.toml``)."""

from __future__ import annotations

from dataclasses import dataclass

from cip_core._data import load_toml


@dataclass(frozen=True)
class Source:
    url: str
    basis: str
    certainty: str


def source_of(code: str) -> Source:
    data = load_toml("data", "sources")
    entry = data["codes"][code]
    return Source(
        url=data["urls"][entry["url"]], basis=entry["basis"], certainty=entry["certainty"]
    )


def known_codes() -> list[str]:
    return sorted(load_toml("data", "sources")["codes"])
