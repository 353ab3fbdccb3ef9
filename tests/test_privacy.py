"""Personal data on public pages and attachments: exact findings, and the full numbers never stored or shown."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import subprocess
import sys

import docx
import pytest

from monitor import service
from monitor.config import load_config
from monitor.demo.site import one_page_pdf, xlsx_bytes
from monitor.documents import document_text
from monitor.privacy import id_number_valid, luhn_valid, scan_text
from tests.conftest import config_text

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def make_id(first17: str) -> str:
    return first17 + "10X98765432"[sum(int(d) * w for d, w in zip(first17, WEIGHTS, strict=True)) % 11]


def bad_check_digit(number: str) -> str:
    return number[:17] + ("1" if number[17] != "1" else "2")


def make_card(prefix: str, length: int = 16) -> str:
    body = prefix + "0" * (length - len(prefix) - 1)
    for d in "0123456789":
        if luhn_valid(body + d):
            return body + d
    raise AssertionError


ID1, ID2, ID3 = make_id("11010119900307757"), make_id("34010220010215123"), make_id("44030620030918004")
CARD1, CARD2 = make_card("6222021234"), make_card("6217000098", 19)
MOBILES = ["13812345678", "13987654321", "15011112222", "18600001111"]


def test_id_number_rules():
    assert id_number_valid(ID1) and id_number_valid(ID2)
    assert not id_number_valid(bad_check_digit(ID1))
    assert not id_number_valid(make_id("11010119901337757"))  # month 13
    assert not id_number_valid(make_id("11010130000101123"))  # born in the future
    assert luhn_valid(CARD1) and not luhn_valid(CARD1[:-1] + str((int(CARD1[-1]) + 1) % 10))


def test_scan_text_counts_only_exposures():
    table = "\n".join(
        f"{n}\t{i}\t{m}"
        for n, i, m in zip(["张三", "李四", "王五"], [ID1, ID2, bad_check_digit(ID3)], MOBILES, strict=False)
    )
    found = {e.kind: e for e in scan_text(table)}
    assert found["id_number"].count == 2 and found["mobile"].count == 3
    assert found["id_number"].examples == (ID1[:3] + "*" * 11 + ID1[-4:], ID2[:3] + "*" * 11 + ID2[-4:])
    assert scan_text(f"咨询电话：{MOBILES[0]}，{MOBILES[1]}（李老师）") == ()  # contact numbers in prose
    assert scan_text("张三 340***********123X 138****1234 李四 110***********7571") == ()  # masked: compliant
    assert scan_text(f"项目编号 {CARD1}") == ()  # a lone Luhn-valid number without card context
    cards = {e.kind: e for e in scan_text(f"收款账户 银行卡号：{CARD1}")}
    assert cards["bank_card"].examples == (CARD1[:4] + "*" * 8 + CARD1[-4:],)


def pdf_with_text(lines: list[str]) -> bytes:
    """A minimal valid PDF (Helvetica, ASCII text): the demo's hand-written one."""
    return one_page_pdf(("BT /F1 11 Tf 50 780 Td " + " ".join(f"({x}) Tj 0 -16 Td" for x in lines) + " ET").encode())


def docx_with_table(rows: list[list[str]]) -> bytes:
    document = docx.Document()
    document.add_paragraph("2026年奖学金获奖学生名单")
    table = document.add_table(rows=0, cols=len(rows[0]))
    for row in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            cell.text = value
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def test_numbers_typed_in_full_width_are_found():
    # a Chinese input method in full-width mode types １１０１０１…: such a list of ID numbers and mobiles was clean
    full = str.maketrans("0123456789X-", "０１２３４５６７８９Ｘ－")
    table = "\n".join(
        f"{n}\t{i.translate(full)}\t{m[:3]}-{m[3:7]}-{m[7:]}".translate(full)
        for n, i, m in zip(["张三", "李四", "王五"], [ID1, ID2, ID3], MOBILES, strict=False)
    )
    found = {e.kind: e for e in scan_text(table)}
    assert found["id_number"].count == 3 and found["mobile"].count == 3
    assert found["id_number"].examples[0] == ID1[:3] + "*" * 11 + ID1[-4:]  # masked, in ASCII digits


def test_document_text_reads_pdf_docx_xlsx():
    assert ID1 in document_text(pdf_with_text([f"Zhang San {ID1}"]), "pdf")
    assert MOBILES[0] in document_text(docx_with_table([["张三", MOBILES[0]]]), "docx")
    assert CARD1 in document_text(xlsx_bytes([["姓名", "银行卡号"], ["张三", CARD1]]), "xlsx")
    assert document_text(b"not a pdf", "pdf") is None


