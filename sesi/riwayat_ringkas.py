"""The history table held as text: each entry kept as its JSON line and parsed when asked for (issue 16,
"Memory": the parsed history was 11.8 MB of a 1,000-usulan session's 15.1 MB, in every terminal, though
the screens read only its last entries).

`TabelRiwayat` is what `Data.raw["riwayat"]` holds after a read (`sesi.json_baris.decode`): a `dict`
subclass id -> entry dict, in entry order, that behaves as the plain dict it replaces for every use the
app makes of it (`get`, `[]`, `in`, `len`, `keys()`, `values()`, `items()`, `reversed(...)`, `==`,
`dict(t)`, `json.dumps`, `copy.deepcopy`, `isinstance(t, dict)`), while its own storage holds each entry's
JSON text. Differences a caller may meet:

- `dict(t)` (and `{**t}`) parses every entry into a plain dict: copy it with `salin_tabel` (what a
  transaction and a journal reader do), which shares the texts.
- An entry read is parsed from its text (the last few are cached): two reads of one entry may give two
  equal dicts, not one object; changing a dict read does not change the table (entries are never
  changed in place anyway: `sesi.transaksi`).
- An entry set is kept as its text (`json_baris`'s record layout); it reads back as the object set
  while that stays among the few cached, then as JSON gives it (a tuple as a list), as it always did
  after the next read of the file.

`teks(id)` is the entry's JSON text as the snapshot writes it (`sesi.json_baris.Penyandi` reuses it).
`dari_bagian` builds the table from the snapshot's history lines, checking every entry as the whole-file
parse did (`sesi.skema.masalah_tabel`) without keeping the parsed objects.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any, Callable

_dumps = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode
_loads = json.JSONDecoder().decode
#: Entries parsed and kept per table (the screens read the last few again and again).
_SIMPAN = 16
#: Entries checked at a time while reading (their parsed objects are then dropped).
_PER_CEK = 64


class TabelRiwayat(dict):
    """id -> history entry (a dict), each held as its JSON text; see the module's docstring.

    Every dict method that would hand out the stored text is overridden; `__iter__` too, so that
    `dict(t)` takes the slow path through `__getitem__` (CPython copies the storage directly only for a
    dict whose iteration is dict's own)."""

    __slots__ = ("_urai", "_teks")

    def __init__(self, isi: Mapping[str, Any] | None = None):
        super().__init__()
        self._urai: dict[str, Any] = {}
        #: The same id -> text pairs in a plain dict: CPython clones a plain dict's table at once, which
        #: makes `salin` ~10x faster than reading this subclass's own storage pair by pair (1.3 -> 0.15 ms
        #: for 35,000 entries at 5,000 usulan; every transaction and every journal line copies the table).
        self._teks: dict[str, str] = {}
        for k, v in (isi or {}).items():
            self[k] = v

    @classmethod
    def _dari_teks(cls, isi: dict[str, str]) -> "TabelRiwayat":
        t = cls()
        t._teks = dict(isi)
        dict.update(t, t._teks)
        return t

    def salin(self) -> "TabelRiwayat":
        """A copy that shares the texts (a C-level clone of the id -> text table, nothing parsed)."""
        t = TabelRiwayat()
        t._teks = self._teks.copy()
        dict.update(t, t._teks)  # an empty dict updated from a plain one: its table is cloned
        t._urai = dict(self._urai)
        return t

    copy = salin

    def teks(self, key: str) -> str:
        """The entry's JSON text (KeyError when absent)."""
        return dict.__getitem__(self, key)

    def hash(self, key: str) -> Any:
        """`self[key].get("hash")`, read from the end of the text when the entry ends with it, as every
        entry the app writes does (the whole entry is not parsed: the last entry of an import carries
        every record it wrote, ~2 MB at 5,000 usulan, and the journal asks for its hash on every read)."""
        teks = dict.__getitem__(self, key)
        if len(teks) > 80 and teks.endswith('"}') and teks[-77:-66] == ', "hash": "':
            h = teks[-66:-2]
            if all(c in "0123456789abcdef" for c in h):
                return h
        e = self[key]
        return e.get("hash") if isinstance(e, dict) else None

    def __getitem__(self, key: str) -> Any:
        v = self._urai.get(key)
        if v is not None:
            return v
        v = _loads(dict.__getitem__(self, key))
        urai = self._urai
        if len(urai) >= _SIMPAN:
            urai.clear()
        urai[key] = v
        return v

    def get(self, key: str, default: Any = None) -> Any:  # type: ignore[override]
        return self[key] if dict.__contains__(self, key) else default

    def __setitem__(self, key: str, value: Any) -> None:
        teks = _dumps(value)
        self._urai.pop(key, None)
        dict.__setitem__(self, key, teks)
        self._teks[key] = teks
        if isinstance(value, dict):
            urai = self._urai
            if len(urai) >= _SIMPAN:
                urai.clear()
            urai[key] = value

    def __delitem__(self, key: str) -> None:
        dict.__delitem__(self, key)
        self._teks.pop(key, None)
        self._urai.pop(key, None)

    def clear(self) -> None:
        dict.clear(self)
        self._teks.clear()
        self._urai.clear()

    _TANPA = object()

    def pop(self, key: str, default: Any = _TANPA) -> Any:  # type: ignore[override]
        if dict.__contains__(self, key):
            v = self[key]
            del self[key]
            return v
        if default is TabelRiwayat._TANPA:
            raise KeyError(key)
        return default

    def popitem(self) -> tuple[str, Any]:
        key = next(reversed(self))  # StopIteration -> KeyError below
        return key, self.pop(key)

    def setdefault(self, key: str, default: Any = None) -> Any:
        if not dict.__contains__(self, key):
            self[key] = default
        return self[key]

    def update(self, *args: Any, **kwargs: Any) -> None:  # type: ignore[override]
        for k, v in dict(*args, **kwargs).items():
            self[k] = v

    def __ior__(self, other: Any) -> "TabelRiwayat":  # type: ignore[override]
        self.update(other)
        return self

    def __or__(self, other: Any) -> dict:  # type: ignore[override]
        return {**self, **other}

    def __ror__(self, other: Any) -> dict:  # type: ignore[override]
        return {**other, **self}

    def __iter__(self) -> Iterator[str]:
        return dict.__iter__(self)

    def values(self) -> "_Nilai":  # type: ignore[override]
        return _Nilai(self)

    def items(self) -> "_Pasangan":  # type: ignore[override]
        return _Pasangan(self)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, TabelRiwayat) and dict.__eq__(self, other):
            return True  # the same texts
        if not isinstance(other, Mapping) or len(other) != len(self):
            return False if isinstance(other, Mapping) else NotImplemented
        return all(k in other and other[k] == self[k] for k in self)

    def __ne__(self, other: object) -> bool:
        sama = self.__eq__(other)
        return sama if sama is NotImplemented else not sama

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"TabelRiwayat({len(self)} entri)"

    def __reduce__(self) -> Any:  # copy, deepcopy, pickle: rebuilt from the entries
        return (TabelRiwayat, (dict(self),))

    def __reduce_ex__(self, protocol: Any) -> Any:  # type: ignore[override]
        return self.__reduce__()


