"""Turn an evaluation into what users read: the ``check --format json`` contract and the terminal table."""

from __future__ import annotations

import datetime as dt

from rich import box
from rich.table import Table
from rich.text import Text

from monitor.config import Config
from monitor.evaluate import SEVERITY_ORDER, STATUS_ZH, Evaluation
from monitor.records import RunStatus
from monitor.sanitize import strip_controls
from monitor.store import Finding, Run

STATUS_STYLE = {
    "ok": "green",
    "missing": "bold red",
    "blank": "bold red",
    "stale": "yellow",
    "overdue": "bold red",
    "broken": "red",
    "unreachable": "magenta",
    "privacy": "bold red",
    "not_applicable": "dim",
    "unknown": "cyan",
}


def stamp_date(stamp: str | None) -> dt.date | None:
    """The date of a stored ISO timestamp."""
    return dt.datetime.fromisoformat(stamp).date() if stamp else None


def sorted_findings(findings: tuple[Finding, ...] | list[Finding]) -> list[Finding]:
    """Most severe first, then oldest first."""
    return sorted(findings, key=lambda f: (SEVERITY_ORDER.get(f.severity, 9), f.first_seen, f.item or 0, f.url))


def finding_dict(f: Finding, today: dt.date) -> dict:
    first = stamp_date(f.first_seen)
    return {
        "kind": f.kind,
        "item": f.item,
        "url": f.url,
        "severity": f.severity,
        "detail": f.detail,
        "first_seen": first.isoformat(),
        "open_days": (today - first).days,
        "department": f.department,
        "last_seen": stamp_date(f.last_seen).isoformat(),
    }


def check_document(config: Config, run: Run, evaluation: Evaluation, findings, now: dt.datetime) -> dict:
    """The ``monitor check --format json`` document (a contract: extend, never rename or remove)."""
    today = now.date()
    return {
        "site": config.site.name,
        "checked_at": now.replace(microsecond=0).isoformat(),
        "run": {
            "id": run.id,
            "status": run.status,
            "pages": run.pages,
            "errors": run.errors,
            "started_at": run.started_at,
            "finished_at": run.finished_at,
            "detail": run.detail,
        },
        "summary": evaluation.summary,
        "items": [
            {
                "id": r.item.id,
                "category": r.item.category,
                "title": r.item.title,
                "status": r.status,
                "department": r.department,
                "latest": r.latest.isoformat() if r.latest else None,
                "columns": list(r.columns),
                "reason": r.reason,
                "evidence": [
                    {
                        "type": e.type,
                        "title": e.title,
                        "url": e.url,
                        "column": e.column,
                        "date": e.date.isoformat() if e.date else None,
                    }
                    for e in r.evidence
                ],
            }
            for r in evaluation.items
        ],
        "columns": [
            {
                "name": c.name,
                "url": c.url,
                "items": list(c.items),
                "status": c.status,
                "entries": c.entries,
                "latest": c.latest.isoformat() if c.latest else None,
                "department": c.department,
                "reason": c.reason,
                "undated": c.undated,
                "pages": c.pages,
                "complete": c.complete,
            }
            for c in evaluation.columns
        ],
        "findings": [finding_dict(f, today) for f in sorted_findings(findings)],
    }


def plain(text: str | None) -> Text:
    """Site-derived text for the terminal: control characters (escape sequences) removed, markup not read."""
    return Text(strip_controls(text or "").replace("\r", ""))


def status_text(status: str) -> Text:
    return Text(STATUS_ZH.get(status, status), style=STATUS_STYLE.get(status, ""))


_FIXED_CELLS = 64  # 序号 事项 状态 最新发布 责任部门 with their padding, in terminal cells


def items_table(evaluation: Evaluation, site: str, full: bool = False, width: int = 80) -> Table:
    """The 50 items, one or two lines each in ``width`` cells: the item's short name and the reason cut with "…".
    ``full`` (``-v``) shows the official wording and the whole reason."""
    table = Table(
        title=f"{site} · 信息公开事项清单检查",
        title_justify="left",
        show_lines=False,
        expand=False,
        box=box.HEAVY_HEAD if full else box.SIMPLE_HEAD,  # few rules: the columns, not the frame, get the width
    )
    reason_cells = max(10, width - _FIXED_CELLS)
    table.add_column("序号", justify="right", no_wrap=True)
    table.add_column("事项", overflow="fold", max_width=40 if full else None, width=None if full else 14)
    table.add_column("状态", no_wrap=True, min_width=10)
    table.add_column("最新发布", no_wrap=True, min_width=10)
    table.add_column("责任部门", overflow="fold", width=None if full else 10)  # 5 characters: 招生就业处
    if full:
        table.add_column("说明", overflow="fold", max_width=40)
    else:
        table.add_column("说明", no_wrap=True, width=reason_cells)
    category = None
    for r in evaluation.items:
        if r.item.category != category:
            category = r.item.category
            table.add_row("", Text(category, style="bold"), "", "", "", "", end_section=False)
        reason = plain(r.reason)
        if not full:
            reason.truncate(reason_cells, overflow="ellipsis")
        table.add_row(
            str(r.item.id),
            Text(r.item.title if full else r.item.short),
            status_text(r.status),
            r.latest.isoformat() if r.latest else "—",
            plain(r.department or "—"),
            reason,
        )
    return table


