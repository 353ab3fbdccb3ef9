"""The publication date of an article page: fast rules first, a well-kept extractor where they find nothing.

Pure: an lxml tree and texts in, ``(date, source)`` out. The cascade, most trusted first:

1. ``meta``/``jsonld``/``microdata``: ``<meta name="PubDate">``, ``article:published_time``, JSON-LD
   ``datePublished``, an element marked ``itemprop="datePublished"``;
2. ``label:…``: a labelled line (发布时间：, 发布日期：, 发表于 …) near the title, then anywhere in the main part,
   then a meta table's column (发布日期 in a header row, the date in the row below);
3. ``url``: a date in the article's URL (``/2024/1028/``, ``t20241028_``);
4. ``near-title``: a date on the title's own info line, a date block shown just above the title
   (``<div class="date"><span>05</span><p>2024-01</p></div><h2>``), or within the first characters after the
   title (``标题 (图) 2005-06-14 03:25:55``, table-layout pages of the 2000s);
   ``time``: where none of those is found, the ``datetime`` of the first ``<time>`` close after the title (not
   an update's, a comment's or a listed article's): a day its text writes without its year or in a form the rules
   do not read;
5. ``dateline``: a date on a short line with 来源/作者/编辑/记者…, or in a news dateline (``新华社北京2005年7月3日电``,
   ``【…2005年07月03日报道】``);
6. ``timed``: the first full date with a time of day in the main text (``2022-02-13 20:04``), as GNE does;
7. ``signature``: the date a notice is signed with (落款: 校长办公室 / 2024年4月1日, or 二〇二四年四月一日), a
   paragraph of its own after the body;
8. ``htmldate``: htmldate (Apache-2.0) with ``original_date=True``, imported only when it is needed; its date is
   refused where the page shows it only in list items linking elsewhere (a sidebar's 最新通知: another article's).

A wrong date is worse than none: each rule refuses dates in clock widgets, copyright lines and view counters,
and dates the page shows only as another document's (an entry of a sidebar's list, the 上一篇 line, a table of
documents, an attachment's name); the unlabelled rules (4–7) only read text after the title, or an element next
to it whose whole text is a date.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import json
import logging
import re

from lxml import etree

from monitor.dates import (
    FULL_RE,
    date_from_url,
    dates_at,
    epoch_day,
    find_dates,
    labelled_form_date,
    make_date,
    normalise,
    parse_date,
)

log = logging.getLogger(__name__)

_META_DATE_NAMES = frozenset(
    (
        "pubdate",
        "publishdate",
        "publish_date",
        "publishtime",
        "publish-date",
        "article:published_time",
        "og:article:published_time",
        "og:published_time",
        "og:release_date",
        "datepublished",
        "dc.date",
        "dc.date.issued",
        "dc.date.created",
        "dcterms.created",
        "dcterms.issued",
        "firstpublishedtime",
        "releasedate",
        "release_date",
        "weibo:article:create_at",
        "bytedance:published_time",
        "sailthru.date",
        "parsely-pub-date",
    )
)
# labels in order of trust: the first that carries a date wins. The day a page was put out (发布, 公开, 公布) comes
# before the day its document was written or issued (成文, 发文, 印发: a 政务公开 record shows both, and the column's
# freshness is the day it went public), then the system's record of the upload, then bare and update labels
_LABELS = (
    "发布时间",
    "发布日期",
    "发表时间",
    "发表日期",
    "发表于",
    "发布于",
    "发布",  # 发布：2024-03-28 (its date right after it: 发布会 2024… is no label)
    "公开日期",
    "公开时间",
    "公布时间",
    "公布日期",
    "发稿时间",
    "发稿日期",
    "刊发时间",
    "生成日期",  # a 政务公开 catalogue's record date (索引号 … 生成日期), the day the record was put out
    "发文日期",
    "发文时间",
    "成文日期",
    "成文时间",
    "印发日期",
    "签发日期",
    "形成日期",
    "录入时间",
    "添加时间",
    "上传时间",
    "编辑时间",
    "创建时间",
    "日期",
    "时间",
    "更新时间",
    "更新日期",
    "更新",
)
# the labels of an update's or an edit's day: not the publication's, where the title's line shows that unlabelled
_UPDATE_SOURCES = frozenset(("label:更新时间", "label:更新日期", "label:更新", "label:编辑时间"))
_LABEL_RE = re.compile("(" + "|".join(_LABELS) + r")\s*[:：]?\s*")
_LABEL_SET = frozenset(_LABELS)
_LABELLED_DATE_RE = re.compile(_LABEL_RE.pattern + FULL_RE.pattern)
_NOT_PUBLICATION_RE = re.compile(
    r"今天是|今日|当前时间|现在时间|北京时间|版权|copyright|©|浏览|点击|访问|建立于|注册|登录|截止|截至|有效期|报名|考试|开始|结束|举办|举行|会议时间|活动时间|定于|将于|拟于|订于|引用|检索|"
    r"打印(?:日期|时间)|统计(?:日期|时间)|(?:服务器|系统)时间|(?:网站|本站|站点|全站)(?:最后|最近)?更新|"
    r"(?:废止|失效|生效|施行|实施)(?:日期|时间)|"  # a 政务公开 meta table's dates of a rule's force
    r"(?:页面|本页|报表|数据|统计|系统)生成",  # 数据生成日期: when a report was drawn (today), not put out
    re.I,
)
_DATELINE_WORDS_RE = re.compile(
    r"来源|作者|编辑|记者|供稿|撰稿|审核|审稿|发布|发表|更新|浏览|点击|阅读|字号|字体|打印|分享|摄影|通讯员"
)
_NEWS_DATELINE_RE = re.compile(r"^\s*(?:日\s*)?(?:电|讯|报道|消息)")
_TIME_OF_DAY_RE = re.compile(r"^\s*(?:日)?\s*[T ]?\s*\d{1,2}[:：]\d{2}")
_PREV_NEXT = r"上一篇|下一篇|上一条|下一条|前一篇|后一篇"  # the links to the articles beside this one
_NEIGHBOURS_RE = re.compile(rf"(?:{_PREV_NEXT})\s*[:：]")  # 上一篇：, the line naming the article before this one


def _before_neighbours(text: str, start: int) -> str:
    """``text`` up to the links to the articles beside this one (上一篇：, 下一条：) after ``start``: their labelled
    dates (发布时间：…) are theirs."""
    m = _NEIGHBOURS_RE.search(text, start)
    return text[: m.start()] if m else text


_END_OF_ARTICLE_RE = re.compile(rf"相关(?:链接|新闻|阅读|文章|报道|内容|推荐)|推荐阅读|延伸阅读|{_PREV_NEXT}|猜你喜欢")
_NOT_INFO_CLASS_RE = re.compile(r"related|relate|xiangguan|list|side|hot|recommend|tuijian|more|news", re.I)
_NEAR_CHARS = 120  # how far after the title an unlabelled date still belongs to it
_INFO_LINE_CHARS = 40  # a date this close after the title is the title's own info line
_LABEL_WINDOW = 24


def meta_date(root, html: str | None = None) -> tuple[dt.date | None, str]:
    """A date from ``<meta>``, JSON-LD or microdata; read before scripts are stripped. Microdata is looked for only
    where ``html``, the page's source if given, names it (a walk of the whole tree costs about a millisecond)."""
    for meta in root.iter("meta"):
        name = (meta.get("name") or meta.get("property") or meta.get("itemprop") or "").lower()
        if name in _META_DATE_NAMES:
            dates = find_dates(meta.get("content") or "")
            if dates:
                return dates[0], "meta"
    for script in root.iter("script"):
        if script.get("type") != "application/ld+json":
            continue
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        for obj in data if isinstance(data, list) else [data]:
            if isinstance(obj, dict) and isinstance(obj.get("datePublished"), str):
                dates = find_dates(obj["datePublished"])
                if dates:
                    return dates[0], "jsonld"
    for el in _MICRODATA_PUBLISHED(root) if html is None or "datePublished" in html else ():
        # <time itemprop="datePublished" datetime="…">: schema.org's microdata in the page
        if next(el.iterancestors("li"), None) is None:  # (not a listed post's)
            dates = find_dates(el.get("datetime") or el.get("content") or head(spaced_text(el), 40))
            if dates:
                return dates[0], "microdata"
    published = wechat_date(root)
    return (published, "wechat") if published else (None, "")


