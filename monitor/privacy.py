"""Personal data that must not be public (教财厅函〔2017〕28号; 29号令 第十条). Pure: text in, exposures out.

Detected: 18-digit resident ID numbers (GB 11643 check digit, a plausible birth date, a real province
code), mainland mobile numbers, and bank card numbers (Luhn). Only exposures count: any valid ID number;
three or more distinct mobile numbers (a list — one or two contact numbers in prose are normal); bank card
numbers where the text speaks of cards or accounts, or three or more of them. Masked numbers
(``340***********123X``, ``138****1234``) do not match and are compliant.

The full numbers never leave this module: an :class:`Exposure` carries a count and masked examples.
"""

from __future__ import annotations

import datetime as dt
import email
import email.message
import io
import logging
import re
import zipfile
from dataclasses import dataclass

_ID_RE = re.compile(r"(?<![0-9A-Za-z*])([1-8]\d{5})((?:19|20)\d{2})(\d{2})(\d{2})(\d{3})([0-9Xx])(?![0-9A-Za-z*])")
_MOBILE_RE = re.compile(r"(?<![0-9*])(1[3-9]\d)[ -]?(\d{4})[ -]?(\d{4})(?![0-9*])")
_CARD_RE = re.compile(r"(?<![0-9*])(\d{4}(?:[ ]?\d{4}){3}(?:[ ]?\d{1,3})?)(?![0-9*])")
_CARD_CONTEXT_RE = re.compile(r"银行卡|卡号|账号|帐号|开户行|开户银行|收款账户|工资卡")
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"
PUBLICITY_TITLE_RE = re.compile(r"公示|名单|资助|奖学金|助学金|录取|评选结果|获奖")

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Exposure:
    kind: str  # id_number | mobile | bank_card
    count: int
    examples: tuple[str, ...]  # masked

    @property
    def label(self) -> str:
        return {"id_number": "身份证号", "mobile": "手机号", "bank_card": "银行卡号"}[self.kind]


def id_number_valid(number: str, today: dt.date | None = None) -> bool:
    """GB 11643: the check digit, a real date of birth no later than today and at most 120 years ago."""
    if len(number) != 18 or not number[:17].isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(number[:17], _WEIGHTS, strict=True))
    if _CHECK[total % 11] != number[17].upper():
        return False
    try:
        born = dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return False
    today = today or dt.date.today()
    return born <= today and today.year - born.year <= 120


def luhn_valid(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        n = int(ch)
        if i % 2:
            n = n * 2 - 9 if n > 4 else n * 2
        total += n
    return total % 10 == 0


def mask(kind: str, number: str) -> str:
    if kind == "id_number":
        return number[:3] + "*" * 11 + number[-4:]
    if kind == "mobile":
        return number[:3] + "****" + number[-4:]
    return number[:4] + "*" * (len(number) - 8) + number[-4:]


# a number typed with a Chinese input method in full-width mode: １１０１０１…, １３８－１２３４－５６７８
_HALF_WIDTH = str.maketrans("０１２３４５６７８９Ｘｘ－　", "0123456789Xx- ")


def scan_text(text: str, today: dt.date | None = None) -> tuple[Exposure, ...]:
    """The personal-data exposures in a page's or a document's text (full-width digits read as digits)."""
    text = text.translate(_HALF_WIDTH)
    ids: list[str] = []
    for m in _ID_RE.finditer(text):
        number = "".join(m.groups()).upper()
        if id_number_valid(number, today) and number not in ids:
            ids.append(number)
    mobiles: list[str] = []
    for m in _MOBILE_RE.finditer(text):
        number = "".join(m.groups())
        if number not in mobiles:
            mobiles.append(number)
    cards: list[str] = []
    for m in _CARD_RE.finditer(text):
        number = m.group(1).replace(" ", "")
        if (
            16 <= len(number) <= 19
            and luhn_valid(number)
            and number not in cards
            and not (len(number) == 18 and number in ids)
        ):
            cards.append(number)
    out = []
    if ids:
        out.append(Exposure("id_number", len(ids), tuple(mask("id_number", n) for n in ids[:3])))
    if len(mobiles) >= 3:
        out.append(Exposure("mobile", len(mobiles), tuple(mask("mobile", n) for n in mobiles[:3])))
    if cards and (len(cards) >= 3 or _CARD_CONTEXT_RE.search(text)):
        out.append(Exposure("bank_card", len(cards), tuple(mask("bank_card", n) for n in cards[:3])))
    return tuple(out)


# --- text of documents -----------------------------------------------------------------------

# the kind of document an extension names; WPS saves .wps in Word 97's format (read where it is one)
TEXT_DOCUMENTS = {"pdf": "pdf", "docx": "docx", "xlsx": "xlsx", "xls": "xls", "doc": "doc", "wps": "doc"}
MAX_ZIP_MEMBER = 50 * 1024 * 1024  # a DOCX/XLSX whose XML inflates beyond this is not read (zip bomb)


def document_kind(url: str, content_type: str = "", name: str = "") -> str | None:
    """The kind of text document (pdf, docx, xlsx, xls, doc) at ``url``, by its address, else by the file ``name``
    it is given (the link's text 名单.xlsx, a Content-Disposition filename: ``filename_of``), else by its type."""
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
    if named in ("xls", "xlsx") and body and b"\x00" not in body[:4096]:
        return "text"  # a CSV or tab-separated export named .xls
    return named


def _zip_kind(body: bytes) -> str | None:
    try:
        with zipfile.ZipFile(io.BytesIO(body)) as z:
            names = set(z.namelist())
    except zipfile.BadZipFile:
        return None
    return "docx" if "word/document.xml" in names else "xlsx" if "xl/workbook.xml" in names else None


def _pdf_text(body: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(body))
    return "\n".join((page.extract_text() or "") for page in reader.pages[:200])


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DOCX_PARTS_RE = re.compile(r"word/(?:document|header\d*|footer\d*|footnotes|endnotes)\.xml")


def _docx_text(body: bytes) -> str | None:
    """Every paragraph of a DOCX, a line each: the body's, its tables' and the tables nested in their cells, text
    boxes', headers', footers' and notes' (python-docx's paragraphs and tables leave nested tables and headers out,
    and a 公示 list laid out in a table inside a table read as empty)."""
    if not _zip_is_sane(body):
        return None
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    lines = []
    with zipfile.ZipFile(io.BytesIO(body)) as z:
        for name in sorted(n for n in z.namelist() if _DOCX_PARTS_RE.fullmatch(n)):
            root = etree.fromstring(z.read(name), parser)
            for paragraph in root.iter(_W + "p"):
                lines.append(
                    "".join("\t" if t.tag == _W + "tab" else t.text or "" for t in paragraph.iter(_W + "t", _W + "tab"))
                )
    return "\n".join(lines)


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


def _html_text(body: bytes) -> str:
    from monitor.parse import page_lines

    return page_lines(body)


def _plain_text(body: bytes) -> str:
    if body.startswith(b"\xef\xbb\xbf"):
        return body[3:].decode("utf-8", errors="replace")
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        return body.decode("gb18030", errors="replace")


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
    "html": _html_text,
    "mht": _web_archive_text,
    "text": _plain_text,
}
