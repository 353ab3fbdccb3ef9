"""Load and validate ``config.toml`` into frozen dataclasses, strictly, before any work.

Every problem becomes one :class:`ConfigError` line ``file: key.path: what is expected``. Unknown keys
are errors. This is the only module that reads the environment, and only for the named SMTP secret.
"""

from __future__ import annotations

import math
import os
import re
import tomllib
import zoneinfo
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from monitor.checklist import LEVELS
from monitor.errors import ConfigError
from monitor.sanitize import CONTROL_RE

MAX_STRING = 500  # characters in any config string (a school's name, a department, a cron line…)
MAX_URL = 2048  # characters in a URL
MAX_LIST = 200  # entries in a list of strings (e-mail addresses, hosts…)
MAX_COLUMNS = 1000  # [[columns]] tables in one config

DEFAULT_CONFIG = "config.toml"
_EMAIL_RE = re.compile(r"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$")
_HOST_RE = re.compile(r"^[A-Za-z0-9.-]+(:\d+)?$")


@dataclass(frozen=True)
class SiteConfig:
    name: str
    base_url: str
    level: str = "本科"
    contact: str = ""
    extra_hosts: tuple[str, ...] = ()


@dataclass(frozen=True)
class CrawlConfig:
    concurrency: int = 4
    delay: float = 0.5
    timeout: float = 20.0
    max_pages: int = 5000
    max_pages_per_column: int = 200
    retries: int = 2
    retry_after_max: float = 60.0
    max_body_bytes: int = 10 * 1024 * 1024
    robots: bool = True
    check_links: bool = True
    recheck_days: int = 7
    user_agent: str = ""
    max_request_seconds: float = 60.0  # a whole request (connect + body), however slowly the bytes come
    max_run_seconds: float = 3600.0  # a whole run; what is left is reported as not crawled (unknown)
    verify_tls: bool = True  # many college servers send incomplete certificate chains: false accepts them


@dataclass(frozen=True)
class ColumnConfig:
    name: str
    url: str
    items: tuple[int, ...]
    department: str = ""
    max_age_days: int | None = None


@dataclass(frozen=True)
class DepartmentConfig:
    name: str
    emails: tuple[str, ...] = ()
    always: bool = False


@dataclass(frozen=True)
class EmailConfig:
    host: str
    port: int
    sender: str
    to: tuple[str, ...]
    security: str = "ssl"
    username: str = ""
    password_env: str = "MONITOR_SMTP_PASSWORD"
    timeout: float = 30.0
    password: str | None = field(default=None, repr=False, compare=False)


@dataclass(frozen=True)
class ScheduleConfig:
    timezone: str = "Asia/Shanghai"
    crawl: str = "0 6 * * *"
    digest: str = "0 8 * * mon"
    crawl_interval_seconds: int | None = None  # when set, replaces the crawl cron (tests, special setups)
    digest_interval_seconds: int | None = None


@dataclass(frozen=True)
class ChecklistConfig:
    applicable: tuple[int, ...] = ()
    not_applicable: tuple[int, ...] = ()
    max_age_days: dict[int, int] = field(default_factory=dict)
    departments: dict[int, str] = field(default_factory=dict)
    infer: bool = True  # entries whose titles match an item count as its evidence (config always wins)


@dataclass(frozen=True)
class PrivacyConfig:
    enabled: bool = True
    scan_attachments: bool = True  # PDF, DOCX, XLSX, XLS attachments are downloaded (within max_body_mb) and read
    publicity_days: int = 30  # 公示期: a 公示/名单 page still exposing data after this is high severity


@dataclass(frozen=True)
class Config:
    path: Path
    site: SiteConfig
    crawl: CrawlConfig
    storage_path: Path
    reports_dir: Path
    columns: tuple[ColumnConfig, ...]
    departments: dict[str, DepartmentConfig]
    email: EmailConfig | None
    schedule: ScheduleConfig
    checklist: ChecklistConfig
    privacy: PrivacyConfig = PrivacyConfig()

    @property
    def hosts(self) -> frozenset[str]:
        """Hosts the crawler may fetch from: the site's, every column's, and the extra ones."""
        hosts = {urlsplit(self.site.base_url).netloc.lower()}
        hosts.update(urlsplit(c.url).netloc.lower() for c in self.columns)
        hosts.update(h.lower() for h in self.site.extra_hosts)
        # example.edu.cn and www.example.edu.cn are one site: sites redirect from one to the other
        twins = {
            h[4:] if h.startswith("www.") else "www." + h
            for h in hosts
            if not h.split(":")[0].replace(".", "").isdigit()
        }
        return frozenset(hosts | twins)

    def applicable(self, item) -> bool:
        if item.id in self.checklist.not_applicable:
            return False
        if item.id in self.checklist.applicable:
            return True
        return item.applies_to(self.site.level)

    def item_department(self, item_id: int) -> str:
        """The department responsible for an item: explicit mapping, else its first column's."""
        if item_id in self.checklist.departments:
            return self.checklist.departments[item_id]
        for column in self.columns:
            if item_id in column.items and column.department:
                return column.department
        return ""


