"""The ``monitor`` command line: thin wrappers that parse options, call one library function and print.

Exit codes: 0 all applicable items ok; 1 findings exist (or an operation failed); 2 usage or config
error; 3 the site could not be reached; 4 another crawl holds the lock.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import sqlite3
import sys
import zoneinfo
from contextlib import contextmanager
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from monitor import __version__
from monitor.checklist import load_checklist
from monitor.config import DEFAULT_CONFIG, Config, load_config
from monitor.errors import MonitorError

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class _Group(click.Group):
    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except MonitorError as exc:
            click.echo(f"错误 / error: {exc}", err=True)
            ctx.exit(exc.exit_code)
        except sqlite3.Error as exc:  # the database failed mid-way (disk full, file removed…): one line, no traceback
            click.echo(f"错误 / error: the database failed: {exc} (nothing half-written is kept)", err=True)
            ctx.exit(1)


@click.group(cls=_Group, context_settings=CONTEXT)
@click.version_option(__version__, prog_name="xxgk-monitor")
@click.option(
    "-c",
    "--config",
    "config_path",
    default=DEFAULT_CONFIG,
    show_default=True,
    envvar="MONITOR_CONFIG",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Config file (also $MONITOR_CONFIG).",
)
@click.option("-v", "--verbose", count=True, help="More log output on stderr (-vv for every request).")
@click.option("-q", "--quiet", is_flag=True, help="No progress display and no log output below errors.")
@click.pass_context
def cli(ctx: click.Context, config_path: Path, verbose: int, quiet: bool) -> None:
    """xxgk-monitor: checks a college's 信息公开 website against the national checklist of 50 items.

    It crawls the disclosure columns listed in the config, finds blank (空白栏目), stale, overdue,
    missing and broken items, keeps each finding's history, and reports them.

    \b
    Typical use:
      monitor demo                       see it work on a bundled demo college (no network)
      monitor init --name … --url … --level 高职     start a config.toml for your site
      monitor discover URL --write       propose [[columns]] from the site's 信息公开 entry page
      monitor read URL                   one page as a run reads it (entries, dates, pager, verdict)
      monitor check [--report]           crawl now, print the verdict for all 50 items (JSON: --format json)
      monitor digest                     mail the weekly supervision digest to the office and departments
      monitor run                        run as a service on the [schedule] (see docs/deploy.md)
      monitor province check|report      every college of a province at once (province.toml)
    """
    level = logging.ERROR if quiet else (logging.WARNING, logging.INFO, logging.DEBUG)[min(verbose, 2)]
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    if verbose < 2:
        logging.getLogger("httpx").setLevel(logging.WARNING)
    ctx.obj = {"config_path": config_path, "quiet": quiet, "verbose": verbose}


_FORMAT_HELP = {
    "table": "table: for people (coloured on a terminal)",
    "json": "json: the documented contract for scripts",
    "csv": "csv: for spreadsheets",
    "none": "none: print nothing (for cron)",
}


def format_option(*choices: str, default: str = "table"):
    """``--format``, the same on every command, with help that says what each choice is for."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(list(choices)),
        default=default,
        show_default=True,
        help="; ".join(_FORMAT_HELP[c] for c in choices) + ".",
    )


def _set_config(ctx: click.Context, _param, value: Path | None):
    if value is not None:
        ctx.ensure_object(dict)["config_path"] = value  # given after the command: it wins over the group's
    return value


config_option = click.option(
    "-c",
    "--config",
    "config_path",
    type=click.Path(dir_okay=False, path_type=Path),
    expose_value=False,
    callback=_set_config,
    help="Config file; also accepted before the command and as $MONITOR_CONFIG.",
)


def _config(ctx: click.Context) -> Config:
    """The config named by --config, with its schedule's cron lines checked (a bad one is exit 2 too)."""
    from monitor import schedule

    return schedule.check(load_config(ctx.obj["config_path"]))


@contextmanager
def _progress(enabled: bool, columns: int):
    """A progress display for crawls on a terminal; yields the callback the crawler calls."""
    if not enabled:
        yield None
        return
    console = Console(stderr=True)
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[info]}"),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    ) as bar:
        col_task = bar.add_task("栏目", total=columns, info="")
        page_count = {"n": 0}

        def callback(event: str, **info) -> None:
            if event == "page":
                page_count["n"] += 1
                bar.update(col_task, info=f"已抓取 {page_count['n']} 个页面")
            elif event == "column":
                bar.advance(col_task)
            elif event == "links":
                bar.update(col_task, description="链接", info=f"检查 {info['total']} 条信息的链接")

        yield callback


class Day(click.ParamType):
    """A date option (``--today``, ``--from``, ``--to``): ISO form, 1990-2100; empty means the default."""

    name = "YYYY-MM-DD"

    def convert(self, value, param, ctx):
        if value is None or isinstance(value, dt.date):
            return value
        from monitor.dates import MAX_YEAR, MIN_YEAR

        if not str(value).strip():
            return None
        try:
            day = dt.date.fromisoformat(str(value).strip())
        except ValueError:
            self.fail(f"{value!r} is not a date like 2026-11-23", param, ctx)
        if not MIN_YEAR <= day.year <= MAX_YEAR:
            self.fail(f"{value!r} is outside {MIN_YEAR}-{MAX_YEAR}", param, ctx)
        return day


