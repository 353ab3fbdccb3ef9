"""Chinese and ISO date extraction: pure functions over strings.

Forms recognised: ``2024-10-28``, ``2024/10/28``, ``2024.10.28``, ``2024年10月28日``, ``2024-10-28 09:30``,
``[10-28]`` / ``10月28日`` (year supplied by the caller, e.g. from the article URL), the split
"day block + year-month block" of WebPlus/VSB themes (``28 2024-10``) and "year + month-day"
(``2024 10-28``), English month names in short texts (``April 7, 2015``, ``7 April 2015``), and dates
carried in URLs (``/2024/1028/``, ``t20241028_``, ``/2024-10-28/``).
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re

MIN_YEAR, MAX_YEAR = 1990, 2100

_SEP = r"\s*[-/.年]\s*"
# 2024-10-28, 2024/10/28, 2024.10.28, 2024年10月28日 (also with full-width digits normalised first); not a date opening
# an index number's serial (455800361/2024-10-28-0012), though one opening a period (2024-10-28-2024-11-30) is
FULL_RE = re.compile(
    rf"(?<!\d)((?:19|20)\d\d){_SEP}(\d{{1,2}}){_SEP.replace('年', '月')}(\d{{1,2}})(?:\s*日)?(?!\d)(?![-_]\d{{3,}}(?![-/.\d]))"
)
# 20241028 as a whole token
COMPACT_RE = re.compile(r"(?<!\d)((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)")
# 2024-10 or 2024年10月 (year-month block); not a year and the hour after it (10.05.2024 - 10:21)
YEAR_MONTH_RE = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*[-/.年]\s*(\d{1,2})(?:\s*月)?(?![\d/.:：-])")
# 10-28, 10/28, 10月28日 (month-day)
MONTH_DAY_RE = re.compile(r"(?<![\d/.-])(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})(?:\s*日)?(?![\d/.-])")
YEAR_RE = re.compile(r"(?<!\d)((?:19|20)\d\d)(?:\s*年)?(?!\d)")
DAY_RE = re.compile(r"(?<![\d-])(\d{1,2})(?:\s*日)?(?![\d-])")

# English month names, for the list pages of a college's English site: April 7, 2015 / Apr. 7th, 2015 / 7 April 2015
_MONTH_NAMES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
_ORDINAL = r"(?:st|nd|rd|th)?"
MONTH_NAME_RES = (
    re.compile(rf"(?<![a-z]){_MONTH}\.?\s+(\d{{1,2}}){_ORDINAL},?\s+((?:19|20)\d\d)(?!\d)", re.I),  # April 7, 2015
    re.compile(rf"(?<![\d.])(\d{{1,2}}){_ORDINAL}\s+{_MONTH}\.?,?\s+((?:19|20)\d\d)(?!\d)", re.I),  # 7 April 2015
)

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
# 二〇二四年四月一日: the date a signed document (落款) bears, written in Chinese numerals until GB/T 9704-2012; its
# zero typed as whatever looked round (二○二四 with a circle, 二O二四 and 二0二四 with a letter O or a digit)
_HAN_ZEROS = "〇零○◯ＯｏOo0"
_HAN_DIGITS = _HAN_ZEROS + "一二三四五六七八九"
_HAN_DATE_RE = re.compile(
    f"([一二][{_HAN_DIGITS}]{{3}})\\s*年\\s*([一二三四五六七八九十]{{1,3}})\\s*月\\s*([一二三四五六七八九十]{{1,3}})\\s*日"
)
_HAN_VALUE = {c: 0 for c in _HAN_ZEROS} | {c: i for i, c in enumerate("〇一二三四五六七八九")}


def _han_number(text: str) -> int:
    """一 → 1, 十 → 10, 十二 → 12, 二十 → 20, 三十一 → 31."""
    if "十" not in text:
        return _HAN_VALUE[text[0]] if len(text) == 1 else -1
    tens, _, units = text.partition("十")
    if len(tens) > 1 or len(units) > 1:
        return -1
    return (_HAN_VALUE[tens] if tens else 1) * 10 + (_HAN_VALUE[units] if units else 0)


def _han_date(m: re.Match) -> str:
    year = "".join(str(_HAN_VALUE[c]) for c in m.group(1))
    month, day = _han_number(m.group(2)), _han_number(m.group(3))
    return f"{year}年{month}月{day}日" if 1 <= month <= 12 and 1 <= day <= 31 else m.group(0)


# a year in Chinese numerals outside a whole date (二〇二五—二〇二六学年, 二〇二六年度): this century's hold a zero
_HAN_YEAR_RE = re.compile(
    f"(?=[{_HAN_DIGITS}]{{0,3}}[{_HAN_ZEROS}])[一二][{_HAN_DIGITS}]{{3}}(?=\\s*(?:年|学年|[-—–－~～至到]))"
)
# a school year's second year in two digits (2025-26学年): written out where it follows the first
_SHORT_SPAN_RE = re.compile(r"((?:19|20)(\d\d))\s*[-—–~～至到]\s*(\d\d)(?!\d)(?=\s*学?年)")


def _short_span(m: re.Match) -> str:
    first, second = int(m.group(1)), int(m.group(3))
    return f"{first}-{first + 1}" if second == (first + 1) % 100 else m.group(0)


def years_as_digits(text: str) -> str:
    """``text`` (a title) with the years it names in digits: full-width (２０２６), in Chinese numerals (二〇二六年,
    二〇二五—二〇二六学年) and a school year's short second year (2025-26学年 → 2025-2026)."""
    text = normalise(text)
    text = _HAN_YEAR_RE.sub(lambda m: "".join(str(_HAN_VALUE[c]) for c in m.group(0)), text)
    return _SHORT_SPAN_RE.sub(_short_span, text)


