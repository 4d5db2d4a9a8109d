"""Importing kriteria (docs/impor.md, "kriteria"): the file sets one whole criteria set, by default the
session's default set; `OpsiImpor.kelompok` (id or name) and/or `OpsiImpor.jenis_usulan` ("fisik",
"non-fisik"; CLI `--kelompok`, `--jenis`) name another (`sesi.set_kriteria`).

Empty `bobot`, `skala_min`, `skala_maks`, `langkah` cells take the defaults 1, 1, 5 and 1. `label` holds
labels per value ("1=sangat rendah; 5=sangat tinggi"; empty: the default labels, none on long scales).
Each row is checked by `sesi.kriteria.kriteria_record` (bobot 0 < b <= 1000 with at most 6 decimals,
scale 0-1 to 0-100, step 1 or 0.5), codes are unique within the file, and
`sesi.kriteria.atur_set_kriteria` replaces a set none of whose usulan is scored, or, once scored, changes
only names, labels and weights (each change in the history with its old and new value).
"""

from __future__ import annotations

from typing import Any

from ..errors import DataDitolak
from ..kriteria import atur_set_kriteria, kriteria_record
from ..teks import bersih
from .jenis import JenisImpor, OpsiImpor
from .laporan import Laporan, semua_galat
from .tabel import TabelBerkas

_KOLOM = {"kode": True, "nama": True, "bobot": False, "skala_min": False, "skala_maks": False, "langkah": False,
          "label": False}
_ALIAS = {"kode_kriteria": "kode", "nama_kriteria": "nama", "langkah_skala": "langkah", "label_skala": "label"}
_LABEL = [("Skala minimum", "skala_min"), ("Skala maksimum", "skala_maks"), ("Kode kriteria", "kode"),
         ("Nama kriteria", "nama"), ("Bobot", "bobot"), ("Langkah skala", "langkah"), ("Label skala", "label")]
_BAWAAN = {"bobot": "1", "skala_min": "1", "skala_maks": "5", "langkah": "1"}


def baca_label(teks: str) -> dict[str, str] | None:
    """"1=sangat rendah; 5=sangat tinggi" -> {"1": "sangat rendah", "5": "sangat tinggi"}; None when empty."""
    teks = bersih(teks)
    if not teks:
        return None
    out: dict[str, str] = {}
    for bagian in teks.split(";"):
        if not bagian.strip():
            continue
        nilai, sep, label = bagian.partition("=")
        if not sep:
            raise DataDitolak(f"Label skala harus ditulis nilai=label dipisah titik koma, bukan '{bagian.strip()}'.")
        out[nilai.strip()] = label.strip()
    return out


def _isi(tx: Any, tabel: TabelBerkas, lap: Laporan, opsi: OpsiImpor) -> tuple[list[str], dict[str, Any]]:
    pengganti = {"kode": "K", "nama": "x", **_BAWAAN, "label": None}
    kode_baris: dict[str, int] = {}
    records: list[dict[str, Any]] = []
    for b in tabel.baris:
        nilai: dict[str, Any] = {k: b.sel.get(k, "") for k in _KOLOM}
        for k, bawaan in _BAWAAN.items():
            if not bersih(nilai[k]):
                nilai[k] = bawaan
        try:
            nilai["label"] = baca_label(nilai["label"])
        except DataDitolak as e:
            lap.dari_galat(b, e)
            nilai["label"] = None
        rec = semua_galat(lap, b, lambda v: kriteria_record(**v), nilai, pengganti)
        kode = bersih(nilai["kode"])
        if kode in kode_baris:
            lap.tambah(b, "kode", f"Kode kriteria '{kode}' sudah dipakai di baris {kode_baris[kode]}.")
            continue
        if kode:
            kode_baris[kode] = b.nomor
        if rec is not None:
            records.append(rec)
    from ..kriteria import kunci_set
    from ..set_kriteria import nama_set, semua_set

    info: dict[str, Any] = {"lama": [], "set": "", "ganti_set": True, "perubahan": []}
    try:
        kunci = kunci_set(tx, opsi.kelompok, opsi.jenis_usulan)
        info["set"] = nama_set(tx.data, kunci)
        lama = semua_set(tx.data).get(kunci)
        info["lama"] = lama.kode if lama else []
        if records:
            info["ganti_set"], info["perubahan"] = atur_set_kriteria(tx, records, *kunci)
    except DataDitolak as e:
        lap.tambah(None, None, e.pesan)
    return [r["kode"] for r in records], info


def _riwayat(ids: list[str], info: dict[str, Any]) -> tuple[Any, Any]:
    """A replaced set: the old and new codes. A set already scored: each changed field, old and new."""
    if info["ganti_set"]:
        return info["lama"], ids
    return ({f"{objek} {kolom}": a for objek, kolom, a, _ in info["perubahan"]},
            {f"{objek} {kolom}": b for objek, kolom, _, b in info["perubahan"]})


def _ringkasan(tabel: TabelBerkas, ids: list[str], info: dict[str, Any]) -> tuple[str, list[str]]:
    if not info["ganti_set"]:
        n = len(info["perubahan"])
        return (f"Set kriteria {info['set']} sudah dipakai menilai: {n} perubahan nama, label atau bobot dari "
                f"{tabel.nama} dicatat; peringkat dihitung ulang." if n else
                f"Kriteria di {tabel.nama} sama dengan set kriteria {info['set']}; tidak ada yang diubah."), []
    teks = f"{len(ids)} kriteria diimpor dari {tabel.nama} ({', '.join(ids)}) untuk {info['set']}"
    teks += f"; kriteria lama ({', '.join(info['lama'])}) diganti." if info["lama"] else "."
    return teks, []


IMPOR_KRITERIA = JenisImpor("kriteria", _KOLOM, _ALIAS, _LABEL, _isi, _riwayat, _ringkasan,
                            opsi=frozenset({"kelompok", "jenis_usulan"}),
                            contoh={"kode": "K1", "nama": "Kesesuaian dengan rancangan awal RKPD", "bobot": "1",
                                    "skala_min": "1", "skala_maks": "5", "langkah": "1", "label": ""})
