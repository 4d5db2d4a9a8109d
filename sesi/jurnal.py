"""The session journal: the truth of a session is its snapshot plus the journal lines that continue it
(issue 16 item 2; docs/keandalan.md, "Cara penyimpanan bekerja" and "Jurnal").

A save is one line appended to `BERKAS.jurnal` under the session lock and fsynced (`sesi.store.Store`):
that fsync is the acknowledgement. The snapshot `BERKAS` is a cache rewritten only by compaction
(`sesi.padat`). Other terminals read only the journal bytes they have not seen.

The journal (format 2) starts with a header naming the snapshot state it continues, then one line per
transaction. Every line is compact JSON, a tab, the CRC-32 of the JSON (8 hex digits), a newline:

    {"jurnal": 2, "dasar": R, "jejak": H, "skema": S}                     -- the header (first line)
    {"rev": N, "dari": N-1, "skema": S, "jejak_dari": H0, "jejak": H1,
     "ubah": {table: {id: record or null}}, "ekor": {table: [id, ...]}}   -- one transaction

- `jejak_dari`/`jejak`: the hash of the last history entry before and after the transaction (the history
  is a hash chain over every record written, `sesi/riwayat.py`): a line applies only on the exact state
  it was written on.
- `ekor`: per table, the ids the transaction left at the end of the table, in order, so the reader
  rebuilds the writer's key order (the order is part of the file: history entries are found by it).
- A line is checked as a full read checks the snapshot: CRC, bounded JSON, the schema of every record it
  writes (`sesi.skema.masalah_perubahan`), and `_riwayat_sah`: its new history entries continue the hash
  chain and the last one records exactly the records the line writes (what `periksa` replays).

Reading (`baca`), from a state (tables, revision, history hash):
- a line whose revision is at most the state's is history (written before the snapshot was made): skipped;
- a line that continues the state is applied;
- a last line without its newline is torn (a writer killed mid-append, never acknowledged): ignored, and
  the next writer cuts it off under the lock before appending;
- a line that is damaged or does not continue: ignored only if no readable line with a newer revision
  follows it (then it was never acknowledged, and the next writer cuts it off too); otherwise an
  acknowledged change cannot be read, and `BerkasRusak` names the journal, the line and the fault (the
  way out is `musrenbang pulihkan`).

Journals of format 1 (no header, lines carrying "ukuran"; written by the app before the snapshot became a
cache) were written after their snapshot: all their lines are history and are read as such.
"""

from __future__ import annotations

import json
import os
import zlib
from typing import Any, Mapping, NamedTuple

from . import riwayat, skema
from .errors import BerkasRusak
from .json_baris import BATAS_KEDALAMAN, muat_json
from .riwayat_ringkas import TabelRiwayat, salin_tabel

VERSI = 2
#: Largest journal read (a full read refuses a larger one: `BerkasRusak`). Compaction keeps a journal far
#: below it (`PADAT_BITA`); only a folder edited by hand or by an attacker gets there.
BATAS_JURNAL = 16 * 1024 * 1024
#: A transaction whose line would pass this many bytes (a large import) is saved by compaction instead:
#: the new snapshot is written whole (sesi/padat.py).
BATAS_BARIS = 1024 * 1024
#: Compaction after a transaction once the journal passes this many bytes or lines past its header
#: (chosen by measurement, bench/jurnal.py: a cold open then replays at most ~0.2 s of lines).
PADAT_BITA = 2 * 1024 * 1024
PADAT_BARIS = 2000

_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
_KUNCI = ("rev", "dari", "skema", "jejak_dari", "jejak")


def jejak(tables: Mapping[str, Mapping[str, Any]]) -> str:
    """The hash of the last history entry ("" for a session without history); O(1)."""
    hist = tables.get("riwayat") or {}
    last = next(reversed(hist), None) if isinstance(hist, dict) else None
    if last is None:
        return ""
    if type(hist) is TabelRiwayat:
        h = hist.hash(last)  # without parsing the entry
    else:
        entry = hist[last]
        h = entry.get("hash") if isinstance(entry, dict) else None
    return h if isinstance(h, str) else ""


def _bingkai(obj: Mapping[str, Any]) -> bytes:
    body = _dumps(obj).encode("utf-8")
    return body + b"\t" + b"%08x" % zlib.crc32(body) + b"\n"


