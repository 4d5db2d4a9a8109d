"""Exports a user hands on: the ranking (peringkat) and the attendance list (daftar hadir), as CSV,
Markdown or plain text; and the cell escaping every export shares (also used by the berita acara).

User text is data, never markup or a formula. What is removed is the one control-character rule of
`sesi/teks.py` (`KENDALI`: escape sequences, C0/C1 controls, bidi and zero-width characters):
- `csv_sel`: those characters are removed first (tabs and newlines kept); then every place where a
  spreadsheet may start reading a value (the cell's start, and after a newline or the other common
  separator, `;` in a comma file: Excel in Indonesian splits on `;`) that would start with = + - @
  (after spaces, format characters or quotes), a tab, or a carriage return gets a single quote, so it
  is shown and never run as a formula (plain numbers such as -5 are left alone). The CSV writer also
  quotes every cell holding either separator. The rule follows OWASP's "CSV Injection" advice and
  docs/csv.md ("Keamanan isi").
- `md_sel`: Markdown's special characters are backslash-escaped and newlines become spaces (or <br>),
  so a hostile title never breaks a table or turns into a link, heading or HTML.
- `teks_sel`: the same characters removed, newlines and tabs made spaces, for a terminal or a .txt file.

Layout: text tables and paragraphs (80 columns, measured by display width) come from the engine the
berita acara uses, `sesi/teks_tabel.py`; Markdown tables from tabulate's "github" format (aligned pipe
tables, which tabulate does well). Formats and columns are described in docs/csv.md ("Ekspor"). The region's
words (desa or kelurahan, kabupaten or kota) follow the session (`sesi.sebutan`; docs/tata-cara.md section 2).
"""

from __future__ import annotations

import re
import unicodedata

from . import sebutan
from .dana import label_sumber, label_usulan, sumber_usulan
from .data import Data, normal
from .errors import DataDitolak
from .format import jam, rupiah, tanggal_panjang
from .model import label_status
from .nilai import to_decimal
from .pendaftaran import rekap
from .peringkat import Baris, aturan_urutan, bulat, bulat_titik, peringkat_kelompok
from .teks import KENDALI, buang_kendali
from .teks_tabel import LEBAR, bungkus, lebar_teks, tabel_teks
from .urutan import TempatAkhir, terverifikasi, urutan_akhir

# --- cell escaping (shared) -------------------------------------------------------------------------

_PLAIN_NUMBER = re.compile(r"[+-]?\d+([.,]\d+)*")
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~])")
_MD_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
_MD_TERJEMAH = str.maketrans({c: "\\" + c for c in "\\`*_{}[]<>#|~"})  # what _MD_SPECIAL escapes
_SPASI = re.compile(r" {2,}")


def _teks(value: object) -> str:
    if value is None:
        return ""
    return unicodedata.normalize("NFC", str(value))


#: The other common separator of each CSV separator (Excel in Indonesian reads `;`).
PEMISAH_LAIN = {",": ";", ";": ","}
_PEMISAH_SEGMEN = {p: re.compile(f"([{lain}\n])") for p, lain in PEMISAH_LAIN.items()}


def _rumus(bagian: str, angka_boleh: bool) -> bool:
    """Would a spreadsheet that starts reading a value at `bagian` read a formula? = + - @ or a tab as
    the first character that is not a space, a format (invisible) character or a quote.
    With `angka_boleh` (`bagian` is the whole cell) a plain number such as -5 or +1,5 is not one; a
    piece of a cell is never taken for a number, since a reader that splits it off also gets whatever
    follows it on the line."""
    for c in bagian:
        if c == "\t":
            return True
        if c.isspace() or c == '"' or unicodedata.category(c) == "Cf":
            continue
        return c in "=+-@" and not (angka_boleh and _PLAIN_NUMBER.fullmatch(bagian))
    return False


