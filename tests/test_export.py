"""Exports (issues 2 and 6): the peringkat and daftar hadir in CSV, Markdown and text, and the cell escaping
that keeps a hostile title from running as a formula, breaking a Markdown table or driving the terminal."""

from __future__ import annotations

import csv
import io
import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sesi import pendaftaran, usulan, verifikasi
from sesi.errors import DataDitolak
from sesi.export import KOLOM_PERINGKAT, csv_sel, daftar_hadir, md_sel, peringkat, tabel_csv, teks_sel
from sesi.peringkat import aturan_urutan
from sesi.teks_tabel import lebar_teks

HOSTILE = "=HYPERLINK(\"http://x\",\"klik\") | *tebal* _miring_ # [tautan](http://x) <b>x</b> `kode` \\ ~~c~~"
ANSI = "\x1b[31mMerah\x1b[0m\x07 \x1b]0;judul jendela\x07selesai"


def baca_csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def sel_md(baris: str) -> list[str]:
    """Split a GitHub table row at its unescaped pipes (a backslash escapes the next character)."""
    cells, cur, i = [], "", 0
    while i < len(baris):
        ch = baris[i]
        if ch == "\\" and i + 1 < len(baris):
            cur += baris[i:i + 2]
            i += 2
            continue
        if ch == "|":
            cells.append(cur)
            cur = ""
        else:
            cur += ch
        i += 1
    cells.append(cur)
    return [c.strip() for c in cells[1:-1]]


def tabel_md(text: str) -> list[list[list[str]]]:
    """Every pipe table in a Markdown text, as rows of cells."""
    tables, cur = [], []
    for line in text.splitlines():
        if line.startswith("|"):
            cur.append(sel_md(line))
        elif cur:
            tables.append(cur)
            cur = []
    if cur:
        tables.append(cur)
    return tables


@pytest.fixture
def sesi_dinilai(store, bantu):
    """Two bidang; a tie decided only by entry order, one usulan rejected, one not yet scored."""
    bantu.kriteria(1, 1)
    a = bantu.usulan("Titian ulin", kelurahan="Kuin Utara", prioritas=1, perkiraan_biaya="100")
    b = bantu.usulan("Drainase", kelurahan="Pangeran", prioritas=1, perkiraan_biaya="100")
    c = bantu.usulan("Jembatan", kelurahan="Alalak Utara", prioritas=1)
    d = bantu.usulan("Peninggian jalan", kelurahan="Sungai Andai")
    e = bantu.usulan("Rehab posyandu", kelurahan="Kuin Utara", prioritas=2, bidang="Sosial Budaya",
                     skpd="Dinas Kesehatan")
    bantu.nilai(a, 4, 4)
    bantu.nilai(b, 4, 4)
    bantu.nilai(c, 5, 4)
    bantu.nilai(e, 3, 2)
    bantu.lakukan(verifikasi.verifikasi, d, "ditolak", alasan="Sudah dianggarkan tahun ini")
    f = bantu.usulan("Sumur bor", kelurahan="Pangeran", prioritas=2)
    return {"a": a, "b": b, "c": c, "d": d, "e": e, "f": f}


# --- peringkat ---------------------------------------------------------------------------------------


def test_peringkat_csv_kolom_urutan_seri_dan_alasan(store, sesi_dinilai):
    """Ranked rows in rank order per kelompok, then the unranked with their reason; totals with a dot."""
    u = sesi_dinilai
    text = peringkat(store.data, "csv")
    assert text.splitlines()[0] == ",".join(KOLOM_PERINGKAT)
    rows = baca_csv(text)
    ringkas = [(r["kelompok"], r["peringkat"], r["usulan_id"], r["total"], r["status"]) for r in rows]
    assert ringkas == [
        ("Infrastruktur", "1", u["c"], "4.50", "belum diverifikasi"),
        ("Infrastruktur", "2", u["a"], "4.00", "belum diverifikasi; seri"),
        ("Infrastruktur", "3", u["b"], "4.00", "belum diverifikasi; seri"),
        ("Infrastruktur", "", u["d"], "", "ditolak: Sudah dianggarkan tahun ini"),
        ("Infrastruktur", "", u["f"], "", "belum lengkap (K1, K2 belum dinilai)"),
        ("Sosial Budaya", "1", u["e"], "2.50", "belum diverifikasi"),
    ]
    assert rows[0]["kegiatan"] == "Jembatan" and rows[0]["kelurahan"] == "Alalak Utara"
    assert rows[-1]["skpd"] == "Dinas Kesehatan"


