"""Read the list pages of the CMSs Chinese colleges run on: entries, pagers, blank/statement/script verdicts. Pure.

List pages are read CMS-agnostically, with the CMS conventions of rules.md §5 as hints: the entries
are the repeated records (``li``, ``tr``, ``div``…) of one container that carry links with titles and,
mostly, dates — or a list written without item elements (bare links), or dealt into sibling containers;
pagination comes from pager links (下一页/尾页/page numbers, in a pager element, image buttons, drop-downs),
TRS ``createPageHTML(…)`` scripts, VSB and WebPlus counts; frames and forwarding pages are read through.
"""

from __future__ import annotations

import collections
import copy
import datetime as dt
import functools
import html
import itertools
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from statistics import median
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from lxml import etree

from monitor import pagedates, pagerscripts, scriptdata, scriptsource
from monitor.dates import (
    FULL_RE,
    MAX_YEAR,
    MIN_YEAR,
    date_from_url,
    epoch_day,
    find_dates,
    http_date,
    normalise,
    parse_date,
    relative_date,
    year_from_url,
)
from monitor.htmlpage import (
    _GONE_CHARS,
    _HAN_RE,
    _HEAD_SPLIT_RE,
    _HEADING_TAGS,
    _HIDING_STYLE_RE,
    _SITE_NAME_RE,
    _TITLE_SEPARATORS,
    SIGN_IN_REASON,
    _anchor_heading,
    _anchor_title,
    _base_url,
    _has_address,
    _header,
    _holding,
    _is_soft_404,
    _link,
    _nav_like,
    _page_title,
    _script_link,
    _shown_text,
    _sign_in_page,
    _spaced_text,
    _strip_scripts,
    _text,
    _tree,
    alerted,
    decode_html,
    says_gone,
)
from monitor.sanitize import strip_controls
from monitor.urls import (
    as_browser_sends,
    is_attachment_url,
    looks_like_article,
    normalise_url,
    script_row_url,
    sent_as_written,
)

__all__ = [
    "DRAWN_REASON",
    "EMPTY_REASON",
    "NO_OWN_LIST_REASON",
    "SCRIPT_DATA_REASON",
    "Entry",
    "ListPage",
    "parse_list",
]

EMPTY_REASON = "栏目中没有任何条目"  # the blank verdict no marker on the page states: nothing was read
# entries read only in a site widget's box (最新动态) apart from the heading naming the column: none is the column's
NO_OWN_LIST_REASON = "栏目自身没有列表"
SCRIPT_DATA_REASON = "列表数据写在页面脚本中"  # no entry read; the page's scripts carry dated data or records
DRAWN_REASON = "列表由页面脚本中的数据绘制，条目从数据读出"  # the entries read from that data (scriptdata)
LOADER_REASON = "列表由脚本加载"  # no entry in the page, a script loads them from elsewhere
# a page that only shows or forwards to its list (_forwarding): the list is read from where it points
FRAME_REASON = "列表在内嵌框架（iframe）中"
WRITTEN_REASON = "列表由栏目页面中的外部脚本写出"
MOVED_REASON = "页面自动跳转到"
FORWARD_REASONS = (FRAME_REASON, WRITTEN_REASON, MOVED_REASON)

_BLANK_RE = re.compile(
    r"暂无(?:内容|信息|数据|相关信息|相关内容|记录|文章|新闻|公告|资料|文件)|本栏目暂无|暂时没有(?:内容|信息|数据|记录)|"
    r"暂未(?:发布|公开|上传)|没有(?:找到)?相关(?:内容|信息|文章|记录)|没有(?:记录|数据)|"
    r"(?:内容|信息|栏目)?正在(?:建设|整理|完善|更新)中|栏目建设中|敬请期待|(?:内容|信息)待(?:发布|更新|完善|补充|上传)"
)
_MAINTENANCE_RE = re.compile(
    r"(?:网站|系统|服务器|页面)?(?:正在|临时|暂停)?(?:维护|升级)(?:中|期间)|系统维护|网站维护|停机维护|暂停访问|暂停服务|"
    r"under\s+maintenance|maintenance\s+mode",
    re.I,
)
# what a college's server answers, often with HTTP 200, when it cannot show the column: a server, Tomcat, ASP.NET
# or database error page, a firewall's or rate limiter's refusal, the site closed. Read in the page's title or where
# its text opens (_ERROR_PAGE_CHARS: an error page opens with it; a column's page with its menus, and its text may
# say 如遇系统异常 further on)
_ERROR_PAGE_RE = re.compile(
    r"internal\s+server\s+error|bad\s+gateway|service\s+(?:temporarily\s+)?unavailable|gateway\s+time-?out|"
    r"HTTP\s+(?:Status|Error)\s+5\d\d|whitelabel\s+error\s+page|java\.lang\.\w+(?:Exception|Error)|"
    r"(?:服务器|应用程序中的服务器|系统|程序|数据库)(?:内部)?(?:错误|异常|繁忙)|运行时错误|数据库连接(?:失败|出错|错误)|"
    r"访问(?:已?被)?(?:拦截|阻断|拒绝|禁止)|禁止访问|拒绝访问|access\s+denied|403\s+forbidden|网站防火墙|"
    r"(?:访问|请求)(?:过于|太)频繁|too\s+many\s+requests|IP\s*(?:地址)?(?:不在|已被|被)|网站(?:暂时|已)关闭|"
    # a script's or its database's failure written where the page should be: PHP, ASP (ADO, ODBC, JET), MySQL
    r"\b(?:Fatal|Parse)\s+error:|\bWarning:\s+\w+\(\)|\bmysqli?_\w+\(\)|too\s+many\s+connections|SQLSTATE\[|"
    r"OLE\s+DB\s+Provider|ODBC\s+(?:\w+\s+){0,3}Driver|JET\s+Database\s+Engine|错误\s*'800[0-9a-f]{5}'",
    re.I,
)
_ERROR_PAGE_CHARS = 40  # where a page's text opens
_IF_IT_HAPPENS_RE = re.compile(r"如遇|如果|若|如有|出现|遇到")  # 如遇系统异常，请联系…: what to do, not an error
_MAINTENANCE_CHARS = 600  # a maintenance notice is a short page, not a column that mentions 维护
# what the college states of itself (本校无此项, 此项不适用): the item is satisfied, whatever else the page shows (a
# bare 不适用 is no such statement: a footer's 本站不适用于IE6浏览器)
_OWN_STATEMENT_RE = re.compile(
    r"(?:本校|我校|学校)(?:本年度|今年|目前)?(?:无(?:此项|校办企业|[\u4e00-\u9fff]{1,12}(?:情况|信息|事项))"
    r"|未(?:发生|设立|设置|开展|涉及)|不涉及)"
    # 本年度无此类信息, 本年度学校未发生此类事项: what the annual reports write of an item that did not arise
    r"|本年度(?:本校|我校|学校)?(?:无|未发生)(?:此类|此项|该类|该项|相关|[\u4e00-\u9fff]{1,8}?)(?:情况|信息|事项|内容)"
    r"|(?:本项|此项|该项|本栏目)(?:内容)?不适用|不适用于(?:本校|我校)|(?:本校|我校)不适用"
    r"|不涉及(?:此项|该项|此类|相关)"
)
_STATEMENT_RE = re.compile(rf"{_OWN_STATEMENT_RE.pattern}|不适用|(?<!暂)无相关信息")
_NOT_ENTRIES = r"(?!\s*(?:评论|留言|回复|点评))"  # 共3条评论: a comment box's count, not the list's
_ZERO_TOTAL_RE = re.compile(rf"共\s*0\s*条{_NOT_ENTRIES}")
# what a page says of itself (暂无数据, 本校无此项, 共0条): looked for again in what it shows (a template's are not)
_SAID_RE = re.compile(f"{_BLANK_RE.pattern}|{_STATEMENT_RE.pattern}|{_ZERO_TOTAL_RE.pattern}")
_TOTAL_RE = re.compile(rf"共有?\s*(?:\d+\s*页\s*)?(\d+)\s*条{_NOT_ENTRIES}")  # 共125条, 共有125条记录, 共7页125条
# 动易's 共 125 篇文章 beside its pager (首页 上一页…页次); a site's statistics (本站共有 3256 篇文章) have no pager near
_ARTICLES_TOTAL_RE = re.compile(r"共有?\s*(\d+)\s*篇(?=.{0,60}(?:首页|上一页|下一页|尾页|页次))")
# a pager's count under a label (JSP and ASP.NET pagers: 总记录数：125 每页20条, 记录总数：125, 合计125条),
# its label opening a phrase (not 在校生总数：12000, a site's 访问总数) and read beside the pager's words only
_LABELLED_TOTAL_RE = re.compile(
    r"(?<![\u4e00-\u9fff])(?:(?:记录|信息|文章|条目)?总(?:记录|条)?数|总计|合计)\s*[:：]?\s*(\d+)"
)
# PHPCMS's pages(): the count alone, in an element of its own, opens the pager (125条 上一页 1 2 …)
_COUNT_ONLY_RE = re.compile(r"(\d+)\s*条")
_PAGER_START_RE = re.compile(r"\s*(?:上一页|首页|上页)")
_LEADING_HINT_RE = re.compile(r"\d\s*条\s*(?:上一页|首页|上页)")
_COUNT_LEAVES = etree.XPath(".//*[not(*)][contains(text(), '条')]")
_EMPIRE_TOTAL = etree.XPath(".//a[@title='Total record']/b/text()")  # 帝国CMS's pager: <a title="Total record"><b>125
# 共7页; 共125条记录 分7页 (the page count after the entry count, in many a hand-written pager)
_PAGES_RE = re.compile(
    r"(?:共|(?:条|记录|篇|信息|数据|\d)\s*分)\s*(\d+)\s*页|(?<![\d/])(\d{1,4})\s*/\s*(\d{1,4})(\s*页)?(?![\d/])"
)
# a bare 1/5 is a pager's only beside its words (页次：1/5, 1/5 首页 上一页…, 共7条 1/1): an index number 001/2024-00012 or a
# 2023/2024学年 in a title is not
_PAGER_WORDS_RE = re.compile(r"页次|页码|首页|上一?页|下一?页|尾页|末页|[Pp]age|\d\s*条")
_SCRIPT_LOADER_RE = re.compile(
    r"dataproxy\.jsp|\$\.ajax|\$\.get(?:JSON)?\s*\(|\$\.post\s*\(|\bfetch\s*\(|XMLHttpRequest|axios\.|\.load\s*\(\s*[\"']"
    r"|\.render\s*\(\s*\{[^}]*?\burl\s*:"  # layui table.render({url: …}): the rows come from that address
    r"|new\s+Vue\s*\(|\bcreateApp\s*\(|ReactDOM\.",  # a page drawn by Vue or React
)
# the address an ajax call asks (url: '…', or its first argument), to tell a counter's (scriptsource.COUNTER_URL_RE)
_CALL_URL_RE = re.compile(r"""\s*\(?\s*["']([^"']+)["']|[^;]{0,300}?\burl\s*:\s*["']([^"']+)["']""", re.S)


_MOST_COUNTER_CALLS = 20  # a page's hit counters and statistics make a few calls; more are an application's


def _loads_list(scripts: str) -> bool:
    """Whether the page's scripts load a list (an ajax call, dataproxy.jsp, a Vue or React app), not only ask a hit
    counter or a statistics address: a blank column of a page counting its visits by $.ajax read "列表由脚本加载"."""
    calls = _SCRIPT_LOADER_RE.finditer(scripts)
    for m in itertools.islice(calls, _MOST_COUNTER_CALLS):
        asked = _CALL_URL_RE.match(scripts, m.end() - (scripts[m.end() - 1] in "\"'"))  # (.load(' ends quoted)
        if not (asked and scriptsource.COUNTER_URL_RE.search(asked.group(1) or asked.group(2))):
            return True
    return next(calls, None) is not None  # more calls than a page's counters make: an application's


_MOST_STATEMENTS = 10  # statements looked at on a page (each against the titles of the entries read beside it)
_SHELL_CHARS = 20  # a page showing fewer characters than this, no link, and scripts to load, is drawn by them


@dataclass(frozen=True)
class Entry:
    title: str
    url: str
    date: dt.date | None


@dataclass(frozen=True)
class ListPage:
    entries: tuple[Entry, ...] = ()
    next_pages: tuple[str, ...] = ()
    total: int | None = None  # the entry count the pager states (共25条), if any
    page_count: int | None = None  # the page count the pager states, if any
    unfollowable: str = ""  # a pager that cannot be followed (ASP.NET postback, AJAX): why, in Chinese
    blank: bool = False  # reachable but empty (no entries, 暂无…, 共0条)
    reason: str = ""  # why blank / unknown / soft 404, in Chinese
    statement: str = ""  # a valid "does not apply" statement (本校无校办企业…): the item is satisfied
    script_loaded: bool = False  # no entries in the static HTML, a loader script fills the list
    soft_404: bool = False
    title: str = ""
    encoding: str = ""
    # where the page's script asks its list from elsewhere (scriptsource): its address templates (absolute) and its
    # own address, which the answer's records are linked by
    templates: tuple[tuple[tuple[str, bool], ...], ...] = ()
    base: str = ""

    def to_dict(self) -> dict:
        """What the store keeps of a parsed list page (to skip parsing an unchanged page next run)."""
        return {
            "entries": [[e.title, e.url, e.date.isoformat() if e.date else None] for e in self.entries],
            "next_pages": list(self.next_pages),
            "total": self.total,
            "page_count": self.page_count,
            "unfollowable": self.unfollowable,
            "blank": self.blank,
            "reason": self.reason,
            "statement": self.statement,
            "script_loaded": self.script_loaded,
            "soft_404": self.soft_404,
            "templates": [[list(part) for part in t] for t in self.templates],
            "base": self.base,
        }

    @classmethod
    def from_dict(cls, d: dict) -> ListPage:
        entries = tuple(Entry(t, u, dt.date.fromisoformat(x) if x else None) for t, u, x in d["entries"])
        return cls(
            entries,
            tuple(d["next_pages"]),
            d["total"],
            d["page_count"],
            d.get("unfollowable", ""),  # absent from pages stored before it existed
            blank=d["blank"],
            reason=d["reason"],
            statement=d["statement"],
            script_loaded=d["script_loaded"],
            soft_404=d["soft_404"],
            templates=tuple(tuple((text, field) for text, field in t) for t in d.get("templates", ())),
            base=d.get("base", ""),
        )


_RECORD_TAGS = {
    "li",
    "tr",
    "div",
    "dd",
    "dt",
    "dl",
    "p",
    "article",
    "section",
    "span",
    "td",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
}

_PAGER_CLASS_RE = re.compile(r"pag|fenye|pb_sys|p_pages|p_no|turn|pnav|page_?nav", re.I)
_PAGER_WORDS = {
    "下一页",
    "下页",
    "后页",
    "下一頁",
    "next",
    ">",
    "»",
    ">>",
    "尾页",
    "末页",
    "最后一页",
    "最后页",
    "last",
    "›",
    "next page",
    "older posts",
    "newer posts",
    "older entries",
    "newer entries",
    # a blog theme's steps (WordPress in Chinese: 较早的文章; « Previous, Previous Entries to older posts)
    "较早的文章",
    "较新的文章",
    "更早的文章",
    "更新的文章",
    "previous",
    "previous page",
    "previous entries",
    "prev",
    # a link to the next page that a script would append instead (加载更多 → /page/2/)
    "加载更多",
    "点击加载更多",
}
_PAGER_BRACKETS = "[]【】<>«»‹›()（） →←"  # around a pager word: [下一页], <<上一页, Newer posts →
_PAGER_TEXT_RE = re.compile(r"下一?页|尾页|末页|首页|上一?页")
_MORE_WORDS = re.compile(r"^(?:更多|more|更多>>|详细|查看更多|\.\.\.|>>|more>>|\[?更多\]?)$", re.I)


def _is_pager_word(text: str) -> bool:
    """下一页, [尾页], next >…: a pager's link, never an entry."""
    bare = text.strip().lower().strip(_PAGER_BRACKETS)
    return bare in _PAGER_WORDS or _PAGER_TEXT_RE.fullmatch(bare) is not None


_BACK_RE = re.compile(r"^(?:返回|back)\s*(?:首页|顶部|列表|上一?页|上级|目录|top|to top)?$", re.I)


def _no_words(title: str) -> bool:
    """A link titled by an arrow alone (▶, ◀) or a way back (返回, 返回列表, back to top): no entry's title."""
    return not any(c.isalnum() for c in title) or _BACK_RE.match(title.strip(_PAGER_BRACKETS)) is not None


def _page_number(text: str) -> str:
    """The page number a pager's link shows (2, [2], 【2】, <2>), or ""."""
    bare = text.strip().strip(_PAGER_BRACKETS)
    return bare if bare.isdigit() else ""


@dataclass
class _Record:
    title: str
    url: str
    date: dt.date | None
    summary: bool = False  # the record says more than its title and date: a card's summary, a result's snippet


_SUMMARY_CHARS = 40  # a record's text beyond its title and date: a summary that may hold dates of its own


def _date_inside(a, hint: int | None) -> tuple[str, dt.date] | None:
    """The date written inside the link beside its title, with the link's text without it: an element whose whole
    text is a date (``<a><span>title</span><i>2026-09-23</i></a>``), or the text beside the link's longest
    element when that is a date in parts (``<a><span>23</span><span>2026-09</span><span>title</span></a>``)."""
    for el in a.iterdescendants():
        if isinstance(el.tag, str) and (date := pagedates.date_alone(_spaced_text(el), hint, weekday=True)):
            return _text_without(a, el), date
    children = [c for c in a if isinstance(c.tag, str)]
    own_text = (a.text or "") + "".join(c.tail or "" for c in a)  # the link's text outside its elements
    if len(children) >= 2 and not own_text.strip():
        main = max(children, key=lambda c: len(_text(c)))
        if date := pagedates.date_alone(" ".join(_spaced_text(c) for c in children if c is not main), hint):
            return _text(main), date
    return None


def _date_element(record, a, hint: int | None) -> dt.date | None:
    """The date in the column a table's header names as the publication's (截止日期 before 发布日期), else of the first
    element of ``record``, outside its title link ``a``, whose whole text is a date (so that a summary's dates do not
    stand for the entry's own)."""
    return pagedates.column_date(record) or pagedates.date_block(record, set(a.iter()), hint)


def _card_line_date(record, a, rest: str, hint: int | None) -> dt.date | None:
    """A card's own date where its summary names dates too: the labelled one (发布时间：…), else the first in a short
    run of the card's text outside its title link (党委办公室 2024-05-20 阅读 12 次), not in the summary's long run."""
    if labelled := pagedates.labelled_date(rest)[0]:
        return labelled
    inside = set(a.iterdescendants())

    def own(e) -> tuple:  # an element's text and tail (a comment's text, the link's text: not the card's)
        return (e.text if isinstance(e.tag, str) and e is not a else "", e.tail)

    runs = (t for e in record.iter() if e not in inside for t in own(e))
    return next((d for t in runs if t and len(t.strip()) <= _SUMMARY_CHARS and (d := parse_date(t, hint))), None)