_MICRODATA_PUBLISHED = etree.XPath("//*[@itemprop='datePublished'][not(self::meta)]")


# a WeChat official-account article (mp.weixin.qq.com, linked from many colleges' news lists): its text shows no
# date (a script fills <em id="publish_time">), its script carries the creation time, var ct = "1695456000"
_WECHAT_TIME_RE = re.compile(r"""\b(?:ct|create_time)\s*=\s*["'](\d{10})["']""")


def wechat_date(root) -> dt.date | None:
    """The day (China time) a WeChat article was published, from its page's script; None for any other page."""
    if root.find(".//*[@id='js_content']") is None and root.find(".//*[@id='publish_time']") is None:
        return None
    for script in root.iter("script"):
        if m := _WECHAT_TIME_RE.search(script.text or ""):
            return epoch_day(m.group(1))
    return None


_SECTION_RE = re.compile(r"(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．])\s*$")
_BARE_LABELS = frozenset(("日期", "时间"))  # 一、时间：… in a notice is its event's; 发布时间 is the notice's own


def _section_time(text: str, since: int, label: int, after: int) -> bool:
    """A notice's section time, not its own date: a bare 时间/日期 label (at ``label``) after a section number
    (一、时间：, looked for from ``since``) or followed by a place (时间：… 地点：…, within 40 characters of ``after``)."""
    return _SECTION_RE.search(text, since, label) is not None or "地点" in text[after : after + 40]


def labelled_date(text: str, bare: bool = True) -> tuple[dt.date | None, str]:
    """The date after the most trusted label in ``text`` (normalised), if the date follows the label directly;
    with ``bare`` False, only a label that says what the date is (发布时间, not 时间). A label an event word makes
    (会议时间, 报名时间) is not one."""
    found: dict[str, dt.date] = {}
    original: dict[
        str, dt.date
    ] = {}  # 原文发布时间 of a forwarded document: only where the page gives no date of its own
    for m in _LABEL_RE.finditer(text):
        if m.group(1) in _BARE_LABELS and (
            not bare
            or _is_han(text[m.start() - 1 : m.start()])
            or _section_time(text, max(0, m.start() - 4), m.start(), m.end())
        ):
            continue  # 讲座时间 is an event's, 一、时间：… a section of a notice: not the notice's own date
        if _NOT_PUBLICATION_RE.search(text[max(0, m.start() - 6) : m.end()]):
            continue
        after = window(text, m.end(), m.end() + _LABEL_WINDOW)
        # where the first date starts: a year before it is no date's (发布日期 1 2026年部门预算 2026-03-25)
        d = dates_at(after)
        at = d[0][0] if d else -1
        kept = original if text[max(0, m.start() - 2) : m.start()].endswith(("原文", "原")) else found
        if d and 0 <= at <= 2 and not any(_is_han(ch) for ch in after[:at]):  # 时间为2026…: a sentence, no label
            kept.setdefault(m.group(1), d[0][1])
        elif not d and (other := labelled_form_date(after)):  # 26-09-23, 9/23/2026 9:30:00 AM
            kept.setdefault(m.group(1), other)
    for dates in (found, original):
        for label in _LABELS:
            if label in dates:
                return dates[label], f"label:{label}"
    return None, ""


def classes(el) -> str:
    """An element's class and id, to match chrome and list containers by name."""
    return f"{el.get('class', '')} {el.get('id', '')}"


def spaced_text(el) -> str:
    """Text with a space between elements, so that split date blocks (<span>28</span><span>2024-10</span>) stay apart."""
    return " ".join(" ".join(t.strip() for t in el.itertext() if t.strip()).split())


def _texts_outside_links(el):
    """The texts of ``el`` that are not a link's (a link's date names another document: 附件：<a>2026-09-20日程表</a>)."""
    if el.tag == "a":
        return
    if isinstance(el.tag, str) and el.text:
        yield el.text.strip()
    for child in el:
        yield from _texts_outside_links(child)
        if child.tail:
            yield child.tail.strip()


_INFO_BLOCK_CHARS = 160  # an info line's block is short; longer is the text itself


