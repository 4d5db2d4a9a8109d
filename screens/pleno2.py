"""Sidang Pleno II: each kelompok's list as its ketua presents it, tanggapan, the forum's decisions with
their reasons, agreement per kelompok, the delegation, the tim perumus and the signatories.

Four parts reachable by the keys 1-4. Every decision is a `sesi.pleno` action; this screen only shows the
data and asks for what the action needs (a reason, a person).
"""

from __future__ import annotations

from typing import Any, Callable

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Static, TabbedContent, TabPane

from sesi import catatan, pleno
from sesi.data import Data
from sesi.format import angka, jam, rupiah
from sesi.model import UNSUR, UNSUR_SINGKAT, Kelompok, label_unsur
from sesi.peringkat import aturan_urutan, bulat
from sesi.peringatan import sebut_kelompok

from .base import LayarTahap
from .glyph import g
from .pilih_kelompok import PilihKelompok
from .widgets import AlasanDialog, FormDialog, Kolom, KonfirmasiDialog, PilihDialog, Tabel, potong, teks

#: Parts of the screen: pane id, tab label (the digit is its key).
BAGIAN: list[tuple[str, str]] = [
    ("p-daftar", "1 Daftar & keputusan"),
    ("p-tanggapan", "2 Tanggapan"),
    ("p-delegasi", "3 Delegasi & perumus"),
    ("p-ttd", "4 Penandatangan"),
]
#: The table each part focuses when it opens.
TABEL_UTAMA = {"p-daftar": "urutan", "p-tanggapan": "tanggapan", "p-delegasi": "delegasi", "p-ttd": "ttd"}

#: Short labels of the decisions for the narrow decisions table (the full words are in sesi.pleno).
KEPUTUSAN_SINGKAT = {
    "naik": "Naik",
    "turun": "Turun",
    "belum_disepakati": "Belum disepakati",
    "dipulihkan": "Dikembalikan",
    "kelompok_disepakati": "Daftar disepakati",
    "kesepakatan_dibatalkan": "Kesepakatan dibatalkan",
}

KOLOM_URUTAN = [("No", "no"), ("Kegiatan", "kegiatan"), ("Kelurahan", "kel"), ("SKPD", "skpd"),
                ("Total", "total"), ("Ket.", "ket")]

JABATAN_PERUMUS = {"ketua": "Ketua", "sekretaris": "Sekretaris", "anggota": "Anggota"}


def _baris(*bagian: Text | str) -> Text:
    """One line of plain pieces (str pieces are user text: never markup), cut with an ellipsis."""
    out = Text(no_wrap=True, overflow="ellipsis")
    for b in bagian:
        out.append_text(b if isinstance(b, Text) else teks(b))
    return out


def _gabung(*baris: Text) -> Text:
    """Lines joined, each kept to one line (cut with an ellipsis rather than wrapped)."""
    out = Text("\n").join(baris)
    out.no_wrap = True
    out.overflow = "ellipsis"
    return out


