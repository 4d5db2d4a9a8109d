"""The demo session (`musrenbang demo`): realistic, complete enough to try every screen, and reproducible."""

from __future__ import annotations

import pytest

from musrenbang_tui.demo import buat_demo, pastikan_demo
from sesi.errors import BerkasSudahAda
from sesi.peringkat import peringkat_semua
from sesi.riwayat import periksa_rantai


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    return buat_demo(str(tmp_path_factory.mktemp("demo") / "demo.json"))


def test_demo_sama_setiap_kali_dibuat(demo, tmp_path):
    """Two builds, at different paths and times, give the same session byte for byte (fixed clock and seed)."""
    kedua = buat_demo(str(tmp_path / "lain.json"))
    assert kedua.data.raw == demo.data.raw
    with open(demo.path, "rb") as a, open(kedua.path, "rb") as b:
        assert a.read() == b.read()


def test_demo_berisi_sesi_yang_wajar(demo):
    """About 40 usulan over 3 bidang, about 60 peserta of both sexes and many unsur, 5 criteria, some scores."""
    data = demo.data
    assert data.info.kecamatan == "Banjarmasin Utara"
    assert len(data.kelurahan) == 10
    assert 35 <= len(data.usulan) <= 45
    assert len({u.bidang for u in data.usulan.values()}) == 3
    assert {u.kelurahan for u in data.usulan.values()} == {k.nama for k in data.kelurahan}
    assert 50 <= len(data.peserta) <= 70
    assert {p.jenis_kelamin for p in data.peserta.values()} == {"L", "P"}
    assert len({p.unsur for p in data.peserta.values()}) >= 8
    assert [k.kode for k in data.kriteria] == ["K1", "K2", "K3", "K4", "K5"]
    assert 0 < len(data.raw["skor"]) < len(data.usulan) * len(data.kriteria)


def test_peringkat_demo_memuat_yang_dinilai_dan_yang_belum(demo):
    """The demo's ranking shows ranked rows and rows still waiting for scores, in each of its 3 kelompok."""
    hasil = peringkat_semua(demo.data)
    assert [p.kelompok_nama for p in hasil] == ["Kelompok I Infrastruktur", "Kelompok II Ekonomi",
                                               "Kelompok III Sosial Budaya"]
    assert sum(len(p.diperingkat) for p in hasil) > 0
    assert sum(len(p.tidak_diperingkat) for p in hasil) > 0
    assert all(b.alasan.startswith("belum lengkap") for p in hasil for b in p.tidak_diperingkat)


def test_riwayat_demo_utuh_dan_bertanggal_hari_musrenbang(demo):
    """The demo's history verifies and every entry is dated on the day of the event, by the demo user."""
    entri = list(demo.data.raw["riwayat"].values())
    assert periksa_rantai(entri) == []
    assert {e["waktu"][:10] for e in entri} == {demo.data.info.tanggal}
    assert {(e["nama"], e["peran"]) for e in entri} == {("demo", "operator")}


def test_demo_tidak_ditimpa(demo):
    """Asking for the demo again opens the existing file instead of rebuilding it; building over it is refused."""
    store, dibuat = pastikan_demo(demo.path)
    assert not dibuat and store.data.revisi == demo.data.revisi
    with pytest.raises(BerkasSudahAda):
        buat_demo(demo.path)
