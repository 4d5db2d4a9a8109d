"""Wording shared by the parts of the berita acara: the region's names, the date and Nomor with their
blanks, lists joined with "dan", money and numbers as written in the document, and the sentences that
describe a Pleno II decision (an usulan's fate is worded by `sesi.urutan.nasib_usulan`).

Everything takes and returns plain text (`str`); none of these raise for odd data from a hand-edited
file: a value that is not a number or a date is shown as typed, a missing date or Nomor as a dotted
blank to fill by hand. The words follow the berita acara of docs/tata-cara.md ("5. Berita acara"):
"Kota"/"Kabupaten", tembusan to "Wali Kota"/"Bupati" and Bappeda; the region's words themselves (desa or
kelurahan, kabupaten or kota, the place of signing) come from `sesi.sebutan`, shared with the screens.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from fractions import Fraction
from functools import lru_cache
from typing import Iterable

from .. import sebutan
from ..data import Data, normal
from ..format import angka, rupiah, tanggal_panjang
from ..model import Usulan
from ..peringatan import sebut_kelompok
from ..peringkat import bulat
from ..pleno import JENIS_KEPUTUSAN

KOSONG = "...................."  # a blank left to fill by hand (the Nomor, the date)


def nama_kota(data: Data) -> str:
    """'Banjarmasin' (without 'Kota'/'Kabupaten' if the user typed it)."""
    return sebutan.nama_daerah_saja(data)


def nama_daerah(data: Data) -> str:
    """'Kota Banjarmasin' / 'Kabupaten Cilacap'."""
    return sebutan.daerah(data)


def nama_kecamatan(data: Data) -> str:
    return sebutan.nama_kecamatan(data)


def kepala_daerah(data: Data) -> str:
    return sebutan.kepala_daerah(data)


def rangkai(items: Iterable[str], kata: str = "dan") -> str:
    """'A', 'A dan B', 'A, B, dan C'."""
    xs = [x for x in items if x]
    if len(xs) <= 1:
        return "".join(xs)
    if len(xs) == 2:
        return f"{xs[0]} {kata} {xs[1]}"
    return ", ".join(xs[:-1]) + f", {kata} {xs[-1]}"


def tanpa_titik(text: str) -> str:
    """User text about to be followed by our own punctuation: its trailing . ; , removed."""
    return text.strip().rstrip(".;,").rstrip()


def dengan_jabatan(nama: str, jabatan: str) -> str:
    """'Nama (Jabatan)'; a name that already ends in parentheses ('Wali Kota (diwakili ...)') takes the
    jabatan after a comma, never a second pair of parentheses; a jabatan the name already holds is left out."""
    nama, jabatan = nama.strip(), jabatan.strip()
    if not jabatan or normal(jabatan) in normal(nama):
        return nama
    return f"{nama}, {jabatan}" if nama.endswith(")") else f"{nama} ({jabatan})"


def kutip(text: str) -> str:
    return f"\"{text}\""


def tanggal_acara(data: Data) -> str:
    """'9 Februari 2027', or a blank when the session's date is missing or not a date."""
    try:
        return tanggal_panjang(data.info.tanggal)
    except (TypeError, ValueError):
        return KOSONG


def nomor_ba(data: Data) -> str:
    """The berita acara's Nomor as typed, or a blank."""
    return data.info.nomor_ba.strip() or KOSONG


@lru_cache(maxsize=4096)  # the same volumes and costs come back on many rows of the lampiran
def angka_teks(value: str) -> str:
    """'1500' -> '1.500'; text that is not a number is kept as typed."""
    try:
        return angka(Decimal(value)) if value else ""
    except (InvalidOperation, ValueError):
        return value


@lru_cache(maxsize=4096)
def rupiah_teks(value: str) -> str:
    """'1500000' -> 'Rp1.500.000'; text that is not a number is kept as typed."""
    try:
        return rupiah(value)
    except (InvalidOperation, ValueError):
        return value


def nilai_teks(v: Fraction | None) -> str:
    """A score: '4' when whole, '3,50' (two decimals) when an average, '' when not given."""
    if v is None:
        return ""
    return str(v.numerator) if v.denominator == 1 else bulat(v)


def lokasi(u: Usulan) -> str:
    """'RT 05, Alalak Utara': the lokasi, then the kelurahan unless the lokasi already names it
    ('RT 09 Kel. Pekauman' stays as it is)."""
    if not u.lokasi.strip():
        return u.kelurahan
    if u.kelurahan and f" {normal(u.kelurahan)} " in f" {normal(u.lokasi)} ":
        return u.lokasi
    return f"{u.lokasi}, {u.kelurahan}" if u.kelurahan else u.lokasi


def jenis_kelamin(jk: str) -> str:
    """'L' or 'P'; anything else (not recorded, hand-edited) as an empty cell."""
    return jk if jk in ("L", "P") else ""


def jumlah_biaya(items: Iterable[Usulan]) -> tuple[Decimal, int]:
    """The sum of the perkiraan biaya, and how many usulan have none (or one that is not a number)."""
    total, tanpa = Decimal(0), 0
    for u in items:
        try:
            b = u.biaya
        except (InvalidOperation, ValueError):
            b = None
        if b is None:
            tanpa += 1
        else:
            total += b
    return total, tanpa


def keputusan_teks(data: Data, kp) -> str:
    """A Pleno II decision in words: '"Kegiatan" (Kelompok ...) dinaikkan ..., dengan alasan: ...'."""
    u = data.usulan.get(kp.usulan)
    kel = data.kelompok_dari_id(kp.kelompok)
    apa = kutip(u.kegiatan) if u else kp.usulan
    di = f" ({sebut_kelompok(kel.nama)})" if kel else ""
    teks = f"{apa}{di} {JENIS_KEPUTUSAN.get(kp.jenis, kp.jenis)}"
    return teks + (f", dengan alasan: {tanpa_titik(kp.alasan)}" if kp.alasan.strip() else "")