class Pleno2Screen(PilihKelompok, LayarTahap):
    TAHAP = "pleno2"
    BANTUAN = (
        "Sidang Pleno II dipimpin Camat. Layar ini terdiri atas empat bagian, dibuka dengan tombol 1 sampai 4. "
        "(1) Daftar & keputusan: daftar urutan usulan kelompok yang dipilih, sebagaimana dipaparkan ketuanya "
        "(tanda seri: hanya dibedakan urutan masuk, diputuskan forum; \"awal N\": peringkat hasil skoring "
        "sebelum digeser). [ dan ] berpindah kelompok, P memilih kelompok dari daftar. N menaikkan dan T "
        "menurunkan usulan yang disorot satu urutan, B menyatakannya belum disepakati atau mengembalikannya; "
        "setiap keputusan itu wajib disertai alasan. S menyepakati daftar kelompok (urutan dikunci, nilai "
        "tidak dapat diubah lagi) atau membatalkan kesepakatan dengan alasan. A menampilkan aturan urutan. "
        "Daftar keputusan kelompok tampil di bawah. (2) Tanggapan: C mencatat tanggapan, penajaman atau "
        "klarifikasi peserta (siapa, unsurnya, isi, dan usulan yang ditanggapi). (3) Delegasi & perumus: D "
        "menambah delegasi ke Forum Perangkat Daerah / Musrenbang Kota dari peserta yang hadir, R menambah "
        "anggota tim perumus (ketua, sekretaris, anggota). (4) Penandatangan: satu wakil untuk setiap unsur "
        "yang hadir; Enter atau U memilih penandatangan unsur yang disorot; unsur hadir yang belum mempunyai "
        "penandatangan ditampilkan. Del atau X menghapus baris yang disorot (tanggapan, delegasi, perumus, "
        "penandatangan) setelah konfirmasi. Tab berpindah antartabel dalam satu bagian."
    )

    BINDINGS = [
        Binding("p", "pilih_kelompok", "Kelompok", id="pleno2.pilih_kelompok"),
        Binding("s", "sepakati", "Sepakati", id="pleno2.sepakati"),
        Binding("n", "geser(-1)", "Naikkan urutan (dengan alasan)", id="pleno2.naik", show=False),
        Binding("t", "geser(1)", "Turunkan urutan (dengan alasan)", id="pleno2.turun", show=False),
        Binding("b", "belum_disepakati", "Belum disepakati / kembalikan", id="pleno2.belum", show=False),
        Binding("right_square_bracket", "geser_kelompok(1)", "Kelompok berikut", id="pleno2.kelompok_berikut",
                show=False, key_display="]"),
        Binding("left_square_bracket", "geser_kelompok(-1)", "Kelompok sebelumnya", id="pleno2.kelompok_sebelum",
                show=False, key_display="["),
        Binding("a", "aturan", "Aturan urutan dan seri", id="pleno2.aturan", show=False),
        Binding("c", "tanggapan", "Catat tanggapan", id="pleno2.tanggapan", show=False),
        Binding("d", "delegasi", "Tambah delegasi", id="pleno2.delegasi", show=False),
        Binding("r", "perumus", "Tambah tim perumus", id="pleno2.perumus", show=False),
        Binding("u", "penandatangan", "Atur penandatangan unsur", id="pleno2.penandatangan", show=False),
        Binding("delete,x", "hapus", "Hapus baris yang disorot", id="pleno2.hapus", show=False),
        *[Binding(label[0], f"bagian('{pid}')", f"Bagian {label[2:]}", id=f"pleno2.bagian_{label[0]}",
                  show=False) for pid, label in BAGIAN],
    ]

    DEFAULT_CSS = """
    Pleno2Screen TabbedContent { height: 1fr; }
    Pleno2Screen ContentSwitcher { height: 1fr; }
    Pleno2Screen TabPane { height: 1fr; padding: 0; }
    Pleno2Screen .info { height: auto; padding: 0 1; background: $panel; text-wrap: nowrap;
                         text-overflow: ellipsis; }
    Pleno2Screen .petunjuk { height: 1; padding: 0 1; color: $text-muted; text-wrap: nowrap;
                             text-overflow: ellipsis; }
    Pleno2Screen #urutan { height: 1fr; }
    Pleno2Screen #rinci { height: 2; padding: 0 1; background: $boost; text-wrap: nowrap;
                          text-overflow: ellipsis; }
    Pleno2Screen #keputusan { height: 5; }
    Pleno2Screen #tanggapan { height: 1fr; }
    Pleno2Screen #tg-rinci { height: 3; padding: 0 1; background: $boost; }
    Pleno2Screen #delegasi, Pleno2Screen #perumus { height: 1fr; }
    Pleno2Screen #ttd { height: 1fr; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.kid = ""

    def isi(self) -> ComposeResult:
        with TabbedContent(id="bagian"):
            with TabPane(BAGIAN[0][1], id="p-daftar"):
                yield Static(id="kel-info", classes="info")
                yield Tabel(id="urutan")
                yield Static(id="rinci")
                yield Static(_baris(
                    "N/T naik/turun ", g("dot"), " B belum disepakati ", g("dot"), " S sepakati ", g("dot"),
                    " [ ] P kelompok ", g("dot"), " A aturan"), classes="petunjuk")
                yield Tabel(id="keputusan")
            with TabPane(BAGIAN[1][1], id="p-tanggapan"):
                yield Static(id="tg-info", classes="info")
                yield Tabel(id="tanggapan")
                yield Static(id="tg-rinci")
            with TabPane(BAGIAN[2][1], id="p-delegasi"):
                yield Static(id="dl-info", classes="info")
                yield Tabel(id="delegasi")
                yield Static(id="pr-info", classes="info")
                yield Tabel(id="perumus")
            with TabPane(BAGIAN[3][1], id="p-ttd"):
                yield Static(id="ttd-info", classes="info")
                yield Tabel(id="ttd")

    def on_mount(self) -> None:
        # Textual calls LayarTahap.on_mount after this one (handlers run down the class tree): it shows the data.
        self.kid = self._kelompok_awal(self.data)
        self.tabel("urutan").focus()

    def tabel(self, nama: str) -> Tabel:
        return self.query_one(f"#{nama}", Tabel)

    def _kelompok_awal(self, data: Data) -> str:
        ids = [k.id for k in data.kelompok]
        aktif = getattr(self.app, "kelompok_aktif", "")
        if aktif in ids:
            return aktif
        return ids[0] if ids else ""

    # --- showing ---------------------------------------------------------------------------------
    def segarkan(self, data: Data, perubahan: dict) -> None:
        if self.kid not in {k.id for k in data.kelompok}:
            self.kid = self._kelompok_awal(data)
        ubah = set(perubahan) if perubahan else None

        def kena(*tables: str) -> bool:
            return ubah is None or bool(ubah.intersection(tables))

        if kena("kelompok", "usulan", "skor", "kriteria", "peserta", "keputusan"):
            self._isi_daftar(data)
        if kena("tanggapan", "usulan", "kelompok"):
            self._isi_tanggapan(data)
        if kena("delegasi", "perumus"):
            self._isi_delegasi(data)
        if kena("penandatangan", "peserta"):
            self._isi_ttd(data)

    def _isi_daftar(self, data: Data) -> None:
        kel = data.kelompok_dari_id(self.kid)
        tabel = self.tabel("urutan")
        info = self.query_one("#kel-info", Static)
        if kel is None:
            tabel.isi(KOLOM_URUTAN, [])
            info.update(teks("Belum ada kelompok: usulan belum dimasukkan (layar Persiapan)."))
            self.tabel("keputusan").isi([("Jam", "jam"), ("Keputusan", "kep"), ("Alasan", "alasan")], [])
            return
        urutan = pleno.urutan_akhir(data, kel.id)
        rows: list[tuple[str, list[Any]]] = []
        for i, b in enumerate(urutan, start=1):
            u = b.usulan
            ket = []
            if b.seri:
                ket.append(f"{g('tie')}seri")
            if b.peringkat != i:
                ket.append(f"awal {b.peringkat}")
            rows.append((u.id, [str(i), potong(u.kegiatan, 25), potong(u.kelurahan, 14), potong(u.skpd, 12),
                                teks(bulat(b.total), "bold"), " ".join(ket)]))
        semua = data.usulan_kelompok(kel.id)
        belum = [u for u in semua if u.status == "belum_disepakati"]
        for u in belum:
            rows.append((u.id, [teks("-", "dim"), teks(potong(u.kegiatan, 25), "dim"),
                                teks(potong(u.kelurahan, 14), "dim"), teks(potong(u.skpd, 12), "dim"), "",
                                teks("belum", "italic")]))
        tabel.isi(KOLOM_URUTAN, rows)

        ids = [k.id for k in data.kelompok]
        ketua = data.peserta.get(kel.ketua)
        baris1 = _baris(teks(sebut_kelompok(kel.nama), "bold"), f" ({ids.index(kel.id) + 1}/{len(ids)})",
                        f" {g('dot')} Ketua: ", ketua.nama if ketua else "belum dipilih")
        if kel.disepakati:
            baris2 = _baris(Text(f"{g('ok')} Disepakati {jam(kel.disepakati)}", style="bold"))
        else:
            baris2 = _baris("Belum disepakati")
        lain = len(semua) - len(urutan) - len(belum)
        baris2.append_text(_baris(f" {g('dot')} {len(urutan)} diperingkat",
                                  f" {g('dot')} {len(belum)} belum disepakati" if belum else "",
                                  f" {g('dot')} {lain} belum lengkap/disisihkan" if lain else ""))
        info.update(_gabung(baris1, baris2))
        self._isi_rinci(data)
        self._isi_keputusan(data)

    def _isi_rinci(self, data: Data) -> None:
        """The highlighted usulan in full: the title and kelurahan, then location, volume, cost and SKPD."""
        uid = self.tabel("urutan").kunci_terpilih()
        u = data.usulan.get(uid) if uid else None
        rinci = self.query_one("#rinci", Static)
        if u is None:
            rinci.update("")
            return
        vol = f"{angka(u.volume)} {u.satuan}".strip() if u.volume else ""
        dua = [u.lokasi, vol, rupiah(u.perkiraan_biaya), u.skpd, f"prioritas kelurahan {u.prioritas_kelurahan}"]
        if u.status == "belum_disepakati" and u.alasan:
            dua.insert(0, f"belum disepakati: {u.alasan}")
        sep = f" {g('dot')} "
        rinci.update(_gabung(_baris(teks(u.id + " ", "dim"), teks(u.kegiatan, "bold"), sep,
                                    u.kelurahan), _baris(sep.join(b for b in dua if b))))

    def _isi_keputusan(self, data: Data) -> None:
        tabel = self.tabel("keputusan")
        rows = []
        for k in data.records("keputusan").values():
            if k.kelompok != self.kid:
                continue
            u = data.usulan.get(k.usulan) if k.usulan else None
            isi = KEPUTUSAN_SINGKAT.get(k.jenis, k.jenis) + (f": {u.kegiatan}" if u else "")
            rows.append((k.id, [jam(k.waktu), potong(isi, 40), potong(k.alasan, 28)]))
        rows.sort(key=lambda r: (len(r[0]), r[0]))
        baru = rows and tabel.row_count != len(rows)
        tabel.isi([("Jam", "jam"), ("Keputusan kelompok ini", "kep"), ("Alasan", "alasan")], rows)
        if not rows:
            tabel.isi([], [("-", ["", teks("Belum ada keputusan untuk kelompok ini.", "dim"), ""])])
        elif baru:
            tabel.move_cursor(row=len(rows) - 1, animate=False)

    def _isi_tanggapan(self, data: Data) -> None:
        rows = []
        kel_nama = {k.id: k.nama for k in data.kelompok}
        for t in data.records("tanggapan").values():
            u = data.usulan.get(t.usulan) if t.usulan else None
            tentang = u.kegiatan if u else kel_nama.get(t.kelompok, "")
            rows.append((t.id, [jam(t.waktu), potong(t.nama, 18), UNSUR_SINGKAT.get(t.unsur, t.unsur),
                                potong(tentang, 16), potong(t.isi, 24)]))
        rows.sort(key=lambda r: (len(r[0]), r[0]))
        tabel = self.tabel("tanggapan")
        baru = rows and tabel.row_count != len(rows)
        tabel.isi([("Jam", "jam"), ("Nama", "nama"), ("Unsur", "unsur"), ("Tentang", "tentang"),
                   ("Isi", "isi")], rows)
        if baru:
            tabel.move_cursor(row=len(rows) - 1, animate=False)
        self.query_one("#tg-info", Static).update(_baris(
            Text(f"Tanggapan peserta ({len(rows)})", style="bold"),
            f"  {g('dot')}  C catat {g('dot')} Del hapus {g('dot')} tentang kelompok yang dipilih di bagian 1"))
        self._isi_tg_rinci(data)

    def _isi_tg_rinci(self, data: Data) -> None:
        tid = self.tabel("tanggapan").kunci_terpilih()
        t = data.records("tanggapan").get(tid) if tid else None
        if t is None:
            self.query_one("#tg-rinci", Static).update(teks("Belum ada tanggapan. Tekan C untuk mencatat.", "dim"))
            return
        u = data.usulan.get(t.usulan) if t.usulan else None
        kel = data.kelompok_dari_id(t.kelompok)
        out = Text()
        out.append_text(teks(t.nama, "bold"))
        if t.unsur:
            out.append(f" ({label_unsur(t.unsur)})")
        if u:
            out.append(" tentang ")
            out.append_text(teks(u.kegiatan))
            out.append(f" ({u.id})")
        elif kel:
            out.append(" tentang ")
            out.append_text(teks(sebut_kelompok(kel.nama)))
        out.append(": ")
        out.append_text(teks(t.isi))
        self.query_one("#tg-rinci", Static).update(out)

    def _isi_delegasi(self, data: Data) -> None:
        rows = []
        perempuan = 0
        for i, d in enumerate(data.records("delegasi").values(), start=1):
            perempuan += d.jenis_kelamin == "P"
            rows.append((d.id, [str(i), potong(d.nama, 26), UNSUR_SINGKAT.get(d.unsur, d.unsur),
                                potong(d.lembaga or d.keterangan, 30), d.jenis_kelamin]))
        self.tabel("delegasi").isi([("No", "no"), ("Nama", "nama"), ("Unsur", "unsur"),
                                    ("Lembaga / kelurahan", "lembaga"), ("L/P", "lp")], rows)
        self.query_one("#dl-info", Static).update(_gabung(
            _baris(Text("Delegasi ke Forum Perangkat Daerah / Musrenbang Kota", style="bold")),
            _baris(f"{len(rows)} orang, {perempuan} perempuan  {g('dot')}  D tambah  {g('dot')}  Del hapus")))
        rows = []
        for i, p in enumerate(data.records("perumus").values(), start=1):
            rows.append((p.id, [str(i), potong(p.nama, 30), JABATAN_PERUMUS.get(p.jabatan, p.jabatan)]))
        self.tabel("perumus").isi([("No", "no"), ("Nama", "nama"), ("Jabatan", "jabatan")], rows)
        self.query_one("#pr-info", Static).update(_baris(
            Text("Tim perumus", style="bold"), f" (dipimpin Camat): {len(rows)} orang  {g('dot')}  R tambah  "
            f"{g('dot')}  Del hapus"))

    def _isi_ttd(self, data: Data) -> None:
        ttd = data.records("penandatangan")
        hadir: dict[str, int] = {}
        for p in data.peserta.values():
            if p.hadir:
                hadir[p.unsur] = hadir.get(p.unsur, 0) + 1
        rows = []
        for u in UNSUR:
            if u not in hadir and u not in ttd:
                continue
            t = ttd.get(u)
            nama = teks(potong(t.nama, 26)) if t else teks(f"{g('warn')} belum ada", "bold")
            rows.append((u, [UNSUR_SINGKAT.get(u, u), str(hadir.get(u, 0)), nama,
                             potong(t.jabatan, 28) if t else ""]))
        self.tabel("ttd").isi([("Unsur", "unsur"), ("Hadir", "hadir"), ("Penandatangan", "nama"),
                               ("Jabatan / lembaga", "jabatan")], rows)
        kurang = pleno.unsur_hadir_tanpa_penandatangan(data)
        info = self.query_one("#ttd-info", Static)
        if kurang:
            info.update(Text.assemble(
                (f"{g('warn')} Unsur hadir tanpa penandatangan ({len(kurang)}): ", "bold"),
                ", ".join(UNSUR_SINGKAT.get(u, u) for u in kurang), f"\nEnter/U pilih penandatangan {g('dot')} "
                "Del hapus"))
        else:
            info.update(Text.assemble((f"{g('ok')} Setiap unsur yang hadir sudah mempunyai penandatangan.", "bold"),
                                      f"\nEnter/U ganti penandatangan {g('dot')} Del hapus"))

    @on(DataTable.RowHighlighted, "#urutan")
    def _sorot_urutan(self) -> None:
        self._isi_rinci(self.data)

    @on(DataTable.RowHighlighted, "#tanggapan")
    def _sorot_tanggapan(self) -> None:
        self._isi_tg_rinci(self.data)

    # --- parts and kelompok ----------------------------------------------------------------------
    def _buka(self, pid: str) -> None:
        tabs = self.query_one(TabbedContent)
        if tabs.active != pid:
            tabs.active = pid
        if not isinstance(self.focused, Tabel) or self.focused.id not in self._tabel_bagian(pid):
            self.set_focus(self.tabel(TABEL_UTAMA[pid]))  # at once: keys typed next go to this table

    @staticmethod
    def _tabel_bagian(pid: str) -> set[str]:
        return {"p-daftar": {"urutan", "keputusan"}, "p-tanggapan": {"tanggapan"},
                "p-delegasi": {"delegasi", "perumus"}, "p-ttd": {"ttd"}}[pid]

    def action_bagian(self, pid: str) -> None:
        self._buka(pid)

    @on(TabbedContent.TabActivated)
    def _tab_aktif(self, event: TabbedContent.TabActivated) -> None:
        pid = event.pane.id or ""
        if pid in TABEL_UTAMA and not (isinstance(self.focused, Tabel) and self.focused.id in
                                       self._tabel_bagian(pid)):
            self.tabel(TABEL_UTAMA[pid]).focus()

    def _ganti_kelompok(self, kid: str) -> None:
        if kid == self.kid:
            return
        self.kid = kid
        if hasattr(self.app, "kelompok_aktif"):
            self.app.kelompok_aktif = kid  # the Kelompok and Skoring screens follow the one discussed
        self.tabel("urutan").move_cursor(row=0, animate=False)
        self._isi_daftar(self.data)

    def sebelum_ganti_kelompok(self) -> None:
        self._buka("p-daftar")

    def keterangan_kelompok(self, data: Data, k: Kelompok) -> str:
        status = "disepakati" if k.disepakati else "belum disepakati"
        return f"{len(pleno.urutan_akhir(data, k.id))} usulan diperingkat {g('dot')} {status}"

    def action_aturan(self) -> None:
        from .bantuan import BantuanScreen

        self.app.push_screen(BantuanScreen("Aturan urutan", aturan_urutan(self.data), []))

    # --- decisions on the list -------------------------------------------------------------------
    def _minta_alasan(self, judul: str, aksi: Callable[..., Any], *args: Any) -> None:
        def simpan(alasan: str) -> str | None:
            hasil = self.simpan(aksi, *args, alasan=alasan)
            return None if hasil.ok else hasil.pesan

        def selesai(_: Any) -> None:
            self._buka("p-daftar")
        self.app.push_screen(AlasanDialog(judul, periksa=simpan), selesai)

    def _usulan_dibahas(self):
        """The usulan highlighted in part 1 (opened if needed), or None with a hint in the status line."""
        self._buka("p-daftar")
        uid = self.tabel("urutan").kunci_terpilih()
        u = self.data.usulan.get(uid) if uid else None
        if u is None:
            self.status.atur("Pilih usulan di daftar dahulu.")
        return u

    def action_geser(self, arah: int) -> None:
        u = self._usulan_dibahas()
        if u is None:
            return
        if u.status == "belum_disepakati":
            self.status.atur(teks(f"{u.kegiatan} belum disepakati; kembalikan dahulu dengan B."), galat=True)
            return
        order = [b.usulan.id for b in pleno.urutan_akhir(self.data, self.kid)]
        i = order.index(u.id) + 1 if u.id in order else 0
        ke = f" (ke-{i + arah})" if 1 <= i + arah <= len(order) else ""
        kata = "Naikkan" if arah < 0 else "Turunkan"
        self._minta_alasan(f"{kata} urutan {i}{ke}: {u.kegiatan} ({u.kelurahan})", pleno.geser, self.kid, u.id,
                           arah)

    def action_belum_disepakati(self) -> None:
        u = self._usulan_dibahas()
        if u is None:
            return
        if u.status == "belum_disepakati":
            self._minta_alasan(f"Kembalikan ke daftar: {u.kegiatan} ({u.kelurahan})", pleno.pulihkan_usulan, u.id)
        else:
            self._minta_alasan(f"Belum disepakati: {u.kegiatan} ({u.kelurahan})", pleno.tandai_belum_disepakati,
                               u.id)

    def action_sepakati(self) -> None:
        self._buka("p-daftar")
        kel = self.data.kelompok_dari_id(self.kid)
        if kel is None:
            return
        nama = sebut_kelompok(kel.nama)
        if kel.disepakati:
            self._minta_alasan(f"Batalkan kesepakatan daftar {nama}", pleno.batal_sepakat, kel.id)
            return
        n = len(pleno.urutan_akhir(self.data, kel.id))

        def jawab(ya: bool | None) -> None:
            if ya:
                hasil = self.simpan(pleno.sepakati_kelompok, kel.id)
                if hasil.ok:
                    self.status.atur(teks(f"{g('ok')} Tersimpan rev {hasil.revisi} {g('dot')} daftar {nama} "
                                          "disepakati"))
        self.app.push_screen(KonfirmasiDialog(
            f"Sepakati daftar {nama} ({n} usulan) dalam urutan yang tampil? Urutan dan nilainya terkunci sampai "
            "kesepakatan dibatalkan.", ya="Sepakati"), jawab)

    # --- tanggapan -------------------------------------------------------------------------------
    def _pilih_peserta(self, judul: str, callback: Callable[[str | None], None], *, lain: str | None = None,
                       utamakan: str = "", kecuali: set[str] = frozenset()) -> None:
        """Choose a participant who is present; `lain` adds a first option for someone not registered."""
        data = self.data
        hadir = [p for p in data.peserta.values() if p.hadir and p.id not in kecuali]
        hadir.sort(key=lambda p: p.unsur != utamakan)
        pilihan = [(lain, "-")] if lain else []
        for p in hadir:
            asal = p.lembaga or p.kelurahan
            pilihan.append((f"{p.nama} {g('dot')} {UNSUR_SINGKAT.get(p.unsur, p.unsur)}"
                            + (f" {g('dot')} {asal}" if asal else ""), p.id))
        self.app.push_screen(PilihDialog(judul, pilihan, petunjuk="Ketik beberapa huruf nama, Enter"), callback)

    def action_tanggapan(self) -> None:
        self._buka("p-tanggapan")

        def orang(pid: str | None) -> None:
            if pid is None:
                return
            p = self.data.peserta.get(pid) if pid != "-" else None
            self._form_tanggapan(p.nama if p else "", p.unsur if p else "")
        self._pilih_peserta("Siapa yang menanggapi?", orang, lain="(nama lain: ketik di formulir)")

    def _form_tanggapan(self, nama: str, unsur: str) -> None:
        data = self.data
        usulan = [(f"{i}. {potong(b.usulan.kegiatan, 30)} ({b.usulan.kelurahan})", b.usulan.id)
                  for i, b in enumerate(pleno.urutan_akhir(data, self.kid), start=1)]
        usulan += [(f"- {potong(u.kegiatan, 30)} ({u.kelurahan}, belum disepakati)", u.id)
                   for u in data.usulan_kelompok(self.kid) if u.status == "belum_disepakati"]
        sorot = self.tabel("urutan").kunci_terpilih() or ""
        kel = data.kelompok_dari_id(self.kid)
        judul = "Tanggapan" + (f" tentang {sebut_kelompok(kel.nama)}" if kel else "")

        def periksa(v: dict[str, str]) -> str | None:
            hasil = self.simpan(catatan.tambah_tanggapan, v["nama"], v["isi"], unsur=v["unsur"],
                                kelompok=self.kid, usulan=v["usulan"])
            return None if hasil.ok else hasil.pesan
        self.app.push_screen(FormDialog(judul, [
            Kolom("nama", "Nama", nama, wajib=True),
            Kolom("unsur", "Unsur", unsur, pilihan=[(lbl, k) for k, lbl in UNSUR.items()]),
            Kolom("usulan", "Usulan yang ditanggapi", sorot, pilihan=usulan),
            Kolom("isi", "Isi tanggapan", wajib=True, petunjuk="tanggapan, penajaman atau klarifikasi"),
        ], periksa, tombol="Catat", fokus="isi" if nama else "nama"), lambda _: self._buka("p-tanggapan"))

    # --- delegation, tim perumus, signatories ---------------------------------------------------------
    def action_delegasi(self) -> None:
        self._buka("p-delegasi")
        sudah = {d.peserta for d in self.data.records("delegasi").values() if d.peserta}

        def pilih(pid: str | None) -> None:
            if pid:
                self.simpan(pleno.tambah_delegasi, peserta=pid)
            self.tabel("delegasi").focus()
        self._pilih_peserta("Delegasi ke Forum Perangkat Daerah / Musrenbang Kota", pilih, utamakan="delegasi",
                            kecuali=sudah)

    def action_perumus(self) -> None:
        self._buka("p-delegasi")
        ada_ketua = any(p.jabatan == "ketua" for p in self.data.records("perumus").values())

        def jabatan(pid: str) -> Callable[[str | None], None]:
            def pilih(jab: str | None) -> None:
                if jab:
                    self.simpan(pleno.tambah_perumus, peserta=pid, jabatan=jab)
                self.tabel("perumus").focus()
            return pilih

        def orang(pid: str | None) -> None:
            if not pid:
                return
            urut = ["anggota", "sekretaris", "ketua"] if ada_ketua else ["ketua", "sekretaris", "anggota"]
            nama = self.data.peserta[pid].nama
            self.app.push_screen(PilihDialog(f"Jabatan {nama} dalam tim perumus",
                                             [(JABATAN_PERUMUS[j], j) for j in urut]), jabatan(pid))
        self._pilih_peserta("Anggota tim perumus", orang, utamakan="camat" if not ada_ketua else "")

    def action_penandatangan(self) -> None:
        self._buka("p-ttd")
        unsur = self.tabel("ttd").kunci_terpilih()
        if not unsur:
            self.status.atur("Belum ada unsur yang hadir.")
            return

        def pilih(pid: str | None) -> None:
            if pid:
                self.simpan(pleno.atur_penandatangan, unsur, peserta=pid)
            self.tabel("ttd").focus()
        self._pilih_peserta(f"Penandatangan untuk unsur {label_unsur(unsur)}", pilih, utamakan=unsur)

    @on(Tabel.RowSelected, "#ttd")
    def _enter_ttd(self) -> None:
        self.action_penandatangan()

    def action_hapus(self) -> None:
        fokus = self.focused
        nama = fokus.id if isinstance(fokus, Tabel) else ""
        tabel = {"tanggapan": "tanggapan", "delegasi": "delegasi", "perumus": "perumus",
                 "ttd": "penandatangan"}.get(nama or "")
        if tabel is None:
            self.status.atur("Del menghapus tanggapan, delegasi, anggota tim perumus atau penandatangan yang "
                             "disorot; keputusan tidak dihapus (ubah dengan keputusan baru).")
            return
        rid = fokus.kunci_terpilih()  # type: ignore[union-attr]
        rec = self.data.records(tabel).get(rid) if rid else None
        if rec is None:
            return
        if tabel == "tanggapan":
            tanya, aksi, args = f"Hapus tanggapan {rec.nama}: \"{potong(rec.isi, 80)}\"?", \
                catatan.hapus_tanggapan, (rid,)
        else:
            jenis = {"delegasi": "delegasi", "perumus": "tim perumus",
                     "penandatangan": f"penandatangan unsur {label_unsur(rid)}"}[tabel]
            tanya, aksi, args = f"Hapus {rec.nama} dari {jenis}?", pleno.hapus_dari, (tabel, rid)

        def jawab(ya: bool | None) -> None:
            if ya:
                self.simpan(aksi, *args)
            fokus.focus()
        self.app.push_screen(KonfirmasiDialog(tanya, ya="Hapus"), jawab)
