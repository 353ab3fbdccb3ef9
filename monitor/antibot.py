"""Anti-bot challenges: a response that is a web application firewall's test for a browser, not the page.

Many Chinese government and college sites sit behind such a firewall (瑞数信息 answers HTTP 412 with a script,
加速乐 HTTP 521 with a cookie script, 云锁 and 阿里云 WAF a 200 page that sets a cookie and reloads). A client that
runs no JavaScript never sees the page: the column is not broken and not blank, the monitor is being stopped.
Pure: status, headers and body in, a description (Chinese, for the report) or "" out.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

# (fingerprint in the body, name of the product); bodies of either encoding Chinese sites serve
_PRODUCTS = (
    (re.compile(rb"\$_ts\s*=|\$_ts\[|\$_ts\."), "瑞数信息动态防护"),
    (re.compile(rb"__jsl_clearance|__jsluid"), "加速乐"),
    (re.compile(rb"yunsuo_session_verify|security_verify_data"), "云锁"),
    (re.compile(rb"acw_sc__v2|aliyun_waf|_waf_bd8ce2ce37"), "阿里云 WAF"),
    (re.compile(rb"cf-chl|challenge-platform|<title>Just a moment\.\.\.</title>"), "Cloudflare"),
    (re.compile("安全狗|safedog".encode() + rb"|" + "安全狗".encode("gbk"), re.I), "安全狗"),
)
# a firewall's block page (no script to pass: the request itself was refused)
_BLOCK_WORDS = re.compile(
    b"|".join(
        w.encode(enc)
        for w in ("网站防火墙", "访问被拦截", "您的访问被阻断", "请求带有不合法参数", "当前访问疑似黑客攻击")
        for enc in ("utf-8", "gbk")
    )
)
_COOKIE_SCRIPT = re.compile(rb"document\.cookie\s*=", re.I)
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
    bare = status >= 400 or _visible_chars(body) < _FEW_CHARS  # a test or block page shows next to nothing
    cookies = (headers.get("set-cookie") or "").encode()
    for fingerprint, product in _PRODUCTS:
        if bare and (fingerprint.search(body) or fingerprint.search(cookies)):
            return f"{product}（HTTP {status}，需要浏览器执行脚本）"
    if status == 521 and _COOKIE_SCRIPT.search(body):  # 加速乐 spells its cookie's name out in pieces
        return f"加速乐（HTTP {status}，需要浏览器执行脚本）"
    if status == 412:  # on a GET without preconditions only 瑞数-style firewalls answer 412
        return f"反爬虫防护（HTTP {status}，需要浏览器执行脚本）"
    if status >= 400 and _BLOCK_WORDS.search(body):
        return f"网站防火墙拦截（HTTP {status}）"
    if _COOKIE_SCRIPT.search(body) and _RELOAD_SAME.search(body) and _visible_chars(body) < _FEW_CHARS:
        return f"脚本验证页面（HTTP {status}，设置 Cookie 后跳转）"
    return ""
