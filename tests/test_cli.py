"""The `musrenbang` command as scripts and users call it (issue 2): run in a subprocess, checked on exit status
(0 ok, 1 data refused, 2 usage error), Indonesian messages, an unchanged file after a refusal, and that no
command outside the UI pays for importing Textual."""

from __future__ import annotations

import csv
import io
import os
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import sesi

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).parent / "data"
BARU = ["--kecamatan", "Banjarmasin Utara", "--kota", "Banjarmasin", "--tahun", "2028", "--tanggal", "2027-02-09",
        "--tempat", "Aula Kantor Camat"]


def _env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ, MUSRENBANG_DATA=str(tmp_path / "data-app"), PYTHONIOENCODING="utf-8")
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])])
    return env


def musrenbang(tmp_path: Path, *args: str | Path) -> subprocess.CompletedProcess:
    """Run `python -m musrenbang_tui ARGS` in tmp_path."""
    return subprocess.run([sys.executable, "-m", "musrenbang_tui", *map(str, args)], cwd=tmp_path,
                          env=_env(tmp_path), check=False, capture_output=True, text=True, encoding="utf-8",
                          timeout=120)


def textual_dimuat(tmp_path: Path, *args: str | Path) -> tuple[bool, subprocess.CompletedProcess]:
    """Run the command in-process under a wrapper that reports, at exit, whether Textual was imported."""
    script = (
        "import atexit, runpy, sys\n"
        "atexit.register(lambda: sys.stderr.write('\\nTEXTUAL=%s\\n' % ('textual' in sys.modules)))\n"
        f"sys.argv = ['musrenbang'] + {[str(a) for a in args]!r}\n"
        "runpy.run_module('musrenbang_tui', run_name='__main__')\n"
    )
    out = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, env=_env(tmp_path), check=False,
                         capture_output=True, text=True, encoding="utf-8", timeout=120)
    (tanda,) = [line for line in out.stderr.splitlines() if line.startswith("TEXTUAL=")]
    return tanda == "TEXTUAL=True", out


@pytest.fixture
def berkas(tmp_path) -> Path:
    """A new session file made by `musrenbang baru`."""
    out = musrenbang(tmp_path, "baru", "sesi.json", *BARU)
    assert out.returncode == 0, out.stderr
    return tmp_path / "sesi.json"


def tulis(tmp_path: Path, nama: str, isi: str) -> Path:
    path = tmp_path / nama
    path.write_text(isi, encoding="utf-8")
    return path


# --- baru --------------------------------------------------------------------------------------------


def test_baru_membuat_sesi(tmp_path):
    out = musrenbang(tmp_path, "baru", "sesi.json", *BARU, "--camat", "Drs. Camat Uji")
    assert out.returncode == 0, out.stderr
    assert "Sesi Musrenbang Kecamatan Banjarmasin Utara dibuat" in out.stdout
    assert "10 kelurahan, 5 kriteria baku." in out.stdout
    assert "Kota Banjarmasin, zona waktu WITA, ditandatangani di Banjarmasin Utara." in out.stdout
    assert '"camat": "Drs. Camat Uji"' in (tmp_path / "sesi.json").read_text(encoding="utf-8")


def test_baru_tidak_menimpa(tmp_path, berkas):
    sebelum = berkas.read_bytes()
    out = musrenbang(tmp_path, "baru", "sesi.json", *BARU)
    assert out.returncode == 1
    assert "sudah ada; tidak ditimpa" in out.stderr
    assert "Traceback" not in out.stderr
    assert berkas.read_bytes() == sebelum


def test_baru_tanpa_argumen_wajib_adalah_salah_penggunaan(tmp_path):
    out = musrenbang(tmp_path, "baru", "sesi.json", "--kecamatan", "Banjarmasin Utara")
    assert out.returncode == 2
    assert "argumen berikut wajib diisi: --tahun, --tanggal, --tempat" in out.stderr
    assert "Penggunaan:" in out.stderr
    assert not (tmp_path / "sesi.json").exists()


