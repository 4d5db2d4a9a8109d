"""The file's schema: what a valid store looks like, and migrations from older schema versions."""

from __future__ import annotations

import re
from typing import Any, Callable

from .errors import BerkasRusak
from .model import TABLES

FORMAT = "musrenbang-tui"
SKEMA = 2

#: Fields every record of a table must have, with their JSON types.
_WAJIB: dict[str, dict[str, type | tuple[type, ...]]] = {
    "kelurahan": {"id": str, "nama": str},
    "tim": {"id": str, "nama": str},
    "jadwal": {"id": str, "acara": str},
    "sambutan": {"id": str, "nama": str},
    "kriteria": {"kode": str, "nama": str, "bobot": str, "skala_min": int, "skala_maks": int},
    "kelompok": {"id": str, "nama": str},
    "peserta": {"id": str, "nama": str, "unsur": str},
    "usulan": {"id": str, "kelurahan": str, "prioritas_kelurahan": int, "kegiatan": str},
    "skor": {"usulan": str, "kriteria": str, "nilai": (int, str)},
    "catatan": {"id": str, "teks": str},
    "tanggapan": {"id": str, "isi": str},
    "keputusan": {"id": str, "jenis": str},
    "delegasi": {"id": str, "nama": str},
    "perumus": {"id": str, "nama": str},
    "penandatangan": {"id": str, "nama": str},
    "riwayat": {"id": str, "aksi": str, "hash": str},
}

_INFO: dict[str, type | tuple[type, ...]] = {
    "kecamatan": str, "kota": str, "tahun": int, "tanggal": str, "tempat": str,
}


def _jenis(t: type | tuple[type, ...]) -> str:
    names = {str: "teks", int: "bilangan bulat", dict: "objek", list: "daftar", bool: "ya/tidak"}
    if isinstance(t, tuple):
        return " atau ".join(names.get(x, x.__name__) for x in t)
    return names.get(t, t.__name__)


def _cocok(value: Any, t: type | tuple[type, ...]) -> bool:
    if isinstance(value, bool) and (t is int or (isinstance(t, tuple) and bool not in t)):
        return False
    return isinstance(value, t)


def validasi(obj: Any, path: str) -> tuple[dict, dict]:
    """Check the shape of a parsed file; return (meta, tables) or raise BerkasRusak naming the spot."""
    def rusak(detail: str) -> BerkasRusak:
        return BerkasRusak(f"Berkas {path} bukan berkas sesi yang sah: {detail}. Berkas tidak diubah.")

    if not isinstance(obj, dict):
        raise rusak("isi teratas bukan objek JSON")
    meta = obj.get("_meta")
    if not isinstance(meta, dict) or meta.get("format") != FORMAT:
        raise rusak("bagian _meta dengan format 'musrenbang-tui' tidak ada")
    if not _cocok(meta.get("skema"), int) or meta["skema"] < 1:
        raise rusak("nomor skema tidak sah")
    if not _cocok(meta.get("revisi"), int) or meta["revisi"] < 1:
        raise rusak("nomor revisi tidak sah")
    tables = {k: v for k, v in obj.items() if k != "_meta"}
    if meta["skema"] > SKEMA:
        return dict(meta), tables  # the caller refuses it with its own message
    for name in TABLES:
        tables.setdefault(name, {})
    for name, table in tables.items():
        if not isinstance(table, dict):
            raise rusak(f"tabel '{name}' bukan objek")
        for rid, rec in table.items():
            masalah = _masalah_rekaman(name, rid, rec)
            if masalah:
                raise rusak(masalah)
    masalah = _masalah_info(tables["sesi"])
    if masalah:
        raise rusak(masalah)
    return dict(meta), tables


#: A score stored as text (a half step, schema 2): a plain decimal, "7.5".
_NILAI_TEKS = re.compile(r"\d{1,3}(\.\d{1,6})?")


