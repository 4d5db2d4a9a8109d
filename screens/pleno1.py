"""Sidang Pleno I: sambutan and narasumber with their material, and the notulen's running notes.

Built for fast typing, often over SSH: the input line at the bottom is always ready (Enter saves the note
with the time and the speaker), the notes list above follows the newest, and notes saved at other
terminals appear without touching what is being typed.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from sesi import catatan, persiapan
from sesi.data import Data
from sesi.format import jam
from sesi.model import Catatan
from sesi.sebutan import label_unsur_singkat

from .base import LayarTahap
from .catatan_widget import CatatanDialog, pisah_pembicara
from . import glyph
from .glyph import g
from .teks import lebar_kolom, potong, teks
from .tombol import isi_tombol
from .kontrak import aplikasi
from .widgets import FormDialog, Isian, Kolom, KonfirmasiDialog, PilihDialog, Tabel

TAHAP_CATATAN = "pleno1"
#: The draft key of the Pleno I input line (sesi.draf).
DRAF_CATATAN = "pleno1.catatan"


def catatan_tahap(data: Data, tahap: str = TAHAP_CATATAN) -> list[Catatan]:
    """The notes of one stage in entry order, newest last (ids count up: a longer id is a newer one)."""
    out = [c for c in data.records("catatan").values() if c.tahap == tahap]
    out.sort(key=lambda c: (len(c.id), c.id))
    return out


def baris_catatan(c: Catatan) -> Text:
    """One note as shown in the list: time, speaker, text (all plain, never markup)."""
    out = Text()
    out.append(jam(c.waktu), style="bold")
    out.append("  ")
    if c.pembicara:
        out.append_text(teks(c.pembicara, "bold"))
        out.append(": ")
    out.append_text(teks(c.teks))
    return out


class DaftarCatatan(OptionList):
    """The notes, newest at the bottom. Not focusable: it is driven from the input line (arrows)."""

    can_focus = False

    DEFAULT_CSS = """
    DaftarCatatan { height: 1fr; border: none; padding: 0 1; background: $surface; }
    DaftarCatatan > .option-list--option-highlighted {
        color: $block-cursor-foreground; background: $block-cursor-background; text-style: bold;
    }
    """


class Pleno1Screen(LayarTahap):
    CSS_PATH = "pleno1.tcss"
    TAHAP = "pleno1"
    # What the stage is for; each key and what it does is listed from BINDINGS (F1).
    BANTUAN = (
        "Layar notulen Sidang Pleno I. Baris ketik di bawah selalu siap: ketik catatan lalu Enter; catatan "
        "tersimpan dengan jam dan pembicaranya, dan baris ketik dikosongkan (bila penyimpanan gagal, ketikan "
        "tetap ada). Pembicara yang dipilih berlaku untuk catatan berikutnya sampai diganti. Untuk satu "
        "catatan saja, awali dengan nama dan titik dua: \"Hamidah: evaluasi drainase belum tuntas\"; nama "
        "pendek dilengkapi bila cocok dengan tepat satu nama yang dikenal. Awali dengan \\ bila titik dua "
        "bukan nama pembicara (\"\\Kesimpulan: ...\"). Panah atas/bawah memilih catatan tanpa meninggalkan "
        "baris ketik; Enter pada baris ketik yang kosong mengubah catatan yang dipilih. Di daftar sambutan "
        "dan narasumber, Enter mengubah dan Tab kembali ke baris ketik. Catatan dari terminal lain muncul "
        "sendiri tanpa mengganggu ketikan."
    )

    BINDINGS = [
        Binding("ctrl+o", "pilih_pembicara", "Pembicara", id="pleno1.pembicara",
                tooltip="Sambutan, narasumber atau peserta hadir; ketik beberapa huruf lalu Enter"),
        Binding("ctrl+y", "ubah_catatan", "Ubah", id="pleno1.ubah_catatan",
                tooltip="Ubah catatan yang dipilih (tanpa pilihan: catatan terakhir)"),
        Binding("ctrl+l", "hapus_catatan", "Hapus catatan", id="pleno1.hapus_catatan", show=False,
                tooltip="Catatan yang dipilih, setelah konfirmasi"),
        Binding("ctrl+f", "ke_daftar", "Daftar sambutan/narasumber", id="pleno1.ke_daftar", show=False,
                tooltip="Pindah ke daftar sambutan dan narasumber, atau kembali ke baris ketik"),
        Binding("s", "tambah_sambutan", "Tambah sambutan", id="pleno1.tambah_sambutan", show=False),
        Binding("n", "tambah_narasumber", "Tambah narasumber", id="pleno1.tambah_narasumber", show=False,
                tooltip="Beserta judul materinya"),
        Binding("e", "ubah_orang", "Ubah sambutan/narasumber", id="pleno1.ubah_orang", show=False),
        Binding("delete,x", "hapus_orang", "Hapus sambutan/narasumber", id="pleno1.hapus_orang", show=False),
        Binding("p", "jadikan_pembicara", "Jadikan pembicara catatan", id="pleno1.jadikan_pembicara",
                show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.pembicara = ""  # the standing speaker for the next notes
        self._tampil: list[tuple[str, tuple[str, str, str]]] = []  # shown notes: id, (waktu, pembicara, teks)

    def isi(self) -> ComposeResult:
        yield Static(id="judul-orang", classes="judul-bagian")
        yield Tabel(id="orang")
        yield Static(id="judul-catatan", classes="judul-bagian")
        yield DaftarCatatan(id="catatan")
        with Horizontal(id="baris-ketik"):
            yield Static(id="pembicara-aktif")
            yield Isian(placeholder="Ketik catatan lalu Enter (Nama: teks = pembicara lain)", id="ketik",
                        compact=True)

    def on_mount(self) -> None:
        # Textual calls LayarTahap.on_mount after this one (handlers run down the class tree): it shows the data.
        self._tampil_pembicara()
        self.ketik.focus()
        self._draf_timer = None
        draf = aplikasi(self).draf.baca(DRAF_CATATAN)
        if draf:
            # Typed before a crash or a forced quit and never saved: offered again, Enter saves it.
            self.ketik.value = draf
            self.ketik.cursor_position = len(draf)
            self.call_after_refresh(self.status.atur, teks(isi_tombol(
                self, f"{g('warn')} Ketikan yang belum tersimpan dipulihkan dari draf: Enter menyimpannya, "
                "{isian.kosongkan} mengosongkannya.")))

    # --- typed text not saved yet: a draft on this user's disk until saved ---
    @on(Input.Changed, "#ketik")
    def _ketik_berubah(self) -> None:
        if self._draf_timer is not None:
            self._draf_timer.stop()
        # A short pause after the last key, so a fast typist does not write a file per key.
        self._draf_timer = self.set_timer(0.3, self._tulis_draf, name="draf-catatan")

    def _tulis_draf(self) -> None:
        self._draf_timer = None
        aplikasi(self).draf.simpan(DRAF_CATATAN, self.ketik.value)

    def ketikan_belum_disimpan(self) -> str:
        return "catatan Pleno I" if self.ketik.value.strip() else ""

    def simpan_ketikan(self) -> None:
        self.kirim(self.ketik.value)

    def buang_ketikan(self) -> None:
        """The typed line was thrown away on purpose (Ctrl+Q, Buang): so is its draft."""
        if self._draf_timer is not None:
            self._draf_timer.stop()
            self._draf_timer = None
        aplikasi(self).draf.hapus(DRAF_CATATAN)

    @property
    def ketik(self) -> Input:
        return self.query_one("#ketik", Input)

    @property
    def daftar(self) -> DaftarCatatan:
        return self.query_one("#catatan", DaftarCatatan)

    @property
    def tabel_orang(self) -> Tabel:
        return self.query_one("#orang", Tabel)

    # --- showing ---------------------------------------------------------------------------------
    def segarkan(self, data: Data, perubahan: dict) -> None:
        semua = not perubahan
        if semua or "sambutan" in perubahan or "tim" in perubahan:
            self._isi_orang(data)
        if semua or "catatan" in perubahan:
            self._isi_catatan(data)

    def lebar_berubah(self) -> None:
        self.tabel_orang.clear(columns=True)
        self._isi_orang(self.data)

    def _isi_orang(self, data: Data) -> None:
        rows = []
        lebar = self.app.size.width
        nama, ket = lebar_kolom(lebar, 24, 0.3), lebar_kolom(lebar, 38, 0.6)
        for s in data.records("sambutan").values():
            rows.append((f"sambutan:{s.id}", ["Sambutan", potong(s.nama, nama), potong(s.jabatan, ket)]))
        for t in data.records("tim").values():
            if t.peran != "narasumber":
                continue
            materi = f"{t.materi} ({t.jabatan})" if t.materi and t.jabatan else (t.materi or t.jabatan)
            rows.append((f"tim:{t.id}", ["Narasumber", potong(t.nama, nama), potong(materi, ket)]))
        self.tabel_orang.isi([("Jenis", "jenis"), ("Nama", "nama"), ("Jabatan / materi", "ket")], rows)
        n_s = sum(1 for k, _ in rows if k.startswith("sambutan:"))
        self.query_one("#judul-orang", Static).update(Text(
            f"Sambutan ({n_s}) dan narasumber ({len(rows) - n_s})  {g('dot')}  " + isi_tombol(
                self, "{pleno1.ke_daftar}: {pleno1.tambah_sambutan}/{pleno1.tambah_narasumber} tambah, "
                "Enter ubah, {pleno1.hapus_orang} hapus"), no_wrap=True, overflow=glyph.potong()))

    def _isi_catatan(self, data: Data) -> None:
        """Show the notes, touching only what changed: append new ones, repaint edited ones."""
        daftar = self.daftar
        baru = [(c.id, (c.waktu, c.pembicara, c.teks), c) for c in catatan_tahap(data)]
        lama_ids = [rid for rid, _ in self._tampil]
        baru_ids = [rid for rid, _, _ in baru]
        ikut = self._mengikuti()
        if baru_ids[: len(lama_ids)] == lama_ids:
            lama = dict(self._tampil)
            for rid, isi, c in baru[: len(lama_ids)]:
                if lama[rid] != isi:
                    daftar.replace_option_prompt(rid, baris_catatan(c))
            tambahan = baru[len(lama_ids):]
            if tambahan:
                daftar.add_options([Option(baris_catatan(c), id=rid) for rid, _, c in tambahan])
        else:
            pilih = self._terpilih_id()
            daftar.clear_options()
            daftar.add_options([Option(baris_catatan(c), id=rid) for rid, _, c in baru])
            if pilih in baru_ids:
                daftar.highlighted = baru_ids.index(pilih)
            else:
                daftar.highlighted = None
        self._tampil = [(rid, isi) for rid, isi, _ in baru]
        if ikut:
            daftar.scroll_end(animate=False, immediate=False)
        self.query_one("#judul-catatan", Static).update(Text(
            f"Catatan notulen Pleno I ({len(baru)})  {g('dot')}  {g('up')}{g('down')} pilih, " + isi_tombol(
                self, "Enter/{pleno1.ubah_catatan} ubah, {pleno1.hapus_catatan} hapus"), no_wrap=True, overflow=glyph.potong()))

    def _mengikuti(self) -> bool:
        """True while no note is chosen: the list then follows the newest note."""
        return self.daftar.highlighted is None

    def _tampil_pembicara(self) -> None:
        label = Text(no_wrap=True, overflow=glyph.potong())
        if self.pembicara:
            label.append_text(teks(potong(self.pembicara, 26)))
        else:
            label.append("tanpa pembicara", style="dim")
        label.append(f" {g('next')}")
        self.query_one("#pembicara-aktif", Static).update(label)

    # --- typing ----------------------------------------------------------------------------------
    def nama_dikenal(self, data: Data) -> list[str]:
        """Names the "Nama: teks" prefix completes to: speakers, narasumber, participants present."""
        out = [s.nama for s in data.records("sambutan").values()]
        out += [t.nama for t in data.records("tim").values() if t.peran == "narasumber"]
        out += [p.nama for p in data.peserta.values() if p.hadir]
        return out

    @on(Input.Submitted, "#ketik")
    def _enter(self, event: Input.Submitted) -> None:
        self.kirim(event.value)

    def kirim(self, baris: str) -> None:
        """Save the typed line as a note (Enter); an empty line edits the chosen note."""
        if not baris.strip():
            if self._terpilih_id() is not None:
                self.action_ubah_catatan()  # arrows chose a note, Enter on the empty line edits it
            return
        nama, isi = pisah_pembicara(baris, self.nama_dikenal(self.data))
        pembicara = self.pembicara if nama is None else nama
        hasil = self.simpan(catatan.tambah_catatan, isi, pembicara, tahap=TAHAP_CATATAN)
        if not hasil.ok:
            return  # the status line shows why; the typed text stays in the input
        self.daftar.highlighted = None
        self.daftar.scroll_end(animate=False, immediate=False)
        self.ketik.value = ""
        aplikasi(self).draf.hapus(DRAF_CATATAN)
        c = self.data.records("catatan").get(hasil.nilai)
        if c is not None:
            siapa = f" {c.pembicara}" if c.pembicara else ""
            self.status.atur(teks(f"{g('ok')} Tersimpan rev {hasil.revisi} {g('dot')} catatan "
                                  f"{jam(c.waktu)}{siapa}"))

    def on_key(self, event) -> None:
        if self.focused is not self.ketik:
            return
        daftar = self.daftar
        n = daftar.option_count
        if event.key not in ("up", "down", "pageup", "pagedown") or not n:
            return
        event.stop()
        event.prevent_default()
        cur = daftar.highlighted
        langkah = {"up": -1, "down": 1, "pageup": -10, "pagedown": 10}[event.key]
        baru: int | None
        if cur is None:
            if langkah > 0:
                return
            baru = max(0, n + langkah)
        else:
            baru = cur + langkah
            baru = None if baru >= n else max(0, baru)  # past the newest: follow the newest again
        daftar.highlighted = baru
        if baru is None:
            daftar.scroll_end(animate=False)
        else:
            daftar.scroll_to_highlight()

    def _terpilih_id(self) -> str | None:
        daftar = self.daftar
        if daftar.highlighted is None:
            return None
        return daftar.get_option_at_index(daftar.highlighted).id

    def _sasaran(self) -> Catatan | None:
        """The chosen note, or the newest one when none is chosen."""
        rid = self._terpilih_id() or (self._tampil[-1][0] if self._tampil else None)
        return self.data.records("catatan").get(rid) if rid else None

    # --- note actions ----------------------------------------------------------------------------
    def action_pilih_pembicara(self) -> None:
        data = self.data
        pilihan: list[tuple[str, str]] = [("(tanpa pembicara)", "-")]
        for s in data.records("sambutan").values():
            pilihan.append((f"{s.nama} {g('dot')} sambutan" + (f", {s.jabatan}" if s.jabatan else ""),
                            f"n:{s.nama}"))
        for t in data.records("tim").values():
            if t.peran == "narasumber":
                pilihan.append((f"{t.nama} {g('dot')} narasumber" + (f", {t.materi}" if t.materi else ""),
                                f"n:{t.nama}"))
        for p in data.peserta.values():
            if p.hadir:
                asal = p.kelurahan or p.lembaga
                pilihan.append((f"{p.nama} {g('dot')} {label_unsur_singkat(self.data, p.unsur)}"
                                + (f", {asal}" if asal else ""), f"n:{p.nama}"))
        seen: set[str] = set()
        unik = [(lbl, v) for lbl, v in pilihan if not (v in seen or seen.add(v))]

        def pilih(v: str | None) -> None:
            if v is None:
                return
            self.pembicara = "" if v == "-" else v[2:]
            self._tampil_pembicara()
            self.ketik.focus()
        self.app.push_screen(PilihDialog("Pembicara untuk catatan berikutnya", unik,
                                         petunjuk="Ketik beberapa huruf nama, Enter"), pilih)

    def action_ubah_catatan(self) -> None:
        c = self._sasaran()
        if c is None:
            self.status.atur("Belum ada catatan untuk diubah.")
            return

        def periksa(v: dict[str, str]) -> str | None:
            hasil = self.simpan(catatan.ubah_catatan, c.id, v["teks"], v["pembicara"])
            return None if hasil.ok else hasil.pesan
        self.app.push_screen(CatatanDialog(f"Ubah catatan {jam(c.waktu)}", c.pembicara, c.teks, periksa),
                             lambda _: self.ketik.focus())

    def action_hapus_catatan(self) -> None:
        c = self._sasaran()
        if c is None:
            self.status.atur("Belum ada catatan untuk dihapus.")
            return
        siapa = f" ({c.pembicara})" if c.pembicara else ""

        def jawab(ya: bool | None) -> None:
            if ya:
                hasil = self.simpan(catatan.hapus_catatan, c.id)
                if hasil.ok:
                    self.status.atur(teks(f"Catatan {jam(c.waktu)} dihapus {g('dot')} Tersimpan rev "
                                          f"{hasil.revisi}"))
            self.ketik.focus()
        self.app.push_screen(KonfirmasiDialog(f"Hapus catatan {jam(c.waktu)}{siapa}: "
                                              f"\"{potong(c.teks, 120)}\"?", ya="Hapus"), jawab)

    # --- sambutan and narasumber -------------------------------------------------------------------
    def action_ke_daftar(self) -> None:
        if self.focused is self.tabel_orang:
            self.ketik.focus()
        else:
            self.tabel_orang.focus()

    def _orang_terpilih(self) -> tuple[str, str] | None:
        key = self.tabel_orang.kunci_terpilih()
        if not key:
            return None
        table, _, rid = key.partition(":")
        return table, rid

    def action_tambah_sambutan(self) -> None:
        self._form_sambutan(None)

    def action_tambah_narasumber(self) -> None:
        self._form_narasumber(None)

    def action_ubah_orang(self) -> None:
        pilih = self._orang_terpilih()
        if pilih is None:
            self.status.atur(isi_tombol(self, "Pilih sambutan atau narasumber dahulu ({pleno1.ke_daftar})."))
            return
        table, rid = pilih
        (self._form_sambutan if table == "sambutan" else self._form_narasumber)(rid)

    @on(Tabel.RowSelected, "#orang")
    def _enter_orang(self) -> None:
        self.action_ubah_orang()

    def _form_sambutan(self, rid: str | None) -> None:
        lama = self.data.records("sambutan").get(rid) if rid else None

        def periksa(v: dict[str, str]) -> str | None:
            hasil = self.simpan(persiapan.simpan_sambutan, v["nama"], v["jabatan"], rid=rid)
            if hasil.ok:
                self._sorot_orang(f"sambutan:{hasil.nilai}")
            return None if hasil.ok else hasil.pesan
        self.app.push_screen(FormDialog("Ubah sambutan" if lama else "Sambutan baru", [
            Kolom("nama", "Nama", lama.nama if lama else "", wajib=True),
            Kolom("jabatan", "Jabatan", lama.jabatan if lama else "", petunjuk="mis. Camat Banjarmasin Utara"),
        ], periksa))

    def _form_narasumber(self, rid: str | None) -> None:
        lama = self.data.records("tim").get(rid) if rid else None

        def periksa(v: dict[str, str]) -> str | None:
            hasil = self.simpan(persiapan.simpan_tim, v["nama"], "narasumber", v["jabatan"], v["materi"], rid=rid)
            if hasil.ok:
                self._sorot_orang(f"tim:{hasil.nilai}")
            return None if hasil.ok else hasil.pesan
        self.app.push_screen(FormDialog("Ubah narasumber" if lama else "Narasumber baru", [
            Kolom("nama", "Nama", lama.nama if lama else "", wajib=True),
            Kolom("jabatan", "Jabatan / lembaga", lama.jabatan if lama else ""),
            Kolom("materi", "Judul materi", lama.materi if lama else "",
                  petunjuk="mis. Prioritas pembangunan RKPD"),
        ], periksa))

    def _sorot_orang(self, key: str) -> None:
        """Show the list now (the dialog is still on top) with the cursor on the person just saved."""
        self._isi_orang(self.data)
        tabel = self.tabel_orang
        if key in tabel.rows:
            tabel.move_cursor(row=tabel.get_row_index(key), animate=False)

    def action_hapus_orang(self) -> None:
        pilih = self._orang_terpilih()
        if pilih is None:
            self.status.atur(isi_tombol(self, "Pilih sambutan atau narasumber dahulu ({pleno1.ke_daftar})."))
            return
        table, rid = pilih
        rec = self.data.records(table).get(rid)
        if rec is None:
            return
        jenis = "sambutan" if table == "sambutan" else "narasumber"

        def jawab(ya: bool | None) -> None:
            if ya:
                self.simpan(persiapan.hapus_dari_daftar, table, rid)
        self.app.push_screen(KonfirmasiDialog(f"Hapus {rec.nama} dari daftar {jenis}?", ya="Hapus"), jawab)

    def action_jadikan_pembicara(self) -> None:
        pilih = self._orang_terpilih()
        if pilih is None:
            return
        rec = self.data.records(pilih[0]).get(pilih[1])
        if rec is None:
            return
        self.pembicara = rec.nama
        self._tampil_pembicara()
        self.ketik.focus()