def test_peringkat_md_tabel_per_kelompok_dengan_aturan(store, sesi_dinilai):
    text = peringkat(store.data, "md")
    assert "## Kelompok Infrastruktur" in text and "## Kelompok Sosial Budaya" in text
    infra, sosbud = tabel_md(text)
    assert infra[0] == ["Peringkat", "Id", "Kegiatan", "Kelurahan", "SKPD", "Sumber Dana", "Total", "Status"]
    assert set(infra[1][0]) == {"-"}  # the GitHub separator row
    assert [r[0] for r in infra[2:]] == ["1", "2", "3", "-", "-"]
    assert infra[3][5] == "belum ditentukan"
    assert infra[3][6] == "4,00" and infra[3][7] == "belum diverifikasi; seri"
    assert sosbud[2][2] == "Rehab posyandu"
    assert text.rstrip().endswith(md_sel(aturan_urutan(store.data)))


def test_peringkat_txt_muat_80_kolom_dan_membungkus_sel_panjang(store, bantu, sesi_dinilai):
    panjang = bantu.usulan("Pembangunan jalan titian ulin beserta jembatan penghubung antarkampung di "
                           "sepanjang bantaran sungai yang rawan longsor", kelurahan="Antasan Kecil Timur",
                           skpd="Dinas Pekerjaan Umum dan Penataan Ruang")
    text = peringkat(store.data, "txt")
    assert max(len(line) for line in text.splitlines()) <= 80
    assert "Kelompok Infrastruktur" in text and "Kelompok Sosial Budaya" in text
    flat = " ".join(text.split())
    assert "sepanjang bantaran sungai yang rawan longsor" in flat and panjang in flat
    assert " ".join(aturan_urutan(store.data).split()) in flat
    assert "seri" in flat


def _sel_tampilan(line: str) -> list[str]:
    """A line as terminal cells: a wide character fills its cell and leaves the next one empty ("")."""
    out: list[str] = []
    for c in line:
        out += [c] + [""] * (lebar_teks(c) - 1)
    return out


def test_txt_lurus_dengan_huruf_lebar_dan_emoji(store, bantu, sesi_dinilai):
    """Wide characters (CJK, emoji) count two columns: the table stays in 80 columns and every column
    stays in line (tabulate without wcwidth counted them as one and pushed the row out of line)."""
    bantu.usulan("道路建設プロジェクト 東京都 長い名前のテスト 🎉🎉 jembatan", kelurahan="Kuin Utara",
                 skpd="Dinas PUPR")
    bantu.peserta("山田 太郎 🎉", "lainnya", lembaga="東京都", jenis_kelamin="L")
    for text in (peringkat(store.data, "txt"), daftar_hadir(store.data, "txt")):
        lines = text.splitlines()
        assert max(lebar_teks(x) for x in lines) <= 80
        kepala = next(i for i, x in enumerate(lines) if x.startswith("No "))
        # the dashed rule under the header: each column after the first starts after two spaces
        awal = [m.end() for m in re.finditer(r"  (?=-)", lines[kepala + 1])]
        baris = []
        for x in lines[kepala + 2:]:
            if x[:1].isalpha():  # the next heading or the totals: the table has ended
                break
            baris.append(x)
        assert any(not x.isascii() for x in baris)
        for x in baris:
            sel = _sel_tampilan(x)
            for a in awal:  # the two cells before every column are the gap, in every line
                assert all(c == " " for c in sel[a - 2:a]), (x, a)


