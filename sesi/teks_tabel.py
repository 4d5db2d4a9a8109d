"""Plain text for an 80-column terminal or printout: display width, word wrap, and tables with wrapped cells.

The one text-layout engine of the program: the berita acara's text renderer
(`sesi/berita_acara/polos.py`) and the text exports of `sesi/export.py` both lay out their paragraphs and
tables here. Why ours and not tabulate: tabulate measures width with `len` (without the optional
wcwidth, a CJK character or an emoji counts 1 column and the table goes past 80 columns and out of
line), wraps only cells it is given a width for, and cannot draw the forms filled by hand (rows of a
minimum height for a signature, a grid). So one engine does all of it, measured by display width.

Shapes and units:
- Widths are terminal columns (`lebar_teks`): a wide East Asian character or an emoji counts 2, a
  combining or format character 0.
- Text given to `bungkus` may hold any whitespace (it is split into words). Cells given to `tabel_teks`
  are one-line text already cleaned for a terminal (no control characters, single spaces, no edge
  spaces: what `sesi.export.teks_sel` gives); the caller cleans them.
- `tabel_teks` returns lines without a newline and without trailing spaces (the grid style keeps its
  closing `|`). No function here raises for any text; widths below 1 are treated as 1.

Where the 80 columns come from: README.md ("Berita acara": "teks biasa 80 kolom untuk dicetak") and
docs/csv.md ("Ekspor": text tables that fit an 80-column screen).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Sequence

LEBAR = 80  # columns of a .txt document or export (folio printout)
PALING_SEMPIT = 6  # a text column of a table is never narrower (long words are broken to fit)
KATA_UTUH = 14  # a text column keeps room for its longest word up to this width (names are not cut)
LABEL_KARTU = 24  # the widest label column of a table laid out as records (`kartu`)
_ADA_ANGKA = re.compile(r"\d")  # a decimal digit of any script (what `utuh` looks for)


def utuh(kata: str) -> bool:
    """Is `kata` (one whitespace-free token) never broken inside a table cell? A token holding a digit:
    a number, an amount ("Rp340.000.000"), a code ("U-017", "050/123/Kec-BJU/2027") or a date."""
    return _ADA_ANGKA.search(kata) is not None


def lebar_teks(s: str) -> int:
    """Columns a string takes in a terminal or a monospace printout (wide East Asian/emoji count 2)."""
    if s.isascii():
        return len(s)
    n = 0
    for c in s:
        if unicodedata.category(c) in ("Mn", "Me", "Cf"):
            continue
        n += 2 if unicodedata.east_asian_width(c) in ("W", "F") else 1
    return n


def _potong(word: str, width: int) -> list[str]:
    """Break a word longer than `width` into pieces that fit, each broken piece ending in "-"."""
    out, cur, w = [], "", 0
    tanda = "-" if width >= 4 else ""
    for c in word:
        cw = lebar_teks(c)
        if cur and w + cw > width - len(tanda):
            out.append(cur + tanda)
            cur, w = "", 0
        cur += c
        w += cw
    if cur:
        out.append(cur)
    return out


def bungkus(text: str, width: int) -> list[str]:
    """Greedy word wrap by display width; words longer than the line are broken. Always at least one
    line (an empty text gives [""])."""
    width = max(1, width)
    ascii_ = text.isascii()
    if (ascii_ and len(text) <= width and text.isprintable() and "  " not in text
            and text[:1] != " " and text[-1:] != " "):
        return [text]  # the common case: one line already, single spaces (what the loop below gives)
    ukur = len if ascii_ else lebar_teks  # ASCII: one column per character
    lines: list[str] = []
    cur, w = "", 0
    for word in text.split():
        ww = ukur(word)
        if ww > width:
            pieces = _potong(word, width)
            if cur:
                lines.append(cur)
            lines.extend(pieces[:-1])
            cur, w = pieces[-1], ukur(pieces[-1])
            continue
        if cur and w + 1 + ww > width:
            lines.append(cur)
            cur, w = word, ww
        else:
            cur = f"{cur} {word}" if cur else word
            w = w + 1 + ww if w else ww
    if cur or not lines:
        lines.append(cur)
    return lines


def gantung(awal: str, text: str, width: int) -> list[str]:
    """A paragraph with a hanging label: 'a. ' then wrapped text aligned under its first word."""
    pad = " " * lebar_teks(awal)
    lines = bungkus(text, width - len(pad))
    return [(awal if i == 0 else pad) + line for i, line in enumerate(lines)]


def tengah(line: str, width: int) -> str:
    """`line` centred in `width` columns (no trailing spaces)."""
    return (" " * max(0, (width - lebar_teks(line)) // 2) + line).rstrip()


def _isi_lebar(text: str, width: int, kanan: bool) -> str:
    """`text` padded with spaces to `width` display columns (on the left when `kanan`)."""
    pad = " " * (width - lebar_teks(text))
    return pad + text if kanan else text + pad


def _lebar_kata(text: str) -> int:
    """The display width of the longest word of `text`."""
    if text.isascii():
        return max(map(len, text.split()), default=0)
    return max((lebar_teks(w) for w in text.split()), default=0)


_TOKEN_UTUH = re.compile(r"\S*\d\S*")


def _lebar_utuh(text: str) -> int:
    """The display width of the longest unbreakable token (`utuh`) of `text`, 0 when none."""
    ukur = len if text.isascii() else lebar_teks
    return max(map(ukur, _TOKEN_UTUH.findall(text)), default=0)


def _lebar_kolom(judul: list[str], rows: list[list[str]], kanan: list[bool], min_lebar: list[int],
                 tersedia: int, patah: bool = True) -> list[int] | None:
    """Column widths that fit `tersedia` columns if they can.

    Each column starts at its natural width (its widest cell or header, or `min_lebar`). The widest
    column gives up one column at a time: first down to whole words (a text column keeps its longest
    word up to KATA_UTUH and always its longest number, amount, code or date (`utuh`), a number column
    its widest value). When that does not fit: None if not `patah`; else (text columns only) down to
    PALING_SEMPIT by breaking long words, never an `utuh` token, and wider than `tersedia` only when
    even that does not fit.
    """
    n = len(judul)
    lebar_sel = [[len(c) if c.isascii() else lebar_teks(c) for c in r] for r in rows]
    alami = [max([lebar_teks(judul[i]), min_lebar[i]] + [w[i] for w in lebar_sel]) for i in range(n)]
    minimum, keras = [], []
    for i in range(n):
        if kanan[i]:
            isi = max((w[i] for w in lebar_sel), default=0)
            utuh_i = isi
        else:
            kata = [_lebar_kata(r[i]) for r in rows]
            # A number is one word, so it matters only in a cell whose longest word is wider than what the
            # column keeps anyway: KATA_UTUH (or, for a form that may break words, PALING_SEMPIT).
            batas = PALING_SEMPIT if patah else KATA_UTUH
            utuh_i = max((_lebar_utuh(r[i]) for r, k in zip(rows, kata) if k > batas), default=0)
            isi = max(utuh_i, min(KATA_UTUH, max(kata, default=0)))
        minimum.append(max(1, _lebar_kata(judul[i]), isi, min_lebar[i]))
        keras.append(max(1, utuh_i, min_lebar[i]))
    lebar_kolom = list(alami)
    sempit = [m if k else max(t, min(m, PALING_SEMPIT)) for m, k, t in zip(minimum, kanan, keras)]
    for j, batas in enumerate((minimum, sempit)):
        if j and not patah:
            return None
        while sum(lebar_kolom) > tersedia:
            calon = [i for i in range(n) if lebar_kolom[i] > batas[i]]
            if not calon:
                break
            i = max(calon, key=lambda j: (lebar_kolom[j], -j))
            lebar_kolom[i] -= 1
        if sum(lebar_kolom) <= tersedia:
            break
    return lebar_kolom


def kartu(judul: Sequence[str], baris: Sequence[Sequence[str]], lebar: int = LEBAR) -> list[str]:
    """A table laid out as stacked records, one per row: each cell on its own "Header : value" line(s),
    the values wrapped under themselves, a dashed rule between records. For a table too wide for `lebar`
    columns without breaking a word or a number (`tabel_teks` chooses it). Lines without trailing spaces,
    at most `lebar` columns unless one token is wider than the value column."""
    label_w = min(LABEL_KARTU, max((lebar_teks(j) for j in judul), default=0))
    nilai_w = max(PALING_SEMPIT, lebar - label_w - 3)
    out: list[str] = []
    for ri, r in enumerate(baris):
        if ri:
            out.append("-" * min(lebar, label_w + 3 + nilai_w))
        for j, c in zip(judul, r):
            labels = bungkus(j, label_w)
            values = bungkus(c, nilai_w)
            for li in range(max(len(labels), len(values))):
                lab = labels[li] if li < len(labels) else ""
                val = values[li] if li < len(values) else ""
                tanda = ":" if li == 0 else " "
                out.append(f"{_isi_lebar(lab, label_w, False)} {tanda} {val}".rstrip())
    return out


def tabel_teks(judul: Sequence[str], baris: Sequence[Sequence[str]], *, kanan: Sequence[bool] = (),
               min_lebar: Sequence[int] = (), tinggi: int = 1, kisi: bool = False,
               lebar: int = LEBAR) -> list[str]:
    """A table with wrapped cells, as narrow as `lebar` allows (wider only if it must be), as lines.

    `judul`: the headers; `baris`: rows of cells (as many as headers; see the module docstring for what a
    cell may hold). Per column, `kanan`: a number, right-aligned and never wrapped; `min_lebar`: at
    least this many columns (room to write a name or sign by hand). `tinggi`: minimum lines per row.

    `kisi=False` (lists of data): columns separated by two spaces under a dashed rule, with a blank line
    between rows when any cell wraps. `kisi=True` (forms filled by hand: attendance, signatures): an
    ASCII grid, `+---+` rules, `|` between columns and `=` under the header.

    A number, an amount, a code or a date (`utuh`) is never broken inside a cell, and a word only when
    longer than KATA_UTUH. A list of data that cannot fit `lebar` so is laid out as records instead
    (`kartu`); a form (`kisi`) keeps its grid, breaking long words (never an `utuh` token) and growing
    wider than `lebar` only when even that does not fit.
    """
    n = len(judul)
    kanan = list(kanan) + [False] * (n - len(kanan))
    min_lebar = list(min_lebar) + [0] * (n - len(min_lebar))
    judul = list(judul)
    rows = [list(r) for r in baris]
    tersedia = lebar - (3 * n + 1 if kisi else 2 * (n - 1))
    lebar_kolom = _lebar_kolom(judul, rows, kanan, min_lebar, tersedia, patah=kisi)
    if lebar_kolom is None:
        return kartu(judul, rows, lebar)

    pisah = " | " if kisi else "  "
    # One format string pads a whole line of ASCII cells (one column per character), as ljust/rjust
    # per cell would; a line with other characters is padded by display width.
    pola = pisah.join(f"{{:{'>' if k else '<'}{w}}}" for w, k in zip(lebar_kolom, kanan))

    def garis_teks(texts: list[str]) -> str:
        if "".join(texts).isascii():
            return pola.format(*texts)
        return pisah.join(_isi_lebar(t, w, k) for t, w, k in zip(texts, lebar_kolom, kanan))

    def susun(cells: list[str], tinggi: int = 1) -> list[str]:
        """The lines of one row, its cells padded and joined."""
        # An ASCII cell that fits is its own one line, which is what `bungkus` would give.
        wrapped = [[c] if len(c) <= w and c.isascii() else bungkus(c, w) for c, w in zip(cells, lebar_kolom)]
        h = max(tinggi, max(map(len, wrapped)))
        if h == 1:
            return [garis_teks([x[0] for x in wrapped])]
        return [garis_teks([x[li] if li < len(x) else "" for x in wrapped]) for li in range(h)]

    kepala = susun(judul)
    isi_baris = [susun(r, tinggi) for r in rows]
    if kisi:
        garis = "+" + "+".join("-" * (w + 2) for w in lebar_kolom) + "+"
        out = [garis] + ["| " + x + " |" for x in kepala]
        out.append("+" + "+".join("=" * (w + 2) for w in lebar_kolom) + "+")
        for r in isi_baris:
            out += ["| " + x + " |" for x in r]
            out.append(garis)
        return out
    out = [x.rstrip() for x in kepala]
    out.append("  ".join("-" * w for w in lebar_kolom))
    renggang = any(len(r) > 1 for r in isi_baris)
    for i, r in enumerate(isi_baris):
        if renggang and i:
            out.append("")
        out += [x.rstrip() for x in r]
    return out


__all__ = ["LEBAR", "PALING_SEMPIT", "lebar_teks", "bungkus", "gantung", "tengah", "tabel_teks", "kartu", "utuh"]
