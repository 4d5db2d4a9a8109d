"""The berita acara (issue 4): snapshots of both formats on a fixed scenario (and, issue 12, of a kabupaten
session with desa, `skenario_desa`), byte-identical exports,
Markdown tables that survive hostile user text, 80-column text, and the CLI export.

The snapshots are plain .md/.txt files under tests/__snapshots__/test_berita_acara/ (syrupy). After an
intended change, regenerate them with `python -m pytest tests/test_berita_acara.py --snapshot-update`,
then read the diff before committing it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from musrenbang_tui import cli
from sesi import catatan, persiapan, pleno, verifikasi
from sesi.berita_acara import (
    Daftar,
    Judul,
    Kotak,
    Pemisah,
    TabelDokumen,
    berita_acara,
    dokumen,
    lebar_teks,
    nama_berkas,
    simpan,
    tabel_teks,
)
from sesi.berita_acara.blok import TITIK_NAMA, TandaTangan
from sesi.berita_acara.lampiran import LAMPIRAN
from sesi.export import teks_sel
from sesi.store import Store
from sesi.transaksi import Pelaku

from emas import SNAPSHOT
from skenario import buat_skenario, buat_skenario_belum_lengkap
from skenario_desa import buat_skenario_desa


@pytest.fixture
def rancangan(tmp_path) -> Store:
    return buat_skenario(str(tmp_path / "sesi.json"))


@pytest.fixture
def sah(tmp_path) -> Store:
    return buat_skenario(str(tmp_path / "sesi-sah.json"), sahkan=True)


# --- snapshots -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["md", "txt"])
def test_rancangan(rancangan, fmt, snapshot):
    """The draft of the fixed scenario reads exactly as reviewed (RANCANGAN, every section, every lampiran)."""
    assert berita_acara(rancangan.data, fmt) == snapshot.use_extension(SNAPSHOT[fmt])


@pytest.mark.parametrize("fmt", ["md", "txt"])
def test_disahkan(sah, fmt, snapshot):
    """The signed document of the fixed scenario: fingerprint and signing time instead of RANCANGAN."""
    assert berita_acara(sah.data, fmt) == snapshot.use_extension(SNAPSHOT[fmt])


@pytest.mark.parametrize("fmt", ["md", "txt"])
def test_belum_lengkap(tmp_path, fmt, snapshot):
    """The draft of a session stopped early (`buat_skenario_belum_lengkap`): the unverified and unscored usulan
    are in Lampiran III with their reasons and KEDUA counts them; every kelompok says what it did not do."""
    data = buat_skenario_belum_lengkap(str(tmp_path / "belum.json")).data
    teks = berita_acara(data, fmt)
    assert teks == snapshot.use_extension(SNAPSHOT[fmt])
    if fmt == "md":
        lamp3 = teks.split("LAMPIRAN III ")[1].split("LAMPIRAN IV ")[0]
        for alasan in ("Belum diverifikasi (peringkat akhir 1 Kelompok Sosial Budaya dan Ekonomi)",
                       "Belum dinilai lengkap (K2, K3 belum dinilai)", "Belum dinilai lengkap (K1, K2, K3 belum "
                       "dinilai)", "Ditolak: Sudah dianggarkan dalam APBD 2027", "Digabung ke usulan"):
            assert alasan in lamp3
        assert "Lampiran III, sebanyak 6 (enam) usulan, termasuk 1 (satu) usulan cadangan" in teks
        assert "Kelompok Sosial Budaya dan Ekonomi (belum memilih ketua;" in teks


@pytest.mark.parametrize("fmt", ["md", "txt"])
def test_kabupaten_desa_disahkan(tmp_path, fmt, snapshot):
    """The second golden document (issue 12): Kecamatan Dayeuhluhur, Kabupaten Cilacap, 14 desa, WIB, signed:
    Pemerintah Kabupaten, Kepala Desa, Delegasi Desa, Musrenbang Desa, Bupati, the named Bappeda, dated at
    the ibu kota kecamatan."""
    sah = buat_skenario_desa(str(tmp_path / "dyl.json"), sahkan=True)
    assert berita_acara(sah.data, fmt) == snapshot.use_extension(SNAPSHOT[fmt])


# --- determinism -----------------------------------------------------------------------------------------


def test_ekspor_identik_setiap_kali(tmp_path):
    """The same session exports the same bytes: re-rendered, re-read from disk, or rebuilt from scratch."""
    a = buat_skenario(str(tmp_path / "a.json"), sahkan=True)
    b = buat_skenario(str(tmp_path / "b.json"), sahkan=True)
    for fmt in ("md", "txt"):
        pertama = berita_acara(a.data, fmt)
        assert berita_acara(a.data, fmt) == pertama
        assert berita_acara(Store(a.path).muat(), fmt) == pertama
        assert berita_acara(b.data, fmt) == pertama


# --- content a reader relies on ----------------------------------------------------------------------------


def test_rancangan_ditandai_di_awal_dan_tiap_lampiran(rancangan):
    """Before pengesahan the document says RANCANGAN at the very top, and each lampiran says so too."""
    for fmt in ("md", "txt"):
        text = berita_acara(rancangan.data, fmt)
        awal = "\n".join(text.splitlines()[:3])
        assert "RANCANGAN" in awal
        assert "Sidik jari" not in text and "SIDIK JARI" not in text
        assert text.count("RANCANGAN (belum disahkan)") == len(LAMPIRAN)  # one per lampiran


def test_dokumen_sah_menunjukkan_sidik_jari_dan_waktu(sah):
    """The signed document shows the fingerprint, the time and who signed, at the top and on each lampiran."""
    info = sah.data.info.disahkan
    for fmt in ("md", "txt"):
        text = berita_acara(sah.data, fmt)
        assert "RANCANGAN" not in text
        awal = " ".join(" ".join(text.splitlines()[:7]).replace("*", " ").replace(">", " ").split())
        assert "DISAHKAN" in awal and info["sidik_jari"] in awal
        assert "9 Februari 2027 pukul 07.44" in awal and info["nama"] in awal
        assert text.count(info["sidik_jari"]) == 2 + len(LAMPIRAN)  # top, closing note, every lampiran


def test_isi_pokok(rancangan):
    """The body carries what the issue lists, in the layout's order."""
    text = berita_acara(rancangan.data, "txt")
    urutan = [
        "PEMERINTAH KOTA BANJARMASIN",
        "KECAMATAN BANJARMASIN UTARA",
        "RKPD KOTA BANJARMASIN TAHUN 2028",
        "Nomor: 050/123/Kec-BJU/2027",
        "Pada hari ini Selasa tanggal sembilan bulan Februari tahun dua ribu dua puluh",
        "pukul 07.30 WITA, bertempat di Aula Kantor Camat",
        "dalam Lampiran VII, dipimpin oleh Drs. H. Ahmad Fauzan,",
        "16 (enam belas) orang peserta",
        "d. Delegasi Kelurahan: 6 (enam) orang;",
        "6 (enam) orang perempuan dan 2 (dua) orang dari kelompok",
        "Setelah memperhatikan, mendengar, dan mempertimbangkan:",
        "1. sambutan Drs. H. Ahmad Fauzan (Camat Banjarmasin Utara)",
        "2. pemaparan materi oleh narasumber: Ir. Rahmat Hidayat",
        "3. hasil Sidang Kelompok, sebanyak 2 (dua) kelompok:",
        "a. Kelompok Infrastruktur dan Kewilayahan (ketua",
        "4. tanggapan, penajaman, dan klarifikasi peserta dalam Sidang Pleno II",
        "MENYEPAKATI",
        "KESATU  : Daftar urutan kegiatan prioritas",
        "KEDUA   :",
        "KETIGA  :",
        "KEEMPAT :",
        "KELIMA  :",
        "Musrenbang ditutup oleh pimpinan sidang pukul 07.45 WITA.",
        "Demikian berita acara ini dibuat",
        "Banjarmasin Utara, 9 Februari 2027",  # the ibu kota kecamatan (default: the kecamatan)
        "Pimpinan Sidang,",
        "NIP. 19700512 199503 1 004",
        "Tim Perumus:",
        "Yang menandatangani, wakil setiap unsur peserta:",
        "Tembusan:",
        "1. Wali Kota Banjarmasin;",
        "LAMPIRAN I ",
        "LAMPIRAN II ",
        "LAMPIRAN III ",
        "LAMPIRAN IV ",
        "LAMPIRAN V ",
        "LAMPIRAN VI ",
        "LAMPIRAN VII ",
        "SUSUNAN ACARA",
        "LAMPIRAN VIII ",
        "NOTULEN SIDANG PLENO",
    ]
    pos = -1
    for bagian in urutan:
        i = text.find(bagian, pos + 1)
        assert i > pos, f"{bagian!r} tidak ada atau tidak berurutan"
        pos = i


