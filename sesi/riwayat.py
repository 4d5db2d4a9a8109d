"""The append-only history: who changed what, when; each entry chained to the one before by a hash.

Shape of an entry (table `riwayat`, id "0000001", "0000002", ...):

    {"id", "waktu", "nama", "peran", "akun", "aksi", "objek", "lama", "baru",
     "ubah": [[TABLE, ID, RECORD or null], ...],   -- on the last entry of each transaction
     "hash": sha256(hash of the entry before + kanonik(entry without "hash"))}

`akun` is the unix login of the process (issue 10); `ubah` lists every record the transaction wrote, as it
was written (null: deleted), sorted by table and id. With it, `putar_ulang` rebuilds every table from an
empty session, and `periksa` compares the result with the data: a value changed outside the app, a deleted
entry, a cut tail, shows as a record or field where the two differ. Files whose first entry has no `ubah`
(written before issue 10) cannot be replayed: `putar_ulang` says so, it is not an error.

What the chain proves: that the entries were not changed *by someone who did not recompute the hashes*.
Anyone who can write the file can recompute them; only the fingerprint code on the signed paper
(`sesi/sidik_jari.py`) is out of their reach.
"""

from __future__ import annotations

import copy
import hashlib
import json
from typing import Any, Iterable, Mapping

AWAL = "0" * 64  # the "previous hash" of the first entry
UBAH = "ubah"  # the key of the changed records in an entry
AKSI_TANPA_CATATAN = "ubah data"  # the entry the store adds for a transaction that recorded nothing itself
BATAS_BEDA = 20  # differences named one by one; the rest are counted


_KANONIK = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def kanonik(value: Any) -> str:
    """Canonical JSON text: the same data always gives the same bytes."""
    return _KANONIK.encode(value)


def hash_entri(sebelumnya: str, entri: Mapping[str, Any]) -> str:
    body = {k: v for k, v in entri.items() if k != "hash"}
    return hashlib.sha256((sebelumnya + kanonik(body)).encode("utf-8")).hexdigest()


def id_entri(nomor: int) -> str:
    return f"{nomor:07d}"


def periksa_rantai(entri: Iterable[Mapping[str, Any]]) -> list[str]:
    """Problems in the chain, in Indonesian; empty when every entry is intact and in order."""
    masalah: list[str] = []
    sebelumnya = AWAL
    harapan = 1
    for e in entri:
        eid = e.get("id", "?")
        if eid != id_entri(harapan):
            masalah.append(f"Riwayat: entri {eid} tidak berurutan (seharusnya {id_entri(harapan)}); "
                           "ada entri yang dihapus atau disisipkan.")
            return masalah
        if e.get("hash") != hash_entri(sebelumnya, e):
            masalah.append(f"Riwayat: entri {eid} ({e.get('aksi', '')}) telah diubah di luar aplikasi.")
            return masalah
        sebelumnya = e["hash"]
        harapan += 1
    return masalah


# --- replay ---------------------------------------------------------------------------------------------


def ubah(tables: Mapping[str, Mapping[str, Any]], changed: Mapping[str, Iterable[str]]) -> list[list[Any]]:
    """The records a transaction wrote, for its last history entry: [[table, id, record or None], ...].

    Copies, not the table's own objects: a caller that deep-copies the session (TinyDB's storage does)
    would otherwise get one object for both and, changing the record, change the signed history too."""
    out: list[list[Any]] = []
    for name in sorted(changed):
        if name == "riwayat":
            continue
        table = tables.get(name, {})
        for rid in sorted(changed[name]):
            out.append([name, rid, copy.deepcopy(table.get(rid))])
    return out


class TidakDapatDiputar(Exception):
    """The history cannot be replayed (it predates `ubah`); the message says why, in Indonesian."""


def putar_ulang(entri: Iterable[Mapping[str, Any]]) -> tuple[dict[str, dict[str, Any]], list[str]]:
    """Replay the history from an empty session: (tables, problems in the recorded changes).

    Raises TidakDapatDiputar for a history written before entries carried their changes."""
    tables: dict[str, dict[str, Any]] = {}
    masalah: list[str] = []
    for i, e in enumerate(entri):
        daftar = e.get(UBAH)
        if daftar is None:
            if i == 0:
                raise TidakDapatDiputar("riwayat lama, tidak dapat diputar ulang (berkas dibuat sebelum riwayat "
                                        "mencatat isi setiap perubahan); kecocokan data dengan riwayat tidak "
                                        "diperiksa.")
            continue
        if not isinstance(daftar, list):
            masalah.append(f"Riwayat: entri {e.get('id', '?')}: daftar perubahan rusak.")
            continue
        for item in daftar:
            if (not isinstance(item, list) or len(item) != 3 or not isinstance(item[0], str)
                    or not isinstance(item[1], str) or not (item[2] is None or isinstance(item[2], dict))):
                masalah.append(f"Riwayat: entri {e.get('id', '?')}: satu perubahan tercatat rusak.")
                continue
            name, rid, rec = item
            table = tables.setdefault(name, {})
            if rec is None:
                table.pop(rid, None)
            else:
                table[rid] = rec
    return tables, masalah


def _nilai(v: Any) -> str:
    s = "(tidak ada)" if v is _TIDAK_ADA else kanonik(v)
    return s if len(s) <= 60 else s[:57] + "..."


_TIDAK_ADA = object()


def bandingkan(diputar: Mapping[str, Mapping[str, Any]], raw: Mapping[str, Mapping[str, Any]]) -> list[str]:
    """Where the data differs from the replayed history: table, record and field, in Indonesian."""
    beda: list[str] = []
    for name in sorted((set(diputar) | set(raw)) - {"riwayat"}):
        a, b = diputar.get(name) or {}, raw.get(name) or {}
        if a == b:
            continue
        for rid in sorted(set(a) | set(b)):
            ra, rb = a.get(rid, _TIDAK_ADA), b.get(rid, _TIDAK_ADA)
            if ra == rb:
                continue
            if rb is _TIDAK_ADA:
                beda.append(f"tabel {name}, data {rid}: tercatat di riwayat tetapi tidak ada di berkas")
            elif ra is _TIDAK_ADA:
                beda.append(f"tabel {name}, data {rid}: ada di berkas tetapi tidak tercatat di riwayat")
            elif not isinstance(ra, dict) or not isinstance(rb, dict):
                beda.append(f"tabel {name}, data {rid}: berbeda dari riwayat")
            else:
                beda += [f"tabel {name}, data {rid}, kolom {k}: berkas {_nilai(vb)}, menurut riwayat {_nilai(va)}"
                         for k, va, vb in _beda_kolom(ra, rb, "")]
    return beda


def _beda_kolom(a: Mapping[str, Any], b: Mapping[str, Any], awalan: str, dalam: int = 3):
    """(field path, value in the history, value in the file) for each field that differs; nested objects
    are followed `dalam` levels ("disahkan.nama")."""
    for k in sorted(set(a) | set(b), key=str):
        va, vb = a.get(k, _TIDAK_ADA), b.get(k, _TIDAK_ADA)
        if va == vb:
            continue
        if dalam > 1 and isinstance(va, dict) and isinstance(vb, dict):
            yield from _beda_kolom(va, vb, f"{awalan}{k}.", dalam - 1)
        else:
            yield f"{awalan}{k}", va, vb