class _Table:
    """Reads one TOML table, remembering which keys were used so that the rest can be rejected."""

    def __init__(self, file: str, path: str, data: Any):
        self.file, self.path = file, path
        if not isinstance(data, dict):
            self.fail("", f"expected a table, got {_show(data)}")
        self.data: dict = data
        self.used: set[str] = set()

    def key(self, name: str) -> str:
        return f"{self.path}.{name}" if self.path else name

    def fail(self, name: str, message: str):
        key = self.key(name) if name else self.path
        raise ConfigError(f"{self.file}: {key}: {message}")

    def get(self, name: str, kind: type | tuple, default: Any = ..., what: str = ""):
        self.used.add(name)
        if name not in self.data:
            if default is ...:
                self.fail(name, f"is required ({what or _kind_name(kind)})")
            return default
        value = self.data[name]
        ok = isinstance(value, kind) and not (isinstance(value, bool) and bool not in _kinds(kind))
        if not ok:
            self.fail(name, f"expected {what or _kind_name(kind)}, got {_show(value)}")
        return value

    def string(self, name: str, default: Any = ..., nonempty: bool = True, longest: int = MAX_STRING) -> str:
        value = self.get(name, str, default, "a string")
        if nonempty and isinstance(value, str) and not value.strip() and (default is ... or default):
            self.fail(name, "must not be empty")
        if isinstance(value, str) and len(value) > longest:
            self.fail(name, f"is {len(value)} characters long; at most {longest} are allowed")
        if isinstance(value, str) and CONTROL_RE.search(value):
            self.fail(name, "contains a control character")
        return value

    def number(self, name: str, default: Any, minimum: float, maximum: float | None = None) -> float:
        value = self.get(name, (int, float), default, "a number")
        if value is not None and not math.isfinite(value):
            self.fail(name, f"expected a finite number, got {_show(value)}")
        if value is not None and (value < minimum or (maximum is not None and value > maximum)):
            bound = f">= {minimum}" if maximum is None else f"between {minimum} and {maximum}"
            self.fail(name, f"expected a number {bound}, got {_show(value)}")
        return value

    def integer(self, name: str, default: Any, minimum: int, maximum: int | None = None) -> int:
        value = self.get(name, int, default, "a whole number")
        if value is not None and (value < minimum or (maximum is not None and value > maximum)):
            bound = f">= {minimum}" if maximum is None else f"between {minimum} and {maximum}"
            self.fail(name, f"expected a whole number {bound}, got {_show(value)}")
        return value

    def boolean(self, name: str, default: bool) -> bool:
        return self.get(name, bool, default, "true or false")

    def strings(self, name: str, default: Any = ()) -> tuple[str, ...]:
        value = self.get(name, list, default, "a list of strings")
        if len(value) > MAX_LIST:
            self.fail(name, f"has {len(value)} entries; at most {MAX_LIST} are allowed")
        for i, v in enumerate(value):
            if not isinstance(v, str):
                self.fail(f"{name}[{i}]", f"expected a string, got {_show(v)}")
            if len(v) > MAX_STRING or CONTROL_RE.search(v):
                self.fail(f"{name}[{i}]", f"expected a string of at most {MAX_STRING} printable characters")
        return tuple(value)

    def item_ids(self, name: str, default: Any = ()) -> tuple[int, ...]:
        value = self.get(name, list, default, "a list of checklist item numbers (1-50)")
        for i, v in enumerate(value):
            if not isinstance(v, int) or isinstance(v, bool) or not 1 <= v <= 50:
                self.fail(f"{name}[{i}]", f"expected a checklist item number 1-50, got {_show(v)}")
        return tuple(value)

    def url(self, name: str) -> str:
        value = self.string(name, longest=MAX_URL)
        try:
            parts = urlsplit(value)
            port = parts.port  # raises for a port outside 0-65535 or not a number
        except ValueError as exc:
            self.fail(name, f"{_show(value)} is not a valid URL ({exc})")
        if parts.scheme not in ("http", "https") or not parts.hostname or any(c.isspace() for c in value):
            self.fail(name, f"{_show(value)} is not an http(s) URL")
        if port == 0:
            self.fail(name, f"{_show(value)} has port 0")
        return value

    def sub(self, name: str, required: bool = False) -> _Table | None:
        self.used.add(name)
        if name not in self.data:
            if required:
                self.fail(name, "is required (a table)")
            return None
        return _Table(self.file, self.key(name), self.data[name])

    def done(self, hint: dict[str, str] | None = None) -> None:
        for name in self.data:
            if name not in self.used:
                extra = (hint or {}).get(name)
                if extra:
                    self.fail(name, extra)
                allowed = ", ".join(sorted(self.used))
                self.fail(name, f"unknown key (expected one of: {allowed})")


