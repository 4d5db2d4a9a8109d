"""The berita acara (signed minutes) of the Musrenbang Kecamatan: the public API.

- `dokumen(data) -> list[Blok]`: the whole document as blocks (`blok.py`), built from the session by
  the parts of `badan.py` (the body: opening with the hours, attendance, what was considered, MENYEPAKATI,
  closing, the signature blocks of the pimpinan sidang/Camat and the tim perumus, the wakil unsur table,
  copies) and `lampiran.py` (Lampiran I to VIII; VIII, the notulen, in `notulen.py`), in the order of
  `badan.BAGIAN` and `lampiran.LAMPIRAN` (the lampiran numbers are places in it: `lampiran.sebut`).
- The notulen alone: `notulen.notulen(data, fmt)`, `notulen.dokumen_notulen(data)` (`musrenbang ekspor
  notulen`), rendered by the same `PENYAJI`.
- `berita_acara(data, fmt) -> str`: the document rendered as "md" (`markdown.py`) or "txt" (`polos.py`,
  80 columns); ValueError for another format.
- `ke_berkas(data, fmt, blok=None, *, kertas, kop) -> bytes`: the bytes of the file in any format of
  `FORMAT`, also "docx" (`docx.py`, for printing); `blok` defaults to this document, and any other
  document of the session built of the same blocks (the notulen) is rendered the same way.
- `simpan(data, fmt, path, ...) -> str`: written through the one safe writer (`sesi/berkas.py`).
- `nama_berkas(data, fmt)`: the file name to suggest when saving.

Renderers: one module per format. A text format is a function from the blocks to the document's text,
registered in `PENYAJI` (format -> renderer); every format has a label in `FORMAT`. The docx renderer
(`docx.py`, python-docx) also takes the paper, the kop image and the document properties, and is
imported only when a docx is asked for (the command line stays light).

The same session always gives the same bytes: nothing depends on the clock or on the dict order of the
file. What the document holds and in which order follows the guide (docs/tata-cara.md, "5. Berita
acara": the national format, after Permendagri 86 Tahun 2017); how the signature and its fingerprint
work: README.md ("Berita acara") and `sesi/pengesahan.py`.
"""

from __future__ import annotations

import os
import re
from datetime import date, datetime, timezone
from typing import Callable, Iterable, Sequence

from ..data import Data, normal
from ..pengesahan import kode_sidik_jari
from ..teks_tabel import bungkus, lebar_teks
from . import badan, lampiran
from .blok import (Blok, Butir, Daftar, Judul, Klausul, KolomDokumen, Kop, Kotak, Paragraf, Pasangan, Pemisah,
                   Penanda, TabelDokumen, TandaTangan)
from .kata import nama_kecamatan
from .konteks import Konteks
from .lampiran import hasil_usulan
from .markdown import ke_markdown
from .polos import ke_teks, tabel_teks

#: A renderer: the document's blocks in, the document's text out.
Penyaji = Callable[[Iterable[Blok]], str]

PENYAJI: dict[str, Penyaji] = {"md": ke_markdown, "txt": ke_teks}
FORMAT = {"md": "Markdown", "txt": "Teks", "docx": "Word (docx)"}
#: Formats whose file is binary (never printed to a terminal).
BINER = frozenset({"docx"})
#: Paper sizes of the docx format (`docx.KERTAS`); F4 is what Indonesian offices print on.
KERTAS = ("F4", "A4")


def kaki(data: Data) -> list[Blok]:
    """The footer closing each section of a signed berita acara (the body and every lampiran): the short
    fingerprint code a person compares with `musrenbang periksa --sidik-jari KODE`, so every sheet that
    is signed carries it (README, "Berita acara"). Nothing for a draft."""
    kode = kode_sidik_jari(data)
    return [Paragraf(f"Sidik jari: {kode}", tengah=True)] if kode else []


