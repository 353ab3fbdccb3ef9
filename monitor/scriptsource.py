"""Where a page's scripts fetch its list from: the one address an ajax, fetch, axios or ``.load`` call asks for it.

A column page of a newer template holds no entry: its script asks an address for them (``$.ajax({url:
'/xxgk/list.json', data: {columnId: 12}})``, ``$('#list').load('list_frag.html')``, ``axios.get('/api/news')``) and
draws the answer. Where the page asks one such address by GET, with the address and its data written out as
literals, the list can be read from that address as the browser reads it; a call built from variables, sent as a
POST, or one of several is not followed (the column stays unknown, as before). The script writes its entries'
links from the records' fields (``'<a href="show.jsp?id=' + item.id + '">'``): those templates let records that
carry only an id be linked.
Pure: the scripts' text in, an address and templates out.
"""

from __future__ import annotations

import itertools
import re
from urllib.parse import urlencode, urljoin, urlsplit

from monitor.htmlpage import _JS_ESCAPE_RE, _WRITES_RE
from monitor.urls import college_domain, host_of

__all__ = ["list_source", "list_writer", "same_site", "written_markup", "written_templates"]

# a call that fetches: jQuery's $.get/$.getJSON/$.ajax/$.post and .load, fetch, axios, XMLHttpRequest's open(…)
_CALL_RE = re.compile(
    r"""\$\.(?:get|getJSON|ajax|(post))\s*\(|\bfetch\s*\(|\baxios(?:\.get|\.(post|put))?\s*\("""
    r"""|(?:\$|jQuery)\s*\([^()]*\)\s*\.load\s*\("""  # jQuery's .load (not a tracker's ttq.load('ID'))
    r"""|\.open\s*\(\s*["'](?:get|(post))["']\s*,""",
    re.I,
)
_CALL_SPAN = 400  # characters of a call read for its address, method and data ({url: …, type: …, data: {…}})
# the address: the call's first argument, or its options' url (or a layui table's); a literal string either way
_FIRST_ARG_RE = re.compile(r"""\s*\(?\s*(["'])([^"'\n]+)\1""")
_URL_KEY_RE = re.compile(r"""\burl\s*:\s*""")
_QUOTED_RE = re.compile(r"""(["'])([^"'\n]+)\1""")
_POST_RE = re.compile(r"""\b(?:type|method)\s*:\s*["']post["']""", re.I)
_DATA_RE = re.compile(r"""\b(?:data|params)\s*:\s*(\{[^{}]*\})""")  # $.ajax's data, axios's params
# jQuery's $.get(url, data, success), .load(url, data): the argument after the address, and whether one follows it
_NEXT_ARG_RE = re.compile(r"""\s*,\s*(\{[^{}]*\}|[A-Za-z_$][\w$.]*)\s*([,)])""")
# one key: value pair of a data object, its value written out (a string, a number) or a variable's name
_PAIR_RE = re.compile(
    r"""\s*(?:([\w$]+)|"([^"]*)"|'([^']*)')\s*:\s*(?:"([^"]*)"|'([^']*)'|(-?\d+(?:\.\d+)?)|([A-Za-z_$][\w$.]*))\s*(?:,|$)"""
)
# the key of a page number (pageNo=1, page=0): a variable there is the page the script asks first, page 1
PAGE_KEY_RE = re.compile(r"^(?:page|pageno|pagenum|pagenumber|pageindex|curpage|currentpage|current|pn|p)$", re.I)
_PAGE_JOINED_RE = re.compile(r"[?&]([\w$]+)=$")  # '/api/list?pageNo=' + page
_JOINED_VARIABLE_RE = re.compile(r"\s*\+\s*[A-Za-z_$][\w$.]*\s*(?:[,})]|$)")
# the address an ajax call asks when it serves no list: a hit counter (setHits, dynclicks), visit statistics, a
# weather widget, the visitor's login state, or the page's own chrome a static site includes by
# $('#header').load('/inc/header.html')
COUNTER_URL_RE = re.compile(
    r"hits?\b|click|count|visit|stat(?:istic)?s?\b|tongji|\bpv\b|\buv\b|weather|tianqi|getip|login|userinfo|session|dianzan"
    r"|(?:^|/)(?:header|footer|head|foot|top|bottom|nav|menu|banner|sidebar|left|right)[\w-]*\.s?html?(?:$|[?#])",
    re.I,
)
_CODE_FILE_RE = re.compile(r"\.(?:js|css|png|jpe?g|gif|svg|ico|woff2?|ttf)(?:$|[?#])", re.I)  # the page's code, styles
_MOST_CALLS = 20  # calls looked at: an application making more is not one asking a list


