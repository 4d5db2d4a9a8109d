"""Criteria sets: which criteria score an usulan (issue 14; docs/tata-cara.md section 4).

The session has a default set ("", ""). A kelompok may have its own set (kelompok id, ""), and a set may be
chosen per jenis usulan, for every kelompok ("", "fisik") or within one (kelompok id, "non-fisik"). The set
of an usulan is the most specific that exists, in this order (`set_untuk`, the one function every
screen, ranking, import and export uses):

1. its kelompok and its jenis;
2. its kelompok (any jenis);
3. its jenis (any kelompok);
4. the session's default set.

The criteria are the records of the `kriteria` table, each naming its set (`Kriteria.kelompok`,
`Kriteria.jenis`); a score names its criterion by code, read in the set of its usulan.
"""

from __future__ import annotations

from dataclasses import dataclass

from .data import Data
from .model import JENIS_USULAN, Kriteria, Usulan

BAWAAN: tuple[str, str] = ("", "")


@dataclass(frozen=True)
class SetKriteria:
    """One criteria set: its scope and its criteria in their order."""

    kelompok: str  # kelompok id, "" = every kelompok
    jenis: str  # "fisik", "non-fisik", "" = every jenis
    kriteria: tuple[Kriteria, ...]

    @property
    def kunci(self) -> tuple[str, str]:
        return (self.kelompok, self.jenis)

    @property
    def bawaan(self) -> bool:
        return self.kunci == BAWAAN

    def kriteria_dari_kode(self, kode: str) -> Kriteria | None:
        for k in self.kriteria:
            if k.kode == kode:
                return k
        return None

    @property
    def kode(self) -> list[str]:
        return [k.kode for k in self.kriteria]


def nama_set(data: Data, kunci: tuple[str, str]) -> str:
    """The set's name as the minutes write it: "set bawaan sesi", "usulan fisik", "Kelompok Sosial Budaya,
    usulan non-fisik"."""
    kelompok, jenis = kunci
    bagian = []
    if kelompok:
        kel = data.kelompok_dari_id(kelompok)
        bagian.append(f"Kelompok {kel.nama if kel else kelompok}")
    if jenis:
        bagian.append(f"usulan {JENIS_USULAN.get(jenis, jenis).lower()}")
    return ", ".join(bagian) if bagian else "set bawaan sesi"


def semua_set(data: Data) -> dict[tuple[str, str], SetKriteria]:
    """Every set the session defines, by (kelompok, jenis); the default set first (it may be empty)."""
    def build() -> dict[tuple[str, str], SetKriteria]:
        per: dict[tuple[str, str], list[Kriteria]] = {BAWAAN: []}
        for k in data.records("kriteria").values():
            per.setdefault(k.set_kunci, []).append(k)
        return {kunci: SetKriteria(kunci[0], kunci[1], tuple(ks)) for kunci, ks in per.items()}
    return data._cached("set_kriteria", ("kriteria",), build)


def pilih_kunci(ada: object, kelompok: str, jenis: str) -> tuple[str, str]:
    """The key of the set that applies to (kelompok, jenis) among the set keys in `ada` (a container)."""
    for kunci in ((kelompok, jenis), (kelompok, ""), ("", jenis)):
        if kunci != BAWAAN and kunci in ada:
            return kunci
    return BAWAAN


def set_untuk(data: Data, kelompok: str, jenis: str) -> SetKriteria:
    """The criteria set that scores an usulan of this kelompok and jenis (see the module's order)."""
    sets = semua_set(data)
    return sets[pilih_kunci(sets, kelompok, jenis)]


def set_per_usulan(data: Data) -> dict[str, SetKriteria]:
    """usulan id -> its criteria set (`set_untuk` of its kelompok and jenis), once per revision."""
    def build() -> dict[str, SetKriteria]:
        sets = semua_set(data)
        kel = data.kelompok_usulan
        return {uid: sets[pilih_kunci(sets, kel.get(uid, ""), u.jenis)] for uid, u in data.usulan.items()}
    return data._cached("set_per_usulan", ("kriteria", "usulan", "kelompok"), build)


def set_usulan(data: Data, u: Usulan | str) -> SetKriteria:
    """The criteria set of one usulan (by record or id)."""
    uid = u if isinstance(u, str) else u.id
    s = set_per_usulan(data).get(uid)
    if s is None:  # an usulan record not in this revision
        assert not isinstance(u, str), uid
        return set_untuk(data, data.kelompok_usulan.get(uid, ""), u.jenis)
    return s


def kriteria_usulan(data: Data, u: Usulan | str) -> tuple[Kriteria, ...]:
    return set_usulan(data, u).kriteria


def set_dipakai(data: Data, kelompok: str | None = None) -> list[SetKriteria]:
    """The sets that score at least one usulan (of one kelompok, or of any), in the order sets are
    defined (default first); for Lampiran VI and the Skoring screen's columns."""
    usulan = data.usulan_kelompok(kelompok) if kelompok is not None else list(data.usulan.values())
    dipakai = {set_usulan(data, u).kunci for u in usulan}
    return [s for kunci, s in semua_set(data).items() if kunci in dipakai]
