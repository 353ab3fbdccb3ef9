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
from monitor.dates import years_as_digits
from monitor.privacy import PUBLICITY_TITLE_RE
from monitor.records import FILE_DATE, ColumnCheck, ColumnState, FindingKind, ItemStatus, Link, RunStatus, StoredEntry
from monitor.urls import host_of, in_scope

STATUS_ZH = {
    "ok": "正常",
    "missing": "未公开",
    "blank": "空白栏目",
    "stale": "未及时更新",
    "overdue": "逾期未发布",
    "broken": "链接失效",
    "unreachable": "无法访问",
    "privacy": "隐私信息泄露",
    "annual_report": "年度报告问题",
    "not_applicable": "不适用",
    "unknown": "无法判断",
}
FAILING = ItemStatus.failing()
# how bad an item's column state is, to pick the item's status from several columns
_RANK = {"ok": 0, "unknown": 1, "stale": 2, "overdue": 3, "broken": 4, "blank": 5}
SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2}
UNSEEN = ColumnState.unseen()  # column states that make items unknown


@dataclass(frozen=True)
class ColumnView:
    """What one run saw of one configured column."""

    config: ColumnConfig
    check: ColumnCheck | None
    entries: tuple[StoredEntry, ...] = ()
    links: dict[str, Link] = field(default_factory=dict)  # entry url -> link check
    attachments: tuple[Link, ...] = ()  # attachments found on the column's article pages
    read: frozenset[str] = frozenset()  # undated entries whose own page was read (for its date), now or before


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
        if self.run_status in RunStatus.unjudged() or finding.kind == FindingKind.ANNUAL_REPORT:
            return False  # (an annual-report finding is judged by `monitor annual check` alone)
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
    title = years_as_digits(title)
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
        if view.check is None or list_state(view.check) not in (ColumnState.OK, ColumnState.STATEMENT):
            continue
        for e in view.entries:
            matched = items_for(e.title, config.site.name, needed)
            if not matched:
                continue
            date = _plausible(e.date, today)
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
            reason = overdue_reason(item, today)
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


def overdue_reason(item: Item, today: dt.date) -> str:
    """The one wording of "the current edition of a dated annual item is not published"."""
    return f"未找到{_cycle_label(item, today)}的{item.title}（应于 {item.current_deadline(today)} 前发布）"


@dataclass(frozen=True)
class _ColumnJudgement:
    result: ColumnResult
    findings: tuple[FindingDraft, ...]
    overdue: tuple[int, ...]  # dated annual items of this column whose current edition it lacks
    view: ColumnView


def _column_state(col: ColumnConfig, check: ColumnCheck | None, failed: bool) -> tuple[str, str, list[tuple]]:
    """Status, reason and findings (kind, severity, detail) of a column whose list did not read as a list."""
    if failed or check is None:
        return "unknown", "站点无法访问" if failed else "本次运行未抓取该栏目", []
    state = list_state(check)
    if state in UNSEEN:
        found = [("unreachable", "high", f"栏目「{col.name}」无法访问：{check.reason}")]
        return "unknown", check.reason, found if state in ("unreachable", "blocked") else []
    if state in ("http_error", "soft404"):
        reason = check.reason + (_FORBIDDEN_HINT if check.http_status == 403 else "")
        return "broken", reason, [("broken", "high", f"栏目「{col.name}」无法打开：{reason}")]
    if state == "blank":
        return "blank", check.reason, [("blank", "high", f"栏目「{col.name}」为空白栏目：{check.reason}")]
    return "ok", check.reason if state == "statement" else "", []


_FORBIDDEN_HINT = "（可能仅限校园网访问，或网站拒绝非浏览器的请求：可在 [crawl] user_agent 中设置浏览器标识）"
FUTURE_SLACK = dt.timedelta(days=1)  # a page a time zone ahead; later than that, the date is a typo (2062 for 2026)


def _plausible(date: str | None, today: dt.date) -> dt.date | None:
    """An entry's date, unless it lies in the future: a pinned notice dated 2062 must not keep a column fresh."""
    if not date:
        return None
    day = dt.date.fromisoformat(date)
    return day if day <= today + FUTURE_SLACK else None


OFFSITE_REASON = (
    "栏目中的 {n} 条信息未写发布日期，且都链接到站外（{hosts}），未读取其日期，无法判断是否更新：可在配置 [site] "
    "extra_hosts 中加入这些主机"
)


