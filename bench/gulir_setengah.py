"""The other way in of issue 16.1, kept only to be measured: the view jumps by half a page when the cursor
leaves it (instead of one row), with Textual's own output. `bench/gulir.py --setengah` runs the app through
this launcher:

    python bench/gulir_setengah.py buka SESI --layar skoring --kelompok K

It patches, in this process only, the scrolling of the matrix (`Matriks._lihat_kursor`) and of the tables
(`DataTable._scroll_cursor_into_view`, which every `Tabel` uses), then runs the `musrenbang` command. The
app itself keeps one-row scrolling with the terminal's scroll region (musrenbang_tui/gulir.py): moving by
half a page costs a repaint of half the list every few keys, and the line the user reads jumps.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def pasang() -> None:
    from textual.widgets import DataTable

    from screens.skoring.matriks import Matriks

    asli_matriks = Matriks._lihat_kursor

    def lihat_kursor(self: Matriks) -> bool:
        if self.baris:
            r = self.kursor[0]
            tinggi = self._tinggi_baris()
            setengah = max(1, tinggi // 2)
            if r >= self.atas + tinggi:
                return self._gulir(max(self.atas + setengah, r - tinggi + 1)) or asli_matriks(self)
            if r < self.atas:
                return self._gulir(min(self.atas - setengah, r)) or asli_matriks(self)
        return asli_matriks(self)

    Matriks._lihat_kursor = lihat_kursor  # type: ignore[method-assign]

    asli_tabel = DataTable._scroll_cursor_into_view

    def scroll_cursor_into_view(self: DataTable, animate: bool = False) -> None:
        if self.cursor_type == "row" and self.row_count:
            tinggi = max(1, self.scrollable_content_region.height - (self.header_height if self.show_header else 0))
            atas = round(self.scroll_y)
            r = self.cursor_row
            setengah = max(1, tinggi // 2)
            if r >= atas + tinggi:
                self.scroll_to(y=max(atas + setengah, r - tinggi + 1), animate=False, immediate=True, force=True)
            elif r < atas:
                self.scroll_to(y=min(atas - setengah, r), animate=False, immediate=True, force=True)
        asli_tabel(self, animate=animate)

    DataTable._scroll_cursor_into_view = scroll_cursor_into_view  # type: ignore[method-assign]


if __name__ == "__main__":
    pasang()
    from musrenbang_tui.cli import main

    sys.exit(main(sys.argv[1:]))
