"""Riwayat: every change (time, who, role, what, old and new value), newest first, filtered by typing.

Values are shown in words by one formatter, `kata` (never raw JSON): ya/tidak for booleans, "-" for none,
"(kosong)" for empty text, a record's fields as "label: nilai" pairs, lists joined with commas, and an id of
a peserta, kelompok, desa/kelurahan, tim member or criterion as its name (`Nama`); the object a change is
about is named the same way (`objek`), an usulan as "U001 Kegiatan...".
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Input, Static

from sesi.data import Data, normal
from sesi.format import jam
from sesi.model import PERAN

from .glyph import g
from .kontrak import DataBerubah, aplikasi
from .teks import aman, teks
from .widgets import Isian, teruskan_panah, Tabel

BATAS = 500


#: Tables whose ids a change may name, and the field that names a record of each.
_NAMA_TABEL = (("peserta", "nama"), ("kelompok", "nama"), ("kelurahan", "nama"), ("tim", "nama"),
               ("sambutan", "nama"), ("kriteria", "nama"), ("jadwal", "acara"), ("usulan", "kegiatan"))


class Nama:
    """Id -> the name of the record it names, over the tables of `_NAMA_TABEL` (built once per refresh)."""

    def __init__(self, data: Data | None):
        self.nama: dict[str, str] = {}
        self.usulan: set[str] = set()
        raw = data.raw if data is not None else {}
        for tabel, kolom in _NAMA_TABEL:
            for rid, rec in (raw.get(tabel) or {}).items():
                if isinstance(rec, dict) and isinstance(rec.get(kolom), str):
                    self.nama.setdefault(rid, rec[kolom])
                    if tabel == "usulan":
                        self.usulan.add(rid)

    def objek(self, objek: Any) -> str:
        """The object of a change in words: "U001 Pembangunan jalan", a peserta's name, "U001 / Kondisi
        kritis" (a score: the usulan by id, then the criterion's name)."""
        if not isinstance(objek, str):
            return kata(objek)
        bagian = objek.split("/")
        return " / ".join(self.sebut(b, lengkap=len(bagian) == 1) for b in bagian)

    def sebut(self, rid: str, *, lengkap: bool = False) -> str:
        nama = self.nama.get(rid)
        if nama is None:
            return rid
        return f"{rid} {nama}" if rid in self.usulan and lengkap else (rid if rid in self.usulan else nama)


def kata(value: Any, nama: Nama | None = None) -> str:
    """A stored old/new value in words, on one line: the one formatter of the history (module docstring)."""
    if value is None:
        return "-"
    if isinstance(value, bool):  # values in words, as the forum says them
        return "ya" if value else "tidak"
    if isinstance(value, dict):
        return "; ".join(f"{str(k).replace('_', ' ')}: {kata(v, nama)}" for k, v in value.items()) or "(kosong)"
    if isinstance(value, list):
        return ", ".join(kata(v, nama) for v in value) or "(kosong)"
    if isinstance(value, str):
        if not value:
            return "(kosong)"
        if nama is not None and value in nama.nama:
            return nama.sebut(value)
    return str(value)


def ringkas(value: Any, n: int = 40, nama: Nama | None = None) -> str:
    """A stored old/new value in words (`kata`) cut to `n` characters."""
    text = kata(value, nama).replace("\n", " ")
    return text if len(text) <= n else text[: n - 1] + g("ell")[0]


