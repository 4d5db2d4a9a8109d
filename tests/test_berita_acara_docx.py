"""The printable berita acara (issue 11, item 5): `musrenbang ekspor berita-acara --format docx`.

The docx is opened with python-docx (a Word-compatible reader) and checked against the Markdown of the
same session: the same text in the same order, signed and unsigned; F4 by default and A4 by option;
bordered tables whose rows never split, the header repeated; each lampiran on a new page; the footer's
page fields and, once signed, the fingerprint code; the same bytes on every export; the kop image read
safely; the output written only through the safe writer. And the text format's form feeds.
"""

from __future__ import annotations

import io
import os
import re
import struct
import subprocess
import sys
import zipfile
import zlib
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Cm
from markdown_it import MarkdownIt

from musrenbang_tui import cli
from sesi.berita_acara import (Judul, KolomDokumen, Paragraf, Pemisah, TabelDokumen, berita_acara, dokumen, kaki,
                               ke_berkas)
from sesi.berita_acara.docx import ke_docx
from sesi.berita_acara.lampiran import LAMPIRAN
from sesi.sidik_jari import kode as kode_pendek
from sesi.store import Store

ROOT = Path(__file__).resolve().parents[1]
NAMA_CAMAT = "Drs. H. Muhammad Yusuf Effendi"


# --- helpers -----------------------------------------------------------------------------------------------


def ekspor(sesi: Path, keluar: Path, *args: str) -> int:
    return cli.main(["ekspor", "berita-acara", str(sesi), "--format", "docx", "-o", str(keluar), *args])


def sahkan(sesi: Path) -> None:
    assert cli.main(["sahkan", str(sesi), "--nama", NAMA_CAMAT, "--tetap", "--alasan", "uji cetak"]) == 0


def _rata(teks: str) -> str:
    """Whitespace collapsed, and the space around a label's colon made one ("NOMOR\\t:\\t050" = "NOMOR: 050")."""
    return re.sub(r"\s*:\s*", ": ", " ".join(teks.split())).strip()


def kata(bagian: list[str]) -> list[str]:
    """The words of a document's text pieces, in order (paragraph boundaries differ between formats: a
    Markdown paragraph with hard line breaks is several docx paragraphs)."""
    return _rata(" ".join(bagian)).split(" ")


def teks_docx(data: bytes) -> list[str]:
    """Each paragraph of the body and each table cell, in document order, flattened."""
    def teks(p) -> str:
        return "".join(e.text or "" if e.tag == qn("w:t") else " " for e in p.iter(qn("w:t"), qn("w:tab"), qn("w:br")))

    doc = Document(io.BytesIO(data))
    out = []
    for el in doc.element.body.iterchildren():
        if el.tag == qn("w:p"):
            out.append(teks(el))
        elif el.tag == qn("w:tbl"):
            out += [" ".join(teks(p) for p in tc.iter(qn("w:p"))) for tc in el.iter(qn("w:tc"))]
    return [x for x in (_rata(s) for s in out) if x]


def teks_markdown(md: str) -> list[str]:
    """The text a reader of the Markdown sees, block by block: inline text with the ordered lists' numbers."""
    out, nomor = [], ""
    for t in MarkdownIt("commonmark").enable("table").parse(md):
        if t.type == "list_item_open" and t.info:
            nomor = f"{t.info}{t.markup} "
        elif t.type == "inline":
            teks = "".join(c.content if c.type == "text" else " " if c.type in ("softbreak", "hardbreak") else ""
                           for c in t.children or [])
            out.append(nomor + teks)
            nomor = ""
    return [x for x in (_rata(s) for s in out) if x]


def png(lebar: int = 80, tinggi: int = 16) -> bytes:
    """A small valid grey PNG, built without any imaging library."""
    def potong(jenis: bytes, isi: bytes) -> bytes:
        return struct.pack(">I", len(isi)) + jenis + isi + struct.pack(">I", zlib.crc32(jenis + isi))
    baris = b"".join(b"\x00" + b"\x80" * lebar for _ in range(tinggi))
    return (b"\x89PNG\r\n\x1a\n" + potong(b"IHDR", struct.pack(">IIBBBBB", lebar, tinggi, 8, 0, 0, 0, 0))
            + potong(b"IDAT", zlib.compress(baris)) + potong(b"IEND", b""))