HTML = "text/html; charset=utf-8"


@pytest.fixture
def privacy_site(site):
    rows = "".join(
        f"<tr><td>{n}</td><td>{i}</td><td>{m}</td></tr>"
        for n, i, m in zip(
            ["张三", "李四", "王五", "赵六"],
            [ID1, ID2, bad_check_digit(ID3), "340***********123X"],
            [*MOBILES[:3], "138****1234"],
            strict=True,
        )
    )
    pages = {
        "/xszz/list.htm": "<ul>"
        "<li><a href='/xszz/a1.htm'>2026年国家助学金获奖学生名单公示</a><span>2026-09-10</span></li>"
        "<li><a href='/xszz/a2.htm'>关于开展资助政策宣传的通知</a><span>2026-11-20</span></li>"
        "<li><a href='/xszz/a3.htm'>2026年奖学金评审结果公示</a><span>2026-11-18</span></li></ul>",
        "/xszz/a1.htm": f"<h1>2026年国家助学金获奖学生名单公示</h1><p>发布时间：2026-09-10</p><table>{rows}</table>",
        "/xszz/a2.htm": f"<h1>关于开展资助政策宣传的通知</h1><p>发布时间：2026-11-20</p>"
        f"<p>咨询电话：{MOBILES[0]}（张老师），{MOBILES[1]}（李老师）。</p>",
        "/xszz/a3.htm": "<h1>2026年奖学金评审结果公示</h1><p>发布时间：2026-11-18</p><p>附件："
        "<a href='/upload/zz.pdf'>名单.pdf</a> <a href='/upload/zz.docx'>名单.docx</a> "
        "<a href='/upload/zz.xlsx'>发放表.xlsx</a> <a href='/upload/ok.xlsx'>公示表.xlsx</a></p>",
    }
    for path, body in pages.items():
        site.overrides[path] = (200, f"<html><body>{body}</body></html>".encode(), {"Content-Type": HTML})
    site.overrides["/upload/zz.pdf"] = (
        200,
        pdf_with_text([f"Zhang San {ID3}", "Li Si 340***********123X"]),
        {"Content-Type": "application/pdf"},
    )
    site.overrides["/upload/zz.docx"] = (
        200,
        docx_with_table([["张三", MOBILES[0]], ["李四", MOBILES[1]], ["王五", MOBILES[3]]]),
        {"Content-Type": "application/octet-stream"},
    )
    site.overrides["/upload/zz.xlsx"] = (
        200,
        xlsx_bytes([["姓名", "银行卡号"], ["张三", CARD1], ["李四", CARD2]]),
        {"Content-Type": "application/octet-stream"},
    )
    site.overrides["/upload/ok.xlsx"] = (
        200,
        xlsx_bytes(
            [
                ["姓名", "身份证号", "电话"],
                ["张三", "110***********7571", "138****5678"],
                ["李四", "340***********1233", "139****4321"],
            ]
        ),
        {"Content-Type": "application/octet-stream"},
    )
    return site


SECRETS = [ID1, ID2, ID3, CARD1, CARD2, *MOBILES]


def test_privacy_findings_on_pages_and_attachments_are_exact_and_masked(tmp_path, privacy_site, base_url):
    path = tmp_path / "config.toml"
    path.write_text(
        config_text(base_url, columns=[("学生资助", "/xszz/list.htm", [37], "学生工作处")]), encoding="utf-8"
    )
    env = {k: v for k, v in os.environ.items() if k != "MONITOR_CONFIG"}

    def run(*args):
        return subprocess.run(
            [sys.executable, "-m", "monitor", "-vv", "--config", str(path), *args],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )

    check = run("check", "--format", "json", "--today", "2026-11-23", "--report")
    doc = json.loads(check.stdout)
    privacy = {f["url"].replace(base_url, ""): f for f in doc["findings"] if f["kind"] == "privacy"}
    assert set(privacy) == {"/xszz/a1.htm", "/upload/zz.pdf", "/upload/zz.docx", "/upload/zz.xlsx"}
    page = privacy["/xszz/a1.htm"]
    assert page["severity"] == "high"  # a 公示 still up 74 days later, past the 30-day 公示期
    assert "身份证号 2 个（如 110***********" in page["detail"] and "手机号 3 个" in page["detail"]
    assert "超过公示期（30 天）" in page["detail"]
    assert privacy["/upload/zz.pdf"]["severity"] == "medium"  # a recent 公示: still a finding
    assert "身份证号 1 个" in privacy["/upload/zz.pdf"]["detail"]
    assert "手机号 3 个" in privacy["/upload/zz.docx"]["detail"]
    assert "银行卡号 2 个" in privacy["/upload/zz.xlsx"]["detail"]
    digest = run("digest", "--dry-run", "--today", "2026-11-24")
    outputs = [check.stdout, check.stderr, digest.stdout, digest.stderr]
    files = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert any(p.name.startswith("digest-") for p in files) and any(p.name.startswith("report-") for p in files)
    for secret in SECRETS:
        for text in outputs:
            assert secret not in text
        for p in files:
            assert secret.encode() not in p.read_bytes(), (secret, p.name)


