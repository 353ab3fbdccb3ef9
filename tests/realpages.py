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


def select(lang: str, split: str) -> list[dict]:
    return [p for p in pages("article") if (p["lang"] == "zh") == (lang == "zh") and p["split"] == split]