def _text_without(a, skip) -> str:
    """The link's text without the ``skip`` element's (its tail stays)."""
    parts: list[str] = []

    def walk(node) -> None:
        if node is not skip and isinstance(node.tag, str):
            parts.append(node.text or "")
            for child in node:
                walk(child)
        if node is not a:
            parts.append(node.tail or "")

    walk(a)
    return " ".join("".join(parts).split())


_ACTION_RE = re.compile(
    r"^[\[【]?(?:点击)?(?:查看|详情|查看详情|详细|详细信息|详细内容|阅读全文|查看全文|全文|查看原文|原文|浏览|下载"
    r"|view|details?|download)[\]】]?$",
    re.I,
)
_WORDS_RE = re.compile(r"[\u4e00-\u9fff]{2}|[A-Za-z]{3}")  # a title's words, not an index number (12340000-2026-001)


def _best_link(el, base: str):
    """(link, its title, its address) of a record: its link with the longest title, outside the lists it holds
    where it has one (an entry's title, not the name of an attachment listed under it); a row whose only link is an
    action (查看, 详情, 下载: a 信息公开目录 row's last cell) is titled by the row's own longest words."""
    links = list(el.iter("a"))
    own = [a for a in links if not _in_sub_list(a, el)]
    action = None
    best = _titled_link(own, base)[0] if 0 < len(own) < len(links) else None
    if best is None:
        best, action = _titled_link(links, base)
    if best is not None or action is None:
        return best
    a, url = action
    texts = ((e.text if e is not a else "", e.tail if e is not el else "") for e in el.iter() if isinstance(e.tag, str))
    words = [t for pair in texts for p in pair if p and (t := " ".join(p.split())) and _WORDS_RE.search(t)]
    title = max(words, key=len, default="")
    return (a, title, url) if len(title) >= 4 else None


def _titled_link(links: list, base: str) -> tuple:
    """(the link among ``links`` with the longest title: (link, title, address), or None; the first action link
    (查看, 下载): (link, address), or None)."""
    best = action = None
    for a in links:
        url = _link(base, a.get("href")) or _script_link(base, a)
        if not url:
            continue
        title = _anchor_title(a)
        if title and _ACTION_RE.match(title):
            action = action or (a, url)
            continue
        if not title or _MORE_WORDS.match(title) or _page_number(title) or _is_pager_word(title) or _no_words(title):
            continue
        if best is None or len(title) > len(best[1]):
            best = (a, title, url)
    return best, action


_SUB_LISTS = frozenset(("ul", "ol", "dl", "table"))


def _in_sub_list(a, record) -> bool:
    """Whether the link ``a`` sits in a list inside ``record`` (an entry's attachments: <ul><li><a>附件1…)."""
    for up in a.iterancestors():
        if up is record:
            return False
        if up.tag in _SUB_LISTS:
            return True
    return False


def _record_from(el, base: str, page_year: int | None) -> _Record | None:
    best = _best_link(el, base)
    # (a row holding the breadcrumb, 您现在的位置：首页 >> 信息公开, or 上一篇：…: its links are no entry)
    first = next((t for t in el.itertext() if t.strip()), "")
    if best is None or _CRUMB_RE.match(first) or _PREV_NEXT_RE.match(first):
        return None
    a, title, url = best
    hint = year_from_url(url) or page_year
    inside, summary = _date_inside(a, hint), False
    if inside is not None:
        # the date sits inside the link, beside the title: it belongs to this entry, not to the title
        rest, date = inside
        if (not a.get("title") or title == _text(a)) and _anchor_heading(a) is None:
            title = rest or title
    else:
        # the date stands in the record's text outside the title, or inside the anchor after it; where that text is
        # long (a summary with dates of its own), an element holding the date alone is the entry's date
        whole = _spaced_text(el)
        rest = whole.replace(title, " ", 1) if title in whole else whole.replace(_spaced_text(a), " ", 1)
        summary = _SUMMARY_CHARS < len(rest) <= 25 * _SUMMARY_CHARS  # longer: a layout block, not an entry
        several = not summary and len(find_dates(rest)) > 1  # 索引号 2026-09-01-001 before the date cell
        # several dates in a short row: the labelled one (截止日期：… 发布日期：…), else the column or element one
        labelled = pagedates.labelled_date(rest)[0] if several else None
        date = labelled or ((summary or several) and _date_element(el, a, hint))
        date = date or (summary and _card_line_date(el, a, rest, hint)) or parse_date(rest, hint)
        if date is None and (a.get("title") or "") and a.get("title") != title:
            date = parse_date(a.get("title"), hint)
        # a short row's date in parts only an element holds (<span>2024</span><span>03</span><span>28</span>)
        date = date or (not several and len(rest) <= _SUMMARY_CHARS and _date_element(el, a, hint))
    # a date column written into the link's text (标题 2026-04-28, [2026-04-28]标题) is the entry's date, not its
    # title; a date inside the title's sentence (关于2023年5月6日停电的通知), or opening it on a day other than the
    # entry's own date (2026年9月15日校长办公会议纪要, dated 09-16), stays in it
    for m in _EDGE_DATE_RE.finditer(title):
        stripped = (title[: m.start()] + " " + title[m.end() :]).strip()
        edge = parse_date(m.group(0), hint)
        if len(stripped) >= 2 and (date is None or edge in (None, date)):
            date = date or edge
            title = stripped
            break
    # no full date written beside it: the one a <time datetime> gives (09-23 shown), or its address carries
    # (DedeCMS /2016/0418/71.html, TRS t20241028_…)
    title = _TITLE_TAIL_RE.sub("", _TITLE_MARK_RE.sub("", " ".join(title.split()))) or title
    return _Record(title, url, date or _time_datetime(el) or date_from_url(url), summary)


def lone_entry(a, top, base: str) -> Entry | None:
    """The entry a link standing alone under the column's heading makes (a column of one entry: its one notice, its
    one report), titled and dated as a list's row is, by the block around it that links nowhere else (its card, its
    <p>, its <div>) up to ``top``, the block under the heading; a bare link by the words after it up to the next
    link. None where that block names no entry (a breadcrumb's row)."""
    own = _addresses(a, base)
    block = a
    while block is not top and (up := block.getparent()) is not None and _addresses(up, base) <= own:
        block = up
    rec = _record_from(block, base, None)
    if rec is None:
        return None
    date = (_date_after(a, base) if block is a else None) or rec.date  # (written beside it, before its address's)
    return Entry(rec.title, rec.url, date)


def _addresses(el, base: str) -> set:
    """Where ``el``'s links go, those with an address of their own (not a date's ``href="#"``)."""
    return {_link(base, a.get("href")) for a in el.iter("a") if _has_address(a)} - {None}


def _date_after(a, base: str) -> dt.date | None:
    """The date written after a bare link, up to the next link or heading: <a>标题</a> <span>2024-03-28</span>."""
    words = [a.tail or ""]
    for el in a.itersiblings():
        if el.tag in ("a", "h1", *_HEADINGS) or (isinstance(el.tag, str) and _addresses(el, base)):
            break
        words += [_text(el) if isinstance(el.tag, str) else "", el.tail or ""]
    said = " ".join(" ".join(words).split())
    return parse_date(said, year_from_url(_link(base, a.get("href")) or "")) if len(said) <= _SUMMARY_CHARS else None


_DATE_ATTRIBUTES = ("data-time", "data-date", "data-timestamp", "title")  # <span title="2026-09-10 10:00">3天前</span>


def _time_datetime(record) -> dt.date | None:
    """The date of the record's first ``<time datetime="2026-09-23">``, whatever the text shows (09-23), or of an
    element's date attribute that is a date alone (a ``title`` the shown text shortens to 3天前 or 09-23) or a
    Unix time (``data-time``)."""
    time = next(record.iter("time"), None)
    if time is not None and (day := parse_date(time.get("datetime") or "")):
        return day
    values = ((name, el.get(name)) for el in record.iter() if isinstance(el.tag, str) for name in _DATE_ATTRIBUTES)
    # a date alone, or in a data attribute (data-time="1789871400000") a Unix time a script shows as a date
    dates = (pagedates.date_alone(v.strip()) or (name[0] == "d" and epoch_day(v)) for name, v in values if v)
    return next((day for day in dates if day), None)


# a pin or a bullet a template writes into the link's text: 【置顶】标题, ■ 标题, · 标题
_TITLE_MARK_RE = re.compile(r"^(?:[【\[]\s*(?:置顶|顶|推荐|荐|热|新|new|NEW)\s*[】\]]|[■●◆◇□○·►▶•]+)\s*")
# and after it: 关于公布收费标准的通知 new (a <font> the template adds to recent entries), …的公示(图), [组图]
_TITLE_TAIL_RE = re.compile(
    r"\s*[【\[(（]\s*(?:图|组图|图文|视频|新|热|new|NEW|hot|HOT)\s*[】\])）]$"
    r"|(?<=[\u3000-\u9fff\uff00-\uffef])\s+(?:new|NEW|New|hot|HOT)$"  # (after Chinese: not What is new)
)
_DATE_IN_TITLE = r"[\[【(（]?\s*(?:19|20)\d\d\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?\s*[\]】)）]?"
_EDGE_DATE_RE = re.compile(rf"^\s*{_DATE_IN_TITLE}|{_DATE_IN_TITLE}\s*$")


_LIST_ITEM = {"li", "tr", "dd"}  # a list of one entry is still a list
_LIST_PARENT = {"ul", "ol", "table", "tbody", "dl"}


def _has_link(el) -> bool:
    return el.tag == "a" or next(el.iter("a"), None) is not None


def _hrefs(el) -> frozenset:
    """Where ``el``'s links go (its own href for a link): siblings linking to the same places are one entry's parts."""
    return frozenset((a.get("href") or "").strip() for a in el.iter("a"))


_RECORD_DEPTH = 12  # how far above its link an entry's record may sit (a blog post's card in page-builder rows)


def _groups(body, base: str, page_year: int | None):
    """Candidate lists: for each container, its repeated child records that carry a titled link.

    A record is the nearest ancestor of a link whose parent holds at least one more child of the same
    tag that also carries a link (``li`` in ``ul``, ``tr`` in ``table``, ``div`` in ``div``…), or a
    lone ``li``/``tr``/``dd`` of a list: a column with a single entry is not blank.
    """
    seen: dict[int, tuple] = {}
    done: set[int] = set()
    inline: dict[int, object] = {}  # containers of bare links: <a>title</a> (2012-3-4)<br><a>…
    counts: dict[tuple, int] = {}  # (parent, tag) -> its children of that tag with a link: counted once, not per link
    for a in body.iter("a"):
        if not a.get("href"):
            continue
        node = a
        for _ in range(_RECORD_DEPTH):
            parent = node.getparent()
            if parent is None or parent is body or id(parent) in done:
                break
            key = (parent, node.tag)  # the element itself, not its id: a freed proxy's id may be reused
            siblings = counts.get(key)
            if siblings is None:  # children linking to the same places are parts of one entry (its title, its image)
                siblings = counts[key] = len({_hrefs(c) for c in parent if c.tag == node.tag and _has_link(c)})
            if (node is a or _wrapped_link(node) is a) and siblings >= _INLINE_MIN:
                inline.setdefault(id(parent), parent)  # (a link alone in <b>, <strong>, <font>: as bare)
            if node.tag == "td" and siblings >= 2 and _fields_of_a_row(parent):
                node = parent  # the title's cell and its 发布机构's linked cell are one row's fields: the row is the record
                continue
            if node.tag in _RECORD_TAGS and (siblings >= 2 or (node.tag in _LIST_ITEM and parent.tag in _LIST_PARENT)):
                seen.setdefault(id(parent), (parent, node.tag))
                done.add(id(parent))
                break
            node = parent
    _lone_last_row(seen)
    for parent, tag in seen.values():
        records, year = [], _heading_year(parent) or page_year
        for child in parent:
            year = _year_row(child) or year  # a year's row among the entries: <tr><td colspan=2>2025年</td></tr>
            if child.tag != tag or (tag == "tr" and child.find("td") is None):
                continue  # a header row (<th> cells, their links sorting the table) is no entry
            rec = _record_from(child, base, year)
            if rec and rec.date is None and tag in _DATE_CELL_BESIDE:
                rec = _dated_by_next_cell(rec, child, year)
            elif rec and rec.date is None and tag in _INFO_LINED:
                rec = _dated_by_info_line(rec, child, year)
            if rec and not _the_page_itself(rec.url, base):  # a breadcrumb's 首页 > 通知公告 beside the entries
                records.append(rec)
        if records:
            yield parent, tag, records
    for key, parent in inline.items():
        records = [] if key in seen else _inline_records(parent, base, page_year)
        if records:
            yield parent, "a", records


_YEAR_HEADING_RE = re.compile(r"[【\[(（]?((?:19|20)\d\d)\s*(?:年度?)?[】\])）]?")


def _lone_last_row(seen: dict) -> None:
    """Add to ``seen`` (id -> (parent, record tag)) a grid's row of one linked cell after a row of its cells: the
    odd entry out of a grid of two or three a row (7 documents: the last row holds one)."""
    for parent, tag in list(seen.values()):
        after = parent.getnext() if tag == "td" and parent.tag == "tr" else None
        last = after is not None and after.tag == "tr" and id(after) not in seen and after.getnext() is None
        if last and sum(1 for cell in after if cell.tag == "td" and _has_link(cell)) == 1:
            seen[id(after)] = (after, "td")


def _year_row(child) -> int | None:
    """The year a row among a list's entries states, and nothing else (<li class="year">2025</li>, a table's
    <tr><td colspan="2">2025年</td></tr>): the entries after it are dated by month and day within it."""
    if not isinstance(child.tag, str) or len(child) > 2 or child.find(".//a") is not None:
        return None
    return _year_alone(child)


def _year_alone(el) -> int | None:
    """The year ``el`` holds and nothing else: 2025, 2025年, 【2025年度】."""
    m = _YEAR_HEADING_RE.fullmatch(_text(el))
    return int(m.group(1)) if m else None


def _heading_year(parent) -> int | None:
    """The year a heading right before a list gives its entries dated by month and day alone (<h3>2025年</h3>
    <ul><li>… 09-23</li>…): the list's or its wrapper's previous element, holding a year and nothing else."""
    for el in (parent, parent.getparent()):
        prev = el.getprevious() if el is not None else None
        while prev is not None and not isinstance(prev.tag, str):
            prev = prev.getprevious()  # (a comment between them)
        if prev is not None:
            return _year_alone(prev)
    return None


def _the_page_itself(url: str, base: str) -> bool:
    """Whether ``url`` is the column's page itself: its address, or its folder for a folder's own page
    (./ from /xxgk/tzgg/index.html)."""
    url, base = url.split("#", 1)[0], base.split("#", 1)[0]
    if url == base:
        return True
    folder, _, name = base.rpartition("/")
    return "?" not in base and url == folder + "/" and _FOLDER_PAGE_RE.match(name) is not None


_OWN_PAGE_RE = re.compile(r"(?:index|default)\.(?:s?html?|jsp|php|aspx?)", re.I)  # what a server sends for a folder


def _same_page(url: str, other: str) -> bool:
    """Whether two addresses are one page: the same, or a folder and its own page (/xxgk/tzgg/ and
    /xxgk/tzgg/index.html: TRS's page 1, generated from its pager, is the page read from its folder)."""
    if url == other:
        return True
    folder, page = (url, other) if url.endswith("/") else (other, url)
    return page.startswith(folder) and _OWN_PAGE_RE.fullmatch(page[len(folder) :]) is not None


_DATE_CELL_BESIDE = {"td": "td", "dt": "dd", "tr": "tr", "dd": "dt"}  # a record's tag -> its date's (dd: before it)
_HEADINGS = frozenset(("h2", "h3", "h4", "h5", "h6"))
_INFO_LINED = _HEADINGS | {"p"}  # records a flat list follows with their info line: <h3>/<p> title, <p> date
_INFO_LINES = frozenset(("p", "div", "span"))  # a flat list's info line under its heading (<h3>…</h3><p>日期</p>)
_ROW_TITLE = 6  # characters: a cell's link this long, near the row's longest, titles an entry (not 教务处, 下载, PDF)


def _fields_of_a_row(row) -> bool:
    """Whether a table row's linked cells are one record's fields (one titled link; the others its department, a
    download: shorter by far, or the same in the row beside) in a table of several rows, not a grid of entries."""
    beside = [r for r in (row.getnext(), row.getprevious()) if r is not None and r.tag == "tr"]
    if row.tag != "tr" or not beside:
        return False
    shared = {a.get("href") for r in beside for a in r.iter("a")}  # 马克思主义学院 → its site, row after row
    links = [[(a, _text(a)) for a in cell.iter("a") if a.get("href") not in shared] for cell in row if cell.tag == "td"]
    # cells linking to an article or a document: where any does, they are the row's entries (its 国际交流与合作处
    # links to the department's site); else the cells whose link is about as long as the row's longest. A file
    # named shorter than the row's title (附件1.pdf beside 关于…的通知) is the entry's download, not an entry
    longest = max((len(text) for cell in links for _, text in cell), default=0)
    articles = sum(1 for cell in links if any(_entry_link(a, t, longest) for a, t in cell))
    if articles:
        return articles <= 1
    return sum(1 for cell in links if any(len(t) >= _ROW_TITLE and len(t) >= 0.7 * longest for _, t in cell)) <= 1


def _entry_link(a, text: str, longest: int) -> bool:
    """A row's link to an article or a document of its own: not a file the row's title offers for download."""
    href = a.get("href") or ""
    if len(text) < 4 or not looks_like_article(href):
        return False
    return not (is_attachment_url(href) and len(text) < 0.7 * longest)


def _dated_by_next_cell(rec: _Record, cell, page_year: int | None) -> _Record:
    """A table of two entries a row (标题 | 日期 | 标题 | 日期), a definition list (<dt>标题</dt><dd>日期</dd>), an old
    table giving each entry two rows (its title, then 发布日期：2026-11-20 alone; or the date row first, where the
    table begins with one): each title's date is the cell or row after (or before) it, holding a date alone or a
    short labelled one; a definition list giving the date first (<dt>日期</dt><dd>标题</dd>), the term before."""
    after, hint = cell.getnext(), year_from_url(rec.url) or page_year
    if cell.tag == "tr" and _date_row(next((r for r in cell.getparent() if r.find("td") is not None), None), hint):
        after = cell.getprevious()  # the table's first row is a date's: each entry's date row comes before its title
    elif cell.tag == "dd":
        after = cell.getprevious()
    if after is None or after.tag != _DATE_CELL_BESIDE[cell.tag]:
        return rec
    date = _date_row(after, hint)
    return _Record(rec.title, rec.url, date) if date else rec