def test_format_tak_dikenal_ditolak(store):
    with pytest.raises(DataDitolak):
        peringkat(store.data, "xlsx")


def test_judul_jahil_aman_di_setiap_format(store, bantu):
    """A title built to attack each format is shown literally and harms none of them."""
    bantu.kriteria(1)
    jahil = bantu.usulan(HOSTILE, kelurahan="Kuin Utara")
    ansi = bantu.usulan("Merah selesai", kelurahan="Pangeran")
    rumus = bantu.usulan("@SUM(A1:A9)", kelurahan="Sungai Miai", skpd="-2+3+cmd|' /C calc'!A0")
    bantu.nilai(jahil, 3)
    data = store.data
    # CSV: the title comes back exactly, but neutralised against formulas.
    rows = {r["usulan_id"]: r for r in baca_csv(peringkat(data, "csv"))}
    assert rows[jahil]["kegiatan"] == "'" + HOSTILE
    assert rows[rumus]["kegiatan"] == "'@SUM(A1:A9)"
    assert rows[rumus]["skpd"] == "'-2+3+cmd|' /C calc'!A0"
    assert all(not v.startswith(("=", "+", "-", "@")) for r in rows.values() for v in r.values())
    # Markdown: the table keeps its 8 columns on every row; the title reads literally.
    (tabel,) = tabel_md(peringkat(data, "md"))
    assert {len(r) for r in tabel} == {8}
    (baris,) = [r for r in tabel if r[1] == jahil]
    assert re.sub(r"\\(.)", r"\1", baris[2]) == HOSTILE
    # Text: no escape sequence or control character reaches the terminal, even from a record written
    # around the actions (a hand-edited file): the actions refuse control characters on input.
    assert "karakter kendali" in bantu.ditolak(usulan.ubah_usulan, ansi, kegiatan=ANSI)
    with store.transaksi() as tx:
        tx.put("usulan", ansi, dict(tx.get("usulan", ansi), kegiatan=ANSI))
    text = peringkat(store.data, "txt")
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", text)
    assert "Merah selesai" in " ".join(text.split())


# --- daftar hadir ------------------------------------------------------------------------------------


@pytest.fixture
def sesi_hadir(store, bantu, jam):
    bantu.peserta("Hj. Siti Aisyah", "delegasi", lembaga="PKK", kelurahan="Kuin Utara", jenis_kelamin="P")
    jam.maju(minutes=7)
    bantu.peserta("Rahmat", "tokoh_masyarakat", kelurahan="Pangeran", jenis_kelamin="L", rentan="disabilitas")
    bantu.peserta("Budi", "lurah", lembaga="Kelurahan Alalak Utara", kelurahan="Alalak Utara", jenis_kelamin="L",
                  hadir=False)
    bantu.peserta("=cmd|' /C calc'!A0", "lainnya", jenis_kelamin="P", rentan="lansia")


def test_daftar_hadir_csv(store, sesi_hadir):
    text = daftar_hadir(store.data, "csv")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["No", "Nama", "Unsur", "Lembaga/Kelurahan", "L/P", "Hadir (jam)"]
    assert rows[1:5] == [
        ["1", "Hj. Siti Aisyah", "Delegasi Kelurahan", "PKK / Kuin Utara", "P", "08.00"],
        ["2", "Rahmat", "Tokoh Masyarakat", "Pangeran", "L", "08.07"],
        ["3", "Budi", "Lurah", "Kelurahan Alalak Utara", "L", ""],
        ["4", "'=cmd|' /C calc'!A0", "Lainnya", "", "P", "08.07"],
    ]
    jumlah = {r[1]: r[2] for r in rows[5:] if len(r) > 2}
    assert jumlah == {"Terdaftar": "4", "Hadir": "3", "Perempuan hadir": "2 (66,7% dari yang hadir)",
                      "Rentan hadir": "2 (disabilitas 1, lansia 1)"}
    r = pendaftaran.rekap(store.data)
    assert (r.hadir, r.perempuan, r.rentan) == (3, 2, 2)


