"""The text of a Word 97–2003 binary document (.doc; WPS writes .wps in the same format). Pure: bytes in, text out.

Colleges still publish 公示 lists as .doc, the attachments most likely to carry ID numbers. The compound file is
opened with olefile (BSD-2-Clause); the text is read from the document's piece table as [MS-DOC] §2.4.1 lays it
out: the File Information Block names the table stream (``0Table``/``1Table``) and where its ``Clx`` lies; the
``Clx``'s ``PlcPcd`` gives each piece of text, 8-bit (Windows-1252) or UTF-16LE, and where it is in the
``WordDocument`` stream. No maintained pure-Python reader of this format exists (textract and others call the
antiword program), hence this short reader. Formatting, fields' results and embedded objects are not interpreted:
the text is for the personal-data scan, which needs the characters, not the layout.
"""

from __future__ import annotations

import io
import re
import struct

_MAGIC = 0xA5EC  # FibBase.wIdent
_FLAGS_AT, _ENCRYPTED, _TABLE_1 = 0x0A, 0x0100, 0x0200  # FibBase: fEncrypted, fWhichTblStm
_CLX_AT = 0x01A2  # FibRgFcLcb97: fcClx, lcbClx
_MIN_NFIB = 0x00C1  # Word 97; Word 6 and 95 files lay their text out otherwise
MAX_CHARS = 5_000_000  # a piece table claiming more text than this is damaged or hostile: not read further
# Word's marks in the text stream: paragraph and cell ends, line and page breaks, what is left of fields
_MARKS = str.maketrans({"\r": "\n", "\x07": "\t", "\x0b": "\n", "\x0c": "\n", "\x13": " ", "\x14": " ", "\x15": " "})
_FIELD_CODE_RE = re.compile("\x13[^\x13\x14\x15]*\x14")  # a field's instruction (HYPERLINK "…"), before its result


class NotWord97(ValueError):
    """Not a Word 97–2003 document this reader can read (another OLE file, Word 95, encrypted, damaged)."""


def is_word97(body: bytes) -> bool:
    """Whether ``body`` is an OLE compound file holding a ``WordDocument`` stream (whatever its extension)."""
    import olefile

    try:
        if not olefile.isOleFile(io.BytesIO(body)):
            return False
        with olefile.OleFileIO(io.BytesIO(body)) as ole:
            return ole.exists("WordDocument")
    except (OSError, ValueError):  # a damaged container (olefile's errors are OSErrors; a few are ValueErrors)
        return False


def word97_text(body: bytes) -> str:
    """The text of a Word 97–2003 document, its pieces in order; raises NotWord97 where it cannot be read."""
    import olefile

    try:
        with olefile.OleFileIO(io.BytesIO(body)) as ole:
            if not ole.exists("WordDocument"):
                raise NotWord97("no WordDocument stream")
            _check_sizes(ole, len(body), "WordDocument")
            word = ole.openstream("WordDocument").read()
            magic, nfib = struct.unpack_from("<HH", word, 0)
            (flags,) = struct.unpack_from("<H", word, _FLAGS_AT)
            if magic != _MAGIC or nfib < _MIN_NFIB or flags & _ENCRYPTED:
                raise NotWord97(f"not a readable Word 97 file (nFib {nfib:#x}, flags {flags:#x})")
            table_name = "1Table" if flags & _TABLE_1 else "0Table"
            fc_clx, lcb_clx = struct.unpack_from("<II", word, _CLX_AT)
            _check_sizes(ole, len(body), table_name)
            table = ole.openstream(table_name).read()
    except (OSError, ValueError, TypeError, struct.error) as exc:  # a damaged container (a storage named as a stream)
        raise NotWord97(str(exc)) from exc
    text = "".join(_pieces(word, _piece_table(table[fc_clx : fc_clx + lcb_clx])))
    return _FIELD_CODE_RE.sub("", text).translate(_MARKS)


def _check_sizes(ole, size: int, stream: str) -> None:
    """Refuse a stream (or the small streams' container) declared larger than the file: olefile follows a chain
    of sectors for as many sectors as the size declares, so a 30 KB file declaring 2 GB over a chain that loops
    back on itself made it allocate 2 GB."""
    if not ole.exists(stream) or max(ole.get_size(stream), ole.root.size) > size:
        raise NotWord97(f"{stream} missing, or declared larger than the file")


def _piece_table(clx: bytes) -> bytes:
    """The ``PlcPcd`` of a ``Clx``: past its ``Prc`` records (0x01, a 16-bit size, the properties), the ``Pcdt``
    (0x02, a 32-bit size, the table)."""
    at = 0
    while at < len(clx) and clx[at] == 0x01:
        (size,) = struct.unpack_from("<h", clx, at + 1)
        at += 3 + max(size, 0)
    if at >= len(clx) or clx[at] != 0x02:
        raise NotWord97("no piece table")
    (size,) = struct.unpack_from("<I", clx, at + 1)
    return clx[at + 5 : at + 5 + size]


def _pieces(word: bytes, plc: bytes):
    """Each piece's text: n+1 character positions, then n 8-byte descriptors whose bytes 2–5 hold the piece's
    offset in the WordDocument stream, bit 30 set where its text is 8-bit (at half that offset)."""
    count = (len(plc) - 4) // 12
    cps = struct.unpack_from(f"<{count + 1}I", plc, 0)
    if count <= 0 or cps[-1] - cps[0] > MAX_CHARS:
        raise NotWord97("a piece table without pieces, or claiming too much text")
    for i in range(count):
        (fc,) = struct.unpack_from("<I", plc, 4 * (count + 1) + 8 * i + 2)
        chars = max(cps[i + 1] - cps[i], 0)
        if fc & 0x40000000:
            start = (fc & 0x3FFFFFFF) // 2
            yield word[start : start + chars].decode("cp1252", errors="replace")
        else:
            yield word[fc : fc + 2 * chars].decode("utf-16-le", errors="replace")
