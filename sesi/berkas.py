"""One safe writer (and bounded reader) for every file the program touches.

Everything the program writes (the session store's revisions and backups, exports, the berita acara, TUI
saves, the crash log) goes through here, because the folder may be shared by a whole unix group on the day
(docs/keandalan.md, "Keamanan"). The rules:

- A new file is written to a temp file in the same folder, created with ``O_CREAT | O_EXCL |
  O_NOFOLLOW`` under an unpredictable name (``.NAME.<pid>.<8 hex>.tmp``), fsynced, then renamed over the
  target, and the folder is fsynced: a reader sees the old file or the new one, never half, and a symlink
  planted at any name we could create is never followed.
- The target itself is looked at with ``lstat`` first: a symlink, FIFO, socket, block device or folder
  there is refused with a message (``BerkasTidakAman``); it is never followed or replaced.
- A character device (``/dev/null``, a terminal) is written into, as ``cp`` does, never replaced.
- ``-`` means standard output.

- Reads (``buka_baca``, ``baca_terbatas``) open with ``O_NOFOLLOW | O_NONBLOCK`` and accept only a
  regular file, of bounded size.
- Every low-level write call goes through ``io`` (open, write, fsync, close, replace, link, unlink), so
  tests/test_store_faults.py can fail each one in turn.

Errors: ``BerkasTidakAman`` (a ``SesiError`` with an Indonesian message) for a target we refuse;
``OSError`` for I/O failures (callers turn it into a message with ``pesan_oserror``).
"""

from __future__ import annotations

import errno
import os
import secrets
import stat
import sys
import weakref
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


def tautan_keras(st: os.stat_result, path: str, nama: str, kerja: str = "tidak ditulis") -> None:
    """Refuse (BerkasTidakAman) a file opened in place that has more than one name (``st_nlink > 1``): in
    a shared folder a hard link planted at a companion name (``ln S.json S.json.jurnal``) would make us
    write into another file's inode (docs/keandalan.md, "Keamanan")."""
    if st.st_nlink > 1:
        raise BerkasTidakAman(
            f"{nama} {path} mempunyai {st.st_nlink} nama (tautan keras): {kerja}. Hapus atau pindahkan "
            "berkas itu (bila ada yang memasangnya di folder bersama, laporkan), lalu ulangi.")


#: The names beside a session file `S` that belong to it: the file, its backup, lock and journal.
AKHIRAN_PENDAMPING = ("", ".bak", ".lock", ".jurnal")
_SESI_DILINDUNGI: dict[str, int] = {}  # session path -> how many live objects have it open


def _lepas(path: str) -> None:
    n = _SESI_DILINDUNGI.get(path, 0) - 1
    if n > 0:
        _SESI_DILINDUNGI[path] = n
    else:
        _SESI_DILINDUNGI.pop(path, None)


def lindungi_sesi(path: str | os.PathLike[str], pemilik: object | None = None) -> None:
    """Name a session file this process has open (`sesi.store.Store` does, with itself as `pemilik`):
    `tulis_keluaran` then never writes over it or its companions (`AKHIRAN_PENDAMPING`), until `pemilik`
    is garbage-collected (for ever when None)."""
    p = os.path.abspath(os.fspath(path))
    _SESI_DILINDUNGI[p] = _SESI_DILINDUNGI.get(p, 0) + 1
    if pemilik is not None:
        weakref.finalize(pemilik, _lepas, p)


def periksa_bukan_sesi(tujuan: str | os.PathLike[str]) -> None:
    """Refuse (BerkasTidakAman) an output path that is a session file opened by this process or one of its
    companions (``S``, ``S.bak``, ``S.lock``, ``S.jurnal``): compared by resolved path, and by device and
    inode when both exist (a hard link or another spelling of the same file). The one rule every export
    (CLI ``ekspor -o``, the screens' save dialogs) goes through, via `tulis_keluaran`."""
    tujuan = os.fspath(tujuan)
    nyata = os.path.realpath(tujuan)
    try:
        st: os.stat_result | None = os.stat(tujuan)
    except OSError:
        st = None
    for sesi in sorted(_SESI_DILINDUNGI):  # a copy: finalizers may change it
        for akhiran in AKHIRAN_PENDAMPING:
            p = sesi + akhiran
            sama = os.path.realpath(p) == nyata
            if not sama and st is not None:
                try:
                    sp = os.stat(p)
                except OSError:
                    continue
                sama = (sp.st_dev, sp.st_ino) == (st.st_dev, st.st_ino)
            if sama:
                apa = "berkas sesi" if not akhiran else f"berkas pendamping sesi ({akhiran[1:]})"
                raise BerkasTidakAman(
                    f"{tujuan} adalah {apa} {sesi}: tidak ditimpa. Pilih nama berkas keluaran lain.")


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


