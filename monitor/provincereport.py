"""The province report: colleges x the 50 items as a heatmap, per-college metrics, a ranking; HTML, CSV, JSON.

Every figure comes from each college's ``monitor check --format json`` document (its last stored run,
evaluated now), so the province sees exactly what the college's own report says.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass

from monitor.checklist import Checklist
from monitor.records import ColumnState, FindingKind, ItemStatus, RunStatus
from monitor.templating import render

ANNUAL_ITEM = 6
CSV_FIELDS = (
    "rank",
    "name",
    "url",
    "level",
    "run_status",
    "checked_at",
    "applicable",
    "ok",
    "ok_rate",
    "problems",
    "blank_columns",
    "stale_columns",
    "overdue_items",
    "broken_links",
    "privacy",
    "annual_report",
)


@dataclass(frozen=True)
class CollegeInfo:
    name: str
    url: str
    level: str
    report: str | None = None  # link to its own HTML report, relative to the province report
    error: str = ""  # why it has no check document


def annual_verdict(doc: dict) -> tuple[str, str]:
    """(verdict, reasons) of the annual report: its open annual_report findings, else item 6's status."""
    problems = [f["detail"] for f in doc["findings"] if f["kind"] == FindingKind.ANNUAL_REPORT]
    if problems:
        return f"存在 {len(problems)} 个问题", "；".join(problems)
    status = doc["items"][ANNUAL_ITEM - 1]["status"]
    words = {ItemStatus.OK: "已按时发布", ItemStatus.UNKNOWN: "未知"}
    return words.get(status, "未按时发布"), doc["items"][ANNUAL_ITEM - 1]["reason"]


def college_row(info: CollegeInfo, doc: dict | None) -> dict:
    """One college's line of the report (``doc`` None: it has no stored check)."""
    row = {"name": info.name, "url": info.url, "level": info.level, "report": info.report, "error": info.error}
    if doc is None:
        return row | {
            "run_status": "none",
            "checked_at": None,
            "items": {},
            "ok_rate": None,
            "problems": None,
            "detail": "",
        }
    statuses = {i["id"]: i["status"] for i in doc["items"]}
    applicable = [s for s in statuses.values() if s != ItemStatus.NOT_APPLICABLE]
    judged = doc["run"]["status"] not in RunStatus.unjudged()
    kinds = [f["kind"] for f in doc["findings"]]
    columns = [c["status"] for c in doc["columns"]]
    verdict, why = annual_verdict(doc)
    return row | {
        "run_status": doc["run"]["status"],
        "checked_at": doc["run"]["finished_at"] or doc["run"]["started_at"],
        "detail": doc["run"]["detail"],
        "items": statuses,
        "applicable": len(applicable),
        "ok": sum(s == ItemStatus.OK for s in applicable),
        "ok_rate": round(sum(s == ItemStatus.OK for s in applicable) / len(applicable), 4) if judged else None,
        "problems": len(doc["findings"]),
        "blank_columns": sum(s == ColumnState.BLANK for s in columns),
        "stale_columns": sum(s == "stale" for s in columns),
        "overdue_items": sum(s == ItemStatus.OVERDUE for s in statuses.values()),
        "broken_links": kinds.count(FindingKind.BROKEN),
        "privacy": kinds.count(FindingKind.PRIVACY),
        "annual_report": verdict,
        "annual_reasons": why,
    }


def ranked(rows: list[dict]) -> list[dict]:
    """Best first: ok rate, then fewer problems; colleges that could not be judged last, by name."""
    judged = sorted(
        (r for r in rows if r["ok_rate"] is not None), key=lambda r: (-r["ok_rate"], r["problems"], r["name"])
    )
    rest = sorted((r for r in rows if r["ok_rate"] is None), key=lambda r: r["name"])
    out, rank, previous = [], 0, None
    for position, row in enumerate(judged, start=1):
        if (row["ok_rate"], row["problems"]) != previous:
            rank, previous = position, (row["ok_rate"], row["problems"])
        out.append(row | {"rank": rank})
    return out + [row | {"rank": None} for row in rest]