def csv_sel(value: object, pemisah: str = ",") -> str:
    """A cell for a CSV file separated by `pemisah` ("," or ";"): escape sequences and control, zero-width
    and bidi characters removed (newlines kept, the writer quotes them; CR becomes LF), then a single
    quote put before every piece a spreadsheet could read as a formula: the cell's start (also when it
    starts with a tab or a line break) and each piece after a newline or the other separator."""
    s = _teks(value)
    if s.isprintable() and PEMISAH_LAIN[pemisah] not in s and s[:1] not in (" ", '"'):
        # The common case, without the regular expressions: a printable string has nothing to remove
        # (see md_sel) and no line break, so it is one piece, decided by its first character.
        return "'" + s if s[:1] in ("=", "+", "-", "@") and not _PLAIN_NUMBER.fullmatch(s) else s
    s = KENDALI.sub("", s.replace("\r\n", "\n").replace("\r", "\n"))
    bagian = _PEMISAH_SEGMEN[pemisah].split(s)  # pieces, with the separators between them
    for i in range(0, len(bagian), 2):
        if _rumus(bagian[i], len(bagian) == 1) or (i == 0 and s[:1] == "\n"):
            bagian[i] = "'" + bagian[i]
    return "".join(bagian)


def md_sel(value: object, *, baris_baru: str = " ") -> str:
    """A cell (or inline text) for Markdown: \\ ` * _ { } [ ] < > # | ~ escaped with a backslash, an
    HTML entity's & escaped, control characters removed, newlines turned into `baris_baru` (a space, or
    pass "<br>" to keep the lines inside a table cell). The result reads as the literal text."""
    s = _teks(value)
    if s.isprintable():
        # The common case, without the regular expressions: a printable string has no escape sequence,
        # control, zero-width or bidi character, no newline or tab, and no whitespace but the space.
        s = s.translate(_MD_TERJEMAH)
        if "&" in s:
            s = _MD_ENTITY.sub(r"\\&", s)
        return (_SPASI.sub(" ", s) if "  " in s else s).strip()
    s = buang_kendali(s)
    s = _MD_SPECIAL.sub(r"\\\1", s)
    s = _MD_ENTITY.sub(r"\\&", s)
    lines = (re.sub(r" {2,}", " ", line).strip() for line in s.split("\n"))
    return baris_baru.join(line for line in lines if line)


def teks_sel(value: object) -> str:
    """A cell for a terminal or a .txt file: ANSI escapes and control characters removed, newlines and
    tabs become spaces."""
    s = _teks(value)
    if not s.isprintable():  # printable: nothing to remove (see md_sel)
        s = buang_kendali(s, baris_baru=" ")
    return (_SPASI.sub(" ", s) if "  " in s else s).strip()


# --- tables -----------------------------------------------------------------------------------------

PEMISAH_CSV = ","  # the separator of the CSV files we write


def _csv_baris(cells: list[str], pemisah: str = PEMISAH_CSV) -> str:
    """One CSV line without its newline: a cell holding either separator, a quote or a line break is
    quoted (doubling its quotes), so a reader that splits on the other separator never sees the cell's
    content as a separate cell. Otherwise as `csv.writer` writes it."""
    if cells == [""]:
        return '""'  # as csv.writer: one empty cell, told apart from an empty line
    tanda = (pemisah, PEMISAH_LAIN[pemisah], '"', "\n", "\r")
    return pemisah.join('"' + c.replace('"', '""') + '"' if any(t in c for t in tanda) else c for c in cells)


def tabel_csv(header: list[str], rows: list[list[object]]) -> str:
    """A CSV text (comma-separated, LF) of `header` and `rows`, every cell through `csv_sel` and quoted by
    `_csv_baris`: no cell can be read as a formula by a spreadsheet splitting on "," or on ";"."""
    lines = [_csv_baris(header)]
    for row in rows:
        sel = [csv_sel(c, PEMISAH_CSV) for c in row]
        if sel and _rumus(sel[0], False):
            # A plain number such as -5 first in its row: a reader splitting on ";" reads it together
            # with the rest of the line ("-5,=x..."), no longer a number.
            sel[0] = "'" + sel[0]
        lines.append(_csv_baris(sel))
    return "\n".join(lines) + "\n"