def test_tabel_tanda_tangan_satu_baris_per_unsur_hadir(rancangan):
    """One signature row per unsur present; an unsur without a chosen signatory keeps an empty name."""
    tabel = next(b for b in dokumen(rancangan.data) if isinstance(b, TabelDokumen)
                 and b.kolom[-1].judul == "Tanda tangan" and b.kolom[1].judul == "Unsur")
    unsur = [r[1] for r in tabel.baris]
    assert unsur == ["Camat", "Perangkat Kecamatan", "Lurah", "Delegasi Kelurahan", "Anggota DPRD",
                     "Perwakilan SKPD/UPT", "Kelompok Masyarakat (LPM, PKK, LSM)", "Narasumber", "Fasilitator"]
    assert "Tokoh Masyarakat" not in unsur  # registered but absent
    assert tabel.baris[-1][2] == "Budi Santoso, S.T."
    assert all(r[4] == "" for r in tabel.baris)


def test_unsur_tanpa_penandatangan_baris_nama_kosong(tmp_path):
    """An unsur present without a chosen signatory keeps its row with an empty name, to be filled by hand."""
    data = buat_skenario_belum_lengkap(str(tmp_path / "belum.json")).data
    tabel = next(b for b in dokumen(data) if isinstance(b, TabelDokumen)
                 and b.kolom[-1].judul == "Tanda tangan" and b.kolom[1].judul == "Unsur")
    assert [r[1:4] for r in tabel.baris] == [
        ("Camat", "Drs. H. Ahmad Fauzan", "Camat Banjarmasin Utara"),
        ("Lurah", "Muhammad Ilmi", "Lurah"),  # a kecamatan of kelurahan: the unsur and its default jabatan
        ("Delegasi Kelurahan", "", ""), ("Fasilitator", "", "")]


