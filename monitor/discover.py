"""``monitor discover``: map a college's disclosure area to the checklist, to start a config from.

It crawls the 信息公开 entry page and the pages it links to (same host, bounded depth and pages), and
proposes ``[[columns]]`` with the items each evidences:

- the college's own 清单 table (序号 / 公开事项 / 链接 / 责任部门), read directly: item -> URL and department
  (confidence 1.0);
- a column whose name matches an item (招生章程 -> 7; confidence 0.9);
- a column most of whose entry titles match an item (confidence 0.5–0.8, with the share).

The output is TOML to review: comments carry the confidence and the words matched.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import re
from collections import Counter, deque
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from urllib.parse import urlsplit

import lxml.html

from monitor import pagerscripts, scriptdata
from monitor.checklist import Checklist, load_checklist
from monitor.classify import classify
from monitor.config import CrawlConfig
from monitor.fetch import Fetcher
from monitor.htmlpage import _text, decode_html
from monitor.listpage import ListPage, _address_script_links, parse_list
from monitor.parse import is_attachment_url
from monitor.sections import UTF8, offers_more, section_names, section_page
from monitor.urls import as_browser_sends, host_of, join_url, looks_like_article, normalise_url, page_key

TABLE_HEADERS = re.compile(r"序号|类别|公开事项|事项|公开内容|链接|网址|责任部门|责任单位|公开部门|牵头部门")


@dataclass
class Proposal:
    url: str
    name: str
    items: dict[int, tuple[float, str]] = field(default_factory=dict)  # item -> (confidence, reason)
    department: str = ""

    def add(self, item: int, confidence: float, reason: str) -> None:
        if item not in self.items or self.items[item][0] < confidence:
            self.items[item] = (confidence, reason)


@dataclass(frozen=True)
class Discovery:
    start: str
    pages: int
    proposals: tuple[Proposal, ...]
    found: frozenset[int]
    missing: tuple[int, ...]  # applicable items with no proposal
    answered: int = 0  # pages that answered with a web page (0: the site is down or refuses us)
    blocked: str = ""  # a firewall's browser test answered instead of a page (瑞数 412, 加速乐 521…), if one did


def read_list_table(
    body: bytes, url: str, headers, checklist: Checklist, site_name: str
) -> list[tuple[int, str, str, str]]:
    """Rows of a college's own 信息公开事项清单 table: (item, link, department, the row's words)."""
    text, encoding = decode_html(body, headers)
    try:
        root = lxml.html.document_fromstring(text)
    except (lxml.etree.ParserError, ValueError):
        return []
    rows_out = []
    for table in root.iter("table"):
        rows = table.xpath(".//tr")
        if len(rows) < 3:
            continue
        head = [_text(c) for c in rows[0].xpath("./th|./td")]
        if sum(1 for h in head if TABLE_HEADERS.search(h)) < 2:
            continue
        col = {name: i for i, name in enumerate(head)}
        no_i = next((i for n, i in col.items() if "序号" in n), None)
        dept_i = next((i for n, i in col.items() if re.search(r"责任|部门|单位", n)), None)
        item_i = next((i for n, i in col.items() if re.search(r"事项|内容", n)), None)
        for row in rows[1:]:
            cells = row.xpath("./th|./td")
            words = _text(cells[item_i]) if item_i is not None and item_i < len(cells) else _text(row)
            link = next((a.get("href") for a in row.iter("a") if a.get("href")), None)
            if not link:
                continue
            number = _text(cells[no_i]) if no_i is not None and no_i < len(cells) else ""
            item = _row_item(number, words, checklist, site_name)
            if item is None:
                continue
            dept = _text(cells[dept_i]) if dept_i is not None and dept_i < len(cells) else ""
            target = join_url(url, link)
            if target:
                rows_out.append((item, as_browser_sends(target, encoding), dept, words))
    return rows_out


def _row_item(number: str, words: str, checklist: Checklist, site_name: str) -> int | None:
    """The national item a 清单 row stands for: its 序号 when the wording agrees, else what its words evidence."""
    candidates = [m.item for m in classify(words, site_name)]
    if number.isdigit() and 1 <= int(number) <= 50:
        n = int(number)
        similar = SequenceMatcher(None, words, checklist.get(n).title).ratio() >= 0.5
        if n in candidates or similar or not candidates:
            return n
    return candidates[0] if candidates else None


def _best_label(counts: Counter | None, site_name: str) -> str:
    """A column's name: a label that names a checklist item, else the label most links use."""
    if not counts:
        return ""
    naming = [label for label in counts if classify(label, site_name)]
    return naming[0] if naming else counts.most_common(1)[0][0]


# a link to the disclosure area itself (not to one of its columns such as 信息公开年度报告)
_ENTRY_LABEL_RE = re.compile(r"^(?:学校|本校)?信息公开(?:网|专栏|专题|平台|目录|主页)?$")