def normalise(text: str) -> str:
    """Full-width digits and separators as ASCII, dates in Chinese numerals as digits. Most pages have neither:
    a regex search (in C) says so far faster than ``str.translate`` walks a whole page's text."""
    if _FULLWIDTH_ANY.search(text):
        text = text.translate(_FULLWIDTH)
    # (a cheap test first: most texts name no month)
    if "月" in text and "年" in text and _HAN_DATE_RE.search(text):
        text = _HAN_DATE_RE.sub(_han_date, text)
    return text


def find_dates(text: str) -> list[dt.date]:
    """Every full date (with a year) in ``text``, in order of appearance."""
    return [d for _, d in dates_at(text)]


def dates_at(text: str) -> list[tuple[int, dt.date]]:
    """(where it starts in ``text`` normalised, date) for every full date in ``text``, in order of appearance."""
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
    return sorted(found, key=lambda p: p[0])


def parse_date(text: str, year_hint: int | None = None) -> dt.date | None:
    """The date a short text (a list row's date cell, a 发布时间 line) states.

    Tries a full date, then a split year-month + day block, then a date alone with a year of two digits
    (24-03-28), then year + month-day, then a bare month-day with ``year_hint`` (from the article URL or the page).
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
    if short := short_year_date(text):
        return short
    md = MONTH_DAY_RE.search(text)
    if md:
        year_match = YEAR_RE.search(text[: md.start()] + " " + text[md.end() :])
        year = int(year_match.group(1)) if year_match else year_hint
        if year:
            return make_date(year, md.group(1), md.group(2))
    return _month_name_date(text)


# read only right after a date label (发布时间：): 26-09-23, a two-digit year in Chinese order; 9/23/2026 9:30:00 AM,
# ASP.NET in its en-US culture (month first; day first where the first can only be a day: 23/9/2026)
_SHORT_YEAR_RE = re.compile(r"(\d\d)([-/.])(\d{1,2})\2(\d{1,2})(?![\d/.-])")
_SLASHED_RE = re.compile(r"(\d{1,2})/(\d{1,2})/((?:19|20)\d\d)(?![\d/])")


def labelled_form_date(text: str) -> dt.date | None:
    """The date at the start of ``text`` (what follows a date label) in the forms only a label makes a date of."""
    text = text.lstrip()
    if m := _SHORT_YEAR_RE.match(text):
        return make_date(_full_year(m.group(1)), m.group(3), m.group(4))
    if m := _SLASHED_RE.match(text):
        first, second = int(m.group(1)), int(m.group(2))
        return make_date(m.group(3), second, first) if first > 12 else make_date(m.group(3), first, second)
    return None


def _month_name_date(text: str) -> dt.date | None:
    """A date written with an English month name (April 7, 2015; 7 April 2015), if ``text`` has one."""
    for pattern, order in zip(MONTH_NAME_RES, ((0, 1, 2), (1, 0, 2)), strict=True):
        m = pattern.search(text)
        if m:
            month, day, year = (m.group(i + 1) for i in order)
            return make_date(year, _MONTH_NAMES.index(month[:3].lower()) + 1, day)
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


# a list's date cell written with a year of two digits (PHP's date('y-m-d'), DedeCMS's MyDate('y-m-d',…)): 24-03-28;
# with dashes only: 31.10.23 and 30/10/23 are days first, as German and French pages write them
_SHORT_YEAR_CELL_RE = re.compile(r"[\[【(（]?\s*(\d{2})-(\d{2})-(\d{2})\s*[\]】)）]?")


def short_year_date(text: str) -> dt.date | None:
    """The date a list's date cell states with a year of two digits (``24-03-28``, ``[24-03-28]``), the cell's whole
    text, each part of two digits, the year no later than this one (a later one is a day written first: 30-10-23);
    None for anything else."""
    m = _SHORT_YEAR_CELL_RE.fullmatch(normalise(text).strip())
    if m is None:
        return None
    year = _full_year(m.group(1))
    return make_date(year, m.group(2), m.group(3)) if year <= dt.date.today().year else None


def _full_year(two_digits: str) -> int:
    """A year written with two digits, as strptime's %y reads it: 00–69 are 2000–2069, 70–99 are 1970–1999."""
    return int(two_digits) + (2000 if int(two_digits) < 70 else 1900)


