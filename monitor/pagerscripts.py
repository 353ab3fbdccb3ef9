"""What a page's scripts say about its pager and where its links go. Pure.

Chinese CMS templates draw their pagers with scripts: TRS ``createPageHTML(countPage, currentPage, "index",
"html")`` or a ``document.write`` template, ``var totalPage = 4``, links and buttons whose ``onclick`` sets
``location.href``; JSP and .NET templates open their entries and files by calling a function the page defines
(``javascript:openDetail('12')``). These functions read the literal values such scripts carry (never running
them): page counts, file names, the address a script sends the browser to.
"""

from __future__ import annotations

import functools
import re

__all__ = [
    "PAGE_MARK",
    "PREV_MARK",
    "data_target",
    "element_target",
    "js_values",
    "option_target",
    "plugin_pager",
    "reads_data",
    "script_page_count",
    "script_target",
    "trs_calls",
    "trs_pager",
    "trs_written_pager",
    "without_comments",
]

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


@functools.lru_cache(maxsize=4)  # an article's links that open files by script ask for it each: made once a page
def without_comments(scripts: str) -> str:
    """The scripts without their comments (``var countPage = 3//共多少页``), for the values they carry."""
    return _JS_COMMENT_RE.sub("\n", scripts)


_JS_CALL_RE = re.compile(r"^\s*(?:javascript:\s*)?([A-Za-z_$][\w$]*)\s*\(([^)]*)\)")  # goPage(2); return false
# where a script sends the browser: the expression after location.href = … (not ==), or location.assign(…)
_JS_NAVIGATE_RE = re.compile(
    r"(?:\blocation(?:\.href)?\s*=(?!=)|\blocation\.(?:assign|replace)\s*\(|window\.open\s*\()"
)
_JS_TOKEN_RE = re.compile(r"\s*(\"[^\"]*\"|'[^']*'|[A-Za-z_$][\w$.]*|\d+|\+|.)")
_BODY_MOST = 4000  # characters of a function's body read at most
_BRACE_RE = re.compile(r"[{}]")


def js_call(code: str) -> tuple[str, str] | None:
    """The function an onclick or a ``javascript:`` address calls first, with its arguments as written
    (``showInfo('8a12')`` → ``("showInfo", "'8a12'")``), or None."""
    m = _JS_CALL_RE.match(code)
    return (m.group(1), m.group(2)) if m else None


def _braced(code: str, opening: int) -> str:
    """What the brace at ``opening`` encloses ("" if it does not close within ``_BODY_MOST`` characters)."""
    depth = 0
    for m in _BRACE_RE.finditer(code, opening, opening + _BODY_MOST):
        depth += 1 if m.group() == "{" else -1
        if depth == 0:
            return code[opening + 1 : m.start()]
    return ""


_FUNCTION_RE = re.compile(
    r"(?:\bfunction\s+([A-Za-z_$][\w$]*)|\b([A-Za-z_$][\w$]*)\s*[=:]\s*function)\s*\(([^)]*)\)\s*\{"
)


@functools.lru_cache(maxsize=4)  # a list's 5,000 links call its functions: the scripts are searched once (few kept)
def _functions(code: str) -> dict[str, tuple[str, int]]:
    """The functions the scripts define, by name: their parameter list and where their body opens
    (``function goPage(pageNo) {…}``, ``var goPage = function (p) {…}``, ``goPage: function (p) {…}``); first wins."""
    found: dict[str, tuple[str, int]] = {}
    for m in _FUNCTION_RE.finditer(code):
        found.setdefault(m.group(1) or m.group(2), (m.group(3), m.end() - 1))
    return found


def _function(code: str, name: str) -> tuple[list[str], str] | None:
    """The parameters and body of the function ``name`` the scripts define."""
    if (found := _functions(code).get(name)) is None:
        return None
    params, opening = found
    return [p.strip() for p in params.split(",") if p.strip()], _braced(code, opening)


