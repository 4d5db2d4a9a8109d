"""The append-only history: who changed what, when; each entry chained to the one before by a hash."""

from __future__ import annotations

import hashlib
import json
from typing import Any, Iterable, Mapping

AWAL = "0" * 64  # the "previous hash" of the first entry


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
