"""Snapshots of the Skoring screen at 80x24 on the demo session (Kelompok I Infrastruktur)."""

from __future__ import annotations

from layar import buka_app
from musrenbang_tui.app import MusrenbangApp


def app_demo(demo, **kwargs) -> MusrenbangApp:
    return buka_app(demo, "skoring", kelompok="Kelompok I Infrastruktur", **kwargs)


def test_matriks_awal(snap_compare, demo):
    """The matrix as it opens: cursor on K1 of the first row, an incomplete row marked, scale labels below."""
    assert snap_compare(app_demo(demo), terminal_size=(80, 24))


def test_matriks_setelah_mengetik(snap_compare, demo):
    """After a row is typed in: the cursor on the next row, totals and ranks updated."""
    assert snap_compare(app_demo(demo), terminal_size=(80, 24), press=[*"55555", "j"])


def test_matriks_perorangan_rerata(snap_compare, demo):
    """Individual mode: the incomplete row scored by two penilai shows marked means."""
    keys = ["j"] * 7 + ["p", *"Andi Uji", "enter", *"43", "p", *"Wati Uji", "enter", "h", "h", *"25"]
    assert snap_compare(app_demo(demo), terminal_size=(80, 24), press=keys)


def test_matriks_ascii(snap_compare, demo):
    """The --ascii look for the Linux console."""
    assert snap_compare(app_demo(demo, ascii=True), terminal_size=(80, 24))