@dataclass
class _Exploration:
    """What a discovery crawl has learnt so far: proposals, the labels links use, the pagination seen."""

    site_name: str
    hosts: set[str]  # the start's host, and the 信息公开 hosts of the same college its links led to
    proposals: dict[str, Proposal] = field(default_factory=dict)
    labels: dict[str, Counter] = field(default_factory=dict)  # page key -> the anchor texts that linked to it
    pagination: set[str] = field(default_factory=set)

    def list_table(self, resp, checklist: Checklist) -> None:
        """Rows of the college's own 清单 table on this page."""
        for item, link, dept, words in read_list_table(
            resp.body, resp.final_url, resp.headers, checklist, self.site_name
        ):
            p = self.proposals.setdefault(page_key(link), Proposal(link, words[:20]))
            p.add(item, 1.0, f"本校信息公开清单第 {item} 项「{words[:30]}」")
            if dept and not p.department:
                p.department = dept

    def column(self, url: str, resp) -> ListPage | None:
        """A page that reads as a column: named from the links to it, voted for by its entries' titles; the page
        read, where it is one."""
        page = parse_list(resp.body, resp.final_url, resp.headers)
        key = page_key(url)
        self.pagination.update(
            page_key(n) for n in page.next_pages if page_key(n) not in self.proposals and page_key(n) != key
        )
        if key in self.pagination or not (
            page.entries or page.next_pages or page.blank or page.statement or page.script_loaded
        ):
            return None
        name = (
            _best_label(self.labels.get(key), self.site_name) or page.title.split("-")[0].split("_")[0].strip() or url
        )
        p = self.proposals.setdefault(key, Proposal(url, name))
        if p.name != name and p.items and all(c == 1.0 for c, _ in p.items.values()):
            p.name = name  # the menu's name reads better than the 清单 row's wording
        for m in classify(name, self.site_name):
            p.add(m.item, 0.9, f"栏目名称含“{m.reason}”")
        self.vote(key, page.entries)
        self.sections(url, resp, key)
        return page

    def sections(self, url: str, resp, key: str) -> None:
        """Several columns on one page (财务信息 with a box each for 收费项目, 预算决算): where two or more of its
        sections are headed by a checklist item's name and link to no list of their own (更多), each is proposed
        as a column (cwxx.htm#预算决算), and the page itself no longer, unless the college's 清单 table links it."""
        found = []
        for name in section_names(resp.body, resp.headers):
            matches = classify(name, self.site_name)
            cut = section_page(resp.body, resp.headers, name) if matches else None
            if cut is None or offers_more(cut):
                continue
            page = parse_list(cut, resp.final_url, UTF8, column=name)
            if page.entries or page.blank or page.statement:
                found.append((name, matches, page.entries))
        if len(found) < 2:
            return
        for name, matches, entries in found:
            p = self.proposals.setdefault(f"{key}#{name}", Proposal(f"{url}#{name}", name))
            for m in matches:
                p.add(m.item, 0.9, f"页面上小节标题含“{m.reason}”")
            self.vote(f"{key}#{name}", entries)
        own = self.proposals.get(key)
        if own is not None and all(confidence < 1.0 for confidence, _ in own.items.values()):
            del self.proposals[key]

    def vote(self, key: str, entries: tuple) -> None:
        """The items most of a column's entries' titles evidence, for its proposal (``key``: its page key)."""
        p = self.proposals.get(key)
        if p is None:
            return
        votes = Counter(m.item for e in entries for m in classify(e.title, self.site_name))
        for item, count in votes.items():
            share = count / len(entries)
            if count >= 2 and share >= 0.3:
                p.add(item, round(0.5 + 0.3 * share, 2), f"{count}/{len(entries)} 条信息标题与该事项相符")

    def links(self, resp) -> list[tuple[str, bool]]:
        """The page's links to further pages of the site (not articles, not attachments), labels remembered, each
        with whether it is labelled 信息公开: such a link is an entry to the disclosure area, followed also to
        another host of the same college (xxgk.example.edu.cn from www.example.edu.cn)."""
        text, encoding = decode_html(resp.body, resp.headers)
        try:
            root = lxml.html.document_fromstring(text)
        except (lxml.etree.ParserError, ValueError):
            return []
        # a menu opening its columns by script: the address it opens (its own, or built by the page's function)
        scripts = " ".join(s.text or "" for s in root.iter("script"))
        _address_script_links(root, pagerscripts.without_comments(scripts))
        out = []
        anchors = ((" ".join(a.text_content().split()), (a.get("href") or "").strip()) for a in root.iter("a"))
        # and a menu a script draws from the nodes it carries (a 信息公开目录 zTree): no link in the HTML
        for label, href in itertools.chain(anchors, scriptdata.script_links(scripts)):
            if not href or href.startswith(("javascript:", "mailto:", "#")):
                continue
            link = join_url(resp.final_url, href)
            if link is None or is_attachment_url(link) or looks_like_article(link):
                continue
            link = as_browser_sends(link, encoding)  # list.asp?class=招生章程 on a GBK page: its query in GBK
            entry = bool(_ENTRY_LABEL_RE.match(label))
            if host_of(link) not in self.hosts:
                if not (entry and self.sibling(host_of(link))):
                    continue
                self.hosts.add(host_of(link))
            if 2 <= len(label) <= 20:
                self.labels.setdefault(page_key(link), Counter())[label] += 1
            out.append((link, entry))
        return out

    def sibling(self, host: str) -> bool:
        """Another host of the same college: under the start host's domain (www. removed)."""
        base = min(self.hosts, key=len).split(":")[0].removeprefix("www.")
        return host.split(":")[0] == base or host.split(":")[0].endswith("." + base)


