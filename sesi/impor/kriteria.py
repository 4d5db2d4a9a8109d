"""Importing kriteria (docs/impor.md, "kriteria"): the file replaces the session's whole set of criteria.

Empty `bobot`, `skala_min`, `skala_maks` cells take the defaults 1, 1 and 5. Each row is checked by
`sesi.persiapan.kriteria_record` (bobot 0 < b <= 1000 with at most 6 decimals, scale 1-10), codes are
unique within the file, and `sesi.persiapan.ganti_semua_kriteria` refuses a replacement that would orphan
scores already entered.
"""

from __future__ import annotations

from typing import Any

from ..errors import DataDitolak
from ..persiapan import ganti_semua_kriteria, kriteria_record
from ..teks import bersih
from .jenis import JenisImpor
from .laporan import Laporan, semua_galat
from .tabel import TabelBerkas

_KOLOM = {"kode": True, "nama": True, "bobot": False, "skala_min": False, "skala_maks": False}
_ALIAS = {"kode_kriteria": "kode", "nama_kriteria": "nama"}
_LABEL = [("Skala minimum", "skala_min"), ("Skala maksimum", "skala_maks"), ("Kode kriteria", "kode"),
         ("Nama kriteria", "nama"), ("Bobot", "bobot")]
_BAWAAN = {"bobot": "1", "skala_min": "1", "skala_maks": "5"}


def _isi(tx: Any, tabel: TabelBerkas, lap: Laporan, opsi: Any = None) -> tuple[list[str], dict[str, Any]]:
    pengganti = {"kode": "K", "nama": "x", **_BAWAAN}
    kode_baris: dict[str, int] = {}
    records: list[dict[str, Any]] = []
    for b in tabel.baris:
        nilai = {k: b.sel.get(k, "") for k in _KOLOM}
        for k, bawaan in _BAWAAN.items():
            if not bersih(nilai[k]):
                nilai[k] = bawaan
        rec = semua_galat(lap, b, lambda v: kriteria_record(**v), nilai, pengganti)
        kode = bersih(nilai["kode"])
        if kode in kode_baris:
            lap.tambah(b, "kode", f"Kode kriteria '{kode}' sudah dipakai di baris {kode_baris[kode]}.")
            continue
        if kode:
            kode_baris[kode] = b.nomor
        if rec is not None:
            records.append(rec)
    lama = [k.kode for k in tx.data.kriteria]
    if records:
        try:
            ganti_semua_kriteria(tx, records)
        except DataDitolak as e:
            lap.tambah(None, None, e.pesan)
    return [r["kode"] for r in records], {"lama": lama}


def _riwayat(ids: list[str], info: dict[str, Any]) -> tuple[Any, Any]:
    return info["lama"], ids


def _ringkasan(tabel: TabelBerkas, ids: list[str], info: dict[str, Any]) -> tuple[str, list[str]]:
    teks = f"{len(ids)} kriteria diimpor dari {tabel.nama} ({', '.join(ids)})"
    teks += f"; kriteria lama ({', '.join(info['lama'])}) diganti." if info["lama"] else "."
    return teks, []


IMPOR_KRITERIA = JenisImpor("kriteria", _KOLOM, _ALIAS, _LABEL, _isi, _riwayat, _ringkasan,
                            contoh={"kode": "K1", "nama": "Kesesuaian dengan rancangan awal RKPD", "bobot": "1",
                                    "skala_min": "1", "skala_maks": "5"})
