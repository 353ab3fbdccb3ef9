"""The shape of ``config.toml``, as a pydantic v2 schema: types, ranges, NaN/inf, URL syntax, ports, lengths.

Why pydantic rather than msgspec: its errors carry the full location and the offending input, and validators
can raise errors with our own wording, so every problem still reads as one line ``file: key.path: what is
expected`` (:func:`first_problem`). Cross-references (a column's department is declared, no URL twice) are
checked where the frozen :class:`monitor.config.Config` is built.
"""

from __future__ import annotations

import re
import zoneinfo
from typing import Annotated, Any, get_args, get_origin
from urllib.parse import urlsplit

from annotated_types import Ge, Le
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError
from pydantic_core import PydanticCustomError

from monitor.sanitize import CONTROL_RE

MAX_STRING = 500  # characters in any config string (a school's name, a department, a cron line…)
MAX_URL = 2048  # characters in a URL
MAX_LIST = 200  # entries in a list of strings (e-mail addresses, hosts…), departments
MAX_COLUMNS = 1000  # [[columns]] tables in one config
EMAIL_RE = re.compile(r"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$")
_HOST_RE = re.compile(r"^[A-Za-z0-9.-]+(:\d+)?$")
SECRET_KEYS = ("password", "pass", "passwd")


def show(value: Any) -> str:
    """A value as the config would write it, cut to 80 characters, control characters shown as ``?``."""
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


def _problem(kind: str, message: str, **ctx) -> PydanticCustomError:
    return PydanticCustomError(kind, message.replace("{", "{{").replace("}", "}}"), ctx)


def _text(value: str, longest: int = MAX_STRING) -> str:
    if len(value) > longest:
        raise _problem("too_long", f"is {len(value)} characters long; at most {longest} are allowed")
    if CONTROL_RE.search(value):
        raise _problem("control", "contains a control character")
    return value


def _nonempty(value: str) -> str:
    if not value.strip():
        raise _problem("empty", "must not be empty")
    return value


def _url(value: str) -> str:
    _text(value, MAX_URL)
    try:
        parts = urlsplit(value)
        port = parts.port  # raises for a port outside 0-65535 or not a number
    except ValueError as exc:
        raise _problem("url", f"{show(value)} is not a valid URL ({exc})") from None
    if parts.scheme not in ("http", "https") or not parts.hostname or any(c.isspace() for c in value):
        raise _problem("url", f"{show(value)} is not an http(s) URL")
    if port == 0:
        raise _problem("url", f"{show(value)} has port 0")
    return value


def _one_of(*choices: str):
    wording = ", ".join(f'"{c}"' for c in choices[:-1]) + f' or "{choices[-1]}"'

    def check(value: str) -> str:
        if value not in choices:
            raise _problem("choice", f"expected {wording}, got {show(value)}")
        return value

    return AfterValidator(check)


def _matching(pattern: re.Pattern, what: str):
    def check(value: str) -> str:
        if not pattern.match(value):
            raise _problem("format", f"expected {what}, got {show(value)}")
        return value

    return AfterValidator(check)


