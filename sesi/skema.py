"""The file's schema: what a valid store looks like, and migrations from older schema versions.

`validasi(obj, path) -> (meta, tables)` checks a parsed file: the `_meta` block, every table an object,
every record an object with its required fields (`_WAJIB`), and every field the app knows of the JSON
type the record class in `sesi/model.py` declares (`str`, `int`, `bool`, `list`, `dict`; `true` is not
an integer). A file that fails raises `BerkasRusak` naming the file, table, record id and field, and the
value found (shortened), so no malformed file reaches code that would crash on it (docs/keandalan.md,
"Keamanan"). Text fields a user types or imports are checked against the one table of limits,
`sesi.masukan.BATAS_ISIAN` (`_BATAS_TEKS`), widened on reading to `BATAS_BACA` so files of earlier
versions still open: a file edited by hand to hold a 100,000-character kecamatan is refused on reading
with its table, record and field. `masalah_perubahan` applies the same record check to what a transaction is about to write.
"""

from __future__ import annotations

import re
import reprlib
from dataclasses import MISSING, fields
from typing import Any, Callable, Mapping

from .dana import BATAS_SIMPAN as BATAS_SUMBER_DANA
from .errors import BerkasRusak
from .masukan import BATAS_ISIAN, BATAS_NAMA
from .model import RECORD_CLASS, TABLES, Info

FORMAT = "musrenbang-tui"
SKEMA = 3

#: Fields a record must have beyond those its class cannot be built without (see `_wajib`).
_WAJIB_TAMBAHAN: dict[str, tuple[str, ...]] = {
    "kriteria": ("bobot", "skala_min", "skala_maks"),
    "peserta": ("unsur",),
    "riwayat": ("hash",),
}

_TIPE = {"str": str, "int": int, "bool": bool, "list": list, "dict": dict}


def _jenis_kolom(cls: type) -> dict[str, type]:
    """field -> JSON type, from a record class's annotations (fields typed `Any` are not checked)."""
    out = {}
    for f in fields(cls):  # type: ignore[arg-type]
        nama = f.type if isinstance(f.type, str) else getattr(f.type, "__name__", "")
        if nama in _TIPE:
            out[f.name] = _TIPE[nama]
    return out


def _wajib(name: str, cls: type) -> tuple[str, ...]:
    """Fields without a default (the record cannot be built without them), then `_WAJIB_TAMBAHAN`."""
    tanpa_bawaan = tuple(f.name for f in fields(cls)  # type: ignore[arg-type]
                         if f.default is MISSING and f.default_factory is MISSING)
    return tanpa_bawaan + tuple(f for f in _WAJIB_TAMBAHAN.get(name, ()) if f not in tanpa_bawaan)


#: table -> fields every record must have.
_WAJIB: dict[str, tuple[str, ...]] = {name: _wajib(name, cls) for name, cls in RECORD_CLASS.items()}
#: table -> field -> JSON type, for every field of every record the app knows.
_KOLOM: dict[str, dict[str, type]] = {name: _jenis_kolom(cls) for name, cls in RECORD_CLASS.items()}
_INFO: dict[str, type] = _jenis_kolom(Info)

#: Exact decimals kept as text (`sesi.nilai.decimal_text`): plain digits, no sign or exponent, bounded length,
#: so no later Decimal or Fraction of them does unbounded work.
_DESIMAL = re.compile(r"\d{1,20}(?:\.\d{1,12})?")


def _desimal(wajib_positif: bool, boleh_kosong: bool) -> Callable[[Any], str]:
    def cek(value: Any) -> str:
        if value == "" and boleh_kosong:
            return ""
        if not _DESIMAL.fullmatch(value) or (wajib_positif and not value.strip("0.")):
            syarat = "bilangan positif" if wajib_positif else "bilangan tidak negatif"
            return f"harus {syarat} dalam teks seperti '1500000' atau '1.5'"
        return ""
    return cek


def _rentang(lo: int, hi: int) -> Callable[[Any], str]:
    return lambda value: "" if lo <= value <= hi else f"harus antara {lo} dan {hi}"


def _teks_terbatas(batas: int) -> Callable[[Any], str]:
    return lambda value: "" if len(value) <= batas else f"paling panjang {batas} karakter"


def _daftar_teks(value: Any) -> str:
    return "" if all(type(x) is str for x in value) else "harus daftar teks"


def _objek_teks(value: Any) -> str:
    return "" if all(type(x) is str for x in value.values()) else "harus objek berisi teks"


