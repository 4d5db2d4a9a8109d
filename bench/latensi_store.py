"""Store transaction latency: one score saved (lock, check, write temp, fsync, replace, fsync folder).

    python bench/latensi_store.py            # 50, 1000 and 5000 usulan, every cell scored
    python bench/latensi_store.py 1000 --n 200

Prints median and p95 per size. Figures, not a pass/fail test (target, issue 7: median < 30 ms at 1,000).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.data_besar import buat  # noqa: E402
from sesi import skor  # noqa: E402
from sesi.store import Store  # noqa: E402


def ukur(n_usulan: int, n: int, folder: str) -> dict[str, float]:
    path = os.path.join(folder, f"sesi-{n_usulan}.json")
    if not os.path.exists(path):
        buat(path, n_usulan)
    store = Store.buka(path)
    data = store.data
    ids = list(data.usulan)
    kode = [k.kode for k in data.kriteria]
    rng = random.Random(1)
    times = []
    for _ in range(n):
        uid, k = rng.choice(ids), rng.choice(kode)
        lama = store.data.nilai_mentah(uid, k).get("")
        nilai = rng.choice([v for v in range(1, 6) if v != lama])  # always a real change
        t = time.perf_counter()
        with store.transaksi() as tx:
            skor.atur_skor(tx, uid, k, nilai)
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    return {"usulan": n_usulan, "ukuran_mb": os.path.getsize(path) / 1e6, "median_ms": statistics.median(times),
            "p95_ms": times[int(len(times) * 0.95) - 1], "n": n}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("ukuran", nargs="*", type=int, default=[50, 1000, 5000])
    ap.add_argument("--n", type=int, default=100, help="transaksi per ukuran")
    ap.add_argument("--folder", default=None, help="folder data (bawaan: folder sementara)")
    args = ap.parse_args()
    folder = args.folder or tempfile.mkdtemp(prefix="bench-store-")
    print(f"{'usulan':>7} {'berkas MB':>10} {'median ms':>10} {'p95 ms':>8} {'n':>5}")
    for size in args.ukuran:
        r = ukur(size, args.n, folder)
        print(f"{r['usulan']:>7} {r['ukuran_mb']:>10.1f} {r['median_ms']:>10.1f} {r['p95_ms']:>8.1f} {r['n']:>5}")


if __name__ == "__main__":
    main()
