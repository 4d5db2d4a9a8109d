"""argparse speaking formal Bahasa Indonesia (its own messages are English gettext strings)."""

from __future__ import annotations

import argparse

_ID = {
    "usage: ": "Penggunaan: ",
    "positional arguments": "argumen",
    "options": "pilihan",
    "show this help message and exit": "tampilkan bantuan ini lalu keluar",
    "the following arguments are required: %s": "argumen berikut wajib diisi: %s",
    "unrecognized arguments: %s": "argumen tidak dikenal: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "pilihan %(value)r tidak dikenal (pilihan: %(choices)s)",
    "argument %(argument_name)s: %(message)s": "argumen %(argument_name)s: %(message)s",
    "expected one argument": "memerlukan satu nilai",
    "expected at most one argument": "paling banyak satu nilai",
    "expected at least one argument": "memerlukan sekurang-kurangnya satu nilai",
    "invalid %(type)s value: %(value)r": "nilai %(value)r tidak sah",
    "ambiguous option: %(option)s could match %(matches)s": "pilihan %(option)s ambigu: bisa %(matches)s",
    "not allowed with argument %s": "tidak boleh bersama argumen %s",
    "one of the arguments %s is required": "salah satu argumen %s wajib diisi",
    "%(prog)s: error: %(message)s\n": "%(prog)s: galat: %(message)s\n",
    "unexpected option string: %s": "pilihan tidak terduga: %s",
    "ignored explicit argument %r": "nilai %r diabaikan",
}

_original = argparse._  # type: ignore[attr-defined]


def _terjemah(message: str) -> str:
    return _ID.get(message, _original(message))


def pasang() -> None:
    """Make argparse's own messages Indonesian (it looks `_` up at call time)."""
    argparse._ = _terjemah  # type: ignore[attr-defined]
