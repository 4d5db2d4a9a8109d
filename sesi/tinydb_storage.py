"""TinyDB over the session file: `TinyDB(path, storage=AtomicJSONStorage)` reads and writes it safely.

Each `write` is one locked, atomic revision through `sesi.store.Store` (the recipe in
docs/keandalan.md): the `_meta` block is kept, the revision bumped, and the change recorded in the history
as "ubah lewat TinyDB". `read` returns a deep copy of `{table: {id: record}}` (None when the file does not
exist); errors are the store's (`BerkasRusak`, `GagalMenyimpan`, `SesiTerkunci`, ...).
"""

from __future__ import annotations

import copy
from typing import Any

from tinydb.storages import Storage

from .errors import BerkasTidakAda
from .store import Store


class AtomicJSONStorage(Storage):
    """A TinyDB Storage over the session file, following the same recipe.

    `TinyDB(path, storage=AtomicJSONStorage)` reads and writes the store safely; each `write` is one
    locked, atomic revision (the `_meta` block is kept and the revision bumped).
    """

    def __init__(self, path: str, **kwargs: Any):
        self._store = Store(path, **kwargs)

    def read(self) -> dict[str, dict[str, Any]] | None:
        try:
            data = self._store.muat()
        except BerkasTidakAda:
            return None
        # A deep copy: TinyDB updates records in place, and the store's own records must never change.
        return copy.deepcopy({k: dict(v) for k, v in data.raw.items()})

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        with self._store.transaksi() as tx:
            for name in tx.nama_tabel():
                if name not in data:  # TinyDB dropped the table: its records go
                    for rid in list(tx.table(name)):
                        tx.delete(name, rid)
            for name, table in data.items():
                table = {str(k): v for k, v in table.items()}
                lama = tx.table(name)
                for rid in [r for r in lama if r not in table]:
                    tx.delete(name, rid)
                for rid, rec in table.items():
                    if lama.get(rid) != rec:
                        tx.put(name, rid, rec)
            if tx.ada_perubahan:
                tx.catat("ubah lewat TinyDB", "berkas")
