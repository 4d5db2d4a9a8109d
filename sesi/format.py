"""Indonesian number, money and date formats, both ways."""

from __future__ import annotations

import re
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

BULAN = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
         "November", "Desember"]
HARI = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]

_ID_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$")  # 1.500.000 or 1.500.000,50
_ID_DECIMAL = re.compile(r"^[+-]?\d+,\d+$")  # 1,5
_PLAIN = re.compile(r"^[+-]?\d+(\.\d+)?$")  # 1500000 or 1.5
_EN_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")  # 1,500,000.50


def parse_angka(text: str) -> Decimal:
    """A number as spreadsheet users type it: 1500000, 1.500.000, 1.500.000,50, 1,5, Rp 1.500.000.

    A lone dot followed by exactly three digits (1.500) is read as thousands, as Indonesian Excel
    writes it. Raises ValueError with an Indonesian message.
    """
    s = text.strip().replace("\u00a0", "").replace(" ", "")
    s = re.sub(r"^(?i:rp\.?)", "", s)
    s = re.sub(r",-$", "", s)  # "Rp 1.500.000,-" as written on forms
    if not s:
        raise ValueError("kosong")
    if _ID_THOUSANDS.match(s):
        s = s.replace(".", "").replace(",", ".")
    elif _ID_DECIMAL.match(s):
        s = s.replace(",", ".")
    elif _EN_THOUSANDS.match(s) and s.count(",") >= 2:
        s = s.replace(",", "")
    elif not _PLAIN.match(s):
        raise ValueError(f"'{text.strip()}' bukan angka")
    try:
        d = Decimal(s)
    except InvalidOperation:
        raise ValueError(f"'{text.strip()}' bukan angka") from None
    if not d.is_finite():
        raise ValueError(f"'{text.strip()}' bukan angka")
    return d


def angka(value: Decimal | int | None, desimal: int | None = None) -> str:
    """1500000 -> '1.500.000'; 1.5 -> '1,5'. With `desimal`, exactly that many decimals, halves rounded up."""
    if value is None or value == "":
        return ""
    d = Decimal(str(value))
    if desimal is not None:
        d = d.quantize(Decimal(1).scaleb(-desimal), rounding=ROUND_HALF_UP)
    sign = "-" if d < 0 else ""
    d = abs(d)
    text = format(d, "f")
    whole, _, frac = text.partition(".")
    frac = frac.rstrip("0") if desimal is None else frac
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    out = sign + ".".join(groups)
    return out + ("," + frac if frac else "")


def rupiah(value: Decimal | int | str | None) -> str:
    """'Rp1.500.000'; sen only when present, then always two digits ('Rp1.500.000,50'); '' for unknown."""
    if value is None or value == "":
        return ""
    d = Decimal(str(value))
    return "Rp" + angka(d, 2 if d != d.to_integral_value() else None)


def tanggal_panjang(iso: str) -> str:
    """'2027-02-09' -> '9 Februari 2027' (the date in figures, as under the closing)."""
    d = date.fromisoformat(iso)
    return f"{d.day} {BULAN[d.month - 1]} {d.year}"


def nama_hari(iso: str) -> str:
    return HARI[date.fromisoformat(iso).weekday()]


def tanggal_lengkap(iso: str) -> str:
    """'2027-02-09' -> 'Selasa, 9 Februari 2027': how a date typed in any form is shown back."""
    return f"{nama_hari(iso)}, {tanggal_panjang(iso)}"


def jam(iso_waktu: str) -> str:
    """'2027-02-09T08:15:03' -> '08.15' (Indonesian time with a dot)."""
    if len(iso_waktu) >= 16:
        return iso_waktu[11:13] + "." + iso_waktu[14:16]
    return iso_waktu


def kalimat(text: str) -> str:
    """User text closing a sentence: one final period, never two ("Budi Santoso, S.T." stays as it is; a
    trailing ; or , becomes the period)."""
    t = text.rstrip().rstrip(";,").rstrip()
    return t if t.endswith((".", "!", "?")) else t + "."
