"""Importing usulan (docs/csv.md, "usulan"): every row becomes an usulan with status baru.

Ids given in the file are kept (checked by `sesi.usulan.cek_id`, unique in file and session); rows without
one get the next free `U###` after every id in the session and the file. A kelurahan's priority is unique
within the file as in the session. Each row is checked by `sesi.usulan.usulan_record`.
"""

from __future__ import annotations

import re
from typing import Any

from ..errors import DataDitolak
from ..peran import BOLEH
from ..teks import bersih
from ..usulan import cek_id, tambah_usulan, usulan_record
from .jenis import JenisImpor
from .laporan import Laporan, semua_galat
from .tabel import TabelBerkas

_KOLOM = {
    "id": False, "kelurahan": True, "prioritas_kelurahan": True, "kegiatan": True, "masalah": False,
    "lokasi": False, "volume": False, "satuan": False, "perkiraan_biaya": False, "jenis": False,
    "skpd": True, "bidang": True,
}
_ALIAS = {
    "usulan": "kegiatan", "nama_kegiatan": "kegiatan", "alamat": "lokasi", "anggaran": "perkiraan_biaya",
    "biaya": "perkiraan_biaya", "perangkat_daerah": "skpd", "skpd_tujuan": "skpd",
    "bidang_urusan": "bidang", "prioritas": "prioritas_kelurahan",
}
_LABEL = [("Prioritas kelurahan", "prioritas_kelurahan"), ("Perkiraan biaya", "perkiraan_biaya"),
         ("Id usulan", "id"), ("Prioritas", "prioritas_kelurahan"), ("Kelurahan", "kelurahan"),
         ("Kegiatan", "kegiatan"), ("Masalah", "masalah"), ("Lokasi", "lokasi"), ("Volume", "volume"),
         ("Jenis", "jenis"), ("Bidang", "bidang"), ("SKPD", "skpd")]


def _isi(tx: Any, tabel: TabelBerkas, lap: Laporan) -> tuple[list[str], dict[str, Any]]:
    tx.wajib_peran(*BOLEH["persiapan"])
    dikenal = tx.data.kelurahan_nama
    if not dikenal:
        lap.tambah(None, None, "sesi belum mempunyai kelurahan; tambahkan kelurahan dahulu (layar Persiapan).")
        return [], {}
    pengganti = {"kelurahan": next(iter(dikenal.values())), "prioritas_kelurahan": "1", "kegiatan": "x",
                 "skpd": "x", "bidang": "x", "masalah": "", "lokasi": "", "volume": "", "satuan": "",
                 "perkiraan_biaya": "", "jenis": ""}
    fields = [k for k in _KOLOM if k != "id"]
    # Ids given in the file are kept; the others get the next free U### after every id in store and file.
    diberi = {bersih(b.sel.get("id", "")) for b in tabel.baris} - {""}
    nomor = max([int(m.group(1)) for rid in list(tx.table("usulan")) + list(diberi)
                 if (m := re.fullmatch(r"U(\d+)", rid))], default=0)
    id_baris: dict[str, int] = {}
    prioritas_baris: dict[tuple[str, int], int] = {}
    ids: list[str] = []
    for b in tabel.baris:
        nilai = {k: b.sel.get(k, "") for k in fields}
        rec = semua_galat(lap, b, lambda v: usulan_record(kelurahan_dikenal=dikenal, **v), nilai, pengganti)
        uid = ""
        if bersih(b.sel.get("id", "")):
            try:
                uid = cek_id(b.sel["id"])
            except DataDitolak as e:
                lap.dari_galat(b, e)
                continue
            if uid in id_baris:
                lap.tambah(b, "id", f"Id usulan '{uid}' sudah dipakai di baris {id_baris[uid]}.")
                continue
            id_baris[uid] = b.nomor
            lama = tx.get("usulan", uid)
            if lama is not None:
                lap.tambah(b, "id", f"Id usulan '{uid}' sudah ada di sesi ini ({lama['kegiatan']}).")
                continue
        if rec is None:
            continue
        kunci = (rec["kelurahan"], rec["prioritas_kelurahan"])
        if kunci in prioritas_baris:
            lap.tambah(b, "prioritas_kelurahan", f"Prioritas {kunci[1]} Kelurahan {kunci[0]} sudah dipakai di "
                       f"baris {prioritas_baris[kunci]}.")
            continue
        prioritas_baris[kunci] = b.nomor
        if not uid:
            nomor += 1
            uid = f"U{nomor:03d}"
        try:
            ids.append(tambah_usulan(tx, uid=uid, **nilai))
        except DataDitolak as e:
            lap.dari_galat(b, e)
    return ids, {}


def _riwayat(ids: list[str], info: dict[str, Any]) -> tuple[Any, Any]:
    return None, {"jumlah": len(ids), "id": ids}


def _ringkasan(tabel: TabelBerkas, ids: list[str], info: dict[str, Any]) -> tuple[str, list[str]]:
    n = len(ids)
    teks = f"{n} usulan diimpor dari {tabel.nama}" + (f" ({ids[0]} s.d. {ids[-1]})" if n > 1 else f" ({ids[0]})")
    return teks + "; semuanya berstatus baru.", []


IMPOR_USULAN = JenisImpor("usulan", _KOLOM, _ALIAS, _LABEL, _isi, _riwayat, _ringkasan)
