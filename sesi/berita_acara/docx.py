"""The Word renderer of the berita acara (and of any document built of the same blocks):
`ke_docx(blok, *, kertas="F4", kop=None, properti=None, kaki=()) -> bytes`.

Input: the document's blocks (`blok.py`), in reading order. Output: the bytes of a .docx file (Office
Open XML, opened by Word, LibreOffice and python-docx), laid out for printing like an Indonesian official
document:

- paper F4 (215 x 330 mm, what Indonesian offices print on) or A4 (210 x 297 mm); margins left 3 cm,
  right, top and bottom 2 cm; Times New Roman 12 pt, single spacing; the title centred and bold;
- the top of the first page left empty (3.5 cm) for the kop surat (a pre-printed letterhead or a stamp),
  or the `kop` image (PNG or JPEG bytes) there, the text width wide (at most 5 cm high), above a double
  rule, in place of the `Kop` text lines;
- tables with grid borders, the header row repeated on every page, no row split across pages, rows of a
  form filled by hand (`TabelDokumen.tinggi` > 1: signatures) tall enough to sign in;
- each part break (`Pemisah`: before every lampiran) starts a new page; a lampiran holding a table too
  wide for a portrait page (`docx_tabel.perlu_mendatar`: nine columns, Lampiran II) is a section of its
  own on a landscape page (width and height swapped; the 3 cm binding margin at the top, where the
  portrait pages' left edge is when bound), and the pages after it are portrait again. Every section
  after the first links its footer to the previous one, so the page numbers run on and the fingerprint
  is on every page;
- a footer on every page: "Halaman x dari y" (PAGE and NUMPAGES fields) and the `kaki` blocks (the
  fingerprint code of a signed berita acara, `sesi.berita_acara.kaki`).

A block type this module does not know (a new part added later) is still rendered: as paragraphs of the
text of its string fields. User text is data: it goes into runs as literal text after the same cleaning
as the text format (`sesi.export.teks_sel`: no control character reaches the XML).

The same blocks and `properti` give the same bytes: the core properties come from `properti` (never the
clock or "python-docx"), and the zip is rewritten with fixed entry times (1980-01-01), a fixed order
([Content_Types].xml first, then by name) and fixed compression (deflate, zlib level 6). Deflate output
can differ between zlib builds, so compare bytes on one machine. Raises `KopTidakSah` (a `DataDitolak`)
for a `kop` that is not a PNG or JPEG image and ValueError for an unknown paper; nothing for any text.
"""

from __future__ import annotations

import dataclasses
import io
import zipfile
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Iterable, Sequence

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Emu, Mm, Pt

from ..errors import DataDitolak
from ..export import teks_sel
from .blok import (TITIK_NAMA, Blok, Daftar, Judul, Klausul, Kop, Kotak, Paragraf, Pasangan, Pemisah, TabelDokumen,
                   TandaTangan, huruf)
from .docx_tabel import URUTAN_PPR, Baris, Sel, em, lebar_kolom, perlu_mendatar, sisip, tabel_xml, xml_aman
from .polos import spasi_tetap

#: Paper sizes (width, height): F4 215 x 330 mm, A4 210 x 297 mm.
KERTAS = {"F4": (Mm(215), Mm(330)), "A4": (Mm(210), Mm(297))}
MARGIN_KIRI, MARGIN_KANAN, MARGIN_ATAS, MARGIN_BAWAH = Cm(3), Cm(2), Cm(2), Cm(2)
HURUF = "Times New Roman"
UKURAN = Pt(12)
#: The empty space left at the top of the first page for the kop surat when no image is given.
RUANG_KOP = Cm(3.5)
#: The most a --kop image may take of the page's height (a tall logo is scaled down to it).
TINGGI_KOP = Cm(5)
#: The largest kop image read (bytes): a letterhead scan is well under it.
BATAS_KOP = 5 * 1024 * 1024
_ZIP_WAKTU = (1980, 1, 1, 0, 0, 0)


#: Room to sign in a `TandaTangan` block (EMU): the height of the empty row between office and name.
RUANG_TANDA_TANGAN = Cm(2)


def _t(teks: str) -> str:
    """User text as it goes into the document: cleaned like the text format's (`teks_sel`), and without
    the few characters XML cannot hold."""
    return xml_aman(teks_sel(teks))


class KopTidakSah(DataDitolak):
    """The --kop image is not a PNG or JPEG image python-docx can place, or its size is absurd."""


