"""Preparation: the session's own data, kelurahan, criteria, kelompok, schedule and the organising team."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any, Iterable

from .data import VIRTUAL_PREFIX, normal
from .errors import DataDitolak
from .masukan import bilangan_bulat, desimal_dalam_batas, kutip, nama_orang, tanggal_iso, wajib
from .model import (
    KRITERIA_BAKU,
    PERAN_TIM,
    TAHAP,
    Info,
    Kelompok,
    Kriteria,
    decimal_text,
    label_skala_baku,
)
from .peran import BOLEH
from .teks import bersih
from .transaksi import Transaksi

INFO_TEKS = ("kecamatan", "kota", "jenis_daerah", "tempat", "camat", "nomor_ba")


def info_awal(kecamatan: str, kota: str, tahun: int, tanggal: str, tempat: str, camat: str = "",
              **extra: Any) -> dict[str, Any]:
    """A checked `sesi.info` record for a new session."""
    info = {
        "kecamatan": wajib(kecamatan, "Kecamatan"),
        "kota": wajib(kota, "Kota"),
        "tahun": bilangan_bulat(tahun, "Tahun RKPD", minimum=2000, maksimum=2100),
        "tanggal": tanggal_iso(tanggal, "Tanggal"),
        "tempat": wajib(tempat, "Tempat"),
        "camat": nama_orang(camat, "Nama camat", boleh_kosong=True),
    }
    for k, v in extra.items():
        info[k] = v
    return Info.from_dict(info).to_dict()


def ubah_info(tx: Transaksi, **fields: Any) -> None:
    """Change fields of the session's own data (kecamatan, tanggal, tempat, camat, nomor BA, ...)."""
    tx.wajib_peran(*BOLEH["persiapan"])
    lama = dict(tx.get("sesi", "info") or {})
    baru = dict(lama)
    for k, v in fields.items():
        if k in ("kecamatan", "kota", "tempat"):
            baru[k] = wajib(v, k.capitalize())
        elif k == "camat":
            baru[k] = nama_orang(v, "Nama camat", boleh_kosong=True)
        elif k in INFO_TEKS:
            baru[k] = bersih(v, jaga_spasi=(k == "nomor_ba"))
        elif k == "tahun":
            baru[k] = bilangan_bulat(v, "Tahun RKPD", minimum=2000, maksimum=2100)
        elif k == "tanggal":
            baru[k] = tanggal_iso(v, "Tanggal")
        elif k == "tanggal_pengumuman":
            baru[k] = tanggal_iso(v, "Tanggal pengumuman", boleh_kosong=True)
        elif k in ("min_delegasi", "min_perempuan_delegasi"):
            baru[k] = bilangan_bulat(v, k.replace("_", " "), minimum=0, maksimum=50)
        else:
            raise DataDitolak(f"Kolom sesi '{k}' tidak dikenal.")
    diubah = {k: (lama.get(k), baru[k]) for k in fields if lama.get(k) != baru[k]}
    if not diubah:
        return
    tx.put("sesi", "info", baru)
    for k, (a, b) in diubah.items():
        tx.catat("ubah data sesi", k, a, b)


def atur_tahap(tx: Transaksi, tahap: str) -> None:
    """Move the session to an agenda stage (what the projector follows)."""
    tx.wajib_peran(*BOLEH["tahap"])
    if tahap not in TAHAP:
        raise DataDitolak(f"Tahap '{tahap}' tidak dikenal.")
    info = dict(tx.get("sesi", "info") or {})
    if info.get("tahap") == tahap:
        return
    tx.catat("pindah tahap", "sesi", info.get("tahap"), tahap)
    info["tahap"] = tahap
    tx.put("sesi", "info", info)


# --- kelurahan ---

def tambah_kelurahan(tx: Transaksi, nama: str, lurah: str = "") -> str:
    tx.wajib_peran(*BOLEH["persiapan"])
    nama = wajib(nama, "Nama kelurahan")
    for rec in tx.table("kelurahan").values():
        if normal(rec["nama"]) == normal(nama):
            raise DataDitolak(f"Kelurahan {nama} sudah ada.")
    rid = tx.id_baru("kelurahan", "KL", 2)
    tx.put("kelurahan", rid, {"id": rid, "nama": nama, "lurah": bersih(lurah),
                              "urutan": tx.urutan_baru("kelurahan")})
    tx.catat("tambah kelurahan", rid, None, nama)
    return rid


