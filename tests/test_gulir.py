"""The scrolling output (musrenbang_tui/gulir.py) against a small terminal model, and the tables' PageDown.

`Layar` below is a terminal reduced to what Textual and the scrolling output write: cursor moves, SGR,
text, line feeds, margins (DECSTBM), delete/insert lines (DL/IL). The same frames go to two of them: one
gets Textual's own output, the other the output of `PembaruanGulir`; the screens must be equal cell by
cell (characters and style) whatever the frames are (hypothesis). The real terminal is in
tests/test_gulir_tmux.py.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from textual.app import App, ComposeResult
from textual.geometry import Region
from textual.strip import Strip

# The frames Textual hands to App._display are of types private to Textual: musrenbang_tui/gulir.py (the one
# module allowed to touch them, tests/test_textual_publik.py) builds them from Strips for the test.
from musrenbang_tui.gulir import ModelLayar, PembaruanGulir, beda, bingkai_penuh, bingkai_potongan, normal
from screens.widgets import Tabel

W, H = 12, 8
KONSOL = Console(color_system="256", force_terminal=True, width=W)
GAYA = [Style(), Style(bold=True), Style(color="red", bgcolor="blue"), Style(color="color(17)", reverse=True)]


class Layar:
    """A terminal of W x H cells, each (character, SGR parameters since the last reset)."""

    def __init__(self) -> None:
        self.sel = [[(" ", "")] * W for _ in range(H)]
        self.x = self.y = 0
        self.sgr = ""
        self.atas, self.bawah = 0, H - 1

    def tulis(self, data: str) -> None:
        for m in re.finditer(r"\x1b\[\?\d+[hl]|\x1b\[([\d;]*)([HmrLM])|(\n)|([^\x1b\n])", data):
            param, perintah, lf, ch = m.groups()
            if ch is not None:
                assert self.x < W, f"tulisan melewati tepi kanan: {data!r}"
                self.sel[self.y][self.x] = (ch, self.sgr)
                self.x += 1
            elif lf:
                self.y, self.x = min(self.y + 1, H - 1), self.x
            elif perintah == "H":
                y, x = (int(v) for v in param.split(";"))
                self.y, self.x = y - 1, x - 1
            elif perintah == "m":
                bagian = param.split(";") if param else ["0"]
                if bagian[0] == "0":
                    self.sgr = ";".join(bagian[1:])
                else:
                    assert self.sgr == "", "gaya ditumpuk tanpa reset"
                    self.sgr = param
            elif perintah == "r":
                if param:
                    a, b = (int(v) for v in param.split(";"))
                    self.atas, self.bawah = a - 1, b - 1
                else:
                    self.atas, self.bawah = 0, H - 1
                self.x = self.y = 0
            elif perintah in "LM":
                n = int(param or 1)
                assert self.atas <= self.y <= self.bawah
                baris = self.sel[self.y:self.bawah + 1]
                kosong = [[(" ", self.sgr)] * W for _ in range(n)]
                baru = baris[n:] + kosong if perintah == "M" else kosong + baris[:-n]
                self.sel[self.y:self.bawah + 1] = baru[:len(baris)]


def strip(teks: str, gaya: list[int]) -> Strip:
    return Strip([Segment(c, GAYA[g]) for c, g in zip(teks, gaya)], W)


def layout(baris: list[Strip]):
    return bingkai_penuh(baris, Region(0, 0, W, H))


def chops(baris: list[Strip], berubah: list[int], potongan: int):
    """Textual's partial update of the lines `berubah`, each line cut into chops at `potongan`."""
    return bingkai_potongan(baris, berubah, [[potongan, W] for _ in range(H)], W)


teks_baris = st.text(alphabet="ab .-", min_size=W, max_size=W)
gaya_baris = st.lists(st.integers(0, len(GAYA) - 1), min_size=W, max_size=W)
satu_baris = st.tuples(teks_baris, gaya_baris)


@settings(max_examples=150, deadline=None)
@given(awal=st.lists(satu_baris, min_size=H, max_size=H), geser=st.integers(-4, 4),
       atas=st.integers(0, H - 2), tinggi=st.integers(2, H), baru=st.lists(satu_baris, min_size=H, max_size=H),
       ganti=st.sets(st.integers(0, H - 1)), potongan=st.integers(1, W - 1))
