"""monitor annual check on the real 2023-2024 report (../shared/reference), served by a fixture site as an HTML
article, a PDF and a DOCX built from the same text."""

from __future__ import annotations

import html
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from werkzeug import Response

from monitor.annual import Year, judge, parts
from monitor.checklist import load_checklist
from monitor.cli import cli
from tests.conftest import config_text

# shared/ lies beside the repository (in CI too: a copy beside the clone)
REPORT = Path(__file__).resolve().parents[2] / "shared" / "reference" / "annual-report-2023-2024.txt"
CATEGORIES = [
    ("要闻", 101),
    ("系部动态", 184),
    ("专题宣传", 58),
    ("优秀学子", 12),
    ("通知公告", 39),
    ("党群动态", 92),
    ("社团", 32),
    ("招生资讯", 10),
]


def _text() -> str:
    if not REPORT.exists():
        pytest.skip(f"the example report is not here: {REPORT}")
    return REPORT.read_text(encoding="utf-8")


def _html(text: str) -> bytes:
    lines = [ln for ln in text.splitlines() if ln.strip()]
    body = "".join(f"<p>{html.escape(ln)}</p>" for ln in lines[1:])
    return (
        "<html><head><meta charset='utf-8'><title>信息公开年度报告</title></head><body>"
        f"<h1>{html.escape(lines[0])}</h1><div class='info'>发布时间：2024-10-28 来源：党政办公室</div>"
        f"<div class='content'>{body}</div></body></html>"
    ).encode()


def _pdf(text: str) -> bytes:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    page = canvas.Canvas(out)
    y = 800
    for line in text.splitlines():
        for start in range(0, max(len(line), 1), 45):  # 45 characters a line on A4
            if y < 40:
                page.showPage()
                y = 800
            page.setFont("STSong-Light", 9)
            page.drawString(30, y, line[start : start + 45])
            y -= 12
    page.save()
    return out.getvalue()


def _docx(text: str) -> bytes:
    import docx

    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.mark.parametrize("form", ["html", "pdf", "docx"])
def test_annual_check_reads_the_real_report_in_every_form(form, httpserver, tmp_path):
    text = _text()
    body, ctype, path = {
        "html": (_html(text), "text/html; charset=utf-8", "/xxgk/ndbg/2024/1028/c1a2/page.htm"),
        "pdf": (_pdf(text), "application/pdf", "/upload/ndbg2024.pdf"),
        "docx": (
            _docx(text),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "/upload/ndbg2024.docx",
        ),
    }[form]
    httpserver.expect_request(path).respond_with_data(body, content_type=ctype)
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    config = tmp_path / "config.toml"
    config.write_text(config_text(httpserver.url_for("/").rstrip("/"), str(tmp_path / "m.db")), encoding="utf-8")
    args = ["--config", str(config), "annual", "check", "--year", "2023-2024", "--url", httpserver.url_for(path)]
    result = CliRunner().invoke(cli, [*args, "--format", "json"])
    assert result.exit_code == 1, result.output  # problems: part 七 missing, no item-by-item explanation
    doc = json.loads(result.output)
    assert [p["number"] for p in doc["parts"] if p["found"]] == list("一二三四五六")
    assert [p["number"] for p in doc["parts"] if not p["found"]] == ["七"]
    assert {p["kind"] for p in doc["problems"]} == {"missing_part", "no_item_table"}
    assert doc["numbers"]["total"] == 528
    assert [(c["name"], c["count"]) for c in doc["numbers"]["categories"]] == CATEGORIES
    assert doc["numbers"]["sum_ok"] is True
    assert doc["period"] == {"from": "2023-09-01", "to": "2024-08-31"}
    assert doc["published"] == "2024-10-28" and doc["on_time"] is True
    assert doc["items_not_mentioned"]  # the report has no table of the 50 items


