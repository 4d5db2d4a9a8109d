"""Notes typed fast: the "Nama: teks" speaker prefix, and the dialog that edits one note in a TextArea.

Shared by the screens where a notulen writes (Pleno I; the kelompok screen may use it too).
"""

from __future__ import annotations

import re
from typing import Callable, Iterable

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, TextArea

from sesi.data import normal

from .teks import teks
from .tombol import isi_tombol
from .widgets import Dialog, Isian

#: "Nama: teks": a short name (at most 40 characters, 5 words) before a colon followed by a space.
_AWALAN = re.compile(r"^\s*([^:\n]{1,40}?)\s*:\s+(\S.*)$", re.S)


def pisah_pembicara(baris: str, dikenal: Iterable[str] = ()) -> tuple[str | None, str]:
    """Split "Nama: teks" into (speaker, text); (None, text) when the line names no speaker.

    A leading backslash keeps the line as typed ("\\Catatan: ..." -> no speaker). A short name that
    matches exactly one known name (sambutan, narasumber, participants) is completed to that name:
    "hamidah: ..." -> "Dra. Hamidah".
    """
    if baris.lstrip().startswith("\\"):
        return None, baris.lstrip()[1:]
    m = _AWALAN.match(baris)
    if not m:
        return None, baris
    nama, isi = m.group(1).strip(), m.group(2)
    if len(nama.split()) > 5 or "//" in nama:
        return None, baris
    return lengkapi_nama(nama, dikenal), isi


def lengkapi_nama(nama: str, dikenal: Iterable[str]) -> str:
    """The one known name `nama` stands for (same name, or a part of exactly one name), else `nama`."""
    kunci = normal(nama)
    if len(kunci) < 3:
        return nama
    calon: dict[str, str] = {}
    for k in dikenal:
        nk = normal(k)
        if nk == kunci:
            return k
        if re.search(r"(^| )" + re.escape(kunci), nk):
            calon.setdefault(nk, k)
    return next(iter(calon.values())) if len(calon) == 1 else nama


class CatatanDialog(Dialog):
    """Edit one note: the speaker on one line, the text in a TextArea (Enter = new line, Ctrl+S saves).

    `periksa({"pembicara", "teks"}) -> str | None` saves; a message keeps the dialog open with the input.
    Returns the values, or None when cancelled.
    """

    DEFAULT_CSS = """
    CatatanDialog TextArea { height: 7; background: $boost; }
    CatatanDialog .baris .label { width: 12; }
    CatatanDialog #f-pembicara { width: 1fr; background: $boost; }
    """

    def __init__(self, judul: str, pembicara: str, isi: str,
                 periksa: Callable[[dict[str, str]], str | None] | None = None):
        super().__init__()
        self.judul = judul
        self.pembicara = pembicara
        self.isi = isi
        self.periksa = periksa

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(teks(self.judul), classes="judul")
            with Horizontal(classes="baris"):
                yield Label("Pembicara", classes="label")
                yield Isian(self.pembicara, id="f-pembicara", placeholder="kosong = tanpa pembicara",
                            compact=True)
            yield Label("Catatan * (Enter = baris baru)", classes="petunjuk")
            yield TextArea(self.isi, id="f-teks", soft_wrap=True, show_line_numbers=False)
            yield Label("", classes="galat", id="galat")
            with Horizontal(classes="tombol"):
                yield Button(isi_tombol(self, "Simpan ({dialog.simpan})"), id="simpan", variant="primary", compact=True)
                yield Button(isi_tombol(self, "Batal ({dialog.batal})"), id="batal", compact=True)

    def on_mount(self) -> None:
        self._awal = self.nilai()
        area = self.query_one("#f-teks", TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    @on(Input.Submitted, "#f-pembicara")
    def _ke_teks(self) -> None:
        self.query_one("#f-teks", TextArea).focus()

    def nilai(self) -> dict[str, str]:
        return {"pembicara": self.query_one("#f-pembicara", Input).value,
                "teks": self.query_one("#f-teks", TextArea).text}

    def galat(self, pesan: str) -> None:
        self.query_one("#galat", Label).update(teks(pesan))

    def ketikan_belum_disimpan(self) -> str:
        awal = getattr(self, "_awal", None)
        return self.judul if awal is not None and self.nilai() != awal else ""

    def action_simpan(self) -> None:
        v = self.nilai()
        if not v["teks"].strip():
            self.galat("Catatan tidak boleh kosong; hapus catatan bila tidak diperlukan.")
            return
        if self.periksa is not None:
            pesan = self.periksa(v)
            if pesan:
                self.galat(pesan)
                return
        self.dismiss(v)


__all__ = ["pisah_pembicara", "lengkapi_nama", "CatatanDialog"]
