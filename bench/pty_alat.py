"""Shared helpers of the benchmarks: run a program in a real pseudo-terminal and watch what it writes.

Everything here is plain stdlib (os.openpty, select), so the figures count exactly the bytes a terminal
(or an SSH connection) would carry.
"""

from __future__ import annotations

import fcntl
import os
import select
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KOLOM, BARIS = 80, 24
PYTHON = sys.executable

KANAN, KIRI, BAWAH, ATAS = "\x1b[C", "\x1b[D", "\x1b[B", "\x1b[A"


#: SSH_CONNECTION as sshd sets it: the app then keeps the mouse off unless asked (--mouse).
SSH = "10.0.0.2 50022 10.0.0.1 22"


def env_terminal(warna: str = "256", ssh: bool = True, **extra: str) -> dict[str, str]:
    """The environment of a terminal program: TERM=xterm-256color, 80x24, as over SSH (`ssh`),
    Textual's defaults otherwise.

    warna: "256" (default), "standard" (16 colours: TEXTUAL_COLOR_SYSTEM=standard) or "truecolor".
    """
    env = env_python()
    env.update(TERM="xterm-256color", COLUMNS=str(KOLOM), LINES=str(BARIS))
    for var in ("COLORTERM", "SSH_CONNECTION", "TEXTUAL_COLOR_SYSTEM", "TEXTUAL_FPS", "TEXTUAL_DEBUG",
                "TEXTUAL_DEVTOOLS_HOST", "TEXTUAL_ANIMATIONS"):
        env.pop(var, None)
    if warna == "standard":
        env["TEXTUAL_COLOR_SYSTEM"] = "standard"
    elif warna == "truecolor":
        env["COLORTERM"] = "truecolor"
    if ssh:
        env["SSH_CONNECTION"] = SSH
    env.update(extra)
    return env


def env_python() -> dict[str, str]:
    """Run the project as an installed copy would: from this tree, with its bytecode cached.

    `pip install` compiles every module to bytecode; a shell with PYTHONDONTWRITEBYTECODE=1 (as on the
    development machines) would instead recompile the project's modules on every start, which adds
    ~40 ms that no user pays. The cache goes to a folder in /tmp, not into the source tree.
    """
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = os.path.join(tempfile.gettempdir(), "musrenbang-bench-pycache")
    env["PYTHONPATH"] = str(ROOT) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    if not _bytecode_siap:
        subprocess.run([PYTHON, "-m", "compileall", "-q", "sesi", "screens", "musrenbang_tui", "bench"],
                       cwd=str(ROOT), env=env, stdout=subprocess.DEVNULL, check=False)
        _bytecode_siap.append(True)
    return env


_bytecode_siap: list[bool] = []


@dataclass
class Proses:
    """A program running in a pty; `fd` is the terminal side we read from and type into."""

    proc: subprocess.Popen
    fd: int
    mulai: float  # time.monotonic() when it was started
    terbaca: int = 0  # bytes read so far
    jejak: bytearray = field(default_factory=bytearray)  # everything read (for markers)
    catatan: list[tuple[float, int]] = field(default_factory=list)  # (s since start, bytes) per read

    @property
    def pid(self) -> int:
        return self.proc.pid

    def baca(self, timeout: float) -> bytes | None:
        """One read, waiting at most `timeout` s; b"" at end of output, None on timeout."""
        r, _, _ = select.select([self.fd], [], [], timeout)
        if not r:
            return None
        try:
            chunk = os.read(self.fd, 65536)
        except OSError:  # EIO: the program closed the terminal
            return b""
        self.terbaca += len(chunk)
        self.jejak += chunk
        if chunk:
            self.catatan.append((time.monotonic() - self.mulai, len(chunk)))
        return chunk

    def vmhwm_kb(self) -> int:
        """Peak resident memory (VmHWM) of the program so far, in KiB."""
        return status_kb(self.pid, "VmHWM")

    def ketik(self, key: str | bytes) -> float:
        """Write one key to the terminal; returns time.monotonic() just after the write."""
        os.write(self.fd, key if isinstance(key, bytes) else key.encode())
        return time.monotonic()


