"""What list and article pages share: decoding the bytes, the lxml tree, links, text, and the page's chrome.

Pure: bytes and trees in, strings out. Used by :mod:`monitor.listpage` and :mod:`monitor.parse`; the names are
private to those readers (underscored), :func:`decode_html` is public.
"""

from __future__ import annotations

import codecs
import functools
import itertools
import re
from collections.abc import Mapping
from urllib.parse import urlsplit

from bs4.dammit import EncodingDetector
from lxml import etree

from monitor import pagedates
from monitor.dates import epoch_day
from monitor.sanitize import strip_controls
from monitor.urls import join_url

# --- decoding ---------------------------------------------------------------------------------

_GB_ALIASES = {"gb2312", "gbk", "gb_2312", "gb_2312-80", "x-gbk", "cp936", "ms936", "euc-cn", "csgb2312", "hz-gb-2312"}
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
_HEADER_CHARSET_RE = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)


def _canonical(label: str | None) -> str | None:
    if not label:
        return None
    label = label.strip().lower()
    if label in _GB_ALIASES or label.startswith("gb2312") or label == "gb18030":
        return "gb18030"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _header(headers: Mapping | None, name: str) -> str:
    if not headers:
        return ""
    value = headers.get(name) or headers.get(name.lower()) or headers.get(name.title())
    return value or ""


def decode_html(body: bytes, headers: Mapping | None = None) -> tuple[str, str]:
    """Decode an HTML body the way browsers do; returns (text, encoding used)."""
    for bom, enc in _BOMS:
        if body.startswith(bom):
            return body[len(bom) :].decode(enc, errors="replace"), enc
    candidates: list[str] = []
    m = _HEADER_CHARSET_RE.search(_header(headers, "content-type"))
    declared = _canonical(m.group(1)) if m else None
    if declared:
        candidates.append(declared)
    meta = _canonical(EncodingDetector.find_declared_encoding(body[:4096], is_html=True))
    if meta and meta not in candidates:
        candidates.append(meta)
    for enc in ("utf-8", "gb18030"):  # detection: the two encodings Chinese college sites use
        if enc not in candidates:
            candidates.append(enc)
    if candidates[0] != "utf-8" and not body.isascii():
        # bytes that are valid multi-byte UTF-8 are UTF-8 whatever the label says: GBK text is
        # practically never valid UTF-8, while a GB label on a UTF-8 page is a common template mistake
        try:
            return body.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            pass
    for enc in candidates:
        try:
            return body.decode(enc), enc
        except UnicodeDecodeError:
            continue  # a mislabelled page: the label is wrong, try the next candidate
    # no candidate decodes cleanly (a truncated or corrupted byte in a real page): the one that loses least
    decoded = {enc: body.decode(enc, errors="replace") for enc in candidates}
    best = min(candidates, key=lambda enc: decoded[enc].count("\ufffd"))
    return decoded[best], best


# comments are no part of what a page shows, and left in a tree they stand between siblings (博达's
# <!--#endeditable--> after a heading): every reader's tree is built without them
_HTML_PARSER = etree.HTMLParser(recover=True, no_network=True, remove_comments=True)
# a Chinese character (of the CJK Unified Ideographs)
_HAN_RE = re.compile(r"[\u4e00-\u9fff]")
_XML_DECLARATION_RE = re.compile(r"\s*<\?xml[^>]*\?>")


_CLOSING_RE = re.compile(r"</(?:html|body)\s*>", re.I)
_CLOSED_EARLY_RE = re.compile(r"</(?:html|body)\s*>(?=\s*<(?!!--)[a-zA-Z])", re.I)  # a tag follows: content