def info_line_date(title_el) -> dt.date | None:
    """An unlabelled date on the title's own info line: the next siblings of the title or of its wrapper."""
    candidates = []
    for anchor in (title_el, title_el.getparent()):
        if anchor is None:
            continue
        sibling = anchor.getnext()
        for _ in range(2):
            if sibling is None:
                break
            candidates.append(sibling)
            sibling = sibling.getnext()
    for el in candidates:
        if not isinstance(el.tag, str) or _NOT_INFO_CLASS_RE.search(classes(el)):
            continue
        if el.find(".//li") is not None or el.tag in ("ul", "ol", "table"):
            continue
        whole = normalise(" ".join(_texts_outside_links(el)))  # (附件：<a>2026-09-20….pdf)
        text = head(whole, _INFO_BLOCK_CHARS)
        text = text[: ended.start()] if (ended := _END_OF_ARTICLE_RE.search(text)) else text  # 上一篇：… 2026-09-20
        if _NOT_PUBLICATION_RE.search(text[:12]):
            continue
        m = FULL_RE.search(text)
        if m and "。" in text[: m.start()]:
            continue  # the text itself, a sentence before the date: a table it shows dates other documents
        if m and not _refused(text, m.start(), m.end()) and not _in_sentence(text, m.start(), m.end()):
            return make_date(*m.groups())  # (the next block may be the text itself: 会议于2026年10月20日召开)
        # a date in parts on a short info line: <div class="date"><span>23</span><span>2026-09</span></div>
        short = not (m or ended) and len(whole) <= _INFO_BLOCK_CHARS
        if short and (published := date_block(el, {x for a in el.iter("a") for x in a.iter()})):
            return published
    return None


def info_line_before(title_el) -> dt.date | None:
    """An unlabelled date on an info line just above the title (``<div class="info">2024年03月12日 来源：学校办公室
    </div><h1>…``): the previous sibling of the title or of its wrapper, a short line naming its source, author or
    hits beside the date (a header's clock or weather has none of those words)."""
    for anchor in (title_el, title_el.getparent()):
        before = anchor.getprevious() if anchor is not None else None
        if before is None or not isinstance(before.tag, str) or before.tag in ("ul", "ol", "table"):
            continue
        text = normalise(" ".join(_texts_outside_links(before)))
        if len(text) > _INFO_BLOCK_CHARS or before.find(".//li") is not None or not _DATELINE_WORDS_RE.search(text):
            continue
        for m, d in _full_dates(text):
            if not _refused(text, m.start(), m.end()) and not _NOT_PUBLICATION_RE.search(text[: m.start()][-8:]):
                return d
    return None


def date_block(el, skip=frozenset(), hint: int | None = None) -> dt.date | None:
    """The date of the first element inside ``el`` (not in ``skip``) whose whole text is a date: a leaf, or a few
    leaves (``<span>2026-09-23</span>``, ``<div><span>23</span><p>2026-09</p></div>``), so that a date a sentence
    names does not stand for the block's own."""
    for child in el.iterdescendants():
        if child in skip or not isinstance(child.tag, str) or len(child) > 3 or any(len(c) for c in child):
            continue
        raw = (child.text or "") + "".join((c.text or "") + " " + (c.tail or "") for c in child)
        if len(raw) > 2 * DATE_ALONE_MAX or not any(ch.isdigit() for ch in raw):
            continue  # cheap tests first: most elements of a text are long or hold no digit
        if published := date_alone(spaced_text(child), hint):
            return published
    return None


_DATE_TAIL_RE = re.compile(r"[\d年月日/.-]*")


def head(text: str, length: int) -> str:
    """The first ``length`` characters of ``text``, ended before a date they would cut: what lies past the
    length is not to be read, and 2026年9月1|5日 cut there read 1 September (a wrong date, worse than none)."""
    if length >= len(text):
        return text
    while length and _DATE_TAIL_RE.fullmatch(text[length - 1 : length + 1]):
        length -= 1
    return text[:length]


def window(text: str, start: int, end: int) -> str:
    """``text[start:end]``, its end moved past a date it would cut (2026年9月1|5日 read as 1 September: a wrong
    date, worse than none)."""
    end = max(start, end)
    return text[max(0, start) : _DATE_TAIL_RE.match(text, end).end()] if end < len(text) else text[max(0, start) :]


def _full_dates(text: str):
    """(match, date) for every full date in ``text`` (already normalised)."""
    for m in FULL_RE.finditer(text):
        d = make_date(*m.groups())
        if d:
            yield m, d


# after a date: the start of a period or a deadline (2024年6月1日至30日, 5月10日前, 自…起施行)
_SERIAL_AFTER_RE = re.compile(r"[-_]\d{3,}")  # 索引号 455800361/2026-09-23-0012: the date opens a serial number
# a document number just before the date (闽价费〔2023〕215号，2023年8月1日): the cited document's date, not the page's
_CITED_BEFORE_RE = re.compile(r"[〔\[［]\s*\d{4}\s*[〕\]］]\s*\d+\s*号\s*[，,、]?\s*$")
_PERIOD_AFTER_RE = re.compile(r"\s*(?:日\s*)?(?:\d{1,2}[:：]\d{2}\s*)?(?:至|到|~|～|前|之前|以前|起|开始|截止)")
_PERIOD_BEFORE_RE = re.compile(r"(?:至|到|~|～|—)\s*$")  # a period's end (公示期：2026-11-20 至 2026-11-27)


_BARE_LABEL_BEFORE_RE = re.compile(r"(?:时间|日期)\s*[:：]\s*$")
# after a date: the hour of an event (2026年10月20日（星期二）上午9:00, 10月20日下午2:30), not a publication's time
_EVENT_HOUR_RE = re.compile(
    r"\s*(?:日\s*)?(?:[（(]\s*(?:星期|周)[一二三四五六日天]\s*[)）])?\s*(?:上午|下午|晚上|早上|中午)"
)


