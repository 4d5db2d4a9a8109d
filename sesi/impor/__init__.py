"""Importing files of usulan, peserta, kriteria and skor, as spreadsheet users actually produce them.

The public API (the CLI and the Impor screen call only these; docs/impor.md is the user's side):

- `pratinjau(path, jenis, lembar=None, *, store=None, pemetaan=None, terima_saran=False, ...) -> Pratinjau`:
  header, three rows, proposed mapping, unmapped required columns, problems and suggestions; changes nothing;
- `impor(store, jenis, path, *, lembar=None, pemetaan=None, terima_saran=False, bidang="", bidang_baru=(),
  kelompok="", jenis_usulan="") -> HasilImpor` (raises `DataDitolak` listing every problem by file, sheet,
  row and column; a refused file changes nothing); every choice reaches the kind as one `OpsiImpor`;
- `pilihan_asing(jenis, **pilihan) -> str`: the sentence refusing an option another kind takes ("" if none);
- `templat(jenis, data=None) -> bytes`: an .xlsx to hand out (write it with `sesi.berkas.tulis_keluaran`);
- `atur_skpd_bidang(tx, skpd, bidang)`, `tabel_skpd_bidang(data)`, `pemetaan_tersimpan(data, jenis)`;
- `JENIS` (the kinds) and `KOLOM` (columns per kind: name -> required).

Modules, one job each:

- `sumber`: a file (CSV, xlsx, xls, ods) -> sheets of rows of cells (bounded);
- `berkas_csv`: a CSV file's bytes -> rows (encoding detection, delimiter, quoting);
- `tabel`: one sheet's rows -> `TabelBerkas` of named columns (header row found, titles, column-number,
  JUMLAH and signature rows skipped; row numbers as a spreadsheet shows them);
- `pemetaan`: the session's remembered column mappings and SKPD-to-bidang table;
- `cocok`: desa/kelurahan, SKPD and bidang names matched to the session's (`sesi.nama`), with suggestions;
- `templat`: workbooks to hand out, with dropdowns from the session;
- `nilai`: cell values the actions do not read themselves (yes/no);
- `laporan`: problems placed by row and column, listed in file order, limited to `BATAS_MASALAH`;
- `jenis`: what a kind is (`JenisImpor`) and the transaction view the kinds write through;
- `usulan`, `peserta`, `kriteria`, `skor`: one kind each, its columns and how its rows are applied; the
  rules themselves stay in the actions (`sesi.usulan`, `sesi.pendaftaran`, `sesi.persiapan`, `sesi.kriteria`,
  `sesi.skor`);
- `alur`: the one flow (read, check everything in one transaction, all or nothing, one history entry).
"""

from .alur import JENIS, KOLOM, SEMUA, HasilImpor, Pratinjau, Saran, impor, pilihan_asing, pratinjau
from .berkas_csv import BATAS_UKURAN
from .jenis import JenisImpor, OpsiImpor
from .laporan import BATAS_MASALAH
from .pemetaan import atur_skpd_bidang, pemetaan_tersimpan, tabel_skpd_bidang
from .sumber import baca_sumber
from .tabel import BarisBerkas, TabelBerkas
from .templat import templat

__all__ = ["BATAS_MASALAH", "BATAS_UKURAN", "JENIS", "KOLOM", "SEMUA", "BarisBerkas", "HasilImpor", "JenisImpor",
           "OpsiImpor", "Pratinjau", "Saran", "TabelBerkas", "atur_skpd_bidang", "baca_sumber", "impor",
           "pemetaan_tersimpan", "pilihan_asing", "pratinjau", "tabel_skpd_bidang", "templat"]