def _dated_by_info_line(rec: _Record, heading, page_year: int | None) -> _Record:
    """A flat list of headings, each with its info line as a sibling (``<h3><a>…</a></h3><p>发布时间：…</p>``, a
    summary between them or not; or paragraphs, ``<p><a>…</a></p><p>2024-03-28</p>``): the date of the lines after the
    heading, up to the next; before it, where the list opens with a date line."""
    hint = year_from_url(rec.url) or page_year
    first = next((c for c in heading.getparent() if isinstance(c.tag, str)), None)
    opens = first is None or (first.tag == heading.tag and _has_link(first))  # (a title opens it, not a date line)
    step = "getnext" if opens or not _info_date(first, hint) else "getprevious"
    line = getattr(heading, step)()
    for _ in range(3):
        if line is None or (line.tag == heading.tag and _has_link(line)):
            break
        if date := _info_date(line, hint):
            return _Record(rec.title, rec.url, date)
        line = getattr(line, step)()
    return rec


def _info_date(line, hint: int | None) -> dt.date | None:
    """The date of a heading's info line: a date alone, a short labelled one, or a short dateline (2024年3月28日
    来源：党委办公室)."""
    if line.tag not in _INFO_LINES or _has_link(line):
        return None
    text = normalise(_spaced_text(line))
    return _date_row(line, hint) or (len(text) <= _SUMMARY_CHARS and pagedates.dateline_date(text)[0]) or None


def _date_row(el, hint: int | None) -> dt.date | None:
    """The date a cell or row without links holds alone, or as a short labelled line (发布日期：2026-11-20)."""
    if el is None or _has_link(el):
        return None
    text = normalise(_spaced_text(el))
    date = pagedates.date_alone(text, hint)
    if date is None and len(text) <= _SUMMARY_CHARS:
        date = pagedates.labelled_date(text, bare=False)[0]
    return date


_INLINE_MIN = 3  # bare links in one container that make a list


_WRAPPERS = frozenset(("b", "strong", "font", "em", "i", "u", "big", "small"))
_WORDS_RE = re.compile(r"[^\W\d_]{2,}")  # a word of running text (und, 和学校), not a date or a bullet


def _wrapped_link(el):
    """The link ``el`` shows in bold or a font and nothing else (``<b><a href>title</a></b>``, ``<font><b><a>``),
    at the start of a line (after a <br>, a date, or nothing): an entry's title written in a bare list; None for
    anything else (a name in bold in a sentence: ``<b><a>张三</a></b> 和 <b><a>李四</a></b>``)."""
    if el.tag not in _WRAPPERS:
        return None  # (the usual case, asked of every element above every link: cheap)
    prev = el.getprevious()
    before = (el.getparent().text if prev is None else prev.tail) or ""
    if _WORDS_RE.search(before):
        return None
    for _ in range(2):
        if el.tag not in _WRAPPERS or len(el) != 1 or (el.text or "").strip() or (el[0].tail or "").strip():
            return None
        el = el[0]
        if el.tag == "a":
            return el if el.get("href") else None
    return None


def _inline_records(parent, base: str, page_year: int | None) -> list[_Record]:
    """A list written without item elements: each link with the stretch of the container that belongs to it —
    what follows it up to the next link, or, where the container opens with a date, what precedes it."""
    children = list(parent)
    at = [i for i, c in enumerate(children) if (c.tag == "a" and c.get("href")) or _wrapped_link(c) is not None]
    if len(at) < _INLINE_MIN:
        return []  # (bold names in a sentence: no list)
    lead = (parent.text or "") + " ".join(_spaced_text(c) + " " + (c.tail or "") for c in children[: at[0]])
    date_first = parse_date(lead, page_year) is not None
    records = []
    for n, i in enumerate(at):
        if date_first:
            start, end = (at[n - 1] + 1 if n else 0), i + 1
        else:
            start, end = i, (at[n + 1] if n + 1 < len(at) else len(children))
        stretch = etree.Element("span")  # a stand-in record: copies of the link and its stretch
        if date_first and not n:
            stretch.text = strip_controls(parent.text)  # lxml reads C0 controls but refuses to store them
        elif date_first:
            stretch.text = strip_controls(children[at[n - 1]].tail)
        for child in children[start:end]:
            stretch.append(copy.deepcopy(child))
        if date_first:
            stretch[-1].tail = None  # the text after the link belongs to the next entry
        rec = _record_from(stretch, base, page_year)
        if rec:
            records.append(rec)
    return records


def _score(records: list[_Record], nav: bool) -> float:
    """How much records look like the column's list: dated records first, else long titles to articles; 0 if not."""
    n = len(records)
    dated = sum(1 for r in records if r.date)
    if dated and dated >= 0.5 * n:
        score = 100 + dated * 3 + n
    elif not nav and _undated_list(records):
        score = 50 + n
    else:
        return 0.0
    return score - 80 if nav else score


def _undated_list(records: list[_Record]) -> bool:
    """An undated list, not a menu: long titles linking to article-like pages, or with a summary each (a menu has
    none), or short ones (学生手册, 招生章程…, the documents of a 规章制度 column) when nearly every link goes to an
    article or a file."""
    n = len(records)
    articles = sum(looks_like_article(r.url) for r in records)
    length = median(len(r.title) for r in records)
    cards = sum(r.summary for r in records) >= 0.8 * n and len({r.title for r in records}) >= 0.8 * n
    if n >= 3 and length >= 8 and cards:
        return True  # cards or search results: a title and a summary each, wherever the links go (not one action
        # link repeated on every reply of a forum thread: 删除本条回复)
    return (length >= 8 and articles >= 0.6 * n) or (n >= 3 and length >= 4 and articles >= 0.9 * n)


def _same_kind(a, b, loose: bool = False) -> bool:
    """Two containers of one kind: one tag, one width, one class; ``loose``, for the lists themselves, one class but
    for where each sits or its state (``<ul class="list l">`` and ``<ul class="list r">``, a pane ``on`` beside a
    hidden one) — not for their wrappers, a page's ``div.left`` sidebar and ``div.right`` column."""
    if a.tag != b.tag or a.get("width") != b.get("width"):  # (a layout's sidebar and main column, 200 and 760 wide)
        return False
    if not loose:
        return (a.get("class") or "").split() == (b.get("class") or "").split()
    return _kind_classes(a.get("class")) == _kind_classes(b.get("class"))


@functools.lru_cache(maxsize=512)
def _kind_classes(classes: str | None) -> tuple:
    return tuple(sorted({c for c in (classes or "").lower().split() if c not in _PLACE_CLASSES}))


# classes naming where a container sits or its state, not what it is: a list dealt into two columns
_PLACE_CLASSES = frozenset(("l", "r", "left", "right", "fl", "fr", "on", "active", "current", "cur", "first", "last"))


_TAB_PANE_RE = re.compile(r"tab(?!le)", re.I)  # tab-pane, tabcon, tab_box; not a table's class


def _split_parts(parent, tag: str, groups: dict, body, column: str = "") -> list:
    """The other parts of a list a template splits into sibling containers of one kind (five
    ``<ul class="list-ul">`` of five ``<li>``, or a ``<table>`` per entry): the parents, in document order,
    of the groups that sit at the same place in each sibling of ``parent`` or of one of its two ancestors. Tab
    panes are such parts only where their tabs are the column's sub-columns (see _sub_column_tabs)."""
    node, path = parent, []
    for _ in range(3):
        up = node.getparent()
        if up is None or up is body.getparent():
            break
        tab = bool(_TAB_PANE_RE.search(f"{node.get('class')} {node.get('id')}"))
        if tab and not _sub_column_tabs(node, [c for c in up if _same_kind(c, node, loose=True)], column):
            break  # tab panes (规章制度 | 通知公告 | 公示公告) are lists side by side, not one list's parts
        parts = []  # in document order: the kin are up's children, walked in order
        for other in (c for c in up if _same_kind(c, node, loose=tab or not path)):  # (div.left / div.right: no)
            found = parent if other is node else other
            for step in reversed(path) if other is not node else ():
                found = next((c for c in found if _same_kind(c, step)), None)
                if found is None:
                    break
            if found is parent or (found is not None and found in groups and groups[found][0] == tag):
                parts.append(found)
        if len(parts) > 1:
            return parts
        path.append(node)
        node = up
    return [parent]


_TAB_LABEL_CHARS = 12


def _sub_column_tabs(pane, panes: list, column: str) -> bool:
    """Whether tab ``panes`` show the column's sub-columns (招生考试信息: 招生章程 | 招生计划 | 录取结果), so that
    the column is all of them: the strip of tabs before them (as many short labels as there are panes, give or take
    one) names neither the column itself (规章制度 | 通知公告: the column is its own pane) nor a widget of the site
    (最新动态 | 热点新闻)."""
    if not column or len(panes) < 2:
        return False
    labels = _tab_labels(panes[0], len(panes)) or _tab_labels(pane.getparent(), len(panes))
    return bool(labels) and not any(column in t or t in column or _WIDGET_RE.search(t) for t in labels)


def _tab_labels(el, count: int) -> list[str]:
    """The labels of the strip of tabs nearest before ``el`` among its previous siblings (or inside them): an element
    with ``count`` (± 1) children, each a short text."""
    for before in itertools.islice(el.itersiblings(preceding=True), 3):
        for strip in itertools.chain((before,), before.iterdescendants()):
            if not isinstance(strip.tag, str) or abs(len(strip) - count) > 1 or len(strip) < 2:
                continue
            labels = [" ".join(_text(c).split()) for c in strip if isinstance(c.tag, str)]
            if len(labels) == len(strip) and all(0 < len(t) <= _TAB_LABEL_CHARS for t in labels):
                return labels
    return []


_VSB_RECORDS = etree.XPath(".//*[starts-with(@id, 'line_u')]")
_VSB_COMPONENT_RE = re.compile(r"line_u\d+_")  # line_u8_3: record 3 of the page's list component 8


def _vsb_components(body, base: str, page_year: int | None) -> dict:
    """博达 VSB's list components, each as a candidate list: the element holding all its records -> ("vsb", its
    records). A page may have several (the column's list, a sidebar's 最新动态): they are weighed like any lists."""
    by_component: dict[str, list] = {}
    for el in _VSB_RECORDS(body):
        m = _VSB_COMPONENT_RE.match(el.get("id") or "")
        by_component.setdefault(m.group(0) if m else "line_u", []).append(el)
    found: dict = {}
    for elements in by_component.values():
        records = [r for r in (_record_from(el, base, page_year) for el in elements) if r]
        if records:
            found.setdefault(_holding_all(elements), ("vsb", []))[1].extend(records)
    return found


def _holding_all(elements: list):
    """The lowest element holding every one of ``elements`` (their parent, for the records of one list)."""
    chain = list(elements[0].iterancestors())
    for el in elements[1:]:
        if el.getparent() is chain[0]:
            continue  # the usual case, cheap: a sibling record
        around = set(el.iterancestors())
        while len(chain) > 1 and chain[0] not in around:
            chain.pop(0)
    return chain[0]


def _pick_entries(body, base: str, page_year: int | None, column: str = "") -> list[_Record]:
    # 博达 VSB marks every record of each list component: <li id="line_u8_0">; trust that first
    groups = _vsb_components(body, base, page_year)
    if len(groups) == 1:
        return next(iter(groups.values()))[1]
    groups = groups or {parent: (tag, records) for parent, tag, records in _groups(body, base, page_year)}
    kinds = {}  # parent -> (dated list, under navigation) for the groups that look like a list at all
    for parent, (_, records) in groups.items():
        nav = _nav_like(parent, body)
        if _score(records, nav) > 0:
            kinds[parent] = (sum(1 for r in records if r.date) >= 0.5 * len(records), nav)
    boxes: dict = {}  # element -> the heading with a 更多 link among its children (see _preview_box)
    titled = {p: _preview_box(next(p.iter("a")), boxes) for p in kinds}
    for parent in _layouts({p: groups[p][1] for p in kinds}, {p for p in kinds if titled[p]}):
        del kinds[parent]
    best, best_score = [], 0.0
    headed = len(kinds) > 1 and next(_column_markers(body, column), None) is not None  # an area with its name
    own = _column_area(body, column, set(kinds)) if headed else set()
    parts_of: dict = {}  # parent -> the parts of its list: found once and shared by every part (linear, not n²)
    scored: dict[int, tuple] = {}  # id(parts) -> (their records, score)
    headings: dict = {}  # element -> the widget heading among its children (see _widget_heading)
    previews = {p for p in kinds if _is_widget(titled[p], column)}
    if len(kinds) > 1 and len(previews) == len(kinds) and _sub_column_boxes(body, kinds, titled, base, column):
        return [r for p in kinds for r in groups[p][1]]  # a box per sub-column (招生章程 更多>>, 招生计划 更多>>): all
    owned = _owned_lists(base, {p: groups[p][1] for p in kinds})
    paged = _paged_list(kinds) if len(kinds) > 1 else set()
    for parent, kind in kinds.items():
        parts = parts_of.get(parent)
        if parts is None:
            tag = groups[parent][0]
            parts = (
                [p for p in _split_parts(parent, tag, groups, body, column) if kinds.get(p) == kind]
                if tag not in ("a", "vsb")
                else [parent]
            )
            parts_of.update(dict.fromkeys(parts, parts))
        if id(parts) not in scored:
            records = [r for p in parts for r in groups[p][1]]
            scored[id(parts)] = (records, _score(records, kind[1]))
        records, score = scored[id(parts)]
        if len(kinds) > 1 and headed and _is_widget(_widget_heading(next(parent.iter("a")), headings), column):
            score -= _WIDGET_PENALTY  # the site's 最新公告 beside the column: its own list first, even undated
        if len(kinds) > 1 and _scrolls(parent):
            score -= _WIDGET_PENALTY  # a <marquee> or a carousel of the site's latest notices: never a column's list
        elif own and parent not in own and _is_widget(_list_heading(next(parent.iter("a"))), column):
            score -= _WIDGET_PENALTY  # another box (校园新闻) beside the column's own list, however many its dates
        if parent in previews and len(previews) < len(kinds):
            score -= _PREVIEW_PENALTY  # another column's box (学校新闻 更多>>) beside lists that are no such box
        if parent in own or parent in owned:
            score += _WIDGET_PENALTY  # under the heading naming the column, or its entries' addresses are the column's
        if parent in paged:
            score += _PAGED_BONUS  # the one list a pager follows: the column's, however many a sidebar's dates
        if score > best_score:
            best, best_score = records, score
    return best


# what a pager shows: 共25条, 共3页, 1/3页, 下一页, 尾页 (not 首页 alone: a menu's first link says it too)
_PAGER_SHOWN_RE = re.compile(r"共\s*\d+\s*[条页]|\d+\s*/\s*\d+\s*页|下一?页|尾页|末页|(?i:\bpage\s*\d+\s*of\s*\d+)")
_PAGER_LENGTH = 300  # a pager's text: page numbers and a few words, not a block of the page


# a block named as a pager (a list of its page links; or one that shows nothing until its script writes the pages:
# TRS's <div class="page">): the whole word, stricter than _PAGER_CLASS_RE's "pag", which names a link's pager
# among its ancestors but here would take a footer (page_footer) or a carousel's dots for one
_PAGER_NAMED_RE = re.compile(
    r"(?:^|[\s_-])(?:pages?|paging|pager|pagination|page[_-]?(?:nav|list|box|bar)|fenye|p_pages)(?:$|[\s\d])", re.I
)


def _paged_list(lists) -> set:
    """The one candidate list a pager ends or follows (see _pager_follows), itself no pager's links nor a carousel's
    slides: a column's own list, which a sidebar's box never is. Empty where none or several are."""
    holders = {up for p in lists for up in itertools.chain((p,), p.iterancestors())}  # (a block of another list)
    paged = {
        p
        for p in lists
        if not _PAGER_NAMED_RE.search(pagedates.classes(p)) and not _in_carousel(p) and _pager_follows(p, holders)
    }
    return paged if len(paged) == 1 else set()


def _pager_follows(parent, holders: set) -> bool:
    """Whether a pager ends ``parent`` (an old table's last row: 共3条记录 页次：1/1页) or is among the next three
    siblings of it or of its ancestors up to three levels (a table's cell, its row); a block holding a candidate list
    (``holders``: the column's area after a sidebar) is none."""
    if any(_shows_pager(el, holders) and _page_links_only(el) for el in parent[-2:]):
        return True  # (a row of page links, not an entry whose title says 共10条)
    node = parent
    for _ in range(3):
        if any(_shows_pager(sib, holders) for sib in itertools.islice(node.itersiblings(etree.Element), 3)):
            return True
        node = node.getparent()
        if node is None or node.tag == "body":
            return False
    return False


def _shows_pager(el, holders: set) -> bool:
    """A block that is a pager: short, showing 共3条, 1/1页, 下一页 or Page 1 of 3; or named as one (TRS's empty
    ``<div class="page">``, a ``pagination`` of page numbers and arrows: 1 2 3 », every link's text short), not a
    carousel's."""
    text = None if el in holders or not isinstance(el.tag, str) else pagedates._short_text(el, _PAGER_LENGTH)
    if text is None:
        return False
    if text and _PAGER_SHOWN_RE.search(text):
        return True
    named = pagedates.classes(el)  # (a carousel's dots are no pager of a list: swiper-pagination)
    if not _PAGER_NAMED_RE.search(named) or _SLIDER_RE.search(named):
        return False
    return not text or _page_links_only(el)


def _page_links_only(el) -> bool:
    """Whether every link in ``el`` is short as a page link is: 12, », 下一页, Next, Last, Previous (an entry's title
    is longer)."""
    return all(len(_text(a)) <= _PAGE_LINK_CHARS for a in el.iter("a"))


_PAGE_LINK_CHARS = 8


def _scrolls(el) -> bool:
    """Whether the list ``el`` scrolls in a ``<marquee>`` or is a carousel's slides (it, or the block holding it, named
    as one: swiper-wrapper); a carousel's name further up is often a whole page's wrapper (slide-wrap)."""
    if el.tag == "marquee" or any(up.tag == "marquee" for up in itertools.islice(el.iterancestors(), 4)):
        return True
    return any(_SLIDER_RE.search(pagedates.classes(up)) for up in (el, el.getparent()) if up is not None)


def _in_carousel(el) -> bool:
    """Whether ``el`` slides in a carousel (swiper, slider, 轮播 lunbo…) or scrolls in a ticker."""
    return any(
        up.tag == "marquee" or _SLIDER_RE.search(f"{up.get('class')} {up.get('id')}")
        for up in itertools.chain((el,), itertools.islice(el.iterancestors(), 4))
    )


_SLIDER_RE = re.compile(r"swiper|slider?(?![a-z])|slides|carousel|lunbo|flexslider|bxslider|owl-", re.I)


