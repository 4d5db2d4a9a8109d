"""Checking one input field: required text, names, bounded text, whole numbers, decimals in a range, dates.

Every function takes the value as typed (a string from a form, a CSV cell or the command line; an int or a
Decimal from code) and returns it checked and cleaned for storing, or raises `DataDitolak` with one formal
Indonesian sentence that starts with the field's label (`nama_kolom`), e.g. "Bobot harus lebih dari 0 dan
paling besar 1000, bukan '1e999999999'." The CSV import relies on that start to name the column
(`sesi.impor.laporan`). Text is cleaned by the one control-character rule, `sesi.teks.bersih`.

Limits (issue 10, items 6 and 7; the figures the user sees are in docs/csv.md, "Batas isian"):

- a person's name (peserta, penanda tangan, delegasi, perumus, `--nama`): at most `BATAS_NAMA` characters
  and no control, bidi or zero-width character at all (refused, not silently cleaned: a name that renders
  differently from what it holds must not reach a signature table);
- a reason (alasan): at most `BATAS_ALASAN` characters;
- every other text a user types or imports: at most `BATAS_ISIAN[field]` characters (the one table of
  text limits, each fitting what the field holds: a place's name 100, an institution or a title 200, a
  kegiatan 500, a lokasi 300, a note 2,000), checked by `isian` at every entry point (the CLI's `baru`,
  the imports, the screens' forms through the same actions) and by `sesi.skema` when a file is read;
- the one rule for single-line text (`isian`, `teks_terbatas`, docs/impor.md "Karakter tersembunyi"): a
  control character (C0, C1, DEL, so any terminal escape sequence) or a bidi control is refused with a
  message naming the field, never silently dropped ("X<ESC>[2JY" must not become "XY" unnoticed);
  zero-width characters and the soft hyphen, which Excel cells commonly carry invisibly, are removed (an
  import says so in its report: `sesi.impor.sumber`); tab and newline become a space;
- numbers are compared with their range before any arithmetic or formatting: a whole number of more than
  `BATAS_DIGIT` digits is refused before `int()` (Python refuses over 4,300 digits with ValueError), and a
  Decimal such as 1e999999999 is refused before it is ever written out in full.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from .errors import DataDitolak
from .teks import KARAKTER_KENDALI, bersih, tampak

BATAS_NAMA = 200  # characters
BATAS_ALASAN = 2000  # characters
#: The one table of text limits (characters), by field name as stored; `isian` applies them.
BATAS_ISIAN: dict[str, int] = {
    # names of places
    "kecamatan": 100, "kota": 100, "kelurahan": 100, "desa": 100, "ibu_kota_kecamatan": 100,
    # institutions, titles, what a person or an agency is
    "lembaga": 200, "jabatan": 200, "skpd": 200, "bidang": 200, "bappeda": 200, "unsur": 100,
    "rentan_jenis": 100, "nama_kelompok": 200, "nama_kriteria": 200, "label_skala": 200,
    # places, agenda, numbering
    "tempat": 300, "lokasi": 300, "acara": 300, "nomor_ba": 100, "waktu": 50,
    # what is proposed, and notes
    "kegiatan": 500, "materi": 500, "masalah": 2000, "catatan": 2000, "keterangan": 2000,
    "alasan": BATAS_ALASAN,
    # short codes
    "satuan": 30, "telepon": 30, "status_asal": 100,
}
#: Characters spreadsheets carry unseen and that may be removed (reported by an import): zero-width space,
#: non-joiner, joiner, word joiner, zero-width no-break space (BOM) and the soft hyphen.
TAK_TERLIHAT = re.compile("[\u200b-\u200d\u2060\ufeff\u00ad]")
BATAS_DIGIT = 18  # digits of a whole number as typed (far above any count, year or score)
_BULAT = re.compile(r"[+-]?\d+")


def kutip(text: str, batas: int = 40) -> str:
    """A value quoted in a message, cut to `batas` characters (a 1 MB cell must not become a 1 MB message)."""
    return text if len(text) <= batas else text[: batas - 3] + "..."


_KUTIPAN = re.compile(r"'([^'\n]{%d,})'" % 81)
BATAS_PESAN = 600  # characters of one problem line


def pendekkan_kutipan(pesan: str, batas: int = 80) -> str:
    """A message with every quoted value longer than `batas` characters cut to `batas` with "…", and the
    whole line to `BATAS_PESAN` (a 1.5 GB cell must not become a 1.5 GB error line)."""
    if len(pesan) <= batas:
        return pesan
    pesan = _KUTIPAN.sub(lambda m: f"'{m.group(1)[:batas - 1]}…'", pesan)
    return pesan if len(pesan) <= BATAS_PESAN else pesan[:BATAS_PESAN - 1] + "…"


def wajib(value: object, nama_kolom: str) -> str:
    """Cleaned text that must not be empty."""
    v = bersih(value)
    if not v:
        raise DataDitolak(f"{nama_kolom} wajib diisi.")
    return v


def tolak_kendali(value: object, nama_kolom: str) -> str:
    """`value` as text, or DataDitolak when it holds a control character (C0 other than tab, newline and
    CR; DEL; C1; so any terminal escape sequence) or a bidi control, naming the field and showing what was
    found (`sesi.teks.tampak`). Zero-width characters and the soft hyphen pass (`TAK_TERLIHAT`)."""
    mentah = "" if value is None else str(value)
    if mentah.isprintable():
        return mentah
    ditemukan = sorted({c for c in KARAKTER_KENDALI.findall(mentah) if not TAK_TERLIHAT.fullmatch(c)}
                       - {"\r"})
    if ditemukan:
        raise DataDitolak(f"{nama_kolom} tidak boleh memuat karakter kendali atau pengatur arah teks "
                          f"(ditemukan {', '.join(tampak(c) for c in ditemukan[:5])}).")
    return mentah


def teks_terbatas(value: object, nama_kolom: str, batas: int, *, baris_baru: bool = False,
                  jaga_spasi: bool = False) -> str:
    """Cleaned text (may be empty) of at most `batas` characters; a control or bidi character is refused
    (`tolak_kendali`), zero-width characters and soft hyphens removed."""
    v = bersih(TAK_TERLIHAT.sub("", tolak_kendali(value, nama_kolom)), baris_baru=baris_baru,
               jaga_spasi=jaga_spasi)
    if len(v) > batas:
        raise DataDitolak(f"{nama_kolom} terlalu panjang ({len(v)} karakter; paling banyak {batas}).")
    return v


def isian(value: object, nama_kolom: str, kolom: str, *, wajib_isi: bool = False,
          baris_baru: bool = False, jaga_spasi: bool = False) -> str:
    """A user-typed or imported text field `kolom` (a key of `BATAS_ISIAN`) as stored: the one rule for
    hidden characters (`teks_terbatas`) and the field's limit; with `wajib_isi`, DataDitolak when empty.
    Messages start with `nama_kolom` (the label an import maps back to its column)."""
    v = teks_terbatas(value, nama_kolom, BATAS_ISIAN[kolom], baris_baru=baris_baru, jaga_spasi=jaga_spasi)
    if wajib_isi and not v:
        raise DataDitolak(f"{nama_kolom} wajib diisi.")
    return v


def alasan(value: object, nama_kolom: str = "Alasan") -> str:
    """A reason as stored (may be empty; the caller says when it is required): at most `BATAS_ALASAN`."""
    return teks_terbatas(value, nama_kolom, BATAS_ALASAN)


def nama_orang(value: object, nama_kolom: str = "Nama", *, boleh_kosong: bool = False) -> str:
    """A person's name: refused when it holds a control, bidi or zero-width character (leading and trailing
    spaces, tabs and newlines are only trimmed) or is longer than `BATAS_NAMA`; otherwise cleaned."""
    mentah = "" if value is None else str(value)
    inti = mentah.strip(" \t\r\n")
    if not inti.isprintable():
        ditemukan = sorted(set(KARAKTER_KENDALI.findall(inti)) | ({"\t", "\n", "\r"} & set(inti)))
        if ditemukan:
            raise DataDitolak(f"{nama_kolom} tidak boleh memuat karakter kendali, pengatur arah teks atau "
                              f"karakter tak terlihat (ditemukan {', '.join(tampak(c) for c in ditemukan)}).")
    v = bersih(inti)
    if not v:
        if boleh_kosong:
            return ""
        raise DataDitolak(f"{nama_kolom} wajib diisi.")
    if len(v) > BATAS_NAMA:
        raise DataDitolak(f"{nama_kolom} terlalu panjang ({len(v)} karakter; paling banyak {BATAS_NAMA}).")
    return v


#: Month names and their usual short forms, Indonesian and English (lists copied from documents).
_BULAN_NAMA = {
    "januari": 1, "jan": 1, "january": 1, "februari": 2, "feb": 2, "pebruari": 2, "peb": 2, "february": 2,
    "maret": 3, "mar": 3, "march": 3, "april": 4, "apr": 4, "mei": 5, "may": 5, "juni": 6, "jun": 6,
    "june": 6, "juli": 7, "jul": 7, "july": 7, "agustus": 8, "agu": 8, "agt": 8, "ags": 8, "aug": 8,
    "august": 8, "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "oct": 10, "october": 10,
    "november": 11, "nov": 11, "nop": 11, "nopember": 11, "desember": 12, "des": 12, "dec": 12,
    "december": 12,
}
_HARI_NAMA = ("senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "sabtu", "minggu", "ahad")
_TGL_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_TGL_HBT = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")
_TGL_NAMA = re.compile(r"(\d{1,2})[\s\-/.]+([a-z]+)\.?[\s\-/.,]+(\d{4})")


def baca_tanggal(value: object) -> date | None:
    """A date as people type it, or None when it is not one. Day first, as in Indonesia: 09/02/2027,
    9-2-2027, 9.2.2027, 9 Februari 2027, 9 Feb 2027, "Selasa, 9 Februari 2027"; and ISO 2027-02-09."""
    v = bersih(value).casefold().strip()
    for hari in _HARI_NAMA:  # a leading day name ("Selasa, 9 Februari 2027") says nothing more
        if v.startswith(hari):
            v = v[len(hari):].lstrip(" ,")
            break
    try:
        if m := _TGL_ISO.fullmatch(v):
            return date(int(m[1]), int(m[2]), int(m[3]))
        if m := _TGL_HBT.fullmatch(v):
            return date(int(m[3]), int(m[2]), int(m[1]))
        if (m := _TGL_NAMA.fullmatch(v)) and m[2] in _BULAN_NAMA:
            return date(int(m[3]), _BULAN_NAMA[m[2]], int(m[1]))
    except ValueError:  # 31/02/2027
        return None
    return None


def tanggal_iso(value: object, nama_kolom: str, *, boleh_kosong: bool = False) -> str:
    """A date as people type it (`baca_tanggal`), returned in ISO form ("" when empty and allowed)."""
    v = bersih(value)
    if not v and boleh_kosong:
        return ""
    d = baca_tanggal(v)
    if d is None:
        raise DataDitolak(f"{nama_kolom} harus berupa tanggal, misalnya 09/02/2027, 9 Februari 2027 atau "
                          f"2027-02-09 (hari/bulan/tahun), bukan '{kutip(v)}'.")
    return d.isoformat()


def bilangan_bulat(value: object, nama_kolom: str, *, minimum: int | None = None,
                   maksimum: int | None = None) -> int:
    """A whole number (an int, or text of at most `BATAS_DIGIT` digits) within [minimum, maksimum]."""
    if isinstance(value, bool):
        raise DataDitolak(f"{nama_kolom} harus bilangan bulat.")
    if isinstance(value, int):
        n = value
    else:
        v = bersih(value)
        if not _BULAT.fullmatch(v):
            raise DataDitolak(f"{nama_kolom} harus bilangan bulat, bukan '{kutip(v)}'.")
        if len(v.lstrip("+-")) > BATAS_DIGIT:
            raise DataDitolak(f"{nama_kolom} terlalu besar ({len(v.lstrip('+-'))} angka), bukan bilangan "
                              "yang wajar.")
        n = int(v)
    if minimum is not None and n < minimum:
        raise DataDitolak(f"{nama_kolom} paling kecil {minimum}, bukan {n}.")
    if maksimum is not None and n > maksimum:
        raise DataDitolak(f"{nama_kolom} paling besar {maksimum}, bukan {n}.")
    return n


def desimal_dalam_batas(d: Decimal, nama_kolom: str, teks: str, *, maksimum: Decimal,
                        desimal_maks: int | None = None) -> Decimal:
    """A finite Decimal already known to be >= its minimum, checked against `maksimum` and a number of
    decimals, using only comparisons (never formatting the number, which for 1e999999999 would write a
    billion digits). `teks` is the value as typed, quoted in the message; `maksimum` is shown Indonesian
    style (1.000.000.000)."""
    if d > maksimum:
        batas = f"{int(maksimum):,}".replace(",", ".")
        raise DataDitolak(f"{nama_kolom} paling besar {batas}, bukan '{kutip(teks)}'.")
    if desimal_maks is not None and d != d.quantize(Decimal(1).scaleb(-desimal_maks)):
        raise DataDitolak(f"{nama_kolom} paling banyak {desimal_maks} angka di belakang koma, bukan "
                          f"'{kutip(teks)}'.")
    return d


__all__ = ["BATAS_ISIAN", "TAK_TERLIHAT", "isian", "tolak_kendali", "BATAS_ALASAN", "BATAS_DIGIT", "BATAS_NAMA", "alasan", "baca_tanggal", "bilangan_bulat", "desimal_dalam_batas",
           "kutip", "nama_orang", "pendekkan_kutipan", "tanggal_iso", "teks_terbatas", "wajib"]