def test_privacy_scan_can_be_switched_off(tmp_path, privacy_site, base_url):
    from monitor import service
    from tests.conftest import NOW

    path = tmp_path / "config.toml"
    path.write_text(
        config_text(
            base_url, columns=[("学生资助", "/xszz/list.htm", [37], "学生工作处")], extra="[privacy]\nenabled = false\n"
        ),
        encoding="utf-8",
    )
    result = service.check(load_config(path), NOW)
    assert not [f for f in result.findings if f.kind == "privacy"]
    assert dt.date(2026, 11, 23) == NOW.date()


_PDF = "application/pdf"
_OCTET = "application/octet-stream"


@pytest.mark.parametrize(
    ("shown", "file", "served_as"),
    [
        # shown in the page, not linked
        ("<iframe src='/pdfjs/web/viewer.html?file=/upload/md.pdf' width='100%' height='800'></iframe>", "", _PDF),
        ("<embed src='/upload/md.pdf' type='application/pdf' width='100%'>", "", _PDF),
        ("<div class='wp_pdf_player' pdfsrc='/upload/md.pdf' sudyfile-attr=\"{'title':'名单.pdf'}\"></div>", "", _PDF),
        # linked in ways that name no file in the address: a download page, served as a PDF or as bytes named by
        # their Content-Disposition (博达's download.jsp), or a script the page defines
        ("<p>附件：<a href='/DownLoad.aspx?id=12'>获奖学生名单</a></p>", "/DownLoad.aspx?id=12", _PDF),
        ("<p>附件：<a href='/DownLoad.aspx?id=12'>获奖学生名单</a></p>", "/DownLoad.aspx?id=12", _OCTET),
        (
            "<a href='/system/_content/download.jsp?urltype=news.DownloadAttachUrl&owner=1&wbfileid=2'>名单.pdf</a>",
            "/system/_content/download.jsp?urltype=news.DownloadAttachUrl&owner=1&wbfileid=2",
            _OCTET,
        ),
        (
            "<script>function downFile(id){window.open('/upload/md.' + id);}</script><a href='javascript:downFile(\"pdf\")'>名单</a>",
            "",
            _PDF,
        ),
    ],
)
def test_a_name_list_however_the_page_offers_it_is_checked_for_personal_data(
    tmp_path, site, base_url, shown, file, served_as
):
    # the 公示 shows its PDF in a viewer, or links it through a download page or a script: its ID numbers are found
    site.overrides["/xszz/list.htm"] = (
        200,
        "<html><body><ul><li><a href='/xszz/a1.htm'>2026年国家助学金获奖学生名单公示</a><span>2026-11-10</span></li>"
        "</ul></body></html>".encode(),
        {"Content-Type": HTML},
    )
    site.overrides["/xszz/a1.htm"] = (
        200,
        f"<html><body><h1>2026年国家助学金获奖学生名单公示</h1><p>发布时间：2026-11-10</p>{shown}</body></html>".encode(),
        {"Content-Type": HTML},
    )
    file = file or "/upload/md.pdf"
    named = (
        {"Content-Disposition": "attachment; filename*=UTF-8''%E5%90%8D%E5%8D%95.pdf"} if served_as == _OCTET else {}
    )
    site.overrides[file] = (200, pdf_with_text([f"Zhang San {ID1}"]), {"Content-Type": served_as, **named})
    privacy = privacy_findings(tmp_path, base_url)
    assert set(privacy) == {file}
    assert "身份证号 1 个" in privacy[file]["detail"]


def privacy_findings(tmp_path, base_url: str) -> dict[str, dict]:
    """The privacy findings, by path, of a check on 2026-11-23 of a 学生资助 column at /xszz/list.htm."""
    path = tmp_path / "config.toml"
    path.write_text(config_text(base_url, columns=[("学生资助", "/xszz/list.htm", [37], "学生工作处")]), "utf-8")
    today = dt.datetime(2026, 11, 23, 8, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    findings = service.check(load_config(path), today).document["findings"]
    return {f["url"].replace(base_url, ""): f for f in findings if f["kind"] == "privacy"}
