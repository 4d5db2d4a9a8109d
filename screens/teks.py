"""User text on the terminal: the one place that decides how names, titles and notes are drawn.

User text is data. It is never parsed as markup (every function returns plain `str` or `rich.text.Text`),
and no character that acts on a terminal or hides what a line says ever reaches it:

- C0 controls (ESC, BEL, CR, ...), DEL and C1 controls (the 8-bit CSI 0x9B, ...) are shown literally the
  way `cat -v` shows them: ESC -> ``^[``, BEL -> ``^G``, DEL -> ``^?``, 0x9B -> ``M-^[``; an escape
  sequence such as ``ESC [2J`` therefore shows as ``^[[2J`` and clears nothing;
- bidi controls and invisible characters are removed: U+200B-U+200F (zero-width space/joiners, LRM,
  RLM), U+202A-U+202E (embeddings, overrides), U+2060 (word joiner), U+2066-U+2069 (isolates), U+061C
  (Arabic letter mark), U+FEFF (zero-width no-break space);
- tab and newline are text: `teks` keeps them (notes keep their lines), `aman` makes them spaces.

`potong` cuts to a number of terminal cells (a wide character counts as two) with an ellipsis mark.
The rule for what is a control character is the same as `sesi`'s input cleaning; this module only decides
how the screen shows a value that holds one anyway (a file edited elsewhere, an old session).
"""

from __future__ import annotations

import re
from typing import Any

from rich.cells import cell_len, set_cell_size
from rich.text import Text

from .glyph import g

#: C0 controls other than tab and newline, DEL, C1: drawn raw they would reach the terminal.
_KENDALI = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
#: Bidi controls and invisible characters: removed (they reorder or hide what the line says).
_TAK_TAMPAK = re.compile(r"[\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]")


def _kendali_tampak(m: re.Match[str]) -> str:
    """A control character shown literally, as `cat -v` does: ESC -> ^[, DEL -> ^?, CSI (0x9b) -> M-^[."""
    c = ord(m.group())
    return ("M-" if c >= 0x80 else "") + "^" + chr((c & 0x7F) ^ 0x40)


def _tampak(s: str) -> str:
    if s.isprintable():
        return s
    return _KENDALI.sub(_kendali_tampak, _TAK_TAMPAK.sub("", s))


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
