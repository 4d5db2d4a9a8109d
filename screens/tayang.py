"""The projector view: a large, calm, read-only view for the hall that follows the live session.

It never writes and never takes the write lock; it watches the file with the app's own watcher
(screens/pengamat.py, every half second) and repaints only when the session changed. The view follows
the session's stage (attendance during registration and Pleno I, the current kelompok's ranking during
the group sessions and scoring, the agreed list during Pleno II) unless pinned with a key or
`musrenbang tayang --tampilan`.

A projector cannot be scrolled by hand, so the lists show one screenful (a page) at a time: the first
page, or another with PageDown/PageUp at the projector's own keyboard. What a change costs (issue 16):
- only the lines on screen are built, each line is its own one-line widget, and a line is sent to the
  terminal only when its text changed (a score that moves two rows repaints those two rows); the
  lines, the header and the footer have a fixed height, so updating them lays nothing out;
- each kelompok's final order (`sesi.urutan.urutan_akhir`, the one order) is kept between revisions
  and asked again only for the kelompok whose scores changed (`BerkasBerubah.perubahan`); any other
  change (stage, usulan, Pleno II moves) or an unknown one drops them all;
- repaints are coalesced: at most one every `JEDA_GAMBAR` s (a change still shows within about 1 s:
  0.5 s poll, the read, then at most 0.3 s);
- following the kelompok scored last, it holds a kelompok `TAHAN_KELOMPOK` s before it moves to
  another: with several kelompok scoring at once the view does not jump (and repaint whole) every save.
Figures: bench/README.md ("Proyektor"), measured by bench/tayang.py.
"""

from __future__ import annotations

import textwrap
import time
from typing import Any, Callable, Iterable

from rich.text import Text
from textual import on
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Digits, Footer, Static

from sesi.data import Data, normal
from sesi.format import tanggal_panjang

from sesi.pendaftaran import rekap
from sesi.peringatan import sebut_kelompok
from sesi.peringkat import aturan_urutan, bulat, peringkat_kelompok
from sesi.pleno import daftar_prioritas
from sesi.urutan import TempatAkhir, urutan_akhir
from sesi.store import Store
from sesi.sebutan import daerah, label_unsur_singkat, wilayah

from . import glyph
from .glyph import g
from .pengamat import BerkasBerubah, BerkasGagalDibaca, PengamatBerkas
from .teks import pas, potong
from .tombol import buka_palet, perintah_palet, tombol_footer

TAMPILAN = {"kehadiran": "Kehadiran", "peringkat": "Peringkat kelompok", "kesepakatan": "Hasil kesepakatan"}
IKUT_TAHAP = {"persiapan": "kehadiran", "pendaftaran": "kehadiran", "pleno1": "kehadiran",
              "kelompok": "peringkat", "skoring": "peringkat", "pleno2": "kesepakatan"}


def tampilan_untuk(data: Data, pilihan: str) -> str:
    """The view to show: the pinned one, or the one that suits the session's stage."""
    if pilihan in TAMPILAN:
        return pilihan
    return IKUT_TAHAP.get(data.info.tahap, "kehadiran")


#: The Pleno II view's title by the state of the kelompok it shows.
JUDUL_SEPAKAT = "Hasil kesepakatan Pleno II"
JUDUL_RANCANGAN = "Rancangan urutan (belum disepakati)"
JUDUL_SEBAGIAN = "Hasil kesepakatan Pleno II (sebagian kelompok)"


def kesepakatan_kelompok(data: Data) -> list[tuple[str, bool]]:
    """(kelompok name, agreed?) for each kelompok Pleno II lists (a final order, `sesi.urutan.urutan_akhir`),
    agreed as Pleno II records it (`Kelompok.disepakati`, set by `sesi.pleno.sepakati_kelompok`)."""
    return [(sebut_kelompok(k.nama), bool(k.disepakati)) for k in data.kelompok if urutan_akhir(data, k.id)]


def kesepakatan_disepakati(data: Data) -> bool:
    """Has Pleno II agreed the list: every kelompok with a final order agreed (and at least one)?"""
    kel = kesepakatan_kelompok(data)
    return bool(kel) and all(sepakat for _, sepakat in kel)


