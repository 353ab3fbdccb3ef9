"""Records a page's scripts carry as data: the list a template draws from ``var list = [{"title": …, "url": …}]``.

Newer college templates (Vue, art-template, a jQuery loop) write a column's entries into the page as script data
and draw the list in the browser; the static HTML holds none of it. chompjs reads the scripts' object literals (JSON,
or JavaScript's unquoted keys and single quotes) without running them. A list is a column's entries when its records
each have a title and an address, and are dated or titled as articles are (a menu's 首页, 学校概况 are not).
Pure: the scripts' text in, records out.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterator
from dataclasses import dataclass

import chompjs

from monitor.dates import epoch_day, find_dates
from monitor.urls import looks_like_article

__all__ = ["ScriptList", "href_template", "script_links", "script_list"]

_HAS_RECORDS_RE = re.compile(r"\[\s*\{")  # an array of objects: most pages' scripts hold none
_TITLE_KEY_RE = re.compile(r"title|^(?:bt|wzbt|xxbt|subject|headline|name|mc)$", re.I)
_ADDRESS_KEY_RE = re.compile(r"url|href|link|path|address|detail|^(?:lj|ljdz|wzlj|dz)$", re.I)  # 链接地址: ljdz
_NOT_ADDRESS_KEY_RE = re.compile(r"img|image|pic|photo|thumb|cover|icon|logo|video|avatar", re.I)
_PICTURE_RE = re.compile(r"\.(?:jpe?g|png|gif|webp|svg|bmp|ico)(?:[?#]|$)", re.I)  # a gallery's, not an entry's
_ADDRESS_RE = re.compile(
    r"^(?:https?://|/|\.{1,2}/)\S*$|^[\w./-]+\.(?:s?html?|jsp|php|aspx?|pdf|docx?|xlsx?)(?:[?#]\S*)?$|^[\w./-]*\?\S+=\S*$",
    re.I,
)
# the date a record is published on, before one it was only made or stored on; never when it was last edited
_DATE_KEY_RANKS = (
    (re.compile(r"publish|pub|release|reltime|fbsj|fbrq|fabu|issue", re.I), 3),  # TRS DOCRELTIME, 发布时间 fbsj
    (re.compile(r"date|rq$|day", re.I), 2),
    (re.compile(r"time|sj$|create|add", re.I), 1),
)
_NOT_DATE_KEY_RE = re.compile(
    r"update|modif|edit|^end|end_?(?:time|date)|start|begin|deadline|expire|birth|^(?:gx|xg)(?:sj|rq)$", re.I
)  # 更新时间 gxsj, 修改日期 xgrq
_TOTAL_KEY_RE = re.compile(
    r"^(?:total|total_?count|total_?records?|record_?count|total_?num|total_?size|total_?rows?)$", re.I
)
_TAG_RE = re.compile(r"<[^>]+>")
_ARTICLE_TITLE = 8  # characters on average: undated records titled so are articles (首页, 学校概况 are a menu's)
_MOST_NODES = 50_000  # objects and arrays walked on one page at most (a list of 20,000 records is 20,001)


@dataclass(frozen=True)
class ScriptList:
    records: tuple[tuple[str, str, dt.date | None], ...]  # (title, address as written, date)
    total: int | None = None  # the count the data states beside them (total: 25), if any


# a template's link built from a record's field: :href="'/info/' + item.id + '.htm'", href="show.jsp?id={{item.id}}",
# :href="`/info/${item.id}.htm`"; the field is the last name of the path (item.id, $value.id: id)
_PLACEHOLDER_RE = re.compile(r"\{\{\s*([\w$.]+)\s*\}\}|\$\{\s*([\w$.]+)\s*\}")
_JOINED_PART_RE = re.compile(r"""'([^']*)'|"([^"]*)"|([A-Za-z_$][\w$.]*)""")  # 'a string', "a string", item.id
TEMPLATES_READ = 4  # address templates read from one page at most


def href_template(written: str, bound: bool) -> tuple[tuple[str, bool], ...] | None:
    """An address template from a link's attribute: ``bound`` (``:href``, ``v-bind:href``) a JavaScript expression
    joining strings and a record's fields, or a template literal; else an ``href`` with ``{{item.id}}``
    placeholders. As (text, is_field) parts; None if it names no field or joins anything else (a function's call)."""
    written = written.strip()
    if bound and not written.startswith("`"):
        parts = []
        for piece in (p.strip() for p in written.split("+")):
            m = _JOINED_PART_RE.fullmatch(piece)
            if m is None:
                return None
            field = m.group(3)
            parts.append((field.rsplit(".", 1)[-1], True) if field else (m.group(1) or m.group(2) or "", False))
    else:
        parts = _split_placeholders(written.strip("`") if bound else written)
    return tuple(p for p in parts if p[0]) if any(field for _, field in parts) else None


def _split_placeholders(text: str) -> list[tuple[str, bool]]:
    """``show.jsp?id={{item.id}}`` or ``/info/${item.id}.htm`` as literal and field parts."""
    parts, at = [], 0
    for m in _PLACEHOLDER_RE.finditer(text):
        parts += [(text[at : m.start()], False), ((m.group(1) or m.group(2)).rsplit(".", 1)[-1], True)]
        at = m.end()
    return [p for p in [*parts, (text[at:], False)] if p[0]]


