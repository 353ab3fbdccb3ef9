"""Benchmarks: monitor's crawl next to Scrapy and a bare httpx ceiling, on a synthetic site served by nginx.

    python bench/run.py --quick          # a small site, 2 pairs: under 3 minutes
    python bench/run.py                  # 1,000 list pages + 20,000 articles, 5 pairs (A B A B ...)

Needs the bench extra (pip install -e '.[bench]') and Debian's nginx (installed with apt-get when missing
and running as root). Results: printed, and written to bench/results/<date>.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from synthetic_site import generate  # noqa: E402  (bench/synthetic_site.py)

PY = sys.executable


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Nginx:
    def __init__(self, root: Path, work: Path):
        self.root, self.work, self.port = root, work, free_port()

    def __enter__(self):
        if not shutil.which("nginx"):
            if os.geteuid() != 0:
                sys.exit("nginx is missing: apt-get install nginx")
            subprocess.run(["apt-get", "install", "-y", "-qq", "nginx"], check=True, capture_output=True)
        conf = self.work / "nginx.conf"
        temp = self.work / "tmp"
        temp.mkdir(exist_ok=True)
        conf.write_text(f"""
worker_processes 1;
pid {self.work}/nginx.pid;
error_log {self.work}/error.log;
events {{ worker_connections 4096; }}
http {{
    access_log off;
    sendfile on;
    keepalive_requests 1000000;
    default_type text/html;
    types {{ text/html htm html; text/plain txt; }}
    client_body_temp_path {temp}; proxy_temp_path {temp}; fastcgi_temp_path {temp}; uwsgi_temp_path {temp}; scgi_temp_path {temp};
    server {{ listen 127.0.0.1:{self.port}; root {self.root}; etag on; }}
}}
""")
        self.conf = conf
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        subprocess.run([nginx, "-c", str(conf), "-p", str(self.work)], check=True)
        self.nginx = nginx
        return self

    def __exit__(self, *exc):
        subprocess.run([self.nginx, "-c", str(self.conf), "-p", str(self.work), "-s", "stop"], capture_output=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


def measure(cmd: list[str], env: dict | None = None) -> dict:
    out = subprocess.run([PY, str(ROOT / "bench" / "measure.py"), *cmd], capture_output=True, text=True, env=env)
    return json.loads(out.stdout)


def write_config(path: Path, base: str, site: Path, db: Path, concurrency: int) -> None:
    lines = [
        "[site]",
        'name = "示范职业技术学院"',
        f'base_url = "{base}/index.htm"',
        'level = "高职"',
        "",
        "[crawl]",
        f"concurrency = {concurrency}",
        "delay = 0",
        "timeout = 30",
        "retries = 0",
        "robots = false",
        "max_pages = 1000000",
        "max_pages_per_column = 100000",
        "",
        "[storage]",
        f'path = "{db}"',
        "",
    ]
    for row in (site / "columns.tsv").read_text(encoding="utf-8").split("\n"):
        if row:
            name, url, item = row.split("\t")
            lines += ["[[columns]]", f'name = "{name}"', f'url = "{base}{url}"', f"items = [{item}]", ""]
    path.write_text("\n".join(lines), encoding="utf-8")


def run_monitor(config: Path, db: Path, fresh: bool = True) -> dict:
    if fresh:
        for p in db.parent.glob(db.name + "*"):
            p.unlink()
    m = measure([PY, "-m", "monitor", "-q", "--config", str(config), "crawl"])
    import sqlite3

    with sqlite3.connect(db) as conn:
        pages, nbytes = conn.execute("SELECT pages, bytes FROM runs ORDER BY id DESC LIMIT 1").fetchone()
    m.update(pages=pages, bytes=nbytes)
    return m


def run_scrapy(starts: list[str], concurrency: int) -> dict:
    cmd = [
        PY,
        "-m",
        "scrapy",
        "runspider",
        str(ROOT / "bench" / "scrapy_spider.py"),
        "-a",
        "starts=" + ",".join(starts),
        "-s",
        f"CONCURRENT_REQUESTS={concurrency}",
        "-s",
        f"CONCURRENT_REQUESTS_PER_DOMAIN={concurrency}",
        "-s",
        "DOWNLOAD_DELAY=0",
        "-s",
        "AUTOTHROTTLE_ENABLED=False",
        "-s",
        "ROBOTSTXT_OBEY=False",
        "-s",
        "COOKIES_ENABLED=False",
        "-s",
        "TELNETCONSOLE_ENABLED=False",
        "-s",
        "LOG_LEVEL=ERROR",
        "-s",
        "REQUEST_FINGERPRINTER_IMPLEMENTATION=2.7",
    ]
    m = measure(cmd, env={**os.environ, "PYTHONPATH": str(ROOT)})
    stats = json.loads(m["stdout"].strip().splitlines()[-1])
    m.update(pages=stats["requests"], bytes=stats["bytes"])
    return m


def run_raw(base: str, urls: Path, concurrency: int) -> dict:
    m = measure([PY, str(ROOT / "bench" / "raw.py"), base, str(urls), str(concurrency)])
    stats = json.loads(m["stdout"].strip().splitlines()[-1])
    m.update(pages=stats["requests"], bytes=stats["bytes"])
    return m


def figures(runs: list[dict]) -> dict:
    rate = [r["pages"] / r["wall"] for r in runs]
    cpu = [1000 * (r["user"] + r["sys"]) / r["pages"] for r in runs]
    rss = [r["maxrss_kb"] / 1024 for r in runs]
    return {"rate": rate, "cpu": cpu, "rss": rss, "pages": runs[0]["pages"]}


def fmt(values: list[float], digits: int = 0) -> str:
    return f"{statistics.median(values):.{digits}f} ({min(values):.{digits}f}–{max(values):.{digits}f})"


def scale(work: Path, columns: int = 200, entries: int = 500) -> dict:
    """evaluate + report + digest on a database of columns x entries (no network)."""
    from monitor import service
    from monitor.config import load_config
    from monitor.digest import contexts_for_week, render_digest, week_of
    from monitor.store import ColumnCheck, open_store

    cfg = work / "scale.toml"
    lines = [
        "[site]",
        'name = "规模测试学院"',
        'base_url = "http://127.0.0.1:9/"',
        "",
        "[storage]",
        'path = "scale.db"',
        "",
    ]
    for c in range(columns):
        lines += [
            "[[columns]]",
            f'name = "栏目{c}"',
            f'url = "http://127.0.0.1:9/col{c}/list.htm"',
            f"items = [{c % 50 + 1}]",
            "",
        ]
    cfg.write_text("\n".join(lines), encoding="utf-8")
    config = load_config(cfg)
    now = dt.datetime(2026, 11, 23, 8, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    store = open_store(config.storage_path)
    run_id = store.start_run(config.site.name, now)
    for c, col in enumerate(config.columns):
        rows = [
            (
                f"http://127.0.0.1:9/col{c}/{e}.htm",
                f"关于第{e}号事项的通知",
                (now.date() - dt.timedelta(days=(e * 7 + c) % 900)).isoformat(),
                "list",
            )
            for e in range(entries)
        ]
        store.save_column(
            run_id, ColumnCheck(col.url, col.name, "ok", 200, pages=entries // 20, entries=entries), rows, now
        )
    store.finish_run(run_id, "ok", now, columns * entries // 20, 0, 0)
    run = store.run(run_id)
    # what `monitor check --report` does after its crawl: one evaluation, the report, then the digest
    started = time.perf_counter()
    evaluation = service.evaluate_run(config, store, run, now.date(), now)
    t_eval = time.perf_counter() - started
    started = time.perf_counter()
    service._write_report(config, store, run, evaluation, tuple(store.open_findings(config.site.name)), now)
    t_report = time.perf_counter() - started
    started = time.perf_counter()
    for _, _, ctx in contexts_for_week(config, store, week_of(now.date()), now.date()):
        render_digest(ctx)
    store.close()
    t_digest = time.perf_counter() - started
    return {"entries": columns * entries, "evaluate": t_eval, "report": t_report, "digest": t_digest}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a small site and 2 pairs (under 3 minutes)")
    parser.add_argument("--pairs", type=int, help="A/B pairs (default 5, quick 2)")
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args()
    columns, entries = (10, 100) if args.quick else (50, 400)
    pairs = args.pairs or (2 if args.quick else 5)
    work = Path(tempfile.mkdtemp(prefix="xxgk-bench-"))
    work.chmod(0o755)  # nginx workers run as another user
    site = work / "site"
    lists, articles = generate(site, columns, entries)
    print(f"site: {lists} list pages + {articles} articles ({columns} columns x {entries} entries)", flush=True)
    with Nginx(site, work) as nginx:
        config, db = work / "config.toml", work / "bench.db"
        write_config(config, nginx.url, site, db, args.concurrency)
        starts = [nginx.url + row.split("\t")[1] for row in (site / "columns.tsv").read_text().split("\n") if row]
        mon, scr, raw = [], [], []
        for i in range(pairs):  # alternate A B A B, so that drift in the machine hits both alike
            mon.append(run_monitor(config, db))
            scr.append(run_scrapy(starts, args.concurrency))
            print(
                f"pair {i + 1}: monitor {mon[-1]['pages'] / mon[-1]['wall']:.0f} pages/s, "
                f"scrapy {scr[-1]['pages'] / scr[-1]['wall']:.0f} pages/s",
                flush=True,
            )
        for _ in range(max(1, pairs // 2)):
            raw.append(run_raw(nginx.url, site / "urls.txt", args.concurrency))
        full = mon[-1]
        again = run_monitor(config, db, fresh=False)  # the unchanged site once more: conditional requests
    sc = scale(work)
    fm, fs, fr = figures(mon), figures(scr), figures(raw)
    ratio = [m / s for m, s in zip(fm["rate"], fs["rate"], strict=True)]
    import platform

    lines = [
        f"# Benchmark {dt.date.today().isoformat()}{' (quick)' if args.quick else ''}",
        "",
        f"Machine: {os.cpu_count()} cores, Python {platform.python_version()}, nginx on 127.0.0.1 (1 worker). "
        f"Site: {lists} list pages + {articles} articles, {columns} columns in 3 CMS styles (one GBK). "
        f"Concurrency {args.concurrency}, no delay, robots off. {pairs} pairs, run alternately (A B A B …). "
        "Median (min–max).",
        "",
        f"Command: `python bench/run.py{' --quick' if args.quick else ''}`",
        "",
        "| crawler | pages | pages/s | CPU ms per page | peak RSS MB |",
        "| --- | ---: | ---: | ---: | ---: |",
        f"| monitor crawl (parse, store, evaluate, privacy scan) | {fm['pages']} | {fmt(fm['rate'])} | {fmt(fm['cpu'], 2)} | {fmt(fm['rss'])} |",
        f"| Scrapy {__import__('scrapy').__version__} (same parse_list/parse_article, no storage) | {fs['pages']} | {fmt(fs['rate'])} | {fmt(fs['cpu'], 2)} | {fmt(fs['rss'])} |",
        f"| bare httpx loop (no parsing, no storage) | {fr['pages']} | {fmt(fr['rate'])} | {fmt(fr['cpu'], 2)} | {fmt(fr['rss'])} |",
        "",
        f"monitor / Scrapy pages/s: {fmt(ratio, 2)}",
        "",
        f"Incremental recrawl of the unchanged site: {again['wall']:.1f} s and {again['bytes'] / 1e6:.1f} MB "
        f"against {full['wall']:.1f} s and {full['bytes'] / 1e6:.1f} MB for the full crawl "
        f"({100 * again['wall'] / full['wall']:.0f}% of the time, {100 * again['bytes'] / max(full['bytes'], 1):.0f}% of the bytes).",
        "",
        f"Scale, {sc['entries']:,} entries in 200 columns: evaluate {sc['evaluate']:.2f} s, report {sc['report']:.2f} s, "
        f"digest (all recipients) {sc['digest']:.2f} s; total {sc['evaluate'] + sc['report'] + sc['digest']:.2f} s.",
    ]
    text = "\n".join(lines) + "\n"
    print(text)
    if not args.no_write:
        out = ROOT / "bench" / "results" / f"{dt.date.today().isoformat()}{'-quick' if args.quick else ''}.md"
        out.write_text(text, encoding="utf-8")
        print(f"written to {out.relative_to(ROOT)}")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
