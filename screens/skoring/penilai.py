"""Choosing the penilai whose values the digits on the scoring matrix set (or Mufakat, the consensus)."""

from __future__ import annotations

from textual.widgets.option_list import Option

from sesi.teks import bersih

from ..glyph import g
from ..teks import teks
from ..widgets import PilihDialog


class PenilaiDialog(PilihDialog):
    """Type or choose the penilai whose values the digits set; "Mufakat" returns to consensus.

    Returns the chosen id: "m" for mufakat, "p:<name>" for a penilai (see `nama_penilai`), None if cancelled.
    """

    def __init__(self, nama: list[str], sekarang: str):
        self.nama = nama
        self.sekarang = sekarang
        super().__init__("Pilih penilai (Mufakat = nilai kesepakatan)", [],
                         petunjuk="Ketik nama penilai (baru atau yang ada), Enter")

    def _options(self, saring: str) -> list[Option]:
        ketik = bersih(saring)
        kata = ketik.casefold().split()
        out = []
        if not kata:
            out.append(Option(teks("Mufakat (nilai kesepakatan, tanpa penilai)"), id="m"))
        for n in self.nama:  # names that match come first: a few letters + Enter picks an existing one
            if all(k in n.casefold() for k in kata):
                out.append(Option(teks(n + (f" {g('cur')}" if n == self.sekarang else "")), id="p:" + n))
        if ketik and ketik.casefold() not in {n.casefold() for n in self.nama}:
            out.append(Option(teks(f"Penilai baru: {ketik}"), id="p:" + ketik))
        return out


def nama_penilai(pilihan: str) -> str:
    """The penilai a PenilaiDialog answer names ("" = mufakat)."""
    return pilihan[2:] if pilihan.startswith("p:") else ""
