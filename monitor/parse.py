"""Read the pages of the CMSs Chinese colleges run on. Pure: bytes in, frozen dataclasses out.

Public API (the readers of list pages live in :mod:`monitor.listpage`, what both share in
:mod:`monitor.htmlpage`; they are re-exported here)::

    parse_list(body: bytes, url: str, headers=None, asked_by=None, column="") -> ListPage
    parse_column_page(body: bytes, url: str, headers=None, asked_by=None, column="") -> ListPage  # a column's page: list, or the content
    parse_article(body: bytes, url: str, headers=None) -> Article
    decode_html(body: bytes, headers=None) -> tuple[str, str]

Both parsers take the raw bytes and do their own decoding (BOM, then HTTP charset, then <meta>, then
detection; GB2312/GBK decoded as GB18030; a page labelled UTF-8 whose bytes are GBK still decodes).
An article's date comes from :mod:`monitor.pagedates` (fast rules, htmldate where they find nothing).
"""

from __future__ import annotations

import base64
import collections
import datetime as dt
import html
import itertools
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from urllib.parse import quote, unquote, urlsplit

from lxml import etree

from monitor import pagedates, pagerscripts
from monitor.dates import date_from_url, normalise
from monitor.htmlpage import (
    _HAN_RE,
    _HEAD_SPLIT_RE,
    _HEADING_TAGS,
    _SITE_NAME_RE,
    _TITLE_SEPARATORS,
    _anchor_title,
    _base_url,
    _card_parts,
    _chrome_block,
    _drop,
    _drop_chrome,
    _has_address,
    _holding,
    _is_soft_404,
    _lay_apart,
    _link,
    _nav_like,
    _page_title,
    _placeholder,
    _script_link,
    _shown_text,
    _sign_in_page,
    _spaced_text,
    _strip,
    _strip_scripts,
    _text,
    _tree,
    alerted,
    decode_html,
    says_gone,
)
from monitor.listpage import (
    _CRUMB_RE,
    _PAGER_CLASS_RE,
    _PAGER_TEXT_RE,
    DRAWN_REASON,
    EMPTY_REASON,
    NO_OWN_LIST_REASON,
    SCRIPT_DATA_REASON,
    TEMPLATE_REASON,
    Entry,
    ListPage,
    _column_headings,
    _empty_list_in,
    _name_on_page,
    lone_entry,
    parse_list,
)
from monitor.pagedates import article_date, classes
from monitor.sections import as_utf8, section_name, section_page, tab_page
from monitor.urls import (
    DOWNLOAD_RE,
    FILE_EXTS,
    as_browser_sends,
    host_of,
    is_attachment_url,
    looks_like_article,
    looks_like_list,
    normalise_url,
)

__all__ = ["Article", "Attachment", "Entry", "ListPage", "decode_html", "parse_article", "parse_list"]


@dataclass(frozen=True)
class Attachment:
    title: str
    url: str


@dataclass(frozen=True)
class Article:
    title: str = ""
    published: dt.date | None = None
    # meta | jsonld | microdata | wechat | label:发布时间 | url | near-title | time | dateline | timed | signature |
    # htmldate | ""
    date_source: str = ""
    attachments: tuple[Attachment, ...] = ()
    text: str = ""
    soft_404: bool = False
    encoding: str = ""
    sign_in: bool = False  # a sign-in page (统一身份认证) answered instead of the article


# --- article pages ----------------------------------------------------------------------------


_BLOCK_END_RE = re.compile(r"(?i)<(br|/p|/div|/h[1-6]|/li|/tr|/td|/section)\b[^>]*>")


def page_lines(body: bytes, headers: Mapping | None = None) -> str:
    """A page's text with a line per block, so that headings and paragraphs stay apart (a report's parts)."""
    text, _ = decode_html(body, headers)
    text = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", text)
    return html.unescape(re.sub(r"<[^>]+>", "", _BLOCK_END_RE.sub("\n", text)))


# any element; "title" alone: h2, h3, div. titlestyle1045: the title cell of 博达 VSB's older table templates
_LIST_OF_TITLES = 4  # this many blocks of one capitalised title class are a list's entries
_TITLED_CLASSES = ("arti_title", "article-title", "news_title", "titlestyle")


_CUT_RE = re.compile(r"\s*(?:\.{2,}|…+|。。。)\s*$")  # a list's title cut short: 关于公布2026年专业技术职务评审…
_CUT_STEM = 4  # characters a cut title keeps at least, to be told for the start of another


def completed_title(listed: str, article_title: str) -> str | None:
    """The article's own title where its list shows it cut short (关于公布2026年专业技术…, no title attribute to read
    the whole from) and the article's title goes on from what the list shows; None otherwise."""
    cut = _CUT_RE.search(listed)
    if cut is None:
        return None
    stem, whole = " ".join(listed[: cut.start()].split()), " ".join(article_title.split())
    return whole if len(stem) >= _CUT_STEM and len(whole) > len(stem) and whole.startswith(stem) else None


def _linked(el) -> bool:
    return el.find(".//a") is not None or next(el.iterancestors("a"), None) is not None


_TIT_CLASS_RE = re.compile(r"(?:^|\s)(?:tit|bt|biaoti)(?:$|\s)")  # <div class="tit">: a title block, named short


def _title_candidates(root):
    """The headings that may hold the article's title, in order of preference: every h1; then elements classed as
    a title; then every h2 (at most ``_MOST_HEADINGS`` of each). The last two in one walk of the tree, taken only
    when no h1 will do."""
    yield from itertools.islice(root.iter("h1"), _MOST_HEADINGS)
    titled, h2 = [], []
    for el in root.iter(etree.Element):
        tag, cls = el.tag, el.get("class")
        if not cls:
            pass
        elif "title" in (low := cls.lower()) and (tag in ("h2", "h3", "div") or any(c in low for c in _TITLED_CLASSES)):
            titled.append(el)
        elif tag in ("div", "p", "td", "h2", "h3") and _TIT_CLASS_RE.search(cls) and not _linked(el):
            titled.append(el)  # an article's title is text; a list's entry titles (<td class="tit"><a>…) are links
        if tag == "h2":
            h2.append(el)
    # a capitalised title class (artTitle, NewsTitle) worn by many blocks names a list's entries (a forum's
    # <div class="Title"> per thread), not the title
    repeated = collections.Counter(el.get("class") for el in titled if "title" not in el.get("class"))
    yield from [el for el in titled if repeated[el.get("class")] < _LIST_OF_TITLES][:_MOST_HEADINGS]
    yield from h2[:_MOST_HEADINGS]


# an info line a template puts inside the title element: a date, or a 来源/作者/发布/点击 label
_TITLE_INFO_RE = re.compile(r"^\W{0,2}(?:(?:19|20)\d\d\s*[-/.年]\s*\d{1,2}|来源|作者|发布|发表|点击|浏览|时间|日期)")


