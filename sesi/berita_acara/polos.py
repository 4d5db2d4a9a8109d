"""The plain-text renderer of the berita acara: `ke_teks(blok, lebar=80) -> str`.

Input: the document's blocks (`blok.py`). Output: text for a terminal or a printout on folio paper,
every line at most `lebar` display columns (80; only a form whose numbers or codes cannot fit is wider),
LF line ends, ending in one newline; paragraphs wrapped, lists with hanging indents, tables with wrapped
cells, never breaking a number, amount, code or date (a list too wide for that, Lampiran II's nine
columns, as one record per row; forms to fill by hand as a grid). Each part break (`Pemisah`, before every lampiran)
is a form feed at the start of its rule line, so each lampiran starts a new sheet when the file is sent
to a printer (`lp`, `lpr`); a terminal or the app's preview shows only the rule. Layout is done by the
shared engine `sesi/teks_tabel.py`; every piece of user text is cleaned with `sesi.export.teks_sel`
first, so no escape sequence or control character reaches a terminal (docs/csv.md, "Keamanan isi").
Raises nothing for any text.
"""

from __future__ import annotations

import re
from typing import Iterable

from ..export import teks_sel
from ..teks_tabel import LEBAR, bungkus, gantung, lebar_teks, tengah
from ..teks_tabel import tabel_teks as _tabel
from .blok import (TITIK_NAMA, Blok, Daftar, Judul, Klausul, Kop, Kotak, Paragraf, Pasangan, Pemisah, TabelDokumen,
                   TandaTangan, huruf)

#: Starts a new page when printed (form feed, U+000C).
HALAMAN_BARU = "\f"


def ke_teks(blok: Iterable[Blok], lebar: int = LEBAR) -> str:
    parts: list[list[str]] = []
    for b in blok:
        if isinstance(b, Kotak):
            garis = "*" * lebar
            inner = [ln for x in b.baris for ln in bungkus(teks_sel(x), lebar - 4)]
            parts.append([garis] + [f"* {ln}" for ln in inner] + [garis])
        elif isinstance(b, Kop):
            parts.append([tengah(ln, lebar) for x in b.baris for ln in bungkus(teks_sel(x), lebar)])
        elif isinstance(b, Judul):
            lines = bungkus(teks_sel(b.teks), lebar)
            if b.tengah:
                lines = [tengah(ln, lebar) for ln in lines]
            if b.tingkat >= 4:
                lines.append("-" * min(lebar, max(lebar_teks(ln) for ln in lines)))
            parts.append(lines)
        elif isinstance(b, Paragraf):
            lines = _satu_baris("", b.teks, lebar) if b.spasi else bungkus(teks_sel(b.teks), lebar)
            parts.append([tengah(ln, lebar) for ln in lines] if b.tengah else lines)
        elif isinstance(b, Daftar):
            lines = []
            for i, x in enumerate(b.butir):
                awal = f"{huruf(i)}. " if b.huruf else f"{i + 1}. "
                lines += gantung(awal, teks_sel(x.teks), lebar)
                pad = " " * len(awal)
                for j, a in enumerate(x.anak):
                    lines += [pad + ln for ln in gantung(f"{huruf(j)}. ", teks_sel(a), lebar - len(pad))]
            parts.append(lines)
        elif isinstance(b, Klausul):
            w = max(len(label) for label, _ in b.butir)
            lines = []
            for label, text in b.butir:
                lines += gantung(f"{label.ljust(w)} : ", teks_sel(text), lebar)
            parts.append(lines)
        elif isinstance(b, Pasangan):
            w = max(lebar_teks(label) for label, _ in b.baris)
            lines = []
            for label, value in b.baris:
                lines += _satu_baris(f"{label}{' ' * (w - lebar_teks(label))} : ", value, lebar)
            parts.append(lines)
        elif isinstance(b, TabelDokumen):
            parts.append(tabel_teks(b, lebar))
        elif isinstance(b, TandaTangan):
            parts.append(tanda_tangan_teks(b, lebar))
        elif isinstance(b, Pemisah):
            parts.append([HALAMAN_BARU + "=" * lebar])
    return "\n\n".join("\n".join(p) for p in parts) + "\n"


