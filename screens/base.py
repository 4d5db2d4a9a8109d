"""The base of every agenda screen: agenda bar on top, the stage's body, a status line and the Footer."""

from __future__ import annotations

import time
from typing import Any, Callable, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer

from sesi.data import Data
from sesi.model import PERAN

from . import glyph
from .kontrak import DataBerubah, aplikasi
from .tombol import JagaHuruf, tombol_binding
from .widgets import AgendaBar, Hasil, StatusBar


class LayarTahap(JagaHuruf, Screen):
    """One agenda stage. Subclasses set TAHAP, BANTUAN, compose `isi()` and implement `segarkan(data)`."""

    TAHAP: ClassVar[str] = ""
    #: While other terminals are saving (one of their changes shown within this many seconds), the warning
    #: count (F9) is counted again at most once in this many seconds: counting ranks every kelompok changed
    #: since the last count (4-15 ms at 1,000 usulan), and a hall of ten fasilitator sends ten changes a
    #: second to every terminal. Otherwise a change is counted right after its repaint.
    JEDA_PERINGATAN: ClassVar[float] = 5.0
    #: What the stage is for and how to use it, shown at the top of the help screen (F1).
    BANTUAN: ClassVar[str] = ""

    def __init__(self, **kwargs: Any):
        super().__init__(**kwargs)
        self._revisi_tampil = -1
        self._n_peringatan = 0  # the warning count the status line shows
        self._peringatan_nanti = False  # a count is scheduled (after the next repaint, or by a timer)
        self._peringatan_waktu = float("-inf")  # time.monotonic() of the last count
        self._peringatan_timer: Timer | None = None
        self._lebar_tampil = 0

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
        return aplikasi(self).data

    def on_mount(self) -> None:
        # Textual calls on_mount of every class in the MRO (base first): subclasses must not call
        # super().on_mount(); state needed before the first paint goes in `siapkan`.
        app = aplikasi(self)
        app.layar_terbuka.add(self)
        # Attributes down: a status message set by the App (a save, another terminal's change) shows here
        # at once while this is the current mode's stage screen, even beneath a dialog.
        self.watch(self.app, "kabar_terakhir", self._kabar_baru, init=False)
        self.siapkan()
        self._tampilkan(self.data, force=True)

    def siapkan(self) -> None:
        """Set up state needed before the first `segarkan` (called once, on mount)."""

    def on_screen_resume(self) -> None:
        self._tampilkan(self.data)

    # --- small terminals (60x20): a compact layout through two classes the stylesheets use ---
    def on_resize(self) -> None:
        sempit, pendek = self.size.width < 70, self.size.height < 22
        self.set_class(sempit, "-sempit")
        self.set_class(pendek, "-pendek")
        for kaki in self.query(Footer):
            # Below 100 columns the palette key (named in F1's help) gives its place to the screen's keys,
            # so the Footer is never cut in the middle of a word.
            kaki.show_command_palette = self.size.width >= 100
            # Below 70 columns the compact Footer (one space between keys, none inside): the main keys and
            # F1 Bantuan fit in 60 columns.
            kaki.compact = sempit
        self.ukuran_berubah(sempit, pendek)
        lebar = self.size.width
        if self._lebar_tampil and lebar != self._lebar_tampil:
            self.lebar_berubah()
        self._lebar_tampil = lebar

    def ukuran_berubah(self, sempit: bool, pendek: bool) -> None:
        """The terminal became narrow or short, or no longer is (a screen may shorten its labels)."""

    def lebar_berubah(self) -> None:
        """The terminal's width changed: a screen whose columns follow it (`teks.lebar_kolom`) shows them
        again. A DataTable column only ever widens, so such a screen clears its columns first."""

    # --- typed text not saved yet (asked about before it is thrown away: Ctrl+Q) ---
    def ketikan_belum_disimpan(self) -> str:
        """What was typed on this screen and not saved, named for the question ("" = nothing)."""
        return ""

    def simpan_ketikan(self) -> None:
        """Save what was typed (as the screen's own Enter would)."""

    def buang_ketikan(self) -> None:
        """What was typed is thrown away on purpose (Ctrl+Q, Buang): forget its draft."""

    def _tampilkan(self, data: Data, force: bool = False, perubahan: dict | None = None) -> None:
        self.query_one(AgendaBar).tandai(data.info.tahap)
        self._perbarui_status(data)
        if force or data.revisi != self._revisi_tampil:
            self._revisi_tampil = data.revisi
            self.segarkan(data, perubahan or {})

    @on(DataBerubah)
    def _data_berubah(self, pesan: DataBerubah) -> None:
        """The app saved a change made here, or read one from another terminal."""
        if self.is_current:
            self._tampilkan(pesan.data, perubahan=pesan.perubahan)

    def _perbarui_status(self, data: Data, hitung: bool = False) -> None:
        """The right-hand side of the status line: who is here, the lock and the warnings.

        Counting the warnings of a new revision ranks every kelompok (`sesi.peringatan`; ~0.1 s at 5,000
        usulan): unless `hitung`, it is done after the next repaint, so that the first screen and the
        cell a key changed are not kept waiting; the count (F9) follows a moment later. While other
        terminals are saving it follows within `JEDA_PERINGATAN` s of the count before."""
        app = aplikasi(self)
        pelaku = app.pelaku
        if hitung or app.peringatan_siap():
            self._n_peringatan = n = len(app.peringatan())
            self._peringatan_waktu = time.monotonic()
        else:
            n = self._n_peringatan
            kini = time.monotonic()
            tunggu = self._peringatan_waktu + self.JEDA_PERINGATAN - kini
            ramai = kini - getattr(app, "waktu_perubahan_lain", float("-inf")) < self.JEDA_PERINGATAN
            nanti = ramai and tunggu > 0
            if self._peringatan_timer is not None and not nanti:
                self._peringatan_timer.stop()
                self._peringatan_timer = None
                self._peringatan_nanti = False
            if not self._peringatan_nanti:
                self._peringatan_nanti = True
                if nanti:
                    self._peringatan_timer = self.set_timer(tunggu, self._hitung_peringatan,
                                                            name="hitung-peringatan")
                else:
                    self.call_after_refresh(self._hitung_peringatan)
        kanan = Text()
        if data.info.terkunci:
            kanan.append("DISAHKAN (terkunci) ", style="bold")
        kanan.append(f"{pelaku.nama} {glyph.g('dot')} {PERAN.get(pelaku.peran, pelaku.peran)}")
        if n:
            kanan.append(f" {glyph.g('dot')} {glyph.g('warn')} {n} ({tombol_binding(self, 'app.peringatan')})",
                         style="bold")
        kabar = app.kabar_terakhir
        for bar in self.query(StatusBar):
            bar.atur_kanan(kanan)
            if kabar is not None:
                # The latest message of the whole app (saved here or on another screen, or read from
                # another terminal): never an older one this screen showed before.
                if bar.pesan.plain != kabar[0].plain or bar.has_class("-galat") != kabar[1]:
                    bar.atur(*kabar)
            elif not bar.pesan.plain:
                bar.atur(Text(f"Tersimpan {glyph.g('dot')} rev {data.revisi}"))

    def _kabar_baru(self, kabar: tuple[Text, bool] | None) -> None:
        if kabar is None or self not in self.app.screen_stack:
            return  # another mode's screen: `_perbarui_status` shows the latest message when it is shown
        for bar in self.query(StatusBar):
            if bar.pesan.plain != kabar[0].plain or bar.has_class("-galat") != kabar[1]:
                bar.atur(*kabar)

    def _hitung_peringatan(self) -> None:
        self._peringatan_nanti = False
        if self._peringatan_timer is not None:
            self._peringatan_timer.stop()
            self._peringatan_timer = None
        if self.is_attached:
            self._perbarui_status(self.data, hitung=True)

    def segarkan(self, data: Data, perubahan: dict) -> None:
        """Show `data`. `perubahan` maps table -> changed record ids when known (repaint only those)."""

    # --- saving: every change goes through the app, which writes it and shows "Tersimpan - rev N" ---
    def simpan(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Hasil:
        return aplikasi(self).simpan(fn, *args, **kwargs)

    @property
    def status(self) -> StatusBar:
        return self.query_one(StatusBar)
