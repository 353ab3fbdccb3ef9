"""Attachments read for personal data: real Word and Excel files (textract's, Apache POI's), never written here; the
exports named as them (HTML, MHT, CSV) read as what they are."""

from __future__ import annotations

import datetime as dt
import io
import quopri
import shutil
import struct
import zipfile
from pathlib import Path

import docx
import olefile
import pytest

from monitor import service
from monitor.config import load_config
from monitor.demo.site import xlsx_bytes
from monitor.documents import document_kind, document_text
from monitor.privacy import scan_text
from monitor.store import open_store
from monitor.worddoc import NotWord97, is_word97, word97_text
from tests.conftest import config_text
from tests.test_privacy import HTML, ID1, ID2, MOBILES, privacy_findings

DOCS = Path(__file__).parent / "fixtures" / "documents"


def _doc(name: str) -> bytes:
    return (DOCS / name).read_bytes()


@pytest.mark.parametrize("name", ["textract-raw_text.doc", "textract-raw_text.rtf"])
def test_a_real_word_file_reads_as_its_upstream_expected_text(name):
    # textract's raw_text.doc (Word for Mac 2011) and its RTF, against the text its project expects from both: every
    # line, in order
    text = " ".join(document_text(_doc(name), "doc").split())
    expected = [" ".join(line.split()) for line in (DOCS / "textract-raw_text.txt").read_text("utf-8").splitlines()]
    at = 0
    for line in filter(None, expected):
        found = text.find(line, at)
        assert found >= 0, line[:60]
        at = found + len(line)
    assert "HYPERLINK" not in text  # a field's instruction is not its text


def test_a_chinese_word_file_reads_its_paragraphs_table_header_and_footer():
    # Apache POI's 61490.doc: Chinese headings and paragraphs (UTF-16 pieces), a 3×3 table, a header and a footer
    text = word97_text(_doc("poi-61490.doc"))
    assert "居中的大标题" in text and "章节1.1的内容，有点长" in text
    assert "11\t12\t13" in text and "31\t32\t33" in text  # a table's cells, a tab apart
    assert "页眉左" in text and "页脚内容" in text
    assert is_word97(_doc("poi-61490.doc"))


@pytest.mark.parametrize(
    "body",
    [
        _doc("poi-Word6.doc"),  # Word 6: another layout of the text
        _doc("poi-password_password_cryptoapi.doc"),  # encrypted
        _doc("poi-61490.doc")[:6000],  # cut short in the download
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600,  # a compound file's signature over nothing
        b"\x00\x01binary junk" * 40,
    ],
    ids=["word6", "encrypted", "truncated", "bare-signature", "junk"],
)
def test_a_doc_that_cannot_be_read_is_unread_not_misread(body):
    assert document_text(body, "doc") is None
    if body.startswith(b"\xd0\xcf\x11\xe0") and is_word97(body):
        with pytest.raises(NotWord97):
            word97_text(body)


_ROWS = f"<tr><td>张三</td><td>{ID1}</td><td>{MOBILES[0]}</td></tr><tr><td>李四</td><td>{ID2}</td><td>{MOBILES[1]}</td></tr>"
_WORD_HTML = (
    '<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">'
    '<head><meta http-equiv=Content-Type content="text/html; charset=gb2312"><meta name=ProgId content=Word.Document>'
    f"</head><body><p>2026年国家助学金获奖学生名单</p><table>{_ROWS}</table></body></html>"
)


@pytest.mark.parametrize(
    "body",
    [
        _WORD_HTML.encode("gb2312"),  # a system's "导出 Word": HTML, GB2312, served as application/msword
        b"\xef\xbb\xbf\r\n" + _WORD_HTML.replace("gb2312", "utf-8").encode(),
        (  # Word 2003 XML (WordprocessingML), another export
            '<?xml version="1.0" encoding="UTF-8"?><?mso-application progid="Word.Document"?>'
            '<w:wordDocument xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml"><w:body>'
            f"<w:p><w:r><w:t>张三 {ID1}</w:t></w:r></w:p><w:p><w:r><w:t>李四 {ID2}</w:t></w:r></w:p></w:body></w:wordDocument>"
        ).encode(),
        (  # a web archive (MHT), its HTML quoted-printable in GB2312: Word's 单个文件网页 saved as .doc
            b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="----=_NextPart_01"\r\n\r\n'
            b"------=_NextPart_01\r\nContent-Location: file:///C:/md.htm\r\nContent-Transfer-Encoding: quoted-printable\r\n"
            b'Content-Type: text/html; charset="gb2312"\r\n\r\n'
        )
        + quopri.encodestring(_WORD_HTML.encode("gb2312"))
        + b"\r\n------=_NextPart_01--\r\n",
    ],
    ids=["word-html-gb2312", "word-html-bom", "word-2003-xml", "mht"],
)
def test_a_doc_that_is_html_xml_or_a_web_archive_is_read_as_what_it_is(body):
    # "export to Word" in many school systems writes HTML and names it .doc: its ID numbers were never read
    text = document_text(body, "doc")
    found = {e.kind: e.count for e in scan_text(text)}
    assert found.get("id_number") == 2
    assert "张三" in text