def buat_kepala(dasar: int, jejak_dasar: str) -> bytes:
    """The header line of a new journal continuing the snapshot of revision `dasar` (history hash)."""
    return _bingkai({"jurnal": VERSI, "dasar": dasar, "jejak": jejak_dasar, "skema": skema.SKEMA})


def _ekor(table: Mapping[str, Any], ids: set[str]) -> list[str]:
    """The longest run of changed ids at the end of `table`, in table order (at most len(ids) steps)."""
    out = []
    for k in reversed(table):  # type: ignore[call-overload]
        if k not in ids:
            break
        out.append(k)
    return out[::-1]


def buat_baris(rev: int, dari: int, jejak_dari: str, tables: Mapping[str, Mapping[str, Any]],
               changed: Mapping[str, set[str]]) -> bytes:
    """The journal line of one transaction: revision `dari` -> `rev`, the records it wrote (`changed`:
    table -> ids put or deleted, read from `tables`, the state after). May be longer than `BATAS_BARIS`
    (the caller then compacts instead)."""
    obj: dict[str, Any] = {"rev": rev, "dari": dari, "skema": skema.SKEMA, "jejak_dari": jejak_dari,
                           "jejak": jejak(tables)}
    ubah: dict[str, dict[str, Any]] = {}
    ekor: dict[str, list[str]] = {}
    for name in sorted(changed):
        ids = set(changed[name])
        table = tables.get(name, {})
        ubah[name] = {rid: table.get(rid) for rid in sorted(ids)}
        e = _ekor(table, ids)
        if e:
            ekor[name] = e
    return _bingkai({**obj, "ubah": ubah, "ekor": ekor})


def _json(raw: bytes, path: str) -> dict[str, Any] | None:
    body, tab, crc = raw.rpartition(b"\t")
    if not tab or crc != b"%08x" % zlib.crc32(body):
        return None
    try:
        obj = muat_json(body, path, BATAS_KEDALAMAN + 2)  # line, "ubah": then as in the snapshot
    except BerkasRusak:
        return None
    return obj if isinstance(obj, dict) else None


def urai_kepala(raw: bytes, path: str) -> tuple[int, str] | None:
    """(dasar, jejak) of a header line (without its newline); None when `raw` is not a header."""
    obj = _json(raw, path)
    if obj is None or obj.get("jurnal") != VERSI:
        return None
    dasar, jj = obj.get("dasar"), obj.get("jejak")
    if type(dasar) is not int or type(jj) is not str or type(obj.get("skema")) is not int:
        return None
    return dasar, jj


def terbaca(baris: bytes) -> bool:
    """True when a reader will parse this line (ending in a newline) as written: the writer checks its
    own line before appending it (else it saves by compaction)."""
    return _urai(baris[:-1], "") is not None


def _urai(raw: bytes, path: str) -> dict[str, Any] | None:
    """One line (without its newline) checked and parsed; None when torn, damaged or malformed."""
    obj = _json(raw, path)
    if obj is None:
        return None
    for k in _KUNCI:
        v = obj.get(k)
        if type(v) is not (str if k.startswith("jejak") else int):
            return None
    if obj["dari"] != obj["rev"] - 1:
        return None
    if obj.get("penuh") is True:  # format 1: "read the snapshot" (history only)
        return obj
    ubah, ekor = obj.get("ubah"), obj.get("ekor")
    if not isinstance(ubah, dict) or not isinstance(ekor, dict):
        return None
    for recs in ubah.values():
        if not isinstance(recs, dict):
            return None
    for name, ids in ekor.items():
        recs = ubah.get(name)
        if (not isinstance(ids, list) or recs is None or len(set(ids)) != len(ids)
                or not all(type(i) is str and recs.get(i) is not None for i in ids)):
            return None
    return obj