async def discover_async(
    start: str,
    crawl: CrawlConfig,
    site_name: str,
    level: str,
    max_pages: int,
    depth: int,
    progress=None,
    transport=None,
) -> Discovery:
    checklist = load_checklist()
    start = normalise_url(start)
    seen = _Exploration(site_name, {host_of(start)})
    queue: deque[tuple[str, int]] = deque([(start, 0)])
    visited = {page_key(start)}
    pages = answered = 0
    blocked = ""
    async with Fetcher(crawl, set(seen.hosts), transport=transport) as fetcher:
        while queue and pages < max_pages:
            url, level_ = queue.popleft()
            resp = await fetcher.get(url)
            pages += 1
            if progress:
                progress("page", url=url)
            if resp.error_kind == "out_of_scope" and seen.sibling(host_of(resp.final_url)):
                seen.hosts.add(host_of(resp.final_url))  # example.edu.cn -> www.example.edu.cn: the same college
                fetcher.hosts = frozenset(seen.hosts)
                if page_key(resp.final_url) not in visited:
                    visited.add(page_key(resp.final_url))
                    queue.appendleft((resp.final_url, level_))
                continue
            if resp.error_kind == "blocked":
                blocked = blocked or resp.error
            if not resp.ok or "html" not in resp.headers.get("content-type", "text/html"):
                continue
            answered += 1
            seen.list_table(resp, checklist)
            page = seen.column(url, resp)
            if page is not None and page.base and not page.entries and page.next_pages:  # its script asks elsewhere
                drawn = await fetcher.get(page.next_pages[0])
                pages += 1
                if drawn.ok:
                    seen.vote(page_key(url), parse_list(drawn.body, drawn.final_url, drawn.headers, page).entries)
            if level_ >= depth:
                continue
            for link, entry in seen.links(resp):
                if page_key(link) not in visited:
                    visited.add(page_key(link))
                    queue.append((link, 0 if entry else level_ + 1))  # the disclosure area's entry: depth starts there
            fetcher.hosts = frozenset(seen.hosts)
    kept = tuple(p for k, p in seen.proposals.items() if p.items and k not in seen.pagination)
    found = frozenset(i for p in kept for i in p.items)
    applicable = [i.id for i in checklist if level == "本科" or i.gaozhi]
    return Discovery(start, pages, kept, found, tuple(i for i in applicable if i not in found), answered, blocked)


def discover(
    start: str,
    crawl: CrawlConfig | None = None,
    site_name: str = "",
    level: str = "本科",
    max_pages: int = 300,
    depth: int = 2,
    progress=None,
) -> Discovery:
    """Crawl a disclosure area from its entry page and propose columns for the checklist."""
    if urlsplit(start).scheme not in ("http", "https"):
        from monitor.errors import UsageError

        raise UsageError(f"{start!r} is not an http(s) URL such as https://www.example.edu.cn/xxgk/")
    return asyncio.run(discover_async(start, crawl or CrawlConfig(), site_name, level, max_pages, depth, progress))


def _quote(text: str) -> str:
    """A TOML basic string (JSON's escapes are TOML's)."""
    return json.dumps(text, ensure_ascii=False)


def to_toml(discovery: Discovery, declared: set[str] = frozenset()) -> str:
    """The proposal as ``[[columns]]`` tables (and the departments they name), with reasons as comments."""
    out = [f"# proposed by `monitor discover {discovery.start}`: review before use", ""]
    departments: list[str] = []
    for p in sorted(discovery.proposals, key=lambda p: min(p.items)):
        for item, (confidence, reason) in sorted(p.items.items()):
            out.append(f"# 事项 {item}：置信度 {confidence:.2f}，{reason}")
        out += [
            "[[columns]]",
            f"name = {_quote(p.name)}",
            f"url = {_quote(p.url)}",
            f"items = [{', '.join(str(i) for i in sorted(p.items))}]",
        ]
        if p.department:
            out.append(f"department = {_quote(p.department)}")
            if p.department not in departments:
                departments.append(p.department)
        out.append("")
    for dept in departments:
        if dept not in declared:
            out += [f"[departments.{_quote(dept)}]", "emails = []", ""]
    return "\n".join(out)