@pytest.mark.parametrize("opsi", [["--nip-pimpinan", "197001011990031001"], ["--jabatan-pimpinan", "Sekcam"]])
def test_baru_data_pimpinan_tanpa_pimpinan_adalah_salah_penggunaan(tmp_path, opsi):
    """The pimpinan's NIP or office without --pimpinan would be printed under the Camat's name: refused."""
    out = musrenbang(tmp_path, "baru", "sesi.json", *BARU, "--camat", "Drs. Camat Uji", *opsi)
    assert out.returncode == 2
    assert f"musrenbang baru: galat: {opsi[0]} memerlukan --pimpinan" in out.stderr
    assert not (tmp_path / "sesi.json").exists()


def test_baru_semua_isian_salah_dilaporkan_sekaligus(tmp_path):
    out = musrenbang(tmp_path, "baru", "sesi.json", *BARU, "--nip-camat", "123", "--mulai", "15.00",
                     "--selesai", "09.00")
    assert out.returncode == 1
    assert "2 isian tidak dapat diterima; berkas sesi tidak dibuat:" in out.stderr
    assert "  NIP Camat harus 18 angka (mis. 19700101 199003 1 001), bukan '123'." in out.stderr
    assert "  Waktu selesai (09.00) harus sesudah waktu mulai (15.00)." in out.stderr
    assert "Traceback" not in out.stderr and not (tmp_path / "sesi.json").exists()


def test_bantuan(tmp_path):
    out = musrenbang(tmp_path, "--help")
    assert out.returncode == 0
    assert out.stdout.startswith("Penggunaan: musrenbang")
    for perintah in ("baru", "impor", "ekspor", "periksa", "demo"):
        assert perintah in out.stdout


# --- impor -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("jenis, berkas_csv, pesan", [
    ("usulan", "usulan_excel.csv", "3 usulan diimpor dari usulan_excel.csv"),
    ("peserta", "peserta.csv", "3 peserta diimpor dari peserta.csv, 1 tercatat hadir."),
    ("kriteria", "kriteria.csv", "3 kriteria diimpor dari kriteria.csv (A, B, C)"),
])
def test_impor_berhasil(tmp_path, berkas, jenis, berkas_csv, pesan):
    out = musrenbang(tmp_path, "impor", jenis, berkas, DATA / berkas_csv)
    assert out.returncode == 0, out.stderr
    assert pesan in out.stdout


def test_impor_skor_lalu_ekspor_peringkat(tmp_path, berkas):
    assert musrenbang(tmp_path, "impor", "usulan", berkas, DATA / "usulan_id.csv").returncode == 0
    out = musrenbang(tmp_path, "impor", "skor", berkas, DATA / "skor.csv")
    assert out.returncode == 0, out.stderr
    assert "7 nilai skor diimpor dari skor.csv." in out.stdout
    out = musrenbang(tmp_path, "ekspor", "peringkat", berkas)
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    assert [(r["peringkat"], r["usulan_id"], r["total"]) for r in rows] == [
        ("1", "KU-01", "4.00"), ("", "KU-02", ""), ("", "SA-01", "")]


@pytest.mark.parametrize("jenis, isi, masalah", [
    ("usulan", ("kelurahan;prioritas_kelurahan;kegiatan;skpd;bidang\nKuin Utara;1;Titian;PUPR;Infra\n"
                "Kuin Utara;satu;Drainase;PUPR;Infra\n"),
     "salah.csv baris 3, kolom prioritas_kelurahan: harus bilangan bulat, bukan 'satu'."),
    ("peserta", "nama,unsur\nAni,wartawan\n", "salah.csv baris 2, kolom unsur: Unsur 'wartawan' tidak dikenal"),
    ("kriteria", "kode,nama,bobot\nK1,Satu,-1\n", "salah.csv baris 2, kolom bobot: harus bilangan positif"),
    ("skor", "usulan_id,kriteria,nilai\nU404,K1,3\n", "salah.csv baris 2, kolom usulan_id: Usulan U404 tidak ada."),
])
def test_impor_ditolak_tidak_mengubah_berkas(tmp_path, berkas, jenis, isi, masalah):
    sebelum = berkas.read_bytes()
    out = musrenbang(tmp_path, "impor", jenis, berkas, tulis(tmp_path, "salah.csv", isi))
    assert out.returncode == 1
    assert f"Impor {jenis} dari salah.csv ditolak" in out.stderr
    assert masalah in out.stderr
    assert "Traceback" not in out.stderr
    assert out.stdout == ""
    assert berkas.read_bytes() == sebelum