# a badge a template sets before the title in its heading (<h2><span>原创</span>标题</h2>): not the title's words
# (two characters at least: a title's own first character may be styled apart, <span>热</span>烈祝贺…)
_BADGE_RE = re.compile(r"原创|置顶|独家|推荐|头条|转载|图文|视频|快讯|最新|top|hot|new", re.I)
_BADGE_TAGS = ("span", "em", "i", "b", "strong", "label", "font")


def _title_text(el) -> str:
    """The title element's text without the info line a template puts inside it, nor a badge before it."""
    text = _title_line(el)
    first = el[0] if len(el) and not (el.text or "").strip() else None
    if first is not None and first.tag in _BADGE_TAGS and (first.tail or "").strip():
        badge = _text(first)
        if _BADGE_RE.fullmatch(badge) and text.startswith(badge):
            return text[len(badge) :].lstrip()
    return text


def _title_line(el) -> str:
    """The title element's text without the info line a template puts inside it: PHPCMS writes
    ``<h1>标题<br /><span>2024-05-06 10:00 来源：…</span></h1>``. Cut at a ``<br>`` or at a last child whose text is
    such a line; a date inside the title's sentence (``关于<span>2024年5月6日</span>停电的通知``) stays."""
    children = [c for c in el if isinstance(c.tag, str)]
    for i, child in enumerate(children):
        after = " ".join(_text(c) + " " + (c.tail or "") for c in children[i + 1 :])
        info = (child.tail or "") + " " + after if child.tag == "br" else _text(child)
        if not _TITLE_INFO_RE.search(normalise(info.strip())):
            continue
        if child.tag != "br" and ((child.tail or "").strip() or after.strip()):
            continue
        head = " ".join(((el.text or "") + "".join(_text(c) + (c.tail or "") for c in children[:i])).split())
        if len(head) >= 2:
            return head
    return _text(el)


def _meta_content(root, attr: str, value: str) -> str:
    """The content of the page's ``<meta attr=value>`` (value in lower case), read from <head> where there is one."""
    head = root.find("head")
    for meta in (head if head is not None else root).iter("meta"):
        if (meta.get(attr) or "").lower() == value:
            return (meta.get("content") or "").strip()
    return ""


_SPACE_BETWEEN_WIDE_RE = re.compile(r"(?<=[^\x00-\x7f]) (?=[^\x00-\x7f])")


def _without_markup(value: str) -> str:
    """A meta's text without the markup a TRS editor leaves in it (``ArticleTitle`` of a two-line title: 标题<div>——
    副题</div>, 上行<br>下行): the tags become a space, kept only between Latin words."""
    return _SPACE_BETWEEN_WIDE_RE.sub("", " ".join(_TAG_RE.sub(" ", value).split()))


_SPACE_RE = re.compile(r"\s+")


def _named_titles(*heads: str) -> set[str]:
    """The article title as the page's <title> and og:title name it: the first and the longest part of each
    (``标题 | 栏目 | 网站``, ``某某大学 - 标题``) that does not name the site, spaces removed."""
    named = set()
    for head in heads:
        parts = [p for p in (_SPACE_RE.sub("", p) for p in _HEAD_SPLIT_RE.split(head)) if p]
        own = [p for p in parts if not _SITE_NAME_RE.search(p)] or parts  # 学校简介-某某职业技术学院: not the school
        if own:
            named.update((own[0], max(own, key=len)))
    return named


def _names(own: str, named: set[str]) -> bool:
    """A heading's text is the title <title> names: the same, or most of it (a site cuts or extends one or the
    other); a section or site name that <title> also holds is a small part of it, and does not count."""
    return len(own) >= 4 and any(
        own == t or (min(len(own), len(t)) >= 0.6 * max(len(own), len(t)) and (own in t or t in own)) for t in named
    )


@dataclass(frozen=True)
class _HeadNames:
    """What a page's <title> and og:title name: the titles a heading is matched against (``named``), whether <title>
    names the article besides the site (``titled``), the sections its menus link to (``labels``), and whether it
    names no article at all (``site_only``) or only a section (``section_only``: 新闻动态--某某学会)."""

    named: set[str]
    titled: bool
    labels: set[str]
    site_only: bool
    section_only: bool


def _head_names(root, page_title: str, og_title: str) -> _HeadNames:
    named = _named_titles(page_title, og_title)
    heads = [p for h in (page_title, og_title) for p in _HEAD_SPLIT_RE.split(h) if p.strip()]
    labels = _menu_labels(root, heads)  # 信息公开-某某大学: the section a menu links to, no article's title
    site_only = all(_SITE_NAME_RE.search(p.strip()) or p.strip() in labels for p in heads)  # no title named at all
    if labels and site_only:
        named = _named_titles(*(p for p in heads if p.strip() not in labels))
    section_only = bool(named) and all(len(t) < _TITLE_LENGTH for t in named)
    titled = len(_HEAD_SPLIT_RE.split(page_title)) > 1
    return _HeadNames(named, titled, labels, site_only, section_only)


def _title_element(root, page_title: str = "", html: str = ""):
    """The heading that holds the article's title: the first of h1, a title-classed block, h2 that the page's
    <title> (or og:title) names (the heading inside such a block), else a lesser heading or an element it names,
    else the first of them. A page's first heading is often not its title: a logo or a nav bar in an <h1>,
    推荐阅读 above a sidebar, 您可能感兴趣的文章 below the text. Where <title> names only a section, a box's heading
    (您可能感兴趣的文章, classed title) is not the title where an emphasised line is."""
    og_title = _meta_content(root, "property", "og:title")
    head = _head_names(root, page_title, og_title)
    named, site_only, section_only = head.named, head.site_only, head.section_only
    first = long_first = None
    for el in _title_candidates(root):
        text = _text(el)
        if len(text) < 2:
            continue
        names = bool(named) and _names(_SPACE_RE.sub("", _title_text(el) if len(el) else text), named)
        if names and site_only and _SITE_NAME_RE.search(text):
            continue  # the masthead (<h1 class="logo">某某大学信息公开网</h1>): <title> names only the site, as it does
        if not names and long_first is not None:
            continue  # the first heading is known: only one that <title> names can take its place
        if _nav_like(el, root) and not (
            (names or site_only or section_only) and (_in_article_header(el, head.titled) or _headline_named(el))
        ):
            continue  # (an article's own header or headline named as chrome is stays: post_header)
        if names or not named:
            return _inner_heading(el, named)
        first = first if first is not None else el
        # where <title> names only the site, a sidebar's box heading (通知公告) may come first: a heading of a
        # title's length goes before a label's
        long_first = el if site_only and len(text) >= _TITLE_LENGTH and _dated_if(head.labels, el) else None
    lesser = _lesser_heading(root, named) if named and not site_only else None
    if lesser is not None:
        return lesser
    for title in (page_title, og_title) if not site_only else ():  # og:title names the article where <title> does not
        named_el = _element_named(root, title, html) if title else None
        if named_el is not None:
            return named_el
    if long_first is not None:
        return _inner_heading(long_first, set())
    boxed = section_only and first is not None and first.tag not in ("h1", "h2")
    if first is None or boxed or (site_only and len(_text(first)) < _TITLE_LENGTH):  # or a box's label (通知公告)
        emphasised = _emphasised_title(root, set() if site_only or section_only else named)
        return emphasised if emphasised is not None else first
    return _inner_heading(first, named)