def _kinds(kind) -> tuple:
    return kind if isinstance(kind, tuple) else (kind,)


def _kind_name(kind) -> str:
    names = {
        str: "a string",
        int: "a whole number",
        float: "a number",
        bool: "true or false",
        list: "a list",
        dict: "a table",
    }
    return " or ".join(names.get(k, k.__name__) for k in _kinds(kind))


def _show(value: Any) -> str:
    if isinstance(value, str):
        shown = value if len(value) <= 80 else value[:77] + "..."
        shown = CONTROL_RE.sub("?", shown).replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
        return '"' + shown.replace('"', '\\"') + '"'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    return repr(value)


def _read(path: Path) -> dict:
    shown = str(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ConfigError(f"{shown}: file not found (pass --config PATH, or create one with 'monitor init')") from None
    except OSError as exc:
        raise ConfigError(f"{shown}: cannot be read: {exc.strerror}") from None
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]  # a UTF-8 BOM, as Windows editors write it, is harmless
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError(
            f"{shown}: not UTF-8 (byte {exc.start}); save the file as UTF-8 (GBK is not accepted)"
        ) from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{shown}: not valid TOML: {exc}") from None


def load_config(path: str | os.PathLike = DEFAULT_CONFIG, environ: dict | None = None) -> Config:
    """Read, validate and resolve a config file. Raises :class:`ConfigError` with one line."""
    path = Path(path)
    environ = os.environ if environ is None else environ
    root = _Table(str(path), "", _read(path))
    base = path.resolve().parent
    site = _site(root.sub("site", required=True))
    crawl = _crawl(root.sub("crawl"))
    storage_t, reports_t = root.sub("storage"), root.sub("reports")
    storage_path = base / (storage_t.string("path", "data/monitor.db") if storage_t else "data/monitor.db")
    reports_dir = base / (reports_t.string("dir", "reports") if reports_t else "reports")
    for table in (storage_t, reports_t):
        if table:
            table.done()
    departments = _departments(root.sub("departments"))
    columns = _columns(root, departments)
    email = _email(root.sub("email"), environ)
    schedule = _schedule(root.sub("schedule"))
    checklist = _checklist(root.sub("checklist"), departments)
    privacy = _privacy(root.sub("privacy"))
    root.done()
    return Config(
        path=path,
        site=site,
        crawl=crawl,
        storage_path=storage_path,
        reports_dir=reports_dir,
        columns=columns,
        departments=departments,
        email=email,
        schedule=schedule,
        checklist=checklist,
        privacy=privacy,
    )


def _site(site_t: _Table) -> SiteConfig:
    level = site_t.string("level", "本科")
    if level not in LEVELS:
        site_t.fail("level", f'expected "本科" or "高职", got {_show(level)}')
    contact = site_t.string("contact", "")
    extra_hosts = site_t.strings("extra_hosts", ())
    for i, host in enumerate(extra_hosts):
        if not _HOST_RE.match(host):
            site_t.fail(f"extra_hosts[{i}]", f"expected a host name such as zsb.example.edu.cn, got {_show(host)}")
    site = SiteConfig(
        name=site_t.string("name"),
        base_url=site_t.url("base_url"),
        level=level,
        contact=contact,
        extra_hosts=extra_hosts,
    )
    site_t.done()
    return site


