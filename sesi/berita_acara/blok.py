"""The blocks a berita acara is made of: what the content assembly (`badan.py`, `lampiran.py`) produces
and every renderer (`markdown.py`, `teks.py`) consumes.

A document is a flat `list[Blok]`, in reading order. Blocks hold plain user text, never markup: each
renderer escapes it for its format. They are frozen dataclasses, so a renderer cannot change the
document another renderer will read. The kinds of block follow the layout of the berita acara
(docs/tata-cara.md, "5. Berita acara"): a letterhead, a title, a Nomor, paragraphs, lettered and
numbered lists, the MENYEPAKATI clauses, tables, and a part break before each lampiran.

`TabelDokumen`/`KolomDokumen` are named apart from the screens' `Tabel`/`Kolom` widgets
(`screens/widgets.py`), which are a different thing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Union


@dataclass(frozen=True)
class Kop:
    """The letterhead: centred lines (PEMERINTAH KOTA ..., KECAMATAN ...)."""

    baris: tuple[str, ...]


@dataclass(frozen=True)
class Judul:
    """A title. tingkat 1: the document's title; 2: a lampiran's header; 3: a lampiran's title;
    4: a section (an SKPD, a kelompok). `tengah`: centred in the text format."""

    teks: str
    tingkat: int = 3
    tengah: bool = False


@dataclass(frozen=True)
class Paragraf:
    teks: str
    tebal: bool = False
    tengah: bool = False
    spasi: bool = False  # text format: keep runs of spaces when the line fits (a Nomor's blank)


@dataclass(frozen=True)
class Butir:
    teks: str
    anak: tuple[str, ...] = ()  # sub-items, lettered a., b., ...


@dataclass(frozen=True)
class Daftar:
    """A numbered (1., 2., ...) or lettered (a., b., ...) list."""

    butir: tuple[Butir, ...]
    huruf: bool = False


#: The blank left for a name to be written by hand under a signature.
TITIK_NAMA = "(" + "." * 30 + ")"


def huruf(i: int) -> str:
    """The letter of item `i` of a lettered list, as every renderer writes it: 0 -> a, 25 -> z, 26 -> aa."""
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(ord("a") + r) + s
    return s


@dataclass(frozen=True)
class Klausul:
    """The MENYEPAKATI clauses: (KESATU, text), (KEDUA, text), ..."""

    butir: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Pasangan:
    """Aligned label : value lines (NOMOR : ..., TANGGAL : ...)."""

    baris: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class KolomDokumen:
    """A column of a `TabelDokumen`."""

    judul: str
    kanan: bool = False  # numbers: right-aligned, never wrapped
    min_teks: int = 0  # text format: at least this wide (room to write a name or sign by hand)


@dataclass(frozen=True)
class TabelDokumen:
    """A table of the document: one cell per column in every row (plain text, "" for an empty cell)."""

    kolom: tuple[KolomDokumen, ...]
    baris: tuple[tuple[str, ...], ...]
    tinggi: int = 1  # minimum lines per row in the text format (room for a signature): drawn as a grid
    gabung_teks: tuple[int, ...] = ()  # columns joined to the one before them in the text format


@dataclass(frozen=True)
class Kotak:
    """A notice framed at the top of the document (RANCANGAN, or the signature's fingerprint)."""

    baris: tuple[str, ...]


@dataclass(frozen=True)
class Penanda:
    """One signer of a `TandaTangan` block: the lines above the space to sign ("Pimpinan Sidang,",
    "Camat Banjarmasin Utara,"), the name ("" = a dotted blank to write by hand) and the lines under the
    name ("NIP. 19700101 199003 1 001")."""

    atas: tuple[str, ...]
    nama: str
    bawah: tuple[str, ...] = ()


@dataclass(frozen=True)
class TandaTangan:
    """Signature blocks side by side, as on the last page of a berita acara (issue 11): each signer's
    office above, room to sign, the name, the NIP under the name. Renderers put at most `per_baris` signers
    on one row."""

    penanda: tuple[Penanda, ...]
    per_baris: int = 2


@dataclass(frozen=True)
class Pemisah:
    """The start of a new part (a lampiran)."""


Blok = Union[Kop, Judul, Paragraf, Daftar, Klausul, Pasangan, TabelDokumen, Kotak, TandaTangan, Pemisah]

__all__ = ["Kop", "Judul", "Paragraf", "Butir", "Daftar", "Klausul", "Pasangan", "KolomDokumen", "TabelDokumen",
           "Kotak", "Penanda", "TandaTangan", "Pemisah", "Blok", "huruf",
           "TITIK_NAMA"]
