"""Pendaftaran (issue 3, screen 2): check-in at the door, walk-ins, search, and the attendance figures."""

from __future__ import annotations

import pytest

from sesi import pendaftaran
from sesi.errors import PeranTidakBerwenang


@pytest.fixture
def terdaftar(bantu):
    """Three people registered before the day, none checked in yet."""
    return {
        "siti": bantu.peserta("Siti Rahmah", "delegasi", hadir=False, kelurahan="Alalak Selatan",
                             jenis_kelamin="P"),
        "ahmad": bantu.peserta("Ahmad Fauzi", "lurah", hadir=False, kelurahan="Kuin Utara", jenis_kelamin="L"),
        "rahmadi": bantu.peserta("Gusti Rahmadi", "tokoh_masyarakat", hadir=False, lembaga="Forum LPMK Pangeran",
                                jenis_kelamin="L"),
    }


def test_hadir_mencatat_waktu_kedatangan(store, bantu, jam, terdaftar):
    """Checking a person in marks them present with the time they arrived."""
    jam.maju(minutes=17)
    bantu.lakukan(pendaftaran.hadir, terdaftar["siti"])
    p = store.data.peserta[terdaftar["siti"]]
    assert (p.hadir, p.waktu_hadir) == (True, "2027-02-09T08:17:00")
    assert not store.data.peserta[terdaftar["ahmad"]].hadir


def test_hadir_dua_kali_ditolak_dengan_jam_pertama(bantu, jam, terdaftar):
    """A second check-in of the same person is refused and says when they were first checked in."""
    bantu.lakukan(pendaftaran.hadir, terdaftar["siti"])
    jam.maju(minutes=30)
    pesan = bantu.ditolak(pendaftaran.hadir, terdaftar["siti"])
    assert "Siti Rahmah" in pesan and "08.00" in pesan
    bantu.ditolak(pendaftaran.hadir, "P9999")


def test_kehadiran_dapat_dibatalkan(store, bantu, terdaftar):
    """A check-in made by mistake can be undone; undoing one that was never made is refused."""
    bantu.lakukan(pendaftaran.hadir, terdaftar["ahmad"])
    bantu.lakukan(pendaftaran.batal_hadir, terdaftar["ahmad"])
    p = store.data.peserta[terdaftar["ahmad"]]
    assert (p.hadir, p.waktu_hadir) == (False, "")
    bantu.ditolak(pendaftaran.batal_hadir, terdaftar["ahmad"])
    bantu.lakukan(pendaftaran.hadir, terdaftar["ahmad"])
    assert store.data.peserta[terdaftar["ahmad"]].hadir


def test_peserta_datang_langsung_tercatat_hadir(store, bantu, jam):
    """A walk-in is added and checked in in one step, with the label or key of their unsur."""
    jam.maju(hours=1)
    pid = bantu.peserta("Nurul Hidayah", "Kelompok Masyarakat", kelurahan="sungai  miai", jenis_kelamin="p",
                        rentan="disabilitas")
    p = store.data.peserta[pid]
    assert (p.hadir, p.waktu_hadir, p.unsur, p.kelurahan, p.jenis_kelamin, p.rentan, p.rentan_jenis) == (
        True, "2027-02-09T09:00:00", "kelompok_masyarakat", "Sungai Miai", "P", True, "disabilitas")


@pytest.mark.parametrize("isian", [
    {"nama": "  ", "unsur": "delegasi"},
    {"nama": "Budi", "unsur": "wartawan"},
    {"nama": "Budi", "unsur": "delegasi", "kelurahan": "Kelayan Barat"},
    {"nama": "Budi", "unsur": "delegasi", "jenis_kelamin": "X"},
    {"nama": "Budi", "unsur": "delegasi", "delegasi": "mungkin"},
])
def test_isian_peserta_yang_salah_ditolak(bantu, isian):
    """A walk-in without a name, with an unknown unsur, kelurahan or sex, or a vague delegate flag is refused."""
    bantu.ditolak(pendaftaran.tambah_peserta, hadir=True, **isian)


