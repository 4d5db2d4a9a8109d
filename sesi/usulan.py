"""Usulan (proposals) brought by the desa and kelurahan: checked records, adding and editing (the fields:
docs/tata-cara.md section 3)."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from .dana import baca_sumber_dana, sumber_usulan
from .data import normal
from .errors import DataDitolak
from .format import parse_angka
from .masukan import bilangan_bulat, desimal_dalam_batas, isian, kutip, tolak_kendali, wajib
from .model import JENIS_USULAN, Usulan
from .nilai import decimal_text
from .peran import BOLEH
from .sebutan import sebut_wilayah
from .teks import bersih
from .transaksi import Transaksi
from .verifikasi import cek_kelompok_terbuka

ID_SAH = re.compile(r"^[^|\s][^|]{0,63}$")


def kunci_jenis(value: str) -> str:
    v = normal(value)
    if v in ("", "-"):
        return ""
    if v in ("fisik", "f"):
        return "fisik"
    if v in ("non fisik", "nonfisik", "nf"):
        return "non-fisik"
    raise DataDitolak(f"Jenis harus fisik atau non-fisik, bukan '{value}'.")


#: Upper bounds (docs/csv.md, "Batas isian"): far above any kecamatan's usulan, low enough that sums over
#: every usulan stay exact and readable.
VOLUME_MAKS = Decimal(10) ** 9
BIAYA_MAKS = Decimal(10) ** 15  # rupiah


def _angka(value: Any, nama: str, maksimum: Decimal) -> str:
    """A number 0..maksimum as stored ("1500000.5"), or "" when empty."""
    if value is None or bersih(value) == "":
        return ""
    try:
        d = parse_angka(str(value))
    except ValueError as e:
        raise DataDitolak(f"{nama} harus angka ({kutip(str(e), 60)}).") from None
    if d.is_signed():  # a negative number, or a negative zero ("-0") that compares equal to 0
        raise DataDitolak(f"{nama} tidak boleh negatif, bukan '{kutip(bersih(value))}'.")
    return decimal_text(desimal_dalam_batas(d, nama, bersih(value), maksimum=maksimum))


def usulan_record(*, kelurahan: str, prioritas_kelurahan: Any, kegiatan: str, skpd: str, bidang: str,
                  masalah: str = "", lokasi: str = "", volume: Any = "", satuan: str = "",
                  perkiraan_biaya: Any = "", jenis: str = "", sumber_dana: Any = "", harga_satuan: Any = "",
                  kelurahan_dikenal: dict[str, str]) -> dict[str, Any]:
    """A checked usulan record without id/urutan (raises DataDitolak naming the field). `sumber_dana`: a
    word of `sesi.dana.baca_sumber_dana`, stored as its key; `harga_satuan`: rupiah per satuan, like the
    biaya (its agreement with volume x harga satuan is a warning, `sesi.dana.catatan_harga`, not a refusal)."""
    kel = wajib(tolak_kendali(kelurahan, "Kelurahan"), "Kelurahan")  # "Kelurahan ": the label sesi.impor maps to the column (issue 13)
    if normal(kel) not in kelurahan_dikenal:
        raise DataDitolak(f"Kelurahan '{kel}' tidak dikenal di kecamatan ini.")
    kegiatan = isian(kegiatan, "Kegiatan", "kegiatan", wajib_isi=True)
    masalah = isian(masalah, "Masalah", "masalah")
    lokasi = isian(lokasi, "Lokasi", "lokasi")
    skpd = isian(skpd, "SKPD", "skpd", wajib_isi=True)
    return {
        "kelurahan": kelurahan_dikenal[normal(kel)],
        "prioritas_kelurahan": bilangan_bulat(prioritas_kelurahan, "Prioritas kelurahan", minimum=1,
                                              maksimum=999),
        "kegiatan": kegiatan,
        "masalah": masalah,
        "lokasi": lokasi,
        "volume": _angka(volume, "Volume", VOLUME_MAKS),
        "satuan": isian(satuan, "Satuan", "satuan"),
        "perkiraan_biaya": _angka(perkiraan_biaya, "Perkiraan biaya", BIAYA_MAKS),
        "jenis": kunci_jenis(jenis),
        "sumber_dana": baca_sumber_dana(sumber_dana),
        "harga_satuan": _angka(harga_satuan, "Harga satuan", BIAYA_MAKS),
        "bidang": isian(bidang, "Bidang", "bidang", wajib_isi=True),
        "skpd_awal": skpd,
        "skpd_akhir": skpd,
    }


def cek_id(uid: str) -> str:
    uid = bersih(uid)
    if not ID_SAH.match(uid):
        raise DataDitolak(f"Id usulan '{uid}' tidak sah (paling panjang 64 karakter, tanpa | dan tidak "
                          "diawali spasi).")
    return uid


def cek_prioritas_unik(tx: Transaksi, kelurahan: str, prioritas: int, kecuali: str = "") -> None:
    for u in tx.table("usulan").values():
        if u["id"] != kecuali and u["kelurahan"] == kelurahan and u["prioritas_kelurahan"] == prioritas:
            raise DataDitolak(f"Prioritas {prioritas} {sebut_wilayah(tx.data, kelurahan)} sudah dipakai usulan {u['id']} "
                              f"({u['kegiatan']}).")


def tambah_usulan(tx: Transaksi, uid: str = "", **fields: Any) -> str:
    """Add one usulan (status baru); returns its id."""
    tx.wajib_peran(*BOLEH["persiapan"])
    rec = usulan_record(kelurahan_dikenal=tx.data.kelurahan_nama, **fields)
    uid = cek_id(uid) if uid else tx.id_baru("usulan", "U", 3)
    if tx.get("usulan", uid) is not None:
        raise DataDitolak(f"Id usulan {uid} sudah dipakai.")
    cek_prioritas_unik(tx, rec["kelurahan"], rec["prioritas_kelurahan"])
    full = Usulan(id=uid, **rec, urutan=tx.urutan_baru("usulan")).to_dict()
    tx.put("usulan", uid, full)
    tx.catat("tambah usulan", uid, None, rec["kegiatan"])
    return uid


def ubah_usulan(tx: Transaksi, uid: str, **fields: Any) -> None:
    """Correct an usulan's fields (kelurahan, kegiatan, volume, biaya, ...)."""
    tx.wajib_peran(*BOLEH["persiapan"])
    lama = tx.get("usulan", uid)
    if lama is None:
        raise DataDitolak(f"Usulan {uid} tidak ada.")
    cek_kelompok_terbuka(tx, uid)
    current = {k: lama.get(k, "") for k in ("kelurahan", "prioritas_kelurahan", "kegiatan", "masalah", "lokasi",
                                             "volume", "satuan", "perkiraan_biaya", "jenis", "bidang",
                                             "harga_satuan")}
    current["skpd"] = lama["skpd_awal"]
    current["sumber_dana"] = sumber_usulan(Usulan.from_dict(lama))  # older free text reads as its key
    current.update(fields)
    rec = usulan_record(kelurahan_dikenal=tx.data.kelurahan_nama, **current)
    if lama["skpd_akhir"] != lama["skpd_awal"]:
        rec["skpd_akhir"] = lama["skpd_akhir"]
    cek_prioritas_unik(tx, rec["kelurahan"], rec["prioritas_kelurahan"], kecuali=uid)
    baru = dict(lama, **rec)
    if baru == lama:
        return
    tx.put("usulan", uid, baru)
    beda = [k for k in rec if lama.get(k) != baru[k]]
    tx.catat("ubah usulan", uid, {k: lama.get(k) for k in beda}, {k: baru[k] for k in beda})


def hapus_usulan(tx: Transaksi, uid: str) -> None:
    tx.wajib_peran(*BOLEH["persiapan"])
    lama = tx.get("usulan", uid)
    if lama is None:
        raise DataDitolak(f"Usulan {uid} tidak ada.")
    if any(s["usulan"] == uid for s in tx.table("skor").values()):
        raise DataDitolak(f"Usulan {uid} sudah dinilai; hapus nilainya dahulu.")
    if any(u.get("digabung_ke") == uid for u in tx.table("usulan").values()):
        raise DataDitolak(f"Usulan lain digabung ke {uid}; ubah usulan itu dahulu.")
    tx.delete("usulan", uid)
    tx.catat("hapus usulan", uid, lama["kegiatan"], None)


__all__ = ["JENIS_USULAN", "usulan_record", "tambah_usulan", "ubah_usulan", "hapus_usulan", "cek_id"]