def _built(item: dict, template: tuple[tuple[str, bool], ...]) -> str:
    """The address ``template`` builds from ``item``'s fields; "" if one is missing or not a plain value."""
    out = []
    for text, field in template:
        value = item.get(text) if field else text
        if isinstance(value, bool) or not isinstance(value, str | int) or value == "":
            return ""
        out.append(str(value))
    return "".join(out)


def script_list(scripts: str, templates: tuple = ()) -> ScriptList | None:
    """The longest list of records in the scripts' data that reads as a column's entries; None if there is none.
    ``templates``: the page's address templates (``href_template``), for records that carry only an id."""
    if not _HAS_RECORDS_RE.search(scripts):
        return None
    best = None
    for holder, items in _lists(scripts):
        records = [r for r in (_record(item, templates[:TEMPLATES_READ]) for item in items) if r]
        if _entries_like(records) and (best is None or len(records) > len(best.records)):
            best = ScriptList(tuple(records), _total(holder))
    return best


def script_links(scripts: str) -> list[tuple[str, str]]:
    """Every (title, address as written) the scripts' data holds, whatever it is: the nodes of a menu a script
    draws (zTree's ``var zNodes = [{name: "招生章程", url: "/xxgk/zszc.htm"}]``), for a crawl to follow."""
    if not _HAS_RECORDS_RE.search(scripts):
        return []
    return [(r[0], r[1]) for _, items in _lists(scripts) for item in items if (r := _record(item))]


def _objects(scripts: str) -> Iterator:
    found = chompjs.parse_js_objects(scripts, omitempty=True)
    while True:
        try:
            yield next(found)
        except StopIteration:
            return
        except (ValueError, TypeError, RecursionError):  # a literal chompjs cannot read ends the reading, not the page
            return


def _lists(scripts: str) -> Iterator[tuple[dict | None, list[dict]]]:
    """Every array of objects in the scripts' literals, with the object holding it (its count may sit there)."""
    walked = 0
    for literal in _objects(scripts):
        stack: list = [(None, literal)]
        while stack:
            holder, node = stack.pop()
            walked += 1
            if walked > _MOST_NODES:
                return
            if isinstance(node, dict):
                stack.extend((node, v) for v in node.values() if isinstance(v, dict | list))
                continue
            items = [x for x in node if isinstance(x, dict)]
            if items:
                yield holder, items
            stack.extend((holder, v) for v in node if isinstance(v, dict | list))


def _record(item: dict, templates: tuple = ()) -> tuple[str, str, dt.date | None] | None:
    if any(k.startswith("@") for k in item):  # schema.org's JSON-LD (a breadcrumb, the page's own article): metadata
        return None
    titles = [(2 if "title" in k.lower() and "sub" not in k.lower() else 1, k) for k in item if _TITLE_KEY_RE.search(k)]
    title = _clean(item[max(titles)[1]]) if titles else ""
    address = next(
        (
            v.strip()
            for k, v in item.items()
            if isinstance(v, str) and _ADDRESS_KEY_RE.search(k) and not _NOT_ADDRESS_KEY_RE.search(k)
            if _ADDRESS_RE.match(v.strip()) and not _PICTURE_RE.search(v)
        ),
        "",
    ) or next((built for t in templates if (built := _built(item, t))), "")
    if len(title) < 2 or not address:
        return None
    return title, address, _date(item)


def _clean(value) -> str:
    return " ".join(html.unescape(_TAG_RE.sub("", value)).split()) if isinstance(value, str) else ""


def _date(item: dict) -> dt.date | None:
    dated = []
    for key, value in item.items():
        rank = next((r for pattern, r in _DATE_KEY_RANKS if pattern.search(key)), 0)
        if rank and not _NOT_DATE_KEY_RE.search(key) and (day := _date_of(value)):
            dated.append((rank, day))
    return max(dated, key=lambda d: d[0])[1] if dated else None


def _date_of(value) -> dt.date | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return epoch_day(str(int(value)))  # Unix time, in seconds or milliseconds
    found = find_dates(value) if isinstance(value, str) and not value.strip().isdigit() else []
    return found[0] if found else (epoch_day(value) if isinstance(value, str) else None)


def _entries_like(records: list) -> bool:
    """Dated records (most of them), or two or more titled as articles are, most of them at an article's address:
    not a menu's labels (首页, 学校概况), nor a site's sections (/news/, /section?template=popular)."""
    dated = sum(1 for r in records if r[2])
    if records and dated * 2 >= len(records):
        return True
    articles = sum(looks_like_article(r[1]) for r in records)
    titled = sum(len(r[0]) for r in records) >= _ARTICLE_TITLE * len(records)
    return len(records) >= 2 and titled and articles * 2 > len(records)


def _total(holder: dict | None) -> int | None:
    counts = [v for k, v in (holder or {}).items() if _TOTAL_KEY_RE.match(k) and isinstance(v, int) and v >= 0]
    return counts[0] if counts and not isinstance(counts[0], bool) else None