def test_lampiran_prioritas_dan_belum_disepakati(rancangan):
    """Lampiran II lists the agreed order per SKPD (the Pleno II move included, money as rupiah); Lampiran III
    the ditolak and belum disepakati usulan with their reasons; Lampiran V every usulan's outcome."""
    text = berita_acara(rancangan.data, "md")
    lamp2 = text.split("LAMPIRAN II ")[1].split("LAMPIRAN III ")[0]
    pupr = lamp2.split("#### Dinas PUPR")[1].split("####")[0]
    assert pupr.index("Normalisasi saluran drainase") < pupr.index("Pembangunan jalan titian ulin")
    assert "Rp1.050.000.000" in pupr and "3,33" in pupr
    assert "dialihkan dari Dishub" in lamp2.split("#### Disperkim")[1]
    assert "Rp2.375.000.000 (dua miliar tiga ratus tujuh puluh lima juta rupiah)" in lamp2
    lamp3 = text.split("LAMPIRAN III ")[1].split("LAMPIRAN IV ")[0]
    assert "Ditolak: Sudah dianggarkan dalam APBD 2027" in lamp3
    assert "Belum disepakati dalam Sidang Pleno II: Lahan belum tersedia" in lamp3
    lamp5 = text.split("LAMPIRAN V ")[1].split("LAMPIRAN VI ")[0]
    assert "Digabung ke usulan \"Pembangunan jalan titian ulin\" (Alalak Utara)" in lamp5
    lamp6 = text.split("LAMPIRAN VI ")[1]
    assert "di bawah peringkat 2 karena nilai K1; urutan akhir Pleno II: 2" in lamp6
    assert "| 3 | Pelatihan pembuatan kue dan roti (Alalak Utara) | 3 | 3 | 4 | 3,17 | di bawah peringkat 2 " \
           "karena urutan masuk; seri |" in lamp6
    assert "suara seri ditentukan dengan undian" in lamp6
    assert "3,50" in lamp6 and "rata-rata nilai para penilai" in lamp6


