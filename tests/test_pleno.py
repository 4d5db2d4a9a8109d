"""Sidang Pleno II (issue 3, screen 6): agreed changes with reasons, agreement per kelompok, the priority
list per SKPD, the usulan not carried forward, delegates and signatories."""

from __future__ import annotations

import pytest

from sesi import persiapan, pleno, usulan, verifikasi
from sesi.errors import PeranTidakBerwenang


@pytest.fixture
def infra(store, bantu):
    """Kelompok Infrastruktur (defined) ranking a > b > c > d (verified), plus one rejected usulan; returns
    (kid, ids)."""
    kid = bantu.kelompok("Kelompok Infrastruktur", "Infrastruktur")
    ids = {}
    for nama, n, kel in (("a", 5, "Alalak Selatan"), ("b", 4, "Alalak Tengah"), ("c", 3, "Alalak Utara"),
                         ("d", 2, "Kuin Utara")):
        ids[nama] = bantu.usulan(f"Usulan {nama}", kelurahan=kel)
        bantu.lakukan(verifikasi.verifikasi, ids[nama], "sesuai")
        bantu.nilai(ids[nama], n, n, n, n, n)
    ids["tolak"] = bantu.usulan("Ditolak", kelurahan="Pangeran")
    bantu.lakukan(verifikasi.verifikasi, ids["tolak"], "ditolak", "Sudah dibangun tahun 2026")
    return kid, ids


def daftar(store, kid):
    return [b.usulan.id for b in pleno.urutan_akhir(store.muat(), kid)]


def keputusan(store):
    return [(k.jenis, k.kelompok, k.usulan, k.alasan) for k in store.muat().daftar("keputusan")]


def test_geser_naik_turun_dengan_alasan(store, bantu, infra):
    """The forum moves an usulan up or down one place, each move with a reason kept as a decision."""
    kid, u = infra
    assert daftar(store, kid) == [u["a"], u["b"], u["c"], u["d"]]
    assert "Alasan" in bantu.ditolak(pleno.geser, kid, u["c"], -1, "  ")
    bantu.lakukan(pleno.geser, kid, u["c"], -1, "Lokasi rawan banjir setiap tahun")
    bantu.lakukan(pleno.geser, kid, u["a"], +1, "Dapat didanai CSR")
    assert daftar(store, kid) == [u["c"], u["a"], u["b"], u["d"]]
    assert keputusan(store) == [("naik", kid, u["c"], "Lokasi rawan banjir setiap tahun"),
                                ("turun", kid, u["a"], "Dapat didanai CSR")]
    bantu.ditolak(pleno.geser, kid, u["c"], -1, "Sudah teratas")
    bantu.ditolak(pleno.geser, kid, u["d"], +1, "Sudah terbawah")
    bantu.ditolak(pleno.geser, kid, u["tolak"], -1, "Tidak dalam daftar")
    e = store.data.riwayat_terakhir()[0]
    assert (e["aksi"], e["objek"], e["lama"], e["baru"]) == ("pleno: diturunkan satu urutan", u["a"], 1, 2)


def test_belum_disepakati_dan_dipulihkan(store, bantu, infra):
    """An usulan can be set aside as not agreed (with a reason) and brought back (with a reason)."""
    kid, u = infra
    bantu.ditolak(pleno.tandai_belum_disepakati, u["b"], "")
    bantu.lakukan(pleno.tandai_belum_disepakati, u["b"], "Perlu kajian teknis")
    assert daftar(store, kid) == [u["a"], u["c"], u["d"]]
    assert (u["b"], "Belum disepakati dalam Sidang Pleno II: Perlu kajian teknis") in [
        (x.id, a) for x, a in pleno.tidak_disepakati(store.data)]
    bantu.ditolak(pleno.tandai_belum_disepakati, u["b"], "Lagi")
    bantu.ditolak(pleno.tandai_belum_disepakati, u["tolak"], "Sudah ditolak di kelompok")
    bantu.ditolak(pleno.pulihkan_usulan, u["a"], "Bukan yang ditandai")
    bantu.ditolak(pleno.pulihkan_usulan, u["b"], "")
    bantu.lakukan(pleno.pulihkan_usulan, u["b"], "Kajian sudah ada")
    x = store.data.usulan[u["b"]]
    assert (x.status, x.alasan) == ("sesuai", "")
    assert daftar(store, kid) == [u["a"], u["b"], u["c"], u["d"]]
    assert [j for j, *_ in keputusan(store)] == ["belum_disepakati", "dipulihkan"]


