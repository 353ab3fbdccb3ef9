"""What a list page's scripts say about its pager. Pure.

Chinese CMS templates draw their pagers with scripts: TRS ``createPageHTML(countPage, currentPage, "index",
"html")`` or a ``document.write`` template, ``var totalPage = 4``, links and buttons whose ``onclick`` sets
``location.href``. These functions read the literal values such scripts carry (never running them): page
counts, file names, the address a script sends the browser to.
"""

from __future__ import annotations

import re

__all__ = [
    "js_values",
    "script_page_count",
    "script_target",
    "trs_calls",
    "trs_pager",
    "trs_written_pager",
    "without_comments",
]

_JS_GO_RE = re.compile(
    r"""(?:location(?:\.href)?\s*=|location\.(?:assign|replace)\s*\(|window\.open\s*\()\s*["']([^"']+)["']"""
)


_TRS_CALL_RE = re.compile(r"(\bfunction\s+)?\bcreatePageHTML\s*\(([^)]*)\)")  # a call, or the function written out
_JS_SUM_RE = re.compile(r"([A-Za-z_$][\w$]*|\d+)\s*([-+])\s*(\d+)")  # currentPage - 1
_JS_ASSIGN_RE = re.compile(r"(?:\b(?:var|let|const)\s+)?\b([A-Za-z_$][\w$]*)\s*=\s*(\d+|\"[^\"]*\"|'[^']*')\s*[;,\n]")
_JS_COMMENT_RE = re.compile(r"/\*.*?\*/|(?<![:\"'])//[^\n]*", re.S)


def js_values(scripts: str) -> dict[str, str]:
    """``var countPage = 3//共多少页`` and the like: the literal values scripts assign, by name (last wins)."""
    return {m.group(1): m.group(2).strip("\"'") for m in _JS_ASSIGN_RE.finditer(scripts)}


def trs_calls(code: str) -> list[tuple[str, list[str]]]:
    """Each ``createPageHTML(…)`` call of the scripts (``code``, their comments removed; not the function's own
    definition, which some pages carry): the code before it, where its variables are set, and its arguments."""
    return [
        (code[: m.start()], [a.strip() for a in m.group(2).split(",")])
        for m in _TRS_CALL_RE.finditer(code)
        if not m.group(1)
    ]


def _js_resolve(arg: str, values: dict[str, str]) -> str:
    """An argument's value: a literal, a variable set before the call, or either plus or minus a number."""
    m = _JS_SUM_RE.fullmatch(arg)
    if m and (base := values.get(m.group(1), m.group(1))).isdigit():
        n = int(base) + int(m.group(3)) * (1 if m.group(2) == "+" else -1)
        return str(n) if n >= 0 else arg
    return values.get(arg, arg).strip("\"'")


def trs_pager(calls: list[tuple[str, list[str]]]) -> tuple[int, str, str] | None:
    """(page count, file prefix, extension) of the first TRS ``createPageHTML(…)`` call (``trs_calls``) that can be
    read, its arguments literal or variables: ``createPageHTML(countPage, currentPage, "index", "html")``,
    ``createPageHTML('div', 5, 0, …)``, ``createPageHTML(pageCount, pageNum - 1, pageName, pageExt)``."""
    for before, args in calls:
        values = js_values(before)
        resolved = [_js_resolve(a, values) for a in args]
        numbers = [i for i, v in enumerate(resolved) if v.isdigit()]
        if len(numbers) < 2 or numbers[1] != numbers[0] + 1 or len(resolved) < numbers[1] + 3:
            continue
        prefix, ext = resolved[numbers[1] + 1], resolved[numbers[1] + 2]
        if re.fullmatch(r"[\w-]+", prefix) and re.fullmatch(r"\w+", ext):
            return int(resolved[numbers[0]]), prefix, ext
    return None


_JS_JOINED_RE = re.compile(r"""\\?["']\s*\+\s*\\?["']""")  # "index"+"_": literal strings joined
_JS_PAGE_FILE_RE = re.compile(r"""([\w-]+)_\\?["']\s*\+\s*\w+\s*\+\s*\\?["']\.(\w+)""")  # "index_" + nextPage + ".html"


def trs_written_pager(code: str) -> tuple[int, str, str] | None:
    """(page count, file prefix, extension) of the classic TRS template that writes its pager with document.write
    (``var countPage = 5//共多少页`` … ``"index"+"_" + nextPage + "."+"html"``), no createPageHTML: the pages are
    prefix.ext, prefix_1.ext…; prefix and extension "" where the script writes its links otherwise (the count
    still tells how many pages there are). None for one page: nothing to follow. ``code``: scripts, no comments."""
    count = js_values(code).get("countPage", "")
    if not count.isdigit() or int(count) == 1:
        return None
    written = _JS_PAGE_FILE_RE.search(_JS_JOINED_RE.sub("", code))
    return int(count), written.group(1) if written else "", written.group(2) if written else ""


_PAGE_COUNT_NAMES = frozenset(("totalpage", "totalpages", "pagecount", "pagecounts", "countpage", "maxpage"))


def script_page_count(code: str) -> int | None:
    """The page count a script states for a pager it draws itself (``var totalPage = 4``), where nothing else states
    one: the column is then known to have more pages than the first, even if they cannot be followed."""
    values = js_values(code)  # (scripts, their comments removed)
    counts = [int(v) for k, v in values.items() if k.lower() in _PAGE_COUNT_NAMES and v.isdigit()]
    return max(counts) if counts and max(counts) > 1 else None


def without_comments(scripts: str) -> str:
    """The scripts without their comments (``var countPage = 3//共多少页``), for the values they carry."""
    return _JS_COMMENT_RE.sub("\n", scripts)


def script_target(code: str) -> str | None:
    """The address a link's or a button's script sends the browser to (``location.href='?page=2'``), or None."""
    m = _JS_GO_RE.search(code)
    return m.group(1) if m else None