def _refused(text: str, pos: int, end: int, lo: int = 0) -> bool:
    """A date preceded by a clock, copyright, counter or event word (定于…举行), by a cited document's number
    (〔2023〕215号，) or by a period's 至, or followed by the words of a period or a deadline (至, 前, 起), is not a
    publication date; nor a notice's section time (一、时间：…, or 时间：… 地点：…)."""
    since = max(lo, pos - 10)  # not before ``lo``: a title ending in 考试的通知 is no clock
    before = text[since:pos]
    if _NOT_PUBLICATION_RE.search(before) or _PERIOD_AFTER_RE.match(text, end) or _EVENT_HOUR_RE.match(text, end):
        return True
    if _PERIOD_BEFORE_RE.search(before):
        return True
    if _CITED_BEFORE_RE.search(text, max(lo, pos - 20), pos):
        return True
    labelled = _BARE_LABEL_BEFORE_RE.search(before)
    return labelled is not None and _section_time(text, since, since + labelled.start(), end)


def after_title_date(text: str, start: int, chars: int = _NEAR_CHARS, line: bool = False) -> dt.date | None:
    """The first date within ``chars`` after the title (``start``: where the title ends in ``text``); with ``line``,
    one on the title's info line, not inside a sentence of the text (会议于2026年10月20日在…召开)."""
    near = window(text, start, start + chars)
    end_of_article = _END_OF_ARTICLE_RE.search(near)  # 上一篇, 相关文章…: their dates are other articles'
    for m, d in _full_dates(near[: end_of_article.start()] if end_of_article else near):
        pos, end = start + m.start(), start + m.end()
        if line and (_in_sentence(text, pos, end) or "。" in near[: m.start()]):
            continue  # an info line holds no sentence: past one, the date is the text's (its signature, a table's)
        if not _refused(text, pos, end, start):  # what follows may pass the window
            return d
    return None


def _in_sentence(text: str, pos: int, end: int) -> bool:
    """A date written into a sentence: a Chinese word right before it and right after it (于2026年10月20日在),
    where an info line sets its date apart (2026-09-15 来源：…, 作者：张三 | 2026-09-15)."""
    return _is_han(text[pos - 1 : pos]) and _is_han(text[end : end + 1])


def _is_han(ch: str) -> bool:
    return bool(ch) and "\u4e00" <= ch <= "\u9fff"


def dateline_date(text: str, start: int = 0) -> tuple[dt.date | None, str]:
    """The first date after ``start`` that reads as the article's own dateline: followed by a time of day
    (``2022-02-13 20:04``, as GNE reads pages), by a news agency's 电/讯/报道, or next to 来源/作者/编辑….
    The article ends where its related-links block (相关链接, 上一篇…) begins: their dates are other articles'."""
    end_of_article = _END_OF_ARTICLE_RE.search(text, start)
    if end_of_article:
        text = text[: end_of_article.start()]
    for m, d in _full_dates(text[start:]):
        pos, end = start + m.start(), start + m.end()
        if _refused(text, pos, end):
            continue
        if _TIME_OF_DAY_RE.match(text[end : end + 10]):
            return d, "timed"
        if _NEWS_DATELINE_RE.match(text[end : end + 8]) or _DATELINE_WORDS_RE.search(text[max(0, pos - 12) : end + 12]):
            return d, "dateline"
    return None, ""


def fallback_date(html: str, url: str | None) -> dt.date | None:
    """htmldate's reading of the page (its own heuristics, original publication date), or None."""
    try:
        from htmldate import find_date  # imported here: ~0.15 s, paid only by pages the rules cannot date
    except ImportError:  # pragma: no cover - htmldate is a declared dependency
        return None
    logging.getLogger("htmldate").setLevel(logging.CRITICAL)  # it logs odd pages as errors: they are not ours
    try:
        found = find_date(html, url=url or None, original_date=True, outputformat="%Y-%m-%d")
    except Exception as exc:  # a third-party heuristic must never break a crawl
        log.debug("htmldate failed on %s: %s", url, exc)
        return None
    if not found:
        return None
    published = dt.date.fromisoformat(found)
    # htmldate completes a year or a month (copyright lines, archives) to the month's first day: a first of the
    # month is taken only where the page or its URL states that day in full
    if published.day == 1 and published != date_from_url(url) and published not in find_dates(normalise(html)):
        return None
    # and through dateutil, a bare 2026-09 (a date block's month, its day apart) to today's day of the month
    if published.day == dt.date.today().day and not _states_day(html, published):
        return None
    if _said_of_something_else(html, published):  # 统计日期：…, 打印日期：… (the day the page was made or printed)
        return None
    return None if _only_beside_other_links(html, published) else published


def _states_day(html: str, published: dt.date) -> bool:
    """Whether the page writes ``published`` with its day, in its text or its tags' values: in numbers (2020-03-18T…,
    30.10.23, 3/18/2020, 2020年3月18日), or with the month's name (June 30, 2017, 17 de marzo de 2020, 30. Juni
    2022); not only a month (2026-09) a parser completed with the day it was run."""
    return bool(_written_spots(html, published))


_TAG_RE = re.compile(r"<[^>]*>")


def _said_of_something_else(html: str, published: dt.date) -> bool:
    """Whether every place the page writes ``published`` follows words that make it no publication date (统计日期：,
    今天是, 打印日期：), tags between them aside, or opens an index number's serial (2026-09-23-0012)."""
    spots = _written_spots(html, published)
    return bool(spots) and all(
        _NOT_PUBLICATION_RE.search(_TAG_RE.sub("", html[max(0, start - 120) : start])[-12:])
        or _SERIAL_AFTER_RE.match(html, end)
        for start, end in spots
    )


def _written_spots(html: str, published: dt.date) -> list[tuple[int, int]]:
    """Where the page writes ``published`` with its day (``_day_written``'s matches), found from the places its year
    is written with the day's digits near, each read in a window around it. The whole pattern run over a 100 KB
    page took 36 ms (its month-name forms try every letter), these windows about 1–3 ms; the matches are the same
    on every real page of tests/fixtures/real (a month's name would have to run 60 letters to be missed)."""
    pattern, day = _day_written(published), str(published.day)
    found: set[tuple[int, int]] = set()
    for year in (str(published.year), f"{published.year % 100:02d}"):
        at = html.find(year)
        while at != -1:
            end = at + len(year)
            if day in html[max(0, at - 60) : at] or day in html[end : end + 16]:
                for m in pattern.finditer(html, max(0, at - 80), end + 40):
                    if m.start() <= at and end <= m.end():
                        found.add(m.span())
            at = html.find(year, at + 1)
    return sorted(found)