class _Nilai:
    """`TabelRiwayat.values()`: the entries, parsed as they are reached."""

    __slots__ = ("_t",)

    def __init__(self, t: TabelRiwayat):
        self._t = t

    def __len__(self) -> int:
        return len(self._t)

    def __iter__(self) -> Iterator[Any]:
        t = self._t
        return (t[k] for k in dict.__iter__(t))

    def __reversed__(self) -> Iterator[Any]:
        t = self._t
        return (t[k] for k in dict.__reversed__(t))

    def __contains__(self, v: object) -> bool:
        return any(x == v for x in self)

    def __repr__(self) -> str:
        return f"nilai({self._t!r})"


class _Pasangan(_Nilai):
    """`TabelRiwayat.items()`: (id, entry) pairs, parsed as they are reached."""

    __slots__ = ()

    def __iter__(self) -> Iterator[tuple[str, Any]]:  # type: ignore[override]
        t = self._t
        return ((k, t[k]) for k in dict.__iter__(t))

    def __reversed__(self) -> Iterator[tuple[str, Any]]:  # type: ignore[override]
        t = self._t
        return ((k, t[k]) for k in dict.__reversed__(t))

    def __contains__(self, kv: object) -> bool:
        if not isinstance(kv, tuple) or len(kv) != 2:
            return False
        k, v = kv
        return k in self._t and self._t[k] == v


def salin_tabel(table: Mapping[str, Any]) -> Any:
    """A shallow copy of a table to change: a `TabelRiwayat` stays one (texts shared), any other becomes a
    dict."""
    if isinstance(table, TabelRiwayat):
        return table.salin()
    return dict(table)


def dari_bagian(bagian: str, scan: Callable[[str, int], tuple[Any, int]],
                cek: Callable[[dict[str, Any]], str]) -> TabelRiwayat | None:
    """The table from the history's lines of a snapshot (`  "ID": {...},` one per line, the last without
    its comma), each entry parsed with `scan` (a JSON scanner: (value, end) from an offset) and checked in
    parts by `cek` (a table's records -> the first problem, "" when sound). None when the lines are not in
    that layout, an entry is not one JSON object alone on its line, an id is not all digits or repeats, or `cek` finds a
    problem: the caller then reads the file the ordinary way (which says what is wrong)."""
    isi: dict[str, str] = {}
    bagian_cek: dict[str, Any] = {}
    n = len(bagian)
    pos = 0
    find = bagian.find
    while pos < n:
        nl = find("\n", pos)
        if nl < 0:
            nl = akhir = n
        else:
            akhir = nl - 1
            if bagian[akhir] != ",":
                return None
        if not bagian.startswith('  "', pos):
            return None
        k = find('": ', pos + 3, akhir)
        if k < 0:
            return None
        kunci = bagian[pos + 3:k]
        if not (kunci.isascii() and kunci.isdigit()) or kunci in isi:  # ids as the app makes them
            return None
        try:
            nilai, ujung = scan(bagian, k + 3)
        except Exception:  # noqa: BLE001 - anything but one sound value: the ordinary read says what
            return None
        if ujung != akhir or type(nilai) is not dict:
            return None
        bagian_cek[kunci] = nilai
        isi[kunci] = bagian[k + 3:akhir]
        if len(bagian_cek) >= _PER_CEK:
            if cek(bagian_cek):
                return None
            bagian_cek.clear()
        pos = nl + 1
    if bagian_cek and cek(bagian_cek):
        return None
    return TabelRiwayat._dari_teks(isi)


__all__ = ["TabelRiwayat", "salin_tabel", "dari_bagian"]
