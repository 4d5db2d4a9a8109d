"""Snapshots of the Skoring screen at 80x24 on the demo session (Kelompok I Infrastruktur)."""

from __future__ import annotations

from datetime import datetime

from musrenbang_tui.app import MusrenbangApp
from musrenbang_tui.demo import buat_demo
from sesi.store import Store
from sesi.transaksi import Pelaku


def app_demo(tmp_path, **kwargs) -> MusrenbangApp:
    buat_demo(str(tmp_path / "demo.json"))
    store = Store.buka(tmp_path / "demo.json", pelaku=Pelaku("uji", "operator"),
                       clock=lambda: datetime(2027, 2, 9, 10, 0, 0))
    return MusrenbangApp(store, layar="skoring", kelompok="Kelompok I Infrastruktur", **kwargs)


def test_matriks_awal(snap_compare, tmp_path):
    """The matrix as it opens: cursor on K1 of the first row, an incomplete row marked, scale labels below."""
    assert snap_compare(app_demo(tmp_path), terminal_size=(80, 24))


def test_matriks_setelah_mengetik(snap_compare, tmp_path):
    """After a row is typed in: the cursor on the next row, totals and ranks updated."""
    assert snap_compare(app_demo(tmp_path), terminal_size=(80, 24), press=[*"55555", "j"])


def test_matriks_perorangan_rerata(snap_compare, tmp_path):
    """Individual mode: the incomplete row scored by two penilai shows marked means."""
    keys = ["j"] * 7 + ["p", *"Andi Uji", "enter", *"43", "p", *"Wati Uji", "enter", "h", "h", *"25"]
    assert snap_compare(app_demo(tmp_path), terminal_size=(80, 24), press=keys)


def test_matriks_ascii(snap_compare, tmp_path):
    """The --ascii look for the Linux console."""
    assert snap_compare(app_demo(tmp_path, ascii=True), terminal_size=(80, 24))
