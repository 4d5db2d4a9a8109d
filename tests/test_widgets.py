"""Shared widgets of the screens, driven through the Pilot."""

from __future__ import annotations

import html

from textual.app import App, ComposeResult

from screens.widgets import Tabel


class _AppTabel(App):
    def compose(self) -> ComposeResult:
        yield Tabel()


async def test_tabel_melebar_tanpa_memotong_nama():
    """A longer name shown in a table widens its column on every line, not only on the new row."""
    app = _AppTabel()
    async with app.run_test(size=(80, 10)) as pilot:
        tabel = app.query_one(Tabel)
        tabel.isi(["Nama", "Unsur"], [("a", ["Budi", "lurah"])])
        await pilot.pause()
        tabel.isi(["Nama", "Unsur"], [("a", ["Budi", "lurah"]), ("b", ["Muhammad Rizki Pratama", "tokoh"])])
        for y in range(3):  # painted once before the new rows are measured (as a busy screen does)
            tabel.render_line(y)
        await pilot.pause()
        await pilot.pause()
        layar = html.unescape(app.export_screenshot()).replace("\xa0", " ")
        assert "Muhammad Rizki Pratama" in layar


class _AppStatus(App):
    def compose(self) -> ComposeResult:
        from screens.widgets import StatusBar

        yield StatusBar()


async def test_status_tidak_meneruskan_kendali():
    """A message quoting what a user typed or a file held (an error naming a value) never sends its escape or
    bidi characters to the terminal: they are shown as text, whether given as str or as a styled Text."""
    from rich.text import Text

    from screens.widgets import StatusBar

    app = _AppStatus()
    async with app.run_test(size=(80, 3)) as pilot:
        bar = app.query_one(StatusBar)
        for pesan in ("Ditolak: 'A\x1b]52;c;eA==\x07\u202eB'", Text("Ditolak: 'A\x1b[2K\u202eB'", style="bold")):
            bar.atur(pesan, galat=True)
            await pilot.pause()
            tampil = bar.render().plain
            assert "\x1b" not in tampil and "\u202e" not in tampil and "\x07" not in tampil
            assert "A^[" in tampil