def findings_table(findings, today: dt.date) -> Table:
    table = Table(title=f"未解决的问题（{len(findings)} 项）", title_justify="left")
    table.add_column("类型", no_wrap=True)
    table.add_column("事项", justify="right", no_wrap=True)
    table.add_column("说明", overflow="fold", max_width=60)
    table.add_column("地址", overflow="fold", max_width=50)
    table.add_column("首次发现", no_wrap=True)
    table.add_column("已持续", justify="right", no_wrap=True)
    for f in sorted_findings(findings):
        first = stamp_date(f.first_seen)
        table.add_row(
            status_text(f.kind),
            str(f.item or "—"),
            plain(f.detail),
            plain(f.url or "—"),
            first.isoformat(),
            f"{(today - first).days} 天",
        )
    return table


def summary_line(evaluation: Evaluation, run: Run) -> Text:
    s = evaluation.summary
    run_zh = RUN_STATUS_ZH.get(run.status, run.status)
    return Text(
        f"共 {s['items']} 项：正常 {s['ok']}，有问题 {s['failing']}，不适用 {s['not_applicable']}，"
        f"无法判断 {s['unknown']}。抓取 {run_zh}（运行 #{run.id}，{run.pages} 个页面，{run.errors} 个错误）"
    )


RUN_STATUS_ZH = {
    RunStatus.OK: "完成",
    RunStatus.PARTIAL: "部分完成",
    RunStatus.FAILED: "失败",
    RunStatus.RUNNING: "进行中",
    RunStatus.ABORTED: "中断",
}