def test_daftar_hadir_md_dan_txt(store, sesi_hadir):
    md = daftar_hadir(store.data, "md")
    (tabel,) = tabel_md(md)
    assert tabel[0] == ["No", "Nama", "Unsur", "Lembaga/Kelurahan", "L/P", "Hadir (jam)"]
    assert tabel[2] == ["1", "Hj. Siti Aisyah", "Delegasi Kelurahan", "PKK / Kuin Utara", "P", "08.00"]
    assert tabel[4][5] == "-"
    assert "- Hadir: 3" in md and "- Perempuan hadir: 2" in md and "- Rentan hadir: 2" in md
    txt = daftar_hadir(store.data, "txt")
    assert max(len(line) for line in txt.splitlines()) <= 80
    assert "Hadir: 3" in txt and "9 Februari 2027" in txt


# --- CSV formula injection (issue 10, item 8) ----------------------------------------------------------

#: The bypasses of the issue: an invisible character before = or @ (the check ran before they were
#: stripped), and a cell that a spreadsheet splitting on ";" (Excel in Indonesian) sees as two; and a
#: soft hyphen (invisible, but not a control character: kept, and looked past).
BYPASS = ["\u200b=cmd|' /C calc'!A0", "\u202e@SUM(A1:A9)", "\x00=1+1", "\u200b\u202e\x00@x",
          ";=cmd|' /C calc'!A0", "aman;=cmd|' /C calc'!A0", "a;\u200b@b", "baris\n=cmd|x", " \u2060=HYPERLINK(1)",
          "\u00ad@x", "-5", "+1,5"]


def _sel_rumus(sel: str) -> bool:
    """Would a spreadsheet read this cell as a formula? Its first character that is not a space or an
    invisible (format) character is = + - @, and it is not a plain number; or it starts with a tab or CR."""
    if sel[:1] in ("\t", "\r"):
        return True
    awal = sel.lstrip()
    while awal and unicodedata.category(awal[0]) == "Cf":
        awal = awal[1:].lstrip()
    return awal[:1] in ("=", "+", "-", "@") and not re.fullmatch(r"[+-]?\d+([.,]\d+)*", awal)


def _sel_dibaca(text: str) -> list[str]:
    """Every cell of a CSV text as read by Python's csv module splitting on "," and on ";"."""
    return [c for d in (",", ";") for row in csv.reader(io.StringIO(text), delimiter=d) for c in row]


def test_csv_tanpa_rumus_dibaca_dengan_koma_atau_titik_koma(store, bantu):
    """The issue's bypasses, written into a session as a hand edit could (the actions already clean
    input), come out of both CSV exports with no cell a spreadsheet would run, whether it splits on ","
    or on ";"; read on ",", every value is the text without its invisible characters, quoted."""
    bantu.kriteria(1)
    ids = [bantu.usulan(f"Usulan {i}", kelurahan="Kuin Utara") for i in range(len(BYPASS))]
    with store.transaksi() as tx:
        for uid, jahat in zip(ids, BYPASS):
            tx.put("usulan", uid, dict(tx.get("usulan", uid), kegiatan=jahat, skpd=jahat))
    for jahat in BYPASS:
        bantu.peserta(f"Peserta {len(jahat)}", "lainnya")
    with store.transaksi() as tx:
        for pid, jahat in zip(list(tx.data.peserta)[-len(BYPASS):], BYPASS):
            tx.put("peserta", pid, dict(tx.get("peserta", pid), nama=jahat, lembaga=jahat))
    teks = peringkat(store.data, "csv")
    for text in (teks, daftar_hadir(store.data, "csv")):
        sel = _sel_dibaca(text)
        assert [c for c in sel if _sel_rumus(c)] == []
        assert "-5" in sel and "+1,5" in sel  # plain numbers are left alone
    kegiatan = [r["kegiatan"] for r in baca_csv(teks)]
    assert kegiatan == ["'=cmd|' /C calc'!A0", "'@SUM(A1:A9)", "'=1+1", "'@x", ";'=cmd|' /C calc'!A0",
                        "aman;'=cmd|' /C calc'!A0", "a;'@b", "baris\n'=cmd|x", "' =HYPERLINK(1)",
                        "'\u00ad@x", "-5", "+1,5"]
    assert ',"aman;\'=cmd|\' /C calc\'!A0",' in teks  # a cell holding ";" is quoted in the comma file


