"""The Textual app: one mode per agenda stage, saving every change through the store.

Imported only when the UI opens (the CLI imports it lazily), so non-UI commands never load Textual.
"""

from __future__ import annotations

import gc
import importlib
import io
import os
import sys
import time
import weakref
from typing import Any, Callable, Iterable

from rich.console import Console
from rich.text import Text
from textual import events, on
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.reactive import reactive, var
from textual.screen import Screen

from screens import glyph
from screens.base import LayarTahap
from screens.kontrak import DataBerubah
from screens.pengamat import BerkasBerubah, BerkasGagalDibaca, PengamatBerkas
from screens.tombol import buka_palet, isi_tombol, perintah_aktif, perintah_palet, tombol_binding, tombol_footer
from screens.widgets import AGENDA, LABEL_LAYAR, Dialog, Hasil, KonfirmasiDialog, PilihDialog, SimpanBuangDialog
from sesi.data import Data
from sesi.errors import SesiError
from sesi.store import Pelaku, Store

from .gulir import GulirHemat
from .kabar import TABEL_TANPA_NAMA, kabar_perubahan
from .tombol import baca_tombol

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


class MusrenbangApp(GulirHemat, App):
    """Runs one Musrenbang Kecamatan session from one store file."""

    CSS_PATH = "app.tcss"
    TITLE = "Musrenbang Kecamatan"
    ENABLE_COMMAND_PALETTE = True
    COMMAND_PALETTE_BINDING = "ctrl+p"
    MODES = {key: _pabrik(key) for key in LAYAR}
    POLL_DETIK = 0.5
    #: A message of this terminal's own (a save, a refusal) stays this many seconds before a notice of
    #: another terminal's change replaces it; the latest notice follows then. In a hall, changes come in
    #: several times a second: without this a fasilitator's "Tersimpan" was gone before it could be read,
    #: and the status line was sent whole three times a second. 0.6 s, not more: the hold overlaps the
    #: watcher's poll (`POLL_DETIK`), so another terminal's change is still shown within ~0.7 s of its
    #: save (issue 16: p95 <= 1 s; with 1.0 s the hall's p95 was 0.90 s on a quiet machine).
    TAHAN_KABAR = 0.6

    BINDINGS = [
        Binding("f1", "bantuan", "Bantuan", id="app.bantuan", priority=True, key_display="F1",
                tooltip="Tombol dan tindakan yang berlaku sekarang"),
        Binding("question_mark", "bantuan", "Bantuan", id="app.bantuan_tanya", show=False),
        Binding("ctrl+p", "command_palette", "Perintah", id="app.perintah", priority=True, show=False,
                tooltip="Cari dan jalankan tindakan mana pun dengan mengetik namanya"),
        Binding("ctrl+g", "pilih_tahap", "Layar", id="app.pilih_tahap", priority=True, show=False,
                tooltip="Pindah ke layar tahap lain"),
        Binding("ctrl+n", "tahap_berikut", "Berikut", id="app.tahap_berikut", show=False, priority=True,
                tooltip="Layar tahap berikutnya"),
        Binding("ctrl+b", "tahap_sebelum", "Sebelum", id="app.tahap_sebelum", show=False, priority=True,
                tooltip="Layar tahap sebelumnya"),
        Binding("ctrl+t", "tetapkan_tahap", "Tetapkan tahap sesi", id="app.tetapkan_tahap", show=False,
                priority=True, tooltip="Tahap sesi menjadi tahap layar ini (diikuti tampilan proyektor); "
                                       "ditanyakan dahulu"),
        Binding("f9", "peringatan", "Peringatan", id="app.peringatan", show=False, priority=True,
                tooltip="Peringatan tata cara untuk data saat ini"),
        Binding("ctrl+r", "riwayat", "Riwayat perubahan", id="app.riwayat", show=False,
                tooltip="Siapa mengubah apa dan kapan"),
        Binding("ctrl+q", "keluar", "Keluar", id="app.keluar", priority=True,
                tooltip="Perubahan sudah tersimpan; ketikan yang belum disimpan ditanyakan dahulu"),
        Binding("ctrl+c", "help_quit", show=False, system=True),
        # Tab moves the focus the moment the key is read, before the keys that came with it (a burst over
        # SSH, a paste) are handed to a widget: they go to the field Tab moved to, never the one before.
        Binding("tab", "focus_next", "Isian berikut", id="app.fokus_berikut", show=False, priority=True),
        Binding("shift+tab", "focus_previous", "Isian sebelumnya", id="app.fokus_sebelum", show=False,
                priority=True),
        *[Binding(fkey, f"layar('{key}')", f"Layar {label}", id=f"app.layar_{key}", show=False, priority=True,
                  tooltip=f"Pindah ke layar {label}")
          for key, label, fkey in AGENDA],
    ]

    #: The kelompok the Kelompok, Skoring and Pleno II screens show; they `watch` it to follow each other.
    kelompok_aktif: reactive[str] = reactive("", init=False)
    #: The latest status message and whether it is an error (None before the first). Attributes down: the
    #: stage screen of the current mode shows it at once (it `watch`es this), the others when shown again.
    kabar_terakhir: var[tuple[Text, bool] | None] = var(None, init=False)

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
        self.set_reactive(MusrenbangApp.kelompok_aktif, self._cari_kelompok(kelompok) if kelompok else "")
        self.ascii = ascii
        glyph.set_ascii(ascii)
        self._riwayat_dilihat = self._id_riwayat_terakhir()
        self._peringatan_cache: tuple[int, list[str]] = (-1, [])
        #: time.monotonic() when a change from another terminal was last shown (-inf: never). While other
        #: terminals are saving, the warning count follows at most every `LayarTahap.JEDA_PERINGATAN` s
        #: (screens/base.py), also after a save made here.
        self.waktu_perubahan_lain = float("-inf")
        self._nama: Any = None  # screens.riwayat.Nama of the notice, kept while no named table changes
        self._waktu_kabar_sendiri = float("-inf")  # time.monotonic() of this terminal's latest own message
        self._kabar_lain_tertunda: Text | None = None  # a notice waiting for the end of `TAHAN_KABAR`
        self._menulis_kabar_lain = False
        #: Over SSH a text cursor does not blink: each blink is a repaint sent (~43 bytes, twice a second,
        #: the only traffic of a notulen's terminal that waits). It stays shown. (`kursor_berkedip`)
        self.kursor_berkedip = kursor_berkedip()
        self.pengamat = PengamatBerkas(self, store, self.POLL_DETIK)
        keymap, self._pesan_tombol = baca_tombol()
        #: The user's keymap (binding id -> keys), as given to `set_keymap`: prose that names a key reads it
        #: (screens.tombol.isi_tombol), so a remapped key shows its new name everywhere.
        self.peta_tombol: dict[str, str] = keymap
        self.set_keymap(keymap)
        self._bentrok_dikabarkan: set[frozenset[str]] = set()
        #: Stage screens composed so far (every mode keeps its own): asked for unsaved typed text on quit.
        self.layar_terbuka: "weakref.WeakSet[LayarTahap]" = weakref.WeakSet()
        from sesi.draf import Draf

        from .paths import folder_status

        #: Notes typed and not saved yet, kept in this user's own state folder until saved (a crash loses
        #: nothing); the screens that take notes offer them again when they open.
        self.draf = Draf(folder_status(), store.path, store.pelaku.nama)

    # --- start ---
    @on(events.DescendantFocus)
    def _kursor_fokus(self, event: events.DescendantFocus) -> None:
        if not self.kursor_berkedip and hasattr(event.widget, "cursor_blink"):
            event.widget.cursor_blink = False

    def on_mount(self) -> None:
        glyph.pasang_scrollbar(self.ascii)
        if self.ascii:
            self.add_class("ascii")
        self.pengamat.mulai()
        self.set_interval(2.0, self._padatkan_bila_diam, name="padatkan-jurnal")  # sesi/padat.py
        self.title = f"Musrenbang Kecamatan {self.data.info.kecamatan}"
        if self._pesan_tombol:
            self.notify(self._pesan_tombol, severity="warning", timeout=15, markup=False)

    def _padatkan_bila_diam(self) -> None:
        """When the hall is quiet, compact the session journal into the snapshot, in a thread (never
        blocks a key): `Store.padatkan_bila_diam` takes the lock only if it is free."""
        if self.store.perlu_padat():
            self.run_worker(self.store.padatkan_bila_diam, thread=True, group="padat", exit_on_error=False)

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
        """Run one action in one transaction. On success the status line says "Tersimpan - rev N" and the
        active screen gets `DataBerubah` with the changed record ids."""
        rev_awal = self.store.data.revisi
        data_lama = self.data
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
        if self.data.revisi == rev_awal and not perubahan:
            # Nothing was written: say so, not "Tersimpan" (the value was already that).
            self._status(Text(f"Tidak ada yang berubah {glyph.g('dot')} rev {self.data.revisi}"))
            return Hasil(True, nilai=nilai, revisi=self.data.revisi, perubahan={})
        self._status(Text(f"Tersimpan {glyph.g('dot')} rev {self.data.revisi}"))
        # With what other terminals changed since this screen's Data (caught up before the write).
        semua = self.store.perubahan_sejak(data_lama)
        if semua is None or not set(semua) <= TABEL_TANPA_NAMA:
            self._nama = None  # a name the notice shows may have changed
        self._kabarkan(semua if semua is not None else {})
        return Hasil(True, nilai=nilai, revisi=self.data.revisi, perubahan=perubahan)

    def muat_ulang(self) -> None:
        """Show what the store holds now (after a change saved outside `simpan`, e.g. an import worker)."""
        self.data = self.store.data
        self._riwayat_dilihat = self._id_riwayat_terakhir()
        self._nama = None
        self._kabarkan({})

    def _kabarkan(self, perubahan: dict[str, set[str]]) -> None:
        """Messages up... and this one down: the active screen decides what to repaint."""
        self.screen.post_message(DataBerubah(self.data, perubahan))

    def _id_riwayat_terakhir(self) -> str:
        # The key is the entry's id (sesi/riwayat.py); the entry itself is not parsed (sesi/riwayat_ringkas.py).
        return next(reversed(self.data.raw.get("riwayat", {})), "")

    # --- other terminals' changes (read by the shared watcher, see screens/pengamat.py) ---
    @on(BerkasBerubah)
    def _berkas_berubah(self, pesan: BerkasBerubah) -> None:
        data = pesan.data
        # A save made here while the file was being read is newer: the store then holds that one.
        if data is not self.store.data or data.revisi == self.data.revisi:
            return
        perubahan = self.store.perubahan_sejak(self.data)  # None: anything may have changed
        self.data = data
        self.waktu_perubahan_lain = time.monotonic()
        self._kabarkan(perubahan or {})
        self._kabar_lain(self._kabar_terminal_lain(perubahan))

    def _kabar_lain(self, kabar: Text) -> None:
        """Show the notice of another terminal's change now, or when this terminal's own message has been
        up `TAHAN_KABAR` s (only the latest notice is kept meanwhile)."""
        sisa = self._waktu_kabar_sendiri + self.TAHAN_KABAR - time.monotonic()
        if sisa > 0:
            if self._kabar_lain_tertunda is None:
                self.set_timer(sisa, self._kabar_lain_tiba, name="kabar-terminal-lain")
            self._kabar_lain_tertunda = kabar
            return
        self._kabar_lain_tertunda = None
        self._menulis_kabar_lain = True
        try:
            self._status(kabar)
        finally:
            self._menulis_kabar_lain = False

    def _kabar_lain_tiba(self) -> None:
        kabar, self._kabar_lain_tertunda = self._kabar_lain_tertunda, None
        if kabar is not None:  # None: an own message came meanwhile (its save caught up with the change)
            self._kabar_lain(kabar)

    def watch_kabar_terakhir(self, lama: tuple[Text, bool] | None, kabar: tuple[Text, bool] | None) -> None:
        # This terminal's own message (saved here, refused, ...); the first is the screen's "Tersimpan - rev
        # N" on opening, not an action.
        if lama is not None and not self._menulis_kabar_lain:
            self._waktu_kabar_sendiri = time.monotonic()
            self._kabar_lain_tertunda = None

    @on(BerkasGagalDibaca)
    def _berkas_gagal(self, pesan: BerkasGagalDibaca) -> None:
        self._status(Text(f"{glyph.g('warn')} {pesan.pesan}"), True)

    async def baca_perubahan(self) -> None:
        """Poll now and wait until a changed file has been read and shown (what the timer does)."""
        await self.pengamat.baca_sekarang()

    def _kabar_terminal_lain(self, perubahan: dict[str, set[str]] | None = None) -> Text:
        """A one-line notice of who changed what since this terminal last looked, ending in the revision
        now shown ("... · rev N"). `perubahan`: the tables changed (None: unknown), to reuse the names."""
        hist = self.data.raw.get("riwayat", {})
        baru = []
        for key in reversed(hist):
            if key <= self._riwayat_dilihat:
                break
            baru.append(hist[key])
        self._riwayat_dilihat = self._id_riwayat_terakhir()
        if not baru:
            return Text(f"Diperbarui dari terminal lain {glyph.g('dot')} rev {self.data.revisi}")
        from screens.riwayat import Nama  # the history's one formatter: values in words, names for ids

        # Ids in words need every named table (a few ms at 1,000 usulan): kept while only tables that name
        # nothing changed (scores, notes, the history: what a hall sends many times a second).
        if self._nama is None or perubahan is None or not set(perubahan) <= TABEL_TANPA_NAMA:
            self._nama = Nama(self.data)
        return kabar_perubahan(baru[0], self._nama, len(baru) - 1, tombol_binding(self, "app.riwayat"),
                               self.data.revisi, self.size.width or 80)

    def action_riwayat(self) -> None:
        from screens.riwayat import RiwayatScreen

        if not isinstance(self.screen, RiwayatScreen):
            self.push_screen(RiwayatScreen())

    # --- status line ---
    def _status(self, pesan: Text, galat: bool = False) -> None:
        """Attributes down: the stage screen beneath any dialog shows it (`LayarTahap` watches this)."""
        self.kabar_terakhir = (pesan, galat)

    def peringatan_siap(self) -> bool:
        """True when the warnings of the data shown are counted already (`peringatan` returns at once)."""
        return self._peringatan_cache[0] == self.data.revisi

    def peringatan(self) -> list[str]:
        rev, cache = self._peringatan_cache
        if rev != self.data.revisi:
            from sesi.peringatan import peringatan

            cache = peringatan(self.data)
            self._peringatan_cache = (self.data.revisi, cache)
        return cache

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

        from sesi.model import TAHAP

        key = self.current_mode
        if key == "berita_acara":
            key = "pleno2"
        if self.data.info.tahap == key:
            self._status(Text(f"Tahap sesi sudah {TAHAP.get(key, key)}."))
            return
        if self.data.info.terkunci:  # refused anyway: say why at once rather than ask first
            self.simpan(atur_tahap, key)
            return

        def putuskan(ya: bool | None) -> None:
            if ya:
                self.simpan(atur_tahap, key)
        lama = TAHAP.get(self.data.info.tahap, self.data.info.tahap)
        self.push_screen(KonfirmasiDialog(f"Tahap sesi diubah dari {lama} menjadi {TAHAP.get(key, key)}? "
                                          "Tampilan proyektor dan terminal lain ikut berpindah.",
                                          ya="Ubah tahap"), putuskan)

    def action_peringatan(self) -> None:
        from screens.bantuan import BantuanScreen

        items = self.peringatan() or ["Tidak ada peringatan."]
        self.push_screen(BantuanScreen("Peringatan tata cara", "Peringatan tidak menghalangi; periksa bila perlu.",
                                       [("Peringatan", [(glyph.g("warn"), w) for w in items])],
                                       judul_penuh="Peringatan tata cara"))

    def action_bantuan(self) -> None:
        """Help lists what the keys do now: the active bindings (keymap applied, disabled ones left out)."""
        from screens.bantuan import BantuanScreen

        screen = self.screen
        if isinstance(screen, BantuanScreen):
            return
        fokus: list[tuple[str, str, str]] = []
        layar: list[tuple[str, str, str]] = []
        aplikasi: list[tuple[str, str, str]] = []
        for p in perintah_aktif(screen):
            daftar = aplikasi if p.node is self else layar if p.node is screen else fokus
            daftar.append((p.tombol, p.judul, p.binding.tooltip))
        judul = LABEL_LAYAR.get(self.current_mode, "")
        groups = [("Pada bagian yang aktif", fokus), (f"Layar {judul}", layar), ("Seluruh aplikasi", aplikasi)]
        uraian = isi_tombol(screen, screen.BANTUAN) if isinstance(screen, LayarTahap) else ""
        self.push_screen(BantuanScreen(judul, uraian, groups))

    def ketikan_belum_disimpan(self) -> LayarTahap | Dialog | None:
        """The topmost screen holding typed text that is not saved (a dialog first, then stage screens of
        every mode), or None."""
        terbuka: list[Screen] = list(reversed(self.screen_stack))
        terbuka += [layar for layar in self.layar_terbuka if layar not in terbuka]
        for layar in terbuka:
            if isinstance(layar, (LayarTahap, Dialog)) and layar.is_attached and layar.ketikan_belum_disimpan():
                return layar
        return None

    def action_keluar(self) -> None:
        """Quit; typed text that is not saved is asked about first (Simpan / Buang / Batal)."""
        if isinstance(self.screen, SimpanBuangDialog):
            return
        layar = self.ketikan_belum_disimpan()
        if layar is None:
            self.exit(0)
            return

        def putuskan(pilihan: str | None) -> None:
            if pilihan == "buang":
                # Thrown away on purpose: its draft goes too (it is not offered again at the next start).
                # Dialogs too (a form keeps a draft of what was typed in it).
                for terbuka in [*self.screen_stack, *self.layar_terbuka]:
                    buang = getattr(terbuka, "buang_ketikan", None)
                    if buang is not None:
                        buang()
                self.exit(0)
            elif pilihan == "simpan":
                layar.simpan_ketikan()
                # Saved (or refused: the text stays and the refusal shows): ask about the next one, or quit.
                self.call_after_refresh(self._keluar_bila_tersimpan, layar)
        nama = layar.ketikan_belum_disimpan()
        mode = layar.TAHAP if isinstance(layar, LayarTahap) else ""
        if layar not in self.screen_stack and mode in LAYAR:
            self.switch_mode(mode)
        self.push_screen(SimpanBuangDialog(f"Ada ketikan yang belum disimpan: {nama}."), putuskan)

    def _keluar_bila_tersimpan(self, layar: LayarTahap | Dialog) -> None:
        masih = layar.is_attached and layar.ketikan_belum_disimpan()
        if not masih:
            self.action_keluar()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("focus_next", "focus_previous"):
            # A screen or widget that gives Tab a meaning of its own (Skoring: save the value being typed)
            # keeps it: the app's Tab then steps aside and the key goes the usual way.
            key = "tab" if action == "focus_next" else "shift+tab"
            return not _punya_tombol([self.screen, *(self.focused.ancestors_with_self if self.focused else [])],
                                     key)
        return True

    def get_key_display(self, binding: Binding) -> str:
        """Key names in the Footer written the one way help writes them ("F9", "Ctrl+N")."""
        return tombol_footer(binding)

    def action_help_quit(self) -> None:
        self.notify(isi_tombol(self, "Tekan {app.keluar} untuk keluar. Semua perubahan sudah tersimpan."),
                    title="Keluar?")

    def action_command_palette(self) -> None:
        buka_palet(self)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Every enabled action of the focused widget, the screen and the app, by its description."""
        return perintah_palet(screen)

    def handle_bindings_clash(self, clashed_bindings: set[Binding], node: Any) -> None:
        """A user's keymap gave a key to two actions: say so once (the first declared one wins)."""
        ids = frozenset(b.id or b.action for b in clashed_bindings)
        if ids in self._bentrok_dikabarkan:
            return
        self._bentrok_dikabarkan.add(ids)
        self.notify("Berkas tombol memberi satu tombol kepada beberapa tindakan: " + ", ".join(sorted(ids))
                    + ". Ubah salah satunya.", title="Berkas tombol", severity="warning", timeout=15, markup=False)


