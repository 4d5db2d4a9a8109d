"""Snapshots of every stage screen at 80x24 and at 60x20 (issue 15, item 5), on the demo session with a
fixed clock and actor: at 60x20 every stage stays in the agenda bar, Pleno II keeps its four tabs and its
Total column, and the lists keep most of the height.

Update after an intended change with `pytest tests/test_snap_layar.py --snapshot-update`, and look at the
new SVGs before committing them.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from musrenbang_tui.app import MusrenbangApp
from musrenbang_tui.demo import buat_demo
from sesi.store import Pelaku, Store

LAYAR = ["persiapan", "pendaftaran", "pleno1", "kelompok", "skoring", "pleno2", "berita_acara"]


@pytest.mark.parametrize("ukuran", [(80, 24), (60, 20)], ids=["80x24", "60x20"])
@pytest.mark.parametrize("layar", LAYAR)
def test_layar(snap_compare, tmp_path: Path, layar: str, ukuran: tuple[int, int]):
    """One stage screen as it opens, at the size given."""
    path = tmp_path / "demo.json"
    buat_demo(str(path))
    store = Store.buka(path, pelaku=Pelaku("uji", "operator"), clock=lambda: datetime(2027, 2, 9, 10, 0, 0))
    assert snap_compare(MusrenbangApp(store, layar=layar), terminal_size=ukuran)