PAGE_MARK = "\x00"  # the page number's place in an address template
PREV_MARK = "\x01"  # the page number less one's (TRS's static pages: page 2 is index_1.html)
_MARKS = (PAGE_MARK, PREV_MARK)
_EXPRESSION_ENDS = frozenset(";,)}]:")
# an operand (page - 1), (pageNo+1) — "index_" + (num - 1) + ".html"
_SHIFTED_RE = re.compile(r"\s*([A-Za-z_$][\w$.]*)\s*([-+])\s*(\d+)\s*\)")
_TEST = r"([A-Za-z_$][\w$.]*)\s*(===?|!==?|<=?|>=?)\s*(\d+)"  # a name compared with a number: num == 1
# a ternary's simple condition: num == 1 ?, (obj.curr <= 1) ?
_CONDITION_RE = re.compile(rf"\s*\(?\s*{_TEST}\s*\)?\s*\?")
_COMPARE = {
    "==": int.__eq__,
    "===": int.__eq__,
    "!=": int.__ne__,
    "!==": int.__ne__,
    "<": int.__lt__,
    "<=": int.__le__,
    ">": int.__gt__,
    ">=": int.__ge__,
}


def _shifted(name: str, sign: str, by: str, values: dict[str, str]) -> str | None:
    """``(name - 1)``: the known number shifted, or the page number less one as ``PREV_MARK`` (and a page index from 0
    plus one as the page number); None otherwise."""
    value, step = values.get(name), int(by) if sign == "+" else -int(by)
    if value is not None and value.isdigit():
        return str(int(value) + step)
    if value == PREV_MARK and step == 1:
        return PAGE_MARK  # a page index from 0, plus one: (page_index + 1)
    return PREV_MARK if value == PAGE_MARK and step == -1 else None


def _joined(code: str, start: int, values: dict[str, str]) -> tuple[str | None, int]:
    """The string ``+`` joins from ``start`` (literals, known names, ``(name - 1)``) and where the expression ends;
    None if a part is not known or an operator other than ``+`` follows (``count * 10`` is no address)."""
    parts: list[str] = []
    pos = start
    while m := _JS_TOKEN_RE.match(code, pos):
        token, pos = m.group(1), m.end()
        if len(parts) % 2 == 0:  # an operand: a string, a number, a known name, a shifted one
            shift = _SHIFTED_RE.match(code, pos) if token == "(" else None
            if shift and (moved := _shifted(*shift.groups(), values)) is not None:
                parts.append(moved)
                pos = shift.end()
            elif token[0] in "\"'" or token.isdigit():
                parts.append(token.strip("\"'"))
            elif token in values:
                parts.append(values[token])
            else:
                return None, pos
        elif token == "+":
            parts.append("")
        elif token in _EXPRESSION_ENDS or token.isspace() or token[0] in "\"'_$" or token[0].isalnum():
            return ("".join(parts) if len(parts) % 2 else None), m.start(1)  # the end, or the next statement
        else:
            return None, pos
    return ("".join(parts) if len(parts) % 2 else None), pos


def _branch(cond: re.Match, then: str | None, other: str | None, values: dict[str, str]) -> str | None:
    """The branch a condition on a number (``_TEST``) takes: by the number when known; for a template's page number,
    the one branch that builds on it; else None."""
    known = values.get(cond.group(1), "")
    if known.isdigit():
        return then if _COMPARE[cond.group(2)](int(known), int(cond.group(3))) else other
    marked = [b for b in (then, other) if b and any(mark in b for mark in _MARKS)]
    return marked[0] if len(marked) == 1 else None


def _address(code: str, start: int, values: dict[str, str]) -> str | None:
    """The string a script builds from ``start``: literals and known names joined by ``+`` (``"list.jsp?page=" +
    pageNo``), up to the end of the expression; None if a part of it is not known. A ternary on a number
    (``n == 1 ? "index.html" : "index_" + (n - 1) + ".html"``) gives the branch it takes, or, for the page number
    of a template, the branch that builds on it."""
    cond = _CONDITION_RE.match(code, start)
    if cond is None:
        return _joined(code, start, values)[0]
    then, end = _joined(code, cond.end(), values)
    other = _joined(code, end + 1, values)[0] if code[end : end + 1] == ":" else None
    return _branch(cond, then, other, values)


