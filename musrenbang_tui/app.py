"""The Textual app: one mode per agenda stage, saving every change through the store.

Imported only when the UI opens (the CLI imports it lazily), so non-UI commands never load Textual.
"""

from __future__ import annotations

import importlib
import os
import sys
import traceback
from typing import Any, Callable, Iterable

from rich.text import Text
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.screen import Screen
from textual.worker import Worker

from screens import glyph
from screens.widgets import AGENDA, LABEL_LAYAR, Hasil, PilihDialog, StatusBar
from sesi.data import Data
from sesi.errors import SesiError
from sesi.model import PERAN
from sesi.store import Pelaku, Store

#: stage key -> (module, class) of its screen, imported on first use.
LAYAR: dict[str, tuple[str, str]] = {
    "persiapan": ("screens.persiapan.layar", "PersiapanScreen"),
    "pendaftaran": ("screens.pendaftaran", "PendaftaranScreen"),
    "pleno1": ("screens.pleno1", "Pleno1Screen"),
    "kelompok": ("screens.kelompok.layar", "KelompokScreen"),
    "skoring": ("screens.skoring.layar", "SkoringScreen"),
    "pleno2": ("screens.pleno2", "Pleno2Screen"),
    "berita_acara": ("screens.berita_acara", "BeritaAcaraScreen"),
}
URUTAN = [k for k, _, _ in AGENDA]


def _pabrik(key: str) -> Callable[[], Screen]:
    def buat() -> Screen:
        mod, cls = LAYAR[key]
        return getattr(importlib.import_module(mod), cls)()
    return buat