#: Pixel sides and aspect ratio a letterhead can have (a header claiming 1x2^31 pixels places an invisible
#: image; a real kop is a wide strip of some hundreds to thousands of pixels).
KOP_SISI_MIN, KOP_SISI_MAKS, KOP_RASIO_MAKS = 16, 20_000, 20


@dataclass(frozen=True)
class Properti:
    """The document properties (docProps/core.xml), from the session: the same session, the same bytes."""

    judul: str = ""
    penulis: str = ""  # the kecamatan ("Kecamatan Banjarmasin Utara")
    tanggal: datetime = datetime(2000, 1, 1, tzinfo=timezone.utc)  # the meeting date: created and modified
    subjek: str = ""


def periksa_kop(data: bytes, nama: str = "gambar kop") -> str:
    """'png' or 'jpeg' for image bytes python-docx can place; KopTidakSah (naming `nama`) otherwise."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        jenis = "png"
    elif data.startswith(b"\xff\xd8\xff"):
        jenis = "jpeg"
    else:
        raise KopTidakSah(f"{nama} bukan gambar PNG atau JPEG: tidak ada yang ditulis.")
    try:
        from docx.image.image import Image

        gambar = Image.from_blob(data)
        lebar, tinggi = gambar.px_width, gambar.px_height
        if lebar <= 0 or tinggi <= 0:
            raise ValueError("ukuran nol")
    except Exception:  # noqa: BLE001 - any parse failure is a damaged image, said in one message
        raise KopTidakSah(f"{nama} rusak atau tidak dapat dibaca sebagai gambar {jenis.upper()}: "
                          "tidak ada yang ditulis.") from None
    if (not KOP_SISI_MIN <= min(lebar, tinggi) or max(lebar, tinggi) > KOP_SISI_MAKS
            or max(lebar, tinggi) > KOP_RASIO_MAKS * min(lebar, tinggi)):
        maks = f"{KOP_SISI_MAKS:,}".replace(",", ".")
        raise KopTidakSah(f"{nama} berukuran {lebar}x{tinggi} piksel, bukan kop yang wajar (setiap sisi "
                          f"{KOP_SISI_MIN}-{maks} piksel, perbandingan sisi paling besar {KOP_RASIO_MAKS}:1): "
                          "tidak ada yang ditulis.")
    return jenis


# --- small XML helpers -------------------------------------------------------------------------------------


def _el(tag: str, **attr: str) -> OxmlElement:
    e = OxmlElement(tag)
    for k, v in attr.items():
        e.set(qn(f"w:{k}"), v)
    return e


def _huruf_dasar(doc) -> None:
    """Times New Roman 12 pt, Indonesian, single spacing, 6 pt after each paragraph, for every style."""
    normal = doc.styles["Normal"]
    normal.font.name = HURUF
    normal.font.size = UKURAN
    rpr = normal.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{attr}"), HURUF)
    for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{attr}"), None)
    rpr.append(_el("w:lang", val="id-ID"))
    pf = normal.paragraph_format
    pf.space_before, pf.space_after, pf.line_spacing = Pt(0), Pt(6), 1.0
    # the template's defaults name theme fonts; the Normal style overrides them, the footer style too
    kaki = doc.styles["Footer"]
    kaki.font.name, kaki.font.size = HURUF, Pt(10)


def _halaman(doc, kertas: str) -> None:
    if kertas not in KERTAS:
        raise ValueError(f"kertas '{kertas}' tidak dikenal (F4 atau A4)")
    _atur_seksi(doc.sections[0], kertas, mendatar=False)


def _atur_seksi(s, kertas: str, *, mendatar: bool) -> None:
    """Paper, orientation and margins of section `s`: portrait, left 3 cm (the binding); landscape, the
    width and height swapped and the 3 cm at the top (the binding edge once the page is turned)."""
    lebar, tinggi = KERTAS[kertas]
    if mendatar:
        s.orientation = WD_ORIENT.LANDSCAPE
        s.page_width, s.page_height = tinggi, lebar
        s.left_margin, s.right_margin, s.top_margin, s.bottom_margin = MARGIN_KANAN, MARGIN_KANAN, MARGIN_KIRI, \
            MARGIN_BAWAH
    else:
        s.orientation = WD_ORIENT.PORTRAIT
        s.page_width, s.page_height = lebar, tinggi
        s.left_margin, s.right_margin, s.top_margin, s.bottom_margin = MARGIN_KIRI, MARGIN_KANAN, MARGIN_ATAS, \
            MARGIN_BAWAH
    s.header_distance, s.footer_distance = Cm(1), Cm(1)


def lebar_teks(doc) -> Emu:
    """The width between the margins of the current (last) section (EMU)."""
    s = doc.sections[-1]
    return Emu(s.page_width - s.left_margin - s.right_margin)


def _tabel_bersama(blok: Sequence[Blok]) -> dict[tuple[int, tuple[str, ...]], TabelDokumen]:
    """Per part and column headers, one table of all the rows of that part's tables with those headers
    (Lampiran II: one table per SKPD): their columns are sized together, so they line up on the page."""
    bagian, out = 0, {}
    for b in blok:
        if isinstance(b, Pemisah):
            bagian += 1
        elif isinstance(b, TabelDokumen):
            kunci = (bagian, tuple(k.judul for k in b.kolom))
            ada = out.get(kunci)
            out[kunci] = dataclasses.replace(ada, baris=ada.baris + b.baris) if ada else b
    return out


def _mendatar(blok: Sequence[Blok], kertas: str) -> list[bool]:
    """Per part of the document (the body, then each lampiran after its `Pemisah`): whether it is laid
    out on a landscape page (a table `perlu_mendatar` at the portrait text width). The body never is."""
    lebar, _ = KERTAS[kertas]
    total = int(lebar - MARGIN_KIRI - MARGIN_KANAN)
    arah = [False]
    for b in blok:
        if isinstance(b, Pemisah):
            arah.append(False)
        elif isinstance(b, TabelDokumen) and len(arah) > 1 and not arah[-1]:
            ukuran = Pt(11) if len(b.kolom) <= 5 else Pt(10)
            arah[-1] = perlu_mendatar(b, total, ukuran)
    return arah


def _medan(p, perintah: str, contoh: str) -> None:
    """A complex field (PAGE, NUMPAGES) in paragraph `p`, with `contoh` as its last computed value."""
    for jenis in ("begin", None, "separate", "teks", "end"):
        r = p.add_run()
        if jenis is None:
            instr = _el("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = f" {perintah} "
            r._r.append(instr)
        elif jenis == "teks":
            r.text = contoh
        else:
            r._r.append(_el("w:fldChar", fldCharType=jenis))


def _kaki_halaman(doc, kaki: Sequence[Blok]) -> None:
    """'Halaman x dari y' and the footer blocks' text, centred, on every page."""
    footer = doc.sections[0].footer
    p = footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.add_run("Halaman ")
    _medan(p, "PAGE", "1")
    p.add_run(" dari ")
    _medan(p, "NUMPAGES", "1")
    for b in kaki:
        for baris in teks_blok(b):
            q = footer.add_paragraph(_t(baris), style="Footer")
            q.alignment = WD_ALIGN_PARAGRAPH.CENTER
            q.paragraph_format.space_after = Pt(0)


