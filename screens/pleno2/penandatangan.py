"""Pleno II, part 4: the signatories of the berita acara, one for each unsur present; the unsur present
without one are named."""

from __future__ import annotations

from typing import Any, Callable

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widgets import Static

from sesi import pleno
from sesi.data import Data
from sesi.model import UNSUR
from sesi.sebutan import label_unsur, label_unsur_singkat

from ..glyph import g
from ..teks import potong, teks
from ..tombol import isi_tombol
from ..widgets import Tabel
from .bersama import BagianPleno, pilih_peserta


class BagianPenandatangan(BagianPleno):
    KUNCI = "ttd"
    TABEL = frozenset({"penandatangan", "peserta"})
    HAPUS = {"ttd": "penandatangan"}

    def compose(self) -> ComposeResult:
        yield Static(id="ttd-info", classes="info bungkus")
        yield Tabel(id="ttd")

    def segarkan(self, data: Data, perubahan: dict) -> None:
        ttd = pleno.wakil_unsur(data)  # the session's Camat until Pleno II names another
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
            rows.append((u, [label_unsur_singkat(data, u), str(hadir.get(u, 0)), nama,
                             potong(t.jabatan, 28) if t else ""]))
        self.tabel("ttd").isi([("Unsur", "unsur"), ("Hadir", "hadir"), ("Penandatangan", "nama"),
                               ("Jabatan / lembaga", "jabatan")], rows)
        kurang = pleno.unsur_hadir_tanpa_penandatangan(data)
        info = self.query_one("#ttd-info", Static)
        if kurang:
            info.update(Text.assemble(
                (f"{g('warn')} Unsur hadir tanpa penandatangan ({len(kurang)}): ", "bold"),
                ", ".join(label_unsur_singkat(data, u) for u in kurang), isi_tombol(
                    self, f"\nEnter/{{pleno2.penandatangan}} pilih penandatangan {g('dot')} {{pleno2.hapus}} hapus")))
        else:
            info.update(Text.assemble((f"{g('ok')} Setiap unsur yang hadir sudah mempunyai penandatangan.", "bold"),
                                      isi_tombol(self, f"\nEnter/{{pleno2.penandatangan}} ganti penandatangan "
                                                       f"{g('dot')} {{pleno2.hapus}} hapus")))

    def atur(self) -> None:
        """Choose the signatory of the highlighted unsur (its own members first)."""
        unsur = self.tabel("ttd").kunci_terpilih()
        if not unsur:
            self.kabar("Belum ada unsur yang hadir.")
            return

        def pilih(pid: str | None) -> None:
            if pid:
                self.simpan(pleno.atur_penandatangan, unsur, peserta=pid)
            self.tabel("ttd").focus()
        pilih_peserta(self, self.data, f"Penandatangan untuk unsur {label_unsur(self.data, unsur)}", pilih, utamakan=unsur)

    @on(Tabel.RowSelected, "#ttd")
    def _enter(self) -> None:
        self.atur()

    def cara_hapus(self, table: str, rid: str, rec: Any) -> tuple[str, Callable[..., Any], tuple[Any, ...]]:
        return f"Hapus {rec.nama} dari penandatangan unsur {label_unsur(self.data, rid)}?", pleno.hapus_dari, (table, rid)


__all__ = ["BagianPenandatangan"]
