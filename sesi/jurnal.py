"""The session journal: one line per transaction beside the snapshot, so other terminals read only what
changed instead of parsing the whole file (issue 16 item 2; docs/keandalan.md, "Jurnal").

The snapshot (`BERKAS`, `sesi/store.py`) stays the truth and is written exactly as before. Under the same
lock, after the snapshot is in place and its folder fsynced, the writer appends one line to
`BERKAS.jurnal` (through `sesi.berkas.tambah_jurnal`: O_APPEND, O_NOFOLLOW, regular file only, fsync;
replaced by a one-line journal once it would pass `BATAS_JURNAL` bytes). A line is compact JSON, a tab,
the CRC-32 of the JSON (8 hex digits), a newline:

    {"rev": N, "dari": N-1, "skema": S, "jejak_dari": H0, "jejak": H1, "ukuran": BYTES,
     "ubah": {table: {id: record or null}}, "ekor": {table: [id, ...]}}

- `jejak_dari`/`jejak`: the hash of the last history entry before and after the transaction (the history
  is a hash chain that covers every record written, `sesi/riwayat.py`), so a line is applied only on the
  exact state it was written on, not merely on the same revision number.
- `ukuran`: the snapshot's size in bytes after the transaction: checked against the file's `fstat`.
- `ekor`: per table, the ids the transaction left at the end of the table, in order (new records, or
  records deleted and put back), so the reader rebuilds the same key order as the writer (the order is
  part of the file: history entries are found by it).
- A transaction whose line would pass `BATAS_BARIS` bytes (a large import) writes `"penuh": true` and no
  records: readers then read the snapshot.

A reader (`Jurnal.ikuti`) keeps (inode, byte offset) and reads only the bytes past its offset. It applies
the lines in order while each one continues its state (`dari` and `jejak_dari` equal its revision and
last history hash), checks every record it applies against the schema (`sesi.skema.masalah_perubahan`,
the check a full read makes), and accepts the result only if it ends exactly at the snapshot's revision,
history hash and size; the Store then also checks that the result serialises to exactly the snapshot's
bytes (`Store._sama_dengan_berkas`), so a line forged beside an in-place edit of the snapshot is never
seen. A journal with more than one name (a planted hard link) is not read. Anything else (a gap, a torn or damaged line, a journal shorter than the offset, a
new journal that does not continue, a line too large, a snapshot newer than the journal) answers "read the
snapshot" (`TIDAK`), or "the writer has not appended yet" (`BELUM`). The journal never overrides the
snapshot: it is only used to reach the very revision the snapshot's first bytes name.
"""

from __future__ import annotations

import json
import os
import zlib
from typing import Any, Mapping, NamedTuple

from . import riwayat, skema
from .berkas import buka_baca
from .errors import BerkasRusak, BerkasTidakAman
from .json_baris import muat_json

#: The journal is replaced by a fresh one (holding only the newest line) when it would pass this size.
BATAS_JURNAL = 4 * 1024 * 1024
#: A line larger than this carries no records ("penuh": read the snapshot).
BATAS_BARIS = 1024 * 1024
#: Readers read at most this many new bytes; more than that (or more than half the snapshot, but at least
#: `EKOR_MINIMUM`), and the snapshot is read instead.
BATAS_EKOR = BATAS_JURNAL + BATAS_BARIS
EKOR_MINIMUM = 256 * 1024

#: `ikuti` results that are not a new state.
TIDAK = "tidak"  # does not fit: read the snapshot
BELUM = "belum"  # fits so far, but the line of the snapshot's revision is not there yet

_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
_KUNCI = ("rev", "dari", "skema", "jejak_dari", "jejak", "ukuran")


def jejak(tables: Mapping[str, Mapping[str, Any]]) -> str:
    """The hash of the last history entry ("" for a session without history); O(1)."""
    hist = tables.get("riwayat") or {}
    last = next(reversed(hist), None) if isinstance(hist, dict) else None
    if last is None:
        return ""
    entry = hist[last]
    h = entry.get("hash") if isinstance(entry, dict) else None
    return h if isinstance(h, str) else ""


def _ekor(table: Mapping[str, Any], ids: set[str]) -> list[str]:
    """The longest run of changed ids at the end of `table`, in table order (at most len(ids) steps)."""
    out = []
    for k in reversed(table):  # type: ignore[call-overload]
        if k not in ids:
            break
        out.append(k)
    return out[::-1]


