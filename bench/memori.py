"""Memory of one app process following a live session (issue 16: twelve terminals in <= 600 MB).

    python bench/memori.py                          # fasilitator, notulen, projector + bare app; 1,000 usulan
    python bench/memori.py --detik 180 --laju 10    # 3 minutes of following, 10 saves a second
    python bench/memori.py --peran fasilitator --rincian   # one role; smaps breakdown at start and end
    python bench/memori.py --akar /tmp/lama         # the app of another checkout (before), same measure

The session is the hall's (bench/aula.py `sesi_aula`: N usulan spread over 10 kelompok "Aula 1".."Aula 10",
every cell scored; a fresh copy per run). Started at once, each in its own real pty at 80x24, as over SSH:
- fasilitator: `python -m musrenbang_tui buka SESI --layar skoring --kelompok "Aula 1" --peran fasilitator
  --nama F01` (the scoring matrix of ~N/10 rows);
- notulen: `buka SESI --layar pleno1 --peran notulen --nama N01`;
- tayang: `tayang SESI --tampilan peringkat` (the projector);
- bare: `bench/pembanding.py SESI --baris R` (a bare Textual DataTable app of the fasilitator's R rows:
  the yardstick; it reads the file once and never follows).
None of them types. This process is the rest of the hall: it saves `--laju` scores a second through
`sesi.store.Store` transactions (kelompok in turn, one fasilitator name per kelompok, as ten fasilitator
would), for `--detik` seconds, reading every pty meanwhile so no app blocks on its output.

Reported per process: VmRSS and Pss (/proc/PID/smaps_rollup) after the first screen ("start": 2 s after it
went quiet), every `--sampel` s while following, and at the end; the growth; with `--rincian` where the
resident memory is (from /proc/PID/smaps): the brk heap, glibc's per-thread malloc arenas (64 MiB
reservations), other anonymous mappings (Python's object arenas, large mallocs), shared libraries and
other files. `--tracemalloc DIR` starts the apps with MUSRENBANG_TRACEMALLOC=DIR (off by default;
`musrenbang_tui/memori.py`) and asks each for a dump of its top allocations (SIGUSR1) at start and end.
Figures, not a pass/fail test.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import select
import signal
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.pty_alat import PYTHON, ROOT, Proses, env_checkout, env_terminal, jalankan, salinan, tutup  # noqa: E402

PENANDA = {"fasilitator": b"Skoring", "notulen": b"Pleno I", "tayang": b"PERINGKAT",
           "bare": b"Usulan (kelurahan)"}
PERAN = ("fasilitator", "notulen", "tayang", "bare")
_ARENA = 64 * 1024  # KiB: glibc reserves each non-main malloc arena heap as 64 MiB (HEAP_MAX_SIZE, 64-bit)


def argv_peran(peran: str, path: str, kelompok: str, baris: int) -> list[str]:
    app = [PYTHON, "-m", "musrenbang_tui"]
    if peran == "fasilitator":
        return [*app, "buka", path, "--layar", "skoring", "--kelompok", kelompok, "--peran", "fasilitator",
                "--nama", "F01"]
    if peran == "notulen":
        return [*app, "buka", path, "--layar", "pleno1", "--peran", "notulen", "--nama", "N01"]
    if peran == "tayang":
        return [*app, "tayang", path, "--tampilan", "peringkat"]
    return [PYTHON, str(ROOT / "bench" / "pembanding.py"), path, "--baris", str(baris)]


# --- /proc ----------------------------------------------------------------------------------------

def rss_pss_kb(pid: int) -> tuple[int, int, int]:
    """(Rss, Pss, Private) of a process in KiB, from /proc/PID/smaps_rollup (zeros when it is gone).
    Private = Private_Clean + Private_Dirty: what the process alone holds (Rss - Private is shared with
    other processes: libraries, the python binary)."""
    v = {"Rss": 0, "Pss": 0, "Private_Clean": 0, "Private_Dirty": 0}
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                k = line.split(":", 1)[0]
                if k in v:
                    v[k] = int(line.split()[1])
    except OSError:
        pass
    return v["Rss"], v["Pss"], v["Private_Clean"] + v["Private_Dirty"]


def rincian_kb(pid: int) -> dict[str, list[int]]:
    """Where a process's memory is: kind -> [Rss, Pss, Private_Dirty, mappings] in KiB, from /proc/PID/smaps.

    Kinds: "heap" (the brk heap: the main malloc arena), "arena" (glibc's malloc arenas of other threads:
    an anonymous rw mapping followed by its ---p rest, together 64 MiB), "anon" (other anonymous mappings:
    Python's object arenas, large mallocs), "stack", "lib" (*.so*), "file" (the python binary, other files).
    """
    peta: list[dict] = []
    try:
        with open(f"/proc/{pid}/smaps") as f:
            cur: dict | None = None
            for line in f:
                kolom = line.split()
                if not kolom:
                    continue
                if "-" in kolom[0] and not kolom[0].endswith(":"):
                    a, b = (int(x, 16) for x in kolom[0].split("-"))
                    cur = {"a": a, "b": b, "perm": kolom[1], "nama": kolom[5] if len(kolom) > 5 else "",
                           "Rss": 0, "Pss": 0, "Private_Dirty": 0}
                    peta.append(cur)
                elif cur is not None and kolom[0].rstrip(":") in ("Rss", "Pss", "Private_Dirty"):
                    cur[kolom[0].rstrip(":")] = int(kolom[1])
    except OSError:
        return {}
    out: dict[str, list[int]] = {}
    for i, m in enumerate(peta):
        nama = m["nama"]
        if nama == "[heap]":
            jenis = "heap"
        elif nama.startswith("[stack"):
            jenis = "stack"
        elif nama.startswith("["):
            jenis = "file"  # [vvar], [vdso]
        elif nama:
            jenis = "lib" if ".so" in os.path.basename(nama) else "file"
        else:
            lanjut = peta[i + 1] if i + 1 < len(peta) else None
            arena = (m["perm"].startswith("rw") and m["a"] % (_ARENA * 1024) == 0 and (
                (m["b"] - m["a"]) == _ARENA * 1024
                or (lanjut is not None and not lanjut["nama"] and lanjut["perm"].startswith("---")
                    and lanjut["a"] == m["b"] and lanjut["b"] - m["a"] == _ARENA * 1024)))
            jenis = "arena" if arena else "anon"
        v = out.setdefault(jenis, [0, 0, 0, 0])
        v[0] += m["Rss"]
        v[1] += m["Pss"]
        v[2] += m["Private_Dirty"]
        v[3] += 1
    return out


def cpu_faults(pid: int) -> tuple[float, int]:
    """(CPU seconds user + system, minor page faults) of a process so far, from /proc/PID/stat: a block
    given its own mapping costs page faults (zeroed pages) every time it is made."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            v = f.read().rsplit(")", 1)[1].split()
    except OSError:
        return float("nan"), 0
    return (int(v[11]) + int(v[12])) / os.sysconf("SC_CLK_TCK"), int(v[7])


