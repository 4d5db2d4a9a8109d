"""An exclusive lock between processes on a separate `<store>.lock` file.

POSIX `flock` (Windows: `msvcrt.locking`): the kernel drops the lock when its holder dies, so a lock left
by a process that was killed is never stale. The lock file is never deleted (deleting it would let two
processes hold "the" lock on two different inodes). It is created with the mode (and group) of the store
file, whatever the umask, so a shared group keeps access to it; a lock file that can be read but not
written is still locked through a read-only descriptor.
"""

from __future__ import annotations

import os
import sys
import time

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

    def _open(self) -> int:
        """Open the lock file, creating it with `mode` (and `gid`) exactly, whatever the umask."""
        for _ in range(10):
            try:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_EXCL, self.mode)
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
                return os.open(self.path, os.O_RDWR)
            except FileNotFoundError:
                continue  # removed meanwhile: create it again
            except PermissionError:
                # Someone else's lock file we may read but not write: flock needs no write access.
                return os.open(self.path, os.O_RDONLY)
        return os.open(self.path, os.O_RDWR | os.O_CREAT, self.mode)

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
