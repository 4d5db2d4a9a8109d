"""Hostile and careless input a tester fed the program (keras2): every refusal is exit 1 with a short
Indonesian message naming file, row and field, the session unchanged; never a traceback, exit 3 or a
crash, and bounded work for any input."""

from __future__ import annotations

import io
import os
import shutil
import time
import zipfile
from pathlib import Path

import pytest

from sesi.angka import AngkaSalah, baca_uang, baca_volume
from tests.test_cli import BARU, musrenbang


@pytest.fixture
def sesi_baru(tmp_path: Path) -> Path:
    out = musrenbang(tmp_path, "baru", "S.json", *BARU)
    assert out.returncode == 0, out.stderr
    return tmp_path / "S.json"


def _impor(tmp_path: Path, sesi: Path, nama: str, isi: bytes, jenis: str = "usulan"):
    (tmp_path / nama).write_bytes(isi)
    sebelum = sesi.read_bytes()
    out = musrenbang(tmp_path, "impor", jenis, sesi.name, nama)
    return out, sebelum


# --- 3: negative zero -------------------------------------------------------------------------------------


@pytest.mark.parametrize("nilai", ["-0", "-0,0", "-0.00", -0.0, "-5"])
def test_angka_negatif_dan_nol_negatif_ditolak(nilai):
    for baca in (baca_uang, baca_volume):
        with pytest.raises(AngkaSalah, match="tidak boleh negatif"):
            baca(nilai)


@pytest.mark.parametrize("kolom", ["volume", "perkiraan_biaya"])
def test_impor_nol_negatif_ditolak_dengan_baris_dan_kolom(tmp_path, sesi_baru, kolom):
    isi = f"kelurahan,prioritas_kelurahan,kegiatan,skpd,{kolom}\nKuin Utara,1,Jalan titian,Dinas PUPR,-0\n"
    out, sebelum = _impor(tmp_path, sesi_baru, "u.csv", isi.encode())
    assert out.returncode == 1, out.stdout + out.stderr
    assert f"u.csv baris 2, kolom {kolom}: tidak boleh negatif, bukan '-0'." in out.stdout + out.stderr
    assert "Traceback" not in out.stderr and sesi_baru.read_bytes() == sebelum


# --- 1: workbook bombs and huge cells ---------------------------------------------------------------------


def _templat(tmp_path: Path, sesi: Path) -> bytes:
    out = musrenbang(tmp_path, "templat", "usulan", "t.xlsx", "--sesi", sesi.name)
    assert out.returncode == 0, out.stderr
    return (tmp_path / "t.xlsx").read_bytes()


