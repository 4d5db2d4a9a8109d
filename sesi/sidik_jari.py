"""The fingerprint (sidik jari) of a signed berita acara, and the short code people read off the paper.

Shape (scheme 2, issue 10). The fingerprint is the SHA-256 (64 lowercase hex digits) of the UTF-8 bytes of
`riwayat.kanonik(obj)` (JSON, sorted keys, no spaces, non-ASCII kept), where `obj` is:

    {"format": "musrenbang-sidik-jari/2",
     "isi": every table but `riwayat`, with `sesi.info.disahkan` left out (versi_sah, roles... are in),
     "riwayat": {"id": ID, "hash": HASH}   -- the history head at signing: the last entry before the
                                              signing entry, with the hash that entry has in the file,
     "pengesahan": {"versi", "waktu", "nama", "peran", "akun", "menggantikan"}}

So every table's data, the whole history up to signing (through the chained head hash), the signer's
name, role and unix account, the signing time, the version and the version it replaces are covered: any
change to any of them gives another fingerprint. Not covered: the fingerprint itself, the per-record digests
(`rincian`, derived from the data) and an SSH signature (which signs the fingerprint).

The short code is the first 64 bits in uppercase hex groups, `Sidik jari: 1A2B-3C4D-5E6F-7081`: short
enough to read aloud and to print on every page, long enough that no one can make a different file with the
same code (2^64 work for one chosen paper). Whoever can write the file can recompute every hash in it, so
the file alone proves nothing; the code on the signed paper, kept outside the file, does.

Scheme 1 (files signed before issue 10, no `skema_sidik`): SHA-256 of `kanonik(isi)` alone; still checked,
with a note that it does not cover signer, time, version or history.
"""

from __future__ import annotations

import hashlib
import re
from typing import Any, Mapping

from .riwayat import kanonik

SKEMA_SIDIK = 2
FORMAT_SIDIK = "musrenbang-sidik-jari/2"
#: Fields of `info.disahkan` the fingerprint covers (besides the history head).
KOLOM_PENGESAHAN = ("versi", "waktu", "nama", "peran", "akun", "menggantikan")
PANJANG_KODE = 16  # hex digits in the short code: the first 64 bits

_HEX = re.compile(r"^[0-9a-f]+$")


def isi_kanonik(raw: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    """The content the fingerprint covers: all tables but `riwayat`, without `sesi.info.disahkan`."""
    isi: dict[str, Any] = {}
    for name, table in raw.items():
        if name == "riwayat":
            continue
        table = dict(table)
        if name == "sesi" and isinstance(table.get("info"), dict):
            table["info"] = {k: v for k, v in table["info"].items() if k != "disahkan"}
        isi[name] = table
    return isi


def sidik_isi(raw: Mapping[str, Mapping[str, Any]]) -> str:
    """Scheme 1: SHA-256 of the content alone (what files signed before issue 10 store)."""
    return hashlib.sha256(kanonik(isi_kanonik(raw)).encode("utf-8")).hexdigest()


def kepala_riwayat(raw: Mapping[str, Mapping[str, Any]]) -> dict[str, str]:
    """The last history entry as {"id", "hash"} ({"id": "", "hash": ""} for an empty history)."""
    hist = raw.get("riwayat") or {}
    last = next(reversed(hist), None) if isinstance(hist, dict) else None
    if last is None:
        return {"id": "", "hash": ""}
    e = hist[last]
    return {"id": str(last), "hash": str(e.get("hash", "")) if isinstance(e, dict) else ""}


def hitung(raw: Mapping[str, Mapping[str, Any]], sah: Mapping[str, Any], kepala: Mapping[str, str]) -> str:
    """Scheme 2 fingerprint of `raw`'s content signed as `sah` (the `info.disahkan` record) with the history
    head `kepala`."""
    obj = {
        "format": FORMAT_SIDIK,
        "isi": isi_kanonik(raw),
        "riwayat": {"id": str(kepala.get("id", "")), "hash": str(kepala.get("hash", ""))},
        "pengesahan": {k: sah.get(k) for k in KOLOM_PENGESAHAN},
    }
    return hashlib.sha256(kanonik(obj).encode("utf-8")).hexdigest()


def kepala_dalam_berkas(raw: Mapping[str, Mapping[str, Any]], sah: Mapping[str, Any]) -> dict[str, str]:
    """The history head `sah` names, with the hash that entry has in the file now ("" if it is gone)."""
    ditulis = sah.get("riwayat") if isinstance(sah.get("riwayat"), dict) else {}
    eid = str(ditulis.get("id", ""))
    e = (raw.get("riwayat") or {}).get(eid) if eid else None
    return {"id": eid, "hash": str(e.get("hash", "")) if isinstance(e, dict) else ""}


def sidik_sekarang(raw: Mapping[str, Mapping[str, Any]]) -> str:
    """The fingerprint recomputed from the file as it is now, by the scheme its signature uses.

    For a draft (nothing signed): the scheme-1 content hash, for callers that compare content."""
    info = (raw.get("sesi") or {}).get("info") or {}
    sah = info.get("disahkan") if isinstance(info, dict) else None
    if not isinstance(sah, dict) or not sah or sah.get("skema_sidik") != SKEMA_SIDIK:
        return sidik_isi(raw)
    return hitung(raw, sah, kepala_dalam_berkas(raw, sah))


def kode(sidik: str) -> str:
    """'1a2b3c4d5e6f7081...' -> '1A2B-3C4D-5E6F-7081' (the first 64 bits); '' if not a hex fingerprint."""
    s = str(sidik or "").lower()
    if len(s) < PANJANG_KODE or not _HEX.match(s):
        return ""
    s = s[:PANJANG_KODE].upper()
    return "-".join(s[i:i + 4] for i in range(0, PANJANG_KODE, 4))


def baca_kode(teks: str) -> str:
    """A code as a person types it (with or without dashes or spaces, any case, short or full) -> lowercase
    hex of 16 or 64 digits. Raises ValueError with an Indonesian message otherwise."""
    s = re.sub(r"[\s\-:]", "", str(teks or "")).lower()
    if s.startswith("sidikjari"):
        s = s[len("sidikjari"):]
    if len(s) not in (PANJANG_KODE, 64) or not _HEX.match(s):
        raise ValueError("Kode sidik jari harus 16 digit heksadesimal (XXXX-XXXX-XXXX-XXXX, seperti tercetak "
                         "di berita acara) atau 64 digit SHA-256 lengkap.")
    return s


def cocok(kode_dibaca: str, sidik: str) -> bool:
    """Whether a code read by `baca_kode` (short or full) is that of fingerprint `sidik`."""
    s = str(sidik or "").lower()
    return bool(kode_dibaca) and len(s) == 64 and s.startswith(kode_dibaca)


__all__ = ["SKEMA_SIDIK", "KOLOM_PENGESAHAN", "isi_kanonik", "sidik_isi", "kepala_riwayat", "hitung",
           "kepala_dalam_berkas", "sidik_sekarang", "kode", "baca_kode", "cocok"]