def status_kb(pid: int, field_name: str) -> int:
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(field_name + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def env_checkout(env: dict[str, str], folder: str) -> dict[str, str]:
    """`env` for running another checkout of the project (e.g. the commit before a change, to measure both
    in one run): its folder first on PYTHONPATH; start the program with `cwd=folder`."""
    env = dict(env)
    env["PYTHONPATH"] = os.path.abspath(folder) + os.pathsep + env["PYTHONPATH"]
    return env


def jalankan(argv: list[str], env: dict[str, str], kolom: int = KOLOM, baris: int = BARIS,
             cwd: str | None = None) -> Proses:
    """Start argv with a new pty of kolom x baris as its controlling terminal (stdin, stdout, stderr);
    in `cwd` (default: this checkout)."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", baris, kolom, 0, 0))

    def anak() -> None:
        os.setsid()
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)

    mulai = time.monotonic()
    proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env, cwd=cwd or str(ROOT),
                            preexec_fn=anak, close_fds=True)
    os.close(slave)
    return Proses(proc, master, mulai)


@dataclass
class Jawaban:
    """What the program wrote in answer to one key."""

    bytes: int
    pertama_ms: float  # key written -> first byte (NaN if nothing came)
    selesai_ms: float  # key written -> last byte before output went quiet (NaN if nothing came)


def baca_sampai_diam(p: Proses, diam: float, tunggu: float, batas: float = 60.0,
                     sejak: float | None = None) -> Jawaban:
    """Read until nothing arrives for `diam` s (waiting up to `tunggu` s for the first byte)."""
    sejak = time.monotonic() if sejak is None else sejak
    total = 0
    pertama = terakhir = float("nan")
    while time.monotonic() - sejak < batas:
        chunk = p.baca(diam if total else max(0.0, tunggu - (time.monotonic() - sejak)))
        if not chunk:
            break
        now = time.monotonic()
        if not total:
            pertama = now
        terakhir = now
        total += len(chunk)
    return Jawaban(total, (pertama - sejak) * 1000, (terakhir - sejak) * 1000)


def tunggu_penanda(p: Proses, penanda: bytes, diam: float = 0.1, batas: float = 60.0) -> float:
    """Wait until the output contains `penanda` and then stays quiet for `diam` s.

    Returns the seconds from the program's start to the last byte of that first frame (NaN on timeout or
    if the program ended first).
    """
    terakhir = float("nan")
    while time.monotonic() - p.mulai < batas:
        sudah = penanda in p.jejak
        chunk = p.baca(diam if sudah else 0.5)
        if chunk is None:
            if sudah:
                return terakhir - p.mulai
            continue
        if chunk == b"":
            return float("nan")
        terakhir = time.monotonic()
    return float("nan")


def tutup(p: Proses, key: bytes | None = b"\x11") -> None:
    """Quit the program (ctrl+q by default), then make sure it is gone; close the terminal."""
    if key:
        try:
            os.write(p.fd, key)
        except OSError:
            pass
        try:
            # Keep draining: a program blocked on a full pty never gets to read the key.
            akhir = time.monotonic() + 5
            while p.proc.poll() is None and time.monotonic() < akhir:
                if p.baca(0.05) == b"":
                    break
            p.proc.wait(timeout=max(0.1, akhir - time.monotonic()))
        except subprocess.TimeoutExpired:
            pass
    if p.proc.poll() is None:
        p.proc.send_signal(signal.SIGTERM)
        try:
            p.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            p.proc.kill()
            p.proc.wait()
    try:
        os.close(p.fd)
    except OSError:
        pass


def median(nilai: list[float]) -> float:
    nilai = [v for v in nilai if v == v]
    return statistics.median(nilai) if nilai else float("nan")


def persentil(nilai: list[float], q: float) -> float:
    nilai = sorted(v for v in nilai if v == v)
    if not nilai:
        return float("nan")
    return nilai[min(len(nilai) - 1, int(q * len(nilai)))]


def sesi_besar(folder: str, n_usulan: int) -> str:
    """A generated session of n_usulan usulan, all scored (made once per folder)."""
    path = os.path.join(folder, f"sesi-{n_usulan}.json")
    if not os.path.exists(path):
        sys.path.insert(0, str(ROOT))
        from bench.data_besar import buat

        buat(path, n_usulan)
    return path


def kelompok_terbesar(path: str) -> tuple[str, int]:
    """(name, number of rows in the scoring matrix) of the kelompok with the most usulan."""
    sys.path.insert(0, str(ROOT))
    from sesi.model import STATUS_DISISIHKAN
    from sesi.store import Store

    data = Store.buka(path).data
    baris = {k.nama: sum(1 for u in data.usulan_kelompok(k.id) if u.status not in STATUS_DISISIHKAN)
             for k in data.kelompok}
    nama = max(baris, key=lambda n: baris[n])
    return nama, baris[nama]


def salinan(path: str, nama: str) -> str:
    """A fresh copy of a session file next to it (a benchmark that types scores works on its own copy,
    so that every run changes the same cells from the same values)."""
    tujuan = os.path.join(os.path.dirname(path), nama)
    for akhir in (".bak", ".lock", ".jurnal"):  # the journal (issue 16) belongs to the old copy too
        if os.path.exists(tujuan + akhir):
            os.unlink(tujuan + akhir)
    with open(path, "rb") as src, open(tujuan, "wb") as dst:
        dst.write(src.read())
    return tujuan


def sesi_skoring(folder: str, n_usulan: int = 0) -> tuple[str, str, str]:
    """(path, kelompok, description) of the session a scoring benchmark types into: the demo session's
    "Kelompok I Infrastruktur", or a generated session of n_usulan and its largest kelompok."""
    if n_usulan:
        path = sesi_besar(folder, n_usulan)
        nama, n_baris = kelompok_terbesar(path)
        return path, nama, f"{n_usulan} usulan, {nama}: {n_baris} rows"
    sys.path.insert(0, str(ROOT))
    from musrenbang_tui.demo import buat_demo

    path = os.path.join(folder, "demo.json")
    if not os.path.exists(path):
        buat_demo(path)
    return path, "Kelompok I Infrastruktur", "demo session, Kelompok I Infrastruktur"
