"""Importing skor (docs/impor.md, "skor"): one value per row for a cell (usulan x kriteria), a consensus
value when `penilai` is empty, else that assessor's value. Each value goes through `sesi.skor.atur_skor`
(the scale of the kriteria, the usulan's kelompok still open); a cell given twice in the file is refused;
values that replace a different earlier value are counted in the summary and kept in the history entry.
"""

from __future__ import annotations

from typing import Any

from ..errors import DataDitolak
from ..masukan import bilangan_bulat, nama_orang, wajib
from ..model import skor_id
from ..peran import BOLEH
from ..skor import atur_skor
from .jenis import JenisImpor
from .laporan import Laporan
from .tabel import TabelBerkas

_KOLOM = {"usulan_id": True, "kriteria": True, "nilai": True, "penilai": False}
_ALIAS = {"usulan": "usulan_id", "id_usulan": "usulan_id", "kode_usulan": "usulan_id", "skor": "nilai", "kode_kriteria": "kriteria", "kode": "kriteria"}
_LABEL = [("Nama penilai", "penilai"), ("Usulan", "usulan_id"), ("Kriteria", "kriteria"), ("Nilai", "nilai")]


def _isi(tx: Any, tabel: TabelBerkas, lap: Laporan, opsi: Any = None) -> tuple[list[str], dict[str, Any]]:
    tx.wajib_peran(*BOLEH["skor"])
    sel_baris: dict[str, int] = {}
    diganti: dict[str, int] = {}
    for b in tabel.baris:
        rusak = False
        try:
            uid = wajib(b.sel["usulan_id"], "Usulan")
        except DataDitolak as e:
            lap.dari_galat(b, e)
            rusak, uid = True, ""
        try:
            kode = wajib(b.sel["kriteria"], "Kriteria")
        except DataDitolak as e:
            lap.dari_galat(b, e)
            rusak, kode = True, ""
        try:
            penilai = nama_orang(b.sel.get("penilai", ""), "Nama penilai", boleh_kosong=True)
        except DataDitolak as e:
            lap.dari_galat(b, e)
            continue
        try:
            nilai: int | None = bilangan_bulat(wajib(b.sel["nilai"], "Nilai"), "Nilai")
        except DataDitolak as e:
            lap.dari_galat(b, e)
            rusak, nilai = True, None
        if not uid or not kode:
            continue
        sid = skor_id(uid, kode, penilai)
        if sid in sel_baris:
            siapa = f"penilai {penilai}" if penilai else "nilai konsensus"
            lap.tambah(b, None, f"usulan {uid}, kriteria {kode}, {siapa} sudah diisi di baris {sel_baris[sid]}.")
            continue
        # With a bad value, still check the usulan and kriteria (with a value inside the scale).
        coba = nilai if nilai is not None else int((tx.get("kriteria", kode) or {}).get("skala_min", 1))
        try:
            lama = atur_skor(tx, uid, kode, coba, penilai)
        except DataDitolak as e:
            kolom, pesan = lap.kolom_dari(e.pesan)
            if not (rusak and kolom == "nilai"):
                lap.tambah(b, kolom, pesan)
            continue
        sel_baris[sid] = b.nomor
        if not rusak and lama is not None and lama != nilai:
            diganti[sid] = lama
    return list(sel_baris), {"diganti": diganti}


def _riwayat(ids: list[str], info: dict[str, Any]) -> tuple[Any, Any]:
    lama = {s.replace("|", "/").rstrip("/"): v for s, v in info["diganti"].items()} or None
    return lama, {"jumlah": len(ids), "diganti": len(info["diganti"])}


def _ringkasan(tabel: TabelBerkas, ids: list[str], info: dict[str, Any]) -> tuple[str, list[str]]:
    k = len(info["diganti"])
    return f"{len(ids)} nilai skor diimpor dari {tabel.nama}" + (f"; {k} menimpa nilai lama." if k else "."), []


IMPOR_SKOR = JenisImpor("skor", _KOLOM, _ALIAS, _LABEL, _isi, _riwayat, _ringkasan,
                        contoh={"usulan_id": "U001", "kriteria": "K1", "nilai": "4", "penilai": ""})