def _properti(doc, p: Properti) -> None:
    cp = doc.core_properties
    cp.title = _t(p.judul)
    cp.subject = _t(p.subjek)
    cp.author = cp.last_modified_by = _t(p.penulis)
    cp.created = cp.modified = p.tanggal
    cp.revision = 1
    cp.comments = ""
    cp.keywords = ""
    cp.category = ""
    cp.language = "id-ID"


def _zip_tetap(data: bytes) -> bytes:
    """The same package with fixed entry times, a fixed order and fixed compression: byte-identical
    output for the same content."""
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        isi = {i.filename: src.read(i) for i in src.infolist()}
    urutan = sorted(isi, key=lambda n: (n != "[Content_Types].xml", n))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for nama in urutan:
            info = zipfile.ZipInfo(nama, date_time=_ZIP_WAKTU)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            z.writestr(info, isi[nama], compress_type=zipfile.ZIP_DEFLATED, compresslevel=6)
    return out.getvalue()


# --- the text of any block (also the fallback for a block type added later) --------------------------------


def teks_blok(b: object) -> list[str]:
    """The lines of text a block carries, in order: for a known type what the renderers print; for an
    unknown dataclass, every string (or tuple of strings) field in turn."""
    if isinstance(b, Paragraf):
        return [b.teks]
    if dataclasses.is_dataclass(b) and not isinstance(b, type):
        out: list[str] = []
        for f in dataclasses.fields(b):
            out += _string_dalam(getattr(b, f.name))
        return out
    return [str(b)] if b is not None else []


def _string_dalam(v: object) -> list[str]:
    if isinstance(v, str):
        return [v] if v else []
    if isinstance(v, (tuple, list)):
        return [s for x in v for s in _string_dalam(x)]
    if dataclasses.is_dataclass(v) and not isinstance(v, type):
        return teks_blok(v)
    return []


