"""The session store: one JSON file that never loses an acknowledged change.

The recipe (CRAFT.md): a transaction takes an exclusive lock on `<store>.lock`, re-reads the file if
another process changed it, applies the change in memory, serialises, writes a temp file in the same
folder, fsyncs it, keeps the previous file as `<store>.bak` (a hard link, or a copy), `os.replace`s the
temp file over the store and fsyncs the folder, then releases the lock. A file that fails to parse or
validate is never overwritten. Readers never lock: the file is only ever replaced whole.

The file is TinyDB's layout (`{table: {id: record}}`) plus a `_meta` block with the format name, the
schema version and a revision number; `AtomicJSONStorage` lets TinyDB itself read and write it. Each
record is one line of compact JSON, so the file stays readable and diffable and is serialised by the C
encoder (indenting everything would use the slow pure-Python one); a transaction re-serialises only the
records it changed (`_Penyandi`), writing the same bytes a full serialisation would.
"""

from __future__ import annotations

import copy
import errno
import json
import os
import re
import secrets
import stat
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from itertools import islice
from pathlib import Path
from typing import Any, Callable, Iterator, Mapping

from tinydb.storages import Storage

from . import akun as _akun
from . import riwayat
from .data import Data
from .errors import (
    BerkasRusak,
    BerkasSibuk,
    BerkasSudahAda,
    BerkasTidakAda,
    DataDitolak,
    GagalMenyimpan,
    PeranTidakBerwenang,
    SesiTerkunci,
    SkemaTerlaluBaru,
)
from .lock import LockTimeout, ProcessLock
from .model import TABLES
from . import skema
from .skema import FORMAT

# --- low-level I/O, one indirection so fault-injection tests can fail any step ---------------------


class _IO:
    open = staticmethod(os.open)
    write = staticmethod(os.write)
    fsync = staticmethod(os.fsync)
    close = staticmethod(os.close)
    replace = staticmethod(os.replace)
    link = staticmethod(os.link)
    unlink = staticmethod(os.unlink)


io = _IO()


def _fsync_dir(folder: str) -> None:
    if os.name == "nt":  # pragma: no cover - folders cannot be fsynced on Windows
        return
    fd = io.open(folder, os.O_RDONLY)
    try:
        io.fsync(fd)
    finally:
        io.close(fd)