def _inner_heading(el, named: set[str]):
    """The heading inside a title block that <title> names (``<div class="title_border"><h2>标题</h2><div>作者
    发布时间：…</div></div>``: the block holds the author's line too)."""
    if el.tag in _HEADING_TAGS or not len(el):
        return el
    if not named:  # (<title> names only the site: the block's first heading of a title's length)
        return next((h for h in el.iter(*_HEADING_TAGS) if len(_text(h)) >= _TITLE_LENGTH), el)
    inner = (h for h in el.iter(*_HEADING_TAGS) if _names(_SPACE_RE.sub("", _text(h)), named))
    return next(inner, el)


_DOMAIN_RE = re.compile(r"\.(?:com|cn|net|org|edu|gov|info)(?:\.[a-z]{2})?$", re.I)


def _lesser_heading(root, named: set[str]):
    """A lesser heading (h3-h6) that <title> names, where no h1, h2 or title-classed block does: a template puts
    its title in the heading it likes (``<h4>标题</h4>`` over its 时间：… line, a 您可能感兴趣的文章 box below)."""
    named = {t for t in named if not _DOMAIN_RE.search(t)}  # (og:title naming the site: inmykonos.com)
    for el in itertools.islice(root.iter("h3", "h4", "h5", "h6"), _MOST_HEADINGS):
        text = _text(el)
        named_here = len(text) >= _TITLE_LENGTH and _names(_SPACE_RE.sub("", text), named)
        if named_here and not _linked(el) and not _nav_like(el, root):
            return el
    return None


_EMPHASIS = ("b", "strong", "font")
_NAMED_TITLE_TAGS = ("span", "td", "h3", "h4", "h5")  # a title's line by its class (span, td) or a lesser heading
_LONGEST_TITLE = 80


def _emphasised_title(root, named: set[str]):
    """Where no heading holds the title (an old table-layout template: ``<td align="center"><b><font size="4">标题
    </font></b></td>``): the page's first emphasised line (or ``<span class="title">``) of a title's length,
    unlinked and alone in its block, if a dated info line follows it (发布时间：…, or an unlabelled date) and <title>
    names it or only the site (``named`` empty). Only the first: a later one is a reply's or a quote's in the text.
    The block that holds it alone is returned, as its info line follows that block."""
    for el in root.iter(*_EMPHASIS, *_NAMED_TITLE_TAGS):
        if el.tag in _NAMED_TITLE_TAGS and el.tag not in _HEADINGS and "tit" not in (el.get("class") or "").lower():
            continue  # (a span or a cell that says it holds a title: <td class="title">)
        text = pagedates._short_text(el, _LONGEST_TITLE)  # (a <font> round the whole page is read no further than that)
        if text is None or len(text) < _TITLE_LENGTH or _linked(el) or _nav_like(el, root):
            continue
        block = el
        while (
            (up := block.getparent()) is not None and up.tag != "body" and pagedates._short_text(up, len(text)) == text
        ):
            block = up
        if block is el and el.tag in _EMPHASIS:
            return None  # emphasis inside a sentence of the text, not a line of its own
        dated = pagedates.info_line_date(block) is not None
        return block if dated and (not named or _names(_SPACE_RE.sub("", text), named)) else None
    return None


_TITLE_LENGTH = 8  # an article's title is a sentence (关于开展…的通知); a box's heading, a label (通知公告)
_MOST_HEADINGS = 40  # a news page can class hundreds of list items "title": the article's is among the first


def _dated_if(labels: set[str], el) -> bool:
    """Where <title> names a section (``labels``), a heading takes the first one's place only as an article's title
    does, its info line dated below it (a 学校简介 page's own 一、学校基本情况概述 does not)."""
    return not labels or pagedates.info_line_date(el) is not None


def _menu_labels(root, heads: list[str]) -> set[str]:
    """The parts of <title> shorter than a title that are a link's whole text on the page (信息公开 in its menu or
    breadcrumb): the page's section, named by <title> as some templates do for every article in it."""
    short = {p.strip() for p in heads if 2 <= len(p.strip()) < _TITLE_LENGTH and not _SITE_NAME_RE.search(p.strip())}
    if not short:
        return set()
    return short & {" ".join(_text(a).split()) for a in root.iter("a")}


def _element_named(root, page_title: str, source: str = ""):
    """The element whose own text is the title <title> names, where no heading is (``<div class="tit">``,
    ``<td class="biaoti">``: templates name their title block as they like). ``source``, the page's, tells
    cheaply whether the title shows anywhere but in <title>. Spaces are compared as read (&nbsp; is a space)."""
    parts = [" ".join(p.split()) for p in _HEAD_SPLIT_RE.split(page_title) if p.strip()]
    head = next((p for p in parts if not _SITE_NAME_RE.search(p)), parts[0] if parts else "")  # not 某某大学
    # looked for by its longest word: the title block may space the words as <title> does not (&nbsp;, U+3000)
    word = max(head.split(), key=len, default="")
    if len(head) < 4 or (source and not _shown_twice(source, word)):
        return None
    for el in _holding(root, word):
        text = _text(el)
        short = text.startswith(head) and len(text) <= 1.3 * len(head) + 4  # the title, not a sentence quoting it
        # or the title <title> adds its column's name to after a space (<title>标题 东区办事处_中山网</title>)
        short = short or (len(text) >= 0.6 * len(head) and head.startswith(text) and head[len(text)].isspace())
        if short and el.tag not in ("a", "title", "option") and not _nav_like(el, root):
            return el
    return None


# a character of the CJK blocks written as a reference (&#20851;, &#x5173;), as older Java templates escape their text
_HAN_REFERENCE_RE = re.compile(r"&#(?:[xX][4-9a-fA-F][0-9a-fA-F]{3}|[1-4][0-9]{4});")


def _shown_twice(source: str, text: str) -> bool:
    """Whether ``text`` may show in the page besides its <title>: twice in the page's ``source``, or anywhere where
    that source writes Chinese as character references (the tree, not the source, tells then; unescaping a page of
    thousands of &nbsp; would cost more than the search it saves)."""
    return source.count(text) >= 2 or _HAN_REFERENCE_RE.search(source) is not None


