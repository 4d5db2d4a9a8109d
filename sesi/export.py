"""Exports a user hands on: the ranking (peringkat) and the attendance list (daftar hadir), as CSV,
Markdown or plain text; and the cell escaping every export shares (also used by the berita acara).

User text is data, never markup or a formula:
- `csv_sel`: a cell starting with = + - @ (or a tab / carriage return) is prefixed with a single quote,
  so a spreadsheet shows it instead of running it as a formula (plain numbers such as -5 are left alone).
- `md_sel`: Markdown's special characters are backslash-escaped and newlines become spaces (or <br>),
  so a hostile title never breaks a table or turns into a link, heading or HTML.
- `teks_sel`: ANSI escape sequences and control characters are removed for a terminal or a .txt file.
"""

from __future__ import annotations

import re
import unicodedata

# --- cell escaping (shared) -------------------------------------------------------------------------

#: ANSI/VT escape sequences: CSI (ESC [ ... final), OSC (ESC ] ... BEL or ESC \), DCS/SOS/PM/APC strings,
#: two-character escapes, and the 8-bit CSI (0x9b).
_ANSI = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"
    r"|\x1b[ -/]*[0-~]"
    r"|\x9b[0-?]*[ -/]*[@-~]"
)
#: C0/C1 controls except tab and newline, DEL, zero-width and bidi override/isolate characters.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?\d+([.,]\d+)*")
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~])")
_MD_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")


def _teks(value: object) -> str:
    if value is None:
        return ""
    return unicodedata.normalize("NFC", str(value))


def _tanpa_kendali(s: str, *, baris_baru: str = " ") -> str:
    """Remove escape sequences and control characters; newlines (and tabs) become `baris_baru`/space."""
    s = _ANSI.sub("", s)
    s = s.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    s = _CONTROL.sub("", s)
    return s.replace("\n", baris_baru)


def csv_sel(value: object) -> str:
    """A cell for CSV: control characters removed (newlines kept, the CSV writer quotes them) and a
    leading = + - @ tab or CR neutralised with a single quote, so spreadsheets never run it as a formula."""
    s = _teks(value)
    if s.startswith(_FORMULA_START) and not _PLAIN_NUMBER.fullmatch(s):
        s = "'" + s
    s = _ANSI.sub("", s).replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", s)


def md_sel(value: object, *, baris_baru: str = " ") -> str:
    """A cell (or inline text) for Markdown: \\ ` * _ { } [ ] < > # | ~ escaped with a backslash, an
    HTML entity's & escaped, control characters removed, newlines turned into `baris_baru` (a space, or
    pass "<br>" to keep the lines inside a table cell). The result reads as the literal text."""
    s = _tanpa_kendali(_teks(value), baris_baru="\n")
    s = _MD_SPECIAL.sub(r"\\\1", s)
    s = _MD_ENTITY.sub(r"\\&", s)
    lines = (re.sub(r" {2,}", " ", line).strip() for line in s.split("\n"))
    return baris_baru.join(line for line in lines if line)


def teks_sel(value: object) -> str:
    """A cell for a terminal or a .txt file: ANSI escapes and control characters removed, newlines and
    tabs become spaces."""
    s = _tanpa_kendali(_teks(value))
    return re.sub(r" {2,}", " ", s).strip()
