"""A threaded HTTP server on 127.0.0.1 serving the demo site from memory (ETag, 304, HEAD, 404)."""

from __future__ import annotations

import hashlib
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from monitor.demo.site import Page


class DemoServer:
    """``with DemoServer(pages) as server: server.url`` — stops when the block ends."""

    def __init__(self, pages: dict[str, Page], host: str = "127.0.0.1", port: int = 0):
        self.pages = pages
        self.requests: list[tuple[str, str, int]] = []
        handler = self._handler()
        self._httpd = ThreadingHTTPServer((host, port), handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, name="demo-site", daemon=True)

    @property
    def url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    def __enter__(self) -> DemoServer:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)

    def _handler(self):
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:  # quiet: the demo prints its own summary
                pass

            def _answer(self, with_body: bool) -> None:
                page = server.pages.get(self.path)
                if page is None:
                    body = "<html><body><h1>404 Not Found</h1><p>页面不存在</p></body></html>".encode()
                    page = Page(body, "text/html; charset=utf-8", 404)
                etag = '"' + hashlib.sha1(page.body).hexdigest()[:16] + '"'
                if page.status == 200 and self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    server.requests.append((self.command, self.path, 304))
                    return
                self.send_response(page.status)
                self.send_header("Content-Type", page.content_type)
                self.send_header("Content-Length", str(len(page.body)))
                if page.status == 200:
                    self.send_header("ETag", etag)
                self.end_headers()
                if with_body:
                    self.wfile.write(page.body)
                server.requests.append((self.command, self.path, page.status))

            def do_GET(self) -> None:
                self._answer(True)

            def do_HEAD(self) -> None:
                self._answer(False)

        return Handler
