"""Crash safety and outages: SIGKILL at random points, sites that are down, TLS and DNS failures."""

from __future__ import annotations

import datetime as dt
import os
import random
import signal
import sqlite3
import ssl
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest

from monitor import service
from monitor.config import load_config
from tests.conftest import NOW, config_text

KILLS = 12
SEED = 20261123


def integrity(db) -> str:
    with sqlite3.connect(db) as conn:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]


def tables(db) -> set[str]:
    with sqlite3.connect(db) as conn:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def duplicates(db) -> list:
    with sqlite3.connect(db) as conn:
        return conn.execute("""SELECT kind, item, url, count(*) FROM findings WHERE resolved_at IS NULL
                               GROUP BY site, kind, ifnull(item, 0), url HAVING count(*) > 1""").fetchall()


def test_sigkill_at_random_points_leaves_a_consistent_database(tmp_path, site, base_url):
    site.latency = 0.01
    path = tmp_path / "config.toml"
    path.write_text(config_text(base_url, crawl="recheck_days = 0"), encoding="utf-8")
    config = load_config(path)
    rng = random.Random(SEED)
    env = {k: v for k, v in os.environ.items() if k != "MONITOR_CONFIG"}
    killed_mid_run = kills = 0
    left_running: set[int] = set()  # runs a kill interrupted (a kill during interpreter start-up leaves none)
    # KILLS kills, more (up to twice as many) until a third of them interrupted a run: a run that finished before
    # its kill (a warm cache, an idle machine) or a kill during start-up tests nothing
    while kills < KILLS or (len(left_running) < KILLS // 3 and kills < 2 * KILLS):
        kills += 1
        proc = subprocess.Popen(
            [sys.executable, "-m", "monitor", "-q", "--config", str(path), "crawl"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env,
        )
        time.sleep(rng.uniform(0.3, 2.0))  # the kill point, drawn from the seeded generator
        if proc.poll() is None:
            killed_mid_run += 1
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        if config.storage_path.exists():
            assert integrity(config.storage_path) == "ok"
            # a kill while the first run creates the schema leaves the file without the schema, never half of it
            created = tables(config.storage_path) - {"_sqlite_migrations"}
            assert not created or {"runs", "entries", "findings"} <= created
            if not created:
                continue
            assert duplicates(config.storage_path) == []
            with sqlite3.connect(config.storage_path) as conn:
                left_running |= {r[0] for r in conn.execute("SELECT id FROM runs WHERE status = 'running'")}
    assert killed_mid_run >= kills // 2  # most kills landed during a crawl
    site.latency = 0
    result = service.check(config, NOW)  # the next run completes and judges as usual
    assert result.run.status == "ok"
    assert {i["id"]: i["status"] for i in result.document["items"]}[3] == "blank"
    with sqlite3.connect(config.storage_path) as conn:
        assert conn.execute("SELECT count(*) FROM runs WHERE status = 'running'").fetchone()[0] == 0
        aborted = conn.execute("SELECT count(*) FROM runs WHERE status = 'aborted'").fetchone()[0]
        per_column = conn.execute("SELECT count(*), count(DISTINCT column_url || url) FROM entries").fetchone()
    assert len(left_running) >= KILLS // 3 and aborted == len(left_running)
    assert per_column[0] == per_column[1]
    assert duplicates(config.storage_path) == []
    columns = {c["url"].replace(base_url, ""): c["entries"] for c in result.document["columns"]}
    assert columns["/xxgk/zszc.htm"] == 25


_KILLED_IN_SCHEMA = """
import os, sys, sqlite_utils
from monitor import store
execute = sqlite_utils.Database.execute
def execute_then_die(self, sql, *args):
    result = execute(self, sql, *args)
    if "CREATE TABLE findings" in sql:
        os.kill(os.getpid(), 9)  # killed between two statements of the first migration
    return result
sqlite_utils.Database.execute = execute_then_die
store.open_store(sys.argv[1])
"""


def test_a_kill_while_the_schema_is_created_leaves_no_half_schema(tmp_path, config_path):
    """The CI run that found it: a kill in the first run's first second left the file without the findings table."""
    config = load_config(config_path)
    proc = subprocess.run([sys.executable, "-c", _KILLED_IN_SCHEMA, str(config.storage_path)], timeout=60)
    assert proc.returncode == -signal.SIGKILL
    assert integrity(config.storage_path) == "ok"
    assert tables(config.storage_path) - {"_sqlite_migrations"} == set()  # runs, pages, ... rolled back with it
    result = service.check(config, NOW)  # the next run creates the schema and judges as usual
    assert result.run.status == "ok" and duplicates(config.storage_path) == []


def test_outage_over_several_runs_is_one_unreachable_finding_and_resolves_nothing(config_path, httpserver):
    config = load_config(config_path)
    first = service.check(config, NOW)
    opened = {f.id for f in first.findings}
    httpserver.stop()
    try:
        for day in (24, 25, 26):
            down = service.check(config, NOW.replace(day=day))
            assert down.exit_code == 3
    finally:
        httpserver.start()
    unreachable = [f for f in down.findings if f.kind == "unreachable"]
    assert len(unreachable) == 1 and unreachable[0].first_seen.startswith("2026-11-24")
    assert opened <= {f.id for f in down.findings}
    back = service.check(config, NOW.replace(day=27))
    assert not [f for f in back.findings if f.kind == "unreachable"]  # resolved once the site answers


class _Unresolvable(httpx.AsyncHTTPTransport):
    """DNS cannot be made to fail on loopback: this transport answers like a resolver that does not know the host."""

    async def handle_async_request(self, request):
        raise httpx.ConnectError(f"[Errno -2] Name or service not known: {request.url.host}", request=request)


def test_dns_failure_is_reported_unknown_never_blank(config_path):
    config = load_config(config_path)
    result = service.check(config, NOW, transport=_Unresolvable())
    assert result.exit_code == 3
    assert {f.kind for f in result.findings} == {"unreachable"}
    assert all(i["status"] in ("unknown", "not_applicable") for i in result.document["items"])


@pytest.fixture
def tls_server(tmp_path):
    """An HTTPS server on loopback with a self-signed certificate the client does not trust."""
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    made = subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=127.0.0.1",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        capture_output=True,
    )
    if made.returncode != 0:
        pytest.skip("openssl could not make a test certificate")

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"<html></html>")

        def log_message(self, *args):
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"https://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_tls_error_is_reported_unknown_never_blank(tmp_path, tls_server):
    path = tmp_path / "config.toml"
    path.write_text(config_text(tls_server), encoding="utf-8")
    result = service.check(load_config(path), NOW)
    assert result.exit_code == 3
    assert result.run.detail.startswith("无法连接（tls）")
    assert "verify_tls = false" in result.run.detail  # what to do, where the office and the IT staff read it
    assert {f.kind for f in result.findings} == {"unreachable"}
    assert all("verify_tls = false" in f.detail for f in result.findings)