def pendek(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + g("ell")[0]


def cocok(entry: dict[str, Any], words: list[str], data: Data) -> bool:
    if not words:
        return True
    objek = entry.get("objek", "")
    extra = ""
    uid = objek.split("/")[0]
    if uid in data.usulan:
        extra = data.usulan[uid].kegiatan
    elif objek in data.peserta:
        extra = data.peserta[objek].nama
    hay = normal(" ".join(str(entry.get(k, "")) for k in ("nama", "peran", "aksi", "objek")) + " " + extra)
    return all(w in hay for w in words)


class RiwayatScreen(Screen):
    """Browse the history; type to filter by usulan id or title, person, role or action."""
    CSS_PATH = "riwayat.tcss"

    BANTUAN = (
        "Riwayat mencatat setiap perubahan: waktu, nama, peran, tindakan, objek, nilai lama dan baru. Ketik untuk "
        "menyaring, misalnya id usulan (U001), judul kegiatan, nama orang, atau tindakan (skor, hadir, "
        "verifikasi). Setiap entri dirantai dengan hash dan 'musrenbang periksa' memutar ulang riwayat untuk "
        "mencocokkannya dengan data. Yang dibuktikan: tanpa kode sidik jari dari kertas berita acara yang "
        "ditandatangani, orang yang dapat menulis berkas dan menghitung ulang hash dapat memalsukan riwayat dan "
        "data sekaligus; dengan kode dari kertas ('musrenbang periksa BERKAS --sidik-jari KODE'), perubahan apa "
        "pun sesudah pengesahan tidak dapat disembunyikan."
    )

    BINDINGS = [
        Binding("escape,f10", "tutup", "Tutup", id="riwayat.tutup", key_display="Esc/F10"),
        Binding("ctrl+r", "tutup", "Tutup riwayat", id="riwayat.tutup_r", show=False, priority=True),
    ]

    def __init__(self, saring: str = ""):
        super().__init__()
        self.saring_awal = saring

    def compose(self) -> ComposeResult:
        yield Static(id="judul")
        yield Isian(value=self.saring_awal, placeholder="Saring: id usulan, judul, nama, peran, tindakan",
                  id="saring", compact=True)
        yield Tabel(id="daftar")
        yield Static(id="rinci")
        yield Footer()

    def on_mount(self) -> None:
        self.segarkan()
        self.query_one("#saring", Input).focus()

    @property
    def data(self) -> Data:
        return aplikasi(self).data

    @on(DataBerubah)
    def _data_berubah(self) -> None:
        self.segarkan()

    def segarkan(self) -> None:
        data = self.data
        words = normal(self.query_one("#saring", Input).value).split()
        hist = data.raw.get("riwayat", {})
        nama = self._nama = Nama(data)
        rows = []
        total = 0
        for key in reversed(hist):
            e = hist[key]
            if not cocok(e, words, data):
                continue
            total += 1
            if len(rows) < BATAS:
                rows.append((key, [jam(e.get("waktu", "")), ringkas(e.get("nama"), 14),
                                   PERAN.get(e.get("peran", ""), e.get("peran", ""))[:10],
                                   ringkas(e.get("aksi"), 22), pendek(nama.objek(e.get("objek")), 14),
                                   f"{ringkas(e.get('lama'), 12, nama)} {g('next')} "
                                   f"{ringkas(e.get('baru'), 16, nama)}"]))
        tabel = self.query_one("#daftar", Tabel)
        tabel.isi(["Jam", "Nama", "Peran", "Tindakan", "Objek", "Lama > baru"], rows)
        lebih = f" (ditampilkan {BATAS} terbaru)" if total > BATAS else ""
        self.query_one("#judul", Static).update(teks(f"Riwayat perubahan: {total} dari {len(hist)} entri{lebih}"))
        self._rinci()

    @on(Input.Changed, "#saring")
    def _saring(self) -> None:
        self.segarkan()

    @on(Tabel.RowHighlighted)
    def _sorot(self) -> None:
        self._rinci()

    def _rinci(self) -> None:
        key = self.query_one("#daftar", Tabel).kunci_terpilih()
        e = self.data.raw.get("riwayat", {}).get(key) if key else None
        if not e:
            self.query_one("#rinci", Static).update("")
            return
        akun = f", akun {e['akun']}" if e.get("akun") else ""
        nama = getattr(self, "_nama", None) or Nama(self.data)
        out = Text()
        out.append(aman(f"{e.get('waktu', '')} {e.get('nama', '')} ({e.get('peran', '')}{akun}): "
                        f"{e.get('aksi', '')} {nama.objek(e.get('objek', ''))}") + "\n")
        out.append(aman(f"lama: {ringkas(e.get('lama'), 60, nama)}   baru: {ringkas(e.get('baru'), 60, nama)}"))
        self.query_one("#rinci", Static).update(out)

    def on_key(self, event) -> None:
        if self.focused is self.query_one("#saring"):
            teruskan_panah(event, self.query_one("#daftar", Tabel))

    def action_tutup(self) -> None:
        self.app.pop_screen()
