"""Numbers, ordinals and dates in Indonesian words, as the berita acara writes them (issue 4)."""

from __future__ import annotations

import pytest

from sesi.terbilang import dengan_terbilang, ordinal, romawi, rupiah_terbilang, tanggal_terbilang, terbilang


@pytest.mark.parametrize("n, kata", [
    (0, "nol"),
    (1, "satu"),
    (10, "sepuluh"),
    (11, "sebelas"),
    (12, "dua belas"),
    (19, "sembilan belas"),
    (20, "dua puluh"),
    (21, "dua puluh satu"),
    (31, "tiga puluh satu"),
    (61, "enam puluh satu"),
    (100, "seratus"),
    (101, "seratus satu"),
    (111, "seratus sebelas"),
    (115, "seratus lima belas"),
    (999, "sembilan ratus sembilan puluh sembilan"),
    (1000, "seribu"),
    (1001, "seribu satu"),
    (1100, "seribu seratus"),
    (2027, "dua ribu dua puluh tujuh"),
    (2030, "dua ribu tiga puluh"),
    (11_000, "sebelas ribu"),
    (100_000, "seratus ribu"),
    (1_000_000, "satu juta"),
    (1_001_000, "satu juta seribu"),
    (2_500_000, "dua juta lima ratus ribu"),
    (1_050_000_000, "satu miliar lima puluh juta"),
    (1_000_000_000_000, "satu triliun"),
    (-5, "minus lima"),
])
def test_terbilang(n, kata):
    """Whole numbers read as the minutes write them: se- for one hundred/thousand, belas, puluh."""
    assert terbilang(n) == kata


def test_terbilang_menolak_bukan_bilangan_bulat():
    """A fraction or a boolean is a programming mistake, not silently rounded."""
    for bad in (1.5, True, "3"):
        with pytest.raises(TypeError):
            terbilang(bad)  # type: ignore[arg-type]


def test_angka_dengan_terbilang():
    """Counts in the body appear in figures and words: "61 (enam puluh satu) orang"."""
    assert dengan_terbilang(61, "orang") == "61 (enam puluh satu) orang"
    assert dengan_terbilang(0, "orang") == "0 (nol) orang"
    assert dengan_terbilang(1500) == "1.500 (seribu lima ratus)"


@pytest.mark.parametrize("n, kata", [
    (1, "kesatu"), (2, "kedua"), (3, "ketiga"), (4, "keempat"), (5, "kelima"), (6, "keenam"),
    (10, "kesepuluh"), (11, "kesebelas"), (12, "kedua belas"), (20, "kedua puluh"), (21, "kedua puluh satu"),
])
def test_ordinal(n, kata):
    """MENYEPAKATI clauses are numbered KESATU, KEDUA, ... KESEBELAS, KEDUA BELAS."""
    assert ordinal(n) == kata


def test_romawi():
    assert [romawi(n) for n in (1, 2, 3, 4, 5, 6, 9, 14, 40)] == ["I", "II", "III", "IV", "V", "VI", "IX", "XIV",
                                                                  "XL"]


@pytest.mark.parametrize("iso, kata", [
    ("2027-02-09", "Selasa tanggal sembilan bulan Februari tahun dua ribu dua puluh tujuh"),
    ("2027-02-01", "Senin tanggal satu bulan Februari tahun dua ribu dua puluh tujuh"),
    ("2027-02-11", "Kamis tanggal sebelas bulan Februari tahun dua ribu dua puluh tujuh"),
    ("2027-02-20", "Sabtu tanggal dua puluh bulan Februari tahun dua ribu dua puluh tujuh"),
    ("2027-01-31", "Minggu tanggal tiga puluh satu bulan Januari tahun dua ribu dua puluh tujuh"),
    ("2030-02-05", "Selasa tanggal lima bulan Februari tahun dua ribu tiga puluh"),
    ("2030-12-31", "Selasa tanggal tiga puluh satu bulan Desember tahun dua ribu tiga puluh"),
    ("2026-02-05", "Kamis tanggal lima bulan Februari tahun dua ribu dua puluh enam"),
])
def test_tanggal_terbilang(iso, kata):
    """The opening's date: weekday, then day, month and year in words (real Banjarmasin dates included)."""
    assert tanggal_terbilang(iso) == kata


def test_tanggal_terbilang_tanpa_hari_dan_tanggal_salah():
    assert tanggal_terbilang("2027-02-09", hari=False) == \
        "tanggal sembilan bulan Februari tahun dua ribu dua puluh tujuh"
    with pytest.raises(ValueError):
        tanggal_terbilang("9 Februari 2027")


def test_rupiah_terbilang():
    """Amounts may carry their value in words."""
    assert rupiah_terbilang(1_050_000_000) == "satu miliar lima puluh juta rupiah"
    assert rupiah_terbilang("1500000") == "satu juta lima ratus ribu rupiah"
    assert rupiah_terbilang("1500.50") == "seribu lima ratus rupiah lima puluh sen"
    assert rupiah_terbilang(0) == "nol rupiah"