def _offsite_hosts(config: Config, view: ColumnView) -> list[str]:
    """The hosts of a column's entries when every one is on a host the crawler may not fetch (WeChat articles on
    mp.weixin.qq.com): their pages, and so their dates, were not read. Empty where any is in scope."""
    allowed, domains = config.hosts, config.domains  # (properties built from the config: once, not per entry)
    hosts = [host_of(e.url) for e in view.entries if not in_scope(e.url, allowed, domains)]
    return sorted(set(hosts)) if view.entries and len(hosts) == len(view.entries) else []


UNREAD_REASON = (
    "栏目中的 {n} 条信息列表未写发布日期，其页面均未能读取（达到抓取上限、超时、robots.txt 禁止抓取或无法访问），"
    "无法判断是否更新"
)


def _undated_unknown(config: Config, view: ColumnView) -> str:
    """Why a column whose entries show no date is not known stale (its entries' pages, where their dates would be,
    were never read: out of the crawler's scope, or not fetched), or "" where one was read and showed none."""
    if offsite := _offsite_hosts(config, view):
        return OFFSITE_REASON.format(n=len(view.entries), hosts="、".join(offsite[:3]))
    if view.entries and not view.read and not any(e.date for e in view.entries):
        return UNREAD_REASON.format(n=len(view.entries))
    return ""


def _freshness(
    col: ColumnConfig, latest: dt.date | None, undated: int, max_age: int | None, today: dt.date, unknown: str = ""
):
    """(status, reason, findings) of a column that lists entries, by its newest date; ``unknown``: why a column
    with no date is not known stale (see _undated_unknown)."""
    if not max_age:
        return "ok", "", []
    if latest is None and unknown:
        return "unknown", unknown, []
    if latest is None:
        reason = f"栏目中的 {undated} 条信息均无可信的发布日期（无日期或日期晚于今天，视为未更新）"
        return "stale", reason, [("stale", "high", f"栏目「{col.name}」{reason}")]
    age = (today - latest).days
    if age > max_age:
        reason = f"最新信息发布于 {latest.isoformat()}，已超过 {max_age} 天"
        return "stale", reason, [("stale", "high" if age > 2 * max_age else "medium", reason)]
    return "ok", "", []


def _missing_editions(view: ColumnView, items: list[Item], today: dt.date) -> list[Item]:
    """The dated annual items of the column whose current edition it does not list."""
    lacking = []
    for item in items:
        if item.cadence != "annual_by":
            continue
        relevant = [e for e in view.entries if len(view.config.items) == 1 or _mentions(item, e.title)]
        dates = [(e, dt.date.fromisoformat(e.date) if e.date else None) for e in relevant]
        if not any(edition_matches(item, e.title, d, today) for e, d in dates):
            lacking.append(item)
    return lacking


def _failed_in_passing(link: Link) -> bool:
    """Whether a failed link failed for the server's or the network's sake (5xx, 429, a timeout, a refused
    connection), which a busy server's bad minute also does: not its page gone (404, an error page)."""
    return not link.soft_404 and (link.status is None or link.status >= 500 or link.status == 429)


def _broken(link: Link) -> bool:
    """Whether a link is broken: failed for good, or for the server's or the network's sake twice in a row."""
    return not link.ok and (link.failures >= 2 or not _failed_in_passing(link))


def _failing_once(view: ColumnView) -> str:
    """What a column's reason says of its links failing this run for the server's or the network's sake, not yet
    broken (they are looked at again next run), or ""."""
    once = sum(1 for link in (*view.links.values(), *view.attachments) if not link.ok and not _broken(link))
    return f"{once} 个链接本次暂时无法访问（服务器错误或超时），下次运行复查" if once else ""


def _unchecked(view: ColumnView) -> str:
    """What a column's reason says of its attachments the personal-data scan could not read (a scanned list, an
    encrypted file, one cut at max_body_mb), or ""."""
    unread = [a for a in view.attachments if a.unread]
    if not unread:
        return ""
    first = unread[0]
    return f"{len(unread)} 个附件未能检查个人信息（如「{_short(first.title or first.url)}」：{first.unread}）"


def _failure(link: Link) -> str:
    """What a broken link's finding says went wrong."""
    return link.error + (f"（连续 {link.failures} 次检查失败）" if _failed_in_passing(link) else "")


