"""Rules -> item statuses, column statuses and findings. Pure: no network, no database, no clock.

The inputs are what one run saw (column checks, the entries seen, the links checked); ``today`` is
passed in. A column the run could not see makes its items ``unknown`` — never blank, stale or missing —
and a failed run produces only the site-wide ``unreachable`` finding.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from functools import cached_property

from monitor.checklist import Checklist, Item
from monitor.config import ColumnConfig, Config
from monitor.privacy import PUBLICITY_TITLE_RE
from monitor.store import ColumnCheck, Link, StoredEntry

STATUS_ZH = {
    "ok": "正常",
    "missing": "未公开",
    "blank": "空白栏目",
    "stale": "未及时更新",
    "overdue": "逾期未发布",
    "broken": "链接失效",
    "unreachable": "无法访问",
    "privacy": "隐私信息泄露",
    "not_applicable": "不适用",
    "unknown": "无法判断",
}
FAILING = ("missing", "blank", "stale", "overdue", "broken")
# how bad an item's column state is, to pick the item's status from several columns
_RANK = {"ok": 0, "unknown": 1, "stale": 2, "overdue": 3, "broken": 4, "blank": 5}
SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2}
UNSEEN = ("unreachable", "robots", "out_of_scope", "script", "skipped")  # column states that make items unknown


@dataclass(frozen=True)
class ColumnView:
    """What one run saw of one configured column."""

    config: ColumnConfig
    check: ColumnCheck | None
    entries: tuple[StoredEntry, ...] = ()
    links: dict[str, Link] = field(default_factory=dict)  # entry url -> link check
    attachments: tuple[Link, ...] = ()  # attachments found on the column's article pages


@dataclass(frozen=True)
class FindingDraft:
    kind: str
    item: int | None
    url: str
    severity: str
    detail: str
    department: str = ""


@dataclass(frozen=True)
class ColumnResult:
    name: str
    url: str
    items: tuple[int, ...]
    status: str
    entries: int
    latest: dt.date | None
    department: str
    reason: str = ""
    undated: int = 0
    pages: int = 0
    total: int | None = None
    complete: bool = True
    max_age_days: int | None = None


@dataclass(frozen=True)
class Evidence:
    """What satisfied (or was judged for) an item: a configured column, or an entry found by its title."""

    type: str  # column | entry
    title: str
    url: str
    date: dt.date | None = None
    column: str = ""


@dataclass(frozen=True)
class ItemResult:
    item: Item
    status: str
    department: str
    latest: dt.date | None
    columns: tuple[str, ...]
    reason: str = ""
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Evaluation:
    run_status: str
    items: tuple[ItemResult, ...]
    columns: tuple[ColumnResult, ...]
    findings: tuple[FindingDraft, ...]
    links_checked: bool = True
    unseen_columns: frozenset[str] = frozenset()  # columns whose list failed to load this run
    unseen_items: frozenset[int] = frozenset()  # items those columns carry

    def item(self, item_id: int) -> ItemResult:
        return self.items[item_id - 1]

    def resolvable(self, finding) -> bool:
        """May an open finding not seen in this run be resolved? Never by a run that could not see it."""
        if self.run_status in ("failed", "aborted"):
            return False
        if finding.item is not None and self.item(finding.item).status == "unknown":
            return False
        if finding.url in self.unseen_columns or finding.item in self.unseen_items:
            return False  # a failed fetch is not evidence that anything was fixed
        column_status = self._column_status
        if column_status.get(finding.url) == "unknown":
            return False
        return not (finding.kind == "broken" and finding.url not in column_status and not self.links_checked)

    @cached_property
    def _column_status(self) -> dict[str, str]:
        return {c.url: c.status for c in self.columns}

    @property
    def summary(self) -> dict[str, int]:
        counts = {"items": len(self.items), "ok": 0, "failing": 0, "not_applicable": 0, "unknown": 0}
        for r in self.items:
            if r.status in FAILING:
                counts["failing"] += 1
            else:
                counts[r.status] += 1
        return counts


def max_age_for(config: Config, checklist: Checklist, column: ColumnConfig) -> int | None:
    """Days after which a column is stale: its own setting, else the strictest of its items' cadences."""
    if column.max_age_days:
        return column.max_age_days
    ages = []
    for item_id in column.items:
        age = config.checklist.max_age_days.get(item_id) or checklist.get(item_id).default_max_age
        if age:
            ages.append(age)
    return min(ages) if ages else None


_RANGE_RE = re.compile(r"((?:19|20)\d\d)\s*(?:年)?\s*[-—–~～至到]\s*((?:19|20)\d\d)")
_YEAR_RE = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


