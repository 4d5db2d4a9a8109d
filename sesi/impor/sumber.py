"""Reading an import file, whatever its format, into sheets of rows of cells (docs/impor.md, "Berkas").

`baca_sumber(path, lembar=None) -> Sumber`: the file's sheets (`Lembar`), each a list of rows (row 0 is
the spreadsheet's row 1) of cells, and its merged ranges. A cell is `str` (CSV, or text in a workbook),
`float`/`int` (a workbook's number: read exactly, no locale guessing), `datetime.date`/`datetime.datetime`
/`datetime.time` (a date or time cell), or `bool`. Formulas come in as the value the spreadsheet last
calculated (a workbook written by a program that never calculated them, such as openpyxl, holds none: the
cell is empty).

- `.xlsx`, `.xlsm`, `.xls`, `.ods`, recognised by their content (a zip or OLE signature), read with
  python-calamine (merged ranges are known for xlsx and xls; ods gives none). Every sheet, or only
  `lembar` (by name, any case). Hidden sheets are marked (`tersembunyi`) unless asked for by name.
- anything else is read as CSV (`berkas_csv`): one sheet named "".

Bounds (any input, bounded work): at most `BATAS_UKURAN` bytes, `BATAS_LEMBAR` sheets, `BATAS_BARIS` rows
in all, `BATAS_KOLOM` columns (cells further right are dropped and said), `BATAS_SEL` characters per text
cell (longer text is cut to that; the actions' own limits then refuse it by name).
A zipped workbook (xlsx, ods) is inspected with `zipfile` before the reader library sees it
(`_periksa_zip`): at most `BATAS_ISI_ZIP` bytes once unpacked, all parts together, counted while actually
unpacking (a header that lies about a part's size is caught too), and no part of more than 1 MiB packed
more than `BATAS_RASIO` times (a "zip bomb": a 1.5 MB file holding one 1.5 GB cell made the reader abort
the whole process). Refused with a message naming the file.
Invisible characters spreadsheets carry (zero-width space/joiners, BOM, soft hyphen:
`sesi.masukan.TAK_TERLIHAT`) are removed from every text cell here and the report says where
(`_buang_tak_terlihat`); control and bidi characters stay, for the actions to refuse by field.
Errors: `DataDitolak` naming the file (not found, a folder, too big, damaged, protected, no such sheet).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

from ..errors import DataDitolak
from .berkas_csv import BATAS_UKURAN, baca_baris_csv

BATAS_LEMBAR = 100
#: Rows per import. A peserta row takes about 700 bytes in the session file (the record and its share of the
#: history entry), so 100,000 rows (about 70 MB) fit under the store's 128 MiB (`sesi.cadangan.BATAS_UKURAN`)
#: with room for the session itself; at 250,000 an accepted import wrote a session no read would open. The
#: store refuses any write past its limit anyway (docs/impor.md, "Batas").
BATAS_BARIS = 100_000
BATAS_KOLOM = 200
BATAS_SEL = 32_767  # characters: Excel's own limit for a cell
BATAS_ISI_ZIP = 128 * 1024 * 1024  # bytes of a workbook's parts once unpacked (far above BATAS_BARIS rows of usulan)
BATAS_RASIO = 200  # a part packed more than this many times is a zip bomb, not a spreadsheet

_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0"


@dataclass
class Lembar:
    """One sheet: rows of cells (row 0 = the spreadsheet's row 1) and merged ranges (0-based, inclusive)."""

    nama: str  # "" for a CSV file
    baris: list[list[Any]]
    gabung: list[tuple[tuple[int, int], tuple[int, int]]] = field(default_factory=list)
    tersembunyi: bool = False  # a hidden sheet (a template's lists): read only when asked by name


@dataclass
class Sumber:
    nama: str  # the file's name as shown in messages
    format: str  # "csv", "xlsx", "xls" or "ods"
    lembar: list[Lembar]
    encoding: str = ""  # CSV only
    pemisah: str = ""  # CSV only
    catatan: list[str] = field(default_factory=list)  # warnings about the file itself

    def label(self, lembar: Lembar) -> str:
        """How messages name a sheet: "usulan.xlsx lembar 'Kuin Utara'", or the file name for CSV."""
        return f"{self.nama} lembar '{lembar.nama}'" if self.format != "csv" else self.nama


def _baca_bytes(path: str) -> bytes:
    nama = os.path.basename(path) or path
    if os.path.isdir(path):
        raise DataDitolak(f"{path} adalah folder, bukan berkas.")
    try:
        with open(path, "rb") as f:
            raw = f.read(BATAS_UKURAN + 1)
    except FileNotFoundError:
        raise DataDitolak(f"Berkas {path} tidak ditemukan.") from None
    except OSError as e:
        raise DataDitolak(f"Berkas {path} tidak dapat dibaca: {e.strerror or e}.") from None
    if len(raw) > BATAS_UKURAN:
        raise DataDitolak(f"{nama} terlalu besar (lebih dari {BATAS_UKURAN // (1024 * 1024)} MB) untuk "
                          "diimpor; pecah menjadi beberapa berkas.")
    return raw


def _sel(v: Any) -> Any:
    if isinstance(v, str) and len(v) > BATAS_SEL:
        return v[:BATAS_SEL]
    return v


def _format_buku(raw: bytes, path: str) -> str:
    if raw.startswith(_OLE):
        return "xls"
    if raw.startswith(_ZIP):
        head = raw[:4096]
        if b"mimetypeapplication/vnd.oasis.opendocument" in head:
            return "ods"
        return "ods" if path.lower().endswith(".ods") else "xlsx"
    return ""


def _periksa_zip(raw: bytes, nama: str, fmt: str) -> None:
    """Refuse a zipped workbook whose parts unpack to more than `BATAS_ISI_ZIP` bytes in all or pack one
    part absurdly tight (`BATAS_RASIO`); bounded work: unpacking stops at the limit."""
    import io
    import zipfile

    def tolak(sebab: str) -> DataDitolak:
        return DataDitolak(f"{nama} ditolak: {sebab} Berkas {fmt.upper()} yang wajar tidak demikian; buka di "
                           "Excel/LibreOffice lalu simpan ulang, atau pecah menjadi beberapa berkas.")

    batas_mb = BATAS_ISI_ZIP // (1024 * 1024)
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as z:
            bagian = z.infolist()
            if sum(i.file_size for i in bagian) > BATAS_ISI_ZIP:
                raise tolak(f"isinya setelah dibuka lebih dari {batas_mb} MB.")
            for i in bagian:
                if i.file_size > 1024 * 1024 and i.file_size > BATAS_RASIO * max(i.compress_size, 1):
                    raise tolak(f"bagian {i.filename[:80]} dimampatkan lebih dari {BATAS_RASIO} kali "
                                "(bom zip).")
            total = 0
            for i in bagian:
                with z.open(i) as f:
                    while chunk := f.read(1024 * 1024):
                        total += len(chunk)
                        if total > BATAS_ISI_ZIP:
                            raise tolak(f"isinya setelah dibuka lebih dari {batas_mb} MB.")
    except DataDitolak:
        raise
    except Exception:  # noqa: BLE001 - zipfile raises several classes for a damaged archive
        raise DataDitolak(f"{nama} tidak dapat dibaca sebagai berkas {fmt.upper()}: berkas rusak atau bukan "
                          "lembar kerja. Buka di Excel/LibreOffice lalu simpan ulang sebagai .xlsx.") from None


def _baca_buku(raw: bytes, path: str, fmt: str, lembar: str | None) -> Sumber:
    import io

    from python_calamine import CalamineWorkbook

    nama = os.path.basename(path) or path
    if raw.startswith(_ZIP):
        _periksa_zip(raw, nama, fmt)
    try:
        wb = CalamineWorkbook.from_filelike(io.BytesIO(raw))
    except Exception as e:  # noqa: BLE001 - calamine raises several classes for a damaged file
        sebab = "dilindungi kata sandi" if "password" in str(e).lower() else "rusak atau bukan lembar kerja"
        raise DataDitolak(f"{nama} tidak dapat dibaca sebagai berkas {fmt.upper()}: berkas {sebab}. Buka di "
                          "Excel/LibreOffice lalu simpan ulang sebagai .xlsx.") from None
    names = list(wb.sheet_names)
    try:
        hidden = {m.name for m in wb.sheets_metadata if str(m.visible).rsplit(".", 1)[-1].lower() != "visible"}
    except Exception:  # noqa: BLE001 - metadata is a convenience; without it every sheet is read
        hidden = set()
    if lembar is not None:
        cocok = [n for n in names if n.casefold().strip() == lembar.casefold().strip()]
        if not cocok:
            raise DataDitolak(f"{nama} tidak mempunyai lembar '{lembar}'. Lembar yang ada: "
                              f"{', '.join(names[:BATAS_LEMBAR])}.")
        names = cocok[:1]
    sumber = Sumber(nama, fmt, [])
    if len(names) > BATAS_LEMBAR:
        sumber.catatan.append(f"{nama} berisi {len(names)} lembar; hanya {BATAS_LEMBAR} lembar pertama "
                              "yang dibaca.")
        names = names[:BATAS_LEMBAR]
    sisa = BATAS_BARIS
    for n in names:
        try:
            sheet = wb.get_sheet_by_name(n)
            r0, c0 = sheet.start or (0, 0)
            rows: list[list[Any]] = [[] for _ in range(min(r0, sisa))]
            lebar_lewat = False
            for row in sheet.iter_rows():
                if len(rows) >= sisa:
                    raise DataDitolak(f"{nama}: lebih dari {BATAS_BARIS} baris; pecah menjadi beberapa berkas.")
                cells = [""] * c0 + [_sel(v) for v in row]
                if len(cells) > BATAS_KOLOM:
                    lebar_lewat = lebar_lewat or any(v not in ("", None) for v in cells[BATAS_KOLOM:])
                    cells = cells[:BATAS_KOLOM]
                rows.append(cells)
            gabung = list(sheet.merged_cell_ranges or [])
        except DataDitolak:
            raise
        except Exception:  # noqa: BLE001 - a damaged sheet inside a readable workbook
            raise DataDitolak(f"{nama} lembar '{n}' tidak dapat dibaca (berkas rusak). Buka di "
                              "Excel/LibreOffice lalu simpan ulang.") from None
        sisa -= len(rows)
        if lebar_lewat:
            sumber.catatan.append(f"{nama} lembar '{n}': kolom sesudah kolom ke-{BATAS_KOLOM} diabaikan.")
        sumber.lembar.append(Lembar(n, rows, gabung, tersembunyi=n in hidden and lembar is None))
    return sumber


def _buang_tak_terlihat(sumber: Sumber) -> Sumber:
    """Remove `TAK_TERLIHAT` characters from every text cell, noting how many cells and the first places."""
    from ..masukan import TAK_TERLIHAT
    from .tabel import huruf_kolom

    tempat: list[str] = []
    jumlah = 0
    for lembar in sumber.lembar:
        for r, row in enumerate(lembar.baris):
            for c, v in enumerate(row):
                if isinstance(v, str) and not v.isascii() and TAK_TERLIHAT.search(v):
                    row[c] = TAK_TERLIHAT.sub("", v)
                    jumlah += 1
                    if len(tempat) < 5:
                        tempat.append((f"lembar '{lembar.nama}' " if lembar.nama else "") + f"sel {huruf_kolom(c)}{r + 1}")
    if jumlah:
        sumber.catatan.append(f"Karakter tak terlihat (spasi lebar nol, tanda hubung lunak) dibuang dari {jumlah} "
                              f"sel: {', '.join(tempat)}{', ...' if jumlah > len(tempat) else ''}.")
    return sumber


def baca_sumber(path: str | os.PathLike[str], lembar: str | None = None) -> Sumber:
    """Read an import file (CSV or workbook) into sheets of rows; DataDitolak for file-level problems."""
    path = os.fspath(path)
    nama = os.path.basename(path) or path
    raw = _baca_bytes(path)
    fmt = _format_buku(raw, path)
    if fmt:
        return _buang_tak_terlihat(_baca_buku(raw, path, fmt, lembar))
    if lembar is not None:
        raise DataDitolak(f"{nama} adalah berkas CSV (satu lembar saja); --lembar hanya untuk lembar kerja "
                          "Excel atau LibreOffice.")
    rows, pemisah, enc, catatan = baca_baris_csv(raw, nama)
    if len(rows) > BATAS_BARIS:
        raise DataDitolak(f"{nama}: lebih dari {BATAS_BARIS} baris; pecah menjadi beberapa berkas.")
    return _buang_tak_terlihat(Sumber(nama, "csv", [Lembar("", rows)], encoding=enc, pemisah=pemisah,
                                      catatan=catatan))


__all__ = ["BATAS_BARIS", "BATAS_ISI_ZIP", "BATAS_RASIO", "BATAS_KOLOM", "BATAS_LEMBAR", "BATAS_SEL", "Lembar", "Sumber", "baca_sumber"]