def _layouts(lists: dict, boxed: set) -> set:
    """The candidate ``lists`` (element -> its records) that are a page's layout, not a list: half their records or
    more are titled by an entry of a list inside them (the row of a sidebar and the column's area, or the area of a
    column's boxes, read as "records" each named by its first box's first entry). An inner list counts when it has
    two records or more, or sits in a box headed with a 更多 link (``boxed``): a card's title in a list of its own,
    or a few rows of a forum's table holding lists of their own, make no layout."""
    titled: dict = {}  # candidate -> its records that are entries of lists inside it (the same link, titled alike)
    for inner, records in lists.items():
        if len(records) < 2 and inner not in boxed:
            continue
        entries = {(r.url, r.title) for r in records}
        for up in inner.iterancestors():
            if up in lists:
                titled.setdefault(up, set()).update(e for r in lists[up] if (e := (r.url, r.title)) in entries)
    return {up for up, found in titled.items() if len(found) >= 0.5 * len({(r.url, r.title) for r in lists[up]})}


def _sub_column_boxes(body, lists, headings: dict, base: str, column: str) -> bool:
    """Whether ``lists``, each a box headed (``headings``) with a 更多 link, preview the column's sub-columns: none is
    a widget (最新, 热点), and each 更多 link goes below the column's own address (/xxgk/zsks/ → /xxgk/zsks/zszc/;
    博达's /xxgk/zsks.htm → /xxgk/zsks/zszc.htm), or, where a CMS gives every column an address of its own (WebPlus
    /zszc/list.htm, 大汉 /col/col1235/), to the sub-columns a menu headed by the column's name lists; not to
    another column of the site (a sidebar's 学校新闻)."""
    targets = set()
    for parent in lists:
        more = _more_address(next(parent.iter("a")), base)
        if _WIDGET_RE.search(headings[parent]) or not more:
            return False
        targets.add(more)
    return _sub_columns(body, targets, base, column)


def _sub_columns(body, targets: set, base: str, column: str) -> bool:
    """Whether ``targets`` are all sub-columns of the column at ``base``: below its folder (``_column_folder``), or
    listed by a menu headed by its name (``_menu_of``), where a CMS gives every column an address of its own."""
    folder = _column_folder(base)
    return all(urlsplit(t).path.startswith(folder) for t in targets) or _menu_of(body, targets, base, column)


def _column_folder(base: str) -> str:
    """The path the column's sub-columns sit below: /xxgk/zsks/ for /xxgk/zsks/ and /xxgk/zsks/index.html, and for
    博达's /xxgk/zsks.htm, which keeps its sub-columns in /xxgk/zsks/."""
    path = urlsplit(base).path
    name = path.rsplit("/", 1)[-1]
    if _FOLDER_PAGE_RE.match(name):
        return path[: len(path) - len(name)]
    return (path.rsplit(".", 1)[0] if "." in name else path) + "/"


def _pager_apart(body, name: str, anchor, counted: bool) -> bool:
    """Whether a pager (a block classed as one showing its pages, or TRS's createPageHTML's) sits in the column's own
    area apart from the entries read (``anchor``): in the branch, under the lowest block holding both, of the heading
    or breadcrumb naming the column. A heading bar over a column's boxes holds no pager; a column's area beside a
    sidebar does. An empty pager (its script dropped) counts where the page states its page count (``counted``:
    createPageHTML(1, 0…) read); else it is one a script fills, with the list it loads: no sign of a blank column."""
    around = set(anchor.iterancestors())
    for marker in _column_markers(body, name):
        branch = marker
        while branch.getparent() is not None and branch.getparent() not in around:
            branch = branch.getparent()
        if branch is marker or branch.getparent() is None:
            continue
        for el in branch.iter(etree.Element):
            if _PAGER_CLASS_RE.search(pagedates.classes(el)) and (counted or _text(el)):
                return True  # a pager showing its pages (共1页, 首页), not an empty one a script would fill
    return False


def _menu_of(body, targets: set, base: str, column: str) -> bool:
    """Whether one menu of the page links to every one of ``targets`` (by name, not 更多) under a heading that
    names the column (WebPlus's left menu: <h3>招生考试信息</h3><ul><li><a href="/zszc/list.htm">招生章程</a>…)."""
    holders: dict = {}  # a menu (the list holding a link's item) -> the targets it links to
    for a in body.iter("a"):
        if (url := _link(base, a.get("href"))) in targets and not _MORE_WORDS.match(_text(a)):
            item = a.getparent()
            menu = item.getparent() if item is not None and item.tag == "li" else item
            holders.setdefault(menu, set()).add(url)
    for menu, linked in holders.items():
        if menu is not None and linked == targets:
            first = next(a for a in menu.iter("a") if _link(base, a.get("href")) in targets)
            heading = _heading_above(first, {}, functools.partial(_menu_heading, anchor=first))
            if heading and not _is_widget(heading, column):
                return True
    return False


def _menu_heading(node, anchor) -> str:
    """The text of the first heading among ``node``'s children that does not hold ``anchor`` (a menu's own heading
    may be classed as the page's chrome is: col_menu_head); or ""."""
    for el in node:
        if isinstance(el.tag, str) and anchor not in el.iter("a") and _is_heading(el, pagedates.classes(el)):
            text = _box_heading_text(el, more=True)
            if text:
                return text
    return ""


def _more_address(anchor, base: str) -> str:
    """Where the 更多 link of the box ``anchor`` sits in goes, or ""."""

    def more_link(node) -> str:
        for el in node:
            if _box_heading(el) and (a := _more_link(el)) is not None:
                return _link(base, a.get("href")) or ""
        return ""

    return _heading_above(anchor, {}, more_link)


# how CMSs write a column's own entries' addresses: WebPlus /1234/list.htm → /2026/0923/c1234a5678/page.htm, 大汉
# /col/col1234/index.html → /art/2026/9/23/art_1234_5678.html; TRS, DedeCMS, PHPCMS, 帝国 keep them in the column's
# folder (/xxgk/tzgg/index.html → /xxgk/tzgg/202609/t20260923_1.html)
_COLUMN_IDS = (
    (re.compile(r"^/(\d+)/list\d*\.s?html?$"), re.compile(r"/c(\d+)a\d+/")),
    (re.compile(r"/col/col(\d+)/"), re.compile(r"/art_(\d+)_\d+\.")),
)


# a column's page in its own folder (TRS index.html, index_1.html; DedeCMS list_12_2.html): its entries are there too
_FOLDER_PAGE_RE = re.compile(r"^(?:index(?:_\d+)?|list(?:_\d+)*)\.s?html?$|^$")


# the column's number in its address's query, which its entries' carry too (PHPCMS catid=12, 帝国 classid=12, 博达's
# dynamic pages wbtreeid=1012, ASP ClassID=12); not a bare id=, which names the page itself
_COLUMN_PARAM_RE = re.compile(
    r"^(?:cat|cate|category|class|bigclass|smallclass|column|col|wbtree|tree|channel|chnl|node|sort|lm|lanmu)_?id$",
    re.I,
)


def _column_param(address: str) -> tuple[str, str] | None:
    """(name, value) of the column number an address's query carries, its name in lower case; None if none."""
    query = urlsplit(address).query
    if not query:
        return None
    return next(
        ((name.lower(), value) for name, value in parse_qsl(query) if value.isdigit() and _COLUMN_PARAM_RE.match(name)),
        None,
    )


def _own_address(base: str, folder_page: bool = False):
    """A test of whether an address is one of the column's own entries, as its CMS writes them (the number WebPlus
    and 大汉 carry, or its query's catid=; or the column's folder; with ``folder_page``, only from a page that is
    its folder's own list: index.html, list_12_2.html); None where the column's address tells nothing."""
    parts = urlsplit(base)
    own = next(((m.group(1), entry) for column, entry in _COLUMN_IDS if (m := column.search(parts.path))), None)
    if own is not None:
        number, entry = own
        return lambda url: (m := entry.search(urlsplit(url).path)) is not None and m.group(1) == number
    if (param := _column_param(base)) is not None:
        return lambda url: _column_param(url) == param
    folder, page = parts.path.rsplit("/", 1) if "/" in parts.path else ("", parts.path)
    folder += "/"
    if folder == "/" or (folder_page and not _FOLDER_PAGE_RE.match(page)):
        return None  # the site's root (every address is in it), or a page named for itself (博达's tzgg.htm)

    def in_folder(url: str) -> bool:
        entry = urlsplit(url)
        return entry.netloc == parts.netloc and entry.path.startswith(folder) and looks_like_article(url)

    return in_folder


def _owned_lists(base: str, lists: dict) -> set:
    """The lists whose entries' addresses are the column's own (its folder, or the column number they carry), when
    other lists' are not: the column's list beside a sidebar of another column's (最新动态) with nothing naming it."""
    if (mine := _own_address(base)) is None:
        return set()
    share = {p: sum(mine(r.url) for r in records) / len(records) for p, records in lists.items()}
    owned = {p for p, v in share.items() if v >= 0.8}
    return owned if owned and any(v < 0.5 for v in share.values()) else set()


def _any_own(base: str, urls: list[str]) -> bool | None:
    """Whether any of the entries read is the column's own, where its address says where they would be (WebPlus's
    or 大汉's number, a TRS or DedeCMS folder page); None where its address tells nothing."""
    mine = _own_address(base, folder_page=True)
    if mine is None or (_column_param(base) and not any(_column_param(u) for u in urls)):
        return None  # (entries that carry no column number tell nothing: a site's rewritten addresses)
    return any(mine(u) for u in urls)


def _entries_elsewhere(base: str, urls: list[str]) -> bool:
    """Whether none of the entries read is the column's own, where its address tells: they are another column's."""
    return _any_own(base, urls) is False


def _image_words(a) -> str:
    """What an image link says: <a href="index_1.html"><img src="next.gif" alt="下一页"></a>."""
    return next((w for img in a.iter("img") if (w := img.get("alt") or img.get("title"))), "") or a.get("title", "")


_PAGE_OPTION_RE = re.compile(r"^(?:第\s*)?\d{1,3}(?:\s*页)?$")  # 1, 2, 第3页; not years (2024)


def _select_pages(root, base: str) -> list[str]:
    """Pages a pager offers only in a drop-down (DedeCMS ``<select name="sldd" onchange="location.href=…">`` with
    options 1, 2, 3…): read before the selects are dropped. Jump menus of other sites do not read as page numbers;
    one offering this site's documents (请选择年度 → 2024-2025学年信息公开工作年度报告) is shown as their links."""
    found: list[str] = []
    for select in list(root.iter("select")):
        options = [o for o in select.iter("option") if (o.get("value") or "").strip()]
        if len(options) < 2 or not all(_PAGE_OPTION_RE.match(_text(o)) for o in options):
            _offered_documents(select, options, base)
            continue
        onchange = select.get("onchange") or ""
        for option in options:
            value = option.get("value").strip()
            if value.isdigit():  # a bare page number the select's script joins to an address (动易 ShowClass.asp?page=)
                if option.get("selected") is not None:
                    continue  # the page shown
                url = _link(base, pagerscripts.option_target(onchange, value))
            else:
                url = _link(base, value)
            if url and url not in found:
                found.append(url)
    return found


_OPTION_ADDRESS_RE = re.compile(
    r"^(?:https?://|/|\.{0,2}/?[\w-]+/)\S*$|\.(?:s?html?|jsp|php|aspx?|pdf|docx?|xlsx?)$", re.I
)
_DOCUMENT_TITLE = 8  # characters a document's title has at least (2024-2025学年…年度报告; not 教务处, 图书馆)


def _offered_documents(select, options: list, base: str) -> None:
    """A jump menu in the page's content whose choices are this site's documents, each titled as one, put in its
    place as their links: what the page offers (年度报告 by year). Not a menu of other sites (友情链接), of the
    college's offices (教务处, 图书馆), nor one in the page's header or footer."""
    links = [(_link(base, o.get("value").strip()), _text(o)) for o in options]
    if not links or any(len(title) < _DOCUMENT_TITLE or not url for url, title in links):
        return
    if not all(_OPTION_ADDRESS_RE.search(o.get("value").strip()) for o in options):
        return
    if not all(scriptsource.same_site(url, base) for url, _ in links) or _in_chrome(select):
        return
    shown = etree.Element("ul")
    for url, title in links:
        etree.SubElement(etree.SubElement(shown, "li"), "a", href=url).text = title
    shown.tail = select.tail
    select.getparent().replace(select, shown)


def _in_chrome(el) -> bool:
    """Inside the page's header, menu or footer (by tag, class or id)."""
    return any(
        _CHROME_RE.search(pagedates.classes(a)) or a.tag in ("header", "footer", "nav") for a in el.iterancestors()
    )


_SIZE_CHOICE_RE = re.compile(r"&(?:page_?size|per_?page|pagesize|limit|ipp|rows|num)=N&", re.I)
_CALENDAR_RE = re.compile(r"[?&](?:week|month|mini|day|date|year|cal)=\d{4}", re.I)
# forward, from page 1 on: next, page-next, btn_next, and camel case pgNext, pageNext (not "context", "nextline")
_STEP_CLASS_RE = re.compile(r"(?:(?i:(?:^|[\s_-])(?:next|older))|[a-z](?:Next|Older))(?:$|[\s_-])")


def _in_pager(a) -> bool:
    """A link inside a pager: an ancestor (up to four levels) named as one, or whose text says 下一页/尾页."""
    container = a.getparent()
    for _ in range(4):
        if container is None:
            return False
        names = pagedates.classes(container)
        if _PAGER_CLASS_RE.search(names) or "navigation" in names or _PAGER_TEXT_RE.search(_text(container)[:400]):
            return True
        container = container.getparent()
    return False


def _pager_target(base: str, el, code: str = "") -> str | None:
    """Where a pager's link or button leads: its address, or the one its script goes to (``href="#"
    onclick="location.href='?page=2'"``, ``<input type="button" value="下一页" onclick="window.location=…">``, a
    call of a function the page's scripts ``code`` define: ``javascript:goPage(2)``)."""
    url = _link(base, el.get("href"))
    if url:
        return url
    if target := pagerscripts.element_target(el, code):
        return _link(base, target)
    return _link(base, el.get("data-href") or el.get("data-url"))  # the address kept for a script: data-href="…"


def _page_count(page_text: str, code: str) -> int | None:
    """The page count the pager's text states (共5页, 1/5), or else one a script states (var totalPage = 5)."""
    for m in _PAGES_RE.finditer(page_text):
        if m.group(1):
            return int(m.group(1))
        if int(m.group(2)) <= int(m.group(3)) and (m.group(4) or _beside_pager_words(page_text, m.start(), m.end())):
            return int(m.group(3))
    return pagerscripts.script_page_count(code)


def _beside_pager_words(text: str, start: int, end: int) -> bool:
    """Whether a pager's words stand just before ``text[start:end]`` (页次：) or just after it (首页 上一页…)."""
    return _PAGER_WORDS_RE.search(text, max(0, start - 8), start) is not None or bool(
        _PAGER_WORDS_RE.search(text[end : end + 16])
    )


_SCRIPTED = etree.XPath(".//*[@onclick] | .//a[starts-with(normalize-space(@href), 'javascript:')]")
_DATA_CARRIERS = etree.XPath(".//*[@*[starts-with(name(), 'data-')]]")  # where a bound click handler reads them
# the address a template keeps for its click handler (in a script file the page loads): data-href="show.jsp?id=12"
_KEPT_ADDRESS = etree.XPath(".//*[@data-href or @data-url or @data-link]")
_ROW_TAGS = frozenset(("li", "tr", "td", "dd", "dt", "div", "p", "section", "article"))
# a row's title clicked to open it: <span class="tit" onclick="location.href='…'">, <h3 onclick=…>
_TITLE_TAGS = frozenset(("span", "h2", "h3", "h4", "h5", "em", "strong", "b", "font", "label"))
_TITLE_CLASS_RE = re.compile(r"tit|subject|(?:^|[-_\s])bt(?:$|[-_\s])", re.I)  # title, news-tit, bt


def _address_script_links(body, code: str) -> None:
    """Give links and rows a script opens the address it opens, as a click in a browser goes there, where the
    script says so (``code``: the page's scripts, no comments): ``<a href="javascript:openDetail('12')">`` with
    ``function openDetail(id){window.open('show.jsp?id='+id)}``, ``<tr onclick="location.href='show.jsp?id=12'">``,
    ``<li data-id="12">`` or ``<a href="javascript:;" data-href="show.jsp?id=12">`` with a click handler building the
    address from them. A row's script link, or a link around its title, gets it."""
    kept = _kept_addresses(body)
    carriers = _DATA_CARRIERS(body) if pagerscripts.reads_data(code) else []
    for el in _SCRIPTED(body) + carriers + list(kept):
        if el.tag == "a":
            if _has_address(el):
                continue  # its address is its own
        elif (
            (el.tag not in _ROW_TAGS and el.tag not in _TITLE_TAGS)
            or any(_has_address(a) for a in el.iter("a"))
            or next(el.iterancestors("a"), None) is not None
        ):
            continue  # a button or a field (the pager reads those), or a row whose link says where it goes
        if not (target := _script_opens(el, code) or kept.get(el)):
            continue
        if (link := el if el.tag == "a" else next(el.iter("a"), None)) is not None:
            link.set("href", target)
        else:
            _wrap_in_link(_row_title(el), target)


def _script_opens(el, code: str) -> str | None:
    """The address a click on ``el`` opens: its own script's, or a bound handler's reading its data attributes."""
    return pagerscripts.element_target(el, code, own=True) or pagerscripts.data_target(el, code)


def _kept_addresses(body) -> dict:
    """The elements keeping an address for a handler in a script file (data-href, data-url), with the address, each
    naming something of its own: the same words on several (举报, 分享 under every comment) are a button's."""
    kept = {el: (address, _text(el)) for el in _KEPT_ADDRESS(body) if (address := _kept_address(el))}
    said = collections.Counter(text for _, text in kept.values())
    return {el: address for el, (address, text) in kept.items() if said[text] == 1}


_KEPT_URL_RE = re.compile(r"(?:https?://|/|\.{1,2}/|[\w-]+(?:/|\.\w{2,5}\b|\?))")  # a path or a URL
_NESTED_ROWS = etree.XPath(".//li | .//tr | .//dd | .//*[@data-href or @data-url or @data-link]")


def _kept_address(el) -> str | None:
    """An address kept in a data attribute: a path or a URL (not a flag, data-url="true", nor a script), on a link or
    a row that shows text; never on a list's box (<div id="list" data-url="/api/list.do">, the source its script
    loads the list from)."""
    kept = (el.get("data-href") or el.get("data-url") or el.get("data-link") or "").strip()
    if not _KEPT_URL_RE.match(kept):
        return None
    return kept if el.tag == "a" or (_text(el) and not _NESTED_ROWS(el)) else None


