"""A list grouped under year headings, each entry showing its month and day alone (<h3>2025年</h3><ul><li>…
<span>09-23</span></li>…): the heading gives the year. Before, every such entry read undated, and the column was
dated only by fetching each entry's page."""

from __future__ import annotations

import datetime as dt

import pytest

from monitor.parse import parse_list

BASE = "http://www.example.edu.cn/xxgk/zd/list.htm"


def _page(groups: str) -> bytes:
    return (
        "<html><head><meta charset='utf-8'><title>规章制度</title></head><body><div class='nav'><a href='/'>首页</a>"
        f"<a href='/xxgk/'>信息公开</a></div><div class='main'>{groups}</div></body></html>"
    ).encode()


def _rows(first: int, days: list[str]) -> str:
    return "".join(
        f"<li><a href='/info/1021/{first + i}.htm'>关于修订第{first + i}号管理办法的通知</a><span>{d}</span></li>"
        for i, d in enumerate(days)
    )


HEADINGS = {
    "h3": "<h3>{y}年</h3><ul>{rows}</ul>",
    "year alone": "<h4>{y}</h4><ul>{rows}</ul>",
    "year of accounts": "<div class='year'>【{y}年度】</div><ul>{rows}</ul>",
    "wrapped list": "<h3>{y}年</h3><div class='box'><ul>{rows}</ul></div>",
    "comment between": "<h3>{y}年</h3><!-- list --><ul>{rows}</ul>",
}


@pytest.mark.parametrize("form", sorted(HEADINGS))
def test_a_year_heading_dates_the_month_and_day_below_it(form):
    groups = HEADINGS[form].format(y=2025, rows=_rows(100, ["09-23", "06-11"]))
    groups += HEADINGS[form].format(y=2024, rows=_rows(200, ["11-02", "03-15"]))
    dates = [e.date for e in parse_list(_page(groups), BASE).entries]
    assert dates == [dt.date(2025, 9, 23), dt.date(2025, 6, 11), dt.date(2024, 11, 2), dt.date(2024, 3, 15)]


def test_a_heading_that_is_more_than_a_year_gives_none():
    groups = f"<h3>2025年招生章程</h3><ul>{_rows(100, ['09-23', '06-11', '05-02'])}</ul>"
    assert [e.date for e in parse_list(_page(groups), BASE).entries] == [None, None, None]


def test_full_dates_keep_their_own_year_under_a_year_heading():
    groups = f"<h3>2025年</h3><ul>{_rows(100, ['2024-12-30', '2025-01-05'])}</ul>"
    dates = [e.date for e in parse_list(_page(groups), BASE).entries]
    assert dates == [dt.date(2024, 12, 30), dt.date(2025, 1, 5)]


def _table_rows(first: int, days: list[str]) -> str:
    return "".join(
        f"<tr><td><a href='/info/1021/{first + i}.htm'>关于修订第{first + i}号管理办法的通知</a></td><td>{d}</td></tr>"
        for i, d in enumerate(days)
    )


@pytest.mark.parametrize(
    "groups",
    [
        # a year's row among a table's entries, and a year's item among a list's
        "<table><tr><td colspan='2'>2025年</td></tr>{a}<tr><td colspan='2'>2024年</td></tr>{b}</table>",
        "<ul><li class='year'>2025</li>{c}<li class='year'>2024</li>{d}</ul>",
    ],
    ids=["table-row", "list-item"],
)
def test_a_year_row_among_the_entries_dates_those_after_it(groups):
    html = groups.format(
        a=_table_rows(100, ["09-23", "06-11"]),
        b=_table_rows(200, ["11-02", "03-15"]),
        c=_rows(100, ["09-23", "06-11"]),
        d=_rows(200, ["11-02", "03-15"]),
    )
    dates = [e.date for e in parse_list(_page(html), BASE).entries]
    assert dates == [dt.date(2025, 9, 23), dt.date(2025, 6, 11), dt.date(2024, 11, 2), dt.date(2024, 3, 15)]