@functools.lru_cache(maxsize=64)
def _day_written(published: dt.date) -> re.Pattern:
    """``published`` written with its day, as ``_states_day`` reads it."""
    y = rf"(?:{published.year}|{published.year % 100:02d})"
    m, d, sep, name = rf"0?{published.month}", rf"0?{published.day}", r"\s?[-/.年月]\s?", r"[^\W\d_]{3,}"
    written = (
        rf"{y}{sep}{m}{sep}{d}",  # 2020-03-18, 2020年3月18
        rf"{d}{sep}{m}{sep}{y}",  # 18.03.2020, 30.10.23
        rf"{m}{sep}{d}{sep}{y}",  # 3/18/2020
        rf"{d}\.?\s*(?:de\s+)?{name}\.?,?\s*(?:de\s+)?{y}",  # 18 March 2020, 17 de marzo de 2020, 30. Juni 2022
        rf"{name}\.?\s*{d}(?:st|nd|rd|th)?,?\s*{y}",  # March 18, 2020
    )
    return re.compile(rf"(?<!\d)(?:{'|'.join(written)})(?!\d)", re.I)


_ENTRY_TITLE_CHARS = 8  # a link titled as a document is, not 来源：<a>新华网</a> on the page's own info line


_WEEKDAY_RE = re.compile(r"(?:星期|礼拜|周)[一二三四五六日天]|\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*day\b", re.I)
# the page's own top bar or header, by a whole class or id (not an article's: article-header-top)
_TOP_NAMES = frozenset(("top", "topbar", "top-bar", "top_bar", "header", "site-top", "site-header", "toolbar"))


def _a_clock_above(title_el, published: dt.date) -> bool:
    """Whether the page shows ``published`` only above its title, as a header's clock does: beside a weekday
    (2026年11月30日 星期一) or in an element classed as the page's top or header; never at or below the title. Such
    a date is the day the page was served, which made an unchanged page look published that day."""
    year = str(published.year)
    below = title_el.xpath("descendant::text()[contains(., $y)] | following::text()[contains(., $y)]", y=year)
    if any(_showing(below, published)):
        return False
    shown = list(_showing(title_el.xpath("preceding::text()[contains(., $y)]", y=year), published))
    around = set(title_el.iterancestors())  # an article's own header holding its title is not the page's top
    return bool(shown) and all(_clock_like(node, around) for node in shown)


def _served_day(title_el, html: str, published: dt.date) -> bool:
    """Whether the page shows ``published`` only as the day it was served: as a clock above the title
    (_a_clock_above), or, where the text read shows it nowhere, as a clock in the chrome the page's tree was read
    without (a header's date component, dropped with the header)."""
    if _a_clock_above(title_el, published):
        return True
    year = str(published.year)
    if any(_showing(_YEAR_TEXTS(title_el.getroottree().getroot(), year=year), published)):
        return False
    try:
        raw = etree.HTML(html)
    except (ValueError, etree.ParserError):
        return False
    shown = list(_showing(_YEAR_TEXTS(raw, year=year), published))
    return bool(shown) and all(_clock_like(node, set()) for node in shown)


def _holder(node):
    """The element a text node (lxml's smart string) is shown in: its parent's, for an element's tail."""
    return node.getparent().getparent() if node.is_tail else node.getparent()


def _showing(nodes, published: dt.date):
    """Those of the text ``nodes`` (holding the date's year) that show ``published``, in an element that is shown
    (not a script's or a style's), lazily."""
    for node in nodes:
        holder = _holder(node)
        if holder is not None and holder.tag not in _NOT_SHOWN and published in _dates_of(node, holder):
            yield node


def _clock_like(node, around: set) -> bool:
    """Whether a text node above the title showing a date reads as a clock: beside a weekday, or in the page's top
    or header (an element so classed that does not hold the title)."""
    holder = _holder(node)
    if _WEEKDAY_RE.search(str(node)) or _WEEKDAY_RE.search(_short_text(holder, DATE_ALONE_MAX + 10) or ""):
        return True
    ups = itertools.chain((holder,), holder.iterancestors())
    return any(up not in around and not _TOP_NAMES.isdisjoint(classes(up).lower().split()) for up in ups)


_YEAR_TEXTS = etree.XPath("//body//text()[contains(., $year)]")
_NOT_SHOWN = frozenset(("script", "style", "noscript", "template", "textarea", "option"))


class _OtherDocuments:
    """Whether a page (of its title element) shows a date only as another document's: in a link's own text (an
    attachment's name: 附件：2026-09-20日程表.pdf), in a row of a table of documents (序号 | 文件名称 | 发布日期) or
    in an entry of a list of other documents (a sidebar's 最新通知 … 发布时间：2026-11-10: items each holding a link
    titled as a document, two or more in one list), never on a line of its own. Only the texts holding the date's
    year are looked at (an XPath), each where it sits."""

    def __init__(self, title_el) -> None:
        self.root = title_el.getroottree().getroot() if title_el is not None else None
        self.entries: dict = {}  # list item -> whether it is an entry of a list of other documents
        self.rows: dict = {}  # table -> its rows of documents
        self.answers: dict[dt.date, bool] = {}

    def __call__(self, published: dt.date) -> bool:
        if published not in self.answers:
            self.answers[published] = self._only_theirs(published)
        return self.answers[published]

    def _only_theirs(self, published: dt.date) -> bool:
        if self.root is None:
            return False
        theirs = False
        for node in _showing(_YEAR_TEXTS(self.root, year=str(published.year)), published):
            if not self._names_another(_holder(node)):
                return False  # shown on a line of the page's own
            theirs = True
        return theirs

    def _names_another(self, el) -> bool:
        item = None
        for up in itertools.chain((el,), el.iterancestors()):
            if up.tag == "a" and up.get("href"):
                return True  # a link's own text (not a named anchor's, <a name=top1>)
            if item is None and up.tag in _LIST_ITEM_TAGS:
                item = up
        if item is None:
            return False
        if item.tag == "tr" and (table := next(item.iterancestors("table"), None)) is not None:
            if table not in self.rows:
                self.rows[table] = set(_document_rows(table))
            if item in self.rows[table]:
                return True
        if item not in self.entries:
            parent = item.getparent()
            titled = [c for c in parent if c.tag == item.tag and _entry_sized(c)] if parent is not None else []
            self.entries.update(dict.fromkeys(parent if parent is not None else (), False))
            self.entries.update(dict.fromkeys(titled, len(titled) > 1))
        return self.entries.get(item, False)


