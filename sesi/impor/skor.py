"""Importing skor (docs/impor.md, "skor"), in either of two shapes, decided per sheet:

- long: one value per row (`usulan_id`, `kriteria`, `nilai`, optional `penilai`);
- wide: one row per usulan (and penilai) with one column per criterion, headed by its code or its name
  (`usulan_id`, optional `penilai`, then `K1`, `K2`, ... or "Kesesuaian dengan RKPD", ...), as score sheets
  on paper and in spreadsheets are laid out. An empty cell is a value not given (skipped, counted).

A criterion is read in the criteria set of the row's usulan (`sesi.set_kriteria`), so one wide sheet may
hold fisik and non-fisik usulan scored on different criteria. Each value goes through `sesi.skor.atur_skor`
(the scale and step of the kriteria, the usulan's kelompok still open); a cell given twice in the file is
refused; values that replace a different earlier value are counted in the summary and kept in the history
entry. The rows come as a format-neutral `TabelBerkas`, so a workbook reads as a CSV does (a numeric cell
is read as the number it holds, `BarisBerkas.mentah`); each sheet of a workbook may have either shape.

The wide columns depend on the session (`kolom_sesi`, the kind's `JenisImpor.kolom_sesi`): the flow finds
the header and maps `--kolom "Judul=K1"` through them, like any column.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from ..data import Data
from ..errors import DataDitolak
from ..masukan import kutip, nama_orang, wajib
from ..model import Kriteria, skor_id
from ..nilai import nilai_simpan
from ..peran import BOLEH
from ..skor import atur_skor, baca_nilai, cek_panjang_nilai, kriteria_sel
from ..teks import bersih
from .jenis import JenisImpor, OpsiImpor
from .laporan import Laporan
from .tabel import BarisBerkas, TabelBerkas, nama_judul

_KOLOM = {"usulan_id": True, "kriteria": False, "nilai": False, "penilai": False}
_ALIAS = {"usulan": "usulan_id", "id_usulan": "usulan_id", "kode_usulan": "usulan_id", "skor": "nilai",
          "kode_kriteria": "kriteria", "kode": "kriteria"}
_LABEL = [("Nama penilai", "penilai"), ("Usulan", "usulan_id"), ("Kriteria", "kriteria"), ("Nilai", "nilai")]
#: A wide sheet's criterion column: this prefix + the header as a column key (`tabel.nama_judul`).
_K = "k:"


def kolom_sesi(data: Data) -> tuple[dict[str, bool], dict[str, str]]:
    """The columns a skor file may have in this session: the fixed ones, and one per criterion code and
    name of every criteria set (a wide sheet)."""
    kolom, alias = dict(_KOLOM), dict(_ALIAS)
    tetap = set(_KOLOM) | set(_ALIAS) | set(IMPOR_SKOR.abaikan)
    for k in data.records("kriteria").values():
        for teks in (k.kode, k.nama):
            kunci = nama_judul(teks)
            if kunci and kunci not in tetap:
                kolom[_K + kunci] = False
                alias.setdefault(kunci, _K + kunci)
    return kolom, alias


def _kurang(ada: set[str], opsi: OpsiImpor) -> list[str]:
    """A sheet needs `usulan_id` and either both long columns or at least one criterion column."""
    out = [] if "usulan_id" in ada else ["usulan_id"]
    if not any(c.startswith(_K) for c in ada):
        out += [c for c in ("kriteria", "nilai") if c not in ada]
    return out


def _nilai_sel(b: BarisBerkas, kolom: str) -> Any:
    """A cell's value for `baca_nilai`: a workbook's number as that number (7.5 stays 7.5, never text), else
    the text as written."""
    v = b.mentah.get(kolom)
    if isinstance(v, bool):
        return b.sel.get(kolom, "")
    if isinstance(v, int):
        return v
    if isinstance(v, float) and v == v and v not in (float("inf"), float("-inf")):
        return Decimal(repr(v))
    return b.sel.get(kolom, "")


def _kriteria_kolom(data: Data, uid: str, kunci: str) -> Kriteria:
    """The criterion a wide column (header key) names in the set of usulan `uid`: by code, else by name."""
    from ..set_kriteria import nama_set, set_usulan

    s = set_usulan(data, uid)
    for k in s.kriteria:
        if nama_judul(k.kode) == kunci:
            return k
    for k in s.kriteria:
        if nama_judul(k.nama) == kunci:
            return k
    raise DataDitolak(f"kriteria ini tidak dipakai untuk usulan {uid} ({nama_set(data, s.kunci)}: "
                      f"{', '.join(s.kode)}).")


def _angka_umum(teks: Any) -> None:
    """A value checked without its criterion (the usulan or criterion is unknown): a number at least."""
    if isinstance(teks, (int, Decimal)) and not isinstance(teks, bool):
        return
    cek_panjang_nilai(bersih(teks))
    try:
        d = Decimal(bersih(teks).replace(",", "."))
        if d.is_finite():
            return
    except InvalidOperation:
        pass
    raise DataDitolak(f"Nilai harus bilangan bulat, bukan '{kutip(bersih(teks))}'.")


class _Isi:
    """One file's rows applied through the actions, problems noted in the report."""

    def __init__(self, tx: Any, lap: Laporan):
        self.tx, self.lap = tx, lap
        self.sel_baris: dict[str, int] = {}
        self.diganti: dict[str, Any] = {}

    def satu(self, b: BarisBerkas, uid: str, kode: str | None, kolom_kode: str, teks: Any, kolom_nilai: str,
             penilai: str, wide_kunci: str = "") -> None:
        """One value: `kode` (long) or `wide_kunci` (wide) names the criterion; `uid` "" when already refused."""
        tx, lap = self.tx, self.lap
        k: Kriteria | None = None
        if uid and (kode or wide_kunci):
            try:
                k = kriteria_sel(tx.data, uid, kode) if kode else _kriteria_kolom(tx.data, uid, wide_kunci)
            except DataDitolak as e:
                kolom, pesan = lap.kolom_dari(e.pesan)
                lap.tambah(b, kolom_kode if kolom == "kriteria" or wide_kunci else kolom, pesan)
        nilai = None
        try:
            if isinstance(teks, str):
                teks = wajib(teks, "Nilai")
            nilai = baca_nilai(teks, k) if k is not None else _angka_umum(teks)
        except DataDitolak as e:
            _, pesan = lap.kolom_dari(e.pesan)
            lap.tambah(b, kolom_nilai, pesan)
            rusak = True
        else:
            rusak = k is None
        if k is None:
            return
        sid = skor_id(uid, k.kode, penilai)
        if sid in self.sel_baris:
            siapa = f"penilai {penilai}" if penilai else "nilai konsensus"
            lap.tambah(b, None, f"usulan {uid}, kriteria {k.kode}, {siapa} sudah diisi di baris {self.sel_baris[sid]}.")
            return
        # With a bad value, still check the usulan (with a value inside the scale).
        try:
            lama = atur_skor(tx, uid, k.kode, nilai if nilai is not None else k.skala_min, penilai)
        except DataDitolak as e:
            kolom, pesan = lap.kolom_dari(e.pesan)
            if not (rusak and kolom == "nilai"):
                lap.tambah(b, kolom_nilai if kolom == "nilai" else kolom, pesan)
            return
        self.sel_baris[sid] = b.nomor
        if not rusak and lama is not None and lama != nilai:
            self.diganti[sid] = lama


