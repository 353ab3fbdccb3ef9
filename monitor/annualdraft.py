"""The annual report drafted from a year of monitoring: the numbers of part 二, the checklist table at 31 August,
the evidence of part 六 (the regular online inspection's findings), back-dated entries, and headed placeholders
for the parts only the office can write. ``draft_data`` reads the store; ``to_docx``/``to_html``/``to_markdown``
render the same data."""

from __future__ import annotations

import datetime as dt
import io
import statistics
from collections import Counter

from monitor.annual import PARTS, Year
from monitor.checklist import load_checklist
from monitor.config import Config
from monitor.evaluate import STATUS_ZH
from monitor.report import stamp_date as _day
from monitor.stats import compute as compute_stats
from monitor.store import Store

PLACEHOLDERS = {
    "一": "概述：本学年信息公开工作的总体情况、组织机构与制度建设、平台建设（请办公室撰写）。",
    "三": "依申请公开和不予公开情况：收到申请的数量、办理结果和不予公开的理由（请办公室填写）。",
    "四": "对信息公开的评议情况：师生和社会评议的方式与结果（请办公室填写）。",
    "五": "因信息公开工作受到举报、复议、诉讼的情况：没有时也应写明“无”（请办公室填写）。",
    "七": "其他需要报告的事项（没有时写明“无”）。",
}


def _item_table(config: Config, store: Store, year: Year) -> tuple[list[dict], str | None]:
    """Every item's status in the last run finished by 31 August (and that run's date)."""
    runs = [r for r in store.runs(config.site.name, limit=1000) if r.status in ("ok", "partial")]
    at_end = [r for r in runs if _day(r.started_at) <= year.end]
    run = max(at_end, key=lambda r: r.started_at) if at_end else None
    statuses = store.item_statuses(run.id) if run else {}  # no run by 31 August: every item unknown
    rows = []
    for item in load_checklist():
        s = statuses.get(item.id, {"status": "unknown", "latest": None})
        where = [c for c in config.columns if item.id in c.items]
        rows.append(
            {
                "item": item.id,
                "title": item.short,
                "status": s["status"],
                "status_zh": STATUS_ZH.get(s["status"], s["status"]),
                "latest": s["latest"],
                "columns": [{"name": c.name, "url": c.url} for c in where],
                "department": config.item_department(item.id) or "未指定",
            }
        )
    return rows, _day(run.started_at).isoformat() if run else None


def _inspection(config: Config, store: Store, year: Year) -> dict:
    """Part 六's evidence: findings opened and resolved during the 学年, by kind and department, days to fix."""
    findings = store.findings(config.site.name)
    opened = [f for f in findings if year.start <= _day(f.first_seen) <= year.end]
    resolved = [f for f in findings if f.resolved_at and year.start <= _day(f.resolved_at) <= year.end]
    days = [(_day(f.resolved_at) - _day(f.first_seen)).days for f in resolved]
    names = {c.url: c.name for c in config.columns}
    by_column = Counter(names[f.url] for f in opened if f.url in names)
    return {
        "opened": len(opened),
        "resolved": len(resolved),
        "median_days_to_fix": statistics.median(days) if days else None,
        "by_kind": [
            {"kind": STATUS_ZH.get(k, k), "count": n} for k, n in Counter(f.kind for f in opened).most_common()
        ],
        "by_department": [
            {"department": d or "未指定", "count": n} for d, n in Counter(f.department for f in opened).most_common()
        ],
        "columns": [{"name": n, "count": c} for n, c in by_column.most_common(5)],
    }


def back_dated(config: Config, store: Store, start: dt.date, end: dt.date) -> list[dict]:
    """Entries first seen between ``start`` and ``end`` whose stated date is older than a complete earlier crawl of
    the same column that did not list them: published late and back-dated, or inserted into history."""
    out = []
    for col in config.columns:
        crawls = store.column_crawls(col.url)  # (run end, complete) of every finished crawl that read the list
        for e in store.column_entries(col.url):
            first = _day(e["first_seen"])
            if not e["date"] or not (start <= first <= end):
                continue
            # a crawl that ended before the entry was first seen, on a day after its stated date, read it all
            missed = [end for end, complete in crawls if complete and e["date"] < end[:10] and end < e["first_seen"]]
            if missed:
                out.append(
                    {
                        "column": col.name,
                        "department": col.department,
                        "title": e["title"],
                        "url": e["url"],
                        "stated": e["date"],
                        "first_seen": first.isoformat(),
                        "missed_by": missed[-1][:10],
                    }
                )
    return sorted(out, key=lambda r: (r["first_seen"], r["column"]))


def draft_data(config: Config, store: Store, year: Year) -> dict:
    stats = compute_stats(config, store, year.start, year.end)
    items, as_of = _item_table(config, store, year)
    applicable = {i.id for i in load_checklist() if config.applicable(i)}
    for row in items:
        if row["item"] not in applicable:
            row["status"], row["status_zh"] = "not_applicable", STATUS_ZH["not_applicable"]
    return {
        "site": config.site.name,
        "year": year.label,
        "period": {"from": year.start.isoformat(), "to": year.end.isoformat()},
        "stats": stats,
        "incomplete": [c["name"] for c in stats["columns"] if not c["complete"]],
        "items": items,
        "items_as_of": as_of,
        "inspection": _inspection(config, store, year),
        "back_dated": back_dated(config, store, year.start, year.end),
        "parts": [{"number": n, "title": t} for n, t, _p in PARTS],
        "placeholders": PLACEHOLDERS,
    }


