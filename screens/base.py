"""The base of every agenda screen: agenda bar on top, the stage's body, a status line and the Footer."""

from __future__ import annotations

from typing import Any, Callable, ClassVar

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer

from sesi.data import Data

from .widgets import AgendaBar, Hasil, StatusBar


class LayarTahap(Screen):
    """One agenda stage. Subclasses set TAHAP, BANTUAN, compose `isi()` and implement `segarkan(data)`."""

    TAHAP: ClassVar[str] = ""
    #: What the stage is for and how to use it, shown at the top of the help screen (F1).
    BANTUAN: ClassVar[str] = ""

    def __init__(self, **kwargs: Any):
        super().__init__(**kwargs)
        self._revisi_tampil = -1

    def compose(self) -> ComposeResult:
        yield AgendaBar(self.TAHAP, id="agenda")
        yield from self.isi()
        yield StatusBar(id="status")
        yield Footer()

    def isi(self) -> ComposeResult:  # the stage's body
        yield from ()

    # --- data flow: attributes down ---
    @property
    def data(self) -> Data:
        return self.app.data  # type: ignore[attr-defined]

    def on_mount(self) -> None:
        # Textual calls on_mount of every class in the MRO (base first): subclasses must not call
        # super().on_mount(); state needed before the first paint goes in `siapkan`.
        self.siapkan()
        self._tampilkan(self.data, force=True)

    def siapkan(self) -> None:
        """Set up state needed before the first `segarkan` (called once, on mount)."""

    def on_screen_resume(self) -> None:
        self._tampilkan(self.data)

    def _tampilkan(self, data: Data, force: bool = False, perubahan: dict | None = None) -> None:
        self.query_one(AgendaBar).tandai(data.info.tahap)
        self.app.perbarui_status(self)  # type: ignore[attr-defined]
        if force or data.revisi != self._revisi_tampil:
            self._revisi_tampil = data.revisi
            self.segarkan(data, perubahan or {})

    def data_berubah(self, data: Data, perubahan: dict) -> None:
        """Called by the app after a save here or a change from another terminal."""
        if self.is_current:
            self._tampilkan(data, perubahan=perubahan)

    def segarkan(self, data: Data, perubahan: dict) -> None:
        """Show `data`. `perubahan` maps table -> changed record ids when known (repaint only those)."""

    # --- saving: every change goes through the app, which writes it and shows "Tersimpan - rev N" ---
    def simpan(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Hasil:
        return self.app.simpan(fn, *args, **kwargs)  # type: ignore[attr-defined]

    @property
    def status(self) -> StatusBar:
        return self.query_one(StatusBar)
