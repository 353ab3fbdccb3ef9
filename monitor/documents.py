"""The text of an attachment (a 公示 list's PDF, DOC, XLS…), read as what its bytes are, not what it is named.
Pure: bytes in, text out (None where a file cannot be read: reported as unread, never a crash).

Systems' "export to Word/Excel" write HTML, Word 2003 XML, a web archive (MHT) or a CSV and name it .doc or .xls;
a DOCX is renamed .doc; a download page names no file at all. ``document_kind`` tells the kind a link or a response
names (its address, its link's text, its Content-Disposition name, its type); ``document_text`` sniffs the bytes
(``sniffed_kind``) and hands them to the reader of what they are: pypdf, the DOCX's XML parts, openpyxl, xlrd,
``worddoc`` (Word 97–2003), the page reader (HTML), the standard library's email parser (MHT), the text objects of
an OFD's pages (GB/T 33190, the national layout format of e-government documents), striprtf (RTF).
"""

from __future__ import annotations

import email
import email.message
import io
import logging
import re
import zipfile
from collections.abc import Mapping

log = logging.getLogger(__name__)

# the kind of document an extension names; WPS saves .wps in Word 97's format (read where it is one)
TEXT_DOCUMENTS = {
    **{"pdf": "pdf", "docx": "docx", "xlsx": "xlsx", "xls": "xls", "doc": "doc", "wps": "doc", "csv": "text"},
    "ofd": "ofd",  # GB/T 33190, the national layout format of e-government documents
    "rtf": "rtf",
}
MAX_ZIP_MEMBER = 50 * 1024 * 1024  # a DOCX/XLSX whose XML inflates beyond this is not read (zip bomb)


def document_kind(url: str, content_type: str = "", name: str = "") -> str | None:
    """The kind of text document (pdf, docx, xlsx, xls, doc, text) at ``url``, by its address, else by the file
    ``name`` it is given (the link's text 名单.xlsx, a Content-Disposition filename: ``filename_of``), else by its
    type; None for anything else (an image, an archive, a page)."""
    for named in (url.split("?", 1)[0], name):
        ext = named.strip().lower().rpartition(".")[2]
        if "." in named and ext in TEXT_DOCUMENTS:
            return TEXT_DOCUMENTS[ext]
    ctype = content_type.lower()
    if "msword" in ctype:
        return "doc"
    if "pdf" in ctype:
        return "pdf"
    if "wordprocessingml" in ctype:
        return "docx"
    if "spreadsheetml" in ctype:
        return "xlsx"
    if "ms-excel" in ctype:
        return "xls"
    return None


def served_kind(url: str, headers: Mapping) -> str | None:
    """The kind of text document a response is, by its address, its Content-Disposition name or its type."""
    disposition = filename_of(headers.get("content-disposition", ""))
    return document_kind(url, headers.get("content-type", ""), disposition)


def filename_of(disposition: str) -> str:
    """The file name a Content-Disposition header gives (``attachment; filename*=UTF-8''%E5%90%8D%E5%8D%95.xlsx``,
    ``filename="md.pdf"``), or "": a download page's bytes (application/octet-stream) are named so."""
    if "filename" not in disposition.lower():
        return ""
    header = email.message.Message()
    header["Content-Disposition"] = disposition
    return header.get_filename() or ""


def _zip_is_sane(body: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(body)) as z:
            return sum(i.file_size for i in z.infolist()) <= MAX_ZIP_MEMBER
    except zipfile.BadZipFile:
        return False


def document_text(body: bytes, kind: str) -> str | None:
    """The text of a document named (or served as) ``kind``, read as what its bytes are (``sniffed_kind``): PDF,
    DOCX, XLSX, XLS, Word 97–2003, HTML, a web archive, a text export. None where it cannot be read (Word 95 and
    older, encrypted or damaged files): reported as unread, never a crash."""
    try:
        reader = _READERS.get(sniffed_kind(body, kind))
        return reader(body) if reader else None
    except Exception as exc:  # a damaged or unusual file
        log.info("could not read a document named %s: %s", kind, exc)
        return None


_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # a compound file (Word 97–2003, Excel 97–2003)
_MIME_HEADERS = (b"mime-version:", b"from:", b"content-type:", b"date:", b"subject:")


def sniffed_kind(body: bytes, named: str) -> str:
    """What a document's bytes are, whatever it is named: systems' "export to Word/Excel" write HTML (or Word 2003
    XML, a web archive, a CSV) and name it .doc or .xls; a DOCX is renamed .doc, an Excel 97 file .xlsx."""
    head = body[:256].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"%pdf"):
        return "pdf"
    if body.startswith(b"PK\x03\x04"):
        return _zip_kind(body) or named
    if body.startswith(_OLE):
        from monitor.worddoc import is_word97

        return "doc" if is_word97(body) else "xls"
    if head.startswith(b"<"):
        return "html"
    if head.startswith(_MIME_HEADERS):
        return "mht"
    if head.startswith(b"{\\rtf"):
        return "rtf"  # (Word's "save as RTF", named .doc by many export templates)
    if named in ("xls", "xlsx") and body and b"\x00" not in body[:4096]:
        return "text"  # a CSV or tab-separated export named .xls
    return named


