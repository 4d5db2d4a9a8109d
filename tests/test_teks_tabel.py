"""The text layout engine shared by the berita acara and the text exports (sesi/teks_tabel.py)."""

from __future__ import annotations

from sesi.teks_tabel import bungkus, gantung, lebar_teks, tabel_teks, tengah


def test_lebar_teks_menghitung_kolom_layar():
    assert lebar_teks("abc") == 3
    assert lebar_teks("東京") == 4 and lebar_teks("🎉") == 2
    assert lebar_teks("e\u0301") == 1 and lebar_teks("a\u200bb") == 2  # combining and format characters


def test_bungkus_menurut_lebar_layar_dan_memotong_kata_panjang():
    assert bungkus("satu dua  tiga", 80) == ["satu dua tiga"]
    assert bungkus("", 10) == [""]
    assert bungkus("aaa bbb ccc", 7) == ["aaa bbb", "ccc"]
    assert bungkus("東京東京 東京", 8) == ["東京東京", "東京"]
    potong = bungkus("Supercalifragilistic", 8)
    assert potong == ["Superca-", "lifragi-", "listic"]
    assert all(lebar_teks(x) <= 8 for x in bungkus("🎉" * 9 + " x", 5))


def test_gantung_dan_tengah():
    assert gantung("a. ", "satu dua tiga", 10) == ["a. satu", "   dua", "   tiga"]
    assert tengah("abc", 9) == "   abc"


def test_tabel_daftar_muat_dan_lurus():
    """A data list: two spaces between columns, numbers right-aligned, a blank line between wrapped rows,
    every line within the width and no trailing spaces, wide characters counted as two columns."""
    lines = tabel_teks(["No", "Kegiatan", "Biaya"],
                       [["1", "Pembangunan jalan titian ulin 東京都 🎉 di bantaran sungai", "Rp1.500.000"],
                        ["12", "Drainase", "Rp900"]], kanan=[True, False, True], lebar=40)
    assert lines == [
        "No  Kegiatan                       Biaya",
        "--  -----------------------  -----------",
        " 1  Pembangunan jalan        Rp1.500.000",
        "    titian ulin 東京都 🎉",
        "    di bantaran sungai",
        "",
        "12  Drainase                       Rp900",
    ]
    assert all(lebar_teks(x) <= 40 for x in lines)


def test_tabel_kisi_untuk_diisi_tangan():
    """A form: a grid, rows at least `tinggi` lines, text columns at least `min_lebar` wide."""
    lines = tabel_teks(["No", "Nama", "Tanda tangan"], [["1", "Siti", ""]], kanan=[True], min_lebar=[0, 0, 14],
                       tinggi=3, kisi=True)
    assert lines == [
        "+----+------+----------------+",
        "| No | Nama | Tanda tangan   |",
        "+====+======+================+",
        "|  1 | Siti |                |",
        "|    |      |                |",
        "|    |      |                |",
        "+----+------+----------------+",
    ]