def _link_findings(config: Config, view: ColumnView, today: dt.date) -> list[tuple]:
    """Broken entry links and attachments, and personal data exposed (url, kind, severity, detail)."""
    found = []
    for entry in view.entries:
        link = view.links.get(entry.url)
        if link is not None and _broken(link):
            found.append((entry.url, "broken", "medium", f"「{_short(entry.title)}」链接失效：{_failure(link)}"))
    if config.privacy.enabled:
        entry_dates = {e.url: e.date for e in view.entries}
        for link in [*view.links.values(), *view.attachments]:
            if link.privacy:
                date = link.date or entry_dates.get(link.url) or entry_dates.get(link.referer or "")
                severity, detail = _privacy_finding(link, date, today, config.privacy.publicity_days)
                found.append((link.url, "privacy", severity, detail))
    for att in view.attachments:
        if _broken(att):
            detail = f"附件「{_short(att.title or att.url)}」链接失效：{_failure(att)}（所在页面 {att.referer}）"
            found.append((att.url, "broken", "medium", detail))
    return found


FILE_DATE_NOTE = "（该日期取自文件在服务器上的修改时间，列表未写日期）"


def _dated_by_file(view: ColumnView, latest: dt.date | None) -> bool:
    """Whether the column's newest date is a file's Last-Modified (an undated list of uploaded files)."""
    day = latest.isoformat() if latest else None
    return day is not None and any(e.date == day and e.date_source == FILE_DATE for e in view.entries)


def judge_column(
    config: Config, checklist: Checklist, view: ColumnView, applicable: set[int], today: dt.date, failed: bool
) -> _ColumnJudgement:
    """One configured column: its status, reason and findings, and the annual editions it lacks."""
    col, check = view.config, view.check
    col_items = [i for i in col.items if i in applicable]
    first_item = col_items[0] if col_items else col.items[0]
    dept = col.department or config.item_department(first_item)
    dated = [d for d in (_plausible(e.date, today) for e in view.entries) if d]
    latest = max(dated) if dated else None
    undated = len(view.entries) - len(dated)  # with those dated later than today: a wrong date proves no update
    max_age = max_age_for(config, checklist, col)
    status, reason, found = _column_state(col, check, failed)
    drafts = [FindingDraft(kind, first_item, col.url, sev, detail, dept) for kind, sev, detail in found]
    lacking: list[Item] = []
    if status == "ok" and check is not None and list_state(check) != ColumnState.STATEMENT:
        unknown = _undated_unknown(config, view) if latest is None else ""
        status, reason, found = _freshness(col, latest, undated, max_age, today, unknown)
        if reason and _dated_by_file(view, latest):  # say the day is a file's on its server, not a stated one
            reason, found = f"{reason}{FILE_DATE_NOTE}", [(k, sev, f"{d}{FILE_DATE_NOTE}") for k, sev, d in found]
        drafts += [FindingDraft(kind, first_item, col.url, sev, detail, dept) for kind, sev, detail in found]
        # read in part (an unfollowable pager…), a single-page column, links failing once: say so
        unchecked = _unchecked(view) if config.privacy.enabled else ""
        reason = "；".join(r for r in (reason, check.reason, _failing_once(view), unchecked) if r)
        lacking = _missing_editions(view, [checklist.get(i) for i in col_items], today)
        if lacking and status == "ok":
            status, reason = "overdue", overdue_reason(lacking[0], today)
        drafts += [
            FindingDraft(k, first_item, url, sev, d, dept) for url, k, sev, d in _link_findings(config, view, today)
        ]
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
    return _ColumnJudgement(result, tuple(drafts) if col_items else (), tuple(i.id for i in lacking), view)


def _has_broken_links(views: list[ColumnView]) -> bool:
    return any(_broken(link) for v in views for link in v.links.values()) or any(
        _broken(a) for v in views for a in v.attachments
    )