@pytest.mark.parametrize("jalur, pesan", [("tidak-ada.csv", "tidak ditemukan"), (".", "adalah folder")])
def test_impor_jalur_salah(tmp_path, berkas, jalur, pesan):
    out = musrenbang(tmp_path, "impor", "usulan", berkas, jalur)
    assert out.returncode == 1
    assert pesan in out.stderr


def test_impor_ke_sesi_yang_tidak_ada(tmp_path):
    out = musrenbang(tmp_path, "impor", "usulan", "tidak-ada.json", DATA / "usulan_id.csv")
    assert out.returncode == 1
    assert "tidak ditemukan" in out.stderr


def test_impor_jenis_tak_dikenal_adalah_salah_penggunaan(tmp_path, berkas):
    out = musrenbang(tmp_path, "impor", "anggaran", berkas, DATA / "usulan_id.csv")
    assert out.returncode == 2
    assert "pilihan 'anggaran' tidak dikenal" in out.stderr


# --- ekspor ------------------------------------------------------------------------------------------


@pytest.fixture
def demo(tmp_path) -> Path:
    out = musrenbang(tmp_path, "demo", "--cetak", "--berkas", "demo.json")
    assert out.returncode == 0, out.stderr
    return tmp_path / "demo.json"


def test_demo_cetak_menampilkan_peringkat_tanpa_membuka_aplikasi(tmp_path):
    dimuat, out = textual_dimuat(tmp_path, "demo", "--cetak", "--berkas", "demo.json")
    assert out.returncode == 0, out.stderr
    assert "Sesi demo dibuat" in out.stderr
    assert out.stdout.startswith("Peringkat Usulan Musrenbang Kecamatan Banjarmasin Utara")
    assert "Aturan urutan:" in out.stdout
    assert not dimuat


@pytest.mark.parametrize("fmt, awal", [("csv", "kelompok,peringkat,usulan_id,kegiatan,kelurahan,skpd,sumber_dana,"
                                                "harga_satuan,total,status"),
                                       ("md", "# Peringkat Usulan Musrenbang Kecamatan Banjarmasin Utara"),
                                       ("txt", "Peringkat Usulan Musrenbang Kecamatan Banjarmasin Utara")])
def test_ekspor_peringkat_ke_layar_dan_ke_berkas(tmp_path, demo, fmt, awal):
    out = musrenbang(tmp_path, "ekspor", "peringkat", demo, "--format", fmt)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith(awal)
    keluar = musrenbang(tmp_path, "ekspor", "peringkat", demo, "--format", fmt, "-o", f"peringkat.{fmt}")
    assert keluar.returncode == 0 and keluar.stdout == ""
    assert keluar.stderr.startswith("Ditulis ke ") and f"peringkat.{fmt}." in keluar.stderr
    assert (tmp_path / f"peringkat.{fmt}").read_text(encoding="utf-8") == out.stdout


@pytest.mark.parametrize("fmt, isi", [("csv", "No,Nama,Unsur,Lembaga/Kelurahan,L/P,Hadir (jam)"),
                                      ("md", "| No "), ("txt", "Hadir: ")])
def test_ekspor_daftar_hadir(tmp_path, demo, fmt, isi):
    out = musrenbang(tmp_path, "ekspor", "daftar-hadir", demo, "--format", fmt)
    assert out.returncode == 0, out.stderr
    assert isi in out.stdout
    assert "Perempuan hadir" in out.stdout


def test_ekspor_format_tak_dikenal(tmp_path, demo):
    out = musrenbang(tmp_path, "ekspor", "peringkat", demo, "--format", "xlsx")
    assert out.returncode == 2


def test_ekspor_berita_acara(tmp_path, demo):
    out = musrenbang(tmp_path, "ekspor", "berita-acara", demo, "-o", "ba.md")
    assert out.returncode == 0, out.stderr
    assert "BERITA ACARA" in (tmp_path / "ba.md").read_text(encoding="utf-8")
    out = musrenbang(tmp_path, "ekspor", "berita-acara", demo, "--format", "csv")
    assert out.returncode == 2
    assert "md, txt, atau docx" in out.stderr


# --- periksa -----------------------------------------------------------------------------------------


