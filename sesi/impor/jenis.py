"""What one kind of import is, and the transaction view every kind writes through.

A kind (`usulan`, `peserta`, `kriteria`, `skor`; one module each) is a `JenisImpor`: its columns, the
header aliases people use, how its actions name fields in messages, and three functions the shared flow
(`sesi.impor.alur.impor`) calls in this order inside one transaction:

1. `isi(tx, tabel, laporan) -> (ids, info)`: check every row and apply the good ones through the actions,
   noting every problem in `laporan` (the flow then refuses the whole file if there is one);
2. `riwayat(ids, info) -> (lama, baru)`: the old and new values of the file's one history entry;
3. `ringkasan(tabel, ids, info) -> (text, warnings)`: one Indonesian sentence for the user.

`tx` is a `TanpaCatat`: the actions' own history entries are left out, the flow writes one for the file.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable

if TYPE_CHECKING:
    from ..store import Transaksi
    from .laporan import Laporan
    from .tabel import TabelBerkas


@dataclass(frozen=True)
class JenisImpor:
    nama: str  # "usulan"
    kolom: dict[str, bool]  # column -> required
    alias: dict[str, str]  # other header name -> column
    label: list[tuple[str, str]]  # how the actions name a field at the start of a message -> column
    isi: Callable[[Any, TabelBerkas, Laporan], tuple[list[str], dict[str, Any]]]
    riwayat: Callable[[list[str], dict[str, Any]], tuple[Any, Any]]
    ringkasan: Callable[[TabelBerkas, list[str], dict[str, Any]], tuple[str, list[str]]]
    #: The columns when they depend on the session (skor: one per criterion of a wide sheet):
    #: data -> (kolom, alias); None = `kolom` and `alias` as they are.
    kolom_sesi: Callable[[Any], tuple[dict[str, bool], dict[str, str]]] | None = None
    #: Options the kind takes (`impor(..., **opsi)`; kriteria: kelompok, jenis), passed to `isi`.
    opsi: tuple[str, ...] = ()


class TanpaCatat:
    """The transaction as the per-record actions see it during an import: their own history entries
    are left out; the import writes one entry for the whole file.

    It also remembers each table's highest entry order, so that adding n rows does not scan the table
    n times (`Transaksi.urutan_baru` looks at every record: quadratic over a 1,000-row file)."""

    def __init__(self, tx: Transaksi):
        self._tx = tx
        self._urutan: dict[str, int] = {}

    def __getattr__(self, name: str) -> Any:
        return getattr(self._tx, name)

    def catat(self, *args: Any, **kwargs: Any) -> None:
        pass

    def urutan_baru(self, table: str) -> int:
        if table not in self._urutan:
            self._urutan[table] = self._tx.urutan_baru(table) - 1
        return self._urutan[table] + 1

    def put(self, table: str, rid: str, record: Any) -> None:
        baru = self._tx.get(table, rid) is None
        self._tx.put(table, rid, record)
        if table in self._urutan:
            if baru:
                self._urutan[table] = max(self._urutan[table], record.get("urutan", 0))
            else:  # a replaced record may have lowered the highest: scan again when next asked
                del self._urutan[table]

    def delete(self, table: str, rid: str) -> None:
        self._tx.delete(table, rid)
        self._urutan.pop(table, None)  # the highest may be gone: scan again when next asked