@pytest.fixture
def docx_rancangan(demo, tmp_path) -> bytes:
    keluar = tmp_path / "ba.docx"
    assert ekspor(demo, keluar) == 0
    return keluar.read_bytes()


@pytest.fixture
def demo_sah(demo) -> Path:
    sahkan(demo)
    return demo


# --- the same content as the Markdown ------------------------------------------------------------------------


@pytest.mark.parametrize("sah", [False, True], ids=["rancangan", "disahkan"])
def test_teks_docx_sama_dengan_markdown(demo, tmp_path, sah):
    """Every paragraph and table cell of the docx, in order, reads as the Markdown of the same session."""
    if sah:
        sahkan(demo)
    data = Store.buka(demo).data
    keluar = tmp_path / "ba.docx"
    assert ekspor(demo, keluar) == 0
    docx_kata = kata(teks_docx(keluar.read_bytes()))
    assert docx_kata == kata(teks_markdown(berita_acara(data, "md")))
    assert len(docx_kata) > 3000  # the whole document, lampiran tables included
    assert (docx_kata[0] == "DISAHKAN") is sah


def test_jenis_blok_baru_tetap_tercetak():
    """A block type added later (no branch in the renderer) still shows its text."""
    @dataclass(frozen=True)
    class BlokBaru:
        judul: str
        baris: tuple[str, ...]
        angka: int = 3

    data = ke_docx([Judul("JUDUL", 1), BlokBaru("Susunan acara", ("08.00 Pembukaan", "09.00 Pleno I"))])
    assert teks_docx(data)[-3:] == ["Susunan acara", "08.00 Pembukaan", "09.00 Pleno I"]


def test_teks_kendali_tidak_merusak_xml():
    """User text is data: escape sequences and NUL are removed, markup characters stay literal."""
    data = ke_docx([Paragraf("A\x1b[31mB\x00 <w:p> & *tebal*"), Paragraf("satu\ndua"),
                    Paragraf("x\ufffey\ud800z"), TabelDokumen((KolomDokumen("K\uffff"),), (("<b>\ud800",),))])
    assert teks_docx(data) == ["AB <w: p> & *tebal*", "satu dua", "xyz", "K", "<b>"]


# --- paper, tables, page breaks, footer -------------------------------------------------------------------


@pytest.mark.parametrize("opsi,ukuran", [((), (215, 330)), (("--kertas", "A4"), (210, 297)),
                                         (("--kertas", "f4"), (215, 330))])
def test_ukuran_kertas(demo, tmp_path, opsi, ukuran):
    keluar = tmp_path / "ba.docx"
    assert ekspor(demo, keluar, *opsi) == 0
    s = Document(str(keluar)).sections[0]
    assert (round(s.page_width.mm), round(s.page_height.mm)) == ukuran
    assert round(s.left_margin.cm) == 3 and round(s.right_margin.cm) == 2


def test_tabel_bergaris_baris_tidak_terpotong(docx_rancangan):
    """Every row of every table is kept on one page; each data table repeats its header and has borders;
    the signature rows leave room to sign."""
    doc = Document(io.BytesIO(docx_rancangan))
    bergaris = 0
    for t in doc.tables:
        for row in t.rows:
            assert row._tr.trPr is not None and row._tr.trPr.find(qn("w:cantSplit")) is not None
        garis = {e.get(qn("w:val")) for e in t._tbl.tblPr.find(qn("w:tblBorders"))}
        if garis == {"nil"} and len(t.columns) == 3 and {r.cells[1].text for r in t.rows} == {":"}:
            continue  # the aligned NOMOR : ... lines, three columns
        if garis == {"nil"}:  # a signature block: office, a tall empty row to sign, the name
            assert all(c.text == "" for c in t.rows[1].cells) and t.rows[1].height >= Cm(1.9)
            assert t.rows[0].cells[0].text.endswith(",")
            continue
        assert garis == {"single"}
        bergaris += 1
        if len(t.rows) > 1:
            assert t.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert bergaris > 10
    tanda = [t for t in doc.tables if "Tanda tangan" in [c.text for c in t.rows[0].cells]]
    assert len(tanda) == 2  # the signatures of the body and Lampiran I
    for t in tanda:
        for row in t.rows[1:]:
            assert row.height is not None and row.height.cm >= 1.4


