"""Finding the table in a sheet and reading it into named columns, whatever the file format
(docs/impor.md, "Mencari tabel di lembar").

Input: one sheet's rows (`sumber.Lembar`: cells as `str`, numbers, dates), the kind's columns and header
aliases, and a user mapping (header -> column, or "" to ignore it). Output: `TabelBerkas`, each data row a
`BarisBerkas` numbered as the spreadsheet shows it (row 1 = the first row), or None when the sheet holds no
table of the kind (fewer than two known column names in any of its first `CARI_JUDUL` rows).

- The header row is the row, among the first `CARI_JUDUL`, whose cells name the most known columns; rows
  above it (titles) are skipped. A second header row under it is read with it when it names more columns
  (a two-row header, merged cells spread over the columns they cover: "Lokasi" over "Desa" and "Alamat").
- Skipped under the header, each reported by row number and reason: a column-number row ("(1) (2) (3)"
  or "1 2 3"), JUMLAH/TOTAL rows and the app's own summary rows (Terdaftar, Hadir, ...), rows of a
  template's example ("Contoh: ..."), and the signature block (from a short row saying "Mengetahui",
  "Menyetujui", "Dibuat oleh", "a.n.", "NIP" or "Banjarmasin, 12 Januari 2026" to the end). Empty rows are skipped silently.
- Header names are matched case-insensitively with every run of non-letters as `_` ("Desa/Kelurahan" ->
  `desa_kelurahan`, "Biaya (Rp)" -> `biaya_rp`), through the user's mapping first, then the kind's aliases.
- `sel` holds each cell as text the actions read (`teks_sel`); `mentah` the cell as read, for the number
  readers (a workbook's 1.123 stays the number 1,123, never text to be guessed).
Header problems (a column twice) and CSV rows with more filled cells than the header raise `DataDitolak`;
missing required columns are the caller's to judge (`wajib_kurang`).
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from ..angka import teks_angka
from ..errors import DataDitolak
from ..nama import kunci
from ..teks import bersih, tampak
from .laporan import batasi

CARI_JUDUL = 30  # rows searched for the header

#: Labels of rows that sum or summarise the table (JUMLAH rows, the app's own daftar hadir totals).
_RINGKASAN = {"jumlah", "total", "jumlah total", "total anggaran", "sub total", "subtotal", "grand total",
              "jumlah seluruhnya", "jumlah keseluruhan", "rekapitulasi", "terdaftar", "hadir",
              "perempuan hadir", "rentan hadir", "jumlah usulan", "jumlah anggaran", "total biaya"}
#: Words that open a signature block (the names and titles under them follow in the block).
_TANDA_TANGAN = re.compile(r"^(?:mengetahui|menyetujui|disahkan|dibuat oleh|diketahui|tanda tangan|ttd|nip\b|"
                           r"a n )")
_TEMPAT_TANGGAL = re.compile(r"^[A-Za-z .'-]{3,40},\s*\d{1,2}\s+[A-Za-z]+\s+\d{4}$")
_NOMOR_KOLOM = re.compile(r"^\(?(\d{1,2})\)?$")


@dataclass
class BarisBerkas:
    """One data row of an import file."""

    nomor: int  # as a spreadsheet shows it (row 1 = the first row)
    sel: dict[str, str]  # column -> cell as text
    mentah: dict[str, Any] = field(default_factory=dict)  # column -> cell as read (number, date, text)
    tabel: "TabelBerkas | None" = field(default=None, repr=False)  # the sheet's table, for messages


@dataclass
class TabelBerkas:
    """An import file's (or one sheet's) table read into named columns."""

    nama: str  # file name (and sheet) as shown in messages
    judul: dict[str, str]  # column -> the header text the user wrote
    posisi: dict[str, int]  # column -> its index in the sheet
    baris: list[BarisBerkas]
    diabaikan: list[str]  # unknown columns (as written)
    pemisah: str  # CSV delimiter ("" for a workbook)
    encoding: str  # CSV encoding ("" for a workbook)
    lembar: str = ""  # sheet name ("" for CSV)
    dilewati: list[tuple[int, str]] = field(default_factory=list)  # (row number, why)
    urut: int = 0  # the sheet's order in the file
    nomor_judul: int = 1  # the header's row number (the lower row of a two-row header)
    judul_mentah: list[str] = field(default_factory=list)  # every header cell as written, by position


def huruf_kolom(i: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA (as a spreadsheet names columns)."""
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = string.ascii_uppercase[r] + s
    return s