def _row_title(row):
    """The element holding a linkless row's title: a heading or an element named as its title, else its longest
    text (the row itself where its text is its own)."""
    leaves = [e for e in row.iter() if isinstance(e.tag, str) and len(e) == 0 and (e.text or "").strip()]
    named = [e for e in leaves if e.tag in _HEADING_TAGS or _TITLE_CLASS_RE.search(e.get("class") or "")]
    return (named or sorted(leaves, key=lambda e: -len(e.text.strip())) or [row])[0]


def _wrap_in_link(el, target: str):
    link = etree.SubElement(el, "a", href=target)
    link.text, el.text = el.text, None
    for child in list(el)[:-1]:
        link.append(child)
    return link


def _pager_links(body, base: str, current: str, code: str = "") -> list[str]:
    found: list[str] = []
    for a in body.iter("a", "button", "input"):
        if a.tag == "input" and (a.get("type") or "").lower() not in ("button", "submit"):
            continue
        text = (_text(a) or _image_words(a) or (a.get("value") or "" if a.tag == "input" else "")).strip().lower()
        is_word = text in _PAGER_WORDS or text.strip(_PAGER_BRACKETS) in _PAGER_WORDS
        if not is_word:
            # a page number, or a step named by its class (<a class="next_posts">Older Articles</a>), in a pager
            parent = a.getparent()
            step = _STEP_CLASS_RE.search(
                f"{a.get('class', '')} {parent.get('class', '') if parent is not None else ''}"
            )
            if not (_page_number(text) or step) or not _in_pager(a):
                continue
        url = _pager_target(base, a, code)
        if url and text.isdigit() and _SIZE_CHOICE_RE.search(f"&{urlsplit(url).query}&".replace(text, "N")):
            continue  # 每页显示 20 50 100: a choice of page size, not a page
        if url and not text.strip(_PAGER_BRACKETS).isalpha() and _CALENDAR_RE.search(url):
            continue  # a calendar's » to next week or month (活动日历), not the list's next page (下一页 says so)
        if url and url != current and url not in found:
            found.append(url)
    return found


_VSB_PAGES_RE = re.compile(r"_simple_list_gotopage_fun\s*\(\s*(\d+)")
_POSTBACK_RE = re.compile(r"__doPostBack|\.submit\s*\(|javascript:\s*(?:void|[\w.]*(?:page|Page|go|turn)\w*\s*\()")


_MOST_PAGES = 10_000  # pages generated from a stated count at most (a page may state 99999999999; the crawl follows
# max_pages_per_column of them, and the stated count still marks the column incomplete)
_CLASS_CONTAINS = etree.XPath(".//*[contains(@class, $name)]")


def _with_class(root, name: str) -> list:
    """Elements below ``root`` with ``name`` among their classes (a substring test in C first, then the token)."""
    return [el for el in _CLASS_CONTAINS(root, name=name) if name in el.get("class", "").split()]


def _plugin_pages(code: str, url: str) -> tuple[list[str], int | None, int | None]:
    """The pages of a pager plugin (layui laypage, kkpager, jqPaginator…) where its page function goes to an address,
    its page count and the entry count it states."""
    plugin = pagerscripts.plugin_pager(code)
    if plugin is None:
        return [], None, None
    count, total, template = plugin
    if template is None or count is None:
        return [], count, total
    mark, prev = pagerscripts.PAGE_MARK, pagerscripts.PREV_MARK
    pages = [
        normalise_url(urljoin(url, template.replace(mark, str(i)).replace(prev, str(i - 1))))
        for i in range(2, min(count, _MOST_PAGES) + 1)
    ]
    return pages, count, total


def _generated_pages(
    root, code: str, url: str, trs: tuple[int, str, str] | None
) -> tuple[list[str], int | None, int | None]:
    """The pages a pager's script or a count generates (TRS, a pager plugin, WebPlus ``all_pages``), the page count
    (those, or VSB's), and the entry count a script states (a plugin's); ``code``: the page's scripts, no comments."""
    pages, count, script_total = _plugin_pages(code, url)
    if trs:
        count, prefix, ext = trs
    if trs and prefix:
        pages += [normalise_url(urljoin(url, f"{prefix}.{ext}"))]
        pages += [normalise_url(urljoin(url, f"{prefix}_{i}.{ext}")) for i in range(1, min(count, _MOST_PAGES))]
    all_pages = next(
        (t for t in (_text(el) for el in _with_class(root, "all_pages")) if t.isdigit()),
        "",
    )
    if all_pages:
        count = int(all_pages)
        path = urlsplit(url).path
        m2 = re.search(r"/list(\d*)\.(s?html?)$", path)
        if m2:
            pages += [
                normalise_url(urljoin(url, f"list{i}.{m2.group(2)}" if i > 1 else f"list.{m2.group(2)}"))
                for i in range(1, min(count, _MOST_PAGES) + 1)
            ]
    if count is None:
        vsb = _VSB_PAGES_RE.search(code + " " + " ".join(a.get("onkeydown", "") for a in root.iter("input")))
        if vsb:
            count = int(vsb.group(1))
    return pages, count, script_total


_RECORD_RE = re.compile(r"<record>\s*<!\[CDATA\[(.*?)\]\]>\s*</record>", re.S)
_DATASTORE_TOTAL_RE = re.compile(r"<totalrecord>\s*(\d+)\s*</totalrecord>|totalRecord\s*[:=]\s*(\d+)", re.I)


def _datastore(text: str) -> tuple[str, int | None]:
    """大汉 JCMS: the records a column page carries in ``<script type="text/xml"><datastore>…`` as HTML, and the
    total the page states."""
    records = _RECORD_RE.findall(text)
    m = _DATASTORE_TOTAL_RE.search(text)
    total = int(m.group(1) or m.group(2)) if m else None
    if not records:  # an empty recordset: a blank column where the page states 0 (totalRecord=0), else unknown
        return "", 0 if total == 0 else None
    return "<ul>" + "".join(records) + "</ul>", total


_PROXY_RE = re.compile(r"""(?:href=["']?|proxyUrl\s*[:=]\s*["'])([^"'\s>]*dataproxy\.jsp[^"'\s>]*)""", re.I)
_PER_PAGE_RE = re.compile(r"""perpage\s*[:=]\s*["']?(\d+)""", re.I)
_PROXY_GROUP = 3  # pages of records asked for at once, as 大汉's jpage.js does (startrecord=1&endrecord=45&perpage=15)


def _dataproxy_pages(scripts: str, url: str, shown: int, total: int | None) -> list[str]:
    """大汉 JCMS: the addresses of the records a column's page does not carry, as its own script asks dataproxy.jsp
    for them — startrecord/endrecord/perpage with the column's parameters from the page's nextgroup link (webid,
    columnid, unitid…); sent as a GET, which carries them as a POST's form would. [] when the page names no
    parameters (the column stays incomplete, saying why)."""
    m = _PROXY_RE.search(scripts)
    if not total or total <= shown or not m:
        return []
    proxy = urlsplit(urljoin(url, html.unescape(m.group(1))))
    skip = ("page", "startrecord", "endrecord", "perpage")
    params = [(k, v) for k, v in parse_qsl(proxy.query, keep_blank_values=True) if k.lower() not in skip]
    if not any(k.lower() == "columnid" for k, _ in params):
        return []
    stated = _PER_PAGE_RE.search(scripts)
    per = int(stated.group(1)) if stated and int(stated.group(1)) > 0 else max(shown, 1)
    where = urlunsplit((proxy.scheme, proxy.netloc, proxy.path, "", ""))
    step = per * _PROXY_GROUP
    return [
        f"{where}?{urlencode([('startrecord', a), ('endrecord', min(a + step - 1, total)), ('perpage', per), *params])}"
        for a in range(shown + 1, min(total, _MOST_PAGES * per) + 1, step)
    ]


def _shown_all(page_count: int | None, total: int | None, shown: int) -> bool:
    """Whether the pager states no more than was read (页码 1/1, 总共 8 记录 over 8 entries): a pager of script links
    (WebPlus writes javascript:void(0) where there is no page to go to) then leaves nothing unread."""
    stated_more = (page_count or 0) > 1 or (total or 0) > shown
    return (page_count == 1 or bool(total)) and not stated_more


def _unfollowable(
    body, page_count: int | None, followed: list[str], trs_unread: bool = False, read: tuple = (None, 0)
) -> str:
    """Why the pager cannot be followed, when the page says there are more pages than the links reach. ``read``: the
    entry count the page states, if any, and the count of entries read."""
    if followed or _shown_all(page_count, *read):
        return ""
    if trs_unread:
        return "分页由 TRS 脚本 createPageHTML 生成，但其参数无法读出，只读到第 1 页"
    pager = [a for a in body.iter("a") if _PAGER_TEXT_RE.search(_text(a)) or _page_number(_text(a))]
    if any(_POSTBACK_RE.search(a.get("href", "") + " " + a.get("onclick", "")) for a in pager):
        return "分页由脚本提交（__doPostBack/javascript 翻页），无法跟随，只读到第 1 页"
    if page_count and page_count > 1:
        return f"分页显示共 {page_count} 页，但翻页链接无法跟随，只读到第 1 页"
    shown = sorted({int(n) for a in pager if (n := _page_number(_text(a))) and int(n) > 1 and _in_pager(a)})
    in_order = len(shown) > 1 and shown[1] == shown[0] + 1  # (not a lone 33: a commenter's name, say)
    if shown[:1] == [2] or in_order:  # page links a script handles (href="#", data-page)
        return f"分页显示有第 {'、'.join(map(str, shown[:5]))} 页，但翻页链接无法跟随，只读到第 1 页"
    if _load_more(body):
        return "列表由“加载更多”按钮以脚本加载后续条目，无法跟随，只读到第一批"
    return ""


_LOAD_MORE_RE = re.compile(r"^\s*(?:点击)?(?:加载|查看|显示)更多(?:内容|信息|新闻)?\s*[>»+]*\s*$|^\s*点击加载\s*$")


def _load_more(body) -> bool:
    """A 加载更多 control a script handles (``<a href="javascript:;">加载更多</a>``, a button): the list goes on
    beyond what the page carries. A 查看更多 link to an address is another page, not this."""
    for el in itertools.chain(_holding(body, "更多"), _holding(body, "点击加载")):
        if el.tag in ("a", "button", "div", "span", "p") and _LOAD_MORE_RE.match(_text(el)):
            href = (el.get("href") or "").strip().lower()
            if not href or href.startswith(("javascript", "#")):
                return True
    return False


def _stated_total(root, page_text: str, script_total: int | None) -> int | None:
    """The entry count the pager states: WebPlus ``all_count``, 共N条 (共7页125条; the one beside 首页/下一页 where
    the page states several, 动易's 共 125 篇文章 beside its pager), or the one its script does (a laypage's)."""
    counts = [c for c in (_text(el) for el in _with_class(root, "all_count")) if c.isdigit()]
    counts += [c.strip() for c in _EMPIRE_TOTAL(root) if c.strip().isdigit()]
    if counts:
        return int(counts[0])
    stated = list(_TOTAL_RE.finditer(page_text))  # the pager's 共15条 over a statistics box's 共12345条信息
    near = (m for m in stated if _PAGER_TEXT_RE.search(page_text[max(0, m.start() - 60) : m.end() + 60]))
    m = next(near, None) or next(iter(stated), None) or _ARTICLES_TOTAL_RE.search(page_text)
    if m:
        return int(m.group(1))
    for m in itertools.islice(_LABELLED_TOTAL_RE.finditer(page_text), 20):
        if _PAGER_TEXT_RE.search(page_text[max(0, m.start() - 60) : m.end() + 60]):
            return int(m.group(1))
    leading = _leading_total(root) if _LEADING_HINT_RE.search(page_text) else None  # (the page's text first: cheap)
    return leading or script_total or None  # (a script's 0 may be a placeholder it fills: not blank)


def _leading_total(root) -> int | None:
    """The entry count that opens a pager in an element of its own, unlabelled (PHPCMS: ``<a>125条</a> 上一页``,
    or each in an item of its own: ``<li><a>125条</a></li><li><a>上一页</a></li>``)."""
    for leaf in _COUNT_LEAVES(root):
        if not (m := _COUNT_ONLY_RE.fullmatch(_text(leaf))):
            continue
        for node in (leaf, leaf.getparent()):
            if node is None:
                break
            after = node.tail or ""
            if not after.strip() and (following := node.getnext()) is not None:
                after = "".join(itertools.islice(following.itertext(), 4))  # (its first words, not its whole text)
            if _PAGER_START_RE.match(after):
                return int(m.group(1))
    return None


def _statement_page(said: str) -> ListPage:
    """A column that states why it has nothing (本校无此项, 不适用): the item is satisfied."""
    return ListPage(statement=said, reason=f"页面说明“{said}”")


def _error_page(title: str, page_text: str) -> re.Match | None:
    """The words of a server's error or refusal page in its title or where its text opens, not in a sentence telling
    what to do if it happens (如遇系统异常，请联系…)."""
    m = _ERROR_PAGE_RE.search(f"{title} {page_text[:_ERROR_PAGE_CHARS]}")
    before = f"{title} {page_text}"[max(0, m.start() - 3) : m.start()] if m else ""
    return None if m is None or _IF_IT_HAPPENS_RE.search(before) else m


def _why_empty(
    title: str,
    page_text: str,
    scripts: str,
    total: int | None,
    no_pages: bool,
    encoding: str,
    drawn: str,
    more_pages: int,
) -> ListPage:
    """A list page without entries: soft 404, blank (and how it says so), a statement, or script-loaded."""
    if _is_soft_404(title, page_text, column=True):
        return ListPage(soft_404=True, reason="页面显示“页面不存在”（软 404）", title=title, encoding=encoding)
    alert, leaves = alerted(scripts)
    if says_gone(alert, page_text):  # alert('该栏目不存在');history.back()
        return ListPage(soft_404=True, reason=f"页面弹出提示“{alert}”（软 404）", title=title, encoding=encoding)
    if alert and leaves and len(page_text) < _GONE_CHARS:  # 请先登录, 您没有权限: a message, then the page leaves
        why = f"页面只弹出提示“{alert}”后即离开，未显示栏目内容，无法判断是否空白"
        return ListPage(script_loaded=True, reason=why, title=title, encoding=encoding)
    maintenance = _MAINTENANCE_RE.search(f"{title} {page_text}") if len(page_text) < _MAINTENANCE_CHARS else None
    maintenance = maintenance or _error_page(title, page_text)
    if maintenance:  # the site down for work, or an error page, with a 200: not a blank column, retried next run
        why = f"网站显示“{maintenance.group(0)}”，暂时无法读取，无法判断是否空白"
        return ListPage(script_loaded=True, reason=why, title=title, encoding=encoding)
    if own := _OWN_STATEMENT_RE.search(page_text):  # (before its pager's 共0条: the column says why it has none)
        return replace(_statement_page(own.group(0)), title=title, encoding=encoding)
    if total == 0 or _ZERO_TOTAL_RE.search(page_text) or no_pages:
        return ListPage(total=0, blank=True, reason="分页显示共 0 条", title=title, encoding=encoding)
    marker = _BLANK_RE.search(page_text)
    if marker:
        return ListPage(blank=True, reason=f"页面显示“{marker.group(0)}”", title=title, encoding=encoding)
    statement = _STATEMENT_RE.search(page_text)
    if statement:
        said = statement.group(0)
        return replace(_statement_page(said), title=title, encoding=encoding)
    if more_pages:  # a pager leading to further pages: the column has entries, written in a way not read here
        why = f"页面有翻页链接（{more_pages} 个），但未能读出条目，无法判断是否空白"
        return ListPage(script_loaded=True, reason=why, title=title, encoding=encoding)
    if _loads_list(scripts):
        return ListPage(script_loaded=True, reason=LOADER_REASON, title=title, encoding=encoding)
    if drawn:  # a template the browser fills, or a single-page app's shell
        return ListPage(script_loaded=True, reason=drawn, title=title, encoding=encoding)
    dates = len(set(find_dates(normalise(page_text))))
    if dates >= _UNREAD_DATES:  # a page full of dates is not blank: its entries are written in a way not read here
        why = f"页面上有 {dates} 个日期，但未能读出条目链接（可能由脚本打开），无法判断是否空白"
        return ListPage(script_loaded=True, reason=why, title=title, encoding=encoding)
    carried = len(set(find_dates(normalise(scripts))))
    if carried >= _UNREAD_DATES:  # the list's data sits in the page's own script (var list = [{…}]), drawn by it
        why = f"{SCRIPT_DATA_REASON}（{carried} 个日期），由脚本显示，无法判断是否空白"
        return ListPage(script_loaded=True, reason=why, title=title, encoding=encoding)
    records = len({m.group(1) for m in _SCRIPT_TITLE_RE.finditer(scripts)})
    if records >= _UNREAD_DATES:  # the same with records dated by timestamps: {"title": "…", "datetime": 1500872686}
        why = f"{SCRIPT_DATA_REASON}（{records} 条记录），由脚本显示，无法判断是否空白"
        return ListPage(script_loaded=True, reason=why, title=title, encoding=encoding)
    return ListPage(blank=True, reason=EMPTY_REASON, title=title, encoding=encoding)


def _drawn_in_browser(said: str, templated: bool, loads_scripts: bool) -> str:
    """Why a page without entries is drawn by its scripts in the browser, or "": a template of the list for them to
    fill (``<li v-for="item in list">``, ``{{item.title}}``, ``<template>``), or a single-page app's empty shell."""
    if templated:
        return TEMPLATE_REASON
    if loads_scripts and len(said) < _SHELL_CHARS:  # a single-page app's shell: <div id="app"></div>
        return "页面由脚本绘制（单页应用），静态 HTML 中没有内容，无法判断是否空白"
    return ""


def _not_known_blank(body_el, said: str, html: str, loads_scripts: bool) -> str:
    """Why a page without entries is not known blank though its scripts load no list: drawn in the browser, its
    documents opened by script, or its list's loading placeholder shown; or ""."""
    return (
        _drawn_in_browser(said, _templated(body_el, said, html), loads_scripts)
        or _opened_by_script(body_el)
        or _loading_shown(body_el)
    )


_SCRIPT_HREF_RE = re.compile(r"\s*javascript:", re.I)
# a list's placeholder until its script (a file the page loads) fills it: 正在加载…, 数据加载中，请稍候, Loading...
_LOADING_RE = re.compile(
    r"(?:数据|内容|列表|信息)?(?:正在)?(?:加载|载入)(?:数据)?中?[.。…·\s]*(?:[，,]?\s*请稍[候后等]\S{0,3})?|loading\W{0,3}",
    re.I,
)
_LOADING_TEXTS = etree.XPath(".//*[not(*)][contains(., '加载') or contains(., '载入') or contains(., 'oading')]")


def _loading_shown(body) -> str:
    """Why a page without entries is not known blank when its list shows a script's placeholder (正在加载…): the
    list comes from a script the page loads, not read here; or "". Only a list's: in a list, a table or a box named
    as one (list, news…), not a weather widget's nor the header's."""
    for el in _LOADING_TEXTS(body):
        said = _text(el)
        if len(said) <= _SHELL_CHARS and _LOADING_RE.fullmatch(said) and _in_list_box(el) and not _in_chrome(el):
            return f"页面显示“{said}”，列表由脚本加载，无法判断是否空白"
    return ""


