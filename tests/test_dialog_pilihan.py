"""A Select's open list stays inside its dialog (issue 15, item 5): Textual draws the list over the screen
below the Select, up to 12 rows, so in a dialog it covered the dialog's border and the status bar. Every
dialog with a Select, at 80x24 and 60x20: each Select opened from the keyboard, its list inside the dialog's
box."""

from __future__ import annotations

import pytest
from textual.containers import Vertical
from textual.widgets import OptionList, Select

from screens.widgets import Dialog
from tests.layar import tunggu
from tests.test_app import buka

#: (screen, keys that open a dialog with Selects in it)
DIALOG = [
    ("pendaftaran", ["ctrl+o"]),  # Peserta baru
    ("pleno2", ["c", "down", "enter"]),  # Tanggapan
    ("persiapan", ["enter"]),  # Ubah data sesi
    ("kelompok", ["m"]),  # Tambah anggota massal
]


@pytest.mark.parametrize("ukuran", [(80, 24), (60, 20)], ids=["80x24", "60x20"])
@pytest.mark.parametrize("layar,tombol", DIALOG, ids=[d[0] for d in DIALOG])
async def test_daftar_pilihan_tetap_di_dalam_dialog(demo, layar, tombol, ukuran):
    app = buka(demo, layar)
    async with app.run_test(size=ukuran) as pilot:
        await pilot.pause()
        await pilot.press(*tombol)
        await tunggu(pilot, lambda: isinstance(app.screen, Dialog) and app.screen.query(Select))
        dialog = app.screen
        kotak = dialog.query_one(Vertical).region
        for pilih in list(dialog.query(Select)):
            pilih.focus()
            await pilot.pause()
            await pilot.press("enter")
            await tunggu(pilot, lambda: pilih.expanded and pilih.query_one(OptionList).region.height > 0)
            await pilot.pause()
            daftar = pilih.query_one(OptionList).region
            assert kotak.contains_region(daftar), (pilih.id, kotak, daftar)
            await pilot.press("escape")
            await tunggu(pilot, lambda: not pilih.expanded)