def edition_matches(item: Item, title: str, published: dt.date | None, today: dt.date) -> bool:
    """Is this entry the current cycle's edition of a dated annual item?

    The current cycle is the one whose deadline is the most recent on or before ``today``. An edition is
    recognised by the years in its title (``2025-2026学年``, ``2025—2026``, ``2025至2026``, ``2026年``,
    ``2026届``) or, when the title names no year, by a publication date after the previous deadline.
    """
    deadline = item.current_deadline(today)
    if deadline is None:
        return False
    year = deadline.year
    previous = deadline.replace(year=year - 1)
    ranges = _RANGE_RE.findall(title)
    if ranges:
        return any(int(end) == year for _start, end in ranges)
    years = [int(y) for y in _YEAR_RE.findall(title)]
    if years:
        if year in years:
            return True
        # "2025年度…报告" published after the previous deadline covers the 学年 ending this year
        return item.cycle == "academic_year" and year - 1 in years and published is not None and published > previous
    return published is not None and published > previous


def _cycle_label(item: Item, today: dt.date) -> str:
    deadline = item.current_deadline(today)
    if item.cycle == "academic_year":
        return f"{deadline.year - 1}—{deadline.year}学年"
    return f"{deadline.year}年"


def _mentions(item: Item, title: str) -> bool:
    return any(k in title for k in item.keywords)


def _short(text: str, n: int = 40) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def _privacy_finding(link, date: str | None, today: dt.date, publicity_days: int) -> tuple[str, str]:
    """Severity and detail of a personal-data exposure (masked examples only)."""
    exposures = json.loads(link.privacy)
    labels = {"id_number": "身份证号", "mobile": "手机号", "bank_card": "银行卡号"}
    parts = "、".join(f"{labels[e['kind']]} {e['count']} 个（如 {e['examples'][0]}）" for e in exposures)
    what = "附件" if link.kind == "attachment" else "页面"
    detail = f"{what}「{_short(link.title or link.url)}」公开了{parts}"
    age = (today - dt.date.fromisoformat(date)).days if date else None
    if PUBLICITY_TITLE_RE.search(link.title or "") and age is not None and age > publicity_days:
        return "high", f"{detail}；公示已 {age} 天，超过公示期（{publicity_days} 天）仍未撤下"
    return "medium", detail


@dataclass(frozen=True)
class _Inferred:
    newest: Evidence  # the newest entry whose title evidences the item
    edition: Evidence | None  # the newest one that is the current cycle's edition (dated annual items)


def _inferred_entries(
    config: Config, checklist: Checklist, views: list[ColumnView], today: dt.date
) -> dict[int, _Inferred]:
    """For each item, the entries of this run whose titles evidence it: only the newest, and the current edition.

    Only items no column is configured for, and dated annual items (whose edition may stand elsewhere),
    are looked for; memory stays per item, not per entry.
    """
    from monitor.classify import items_for

    configured = {i for v in views for i in v.config.items}
    needed = frozenset(i.id for i in checklist if i.id not in configured or i.cadence == "annual_by")
    out: dict[int, _Inferred] = {}
    if not needed:
        return out
    for view in views:
        if view.check is None or view.check.status not in ("ok", "statement"):
            continue
        for e in view.entries:
            matched = items_for(e.title, config.site.name, needed)
            if not matched:
                continue
            date = dt.date.fromisoformat(e.date) if e.date else None
            for item_id in matched:
                ev = Evidence("entry", e.title, e.url, date, view.config.name)
                known = out.get(item_id)
                newest = (
                    ev if known is None or (date or dt.date.min) > (known.newest.date or dt.date.min) else known.newest
                )
                edition = known.edition if known else None
                item = checklist.get(item_id)
                if (
                    item.cadence == "annual_by"
                    and edition_matches(item, e.title, date, today)
                    and (edition is None or (date or dt.date.min) > (edition.date or dt.date.min))
                ):
                    edition = ev
                out[item_id] = _Inferred(newest, edition)
    return out