def test_sepakati_kelompok_mengunci_urutan(store, bantu, jam, infra):
    """Agreeing a kelompok fixes its order, marks its usulan disepakati and refuses further moves."""
    kid, u = infra
    bantu.lakukan(pleno.geser, kid, u["d"], -1, "Jembatan membahayakan anak sekolah")
    jam.maju(hours=5)
    bantu.lakukan(pleno.sepakati_kelompok, kid)
    data = store.data
    k = data.kelompok_dari_id(kid)
    assert (k.disepakati, k.urutan_pleno) == ("2027-02-09T13:00:00", [u["a"], u["b"], u["d"], u["c"]])
    assert [data.usulan[u[x]].status for x in "abcd"] == ["disepakati"] * 4
    assert data.usulan[u["tolak"]].status == "ditolak"
    bantu.ditolak(pleno.geser, kid, u["c"], -1, "Terlambat")
    bantu.ditolak(pleno.tandai_belum_disepakati, u["a"], "Terlambat")
    bantu.ditolak(pleno.sepakati_kelompok, kid)
    # Nor can the usulan or the kelompok be edited from Persiapan to slip out of the agreed list.
    bantu.ditolak(usulan.ubah_usulan, u["a"], bidang="Ekonomi")
    bantu.ditolak(persiapan.simpan_kelompok, "Kelompok Infrastruktur", ["Ekonomi"], kid=kid)
    bantu.ditolak(persiapan.hapus_kelompok, kid)
    bantu.lakukan(persiapan.simpan_kelompok, "Kelompok I Infrastruktur", ["Infrastruktur"], kid=kid)


def test_batal_sepakat_membuka_kembali(store, bantu, infra):
    """Cancelling an agreement needs a reason, restores each usulan's status and keeps the agreed order."""
    kid, u = infra
    bantu.lakukan(verifikasi.verifikasi, u["c"], "dialihkan", "Kewenangan DLH", skpd_baru="DLH")
    bantu.lakukan(pleno.geser, kid, u["b"], -1, "Lebih mendesak")
    bantu.ditolak(pleno.batal_sepakat, kid, "Belum disepakati")
    bantu.lakukan(pleno.sepakati_kelompok, kid)
    bantu.ditolak(pleno.batal_sepakat, kid, "")
    bantu.lakukan(pleno.batal_sepakat, kid, "Salah baca nilai")
    data = store.data
    assert data.kelompok_dari_id(kid).disepakati == ""
    assert [data.usulan[u[x]].status for x in "abcd"] == ["sesuai", "sesuai", "dialihkan", "sesuai"]
    assert daftar(store, kid) == [u["b"], u["a"], u["c"], u["d"]]
    bantu.lakukan(pleno.geser, kid, u["d"], -1, "Dibuka kembali")


def test_kelompok_tanpa_usulan_lengkap_tidak_dapat_disepakati(store, bantu):
    """A kelompok with nothing fully scored cannot be agreed; Pleno II works on defined kelompok."""
    kid = bantu.kelompok("Kelompok Ekonomi", "Ekonomi")
    u = bantu.usulan("Pelatihan menjahit", bidang="Ekonomi", skpd="Disperdagin")
    bantu.nilai(u, 4, 4)
    assert "dinilai lengkap" in bantu.ditolak(pleno.sepakati_kelompok, kid)
    bantu.ditolak(pleno.sepakati_kelompok, "bidang:Ekonomi")


