"""Rows of an import file as a table of named columns, whatever the file format (CSV today; workbooks
later produce the same rows).

Input: the file's rows as lists of cell strings, in file order, blank rows included. Output: `TabelBerkas`,
each data row a `BarisBerkas` numbered as a spreadsheet shows it (the header = row 1, blank rows count and
are skipped). Header names are matched case-insensitively with spaces and dashes as `_`, through the kind's
aliases (docs/csv.md, "Judul kolom"). Header problems (a required column missing, a column twice) and rows
with more filled cells than the header raise `DataDitolak` listing each one.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass

from ..errors import DataDitolak
from .laporan import batasi


@dataclass
class BarisBerkas:
    """One data row of an import file."""

    nomor: int  # as a spreadsheet shows it (header = 1)
    sel: dict[str, str]  # column -> cell text as written


@dataclass
class TabelBerkas:
    """An import file read into named columns."""

    nama: str  # file name as shown in messages
    judul: dict[str, str]  # column -> the header text the user wrote
    posisi: dict[str, int]  # column -> its index in the file
    baris: list[BarisBerkas]
    diabaikan: list[str]  # unknown columns (as written)
    pemisah: str  # CSV delimiter ("" for a format without one)
    encoding: str  # "UTF-8", "UTF-16" or "cp1252"


def huruf_kolom(i: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA (as a spreadsheet names columns)."""
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = string.ascii_uppercase[r] + s
    return s


def nama_judul(text: str) -> str:
    """A header as a column key: trimmed, casefolded, runs of spaces and dashes as one `_`."""
    return re.sub(r"[\s\-]+", "_", text.strip().casefold())


def susun_tabel(nama: str, rows: list[list[str]], jenis: str, kolom: dict[str, bool], alias: dict[str, str],
                *, pemisah: str = "", encoding: str = "UTF-8") -> TabelBerkas:
    """The rows of file `nama` as a table of the columns of `kolom` (name -> required), read through
    `alias` (other header -> column). Raises DataDitolak for an empty file, header problems, rows with
    too many cells, or no data row."""
    # The header is the first non-blank row (row numbers still count the blank ones above it).
    start = next((i for i, r in enumerate(rows) if any(c.strip() for c in r)), None)
    if start is None:
        raise DataDitolak(f"{nama} kosong: tidak ada baris judul kolom maupun data.")
    header = rows[start]
    posisi: dict[str, int] = {}
    judul: dict[str, str] = {}
    diabaikan: list[str] = []
    masalah: list[str] = []
    ada_isi = [False] * len(header)
    for r in rows[start + 1:]:
        for i, c in enumerate(r[:len(header)]):
            if c.strip():
                ada_isi[i] = True
    for i, h in enumerate(header):
        key = nama_judul(h)
        key = alias.get(key, key)
        if not key:
            if ada_isi[i]:
                diabaikan.append(f"(tanpa judul, kolom {huruf_kolom(i)})")
            continue
        if key not in kolom:
            diabaikan.append(h.strip())
            continue
        if key in posisi:
            j = posisi[key]
            masalah.append(f"{nama}: kolom {key} muncul dua kali: '{header[j].strip()}' (kolom "
                           f"{huruf_kolom(j)}) dan '{h.strip()}' (kolom {huruf_kolom(i)}).")
            continue
        posisi[key] = i
        judul[key] = h.strip()
    kurang = [k for k, req in kolom.items() if req and k not in posisi]
    if kurang:
        pesan = f"{nama}: kolom wajib tidak ada: {', '.join(kurang)}."
        if diabaikan:
            pesan += f" Kolom yang tidak dikenal: {', '.join(diabaikan)}."
        pesan += f" Kolom untuk {jenis}: {', '.join(k + ('*' if r else '') for k, r in kolom.items())}."
        masalah.append(pesan)
    if masalah:
        raise DataDitolak(masalah[0] if len(masalah) == 1 else f"{nama}: baris judul kolom tidak sah.",
                          masalah=masalah)
    baris: list[BarisBerkas] = []
    terlalu_banyak: list[str] = []
    for n, row in enumerate(rows[start + 1:], start=start + 2):
        if not any(c.strip() for c in row):
            continue
        if len(row) > len(header) and any(c.strip() for c in row[len(header):]):
            terlalu_banyak.append(
                f"{nama} baris {n}: berisi {len(row)} sel, padahal baris judul hanya {len(header)} kolom "
                f"(periksa tanda pemisah '{pemisah}' atau tanda kutip di baris ini)."
            )
            continue
        baris.append(BarisBerkas(n, {k: (row[i] if i < len(row) else "") for k, i in posisi.items()}))
    if terlalu_banyak:
        raise DataDitolak(f"{nama}: {len(terlalu_banyak)} baris berisi sel lebih banyak daripada judul kolom.",
                          masalah=batasi(terlalu_banyak))
    if not baris:
        raise DataDitolak(f"{nama} tidak berisi baris data (hanya baris judul kolom); tidak ada yang diimpor.")
    return TabelBerkas(nama, judul, posisi, baris, diabaikan, pemisah, encoding)
