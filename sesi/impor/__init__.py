"""Importing files of usulan, peserta, kriteria and skor, as spreadsheet users actually produce them.

The public API: `impor(store, jenis, path) -> HasilImpor` (raises `DataDitolak` listing every problem by
file, row and column; a refused file changes nothing), `JENIS` (the kinds) and `KOLOM` (columns per kind:
name -> required). The format is in docs/csv.md.

Modules, one job each:

- `berkas_csv`: a CSV file's bytes -> rows (size limit, encoding, delimiter, quoting);
- `tabel`: rows -> `TabelBerkas` of named columns (header names and aliases, row numbers as a spreadsheet
  shows them); a workbook reader will produce the same rows;
- `nilai`: cell values the actions do not read themselves (yes/no);
- `laporan`: problems placed by row and column, listed in file order, limited to `BATAS_MASALAH`;
- `jenis`: what a kind is (`JenisImpor`) and the transaction view the kinds write through;
- `usulan`, `peserta`, `kriteria`, `skor`: one kind each, its columns and how its rows are applied; the
  rules themselves stay in the actions (`sesi.usulan`, `sesi.pendaftaran`, `sesi.persiapan`, `sesi.skor`);
- `alur`: the one flow (read, check everything in one transaction, all or nothing, one history entry).
"""

from .alur import JENIS, KOLOM, SEMUA, HasilImpor, impor
from .berkas_csv import BATAS_UKURAN, baca_csv
from .jenis import JenisImpor
from .laporan import BATAS_MASALAH
from .tabel import BarisBerkas, TabelBerkas

__all__ = ["BATAS_MASALAH", "BATAS_UKURAN", "JENIS", "KOLOM", "SEMUA", "BarisBerkas", "HasilImpor", "JenisImpor",
           "TabelBerkas", "baca_csv", "impor"]
