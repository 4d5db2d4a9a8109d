"""Persiapan: everything prepared before the day, in six parts reachable by keys 1-6.

1 Sesi (the session's own data and the date warnings), 2 Acara & tim (jadwal, tim penyelenggara,
narasumber with their material, fasilitator, sambutan), 3 Kriteria (the criteria editor), 4 Kelompok,
5 Usulan (kelurahan and their usulan), 6 Impor (workbooks and CSV files, with a preview). The generic keys
(Ctrl+O add, Ctrl+E/Enter edit, Del delete) act on the part shown; every change is one `sesi` action saved
through the app.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import TabbedContent, TabPane

from ..bagian import Bagian, LayarBagian
from .bagian import BagianAcara, BagianKelompok, BagianPersiapan, BagianSesi
from .kriteria import BagianKriteria
from .impor import BagianImpor
from .usulan import BagianUsulan

#: part key -> tab title (the digit is the key that shows it)
BAGIAN: dict[str, str] = {
    "sesi": "1 Sesi",
    "acara": "2 Acara & tim",
    "kriteria": "3 Kriteria",
    "kelompok": "4 Kelompok",
    "usulan": "5 Usulan",
    "impor": "6 Impor",
}
#: Tab labels for a narrow terminal: all six tabs stay on screen at 60 columns.
BAGIAN_PENDEK: dict[str, str] = {"sesi": "1 Sesi", "acara": "2 Acara", "kriteria": "3 Kriteria",
                                 "kelompok": "4 Kelompok", "usulan": "5 Usulan", "impor": "6 Impor"}
KELAS_BAGIAN: dict[str, type[BagianPersiapan]] = {
    "sesi": BagianSesi,
    "acara": BagianAcara,
    "kriteria": BagianKriteria,
    "kelompok": BagianKelompok,
    "usulan": BagianUsulan,
    "impor": BagianImpor,
}

#: which parts each generic action works in (the Footer shows it only there)
BERLAKU: dict[str, frozenset[str]] = {
    "tambah": frozenset({"acara", "kriteria", "kelompok", "usulan"}),
    "ubah": frozenset({"sesi", "acara", "kriteria", "kelompok", "usulan"}),
    "hapus": frozenset({"acara", "kriteria", "kelompok", "usulan"}),
    "pratinjau_impor": frozenset({"impor"}),
    "peran_akun": frozenset({"sesi"}),
}


class PersiapanScreen(LayarBagian):
    TAHAP = "persiapan"
    CSS_PATH = "layar.tcss"
    # What the stage is for; each key and what it does is listed from BINDINGS (F1).
    BANTUAN = (
        "Persiapan sebelum hari pelaksanaan, dalam enam bagian (juga lewat {app.fokus_sebelum} ke deretan judul lalu "
        "Kiri/Kanan). Sesi: data sesi dan peringatan tanggal (pengumuman minimal 7 hari sebelumnya); Enter "
        "mengubahnya dalam satu formulir. Acara & tim: jadwal, tim penyelenggara, narasumber dengan materinya, "
        "fasilitator, dan sambutan. Kriteria: kode, nama, bobot, skala dengan label setiap nilai; lima "
        "kriteria baku dapat dipasang sebelum ada nilai skor. Selain set bawaan sesi, satu kelompok, satu jenis "
        "usulan (fisik/non-fisik), atau jenis dalam satu kelompok dapat memakai set kriterianya sendiri; skala "
        "dari 0-1 sampai 0-100, langkah 1 atau 0,5. Cara penilaian (nilai beberapa penilai dirata-rata atau "
        "dijumlahkan, arti nilai yang tidak diberikan, daftar penilai) ditetapkan sebelum penilaian dimulai. Kelompok: nama, bidang yang dicakup (Spasi "
        "memilih beberapa), dan fasilitator; satu kelompok dapat dibentuk untuk setiap bidang. Usulan: daftar "
        "desa/kelurahan di kiri (memilih salah satunya menyaring usulan) dan usulannya di kanan; Tab berpindah "
        "daftar. "
        "Impor: pilih jenis data dan berkas (lembar kerja .xlsx, .xls, .ods atau CSV); pratinjau menampilkan "
        "judul kolom dengan kolom aplikasinya, tiga baris pertama, baris yang dilewati, setiap masalah, dan saran "
        "nama yang dapat diterima; pemetaan kolom, lembar dan bidang dapat dipilih di sana. Seluruh berkas "
        "diperiksa dahulu; bila ada satu saja masalah, tidak ada yang diubah. Pada daftar, Enter juga mengubah baris yang disorot; menghapus selalu dengan "
        "konfirmasi. Setiap perubahan langsung tersimpan."
    )

    BINDINGS = [
        Binding("ctrl+o", "tambah", "Tambah", id="persiapan.tambah", tooltip="Di bagian yang tampil"),
        # "Pratinjau" (not "Pratinjau impor"): with the preview's keys the Footer must fit 80 columns.
        Binding("ctrl+o", "pratinjau_impor", "Pratinjau", id="persiapan.impor",
                tooltip="Judul kolom, pemetaan, tiga baris, masalah dan saran; belum mengubah apa pun "
                        "(juga Enter)"),
        Binding("ctrl+e", "ubah", "Ubah", id="persiapan.ubah", tooltip="Baris yang disorot (juga Enter)"),
        Binding("a", "peran_akun", "Peran akun", id="persiapan.peran_akun",
                tooltip="Peran setiap akun unix (hanya pemilik berkas); pengesahan hanya oleh akun pimpinan"),
        Binding("delete", "hapus", "Hapus", id="persiapan.hapus",
                tooltip="Baris yang disorot, setelah konfirmasi"),
        Binding("b", "kriteria_baku", "Pasang kriteria baku", id="persiapan.kriteria_baku", show=False,
                tooltip="Lima kriteria baku; hanya sebelum ada nilai skor; ditanyakan dahulu"),
        Binding("s", "pilih_set", "Pilih set kriteria", id="persiapan.pilih_set", show=False,
                tooltip="Set bawaan, per kelompok, atau per jenis usulan (fisik/non-fisik)"),
        Binding("x", "hapus_set", "Hapus set kriteria", id="persiapan.hapus_set", show=False,
                tooltip="Set yang tampil (bukan set bawaan), setelah konfirmasi"),
        Binding("c", "cara_penilaian", "Cara penilaian", id="persiapan.cara_penilaian", show=False,
                tooltip="Rata-rata atau jumlah nilai penilai, nilai yang tidak diberikan, total 0-100, penilai"),
        Binding("p", "per_bidang", "Satu kelompok per bidang", id="persiapan.per_bidang", show=False,
                tooltip="Membentuk satu kelompok untuk setiap bidang usulan yang belum memiliki kelompok; "
                        "ditanyakan dahulu"),
        Binding("ctrl+l", "telusuri", "Telusuri folder untuk impor", id="persiapan.telusuri", show=False),
        *[Binding(judul[0], f"bagian('{key}')", f"Bagian {judul[2:]}", id=f"persiapan.bagian_{key}", show=False)
          for key, judul in BAGIAN.items()],
    ]

    def isi(self) -> ComposeResult:
        with TabbedContent(initial="sesi", id="bagian"):
            for key, judul in BAGIAN.items():
                with TabPane(judul, id=key):
                    yield KELAS_BAGIAN[key]()

    def on_mount(self) -> None:  # LayarTahap.on_mount runs too (Textual calls the handler of each class)
        self._bagian_aktif().fokus()

    # --- parts ---
    @property
    def aktif(self) -> str:
        return self.query_one("#bagian", TabbedContent).active or "sesi"

    def _bagian(self, key: str) -> BagianPersiapan:
        return self.query_one(f"#bagian-{key}", BagianPersiapan)

    def _bagian_aktif(self) -> BagianPersiapan:
        return self._bagian(self.aktif)

    def bagian_tampak(self, bagian: Bagian) -> bool:
        return bagian.KUNCI == self.aktif

    def lebar_berubah(self) -> None:
        # The session data's values follow the width (the other parts' lists keep theirs).
        sesi = self.query_one(BagianSesi)
        sesi.query_one("#sesi-tabel").clear(columns=True)
        sesi.segarkan(self.data, {})

    def ukuran_berubah(self, sempit: bool, pendek: bool) -> None:
        tabs = self.query_one("#bagian", TabbedContent)
        for key, judul in BAGIAN.items():
            tabs.get_tab(key).label = BAGIAN_PENDEK[key] if sempit else judul

    @on(TabbedContent.TabActivated, "#bagian")
    def _tab_aktif(self) -> None:
        self._bagian_aktif().segarkan_tertunda(self.data)
        self.refresh_bindings()

    # --- actions ---
    def boleh_aksi(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        berlaku = BERLAKU.get(action)
        if berlaku is None or not self.is_mounted:
            return True
        return self.aktif in berlaku

    def action_bagian(self, key: str) -> None:
        tabs = self.query_one("#bagian", TabbedContent)
        if tabs.active != key:
            tabs.active = key
            self._bagian_aktif().segarkan_tertunda(self.data)
            self.refresh_bindings()
        self._bagian(key).fokus()

    def action_tambah(self) -> None:
        self._bagian_aktif().tambah()

    def action_ubah(self) -> None:
        self._bagian_aktif().ubah()

    def action_peran_akun(self) -> None:
        self.query_one(BagianSesi).ubah_peran()

    def action_hapus(self) -> None:
        self._bagian_aktif().hapus()

    def action_kriteria_baku(self) -> None:
        self.action_bagian("kriteria")
        self.query_one(BagianKriteria).pasang_baku()

    def action_pilih_set(self) -> None:
        self.action_bagian("kriteria")
        self.query_one(BagianKriteria).pilih_set()

    def action_hapus_set(self) -> None:
        self.action_bagian("kriteria")
        self.query_one(BagianKriteria).hapus_set()

    def action_cara_penilaian(self) -> None:
        self.action_bagian("kriteria")
        self.query_one(BagianKriteria).ubah_cara_penilaian()

    def action_per_bidang(self) -> None:
        self.action_bagian("kelompok")
        self.query_one(BagianKelompok).per_bidang()

    async def action_telusuri(self) -> None:
        if self.aktif != "impor":
            self.action_bagian("impor")
        await self.query_one(BagianImpor).telusuri()

    def action_pratinjau_impor(self) -> None:
        self.query_one(BagianImpor).periksa()
