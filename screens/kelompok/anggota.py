"""Kelompok, part 1: the members (present participants), added one by one or in bulk, and removed."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from sesi import kelompok
from sesi.data import Data
from sesi.model import JABATAN_KELOMPOK, Kelompok
from sesi.sebutan import label_unsur_singkat, pilihan_unsur, wilayah, wilayah_kecil

from ..glyph import g
from .bagian import BagianSidang, TabelBagian, teks_belum_ditetapkan
from ..teks import aman, lebar_kolom, potong, teks_baris
from ..tombol import isi_tombol
from ..widgets import FormDialog, Kolom, PilihDialog


class TabelAnggota(TabelBagian):
    BINDINGS = [
        Binding("t", "bagian('tambah')", "Tambah anggota", id="kelompok.anggota.tambah",
                tooltip="Satu peserta hadir; ketik nama, desa/kelurahan atau unsur untuk mencari"),
        Binding("m", "bagian('massal')", "Massal", id="kelompok.anggota.massal",
                tooltip="Masukkan semua peserta hadir dari satu desa/kelurahan dan/atau unsur sekaligus"),
        Binding("x,delete", "bagian('keluarkan')", "Keluarkan anggota", id="kelompok.anggota.keluarkan",
                show=False, key_display="x/Del", tooltip="Anggota yang disorot, langsung; u mengurungkannya"),
        Binding("u", "bagian('urungkan')", "Urungkan keluarkan", id="kelompok.anggota.urungkan",
                tooltip="Masukkan kembali anggota yang terakhir dikeluarkan di terminal ini"),
    ]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """"u" is offered (Footer, help, palette) only while there is a removal to undo."""
        if action == "bagian" and parameters == ("urungkan",):
            bagian = next((a for a in self.ancestors if isinstance(a, BagianAnggota)), None)
            return bagian is not None and bagian.terakhir_keluar is not None
        return True


class BagianAnggota(BagianSidang):
    KUNCI = "anggota"
    TABEL = frozenset({"peserta", "kelompok"})

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        #: (peserta, kelompok) of the last member removed here: "u" puts them back
        self.terakhir_keluar: tuple[str, str] | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="anggota-ringkas", classes="ringkas")
        yield TabelAnggota(id="anggota-tabel")

    def segarkan(self, data: Data, perubahan: dict) -> None:
        kel = data.kelompok_dari_id(self.kid) if self.kid else None
        if self.hanya_pesan(teks_belum_ditetapkan(self, data, kel) if kel is None or kel.virtual else None):
            return
        ringkas = self.query_one("#anggota-ringkas", Static)
        tabel = self.tabel()
        jabatan = {getattr(kel, j): label for j, label in JABATAN_KELOMPOK.items() if getattr(kel, j)}
        anggota = data.anggota(kel.id)
        hadir = [p for p in anggota if p.hadir]
        rows = []
        lebar = self.app.size.width
        lebar_nama, lebar_asal = lebar_kolom(lebar, 26, 0.4), lebar_kolom(lebar, 16, 0.3)
        for p in anggota:
            gaya = "" if p.hadir else "dim"
            ket = jabatan.get(p.id, "") if p.hadir else "tidak hadir"
            rows.append((p.id, [teks_baris(potong(p.nama, lebar_nama), gaya), teks_baris(label_unsur_singkat(data, p.unsur), gaya),
                                teks_baris(potong(p.kelurahan or p.lembaga, lebar_asal), gaya), teks_baris(p.jenis_kelamin, gaya),
                                teks_baris(ket, "bold" if p.id in jabatan else gaya)]))
        tabel.isi([("Nama", "nama"), ("Unsur", "unsur"), (wilayah(data), "kel"), ("L/P", "lp"),
                   ("Jabatan", "jabatan")], rows)
        dot = f" {g('dot')} "
        out = Text(no_wrap=True, overflow="ellipsis")
        out.append("Fasilitator: ")
        out.append(aman(kel.fasilitator) or "(belum ditetapkan)", style="bold")
        out.append(f"{dot}{len(hadir)} anggota hadir", style="bold")
        if len(anggota) > len(hadir):
            out.append(f" (+{len(anggota) - len(hadir)} tidak hadir)")
        out.append(f"{dot}L {sum(p.jenis_kelamin == 'L' for p in hadir)}"
                   f"{dot}P {sum(p.jenis_kelamin == 'P' for p in hadir)}")
        rentan = sum(p.rentan for p in hadir)
        if rentan:
            out.append(f"{dot}rentan {rentan}")
        bebas = sum(1 for p in data.peserta.values() if p.hadir and not p.kelompok)
        out.append(f"\nBelum berkelompok: {bebas} peserta hadir", style="" if bebas else "dim")
        out.append(isi_tombol(self, f"{dot}{{kelompok.anggota.tambah}} tambah{dot}{{kelompok.anggota.massal}} massal"
                                    f"{dot}{{kelompok.anggota.keluarkan}} keluarkan"), style="dim")
        ringkas.update(out)

    # --- actions ---
    def _siap(self) -> Kelompok | None:
        kel = self.kel
        if kel is None or kel.virtual:
            self.kabar(isi_tombol(self, f"{g('warn')} Tetapkan kelompok dahulu (tombol {{kelompok.per_bidang}}: satu kelompok "
                                        "per bidang)."), galat=True)
            return None
        return kel

    def aksi_tambah(self) -> None:
        kel = self._siap()
        if kel is None:
            return
        data = self.data
        nama_kel = {k.id: k.nama for k in data.kelompok}
        calon = [p for p in data.peserta.values() if p.hadir and p.kelompok != kel.id]
        calon.sort(key=lambda p: bool(p.kelompok))  # those without a kelompok first, in entry order
        pilihan = []
        for p in calon:
            label = f"{aman(p.nama)} {g('dot')} {label_unsur_singkat(self.data, p.unsur)}"
            if p.kelurahan:
                label += f" {g('dot')} {aman(p.kelurahan)}"
            if p.kelompok:
                label += f" {g('dot')} kini di {aman(nama_kel.get(p.kelompok, p.kelompok))}"
            pilihan.append((label, p.id))
        if not pilihan:
            self.kabar(isi_tombol(self, "Tidak ada peserta hadir lain. Catat kehadiran di layar Pendaftaran "
                                  "({app.layar_pendaftaran})."), galat=True)
            return

        def pilih(pid: str | None) -> None:
            if not pid:
                return
            hasil = self.simpan(kelompok.atur_anggota, pid, kel.id)
            if hasil.ok:
                self.sorot([pid])
                self.kabar(f"{g('ok')} {aman(self.data.peserta[pid].nama)} masuk {aman(kel.nama)} "
                           f"{g('dot')} Tersimpan rev {hasil.revisi}")
        self.app.push_screen(PilihDialog(f"Tambah anggota {aman(kel.nama)}", pilihan,
                                         petunjuk=f"Ketik nama, {wilayah_kecil(self.data)} atau unsur; Enter memilih"), pilih)

    def aksi_massal(self) -> None:
        kel = self._siap()
        if kel is None:
            return
        data = self.data
        kolom = [
            Kolom("kelurahan", wilayah(data), pilihan=[(aman(k.nama), k.nama) for k in data.kelurahan]),
            Kolom("unsur", "Unsur", pilihan=pilihan_unsur(self.data)),
            Kolom("hanya", "Yang dimasukkan", "ya", wajib=True,
                  pilihan=[("Hanya yang belum berkelompok", "ya"), ("Semua, pindahkan dari kelompok lain", "tidak")]),
        ]
        self._massal: tuple[int, set[str]] = (0, set())

        def periksa(v: dict[str, str]) -> str | None:
            hasil = self.simpan(kelompok.atur_anggota_massal, kel.id, kelurahan=v["kelurahan"], unsur=v["unsur"],
                                hanya_tanpa_kelompok=v["hanya"] != "tidak")
            if not hasil.ok:
                return hasil.pesan
            if not hasil.nilai:
                return "Tidak ada peserta hadir yang cocok" + (" dan belum berkelompok." if v["hanya"] != "tidak"
                                                                else ".")
            self._massal = (hasil.nilai, set(hasil.perubahan.get("peserta", ())))
            return None

        def selesai(v: dict | None) -> None:
            if v:
                self.sorot(self._massal[1])  # the first of those who came in
                self.kabar(f"{g('ok')} {self._massal[0]} peserta masuk {aman(kel.nama)} "
                           f"{g('dot')} Tersimpan rev {self.data.revisi}")
        self.app.push_screen(FormDialog(f"Masukkan anggota {aman(kel.nama)} secara massal "
                                        f"(pilih {wilayah_kecil(data)}, unsur, atau keduanya)", kolom, periksa,
                                        tombol="Masukkan"), selesai)

    def aksi_keluarkan(self) -> None:
        kel = self._siap()
        if kel is None:
            return
        pid = self.tabel().kunci_terpilih()
        if not pid:
            self.kabar("Belum ada anggota untuk dikeluarkan.", galat=True)
            return
        nama = aman(self.data.peserta[pid].nama)
        hasil = self.simpan(kelompok.atur_anggota, pid, "")
        if hasil.ok:
            self.terakhir_keluar = (pid, kel.id)
            self.tabel().refresh_bindings()
            self.kabar(f"{nama} dikeluarkan dari {aman(kel.nama)} (u mengurungkan) "
                       f"{g('dot')} Tersimpan rev {hasil.revisi}")

    def aksi_urungkan(self) -> None:
        """Put the member removed last back in their kelompok."""
        if self.terakhir_keluar is None:
            self.kabar("Tidak ada yang dapat diurungkan.")
            return
        pid, kid = self.terakhir_keluar
        hasil = self.simpan(kelompok.atur_anggota, pid, kid)
        if hasil.ok:
            self.terakhir_keluar = None
            self.tabel().refresh_bindings()
            self.sorot([pid])
            p = self.data.peserta.get(pid)
            k = self.data.records("kelompok").get(kid)
            self.kabar(f"{g('ok')} {aman(p.nama if p else pid)} kembali ke {aman(k.nama if k else kid)} "
                       f"{g('dot')} Tersimpan rev {hasil.revisi}")
