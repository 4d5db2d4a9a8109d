"""Shared checks used by every action: who may do what, and how input is cleaned and refused."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from .errors import DataDitolak

#: Which terminal roles may do each kind of change ("tayang" changes nothing).
BOLEH: dict[str, tuple[str, ...]] = {
    "persiapan": ("operator", "pimpinan"),
    "pendaftaran": ("operator", "pimpinan", "notulen"),
    "catatan": ("operator", "pimpinan", "notulen"),
    "kelompok": ("operator", "pimpinan", "fasilitator"),
    "skor": ("operator", "pimpinan", "fasilitator"),
    "pleno": ("operator", "pimpinan"),
    "tanggapan": ("operator", "pimpinan", "notulen"),
    "tahap": ("operator", "pimpinan", "fasilitator", "notulen"),
    "pengesahan": ("pimpinan",),
}

#: Whole terminal escape sequences (CSI like ESC[31m, OSC like ESC]0;title BEL, and 2-byte ESC x).
_ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-Z\\-_]|\x9b[0-?]*[ -/]*[@-~]")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


def bersih(text: object, *, baris_baru: bool = False, jaga_spasi: bool = False) -> str:
    """User text as stored: NFC, stripped, control and bidi-override characters removed.

    Newlines and tabs become spaces unless `baris_baru` (notes keep their lines). Runs of spaces become
    one unless `jaga_spasi` (a Nomor like "050/     /Kec-BJU/2027" keeps the gap left for the number).
    """
    s = unicodedata.normalize("NFC", "" if text is None else str(text))
    s = _ANSI.sub("", s)
    s = s.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    if not baris_baru:
        s = s.replace("\n", " ")
    s = _CONTROL.sub("", s)
    if not baris_baru and not jaga_spasi:
        s = re.sub(r" {2,}", " ", s)
    return s.strip()


def wajib(value: str, nama_kolom: str) -> str:
    v = bersih(value)
    if not v:
        raise DataDitolak(f"{nama_kolom} wajib diisi.")
    return v


def tanggal_iso(value: str, nama_kolom: str, *, boleh_kosong: bool = False) -> str:
    v = bersih(value)
    if not v and boleh_kosong:
        return ""
    try:
        return date.fromisoformat(v).isoformat()
    except ValueError:
        raise DataDitolak(f"{nama_kolom} harus berupa tanggal TTTT-BB-HH (misalnya 2027-02-09), "
                          f"bukan '{v}'.") from None


def bilangan_bulat(value: object, nama_kolom: str, *, minimum: int | None = None,
                   maksimum: int | None = None) -> int:
    if isinstance(value, bool):
        raise DataDitolak(f"{nama_kolom} harus bilangan bulat.")
    if isinstance(value, int):
        n = value
    else:
        v = bersih(value)
        if not re.fullmatch(r"[+-]?\d+", v):
            raise DataDitolak(f"{nama_kolom} harus bilangan bulat, bukan '{v}'.")
        n = int(v)
    if minimum is not None and n < minimum:
        raise DataDitolak(f"{nama_kolom} paling kecil {minimum}, bukan {n}.")
    if maksimum is not None and n > maksimum:
        raise DataDitolak(f"{nama_kolom} paling besar {maksimum}, bukan {n}.")
    return n
