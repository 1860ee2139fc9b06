"""A static server for the built site that answers the way GitHub Pages does.

It serves a folder under site_url's path (as Pages does), compresses text types with gzip when the
browser accepts it, sends a charset on text types and `Cache-Control: max-age=600`, redirects
`/dir` to `/dir/`, and answers unknown paths with the site's 404 page. The PDF printer, the
Lighthouse runner and the browser tests all use it, so they see the site as readers do.
"""

from __future__ import annotations

import email.utils
import gzip
import mimetypes
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from guidebuild.paths import site_path

SITE_PATH = site_path()  # site_url's path ("/mls-c01-guide/"): GitHub Pages serves the site there


TEXT_TYPES = {
    ".html": "text/html", ".css": "text/css", ".js": "application/javascript",
    ".mjs": "application/javascript", ".json": "application/json", ".map": "application/json",
    ".svg": "image/svg+xml", ".xml": "application/xml", ".txt": "text/plain",
}


class GitHubPagesLikeHandler(BaseHTTPRequestHandler):
    """GET and HEAD on a directory of static files, answered the way GitHub Pages answers."""

    site: Path  # set on the subclass made by serve()
    prefix: str  # the URL path the site lives under, ending in "/"
    _gzipped: dict[Path, bytes] = {}  # compressed bodies, made once per file
    _lock = threading.Lock()

    def do_HEAD(self):
        self.answer(send_body=False)

    def do_GET(self):
        self.answer(send_body=True)

    def answer(self, send_body: bool):
        url_path = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path)
        if url_path + "/" == self.prefix:
            return self.redirect(self.prefix)
        file = (self.site / url_path.removeprefix(self.prefix)).resolve()
        if not url_path.startswith(self.prefix) or not file.is_relative_to(self.site):
            return self.send_file(self.site / "404.html", 404, send_body)
        if file.is_dir():
            if not url_path.endswith("/"):
                return self.redirect(url_path + "/")
            file = file / "index.html"
        if not file.is_file():
            return self.send_file(self.site / "404.html", 404, send_body)
        return self.send_file(file, 200, send_body)

    def redirect(self, location: str):
        self.send_response(301)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def send_file(self, file: Path, status: int, send_body: bool):
        suffix = file.suffix.lower()
        if suffix in TEXT_TYPES:
            content_type = f"{TEXT_TYPES[suffix]}; charset=utf-8"
        else:
            guessed, encoding = mimetypes.guess_type(file.name)
            content_type = "application/gzip" if encoding == "gzip" else guessed or "application/octet-stream"
        try:
            body = file.read_bytes()
        except FileNotFoundError:  # a site without 404.html
            body, content_type = b"Not found\n", "text/plain; charset=utf-8"
        compress = suffix in TEXT_TYPES and "gzip" in self.headers.get("Accept-Encoding", "")
        if compress:
            body = self.gzipped(file, body)
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        if compress:
            self.send_header("Content-Encoding", "gzip")
        if suffix in TEXT_TYPES:
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        if status == 200:
            self.send_header("Last-Modified", email.utils.formatdate(file.stat().st_mtime, usegmt=True))
        self.end_headers()
        if send_body:
            self.wfile.write(body)

    def gzipped(self, file: Path, body: bytes) -> bytes:
        with self._lock:
            if file not in self._gzipped:
                self._gzipped[file] = gzip.compress(body, compresslevel=6, mtime=0)
            return self._gzipped[file]

    def log_message(self, *args):
        pass


def serve(site: Path, prefix: str = SITE_PATH) -> ThreadingHTTPServer:
    """Serve `site` under `prefix` on a free port of 127.0.0.1 from a daemon thread."""
    handler = type("Handler", (GitHubPagesLikeHandler,),
                   {"site": site.resolve(), "prefix": prefix, "_gzipped": {}})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def base_url(server: ThreadingHTTPServer, prefix: str = SITE_PATH) -> str:
    return f"http://127.0.0.1:{server.server_address[1]}{prefix}"
