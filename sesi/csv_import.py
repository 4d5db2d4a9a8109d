"""Old import path of `sesi.impor`, kept so the tests that import `sesi.csv_import` keep working; new code
imports `sesi.impor` (docs/impor.md)."""

from .impor import BATAS_MASALAH, JENIS, KOLOM, HasilImpor, Pratinjau, Saran, impor, pratinjau

__all__ = ["BATAS_MASALAH", "JENIS", "KOLOM", "HasilImpor", "Pratinjau", "Saran", "impor", "pratinjau"]
