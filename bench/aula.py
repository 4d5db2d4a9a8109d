"""A whole hall on one machine (issue 16, item 3): twelve terminals live on one session.

    python bench/aula.py                      # 1,000 usulan, 180 s
    python bench/aula.py --usulan 5000 --detik 180
    python bench/aula.py --detik 30 --json    # a short run, figures as JSON on stdout
    python bench/aula.py --py-spy             # also where F01, N01 and TAYANG spend the time (py-spy)
    python bench/aula.py --checkout /tmp/lama  # the hall on another checkout (git worktree add --detach)

What runs, each in its own real pseudo-terminal at 80x24 (TERM=xterm-256color, SSH_CONNECTION set):
- 10 fasilitator: `musrenbang buka SESI --layar skoring --kelompok "Aula i" --peran fasilitator --nama F0i`,
  one kelompok each (the session's usulan are spread round-robin over 10 defined kelompok, see
  `sesi_aula`; `--kelompok 3` puts several fasilitator in one kelompok, each starting on other rows).
  Each types one score digit a second (staggered by 0.1 s between terminals): the digit always differs
  from the cell's value, so every key is a change, and the cursor moves on through the matrix.
- 1 notulen: `musrenbang buka SESI --layar pleno1 --peran notulen --nama N01`, typing notes at 5
  characters a second, Enter at the end of each (one save every ~12 s).
- 1 projector: `musrenbang tayang SESI --tampilan peringkat`.
No account is bound to a role in the session (sesi/akun.py): `--peran` is taken as given.

How it measures (all from outside the processes, so it works on any version of the store):
- A save's revision: the session file's history after the run. Every transaction of the run writes
  exactly one history entry, so the k-th new entry is revision R0 + k; its name, object and new value
  tie it to the key that made it.
- Save time: when the saver's own terminal shows "Tersimpan ... rev R". Key to save = that minus the
  time the key was written to the pty.
- Appearance on another terminal: the first time its screen shows that it holds revision >= R: a
  "rev N" text (own save, the notice of another terminal's change, the projector's footer) or, for
  code whose notice carries no revision, the notice "F03 (Fasilitator): skor U0123 / Kesesuaian... 3 > 4"
  naming a save of revision >= R (matched to the history with the app's own wording, screens/riwayat.py).
  The screen, not the byte stream: each terminal's output goes through a small terminal model
  (bench/layar_vt.py), because the app sends only the cells that changed ("rev 1235" after "rev 1234"
  is one byte "5"), so a text is rarely in the bytes whole.
- Lost writes: keys sent whose (name, object, value) is not in the history.
- CPU: /proc/stat (the whole machine, which other users share) and /proc/PID/stat and
  /proc/PID/task/*/stat (each process, its main thread = the UI, and its other threads: file reads in
  workers, Textual's input thread) over the measured window. Memory: VmRSS and Pss
  (/proc/PID/smaps_rollup) summed over the twelve, sampled every 5 s (peak and at the end).
- Bytes: what each pty delivered during the window, per second.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import select
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.layar_vt import LayarVT  # noqa: E402
from bench.pty_alat import (BAWAH, PYTHON, ROOT, Proses, env_checkout, env_terminal, jalankan, median,  # noqa: E402
                            persentil, salinan, sesi_besar, tutup)

TARGET_P95_S, TARGET_MB, TARGET_SIMPAN_S = 1.0, 600.0, 1.0
TARGET_CPU = {1000: 20.0, 5000: 35.0}
CATATAN_CPS = 5.0  # the notulen's typing speed, characters per second
PENANDA = {"fasilitator": b"Skoring", "notulen": b"Pleno I", "tayang": b"PERINGKAT"}

REV = re.compile(r"\brev (\d+)")
TERSIMPAN = re.compile(r"Tersimpan\D{0,8}rev (\d+)")
#: The notice of another terminal's change (musrenbang_tui/app.py): who, what, then "object old > new".
KABAR = re.compile(r"([FN]\d\d) \((?:Fasilitator|Notulen)\): (skor|tambah catatan) (.*? \u203a \S+)")


# --- the session -----------------------------------------------------------------------------------

def sesi_aula(folder: str, n_usulan: int, n_kelompok: int) -> str:
    """A generated session of n_usulan (bench/data_besar.py, every cell scored) whose usulan are spread
    round-robin over n_kelompok defined kelompok "Aula 1".."Aula n" (made once per folder)."""
    path = os.path.join(folder, f"aula-{n_usulan}-{n_kelompok}.json")
    if os.path.exists(path):
        return path
    from sesi import persiapan, verifikasi
    from sesi.store import Store
    from sesi.transaksi import Pelaku

    sementara = path + ".baru"
    shutil.copyfile(sesi_besar(folder, n_usulan), sementara)
    store = Store.buka(sementara, pelaku=Pelaku("bench", "operator"))
    with store.transaksi() as tx:
        kids = [persiapan.simpan_kelompok(tx, f"Aula {i + 1}") for i in range(n_kelompok)]
        for i, uid in enumerate(sorted(tx.table("usulan"), key=lambda u: tx.table("usulan")[u]["urutan"])):
            verifikasi.pindah_kelompok(tx, uid, kids[i % n_kelompok])
    store.tutup()  # the snapshot alone holds everything (the journal is removed below)
    os.replace(sementara, path)
    for akhir in (".bak", ".lock", ".jurnal"):
        if os.path.exists(sementara + akhir):
            os.unlink(sementara + akhir)
    return path


@dataclass
class Terminal:
    nama: str  # F01.., N01, TAYANG
    peran: str
    argv: list[str]
    tombol: list[tuple[float, bytes, tuple | None]] = field(default_factory=list)  # (s after t0, key, save it makes)
    p: Proses | None = None
    layar: LayarVT = field(default_factory=LayarVT)  # what the terminal shows (bench/layar_vt.py)
    dilihat: set = field(default_factory=set)  # texts already noted, each noted once
    peristiwa: list[tuple[float, str, object]] = field(default_factory=list)  # (time, "rev"/"kabar"/"simpan", x)
    terkirim: list[tuple[float, tuple | None]] = field(default_factory=list)  # (time written, save it makes)
    bytes_awal: int = 0
    bytes_akhir: int = 0
    cpu_awal: tuple[int, int] = (0, 0)  # (process ticks, main-thread ticks)
    cpu_akhir: tuple[int, int] = (0, 0)


def rencana(path: str, n_fas: int, n_kelompok: int, detik: int) -> tuple[list[Terminal], int]:
    """The twelve terminals and the keys each sends; returns them and the session's revision now."""
    from sesi.model import STATUS_DISISIHKAN
    from sesi.store import Store

    data = Store.buka(path).data
    kel = {k.nama: k.id for k in data.kelompok}
    kode = [k.kode for k in data.kriteria]
    env_args = ["-m", "musrenbang_tui"]
    out: list[Terminal] = []
    for f in range(n_fas):
        nama_kel = f"Aula {f % n_kelompok + 1}"
        rows = [u.id for u in data.usulan_kelompok(kel[nama_kel]) if u.status not in STATUS_DISISIHKAN]
        geser = (f // n_kelompok) * max(1, len(rows) // max(1, -(-n_fas // n_kelompok)))
        t = Terminal(f"F{f + 1:02d}", "fasilitator",
                     [PYTHON, *env_args, "buka", path, "--layar", "skoring", "--kelompok", nama_kel,
                      "--peran", "fasilitator", "--nama", f"F{f + 1:02d}"])
        t.tombol += [(-1.0, BAWAH.encode(), None)] * geser  # before the window: move to this one's rows
        for j in range(detik):
            uid, k = rows[(geser + j // len(kode)) % len(rows)], kode[j % len(kode)]
            lama = data.nilai_mentah(uid, k).get("")
            baru = (lama or 0) % 5 + 1  # 1-5 scale (data_besar): always a change
            t.tombol.append((j + 0.1 * f, str(baru).encode(), ("skor", f"{uid}/{k}", baru)))
        out.append(t)
    n = Terminal("N01", "notulen", [PYTHON, *env_args, "buka", path, "--layar", "pleno1", "--peran", "notulen",
                                    "--nama", "N01"])
    waktu, i = 0.5, 0
    while True:
        teks = f"Catatan {i + 1:03d} warga meminta perbaikan drainase RT {i % 30 + 1:02d} segera."
        if waktu + (len(teks) + 1) / CATATAN_CPS > detik - 1:
            break
        for c in teks:
            n.tombol.append((waktu, c.encode(), None))
            waktu += 1 / CATATAN_CPS
        n.tombol.append((waktu, b"\r", ("tambah catatan", None, teks)))
        waktu += 1.0
        i += 1
    out.append(n)
    out.append(Terminal("TAYANG", "tayang", [PYTHON, *env_args, "tayang", path, "--tampilan", "peringkat"]))
    return out, data.revisi


# --- /proc ----------------------------------------------------------------------------------------

def cpu_mesin() -> tuple[int, int]:
    """(busy ticks, total ticks) of the whole machine."""
    with open("/proc/stat") as f:
        v = [int(x) for x in f.readline().split()[1:]]
    idle = v[3] + (v[4] if len(v) > 4 else 0)
    return sum(v) - idle, sum(v)


def _ticks(path: str) -> int:
    try:
        with open(path) as f:
            s = f.read()
    except OSError:
        return 0
    v = s[s.rindex(")") + 2:].split()
    return int(v[11]) + int(v[12])  # utime + stime


def cpu_proses(pid: int) -> tuple[int, int]:
    """(ticks of the whole process, ticks of its main thread)."""
    return _ticks(f"/proc/{pid}/stat"), _ticks(f"/proc/{pid}/task/{pid}/stat")


def memori_kb(pid: int) -> tuple[int, int]:
    """(VmRSS, Pss) in KiB."""
    from bench.pty_alat import status_kb

    pss = 0
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    pss = int(line.split()[1])
    except OSError:
        pass
    return status_kb(pid, "VmRSS"), pss


# --- running ---------------------------------------------------------------------------------------

def baca(t: Terminal, chunk: bytes, now: float) -> None:
    """Note what the screen shows after a chunk of output: revisions, own saves, notices of other
    terminals' saves (each text once, when it first shows)."""
    t.layar.tulis(chunk)
    for y in range(t.layar.tinggi):
        garis = t.layar.baris(y)
        if "rev " not in garis and "): " not in garis:
            continue
        for m in TERSIMPAN.finditer(garis):
            if ("simpan", m.group(1)) not in t.dilihat:
                t.dilihat.add(("simpan", m.group(1)))
                t.peristiwa.append((now, "simpan", int(m.group(1))))
        for m in REV.finditer(garis):
            if ("rev", m.group(1)) not in t.dilihat:
                t.dilihat.add(("rev", m.group(1)))
                t.peristiwa.append((now, "rev", int(m.group(1))))
        for m in KABAR.finditer(garis):
            x = (m.group(1), m.group(2), m.group(3))
            if ("kabar", x) not in t.dilihat:
                t.dilihat.add(("kabar", x))
                t.peristiwa.append((now, "kabar", x))


class Berkas:
    """Watches the session file's head: when (monotonic) each revision was first seen on disk.

    The revision is on the file's second line; a revision seen at time T was committed at or before T.
    (A store that stops rewriting the snapshot on every save leaves this empty: the terminals' own
    "Tersimpan ... rev R" then give the save time alone.)"""

    KEPALA = re.compile(rb'"revisi": (\d+)')

    def __init__(self, path: str) -> None:
        self.path = path
        self.stat: tuple | None = None
        self.naik: list[tuple[float, int]] = []  # (time, revision), increasing

    def lihat(self) -> None:
        try:
            st = os.stat(self.path)
        except OSError:
            return
        kunci = (st.st_ino, st.st_mtime_ns, st.st_size)
        if kunci == self.stat:
            return
        self.stat = kunci
        now = time.monotonic()
        try:
            with open(self.path, "rb") as f:
                m = self.KEPALA.search(f.read(256))
        except OSError:
            return
        if m and (not self.naik or int(m.group(1)) > self.naik[-1][1]):
            self.naik.append((now, int(m.group(1))))


def pompa(terminals: list[Terminal], sampai: float, berkas: Berkas | None = None) -> None:
    """Read every terminal until time `sampai` (monotonic); look at the file every 5 ms meanwhile."""
    fds = {t.p.fd: t for t in terminals if t.p is not None}
    while True:
        sisa = sampai - time.monotonic()
        if sisa <= 0:
            return
        r, _, _ = select.select(list(fds), [], [], min(sisa, 0.005) if berkas else sisa)
        now = time.monotonic()
        if berkas is not None:
            berkas.lihat()
        for fd in r:
            t = fds[fd]
            chunk = t.p.baca(0)
            if chunk:
                baca(t, chunk, now)


def mulai(terminals: list[Terminal], env: dict[str, str], batas: float = 180.0, cwd: str | None = None) -> float:
    """Start all twelve, wait until each shows its first screen and the hall is quiet; returns seconds."""
    t0 = time.monotonic()
    for t in terminals:
        t.p = jalankan(t.argv, env, cwd=cwd)
    while time.monotonic() - t0 < batas:
        pompa(terminals, time.monotonic() + 0.5)
        if all(PENANDA[t.peran] in t.p.jejak for t in terminals):
            break
    else:
        hilang = [t.nama for t in terminals if PENANDA[t.peran] not in t.p.jejak]
        raise SystemExit(f"aula: no first screen after {batas:.0f} s from {', '.join(hilang)}")
    siap = time.monotonic() - t0
    for t in terminals:  # moves that put fasilitator of one kelompok on other rows
        for _, key, _ in (k for k in t.tombol if k[0] < 0):
            os.write(t.p.fd, key)
            pompa(terminals, time.monotonic() + 0.02)
    pompa(terminals, time.monotonic() + 2.0)
    return siap


def jalankan_aula(args: argparse.Namespace) -> dict:
    folder = args.folder or tempfile.mkdtemp(prefix="bench-aula-")
    os.makedirs(folder, exist_ok=True)
    dasar = sesi_aula(folder, args.usulan, args.kelompok)
    kerja = salinan(dasar, f"aula-kerja-{args.usulan}.json")
    terminals, rev0 = rencana(kerja, args.fasilitator, args.kelompok, args.detik)
    rumah = tempfile.mkdtemp(prefix="aula-rumah-", dir=folder)  # drafts and logs of the twelve
    env = env_terminal("256", XDG_STATE_HOME=rumah, XDG_DATA_HOME=rumah)
    if args.checkout:  # the hall on another checkout of the project (e.g. the commit before a change)
        env = env_checkout(env, args.checkout)
    n_riwayat0 = len(_riwayat(kerja))
    berkas = Berkas(kerja)
    n_kunci = sum(1 for t in terminals for k in t.tombol if k[2] is not None)
    try:
        siap = mulai(terminals, env, cwd=args.checkout)
        spy = py_spy(terminals, args.detik, folder) if args.py_spy else {}
        hasil = _jendela(terminals, args.detik, berkas)
        for nama, (proc, path) in spy.items():
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
            hasil.setdefault("py_spy", {})[nama] = ringkas_py_spy(path)
            hasil.setdefault("py_spy_waktu", {})[nama] = waktu_py_spy(path)
        pompa(terminals, time.monotonic() + 3.0, berkas)  # 3 s after the last key (the measure)
        hasil["simpan_3s"] = len(_riwayat(kerja)) - n_riwayat0
        # Then wait (up to --tunggu s) until every key is saved: keys still queued are not lost writes.
        akhir = time.monotonic() + args.tunggu
        while time.monotonic() < akhir and len(_riwayat(kerja)) - n_riwayat0 < n_kunci:
            pompa(terminals, time.monotonic() + 1.0, berkas)
        hasil["antre_s"] = time.monotonic() - akhir + args.tunggu
        riwayat = _riwayat(kerja)
    finally:
        for t in terminals:
            if t.p is not None:
                try:
                    os.write(t.p.fd, b"\x11")
                except OSError:
                    pass
        for t in terminals:
            if t.p is not None:
                tutup(t.p)
        keluaran = os.path.join(folder, "keluaran")  # each terminal's raw output, to look at afterwards
        os.makedirs(keluaran, exist_ok=True)
        for t in terminals:
            if t.p is not None:
                Path(keluaran, t.nama + ".out").write_bytes(bytes(t.p.jejak))
    hasil.update(siap_s=siap, folder=folder, usulan=args.usulan, kelompok=args.kelompok, detik=args.detik,
                 checkout=args.checkout or str(ROOT))
    from screens.riwayat import Nama
    from sesi.store import Store

    hasil.update(_nilai(terminals, riwayat[n_riwayat0:], rev0, berkas, Nama(Store.buka(kerja).data)))
    return hasil


def py_spy(terminals: list[Terminal], detik: int, folder: str) -> dict[str, tuple[subprocess.Popen, str]]:
    """Sample F01, N01 and TAYANG with py-spy (if installed: `pip install py-spy` into the venv, not a
    project dependency) over the window, waiting included (--idle), every thread, 20 samples a second."""
    exe = shutil.which("py-spy") or os.path.join(os.path.dirname(PYTHON), "py-spy")
    if not os.path.exists(exe):
        print("aula: py-spy not found; --py-spy ignored", file=sys.stderr)
        return {}
    out = {}
    for t in terminals:
        if t.nama in ("F01", "N01", "TAYANG"):
            path = os.path.join(folder, f"{t.nama}.py-spy.txt")
            out[t.nama] = (subprocess.Popen([exe, "record", "--pid", str(t.p.pid), "--duration", str(max(5, detik - 2)),
                                             "--idle", "--threads", "--rate", "20", "--format", "raw", "-o", path],
                                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL), path)
    return out


def _sampel_py_spy(path: str) -> list[tuple[str, str, list[str], int]] | None:
    """py-spy's collapsed stacks as (thread "UI"/"worker", stack, frames, samples), for the main (UI)
    thread and the file-read workers (Textual's input/output threads are left out); None when unreadable."""
    out = []
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            for line in f:
                stack, _, k = line.rstrip("\n").rpartition(" ")
                if not k.isdigit():
                    continue
                frames = stack.split(";")
                thread = "UI" if "MainThread" in frames[0] else "worker" if "asyncio" in frames[0] else ""
                if thread:
                    out.append((thread, stack, frames, int(k)))
    except OSError:
        return None
    return out


def ringkas_py_spy(path: str, n: int = 8) -> list[tuple[str, float, str]]:
    """(thread, share of that thread's samples, where) from py-spy's collapsed stacks, for the main (UI)
    thread and the file-read workers: where = the innermost frame of the project (sesi/, screens/,
    musrenbang_tui/) < the innermost frame. Textual's input/output threads (always waiting) are left out."""
    hitung: dict[tuple[str, str], int] = {}
    per_thread: dict[str, int] = {}
    sampel = _sampel_py_spy(path)
    if sampel is None:
        return []
    for thread, stack, frames, k in sampel:
        proyek = [fr for fr in frames[1:] if any(p in fr for p in ("sesi/", "screens/", "musrenbang_tui/"))]
        where = (proyek[-1].split(" (")[0] + " < " if proyek and proyek[-1] != frames[-1] else "") + frames[-1]
        hitung[(thread, where)] = hitung.get((thread, where), 0) + k
        per_thread[thread] = per_thread.get(thread, 0) + k
    out = []
    for thread, m in (("UI", n), ("worker", 3)):
        baris = sorted(((v, w) for (t, w), v in hitung.items() if t == thread), reverse=True)[:m]
        out += [(thread, v / per_thread[thread], w) for v, w in baris]
    return out


#: Where a thread's time goes, by the frames on its stack (py-spy's collapsed stacks): the first entry
#: any of whose texts is in a sample's stack names it. Samples whose innermost frame waits are "idle".
KATEGORI = [
    ("own save: store transaction", ("Store.transaksi",)),
    ("own save: the rest (action, status)", ("MusrenbangApp.simpan",)),
    ("others' changes: reading the file/journal (worker)", ("PengamatBerkas._baca",)),
    ("warning count (F9, sesi.peringatan)", ("_hitung_peringatan", "peringatan (sesi/peringatan.py")),
    ("others' changes: the notice", ("_kabar_terminal_lain", "_kabar_lain")),
    ("others' changes: screens update (segarkan)", ("_berkas_berubah", "_data_berubah", "TayangApp.gambar")),
    ("layout (Textual)", ("_refresh_layout",)),
    ("repaint: render and write (Textual, gulir)", ("_compositor_refresh", "render_update", "_display",
                                                      "PembaruanGulir")),
    ("typing and keys", ("_on_key", "run_action", "Input.")),
    ("timers and other events", ("Timer._run", "_on_timer", "_on_idle")),
]
_MENUNGGU = ("Selector.select (selectors.py", "Condition.wait (threading.py", "_worker (concurrent/futures/thread.py:8",
             "Queue.get (queue.py", "Event.wait (threading.py")


def waktu_py_spy(path: str) -> dict[str, dict[str, float]]:
    """thread ("UI", "worker") -> category (`KATEGORI`, "other", "idle") -> ms per second of that thread,
    from py-spy's collapsed stacks recorded with --idle (each sample is a moment of wall time; a thread's
    non-idle share of its samples is its share of one CPU, waiting for the GIL included)."""
    hitung: dict[str, dict[str, int]] = {}
    sampel = _sampel_py_spy(path)
    if sampel is None:
        return {}
    for thread, stack, frames, k in sampel:
        if any(m in frames[-1] for m in _MENUNGGU):
            kat = "idle"
        else:
            kat = next((nama for nama, teks in KATEGORI if any(t in stack for t in teks)), "other")
        per = hitung.setdefault(thread, {})
        per[kat] = per.get(kat, 0) + k
    return {t: {kat: v * 1000 / sum(per.values()) for kat, v in per.items()} for t, per in hitung.items()}


def _jendela(terminals: list[Terminal], detik: int, berkas: Berkas) -> dict:
    """The measured window: send every key on time, read everything, sample /proc."""
    jadwal = sorted((k[0], i, k[1], k[2]) for i, t in enumerate(terminals) for k in t.tombol if k[0] >= 0)
    pids = [t.p.pid for t in terminals]
    for t in terminals:
        t.bytes_awal = t.p.terbaca
        t.cpu_awal = cpu_proses(t.p.pid)
    m0 = cpu_mesin()
    t0 = time.monotonic()
    sampel: list[tuple[int, int]] = []
    sampel_t = t0
    for w, i, key, simpan in jadwal:
        pompa(terminals, t0 + w, berkas)
        t = terminals[i]
        t.terkirim.append((t.p.ketik(key), simpan))
        if time.monotonic() >= sampel_t:
            sampel.append(tuple(map(sum, zip(*(memori_kb(p) for p in pids)))))  # type: ignore[arg-type]
            sampel_t += 5.0
    pompa(terminals, t0 + detik, berkas)
    m1 = cpu_mesin()
    durasi = time.monotonic() - t0
    for t in terminals:
        t.bytes_akhir = t.p.terbaca
        t.cpu_akhir = cpu_proses(t.p.pid)
    sampel.append(tuple(map(sum, zip(*(memori_kb(p) for p in pids)))))  # type: ignore[arg-type]
    hz = os.sysconf("SC_CLK_TCK")
    ncpu = os.cpu_count() or 1
    proses = {}
    for t in terminals:
        tot = (t.cpu_akhir[0] - t.cpu_awal[0]) / hz / durasi * 100  # % of one CPU
        utama = (t.cpu_akhir[1] - t.cpu_awal[1]) / hz / durasi * 100
        proses[t.nama] = {"peran": t.peran, "cpu_pct": tot, "cpu_utama_pct": utama, "cpu_lain_pct": tot - utama,
                          "bytes_per_s": (t.bytes_akhir - t.bytes_awal) / durasi,
                          "rss_mb": memori_kb(t.p.pid)[0] / 1024}
    return {
        "durasi_s": durasi, "ncpu": ncpu,
        "cpu_mesin_pct": (m1[0] - m0[0]) / max(1, m1[1] - m0[1]) * 100,
        "cpu_dua_belas_pct": sum(p["cpu_pct"] for p in proses.values()) / ncpu,
        "rss_mb_puncak": max(s[0] for s in sampel) / 1024, "pss_mb_puncak": max(s[1] for s in sampel) / 1024,
        "rss_mb_akhir": sampel[-1][0] / 1024, "pss_mb_akhir": sampel[-1][1] / 1024,
        "proses": proses,
    }


def _riwayat(path: str) -> list[dict]:
    """The session's history as the store reads it (the snapshot and, with a journal, its new lines)."""
    from sesi.store import Store

    return list(Store.buka(path).data.raw.get("riwayat", {}).values())


def kabar_rev(baru: list[dict], rev0: int, sebut: object) -> dict[tuple[str, str, str], int]:
    """(name, action, "object old > new") as the app's notice words a history entry -> its revision (the
    k-th new entry is revision rev0 + k). `sebut`: `screens.riwayat.Nama` of the session (ids in words)."""
    from screens.riwayat import ringkas

    out = {}
    for k, e in enumerate(baru):
        teks = (f"{ringkas(sebut.objek(e.get('objek', '')), 30)} {ringkas(e.get('lama'), 12, sebut)} "  # type: ignore[attr-defined]
                f"\u203a {ringkas(e.get('baru'), 12, sebut)}")
        out[(e.get("nama", ""), e.get("aksi", ""), teks)] = rev0 + k + 1
    return out


def _nilai(terminals: list[Terminal], baru: list[dict], rev0: int, berkas: Berkas, sebut: object) -> dict:
    """Tie keys to saves and saves to their appearance on the other terminals."""
    rev_entri: dict[tuple, int] = {}
    for k, e in enumerate(baru):
        if e.get("aksi") == "skor":
            rev_entri[(e.get("nama"), "skor", e.get("objek"), e.get("baru"))] = rev0 + k + 1
        elif e.get("aksi") == "tambah catatan":
            rev_entri[(e.get("nama"), "tambah catatan", None, e.get("baru"))] = rev0 + k + 1
    objek_rev = kabar_rev(baru, rev0, sebut)
    terlihat: dict[str, list[tuple[float, int]]] = {}  # terminal -> (time, highest revision shown so far)
    for t in terminals:
        naik, tertinggi = [], 0
        for now, jenis, x in sorted(t.peristiwa, key=lambda p: p[0]):
            r = objek_rev.get(x, 0) if jenis == "kabar" else int(x)  # type: ignore[arg-type]
            if r > tertinggi:
                tertinggi = r
                naik.append((now, r))
        terlihat[t.nama] = naik
    # A save's time: the earliest sign that revision R exists: the file's head showing R or later, or
    # the saver's own terminal showing "Tersimpan ... rev R" or a later own save (made after it).
    sendiri = {t.nama: sorted((now, int(x)) for now, jenis, x in t.peristiwa if jenis == "simpan")  # type: ignore
               for t in terminals}
    simpan_t = {}
    for k, e in enumerate(baru):
        r = rev0 + k + 1
        kapan = [next((now for now, rr in berkas.naik if rr >= r), float("inf")),
                 next((now for now, rr in sendiri.get(e.get("nama"), []) if rr >= r), float("inf"))]
        if min(kapan) != float("inf"):
            simpan_t[r] = min(kapan)
    kunci_ke_simpan, hilang, n_kunci, tanpa_layar = [], [], 0, 0
    rev_kunci: list[tuple[int, str]] = []
    per_terminal: dict[str, dict[str, int]] = {}
    for t in terminals:
        pt = per_terminal[t.nama] = {"kunci": 0, "simpan": sum(1 for e in baru if e.get("nama") == t.nama),
                                     "lain": 0}
        for sent, simpan in t.terkirim:
            if simpan is None:
                continue
            n_kunci += 1
            pt["kunci"] += 1
            aksi, objek, nilai = simpan
            r = rev_entri.get((t.nama, aksi, objek, nilai))
            if r is None:
                hilang.append(f"{t.nama} {aksi} {objek or ''} {nilai}")
                pt["lain"] += 1
                continue
            rev_kunci.append((r, t.nama))
            if r in simpan_t:
                kunci_ke_simpan.append(simpan_t[r] - sent)
            else:
                tanpa_layar += 1
    tampil, tampil_semua, belum = [], [], 0
    per_peran: dict[str, list[float]] = {}
    peran = {t.nama: t.peran for t in terminals}
    for r, penyimpan in rev_kunci:
        if r not in simpan_t:
            continue
        terlama = 0.0
        for t in terminals:
            if t.nama == penyimpan:
                continue
            kapan = next((now for now, rr in terlihat[t.nama] if rr >= r), None)
            if kapan is None:
                belum += 1
                continue
            d = max(0.0, kapan - simpan_t[r])
            tampil.append(d)
            per_peran.setdefault(peran[t.nama], []).append(d)
            terlama = max(terlama, d)
        tampil_semua.append(terlama)
    return {
        "kunci": n_kunci, "simpan": len(baru), "hilang_contoh": hilang[:5],
        # A key refused (e.g. the lock was busy too long) is not saved and the cursor stays: the keys after
        # it land one cell back. Lost = keys with no save at all; "not as typed" also counts the shifted ones.
        "hilang": sum(max(0, p["kunci"] - p["simpan"]) for p in per_terminal.values()),
        "tidak_sesuai": len(hilang),
        "simpan_tanpa_layar": tanpa_layar,
        "kunci_ke_simpan_med_s": median(kunci_ke_simpan), "kunci_ke_simpan_p95_s": persentil(kunci_ke_simpan, 0.95),
        "kunci_ke_simpan_maks_s": max(kunci_ke_simpan, default=float("nan")),
        "kunci_lewat_1s": sum(1 for d in kunci_ke_simpan if d > TARGET_SIMPAN_S),
        "tampil_med_s": median(tampil), "tampil_p95_s": persentil(tampil, 0.95),
        "tampil_semua_med_s": median(tampil_semua), "tampil_semua_p95_s": persentil(tampil_semua, 0.95),
        "tampil_belum": belum, "per_terminal": per_terminal,
        "tampil_per_peran": {p: {"med_s": median(v), "p95_s": persentil(v, 0.95), "n": len(v)}
                             for p, v in per_peran.items()},
    }


# --- report ------------------------------------------------------------------------------------------

def cetak(h: dict) -> None:
    ya = lambda ok: "yes" if ok else "NO"  # noqa: E731
    print(f"Whole hall: {h['usulan']} usulan, {h['kelompok']} kelompok, 10 fasilitator + notulen + tayang, "
          f"{h['durasi_s']:.0f} s measured (all twelve up after {h['siap_s']:.1f} s); code: {h['checkout']}")
    cpu_t = TARGET_CPU.get(h["usulan"], 35.0)
    rows = [
        ("save -> shown on another terminal, median / p95 (s)",
         f"{h['tampil_med_s']:.2f} / {h['tampil_p95_s']:.2f}", f"p95 <= {TARGET_P95_S:.0f}",
         ya(h["tampil_p95_s"] <= TARGET_P95_S)),
        ("save -> shown on all 11 others, median / p95 (s)",
         f"{h['tampil_semua_med_s']:.2f} / {h['tampil_semua_p95_s']:.2f}", "", ""),
        *((f"  seen on a {p} terminal, median / p95 (s)", f"{v['med_s']:.2f} / {v['p95_s']:.2f}", "", "")
          for p, v in h["tampil_per_peran"].items()),
        ("(save, terminal) pairs never shown", f"{h['tampil_belum']}", "0", ya(h["tampil_belum"] == 0)),
        ("CPU of the twelve, % of the machine", f"{h['cpu_dua_belas_pct']:.1f}", f"<= {cpu_t:.0f}",
         ya(h["cpu_dua_belas_pct"] <= cpu_t)),
        ("CPU of the whole machine (shared), %", f"{h['cpu_mesin_pct']:.1f}", "", ""),
        ("memory of the twelve, RSS peak / PSS peak (MB)", f"{h['rss_mb_puncak']:.0f} / {h['pss_mb_puncak']:.0f}",
         f"<= {TARGET_MB:.0f}", ya(h["pss_mb_puncak"] <= TARGET_MB)),
        ("keys sent / saves in the history 3 s after the last", f"{h['kunci']} / {h['simpan_3s']}", "equal",
         ya(h["kunci"] == h["simpan_3s"])),
        ("saves in the end / s after the last key until then",
         f"{h['simpan']} / {h['antre_s'] + 3:.1f}", "", ""),
        ("lost writes (keys sent minus saves, per terminal)", f"{h['hilang']}", "0", ya(h["hilang"] == 0)),
        ("keys not saved as typed (cell or value differs)", f"{h['tidak_sesuai']}", "0", ya(h["tidak_sesuai"] == 0)),
        ("key -> saved, median / p95 / max (s)",
         f"{h['kunci_ke_simpan_med_s']:.2f} / {h['kunci_ke_simpan_p95_s']:.2f} / {h['kunci_ke_simpan_maks_s']:.2f}",
         "<= 1", ya(h["kunci_ke_simpan_maks_s"] <= TARGET_SIMPAN_S)),
        ("keys saved later than 1 s", f"{h['kunci_lewat_1s']}", "0", ya(h["kunci_lewat_1s"] == 0)),
    ]
    print(f"{'measure':54}{'value':>22}  {'target':>8}  met")
    for label, nilai, target, met in rows:
        print(f"{label:54}{nilai:>22}  {target:>8}  {met}")
    if h["simpan_tanpa_layar"]:
        print(f"({h['simpan_tanpa_layar']} saves have no time (neither the file nor their terminal showed them):"
              " left out of the times)")
    print(f"\n{'terminal':9}{'role':>12}{'CPU %':>8}{'UI thread':>10}{'other thr':>10}{'B/s':>9}{'keys':>6}"
          f"{'saved':>6}{'other':>6}{'RSS MB':>7}")
    for nama, p in h["proses"].items():
        k = h["per_terminal"][nama]
        print(f"{nama:9}{p['peran']:>12}{p['cpu_pct']:>8.1f}{p['cpu_utama_pct']:>10.1f}{p['cpu_lain_pct']:>10.1f}"
              f"{p['bytes_per_s']:>9.0f}{k['kunci']:>6}{k['simpan']:>6}{k['lain']:>6}{p['rss_mb']:>7.0f}")
    print("(CPU % of one core; UI thread = the process's main thread, other thr = file-read workers and "
          "Textual's input thread; other = keys saved on another cell or value than typed; RSS at the end)")
    if h["hilang_contoh"]:
        print("not as typed, e.g.:", "; ".join(h["hilang_contoh"]))
    waktu = h.get("py_spy_waktu") or {}
    if waktu:
        nama_proses = list(waktu)
        print("\nWhere the time goes (py-spy --idle, 20 samples a second: ms per second each thread was running or "
              "ready to run, by what was on its stack; idle left out; on a busy machine this includes waiting for a CPU):")
        print(f"{'':52}" + "".join(f"{n + ' ' + t:>14}" for n in nama_proses for t in ("UI", "worker")))
        for kat in [k for k, _ in KATEGORI] + ["other"]:
            nilai = [waktu[n].get(t, {}).get(kat, 0.0) for n in nama_proses for t in ("UI", "worker")]
            if any(v >= 0.5 for v in nilai):
                print(f"{kat:52}" + "".join(f"{v:>14.1f}" for v in nilai))
        jumlah = [sum(v for k, v in waktu[n].get(t, {}).items() if k != "idle") for n in nama_proses
                  for t in ("UI", "worker")]
        print(f"{'total (not idle)':52}" + "".join(f"{v:>14.1f}" for v in jumlah))
    for nama, baris in (h.get("py_spy") or {}).items():
        print(f"\npy-spy, {nama}: share of each thread's samples, waiting included (project frame < innermost frame)")
        for thread, bagian, where in baris:
            print(f"{thread:>6} {bagian * 100:5.1f}%  {where[:140]}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--usulan", type=int, default=1000, help="usulan in the session (default 1000; try 5000)")
    ap.add_argument("--detik", type=int, default=180, help="seconds of typing measured (default 180)")
    ap.add_argument("--fasilitator", type=int, default=10, help="fasilitator terminals (default 10)")
    ap.add_argument("--kelompok", type=int, default=10, help="kelompok the usulan are spread over (default 10)")
    ap.add_argument("--tunggu", type=float, default=60.0,
                    help="after the run, wait up to this many s for keys still queued (default 60)")
    ap.add_argument("--checkout", default=None, metavar="FOLDER",
                    help="run the twelve from another checkout (e.g. `git worktree add --detach /tmp/lama COMMIT`)")
    ap.add_argument("--py-spy", action="store_true",
                    help="sample F01, N01 and TAYANG with py-spy (pip install py-spy into your venv) and print where "
                         "their threads spend the time")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--folder", default=None, help="folder for the generated sessions (default: a temp folder)")
    args = ap.parse_args()
    h = jalankan_aula(args)
    if args.json:
        print(json.dumps(h, indent=1, default=str))
    else:
        cetak(h)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