def _judge_by_entries(
    config: Config, item: Item, found: _Inferred, today: dt.date, dept: str
) -> tuple[ItemResult, FindingDraft | None]:
    """An item no column is configured for, judged by the entries whose titles evidence it."""
    best = found.newest
    latest = best.date
    status, finding = "ok", None
    reason = f"由栏目「{best.column}」中的「{_short(best.title)}」（{latest or '无日期'}）证明"
    if item.cadence == "annual_by":
        if found.edition is None:
            status = "overdue"
            reason = f"未找到{_cycle_label(item, today)}的{item.title}（应于 {item.current_deadline(today)} 前发布）"
            finding = FindingDraft("overdue", item.id, best.url, "high", reason, dept)
        else:
            best = found.edition
            reason = f"由栏目「{best.column}」中的「{_short(best.title)}」（{best.date}）证明"
    else:
        max_age = config.checklist.max_age_days.get(item.id) or item.default_max_age
        if max_age and (latest is None or (today - latest).days > max_age):
            status = "stale"
            reason = f"最新相关信息「{_short(best.title)}」发布于 {latest or '（无日期）'}，已超过 {max_age} 天"
            finding = FindingDraft("stale", item.id, best.url, "medium", reason, dept)
    return ItemResult(item, status, dept, latest, (), reason, (best,)), finding


