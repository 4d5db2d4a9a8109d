"""Riwayat: every change (time, who, role, what, old and new value), newest first, filtered by typing."""

from __future__ import annotations

import json
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


def ringkas(value: Any, n: int = 40) -> str:
    """A stored old/new value as one short line."""
    if value is None:
        return "-"
    if isinstance(value, bool):  # values in words, as the forum says them
        return "ya" if value else "tidak"
    if isinstance(value, (dict, list)):
        text = json.dumps(value, ensure_ascii=False).replace("true", "ya").replace("false", "tidak")
    else:
        text = str(value)
    text = text.replace("\n", " ")
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
                                   ringkas(e.get("aksi"), 22), ringkas(e.get("objek"), 14),
                                   f"{ringkas(e.get('lama'), 12)} {g('next')} {ringkas(e.get('baru'), 16)}"]))
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
        out = Text()
        out.append(aman(f"{e.get('waktu', '')} {e.get('nama', '')} ({e.get('peran', '')}{akun}): "
                        f"{e.get('aksi', '')} {e.get('objek', '')}") + "\n")
        out.append(aman(f"lama: {ringkas(e.get('lama'), 60)}   baru: {ringkas(e.get('baru'), 60)}"))
        self.query_one("#rinci", Static).update(out)

    def on_key(self, event) -> None:
        if self.focused is self.query_one("#saring"):
            teruskan_panah(event, self.query_one("#daftar", Tabel))

    def action_tutup(self) -> None:
        self.app.pop_screen()