def test_setiap_lampiran_di_halaman_baru(demo, docx_rancangan):
    """Each lampiran heading starts a page, and nothing else does."""
    doc = Document(io.BytesIO(docx_rancangan))
    awal_halaman = [p.text for p in doc.paragraphs if p.paragraph_format.page_break_before]
    jumlah = sum(isinstance(b, Pemisah) for b in dokumen(Store.buka(demo).data))
    assert jumlah == len(LAMPIRAN)
    assert len(awal_halaman) == jumlah
    assert all(re.match(r"LAMPIRAN [IVX]+ BERITA ACARA", x) for x in awal_halaman)


def test_kaki_halaman(demo, tmp_path):
    """'Halaman x dari y' on every page (PAGE and NUMPAGES fields); the fingerprint code only once signed."""
    rancangan, sah = tmp_path / "a.docx", tmp_path / "b.docx"
    assert ekspor(demo, rancangan) == 0
    sahkan(demo)
    assert ekspor(demo, sah) == 0
    data = Store.buka(demo).data
    kode = kode_pendek(data.info.disahkan["sidik_jari"])
    for path, ada_kode in ((rancangan, False), (sah, True)):
        footer = Document(str(path)).sections[0].footer
        perintah = [e.text.strip() for e in footer._element.iter(qn("w:instrText"))]
        assert perintah == ["PAGE", "NUMPAGES"]
        teks = [p.text for p in footer.paragraphs]
        assert teks[0] == "Halaman 1 dari 1"  # the fields' placeholders; a reader computes them
        assert (f"Sidik jari: {kode}" in teks) is ada_kode
    assert [b.teks for b in kaki(data)] == [f"Sidik jari: {kode}"]


# --- the same bytes every time ----------------------------------------------------------------------------


def test_dua_ekspor_identik(demo_sah, tmp_path):
    """Two exports give the same bytes: no clock, no 'python-docx' stamp; properties from the session."""
    a, b = tmp_path / "a.docx", tmp_path / "b.docx"
    assert ekspor(demo_sah, a) == 0
    assert ekspor(demo_sah, b) == 0
    assert a.read_bytes() == b.read_bytes()
    with zipfile.ZipFile(a) as z:
        infos = z.infolist()
        assert infos[0].filename == "[Content_Types].xml"
        assert [i.filename for i in infos[1:]] == sorted(i.filename for i in infos[1:])
        assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}
        assert not any(b"python-docx" in z.read(i) for i in infos)
    cp = Document(str(a)).core_properties
    assert cp.author == cp.last_modified_by == "Kecamatan Banjarmasin Utara"
    assert cp.created == cp.modified == datetime(2027, 2, 9, tzinfo=timezone.utc)
    assert cp.title.startswith("BERITA ACARA KESEPAKATAN") and cp.revision == 1
    assert ke_berkas(Store.buka(demo_sah).data, "docx") == a.read_bytes()


# --- the kop surat ---------------------------------------------------------------------------------------


def test_kop_gambar(demo, tmp_path):
    """--kop puts the image at the top of the first page in place of the letterhead's text lines."""
    gambar = tmp_path / "kop.png"
    gambar.write_bytes(png())
    keluar = tmp_path / "ba.docx"
    assert ekspor(demo, keluar, "--kop", str(gambar)) == 0
    with zipfile.ZipFile(keluar) as z:
        assert z.read("word/media/image1.png") == png()
    doc = Document(str(keluar))
    assert doc.inline_shapes[0].width == doc.sections[0].page_width - doc.sections[0].left_margin \
        - doc.sections[0].right_margin
    assert "PEMERINTAH KOTA BANJARMASIN" not in teks_docx(keluar.read_bytes())
    assert "PEMERINTAH KOTA BANJARMASIN" in teks_docx(ke_berkas(Store.buka(demo).data, "docx"))