# --- the rest of the hall: saves ---------------------------------------------------------------------

class Penulis:
    """Saves scores as ten fasilitator would: kelompok in turn, a value other than the cell's."""

    def __init__(self, path: str, seed: int = 16):
        from sesi.model import STATUS_DISISIHKAN
        from sesi.store import Store
        from sesi.transaksi import Pelaku

        self.rng = random.Random(seed)
        data = Store.buka(path).data
        self.kode = [k.kode for k in data.kriteria]
        self.kelompok = [[u.id for u in data.usulan_kelompok(k.id) if u.status not in STATUS_DISISIHKAN]
                         for k in data.kelompok if k.nama.startswith("Aula ")]
        self.stores = [Store.buka(path, pelaku=Pelaku(f"F{i + 1:02d}", "fasilitator"))
                       for i in range(len(self.kelompok))]
        self.n = 0

    def simpan(self) -> None:
        from sesi import skor

        i = self.n % len(self.kelompok)
        store, ids = self.stores[i], self.kelompok[i]
        uid, k = self.rng.choice(ids), self.rng.choice(self.kode)
        with store.transaksi() as tx:
            lama = tx.data.nilai_mentah(uid, k).get("")
            skor.atur_skor(tx, uid, k, (lama or 0) % 5 + 1)
        self.n += 1


def pompa(proses: dict[str, Proses], sampai: float) -> None:
    """Read every pty until time `sampai` (monotonic), so that no app blocks on a full terminal."""
    fds = {p.fd: p for p in proses.values()}
    while (sisa := sampai - time.monotonic()) > 0:
        r, _, _ = select.select(list(fds), [], [], sisa)
        for fd in r:
            fds[fd].baca(0)


