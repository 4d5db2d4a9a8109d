"""Snapshots of every part of the screens that have parts, of help (F1) and of the projector's views, at
80x24 and 60x20 (issue 15: "snapshots at 80x24 and 60x20 for every screen"; each stage screen as it opens
is in tests/test_snap_layar.py). Demo session, fixed clock and actor, steady cursor.

Update after an intended change with `pytest tests/test_snap_bagian.py --snapshot-update -k NAME`, and look
at the new SVGs before committing them.
"""

from __future__ import annotations

import pytest

from layar import buka_app, tunggu
from screens.tayang import TayangApp
from sesi.store import Store
from sesi.transaksi import Pelaku

UKURAN = [(80, 24), (60, 20)]
ID_UKURAN = ["80x24", "60x20"]

#: name: (screen, keys that show the part)
BAGIAN = {
    "persiapan-acara": ("persiapan", ["2"]),
    "persiapan-kriteria": ("persiapan", ["3"]),
    "persiapan-kelompok": ("persiapan", ["4"]),
    "persiapan-usulan": ("persiapan", ["5"]),
    "persiapan-impor": ("persiapan", ["6"]),
    "kelompok-pemilihan": ("kelompok", ["2"]),
    "kelompok-verifikasi": ("kelompok", ["3"]),
    "pleno2-tanggapan": ("pleno2", ["2"]),
    "pleno2-delegasi": ("pleno2", ["3"]),
    "pleno2-penandatangan": ("pleno2", ["4"]),
    "bantuan-pendaftaran": ("pendaftaran", ["f1"]),
    "bantuan-pleno2": ("pleno2", ["f1"]),
}


@pytest.mark.parametrize("ukuran", UKURAN, ids=ID_UKURAN)
@pytest.mark.parametrize("nama", list(BAGIAN))
def test_bagian(snap_compare, demo, nama, ukuran):
    layar, tombol = BAGIAN[nama]

    async def buka(pilot) -> None:
        await pilot.pause()
        await pilot.press(*tombol)
        await pilot.pause()
        await pilot.wait_for_scheduled_animations()  # the tab underline moving to the part
        await pilot.pause()

    assert snap_compare(buka_app(demo, layar), terminal_size=ukuran, run_before=buka)


@pytest.mark.parametrize("ukuran", UKURAN, ids=ID_UKURAN)
@pytest.mark.parametrize("tampilan", ["kehadiran", "peringkat", "kesepakatan"])
def test_tayang(snap_compare, demo, tampilan, ukuran):
    app = TayangApp(Store.buka(demo, pelaku=Pelaku("tayangan", "tayang")),
                    tampilan=tampilan)

    async def siap(pilot) -> None:
        await tunggu(pilot, lambda: "MUSRENBANG" in str(pilot.app.query_one("#kepala").render()))

    assert snap_compare(app, terminal_size=ukuran, run_before=siap)
