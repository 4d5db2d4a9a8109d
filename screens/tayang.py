"""The projector view: a large, calm, read-only view for the hall that follows the live session.

It never writes and never takes the write lock; it watches the file with the app's own watcher
(screens/pengamat.py, once a second here) and repaints only when the session changed. The view follows the session's stage (attendance during registration and
Pleno I, the current kelompok's ranking during the group sessions and scoring, the agreed list during
Pleno II) unless pinned with a key or `musrenbang tayang --tampilan`.
"""

from __future__ import annotations

from typing import Any, Iterable

from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Digits, Footer, Static

from sesi.data import Data, normal
from sesi.format import tanggal_panjang

from sesi.pendaftaran import rekap
from sesi.peringkat import aturan_urutan, bulat, peringkat_kelompok
from sesi.pleno import daftar_prioritas
from sesi.urutan import urutan_akhir
from sesi.store import Store
from sesi.sebutan import daerah, label_unsur_singkat, wilayah

from . import glyph
from .glyph import g
from .pengamat import BerkasBerubah, BerkasGagalDibaca, PengamatBerkas
from .tombol import buka_palet, perintah_palet

TAMPILAN = {"kehadiran": "Kehadiran", "peringkat": "Peringkat kelompok", "kesepakatan": "Hasil kesepakatan"}
IKUT_TAHAP = {"persiapan": "kehadiran", "pendaftaran": "kehadiran", "pleno1": "kehadiran",
              "kelompok": "peringkat", "skoring": "peringkat", "pleno2": "kesepakatan"}


def tampilan_untuk(data: Data, pilihan: str) -> str:
    """The view to show: the pinned one, or the one that suits the session's stage."""
    if pilihan in TAMPILAN:
        return pilihan
    return IKUT_TAHAP.get(data.info.tahap, "kehadiran")


def kesepakatan_disepakati(data: Data) -> bool:
    """Has Pleno II agreed the list: every kelompok with a final order agreed (and at least one)?"""
    kel = [k for k in data.kelompok if urutan_akhir(data, k.id)]
    return bool(kel) and all(k.disepakati for k in kel)


def judul_tampilan(data: Data, view: str) -> str:
    """The view's title: the Pleno II view says it is a draft until Pleno II agrees the list."""
    if view == "kesepakatan" and not kesepakatan_disepakati(data):
        return "Rancangan urutan (belum disepakati)"
    return TAMPILAN[view]


def isi_kesepakatan(data: Data) -> list[tuple[str, list[tuple[str, str, str, str]]]]:
    """The Pleno II view's content: per SKPD, its usulan in the final order (`sesi.pleno.daftar_prioritas`,
    from `sesi.urutan.urutan_akhir`) as (No, Kegiatan, Kelurahan, Nilai)."""
    return [(skpd, [(str(i), it.usulan.kegiatan, it.usulan.kelurahan, bulat(it.total))
                    for i, it in enumerate(items, start=1)]) for skpd, items in daftar_prioritas(data)]


def isi_peringkat(data: Data, kid: str) -> list[tuple[str, str, str, str]]:
    """The ranking view's rows for kelompok `kid` in its final order (`sesi.urutan.urutan_akhir`):
    (place, with the rank by the scores when Pleno II moved it; Kegiatan; Kelurahan; Nilai, with "seri")."""
    out = []
    for t in urutan_akhir(data, kid):
        tempat = str(t.peringkat_akhir) + (f" ({t.peringkat_skor})" if t.bergeser else "")
        out.append((tempat, t.usulan.kegiatan, t.usulan.kelurahan,
                    bulat(t.total) + (f" {g('tie')} seri" if t.seri else "")))
    return out


def kelompok_terkini(data: Data) -> str:
    """The kelompok whose usulan were scored most recently (the one the hall is waiting for)."""
    hist = data.raw.get("riwayat", {})
    n = 0
    for key in reversed(hist):
        e = hist[key]
        n += 1
        if e.get("aksi") in ("skor", "hapus skor"):
            uid = str(e.get("objek", "")).split("/")[0]
            kid = data.kelompok_usulan.get(uid)
            if kid:
                return kid
        if n > 2000:
            break
    return data.kelompok[0].id if data.kelompok else ""


