"""What the scoring matrix pays when ANOTHER terminal saves a score (issue 16 item 4; the hall of item 3).

    python bench/ikuti_skoring.py                         # 5,000 usulan, 30 changes of each kind
    python bench/ikuti_skoring.py --usulan 1000 --n 50
    python bench/ikuti_skoring.py --banding /tmp/lama     # the same on another checkout, in the same run

The app runs in-process (`App.run_test`, 80x24) on the scoring matrix of the largest kelompok of a
generated session (bench/data_besar.py, every cell scored). A second Store in the same process (another
terminal, a fasilitator) saves one score at a time, always a different value than the cell holds:
- "lain": a score of an usulan in ANOTHER kelompok (what most of the hall's 10 saves a second are);
- "sendiri": a score of an usulan of the kelompok on screen (a row in view or not, as it comes).
After each save the app catches up as its file watcher does (`baca_perubahan`: the journal's new lines in a
worker thread, `BerkasBerubah`, `DataBerubah` to the screen, the repaint, the warning count after it), and
the benchmark measures the CPU time of the UI thread (`time.thread_time`, the event loop's thread) from
the poll until the screen and the count after its repaint are done, less the same measure with no change
(the poll and the pauses alone). Also per change: the time in the screen's `segarkan` (its repaint of
cells, totals and ranks) and in the warning count (`sesi.peringatan`, after the repaint).

Figures, not a pass/fail test. In the hall (bench/aula.py) each fasilitator sees ~10 such saves a second.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, os.environ.get("IKUTI_AKAR") or str(ROOT))


def _salin(src: str, dst: str) -> str:
    for akhir in ("", ".bak", ".lock", ".jurnal"):
        if os.path.exists(dst + akhir):
            os.unlink(dst + akhir)
    shutil.copy(src, dst)
    return dst


async def _ukur(path: str, n: int, seed: int) -> dict:
    from musrenbang_tui.app import MusrenbangApp
    from screens.base import LayarTahap
    from sesi import skor
    from sesi.model import STATUS_DISISIHKAN
    from sesi.store import Store
    from sesi.transaksi import Pelaku

    store = Store.buka(path, pelaku=Pelaku("F01", "fasilitator"))
    data = store.data
    baris = {k.id: [u.id for u in data.usulan_kelompok(k.id) if u.status not in STATUS_DISISIHKAN]
             for k in data.kelompok}
    kid = max(baris, key=lambda k: len(baris[k]))
    sendiri = baris[kid]
    lain = [uid for k, ids in baris.items() if k != kid for uid in ids]
    kode = [k.kode for k in data.kriteria]
    penulis = Store.buka(path, pelaku=Pelaku("F02", "fasilitator"))
    rng = random.Random(seed)

    waktu: dict[str, list[float]] = {"segarkan": [], "peringatan": []}

    def bungkus(kelas, nama: str, kunci: str):
        f = getattr(kelas, nama)

        def w(*a, **k):
            t = time.thread_time()
            try:
                return f(*a, **k)
            finally:
                waktu[kunci].append(time.thread_time() - t)
        setattr(kelas, nama, w)
        return f

    app = MusrenbangApp(store, layar="skoring", kelompok=data.kelompok_dari_id(kid).nama)
    hasil: dict[str, list[float]] = {"kosong": [], "lain": [], "sendiri": []}
    rincian: dict[str, dict[str, list[float]]] = {"lain": {}, "sendiri": {}}
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause(0.5)
        layar = app.screen
        asli_segarkan = bungkus(type(layar), "segarkan", "segarkan")
        asli_hitung = bungkus(LayarTahap, "_hitung_peringatan", "peringatan")
        try:
            async def satu() -> float:
                t = time.thread_time()
                await app.baca_perubahan()
                await pilot.pause()
                await pilot.pause()
                return (time.thread_time() - t) * 1000

            for i in range(3 * n):
                jenis = ("kosong", "lain", "sendiri")[i % 3]
                if jenis != "kosong":
                    uid, k = rng.choice(lain if jenis == "lain" else sendiri), rng.choice(kode)
                    lama = penulis.data.nilai_mentah(uid, k).get("")
                    with penulis.transaksi() as tx:
                        skor.atur_skor(tx, uid, k, rng.choice([v for v in range(1, 6) if v != lama]))
                for v in waktu.values():
                    v.clear()
                ms = await satu()
                hasil[jenis].append(ms)
                if jenis != "kosong":
                    for kunci, v in waktu.items():
                        rincian[jenis].setdefault(kunci, []).append(sum(v) * 1000)
        finally:
            setattr(type(layar), "segarkan", asli_segarkan)
            setattr(LayarTahap, "_hitung_peringatan", asli_hitung)
    med = {k: statistics.median(v) for k, v in hasil.items()}
    return {
        "baris": len(sendiri),
        "kosong_ms": med["kosong"],
        **{f"{j}_ms": med[j] - med["kosong"] for j in ("lain", "sendiri")},
        **{f"{j}_{k}_ms": statistics.median(v) for j in rincian for k, v in rincian[j].items()},
        **{f"{j}_p90_ms": sorted(hasil[j])[int(0.9 * len(hasil[j]))] - med["kosong"] for j in ("lain", "sendiri")},
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--usulan", type=int, default=5000)
    ap.add_argument("--n", type=int, default=30, help="changes of each kind (default 30)")
    ap.add_argument("--banding", default=None, metavar="FOLDER",
                    help="also measure another checkout (e.g. `git worktree add --detach /tmp/lama COMMIT`)")
    ap.add_argument("--folder", default=None, help="folder for the generated session (default: a temp folder)")
    ap.add_argument("--dalam", default=None, help=argparse.SUPPRESS)  # one measurement, JSON on stdout
    args = ap.parse_args()
    if args.dalam:
        print(json.dumps(asyncio.run(_ukur(args.dalam, args.n, 16))))
        return
    from bench.pty_alat import env_python, sesi_besar

    folder = args.folder or tempfile.mkdtemp(prefix="bench-ikuti-")
    os.makedirs(folder, exist_ok=True)
    path = sesi_besar(folder, args.usulan)
    jalan = [("this tree", None)] + ([("before (--banding)", args.banding)] if args.banding else [])
    hasil = []
    for nama, akar in jalan:  # each in its own process, on a fresh copy
        env = env_python()
        if akar:
            env["IKUTI_AKAR"] = akar
            env["PYTHONPATH"] = akar + os.pathsep + env["PYTHONPATH"]
        kerja = _salin(path, os.path.join(folder, f"ikuti-{len(hasil)}.json"))
        out = subprocess.run([sys.executable, __file__, "--dalam", kerja, "--n", str(args.n)], env=env,
                             cwd=akar or str(ROOT), capture_output=True, text=True, check=True)
        hasil.append((nama, json.loads(out.stdout.strip().splitlines()[-1])))
    print(f"Another terminal saves one score; the scoring matrix of the largest kelompok follows it "
          f"({args.usulan} usulan, {hasil[0][1]['baris']} rows on screen). UI thread CPU per change, ms (median):")
    print(f"{'':22}{'other kelompok':>16} {'p90':>6} {'own kelompok':>14} {'p90':>6}   of which, other / own: "
          f"segarkan, warnings")
    for nama, h in hasil:
        print(f"{nama:22}{h['lain_ms']:>16.1f} {h['lain_p90_ms']:>6.1f} {h['sendiri_ms']:>14.1f} "
              f"{h['sendiri_p90_ms']:>6.1f}   {h.get('lain_segarkan_ms', 0):.1f}, {h.get('lain_peringatan_ms', 0):.1f}"
              f" / {h.get('sendiri_segarkan_ms', 0):.1f}, {h.get('sendiri_peringatan_ms', 0):.1f}")
    kosong = ", ".join(f"{h['kosong_ms']:.1f}" for _, h in hasil)
    print(f"(less the same poll with no change: {kosong} ms)")


if __name__ == "__main__":
    main()
