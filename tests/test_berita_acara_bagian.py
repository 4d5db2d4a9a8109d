"""The parts real berita acara have (issue 11, item 4): the meeting's hours with the time zone, the signature
blocks of the pimpinan sidang and the Camat (NIP under the name) and of the tim perumus, the susunan acara
and the notulen as lampiran, the notulen as its own document (`musrenbang ekspor notulen`), and lampiran
numbers that every reference in the body derives from `LAMPIRAN`.

Golden files (syrupy, tests/__snapshots__/test_berita_acara_bagian/): the demo signed by the pimpinan (with
the reason for what is still open), and the notulen of the complete scenario and of the one stopped early,
each as Markdown and text. After an intended change: `python -m pytest tests/test_berita_acara_bagian.py
--snapshot-update`, then read the diff.
"""

from __future__ import annotations

import re
import shutil
from datetime import datetime

import pytest

from musrenbang_tui import cli
from sesi import acara, catatan, persiapan, wilayah
from sesi.berita_acara import Judul, Paragraf, TabelDokumen, berita_acara, dokumen, lampiran
from sesi.berita_acara.blok import TandaTangan
from sesi.berita_acara.notulen import dokumen_notulen, nama_berkas_notulen, notulen
from sesi.errors import DataDitolak
from sesi.pengesahan import sahkan
from sesi.store import Store
from sesi.terbilang import romawi
from sesi.transaksi import Pelaku

from emas import SNAPSHOT, bagian_dokumen
from skenario import CAMAT, JamTetap, buat_skenario, buat_skenario_belum_lengkap

CAMAT_DEMO = "Drs. H. Muhammad Yusuf Effendi"


@pytest.fixture(scope="module")
def lengkap(tmp_path_factory) -> Store:
    return buat_skenario(str(tmp_path_factory.mktemp("lengkap") / "sesi.json"), sahkan=True)


@pytest.fixture(scope="module")
def belum(tmp_path_factory) -> Store:
    return buat_skenario_belum_lengkap(str(tmp_path_factory.mktemp("belum") / "belum.json"))


@pytest.fixture(scope="module")
def demo_sah(tmp_path_factory, _demo_asli) -> Store:
    """The demo, signed by its Camat as pimpinan with the reason for what is still open."""
    path = tmp_path_factory.mktemp("demo-sah") / "demo.json"
    path.write_bytes(_demo_asli)
    jam = JamTetap(datetime(2027, 2, 9, 15, 0))  # signed in the afternoon, after the demo's morning
    store = Store(str(path), pelaku=Pelaku(CAMAT_DEMO, "pimpinan", akun="camat"), clock=jam)
    with store.transaksi() as tx:
        sahkan(tx, tetap="Sidang kelompok dilanjutkan; daftar disahkan sebagai hasil sementara")
    return store.muat() and store




def _judul_lampiran(blok) -> dict[str, str]:
    """Roman number -> the lampiran's title (the level-3 heading after its header)."""
    out = {}
    for nomor, isi in bagian_dokumen(blok).items():
        if nomor != "badan":
            out[nomor] = next(b.teks for b in isi if isinstance(b, Judul) and b.tingkat == 3)
    return out


# --- golden files ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["md", "txt"])
def test_demo_disahkan(demo_sah, fmt, snapshot):
    """The whole berita acara of the demo, signed: the hours (WITA, Kota Banjarmasin), the Camat's block
    with NIP, an empty tim perumus to fill by hand, Lampiran VII susunan acara and VIII notulen."""
    teks = berita_acara(demo_sah.data, fmt)
    assert teks == snapshot.use_extension(SNAPSHOT[fmt])
    assert "pukul 07.30 WITA" in teks and "NIP. 19700512 199503 1 004" in teks


@pytest.mark.parametrize("fmt", ["md", "txt"])
def test_notulen_lengkap(lengkap, fmt, snapshot):
    assert notulen(lengkap.data, fmt) == snapshot.use_extension(SNAPSHOT[fmt])


@pytest.mark.parametrize("fmt", ["md", "txt"])
def test_notulen_belum_lengkap(belum, fmt, snapshot):
    """A session stopped early: no hours (dotted blanks), no sambutan, the notulis and chair still to sign."""
    teks = notulen(belum.data, fmt)
    assert teks == snapshot.use_extension(SNAPSHOT[fmt])
    assert "pukul .......... WITA" in teks


# --- the hours and the time zone ----------------------------------------------------------------------------