def hapus_kelurahan(tx: Transaksi, rid: str) -> None:
    tx.wajib_peran(*BOLEH["persiapan"])
    rec = tx.get("kelurahan", rid)
    if rec is None:
        raise DataDitolak(f"Kelurahan {rid} tidak ada.")
    if any(u["kelurahan"] == rec["nama"] for u in tx.table("usulan").values()):
        raise DataDitolak(f"Kelurahan {rec['nama']} masih mempunyai usulan; tidak dapat dihapus.")
    tx.delete("kelurahan", rid)
    tx.catat("hapus kelurahan", rid, rec["nama"], None)


# --- criteria ---

#: A criterion's weight: 0 < bobot <= BOBOT_MAKS, at most BOBOT_DESIMAL decimals (docs/csv.md, "Batas isian").
BOBOT_MAKS = Decimal(1000)
BOBOT_DESIMAL = 6


def _bobot(value: Any) -> str:
    """A weight as stored ("1", "1.5"); its range is checked before it is ever written out in full."""
    text = bersih(value).replace(",", ".") if not isinstance(value, (int, Decimal)) else str(value)
    try:
        d = Decimal(text or "1")
    except InvalidOperation:
        raise DataDitolak(f"Bobot harus bilangan positif, bukan '{kutip(text)}'.") from None
    if not d.is_finite() or d <= 0:
        raise DataDitolak(f"Bobot harus bilangan positif, bukan '{kutip(text)}'.")
    return decimal_text(desimal_dalam_batas(d, "Bobot", text, maksimum=BOBOT_MAKS, desimal_maks=BOBOT_DESIMAL))


def kriteria_record(kode: str, nama: str, bobot: Any = "1", skala_min: Any = 1, skala_maks: Any = 5,
                    label: dict[str, str] | None = None, urutan: int = 0) -> dict[str, Any]:
    """A checked kriteria record (raises DataDitolak naming the field)."""
    kode = wajib(kode, "Kode kriteria")
    if not all(c.isalnum() or c in "._-" for c in kode):
        raise DataDitolak(f"Kode kriteria '{kode}' hanya boleh memuat huruf, angka, titik, - dan _.")
    lo = bilangan_bulat(skala_min, "Skala minimum", minimum=0, maksimum=100)
    hi = bilangan_bulat(skala_maks, "Skala maksimum", minimum=1, maksimum=100)
    if hi <= lo:
        raise DataDitolak(f"Skala maksimum ({hi}) harus lebih besar daripada skala minimum ({lo}).")
    if hi > 10 or (hi == 10 and lo < 1):
        raise DataDitolak("Skala paling lebar 1-10 (diketik dengan satu tombol; 10 dengan tombol 0).")
    if label is None:
        label = label_skala_baku(lo, hi)
    label = {str(int(k)): bersih(v) for k, v in label.items() if bersih(v) and lo <= int(k) <= hi}
    return Kriteria(kode=kode, nama=wajib(nama, "Nama kriteria"), bobot=_bobot(bobot), skala_min=lo,
                    skala_maks=hi, label=label, urutan=urutan).to_dict()


def _ada_skor(tx: Transaksi, kode: str | None = None) -> bool:
    return any(kode is None or s["kriteria"] == kode for s in tx.table("skor").values())


def simpan_kriteria(tx: Transaksi, kode: str, nama: str, bobot: Any = "1", skala_min: Any = 1,
                    skala_maks: Any = 5, label: dict[str, str] | None = None, baru: bool = False) -> None:
    """Add or change a criterion. Its scale cannot shrink below a value already given.

    With `baru` the code must be free: adding never silently replaces an existing criterion."""
    tx.wajib_peran(*BOLEH["persiapan"])
    lama = tx.get("kriteria", bersih(kode))
    if baru and lama is not None:
        raise DataDitolak(f"Kode {bersih(kode)} sudah dipakai kriteria lain ({lama['nama']}); pilih kode lain "
                          "atau ubah kriteria itu.")
    urutan = lama["urutan"] if lama else tx.urutan_baru("kriteria")
    rec = kriteria_record(kode, nama, bobot, skala_min, skala_maks, label, urutan)
    for s in tx.table("skor").values():
        if s["kriteria"] == rec["kode"] and not rec["skala_min"] <= s["nilai"] <= rec["skala_maks"]:
            raise DataDitolak(
                f"Skala {rec['skala_min']}-{rec['skala_maks']} tidak memuat nilai {s['nilai']} yang sudah "
                f"diberikan untuk usulan {s['usulan']}; hapus nilai itu dahulu."
            )
    if lama == rec:
        return
    tx.put("kriteria", rec["kode"], rec)
    tx.catat("ubah kriteria" if lama else "tambah kriteria", rec["kode"], lama, rec)


