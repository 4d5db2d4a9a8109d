"""Tables of the Word renderer (`docx.py`), written as WordprocessingML directly.

python-docx builds a table one element at a time (about 20 ms per row of a lampiran); a berita acara of
1,000 usulan has thousands of rows, so each table is written here as one XML string, parsed once by lxml.
Every element is emitted in the order the schema (ECMA-376 Part 1, CT_TblPr, CT_TrPr, CT_TcPr, CT_PPr,
CT_RPr sequences) requires: Word refuses a file whose properties are out of order, LibreOffice does not.

- `lebar_kolom(t, total, ukuran)`: column widths (EMU) from the content of a `TabelDokumen`;
  `perlu_mendatar(t, total)`: whether it needs a landscape page (nine columns, or words that would break).
- `tabel_xml(lebar, baris, garis=..., tepi=...)`: a `w:tbl` element: fixed layout, borders, every row
  kept on one page (`w:cantSplit`), a header row repeated on each page (`w:tblHeader`), a minimum row
  height for rows to sign in.
- `sisip(induk, anak, urutan)`: put a property element where its schema sequence wants it.

Text is the caller's, already cleaned of control characters (`sesi.export.teks_sel`); it is XML-escaped
here. Raises nothing for any text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence
from xml.sax.saxutils import escape

from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Pt

from .blok import TabelDokumen

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#: A table cell's left and right margin (twips, 0.15 cm).
TEPI_SEL = 85
EMU_PER_TWIP = 635

_BUKAN_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_aman(teks: str) -> str:
    """`teks` without the characters XML 1.0 cannot hold (lone surrogates, U+FFFE, U+FFFF), which the
    text cleaning (`teks_sel`) may leave: a file with one would not open."""
    return _BUKAN_XML.sub("", teks)


#: CT_PPr's sequence (the elements this renderer may write): where `sisip` puts a paragraph property.
URUTAN_PPR = ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
              "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
              "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
              "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc",
              "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr",
              "sectPr", "pPrChange")


def sisip(induk, anak, urutan: Sequence[str]) -> None:
    """Insert `anak` into `induk` before the first child that comes after it in the schema `urutan`."""
    nama = anak.tag.split("}")[1]
    sesudah = {qn(f"w:{t}") for t in urutan[urutan.index(nama) + 1:]}
    for c in induk:
        if c.tag in sesudah:
            c.addprevious(anak)
            return
    induk.append(anak)


@dataclass(frozen=True)
class Sel:
    """One cell: its paragraphs as (text, bold), alignment ("left", "right", "center"), type size in
    points, grey shading (a header cell), and vertical centring."""

    paragraf: tuple[tuple[str, bool], ...]
    jc: str = "left"
    ukuran: float = 11
    abu: bool = False
    tengah_tegak: bool = False
    utuh: bool = False  # a number: never wrapped (`w:noWrap`; its column is made wide enough for it)


@dataclass(frozen=True)
class Baris:
    sel: tuple[Sel, ...]
    kepala: bool = False  # repeated at the top of each page
    tinggi: int = 0  # minimum height (twips), 0 = as the text needs


def _sel_xml(s: Sel, lebar: int) -> str:
    tcpr = f'<w:tcW w:w="{lebar}" w:type="dxa"/>'
    if s.abu:
        tcpr += '<w:shd w:val="clear" w:color="auto" w:fill="D9D9D9"/>'
    if s.utuh:
        tcpr += "<w:noWrap/>"
    if s.tengah_tegak:
        tcpr += '<w:vAlign w:val="center"/>'
    sz = round(s.ukuran * 2)
    jc = f'<w:jc w:val="{s.jc}"/>' if s.jc != "left" else ""
    ps = []
    for teks, tebal in s.paragraf or (("", False),):
        rpr = ("<w:b/>" if tebal else "") + f'<w:sz w:val="{sz}"/><w:szCs w:val="{sz}"/>'
        run = f'<w:r><w:rPr>{rpr}</w:rPr><w:t xml:space="preserve">{escape(xml_aman(teks))}</w:t></w:r>' if teks else ""
        ps.append(f'<w:p><w:pPr><w:spacing w:before="0" w:after="0"/>{jc}</w:pPr>{run}</w:p>')
    return f"<w:tc><w:tcPr>{tcpr}</w:tcPr>{''.join(ps)}</w:tc>"


def tabel_xml(lebar: Sequence[int], baris: Sequence[Baris], *, garis: str = "single", tepi: int = TEPI_SEL,
              tengah: bool = False):
    """A `w:tbl` element: columns `lebar` (EMU), rows `baris`; borders `garis` ("single" or "nil"), cell
    margins `tepi` twips; centred on the page when `tengah`."""
    twips = [max(1, round(w / EMU_PER_TWIP)) for w in lebar]
    sisi = "".join(f'<w:{s} w:val="{garis}" w:sz="4" w:space="0" w:color="000000"/>'
                   for s in ("top", "left", "bottom", "right", "insideH", "insideV"))
    tblpr = (f'<w:tblPr><w:tblW w:w="{sum(twips)}" w:type="dxa"/>'
             + ('<w:jc w:val="center"/>' if tengah else "")
             + f'<w:tblBorders>{sisi}</w:tblBorders><w:tblLayout w:type="fixed"/>'
             f'<w:tblCellMar><w:left w:w="{tepi}" w:type="dxa"/><w:right w:w="{tepi}" w:type="dxa"/>'
             '</w:tblCellMar><w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" '
             'w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>')
    grid = "<w:tblGrid>" + "".join(f'<w:gridCol w:w="{w}"/>' for w in twips) + "</w:tblGrid>"
    rows = []
    for b in baris:
        trpr = "<w:cantSplit/>"
        if b.tinggi:
            trpr += f'<w:trHeight w:val="{b.tinggi}" w:hRule="atLeast"/>'
        if b.kepala:
            trpr += "<w:tblHeader/>"
        rows.append(f"<w:tr><w:trPr>{trpr}</w:trPr>"
                    + "".join(_sel_xml(s, w) for s, w in zip(b.sel, twips)) + "</w:tr>")
    return parse_xml(f'<w:tbl xmlns:w="{W}">{tblpr}{grid}{"".join(rows)}</w:tbl>')


def em(teks: str) -> float:
    """An estimate of the width of `teks` in ems, on the wide side (capitals and digits 0.72, other
    letters 0.56, a space 0.3): what Times New Roman needs, and a wider font substituted for it too."""
    return sum(0.3 if c == " " else 0.72 if c.isupper() or c.isdigit() else 0.56 for c in teks)


def _ukuran_kolom(t: TabelDokumen, ukuran: Pt) -> tuple[list[float], list[float]]:
    """Per column, (the least width without breaking a word or a number, the width of its longest cell),
    in points: see `lebar_kolom`."""
    pt = ukuran.pt
    tepi = TEPI_SEL * 2 / 20 + 2  # the cell's left and right margins (twips -> pt) and a little air
    minimum, ingin = [], []
    for i, k in enumerate(t.kolom):
        sel = [r[i] for r in t.baris if i < len(r)]
        kata = max((em(w[:18]) for s in sel for w in s.split()), default=0.0)
        judul = max((em(w) * 1.2 for w in k.judul.split()), default=0.0)  # bold
        panjang = max((em(s[:60]) for s in sel), default=0.0)
        m = max(kata, judul, k.min_teks * 0.55, panjang if k.kanan else 0.0) * pt + tepi
        minimum.append(m)
        ingin.append(max(m, panjang * pt + tepi))
    return minimum, ingin


#: A table of this many columns or more is laid out on a landscape page (`perlu_mendatar`).
KOLOM_MENDATAR = 8


def perlu_mendatar(t: TabelDokumen, total: int, ukuran: Pt = Pt(10)) -> bool:
    """Does table `t` need a landscape page? When it has KOLOM_MENDATAR columns or more (Lampiran II:
    nine), or when its columns cannot all keep their longest word and number in `total` EMU."""
    if t.tinggi > 1:  # a form to fill by hand stays with its page
        return False
    minimum, _ = _ukuran_kolom(t, ukuran)
    return len(t.kolom) >= KOLOM_MENDATAR or sum(minimum) > total / 12700


def lebar_kolom(t: TabelDokumen, total: int, ukuran: Pt = Pt(10)) -> list[int]:
    """Column widths (EMU, summing to `total`) for a table in `ukuran` type: each column at least as wide
    as its longest word (the bold header's too; a word is capped at 18 characters), its `min_teks`
    characters, and, for numbers, its longest value; the width left is shared by how much more text each
    column holds (its longest cell, up to 60 characters). When even the minimums do not fit, they are
    scaled down together (`perlu_mendatar` tells the caller to give such a table a landscape page)."""
    minimum, ingin = _ukuran_kolom(t, ukuran)
    muat = total / 12700  # EMU -> pt
    if sum(ingin) <= muat:
        lebar = ingin
    elif sum(minimum) < muat:
        f = (muat - sum(minimum)) / sum(x - m for x, m in zip(ingin, minimum))
        lebar = [m + (x - m) * f for x, m in zip(ingin, minimum)]
    else:
        lebar = minimum
    w = [int(total * x / sum(lebar)) for x in lebar]
    w[-1] += total - sum(w)
    return w


__all__ = ["xml_aman", "Sel", "Baris", "tabel_xml", "lebar_kolom", "perlu_mendatar", "KOLOM_MENDATAR", "em", "sisip", "URUTAN_PPR", "TEPI_SEL"]