def dokumen(data: Data) -> list[Blok]:
    """The whole berita acara as blocks: the body, then every lampiran of `LAMPIRAN`, each under its header; each
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


def _tanggal(data: Data) -> datetime:
    """The meeting date (00:00 UTC), the docx's created and modified time; 1 January of the year before
    the RKPD year when the session has no valid date."""
    try:
        d = date.fromisoformat(data.info.tanggal)
    except (TypeError, ValueError):
        d = date(max(data.info.tahun - 1, 2000), 1, 1)
    return datetime(d.year, d.month, d.day, tzinfo=timezone.utc)


def ke_berkas(data: Data, fmt: str, blok: Sequence[Blok] | None = None, *, kertas: str = "F4",
              kop: bytes | None = None) -> bytes:
    """The bytes of the document in format `fmt` (a key of `FORMAT`): UTF-8 text for "md" and "txt", a
    Word file for "docx" (paper `kertas` "F4" or "A4", letterhead image `kop`, PNG/JPEG bytes; its
    properties from the session: title = the document's first title, author = the kecamatan, created and
    modified = the meeting date; the fingerprint code of a signed session in every page's footer).
    `blok`: the document (default: this berita acara, `dokumen(data)`). The same session gives the same
    bytes. ValueError for an unknown format or paper; `docx.KopTidakSah` for a `kop` that is no image;
    `pengesahan.TidakSesuaiPengesahan` for a signed session edited after signing."""
    from ..pengesahan import pastikan_sesuai_sah

    pastikan_sesuai_sah(data, "Dokumen")  # never "DISAHKAN" and the code on content that was not signed
    if blok is None:
        blok = dokumen(data)
    if fmt in PENYAJI:
        return PENYAJI[fmt](blok).encode("utf-8")
    if fmt != "docx":
        raise ValueError(f"format '{fmt}' tidak dikenal ({', '.join(FORMAT)})")
    from .docx import Properti, ke_docx

    judul = next((b.teks for b in blok if isinstance(b, Judul) and b.tingkat == 1), "")
    properti = Properti(judul=judul, penulis=f"Kecamatan {nama_kecamatan(data)}", tanggal=_tanggal(data),
                        subjek=f"Musrenbang Kecamatan {nama_kecamatan(data)} {data.info.tahun}")
    return ke_docx(blok, kertas=kertas, kop=kop, properti=properti, kaki=kaki(data))


def simpan(data: Data, fmt: str, path: str | os.PathLike[str], *, kertas: str = "F4",
           kop: bytes | None = None) -> str:
    """Write the berita acara in `fmt` (`ke_berkas`) to `path` through the one safe writer (`sesi.berkas`):
    in one piece, never through a planted symlink or FIFO. Returns the absolute path; BerkasTidakAman or
    OSError."""
    from ..berkas import tulis_keluaran

    return tulis_keluaran(path, ke_berkas(data, fmt, kertas=kertas, kop=kop))


def nama_berkas(data: Data, fmt: str = "md") -> str:
    """A file name to suggest when saving: 'berita-acara-banjarmasin-utara-2028.md' (with '-rancangan'
    before the extension while the document is not signed)."""
    kec = re.sub(r"[^a-z0-9]+", "-", normal(nama_kecamatan(data))).strip("-") or "kecamatan"
    akhir = "" if data.info.terkunci else "-rancangan"
    return f"berita-acara-{kec}-{data.info.tahun}{akhir}.{fmt}"


__all__ = ["berita_acara", "ke_berkas", "kaki", "BINER", "KERTAS", "simpan", "dokumen", "ke_markdown", "ke_teks",
           "tabel_teks", "nama_berkas", "hasil_usulan",
           "lebar_teks", "bungkus", "FORMAT", "PENYAJI", "Penyaji", "Kop", "Judul", "Paragraf", "Butir", "Daftar",
           "Klausul", "Pasangan", "KolomDokumen", "TabelDokumen", "Kotak", "Penanda", "TandaTangan", "Pemisah", "Blok"]