DAY = Day()


def _now(day: dt.date | None, config: Config) -> dt.datetime:
    """Now in the config's time zone, on ``day`` when one is given (a rehearsal, or another week)."""
    return _now_in(day, config.schedule.timezone)


def _now_in(day: dt.date | None, timezone: str) -> dt.datetime:
    from monitor.service import now_in_zone

    now = now_in_zone(timezone)
    return now.replace(year=day.year, month=day.month, day=day.day) if day else now


@cli.command(context_settings=CONTEXT)
@config_option
@format_option("table", "json")
@click.option("--no-crawl", is_flag=True, help="Do not crawl: re-evaluate the last stored run.")
@click.option(
    "--today",
    type=DAY,
    help="Judge as of this date instead of today (rehearsing a review): findings are shown, not recorded.",
)
@click.option("--report", "write_report", is_flag=True, help="Also write the HTML report into the reports folder.")
@click.option(
    "--no-wait", is_flag=True, help="If another crawl of the site is running, exit at once (code 4) instead of waiting."
)
@click.pass_context
def check(
    ctx: click.Context, fmt: str, no_crawl: bool, today: dt.date | None, write_report: bool, no_wait: bool
) -> None:
    """Crawl the configured columns now, judge all 50 items, print the verdict and open findings.

    \b
    Exit codes:
      0  every applicable item is ok
      1  findings exist (missing, blank, stale, overdue, broken…)
      2  usage or config error
      3  the site could not be reached (items are reported as unknown, never as blank)
      4  another crawl of the site is running (with --no-wait)

    \b
    Examples:
      monitor check --config config.toml              crawl now, the verdict for all 50 items
      monitor check --format json | jq '.summary'      for scripts
      monitor check --today 2026-10-31 --no-crawl      rehearse the review on the deadline (nothing recorded)
    """
    from monitor import service

    config = _config(ctx)
    load_checklist()
    now = _now(today, config)
    show_progress = fmt == "table" and not ctx.obj["quiet"] and sys.stderr.isatty()
    with _progress(show_progress, len(config.columns)) as callback:
        result = service.check(
            config,
            now,
            do_crawl=not no_crawl,
            progress=callback,
            report=write_report,
            wait=not no_wait,
            on_wait=lambda m: click.echo(m, err=True),
            rehearsal=today is not None,
        )
    if fmt == "json":
        document = dict(result.document)
        if result.report_path:
            document["report"] = str(result.report_path)
        click.echo(json.dumps(document, ensure_ascii=False, indent=2))
    else:
        _print_check(result, config.site.name, full=ctx.obj["verbose"] > 0)
        if result.report_path:
            click.echo(f"报告 / report: {result.report_path}")
    ctx.exit(result.exit_code)


def _print_check(result, site: str, full: bool = False) -> None:
    from monitor import report

    console = Console(highlight=False)
    console.print(report.items_table(result.evaluation, site, full, console.width))
    if result.findings:
        console.print(report.findings_table(result.findings, result.today))
    console.print(report.summary_line(result.evaluation, result.run))


@cli.command(context_settings=CONTEXT)
@config_option
@click.option("--today", type=DAY, help="Judge as of this date instead of today.")
@click.pass_context
def report(ctx: click.Context, today: dt.date | None) -> None:
    """Write the HTML report of the last run (no crawl) into the reports folder and print its path.

    The report is one self-contained HTML file: the 50 items by category with status colours, open
    findings with links, the trend of recent runs as a chart, and run details. It prints on A4.

    \b
    Examples:
      monitor report                                   reports/report-YYYY-MM-DD.html from the last run
      monitor report --today 2026-10-31
    """
    from monitor import service

    config = _config(ctx)
    path = service.write_report(config, _now(today, config))
    click.echo(str(path))


@cli.command(context_settings=CONTEXT)
@config_option
@click.option("--name", required=True, help="The college's name, e.g. 示例职业技术学院.")
@click.option("--url", required=True, help="The home page, e.g. https://www.example.edu.cn/.")
@click.option("--level", type=click.Choice(["本科", "高职"]), required=True, help="本科 or 高职.")
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
@click.pass_context
def init(ctx: click.Context, name: str, url: str, level: str, force: bool) -> None:
    """Write a commented config.toml for your site (to --config, default ./config.toml).

    Then add one [[columns]] table per disclosure column, as the comments in the file explain.
    """
    from monitor.init import init_config

    path = init_config(ctx.obj["config_path"], name, url, level, force)
    load_config(path)  # what init writes must load
    click.echo(f"已写入 / wrote {path}: add your columns, then run 'monitor --config {path} check'")


