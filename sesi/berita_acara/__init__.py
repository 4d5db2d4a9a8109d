"""The berita acara (signed minutes) of the Musrenbang Kecamatan: the public API.

- `dokumen(data) -> list[Blok]`: the whole document as blocks (`blok.py`), built from the session by
  the parts of `badan.py` (the body: opening, attendance, what was considered, MENYEPAKATI, signatures,
  copies) and `lampiran.py` (Lampiran I to VI), in the order of `badan.BAGIAN` and
  `lampiran.LAMPIRAN`.
- `berita_acara(data, fmt) -> str`: the document rendered as "md" (`markdown.py`) or "txt" (`teks.py`,
  80 columns); ValueError for another format.
- `simpan(data, fmt, path) -> str`: written through the one safe writer (`sesi/berkas.py`).
- `nama_berkas(data, fmt)`: the file name to suggest when saving.

Renderers: one module per format, each a function from the blocks to the document's text, registered in
`PENYAJI` (format -> renderer) and `FORMAT` (format -> label). A new format is one module with such a
function and one entry in each.

The same session always gives the same bytes: nothing depends on the clock or on the dict order of the
file. What the document holds and in which order follows the guide (docs/tata-cara.md, "5. Berita
acara": the national format, after Permendagri 86 Tahun 2017); how the signature and its fingerprint
work: README.md ("Berita acara") and `sesi/pengesahan.py`.
"""

from __future__ import annotations

import os
import re
from typing import Callable, Iterable

from ..data import Data, normal
from ..pengesahan import kode_sidik_jari
from ..teks_tabel import bungkus, lebar_teks
from . import badan, lampiran
from .blok import (Blok, Butir, Daftar, Judul, Klausul, KolomDokumen, Kop, Kotak, Paragraf, Pasangan, Pemisah,
                   TabelDokumen)
from .kata import nama_kecamatan
from .konteks import Konteks
from .lampiran import hasil_usulan
from .markdown import ke_markdown
from .polos import ke_teks, tabel_teks

#: A renderer: the document's blocks in, the document's text out.
Penyaji = Callable[[Iterable[Blok]], str]

PENYAJI: dict[str, Penyaji] = {"md": ke_markdown, "txt": ke_teks}
FORMAT = {"md": "Markdown", "txt": "Teks"}


def kaki(data: Data) -> list[Blok]:
    """The footer closing each section of a signed berita acara (the body and every lampiran): the short
    fingerprint code a person compares with `musrenbang periksa --sidik-jari KODE`, so every sheet that
    is signed carries it (README, "Berita acara"). Nothing for a draft."""
    kode = kode_sidik_jari(data)
    return [Paragraf(f"Sidik jari: {kode}", tengah=True)] if kode else []


def dokumen(data: Data) -> list[Blok]:
    """The whole berita acara as blocks: the body, then Lampiran I to VI, each under its header; each
    section ends with the fingerprint footer (`kaki`) once signed."""
    k = Konteks.dari(data)
    blok: list[Blok] = []
    for bagian in badan.BAGIAN:
        blok += bagian(k)
    penutup = kaki(data)
    blok += penutup
    for nomor, (judul, isi) in enumerate(lampiran.LAMPIRAN, start=1):
        blok += lampiran.kepala(k, nomor, judul(k))
        blok += isi(k)
        blok += penutup
    return blok


def berita_acara(data: Data, fmt: str = "md") -> str:
    """The berita acara of this session as Markdown ("md") or plain text ("txt")."""
    penyaji = PENYAJI.get(fmt)
    if penyaji is None:
        raise ValueError(f"format berita acara '{fmt}' tidak dikenal (md atau txt)")
    return penyaji(dokumen(data))


def simpan(data: Data, fmt: str, path: str | os.PathLike[str]) -> str:
    """Write the berita acara to `path` (UTF-8, LF) through the one safe writer (`sesi.berkas`): in one
    piece, never through a planted symlink or FIFO. Returns the absolute path; BerkasTidakAman or OSError."""
    from ..berkas import tulis_keluaran

    return tulis_keluaran(path, berita_acara(data, fmt).encode("utf-8"))


def nama_berkas(data: Data, fmt: str = "md") -> str:
    """A file name to suggest when saving: 'berita-acara-banjarmasin-utara-2028.md' (with '-rancangan'
    before the extension while the document is not signed)."""
    kec = re.sub(r"[^a-z0-9]+", "-", normal(nama_kecamatan(data))).strip("-") or "kecamatan"
    akhir = "" if data.info.terkunci else "-rancangan"
    return f"berita-acara-{kec}-{data.info.tahun}{akhir}.{fmt}"


__all__ = ["berita_acara", "simpan", "dokumen", "ke_markdown", "ke_teks", "tabel_teks", "nama_berkas", "hasil_usulan",
           "lebar_teks", "bungkus", "FORMAT", "PENYAJI", "Penyaji", "Kop", "Judul", "Paragraf", "Butir", "Daftar",
           "Klausul", "Pasangan", "KolomDokumen", "TabelDokumen", "Kotak", "Pemisah", "Blok"]