SEL_JAHAT = st.text(st.sampled_from(list("=+-@;,\"' \t\r\na1.")
                                    + ["\u200b", "\u202e", "\x00", "\u2060", "\ufeff", "\u00ad"]), max_size=12)


@settings(max_examples=300, deadline=None)
@given(st.lists(SEL_JAHAT, min_size=1, max_size=4))
def test_tabel_csv_tanpa_rumus_untuk_isi_apa_pun(baris):
    """Any cells made of formula characters, both separators, quotes, line breaks and invisible
    characters: read back splitting on "," or on ";", no cell is a formula."""
    text = tabel_csv(["a", "b"], [baris, ["x"] + baris])
    assert [c for c in _sel_dibaca(text) if _sel_rumus(c)] == []


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(st.characters(blacklist_characters=";\r", blacklist_categories=("Cs",)), max_size=8),
                max_size=5))
def test_tabel_csv_seperti_csv_writer_tanpa_titik_koma(baris):
    """A cell without ";" is written exactly as Python's csv.writer writes it (the CSV layout is unchanged
    for ordinary text; the first cell is fixed, since a signed number there is neutralised)."""
    sel = ["x"] + [csv_sel(c) for c in baris]
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([["a"], sel])
    assert tabel_csv(["a"], [["x"] + baris]) == out.getvalue()


# --- the shared cell helpers -------------------------------------------------------------------------


@pytest.mark.parametrize("teks, hasil", [
    ("=1+1", "'=1+1"), ("+62 812", "'+62 812"), ("-x", "'-x"), ("@A1", "'@A1"), ("\tx", "'\tx"),
    ("\rx", "'\nx"), ("-5", "-5"), ("+1,5", "+1,5"), ("Jalan = lebar", "Jalan = lebar"), (None, ""), (7, "7"),
    ("dua\nbaris", "dua\nbaris"), ("a\x1b[31mb\x00c", "abc"),
])
def test_csv_sel(teks, hasil):
    assert csv_sel(teks) == hasil


def test_md_sel_membuat_teks_harfiah():
    assert md_sel("a|b") == "a\\|b"
    assert md_sel("*x* _y_ #z `k` [l](u) <i> \\ ~s~") == "\\*x\\* \\_y\\_ \\#z \\`k\\` \\[l\\](u) \\<i\\> \\\\ \\~s\\~"
    assert md_sel("A &amp; B & C") == "A \\&amp; B & C"
    assert md_sel("baris satu\r\nbaris dua") == "baris satu baris dua"
    assert md_sel("baris satu\nbaris dua", baris_baru="<br>") == "baris satu<br>baris dua"
    assert md_sel("\x1b[1mtebal\x1b[0m") == "tebal"


def test_teks_sel_membuang_kendali():
    assert teks_sel(ANSI) == "Merah selesai"
    assert teks_sel("a\tb\nc\x7fd\u202ee") == "a b cde"
    assert teks_sel("[bold]tetap[/bold] \U0001F30A") == "[bold]tetap[/bold] \U0001F30A"
