"""A small fixed Musrenbang Kecamatan, built through the `sesi` actions on a fixed clock, for the berita
acara snapshots and any test that needs a whole session (import `buat_skenario`).

Kecamatan Banjarmasin Utara, 9 February 2027 (RKPD 2028), three kelurahan, 18 registered / 16 present
(camat, perangkat, lurah, delegasi incl. women, one disabled and one elderly delegate, DPRD, SKPD, PKK,
narasumber, fasilitator; one tokoh masyarakat and one delegate absent). Three criteria with unequal
weights (3, 2, 1). Two kelompok:

- Infrastruktur dan Kewilayahan (ketua by vote 4-2, sekretaris and notulen by acclamation):
  U001 titian and U002 drainase have the same total, U001 first by K1 (the heaviest criterion), then
  Pleno II moves U002 up with a reason; U003 PJU dialihkan from Dishub to Disperkim; U004 ditolak;
  U005 digabung into U001. One cell of U003 is the mean of two assessors (3.5).
- Sosial Budaya dan Ekonomi (ketua by vote 3-3, decided by lot with random.Random(7); sekretaris by
  acclamation): U007 menjahit and U008 kue identical in everything but entry order (a "seri");
  U009 bank sampah marked belum disepakati in Pleno II.

Then tanggapan, both kelompok agreed, three delegates (one woman), tim perumus, and signatories for every
unsur present: a complete session, nothing open before signing (`sesi.pengesahan.hal_terbuka`).

`buat_skenario_belum_lengkap` is the same kecamatan stopped early: one usulan never verified, two not fully
scored, one usulan cadangan, a kelompok without a ketua, nothing agreed in Pleno II, and the fasilitator
without a signatory. Both give the usulan their sumber dana and, most of them, a harga satuan (`DANA`).
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from itertools import count

from sesi import acara, catatan, kelompok, kriteria, pendaftaran, persiapan, pleno, skor, usulan, verifikasi
from sesi.store import Store
from sesi.transaksi import Pelaku

TANGGAL = "2027-02-09"
KECAMATAN = "Banjarmasin Utara"
CAMAT = "Drs. H. Ahmad Fauzan"
KELURAHAN = ["Alalak Utara", "Kuin Utara", "Sungai Miai"]
INFRA = "Infrastruktur"
SOSBUD = "Sosial Budaya"
EKONOMI = "Ekonomi"
#: id, kelurahan, its priority, kegiatan, lokasi, volume, satuan, perkiraan biaya, jenis, bidang, SKPD
USULAN = [
    ("U001", "Alalak Utara", 1, "Pembangunan jalan titian ulin", "RT 05", "700", "m", "1050000000", "fisik",
     INFRA, "Dinas PUPR"),
    ("U002", "Kuin Utara", 1, "Normalisasi saluran drainase", "Jl. Kuin Utara RT 12", "450", "m", "675000000",
     "fisik", INFRA, "Dinas PUPR"),
    ("U003", "Sungai Miai", 1, "Pemasangan lampu penerangan jalan umum (PJU)", "Gang Kenanga", "40", "titik",
     "320000000", "fisik", INFRA, "Dishub"),
    ("U004", "Alalak Utara", 2, "Peninggian badan jalan rawan banjir", "Jl. Alalak Utara", "350", "m",
     "875000000", "fisik", INFRA, "Dinas PUPR"),
    ("U005", "Kuin Utara", 2, "Pembangunan titian ulin RT 05 Alalak Utara", "RT 05", "200", "m", "300000000",
     "fisik", INFRA, "Dinas PUPR"),
    ("U006", "Sungai Miai", 2, "Rehabilitasi gedung posyandu", "Posyandu Mawar", "1", "unit", "150000000",
     "fisik", SOSBUD, "Dinas Kesehatan"),
    ("U007", "Kuin Utara", 3, "Pelatihan menjahit bagi ibu rumah tangga", "Aula kelurahan", "30", "orang",
     "90000000", "non-fisik", EKONOMI, "Disperdagin"),
    ("U008", "Alalak Utara", 3, "Pelatihan pembuatan kue dan roti", "Aula kelurahan", "30", "orang", "90000000",
     "non-fisik", EKONOMI, "Disperdagin"),
    ("U009", "Sungai Miai", 3, "Pembangunan bank sampah", "RT 03", "1", "unit", "250000000", "fisik", SOSBUD,
     "DLH"),
]
#: Sumber dana and harga satuan (issue 11 item 4), given with the usulan: U003's harga satuan does not agree
#: with its biaya (40 x Rp8.500.000 is not Rp320.000.000), U005 and U009 have no harga satuan, U004 no source.
DANA = {"U001": {"sumber_dana": "APBD Kota", "harga_satuan": "1500000"},
        "U002": {"sumber_dana": "APBD Kota", "harga_satuan": "1500000"},
        "U003": {"sumber_dana": "APBD Kota", "harga_satuan": "8500000"},
        "U005": {"sumber_dana": "APBD Kota"},
        "U006": {"sumber_dana": "Dana Kelurahan", "harga_satuan": "150000000"},
        "U007": {"sumber_dana": "APBD Provinsi", "harga_satuan": "3000000"},
        "U008": {"sumber_dana": "CSR", "harga_satuan": "3000000"},
        "U009": {"sumber_dana": "APBN"}}
#: The signing, in `buat_skenario(..., sahkan=True)`.
PIMPINAN = Pelaku(CAMAT, "pimpinan", akun="camat")  # a fixed account: the golden files do not depend on who runs them


class JamTetap:
    """A clock that moves one minute each time it is read, from 07.30 on the day of the event."""

    def __init__(self, mulai: datetime | None = None):
        self.mulai = mulai or datetime.fromisoformat(TANGGAL + "T07:30:00")
        self._langkah = count()

    def __call__(self) -> datetime:
        return self.mulai + timedelta(minutes=next(self._langkah))


def _buat(path: str, jam: JamTetap) -> Store:
    """The session file, as both scenarios start."""
    return persiapan.buat_sesi(path, kecamatan=KECAMATAN, kota="Banjarmasin", tahun=2028, tanggal=TANGGAL,
                               tempat="Aula Kantor Camat Banjarmasin Utara", camat=CAMAT, kelurahan=KELURAHAN,
                               pelaku=Pelaku("Operator Uji", "operator", akun="operator"), clock=jam)


def _nomor_dan_kriteria(tx, nomor: str) -> None:
    """The Nomor, the announcement date and the three weighted criteria, in the scenario's first transaction."""
    persiapan.ubah_info(tx, nomor_ba=nomor, tanggal_pengumuman="2027-01-29")
    kriteria.ganti_semua_kriteria(tx, [
        kriteria.kriteria_record("K1", "Kesesuaian dengan rancangan awal RKPD", "3", urutan=1),
        kriteria.kriteria_record("K2", "Kepentingan lintas kelurahan", "2", urutan=2),
        kriteria.kriteria_record("K3", "Dukungan pada pemenuhan hak dasar", "1", urutan=3),
    ])


