"""Part 6 of the Persiapan screen: import a file (a workbook .xlsx/.xls/.ods or a CSV) of usulan, peserta,
kriteria or skor, through the domain's two calls (`sesi.impor`, docs/impor.md):

1. Enter on the path shows a preview (`pratinjau`): the header row found, each header with the column it
   goes to and the first three rows, required columns still unmapped, the rows skipped and why, every
   problem, and the suggestions for names the session does not know. The user changes a mapping (Enter on a
   header: pick the column, or "abaikan"; Delete: ignore it), accepts a suggestion (Enter), chooses a sheet
   of a workbook with several tables, and the bidang for a file without one; each choice refreshes the
   preview. The preview never changes the session.
2. Ctrl+S imports (`impor`) with those choices; the report says what was added, updated, doubled and
   skipped, or lists every problem of a refused file (nothing changed).

Both calls read the file and can take a while: they run in thread workers that never touch a widget and post
a message back (`PratinjauSiap`, `Selesai`). The mapping used is remembered by the session for the next file.

This module is the part itself (its state and the order of things). The calls run in the workers are in
screens/persiapan/impor_kerja.py, the preview's tables and text in screens/persiapan/pratinjau.py, the
folder tree in screens/persiapan/pohon.py.
"""

from __future__ import annotations

import os

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Button, ContentSwitcher, DirectoryTree, Input, Label, Select, Static

from sesi.impor import JENIS, KOLOM, Pratinjau, Saran, tabel_skpd_bidang
from sesi.nama import BIDANG_BAKU

from ..glyph import g
from ..teks import potong, teks_baris
from ..tombol import isi_tombol, tombol_binding
from ..widgets import Isian, PilihDialog, Tabel, mengambil_teks_sendiri
from .bagian import BagianPersiapan, bidang_usulan
from .impor_kerja import LaporanImpor, Pilihan, buat_pratinjau, jalankan_impor
from .pohon import PohonCsv
from .pratinjau import (
    TabelPemetaan,
    TabelSaran,
    TerimaSaran,
    UbahPemetaan,
    isi_peta,
    isi_saran,
    tabel_laporan,
    tabel_masalah,
    teks_ringkas,
)

JUDUL_JENIS = {"usulan": "Usulan", "peserta": "Peserta", "kriteria": "Kriteria", "skor": "Skor"}
#: Choice values of the sheet and bidang selects and of the mapping dialog (never a column or sheet key).
SEMUA_LEMBAR = "*"  # Excel forbids * in a sheet name
TANPA_BIDANG = ""
ABAIKAN = "*"


