"""With --ascii nothing above U+007F on any part of any screen (issue 15, item 5), at 80x24 and 60x20:
the parts behind the number keys, the berita acara preview once built, and a dialog with its Select open
(tests/test_layar_semua.py walks each stage screen as it opens, help, the palette and the main dialogs)."""

from __future__ import annotations

import pytest
from textual.widgets import Select

from screens.widgets import Dialog
from tests.layar import baris_layar, tunggu
from tests.test_app import buka

#: screen, keys shown one after another
JALAN = [
    ("persiapan", ["2", "3", "4", "5", "6"]),
    ("kelompok", ["2", "3"]),
    ("pleno2", ["2", "3", "4"]),
]


def bukan_ascii(app) -> list[str]:
    return sorted({c for b in baris_layar(app) for c in b if ord(c) > 0x7F})


@pytest.mark.parametrize("ukuran", [(80, 24), (60, 20)], ids=["80x24", "60x20"])
@pytest.mark.parametrize("layar,tombol", JALAN, ids=[j[0] for j in JALAN])
async def test_bagian_ascii(demo, layar, tombol, ukuran):
    app = buka(demo, layar, ascii=True)
    async with app.run_test(size=ukuran) as pilot:
        salah = {}
        for t in tombol:
            await pilot.press(t)
            await pilot.pause()
            await pilot.pause()
            if bukan := bukan_ascii(app):
                salah[t] = bukan
        assert not salah, salah


@pytest.mark.parametrize("ukuran", [(80, 24), (60, 20)], ids=["80x24", "60x20"])
async def test_pratinjau_ba_dan_pilihan_terbuka_ascii(demo, ukuran):
    app = buka(demo, "berita_acara", ascii=True)
    async with app.run_test(size=ukuran) as pilot:
        await tunggu(pilot, lambda: "RANCANGAN - BELUM DISAHKAN" in "\n".join(baris_layar(app)))
        assert not bukan_ascii(app), bukan_ascii(app)
        await pilot.press("f3", "ctrl+o")  # Peserta baru: its Unsur list opened
        await tunggu(pilot, lambda: isinstance(app.screen, Dialog) and app.screen.query(Select))
        pilih = app.screen.query(Select).first()
        pilih.focus()
        await pilot.press("enter")
        await tunggu(pilot, lambda: pilih.expanded)
        await pilot.pause()
        assert not bukan_ascii(app), bukan_ascii(app)
