"""Every benchmark of issue 7 in one run, on this machine, ending with one table of figures and targets.

    python bench/semua.py            # about 5 minutes
    python bench/semua.py --cepat    # fewer rounds (about 2 minutes), for a quick look

Runs, with one folder of generated sessions (bench/data_besar.py: every cell scored):
  1. cold start to the first full frame and peak memory, app vs a bare DataTable app (mulai_dingin.py);
  2. non-UI commands on 1,000 usulan, and whether they import Textual (perintah.py);
  3. bytes per score keystroke and per cursor move, 256 and 16 colours, vs DataTable.update_cell
     (bytes_skoring.py, demo session);
  4. key to repaint in the matrix at 1,000 usulan (bytes_skoring.py --usulan 1000);
  5. store transaction latency at 50, 1,000 and 5,000 usulan (latensi_store.py);
  6. 50 score entries over a simulated 64 kbit/s link (tautan_lambat.py).
Each script runs alone too, with more detail. Times on a shared machine are noisy: the app and the bare
app are measured alternately in the same run, and their ratio is the figure that counts.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import bytes_skoring, latensi_store, mulai_dingin, perintah, tautan_lambat  # noqa: E402
from bench.pty_alat import median, persentil  # noqa: E402


def _log(pesan: str) -> None:
    print(pesan, file=sys.stderr, flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cepat", action="store_true", help="fewer rounds (a quick look, noisier)")
    ap.add_argument("--folder", default=None, help="folder for the generated sessions (default: a temp folder)")
    args = ap.parse_args()
    folder = args.folder or tempfile.mkdtemp(prefix="bench-semua-")
    os.makedirs(folder, exist_ok=True)
    ulang = 3 if args.cepat else 7
    mulai = time.monotonic()
    baris: list[tuple[str, str, str, str, str]] = []  # measure, app, reference, target, met

    def tambah(ukuran: str, app: str, acuan: str, target: str, ok: bool | None) -> None:
        baris.append((ukuran, app, acuan, target, "-" if ok is None else ("yes" if ok else "NO")))

    _log("1/6 cold start (50, 1000, 5000 usulan)...")
    for n in (50, 1000, 5000):
        r = mulai_dingin.ukur(n, ulang, folder)
        tambah(f"cold start {n} usulan ({r['baris']} rows): time", f"{r['app_s']:.3f} s",
               f"{r['bare_s']:.3f} s", f"<= {mulai_dingin.TARGET_WAKTU}x", r["rasio_s"] <= mulai_dingin.TARGET_WAKTU)
        baris[-1] = baris[-1][:2] + (f"{baris[-1][2]} ({r['rasio_s']:.2f}x)",) + baris[-1][3:]
        tambah(f"cold start {n} usulan: peak memory (VmHWM)", f"{r['app_mb']:.1f} MB",
               f"{r['bare_mb']:.1f} MB ({r['rasio_mb']:.2f}x)", f"<= {mulai_dingin.TARGET_MEMORI}x",
               r["rasio_mb"] <= mulai_dingin.TARGET_MEMORI)

    _log("2/6 non-UI commands (1000 usulan)...")
    for r in perintah.ukur(1000, 3 if args.cepat else 5, folder):
        if not r["diukur"]:
            tambah(f"{r['perintah']}", f"{r['median_s']:.3f} s", "", "", None)
            continue
        tx = "imports Textual" if r["textual"] else "no Textual"
        tambah(f"{r['perintah']} (1000 usulan)", f"{r['median_s']:.3f} s", tx, f"< {perintah.TARGET_DETIK} s",
               r["median_s"] < perintah.TARGET_DETIK and not r["textual"])

    _log("3/6 bytes per key (demo, 256 and 16 colours)...")
    for warna, label in (("256", "256 colours"), ("standard", "16 colours")):
        h = bytes_skoring.jalankan_semua(warna, 0, 30 if args.cepat else 50, warna == "256", folder)
        app, bare = h["app"], h["bare"]
        tambah(f"score keystroke, {label} (median)", f"{median(app['skor']):.0f} B",
               f"update_cell {median(bare['skor']):.0f} B" if bare else "", f"<= {bytes_skoring.TARGET_SKOR} B",
               median(app["skor"]) <= bytes_skoring.TARGET_SKOR)
        tambah(f"cursor move, {label} (median)", f"{median(app['gerak']):.0f} B",
               f"DataTable {median(bare['gerak']):.0f} B" if bare else "", f"<= {bytes_skoring.TARGET_GERAK} B",
               median(app["gerak"]) <= bytes_skoring.TARGET_GERAK)
        tambah(f"first paint, {label}", f"{median(app['awal']):.0f} B",
               f"DataTable {median(bare['awal']):.0f} B" if bare else "", "", None)

    _log("4/6 key to repaint (1000 usulan)...")
    h = bytes_skoring.jalankan_semua("256", 1000, 30 if args.cepat else 50, True, folder)
    app, bare = h["app"], h["bare"]
    tambah("score key -> repaint done, 1000 usulan (median)", f"{median(app['s_skor']):.0f} ms",
           f"update_cell {median(bare['s_skor']):.0f} ms", f"< {bytes_skoring.TARGET_MS:.0f} ms",
           median(app["s_skor"]) < bytes_skoring.TARGET_MS)
    tambah("score key -> repaint done, 1000 usulan (p90)", f"{persentil(app['s_skor'], 0.9):.0f} ms",
           f"update_cell {persentil(bare['s_skor'], 0.9):.0f} ms", "", None)
    tambah("score key -> first byte, 1000 usulan (median)", f"{median(app['t_skor']):.0f} ms", "", "", None)
    tambah("cursor move -> repaint done, 1000 usulan (median)", f"{median(app['s_gerak']):.0f} ms",
           f"DataTable {median(bare['s_gerak']):.0f} ms", "", None)
    tambah("score keystroke, 1000 usulan (median)", f"{median(app['skor']):.0f} B", "",
           f"<= {bytes_skoring.TARGET_SKOR} B", median(app["skor"]) <= bytes_skoring.TARGET_SKOR)

    _log("5/6 store transaction latency (50, 1000, 5000 usulan)...")
    for n in (50, 1000, 5000):
        r = latensi_store.ukur(n, 50 if args.cepat else 100, folder)
        target = "< 30 ms" if n == 1000 else ""
        tambah(f"store transaction, {n} usulan ({r['ukuran_mb']:.1f} MB): median / p95",
               f"{r['median_ms']:.1f} / {r['p95_ms']:.1f} ms", "", target, r["median_ms"] < 30 if n == 1000 else None)

    _log("6/6 50 score entries over 64 kbit/s...")
    rows, _ = tautan_lambat.jalankan_semua(0, 50, 0.15, 64, folder)
    for r in rows:
        tambah(f"64 kbit/s, key every 150 ms: {r['nama']}", f"{r['total_b']} B, +{r['terakhir_s']:.2f} s",
               f"key med {r['kunci_med_ms']:.0f} ms", "", None)

    lebar = max(len(b[0]) for b in baris)
    print()
    print(f"musrenbang-tui benchmarks (issue 7), {platform.node()}: {platform.python_implementation()} "
          f"{platform.python_version()}, {os.cpu_count()} CPU, {time.monotonic() - mulai:.0f} s"
          + (", --cepat" if args.cepat else ""))
    print(f"{'measure':{lebar}}  {'app':>22}  {'reference':>26}  {'target':>10}  met")
    for ukuran, app_, acuan, target, ok in baris:
        print(f"{ukuran:{lebar}}  {app_:>22}  {acuan:>26}  {target:>10}  {ok}")
    print("64 kbit/s rows: bytes for the 50 entries, and how long after the 50th key the screen was up to date.")


if __name__ == "__main__":
    main()
