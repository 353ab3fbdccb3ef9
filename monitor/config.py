"""Load and validate ``config.toml`` into frozen dataclasses, strictly, before any work.

The file's shape is checked by a pydantic schema (:mod:`monitor.configschema`); references between tables
(declared departments, one column per URL, cron lines) here. Every problem becomes one :class:`ConfigError`
line ``file: key.path: what is expected``. Unknown keys are errors. This is the only module that reads the
environment, and only for the named SMTP secret.
"""

from __future__ import annotations

import datetime as dt
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from pydantic import ValidationError

from monitor.configschema import MAX_STRING, URGENT_KINDS, ConfigIn, first_problem, show
from monitor.errors import ConfigError
from monitor.sanitize import CONTROL_RE
from monitor.urls import college_domain, with_twins

DEFAULT_CONFIG = "config.toml"


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
    notify: tuple[str, ...] = field(default=(), repr=False)  # apprise URLs (may hold a robot's key)


@dataclass(frozen=True)
class NotifyConfig:
    urls: tuple[str, ...] = field(default=(), repr=False)  # the office's chat channels (apprise URLs)
    urgent: tuple[str, ...] = URGENT_KINDS
    unreachable_runs: int = 2  # an unreachable site or column is urgent after this many failed runs in a row
    quiet_hours: tuple[dt.time, dt.time] | None = None  # no urgent alert between these (they wait)


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
    # PDF, DOCX, XLSX, XLS, DOC, RTF, CSV and OFD attachments are downloaded (within max_body_mb) and read
    scan_attachments: bool = True
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
    notify: NotifyConfig = NotifyConfig()
    public_url: str | None = None  # where reports/ is published, for links in chat messages

    @property
    def hosts(self) -> frozenset[str]:
        """Hosts the crawler may fetch from: the site's, every column's, and the extra ones."""
        hosts = {urlsplit(self.site.base_url).netloc.lower()}
        hosts.update(urlsplit(c.url).netloc.lower() for c in self.columns)
        hosts.update(h.lower() for h in self.site.extra_hosts)
        return with_twins(hosts)

    @property
    def domains(self) -> frozenset[str]:
        """The college's own domain (``xx.edu.cn`` for ``https://xxgk.xx.edu.cn/``): the entries and files its
        columns link to on its other hosts (zsb.xx.edu.cn, www.xx.edu.cn) are checked too; empty for an IP."""
        domain = college_domain(urlsplit(self.site.base_url).netloc)
        return frozenset({domain} if domain else ())

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


def read_toml(path: Path) -> dict:
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


def with_defaults(defaults: dict, data: dict) -> dict:
    """``data`` over ``defaults``, table by table: a key the file sets wins, the others come from the defaults."""
    out = dict(defaults)
    for key, value in data.items():
        base = out.get(key)
        out[key] = {**base, **value} if isinstance(base, dict) and isinstance(value, dict) else value
    return out


def load_config(
    path: str | os.PathLike = DEFAULT_CONFIG, environ: dict | None = None, defaults: dict | None = None
) -> Config:
    """Read, validate and resolve a config file. Raises :class:`ConfigError` with one line.

    ``defaults`` (tables of a province file) fill in what the file does not set."""
    path = Path(path)
    environ = os.environ if environ is None else environ
    file = str(path)
    try:
        raw = ConfigIn.model_validate(with_defaults(defaults or {}, read_toml(path)))
    except ValidationError as exc:
        raise ConfigError(first_problem(file, exc)) from None
    departments = _departments(file, raw, environ)
    columns = _columns(file, raw, departments)
    base = path.resolve().parent
    return Config(
        path=path,
        site=_site(raw),
        crawl=crawl_from(raw),
        storage_path=base / raw.storage.path,
        reports_dir=base / raw.reports.dir,
        columns=columns,
        departments=departments,
        email=email_from(raw, environ),
        schedule=schedule_from(raw),
        checklist=_checklist(file, raw, departments),
        privacy=PrivacyConfig(**raw.privacy.model_dump()),
        notify=_notify(file, raw, environ),
        public_url=raw.reports.public_url,
    )


def _site(raw: ConfigIn) -> SiteConfig:
    s = raw.site
    return SiteConfig(s.name, s.base_url, s.level, s.contact, tuple(s.extra_hosts))