def _masalah(tables: Mapping[str, Any], obj: Mapping[str, Any]) -> str:
    """Why the parsed line `obj` cannot be applied to `tables` ("" when it can), checked without changing
    anything: the schema, the place of new records, the history chain."""
    if obj.get("penuh") is True:
        return "baris ini tidak memuat rekaman perubahan (dari versi aplikasi lain)"
    ubah: Mapping[str, Mapping[str, Any]] = obj["ubah"]
    ekor: Mapping[str, list[str]] = obj["ekor"]
    for name, recs in ubah.items():
        t = tables.get(name, {})  # a table the transaction created (TinyDB's tables, sesi/tinydb_storage.py)
        if not isinstance(t, dict):
            return f"tabel '{name}' bukan objek"
        akhir = set(ekor.get(name, []))
        for rid, rec in recs.items():
            if rec is not None and rid not in akhir and rid not in t:
                return f"rekaman baru {name}/{rid} tidak di ujung tabel"
    baru = {n: {rid: rec for rid, rec in recs.items() if rec is not None} for n, recs in ubah.items()}
    if "sesi" in baru:
        baru["sesi"] = {**{k: v for k, v in tables.get("sesi", {}).items() if k not in ubah["sesi"]},
                        **baru["sesi"]}
    m = skema.masalah_perubahan(baru, {n: {rid for rid, rec in recs.items() if rec is not None}
                                       for n, recs in ubah.items()})
    if m:
        return f"rekaman tidak sah ({m})"
    if not _riwayat_sah(obj):
        return "entri riwayatnya tidak menyambung rantai hash atau tidak mencatat rekaman yang ditulis"
    return ""


def _terapkan(tables: dict[str, Any], disalin: set[str], obj: Mapping[str, Any],
              changed: dict[str, set[str]]) -> None:
    """Apply one checked line (`_masalah` said "") to `tables`, copying a table the first time."""
    ubah: Mapping[str, Mapping[str, Any]] = obj["ubah"]
    ekor: Mapping[str, list[str]] = obj["ekor"]
    for name, recs in ubah.items():
        if name not in disalin:
            tables[name] = salin_tabel(tables.get(name, {}))
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
                t[rid] = rec
        for rid in akhir:
            t[rid] = recs[rid]
        changed.setdefault(name, set()).update(recs)


def _riwayat_sah(obj: Mapping[str, Any]) -> bool:
    """The line's new history entries continue the hash chain from `jejak_dari`, end at `jejak`, and the
    last one records exactly the records the line writes (`riwayat.ubah`, what `periksa` replays): a line
    is then as hard to forge as the snapshot itself, and never says other than its own history."""
    ubah: Mapping[str, Mapping[str, Any]] = obj["ubah"]
    baru = [ubah["riwayat"][rid] for rid in obj["ekor"].get("riwayat", [])] if "riwayat" in ubah else []
    if not baru or len(baru) != len(ubah.get("riwayat", {})):
        return False  # every transaction adds history entries, and only adds them
    sebelumnya = obj["jejak_dari"] or riwayat.AWAL
    for entri in baru:
        if not isinstance(entri, dict) or riwayat.hash_entri(sebelumnya, entri) != entri.get("hash"):
            return False
        sebelumnya = entri["hash"]
    if sebelumnya != obj["jejak"]:
        return False
    tulis = [[n, rid, ubah[n][rid]] for n in sorted(ubah) if n != "riwayat" for rid in sorted(ubah[n])]
    return baru[-1].get(riwayat.UBAH) == tulis


def _sah_sendiri(obj: Mapping[str, Any]) -> bool:
    """A line that stands on its own (its history entries chain and record what it writes): after a bad
    line, such a line is a saved change that cannot be read; anything else is debris."""
    try:
        return obj.get("penuh") is not True and _riwayat_sah(obj)
    except Exception:  # noqa: BLE001 - malformed inside: not a saved change
        return False


class Bacaan(NamedTuple):
    """What `baca` found: the state reached, and where the journal's good part ends."""

    tables: dict[str, Any]
    changed: dict[str, set[str]]  # table -> ids changed by the lines applied
    revisi: int
    jejak: str
    akhir: int  # bytes of `data` up to the end of the last line used (applied or history)
    baris: int  # lines up to `akhir`
    diterapkan: int  # lines applied
    sisa: bool  # bytes after `akhir` that were ignored (a torn or unacknowledged tail: cut by the next writer)
    cocok: bool  # a history line of the starting revision was read, with the starting history hash


