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
