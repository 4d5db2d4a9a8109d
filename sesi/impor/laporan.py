"""Problems found in an import file, each placed by file, row and column, reported all at once.

A problem reads "usulan.csv baris 7, kolom prioritas_kelurahan: harus bilangan bulat, bukan 'satu'.", in
file order (row, then column). The actions (`sesi.usulan`, ...) write messages that start with the field's
label ("Prioritas kelurahan harus ..."); `Laporan.kolom_dari` maps that label to the column through the
kind's `label` list, so the rules stay in the actions. At most `BATAS_MASALAH` problems are listed, the rest
counted (docs/impor.md, "Bentuk pesan kesalahan").
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable


from ..errors import DataDitolak
from ..masukan import pendekkan_kutipan

if TYPE_CHECKING:
    from .tabel import BarisBerkas, TabelBerkas

BATAS_MASALAH = 50
#: After the field's name, these words start a sentence that reads well after "kolom x:".
_PREDIKAT = ("harus ", "wajib ", "tidak boleh ", "terlalu ", "paling ", "hanya ")


def batasi(masalah: list[str]) -> list[str]:
    """The first `BATAS_MASALAH` problems, and a line counting the others."""
    if len(masalah) <= BATAS_MASALAH:
        return masalah
    return masalah[:BATAS_MASALAH] + [f"... dan {len(masalah) - BATAS_MASALAH} masalah lain."]


class Laporan:
    """Problems found in one file, each placed by row and column; listed in file order.

    `label`: how the actions name a field at the start of their messages -> the column (longest first)."""

    def __init__(self, tabel: TabelBerkas, label: list[tuple[str, str]]):
        self.tabel = tabel
        self.label = label
        self._daftar: list[tuple[int, int, int, int, str]] = []  # (sheet, row, column, arrival, text)
        self.kolom_salah: set[str] = set()
        #: Close names offered for unknown ones: (column, value as written) -> (suggestion, row numbers).
        self.saran: dict[tuple[str, str], tuple[str, list[str]]] = {}

    @property
    def daftar(self) -> list[str]:
        return [t for *_, t in sorted(self._daftar)]

    def tambah(self, baris: BarisBerkas | None, kolom: str | None, pesan: str) -> None:
        """Note a problem of the file (`baris` None), of a row, or of one cell (placed in its sheet)."""
        t = (baris.tabel if baris is not None and baris.tabel is not None else self.tabel)
        n = len(self._daftar)
        pesan = pendekkan_kutipan(pesan)  # values quoted as written: a huge cell shows as its start
        if baris is None:
            self._daftar.append((-1, 0, 0, n, f"{t.nama}: {pesan}"))
        elif kolom and kolom in t.judul:
            self.kolom_salah.add(kolom)
            self._daftar.append((t.urut, baris.nomor, t.posisi[kolom], n,
                                 f"{t.nama} baris {baris.nomor}, kolom {t.judul[kolom]}: {pesan}"))
        else:
            self._daftar.append((t.urut, baris.nomor, -1, n, f"{t.nama} baris {baris.nomor}: {pesan}"))

    def sarankan(self, baris: BarisBerkas, kolom: str, nilai: str, saran: str, pesan: str) -> None:
        """Note an unknown name with a close known one: a problem unless the user accepts the suggestion."""
        self.tambah(baris, kolom, pesan)
        t = baris.tabel or self.tabel
        where = f"{t.nama} baris {baris.nomor}"
        _, rows = self.saran.setdefault((kolom, nilai), (saran, []))
        if len(rows) < 20:
            rows.append(where)

    def kolom_dari(self, pesan: str) -> tuple[str | None, str]:
        """Which column an action's message is about, and the message as it reads after 'kolom x:'."""
        for label, kolom in self.label:
            if pesan.startswith(label + " "):
                rest = pesan[len(label) + 1:]
                if rest.startswith(_PREDIKAT):
                    return kolom, rest
                return kolom, pesan
        return None, pesan

    def dari_galat(self, baris: BarisBerkas, e: DataDitolak) -> str | None:
        """Note an action's refusal at the column its message names; returns that column."""
        kolom, pesan = self.kolom_dari(e.pesan)
        self.tambah(baris, kolom, pesan)
        return kolom

    def tolak(self, jenis: str, kelurahan: dict[str, str] | None = None) -> None:
        """Raise DataDitolak listing every problem noted (nothing when there is none)."""
        if not self._daftar:
            return
        masalah = batasi(self.daftar)
        if "kelurahan" in self.kolom_salah and kelurahan:
            masalah.append(f"Kelurahan yang dikenal di sesi ini: {', '.join(kelurahan.values())}.")
        if self.saran:
            masalah.append(f"{len(self.saran)} nama mempunyai saran; terima semuanya dengan --terima-saran "
                           "(atau Enter pada tiap saran di layar Impor), atau perbaiki berkasnya.")
        raise DataDitolak(f"Impor {jenis} dari {self.tabel.nama} ditolak: {len(self.daftar)} masalah "
                          "ditemukan; tidak ada data yang diubah.", masalah=masalah)


def semua_galat(laporan: Laporan, baris: BarisBerkas, fn: Callable[[dict[str, Any]], Any],
                nilai: dict[str, Any], pengganti: dict[str, Any]) -> Any:
    """Call a record check; on each refusal note it and retry with that field replaced by a harmless
    value, so one pass names every bad field of the row. Returns the record, or None if any was bad."""
    nilai = dict(nilai)
    salah = False
    diganti: set[str] = set()
    for _ in range(len(nilai) + 1):
        try:
            rec = fn(nilai)
        except DataDitolak as e:
            kolom, _ = laporan.kolom_dari(e.pesan)
            if salah and kolom in diganti:
                return None  # caused by a replacement value, not by the file
            salah = True
            laporan.dari_galat(baris, e)
            if kolom is None or kolom not in pengganti or kolom in diganti:
                return None
            nilai[kolom] = pengganti[kolom]
            diganti.add(kolom)
            continue
        return None if salah else rec
    return None
