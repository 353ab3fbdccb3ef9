"""URL normalisation and scope: one canonical form per page, so that de-duplication works."""

from __future__ import annotations

import functools
import re
from collections.abc import Collection
from urllib.parse import parse_qsl, quote, urljoin, urlsplit, urlunsplit

_SESSION_RE = re.compile(r";jsessionid=[^?#/]*", re.I)
_SESSION_PARAMS = {"jsessionid", "phpsessid", "sid", "sessionid", "aspsessionid"}


def normalise_url(url: str) -> str:
    """Lower-case scheme and host, drop fragments, default ports and session ids; keep the rest."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    port = parts.port
    netloc = host if port is None or (scheme, port) in (("http", 80), ("https", 443)) else f"{host}:{port}"
    path = _SESSION_RE.sub("", parts.path) or "/"
    query = "&".join(p for p in parts.query.split("&") if p and p.split("=", 1)[0].lower() not in _SESSION_PARAMS)
    return urlunsplit((scheme, netloc, path, query, ""))


# a row a script opens, to an address not read here: named at its list page's address with this parameter (its
# handler's arguments, or its title), so that it is an entry of its own and never fetched
SCRIPT_ROW_PARAM = "xxgk-script-row"


def script_row_url(page: str, key: str) -> str:
    """The address a script-opened row of ``page`` is kept at (``key``: what tells it from the page's others)."""
    page = page.split("#", 1)[0]
    return f"{page}{'&' if '?' in page else '?'}{SCRIPT_ROW_PARAM}={quote(key, safe='')}"


def is_script_row(url: str) -> bool:
    """Whether ``url`` names a script-opened row (script_row_url), not a page to fetch."""
    return f"{SCRIPT_ROW_PARAM}=" in url.split("#", 1)[0].partition("?")[2]


_BEFORE_QUERY_RE = re.compile(r"[^?#]*")


def join_url(base: str, href: str) -> str | None:
    """``href`` resolved against ``base``, normalised; None where no URL parser makes a URL of it (a bracketed
    host that is no IP address, a port that is no number): a page's odd link never stops a crawl."""
    href = href.strip()
    path = _BEFORE_QUERY_RE.match(href).end()  # a browser reads \ as / before the query: ..\info\1.htm
    href = href[:path].replace("\\", "/") + href[path:]
    try:
        return normalise_url(urljoin(base, href))
    except ValueError:
        return None


def page_key(url: str) -> str:
    """The identity of a page for de-duplication: ``/x/`` and ``/x/index.html`` are the same page."""
    url = normalise_url(url)
    return re.sub(r"/(?:index|default)\.s?html?$", "/", url)


def host_of(url: str) -> str:
    return urlsplit(url).netloc.lower()


def in_scope(url: str, hosts: Collection[str], domains: Collection[str]) -> bool:
    """Whether the crawler may fetch ``url``: on one of ``hosts``, or on any host under one of ``domains``."""
    if not url.startswith(("http://", "https://")):
        return False
    host = host_of(url)
    name = host.split(":")[0]
    return host in hosts or any(name == d or name.endswith("." + d) for d in domains)


@functools.cache
def _suffixes():
    import tldextract  # the Public Suffix List, its bundled snapshot: never fetched (imported only for scope)

    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


def with_twins(hosts) -> frozenset[str]:
    """``hosts`` and each one's twin: example.edu.cn and www.example.edu.cn are one site, sites redirect from one to
    the other (not for an IP address)."""
    twins = {
        h[4:] if h.startswith("www.") else "www." + h for h in hosts if not h.split(":")[0].replace(".", "").isdigit()
    }
    return frozenset(hosts) | twins


@functools.lru_cache(maxsize=4096)
def college_domain(host: str) -> str:
    """The domain a host was registered under, by the Public Suffix List: ``xx.edu.cn`` for ``xxgk.xx.edu.cn``,
    ``xx.sh.cn`` for ``www.xx.sh.cn`` (sh.cn is a suffix: not every Shanghai site is the college's); "" for an IP
    address, ``localhost`` or a bare name. A port is ignored."""
    name = host.rsplit(":", 1)[0] if host.count(":") == 1 else host
    parts = _suffixes()(name.lower())
    return (getattr(parts, "top_domain_under_public_suffix", None) or parts.registered_domain) if parts.suffix else ""


_QUERY_SAFE = "!$%&'()*+,/:;=?@[]~"  # what a query keeps as written (its escapes, separators)


def sent_as_written(encoding: str) -> bool:
    """Whether a page in ``encoding`` has its links sent as written (UTF-8), not re-encoded by a browser."""
    return not encoding or encoding.lower().replace("-", "").replace("_", "") in ("utf8", "ascii", "usascii")


def as_browser_sends(url: str, encoding: str) -> str:
    """``url``, found on a page in ``encoding``, as a browser sends it: the query's non-ASCII characters
    percent-encoded in the page's encoding (WHATWG URL: list.asp?class=通知公告 on a GBK page is sent as
    %CD%A8%D6%AA%B9%AB%B8%E6, and an ASP server reads it so); the path stays (sent as UTF-8)."""
    parts = urlsplit(url)
    if parts.query.isascii() or sent_as_written(encoding):
        return url
    try:
        return urlunsplit(parts._replace(query=quote(parts.query, safe=_QUERY_SAFE, encoding=encoding)))
    except (LookupError, UnicodeEncodeError):  # a character the page's encoding lacks: sent as UTF-8
        return url


# a query naming one item by its number (news.asp?id=123, ReadNews.asp?NewsID=45, forum.php?mod=viewthread&tid=6,
# Item.aspx?ArticleID=7): not a column's (classid=, catid=, wbtreeid=) nor a page of a list (page=2)
_ITEM_KEY_RE = re.compile(r"(?:^|_)(?:[a-z]*news?|article|art|info|doc|content|item|file|notice|post|[ant])id$", re.I)
_BARE_ID_RE = re.compile(r"\d{3,}|[0-9a-fA-F-]{8,}")  # a bare id= names an item when it is no menu's 1, 2, 3…
_PAGE_KEY_RE = re.compile(r"page|^pn$|^start$|^offset$", re.I)
_COLUMN_PATH_RE = re.compile(r"class|channel|column|categor|sort|node|lanmu|^lm", re.I)  # NewsClass.asp?id=3
_ITEM_ACTION_RE = re.compile(r"=(?:show|view|detail|content|article|read)\w*(?:&|$)", re.I)


def _query_names_an_item(query: str, shown: bool = False) -> bool:
    """Whether ``query`` names one item by its number or key (NewsID=45, tid=6, id=123 but not a menu's id=3), and
    no page of a list; ``shown``, any id when the query says it shows one (a=show)."""
    pairs = parse_qsl(query, keep_blank_values=True)
    if any(_PAGE_KEY_RE.search(key) for key, _ in pairs):
        return False
    return any(
        re.fullmatch(r"\d+|[0-9a-fA-F-]{8,}", value)
        if _ITEM_KEY_RE.search(key)
        else key.lower() == "id" and ((shown and value.isdigit()) or _BARE_ID_RE.fullmatch(value))
        for key, value in pairs
    )


_LIST_PAGE_RE = re.compile(r"(?:list|index|default|main)[\w-]*\.(?:s?html?|jsp|php|aspx?)$")


# /2024/03/28/slug/, /2024/03/slug/: an article's permalink, its words after its date; not a month's or a day's archive
# (/2024/03/, /2024/03/28/)
_PERMALINK_RE = re.compile(r"/(?:19|20)\d\d/[01]?\d/(?:[0-3]?\d/)?(?!\d{1,2}/$)[^/]+/$")


def looks_like_list(url: str) -> bool:
    """Whether ``url`` reads as a list's or a column's page: list.htm, index_3.html, default.aspx, a folder."""
    path = urlsplit(url).path.lower()
    if path.endswith("/"):
        return not _PERMALINK_RE.search(path)
    return not path or bool(_LIST_PAGE_RE.match(path.rsplit("/", 1)[-1]))


@functools.lru_cache(maxsize=8192)
def looks_like_article(url: str) -> bool:
    """Whether ``url`` reads as an article's or a document's address (info/1012/3402.htm, t20260923_12.html,
    c1234a5678/page.htm, show.jsp?id=12, 名单.pdf, a WeChat article a column links to), not a list's (list.htm,
    index_3.html, a folder)."""
    parts = urlsplit(url)
    path = parts.path.lower()
    if parts.netloc.lower() == "mp.weixin.qq.com":  # a WeChat official account's article (/s/Ab3…, /s?__biz=…)
        return path == "/s" or path.startswith("/s/")
    last = path.rstrip("/").rsplit("/", 1)[-1]
    if path.endswith("/") and _PERMALINK_RE.search(path):
        return True  # a blog CMS's article, named by its day and its words (WordPress /2024/03/28/post-345/)
    if _LIST_PAGE_RE.match(last) or path.endswith("/"):
        # list.htm, list2.htm, list_12_1.html, index_3.html: list pages, not articles; but a dynamic CMS's one
        # script shows its articles too (PHPCMS index.php?m=content&c=index&a=show&catid=9&id=12)
        return bool(_ITEM_ACTION_RE.search(parts.query)) and _query_names_an_item(parts.query, shown=True)
    return bool(
        re.search(r"\d{2,}", last)
        or (_query_names_an_item(parts.query) and not _COLUMN_PATH_RE.search(last))
        or re.search(r"info|content|article|detail|show|view|page\.htm", path)
        or re.search(r"\.(?:pdf|docx?|xlsx?|wps|ofd|zip|rar)$", path)
    )


FILE_EXTS = r"pdf|docx?|xlsx?|pptx?|wps|et|dps|ofd|rtf|zip|rar|7z"  # documents and archives a page offers
_ATTACHMENT_EXT_RE = re.compile(rf"\.(?:{FILE_EXTS}|txt|csv)$", re.I)
DOWNLOAD_RE = re.compile(  # DownLoad.aspx?id=12, down.asp?id=3, DownFile.ashx: a download page, named as one
    r"download\.jsp|_upload/article/files/|/uploadfile/|attachment|fujian|/download/|downfile"
    r"|/down(?:load)?\.(?:aspx?|php|do|ashx)\b",
    re.I,
)


# a download page named by the file it serves: Download.aspx?id=3&file=名单.xlsx, down.php?filename=a.pdf
_QUERY_FILE_RE = re.compile(rf"=[^&#=]*\.(?:{FILE_EXTS})(?:[&#]|$)", re.I)


def is_attachment_url(url: str) -> bool:
    """Whether ``url`` is a file a page offers (名单.pdf, download.jsp?…, Download.aspx?file=名单.xlsx)."""
    parts = urlsplit(url)
    return bool(_ATTACHMENT_EXT_RE.search(parts.path) or DOWNLOAD_RE.search(url) or _QUERY_FILE_RE.search(parts.query))
