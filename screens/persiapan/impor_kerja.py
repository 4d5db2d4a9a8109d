"""The import's two calls into the domain (`sesi.impor.pratinjau` and `sesi.impor.impor`, docs/impor.md),
run in thread workers by the Impor part (screens/persiapan/impor.py): the user's choices for one file
(`Pilihan`) in, a preview (`Pratinjau`) or a report (`LaporanImpor`) out. Nothing here touches a widget.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

from sesi.errors import SesiError
from sesi.impor import KOLOM, Pratinjau


@dataclass
class LaporanImpor:
    """What the CLI would print: the first line, notes (skipped rows, ...), and the problems (empty when it
    went through)."""

    ok: bool
    judul: str
    masalah: list[str]
    rincian: list[str] = field(default_factory=list)
    baru: int = 0
    diperbarui: int = 0
    ganda: int = 0


def laporan_dari(hasil: Any = None, galat: SesiError | None = None) -> LaporanImpor:
    if galat is not None:
        masalah = list(getattr(galat, "masalah", None) or [])
        if masalah == [galat.pesan]:
            masalah = []
        return LaporanImpor(False, galat.pesan, masalah)
    catatan = list(hasil.catatan)
    judul = hasil.ringkasan
    ekor = " ".join(catatan)
    if catatan and judul.endswith(ekor):  # the summary sentence, the notes listed one a line below it
        judul = judul[: -len(ekor)].rstrip()
    return LaporanImpor(True, judul, [], catatan, hasil.baru, hasil.diperbarui, hasil.ganda)


@dataclass(frozen=True)
class Pilihan:
    """What the user chose for one file on the preview (the arguments of `pratinjau` and `impor`)."""

    lembar: str | None = None
    pemetaan: dict[str, str] = field(default_factory=dict)
    terima_saran: frozenset[tuple[str, str]] = frozenset()
    bidang: str = ""

    def argumen(self) -> dict[str, Any]:
        return {"lembar": self.lembar, "pemetaan": dict(self.pemetaan) or None,
                "terima_saran": set(self.terima_saran), "bidang": self.bidang}


def jalankan_impor(store: Any, jenis: str, path: str, pilihan: Pilihan | None = None) -> LaporanImpor:
    """Run the import (in a worker thread: no widget may be touched here)."""
    from sesi.impor import impor

    try:
        return laporan_dari(hasil=impor(store, jenis, path, **(pilihan or Pilihan()).argumen()))
    except SesiError as e:
        return laporan_dari(galat=e)


def buat_pratinjau(store: Any, jenis: str, path: str, pilihan: Pilihan) -> Pratinjau:
    """The preview (in a worker thread). `pratinjau` reports file problems in `masalah`; an unreadable
    session or path is reported the same way."""
    from sesi.impor import pratinjau

    try:
        return pratinjau(path, jenis, store=store, **pilihan.argumen())
    except (SesiError, OSError, ValueError) as e:
        return Pratinjau(jenis=jenis, berkas=os.path.basename(path), kolom=dict(KOLOM[jenis]),
                         masalah=[getattr(e, "pesan", None) or str(e)])
