"""What the three parts of the Kelompok screen share: their base class (one kelompok at a time), their
table, and the texts they show about a kelompok that is not set up yet."""

from __future__ import annotations

from typing import Any, Iterable

from rich.text import Text
from textual.dom import DOMNode
from textual.widget import Widget
from textual.widgets import Static

from sesi.data import Data
from sesi.model import Kelompok, Peserta

from ..bagian import Bagian
from ..glyph import g
from ..teks import aman
from ..tombol import isi_tombol
from ..widgets import Tabel


def nama_peserta(data: Data, pid: str) -> str:
    p = data.peserta.get(pid)
    return aman(p.nama) if p else pid


def teks_belum_ditetapkan(node: DOMNode, data: Data, kel: Kelompok | None) -> Text:
    """What the Anggota and Pemilihan parts (`node`) say while the kelompok is only derived from a bidang (or
    there is no kelompok at all); keys named as the user's keymap sets them."""
    out = Text()
    if kel is None:
        out.append("Belum ada kelompok maupun usulan. ", style="bold")
        out.append(isi_tombol(node, "Tetapkan kelompok di layar Persiapan ({app.layar_persiapan}) atau impor "
                                    "usulan lebih dahulu."))
        return out
    virtual = [k for k in data.kelompok if k.virtual]
    out.append(f"{g('warn')} {aman(kel.nama)} belum ditetapkan sebagai kelompok. ", style="bold")
    out.append("Usulannya dikelompokkan menurut bidang, tetapi anggota dan pimpinan hanya dapat diatur "
               "pada kelompok yang ditetapkan.\n")
    out.append(isi_tombol(node, "Tekan {kelompok.per_bidang} untuk membentuk satu kelompok per bidang"), style="bold")
    out.append(" (" + ", ".join(aman(k.nama) for k in virtual) + ")"
               + isi_tombol(node, ", atau tetapkan di layar Persiapan ({app.layar_persiapan})."))
    return out


class TabelBagian(Tabel):
    """The table of one part. Its bindings run the part's `aksi_<name>`: they are active while the table
    has the focus, so the Footer, help (F1) and the command palette list the keys of the part shown."""

    def action_bagian(self, nama: str) -> None:
        bagian = next((a for a in self.ancestors if isinstance(a, BagianSidang)), None)
        if bagian is not None:
            getattr(bagian, f"aksi_{nama}")()


class BagianSidang(Bagian):
    """One part of the Kelompok screen (Anggota, Pemilihan, Verifikasi), showing the kelompok `kid` the
    screen hands down."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        #: the kelompok shown (set by the screen before it refreshes the part)
        self.kid = ""

    @property
    def kel(self) -> Kelompok | None:
        return self.data.kelompok_dari_id(self.kid) if self.kid else None

    def tabel(self) -> TabelBagian:
        return self.query_one(TabelBagian)

    def utama(self) -> Widget | None:
        tabel = self.tabel()
        return tabel if tabel.display else None

    def hanya_pesan(self, pesan: Text | None) -> bool:
        """Show only `pesan` in the part's summary line(s), hiding the rest of the part; with None show the
        whole part again. Returns whether a message is shown."""
        ringkas = self.query_one(".ringkas", Static)
        for w in self.children:
            if w is not ringkas:
                w.display = pesan is None
        ringkas.set_class(pesan is not None, "-pesan")
        if pesan is not None:
            ringkas.update(pesan)
        return pesan is not None

    def sorot(self, keys: Iterable[str]) -> None:
        """Move the cursor to the first of these rows (in table order), showing the latest data first: a
        save made from a dialog reaches the screen only when it is current again."""
        self.segarkan(self.data, {})
        tabel = self.tabel()
        rows = [tabel.get_row_index(k) for k in keys if k in tabel.rows]
        if rows:
            tabel.move_cursor(row=min(rows), animate=False)

    def anggota_hadir(self, data: Data, kid: str) -> list[Peserta]:
        return [p for p in data.anggota(kid) if p.hadir]
