"""Reads the package's TOML data files once (parameters, messages, bodies, sources).

Uses importlib.resources so the same code reads files from a source tree, an installed
wheel or Pyodide's in-memory file system.
"""

from __future__ import annotations

import tomllib
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Any


@cache
def load_toml(folder: str, name: str) -> dict[str, Any]:
    """Return the parsed TOML file ``cip_core/<folder>/<name>.toml`` (floats read as Decimal)."""
    text = resources.files("cip_core").joinpath(folder, f"{name}.toml").read_text("utf-8")
    # parse_float=Decimal: 1658.19 in a parameter file stays exactly 1658.19.
    return tomllib.loads(text, parse_float=Decimal)


def toml_names(folder: str) -> list[str]:
    """Names (without .toml) of the data files in ``cip_core/<folder>``."""
    base = resources.files("cip_core").joinpath(folder)
    return sorted(p.name[:-5] for p in base.iterdir() if p.name.endswith(".toml"))
