"""Memory of a UI process: glibc's malloc settings at start, and an allocation dump for diagnosis.

Twelve terminals of one hall run on one laptop (issue 16: <= 600 MB together at 1,000 usulan;
bench/memori.py measures one process following a live session). Two things here, both called by the
CLI before a command opens the UI (`siapkan`):

- `atur_malloc`: a fixed mmap threshold for glibc's malloc. By default glibc raises the threshold to the
  size of each large block freed (up to 32 MiB): after the first read of a 4 MB session file, later blocks
  of that size come from the heap or a thread's arena instead of their own mapping, and those only grow
  and fragment. Fixed at 128 KiB, a large block is mapped and given back whole when freed. Measured at
  1,000 usulan (bench/README.md, "Memory"): a terminal 6 MB smaller at start and 6-8 MB after following
  10 saves a second; 25 MB with a store that re-reads the whole file per change. Linux with glibc only;
  elsewhere (musl, macOS, Windows) nothing is changed. `MUSRENBANG_MALLOC=0` leaves malloc as it is.
- `pasang_tracemalloc`: with `MUSRENBANG_TRACEMALLOC=FOLDER` (off by default) the process traces its
  allocations and writes the largest (by line and by call stack) to FOLDER/tracemalloc-PID-N.txt on
  SIGUSR1 and at exit. Tracing costs several times the memory and time: a measuring aid only.
"""

from __future__ import annotations

import os
import sys

#: Blocks of at least this many bytes get a mapping of their own, returned to the system when freed
#: (glibc's initial default, kept instead of letting it grow with every large free).
AMBANG_MMAP = 128 * 1024
#: mallopt parameters (glibc malloc.h).
M_MMAP_THRESHOLD = -3


def siapkan() -> None:
    """Before the UI: the malloc settings (`atur_malloc`) and, when asked for, the allocation dump."""
    if os.environ.get("MUSRENBANG_MALLOC", "1") != "0":
        atur_malloc()
    folder = os.environ.get("MUSRENBANG_TRACEMALLOC")
    if folder:
        pasang_tracemalloc(folder)


def glibc() -> bool:
    """True when this process runs on GNU libc (Linux with glibc; not musl, macOS or Windows)."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        return bool(os.confstr("CS_GNU_LIBC_VERSION"))
    except (ValueError, OSError, AttributeError):
        return False


def atur_malloc() -> bool:
    """Fix glibc's mmap threshold at `AMBANG_MMAP` (mallopt M_MMAP_THRESHOLD, which also stops the dynamic
    raising of the threshold and of the trim threshold). Returns True when applied, False where it does not
    apply (not glibc, no libc to load, mallopt refused): then nothing is changed and nothing is raised."""
    if not glibc():
        return False
    try:
        import ctypes

        mallopt = ctypes.CDLL(None).mallopt
        mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
        mallopt.restype = ctypes.c_int
        return mallopt(M_MMAP_THRESHOLD, AMBANG_MMAP) == 1
    except (OSError, AttributeError, ImportError):
        return False


def pasang_tracemalloc(folder: str, bingkai: int = 8) -> None:
    """Trace allocations (`bingkai` frames each); dump the largest on SIGUSR1 and at exit (see module doc)."""
    import atexit
    import signal
    import tracemalloc

    tracemalloc.start(bingkai)
    nomor = [0]

    def dump(*_: object) -> None:
        import time

        nomor[0] += 1
        mulai = time.perf_counter()
        snap = tracemalloc.take_snapshot().filter_traces((
            tracemalloc.Filter(False, tracemalloc.__file__), tracemalloc.Filter(False, "<frozen importlib._bootstrap>"),
        ))
        baris = [f"pid {os.getpid()} dump {nomor[0]}: traced {tracemalloc.get_traced_memory()[0] / 1e6:.1f} MB "
                 f"(peak {tracemalloc.get_traced_memory()[1] / 1e6:.1f} MB)", "", "by file:"]
        for s in snap.statistics("filename")[:25]:
            baris.append(f"{s.size / 1e6:8.2f} MB {s.count:8d}  {s.traceback[0].filename}")
        baris += ["", "by line:"]
        for s in snap.statistics("lineno")[:40]:
            f = s.traceback[0]
            baris.append(f"{s.size / 1e6:8.2f} MB {s.count:8d}  {f.filename}:{f.lineno}")
        baris += ["", "by call stack:"]
        for s in snap.statistics("traceback")[:15]:
            baris.append(f"{s.size / 1e6:8.2f} MB {s.count:8d}")
            baris += [f"      {f.filename}:{f.lineno}" for f in s.traceback]
        baris.append(f"(dump took {time.perf_counter() - mulai:.1f} s)")
        from sesi.berkas import tulis_keluaran

        tulis_keluaran(os.path.join(folder, f"tracemalloc-{os.getpid()}-{nomor[0]}.txt"),
                       ("\n".join(baris) + "\n").encode("utf-8"))

    if hasattr(signal, "SIGUSR1"):
        signal.signal(signal.SIGUSR1, dump)
    atexit.register(dump)