def _usulan_penilai(lap: Laporan, b: BarisBerkas) -> tuple[str, str | None]:
    """The row's usulan ("" when refused) and penilai (None when refused)."""
    try:
        uid = wajib(b.sel["usulan_id"], "Usulan")
    except DataDitolak as e:
        lap.dari_galat(b, e)
        uid = ""
    try:
        penilai: str | None = nama_orang(b.sel.get("penilai", ""), "Nama penilai", boleh_kosong=True)
    except DataDitolak as e:
        lap.dari_galat(b, e)
        penilai = None
    return uid, penilai


def _bentuk(t: TabelBerkas) -> tuple[list[str], bool]:
    """A sheet's shape: its criterion columns (wide) and whether it has a long column."""
    return [c for c in t.posisi if c.startswith(_K)], "kriteria" in t.posisi or "nilai" in t.posisi


def _isi(tx: Any, tabel: TabelBerkas, lap: Laporan, opsi: OpsiImpor) -> tuple[list[str], dict[str, Any]]:
    tx.wajib_peran(*BOLEH["skor"])
    isi = _Isi(tx, lap)
    kosong = 0
    bentuk: dict[int, tuple[list[str], bool]] = {}
    campur: set[int] = set()
    ada_lebar = False
    for b in tabel.baris:
        t = b.tabel or tabel
        if id(t) not in bentuk:
            bentuk[id(t)] = _bentuk(t)
            lebar, panjang = bentuk[id(t)]
            if lebar and panjang:
                campur.add(id(t))
                siapa = "berkas" if t.nama == tabel.nama else t.nama
                lap.tambah(None, None, f"{siapa} memuat kolom kriteria/nilai sekaligus kolom per kriteria ("
                           + ", ".join(t.judul[c] for c in lebar) + "); pakai salah satu bentuk.")
        if id(t) in campur:
            continue
        lebar, panjang = bentuk[id(t)]
        uid, penilai = _usulan_penilai(lap, b)
        if panjang:
            try:
                kode = wajib(b.sel.get("kriteria", ""), "Kriteria")
            except DataDitolak as e:
                lap.dari_galat(b, e)
                kode = ""
            if penilai is None:
                continue
            isi.satu(b, uid if kode else "", kode, "kriteria", _nilai_sel(b, "nilai"), "nilai", penilai)
        else:
            ada_lebar = True
            if penilai is None:
                continue
            if uid and uid not in tx.data.usulan:  # once per row, at its usulan cell (the values still checked)
                lap.tambah(b, "usulan_id", f"Usulan {uid} tidak ada.")
                uid = ""
            for c in lebar:
                if not bersih(b.sel.get(c, "")):
                    kosong += 1
                    continue
                isi.satu(b, uid, None, c, _nilai_sel(b, c), c, penilai, wide_kunci=c[len(_K):])
    return list(isi.sel_baris), {"diganti": isi.diganti, "kosong": kosong, "lebar": ada_lebar}