def judge_item(
    config: Config,
    item: Item,
    columns: list[_ColumnJudgement],
    inferred: _Inferred | None,
    today: dt.date,
) -> tuple[ItemResult, list[FindingDraft]]:
    """One applicable item of a run that answered, from its configured columns (or the entries evidencing it)."""
    dept = config.item_department(item.id)
    if not columns:
        if inferred is not None:
            result, finding = _judge_by_entries(config, item, inferred, today, dept)
            return result, [finding] if finding else []
        detail = f"清单第 {item.id} 项「{_short(item.title, 30)}」未公开：没有配置或发现对应栏目"
        return ItemResult(item, "missing", dept, None, (), "没有配置对应栏目"), [
            FindingDraft("missing", item.id, "", "high", detail, dept)
        ]
    results = [j.result for j in columns]
    urls = tuple(c.url for c in results)
    dates = [c.latest for c in results if c.latest]
    latest = max(dates) if dates else None
    # a column's "overdue" is judged for the item as a whole below: rank it as ok here
    worst, status = max(
        ((c, "ok" if c.status == "overdue" else c.status) for c in results), key=lambda cs: _RANK[cs[1]]
    )
    reason = worst.reason if status != "ok" else ""
    if status in ("ok", "stale", "unknown") and _has_broken_links([j.view for j in columns]):
        status, reason = "broken", "栏目中有失效链接"
    evidence = tuple(Evidence("column", c.name, c.url, c.latest) for c in results)
    findings: list[FindingDraft] = []
    if item.cadence == "annual_by":
        judged = [c for c in results if c.status in ("ok", "stale", "overdue")]
        lacking = [j.result.url for j in columns if item.id in j.overdue]
        if lacking and inferred is not None and inferred.edition is not None:
            evidence += (inferred.edition,)  # the current edition stands in another column: not overdue
        elif status in ("ok", "stale") and judged and len(lacking) == len(judged):
            status, reason = "overdue", overdue_reason(item, today)
            findings.append(FindingDraft("overdue", item.id, lacking[0], "high", reason, dept))
    return ItemResult(item, status, dept, latest, urls, reason, evidence), findings


def evaluate(
    config: Config,
    checklist: Checklist,
    run_status: str,
    views: list[ColumnView],
    today: dt.date,
    links_checked: bool = True,
) -> Evaluation:
    """Judge every configured column, then every checklist item, from what one run saw."""
    applicable = {i.id for i in checklist if config.applicable(i)}
    failed = run_status in RunStatus.unjudged()
    columns = [judge_column(config, checklist, view, applicable, today, failed) for view in views]
    findings = [f for j in columns for f in j.findings]
    inferred = _inferred_entries(config, checklist, views, today) if config.checklist.infer and not failed else {}
    items: list[ItemResult] = []
    for item in checklist:
        mine = [j for j in columns if item.id in j.view.config.items]
        if item.id not in applicable:
            why = "配置为不适用" if item.id in config.checklist.not_applicable else f"{config.site.level}院校不适用"
            items.append(_unjudged(config, item, mine, "not_applicable", why))
        elif failed:
            items.append(_unjudged(config, item, mine, "unknown", "站点无法访问"))
        else:
            result, found = judge_item(config, item, mine, inferred.get(item.id), today)
            items.append(result)
            findings += found
    if failed:  # (the reason the columns were given: 请求超时, 无法连接（tls）…)
        why = next((v.check.error for v in views if v.check is not None and v.check.error), "")
        said = f"站点无法访问（{why}），本次未能检查任何栏目" if why else "站点无法访问，本次未能检查任何栏目"
        findings = [FindingDraft("unreachable", None, config.site.base_url, "high", said, "")]
    # a column whose list could not be fetched (5xx, 429, network) was not seen: nothing about it is evidence
    unseen = [v for v in views if v.check is not None and failed_fetch(v.check)]
    return Evaluation(
        run_status,
        tuple(items),
        tuple(j.result for j in columns),
        tuple(findings),
        links_checked,
        frozenset(v.config.url for v in unseen),
        frozenset(i for v in unseen for i in v.config.items),
    )


def _unjudged(config: Config, item: Item, columns: list[_ColumnJudgement], status: str, why: str) -> ItemResult:
    dates = [j.result.latest for j in columns if j.result.latest]
    urls = tuple(j.result.url for j in columns)
    return ItemResult(item, status, config.item_department(item.id), max(dates) if dates else None, urls, why)


def list_state(check: ColumnCheck) -> str:
    """What a column's list is, judged from what the crawler saw: a read list is ok when it has entries, else a
    soft 404, a script-loaded list, a statement (本校无…) or blank. Fetch outcomes (http_error, unreachable,
    robots…) and rows stored before the crawler recorded facts are taken as they are."""
    if check.status != ColumnState.READ:
        return check.status
    facts = set(check.facts.split(","))
    if "soft404" in facts:
        return ColumnState.SOFT404
    if check.entries:
        return ColumnState.OK
    if "script" in facts:
        return ColumnState.SCRIPT
    return ColumnState.STATEMENT if "statement" in facts else ColumnState.BLANK


def failed_fetch(check) -> bool:
    """Did fetching the column's list fail for the server's or network's sake (not a 404: that is an answer)?"""
    status = check.http_status or 0
    state = list_state(check)
    return state in UNSEEN or (state == "http_error" and (status >= 500 or status == 429))
