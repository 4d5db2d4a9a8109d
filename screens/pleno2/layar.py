"""Sidang Pleno II: each kelompok's list as its ketua presents it, tanggapan, the forum's decisions with
their reasons, agreement per kelompok, the delegation, the tim perumus and the signatories.

Four parts reachable by the keys 1-4, one module each (daftar, tanggapan, delegasi, penandatangan). Every
decision is a `sesi.pleno` action taken by a part; this screen chooses the kelompok, hands it down to the
list, routes its keys to the part they act on, and shows the parts' messages.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import TabbedContent, TabPane

from sesi.data import Data
from sesi.model import Kelompok
from sesi.peringkat import aturan_urutan

from ..bagian import Bagian, LayarBagian
from ..glyph import g
from ..kontrak import aplikasi
from ..pilih_kelompok import PilihKelompok
from ..tombol import isi_tombol
from ..widgets import Tabel
from .bersama import BagianPleno
from .daftar import BagianDaftar, ringkas_hasil
from .delegasi import BagianDelegasi
from .penandatangan import BagianPenandatangan
from .tanggapan import BagianTanggapan

#: Parts of the screen: pane id, tab label (the digit is its key).
BAGIAN: list[tuple[str, str]] = [
    ("p-daftar", "1 Daftar & keputusan"),
    ("p-tanggapan", "2 Tanggapan"),
    ("p-delegasi", "3 Delegasi & perumus"),
    ("p-ttd", "4 Penandatangan"),
]
#: Tab labels for a narrow terminal: all four tabs stay on screen at 60 columns.
BAGIAN_PENDEK: dict[str, str] = {"p-daftar": "1 Daftar", "p-tanggapan": "2 Tanggapan", "p-delegasi": "3 Delegasi",
                                 "p-ttd": "4 Ttd"}
KELAS_BAGIAN: dict[str, type[BagianPleno]] = {
    "p-daftar": BagianDaftar,
    "p-tanggapan": BagianTanggapan,
    "p-delegasi": BagianDelegasi,
    "p-ttd": BagianPenandatangan,
}


class Pleno2Screen(PilihKelompok, LayarBagian):
    TAHAP = "pleno2"
    CSS_PATH = "layar.tcss"
    # What the stage is for; each key and what it does is listed from BINDINGS (F1).
    BANTUAN = (
        "Sidang Pleno II dipimpin Camat. Layar ini terdiri atas empat bagian. "
        "(1) Daftar & keputusan: daftar urutan usulan kelompok yang dipilih, sebagaimana dipaparkan ketuanya "
        "(tanda seri: hanya dibedakan urutan masuk, diputuskan forum; \"awal N\": peringkat hasil skoring "
        "sebelum digeser). Usulan yang disorot dapat dinaikkan atau diturunkan satu urutan, atau dinyatakan "
        "belum disepakati (dan dikembalikan); setiap keputusan itu wajib disertai alasan. Menyepakati daftar "
        "kelompok mengunci urutannya (nilai tidak dapat diubah lagi); kesepakatan dapat dibatalkan dengan "
        "alasan. Daftar keputusan kelompok tampil di bawah. (2) Tanggapan: tanggapan, penajaman atau "
        "klarifikasi peserta (siapa, unsurnya, isi, dan usulan yang ditanggapi). (3) Delegasi & perumus: "
        "delegasi ke Forum Perangkat Daerah / Musrenbang RKPD kabupaten/kota dari peserta yang hadir, dan "
        "anggota tim "
        "perumus (ketua, sekretaris, anggota). (4) Penandatangan: satu wakil untuk setiap unsur yang hadir; "
        "Enter memilih penandatangan unsur yang disorot; unsur hadir yang belum mempunyai penandatangan "
        "ditampilkan. Baris yang disorot (tanggapan, delegasi, perumus, penandatangan) dapat dihapus setelah "
        "konfirmasi. Kelompok yang dipilih di sini juga dibuka di layar Kelompok dan Skoring. Tab berpindah "
        "antartabel dalam satu bagian."
    )

    BINDINGS = [
        Binding("p", "pilih_kelompok", "Kelompok", id="pleno2.pilih_kelompok",
                tooltip="Pilih kelompok dari daftar; Kelompok dan Skoring mengikuti"),
        Binding("s", "sepakati", "Sepakati", id="pleno2.sepakati",
                tooltip="Sepakati daftar kelompok (urutan dikunci, nilai tidak dapat diubah lagi) atau batalkan "
                        "kesepakatan dengan alasan"),
        Binding("n", "geser(-1)", "Naikkan urutan (dengan alasan)", id="pleno2.naik", show=False,
                tooltip="Usulan yang disorot, satu urutan"),
        Binding("t", "geser(1)", "Turunkan urutan (dengan alasan)", id="pleno2.turun", show=False,
                tooltip="Usulan yang disorot, satu urutan"),
        Binding("b", "belum_disepakati", "Belum disepakati / kembalikan", id="pleno2.belum", show=False,
                tooltip="Usulan yang disorot, dengan alasan"),
        Binding("right_square_bracket", "geser_kelompok(1)", "Kelompok berikut", id="pleno2.kelompok_berikut",
                show=False, key_display="]"),
        Binding("left_square_bracket", "geser_kelompok(-1)", "Kelompok sebelumnya", id="pleno2.kelompok_sebelum",
                show=False, key_display="["),
        Binding("a", "aturan", "Aturan urutan dan seri", id="pleno2.aturan", show=False),
        Binding("c", "tanggapan", "Catat tanggapan", id="pleno2.tanggapan", show=False,
                tooltip="Tanggapan, penajaman atau klarifikasi peserta atas usulan yang disorot"),
        Binding("w", "jawab", "Catat jawaban tanggapan", id="pleno2.jawab", show=False,
                tooltip="Jawaban yang diberikan forum atas tanggapan yang disorot (dicetak di notulen)"),
        Binding("d", "delegasi", "Tambah delegasi", id="pleno2.delegasi", show=False,
                tooltip="Ke Forum Perangkat Daerah / Musrenbang Kota, dari peserta yang hadir"),
        Binding("r", "perumus", "Tambah tim perumus", id="pleno2.perumus", show=False,
                tooltip="Ketua, sekretaris atau anggota"),
        Binding("u", "penandatangan", "Atur penandatangan unsur", id="pleno2.penandatangan", show=False,
                tooltip="Satu wakil untuk unsur yang disorot"),
        Binding("delete,x", "hapus", "Hapus baris yang disorot", id="pleno2.hapus", show=False,
                tooltip="Tanggapan, delegasi, perumus atau penandatangan, setelah konfirmasi"),
        *[Binding(label[0], f"bagian('{pid}')", f"Bagian {label[2:]}", id=f"pleno2.bagian_{label[0]}",
                  show=False) for pid, label in BAGIAN],
    ]

    def __init__(self) -> None:
        super().__init__()
        self.kid = ""

    def isi(self) -> ComposeResult:
        with TabbedContent(id="bagian"):
            for pid, label in BAGIAN:
                with TabPane(label, id=pid):
                    yield KELAS_BAGIAN[pid]()

    def on_mount(self) -> None:
        # Textual calls LayarTahap.on_mount after this one (handlers run down the class tree): it shows the data.
        self.kid = self._kelompok_awal(self.data)
        self.query_one(BagianDaftar).tabel("urutan").focus()
        self.ikuti_kelompok_aktif()
        if any(k.startswith("pleno2.") for k in aplikasi(self).draf.semua()):
            # Typed before a crash or a forced quit and never saved: its dialog opens with it again.
            self.call_after_refresh(self.status.atur, isi_tombol(
                self, f"{g('warn')} Ada ketikan yang belum tersimpan (draf): dialognya ({{pleno2.tanggapan}}, "
                "{pleno2.jawab}, {pleno2.naik}, {pleno2.turun}, {pleno2.belum} atau {pleno2.sepakati}) membukanya "
                "kembali."))

    def on_screen_resume(self) -> None:
        # Another screen chose another kelompok: show it (LayarBagian's and LayarTahap's handlers run next).
        self.ikuti(aplikasi(self).kelompok_aktif)

    def _kelompok_awal(self, data: Data) -> str:
        ids = [k.id for k in data.kelompok]
        aktif = aplikasi(self).kelompok_aktif
        if aktif in ids:
            return aktif
        return ids[0] if ids else ""

    # --- showing: the kelompok down to the list, each change down to the parts ---
    def segarkan(self, data: Data, perubahan: dict) -> None:
        if self.kid not in {k.id for k in data.kelompok}:
            self.kid = self._kelompok_awal(data)
        daftar = self.query_one(BagianDaftar)
        if daftar.kid != self.kid:
            daftar.kid = self.kid
            daftar.tandai({})
        self.segarkan_bagian(data, perubahan)

    def ukuran_berubah(self, sempit: bool, pendek: bool) -> None:
        tabs = self.query_one(TabbedContent)
        for pid, label in BAGIAN:
            tabs.get_tab(pid).label = BAGIAN_PENDEK[pid] if sempit else label

    def bagian_tampak(self, bagian: Bagian) -> bool:
        return f"p-{bagian.KUNCI}" == self.query_one(TabbedContent).active

    # --- parts and kelompok ---
    def _bagian(self, pid: str) -> BagianPleno:
        return self.query_one(f"#bagian-{pid[2:]}", BagianPleno)

    def _buka(self, pid: str) -> BagianPleno:
        """Show a part (its remembered changes too) with the focus on one of its tables; returns the part."""
        tabs = self.query_one(TabbedContent)
        if tabs.active != pid:
            tabs.active = pid
        bagian = self._bagian(pid)
        bagian.segarkan_tertunda(self.data)
        if not isinstance(self.focused, Tabel) or bagian not in self.focused.ancestors:
            utama = bagian.utama()
            if utama is not None:
                self.set_focus(utama)  # at once: keys typed next go to this table
        return bagian

    def action_bagian(self, pid: str) -> None:
        self._buka(pid)

    @on(TabbedContent.TabActivated)
    def _tab_aktif(self, event: TabbedContent.TabActivated) -> None:
        pid = event.pane.id or ""
        if pid in KELAS_BAGIAN:
            bagian = self._bagian(pid)
            bagian.segarkan_tertunda(self.data)
            if not (isinstance(self.focused, Tabel) and bagian in self.focused.ancestors):
                bagian.fokus()

    def _ganti_kelompok(self, kid: str) -> None:
        if kid == self.kid:
            return
        self.kid = kid
        aplikasi(self).kelompok_aktif = kid  # the Kelompok and Skoring screens follow the one discussed
        self.query_one(BagianDaftar).ganti_kelompok(kid)

    def sebelum_ganti_kelompok(self) -> None:
        self._buka("p-daftar")

    def keterangan_kelompok(self, data: Data, k: Kelompok) -> str:
        status = "disepakati" if k.disepakati else "belum disepakati"
        return f"{ringkas_hasil(data, k.id)} {g('dot')} {status}"

    def action_aturan(self) -> None:
        from ..bantuan import BantuanScreen

        self.app.push_screen(BantuanScreen("Aturan urutan", aturan_urutan(self.data), []))

    # --- keys: each opens its part and asks it to act ---
    def _daftar(self) -> BagianDaftar:
        self._buka("p-daftar")
        return self.query_one(BagianDaftar)

    def action_geser(self, arah: int) -> None:
        self._daftar().geser(arah)

    def action_belum_disepakati(self) -> None:
        self._daftar().belum_disepakati()

    def action_sepakati(self) -> None:
        self._daftar().sepakati()

    def action_tanggapan(self) -> None:
        sorot = self.query_one(BagianDaftar).usulan_sorot()
        self._buka("p-tanggapan")
        self.query_one(BagianTanggapan).catat(self.kid, sorot)

    def action_jawab(self) -> None:
        self._buka("p-tanggapan")
        self.query_one(BagianTanggapan).jawab()

    def action_delegasi(self) -> None:
        self._buka("p-delegasi")
        self.query_one(BagianDelegasi).tambah_delegasi()

    def action_perumus(self) -> None:
        self._buka("p-delegasi")
        self.query_one(BagianDelegasi).tambah_perumus()

    def action_penandatangan(self) -> None:
        self._buka("p-ttd")
        self.query_one(BagianPenandatangan).atur()

    def action_hapus(self) -> None:
        fokus = self.focused
        if isinstance(fokus, Tabel):
            bagian = next((a for a in fokus.ancestors if isinstance(a, BagianPleno)), None)
            if bagian is not None and bagian.hapus(fokus):
                return
        self.status.atur(isi_tombol(self, "{pleno2.hapus} menghapus tanggapan, delegasi, anggota tim perumus atau "
                                    "penandatangan yang disorot; keputusan tidak dihapus (ubah dengan keputusan baru)."))