@pytest.mark.parametrize(
    ("body", "named"),
    [
        (  # a system's "导出 Excel": an HTML table in GBK, served as application/vnd.ms-excel
            (
                '<html xmlns:x="urn:schemas-microsoft-com:office:excel"><head><meta charset="gbk"></head><body>'
                f"<table>{_ROWS}</table></body></html>"
            ).encode("gbk"),
            "xls",
        ),
        (f"姓名,身份证号,手机\r\n张三,{ID1},{MOBILES[0]}\r\n李四,{ID2},{MOBILES[1]}\r\n".encode("gbk"), "xls"),
        (f"\ufeff姓名,身份证号\r\n张三,{ID1}\r\n李四,{ID2}\r\n".encode(), "text"),  # a .csv, UTF-8 with a BOM
        (xlsx_bytes([["姓名", "身份证号"], ["张三", ID1], ["李四", ID2]]), "xls"),  # an .xlsx renamed .xls
        (None, "xls"),  # a Word 97 file named .xls: made in the test (with_text)
    ],
    ids=["excel-html-gbk", "csv-gbk", "csv", "xlsx-named-xls", "word97-named-xls"],
)
def test_a_spreadsheet_export_is_read_as_what_it_is(tmp_path, body, named):
    # "export to Excel" writes an HTML table or a CSV and names it .xls; xlrd refused them and they went unread
    body = body if body is not None else with_text(tmp_path, f"张三 {ID1} 李四 {ID2}")
    found = {e.kind: e.count for e in scan_text(document_text(body, named))}
    assert found.get("id_number") == 2


def test_a_docx_list_in_a_table_inside_a_table_and_its_header_are_read():
    # a 公示 laid out in a table inside a layout table: python-docx's paragraphs and tables left nested tables (and
    # headers) out, and the list read as empty
    document = docx.Document()
    document.add_paragraph("2026年国家助学金获奖学生名单")
    inner = document.add_table(rows=1, cols=1).cell(0, 0).add_table(rows=2, cols=2)
    for row, (name, number) in enumerate([("张三", ID1), ("李四", ID2)]):
        inner.cell(row, 0).text, inner.cell(row, 1).text = name, number
    document.sections[0].header.paragraphs[0].text = f"联系人 王五\t{MOBILES[0]}"
    out = io.BytesIO()
    document.save(out)
    text = document_text(out.getvalue(), "docx")
    assert {e.kind: e.count for e in scan_text(text)} == {"id_number": 2}
    assert f"王五\t{MOBILES[0]}" in text  # the header, its tab kept


def test_a_chinese_rtf_named_doc_is_read_in_its_code_page():
    # Word's "save as RTF" (\ansicpg936: GBK bytes as \'hh escapes, or \uN), named .doc by an export template
    gbk = "".join(f"\\'{b:02x}" for b in "张三".encode("gbk"))
    rtf = rf"{{\rtf1\ansi\ansicpg936\deff0{{\fonttbl{{\f0\fcharset134 SimSun;}}}}\f0 {gbk} {ID1}\par \u26446?\u22235? {ID2}\par}}"
    text = document_text(rtf.encode(), "doc")
    assert text.splitlines()[:2] == [f"张三 {ID1}", f"李四 {ID2}"]
    assert {e.kind: e.count for e in scan_text(text)} == {"id_number": 2}


def test_a_docx_named_doc_is_read_as_the_docx_it_is():
    document = docx.Document()
    document.add_paragraph(f"张三 {ID1}")
    out = io.BytesIO()
    document.save(out)
    assert ID1 in document_text(out.getvalue(), "doc")


def test_doc_and_wps_names_and_the_word_content_type_are_documents():
    assert document_kind("http://x.edu.cn/upload/名单.DOC") == "doc"
    assert document_kind("http://x.edu.cn/DownLoad.aspx?id=3", name="获奖名单.wps") == "doc"
    assert document_kind("http://x.edu.cn/DownLoad.aspx?id=3", "application/msword") == "doc"
    assert document_kind("http://x.edu.cn/upload/名单.docx") == "docx"
    assert document_kind("http://x.edu.cn/upload/名单.csv") == "text"


