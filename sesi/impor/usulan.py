"""Importing usulan (docs/impor.md, "usulan"): new rows become usulan with status baru; a row whose id is
already in the session updates that usulan.

- Columns and the names people use for them (SIPD/e-musrenbang exports, lampiran forms) are in `_KOLOM`
  and `_ALIAS`; `ID Usulan` is kept as the usulan's id, `OPD Tujuan Awal`/`Akhir` as the original and
  final SKPD, `Status` (the source system's) and `Catatan` are kept on the record as `status_asal` and
  `catatan` (the usulan's own status starts at baru: the forum verifies). `Sumber Dana` is read into the
  fixed vocabulary of `sesi.dana` (a value outside it is a problem of that cell); `Harga Satuan` like the
  biaya, and a harga satuan that does not agree with volume x harga satuan is a note of the report
  (`sesi.dana.catatan_harga`), not a refusal.
- Required at header level: kelurahan, prioritas_kelurahan, kegiatan and an SKPD column; none of them when
  the file has an id column (a row whose id is new still needs them, checked per row). The bidang comes
  from its column, else `--bidang`, else the session's SKPD-to-bidang table (`pemetaan`).
- Money (`perkiraan_biaya`) and volume are read by `sesi.angka` (a volume with its unit, `700 m`, gives the
  satuan); names by `cocok.Penyelaras`; each record is checked by `sesi.usulan.usulan_record`.
- Updates: the columns the file has replace the usulan's values, the others stay; an usulan whose kelompok
  Pleno II agreed is refused. A kelurahan's priority stays unique across file and session.
Work is linear in the rows: the session's ids and priorities are indexed once.
"""

from __future__ import annotations

import re
from typing import Any

from ..angka import AngkaSalah, amati, baca_uang, baca_volume, teks_angka
from ..dana import catatan_harga, sumber_usulan
from ..errors import DataDitolak
from ..model import Usulan
from ..nama import kunci
from ..peran import BOLEH
from ..teks import bersih
from ..masukan import desimal_dalam_batas, isian
from ..usulan import BIAYA_MAKS, VOLUME_MAKS, cek_id, usulan_record
from ..verifikasi import cek_kelompok_terbuka
from .cocok import Penyelaras
from .jenis import JenisImpor, OpsiImpor
from .laporan import Laporan, semua_galat
from .tabel import TabelBerkas