def _md_tabel(header: list[str], rows: list[list[object]]) -> str:
    from tabulate import tabulate  # imported when used: it costs ~20 ms (importlib.metadata) at start

    return tabulate([[md_sel(c) for c in row] for row in rows], headers=[md_sel(h) for h in header],
                    tablefmt="github", disable_numparse=True)


def _teks_tabel(header: list[str], rows: list[list[object]], kanan: set[int]) -> str:
    """A text table that fits 80 columns (the shared engine `sesi.teks_tabel`; columns in `kanan` are
    numbers: right-aligned, never wrapped)."""
    body = [[teks_sel(c) for c in row] for row in rows]
    if not body:
        return "(tidak ada)"
    return "\n".join(tabel_teks([teks_sel(h) for h in header], body,
                                 kanan=[i in kanan for i in range(len(header))]))


def _bungkus(text: str) -> str:
    return "\n".join(bungkus(teks_sel(text), LEBAR))


def _cek_format(fmt: str) -> None:
    if fmt not in FORMAT:
        raise DataDitolak(f"Format '{fmt}' tidak dikenal (pilihan: {', '.join(FORMAT)}).")


FORMAT = ("csv", "md", "txt")


# --- peringkat --------------------------------------------------------------------------------------

KOLOM_PERINGKAT = ["kelompok", "peringkat", "usulan_id", "kegiatan", "kelurahan", "skpd", "sumber_dana",
                   "harga_satuan", "total", "status", "peringkat_skor", "alasan_urutan"]


def _harga_csv(u) -> str:
    """The harga satuan as a plain number for a spreadsheet ("8500000"; the stored exact decimal), "" when
    not given."""
    h = to_decimal(u.harga_satuan)
    return "" if h is None else format(h, "f")


def _status_baris(b: Baris) -> str:
    if b.peringkat is None:
        return b.alasan
    parts = [label_status(b.usulan.status).lower() if terverifikasi(b.usulan) else "belum diverifikasi"]
    if b.seri:
        parts.append("seri")
    return "; ".join(parts)


def _tanda_baris(b: Baris) -> str:
    """The cells fewer than the listed penilai scored: "K2 2/3 penilai; K4 1/3 penilai"."""
    return "; ".join(f"{kode} {t}" for kode, t in b.tanda.items())


def _baris_peringkat(data: Data, kid: str) -> list[tuple[TempatAkhir | None, Baris]]:
    """A kelompok's rows: the final order (`sesi.urutan.urutan_akhir`), then the unranked with their reason."""
    return [(t, t.baris) for t in urutan_akhir(data, kid)] + \
        [(None, b) for b in peringkat_kelompok(data, kid).tidak_diperingkat]