class BagianImpor(BagianPersiapan):
    KUNCI = "impor"
    PETUNJUK = ("Enter: pratinjau · {persiapan.impor.jalan}: impor · {persiapan.telusuri}: telusuri folder · "
                "{app.fokus_berikut}: pindah")
    #: The hint line while the preview is shown: its own keys (the Footer has room for the main ones only).
    PETUNJUK_PRATINJAU = ("{persiapan.impor.pilih_kolom}: pilih kolom · {persiapan.impor.abaikan}: abaikan judul · "
                          "{persiapan.impor.jalan}: impor · {app.fokus_berikut}: pindah")
    #: Letters typed on the part's path, buttons or selects are the path being typed, never hotkeys (they go
    #: to the path); its tables say otherwise (MENGAMBIL_TEKS = False).
    MENGAMBIL_TEKS = True

    BINDINGS = [
        Binding("ctrl+s", "impor", "Impor", id="persiapan.impor.jalan",
                tooltip="Impor berkas dengan pemetaan, lembar, bidang dan saran yang dipilih; bila ada satu saja "
                        "masalah, tidak ada yang diubah"),
    ]

    class Selesai(Message):
        """The import worker finished (posted from the worker thread)."""

        def __init__(self, jenis: str, path: str, laporan: LaporanImpor):
            super().__init__()
            self.jenis = jenis
            self.path = path
            self.laporan = laporan

    class PratinjauSiap(Message):
        """A preview worker finished (posted from the worker thread); `nomor` tells a stale one."""

        def __init__(self, nomor: int, pratinjau: Pratinjau):
            super().__init__()
            self.nomor = nomor
            self.pratinjau = pratinjau

    def __init__(self) -> None:
        super().__init__()
        self.sedang = False
        #: the report of the last import, as shown
        self.laporan: LaporanImpor | None = None
        #: the file and kind the choices below are for
        self.berkas = ""
        self.jenis = ""
        self.pilihan = Pilihan()
        #: the last preview shown (None before the first, or after another file or kind was chosen)
        self.pratinjau: Pratinjau | None = None
        #: every suggestion seen for this file, accepted or not, by (column, value as written)
        self.saran: dict[tuple[str, str], Saran] = {}
        #: the sheets holding a table, from the preview of the whole workbook
        self.daftar_lembar: list[str] = []
        self._nomor = 0  # of the latest preview asked for
        self._pindah_fokus = False  # the next preview moves the focus to its tables (a new file)

    def compose(self) -> ComposeResult:
        with Horizontal(classes="baris"):
            yield Label("Jenis")
            yield Select([(JUDUL_JENIS[j], j) for j in JENIS], value="usulan", allow_blank=False, compact=True,
                         id="impor-jenis")
            yield Label("Berkas")
            yield Isian(placeholder="path .xlsx/.xls/.ods/.csv", id="impor-path",
                        compact=True)
        with Horizontal(classes="baris tombol"):
            yield Button("Pratinjau (Enter)", id="impor-periksa", compact=True)
            yield Button(isi_tombol(self, "Impor ({persiapan.impor.jalan})"), id="impor-jalan", variant="primary",
                         compact=True)
            yield Button(isi_tombol(self, "Telusuri folder ({persiapan.telusuri})"), id="impor-telusuri",
                         compact=True)
        with ContentSwitcher(initial="impor-laporan"):
            laporan = VerticalScroll(id="impor-laporan", can_focus=True)
            laporan.MENGAMBIL_TEKS = False  # the report: the screen's keys (5, p, ...) work here
            with laporan:
                yield Static(self._panduan("usulan"), id="impor-isi")
            with Vertical(id="impor-pratinjau"):
                yield Static(id="impor-ringkas")
                with Horizontal(id="impor-pilihan"):
                    yield Label("Lembar", id="impor-label-lembar")
                    yield Select([("Semua lembar", SEMUA_LEMBAR)], value=SEMUA_LEMBAR, allow_blank=False,
                                 compact=True, id="impor-lembar")
                    yield Label("Bidang", id="impor-label-bidang")
                    yield Select([("Dari kolom bidang/SKPD", TANPA_BIDANG)], value=TANPA_BIDANG, allow_blank=False,
                                 compact=True, id="impor-bidang")
                yield TabelPemetaan(id="impor-peta", zebra_stripes=False)
                yield TabelSaran(id="impor-saran", zebra_stripes=False)
                with VerticalScroll(id="impor-masalah", can_focus=True):
                    yield Static(id="impor-masalah-isi")
        yield self.petunjuk()

    def on_mount(self) -> None:
        self.watch(self.query_one(ContentSwitcher), "current", self._tampilan_berubah, init=False)

    def _tampilan_berubah(self, tampil: str | None) -> None:
        """The hint line names the keys of what is shown: the preview's own, or the part's."""
        petunjuk = self.PETUNJUK_PRATINJAU if tampil == "impor-pratinjau" else self.PETUNJUK
        self.query_one(".petunjuk", Static).update(self.teks_petunjuk(petunjuk))

    def utama(self) -> Widget | None:
        return self.query_one("#impor-path", Input)

    def on_key(self, event: events.Key) -> None:
        """A character typed while the focus is on a button or a select belongs to the path: it goes there."""
        inp = self.query_one("#impor-path", Input)
        fokus = self.screen.focused
        if (event.is_printable and event.character and isinstance(fokus, (Button, Select))
                and not mengambil_teks_sendiri(fokus)):
            event.stop()
            event.prevent_default()
            inp.focus()
            inp.insert_text_at_cursor(event.character)

    def _panduan(self, jenis: str) -> Text:
        out = Text()
        out.append(f"Kolom berkas {jenis} (* wajib): ", style="bold")
        out.append(", ".join(k + ("*" if wajib else "") for k, wajib in KOLOM[jenis].items()))
        out.append("\nLembar kerja (.xlsx, .xls, .ods; setiap lembar yang berisi tabel) atau CSV. Baris judul kolom "
                   "dicari sendiri; nama kolom ekspor SIPD dan formulir lampiran dikenali. Pratinjau menampilkan "
                   "pemetaan kolom, tiga baris pertama, baris yang dilewati, masalah dan saran; pemetaan dapat "
                   "diubah di sana dan diingat sesi untuk berkas berikutnya. Bila ada satu saja masalah, tidak ada "
                   "data yang diubah dan setiap masalah disebutkan.")
        if jenis == "kriteria":
            out.append("\nKriteria yang diimpor menggantikan seluruh kriteria (hanya selama belum ada nilai skor).")
        return out

    @on(Select.Changed, "#impor-jenis")
    def _jenis_berubah(self, event: Select.Changed) -> None:
        if str(event.value) == self.jenis:
            return
        self._lupakan()
        if not self.sedang:
            self.laporan = None
            self.query_one("#impor-isi", Static).update(self._panduan(str(event.value)))
            self.query_one(ContentSwitcher).current = "impor-laporan"

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

    # --- choices ---
    def _lupakan(self) -> None:
        """Another file or kind: the choices made for the last one no longer apply."""
        self.berkas = self.jenis = ""
        self.pilihan = Pilihan()
        self.pratinjau = None
        self.saran = {}
        self.daftar_lembar = []
        self._nomor += 1  # a preview still running is for the old file

    def _masukan(self, pesan_kosong: str) -> tuple[str, str] | None:
        """(path, kind) as typed and chosen; a new file or kind forgets the earlier choices."""
        inp = self.query_one("#impor-path", Input)
        path = os.path.expanduser(inp.value.strip())
        if not path:
            self.kabar(pesan_kosong, galat=True)
            inp.focus()
            return None
        jenis = str(self.query_one("#impor-jenis", Select).value)
        if (path, jenis) != (self.berkas, self.jenis):
            self._lupakan()
            self.berkas, self.jenis = path, jenis
            self._pindah_fokus = True
        return path, jenis

    # --- preview ---
    @on(Input.Submitted, "#impor-path")
    @on(Button.Pressed, "#impor-periksa")
    def _periksa(self) -> None:
        self.periksa()

    def periksa(self) -> None:
        """Show the preview of the file typed (again, with the current choices, for the same file)."""
        masukan = self._masukan(isi_tombol(self, "Ketik path berkas terlebih dahulu (atau {persiapan.telusuri} untuk "
                                                 "menelusuri folder)."))
        if masukan is None:
            return
        self._minta_pratinjau()

    def _minta_pratinjau(self) -> None:
        path, jenis, pilihan = self.berkas, self.jenis, self.pilihan
        self._nomor += 1
        nomor = self._nomor
        if self.pratinjau is None:
            self.query_one(ContentSwitcher).current = "impor-laporan"
            self.query_one("#impor-isi", Static).update(teks_baris(f"Membaca {path}{g('ell')}"))
        self.kabar(f"Membaca {path} sebagai data {jenis}{g('ell')}")
        store = self.aplikasi.store

        def kerja() -> None:
            # Worker thread: reads the file, changes nothing; only posts a message back.
            self.post_message(self.PratinjauSiap(nomor, buat_pratinjau(store, jenis, path, pilihan)))
        self.run_worker(kerja, thread=True, name="impor-pratinjau", group="impor-pratinjau", exit_on_error=True)

    @on(PratinjauSiap)
    def _pratinjau_siap(self, event: PratinjauSiap) -> None:
        event.stop()
        if event.nomor != self._nomor:
            return  # a newer preview was asked for
        p = self.pratinjau = event.pratinjau
        for s in p.saran:
            self.saran.setdefault((s.kolom, s.nilai), s)
        if self.pilihan.lembar is None and p.lembar:
            self.daftar_lembar = [lb for lb in p.lembar if lb]
        if not p.judul:  # no table read: the problems are the whole story
            self.query_one(ContentSwitcher).current = "impor-laporan"
            self._tampilkan_laporan(LaporanImpor(False, p.masalah[0] if p.masalah else "Berkas tidak dapat dibaca.",
                                                 p.masalah[1:]), simpan=False)
            self.kabar("Berkas tidak dapat dipratinjau; lihat masalahnya di bawah.", galat=True)
            return
        self.query_one(ContentSwitcher).current = "impor-pratinjau"
        self._isi_ringkas(p)
        self._isi_pilihan()
        self._isi_peta(p)
        self._isi_saran()
        self._isi_masalah(p)
        if p.siap:
            self.kabar(isi_tombol(self, "Pratinjau: tidak ada masalah; {persiapan.impor.jalan} mengimpor."))
        else:
            self.kabar("Pratinjau: ada masalah; berkas akan ditolak bila diimpor sekarang.", galat=True)
        if self._pindah_fokus:
            self._pindah_fokus = False
            terbuka = [k for k in self.saran if k not in self.pilihan.terima_saran]
            tabel = self.query_one("#impor-saran" if terbuka else "#impor-peta", Tabel)
            tabel.focus()

    def _isi_ringkas(self, p: Pratinjau) -> None:
        self.query_one("#impor-ringkas", Static).update(teks_ringkas(
            p, tombol_binding(self, "persiapan.impor.jalan"), tombol_binding(self, "persiapan.impor.pilih_kolom")))

    def _isi_pilihan(self) -> None:
        """The sheet chooser (a workbook with several tables) and the bidang for a file without a bidang column
        (usulan; the SKPD-to-bidang table gives it otherwise)."""
        lembar = self.query_one("#impor-lembar", Select)
        ada_lembar = len(self.daftar_lembar) > 1
        if ada_lembar:
            pilihan = [("Semua lembar", SEMUA_LEMBAR)] + [(potong(lb, 30), lb) for lb in self.daftar_lembar]
            lembar.set_options(pilihan)
            lembar.value = self.pilihan.lembar or SEMUA_LEMBAR
        for w in (lembar, self.query_one("#impor-label-lembar")):
            w.display = ada_lembar
        bidang = self.query_one("#impor-bidang", Select)
        p = self.pratinjau
        ada_bidang = self.jenis == "usulan" and (bool(self.pilihan.bidang) or p is None
                                                or "bidang" not in p.pemetaan.values())
        if ada_bidang:
            bidang.set_options([("Dari kolom bidang/SKPD", TANPA_BIDANG)]
                               + [(potong(b, 34), b) for b in self._bidang_dikenal()])
            bidang.value = self.pilihan.bidang or TANPA_BIDANG
        for w in (bidang, self.query_one("#impor-label-bidang")):
            w.display = ada_bidang
        self.query_one("#impor-pilihan").display = ada_lembar or ada_bidang

    def _bidang_dikenal(self) -> list[str]:
        data = self.data
        semua = [*BIDANG_BAKU, *bidang_usulan(data), *tabel_skpd_bidang(data).values()]
        if self.pilihan.bidang:
            semua.append(self.pilihan.bidang)
        return list(dict.fromkeys(b for b in semua if b))

    def _isi_peta(self, p: Pratinjau) -> None:
        tabel = self.query_one("#impor-peta", Tabel)
        kolom, rows = isi_peta(p, tabel.size.width or 78, tombol_binding(self, "persiapan.impor.pilih_kolom"))
        tabel.clear(columns=True)  # the number of example rows differs from file to file
        tabel.isi(kolom, rows)

    def _isi_saran(self) -> None:
        tabel = self.query_one("#impor-saran", Tabel)
        tabel.display = bool(self.saran)
        berkas = self.pratinjau.berkas if self.pratinjau is not None else ""
        tabel.isi(*isi_saran(self.saran, self.pilihan.terima_saran, berkas))

    def _isi_masalah(self, p: Pratinjau) -> None:
        self.query_one("#impor-masalah-isi", Static).update(tabel_masalah(p))

    # --- choices on the preview ---
    @on(UbahPemetaan)
    def _ubah_pemetaan(self, event: UbahPemetaan) -> None:
        event.stop()
        p = self.pratinjau
        if p is None or not event.kunci:
            return
        if event.kunci.startswith("k:"):  # a required column no header maps to: pick the header
            kolom = event.kunci[2:]
            if event.abaikan:
                self.kabar(isi_tombol(self, f"Kolom {kolom} wajib; pilih judul berkas untuknya dengan "
                                           "{persiapan.impor.pilih_kolom}."), galat=True)
                return
            pilihan = [(f"{h}  ({potong(p.pemetaan.get(h) or 'diabaikan', 24)})", str(i))
                       for i, h in enumerate(p.judul) if h]

            def judul_dipilih(nilai: str | None) -> None:
                if nilai is not None:
                    self._petakan(p.judul[int(nilai)], kolom)
            self.app.push_screen(PilihDialog(f"Judul berkas untuk kolom {kolom}", pilihan), judul_dipilih)
            return
        judul = p.judul[int(event.kunci[1:])]
        if event.abaikan:
            self._petakan(judul, "")
            return
        sekarang = p.pemetaan.get(judul, "")
        pilihan = [("(abaikan: kolom ini tidak diimpor)", ABAIKAN)]
        for k, wajib in p.kolom.items():
            dipakai = next((h for h, v in p.pemetaan.items() if v == k and h != judul), "")
            label = k + (" (wajib)" if wajib else "") + (f" - kini dari '{potong(dipakai, 20)}'" if dipakai else "")
            pilihan.append((label, k))
        if sekarang:  # the current column first, so Enter keeps it
            pilihan.sort(key=lambda lv: lv[1] != sekarang)

        def kolom_dipilih(nilai: str | None) -> None:
            if nilai is not None:
                self._petakan(judul, "" if nilai == ABAIKAN else nilai)
        self.app.push_screen(PilihDialog(f"Kolom aplikasi untuk judul '{potong(judul, 40)}'", pilihan), kolom_dipilih)

    def _petakan(self, judul: str, kolom: str) -> None:
        """Map one header (`kolom` "" ignores it); a header mapped to the same column before is ignored."""
        p = self.pratinjau
        pemetaan = dict(self.pilihan.pemetaan)
        if kolom and p is not None:
            for h, v in p.pemetaan.items():
                if v == kolom and h != judul:
                    pemetaan[h] = ""
        pemetaan[judul] = kolom
        self.pilihan = Pilihan(self.pilihan.lembar, pemetaan, self.pilihan.terima_saran, self.pilihan.bidang)
        self.kabar(f"Judul '{judul}' {'-> ' + kolom if kolom else 'diabaikan'}; pratinjau diperbarui.")
        self._minta_pratinjau()

    @on(TerimaSaran)
    def _terima_saran(self, event: TerimaSaran) -> None:
        event.stop()
        if not event.kunci:
            return
        kunci = list(self.saran)[int(event.kunci[1:])]
        terima = set(self.pilihan.terima_saran) ^ {kunci}
        self.pilihan = Pilihan(self.pilihan.lembar, self.pilihan.pemetaan, frozenset(terima), self.pilihan.bidang)
        s = self.saran[kunci]
        if kunci in terima:
            self.kabar(f"Saran diterima: '{s.nilai}' -> '{s.saran}'; pratinjau diperbarui.")
        else:
            self.kabar(f"Saran dibatalkan: '{s.nilai}' tetap seperti tertulis; pratinjau diperbarui.")
        self._isi_saran()
        self._minta_pratinjau()

    @on(Select.Changed, "#impor-lembar")
    def _lembar_berubah(self, event: Select.Changed) -> None:
        lembar = None if event.value in (SEMUA_LEMBAR, Select.BLANK) else str(event.value)
        if lembar == self.pilihan.lembar or self.pratinjau is None:
            return
        self.pilihan = Pilihan(lembar, self.pilihan.pemetaan, self.pilihan.terima_saran, self.pilihan.bidang)
        self._minta_pratinjau()

    @on(Select.Changed, "#impor-bidang")
    def _bidang_berubah(self, event: Select.Changed) -> None:
        bidang = "" if event.value in (TANPA_BIDANG, Select.BLANK) else str(event.value)
        if bidang == self.pilihan.bidang or self.pratinjau is None:
            return
        self.pilihan = Pilihan(self.pilihan.lembar, self.pilihan.pemetaan, self.pilihan.terima_saran, bidang)
        self._minta_pratinjau()

    # --- import ---
    @on(Button.Pressed, "#impor-jalan")
    def _jalan(self) -> None:
        self.jalankan()

    def action_impor(self) -> None:
        self.jalankan()

    def jalankan(self) -> None:
        """Import the file typed, with the choices made on its preview (if any)."""
        if self.sedang:
            self.kabar("Impor sebelumnya masih berjalan; tunggu sampai selesai.")
            return
        masukan = self._masukan(isi_tombol(self, "Ketik path berkas terlebih dahulu (atau {persiapan.telusuri} untuk "
                                                 "menelusuri folder)."))
        if masukan is None:
            return
        path, jenis = masukan
        pilihan = self.pilihan
        self._pindah_fokus = False
        self.sedang = True
        self.query_one("#impor-jalan", Button).disabled = True
        self.kabar(f"Mengimpor {jenis} dari {path}{g('ell')}")
        store = self.aplikasi.store

        def kerja() -> None:
            # Worker thread: reads the file and writes one transaction; only posts a message back.
            self.post_message(self.Selesai(jenis, path, jalankan_impor(store, jenis, path, pilihan)))
        self.run_worker(kerja, thread=True, name="impor-berkas", group="impor", exit_on_error=True)

    @on(Selesai)
    def _selesai(self, event: Selesai) -> None:
        event.stop()
        self.sedang = False
        self.query_one("#impor-jalan", Button).disabled = False
        self.query_one(ContentSwitcher).current = "impor-laporan"
        self._tampilkan_laporan(event.laporan, event.jenis)

    def _tampilkan_laporan(self, lap: LaporanImpor, jenis: str = "", simpan: bool = True) -> None:
        self.laporan = lap
        self.query_one("#impor-isi", Static).update(tabel_laporan(lap))
        scroll = self.query_one("#impor-laporan", VerticalScroll)
        scroll.scroll_home(animate=False)
        if not simpan:
            return
        if lap.ok:
            self.aplikasi.muat_ulang()
            jumlah = (f"{lap.baru} baru, {lap.diperbarui} diperbarui, {lap.ganda} ganda"
                      if jenis in ("usulan", "peserta") or lap.baru or lap.diperbarui else lap.judul)
            self.kabar(f"Tersimpan {g('dot')} rev {self.data.revisi} {g('dot')} {jumlah}")
            self.pratinjau = None  # the session changed: Enter shows a new preview
            scroll.focus()
        else:
            self.kabar("Impor ditolak; tidak ada yang diubah.", galat=True)
            if lap.masalah:
                scroll.focus()
            self.app.bell()
