"""Sidang Kelompok (issue 3, screen 4): defining kelompok, members, and the election of ketua, sekretaris
and notulen by acclamation or hand count, with ties, second rounds, lots and the hand-over."""

from __future__ import annotations

import random

import pytest

from sesi import kelompok, kriteria, pendaftaran, persiapan
from sesi.errors import PeranTidakBerwenang
from sesi.model import Pemilihan

NAMA = ["Ahmad", "Siti", "Rudi", "Aini", "Basuki", "Halimah"]


@pytest.fixture
def kel(bantu):
    """Kelompok Infrastruktur with six present members (ids in the order of NAMA)."""
    anggota = [bantu.peserta(n) for n in NAMA]
    kid = bantu.kelompok("Kelompok Infrastruktur", "Infrastruktur", anggota=anggota)
    return kid, anggota


def pemilihan(store, kid, jabatan) -> Pemilihan:
    return store.muat().kelompok_dari_id(kid).pemilihan_untuk(jabatan)


def uraian(store, kid, jabatan) -> str:
    nama = {p.id: p.nama for p in store.data.peserta.values()}
    return kelompok.uraian_pemilihan(pemilihan(store, kid, jabatan), nama)


# --- kelompok and members -----------------------------------------------------------------------------


def test_bidang_tidak_boleh_dipegang_dua_kelompok(store, bantu):
    """A bidang belongs to one kelompok only, and two kelompok cannot share a name."""
    bantu.kelompok("Kelompok Ekonomi", "Ekonomi", "Pariwisata")
    assert "Pariwisata" in bantu.ditolak(persiapan.simpan_kelompok, "Kelompok Budaya", ["Pariwisata"])
    bantu.ditolak(persiapan.simpan_kelompok, "kelompok  ekonomi", ["Pertanian"])


def test_kelompok_per_bidang_menetapkan_kelompok_maya(store, bantu):
    """One key turns each bidang not yet covered into a defined kelompok named after it, keeping its usulan."""
    bantu.kelompok("Kelompok Ekonomi", "Ekonomi")
    u_infra = bantu.usulan(bidang="Infrastruktur")
    bantu.usulan("Pelatihan menjahit", bidang="Ekonomi", skpd="Disperdagin")
    u_sos = bantu.usulan("Rehab posyandu", bidang="Sosial Budaya", skpd="Dinas Kesehatan")
    baru = bantu.lakukan(persiapan.kelompok_per_bidang)
    data = store.data
    assert [(k.nama, k.bidang, k.virtual) for k in data.kelompok] == [
        ("Kelompok Ekonomi", ["Ekonomi"], False), ("Infrastruktur", ["Infrastruktur"], False),
        ("Sosial Budaya", ["Sosial Budaya"], False)]
    assert [data.kelompok_usulan[u] for u in (u_infra, u_sos)] == baru
    assert bantu.lakukan(persiapan.kelompok_per_bidang, catat=False) == []


def test_anggota_harus_sudah_hadir(store, bantu, kel):
    """Only a participant who checked in can join a kelompok; a kelompok must be defined first."""
    kid, _ = kel
    absen = bantu.peserta("Belum datang", hadir=False)
    assert "hadir" in bantu.ditolak(kelompok.atur_anggota, absen, kid)
    hadir = bantu.peserta("Sudah datang")
    bantu.ditolak(kelompok.atur_anggota, hadir, "bidang:Infrastruktur")


def test_anggota_dimasukkan_massal_per_kelurahan(store, bantu, kel):
    """All present people of one kelurahan can be put in a kelompok at once; absent ones are left out."""
    kid, _ = kel
    a = bantu.peserta("Delegasi 1", kelurahan="Pangeran")
    b = bantu.peserta("Delegasi 2", kelurahan="Pangeran")
    bantu.peserta("Belum datang", kelurahan="Pangeran", hadir=False)
    bantu.peserta("Lain kelurahan", kelurahan="Kuin Utara")
    assert bantu.lakukan(kelompok.atur_anggota_massal, kid, kelurahan="Pangeran") == 2
    assert {p.id for p in store.data.anggota(kid)} >= {a, b}
    assert len(store.data.anggota(kid)) == len(NAMA) + 2


def test_fasilitator_tidak_dapat_mengubah_persiapan(store, bantu, sebagai, kel):
    """A fasilitator runs the kelompok but cannot redefine kelompok or criteria (persiapan)."""
    kid, anggota = kel
    fasilitator = sebagai("fasilitator", "Budi Santoso")
    bantu.ditolak(persiapan.simpan_kelompok, "Kelompok Baru", ["Ekonomi"], store=fasilitator,
                  galat=PeranTidakBerwenang)
    bantu.ditolak(kriteria.simpan_kriteria, "K6", "Baru", store=fasilitator, galat=PeranTidakBerwenang)
    bantu.lakukan(kelompok.pilih_aklamasi, kid, "ketua", anggota[0], store=fasilitator)
    bantu.ditolak(kelompok.pilih_aklamasi, kid, "sekretaris", anggota[1], store=sebagai("notulen"),
                  galat=PeranTidakBerwenang)