_LIST_BOX_RE = re.compile(r"list|news|notice|article|item|data|content|con\b|tzgg|xxgk", re.I)


def _in_list_box(el) -> bool:
    """Whether ``el`` (or one of its three nearest ancestors) is a list, a table or a box named as a list's."""
    for up in itertools.islice(itertools.chain((el,), el.iterancestors()), 4):
        if up.tag in ("ul", "ol", "dl", "table", "tbody") or _LIST_BOX_RE.search(pagedates.classes(up)):
            return True
    return False


def _script_opened(body) -> list:
    """The documents' titles a page shows as links only a script opens, to addresses not read here
    (``<a href="#" onclick="document.f.id.value=12;document.f.submit()">``, ``href="javascript:show(12)"``, the
    handler in a file the page loads). (Not links carrying only data attributes: those are as often a page's toggles
    and share buttons, ``data-toggle``, as entries a handler opens.)"""
    return [
        a
        for a in body.iter("a")
        if not _has_address(a)
        and (_SCRIPT_HREF_RE.match(a.get("href") or "") or a.get("onclick"))
        and len(_text(a)) >= _DOCUMENT_TITLE
        and not _in_chrome(a)
    ]


def _script_opened_rows(body) -> list:
    """The rows a page shows that only a script opens, to addresses not read here (``<tr onclick="showInfo('12')">``
    with no link, the handler in a file the page loads), each titled as a document is."""
    return [
        el
        for el in body.iter(*_ROW_TAGS)
        if el.get("onclick")
        and el.find(".//a") is None
        and next(el.iterancestors("a"), None) is None
        and not _NESTED_ROWS(el)
        and len(_text(_row_title(el))) >= _DOCUMENT_TITLE
        and not _in_chrome(el)
    ]


def _opened_by_script(body) -> str:
    """Why a page without entries is not known blank when it shows documents' titles as links or rows only a script
    opens, to addresses not read here (and they read as no entries); or ""."""
    titled = _script_opened(body) + _script_opened_rows(body)
    if len(titled) < 2:
        return ""
    return f"页面上有 {len(titled)} 条由脚本打开的条目（未能读出其地址），无法判断是否空白"


def _row_key(a) -> str:
    """What tells a script-opened row from the page's others: its handler's arguments (``show('8a12')``,
    ``openDetail(12, 'tz')``), else its data attributes, else its title."""
    for code in (a.get("onclick") or "", a.get("href") or ""):
        call = pagerscripts.js_call(code)
        args = re.sub(r"[\"'\s]", "", call[1]) if call and call[0] != "void" else ""  # (not void(0))
        if args and args not in ("this", "event"):
            return args
    return ",".join(v for k, v in sorted(a.attrib.items()) if k.startswith("data-") and v) or _text(a)


_SAMPLE = 20  # script-opened rows looked at for dates before a list is read a second time for them
_OUTER_ROWS = _ROW_TAGS - {"td"}  # (a link's row: its <tr>, not its cell)


def _show_dates(opened: list) -> bool:
    """Whether two of these script-opened links or rows show a full date in their row (else a second reading
    could find nothing to judge by)."""
    rows = (
        el if el.tag != "a" else next((up for up in el.iterancestors() if up.tag in _OUTER_ROWS), el) for el in opened
    )
    return sum(1 for row in rows if find_dates(_text(row))) >= 2


def _script_rows(body_el, text: str, carriers: dict, base: str, url: str, column: str) -> dict[str, Entry]:
    """A page whose documents (links or rows) only a script opens, to addresses not read here: its rows as entries,
    with the titles and dates they show, each at an address of its list page's naming it (script_row_url), never
    fetched (``base``: what the page's other links are read against). Empty where they read as no list with two
    dates (the links then left as they were): undated, such rows tell nothing a column is judged by, and are as
    often a widget's (a cookie banner's options)."""
    links = [(a, a.get("href")) for a in _script_opened(body_el)]
    rows = _script_opened_rows(body_el)
    if len(links) + len(rows) < 2 or not _show_dates([a for a, _ in links[:_SAMPLE]] + rows[:_SAMPLE]):
        return {}
    keys = [_row_key(el) for el in [a for a, _ in links] + rows]
    if len(set(keys)) < 2:
        return {}  # (one call behind every link, go(2), is a pager's or a menu's: no documents of their own)
    for (a, _), key in zip(links, keys, strict=False):
        a.set("href", script_row_url(url, key))
    wrapped = [
        _wrap_in_link(_row_title(row), script_row_url(url, key))
        for row, key in zip(rows, keys[len(links) :], strict=True)
    ]
    links += [(a, None) for a in wrapped]
    entries = _by_address(_records(body_el, text, carriers, base, year_from_url(url), column)[0])
    if sum(1 for e in entries.values() if e.date) < 2:  # no dates, nothing to judge by: a widget's rows as likely
        for a, href in links:
            a.attrib.pop("href") if href is None else a.set("href", href)
        return {}
    return entries


_BESIDE_LEVELS = 3  # how far up from the entries' box a column of their dates is looked for beside it


def _entries(records: list, body_el, html: str, carriers: dict, where: tuple[str, str], column: str) -> dict:
    """The page's entries by address: its records, else the rows only a script opens; an undated list dated by a
    column of dates beside it. ``where``: the page's base and its own address."""
    base, url = where
    entries = _by_address(records) or _script_rows(body_el, html, carriers, base, url, column)
    return _dated_beside(body_el, entries, html)


def _dated_beside(body_el, entries: dict[str, Entry], html: str) -> dict[str, Entry]:
    """Entries a list leaves undated, dated by a column of dates standing beside their box in the same order and as
    many (an old template's two cells, titles in one and dates in the other, or two <ul>s side by side); else as
    they are. The column must hold dates and next to nothing else: a box of other news beside is no such column.
    (``html``: the page's markup; a page holding fewer dates than entries is passed over at once.)"""
    if len(entries) < 2 or any(e.date for e in entries.values()) or len(FULL_RE.findall(html)) < len(entries):
        return entries
    titles = {e.title for e in entries.values()}
    anchors = [a for a in body_el.iter("a") if a.get("title") in titles or _text(a) in titles]
    box = _common_ancestor(anchors) if len(anchors) >= 2 else None
    for up in itertools.islice(itertools.chain((box,), box.iterancestors()), _BESIDE_LEVELS) if box is not None else ():
        for beside in (up.getnext(), up.getprevious()):
            said = " ".join(beside.itertext()) if beside is not None and isinstance(beside.tag, str) else ""
            days = find_dates(said) if said else []
            if len(days) == len(entries) and len(
                FULL_RE.sub("", normalise(said)).translate(_DATE_BRACKETS).strip()
            ) <= len(days):
                return {url: replace(e, date=day) for (url, e), day in zip(entries.items(), days, strict=True)}
    return entries


def _common_ancestor(elements: list):
    """The lowest element holding all of ``elements`` (the root where they share nothing lower)."""
    chain = [elements[0], *elements[0].iterancestors()]
    place = {id(el): i for i, el in enumerate(chain)}
    lowest = 0
    for el in elements[1:]:
        up = next((place[id(a)] for a in itertools.chain((el,), el.iterancestors()) if id(a) in place), len(chain) - 1)
        lowest = max(lowest, up)
    return chain[lowest]


_DATE_BRACKETS = str.maketrans("", "", "[]()【】（）")  # the brackets round a date in a column of dates ([2024/03/28])


def _templated(body, said: str, html: str) -> bool:
    """Whether the page holds a list's template for its scripts to fill in the browser: a loop (v-for, ng-repeat),
    placeholders in a list's rows ({{item.title}}), or a link held in a ``<template>`` or ``<script type="text/html">``
    (``html``: the page's markup, the scripts and templates gone from its tree)."""
    drawn = "{{" in said and bool(_PLACEHOLDER_ROWS(body))  # (not a footer's 访问量：{{count}})
    return drawn or bool(_DRAWING_ATTRS(body)) or bool(_HELD_TEMPLATE_RE.search(html))


_PLACEHOLDER_ROWS = etree.XPath(".//*[self::a or self::li or self::td or self::dt or self::dd][contains(., '{{')]")
TEMPLATE_REASON = "列表由页面模板在浏览器中绘制（数据由脚本加载，静态 HTML 中没有条目），无法判断是否空白"
_HELD_TEMPLATE_RE = re.compile(  # (searched on pages without entries only)
    r"<template\b[^>]*>(?:(?!</template).){0,5000}?<a\b"
    r"|<script\b[^>]*\btype\s*=\s*[\"']?text/(?:html|[\w-]*(?:template|tm?pl)[\w-]*)\b[^>]*>(?:(?!</script).){0,5000}?\bhref\b",
    re.S | re.I,
)
_UNREAD_DATES = 3  # distinct dates on a page with no entry read: more than a clock and a copyright line
# a record's title in a script's data ("title":"帝都深处好修行", title: '…'): eight characters or more, as an
# article's title is and a menu label (首页, 学校概况) is not
_SCRIPT_TITLE_RE = re.compile(r"""["']?\btitle["']?\s*:\s*["']([^"'\\]{8,})["']""")


_NOT_A_LIST_FRAME_RE = re.compile(
    r"map\.|maps\.|player|video|v\.qq|youku|bilibili|weibo|share|baidu\.com|\.(?:pdf|swf|docx?|xlsx?|pptx?|wps|ofd)"
    r"|officeapps|onlinepreview"  # a document shown by a viewer (Office Online, kkFileView): no list
    r"|/embed/|/plugins/|widget|googletagmanager|doubleclick|facebook|twitter|youtube|vimeo|disqus",
    re.I,
)


def _frames(root, base: str) -> list[str]:
    """Pages shown in frames of this page (before they are dropped): a column may show its list in one. Not an
    embedded map, video, share button or tracker, nor a frame nobody sees (a tag manager's 0×0 hidden iframe; a list
    frame of width 100% and height 0, grown by a script once loaded, is seen)."""
    found = []
    for frame in root.iter("iframe", "frame"):
        url = _link(base, frame.get("src"))
        if not url or _NOT_A_LIST_FRAME_RE.search(url) or url in found:
            continue
        sizes = [frame.get("width", "").strip(), frame.get("height", "").strip()]
        if _HIDING_STYLE_RE.search(frame.get("style") or "") or all(x in ("0", "1", "0px", "1px") for x in sizes):
            continue
        found.append(url)
    return found


_REFRESH_URL_RE = re.compile(r"url\s*=\s*['\"]?([^'\";\s]+)", re.I)
_SCRIPT_MOVE_RE = re.compile(
    r"(?:location(?:\.href)?\s*=|location\.(?:replace|assign)\s*\()\s*[\"']([^\"'\s]+)[\"']", re.I
)


_CHROME_RE = re.compile(r"head|foot|nav|menu|banner|top|bottom|copyright", re.I)


def _list_scripts(root, base: str) -> list[str]:
    """External scripts placed in the page's content that write a list where they stand (DedeCMS's
    ``<div class="list"><script src="/plus/list.js?typeid=3"></script></div>``, 帝国's class3_newnews.js): each the
    whole of its box (not an app's code after the content), not in the page's header, menu or footer; on this site,
    named as a list's."""
    found = []
    for script in root.iter("script"):
        src, parent = script.get("src"), script.getparent()
        if not src or parent is None or parent.tag in ("head", "body", "html") or not _sole_content(script, parent):
            continue
        if script.get("async") is not None or script.get("defer") is not None:
            continue  # a browser ignores what such a script writes: a widget's loader
        url = _link(base, src.strip())
        if not url or url in found or not scriptsource.list_writer(url) or not scriptsource.same_site(url, base):
            continue
        if not _in_chrome(script):
            found.append(url)
    return found


def _sole_content(el, parent) -> bool:
    """``el`` is all its parent holds: no other element, no text (a list writer's box: <td><script src=…></td>)."""
    others = any(isinstance(c.tag, str) and c is not el for c in parent)
    return not others and not (parent.text or "").strip() and not (el.tail or "").strip()


def _meta_refresh(root) -> str:
    """Where ``<meta http-equiv="refresh" content="0; url=list.htm">`` sends the browser, or ""."""
    for meta in root.iter("meta"):
        if (meta.get("http-equiv") or "").lower() == "refresh":
            m = _REFRESH_URL_RE.search(meta.get("content") or "")
            if m:
                return m.group(1)
    return ""


def _moved_to(refresh: str, scripts: str, base: str, page_text: str) -> str | None:
    """The page an entry-less page forwards to: its meta refresh, or, when it shows next to nothing, the address
    its script sends the browser to (``window.location.href = "tzgg/list.htm"``)."""
    if refresh:
        return _link(base, refresh)
    if alerted(scripts)[1]:
        return None  # alert('参数错误！');location.href='/': an error page leaving, not a column forwarding its list
    m = _SCRIPT_MOVE_RE.search(scripts) if len(page_text) < 200 else None
    return _link(base, m.group(1)) if m else None


def _name_on_page(body, title: str, column: str = "") -> str:
    """The column's name: the page title's (``_column_name``); where no heading or breadcrumb of the page shows
    that, the configured name ``column`` where one does, or the name its <head> states (ColumnName), or another
    part of the title; else, where the title names the site (a template titling every page so) or a section the
    breadcrumb passes on its way (信息公开 for 首页 > 信息公开 > 通知公告), the last step of the page's breadcrumb."""
    name = _column_name(title)
    meta = [" ".join(m.split()) for m in _COLUMN_META(body.getroottree().getroot())]  # 政府网站's <meta ColumnName>
    for named in dict.fromkeys((name, column, *meta, *_other_names(title))):
        if named and next(_column_markers(body, named), None) is not None:
            return named
    for crumb in _crumbs(body):
        steps = _steps(crumb)
        last = _last_step(steps)
        if len(last) >= 2 and last not in _HOME_STEPS and (_SITE_NAME_RE.search(name) or name in steps[:-1]):
            return last
    return name


# the column's name as government-site templates state it in <head> (TRS, 大汉: <meta name="ColumnName" content="…">)
_COLUMN_META = etree.XPath(
    "head/meta[translate(@name, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') = 'columnname']/@content"
)


def _other_names(title: str) -> list[str]:
    """The parts of the page title a column's name may be besides the first (党政办公室 - 学校简介, 信息公开_学校简介):
    Chinese, a name's length, naming no site."""
    parts = (p.strip() for p in _HEAD_SPLIT_RE.split(title))
    return [p for p in parts if 2 <= len(p) <= 16 and _HAN_RE.search(p) and not _SITE_NAME_RE.search(p)]


def _column_name(title: str) -> str:
    """The column's name from the page title: 学生申诉 in 学生申诉-某某大学信息公开网; its last part where the title
    opens with the site's name and ends with another (通知公告 in 某某职业技术学院-通知公告)."""
    parts = [p.strip() for p in _HEAD_SPLIT_RE.split(title) if p.strip()]
    if len(parts) > 1 and _SITE_NAME_RE.search(parts[0]) and not _SITE_NAME_RE.search(parts[-1]):
        return parts[-1]
    for sep in _TITLE_SEPARATORS:
        if sep in title:
            return title.split(sep, 1)[0].strip()
    return title.strip()


def _blank_beside(body, name: str, page_text: str, anchor, in_box: bool) -> str:
    """The blank marker (暂无内容…) of a column whose own area is empty while the entries read (``anchor``, the first
    one's link) sit elsewhere on the page (a sidebar of 最新公告). The column's own area is the smallest element
    holding both the marker and a heading that names the column, or the block after a breadcrumb bar when the
    entries sit under another box's heading (``in_box``); "" when the entries are inside it, or it is unclear."""
    marker = _BLANK_RE.search(page_text)
    if not marker:
        return ""
    said = next((el for el in body.iter() if isinstance(el.tag, str) and marker.group(0) in (el.text or "")), None)
    if said is None:
        return ""
    around = set(said.iterancestors())
    region = None
    for el in _column_markers(body, name):
        lca = next((up for up in el.iterancestors() if up in around), None)
        if lca is not None and lca is not body and (region is None or region in lca.iterancestors()):
            region = lca  # the smallest such area
    if region is None or region in anchor.iterancestors():  # a breadcrumb bar over the columns: the area after it,
        said_up = {said, *around}  # when the entries read sit under another box's heading (最新动态), not the column's
        crumb = next(_crumbs_naming(body, name), None) if in_box else None
        region = _block_after(crumb, anchor, body, lambda block: block in said_up)
    return "" if region is None else marker.group(0)


def _block_after(crumb, anchor, body, holds):
    """The first block after a breadcrumb bar that ``holds`` says is the column's empty area (its blank marker, its
    empty list), before any block holds the entries read (``anchor``); None otherwise."""
    entries = set(anchor.iterancestors())
    for block in _blocks_after(crumb, body):
        if block in entries:
            return None  # the entries come first: they may be the column's own
        if holds(block):
            return block
    return None


def _blank_apart(body, page_text: str, anchor) -> str:
    """The blank marker (暂无信息…) shown in a block apart from the entries read (``anchor``: the first one's link), or
    "": not a list's own "no more" line."""
    marker = _BLANK_RE.search(page_text)
    said = marker and next(
        (el for el in body.iter() if isinstance(el.tag, str) and marker.group(0) in (el.text or "")), None
    )
    if said is None:
        return ""
    near = set(itertools.islice(anchor.iterancestors(), 3))  # the entry, its list, the list's box
    return "" if near & set(said.iterancestors()) or said in near else marker.group(0)


_WIDGET_PENALTY = 80
_PAGED_BONUS = 200  # more than a dated sidebar's lead over an undated list of documents
_PREVIEW_PENALTY = 200  # more than a dated list's lead over an undated one: a column's own list is never a preview
_WIDGET_RE = re.compile(r"最新|热门|热点|推荐|相关|排行|点击|友情|常用|便捷|快速")
_LIST_NAMED_RE = re.compile(r"list|lb|news", re.I)
_HEADING_NAMED_RE = re.compile(r"title|tit|hd|head|bt|lm", re.I)


def _widget_heading(anchor, memo: dict | None = None) -> str:
    """The heading over the list ``anchor`` sits in, when it names a widget of the site (最新公告, 热点新闻…).
    ``memo`` keeps each ancestor's answer for the other lists of the page (a page of 2,000 lists is read once)."""
    return _heading_above(anchor, {} if memo is None else memo, _child_widget_heading)


def _heading_above(anchor, memo: dict, heading_among) -> str:
    """The first heading ``heading_among`` finds among the children of ``anchor``'s ancestors (five levels up), its
    answer per ancestor kept in ``memo``; or ""."""
    node = anchor
    for _ in range(5):
        node = node.getparent()
        if node is None:
            return ""
        if node not in memo:
            memo[node] = heading_among(node)
        if memo[node]:
            return memo[node]
    return ""