# --- low-level I/O, one indirection so fault-injection tests can fail any step ----------------------


class _IO:
    """The calls every write goes through; tests/test_store_faults.py replaces them one at a time."""

    open = staticmethod(os.open)
    write = staticmethod(os.write)
    fsync = staticmethod(os.fsync)
    close = staticmethod(os.close)
    replace = staticmethod(os.replace)
    link = staticmethod(os.link)
    unlink = staticmethod(os.unlink)
    truncate = staticmethod(os.ftruncate)


io = _IO()
#: The calls the session journal's writes go through (`tambah_jurnal`, `mulai_jurnal`). Separate from `io`
#: (the snapshot's writes), so tests/test_store_faults.py fails each on its own.
io_jurnal = _IO()

#: Errors that mean "this file system has no hard links" (FAT, some network shares): copy instead.
TANPA_LINK = frozenset({errno.EPERM, errno.EXDEV, errno.EMLINK, errno.ENOTSUP, errno.EOPNOTSUPP,
                        getattr(errno, "ENOSYS", errno.EPERM)})


def fsync_folder(folder: str) -> None:
    """fsync a folder so a rename in it survives a power cut (a no-op where folders cannot be opened)."""
    if os.name == "nt":  # pragma: no cover - folders cannot be fsynced on Windows
        return
    fd = io.open(folder or ".", os.O_RDONLY)
    try:
        io.fsync(fd)
    finally:
        io.close(fd)


def hapus_diam(path: str) -> None:
    """Remove a temp file, ignoring failure (a later writer removes strays)."""
    try:
        io.unlink(path)
    except OSError:
        pass


def buat_temp(path: str, data: bytes, mode: int = 0o600, gid: int | None = None) -> str:
    """Write `data` to a new temp file beside `path` (exclusive create, no symlink followed), fsync it,
    give it `mode` exactly (whatever the umask) and, where allowed, group `gid`; return the temp file's
    path. On any failure the temp file is removed and the error raised."""
    tmp = nama_temp(path)
    fd = io.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC, mode)
    try:
        try:
            if gid is not None and hasattr(os, "fchown"):
                try:
                    os.fchown(fd, -1, gid)  # fails unless we are in that group: then ours
                except OSError:
                    pass
            if hasattr(os, "fchmod"):
                try:
                    os.fchmod(fd, mode)  # the umask may have narrowed it
                except OSError:
                    pass  # FAT and friends have no modes: the content matters, not the mode
            view = memoryview(data)
            while view:
                n = io.write(fd, view)
                view = view[n:]
            io.fsync(fd)
        finally:
            io.close(fd)
    except BaseException:
        hapus_diam(tmp)
        raise
    return tmp


def pasang(tmp: str, tujuan: str) -> None:
    """Atomically put `tmp` in place of `tujuan` (a rename); on failure `tmp` is removed."""
    try:
        io.replace(tmp, tujuan)
    except BaseException:
        hapus_diam(tmp)
        raise


def pasang_baru(tmp: str, tujuan: str) -> None:
    """Put `tmp` at `tujuan` only if nothing is there yet (FileExistsError otherwise).

    A hard link does it atomically (`tmp` stays; the caller removes it). Where the file system has no
    hard links (FAT flash drives), the name is first reserved with an exclusive create and `tmp` is then
    moved over it."""
    try:
        io.link(tmp, tujuan)
        return
    except OSError as e:
        if isinstance(e, FileExistsError) or e.errno not in TANPA_LINK:
            raise
    io.close(io.open(tujuan, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC, 0o600))
    try:
        io.replace(tmp, tujuan)
    except BaseException:
        hapus_diam(tujuan)
        raise