@cli.command(context_settings=CONTEXT)
@click.option(
    "--dir",
    "directory",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("monitor-demo"),
    show_default=True,
    help="Where the demo config, database and reports are written.",
)
@click.option("--smtp", metavar="HOST:PORT", help="Also send the digest to this SMTP server (no TLS, no login).")
@format_option("table", "json")
@click.pass_context
def demo(ctx: click.Context, directory: Path, smtp: str | None, fmt: str) -> None:
    """Run the whole pipeline on a bundled demo college served on 127.0.0.1 (no network needed).

    Serves the demo site on a free local port, writes its config into --dir, crawls it, judges the 50
    items, prints the verdict, writes the HTML report and this week's digest (sent with --smtp), and
    stops the server. Exit 0 when it ran.

    \b
    Examples:
      monitor demo                                     the demo college on loopback, its check and report
      monitor demo --format json
    """
    from monitor.demo.run import run_demo

    smtp_addr = None
    if smtp:
        host, _, port = smtp.rpartition(":")
        if not host or not port.isdigit():
            raise click.BadParameter(f"{smtp!r} is not HOST:PORT", param_hint="--smtp")
        smtp_addr = (host, int(port))
    now = dt.datetime.now(zoneinfo.ZoneInfo("Asia/Shanghai"))
    show_progress = fmt == "table" and not ctx.obj["quiet"] and sys.stderr.isatty()
    with _progress(show_progress, 18) as callback:
        result = run_demo(directory.resolve(), now, smtp_addr, callback)
    if fmt == "json":
        document = dict(result.check.document, report=str(result.check.report_path), config=str(result.config_path))
        click.echo(json.dumps(document, ensure_ascii=False, indent=2))
        return
    _print_check(result.check, result.check.document["site"])
    click.echo(f"演示站点 / demo site: {result.site_url} (stopped; {result.requests} requests served)")
    click.echo(f"配置 / config:        {result.config_path}")
    click.echo(f"数据库 / database:    {result.directory / 'monitor.db'}")
    click.echo(f"报告 / report:        {result.check.report_path}")
    click.echo(f"周报 / digest:        {result.digest.files[0]}")
    for d in result.digest.deliveries:
        if d.status in ("sent", "pending"):
            click.echo(f"  邮件 / mail {d.status}: {', '.join(d.addresses)} {d.error}")
    click.echo(f"下一步 / next: monitor --config {result.config_path} check --no-crawl")


@cli.command(context_settings=CONTEXT)
@format_option("table", "json")
@click.option("--level", type=click.Choice(["本科", "高职"]), help="Show applicability for this level.")
def items(fmt: str, level: str | None) -> None:
    """List the 50 checklist items (《高等学校信息公开事项清单》) with cadence and keywords. Needs no config.

    \b
    Examples:
      monitor items --level 高职
      monitor items --format json | jq '.[] | select(.cadence == "annual_by")'
    """
    from monitor.report import checklist_table, items_document

    checklist = load_checklist()
    if fmt == "json":
        click.echo(json.dumps(items_document(checklist), ensure_ascii=False, indent=2))
        return
    table = checklist_table(checklist, level)
    Console(highlight=False).print(table)