def _riwayat(ids: list[str], info: dict[str, Any]) -> tuple[Any, Any]:
    lama = {s.replace("|", "/").rstrip("/"): nilai_simpan(v) for s, v in info["diganti"].items()} or None
    return lama, {"jumlah": len(ids), "diganti": len(info["diganti"])}


def _ringkasan(tabel: TabelBerkas, ids: list[str], info: dict[str, Any]) -> tuple[str, list[str]]:
    k = len(info["diganti"])
    teks = f"{len(ids)} nilai skor diimpor dari {tabel.nama}"
    if info.get("lebar"):
        teks += " (satu kolom per kriteria)"
    teks += f"; {k} menimpa nilai lama." if k else "."
    catatan = [f"{info['kosong']} sel kosong dilewati (belum dinilai)."] if info.get("kosong") else []
    return teks, catatan


IMPOR_SKOR = JenisImpor("skor", _KOLOM, _ALIAS, _LABEL, _isi, _riwayat, _ringkasan, kurang=_kurang,
                        kolom_sesi=kolom_sesi,
                        petunjuk_kolom="Atau lembar skor yang lebar: satu baris per usulan (dan penilai), satu "
                        "kolom per kriteria berjudul kode atau nama kriterianya.",
                        contoh={"usulan_id": "U001", "kriteria": "K1", "nilai": "4", "penilai": ""})
