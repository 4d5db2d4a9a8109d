"""Pleno II's tables measure their columns afresh (issue 15, item 5: "long titles get the width the screen
has"): a DataTable column only ever widened, so after the terminal narrowed or another kelompok was shown
the title column kept its old width and pushed SKPD and Ket. off the screen."""

from __future__ import annotations

from tests.layar import layar_teks, tunggu
from tests.test_app import buka


def kepala(app) -> str:
    return next(b for b in layar_teks(app).splitlines() if b.lstrip().startswith("No  Total"))


async def test_kolom_mengikuti_lebar_terminal_dan_isi(demo):
    app = buka(demo, "pleno2")
    async with app.run_test(size=(120, 30)) as pilot:
        await tunggu(pilot, lambda: "Ket." in kepala(app))
        lebar_120 = len(kepala(app))
        await pilot.resize_terminal(80, 24)
        await tunggu(pilot, lambda: app.size.width == 80)
        await pilot.pause(0.3)
        assert "Ket." in kepala(app), kepala(app)  # the title column narrowed with the terminal
        for tombol in ("right_square_bracket", "left_square_bracket"):
            await pilot.press(tombol)  # another kelompok, then back: widths from what is shown now
            await pilot.pause(0.3)
            assert "Ket." in kepala(app), kepala(app)
        await pilot.resize_terminal(120, 30)
        await tunggu(pilot, lambda: app.size.width == 120)
        await pilot.pause(0.3)
        # wider again: the titles get the room back (not cut at the 80-column width)
        assert len(kepala(app)) == lebar_120
        assert any("Pemasangan lampu penerangan jalan umum (PJU)" in b for b in layar_teks(app).splitlines())