def umask() -> int:
    """The process umask, read without changing it where /proc tells (changing it races with threads)."""
    try:
        with open("/proc/self/status", encoding="ascii", errors="replace") as f:  # noqa: SIM115 - read only
            for line in f:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0)
    os.umask(mask)
    return mask


def mode_baru() -> int:
    """The mode a new file gets: 0o666 less the umask."""
    return 0o666 & ~umask()


def mode_grup(path: str) -> tuple[int, int | None]:
    """The mode and group a file written in place of `path` should keep (a new file's defaults when
    nothing is there)."""
    try:
        st = os.stat(path)
    except OSError:
        return mode_baru(), None
    return stat.S_IMODE(st.st_mode), st.st_gid


def pesan_oserror(e: OSError, path: str) -> str:
    """The Indonesian message for a failed write to `path` (disk full, quota, read-only, no rights)."""
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


def tulis_atomik(path: str | os.PathLike[str], data: bytes, *, mode: int | None = None,
                 gid: int | None = None) -> str:
    """Replace (or create) the regular file at `path` with `data` in one step; return its absolute path.

    `mode`/`gid` default to the existing file's (so a group-shared file stays shared), else 0o666 less
    the umask. Raises BerkasTidakAman when a symlink, FIFO, device or folder stands at `path`; OSError on
    I/O failure (the old file is then untouched and no temp file is left)."""
    path = os.path.abspath(os.fspath(path))
    st = periksa_tujuan(path)
    if mode is None:
        mode = stat.S_IMODE(st.st_mode) if st else mode_baru()
    if gid is None and st is not None:
        gid = st.st_gid
    pasang(buat_temp(path, data, mode, gid), path)
    fsync_folder(os.path.dirname(path))
    return path


def tulis_keluaran(tujuan: str | os.PathLike[str], data: bytes, *, stdout: BinaryIO | None = None) -> str:
    """Write an export to where the user asked; return a description for the message ('standar keluaran'
    or the absolute path).

    ``-`` is standard output; a character device is written into (``-o /dev/null`` stays a device); a
    regular file or a new name gets `tulis_atomik`; a symlink, FIFO, socket, block device or folder is
    refused with BerkasTidakAman, and so is an open session file or its companions (`periksa_bukan_sesi`).
    OSError on I/O failure."""
    tujuan = os.fspath(tujuan)
    if tujuan == "-":
        out = stdout or sys.stdout.buffer
        out.write(data)
        out.flush()
        return "standar keluaran"
    path = os.path.abspath(tujuan)
    periksa_bukan_sesi(path)
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


def _buka_jurnal(path: str, mode: int, gid: int | None) -> int:
    """Open the existing journal for appending: a regular file with one name only (BerkasTidakAman
    otherwise: never through a symlink, never waiting on a FIFO, never into another file's inode). A
    journal whose mode or group differ from the session file's gets the file's, where we may."""
    flags = os.O_WRONLY | os.O_APPEND | _NOFOLLOW | _NONBLOCK | _CLOEXEC
    try:
        fd = io_jurnal.open(path, flags)
    except OSError as e:
        if e.errno in (errno.ELOOP, errno.ENXIO, errno.EISDIR):
            raise BerkasTidakAman(f"Jurnal {path} bukan berkas biasa: tidak ditulis.") from None
        raise
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise BerkasTidakAman(f"Jurnal {path} adalah {jenis_berkas(st.st_mode)}, bukan berkas biasa: "
                                  "tidak ditulis.")
        tautan_keras(st, path, "Jurnal")
        if stat.S_IMODE(st.st_mode) != mode or (gid is not None and st.st_gid != gid):
            _beri_mode(fd, mode, gid)
    except BaseException:
        io_jurnal.close(fd)
        raise
    return fd


def _beri_mode(fd: int, mode: int, gid: int | None) -> None:
    """Give the open journal `fd` the session file's mode and group, where we may (only its owner can)."""
    if not hasattr(os, "fchmod"):
        return
    if gid is not None:
        try:
            os.fchown(fd, -1, gid)
        except OSError:
            pass
    try:
        os.fchmod(fd, mode)
    except OSError:
        pass