def _is_heading(el, named: str) -> bool:
    """An element that heads a box: a heading tag, or classed as one (``named``: its class and id). The test is
    cheap; the text of a big block is not, so it comes first. A wrapper of a heading tag and its 更多 link
    (WebPlus's ``<div class="tt"><h3>学校新闻</h3><div class="more_btn"><a>更多</a></div></div>``) heads its box too."""
    if el.tag in _HEADING_TAGS or _HEADING_NAMED_RE.search(named) is not None:
        return True
    return 2 <= len(el) <= 3 and el[0].tag in _HEADING_TAGS


def _box_heading_text(el, more: bool = False) -> str:
    """A box heading's text (with ``more``, without its 更多>> or colon), when it is a name's length; or ""."""
    text = _text(el) if len(el) <= 3 else ""
    text = _MORE_TAIL_RE.sub("", text) if more else text
    return text if 2 <= len(text) <= 12 else ""


def _child_widget_heading(node) -> str:
    """The first child of ``node`` that is a heading naming a widget (最新公告…), its text; or ""."""
    for el in node:
        if isinstance(el.tag, str) and _is_heading(el, pagedates.classes(el)):
            text = _box_heading_text(el)
            if text and _WIDGET_RE.search(text):
                return text
    return ""


_COLUMN_NAME_MOST = 12  # 信息公开工作年度报告, 毕业生就业质量年度报告: a column's name; longer, an article's title
_MORE_TAIL_RE = re.compile(r"\s*[:：]?\s*(?:更多|more|MORE|More)?\s*[>»＞+]*\s*$")  # 最新公告： 更多>>
_NOT_A_BOX_RE = re.compile(r"header|banner|nav|menu|footer|logo", re.I)  # the page's chrome heads no box


def _list_heading(anchor) -> str:
    """The heading over the list ``anchor`` sits in, whatever it names (通知公告, 学校新闻, 最新公告), its 更多 link
    aside; "" when none is found within five levels. Its own row (the link, a ``title``-classed cell) is no heading."""
    return _heading_above(
        anchor, {}, lambda node: next((t for el in node if anchor not in el.iter("a") and (t := _box_heading(el))), "")
    )


def _preview_box(anchor, memo: dict) -> str:
    """The heading over the list ``anchor`` sits in when it carries a 更多 link (``<div class="tit"><h3>学校新闻</h3>
    <a href="/xwzx.htm">更多>></a></div>``): a box previewing a column of the site; "" otherwise. ``memo`` keeps
    each ancestor's answer for the page's other lists."""
    return _heading_above(anchor, memo, lambda node: next((t for el in node if (t := _heading_with_more(el))), ""))


def _box_heading(el) -> str:
    """``el``'s text, when it heads a box (a heading tag or class, not the page's chrome, a name's length), its 更多
    link aside; or "". A list's row is no heading."""
    if not isinstance(el.tag, str) or el.tag in _LIST_ITEM or not _is_heading(el, named := pagedates.classes(el)):
        return ""
    return "" if _NOT_A_BOX_RE.search(named) else _box_heading_text(el, more=True)


def _heading_with_more(el) -> str:
    """``el``'s text, when it is a box's heading holding a 更多 link (or followed by one); or ""."""
    text = _box_heading(el)
    return text if text and _more_link(el) is not None else ""


def _more_link(el):
    """The 更多 link of the box heading ``el``, inside it or right after it; or None."""
    after = el.getnext()
    links = [*el.iter("a"), *([after] if after is not None and after.tag == "a" else [])]
    return next((a for a in links if _MORE_WORDS.match(_text(a) or _image_words(a) or "")), None)


def _is_widget(heading: str, column: str) -> bool:
    """A widget's heading that is not the column's own name (a column may be called 最新动态)."""
    return bool(heading) and not (column and (column in heading or heading in column))


def _column_area(body, column: str, parents: set) -> set:
    """The candidate lists under a heading or a breadcrumb that names the column: those in its block (up to three
    levels up), when that block holds some of the candidates but not all (then it is the page, not the column's
    area)."""
    below: dict = {}  # element -> the candidates it holds (itself included): built once, looked up per heading
    for p in parents:
        for up in itertools.chain((p,), p.iterancestors()):
            below.setdefault(up, set()).add(p)
    for heading in _column_markers(body, column):
        node = heading.getparent()
        for _ in range(3):
            if node is None or node is body:
                break
            inside = below.get(node, set())
            if inside and inside != parents:
                return inside
            node = node.getparent()
    for heading in _column_headings(body, column):  # a flat page: the heading, its list, another box, side by side
        if listed := _listed_after(heading, below, body):
            return listed
    return _first_after(next(_crumbs_naming(body, column), None), below, body, column)


def _listed_after(heading, below: dict, body) -> set:
    """The candidate lists in the first block after a heading naming the column, before any block with a heading of
    its own (another box: 校园新闻). ``below``: element -> the candidates it holds."""
    for block in _blocks_after(heading, body):
        if block in below:
            return below[block]
        if block.tag in _HEADING_TAGS or next(block.iter(*_HEADING_TAGS), None) is not None:
            return set()
    return set()


def _first_after(crumb, below: dict, body, column: str) -> set:
    """The candidate lists in the first block after a breadcrumb that spans the page (a bar above the columns): the
    column's own list comes next, a sidebar's beside or after it, or before it when a widget's heading says so (a
    box of the site's 最新动态 first in the page's order). ``below``: element -> the candidates it holds."""
    blocks = (below[block] for block in _blocks_after(crumb, body) if block in below)
    return next((held for held in blocks if not _widgets_only(held, column)), set())


def _widgets_only(lists: set, column: str) -> bool:
    """Whether every one of ``lists`` is a widget of the site: under a heading of one (最新动态, 热点新闻) other than
    the column's name, or scrolling in a ``<marquee>`` or a carousel."""
    return all(_in_carousel(p) or _is_site_widget(_widget_heading(next(p.iter("a"))), column) for p in lists)


def _is_site_widget(heading: str, column: str) -> bool:
    return bool(_WIDGET_RE.search(heading)) and _is_widget(heading, column)


def _blocks_after(crumb, body):
    """The blocks after a breadcrumb, in order: its next siblings, then its parent's, three levels up at most."""
    node = crumb
    for _ in range(3):
        if node is None or node is body:
            return
        yield from node.itersiblings()
        node = node.getparent()


def _column_headings(body, name: str):
    """The elements that head an area with the column's name (as the page title gives it)."""
    if len(name) < 2:
        return
    bare = _LATIN_RE.sub("", name)
    chinese = re.search(r"[\u4e00-\u9fff]", bare) is not None  # (a Latin name is compared whole)
    named = (lambda t: _LATIN_RE.sub("", _HEADING_LABEL_RE.sub("", t)) == bare) if chinese else (lambda t: t == name)
    for el in _holding(body, name):
        if el.tag != "a" and len(el) <= 3 and named(_text(el)) and not _nav_like(el, body):
            yield el


# a heading's label around the column's name: 当前栏目：通知公告, 栏目名称：…, 通知公告列表
_HEADING_LABEL_RE = re.compile(r"^(?:当前)?(?:栏目|频道)(?:名称)?\s*[:：]\s*|(?<=[\u4e00-\u9fff])(?:信息)?列表$")
_LATIN_RE = re.compile(
    r"[\sA-Za-z/|·•:：_—-]+"
)  # a heading's English subtitle: 通知公告<span>NOTICE</span>, 通知公告 / News


def _column_markers(body, name: str):
    """What names the column's own area: a heading with its name, or a breadcrumb ending with it."""
    return itertools.chain(_column_headings(body, name), _crumbs_naming(body, name))


_CRUMB_RE = re.compile(r"^\s*(?:当前位置|您的位置|您现在的位置|当前页面|所在位置|位置)\s*[:：]")
# 上一篇：…, 下一条 (the label alone before its link): another article, never a column's entry
_PREV_NEXT_RE = re.compile(r"^\s*(?:上|下|前|后)一(?:篇|条|则)\s*(?:[:：]|$)")
_CRUMB_TAIL_RE = re.compile(r"[\s>»＞/|→-]+")


def _crumbs_naming(body, name: str):
    """The breadcrumb (当前位置：首页 > 信息公开 > 规章制度) that ends with the column's name: where no heading names
    the column, it sits above the column's own area."""
    if len(name) >= 2:
        yield from (crumb for crumb in _crumbs(body) if _last_step(_steps(crumb)) == name)


def _crumbs(body):
    """The page's breadcrumbs: a short line saying 当前位置, or one of steps from 首页 without it (``<div class=
    "breadcrumb"><a>首页</a> > <a>信息公开</a> > 规章制度</div>``, ``<ol class="breadcrumb"><li>首页</li>…``)."""
    yield from (el for el in _holding(body, "位置") if len(text := _text(el)) <= 80 and _CRUMB_RE.match(text))
    for home in _holding(body, "首页"):
        yield from itertools.islice((up for up in itertools.islice(home.iterancestors(), 3) if _home_crumb(up)), 1)


def _steps(crumb) -> list[str]:
    """A breadcrumb's steps as it shows them (当前位置：, 首页, 信息公开, 规章制度)."""
    return _CRUMB_TAIL_RE.sub(" ", _spaced_text(crumb)).split()


def _last_step(steps: list[str]) -> str:
    """A breadcrumb's last step (规章制度), or "" where it has one step only."""
    return steps[-1] if len(steps) >= 2 and not steps[-1].endswith(("：", ":")) else ""


_CRUMB_NAMED_RE = re.compile(r"crumb|position|location|dqwz|weizhi|path", re.I)
_CRUMB_MARK_RE = re.compile(r">|»|＞|→|/")  # the marks between a breadcrumb's steps, where CSS draws none


def _home_crumb(el) -> bool:
    """A breadcrumb without 当前位置: a short line of steps from 首页, its steps marked apart (首页 > 信息公开 >
    通知公告) or the element named as one (class="breadcrumb")."""
    if next(itertools.islice(el.iter(), _CRUMB_MOST, None), None) is not None:
        return False  # a breadcrumb is a few elements: a list holding a 首页 link in each row is none (and costly)
    text = _spaced_text(el)  # (<li>首页</li><li>信息公开</li>: steps apart)
    if len(text) > 80 or (not _CRUMB_MARK_RE.search(text) and not _CRUMB_NAMED_RE.search(pagedates.classes(el))):
        return False
    steps = [s for s in _CRUMB_TAIL_RE.sub(" ", text).split() if not s.endswith((":", "："))]  # (Location:)
    return len(steps) >= 2 and steps[0] in _HOME_STEPS


_CRUMB_MOST = 30  # elements in a breadcrumb at most (its steps' links, their marks and icons)
_HOME_STEPS = frozenset(("首页", "主页", "网站首页", "学校首页", "学院首页"))


def _empty_own_list(body, name: str, anchor, widget: str) -> str:
    """The box (最新公告, another column's 通知公告) whose entries were read (``anchor``, the first one's link), when the column's own area —
    near a heading naming the column as the page title does — holds an empty list container; "" when the entries
    are in that area, or it is unclear. A blank column of a template that shows the site's latest notices beside it
    read as up to date. ``widget``: the heading over the entries read (``_list_heading``)."""
    if not _is_widget(widget, name) or (not _WIDGET_RE.search(widget) and len(name) > _COLUMN_NAME_MOST):
        return ""  # another column's box is told apart only on a column's page (named in a few words), not an article
    for el in _column_markers(body, name):
        for up in itertools.islice(el.iterancestors(), 3):
            if up is body or anchor in up.iter("a"):
                break  # the entries are in the column's own area
            if _empty_list_in(up):
                return widget
        after = el.getnext() if el.getnext() is not None else el.getparent().getnext()
        if after is not None and _empty_list_in(after) and anchor not in after.iter("a"):
            return widget  # a flat page: the heading, right after it its empty list, then the box read
    crumb = next(_crumbs_naming(body, name), None)  # a breadcrumb bar over the columns: the area after it
    return widget if _block_after(crumb, anchor, body, _empty_list_in) is not None else ""


def _empty_list_in(area) -> bool:
    """Whether ``area`` holds an empty list container (``<ul class="list"></ul>``), not an empty pager."""
    return any(
        (c.tag in ("ul", "ol") or _LIST_NAMED_RE.search(pagedates.classes(c)))
        and not _text(c)
        and not _PAGER_CLASS_RE.search(pagedates.classes(c))  # an empty pager of a one-page list
        for c in area.iter("ul", "ol", "table", "div")
    )


_BARE_DATASTORE_RE = re.compile(r"\s*(?:<\?xml[^>]*>\s*)?<datastore\b", re.I)


def _render_datastores(root) -> dict:
    """大汉 JCMS: each ``<script type="text/xml"><datastore>`` a column page carries, its records put in its place as a
    list, as 大汉's jpage.js shows them (before the scripts are dropped): the list -> the total its component states
    (totalRecord) and its component's scripts (the nextgroup link to dataproxy.jsp). A page may carry several (the
    column's list, a sidebar's): they are weighed like any lists."""
    carriers = {}
    stores = [s for s in root.iter("script") if "<datastore" in (s.text or "")]
    for script in stores:
        code = (
            _component_scripts(root, script) if len(stores) > 1 else " ".join(s.text or "" for s in root.iter("script"))
        )
        m = _DATASTORE_TOTAL_RE.search(code)
        records = "".join(_RECORD_RE.findall(script.text))
        fragment = _tree(f"<html><body><ul>{records}</ul></body></html>") if records else None
        shown = fragment.find("body/ul") if fragment is not None else etree.Element("ul")
        script.addprevious(shown)
        carriers[shown] = (int(m.group(1) or m.group(2)) if m else None, code)
    return carriers


def _component_scripts(root, store) -> str:
    """The scripts of the 大汉 component whose datastore is ``store``: those inside its element (``<div id="4567">``),
    and those of the page naming its id (``new JPage({unitid: 4567, totalRecord: 25…})``)."""
    component = store.getparent()
    named = re.compile(rf"\b{re.escape(component.get('id'))}\b") if component.get("id") else None
    inside = set(component.iter("script"))
    return " ".join(s.text or "" for s in root.iter("script") if s in inside or (named and named.search(s.text or "")))


def _records(
    body_el, text: str, carriers: dict, base: str, page_year: int | None, column: str = ""
) -> tuple[list[_Record], int | None, str]:
    """The page's records (a 大汉 page's ``<datastore>`` lists among them: ``carriers``), with the total and the
    scripts of the 大汉 component they come from, if they do (a blank one: its total where it states 0)."""
    if _BARE_DATASTORE_RE.match(text):  # dataproxy.jsp's answer: records alone, no page around
        carried, total = _datastore(text)
        fragment = _tree(f"<html><body>{carried}</body></html>") if carried else None
        body_el = fragment.find("body") if fragment is not None else None
        return (_pick_entries(body_el, base, page_year, column) if body_el is not None else []), total, text
    records = _pick_entries(body_el, base, page_year, column)
    for shown, (total, code) in carriers.items():
        if not records and not len(shown):  # an empty recordset: blank where it states 0, else unknown
            return records, 0 if total == 0 else None, code
        if records and any(_link(base, a.get("href")) == records[0].url for a in shown.iter("a")):
            return records, total, code
    # the entries read are no component's (a sidebar's) beside an empty one stating 0: that 0 is the column's
    empty = next((code for shown, (total, code) in carriers.items() if not len(shown) and total == 0), None)
    return (records, 0, empty) if empty is not None else (records, None, "")


_PROGRAM_TYPE_RE = re.compile(r"^$|javascript|ecmascript|^module$", re.I)
_DRAWING_ATTRS = etree.XPath(".//*[@v-for or @ng-repeat or @x-for]")  # a template's loop over its data


def _programs(root) -> str:
    """The text of the page's programs: not its JSON-LD, a framework's server state (__NEXT_DATA__), a template."""
    return " ".join(s.text or "" for s in root.iter("script") if _PROGRAM_TYPE_RE.search(s.get("type", "").strip()))


def _draws_list(body, page_text: str) -> bool:
    """Whether the page has where a script draws a list: a template's loop ({{item.title}}, v-for), an empty list."""
    return "{{" in page_text or bool(_DRAWING_ATTRS(body)) or _empty_list_in(body)


def _forwarding(frames: tuple[list[str], list[str]], moved: str | None, url: str) -> ListPage | None:
    """A page that only shows or forwards to the list (its frame, an external script writing it in its place, a
    refresh or script to another address): the list is read from where it points; should that yield nothing (another
    site's page, a failed fetch), the column is unknown with this reason, never blank. None for a page that does
    neither. ``frames``: the page's frames and its list-writing scripts (``_list_scripts``)."""
    shown, written = frames
    if shown:
        return ListPage(next_pages=tuple(shown), reason=FRAME_REASON, script_loaded=True)
    if written:  # (what it writes is linked as the page links: its address goes with it)
        why = f"{WRITTEN_REASON}（{written[0]}）"
        return ListPage(next_pages=tuple(written), reason=why, script_loaded=True, base=url)
    if moved and moved != url:
        return ListPage(next_pages=(moved,), reason=f"{MOVED_REASON} {moved}", script_loaded=True)
    return None


_TEMPLATE_LINKS = etree.XPath(
    ".//a[@*[name()=':href' or name()='v-bind:href' or name()='ng-href'] or contains(@href, '{{') or contains(@href, '${')]"
)


def _href_templates(body) -> tuple:
    """The addresses a page's template builds for its records' links (``:href="'/info/' + item.id + '.htm'"``,
    ``href="show.jsp?id={{item.id}}"``), for data that carries ids, not addresses."""
    found = []
    for a in _TEMPLATE_LINKS(body):
        bound = a.get(":href") or a.get("v-bind:href")
        template = (
            scriptdata.href_template(bound, True) if bound else scriptdata.href_template(a.get("href") or "", False)
        )
        if template and template not in found:
            found.append(template)
            if len(found) == scriptdata.TEMPLATES_READ:
                break
    return tuple(found)


def _script_entries(found: scriptdata.ScriptList | None, base: str) -> tuple[dict[str, Entry], int | None]:
    """The entries of records read from script data, by address, and the total the data states beside them (where
    it is no fewer than they are)."""
    entries: dict[str, Entry] = {}
    for title, href, date in found.records if found else ():
        if link := _link(base, href):
            entries.setdefault(link, Entry(title, link, date))
    total = found.total if found and found.total is not None and found.total >= len(entries) else None
    return entries, total


_JSON_BODY_RE = re.compile(r"^\ufeff?\s*(?:[\w$.]+\s*\(\s*)?[\[{]")  # JSON, or JSONP: callback({…})
SOURCE_REASON = "列表由脚本加载（数据地址 {}）"
SOURCE_EMPTY_REASON = "脚本加载列表的地址返回的数据中未读出条目，无法判断是否空白"