@pytest.mark.skipif(not (ROOT / "sesi" / "periksa.py").exists(), reason="sesi.periksa belum ada")
def test_periksa_berkas_utuh_dan_yang_diubah_di_luar_aplikasi(tmp_path, demo):
    out = musrenbang(tmp_path, "periksa", demo)
    assert out.returncode == 0, out.stderr
    assert "rantai utuh" in out.stdout
    teks = demo.read_text(encoding="utf-8")
    assert '"aksi": "hadir"' in teks
    demo.write_text(teks.replace('"aksi": "hadir"', '"aksi": "hadir lagi"', 1), encoding="utf-8")
    out = musrenbang(tmp_path, "periksa", demo)
    assert out.returncode == 1
    assert "1 masalah ditemukan." in out.stderr


# --- Textual stays out of the commands that do not open the UI ---------------------------------------


def test_perintah_non_ui_tidak_memuat_textual(tmp_path, berkas):
    perintah = [
        ["--help"],
        ["baru", "lain.json", *BARU],
        ["impor", "usulan", berkas, DATA / "usulan_id.csv"],
        ["impor", "skor", berkas, DATA / "skor.csv"],
        ["ekspor", "peringkat", berkas, "--format", "txt"],
        ["ekspor", "daftar-hadir", berkas, "--format", "md"],
        ["ekspor", "notulen", berkas, "--format", "txt"],
    ]
    if (ROOT / "sesi" / "periksa.py").exists():
        perintah.append(["periksa", berkas])
    for args in perintah:
        dimuat, out = textual_dimuat(tmp_path, *args)
        assert out.returncode == 0, (args, out.stderr)
        assert not dimuat, f"musrenbang {' '.join(map(str, args))} memuat textual"


def test_mengimpor_semua_modul_sesi_tidak_memuat_textual(tmp_path):
    modul = sorted(m.name for m in pkgutil.walk_packages(sesi.__path__, "sesi."))
    assert "sesi.csv_import" in modul and "sesi.export" in modul and "sesi.berita_acara.polos" in modul
    script = (
        "import importlib, sys\n"
        f"for m in {modul!r}:\n"
        "    importlib.import_module(m)\n"
        "print('textual' in sys.modules, sorted(k for k in sys.modules if k.split('.')[0] in "
        "('textual', 'rich')))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, env=_env(tmp_path), check=False,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("False"), out.stdout


def test_pilihan_layar_sama_dengan_agenda_dan_readme():
    """--layar offers every stage of the one agenda definition, as the README lists them."""
    from musrenbang_tui.cli import LAYAR, main
    from sesi.model import AGENDA_TAHAP, tahap_layar

    assert LAYAR == [t.layar for t in AGENDA_TAHAP]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"[--layar {'|'.join(t.layar for t in AGENDA_TAHAP)}]" in readme
    assert tahap_layar("berita-acara").kunci == "berita_acara"
    with pytest.raises(SystemExit) as keluar:
        main(["buka", "x.json", "--layar", "berita_acara"])
    assert keluar.value.code == 2


def test_readme_menyebut_setiap_pilihan_setiap_perintah():
    """The README's command list names every option of every command (`tayang --tampilan`, `demo --layar`,
    ...), and the quick start says to leave the demo with Ctrl+Q before the second command."""
    import argparse

    from musrenbang_tui.cli import _parser

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    daftar = readme.split("## Perintah", 1)[1].split("```")[1]
    blok: dict[str, str] = {}
    for baris in daftar.splitlines():
        if baris.startswith("musrenbang "):
            nama = baris.split()[1]
            blok[nama] = blok.get(nama, "") + "\n" + baris
            terakhir = nama
        elif baris.strip():
            blok[terakhir] += "\n" + baris
    sub = next(a for a in _parser()._actions if isinstance(a, argparse._SubParsersAction))
    hilang = []
    for nama, p in sub.choices.items():
        for a in p._actions:
            if a.option_strings and "--help" not in a.option_strings and not any(
                    f"{o} " in blok.get(nama, "") or f"{o}]" in blok.get(nama, "") for o in a.option_strings):
                hilang.append(f"{nama} {a.option_strings[-1]}")
    assert not hilang, hilang
    mulai = readme.split("## Mulai cepat", 1)[1].split("##", 1)[0]
    assert "Ctrl+Q" in mulai
