"""Sumber dana (source of funds) and harga satuan (unit price) of an usulan (issue 11, item 4).

Sumber dana. An usulan stores one key of `SUMBER_DANA` in `Usulan.sumber_dana` ("" = belum ditentukan):

    apbd_daerah    APBD Kota / APBD Kabupaten (worded by the session's daerah, `sesi.sebutan.kabupaten`)
    apbd_provinsi  APBD Provinsi
    apbn           APBN
    dana_wilayah   Dana Kelurahan / Dana Desa (by the session's wilayah, `sesi.sebutan.jenis_wilayah`;
                   "Dana Desa/Kelurahan" where the kecamatan holds both)
    lainnya        CSR/lainnya (CSR, swadaya, swasta, ...)

The vocabulary is the one the issue lists from real berita acara (Bekasi, Asahan, Yalimo, Kediri).
`baca_sumber_dana(teks)` reads what people write (a key, a label in either region's words, common short
forms: "APBD Kab/Kota", "APBD Prov", "DD", "CSR") and raises `DataDitolak` ("Sumber dana harus ...") for
anything else, e.g. "DAK" or a bare "APBD", which could be either level. Files written before the field
existed may hold free text the importer kept as written: `sumber_usulan(u)` reads a stored value without
raising (a value it does not recognise counts as lainnya), and `label_usulan` shows such text beside
"CSR/lainnya" so nothing is hidden.

Harga satuan. `Usulan.harga_satuan` is rupiah per unit, exact decimal text like `perkiraan_biaya` ("" when
not given). `catatan_harga(u)` is "" when it agrees, else one Indonesian sentence: volume x harga satuan
must equal the perkiraan biaya exactly (no rounding), or a given harga satuan lacks a volume or a biaya
to check it against. The F9 warnings (`sesi.peringatan`), the import report and the berita acara's
Lampiran II row use this one sentence.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING, Iterable

from .errors import DataDitolak
from .format import angka, rupiah
from .nilai import to_decimal

if TYPE_CHECKING:
    from .data import Data
    from .model import Usulan

#: The vocabulary, key -> label in general words (the session's words: `label_sumber`), in document order.
SUMBER_DANA: dict[str, str] = {
    "apbd_daerah": "APBD Kota/Kabupaten",
    "apbd_provinsi": "APBD Provinsi",
    "apbn": "APBN",
    "dana_wilayah": "Dana Kelurahan/Dana Desa",
    "lainnya": "CSR/lainnya",
}
BELUM_DITENTUKAN = "belum ditentukan"
#: A stored value at most this long (the schema's bound, `sesi.skema`): a key is short, but importers before
#: the vocabulary kept the cell as written, with no limit of their own, so an old file must still load.
BATAS_SIMPAN = 10_000

_SINONIM: dict[str, str] = {}
for _kunci, _kata in {
    "apbd_daerah": ("apbd kota", "apbd kabupaten", "apbd kab", "apbd kota kabupaten", "apbd kabupaten kota",
                    "apbd kab kota", "apbd kota kab", "apbd ii", "apbd 2", "apbd tk ii"),
    "apbd_provinsi": ("apbd provinsi", "apbd prov", "apbd propinsi", "apbd i", "apbd 1", "apbd tk i"),
    "apbn": ("apbn",),
    "dana_wilayah": ("dana kelurahan", "dana desa", "dana desa kelurahan", "dana kelurahan desa",
                     "dana kelurahan dana desa", "dana desa dana kelurahan", "dd"),
    "lainnya": ("csr", "csr lainnya", "lainnya", "lain lain", "lain", "swadaya", "swasta", "csr swasta",
                "swadaya masyarakat"),
}.items():
    _SINONIM[_kunci.replace("_", " ")] = _kunci
    for _k in _kata:
        _SINONIM[_k] = _kunci


def _normal(teks: str) -> str:
    return re.sub(r"[\W_]+", " ", teks.casefold()).strip()


def _cari(teks: str) -> str | None:
    """The key `teks` names, "" for empty/"belum ditentukan", None when it names none."""
    n = _normal(teks)
    if n in ("", "belum ditentukan", "belum"):
        return ""
    return _SINONIM.get(n)


def baca_sumber_dana(teks: object) -> str:
    """What a person wrote (form, import cell) as a `SUMBER_DANA` key ("" = belum ditentukan).

    Raises DataDitolak "Sumber dana harus salah satu dari ..." for anything outside the vocabulary."""
    s = "" if teks is None else str(teks)
    kunci = _cari(s)
    if kunci is None:
        ditulis = s.strip()
        if len(ditulis) > 40:
            ditulis = ditulis[:39] + "…"
        hint = " ('APBD' saja dapat berarti APBD Kota/Kabupaten atau APBD Provinsi)" if _normal(s) == "apbd" else ""
        raise DataDitolak(f"Sumber dana harus salah satu dari {', '.join(SUMBER_DANA.values())}, atau kosong "
                          f"(belum ditentukan), bukan '{ditulis}'{hint}.")
    return kunci


def sumber_usulan(u: Usulan) -> str:
    """The usulan's `SUMBER_DANA` key as stored; older free text it does not recognise counts as "lainnya",
    an empty value is "" (belum ditentukan). Never raises."""
    kunci = _cari(u.sumber_dana)
    return "lainnya" if kunci is None else kunci


def label_sumber(data: Data, kunci: str) -> str:
    """A key in the session's words: "APBD Kota"/"APBD Kabupaten", "Dana Kelurahan"/"Dana Desa"
    ("Dana Desa/Kelurahan" where both), "belum ditentukan" for ""."""
    from .sebutan import jenis_daerah, wilayah

    if kunci == "apbd_daerah":
        return f"APBD {jenis_daerah(data)}"
    if kunci == "dana_wilayah":
        return f"Dana {wilayah(data)}"
    return SUMBER_DANA.get(kunci, BELUM_DITENTUKAN)


def label_usulan(data: Data, u: Usulan) -> str:
    """The usulan's sumber dana in the session's words; older unrecognised text as "CSR/lainnya (DAK)"."""
    kunci = sumber_usulan(u)
    teks = label_sumber(data, kunci)
    if kunci == "lainnya" and _cari(u.sumber_dana) is None:
        teks += f" ({u.sumber_dana.strip()[:40]})"
    return teks


def pilihan_sumber(data: Data) -> list[tuple[str, str]]:
    """(label, key) of each source in the session's words, for a selection list (without "")."""
    return [(label_sumber(data, k), k) for k in SUMBER_DANA]