def hapus_kriteria(tx: Transaksi, kode: str) -> None:
    tx.wajib_peran(*BOLEH["persiapan"])
    lama = tx.get("kriteria", kode)
    if lama is None:
        raise DataDitolak(f"Kriteria {kode} tidak ada.")
    if _ada_skor(tx, kode):
        raise DataDitolak(f"Kriteria {kode} sudah dipakai menilai; hapus nilainya dahulu.")
    tx.delete("kriteria", kode)
    tx.catat("hapus kriteria", kode, lama, None)


def ganti_semua_kriteria(tx: Transaksi, records: Iterable[dict[str, Any]]) -> None:
    """Replace the whole set of criteria (only while no score exists); each one is checked as in the editor."""
    tx.wajib_peran(*BOLEH["persiapan"])
    if _ada_skor(tx):
        raise DataDitolak("Kriteria hanya dapat diganti seluruhnya selama belum ada nilai skor.")
    checked = []
    for i, rec in enumerate(records, start=1):
        rec = kriteria_record(rec.get("kode", ""), rec.get("nama", ""), rec.get("bobot", "1"),
                              rec.get("skala_min", 1), rec.get("skala_maks", 5), rec.get("label"), urutan=i)
        if any(r["kode"] == rec["kode"] for r in checked):
            raise DataDitolak(f"Kode kriteria {rec['kode']} muncul lebih dari sekali.")
        checked.append(rec)
    if not checked:
        raise DataDitolak("Daftar kriteria kosong; sekurang-kurangnya satu kriteria diperlukan.")
    lama = list(tx.table("kriteria").values())
    for rec in lama:
        tx.delete("kriteria", rec["kode"])
    baru = []
    for rec in checked:
        tx.put("kriteria", rec["kode"], rec)
        baru.append(rec["kode"])
    tx.catat("ganti kriteria", "kriteria", [r["kode"] for r in lama], baru)


def kriteria_baku() -> list[dict[str, Any]]:
    """The five criteria of the source procedure, scale 1-5, equal weight."""
    return [kriteria_record(k, n, urutan=i) for i, (k, n) in enumerate(KRITERIA_BAKU, start=1)]


# --- kelompok ---

def simpan_kelompok(tx: Transaksi, nama: str, bidang: Iterable[str] = (), fasilitator: str = "",
                    kid: str | None = None) -> str:
    """Add (kid None) or change a kelompok: its name, the bidang it covers and its fasilitator."""
    tx.wajib_peran(*BOLEH["persiapan"])
    nama = wajib(nama, "Nama kelompok")
    bidang = [b for b in (bersih(x) for x in bidang) if b]
    for rec in tx.table("kelompok").values():
        if rec["id"] == kid:
            continue
        if normal(rec["nama"]) == normal(nama):
            raise DataDitolak(f"Kelompok bernama {nama} sudah ada.")
        dobel = set(bidang) & set(rec.get("bidang", []))
        if dobel:
            raise DataDitolak(f"Bidang {', '.join(sorted(dobel))} sudah menjadi bagian kelompok {rec['nama']}.")
    if kid is None:
        kid = tx.id_baru("kelompok", "KEL", 2)
        lama = None
        rec = Kelompok(id=kid, nama=nama, bidang=bidang, fasilitator=bersih(fasilitator),
                       urutan=tx.urutan_baru("kelompok")).to_dict()
    else:
        lama = tx.get("kelompok", kid)
        if lama is None:
            raise DataDitolak(f"Kelompok {kid} tidak ada.")
        rec = dict(lama, nama=nama, bidang=bidang, fasilitator=bersih(fasilitator))
        if rec == lama:
            return kid
        if lama.get("disepakati") and rec["bidang"] != lama.get("bidang", []):
            raise DataDitolak(f"Daftar kelompok {lama['nama']} sudah disepakati di Pleno II; bidangnya tidak "
                              "dapat diubah sebelum kesepakatan dibatalkan.")
    tx.put("kelompok", kid, rec)
    tx.catat("ubah kelompok" if lama else "tambah kelompok", kid,
             {k: lama[k] for k in ("nama", "bidang", "fasilitator")} if lama else None,
             {k: rec[k] for k in ("nama", "bidang", "fasilitator")})
    return kid


def hapus_kelompok(tx: Transaksi, kid: str) -> None:
    tx.wajib_peran(*BOLEH["persiapan"])
    lama = tx.get("kelompok", kid)
    if lama is None:
        raise DataDitolak(f"Kelompok {kid} tidak ada.")
    if lama.get("ketua") or lama.get("sekretaris") or lama.get("notulen"):
        raise DataDitolak(f"Kelompok {lama['nama']} sudah memilih pimpinannya; tidak dapat dihapus.")
    if lama.get("disepakati"):
        raise DataDitolak(f"Daftar kelompok {lama['nama']} sudah disepakati di Pleno II; tidak dapat dihapus.")
    for pid, p in tx.table("peserta").items():
        if p.get("kelompok") == kid:
            tx.put("peserta", pid, dict(p, kelompok=""))
    for uid, u in tx.table("usulan").items():
        if u.get("kelompok") == kid:
            tx.put("usulan", uid, dict(u, kelompok=""))
    tx.delete("kelompok", kid)
    tx.catat("hapus kelompok", kid, lama["nama"], None)