# if (page == 1) { … } else { … }: a condition on a number, its branches braced
_IF_RE = re.compile(rf"\bif\s*\(\s*{_TEST}\s*\)\s*\{{")
_ELSE_RE = re.compile(r"\s*else\s*\{")
_MOST_IFS = 20  # conditions before a navigation read at most


def _navigation(code: str, values: dict[str, str]) -> str | None:
    """The address the first navigation in ``code`` goes to, built from literals and ``values``; where it sits in
    ``if (p == 1) {…} else {…}`` on a known number, in the branch taken (for the page number of a template, the
    branch that builds on it)."""
    first, pos = _JS_NAVIGATE_RE.search(code), 0
    for _ in range(_MOST_IFS):
        if not first or not (cond := _IF_RE.search(code, pos, first.start())):
            break
        then = _braced(code, cond.end() - 1)
        other = _ELSE_RE.match(code, cond.end() + len(then) + 1)
        otherwise = _braced(code, other.end() - 1) if other else ""
        pos = (other.end() + len(otherwise) + 1) if other else cond.end() + len(then) + 1
        if first.start() >= pos:
            continue  # the navigation follows the if (a guard: if (p < 1) { return; }): read on from there
        return _branch(cond, _navigation(then, values), _navigation(otherwise, values) if other else None, values)
    else:
        return None  # more ifs before it than a pager's or a link's script writes
    return _address(code, first.end(), values) if first else None


def script_target(code: str, page_code: str = "", values: dict | None = None, own: bool = False) -> str | None:
    """The address a link's or a button's script sends the browser to: ``location.href='?page=2'``, or a call of a
    function the page defines (``javascript:goPage(2)`` with ``function goPage(p){location.href="list.jsp?page="+p}``),
    its arguments put in its parameters' place (``page_code``: the page's scripts, no comments); None if it goes
    nowhere one can tell. ``own``: only an address the call's arguments make (a list's rows call one function with
    their ids; a cookie banner's OK calling a function that reloads a fixed page opens no entry)."""
    target = _navigation(code, values or {})
    call = _JS_CALL_RE.match(code) if target is None and page_code else None
    function = _function(page_code, call.group(1)) if call else None
    if function:
        params, body = function
        if own and _navigation(body, _with_locals(body, values or {})) is not None:
            return None  # the same address whatever it is given
        args = [a.strip().strip("\"'") for a in call.group(2).split(",")]
        target = _navigation(body, _with_locals(body, {**(values or {}), **dict(zip(params, args, strict=False))}))
    return target


_JS_LOCAL_RE = re.compile(r"\b(?:var|let|const)\s+([A-Za-z_$][\w$]*)\s*=(?!=)\s*")


def _with_locals(body: str, values: dict[str, str]) -> dict[str, str]:
    """``values`` and the local variables a function's ``body`` builds from them before it navigates
    (``var url = "detail.jsp?id=" + id; window.open(url)``), in order; those it cannot build stay unknown."""
    known = dict(values)
    for m in _JS_LOCAL_RE.finditer(body):
        if (value := _address(body, m.end(), known)) is not None:
            known[m.group(1)] = value
    return known


def element_target(el, page_code: str = "", own: bool = False) -> str | None:
    """Where a link's, a button's or a row's script sends the browser (``script_target``): its ``onclick``, else its
    ``javascript:`` href."""
    for code in (el.get("onclick") or "", el.get("href") or ""):
        if target := script_target(code, page_code, own=own):
            return target
    return None


# the clicked element's data attribute, as a bound handler reads it: $(this).attr("data-id"), $(this).data("id"),
# this.dataset.id, this.getAttribute("data-id")
_DATA_READ_RE = re.compile(
    r"""\$\(\s*this\s*\)\s*\.\s*(?:attr\(\s*["']data-([\w-]+)["']\s*\)|data\(\s*["']([\w-]+)["']\s*\))"""
    r"""|\bthis\s*\.\s*(?:dataset\s*\.\s*(\w+)|getAttribute\(\s*["']data-([\w-]+)["']\s*\))"""
)


def _data_name(attribute: str) -> str:
    """A data attribute's name as one script name: data-news-id, .data("newsId") and dataset.newsId alike."""
    return "__data_" + re.sub(r"[A-Z]", lambda m: "_" + m.group().lower(), attribute).replace("-", "_").lower()