def year_from_url(url: str) -> int | None:
    """A year an URL's path carries (for ``[10-28]`` list dates), if any."""
    d = date_from_url(url)
    if d:
        return d.year
    m = _URL_YEAR_RE.search(url.split("?", 1)[0])
    if m:
        return int(m.group(1) or m.group(2))
    return None


_SERVED_NOW = dt.timedelta(days=1)  # with no Date header: a Last-Modified this close to the request is its moment
_SAME_MOMENT = dt.timedelta(minutes=2)  # a Last-Modified this close to the response's Date is the moment it was sent


def file_date(last_modified: str | None, now: dt.datetime, served: str | None = None) -> dt.date | None:
    """The day (in ``now``'s zone) a file was last changed on its server, from its ``Last-Modified`` header: for a
    file its list leaves undated (an uploaded PDF). None for a stamp of the moment it was sent (a download script
    answers with the time of the request: its ``Date`` header, ``served``, says the same; with no Date header, any
    stamp within a day of ``now``), a future one, one before MIN_YEAR, or a header that is no HTTP date."""
    when = http_date(last_modified)
    if now.tzinfo is None:
        now = now.replace(tzinfo=dt.UTC)
    if when is None or when.year < MIN_YEAR or when > now:
        return None
    sent = http_date(served)
    if (abs(sent - when) < _SAME_MOMENT) if sent else (when > now - _SERVED_NOW):
        return None
    return when.astimezone(now.tzinfo).date()


def http_date(value: str | None) -> dt.datetime | None:
    """An HTTP header's date (``Tue, 05 Mar 2024 02:21:00 GMT``), aware (UTC where it names no zone); None for none."""
    try:
        when = email.utils.parsedate_to_datetime(value or "")
    except (TypeError, ValueError, IndexError):
        return None
    return when.replace(tzinfo=dt.UTC) if when.tzinfo is None else when


CHINA = dt.timezone(dt.timedelta(hours=8))

# a list's friendly time, the whole of a text: 3天前, 2 小时前, 半小时前, 刚刚, 昨天 10:20, 前天, 今天 09:30 (bare 今天 is
# a weather widget's word as often), 3 days ago; never 3日前 (报名截止3日前: before the 3rd)
_RELATIVE_RE = re.compile(
    r"[\[【(（]?\s*(?:(\d{1,3})\s*(分钟|小时|天)\s*前|(半)\s*小时前|(刚刚)|(昨天|前天)(?:\s*\d{1,2}:\d\d)?"
    r"|(今天)\s*\d{1,2}:\d\d|(\d{1,3})\s+(minute|hour|day)s?\s+ago)\s*[\]】)）]?",
    re.I,
)
_UNIT = {"分钟": "minutes", "小时": "hours", "天": "days", "minute": "minutes", "hour": "hours", "day": "days"}
_DAYS_BACK = {"刚刚": 0, "今天": 0, "昨天": 1, "前天": 2}


def relative_date(text: str, served: dt.datetime | None) -> dt.date | None:
    """The day a list's friendly time names (3天前, 2小时前, 昨天 10:20, 刚刚, 3 days ago), counted back from
    ``served``, the moment the page was sent (aware: the day is China's); None without that moment or for any
    other text."""
    m = _RELATIVE_RE.fullmatch(text.strip()) if served is not None else None
    if m is None:
        return None
    now = served.astimezone(CHINA)
    count, unit = (m.group(1), m.group(2)) if m.group(1) else (m.group(7), m.group(8))
    if count:
        return (now - dt.timedelta(**{_UNIT[unit.lower()]: int(count)})).date()
    if m.group(3):
        return (now - dt.timedelta(minutes=30)).date()
    return now.date() - dt.timedelta(days=_DAYS_BACK[m.group(4) or m.group(5) or m.group(6)])


_EPOCH_RE = re.compile(r"\d{10}(?:\d{3})?")  # Unix time in seconds, or in milliseconds (JavaScript's Date)


def epoch_day(value: str) -> dt.date | None:
    """The day in China of a Unix time written alone (``1789871400``, ``1789871400000``): a record's time a page's
    script shows as a date. None for anything else, or a time outside MIN_YEAR..MAX_YEAR."""
    value = value.strip()
    if not _EPOCH_RE.fullmatch(value):
        return None
    when = dt.datetime.fromtimestamp(int(value) / (1000 if len(value) == 13 else 1), CHINA)
    return when.date() if MIN_YEAR <= when.year <= MAX_YEAR else None