def test_daftar_prioritas_per_skpd_akhir(store, bantu, infra):
    """The kecamatan's list groups usulan by their final SKPD, in kelompok rank order, leaving out the rest."""
    kid, u = infra
    bantu.lakukan(verifikasi.verifikasi, u["b"], "dialihkan", "PJU kewenangan Disperkim", skpd_baru="Disperkim")
    bantu.lakukan(verifikasi.verifikasi, u["c"], "dialihkan", "Sampah kewenangan DLH", skpd_baru="DLH")
    e = bantu.usulan("Pelatihan menjahit", bidang="Ekonomi", skpd="Disperdagin", kelurahan="Sungai Miai")
    f = bantu.usulan("Los pasar", bidang="Ekonomi", skpd="Dinas PUPR", kelurahan="Surgi Mufti")
    bantu.nilai(e, 3, 3, 3, 3, 3)
    bantu.nilai(f, 2, 2, 2, 2, 2)
    bantu.lakukan(verifikasi.verifikasi, e, "sesuai")
    bantu.lakukan(verifikasi.verifikasi, f, "sesuai")
    bantu.lakukan(pleno.tandai_belum_disepakati, u["a"], "Menunggu sertifikat lahan")
    hasil = [(skpd, [(it.usulan.id, it.kelompok, it.peringkat) for it in items])
             for skpd, items in pleno.daftar_prioritas(store.data)]
    assert hasil == [
        ("Disperkim", [(u["b"], "Kelompok Infrastruktur", 1)]),
        ("Disperdagin", [(e, "Ekonomi", 1)]),
        ("DLH", [(u["c"], "Kelompok Infrastruktur", 2)]),
        ("Dinas PUPR", [(f, "Ekonomi", 2), (u["d"], "Kelompok Infrastruktur", 3)]),
    ]


def test_usulan_yang_tidak_disepakati_dengan_alasan(store, bantu, infra):
    """The minutes list every usulan not in the priority list, in entry order, with its reason: rejected,
    merged, not agreed in Pleno II, reserve, not verified, not fully scored."""
    kid, u = infra
    bantu.lakukan(verifikasi.verifikasi, u["d"], "cadangan")
    bantu.lakukan(verifikasi.verifikasi, u["c"], "digabung", gabung_ke=u["a"])
    bantu.lakukan(pleno.tandai_belum_disepakati, u["b"], "Lokasi belum jelas")
    baru = bantu.usulan("Belum diperiksa", kelurahan="Pangeran")
    bantu.nilai(baru, 1, 1, 1, 1, 1)
    sebagian = bantu.usulan("Baru dinilai sebagian", kelurahan="Pangeran")
    bantu.lakukan(verifikasi.verifikasi, sebagian, "sesuai")
    bantu.nilai(sebagian, 3, 3)
    assert [(x.id, alasan) for x, alasan in pleno.tidak_disepakati(store.data)] == [
        (u["b"], "Belum disepakati dalam Sidang Pleno II: Lokasi belum jelas"),
        (u["c"], "Digabung ke usulan \"Usulan a\" (Alalak Selatan)"),
        (u["d"], "Cadangan"),
        (u["tolak"], "Ditolak: Sudah dibangun tahun 2026"),
        (baru, "Belum diverifikasi (peringkat akhir 2 Kelompok Infrastruktur)"),
        (sebagian, "Belum dinilai lengkap (K3, K4, K5 belum dinilai)")]