def test_bagian_kosong_menyatakan_tidak_ada(tmp_path):
    """A fresh session still gives a complete document; each empty lampiran says "Tidak ada."."""
    store = persiapan.buat_sesi(str(tmp_path / "kosong.json"), kecamatan="Banjarmasin Utara", kota="Banjarmasin",
                                tahun=2028, tanggal="2027-02-09", tempat="Aula", kelurahan=["Alalak Utara"])
    for fmt in ("md", "txt"):
        text = berita_acara(store.data, fmt)
        assert text.count("Tidak ada.") == 6  # I, II, III, IV, V, VII; VI still lists the criteria
        assert "Nomor: ...................." in text
        assert "LAMPIRAN VI " in text


def test_simpan_ke_berkas(sah, tmp_path):
    """What a screen saves is the same document, LF-only, and nothing is left behind but the file itself."""
    for fmt in ("md", "txt"):
        path = simpan(sah.data, fmt, tmp_path / nama_berkas(sah.data, fmt))
        assert Path(path).read_bytes() == berita_acara(sah.data, fmt).encode("utf-8")
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("berita")) == [
        "berita-acara-banjarmasin-utara-2028.md", "berita-acara-banjarmasin-utara-2028.txt"]
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_nama_berkas(rancangan, sah):
    assert nama_berkas(rancangan.data, "md") == "berita-acara-banjarmasin-utara-2028-rancangan.md"
    assert nama_berkas(sah.data, "txt") == "berita-acara-banjarmasin-utara-2028.txt"


# --- the text format -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("bentuk", ["rancangan", "sah"])
def test_teks_muat_80_kolom(bentuk, rancangan, sah):
    """Every line of the scenario's text document fits 80 columns (folio printout)."""
    store = rancangan if bentuk == "rancangan" else sah
    for i, line in enumerate(berita_acara(store.data, "txt").splitlines(), start=1):
        assert lebar_teks(line) <= 80, f"baris {i}: {line!r}"


def test_tabel_teks_membungkus_sel_panjang():
    """A long cell wraps inside its column; a word longer than the column is broken with a hyphen."""
    from sesi.berita_acara import KolomDokumen

    t = TabelDokumen((KolomDokumen("No", True), KolomDokumen("Kegiatan"), KolomDokumen("Biaya", True)),
              (("1", "Pembangunan " * 12 + "Supercalifragilisticexpialidocious" * 3, "Rp1.500.000"),))
    lines = tabel_teks(t, 40)
    assert all(lebar_teks(x) <= 40 for x in lines)
    assert any(x.rstrip().endswith("-") for x in lines)
    assert lines[2].startswith(" 1  Pembangunan") and lines[2].endswith("Rp1.500.000")


# --- Markdown that no user text can break ------------------------------------------------------------------

JAHAT = "Jalan | titian *ulin* _2_ #1 `kode` [bold]red[/bold] <b>x</b> \\ 🎉 &amp; ~~coret~~"