@pytest.mark.parametrize("kode, zona", [
    ("11", "WIB"), ("12", "WIB"), ("19", "WIB"), ("21", "WIB"), ("31", "WIB"), ("35", "WIB"), ("36", "WIB"),
    ("61", "WIB"), ("62", "WIB"),  # Kalimantan Barat and Tengah
    ("51", "WITA"), ("52", "WITA"), ("53", "WITA"), ("63", "WITA"), ("64", "WITA"), ("65", "WITA"),
    ("71", "WITA"), ("73", "WITA"), ("76", "WITA"),
    ("81", "WIT"), ("82", "WIT"), ("91", "WIT"), ("92", "WIT"), ("94", "WIT"), ("96", "WIT"),
])
def test_zona_menurut_provinsi(kode, zona):
    assert wilayah.zona_provinsi(kode) == zona
    assert wilayah.zona_provinsi(f"{kode}.71") == zona


@pytest.mark.parametrize("zona", ["WIB", "WITA", "WIT"])
def test_pembukaan_dan_penutupan_menyebut_pukul_dan_zona(tmp_path, zona):
    """The zone word follows the session's zone (the override field), in the opening, the closing and the
    notulen."""
    store = persiapan.buat_sesi(str(tmp_path / "s.json"), kecamatan="Uji", kota="Banjarmasin", tahun=2028,
                                tanggal="2027-02-09", tempat="Aula", camat="Drs. Camat Uji", zona=zona,
                                pelaku=Pelaku("Operator", "operator"))
    with store.transaksi() as tx:
        acara.ubah_acara(tx, waktu_mulai="8", waktu_selesai="15:30")
    teks = " ".join(berita_acara(store.data, "txt").split())
    assert f"dua puluh tujuh, pukul 08.00 {zona}, bertempat di Aula" in teks
    assert f"Musrenbang ditutup oleh pimpinan sidang pukul 15.30 {zona}." in teks
    n = " ".join(notulen(store.data, "txt").split())
    assert f"pukul 08.00 {zona} sampai dengan 15.30 {zona}" in n
    assert f"Musrenbang dibuka pukul 08.00 {zona}" in n and f"ditutup pukul 15.30 {zona}." in n


def test_pukul_belum_dicatat_titik_titik(belum):
    teks = " ".join(berita_acara(belum.data, "txt").split())
    assert "pukul .......... WITA, bertempat di" in teks
    assert "ditutup oleh pimpinan sidang pukul .......... WITA." in teks


def test_isian_acara_diperiksa_dan_dicatat(tmp_path):
    store = persiapan.buat_sesi(str(tmp_path / "s.json"), kecamatan="Uji", kota="Banjarmasin", tahun=2028,
                                tanggal="2027-02-09", tempat="Aula", pelaku=Pelaku("Operator", "operator"))
    for kolom, nilai, pesan in (("waktu_mulai", "25.00", "Waktu mulai harus jam dan menit"),
                                ("waktu_selesai", "jam delapan", "Waktu selesai harus"),
                                ("nip_camat", "1970", "NIP Camat harus 18 angka"),
                                ("pimpinan_nip", "19700101199003100X", "NIP pimpinan sidang harus 18 angka"),
                                ("tidak_ada", "x", "tidak dikenal")):
        with pytest.raises(DataDitolak, match=pesan), store.transaksi() as tx:
            acara.ubah_acara(tx, **{kolom: nilai})
    with pytest.raises(DataDitolak, match="harus sesudah waktu mulai"), store.transaksi() as tx:
        acara.ubah_acara(tx, waktu_mulai="15.00", waktu_selesai="08.00")
    with store.transaksi() as tx:
        acara.ubah_sesi(tx, tempat="Aula Baru", nip_camat="19700101.199003.1.001", waktu_mulai="7:30")
    info = store.muat().info
    assert (info.tempat, info.nip_camat, info.waktu_mulai) == ("Aula Baru", "19700101 199003 1 001", "07.30")
    riwayat = [(r.aksi, r.objek) for r in store.data.records("riwayat").values()]
    assert ("ubah data sesi", "nip_camat") in riwayat and ("ubah data sesi", "tempat") in riwayat


# --- the signature blocks -----------------------------------------------------------------------------------


def _ttd(data) -> list[TandaTangan]:
    return [b for b in dokumen(data) if isinstance(b, TandaTangan)]