def trend_chart(history: list[dict], width: int = 720, height: int = 200) -> dict:
    """Geometry of the ok/failing line chart (an inline SVG in the report and the digest)."""
    left, right, top, bottom = 40, width - 16, 12, height - 28
    chart = {
        "width": width,
        "height": height,
        "left": left,
        "right": right,
        "top": top,
        "bottom": bottom,
        "points": [],
        "yticks": [],
        "ok_line": "",
        "failing_line": "",
    }
    if not history:
        return chart
    peak = max(max(h["ok"] or 0, h["failing"] or 0) for h in history) or 1
    peak = ((peak + 9) // 10) * 10

    def y(value: int) -> float:
        return round(bottom - (bottom - top) * value / peak, 1)

    step = (right - left) / max(len(history) - 1, 1)
    every = max(1, len(history) // 8)
    for i, h in enumerate(history):
        x = round(left + step * i if len(history) > 1 else (left + right) / 2, 1)
        chart["points"].append(
            {
                "x": x,
                "ok": h["ok"] or 0,
                "failing": h["failing"] or 0,
                "ok_y": y(h["ok"] or 0),
                "failing_y": y(h["failing"] or 0),
                "label": h["started_at"][5:10],
                "show_label": i % every == 0 or i == len(history) - 1,
            }
        )
    chart["ok_line"] = " ".join(f"{p['x']},{p['ok_y']}" for p in chart["points"])
    chart["failing_line"] = " ".join(f"{p['x']},{p['failing_y']}" for p in chart["points"])
    chart["yticks"] = [{"value": v, "y": y(v)} for v in range(0, peak + 1, max(peak // 5, 1))]
    return chart


def render_report(
    config: Config,
    run: Run,
    evaluation: Evaluation,
    findings,
    history: list[dict],
    runs: list[Run],
    now: dt.datetime,
    stats: dict | None = None,
) -> str:
    """The self-contained HTML report (no external assets), for screen and A4 print."""
    from monitor import __version__
    from monitor.templating import render

    today = now.date()
    categories: dict[str, list] = {}
    for r in evaluation.items:
        categories.setdefault(r.item.category, []).append(r)
    return render(
        "report.html",
        version=__version__,
        site=config.site.name,
        generated_on=today.isoformat(),
        generated_at=now.replace(microsecond=0).isoformat(),
        run=run,
        run_status_zh=RUN_STATUS_ZH.get(run.status, run.status),
        summary=evaluation.summary,
        items=evaluation.items,
        categories=list(categories.items()),
        findings=[finding_dict(f, today) for f in sorted_findings(findings)],
        columns=evaluation.columns,
        trend=trend_chart(history),
        runs=[{**r.__dict__, "status_zh": RUN_STATUS_ZH.get(r.status, r.status)} for r in runs],
        stats=stats,
    )


def stats_tables(doc: dict) -> list[Table]:
    """``monitor stats``: entries per column (with completeness), then per checklist category."""
    table = Table(title=f"{doc['from']} 至 {doc['to']} 主动公开信息统计", title_justify="left")
    for name, justify in (
        ("栏目", "left"),
        ("条数", "right"),
        ("最早", "left"),
        ("最晚", "left"),
        ("统计完整", "left"),
    ):
        table.add_column(name, justify=justify)
    for c in doc["columns"]:
        complete = "是" if c["complete"] else "否（请用 --backfill）"
        table.add_row(plain(c["name"]), str(c["count"]), c["first"] or "—", c["last"] or "—", complete)
    table.add_row("合计（去重）", str(doc["total"]), "", "", "是" if doc["complete"] else "否")
    cats = Table(title="按清单类别", title_justify="left")
    cats.add_column("类别")
    cats.add_column("条数", justify="right")
    for c in doc["categories"]:
        cats.add_row(c["category"], str(c["count"]))
    return [table, cats]


def items_document(checklist) -> list[dict]:
    """``monitor items --format json``: the checklist as data (``short`` is the name the terminal shows)."""
    return [
        {
            "id": i.id,
            "category": i.category,
            "title": i.title,
            "short": i.short,
            "cadence": i.cadence,
            "deadline": f"{i.deadline[0]:02d}-{i.deadline[1]:02d}" if i.deadline else None,
            "max_age_days": i.default_max_age,
            "gaozhi": i.gaozhi,
            "note": i.note,
            "keywords": list(i.keywords),
        }
        for i in checklist
    ]


def checklist_table(checklist, level: str | None = None) -> Table:
    """``monitor items``: the 50 items with their cadence and whether they apply (to a 高职 college, or ``level``)."""
    table = Table(title="高等学校信息公开事项清单（教办函〔2014〕23号）", title_justify="left")
    for name in ("序号", "类别", "事项", "公开时限", "高职", "关键词"):
        table.add_column(name, overflow="fold")
    for i in checklist:
        applies = i.applies_to(level) if level else i.gaozhi
        table.add_row(
            str(i.id),
            i.category,
            Text(i.title),
            i.cadence_label(),
            "适用" if applies else "不适用",
            "、".join(i.keywords),
        )
    return table


def status_lines(doc: dict) -> list[str]:
    """``monitor status`` for people: runs, next times, open findings by kind, pending deliveries."""
    lines = [
        f"{doc['site']} · 数据库 {doc['database']['path']}（{doc['database']['bytes'] / 1048576:.1f} MB）",
        f"下次抓取 / next crawl: {doc['next']['crawl']}   下次周报 / next digest: {doc['next']['digest']}",
        "最近运行 / last runs:",
    ]
    none = {"id": "—", "status": "尚无运行", "started_at": "", "duration_s": None, "pages": 0, "errors": 0}
    for r in doc["runs"] or [none]:
        duration = f"{r['duration_s']}s" if r["duration_s"] is not None else "—"
        lines.append(
            f"  #{r['id']} {r['status']:<8} {r['started_at'][:19]}  {duration:>8}  {r['pages']} pages, {r['errors']} errors"
        )
    kinds = "，".join(f"{k} {v}" for k, v in doc["open_findings"].items()) or "无"
    lines.append(f"未解决问题 / open findings: {kinds}")
    lines.append(f"待重试邮件 / pending deliveries: {len(doc['pending_deliveries'])}")
    lines += [
        f"  {d['week']} {d['recipient']} ({d['attempts']} attempts): {d['error']}" for d in doc["pending_deliveries"]
    ]
    return [strip_controls(line) for line in lines]


def annual_lines(doc: dict) -> list[str]:
    """``monitor annual check`` for people."""
    lines = [f"{doc['year']} 学年信息公开年度报告：{doc.get('source') or '未找到'}"]
    if "parts" in doc:
        on_time = {True: "按时", False: "逾期", None: "日期不明"}[doc["on_time"]]
        period = f"{doc['period']['from']} 至 {doc['period']['to']}" if doc["period"] else "未写明"
        lines.append(f"发布日期：{doc['published'] or '—'}（{on_time}）  统计期限：{period}")
        lines.append("组成部分：" + " ".join(f"{p['number']}{'✓' if p['found'] else '✗'}" for p in doc["parts"]))
        n = doc["numbers"]
        if n["total"] is not None:
            cats = "，".join(f"{c['name']}{c['count']}" for c in n["categories"])
            lines.append(f"新增主动公开信息 {n['total']} 条（{cats}）；分类合计{'相符' if n['sum_ok'] else '不符'}")
        lines.append(f"提到的清单事项：{len(doc['items_mentioned'])} 个，未提到：{len(doc['items_not_mentioned'])} 个")
    lines += [f"问题：{p['reason']}" for p in doc["problems"]] or ["未发现问题"]
    return [strip_controls(line) for line in lines]