def with_text(tmp_path: Path, text: str) -> bytes:
    """POI's 61490.doc with ``text`` written over the same number of characters of its own (from 章节1.1的内容 on),
    in place in its WordDocument stream: a real Word file whose piece table is untouched."""
    path = tmp_path / "md.doc"
    shutil.copy(DOCS / "poi-61490.doc", path)
    with olefile.OleFileIO(str(path), write_mode=True) as ole:
        word = ole.openstream("WordDocument").read()
        at = word.find("章节1.1的内容".encode("utf-16-le"))
        assert at > 0
        new = text.encode("utf-16-le")
        ole.write_stream("WordDocument", word[:at] + new + word[at + len(new) :])
    return path.read_bytes()


def test_personal_data_in_a_doc_is_found(tmp_path):
    body = with_text(tmp_path, f"张三 {ID1} {MOBILES[0]} 李四 {ID2} {MOBILES[1]} 王五 {MOBILES[2]}")
    found = {e.kind: e.count for e in scan_text(document_text(body, "doc"))}
    assert found == {"id_number": 2, "mobile": 3}


def _publicity(site, attachments: str) -> None:
    """A 学生资助 column of one 公示 whose page offers ``attachments`` (links)."""
    title = "2026年国家助学金获奖学生名单公示"
    listing = f"<ul><li><a href='/xszz/a1.htm'>{title}</a><span>2026-11-10</span></li></ul>"
    article = f"<h1>{title}</h1><p>发布时间：2026-11-10</p><p>附件：{attachments}</p>"
    for path, body in (("/xszz/list.htm", listing), ("/xszz/a1.htm", article)):
        site.overrides[path] = (200, f"<html><body>{body}</body></html>".encode(), {"Content-Type": HTML})


@pytest.mark.parametrize(
    ("link", "headers"),
    [
        ("<a href='/upload/md.doc'>获奖学生名单.doc</a>", {}),
        ("<a href='/DownLoad.aspx?id=7'>获奖学生名单.wps</a>", {}),
        ("<a href='/DownLoad.aspx?id=7'>获奖学生名单</a>", {"Content-Type": "application/msword"}),
    ],
    ids=["doc", "wps-named-by-its-link", "served-as-msword"],
)
def test_a_name_list_published_as_a_doc_is_checked_for_personal_data(tmp_path, site, base_url, link, headers):
    # 公示 lists are still posted as Word 97 files; they were not read at all (README: .doc 不做检查)
    _publicity(site, link)
    file = "/upload/md.doc" if "md.doc" in link else "/DownLoad.aspx?id=7"
    body = with_text(tmp_path, f"张三 {ID1} 李四 {ID2}")
    site.overrides[file] = (200, body, {"Content-Type": "application/octet-stream", **headers})
    privacy = privacy_findings(tmp_path, base_url)
    assert set(privacy) == {file}
    assert "身份证号 2 个" in privacy[file]["detail"] and ID1 not in privacy[file]["detail"]


