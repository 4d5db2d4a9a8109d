"""A small fixed Musrenbang Kecamatan in a kabupaten, whose wilayah are all desa (issue 12): Kecamatan
Dayeuhluhur, Kabupaten Cilacap, 4 February 2027 (RKPD 2028), WIB, the 14 desa of Kepmendagri
300.2.2-2138/2025 given by name (so the golden files do not depend on the bundled data's version),
signed at Dayeuhluhur, Bappelitbangda Kabupaten Cilacap. Built through the `sesi` actions on a fixed clock
like `skenario.buat_skenario`, for the second golden berita acara and the wording tests.

Three desa bring five usulan in two kelompok; 12 registered / 11 present (camat, perangkat, three kepala
desa, four delegasi desa incl. two women, SKPD, fasilitator; one delegate absent). Default criteria in the
session's words ("lintas desa", "pembangunan kabupaten"). Pleno II agrees both kelompok, names two
delegates, a tim perumus and a signatory per unsur present.
"""

from __future__ import annotations

from datetime import datetime

from sesi import kelompok, pendaftaran, persiapan, pleno, skor, usulan, verifikasi
from sesi.store import Pelaku, Store

from skenario import JamTetap

TANGGAL = "2027-02-04"
CAMAT = "Drs. Wahyu Hidayat, M.Si."
DESA = ["Panulisan", "Matenggeng", "Ciwalen", "Dayeuhluhur", "Hanum", "Datar", "Bingkeng", "Bolang", "Kutaagung",
        "Cijeruk", "Cilumping", "Sumpinghayu", "Panulisan Barat", "Panulisan Timur"]
INFRA, SOSBUD = "Infrastruktur dan Kewilayahan", "Sosial Budaya"
#: id, desa, its priority, kegiatan, lokasi, volume, satuan, perkiraan biaya, jenis, bidang, SKPD
USULAN = [
    ("D001", "Panulisan Barat", 1, "Rehabilitasi jalan desa", "Dusun Cikadu RT 02/RW 03", "850", "m", "425000000",
     "fisik", INFRA, "Dinas PUPR"),
    ("D002", "Matenggeng", 1, "Pembangunan talud penahan longsor", "Dusun Cilumbu", "120", "m", "300000000",
     "fisik", INFRA, "Dinas PUPR"),
    ("D003", "Hanum", 1, "Pelatihan kader posyandu", "Balai Desa Hanum", "25", "orang", "30000000", "non-fisik",
     SOSBUD, "Dinas Kesehatan"),
    ("D004", "Hanum", 2, "Rehabilitasi jembatan gantung", "Dusun Sindangsari", "1", "unit", "350000000", "fisik",
     INFRA, "Dinas PUPR"),
    ("D005", "Matenggeng", 2, "Pengadaan alat pertanian kelompok tani", "Kelompok Tani Sri Mukti", "2", "paket",
     "80000000", "non-fisik", SOSBUD, "Dinas Pertanian"),
]
#: Sumber dana and harga satuan (issue 11 item 4), in a kabupaten's words with desa: APBD Kabupaten, Dana Desa.
DANA = {"D001": {"sumber_dana": "APBD Kabupaten", "harga_satuan": "500000"},
        "D002": {"sumber_dana": "APBD Provinsi", "harga_satuan": "2500000"},
        "D003": {"sumber_dana": "Dana Desa", "harga_satuan": "1200000"},
        "D005": {"sumber_dana": "APBN"}}
PIMPINAN = Pelaku(CAMAT, "pimpinan", akun="camat")


