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


def g(name: str) -> str:
    """The symbol for `name` in the current set."""
    return _current[name]