@pytest.mark.parametrize("jenis", ["tidak-ada", "bukan-gambar", "png-rusak", "terlalu-besar", "folder", "symlink",
                                   "1x2^31", "2^31x1", "tipis", "kecil"])
def test_kop_buruk_tidak_menulis_apa_pun(demo, tmp_path, capsys, jenis):
    gambar = tmp_path / "kop.png"
    if jenis == "bukan-gambar":
        gambar.write_text("bukan gambar", encoding="utf-8")
    elif jenis == "png-rusak":
        gambar.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 20)
    elif jenis == "terlalu-besar":
        with open(gambar, "wb") as f:
            f.write(png())
            f.truncate(6 * 1024 * 1024)
    elif jenis in ("1x2^31", "2^31x1"):  # only the header claims it: the pixels are never there
        kepala = png()
        ukuran = (1, 2**31) if jenis == "1x2^31" else (2**31, 1)
        gambar.write_bytes(kepala[:16] + struct.pack(">II", *ukuran) + kepala[24:])
    elif jenis == "tipis":
        gambar.write_bytes(png(lebar=2100, tinggi=100))  # 21:1
    elif jenis == "kecil":
        gambar.write_bytes(png(lebar=40, tinggi=8))
    elif jenis == "folder":
        gambar.mkdir()
    elif jenis == "symlink":
        asli = tmp_path / "asli.png"
        asli.write_bytes(png())
        gambar.symlink_to(asli)
    keluar = tmp_path / "ba.docx"
    assert ekspor(demo, keluar, "--kop", str(gambar)) == 1
    err = capsys.readouterr().err
    assert "kop.png" in err and "Traceback" not in err
    assert not keluar.exists() and sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_kop_dan_kertas_hanya_untuk_docx(demo, capsys):
    assert cli.main(["ekspor", "berita-acara", str(demo), "--kertas", "A4"]) == 2
    assert "hanya untuk --format docx" in capsys.readouterr().err
    assert cli.main(["ekspor", "peringkat", str(demo), "--format", "docx"]) == 2


# --- where it is written -----------------------------------------------------------------------------------


def test_symlink_di_tujuan_ditolak(demo, tmp_path, capsys):
    sasaran = tmp_path / "penting.txt"
    sasaran.write_text("jangan ditimpa", encoding="utf-8")
    tautan = tmp_path / "ba.docx"
    tautan.symlink_to(sasaran)
    assert ekspor(demo, tautan) == 1
    assert "tautan simbolik" in capsys.readouterr().err
    assert sasaran.read_text(encoding="utf-8") == "jangan ditimpa" and tautan.is_symlink()


def test_stdout_biner(demo, capsysbinary, monkeypatch):
    """`-o -` writes the bytes to a pipe; to a terminal it refuses with a message and writes nothing."""
    assert ekspor(demo, Path("-")) == 0
    assert capsysbinary.readouterr().out == ke_berkas(Store.buka(demo).data, "docx")
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert cli.main(["ekspor", "berita-acara", str(demo), "--format", "docx"]) == 1
    keluar = capsysbinary.readouterr()
    assert keluar.out == b"" and "-o NAMA.docx" in keluar.err.decode()


