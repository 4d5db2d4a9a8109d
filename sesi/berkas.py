"""One safe writer (and bounded reader) for every file the program touches outside the store's JSON.

Everything the program writes (exports, the berita acara, TUI saves, the crash log, and the store's
temp files) goes through here, because the folder may be shared by a whole unix group on the day
(docs/keandalan.md, "Keamanan"). The rules:

- A new file is written to a temp file in the same folder, created with ``O_CREAT | O_EXCL |
  O_NOFOLLOW`` under an unpredictable name (``.NAME.<pid>.<8 hex>.tmp``), fsynced, then renamed over the
  target, and the folder is fsynced: a reader sees the old file or the new one, never half, and a symlink
  planted at any name we could create is never followed.
- The target itself is looked at with ``lstat`` first: a symlink, FIFO, socket, block device or folder
  there is refused with a message (``BerkasTidakAman``); it is never followed or replaced.
- A character device (``/dev/null``, a terminal) is written into, as ``cp`` does, never replaced.
- ``-`` means standard output.

Errors: ``BerkasTidakAman`` (a ``SesiError`` with an Indonesian message) for a target we refuse;
``OSError`` for I/O failures (callers turn it into a message with ``pesan_oserror``).
"""

from __future__ import annotations

import errno
import os
import secrets
import stat
import sys
from typing import BinaryIO

from .errors import BerkasTidakAman

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)


def nama_temp(path: str) -> str:
    """An unpredictable temp-file name in the folder of `path`: ``.NAME.<pid>.<8 hex>.tmp``."""
    folder, name = os.path.split(os.path.abspath(path))
    return os.path.join(folder, f".{name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")


def jenis_berkas(mode: int) -> str:
    """An Indonesian word for a file type, for messages ('tautan simbolik', 'FIFO', ...)."""
    if stat.S_ISLNK(mode):
        return "tautan simbolik (symlink)"
    if stat.S_ISFIFO(mode):
        return "FIFO (pipa bernama)"
    if stat.S_ISSOCK(mode):
        return "soket"
    if stat.S_ISBLK(mode):
        return "perangkat blok"
    if stat.S_ISCHR(mode):
        return "perangkat karakter"
    if stat.S_ISDIR(mode):
        return "folder"
    return "berkas biasa"


def periksa_tujuan(path: str, *, boleh_perangkat: bool = False) -> os.stat_result | None:
    """What is at `path` now (``lstat``), or None when nothing is there.

    Raises BerkasTidakAman for a symlink, FIFO, socket, block device or folder, and for a character
    device unless `boleh_perangkat`. Never follows a link."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return None
    if stat.S_ISREG(st.st_mode) or (boleh_perangkat and stat.S_ISCHR(st.st_mode)):
        return st
    raise BerkasTidakAman(
        f"{path} adalah {jenis_berkas(st.st_mode)}, bukan berkas biasa: tidak ditulis. "
        "Pilih nama berkas lain (bila ada yang memasangnya di folder bersama, laporkan).")


def fsync_folder(folder: str) -> None:
    """fsync a folder so a rename in it survives a power cut (a no-op where folders cannot be opened)."""
    if os.name == "nt":  # pragma: no cover
        return
    fd = os.open(folder or ".", os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def buat_temp(path: str, data: bytes, mode: int = 0o600, gid: int | None = None) -> str:
    """Write `data` to a new temp file beside `path` (exclusive create, no symlink followed), fsync it,
    give it `mode` exactly and, where allowed, group `gid`; return the temp file's path."""
    tmp = nama_temp(path)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC, mode)
    try:
        try:
            if gid is not None and hasattr(os, "fchown"):
                try:
                    os.fchown(fd, -1, gid)
                except OSError:
                    pass
            if hasattr(os, "fchmod"):
                try:
                    os.fchmod(fd, mode)
                except OSError:
                    pass  # FAT and friends have no modes
            view = memoryview(data)
            while view:
                n = os.write(fd, view)
                view = view[n:]
            os.fsync(fd)
        finally:
            os.close(fd)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    return tmp