def _tree(text: str):
    """The page as a plain lxml tree (not lxml.html's element classes: their Python-level class lookup on every
    element cost a fifth of an article's parse time)."""
    declaration = _XML_DECLARATION_RE.match(text)
    if declaration:
        text = text[declaration.end() :]
    if "\x00" in text:
        text = text.replace("\x00", "")  # lxml would read a NUL as U+FFFD; other C0 controls it keeps (see _drop)
    if not text.strip():
        return None
    if _CLOSED_EARLY_RE.search(text):
        # libxml2 drops whatever follows </html>; browsers read on. Templates that include a whole page as their
        # header close it before the list: without those tags the list is read, as a browser shows it
        text = _CLOSING_RE.sub("", text)
    try:
        root = etree.fromstring(text, _HTML_PARSER)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None
    if root is None or not isinstance(root.tag, str):
        return None
    _close_list_items(root)
    return root


_NESTED_ITEMS = etree.XPath(
    "//li[ancestor::li] | //dt[ancestor::dt or ancestor::dd] | //dd[ancestor::dt or ancestor::dd]"
)
_ITEM_KIN = {"li": ("li",), "dt": ("dt", "dd"), "dd": ("dt", "dd")}  # the items a new one closes
_INLINE = frozenset(("font", "span", "b", "i", "u", "em", "strong", "small", "big", "a", "label", "nobr", "s"))


def _close_list_items(root) -> None:
    """Close list items the page left open inside an inline element (``<li><a>…</a><span>2026-09-20`` or a
    ``</sapn>`` typo, then the next ``<li>``; ``<dd><span>2026-09-20`` before the next ``<dt>``): libxml2 nests each
    next item in it, a browser (HTML5) closes it."""
    for nested in _NESTED_ITEMS(root):
        outer = nested.getparent()
        while outer is not None and outer.tag in _INLINE:
            outer = outer.getparent()
        if outer is not None and outer.tag in _ITEM_KIN[nested.tag] and nested.getparent() is not outer:
            # it and what follows it there (<dt>, then its <dd>): siblings of the item it was left in, in their
            # order, as a browser reads them
            for item in [nested, *nested.itersiblings()]:
                outer.addnext(item)
                outer = item


def _drop(el) -> None:
    """Remove ``el`` and its subtree, keeping the text that follows it (lxml.html's ``drop_tree``)."""
    parent = el.getparent()
    if parent is None:
        return
    if el.tail:
        previous = el.getprevious()
        holder, attr = (previous, "tail") if previous is not None else (parent, "text")
        joined = (getattr(holder, attr) or "") + el.tail
        try:
            setattr(holder, attr, joined)
        except ValueError:  # a C0 control character in the page: lxml reads it but refuses to store it
            setattr(holder, attr, strip_controls(joined))
    parent.remove(el)


def _strip(root, *tags) -> None:
    """Remove every ``tags`` element below ``root`` with its subtree, keeping the text that follows each (in C)."""
    try:
        etree.strip_elements(root, *tags, with_tail=False)
    except ValueError:  # a C0 control character lxml refuses to store when joining the tails: one by one
        for el in list(root.iter(*tags)):
            if el is not root:
                _drop(el)


# --- shared page reading ----------------------------------------------------------------------

_SOFT_404_RE = re.compile(
    r"页面不存在|页面未找到|找不到(?:该)?页面|您(?:所)?访问的页面不存在|页面已被删除|信息已被删除|文章不存在|"
    r"404\s*not\s*found|error\s*404|http\s*404|错误\s*404|404\s*错误|转换链接错误|"
    # what CMSs show for a withdrawn document: 该信息已删除或不存在, 此信息已被撤销, 内容已下线, 信息不存在或已过期
    r"(?:信息|文章|内容|新闻|页面|稿件|文档|记录)(?:已经?被?)(?:删除|撤销|撤回|下线|失效|过期|移除)|"
    r"(?:该|此|您所?要?(?:访问|查看|浏览)的)(?:信息|文章|内容|新闻|页面|稿件|文档|记录)(?:不存在|已失效)|"
    r"(?:信息|文章|内容|新闻|稿件)不存在",
    re.I,
)
# what a site answers for a column's address it no longer has, read in a page of next to nothing (_GONE_CHARS), its
# title's own words aside: a deleted or moved column (该栏目不存在或已被删除, 没有该栏目, TRS's 频道不存在, 分类不存在),
# an old ASP or PHP page asked for an id it lacks (参数错误！, 非法参数)
_GONE_RE = re.compile(
    r"(?:栏目|频道|分类)(?:不存在|已经?被?(?:删除|关闭|撤销|下线|停用))|没有(?:找到)?(?:该|此|这个)(?:栏目|频道|分类)(?![的下中里内])|"
    r"参数错误|非法参数|错误的参数|参数不正确|"
    r"页面(?:走丢了|找不到了|不见了)|page\s+(?:you\s+requested\s+)?(?:was\s+|could\s+)?not\s+(?:be\s+)?found",
    re.I,
)
_GONE_CHARS = 400  # characters: an error page's line and the site's menus, not a page of content
_TITLE_PARTS_RE = re.compile(r"\s*[-_|–—]\s*")
_DROP_TAGS = ("script", "style", "noscript", "template", "iframe", "object", "select")
_SKIP_SCHEMES = ("javascript:", "mailto:", "tel:", "data:", "#", "file:", "vbscript:")


