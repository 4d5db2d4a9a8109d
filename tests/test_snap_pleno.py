"""Snapshots of the Pleno I and Pleno II screens at 80x24 on the demo session (fixed clock and actor).

Update after an intended change with `pytest tests/test_snap_pleno.py --snapshot-update`, and look at the
new SVGs before committing them.
"""

from __future__ import annotations

import pytest

from layar import buka_app
from musrenbang_tui.app import MusrenbangApp


@pytest.fixture()
def buat_app(demo):
    def buat(layar: str, **kw) -> MusrenbangApp:
        return buka_app(demo, layar, **kw)
    return buat


def test_pleno1_catatan(snap_compare, buat_app):
    """Pleno I: speakers and narasumber on top, the demo's notes, one typed note with a prefixed speaker."""
    app = buat_app("pleno1")
    assert snap_compare(app, terminal_size=(80, 24),
                        press=[*"hamidah: evaluasi drainase 2026 belum tuntas", "enter", *"sedang diketik"])


def test_pleno1_ubah_catatan(snap_compare, buat_app):
    """Pleno I: the last note chosen with the arrow and opened for editing."""
    app = buat_app("pleno1")
    assert snap_compare(app, terminal_size=(80, 24), press=["up", "enter"])


def test_pleno2_daftar_kelompok_i(snap_compare, buat_app):
    """Pleno II: Kelompok I's ranked list with its ketua, the highlighted usulan in full, decisions below."""
    app = buat_app("pleno2")
    assert snap_compare(app, terminal_size=(80, 24), press=["down", "n", *"Lebih mendesak", "enter"])


def test_pleno2_penandatangan(snap_compare, buat_app):
    """Pleno II part 4: each unsur present, its signatory or the mark that it still lacks one."""
    app = buat_app("pleno2")
    assert snap_compare(app, terminal_size=(80, 24), press=["4", "enter", "enter"])


def test_pleno2_ascii(snap_compare, buat_app):
    """Pleno II in the ASCII-safe look for the Linux console."""
    app = buat_app("pleno2", ascii=True)
    assert snap_compare(app, terminal_size=(80, 24))
