"""Snapshots of the Kelompok screen at 80x24 on the demo session: each part of Kelompok I Infrastruktur
(officers elected), Kelompok II Ekonomi (no officers yet), a tie, and a session without kelompok."""

from __future__ import annotations

from layar import buka_app
from musrenbang_tui.app import MusrenbangApp
from test_layar_kelompok import sesi_tanpa_kelompok


def app_demo(demo) -> MusrenbangApp:
    return buka_app(demo, "kelompok")


def test_anggota_kelompok_i(snap_compare, demo):
    """Anggota of Kelompok I: fasilitator, counts, members with unsur, kelurahan, L/P and their posts."""
    assert snap_compare(app_demo(demo), terminal_size=(80, 24))


def test_pemilihan_kelompok_i(snap_compare, demo):
    """Pemilihan of Kelompok I: three officers, how each was elected, the hand-over with its time."""
    assert snap_compare(app_demo(demo), terminal_size=(80, 24), press=["2", "j"])


def test_verifikasi_kelompok_i(snap_compare, demo):
    """Verifikasi of Kelompok I: the usulan table and the full detail of the highlighted one."""
    assert snap_compare(app_demo(demo), terminal_size=(80, 24), press=["3"])


def test_anggota_kelompok_ii(snap_compare, demo):
    """Anggota of Kelompok II Ekonomi, which has no officers yet."""
    assert snap_compare(app_demo(demo), terminal_size=(80, 24), press=["right_square_bracket"])


def test_pemilihan_kelompok_ii(snap_compare, demo):
    """Pemilihan of Kelompok II Ekonomi: every post still open, what to press."""
    assert snap_compare(app_demo(demo), terminal_size=(80, 24), press=["right_square_bracket", "2"])


def test_verifikasi_kelompok_ii(snap_compare, demo):
    """Verifikasi of Kelompok II Ekonomi."""
    assert snap_compare(app_demo(demo), terminal_size=(80, 24), press=["right_square_bracket", "3"])


def test_pemilihan_seri(snap_compare, demo):
    """A tie for ketua in Kelompok II, after "decide later": the tie and both ways on are shown."""
    press = ["right_square_bracket", "2", "s", "5", "tab", "5", "ctrl+s", "f10"]
    assert snap_compare(app_demo(demo), terminal_size=(80, 24), press=press)


def test_tanpa_kelompok(snap_compare, tmp_path):
    """No kelompok defined: the screen says so and offers K (one kelompok per bidang)."""
    path = sesi_tanpa_kelompok(tmp_path / "baru.json", ("Infrastruktur dan Kewilayahan", "Ekonomi"))
    assert snap_compare(buka_app(path, "kelompok"), terminal_size=(80, 24))