def _in_article_header(el, titled: bool) -> bool:
    """Inside an HTML5 ``<header>`` that heads the article (its title, date, author, share buttons), or a block
    named as one (``<div class="post_header">``), not the site's masthead (which holds the menu: a <nav>, or many
    links with words)."""
    headers = (a for a in el.iterancestors() if a.tag == "header" or _ARTICLE_HEADER_RE.search(classes(a)))
    return any(_heads_article(header, titled) for header in headers)


def _under_chrome(header) -> bool:
    """Whether ``header`` sits in the site's chrome (a nav, a masthead, a footer) between it and <body>; the
    article's own header blocks it is nested in (article-header__detail in article-header, a <header> in the
    <article>) and <html>'s and <body>'s classes (header-menu-nav--closed) do not count."""
    for node in header.iterancestors():
        if node.tag in ("body", "html"):
            return False
        if _ARTICLE_HEADER_RE.search(classes(node)) or (node.tag == "header" and _in_article(node)):
            continue
        if _chrome_block(node):
            return True
    return False


def _in_article(el) -> bool:
    return any(a.tag in ("article", "main") for a in el.iterancestors())


def _heads_article(header, titled: bool) -> bool:
    """Whether ``header`` (a <header>, or a block named as an article's) heads the article, not the site."""
    named = _ARTICLE_HEADER_RE.search(classes(header))  # (its breadcrumb or share bar may be a <nav>)
    if (not named and header.find(".//nav") is not None) or _under_chrome(header):
        return False
    # an article's header says so, or sits in the article; else, with next to no links, it may be one only where
    # <title> names more than the site (标题 - 某某大学): a masthead's logo (某某大学) names a title that is the site's
    if _ARTICLE_NAMED_RE.search(classes(header)):
        return True
    in_article = any(
        a.tag in ("article", "main") or _ARTICLE_AREA_RE.search(classes(a)) for a in header.iterancestors()
    )
    links = sum(len(_text(a)) >= 2 for a in header.iter("a"))
    return (in_article and links <= _HEADER_LINKS) or (titled and links <= 3)


def _headline_named(el) -> bool:
    """A heading whose own class says it is the article's (``<h1 class="banner__headline article__headline">``,
    ``<h1 class="entry-title">`` in a ``<div class="entry-header">``), unlinked (a site's name links home): inside
    a block named banner or header it is still the title; inside a menu, a breadcrumb or a footer it is not."""
    names = el.get("class") or ""
    if el.tag not in ("h1", "h2") or not _HEADLINE_CLASS_RE.search(names) or _SITE_CLASS_RE.search(names):
        return False
    if _linked(el) or _SITE_NAME_RE.search(_text(el)):
        return False  # (a masthead: <div class="header"><h1 class="title">某某职业技术学院</h1>)
    chrome = (a for a in el.iterancestors() if a.tag in ("nav", "footer") or _MENU_CLASS_RE.search(classes(a)))
    return next(chrome, None) is None


_HEADLINE_CLASS_RE = re.compile(r"headline|title|(?:^|[\s_-])tit(?:$|[\s_\d-])", re.I)
_SITE_CLASS_RE = re.compile(r"site|logo|brand", re.I)  # (<h1 class="site-title">: the site's name)
_MENU_CLASS_RE = re.compile(r"nav|menu|crumb|foot|copyright|friendlink", re.I)
_ARTICLE_NAMED_RE = re.compile(r"article|entry|post|story|detail", re.I)
_ARTICLE_HEADER_RE = re.compile(r"(?:article|entry|post|story|detail)[_-]*head(?:er)?(?![a-z])", re.I)
_ARTICLE_AREA_RE = re.compile(r"article|entry|post|story|detail|content", re.I)
_HEADER_LINKS = 8  # words-bearing links an article's header holds at most (category, author, tags)


# a 政务公开 meta table's title label, its colon written (名称：, 标题：, 文件名称：): not a list's header cell (标题)
_TITLE_LABEL_CELL_RE = re.compile(r"^(?:公开事项|事项|信息|文件|文章|公文)?(?:名\s*称|标\s*题)\s*[:：]$")
_TITLE_LINE_RE = re.compile(r"^(?:公开事项|事项|信息|文件|文章|公文)?(?:名\s*称|标\s*题)\s*[:：]\s*(\S.*)$")
_LABEL_VALUE = {"th": "td", "dt": "dd"}  # a label by its tag, its value the cell after it: <th>名称</th><td>…</td>


def _labelled_title(body_el) -> str:
    """The title a page's meta table gives after its label, for a page where no heading holds one: in the cell
    after it (名称： | 关于…的通知; <th>信息名称</th><td>…), after it in its line (<span>名称：</span>关于…), or on
    its line (<p>标题：关于…</p>)."""
    for cell in body_el.iter("td", "th", "span", "dt", "label", "b", "strong", "p", "li"):
        label = "".join((cell.text or "").split())
        line = pagedates._short_text(cell, 100) if cell.tag in ("p", "li", "td") else None
        if line and (m := _TITLE_LINE_RE.match(line)) and len(m.group(1)) >= 4:
            return m.group(1)  # 标题：关于…的通知, the label and the title in one element
        if len(cell) or not (_TITLE_LABEL_CELL_RE.match(label) or _TITLE_LABEL_CELL_RE.match(label + "：")):
            continue  # a label is its cell's own text alone (not a layout cell holding the page)
        value, colon = cell.getnext(), label[-1:] in ":："
        if colon and (tail := " ".join((cell.tail or "").split())):
            text = tail  # <span>名称：</span>关于…的通知
        elif value is not None and (colon or value.tag == _LABEL_VALUE.get(cell.tag)):
            text = _text(value)  # without its colon, only a label cell beside its value (not a header: 标题 | 日期)
        else:
            continue
        if len(text) >= 4 and not _TITLE_LABEL_CELL_RE.match(text):
            return text
    return ""


def _own_title(head: str) -> str:
    """The longest part of an og:title (or <title>) that does not name the site: ``标题 - 某某大学`` → 标题; "" for
    one that names only the site, or nothing a title's length."""
    parts = [" ".join(p.split()) for p in _HEAD_SPLIT_RE.split(head)]
    own = max((p for p in parts if p and not _SITE_NAME_RE.search(p)), key=len, default="")
    return own if len(own) >= 4 else ""


def _title_from_head(page_title: str, body_text: str) -> str:
    """The article title from <title>, without the site suffix (标题-学校名, 标题_学校名…), when the body shows it."""
    for sep in _TITLE_SEPARATORS:
        if sep in page_title:
            head, rest = page_title.split(sep, 1)
            if sep in ("-", "—") and _LATIN_RE.match(head[-1:]) and _LATIN_RE.match(rest[:1]):
                continue  # a hyphenated word (Berlin-Marathon), not a separator
            head = head.strip()
            if len(head) >= 4 and head in body_text:
                return head
    return page_title


_LATIN_RE = re.compile(r"[0-9A-Za-z\u00c0-\u024f]")