def _paragraphs(data: dict) -> dict[str, list[str]]:
    """The text of each part, as the office will read it (the same for every format)."""
    s, ins = data["stats"], data["inspection"]
    two = [s["sentence"], f"统计期限：{data['period']['from']} 至 {data['period']['to']}。"]
    if data["incomplete"]:
        two.append(
            "注意：以下栏目的条数不完整（未抓取到最早一页），发布前请核对：" + "、".join(data["incomplete"]) + "。"
        )
    median = "—" if ins["median_days_to_fix"] is None else f"{ins['median_days_to_fix']:g} 天"
    six = [
        f"本学年定期线上检查共发现问题 {ins['opened']} 个，已整改 {ins['resolved']} 个，整改用时中位数 {median}。",
        "按类型：" + ("，".join(f"{k['kind']} {k['count']} 个" for k in ins["by_kind"]) or "无") + "。",
        "按责任部门：" + ("，".join(f"{d['department']} {d['count']} 个" for d in ins["by_department"]) or "无") + "。",
    ]
    if ins["columns"]:
        six.append("问题最多的栏目：" + "，".join(f"{c['name']}（{c['count']} 个）" for c in ins["columns"]) + "。")
    if data["back_dated"]:
        six.append(
            f"及时性：有 {len(data['back_dated'])} 条信息的发布日期早于此前一次未见到它的检查，可能为补发或倒签，见附表。"
        )
    return {"二": two, "六": six}


def to_markdown(data: dict) -> str:
    paragraphs = _paragraphs(data)
    lines = [f"# {data['site']}{data['year']}学年信息公开工作年度报告（草稿）", ""]
    for part in data["parts"]:
        lines += [f"## {part['number']}、{part['title']}", ""]
        lines += [*paragraphs.get(part["number"], [data["placeholders"].get(part["number"], "")]), ""]
    lines += [
        f"## 附表一：清单事项公开情况（截至 {data['items_as_of'] or '—'}）",
        "",
        "| 序号 | 事项 | 状态 | 最新发布 | 栏目 | 责任部门 |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for r in data["items"]:
        where = "、".join(c["name"] for c in r["columns"]) or "—"
        lines.append(
            f"| {r['item']} | {r['title']} | {r['status_zh']} | {r['latest'] or '—'} | {where} | {r['department']} |"
        )
    if data["back_dated"]:
        lines += [
            "",
            "## 附表二：发布日期早于此前检查的信息",
            "",
            "| 栏目 | 标题 | 标注日期 | 首次发现 | 此前未见于 |",
            "| --- | --- | --- | --- | --- |",
        ]
        lines += [
            f"| {b['column']} | {b['title']} | {b['stated']} | {b['first_seen']} | {b['missed_by']} |"
            for b in data["back_dated"]
        ]
    return "\n".join(lines) + "\n"


def to_docx(data: dict) -> bytes:
    import docx

    document = docx.Document()
    document.add_heading(f"{data['site']}{data['year']}学年信息公开工作年度报告（草稿）", level=0)
    paragraphs = _paragraphs(data)
    for part in data["parts"]:
        document.add_heading(f"{part['number']}、{part['title']}", level=1)
        for text in paragraphs.get(part["number"], [data["placeholders"].get(part["number"], "")]):
            document.add_paragraph(text)
        if part["number"] == "二":
            _table(
                document,
                ["栏目", "条数", "统计完整"],
                [[c["name"], c["count"], "是" if c["complete"] else "否"] for c in data["stats"]["columns"]],
            )
            _table(document, ["清单类别", "条数"], [[c["category"], c["count"]] for c in data["stats"]["categories"]])
    document.add_heading(f"附表一：清单事项公开情况（截至 {data['items_as_of'] or '—'}）", level=1)
    rows = [
        [
            r["item"],
            r["title"],
            r["status_zh"],
            r["latest"] or "—",
            "、".join(c["name"] for c in r["columns"]) or "—",
            r["department"],
        ]
        for r in data["items"]
    ]
    _table(document, ["序号", "事项", "状态", "最新发布", "栏目", "责任部门"], rows)
    if data["back_dated"]:
        document.add_heading("附表二：发布日期早于此前检查的信息", level=1)
        _table(
            document,
            ["栏目", "标题", "标注日期", "首次发现", "此前未见于"],
            [[b["column"], b["title"], b["stated"], b["first_seen"], b["missed_by"]] for b in data["back_dated"]],
        )
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _table(document, head: list[str], rows: list[list]) -> None:
    table = document.add_table(rows=1, cols=len(head))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, head, strict=True):
        cell.text = text
    for row in rows:
        for cell, value in zip(table.add_row().cells, row, strict=True):
            cell.text = str(value)


def to_html(data: dict) -> str:
    from monitor.templating import render

    return render("annual.html", data=data, paragraphs=_paragraphs(data))