def _buku(templat: bytes, kegiatan: str, *, kelurahan: str = "Kuin Utara") -> bytes:
    """The template with one data row (kegiatan as an inline string cell), packed tight."""
    sumber = zipfile.ZipFile(io.BytesIO(templat))
    keluar = io.BytesIO()
    with zipfile.ZipFile(keluar, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        for info in sumber.infolist():
            data = sumber.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                teks = data.decode()
                kepala = teks[:teks.index("<sheetData>") + len("<sheetData>")]
                baris1 = teks[len(kepala):teks.index("</row>") + len("</row>")]
                ekor = teks[teks.index("</sheetData>"):]
                sel = "".join(f'<c r="{k}2" t="inlineStr"><is><t>{v}</t></is></c>' for k, v in (
                    ("B", kelurahan), ("C", "1"), ("D", kegiatan), ("K", "Dinas PUPR")))
                data = (kepala + baris1 + f'<row r="2">{sel}</row>' + ekor).encode()
            z.writestr(info.filename, data)
    return keluar.getvalue()


def test_bom_zip_ditolak_sebelum_dibaca(tmp_path, sesi_baru):
    """A workbook whose one cell unpacks from a few KB to 30 MB (the tester's held 1.5 GB and aborted the
    process with exit 134) is refused by its packing ratio, fast, with a short message naming the file."""
    mulai = time.monotonic()
    bom = _buku(_templat(tmp_path, sesi_baru), "A" * 30_000_000)
    assert len(bom) < 200_000
    out, sebelum = _impor(tmp_path, sesi_baru, "bom.xlsx", bom)
    assert out.returncode == 1, out.stdout + out.stderr
    pesan = out.stdout + out.stderr
    assert "bom.xlsx ditolak" in pesan and "bom zip" in pesan and "Traceback" not in pesan
    assert max(len(baris) for baris in pesan.splitlines()) < 400
    assert sesi_baru.read_bytes() == sebelum
    assert time.monotonic() - mulai < 20


def test_ukuran_bagian_yang_dinyatakan_terlalu_besar_ditolak(tmp_path, sesi_baru):
    """A part whose central directory claims 2 GB is refused without unpacking anything."""
    buku = bytearray(_buku(_templat(tmp_path, sesi_baru), "Jalan titian"))
    pusat = buku.rindex(b"PK\x01\x02")  # the last central directory entry: its uncompressed size at +24
    buku[pusat + 24:pusat + 28] = (2**31).to_bytes(4, "little")
    out, sebelum = _impor(tmp_path, sesi_baru, "besar.xlsx", bytes(buku))
    assert out.returncode == 1, out.stdout + out.stderr
    assert "besar.xlsx" in out.stdout + out.stderr and "Traceback" not in out.stderr
    assert sesi_baru.read_bytes() == sebelum


def test_sel_panjang_ditolak_dengan_pesan_pendek(tmp_path, sesi_baru):
    """A 200,000-character kegiatan (not a bomb: random-ish text) is refused naming sheet, row and column,
    and no message line quotes more than a short cut of it."""
    kegiatan = "".join("ABCDEFGHIJKLMNOPQRSTUVWXYZ"[(i * 7919) % 26] for i in range(200_000))
    out, sebelum = _impor(tmp_path, sesi_baru, "panjang.xlsx", _buku(_templat(tmp_path, sesi_baru), kegiatan))
    pesan = out.stdout + out.stderr
    assert out.returncode == 1, pesan
    assert "baris 2" in pesan and "kolom Kegiatan" in pesan and "terlalu panjang" in pesan
    assert max(len(baris) for baris in pesan.splitlines()) < 400
    assert sesi_baru.read_bytes() == sebelum


def test_kelurahan_panjang_dikutip_pendek(tmp_path, sesi_baru):
    out, _ = _impor(tmp_path, sesi_baru, "kel.xlsx", _buku(_templat(tmp_path, sesi_baru), "Jalan",
                                                           kelurahan="Q" * 20_000))
    pesan = out.stdout + out.stderr
    assert out.returncode == 1 and "kel.xlsx" in pesan, pesan
    assert max(len(baris) for baris in pesan.splitlines()) < 400, pesan[:2000]


# --- 2 and 4: text limits and the one rule for hidden characters ------------------------------------------


@pytest.mark.parametrize(("opsi", "nilai", "pesan"), [
    ("--kecamatan", "K" * 100_000, "Kecamatan terlalu panjang (100000 karakter; paling banyak 100)."),
    ("--desa", "X\x1b[2JY", "Nama desa tidak boleh memuat karakter kendali atau pengatur arah teks "
                             "(ditemukan <ESC>)."),
    ("--desa", "Kuin\u202eUtara", "Nama desa tidak boleh memuat karakter kendali atau pengatur arah teks "
                                  "(ditemukan <U+202E>)."),
    ("--tempat", "T" * 301, "Tempat terlalu panjang (301 karakter; paling banyak 300)."),
    ("--camat", "Camat\x1b[2J", "Nama camat tidak boleh memuat karakter kendali"),
])
def test_baru_menolak_isian_jahil(tmp_path, opsi, nilai, pesan):
    args = [a for a in BARU]
    if opsi in args:
        args[args.index(opsi) + 1] = nilai
    else:
        args += [opsi, nilai]
    out = musrenbang(tmp_path, "baru", "S.json", *args)
    assert out.returncode == 1, out.stdout + out.stderr
    assert pesan in out.stderr and "Traceback" not in out.stderr
    assert max(len(b) for b in out.stderr.splitlines()) < 400
    assert not (tmp_path / "S.json").exists()


PESERTA = "nama,unsur,lembaga,jabatan,kelurahan\n"


@pytest.mark.parametrize(("kolom", "nilai", "pesan"), [
    ("lembaga", "L" * 5_000, "kolom lembaga: terlalu panjang (5000 karakter; paling banyak 200)."),
    ("lembaga", "LPMK\u202egnirts", "kolom lembaga: tidak boleh memuat karakter kendali atau pengatur arah teks "
                                    "(ditemukan <U+202E>)."),
    ("jabatan", "Ketua\x1b[2J", "kolom jabatan: tidak boleh memuat karakter kendali atau pengatur arah teks "
                                "(ditemukan <ESC>)."),
])
def test_impor_peserta_menolak_isian_jahil(tmp_path, sesi_baru, kolom, nilai, pesan):
    sel = {"lembaga": "LPMK", "jabatan": "Ketua", kolom: nilai}
    isi = PESERTA + f"Siti Aisyah,Delegasi Kelurahan,{sel['lembaga']},{sel['jabatan']},Kuin Utara\n"
    out, sebelum = _impor(tmp_path, sesi_baru, "p.csv", isi.encode(), "peserta")
    assert out.returncode == 1, out.stdout + out.stderr
    assert f"p.csv baris 2, {pesan}" in out.stdout + out.stderr
    assert sesi_baru.read_bytes() == sebelum


@pytest.mark.parametrize(("kolom", "nilai", "pesan"), [
    ("kegiatan", "Jalan\x1b[2Jtitian", "kolom kegiatan: tidak boleh memuat karakter kendali"),
    ("lokasi", "RT 5\u202e", "kolom lokasi: tidak boleh memuat karakter kendali"),
    ("lokasi", "R" * 301, "kolom lokasi: terlalu panjang (301 karakter; paling banyak 300)."),
    ("kelurahan", "Kuin\x1b[2JUtara", "kolom kelurahan: tidak boleh memuat karakter kendali"),
    ("skpd", "Dinas\u202ePUPR", "kolom skpd: tidak boleh memuat karakter kendali"),
    ("bidang", "Infra\x9bstruktur", "kolom bidang: tidak boleh memuat karakter kendali"),
])
def test_impor_usulan_menolak_isian_jahil(tmp_path, sesi_baru, kolom, nilai, pesan):
    sel = {"kelurahan": "Kuin Utara", "kegiatan": "Jalan titian", "lokasi": "RT 5", "skpd": "Dinas PUPR",
           "bidang": "Infrastruktur dan Kewilayahan", kolom: nilai}
    isi = ("kelurahan,prioritas_kelurahan,kegiatan,lokasi,skpd,bidang\n"
           f"{sel['kelurahan']},1,{sel['kegiatan']},{sel['lokasi']},{sel['skpd']},{sel['bidang']}\n")
    out, sebelum = _impor(tmp_path, sesi_baru, "u.csv", isi.encode())
    assert out.returncode == 1, out.stdout + out.stderr
    assert f"u.csv baris 2, {pesan}" in out.stdout + out.stderr
    assert sesi_baru.read_bytes() == sebelum


def test_karakter_tak_terlihat_dibuang_dan_dilaporkan(tmp_path, sesi_baru):
    isi = ("kelurahan,prioritas_kelurahan,kegiatan,skpd,bidang\n"
           "Kuin Utara,1,Jalan\u200b ti\u00adtian,Dinas PUPR,Infrastruktur dan Kewilayahan\n")
    out, _ = _impor(tmp_path, sesi_baru, "u.csv", isi.encode())
    assert out.returncode == 0, out.stdout + out.stderr
    assert "Karakter tak terlihat (spasi lebar nol, tanda hubung lunak) dibuang dari 1 sel: sel C2." in out.stdout
    assert '"kegiatan": "Jalan titian"' in sesi_baru.read_text(encoding="utf-8")


def test_sel_csv_sangat_panjang_bukan_tanda_kutip(tmp_path, sesi_baru):
    """A 200,000-character cell in a CSV without a single quote is reported as too long, with row and
    column, not as an unclosed quote."""
    isi = "kelurahan,prioritas_kelurahan,kegiatan,skpd\nKuin Utara,1,Jalan,PU\nKuin Utara,2," + "B" * 200_000 + ",PU\n"
    out, sebelum = _impor(tmp_path, sesi_baru, "big.csv", isi.encode())
    assert out.returncode == 1
    assert "big.csv baris 3, kolom C: sel terlalu panjang (lebih dari 131.072 karakter)" in out.stderr
    assert "tanda kutip" not in out.stderr and sesi_baru.read_bytes() == sebelum


def test_berkas_sesi_dengan_isian_terlalu_panjang_ditolak_saat_dibaca(tmp_path, sesi_baru):
    import json

    obj = json.loads(sesi_baru.read_text(encoding="utf-8"))
    obj["sesi"]["info"]["kecamatan"] = "K" * 100_000
    sesi_baru.write_text(json.dumps(obj), encoding="utf-8")
    out = musrenbang(tmp_path, "periksa", sesi_baru.name)
    assert out.returncode == 1, out.stdout + out.stderr
    assert "sesi.info: kolom 'kecamatan' terlalu panjang (100000 karakter; paling banyak 10000)" in (
        out.stdout + out.stderr)


def test_berkas_versi_lama_dengan_isian_lebih_panjang_tetap_terbuka(tmp_path, sesi_baru):
    """A session written under earlier, wider limits (a 1,500-character tempat; lokasi allowed 2,000) still
    opens and checks clean: a limit made stricter for typing never locks a user out of their own file."""
    import json

    obj = json.loads(sesi_baru.read_text(encoding="utf-8"))
    obj["sesi"]["info"]["tempat"] = "Aula " * 300
    sesi_baru.write_text(json.dumps(obj), encoding="utf-8")
    out = musrenbang(tmp_path, "periksa", sesi_baru.name)
    assert "rantai utuh" in out.stdout and "terlalu panjang" not in out.stdout + out.stderr, out.stderr
    out = musrenbang(tmp_path, "ekspor", "berita-acara", sesi_baru.name, "--format", "txt")
    assert out.returncode == 0 and "Aula Aula" in out.stdout


# --- 5: sahkan --kunci-ssh on something that is not a regular file ----------------------------------------


@pytest.mark.skipif(not shutil.which("ssh-keygen"), reason="ssh-keygen (OpenSSH) tidak ada")
def test_kunci_ssh_fifo_disebut_bukan_berkas_biasa(tmp_path):
    from sesi.errors import DataDitolak
    from sesi.tanda_tangan import tandatangani

    pipa = tmp_path / "kunci"
    os.mkfifo(pipa)
    with pytest.raises(DataDitolak, match=r"bukan berkas biasa"):
        tandatangani("0" * 64, str(pipa))
    with pytest.raises(DataDitolak, match=r"tidak ditemukan"):
        tandatangani("0" * 64, str(tmp_path / "tidak-ada"))
