"""Pieces the three parts of the Kelompok screen share: the part base class, its table, safe text."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, ClassVar

from rich.text import Text
from textual.containers import Vertical
from textual.widgets import Static

from sesi.data import Data
from sesi.model import Kelompok, Peserta

from ..widgets import Hasil, Tabel, aman

if TYPE_CHECKING:
    from .layar import KelompokScreen

def t(value: Any, style: str = "") -> Text:
    """Plain, safe Text (never markup)."""
    return Text(aman(value), style=style)


def nama_peserta(data: Data, pid: str) -> str:
    p = data.peserta.get(pid)
    return aman(p.nama) if p else pid


class TabelBagian(Tabel):
    """The table of one part. Its bindings run the part's `aksi_<name>` (so the Footer and F1 show the
    keys of the part that has the focus)."""

    def action_bagian(self, nama: str) -> None:
        bagian = next((a for a in self.ancestors if isinstance(a, Bagian)), None)
        if bagian is not None:
            getattr(bagian, f"aksi_{nama}")()


class Bagian(Vertical):
    """One part of the Kelompok screen (Anggota, Pemilihan, Verifikasi)."""

    KUNCI: ClassVar[str] = ""
    JUDUL: ClassVar[str] = ""
    #: Tables whose change means this part must be shown again.
    TABEL_DATA: ClassVar[frozenset[str]] = frozenset()
    #: (action name, description) of the part's commands, for the command palette.
    PERINTAH: ClassVar[list[tuple[str, str]]] = []

    @property
    def layar(self) -> "KelompokScreen":
        return self.screen  # type: ignore[return-value]

    @property
    def data(self) -> Data:
        return self.layar.data

    @property
    def kel(self) -> Kelompok | None:
        return self.layar.kelompok

    def simpan(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Hasil:
        return self.layar.simpan(fn, *args, **kwargs)

    def pesan(self, text: str | Text, galat: bool = False) -> None:
        self.layar.status.atur(text if isinstance(text, Text) else t(text), galat=galat)

    def tabel(self) -> TabelBagian:
        return self.query_one(TabelBagian)

    def perlu(self, perubahan: dict) -> bool:
        """Whether a change (table -> ids; empty = unknown) touches what this part shows."""
        return not perubahan or bool(self.TABEL_DATA & set(perubahan))

    def tampilkan(self, data: Data, kel: Kelompok | None, perubahan: dict) -> None:  # overridden
        pass

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

    def sorot(self, keys) -> None:
        """Move the cursor to the first of these rows (in table order), showing the latest data first: a
        save made from a dialog reaches this screen only when it is current again."""
        self.layar._tampilkan(self.data)
        tabel = self.tabel()
        rows = [tabel.get_row_index(k) for k in keys if k in tabel.rows]
        if rows:
            tabel.move_cursor(row=min(rows), animate=False)

    def fokus(self) -> None:
        tabel = self.tabel()
        if tabel.display:
            tabel.focus()
        else:
            self.layar.set_focus(None)

    def anggota_hadir(self, data: Data, kid: str) -> list[Peserta]:
        return [p for p in data.anggota(kid) if p.hadir]
