"""Scoring: one value per cell (usulan x kriteria), by consensus or by a named penilai; and the session's
rule for several penilai (docs/tata-cara.md section 4).

A cell's criterion is read in the criteria set of its usulan (`sesi.set_kriteria.set_usulan`). A value is
a whole number on the criterion's scale, or a half (7.5) on a scale of step 0.5; it is stored exactly
(`sesi.nilai.nilai_simpan`).
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Any, Iterable

from .data import normal
from .errors import DataDitolak
from .masukan import BATAS_DIGIT, kutip, nama_orang
from .model import (
    GABUNG_PENILAI, NILAI_KURANG, STATUS_DISISIHKAN, Kriteria, label_status, skor_id,
)
from .nilai import nilai_angka, nilai_simpan, teks_nilai_skor
from .peran import BOLEH
from .set_kriteria import nama_set, set_usulan
from .teks import bersih
from .transaksi import Transaksi
from .verifikasi import cek_kelompok_terbuka

Angka = int | Fraction


def kriteria_sel(data: Any, usulan_id: str, kode: str) -> Kriteria:
    """The criterion `kode` in the set of usulan `usulan_id`; DataDitolak naming what is missing."""
    if usulan_id not in data.usulan:
        raise DataDitolak(f"Usulan {usulan_id} tidak ada.")
    s = set_usulan(data, usulan_id)
    k = s.kriteria_dari_kode(kode)
    if k is None:
        if s.bawaan or not kode:
            raise DataDitolak(f"Kriteria {kode} tidak ada.")
        raise DataDitolak(f"Kriteria {kode} tidak ada dalam set kriteria usulan {usulan_id} "
                          f"({nama_set(data, s.kunci)}: {', '.join(s.kode)}).")
    return k


def cek_panjang_nilai(text: str) -> None:
    """Refuse a typed value of more than `BATAS_DIGIT` characters before any arithmetic."""
    if len(text.lstrip("+-")) > BATAS_DIGIT:
        raise DataDitolak(f"Nilai terlalu besar ({len(text.lstrip('+-'))} angka), bukan bilangan yang wajar.")


def baca_nilai(value: Any, k: Kriteria) -> Angka:
    """A value as typed ("7", "7,5", "7.5", an int, a Fraction) checked against the criterion's scale and
    step; DataDitolak with a sentence starting "Nilai"."""
    if isinstance(value, bool):
        raise DataDitolak(f"Nilai {k.kode} harus bilangan bulat.")
    if isinstance(value, (int, Fraction)):
        n: Angka = value
    elif isinstance(value, Decimal):
        if not value.is_finite():
            raise DataDitolak(f"Nilai harus bilangan, bukan '{value}'.")
        n = Fraction(value)
    else:
        text = bersih(value).replace(",", ".")
        cek_panjang_nilai(text)
        try:
            d = Decimal(text)
            if not d.is_finite():
                raise InvalidOperation
        except InvalidOperation:
            jenis = "bilangan bulat" if k.langkah_pecahan == 1 else "bilangan"
            raise DataDitolak(f"Nilai harus {jenis}, bukan '{kutip(bersih(value))}'.") from None
        n = Fraction(d)
    f = Fraction(n)
    if k.langkah_pecahan == 1 and f.denominator != 1:
        raise DataDitolak(f"Nilai harus bilangan bulat, bukan '{kutip(teks_nilai_skor(f) if not isinstance(value, str) else bersih(value))}'.")
    if not k.skala_min <= f <= k.skala_maks:
        raise DataDitolak(f"Nilai {teks_nilai_skor(f)} di luar skala {k.kode} ({k.skala_min}-{k.skala_maks}).")
    if not k.dalam_skala(f):
        raise DataDitolak(f"Nilai {teks_nilai_skor(f)} tidak sesuai langkah skala {k.kode} "
                          f"({k.skala_min}-{k.skala_maks}, langkah {teks_nilai_skor(k.langkah_pecahan)}).")
    return f.numerator if f.denominator == 1 else f


def _cek(tx: Transaksi, usulan_id: str, kode: str) -> tuple[dict, Kriteria]:
    u = tx.get("usulan", usulan_id)
    if u is None:
        raise DataDitolak(f"Usulan {usulan_id} tidak ada.")
    k = kriteria_sel(tx.data, usulan_id, kode)
    if u["status"] in STATUS_DISISIHKAN:
        raise DataDitolak(f"Usulan {usulan_id} berstatus {label_status(u['status']).lower()}; tidak dinilai.")
    cek_kelompok_terbuka(tx, usulan_id)
    return u, k


def atur_skor(tx: Transaksi, usulan_id: str, kode: str, nilai: Any, penilai: str = "") -> Angka | None:
    """Set one cell; returns the value it had (None if empty), for undo."""
    tx.wajib_peran(*BOLEH["skor"])
    _, k = _cek(tx, usulan_id, kode)
    nilai = baca_nilai(nilai, k)
    penilai = nama_orang(penilai, "Nama penilai", boleh_kosong=True)
    if "|" in penilai:
        raise DataDitolak("Nama penilai tidak boleh memuat karakter |.")
    sid = skor_id(usulan_id, kode, penilai)
    lama = tx.get("skor", sid)
    old = nilai_angka(lama["nilai"]) if lama else None
    if old == nilai:
        return old
    rec = {"usulan": usulan_id, "kriteria": kode, "nilai": nilai_simpan(nilai)}
    if penilai:
        rec["penilai"] = penilai
    tx.put("skor", sid, rec)
    tx.catat("skor", f"{usulan_id}/{kode}" + (f"/{penilai}" if penilai else ""),
             lama["nilai"] if lama else None, rec["nilai"])
    return old


def hapus_skor(tx: Transaksi, usulan_id: str, kode: str, penilai: str = "") -> Angka | None:
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
    return nilai_angka(lama["nilai"])


def kembalikan_skor(tx: Transaksi, usulan_id: str, kode: str, nilai: Angka | None, penilai: str = "") -> None:
    """Put a cell back to an earlier value (undo)."""
    if nilai is None:
        hapus_skor(tx, usulan_id, kode, penilai)
    else:
        atur_skor(tx, usulan_id, kode, nilai, penilai)


# --- the rule for several penilai ---------------------------------------------------------------------

def atur_cara_penilaian(tx: Transaksi, *, gabung: str | None = None, nilai_kurang: str | None = None,
                        total_100: bool | None = None) -> None:
    """Choose how several penilai's values combine (`gabung`: "rata-rata" or "jumlah") and what a value a
    listed penilai did not give means (`nilai_kurang`: "belum-lengkap" or "rata-rata-hadir"): both only
    before scoring starts (no score in the session). `total_100`: also show totals on a 0-100 scale (a
    display setting, any time). Each change is one history entry with its old and new value."""
    tx.wajib_peran(*BOLEH["persiapan"])
    info = dict(tx.get("sesi", "info") or {})
    baru = dict(info)
    if gabung is not None:
        if gabung not in GABUNG_PENILAI:
            raise DataDitolak(f"Cara menggabung nilai penilai harus {' atau '.join(GABUNG_PENILAI)}, bukan "
                              f"'{kutip(bersih(gabung))}'.")
        baru["gabung_penilai"] = gabung
    if nilai_kurang is not None:
        if nilai_kurang not in NILAI_KURANG:
            raise DataDitolak(f"Arti nilai yang tidak diberikan harus {' atau '.join(NILAI_KURANG)}, bukan "
                              f"'{kutip(bersih(nilai_kurang))}'.")
        baru["nilai_kurang"] = nilai_kurang
    if total_100 is not None:
        baru["total_100"] = bool(total_100)
    bawaan = {"gabung_penilai": "rata-rata", "nilai_kurang": "belum-lengkap", "total_100": False}
    diubah = {f: (info.get(f, b), baru.get(f, b)) for f, b in bawaan.items() if info.get(f, b) != baru.get(f, b)}
    if not diubah:
        return
    if {"gabung_penilai", "nilai_kurang"} & set(diubah) and tx.table("skor"):
        raise DataDitolak("Cara menggabung nilai penilai dan arti nilai yang tidak diberikan ditetapkan sebelum "
                          "penilaian dimulai; sudah ada nilai skor di sesi ini.")
    tx.put("sesi", "info", baru)
    for f, (a, b) in diubah.items():
        tx.catat("ubah cara penilaian", f, a, b)


def atur_penilai(tx: Transaksi, nama: Iterable[str], kelompok: str = "") -> list[str]:
    """List the penilai of a kelompok (`kelompok` id; "" = every kelompok without a list of its own):
    every listed penilai must score a cell for it to be complete. An empty list removes the list (then
    everyone who scored an usulan of the kelompok is listed). Returns the names as stored."""
    tx.wajib_peran(*BOLEH["skor"])
    kid = bersih(kelompok)
    if kid and tx.data.kelompok_dari_id(kid) is None:
        raise DataDitolak(f"Kelompok {kid} tidak ada.")
    daftar: list[str] = []
    for n in nama:
        n = nama_orang(n, "Nama penilai")
        if "|" in n:
            raise DataDitolak("Nama penilai tidak boleh memuat karakter |.")
        if any(normal(n) == normal(x) for x in daftar):
            raise DataDitolak(f"Nama penilai {n} tercantum lebih dari sekali.")
        daftar.append(n)
    info = dict(tx.get("sesi", "info") or {})
    semua = dict(info.get("penilai") or {})
    lama = semua.get(kid)
    if daftar:
        semua[kid] = daftar
    else:
        semua.pop(kid, None)
    if lama == (daftar or None):
        return daftar
    tx.put("sesi", "info", dict(info, penilai=semua))
    tx.catat("ubah daftar penilai", kid or "semua kelompok", lama, daftar or None)
    return daftar


def masalah_skor(data: Any) -> list[str]:
    """Problems of the stored scores, each criterion read in the set of its usulan (`sesi.periksa` reports
    these): usulan or criterion missing, a value off the scale or its step, a key that does not match the
    record."""
    out: list[str] = []
    usulan = data.raw.get("usulan", {})
    for sid, s in data.raw.get("skor", {}).items():
        uid, kode, nilai = s.get("usulan"), s.get("kriteria"), s.get("nilai")
        if uid not in usulan:
            out.append(f"Skor {sid}: usulan {uid} tidak ada.")
        else:
            set_u = set_usulan(data, str(uid))
            k = set_u.kriteria_dari_kode(str(kode))
            if k is None:
                out.append(f"Skor {sid}: kriteria {kode} tidak ada." if set_u.bawaan else
                           f"Skor {sid}: kriteria {kode} tidak ada dalam set kriteria usulan {uid}.")
            else:
                try:
                    ok = k.dalam_skala(nilai_angka(nilai))
                except (TypeError, ValueError, ZeroDivisionError):
                    ok = False
                if not ok:
                    out.append(f"Skor usulan {uid} kriteria {kode}: nilai {nilai} di luar skala "
                               f"{k.skala_min}-{k.skala_maks}" + ("" if k.langkah_pecahan == 1 else
                                                                  f" langkah {teks_nilai_skor(k.langkah_pecahan)}")
                               + ".")
        if sid != skor_id(str(uid), str(kode), str(s.get("penilai", ""))):
            out.append(f"Skor {sid}: kunci tidak sesuai dengan isinya (usulan {uid}, kriteria {kode}).")
    return out
