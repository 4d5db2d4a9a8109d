"""Numbers, amounts, ordinals and dates in Indonesian words, as official minutes write them.

    terbilang(2027)                  -> "dua ribu dua puluh tujuh"
    dengan_terbilang(61, "orang")    -> "61 (enam puluh satu) orang"
    ordinal(3)                       -> "ketiga"           (KETIGA in a MENYEPAKATI clause)
    tanggal_terbilang("2027-02-09")  -> "Selasa tanggal sembilan bulan Februari tahun dua ribu dua puluh tujuh"
    rupiah_terbilang(1_050_000_000)  -> "satu miliar lima puluh juta rupiah"
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from .format import BULAN, HARI, angka

_SATUAN = ["nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh",
           "sebelas"]
#: Powers of a thousand, from the largest.
_RIBUAN = [(10**12, "triliun"), (10**9, "miliar"), (10**6, "juta"), (10**3, "ribu")]


def _ratusan(n: int) -> list[str]:
    """Words of 1..999."""
    words: list[str] = []
    ratus, sisa = divmod(n, 100)
    if ratus == 1:
        words.append("seratus")
    elif ratus:
        words += [_SATUAN[ratus], "ratus"]
    if sisa < 12:
        if sisa:
            words.append(_SATUAN[sisa])
    elif sisa < 20:
        words += [_SATUAN[sisa - 10], "belas"]
    else:
        puluh, satu = divmod(sisa, 10)
        words += [_SATUAN[puluh], "puluh"]
        if satu:
            words.append(_SATUAN[satu])
    return words


def terbilang(n: int) -> str:
    """An integer in words: 0 "nol", 11 "sebelas", 100 "seratus", 1000 "seribu", 1001 "seribu satu"."""
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError("terbilang memerlukan bilangan bulat")
    if n < 0:
        return "minus " + terbilang(-n)
    if n == 0:
        return "nol"
    words: list[str] = []
    for besar, nama in _RIBUAN:
        if n >= besar:
            kelompok, n = divmod(n, besar)
            if nama == "ribu" and kelompok == 1:
                words.append("seribu")
            else:
                words += [terbilang(kelompok), nama]
    if n:
        words += _ratusan(n)
    return " ".join(words)


def dengan_terbilang(n: int, satuan: str = "") -> str:
    """The figure followed by its words, as in the minutes: "61 (enam puluh satu) orang"."""
    text = f"{angka(n)} ({terbilang(n)})"
    return f"{text} {satuan}" if satuan else text


def ordinal(n: int) -> str:
    """Ordinal in words: 1 "kesatu", 2 "kedua", 11 "kesebelas", 12 "kedua belas", 20 "kedua puluh"."""
    if isinstance(n, bool) or not isinstance(n, int) or n < 1:
        raise ValueError("ordinal memerlukan bilangan bulat positif")
    return "ke" + terbilang(n)


_ROMAWI = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
           (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def romawi(n: int) -> str:
    """Roman numeral (the lampiran are numbered I, II, III, ...)."""
    if n < 1:
        raise ValueError("angka Romawi memerlukan bilangan bulat positif")
    out = []
    for nilai, huruf in _ROMAWI:
        while n >= nilai:
            out.append(huruf)
            n -= nilai
    return "".join(out)


def tanggal_terbilang(iso: str, *, hari: bool = True) -> str:
    """'2027-02-09' -> 'Selasa tanggal sembilan bulan Februari tahun dua ribu dua puluh tujuh'.

    Without `hari` the weekday is left out ('tanggal sembilan bulan ...'). Raises ValueError for a date
    that is not TTTT-BB-HH.
    """
    d = date.fromisoformat(iso)
    text = f"tanggal {terbilang(d.day)} bulan {BULAN[d.month - 1]} tahun {terbilang(d.year)}"
    return f"{HARI[d.weekday()]} {text}" if hari else text


def rupiah_terbilang(value: Decimal | int | str) -> str:
    """An amount of money in words: 1050000000 -> 'satu miliar lima puluh juta rupiah'.

    Sen (hundredths) are named after the rupiah when present: 1500,50 -> '... rupiah lima puluh sen'.
    """
    d = Decimal(str(value))
    sign = "minus " if d < 0 else ""
    d = abs(d).quantize(Decimal("0.01"))
    whole = int(d)
    sen = int((d - whole) * 100)
    text = f"{sign}{terbilang(whole)} rupiah"
    if sen:
        text += f" {terbilang(sen)} sen"
    return text


__all__ = ["terbilang", "dengan_terbilang", "ordinal", "romawi", "tanggal_terbilang", "rupiah_terbilang"]
