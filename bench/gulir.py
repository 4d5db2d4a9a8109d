"""Bytes per key while moving through the long lists (issue 16, item 1): a walk of 100 rows down and back
up, then PageDown and PageUp, in the scoring matrix, Pendaftaran, Verifikasi (Kelompok) and Pleno II.

Runs `python -m musrenbang_tui buka SESI --layar ...` in a real pseudo-terminal (80x24, TERM=xterm-256color,
SSH_CONNECTION set as over SSH), waits for the first paint, goes to the list, then sends one key at a time and
reads until the output has been quiet for `--diam` s. Each list is measured twice in the same run, one right
after the other: with the terminal scroll (musrenbang_tui/gulir.py, the default: "gulir") and without it
(MUSRENBANG_GULIR=0: Textual's own output, what every version before it sent: "textual"); with
`--setengah` also the other way in, the view jumping half a page with Textual's output ("setengah",
bench/gulir_setengah.py).

    python bench/gulir.py                    # 300 usulan, 150 peserta; every list, both ways
    python bench/gulir.py --setengah         # and the view jumping half a page
    python bench/gulir.py --layar skoring    # one list
    python bench/gulir.py --warna standard   # 16 colours

Figures, not a pass/fail test. Target: the walk averages at most 1 KB per key; PageDown/PageUp close to a
page of new rows (the floor: those rows have to be drawn).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.pty_alat import (ATAS, BAWAH, PYTHON, ROOT, baca_sampai_diam, env_terminal, jalankan,  # noqa: E402
                            median, tunggu_penanda, tutup)

PGDN, PGUP = "\x1b[6~", "\x1b[5~"
TARGET = 1024


def sesi(folder: str, usulan: int, peserta: int) -> tuple[str, str]:
    """(path, the largest kelompok) of a generated session, made once per folder."""
    path = os.path.join(folder, f"gulir-{usulan}-{peserta}.json")
    sys.path.insert(0, str(ROOT))
    if not os.path.exists(path):
        from bench.data_besar import buat

        buat(path, usulan, n_peserta=peserta)
    from bench.pty_alat import kelompok_terbesar

    return path, kelompok_terbesar(path)[0]


#: list -> (--layar, keys that bring the focus to it after the first paint, marker of the first paint)
LAYAR = {
    "skoring": ("skoring", [], b"Peringkat"),
    "pendaftaran": ("pendaftaran", [], b"Hadir"),
    "verifikasi": ("kelompok", ["3"], b"Verifikasi"),
    "pleno2": ("pleno2", [], b"Keputusan"),
}


#: way -> (MUSRENBANG_GULIR, the program before `buka ...`)
CARA = {
    "textual": ("0", ["-m", "musrenbang_tui"]),  # one row at a time, Textual's output: every version before
    "setengah": ("0", [str(ROOT / "bench" / "gulir_setengah.py")]),  # (b): half a page at a time
    "gulir": ("1", ["-m", "musrenbang_tui"]),  # (a): one row at a time, the terminal's scroll region
}


def ukur(path: str, kelompok: str, layar: str, cara: str, warna: str, langkah: int, halaman: int,
         diam: float) -> dict:
    """Bytes per key: the walk down, the walk up, PageDown, PageUp; and the first paint."""
    nama, awal, penanda = LAYAR[layar]
    gulir, program = CARA[cara]
    env = env_terminal(warna, MUSRENBANG_GULIR=gulir)
    p = jalankan([PYTHON, *program, "buka", path, "--layar", nama, "--kelompok", kelompok], env)
    hasil: dict[str, list] = {"turun": [], "naik": [], "pgdn": [], "pgup": [], "ms": []}
    try:
        tunggu_penanda(p, penanda, diam=0.5)
        hasil["awal"] = [p.terbaca]
        for key in awal:
            baca_sampai_diam(p, 0.5, tunggu=2.0, sejak=p.ketik(key))
        cpu0 = cpu_detik(p.pid)
        for jenis, key, n in (("turun", BAWAH, langkah), ("naik", ATAS, langkah), ("pgdn", PGDN, halaman),
                              ("pgup", PGUP, halaman)):
            for _ in range(n):
                j = baca_sampai_diam(p, diam, tunggu=1.0, sejak=p.ketik(key))
                hasil[jenis].append(j.bytes)
                if jenis in ("turun", "naik"):
                    hasil["ms"].append(j.selesai_ms)
        # Anything still on its way is counted with the last key.
        hasil["pgup"][-1] += baca_sampai_diam(p, 0.5, tunggu=0.5).bytes
        hasil["cpu"] = [cpu_detik(p.pid) - cpu0]
    finally:
        tutup(p)
    return hasil


def cpu_detik(pid: int) -> float:
    """CPU time (user + system) the process has used so far, in seconds."""
    with open(f"/proc/{pid}/stat") as f:
        kolom = f.read().rsplit(")", 1)[1].split()
    return (int(kolom[11]) + int(kolom[12])) / os.sysconf("SC_CLK_TCK")


def rata(nilai: list[int]) -> float:
    return sum(nilai) / len(nilai) if nilai else float("nan")


def cetak(semua: dict, warna: str, sumber: str) -> None:
    print(f"Bytes per key, 80x24, colours: {warna}; {sumber}")
    print("B = bytes per key; walk = 100 Down then 100 Up; ms = key to the last byte of its repaint (median);")
    print("CPU = the app's CPU seconds over the whole walk and the PageDown/PageUp keys")
    print(f"{'list':12} {'output':8} {'walk mean':>9} {'down med':>8} {'down max':>8} {'up med':>7} "
          f"{'PgDn mean':>9} {'PgUp mean':>9} {'ms':>5} {'CPU':>5}")
    for layar, h in semua.items():
        for label, r in h.items():
            jalan = r["turun"] + r["naik"]
            print(f"{layar:12} {label:8} {rata(jalan):>9.0f} {median(r['turun']):>8.0f} {max(r['turun']):>8} "
                  f"{median(r['naik']):>7.0f} {rata(r['pgdn']):>9.0f} {rata(r['pgup']):>9.0f} "
                  f"{median(r['ms']):>5.1f} {r['cpu'][0]:>5.2f}")
    for layar, h in semua.items():
        r = h["gulir"]
        m = rata(r["turun"] + r["naik"])
        print(f"target walk mean <= {TARGET} B, {layar}: {'met' if m <= TARGET else 'NOT met'} ({m:.0f} B)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--layar", choices=list(LAYAR), action="append", help="only these lists (repeatable)")
    ap.add_argument("--warna", choices=["256", "standard", "truecolor"], default="256")
    ap.add_argument("--usulan", type=int, default=300)
    ap.add_argument("--peserta", type=int, default=150)
    ap.add_argument("--langkah", type=int, default=100, help="rows of the walk down (and back up)")
    ap.add_argument("--halaman", type=int, default=5, help="PageDown keys (and PageUp)")
    ap.add_argument("--setengah", action="store_true",
                    help="also measure (b): the view jumps half a page, Textual's output (bench/gulir_setengah.py)")
    ap.add_argument("--diam", type=float, default=0.12, help="quiet time (s) that ends one key's answer")
    ap.add_argument("--folder", default=None, help="folder for the generated session (default: a temp folder)")
    args = ap.parse_args()
    folder = args.folder or tempfile.mkdtemp(prefix="bench-gulir-")
    path, kelompok = sesi(folder, args.usulan, args.peserta)
    semua = {}
    for layar in args.layar or list(LAYAR):
        semua[layar] = {cara: ukur(path, kelompok, layar, cara, args.warna, args.langkah, args.halaman, args.diam)
                        for cara in CARA if cara != "setengah" or args.setengah}
    cetak(semua, args.warna, f"{args.usulan} usulan, {args.peserta} peserta, {kelompok}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
