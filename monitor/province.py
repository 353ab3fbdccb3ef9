"""Load ``province.toml``: the colleges of a province and the tables that apply to all of them.

Storage is one SQLite database per college (the province file is the index): a college's own
``monitor check`` keeps working on its own config and database, two processes never write the same
file, and one college's history can be handed over or removed on its own. A college listed without a
``config`` gets one written by discovery on its first run under ``<storage.path>/<slug>/config.toml``
(kept, reviewable, re-used); the province's crawl, schedule, privacy, checklist and e-mail tables fill
in whatever a college's own config does not set.
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from pydantic import ValidationError

from monitor.config import (
    Config,
    CrawlConfig,
    EmailConfig,
    ScheduleConfig,
    crawl_from,
    email_from,
    load_config,
    read_toml,
    schedule_from,
)
from monitor.configschema import ProvinceIn, first_problem, show
from monitor.errors import ConfigError

DEFAULT_PROVINCE = "province.toml"
SHARED_TABLES = ("crawl", "schedule", "privacy", "checklist")


@dataclass(frozen=True)
class College:
    name: str
    url: str
    level: str
    slug: str  # its folder under the province's storage path
    config: Path | None = None  # its own config.toml, when the province file names one
    email: str | None = None  # its disclosure office


@dataclass(frozen=True)
class Province:
    path: Path
    name: str
    colleges: tuple[College, ...]
    data_dir: Path
    reports_dir: Path
    workers: int
    parallel: int
    discover_pages: int
    crawl: CrawlConfig
    email: EmailConfig | None
    timezone: str
    schedule: ScheduleConfig  # when `monitor province run` crawls and sends the digest
    defaults: dict  # the shared tables as written (a college's own keys win over them)

    def college_dir(self, college: College) -> Path:
        return self.data_dir / college.slug

    def config_path(self, college: College) -> Path:
        """The college's own config, or the one its first run's discovery writes."""
        return college.config or self.college_dir(college) / "config.toml"

    def college_config(self, college: College, environ: dict | None = None, path: Path | None = None) -> Config:
        """The college's Config: its config file (or ``path``) over the province's shared tables; the province's
        SMTP server mails its digest to its office (``email``), and to no one else."""
        defaults = {k: v for k, v in self.defaults.items() if k != "email"}
        if "email" in self.defaults and college.email:
            defaults["email"] = {**self.defaults["email"], "to": [college.email]}
        return load_config(path or self.config_path(college), environ, defaults)


def _slug(url: str, taken: Counter) -> str:
    """A folder name from the college's host (``www.ahu.edu.cn``); a host shared by two colleges adds a hash."""
    parts = urlsplit(url)
    host = (parts.hostname or "college") + (f"_{parts.port}" if parts.port else "")
    if taken[host] > 1:
        host += "-" + hashlib.sha1(url.encode()).hexdigest()[:6]
    return host


def load_province(path: str | os.PathLike = DEFAULT_PROVINCE, environ: dict | None = None) -> Province:
    """Read and validate a province file. Raises :class:`ConfigError` with one line."""
    path = Path(path)
    file = str(path)
    if not path.exists():
        raise ConfigError(
            f"{file}: file not found (pass --province PATH, or write one with 'monitor province init colleges.csv')"
        )
    data = read_toml(path)
    try:
        raw = ProvinceIn.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(first_problem(file, exc, ProvinceIn)) from None
    _unique(file, raw)
    base = path.resolve().parent
    hosts = Counter(_slug(c.url, Counter()) for c in raw.colleges)
    colleges = tuple(
        College(c.name, c.url, c.level, _slug(c.url, hosts), base / c.config if c.config else None, c.email)
        for c in raw.colleges
    )
    for index, college in enumerate(colleges):
        if college.config is not None and not college.config.is_file():
            raise ConfigError(f"{file}: colleges[{index}].config: {show(str(college.config))} is not a file")
    defaults = {k: data[k] for k in (*SHARED_TABLES, "email") if k in data}
    return Province(
        path=path,
        name=raw.province.name,
        colleges=colleges,
        data_dir=base / raw.storage.path,
        reports_dir=base / raw.reports.dir,
        workers=raw.province.workers or (os.cpu_count() or 1),
        parallel=raw.province.parallel,
        discover_pages=raw.province.discover_pages,
        crawl=crawl_from(raw),
        email=email_from(raw, os.environ if environ is None else environ),
        timezone=raw.schedule.timezone,
        schedule=schedule_from(raw),
        defaults=defaults,
    )


def _unique(file: str, raw: ProvinceIn) -> None:
    names: dict[str, int] = {}
    urls: dict[str, int] = {}
    for index, college in enumerate(raw.colleges):
        for key, seen, value in (("name", names, college.name), ("url", urls, college.url.rstrip("/").lower())):
            if value in seen:
                raise ConfigError(f"{file}: colleges[{index}].{key}: {show(value)} is already colleges[{seen[value]}]")
            seen[value] = index
