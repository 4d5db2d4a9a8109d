"""Reading amounts and volumes as people type them in spreadsheets, never misread (docs/impor.md, "Angka").

Input: a cell value as a reader gives it: text (CSV, or text typed in a workbook cell), or a real number
(`int`, `float`, `Decimal` from a workbook's numeric cell, read exactly, no locale guessing). Output:
`Decimal` (rupiah for money, the unit's count for a volume) or None for "no value".

Money (`baca_uang`), in rupiah:
- `1500000`, `1.500.000`, `1,500,000`, `1.500.000,50`, `1,500,000.50`; a comma or dot followed by exactly
  three digits is a thousands separator ("750,000" is Rp750.000, never Rp750);
- `Rp`, `Rp.`, `IDR` before, NBSP and spaces around, a space or NBSP between thousands (`1 500 000`),
  `,00`, `,-` or `.-` after;
- `-`, `Rp -`, `Rp-`, `nihil` or an empty cell: no cost (None);
- a multiplier word: `1,05 M` / `miliar` / `milyar` (10^9), `1,5 juta` / `jt` (10^6), `750 rb` / `ribu`
  (10^3); the number before it reads a lone comma or dot as the decimal point when not followed by exactly
  three digits (`1,05 M` is 1.050.000.000).

Volume (`baca_volume`): a number with an optional unit after it (`700 m`, `1 paket`, `1,5 km`) ->
(number, unit). A lone separator followed by exactly three digits (`1,500`, `1.500`) fits two readings
(1,5 and 1.500); the column decides when its other values show which separator is the decimal one
(`Kolom` gathers that evidence from every value first); otherwise the value is refused naming both.

Errors: `AngkaSalah(pesan)` (a `ValueError`) with an Indonesian sentence that reads after "kolom X:".
Signs: money and volumes are never negative; a negative number, and a negative zero (`-0`, `-0,0`, a
workbook's -0.0, which compares equal to 0 but would be stored as "-0"), is refused here ("tidak boleh
negatif"), so the import names file, row and column.
Bounds: text longer than `BATAS_TEKS` characters is refused before parsing; magnitudes are checked against
`BATAS_NILAI` before any formatting (the field limits of docs/impor.md "Batas isian" are applied by the
actions afterwards).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

BATAS_TEKS = 100  # characters of a number as typed
BATAS_NILAI = Decimal(10) ** 18

_KOSONG = {"", "-", "--", "rp", "rp-", "rp.-", "idr", "nihil", "n/a", "na"}
_PENGALI = {
    "m": 10**9, "miliar": 10**9, "milyar": 10**9, "mlyr": 10**9, "t": 10**12, "triliun": 10**12,
    "juta": 10**6, "jt": 10**6, "rb": 10**3, "ribu": 10**3, "k": 10**3,
}
_RP = re.compile(r"^(?:rp\.?|idr)\s*", re.IGNORECASE)
_SPASI = re.compile(r"[\s\u00a0\u202f\u2009]+")
_ANGKA_SATUAN = re.compile(r"^([+-]?[\d.,]*\d)\s*([^\d\s].*)?$")


class AngkaSalah(ValueError):
    """A value that is not a number of the kind asked for; `str(e)` is the Indonesian message."""


@dataclass
class Kolom:
    """What a whole column's values say about its separators: which one is the decimal point.

    `desimal` is ',' or '.' when some value shows it unambiguously (e.g. `2,75`, `1.500,5`), else ''."""

    desimal: str = ""
    bukti: dict[str, int] = field(default_factory=lambda: {",": 0, ".": 0})


def _tak_negatif(d: Decimal, asli: object) -> Decimal:
    """`d` unless it carries a minus sign (a negative number or a negative zero): AngkaSalah."""
    if d.is_signed():
        raise AngkaSalah(f"tidak boleh negatif, bukan '{asli}'.")
    return d


def _teks(value: object) -> str:
    s = "" if value is None else str(value)
    if len(s) > BATAS_TEKS:
        raise AngkaSalah(f"terlalu panjang untuk sebuah angka ({len(s)} karakter).")
    return _SPASI.sub(" ", s).strip()


def _bukti(angka: str) -> str:
    """The decimal separator a number written with separators shows for sure ('' when none)."""
    koma, titik = angka.count(","), angka.count(".")
    if koma and titik:
        return "," if angka.rfind(",") > angka.rfind(".") else "."
    for sep, n in ((",", koma), (".", titik)):
        if n == 1 and not re.search(r"\%s\d{3}$" % sep, angka):
            return sep
        if n > 1:
            return "." if sep == "," else ","  # repeated: a thousands separator, so the other is decimal
    return ""


def amati(values: list[object]) -> Kolom:
    """Gather, from every text value of a column, the evidence of its decimal separator."""
    k = Kolom()
    for v in values:
        if not isinstance(v, str):
            continue
        m = re.search(r"\d[\d.,]*\d", v)
        if m and len(v) <= BATAS_TEKS:
            sep = _bukti(m.group())
            if sep:
                k.bukti[sep] += 1
    if k.bukti[","] and not k.bukti["."]:
        k.desimal = ","
    elif k.bukti["."] and not k.bukti[","]:
        k.desimal = "."
    return k


def _dari_angka(value: object) -> Decimal | None:
    """A real number from a workbook cell, exactly as the spreadsheet holds it (None if not a number)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise AngkaSalah("bukan angka yang sah.")
        return Decimal(repr(value))
    if isinstance(value, Decimal):
        return value
    return None