#: (table, field) -> check of the value's content, run after its type is known to be right. Only what
#: later code relies on: numbers it parses or loops over, lists it reads as text.
#: A score: a whole number, or decimal text for a half step (schema 2: "7.5"); both within 0-100.
_NILAI_TEKS = re.compile(r"\d{1,3}(\.\d{1,6})?")


def _nilai_skor(value: Any) -> str:
    if type(value) is int and 0 <= value <= 100:
        return ""
    if type(value) is str and _NILAI_TEKS.fullmatch(value):
        return ""
    return "harus bilangan bulat 0-100 atau angka desimal dalam teks seperti '7.5'"


_ISI: dict[tuple[str, str], Callable[[Any], str]] = {
    ("skor", "nilai"): _nilai_skor,
    ("kriteria", "langkah"): lambda v: "" if v in ("1", "0.5") else "harus '1' atau '0.5'",
    ("kriteria", "bobot"): _desimal(wajib_positif=True, boleh_kosong=False),
    ("kriteria", "skala_min"): _rentang(0, 100),
    ("kriteria", "skala_maks"): _rentang(1, 100),
    ("kriteria", "label"): _objek_teks,
    ("usulan", "perkiraan_biaya"): _desimal(wajib_positif=False, boleh_kosong=True),
    ("usulan", "volume"): _desimal(wajib_positif=False, boleh_kosong=True),
    ("usulan", "harga_satuan"): _desimal(wajib_positif=False, boleh_kosong=True),
    ("usulan", "sumber_dana"): _teks_terbatas(BATAS_SUMBER_DANA),
    ("kelompok", "bidang"): _daftar_teks,
    ("kelompok", "urutan_pleno"): _daftar_teks,
}
#: Text read from a file may be longer than what may be typed now, up to this many characters: a session
#: written under the wider limits of earlier versions (lokasi 2,000 characters, lembaga unlimited) still
#: opens, never lost; a hand-edited 100,000-character value is still refused (bounded work).
BATAS_BACA = 10_000
#: (table, field) -> its input limit (`BATAS_ISIAN`, or the person's name limit); on reading the limit is
#: at least `BATAS_BACA`.
_BATAS_TEKS: dict[tuple[str, str], int] = {
    **{("peserta", f): BATAS_ISIAN[f] for f in ("lembaga", "jabatan", "telepon", "rentan_jenis")},
    ("peserta", "nama"): BATAS_NAMA,
    **{("usulan", f): BATAS_ISIAN[f] for f in ("kegiatan", "masalah", "lokasi", "skpd", "bidang", "satuan",
                                                "catatan")},
    ("usulan", "skpd_awal"): BATAS_ISIAN["skpd"], ("usulan", "skpd_akhir"): BATAS_ISIAN["skpd"],
    ("kelurahan", "nama"): BATAS_ISIAN["kelurahan"], ("kelompok", "nama"): BATAS_ISIAN["nama_kelompok"],
    ("kriteria", "nama"): BATAS_ISIAN["nama_kriteria"],
}
#: sesi.info field -> its limit.
_BATAS_INFO: dict[str, int] = {f: BATAS_ISIAN[f] for f in ("kecamatan", "kota", "tempat", "ibu_kota_kecamatan",
                                                           "bappeda", "nomor_ba")} | {"camat": BATAS_NAMA}
for (_t, _f), _n in _BATAS_TEKS.items():
    _ISI.setdefault((_t, _f), _teks_terbatas(max(_n, BATAS_BACA)))
_ISI_TABEL: dict[str, dict[str, Callable[[Any], str]]] = {}
for (_t, _f), _cek in _ISI.items():
    _ISI_TABEL.setdefault(_t, {})[_f] = _cek

_ringkas = reprlib.Repr()
_ringkas.maxstring = 40
_ringkas.maxother = 40


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
        masalah = masalah_tabel(name, table)
        if masalah:
            raise rusak(masalah)
    masalah = _masalah_info(tables["sesi"])
    if masalah:
        raise rusak(masalah)
    return dict(meta), tables


