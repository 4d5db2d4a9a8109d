"""Symbols the screens draw, in a Unicode and an ASCII-safe set (the Linux console lacks many glyphs)."""

from __future__ import annotations

UNICODE = {
    "sep": "│",
    "next": "›",
    "warn": "⚠",
    "ok": "✓",
    "cur": "●",
    "dot": "·",
    "up": "▲",
    "down": "▼",
    "tie": "≈",
    "ell": "…",
}

ASCII = {
    "sep": "|",
    "next": ">",
    "warn": "!",
    "ok": "v",
    "cur": "*",
    "dot": "-",
    "up": "^",
    "down": "v",
    "tie": "=",
    "ell": "...",
}

_current = dict(UNICODE)


def set_ascii(on: bool) -> None:
    _current.clear()
    _current.update(ASCII if on else UNICODE)


def potong() -> str:
    """How one-line text is cut at the edge: with "…" (Rich's "ellipsis"), or, in the ASCII look, cropped
    (Rich's ellipsis mark is not ASCII)."""
    return "crop" if _current is not None and _current["ell"] == ASCII["ell"] else "ellipsis"


def g(name: str) -> str:
    """The symbol for `name` in the current set."""
    return _current[name]


def pasang_scrollbar(ascii: bool) -> None:
    """In the ASCII look, scroll bars are drawn with ASCII only ("#" at the thumb's partial ends) instead
    of Textual's eighth blocks (missing on the Linux console); otherwise Textual's own. Textual's documented
    way: `ScrollBar.renderer` (one per process, like the glyph set)."""
    from textual.scrollbar import ScrollBar, ScrollBarRender

    class ScrollBarAscii(ScrollBarRender):
        VERTICAL_BARS = ["#"] * 7 + [" "]
        HORIZONTAL_BARS = ["#"] * 7 + [" "]

    ScrollBar.renderer = ScrollBarAscii if ascii else ScrollBarRender