def kelompok_per_bidang(tx: Transaksi) -> list[str]:
    """Define one kelompok for each bidang that no kelompok covers yet; returns the new ids."""
    tx.wajib_peran(*BOLEH["persiapan"])
    baru = []
    for k in tx.data.kelompok:
        if k.virtual:
            baru.append(simpan_kelompok(tx, k.nama, k.bidang))
    return baru


def is_virtual(kid: str) -> bool:
    return kid.startswith(VIRTUAL_PREFIX)


# --- schedule, team, speeches ---

def simpan_jadwal(tx: Transaksi, waktu: str, acara: str, keterangan: str = "", rid: str | None = None) -> str:
    tx.wajib_peran(*BOLEH["persiapan"])
    rec = {"waktu": wajib(waktu, "Waktu"), "acara": wajib(acara, "Acara"), "keterangan": bersih(keterangan)}
    return _simpan_daftar(tx, "jadwal", "J", rid, rec, "jadwal")


def simpan_tim(tx: Transaksi, nama: str, peran: str, jabatan: str = "", materi: str = "",
               rid: str | None = None) -> str:
    tx.wajib_peran(*BOLEH["persiapan"])
    if peran not in PERAN_TIM:
        raise DataDitolak(f"Peran tim '{peran}' tidak dikenal (pilihan: {', '.join(PERAN_TIM)}).")
    rec = {"nama": nama_orang(nama, "Nama"), "peran": peran, "jabatan": bersih(jabatan), "materi": bersih(materi)}
    return _simpan_daftar(tx, "tim", "T", rid, rec, PERAN_TIM[peran].lower())


def simpan_sambutan(tx: Transaksi, nama: str, jabatan: str = "", rid: str | None = None) -> str:
    tx.wajib_peran(*BOLEH["catatan"])
    rec = {"nama": nama_orang(nama, "Nama"), "jabatan": bersih(jabatan)}
    return _simpan_daftar(tx, "sambutan", "S", rid, rec, "sambutan")


def hapus_dari_daftar(tx: Transaksi, table: str, rid: str) -> None:
    """Remove an entry of a simple list (jadwal, tim, sambutan)."""
    tx.wajib_peran(*BOLEH["catatan" if table == "sambutan" else "persiapan"])
    lama = tx.get(table, rid)
    if lama is None:
        raise DataDitolak(f"Data {rid} tidak ada.")
    tx.delete(table, rid)
    tx.catat(f"hapus {table}", rid, lama, None)


def _simpan_daftar(tx: Transaksi, table: str, prefix: str, rid: str | None, rec: dict[str, Any],
                   label: str) -> str:
    if rid is None:
        rid = tx.id_baru(table, prefix, 3)
        full = {"id": rid, **rec, "urutan": tx.urutan_baru(table)}
        tx.put(table, rid, full)
        tx.catat(f"tambah {label}", rid, None, rec)
        return rid
    lama = tx.get(table, rid)
    if lama is None:
        raise DataDitolak(f"Data {rid} tidak ada.")
    full = dict(lama, **rec)
    if full != lama:
        tx.put(table, rid, full)
        tx.catat(f"ubah {label}", rid, {k: lama.get(k) for k in rec}, rec)
    return rid


def buat_sesi(path: str, *, kecamatan: str, kota: str, tahun: Any, tanggal: str, tempat: str, camat: str = "",
              kelurahan: Iterable[str] | None = None, **store_kwargs: Any):
    """Create a new session file with the kelurahan of the kecamatan and the five default criteria.

    Kelurahan: the given list, else the ones the app knows for this kecamatan (Kota Banjarmasin).
    All or nothing: everything is checked in memory first (a duplicate kelurahan raises DataDitolak)
    and the file is written once, so a refusal leaves no file behind and a retry works.
    """
    from .store import Store
    from .wilayah import kelurahan_dikenal

    info = info_awal(kecamatan, kota, tahun, tanggal, tempat, camat)
    names = [n for n in (bersih(k) for k in kelurahan) if n] if kelurahan is not None else \
        kelurahan_dikenal(kota, kecamatan)

    def siapkan(tx: Transaksi) -> None:
        for n in names:
            tambah_kelurahan(tx, n)
        ganti_semua_kriteria(tx, kriteria_baku())

    return Store.buat(path, info, siapkan=siapkan, **store_kwargs)
