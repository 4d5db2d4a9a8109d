"""One transaction on a session: changes applied in memory, then written by the Store as one revision.

`Transaksi` is what every action in `sesi/` receives (`def aksi(tx: Transaksi, ...)`): it reads the
session as it stands inside the transaction (`tx.data`, `tx.get`, `tx.table`), replaces or deletes whole
records (`tx.put`, `tx.delete`; records are never mutated in place, so a `Data` a screen holds stays as it
was), and records history entries (`tx.catat`), which `_finish` chains by hash (`sesi/riwayat.py`).
`Pelaku` is the person at the terminal (name and role); `wajib_peran` raises `PeranTidakBerwenang`.
The Store (`sesi/store.py`) takes the lock, builds the transaction, and writes it (docs/keandalan.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any, Mapping

from . import akun as _akun
from . import riwayat
from .data import Data
from .errors import DataDitolak, PeranTidakBerwenang
from .peran import pesan_tolak
from .riwayat_ringkas import salin_tabel


# --- who is acting ---------------------------------------------------------------------------------



#: Offsets of the session's time zones (`sesi.model.ZONA`: WIB UTC+7, WITA UTC+8, WIT UTC+9).
_SELISIH = {"WIB": 7, "WITA": 8, "WIT": 9}


def jam_sesi(zona: str = "") -> datetime:
    """Now, to the second, as the wall clock of the session's zone `zona` ("WIB", "WITA", "WIT") reads it,
    whatever zone the machine is set to; the machine's local time when `zona` is empty or unknown. Naive (no
    tzinfo), as every stamp in the file is: the zone is the session's (`Info.zona`), printed beside it.
    The default clock of `sesi.store.Store`; tests pass a fixed clock instead."""
    jam = _SELISIH.get(zona.strip().upper())
    if jam is None:
        return datetime.now().replace(microsecond=0)
    return datetime.now(timezone(timedelta(hours=jam))).replace(tzinfo=None, microsecond=0)

@dataclass(frozen=True)
class Pelaku:
    """The person at this terminal and their role."""

    nama: str = "operator"
    peran: str = "operator"
    #: The unix login of the process's real uid (issue 10, `sesi/akun.py`): recorded in the history beside
    #: `nama`, and what decides the role where the session binds roles to accounts.
    akun: str = field(default_factory=lambda: _akun.akun_sekarang())


# --- the transaction -------------------------------------------------------------------------------


class Transaksi:
    """Changes to one session, applied in memory and written as one atomic revision on commit.

    Records are replaced, never mutated in place, so the `Data` a screen holds stays as it was.
    """

    def __init__(self, base: Data, pelaku: Pelaku, waktu: datetime):
        self.base = base
        self.pelaku = pelaku
        self.waktu = waktu
        self._tables: dict[str, dict[str, Any]] = dict(base.raw)
        self._copied: set[str] = set()
        self._riwayat: list[dict[str, Any]] = []
        self._data: Data | None = base
        self.buka_kunci = False  # set by the action that reopens a signed session
        self.changed_ids: dict[str, set[str]] = {}  # table -> ids put or deleted (for partial rewrites)

    # reading
    @property
    def data(self) -> Data:
        """The session as it stands inside this transaction."""
        if self._data is None:
            self._data = Data(self._tables, self.base.revisi, prev=self.base)
        return self._data

    def get(self, table: str, rid: str) -> dict[str, Any] | None:
        return self._tables.get(table, {}).get(rid)

    def wajib_ada(self, table: str, rid: str, nama: str) -> dict[str, Any]:
        """The record `rid` of `table`; DataDitolak "<nama> <rid> tidak ada." when there is none (`nama` as
        the message names the kind: "Peserta", "Kelompok", "Data")."""
        rec = self.get(table, rid)
        if rec is None:
            raise DataDitolak(f"{nama} {rid} tidak ada.")
        return rec

    def table(self, table: str) -> Mapping[str, Any]:
        return self._tables.get(table, {})

    def nama_tabel(self) -> list[str]:
        """The names of the tables the session holds now."""
        return list(self._tables)

    @property
    def waktu_iso(self) -> str:
        return self.waktu.isoformat(timespec="seconds")

    # writing
    def _own(self, table: str) -> dict[str, Any]:
        if table not in self._copied:
            self._tables[table] = salin_tabel(self._tables.get(table, {}))  # the history: texts shared
            self._copied.add(table)
        self._data = None
        return self._tables[table]

    def put(self, table: str, rid: str, record: Mapping[str, Any]) -> None:
        self._own(table)[rid] = dict(record)
        self.changed_ids.setdefault(table, set()).add(rid)

    def delete(self, table: str, rid: str) -> None:
        t = self._own(table)
        t.pop(rid, None)
        self.changed_ids.setdefault(table, set()).add(rid)

    def catat(self, aksi: str, objek: str = "", lama: Any = None, baru: Any = None) -> None:
        """Record one change in the history (time, who, role, what, old and new value)."""
        self._riwayat.append({"aksi": aksi, "objek": objek, "lama": lama, "baru": baru})

    def id_baru(self, table: str, prefix: str, width: int = 4) -> str:
        """The next free id of the form PREFIX0001 in a table."""
        highest = 0
        n = len(prefix)
        for rid in self.table(table):
            if rid.startswith(prefix) and rid[n:].isdigit():
                highest = max(highest, int(rid[n:]))
        return f"{prefix}{highest + 1:0{width}d}"

    def urutan_baru(self, table: str) -> int:
        """The next entry-order number in a table."""
        return max((r.get("urutan", 0) for r in self.table(table).values()), default=0) + 1

    @property
    def ada_perubahan(self) -> bool:
        return bool(self._copied)

    def wajib_peran(self, *peran: str) -> None:
        _akun.wajib_akun(self.table("sesi"), self.pelaku.akun, self.pelaku.peran)  # issue 10: sesi/akun.py
        pesan = pesan_tolak(self.pelaku.peran, peran)
        if pesan:
            raise PeranTidakBerwenang(pesan)

    def _finish(self) -> dict[str, dict[str, Any]]:
        # issue 10 (sesi/riwayat.py): every change is in the history, and the transaction's last entry
        # carries the records it changed, so `periksa` can replay the history and compare.
        if self._copied - {"riwayat"} and not self._riwayat:
            self.catat(riwayat.AKSI_TANPA_CATATAN)
        if self._riwayat:
            self._riwayat[-1][riwayat.UBAH] = riwayat.ubah(self._tables, self.changed_ids)
            hist = self._own("riwayat")
            last_id = next(reversed(hist), None)
            nomor = int(last_id) if last_id else 0
            prev_hash = hist[last_id]["hash"] if last_id else riwayat.AWAL
            for e in self._riwayat:
                nomor += 1
                entry = {
                    "id": riwayat.id_entri(nomor),
                    "waktu": self.waktu_iso,
                    "nama": self.pelaku.nama,
                    "peran": self.pelaku.peran,
                    "akun": self.pelaku.akun,
                    **e,
                }
                entry["hash"] = prev_hash = riwayat.hash_entri(prev_hash, entry)
                hist[entry["id"]] = entry
                self.changed_ids.setdefault("riwayat", set()).add(entry["id"])
        return self._tables


__all__ = ["Pelaku", "Transaksi"]