def test_keluaran_sama_dengan_textual(awal, geser, atas, tinggi, baru, ganti, potongan):
    """A frame whose band of lines moved by `geser` (some lines also changed) looks the same on the
    terminal written by PembaruanGulir as written by Textual."""
    lama = [strip(t, g) for t, g in awal]
    bawah = min(H - 1, atas + tinggi - 1)
    sesudah = list(lama)
    for y in range(atas, bawah + 1):
        sumber = y + geser
        sesudah[y] = lama[sumber] if atas <= sumber <= bawah else strip(*baru[y])
    for y in ganti:
        sesudah[y] = strip(*baru[y])
    berubah = [y for y in range(H) if normal(sesudah[y], KONSOL._color_system) != normal(lama[y],
                                                                                          KONSOL._color_system)]
    if not berubah:
        return
    a, b = Layar(), Layar()
    model = ModelLayar()
    pertama = layout(lama)
    a.tulis(pertama.render_segments(KONSOL))
    b.tulis(PembaruanGulir(pertama, model, (W, H)).render_segments(KONSOL))
    update = chops(sesudah, berubah, potongan)
    asli = update.render_segments(KONSOL)
    a.tulis(asli)
    keluaran = PembaruanGulir(update, model, (W, H)).render_segments(KONSOL)
    b.tulis(keluaran)
    assert b.sel == a.sel
    assert (b.atas, b.bawah) == (0, H - 1)
    assert len(keluaran) <= len(asli)


def test_pita_bergeser_digulir_terminal():
    """Lines 2-6 move up by one and line 6 is new: the terminal deletes one line in a band and only the new
    line is drawn."""
    lama = [strip(f"baris {i:02d}".ljust(W), [i % 4] * W) for i in range(H)]
    sesudah = lama[:2] + lama[3:7] + [strip("baris baru".ljust(W), [1] * W)] + lama[7:]
    berubah = list(range(2, 7))
    model = ModelLayar()
    PembaruanGulir(layout(lama), model, (W, H)).render_segments(KONSOL)
    keluaran = PembaruanGulir(chops(sesudah, berubah, 5), model, (W, H)).render_segments(KONSOL)
    assert keluaran.startswith("\x1b[0m\x1b[3;7r\x1b[3;1H\x1b[1M\x1b[r")
    assert "baris baru" in keluaran and "baris 03" not in keluaran


def test_baris_berhuruf_lebar_tidak_dikenal():
    """A line with a wide (CJK) or zero-width character is never moved to nor diffed against."""
    assert normal(Strip([Segment("漢字 ab")]), KONSOL._color_system) is None
    assert normal(Strip([Segment("e\u0301")]), KONSOL._color_system) is None
    assert normal(Strip([Segment("ab", Style(bold=True)), Segment("cd", Style(bold=True))]),
                  KONSOL._color_system) == (("abcd", "1"),)


def test_beda_hanya_sel_yang_berubah():
    lama = (("a" * 40, ""),)
    baru = (("b" + "a" * 38 + "c", ""),)
    assert beda(lama, baru) == [(0, [("b", "")]), (39, [("c", "")])]
    assert beda(lama, lama) == []
    assert beda(None, baru) == [(0, list(baru))]


# --- the tables' PageDown/PageUp ----------------------------------------------------------------------


class _AppTabel(App):
    def compose(self) -> ComposeResult:
        yield Tabel()


def _tampak(tabel: Tabel) -> range:
    """Rows in view."""
    n = tabel.scrollable_content_region.height - tabel.header_height
    atas = round(tabel.scroll_y)
    return range(atas, min(tabel.row_count, atas + n))


async def test_halaman_tabel_menyisakan_satu_baris_konteks():
    """PageDown moves a page minus one row: the row that was at the bottom is still in view, at the top,
    and the cursor stays in view at the same height; PageUp likewise upward; Down and Up keep the cursor in
    view. Over a list of 100 rows, down to the end and back."""
    app = _AppTabel()
    async with app.run_test(size=(80, 24)) as pilot:
        tabel = app.query_one(Tabel)
        tabel.isi(["Nama"], [(str(i), [f"Peserta {i}"]) for i in range(100)])
        tabel.focus()
        await pilot.pause()
        for key in ["down"] * 30 + ["up"] * 5:
            await pilot.press(key)
            assert tabel.cursor_row in _tampak(tabel)
        for key in ["pagedown"] * 8 + ["pageup"] * 8:
            sebelum = _tampak(tabel)
            tinggi_kursor = tabel.cursor_row - sebelum.start
            await pilot.press(key)
            sesudah = _tampak(tabel)
            assert tabel.cursor_row in sesudah
            if sesudah.start != sebelum.start:  # the view moved: one row of the page before stays
                tepi = sebelum[-1] if key == "pagedown" else sebelum[0]
                assert tepi in sesudah
                assert len(set(sebelum) & set(sesudah)) >= 1
                if 0 < sesudah.start and sesudah.stop < tabel.row_count:
                    assert tabel.cursor_row - sesudah.start == tinggi_kursor
        assert tabel.cursor_row == 0 or tabel.cursor_row in _tampak(tabel)