class TayangApp(App):
    """Read-only projector app (also runs under textual-serve for a browser)."""

    TITLE = "Musrenbang Kecamatan"
    CSS_PATH = "tayang.tcss"
    POLL_DETIK = 1.0

    BINDINGS = [
        Binding("1", "pilih('kehadiran')", "Kehadiran", id="tayang.kehadiran"),
        Binding("2", "pilih('peringkat')", "Peringkat", id="tayang.peringkat"),
        Binding("3", "pilih('kesepakatan')", "Kesepakatan", id="tayang.kesepakatan"),
        Binding("0", "pilih('otomatis')", "Ikuti tahap", id="tayang.otomatis"),
        Binding("right,l", "kelompok(1)", "Kelompok berikut", id="tayang.kelompok_berikut", show=False),
        Binding("left,h", "kelompok(-1)", "Kelompok sebelum", id="tayang.kelompok_sebelum", show=False),
        Binding("ctrl+q,q", "quit", "Keluar", id="tayang.keluar"),
        Binding("ctrl+p", "command_palette", "Perintah", id="tayang.perintah", show=False),
    ]

    def __init__(self, store: Store, tampilan: str = "otomatis", kelompok: str | None = None,
                 ascii: bool = False, **kwargs: Any):
        super().__init__(**kwargs)
        self.store = store
        self.data = store.data
        self.pilihan = tampilan
        self.kelompok_sematan = ""
        if kelompok:
            for k in self.data.kelompok:
                if normal(k.nama) == normal(kelompok) or k.id == kelompok:
                    self.kelompok_sematan = k.id
        glyph.set_ascii(ascii)
        self.ascii = ascii
        self._terakhir: tuple[int, str, str] | None = None
        self.pengamat = PengamatBerkas(self, store, self.POLL_DETIK)

    def compose(self) -> ComposeResult:
        yield Static(id="kepala")
        with VerticalScroll(id="isi"):
            yield Horizontal(id="angka")
            yield Static(id="badan")
        yield Static(id="kaki")
        yield Footer()

    def on_mount(self) -> None:
        self.gambar(force=True)
        self.pengamat.mulai()

    @on(BerkasBerubah)
    def _berkas_berubah(self, pesan: BerkasBerubah) -> None:
        self.data = pesan.data
        self.gambar()

    @on(BerkasGagalDibaca)
    def _berkas_gagal(self, pesan: BerkasGagalDibaca) -> None:
        self.query_one("#kaki", Static).update(Text(f"{g('warn')} {pesan.pesan}"))

    async def baca_perubahan(self) -> None:
        """Poll now and wait until a changed file has been read and drawn."""
        await self.pengamat.baca_sekarang()

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        return perintah_palet(screen)

    def action_command_palette(self) -> None:
        buka_palet(self)

    # --- views ---
    def gambar(self, force: bool = False) -> None:
        data = self.data
        view = tampilan_untuk(data, self.pilihan)
        kid = self.kelompok_sematan or kelompok_terkini(data)
        kunci = (data.revisi, view, kid)
        if kunci == self._terakhir and not force:
            return
        self._terakhir = kunci
        info = data.info
        try:
            tgl = tanggal_panjang(info.tanggal)
        except ValueError:
            tgl = info.tanggal
        self.query_one("#kepala", Static).update(Text(
            f"MUSRENBANG KECAMATAN {info.kecamatan.upper()}  {g('dot')}  {judul_tampilan(data, view).upper()}\n"
            f"RKPD {daerah(data)} Tahun {info.tahun}  {g('dot')}  {tgl}", justify="center"))
        angka = self.query_one("#angka", Horizontal)
        angka.remove_children()
        badan = self.query_one("#badan", Static)
        if view == "kehadiran":
            self._kehadiran(data, angka, badan)
        elif view == "peringkat":
            self._peringkat(data, kid, badan)
        else:
            self._kesepakatan(data, badan)
        mode = "mengikuti tahap sesi" if self.pilihan not in TAMPILAN else "disematkan"
        self.query_one("#kaki", Static).update(Text(
            f"Tampilan {mode} {g('dot')} rev {data.revisi} {g('dot')} kiri/kanan: kelompok"))

    def _kehadiran(self, data: Data, angka: Horizontal, badan: Static) -> None:
        r = rekap(data)
        persen = f"{r.persen_perempuan:.1f}".replace(".", ",")
        kolom = [("HADIR", f"{r.hadir}"), ("PEREMPUAN", f"{r.perempuan}"), ("RENTAN", f"{r.rentan}"),
                 ("KELURAHAN", f"{len(r.kelurahan_hadir)}/{len(r.kelurahan_hadir) + len(r.kelurahan_absen)}")]
        for label, value in kolom:
            besar = Static(Text(value, style="bold")) if self.ascii else Digits(value)
            angka.mount(Vertical(Static(Text(label), classes="label-besar"), besar, classes="blok"))
        out = Text()
        out.append(f"\n{r.hadir} dari {r.terdaftar} peserta terdaftar hadir; perempuan {persen}%.\n\n")
        for k, n in r.per_unsur.items():
            out.append(f"  {label_unsur_singkat(data, k):<14} {n:>4}\n")
        if r.kelurahan_absen:
            out.append(f"\n{g('warn')} {wilayah(data)} belum terwakili: " + ", ".join(r.kelurahan_absen) + "\n",
                       style="bold")
        badan.update(out)
        for blok in angka.query(".blok"):
            blok.styles.width = "auto"
            blok.styles.height = "auto"
            blok.styles.margin = (0, 4, 0, 0)

    def _peringkat(self, data: Data, kid: str, badan: Static) -> None:
        if not kid:
            badan.update(Text("Belum ada kelompok atau usulan."))
            return
        hasil = peringkat_kelompok(data, kid)
        table = Table(title=hasil.kelompok_nama, title_style="bold", expand=True, show_lines=False)
        table.add_column("No", justify="right", width=6)
        table.add_column("Kegiatan", ratio=3)
        table.add_column(wilayah(data), ratio=1)
        table.add_column("Nilai", justify="right", width=6)
        for no, kegiatan, kelurahan, nilai in isi_peringkat(data, kid):
            table.add_row(no, Text(kegiatan), Text(kelurahan), Text(nilai))
        belum = len(hasil.tidak_diperingkat)
        out = Text(f"\n{belum} usulan belum lengkap dinilai atau disisihkan.\n" if belum else "\n")
        out.append(aturan_urutan(data), style="dim")
        from rich.console import Group

        badan.update(Group(table, out))

    def _kesepakatan(self, data: Data, badan: Static) -> None:
        from rich.console import Group

        parts: list[Any] = []
        for skpd, rows in isi_kesepakatan(data):
            table = Table(title=skpd, title_style="bold", title_justify="left", expand=True)
            table.add_column("No", justify="right", width=3)
            table.add_column("Kegiatan", ratio=3)
            table.add_column(wilayah(data), ratio=1)
            table.add_column("Nilai", justify="right", width=6)
            for no, kegiatan, kelurahan, nilai in rows:
                table.add_row(no, Text(kegiatan), Text(kelurahan), nilai)
            parts.append(table)
        if not parts:
            parts.append(Text("Belum ada usulan yang diperingkat."))
        badan.update(Group(*parts))

    # --- keys ---
    def action_pilih(self, view: str) -> None:
        self.pilihan = view
        self.gambar(force=True)

    def action_kelompok(self, arah: int) -> None:
        ids = [k.id for k in self.data.kelompok]
        if not ids:
            return
        cur = self.kelompok_sematan or kelompok_terkini(self.data)
        i = ids.index(cur) if cur in ids else 0
        self.kelompok_sematan = ids[(i + arah) % len(ids)]
        if self.pilihan == "otomatis":
            self.pilihan = "peringkat"
        self.gambar(force=True)
