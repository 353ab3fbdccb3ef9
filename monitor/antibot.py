"""Anti-bot challenges: a response that is a web application firewall's test for a browser, not the page.

Many Chinese government and college sites sit behind such a firewall (瑞数信息 answers HTTP 412 with a script,
加速乐 HTTP 521 with a cookie script, 云锁 and 阿里云 WAF a 200 page that sets a cookie and reloads). A client that
runs no JavaScript never sees the page: the column is not broken and not blank, the monitor is being stopped.
Pure: status, headers and body in, a description (Chinese, for the report) or "" out.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

# (marks in the body or its cookies, lower-cased; name of the product), bodies of either encoding sites serve.
# Literal marks: a bytes search runs in C at memory speed, where a regex alternation walks the page byte by byte
_PRODUCTS = (
    ((b"$_ts=", b"$_ts[", b"$_ts.", b"$_ts ="), "瑞数信息动态防护"),
    ((b"__jsl_clearance", b"__jsluid"), "加速乐"),
    ((b"yunsuo_session_verify", b"security_verify_data"), "云锁"),
    ((b"acw_sc__v2", b"aliyun_waf", b"_waf_bd8ce2ce37"), "阿里云 WAF"),
    ((b"cf-chl", b"challenge-platform", b"<title>just a moment...</title>"), "Cloudflare"),
    ((b"safedog", "安全狗".encode(), "安全狗".encode("gbk")), "安全狗"),
)
# a firewall's block page (no script to pass: the request itself was refused)
_BLOCK_WORDS = tuple(
    w.encode(enc)
    for w in ("网站防火墙", "访问被拦截", "您的访问被阻断", "请求带有不合法参数", "当前访问疑似黑客攻击")
    for enc in ("utf-8", "gbk")
)
_COOKIE_SCRIPT = re.compile(rb"document\.cookie\s*=")
# reloads the same address once the cookie is set (a forwarder to another address is read through, not this)
_RELOAD_SAME = re.compile(
    rb"location\.reload\(|location(?:\.href)?\s*=\s*(?:window\.|document\.)?location\b"
    rb"|location\.replace\(\s*(?:window\.|document\.)?location\b",
    re.I,
)
_TAGS = re.compile(rb"<script\b.*?</script>|<style\b.*?</style>|<[^>]+>", re.I | re.S)
SMALL = 64 * 1024  # a challenge page is small; a real page mentioning a firewall's name is not read as one
_FEW_CHARS = 300  # visible characters of a test page (正在验证您的浏览器…), not of a column or an article


def _visible_chars(body: bytes) -> int:
    return len(b"".join(_TAGS.sub(b" ", body).split()))


def challenge(status: int | None, headers: Mapping[str, str], body: bytes) -> str:
    """What stopped the request, when the response is a firewall's browser test or block page, else ""."""
    if status is None:
        return ""
    if (headers.get("cf-mitigated") or "").lower() == "challenge":
        return "Cloudflare 浏览器验证"
    if len(body) > SMALL:
        return ""
    lower = body.lower()
    marked = lower + b" " + (headers.get("set-cookie") or "").lower().encode()
    for marks, product in _PRODUCTS:
        if any(m in marked for m in marks) and (
            status >= 400 or _visible_chars(body) < _FEW_CHARS  # a test or block page shows next to nothing
        ):
            return f"{product}（HTTP {status}，需要浏览器执行脚本）"
    sets_cookie = b"document.cookie" in lower and _COOKIE_SCRIPT.search(lower)
    if status == 521 and sets_cookie:  # 加速乐 spells its cookie's name out in pieces
        return f"加速乐（HTTP {status}，需要浏览器执行脚本）"
    if status == 412:  # on a GET without preconditions only 瑞数-style firewalls answer 412
        return f"反爬虫防护（HTTP {status}，需要浏览器执行脚本）"
    if status >= 400 and any(w in body for w in _BLOCK_WORDS):
        return f"网站防火墙拦截（HTTP {status}）"
    if sets_cookie and _RELOAD_SAME.search(lower) and _visible_chars(body) < _FEW_CHARS:
        return f"脚本验证页面（HTTP {status}，设置 Cookie 后跳转）"
    return ""