def _masalah_rekaman(name: str, rid: str, rec: Any) -> str:
    if not isinstance(rec, dict):
        return f"tabel '{name}', data '{rid}' bukan objek"
    for fld, t in _WAJIB.get(name, {}).items():
        if fld not in rec:
            return f"tabel '{name}', data '{rid}': kolom '{fld}' tidak ada"
        if not _cocok(rec[fld], t):
            return f"tabel '{name}', data '{rid}': kolom '{fld}' harus {_jenis(t)}"
    if name == "skor" and isinstance(rec["nilai"], str) and not _NILAI_TEKS.fullmatch(rec["nilai"]):
        return f"tabel 'skor', data '{rid}': kolom 'nilai' harus bilangan bulat atau angka desimal"
    return ""


def _masalah_info(sesi: Any) -> str:
    info = sesi.get("info") if isinstance(sesi, dict) else None
    if not isinstance(info, dict):
        return "data sesi (sesi.info) tidak ada"
    for fld, t in _INFO.items():
        if fld in info and not _cocok(info[fld], t):
            return f"sesi.info: kolom '{fld}' harus {_jenis(t)}"
    return ""


def masalah_perubahan(tables: dict, changed: dict[str, set[str]]) -> str:
    """Check, before writing, only the records a transaction changed: the store must never write a file
    that `validasi` would refuse. Returns the first problem, or "" when the change is sound."""
    for name, ids in changed.items():
        table = tables.get(name)
        if not isinstance(table, dict):
            return f"tabel '{name}' bukan objek"
        for rid in ids:
            if rid in table:
                masalah = _masalah_rekaman(name, rid, table[rid])
                if masalah:
                    return masalah
    if "sesi" in changed:
        return _masalah_info(tables.get("sesi"))
    return ""


def _ke_2(meta: dict, tables: dict) -> tuple[dict, dict]:
    """Schema 1 -> 2 (issue 14: criteria sets, scales to 0-100 with half steps, several penilai).

    Every criterion is in the session's default set with step 1 (`kelompok`, `jenis`, `langkah`); the
    session scores as before: values of several penilai averaged (`gabung_penilai`), a cell incomplete
    until every penilai has scored it (`nilai_kurang`), no listed penilai, totals as computed. Scores keep
    their whole-number values (schema 2 also allows "7.5")."""
    kriteria = tables.get("kriteria")
    if isinstance(kriteria, dict):
        tables["kriteria"] = {kode: (dict({"kelompok": "", "jenis": "", "langkah": "1"}, **k)
                                     if isinstance(k, dict) else k) for kode, k in kriteria.items()}
    sesi = tables.get("sesi")
    if isinstance(sesi, dict) and isinstance(sesi.get("info"), dict):
        info = {"gabung_penilai": "rata-rata", "nilai_kurang": "belum-lengkap", "penilai": {}, "total_100": False,
                **sesi["info"]}
        tables["sesi"] = dict(sesi, info=info)
    return dict(meta, skema=2), tables


#: Migrations: MIGRASI[n] turns a schema-n file (meta, tables) into schema n+1. A step gets copies it may
#: change, and must not read the file: it gets everything it needs.
MIGRASI: dict[int, Callable[[dict, dict], tuple[dict, dict]]] = {1: _ke_2}


def migrasi(meta: dict, tables: dict, path: str = "berkas") -> tuple[dict, dict]:
    """Bring (meta, tables) up to the current schema, one step at a time."""
    while meta["skema"] < SKEMA:
        n = meta["skema"]
        step = MIGRASI.get(n)
        if step is None:
            raise BerkasRusak(f"Berkas {path} memakai skema {n}, dan aplikasi ini tidak dapat "
                              f"memperbaruinya (tidak ada migrasi dari skema {n}). Berkas tidak diubah.")
        meta, tables = step(dict(meta), {k: dict(v) if isinstance(v, dict) else v for k, v in tables.items()})
        meta = dict(meta, skema=n + 1)  # a step that forgets to say so must not loop for ever
    return meta, tables
