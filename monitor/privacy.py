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
import re
from dataclasses import dataclass

_ID_RE = re.compile(r"(?<![0-9A-Za-z*])([1-8]\d{5})((?:19|20)\d{2})(\d{2})(\d{2})(\d{3})([0-9Xx])(?![0-9A-Za-z*])")
_MOBILE_RE = re.compile(r"(?<![0-9*])(1[3-9]\d)[ -]?(\d{4})[ -]?(\d{4})(?![0-9*])")
_CARD_RE = re.compile(r"(?<![0-9*])(\d{4}(?:[ ]?\d{4}){3}(?:[ ]?\d{1,3})?)(?![0-9*])")
_CARD_CONTEXT_RE = re.compile(r"银行卡|卡号|账号|帐号|开户行|开户银行|收款账户|工资卡")
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"
PUBLICITY_TITLE_RE = re.compile(r"公示|名单|资助|奖学金|助学金|录取|评选结果|获奖")


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


# why a document was not checked (a column's reason, `monitor read`, say so: a clean result it is not)
UNREAD_DAMAGED = "文件无法读取（加密、损坏或 Word 95 以前的格式）"
UNREAD_NO_TEXT = "文件中没有可读的文字（可能是扫描图片）"


def scan_document(body: bytes, kind: str, today: dt.date | None = None) -> tuple[tuple[Exposure, ...], str]:
    """A document's exposures and, where it could not be checked, why (else ""): no text could be read from it, or
    none is in it (a scanned list)."""
    from monitor.documents import document_text

    text = document_text(body, kind)
    if text is None:
        return (), UNREAD_DAMAGED
    return (scan_text(text, today), "") if text.strip() else ((), UNREAD_NO_TEXT)
