"""The Markdown renderer of the berita acara: `ke_markdown(blok) -> str`.

Input: the document's blocks (`blok.py`). Output: CommonMark with GitHub pipe tables, UTF-8 text with
LF line ends, ending in one newline; the same blocks always give the same text. Every piece of user text
is escaped with `sesi.export.md_sel` (and a line start that would read as a list, rule or heading is
escaped too), so a `|`, `*`, `#`, a backtick or a newline typed by a user never breaks the layout: each
table keeps its rows and columns and reads back as the literal text (docs/csv.md, "Keamanan isi").
Raises nothing for any text.
"""

from __future__ import annotations

import re
from typing import Iterable

from ..export import md_sel
from .blok import (TITIK_NAMA, Blok, Daftar, Judul, Klausul, Kop, Kotak, Paragraf, Pasangan, Pemisah, TabelDokumen,
                   TandaTangan, huruf)

_MD_AWAL = re.compile(r"^([-+=]|\d+[.)])")


def _md(text: str) -> str:
    """User-safe inline Markdown: escaped, on one line, and never read as a list, rule or heading."""
    s = md_sel(text)
    return _MD_AWAL.sub(lambda m: m.group(1)[:-1] + "\\" + m.group(1)[-1], s)


def _md_baris(lines: Iterable[str]) -> str:
    """Lines kept as lines inside one paragraph (hard line breaks)."""
    return "\\\n".join(lines)


def ke_markdown(blok: Iterable[Blok]) -> str:
    parts: list[str] = []
    for b in blok:
        if isinstance(b, Kotak):
            parts.append(_md_baris(f"> **{_md(b.baris[0])}**" if i == 0 else f"> {_md(x)}"
                                   for i, x in enumerate(b.baris)))
        elif isinstance(b, Kop):
            parts.append(_md_baris(f"**{_md(x)}**" for x in b.baris))
        elif isinstance(b, Judul):
            parts.append("#" * b.tingkat + " " + md_sel(b.teks))
        elif isinstance(b, Paragraf):
            text = _md(b.teks)
            parts.append(f"**{text}**" if b.tebal else text)
        elif isinstance(b, Daftar):
            parts.append(_md_daftar(b))
        elif isinstance(b, Klausul):
            parts.append("\n\n".join(f"**{label}** : {_md(text)}" for label, text in b.butir))
        elif isinstance(b, Pasangan):
            parts.append(_md_baris(f"{_md(label)}: {_md(value)}" for label, value in b.baris))
        elif isinstance(b, TabelDokumen):
            parts.append(_md_tabel(b))
        elif isinstance(b, TandaTangan):
            parts.append(_md_tanda_tangan(b))
        elif isinstance(b, Pemisah):
            parts.append("---")
    return "\n\n".join(parts) + "\n"


def _md_daftar(d: Daftar) -> str:
    if d.huruf:
        return _md_baris(f"{huruf(i)}. {_md(x.teks)}" for i, x in enumerate(d.butir))
    items = []
    for i, x in enumerate(d.butir, start=1):
        penanda = f"{i}. "
        item = penanda + _md(x.teks)
        if x.anak:
            indent = " " * len(penanda)
            item += "\n\n" + indent + ("\\\n" + indent).join(f"{huruf(j)}. {_md(a)}" for j, a in enumerate(x.anak))
        items.append(item)
    sep = "\n\n" if any(x.anak for x in d.butir) else "\n"
    return sep.join(items)


def _md_tabel(t: TabelDokumen) -> str:
    """A GitHub pipe table, unpadded (the lampiran hold thousands of rows; a renderer aligns them)."""
    lines = ["| " + " | ".join(md_sel(k.judul) for k in t.kolom) + " |",
             "|" + "|".join("---:" if k.kanan else "---" for k in t.kolom) + "|"]
    for row in t.baris:
        lines.append("| " + " | ".join(md_sel(c) for c in row) + " |")
    return "\n".join(lines)


def _md_tanda_tangan(t: TandaTangan) -> str:
    """Signers side by side as pipe tables of at most `per_baris` columns: the office as the header, an
    empty row (room to sign), the name in bold (a dotted blank when unknown), then the lines under it."""
    tabel = []
    n = max(1, t.per_baris)
    for i in range(0, len(t.penanda), n):
        baris = t.penanda[i:i + n]
        lines = ["| " + " | ".join(md_sel(" ".join(p.atas)) for p in baris) + " |",
                 "|" + "|".join("---" for _ in baris) + "|",
                 "|" + "|".join("  " for _ in baris) + "|",
                 "| " + " | ".join(f"**{md_sel(p.nama)}**" if p.nama else md_sel(TITIK_NAMA) for p in baris) + " |"]
        for j in range(max(len(p.bawah) for p in baris)):
            lines.append("| " + " | ".join(md_sel(p.bawah[j]) if j < len(p.bawah) else "" for p in baris) + " |")
        tabel.append("\n".join(lines))
    return "\n\n".join(tabel)
