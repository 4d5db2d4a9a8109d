"""Bytes the app writes to its terminal per score keystroke and per cursor move in the scoring matrix,
and the time from a key to the repaint.

Runs `python -m musrenbang_tui buka SESI --layar skoring --kelompok K` in a real pseudo-terminal (80x24,
TERM=xterm-256color, SSH_CONNECTION set as over SSH), waits for the first paint, then sends one key at
a time and reads until the output has been quiet for 150 ms: the bytes of that answer, the time from
writing the key to the first byte of the answer, and to its last byte (the screen is up to date). For
comparison it measures, in the same run, a bare Textual app whose DataTable of the same rows is updated
with `DataTable.update_cell` on each digit (bench/pembanding.py; what CRAFT.md measured at 4-8 KB).

    python bench/bytes_skoring.py                    # the demo session, 256 colours
    python bench/bytes_skoring.py --warna standard   # 16 colours (TEXTUAL_COLOR_SYSTEM=standard)
    python bench/bytes_skoring.py --usulan 1000      # a generated session, its largest kelompok
    python bench/bytes_skoring.py --tanpa-pembanding

Figures, not a pass/fail test. Targets (issue 7): score keystroke median <= 1 KB, cursor move <= 0.5 KB;
key to repaint at 1,000 usulan, median < 50 ms.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.pty_alat import (ATAS, BAWAH, KANAN, KIRI, PYTHON, ROOT, baca_sampai_diam, env_checkout, env_terminal,  # noqa: E402
                            jalankan, median, persentil, salinan, sesi_skoring, tunggu_penanda, tutup)

DIAM = 0.15  # quiet time that ends one key's answer
TARGET_SKOR, TARGET_GERAK, TARGET_MS = 1024, 512, 50.0


def urutan_tombol(entri: int) -> tuple[list[str], list[str]]:
    """(score digits, cursor moves). The moves stay inside the visible part of the matrix (a move that
    scrolls repaints the whole matrix); the digits are a fixed random sequence on a 1-5 scale."""
    rng = random.Random(7)
    skor = [str(rng.randint(1, 5)) for _ in range(entri)]
    gerak = [KANAN] * 4 + [BAWAH] * 6 + [KIRI] * 4 + [ATAS] * 6 + ["l", "j", "h", "k"] * 3
    return skor, gerak


def ukur(argv: list[str], env: dict[str, str], penanda: bytes, skor: list[str], gerak: list[str],
         cwd: str | None = None) -> dict:
    """Per key: bytes, ms to the first byte, ms to the last byte; for moves first, then digits."""
    p = jalankan(argv, env, cwd=cwd)
    hasil: dict[str, list[float]] = {k: [] for k in ("gerak", "skor", "t_gerak", "t_skor", "s_gerak", "s_skor")}
    try:
        tunggu_penanda(p, penanda, diam=0.5)
        hasil["awal"] = [float(p.terbaca)]
        for jenis, keys in (("gerak", gerak), ("skor", skor)):
            for key in keys:
                j = baca_sampai_diam(p, DIAM, tunggu=2.0, sejak=p.ketik(key))
                hasil[jenis].append(j.bytes)
                hasil["t_" + jenis].append(j.pertama_ms)
                hasil["s_" + jenis].append(j.selesai_ms)
    finally:
        tutup(p)
    return hasil


def jalankan_semua(warna: str = "256", usulan: int = 0, entri: int = 50, pembanding: bool = True,
                   folder: str | None = None, banding: str | None = None) -> dict:
    """Measure the app (and the bare DataTable app) once; returns the raw lists and a description."""
    folder = folder or tempfile.mkdtemp(prefix="bench-bytes-")
    path, nama, sumber = sesi_skoring(folder, usulan)
    env = env_terminal(warna)
    skor, gerak = urutan_tombol(entri)
    kerja = salinan(path, "bytes-" + os.path.basename(path))  # the keys change the same cells every run
    app = ukur([PYTHON, "-m", "musrenbang_tui", "buka", kerja, "--layar", "skoring", "--kelompok", nama],
               env, b"Skoring", skor, gerak)
    lama = None
    if banding:  # the app of another checkout (e.g. the commit before a change), on a fresh copy
        kerja = salinan(path, "bytes-lama-" + os.path.basename(path))
        lama = ukur([PYTHON, "-m", "musrenbang_tui", "buka", kerja, "--layar", "skoring", "--kelompok", nama],
                    env_checkout(env, banding), b"Skoring", skor, gerak, cwd=banding)
    bare = None
    if pembanding:
        bare = ukur([PYTHON, str(ROOT / "bench" / "pembanding.py"), path, "--kursor-kolom", "1"], env,
                    b"Usulan (kelurahan)", skor, gerak)
    return {"warna": warna, "sumber": sumber, "app": app, "bare": bare, "lama": lama}


def ringkas(nilai: list[float]) -> str:
    nilai = [v for v in nilai if v == v]  # drop NaN (no output at all)
    if not nilai:
        return f"{'-':>8} {'-':>8} {'-':>8} {'-':>8} {0:>5}"
    return (f"{median(nilai):>8.0f} {sum(nilai) / len(nilai):>8.0f} {persentil(nilai, 0.9):>8.0f}"
            f" {max(nilai):>8.0f} {len(nilai):>5}")


def cetak(h: dict) -> None:
    app, bare = h["app"], h["bare"]
    print(f"Scoring matrix, 80x24, colours: {h['warna']}; {h['sumber']}")
    print(f"{'':44}{'median':>8} {'mean':>8} {'p90':>8} {'max':>8} {'n':>5}")
    baris = [
        ("skoring: first paint (B)", app["awal"]),
        ("skoring: score keystroke (B)", app["skor"]),
        ("skoring: cursor move (B)", app["gerak"]),
        ("skoring: score key -> first byte (ms)", app["t_skor"]),
        ("skoring: score key -> screen done (ms)", app["s_skor"]),
        ("skoring: move key -> first byte (ms)", app["t_gerak"]),
        ("skoring: move key -> screen done (ms)", app["s_gerak"]),
    ]
    if h.get("lama"):
        lama = h["lama"]
        baris += [
            ("before: score keystroke (B)", lama["skor"]),
            ("before: score key -> screen done (ms)", lama["s_skor"]),
            ("before: move key -> screen done (ms)", lama["s_gerak"]),
        ]
    if bare:
        baris += [
            ("bare DataTable: first paint (B)", bare["awal"]),
            ("bare DataTable + update_cell: digit (B)", bare["skor"]),
            ("bare DataTable: cursor move (B)", bare["gerak"]),
            ("bare DataTable: digit -> screen done (ms)", bare["s_skor"]),
            ("bare DataTable: move -> screen done (ms)", bare["s_gerak"]),
        ]
    for label, nilai in baris:
        print(f"{label:44}{ringkas(nilai)}")
    print(f"targets: score keystroke median <= {TARGET_SKOR} B: "
          f"{'met' if median(app['skor']) <= TARGET_SKOR else 'NOT met'}; cursor move median <= {TARGET_GERAK} B: "
          f"{'met' if median(app['gerak']) <= TARGET_GERAK else 'NOT met'}; key -> screen done median < "
          f"{TARGET_MS:.0f} ms: {'met' if median(app['s_skor']) < TARGET_MS else 'NOT met'}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--warna", choices=["256", "standard", "truecolor"], default="256")
    ap.add_argument("--entri", type=int, default=50, help="score keystrokes to send (default 50)")
    ap.add_argument("--tanpa-pembanding", action="store_true", help="skip the bare DataTable comparison")
    ap.add_argument("--usulan", type=int, default=0,
                    help="use a generated session of N usulan, all scored (bench/data_besar.py), not the demo")
    ap.add_argument("--banding", default=None, metavar="FOLDER",
                    help="also measure the app of another checkout in the same run (the 'before' rows)")
    ap.add_argument("--folder", default=None, help="folder for the generated sessions (default: a temp folder)")
    args = ap.parse_args()
    cetak(jalankan_semua(args.warna, args.usulan, args.entri, not args.tanpa_pembanding, args.folder, args.banding))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
