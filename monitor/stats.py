"""Numbers for the annual report (信息公开工作年度报告): entries published in a period, per column and category.

The 学年 runs 1 Sep – 31 Aug. Counts are of distinct entries (the same article listed in two columns is
one in the total, and the overlap is shown). A column's figure is complete only when its last crawl
followed the pagination to the oldest page (``monitor stats --backfill`` makes sure of that).
"""

from __future__ import annotations

import csv
import datetime as dt
import io

from monitor.checklist import load_checklist
from monitor.config import Config
from monitor.store import Store


def last_academic_year(today: dt.date) -> tuple[dt.date, dt.date]:
    """The last complete 学年 (1 Sep – 31 Aug) before ``today``."""
    end_year = today.year if today >= dt.date(today.year, 9, 1) else today.year - 1
    return dt.date(end_year - 1, 9, 1), dt.date(end_year, 8, 31)


def compute(config: Config, store: Store, start: dt.date, end: dt.date) -> dict:
    """The ``monitor stats --format json`` document (a contract)."""
    checklist = load_checklist()
    columns, seen_in = [], {}
    for col in config.columns:
        entries = store.entries_between(col.url, start.isoformat(), end.isoformat())
        urls = sorted({e.url for e in entries})
        for url in urls:
            seen_in.setdefault(url, []).append(col.name)
        dates = sorted(e.date for e in entries)
        check = store.last_column_check(col.url)
        columns.append(
            {
                "name": col.name,
                "url": col.url,
                "count": len(urls),
                "first": dates[0] if dates else None,
                "last": dates[-1] if dates else None,
                "complete": bool(check and check.complete),
                "_urls": urls,
                "_items": col.items,
            }
        )
    categories = []
    for category in checklist.categories():
        urls = set()
        for c in columns:
            if any(checklist.get(i).category == category for i in c["_items"]):
                urls.update(c["_urls"])
        categories.append({"category": category, "count": len(urls)})
    overlap = {url: names for url, names in seen_in.items() if len(names) > 1}
    for c in columns:
        del c["_urls"], c["_items"]
    return {
        "from": start.isoformat(),
        "to": end.isoformat(),
        "total": len(seen_in),
        "columns": columns,
        "categories": categories,
        "overlap": {
            "entries": len(overlap),
            "examples": [{"url": u, "columns": n} for u, n in list(overlap.items())[:20]],
        },
        "complete": all(c["complete"] for c in columns),
        "sentence": sentence(len(seen_in), columns),
    }


def sentence(total: int, columns: list[dict]) -> str:
    """A sentence ready to paste into the annual report."""
    parts = [f"{c['name']}{c['count']}条" for c in sorted(columns, key=lambda c: -c["count"]) if c["count"]]
    text = f"新增主动公开信息{total}条"
    if parts:
        text += "，其中" + "，".join(parts)
    return text + "。"


def to_csv(doc: dict) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["type", "name", "url", "count", "first", "last", "complete"])
    for c in doc["columns"]:
        writer.writerow(
            [
                "column",
                c["name"],
                c["url"],
                c["count"],
                c["first"] or "",
                c["last"] or "",
                "yes" if c["complete"] else "no",
            ]
        )
    for c in doc["categories"]:
        writer.writerow(["category", c["category"], "", c["count"], "", "", ""])
    writer.writerow(
        ["total", "合计（去重）", "", doc["total"], doc["from"], doc["to"], "yes" if doc["complete"] else "no"]
    )
    return out.getvalue()