def _dates_of(node, holder) -> list[dt.date]:
    """The dates a text node shows: its own, or, for a date split across elements, its holder's short text's."""
    return find_dates(normalise(str(node))) or find_dates(normalise(_short_text(holder, _LIST_ITEM_CHARS) or ""))


def _entry_sized(item) -> bool:
    """Whether ``item`` is a list's entry: an entry's size (not a layout row holding the article), with a link
    titled as a document is (not 来源：<a>新华网</a>)."""
    return _short_text(item, _LIST_ITEM_CHARS) is not None and any(
        a.get("href") and len(_short_text(a, 80) or "") >= _ENTRY_TITLE_CHARS for a in item.iter("a")
    )


_DOCUMENT_HEADS = frozenset(("序号", "文件名称", "文件标题", "文件名"))  # not 名称: a meta table labels its title so


def _document_rows(table) -> list:
    """The rows under a table's header row when that header names documents (序号, 文件名称), else none. A header
    row is headings only: a meta table's row labelling its title (文件名称 | 关于…的通知) is none."""
    rows = [row for row in table.iter("tr") if next(row.iterancestors("table"), None) is table]
    for i, row in enumerate(rows[:2]):
        cells = _cells(row)
        if not _DOCUMENT_HEADS.isdisjoint(_cell_text(c) for c in cells) and all(
            _short_text(c, 12) is not None for c in cells
        ):
            return rows[i + 1 :]
    return []


def _shown_only_in(root, published: dt.date, texts) -> bool:
    """Whether every time ``root``'s text shows ``published`` is in one of ``texts`` (its parts: links, list items)."""
    shown = find_dates(normalise(spaced_text(root))).count(published)
    return 0 < shown <= sum(find_dates(normalise(text)).count(published) for text in texts)


_LIST_ITEM_TAGS = ("li", "tr", "dd", "dt")
_PREV_NEXT_RE = re.compile(rf"\s*[【\[]?\s*(?:{_PREV_NEXT}|上篇|下篇|上一页|下一页)")


def _only_beside_other_links(html: str, published: dt.date) -> bool:
    """Whether the page shows ``published`` only in list items that link elsewhere (a sidebar of 最新通知, a
    related-news list), in links' own text (an attachment's name) or in a table of documents (序号 | 文件名称 |
    发布日期): another document's date, not this one's.
    htmldate reads such a date where the page states none of its own."""
    try:
        root = etree.HTML(html)
    except (ValueError, etree.ParserError):
        return False
    body = root.find("body") if root is not None else None
    if body is None:
        return False
    etree.strip_elements(body, "script", "style", etree.Comment, with_tail=False)
    # the nearest list item of each link, when it is an entry's size (not a layout row); keyed by the element
    # itself, which keeps its proxy alive (an id() of a freed lxml proxy is reused by the next one)
    items: dict = {}
    for a in body.iter("a"):
        if not a.get("href"):
            continue
        item = next(a.iterancestors(*_LIST_ITEM_TAGS), None)
        line = a.getparent() if item is None else None
        if line is not None and _PREV_NEXT_RE.match(spaced_text(line)):
            item = line  # 上一篇：<a>…</a> 2026-09-20
        item = a if item is None else item  # or the link's own text: another document's (附件：<a>2026-09-20….pdf</a>)
        if item not in items:
            text = spaced_text(item)
            items[item] = text if len(text) <= _LIST_ITEM_CHARS else ""
    rows = [spaced_text(row) for table in body.iter("table") for row in _document_rows(table)]
    return _shown_only_in(body, published, items.values()) or _shown_only_in(body, published, rows)


_LIST_ITEM_CHARS = 200


def _title_ends(text: str, title_text: str, most: int = 3) -> list[int]:
    """Where the title ends in ``text``: its first few occurrences (a page repeats it in the breadcrumb…)."""
    ends, at = [], text.find(title_text) if title_text else -1
    while at >= 0 and len(ends) < most:
        ends.append(at + len(title_text))
        at = text.find(title_text, at + 1)
    return ends


DATE_ALONE_MAX = 24  # the text of an element that holds a date alone: 2024-01-05, [09-23], 05 2024-01, 2024年01月05日
_CJK_RUN_RE = re.compile(r"[\u4e00-\u9fff]{3,}")


_CLOCK_RE = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?")


# a date styled in three parts with no mark between them, read only as an element's whole text
_SPACED_PARTS_RE = re.compile(r"((?:19|20)\d\d)\s+(\d{1,2})\s+(\d{1,2})")


def date_alone(text: str, year_hint: int | None = None, weekday: bool = False) -> dt.date | None:
    """The date ``text`` is, when it is nothing but a date (an element's whole text, no words around it), or None.
    With ``weekday``, a weekday beside it is part of it (an entry's 2026年9月21日 星期一; not so above an article,
    where a date with its weekday is the header's clock)."""
    text = _WEEKDAY_RE.sub(" ", text) if weekday and ("星期" in text or "礼拜" in text) else text
    if not 4 <= len(text) <= DATE_ALONE_MAX or _CJK_RUN_RE.search(text):
        return None
    whole = FULL_RE.search(normalise(text))
    if whole and any(
        ch.isdigit() for ch in _CLOCK_RE.sub("", whole.string[: whole.start()] + whole.string[whole.end() :])
    ):
        return None  # more numbers than a date and its time: 2026-09-01-001, an index number
    if spaced := _SPACED_PARTS_RE.fullmatch(text.strip()):
        return make_date(*spaced.groups())  # <span>2024</span><span>03</span><span>28</span>: a date in three parts
    return parse_date(text, year_hint)


def date_block_before(title_el) -> dt.date | None:
    """A date shown as a block just above the title (``<div class="date"><span>05</span><p>2024-01</p></div><h2>``):
    the element right before the title, or before its wrapper, whose whole text is a date."""
    for anchor in (title_el, title_el.getparent()):
        before = anchor.getprevious() if anchor is not None else None
        if before is None or not isinstance(before.tag, str):
            continue
        published = date_alone(normalise(spaced_text(before)))
        if published:
            return published
    return None


