"""``monitor demo``: serve the bundled demo college on loopback and run the real pipeline against it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from monitor.config import load_config
from monitor.crawl import Progress
from monitor.demo.server import DemoServer
from monitor.demo.site import NAME, build, columns
from monitor.digest import DigestOutcome, run_digest, week_of
from monitor.service import CheckResult, check


@dataclass(frozen=True)
class DemoResult:
    directory: Path
    config_path: Path
    site_url: str
    check: CheckResult
    requests: int
    digest: DigestOutcome


def demo_config(site_url: str, smtp: tuple[str, int] | None = None) -> str:
    """The config a user would write for the demo college (also a worked example of the format)."""
    lines = [
        "# Demo configuration written by `monitor demo` for the bundled demo college.",
        "[site]",
        f'name = "{NAME}"',
        f'base_url = "{site_url}/index.htm"',
        'level = "高职"',
        'contact = "xxgk@demo.example.edu.cn"',
        "",
        "[crawl]",
        "concurrency = 8",
        "delay = 0",
        "timeout = 10",
        "retries = 0",
        "",
        "[storage]",
        'path = "monitor.db"',
        "",
        "[reports]",
        'dir = "reports"',
        "",
    ]
    departments = []
    for col in columns():
        lines += [
            "[[columns]]",
            f'name = "{col.name}"',
            f'url = "{site_url}{col.path}"',
            f"items = {list(col.items)}",
            f'department = "{col.department}"',
            "",
        ]
        if col.department not in departments:
            departments.append(col.department)
    for i, dept in enumerate(departments):
        lines += [f'[departments."{dept}"]', f'emails = ["dept{i + 1}@demo.example.edu.cn"]', ""]
    lines += ["[checklist.departments]", '"22" = "党政办公室"', '"23" = "党政办公室"', ""]
    if smtp:
        lines += [
            "[email]",
            f'host = "{smtp[0]}"',
            f"port = {smtp[1]}",
            'security = "none"',
            f'sender = "{NAME}信息公开办公室 <xxgk@demo.example.edu.cn>"',
            'to = ["xxgk@demo.example.edu.cn"]',
            "",
        ]
    return "\n".join(lines)


def run_demo(
    directory: Path, now: dt.datetime, smtp: tuple[str, int] | None = None, progress: Progress | None = None
) -> DemoResult:
    """Serve the demo site, write its config into ``directory``, crawl, evaluate and write the report."""
    directory.mkdir(parents=True, exist_ok=True)
    db = directory / "monitor.db"
    for stale in (db, db.with_name("monitor.db-wal"), db.with_name("monitor.db-shm")):
        stale.unlink(missing_ok=True)  # each demo starts afresh: the port changes between runs
    with DemoServer(build(now.date())) as server:
        config_path = directory / "config.toml"
        config_path.write_text(demo_config(server.url, smtp), encoding="utf-8")
        config = load_config(config_path)
        result = check(config, now, progress=progress, report=True)
        requests = len(server.requests)
    # the digest of this week, rendered into reports/ (and sent when an SMTP server was given)
    outcome = run_digest(config, now, week_of(now.date()), dry_run=smtp is None, force=True)
    return DemoResult(directory, config_path, server.url, result, requests, outcome)