def test_satu_penandatangan_per_unsur(store, bantu):
    """Each unsur has one signatory: naming another replaces the first; their position comes from registration."""
    lurah = bantu.peserta("Ahmad Fauzi", "lurah", lembaga="Kelurahan Pangeran", jabatan="Lurah Pangeran")
    bantu.peserta("Siti", "delegasi")
    assert pleno.unsur_hadir_tanpa_penandatangan(store.data) == ["lurah", "delegasi"]
    bantu.lakukan(pleno.atur_penandatangan, "lurah", nama="Orang Lain", jabatan="Lurah Kuin Utara")
    bantu.lakukan(pleno.atur_penandatangan, "lurah", peserta=lurah)
    (ttd,) = store.data.daftar("penandatangan")
    assert (ttd.unsur, ttd.nama, ttd.jabatan, ttd.peserta) == ("lurah", "Ahmad Fauzi", "Lurah Pangeran", lurah)
    assert pleno.unsur_hadir_tanpa_penandatangan(store.data) == ["delegasi"]
    bantu.ditolak(pleno.atur_penandatangan, "wartawan", nama="Budi")
    bantu.ditolak(pleno.atur_penandatangan, "delegasi")
    bantu.ditolak(pleno.atur_penandatangan, "delegasi", peserta="P9999")


def test_delegasi_tidak_dobel(store, bantu):
    """A participant is named kecamatan delegate once; their unsur and sex are copied for the minutes."""
    p = bantu.peserta("Siti Rahmah", "delegasi", kelurahan="Pangeran", jenis_kelamin="P")
    bantu.lakukan(pleno.tambah_delegasi, peserta=p)
    bantu.ditolak(pleno.tambah_delegasi, peserta=p)
    (d,) = store.data.daftar("delegasi")
    assert (d.nama, d.unsur, d.lembaga, d.jenis_kelamin) == ("Siti Rahmah", "delegasi", "Pangeran", "P")


def test_satu_ketua_dan_satu_sekretaris_tim_perumus(store, bantu):
    """Ketua and sekretaris of the tim perumus are one person each: a second one is refused naming who
    holds the post, and the same person is not added twice; anggota may be many."""
    a, b, c, d = (bantu.peserta(n, "tokoh_masyarakat") for n in ("Camat Uji", "Siti", "Rudi", "Wati"))
    bantu.lakukan(pleno.tambah_perumus, peserta=a, jabatan="ketua")
    pesan = bantu.ditolak(pleno.tambah_perumus, peserta=b, jabatan="ketua")
    assert "Ketua tim perumus sudah ada (Camat Uji)" in pesan
    bantu.lakukan(pleno.tambah_perumus, peserta=b, jabatan="sekretaris")
    assert "Sekretaris" in bantu.ditolak(pleno.tambah_perumus, nama="Orang Lain", jabatan="sekretaris")
    assert "sudah menjadi anggota" in bantu.ditolak(pleno.tambah_perumus, peserta=a)
    bantu.lakukan(pleno.tambah_perumus, peserta=c)
    bantu.lakukan(pleno.tambah_perumus, peserta=d)
    assert pleno.jabatan_perumus_terisi(store.muat().raw["perumus"]) == {"ketua": "Camat Uji",
                                                                         "sekretaris": "Siti"}


def test_keputusan_pleno_hanya_oleh_pimpinan_atau_operator(store, bantu, sebagai, infra):
    """The chair (pimpinan) decides in Pleno II; a fasilitator or notulen cannot."""
    kid, u = infra
    bantu.lakukan(pleno.geser, kid, u["b"], -1, "Disepakati forum", store=sebagai("pimpinan", "Camat"))
    for peran in ("fasilitator", "notulen"):
        bantu.ditolak(pleno.sepakati_kelompok, kid, store=sebagai(peran), galat=PeranTidakBerwenang)


def test_alasan_keputusan_paling_banyak_2000_karakter(store, bantu, infra):
    """A decision's reason over 2,000 characters is refused (issue 10, item 7); 2,000 is kept."""
    kid, u = infra
    assert "paling banyak 2000" in bantu.ditolak(pleno.geser, kid, u["c"], -1, "x" * 2001)
    bantu.lakukan(pleno.geser, kid, u["c"], -1, "x" * 2000)
