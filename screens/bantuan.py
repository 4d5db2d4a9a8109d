"""The help screen (F1 or ?): what the stage is for, and every key of the stage, its widgets and the app.

Each key is listed with its description and, where the binding has one, its tooltip (the longer
explanation) below it. The list is what `screens.tombol.perintah_aktif` gives: active keys only (the user's
keymap applied, `check_action` respected). It scrolls (j/k, arrows, PgUp/PgDn) at 60x20 and 80x24.
"""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from .glyph import g
from .teks import teks
from .tombol import tombol_binding

#: One key of the help: (keys, description) or (keys, description, tooltip).
BarisBantuan = tuple[str, str] | tuple[str, str, str]


class BantuanScreen(ModalScreen[None]):
    CSS_PATH = "bantuan.tcss"

    BINDINGS = [
        Binding("escape,f10,q,f1", "tutup", "Tutup", id="bantuan.tutup", key_display="Esc/F10/Q"),
        Binding("j,down", "gulir(1)", "Gulir turun", id="bantuan.turun", show=False),
        Binding("k,up", "gulir(-1)", "Gulir naik", id="bantuan.naik", show=False),
    ]

    def __init__(self, judul: str, uraian: str, kelompok: list[tuple[str, list[BarisBantuan]]],
                 judul_penuh: str = ""):
        """`judul` names the screen the help is for ("Bantuan: <judul>"); `judul_penuh` replaces the whole
        title when the screen shows something else than help (the warnings)."""
        super().__init__()
        self.judul = judul
        self.judul_penuh = judul_penuh
        self.uraian = uraian
        self.kelompok = kelompok

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(teks(self.judul_penuh or f"Bantuan: {self.judul}"), classes="judul")
            with VerticalScroll(id="gulir"):
                if self.uraian:
                    yield Static(teks(self.uraian))
                for nama, keys in self.kelompok:
                    if not keys:
                        continue
                    table = Table(title=nama, title_justify="left", show_header=False, box=None, expand=True,
                                  padding=(0, 1))
                    table.add_column("Tombol", style="bold", no_wrap=True, width=16)
                    table.add_column("Tindakan", ratio=1)
                    for key, desc, *tooltip in keys:
                        isi = Text(desc)
                        if tooltip and tooltip[0]:
                            isi.append("\n" + tooltip[0], style="dim")
                        table.add_row(Text(key), isi)
                    yield Static(table)
            yield Label(self._kaki(), classes="kaki")

    def _kaki(self) -> str:
        """The closing line: the keys that close this screen and open the palette, as the keymap sets them."""
        tutup = "/".join(tombol_binding(self, "bantuan.tutup", semua=True).split(", "))
        palet = tombol_binding(self, "app.perintah")
        return f"{tutup}: tutup" + (f" {g('dot')} {palet}: daftar semua perintah" if palet else "")

    def action_tutup(self) -> None:
        self.dismiss(None)

    def action_gulir(self, arah: int) -> None:
        self.query_one("#gulir", VerticalScroll).scroll_relative(y=arah * 3, animate=False)
