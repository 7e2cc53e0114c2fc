"""The built site on 127.0.0.1 (a free port), served by http.server in a thread.

`.wasm` goes out as application/wasm (Pyodide streams it only with that type). Two extras for
the trust tests, neither of which changes what the site itself ships:
- `/__trust__/axe.min.js` serves axe-core from node_modules, so that axe can be loaded from the
  page's own origin under the site's real policy ('self'), without any CSP bypass;
- `header_policy`: when set, every response carries it as a `Content-Security-Policy` header,
  as a host able to send headers would; this is how the worker, which does not inherit the
  page's <meta> policy, can be tested under the same policy.
"""

from __future__ import annotations

import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_PATH = "/__trust__/axe.min.js"

TYPES = {
    ".wasm": "application/wasm",
    ".js": "text/javascript",
    ".mjs": "text/javascript",
    ".json": "application/json",
    ".zip": "application/zip",
    ".whl": "application/zip",
    ".css": "text/css",
    ".svg": "image/svg+xml",
}


class TrustServer:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.header_policy: str | None = None
        self.requested: list[str] = []
        handler = partial(_Handler, self, directory=str(root))
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    @property
    def origin(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}"

    def start(self) -> TrustServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()


class _Handler(SimpleHTTPRequestHandler):
    extensions_map: ClassVar[dict[str, str]] = {**SimpleHTTPRequestHandler.extensions_map, **TYPES}

    def __init__(self, state: TrustServer, *args: Any, **kwargs: Any) -> None:
        self.state = state
        super().__init__(*args, **kwargs)

    def do_GET(self) -> None:
        path = urlsplit(self.path).path
        self.state.requested.append(path)
        if path == AXE_PATH:
            body = AXE.read_bytes()
            self.send_response(200)
            self.send_header("Content-Type", "text/javascript")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()

    def end_headers(self) -> None:
        if self.state.header_policy:
            self.send_header("Content-Security-Policy", self.state.header_policy)
        super().end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        pass