def test_nip_di_bawah_nama_camat_memimpin(lengkap):
    """The Camat chairs: one block "Pimpinan Sidang, Camat ...", the name, the NIP on the next line, in the
    same column."""
    blok = _ttd(lengkap.data)[0]
    (p,) = blok.penanda
    assert p.atas == ("Pimpinan Sidang,", "Camat Banjarmasin Utara,")
    assert (p.nama, p.bawah) == (CAMAT, ("NIP. 19700512 199503 1 004",))
    lines = berita_acara(lengkap.data, "txt").splitlines()
    i = next(i for i, ln in enumerate(lines) if ln.strip() == CAMAT)
    nip = lines[i + 1]
    assert nip.strip() == "NIP. 19700512 199503 1 004"
    tengah_nama = lines[i].index(CAMAT) + len(CAMAT) / 2
    tengah_nip = nip.index("NIP") + len(nip.strip()) / 2
    assert abs(tengah_nama - tengah_nip) <= 1
    md = berita_acara(lengkap.data, "md")
    assert f"| **{CAMAT}** |\n| NIP. 19700512 199503 1 004 |" in md


def test_pimpinan_bukan_camat_dua_blok(tmp_path):
    store = buat_skenario(str(tmp_path / "s.json"))
    with store.transaksi() as tx:
        acara.ubah_acara(tx, pimpinan_nama="H. Rudi Hartono, S.Sos.", pimpinan_jabatan="Sekretaris Kecamatan",
                         pimpinan_nip="198001012005011002")
    data = store.muat()
    kiri, kanan = _ttd(data)[0].penanda
    assert kiri.atas == ("Pimpinan Sidang,", "Sekretaris Kecamatan,") and kiri.nama == "H. Rudi Hartono, S.Sos."
    assert kiri.bawah == ("NIP. 19800101 200501 1 002",)
    assert kanan.atas == ("Mengetahui,", "Camat Banjarmasin Utara,") and kanan.nama == CAMAT
    assert kanan.bawah == ("NIP. 19700512 199503 1 004",)
    teks = " ".join(berita_acara(data, "txt").split())
    assert "dipimpin oleh H. Rudi Hartono, S.Sos., Sekretaris Kecamatan, dan dihadiri" in teks
    baris = [ln for ln in berita_acara(data, "txt").splitlines() if "NIP. " in ln]
    assert baris[0].split() == ["NIP.", "19800101", "200501", "1", "002", "NIP.", "19700512", "199503", "1", "004"]


def test_tim_perumus_satu_blok(lengkap, belum):
    perumus = _ttd(lengkap.data)[1]
    assert [(p.atas[0], p.nama) for p in perumus.penanda] == [
        ("Ketua Tim Perumus,", CAMAT), ("Sekretaris Tim Perumus,", "Hj. Nurul Aini, S.Sos."),
        ("Anggota Tim Perumus,", "Norhadi")]
    kosong = _ttd(belum.data)[1]  # nobody recorded: ketua and sekretaris left blank to write by hand
    assert [(p.atas[0], p.nama) for p in kosong.penanda] == [("Ketua Tim Perumus,", ""),
                                                             ("Sekretaris Tim Perumus,", "")]
    assert "(..............................)" in berita_acara(belum.data, "txt")
    teks = berita_acara(lengkap.data, "txt")
    assert teks.index("Tim Perumus:") < teks.index("Yang menandatangani, wakil setiap unsur peserta:")


def test_camat_dari_baru_terisi_di_tanda_tangan(tmp_path, capsys):
    """`musrenbang baru --camat` fills the Camat's row of the signature table and his block (issue 11)."""
    path = tmp_path / "baru.json"
    assert cli.main(["baru", str(path), "--kecamatan", "Banjarmasin Utara", "--kota", "Banjarmasin",
                     "--tahun", "2028", "--tanggal", "2027-02-09", "--tempat", "Aula", "--camat", "Drs. Yusuf",
                     "--nip-camat", "197005121995031004", "--mulai", "08.00", "--selesai", "15.30"]) == 0
    capsys.readouterr()
    assert cli.main(["ekspor", "berita-acara", str(path), "--format", "md"]) == 0
    md = capsys.readouterr().out
    assert "| 1 | Camat | Drs. Yusuf | Camat Banjarmasin Utara |  |" in md
    assert "| **Drs. Yusuf** |\n| NIP. 19700512 199503 1 004 |" in md
    assert "pukul 08.00 WITA" in md and "pukul 15.30 WITA" in md


def test_baru_isian_salah_tidak_membuat_berkas(tmp_path, capsys):
    path = tmp_path / "salah.json"
    rc = cli.main(["baru", str(path), "--kecamatan", "Uji", "--kota", "Banjarmasin", "--tahun", "2028",
                   "--tanggal", "2027-02-09", "--tempat", "Aula", "--nip-camat", "123"])
    assert rc == 1 and not path.exists()
    assert "NIP Camat harus 18 angka" in capsys.readouterr().err


