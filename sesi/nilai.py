"""Numbers kept exact: scores (whole or half steps) and money/volume as Decimal, as stored and as shown.

Shapes: a stored score is an int or a decimal text ("7.5"); money and volume are stored as plain decimal
text without exponent ("1500000", "1.5"). Rules: docs/tata-cara.md (skala and langkah 0,5).
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Any


# --- score values ---------------------------------------------------------------------------------

def nilai_angka(value: int | str) -> int | Fraction:
    """A stored score (an int, or a decimal text such as "7.5" for a half step) as an exact number."""
    if isinstance(value, int):
        return value
    f = Fraction(value)
    return f.numerator if f.denominator == 1 else f


def nilai_simpan(value: int | Fraction) -> int | str:
    """An exact score as stored: an int when whole, else its decimal text ("7.5")."""
    f = Fraction(value)
    if f.denominator == 1:
        return f.numerator
    return decimal_text(Decimal(f.numerator) / Decimal(f.denominator))


def teks_nilai_skor(value: int | Fraction | None) -> str:
    """A score as people write it: "7", "7,5"; "" for none."""
    if value is None:
        return ""
    f = Fraction(value)
    if f.denominator == 1:
        return str(f.numerator)
    return decimal_text(Decimal(f.numerator) / Decimal(f.denominator)).replace(".", ",")


# --- numbers kept exact ---------------------------------------------------------------------------

def to_decimal(value: Any) -> Decimal | None:
    """A stored number (string, int) as Decimal; None for empty."""
    if value is None or value == "":
        return None
    return Decimal(str(value))


def decimal_text(value: Decimal | None) -> str:
    """Decimal as a plain string for storage ("1500000", "1.5"), never with an exponent."""
    if value is None:
        return ""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"