_KOLOM = {
    "id": False, "kelurahan": True, "prioritas_kelurahan": True, "kegiatan": True, "masalah": False,
    "lokasi": False, "volume": False, "satuan": False, "perkiraan_biaya": False, "jenis": False,
    "skpd": True, "skpd_awal": False, "bidang": True, "sumber_dana": False, "status": False, "catatan": False,
    "harga_satuan": False,
}
_ALIAS = {
    "id_usulan": "id", "kode_usulan": "id", "usulan_id": "id", "no_usulan": "id",
    "desa": "kelurahan", "desa_kelurahan": "kelurahan", "kelurahan_desa": "kelurahan", "nama_desa": "kelurahan",
    "nama_kelurahan": "kelurahan", "desa_pengusul": "kelurahan", "kelurahan_pengusul": "kelurahan",
    "prioritas": "prioritas_kelurahan", "usulan_ke": "prioritas_kelurahan", "urutan": "prioritas_kelurahan",
    "prioritas_desa": "prioritas_kelurahan", "urutan_prioritas": "prioritas_kelurahan",
    "usulan": "kegiatan", "nama_kegiatan": "kegiatan", "usulan_kegiatan": "kegiatan",
    "jenis_kegiatan": "kegiatan", "permasalahan": "masalah", "alamat": "lokasi", "lokasi_kegiatan": "lokasi",
    "alamat_lokasi": "lokasi", "anggaran": "perkiraan_biaya", "biaya": "perkiraan_biaya", "pagu": "perkiraan_biaya",
    "biaya_rp": "perkiraan_biaya", "perkiraan_biaya_rp": "perkiraan_biaya", "pagu_anggaran": "perkiraan_biaya",
    "anggaran_rp": "perkiraan_biaya", "pagu_indikatif": "perkiraan_biaya", "jumlah_anggaran": "perkiraan_biaya",
    "perangkat_daerah": "skpd", "skpd_tujuan": "skpd", "opd": "skpd", "opd_tujuan": "skpd",
    "opd_tujuan_akhir": "skpd", "skpd_tujuan_akhir": "skpd", "opd_pelaksana": "skpd",
    "opd_tujuan_awal": "skpd_awal", "skpd_tujuan_awal": "skpd_awal", "skpd_awal": "skpd_awal",
    "bidang_urusan": "bidang", "sumber_dana": "sumber_dana", "sumber_anggaran": "sumber_dana",
    "sumber_pendanaan": "sumber_dana", "sumber_biaya": "sumber_dana", "sumber_pembiayaan": "sumber_dana",
    "harga_satuan_rp": "harga_satuan", "harga_per_satuan": "harga_satuan", "harga_unit": "harga_satuan",
    "status_usulan": "status", "keterangan": "catatan",
}
_LABEL = [("Prioritas kelurahan", "prioritas_kelurahan"), ("Perkiraan biaya", "perkiraan_biaya"),
         ("Id usulan", "id"), ("Prioritas", "prioritas_kelurahan"), ("Kelurahan", "kelurahan"),
         ("Kegiatan", "kegiatan"), ("Masalah", "masalah"), ("Lokasi", "lokasi"), ("Volume", "volume"),
         ("Jenis", "jenis"), ("Bidang", "bidang"), ("SKPD", "skpd"), ("Sumber dana", "sumber_dana"),
         ("Harga satuan", "harga_satuan"), ("Satuan", "satuan"), ("Status", "status"), ("Catatan", "catatan")]
#: Fields `usulan_record` takes, and harmless values to retry a row with so every bad field is named.
_FIELDS = ("kelurahan", "prioritas_kelurahan", "kegiatan", "masalah", "lokasi", "volume", "satuan",
           "perkiraan_biaya", "jenis", "skpd", "bidang", "sumber_dana", "harga_satuan")
#: Read by `sesi.angka` (not by the record check's own reader): the spreadsheet forms of numbers.
_ANGKA = {"volume": ("Volume", VOLUME_MAKS), "perkiraan_biaya": ("Perkiraan biaya", BIAYA_MAKS),
          "harga_satuan": ("Harga satuan", BIAYA_MAKS)}
_TAMBAHAN = ("status", "catatan")  # kept on the record as given
_CONTOH = {"id": "", "kelurahan": "Kuin Utara", "prioritas_kelurahan": "1",
           "kegiatan": "Contoh: Pembangunan jalan titian ulin", "masalah": "Akses warga terputus saat pasang",
           "lokasi": "RT 05 RW 02", "volume": "700", "satuan": "m", "perkiraan_biaya": "1050000000",
           "jenis": "fisik", "skpd": "Dinas PUPR", "bidang": "Infrastruktur dan Kewilayahan",
           "sumber_dana": "APBD Kota", "harga_satuan": "1500000"}


def _tempat(tabel: TabelBerkas, b: Any) -> str:
    """'usulan.xlsx lembar 'Pangeran' baris 7' / 'usulan.csv baris 7', as the problems name a row."""
    t = b.tabel if getattr(b, "tabel", None) is not None else tabel
    return f"{t.nama} baris {b.nomor}"


def _kurang(ada: set[str], opsi: OpsiImpor) -> list[str]:
    if "id" in ada:
        return []
    kurang = [k for k in ("kelurahan", "prioritas_kelurahan", "kegiatan") if k not in ada]
    if "skpd" not in ada and "skpd_awal" not in ada:
        kurang.append("skpd")
    return kurang


