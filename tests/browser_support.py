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


def launch_chromium(playwright: Any, **options: Any) -> Any:
    """Launch headless Chromium, or fail with a message that says what to install."""
    if os.environ.get("CIP_BROWSER") == "playwright":
        return playwright.chromium.launch(args=ARGS, **options)
    if not DEBIAN_CHROMIUM.exists():
        raise RuntimeError(
            "Browser tests need Chromium: run `make browser` (apt-get install chromium) "
            "or set CIP_BROWSER=playwright after `playwright install chromium`."
        )
    return playwright.chromium.launch(executable_path=str(DEBIAN_CHROMIUM), args=ARGS, **options)
