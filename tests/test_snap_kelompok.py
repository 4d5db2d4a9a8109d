"""Snapshots of the Kelompok screen at 80x24 on the demo session: each part of Kelompok I Infrastruktur
(officers elected), Kelompok II Ekonomi (no officers yet), a tie, and a session without kelompok."""

from __future__ import annotations

from datetime import datetime

from musrenbang_tui.app import MusrenbangApp
from musrenbang_tui.demo import buat_demo
from sesi.store import Store
from sesi.transaksi import Pelaku
from test_layar_kelompok import sesi_tanpa_kelompok

JAM = datetime(2027, 2, 9, 10, 0, 0)


def app_demo(tmp_path) -> MusrenbangApp:
    buat_demo(str(tmp_path / "demo.json"))
    store = Store.buka(tmp_path / "demo.json", pelaku=Pelaku("uji", "operator"), clock=lambda: JAM)
    return MusrenbangApp(store, layar="kelompok")


def test_anggota_kelompok_i(snap_compare, tmp_path):
    """Anggota of Kelompok I: fasilitator, counts, members with unsur, kelurahan, L/P and their posts."""
    assert snap_compare(app_demo(tmp_path), terminal_size=(80, 24))


def test_pemilihan_kelompok_i(snap_compare, tmp_path):
    """Pemilihan of Kelompok I: three officers, how each was elected, the hand-over with its time."""
    assert snap_compare(app_demo(tmp_path), terminal_size=(80, 24), press=["2", "j"])


def test_verifikasi_kelompok_i(snap_compare, tmp_path):
    """Verifikasi of Kelompok I: the usulan table and the full detail of the highlighted one."""
    assert snap_compare(app_demo(tmp_path), terminal_size=(80, 24), press=["3"])


def test_anggota_kelompok_ii(snap_compare, tmp_path):
    """Anggota of Kelompok II Ekonomi, which has no officers yet."""
    assert snap_compare(app_demo(tmp_path), terminal_size=(80, 24), press=["right_square_bracket"])


def test_pemilihan_kelompok_ii(snap_compare, tmp_path):
    """Pemilihan of Kelompok II Ekonomi: every post still open, what to press."""
    assert snap_compare(app_demo(tmp_path), terminal_size=(80, 24), press=["right_square_bracket", "2"])


def test_verifikasi_kelompok_ii(snap_compare, tmp_path):
    """Verifikasi of Kelompok II Ekonomi."""
    assert snap_compare(app_demo(tmp_path), terminal_size=(80, 24), press=["right_square_bracket", "3"])


def test_pemilihan_seri(snap_compare, tmp_path):
    """A tie for ketua in Kelompok II, after "decide later": the tie and both ways on are shown."""
    press = ["right_square_bracket", "2", "s", "5", "tab", "5", "ctrl+s", "f10"]
    assert snap_compare(app_demo(tmp_path), terminal_size=(80, 24), press=press)


def test_tanpa_kelompok(snap_compare, tmp_path):
    """No kelompok defined: the screen says so and offers K (one kelompok per bidang)."""
    path = sesi_tanpa_kelompok(tmp_path / "demo.json", ("Infrastruktur dan Kewilayahan", "Ekonomi"))
    app = MusrenbangApp(Store.buka(path, pelaku=Pelaku("uji", "operator"), clock=lambda: JAM), layar="kelompok")
    assert snap_compare(app, terminal_size=(80, 24))