# --- the election -------------------------------------------------------------------------------------


def test_aklamasi(store, bantu, jam, kel):
    """The members can agree on a ketua by acclamation; the time and the method are recorded."""
    kid, anggota = kel
    jam.maju(minutes=5)
    bantu.lakukan(kelompok.pilih_aklamasi, kid, "ketua", anggota[0], "Disepakati seluruh anggota")
    assert store.data.kelompok_dari_id(kid).ketua == anggota[0]
    pem = pemilihan(store, kid, "ketua")
    assert (pem.metode, pem.terpilih, pem.waktu) == ("aklamasi", anggota[0], "2027-02-09T08:05:00")
    assert uraian(store, kid, "ketua") == "musyawarah mufakat (aklamasi)"
    assert "Ahmad (musyawarah mufakat (aklamasi))" in store.data.riwayat_terakhir()[0]["baru"]


def test_calon_harus_anggota_hadir(store, bantu, kel):
    """Candidates are present members of this kelompok: others, and members who left, are refused."""
    kid, anggota = kel
    luar = bantu.peserta("Bukan anggota")
    assert "bukan anggota" in bantu.ditolak(kelompok.pilih_aklamasi, kid, "ketua", luar)
    bantu.lakukan(pendaftaran.batal_hadir, anggota[1])
    bantu.ditolak(kelompok.pilih_aklamasi, kid, "ketua", anggota[1])
    bantu.ditolak(kelompok.catat_suara, kid, "ketua", {anggota[0]: 2, anggota[1]: 1})
    bantu.ditolak(kelompok.pilih_aklamasi, kid, "bendahara", anggota[0])


def test_satu_orang_satu_jabatan(store, bantu, kel):
    """Someone already elected to one post cannot stand for another."""
    kid, anggota = kel
    bantu.lakukan(kelompok.pilih_aklamasi, kid, "ketua", anggota[0])
    assert "satu orang satu jabatan" in bantu.ditolak(kelompok.pilih_aklamasi, kid, "sekretaris", anggota[0])
    bantu.ditolak(kelompok.catat_suara, kid, "notulen", {anggota[0]: 3, anggota[1]: 2})
    bantu.ditolak(kelompok.pilih_aklamasi, kid, "ketua", anggota[1])  # already filled


def test_hitung_tangan_menentukan_yang_terbanyak(store, bantu, kel):
    """A hand count elects the candidate with most votes; votes cannot exceed the members present."""
    kid, anggota = kel
    pesan = bantu.ditolak(kelompok.catat_suara, kid, "sekretaris", {anggota[1]: 4, anggota[2]: 3})
    assert "(7)" in pesan and "(6)" in pesan
    bantu.ditolak(kelompok.catat_suara, kid, "sekretaris", {anggota[1]: 4})
    bantu.ditolak(kelompok.catat_suara, kid, "sekretaris", {anggota[1]: 0, anggota[2]: 0})
    bantu.ditolak(kelompok.catat_suara, kid, "sekretaris", {anggota[1]: -1, anggota[2]: 3})
    hasil = bantu.lakukan(kelompok.catat_suara, kid, "sekretaris", {anggota[1]: 4, anggota[2]: 2})
    assert hasil == kelompok.HasilPemilihan(terpilih=anggota[1])
    assert store.data.kelompok_dari_id(kid).sekretaris == anggota[1]
    assert uraian(store, kid, "sekretaris") == \
        "pemungutan suara (putaran 1: Siti 4, Rudi 2 suara dari 6 anggota hadir)"


def test_seri_lalu_putaran_kedua_di_antara_yang_seri(store, bantu, kel):
    """A tie elects no one; the second round is only among the tied, and how the tie ended is recorded."""
    kid, anggota = kel
    hasil = bantu.lakukan(kelompok.catat_suara, kid, "ketua", {anggota[0]: 2, anggota[1]: 2, anggota[2]: 1})
    assert hasil == kelompok.HasilPemilihan(seri=(anggota[0], anggota[1]))
    assert store.data.kelompok_dari_id(kid).ketua == ""
    assert "hanya di antara" in bantu.ditolak(kelompok.catat_suara, kid, "ketua",
                                                {anggota[0]: 3, anggota[2]: 3})
    hasil = bantu.lakukan(kelompok.catat_suara, kid, "ketua", {anggota[0]: 2, anggota[1]: 4})
    assert hasil.terpilih == anggota[1]
    assert pemilihan(store, kid, "ketua").penentuan == "putaran_kedua"
    assert uraian(store, kid, "ketua") == (
        "pemungutan suara (putaran 1: Ahmad 2, Siti 2, Rudi 1 suara dari 6 anggota hadir; "
        "putaran 2: Siti 4, Ahmad 2 suara dari 6 anggota hadir); suara seri ditentukan dengan putaran kedua")