def mb(kb: int) -> float:
    return kb / 1024


def ukur(args: argparse.Namespace) -> dict:
    from bench.aula import sesi_aula

    folder = args.folder
    os.makedirs(folder, exist_ok=True)
    dasar = sesi_aula(folder, args.usulan, 10)
    kerja = salinan(dasar, f"memori-kerja-{args.usulan}.json")
    tulis = Penulis(kerja)
    baris = len(tulis.kelompok[0])
    rumah = tempfile.mkdtemp(prefix="memori-rumah-", dir=folder)  # drafts and logs of the apps
    env = env_terminal("256", XDG_STATE_HOME=rumah, XDG_DATA_HOME=rumah)
    for kv in args.env:
        k, _, v = kv.partition("=")
        env[k] = v
    if args.tracemalloc:
        os.makedirs(args.tracemalloc, exist_ok=True)
        env["MUSRENBANG_TRACEMALLOC"] = os.path.abspath(args.tracemalloc)
    env_app = env_checkout(env, args.akar) if args.akar else env
    if args.env:  # the variables are for the app only, not the yardstick
        env = {k: v for k, v in env.items() if k not in {kv.partition("=")[0] for kv in args.env}}
    proses: dict[str, Proses] = {}
    hasil: dict = {"usulan": args.usulan, "baris": baris, "detik": args.detik, "laju": args.laju,
                   "akar": args.akar or str(ROOT), "proses": {}}
    try:
        for peran in args.peran:
            e = env if peran == "bare" else env_app
            proses[peran] = jalankan(argv_peran(peran, kerja, "Aula 1", baris), e,
                                     cwd=(args.akar if peran != "bare" and args.akar else None))
        t0 = time.monotonic()
        while not all(PENANDA[n] in p.jejak for n, p in proses.items()):
            if time.monotonic() - t0 > 120:
                raise SystemExit("memori: no first screen after 120 s from "
                                 + ", ".join(n for n, p in proses.items() if PENANDA[n] not in p.jejak))
            pompa(proses, time.monotonic() + 0.2)
        pompa(proses, time.monotonic() + 2.0)
        for n, p in proses.items():
            r, s, pr = rss_pss_kb(p.pid)
            hasil["proses"][n] = {"pid": p.pid, "hwm_awal_mb": mb(p.vmhwm_kb()),
                                  "sampel": [(0.0, mb(r), mb(s), mb(pr))]}
            if args.rincian:
                hasil["proses"][n]["rincian_awal"] = rincian_kb(p.pid)
        if args.tracemalloc:
            _minta_dump(proses, "awal")
            pompa(proses, time.monotonic() + 15.0)
        for n, p in proses.items():
            hasil["proses"][n]["cpu_awal"] = cpu_faults(p.pid)
        t1 = time.monotonic()
        berikut, sampel_t = t1, t1 + args.sampel
        while (now := time.monotonic()) < t1 + args.detik:
            if now >= berikut:
                tulis.simpan()
                berikut += 1.0 / args.laju
            if now >= sampel_t:
                for n, p in proses.items():
                    r, s, pr = rss_pss_kb(p.pid)
                    hasil["proses"][n]["sampel"].append((now - t1, mb(r), mb(s), mb(pr)))
                sampel_t += args.sampel
            pompa(proses, min(berikut, sampel_t))
        hasil["simpan"] = tulis.n
        hasil["detik_nyata"] = time.monotonic() - t1
        pompa(proses, time.monotonic() + 3.0)  # the last changes followed
        for n, p in proses.items():
            c0, f0 = hasil["proses"][n]["cpu_awal"]
            c1, f1 = cpu_faults(p.pid)
            hasil["proses"][n].update(cpu_s=c1 - c0, minflt=f1 - f0)
            r, s, pr = rss_pss_kb(p.pid)
            h = hasil["proses"][n]
            h["sampel"].append((time.monotonic() - t1, mb(r), mb(s), mb(pr)))
            h["hwm_akhir_mb"] = mb(p.vmhwm_kb())
            if args.rincian:
                h["rincian_akhir"] = rincian_kb(p.pid)
            h["hidup"] = p.proc.poll() is None
        if args.tracemalloc:
            _minta_dump(proses, "akhir")
            pompa(proses, time.monotonic() + 60.0)  # a snapshot of every trace takes seconds
    finally:
        for p in proses.values():
            tutup(p)
    return hasil


