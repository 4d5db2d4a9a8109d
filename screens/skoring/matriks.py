"""The scoring matrix: one narrow widget per column, so a change repaints only the cells it touched.

Rows are usulan; columns the row titles, the criteria, the total and the rank. Each column is its own
Line API widget. That matters for the bytes sent to the terminal: Textual 8 writes a partial update from
the left edge of the widget that holds the changed cells, so in a single wide widget a change in the
rank column would resend the whole line. With one widget per column a score keystroke sends that cell,
the row's total and rank, the rank of rows whose rank moved and the cursor cells; a cursor move sends
two cells, two row markers and, when the column changed, two column titles. (A plain
`DataTable.update_cell` repaints the whole table: 4-8 KB per keystroke at 80x24; bench/bytes_skoring.py
measures this matrix.)

The column titles stay on the first line and the row titles stay on the left; rows scroll by the
matrix's own offset (`atas`); columns scroll horizontally when there are too many criteria to fit.

The widget knows nothing of the session: the screen hands it texts ("attributes down") and it reports
cursor moves as a message ("messages up"). Digits are bindings of the screen, so that every key (digit,
move, undo, mode switch) runs in the order it was typed even when a slow link delivers a burst.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Mapping

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.geometry import Region
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

from ..glyph import g
from ..teks import aman, pas
from .isi import KOSONG, Isi, TeksMatriks


LEBAR_TOTAL = 7
LEBAR_PERINGKAT = 10
JUDUL_MIN, JUDUL_MAKS = 24, 100
#: Below this width of the title column, the kelurahan is left out of the row titles.
LEBAR_JUDUL_BERKELURAHAN = 30
JUDUL = -1  # column index of the row titles


def lebar_kolom_kriteria(kode: str) -> int:
    """Room for "10,0*" and the code, plus one space."""
    return max(cell_len(kode), 4) + 1


@dataclass(frozen=True)
class KolomMatriks:
    kode: str
    lebar: int


class KolomSel(Widget):
    """One column of the matrix: draws its visible lines from the Matriks that holds it."""

    DEFAULT_CSS = """
    KolomSel { height: 1fr; }
    """

    def __init__(self, indeks: int, lebar: int, **kwargs):
        super().__init__(**kwargs)
        self.indeks = indeks
        self.styles.width = lebar

    def render_line(self, y: int) -> Strip:
        matriks = self.parent
        if not isinstance(matriks, Matriks):
            return Strip.blank(self.size.width)
        return matriks._garis(self.indeks, y, self.size.width)

    def on_click(self, event: events.Click) -> None:
        """A click on a cell puts the cursor there (when the mouse is on)."""
        matriks = self.parent
        if isinstance(matriks, Matriks) and event.y >= 1:
            kolom = self.indeks if 0 <= self.indeks < len(matriks.kolom) else matriks.kursor[1]
            matriks.pindah(matriks.atas + event.y - 1, kolom)


class PenandaGulir(Widget):
    """A one-column scroll indicator for the rows (the matrix scrolls rows itself)."""

    DEFAULT_CSS = """
    PenandaGulir { width: 1; height: 1fr; }
    """

    def render_line(self, y: int) -> Strip:
        matriks = self.parent
        if not isinstance(matriks, Matriks):
            return Strip.blank(1)
        return matriks._garis_gulir(y, self.size.height)


class Matriks(Widget, can_focus=True):
    """Usulan x kriteria, with total and rank; a cell cursor moved by arrows and h/j/k/l."""

    COMPONENT_CLASSES = {
        "matriks--judul",
        "matriks--judul-kursor",
        "matriks--kursor",
        "matriks--kelurahan",
        "matriks--rerata",
        "matriks--kurang",
        "matriks--seri",
        "matriks--total",
        "matriks--penanda",
        "matriks--jalur",
        "matriks--ibu-jari",
    }

    DEFAULT_CSS = """
    Matriks {
        height: 1fr; layout: horizontal; overflow-x: auto; overflow-y: hidden;
        scrollbar-size-horizontal: 1;
    }
    Matriks > #mx-judul { dock: left; }
    Matriks > PenandaGulir { dock: right; }
    Matriks > .matriks--judul { text-style: bold; background: $panel; }
    Matriks > .matriks--judul-kursor { text-style: bold reverse; background: $panel; }
    Matriks > .matriks--kursor { background: $block-cursor-blurred-background; text-style: bold; }
    Matriks:focus > .matriks--kursor {
        background: $block-cursor-background; color: $block-cursor-foreground; text-style: bold;
    }
    Matriks > .matriks--kelurahan { color: $text-muted; }
    Matriks > .matriks--rerata { text-style: italic; }
    Matriks > .matriks--kurang { color: $text-muted; }
    Matriks > .matriks--seri { color: $warning; text-style: bold; }
    Matriks > .matriks--total { text-style: bold; }
    Matriks > .matriks--penanda { color: $accent; text-style: bold; }
    Matriks > .matriks--jalur { background: $panel; }
    Matriks > .matriks--ibu-jari { background: $primary; }
    """

    BINDINGS = [
        Binding("up,k", "gerak(-1, 0)", "Baris di atas", id="skoring.atas", show=False),
        Binding("down,j", "gerak(1, 0)", "Baris di bawah", id="skoring.bawah", show=False),
        Binding("left,h", "gerak(0, -1)", "Kriteria sebelumnya", id="skoring.kiri", show=False),
        Binding("right,l", "gerak(0, 1)", "Kriteria berikutnya", id="skoring.kanan", show=False),
        Binding("home", "ujung(0)", "Kriteria pertama", id="skoring.awal_baris", show=False),
        Binding("end", "ujung(1)", "Kriteria terakhir", id="skoring.akhir_baris", show=False),
        Binding("pageup", "halaman(-1)", "Halaman atas", id="skoring.halaman_atas", show=False),
        Binding("pagedown", "halaman(1)", "Halaman bawah", id="skoring.halaman_bawah", show=False),
        Binding("ctrl+home", "ujung_tabel(0)", "Baris pertama", id="skoring.baris_pertama", show=False),
        Binding("ctrl+end", "ujung_tabel(1)", "Baris terakhir", id="skoring.baris_terakhir", show=False),
    ]

    class KursorPindah(Message):
        """The cursor is on another cell (or the matrix was rebuilt)."""

        def __init__(self, matriks: "Matriks", usulan: str | None, kode: str | None):
            super().__init__()
            self.matriks = matriks
            self.usulan = usulan
            self.kode = kode

    def __init__(self, kolom: list[KolomMatriks] | None = None, **kwargs) -> None:
        """`kolom`: the criteria columns when already known, so that they are composed with the matrix
        (mounting them later costs a second layout and a second full paint)."""
        super().__init__(**kwargs)
        self.kolom: list[KolomMatriks] = list(kolom or [])
        #: Called with (usulan, kode) right when the cursor moves, before KursorPindah is delivered: what
        #: the owner redraws there goes out in the same repaint as the cursor (a second repaint costs a
        #: frame period, ~17-30 ms, and its own write over SSH).
        self.saat_pindah: Callable[[str, str], None] | None = None
        #: Whether a cell takes a value (a row's criteria set may not hold every column's code): `maju`
        #: steps over the cells it refuses. None = every cell.
        self.berlaku: Callable[[str, str], bool] | None = None
        #: The text of a cell, and of a row's total and rank, asked for when a row is drawn and its text is
        #: not held (`sel`, `total`, `peringkat` hold only what was drawn or set): of 2,136 rows ~20 are
        #: visible, so the others' texts are made when they scroll into view. None: empty cells.
        self.isi_sel: Callable[[str, str], Isi] | None = None
        self.isi_ringkas: Callable[[str], tuple[Isi, Isi]] | None = None
        self.baris: list[str] = []
        self._indeks: dict[str, int] = {}
        self.judul_baris: dict[str, tuple[str, str]] = {}
        self.judul_usulan = "Usulan (desa/kelurahan)"  # the screen names the wilayah as the session does
        # The texts drawn or set so far (the others are asked of `isi_sel`/`isi_ringkas` when drawn).
        self._sel: dict[tuple[str, str], Isi] = {}
        self._total: dict[str, Isi] = {}
        self._peringkat: dict[str, Isi] = {}
        self.kursor = (0, 0)  # (row, criterion column)
        self.atas = 0  # first row shown
        self._lebar_kel = 0
        self._lebar_judul = JUDUL_MIN
        self._widget: dict[int, KolomSel] = {}
        self._gaya: dict[str, Style] = {}
        self._tinggi: tuple[object, int] = (None, 1)  # (the row-title column's outer size, rows that fit)

    # --- what the matrix shows, cell by cell (read-only views; a text not drawn yet is made on reading) ---
    @property
    def sel(self) -> Mapping[tuple[str, str], Isi]:
        """(usulan, kode) -> the cell's (text, style), for every row and criterion column."""
        return TeksMatriks(self, "sel")

    @property
    def total(self) -> Mapping[str, Isi]:
        """usulan -> the row's total as shown."""
        return TeksMatriks(self, "total")

    @property
    def peringkat(self) -> Mapping[str, Isi]:
        """usulan -> the row's rank as shown."""
        return TeksMatriks(self, "peringkat")

    def _teks(self, jenis: str, key) -> Isi:
        if jenis == "sel":
            isi = self._sel.get(key)
            if isi is None:
                isi = self.isi_sel(*key) if self.isi_sel is not None else KOSONG
            return isi
        simpan = self._total if jenis == "total" else self._peringkat
        isi = simpan.get(key)
        if isi is None:
            if self.isi_ringkas is None:
                return KOSONG
            isi = self.isi_ringkas(key)[0 if jenis == "total" else 1]
        return isi

    def compose(self) -> ComposeResult:
        yield KolomSel(JUDUL, self._lebar_judul, id="mx-judul")
        yield PenandaGulir(id="mx-gulir")
        if self.kolom:
            yield from self._kolom_baru()

    def on_mount(self) -> None:
        self._widget[JUDUL] = self.query_one("#mx-judul", KolomSel)

    # --- what the screen sets -------------------------------------------------------------------------
    def atur_struktur(self, kolom: list[KolomMatriks], baris: list[str], judul: dict[str, tuple[str, str]]) -> bool:
        """Set columns and rows; the cursor stays on the same usulan and criterion. True if anything changed."""
        if (kolom == self.kolom and baris == self.baris
                and all(self.judul_baris.get(u) == judul.get(u) for u in baris)):
            return False
        lama = self.posisi()
        r, c = self.kursor
        kolom_berubah = kolom != self.kolom
        self.kolom = list(kolom)
        self.baris = list(baris)
        self._indeks = {u: i for i, u in enumerate(self.baris)}
        self.judul_baris = {u: judul.get(u, (u, "")) for u in self.baris}
        self._lebar_kel = max((cell_len(aman(kel)) for _, kel in self.judul_baris.values()), default=0)
        ada = set(self.baris)
        kodes = [k.kode for k in self.kolom]
        self._sel = {key: v for key, v in self._sel.items() if key[0] in ada and key[1] in kodes}
        self._total = {u: v for u, v in self._total.items() if u in ada}
        self._peringkat = {u: v for u, v in self._peringkat.items() if u in ada}
        if lama is not None:
            uid, k = lama
            r = self._indeks.get(uid, r)
            c = kodes.index(k) if k in kodes else c
        self.kursor = (max(0, min(r, len(self.baris) - 1)), max(0, min(c, len(self.kolom) - 1)))
        if kolom_berubah and self.is_mounted:
            self._bangun_kolom()
        self._tata()
        self._segarkan_semua()
        self._lihat_kursor()
        self.post_message(self.KursorPindah(self, *(self.posisi() or (None, None))))
        return True

    def _bangun_kolom(self) -> None:
        for key, w in list(self._widget.items()):
            if key != JUDUL:
                w.remove()
                del self._widget[key]
        self.mount_all(self._kolom_baru())

    def _kolom_baru(self) -> list[KolomSel]:
        """New widgets for the criteria columns, the total and the rank (registered in `_widget`)."""
        baru = [KolomSel(i, k.lebar) for i, k in enumerate(self.kolom)]
        baru.append(KolomSel(len(self.kolom), LEBAR_TOTAL))
        baru.append(KolomSel(len(self.kolom) + 1, LEBAR_PERINGKAT))
        for i, w in enumerate(baru):
            self._widget[i] = w
        return baru

    def atur_sel(self, usulan: str, kode: str, isi: Isi) -> None:
        key = (usulan, kode)
        if self._sel.get(key, KOSONG) == isi and key in self._sel:
            return
        self._sel[key] = isi
        r = self._indeks.get(usulan)
        if r is not None:
            for c, k in enumerate(self.kolom):
                if k.kode == kode:
                    self._segarkan_sel(r, c)
                    return

    def atur_total(self, usulan: str, isi: Isi) -> None:
        if self._total.get(usulan) != isi:
            self._total[usulan] = isi
            if usulan in self._indeks:
                self._segarkan_sel(self._indeks[usulan], len(self.kolom))

    def atur_peringkat(self, usulan: str, isi: Isi) -> None:
        if self._peringkat.get(usulan) != isi:
            self._peringkat[usulan] = isi
            if usulan in self._indeks:
                self._segarkan_sel(self._indeks[usulan], len(self.kolom) + 1)

    def ringkas_berubah(self, usulan: list[str]) -> None:
        """These rows' totals or ranks may read differently: set them now when in view (repainting what
        differs), else forget them (made when they scroll into view)."""
        r0, r1 = self.atas, self.atas + self._tinggi_baris()
        indeks = self._indeks
        for uid in usulan:
            r = indeks.get(uid)
            if r is not None and r0 <= r < r1 and self.isi_ringkas is not None:
                total, peringkat = self.isi_ringkas(uid)
                self.atur_total(uid, total)
                self.atur_peringkat(uid, peringkat)
            else:
                self._total.pop(uid, None)
                self._peringkat.pop(uid, None)

    def sel_berubah_semua(self) -> None:
        """Every cell may read differently: the cells in view are set again (repainting those that differ),
        the others forgotten."""
        r0 = self.atas
        tampak = self.baris[r0:r0 + self._tinggi_baris()]
        ada = set(tampak)
        self._sel = {key: v for key, v in self._sel.items() if key[0] in ada}
        if self.isi_sel is None:
            return
        for uid in tampak:
            for k in self.kolom:
                self.atur_sel(uid, k.kode, self.isi_sel(uid, k.kode))

    # --- the cursor ---------------------------------------------------------------------------------
    def posisi(self) -> tuple[str, str] | None:
        """(usulan id, kriteria kode) under the cursor, None when the matrix is empty."""
        r, c = self.kursor
        if not self.baris or not self.kolom:
            return None
        return self.baris[r], self.kolom[c].kode

    def pindah(self, r: int, c: int) -> None:
        """Move the cursor (clamped); repaint only the cells involved."""
        if not self.baris or not self.kolom:
            return
        r = max(0, min(r, len(self.baris) - 1))
        c = max(0, min(c, len(self.kolom) - 1))
        r0, c0 = self.kursor
        if (r, c) == (r0, c0):
            return
        self.kursor = (r, c)
        if not self._lihat_kursor():
            self._segarkan_sel(r0, c0)
            self._segarkan_sel(r, c)
            if r != r0:
                self._segarkan_penanda(r0)
                self._segarkan_penanda(r)
        if c != c0:
            self._segarkan_judul_kolom(c0)
            self._segarkan_judul_kolom(c)
        if self.saat_pindah is not None:
            self.saat_pindah(self.baris[r], self.kolom[c].kode)
        self.post_message(self.KursorPindah(self, self.baris[r], self.kolom[c].kode))

    def pindah_ke(self, usulan: str, kode: str) -> bool:
        r = self._indeks.get(usulan)
        kodes = [k.kode for k in self.kolom]
        if r is None or kode not in kodes:
            return False
        self.pindah(r, kodes.index(kode))
        return True

    def maju(self) -> bool:
        """Next cell; at the end of a row the first criterion of the next row. False at the very end."""
        r, c = self.kursor
        while True:
            if c + 1 < len(self.kolom):
                c += 1
            elif r + 1 < len(self.baris):
                r, c = r + 1, 0
            else:
                return False
            if self.berlaku is None or self.berlaku(self.baris[r], self.kolom[c].kode):
                break
        self.pindah(r, c)
        return True

    def action_gerak(self, dr: int, dc: int) -> None:
        r, c = self.kursor
        self.pindah(r + dr, c + dc)

    def action_ujung(self, akhir: int) -> None:
        self.pindah(self.kursor[0], len(self.kolom) - 1 if akhir else 0)

    def action_ujung_tabel(self, akhir: int) -> None:
        self.pindah(len(self.baris) - 1 if akhir else 0, self.kursor[1])

    def action_halaman(self, arah: int) -> None:
        self.pindah(self.kursor[0] + arah * max(1, self._tinggi_baris() - 1), self.kursor[1])

    def _on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        event.stop()
        self._gulir(self.atas + 3)

    def _on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        event.stop()
        self._gulir(self.atas - 3)

    # --- geometry -----------------------------------------------------------------------------------
    def _tinggi_baris(self) -> int:
        """Rows that fit under the column titles."""
        w = self._widget.get(JUDUL)
        if w is None:
            return 1
        # Asked for every cell repainted (thousands at 5,000 usulan): `size` works through the styles'
        # gutter each time, so it is kept while the column's outer size stays the same.
        luar = w.outer_size
        if self._tinggi[0] != luar:
            self._tinggi = (luar, max(1, w.size.height - 1))
        return self._tinggi[1]

    def _tata(self) -> None:
        """The row titles take the room the other columns leave (within limits)."""
        if not self.is_mounted:
            return
        data = sum(k.lebar for k in self.kolom) + LEBAR_TOTAL + LEBAR_PERINGKAT
        lebar = self.size.width or 80
        judul = max(JUDUL_MIN, min(JUDUL_MAKS, lebar - 1 - data))
        if judul != self._lebar_judul:
            self._lebar_judul = judul
            self._widget[JUDUL].styles.width = judul

    def on_resize(self) -> None:
        self._tata()
        self._lihat_kursor()
        self._segarkan_semua()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._gaya.clear()
        self._tinggi = (None, 1)

    def _gulir(self, atas: int) -> bool:
        atas = max(0, min(atas, len(self.baris) - self._tinggi_baris()))
        if atas == self.atas:
            return False
        self.atas = atas
        self._segarkan_semua()
        return True

    def _lihat_kursor(self) -> bool:
        """Scroll so the cursor cell is visible. True when the rows scrolled (everything repainted)."""
        if not self.baris:
            return False
        r, c = self.kursor
        tinggi = self._tinggi_baris()
        digulir = False
        if r < self.atas:
            digulir = self._gulir(r)
        elif r >= self.atas + tinggi:
            digulir = self._gulir(r - tinggi + 1)
        w = self._widget.get(c)
        if w is not None and w.is_mounted and self.max_scroll_x > 0:
            # Too many criteria for the width: the columns right of the row titles scroll. On the last
            # criterion scroll to the end, so that the total and the rank are in view.
            x0 = w.virtual_region.x - self._lebar_judul
            x1 = x0 + w.virtual_region.width
            lebar = self.scrollable_content_region.width - self._lebar_judul - 1
            x = None
            if c == len(self.kolom) - 1:
                x = self.max_scroll_x
            elif x0 < self.scroll_x:
                x = x0
            elif x1 > self.scroll_x + lebar:
                x = x1 - lebar
            if x is not None and x != self.scroll_x:
                self.scroll_to(x=x, animate=False, immediate=True)
                digulir = True
        return digulir

    # --- repainting only what changed ----------------------------------------------------------------
    def _segarkan_semua(self) -> None:
        for w in self._widget.values():
            w.refresh()
        for w in self.query(PenandaGulir):
            w.refresh()

    def _y_layar(self, r: int) -> int | None:
        y = r + 1 - self.atas
        return y if y >= 1 and y <= self._tinggi_baris() else None

    def _segarkan_sel(self, r: int, c: int) -> None:
        y = self._y_layar(r)
        w = self._widget.get(c)
        if y is not None and w is not None:
            w.refresh(Region(0, y, w.size.width or 1, 1))

    def _segarkan_penanda(self, r: int) -> None:
        y = self._y_layar(r)
        w = self._widget.get(JUDUL)
        if y is not None and w is not None:
            w.refresh(Region(0, y, 1, 1))

    def _segarkan_judul_kolom(self, c: int) -> None:
        w = self._widget.get(c)
        if w is not None:
            w.refresh(Region(0, 0, w.size.width or 1, 1))

    # --- drawing ------------------------------------------------------------------------------------
    def _s(self, nama: str) -> Style:
        """Base style plus a component's style (cached until the styles change)."""
        style = self._gaya.get(nama)
        if style is None:
            base = self.rich_style
            style = base if not nama else base + self.get_component_rich_style(f"matriks--{nama}", partial=True)
            self._gaya[nama] = style
        return style

    def _garis(self, c: int, y: int, width: int) -> Strip:
        """Line y of column c (line 0 holds the column titles)."""
        n = len(self.kolom)
        if y == 0:
            if c == JUDUL:
                judul = self.judul_usulan if width - 2 >= LEBAR_JUDUL_BERKELURAHAN else "Usulan"
                return Strip([Segment(" " + pas(judul, width - 1), self._s("judul"))])
            if c < n:
                gaya = "judul-kursor" if c == self.kursor[1] else "judul"
                return Strip([Segment(self._kanan(self.kolom[c].kode, width), self._s(gaya))])
            judul = "Total" if c == n else "Peringkat"
            return Strip([Segment(self._kanan(judul, width) if c == n else pas(judul, width),
                                  self._s("judul"))])
        r = self.atas + y - 1
        if r >= len(self.baris) or width <= 0:
            return Strip.blank(width, self._s(""))
        uid = self.baris[r]
        kr, kc = self.kursor
        if c == JUDUL:
            return self._judul_baris(uid, r == kr, width)
        if c < n:
            key = (uid, self.kolom[c].kode)
            isi = self._sel.get(key)
            if isi is None:
                isi = self._sel[key] = self.isi_sel(*key) if self.isi_sel is not None else KOSONG
            text, gaya = isi
            if r == kr and c == kc:
                gaya = "kursor"
            return Strip([Segment(self._kanan(text, width), self._s(gaya))])
        if uid not in self._total and self.isi_ringkas is not None:
            self._total[uid], self._peringkat[uid] = self.isi_ringkas(uid)
        if c == n:
            text, gaya = self._total.get(uid, KOSONG)
            return Strip([Segment(self._kanan(text, width), self._s(gaya))])
        text, gaya = self._peringkat.get(uid, KOSONG)
        return Strip([Segment(pas(aman(text), width), self._s(gaya))])

    @staticmethod
    def _kanan(text: str, width: int) -> str:
        """Right-aligned in width - 1 cells, then one space."""
        text = aman(text)
        inner = width - 1
        if cell_len(text) > inner:
            text = set_cell_size(text, inner)
        return " " * (inner - cell_len(text)) + text + " "

    def _judul_baris(self, uid: str, kursor: bool, width: int) -> Strip:
        kegiatan, kelurahan = self.judul_baris.get(uid, (uid, ""))
        kegiatan, kelurahan = aman(kegiatan), aman(kelurahan)
        lebar = width - 2
        # Narrow (60 columns): the title gets the whole width, so rows do not read the same; the cursor
        # row's kelurahan is in the line under the matrix.
        lebar_kel = 0 if lebar < LEBAR_JUDUL_BERKELURAHAN else min(self._lebar_kel, max(8, lebar * 2 // 5))
        lebar_keg = lebar - lebar_kel - (1 if lebar_kel else 0)
        segs = [Segment(g("next") if kursor else " ", self._s("penanda")),
                Segment(pas(kegiatan, lebar_keg), self._s(""))]
        if lebar_kel:
            segs += [Segment(" ", self._s("")), Segment(pas(kelurahan, lebar_kel), self._s("kelurahan"))]
        return Strip(segs).adjust_cell_length(width, self._s(""))

    def _garis_gulir(self, y: int, tinggi: int) -> Strip:
        """The scroll indicator next to the rows: a thumb where the visible rows are."""
        n = len(self.baris)
        rows = max(1, tinggi - 1)
        if y == 0 or n <= rows:
            return Strip.blank(1, self._s("judul" if y == 0 else ""))
        panjang = max(1, round(rows * rows / n))
        mulai = round((rows - panjang) * self.atas / max(1, n - rows))
        dalam = mulai <= y - 1 < mulai + panjang
        return Strip([Segment(" ", self._s("ibu-jari" if dalam else "jalur"))])
