"""Verification in the Sidang Kelompok (issue 3, screen 4): sesuai, ditolak, dialihkan, digabung, cadangan,
and the likely duplicates flagged for the group."""

from __future__ import annotations

from sesi import pleno, verifikasi
from sesi.errors import PeranTidakBerwenang
from sesi.verifikasi import kemungkinan_duplikat


def usulan(store, uid):
    return store.muat().usulan[uid]


def test_sesuai(store, bantu):
    """An usulan the group finds fitting is marked sesuai, and the change is in the history."""
    u = bantu.usulan()
    bantu.lakukan(verifikasi.verifikasi, u, "sesuai")
    assert usulan(store, u).status == "sesuai"
    e = store.data.riwayat_terakhir()[0]
    assert (e["aksi"], e["objek"], e["lama"]["status"], e["baru"]) == ("verifikasi", u, "baru", {"status": "sesuai"})


def test_ditolak_wajib_beralasan(store, bantu):
    """Rejecting needs a reason, which is kept on the usulan."""
    u = bantu.usulan()
    assert "Alasan" in bantu.ditolak(verifikasi.verifikasi, u, "ditolak")
    bantu.ditolak(verifikasi.verifikasi, u, "ditolak", "   ")
    bantu.lakukan(verifikasi.verifikasi, u, "ditolak", "Sudah dianggarkan APBD 2027")
    assert (usulan(store, u).status, usulan(store, u).alasan) == ("ditolak", "Sudah dianggarkan APBD 2027")


def test_dialihkan_menyimpan_skpd_asal(store, bantu):
    """Rerouting to another SKPD needs the new SKPD and a reason; the original SKPD stays recorded."""
    u = bantu.usulan("Pemasangan PJU", skpd="Dinas PUPR")
    bantu.ditolak(verifikasi.verifikasi, u, "dialihkan", "Salah kamar")
    bantu.ditolak(verifikasi.verifikasi, u, "dialihkan", skpd_baru="Disperkim")
    bantu.ditolak(verifikasi.verifikasi, u, "dialihkan", "Salah kamar", skpd_baru="Dinas PUPR")
    bantu.lakukan(verifikasi.verifikasi, u, "dialihkan", "PJU kewenangan Disperkim", skpd_baru="Disperkim")
    x = usulan(store, u)
    assert (x.status, x.skpd_awal, x.skpd_akhir, x.skpd, x.alasan) == (
        "dialihkan", "Dinas PUPR", "Disperkim", "Disperkim", "PJU kewenangan Disperkim")
    bantu.lakukan(verifikasi.verifikasi, u, "sesuai")  # reconsidered: back to its own SKPD
    assert usulan(store, u).skpd == "Dinas PUPR"


def test_digabung_menyimpan_kelurahan_asal(store, bantu):
    """Merging a duplicate needs a valid target; the merged one keeps its own kelurahan and points to it."""
    induk = bantu.usulan("Normalisasi saluran drainase", kelurahan="Alalak Selatan")
    dobel = bantu.usulan("Normalisasi drainase", kelurahan="Alalak Tengah")
    ditolak = bantu.usulan("Ditolak", kelurahan="Alalak Utara")
    bantu.lakukan(verifikasi.verifikasi, ditolak, "ditolak", "Bukan kewenangan")
    bantu.ditolak(verifikasi.verifikasi, dobel, "digabung")
    bantu.ditolak(verifikasi.verifikasi, dobel, "digabung", gabung_ke="U999")
    assert "dirinya sendiri" in bantu.ditolak(verifikasi.verifikasi, dobel, "digabung", gabung_ke=dobel)
    bantu.ditolak(verifikasi.verifikasi, dobel, "digabung", gabung_ke=ditolak)
    bantu.lakukan(verifikasi.verifikasi, dobel, "digabung", gabung_ke=induk)
    x = usulan(store, dobel)
    assert (x.status, x.digabung_ke, x.kelurahan) == ("digabung", induk, "Alalak Tengah")
    # The target now carries another one: it cannot itself disappear.
    bantu.ditolak(verifikasi.verifikasi, induk, "ditolak", "Dobel")
    bantu.ditolak(verifikasi.verifikasi, induk, "digabung", gabung_ke=ditolak)