def _punya_tombol(nodes: Iterable[Any], key: str) -> bool:
    """Whether one of `nodes` (not the App) declares a binding on `key` in its own class's BINDINGS (ours,
    not Textual's: its Screen binds Tab to the app's focus_next)."""
    for node in nodes:
        if isinstance(node, App):
            continue
        for cls in type(node).__mro__:
            if not cls.__module__.startswith(("screens.", "musrenbang_tui.")):
                continue
            for b in cls.__dict__.get("BINDINGS", []):
                if isinstance(b, Binding) and key in b.key.split(","):
                    return True
    return False


def kursor_berkedip() -> bool:
    """Text cursors blink unless over SSH (`SSH_CONNECTION` set, as for the mouse): there every blink is
    bytes on a link that may be 64 kbit/s."""
    return not os.environ.get("SSH_CONNECTION")


def mouse_bawaan(mouse: bool) -> bool:
    """Mouse tracking is off over SSH (every movement costs ~4 KB) unless asked for."""
    return mouse or not os.environ.get("SSH_CONNECTION")


def jalankan_app(app: App, **kwargs: Any) -> int:
    """Run `app` and return its exit code. An unexpected error stops it with code 3: the details go to the
    private log (`paths.tulis_log`), the user reads where; the store is untouched (every save is atomic).

    Textual ends the app with return code 1 on an unhandled exception and prints the traceback to the
    app's `error_console`; that console is recorded here instead of shown.
    """
    # What is loaded by now (the session read, the modules) stays for the whole run: the cyclic collector
    # need not walk it again. At 5,000 usulan a full collection of it took ~70 ms of the first paint.
    gc.freeze()
    gc.enable()  # paused by the CLI while the session was read (cli._siapkan_ui)
    rekaman = io.StringIO()
    asli = app.error_console
    app.error_console = Console(file=rekaman, width=110, markup=False, highlight=False, color_system=None)
    try:
        app.run(**kwargs)
    finally:
        app.error_console = asli
    keluaran = rekaman.getvalue()
    code = app.return_code or 0
    if code == 1:
        from .paths import tulis_log

        try:
            rincian = f"Rincian kesalahan: {tulis_log(keluaran or '(tanpa rincian)')}"
        except Exception:  # noqa: BLE001 - the log itself failed
            rincian = "Berkas log tidak dapat ditulis."
        print("Aplikasi berhenti karena kesalahan tak terduga. Semua perubahan yang sudah tersimpan aman.\n"
              + rincian, file=sys.stderr)
        return 3
    if keluaran:
        sys.stderr.write(keluaran)
    return code


def jalankan(path: str, *, layar: str | None = None, kelompok: str | None = None, pelaku: Pelaku | None = None,
             mouse: bool = False, ascii: bool = False, tayang: str | None = None, store: Store | None = None) -> int:
    """Open the store (a clear message before any screen if it cannot be), run the app, return the exit code.

    `store`: the session already read by the caller (the CLI reads it once to learn the roles); it is read
    again only if the file changed since."""
    try:
        if store is None:
            store = Store.buka(path, pelaku=pelaku or Pelaku())
        else:
            store.muat()
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
    try:
        return jalankan_app(app, mouse=mouse_bawaan(mouse))
    finally:
        store.tutup()  # the journal compacted into the session file (sesi/padat.py); never raises