def buat_skenario(path: str, *, sahkan: bool = False, jam: JamTetap | None = None) -> Store:
    """Create the scenario's session file at `path` and return its store (operator "Operator Uji").

    Every id, time and value is the same on every run. With `sahkan`, the Camat signs at the end.
    """
    jam = jam or JamTetap()
    store = _buat(path, jam)
    with store.transaksi() as tx:
        _nomor_dan_kriteria(tx, "050/123/Kec-BJU/2027")
        # The hours of `JamTetap` (one minute per transaction from 07.30): opened, noted, signed in between.
        acara.ubah_acara(tx, waktu_mulai="07.30", waktu_selesai="07.45", nip_camat="197005121995031004")
        for waktu, isi in (("07.30-08.00", "Pendaftaran peserta"), ("08.00-09.00", "Pembukaan, sambutan, Pleno I"),
                           ("09.00-12.00", "Sidang Kelompok"), ("13.00-15.30", "Sidang Pleno II dan berita acara")):
            persiapan.simpan_jadwal(tx, waktu, isi, "Aula" if waktu.startswith("13") else "")
        persiapan.simpan_tim(tx, "Hj. Nurul Aini, S.Sos.", "penyelenggara", "Sekretaris Kecamatan")
        persiapan.simpan_tim(tx, "Ir. Rahmat Hidayat, M.T.", "narasumber", "Bappedalitbang Kota Banjarmasin",
                             materi="Rancangan awal RKPD 2028 dan prioritas pembangunan kota")
        persiapan.simpan_tim(tx, "Dra. Siti Mariam", "narasumber", "Kecamatan Banjarmasin Utara",
                             materi="Evaluasi pembangunan kecamatan tahun 2026")
        persiapan.simpan_tim(tx, "Budi Santoso, S.T.", "fasilitator", "Fasilitator kecamatan")
        persiapan.simpan_sambutan(tx, CAMAT, "Camat Banjarmasin Utara")
        persiapan.simpan_sambutan(tx, "H. Syarifuddin, S.H.", "Anggota DPRD Kota Banjarmasin")
        kel_infra = persiapan.simpan_kelompok(tx, "Infrastruktur dan Kewilayahan", [INFRA],
                                              fasilitator="Budi Santoso, S.T.")
        kel_sosek = persiapan.simpan_kelompok(tx, "Sosial Budaya dan Ekonomi", [SOSBUD, EKONOMI],
                                              fasilitator="Budi Santoso, S.T.")

    with store.transaksi() as tx:
        for (uid, kel, prio, kegiatan, lokasi, volume, satuan, biaya, jenis, bidang, skpd) in USULAN:
            usulan.tambah_usulan(tx, uid, kelurahan=kel, prioritas_kelurahan=prio, kegiatan=kegiatan,
                                 lokasi=lokasi, volume=volume, satuan=satuan, perkiraan_biaya=biaya, jenis=jenis,
                                 bidang=bidang, skpd=skpd, **DANA.get(uid, {}))

    with store.transaksi() as tx:
        def orang(nama, unsur, jk, **kw):
            return pendaftaran.tambah_peserta(tx, nama=nama, unsur=unsur, jenis_kelamin=jk, **kw)
        orang(CAMAT, "camat", "L", lembaga="Kecamatan Banjarmasin Utara", jabatan="Camat Banjarmasin Utara")
        orang("Hj. Nurul Aini, S.Sos.", "perangkat_kecamatan", "P", lembaga="Kecamatan Banjarmasin Utara",
              jabatan="Sekretaris Kecamatan")
        orang("Muhammad Ilmi", "lurah", "L", kelurahan="Alalak Utara", jabatan="Lurah Alalak Utara")
        orang("Rusmini", "lurah", "P", kelurahan="Kuin Utara", jabatan="Lurah Kuin Utara")
        orang("Arbani", "lurah", "L", kelurahan="Sungai Miai", jabatan="Lurah Sungai Miai")
        orang("Rudiansyah", "delegasi", "L", kelurahan="Alalak Utara", lembaga="LPMK Alalak Utara", delegasi="ya")
        orang("Siti Rahmah", "delegasi", "P", kelurahan="Alalak Utara", delegasi="ya", rentan="ya",
              rentan_jenis="disabilitas")
        orang("Norhadi", "delegasi", "L", kelurahan="Kuin Utara", lembaga="LPMK Kuin Utara", delegasi="ya")
        orang("Norhayati", "delegasi", "P", kelurahan="Kuin Utara", delegasi="ya")
        orang("Gusti Rahmadi", "delegasi", "L", kelurahan="Sungai Miai", delegasi="ya", rentan="lansia")
        orang("Halimah", "delegasi", "P", kelurahan="Sungai Miai", delegasi="ya")
        orang("H. Syarifuddin, S.H.", "dprd", "L", lembaga="DPRD Kota Banjarmasin")
        orang("Ir. Yusran", "skpd", "L", lembaga="Dinas PUPR")
        orang("Hj. Masitah", "kelompok_masyarakat", "P", lembaga="TP PKK Kecamatan")
        orang("Ir. Rahmat Hidayat, M.T.", "narasumber", "L", lembaga="Bappedalitbang")
        orang("Budi Santoso, S.T.", "fasilitator", "L", lembaga="Fasilitator kecamatan")
        orang("Abdul Gani", "tokoh_masyarakat", "L", lembaga="Tokoh masyarakat")  # absent
        orang("Jamilah", "delegasi", "P", kelurahan="Sungai Miai", delegasi="ya")  # absent
    p = {rec.nama: rec.id for rec in store.data.peserta.values()}
    with store.transaksi() as tx:
        for nama, pid in p.items():
            if nama not in ("Abdul Gani", "Jamilah"):
                pendaftaran.hadir(tx, pid)
        catatan.tambah_catatan(tx, "Camat membuka Musrenbang dan menekankan penanganan banjir.", CAMAT, "pleno1")

    # Sidang Kelompok: members, elections.
    with store.transaksi() as tx:
        for nama in ("Muhammad Ilmi", "Rudiansyah", "Norhadi", "Gusti Rahmadi", "Ir. Yusran", "Arbani"):
            kelompok.atur_anggota(tx, p[nama], kel_infra)
        for nama in ("Rusmini", "Siti Rahmah", "Norhayati", "Halimah", "Hj. Masitah"):
            kelompok.atur_anggota(tx, p[nama], kel_sosek)
    with store.transaksi() as tx:
        kelompok.catat_suara(tx, kel_infra, "ketua", {p["Rudiansyah"]: 4, p["Norhadi"]: 2})
        kelompok.pilih_aklamasi(tx, kel_infra, "sekretaris", p["Gusti Rahmadi"])
        kelompok.pilih_aklamasi(tx, kel_infra, "notulen", p["Muhammad Ilmi"])
        kelompok.serah_terima(tx, kel_infra)
    with store.transaksi() as tx:
        kelompok.catat_suara(tx, kel_sosek, "ketua", {p["Rusmini"]: 2, p["Norhayati"]: 2, p["Halimah"]: 1})
    with store.transaksi() as tx:
        kelompok.undi(tx, kel_sosek, "ketua", random.Random(7))
        kelompok.pilih_aklamasi(tx, kel_sosek, "sekretaris", p["Siti Rahmah"])
        kelompok.serah_terima(tx, kel_sosek)

    # Verification.
    with store.transaksi() as tx:
        for uid in ("U001", "U002", "U006", "U007", "U008", "U009"):
            verifikasi.verifikasi(tx, uid, "sesuai")
        verifikasi.verifikasi(tx, "U003", "dialihkan", "Penerangan jalan lingkungan menjadi kewenangan Disperkim",
                              skpd_baru="Disperkim")
        verifikasi.verifikasi(tx, "U004", "ditolak", "Sudah dianggarkan dalam APBD 2027")
        verifikasi.verifikasi(tx, "U005", "digabung", gabung_ke="U001")

    # Scores (K1 weight 3, K2 weight 2, K3 weight 1).
    nilai = {"U001": (4, 2, 4), "U002": (3, 4, 3), "U003": (4, 3, None), "U006": (5, 4, 4),
             "U007": (3, 3, 4), "U008": (3, 3, 4), "U009": (2, 3, 5)}
    with store.transaksi() as tx:
        for uid, vals in nilai.items():
            for kode, v in zip(("K1", "K2", "K3"), vals):
                if v is not None:
                    skor.atur_skor(tx, uid, kode, v)
        skor.atur_skor(tx, "U003", "K3", 3, penilai="Rudiansyah")
        skor.atur_skor(tx, "U003", "K3", 4, penilai="Norhadi")

    # Sidang Pleno II.
    with store.transaksi() as tx:
        persiapan.atur_tahap(tx, "pleno2")
        catatan.tambah_tanggapan(tx, "Norhadi", "Saluran drainase Kuin Utara melayani tiga RT dan sekolah; mohon "
                                 "didahulukan.", unsur="delegasi", kelompok=kel_infra, usulan="U002",
                                 jawaban="Pimpinan sidang menanyakan forum; forum setuju menaikkan satu urutan.")
        catatan.tambah_catatan(tx, "Ketua Kelompok Infrastruktur memaparkan hasil kelompok.", "Rudiansyah",
                               "pleno2")
        catatan.tambah_tanggapan(tx, "Hj. Masitah", "Bank sampah perlu kepastian lahan sebelum diusulkan.",
                                 unsur="kelompok_masyarakat", usulan="U009")
        pleno.geser(tx, kel_infra, "U002", -1, "Manfaat lebih luas: melayani tiga RT dan satu sekolah")
        pleno.tandai_belum_disepakati(tx, "U009", "Lahan belum tersedia; diusulkan kembali tahun depan")
    with store.transaksi() as tx:
        pleno.sepakati_kelompok(tx, kel_infra)
        pleno.sepakati_kelompok(tx, kel_sosek)
        pleno.tambah_delegasi(tx, p["Rudiansyah"], keterangan="Koordinator delegasi")
        pleno.tambah_delegasi(tx, p["Halimah"])
        pleno.tambah_delegasi(tx, p["Ir. Yusran"])
        pleno.tambah_perumus(tx, p[CAMAT], jabatan="ketua")
        pleno.tambah_perumus(tx, p["Hj. Nurul Aini, S.Sos."], jabatan="sekretaris")
        pleno.tambah_perumus(tx, p["Norhadi"])
        for unsur, nama in (("camat", CAMAT), ("perangkat_kecamatan", "Hj. Nurul Aini, S.Sos."),
                            ("lurah", "Rusmini"), ("delegasi", "Rudiansyah"), ("dprd", "H. Syarifuddin, S.H."),
                            ("skpd", "Ir. Yusran"), ("kelompok_masyarakat", "Hj. Masitah"),
                            ("narasumber", "Ir. Rahmat Hidayat, M.T."), ("fasilitator", "Budi Santoso, S.T.")):
            pleno.atur_penandatangan(tx, unsur, p[nama])
    if sahkan:
        from sesi.pengesahan import sahkan as sahkan_ba

        pimpinan = Store(path, pelaku=PIMPINAN, clock=jam)
        with pimpinan.transaksi() as tx:
            sahkan_ba(tx)
        store.muat()
    store.padatkan()  # as the app and the CLI leave it (`tutup`): the session file alone is complete
    return store