def looping(body: bytes, declared: int) -> bytes:
    """``body`` with its WordDocument stream declared ``declared`` bytes long over a chain of sectors whose last
    points back to its first: a hostile file of the original's size."""
    out = bytearray(body)
    entry = out.find("WordDocument".encode("utf-16-le"))
    start = struct.unpack_from("<I", out, entry + 0x74)[0]  # the directory entry's first sector, then its size
    struct.pack_into("<I", out, entry + 0x78, declared)
    with olefile.OleFileIO(io.BytesIO(body)) as ole:
        last = start
        while ole.fat[last] != olefile.ENDOFCHAIN:
            last = ole.fat[last]
    fat_sector = struct.unpack_from("<I", body, 0x4C + 4 * (last // 128))[0]  # the header's list of FAT sectors
    struct.pack_into("<I", out, 512 + 512 * fat_sector + 4 * (last % 128), start)
    return bytes(out)


def test_a_doc_declaring_more_than_its_own_size_is_refused_not_inflated():
    # olefile follows a chain for as many sectors as the size declares: a 31 KB file declaring 2 GB over a looping
    # chain made the reader allocate 2 GB (a MemoryError under a 1.5 GB limit, after 9 s); 400 MB here
    body = looping(_doc("poi-61490.doc"), 400_000_000)
    with pytest.raises(NotWord97):
        word97_text(body)
    assert document_text(body, "doc") is None


def test_a_damaged_xls_is_read_without_writing_to_stdout(capsys):
    # a download handler padding the file (Apache POI's 12561-1.xls + 77 bytes): xlrd printed "WARNING *** file
    # size (32845) not 512 + multiple of sector size" on stdout, in the middle of `monitor check --format json`
    body = _doc("poi-12561-1.xls") + b"\0" * 77
    assert "作業" in document_text(body, "xls")
    assert document_text(_doc("poi-12561-1.xls")[:24576], "xls") is None  # cut short: unread
    assert capsys.readouterr().out == ""


def _blank_pdf() -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(595, 842)  # a scanned list's page: an image, no text layer (here: nothing)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_attachments_that_could_not_be_checked_are_said_so_not_called_clean(tmp_path, site, base_url):
    # a scanned 名单.pdf (no text), an encrypted .doc and one cut at max_body_mb were "checked" and clean: the office
    # took a column of unchecked files for a compliant one. Its reason now says which were not checked, run after run
    files = {
        "/upload/scan.pdf": ("扫描名单.pdf", _blank_pdf()),
        "/upload/locked.doc": ("加密名单.doc", _doc("poi-password_password_cryptoapi.doc")),
        "/upload/big.doc": ("大名单.doc", _doc("poi-61490.doc") * 2),
    }
    links = "".join(f"<a href='{path}'>{name}</a> " for path, (name, _) in files.items())
    _publicity(site, links)
    for path, (_, body) in files.items():
        site.overrides[path] = (200, body, {"Content-Type": "application/octet-stream"})
    path = tmp_path / "config.toml"
    columns = [("学生资助", "/xszz/list.htm", [37], "学生工作处")]
    path.write_text(config_text(base_url, str(tmp_path / "m.db"), columns, crawl="max_body_mb = 0.05"), "utf-8")
    today = dt.datetime(2026, 11, 23, 8, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    for run in (1, 2):  # the second run does not download them again: the store remembers why
        document = service.check(load_config(path), today + dt.timedelta(minutes=run)).document
        (column,) = document["columns"]
        assert "3 个附件未能检查个人信息（如「" in column["reason"], column["reason"]
    with open_store(tmp_path / "m.db") as store:
        stored = store.attachments_of([f"{base_url}/xszz/a1.htm"])
    unread = {u.url.replace(base_url, ""): u.unread for u in stored}
    assert unread == {
        "/upload/scan.pdf": "文件中没有可读的文字（可能是扫描图片）",
        "/upload/locked.doc": "文件无法读取（加密、损坏或 Word 95 以前的格式）",
        "/upload/big.doc": "文件超过 max_body_mb（0.05 MB），未完整下载",
    }


def test_an_ofd_reads_as_its_upstream_expected_text_and_a_government_documents_lines():
    # OFD (GB/T 33190), the national format of e-government documents: ofdrw's helloworld.ofd against the text its
    # project's ContentExtractorTest expects, and a real 公文 (a text object a line)
    assert document_text(_doc("ofdrw-helloworld.ofd"), "ofd") == "你好呀，OFD Reader&Writer！"
    text = document_text(_doc("ofdrw-n.ofd"), "ofd").splitlines()
    assert text[:3] == ["测试符路桥区卫生局文件", "路卫发〔2011〕76号", "关于同意张阿三同志辞职的批复"]
    assert document_kind("http://x.edu.cn/upload/名单.ofd") == "ofd"


def test_personal_data_in_an_ofd_is_found(tmp_path):
    # ofdrw's helloworld.ofd with its page's text object holding a list (the ZIP rewritten, the rest as it was)
    names = f"张三 {ID1} 李四 {ID2}"
    source = zipfile.ZipFile(io.BytesIO(_doc("ofdrw-helloworld.ofd")))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for info in source.infolist():
            data = source.read(info)
            if info.filename.endswith("Content.xml"):
                data = data.decode().replace("你好呀，OFD Reader&amp;Writer！", names).encode()
            z.writestr(info, data)
    found = {e.kind: e.count for e in scan_text(document_text(out.getvalue(), "doc"))}  # (named .doc: sniffed)
    assert found == {"id_number": 2}


def test_an_rtf_list_linked_from_a_publicity_page_is_checked(tmp_path, site, base_url):
    # an .rtf link was not even taken for an attachment (no extension of a file a page offers named it)
    gbk = "".join(f"\\'{b:02x}" for b in "张三".encode("gbk"))
    _publicity(site, "<a href='/upload/md.rtf'>获奖学生名单.rtf</a>")
    rtf = rf"{{\rtf1\ansi\ansicpg936 {gbk} {ID1}\par {gbk} {ID2}\par}}".encode()
    site.overrides["/upload/md.rtf"] = (200, rtf, {"Content-Type": "application/rtf"})
    privacy = privacy_findings(tmp_path, base_url)
    assert set(privacy) == {"/upload/md.rtf"} and "身份证号 2 个" in privacy["/upload/md.rtf"]["detail"]
