"""A static server that behaves like GitHub Pages for caching: a short max-age, an ETag and
Last-Modified on every file, 304 on a matching If-None-Match, gzip chosen by content type, and a
served folder that can be swapped at once (a deploy). Used by the redeploy test and the bench.
"""

from __future__ import annotations

import gzip
import hashlib
import threading
from email.utils import formatdate
from functools import lru_cache
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from tests.browser.site_server import LocalServer

TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "application/javascript; charset=utf-8",
    ".mjs": "application/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json; charset=utf-8",
    ".xml": "application/xml",
    ".svg": "image/svg+xml",
    ".wasm": "application/wasm",
    ".zip": "application/zip",
    ".whl": "application/zip",
    ".png": "image/png",
    ".ico": "image/x-icon",
    ".txt": "text/plain; charset=utf-8",
    ".gz": "application/gzip",
}
# What the host compresses, by content type (GitHub Pages compresses text types, wasm included).
COMPRESSED = ("text/", "application/javascript", "application/json", "application/xml",
              "image/svg+xml", "application/wasm")  # fmt: skip


@lru_cache(maxsize=512)
def _gzipped(path: Path, mtime_ns: int) -> bytes:
    return gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)


class PagesServer(LocalServer):
    def __init__(self, root: Path, max_age: int = 600, gzip_zip: bool = False) -> None:
        self.root = root
        self.max_age = max_age
        self.gzip_zip = gzip_zip  # also compress application/zip (.zip, .whl)
        self.requested: list[str] = []
        self.sent_bytes = 0  # body bytes on the wire, since the last reset
        self._lock = threading.Lock()
        self._serve(type("Handler", (_Handler,), {"pages": self}))

    def deploy(self, root: Path) -> None:
        """Serve another build from now on, like a Pages deploy (the old files are gone)."""
        self.root = root

    def count(self, size: int) -> None:
        with self._lock:
            self.sent_bytes += size

    def compresses(self, content_type: str) -> bool:
        if content_type == "application/zip":
            return self.gzip_zip
        return content_type.startswith(COMPRESSED)


class _Handler(BaseHTTPRequestHandler):
    pages: PagesServer
    protocol_version = "HTTP/1.1"

    def _file(self, url_path: str) -> Path | None:
        root = self.pages.root.resolve()
        path = (root / unquote(url_path).lstrip("/")).resolve()
        if not path.is_relative_to(root):
            return None
        if path.is_dir():
            if not url_path.endswith("/"):
                return None
            path = path / "index.html"
        return path if path.is_file() else None

    def do_GET(self) -> None:
        url_path = urlsplit(self.path).path
        self.pages.requested.append(url_path)
        path = self._file(url_path)
        status = 200
        if path is None:
            status, path = 404, self.pages.root / "404.html"
            if not path.is_file():
                self._send(404, b"not found", "text/plain", {})
                return
        stat = path.stat()
        etag = '"' + hashlib.sha256(f"{path}:{stat.st_mtime_ns}".encode()).hexdigest()[:20] + '"'
        headers = {
            "Cache-Control": f"max-age={self.pages.max_age}",
            "ETag": etag,
            "Last-Modified": formatdate(stat.st_mtime, usegmt=True),
            "Vary": "Accept-Encoding",
        }
        if status == 200 and self.headers.get("If-None-Match") == etag:
            self._send(304, b"", None, headers)
            return
        content_type = TYPES.get(path.suffix, "application/octet-stream")
        body = path.read_bytes()
        if self.pages.compresses(content_type) and "gzip" in self.headers.get(
            "Accept-Encoding", ""
        ):
            body = _gzipped(path, stat.st_mtime_ns)
            headers["Content-Encoding"] = "gzip"
        self._send(status, body, content_type, headers)

    def _send(
        self, status: int, body: bytes, content_type: str | None, headers: dict[str, str]
    ) -> None:
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if status != 304:
            self.wfile.write(body)
            self.pages.count(len(body))

    def log_message(self, format: str, *args: Any) -> None:
        pass