def peringkat(data: Data, fmt: str = "csv") -> str:
    """The ranking of every kelompok in its final order (`sesi.urutan.urutan_akhir`: the scored order, then
    the moves agreed in Pleno II), then the unranked with their reason.

    csv: the columns of `KOLOM_PERINGKAT` (peringkat is the final place, peringkat_skor the rank by the
    scores, alasan_urutan why they differ; total with a decimal point); md/txt: one table per kelompok under
    a heading, the rank by the scores beside a moved row's place and the reason in its status, with the rule
    that decided the order stated under them. When a cell of any row was scored by fewer than the listed
    penilai, one more column ("tanda_penilai"; "Penilai kurang") names those cells ("K2 2/3 penilai"), so
    a total completed by the mean of those present does not pass unmarked.

    Sumber dana in the session's words (`sesi.dana.label_sumber`: "APBD Kota", "Dana Desa", "belum
    ditentukan"); in md/txt an older free-text value shows beside "CSR/lainnya" (`label_usulan`), in csv
    only the source it counts as, so the file imports back into its session (docs/impor.md). Harga satuan:
    csv, always a column (a plain number, "" when not given); md/txt, a column "Harga Satuan" ("Rp8.500.000")
    only when some usulan has one. The txt tables too wide for 80 columns are laid out as records
    (`sesi.teks_tabel.kartu`).
    """
    _cek_format(fmt)
    semua = [(k, _baris_peringkat(data, k.id)) for k in data.kelompok]
    semua = [(k, rows) for k, rows in semua if rows]
    tanda = any(b.tanda for _, baris in semua for _, b in baris)
    if fmt == "csv":
        rows = [[k.nama, t.peringkat_akhir if t else "", b.usulan.id, b.usulan.kegiatan, b.usulan.kelurahan,
                 b.usulan.skpd, label_sumber(data, sumber_usulan(b.usulan)), _harga_csv(b.usulan),
                 bulat_titik(b.total), _status_baris(b), b.peringkat or "", t.alasan if t else ""]
                + ([_tanda_baris(b)] if tanda else []) for k, baris in semua for t, b in baris]
        return tabel_csv(KOLOM_PERINGKAT + (["tanda_penilai"] if tanda else []), rows)

    info = data.info
    judul = f"Peringkat Usulan Musrenbang Kecamatan {info.kecamatan}"
    sub = f"RKPD {sebutan.daerah(data)} Tahun {info.tahun}" if info.tahun else ""
    # The txt table heads the rank column "No" to leave the width to the kegiatan.
    harga = any(to_decimal(b.usulan.harga_satuan) is not None for _, baris in semua for _, b in baris)
    header = ["Peringkat" if fmt == "md" else "No", "Id", "Kegiatan", sebutan.wilayah(data), "SKPD", "Sumber Dana"]
    header += ["Harga Satuan"] if harga else []
    header += ["Total", "Status"] + (["Penilai kurang"] if tanda else [])
    angka = {i for i, h in enumerate(header) if h in ("Harga Satuan", "Total")}  # right-aligned in txt
    bagian: list[str] = []
    for k, baris in semua:
        rows = []
        for t, b in baris:
            if t is None:
                tempat, status = "-", _status_baris(b)
            elif t.bergeser:
                tempat = f"{t.peringkat_akhir} ({t.peringkat_skor})"
                status = f"{_status_baris(b)}; {t.alasan}"
            else:
                tempat, status = str(t.peringkat_akhir), _status_baris(b)
            h = to_decimal(b.usulan.harga_satuan)
            rows.append([tempat, b.usulan.id, b.usulan.kegiatan, b.usulan.kelurahan, b.usulan.skpd,
                         label_usulan(data, b.usulan)] + ([rupiah(h) if h is not None else "-"] if harga else [])
                        + [bulat(b.total) or "-", status] + ([_tanda_baris(b)] if tanda else []))
        n = sum(1 for t, _ in baris if t)
        ringkas = f"{n} diperingkat, {len(baris) - n} tidak diperingkat"
        if any(t and t.bergeser for t, _ in baris):
            ringkas += "; urutan akhir setelah Sidang Pleno II, peringkat menurut skor dalam kurung"
        nama = k.nama if normal(k.nama).startswith("kelompok") else f"Kelompok {k.nama}"
        if fmt == "md":
            tabel = _md_tabel(header, rows) if rows else "_Belum ada usulan._"
            bagian.append(f"## {md_sel(nama)}\n\n{md_sel(ringkas)}.\n\n{tabel}")
        else:
            nama = teks_sel(nama)
            bagian.append(f"{nama}\n{'-' * min(lebar_teks(nama), LEBAR)}\n{_bungkus(ringkas)}.\n\n"
                          f"{_teks_tabel(header, rows, angka)}")
    if not semua:
        bagian.append("Belum ada usulan." if fmt == "txt" else "_Belum ada usulan._")
    aturan = aturan_urutan(data)
    if fmt == "md":
        head = f"# {md_sel(judul)}\n\n" + (f"{md_sel(sub)}\n\n" if sub else "")
        return head + "\n\n".join(bagian) + f"\n\n**Aturan urutan.** {md_sel(aturan)}\n"
    head = _bungkus(judul) + "\n" + (_bungkus(sub) + "\n" if sub else "") + "=" * min(lebar_teks(judul), LEBAR)
    return head + "\n\n" + "\n\n".join(bagian) + "\n\nAturan urutan:\n" + _bungkus(aturan) + "\n"