def buat_skenario_belum_lengkap(path: str, *, jam: JamTetap | None = None) -> Store:
    """The scenario's kecamatan stopped before it was complete (see the module's docstring): U001-U005 and
    U007-U009 verified (U004 rejected, U005 merged), U006 never verified, and U010 (this scenario's own: a
    servis motor training) kept as cadangan; U002 scored on K1 only and U009 not at all; Kelompok Infrastruktur elected its ketua, Kelompok Sosial Budaya dan Ekonomi did not; Pleno II
    has a tanggapan but agreed nothing; signatories for the Camat (from the session) and the Lurah only."""
    jam = jam or JamTetap()
    store = _buat(path, jam)
    with store.transaksi() as tx:
        _nomor_dan_kriteria(tx, "050/124/Kec-BJU/2027")
        kel_infra = persiapan.simpan_kelompok(tx, "Infrastruktur dan Kewilayahan", [INFRA])
        kel_sosek = persiapan.simpan_kelompok(tx, "Sosial Budaya dan Ekonomi", [SOSBUD, EKONOMI])
        for (uid, kel, prio, kegiatan, lokasi, volume, satuan, biaya, jenis, bidang, skpd) in USULAN:
            usulan.tambah_usulan(tx, uid, kelurahan=kel, prioritas_kelurahan=prio, kegiatan=kegiatan,
                                 lokasi=lokasi, volume=volume, satuan=satuan, perkiraan_biaya=biaya, jenis=jenis,
                                 bidang=bidang, skpd=skpd, **DANA.get(uid, {}))
        usulan.tambah_usulan(tx, "U010", kelurahan="Kuin Utara", prioritas_kelurahan=4,
                             kegiatan="Pelatihan servis sepeda motor", lokasi="Aula kelurahan", volume="20",
                             satuan="orang", perkiraan_biaya="70000000", jenis="non-fisik", bidang=EKONOMI,
                             skpd="Disperdagin", sumber_dana="APBD Kota", harga_satuan="3500000")
    with store.transaksi() as tx:
        hadir = []
        for nama, unsur, jk, kel in ((CAMAT, "camat", "L", ""), ("Muhammad Ilmi", "lurah", "L", "Alalak Utara"),
                                     ("Rudiansyah", "delegasi", "L", "Alalak Utara"),
                                     ("Norhayati", "delegasi", "P", "Kuin Utara"),
                                     ("Halimah", "delegasi", "P", "Sungai Miai"),
                                     ("Budi Santoso, S.T.", "fasilitator", "L", "")):
            hadir.append(pendaftaran.tambah_peserta(tx, nama=nama, unsur=unsur, jenis_kelamin=jk, kelurahan=kel,
                                                    hadir=True))
        for pid in hadir[1:3]:
            kelompok.atur_anggota(tx, pid, kel_infra)
        for pid in hadir[3:5]:
            kelompok.atur_anggota(tx, pid, kel_sosek)
    with store.transaksi() as tx:
        kelompok.pilih_aklamasi(tx, kel_infra, "ketua", hadir[2])
        for uid in ("U001", "U002", "U003", "U007", "U008", "U009"):
            verifikasi.verifikasi(tx, uid, "sesuai")
        verifikasi.verifikasi(tx, "U004", "ditolak", "Sudah dianggarkan dalam APBD 2027")
        verifikasi.verifikasi(tx, "U005", "digabung", gabung_ke="U001")
        verifikasi.verifikasi(tx, "U010", "cadangan", "Pagu Disperdagin untuk pelatihan sudah terisi")
    nilai = {"U001": (4, 2, 4), "U002": (3, None, None), "U003": (4, 3, 3), "U006": (5, 4, 4),
             "U007": (3, 3, 4), "U008": (3, 3, 4)}
    with store.transaksi() as tx:
        for uid, vals in nilai.items():
            for kode, v in zip(("K1", "K2", "K3"), vals):
                if v is not None:
                    skor.atur_skor(tx, uid, kode, v)
        persiapan.atur_tahap(tx, "pleno2")
        catatan.tambah_tanggapan(tx, "Norhayati", "Pelatihan menjahit dan kue sama pentingnya; mohon diputuskan "
                                 "forum.", unsur="delegasi", kelompok=kel_sosek)
        pleno.atur_penandatangan(tx, "lurah", hadir[1])
    store.padatkan()  # as the app and the CLI leave it (`tutup`): the session file alone is complete
    return store


__all__ = ["buat_skenario", "buat_skenario_belum_lengkap", "JamTetap", "USULAN", "TANGGAL", "KECAMATAN", "CAMAT", "KELURAHAN", "PIMPINAN"]
