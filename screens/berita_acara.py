"""Berita Acara: a preview of the document, export as Markdown or text, and its pengesahan (signing)."""

from __future__ import annotations

import os

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import ScrollableContainer
from textual.message import Message
from textual.widgets import Static

from rich.cells import cell_len

from sesi import berita_acara, pengesahan
from sesi.berita_acara.lampiran import LAMPIRAN
from sesi.berita_acara.polos import ke_teks
from sesi.berkas import periksa_bukan_sesi
from sesi.data import Data
from sesi.errors import SesiError
from sesi.teks_tabel import LEBAR as LEBAR_BA
from sesi.terbilang import romawi

from .base import LayarTahap
from .glyph import g
from .kontrak import aplikasi
from .teks import teks
from .tombol import isi_tombol
from .widgets import AlasanDialog, FormDialog, Kolom, KonfirmasiDialog


#: The narrowest text preview (below it the lines scroll sideways).
LEBAR_MIN = 40


class BeritaAcaraScreen(LayarTahap):
    CSS_PATH = "berita_acara.tcss"
    TAHAP = "berita_acara"
    # What the stage is for; each key and what it does is listed from BINDINGS (F1), so none is named here.
    BANTUAN = (
        "Pratinjau berita acara kesepakatan hasil Musrenbang Kecamatan, disusun dari seluruh data sesi: "
        "kehadiran per unsur, sambutan dan narasumber, hasil kelompok, tanggapan Pleno II, daftar prioritas per "
        f"SKPD, usulan yang belum disepakati, delegasi, dan lampiran I-{romawi(len(LAMPIRAN))}. Selama belum "
        "disahkan dokumen bertanda RANCANGAN. Berkas yang disimpan sama persis dengan 'musrenbang ekspor berita-acara'. Hanya pimpinan "
        "sidang (--peran pimpinan) yang mengesahkan: sesi dikunci dan dokumen diberi sidik jari SHA-256; "
        "membuka kembali pengesahan memerlukan alasan yang dicatat."
    )

    BINDINGS = [
        Binding("m", "ekspor('md')", "Markdown", id="berita_acara.ekspor_md", tooltip="Simpan sebagai Markdown"),
        Binding("x", "ekspor('txt')", "Teks", id="berita_acara.ekspor_txt",
                tooltip="Simpan sebagai teks biasa 80 kolom, siap cetak"),
        Binding("w", "ekspor('docx')", "Word", id="berita_acara.ekspor_docx",
                tooltip="Simpan sebagai dokumen Word (.docx) kertas F4, siap cetak dan ditandatangani"),
        Binding("v", "ganti_format", "Ganti pratinjau md/teks", id="berita_acara.format", show=False),
        Binding("a", "sahkan", "Sahkan", id="berita_acara.sahkan",
                tooltip="Hanya pimpinan sidang: sesi dikunci dan dokumen diberi sidik jari"),
        Binding("o", "buka_kembali", "Buka kembali pengesahan", id="berita_acara.buka_kembali", show=False,
                tooltip="Dengan alasan yang dicatat di riwayat"),
        Binding("j,down", "gulir(1)", "Gulir turun", id="berita_acara.turun", show=False),
        Binding("k,up", "gulir(-1)", "Gulir naik", id="berita_acara.naik", show=False),
        Binding("space,pagedown", "gulir(18)", "Halaman berikut", id="berita_acara.hal_turun", show=False),
        Binding("b,pageup", "gulir(-18)", "Halaman sebelum", id="berita_acara.hal_naik", show=False),
        Binding("g,home", "ujung(0)", "Awal dokumen", id="berita_acara.awal", show=False),
        Binding("G,end", "ujung(1)", "Akhir dokumen", id="berita_acara.akhir", show=False),
        Binding("h,left", "geser(-8)", "Geser kiri", id="berita_acara.kiri", show=False),
        Binding("l,right", "geser(8)", "Geser kanan", id="berita_acara.kanan", show=False),
    ]

    class Tersusun(Message):
        """The document was built in a worker thread."""

        def __init__(self, revisi: int, fmt: str, teks: str, lebar: int = LEBAR_BA) -> None:
            super().__init__()
            self.revisi = revisi
            self.fmt = fmt
            self.teks = teks
            self.lebar = lebar

    def __init__(self) -> None:
        super().__init__()
        self.fmt = "txt"
        self._tampil: tuple[int, str] = (-1, "")
        self._lebar = LEBAR_BA  # the width the text preview is laid out at
        self._keadaan = Text()

    def isi(self) -> ComposeResult:
        yield Static(id="keadaan")
        with ScrollableContainer(id="dokumen", can_focus=True):
            yield Static(teks("Menyusun berita acara..."), id="isi")

    def on_mount(self) -> None:
        self.query_one("#dokumen").focus()

    # --- showing ---
    def segarkan(self, data: Data, perubahan: dict) -> None:
        k = pengesahan.keadaan(data)
        baris = Text(k.uraian(), style="bold")
        if k.disahkan:
            baris.append(f"  {g('dot')}  Sidik jari {pengesahan.kode_sidik_jari(data) or '-'}")
            if not k.utuh:
                baris.append(f"\n{g('warn')} Isi berbeda dari yang disahkan!", style="bold")
        else:
            n = len(pengesahan.hal_terbuka(data))
            baris.append(isi_tombol(self, f"  {g('dot')}  {n} hal masih terbuka sebelum pengesahan "
                                    "({berita_acara.sahkan})") if n else "")
        self._keadaan = baris
        kead = self.query_one("#keadaan", Static)
        kead.update(baris)
        kead.set_class(k.disahkan, "-sah")
        self.refresh_bindings()  # Sahkan / Buka kembali follow the lock (boleh_aksi)
        self._susun(data, self.fmt, self._lebar_pratinjau())

    def _lebar_pratinjau(self) -> int:
        """The text preview's width: the printed 80 columns, or the terminal's width when it is narrower (the
        paragraphs wrap there; the saved file is always 80 columns)."""
        lebar = self.size.width or self.app.size.width
        return max(LEBAR_MIN, min(LEBAR_BA, lebar))

    def on_resize(self) -> None:
        lebar = self._lebar_pratinjau()
        if lebar != self._lebar:
            self._lebar = lebar
            self._susun(self.data, self.fmt, lebar)

    @work(thread=True, exclusive=True, group="susun-ba")
    def _susun(self, data: Data, fmt: str, lebar: int = LEBAR_BA) -> None:
        """Build the document off the UI thread (0.5 s at 1,000 usulan); never touches widgets."""
        if fmt == "txt":
            isi = ke_teks(berita_acara.dokumen(data), lebar)
        else:
            isi = berita_acara.berita_acara(data, fmt)
        self.post_message(self.Tersusun(data.revisi, fmt, isi, lebar))

    def on_berita_acara_screen_tersusun(self, message: Tersusun) -> None:
        if message.fmt != self.fmt or message.revisi < self._tampil[0]:
            return
        if message.fmt == "txt" and message.lebar != self._lebar_pratinjau():
            return  # laid out for an older width: the one for the current width follows
        self._tampil = (message.revisi, message.fmt)
        self.query_one("#isi", Static).update(Text(message.teks, no_wrap=True, overflow="ignore"))
        # Lines wider than the screen (a Markdown line, a table too wide to break): said, with the keys.
        terlebar = max((cell_len(b) for b in message.teks.splitlines()), default=0)
        baris = self._keadaan.copy()
        if terlebar > (self.size.width or self.app.size.width):
            baris.append(f"\n{g('warn')} Baris lebih lebar dari layar: geser dengan h/l atau panah "
                         "kiri/kanan.")
        self.query_one("#keadaan", Static).update(baris)

    # --- keys ---
    def boleh_aksi(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Sahkan only while unsigned, Buka kembali only once signed: hidden otherwise (Footer, Ctrl+P, F1).
        Sahkan stays offered to every role: pressed by one other than the pimpinan it says how to sign."""
        if action == "sahkan":
            return not self.data.info.terkunci
        if action == "buka_kembali":
            return self.data.info.terkunci
        return True

    def action_gulir(self, n: int) -> None:
        self.query_one("#dokumen", ScrollableContainer).scroll_relative(y=n, animate=False)

    def action_geser(self, n: int) -> None:
        self.query_one("#dokumen", ScrollableContainer).scroll_relative(x=n, animate=False)

    def action_ujung(self, akhir: int) -> None:
        doc = self.query_one("#dokumen", ScrollableContainer)
        (doc.scroll_end if akhir else doc.scroll_home)(animate=False)

    def action_ganti_format(self) -> None:
        self.fmt = "md" if self.fmt == "txt" else "txt"
        self.status.atur(f"Pratinjau {'Markdown' if self.fmt == 'md' else 'teks biasa'}.")
        self._susun(self.data, self.fmt, self._lebar_pratinjau())

    def action_ekspor(self, fmt: str) -> None:
        try:
            pengesahan.pastikan_sesuai_sah(self.data, "Berita acara")
        except SesiError as e:
            self.status.atur(teks(str(e)), galat=True)
            return
        folder = os.path.dirname(aplikasi(self).store.path)
        awal = os.path.join(folder, berita_acara.nama_berkas(self.data, fmt))
        judul = "Simpan berita acara sebagai " + {"md": "Markdown", "txt": "teks biasa"}.get(fmt, "Word, kertas F4")
        boleh_timpa: set[str] = set()  # paths the user agreed to replace

        def periksa(v: dict[str, str]) -> str | None:
            path = os.path.expanduser(v["berkas"].strip())
            if os.path.isdir(path):
                return f"{path} adalah folder; tulis nama berkasnya."
            if not os.path.isdir(os.path.dirname(os.path.abspath(path))):
                return f"Folder {os.path.dirname(os.path.abspath(path))} tidak ada."
            try:  # the session's own files are refused before any question of replacing them
                periksa_bukan_sesi(path)
            except SesiError as e:
                return str(e)
            if os.path.lexists(path) and os.path.abspath(path) not in boleh_timpa:
                def timpa(ya: bool | None) -> None:
                    if ya:
                        boleh_timpa.add(os.path.abspath(path))
                        form.action_simpan()
                self.app.push_screen(KonfirmasiDialog(f"Berkas {path} sudah ada. Ganti dengan berita acara ini?",
                                                      ya="Ganti"), timpa)
                return f"Berkas {path} sudah ada; pilih Ganti untuk menimpanya, atau ubah nama berkas."
            try:
                hasil = berita_acara.simpan(self.data, fmt, path)
            except SesiError as e:  # the session's own files, a planted symlink, a signed file edited
                return str(e)
            except OSError as e:
                return f"Gagal menulis {path}: {e.strerror or e}."
            self.status.atur(teks(f"{g('ok')} Berita acara disimpan: {hasil}"))
            return None
        form = FormDialog(judul, [Kolom("berkas", "Berkas", awal, wajib=True)], periksa, tombol="Simpan")
        self.app.push_screen(form)

    def action_sahkan(self) -> None:
        if self.data.info.terkunci:
            self.status.atur(isi_tombol(self, "Berita acara sudah disahkan. {berita_acara.buka_kembali} membuka kembali "
                                         "pengesahan (dengan alasan)."),
                             galat=True)
            return
        if aplikasi(self).pelaku.peran != "pimpinan":
            self.status.atur("Pengesahan hanya oleh pimpinan sidang: buka aplikasi dengan --peran pimpinan.",
                             galat=True)
            return
        # The gate (sesi.pengesahan.hal_terbuka, on today's date), checked before anything is signed.
        terbuka = pengesahan.hal_terbuka(self.data, tanggal_sah=aplikasi(self).store.clock().date())
        catatan = pengesahan.catatan_sebelum_sahkan(self.data)

        def selesai(hasil) -> None:
            if hasil.ok:
                self.status.atur(teks(f"{g('ok')} Disahkan. Sidik jari "
                                      f"{pengesahan.kode_sidik_jari(aplikasi(self).data) or '-'} "
                                      f"{g('dot')} rev {hasil.revisi}"))

        if terbuka:
            judul = ("Berita acara belum dapat disahkan; masih terbuka:\n" + _daftar(terbuka)
                     + "\n\nSelesaikan dahulu (Esc), atau sahkan tetap dengan alasan yang dicetak di berita "
                     "acara. Sesi akan dikunci.")

            def alasan(teks_alasan: str | None) -> None:
                if teks_alasan:
                    selesai(self.simpan(pengesahan.sahkan, tetap=teks_alasan))
            dialog = AlasanDialog(judul, "Alasan sahkan tetap")
            dialog.tombol = "Sahkan tetap"
            self.app.push_screen(dialog, alasan)
            return
        pertanyaan = "Sahkan berita acara sekarang? Sesi akan dikunci dan tidak dapat diubah lagi."
        if catatan:
            pertanyaan += "\n\nPerhatian:\n" + _daftar(catatan)

        def jawab(ya: bool | None) -> None:
            if ya:
                selesai(self.simpan(pengesahan.sahkan))
        self.app.push_screen(KonfirmasiDialog(pertanyaan, ya="Sahkan"), jawab)

    def action_buka_kembali(self) -> None:
        if not self.data.info.terkunci:
            self.status.atur("Berita acara belum disahkan.", galat=True)
            return

        def jawab(alasan: str | None) -> None:
            if alasan:
                hasil = self.simpan(pengesahan.buka_kembali, alasan)
                if hasil.ok:
                    self.status.atur(f"Pengesahan dibuka kembali; alasan dicatat {g('dot')} rev {hasil.revisi}")
        self.app.push_screen(AlasanDialog("Buka kembali pengesahan berita acara", "Alasan"), jawab)


def _daftar(hal: list[str], batas: int = 8) -> str:
    """Points as "- ..." lines, at most `batas` and a count of the rest."""
    out = "\n".join(f"- {h}" for h in hal[:batas])
    return out + (f"\n- ... dan {len(hal) - batas} lainnya" if len(hal) > batas else "")
