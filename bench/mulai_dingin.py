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
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.pty_alat import (PYTHON, ROOT, env_terminal, jalankan, kelompok_terbesar, median,  # noqa: E402
                            sesi_besar, tunggu_penanda, tutup)

TARGET_WAKTU, TARGET_MEMORI = 1.2, 1.25


def satu(argv: list[str], penanda: bytes, env: dict[str, str]) -> tuple[float, float]:
    """(seconds to the first full frame, peak RSS in MB) of one start."""
    p = jalankan(argv, env)
    try:
        detik = tunggu_penanda(p, penanda)
        mb = p.vmhwm_kb() / 1024
    finally:
        tutup(p)
    return detik, mb


def ukur(n_usulan: int, ulang: int, folder: str, warna: str = "256") -> dict:
    path = sesi_besar(folder, n_usulan)
    nama, n_baris = kelompok_terbesar(path)
    env = env_terminal(warna)
    app = [PYTHON, "-m", "musrenbang_tui", "buka", path, "--layar", "skoring", "--kelompok", nama]
    bare = [PYTHON, str(ROOT / "bench" / "pembanding.py"), path, "--baris", str(n_baris)]
    hasil: dict[str, list[float]] = {"app_s": [], "app_mb": [], "bare_s": [], "bare_mb": []}
    satu(bare, b"Usulan (kelurahan)", env)  # warm the page cache for both (not counted)
    satu(app, b"Skoring", env)
    for _ in range(ulang):
        s, mb = satu(app, b"Skoring", env)
        hasil["app_s"].append(s)
        hasil["app_mb"].append(mb)
        s, mb = satu(bare, b"Usulan (kelurahan)", env)
        hasil["bare_s"].append(s)
        hasil["bare_mb"].append(mb)
    m = {k: median(v) for k, v in hasil.items()}
    m.update(usulan=n_usulan, baris=n_baris, n=ulang,
             rasio_s=m["app_s"] / m["bare_s"], rasio_mb=m["app_mb"] / m["bare_mb"])
    return m


def cetak(rows: list[dict]) -> None:
    print("Cold start to the first full frame, 80x24, skoring screen vs bare DataTable app (medians)")
    print(f"{'usulan':>7} {'rows':>5} {'app s':>7} {'bare s':>7} {'ratio':>6} {'app MB':>7} {'bare MB':>8}"
          f" {'ratio':>6} {'n':>3}")
    for r in rows:
        print(f"{r['usulan']:>7} {r['baris']:>5} {r['app_s']:>7.3f} {r['bare_s']:>7.3f} {r['rasio_s']:>6.2f}"
              f" {r['app_mb']:>7.1f} {r['bare_mb']:>8.1f} {r['rasio_mb']:>6.2f} {r['n']:>3}")
    print(f"targets: time ratio <= {TARGET_WAKTU}, memory ratio <= {TARGET_MEMORI}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("ukuran", nargs="*", type=int, default=[50, 1000, 5000])
    ap.add_argument("--ulang", type=int, default=5, help="rounds per size (default 5)")
    ap.add_argument("--folder", default=None, help="folder for the generated sessions (default: a temp folder)")
    args = ap.parse_args()
    folder = args.folder or tempfile.mkdtemp(prefix="bench-mulai-")
    os.makedirs(folder, exist_ok=True)
    cetak([ukur(n, args.ulang, folder) for n in args.ukuran])


if __name__ == "__main__":
    main()
