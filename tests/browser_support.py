"""How the tests start Chromium: Debian's /usr/bin/chromium here, Playwright's own on GitHub.

Set CIP_BROWSER=playwright to use the browser that `playwright install chromium` downloaded.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

DEBIAN_CHROMIUM = Path("/usr/bin/chromium")
# Without the background-networking flags Chromium tries to reach Google's hosts at start.
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


# For the tests only, never the benchmark: V8 compiles the 9.6 MB of Pyodide's wasm with its
# baseline compiler alone, without re-optimising hot functions in the background. Every test that
# opens the calculator starts Python again; this takes about a third of that start's processor
# time (measured on 8 starts: 2.7 -> 1.8 s each), which the other test process needs on 2 cores.
# What the page does is the same; only how fast it runs. `make bench` measures the real thing.
TEST_ARGS = [*ARGS, "--js-flags=--liftoff-only"]


def launch_chromium(playwright: Any, args: list[str] = ARGS, **options: Any) -> Any:
    """Launch headless Chromium, or fail with a message that says what to install."""
    if os.environ.get("CIP_BROWSER") == "playwright":
        return playwright.chromium.launch(args=args, **options)
    if not DEBIAN_CHROMIUM.exists():
        raise RuntimeError(
            "Browser tests need Chromium: run `make browser` (apt-get install chromium) "
            "or set CIP_BROWSER=playwright after `playwright install chromium`."
        )
    return playwright.chromium.launch(executable_path=str(DEBIAN_CHROMIUM), args=args, **options)