class MusrenbangApp(App):
    """Runs one Musrenbang Kecamatan session from one store file."""

    CSS_PATH = "app.tcss"
    TITLE = "Musrenbang Kecamatan"
    ENABLE_COMMAND_PALETTE = True
    COMMAND_PALETTE_BINDING = "ctrl+p"
    MODES = {key: _pabrik(key) for key in LAYAR}
    POLL_DETIK = 0.5

    BINDINGS = [
        Binding("f1", "bantuan", "Bantuan", id="app.bantuan", priority=True, key_display="F1"),
        Binding("question_mark", "bantuan", "Bantuan", id="app.bantuan_tanya", show=False),
        Binding("ctrl+p", "command_palette", "Perintah", id="app.perintah", priority=True, show=False),
        Binding("ctrl+g", "pilih_tahap", "Layar", id="app.pilih_tahap", priority=True),
        Binding("ctrl+n", "tahap_berikut", "Berikut", id="app.tahap_berikut", show=False, priority=True),
        Binding("ctrl+b", "tahap_sebelum", "Sebelum", id="app.tahap_sebelum", show=False, priority=True),
        Binding("ctrl+t", "tetapkan_tahap", "Tetapkan tahap sesi", id="app.tetapkan_tahap", show=False,
                priority=True),
        Binding("f9", "peringatan", "Peringatan", id="app.peringatan", show=False, priority=True),
        Binding("ctrl+r", "riwayat", "Riwayat perubahan", id="app.riwayat", show=False),
        Binding("ctrl+q", "keluar", "Keluar", id="app.keluar", priority=True),
        Binding("ctrl+c", "help_quit", show=False, system=True),
        *[Binding(fkey, f"layar('{key}')", f"Layar {label}", id=f"app.layar_{key}", show=False, priority=True)
          for key, label, fkey in AGENDA],
    ]

    def __init__(self, store: Store, layar: str | None = None, kelompok: str | None = None,
                 ascii: bool = False, **kwargs: Any):
        data = store.data
        awal = layar or data.info.tahap or "persiapan"
        # The first stage is the app's starting mode: Textual composes it with the app, so there is no
        # blank default screen to paint first, and no switch (with its own CSS pass) on mount.
        self.DEFAULT_MODE = awal if awal in LAYAR else "persiapan"
        super().__init__(**kwargs)
        self.store = store
        self.data: Data = data
        self.layar_awal = layar
        self.kelompok_aktif: str = self._cari_kelompok(kelompok) if kelompok else ""
        self.ascii = ascii
        glyph.set_ascii(ascii)
        self.log_galat: str = ""
        self._riwayat_dilihat = self._id_riwayat_terakhir()
        self._pembaca: Worker | None = None
        self._peringatan_cache: tuple[int, list[str]] = (-1, [])

    # --- start ---
    def on_mount(self) -> None:
        if self.ascii:
            self.add_class("ascii")
        self.set_interval(self.POLL_DETIK, self._poll, name="poll-berkas")
        self.title = f"Musrenbang Kecamatan {self.data.info.kecamatan}"

    def _cari_kelompok(self, nama: str) -> str:
        from sesi.data import normal

        for k in self.data.kelompok:
            if normal(k.nama) == normal(nama) or k.id == nama:
                return k.id
        return ""

    @property
    def pelaku(self) -> Pelaku:
        return self.store.pelaku

    # --- saving: one store write on the UI thread, then tell the screen ---
    def simpan(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Hasil:
        """Run one action in one transaction. On success the status line says "Tersimpan - rev N"."""
        try:
            with self.store.transaksi() as tx:
                nilai = fn(tx, *args, **kwargs)
                perubahan = {t: set(ids) for t, ids in tx.changed_ids.items()}
        except SesiError as e:
            self._status(Text(f"{glyph.g('warn')} {e}"), galat=True)
            self.bell()
            return Hasil(False, pesan=str(e))
        self.data = self.store.data
        self._riwayat_dilihat = self._id_riwayat_terakhir()
        self._status(Text(f"Tersimpan {glyph.g('dot')} rev {self.data.revisi}"))
        self._kabarkan(perubahan)
        return Hasil(True, nilai=nilai, revisi=self.data.revisi, perubahan=perubahan)

    def muat_ulang(self) -> None:
        """Show what the store holds now (after a change saved outside `simpan`, e.g. an import worker)."""
        self.data = self.store.data
        self._riwayat_dilihat = self._id_riwayat_terakhir()
        self._kabarkan({})

    def _kabarkan(self, perubahan: dict) -> None:
        screen = self.screen
        if hasattr(screen, "data_berubah"):
            screen.data_berubah(self.data, perubahan)

    def _id_riwayat_terakhir(self) -> str:
        last = self.data.riwayat_terakhir(1)
        return last[0]["id"] if last else ""

    def _poll(self) -> Worker | None:
        """Pick up changes other terminals saved: a stat call here; a changed file is read and parsed in a
        thread (11 MB at 5,000 usulan must not freeze the keyboard) and shown when it arrives."""
        if (self._pembaca is not None and not self._pembaca.is_finished) or not self.store.berubah():
            return None
        self._pembaca = self.run_worker(self._baca_berkas, thread=True, group="baca-berkas", exit_on_error=False)
        return self._pembaca

    def _baca_berkas(self) -> None:
        """In a worker thread: read the file (the store serialises this with this app's own saves)."""
        try:
            data = self.store.muat()
        except SesiError as e:
            self.call_from_thread(self._status, Text(f"{glyph.g('warn')} {e}"), True)
            return
        self.call_from_thread(self._terima, data)

    def _terima(self, data: Data) -> None:
        # A save made here while the file was being read is newer: the store then holds that one.
        if data is not self.store.data or data.revisi == self.data.revisi:
            return
        self.data = data
        self._kabarkan({})
        self._status(self._kabar_terminal_lain())

    async def baca_perubahan(self) -> None:
        """Poll now and wait until a changed file has been read and shown (what the timer does)."""
        pembaca = self._poll() or self._pembaca
        if pembaca is not None:
            await pembaca.wait()

    def _kabar_terminal_lain(self) -> Text:
        """A short notice of who changed what since this terminal last looked."""
        hist = self.data.raw.get("riwayat", {})
        baru = []
        for key in reversed(hist):
            if key <= self._riwayat_dilihat:
                break
            baru.append(hist[key])
        self._riwayat_dilihat = self._id_riwayat_terakhir()
        if not baru:
            return Text(f"Diperbarui dari terminal lain {glyph.g('dot')} rev {self.data.revisi}")
        from screens.riwayat import ringkas

        e = baru[0]
        pesan = (f"{e.get('nama', '')} ({PERAN.get(e.get('peran', ''), e.get('peran', ''))}): {e.get('aksi', '')} "
                 f"{e.get('objek', '')} {ringkas(e.get('lama'), 12)} {glyph.g('next')} {ringkas(e.get('baru'), 12)}")
        if len(baru) > 1:
            pesan += f" (+{len(baru) - 1} lainnya, Ctrl+R)"
        return Text(pesan)

    def action_riwayat(self) -> None:
        from screens.riwayat import RiwayatScreen

        if not isinstance(self.screen, RiwayatScreen):
            self.push_screen(RiwayatScreen())

    # --- status line ---
    def _status(self, pesan: Text, galat: bool = False) -> None:
        # A save from a dialog (FormDialog periksa) must reach the status line of the screen beneath it.
        for screen in reversed(self.screen_stack):
            bars = screen.query(StatusBar)
            if bars:
                for bar in bars:
                    bar.atur(pesan, galat)
                return

    def peringatan(self) -> list[str]:
        rev, cache = self._peringatan_cache
        if rev != self.data.revisi:
            from sesi.peringatan import peringatan

            cache = peringatan(self.data)
            self._peringatan_cache = (self.data.revisi, cache)
        return cache

    def perbarui_status(self, screen: Screen) -> None:
        """Refresh the right-hand side of a screen's status line: who is here and the warnings."""
        n = len(self.peringatan())
        kanan = Text()
        if self.data.info.terkunci:
            kanan.append("DISAHKAN (terkunci) ", style="bold")
        kanan.append(f"{self.pelaku.nama} {glyph.g('dot')} {PERAN.get(self.pelaku.peran, self.pelaku.peran)}")
        if n:
            kanan.append(f" {glyph.g('dot')} {glyph.g('warn')} {n} (F9)", style="bold")
        for bar in screen.query(StatusBar):
            bar.atur_kanan(kanan)
            if not bar.pesan.plain:
                bar.atur(Text(f"Tersimpan {glyph.g('dot')} rev {self.data.revisi}"))

    # --- actions ---
    def action_layar(self, key: str) -> None:
        if key in LAYAR and self.current_mode != key:
            self.switch_mode(key)

    def action_tahap_berikut(self) -> None:
        i = URUTAN.index(self.current_mode) if self.current_mode in URUTAN else -1
        self.action_layar(URUTAN[min(i + 1, len(URUTAN) - 1)])

    def action_tahap_sebelum(self) -> None:
        i = URUTAN.index(self.current_mode) if self.current_mode in URUTAN else 1
        self.action_layar(URUTAN[max(i - 1, 0)])

    def action_pilih_tahap(self) -> None:
        pilihan = [(f"{fkey.upper()}  {label}", key) for key, label, fkey in AGENDA]

        def pilih(key: str | None) -> None:
            if key:
                self.action_layar(key)
        self.push_screen(PilihDialog("Pindah ke layar", pilihan, petunjuk="Ketik nama layar, Enter"), pilih)

    def action_tetapkan_tahap(self) -> None:
        """Set the session's current stage to this screen's (the projector follows it)."""
        from sesi.persiapan import atur_tahap

        key = self.current_mode
        if key == "berita_acara":
            key = "pleno2"
        self.simpan(atur_tahap, key)

    def action_peringatan(self) -> None:
        from screens.bantuan import BantuanScreen

        items = self.peringatan() or ["Tidak ada peringatan."]
        self.push_screen(BantuanScreen("Peringatan tata cara", "Peringatan tidak menghalangi; periksa bila perlu.",
                                       [("Peringatan", [(glyph.g("warn"), w) for w in items])]))

    def action_bantuan(self) -> None:
        from screens.bantuan import BantuanScreen

        screen = self.screen
        if isinstance(screen, BantuanScreen):
            return
        groups: list[tuple[str, list[tuple[str, str]]]] = []
        focused = screen.focused
        if focused is not None and type(focused).__module__.startswith(("screens", "musrenbang_tui")):
            groups.append(("Pada bagian yang aktif", self._daftar_tombol(focused)))
        groups.append((f"Layar {LABEL_LAYAR.get(self.current_mode, '')}", self._daftar_tombol(screen)))
        groups.append(("Seluruh aplikasi", self._daftar_tombol(self)))
        uraian = getattr(screen, "BANTUAN", "")
        self.push_screen(BantuanScreen(LABEL_LAYAR.get(self.current_mode, ""), uraian, groups))

    def _daftar_tombol(self, node: Any) -> list[tuple[str, str]]:
        out = []
        seen = set()
        for binding in getattr(node, "BINDINGS", []):
            if not isinstance(binding, Binding) or not binding.description or binding.system:
                continue
            key = binding.key_display or ", ".join(self.get_key_display(Binding(k.strip(), "")) for k in
                                                   binding.key.split(","))
            if (key, binding.description) in seen:
                continue
            seen.add((key, binding.description))
            out.append((key, binding.description))
        return out

    def action_keluar(self) -> None:
        self.exit(0)

    def action_help_quit(self) -> None:
        self.notify("Tekan Ctrl+Q untuk keluar. Semua perubahan sudah tersimpan.", title="Keluar?")

    def action_command_palette(self) -> None:
        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(CommandPalette(id="--command-palette", placeholder="Cari perintah…"))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Every action of the app and of the current screen, by its Indonesian description."""
        for key, label, fkey in AGENDA:
            yield SystemCommand(f"Layar {label}", f"Pindah ke layar {label} ({fkey.upper()})",
                                lambda key=key: self.action_layar(key))
        seen = set()
        for node, prefix in ((screen, ""), (self, "")):
            for binding in getattr(node, "BINDINGS", []):
                if not isinstance(binding, Binding) or not binding.description or binding.system:
                    continue
                if binding.action.startswith("layar(") or binding.action in ("command_palette",):
                    continue
                if binding.description in seen:
                    continue
                seen.add(binding.description)
                key = binding.key_display or binding.key.split(",")[0]
                yield SystemCommand(prefix + binding.description, f"Tombol: {key}",
                                    lambda node=node, action=binding.action: self.call_later(
                                        node.run_action, action))

    # --- unexpected errors: log the details, exit non-zero, store untouched ---
    def _fatal_error(self) -> None:
        from .paths import tulis_log

        exc = self._exception
        detail = "".join(traceback.format_exception(exc)) if exc is not None else "(tanpa rincian)"
        try:
            self.log_galat = str(tulis_log(detail))
        except Exception:  # noqa: BLE001 - the log itself failed
            self.log_galat = "(berkas log tidak dapat ditulis)"
        self._return_code = 3
        self._exit_renderables.append(Text(
            "Aplikasi berhenti karena kesalahan tak terduga. Semua perubahan yang sudah tersimpan aman.\n"
            f"Rincian kesalahan: {self.log_galat}"))
        self._close_messages_no_wait()


def mouse_bawaan(mouse: bool) -> bool:
    """Mouse tracking is off over SSH (every movement costs ~4 KB) unless asked for."""
    return mouse or not os.environ.get("SSH_CONNECTION")


def jalankan(path: str, *, layar: str | None = None, kelompok: str | None = None, pelaku: Pelaku | None = None,
             mouse: bool = False, ascii: bool = False, tayang: str | None = None) -> int:
    """Open the store (a clear message before any screen if it cannot be), run the app, return the exit code."""
    try:
        store = Store.buka(path, pelaku=pelaku or Pelaku())
    except SesiError as e:
        print(str(e), file=sys.stderr)
        return 1
    if layar == "berita-acara":
        layar = "berita_acara"
    if tayang is not None:
        from screens.tayang import TayangApp

        app: App = TayangApp(store, tampilan=tayang, kelompok=kelompok, ascii=ascii)
    else:
        app = MusrenbangApp(store, layar=layar, kelompok=kelompok, ascii=ascii)
    app.run(mouse=mouse_bawaan(mouse))
    code = app.return_code or 0
    log = getattr(app, "log_galat", "")
    if code and log:
        print(f"Aplikasi berhenti karena kesalahan tak terduga. Rincian: {log}", file=sys.stderr)
    return code