def _urai(angka: str, asli: str, *, uang: bool, kolom: Kolom | None) -> Decimal:
    """Digits with separators -> Decimal. `uang`: a separator before exactly three digits is thousands."""
    tanda = ""
    if angka[:1] in "+-":
        tanda, angka = angka[0], angka[1:]
    if not re.fullmatch(r"\d[\d.,]*", angka) or re.search(r"[.,]{2}", angka) or angka[-1] in ".,":
        raise AngkaSalah(f"harus angka, bukan '{asli}'.")
    koma, titik = angka.count(","), angka.count(".")
    if koma and titik:
        desimal = "," if angka.rfind(",") > angka.rfind(".") else "."
        ribuan = "." if desimal == "," else ","
        utuh, _, pecahan = angka.rpartition(desimal)
        if ribuan in pecahan or not re.fullmatch(r"\d{1,3}(\%s\d{3})*" % ribuan, utuh):
            raise AngkaSalah(f"harus angka, bukan '{asli}' (pemisah ribuan dan desimal tidak beraturan).")
        angka = utuh.replace(ribuan, "") + "." + pecahan
    elif koma or titik:
        sep = "," if koma else "."
        n = koma or titik
        tiga = bool(re.fullmatch(r"\d{1,3}(\%s\d{3})+" % sep, angka))
        if n > 1:
            if not tiga:
                raise AngkaSalah(f"harus angka, bukan '{asli}' (pemisah ribuan tidak beraturan).")
            angka = angka.replace(sep, "")
        elif not tiga:
            angka = angka.replace(sep, ".")
        elif uang:
            angka = angka.replace(sep, "")
        elif kolom is not None and kolom.desimal:
            angka = angka.replace(sep, "" if kolom.desimal != sep else ".")
        else:
            utuh, _, pecahan = angka.partition(sep)
            pecahan_id = f"{utuh},{pecahan.rstrip('0')}" if pecahan.rstrip("0") else utuh
            raise AngkaSalah(f"'{asli}' dapat berarti {pecahan_id} (pecahan) atau {utuh}.{pecahan} (ribuan); "
                             f"tulis {pecahan_id} atau {utuh}{pecahan} agar jelas.")
    try:
        d = Decimal(tanda + angka)
    except InvalidOperation:
        raise AngkaSalah(f"harus angka, bukan '{asli}'.") from None
    if abs(d) >= BATAS_NILAI:
        raise AngkaSalah(f"terlalu besar, bukan '{asli}'.")
    return d


def baca_uang(value: object, kolom: Kolom | None = None) -> Decimal | None:
    """A rupiah amount (None: no cost). Raises AngkaSalah. See the module docstring for the forms."""
    d = _dari_angka(value)
    if d is not None:
        if abs(d) >= BATAS_NILAI:
            raise AngkaSalah("terlalu besar.")
        return _tak_negatif(d, value)
    s = _teks(value)
    asli = s
    s = _RP.sub("", s).strip()
    if s.casefold() in _KOSONG:
        return None
    s = re.sub(r"\s*[,.]-$", "", s)  # "1.500.000,-"
    s = re.sub(r"(?<=\d) (?=\d{3}(?:\D|$))", "", s)  # "1 500 000" (a space or NBSP between thousands)
    m = re.fullmatch(r"([+-]?\s*[\d.,]+)\s*([a-zA-Z]+\.?)?", s)
    if not m:
        raise AngkaSalah(f"harus jumlah rupiah, bukan '{asli}'.")
    angka, kata = m.group(1).replace(" ", ""), (m.group(2) or "").rstrip(".").casefold()
    if kata:
        if kata not in _PENGALI:
            raise AngkaSalah(f"harus jumlah rupiah, bukan '{asli}' (kata '{m.group(2)}' tidak dikenal; "
                             "yang dikenal: M, miliar, juta, jt, rb, ribu).")
        # "1,05 M": a lone separator not before exactly three digits is the decimal point; "1.500 juta"
        # keeps the thousands rule.
        return _tak_negatif(_urai(angka, asli, uang=True, kolom=None) * _PENGALI[kata], asli)
    return _tak_negatif(_urai(angka, asli, uang=True, kolom=None), asli)


def baca_volume(value: object, kolom: Kolom | None = None) -> tuple[Decimal | None, str]:
    """A volume and the unit written after it ("700 m" -> (700, "m")); (None, "") when empty."""
    d = _dari_angka(value)
    if d is not None:
        if abs(d) >= BATAS_NILAI:
            raise AngkaSalah("terlalu besar.")
        return _tak_negatif(d, value), ""
    s = _teks(value)
    if s in ("", "-"):
        return None, ""
    m = _ANGKA_SATUAN.fullmatch(s)
    if not m:
        raise AngkaSalah(f"harus angka (boleh diikuti satuan, misalnya '700 m'), bukan '{s}'.")
    return _tak_negatif(_urai(m.group(1), s, uang=False, kolom=kolom), s), (m.group(2) or "").strip()


def teks_angka(d: Decimal) -> str:
    """A Decimal as text the actions read back exactly: no exponent, decimal comma ("1500000,5")."""
    t = format(d, "f")
    if "." in t:
        t = t.rstrip("0").rstrip(".")
    return t.replace(".", ",")


__all__ = ["AngkaSalah", "BATAS_NILAI", "Kolom", "amati", "baca_uang", "baca_volume", "teks_angka"]
