"""The figure markers' registry: each marker is declared once, on the function that prints it.

``@MARKERS.register("rmmg", args=("at",), core="rules.allowance.rmmg_on", prints="…")`` puts a
renderer in the registry with what an editor and a maintainer need to know of it: the arguments
it takes, the cip_core function whose value it prints (a renderer formats the core's figures, it
never works one out again), what it prints, and an example whose output does not depend on the
day. The marker syntax (``markers.py``), the build's error messages and the marker tables of
CONTRIBUTING.md and site_plugins/README.md (``table.py``) all read this registry.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date

from cip_core.parameters import parameter


class ArgumentError(ValueError):
    """An argument an editor must fix; the message says how (the caller adds file and line)."""


@dataclass(frozen=True)
class Arguments:
    """One marker's arguments as written, and what the build knows of the page."""

    raw: dict[str, str]
    today: date  # the build's day: figures "for today" are those of a stage starting then
    page_url: str | None = None  # the page's address from the site root, e.g. "nl/calculateur/"

    def day(self) -> date | None:
        """``at=YYYY-MM-DD`` as a date (None when not given)."""
        text = self.raw.get("at")
        if text is None:
            return None
        try:
            if len(text) == 10:
                return date.fromisoformat(text)
        except ValueError:
            pass
        raise ArgumentError(f"bad date at={text}: write at=YYYY-MM-DD, e.g. at=2021-09-01")

    def age(self, required: bool) -> int | None:
        """``age=`` as a number on the age scale of cip_core/parameters/age_scale.toml."""
        text = self.raw.get("age")
        ages = scale_ages()
        listed = f"{', '.join(ages[:-1])} or {ages[-1]}"
        if text is None:
            if required:
                raise ArgumentError(f"age= is required, e.g. age={ages[-1]} ({listed})")
            return None
        if text not in ages:
            raise ArgumentError(f"age={text} is not on the age scale: use {listed}")
        return int(text)


def scale_ages() -> list[str]:
    """The ages whose minimum is a share of the adult one (under 18; a range from 18 to 20),
    youngest first, as every row of the scale lists them."""
    ages: set[str] = set()
    for value in parameter("age_scale").values:
        ages |= set(value.data["percent"]) | set(value.data.get("range_low_percent", {}))
    return sorted(ages, key=int)


Render = Callable[[Arguments, str], str]


@dataclass(frozen=True)
class MarkerSpec:
    name: str
    render: Render  # (arguments, catalogue language) -> the text that replaces the marker
    args: tuple[str, ...]
    core: str  # the cip_core function(s) it prints, e.g. "rules.allowance.current_minimum"
    prints: str  # what it prints (the marker tables)
    example: str | None = None  # "rmmg at=2021-09-01": a marker whose output stays the same
    alone_on_line: bool = False  # a table or a block: alone on its line
    needs_page: bool = False  # links relative to the page (page_url)
    holds_markers: bool = False  # its output has markers of its own, replaced in turn


class Registry:
    """Marker name -> MarkerSpec, in the order of registration."""

    def __init__(self) -> None:
        self._specs: dict[str, MarkerSpec] = {}

    def register(
        self,
        name: str,
        *,
        args: tuple[str, ...] = (),
        core: str,
        prints: str,
        example: str | None = None,
        alone_on_line: bool = False,
        needs_page: bool = False,
        holds_markers: bool = False,
    ) -> Callable[[Render], Render]:
        def add(render: Render) -> Render:
            if name in self._specs:
                raise ValueError(f"figure marker {name!r} is registered twice")
            self._specs[name] = MarkerSpec(
                name, render, args, core, prints, example, alone_on_line, needs_page, holds_markers
            )
            return render

        return add

    def get(self, name: str) -> MarkerSpec | None:
        return self._specs.get(name)

    def names(self) -> list[str]:
        return sorted(self._specs)

    def __iter__(self) -> Iterator[MarkerSpec]:
        return iter(self._specs.values())

    def __len__(self) -> int:
        return len(self._specs)