def _source_list(text: str, url: str, asked_by: ListPage | None) -> ListPage:
    """The answer of the address a column page's script asks its list from (scriptsource), when it is data (JSON or
    JSONP), not a page: its records as entries, linked as the page that asked for them links them (``asked_by``: its
    templates for records carrying only an id, its address for a relative one); unknown when
    none reads as a column's entries."""
    templates, base = (asked_by.templates, asked_by.base) if asked_by else ((), "")
    entries, total = _script_entries(scriptdata.script_list(text, templates), base or normalise_url(url))
    if not entries:
        return ListPage(script_loaded=True, reason=SOURCE_EMPTY_REASON)
    return ListPage(tuple(entries.values()), _source_pages(url, len(entries), total), total=total)


def _source_pages(url: str, shown: int, total: int | None) -> tuple[str, ...]:
    """The further pages of a list source whose first page states more records than it holds: the address with its
    page number (pageNo=1, page=0) counted on, as the script's pager asks them; () where the address names no page."""
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    at = next((i for i, (k, v) in enumerate(query) if scriptsource.PAGE_KEY_RE.match(k) and v in ("0", "1")), None)
    if at is None or not total or total <= shown:
        return ()  # (a later page leads nowhere: the first led to them all)
    first = int(query[at][1])
    pages = min(-(-total // shown), _MOST_PAGES)
    return tuple(
        urlunsplit(parts._replace(query=urlencode([*query[:at], (query[at][0], n), *query[at + 1 :]])))
        for n in range(first + 1, first + pages)
    )


def _with_source(page: ListPage, code: str, base: str, body) -> ListPage:
    """A column page whose script loads its list, led on to the one address it asks the list from by GET, with the
    page's address templates (``:href`` bindings, links the script writes) made absolute; as it was where there is
    no such address."""
    source = scriptsource.list_source(code, base) if page.reason == LOADER_REASON else None
    if source is None:
        return page
    written = _href_templates(body) + scriptsource.written_templates(code)
    templates = tuple(((urljoin(base, t[0][0]), False), *t[1:]) if not t[0][1] else t for t in written)
    return replace(page, next_pages=(source,), reason=SOURCE_REASON.format(source), templates=templates, base=base)


def _drawn_list(body, programs: str, base: str, said: str, pages: tuple) -> ListPage | None:
    """A column whose list a template draws from its scripts' data (``var list = [{title, url, date}]``, no entry in
    the HTML): its records as the entries; None when the page says it has none, has nowhere to draw a list, or the
    data holds no list of entries. ``pages``: the next pages and page count read from its pager."""
    drawn = not _BLANK_RE.search(said) and _draws_list(body, said)
    found = scriptdata.script_list(programs, _href_templates(body)) if drawn else None
    entries, total = _script_entries(found, base)
    if not entries:
        return None
    next_pages, page_count = pages
    unfollowable = ""
    if total and total > len(entries) and not next_pages:  # the rest come from where the script asks: not read
        unfollowable = f"{SCRIPT_DATA_REASON}，共 {total} 条，页面只带 {len(entries)} 条，其余由脚本加载，无法跟随"
    return ListPage(tuple(entries.values()), tuple(next_pages), total, page_count, unfollowable, reason=DRAWN_REASON)


def _only_beside(
    body_el, name: str, page_text: str, entries: list[Entry], base: str, stated: int | None, pager: tuple
) -> str:
    """Why the column is blank though entries were read (they are a sidebar's, beside its empty area), or "".
    ``pager``: the pages it leads on to (then the column is not known to show nothing), and the page count the page
    states (its text, or a script's: TRS's createPageHTML(1, 0…))."""
    urls = [e.url for e in entries]
    if stated == 0:  # the column's own pager says it has none
        return "分页显示共 0 条（页面上的其他条目属于侧栏）"
    anchor = next((a for a in body_el.iter("a") if _link(base, a.get("href")) == urls[0]), None)
    if len(name) < 2 or anchor is None:
        return ""
    box = _list_heading(anchor)  # the heading of the box the entries read sit in: 最新公告, another column's name
    said_blank = _blank_beside(body_el, name, page_text, anchor, _is_widget(box, name))
    if said_blank:  # the column's own area says it has none
        return f"页面显示“{said_blank}”（页面上的其他条目属于侧栏）"
    said_blank = _blank_apart(body_el, page_text, anchor)
    # and the entries read sit under another box's heading (最新动态), none of them where the column keeps its own
    if said_blank and _is_widget(box, name) and _entries_elsewhere(base, urls):
        return f"页面显示“{said_blank}”（页面上的条目不在本栏目之下，属于其他栏目）"
    widget = _empty_own_list(body_el, name, anchor, box)
    if not widget and not pager[0]:
        widget = _another_columns_box(body_el, (name, base, pager[1]), anchor, box, page_text, entries)
    # (and none of the entries is the column's by its CMS's addresses, where they tell)
    other = bool(box) and _previews_other(body_el, (name, base), anchor) and not _any_own(base, urls)
    if not widget and not pager[0] and _widget_apart(body_el, name, anchor, box, other):
        return f"{NO_OWN_LIST_REASON}（页面上的条目属于“{box}”栏）"
    if widget:
        return f"栏目自身的列表为空（页面上的条目属于“{widget}”栏）"
    scrolled = not pager[0] and _scrolled_only(body_el, base, set(urls))  # (a ticker no heading names)
    # (no list of its own: a single-page column's content, 学校章程 under the site's ticker, is looked for after)
    return f"{NO_OWN_LIST_REASON}（页面上的条目是滚动或轮播显示的最新信息）" if scrolled else ""


def _scrolled_only(body_el, base: str, urls: set[str]) -> bool:
    """Whether every link to the entries read scrolls in a ``<marquee>`` or slides in a carousel: the site's latest
    notices or picture news, never a column's own list (one walk of the page's links)."""
    scrolled = False
    for a in body_el.iter("a"):
        if _link(base, a.get("href")) in urls:
            if not _in_carousel(a):  # (a ticker, or a carousel of picture news)
                return False
            scrolled = True
    return scrolled


def _names_column(box: str, name: str) -> bool:
    """Whether a widget-worded heading names the column all the same: 最新通知 over the list of 通知公告."""
    rest = _WIDGET_RE.sub("", box)
    return any(rest[i : i + 2] in name for i in range(len(rest) - 1))


def _widget_apart(body, name: str, anchor, box: str, other: bool = False) -> bool:
    """Whether the entries read (``anchor``: the first one's link) sit in a site widget's box (``box``: 最新动态,
    热点新闻), or (``other``) in another column's preview box (学校新闻 更多>>), apart from every heading naming the
    column (or, with no such heading, every breadcrumb ending with its name): the block each heads (its parent, or
    above a title bar holding it alone) does not hold them, and is not the whole page. A single-page column (a few
    contact lines, 学校简介, a PDF shown) or a blank one beside the site's latest news read the news as its list, and
    as up to date."""
    if not (other or _is_site_widget(box, name)) or (not other and _names_column(box, name)):
        return False  # (a box whose 更多 goes to another column is that column's, whatever words it shares: 学校)
    markers = list(_column_headings(body, name)) or list(_crumbs_naming(body, name))
    for marker in markers:
        block = marker.getparent()
        if block is not None and block is not body and len(_text(block)) <= len(_text(marker)) + 4:
            above = block.getparent()  # a title bar around the heading alone: the block it heads is the next one up
            block = block if above is body else above
        if block is None or block is body or anchor in block.iter("a"):
            return False  # the entries are in the column's block, or the heading heads the page: unclear
        if other and block.getparent() is not body and anchor in block.getparent().iter("a"):
            return False  # another column's box in the column's own area: its sub-column's, as like as not
    return bool(markers)


def _another_columns_box(body, column: tuple, anchor, box: str, page_text: str, entries: list[Entry]) -> str:
    """``box``, the heading over the entries read (``anchor``: the first one's link), when it previews another column
    of the site: its 更多 goes neither to the column, nor below it, nor to a sub-column the column's menu lists;
    none of the entries is the column's own by its CMS's addresses (a TRS folder, WebPlus's number); and the page
    shows no dates but theirs (nothing of the column's own written in a way not read). The column's list shows
    nothing, not even an empty container, but its pager shows apart from the box (``_pager_apart``). ``column``: its
    name, its address, the page count its page states. "" otherwise."""
    name, base, page_count = column
    if not box or not _previews_other(body, (name, base), anchor):
        return ""
    if not _pager_apart(body, name, anchor, page_count is not None) or not _entries_elsewhere(
        base, [e.url for e in entries]
    ):
        return ""
    others = set(find_dates(normalise(page_text))) - {e.date for e in entries}
    return box if len(others) < _UNREAD_DATES else ""


def _previews_other(body, column: tuple, anchor) -> bool:
    """Whether the box of the entries read (``anchor``: the first one's link) previews another column of the site:
    its 更多 goes neither to the column (``column``: its name and address) nor to a sub-column its menu lists."""
    name, base = column
    more = _more_address(anchor, base)
    return bool(more) and urlsplit(more).path != urlsplit(base).path and not _sub_columns(body, {more}, base, name)


def parse_list(
    body: bytes, url: str, headers: Mapping | None = None, asked_by: ListPage | None = None, column: str = ""
) -> ListPage:
    """Entries, pagination and blank/soft-404/script-loaded verdicts of one list page, its addresses as a browser
    sends them (a GBK page's list.asp?class=通知公告 asks for %CD%A8%D6%AA%B9%AB%B8%E6). ``asked_by``: the list page
    whose script asked this address for its list, for an answer that is data (its records linked as that page does).
    ``column``: the column's name as configured, where the page's title does not give it (a site-wide title)."""
    if _is_script(body, url, headers):  # a script a column page has write its list in place: what it writes
        text, encoding = decode_html(body, headers)
        markup = f"<html><body><div>{scriptsource.written_markup(text)}</div></body></html>".encode()  # (its box)
        page = _read_list(markup, _drawn_into(asked_by, url), _UTF8)
        page = replace(page, encoding=encoding)
    else:
        page = _read_list(body, url, headers, asked_by, column)
    if sent_as_written(page.encoding):
        return page
    return replace(
        page,
        entries=tuple(replace(e, url=as_browser_sends(e.url, page.encoding)) for e in page.entries),
        next_pages=tuple(as_browser_sends(u, page.encoding) for u in page.next_pages),
    )


# an answer that is records alone (what a list's $('#list').load('list_frag.jsp') or ajax call gets): <li>…</li><li>…
_RECORDS_ALONE_RE = re.compile(r"^\ufeff?\s*(?:<!--(?:[^-]|-(?!->))*-->\s*)*<(li|tr|dd|dt|div|p)\b", re.I)
_BOXES = {"li": "ul", "tr": "table", "dd": "dl", "dt": "dl", "div": "div", "p": "div"}


def _drawn_into(asked_by: ListPage | None, url: str) -> str:
    """The address an answer's links resolve against: the page whose script asked for it and draws it in its place
    (``$('#list').load('list_frag.jsp')``), else its own."""
    return asked_by.base if asked_by is not None and asked_by.base else url


def _boxed(text: str) -> str:
    """A fragment of records put in the box a page holds them in (a body of bare <li> is read as no list)."""
    m = _RECORDS_ALONE_RE.match(text)
    if m is None:
        return text
    box = _BOXES[m.group(1).lower()]
    return f"<{box}>{text}</{box}>"


_UTF8 = {"content-type": "text/html; charset=utf-8"}
_SCRIPT_TYPE_RE = re.compile(r"javascript|ecmascript", re.I)


def _is_script(body: bytes, url: str, headers: Mapping | None) -> bool:
    """A script's answer that writes markup (by its content type, a .js address, or a body opening on
    document.write), not a page; a script's data (JSONP) is read as data."""
    kind = next((v for k, v in (headers or {}).items() if k.lower() == "content-type"), "")
    opens = body[:200].lstrip().startswith(b"document.write")
    scripted = bool(_SCRIPT_TYPE_RE.search(kind)) or urlsplit(url).path.endswith(".js") or opens
    return scripted and b".write" in body


def _by_address(records: list[_Record]) -> dict[str, Entry]:
    """The records as entries, by address: an address listed twice (pinned, then in its place) is its first."""
    entries: dict[str, Entry] = {}
    for rec in records:
        entries.setdefault(rec.url, Entry(rec.title, rec.url, rec.date))
    return entries


def _beside_verdict(body_el, beside: str, scripts: str, templated: bool, shown: tuple) -> ListPage:
    """The verdict on a column whose entries read are a sidebar's (``beside``: why): blank, unless its own area is
    a list that scripts fill or whose rows open by script (no address to read), then unknown; or a statement, where
    the page states one outside the sidebar's titles (本校无此项). ``shown``: the page's shown text, the entries
    read, and whether the records the page carries say 0 (大汉's datastore: no script need fill it)."""
    said, entries, carried_none = shown
    for m in itertools.islice(_OWN_STATEMENT_RE.finditer(said), _MOST_STATEMENTS):
        if not any(m.group(0) in e.title for e in entries):
            return _statement_page(m.group(0))
    if not carried_none and (_loads_list(scripts) or templated):
        return ListPage(script_loaded=True, reason=f"{beside}，但页面有加载列表的脚本，无法判断是否空白")
    if scripted := _loading_shown(body_el) or _opened_by_script(body_el):
        return ListPage(script_loaded=True, reason=scripted)
    return ListPage(blank=True, reason=beside)


# the text nodes that may be a friendly time (3天前, 昨天, 刚刚, 3 days ago), found in C
_FRIENDLY_TEXTS = etree.XPath(
    "//body//text()[contains(., '前') or contains(., '昨天') or contains(., '刚刚') or contains(., '今天')"
    " or contains(., 'ago')]"
)


_MOST_AGE = 10 * 366 * 86400  # seconds: a cache's Age past this is no age


def _served_moment(headers: Mapping | None) -> dt.datetime | None:
    """When the page was made: its response's ``Date``, less its ``Age`` where a cache held it; None for none, or
    for a moment outside MIN_YEAR..MAX_YEAR (a server's clock at 0001 or 9999)."""
    served = http_date(_header(headers, "date"))
    age = _header(headers, "age").strip()
    if served and age.isdigit() and len(age) <= 10 and int(age) <= _MOST_AGE:
        served -= dt.timedelta(seconds=int(age))
    return served if served and MIN_YEAR <= served.year <= MAX_YEAR else None


def _dated_as_served(root, headers: Mapping | None) -> None:
    """A list's friendly times (3天前, 昨天 10:20, 刚刚) written as the days they name, counted back from the moment
    the server sent the page (its Date header): dates the entry readers know. Without a Date header, left."""
    served = _served_moment(headers)
    for node in _FRIENDLY_TEXTS(root) if served else ():
        day = relative_date(node, served)
        parent = node.getparent()
        if day is None or (parent.tag == "a" and node.is_text and not len(parent)):  # (a link's whole text)
            continue
        setattr(parent, "text" if node.is_text else "tail", day.isoformat())


def _app_shell(root) -> bool:
    """A single-page app's shell: scripts to load, and not one link in the page (a CMS page has its menus)."""
    return root.find(".//script[@src]") is not None and root.find(".//body//a[@href]") is None


def _read_list(
    body: bytes, url: str, headers: Mapping | None = None, asked_by: ListPage | None = None, column: str = ""
) -> ListPage:
    """``parse_list``, the addresses as the page writes them; ``column``, the column's name as configured."""
    text, encoding = decode_html(body, headers)
    data = _JSON_BODY_RE.match(text)  # the data a column page's script asked for (scriptsource), not a page
    root = None if data else _tree(_boxed(text))
    if root is None:
        page = _source_list(text, url, asked_by) if data else ListPage(blank=True, reason="页面内容为空")
        return replace(page, encoding=encoding)
    url = normalise_url(url)
    base = _base_url(root, _drawn_into(asked_by, url))
    frames, refresh = (_frames(root, base), _list_scripts(root, base)), _meta_refresh(root)
    offered = _select_pages(root, base)
    loads_scripts, programs = _app_shell(root), _programs(root)
    carriers, scripts = _render_datastores(root), _strip_scripts(root)  # (in this order: the records, then no scripts)
    _dated_as_served(root, headers)  # 3天前, 昨天: the days they name
    title = _page_title(root)
    body_el = root.find("body") if root.find("body") is not None else root
    page_text = _text(body_el)
    code = pagerscripts.without_comments(scripts)  # for the pagers they write, and where their links go
    _address_script_links(body_el, code)
    calls = pagerscripts.trs_calls(code)
    trs = pagerscripts.trs_pager(calls) or pagerscripts.trs_written_pager(code)
    generated, page_count, script_total = _generated_pages(root, code, url, trs)
    name = _name_on_page(body_el, title, column)
    records, carried_total, carried = _records(body_el, text, carriers, base, year_from_url(url), name)
    entries = _entries(records, body_el, text, carriers, (base, url), name)
    stated = _stated_total(root, page_text, script_total)
    total = stated if stated is not None else carried_total
    page_count = page_count if page_count is not None else _page_count(page_text, code)
    proxied = _dataproxy_pages(carried, url, len(entries), carried_total) if carried_total else []
    found_pages = _pager_links(body_el, base, url, code) + generated + offered + proxied
    next_pages = [u for u in dict.fromkeys(found_pages) if not _same_page(u, url)]
    unfollowable = _unfollowable(body_el, page_count, next_pages, trs is None and bool(calls), (total, len(entries)))
    if carried_total and carried_total > len(entries) and not next_pages:
        unfollowable = f"大汉 JCMS 列表共 {carried_total} 条，其余由 dataproxy.jsp 脚本加载，无法跟随"
    forwards = _forwarding(frames, _moved_to(refresh, scripts, base, page_text), url) if not entries else None
    if forwards and not next_pages:
        return replace(forwards, title=title, encoding=encoding)
    said = _shown_text(body_el) if _SAID_RE.search(page_text) else page_text
    found = list(entries.values())
    beside = _only_beside(body_el, name, said, found, base, stated, (next_pages, page_count)) if found else ""
    if beside:  # the entries read are a sidebar's
        shown = (said, found, carried_total == 0)
        verdict = _beside_verdict(body_el, beside, scripts, _templated(body_el, said, text), shown)
        return replace(verdict, title=title, encoding=encoding)
    if not entries and _sign_in_page(root, url):  # a sign-in page (统一身份认证): the public cannot read it either
        return ListPage(soft_404=True, reason=SIGN_IN_REASON, title=title, encoding=encoding)
    if not entries and (drawn := _drawn_list(body_el, programs, base, said, (next_pages, page_count))):
        return replace(drawn, title=title, encoding=encoding)
    if not entries:
        drawn = _not_known_blank(body_el, said, text, loads_scripts)
        empty = _why_empty(
            title, said, scripts, total, trs is not None and trs[0] == 0, encoding, drawn, len(next_pages)
        )
        return _with_source(empty, code, base, body_el)
    return ListPage(tuple(found), tuple(next_pages), total, page_count, unfollowable, title=title, encoding=encoding)