def _minta_dump(proses: dict[str, Proses], label: str) -> None:
    for n, p in proses.items():
        if n != "bare":
            os.kill(p.pid, signal.SIGUSR1)


def cetak(h: dict) -> None:
    print(f"memory of one process following a live session: {h['usulan']} usulan, fasilitator rows {h['baris']}, "
          f"{h['simpan']} saves in {h['detik_nyata']:.0f} s ({h['laju']}/s), code {h['akar']}")
    print(f"{'process':<12} {'RSS start':>9} {'PSS start':>9} {'priv start':>10} {'RSS end':>8} {'PSS end':>8}"
          f" {'priv end':>8} {'RSS max':>8} {'growth':>7} {'VmHWM':>6}  (MB)  CPU % and minor faults/s while following")
    for n, p in h["proses"].items():
        s = p["sampel"]
        print(f"{n:<12} {s[0][1]:>9.1f} {s[0][2]:>9.1f} {s[0][3]:>10.1f} {s[-1][1]:>8.1f} {s[-1][2]:>8.1f}"
              f" {s[-1][3]:>8.1f} {max(x[1] for x in s):>8.1f} {s[-1][1] - s[0][1]:>+7.1f} {p['hwm_akhir_mb']:>6.1f}"
              f"  {p['cpu_s'] / s[-1][0] * 100:>5.1f}% {p['minflt'] / s[-1][0]:>7.0f}"
              + ("" if p["hidup"] else "  (ended!)"))
    if {"fasilitator", "notulen", "tayang"} <= set(h["proses"]):
        for saat, i in (("start", 0), ("end", -1)):
            f, n_, t = (h["proses"][x]["sampel"][i] for x in ("fasilitator", "notulen", "tayang"))
            # private memory of each of the twelve, plus the shared pages (libraries) once
            dua_belas = 10 * f[3] + n_[3] + t[3] + max(x[1] - x[3] for x in (f, n_, t))
            print(f"estimate for the hall's twelve at the {saat} (10 x fasilitator + notulen + projector, private "
                  f"memory each + shared once): {dua_belas:,.0f} MB")
    print("over time (s: RSS MB per process):")
    n_sampel = max(len(p["sampel"]) for p in h["proses"].values())
    for i in range(n_sampel):
        t = next(p["sampel"][i][0] for p in h["proses"].values() if i < len(p["sampel"]))
        print(f"  {t:>5.0f}: " + "  ".join(f"{n} {p['sampel'][i][1]:.1f}" for n, p in h["proses"].items()
                                           if i < len(p["sampel"])))
    for saat in ("awal", "akhir"):
        if any(f"rincian_{saat}" in p for p in h["proses"].values()):
            print(f"where the resident memory is, {'start' if saat == 'awal' else 'end'} "
                  "(Rss / Private_Dirty MB, mappings):")
            for n, p in h["proses"].items():
                r = p.get(f"rincian_{saat}", {})
                print(f"  {n:<12} " + "  ".join(f"{k} {v[0] / 1024:.1f}/{v[2] / 1024:.1f} ({v[3]})"
                                                 for k, v in sorted(r.items(), key=lambda kv: -kv[1][0])))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--usulan", type=int, default=1000)
    ap.add_argument("--detik", type=float, default=150, help="seconds of following (default 150)")
    ap.add_argument("--laju", type=float, default=10, help="saves a second hall-wide (default 10)")
    ap.add_argument("--sampel", type=float, default=15, help="seconds between samples (default 15)")
    ap.add_argument("--peran", nargs="*", default=list(PERAN), choices=PERAN)
    ap.add_argument("--rincian", action="store_true", help="smaps breakdown at start and end")
    ap.add_argument("--tracemalloc", metavar="DIR", default=None,
                    help="run the apps with MUSRENBANG_TRACEMALLOC=DIR; dumps at start and end")
    ap.add_argument("--env", nargs="*", default=[], metavar="VAR=NILAI",
                    help="extra environment of the apps (not the bare app), e.g. MALLOC_ARENA_MAX=1")
    ap.add_argument("--akar", default=None, metavar="FOLDER", help="run the app of another checkout")
    ap.add_argument("--folder", default=os.path.join(tempfile.gettempdir(), "musrenbang-bench-memori"))
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    h = ukur(args)
    if args.json:
        print(json.dumps(h, indent=1))
    else:
        cetak(h)


if __name__ == "__main__":
    main()