def list_source(code: str, base: str) -> str | None:
    """The one address the scripts ``code`` ask a list from by GET, with the literal data they send as its query;
    None when there is none, more than one, or a call's address or data is built from variables."""
    found = set()
    calls = _CALL_RE.finditer(code)
    for m in itertools.islice(calls, _MOST_CALLS):
        call = code[m.end() - 1 if code[m.end() - 1] in "\"'" else m.end() : m.end() + _CALL_SPAN]
        asked = _asked(call)
        if asked is None:
            if not m.group(0).rstrip("( ").endswith("load"):
                return None  # a call whose address is a variable: it may be the list's, and cannot be followed
            continue  # $(window).load(function…): an event, not a request
        address, after = asked[0].strip().split()[0], asked[1]  # (.load('list.html #list'): its selector)
        if (
            COUNTER_URL_RE.search(address)
            or _CODE_FILE_RE.search(address)
            or not same_site(urljoin(base, address), base)
        ):
            continue  # a counter, the page's chrome, another site's service (a tracker, a consent manager)
        posted = any(m.groups()) or _POST_RE.search(call)
        page_joined, joined = _PAGE_JOINED_RE.search(address), _JOINED_VARIABLE_RE.match(after)
        if page_joined and joined and PAGE_KEY_RE.match(page_joined.group(1)):
            address, after = address + "1", after[joined.end() - 1 :]  # its first page
        if after.lstrip().startswith("+") or "{{" in address or "${" in address or posted:
            return None  # an address built from variables, or a list asked by POST: not followed
        jquery = m.group(0).startswith(("$", "jQuery")) and "ajax" not in m.group(0)
        data = _literal_data(call, after if jquery else "")
        if data is None:
            return None
        found.add(_with_query(urljoin(base, address), data))
    if next(calls, None) is not None:
        return None  # more calls than a page asking for its list makes: an application's
    return found.pop() if len(found) == 1 else None


def same_site(address: str, base: str) -> bool:
    """The address is the page's own host's, or its college's (``api.xx.edu.cn`` for ``xxgk.xx.edu.cn``)."""
    host, own = host_of(address), host_of(base)
    return host == own or college_domain(host) == college_domain(own) != ""


def _asked(call: str) -> tuple[str, str] | None:
    """The address a call asks, written out, and the call's text after it; None where a variable gives it."""
    m = _FIRST_ARG_RE.match(call)
    if m is None:
        key = _URL_KEY_RE.search(call.split(";", 1)[0])
        m = _QUOTED_RE.match(call, key.end()) if key else None
    return (m.group(2), call[m.end() :]) if m else None


def _literal_data(call: str, after: str) -> dict | None:
    """The data a call sends, when every value is written out ({} for none); None when one is a variable. ``after``:
    a jQuery shorthand's arguments after its address ($.get(url, {…}, success)); "" for a call taking options."""
    arg = _NEXT_ARG_RE.match(after)
    if arg and not arg.group(1).startswith("{") and arg.group(2) == ",":
        return None  # $.get(url, params, success): the data is a variable
    m = arg if arg and arg.group(1).startswith("{") else _DATA_RE.search(call)
    return _written_object(m.group(1)) if m else {}