def buat_skenario_desa(path: str, *, sahkan: bool = False) -> Store:
    """Create the kabupaten scenario's session at `path` (operator "Operator Uji"); the same bytes every run."""
    jam = JamTetap(datetime.fromisoformat(TANGGAL + "T07:30:00"))
    store = persiapan.buat_sesi(path, kecamatan="Dayeuhluhur", kota="Cilacap", jenis_daerah="Kabupaten", tahun=2028,
                                tanggal=TANGGAL, tempat="Aula Kantor Kecamatan Dayeuhluhur", camat=CAMAT, desa=DESA,
                                bappeda="Bappelitbangda Kabupaten Cilacap",
                                pelaku=Pelaku("Operator Uji", "operator", akun="operator"), clock=jam)
    with store.transaksi() as tx:
        persiapan.ubah_info(tx, nomor_ba="050/27/Kec-DYL/2027", tanggal_pengumuman="2027-01-25")
        persiapan.simpan_tim(tx, "Ir. Bambang Sutrisno", "narasumber", "Bappelitbangda Kabupaten Cilacap",
                             materi="Rancangan awal RKPD Kabupaten Cilacap 2028")
        persiapan.simpan_tim(tx, "Tuti Alawiyah, S.Sos.", "fasilitator", "Fasilitator kecamatan")
        persiapan.simpan_sambutan(tx, CAMAT, "Camat Dayeuhluhur")
        kel_infra = persiapan.simpan_kelompok(tx, INFRA, [INFRA], fasilitator="Tuti Alawiyah, S.Sos.")
        kel_sosbud = persiapan.simpan_kelompok(tx, SOSBUD, [SOSBUD], fasilitator="Tuti Alawiyah, S.Sos.")
    with store.transaksi() as tx:
        for (uid, desa, prio, kegiatan, lokasi, volume, satuan, biaya, jenis, bidang, skpd) in USULAN:
            usulan.tambah_usulan(tx, uid, kelurahan=desa, prioritas_kelurahan=prio, kegiatan=kegiatan, lokasi=lokasi,
                                 volume=volume, satuan=satuan, perkiraan_biaya=biaya, jenis=jenis, bidang=bidang,
                                 skpd=skpd, **DANA.get(uid, {}))
    with store.transaksi() as tx:
        def orang(nama, unsur, jk, **kw):
            return pendaftaran.tambah_peserta(tx, nama=nama, unsur=unsur, jenis_kelamin=jk, **kw)
        orang(CAMAT, "camat", "L", lembaga="Kecamatan Dayeuhluhur", jabatan="Camat Dayeuhluhur")
        orang("Siti Nurjanah", "perangkat_kecamatan", "P", lembaga="Kecamatan Dayeuhluhur",
              jabatan="Sekretaris Kecamatan")
        orang("Sutarno", "lurah", "L", kelurahan="Panulisan Barat", jabatan="Kepala Desa Panulisan Barat")
        orang("Ade Suryana", "lurah", "L", kelurahan="Matenggeng", jabatan="Kepala Desa Matenggeng")
        orang("Euis Rohaeni", "lurah", "P", kelurahan="Hanum", jabatan="Kepala Desa Hanum")
        orang("Dedi Kurniawan", "delegasi", "L", kelurahan="Panulisan Barat", lembaga="BPD Panulisan Barat",
              delegasi="ya")
        orang("Nining Sumarni", "delegasi", "P", kelurahan="Matenggeng", delegasi="ya")
        orang("Cecep Rusmana", "delegasi", "L", kelurahan="Hanum", lembaga="LPMD Hanum", delegasi="ya",
              rentan="lansia")
        orang("Yayah Rokayah", "delegasi", "P", kelurahan="Hanum", delegasi="ya")
        orang("Agus Salim, S.T.", "skpd", "L", lembaga="Dinas PUPR")
        orang("Tuti Alawiyah, S.Sos.", "fasilitator", "P", lembaga="Fasilitator kecamatan")
        orang("Udin Samsudin", "delegasi", "L", kelurahan="Panulisan Barat", delegasi="ya")  # absent
    p = {rec.nama: rec.id for rec in store.data.peserta.values()}
    with store.transaksi() as tx:
        for nama, pid in p.items():
            if nama != "Udin Samsudin":
                pendaftaran.hadir(tx, pid)
    with store.transaksi() as tx:
        for nama in ("Sutarno", "Ade Suryana", "Dedi Kurniawan", "Agus Salim, S.T."):
            kelompok.atur_anggota(tx, p[nama], kel_infra)
        for nama in ("Euis Rohaeni", "Nining Sumarni", "Cecep Rusmana", "Yayah Rokayah"):
            kelompok.atur_anggota(tx, p[nama], kel_sosbud)
    with store.transaksi() as tx:
        kelompok.pilih_aklamasi(tx, kel_infra, "ketua", p["Dedi Kurniawan"])
        kelompok.pilih_aklamasi(tx, kel_sosbud, "ketua", p["Euis Rohaeni"])
        for uid in ("D001", "D002", "D003", "D005"):
            verifikasi.verifikasi(tx, uid, "sesuai")
        verifikasi.verifikasi(tx, "D004", "ditolak", "Sudah dianggarkan dalam APBD Kabupaten 2027")
    nilai = {"D001": (5, 4, 4, 4, 3), "D002": (4, 4, 5, 4, 3), "D003": (4, 3, 4, 5, 3), "D005": (3, 3, 3, 3, 5)}
    with store.transaksi() as tx:
        for uid, vals in nilai.items():
            for kode, v in zip(("K1", "K2", "K3", "K4", "K5"), vals):
                skor.atur_skor(tx, uid, kode, v)
    with store.transaksi() as tx:
        persiapan.atur_tahap(tx, "pleno2")
        pleno.sepakati_kelompok(tx, kel_infra)
        pleno.sepakati_kelompok(tx, kel_sosbud)
        pleno.tambah_delegasi(tx, p["Dedi Kurniawan"], keterangan="Koordinator delegasi")
        pleno.tambah_delegasi(tx, p["Nining Sumarni"])
        pleno.tambah_perumus(tx, p[CAMAT], jabatan="ketua")
        pleno.tambah_perumus(tx, p["Siti Nurjanah"], jabatan="sekretaris")
        for unsur, nama in (("camat", CAMAT), ("perangkat_kecamatan", "Siti Nurjanah"), ("lurah", "Euis Rohaeni"),
                            ("delegasi", "Dedi Kurniawan"), ("skpd", "Agus Salim, S.T."),
                            ("fasilitator", "Tuti Alawiyah, S.Sos.")):
            pleno.atur_penandatangan(tx, unsur, p[nama])
    if sahkan:
        from sesi.pengesahan import sahkan as sahkan_ba

        with Store(path, pelaku=PIMPINAN, clock=jam).transaksi() as tx:
            sahkan_ba(tx)
        store.muat()
    return store


__all__ = ["CAMAT", "DESA", "TANGGAL", "USULAN", "buat_skenario_desa"]