def _write_temp(folder: str, name: str, payload: bytes, mode: int, gid: int | None = None) -> str:
    """Write payload to a new temp file in folder and fsync it; return its path.

    The temp file gets `mode` exactly (whatever the umask) and, where allowed, the group `gid`, so the
    store keeps the mode and group it had.
    """
    tmp = os.path.join(folder, f".{name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    fd = io.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    try:
        try:
            if hasattr(os, "fchmod"):
                try:
                    if gid is not None:
                        os.fchown(fd, -1, gid)  # fails unless we are in that group: then ours
                except OSError:
                    pass
                try:
                    os.fchmod(fd, mode)  # the umask may have narrowed it
                except OSError:
                    pass  # file systems without modes (FAT) refuse: the content matters, not the mode
            view = memoryview(payload)
            while view:
                n = io.write(fd, view)
                view = view[n:]
            io.fsync(fd)
        finally:
            io.close(fd)
    except BaseException:
        _hapus(tmp)
        raise
    return tmp


def _hapus(path: str) -> None:
    """Remove a temp file, ignoring failure (a later writer removes strays)."""
    try:
        io.unlink(path)
    except OSError:
        pass


def _pasang(tmp: str, tujuan: str) -> None:
    """Atomically put tmp in place of tujuan; on failure the temp file is removed."""
    try:
        io.replace(tmp, tujuan)
    except BaseException:
        _hapus(tmp)
        raise


def _pasang_baru(tmp: str, tujuan: str) -> None:
    """Put tmp at tujuan only if nothing is there yet (FileExistsError otherwise).

    A hard link does it atomically (tmp stays; the caller removes it). Where the file system has no
    hard links (FAT flash drives), the name is first reserved with an exclusive create and tmp is then
    moved over it."""
    try:
        io.link(tmp, tujuan)
        return
    except OSError as e:
        if isinstance(e, FileExistsError) or e.errno not in _TANPA_LINK:
            raise
    io.close(io.open(tujuan, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    try:
        io.replace(tmp, tujuan)
    except BaseException:
        _hapus(tujuan)
        raise


def _temp_re(name: str) -> "re.Pattern[str]":
    return re.compile(rf"^\.{re.escape(name)}(?:\.bak)?\.(\d+)\.[0-9a-f]{{8}}\.tmp$")


def pesan_oserror(e: OSError, path: str) -> str:
    if e.errno == errno.ENOSPC:
        return f"Disk penuh: perubahan tidak tersimpan ke {path}. Kosongkan ruang disk lalu ulangi."
    if e.errno == errno.EROFS:
        return (f"Tidak dapat menulis ke {path}: disk atau foldernya hanya-baca. Perubahan tidak tersimpan; "
                "salin berkas ke folder yang dapat ditulisi lalu buka dari sana.")
    if e.errno in (errno.EACCES, errno.EPERM):
        return (f"Tidak dapat menulis ke folder berkas {path} (hanya-baca atau tanpa izin). "
                "Perubahan tidak tersimpan.")
    if e.errno == getattr(errno, "EDQUOT", None):
        return f"Kuota disk habis: perubahan tidak tersimpan ke {path}. Kosongkan ruang lalu ulangi."
    return f"Gagal menyimpan ke {path}: {e.strerror or e}. Perubahan tidak tersimpan."


# --- serialisation ---------------------------------------------------------------------------------


_dumps = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode


def _urutan_tabel(tables: Mapping[str, Any]) -> list[str]:
    return [t for t in TABLES if t in tables] + sorted(t for t in tables if t not in TABLES)


def _baris(k: str, v: Any) -> str:
    return f"  {_dumps(str(k))}: {_dumps(v)}"


def _tabel_bytes(name: str, lines: list[str]) -> bytes:
    """One table's part of the file, from its record lines."""
    head = f",\n {_dumps(name)}: "
    if not lines:
        return (head + "{}").encode("utf-8")
    return (head + "{\n" + ",\n".join(lines) + "\n }").encode("utf-8")


def encode(meta: Mapping[str, Any], tables: Mapping[str, Mapping[str, Any]]) -> bytes:
    """The file's bytes: `_meta` on the second line, then each table with one record per line."""
    parts = [('{\n "_meta": ' + _dumps(dict(meta))).encode("utf-8")]
    for name in _urutan_tabel(tables):
        parts.append(_tabel_bytes(name, [_baris(k, v) for k, v in tables[name].items()]))
    parts.append(b"\n}\n")
    return b"".join(parts)


@dataclass
class _Tabel:
    obj: Mapping[str, Any]  # the table dict these lines were made from
    keys: list[str]
    lines: list[str]
    index: dict[str, int]
    chunk: bytes


class _Penyandi:
    """`encode` that re-serialises only what a transaction changed: the same bytes, much less work.

    A score keystroke replaces one record in `skor` and appends one to `riwayat`; re-serialising the
    whole session every time dominated the transaction (50 ms at 1,000 usulan, 340 ms at 5,000). Unchanged
    tables reuse their bytes; a changed table has only its changed lines re-made, and falls back to a full
    rebuild whenever its key order is not what the patch expects.
    """

    def __init__(self) -> None:
        self._tabel: dict[str, _Tabel] = {}

    @staticmethod
    def _penuh(name: str, table: Mapping[str, Any]) -> _Tabel:
        keys = list(table)
        lines = [_baris(k, table[k]) for k in keys]
        return _Tabel(table, keys, lines, {k: i for i, k in enumerate(keys)}, _tabel_bytes(name, lines))

    @staticmethod
    def _tambal(name: str, lama: _Tabel, table: Mapping[str, Any], ids: set[str]) -> _Tabel | None:
        keys, lines, index = lama.keys, list(lama.lines), lama.index
        hapus = {k for k in ids if k not in table and k in index}
        baru = [k for k in ids if k in table and k not in index]
        if hapus:
            pairs = [(k, line) for k, line in zip(keys, lines) if k not in hapus]
            keys = [k for k, _ in pairs]
            lines = [line for _, line in pairs]
            index = {k: i for i, k in enumerate(keys)}
        else:
            keys = list(keys)
            index = dict(index) if baru else index
        for k in ids:
            if k in table and k in index:
                lines[index[k]] = _baris(k, table[k])
        if baru:
            ekor = list(islice(reversed(table), len(baru)))[::-1]
            if set(ekor) != set(baru):
                return None
            for k in ekor:
                index[k] = len(keys)
                keys.append(k)
                lines.append(_baris(k, table[k]))
        if len(keys) != len(table) or keys != list(table):
            return None
        return _Tabel(table, keys, lines, index, _tabel_bytes(name, lines))

    def encode(self, meta: Mapping[str, Any], tables: Mapping[str, Mapping[str, Any]],
               changed: Mapping[str, set[str] | None] | None = None,
               base: Mapping[str, Mapping[str, Any]] | None = None) -> bytes:
        """`changed` (table -> ids put or deleted) applies to `base`, the tables the transaction started
        from: a table is patched only when the lines kept are those of its base table."""
        parts = [('{\n "_meta": ' + _dumps(dict(meta))).encode("utf-8")]
        baru: dict[str, _Tabel] = {}
        for name in _urutan_tabel(tables):
            table = tables[name]
            lama = self._tabel.get(name)
            if lama is not None and lama.obj is table:
                st = lama
            else:
                ids = changed.get(name) if changed is not None else None
                st = None
                if lama is not None and ids is not None and base is not None and lama.obj is base.get(name):
                    st = self._tambal(name, lama, table, ids)
                if st is None:
                    st = self._penuh(name, table)
            baru[name] = st
            parts.append(st.chunk)
        parts.append(b"\n}\n")
        self._tabel = baru
        return b"".join(parts)

    def lupakan(self) -> None:
        self._tabel.clear()


def decode(payload: bytes, path: str) -> tuple[dict, dict]:
    """Parse and validate the file's bytes; return (meta, tables) at the current schema."""
    if not payload.strip():
        raise BerkasRusak(f"Berkas {path} kosong: bukan berkas sesi Musrenbang yang utuh.")
    try:
        text = payload.decode("utf-8")
    except UnicodeDecodeError as e:
        raise BerkasRusak(f"Berkas {path} rusak: bukan teks UTF-8 (bita ke-{e.start + 1}).") from None
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as e:
        raise BerkasRusak(
            f"Berkas {path} rusak: JSON tidak sah di baris {e.lineno} kolom {e.colno} ({e.msg})."
        ) from None
    meta, tables = skema.validasi(obj, path)
    if meta["skema"] > skema.SKEMA:
        raise SkemaTerlaluBaru(
            f"Berkas {path} dibuat oleh versi aplikasi yang lebih baru (skema {meta['skema']}; "
            f"aplikasi ini mengenal skema {skema.SKEMA}). Perbarui aplikasi; berkas tidak diubah."
        )
    if meta["skema"] < skema.SKEMA:
        # Migrated in memory only: the file is written at the new schema by the next transaction (and
        # the schema-n file is then kept as the backup).
        meta, tables = skema.migrasi(meta, tables, path)
        meta, tables = skema.validasi({"_meta": meta, **tables}, path)
    return meta, tables


# --- who is acting ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Pelaku:
    """The person at this terminal and their role."""

    nama: str = "operator"
    peran: str = "operator"
    #: The unix login of the process's real uid (issue 10, `sesi/akun.py`): recorded in the history beside
    #: `nama`, and what decides the role where the session binds roles to accounts.
    akun: str = field(default_factory=lambda: _akun.akun_sekarang())


def _signature(st: os.stat_result) -> tuple[int, int, int]:
    return (st.st_ino, st.st_mtime_ns, st.st_size)


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

    def table(self, table: str) -> Mapping[str, Any]:
        return self._tables.get(table, {})

    @property
    def waktu_iso(self) -> str:
        return self.waktu.isoformat(timespec="seconds")

    # writing
    def _own(self, table: str) -> dict[str, Any]:
        if table not in self._copied:
            self._tables[table] = dict(self._tables.get(table, {}))
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
        if self.pelaku.peran not in peran:
            from .model import PERAN

            boleh = ", ".join(PERAN[p] for p in peran)
            raise PeranTidakBerwenang(
                f"Peran {PERAN.get(self.pelaku.peran, self.pelaku.peran)} tidak berwenang untuk ini "
                f"(hanya: {boleh})."
            )

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


# --- the store -------------------------------------------------------------------------------------


class Store:
    """One session file. Safe to use from several processes at once, and from several threads of one
    process (transactions on one `Store` object are serialised)."""

    def __init__(
        self,
        path: str | os.PathLike[str],
        pelaku: Pelaku | None = None,
        clock: Callable[[], datetime] | None = None,
        lock_timeout: float = 10.0,
    ):
        self.path = os.path.abspath(os.fspath(path))
        self.folder = os.path.dirname(self.path)
        self.name = os.path.basename(self.path)
        self.lock_path = self.path + ".lock"
        self.backup_path = self.path + ".bak"
        self.pelaku = pelaku or Pelaku()
        self.clock = clock or (lambda: datetime.now().replace(microsecond=0))
        self._lock = ProcessLock(self.lock_path, mode=0o666 & ~_umask(), timeout=lock_timeout)
        # Threads of this process: one transaction at a time per Store (the process lock is re-entrant
        # per object, so without this two threads would both "hold" it and lose each other's updates).
        self._mutex = threading.RLock()
        self._dalam_transaksi = False
        self._temp_dibersihkan = False
        self._sig: tuple[int, int, int] | None = None
        self._kepala: bytes | None = None  # the first bytes of the file as last read or written
        self._penyandi = _Penyandi()
        self._data: Data | None = None

    # creating and opening
    @classmethod
    def buat(cls, path: str | os.PathLike[str], info: Mapping[str, Any], **kwargs: Any) -> "Store":
        """Create a new session file; refuse if the path already exists."""
        store = cls(path, **kwargs)
        if os.path.lexists(store.path):
            raise BerkasSudahAda(f"Berkas {store.path} sudah ada; tidak ditimpa. Pilih nama lain.")
        if not os.path.isdir(store.folder):
            raise GagalMenyimpan(f"Folder {store.folder} tidak ada.")
        meta = {"format": FORMAT, "skema": skema.SKEMA, "revisi": 1}
        tables: dict[str, dict[str, Any]] = {t: {} for t in TABLES}
        tables["sesi"] = {"info": dict(info)}
        entry = {"id": riwayat.id_entri(1), "waktu": store.clock().isoformat(timespec="seconds"),
                 "nama": store.pelaku.nama, "peran": store.pelaku.peran, "akun": store.pelaku.akun,
                 "aksi": "buat sesi", "objek": "sesi", "lama": None, "baru": dict(info),
                 riwayat.UBAH: riwayat.ubah(tables, {"sesi": {"info"}})}
        entry["hash"] = riwayat.hash_entri(riwayat.AWAL, entry)
        tables["riwayat"] = {entry["id"]: entry}
        payload = _encode_checked(meta, tables)
        linked = False
        try:
            tmp = _write_temp(store.folder, store.name, payload, 0o666 & ~_umask())
            try:
                _pasang_baru(tmp, store.path)
                linked = True
            except FileExistsError:
                raise BerkasSudahAda(f"Berkas {store.path} sudah ada; tidak ditimpa.") from None
            finally:
                _hapus(tmp)
            _fsync_dir(store.folder)
        except OSError as e:
            if linked:  # not known to be on disk: take it back, so a retry can create it again
                _hapus(store.path)
            raise GagalMenyimpan(pesan_oserror(e, store.path)) from None
        return store

    @classmethod
    def buka(cls, path: str | os.PathLike[str], **kwargs: Any) -> "Store":
        """Open an existing session file and check that it can be read."""
        store = cls(path, **kwargs)
        store.muat()
        return store

    # reading
    def muat(self) -> Data:
        """The current session, re-read from disk only if the file changed since the last read."""
        with self._mutex:
            return self._muat()

    def _muat(self) -> Data:
        try:
            fd = os.open(self.path, os.O_RDONLY)
        except FileNotFoundError:
            raise BerkasTidakAda(f"Berkas {self.path} tidak ditemukan.") from None
        except IsADirectoryError:
            raise BerkasRusak(f"{self.path} adalah folder, bukan berkas sesi.") from None
        except OSError as e:
            raise BerkasRusak(f"Berkas {self.path} tidak dapat dibaca: {e.strerror}.") from None
        try:
            st = os.fstat(fd)
            if not stat.S_ISREG(st.st_mode):
                raise BerkasRusak(f"{self.path} bukan berkas biasa.")
            sig = _signature(st)
            with os.fdopen(fd, "rb", closefd=False) as f:
                head = f.read(_KEPALA)
                # Same (inode, mtime, size) and the same first bytes (which hold the revision): the
                # file we have. The head check guards against an inode reused within one mtime tick.
                if (sig == self._sig and self._data is not None and self._kepala is not None
                        and self._kepala[:len(head)] == head):
                    return self._data
                payload = head + f.read()
        except OSError as e:
            raise BerkasRusak(f"Berkas {self.path} tidak dapat dibaca: {e.strerror}.") from None
        finally:
            os.close(fd)
        meta, tables = decode(payload, self.path)
        self._data = Data(tables, meta["revisi"], prev=self._data)
        self._sig = sig
        self._kepala = payload[:_KEPALA]  # not the whole file: 11 MB at 5,000 usulan, needed by no one
        return self._data

    @property
    def data(self) -> Data:
        """The last session read or written by this process (reads it on first use)."""
        data = self._data
        return data if data is not None else self.muat()

    def berubah(self) -> bool:
        """Cheap poll: has the file been replaced since this process last read or wrote it?"""
        try:
            return _signature(os.stat(self.path)) != self._sig
        except OSError:
            return True

    @property
    def revisi(self) -> int:
        return self.data.revisi

    # writing
    @contextmanager
    def transaksi(self) -> Iterator[Transaksi]:
        """One atomic change. On success the file holds it and `self.data` shows it.

        If the body raises, or writing fails (GagalMenyimpan), nothing is saved and `self.data` stays
        as it was. Transactions on one Store do not nest (the outer one would overwrite the inner).
        """
        if self.pelaku.peran == "tayang":
            raise PeranTidakBerwenang("Terminal tayangan hanya menampilkan; tidak dapat mengubah data.")
        with self._mutex:
            if self._dalam_transaksi:
                raise RuntimeError("Transaksi bersarang pada Store yang sama tidak didukung.")
            self._kunci()
            self._dalam_transaksi = True
            try:
                base = self._muat()
                self._bersihkan_temp()
                tx = Transaksi(base, self.pelaku, self.clock())
                yield tx
                if not tx.ada_perubahan:
                    return
                if base.info.terkunci and not tx.buka_kunci:
                    raise SesiTerkunci(
                        "Berita acara sudah disahkan: sesi terkunci dan tidak menerima perubahan. "
                        "Buka kembali pengesahan (dengan alasan) bila perlu mengubah."
                    )
                masalah = skema.masalah_perubahan(tx._tables, tx.changed_ids)
                if masalah:  # a bug in an action: refuse it rather than write a file no one can open
                    raise DataDitolak(f"Perubahan tidak disimpan karena datanya tidak sah ({masalah}). "
                                      "Berkas tidak diubah.")
                try:
                    tables = tx._finish()
                except UnicodeEncodeError as e:
                    raise _teks_tidak_sah(e) from None
                self._commit(base, tables, tx)
            finally:
                self._dalam_transaksi = False
                self._lock.release()

    def _kunci(self) -> None:
        """Take the lock between processes; the lock file gets the store file's mode and group."""
        if os.path.exists(self.path):
            self._lock.mode, self._lock.gid = _mode_grup(self.path)
        try:
            self._lock.acquire()
        except LockTimeout:
            raise BerkasSibuk(
                f"Berkas {self.path} sedang ditulis proses lain terlalu lama. Coba lagi sebentar."
            ) from None
        except OSError as e:
            raise GagalMenyimpan(pesan_oserror(e, self.lock_path)) from None

    def _bersihkan_temp(self) -> None:
        """Once per Store, under the lock: remove temp files left by writers that were killed.

        Every writer makes and removes its temp files while it holds the lock, so whatever temp file of
        this store exists while we hold it was left by a writer that died mid-transaction. (Checking the
        pid in the name is not enough: Linux reuses pids and thread ids, so a dead writer's pid can look
        alive.)"""
        if self._temp_dibersihkan:
            return
        self._temp_dibersihkan = True
        pola = _temp_re(self.name)
        try:
            names = os.listdir(self.folder)
        except OSError:
            return
        for n in names:
            m = pola.match(n)
            if m and int(m.group(1)) != os.getpid():
                try:
                    os.unlink(os.path.join(self.folder, n))
                except OSError:
                    pass

    def _commit(self, base: Data, tables: dict[str, dict[str, Any]], tx: Transaksi) -> None:
        revisi = base.revisi + 1
        meta = {"format": FORMAT, "skema": skema.SKEMA, "revisi": revisi}
        payload = _encode_checked(meta, tables, self._penyandi, tx.changed_ids, base.raw)
        mode, gid = _mode_grup(self.path)
        try:
            tmp = _write_temp(self.folder, self.name, payload, mode, gid)
            try:
                self._keep_backup(mode, gid)
            except BaseException:
                _hapus(tmp)
                raise
            _pasang(tmp, self.path)
        except OSError as e:
            self._sig = None  # unknown state: re-read from disk next time
            raise GagalMenyimpan(pesan_oserror(e, self.path)) from None
        try:
            _fsync_dir(self.folder)
        except OSError as e:
            # The new file is in place but the disk would not confirm it. Put the old one back, so that
            # what everyone sees matches what we tell the user: not saved (try again).
            self._sig = None
            raise GagalMenyimpan(self._kembalikan(mode, gid, e)) from None
        st = os.stat(self.path)
        self._sig = _signature(st)
        self._kepala = payload[:_KEPALA]
        self._data = Data(tables, revisi, prev=base, changed=tx.changed_ids)

    def _kembalikan(self, mode: int, gid: int | None, e: OSError) -> str:
        """After a failed folder fsync: restore the previous revision (just kept as the backup); return the
        message for the user."""
        sebab = e.strerror or str(e)
        try:
            lama: bytes | None = Path(self.backup_path).read_bytes()
        except OSError:
            lama = None
        if lama is not None:
            try:
                _pasang(_write_temp(self.folder, self.name, lama, mode, gid), self.path)
                try:
                    _fsync_dir(self.folder)
                except OSError:
                    pass
                return pesan_oserror(e, self.path)
            except OSError:
                pass
        return (f"Disk tidak dapat memastikan perubahan tersimpan permanen di {self.path} ({sebab}). "
                "Perubahan mungkin sudah tertulis; muat ulang untuk memeriksa, dan periksa disk.")

    def _keep_backup(self, mode: int, gid: int | None = None) -> None:
        """Make `<store>.bak` the file as it is now (the last good revision)."""
        tmp = os.path.join(self.folder, f".{self.name}.bak.{os.getpid()}.{secrets.token_hex(4)}.tmp")
        try:
            io.link(self.path, tmp)
        except OSError as e:
            if e.errno not in _TANPA_LINK:
                raise
            # No hard links here (FAT): copy the file as it is now (validated by _muat under this lock).
            tmp = _write_temp(self.folder, self.name + ".bak", Path(self.path).read_bytes(), mode, gid)
        _pasang(tmp, self.backup_path)

    # restoring
    def periksa_cadangan(self) -> Data:
        """Read and validate the backup file (raises if it is missing or damaged)."""
        return self._baca_cadangan()[0]

    def _baca_cadangan(self) -> tuple[Data, bytes]:
        try:
            payload = Path(self.backup_path).read_bytes()
        except FileNotFoundError:
            raise BerkasTidakAda(f"Cadangan {self.backup_path} tidak ada.") from None
        except OSError as e:
            raise BerkasRusak(f"Cadangan {self.backup_path} tidak dapat dibaca: {e.strerror}.") from None
        meta, tables = decode(payload, self.backup_path)
        return Data(tables, meta["revisi"]), payload

    def pulihkan(self) -> str:
        """Put the backup in place of the store; the file it replaces is kept aside.

        Returns the path the replaced file was kept under ("" when there was no file). The backup is
        checked under the lock, so what is restored is exactly what was checked.
        """
        with self._mutex:
            if self._dalam_transaksi:
                raise RuntimeError("pulihkan() di dalam transaksi tidak didukung.")
            self._kunci()
            try:
                _, payload = self._baca_cadangan()
                aside = ""
                if os.path.lexists(self.path):
                    stamp = self.clock().strftime("%Y%m%d-%H%M%S")
                    aside = f"{self.path}.rusak-{stamp}"
                    n = 1
                    while os.path.lexists(aside):
                        n += 1
                        aside = f"{self.path}.rusak-{stamp}-{n}"
                mode, gid = _mode_grup(self.backup_path)
                try:
                    tmp = _write_temp(self.folder, self.name, payload, mode, gid)
                    try:
                        if aside:
                            self._simpan_di_samping(aside, mode, gid)
                    except BaseException:
                        _hapus(tmp)
                        raise
                    _pasang(tmp, self.path)
                    _fsync_dir(self.folder)
                except OSError as e:
                    raise GagalMenyimpan(pesan_oserror(e, self.path)) from None
                self._sig = None
                self._kepala = None
                self._data = None
                return aside
            finally:
                self._lock.release()

    def _simpan_di_samping(self, aside: str, mode: int, gid: int | None) -> None:
        """Keep the current file as `aside` (a hard link, or a copy where links are not possible)."""
        try:
            io.link(self.path, aside)
            return
        except OSError as e:
            if e.errno not in _TANPA_LINK:
                raise
        with open(self.path, "rb") as f:
            isi = f.read()
        _pasang(_write_temp(self.folder, self.name, isi, mode, gid), aside)


#: Errors that mean "this file system has no hard links" (FAT, some network shares): copy instead.
_TANPA_LINK = {errno.EPERM, errno.EXDEV, errno.EMLINK, errno.ENOTSUP, errno.EOPNOTSUPP,
               getattr(errno, "ENOSYS", errno.EPERM)}

_KEPALA = 256  # bytes compared to confirm a cached read (the revision is on the second line)


def _teks_tidak_sah(e: UnicodeEncodeError) -> DataDitolak:
    return DataDitolak(
        f"Teks memuat karakter yang tidak sah (kode {ord(e.object[e.start]):#x}) dan tidak dapat "
        "disimpan. Ketik ulang teks itu; tidak ada yang diubah."
    )


def _encode_checked(meta: Mapping[str, Any], tables: Mapping[str, Mapping[str, Any]],
                    penyandi: "_Penyandi | None" = None,
                    changed: Mapping[str, set[str] | None] | None = None,
                    base: Mapping[str, Mapping[str, Any]] | None = None) -> bytes:
    try:
        if penyandi is not None:
            return penyandi.encode(meta, tables, changed, base)
        return encode(meta, tables)
    except UnicodeEncodeError as e:
        if penyandi is not None:
            penyandi.lupakan()
        raise _teks_tidak_sah(e) from None


def _mode_grup(path: str) -> tuple[int, int | None]:
    """The mode and group a file written in place of `path` should keep (defaults when it is absent)."""
    try:
        st = os.stat(path)
    except OSError:
        return 0o666 & ~_umask(), None
    return stat.S_IMODE(st.st_mode), st.st_gid


def _umask() -> int:
    """The process umask, read without changing it where possible (changing it races with threads)."""
    try:
        with open("/proc/self/status", encoding="ascii", errors="replace") as f:
            for line in f:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0)
    os.umask(mask)
    return mask


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
            for name in list(tx._tables):
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
