"""The real-page corpus (tests/fixtures/real): pages nobody on the team wrote, with their upstream labels.

Used by tests/test_real_pages.py and bench/dates.py. ``score_dates`` is the one place the figures come from.
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import json
import statistics
import time
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

REAL = Path(__file__).parent / "fixtures" / "real"


def manifest() -> dict:
    return json.loads((REAL / "manifest.json").read_text(encoding="utf-8"))


def pages(kind: str | None = None) -> list[dict]:
    return [p for p in manifest()["pages"] if kind is None or p["kind"] == kind]


def body(page: dict) -> bytes:
    data = gzip.decompress((REAL / page["file"]).read_bytes())
    if hashlib.sha256(data).hexdigest() != page["sha256"]:
        raise ValueError(f"{page['file']}: bytes differ from the upstream copy")
    return data


def url(page: dict) -> str:
    """The page's own URL where upstream recorded it, else the site's root (a base for relative links only)."""
    return page.get("url") or f"http://{page['site']}/"


def dated(page: dict) -> bool:
    """A usable date label: a date, or upstream's statement that the page shows none."""
    return page["kind"] == "article" and page["date"] != "unusable"


@dataclass
class DateScore:
    pages: int = 0
    right: int = 0  # the labelled day (or no date where upstream says the page shows none)
    wrong: int = 0  # a date other than the label: worse than none
    missed: int = 0  # no date where the page has one
    times: list[float] = field(default_factory=list)
    misses: list[tuple[str, str | None, str | None]] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.right / self.pages if self.pages else 0.0

    @property
    def wrong_rate(self) -> float:
        return self.wrong / self.pages if self.pages else 0.0

    @property
    def median_ms(self) -> float:
        return 1000 * statistics.median(self.times) if self.times else 0.0

    def line(self) -> str:
        return (
            f"{self.right}/{self.pages} = {100 * self.accuracy:.1f}% right, "
            f"{self.wrong} wrong ({100 * self.wrong_rate:.1f}%), {self.missed} missed"
        )


def score_dates(extract: Callable[[bytes, str], dt.date | str | None], selection: Iterable[dict]) -> DateScore:
    score = DateScore()
    for page in selection:
        if not dated(page):
            continue
        data, where = body(page), url(page)
        t0 = time.perf_counter()
        got = extract(data, where)
        score.times.append(time.perf_counter() - t0)
        got = got.isoformat() if isinstance(got, dt.date) else got
        score.pages += 1
        if got == page["date"]:
            score.right += 1
            continue
        if got is None:
            score.missed += 1
        else:
            score.wrong += 1
        score.misses.append((page["id"], page["date"], got))
    return score


@dataclass
class TitleScore:
    """Article titles against labelled ones: ``exact`` the same words (Unicode-normalised, spacing, case and the
    quotes round them aside), ``close`` one within the other, the shorter at least 60% of the longer (a kicker or a
    site's name more or less)."""

    pages: int = 0
    exact: int = 0
    close: int = 0
    misses: list = field(default_factory=list)

    def line(self) -> str:
        return f"{self.exact}/{self.pages} exact, {self.close}/{self.pages} close"


def _title_words(title: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", title).split()).strip("\"'“”‘’「」").casefold()


def score_titles(read: Callable[[bytes, str], str], selection: Iterable[dict]) -> TitleScore:
    score = TitleScore()
    for page in (p for p in selection if p.get("title")):
        got, want = _title_words(read(body(page), url(page))), _title_words(page["title"])
        short, long = sorted((got, want), key=len)
        score.pages += 1
        score.exact += got == want
        if short and short in long and len(short) >= 0.6 * len(long):
            score.close += 1
        elif got != want:
            score.misses.append((page["id"], page["title"], got))
    return score


def select(lang: str, split: str) -> list[dict]:
    return [p for p in pages("article") if (p["lang"] == "zh") == (lang == "zh") and p["split"] == split]


@dataclass
class PagerScore:
    """How a list reader follows real pagers (autopager's labelled pages).

    ``reached``: of the pages whose pager offers a next page, those where the reader would fetch it. ``clean``: the
    pages where every page the reader would fetch is one of the pager's labelled links (a stray link fetched as a
    page adds its entries to the column). A page is right when both hold."""

    pages: int = 0
    with_next: int = 0
    reached: int = 0
    clean: int = 0
    right: int = 0
    misses: list[tuple[str, list[str], list[str]]] = field(default_factory=list)

    def line(self) -> str:
        return (
            f"{self.right}/{self.pages} right; next page followed on {self.reached}/{self.with_next}; "
            f"no stray page on {self.clean}/{self.pages}"
        )


def score_pagers(follow: Callable[[bytes, str], Iterable[str]], selection: Iterable[dict]) -> PagerScore:
    score = PagerScore()
    for page in selection:
        where = url(page)
        labels = page["pager"]
        offered = {u for links in labels.values() for u in links} - {where}
        nexts = [u for u in labels["next"] if u != where]
        got = set(follow(body(page), where)) - {where}
        reached = not nexts or any(u in got for u in nexts)
        clean = got <= offered
        score.pages += 1
        score.with_next += bool(nexts)
        score.reached += bool(nexts) and reached
        score.clean += clean
        score.right += reached and clean
        if not (reached and clean):
            score.misses.append((page["id"], nexts, sorted(got - offered)))
    return score


def pager_pages(split: str) -> list[dict]:
    return [p for p in pages("pager") if p["split"] == split]


def verdicts(read: Callable[[bytes, str], object], selection: Iterable[dict]) -> dict[str, int]:
    """What a column reader makes of real pages that all have content: entries, unknown, or blank (a false
    空白栏目 on every one of them)."""
    counts = {"entries": 0, "unknown": 0, "blank": 0, "other": 0}
    for page in selection:
        got = read(body(page), url(page))
        kind = "entries" if got.entries else "blank" if got.blank else "unknown" if got.script_loaded else "other"
        counts[kind] += 1
    return counts