def crawl_from(raw) -> CrawlConfig:
    fields = raw.crawl.model_dump()
    fields["max_body_bytes"] = int(fields.pop("max_body_mb") * 1048576)
    return CrawlConfig(**fields)


def _departments(file: str, raw: ConfigIn, environ) -> dict[str, DepartmentConfig]:
    out = {}
    for name, dep in raw.departments.items():
        if not name.strip() or len(name) > MAX_STRING or CONTROL_RE.search(name):
            raise ConfigError(f"{file}: departments: a department name must be 1-{MAX_STRING} printable characters")
        urls = tuple(dep.notify) + _from_env(file, f"departments.{name}.notify_env", dep.notify_env, environ)
        out[name] = DepartmentConfig(name, tuple(dep.emails), dep.always, urls)
    return out


def _columns(file: str, raw: ConfigIn, departments: dict) -> tuple[ColumnConfig, ...]:
    columns, seen = [], {}
    for index, col in enumerate(raw.columns):
        where = f"{file}: columns[{index}]"
        if col.department and col.department not in departments:
            raise ConfigError(
                f'{where}.department: {show(col.department)} is not declared; add [departments."{col.department}"]'
            )
        key = _url_key(col.url)
        if key in seen:
            raise ConfigError(
                f"{where}.url: {show(col.url)} is already columns[{seen[key]}].url"
                " (several columns on one page: add each one's section after #, as in cwxx.htm#预算决算)"
            )
        seen[key] = index
        columns.append(ColumnConfig(col.name, col.url, tuple(col.items), col.department, col.max_age_days))
    return tuple(columns)


def _from_env(file: str, key: str, names, environ) -> tuple[str, ...]:
    """Channel URLs kept in environment variables (a robot's key is a secret, like the SMTP password)."""
    missing = [n for n in names if not environ.get(n)]
    if missing:
        raise ConfigError(f"{file}: {key}: the environment variable {missing[0]} is not set")
    return tuple(environ[n] for n in names)


def _notify(file: str, raw: ConfigIn, environ) -> NotifyConfig:
    n = raw.notify
    quiet = None
    if n.quiet_hours:
        start, end = n.quiet_hours.split("-")
        quiet = (dt.time.fromisoformat(start), dt.time.fromisoformat(end))
    urls = tuple(n.urls) + _from_env(file, "notify.urls_env", n.urls_env, environ)
    return NotifyConfig(urls, tuple(n.urgent), n.unreachable_runs, quiet)


def email_from(raw, environ) -> EmailConfig | None:
    e = raw.email
    if e is None:
        return None
    port = e.port or {"ssl": 465, "starttls": 587, "none": 25}[e.security]
    password = environ.get(e.password_env) if e.username else None
    return EmailConfig(e.host, port, e.sender, tuple(e.to), e.security, e.username, e.password_env, e.timeout, password)


def schedule_from(raw) -> ScheduleConfig:
    """The schedule as written; its cron lines are checked by the service layer (monitor.schedule.check)."""
    s = raw.schedule
    return ScheduleConfig(s.timezone, s.crawl, s.digest, s.crawl_interval_seconds, s.digest_interval_seconds)


def _checklist(file: str, raw: ConfigIn, departments: dict) -> ChecklistConfig:
    c = raw.checklist
    both = sorted(set(c.applicable) & set(c.not_applicable))
    if both:
        raise ConfigError(f"{file}: checklist.applicable: item {both[0]} is also in checklist.not_applicable")
    for table, keys in (("max_age_days", c.max_age_days), ("departments", c.departments)):
        for key in keys:
            if not key.isdigit() or not 1 <= int(key) <= 50:
                raise ConfigError(f"{file}: checklist.{table}.{key}: expected a checklist item number 1-50 as the key")
    for key, dep in c.departments.items():
        if dep not in departments:
            raise ConfigError(
                f'{file}: checklist.departments.{key}: {show(dep)} is not declared; add [departments."{dep}"]'
            )
    ages = {int(k): v for k, v in c.max_age_days.items()}
    deps = {int(k): v for k, v in c.departments.items()}
    return ChecklistConfig(tuple(c.applicable), tuple(c.not_applicable), ages, deps, c.infer)


def _url_key(url: str) -> str:
    """A column's identity: its page, and the section of it after # (two columns may share one page)."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc.lower()}{parts.path or '/'}?{parts.query}#{unquote(parts.fragment)}"