_EMBED_SOURCE = {"embed": "src", "object": "data", "iframe": "src"}
_PDF_PLAYERS = etree.XPath(".//*[@pdfsrc]")  # WebPlus: <div class="wp_pdf_player" pdfsrc="/_upload/…pdf">
_FILE_TITLE_RE = re.compile(r"""['"]title['"]\s*:\s*['"]([^'"]+)""")  # sudyfile-attr="{'title':'名单.pdf'}"


def _file_source(el, base: str) -> str | None:
    """The address of the file an element offers: a link's href, an embed's src, an object's data, an iframe's
    file (or the file its pdf.js viewer shows: viewer.html?file=/upload/zn.pdf), a PDF player's pdfsrc."""
    src = el.get("pdfsrc") or (el.get("href") if el.tag == "a" else el.get(_EMBED_SOURCE.get(el.tag, "src"))) or ""
    viewer = _VIEWER_FILE_RE.search(src) if el.tag == "iframe" else None
    # the viewer decodes its parameter (file=%2Fupload%2Fzn.pdf is /upload/zn.pdf), as a browser's pdf.js does
    return _link(base, _viewed(unquote(html.unescape(viewer.group(1)))) if viewer else src)


def _viewed(named: str) -> str:
    """The address a viewer's parameter names: as written, or base64-encoded (kkFileView's url=aHR0cDov…)."""
    if named.startswith(("http", "/", ".")) or len(named) < 12:
        return named
    try:
        decoded = base64.b64decode(named + "=" * (-len(named) % 4), validate=False).decode("utf-8")
    except (ValueError, UnicodeDecodeError):
        return named
    return decoded if decoded.startswith(("http://", "https://")) else named


def _shown_files(root, base: str) -> list[Attachment]:
    """The files a page shows in itself (``<embed>``, ``<object>``, an ``<iframe>`` of the file or of a pdf.js viewer,
    WebPlus's PDF player): read before the page's frames and objects are dropped."""
    found = []
    for el in itertools.chain(root.iter(*_EMBED_SOURCE), _PDF_PLAYERS(root)):
        link = _file_source(el, base)
        if link and is_attachment_url(link):
            named = _FILE_TITLE_RE.search(el.get("sudyfile-attr") or "")
            found.append(Attachment(named.group(1) if named else link.rsplit("/", 1)[-1], link))
    return found


# a link a script writes (TRS: var file_appendix = '<a href="./P0202609….pdf">预算.pdf</a>'; document.write(…)), its
# quotes escaped or not; a fragment is read up to 500 characters
_WRITTEN_LINK_RE = re.compile(
    r"""<a\s[^<>]{0,300}?href\s*=\s*\\?["']([^"'\\<>\s]{1,300})\\?["'][^<>]{0,300}>(.{0,500}?)</a\s*>""", re.I | re.S
)
_TAG_RE = re.compile(r"<[^<>]*>")


def _written_files(scripts: str, base: str) -> list[Attachment]:
    """The files the page's scripts link to in the HTML they write (an article's attachments written by TRS's
    template script): links to files on the page's own host only, never a menu's pages nor a widget's notices."""
    found = []
    for m in _WRITTEN_LINK_RE.finditer(scripts) if "<a" in scripts or "<A" in scripts else ():
        link = _link(base, html.unescape(m.group(1)))
        if link and is_attachment_url(link) and host_of(link) == host_of(base):
            title = " ".join(html.unescape(_TAG_RE.sub("", m.group(2))).split())
            found.append(Attachment(title or link.rsplit("/", 1)[-1], link))
    return found


# a link naming the file it downloads: 获奖名单.xls, 附件1：名单.docx（25.6KB）
_ATTACHMENT_HINT_RE = re.compile(rf"\.(?:{FILE_EXTS}|txt|csv)\b", re.I)
_NAMED_FILE_RE = re.compile(rf"\.(?:{FILE_EXTS})\s*(?:[(（][^()（）]{{0,20}}[)）])?\s*$", re.I)


def _offered_file(a, base: str, scripts: str) -> str | None:
    """The file a link offers, or None: its address (an attachment's, or a download page's that the link names
    as a file: ``DownLoad.aspx?id=12`` 获奖名单.xls), or the one its script opens (``window.open('/uploads/名单.xlsx')``,
    a function the page's ``scripts`` define: ``javascript:downFile(88)``)."""
    href = (a.get("href") or "").strip()
    if not _has_address(a):
        code = pagerscripts.without_comments(scripts) if "function" in scripts else ""  # (made once a page)
        link = _link(base, pagerscripts.element_target(a, code, own=True)) or _script_link(base, a)
    elif _ATTACHMENT_HINT_RE.search(href) or DOWNLOAD_RE.search(href) or "?" in href:
        link = _link(base, href)  # most links are none of these: they are not normalised
    else:
        return None
    if link and (is_attachment_url(link) or (urlsplit(link).query and _NAMED_FILE_RE.search(_text(a)))):
        return link
    return None


def _attachments(body_el, base: str, shown: list[Attachment], scripts: str = "") -> tuple[Attachment, ...]:
    """The files an article offers: linked (附件：名单.pdf, download.jsp, Download.aspx?file=名单.xlsx), opened by a
    script of the page's ``scripts``, and those it ``shown`` in itself (``_shown_files``)."""
    found: dict[str, Attachment] = {}
    for a in body_el.iter("a"):
        if link := _offered_file(a, base, scripts):
            found.setdefault(link, Attachment(_anchor_title(a) or link.rsplit("/", 1)[-1], link))
    for file in shown:
        found.setdefault(file.url, file)
    return tuple(found.values())


_AS_WRITTEN = "%/:=&?~#+!$,;'@()*[]"  # an address's own characters and escapes, kept as they are


def _sent_once(files: tuple[Attachment, ...], encoding: str) -> tuple[Attachment, ...]:
    """The files as the browser asks for them, each once: 名单.pdf linked as written and as %E5%90%8D%E5%8D%95.pdf is
    one file."""
    found: dict[str, Attachment] = {}
    for file in files:
        sent = as_browser_sends(file.url, encoding)
        found.setdefault(quote(sent, safe=_AS_WRITTEN), replace(file, url=sent))
    return tuple(found.values())