def _base_url(root, url: str) -> str:
    base = root.find(".//base[@href]")
    if base is not None:
        return join_url(url, base.get("href")) or url
    return url


# a browser template's own link (href="/info/{{item.id}}.htm", `${id}`): the browser draws it anew. (A server's
# unrendered <%=id%> is what the visitor gets: a link, broken.)
_UNFILLED_RE = re.compile(r"\{\{|\$\{")


@functools.lru_cache(maxsize=8192)  # a page's links are read once per candidate list they sit in
def _link(base: str, href: str | None) -> str | None:
    if not href:
        return None
    href = href.strip()
    if not href or href.lower().startswith(_SKIP_SCHEMES) or _UNFILLED_RE.search(href):
        return None
    absolute = join_url(base, href)
    if absolute is None or urlsplit(absolute).scheme not in ("http", "https"):
        return None
    return absolute


_JS_URL_RE = re.compile(
    r"""["']((?:https?://|\.{0,2}/)[^"'\s<>]+|[\w./-]+\.(?:s?html?|jsp|php|aspx?|do)(?:\?[^"'\s<>]*)?)["']"""
)


def _has_address(a) -> bool:
    """Whether a link's href is an address of its own (not empty, #, or javascript:, which a script acts on)."""
    href = (a.get("href") or "").strip()
    return not (href[:1] in ("", "#") or href.lower().startswith("javascript:"))


def _script_link(base: str, a) -> str | None:
    """The page a link opens by script — ``href="#" onclick="window.open('/info/12.htm')"``,
    ``href="javascript:openwin('show.asp?id=12')"`` — or None when the script names no address."""
    for code in (a.get("onclick") or "", a.get("href") or ""):
        m = _JS_URL_RE.search(code)
        if m:
            return _link(base, m.group(1))
    return None


def _text(el) -> str:
    return strip_controls(" ".join("".join(el.itertext()).split()))


_LAID_APART = ("p", "div", "td", "th", "tr", "li", "dd", "dt", "br", "h1", "h2", "h3", "h4", "h5", "h6", "table")
# inline elements a number in one and a number in the next are apart in, as a browser shows them: a day and its time
_INLINE_APART = ("span", "em", "i", "b", "strong", "font", "small", "label", "time", "a")


