"""The help screen (F1 or ?): what the stage is for, and every key of the stage, its widgets and the app."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from .teks import teks


class BantuanScreen(ModalScreen[None]):
    CSS_PATH = "bantuan.tcss"

    BINDINGS = [
        Binding("escape,f10,q,f1", "tutup", "Tutup", id="bantuan.tutup", key_display="Esc/F10/Q"),
        Binding("j,down", "gulir(1)", "Gulir turun", id="bantuan.turun", show=False),
        Binding("k,up", "gulir(-1)", "Gulir naik", id="bantuan.naik", show=False),
    ]

    def __init__(self, judul: str, uraian: str, kelompok: list[tuple[str, list[tuple[str, str]]]],
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
                    for key, desc in keys:
                        table.add_row(Text(key), Text(desc))
                    yield Static(table)
            yield Label(("Esc, F10 atau Q menutup. " if self.judul_penuh else "Esc, F10 atau Q menutup bantuan. ")
                        + "Ctrl+P membuka daftar semua perintah.", classes="kaki")

    def action_tutup(self) -> None:
        self.dismiss(None)

    def action_gulir(self, arah: int) -> None:
        self.query_one("#gulir", VerticalScroll).scroll_relative(y=arah * 3, animate=False)