def parse_article(body: bytes, url: str, headers: Mapping | None = None) -> Article:
    """Title, publication date (and where it came from), attachments and text of an article page."""
    text, encoding = decode_html(body, headers)
    root = _tree(text)
    url = normalise_url(url)
    if root is None:
        return Article(date_source="", encoding=encoding, published=date_from_url(url))
    base = _base_url(root, url)
    meta_date, meta_source = pagedates.meta_date(root, text)
    sign_in = _sign_in_page(root, url)
    shown = _shown_files(root, base)
    scripts = _strip_scripts(root)
    shown += _written_files(scripts, base)
    page_title = _page_title(root)
    title_el = _title_element(root, page_title, text)
    title = _title_text(title_el) if title_el is not None else ""
    meta_title = _without_markup(_meta_content(root, "name", "articletitle"))
    if meta_title:
        title = meta_title
    body_el = root.find("body")
    if body_el is None:
        body_el = root
    # the chrome (header/footer/nav) carries clock widgets and copyright years: read dates without it, but
    # keep the article's own <header> (title, date) that holds the title
    # (and the title itself: <h1 class="banner__headline"> is named as chrome is)
    _drop_chrome(body_el, {title_el, *title_el.iterancestors()} if title_el is not None else set())
    _lay_apart(body_el)
    all_text = _text(body_el)
    soft_404 = _is_soft_404(page_title, all_text) or says_gone(alerted(scripts)[0], all_text)
    if not title:  # og:title names the article where <title> names only the site (某某大学)
        og_title = _own_title(_meta_content(root, "property", "og:title")) if not _own_title(page_title) else ""
        title = _labelled_title(body_el) or og_title or _title_from_head(page_title, all_text)
    title_text = _title_text(title_el) if title_el is not None else (title if title and title in all_text else "")
    published, source = article_date(
        (meta_date, meta_source), normalise(all_text), normalise(title_text), title_el, url, text, body_el
    )
    return Article(
        title=title,
        published=published,
        date_source=source,
        attachments=_sent_once(_attachments(body_el, base, shown, scripts), encoding),
        text=_spaced_text(body_el),
        soft_404=soft_404,
        encoding=encoding,
        sign_in=sign_in,
    )


_PROSE_PIECE = 20  # a piece of running text: a sentence, not a menu label or a date
_CONTENT_CHARS = 200  # a page of content: more running text than a blank column's footer line and sidebar carry
SELF_SHOWN = "栏目页面"  # the start of the reasons below: the column's page stands for its entries
CONTENT_REASON = "栏目页面本身即为内容（单页栏目），按一条信息计"


_BLOCKS = {"div", "td", "article", "section", "main", "body", "li", "dd", "table", "aside", "form"}


def _block_of(el):
    while el is not None and el.tag not in _BLOCKS:
        el = el.getparent()
    return el


# a column's description, as its template writes it above or below its list: what it is for, not what it published
_DESCRIPTION_RE = re.compile(r"^\s*(?:本栏目|栏目(?:说明|简介|介绍|概述|描述)\s*[:：])")


_INLINE = frozenset(("b", "strong", "span", "font", "em", "i", "u", "br"))


def _drop_descriptions(body_el) -> None:
    """Drop the paragraphs that describe the column (本栏目主要公开…, 栏目说明：…): a block of running words only (no
    link, no block inside it: never a page of content opening with such a sentence)."""
    for el in list(body_el.iter("p", "div", "td", "section")):
        inline = all(d.tag in _INLINE for d in el.iterdescendants(etree.Element))
        if inline and el.getparent() is not None and _DESCRIPTION_RE.match(_text(el)):
            _drop(el)


def _prose_chars(body_el) -> int:
    """The running text of the page's largest block of it: pieces of 20 characters or more outside links, forms and
    scripts (``body_el`` is the page's body, its chrome dropped), summed in the block (a div, a td…) each sits in and
    the block around that one (paragraphs in a div each). A page that is itself the content (学校简介) has its
    paragraphs in one block; a blank column's page has menus, a sidebar box and a footer line, blocks apart that never
    add up."""
    _strip_scripts(body_el)
    _strip(body_el, "a", "select", "button")
    blocks: dict = {}
    for el in body_el.iter(etree.Element):
        for owner, piece in ((el, el.text), *((el, child.tail) for child in el)):
            if piece and len(stripped := piece.strip()) >= _PROSE_PIECE:
                block = _block_of(owner)  # credited to its block and to the block around that one
                for holder in (block, _block_of(block.getparent()) if block is not None else None):
                    blocks[holder] = blocks.get(holder, 0) + len(stripped)
    return max(blocks.values(), default=0)


def _shown_under_heading(body_el, name: str) -> bool:
    """Whether a short page of content sits under the heading naming the column, up to the next heading: a few
    lines (联系方式: 地址、电话、邮箱), a small table (收费项目), an uploaded image (机构设置's chart) or video. A blank column
    shows there nothing but an empty list and its pager, maybe with a line describing the column (本栏目公开…): an
    empty list or a pager there makes it a list, not a page. ``body_el``: the page's body, chrome and links gone."""
    for heading in _column_headings(body_el, name):
        shown = list(_under(heading, body_el))
        if any(el is None or _empty_list_in(el) for el in shown):
            continue
        said = _LIST_WORDS_RE.sub("", " ".join(_shown_text(el) for el in shown))
        if _NO_CONTENT_RE.search(said):
            continue  # 没有找到符合条件的数据, 当前栏目下还没有任何信息: a blank column saying so in its own words
        if len(_HAN_RE.findall(said)) >= _SHORT_CONTENT_HAN or any(
            _uploaded(i) for el in shown for i in el.iter("img", "video", "audio", "source")
        ):  # (an uploaded image, or a video: 学校简介 as a film)
            return True
        if _CHANNEL_COLUMN_RE.search(name) and _CONTACT_RE.search(said):
            return True  # 监督电话, 举报邮箱: a channel's number is what a channel's column publishes
    return False


def _under(heading, body_el):
    """The shown elements after ``heading`` (or after the title bar wrapping it) up to the next heading; None for
    a pager met there. Nothing for a breadcrumb's last step, sidebar boxes and holders a script may copy from."""
    node = heading
    for _ in range(2):
        if node.getnext() is not None or node.getparent() is body_el or _area(node.getparent()):
            break  # (a page's area holding the heading alone: what follows it is another area, a sidebar's boxes)
        node = node.getparent()
    if _CRUMB_RE.match(_text(node.getparent())):
        return  # the breadcrumb's last step (当前位置：首页 > 联系方式): what follows it is the whole page
    for el in node.itersiblings():
        names = f"{el.get('class')} {el.get('id')}"
        if el.tag in _HEADINGS:
            return
        if _PAGER_CLASS_RE.search(names):
            yield None
            return
        if not (el.tag in _INERT or el.tag == "aside" or _SIDE_RE.search(names) or _placeholder(el)):
            yield el


_TITLE_BAR_RE = re.compile(r"tit|head|hd|bt|bar|name|lm", re.I)  # title, lm_tit, hd, bt (标题), lmmc (栏目名称)
_AREA_RE = re.compile(r"main|content|con(?![a-z])|cont(?![a-z])|right|left|wrap|container|inner|detail|article", re.I)


def _area(el) -> bool:
    """Whether ``el`` is named as one of the page's areas (main, content, right), not a title bar (lm_tit)."""
    names = f"{el.get('class') or ''} {el.get('id') or ''}"
    return not _TITLE_BAR_RE.search(names) and bool(_AREA_RE.search(names))