def _lay_apart(root) -> None:
    """Set the blocks and cells below ``root`` apart by a space, as a browser lays them out, so that a page written
    without whitespace between its tags (``<td>张三</td><td>时间：</td>``) reads 张三 时间：, not 张三时间： (a word
    before a bare label makes it an event's, 讲座时间). Only texts already there are touched, a block's own and its
    first and last child's (``<td><span>张三</span></td>``): no text node is added, so the page's texts stay as many
    (the date checks walk them all)."""
    for el in root.iter(_LAID_APART):
        try:
            el.tail = _spaced(el.tail)
            if len(el) == 0:
                el.text = _spaced(el.text, True)
                continue
            el.text = _spaced(el.text)
            if not el.text and isinstance(el[0].tag, str):
                el[0].text = _spaced(el[0].text)
            last = el[-1]
            if last.tail:
                last.tail = _spaced(last.tail, True)
            elif len(last) == 0 and isinstance(last.tag, str):
                last.text = _spaced(last.text, True)
        except ValueError:  # a control character lxml kept from the source but will not set again: left as it is
            continue
    for el in root.iter(_INLINE_APART):
        if el.text and el.text[0].isdigit() and _text_before(el)[-1:].isdigit():
            el.text = " " + el.text  # <span>发布时间：18-03-08</span><span>23:16</span>: a day, then its time


def _text_before(el) -> str:
    """The text just before ``el``: its previous sibling's tail, else the end of that sibling's own text (its last
    child's tail, and so on down), else its parent's text."""
    prev = el.getprevious()
    if prev is None:
        parent = el.getparent()
        return (parent.text or "") if parent is not None else ""
    while not prev.tail and isinstance(prev.tag, str) and len(prev):
        prev = prev[-1]
    if prev.tail:
        return prev.tail
    return (prev.text or "") if isinstance(prev.tag, str) else ""


def _spaced(text: str | None, end: bool = False) -> str | None:
    """``text`` with a space before it (and with ``end``, after it) where it has none; None stays None."""
    if not text:
        return text
    text = text if text[0].isspace() else " " + text
    return text if not end or text[-1].isspace() else text + " "


# a template's element shown only on a condition (v-if="list.length==0", ng-show, x-show) or hidden until a
# script reveals it (style="display:none", hidden, class="hide"): what it says (暂无数据) is not the page's state
_CONDITIONAL_ATTRS = ("v-if", "v-else", "v-else-if", "v-show", "ng-if", "ng-show", "ng-hide", "*ngif", "x-show", "x-if")
_HIDING_STYLE_RE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_HIDING_CLASSES = frozenset(("hide", "hidden", "d-none", "is-hidden", "invisible"))


def _placeholder(el) -> bool:
    attrs = el.attrib
    return (
        "hidden" in attrs
        or any(name in attrs for name in _CONDITIONAL_ATTRS)
        or bool(_HIDING_STYLE_RE.search(attrs.get("style") or ""))
        or not _HIDING_CLASSES.isdisjoint((attrs.get("class") or "").lower().split())
    )


def _shown_text(el) -> str:
    """``_text`` without what the page shows only on a condition or once a script reveals it (``_placeholder``)."""
    parts = []
    walker = etree.iterwalk(el, events=("start", "end"))
    for event, node in walker:
        if not isinstance(node.tag, str):
            continue
        if event == "start" and node is not el and _placeholder(node):
            walker.skip_subtree()
        elif event == "start":
            parts.append(node.text or "")
        elif node is not el:
            parts.append(node.tail or "")
    return strip_controls(" ".join("".join(parts).split()))


def _spaced_text(el) -> str:
    return strip_controls(pagedates.spaced_text(el))


_WRITES_RE = re.compile(r"\.write(?:ln)?\s*\(")
_JS_STRING_RE = re.compile(r""""((?:[^"\\\n]|\\.){0,2000})"|'((?:[^'\\\n]|\\.){0,2000})'""")  # (and '': pairs stay)
_JS_ESCAPE_RE = re.compile(r"\\(.)")
_LINK_MARKUP_RE = re.compile(r"<a\s[^>]*href", re.I)  # markup holding a link
_WORDS_WRITTEN_RE = re.compile(r"[\u4e00-\u9fff]|(?:19|20)\d\d[-/.年]\d")  # a title's words, a date
_CODE_CHARS_RE = re.compile(r"[<>={};]")  # an ad script's pieces ("script src='"), not text
_WRITES_INTO = frozenset(("a", "li", "td", "dd", "dt", "span", "font", "em", "i", "b", "strong", "p", "h1", "h2", "h3"))
_WRITER_MOST = 5000  # characters of a script that writes its element's text: a template's line, not a program
# a record's Unix time a date function turns into its date: timeConvert('1789871400'), formatDate(1789871400000, …)
_WRITTEN_EPOCH_RE = re.compile(r"(?i)[\w$.]*(?:time|date)[\w$.]*\s*\(\s*['\"]?(\d{10}(?:\d{3})?)\b")