# --- the renderer -----------------------------------------------------------------------------------------


class _Penyusun:
    """Walks the blocks once, adding paragraphs and tables to `doc`."""

    def __init__(self, doc, kop: bytes | None, kertas: str = "F4", arah: Sequence[bool] = (False,)):
        self.doc = doc
        self.kop = kop
        self.kertas = kertas
        self.arah = list(arah)  # per part: landscape (`_mendatar`)
        self.bagian = 0  # the part being written (0: the body)
        self.bersama: dict[tuple[int, tuple[str, ...]], TabelDokumen] = {}  # `_tabel_bersama`
        self.mendatar = False  # the current section is landscape
        self.halaman_baru = False  # a Pemisah was seen: the next paragraph starts a page
        self.lebar = lebar_teks(doc)

    def seksi_baru(self, mendatar: bool) -> None:
        """End the current section at the last paragraph (its properties copied into it, as Word keeps
        them) and go on in a new section, `mendatar` or portrait, starting on a new page. Its header
        and footer references are dropped from the new one: linked to the previous, the same footer."""
        body = self.doc.element.body
        akhir = body.sectPr
        p = akhir.getprevious()
        if p is None or p.tag != qn("w:p"):
            p = self.doc.add_paragraph()._p
        salinan = akhir.clone()
        sisip(p.get_or_add_pPr(), salinan, URUTAN_PPR)
        for ref in akhir.xpath("w:headerReference|w:footerReference"):
            akhir.remove(ref)
        _atur_seksi(self.doc.sections[-1], self.kertas, mendatar=mendatar)
        self.mendatar = mendatar
        self.lebar = lebar_teks(self.doc)

    # paragraphs
    def paragraf(self, teks: str = "", *, tebal: bool = False, tengah: bool = False, ukuran: Pt | None = None,
                 spasi: bool = False):
        p = self.doc.add_paragraph()
        if teks:
            r = p.add_run(xml_aman(spasi_tetap(teks)) if spasi else _t(teks))
            r.bold = tebal or None
            if ukuran:
                r.font.size = ukuran
        if tengah:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        else:
            p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        if self.halaman_baru:
            p.paragraph_format.page_break_before = True
            self.halaman_baru = False
        return p

    def gantung(self, awal: str, teks: str, *, kiri: Cm, gantung: Cm, tebal_awal: bool = False):
        """'awal<TAB>teks' with a hanging indent: lines after the first align with the text."""
        p = self.paragraf()
        p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        pf = p.paragraph_format
        pf.left_indent = kiri + gantung
        pf.first_line_indent = -gantung
        pf.tab_stops.add_tab_stop(kiri + gantung)
        r = p.add_run(awal)
        r.bold = tebal_awal or None
        p.add_run("\t" + _t(teks))
        return p

    # blocks
    def awal(self) -> None:
        """The kop surat: the image, the text width wide (or `TINGGI_KOP` high when it would be taller),
        above a double rule; or an empty space of `RUANG_KOP`."""
        p = self.doc.add_paragraph()
        pf = p.paragraph_format
        if self.kop:
            from docx.image.image import Image

            gambar = Image.from_blob(self.kop)
            tinggi = self.lebar * gambar.px_height / gambar.px_width
            ukuran = {"height": TINGGI_KOP} if tinggi > TINGGI_KOP else {"width": self.lebar}
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            pf.space_after = Pt(10)
            p.add_run().add_picture(io.BytesIO(self.kop), **ukuran)
            pbdr = _el("w:pBdr")
            pbdr.append(_el("w:bottom", val="thickThinSmallGap", sz="18", space="1", color="000000"))
            sisip(p._p.get_or_add_pPr(), pbdr, URUTAN_PPR)
        else:
            pf.space_after = Pt(0)
            pf.line_spacing = Emu(RUANG_KOP)  # an exact line height: the space stays as set
            pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY

    def blok(self, b: Blok) -> None:
        if isinstance(b, Kotak):
            self.kotak(b)
        elif isinstance(b, Kop):
            if not self.kop:  # the image is the letterhead: its lines are not repeated
                for i, x in enumerate(b.baris):
                    p = self.paragraf(x, tebal=True, tengah=True, ukuran=Pt(14))
                    p.paragraph_format.space_after = Pt(12) if i == len(b.baris) - 1 else Pt(0)
        elif isinstance(b, Judul):
            self.judul(b)
        elif isinstance(b, Paragraf):
            self.paragraf(b.teks, tebal=b.tebal, tengah=b.tengah, spasi=b.spasi)
        elif isinstance(b, Daftar):
            self.daftar(b)
        elif isinstance(b, Klausul):
            self.klausul(b)
        elif isinstance(b, Pasangan):
            self.pasangan(b)
        elif isinstance(b, TabelDokumen):
            self.tabel(b)
        elif isinstance(b, TandaTangan):
            self.tanda_tangan(b)
        elif isinstance(b, Pemisah):
            self.bagian += 1
            mendatar = self.bagian < len(self.arah) and self.arah[self.bagian]
            if mendatar != self.mendatar:
                self.seksi_baru(mendatar)
            self.halaman_baru = True
        else:  # a block type added later: its text, so nothing is ever lost
            for x in teks_blok(b):
                self.paragraf(x)

    def judul(self, b: Judul) -> None:
        ukuran = {1: Pt(13), 2: Pt(12), 3: Pt(12)}.get(b.tingkat, UKURAN)
        tengah = b.tengah or b.tingkat == 1
        p = self.paragraf(b.teks, tebal=True, tengah=tengah, ukuran=ukuran)
        pf = p.paragraph_format
        pf.keep_with_next = True
        if not tengah:
            p.alignment = WD_ALIGN_PARAGRAPH.LEFT
        pf.space_before = Pt(6) if b.tingkat >= 3 else Pt(0)
        pf.space_after = Pt(12) if b.tingkat <= 3 else Pt(6)
        ppr = p._p.get_or_add_pPr()
        sisip(ppr, _el("w:outlineLvl", val=str(min(b.tingkat, 9) - 1)), URUTAN_PPR)

    def daftar(self, d: Daftar) -> None:
        gantung = Cm(0.75) if len(d.butir) < (10 if not d.huruf else 27) else Cm(1)
        for i, x in enumerate(d.butir):
            awal = f"{huruf(i)}." if d.huruf else f"{i + 1}."
            self.gantung(awal, x.teks, kiri=Cm(0), gantung=gantung)
            for j, a in enumerate(x.anak):
                self.gantung(f"{huruf(j)}.", a, kiri=gantung, gantung=Cm(0.75))

    def klausul(self, b: Klausul) -> None:
        """KESATU : text, the colons aligned and the text hanging after them."""
        w = max(len(label) for label, _ in b.butir)
        tab = Cm(min(6.0, 0.33 * w + 0.3))
        for label, teks in b.butir:
            p = self.paragraf()
            pf = p.paragraph_format
            pf.left_indent, pf.first_line_indent = tab + Cm(0.5), -(tab + Cm(0.5))
            pf.tab_stops.add_tab_stop(tab)
            pf.tab_stops.add_tab_stop(tab + Cm(0.5))
            p.add_run(_t(label)).bold = True
            p.add_run("\t:\t" + _t(teks))

    def pasangan(self, b: Pasangan) -> None:
        """Aligned 'LABEL : value' lines as a borderless table, so a long value (a SHA-256) wraps in its
        own column instead of under the label."""
        label = max(em(_t(x)) for x, _ in b.baris) * UKURAN.pt + 4
        lebar = [int(Pt(min(label, 200))), int(Cm(0.5))]
        lebar.append(self.lebar - sum(lebar))
        ukuran = UKURAN.pt
        baris = [Baris((Sel(((_t(x), False),), ukuran=ukuran), Sel(((":", False),), ukuran=ukuran),
                        Sel(((xml_aman(spasi_tetap(v)), False),), ukuran=ukuran))) for x, v in b.baris]
        self.tambah_tabel(tabel_xml(lebar, baris, garis="nil", tepi=0))  # the labels line up with the text

    def kotak(self, b: Kotak) -> None:
        """A framed notice: a one-cell table, its first line bold."""
        sel = Sel(tuple((_t(x), i == 0) for i, x in enumerate(b.baris)), ukuran=10)
        self.tambah_tabel(tabel_xml([self.lebar], [Baris((sel,))]))

    def tabel(self, t: TabelDokumen) -> None:
        """A bordered table: the header row grey, bold and repeated on each page; numbers right-aligned and
        never wrapped; columns sized with the part's other tables of the same headers (`_tabel_bersama`);
        rows of a form to fill by hand (`tinggi` > 1) at least 0.5 cm per line plus 0.5 cm high."""
        ukuran = Pt(11) if len(t.kolom) <= 5 else Pt(10)
        kepala = Baris(tuple(Sel(((_t(k.judul), True),), "center", ukuran.pt, abu=True, tengah_tegak=True)
                             for k in t.kolom), kepala=True)
        tinggi = int(Cm(0.5 * t.tinggi + 0.5) / 635) if t.tinggi > 1 else 0
        jc = ["right" if k.kanan else "left" for k in t.kolom]
        baris = [kepala]
        for row in t.baris:
            nilai = list(row[:len(t.kolom)]) + [""] * (len(t.kolom) - len(row))
            sel = tuple(Sel(((_t(x), False),), j, ukuran.pt, utuh=j == "right") for x, j in zip(nilai, jc))
            baris.append(Baris(sel, tinggi=tinggi))
        ukur = self.bersama.get((self.bagian, tuple(k.judul for k in t.kolom)), t)
        self.tambah_tabel(tabel_xml(lebar_kolom(ukur, self.lebar, ukuran), baris, tengah=True))

    def tanda_tangan(self, t: TandaTangan) -> None:
        """Signers side by side (`per_baris` to a row) in a borderless table, each centred in its column:
        the office lines, `RUANG_TANDA_TANGAN` of room to sign, the name in bold (a dotted blank when not
        known), the lines under it (the NIP). Row by row, as the Markdown reads."""
        n = max(1, t.per_baris)
        for i in range(0, len(t.penanda), n):
            kel = t.penanda[i:i + n]
            lebar = [int(self.lebar) // len(kel)] * len(kel)

            def sel(par: tuple[tuple[str, bool], ...]) -> Sel:
                return Sel(par or (("", False),), "center", UKURAN.pt)
            baris = [Baris(tuple(sel(tuple((_t(x), False) for x in p.atas)) for p in kel)),
                     Baris(tuple(sel(()) for _ in kel), tinggi=int(RUANG_TANDA_TANGAN / 635)),
                     Baris(tuple(sel(((_t(p.nama or TITIK_NAMA), bool(p.nama)),)) for p in kel))]
            for j in range(max(len(p.bawah) for p in kel)):
                baris.append(Baris(tuple(sel(((_t(p.bawah[j]), False),) if j < len(p.bawah) else ()) for p in kel)))
            tbl = tabel_xml(lebar, baris, garis="nil", tepi=0)
            for tr in list(tbl.iter(qn("w:tr")))[:-1]:  # one signer's block never split across two pages
                for p in tr.iter(qn("w:p")):
                    ppr = p.find(qn("w:pPr"))
                    if ppr is None:
                        ppr = _el("w:pPr")
                        p.insert(0, ppr)
                    sisip(ppr, _el("w:keepNext"), URUTAN_PPR)
            self.tambah_tabel(tbl)

    def tambah_tabel(self, tbl) -> None:
        """Put a table at the end of the body, then an empty paragraph (two tables never touch; a reader
        would join them). After a part break, an empty paragraph before it carries the page break."""
        if self.halaman_baru:
            self.paragraf().paragraph_format.space_after = Pt(0)
        body = self.doc.element.body
        body.sectPr.addprevious(tbl)
        self.doc.add_paragraph().paragraph_format.space_after = Pt(0)


def ke_docx(blok: Iterable[Blok], *, kertas: str = "F4", kop: bytes | None = None,
            properti: Properti | None = None, kaki: Sequence[Blok] = ()) -> bytes:
    """The blocks as the bytes of a .docx file (see the module's docstring). `kertas`: "F4" or "A4"
    (ValueError otherwise); `kop`: PNG/JPEG bytes for the letterhead (KopTidakSah when not an image);
    `properti`: the document properties; `kaki`: blocks whose text closes every page's footer."""
    if kop is not None:
        periksa_kop(kop)
    doc = Document()
    _huruf_dasar(doc)
    _halaman(doc, kertas)
    _properti(doc, properti or Properti())
    _kaki_halaman(doc, kaki)
    body = doc.element.body
    for p in list(body.iterchildren(qn("w:p"))):  # the template's empty first paragraph
        body.remove(p)
    blok = list(blok)
    susun = _Penyusun(doc, kop, kertas, _mendatar(blok, kertas))
    susun.bersama = _tabel_bersama(blok)
    susun.awal()
    for b in blok:
        susun.blok(b)
    out = io.BytesIO()
    doc.save(out)
    return _zip_tetap(out.getvalue())


__all__ = ["ke_docx", "Properti", "KERTAS", "BATAS_KOP", "KopTidakSah", "periksa_kop", "teks_blok"]