def _angka(lap: Laporan, b: Any, kolom: str, fn: Any, *args: Any) -> Any:
    """A number cell read by `fn` and checked against the field's limits (docs/impor.md "Batas isian"),
    quoting the value as written; False (noted) when it cannot be used."""
    try:
        hasil = fn(b.mentah.get(kolom, ""), *args)
        d = hasil[0] if isinstance(hasil, tuple) else hasil
        if d is not None:
            if d < 0:
                raise AngkaSalah("tidak boleh negatif.")
            label, maks = _ANGKA[kolom]
            desimal_dalam_batas(d, label, bersih(b.sel.get(kolom, "")), maksimum=maks)
        return hasil
    except AngkaSalah as e:
        lap.tambah(b, kolom, str(e))
    except DataDitolak as e:
        lap.dari_galat(b, e)
    return False


def _isi(tx: Any, tabel: TabelBerkas, lap: Laporan, opsi: OpsiImpor) -> tuple[list[str], dict[str, Any]]:
    tx.wajib_peran(*BOLEH["persiapan"])
    nama = Penyelaras(tx, tabel, lap, opsi)
    nama.pelajari_wilayah()
    dikenal = tx.data.kelurahan_nama
    if not dikenal:
        lap.tambah(None, None, "sesi belum mempunyai desa/kelurahan dan berkas tidak mempunyai kolom "
                   "desa/kelurahan untuk mengisinya; tambahkan desa/kelurahan di layar Persiapan.")
        return [], {}
    ada = set(tabel.judul)
    pengganti = {"kelurahan": next(iter(dikenal.values())), "prioritas_kelurahan": "1", "kegiatan": "x",
                 "skpd": "x", "bidang": "x", "masalah": "", "lokasi": "", "volume": "", "satuan": "",
                 "perkiraan_biaya": "", "jenis": "", "sumber_dana": "", "harga_satuan": ""}
    vol_kolom = amati([b.mentah.get("volume") for b in tabel.baris]) if "volume" in ada else None
    sesi = tx.table("usulan")
    diberi = {bersih(b.sel.get("id", "")) for b in tabel.baris} - {""}
    nomor = max([int(m.group(1)) for rid in list(sesi) + list(diberi) if (m := re.fullmatch(r"U(\d+)", rid))],
                default=0)
    prioritas: dict[tuple[str, int], str] = {(u["kelurahan"], u["prioritas_kelurahan"]): rid
                                             for rid, u in sesi.items()}
    prioritas_baris: dict[tuple[str, int], int] = {}
    id_baris: dict[str, int] = {}
    ids: list[str] = []
    baru: list[str] = []
    diperbarui: list[str] = []
    sama = 0
    harga: list[str] = []  # notes: harga satuan that does not agree with volume x harga satuan
    for b in tabel.baris:
        uid = ""
        lama = None
        if bersih(b.sel.get("id", "")):
            try:
                uid = cek_id(b.sel["id"])
            except DataDitolak as e:
                lap.dari_galat(b, e)
                continue
            if uid in id_baris:
                lap.tambah(b, "id", f"Id usulan '{uid}' sudah dipakai di baris {id_baris[uid]}.")
                continue
            id_baris[uid] = b.nomor
            lama = sesi.get(uid)
        if lama is None:
            kosong = _kurang(ada - {"id"}, opsi)
            if kosong:
                lap.tambah(b, None, f"usulan baru '{uid}' memerlukan kolom {', '.join(kosong)}, yang tidak ada di "
                           "berkas (usulan yang sudah ada di sesi cukup dengan id-nya).")
                continue
            nilai: dict[str, Any] = {k: b.sel.get(k, "") for k in _FIELDS}
        else:
            nilai = {k: lama.get(k, "") for k in _FIELDS if k != "skpd"}
            nilai["skpd"] = lama.get("skpd_awal", "")
            nilai["sumber_dana"] = sumber_usulan(Usulan.from_dict(lama))  # older free text read as its key
            nilai.update({k: b.sel[k] for k in _FIELDS if k in ada and k not in _ANGKA})
        ok = True
        if "kelurahan" in ada:
            kel = nama.wilayah(b, "kelurahan", b.sel["kelurahan"])
            if kel is None:  # noted with its suggestion; the other fields are still checked
                ok = False
                nilai["kelurahan"] = pengganti["kelurahan"]
            else:
                nilai["kelurahan"] = kel
        if "perkiraan_biaya" in ada:
            biaya = _angka(lap, b, "perkiraan_biaya", baca_uang)
            ok = ok and biaya is not False
            nilai["perkiraan_biaya"] = "" if biaya in (None, False) else teks_angka(biaya)
        if "harga_satuan" in ada:
            per_satuan = _angka(lap, b, "harga_satuan", baca_uang)
            ok = ok and per_satuan is not False
            nilai["harga_satuan"] = "" if per_satuan in (None, False) else teks_angka(per_satuan)
        if "volume" in ada:
            hasil = _angka(lap, b, "volume", baca_volume, vol_kolom)
            if hasil is False:
                ok = False
                nilai["volume"] = ""
            else:
                vol, satuan = hasil
                nilai["volume"] = "" if vol is None else teks_angka(vol)
                satuan_sel = bersih(b.sel.get("satuan", ""))
                if satuan and satuan_sel and kunci(satuan) != kunci(satuan_sel):
                    lap.tambah(b, "volume", f"menyebut satuan '{satuan}', padahal kolom satuan berisi "
                               f"'{satuan_sel}'; samakan salah satunya.")
                    ok = False
                elif satuan and not satuan_sel:
                    nilai["satuan"] = satuan
        if any(nama.kendali(b, k, b.sel[k]) for k in ("skpd", "skpd_awal") if k in ada):
            continue
        skpd_akhir = nama.skpd(b.sel.get("skpd", "")) if "skpd" in ada else ""
        skpd_awal = nama.skpd(b.sel.get("skpd_awal", "")) if "skpd_awal" in ada else ""
        dialihkan = lama is not None and lama.get("skpd_akhir") != lama.get("skpd_awal")
        if skpd_awal:
            nilai["skpd"] = skpd_awal
        elif skpd_akhir and not dialihkan:  # a dialihkan usulan keeps its original SKPD
            nilai["skpd"] = skpd_akhir
        if "bidang" in ada or lama is None:
            bid = nama.bidang(b, b.sel.get("bidang", ""), skpd_akhir or skpd_awal or nilai["skpd"])
            if bid is None:
                ok = False
            else:
                nilai["bidang"] = bid
        rec = semua_galat(lap, b, lambda v: usulan_record(kelurahan_dikenal=dikenal, **v), nilai, pengganti)
        if rec is None or not ok:
            continue
        if skpd_akhir:
            rec["skpd_akhir"] = skpd_akhir
        elif dialihkan and lama is not None:
            rec["skpd_akhir"] = lama["skpd_akhir"]
        for k in _TAMBAHAN:
            if k in ada and (lama is None or k != "status"):  # a re-imported status is the source's
                kolom = "status_asal" if k == "status" else k
                try:
                    rec[kolom] = isian(b.sel.get(k, ""), "Status" if k == "status" else "Catatan", kolom)
                except DataDitolak as e:
                    lap.dari_galat(b, e)
                    rec = None
                    break
        if rec is None:
            continue
        kunci_p = (rec["kelurahan"], rec["prioritas_kelurahan"])
        if kunci_p in prioritas_baris:
            lap.tambah(b, "prioritas_kelurahan", f"Prioritas {kunci_p[1]} Kelurahan {kunci_p[0]} sudah dipakai "
                       f"di baris {prioritas_baris[kunci_p]}.")
            continue
        pemilik = prioritas.get(kunci_p)
        if pemilik is not None and pemilik != uid:
            lap.tambah(b, "prioritas_kelurahan", f"Prioritas {kunci_p[1]} Kelurahan {kunci_p[0]} sudah dipakai "
                       f"usulan {pemilik} ({sesi[pemilik]['kegiatan']}).")
            continue
        prioritas_baris[kunci_p] = b.nomor
        catatan = catatan_harga(Usulan.from_dict(dict(rec, id=uid, urutan=0)))
        if catatan:
            harga.append(f"{_tempat(tabel, b)}: {catatan} (peringatan; usulan tetap diimpor).")
        if lama is not None:
            rekaman = dict(lama, **rec)
            if rekaman == lama:
                sama += 1
                ids.append(uid)
                continue
            try:
                cek_kelompok_terbuka(tx, uid)
            except DataDitolak as e:
                lap.tambah(b, "id", e.pesan)
                continue
            if lama["prioritas_kelurahan"] != rec["prioritas_kelurahan"] or lama["kelurahan"] != rec["kelurahan"]:
                prioritas.pop((lama["kelurahan"], lama["prioritas_kelurahan"]), None)
            prioritas[kunci_p] = uid
            tx.put("usulan", uid, rekaman)
            diperbarui.append(uid)
            ids.append(uid)
            continue
        if not uid:
            nomor += 1
            uid = f"U{nomor:03d}"
        prioritas[kunci_p] = uid
        extra = {k: rec.pop(k) for k in ("status_asal", "catatan") if k in rec}
        tx.put("usulan", uid, dict(Usulan(id=uid, **rec, urutan=tx.urutan_baru("usulan")).to_dict(), **extra))
        baru.append(uid)
        ids.append(uid)
    info = {"baru": baru, "diperbarui": diperbarui, "sama": sama, "ganda": 0, "catatan": nama.catatan() + _ringkas(harga),
            "wilayah_baru": nama.wilayah_baru}
    return ids, info