def _fragment(markup: str) -> list:
    """The elements an HTML fragment (a script's string, a holder's text) parses into."""
    holder = etree.fromstring(f"<div>{markup}</div>", _HTML_PARSER).find(".//div")
    return list(holder) if holder is not None else []


def _written_in_place(root) -> None:
    """A script writing its record's part is replaced by what it holds: TRS's cut title (``<a href=…><script>var
    str = "关于…的通知"; if (str.length > 20) {document.write(str.substring(0, 20) + "...")} else {document.write(str)}
    </script></a>``) by its longest string, inside a link, an item or a cell; one writing a whole record
    (``document.write('<li><a href="…">…</a><span>…</span></li>')``) by that HTML. A browser shows as much."""
    for script in [s for s in root.iter("script") if s.text and "write" in s.text and not s.get("src")]:
        code, parent = script.text, script.getparent()
        if parent is None or len(code) > _WRITER_MOST or not _WRITES_RE.search(code):
            continue
        strings = [_JS_ESCAPE_RE.sub(r"\1", a or b) for a, b in _JS_STRING_RE.findall(code)]
        longest = max(strings, key=len, default="")
        if _LINK_MARKUP_RE.search(longest):
            for el in _fragment(longest):
                script.addprevious(el)
        elif parent.tag in _WRITES_INTO and (shown := _written_text(code, longest)):
            written = etree.Element("span")
            written.text = shown
            script.addprevious(written)


def _written_text(code: str, longest: str) -> str:
    """What a script writing its element's text shows: its longest string, where that is words or a date, or the
    date of a Unix time it hands a date function (timeConvert('1789871400')); "" for neither."""
    if _WORDS_WRITTEN_RE.search(longest) and not _CODE_CHARS_RE.search(longest):
        return longest
    day = epoch_day(m.group(1)) if (m := _WRITTEN_EPOCH_RE.search(code)) else None
    return day.isoformat() if day else ""


_HOLDER_TYPES = frozenset(("text/html", "text/template", "text/x-template"))
_NAMED_ID_RE = re.compile(r"""[#"']([\w-]+)""")  # an id a script names: $("#tpl"), getElementById("tpl")
# a template's placeholders: a browser's ({{item.title}}, ${x}) or a server's (<%=url%>, {% … %}, {# … #})
_PLACEHOLDER_RE = re.compile(rf"{_UNFILLED_RE.pattern}|\{{%|<%|\{{#")


def _held_in_place(root, scripts: str) -> None:
    """Markup a page holds for its script to show — ``<template id="tpl">``, ``<script type="text/html" id="tpl">``,
    ``<textarea id="tpl" style="display:none">`` — copied into its empty list (``$("#box").html($("#tpl").html())``):
    shown where it is held, when a script names its id and it holds links, not a template's placeholders."""
    holders = [el for el in root.iter("template", "textarea", "script") if el.get("id")]
    named = set(_NAMED_ID_RE.findall(scripts)) if holders else set()  # (one pass: 5,000 holders beside 4 MB of code)
    holders = [el for el in holders if el.get("id") in named]
    for el in holders:
        if el.tag == "script" and (el.get("type") or "").strip().lower() not in _HOLDER_TYPES:
            continue
        markup = (el.text or "") if el.tag != "template" else etree.tostring(el, encoding="unicode", with_tail=False)
        if not _LINK_MARKUP_RE.search(markup) or _PLACEHOLDER_RE.search(markup):
            continue
        if el.tag != "template":  # (a template's children are parsed already)
            el.text = None
            el.extend(_fragment(markup))
        el.tag = "div"  # shown (where the script puts it): no longer a script's type, nor hidden
        for name in ("type", "style", "hidden"):
            el.attrib.pop(name, None)