def _crawl(crawl_t: _Table | None) -> CrawlConfig:
    d = CrawlConfig()
    if not crawl_t:
        return d
    crawl = CrawlConfig(
        concurrency=crawl_t.integer("concurrency", d.concurrency, 1, 64),
        delay=float(crawl_t.number("delay", d.delay, 0, 60)),
        timeout=float(crawl_t.number("timeout", d.timeout, 0.1, 600)),
        max_pages=crawl_t.integer("max_pages", d.max_pages, 1),
        max_pages_per_column=crawl_t.integer("max_pages_per_column", d.max_pages_per_column, 1),
        retries=crawl_t.integer("retries", d.retries, 0, 10),
        retry_after_max=float(crawl_t.number("retry_after_max", d.retry_after_max, 0, 3600)),
        max_body_bytes=int(crawl_t.number("max_body_mb", d.max_body_bytes / 1048576, 0.01, 1024) * 1048576),
        robots=crawl_t.boolean("robots", d.robots),
        check_links=crawl_t.boolean("check_links", d.check_links),
        recheck_days=crawl_t.integer("recheck_days", d.recheck_days, 0, 365),
        user_agent=crawl_t.string("user_agent", ""),
        max_request_seconds=float(crawl_t.number("max_request_seconds", d.max_request_seconds, 0.1, 3600)),
        max_run_seconds=float(crawl_t.number("max_run_seconds", d.max_run_seconds, 1, 7 * 86400)),
        verify_tls=crawl_t.boolean("verify_tls", True),
    )
    crawl_t.done()
    return crawl


def _departments(deps_t: _Table | None) -> dict[str, DepartmentConfig]:
    departments: dict[str, DepartmentConfig] = {}
    if not deps_t:
        return departments
    if len(deps_t.data) > MAX_LIST:
        deps_t.fail("", f"has {len(deps_t.data)} departments; at most {MAX_LIST} are allowed")
    for name in deps_t.data:
        if len(name) > MAX_STRING or CONTROL_RE.search(name):
            deps_t.fail("", f"a department name must be at most {MAX_STRING} printable characters")
        dep_t = deps_t.sub(name)
        emails = dep_t.strings("emails", ())
        for i, addr in enumerate(emails):
            if not _EMAIL_RE.match(addr):
                dep_t.fail(f"emails[{i}]", f"expected an email address, got {_show(addr)}")
        departments[name] = DepartmentConfig(name, emails, dep_t.boolean("always", False))
        dep_t.done()
    return departments


def _columns(root: _Table, departments: dict[str, DepartmentConfig]) -> tuple[ColumnConfig, ...]:
    columns: list[ColumnConfig] = []
    raw_columns = root.get("columns", list, [], "an array of tables ([[columns]])")
    if len(raw_columns) > MAX_COLUMNS:
        root.fail("columns", f"has {len(raw_columns)} columns; at most {MAX_COLUMNS} are allowed")
    seen_urls: dict[str, int] = {}
    for index, raw in enumerate(raw_columns):
        col_t = _Table(root.file, f"columns[{index}]", raw)
        name = col_t.string("name")
        url = col_t.url("url")
        items = col_t.item_ids("items", ...)
        if not items:
            col_t.fail("items", "expected at least one checklist item number (1-50)")
        department = col_t.string("department", "")
        if department and department not in departments:
            col_t.fail("department", f'{_show(department)} is not declared; add [departments."{department}"]')
        max_age = col_t.integer("max_age_days", None, 1)
        key = _url_key(url)
        if key in seen_urls:
            col_t.fail("url", f"{_show(url)} is already columns[{seen_urls[key]}].url")
        seen_urls[key] = index
        columns.append(ColumnConfig(name, url, items, department, max_age))
        col_t.done()
    return tuple(columns)