def _buat_jahat(path: str) -> Store:
    """The scenario, then hostile text typed into every kind of field the document shows."""
    store = buat_skenario(path)
    with store.transaksi() as tx:
        persiapan.ubah_info(tx, tempat="Aula | *Camat* # 1", nomor_ba="050/`1`|2/*Kec*", kota="- Banjar | masin")
        persiapan.simpan_sambutan(tx, "- Bapak | Lurah", "1. Ketua *RT*")
        kid = next(k.id for k in tx.data.kelompok if not k.virtual)
        persiapan.simpan_kelompok(tx, "Infra | *Kel* #2", ["Infrastruktur"], fasilitator="[b]Fasil[/b] |", kid=kid)
        catatan.tambah_tanggapan(tx, "+ Penanggap |", "baris satu\n\n- baris dua | *tiga*\n# empat\n---",
                                 unsur="delegasi")
        pleno.batal_sepakat(tx, kid, "Koreksi | judul")
        for uid in ("U001", "U002", "U003", "U004", "U005"):
            u = dict(tx.get("usulan", uid))
            # as an import or a hand edit could leave it: a newline and a tab inside a title
            tx.put("usulan", uid, dict(u, kegiatan=f"{JAHAT}\nbaris\tkedua {uid}", lokasi="RT | 05\n*x*",
                                       alasan=u["alasan"] and f"{u['alasan']} | `alasan` *x*\n-"))
        verifikasi.verifikasi(tx, "U002", "dialihkan", "Salah | kamar *", skpd_baru="Dinas | *PU*")
        u = dict(tx.get("usulan", "U009"))
        tx.put("usulan", "U009", dict(u, alasan="---\n| a | b |\n"))
        p = dict(tx.get("peserta", "P0003"))
        tx.put("peserta", "P0003", dict(p, nama="=HYPERLINK(\"x\") | *", lembaga="# Lembaga\n|"))
        tx.put("delegasi", "D99", {"id": "D99", "nama": "1) Delegasi | baru", "unsur": "delegasi",
                                   "lembaga": "| * _ # `", "jenis_kelamin": "P", "keterangan": "---",
                                   "urutan": 99})
        pleno.sepakati_kelompok(tx, kid)
    return store


def _tabel_md(tokens) -> list[list[list[list]]]:
    """Every table of a token stream: rows (header first) of cells, each cell its inline children."""
    tables, cur, row, cell = [], None, None, None
    for tok in tokens:
        if tok.type == "table_open":
            cur = []
        elif tok.type == "table_close":
            tables.append(cur)
            cur = None
        elif tok.type == "tr_open":
            row = []
        elif tok.type == "tr_close":
            cur.append(row)
        elif tok.type in ("th_open", "td_open"):
            cell = []
        elif tok.type == "inline" and row is not None and cur is not None and cell is not None:
            cell.extend(tok.children or [])
        elif tok.type in ("th_close", "td_close"):
            row.append(cell)
            cell = None
    return tables