# a script setting an element's text to a literal: getElementById("pt").innerHTML = "…", $("#pt").text("…")
_ASSIGNED_LITERAL = r"""\s*("[^"\n]{1,200}"|'[^'\n]{1,200}')(?=\s*(?:[;)\n]|$))"""  # alone: not "访问量：" + count
# each opening with a literal, which the regex engine looks for fast (a scan of every position costs 1 ms a page)
_ASSIGNED_BY_ID_RE = re.compile(
    r"""getElementById\(\s*['"]([\w-]+)['"]\s*\)\s*\.\s*(?:innerHTML|innerText|textContent)\s*=""" + _ASSIGNED_LITERAL
)
_ASSIGNED_BY_SELECTOR_RE = re.compile(r"""#([\w-]+)['"]\s*\)\s*\.\s*(?:text|html)\s*\(""" + _ASSIGNED_LITERAL)
_SELECTOR_CALL_RE = re.compile(r"""(?:\$|jQuery)\(\s*['"]$""")  # what stands before a selector's #id: $(" or jQuery('
_WITH_ID = etree.XPath("//*[@id]")
_MOST_ASSIGNED = 50  # assignments read on a page (each looks its element up: a UI script sets hundreds of labels)


def _assigned_in_place(root, scripts: str) -> None:
    """A script's literal text put into an empty element by its id (``发布时间：<span id="pt"></span>`` filled by
    ``getElementById("pt").innerHTML = "2026-09-23"``): shown there, where it is words or a date, not markup."""
    by_selector = (
        m
        for m in _ASSIGNED_BY_SELECTOR_RE.finditer(scripts)
        if _SELECTOR_CALL_RE.search(scripts, m.start() - 12, m.start())
    )
    texts = {}  # id -> the text a script puts there (the first: a browser shows the last, but they seldom differ)
    for m in itertools.islice(itertools.chain(_ASSIGNED_BY_ID_RE.finditer(scripts), by_selector), _MOST_ASSIGNED):
        text = m.group(2)[1:-1]
        if _WORDS_WRITTEN_RE.search(text) and not _CODE_CHARS_RE.search(text):
            texts.setdefault(m.group(1), text)
    for el in _WITH_ID(root) if texts else ():  # (one walk, however many)
        if el.get("id") in texts and not len(el) and not (el.text or "").strip():
            el.text = texts[el.get("id")]


def _strip_scripts(root) -> str:
    scripts = " ".join(s.text or "" for s in root.iter("script"))
    _held_in_place(root, scripts)
    _assigned_in_place(root, scripts)
    _written_in_place(root)
    for fallback in [n for n in root.iter("noscript") if n.find(".//a[@href]") is not None]:
        fallback.tag = "div"  # what a browser without scripts shows (a list written for it): read, not dropped
    _strip(root, *_DROP_TAGS)
    return scripts


# any of an element's own text nodes, not its first only: <h2>⏎  <i class="icon"></i>通知公告</h2> holds its name in
# its second (its first is the template's indent)
_HOLDS_TEXT = etree.XPath(".//*[text()[contains(., $t)]]")


def _holding(root, text: str) -> list:
    """The elements below ``root`` one of whose own text nodes contains ``text`` (found in C: a walk computing
    every element's text costs several percent of a page's read)."""
    return _HOLDS_TEXT(root, t=text)


def _page_title(root) -> str:
    el = root.find(".//title")
    return _text(el) if el is not None else ""


_PASSWORD_FIELD = etree.XPath("//input[translate(@type, 'PASWORD', 'pasword') = 'password']")
_LOGIN_NAMED_RE = re.compile(r"登录|登陆|身份认证|统一认证|login|sign[\s_-]?in|authserver|/cas/|/sso/", re.I)
SIGN_IN_REASON = (
    "页面要求登录（显示登录表单）：信息公开的内容应无需登录即可查看；若只对校外要求登录，请把监测部署在校内"
)


