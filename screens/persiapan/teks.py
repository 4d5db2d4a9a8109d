"""How the Persiapan screen shows user text: plain Text, never markup, control characters made visible."""

from __future__ import annotations

from typing import Any

from rich.text import Text

from ..widgets import aman, teks
from ..widgets import potong as _potong

#: User text for one line (control characters shown literally, never sent raw): the shared helper.
bersih_tampil = aman


def tampil(value: Any, style: str = "") -> Text:
    """Any value as plain Text, with control characters shown literally (^[)."""
    return teks(bersih_tampil(value), style)


def potong(value: Any, n: int, style: str = "") -> Text:
    """Shorten for a narrow column (the full text is in the detail line and the edit form)."""
    return teks(_potong(value, n), style)
