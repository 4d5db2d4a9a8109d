"""The one import flow, shared by every kind: read the whole file, check every row, then all or nothing.

`impor(store, jenis, path) -> HasilImpor`. In order:

1. read the file into a `TabelBerkas` (`berkas_csv.baca_csv`); a file-level problem raises `DataDitolak`;
2. in one store transaction, the kind's `isi` checks every row and applies the good ones, noting every
   problem in a `Laporan`;
3. any problem: `DataDitolak` listing them (file, row, column), the transaction is abandoned and the
   session file is unchanged byte for byte; none: one history entry for the whole file, one revision.

docs/csv.md ("Seluruh berkas diperiksa dahulu") and docs/keandalan.md (CSV rows) describe what the user sees.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from ..errors import DataDitolak
from ..store import Store
from .berkas_csv import baca_csv
from .jenis import JenisImpor, TanpaCatat
from .kriteria import IMPOR_KRITERIA
from .laporan import Laporan
from .peserta import IMPOR_PESERTA
from .skor import IMPOR_SKOR
from .tabel import TabelBerkas
from .usulan import IMPOR_USULAN

#: Every kind, by name, in the order menus list them.
SEMUA: dict[str, JenisImpor] = {j.nama: j for j in (IMPOR_USULAN, IMPOR_PESERTA, IMPOR_KRITERIA, IMPOR_SKOR)}
JENIS = tuple(SEMUA)
#: Columns per kind: name -> required.
KOLOM: dict[str, dict[str, bool]] = {j.nama: j.kolom for j in SEMUA.values()}


@dataclass
class HasilImpor:
    """What an import did."""

    jenis: str
    berkas: str
    jumlah: int  # rows imported
    ringkasan: str  # one Indonesian line for stdout
    id: list[str] = field(default_factory=list)  # ids of the records added (usulan, peserta, kriteria)
    diganti: int = 0  # skor: values that replaced a different earlier value
    kolom_diabaikan: list[str] = field(default_factory=list)
    catatan: list[str] = field(default_factory=list)  # warnings that did not stop the import


def _catatan_berkas(tabel: TabelBerkas) -> list[str]:
    """Warnings about the file itself, for every kind."""
    catatan = []
    if tabel.diabaikan:
        catatan.append(f"Kolom tidak dikenal diabaikan: {', '.join(tabel.diabaikan)}.")
    if tabel.encoding == "cp1252":
        catatan.append("Berkas dibaca sebagai cp1252 (bukan UTF-8); periksa huruf beraksen.")
    return catatan


def impor(store: Store, jenis: str, path: str | os.PathLike[str], **opsi: str) -> HasilImpor:
    """Import a whole CSV file of one kind into the session, or nothing at all. `opsi`: what the kind takes
    (kriteria: `kelompok`, `jenis_usulan`; docs/csv.md).

    Raises DataDitolak listing every problem (file, row, column) when the file cannot be imported.
    """
    if jenis not in SEMUA:
        raise DataDitolak(f"Jenis impor '{jenis}' tidak dikenal (pilihan: {', '.join(JENIS)}).")
    j = SEMUA[jenis]
    opsi = {k: v for k, v in opsi.items() if v}
    asing = [k for k in opsi if k not in j.opsi]
    if asing:
        raise DataDitolak(f"Impor {jenis} tidak mengenal pilihan {', '.join(asing)}.")
    kolom, alias = j.kolom_sesi(store.data) if j.kolom_sesi is not None else (j.kolom, j.alias)
    tabel = baca_csv(path, jenis, kolom, alias)
    lap = Laporan(tabel, j.label)
    with store.transaksi() as tx:
        ids, info = j.isi(TanpaCatat(tx), tabel, lap, **opsi)
        lap.tolak(jenis, tx.data.kelurahan_nama)
        lama, baru = j.riwayat(ids, info)
        tx.catat(f"impor {jenis}", tabel.nama, lama, baru)
    teks, catatan = j.ringkasan(tabel, ids, info)
    catatan += _catatan_berkas(tabel)
    return HasilImpor(jenis=jenis, berkas=tabel.nama, jumlah=len(ids), ringkasan=" ".join([teks, *catatan]),
                      id=ids if jenis != "skor" else [], diganti=len(info.get("diganti", {})),
                      kolom_diabaikan=list(tabel.diabaikan), catatan=catatan)
