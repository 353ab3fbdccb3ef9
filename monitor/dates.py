"""Chinese and ISO date extraction: pure functions over strings.

Forms recognised: ``2024-10-28``, ``2024/10/28``, ``2024.10.28``, ``2024年10月28日``, ``2024-10-28 09:30``,
``[10-28]`` / ``10月28日`` (year supplied by the caller, e.g. from the article URL), the split
"day block + year-month block" of WebPlus/VSB themes (``28 2024-10``) and "year + month-day"
(``2024 10-28``), and dates carried in URLs (``/2024/1028/``, ``t20241028_``, ``/2024-10-28/``).
"""

from __future__ import annotations

import datetime as dt
import re

MIN_YEAR, MAX_YEAR = 1990, 2100

_SEP = r"\s*[-/.年]\s*"
# 2024-10-28, 2024/10/28, 2024.10.28, 2024年10月28日 (also with full-width digits normalised first)
FULL_RE = re.compile(rf"(?<!\d)((?:19|20)\d\d){_SEP}(\d{{1,2}}){_SEP.replace('年', '月')}(\d{{1,2}})(?:\s*日)?(?!\d)")
# 20241028 as a whole token
COMPACT_RE = re.compile(r"(?<!\d)((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)")
# 2024-10 or 2024年10月 (year-month block)
YEAR_MONTH_RE = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*[-/.年]\s*(\d{1,2})(?:\s*月)?(?![\d/.-])")
# 10-28, 10/28, 10月28日 (month-day)
MONTH_DAY_RE = re.compile(r"(?<![\d/.-])(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})(?:\s*日)?(?![\d/.-])")
YEAR_RE = re.compile(r"(?<!\d)((?:19|20)\d\d)(?:\s*年)?(?!\d)")
DAY_RE = re.compile(r"(?<![\d-])(\d{1,2})(?:\s*日)?(?![\d-])")

_URL_PATTERNS = (
    re.compile(
        r"/((?:19|20)\d\d)[-/_]?(0[1-9]|1[0-2])[-/_]?(0[1-9]|[12]\d|3[01])/"
    ),  # /2024/1028/ /2024-10-28/ /20241028/
    re.compile(r"[/_a-z]((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])[_/.]"),  # t20241028_123.html
    re.compile(r"/((?:19|20)\d\d)/(0?[1-9]|1[0-2])/(0?[1-9]|[12]\d|3[01])/"),  # /2024/10/28/
)
_URL_YEAR_RE = re.compile(r"/((?:19|20)\d\d)(?:[-/_]?(?:0[1-9]|1[0-2]))?[/_-]|[/_a-z]((?:19|20)\d\d)(?:0[1-9]|1[0-2])")

_FULLWIDTH = str.maketrans("０１２３４５６７８９－／．", "0123456789-/.")


def make_date(year: int | str, month: int | str, day: int | str) -> dt.date | None:
    """A date when the parts form a plausible calendar date, else None."""
    try:
        year, month, day = int(year), int(month), int(day)
        if not MIN_YEAR <= year <= MAX_YEAR:
            return None
        return dt.date(year, month, day)
    except ValueError:
        return None


_FULLWIDTH_ANY = re.compile("[０-９－／．]")


def normalise(text: str) -> str:
    """Full-width digits and separators as ASCII. Most pages have none: a regex search (in C) says so far faster
    than ``str.translate`` walks a whole page's text."""
    return text.translate(_FULLWIDTH) if _FULLWIDTH_ANY.search(text) else text


def find_dates(text: str) -> list[dt.date]:
    """Every full date (with a year) in ``text``, in order of appearance."""
    text = normalise(text)
    found: list[tuple[int, dt.date]] = []
    for m in FULL_RE.finditer(text):
        d = make_date(*m.groups())
        if d:
            found.append((m.start(), d))
    for m in COMPACT_RE.finditer(text):
        d = make_date(*m.groups())
        if d:
            found.append((m.start(), d))
    return [d for _, d in sorted(found, key=lambda p: p[0])]


def parse_date(text: str, year_hint: int | None = None) -> dt.date | None:
    """The date a short text (a list row's date cell, a 发布时间 line) states.

    Tries a full date, then a split year-month + day block, then year + month-day, then a bare
    month-day with ``year_hint`` (from the article URL or the page).
    """
    text = normalise(text)
    dates = find_dates(text)
    if dates:
        return dates[0]
    ym = YEAR_MONTH_RE.search(text)
    if ym:
        rest = text[: ym.start()] + " " + text[ym.end() :]
        day = DAY_RE.search(rest)
        if day:
            d = make_date(ym.group(1), ym.group(2), day.group(1))
            if d:
                return d
    md = MONTH_DAY_RE.search(text)
    if md:
        year_match = YEAR_RE.search(text[: md.start()] + " " + text[md.end() :])
        year = int(year_match.group(1)) if year_match else year_hint
        if year:
            return make_date(year, md.group(1), md.group(2))
    return None


def date_from_url(url: str) -> dt.date | None:
    """The date an article URL carries (WebPlus ``/2024/1028/``, TRS ``t20241028_``, 帝国 ``/2024-10-28/``)."""
    path = url.split("?", 1)[0]
    for pattern in _URL_PATTERNS:
        m = pattern.search(path)
        if m:
            d = make_date(*m.groups())
            if d:
                return d
    return None


def year_from_url(url: str) -> int | None:
    """A year an URL's path carries (for ``[10-28]`` list dates), if any."""
    d = date_from_url(url)
    if d:
        return d.year
    m = _URL_YEAR_RE.search(url.split("?", 1)[0])
    if m:
        return int(m.group(1) or m.group(2))
    return None