@functools.lru_cache(maxsize=4)  # a list's 5,000 rows ask for it each: made once a page
def _data_navigations(code: str) -> tuple[str, tuple[int, ...]]:
    """The scripts with each read of the clicked element's data attribute written as one name, and where the
    navigations built from one start."""
    named = _DATA_READ_RE.sub(lambda m: _data_name(next(g for g in m.groups() if g)), code)
    if named == code:
        return code, ()
    ends = (m.end() for m in _JS_NAVIGATE_RE.finditer(named))
    return named, tuple(end for end in ends if "__data_" in named[end : end + 200])


def reads_data(page_code: str) -> bool:
    """Whether the scripts navigate to an address built from a clicked element's data attribute."""
    return bool(_data_navigations(page_code)[1])


def data_target(el, page_code: str) -> str | None:
    """Where a handler the scripts bind to clicks sends the browser from an element, by the data attributes the
    element carries: ``<li data-id="12">`` with ``$(".list li").click(function () { window.open("show.jsp?id=" +
    $(this).attr("data-id")) })``; None where no such handler builds an address from them."""
    named, starts = _data_navigations(page_code)
    if not starts:
        return None
    values = {_data_name(k[5:]): v for k, v in el.attrib.items() if k.startswith("data-")}
    for start in starts:
        if (target := _address(named, start, values)) is not None:
            return target
    return None


# the chosen option's value, as a drop-down's onchange names it
_OPTION_VALUE_RE = re.compile(r"\bthis\.(?:options\s*\[\s*this\.selectedIndex\s*\]\.value|value)\b")


def option_target(onchange: str, value: str) -> str | None:
    """The address a drop-down's ``onchange`` goes to when the option ``value`` is chosen: 动易's
    ``window.location='ShowClass.asp?ClassID=12&page='+this.options[this.selectedIndex].value``; None if it says none."""
    code = _OPTION_VALUE_RE.sub("chosen", onchange)
    return script_target(code, values={"chosen": value}) if code != onchange else None


# a call of a pager plugin, its name saying so (laypage.render, kkpager.generPageHtml, $.jqPaginator, twbsPagination,
# bootstrapPaginator, createPage, pagination), given its options: ({…}), ('#pager', {…}) or (125, {…})
_PLUGIN_CALL_RE = re.compile(r"pag[\w$.]{0,40}\s*\(\s*(?:[\"'][^\"']*[\"']\s*,\s*|(\d+)\s*,\s*)?\{", re.I)
_NAME_END_RE = re.compile(r"[\w$.]{0,40}$")  # the part of a call's name before its "pag" (searched from "pag" on)
_OPTION_RE = re.compile(r"""\b([A-Za-z_$][\w$]*)\s*:\s*(\d+|"[^"]*"|'[^']*'|[A-Za-z_$][\w$]*)""")
_PAGE_COUNT_KEYS = frozenset(("totalpages", "totalpage", "pagecount", "pagecounts", "pages", "pagetotal", "maxpage"))
_ENTRY_TOTAL_KEYS = ("count", "totaldata", "totalrecords", "totalrecord", "totalnumber", "totalcount", "totalitems")
_PER_PAGE_KEYS = ("limit", "showdata", "pagesize", "items_per_page", "perpage", "per_page", "itemsonpage")
_OPTION_FUNCTION_RE = re.compile(
    r"\b[A-Za-z_$][\w$]*\s*:\s*(?:function\s*)?\(([^)]*)\)\s*(?:=>\s*)?\{|\b[A-Za-z_$][\w$]*\s*:\s*([A-Za-z_$][\w$]*)\s*(?:[,}\n]|$)"
)
_RETURN_RE = re.compile(r"\breturn\s+")
_COUNT_OPTION_RE = re.compile(
    "(?i)\\b(?:" + "|".join(sorted(_PAGE_COUNT_KEYS | set(_ENTRY_TOTAL_KEYS) | {"total"})) + ")\\s*:"
)