def buat_baris(rev: int, dari: int, jejak_dari: str, tables: Mapping[str, Mapping[str, Any]],
               changed: Mapping[str, set[str]], ukuran: int) -> bytes:
    """The journal line of one transaction: revision `dari` -> `rev`, the records it wrote (`changed`:
    table -> ids put or deleted, read from `tables`, the state after), `ukuran` = snapshot bytes."""
    obj: dict[str, Any] = {"rev": rev, "dari": dari, "skema": skema.SKEMA, "jejak_dari": jejak_dari,
                           "jejak": jejak(tables), "ukuran": ukuran}
    ubah: dict[str, dict[str, Any]] = {}
    ekor: dict[str, list[str]] = {}
    for name in sorted(changed):
        ids = set(changed[name])
        table = tables.get(name, {})
        ubah[name] = {rid: table.get(rid) for rid in sorted(ids)}
        e = _ekor(table, ids)
        if e:
            ekor[name] = e
    teks = _dumps({**obj, "ubah": ubah, "ekor": ekor})
    if len(teks) > BATAS_BARIS:
        teks = _dumps({**obj, "penuh": True})
    body = teks.encode("utf-8")
    return body + b"\t" + b"%08x" % zlib.crc32(body) + b"\n"


def _urai(raw: bytes, path: str) -> dict[str, Any] | None:
    """One line (without its newline) checked and parsed; None when torn, damaged or malformed."""
    body, tab, crc = raw.rpartition(b"\t")
    if not tab or crc != b"%08x" % zlib.crc32(body):
        return None
    try:
        obj = muat_json(body, path)
    except BerkasRusak:
        return None
    if not isinstance(obj, dict):
        return None
    for k in _KUNCI:
        v = obj.get(k)
        if k.startswith("jejak"):
            if type(v) is not str:
                return None
        elif type(v) is not int:
            return None
    if obj["dari"] != obj["rev"] - 1 or obj["skema"] != skema.SKEMA:
        return None
    if obj.get("penuh") is True:
        return obj
    ubah, ekor = obj.get("ubah"), obj.get("ekor")
    if not isinstance(ubah, dict) or not isinstance(ekor, dict):
        return None
    for name, recs in ubah.items():
        if not isinstance(recs, dict):
            return None
    for name, ids in ekor.items():
        recs = ubah.get(name)
        if (not isinstance(ids, list) or recs is None or len(set(ids)) != len(ids)
                or not all(type(i) is str and recs.get(i) is not None for i in ids)):
            return None
    return obj


def _terapkan(tables: dict[str, Any], disalin: set[str], obj: Mapping[str, Any],
              changed: dict[str, set[str]]) -> bool:
    """Apply one parsed line to `tables` (copying a table the first time it is changed); False when the
    line does not fit (an unknown table, a new id not at the end) or a record is not valid."""
    ubah: Mapping[str, Mapping[str, Any]] = obj["ubah"]
    ekor: Mapping[str, list[str]] = obj["ekor"]
    for name, recs in ubah.items():
        if name not in tables or not isinstance(tables[name], dict):
            return False
        if name not in disalin:
            tables[name] = dict(tables[name])
            disalin.add(name)
        t = tables[name]
        akhir = ekor.get(name, [])
        di_akhir = set(akhir)
        for rid, rec in recs.items():
            if rec is None:
                t.pop(rid, None)
        for rid in akhir:
            t.pop(rid, None)
        for rid, rec in recs.items():
            if rec is not None and rid not in di_akhir:
                if rid not in t:
                    return False  # a new record must be at the end: the writer's order is unknown
                t[rid] = rec
        for rid in akhir:
            t[rid] = recs[rid]
        changed.setdefault(name, set()).update(recs)
    return (not skema.masalah_perubahan(tables, {n: set(r) for n, r in ubah.items()})
            and _riwayat_sah(obj))


def _riwayat_sah(obj: Mapping[str, Any]) -> bool:
    """The line's new history entries continue the hash chain from `jejak_dari`, and the last one records
    exactly the records the line writes (`riwayat.ubah`, what `periksa` replays): a line is then as hard
    to forge as the snapshot itself, and never says other than its own history."""
    ubah: Mapping[str, Mapping[str, Any]] = obj["ubah"]
    baru = [ubah["riwayat"][rid] for rid in obj["ekor"].get("riwayat", [])] if "riwayat" in ubah else []
    if not baru or len(baru) != len(ubah.get("riwayat", {})):
        return False  # every transaction adds history entries, and only adds them
    sebelumnya = obj["jejak_dari"] or riwayat.AWAL
    for entri in baru:
        if riwayat.hash_entri(sebelumnya, entri) != entri["hash"]:
            return False
        sebelumnya = entri["hash"]
    tulis = [[n, rid, ubah[n][rid]] for n in sorted(ubah) if n != "riwayat" for rid in sorted(ubah[n])]
    return baru[-1].get(riwayat.UBAH) == tulis


