"""Part 6 of the Persiapan screen: import a CSV file (usulan, peserta, kriteria, skor) from inside the app.

The import reads the file and writes one transaction, which can take a while for a big file: it runs in a
thread worker that never touches a widget and posts `ImporSelesai` back. The report is the one the CLI
prints: the summary, or the refusal with every problem (file, row, column), scrollable.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Button, ContentSwitcher, DirectoryTree, Input, Label, Select, Static

from sesi.csv_import import JENIS, KOLOM
from sesi.errors import SesiError

from ..glyph import g
from .bagian import BagianPersiapan
from ..teks import teks_baris

JUDUL_JENIS = {"usulan": "Usulan", "peserta": "Peserta", "kriteria": "Kriteria", "skor": "Skor"}


@dataclass
class LaporanImpor:
    """What the CLI would print: the first line, then the problems (empty when it went through)."""

    ok: bool
    judul: str
    masalah: list[str]


def laporan_dari(hasil: Any = None, galat: SesiError | None = None) -> LaporanImpor:
    if galat is not None:
        masalah = list(getattr(galat, "masalah", None) or [])
        if masalah == [galat.pesan]:
            masalah = []
        return LaporanImpor(False, galat.pesan, masalah)
    return LaporanImpor(True, hasil.ringkasan, [])


def jalankan_impor(store: Any, jenis: str, path: str) -> LaporanImpor:
    """Run the import (in a worker thread: no widget may be touched here)."""
    from sesi.csv_import import impor

    try:
        return laporan_dari(hasil=impor(store, jenis, path))
    except SesiError as e:
        return laporan_dari(galat=e)


class PohonCsv(DirectoryTree):
    """Folders and CSV/TXT files only; hidden ones left out. Plain markers instead of emoji (which SSH
    terminals and the Linux console draw badly)."""

    ICON_NODE = "▸ "
    ICON_NODE_EXPANDED = "▾ "
    ICON_FILE = "  "

    def __init__(self, path: str, *, ascii: bool = False, **kwargs: Any):
        super().__init__(path, **kwargs)
        if ascii:
            self.ICON_NODE, self.ICON_NODE_EXPANDED = "+ ", "- "
            garis = ("  ", "| ", "`-", "|-")
            self.LINES = {"default": garis, "bold": garis, "double": garis}

    def filter_paths(self, paths: Iterable[Path]) -> Iterable[Path]:
        out = []
        for p in paths:
            if p.name.startswith("."):
                continue
            try:
                if p.is_dir() or p.suffix.casefold() in (".csv", ".txt"):
                    out.append(p)
            except OSError:
                continue
        return out


class BagianImpor(BagianPersiapan):
    KUNCI = "impor"
    PETUNJUK = "Enter atau Ctrl+O: impor · Ctrl+L: telusuri folder · Tab: pindah ke laporan"

    class Selesai(Message):
        """The import worker finished (posted from the worker thread)."""

        def __init__(self, jenis: str, path: str, laporan: LaporanImpor):
            super().__init__()
            self.jenis = jenis
            self.path = path
            self.laporan = laporan

    def __init__(self) -> None:
        super().__init__()
        self.sedang = False
        #: the report of the last import, as shown
        self.laporan: LaporanImpor | None = None

    def compose(self) -> ComposeResult:
        with Horizontal(classes="baris"):
            yield Label("Jenis")
            yield Select([(JUDUL_JENIS[j], j) for j in JENIS], value="usulan", allow_blank=False, compact=True,
                         id="impor-jenis")
            yield Label("Berkas CSV")
            yield Input(placeholder="path, mis. data/usulan.csv", id="impor-path", compact=True)
        with Horizontal(classes="baris tombol"):
            yield Button("Impor (Enter)", id="impor-jalan", variant="primary", compact=True)
            yield Button("Telusuri folder (Ctrl+L)", id="impor-telusuri", compact=True)
        with ContentSwitcher(initial="impor-laporan"):
            with VerticalScroll(id="impor-laporan", can_focus=True):
                yield Static(self._panduan("usulan"), id="impor-isi")
        yield self.petunjuk()

    def utama(self) -> Widget | None:
        return self.query_one("#impor-path", Input)

    def _panduan(self, jenis: str) -> Text:
        out = Text()
        out.append(f"Kolom berkas {jenis} (* wajib): ", style="bold")
        out.append(", ".join(k + ("*" if wajib else "") for k, wajib in KOLOM[jenis].items()))
        out.append("\nPemisah koma atau titik koma; UTF-8 atau cp1252; judul kolom di baris 1. Bila ada satu "
                   "saja masalah, tidak ada data yang diubah dan setiap masalah disebutkan di sini.")
        if jenis == "kriteria":
            out.append("\nKriteria yang diimpor menggantikan seluruh kriteria (hanya selama belum ada nilai skor).")
        return out

    @on(Select.Changed, "#impor-jenis")
    def _jenis_berubah(self, event: Select.Changed) -> None:
        if not self.sedang and self.laporan is None:
            self.query_one("#impor-isi", Static).update(self._panduan(str(event.value)))

    # --- browsing ---
    async def telusuri(self) -> None:
        """Show (or hide) a folder tree to pick the file; it is built on first use, from the current folder."""
        switcher = self.query_one(ContentSwitcher)
        if switcher.current == "impor-pohon":
            switcher.current = "impor-laporan"
            self.query_one("#impor-path", Input).focus()
            return
        if not self.query("#impor-pohon"):
            await switcher.mount(PohonCsv(os.getcwd(), ascii=self.aplikasi.ascii, id="impor-pohon"))
        switcher.current = "impor-pohon"
        self.query_one("#impor-pohon", PohonCsv).focus()

    @on(Button.Pressed, "#impor-telusuri")
    async def _tombol_telusuri(self) -> None:
        await self.telusuri()

    @on(DirectoryTree.FileSelected, "#impor-pohon")
    def _berkas_dipilih(self, event: DirectoryTree.FileSelected) -> None:
        event.stop()
        path = str(event.path)
        try:
            path = os.path.relpath(path)
        except ValueError:  # another drive (Windows)
            pass
        inp = self.query_one("#impor-path", Input)
        inp.value = path
        self.query_one(ContentSwitcher).current = "impor-laporan"
        inp.focus()

    # --- running ---
    @on(Input.Submitted, "#impor-path")
    @on(Button.Pressed, "#impor-jalan")
    def _jalan(self) -> None:
        self.jalankan()

    def jalankan(self) -> None:
        if self.sedang:
            self.kabar("Impor sebelumnya masih berjalan; tunggu sampai selesai.")
            return
        path = os.path.expanduser(self.query_one("#impor-path", Input).value.strip())
        if not path:
            self.kabar("Ketik path berkas CSV terlebih dahulu (atau Ctrl+L untuk menelusuri folder).", galat=True)
            self.query_one("#impor-path", Input).focus()
            return
        jenis = str(self.query_one("#impor-jenis", Select).value)
        self.sedang = True
        self.query_one("#impor-jalan", Button).disabled = True
        self.query_one(ContentSwitcher).current = "impor-laporan"
        self.query_one("#impor-isi", Static).update(teks_baris(f"Memeriksa {path} sebagai data {jenis}{g('ell')}"))
        self.kabar(f"Mengimpor {jenis} dari {path}{g('ell')}")
        store = self.aplikasi.store

        def kerja() -> None:
            # Worker thread: reads the file and writes one transaction; only posts a message back.
            self.post_message(self.Selesai(jenis, path, jalankan_impor(store, jenis, path)))
        self.run_worker(kerja, thread=True, name="impor-csv", group="impor", exit_on_error=True)

    @on(Selesai)
    def _selesai(self, event: Selesai) -> None:
        event.stop()
        self.sedang = False
        self.query_one("#impor-jalan", Button).disabled = False
        lap = self.laporan = event.laporan
        out = Table.grid(padding=(0, 1))
        out.add_column(no_wrap=True)
        out.add_column(ratio=1)
        out.add_row(Text(g("ok") if lap.ok else g("warn"), style="bold"), teks_baris(lap.judul, "bold"))
        for m in lap.masalah:
            out.add_row(Text("-"), teks_baris(m))
        self.query_one("#impor-isi", Static).update(out)
        scroll = self.query_one("#impor-laporan", VerticalScroll)
        scroll.scroll_home(animate=False)
        if lap.ok:
            self.aplikasi.muat_ulang()
            self.kabar(f"Tersimpan {g('dot')} rev {self.data.revisi} {g('dot')} {lap.judul}")
        else:
            self.kabar("Impor ditolak; tidak ada yang diubah.", galat=True)
            if lap.masalah:
                scroll.focus()
            self.app.bell()