def _mode_baru() -> int:
    """The mode a new file gets: 0o666 less the umask (read without changing it where /proc tells)."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:  # noqa: SIM115 - read only
            for line in f:
                if line.startswith("Umask:"):
                    return 0o666 & ~int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    return 0o644


def tulis_atomik(path: str | os.PathLike[str], data: bytes, *, mode: int | None = None,
                 gid: int | None = None) -> str:
    """Replace (or create) the regular file at `path` with `data` in one step; return its absolute path.

    `mode`/`gid` default to the existing file's (so a group-shared file stays shared), else 0o666 less
    the umask. Raises BerkasTidakAman when a symlink, FIFO, device or folder stands at `path`; OSError on
    I/O failure (the old file is then untouched and no temp file is left)."""
    path = os.path.abspath(os.fspath(path))
    st = periksa_tujuan(path)
    if mode is None:
        mode = stat.S_IMODE(st.st_mode) if st else _mode_baru()
    if gid is None and st is not None:
        gid = st.st_gid
    tmp = buat_temp(path, data, mode, gid)
    try:
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    fsync_folder(os.path.dirname(path))
    return path


def tulis_keluaran(tujuan: str | os.PathLike[str], data: bytes, *, stdout: BinaryIO | None = None) -> str:
    """Write an export to where the user asked; return a description for the message ('standar keluaran'
    or the absolute path).

    ``-`` is standard output; a character device is written into (``-o /dev/null`` stays a device); a
    regular file or a new name gets `tulis_atomik`; a symlink, FIFO, socket, block device or folder is
    refused with BerkasTidakAman. OSError on I/O failure."""
    tujuan = os.fspath(tujuan)
    if tujuan == "-":
        out = stdout or sys.stdout.buffer
        out.write(data)
        out.flush()
        return "standar keluaran"
    path = os.path.abspath(tujuan)
    st = periksa_tujuan(path, boleh_perangkat=True)
    if st is not None and stat.S_ISCHR(st.st_mode):
        fd = os.open(path, os.O_WRONLY | _NOFOLLOW | _CLOEXEC)
        try:
            if not stat.S_ISCHR(os.fstat(fd).st_mode):  # swapped between lstat and open
                raise BerkasTidakAman(f"{path} berubah saat dibuka: tidak ditulis.")
            view = memoryview(data)
            while view:
                n = os.write(fd, view)
                view = view[n:]
        finally:
            os.close(fd)
        return path
    return tulis_atomik(path, data)


def tambah_baris(path: str | os.PathLike[str], teks: str, *, mode: int = 0o600) -> str:
    """Append `teks` (UTF-8) to a private log file, created with `mode`; never through a symlink, FIFO
    or device (BerkasTidakAman). Returns the absolute path."""
    path = os.path.abspath(os.fspath(path))
    periksa_tujuan(path)
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | _NOFOLLOW | _NONBLOCK | _CLOEXEC, mode)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise BerkasTidakAman(f"{path} bukan berkas biasa: tidak ditulis.")
        os.write(fd, teks.encode("utf-8", "replace"))
    finally:
        os.close(fd)
    return path


def baca_terbatas(path: str | os.PathLike[str], batas: int) -> bytes:
    """Read a regular file of at most `batas` bytes, never through a symlink and never blocking on a
    FIFO. Raises BerkasTidakAman (not a regular file, or larger than `batas`), FileNotFoundError, OSError."""
    path = os.fspath(path)
    try:
        fd = os.open(path, os.O_RDONLY | _NOFOLLOW | _NONBLOCK | _CLOEXEC)
    except OSError as e:
        if e.errno == errno.ELOOP:
            raise BerkasTidakAman(f"{path} adalah tautan simbolik (symlink): tidak dibaca.") from None
        raise
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise BerkasTidakAman(f"{path} adalah {jenis_berkas(st.st_mode)}, bukan berkas biasa: tidak dibaca.")
        if st.st_size > batas:
            raise BerkasTidakAman(f"{path} terlalu besar ({st.st_size} bita; paling besar {batas}): tidak dibaca.")
        bagian = []
        sisa = batas + 1
        while sisa > 0:
            b = os.read(fd, min(sisa, 1 << 20))
            if not b:
                break
            bagian.append(b)
            sisa -= len(b)
        data = b"".join(bagian)
        if len(data) > batas:
            raise BerkasTidakAman(f"{path} terlalu besar (lebih dari {batas} bita): tidak dibaca.")
        return data
    finally:
        os.close(fd)


__all__ = ["tulis_atomik", "tulis_keluaran", "tambah_baris", "baca_terbatas", "buat_temp", "periksa_tujuan",
           "fsync_folder", "nama_temp", "jenis_berkas"]