def evaluate(
    config: Config,
    checklist: Checklist,
    run_status: str,
    views: list[ColumnView],
    today: dt.date,
    links_checked: bool = True,
) -> Evaluation:
    """Judge every checklist item and configured column from what one run saw."""
    findings: list[FindingDraft] = []
    column_results: list[ColumnResult] = []
    by_item: dict[int, list[tuple[ColumnResult, ColumnView]]] = {i.id: [] for i in checklist}
    applicable = {i.id for i in checklist if config.applicable(i)}
    failed = run_status in ("failed", "aborted")
    overdue_items: dict[int, list[str]] = {}

    for view in views:
        col = view.config
        col_items = [i for i in col.items if i in applicable]
        first_item = col_items[0] if col_items else col.items[0]
        dept = col.department or config.item_department(first_item)
        dated = [dt.date.fromisoformat(e.date) for e in view.entries if e.date]
        latest = max(dated) if dated else None
        undated = sum(1 for e in view.entries if not e.date)
        max_age = max_age_for(config, checklist, col)
        check = view.check
        reason = ""
        new: list[FindingDraft] = []

        def add(kind, severity, detail, url=col.url, item=first_item, new=new, dept=dept):
            new.append(FindingDraft(kind, item, url, severity, detail, dept))

        if failed or check is None:
            status, reason = "unknown", "站点无法访问" if failed else "本次运行未抓取该栏目"
        elif check.status in UNSEEN:
            status, reason = "unknown", check.reason
            if check.status == "unreachable":
                add("unreachable", "high", f"栏目「{col.name}」无法访问：{check.reason}")
        elif check.status in ("http_error", "soft404"):
            status = "broken"
            reason = check.reason
            if check.http_status == 403:
                reason += "（可能仅限校园网访问）"
            add("broken", "high", f"栏目「{col.name}」无法打开：{reason}")
        elif check.status == "blank":
            status, reason = "blank", check.reason
            add("blank", "high", f"栏目「{col.name}」为空白栏目：{check.reason}")
        elif check.status == "statement":
            status, reason = "ok", check.reason
        else:
            status = "ok"
            if max_age:
                if latest is None:
                    status = "stale"
                    reason = f"栏目中的 {undated} 条信息均无发布日期（无日期视为未更新）"
                    add("stale", "high", f"栏目「{col.name}」{reason}")
                elif (today - latest).days > max_age:
                    status = "stale"
                    age = (today - latest).days
                    reason = f"最新信息发布于 {latest.isoformat()}，已超过 {max_age} 天"
                    add("stale", "high" if age > 2 * max_age else "medium", reason)
            if not check.complete and check.reason:  # read in part: say why (an unfollowable pager…)
                reason = "；".join(r for r in (reason, check.reason) if r)
            for item_id in col_items:
                item = checklist.get(item_id)
                if item.cadence != "annual_by":
                    continue
                relevant = [e for e in view.entries if len(col.items) == 1 or _mentions(item, e.title)]
                found = any(
                    edition_matches(item, e.title, dt.date.fromisoformat(e.date) if e.date else None, today)
                    for e in relevant
                )
                if not found:
                    overdue_items.setdefault(item_id, []).append(col.url)
                    if status == "ok":
                        status = "overdue"
                        reason = f"未找到{_cycle_label(item, today)}的{item.title}（应于 {item.current_deadline(today)} 前发布）"
            # broken entries and attachments
            for entry in view.entries:
                link = view.links.get(entry.url)
                if link is not None and not link.ok:
                    add("broken", "medium", f"「{_short(entry.title)}」链接失效：{link.error}", url=entry.url)
            if config.privacy.enabled:
                entry_dates = {e.url: e.date for e in view.entries}
                for link in [*view.links.values(), *view.attachments]:
                    if link.privacy:
                        date = link.date or entry_dates.get(link.url) or entry_dates.get(link.referer or "")
                        severity, detail = _privacy_finding(link, date, today, config.privacy.publicity_days)
                        add("privacy", severity, detail, url=link.url)
            for att in view.attachments:
                if not att.ok:
                    add(
                        "broken",
                        "medium",
                        f"附件「{_short(att.title or att.url)}」链接失效：{att.error}（所在页面 {att.referer}）",
                        url=att.url,
                    )
        result = ColumnResult(
            col.name,
            col.url,
            col.items,
            status,
            len(view.entries),
            latest,
            dept,
            reason,
            undated,
            check.pages if check else 0,
            check.total if check else None,
            check.complete if check else False,
            max_age,
        )
        column_results.append(result)
        if col_items:
            findings.extend(new)
        for item_id in col.items:
            by_item[item_id].append((result, view))

    inferred = _inferred_entries(config, checklist, views, today) if config.checklist.infer and not failed else {}
    item_results: list[ItemResult] = []
    for item in checklist:
        cols = by_item[item.id]
        dept = config.item_department(item.id)
        urls = tuple(c.url for c, _ in cols)
        dates = [c.latest for c, _ in cols if c.latest]
        latest = max(dates) if dates else None
        if item.id not in applicable:
            why = "配置为不适用" if item.id in config.checklist.not_applicable else f"{config.site.level}院校不适用"
            item_results.append(ItemResult(item, "not_applicable", dept, latest, urls, why))
            continue
        if failed:
            item_results.append(ItemResult(item, "unknown", dept, latest, urls, "站点无法访问"))
            continue
        if not cols and item.id in inferred:
            result, finding = _judge_by_entries(config, item, inferred[item.id], today, dept)
            item_results.append(result)
            if finding:
                findings.append(finding)
            continue
        if not cols:
            item_results.append(ItemResult(item, "missing", dept, None, (), "没有配置对应栏目"))
            findings.append(
                FindingDraft(
                    "missing",
                    item.id,
                    "",
                    "high",
                    f"清单第 {item.id} 项「{_short(item.title, 30)}」未公开：没有配置或发现对应栏目",
                    dept,
                )
            )
            continue
        # a column's "overdue" is judged for the item as a whole below: rank it as ok here
        ranked = [(c, "ok" if c.status == "overdue" else c.status) for c, _ in cols]
        worst, status = max(ranked, key=lambda cs: _RANK[cs[1]])
        reason = worst.reason if status != "ok" else ""
        has_broken_links = any(not link.ok for _, v in cols for link in v.links.values()) or any(
            not a.ok for _, v in cols for a in v.attachments
        )
        if status in ("ok", "stale", "unknown") and has_broken_links:
            status, reason = "broken", "栏目中有失效链接"
        judged = [c for c, _ in cols if c.status in ("ok", "stale", "overdue")]
        elsewhere = [inferred[item.id].edition] if item.id in inferred and inferred[item.id].edition else []
        evidence = tuple(Evidence("column", c.name, c.url, c.latest) for c, _ in cols)
        if item.cadence == "annual_by" and elsewhere and item.id in overdue_items:
            evidence += (elsewhere[0],)  # the current edition stands in another column: not overdue
        elif (
            item.cadence == "annual_by"
            and status in ("ok", "stale")
            and judged
            and len(overdue_items.get(item.id, [])) == len(judged)
        ):
            status = "overdue"
            reason = f"未找到{_cycle_label(item, today)}的{item.title}（应于 {item.current_deadline(today)} 前发布）"
            findings.append(FindingDraft("overdue", item.id, overdue_items[item.id][0], "high", reason, dept))
        item_results.append(ItemResult(item, status, dept, latest, urls, reason, evidence))

    if failed:
        findings = [
            FindingDraft("unreachable", None, config.site.base_url, "high", "站点无法访问，本次未能检查任何栏目", "")
        ]
    # a column whose list could not be fetched (5xx, 429, network) was not seen: nothing about it is evidence
    unseen = [v for v in views if v.check is not None and failed_fetch(v.check)]
    return Evaluation(
        run_status,
        tuple(item_results),
        tuple(column_results),
        tuple(findings),
        links_checked,
        frozenset(v.config.url for v in unseen),
        frozenset(i for v in unseen for i in v.config.items),
    )


def failed_fetch(check) -> bool:
    """Did fetching the column's list fail for the server's or network's sake (not a 404: that is an answer)?"""
    status = check.http_status or 0
    return check.status in UNSEEN or (check.status == "http_error" and (status >= 500 or status == 429))
