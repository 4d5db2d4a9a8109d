"""What one kind of import is, and the transaction view every kind writes through.

A kind (`usulan`, `peserta`, `kriteria`, `skor`; one module each) is a `JenisImpor`: its columns, the
header aliases people use, how its actions name fields in messages, and three functions the shared flow
(`sesi.impor.alur.impor`) calls in this order inside one transaction:

1. `isi(tx, tabel, laporan, opsi) -> (ids, info)`: check every row and apply the good ones (the rules are
   the actions' record checks), noting every problem in `laporan` (the flow then refuses the whole file if
   there is one); `opsi` is what the user chose (`OpsiImpor`); `info` may hold the counts `baru`,
   `diperbarui`, `sama`, `ganda` and the notes `catatan` for the summary;
2. `riwayat(ids, info) -> (lama, baru)`: the old and new values of the file's one history entry;
3. `ringkasan(tabel, ids, info) -> (text, warnings)`: one Indonesian sentence for the user.

`tx` is a `TanpaCatat`: the actions' own history entries are left out, the flow writes one for the file.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable

if TYPE_CHECKING:
    from ..store import Transaksi
    from .laporan import Laporan
    from .tabel import TabelBerkas


@dataclass
class OpsiImpor:
    """What the user chose for one import (CLI options, or the Impor screen's steps)."""

    pemetaan: dict[str, str] = field(default_factory=dict)  # header as written -> column ("" = ignore)
    #: Accept the suggested close names: True for all, or the (column, value as written) pairs accepted.
    terima_saran: bool | Collection[tuple[str, str]] = False
    bidang: str = ""  # the bidang of every usulan of the file without one (--bidang)
    bidang_baru: tuple[str, ...] = ()  # bidang the user confirms as new (--bidang-baru)
    #: kriteria: the set the file sets (`sesi.set_kriteria`): a kelompok (id or name) and/or a jenis usulan
    #: ("fisik", "non-fisik"); both empty = the session's default set (--kelompok, --jenis).
    kelompok: str = ""
    jenis_usulan: str = ""

    def terima(self, kolom: str, nilai: str) -> bool:
        t = self.terima_saran
        return t is True or (not isinstance(t, bool) and (kolom, nilai) in t)


@dataclass(frozen=True)
class JenisImpor:
    nama: str  # "usulan"
    kolom: dict[str, bool]  # column -> required
    alias: dict[str, str]  # other header name -> column
    label: list[tuple[str, str]]  # how the actions name a field at the start of a message -> column
    isi: Callable[[Any, TabelBerkas, Laporan, OpsiImpor], tuple[list[str], dict[str, Any]]]
    riwayat: Callable[[list[str], dict[str, Any]], tuple[Any, Any]]
    ringkasan: Callable[[TabelBerkas, list[str], dict[str, Any]], tuple[str, list[str]]]
    #: Which required columns a header lacks, given the columns it has and the user's options (a kind may
    #: relax a requirement: usulan need no bidang column when the SKPD table supplies it). None: `kolom`.
    kurang: Callable[[set[str], OpsiImpor], list[str]] | None = None
    #: Header keys that carry nothing to import and are not reported as unknown ("No").
    abaikan: frozenset[str] = frozenset({"no", "nomor", "no_urut"})
    #: One example row for templates (column -> value) and the headers a template writes.
    contoh: dict[str, str] = field(default_factory=dict)
    #: The columns when they depend on the session (skor: one per criterion of a wide sheet, `k:` + its code
    #: or name as a header key): data -> (kolom, alias); None = `kolom` and `alias` as they are.
    kolom_sesi: Callable[[Any], tuple[dict[str, bool], dict[str, str]]] | None = None
    #: The kind's own options among `OpsiImpor`'s fields (usulan: bidang, bidang_baru; kriteria: kelompok,
    #: jenis_usulan); `impor` refuses another kind's option rather than ignore it. Mapping and suggestions
    #: (`pemetaan`, `terima_saran`) are every kind's.
    opsi: frozenset[str] = frozenset()
    #: A sentence added to the "kolom wajib tidak ada" message (skor: the wide shape).
    petunjuk_kolom: str = ""

    def wajib_kurang(self, ada: set[str], opsi: OpsiImpor) -> list[str]:
        if self.kurang is not None:
            return self.kurang(ada, opsi)
        return [k for k, req in self.kolom.items() if req and k not in ada]

    def kolom_alias(self, data: Any) -> tuple[dict[str, bool], dict[str, str]]:
        """The columns and header aliases of this kind in session `data` (None: the fixed ones)."""
        if self.kolom_sesi is not None and data is not None:
            return self.kolom_sesi(data)
        return self.kolom, self.alias


class TanpaCatat:
    """The transaction as the per-record actions see it during an import: their own history entries
    are left out; the import writes one entry for the whole file.

    It also remembers each table's highest entry order and highest numbered id, so that adding n rows does
    not scan the table n times (`Transaksi.urutan_baru` and `id_baru` look at every record: quadratic, 102-146 s
    for 20,000 peserta, issue 13)."""

    def __init__(self, tx: Transaksi):
        self._tx = tx
        self._urutan: dict[str, int] = {}
        self._nomor: dict[tuple[str, str], int] = {}

    def id_baru(self, table: str, prefix: str, width: int = 4) -> str:
        key = (table, prefix)
        if key not in self._nomor:
            n = len(prefix)
            self._nomor[key] = max((int(r[n:]) for r in self._tx.table(table)
                                    if r.startswith(prefix) and r[n:].isdigit()), default=0)
        self._nomor[key] += 1
        return f"{prefix}{self._nomor[key]:0{width}d}"

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
        for key in [k for k in self._nomor if k[0] == table]:
            del self._nomor[key]
