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
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from rich.table import Table
from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Button, ContentSwitcher, DirectoryTree, Input, Label, Select, Static

from sesi.errors import SesiError
from sesi.impor import JENIS, KOLOM, Pratinjau, Saran, tabel_skpd_bidang
from sesi.nama import BIDANG_BAKU

from ..glyph import g
from ..teks import potong, teks, teks_baris
from ..widgets import Isian, PilihDialog, Tabel, mengambil_teks_sendiri
from .bagian import BagianPersiapan, bidang_usulan

JUDUL_JENIS = {"usulan": "Usulan", "peserta": "Peserta", "kriteria": "Kriteria", "skor": "Skor"}
#: Files the import reads (the folder tree shows these and folders).
AKHIRAN_BERKAS = (".xlsx", ".xlsm", ".xls", ".ods", ".csv", ".txt")
#: Choice values of the sheet and bidang selects and of the mapping dialog (never a column or sheet key).
SEMUA_LEMBAR = "*"  # Excel forbids * in a sheet name
TANPA_BIDANG = ""
ABAIKAN = "*"


@dataclass
class LaporanImpor:
    """What the CLI would print: the first line, notes (skipped rows, ...), and the problems (empty when it
    went through)."""

    ok: bool
    judul: str
    masalah: list[str]
    rincian: list[str] = field(default_factory=list)
    baru: int = 0
    diperbarui: int = 0
    ganda: int = 0


def laporan_dari(hasil: Any = None, galat: SesiError | None = None) -> LaporanImpor:
    if galat is not None:
        masalah = list(getattr(galat, "masalah", None) or [])
        if masalah == [galat.pesan]:
            masalah = []
        return LaporanImpor(False, galat.pesan, masalah)
    catatan = list(hasil.catatan)
    judul = hasil.ringkasan
    ekor = " ".join(catatan)
    if catatan and judul.endswith(ekor):  # the summary sentence, the notes listed one a line below it
        judul = judul[: -len(ekor)].rstrip()
    return LaporanImpor(True, judul, [], catatan, hasil.baru, hasil.diperbarui, hasil.ganda)


@dataclass(frozen=True)
class Pilihan:
    """What the user chose for one file on the preview (the arguments of `pratinjau` and `impor`)."""

    lembar: str | None = None
    pemetaan: dict[str, str] = field(default_factory=dict)
    terima_saran: frozenset[tuple[str, str]] = frozenset()
    bidang: str = ""

    def argumen(self) -> dict[str, Any]:
        return {"lembar": self.lembar, "pemetaan": dict(self.pemetaan) or None,
                "terima_saran": set(self.terima_saran), "bidang": self.bidang}


def jalankan_impor(store: Any, jenis: str, path: str, pilihan: Pilihan | None = None) -> LaporanImpor:
    """Run the import (in a worker thread: no widget may be touched here)."""
    from sesi.impor import impor

    try:
        return laporan_dari(hasil=impor(store, jenis, path, **(pilihan or Pilihan()).argumen()))
    except SesiError as e:
        return laporan_dari(galat=e)


def buat_pratinjau(store: Any, jenis: str, path: str, pilihan: Pilihan) -> Pratinjau:
    """The preview (in a worker thread). `pratinjau` reports file problems in `masalah`; an unreadable
    session or path is reported the same way."""
    from sesi.impor import pratinjau

    try:
        return pratinjau(path, jenis, store=store, **pilihan.argumen())
    except (SesiError, OSError, ValueError) as e:
        return Pratinjau(jenis=jenis, berkas=os.path.basename(path), kolom=dict(KOLOM[jenis]),
                         masalah=[getattr(e, "pesan", None) or str(e)])


class PohonCsv(DirectoryTree):
    """Folders and the files the import reads (`AKHIRAN_BERKAS`) only; hidden ones left out. Plain markers
    instead of emoji (which SSH terminals and the Linux console draw badly). Backspace goes to the folder
    above, ~ to the home folder."""

    MENGAMBIL_TEKS = False  # its own keys (~) work here, unlike on the part's buttons
    BINDINGS = [
        Binding("backspace", "naik", "Folder di atasnya", id="persiapan.folder_naik"),
        Binding("tilde", "rumah", "Folder rumah (~)", id="persiapan.folder_rumah"),
    ]

    def action_naik(self) -> None:
        induk = Path(self.path).resolve().parent
        if induk != Path(self.path).resolve():
            self.path = induk

    def action_rumah(self) -> None:
        self.path = Path.home()

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
                if p.is_dir() or p.suffix.casefold() in AKHIRAN_BERKAS:
                    out.append(p)
            except OSError:
                continue
        return out