def _tulis_semua(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        n = io_jurnal.write(fd, view)
        view = view[n:]


def tambah_jurnal(path: str, baris: bytes, mode: int, gid: int | None, potong: int,
                  ino: int | None = None) -> tuple[int, int]:
    """Append one line (`baris`, ending in a newline) to the session journal at `path` and fsync it: the
    acknowledgement of a save (sesi/store.py). Returns (inode, size in bytes after the line).

    Called under the session lock. `potong`: where the journal's good part ends (sesi/jurnal.py `baca`):
    a torn or unacknowledged tail after it is cut off first. `ino`: the journal the caller has read; a
    different file at `path` raises OSError (nothing written). Never through a symlink, FIFO, device or
    hard link (BerkasTidakAman); never creates the journal (`mulai_jurnal` does). On OSError the journal
    is cut back to `potong` where possible, so the line is not there."""
    fd = _buka_jurnal(path, mode, gid)
    try:
        st = os.fstat(fd)
        if (ino is not None and st.st_ino != ino) or st.st_size < potong:
            raise OSError(errno.ESTALE, "jurnal diganti atau dipotong oleh proses lain")
        if st.st_size > potong:
            io_jurnal.truncate(fd, potong)
        try:
            _tulis_semua(fd, baris)
            io_jurnal.fsync(fd)
        except BaseException:
            try:
                io_jurnal.truncate(fd, potong)
                io_jurnal.fsync(fd)
            except OSError:
                pass
            raise
        return st.st_ino, potong + len(baris)
    finally:
        try:
            io_jurnal.close(fd)
        except OSError:
            pass  # after a successful fsync the line is on disk; before one, the error is already raised


def mulai_jurnal(path: str, isi: bytes, mode: int, gid: int | None) -> int:
    """Replace the journal in one step by a new one holding `isi` (its header line): a temp file,
    fsynced, renamed over it, then the folder fsynced. Returns the new journal's inode. A symlink,
    FIFO, device or folder at `path` is refused (BerkasTidakAman), never followed; OSError on failure
    (the old journal is then still in place)."""
    st = os.lstat(path) if os.path.lexists(path) else None
    if st is not None and not stat.S_ISREG(st.st_mode):
        raise BerkasTidakAman(f"Jurnal {path} adalah {jenis_berkas(st.st_mode)}, bukan berkas biasa: tidak "
                              "ditimpa.")
    tmp = nama_temp(path)
    fd = io_jurnal.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC, mode)
    try:
        try:
            _beri_mode(fd, mode, gid)
            _tulis_semua(fd, isi)
            io_jurnal.fsync(fd)
            ino = os.fstat(fd).st_ino
        finally:
            io_jurnal.close(fd)
        io_jurnal.replace(tmp, path)
    except BaseException:
        try:
            io_jurnal.unlink(tmp)
        except OSError:
            pass
        raise
    folder = os.path.dirname(os.path.abspath(path))
    if os.name != "nt":
        dfd = io_jurnal.open(folder, os.O_RDONLY)
        try:
            io_jurnal.fsync(dfd)
        finally:
            io_jurnal.close(dfd)
    return ino


def buka_baca(path: str | os.PathLike[str]) -> int:
    """Open a regular file for reading and return its descriptor: never through a symlink, never
    blocking on a FIFO. Raises BerkasTidakAman for anything but a regular file, FileNotFoundError,
    OSError."""
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
    except BaseException:
        os.close(fd)
        raise
    return fd


def baca_terbatas(path: str | os.PathLike[str], batas: int) -> bytes:
    """Read a regular file of at most `batas` bytes, never through a symlink and never blocking on a
    FIFO. Raises BerkasTidakAman (not a regular file, or larger than `batas`), FileNotFoundError, OSError."""
    path = os.fspath(path)
    fd = buka_baca(path)
    try:
        st = os.fstat(fd)
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


__all__ = ["tulis_atomik", "tulis_keluaran", "tambah_baris", "baca_terbatas", "buka_baca", "buat_temp",
           "periksa_tujuan", "periksa_bukan_sesi", "lindungi_sesi", "tautan_keras", "AKHIRAN_PENDAMPING", "fsync_folder", "nama_temp", "jenis_berkas", "io", "hapus_diam", "pasang",
           "pasang_baru", "umask", "io_jurnal", "tambah_jurnal", "mulai_jurnal", "mode_baru", "mode_grup", "pesan_oserror", "TANPA_LINK"]
