"""Old import path of `sesi.impor`, kept so `screens/persiapan_impor.py` and the tests that import
`sesi.csv_import` keep working; new code imports `sesi.impor`."""

from .impor import BATAS_MASALAH, JENIS, KOLOM, HasilImpor, impor

__all__ = ["BATAS_MASALAH", "JENIS", "KOLOM", "HasilImpor", "impor"]
