"""The notulen's running notes (Pleno I, kelompok, Pleno II) and the tanggapan of Pleno II."""

from __future__ import annotations

from .errors import DataDitolak
from .model import TAHAP, UNSUR
from .peran import BOLEH
from .teks import bersih
from .transaksi import Transaksi


def tambah_catatan(tx: Transaksi, teks: str, pembicara: str = "", tahap: str = "pleno1",
                   kelompok: str = "") -> str:
    """A timestamped note, with an optional speaker."""
    tx.wajib_peran(*BOLEH["catatan"])
    teks = bersih(teks, baris_baru=True)
    if not teks:
        raise DataDitolak("Catatan kosong tidak disimpan.")
    if tahap not in TAHAP:
        raise DataDitolak(f"Tahap '{tahap}' tidak dikenal.")
    rid = tx.id_baru("catatan", "C")
    rec = {"id": rid, "waktu": tx.waktu_iso, "teks": teks, "tahap": tahap, "pembicara": bersih(pembicara),
           "kelompok": kelompok}
    tx.put("catatan", rid, rec)
    tx.catat("tambah catatan", rid, None, teks)
    return rid


def ubah_catatan(tx: Transaksi, rid: str, teks: str, pembicara: str | None = None) -> None:
    tx.wajib_peran(*BOLEH["catatan"])
    lama = tx.wajib_ada("catatan", rid, "Catatan")
    teks = bersih(teks, baris_baru=True)
    if not teks:
        raise DataDitolak("Catatan tidak boleh kosong; hapus bila tidak diperlukan.")
    baru = dict(lama, teks=teks)
    if pembicara is not None:
        baru["pembicara"] = bersih(pembicara)
    if baru == lama:
        return
    tx.put("catatan", rid, baru)
    tx.catat("ubah catatan", rid, lama["teks"], teks)


def hapus_catatan(tx: Transaksi, rid: str) -> None:
    tx.wajib_peran(*BOLEH["catatan"])
    lama = tx.wajib_ada("catatan", rid, "Catatan")
    tx.delete("catatan", rid)
    tx.catat("hapus catatan", rid, lama["teks"], None)


def tambah_tanggapan(tx: Transaksi, nama: str, isi: str, unsur: str = "", kelompok: str = "",
                     usulan: str = "", jawaban: str = "") -> str:
    """A response in Pleno II: who (and their unsur), about which kelompok or usulan, what, and the answer
    the forum gave (may be empty; `jawab_tanggapan` adds it later). All shown in the notulen."""
    tx.wajib_peran(*BOLEH["tanggapan"])
    nama, isi = bersih(nama), bersih(isi, baris_baru=True)
    if not nama:
        raise DataDitolak("Nama penanggap wajib diisi.")
    if not isi:
        raise DataDitolak("Isi tanggapan wajib diisi.")
    if unsur and unsur not in UNSUR:
        raise DataDitolak(f"Unsur '{unsur}' tidak dikenal.")
    if usulan and tx.get("usulan", usulan) is None:
        raise DataDitolak(f"Usulan {usulan} tidak ada.")
    rid = tx.id_baru("tanggapan", "TG")
    rec = {"id": rid, "waktu": tx.waktu_iso, "nama": nama, "isi": isi, "unsur": unsur, "kelompok": kelompok,
           "usulan": usulan}
    jawaban = bersih(jawaban, baris_baru=True)
    if jawaban:
        rec["jawaban"] = jawaban
    tx.put("tanggapan", rid, rec)
    tx.catat("tambah tanggapan", rid, None, f"{nama}: {isi}")
    return rid


def jawab_tanggapan(tx: Transaksi, rid: str, jawaban: str) -> None:
    """Record (or change, or clear with "") the answer given to tanggapan `rid`; in the history."""
    tx.wajib_peran(*BOLEH["tanggapan"])
    lama = tx.get("tanggapan", rid)
    if lama is None:
        raise DataDitolak(f"Tanggapan {rid} tidak ada.")
    jawaban = bersih(jawaban, baris_baru=True)
    if lama.get("jawaban", "") == jawaban:
        return
    tx.put("tanggapan", rid, dict(lama, jawaban=jawaban))
    tx.catat("jawab tanggapan", rid, lama.get("jawaban", ""), jawaban)


def hapus_tanggapan(tx: Transaksi, rid: str) -> None:
    tx.wajib_peran(*BOLEH["tanggapan"])
    lama = tx.wajib_ada("tanggapan", rid, "Tanggapan")
    tx.delete("tanggapan", rid)
    tx.catat("hapus tanggapan", rid, lama["isi"], None)