def test_cari_dengan_beberapa_huruf(store, bantu, terdaftar):
    """Typing a few letters of a name, lembaga or kelurahan finds the person; names starting so come first."""
    data = store.data
    assert [p.id for p in pendaftaran.cari(data, "siti")] == [terdaftar["siti"]]
    assert [p.id for p in pendaftaran.cari(data, "RAHM")] == [terdaftar["rahmadi"], terdaftar["siti"]]
    assert [p.id for p in pendaftaran.cari(data, "kuin")] == [terdaftar["ahmad"]]
    assert [p.id for p in pendaftaran.cari(data, "lpmk pang")] == [terdaftar["rahmadi"]]
    assert pendaftaran.cari(data, "zzz") == []


def test_cari_mendahulukan_yang_belum_hadir(store, bantu, terdaftar):
    """Among equally good matches, people not yet checked in are listed before those already present."""
    bantu.lakukan(pendaftaran.hadir, terdaftar["rahmadi"])
    kedua = bantu.peserta("Rahmadi Noor", hadir=False)
    assert [p.id for p in pendaftaran.cari(store.data, "rahmadi")] == [kedua, terdaftar["rahmadi"]]


def test_rekap_kehadiran(store, bantu):
    """The desk shows who is present per unsur, women (number and share), vulnerable, and missing kelurahan."""
    bantu.peserta("Camat", "camat", jenis_kelamin="L")
    bantu.peserta("Siti", "delegasi", kelurahan="Alalak Selatan", jenis_kelamin="P", delegasi="ya")
    bantu.peserta("Aini", "delegasi", kelurahan="Alalak Selatan", jenis_kelamin="P", delegasi="ya",
                  rentan="lansia")
    bantu.peserta("Fauzi", "lurah", kelurahan="Kuin Utara", jenis_kelamin="L", rentan="disabilitas")
    bantu.peserta("Tanpa jenis kelamin", "lainnya")
    bantu.peserta("Belum datang", "delegasi", hadir=False, kelurahan="Pangeran", jenis_kelamin="P")
    r = pendaftaran.rekap(store.data)
    assert (r.terdaftar, r.hadir, r.perempuan, r.laki, r.rentan) == (6, 5, 2, 2, 2)
    assert r.persen_perempuan == pytest.approx(40.0)
    assert r.per_unsur == {"camat": 1, "lurah": 1, "delegasi": 2, "lainnya": 1}
    assert list(r.per_unsur) == ["camat", "lurah", "delegasi", "lainnya"]  # the order of the minutes
    assert r.rentan_per_jenis == {"lansia": 1, "disabilitas": 1}
    assert r.kelurahan_hadir == ["Alalak Selatan", "Kuin Utara"]
    semua = [k.nama for k in store.data.kelurahan]
    assert r.kelurahan_absen == [k for k in semua if k not in ("Alalak Selatan", "Kuin Utara")]
    assert r.delegasi_per_kelurahan == {"Alalak Selatan": 2}
    assert r.delegasi_perempuan_per_kelurahan == {"Alalak Selatan": 2}


def test_rekap_tanpa_yang_hadir(store):
    """Before anyone arrives the figures are zero, with no division error, and every kelurahan is missing."""
    r = pendaftaran.rekap(store.data)
    assert (r.hadir, r.persen_perempuan, r.kelurahan_hadir, len(r.kelurahan_absen)) == (0, 0.0, [], 10)


def test_notulen_boleh_mendaftar_tayangan_tidak(store, bantu, sebagai, terdaftar):
    """The registration desk may be a notulen; the projector terminal cannot check anyone in."""
    bantu.lakukan(pendaftaran.hadir, terdaftar["siti"], store=sebagai("notulen", "Meja Pendaftaran"))
    bantu.ditolak(pendaftaran.hadir, terdaftar["ahmad"], store=sebagai("tayang"), galat=PeranTidakBerwenang)
    assert [p.hadir for p in store.muat().peserta.values()] == [True, False, False]