def _written_object(text: str) -> dict | None:
    """A data object's pairs, each value written out; a page number given by a variable is the first page (1). None
    when another value is a variable (a column's id the script reads from the page) or a pair is not read."""
    inner, at, data = text.strip()[1:-1].strip(), 0, {}
    while at < len(inner):
        m = _PAIR_RE.match(inner, at)
        if m is None or m.end() == at:
            return None
        key = m.group(1) or m.group(2) or m.group(3) or ""
        value = next((v for v in m.group(4, 5, 6) if v is not None), None)
        if value is None:  # a variable's name
            if not PAGE_KEY_RE.match(key):
                return None
            value = "1"
        data[key], at = value, m.end()
    return data


def _with_query(address: str, data: dict) -> str:
    if not data:
        return address
    joiner = "&" if urlsplit(address).query else "?"
    return address + joiner + urlencode([(k, v) for k, v in data.items()])


# a link the script writes from a record's field: '<a href="show.jsp?id=' + item.id + '">' (either quote outside)
_WRITTEN_HREF_RE = re.compile(
    r"""href\s*=\s*\\?["']?([^"'<>\s+]*)["']\s*\+\s*([A-Za-z_$][\w$]*(?:\[[^\]]{1,12}\])*(?:\.[A-Za-z_$][\w$]*"""
    r"""|\[["'][\w$]+["']\])+)\s*\+\s*["']([^"'<>\s]*)"""
)
_FIELD_RE = re.compile(r"""(?:\.|\[["'])([\w$]+)["']?\]?$""")
_MOST_TEMPLATES = 4


def written_templates(code: str) -> tuple[tuple[tuple[str, bool], ...], ...]:
    """The address templates the scripts write their entries' links with, as ``scriptdata`` reads them: (text,
    is_field) parts, ``show.jsp?id=`` + field ``id``."""
    found = []
    for m in _WRITTEN_HREF_RE.finditer(code):
        field = _FIELD_RE.search(m.group(2))
        if field is None:
            continue
        template = tuple(p for p in ((m.group(1), False), (field.group(1), True), (m.group(3), False)) if p[0])
        if template not in found:
            found.append(template)
            if len(found) == _MOST_TEMPLATES:
                break
    return tuple(found)


# an external script that writes a column's list where it stands (DedeCMS /plus/list.js?typeid=3, 帝国 /d/js/class/
# class3_newnews.js, news_12.js): named as a list's, or asking one by its id; not a library or a widget's code
_LIST_WRITER_RE = re.compile(r"\?.*=|list|news|article|class|info|column|lanmu|notice|tzgg|xxgk|/d/js/|_\d+\.js", re.I)
_NOT_WRITER_RE = re.compile(
    r"jquery|bootstrap|swiper|layui|vue|react|echarts|plugin|slide|scroll|share|baidu|cnzz|analytics|gov|conac"
    r"|jiucuo|wza|barrier|accessib|font|zoom|print|search|hits?\b|count|stat|visit|weather|widget|\.min\.js",
    re.I,
)


def list_writer(src: str) -> bool:
    """Whether a script placed in a page's content, at ``src``, is one that writes a list (``document.write``)."""
    path = src.split("#", 1)[0]
    return bool(_LIST_WRITER_RE.search(path)) and not _NOT_WRITER_RE.search(path)


_STRING_RE = re.compile(r"""\s*(?:"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)')""")
_JOIN_RE = re.compile(r"\s*\+")
_CLOSE_RE = re.compile(r"\s*\)")


def written_markup(code: str) -> str:
    """The markup a script writes with ``document.write``/``writeln`` calls of strings (joined by ``+``), in order; a
    call writing a variable is left out."""
    out = []
    for m in _WRITES_RE.finditer(code):
        at, parts = m.end(), []
        while (string := _STRING_RE.match(code, at)) is not None:
            parts.append(_JS_ESCAPE_RE.sub(r"\1", string.group(1) if string.group(1) is not None else string.group(2)))
            at = string.end()
            joined = _JOIN_RE.match(code, at)
            if joined is None:
                break
            at = joined.end()
        if parts and _CLOSE_RE.match(code, at):
            out.append("".join(parts))
    return "".join(out)
