"""Verification of usulan in the Sidang Kelompok: sesuai, ditolak, dialihkan, digabung, cadangan."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from . import masukan
from .data import Data, normal
from .errors import DataDitolak
from .peringatan import sebut_kelompok
from .model import STATUS, label_status
from .peran import BOLEH
from .teks import bersih
from .transaksi import Transaksi

#: Statuses the kelompok sets (the Pleno II ones are set in `pleno`).
STATUS_VERIFIKASI = ("baru", "sesuai", "ditolak", "dialihkan", "digabung", "cadangan")


def cek_kelompok_terbuka(tx: Transaksi, uid: str) -> None:
    """Refuse changes to an usulan whose kelompok Pleno II already agreed."""
    kid = tx.data.kelompok_usulan.get(uid, "")
    kel = tx.get("kelompok", kid)
    if kel and kel.get("disepakati"):
        raise DataDitolak(f"Daftar {sebut_kelompok(kel['nama'])} sudah disepakati di Pleno II; "
                          "batalkan kesepakatan dahulu untuk mengubahnya.")


def verifikasi(tx: Transaksi, uid: str, status: str, alasan: str = "", skpd_baru: str = "",
               gabung_ke: str = "") -> None:
    """Set the verification outcome of one usulan.

    ditolak needs a reason; dialihkan needs the new SKPD and a reason (the original SKPD is kept);
    digabung needs the usulan it duplicates (its own kelurahan stays recorded on it).
    """
    tx.wajib_peran(*BOLEH["kelompok"])
    lama = tx.get("usulan", uid)
    if lama is None:
        raise DataDitolak(f"Usulan {uid} tidak ada.")
    if status not in STATUS_VERIFIKASI:
        raise DataDitolak(f"Status '{status}' tidak dapat dipilih di verifikasi "
                          f"(pilihan: {', '.join(STATUS_VERIFIKASI)}).")
    cek_kelompok_terbuka(tx, uid)
    alasan = masukan.alasan(alasan)
    baru = dict(lama, status=status, alasan=alasan, digabung_ke="", skpd_akhir=lama["skpd_awal"])
    if status in ("ditolak", "dialihkan") and not alasan:
        raise DataDitolak(f"Alasan wajib diisi untuk status {label_status(status).lower()}.")
    if status == "dialihkan":
        skpd_baru = bersih(skpd_baru)
        if not skpd_baru:
            raise DataDitolak("SKPD tujuan yang baru wajib diisi.")
        if skpd_baru == lama["skpd_awal"]:
            raise DataDitolak("SKPD tujuan yang baru sama dengan SKPD asal.")
        baru["skpd_akhir"] = skpd_baru
    if status == "digabung":
        gabung_ke = bersih(gabung_ke)
        target = tx.get("usulan", gabung_ke)
        if target is None:
            raise DataDitolak(f"Usulan tujuan penggabungan '{gabung_ke}' tidak ada.")
        if gabung_ke == uid:
            raise DataDitolak("Usulan tidak dapat digabung dengan dirinya sendiri.")
        if target["status"] in ("digabung", "ditolak"):
            raise DataDitolak(f"Usulan {gabung_ke} berstatus {label_status(target['status']).lower()}; "
                              "pilih usulan yang masih berlaku.")
        baru["digabung_ke"] = gabung_ke
    if any(u.get("digabung_ke") == uid for u in tx.table("usulan").values()) and status in ("ditolak", "digabung"):
        raise DataDitolak(f"Usulan lain sudah digabung ke {uid}; ubah usulan itu dahulu.")
    if baru == lama:
        return
    tx.put("usulan", uid, baru)
    keterangan = {"status": status}
    if alasan:
        keterangan["alasan"] = alasan
    if status == "dialihkan":
        keterangan["skpd"] = baru["skpd_akhir"]
    if status == "digabung":
        keterangan["ke"] = gabung_ke
    tx.catat("verifikasi", uid, {"status": lama["status"], "alasan": lama.get("alasan", "")}, keterangan)


def pindah_kelompok(tx: Transaksi, uid: str, kid: str) -> None:
    """Move an usulan to another (defined) kelompok; "" returns it to the kelompok of its bidang."""
    tx.wajib_peran(*BOLEH["kelompok"])
    lama = tx.get("usulan", uid)
    if lama is None:
        raise DataDitolak(f"Usulan {uid} tidak ada.")
    if kid and tx.get("kelompok", kid) is None:
        raise DataDitolak(f"Kelompok {kid} tidak ada.")
    if lama.get("kelompok", "") == kid:
        return
    cek_kelompok_terbuka(tx, uid)
    tx.put("usulan", uid, dict(lama, kelompok=kid))
    tx.catat("pindah kelompok", uid, lama.get("kelompok") or None, kid or None)


def _mirip(a: str, b: str) -> float:
    a, b = normal(a), normal(b)
    if not a or not b:
        return 0.0
    return SequenceMatcher(None, a, b).ratio()


def _mirip_kata(a: str, b: str) -> float:
    """Similarity of two titles word by word ("jalan titian" shared), not letter by letter."""
    a_kata, b_kata = normal(a).split(), normal(b).split()
    if not a_kata or not b_kata:
        return 0.0
    return SequenceMatcher(None, a_kata, b_kata).ratio()


def _tempat_sama(a: str, b: str) -> bool:
    """Two locations name the same place: nearly the same text and the same numbers (RT 05 = RT 5, not RT 07)."""
    if not a or not b:
        return False
    angka_a = [int(n) for n in re.findall(r"\d+", a)]
    angka_b = [int(n) for n in re.findall(r"\d+", b)]
    return angka_a == angka_b and _mirip(re.sub(r"\d+", "#", a), re.sub(r"\d+", "#", b)) >= 0.9


def kemungkinan_duplikat(data: Data, kid: str | None = None, ambang: float = 0.8) -> dict[str, list[str]]:
    """Likely duplicates: usulan of the same kelurahan with a similar title, or at the same place with a
    related title (sharing words such as "jalan titian").

    Returns usulan id -> ids it may duplicate (both directions).
    """
    pool = data.usulan_kelompok(kid) if kid is not None else list(data.usulan.values())
    pool = [u for u in pool if u.status != "digabung"]
    by_kel: dict[str, list] = {}
    for u in pool:
        by_kel.setdefault(u.kelurahan, []).append(u)
    out: dict[str, list[str]] = {}
    for items in by_kel.values():
        for i, a in enumerate(items):
            for b in items[i + 1:]:
                if _mirip(a.kegiatan, b.kegiatan) >= ambang or (
                        _tempat_sama(a.lokasi, b.lokasi) and _mirip_kata(a.kegiatan, b.kegiatan) >= 0.5):
                    out.setdefault(a.id, []).append(b.id)
                    out.setdefault(b.id, []).append(a.id)
    return out


__all__ = ["STATUS", "STATUS_VERIFIKASI", "verifikasi", "pindah_kelompok", "kemungkinan_duplikat"]