def categories(checklist: Checklist) -> list[dict]:
    """The checklist's categories in order, with their item ids (the heatmap's header groups)."""
    out: list[dict] = []
    for item in checklist:
        if not out or out[-1]["name"] != item.category:
            out.append({"name": item.category, "items": []})
        out[-1]["items"].append(item.id)
    return out


def province_document(name: str, rows: list[dict], now: dt.datetime) -> dict:
    """The report as JSON (``monitor province report --format json``)."""
    return {"province": name, "generated_at": now.replace(microsecond=0).isoformat(), "colleges": rows}


def to_csv(rows: list[dict]) -> str:
    """The report's per-college figures for spreadsheets (UTF-8 with BOM: Excel opens it as such)."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: ("" if row.get(k) is None else row.get(k)) for k in CSV_FIELDS})
    return out.getvalue()


def render_province_report(name: str, rows: list[dict], checklist: Checklist, now: dt.datetime) -> str:
    titles = {item.id: item.title for item in checklist}
    cats = categories(checklist)
    category_of = {i: n for n, c in enumerate(cats) for i in c["items"]}
    failing = set(ItemStatus.failing())
    for row in rows:  # per category, the failing items: the "sort by category" key
        row["by_category"] = [
            sum(1 for i, s in row["items"].items() if category_of[i] == n and s in failing) for n in range(len(cats))
        ]
    return render(
        "province.html",
        province=name,
        rows=rows,
        categories=cats,
        titles=titles,
        generated=now.strftime("%Y-%m-%d %H:%M"),
        judged=sum(r["ok_rate"] is not None for r in rows),
    )


def college_week(name: str, url: str, ctx: dict | None, error: str = "") -> dict:
    """One college's week from its office digest context (None: no finished run to tell of)."""
    if ctx is None:
        return {"name": name, "url": url, "checked": False, "error": error}
    return {
        "name": name,
        "url": url,
        "checked": True,
        "run_status": ctx["run"]["status"] if ctx["run"] else "none",
        "summary": ctx["summary"],
        "delta": ctx["delta"],
        "open": len(ctx["open"]),
        "new": ctx["new"],
        "resolved": len(ctx["resolved"]),
        "oldest": sorted(ctx["open"], key=lambda f: -f["open_days"]),
    }


def province_digest_context(name: str, week_label: str, week_zh: str, today: dt.date, colleges: list[dict]) -> dict:
    """The supervisor's week: totals, colleges with new problems, the longest-open problems (three a college at
    most, so that one college's backlog does not hide the others), every college."""
    checked = [c for c in colleges if c["checked"]]
    longest = sorted(
        ({**f, "college": c["name"]} for c in checked for f in c["oldest"][:3]), key=lambda f: -f["open_days"]
    )[:20]
    return {
        "province": name,
        "week": week_label,
        "week_zh": week_zh,
        "today": today.isoformat(),
        "colleges": colleges,
        "totals": {
            "colleges": len(colleges),
            "checked": len(checked),
            "unreachable": sum(c["run_status"] in RunStatus.unjudged() for c in checked),
            "open": sum(c["open"] for c in checked),
            "new": sum(len(c["new"]) for c in checked),
            "resolved": sum(c["resolved"] for c in checked),
        },
        "with_new": sorted((c for c in checked if c["new"]), key=lambda c: -len(c["new"])),
        "longest": longest,
        "unchecked": [c for c in colleges if not c["checked"]],
    }


def province_digest_subject(ctx: dict) -> str:
    t = ctx["totals"]
    return (
        f"【信息公开周报】{ctx['province']} {ctx['week_zh'].split('（')[0]}：{t['checked']} 所高校，"
        f"待整改 {t['open']} 个，本周新发现 {t['new']} 个，已整改 {t['resolved']} 个"
    )


def render_province_digest(ctx: dict) -> tuple[str, str]:
    return render("province_digest.html", **ctx), render("province_digest.txt", **ctx)