def _sign_in_page(root, url: str) -> bool:
    """A sign-in page (统一身份认证) instead of the page: a password field on a page named or addressed as one
    (/authserver/login), or with next to no links; a CMS page's login widget sits among its menus."""
    if not _PASSWORD_FIELD(root):
        return False
    return bool(_LOGIN_NAMED_RE.search(f"{_page_title(root)} {url}")) or len(root.findall(".//a[@href]")) <= 3


# a message a page's script shows in a dialog (ASP: alert('该文章不存在！');history.back()), and its leaving after it
_ALERT_RE = re.compile(r"""\balert\s*\(\s*(['"])([^'"\n]{1,80})\1\s*\)""")
_LEAVES_RE = re.compile(
    r"history\s*\.\s*(?:back|go)\s*\(|location(?:\s*\.\s*href)?\s*=[^=]|location\s*\.\s*(?:replace|assign)\s*\(|"
    r"window\s*\.\s*close\s*\("
)
_LEAVES_WITHIN = 120  # characters after the dialog


def alerted(scripts: str) -> tuple[str, bool]:
    """The first message the page's ``scripts`` show in a dialog (alert('参数错误！')), and whether they leave the
    page right after it (history.back(), location.href=…): an error page's way; ("", False) when none."""
    m = _ALERT_RE.search(scripts)
    if m is None:
        return "", False
    return m.group(2).strip(), _LEAVES_RE.search(scripts[m.end() : m.end() + _LEAVES_WITHIN]) is not None


def says_gone(alert: str, text: str) -> bool:
    """Whether a page showing next to nothing (``text``) says in a dialog (``alert``, see ``alerted``) that it, or
    what it was asked for, is not there: 该信息不存在, 参数错误, 您访问的页面不存在."""
    return bool(alert) and len(text) < _GONE_CHARS and bool(_SOFT_404_RE.search(alert) or _GONE_RE.search(alert))


def _is_soft_404(title: str, text: str, column: bool = False) -> bool:
    """Whether a page says it is not there (页面不存在, 404); for a ``column``'s page without entries, also that its
    column or the id asked is gone (该栏目不存在, 参数错误): an article may well say 原栏目已关闭 in its text."""
    if _SOFT_404_RE.search(title) or title.strip() in ("404", "Not Found"):
        return True
    if len(text) < 1500 and _SOFT_404_RE.search(text):
        return True
    if not column or len(text) >= _GONE_CHARS or not _GONE_RE.search(text):
        return False
    for part in _TITLE_PARTS_RE.split(title):
        text = text.replace(part, " ") if len(part) >= 4 else text
    return bool(_GONE_RE.search(text))


# --- chrome: the menus, headers and footers around what a page is about -----------------------

_NAV_RE = re.compile(
    r"(?:^|[\s_-])(nav|navi|navbar|menu|mainmenu|submenu|footer|foot|header|topbar|banner|crumbs?|breadcrumb|copyright|friendlink|links)(?:$|[\s_\d-])",
    re.I,
)


def _chrome_named(root) -> list:
    """Elements below ``root`` whose class or id names them chrome (nav, menu, footer…), in document order.
    (A walk with ``get`` costs half of the XPath ``.//*[@class or @id]`` on a page of thousands of elements; a page
    repeats its class names, so each is matched once.)"""
    named: dict[str, bool] = {"": False}
    found = []
    for el in root.iter(etree.Element):
        for name in (el.get("class") or "", el.get("id") or ""):
            chrome = named.get(name)
            if chrome is None:
                chrome = named[name] = _NAV_RE.search(name) is not None
            if chrome:
                if el is not root:
                    found.append(el)
                break
    return found


def _drop_chrome(body, keep: set | frozenset = frozenset()) -> None:
    """Remove the page's chrome below ``body``: header, footer and nav elements and the elements named so (nav,
    menu, footer…), except those in ``keep`` (the ancestors of an article's title: its own ``<header>``)."""
    if keep:
        for el in list(body.iter("header", "footer", "nav")):
            if el not in keep:
                _drop(el)
    else:
        _strip(body, "header", "footer", "nav")
    for el in _chrome_named(body):
        if el not in keep and el.getparent() is not None:
            _drop(el)


