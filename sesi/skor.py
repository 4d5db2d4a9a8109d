"""Scoring: one value per cell (usulan x kriteria), by consensus or by a named penilai."""

from __future__ import annotations

from .errors import DataDitolak
from .masukan import nama_orang
from .model import STATUS_DISISIHKAN, label_status, skor_id
from .peran import BOLEH
from .teks import bersih
from .transaksi import Transaksi
from .verifikasi import cek_kelompok_terbuka


def _cek(tx: Transaksi, usulan_id: str, kode: str) -> tuple[dict, dict]:
    u = tx.get("usulan", usulan_id)
    if u is None:
        raise DataDitolak(f"Usulan {usulan_id} tidak ada.")
    k = tx.get("kriteria", kode)
    if k is None:
        raise DataDitolak(f"Kriteria {kode} tidak ada.")
    if u["status"] in STATUS_DISISIHKAN:
        raise DataDitolak(f"Usulan {usulan_id} berstatus {label_status(u['status']).lower()}; tidak dinilai.")
    cek_kelompok_terbuka(tx, usulan_id)
    return u, k


def atur_skor(tx: Transaksi, usulan_id: str, kode: str, nilai: int, penilai: str = "") -> int | None:
    """Set one cell; returns the value it had (None if empty), for undo."""
    tx.wajib_peran(*BOLEH["skor"])
    _, k = _cek(tx, usulan_id, kode)
    if isinstance(nilai, bool) or not isinstance(nilai, int):
        raise DataDitolak(f"Nilai {kode} harus bilangan bulat.")
    if not k["skala_min"] <= nilai <= k["skala_maks"]:
        raise DataDitolak(f"Nilai {nilai} di luar skala {kode} ({k['skala_min']}-{k['skala_maks']}).")
    penilai = nama_orang(penilai, "Nama penilai", boleh_kosong=True)
    if "|" in penilai:
        raise DataDitolak("Nama penilai tidak boleh memuat karakter |.")
    sid = skor_id(usulan_id, kode, penilai)
    lama = tx.get("skor", sid)
    old = lama["nilai"] if lama else None
    if old == nilai:
        return old
    rec = {"usulan": usulan_id, "kriteria": kode, "nilai": nilai}
    if penilai:
        rec["penilai"] = penilai
    tx.put("skor", sid, rec)
    tx.catat("skor", f"{usulan_id}/{kode}" + (f"/{penilai}" if penilai else ""), old, nilai)
    return old


def hapus_skor(tx: Transaksi, usulan_id: str, kode: str, penilai: str = "") -> int | None:
    """Clear one cell; returns the value it had."""
    tx.wajib_peran(*BOLEH["skor"])
    penilai = bersih(penilai)
    sid = skor_id(usulan_id, kode, penilai)
    lama = tx.get("skor", sid)
    if lama is None:
        return None
    cek_kelompok_terbuka(tx, usulan_id)
    tx.delete("skor", sid)
    tx.catat("hapus skor", f"{usulan_id}/{kode}" + (f"/{penilai}" if penilai else ""), lama["nilai"], None)
    return lama["nilai"]


def kembalikan_skor(tx: Transaksi, usulan_id: str, kode: str, nilai: int | None, penilai: str = "") -> None:
    """Put a cell back to an earlier value (undo)."""
    if nilai is None:
        hapus_skor(tx, usulan_id, kode, penilai)
    else:
        atur_skor(tx, usulan_id, kode, nilai, penilai)
