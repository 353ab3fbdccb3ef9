"""A column whose configured address is its one document (信息公开指南.pdf, 收费标准.xlsx, a download.jsp): the file is
the column's entry, dated by the file when it is checked. Before, the PDF's bytes were read as a page (a blank
column, high) or, with NUL bytes, as "not a web page" (broken). Served over loopback; a real SQLite file."""

from __future__ import annotations

import json
import re

from click.testing import CliRunner
from werkzeug import Request, Response

from monitor import service
from monitor.cli import cli
from monitor.config import load_config
from tests.conftest import NOW, config_text

PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
XLSX = b"PK\x03\x04\x14\x00\x06\x00" + b"\x00" * 64  # a zip's first bytes, NUL bytes among them
FRESH, OLD = "Tue, 10 Nov 2026 08:00:00 GMT", "Fri, 10 Nov 2023 08:00:00 GMT"
ROWS = "".join(
    f"<li><a href='/info/1001/{100 + i}.htm'>关于第{i}批收费项目的公示</a><span>2026-11-0{i + 1}</span></li>"
    for i in range(3)
)


def _serve(httpserver) -> str:
    def handle(request: Request) -> Response:
        if request.path == "/xxgk/zn.pdf":
            return Response(PDF, content_type="application/pdf", headers={"Last-Modified": FRESH})
        if request.path == "/xxgk/old.pdf":
            return Response(PDF, content_type="application/pdf", headers={"Last-Modified": OLD})
        if request.path == "/download.jsp":
            disposition = "attachment; filename*=UTF-8''%E6%94%B6%E8%B4%B9%E6%A0%87%E5%87%86.xlsx"
            headers = {"Last-Modified": FRESH, "Content-Disposition": disposition}
            return Response(XLSX, content_type="application/octet-stream", headers=headers)
        if request.path == "/sf/list.htm":  # a page the server calls a file: read as the page it is
            page = f"<html><head><title>收费标准</title></head><body><ul>{ROWS}</ul></body></html>"
            return Response(page.encode(), content_type="application/octet-stream")
        return Response("<html><body><a href='/xxgk/'>信息公开</a></body></html>", content_type="text/html")

    httpserver.expect_request(re.compile(".*")).respond_with_handler(handle)
    return httpserver.url_for("/").rstrip("/")


def test_a_column_that_is_its_document_is_one_entry_dated_by_the_file(tmp_path, httpserver):
    base = _serve(httpserver)
    columns = [
        ("信息公开指南", "/xxgk/zn.pdf", [1], "学校办公室"),
        ("收费标准", "/download.jsp?id=3", [18], "计划财务处"),  # item 18: updated within 180 days
        ("收费项目公示", "/sf/list.htm", [18], "计划财务处"),
        ("财务信息", "/xxgk/old.pdf", [18], "计划财务处"),
    ]
    path = tmp_path / "config.toml"
    path.write_text(config_text(base, str(tmp_path / "m.db"), columns), encoding="utf-8")
    result = service.check(load_config(str(path)), NOW)
    got = {c.name: (c.status, c.entries, c.latest and c.latest.isoformat()) for c in result.evaluation.columns}
    assert got == {
        "信息公开指南": ("ok", 1, "2026-11-10"),
        "收费标准": ("ok", 1, "2026-11-10"),
        "收费项目公示": ("ok", 3, "2026-11-03"),
        "财务信息": ("stale", 1, "2023-11-10"),  # judged by the file's date like any entry
    }
    assert not [f for f in result.findings if f.kind in ("blank", "broken")], result.findings


def test_monitor_read_says_the_address_is_a_file(tmp_path, httpserver):
    base = _serve(httpserver)
    result = CliRunner().invoke(cli, ["--config", str(tmp_path / "none.toml"), "read", f"{base}/download.jsp?id=3"])
    assert result.exit_code == 0, result.output
    assert "栏目地址本身是一个文件（收费标准.xlsx）" in result.output
    doc = json.loads(
        CliRunner()
        .invoke(cli, ["--config", str(tmp_path / "none.toml"), "read", f"{base}/xxgk/zn.pdf", "--format", "json"])
        .output
    )
    assert (doc["verdict"], doc["column"]["entries"][0]["url"]) == ("entries", f"{base}/xxgk/zn.pdf")