def nama_judul(text: object) -> str:
    """A header as a column key: casefolded, every run of characters other than letters and digits as
    one `_` ("Desa/Kelurahan" -> "desa_kelurahan", "Biaya (Rp)" -> "biaya_rp")."""
    return re.sub(r"[\W_]+", "_", str(text).strip().casefold()[:200]).strip("_")


def teks_sel(v: Any) -> str:
    """A cell as text the actions read: whole numbers without '.0', other numbers with a decimal comma,
    dates as TTTT-BB-HH, times as JJ.MM, booleans as ya/tidak."""
    if v is None:
        return ""
    if isinstance(v, str):
        return v
    if isinstance(v, bool):
        return "ya" if v else "tidak"
    if isinstance(v, float):
        if v != v or v in (float("inf"), float("-inf")):
            return str(v)
        if v.is_integer() and abs(v) < 1e18:
            return str(int(v))
        return teks_angka(Decimal(repr(v)))
    if isinstance(v, int):
        return str(v)
    if isinstance(v, datetime):
        return v.isoformat(sep=" ", timespec="minutes") if (v.hour, v.minute) != (0, 0) else v.date().isoformat()
    if isinstance(v, date):
        return v.isoformat()
    if isinstance(v, time):
        return f"{v.hour:02d}.{v.minute:02d}"
    return str(v)


def _isi(v: Any) -> bool:
    return v is not None and (not isinstance(v, str) or v.strip() != "")


def _sebar(rows: list[list[Any]], gabung: list, i: int) -> list[Any]:
    """Row i with each merged range's value spread over the cells it covers."""
    row = list(rows[i]) if i < len(rows) else []
    for (r0, c0), (r1, c1) in gabung:
        if r0 <= i <= r1 and r0 < len(rows):
            v = rows[r0][c0] if c0 < len(rows[r0]) else ""
            if len(row) <= c1:
                row += [""] * (c1 + 1 - len(row))
            for c in range(c0, c1 + 1):
                if not _isi(row[c]):
                    row[c] = v
    return row


class _Peta:
    """Header text -> column of the kind (or None), through the user's mapping then the aliases."""

    def __init__(self, kolom: dict[str, bool], alias: dict[str, str], pemetaan: dict[str, str] | None,
                 abaikan: frozenset[str]):
        self.kolom, self.alias, self.abaikan = kolom, alias, abaikan
        self.pemetaan = {nama_judul(k): v for k, v in (pemetaan or {}).items()}

    def __call__(self, h: Any) -> str | None:
        if not isinstance(h, str):
            return None
        key = nama_judul(h)
        if not key:
            return None
        if key in self.pemetaan:
            return self.pemetaan[key] or None
        key = self.alias.get(key, key)
        return key if key in self.kolom else None

    def dikenal(self, h: Any) -> bool:
        return self(h) is not None or (isinstance(h, str) and nama_judul(h) in self.abaikan)


def _skor(row: list[Any], peta: _Peta) -> int:
    return len({k for h in row if (k := peta(h))})


def _gabung_dua(atas: list[Any], bawah: list[Any], peta: _Peta) -> list[str]:
    n = max(len(atas), len(bawah))
    out = []
    for c in range(n):
        up = atas[c] if c < len(atas) and isinstance(atas[c], str) else ""
        lo = bawah[c] if c < len(bawah) and isinstance(bawah[c], str) else ""
        if lo.strip() and peta(lo):
            out.append(lo)
        elif up.strip() and peta(up):
            out.append(up)
        elif up.strip() and lo.strip() and peta(f"{up} {lo}"):
            out.append(f"{up} {lo}")
        else:
            out.append(lo if lo.strip() else up)
    return out


