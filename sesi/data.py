"""A read-only view of one revision of a session, with typed records and lookups built on demand.

A `Data` never changes: a transaction builds a new one. Lookups are cached per table, and a new `Data`
reuses the caches of the one before for every table the change did not touch.
"""

from __future__ import annotations

import re
from types import MappingProxyType
from typing import Any, Iterable, Mapping

from .model import (
    RECORD_CLASS,
    Info,
    Kelompok,
    Kelurahan,
    Kriteria,
    Peserta,
    Usulan,
)

VIRTUAL_PREFIX = "bidang:"
#: Cached lookups (by key prefix) that can be patched for a revision that changed only scores.
PATCHABLE = ("peringkat:",)
#: Tables such a revision leaves as they were.
_TETAP_SAAT_SKOR = ("usulan", "kriteria", "kelompok")


def _sorted_records(table: Mapping[str, Any], cls: type) -> dict[str, Any]:
    recs = [cls.from_dict(v) for v in table.values()]
    recs.sort(key=lambda r: (getattr(r, "urutan", 0),))
    return {r.id: r for r in recs}


class Data:
    def __init__(
        self,
        raw: Mapping[str, Mapping[str, Any]],
        revisi: int,
        prev: "Data | None" = None,
        changed: Mapping[str, set[str]] | None = None,
    ):
        self.raw = raw
        self.revisi = revisi
        self._cache: dict[str, Any] = {}
        #: Results of an earlier revision that a lookup may patch instead of rebuilding, with the usulan
        #: whose scores changed since: key -> (value, usulan ids). Only when nothing but scores (and the
        #: history) changed; see `sebelumnya`.
        self._sebelum: dict[str, tuple[Any, frozenset[str]]] = {}
        if prev is not None:
            # Reuse lookups of tables this revision did not touch (same table object).
            for key, (deps, value) in prev._cache.items():
                if all(raw.get(t) is prev.raw.get(t) for t in deps):
                    self._cache[key] = (deps, value)
            # The score index is patched rather than rebuilt when only a few cells changed.
            if changed and "skor_index" in prev._cache and "skor_index" not in self._cache:
                ids = changed.get("skor", set())
                if len(ids) < 200:
                    self._cache["skor_index"] = (("skor",), _patch_skor_index(
                        prev._cache["skor_index"][1], raw.get("skor", {}), ids))
            if (changed and set(changed) <= {"skor", "riwayat"} and len(changed.get("skor", ())) < 200
                    and all(raw.get(t) is prev.raw.get(t) for t in _TETAP_SAAT_SKOR)):
                ubah = frozenset(sid.split("|", 1)[0] for sid in changed.get("skor", ()))
                for key, (value, lama) in prev._sebelum.items():  # not looked up there: still usable
                    self._sebelum[key] = (value, lama | ubah)
                for key, (deps, value) in prev._cache.items():
                    if key.startswith(PATCHABLE) and key not in self._cache:
                        self._sebelum[key] = (value, ubah)

    def sebelumnya(self, key: str) -> tuple[Any, frozenset[str]] | None:
        """The value `key` had in an earlier revision, and the usulan whose scores changed since (None
        when there is none to patch). Taken once: the caller builds this revision's value from it."""
        return self._sebelum.pop(key, None)

    def _cached(self, key: str, deps: tuple[str, ...], build):
        hit = self._cache.get(key)
        if hit is not None:
            return hit[1]
        value = build()
        self._cache[key] = (deps, value)
        return value

    # --- plain tables ---
    def records(self, table: str) -> dict[str, Any]:
        """All records of a table as typed objects, by id, in their entry order."""
        cls = RECORD_CLASS[table]
        return self._cached("rec:" + table, (table,), lambda: _sorted_records(self.raw.get(table, {}), cls))

    @property
    def info(self) -> Info:
        return self._cached("info", ("sesi",), lambda: Info.from_dict(self.raw["sesi"]["info"]))

    @property
    def peserta(self) -> dict[str, Peserta]:
        return self.records("peserta")

    @property
    def usulan(self) -> dict[str, Usulan]:
        return self.records("usulan")

    @property
    def kelurahan(self) -> list[Kelurahan]:
        return list(self.records("kelurahan").values())

    @property
    def kriteria(self) -> list[Kriteria]:
        """The session's default criteria set (other sets: `sesi.set_kriteria`)."""
        return list(self._cached("kriteria_bawaan", ("kriteria",), lambda: [
            k for k in self.records("kriteria").values() if not k.kelompok and not k.jenis]))

    def kriteria_dari_kode(self, kode: str) -> Kriteria | None:
        return self.records("kriteria").get(kode)

    # --- kelompok, defined and derived ---
    @property
    def kelompok(self) -> list[Kelompok]:
        """Defined kelompok, then one derived kelompok per bidang no defined kelompok covers."""
        def build() -> list[Kelompok]:
            defined = list(self.records("kelompok").values())
            covered = {b for k in defined for b in k.bidang}
            extra: list[Kelompok] = []
            seen: set[str] = set()
            for u in self.usulan.values():
                if u.kelompok or u.bidang in covered or u.bidang in seen:
                    continue
                seen.add(u.bidang)
                nama = u.bidang or "Tanpa bidang"
                extra.append(Kelompok(id=VIRTUAL_PREFIX + u.bidang, nama=nama, bidang=[u.bidang],
                                      urutan=10_000 + len(extra), virtual=True))
            return defined + extra
        return self._cached("kelompok", ("kelompok", "usulan"), build)

    def kelompok_dari_id(self, kid: str) -> Kelompok | None:
        for k in self.kelompok:
            if k.id == kid:
                return k
        return None

    @property
    def kelompok_usulan(self) -> dict[str, str]:
        """usulan id -> kelompok id."""
        def build() -> dict[str, str]:
            by_bidang: dict[str, str] = {}
            for k in self.kelompok:
                for b in k.bidang:
                    by_bidang.setdefault(b, k.id)
            defined = self.records("kelompok")
            out: dict[str, str] = {}
            for u in self.usulan.values():
                if u.kelompok and u.kelompok in defined:
                    out[u.id] = u.kelompok
                else:
                    out[u.id] = by_bidang.get(u.bidang, VIRTUAL_PREFIX + u.bidang)
            return out
        return self._cached("kelompok_usulan", ("kelompok", "usulan"), build)

    def usulan_kelompok(self, kid: str) -> list[Usulan]:
        """The usulan of one kelompok, in entry order."""
        groups = self._cached("usulan_per_kelompok", ("kelompok", "usulan"), self._group_usulan)
        return groups.get(kid, [])

    def _group_usulan(self) -> dict[str, list[Usulan]]:
        out: dict[str, list[Usulan]] = {}
        mapping = self.kelompok_usulan
        for u in self.usulan.values():
            out.setdefault(mapping[u.id], []).append(u)
        return out

    def anggota(self, kid: str) -> list[Peserta]:
        return [p for p in self.peserta.values() if p.kelompok == kid]

    # --- scores ---
    @property
    def skor_index(self) -> dict[tuple[str, str], Mapping[str, int]]:
        """(usulan id, kriteria kode) -> {penilai: nilai}; penilai "" is the consensus value.

        The cells are read-only mappings (one-value cells are shared between cells)."""
        return self._cached("skor_index", ("skor",), lambda: _build_skor_index(self.raw.get("skor", {})))

    def nilai_mentah(self, usulan_id: str, kode: str) -> Mapping[str, int]:
        return self.skor_index.get((usulan_id, kode), _SEL_KOSONG)

    def penilai(self) -> list[str]:
        names = {p for cell in self.skor_index.values() for p in cell if p}
        return sorted(names, key=str.casefold)

    # --- other lists ---
    def daftar(self, table: str) -> list[Any]:
        return list(self.records(table).values())

    def riwayat_terakhir(self, n: int = 1) -> list[dict[str, Any]]:
        hist = self.raw.get("riwayat", {})
        out = []
        for key in reversed(hist):
            out.append(hist[key])
            if len(out) >= n:
                break
        return out

    @property
    def kelurahan_nama(self) -> dict[str, str]:
        """casefolded name -> canonical name."""
        return self._cached("kelurahan_nama", ("kelurahan",), lambda: {normal(k.nama): k.nama for k in self.kelurahan})


