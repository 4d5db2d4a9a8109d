"""How the Persiapan screen shows user text: plain Text, never markup, control characters made visible."""

from __future__ import annotations

import re
from typing import Any

from rich.text import Text

from .glyph import g
from .widgets import teks

# C0 and C1 control characters, DEL, and bidi overrides: the store's actions strip them, but a file edited
# by hand may still hold them, and an ESC reaching the terminal would be obeyed rather than shown.
_KENDALI = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def bersih_tampil(value: Any) -> str:
    return _KENDALI.sub("?", "" if value is None else str(value))


def tampil(value: Any, style: str = "") -> Text:
    """Any value as plain Text, with control characters shown as '?'."""
    return teks(bersih_tampil(value), style)


def potong(value: Any, n: int, style: str = "") -> Text:
    """Shorten for a narrow column (the full text is in the detail line and the edit form)."""
    s = bersih_tampil(value)
    if len(s) > n:
        ell = g("ell")
        s = s[: max(0, n - len(ell))] + ell
    return teks(s, style)
