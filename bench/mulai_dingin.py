"""Cold start to an interactive screen, and peak memory, against a bare Textual app in the same run.

    python bench/mulai_dingin.py                 # 50, 1000 and 5000 usulan, 5 rounds each
    python bench/mulai_dingin.py 1000 --ulang 9

For each size it generates a session (bench/data_besar.py: every cell scored), then starts, in turn,
    app:  python -m musrenbang_tui buka SESI --layar skoring --kelompok <the largest kelompok>
    bare: python bench/pembanding.py SESI --baris <the same number of rows>   (a DataTable and a Footer)
in a real pseudo-terminal at 80x24 (TERM=xterm-256color, SSH_CONNECTION set as over SSH). The time is
from starting the process to the last byte of the first full frame: the output contains a text the
first frame is known to hold (the agenda bar's "Skoring", the DataTable's "Usulan (kelurahan)" header) and then
stays quiet for 100 ms. Peak memory is VmHWM from /proc/<pid>/status read right then, before quitting.
Rounds alternate app and bare so that machine noise hits both; medians are reported, and the ratio
app / bare (target, issue 7: time <= 1.2x, memory <= 1.25x).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.pty_alat import (PYTHON, ROOT, env_checkout, env_terminal, jalankan, kelompok_terbesar, median,  # noqa: E402
                            sesi_besar, tutup)

TARGET_WAKTU, TARGET_MEMORI = 1.2, 1.25


def satu(argv: list[str], penanda: bytes, env: dict[str, str], cwd: str | None = None) -> tuple[float, float, float]:
    """(seconds to the first full frame, peak RSS in MB, CPU seconds the process used by then) of one start."""
    p = jalankan(argv, env, cwd=cwd)
    cpu = float("nan")
    try:
        # tunggu_penanda, reading the process's CPU time after every chunk: the figure is the CPU used
        # by the last byte of the first frame (not what it does in the 100 quiet ms after it).
        detik = float("nan")
        while time.monotonic() - p.mulai < 60:
            sudah = penanda in p.jejak
            chunk = p.baca(0.1 if sudah else 0.5)
            if chunk is None:
                if sudah:
                    break
                continue
            if chunk == b"":
                break
            detik = time.monotonic() - p.mulai
            cpu = cpu_detik(p.pid)
        mb = p.vmhwm_kb() / 1024
    finally:
        tutup(p)
    return detik, mb, cpu


def cpu_detik(pid: int) -> float:
    """CPU seconds (user + system) a process used so far, from /proc/<pid>/stat. Less disturbed than wall
    time by other programs on a shared machine (they delay the process; they do not add to its CPU time)."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            v = f.read().rsplit(")", 1)[1].split()
    except OSError:
        return float("nan")
    return (int(v[11]) + int(v[12])) / os.sysconf("SC_CLK_TCK")


def ukur(n_usulan: int, ulang: int, folder: str, warna: str = "256", banding: str | None = None) -> dict:
    """Medians of `ulang` rounds of app and bare (and, with `banding`, the app of that other checkout of
    the project, e.g. the commit before a change: key "lama_*"), alternating within each round."""
    path = sesi_besar(folder, n_usulan)
    nama, n_baris = kelompok_terbesar(path)
    env = env_terminal(warna)
    app = [PYTHON, "-m", "musrenbang_tui", "buka", path, "--layar", "skoring", "--kelompok", nama]
    bare = [PYTHON, str(ROOT / "bench" / "pembanding.py"), path, "--baris", str(n_baris)]
    hasil: dict[str, list[float]] = {"app_s": [], "app_mb": [], "bare_s": [], "bare_mb": [], "app_cpu": [],
                                     "bare_cpu": []}
    jenis = [("app", app, b"Skoring", env, None), ("bare", bare, b"Usulan (kelurahan)", env, None)]
    if banding:
        jenis.insert(1, ("lama", app, b"Skoring", env_checkout(env, banding), banding))
        hasil.update(lama_s=[], lama_mb=[], lama_cpu=[])
    for _, argv, penanda, env_, cwd in jenis:  # warm the page cache and bytecode for each (not counted)
        satu(argv, penanda, env_, cwd)
    for _ in range(ulang):
        for nama, argv, penanda, env_, cwd in jenis:
            s, mb, cpu = satu(argv, penanda, env_, cwd)
            hasil[nama + "_s"].append(s)
            hasil[nama + "_mb"].append(mb)
            hasil[nama + "_cpu"].append(cpu)
    m = {k: median(v) for k, v in hasil.items()}
    m.update(usulan=n_usulan, baris=n_baris, n=ulang,
             rasio_s=m["app_s"] / m["bare_s"], rasio_mb=m["app_mb"] / m["bare_mb"],
             rasio_cpu=m["app_cpu"] / m["bare_cpu"])
    if banding:
        m.update(lama_rasio_s=m["lama_s"] / m["bare_s"], lama_rasio_mb=m["lama_mb"] / m["bare_mb"],
                 lama_rasio_cpu=m["lama_cpu"] / m["bare_cpu"])
    return m


def cetak(rows: list[dict]) -> None:
    print("Cold start to the first full frame, 80x24, skoring screen vs bare DataTable app (medians)")
    print(f"{'usulan':>7} {'rows':>5} {'app s':>7} {'bare s':>7} {'ratio':>6} {'app MB':>7} {'bare MB':>8}"
          f" {'ratio':>6} {'app CPU':>8} {'bare CPU':>9} {'ratio':>6} {'n':>3}")
    for r in rows:
        print(f"{r['usulan']:>7} {r['baris']:>5} {r['app_s']:>7.3f} {r['bare_s']:>7.3f} {r['rasio_s']:>6.2f}"
              f" {r['app_mb']:>7.1f} {r['bare_mb']:>8.1f} {r['rasio_mb']:>6.2f} {r['app_cpu']:>8.2f}"
              f" {r['bare_cpu']:>9.2f} {r['rasio_cpu']:>6.2f} {r['n']:>3}")
        if "lama_s" in r:
            print(f"{'before':>13} {r['lama_s']:>7.3f} {'':>7} {r['lama_rasio_s']:>6.2f} {r['lama_mb']:>7.1f} {'':>8}"
                  f" {r['lama_rasio_mb']:>6.2f} {r['lama_cpu']:>8.2f} {'':>9} {r['lama_rasio_cpu']:>6.2f}")
    print("(CPU = user + system seconds the process used by its first full frame; less disturbed than the wall"
          " time by other programs on a shared machine)")
    print(f"targets: time ratio <= {TARGET_WAKTU}, memory ratio <= {TARGET_MEMORI}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("ukuran", nargs="*", type=int, default=[50, 1000, 5000])
    ap.add_argument("--ulang", type=int, default=5, help="rounds per size (default 5)")
    ap.add_argument("--banding", default=None, metavar="FOLDER",
                    help="also measure the app of another checkout (e.g. `git worktree add --detach /tmp/lama "
                         "COMMIT`), alternately in the same run: the 'before' row")
    ap.add_argument("--folder", default=None, help="folder for the generated sessions (default: a temp folder)")
    args = ap.parse_args()
    folder = args.folder or tempfile.mkdtemp(prefix="bench-mulai-")
    os.makedirs(folder, exist_ok=True)
    cetak([ukur(n, args.ulang, folder, banding=args.banding) for n in args.ukuran])


if __name__ == "__main__":
    main()
