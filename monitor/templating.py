"""The one jinja2 environment: templates are files under monitor/templates, autoescape on, StrictUndefined."""

from __future__ import annotations

from functools import cache
from urllib.parse import urlsplit

import jinja2

from monitor.evaluate import STATUS_ZH
from monitor.sanitize import finalize

STATUS_COLOUR = {
    "ok": "#1a7f37",
    "missing": "#cf222e",
    "blank": "#cf222e",
    "stale": "#bf8700",
    "overdue": "#cf222e",
    "broken": "#d1242f",
    "unreachable": "#8250df",
    "privacy": "#cf222e",
    "not_applicable": "#6e7781",
    "unknown": "#0969da",
}
SEVERITY_ZH = {"high": "高", "medium": "中", "low": "低"}


def is_http(url: str | None) -> bool:
    """Only http(s) links are rendered as links; anything else is shown as text."""
    if not url:
        return False
    return urlsplit(url).scheme in ("http", "https")


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("monitor", "templates"),
        autoescape=jinja2.select_autoescape(["html", "htm", "xml"], default_for_string=True),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=finalize,  # no control character reaches a report or a digest
    )
    env.filters["zh"] = lambda status: STATUS_ZH.get(status, status)
    env.filters["colour"] = lambda status: STATUS_COLOUR.get(status, "#57606a")
    env.filters["severity_zh"] = lambda s: SEVERITY_ZH.get(s, s)
    env.tests["http"] = is_http
    return env


def render(name: str, **context) -> str:
    return environment().get_template(name).render(**context)