class Ekor(NamedTuple):
    """A state reached by following the journal: the new tables, the ids changed, the revision."""

    tables: dict[str, Any]
    changed: dict[str, set[str]]
    revisi: int


class Jurnal:
    """One process's place in one session's journal: (inode, byte offset) of the end of the last line it
    has (or that holds nothing it lacks). Not thread-safe: the Store serialises its use."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.ino: int | None = None  # None: no journal known (none yet, or not a regular file)
        self.off = 0
        self.tahu = True  # False after a failed append: where we are is unknown

    def ke_ujung(self) -> None:
        """After reading the snapshot: everything in the journal now is at most that revision."""
        self.tahu = True
        try:
            fd = buka_baca(self.path)
        except (OSError, BerkasTidakAman):
            self.ino, self.off = None, 0
            return
        try:
            st = os.fstat(fd)
            self.ino, self.off = st.st_ino, st.st_size
        finally:
            os.close(fd)

    def ditulis(self, ino: int, off: int) -> None:
        """This process appended the line of its own transaction: it now ends at (ino, off)."""
        self.ino, self.off, self.tahu = ino, off, True

    def hilang(self) -> None:
        """An append failed part-way: the next read starts from the snapshot."""
        self.tahu = False

    def ikuti(self, raw: Mapping[str, Any], revisi: int, rev_berkas: int, ukuran: int) -> Ekor | str:
        """Follow the journal from the state (`raw`, `revisi`) to the snapshot's revision `rev_berkas`
        (read from its first bytes) of `ukuran` bytes. Returns the new state (`Ekor`; the offset moves
        past what was applied), `BELUM` (the lines so far fit, the one for `rev_berkas` is not there yet:
        a writer between replacing the snapshot and appending) or `TIDAK` (read the snapshot)."""
        if not self.tahu or rev_berkas <= revisi:
            return TIDAK
        try:
            fd = buka_baca(self.path)
        except (OSError, BerkasTidakAman):
            return TIDAK
        try:
            st = os.fstat(fd)
            if st.st_nlink > 1:  # a hard link planted at the journal's name: not our journal
                return TIDAK
            off = self.off if st.st_ino == self.ino else 0  # a new journal: from its start
            n = st.st_size - off
            if n < 0 or n > min(BATAS_EKOR, max(EKOR_MINIMUM, ukuran // 2)):
                return TIDAK
            data = os.pread(fd, n, off) if n else b""
        except OSError:
            return TIDAK
        finally:
            os.close(fd)
        tables: dict[str, Any] = dict(raw)
        disalin: set[str] = set()
        changed: dict[str, set[str]] = {}
        rev, jj = revisi, jejak(raw)
        baca = 0
        terakhir: dict[str, Any] | None = None
        while rev < rev_berkas:
            nl = data.find(b"\n", baca)
            if nl < 0:
                break  # nothing more, or a line still being written
            mentah = data[baca:nl]
            baca_baru = nl + 1
            if not mentah:  # the newline that closed a torn line
                baca = baca_baru
                continue
            obj = _urai(mentah, self.path)
            if obj is None:
                return TIDAK
            if obj["rev"] == rev and obj["jejak"] == jj:
                baca = baca_baru  # a line of the state we have (read from the snapshot before it came)
                continue
            if obj["dari"] != rev or obj["jejak_dari"] != jj or obj["rev"] > rev_berkas or obj.get("penuh"):
                return TIDAK
            if not _terapkan(tables, disalin, obj, changed) or jejak(tables) != obj["jejak"]:
                return TIDAK
            rev, jj, terakhir, baca = obj["rev"], obj["jejak"], obj, baca_baru
        if rev != rev_berkas:
            return BELUM
        if terakhir is None or terakhir["ukuran"] != ukuran:
            return TIDAK
        self.ino, self.off = st.st_ino, off + baca
        return Ekor(tables, changed, rev)


__all__ = ["Jurnal", "Ekor", "buat_baris", "jejak", "TIDAK", "BELUM", "BATAS_JURNAL", "BATAS_BARIS"]