_PART_NAME_RE = re.compile(r"(?:^|[\s_-])(?:header|footer)(?:$|[\s_\d-])", re.I)


def _card_parts(body) -> set:
    """The headers and footers of the articles a page lists, with what they hold: a blog's card
    (``<article><header class="entry-header">``) has its title and date there, no chrome of the page's."""
    parts: set = set()
    for card in body.iter("article"):
        for el in card.iterdescendants(etree.Element):
            if el not in parts and _card_part(el):
                parts.update(el.iter())
    return parts


def _card_part(el) -> bool:
    names = f"{el.get('class') or ''} {el.get('id') or ''}"
    return el.tag in ("header", "footer") or _PART_NAME_RE.search(names) is not None


def _nav_like(el, root_body) -> bool:
    node = el
    while node is not None and node is not root_body:
        if _chrome_block(node):
            return True
        node = node.getparent()
    return False


def _chrome_block(node) -> bool:
    """A block of the site's chrome by its tag or class: a nav, a header, a footer, a menu, a breadcrumb."""
    return node.tag in ("nav", "header", "footer") or _NAV_RE.search(pagedates.classes(node)) is not None


_TITLE_LABEL_RE = re.compile(r"^\s*(?:文章|信息|新闻)?标题\s*[:：]\s*")
_HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")


_DATE_PART_RE = re.compile(r"[\d\s./\-年月日:：]+")


def _anchor_heading(a):
    """The heading a link wraps with other text (a card: heading, summary, date), or None. A heading holding a
    part of a date (``<a><div><p>2026.09</p><h3>23</h3></div><div>title</div></a>``) is a date's style, not a title."""
    for heading in a.iter(*_HEADING_TAGS) if len(a) else ():
        text = _text(heading)
        if text and not _DATE_PART_RE.fullmatch(text):
            return heading
    return None


def _anchor_title(a) -> str:
    """A link's title: its text, or its title attribute where that holds the whole of a cut text. A card whose
    link wraps a heading and a summary is titled by the heading; a title attribute holding an info block
    (动易: ``文章标题：…&#13;&#10;作    者：…&#13;&#10;更新时间：…``) gives its first line without the label."""
    heading = _anchor_heading(a)
    text = _text(heading) if heading is not None else _text(a)
    raw = a.get("title")
    if not raw or not raw.strip():
        # or on the element inside holding the cut text: <a><span title="全文">关于公布…</span></a>
        cut = text.rstrip(".…")
        inner = (el.get("title") or "" for el in a.iterdescendants() if isinstance(el.tag, str))
        raw = next((t for t in inner if cut and cut != text and t.strip().startswith(cut)), "")
    if not raw.strip():
        return text
    raw = raw.strip()
    attr = strip_controls(" ".join(_TITLE_LABEL_RE.sub("", raw.splitlines()[0]).split()))
    if attr and (len(attr) > len(text) or text.endswith(("...", "…", ".."))):
        return attr
    return text


# separators of <title>'s parts: spaced dashes and bars, bars and underscores, and a bare dash between Chinese words
# (标题-某某大学; not 2023-2024, COVID-19, or an em dash inside a title: 对比试车—测试…)
_HEAD_SPLIT_RE = re.compile(r"\s[-–—|_]\s|[|｜_]|——|--|(?<=[\u4e00-\u9fff）)])-(?=[\u4e00-\u9fff（(])")
# a part of <title> that names the site, not the page: 某某大学, 某某职业技术学院, 某某大学新闻网, 信息公开网
_SITE_NAME_RE = re.compile(r"(?:大学|学院|学校|中学|研究院|研究所|网站|门户|官网|网|平台)$")
_TITLE_SEPARATORS = ("--", "——", " - ", " | ", "|", "_", "-", "—")