def judul_tampilan(data: Data, view: str) -> str:
    """The view's title. The Pleno II view follows its kelompok (`kesepakatan_kelompok`): all agreed
    `JUDUL_SEPAKAT`, none `JUDUL_RANCANGAN`, some `JUDUL_SEBAGIAN` (the list then names each kelompok's
    state)."""
    if view != "kesepakatan":
        return TAMPILAN[view]
    kel = kesepakatan_kelompok(data)
    sepakat = sum(1 for _, s in kel if s)
    if kel and sepakat == len(kel):
        return JUDUL_SEPAKAT
    return JUDUL_SEBAGIAN if sepakat else JUDUL_RANCANGAN


def garis_status_kelompok(data: Data) -> list[str]:
    """When only some kelompok are agreed: one line per kelompok, 'Kelompok I Infrastruktur: hasil
    kesepakatan Pleno II' or '...: Rancangan urutan (belum disepakati)'; else none."""
    kel = kesepakatan_kelompok(data)
    if not any(s for _, s in kel) or all(s for _, s in kel):
        return []
    return [f"{nama}: {JUDUL_SEPAKAT if s else JUDUL_RANCANGAN}" for nama, s in kel]


def isi_kesepakatan(data: Data) -> list[tuple[str, list[tuple[str, str, str, str]]]]:
    """The Pleno II view's content: per SKPD, its usulan in the final order (`sesi.pleno.daftar_prioritas`,
    from `sesi.urutan.urutan_akhir`) as (No, Kegiatan, Kelurahan, Nilai)."""
    return [(skpd, [(str(i), it.usulan.kegiatan, it.usulan.kelurahan, bulat(it.total))
                    for i, it in enumerate(items, start=1)]) for skpd, items in daftar_prioritas(data)]


def baris_tempat(t: TempatAkhir) -> tuple[str, str, str, str]:
    """One row of the ranking view: (place, with the rank by the scores when Pleno II moved it; Kegiatan;
    Kelurahan; Nilai, with "seri")."""
    tempat = str(t.peringkat_akhir) + (f" ({t.peringkat_skor})" if t.bergeser else "")
    return (tempat, t.usulan.kegiatan, t.usulan.kelurahan, bulat(t.total) + (f" {g('tie')} seri" if t.seri else ""))


def isi_peringkat(data: Data, kid: str) -> list[tuple[str, str, str, str]]:
    """The ranking view's rows for kelompok `kid` in its final order (`sesi.urutan.urutan_akhir`), each
    as `baris_tempat` gives it (the screen formats only the rows of the page it shows)."""
    return [baris_tempat(t) for t in urutan_akhir(data, kid)]


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


#: One line of a list view: its text (already cut to the width) and its style.
Garis = tuple[str, str]
#: Lines the layout takes outside the list: header (3), footer line and key bar (2), padding (2).
_DI_LUAR_DAFTAR = 7