# --- daftar hadir -----------------------------------------------------------------------------------

def kolom_daftar_hadir(data: Data) -> list[str]:
    """The attendance list's columns, the wilayah named as the session does ("Lembaga/Desa")."""
    return ["No", "Nama", "Unsur", f"Lembaga/{sebutan.wilayah(data)}", "L/P", "Hadir (jam)"]


def _rekap_baris(data: Data) -> list[tuple[str, str]]:
    r = rekap(data)
    rentan = f"{r.rentan}"
    if r.rentan_per_jenis:
        rentan += " (" + ", ".join(f"{k} {v}" for k, v in sorted(r.rentan_per_jenis.items())) + ")"
    perempuan = f"{r.perempuan}" + (f" ({r.persen_perempuan:.1f}% dari yang hadir)".replace(".", ",")
                                    if r.hadir else "")
    return [("Terdaftar", str(r.terdaftar)), ("Hadir", str(r.hadir)), ("Perempuan hadir", perempuan),
            ("Rentan hadir", rentan)]


def daftar_hadir(data: Data, fmt: str = "csv") -> str:
    """Everyone registered, in registration order, with the check-in time of those present, and the
    totals (registered, present, women, vulnerable) under the table."""
    _cek_format(fmt)
    kosong = "" if fmt == "csv" else "-"
    rows = []
    for i, p in enumerate(data.peserta.values(), start=1):
        kel = p.kelurahan if p.kelurahan and normal(p.kelurahan) not in normal(p.lembaga) else ""
        asal = " / ".join(x for x in (p.lembaga, kel) if x)
        rows.append([i, p.nama, sebutan.label_unsur(data, p.unsur), asal or kosong, p.jenis_kelamin or kosong,
                     jam(p.waktu_hadir) if p.hadir and p.waktu_hadir else ("hadir" if p.hadir else kosong)])
    total = _rekap_baris(data)
    kolom = kolom_daftar_hadir(data)
    if fmt == "csv":
        return tabel_csv(kolom, rows + [[]] + [["", k, v] for k, v in total])
    info = data.info
    judul = f"Daftar Hadir Musrenbang Kecamatan {info.kecamatan}"
    sub = ", ".join(x for x in (tanggal_panjang(info.tanggal) if info.tanggal else "", info.tempat) if x)
    if fmt == "md":
        tabel = _md_tabel(kolom, rows) if rows else "_Belum ada peserta terdaftar._"
        jumlah = "\n".join(f"- {k}: {md_sel(v)}" for k, v in total)
        return f"# {md_sel(judul)}\n\n" + (f"{md_sel(sub)}\n\n" if sub else "") + f"{tabel}\n\n{jumlah}\n"
    tabel = _teks_tabel(kolom, rows, {0}) if rows else "Belum ada peserta terdaftar."
    jumlah = "\n".join(f"{k}: {teks_sel(v)}" for k, v in total)
    return (_bungkus(judul) + "\n" + (_bungkus(sub) + "\n" if sub else "") + "=" * min(lebar_teks(judul), LEBAR)
            + f"\n\n{tabel}\n\n{jumlah}\n")