def baca(data: bytes, tables: Mapping[str, Any], revisi: int, jj: str, path: str, baris_awal: int = 0,
         kepala: bool = False) -> Bacaan:
    """Read journal bytes `data` from the state (`tables`, `revisi`, history hash `jj`).

    `baris_awal`: lines before `data` (for messages). `kepala`: `data` starts at the journal's first byte
    (its header, if any, is skipped here; the caller checks it). Raises `BerkasRusak` naming `path`, the
    line and the fault when a damaged or non-continuing line is followed by a readable newer line."""
    out: dict[str, Any] = dict(tables)
    disalin: set[str] = set()
    changed: dict[str, set[str]] = {}
    pos = akhir = 0
    no = baris_awal
    baris_akhir = baris_awal
    diterapkan = 0
    rusak: tuple[int, str] | None = None
    awal, jj_awal, cocok = revisi, jj, False
    while True:
        nl = data.find(b"\n", pos)
        if nl < 0:
            break
        raw = data[pos:nl]
        no += 1
        pos = nl + 1
        if rusak is None and (not raw or (kepala and no == 1 and urai_kepala(raw, path) is not None)):
            akhir, baris_akhir = pos, no  # the header, or the newline that closed a format-1 torn line
            continue
        obj = _urai(raw, path)
        if rusak is not None:
            if obj is not None and obj["rev"] > revisi and _sah_sendiri(obj):
                raise BerkasRusak(
                    f"Jurnal {path} rusak di baris {rusak[0]}: {rusak[1]}; sesudahnya ada perubahan tersimpan "
                    f"(revisi {obj['rev']}, baris {no}) yang tidak dapat dibaca tanpa baris itu. Tidak ada yang "
                    f"diubah. Pulihkan cadangan dengan `musrenbang pulihkan {path[:-len('.jurnal')]}` (jurnal "
                    "dan berkas sesi yang sekarang disimpan di samping), atau periksa disknya.")
            continue
        if obj is None:
            rusak = (no, "baris rusak (CRC atau JSON tidak sah)")
            continue
        if obj["rev"] <= revisi:
            akhir, baris_akhir = pos, no  # history: written before the state we have
            cocok = cocok or (obj["rev"] == awal and obj["jejak"] == jj_awal)
            continue
        if obj["skema"] != skema.SKEMA:
            raise BerkasRusak(
                f"Jurnal {path} baris {no} (revisi {obj['rev']}) ditulis oleh versi aplikasi dengan skema "
                f"{obj['skema']}; aplikasi ini memakai skema {skema.SKEMA}. Tidak ada yang diubah. Buka sesi "
                "dengan versi aplikasi itu lalu tutup (perubahannya dipadatkan ke berkas sesi), lalu buka lagi "
                "dengan versi ini.")
        if obj["dari"] != revisi or obj["jejak_dari"] != jj:
            rusak = (no, f"revisi {obj['rev']} tidak menyambung revisi {revisi} yang terbaca")
            continue
        masalah = _masalah(out, obj)
        if masalah:
            rusak = (no, f"revisi {obj['rev']}: {masalah}")
            continue
        _terapkan(out, disalin, obj, changed)
        revisi, jj = obj["rev"], obj["jejak"]
        akhir, baris_akhir = pos, no
        diterapkan += 1
    return Bacaan(out, changed, revisi, jj, akhir, baris_akhir, diterapkan, akhir < len(data), cocok)


__all__ = ["baca", "Bacaan", "Posisi", "buat_baris", "buat_kepala", "urai_kepala", "jejak", "VERSI", "BATAS_JURNAL",
           "BATAS_BARIS", "PADAT_BITA", "PADAT_BARIS"]


class Posisi:
    """One process's place in the session's journal: the open journal (kept open, so a journal replaced
    by compaction can still be read to its end), where its good part ends, its header, and its (inode,
    size, mtime) for the cheap poll. Not thread-safe: the Store serialises its use."""

    def __init__(self) -> None:
        self.fd: int | None = None
        self.ino = 0
        self.off = 0  # bytes of the journal used (applied or history)
        self.baris = 0  # lines up to `off`
        self.dasar: int | None = None  # the header's base revision; None: no header (format 1) or no journal
        self.sisa = False  # bytes after `off` ignored (cut by the next writer)
        self.tanda: tuple[int, int, int] | None = None  # (inode, size, mtime) when last read

    def ganti(self, fd: int | None, off: int = 0, baris: int = 0, dasar: int | None = None) -> None:
        """Follow the journal open as `fd` (None: no journal) from `off`; the previous one is closed."""
        if self.fd is not None and self.fd != fd:
            try:
                os.close(self.fd)
            except OSError:
                pass
        self.fd, self.off, self.baris, self.dasar, self.sisa = fd, off, baris, dasar, False
        self.ino = 0
        self.tanda = None
        if fd is not None:
            st = os.fstat(fd)
            self.ino = st.st_ino
            self.tanda = (st.st_ino, st.st_size, st.st_mtime_ns)

    def tutup(self) -> None:
        self.ganti(None)

    def __del__(self) -> None:  # pragma: no cover - best effort when a Store is dropped
        try:
            self.tutup()
        except Exception:  # noqa: BLE001
            pass
