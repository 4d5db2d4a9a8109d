"""Cell values as spreadsheet users write them, beyond what the actions read themselves.

Numbers (`1500000`, `1.500.000`, `1.500.000,50`) are read by `sesi.format.parse_angka` inside the actions;
dates by `sesi.masukan.tanggal_iso`. Here: yes/no cells (docs/impor.md, peserta `hadir`), where an empty cell
is the column's default and anything else raises `DataDitolak` naming the field.
"""

from __future__ import annotations

from ..data import normal
from ..errors import DataDitolak
from ..pendaftaran import RENTAN_TIDAK, RENTAN_YA
from ..teks import bersih


def ya_tidak(value: str, nama_kolom: str, bawaan: bool = False) -> bool:
    """ya, y, 1, true, benar -> True; tidak, t, 0, false, bukan, - -> False (the words of
    `sesi.pendaftaran.RENTAN_YA`/`RENTAN_TIDAK`, any case); empty -> `bawaan`."""
    v = normal(value)
    if v == "":
        return bawaan
    if v in RENTAN_YA:
        return True
    if v in RENTAN_TIDAK:
        return False
    raise DataDitolak(f"{nama_kolom} harus ya atau tidak, bukan '{bersih(value)}'.")
