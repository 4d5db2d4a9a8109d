"""Warnings of the procedure: shown to everyone, never blocking."""

from __future__ import annotations

from sesi import persiapan, verifikasi
from screens.pendaftaran import kolom_peserta
from sesi.peringatan import peringatan, peringatan_tanggal


def test_tanggal_pengumuman_dan_minggu_kedua_februari(store, bantu):
    """An announcement under 7 days before, and a date after the second week of February, are flagged."""
    data = store.muat()
    assert "tanggal_pengumuman" in peringatan_tanggal(data.info)  # not recorded yet
    bantu.lakukan(persiapan.ubah_info, tanggal_pengumuman="2027-02-05")
    assert "hanya 4 hari" in peringatan_tanggal(store.muat().info)["tanggal_pengumuman"]
    bantu.lakukan(persiapan.ubah_info, tanggal_pengumuman="2027-01-30")
    assert "tanggal_pengumuman" not in peringatan_tanggal(store.muat().info)
    bantu.lakukan(persiapan.ubah_info, tanggal="2027-02-16")
    assert "minggu kedua" in peringatan_tanggal(store.muat().info)["tanggal"]


def test_delegasi_kelompok_dan_nilai(store, bantu):
    """Kelurahan without a present delegate, a delegation without a woman, a kelompok without a ketua and
    unscored usulan each appear, and disappear once resolved."""
    a = bantu.peserta("Amir", kelurahan="Alalak Selatan", delegasi="ya", jenis_kelamin="L")
    bantu.kriteria(1, 1)
    u1 = bantu.usulan("Jalan titian")
    u2 = bantu.usulan("Drainase")
    bantu.kelompok("Infrastruktur", "Infrastruktur", anggota=[a])
    w = peringatan(store.muat())
    assert "Kelurahan Alalak Utara belum mempunyai delegasi yang hadir." in w
    assert "Delegasi Kelurahan Alalak Selatan tanpa perempuan." in w
    assert "Kelompok Infrastruktur belum memilih ketua." in w
    assert "2 usulan belum dinilai lengkap (U001, U002)." in w
    assert "2 usulan belum diverifikasi (U001, U002)." in w
    bantu.nilai(u1, 4, 3)
    bantu.lakukan(verifikasi.verifikasi, u2, "ditolak", alasan="bukan kewenangan kecamatan")
    w = peringatan(store.muat())
    assert not any("belum dinilai" in x for x in w)
    assert "1 usulan belum diverifikasi (U001)." in w  # scored, still not verified: never agreed
    bantu.peserta("Bunga", kelurahan="Alalak Selatan", delegasi="ya", jenis_kelamin="P")
    assert "Delegasi Kelurahan Alalak Selatan tanpa perempuan." not in peringatan(store.muat())


def test_delegasi_walk_in_menurut_unsur(store, bantu):
    """A walk-in saved with the form's defaults (unsur Delegasi Kelurahan, the flag left to the unsur) is a
    delegate in the F9 check, the attendance per unsur and the berita acara alike; another unsur is not."""
    from sesi.berita_acara import berita_acara
    from sesi.pendaftaran import rekap

    nilai = {k.key: k.nilai for k in kolom_peserta(store.muat())}
    assert (nilai["unsur"], nilai["delegasi"]) == ("delegasi", "")
    pid = bantu.peserta("Siti Walk-in", "delegasi", kelurahan="Alalak Selatan", jenis_kelamin="P",
                        delegasi=nilai["delegasi"])
    lain = bantu.peserta("Pak Tokoh", "tokoh_masyarakat", kelurahan="Alalak Selatan", jenis_kelamin="L",
                         delegasi=nilai["delegasi"])
    data = store.muat()
    assert data.peserta[pid].delegasi and not data.peserta[lain].delegasi
    r = rekap(data)
    assert r.delegasi_per_kelurahan["Alalak Selatan"] == r.per_unsur["delegasi"] == 1
    w = peringatan(data)
    assert not any("Alalak Selatan belum mempunyai delegasi" in x for x in w)
    assert "Delegasi Kelurahan Alalak Selatan hadir 1 orang (dianjurkan 3)." in w
    assert "a. Delegasi Kelurahan: 1 (satu) orang;" in berita_acara(data, "txt")


def test_waktu_tercatat_di_luar_jam_musrenbang(store, bantu, jam):
    """Attendance and notes stamped outside waktu_mulai-waktu_selesai (more than an hour either side: a
    machine clock in another zone) are flagged once, counted by kind; nothing while the hours are not both
    recorded, nothing when the stamps fall inside."""
    from sesi import acara, catatan

    bantu.peserta("Amir")  # stamped at 08.00 on the Musrenbang day (the `jam` fixture)
    bantu.lakukan(catatan.tambah_catatan, "Pembukaan")
    assert not any("di luar waktu Musrenbang" in w for w in peringatan(store.muat()))  # hours not recorded
    bantu.lakukan(acara.ubah_acara, waktu_mulai="07.30", waktu_selesai="12.00")
    assert not any("di luar waktu Musrenbang" in w for w in peringatan(store.muat()))
    bantu.lakukan(acara.ubah_acara, waktu_mulai="16.00", waktu_selesai="17.00")  # 08.00 is 8 hours early
    w = [x for x in peringatan(store.muat()) if "di luar waktu Musrenbang" in x]
    assert w == ["2 waktu tercatat (1 kehadiran, 1 catatan) di luar waktu Musrenbang 16.00-17.00 WITA tanggal "
                 "2027-02-09: periksa jam komputer atau waktu mulai dan selesai (Persiapan, bagian Sesi)."]
