"""The page layout of the printable berita acara (issue 11, item 5; sesi/berita_acara/docx.py and docx_tabel.py):
a lampiran with a nine-column table (Lampiran II, with Sumber Dana) on a landscape page of its own section,
the footer and page numbers running on through every section, numbers never wrapped in a cell; the text
still the Markdown's and the bytes the same on every export. The session is the golden scenario's
(`tests/skenario.py`: verified, scored and agreed usulan, so Lampiran II has rows).
"""

from __future__ import annotations

import io

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Pt

from sesi.berita_acara import TabelDokumen, berita_acara, dokumen, ke_berkas
from sesi.berita_acara.docx_tabel import em
from skenario import buat_skenario
from test_berita_acara_docx import kata, teks_docx, teks_markdown


@pytest.fixture(scope="module")
def sah(tmp_path_factory):
    return buat_skenario(str(tmp_path_factory.mktemp("tata") / "sesi.json"), sahkan=True).data


def _teks(el) -> str:
    return "".join(t.text or "" for t in el.iter(qn("w:t")))


def seksi_judul(doc) -> dict[str, int]:
    """Each lampiran heading (its first words "LAMPIRAN II") -> the index of the section it is in."""
    out, i = {}, 0
    for el in doc.element.body.iterchildren():
        if el.tag == qn("w:p"):
            teks = _teks(el)
            if teks.startswith("LAMPIRAN "):
                out.setdefault(" ".join(teks.split()[:2]), i)
            if el.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None:
                i += 1
    return out


@pytest.mark.parametrize("kertas,ukuran", [("F4", (215, 330)), ("A4", (210, 297))])
def test_lampiran_ii_mendatar_di_seksinya_sendiri(sah, kertas, ukuran):
    doc = Document(io.BytesIO(ke_berkas(sah, "docx", kertas=kertas)))
    seksi = seksi_judul(doc)
    s = doc.sections
    assert (round(s[0].page_width.mm), round(s[0].page_height.mm)) == ukuran  # the body: portrait
    ii = s[seksi["LAMPIRAN II"]]
    assert (round(ii.page_width.mm), round(ii.page_height.mm)) == ukuran[::-1]
    assert round(ii.top_margin.cm) == 3 and round(ii.left_margin.cm) == 2  # the binding edge at the top
    iii = s[seksi["LAMPIRAN III"]]
    assert (round(iii.page_width.mm), round(iii.page_height.mm)) == ukuran
    assert round(iii.left_margin.cm) == 3
    assert seksi["LAMPIRAN I"] == 0 and seksi["LAMPIRAN III"] > seksi["LAMPIRAN II"]


def test_kaki_halaman_bersambung_di_setiap_seksi(sah):
    """One footer (page x of y, the fingerprint) for the whole document: every later section links to it."""
    doc = Document(io.BytesIO(ke_berkas(sah, "docx")))
    assert len(doc.sections) >= 3
    assert not doc.sections[0].footer.is_linked_to_previous
    assert "Sidik jari:" in " ".join(p.text for p in doc.sections[0].footer.paragraphs)
    assert all(s.footer.is_linked_to_previous for s in doc.sections[1:])
    for s in doc.sections[1:]:  # the page numbers run on: no section restarts them
        assert s._sectPr.find(qn("w:pgNumType")) is None


def test_angka_tidak_dibungkus_di_lampiran_ii(sah):
    """The number cells of the nine-column table are no-wrap and their column is wide enough for the
    longest value, in the 10 pt the table is set in; each header word fits its column too."""
    doc = Document(io.BytesIO(ke_berkas(sah, "docx")))
    tabel = [t for t in doc.tables if "Sumber Dana" in [c.text for c in t.rows[0].cells]
             and "Skor" in [c.text for c in t.rows[0].cells]]
    assert len(tabel) >= 3  # one per SKPD
    for t in tabel:
        lebar = [int(g.get(qn("w:w"))) for g in t._tbl.find(qn("w:tblGrid"))]  # twips
        assert len(lebar) == 9
        for i, c in enumerate(t.rows[0].cells):
            assert max(em(w) * 1.2 for w in c.text.split()) * 10 * 20 < lebar[i]
        biaya = [c.text for c in t.rows[0].cells].index("Perkiraan Biaya")
        for row in t.rows[1:]:
            sel = row.cells[biaya]
            assert sel.text.startswith("Rp")
            assert sel._tc.tcPr.find(qn("w:noWrap")) is not None
            assert em(sel.text) * 10 * 20 < lebar[biaya]
    assert all(r.font.size in (None, Pt(10)) for t in tabel for c in t.rows[1].cells
               for p in c.paragraphs for r in p.runs)


def test_teks_sama_dengan_markdown_dan_bita_identik(sah):
    a = ke_berkas(sah, "docx")
    assert a == ke_berkas(sah, "docx")
    assert kata(teks_docx(a)) == kata(teks_markdown(berita_acara(sah, "md")))
    assert any(isinstance(b, TabelDokumen) and len(b.kolom) == 9 for b in dokumen(sah))


def test_urutan_elemen_menurut_skema_dengan_seksi(sah):
    """The section breaks (a `w:sectPr` at the end of a paragraph's properties) keep the schema's order."""
    import zipfile

    from lxml import etree

    from test_berita_acara_docx import URUTAN

    urutan = {qn(f"w:{k}"): [qn(f"w:{x}") for x in v.split()] for k, v in URUTAN.items()}
    with zipfile.ZipFile(io.BytesIO(ke_berkas(sah, "docx"))) as z:
        akar = etree.fromstring(z.read("word/document.xml"))
    assert len(akar.findall(f".//{qn('w:pPr')}/{qn('w:sectPr')}")) >= 2
    for el in akar.iter(*urutan):
        seq = urutan[el.tag]
        posisi = [seq.index(c.tag) for c in el if c.tag in seq]
        assert posisi == sorted(posisi), (el.tag, [c.tag.split("}")[1] for c in el])
