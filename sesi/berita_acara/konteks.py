"""What several parts of the berita acara need, computed once per document (`Konteks`).

Built by `sesi.berita_acara.dokumen` from a `Data` and passed to every part's function in `badan.py`
and `lampiran.py`: the signing state (`sesi.pengesahan.keadaan`), the final priority list per SKPD
(`sesi.pleno.daftar_prioritas`), the usulan not agreed and each usulan's place (`sesi.urutan`, which
decides them), the attendance totals (`sesi.pendaftaran.rekap`), and each kelompok's ranking
(`sesi.peringkat`, computed on first use and kept). Raises nothing itself; the functions it calls read a
loaded session.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from ..data import Data
from ..model import Usulan
from ..pendaftaran import Rekap, rekap
from ..pengesahan import Keadaan, keadaan
from ..peringkat import Peringkat, peringkat_kelompok
from ..pleno import ItemPrioritas, daftar_prioritas
from ..urutan import Nasib, nasib_usulan, tidak_disepakati


@dataclass(frozen=True)
class Konteks:
    data: Data
    sah: Keadaan
    prioritas: list[tuple[str, list[ItemPrioritas]]]  # (SKPD, its usulan in agreed order), Lampiran II
    tidak: list[tuple[Usulan, str]]  # usulan not agreed, Lampiran III
    _peringkat: dict = field(default_factory=dict)

    @classmethod
    def dari(cls, data: Data) -> Konteks:
        return cls(data, keadaan(data), daftar_prioritas(data), tidak_disepakati(data))

    def peringkat(self, kid: str) -> Peringkat:
        """The ranking of kelompok `kid`, computed once."""
        if kid not in self._peringkat:
            self._peringkat[kid] = peringkat_kelompok(self.data, kid)
        return self._peringkat[kid]

    @cached_property
    def rekap(self) -> Rekap:
        """Attendance totals (`sesi.pendaftaran.rekap`): the opening, the signatures, Lampiran I."""
        return rekap(self.data)

    @cached_property
    def nasib(self) -> dict[str, Nasib]:
        """usulan id -> where it ends up and why (`sesi.urutan.nasib_usulan`): Lampiran II, III and V."""
        return nasib_usulan(self.data)