def _zip_kind(body: bytes) -> str | None:
    try:
        with zipfile.ZipFile(io.BytesIO(body)) as z:
            names = set(z.namelist())
    except zipfile.BadZipFile:
        return None
    if "word/document.xml" in names:
        return "docx"
    return "xlsx" if "xl/workbook.xml" in names else "ofd" if "OFD.xml" in names else None


def _pdf_text(body: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(body))
    return "\n".join((page.extract_text() or "") for page in reader.pages[:200])


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DOCX_PARTS_RE = re.compile(r"^word/(?:document|header\d*|footer\d*|footnotes|endnotes)\.xml$")


def _xml_members(body: bytes, pattern: re.Pattern, key=None) -> list | None:
    """The parsed XML of the ZIP members whose names ``pattern`` finds, sorted by ``key`` (no entities resolved,
    no network); None for a ZIP inflating past MAX_ZIP_MEMBER (a zip bomb)."""
    if not _zip_is_sane(body):
        return None
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    with zipfile.ZipFile(io.BytesIO(body)) as z:
        names = sorted((n for n in z.namelist() if pattern.search(n)), key=key)
        return [etree.fromstring(z.read(name), parser) for name in names]


def _docx_text(body: bytes) -> str | None:
    """Every paragraph of a DOCX, a line each: the body's, its tables' and the tables nested in their cells, text
    boxes', headers', footers' and notes' (python-docx's paragraphs and tables leave nested tables and headers out,
    and a 公示 list laid out in a table inside a table read as empty)."""
    parts = _xml_members(body, _DOCX_PARTS_RE)
    if parts is None:
        return None
    tab, text = _W + "tab", _W + "t"
    paragraphs = (p for root in parts for p in root.iter(_W + "p"))
    return "\n".join("".join("\t" if t.tag == tab else t.text or "" for t in p.iter(text, tab)) for p in paragraphs)


def _ofd_text(body: bytes) -> str | None:
    """An OFD's text (GB/T 33190: a ZIP of XML), a line per text object, page after page. A producer writing each
    character as an object of its own gives a character a line (a number split so is not read whole)."""
    pages = _xml_members(body, _OFD_PAGE_RE, key=lambda n: [int(d) for d in re.findall(r"\d+", n)])
    if pages is None:
        return None
    objects = (obj for root in pages for obj in root.iter("{*}TextObject"))  # (any namespace: producers vary)
    return "\n".join("".join(code.text or "" for code in obj.iter("{*}TextCode")) for obj in objects)


_OFD_PAGE_RE = re.compile(r"/Pages/[^/]+/Content\.xml$")


def _xlsx_text(body: bytes) -> str | None:
    if not _zip_is_sane(body):
        return None
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(body), read_only=True, data_only=True)
    lines = []
    for sheet in book.worksheets:
        for row in sheet.iter_rows(values_only=True):
            lines.append("\t".join("" if v is None else str(v) for v in row))
    book.close()
    return "\n".join(lines)


def _xls_text(body: bytes) -> str:
    import xlrd

    book = xlrd.open_workbook(file_contents=body, logfile=_LOG_FILE)  # (its warnings went to stdout)
    return "\n".join(
        "\t".join(str(v) for v in sheet.row_values(r)) for sheet in book.sheets() for r in range(sheet.nrows)
    )


def _word97_text(body: bytes) -> str:
    from monitor.worddoc import word97_text

    return word97_text(body)


def _rtf_text(body: bytes) -> str:
    """An RTF's text, by striprtf (BSD-3-Clause): its \\'hh escapes decoded in the code page its \\ansicpg names
    (936 for GBK), its \\uN ones as Unicode."""
    from striprtf.striprtf import rtf_to_text

    return rtf_to_text(body.decode("latin-1"), errors="replace")


def _html_text(body: bytes) -> str:
    from monitor.parse import page_lines

    return page_lines(body)


def _plain_text(body: bytes) -> str:
    from monitor.htmlpage import decode_html  # (a BOM, else UTF-8, else GB18030: as pages are decoded)

    return decode_html(body)[0]


class _LogLines(io.TextIOBase):
    """A text stream whose lines go to this module's log: xlrd writes its warnings to the ``logfile`` it is given,
    stdout by default, where they broke ``monitor check --format json``'s output."""

    def write(self, text: str) -> int:
        if text.strip():
            log.info("xlrd: %s", text.strip())
        return len(text)


_LOG_FILE = _LogLines()


def _web_archive_text(body: bytes) -> str | None:
    """The text of a web archive's (MHT's) HTML part: Word's 单个文件网页, saved or exported as .doc."""
    from monitor.parse import page_lines

    message = email.message_from_bytes(body)
    part = next((p for p in message.walk() if p.get_content_type() == "text/html"), None)
    html = part.get_payload(decode=True) if part is not None else None
    if not isinstance(html, bytes):
        return None
    charset = part.get_content_charset()
    return page_lines(html, {"content-type": f"text/html; charset={charset}"} if charset else None)


_READERS = {
    "pdf": _pdf_text,
    "docx": _docx_text,
    "xlsx": _xlsx_text,
    "xls": _xls_text,
    "doc": _word97_text,
    "ofd": _ofd_text,
    "rtf": _rtf_text,
    "html": _html_text,
    "mht": _web_archive_text,
    "text": _plain_text,
}
