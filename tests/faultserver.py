"""A fault-injecting HTTP server on 127.0.0.1, written on raw sockets so that it can misbehave.

Paths (a college site gone wrong):
  /ok/list.htm                 a healthy list page (two dated entries)
  /reset                       headers, part of the body, then a TCP reset
  /drip                        a body dripped 1 byte at a time, slower than any read timeout
  /trickle                     a body trickled fast enough for read timeouts, forever
  /status/<code>               that status (503 and 429 with Retry-After: 0)
  /loop                        a redirect to itself
  /away, /file, /private       redirects to another host, to file://, to a private address
  /badlocation                 a redirect to what no URL parser accepts (http://[::1:bad/)
  /big                         a 50 MB body
  /bomb                        a gzip bomb (a few hundred KB that inflate to 200 MB)
  /mislabel                    GBK bytes labelled UTF-8
  /truncated                   HTML cut off in the middle of a tag
  /binary                      PNG bytes served as text/html
  /calendar?d=N                endless pagination: every page links to the next day
  /sess;jsessionid=X/list.htm  the same list under endless session ids
"""

from __future__ import annotations

import contextlib
import socket
import struct
import threading
import time
import zlib
from urllib.parse import parse_qs, urlsplit

OK_LIST = (
    "<html><head><meta charset='utf-8'></head><body><ul>"
    "<li><a href='/ok/a1.htm'>关于公布2026年招生章程的通知</a><span>2026-10-20</span></li>"
    "<li><a href='/ok/a2.htm'>2026年招生计划</a><span>2026-10-01</span></li></ul></body></html>"
)
ARTICLE = "<html><head><meta charset='utf-8'><title>文章</title></head><body><h1>文章</h1><p>发布时间：2026-10-20</p></body></html>"
_BOMB: list[bytes] = []


def bomb() -> bytes:
    """About 200 KB of gzip that inflates to 200 MB of zeros (built once, in chunks)."""
    if not _BOMB:
        z = zlib.compressobj(9, zlib.DEFLATED, 31)
        block = b"\0" * (1 << 20)
        _BOMB.append(b"".join(z.compress(block) for _ in range(200)) + z.flush())
    return _BOMB[0]


def _head(status: int, headers: dict[str, str]) -> bytes:
    reason = {
        200: "OK",
        301: "Moved",
        302: "Found",
        404: "Not Found",
        429: "Too Many Requests",
        500: "Internal Server Error",
        502: "Bad Gateway",
        503: "Service Unavailable",
    }.get(status, "Status")
    lines = [f"HTTP/1.1 {status} {reason}"] + [f"{k}: {v}" for k, v in headers.items()] + ["Connection: close", "", ""]
    return "\r\n".join(lines).encode("latin-1")