def _ringkas(catatan: list[str], batas: int = 20) -> list[str]:
    return catatan if len(catatan) <= batas else catatan[:batas] + [
        f"... dan {len(catatan) - batas} usulan lain yang harga satuannya tidak cocok (F9 menyebut semuanya)."]


def _riwayat(ids: list[str], info: dict[str, Any]) -> tuple[Any, Any]:
    baru = {"jumlah": len(info.get("baru", [])), "id": info.get("baru", [])}
    if info.get("diperbarui"):
        baru["diperbarui"] = info["diperbarui"]
    if info.get("wilayah_baru"):
        baru["wilayah_baru"] = [n for n, _ in info["wilayah_baru"]]
    return None, baru


def _ringkasan(tabel: TabelBerkas, ids: list[str], info: dict[str, Any]) -> tuple[str, list[str]]:
    baru = info.get("baru", [])
    teks = f"{len(ids)} usulan diimpor dari {tabel.nama}"
    if baru:
        teks += f" ({baru[0]} s.d. {baru[-1]})" if len(baru) > 1 else f" ({baru[0]})"
    teks += (f": {len(baru)} baru, {len(info.get('diperbarui', []))} diperbarui, {info.get('ganda', 0)} ganda"
             + (f", {info['sama']} sudah ada tanpa perubahan" if info.get("sama") else "") + ".")
    if baru:
        teks += " Usulan baru berstatus baru."
    return teks, list(info.get("catatan", []))


IMPOR_USULAN = JenisImpor("usulan", _KOLOM, _ALIAS, _LABEL, _isi, _riwayat, _ringkasan, kurang=_kurang,
                          abaikan=frozenset({"no", "nomor", "no_urut", "peringkat", "total", "nilai_total",
                                             "kecamatan", "kabupaten", "kota", "tanggal_usul", "kelompok"}),
                          contoh=_CONTOH, opsi=frozenset({"bidang", "bidang_baru"}))
