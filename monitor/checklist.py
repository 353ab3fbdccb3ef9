"""The 50 checklist items (《高等学校信息公开事项清单》) as data, with applicability and cadence.

The items live in ``checklist.toml`` beside this module; this module loads them into frozen
dataclasses and answers the questions evaluation asks: does an item apply to a college of this
level, how old may its newest publication be, and when is a dated annual edition due.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from monitor.errors import ChecklistError

LEVELS = ("本科", "高职")
CADENCES = ("event", "annual", "annual_by", "rolling")
ANNUAL_MAX_AGE_DAYS = 400  # ~13 months: an annual item is stale after this without a new edition


@dataclass(frozen=True)
class Item:
    id: int
    category: str
    title: str
    short: str  # the name officials use (信息公开年度报告, 招生章程与招生计划…): terminal tables
    cadence: str  # event | annual | annual_by | rolling
    keywords: tuple[str, ...]
    gaozhi: bool = True  # applies to a 高职 college by default
    note: str = ""
    deadline: tuple[int, int] | None = None  # (month, day) for annual_by
    cycle: str = "year"  # how an annual_by edition names its cycle: year | academic_year
    rolling_days: int | None = None
    cadence_note: str = ""
    unconfirmed: bool = False

    @property
    def default_max_age(self) -> int | None:
        """Days after which the newest publication is stale; None when the cadence has no such rule."""
        if self.cadence == "annual":
            return ANNUAL_MAX_AGE_DAYS
        if self.cadence == "rolling":
            return self.rolling_days
        return None  # event: must exist; annual_by: judged by its deadline (overdue)

    def applies_to(self, level: str) -> bool:
        return level == "本科" or self.gaozhi

    def cadence_label(self) -> str:
        if self.cadence == "annual_by" and self.deadline:
            return f"每年 {self.deadline[0]}月{self.deadline[1]}日 前"
        if self.cadence == "rolling":
            return f"持续更新（{self.rolling_days} 天）"
        return {"annual": "每年", "event": "产生或变更后 20 个工作日内"}[self.cadence]

    def current_deadline(self, today: dt.date) -> dt.date | None:
        """The most recent deadline on or before ``today`` (the current cycle's), for annual_by items."""
        if not self.deadline:
            return None
        month, day = self.deadline
        this_year = dt.date(today.year, month, day)
        return this_year if this_year <= today else dt.date(today.year - 1, month, day)

    def next_deadline(self, today: dt.date) -> dt.date | None:
        if not self.deadline:
            return None
        month, day = self.deadline
        this_year = dt.date(today.year, month, day)
        return this_year if this_year > today else dt.date(today.year + 1, month, day)


@dataclass(frozen=True)
class Checklist:
    items: tuple[Item, ...]

    def __iter__(self):
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def get(self, item_id: int) -> Item:
        return self.items[item_id - 1]

    def categories(self) -> list[str]:
        seen: dict[str, None] = {}
        for item in self.items:
            seen.setdefault(item.category, None)
        return list(seen)


def _item(raw: dict) -> Item:
    try:
        deadline = None
        if "deadline" in raw:
            month, day = (int(x) for x in raw["deadline"].split("-"))
            deadline = (month, day)
        item = Item(
            id=int(raw["id"]),
            category=raw["category"],
            title=raw["title"],
            short=raw["short"],
            cadence=raw["cadence"],
            keywords=tuple(raw["keywords"]),
            gaozhi=bool(raw.get("gaozhi", True)),
            note=raw.get("note", ""),
            deadline=deadline,
            cycle=raw.get("cycle", "year"),
            rolling_days=raw.get("max_age_days"),
            cadence_note=raw.get("cadence_note", ""),
            unconfirmed=bool(raw.get("unconfirmed", False)),
        )
    except (KeyError, ValueError, TypeError) as exc:
        raise ChecklistError(f"checklist.toml: item {raw.get('id', '?')}: {exc!r}") from exc
    if item.cadence not in CADENCES:
        raise ChecklistError(f"checklist.toml: item {item.id}: unknown cadence {item.cadence!r}")
    if (item.cadence == "annual_by") != (item.deadline is not None):
        raise ChecklistError(f"checklist.toml: item {item.id}: annual_by needs a deadline and only it")
    return item


@cache
def load_checklist() -> Checklist:
    """The bundled checklist, validated: 50 items numbered 1..50."""
    data = tomllib.loads(resources.files("monitor").joinpath("checklist.toml").read_text("utf-8"))
    items = tuple(_item(raw) for raw in data["items"])
    if [i.id for i in items] != list(range(1, 51)):
        raise ChecklistError("checklist.toml: items must be numbered 1..50 in order")
    return Checklist(items)
