"""Indonesian numbers, money and dates as spreadsheet users type them and as the minutes print them."""

from __future__ import annotations

from decimal import Decimal

import pytest

from sesi.format import angka, jam, nama_hari, parse_angka, rupiah, tanggal_panjang


@pytest.mark.parametrize("teks,nilai", [
    ("1500000", "1500000"),
    ("1.500.000", "1500000"),
    ("1.500.000,50", "1500000.50"),
    ("1,5", "1.5"),
    ("Rp 1.500.000", "1500000"),
    ("Rp. 1.500.000", "1500000"),
    ("rp1.500.000,-", "1500000"),
    ("1.500", "1500"),  # a lone dot before three digits is a thousands separator, as Indonesian Excel writes
    ("1.5", "1.5"),
    ("1,500,000", "1500000"),
    ("\u00a01 500 000 ", "1500000"),
    ("-2,5", "-2.5"),
])
def test_angka_seperti_diketik_pengguna_lembar_kerja(teks, nilai):
    """Amounts typed the Indonesian way (dots for thousands, comma for decimals, Rp) read as exact numbers."""
    assert parse_angka(teks) == Decimal(nilai)


@pytest.mark.parametrize("teks", ["", "Rp", "abc", "1..5", "1.50.000", "1e5", "nan", "Infinity", "12,5%",
                                  "satu juta"])
def test_bukan_angka_ditolak_dengan_pesan(teks):
    """Anything that is not a number is refused with a message, never read as a wrong amount."""
    with pytest.raises(ValueError) as info:
        parse_angka(teks)
    assert str(info.value)


def test_angka_dengan_titik_ribuan_dan_koma_desimal():
    """Numbers are shown with dots between thousands and a decimal comma; fixed decimals round halves up."""
    assert angka(1500000) == "1.500.000"
    assert angka(Decimal("1234.50")) == "1.234,5"
    assert angka(Decimal("-1234567.25")) == "-1.234.567,25"
    assert angka(0) == "0"
    assert angka(Decimal("1E+6")) == "1.000.000"
    assert angka(Decimal("2.345"), 2) == "2,35"
    assert angka(Decimal("0.5"), 0) == "1"
    assert angka(Decimal("4"), 2) == "4,00"
    assert angka(None) == ""


def test_rupiah():
    """Money reads Rp1.500.000; sen appear only when there are any, then with two digits."""
    assert rupiah(1500000) == "Rp1.500.000"
    assert rupiah("1500000") == "Rp1.500.000"
    assert rupiah(Decimal("1500000.00")) == "Rp1.500.000"
    assert rupiah("1500000.5") == "Rp1.500.000,50"
    assert rupiah(0) == "Rp0"
    assert (rupiah(None), rupiah("")) == ("", "")


def test_angka_bolak_balik():
    """What the app prints can be typed back in and gives the same amount."""
    for d in (Decimal("1500000"), Decimal("1500000.5"), Decimal("0.75"), Decimal("999")):
        assert parse_angka(angka(d)) == d
        assert parse_angka(rupiah(d)) == d


def test_tanggal_dan_jam():
    """Dates print as '9 Februari 2027' with the day name, times as '08.15'."""
    assert tanggal_panjang("2027-02-09") == "9 Februari 2027"
    assert tanggal_panjang("2026-12-31") == "31 Desember 2026"
    assert nama_hari("2027-02-09") == "Selasa"
    assert nama_hari("2026-02-05") == "Kamis"
    assert jam("2027-02-09T08:15:03") == "08.15"
    assert jam("") == ""
