"""Amounts and volumes as people type them are read exactly (sesi.angka, docs/impor.md "Angka"): a property
test formats random amounts in every accepted style and reads them back; ambiguous values are refused
naming both readings."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sesi.angka import AngkaSalah, amati, baca_uang, baca_volume


def ribuan(n: int, sep: str) -> str:
    s = f"{n:,}"
    return s.replace(",", sep)


GAYA = {
    "polos": lambda n, sen: f"{n}" + (f".{sen:02d}" if sen else ""),
    "indonesia": lambda n, sen: ribuan(n, ".") + (f",{sen:02d}" if sen else ""),
    "inggris": lambda n, sen: ribuan(n, ",") + (f".{sen:02d}" if sen else ""),
    "rp": lambda n, sen: "Rp " + ribuan(n, ".") + (f",{sen:02d}" if sen else ""),
    "rp_titik": lambda n, sen: "Rp. " + ribuan(n, ".") + (f",{sen:02d}" if sen else ",00"),
    "rp_nbsp": lambda n, sen: "Rp\u00a0" + ribuan(n, ".") + (f",{sen:02d}" if sen else ""),
    "strip": lambda n, sen: "Rp" + ribuan(n, ".") + (f",{sen:02d}" if sen else ",-"),
    "spasi_nbsp": lambda n, sen: ribuan(n, "\u00a0") + (f",{sen:02d}" if sen else ""),
}


@given(n=st.integers(min_value=0, max_value=10**15), sen=st.integers(min_value=0, max_value=99),
       gaya=st.sampled_from(sorted(GAYA)))
def test_jumlah_acak_dalam_setiap_gaya_terbaca_tepat(n, sen, gaya):
    teks = GAYA[gaya](n, sen)
    assert baca_uang(teks) == Decimal(n) + Decimal(sen) / 100, teks


@given(juta=st.integers(min_value=1, max_value=99_999), gaya=st.sampled_from(["juta", "jt", "M", "rb"]))
def test_pengali_terbaca_tepat(juta, gaya):
    """`1,05 M`, `1,5 juta`, `750 rb`: the number before the word with at most two decimals."""
    bulat, pecahan = divmod(juta, 100)
    teks = f"{bulat},{pecahan:02d} {gaya}" if pecahan else f"{bulat} {gaya}"
    kali = {"juta": 10**6, "jt": 10**6, "M": 10**9, "rb": 10**3}[gaya]
    assert baca_uang(teks) == Decimal(juta) * kali / 100


@pytest.mark.parametrize("teks", ["", "-", "Rp -", "Rp-", " Rp  - "])
def test_tanpa_biaya(teks):
    assert baca_uang(teks) is None


def test_tiga_angka_sesudah_pemisah_adalah_ribuan_dalam_uang():
    assert baca_uang("750,000") == 750000
    assert baca_uang("750.000") == 750000
    assert baca_uang("1,05 M") == 1_050_000_000


def test_angka_sel_lembar_kerja_apa_adanya():
    assert baca_uang(1050000000.0) == 1050000000
    assert baca_volume(1.123) == (Decimal("1.123"), "")


def test_volume_dengan_satuan():
    assert baca_volume("700 m") == (700, "m")
    assert baca_volume("1 paket") == (1, "paket")
    assert baca_volume("1,5 km") == (Decimal("1.5"), "km")


def test_volume_dua_bacaan_ditolak_kecuali_kolom_menentukan():
    with pytest.raises(AngkaSalah) as e:
        baca_volume("1,500")
    assert str(e.value) == "'1,500' dapat berarti 1,5 (pecahan) atau 1.500 (ribuan); tulis 1,5 atau 1500 agar jelas."
    # The column's other values decide: "2,75" shows the comma is the decimal point there.
    assert baca_volume("1,500", amati(["2,75", "1,500"])) == (Decimal("1.500"), "")
    assert baca_volume("1,500", amati(["2.75", "1,500"])) == (1500, "")


@pytest.mark.parametrize("teks", ["abc", "1.2.3", "12,34,5", "1,5 kilo", "x" * 200])
def test_bukan_angka_ditolak_dengan_pesan(teks):
    with pytest.raises(AngkaSalah):
        baca_uang(teks)