def test_a_column_timing_out_is_unknown_and_keeps_its_findings(config_path, site):
    config = load_config(config_path)
    first = service.check(config, NOW)
    blank = next(f for f in first.findings if f.kind == "blank" and f.item == 3)
    original = site._respond

    def respond(request, full, query):  # only the 教代会 column is slow
        if request.path == "/xxgk/jdh/list.htm":
            time.sleep(1.0)
        return original(request, full, query)

    site._respond = respond
    path = config_path.parent / "slow.toml"
    path.write_text(
        config_path.read_text(encoding="utf-8").replace("timeout = 5", "timeout = 5\nmax_request_seconds = 0.5"),
        encoding="utf-8",
    )
    later = service.check(load_config(path), NOW + dt.timedelta(days=1))
    items = {i["id"]: i for i in later.document["items"]}
    assert items[3]["status"] == "unknown"
    assert blank.id in {f.id for f in later.findings}  # not resolved by a run that could not see the column
    assert later.run.status == "partial"


def test_verify_tls_false_reaches_a_server_with_an_untrusted_certificate(tmp_path, tls_server):
    path = tmp_path / "config.toml"
    path.write_text(config_text(tls_server, crawl="verify_tls = false"), encoding="utf-8")
    result = service.check(load_config(path), NOW)
    assert result.run.status != "failed"  # the site answers (its pages are 200 with no content: blank, not down)
    assert "unreachable" not in {f.kind for f in result.findings}


def test_tls_contexts_reach_servers_without_secure_renegotiation():
    # OpenSSL 3 refuses servers lacking RFC 5746 (UNSAFE_LEGACY_RENEGOTIATION_DISABLED), as many older government
    # and college servers are, where browsers connect; no server without RFC 5746 can be built here (Python's ssl
    # cannot turn it off), so the option is checked on the contexts every fetcher uses
    from monitor.fetch import _tls_context

    for verify in (True, False):
        assert _tls_context(verify).options & getattr(ssl, "OP_LEGACY_SERVER_CONNECT", 0x4)  # 3.12 names it
    assert _tls_context(True).verify_mode == ssl.CERT_REQUIRED  # certificates are still checked by default