def _uploaded(img) -> bool:
    """Whether an image or video is the page's content: where the CMS keeps uploads, named as uploads are, or drawn
    as large as a page's chart is (a contractor's static 机构设置 page: ``<img src="images/jgsz.jpg" width="900">``),
    not a template's icon, button, rule or banner strip."""
    return bool(_UPLOADED_RE.search(img.get("src") or "")) or _drawn_large(img)


_PIXELS_RE = re.compile(r"^\s*(\d{1,5})(?:\.\d+)?\s*(?:px)?\s*$", re.I)
_STYLE_SIZE_RE = re.compile(r"(?<![-\w])(width|height)\s*:\s*(\d{1,5})(?:\.\d+)?\s*px", re.I)
_CHART_PX = 300  # the longer side, at least, of an image that is a page's content (an org chart, a table scanned)
_STRIP_PX = 150  # the shorter side, at least, where given: a banner strip (960×120) or a rule (600×2) is template


def _drawn_large(img) -> bool:
    size = {k: int(m.group(1)) for k in ("width", "height") if (m := _PIXELS_RE.match(img.get(k) or ""))}
    size.update((k.lower(), int(v)) for k, v in _STYLE_SIZE_RE.findall(img.get("style") or ""))
    sides = sorted(size.values())
    return bool(sides) and sides[-1] >= _CHART_PX and (len(sides) == 1 or sides[0] >= _STRIP_PX)


# sidebar, side_box, leftside: another column's box beside this one (not a wrapper named inside)
_SIDE_RE = re.compile(r"(?:^|[\s_-])(?:left|right)?side(?:bar|box)?(?:$|[\s_\d-])", re.I)
_INERT = frozenset(("textarea", "template", "script", "style", "noscript", "select", "form"))
# a pager's words (首页, 下一页), a list's column headers (序号, 标题, 发布日期) and a line about the column (本栏目信息
# 由党政办公室负责发布): no content of the page's own
_LIST_WORDS_RE = re.compile(
    rf"{_PAGER_TEXT_RE.pattern}|序号|索引号|文号|(?:文件|信息)?标题|名称|发布(?:日期|时间|部门|机构)|日期|时间|点击|浏览|关键字|搜索"
    r"|本栏目[\u4e00-\u9fff，、]*"
    # who answers for the column (责任部门：财务处, 责任人：张三, 监督电话): a blank column's template line, no content
    r"|(?:责任|负责|维护|监督)(?:部门|单位|科室|人)?(?:电话)?\s*[:：]\s*[\u4e00-\u9fff]*"
    # a disclosure item's card, its fields with or without colons (公开事项：学校章程, 公开时限 长期公开, 责任部门 党政办公室):
    # the template's; what the item publishes is the value of 公开内容, not its label
    r"|(?:公开(?:事项|依据|时限|期限|方式|形式|范围|类别|主体|对象|途径)|(?:责任|主管|牵头)(?:部门|单位|处室))"
    r"\s*[:：]?\s*[^\s:：]{0,30}|公开内容\s*[:：]?"
)
# a column that publishes a channel (信息公开监督, 监督举报, 联系方式, 招生咨询): its phone number or address is its content,
# not the duty line (监督电话：…) a blank column's template shows under any other column's name
_CHANNEL_COLUMN_RE = re.compile(r"监督|举报|投诉|联系|咨询|申诉|渠道|信箱|热线|电话|邮箱")
_CONTACT_RE = re.compile(
    r"(?<!\d)(?:0\d{2,3}[-－—\s]?)?\d{7,8}(?!\d)|(?<!\d)1[3-9]\d{9}(?!\d)|(?<!\d)400-?\d{3}-?\d{4}(?!\d)"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
)
_NO_CONTENT_RE = re.compile(r"没有|暂无|尚未|暂未|还未|无(?:记录|数据|内容|信息|文章)")
_SHORT_CONTENT_HAN = 10  # Chinese characters: a contact line, a small table; more than a blank list's pager words
# where a CMS keeps what editors upload (an image in the content), not the template's icons and banners
_UPLOADED_RE = re.compile(
    r"/(?:_?upload\w*|attach\w*|ueditor|userfiles|u/cms|editor|files?|__local|picture/-?\d+)/"  # 博达 __local, 大汉
    # a file named as a CMS names what editors upload: by its time or a hash (1711598000123.png, 3B4C…_1A2B.jpg),
    # TRS's W0… / P0… (W020240328512345678901.jpg), not by words as a template's images are (logo.png, more.gif)
    r"|/(?:[WP]0\d{10,}|[^/]*?\d{10,}|[0-9a-f]{16,}|[0-9A-F]{16,})[^/]*\.(?:jpe?g|png|gif|bmp|webp)(?:[?#]|$)",
    re.I,
)
DOCUMENT_REASON = "栏目页面只展示或链接了（{}），按信息计"
# the file a viewer shows, named in its address: pdf.js viewer.html?file=/upload/zn.pdf, Office Online
# view.aspx?src=…docx, kkFileView onlinePreview?url=<base64 of the file's address>
_VIEWER_FILE_RE = re.compile(r"[?&](?:file|src|url|fileurl|pdfurl)=([^&#]+)", re.I)
# a file a script embeds in the page: PDFObject.embed("/upload/zn.pdf", "#pdf"), pdfh5's pdfurl, pdf.js getDocument
_SCRIPT_EMBED_RE = re.compile(
    r"""(?:PDFObject\.embed\s*\(|pdfurl\s*:|getDocument\s*\()\s*["']([^"'\s]{1,300})["']""", re.I
)


_HEADINGS = {"h1", "h2", "h3", "h4", "h5"}


def _shown_documents(body_el, base: str, name: str) -> list[Entry]:
    """The documents a column's page shows (``body_el``: its body, the chrome dropped): embedded (``<embed>``,
    ``<object>``, an ``<iframe>`` of the file or of a pdf.js viewer, WebPlus's PDF player, named as the column is) or
    linked below the heading that names the column, with no other heading between (附件：《信息公开指南》.pdf; not a
    sidebar's 申请表 under 依申请公开)."""
    # the links in the blocks under a heading naming the column, up to the next heading (not a sidebar's 依申请公开,
    # nor the site's 最新动态 box after the column's area)
    under = {
        a: el
        for h in _column_headings(body_el, name)
        for el in _under(h, body_el)
        if el is not None
        for a in el.iter("a")
    }
    found: dict[str, Entry] = {}
    for script in body_el.iter("script"):  # (PDFObject.embed("/upload/zn.pdf", "#pdf"): the page shows that file)
        for m in _SCRIPT_EMBED_RE.finditer(script.text or ""):
            link = _link(base, m.group(1))
            if link and is_attachment_url(link):
                found.setdefault(link, Entry(link.rsplit("/", 1)[-1], link, None))
    for el in itertools.chain(body_el.iter("a", "embed", "object", "iframe"), _PDF_PLAYERS(body_el)):
        if el.tag == "a" and el not in under:
            continue
        link = _file_source(el, base)
        if not link or link in found:
            continue
        text = _text(el) if el.tag == "a" else ""
        # a file, or (linked under the column's heading) one article of it: 学校章程 → 测试学院章程（2025年修订）; a
        # page named by its words (/gzzd/xszzglbf.htm) when its title is longer than a sub-column's name
        article = looks_like_article(link) or (len(text) > _SUB_COLUMN_CHARS and not looks_like_list(link))
        if is_attachment_url(link) or (len(text) >= 4 and article and host_of(link) == host_of(base)):
            # a link of its own under the heading: titled and dated by its block, as a list's row (a column of one)
            lone = lone_entry(el, under[el], base) if el.tag == "a" else None
            found[link] = (
                lone if lone and lone.url == link else Entry(text or name or link.rsplit("/", 1)[-1], link, None)
            )
    return list(found.values())