class TabelPemetaan(Tabel):
    """The preview's mapping: each file header, the column it goes to, its first three values; then each
    required column no header maps to."""

    MENGAMBIL_TEKS = False  # a table: its own keys and the screen's work here

    BINDINGS = [
        Binding("enter", "pilih_kolom", "Pilih kolom", id="persiapan.impor.pilih_kolom",
                tooltip="Kolom aplikasi untuk judul yang disorot, atau judul berkas untuk kolom wajib yang kurang"),
        Binding("delete", "abaikan", "Abaikan judul", id="persiapan.impor.abaikan", key_display="Del",
                tooltip="Kolom berkas yang disorot tidak diimpor"),
    ]

    def action_pilih_kolom(self) -> None:
        self.post_message(BagianImpor.UbahPemetaan(self.kunci_terpilih() or "", abaikan=False))

    def action_abaikan(self) -> None:
        self.post_message(BagianImpor.UbahPemetaan(self.kunci_terpilih() or "", abaikan=True))


class TabelSaran(Tabel):
    """The preview's suggestions: a name the session does not know and the known one it is close to."""

    MENGAMBIL_TEKS = False  # a table: its own keys and the screen's work here

    BINDINGS = [
        Binding("enter", "terima", "Terima saran", id="persiapan.impor.terima_saran",
                tooltip="Terima (atau batalkan) saran yang disorot; pratinjau diperbarui"),
    ]

    def action_terima(self) -> None:
        self.post_message(BagianImpor.TerimaSaran(self.kunci_terpilih() or ""))


