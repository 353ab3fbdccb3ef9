"""The annual report (信息公开工作年度报告) as the provincial review reads it. Pure: text in, a verdict out.

Judged: published by 31 October of the 学年's second year; for the right 学年; the statistics period stated; the
seven required parts present (matched by meaning, numbering tolerant of wording: "二、2023-2024学年学校信息公开
情况" is part 二); the checklist explained item by item; the numbers stated (total and per category) and whether
they add up, compared with the monitor's own counts where a category is a configured column.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from monitor.dates import find_dates, normalise, years_as_digits

NUMERALS = "一二三四五六七"
# the seven parts (notices of 2013 and 2018, rules.md §1) and the words that say a heading is that part
PARTS = (
    ("一", "概述", r"概述|概况|总体情况|基本情况"),
    ("二", "主动公开情况", r"主动公开"),
    ("三", "依申请公开和不予公开情况", r"依申请|不予公开"),
    ("四", "对信息公开的评议情况", r"评议"),
    ("五", "因信息公开工作受到举报、复议、诉讼的情况", r"举报|复议|诉讼"),
    ("六", "存在的主要问题及改进措施", r"问题|改进"),
    ("七", "其他需要报告的事项", r"其他|其它"),
)
_HEADING_RE = re.compile(r"^\s*(?:[（(]\s*)?([一二三四五六七八九十])\s*(?:[、.．]|[)）])\s*(.{0,60})$")
_PERIOD_RE = re.compile(
    r"统计(?:期限|期间|时段|时间)\D{0,6}?((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?\s*(?:至|到|—|-|－|~)\s*"
    r"((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?"
)
_TOTAL_RE = re.compile(r"(?:新增|共|累计)?(?:了)?\s*(\d+)\s*条主动公开信息|主动公开(?:各类)?信息\s*(\d+)\s*条")
_CATEGORY_RE = re.compile(r"([\u4e00-\u9fffA-Za-z]{2,10}?)\s*(\d+)\s*条")
_YEAR_RE = re.compile(r"((?:19|20)\d\d)\s*[-—–－~至]\s*((?:19|20)\d\d)\s*学年")


@dataclass(frozen=True)
class Year:
    """A 学年: 1 Sep of ``first`` to 31 Aug of ``first + 1``; its report is due on 31 Oct of ``first + 1``."""

    first: int

    @classmethod
    def parse(cls, text: str) -> Year:
        m = re.fullmatch(r"((?:19|20)\d\d)\s*[-—–]\s*((?:19|20)\d\d)", text.strip())
        if not m or int(m.group(2)) != int(m.group(1)) + 1:
            raise ValueError(f"{text!r} is not a 学年 such as 2025-2026")
        return cls(int(m.group(1)))

    @classmethod
    def last_complete(cls, today: dt.date) -> Year:
        return cls(today.year - 1 if today >= dt.date(today.year, 9, 1) else today.year - 2)

    @property
    def label(self) -> str:
        return f"{self.first}-{self.first + 1}"

    @property
    def start(self) -> dt.date:
        return dt.date(self.first, 9, 1)

    @property
    def end(self) -> dt.date:
        return dt.date(self.first + 1, 8, 31)

    @property
    def deadline(self) -> dt.date:
        return dt.date(self.first + 1, 10, 31)


def parts(text: str) -> list[dict]:
    """The seven parts, each found or not: a heading that names the part, or one numbered as it whose words
    name no other part."""
    found: dict[str, str] = {}
    for line in text.splitlines():
        m = _HEADING_RE.match(normalise(line))
        if not m:
            continue
        number, words = m.group(1), m.group(2).strip()
        by_meaning = [n for n, _t, pattern in PARTS if re.search(pattern, words)]
        if by_meaning:
            found.setdefault(by_meaning[0], words)
        elif number in NUMERALS:
            found.setdefault(number, words)
    return [{"number": n, "title": found.get(n, title), "found": n in found} for n, title, _p in PARTS]


def period(text: str) -> dict | None:
    m = _PERIOD_RE.search(normalise(text))
    if not m:
        return None
    g = [int(x) for x in m.groups()]
    try:
        return {"from": dt.date(g[0], g[1], g[2]).isoformat(), "to": dt.date(g[3], g[4], g[5]).isoformat()}
    except ValueError:
        return None


def numbers(text: str) -> dict:
    """The stated total of new proactively disclosed entries, the per-category counts after it, and their sum."""
    flat = "".join(normalise(text).split())  # a PDF breaks lines anywhere, even inside a number
    m = _TOTAL_RE.search(flat)
    if not m:
        return {"total": None, "categories": [], "sum_ok": None}
    total = int(m.group(1) or m.group(2))
    sentence = re.split(r"[。；;]", flat[m.end() :], maxsplit=1)[0]
    cats = [{"name": c.removeprefix("其中"), "count": int(n)} for c, n in _CATEGORY_RE.findall(sentence)]
    return {"total": total, "categories": cats, "sum_ok": (sum(c["count"] for c in cats) == total) if cats else None}


def stated_year(text: str) -> str | None:
    m = _YEAR_RE.search(years_as_digits(text[:400]))  # (二〇二三—二〇二四学年, 2023-24学年 as well)
    return f"{m.group(1)}-{m.group(2)}" if m else None


def signed_date(text: str) -> dt.date | None:
    """The date the report is signed with (its last dated line)."""
    for line in reversed([ln for ln in text.splitlines() if ln.strip()][-8:]):
        dates = find_dates(line)
        if dates and len(line.strip()) <= 40:
            return dates[-1]
    return None


def mentioned(text: str, items) -> tuple[list[int], list[int]]:
    """Applicable items the report names (short name, or the first words of the official title), and the rest."""
    flat = "".join(text.split())
    said = [i.id for i in items if i.short in flat or i.title[:8] in flat]
    return said, [i.id for i in items if i.id not in said]


def judge(text: str, year: Year, published: dt.date | None, items, own: dict[str, int] | None = None) -> dict:
    """The verdict on one report (``monitor annual check --format json``, a contract: extend, never rename)."""
    found_parts = parts(text)
    stated = period(text)
    counted = numbers(text)
    said, unsaid = mentioned(text, items)
    problems = []
    on_time = None if published is None else published <= year.deadline
    if published is None:
        problems.append({"kind": "undated", "reason": "未找到报告的发布日期"})
    elif not on_time:
        problems.append({"kind": "late", "reason": f"发布于 {published}，晚于 {year.deadline} 的期限"})
    written = stated_year(text)
    if written not in (None, year.label):
        problems.append({"kind": "wrong_year", "reason": f"报告写的是 {written} 学年，应为 {year.label} 学年"})
    if stated is None:
        problems.append({"kind": "no_period", "reason": "未写明统计期限（应为 9 月 1 日至次年 8 月 31 日）"})
    elif stated != {"from": year.start.isoformat(), "to": year.end.isoformat()}:
        problems.append(
            {
                "kind": "period",
                "reason": f"统计期限为 {stated['from']} 至 {stated['to']}，应为 {year.start} 至 {year.end}",
            }
        )
    for part in found_parts:
        if not part["found"]:
            problems.append(
                {
                    "kind": "missing_part",
                    "part": part["number"],
                    "reason": f"缺少第{part['number']}部分“{part['title']}”",
                }
            )
    if len(said) < 0.9 * (len(said) + len(unsaid)):
        problems.append(
            {"kind": "no_item_table", "reason": f"未逐项说明清单事项：{len(unsaid)} 个适用事项在报告中没有提到"}
        )
    if counted["sum_ok"] is False:
        total = sum(c["count"] for c in counted["categories"])
        problems.append({"kind": "sum", "reason": f"分类条数合计 {total}，与总数 {counted['total']} 不符"})
    differences = []
    for c in counted["categories"]:
        if own and c["name"] in own and own[c["name"]] != c["count"]:
            differences.append({"name": c["name"], "stated": c["count"], "monitor": own[c["name"]]})
    counted["differences"] = differences
    return {
        "year": year.label,
        "published": published.isoformat() if published else None,
        "on_time": on_time,
        "period": stated,
        "parts": found_parts,
        "items_mentioned": said,
        "items_not_mentioned": unsaid,
        "numbers": counted,
        "problems": problems,
    }