SECTION_MISSING = "页面上找不到栏目所在的小节“{}”（栏目地址 # 之后的部分）：请核对栏目地址，或去掉 # 按整页读取"
SUB_COLUMNS_REASON = (
    "栏目页面只列出了 {n} 个子栏目（{names}），本身没有信息列表：请改为监测这些子栏目（monitor discover 可列出）"
)
_SUB_COLUMN_CHARS = 16  # a sub-column's name, at most (学校章程及制定的各项规章制度); a document's title may be longer
_MOST_SUB_COLUMNS = 3  # links under the column's heading, fewer than this are its tabs or a 更多, not its sub-columns
_YEARISH_RE = re.compile(r"^(?:全部|更多|(?:19|20)\d\d年?度?|\d+)$")


def _sub_columns(body_el, base: str, name: str) -> list[str]:
    """The sub-columns a column's page lists under the heading naming it, instead of a list (信息公开 → 学校简介,
    学校章程, 招生考试信息…): short names linking to pages of the site that are no articles; none where there are
    fewer than three, or where they are a year's tabs (2024 | 2023) or the column itself again."""
    names: dict[str, str] = {}
    for h in _column_headings(body_el, name):
        for el in (e for e in _under(h, body_el) if e is not None):
            for a in el.iter("a"):
                link, text = _link(base, a.get("href")), _text(a)
                if not link or host_of(link) != host_of(base) or looks_like_article(link) or link == base:
                    continue
                # (a longer name where the link goes to a list: 学生奖学金、助学金…的申请与管理规定 → …/list.htm)
                named = 2 <= len(text) <= _SUB_COLUMN_CHARS or (len(text) <= 40 and looks_like_list(link))
                if named and not _YEARISH_RE.match(text) and text != name:
                    names.setdefault(link, text)
    return list(names.values()) if len(names) >= _MOST_SUB_COLUMNS else []


def _directory(page: ListPage, subs: list[str]) -> ListPage:
    """A column page listing only its sub-columns: not blank, and not known (its sub-columns hold its information)."""
    why = SUB_COLUMNS_REASON.format(n=len(subs), names="、".join(subs[:4]) + ("…" if len(subs) > 4 else ""))
    return replace(page, blank=False, script_loaded=True, reason=why)


def _document_name(document: Entry) -> str:
    """How the reason names a document the page shows: its file's name (指南.pdf), or its title where the address
    names a folder (/attachment/216479/) or a page (/gzzd/xszzglbf.htm, /info/1012/3402.htm)."""
    file = document.url.rsplit("/", 1)[-1] if is_attachment_url(document.url) else ""
    return file or document.title[:30]


def parse_column_page(
    body: bytes,
    url: str,
    headers: Mapping | None = None,
    asked_by: ListPage | None = None,
    column: str = "",
    section: str = "",
) -> ListPage:
    """A column's page, read as a list; a page that is itself the content (a single-page column: 学校简介,
    信息公开指南) is one entry, the page itself with its own title and date; a page that shows a document (an
    embedded or linked PDF) has that document as its entry: never a blank column. ``asked_by``, ``column``: as
    ``parse_list``'s. ``section``: the part of the page the column is (its address's fragment: cwxx.htm#预算决算);
    a first page without it is unknown, never blank. Without one, a column named as one of its page's tabs that a
    script switches (收费项目 | 预算决算 | 受捐赠) is that tab's pane."""
    if section:
        cut = section_page(body, headers, section)
        if cut is None and asked_by is None:
            return ListPage(script_loaded=True, reason=SECTION_MISSING.format(section_name(section)))
        if cut is not None:  # (its bytes are UTF-8 now; the server's other headers still count: Last-Modified)
            body, headers = cut, as_utf8(headers)
    elif column and (cut := tab_page(body, headers, column)) is not None:  # the column is one of its page's tabs
        body, headers = cut, as_utf8(headers)
    page = parse_list(body, url, headers, asked_by, column)
    drawn = page.reason == DRAWN_REASON  # entries from the page's script data: a list, unless the page is prose
    widget_only = page.reason.startswith(NO_OWN_LIST_REASON)  # the entries were a widget's: the column's own page
    if (page.entries and not drawn) or not (
        drawn
        or widget_only
        or page.reason in (EMPTY_REASON, TEMPLATE_REASON)
        or page.reason.startswith(SCRIPT_DATA_REASON)
    ):
        return page  # entries, or a verdict the page states (暂无内容, 共0条, a pager, a loader, a soft 404…)
    root = _tree(decode_html(body, headers)[0])
    if root is None:
        return page
    base = _base_url(root, normalise_url(url))
    body_el = root.find("body") if root.find("body") is not None else root
    name = _name_on_page(body_el, page.title, column)  # (before the chrome goes: its breadcrumb may name the column)
    _drop_chrome(body_el, _card_parts(body_el))  # (a card's <header> holds its entry's title: no chrome)
    documents = [] if drawn else _shown_documents(body_el, base, name)  # (frames still there)
    if documents:
        why = DOCUMENT_REASON.format("、".join(_document_name(d) for d in documents[:3]))
        return replace(page, entries=tuple(documents), blank=False, script_loaded=False, reason=why)
    # (beside the site's widget too: 最新动态 is no reason for a page of sub-columns to be blank)
    subs = _sub_columns(body_el, base, name) if page.reason == EMPTY_REASON or widget_only else []
    # a short page under the heading naming the column, read once _prose_chars has taken the links out; not for a
    # list a template draws (its filter bar's words are no content)
    _drop_descriptions(body_el)  # (本栏目主要公开…: what the column is for, written by its template, no content)
    if _prose_chars(body_el) < _CONTENT_CHARS and not (
        (page.reason == EMPTY_REASON or widget_only) and _shown_under_heading(body_el, name)
    ):
        return _directory(page, subs) if subs else page
    article = parse_article(body, url, headers)
    entry = Entry(article.title or page.title or url, normalise_url(url), article.published)
    return replace(page, entries=(entry,), blank=False, script_loaded=False, reason=CONTENT_REASON)
