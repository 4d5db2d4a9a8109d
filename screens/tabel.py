"""The app's table: a DataTable with vim keys whose cells are always plain text, that keeps the cursor's
row across refills and pages with one row of context; and arrow keys forwarded from a search box.

(Split from screens/widgets.py, which holds the other shared widgets and the dialogs.)
"""

from __future__ import annotations

from typing import Any, Iterable, Sequence

from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable

from .teks import teks


class Tabel(DataTable):
    """A DataTable with vim keys whose cells are always plain text."""

    BINDINGS = [
        Binding("j", "cursor_down", "Bawah", id="tabel.bawah", show=False),
        Binding("k", "cursor_up", "Atas", id="tabel.atas", show=False),
        Binding("g", "scroll_top", "Awal", id="tabel.awal", show=False),
        Binding("G", "scroll_bottom", "Akhir", id="tabel.akhir", show=False),
    ]

    def __init__(self, *args: Any, **kwargs: Any):
        kwargs.setdefault("cursor_type", "row")
        kwargs.setdefault("zebra_stripes", True)
        super().__init__(*args, **kwargs)
        self._ukur_lebar = False

    def isi(self, kolom: Sequence[str | tuple[str, str]], baris: Iterable[tuple[str, Sequence[Any]]]) -> None:
        """Replace all rows, keeping the cursor on the same row key when it still exists.

        If that row is gone the cursor stays at the same height; if every row is new (another list,
        e.g. another kelompok) it starts at the top.
        """
        kunci_lama = self.kunci_terpilih()
        semua_lama = {k.value for k in self.rows}
        row_lama = self.cursor_row
        if not self.columns:
            for k in kolom:
                if isinstance(k, tuple):
                    self.add_column(k[0], key=k[1])
                else:
                    self.add_column(k)
        self.clear()
        for key, cells in baris:
            self.add_row(*[c if isinstance(c, Text) else teks(c) for c in cells], key=key)
        self._ukur_lebar = True
        if kunci_lama is not None and kunci_lama in self.rows:
            self.move_cursor(row=self.get_row_index(kunci_lama), animate=False)
        elif self.row_count:
            lain = not (semua_lama & {k.value for k in self.rows})
            self.move_cursor(row=0 if lain else min(row_lama, self.row_count - 1), animate=False)

    # Textual 8 widens auto-width columns on idle, after rows were added, but keeps the lines it already
    # rendered at the old widths, so the header and unchanged rows stay cut (e.g. "Muhammad" for "Muhammad
    # Rizki") until something else repaints them. After `isi`, the next idle (this handler runs before
    # DataTable's own, which measures the new rows) notes the widths; if they changed, the rendered lines
    # are dropped through the public `notify_style_update`.
    def on_idle(self) -> None:
        if self._ukur_lebar:
            self._ukur_lebar = False
            lebar = [c.content_width for c in self.columns.values()]
            self.call_later(self._bila_lebar_berubah, lebar)

    def _bila_lebar_berubah(self, lebar: list[int]) -> None:
        if lebar != [c.content_width for c in self.columns.values()]:
            self.notify_style_update()

    # PageDown/PageUp: Textual's DataTable scrolls a whole page, so no row of the page before stays in view.
    # Here the view and the cursor move by a page minus one row: the row at the edge stays in view on the
    # other edge (the context of where the cursor came from), and the terminal scrolls the rest
    # (musrenbang_tui/gulir.py).
    def action_page_down(self) -> None:
        self._halaman(1)

    def action_page_up(self) -> None:
        self._halaman(-1)

    def _halaman(self, arah: int) -> None:
        if not self.row_count or self.cursor_type not in ("row", "cell"):
            (super().action_page_down if arah > 0 else super().action_page_up)()
            return
        tinggi = self.scrollable_content_region.height - (self.header_height if self.show_header else 0)
        n = max(1, tinggi - 1)
        self.scroll_to(y=self.scroll_y + arah * n, animate=False, immediate=True, force=True)
        self.move_cursor(row=max(0, min(self.row_count - 1, self.cursor_row + arah * n)), scroll=False)

    def kunci_terpilih(self) -> str | None:
        if not self.row_count:
            return None
        try:
            key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key
        except Exception:  # noqa: BLE001 - the cursor may be outside after a clear
            return None
        return key.value


_PANAH = {"up": "action_cursor_up", "down": "action_cursor_down", "pageup": "action_page_up",
          "pagedown": "action_page_down"}


def teruskan_panah(event: Any, tabel: DataTable) -> None:
    """Let arrow/page keys typed in a search box move the table's cursor (the box keeps focus)."""
    action = _PANAH.get(event.key)
    if action:
        getattr(tabel, action)()
        event.stop()
        event.prevent_default()
