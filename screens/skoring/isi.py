"""What the scoring matrix shows in a cell, and a read-only view of those texts over every row.

The matrix (screens/skoring/matriks.py) makes the text of a row when it is drawn: of 2,136 rows at 5,000
usulan about 20 are in view. `TeksMatriks` reads any cell as the matrix would draw it (the text held, or
the one it would make now), for the screen's tests and anyone who asks what a row shows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Mapping

if TYPE_CHECKING:
    from .matriks import Matriks

#: (text, style name) of one cell; the style name is a `matriks--<name>` component class, or "".
Isi = tuple[str, str]
KOSONG: Isi = ("", "")


class TeksMatriks(Mapping):
    """A read-only view of one kind of text of a Matriks, over every row (and criterion column)."""

    def __init__(self, matriks: "Matriks", jenis: str):
        self._m = matriks
        self._jenis = jenis

    def _kunci(self):
        m = self._m
        if self._jenis == "sel":
            return [(u, k.kode) for u in m.baris for k in m.kolom]
        return list(m.baris)

    def __getitem__(self, key):
        m = self._m
        ada = (key[0] in m._indeks and any(k.kode == key[1] for k in m.kolom)) if self._jenis == "sel" \
            else key in m._indeks
        if not ada:
            raise KeyError(key)
        return m._teks(self._jenis, key)

    def __iter__(self):
        return iter(self._kunci())

    def __len__(self) -> int:
        return len(self._kunci())
