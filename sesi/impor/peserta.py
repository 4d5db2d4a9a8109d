"""Importing peserta (docs/csv.md, "peserta"): every row becomes a registered participant, present when
its `hadir` cell says yes. Each row is checked by `sesi.pendaftaran.peserta_record`; a name already
registered is imported and named in a warning (it may be a duplicate, or two people with one name).
"""

from __future__ import annotations

from typing import Any

from ..data import normal
from ..errors import DataDitolak
from ..pendaftaran import peserta_record, tambah_peserta
from ..peran import BOLEH
from .jenis import JenisImpor
from .laporan import Laporan, semua_galat
from .nilai import ya_tidak
from .tabel import TabelBerkas

_KOLOM = {
    "nama": True, "unsur": True, "lembaga": False, "jabatan": False, "kelurahan": False,
    "jenis_kelamin": False, "rentan": False, "delegasi": False, "telepon": False, "hadir": False,
}
_ALIAS = {
    "nama_lengkap": "nama", "instansi": "lembaga", "l/p": "jenis_kelamin", "l_p": "jenis_kelamin",
    "jk": "jenis_kelamin", "no_hp": "telepon", "hp": "telepon", "no_telepon": "telepon",
}
_LABEL = [("Jenis kelamin", "jenis_kelamin"), ("Kelurahan", "kelurahan"), ("Delegasi", "delegasi"),
         ("Unsur", "unsur"), ("Hadir", "hadir"), ("Nama", "nama")]


def _isi(tx: Any, tabel: TabelBerkas, lap: Laporan) -> tuple[list[str], dict[str, Any]]:
    tx.wajib_peran(*BOLEH["pendaftaran"])
    dikenal = tx.data.kelurahan_nama
    pengganti = {"nama": "x", "unsur": "lainnya", "kelurahan": "", "jenis_kelamin": "", "delegasi": "",
                 "rentan": "", "lembaga": "", "jabatan": "", "telepon": ""}
    fields = [k for k in _KOLOM if k != "hadir"]
    ids: list[str] = []
    hadir_n = 0
    terdaftar = {normal(p["nama"]) for p in tx.table("peserta").values()}
    ganda: list[str] = []
    for b in tabel.baris:
        nilai = {k: b.sel.get(k, "") for k in fields}
        rec = semua_galat(lap, b, lambda v: peserta_record(kelurahan_dikenal=dikenal, **v), nilai, pengganti)
        try:
            hadir = ya_tidak(b.sel.get("hadir", ""), "Hadir")
        except DataDitolak as e:
            lap.dari_galat(b, e)
            continue
        if rec is None:
            continue
        try:
            ids.append(tambah_peserta(tx, hadir=hadir, **nilai))
        except DataDitolak as e:
            lap.dari_galat(b, e)
            continue
        hadir_n += hadir
        if normal(rec["nama"]) in terdaftar:
            ganda.append(rec["nama"])
        terdaftar.add(normal(rec["nama"]))
    return ids, {"hadir": hadir_n, "ganda": ganda}


def _riwayat(ids: list[str], info: dict[str, Any]) -> tuple[Any, Any]:
    return None, {"jumlah": len(ids), "id": ids}


def _ringkasan(tabel: TabelBerkas, ids: list[str], info: dict[str, Any]) -> tuple[str, list[str]]:
    teks = f"{len(ids)} peserta diimpor dari {tabel.nama}" + (f", {info['hadir']} tercatat hadir."
                                                               if info["hadir"] else ".")
    catatan: list[str] = []
    if info["ganda"]:
        contoh = ", ".join(info["ganda"][:5]) + (", ..." if len(info["ganda"]) > 5 else "")
        catatan.append(f"Perhatian: {len(info['ganda'])} nama sudah terdaftar (mungkin ganda): {contoh}.")
    return teks, catatan


IMPOR_PESERTA = JenisImpor("peserta", _KOLOM, _ALIAS, _LABEL, _isi, _riwayat, _ringkasan)