def test_markdown_tabel_utuh_dengan_judul_jahat(tmp_path):
    """Whatever users typed (| * _ # backticks, newlines, [bold], HTML, emoji), every Markdown table keeps its
    rows and columns, every cell reads back as the literal text, and no heading, list, rule or quote appears
    that the document did not put there."""
    store = _buat_jahat(str(tmp_path / "jahat.json"))
    blok = dokumen(store.data)
    text = berita_acara(store.data, "md")
    tokens = MarkdownIt("commonmark").enable("table").parse(text)

    harapan = [b for b in blok if isinstance(b, TabelDokumen)]
    tables = _tabel_md(tokens)
    ttd = [b for b in blok if isinstance(b, TandaTangan)]  # signature blocks: one table per row of signers
    n_ttd = sum(-(-len(b.penanda) // b.per_baris) for b in ttd)
    assert len(tables) == len(harapan) + n_ttd
    nama_ttd = [teks_sel(p.nama or TITIK_NAMA) for b in ttd for p in b.penanda]
    dibaca = []
    for t in tables:
        if len(t) >= 3 and all(c == [] for c in t[1]):  # header, empty row to sign, names (bold), NIP
            dibaca += ["".join(c.content for c in cell if c.type == "text") for cell in t[2]]
    assert dibaca == nama_ttd
    tables = [t for t in tables if not (len(t) >= 3 and all(c == [] for c in t[1]))]
    for t, h in zip(tables, harapan):
        assert len(t) == len(h.baris) + 1, h.kolom
        for row, expected in zip(t, [tuple(k.judul for k in h.kolom)] + list(h.baris)):
            assert len(row) == len(expected)
            for cell, isi in zip(row, expected):
                assert {c.type for c in cell} <= {"text"}, (isi, [c.type for c in cell])
                assert "".join(c.content for c in cell) == teks_sel(isi)

    jenis = [t.type for t in tokens]
    assert jenis.count("heading_open") == sum(isinstance(b, Judul) for b in blok)
    assert jenis.count("hr") == sum(isinstance(b, Pemisah) for b in blok)
    assert jenis.count("blockquote_open") == sum(isinstance(b, Kotak) for b in blok)
    assert jenis.count("ordered_list_open") == sum(isinstance(b, Daftar) and not b.huruf for b in blok)
    assert "bullet_list_open" not in jenis and "html_block" not in jenis and "code_block" not in jenis
    inline = [c.type for t in tokens if t.type == "inline" for c in t.children or []]
    assert not {"html_inline", "link_open", "code_inline", "em_open", "s_open"} & set(inline)
    # the hostile title is still there, read back literally
    plain = "".join(c.content for t in tokens if t.type == "inline" for c in t.children or [] if c.type == "text")
    assert teks_sel(JAHAT) in plain


def test_teks_jahat_tetap_terbaca(tmp_path):
    """The text format shows hostile titles literally, without control characters, and stays in 80 columns
    except where a word cannot be broken."""
    store = _buat_jahat(str(tmp_path / "jahat.json"))
    text = berita_acara(store.data, "txt")
    assert "\t" not in text and "\r" not in text
    assert "Jalan | titian *ulin*" in text
    for line in text.splitlines():
        assert lebar_teks(line) <= 80, line


# --- the CLI ---------------------------------------------------------------------------------------------------


def test_cli_ekspor_berita_acara(rancangan, tmp_path, capsys):
    """`musrenbang ekspor berita-acara` writes the same document to a file or the screen; csv is refused."""
    keluar = tmp_path / "ba.txt"
    assert cli.main(["ekspor", "berita-acara", rancangan.path, "--format", "txt", "-o", str(keluar)]) == 0
    assert keluar.read_text(encoding="utf-8") == berita_acara(rancangan.data, "txt")
    capsys.readouterr()
    assert cli.main(["ekspor", "berita-acara", rancangan.path]) == 0
    assert capsys.readouterr().out == berita_acara(rancangan.data, "md")
    assert cli.main(["ekspor", "berita-acara", rancangan.path, "--format", "csv"]) == 2
    assert "md, txt, atau docx" in capsys.readouterr().err


def test_peran_tayang_tetap_dapat_membaca(sah, tmp_path):
    """Reading the document never needs a role that may change data."""
    tayang = Store(sah.path, pelaku=Pelaku("proyektor", "tayang"))
    assert berita_acara(tayang.muat(), "md") == berita_acara(sah.data, "md")


def test_lampiran_vi_setiap_set_dan_kepekaan(store, bantu):
    """Fisik and non-fisik sets (issue 14): Lampiran VI shows both tables, the kelompok's rule names both
    sets, the score table has both sets' columns (a dash where a set does not apply), and a firmness
    sentence. F = 80,70,60,50 -> 70; N = 80,60,70,80 -> 72.5 (N first). Lowering P1's weight (N's 80, above
    its total) by p: (72.5 - .35p*80)/(1 - .35p) = 70 at p = 2.5/3.5 = 71.4%; raising K1 for F:
    (70 + .4p*80)/(1 + .4p) = 72.5 at p = 83.3%; raising P2 for N: p = 100%. Smallest: P1 down 72%,
    above 10%, so the minutes say no neighbour pair is weak."""
    f, n = bantu.fisik_dan_non_fisik()
    text = berita_acara(store.muat(), "md")
    lamp6 = text.split("LAMPIRAN VI ")[1]
    assert "Set kriteria untuk usulan fisik:" in lamp6 and "Set kriteria untuk usulan non-fisik:" in lamp6
    assert "| P4 | Non-fisik 3 | 0,15 | 15,0% | 0-100 |" in lamp6
    assert "1. Usulan fisik: K1 Fisik 0" in lamp6 and "2. Usulan non-fisik: P1 Non-fisik 0" in lamp6
    assert "| K1 | K2 | K3 | K4 | P1 | P2 | P3 | P4 |" in lamp6
    assert "| 1 | N (Alalak Selatan) | - | - | - | - | 80 | 60 | 70 | 80 | 72,50 |" in lamp6
    assert "Tidak ada urutan bertetangga yang bertukar" in lamp6.split("Kepekaan urutan")[1]
    from sesi.data import VIRTUAL_PREFIX
    from sesi.kepekaan import uraian_kepekaan

    (semua,) = uraian_kepekaan(store.muat(), VIRTUAL_PREFIX + "Infrastruktur", semua=True)
    assert semua == "Urutan 1 dan 2 bertukar bila bobot P1 turun 72%."