class BagianImpor(BagianPersiapan):
    KUNCI = "impor"
    PETUNJUK = "Enter: pratinjau · Ctrl+S: impor · Ctrl+L: telusuri folder · Tab: pindah"
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

    class UbahPemetaan(Message):
        def __init__(self, kunci: str, abaikan: bool):
            super().__init__()
            self.kunci = kunci
            self.abaikan = abaikan

    class TerimaSaran(Message):
        def __init__(self, kunci: str):
            super().__init__()
            self.kunci = kunci

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
            yield Button("Impor (Ctrl+S)", id="impor-jalan", variant="primary", compact=True)
            yield Button("Telusuri folder (Ctrl+L)", id="impor-telusuri", compact=True)
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
        masukan = self._masukan("Ketik path berkas terlebih dahulu (atau Ctrl+L untuk menelusuri folder).")
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
            self.kabar("Pratinjau: tidak ada masalah; Ctrl+S mengimpor.")
        else:
            self.kabar("Pratinjau: ada masalah; berkas akan ditolak bila diimpor sekarang.", galat=True)
        if self._pindah_fokus:
            self._pindah_fokus = False
            terbuka = [k for k in self.saran if k not in self.pilihan.terima_saran]
            tabel = self.query_one("#impor-saran" if terbuka else "#impor-peta", Tabel)
            tabel.focus()

    def _isi_ringkas(self, p: Pratinjau) -> None:
        out = Text()
        out.append(teks_baris(p.berkas, "bold"))
        lembar = [lb for lb in p.lembar if lb]
        if lembar:
            out.append(teks_baris(f" lembar {', '.join(lembar)}"))
        out.append(f" {g('dot')} judul kolom di baris {p.baris_judul} {g('dot')} {len(p.judul)} kolom\n")
        if p.kurang:
            out.append(f"{g('warn')} Kolom wajib belum dipetakan: {', '.join(p.kurang)}. Pilih judulnya dengan Enter.",
                       style="bold")
        elif p.siap:
            out.append(f"{g('ok')} Siap diimpor (Ctrl+S).", style="bold")
        else:
            out.append(f"{g('warn')} Ada masalah (di bawah): perbaiki berkas, ubah pemetaan, atau terima saran.",
                       style="bold")
        self.query_one("#impor-ringkas", Static).update(out)

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
        rows: list[tuple[str, list[Text]]] = []
        n = max(1, min(3, len(p.contoh)))  # example rows shown, each in the width left by header and column
        lebar = max(6, ((tabel.size.width or 78) - 41 - 2 * n) // n)  # header 16, column 20, cell padding
        for i, h in enumerate(p.judul):
            if not h:
                continue
            k = p.pemetaan.get(h, "")
            if k:
                kolom = teks_baris(k + ("*" if p.kolom.get(k) else ""), "bold" if p.kolom.get(k) else "")
            else:
                kolom = Text("(diabaikan)", style="dim")
            contoh = [teks_baris(potong(r[i] if i < len(r) else "", lebar)) for r in p.contoh[:n]]
            contoh += [Text("")] * (n - len(contoh))
            rows.append((f"j{i}", [teks_baris(potong(h, 16)), kolom, *contoh]))
        for k in p.kurang:
            rows.append((f"k:{k}", [Text("(belum ada)", style="bold red"), teks_baris(f"{k}*", "bold red"),
                                    Text("Enter: pilih judul", style="dim"), *[Text("")] * (n - 1)]))
        tabel.clear(columns=True)  # the number of example rows differs from file to file
        tabel.isi([("Judul berkas", "judul"), ("Kolom", "kolom"), *[(f"Baris {j + 1}", f"b{j}") for j in range(n)]],
                  rows)

    def _isi_saran(self) -> None:
        tabel = self.query_one("#impor-saran", Tabel)
        tabel.display = bool(self.saran)
        berkas = self.pratinjau.berkas if self.pratinjau is not None else ""
        rows = []
        for i, (kunci, s) in enumerate(self.saran.items()):
            diterima = kunci in self.pilihan.terima_saran
            tanda = Text(g("ok") if diterima else " ", style="bold green")
            tempat = s.baris[0] if s.baris else ""
            if berkas and tempat.startswith(berkas):  # the file is named above: "baris 4", "lembar 'X' baris 4"
                tempat = tempat[len(berkas):].strip(" ,:")
            tempat += f" +{len(s.baris) - 1}" if len(s.baris) > 1 else ""
            rows.append((f"s{i}", [tanda, teks_baris(s.kolom), teks_baris(potong(s.nilai, 18)),
                                   teks_baris(potong(f"maksud Anda '{s.saran}'?", 32)),
                                   teks_baris(potong(tempat, 24))]))
        tabel.isi([(" ", "terima"), ("Kolom", "kolom"), ("Tertulis", "nilai"), ("Saran", "saran"),
                   ("Tempat", "baris")], rows)

    def _isi_masalah(self, p: Pratinjau) -> None:
        out = Table.grid(padding=(0, 1))
        out.add_column(no_wrap=True)
        out.add_column(ratio=1)
        if p.masalah:
            out.add_row(Text(g("warn"), style="bold"), Text("Berkas akan ditolak bila diimpor sekarang (tidak ada yang "
                                                             "diubah):", style="bold"))
            for m in p.masalah:
                out.add_row(Text("-"), teks_baris(m))
        if p.catatan:
            out.add_row(Text(g("dot"), style="bold"), Text("Catatan:", style="bold"))
            for c in p.catatan:
                out.add_row(Text("-"), teks_baris(c))
        if not p.masalah and not p.catatan:
            out.add_row(Text(g("ok"), style="bold"), Text("Tidak ada masalah dan tidak ada baris yang dilewati."))
        self.query_one("#impor-masalah-isi", Static).update(out)

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
                self.kabar(f"Kolom {kolom} wajib; pilih judul berkas untuknya dengan Enter.", galat=True)
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
        masukan = self._masukan("Ketik path berkas terlebih dahulu (atau Ctrl+L untuk menelusuri folder).")
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
        out = Table.grid(padding=(0, 1))
        out.add_column(no_wrap=True)
        out.add_column(ratio=1)
        out.add_row(Text(g("ok") if lap.ok else g("warn"), style="bold"), teks_baris(lap.judul, "bold"))
        for m in [*lap.rincian, *lap.masalah]:
            out.add_row(Text("-"), teks_baris(m))
        self.query_one("#impor-isi", Static).update(out)
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