_FOLLOWING_BLOCKS = etree.XPath("following::*[self::p or self::div]")
_BODY_BLOCKS = etree.XPath("descendant::*[self::p or self::div]")
_LIST_TAGS = frozenset(("li", "ul", "ol", "dl", "dd", "dt", "a"))


def _following(el):
    """The elements after ``el`` in document order (XPath's ``following::*``), lazily: the walk stops at the first
    lines after the title, not after listing a large page's every element."""
    node = el
    while node is not None:
        for sibling in node.itersiblings(etree.Element):
            yield from sibling.iter(etree.Element)
        node = node.getparent()


_TIME_NEAR_CHARS = 600  # how much text after the title a <time> may follow and still be the article's
_NOT_TIME_CLASS_RE = re.compile(r"comment|reply|related|relate|side|recommend", re.I)
_UPDATE_CLASS_RE = re.compile(r"updated|modified", re.I)  # (WordPress: "entry-date published updated" is both)


def time_element_date(title_el) -> dt.date | None:
    """The day HTML's machine-readable date gives (``<time datetime="2022-01-21">21.01.2022 - 13:30</time>``, a
    day written in a form the rules do not read, or without its year: 5月10日) on the first ``<time datetime>`` after
    the title, within its first lines: not an update's, a comment's, a related article's or a listed one's."""
    own = set(title_el.iterancestors())
    seen = 0
    for el in _following(title_el):
        if el.tag == "time" and el.get("datetime"):
            between = itertools.takewhile(lambda a: a not in own, itertools.chain([el], el.iterancestors()))
            if any(a.tag in ("li", "dd", "dt") or _NOT_TIME_CLASS_RE.search(classes(a)) for a in between):
                continue
            named = classes(el)
            if _UPDATE_CLASS_RE.search(named) and "publish" not in named.lower():
                continue
            dates = find_dates(el.get("datetime"))
            return dates[0] if dates else None
        seen += len((el.text or "").strip()) + len((el.tail or "").strip())
        if seen > _TIME_NEAR_CHARS:
            return None
    return None


def signature_date(title_el, body=None) -> dt.date | None:
    """The date a document is signed with (落款): a paragraph after the title (or, on a page with no title element,
    in its ``body``) whose whole text is a date, right after a paragraph of text (the issuing office, or the body's
    last line), outside any list or sidebar. Taken only when the page has one such date: several are a table or a
    list of dates, not a signature."""
    found = set()
    for el in _FOLLOWING_BLOCKS(title_el) if title_el is not None else _BODY_BLOCKS(body):
        text = _short_text(el, DATE_ALONE_MAX)
        published = date_alone(normalise(text)) if text and el.find(".//a") is None else None
        if published:
            before = el.getprevious()
            said = "".join(before.itertext()).strip() if before is not None and isinstance(before.tag, str) else ""
        else:  # 校长办公室<br>2024年4月1日: the block's last line, the issuer's on the line above
            said, published = _signed_last_line(el)
        if not published or not said[1:] or _LABEL_END_RE.search(said):
            continue  # (一、会议时间： or 会议时间 above it: the date it labels, an event's, not a signature)
        if any(a.tag in _LIST_TAGS or _NOT_INFO_CLASS_RE.search(classes(a)) for a in el.iterancestors()):
            continue
        found.add(published)
    return found.pop() if len(found) == 1 else None


_LABEL_END_RE = re.compile(r"(?:[:：]|时间|日期|截止|期限)\s*$")
_HOLDS_BLOCKS = etree.XPath("boolean(descendant::*[self::p or self::div or self::table or self::ul or self::ol])")


def _signed_last_line(el) -> tuple[str, dt.date | None]:
    """A block of lines parted by ``<br>`` (and no block inside), whose last line alone is a date: that line's
    line above and the date; else ``("", None)``. A link's text is no line's: a listed document's date is not one."""
    if el.find("br") is None or _HOLDS_BLOCKS(el):
        return "", None
    lines = [" ".join(line.split()) for line in "".join(_line_parts(el)).split("\n")]
    lines = [line for line in lines if line]
    dated = [date_alone(normalise(line)) if len(line) <= DATE_ALONE_MAX else None for line in lines]
    if len(lines) < 2 or not dated[-1] or sum(map(bool, dated)) > 1:
        return "", None  # (第一批<br>2026年10月8日<br>第二批<br>2026年10月15日: a schedule)
    return lines[-2], dated[-1]


def _line_parts(el):
    """``el``'s text in document order, a newline for each ``<br>``, a link's text replaced by a mark."""
    yield (el.text or "") if el.tag != "a" else "\u2192"
    for child in el:
        if child.tag == "br":
            yield "\n"
        elif isinstance(child.tag, str):
            yield from _line_parts(child)
        yield child.tail or ""


def header_row_date(el) -> tuple[dt.date | None, str]:
    """A date a table of ``el``'s page gives under a label of a header row, in the row below: a 政务公开 meta table
    laid out in columns (<tr><th>索引号</th><th>发布日期</th></tr><tr><td>…</td><td>2026-09-23</td></tr>). Only a
    header with a meta heading beside the label (索引号, 文号…) and no 序号, over a row without links: a list of
    documents has those. A bare 时间/日期 heads a schedule's column, and a column dated in the row after too is a
    list's: neither counts."""
    found: dict[str, dt.date] = {}
    for row in el.getroottree().getroot().iter("tr"):
        heads = [_cell_text(c) for c in _cells(row)]
        labels = [h if h in _LABEL_SET and h not in _BARE_LABELS else "" for h in heads]
        page_meta = any(labels) and "序号" not in heads and not _META_HEADS.isdisjoint(heads)
        below = _row_after(row) if page_meta else None
        if below is None or below.find(".//a") is not None or len(_cells(below)) != len(heads):
            continue
        later = _row_after(below)
        after = _cells(later) if later is not None else []
        for i, (label, value) in enumerate(zip(labels, _cells(below), strict=True)):
            if label and (date := _cell_date(value)) and not (len(after) == len(heads) and _cell_date(after[i])):
                found.setdefault(label, date)
    return next(((found[label], f"label:{label}") for label in _LABELS if label in found), (None, ""))


