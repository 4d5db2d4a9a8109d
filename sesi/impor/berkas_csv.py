"""Reading a CSV file as spreadsheet users actually write it, into a `TabelBerkas` (docs/csv.md).

- Size: at most `BATAS_UKURAN` bytes, else refused before decoding.
- Encoding: UTF-8 with or without BOM, UTF-16 with BOM, else cp1252. An Excel workbook (.xlsx/.xls
  signature) or binary data is refused with a message saying what to do.
- Delimiter: `,`, `;` (Indonesian Excel) or tab, whichever the header line uses most outside quotes.
- Quoting: a quoted newline stays in its row; an unclosed quote is refused naming the row.
Every problem raises `DataDitolak` at once (nothing of the session is touched yet).
"""

from __future__ import annotations

import codecs
import csv
import io
import os

from ..errors import DataDitolak
from .tabel import TabelBerkas, susun_tabel

BATAS_UKURAN = 50 * 1024 * 1024  # bytes; a CSV of usulan or peserta is far smaller


def tebak_pemisah(baris_judul: str) -> str:
    """The delimiter the header line uses most, outside quotes (default ',')."""
    counts = {",": 0, ";": 0, "\t": 0}
    quoted = False
    for ch in baris_judul:
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch in counts:
            counts[ch] += 1
    best = max(counts, key=lambda c: counts[c])
    return best if counts[best] else ","


def dekode(raw: bytes, nama: str) -> tuple[str, str]:
    """Bytes -> (text, encoding name); DataDitolak when the file is not text."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16"), "UTF-16"
        except UnicodeDecodeError:
            pass
    if raw.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        raise DataDitolak(f"{nama} adalah berkas Excel, bukan CSV. Buka di Excel/LibreOffice lalu simpan "
                          "sebagai CSV (File > Simpan Sebagai > CSV).")
    if b"\x00" in raw[:65536]:
        raise DataDitolak(f"{nama} bukan berkas CSV: isinya data biner, bukan teks.")
    try:
        text, enc = raw.decode("utf-8-sig"), "UTF-8"
    except UnicodeDecodeError:
        try:
            text, enc = raw.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            raise DataDitolak(f"{nama} bukan berkas CSV: bukan teks UTF-8 maupun cp1252.") from None
    sample = text[:65536]
    kendali = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\r\n")
    if sample and kendali > max(2, len(sample) // 100):
        raise DataDitolak(f"{nama} bukan berkas CSV: isinya data biner, bukan teks.")
    return text, enc


def baca_csv(path: str | os.PathLike[str], jenis: str, kolom: dict[str, bool],
             alias: dict[str, str]) -> TabelBerkas:
    """Read and parse a CSV file of one kind (`kolom`: name -> required; `alias`: header -> column);
    file-level problems raise DataDitolak at once."""
    path = os.fspath(path)
    nama = os.path.basename(path) or path
    if os.path.isdir(path):
        raise DataDitolak(f"{path} adalah folder, bukan berkas CSV.")
    try:
        with open(path, "rb") as f:
            raw = f.read(BATAS_UKURAN + 1)
    except FileNotFoundError:
        raise DataDitolak(f"Berkas {path} tidak ditemukan.") from None
    except OSError as e:
        raise DataDitolak(f"Berkas {path} tidak dapat dibaca: {e.strerror or e}.") from None
    if len(raw) > BATAS_UKURAN:
        raise DataDitolak(f"{nama} terlalu besar (lebih dari {BATAS_UKURAN // (1024 * 1024)} MB) untuk "
                          "berkas CSV impor.")
    text, enc = dekode(raw, nama)
    if not text.strip():
        raise DataDitolak(f"{nama} kosong: tidak ada baris judul kolom maupun data.")
    baris_judul = next((line for line in text.splitlines() if line.strip()), "")
    pemisah = tebak_pemisah(baris_judul)
    rows: list[list[str]] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=pemisah, strict=True)
    try:
        for row in reader:
            rows.append(row)
    except csv.Error as e:
        sebab = ("ada tanda kutip yang tidak ditutup" if "end of data" in str(e) or "larger than" in str(e)
                 else "tanda kutip tidak pada tempatnya" if "expected" in str(e) else str(e))
        raise DataDitolak(f"{nama} baris {len(rows) + 1}: tidak dapat dibaca sebagai CSV ({sebab}).") from None
    return susun_tabel(nama, rows, jenis, kolom, alias, pemisah=pemisah, encoding=enc)
