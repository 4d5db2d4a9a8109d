"""Reading a CSV file's bytes as spreadsheet users actually write them, into rows of cell strings
(docs/impor.md, "Berkas CSV"). `sumber.baca_sumber` reads the file and sends workbooks elsewhere.

- Size: at most `BATAS_UKURAN` bytes (checked by the caller before decoding).
- Encoding: UTF-8 with or without BOM, UTF-16 with BOM, else detected by charset-normalizer between cp1252
  and Mac Roman, and said in the summary (with the words to check when the guess is doubtful). Binary
  data is refused.
- Delimiter: `,`, `;` (Indonesian Excel) or tab, whichever the first lines use most outside quotes.
- Quoting: a quoted newline stays in its row; an unclosed quote is refused naming the row.
- A cell longer than csv's field limit (131,072 characters) is refused as too long, naming row and column.
Every problem raises `DataDitolak` at once (nothing of the session is touched yet).
"""

from __future__ import annotations

import codecs
import csv
import io
import re

from ..errors import DataDitolak

BATAS_UKURAN = 50 * 1024 * 1024  # bytes; a CSV of usulan or peserta is far smaller


def tebak_pemisah(contoh: str) -> str:
    """The delimiter the first lines use most, outside quotes (default ',')."""
    counts = {",": 0, ";": 0, "\t": 0}
    quoted = False
    for ch in contoh:
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch in counts:
            counts[ch] += 1
    best = max(counts, key=lambda c: counts[c])
    return best if counts[best] else ","


def _kata_curiga(text: str, batas: int = 5) -> list[str]:
    """Words holding a letter outside ASCII: where a wrong guess of the encoding shows."""
    out: list[str] = []
    for w in re.findall(r"[^\s,;\t\"]*[^\x00-\x7f][^\s,;\t\"]*", text[:200_000]):
        w = w.strip("'")[:40]
        if w and w not in out:
            out.append(w)
            if len(out) >= batas:
                break
    return out


def dekode(raw: bytes, nama: str) -> tuple[str, str, list[str]]:
    """Bytes -> (text, encoding name, warnings); DataDitolak when the file is not text.

    UTF-16 with a BOM and UTF-8 (with or without BOM) are taken as they are; anything else is detected by
    charset-normalizer among cp1252 (Windows Excel) and mac_roman (Excel's "CSV (Macintosh)"), the two
    single-byte encodings spreadsheets write here (the default detection misreads Mac Roman as cp775 or
    hp_roman8: /work/wt/riset.md section 4). The chosen one is said, and a doubtful guess shows the words
    to check."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16"), "UTF-16", []
        except UnicodeDecodeError:
            pass
    if b"\x00" in raw[:65536]:
        raise DataDitolak(f"{nama} bukan berkas CSV: isinya data biner, bukan teks.")
    catatan: list[str] = []
    try:
        text, enc = raw.decode("utf-8-sig"), "UTF-8"
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        hasil = from_bytes(raw[:1_000_000], cp_isolation=["cp1252", "mac_roman"])
        best = hasil.best()
        ragu = best is None or best.chaos > 0.05 or (len(hasil) > 1 and hasil[1].chaos <= best.chaos + 0.01)
        enc = best.encoding if best is not None else "cp1252"
        try:
            text = raw.decode(enc)
        except UnicodeDecodeError:  # bytes cp1252 leaves undefined: Mac Roman decodes every byte
            enc, ragu = "mac_roman", True
            text = raw.decode(enc)
        label = {"cp1252": "cp1252 (Windows)", "mac_roman": "Mac Roman (CSV Macintosh)"}.get(enc, enc)
        pesan = f"Berkas dibaca sebagai {label}, bukan UTF-8"
        kata = _kata_curiga(text)
        if ragu and kata:
            pesan += f"; keyakinan rendah, periksa huruf pada kata: {', '.join(kata)}"
        elif kata:
            pesan += f"; periksa huruf beraksen (misalnya {', '.join(kata[:3])})"
        catatan.append(pesan + ".")
    sample = text[:65536]
    kendali = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\r\n")
    if sample and kendali > max(2, len(sample) // 100):
        raise DataDitolak(f"{nama} bukan berkas CSV: isinya data biner, bukan teks.")
    return text, enc, catatan


def _sel_terlalu_panjang(text: str, lewat: int, pemisah: str, nama: str, nomor: int) -> str:
    """The message for a cell longer than csv's field limit (131,072 characters), naming the row and, when
    the row's line shows it, the column (its letter, as a spreadsheet names it)."""
    from .tabel import huruf_kolom

    batas = csv.field_size_limit()
    awal = 0
    for _ in range(lewat):  # the start of the failing row's first physical line
        awal = text.find("\n", awal) + 1
        if awal == 0:
            break
    ujung = text.find("\n", awal)
    baris = text[awal:ujung if ujung >= 0 else len(text)]
    kolom = ""
    for i, sel in enumerate(baris.split(pemisah)):
        if len(sel) > batas:
            kolom = f", kolom {huruf_kolom(i)}"
            break
    angka = f"{batas:,}".replace(",", ".")
    return (f"{nama} baris {nomor}{kolom}: sel terlalu panjang (lebih dari {angka} karakter)"
            "; isian sepanjang itu bukan data musrenbang. Periksa berkasnya.")


def baca_baris_csv(raw: bytes, nama: str) -> tuple[list[list[str]], str, str, list[str]]:
    """A CSV file's bytes -> (rows of cell strings, delimiter, encoding, warnings); DataDitolak at once
    for a file that is not readable CSV."""
    text, enc, catatan = dekode(raw, nama)
    if not text.strip():
        raise DataDitolak(f"{nama} kosong: tidak ada baris judul kolom maupun data.")
    # The delimiter: the one the first lines use most (a title line above the header has few).
    pemisah = tebak_pemisah("\n".join(text[:100_000].splitlines()[:20]))
    rows: list[list[str]] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=pemisah, strict=True)
    baris_fisik = 0  # physical lines read before the current row (a quoted newline spans lines)
    try:
        for row in reader:
            rows.append(row)
            baris_fisik = reader.line_num
    except csv.Error as e:
        if "larger than" in str(e):  # one cell over csv's field limit: say so, not "unclosed quote"
            raise DataDitolak(_sel_terlalu_panjang(text, baris_fisik, pemisah, nama, len(rows) + 1)) from None
        sebab = ("ada tanda kutip yang tidak ditutup" if "end of data" in str(e)
                 else "tanda kutip tidak pada tempatnya" if "expected" in str(e) else str(e))
        raise DataDitolak(f"{nama} baris {len(rows) + 1}: tidak dapat dibaca sebagai CSV ({sebab}).") from None
    return rows, pemisah, enc, catatan
