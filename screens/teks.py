"""User text on the terminal: the one place that decides how names, titles and notes are drawn.

User text is data. It is never parsed as markup (every function returns plain `str` or `rich.text.Text`),
and no character of the control-character rule (`sesi.teks.KARAKTER_KENDALI`: C0 but tab and newline, DEL,
C1, bidi controls, zero-width and invisible characters) ever reaches the terminal:

- C0 controls (ESC, BEL, CR, ...), DEL and C1 controls (the 8-bit CSI 0x9B, ...) are shown literally the
  way `cat -v` shows them: ESC -> ``^[``, BEL -> ``^G``, DEL -> ``^?``, 0x9B -> ``M-^[``; an escape
  sequence such as ``ESC [2J`` therefore shows as ``^[[2J`` and clears nothing;
- bidi controls and invisible characters are removed: U+200B-U+200F (zero-width space/joiners, LRM,
  RLM), U+202A-U+202E (embeddings, overrides), U+2060 (word joiner), U+2066-U+2069 (isolates), U+061C
  (Arabic letter mark), U+FEFF (zero-width no-break space);
- tab and newline are text: `teks` keeps them (notes keep their lines), `aman` makes them spaces.

`potong` cuts to a number of terminal cells (a wide character counts as two) with an ellipsis mark.
The actions already refuse or clean such characters on input (`sesi.teks`, `sesi.masukan`); this module
decides how the screen shows a value that holds one anyway (a file edited elsewhere, an old session).
"""

from __future__ import annotations

import re
from typing import Any

from rich.cells import cell_len, set_cell_size
from rich.text import Text

from sesi.teks import KARAKTER_KENDALI

from .glyph import g


def _tanda(m: re.Match[str]) -> str:
    """One character of the rule as drawn: a control as `cat -v` shows it (ESC -> ^[, DEL -> ^?, CSI 0x9b
    -> M-^[), a bidi or invisible character as nothing."""
    c = ord(m.group())
    if c < 0x20 or 0x7F <= c <= 0x9F:
        return ("M-" if c >= 0x80 else "") + "^" + chr((c & 0x7F) ^ 0x40)
    return ""


def _tampak(s: str) -> str:
    return s if s.isprintable() else KARAKTER_KENDALI.sub(_tanda, s)


def teks(value: Any, style: str = "") -> Text:
    """Any value as plain, safe Text: never markup, control characters shown literally (^[), bidi and
    invisible characters removed; tabs and line breaks kept (for notes and paragraphs)."""
    return Text(_tampak("" if value is None else str(value)), style=style, no_wrap=False)


def aman(value: Any) -> str:
    """Any value as safe text for one line of the screen: line breaks and tabs as spaces, otherwise as
    `teks` (put the result in a Text; never in markup)."""
    s = "" if value is None else str(value)
    if not s.isprintable():
        s = s.replace("\r", " ").replace("\n", " ").replace("\t", " ")
    return _tampak(s)


def teks_baris(value: Any, style: str = "") -> Text:
    """Any value as safe Text on one line (`aman` in a Text with `style`)."""
    return teks(aman(value), style)


def lebar_kolom(lebar_layar: int, dasar: int, porsi: float) -> int:
    """A text column's width in cells: `dasar` on a terminal of 80 columns or fewer, plus `porsi` (0-1) of
    every column beyond 80, so long names and titles get the width a wide terminal has (120x40)."""
    return dasar + max(0, int((lebar_layar - 80) * porsi))


def potong(value: Any, lebar: int, *, tanda: str | None = None) -> str:
    """`aman` text cut to at most `lebar` terminal cells, ending with the ellipsis mark `tanda` (the
    current glyph set's by default) when cut. A wide character counts as two cells."""
    s = aman(value)
    if cell_len(s) <= lebar:
        return s
    tanda = g("ell") if tanda is None else tanda
    ruang = lebar - cell_len(tanda)
    if ruang <= 0:
        return set_cell_size(tanda, max(0, lebar))
    return set_cell_size(s, ruang) + tanda


def pas(value: Any, lebar: int) -> str:
    """`aman` text in exactly `lebar` cells: padded with spaces, or cut with a one-cell ellipsis mark
    (for a grid whose columns must line up, like the scoring matrix)."""
    if lebar <= 0:
        return ""
    return set_cell_size(potong(value, lebar, tanda=g("ell")[0]), lebar)


__all__ = ["aman", "pas", "potong", "teks", "teks_baris"]
