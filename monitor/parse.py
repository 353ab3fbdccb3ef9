"""Read the pages of the CMSs Chinese colleges run on. Pure: bytes in, frozen dataclasses out.

Public API (the readers of list pages live in :mod:`monitor.listpage`, what both share in
:mod:`monitor.htmlpage`; they are re-exported here)::

    parse_list(body: bytes, url: str, headers=None) -> ListPage
    parse_article(body: bytes, url: str, headers=None) -> Article
    decode_html(body: bytes, headers=None) -> tuple[str, str]

Both parsers take the raw bytes and do their own decoding (BOM, then HTTP charset, then <meta>, then
detection; GB2312/GBK decoded as GB18030; a page labelled UTF-8 whose bytes are GBK still decodes).
An article's date comes from :mod:`monitor.pagedates` (fast rules, htmldate where they find nothing).
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from lxml import etree

from monitor import pagedates
from monitor.dates import date_from_url, normalise
from monitor.htmlpage import (
    _TITLE_SEPARATORS,
    _anchor_title,
    _base_url,
    _chrome_named,
    _drop,
    _is_soft_404,
    _link,
    _nav_like,
    _page_title,
    _spaced_text,
    _strip,
    _strip_scripts,
    _text,
    _tree,
    decode_html,
)
from monitor.listpage import Entry, ListPage, parse_list
from monitor.pagedates import article_date
from monitor.urls import normalise_url

__all__ = ["Article", "Attachment", "Entry", "ListPage", "decode_html", "parse_article", "parse_list"]


@dataclass(frozen=True)
class Attachment:
    title: str
    url: str


@dataclass(frozen=True)
class Article:
    title: str = ""
    published: dt.date | None = None
    # meta | jsonld | label:发布时间 | url | near-title | dateline | timed | signature | htmldate | ""
    date_source: str = ""
    attachments: tuple[Attachment, ...] = ()
    text: str = ""
    soft_404: bool = False
    encoding: str = ""


# --- article pages ----------------------------------------------------------------------------


_BLOCK_END_RE = re.compile(r"(?i)<(br|/p|/div|/h[1-6]|/li|/tr|/td|/section)\b[^>]*>")


def page_lines(body: bytes, headers: Mapping | None = None) -> str:
    """A page's text with a line per block, so that headings and paragraphs stay apart (a report's parts)."""
    text, _ = decode_html(body, headers)
    text = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", text)
    return html.unescape(re.sub(r"<[^>]+>", "", _BLOCK_END_RE.sub("\n", text)))


_ATTACHMENT_EXT_RE = re.compile(r"\.(pdf|docx?|xlsx?|pptx?|wps|et|dps|ofd|zip|rar|7z|txt|csv)$", re.I)
_DOWNLOAD_RE = re.compile(
    r"download\.jsp|_upload/article/files/|/uploadfile/|attachment|fujian|/download/|downfile", re.I
)
_ATTACHMENT_HINT_RE = re.compile(r"\.(?:pdf|docx?|xlsx?|pptx?|wps|et|dps|ofd|zip|rar|7z|txt|csv)\b", re.I)


def is_attachment_url(url: str) -> bool:
    path = urlsplit(url).path
    return bool(_ATTACHMENT_EXT_RE.search(path) or _DOWNLOAD_RE.search(url))


_TITLE_PATHS = tuple(
    etree.XPath(xp)
    for xp in (
        "//h1",
        "//*[contains(@class,'arti_title') or contains(@class,'article-title') or contains(@class,'news_title')"
        " or contains(@class,'title') and (self::h2 or self::h3 or self::div)]",
        "//h2",
    )
)
_META_TITLE = etree.XPath("string(//meta[translate(@name,'ARTICLETITLE','articletitle')='articletitle']/@content)")


def _title_element(root):
    for path in _TITLE_PATHS:
        for el in path(root):
            if len(_text(el)) >= 2 and not _nav_like(el, root):
                return el
    return None


# an info line a template puts inside the title element: a date, or a 来源/作者/发布/点击 label
_TITLE_INFO_RE = re.compile(r"^\W{0,2}(?:(?:19|20)\d\d\s*[-/.年]\s*\d{1,2}|来源|作者|发布|发表|点击|浏览|时间|日期)")


def _title_text(el) -> str:
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


def _title_from_head(page_title: str, body_text: str) -> str:
    """The article title from <title>, without the site suffix (标题-学校名, 标题_学校名…), when the body shows it."""
    for sep in _TITLE_SEPARATORS:
        if sep in page_title:
            head = page_title.split(sep, 1)[0].strip()
            if len(head) >= 4 and head in body_text:
                return head
    return page_title


def parse_article(body: bytes, url: str, headers: Mapping | None = None) -> Article:
    """Title, publication date (and where it came from), attachments and text of an article page."""
    text, encoding = decode_html(body, headers)
    root = _tree(text)
    url = normalise_url(url)
    if root is None:
        return Article(date_source="", encoding=encoding, published=date_from_url(url))
    base = _base_url(root, url)
    meta_date, meta_source = pagedates.meta_date(root)
    _strip_scripts(root)
    page_title = _page_title(root)
    title_el = _title_element(root)
    title = _title_text(title_el) if title_el is not None else ""
    meta_title = _META_TITLE(root)
    if meta_title.strip():
        title = meta_title.strip()
    body_el = root.find("body")
    if body_el is None:
        body_el = root
    # the chrome (header/footer/nav) carries clock widgets and copyright years: read dates without it
    _strip(body_el, "header", "footer", "nav")
    keep = set(title_el.iterancestors()) if title_el is not None else set()
    for el in _chrome_named(body_el):
        if el not in keep and el.getparent() is not None:
            _drop(el)
    all_text = _text(body_el)
    soft_404 = _is_soft_404(page_title, all_text)
    if not title:
        title = _title_from_head(page_title, all_text)
    title_text = _title_text(title_el) if title_el is not None else (title if title and title in all_text else "")
    published, source = article_date(
        (meta_date, meta_source), normalise(all_text), normalise(title_text), title_el, url, text
    )
    attachments: dict[str, Attachment] = {}
    for a in body_el.iter("a"):
        href = a.get("href") or ""
        if not (_ATTACHMENT_HINT_RE.search(href) or _DOWNLOAD_RE.search(href)):
            continue  # most links are not attachments: skip normalising them
        link = _link(base, href)
        if link and is_attachment_url(link):
            attachments.setdefault(link, Attachment(_anchor_title(a) or link.rsplit("/", 1)[-1], link))
    return Article(
        title=title,
        published=published,
        date_source=source,
        attachments=tuple(attachments.values()),
        text=_spaced_text(body_el),
        soft_404=soft_404,
        encoding=encoding,
    )