# --- susunan acara and notulen as lampiran -------------------------------------------------------------------


def test_lampiran_susunan_acara(lengkap):
    bagian = bagian_dokumen(dokumen(lengkap.data))
    nomor = romawi(lampiran.nomor_lampiran(lampiran.susunan_acara))
    (tabel,) = [b for b in bagian[nomor] if isinstance(b, TabelDokumen)]
    assert [k.judul for k in tabel.kolom] == ["No", "Waktu (WITA)", "Acara", "Keterangan"]
    assert [r[1:] for r in tabel.baris] == [(j.waktu, j.acara, j.keterangan) for j in lengkap.data.daftar("jadwal")]
    assert tabel.baris[-1][1:] == ("13.00-15.30", "Sidang Pleno II dan berita acara", "Aula")


def test_lampiran_notulen(lengkap):
    data = lengkap.data
    nomor = romawi(lampiran.nomor_lampiran(lampiran.notulen_sidang))
    teks = " ".join(berita_acara(data, "txt").split(f"LAMPIRAN {nomor} ")[1].split())
    # sambutan, then Pleno I notes with time and speaker, then Pleno II: notes, tanggapan, decisions
    urutan = ["Sambutan, sebanyak 2 (dua) sambutan, disampaikan oleh:", f"1. {CAMAT} (Camat Banjarmasin Utara);",
              "Pemaparan materi oleh narasumber, sebanyak 2 (dua) orang:",
              "Catatan notulen menurut waktu, sebanyak 1 (satu) catatan:", CAMAT, "Camat membuka Musrenbang",
              "B. Sidang Pleno II", "Rudiansyah", "Ketua Kelompok Infrastruktur memaparkan hasil kelompok.",
              "sebanyak 2 (dua) tanggapan, dengan jawaban dan keputusannya:",
              "Norhadi dari unsur Delegasi Kelurahan mengenai usulan \"Normalisasi saluran drainase\"",
              "a. Jawaban: Pimpinan sidang menanyakan forum; forum setuju menaikkan satu urutan.",
              "b. Keputusan: pukul", "dinaikkan satu urutan, dengan alasan: Manfaat lebih luas",
              "Hj. Masitah dari unsur", "a. Jawaban: tidak dicatat.", "dinyatakan belum disepakati",
              "Keputusan Sidang Pleno II menurut waktu, sebanyak 4 (empat) keputusan",
              "Kelompok Infrastruktur dan Kewilayahan: daftar kelompok disepakati",
              "Musrenbang ditutup pukul 07.45 WITA."]
    pos = -1
    for bagian in urutan:
        i = teks.find(bagian, pos + 1)
        assert i > pos, f"{bagian!r} tidak ada atau tidak berurutan"
        pos = i


def test_catatan_menurut_waktu_bukan_urutan_masuk(tmp_path):
    """Notes are listed by their time, whatever order the file keeps them in."""
    jam = JamTetap()
    store = persiapan.buat_sesi(str(tmp_path / "s.json"), kecamatan="Uji", kota="Banjarmasin", tahun=2028,
                                tanggal="2027-02-09", tempat="Aula", pelaku=Pelaku("Notulis", "operator"), clock=jam)
    with store.transaksi() as tx:
        pertama = catatan.tambah_catatan(tx, "Pertama", "Ani", "pleno1")
    with store.transaksi() as tx:
        catatan.tambah_catatan(tx, "Kedua", "Budi", "pleno1")
    with store.transaksi() as tx:  # the first note's time moved after the second's (edited elsewhere)
        tx.put("catatan", pertama, dict(tx.get("catatan", pertama), waktu="2027-02-09T09:00:00"))
    tabel = next(b for b in dokumen_notulen(store.muat()) if isinstance(b, TabelDokumen))
    assert [r[1:] for r in tabel.baris] == [("07.33", "Budi", "Kedua"), ("09.00", "Ani", "Pertama")]


def test_jawaban_tanggapan_dapat_diubah(tmp_path):
    store = buat_skenario_belum_lengkap(str(tmp_path / "b.json"))
    rid = next(iter(store.data.records("tanggapan")))
    with store.transaksi() as tx:
        catatan.jawab_tanggapan(tx, rid, "Akan diputuskan setelah skoring selesai.")
    assert "Jawaban: Akan diputuskan setelah skoring selesai." in " ".join(notulen(store.muat(), "txt").split())
    with pytest.raises(DataDitolak), store.transaksi() as tx:
        catatan.jawab_tanggapan(tx, "TG999", "x")


# --- lampiran numbers --------------------------------------------------------------------------------------