def test_cadangan_keluar_dari_peringkat_dan_masuk_daftar_tidak_disepakati(store, bantu):
    """A reserve usulan is not ranked and appears among those not carried forward."""
    u = bantu.usulan()
    bantu.lakukan(verifikasi.verifikasi, u, "cadangan", "Pagu terbatas")
    assert usulan(store, u).status == "cadangan"
    assert [(x.id, alasan) for x, alasan in pleno.tidak_disepakati(store.data)] == [(u, "Cadangan: Pagu terbatas")]


def test_status_pleno_tidak_dipilih_di_verifikasi(bantu):
    """The statuses of Pleno II (disepakati, belum disepakati) cannot be set by verification."""
    u = bantu.usulan()
    bantu.ditolak(verifikasi.verifikasi, u, "disepakati")
    bantu.ditolak(verifikasi.verifikasi, u, "belum_disepakati", "x")
    bantu.ditolak(verifikasi.verifikasi, "U999", "sesuai")


def test_verifikasi_oleh_fasilitator_bukan_notulen(store, bantu, sebagai):
    """The fasilitator verifies; a notulen cannot change an usulan's status."""
    u = bantu.usulan()
    bantu.lakukan(verifikasi.verifikasi, u, "sesuai", store=sebagai("fasilitator"))
    bantu.ditolak(verifikasi.verifikasi, u, "cadangan", store=sebagai("notulen"), galat=PeranTidakBerwenang)


def test_verifikasi_terkunci_setelah_kelompok_disepakati(store, bantu):
    """Pleno II's agreement on a kelompok freezes the verification of its usulan."""
    kid = bantu.kelompok("Kelompok Infrastruktur", "Infrastruktur")
    u = bantu.usulan()
    bantu.nilai(u, 3, 3, 3, 3, 3)
    lain = bantu.kelompok("Kelompok Ekonomi", "Ekonomi")
    bantu.lakukan(pleno.sepakati_kelompok, kid)
    assert "disepakati" in bantu.ditolak(verifikasi.verifikasi, u, "ditolak", "Terlambat")
    bantu.ditolak(verifikasi.pindah_kelompok, u, lain)


def test_kemungkinan_duplikat_sekelurahan(store, bantu):
    """Same kelurahan and a similar title, or the same place and a related title, are flagged; not otherwise."""
    a = bantu.usulan("Normalisasi saluran drainase", kelurahan="Pangeran", lokasi="RT 05 Jl. Pangeran")
    b = bantu.usulan("Normalisasi saluran drainase lingkungan", kelurahan="Pangeran", lokasi="RT 09")
    c = bantu.usulan("Pembangunan jalan titian ulin", kelurahan="Pangeran", lokasi="RT 05, Jl. Pangeran")
    d = bantu.usulan("Peningkatan jalan titian", kelurahan="Pangeran", lokasi="RT 05 Jl Pangeran")
    bantu.usulan("Normalisasi saluran drainase", kelurahan="Kuin Utara", lokasi="RT 05 Jl. Pangeran")
    bantu.usulan("Pelatihan menjahit", kelurahan="Pangeran", lokasi="RT 05 Jl. Pangeran")
    bantu.usulan("Pembangunan dermaga kelotok", kelurahan="Pangeran", lokasi="RT 07, Jl. Pangeran")
    assert kemungkinan_duplikat(store.data) == {a: [b], b: [a], c: [d], d: [c]}


def test_usulan_yang_sudah_digabung_tidak_ditandai_lagi(store, bantu):
    """Once a duplicate is merged, the pair is no longer flagged."""
    a = bantu.usulan("Normalisasi saluran drainase", kelurahan="Pangeran")
    b = bantu.usulan("Normalisasi saluran drainase", kelurahan="Pangeran")
    assert kemungkinan_duplikat(store.data) == {a: [b], b: [a]}
    bantu.lakukan(verifikasi.verifikasi, b, "digabung", gabung_ke=a)
    assert kemungkinan_duplikat(store.data) == {}


def test_pindah_kelompok(store, bantu):
    """An usulan can be moved to another defined kelompok and back to the one of its bidang."""
    eko = bantu.kelompok("Kelompok Ekonomi", "Ekonomi")
    u = bantu.usulan(bidang="Infrastruktur")
    bantu.lakukan(verifikasi.pindah_kelompok, u, eko)
    assert [x.id for x in store.data.usulan_kelompok(eko)] == [u]
    bantu.ditolak(verifikasi.pindah_kelompok, u, "KEL99")
    bantu.lakukan(verifikasi.pindah_kelompok, u, "")
    assert store.data.kelompok_usulan[u] == "bidang:Infrastruktur"