def _email(email_t: _Table | None, environ) -> EmailConfig | None:
    if not email_t:
        return None
    security = email_t.string("security", "ssl")
    if security not in ("ssl", "starttls", "none"):
        email_t.fail("security", f'expected "ssl", "starttls" or "none", got {_show(security)}')
    to = email_t.strings("to", ...)
    for i, addr in enumerate(to):
        if not _EMAIL_RE.match(addr):
            email_t.fail(f"to[{i}]", f"expected an email address, got {_show(addr)}")
    sender = email_t.string("sender")
    if not _EMAIL_RE.match(sender.rsplit("<", 1)[-1].rstrip(">").strip()):
        email_t.fail("sender", f'expected an address such as "办公室 <xxgk@example.edu.cn>", got {_show(sender)}')
    password_env = email_t.string("password_env", "MONITOR_SMTP_PASSWORD")
    if not re.match(r"^[A-Za-z_][A-Za-z0-9_]*$", password_env):
        email_t.fail("password_env", f"expected an environment variable name, got {_show(password_env)}")
    username = email_t.string("username", "")
    email = EmailConfig(
        host=email_t.string("host"),
        port=email_t.integer("port", {"ssl": 465, "starttls": 587, "none": 25}[security], 1, 65535),
        sender=sender,
        to=to,
        security=security,
        username=username,
        password_env=password_env,
        timeout=float(email_t.number("timeout", 30.0, 0.1, 600)),
        password=environ.get(password_env) if username else None,
    )
    secret = (
        "secrets are never read from the config file: put it in the environment variable named by email.password_env"
    )
    email_t.done({"password": secret, "pass": secret, "passwd": secret})
    return email


def _schedule(sched_t: _Table | None) -> ScheduleConfig:
    d = ScheduleConfig()
    if not sched_t:
        return d
    tz = sched_t.string("timezone", d.timezone)
    try:
        zoneinfo.ZoneInfo(tz)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        sched_t.fail("timezone", f'expected an IANA time zone such as "Asia/Shanghai", got {_show(tz)}')
    crawl_cron = sched_t.string("crawl", d.crawl)
    digest_cron = sched_t.string("digest", d.digest)
    for key, expr in (("crawl", crawl_cron), ("digest", digest_cron)):
        problem = cron_problem(expr, tz)
        if problem:
            sched_t.fail(key, f"{_show(expr)} is not a cron expression (minute hour day month weekday): {problem}")
    schedule = ScheduleConfig(
        tz,
        crawl_cron,
        digest_cron,
        sched_t.integer("crawl_interval_seconds", None, 1),
        sched_t.integer("digest_interval_seconds", None, 1),
    )
    sched_t.done()
    return schedule


def _checklist(cl_t: _Table | None, departments: dict[str, DepartmentConfig]) -> ChecklistConfig:
    if not cl_t:
        return ChecklistConfig()
    applicable = cl_t.item_ids("applicable", ())
    not_applicable = cl_t.item_ids("not_applicable", ())
    both = sorted(set(applicable) & set(not_applicable))
    if both:
        cl_t.fail("applicable", f"item {both[0]} is also in checklist.not_applicable")
    max_ages: dict[int, int] = {}
    ages_t = cl_t.sub("max_age_days")
    if ages_t:
        for key in ages_t.data:
            max_ages[_item_key(ages_t, key)] = ages_t.integer(key, ..., 1)
        ages_t.done()
    item_deps: dict[int, str] = {}
    deps_map_t = cl_t.sub("departments")
    if deps_map_t:
        for key in deps_map_t.data:
            item_id = _item_key(deps_map_t, key)
            dep = deps_map_t.string(key)
            if dep not in departments:
                deps_map_t.fail(key, f'{_show(dep)} is not declared; add [departments."{dep}"]')
            item_deps[item_id] = dep
        deps_map_t.done()
    checklist = ChecklistConfig(applicable, not_applicable, max_ages, item_deps, cl_t.boolean("infer", True))
    cl_t.done()
    return checklist


def _privacy(privacy_t: _Table | None) -> PrivacyConfig:
    if not privacy_t:
        return PrivacyConfig()
    privacy = PrivacyConfig(
        enabled=privacy_t.boolean("enabled", True),
        scan_attachments=privacy_t.boolean("scan_attachments", True),
        publicity_days=privacy_t.integer("publicity_days", 30, 1, 3650),
    )
    privacy_t.done()
    return privacy


def _item_key(table: _Table, key: str) -> int:
    if not key.isdigit() or not 1 <= int(key) <= 50:
        table.fail(key, "expected a checklist item number 1-50 as the key")
    return int(key)


def _url_key(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc.lower()}{parts.path or '/'}?{parts.query}"


def cron_problem(expr: str, timezone: str) -> str | None:
    """Why a crontab expression is not valid for APScheduler, or None when it is."""
    from apscheduler.triggers.cron import CronTrigger

    try:
        CronTrigger.from_crontab(expr, timezone=timezone)
    except ValueError as exc:
        return str(exc)
    return None