def test_a_late_report_for_another_year_with_a_wrong_sum_is_judged_so():
    text = _text().replace("社团32条", "社团33条").replace("2023—2024学年度", "2022—2023学年度", 1)
    items = [i for i in load_checklist() if i.applies_to("高职")]
    doc = judge(text, Year(2023), Year(2023).deadline.replace(day=1, month=12), items, {"通知公告": 40})
    kinds = {p["kind"] for p in doc["problems"]}
    assert {"late", "wrong_year", "sum", "missing_part", "no_item_table"} <= kinds
    assert doc["numbers"]["differences"] == [{"name": "通知公告", "stated": 39, "monitor": 40}]


@pytest.mark.parametrize(
    "heading",
    [
        "二〇二二—二〇二三学年信息公开工作年度报告",
        "２０２２－２０２３学年信息公开年度报告",
        "2022-23学年信息公开年度报告",
    ],
)
def test_a_report_for_another_year_is_told_whatever_digits_its_year_is_written_in(heading):
    """Its year in Chinese numerals, full-width or with a short second year: before, not read, so no wrong_year."""
    items = [i for i in load_checklist() if i.applies_to("高职")]
    doc = judge(f"{heading}\n一、基本情况", Year(2023), None, items, {})
    assert "wrong_year" in {p["kind"] for p in doc["problems"]}


def test_parts_are_matched_by_meaning_and_numbering():
    found = parts(
        "一、基本情况\n二、2023-2024学年学校信息公开情况\n三、依申请公开情况\n（四）评议情况\n五、举报和复议\n六、问题与改进\n七、其他事项"
    )
    assert all(p["found"] for p in found)
    assert not parts("前言\n正文")[0]["found"]


def test_year_and_exit_codes(tmp_path):
    assert Year.parse("2025-2026").deadline.isoformat() == "2026-10-31"
    with pytest.raises(ValueError):
        Year.parse("2025-2027")
    config = tmp_path / "config.toml"
    config.write_text(config_text("http://127.0.0.1:9", str(tmp_path / "m.db")), encoding="utf-8")
    assert CliRunner().invoke(cli, ["--config", str(config), "annual", "check", "--year", "2025"]).exit_code == 2
    missing = CliRunner().invoke(cli, ["--config", str(config), "annual", "check", "--year", "2023-2024"])
    assert missing.exit_code == 3 and "未找到" in missing.output


def test_report_problems_become_office_findings_until_fixed(httpserver, tmp_path):
    text = _text()
    path = "/xxgk/ndbg/2024/1028/c1a2/page.htm"
    served = {"body": _html(text)}
    httpserver.expect_request(path).respond_with_handler(
        lambda _request: Response(served["body"], content_type="text/html; charset=utf-8")
    )
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    httpserver.expect_request("/index.htm").respond_with_data(
        "<html><body>首页</body></html>", content_type="text/html"
    )
    config = tmp_path / "config.toml"
    config.write_text(config_text(httpserver.url_for("/").rstrip("/"), str(tmp_path / "m.db")), encoding="utf-8")
    runner = CliRunner()
    runner.invoke(cli, ["--config", str(config), "check"])  # a run for the findings to belong to
    args = ["--config", str(config), "annual", "check", "--year", "2023-2024", "--url", httpserver.url_for(path)]
    assert runner.invoke(cli, args).exit_code == 1
    assert runner.invoke(cli, args).exit_code == 1  # twice: nothing opened twice
    doc = json.loads(runner.invoke(cli, ["--config", str(config), "check", "--no-crawl", "--format", "json"]).output)
    annual = [f for f in doc["findings"] if f["kind"] == "annual_report"]
    assert sorted(f["url"].split("#")[1] for f in annual) == ["missing_part-七", "no_item_table"]
    assert all(f["department"] == "" and f["item"] == 6 for f in annual)  # to the office
    # the office adds part 七: that finding is resolved, the other stays; an ordinary crawl resolves neither
    served["body"] = _html(text + "\n七、其他需要报告的事项\n无。\n")
    runner.invoke(cli, args)
    runner.invoke(cli, ["--config", str(config), "check"])
    doc = json.loads(runner.invoke(cli, ["--config", str(config), "check", "--no-crawl", "--format", "json"]).output)
    assert [f["url"].split("#")[1] for f in doc["findings"] if f["kind"] == "annual_report"] == ["no_item_table"]
