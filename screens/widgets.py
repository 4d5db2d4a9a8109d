"""Widgets the agenda screens share: agenda bar, status line; the table is in `screens/tabel.py`, the shared
fields and dialogs in `screens/dialog.py`, and both are named here too.

User text (names, titles, notes) is always wrapped in `rich.text.Text`, never parsed as markup.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.widgets import Input, Static

from sesi.model import TAHAP
from sesi.teks import ada_kendali

from .kontrak import Hasil, aplikasi

from .glyph import g, potong as potong_mode
from .tabel import Tabel, teruskan_panah
from .teks import teks
from .dialog import (AlasanDialog, Dialog, FormDialog, Isian, Kolom, KonfirmasiDialog, PilihDialog,
                     SimpanBuangDialog)

#: Agenda stages as shown in the bar: key, short label, F-key alias.
AGENDA: list[tuple[str, str, str]] = [
    ("persiapan", "Persiapan", "f2"),
    ("pendaftaran", "Pendaftaran", "f3"),
    ("pleno1", "Pleno I", "f4"),
    ("kelompok", "Kelompok", "f5"),
    ("skoring", "Skoring", "f6"),
    ("pleno2", "Pleno II", "f7"),
    ("berita_acara", "BA", "f8"),
]
LABEL_LAYAR = {k: ("Berita Acara" if k == "berita_acara" else label) for k, label, _ in AGENDA}
#: Shorter labels for a narrow terminal (60 columns): every stage stays in the bar.
LABEL_PENDEK = {"persiapan": "Siap", "pendaftaran": "Daftar", "pleno1": "Pleno I", "kelompok": "Klp",
                "skoring": "Skor", "pleno2": "Pleno II", "berita_acara": "BA"}


class AgendaBar(Static):
    """One line: every stage, the current one highlighted; the session's stage marked."""

    DEFAULT_CSS = """
    AgendaBar { height: 1; background: $panel; color: $text-muted; }
    """

    def __init__(self, current: str, **kwargs: Any):
        super().__init__(**kwargs)
        self.current = current
        self.sesi_tahap = ""

    def on_resize(self) -> None:
        self.refresh()  # full or short labels, by the width

    def tandai(self, sesi_tahap: str) -> None:
        if sesi_tahap != self.sesi_tahap:
            self.sesi_tahap = sesi_tahap
            self.refresh()

    def render(self) -> Text:
        out = Text(no_wrap=True, overflow=potong_mode())
        penuh = sum(len(label) + 2 for _, label, _ in AGENDA) + len(AGENDA) - 1
        pendek = 0 < self.size.width < penuh
        for i, (key, label, _) in enumerate(AGENDA):
            if pendek:
                label = LABEL_PENDEK[key]
            if i:
                out.append(g("sep"), style="dim")
            mark = g("cur") if key == self.sesi_tahap else " "
            if key == self.current:
                out.append(f"{mark}{label} ", style="bold reverse")
            else:
                out.append(f"{mark}{label} ")
        return out


def mengambil_teks_sendiri(widget: Any) -> bool:
    """Whether `widget` itself edits typed text: a text field, a text area, or a Select's open list (which
    searches as you type: the focused widget inside a Select whose public `expanded` is set)."""
    from textual.widgets import Select, TextArea

    if isinstance(widget, (Input, TextArea)):
        return True
    return any(isinstance(node, Select) and node.expanded for node in getattr(widget, "ancestors", ()))


def mengambil_teks(widget: Any) -> bool:
    """Whether `widget` takes typed text: a text field, a text area, a Select's open list (it searches as
    you type), or a widget that says so with `MENGAMBIL_TEKS` (the nearest of it and its parents that says
    anything decides; e.g. the whole Impor part, where letters belong to the path being typed).
    Single-letter actions must not fire while such a widget has the focus."""
    if mengambil_teks_sendiri(widget):
        return True
    node = widget
    while node is not None:
        nilai = getattr(node, "MENGAMBIL_TEKS", None)
        if nilai is not None:
            return bool(nilai)
        node = node.parent
    return False


class StatusBar(Static):
    """Save state (Tersimpan - rev N / the error), who is at this terminal, and the warnings count. A
    long message wraps onto a second and third line instead of being cut."""

    DEFAULT_CSS = """
    StatusBar { height: auto; max-height: 3; background: $boost; }
    StatusBar.-galat { background: $error 40%; }
    """

    def __init__(self, **kwargs: Any):
        super().__init__(**kwargs)
        self.pesan = Text("")
        self.kanan = Text("")
        self._baris = 1

    def atur(self, pesan: Text | str, galat: bool = False) -> None:
        """Show a message; control and bidi characters in it are made visible (`teks`), never sent."""
        if not isinstance(pesan, Text):
            pesan = teks(pesan)
        elif ada_kendali(pesan.plain, baris_baru=True):
            pesan = teks(pesan.plain, style=pesan.style)
        lebar = self.size.width or 80
        baris = 1 if pesan.cell_len <= lebar else 2 + (pesan.cell_len > 2 * lebar - 10)
        self.pesan = pesan
        self.set_class(galat, "-galat")
        # A layout pass only when the message needs another number of lines than the bar has now (not on
        # every keystroke). Compared with the bar's real height: after the terminal was made narrower a
        # notice may have wrapped onto a second line, which the next short message must take back.
        self.refresh(layout=baris != (self.size.height or self._baris))
        self._baris = baris
        if self.is_attached:
            aplikasi(self).kabar_terakhir = (pesan, galat)  # every screen shows the latest message when shown

    def atur_kanan(self, kanan: Text | str) -> None:
        kanan = kanan if isinstance(kanan, Text) and not ada_kendali(kanan.plain) else teks(
            kanan.plain if isinstance(kanan, Text) else kanan)
        if kanan.plain != self.kanan.plain:
            self.kanan = kanan
            self.refresh()

    def render(self) -> Text:
        width = self.size.width or 80
        right = self.kanan.copy()
        left = self.pesan.copy()
        if left.cell_len + right.cell_len + 1 <= width:
            pad = max(1, width - left.cell_len - right.cell_len)
            return Text.assemble(left, " " * pad, right, no_wrap=True)
        if left.cell_len <= width:
            # The message fills the line: it is shown whole; who/warnings come back with a shorter one.
            return Text.assemble(left, no_wrap=True)
        # Longer than the line: the message wraps (nothing of it is cut), who/warnings after it if room.
        left.no_wrap = False
        left.overflow = "fold"
        baris = list(left.wrap(self.app.console, width))
        akhir = baris[-1] if baris else Text()
        if akhir.cell_len + right.cell_len + 1 <= width:
            baris[-1] = Text.assemble(akhir, " " * (width - akhir.cell_len - right.cell_len), right)
        out = Text("\n").join(baris)
        out.no_wrap = True
        return out


__all__ = ["AGENDA", "LABEL_LAYAR", "LABEL_PENDEK", "TAHAP", "AgendaBar", "StatusBar", "Tabel", "teruskan_panah", "Kolom", "Dialog",
           "FormDialog", "AlasanDialog", "KonfirmasiDialog", "PilihDialog", "SimpanBuangDialog", "Hasil", "Isian",
           "mengambil_teks", "mengambil_teks_sendiri"]