def cari_judul(rows: list[list[Any]], gabung: list, peta: _Peta) -> tuple[int, int, list[str]] | None:
    """(first header row index, last header row index, header cells) or None."""
    best: tuple[int, int, int, list[str]] | None = None
    dilihat = 0
    for i in range(len(rows)):
        if dilihat >= CARI_JUDUL:
            break
        if not any(_isi(v) for v in rows[i]):
            continue
        dilihat += 1
        atas = _sebar(rows, gabung, i)
        skor = _skor(atas, peta)
        if skor >= 2 and (best is None or skor > best[0]):
            best = (skor, i, i, [teks_sel(v) for v in atas])
        if i + 1 < len(rows) and skor >= 1:
            bawah = _sebar(rows, gabung, i + 1)
            if all(isinstance(v, str) for v in bawah if _isi(v)) and any(peta(v) for v in bawah):
                dua = _gabung_dua(atas, bawah, peta)
                skor2 = _skor(dua, peta)
                if skor2 > max(skor, 1) and (best is None or skor2 > best[0]):
                    best = (skor2, i, i + 1, dua)
    if best is None:
        return None
    return best[1], best[2], best[3]


def _nomor_kolom(row: list[Any]) -> bool:
    nums = []
    for v in row:
        if not _isi(v):
            continue
        m = _NOMOR_KOLOM.match(teks_sel(v).strip()) if not isinstance(v, float) or v.is_integer() else None
        if not m:
            return False
        nums.append(int(m.group(1)))
    return len(nums) >= 2 and nums == sorted(nums) and len(set(nums)) == len(nums) and nums[0] <= 2