def normal(text: str) -> str:
    """Compare names loosely: case, spaces and punctuation do not matter."""
    return re.sub(r"[\W_]+", " ", text.casefold()).strip()


#: Read-only cells holding one value, shared by every cell with that value: most cells hold only the
#: consensus value, so 25,000 scored cells (5,000 usulan) need a handful of these instead of 25,000
#: dicts (~5 MB).
_SEL_TUNGGAL: dict[tuple[str, int], Mapping[str, int]] = {}
_SEL_KOSONG: Mapping[str, int] = MappingProxyType({})


def _sel_tunggal(penilai: str, nilai: int) -> Mapping[str, int]:
    key = (penilai, nilai)
    cell = _SEL_TUNGGAL.get(key)
    if cell is None:
        cell = MappingProxyType({penilai: nilai})
        if len(_SEL_TUNGGAL) < 4096:
            _SEL_TUNGGAL[key] = cell
    return cell


def _sel(isi: dict[str, int]) -> Mapping[str, int]:
    """A cell for the index: read-only, and shared when it holds one value."""
    if len(isi) == 1:
        return _sel_tunggal(*next(iter(isi.items())))
    return MappingProxyType(isi)


def _build_skor_index(table: Mapping[str, Any]) -> dict[tuple[str, str], Mapping[str, int]]:
    index: dict[tuple[str, str], Mapping[str, int]] = {}
    for rec in table.values():
        key = (rec["usulan"], rec["kriteria"])
        cell = index.get(key)
        if cell is None:
            index[key] = _sel_tunggal(rec.get("penilai", ""), rec["nilai"])
        else:  # several penilai: a cell of its own
            isi = dict(cell)
            isi[rec.get("penilai", "")] = rec["nilai"]
            index[key] = MappingProxyType(isi)
    return index


def _patch_skor_index(old: dict, table: Mapping[str, Any], ids: Iterable[str]) -> dict:
    index = dict(old)
    for sid in ids:
        usulan, kode, penilai = sid.split("|", 2)
        cell = dict(index.get((usulan, kode), {}))
        rec = table.get(sid)
        if rec is None:
            cell.pop(penilai, None)
        else:
            cell[penilai] = rec["nilai"]
        if cell:
            index[(usulan, kode)] = _sel(cell)
        else:
            index.pop((usulan, kode), None)
    return index