_RUJUKAN = re.compile(r"Lampiran ([IVXL]+)")


def _rujukan_badan(data) -> list[tuple[str, str]]:
    """(what the sentence is about, the roman number it cites) for the body's references."""
    teks = " ".join(b.teks if hasattr(b, "teks") else str(b) for b in bagian_dokumen(dokumen(data))["badan"])
    return _RUJUKAN.findall(teks)


def test_setiap_rujukan_lampiran_ada(lengkap):
    judul = _judul_lampiran(dokumen(lengkap.data))
    assert list(judul) == [romawi(i) for i in range(1, len(lampiran.LAMPIRAN) + 1)]
    for nomor in _rujukan_badan(lengkap.data):
        assert nomor in judul


@pytest.mark.parametrize("balik", [False, True])
def test_nomor_lampiran_dari_urutan(lengkap, monkeypatch, balik):
    """Reordering `LAMPIRAN` renumbers every reference: the sentence about the agenda, the attendance, the
    notulen, the priority list and the not-agreed list each still names the lampiran with that title."""
    if balik:
        monkeypatch.setattr(lampiran, "LAMPIRAN", tuple(reversed(lampiran.LAMPIRAN)))
    blok = dokumen(lengkap.data)
    judul = _judul_lampiran(blok)
    teks = " ".join(" ".join(b.teks.split()) for b in bagian_dokumen(blok)["badan"] if isinstance(b, Paragraf))
    klausul = " ".join(t for b in bagian_dokumen(blok)["badan"] if hasattr(b, "butir") and b.butir
                       and isinstance(b.butir[0], tuple) for _, t in b.butir)
    cek = [(r"susunan acara sebagaimana tercantum dalam Lampiran ([IVX]+)", teks, "SUSUNAN ACARA"),
           (r"peserta sebagaimana tercantum dalam Lampiran ([IVX]+)", teks, "DAFTAR HADIR"),
           (r"notulen sebagaimana tercantum dalam Lampiran ([IVX]+)", teks, "NOTULEN"),
           (r"perangkat daerah \(SKPD\) sebagaimana tercantum dalam Lampiran ([IVX]+)", klausul, "DAFTAR URUTAN"),
           (r"alasannya sebagaimana tercantum dalam Lampiran ([IVX]+)", klausul, "USULAN KEGIATAN YANG BELUM"),
           (r"kriteria dan bobot sebagaimana tercantum dalam Lampiran ([IVX]+)", klausul, "REKAPITULASI SKORING")]
    for pola, dalam, awal in cek:
        m = re.search(pola, dalam)
        assert m, pola
        assert judul[m.group(1)].startswith(awal), (pola, m.group(1), judul[m.group(1)])
    assert f"Lampiran I sampai dengan Lampiran {romawi(len(lampiran.LAMPIRAN))}" in klausul


# --- the notulen as its own document ----------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["md", "txt"])
def test_cli_ekspor_notulen(lengkap, tmp_path, capsys, fmt):
    path = tmp_path / "sesi.json"
    shutil.copy(lengkap.path, path)
    assert cli.main(["ekspor", "notulen", str(path), "--format", fmt]) == 0
    keluar = capsys.readouterr().out
    assert keluar == notulen(lengkap.data, fmt)
    tujuan = tmp_path / nama_berkas_notulen(lengkap.data, fmt)
    assert cli.main(["ekspor", "notulen", str(path), "--format", fmt, "-o", str(tujuan)]) == 0
    assert tujuan.read_text(encoding="utf-8") == keluar
    assert tujuan.name == f"notulen-banjarmasin-utara-2028.{fmt}"


def test_cli_ekspor_notulen_csv_ditolak(lengkap, tmp_path, capsys):
    path = tmp_path / "sesi.json"
    shutil.copy(lengkap.path, path)
    assert cli.main(["ekspor", "notulen", str(path), "--format", "csv"]) == 2
    assert "Notulen tersedia dalam format md, txt" in capsys.readouterr().err


def test_notulen_sama_dengan_lampiran(lengkap):
    """The notulen document holds exactly the blocks of the lampiran (one source for both)."""
    blok = dokumen(lengkap.data)
    nomor = romawi(lampiran.nomor_lampiran(lampiran.notulen_sidang))
    isi_lampiran = bagian_dokumen(blok)[nomor][4:-1]  # after the header (break, title, Nomor, heading), before the footer
    sendiri = dokumen_notulen(lengkap.data)
    n = len(isi_lampiran)
    awal = next(i for i, b in enumerate(sendiri) if b == isi_lampiran[0])
    assert sendiri[awal:awal + n] == isi_lampiran