def _ringkasan(row: list[Any], lebar: int) -> bool:
    isi = [v for v in row if _isi(v)]
    for v in isi:
        if isinstance(v, str):
            k = kunci(v)
            if k in _RINGKASAN:
                return True
            if k.startswith(("jumlah ", "total ", "sub total ")) and len(isi) <= max(3, lebar // 2):
                return True
    return False


def _tanda_tangan(row: list[Any]) -> bool:
    isi = [v for v in row if _isi(v)]
    if not isi or len(isi) > 3:
        return False
    for v in isi:
        if isinstance(v, str) and (_TANDA_TANGAN.match(kunci(v)) or _TEMPAT_TANGGAL.match(v.strip())):
            return True
    return False


def _contoh(row: list[Any]) -> bool:
    return any(isinstance(v, str) and v.strip().casefold().startswith("contoh:") for v in row)


def susun_tabel(nama: str, rows: list[list[Any]], jenis: str, kolom: dict[str, bool], alias: dict[str, str],
                *, pemetaan: dict[str, str] | None = None, gabung: list | None = None, pemisah: str = "",
                encoding: str = "", lembar: str = "", abaikan: frozenset[str] = frozenset(),
                harus_ada: bool = True) -> TabelBerkas | None:
    """The table of kind `jenis` in one sheet's rows, or None when the sheet holds none (with `harus_ada`,
    DataDitolak instead). `abaikan`: header keys known to carry nothing to import ("No"): not reported."""
    gabung = gabung or []
    if not any(any(_isi(v) for v in r) for r in rows):
        if harus_ada:
            raise DataDitolak(f"{nama} kosong: tidak ada baris judul kolom maupun data.")
        return None
    peta = _Peta(kolom, alias, pemetaan, abaikan)
    found = cari_judul(rows, gabung, peta)
    if found is None:
        if not harus_ada:
            return None
        first = next(i for i, r in enumerate(rows) if any(_isi(v) for v in r))
        judul_ada = [tampak(bersih(teks_sel(v))) for v in rows[first] if _isi(v)][:20]
        raise DataDitolak(
            f"{nama}: baris judul kolom {jenis} tidak ditemukan di {CARI_JUDUL} baris pertama. Baris "
            f"{first + 1} berisi: {', '.join(judul_ada)}. Kolom untuk {jenis}: "
            f"{', '.join(k + ('*' if r else '') for k, r in kolom.items())}. Petakan judul yang berbeda "
            "dengan --kolom \"Judul=kolom\".")
    i0, i1, header = found
    dilewati: list[tuple[int, str]] = [(i + 1, "judul di atas tabel") for i in range(i0) if any(
        _isi(v) for v in rows[i])]
    posisi: dict[str, int] = {}
    judul: dict[str, str] = {}
    diabaikan: list[str] = []
    masalah: list[str] = []
    data_rows = rows[i1 + 1:]
    ada_isi = [False] * len(header)
    for r in data_rows[:5000]:
        for i, c in enumerate(r[:len(header)]):
            if _isi(c):
                ada_isi[i] = True
    for i, h in enumerate(header):
        key = peta(h)
        if key is None:
            if not h.strip():
                if ada_isi[i]:
                    diabaikan.append(f"(tanpa judul, kolom {huruf_kolom(i)})")
            elif nama_judul(h) not in abaikan:
                diabaikan.append(tampak(h.strip()[:100]))  # shown as written, control characters visible
            continue
        if key in posisi:
            j = posisi[key]
            masalah.append(f"{nama}: kolom {key} muncul dua kali: '{tampak(bersih(header[j]))}' (kolom "
                           f"{huruf_kolom(j)}) dan '{tampak(bersih(h))}' (kolom {huruf_kolom(i)}). Hapus salah "
                           f"satu, atau abaikan satu dengan --kolom \"{tampak(bersih(h))}=\".")
            continue
        posisi[key] = i
        judul[key] = bersih(h)
    if masalah:
        raise DataDitolak(masalah[0] if len(masalah) == 1 else f"{nama}: baris judul kolom tidak sah.",
                          masalah=masalah)
    baris: list[BarisBerkas] = []
    terlalu_banyak: list[str] = []
    lebar = len(header)
    tanda_tangan = False
    for n, row in enumerate(data_rows, start=i1 + 2):
        if not any(_isi(v) for v in row):
            continue
        if tanda_tangan:
            dilewati.append((n, "blok tanda tangan"))
            continue
        if n <= i1 + 3 and not baris and _nomor_kolom(row):
            dilewati.append((n, "baris nomor kolom"))
            continue
        if _ringkasan(row, lebar):
            dilewati.append((n, "baris jumlah/ringkasan"))
            continue
        if _contoh(row):
            dilewati.append((n, "baris contoh dari templat"))
            continue
        if baris and _tanda_tangan(row):
            tanda_tangan = True
            dilewati.append((n, "blok tanda tangan"))
            continue
        if pemisah and len(row) > lebar and any(_isi(c) for c in row[lebar:]):
            terlalu_banyak.append(
                f"{nama} baris {n}: berisi {len(row)} sel, padahal baris judul hanya {lebar} kolom "
                f"(periksa tanda pemisah '{pemisah}' atau tanda kutip di baris ini)."
            )
            continue
        mentah = {k: (row[i] if i < len(row) else "") for k, i in posisi.items()}
        baris.append(BarisBerkas(n, {k: teks_sel(v) for k, v in mentah.items()}, mentah))
    if terlalu_banyak:
        raise DataDitolak(f"{nama}: {len(terlalu_banyak)} baris berisi sel lebih banyak daripada judul kolom.",
                          masalah=batasi(terlalu_banyak))
    tabel = TabelBerkas(nama, judul, posisi, baris, diabaikan, pemisah, encoding, lembar=lembar,
                        dilewati=dilewati, nomor_judul=i1 + 1, judul_mentah=list(header))
    for b in baris:
        b.tabel = tabel
    return tabel


def ringkas_dilewati(dilewati: list[tuple[int, str]]) -> str:
    """"1 (judul di atas tabel), 4-5 (baris jumlah/ringkasan)": consecutive rows of one reason joined."""
    out: list[str] = []
    i = 0
    while i < len(dilewati):
        n, why = dilewati[i]
        j = i
        # Consecutive rows of one reason are joined; the signature block runs to the end, blank rows included.
        while j + 1 < len(dilewati) and dilewati[j + 1][1] == why and (
                dilewati[j + 1][0] == dilewati[j][0] + 1 or why == "blok tanda tangan"):
            j += 1
        out.append(f"{n}{'-' + str(dilewati[j][0]) if j > i else ''} ({why})")
        i = j + 1
    return ", ".join(out[:30]) + (", ..." if len(out) > 30 else "")


__all__ = ["BarisBerkas", "TabelBerkas", "cari_judul", "huruf_kolom", "nama_judul", "ringkas_dilewati",
           "susun_tabel", "teks_sel"]
