"""What the parts of the Pleno II screen share: their base (deleting the highlighted row after a question),
one-line texts of user data, and choosing a participant who is present."""

from __future__ import annotations

from typing import Any, Callable, ClassVar

from rich.text import Text
from textual.widget import Widget

from sesi import pleno
from sesi.data import Data
from sesi.sebutan import label_unsur_singkat


from ..bagian import Bagian
from .. import glyph
from ..glyph import g
from ..teks import teks
from ..widgets import KonfirmasiDialog, PilihDialog, Tabel


def baris_teks(*bagian: Text | str) -> Text:
    """One line of plain pieces (str pieces are user text: never markup), cut with an ellipsis."""
    out = Text(no_wrap=True, overflow=glyph.potong())
    for b in bagian:
        out.append_text(b if isinstance(b, Text) else teks(b))
    return out


def teks_bungkus(*bagian: Text | str) -> Text:
    """Plain pieces (str pieces are user text: never markup) that wrap onto the next line when the terminal
    is narrow (a hint or a message: never cut); for a widget of the class ``bungkus``."""
    out = Text()
    for b in bagian:
        out.append_text(b if isinstance(b, Text) else teks(b))
    return out


def gabung_baris(*baris: Text) -> Text:
    """Lines joined, each kept to one line (cut with an ellipsis rather than wrapped)."""
    out = Text("\n").join(baris)
    out.no_wrap = True
    out.overflow = glyph.potong()
    return out


def pilih_peserta(widget: Widget, data: Data, judul: str, callback: Callable[[str | None], None], *,
                  lain: str | None = None, utamakan: str = "", kecuali: set[str] = frozenset()) -> None:
    """Choose a participant who is present (those of the unsur `utamakan` first); `lain` adds a first option
    ("-") for someone not registered. `callback` gets the peserta id, "-" or None."""
    hadir = [p for p in data.peserta.values() if p.hadir and p.id not in kecuali]
    hadir.sort(key=lambda p: p.unsur != utamakan)
    pilihan = [(lain, "-")] if lain else []
    for p in hadir:
        asal = p.lembaga or p.kelurahan
        pilihan.append((f"{p.nama} {g('dot')} {label_unsur_singkat(data, p.unsur)}"
                        + (f" {g('dot')} {asal}" if asal else ""), p.id))
    widget.app.push_screen(PilihDialog(judul, pilihan, petunjuk="Ketik beberapa huruf nama, Enter"), callback)


class BagianPleno(Bagian):
    """One part of the Pleno II screen (one tab); its id is ``bagian-<KUNCI>`` and its tab ``p-<KUNCI>``."""

    def __init__(self) -> None:
        super().__init__(id=f"bagian-{self.KUNCI}")

    def tabel(self, nama: str) -> Tabel:
        return self.query_one(f"#{nama}", Tabel)

    def isi_tabel(self, nama: str, kolom: list[tuple[str, str]], baris: list[tuple[str, list[Any]]]) -> Tabel:
        """Fill a table with columns measured afresh: a DataTable column only ever widens, so after a change
        (another kelompok, a shorter title, a narrower terminal) the old width pushed the last columns off
        screen. The cursor stays on the same row key (else at the same height)."""
        tabel = self.tabel(nama)
        kunci, tinggi = tabel.kunci_terpilih(), tabel.cursor_row
        tabel.clear(columns=True)
        tabel.isi(kolom, baris)
        if kunci is not None and kunci in tabel.rows:
            tabel.move_cursor(row=tabel.get_row_index(kunci), animate=False)
        elif tabel.row_count:
            tabel.move_cursor(row=min(max(tinggi, 0), tabel.row_count - 1), animate=False)
        return tabel

    # The widths of the titles follow the terminal's width: shown again when it changes.
    _lebar_tampil = 0

    def on_resize(self) -> None:
        lebar = self.app.size.width
        if self._lebar_tampil and lebar != self._lebar_tampil and self.is_attached:
            self._lebar_tampil = lebar
            self.segarkan(self.data, {})
        self._lebar_tampil = lebar

    def fokus_di_sini(self) -> None:
        """Keep the focus on a table of this part (back from a dialog): its main table if it left."""
        fokus = self.screen.focused
        if fokus is None or self not in fokus.ancestors:
            self.fokus()

    #: table id -> the store table of the rows Del deletes there (none: Del deletes nothing in this part)
    HAPUS: ClassVar[dict[str, str]] = {}

    def hapus(self, tabel: Tabel) -> bool:
        """Delete the row highlighted in `tabel` after a question; False when Del deletes nothing there."""
        table = self.HAPUS.get(tabel.id or "")
        if table is None:
            return False
        rid = tabel.kunci_terpilih()
        rec = self.data.records(table).get(rid) if rid else None
        if rec is None:
            return True
        tanya, aksi, args = self.cara_hapus(table, rid or "", rec)

        def jawab(ya: bool | None) -> None:
            if ya:
                self.simpan(aksi, *args)
            tabel.focus()
        self.app.push_screen(KonfirmasiDialog(tanya, ya="Hapus"), jawab)
        return True

    def cara_hapus(self, table: str, rid: str, rec: Any) -> tuple[str, Callable[..., Any], tuple[Any, ...]]:
        """How to delete one row of `table`: the question, the `sesi` action and its arguments."""
        return f"Hapus {rec.nama}?", pleno.hapus_dari, (table, rid)


__all__ = ["BagianPleno", "baris_teks", "gabung_baris", "pilih_peserta", "teks_bungkus"]