def _item(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 50:
        raise _problem("item", f"expected a checklist item number 1-50, got {show(value)}")
    return value


def _sender(value: str) -> str:
    if not EMAIL_RE.match(value.rsplit("<", 1)[-1].rstrip(">").strip()):
        raise _problem("sender", f'expected an address such as "办公室 <xxgk@example.edu.cn>", got {show(value)}')
    return value


def _timezone(value: str) -> str:
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise _problem("timezone", f'expected an IANA time zone such as "Asia/Shanghai", got {show(value)}') from None
    return value


Text = Annotated[str, AfterValidator(_text)]
Name = Annotated[str, AfterValidator(_text), AfterValidator(_nonempty)]
Url = Annotated[str, AfterValidator(_url)]
Email = Annotated[str, AfterValidator(_text), _matching(EMAIL_RE, "an email address")]
Host = Annotated[str, AfterValidator(_text), _matching(_HOST_RE, "a host name such as zsb.example.edu.cn")]
ItemId = Annotated[Any, AfterValidator(_item)]
Items = Annotated[list[ItemId], Field(max_length=50)]


def _number(low: float, high: float | None = None):
    return Annotated[float, Field(ge=low, le=high, allow_inf_nan=False)]


MAX_AGE_DAYS = 3650  # ten years: beyond it, leave max_age_days out (the item's cadence)
MAX_INTERVAL = 366 * 86400  # a year (APScheduler overflows on intervals past a C int of seconds)


def _whole(low: int, high: int | None = None):
    return Annotated[int, Field(ge=low, le=high)]


class _Table(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class SiteIn(_Table):
    name: Name
    base_url: Url
    level: Annotated[str, _one_of("本科", "高职")] = "本科"
    contact: Text = ""
    extra_hosts: Annotated[list[Host], Field(max_length=MAX_LIST)] = []


class CrawlIn(_Table):
    concurrency: _whole(1, 64) = 4
    delay: _number(0, 60) = 0.5
    timeout: _number(0.1, 600) = 20.0
    max_pages: _whole(1, 1_000_000) = 5000
    max_pages_per_column: _whole(1, 100_000) = 200
    retries: _whole(0, 10) = 2
    retry_after_max: _number(0, 3600) = 60.0
    max_body_mb: _number(0.01, 1024) = 10.0
    robots: bool = True
    check_links: bool = True
    recheck_days: _whole(0, 365) = 7
    user_agent: Text = ""
    max_request_seconds: _number(0.1, 3600) = 60.0
    max_run_seconds: _number(1, 7 * 86400) = 3600.0
    verify_tls: bool = True


class StorageIn(_Table):
    path: Name = "data/monitor.db"


class ReportsIn(_Table):
    dir: Name = "reports"
    public_url: Url | None = None  # where the reports folder is published: chat messages link to the full digest


def _channel(value: str) -> str:
    _text(value, MAX_URL)
    if "://" not in value:
        raise _problem(
            "channel", f"expected an apprise URL such as wecombot://KEY or json://host/path, got {show(value)}"
        )
    return value


Channel = Annotated[str, AfterValidator(_channel)]
EnvName = Annotated[str, _matching(re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$"), "an environment variable name")]
Channels = Annotated[list[Channel], Field(max_length=MAX_LIST)]
EnvNames = Annotated[list[EnvName], Field(max_length=MAX_LIST)]


class DepartmentIn(_Table):
    emails: Annotated[list[Email], Field(max_length=MAX_LIST)] = []
    always: bool = False
    notify: Channels = []  # chat channels (apprise URLs) of this department
    notify_env: EnvNames = []  # environment variables each holding one such URL (a robot's key is a secret)


URGENT_KINDS = ("privacy", "unreachable", "overdue", "deadline")


def _quiet(value: str) -> str:
    if not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d", value):
        raise _problem("quiet", f'expected hours such as "22:00-07:00", got {show(value)}')
    return value


class NotifyIn(_Table):
    urls: Channels = []
    urls_env: EnvNames = []
    urgent: Annotated[list[Annotated[str, _one_of(*URGENT_KINDS)]], Field(max_length=4)] = list(URGENT_KINDS)
    unreachable_runs: Annotated[int, Field(ge=1, le=100)] = 2
    quiet_hours: Annotated[str, AfterValidator(_quiet)] | None = None


class ColumnIn(_Table):
    name: Name
    url: Url
    items: Annotated[Items, Field(min_length=1)]
    department: Text = ""
    max_age_days: _whole(1, MAX_AGE_DAYS) | None = None


class EmailIn(_Table):
    host: Name
    port: _whole(1, 65535) | None = None  # by default that of the security mode
    sender: Annotated[str, AfterValidator(_text), AfterValidator(_sender)]
    to: Annotated[list[Email], Field(max_length=MAX_LIST)]
    security: Annotated[str, _one_of("ssl", "starttls", "none")] = "ssl"
    username: Text = ""
    password_env: Annotated[str, _matching(re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$"), "an environment variable name")] = (
        "MONITOR_SMTP_PASSWORD"
    )
    timeout: _number(0.1, 600) = 30.0


class ScheduleIn(_Table):
    timezone: Annotated[str, AfterValidator(_text), AfterValidator(_timezone)] = "Asia/Shanghai"
    crawl: Text = "0 6 * * *"
    digest: Text = "0 8 * * mon"
    crawl_interval_seconds: _whole(1, MAX_INTERVAL) | None = None
    digest_interval_seconds: _whole(1, MAX_INTERVAL) | None = None


class ChecklistIn(_Table):
    applicable: Items = []
    not_applicable: Items = []
    max_age_days: dict[str, _whole(1, MAX_AGE_DAYS)] = {}
    departments: dict[str, Text] = {}
    infer: bool = True


class PrivacyIn(_Table):
    enabled: bool = True
    scan_attachments: bool = True
    publicity_days: _whole(1, 3650) = 30


class ConfigIn(_Table):
    site: SiteIn
    crawl: CrawlIn = CrawlIn()
    storage: StorageIn = StorageIn()
    reports: ReportsIn = ReportsIn()
    departments: Annotated[dict[str, DepartmentIn], Field(max_length=MAX_LIST)] = {}
    columns: Annotated[list[ColumnIn], Field(max_length=MAX_COLUMNS)] = []
    email: EmailIn | None = None
    schedule: ScheduleIn = ScheduleIn()
    checklist: ChecklistIn = ChecklistIn()
    privacy: PrivacyIn = PrivacyIn()
    notify: NotifyIn = NotifyIn()


MAX_COLLEGES = 5000  # [[colleges]] in one province file (China has about 3,000)


class ProvinceTableIn(_Table):
    name: Name
    workers: _whole(0, 64) = 0  # processes sharing the crawl; 0: one per CPU core
    parallel: _whole(1, 1000) = 64  # colleges crawled at the same time, over all processes
    discover_pages: _whole(1, 5000) = 300  # pages read by the first run's discovery of a college without config


class CollegeIn(_Table):
    name: Name
    url: Url
    level: Annotated[str, _one_of("本科", "高职")] = "本科"
    config: Name | None = None
    email: Email | None = None


class ProvinceStorageIn(_Table):
    path: Name = "colleges"


class ProvinceIn(_Table):
    province: ProvinceTableIn
    colleges: Annotated[list[CollegeIn], Field(min_length=1, max_length=MAX_COLLEGES)]
    crawl: CrawlIn = CrawlIn()
    storage: ProvinceStorageIn = ProvinceStorageIn()
    reports: ReportsIn = ReportsIn()
    email: EmailIn | None = None
    schedule: ScheduleIn = ScheduleIn()
    privacy: PrivacyIn = PrivacyIn()
    checklist: ChecklistIn = ChecklistIn()


# --- one line per problem -----------------------------------------------------------------------

_WHAT = {  # what a key holds, where its type alone does not say it well
    ("ColumnIn", "items"): "a list of checklist item numbers (1-50)",
    ("ChecklistIn", "applicable"): "a list of checklist item numbers (1-50)",
    ("ChecklistIn", "not_applicable"): "a list of checklist item numbers (1-50)",
    ("ConfigIn", "columns"): "an array of tables ([[columns]])",
    ("ProvinceIn", "colleges"): "an array of tables ([[colleges]]), at least one",
}
_TYPE_WHAT = {
    "string_type": "a string",
    "int_type": "a whole number",
    "float_type": "a number",
    "bool_type": "true or false",
    "dict_type": "a table",
    "model_type": "a table",
    "model_attributes_type": "a table",
}


def key_path(loc: tuple) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _field(loc: tuple, root: Any = None) -> tuple[type[BaseModel] | None, str, Any]:
    """The model that holds the last key of ``loc``, that key, and its field info."""
    model: Any = root or ConfigIn
    holder, name, info = None, "", None
    for part in loc:
        if isinstance(part, int) or model is None or not (isinstance(model, type) and issubclass(model, BaseModel)):
            model = _unwrap(model, part)
            continue
        info = model.model_fields.get(part)
        holder, name = model, part
        if info is None:
            return holder, name, None  # a dict key (a department's name, an item number)
        model = _unwrap(info.annotation, None)
    return holder, name, info


def _unwrap(annotation: Any, part: Any) -> Any:
    """The type a value of ``annotation`` holds inside (list element, dict value, optional model)."""
    while get_origin(annotation) is Annotated:
        annotation = get_args(annotation)[0]
    args = [a for a in get_args(annotation) if a is not type(None)]
    if get_origin(annotation) in (list, dict):
        return _unwrap(args[-1], None) if args else None
    if len(args) == 1:
        return _unwrap(args[0], None)
    return annotation


def _what(loc: tuple, error_type: str, root: Any = None) -> str:
    holder, name, info = _field(loc, root)
    if holder is not None and (holder.__name__, name) in _WHAT:
        return _WHAT[(holder.__name__, name)]
    if error_type == "list_type" or (error_type == "missing" and info is not None and "list" in str(info.annotation)):
        return "a list of strings"
    if error_type == "missing" and info is not None:
        text = str(info.annotation)
        for word, what in (
            ("In", "a table"),
            ("int", "a whole number"),
            ("float", "a number"),
            ("bool", "true or false"),
        ):
            if word in text:
                return what
        return "a string"
    return _TYPE_WHAT.get(error_type, "a value of another kind")


def _constraints(thing: Any):
    """Every Ge/Le inside a field: its own metadata, Annotated arguments, Optional members, nested FieldInfo."""
    for meta in getattr(thing, "metadata", None) or []:
        yield meta
        yield from _constraints(meta)
    for arg in get_args(thing):
        if isinstance(arg, Ge | Le):
            yield arg
        elif not isinstance(arg, str | int | float):
            yield from _constraints(arg)
    annotation = getattr(thing, "annotation", None)
    if annotation is not None:
        yield from _constraints(annotation)


def _bounds(loc: tuple, root: Any = None) -> tuple[Any, Any]:
    _holder, _name, info = _field(loc, root)
    low = high = None
    for meta in _constraints(info):
        low = meta.ge if isinstance(meta, Ge) and low is None else low
        high = meta.le if isinstance(meta, Le) and high is None else high
    return low, high


def _sentence(error: dict, root: Any = None) -> str:
    kind, loc, got = error["type"], error["loc"], error.get("input")
    if kind == "missing":
        return f"is required ({_what(loc, kind, root)})"
    if kind == "extra_forbidden":
        if loc[0] == "email" and loc[-1] in SECRET_KEYS:
            return "secrets are never read from the config file: put it in the environment variable named by email.password_env"
        holder, _name, _info = _field(loc[:-1], root) if len(loc) > 1 else (root or ConfigIn, "", None)
        holder = _unwrap(_info.annotation, None) if _info is not None else holder
        allowed = ", ".join(sorted(getattr(holder, "model_fields", {})))
        return f"unknown key (expected one of: {allowed})"
    if kind == "finite_number":
        return f"expected a finite number, got {show(got)}"
    if kind in ("greater_than_equal", "less_than_equal"):
        low, high = _bounds(loc, root)
        _holder, _name, info = _field(loc, root)
        number = "a number" if "float" in str(getattr(info, "annotation", "")) else "a whole number"
        bound = f">= {low}" if high is None else f"between {low} and {high}"
        return f"expected {number} {bound}, got {show(got)}"
    if kind == "too_long" and "max_length" in (error.get("ctx") or {}):
        what = "columns" if loc == ("columns",) else ("departments" if loc == ("departments",) else "entries")
        return f"has {error['ctx']['actual_length']} {what}; at most {error['ctx']['max_length']} are allowed"
    if kind == "too_short":
        return "expected at least one checklist item number (1-50)"
    if kind in _TYPE_WHAT or kind == "list_type" or kind.endswith("_type"):
        return f"expected {_what(loc, kind, root)}, got {show(got)}"
    return error["msg"]


def first_problem(file: str, exc: ValidationError, root: type[BaseModel] | None = None) -> str:
    """The first problem of a failed validation, as ``file: key.path: what is expected``."""
    error = exc.errors(include_url=False)[0]
    loc = tuple(error["loc"])
    if error["type"] == "model_type" and not loc:
        return f"{file}: expected a table of tables"
    return f"{file}: {key_path(loc)}: {_sentence(error, root)}"
