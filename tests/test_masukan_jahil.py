"""Hostile and careless input a tester fed the program (keras2): every refusal is exit 1 with a short
Indonesian message naming file, row and field, the session unchanged; never a traceback, exit 3 or a
crash, and bounded work for any input."""

from __future__ import annotations

import io
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