def spasi_tetap(value: str) -> str:
    """Cleaned like any cell, but runs of spaces are kept: the blank a Nomor leaves for the number
    written by hand ("050/   /Kec-BJU/2027")."""
    parts = re.split(r"( {2,})", value.strip())
    return "".join(x if i % 2 else teks_sel(x) for i, x in enumerate(parts))


def _satu_baris(awal: str, value: str, width: int) -> list[str]:
    """`awal` + value on one line with its spacing kept when it fits; else wrapped like any text."""
    kept = spasi_tetap(value)
    if lebar_teks(awal + kept) <= width:
        return [awal + kept]
    return gantung(awal, teks_sel(value), width)


def tabel_teks(t: TabelDokumen, lebar: int = LEBAR) -> list[str]:
    """A document table as text lines (`sesi.teks_tabel.tabel_teks`): cells cleaned, the `gabung_teks`
    columns joined to the one before them (Volume and Satuan read "700 m"), and a table with rows taller
    than one line (a form filled by hand) drawn as a grid."""
    judul = [teks_sel(k.judul) for k in t.kolom]
    kanan = [k.kanan for k in t.kolom]
    min_lebar = [k.min_teks for k in t.kolom]
    rows = [[teks_sel(c) for c in r] for r in t.baris]
    for gi in sorted(t.gabung_teks, reverse=True):  # the joined column takes the header of the first
        kanan[gi - 1] = False
        del judul[gi], kanan[gi], min_lebar[gi]
        for r in rows:
            r[gi - 1] = " ".join(x for x in (r[gi - 1], r[gi]) if x)
            del r[gi]
    return _tabel(judul, rows, kanan=kanan, min_lebar=min_lebar, tinggi=t.tinggi, kisi=t.tinggi > 1, lebar=lebar)


#: Blank lines left to sign in a `TandaTangan` block of the text format.
RUANG_TANDA_TANGAN = 3


def tanda_tangan_teks(t: TandaTangan, lebar: int = LEBAR) -> list[str]:
    """Signers side by side, at most `per_baris` on a row, each centred in its share of the width: the
    office lines (bottom-aligned, so the spaces to sign line up), `RUANG_TANDA_TANGAN` blank lines, the name
    (a dotted blank when unknown), the lines under it. Rows of signers are separated by a blank line."""
    n = max(1, t.per_baris)
    out: list[str] = []
    for i in range(0, len(t.penanda), n):
        baris = t.penanda[i:i + n]
        w = lebar // len(baris)
        kolom = []
        for p in baris:
            atas = [ln for x in p.atas for ln in bungkus(teks_sel(x), w - 2)]
            nama = bungkus(teks_sel(p.nama), w - 2) if p.nama else [TITIK_NAMA[: w - 2]]
            bawah = [ln for x in p.bawah for ln in bungkus(teks_sel(x), w - 2)]
            kolom.append((atas, nama + bawah))
        tinggi_atas = max(len(a) for a, _ in kolom)
        tinggi_bawah = max(len(b) for _, b in kolom)
        isi = [[""] * (tinggi_atas - len(a)) + a + [""] * RUANG_TANDA_TANGAN + b + [""] * (tinggi_bawah - len(b))
               for a, b in kolom]
        if out:
            out.append("")
        for j in range(len(isi[0])):
            out.append("".join(_lebar(tengah(c[j], w), w) for c in isi).rstrip())
    return out


def _lebar(line: str, width: int) -> str:
    """`line` padded with spaces to `width` display columns."""
    return line + " " * max(0, width - lebar_teks(line))
