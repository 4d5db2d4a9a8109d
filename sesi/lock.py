"""An exclusive lock between processes on a separate `<store>.lock` file.

POSIX `flock` (Windows: `msvcrt.locking`): the kernel drops the lock when its holder dies, so a lock left
by a process that was killed is never stale. The lock file is never deleted (deleting it would let two
processes hold "the" lock on two different inodes). It is created with the mode (and group) of the store
file, whatever the umask, so a shared group keeps access to it; a lock file that can be read but not
written is still locked through a read-only descriptor. A symlink, FIFO or device at the lock file's
name is refused with `BerkasTidakAman` (docs/keandalan.md, "Keamanan").
"""

from __future__ import annotations

import errno
import os
import stat
import sys
import time

from .berkas import jenis_berkas
from .errors import BerkasTidakAman

#: Never follow a symlink, never wait on a FIFO, never leak the descriptor to a child process.
_AMAN = getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            return False

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


class LockTimeout(Exception):
    pass


class ProcessLock:
    """Re-entrant within one object; exclusive between processes (and between objects)."""

    def __init__(self, path: str, mode: int = 0o644, timeout: float = 10.0, poll: float = 0.005,
                 gid: int | None = None):
        self.path = path
        self.mode = mode
        self.gid = gid
        self.timeout = timeout
        self.poll = poll
        self._fd: int | None = None
        self._depth = 0

    def acquire(self) -> None:
        if self._fd is not None:
            self._depth += 1
            return
        fd = self._open()
        try:
            deadline = time.monotonic() + self.timeout
            delay = self.poll
            while not _try_lock(fd):
                if time.monotonic() >= deadline:
                    raise LockTimeout(self.path)
                time.sleep(delay)
                delay = min(delay * 2, 0.05)
        except BaseException:
            os.close(fd)
            raise
        self._fd = fd
        self._depth = 1

    def coba(self) -> bool:
        """Take the lock only if it is free now (never waits): True when taken (release it after)."""
        if self._fd is not None:
            self._depth += 1
            return True
        fd = self._open()
        if not _try_lock(fd):
            os.close(fd)
            return False
        self._fd = fd
        self._depth = 1
        return True

    def _open(self) -> int:
        """Open the lock file, creating it with `mode` (and `gid`) exactly, whatever the umask.

        Never through a symlink and never blocking (``O_NOFOLLOW | O_NONBLOCK``); what is opened must be
        a regular file, else BerkasTidakAman: in a shared folder a planted symlink must not make us
        create or lock a file elsewhere, and a FIFO must not hang us."""
        for _ in range(10):
            try:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_EXCL | _AMAN, self.mode)
            except FileExistsError:
                pass
            else:
                if hasattr(os, "fchmod"):
                    try:
                        if self.gid is not None:
                            os.fchown(fd, -1, self.gid)  # fails unless we are in that group
                    except OSError:
                        pass
                    try:
                        os.fchmod(fd, self.mode)  # the umask may have narrowed it
                    except OSError:
                        pass
                return fd
            try:
                return self._biasa(os.open(self.path, os.O_RDWR | _AMAN))
            except FileNotFoundError:
                continue  # removed meanwhile: create it again
            except PermissionError:
                # Someone else's lock file we may read but not write: flock needs no write access.
                return self._biasa(os.open(self.path, os.O_RDONLY | _AMAN))
            except OSError as e:
                if e.errno == errno.ELOOP:
                    raise self._tidak_aman("tautan simbolik (symlink)") from None
                if e.errno == errno.EISDIR:
                    raise self._tidak_aman("folder") from None
                raise
        return self._biasa(os.open(self.path, os.O_RDWR | os.O_CREAT | _AMAN, self.mode))

    def _biasa(self, fd: int) -> int:
        """`fd` if it is a regular file with one name (no hard link planted at the lock's name); otherwise it is closed and BerkasTidakAman raised."""
        try:
            st = os.fstat(fd)
        except BaseException:
            os.close(fd)
            raise
        if stat.S_ISREG(st.st_mode) and st.st_nlink <= 1:
            return fd
        os.close(fd)
        if stat.S_ISREG(st.st_mode):  # a hard link planted at the lock's name: another file's inode
            raise self._tidak_aman(f"nama lain ({st.st_nlink} nama, tautan keras) dari berkas lain")
        raise self._tidak_aman(jenis_berkas(st.st_mode))

    def _tidak_aman(self, jenis: str) -> BerkasTidakAman:
        return BerkasTidakAman(
            f"Berkas kunci {self.path} adalah {jenis}, bukan berkas biasa: tidak diikuti atau dipakai. "
            "Perubahan tidak tersimpan. Hapus atau pindahkan benda itu (bila ada yang memasangnya di folder "
            "bersama, laporkan), lalu ulangi.")

    def release(self) -> None:
        if self._fd is None:
            return
        self._depth -= 1
        if self._depth > 0:
            return
        fd, self._fd = self._fd, None
        try:
            _unlock(fd)
        finally:
            os.close(fd)

    @property
    def held(self) -> bool:
        return self._fd is not None

    def __enter__(self) -> "ProcessLock":
        self.acquire()
        return self

    def __exit__(self, *exc) -> None:
        self.release()
