"""URL normalisation and scope: one canonical form per page, so that de-duplication works."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit, urlunsplit

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