def plugin_pager(code: str) -> tuple[int | None, int | None, str | None] | None:
    """A pager plugin's page count, entry count and the address template its page function goes to (page number as
    ``PAGE_MARK``; None where it loads pages by AJAX): layui ``laypage.render({count: 25, limit: 10, jump:
    function (obj) {location.href = "?page=" + obj.curr}})``, ``kkpager.generPageHtml({total: 5, totalRecords: 45,
    hrefFormer: "list", hrefLatter: ".html"})``, ``$.jqPaginator("#p", {totalPages: 5, onPageChange: function (num)
    {…}})``, ``$("#p").pagination({totalData: 45, showData: 15, callback: function (api) {…api.getCurrent()…}})``.
    ``code``: the page's scripts, no comments. None where no such call states a count."""
    names = None  # the scripts' values, read once (5,000 showPage({…}) calls beside a 1 MB script: once, not each)
    for m in _PLUGIN_CALL_RE.finditer(code):
        if _NAME_END_RE.search(code, max(0, m.start() - 40), m.start()).group().lower() == "j":
            continue  # 大汉's JPage, read with its datastore (listpage)
        options = _braced(code, m.end() - 1)
        if not m.group(1) and not _COUNT_OPTION_RE.search(options):
            continue  # no count stated: not a pager's options
        names = js_values(code) if names is None else names
        values = {k: names.get(v, v).strip("\"'") for k, v in _OPTION_RE.findall(options)}
        keys = {k.lower(): v for k, v in values.items()}
        if "totalrecords" in keys and "total" in keys:
            keys["pages"] = keys.pop("total")  # kkpager: total is its page count
        count = next((int(v) for k, v in keys.items() if k in _PAGE_COUNT_KEYS and v.isdigit()), None)
        total = next((int(keys[k]) for k in _ENTRY_TOTAL_KEYS if keys.get(k, "").isdigit()), None)
        total = total if total is not None or not m.group(1) else int(m.group(1))
        per = next((int(keys[k]) for k in _PER_PAGE_KEYS if keys.get(k, "").isdigit()), 10 if "jump" in keys else None)
        count = count or (-(-total // per) if total is not None and per else None)
        if count is not None or total is not None:  # jquery.pagination(25, {…}) calls back with the index from 0
            return count, total, _plugin_template(options, code, values, zero_based=bool(m.group(1)))
    return None


def _plugin_template(options: str, code: str, values: dict[str, str], zero_based: bool = False) -> str | None:
    """The address a pager plugin's page function builds (its page parameter as ``PAGE_MARK``; ``zero_based``, a
    page index from 0, as ``PREV_MARK``): an option's own function, or one of the page's it names (``callback:
    pageselectCallback``), navigating or returning it; else the options' address pattern (``href:
    "?page={{number}}"``, kkpager's hrefFormer_N hrefLatter)."""
    own = {f"this.{k}": v for k, v in values.items()}
    for m in _OPTION_FUNCTION_RE.finditer(options):
        if m.group(1) is not None:  # the option's own function, or one of the page's it names
            params, body = [p.strip() for p in m.group(1).split(",") if p.strip()], _braced(options, m.end() - 1)
        elif named := _function(code, m.group(2)):
            params, body = named
        else:
            continue
        body = re.sub(r"\.getCurrent\s*\(\s*\)", ".getCurrent", body)
        index_mark = PREV_MARK if zero_based else PAGE_MARK  # the parameter itself: a page number, or an index from 0
        for param in params:
            marks = {param: index_mark, f"{param}.curr": PAGE_MARK, f"{param}.getCurrent": PAGE_MARK}
            known = _with_locals(body, {**values, **own, **marks})
            built = [_navigation(body, known)] + [_address(body, r.end(), known) for r in _RETURN_RE.finditer(body)]
            if template := next((t for t in built if t and any(mark in t for mark in _MARKS)), None):
                return template
    pattern = next((v for v in values.values() if "{{number}}" in v or "{{page}}" in v), None)
    if pattern:
        return pattern.replace("{{number}}", PAGE_MARK).replace("{{page}}", PAGE_MARK)
    if "hrefFormer" in values:
        return f"{values['hrefFormer']}_{PAGE_MARK}{values.get('hrefLatter', '')}"
    return None