def test_seri_diundi_dengan_cara_tercatat(store, bantu, kel):
    """A tie can be decided by lot among the tied only; the draw is reproducible and the method recorded."""
    kid, anggota = kel
    bantu.ditolak(kelompok.undi, kid, "notulen", random.Random(1))  # nothing to draw yet
    bantu.lakukan(kelompok.catat_suara, kid, "notulen", {anggota[3]: 3, anggota[4]: 3})
    terpilih = bantu.lakukan(kelompok.undi, kid, "notulen", random.Random(7))
    assert terpilih == random.Random(7).choice(sorted([anggota[3], anggota[4]]))
    pem = pemilihan(store, kid, "notulen")
    assert (pem.penentuan, pem.terpilih, pem.catatan) == ("undian", terpilih, "diundi di antara: Aini, Basuki")
    assert store.data.kelompok_dari_id(kid).notulen == terpilih
    assert uraian(store, kid, "notulen").endswith("; suara seri ditentukan dengan undian")


def test_suara_seri_yang_masih_terbuka(store, bantu, kel):
    """The open tie of a post, worked out by hand: round 1 gives Ahmad 3, Siti 3, Rudi 0 (a tie of two at 3
    votes, round 1); round 2 gives Ahmad 2, Siti 2 (still tied, round 2); the lot then decides it, and a
    post someone holds has no open tie. A post never counted, or won outright, has none either."""
    kid, anggota = kel

    def seri(jabatan: str) -> kelompok.SuaraSeri:
        return kelompok.suara_seri(store.data.kelompok_dari_id(kid), jabatan)

    assert not seri("ketua") and seri("ketua") == kelompok.SuaraSeri()
    bantu.lakukan(kelompok.catat_suara, kid, "ketua", {anggota[0]: 3, anggota[1]: 3, anggota[2]: 0})
    assert seri("ketua") == kelompok.SuaraSeri(calon=(anggota[0], anggota[1]), suara=3, putaran=1)
    bantu.lakukan(kelompok.catat_suara, kid, "ketua", {anggota[1]: 2, anggota[0]: 2})
    assert seri("ketua") == kelompok.SuaraSeri(calon=(anggota[1], anggota[0]), suara=2, putaran=2)
    bantu.lakukan(kelompok.undi, kid, "ketua", random.Random(3))
    assert not seri("ketua")  # decided by lot: the last count is still a tie, but the post is held
    bantu.lakukan(kelompok.catat_suara, kid, "sekretaris", {anggota[2]: 4, anggota[3]: 1})
    assert not seri("sekretaris")


def test_undian_tidak_memberi_dua_jabatan(store, bantu, kel):
    """If one of the tied was meanwhile elected to another post, the lot is refused (one person one post)."""
    kid, anggota = kel
    bantu.lakukan(kelompok.catat_suara, kid, "sekretaris", {anggota[0]: 3, anggota[1]: 3})
    bantu.lakukan(kelompok.pilih_aklamasi, kid, "ketua", anggota[0])
    assert "satu jabatan" in bantu.ditolak(kelompok.undi, kid, "sekretaris", random.Random(0))


def test_batal_pemilihan_untuk_memilih_ulang(store, bantu, kel):
    """An election can be cancelled to vote again; cancelling the ketua also clears the hand-over."""
    kid, anggota = kel
    bantu.lakukan(kelompok.pilih_aklamasi, kid, "ketua", anggota[0])
    bantu.lakukan(kelompok.serah_terima, kid)
    bantu.lakukan(kelompok.batal_pemilihan, kid, "ketua")
    k = store.data.kelompok_dari_id(kid)
    assert (k.ketua, k.serah_terima, k.pemilihan_untuk("ketua").metode) == ("", "", "")
    assert uraian(store, kid, "ketua") == "belum dipilih"
    bantu.lakukan(kelompok.pilih_aklamasi, kid, "ketua", anggota[1])
    assert store.data.kelompok_dari_id(kid).ketua == anggota[1]


def test_pejabat_tidak_dapat_pindah_kelompok(store, bantu, kel):
    """An elected officer cannot be moved out of the kelompok until the election is cancelled."""
    kid, anggota = kel
    lain = bantu.kelompok("Kelompok Ekonomi", "Ekonomi")
    bantu.lakukan(kelompok.pilih_aklamasi, kid, "notulen", anggota[2])
    bantu.ditolak(kelompok.atur_anggota, anggota[2], lain)
    bantu.lakukan(kelompok.atur_anggota, anggota[3], lain)
    assert store.data.peserta[anggota[3]].kelompok == lain


def test_serah_terima_memerlukan_ketua_dan_mencatat_waktu(store, bantu, jam, kel):
    """The fasilitator hands the chair over only to an elected ketua, once, and the time is recorded."""
    kid, anggota = kel
    assert "ketua" in bantu.ditolak(kelompok.serah_terima, kid)
    bantu.lakukan(kelompok.pilih_aklamasi, kid, "ketua", anggota[0])
    jam.maju(minutes=12)
    bantu.lakukan(kelompok.serah_terima, kid)
    assert store.data.kelompok_dari_id(kid).serah_terima == "2027-02-09T08:12:00"
    bantu.ditolak(kelompok.serah_terima, kid)