class FaultServer:
    def __init__(self):
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.port = self.sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.requests: list[str] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)

    def __enter__(self) -> FaultServer:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        with contextlib.suppress(OSError):
            socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
        self._thread.join(timeout=5)
        self.sock.close()

    def _serve(self) -> None:
        while not self._stop.is_set():
            conn, _ = self.sock.accept()
            if self._stop.is_set():
                conn.close()
                break
            threading.Thread(target=self._handle, args=(conn,), daemon=True).start()

    def _handle(self, conn: socket.socket) -> None:
        try:
            data = b""
            while b"\r\n\r\n" not in data:
                chunk = conn.recv(4096)
                if not chunk:
                    return
                data += chunk
            method, target, _ = data.split(b"\r\n", 1)[0].decode("latin-1").split(" ", 2)
            self.requests.append(f"{method} {target}")
            self._route(conn, method, target)
        except (BrokenPipeError, ConnectionResetError, TimeoutError, OSError):
            pass
        finally:
            with contextlib.suppress(OSError):
                conn.close()

    def _send(self, conn, status: int, body: bytes = b"", headers: dict | None = None, method: str = "GET") -> None:
        headers = {"Content-Type": "text/html; charset=utf-8", "Content-Length": str(len(body)), **(headers or {})}
        conn.sendall(_head(status, headers) + (body if method != "HEAD" else b""))

    def _route(self, conn, method: str, target: str) -> None:
        path = urlsplit(target).path
        query = parse_qs(urlsplit(target).query)
        if path == "/robots.txt":
            return self._send(conn, 404, b"", method=method)
        if path in ("/", "/ok/list.htm"):
            return self._send(conn, 200, OK_LIST.encode(), method=method)
        if path.startswith("/ok/"):
            return self._send(conn, 200, ARTICLE.encode(), method=method)
        if path == "/reset":
            conn.sendall(
                _head(200, {"Content-Type": "text/html", "Content-Length": "100000"}) + b"<html><body>" + b"x" * 200
            )
            conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            return None  # closing with linger 0 sends RST
        if path in ("/drip", "/trickle"):
            gap = 1.5 if path == "/drip" else 0.2
            conn.sendall(_head(200, {"Content-Type": "text/html", "Content-Length": "100000"}))
            for _ in range(400):
                if self._stop.is_set():
                    return None
                conn.sendall(b"<")
                time.sleep(gap)
            return None
        if path.startswith("/status/"):
            code = int(path.rsplit("/", 1)[1])
            extra = {"Retry-After": "0"} if code in (429, 503) else {}
            return self._send(conn, code, b"<html><body>error</body></html>", extra, method)
        if path == "/loop":
            return self._send(conn, 302, b"", {"Location": "/loop"}, method)
        if path == "/badlocation":
            return self._send(conn, 302, b"", {"Location": "http://[::1:bad/"}, method)
        if path == "/away":
            return self._send(conn, 302, b"", {"Location": "http://www.elsewhere.example.org/"}, method)
        if path == "/file":
            return self._send(conn, 302, b"", {"Location": "file:///etc/passwd"}, method)
        if path == "/private":
            return self._send(conn, 302, b"", {"Location": "http://10.0.0.1/admin"}, method)
        if path == "/big":
            size = 50 * 1024 * 1024
            conn.sendall(_head(200, {"Content-Type": "text/html", "Content-Length": str(size)}))
            block = b"<p>" + b"x" * 65533
            sent = 0
            while sent < size:
                conn.sendall(block)
                sent += len(block)
            return None
        if path == "/bomb":
            return self._send(conn, 200, bomb(), {"Content-Encoding": "gzip"}, method)
        if path == "/mislabel":
            return self._send(conn, 200, OK_LIST.replace("charset='utf-8'", "").encode("gbk"), method=method)
        if path == "/truncated":
            return self._send(conn, 200, OK_LIST.encode()[:-60], method=method)
        if path == "/binary":
            return self._send(conn, 200, b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40, method=method)
        if path == "/calendar":
            day = int(query.get("d", ["0"])[0])
            body = (
                f"<html><body><ul><li><a href='/ok/c{day}.htm'>第{day}天的活动安排通知</a><span>2026-10-20</span></li>"
                f"<li><a href='/ok/d{day}.htm'>第{day}天的会议通知</a><span>2026-10-19</span></li></ul>"
                f"<div class='page'><a href='/calendar?d={day + 1}'>下一页</a></div></body></html>"
            )
            return self._send(conn, 200, body.encode(), method=method)
        if path.startswith("/sess"):
            n = len(self.requests)
            body = (
                "<html><body><ul><li><a href='/ok/s1.htm'>会话测试通知一</a><span>2026-10-20</span></li>"
                "<li><a href='/ok/s2.htm'>会话测试通知二</a><span>2026-10-19</span></li></ul>"
                f"<div class='pages'><a href='/sess;jsessionid=A{n}/list.htm'>1</a>"
                f"<a href='/sess;jsessionid=B{n}/list.htm'>下一页</a></div></body></html>"
            )
            return self._send(conn, 200, body.encode(), method=method)
        return self._send(conn, 404, b"<html><body>404 Not Found</body></html>", method=method)
