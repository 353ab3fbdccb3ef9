"""monitor annual draft on the fixture college crawled across a simulated 学年 (runs at three dates through the
injected clock): a blank column fixed, and an entry back-dated between two runs. Every number in the draft is
checked against what the runs saw; the DOCX opens with python-docx; the HTML is rendered in headless Chromium."""

from __future__ import annotations

import datetime as dt
import re
import statistics
import zoneinfo
from pathlib import Path

import pytest
from click.testing import CliRunner

from monitor import service
from monitor.annual import Year
from monitor.cli import cli
from monitor.config import load_config
from monitor.store import open_store
from tests.conftest import SITE, chromium

TZ = zoneinfo.ZoneInfo("Asia/Shanghai")
RUNS = [
    dt.datetime(2025, 10, 15, 6, tzinfo=TZ),
    dt.datetime(2026, 2, 10, 6, tzinfo=TZ),
    dt.datetime(2026, 8, 20, 6, tzinfo=TZ),
]
ARTIFACTS = Path(__file__).parent / "artifacts"
BACKDATED = (
    '<li><a href="/xxgk/jdh/2026/0105/c1a1/page.htm">第五届教代会第一次会议工作报告</a><span>2026-01-05</span></li>'
)


@pytest.fixture
def year_of_runs(config_path, site):
    config = load_config(config_path)
    for when in RUNS[:2]:
        service.check(config, when)
    blank = (SITE / "xxgk" / "jdh" / "list.htm").read_text(encoding="utf-8")
    fixed = blank.replace('<div class="empty">暂无内容</div>', f"<ul class='list'>{BACKDATED}</ul>")
    assert fixed != blank
    site.overrides["/xxgk/jdh/list.htm"] = (200, fixed.encode(), {"Content-Type": "text/html; charset=utf-8"})
    service.check(config, RUNS[2])  # the 教代会 column is no longer blank; its one entry says 2026-01-05
    return config


def test_draft_numbers_are_what_the_runs_saw(year_of_runs):
    config, year = year_of_runs, Year(2025)
    path, data = service.annual_draft(config, year, "md")
    with open_store(config.storage_path) as store:
        runs = sorted(store.runs(config.site.name), key=lambda r: r.started_at)
        last = store.item_statuses(runs[-1].id)
        findings = store.findings(config.site.name)
        in_year = {
            e["url"]
            for c in config.columns
            for e in store.column_entries(c.url)
            if e["date"] and year.start.isoformat() <= e["date"] <= year.end.isoformat()
        }
    # 二: distinct entries dated in the 学年
    assert data["stats"]["total"] == len(in_year)
    assert f"新增主动公开信息{len(in_year)}条" in path.read_text(encoding="utf-8")
    # the checklist table at 31 August is the last run's (2026-08-20)
    assert data["items_as_of"] == "2026-08-20"
    applicable = {r["item"] for r in data["items"] if r["status"] != "not_applicable"}
    assert all(r["status"] == last[r["item"]]["status"] for r in data["items"] if r["item"] in applicable)
    # 六: findings opened and resolved during the 学年; the blank 教代会 column took 309 days to fix
    opened = [f for f in findings if "2025-09-01" <= f.first_seen[:10] <= "2026-08-31"]
    resolved = [f for f in findings if f.resolved_at and "2025-09-01" <= f.resolved_at[:10] <= "2026-08-31"]
    assert (data["inspection"]["opened"], data["inspection"]["resolved"]) == (len(opened), len(resolved))
    jdh = next(f for f in resolved if f.kind == "blank" and "jdh" in f.url)
    assert (dt.date.fromisoformat(jdh.resolved_at[:10]) - dt.date.fromisoformat(jdh.first_seen[:10])).days == 309
    days = sorted(
        (dt.date.fromisoformat(f.resolved_at[:10]) - dt.date.fromisoformat(f.first_seen[:10])).days for f in resolved
    )
    assert data["inspection"]["median_days_to_fix"] == statistics.median(days)
    # timeliness: the entry dated 2026-01-05 was not listed by the complete crawl of 2026-02-10
    assert data["back_dated"] == [
        {
            "column": "教代会",
            "department": "工会",
            "title": "第五届教代会第一次会议工作报告",
            "url": data["back_dated"][0]["url"],
            "stated": "2026-01-05",
            "first_seen": "2026-08-20",
            "missed_by": "2026-02-10",
        }
    ]


def test_docx_opens_and_its_tables_hold_the_same_numbers(year_of_runs, tmp_path):
    import docx

    out = tmp_path / "draft.docx"
    result = CliRunner().invoke(
        cli, ["--config", str(year_of_runs.path), "annual", "draft", "--year", "2025-2026", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    _path, data = service.annual_draft(year_of_runs, Year(2025), "md", tmp_path / "same.md")
    document = docx.Document(str(out))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert [h[:2] for h in headings[:7]] == [f"{n}、" for n in "一二三四五六七"]
    columns, _categories, items, back = document.tables
    assert [[c.text for c in row.cells][:2] for row in columns.rows[1:]] == [
        [c["name"], str(c["count"])] for c in data["stats"]["columns"]
    ]
    assert [[c.text for c in row.cells][:3] for row in items.rows[1:]] == [
        [str(r["item"]), r["title"], r["status_zh"]] for r in data["items"]
    ]
    assert back.rows[1].cells[2].text == "2026-01-05"
    assert any(data["stats"]["sentence"] in p.text for p in document.paragraphs)


def test_html_draft_renders_in_headless_chromium(year_of_runs, tmp_path):
    path, _data = service.annual_draft(year_of_runs, Year(2025), "html", tmp_path / "draft.html")
    dom = chromium("--dump-dom", path.as_uri(), profile=tmp_path / "profile").stdout
    assert len(re.findall(r"<h2 id=\"part-", dom)) == 7 and 'id="back-dated"' in dom
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "annual-draft.png"
    chromium("--window-size=1000,2400", f"--screenshot={shot}", path.as_uri(), profile=tmp_path / "profile")
    assert shot.is_file() and shot.stat().st_size > 10_000


def test_the_weekly_digest_names_the_back_dated_entry(year_of_runs):
    from monitor import digest

    outcome = digest.run_digest(year_of_runs, RUNS[2], digest.week_of(RUNS[2].date()), dry_run=True)
    text = next(p for p in outcome.files if p.suffix == ".txt").read_text(encoding="utf-8")
    assert "八、发布日期早于此前检查的信息（1 条" in text
    assert (
        "教代会「第五届教代会第一次会议工作报告」标注 2026-01-05，2026-08-20 首次出现（2026-02-10 的检查中没有）"
        in text
    )