@cli.command(context_settings=CONTEXT)
@config_option
@click.option("--week", metavar="YYYY-Www", help="ISO week to report, e.g. 2026-W48 (default: the week just ended).")
@click.option("--dry-run", is_flag=True, help="Render and show recipients, subjects and counts; send nothing.")
@click.option("--force", is_flag=True, help="Send again to recipients who already received this week's digest.")
@click.option("--send-test", is_flag=True, help="Only send a small test message to [email] to, to check the settings.")
@click.option("--today", type=DAY, help="Compute as of this date (open days, deadlines).")
@format_option("table", "json")
@click.pass_context
def digest(
    ctx: click.Context, week: str | None, dry_run: bool, force: bool, send_test: bool, today: dt.date | None, fmt: str
) -> None:
    """Build the weekly supervision digest (定期线上检查周报) and mail it.

    The office ([email] to) receives the whole digest; each department in [departments] receives only its
    own items' findings and deadlines (departments with nothing open get nothing unless always = true).
    The digest is also written to reports/digest-YYYY-Www.html and .txt. Every (week, recipient) delivery
    is recorded: running it again sends nothing already sent; a failed delivery stays pending and is
    retried by the next run. Exit 0 when everything due was delivered, 1 when some delivery is pending.

    \b
    Examples:
      monitor digest --dry-run                         write last week's digest, send nothing
      monitor digest --week 2026-W47 --force           send that week's digest again
    """
    from monitor import digest as digest_mod

    config = _config(ctx)
    now = _now(today, config)
    if send_test:
        subject = digest_mod.send_test(config, now)
        click.echo(f"已发送测试邮件 / test mail sent to {', '.join(config.email.to)}: {subject}")
        return
    outcome = digest_mod.run_digest(config, now, digest_mod.parse_week(week) if week else None, dry_run, force)
    rows = digest_mod.delivery_summary(outcome)
    if fmt == "json":
        click.echo(
            json.dumps(
                {
                    "week": outcome.week.label,
                    "files": [str(p) for p in outcome.files],
                    "deliveries": rows,
                    "chat": [{"week": w, "channel": c, "status": st} for w, c, st in outcome.chat],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        words = {
            "sent": "已发送",
            "sent-already": "此前已发送",
            "pending": "发送失败，待重试",
            "dry-run": "演练（未发送）",
        }
        click.echo(f"{outcome.week.label} 周报已写入 / written: {', '.join(str(p) for p in outcome.files)}")
        for r in rows:
            click.echo(
                f"  [{words.get(r['status'], r['status'])}] {r['week']} {r['recipient']} -> "
                f"{', '.join(r['addresses'])} | {r['subject']} | 待整改 {r['open']}，新发现 {r['new']}"
            )
            if r["error"]:
                click.echo(f"      {r['error']}")
        for w, channel, state in outcome.chat:
            click.echo(f"  [{words.get(state, state)}] {w} 群消息 / chat {channel}")
    if outcome.failed:
        click.echo(f"错误 / error: {len(outcome.failed)} delivery(ies) pending: {outcome.failed[0].error}", err=True)
        ctx.exit(1)


@cli.command(context_settings=CONTEXT)
@config_option
@click.option("--no-wait", is_flag=True, help="If another crawl of the site is running, exit at once (code 4).")
@format_option("none", "json", default="none")
@click.pass_context
def crawl(ctx: click.Context, no_wait: bool, fmt: str) -> None:
    """Crawl and evaluate, quietly, for crontab lines. Exit codes as 'monitor check'.

    \b
    Example crontab (crawl daily at 06:00, digest on Mondays at 08:00):
      0 6 * * *  cd /srv/xxgk && .venv/bin/monitor -q crawl
      0 8 * * 1  cd /srv/xxgk && .venv/bin/monitor -q digest
    """
    from monitor import service

    config = _config(ctx)
    result = service.check(config, service.now_in(config), wait=not no_wait, on_wait=lambda m: click.echo(m, err=True))
    if fmt == "json":
        click.echo(json.dumps(result.document, ensure_ascii=False, indent=2))
    ctx.exit(result.exit_code)


def _service_logging(ctx: click.Context, log_file: Path | None) -> None:
    """A service logs one line per job at INFO (unless -q), to stderr and to --log-file."""
    root = logging.getLogger()
    root.setLevel(min(root.level, logging.INFO) if not ctx.obj["quiet"] else logging.WARNING)
    for handler in root.handlers:
        handler.setLevel(root.level)
    logging.getLogger("apscheduler.executors").setLevel(logging.WARNING)  # our jobs log one line each themselves
    if log_file:
        handler = logging.FileHandler(log_file, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)


@cli.command(context_settings=CONTEXT)
@config_option
@click.option("--log-file", type=click.Path(dir_okay=False, path_type=Path), help="Also append the log to this file.")
@click.pass_context
def run(ctx: click.Context, log_file: Path | None) -> None:
    """Run as a service: crawl and send the digest on the [schedule] (APScheduler), until SIGTERM/SIGINT.

    Config and checklist are validated before anything is scheduled. A crawl or digest whose time passed
    while the service was down runs at start (the digest is still sent only once per week and recipient).
    One line per job goes to stderr (and --log-file). On SIGTERM a running crawl stops within one request
    timeout and the process exits 0. See docs/deploy.md for systemd and cron set-ups.

    \b
    Examples:
      monitor run --log-file /var/log/xxgk-monitor.log   (systemd unit: docs/deploy.md)
    """
    from monitor.schedule import Daemon

    config = _config(ctx)
    load_checklist()
    _service_logging(ctx, log_file)
    ctx.exit(Daemon(config).run())


@cli.command(context_settings=CONTEXT)
@config_option
@format_option("table", "json")
@click.pass_context
def status(ctx: click.Context, fmt: str) -> None:
    """Show the last runs (outcome, duration), next scheduled times, open findings by kind, pending mail
    deliveries and the database size.

    \b
    Examples:
      monitor status
      monitor status --format json | jq '.pending_deliveries'
    """
    from monitor import schedule, service

    config = _config(ctx)
    doc = schedule.status(config, service.now_in(config))
    if fmt == "json":
        click.echo(json.dumps(doc, ensure_ascii=False, indent=2))
        return
    from monitor.report import status_lines

    click.echo("\n".join(status_lines(doc)))


@cli.command(context_settings=CONTEXT)
@config_option
@click.option("--from", "start", type=DAY, help="First day (default: 1 Sep of the last complete 学年).")
@click.option("--to", "end", type=DAY, help="Last day (default: 31 Aug of the last complete 学年).")
@click.option(
    "--backfill", is_flag=True, help="First crawl every column to its last page, so that the period is complete."
)
@format_option("table", "csv", "json")
@click.pass_context
def stats(ctx: click.Context, start: dt.date | None, end: dt.date | None, backfill: bool, fmt: str) -> None:
    """Count the entries published in a period, per column and per checklist category, for the annual report.

    Distinct entries only: an article listed in two columns counts once in the total (the overlap is shown).
    Each column says whether its count is complete (its pagination was followed to the oldest page).

    \b
    Examples:
      monitor stats                                    the last complete 学年 (1 Sep - 31 Aug)
      monitor stats --from 2025-09-01 --to 2026-08-31 --backfill --format csv > stats.csv
    """
    from monitor import service
    from monitor import stats as stats_mod

    config = _config(ctx)
    now = service.now_in(config)
    default_start, default_end = stats_mod.last_academic_year(now.date())
    first, last = start or default_start, end or default_end
    if first > last:
        raise click.BadParameter(f"{first} is after {last}", param_hint="--from/--to")
    show_progress = backfill and fmt == "table" and not ctx.obj["quiet"] and sys.stderr.isatty()
    with _progress(show_progress, len(config.columns)) as callback:
        doc = service.stats(config, first, last, backfill, now, callback)
    if fmt == "json":
        click.echo(json.dumps(doc, ensure_ascii=False, indent=2))
        return
    if fmt == "csv":
        click.echo(stats_mod.to_csv(doc), nl=False)
        return
    from monitor.report import stats_tables

    console = Console(highlight=False)
    for table in stats_tables(doc):
        console.print(table)
    if doc["overlap"]["entries"]:
        click.echo(f"同时出现在多个栏目中的信息：{doc['overlap']['entries']} 条（合计中只计一次）")
    click.echo(doc["sentence"])


@cli.command(context_settings=CONTEXT)
@config_option
@click.argument("url")
@click.option("--depth", default=2, show_default=True, help="Links followed from the entry page.")
@click.option("--max-pages", default=300, show_default=True, help="Pages fetched at most.")
@click.option("--write", is_flag=True, help="Append the proposed [[columns]] (and departments) to the config file.")
@click.pass_context
def discover(ctx: click.Context, url: str, depth: int, max_pages: int, write: bool) -> None:
    """Propose [[columns]] for a site from its 信息公开 entry page URL.

    Crawls the disclosure area (same host, --depth links, --max-pages pages), reads the college's own
    信息公开事项清单 table when there is one (item -> link -> 责任部门), and maps columns to checklist items by
    their names and their entries' titles. A page showing several columns in boxes of their own (no 更多 link
    to a list elsewhere) is proposed as a column per box, its heading after # (cwxx.htm#预算决算). Prints TOML to
    review (confidence and reasons as comments) on stdout and the coverage on stderr. With --write the snippet
    is appended to --config.

    \b
    Examples:
      monitor discover https://www.example.edu.cn/xxgk/ --write
    """
    from monitor import discover as discover_mod

    path = ctx.obj["config_path"]
    config = load_config(path) if path.exists() else None
    crawl = config.crawl if config else None
    site_name = config.site.name if config else ""
    level = config.site.level if config else "本科"
    show_progress = not ctx.obj["quiet"] and sys.stderr.isatty()
    with _progress(show_progress, max_pages) as callback:
        result = discover_mod.discover(url, crawl, site_name, level, max_pages, depth, callback)
    snippet = discover_mod.to_toml(result, set(config.departments) if config else set())
    click.echo(snippet)
    click.echo(
        f"覆盖 / coverage: {len(result.found)} items found on {result.pages} pages; "
        f"not found: {', '.join(str(i) for i in result.missing) or 'none'}",
        err=True,
    )
    if result.blocked:
        click.echo(
            f"注意 / note: 网站的反爬虫验证拦下了部分请求（{result.blocked}），请将本机 IP 加入其白名单后再试 / "
            "an anti-bot firewall answered instead of some pages: allow this machine's IP, then run again",
            err=True,
        )
    if write:
        if config is None:
            raise click.UsageError(f"{path} does not exist: run 'monitor init' first, then discover --write")
        with path.open("a", encoding="utf-8") as f:
            f.write("\n" + snippet)
        load_config(path)  # what was appended must load
        click.echo(f"已追加到 / appended to {path}", err=True)


@cli.command("read", context_settings=CONTEXT)
@config_option
@format_option("table", "json")
@click.argument("url")
@click.option("--article", is_flag=True, help="Read it as an article page (title, date, files), not a column's list.")
@click.option(
    "--file",
    "saved",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Read this saved page (bytes as the server sent them) instead of fetching URL; URL is its address.",
)
@click.option("--save", type=click.Path(dir_okay=False, path_type=Path), help="Also save the fetched page here.")
@click.option(
    "--name",
    default="",
    help="The column's name (通知公告), where the page's title does not give it; a configured column's by default.",
)
@click.option("--limit", default=20, show_default=True, help="Entries and pages listed at most (table).")
@click.pass_context
def read(
    ctx: click.Context,
    fmt: str,
    url: str,
    article: bool,
    saved: Path | None,
    save: Path | None,
    name: str,
    limit: int,
) -> None:
    """Read one page as a run reads it: its entries and their dates, its pager, the verdict.

    For a verdict that looks wrong (a column reported blank or stale that is not): shows what the reader
    saw on the page. An article page or a file (a PDF, DOC, XLS… at the address) also shows the personal data a
    run would find in it (masked), e.g. to check that a re-posted list is masked now. The page is fetched with the config's [crawl] settings (user agent, timeouts,
    robots.txt) when a config exists; a configured column's name helps tell its list from boxes beside it.
    A section after # (cwxx.htm#预算决算, one of several columns on one page) is read alone, as a run reads it.
    Nothing is recorded.

    \b
    Exit codes:
      0  the page was read (whatever it showed)
      2  usage error
      3  the page could not be fetched (the reason is printed)

    \b
    Examples:
      monitor read https://www.example.edu.cn/xxgk/zsxx.htm
      monitor read https://www.example.edu.cn/info/1021/3456.htm --article
      monitor read URL --save page.html          keep the page, to attach to a bug report
      monitor read URL --file page.html --format json
    """
    from monitor import readpage

    path = ctx.obj["config_path"]
    config = load_config(path) if path.exists() else None
    if saved:
        reading = readpage.read_file(saved, url, config, article, name)
    else:
        reading = readpage.read_url(url, config, article, name=name)
    if save and reading.body:
        save.write_bytes(reading.body)
    if fmt == "json":
        click.echo(json.dumps(readpage.to_dict(reading), ensure_ascii=False, indent=2))
    else:
        click.echo(readpage.to_text(reading, limit))
    ctx.exit(3 if reading.error else 0)


@cli.command(context_settings=CONTEXT)
@config_option
@click.option("--test", "test", is_flag=True, help="Send a test message to every configured chat channel.")
@click.pass_context
def notify(ctx: click.Context, test: bool) -> None:
    """Chat channels (企业微信, 钉钉, 飞书… as apprise URLs in [notify] and [departments.X]): --test sends each a
    test message and prints what it answered. Urgent alerts go out after every crawl, the summary with the digest.

    \b
    Examples:
      MONITOR_WECOM_URL=wecombot://KEY monitor notify --test
    """
    from monitor import notify as notify_mod

    config = _config(ctx)
    if not test:
        click.echo(ctx.get_help())
        return
    results = notify_mod.test_message(config)
    if not results:
        raise click.UsageError("no chat channel: add [notify] urls or urls_env to the config")
    for label, ok, error in results:
        click.echo(f"  [{'已送达' if ok else '失败'}] {label} {error}")
    if not all(ok for _label, ok, _error in results):
        ctx.exit(1)


def _year(year: str | None, config: Config):
    """The --year option as a 学年 (default: the last complete one, in the config's time zone)."""
    from monitor import annual as annual_mod
    from monitor.service import now_in

    try:
        return annual_mod.Year.parse(year) if year else annual_mod.Year.last_complete(now_in(config).date())
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--year") from None


@cli.group(context_settings=CONTEXT)
def annual() -> None:
    """The annual report (信息公开工作年度报告, due 31 October for the 学年 just ended)."""


@annual.command("check", context_settings=CONTEXT)
@config_option
@click.option("--year", metavar="YYYY-YYYY", help="The 学年, e.g. 2025-2026 (default: the last complete one).")
@click.option("--url", help="The report's page or file on the web (default: found in the column of checklist item 6).")
@click.option(
    "--file",
    "file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A local PDF, DOCX, DOC (Word 97–2003) or HTML.",
)
@format_option("table", "json")
@click.pass_context
def annual_check(ctx: click.Context, year: str | None, url: str | None, file: Path | None, fmt: str) -> None:
    """Judge the college's published annual report as the provincial review does: on time, the right 学年 and
    statistics period, the seven required parts, the checklist explained item by item, the numbers adding up
    (and matching the monitor's own counts where a category is a configured column).

    \b
    Exit codes: 0 no problem, 1 problems, 2 usage, 3 the report could not be found or read.
    \b
    Examples:
      monitor annual check                              the last complete 学年, report found on the site
      monitor annual check --year 2023-2024 --file 年度报告.pdf --format json
    """
    from monitor import service

    config = _config(ctx)
    which = _year(year, config)
    doc, code = service.annual_check(config, which, url, file)
    if fmt == "json":
        click.echo(json.dumps(doc, ensure_ascii=False, indent=2))
    else:
        from monitor.report import annual_lines

        click.echo("\n".join(annual_lines(doc)))
    ctx.exit(code)


@annual.command("draft", context_settings=CONTEXT)
@config_option
@click.option("--year", metavar="YYYY-YYYY", help="The 学年, e.g. 2025-2026 (default: the last complete one).")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["docx", "html", "md"]),
    default="docx",
    show_default=True,
    help="docx: to edit in Word/WPS; html: to read and print; md: plain text.",
)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Where to write (default: reports/).")
@click.pass_context
def annual_draft(ctx: click.Context, year: str | None, fmt: str, out: Path | None) -> None:
    """Draft the annual report from a year of monitoring: part 二's numbers (new entries per column and category,
    the sentence ready to paste, columns whose count is incomplete), the checklist table at 31 August, part 六's
    evidence (what the regular online inspection found and fixed), back-dated entries; the other parts headed
    with what the rules require there.

    \b
    Examples:
      monitor annual draft                               reports/annual-2025-2026-draft.docx
      monitor annual draft --year 2024-2025 --format html
    """
    from monitor import service

    config = _config(ctx)
    which = _year(year, config)
    path, data = service.annual_draft(config, which, fmt, out)
    click.echo(data["stats"]["sentence"])
    click.echo(f"草稿 / draft: {path}")


# --- province mode -----------------------------------------------------------------------------------

province_option = click.option(
    "--province",
    "province_path",
    default="province.toml",
    show_default=True,
    envvar="MONITOR_PROVINCE",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The province file (also $MONITOR_PROVINCE).",
)


@cli.group(context_settings=CONTEXT)
def province() -> None:
    """Every college of a province at once (for a provincial education department, or a college comparing
    itself with its peers): province.toml lists the colleges; each keeps its own database and history.

    \b
    Typical use:
      monitor province init colleges.csv --name 安徽省     write province.toml from a CSV of name, URL, level
      monitor province check                              crawl every college (colleges without a config are
                                                          discovered on their first run)
      monitor province report                             the colleges x 50 items heatmap (HTML, CSV, JSON)
      monitor province digest                             the supervisor's weekly summary, and each office's digest
    """


@province.command("init", context_settings=CONTEXT)
@click.argument("csv_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@province_option
@click.option("--name", required=True, help="The province, e.g. 安徽省.")
@click.option("--force", is_flag=True, help="Overwrite an existing province file.")
def province_init(csv_file: Path, province_path: Path, name: str, force: bool) -> None:
    """Write the province file from a CSV of colleges: name, URL (home page or 信息公开 area), level (本科/高职),
    one per line (a header line is skipped; UTF-8 or GBK as Excel saves it).

    \b
    Examples:
      monitor province init colleges.csv --name 安徽省
    """
    from monitor.provincerun import init_province

    path, n = init_province(csv_file, province_path, name, force)
    click.echo(f"已写入 / written: {path}（{n} 所高校）; next: monitor province check --province {path}")


_COLLEGE_RESULT = {0: "正常", 1: "有问题", 2: "配置错误", 3: "无法访问"}  # a college's exit code, in words


def _province_progress(total: int, enabled: bool):
    done = {"n": 0}

    def callback(kind: str, value) -> None:
        if kind != "done" or not enabled:
            return
        done["n"] += 1
        words = _COLLEGE_RESULT.get(value.exit_code, "出错")
        extra = f"待整改 {len(value.check['findings'])}" if value.check else value.error
        click.echo(f"[{done['n']}/{total}] {value.name}：{words}（{extra}）{value.seconds:.1f}s", err=True)

    return callback


@province.command("check", context_settings=CONTEXT)
@province_option
@format_option("table", "json")
@click.option("--workers", type=click.IntRange(1, 64), help="Processes (default: [province] workers, one per core).")
@click.option("--no-annual", is_flag=True, help="Do not judge each college's annual report after its crawl.")
@click.pass_context
def province_check(ctx: click.Context, province_path: Path, fmt: str, workers: int | None, no_annual: bool) -> None:
    """Crawl and judge every college of the province file, many hosts at once, each as politely as its own
    config says; one college down or slow never holds up or changes the others. A line per college is
    printed on stderr as it finishes. Each college also gets its HTML report and, unless --no-annual, its
    annual report judged (as `monitor annual check`).

    \b
    Exit codes:
      0  every college ok
      1  some college has findings, or could not be checked
      2  the province file is wrong
      3  no college could be reached

    \b
    Examples:
      monitor province check
      monitor province check --province anhui.toml --format json > anhui.json
    """
    from monitor.province import load_province
    from monitor.provincerun import check_province

    prov = load_province(province_path)
    now = _now_in(None, prov.timezone)
    show = not ctx.obj["quiet"] and (fmt == "table" or sys.stderr.isatty())
    if show:
        processes = min(workers or prov.workers, len(prov.colleges))
        click.echo(f"{prov.name}：检查 {len(prov.colleges)} 所高校（{processes} 个进程）…", err=True)
    outcome = check_province(prov, now, _province_progress(len(prov.colleges), show), workers, not no_annual)
    if fmt == "json":
        click.echo(json.dumps(outcome.document(), ensure_ascii=False, indent=2))
    else:
        _print_province(outcome)
    ctx.exit(outcome.exit_code)


def _print_province(outcome) -> None:
    from rich.table import Table

    table = Table(title=f"{outcome.province} · {len(outcome.colleges)} 所高校")
    for head in ("高校", "层次", "结果", "已公开", "待整改", "报告"):
        table.add_column(head)
    for c in outcome.colleges:
        words = _COLLEGE_RESULT.get(c.exit_code, "出错")
        if c.check:
            s = c.check["summary"]
            shown = f"{s['ok']}/{s['items'] - s['not_applicable']}" if c.exit_code != 3 else "—"
            report = (
                os.path.relpath(c.report) if c.report and not os.path.relpath(c.report).startswith("..") else c.report
            )
            table.add_row(c.name, c.level, words, shown, str(len(c.check["findings"])), report or "")
        else:
            table.add_row(c.name, c.level, words, "—", "—", c.error)
    Console(highlight=False).print(table)


@province.command("report", context_settings=CONTEXT)
@province_option
@click.option("--today", type=DAY, help="Judge as of this date (nothing is crawled or recorded).")
@format_option("table", "json")
@click.pass_context
def province_report(ctx: click.Context, province_path: Path, today: dt.date | None, fmt: str) -> None:
    """Write the province report from every college's last check: a heatmap of colleges x the 50 items
    (sortable by college, category or problem count), per college the ok rate, blank and stale columns,
    overdue items, broken links, personal data found and the annual report's verdict, a ranking, and links
    to each college's own report; the same figures as CSV and JSON (reports/province-DATE.*).

    \b
    Examples:
      monitor province report
      monitor province report --format json | jq '.colleges[] | {name, rank, ok_rate}'
    """
    from monitor.province import load_province
    from monitor.provincerun import province_report as write

    prov = load_province(province_path)
    paths, doc = write(prov, _now_in(today, prov.timezone))
    if fmt == "json":
        click.echo(json.dumps(doc, ensure_ascii=False, indent=2))
        return
    for row in doc["colleges"]:
        rate = f"{row['ok_rate'] * 100:.1f}%" if row["ok_rate"] is not None else "—"
        problems = "—" if row["problems"] is None else row["problems"]
        click.echo(f"{row['rank'] or '—':>4}  {row['name']}  已公开率 {rate}  待整改 {problems}")
    click.echo("报告 / report: " + ", ".join(str(p) for p in paths))


@province.command("digest", context_settings=CONTEXT)
@province_option
@click.option("--week", metavar="YYYY-Www", help="ISO week, e.g. 2026-W48 (default: the week just ended).")
@click.option("--dry-run", is_flag=True, help="Write the digests, send nothing.")
@click.option("--force", is_flag=True, help="Send again what was already sent this week.")
@click.option("--today", type=DAY, help="Compute as of this date (open days).")
@format_option("table", "json")
@click.pass_context
def province_digest(
    ctx: click.Context, province_path: Path, week: str | None, dry_run: bool, force: bool, today, fmt: str
) -> None:
    """The supervisor's weekly summary (what changed across the province, colleges with new problems, the
    longest-open problems, every college's counts) written to reports/province-digest-WEEK.html/.txt and
    mailed to the province's [email] to; and each college's own digest mailed to its office (its `email`
    in [[colleges]]). Exit 1 when some delivery is pending (it is retried by the next run).

    \b
    Examples:
      monitor province digest --dry-run
      monitor province digest --week 2026-W47 --format json
    """
    from monitor.digest import parse_week
    from monitor.province import load_province
    from monitor.provincerun import province_digest as run

    prov = load_province(province_path)
    doc = run(prov, _now_in(today, prov.timezone), parse_week(week) if week else None, dry_run, force)
    if fmt == "json":
        click.echo(json.dumps(doc, ensure_ascii=False, indent=2))
    else:
        t = doc["totals"]
        click.echo(
            f"{doc['week']} {doc['province']}：{t['checked']}/{t['colleges']} 所高校有检查记录，待整改 {t['open']}，"
            f"本周新发现 {t['new']}，本周已整改 {t['resolved']}"
        )
        click.echo(f"  省级周报 / supervisor: {doc['supervisor']['status']} {doc['supervisor']['error']}".rstrip())
        for r in doc["retried"]:
            click.echo(f"  补发 {r['week']} 省级周报 / retried: {r['status']} {r['error']}".rstrip())
        for o in doc["offices"]:
            click.echo(f"  {o['name']} -> {o['to']}: {o['status']}")
        click.echo("已写入 / written: " + ", ".join(doc["files"]))
    pending = doc["supervisor"]["status"] == "pending" or any("pending" in o["status"] for o in doc["offices"])
    pending = pending or any(r["status"] == "pending" for r in doc["retried"])
    ctx.exit(1 if pending else 0)


@province.command("run", context_settings=CONTEXT)
@province_option
@click.option("--log-file", type=click.Path(dir_okay=False, path_type=Path), help="Also append the log to this file.")
@click.pass_context
def province_run(ctx: click.Context, province_path: Path, log_file: Path | None) -> None:
    """Run province mode as a service: every college checked and the province report written on the province
    file's [schedule] crawl, the digests sent on [schedule] digest, until SIGTERM/SIGINT (a running check stops
    within a request timeout; the process exits 0). One line per job on stderr (and --log-file).

    \b
    Examples:
      monitor province run --province /srv/xxgk/province.toml --log-file /var/log/xxgk-province.log
    """
    from monitor.province import load_province
    from monitor.provincerun import ProvinceService

    service = ProvinceService(load_province(province_path))
    _service_logging(ctx, log_file)
    ctx.exit(service.run())


def main() -> None:
    cli(prog_name="monitor")