def column_date(row) -> dt.date | None:
    """A list's table row's date in the column its header row names as the publication's: the most trusted label
    (发布日期 over 成文日期, 发布时间 over a bare 时间), never a column headed 截止日期, 开标时间 or 有效期 (no label).
    None where the table has no such header (the first rows without links, above the row) or the cell no date."""
    table = next(row.iterancestors("table"), None) if row.tag == "tr" else None
    if table is None:
        return None
    cells = _cells(row)
    for head in table.iter("tr"):
        if head is row or head.find(".//a") is not None:
            return None  # the rows of the list reached: no header names a date column
        heads = [_cell_text(c) for c in _cells(head)]
        ranked = sorted((_LABELS.index(h), i) for i, h in enumerate(heads) if h in _LABEL_SET)
        if ranked and len(cells) == len(heads):
            return next((d for _, i in ranked if (d := _cell_date(cells[i]))), None)
    return None


# the headings a page's own meta table has beside its date (a list of documents has 序号, 文件名称 and links)
_META_HEADS = frozenset(
    ("索引号", "发布机构", "发文机关", "文号", "发文字号", "主题分类", "公开方式", "公开范围", "信息来源")
)


def _cells(row) -> list:
    return [c for c in row if c.tag in ("td", "th")]


def _cell_text(cell) -> str:
    """A header cell's heading, spaces and a closing colon dropped (名　　称： -> 名称); '' for a long cell."""
    return "".join((_short_text(cell, 12) or "").split()).rstrip(":：")


def _cell_date(cell) -> dt.date | None:
    return next(iter(find_dates(_short_text(cell, 30) or "")), None)


def _row_after(row):
    """The table row after ``row``, across a <thead>/<tbody> boundary."""
    after = row.getnext()
    while after is not None and after.tag != "tr":
        after = after.getnext()
    if after is None and row.getparent() is not None and row.getparent().tag == "thead":
        body = row.getparent().getnext()
        after = body.find("tr") if body is not None and body.tag == "tbody" else None
    return after


def _short_text(el, most: int) -> str | None:
    """``spaced_text(el)`` when it is at most ``most`` characters, else None (read no further than that)."""
    parts, size = [], 0
    for t in el.itertext():
        t = t.strip()
        if t:
            size += len(t) + 1
            if size > most + 1:
                return None
            parts.append(t)
    return " ".join(" ".join(parts).split())


def _beside_update(near: str, text: str, ends: list[int], updated: tuple, theirs) -> tuple[dt.date | None, str]:
    """Where the title's line labels only an update's day (更新：2026-11-22), the publication it shows beside it: a
    date under a bare label (日期：2026-11-20), else an unlabelled one on the line (2026-11-20 10:00), earlier than the
    update; else the update's day."""
    label = updated[1].removeprefix("label:")

    def apart(m: re.Match) -> str:  # the update's and a forwarded document's 原文发布时间: neither is the page's
        return (
            " " if m.group(1) == label or m.string[max(0, m.start() - 2) : m.start()].endswith(("原文", "原")) else m[0]
        )

    others = _LABELLED_DATE_RE.sub(apart, near)
    found = labelled_date(others)
    if found[0] and found[1] not in _UPDATE_SOURCES and not theirs(found[0]):
        return found
    masked = _LABELLED_DATE_RE.sub(lambda m: " " * len(m.group(0)), text)  # (原发布时间：… is labelled: no publication)
    published = after_title_date(masked, ends[0], _INFO_LINE_CHARS, line=True) if ends else None
    if published and published < updated[0] and not theirs(published):
        return published, "near-title"
    return updated


def article_date(
    meta: tuple[dt.date | None, str],
    text: str,
    title_text: str,
    title_el,
    url: str,
    html: str,
    body=None,
) -> tuple[dt.date | None, str]:
    """The cascade above over a page's main text (chrome removed, normalised); ``body``, the page's body, where its
    signature is looked for when no title element is known."""
    if meta[0]:
        return meta
    ends = _title_ends(text, title_text)
    title_end = ends[0] if ends else 0
    own = _before_neighbours(text, title_end) if ends else text  # (上一条：… 发布时间：2026-09-20: the previous one's)
    near = window(own, title_end - len(title_text), title_end + 400) if ends else ""
    theirs = _OtherDocuments(title_el if title_el is not None else body)  # (no title element: the page's body)
    found = labelled_date(near, bare=False)
    if found[0] and not theirs(found[0]):
        return _beside_update(near, text, ends, found, theirs) if found[1] in _UPDATE_SOURCES else found
    for end in ends:
        published = after_title_date(text, end, _INFO_LINE_CHARS, line=True)
        if published and (end == ends[0] or not theirs(published)):  # (the title's words again: in an entry?)
            return published, "near-title"  # the title's info line, before a 时间： in the text below
    for part in (near, own):
        found = labelled_date(part)
        if found[0] and not theirs(found[0]):
            return found
    found = header_row_date(title_el) if title_el is not None else (None, "")
    if found[0]:
        return found
    published = date_from_url(url)
    if published:
        return published, "url"
    if title_el is not None:
        published = info_line_date(title_el) or date_block_before(title_el) or info_line_before(title_el)
        if published and not theirs(published):
            return published, "near-title"  # (not the first row of a table of documents under the title)
    published = time_element_date(title_el) if title_el is not None else None
    if published and not theirs(published):
        return published, "time"
    # a notice signed at its end (落款) is dated by its signature, not by the first date its text names (会议于
    # 2026年10月20日召开: the event's); a date in the text after the title is taken only where none is signed
    published = signature_date(title_el, body)
    if published:
        return published, "signature"
    if title_end:
        published = after_title_date(text, title_end)
        if published and not theirs(published):
            return published, "near-title"  # (not an attachment's name: 附件：2026-09-20日程表.pdf)
    found = dateline_date(text, title_end)
    if found[0] and not theirs(found[0]):
        return found
    published = fallback_date(html, url)
    if published and title_el is not None and _served_day(title_el, html, published):
        return None, ""  # the day the page was served, in its header: 2026年11月30日 星期一
    return (published, "htmldate") if published else (None, "")
