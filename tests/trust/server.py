"""The built site on 127.0.0.1 for the trust tests: the browser tests' SiteServer plus two extras,
neither of which changes what the site itself ships:
- `/__trust__/axe.min.js` serves axe-core from node_modules, so that axe can be loaded from the
  page's own origin under the site's real policy ('self'), without any CSP bypass;
- `header_policy`: when set, every response carries it as a `Content-Security-Policy` header,
  as a host able to send headers would; this is how the worker, which does not inherit the
  page's <meta> policy, can be tested under the same policy.
"""

from __future__ import annotations

from pathlib import Path

from tests.browser.site_server import SiteServer

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_PATH = "/__trust__/axe.min.js"
CSP = "Content-Security-Policy"


class TrustServer(SiteServer):
    def __init__(self, root: Path) -> None:
        super().__init__(root)
        self.fixed[AXE_PATH] = ("text/javascript", AXE.read_bytes())

    @property
    def header_policy(self) -> str | None:
        return self.headers.get(CSP)

    @header_policy.setter
    def header_policy(self, policy: str | None) -> None:
        if policy:
            self.headers[CSP] = policy
        else:
            self.headers.pop(CSP, None)
