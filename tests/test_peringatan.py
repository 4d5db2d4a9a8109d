"""Warnings of the procedure: shown to everyone, never blocking."""

from __future__ import annotations

from sesi import persiapan, verifikasi
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
    assert "2 usulan belum dinilai lengkap." in w
    bantu.nilai(u1, 4, 3)
    bantu.lakukan(verifikasi.verifikasi, u2, "ditolak", alasan="bukan kewenangan kecamatan")
    w = peringatan(store.muat())
    assert not any("belum dinilai" in x for x in w)
    bantu.peserta("Bunga", kelurahan="Alalak Selatan", delegasi="ya", jenis_kelamin="P")
    assert "Delegasi Kelurahan Alalak Selatan tanpa perempuan." not in peringatan(store.muat())