def jumlah_per_sumber(data: Data, daftar: Iterable[Usulan]) -> list[tuple[str, int, Decimal, int]]:
    """(label, usulan, summed perkiraan biaya, usulan without a biaya) per source, in `SUMBER_DANA`'s
    order then "belum ditentukan"; only the sources some usulan has."""
    per: dict[str, list] = {}
    for u in daftar:
        baris = per.setdefault(sumber_usulan(u), [0, Decimal(0), 0])
        baris[0] += 1
        b = to_decimal(u.perkiraan_biaya)
        if b is None:
            baris[2] += 1
        else:
            baris[1] += b
    urut = [*SUMBER_DANA, ""]
    return [(label_sumber(data, k), *per[k]) for k in urut if k in per]


# --- harga satuan --------------------------------------------------------------------------------------


def catatan_harga(u: Usulan, *, singkat: bool = False) -> str:
    """'' when the usulan has no harga satuan or volume x harga satuan equals its perkiraan biaya exactly;
    else the sentence saying what does not agree (starting in lower case, no final stop). `singkat`: the
    short form for a table cell beside the volume and biaya ("40 x Rp8.500.000 = Rp340.000.000")."""
    harga = to_decimal(u.harga_satuan)
    if harga is None:
        return ""
    volume, biaya = to_decimal(u.volume), to_decimal(u.perkiraan_biaya)
    if volume is None:
        if singkat:
            return f"harga satuan {rupiah(harga)} tanpa volume"
        return f"harga satuan {rupiah(harga)} diisi tanpa volume, sehingga perkiraan biaya tidak dapat diperiksa"
    hasil = volume * harga
    if biaya is not None and hasil == biaya:
        return ""
    if singkat:
        return f"{angka(volume)} x {rupiah(harga)} = {rupiah(hasil)}" + ("" if biaya is not None else ", biaya kosong")
    rincian = f"volume {angka(volume)} x harga satuan {rupiah(harga)} = {rupiah(hasil)}"
    if biaya is None:
        return f"{rincian}, tetapi perkiraan biaya kosong"
    return f"{rincian}, tidak sama dengan perkiraan biaya {rupiah(biaya)}"


def peringatan_harga(data: Data) -> list[str]:
    """One F9 warning per usulan whose harga satuan does not agree (`catatan_harga`), in entry order.
    Kept until the usulan table changes (a score typed does not recompute it; 5,000 usulan take ~80 ms)."""
    def hitung() -> tuple[str, ...]:
        out = []
        for u in data.usulan.values():
            c = catatan_harga(u)
            if c:
                out.append(f"Usulan {u.id} \"{u.kegiatan[:60]}\": {c}.")
        return tuple(out)
    return list(data._cached("peringatan_harga", ("usulan",), hitung))


__all__ = ["BATAS_SIMPAN", "BELUM_DITENTUKAN", "SUMBER_DANA", "baca_sumber_dana", "catatan_harga",
           "jumlah_per_sumber", "label_sumber", "label_usulan", "peringatan_harga", "pilihan_sumber",
           "sumber_usulan"]