def halaman_dari(isi: list, per_halaman: int, halaman: int) -> tuple[list, int, int]:
    """Page `halaman` (0-based, clamped) of `isi` at `per_halaman` items a page: (items, page, pages)."""
    per_halaman = max(1, per_halaman)
    jumlah = max(1, -(-len(isi) // per_halaman))
    halaman = min(max(0, halaman), jumlah - 1)
    return isi[halaman * per_halaman:(halaman + 1) * per_halaman], halaman, jumlah


def kolom_tabel(baris: list[tuple[str, str, str, str]], lebar: int,
                judul_wilayah: str) -> tuple[Garis, Callable[[tuple[str, str, str, str]], Garis]]:
    """The column header of rows (No, Kegiatan, Kelurahan, Nilai) and the function that lays out one row,
    as lines of exactly `lebar` cells: No and Nilai as wide as their widest entry in `baris`, Kelurahan as
    wide as its widest entry up to 2/5 of the rest, Kegiatan the rest (cut with the ellipsis mark)."""
    lebar_no = max([2] + [len(r[0]) for r in baris])
    lebar_nilai = max([5] + [len(r[3]) for r in baris])
    sisa = max(8, lebar - lebar_no - lebar_nilai - 6)
    lebar_kel = max(4, min(max([len(judul_wilayah)] + [len(r[2]) for r in baris]), sisa * 2 // 5))
    lebar_keg = max(4, sisa - lebar_kel)

    def satu(r: tuple[str, str, str, str]) -> Garis:
        no, keg, kel, nilai = r
        return pas(f"{no:>{lebar_no}}  {pas(keg, lebar_keg)}  {pas(kel, lebar_kel)}  {nilai:>{lebar_nilai}}",
                   lebar), ""

    return (satu(("No", "Kegiatan", judul_wilayah, "Nilai"))[0], "bold"), satu


class TayangApp(App):
    """Read-only projector app (also runs under textual-serve for a browser)."""

    TITLE = "Musrenbang Kecamatan"
    CSS_PATH = "tayang.tcss"
    POLL_DETIK = 0.5
    #: At most one repaint every this many seconds (a burst of saves elsewhere is shown once).
    JEDA_GAMBAR = 0.3
    #: A kelompok followed automatically stays on screen at least this many seconds.
    TAHAN_KELOMPOK = 15.0

    BINDINGS = [
        Binding("1", "pilih('kehadiran')", "Kehadiran", id="tayang.kehadiran"),
        Binding("2", "pilih('peringkat')", "Peringkat", id="tayang.peringkat"),
        Binding("3", "pilih('kesepakatan')", "Kesepakatan", id="tayang.kesepakatan"),
        Binding("0", "pilih('otomatis')", "Ikuti tahap", id="tayang.otomatis"),
        Binding("right,l", "kelompok(1)", "Kelompok berikut", id="tayang.kelompok_berikut", show=False),
        Binding("left,h", "kelompok(-1)", "Kelompok sebelum", id="tayang.kelompok_sebelum", show=False),
        Binding("pagedown,space", "halaman(1)", "Halaman berikut", id="tayang.halaman_berikut", show=False),
        Binding("pageup", "halaman(-1)", "Halaman sebelum", id="tayang.halaman_sebelum", show=False),
        Binding("q,ctrl+q", "quit", "Keluar", id="tayang.keluar", key_display="q"),
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
        self.halaman = 0
        self._terakhir: tuple[int, str, str, int, tuple[int, int]] | None = None
        self._tampil: dict[str, Any] = {}  # widget id -> what it shows now (nothing is sent twice)
        self._garis_widget: list[Static] = []  # the list's one-line widgets, top to bottom
        self._garis_tampil: list[Garis | None] = []  # what each of them shows
        self._urutan: dict[str, tuple[str, list[TempatAkhir], int]] = {}  # kid -> its final order
        self._kesepakatan: list[tuple[str, list[tuple[str, str, str, str]]]] | None = None
        self._waktu_gambar = 0.0
        self._tertunda: Timer | None = None
        self._diikuti: tuple[str, float] = ("", 0.0)  # kelompok followed automatically, since when
        self._tahan: Timer | None = None
        self.jumlah_gambar = 0  # repaints done (for tests and measurements)
        self.pengamat = PengamatBerkas(self, store, self.POLL_DETIK)

    def compose(self) -> ComposeResult:
        yield Static(id="kepala")
        with Vertical(id="isi"):
            yield Horizontal(id="angka")
            yield Static(id="badan")
            yield Vertical(id="daftar")
        yield Static(id="kaki")
        yield Footer()

    def on_mount(self) -> None:
        glyph.pasang_scrollbar(self.ascii)
        if self.ascii:
            self.add_class("ascii")
        self.gambar(force=True)
        self.pengamat.mulai()

    def on_resize(self) -> None:
        self._tampil.clear()  # the header and footer are laid out for the width
        self.call_after_refresh(self.gambar, True)
        # A narrow terminal (60 columns): the compact Footer without the palette key, so no key is cut.
        for kaki in self.query(Footer):
            kaki.compact = self.size.width < 70
            kaki.show_command_palette = self.size.width >= 100

    @on(BerkasBerubah)
    def _berkas_berubah(self, pesan: BerkasBerubah) -> None:
        self._lupakan(pesan.data, pesan.perubahan)
        self.data = pesan.data
        self._jadwalkan()

    @on(BerkasGagalDibaca)
    def _berkas_gagal(self, pesan: BerkasGagalDibaca) -> None:
        self._perbarui("kaki", (f"{g('warn')} {pesan.pesan}", ""))

    async def baca_perubahan(self) -> None:
        """Poll now and wait until a changed file has been read and drawn (a coalesced repaint that is
        still waiting is done now)."""
        await self.pengamat.baca_sekarang()
        if self._tertunda is not None:
            self._gambar_tertunda()

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        return perintah_palet(screen)

    def get_key_display(self, binding: Binding) -> str:
        """Key names in the Footer as the main app writes them ("q", "Ctrl+P"), never "^q"."""
        return tombol_footer(binding)

    def action_command_palette(self) -> None:
        buka_palet(self)

    # --- what changed, and when to repaint ---
    def _lupakan(self, data: Data, perubahan: dict[str, set[str]] | None) -> None:
        """Drop the kept rows that `perubahan` (table -> ids, None: unknown) may have changed: only the
        kelompok of changed scores when nothing but scores (and the history) changed, else all."""
        if perubahan is not None and set(perubahan) <= {"riwayat"}:
            return
        if perubahan is None or set(perubahan) - {"skor", "riwayat"}:
            self._urutan.clear()
            self._kesepakatan = None
            return
        kelompok_usulan = data.kelompok_usulan
        for sid in perubahan.get("skor", ()):
            self._urutan.pop(kelompok_usulan.get(sid.split("|", 1)[0], ""), None)
        self._kesepakatan = None

    def _jadwalkan(self) -> None:
        """Repaint now, or once when `JEDA_GAMBAR` has passed since the last repaint."""
        if self._tertunda is not None:
            return
        tunggu = self._waktu_gambar + self.JEDA_GAMBAR - time.monotonic()
        if tunggu <= 0:
            self.gambar()
        else:
            self._tertunda = self.set_timer(tunggu, self._gambar_tertunda, name="tayang-gambar")

    def _gambar_tertunda(self) -> None:
        if self._tertunda is not None:
            self._tertunda.stop()
            self._tertunda = None
        self.gambar()

    def _kelompok_diikuti(self, data: Data) -> str:
        """The kelompok shown when none is pinned: the one scored last (`kelompok_terkini`), but held for
        `TAHAN_KELOMPOK` s once shown, so that several kelompok scoring at once do not make the hall's view
        jump at every save; a timer shows the latest one when the hold ends."""
        baru = kelompok_terkini(data)
        lama, sejak = self._diikuti
        if baru != lama:
            sisa = sejak + self.TAHAN_KELOMPOK - time.monotonic()
            if lama and sisa > 0 and data.kelompok_dari_id(lama) is not None:
                if self._tahan is None:
                    self._tahan = self.set_timer(sisa + 0.05, self._tahan_selesai, name="tayang-tahan")
                return lama
            self._diikuti = (baru, time.monotonic())
        return baru

    def _tahan_selesai(self) -> None:
        self._tahan = None
        self._jadwalkan()

    def _perbarui(self, wid: str, garis: Garis) -> None:
        """Show `garis` in Static #wid unless it shows it already (#kepala and #kaki have a fixed height
        (tayang.tcss): no layout of the screen, only their own repaint)."""
        if self._tampil.get(wid) != garis:
            self._tampil[wid] = garis
            self.query_one("#" + wid, Static).update(Text(garis[0], style=garis[1]), layout=False)

    # --- views ---
    def ukuran_daftar(self) -> tuple[int, int]:
        """(lines, cells a line) the list views have at the terminal's size."""
        return max(3, self.size.height - _DI_LUAR_DAFTAR), max(20, self.size.width - 4)

    def gambar(self, force: bool = False) -> None:
        """Repaint what changed: the header and footer lines, and the list's lines that differ."""
        data = self.data
        view = tampilan_untuk(data, self.pilihan)
        kid = self.kelompok_sematan or self._kelompok_diikuti(data)
        ukuran = self.ukuran_daftar()
        kunci = (data.revisi, view, kid, self.halaman, ukuran)
        if kunci == self._terakhir and not force:
            return
        if self._terakhir is None or self._terakhir[1:3] != (view, kid):
            self.halaman = 0
        self._terakhir = (data.revisi, view, kid, self.halaman, ukuran)
        self._waktu_gambar = time.monotonic()
        self.jumlah_gambar += 1
        info = data.info
        try:
            tgl = tanggal_panjang(info.tanggal)
        except ValueError:
            tgl = info.tanggal
        lebar = max(10, self.size.width)  # one line each, whole or cut: never wrapped mid-word
        self._perbarui("kepala", ("\n".join(potong(t, lebar - 2).center(lebar) for t in (
            f"MUSRENBANG KECAMATAN {info.kecamatan.upper()}", judul_tampilan(data, view).upper(),
            f"RKPD {daerah(data)} Tahun {info.tahun}  {g('dot')}  {tgl}")), ""))
        daftar = view != "kehadiran"
        self.query_one("#angka").display = not daftar
        self.query_one("#badan").display = not daftar
        self.query_one("#daftar").display = daftar
        halaman = ""
        if view == "kehadiran":
            self._kehadiran(data)
        else:
            tinggi, lebar = ukuran
            garis, hal, jumlah = (self._garis_peringkat(data, kid, tinggi, lebar) if view == "peringkat"
                                  else self._garis_kesepakatan(data, tinggi, lebar))
            self.halaman = hal
            self._tulis_daftar(garis, tinggi)
            if jumlah > 1:
                halaman = f" {g('dot')} halaman {hal + 1}/{jumlah}, PageDown/PageUp"
        mode = "mengikuti tahap sesi" if self.pilihan not in TAMPILAN else "disematkan"
        kaki = f"Tampilan {mode} {g('dot')} rev {data.revisi}{halaman} {g('dot')} kiri/kanan: kelompok"
        if len(kaki) > self.size.width:  # the page and the keys matter more than the mode
            kaki = f"rev {data.revisi}{halaman} {g('dot')} kiri/kanan: kelompok"
        if len(kaki) > self.size.width:
            kaki = f"rev {data.revisi}{halaman}"
        self._perbarui("kaki", (pas(kaki, self.size.width), ""))

    def _tulis_daftar(self, garis: list[Garis], tinggi: int) -> None:
        """Show `garis` in the list's line widgets (as many as `tinggi`), sending only lines that changed."""
        if len(self._garis_widget) != tinggi:
            wadah = self.query_one("#daftar", Vertical)
            for w in self._garis_widget[tinggi:]:
                w.remove()
            baru = [Static(classes="garis") for _ in range(tinggi - len(self._garis_widget))]
            if baru:
                wadah.mount_all(baru)
            self._garis_widget = self._garis_widget[:tinggi] + baru
            self._garis_tampil = [None] * tinggi
        kosong: Garis = ("", "")
        for i, w in enumerate(self._garis_widget):
            isi = garis[i] if i < len(garis) else kosong
            if self._garis_tampil[i] != isi:
                self._garis_tampil[i] = isi
                w.update(Text(isi[0], style=isi[1], no_wrap=True, overflow="crop"), layout=False)  # height 1

    def _isi_kelompok(self, data: Data, kid: str) -> tuple[str, list[TempatAkhir], int]:
        """(kelompok name, its final order, usulan not ranked), kept until its scores change."""
        simpan = self._urutan.get(kid)
        if simpan is None:
            hasil = peringkat_kelompok(data, kid)
            simpan = (hasil.kelompok_nama, urutan_akhir(data, kid), len(hasil.tidak_diperingkat))
            self._urutan[kid] = simpan
        return simpan

    def _garis_peringkat(self, data: Data, kid: str, tinggi: int, lebar: int) -> tuple[list[Garis], int, int]:
        if not kid:
            return [("Belum ada kelompok atau usulan.", "")], 0, 1
        nama, baris, belum = self._isi_kelompok(data, kid)
        bawah: list[Garis] = [("", "")]
        if belum:
            bawah.append((pas(f"{belum} usulan belum lengkap dinilai atau disisihkan.", lebar), ""))
        aturan = [(pas(t, lebar), "dim") for t in textwrap.wrap(aturan_urutan(data), lebar)]
        if tinggi - 3 - len(bawah) - len(aturan) >= 12:  # the rule only where it leaves room for rows
            bawah += aturan
        if len(bawah) == 1:
            bawah = []
        per = max(1, tinggi - 3 - len(bawah))
        tempat, hal, jumlah = halaman_dari(baris, per, self.halaman)
        isi = [baris_tempat(t) for t in tempat]
        kepala, satu = kolom_tabel(isi, lebar, wilayah(data))
        garis = [satu(r) for r in isi]
        atas = [(pas(nama, lebar).strip().center(lebar), "bold"), kepala, (self._garis_pemisah(lebar), "dim")]
        garis += [("", "")] * (per - len(garis))
        return atas + garis + bawah, hal, jumlah

    def _garis_pemisah(self, lebar: int) -> str:
        return ("-" if self.ascii else "─") * lebar

    def _garis_kesepakatan(self, data: Data, tinggi: int, lebar: int) -> tuple[list[Garis], int, int]:
        if self._kesepakatan is None:
            self._kesepakatan = isi_kesepakatan(data)
        status = [(pas(t, lebar), "italic") for t in garis_status_kelompok(data)]
        if not self._kesepakatan:
            return status + [("Belum ada usulan yang diperingkat.", "")], 0, 1
        semua = [r for _, rows in self._kesepakatan for r in rows]
        kepala, satu = kolom_tabel(semua, lebar, wilayah(data))
        isi: list[Garis] = []
        for skpd, rows in self._kesepakatan:
            if isi:
                isi.append(("", ""))
            isi.append((pas(skpd, lebar), "bold"))
            isi += [satu(r) for r in rows]
        per = max(1, tinggi - 2 - len(status))
        potong_isi, hal, jumlah = halaman_dari(isi, per, self.halaman)
        return status + [kepala, (self._garis_pemisah(lebar), "dim")] + potong_isi, hal, jumlah

    def _kehadiran(self, data: Data) -> None:
        r = rekap(data)
        persen = f"{r.persen_perempuan:.1f}".replace(".", ",")
        kolom = (("HADIR", f"{r.hadir}"), ("PEREMPUAN", f"{r.perempuan}"), ("RENTAN", f"{r.rentan}"),
                 ("KELURAHAN", f"{len(r.kelurahan_hadir)}/{len(r.kelurahan_hadir) + len(r.kelurahan_absen)}"))
        if self._tampil.get("angka") != kolom:
            self._tampil["angka"] = kolom
            angka = self.query_one("#angka", Horizontal)
            angka.remove_children()
            for label, value in kolom:
                besar = Static(Text(value, style="bold")) if self.ascii else Digits(value)
                angka.mount(Vertical(Static(Text(label), classes="label-besar"), besar, classes="blok"))
        out = Text()
        out.append(f"\n{r.hadir} dari {r.terdaftar} peserta terdaftar hadir; perempuan {persen}%.\n\n")
        if r.kelurahan_absen:  # before the list: a screen that is too short cuts the list, not this
            out.append(f"{g('warn')} {wilayah(data)} belum terwakili: " + ", ".join(r.kelurahan_absen) + "\n\n",
                       style="bold")
        for k, n in r.per_unsur.items():
            out.append(f"  {label_unsur_singkat(data, k):<14} {n:>4}\n")
        if self._tampil.get("badan") != out.plain:
            self._tampil["badan"] = out.plain
            self.query_one("#badan", Static).update(out)

    # --- keys ---
    def action_pilih(self, view: str) -> None:
        self.pilihan = view
        self.gambar(force=True)

    def action_halaman(self, arah: int) -> None:
        self.halaman = max(0, self.halaman + arah)
        self.gambar(force=True)

    def action_kelompok(self, arah: int) -> None:
        ids = [k.id for k in self.data.kelompok]
        if not ids:
            return
        cur = self.kelompok_sematan or self._kelompok_diikuti(self.data)
        i = ids.index(cur) if cur in ids else 0
        self.kelompok_sematan = ids[(i + arah) % len(ids)]
        if self.pilihan == "otomatis":
            self.pilihan = "peringkat"
        self.gambar(force=True)
