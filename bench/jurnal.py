"""Live sync through the journal (issue 16 item 2): what another terminal pays to learn of one change.

    python bench/jurnal.py                 # 1000 and 5000 usulan, every cell scored
    python bench/jurnal.py 1000 --n 50

For each size, a writer saves one score at a time; after each save two reader Stores catch up
(`Store.muat`, what the watcher of every other terminal runs):
- "berkas utuh" (before): the journal is not used, so the reader reads and parses the whole file, as
  every terminal did before the journal;
- "jurnal" (after): the reader reads the file's first 256 bytes and only the journal's new bytes.
Both are measured alternately in the same run. Reported: the reader's CPU time (process time) and bytes
read per change (median), also after a burst of 10 changes read at once (ten fasilitator within one
half-second poll), and the writer's time per transaction with the journal off and on: alone, and when
two writers alternate (each must first catch up with the other's change: the whole file before, the
journal after). Figures, not a pass/fail test.
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

import sesi.store as store_mod  # noqa: E402
from bench.data_besar import buat  # noqa: E402
from sesi import skor  # noqa: E402
from sesi.jurnal import TIDAK  # noqa: E402
from sesi.store import Store  # noqa: E402

_KEPALA = 256


class TanpaJurnal:
    """Within this block every Store behaves as before the journal: no line is written, none is read."""

    def __enter__(self):
        self._tulis = store_mod.tambah_jurnal
        self._ikuti = store_mod.Jurnal.ikuti
        store_mod.tambah_jurnal = lambda *a, **k: (_ for _ in ()).throw(OSError("dimatikan"))
        store_mod.Jurnal.ikuti = lambda self, *a, **k: TIDAK
        return self

    def __exit__(self, *exc):
        store_mod.tambah_jurnal = self._tulis
        store_mod.Jurnal.ikuti = self._ikuti


class BacaTanpaJurnal:
    """Only reading through the journal is off (the writer still appends lines)."""

    def __enter__(self):
        self._ikuti = store_mod.Jurnal.ikuti
        store_mod.Jurnal.ikuti = lambda self, *a, **k: TIDAK
        return self

    def __exit__(self, *exc):
        store_mod.Jurnal.ikuti = self._ikuti


def _ubah_skor(store: Store, rng: random.Random, ids: list[str], kode: list[str]) -> None:
    uid, k = rng.choice(ids), rng.choice(kode)
    lama = store.data.nilai_mentah(uid, k).get("")
    nilai = rng.choice([v for v in range(1, 6) if v != lama])
    with store.transaksi() as tx:
        skor.atur_skor(tx, uid, k, nilai)


def _baca(store: Store, utuh: bool) -> tuple[float, int]:
    """One catch-up: (CPU ms, bytes read)."""
    off = store._jurnal.off
    t = time.process_time()
    if utuh:
        with BacaTanpaJurnal():
            store.muat()
    else:
        store.muat()
    cpu = (time.process_time() - t) * 1000
    if utuh:
        return cpu, os.path.getsize(store.path)
    return cpu, _KEPALA + store._jurnal.off - off


def ukur(n_usulan: int, n: int, folder: str) -> dict:
    path = os.path.join(folder, f"sesi-{n_usulan}.json")
    if not os.path.exists(path):
        buat(path, n_usulan)
    for akhiran in (".jurnal",):
        if os.path.exists(path + akhiran):
            os.unlink(path + akhiran)
    penulis = Store.buka(path)
    data = penulis.data
    ids, kode = list(data.usulan), [k.kode for k in data.kriteria]
    rng = random.Random(1)
    utuh, jurnal = Store.buka(path), Store.buka(path)
    hasil: dict = {"usulan": n_usulan, "mb": os.path.getsize(path) / 1e6}
    cu, bu, cj, bj = [], [], [], []
    for _ in range(n):
        _ubah_skor(penulis, rng, ids, kode)
        c, b = _baca(utuh, True)
        cu.append(c)
        bu.append(b)
        c, b = _baca(jurnal, False)
        cj.append(c)
        bj.append(b)
    assert jurnal.data.raw == utuh.data.raw and jurnal.baca_penuh == 1, "pembaca jurnal tidak mengikuti"
    hasil["satu"] = (statistics.median(cu), statistics.median(bu), statistics.median(cj), statistics.median(bj))
    cu, bu, cj, bj = [], [], [], []
    for _ in range(max(3, n // 10)):
        for _ in range(10):
            _ubah_skor(penulis, rng, ids, kode)
        c, b = _baca(utuh, True)
        cu.append(c)
        bu.append(b)
        c, b = _baca(jurnal, False)
        cj.append(c)
        bj.append(b)
    hasil["sepuluh"] = (statistics.median(cu), statistics.median(bu), statistics.median(cj), statistics.median(bj))
    # the writer, journal off and on, alternately: alone (a right after its own write), and after
    # another writer's change (b writes, then a: a first catches up with b's change)
    sendiri: dict[bool, list[float]] = {False: [], True: []}
    bergantian: dict[bool, list[float]] = {False: [], True: []}
    a, b = Store.buka(path), Store.buka(path)

    def tulis(store: Store, pakai: bool) -> float:
        if pakai:
            t = time.perf_counter()
            _ubah_skor(store, rng, ids, kode)
            return (time.perf_counter() - t) * 1000
        with TanpaJurnal():
            t = time.perf_counter()
            _ubah_skor(store, rng, ids, kode)
            return (time.perf_counter() - t) * 1000

    for _ in range(n):
        for pakai in (False, True):
            tulis(a, pakai)
            sendiri[pakai].append(tulis(a, pakai))
            tulis(b, pakai)
            bergantian[pakai].append(tulis(a, pakai))
    hasil["penulis"] = {k: (statistics.median(v[False]), statistics.median(v[True]))
                        for k, v in (("sendiri", sendiri), ("bergantian", bergantian))}
    hasil["jurnal_kb"] = os.path.getsize(path + ".jurnal") / 1024
    return hasil


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("ukuran", nargs="*", type=int, default=[1000, 5000])
    ap.add_argument("--n", type=int, default=30, help="perubahan per ukuran")
    ap.add_argument("--folder", default=None, help="folder data (bawaan: folder sementara)")
    args = ap.parse_args()
    folder = args.folder or tempfile.mkdtemp(prefix="bench-jurnal-")
    for size in args.ukuran:
        r = ukur(size, args.n, folder)
        print(f"\n{r['usulan']} usulan, berkas {r['mb']:.1f} MB (median dari {args.n} perubahan)")
        print(f"  {'pembaca, per perubahan':<46} {'CPU ms':>9} {'bita dibaca':>12}")
        for label, key in (("1 perubahan", "satu"), ("10 perubahan sekaligus", "sepuluh")):
            cu, bu, cj, bj = r[key]
            print(f"  {label + ', berkas utuh (sebelum)':<46} {cu:>9.1f} {bu:>12,.0f}")
            print(f"  {label + ', jurnal (sesudah)':<46} {cj:>9.2f} {bj:>12,.0f}")
        for label, key in (("penulis sendiri", "sendiri"), ("dua penulis bergantian", "bergantian")):
            tanpa, dengan = r["penulis"][key]
            print(f"  {label:<46} tanpa jurnal {tanpa:6.1f} ms, dengan jurnal {dengan:6.1f} ms per transaksi")
        print(f"  jurnal di akhir: {r['jurnal_kb']:.0f} KB")


if __name__ == "__main__":
    main()