def masalah_tabel(name: str, table: dict) -> str:
    """The first problem in the records of one table of a parsed file ("" when every record is sound): the
    record check of `validasi`, which also runs it on the history one part at a time (`sesi.json_baris`)."""
    # The common case (every record sound) checked inline: a 5,000-usulan file holds ~60,000 records,
    # and a call per record was a fifth of opening it. A record this pass doubts is checked again by
    # `_masalah_rekaman`, which names the problem (the one definition of what is sound).
    wajib = _WAJIB.get(name, ())
    kolom = _KOLOM.get(name) or {}
    isi = tuple(_ISI_TABEL.get(name, {}).items())
    cepat = name != "kriteria"
    get = kolom.get
    for rid, rec in table.items():
        if cepat and type(rec) is dict:
            for fld in wajib:
                if fld not in rec:
                    break
            else:
                for fld, value in rec.items():
                    t = get(fld)
                    if t is not None and type(value) is not t:
                        break
                else:
                    for fld, cek in isi:
                        if fld in rec and cek(rec[fld]):
                            break
                    else:
                        continue
        masalah = _masalah_rekaman(name, rid, rec)
        if masalah:
            return masalah
    return ""


def _tertulis(value: Any) -> str:
    return _ringkas.repr(value)


def _masalah_rekaman(name: str, rid: str, rec: Any) -> str:
    if not isinstance(rec, dict):
        return f"tabel '{name}', data '{rid}' bukan objek"
    for fld in _WAJIB.get(name, ()):
        if fld not in rec:
            return f"tabel '{name}', data '{rid}': kolom '{fld}' tidak ada"
    kolom = _KOLOM.get(name)
    if kolom:
        for fld, value in rec.items():
            t = kolom.get(fld)
            if t is not None and type(value) is not t:
                return (f"tabel '{name}', data '{rid}': kolom '{fld}' harus {_jenis(t)}, "
                        f"tertulis {_tertulis(value)}")
    for fld, cek in _ISI_TABEL.get(name, {}).items():
        if fld in rec:
            masalah = cek(rec[fld])
            if masalah:
                return f"tabel '{name}', data '{rid}': kolom '{fld}' {masalah}, tertulis {_tertulis(rec[fld])}"
    if name == "kriteria" and rec["skala_min"] >= rec["skala_maks"]:
        return (f"tabel 'kriteria', data '{rid}': skala minimum ({rec['skala_min']}) harus lebih kecil "
                f"daripada skala maksimum ({rec['skala_maks']})")
    return ""


def _masalah_info(sesi: Any) -> str:
    info = sesi.get("info") if isinstance(sesi, dict) else None
    if not isinstance(info, dict):
        return "data sesi (sesi.info) tidak ada"
    for fld, value in info.items():
        t = _INFO.get(fld)
        if t is not None and type(value) is not t:
            return f"sesi.info: kolom '{fld}' harus {_jenis(t)}, tertulis {_tertulis(value)}"
        batas = _BATAS_INFO.get(fld)
        if batas is not None and len(value) > max(batas, BATAS_BACA):
            batas = max(batas, BATAS_BACA)
            return (f"sesi.info: kolom '{fld}' terlalu panjang ({len(value)} karakter; paling banyak {batas}), "
                    f"tertulis {_tertulis(value)}")
    return ""


def masalah_perubahan(tables: dict, changed: dict[str, set[str]]) -> str:
    """Check, before writing, only the records a transaction changed: the store must never write a file
    that `validasi` would refuse. Returns the first problem, or "" when the change is sound."""
    for name, ids in changed.items():
        table = tables.get(name)
        if not isinstance(table, Mapping):  # the history is a `sesi.riwayat_ringkas.TabelRiwayat`
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

    Writes nothing into the records: a criterion without `kelompok`/`jenis`/`langkah` is in the default set
    with step 1, and a session without the scoring fields scores as before (the model's defaults), so the
    fingerprint and the replayed history of a file signed at schema 1 stay valid."""
    return dict(meta, skema=2), tables


def _wilayah_ke_3(meta: dict, tables: dict) -> tuple[dict, dict]:
    """Schema 2 -> 3 (issue 12: desa and kelurahan, kabupaten and kota; docs/tata-cara.md section 2).

    Nothing is written into the records: a wilayah without `jenis` reads as a kelurahan and a session
    keeps its stored `jenis_daerah` (both are the model's defaults, `sesi.model.Kelurahan`/`Info`), and the
    place of signing, time zone and Bappeda take their defaults (`sesi.sebutan`). Leaving the records as
    they were keeps the fingerprint of a signed file and its replayed history valid. The new number stops
    an older app, which would word every desa as a kelurahan, from opening a file that holds desa."""
    return dict(meta, skema=3), tables


#: Migrations: MIGRASI[n] turns a schema-n file (meta, tables) into schema n+1. A step gets copies it may
#: change, and must not read the file: it gets everything it needs.
MIGRASI: dict[int, Callable[[dict, dict], tuple[dict, dict]]] = {1: _ke_2, 2: _wilayah_ke_3}


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