def test_ekspor_md_tidak_memuat_python_docx(demo, tmp_path):
    """The CLI imports python-docx only when a docx is asked for."""
    script = (
        "import runpy, sys, atexit\n"
        "atexit.register(lambda: sys.stderr.write('\\nDOCX=%s\\n' % ('docx' in sys.modules)))\n"
        "sys.argv = ['musrenbang', 'ekspor', 'berita-acara', sys.argv[1], '--format', sys.argv[2], '-o', 'x']\n"
        "runpy.run_module('musrenbang_tui', run_name='__main__')\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for fmt, dimuat in (("md", False), ("txt", False), ("docx", True)):
        out = subprocess.run([sys.executable, "-c", script, str(demo), fmt], cwd=tmp_path, env=env,
                             capture_output=True, text=True, timeout=120, check=False)
        assert out.returncode == 0, out.stderr
        assert f"DOCX={dimuat}" in out.stderr, (fmt, out.stderr)


# --- the text format: a form feed before each lampiran ----------------------------------------------------


def test_teks_halaman_baru_sebelum_lampiran(demo):
    data = Store.buka(demo).data
    teks = berita_acara(data, "txt")
    assert teks.count("\f") == sum(isinstance(b, Pemisah) for b in dokumen(data)) == len(LAMPIRAN)
    for potong in teks.split("\f")[1:]:
        assert re.match(r"=+\n\nLAMPIRAN [IVX]+ BERITA ACARA", potong)


def test_properti_tanpa_tanggal():
    """A document without a session still gets fixed properties (no clock)."""
    cp = Document(io.BytesIO(ke_docx([Paragraf("x")]))).core_properties
    assert cp.created == datetime(2000, 1, 1, tzinfo=timezone.utc) and cp.author == "" and cp.comments == ""


def test_kop_tinggi_diperkecil(demo, tmp_path):
    """A tall kop image is scaled to at most 5 cm high, so the first page keeps its text."""
    gambar = tmp_path / "logo.png"
    gambar.write_bytes(png(lebar=20, tinggi=80))
    keluar = tmp_path / "ba.docx"
    assert ekspor(demo, keluar, "--kop", str(gambar)) == 0
    shape = Document(str(keluar)).inline_shapes[0]
    assert round(shape.height.cm, 2) == 5.0 and shape.width < shape.height


def test_teks_jahat_sama_dengan_markdown(tmp_path):
    """Hostile user text (Markdown and markup characters, newlines, tabs) reads literally in the docx,
    word for word as a Markdown reader sees it."""
    from test_berita_acara import JAHAT, _buat_jahat

    data = _buat_jahat(str(tmp_path / "jahat.json")).data
    docx_kata = kata(teks_docx(ke_berkas(data, "docx")))
    assert docx_kata == kata(teks_markdown(berita_acara(data, "md")))
    assert " ".join(JAHAT.split()) in " ".join(docx_kata)


# ECMA-376 Part 1 sequences of the property elements the renderer writes (Word refuses a file whose
# properties are out of order; LibreOffice and python-docx do not notice, so it is checked here).
URUTAN = {
    "tblPr": "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc tblCellSpacing "
             "tblInd tblBorders shd tblLayout tblCellMar tblLook tblCaption tblDescription",
    "tcPr": "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection tcFitText vAlign hideMark",
    "pPr": "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr shd tabs "
           "suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi "
           "adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc textDirection "
           "textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange",
    "rPr": "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint noProof snapToGrid "
           "vanish webHidden color spacing w kern position sz szCs highlight u effect bdr shd fitText vertAlign rtl "
           "cs em lang eastAsianLayout specVanish oMath",
    "tbl": "tblPr tblGrid tr",
    "tc": "tcPr p",
}


@pytest.mark.parametrize("kop", [False, True])
def test_urutan_elemen_menurut_skema(demo_sah, tmp_path, kop):
    from lxml import etree

    args = []
    if kop:
        (tmp_path / "kop.png").write_bytes(png())
        args = ["--kop", str(tmp_path / "kop.png")]
    keluar = tmp_path / "ba.docx"
    assert ekspor(demo_sah, keluar, *args) == 0
    urutan = {qn(f"w:{k}"): [qn(f"w:{x}") for x in v.split()] for k, v in URUTAN.items()}
    with zipfile.ZipFile(keluar) as z:
        for nama in ("word/document.xml", "word/styles.xml", "word/footer1.xml"):
            diperiksa = 0
            for el in etree.fromstring(z.read(nama)).iter(*urutan):
                seq = urutan[el.tag]
                posisi = [seq.index(c.tag) for c in el if c.tag in seq]
                assert posisi == sorted(posisi), (nama, el.tag, [c.tag.split("}")[1] for c in el])
                diperiksa += 1
            assert diperiksa
