"""Live sync and the journal (issue 16 item 2): what a save costs, what another terminal pays to learn of
it, what compaction and a cold open cost. Public API only, so the same file runs against any checkout:

    python bench/jurnal.py                  # 1000 and 5000 usulan, every cell scored
    python bench/jurnal.py 1000 --n 50
    cp bench/jurnal.py /tmp/main/bench/ && python /tmp/main/bench/jurnal.py   # "before": main's store

For each size, on a fresh copy of the session:
- follower: a writer saves one score at a time; after each save another Store catches up (`Store.muat`,
  what the watcher of every other terminal runs): its CPU time (process time) per change, median and
  p95; also after a burst of 10 saves read at once (ten fasilitator within one half-second poll);
- writers: one writer alone, and two writers alternating (each first catches up with the other's save):
  wall time per transaction, median and p95;
- compaction (when the store has `padatkan`): the time of `Store.padatkan()` after one save, median of 5
  (the encoder warm), and the first one of a process (encoder cold); a follower's CPU to catch up across
  a compaction and one more save (it must not read the snapshot);
- cold open: `Store.buka` of the session with an empty journal, and with a journal filled to the
  compaction bound (`sesi.jurnal.PADAT_BARIS` lines or `PADAT_BITA` bytes, whichever comes first).
Figures, not a pass/fail test.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.data_besar import buat  # noqa: E402
from sesi import skor  # noqa: E402
from sesi.store import Store  # noqa: E402


def _p95(xs: list[float]) -> float:
    xs = sorted(xs)
    return xs[max(0, int(len(xs) * 0.95) - 1)]


def _ubah_skor(store: Store, rng: random.Random, ids: list[str], kode: list[str]) -> None:
    uid, k = rng.choice(ids), rng.choice(kode)
    lama = store.data.nilai_mentah(uid, k).get("")
    nilai = rng.choice([v for v in range(1, 6) if v != lama])
    with store.transaksi() as tx:
        skor.atur_skor(tx, uid, k, nilai)


def _salin(asal: str, folder: str, nama: str) -> str:
    """A copy of the session (its file and journal) under a new name."""
    path = os.path.join(folder, nama)
    for akhiran in ("", ".jurnal"):
        if os.path.exists(asal + akhiran):
            shutil.copyfile(asal + akhiran, path + akhiran)
        elif os.path.exists(path + akhiran):
            os.unlink(path + akhiran)
    return path


def _cpu(fn) -> float:
    t = time.process_time()
    fn()
    return (time.process_time() - t) * 1000


def ukur(n_usulan: int, n: int, folder: str) -> dict:
    asal = os.path.join(folder, f"sesi-{n_usulan}.json")
    if not os.path.exists(asal):
        buat(asal, n_usulan)
        s = Store.buka(asal)
        if hasattr(s, "padatkan"):
            s.padatkan()
    path = _salin(asal, folder, f"uji-{n_usulan}.json")
    rng = random.Random(1)
    penulis = Store.buka(path)
    ids, kode = list(penulis.data.usulan), [k.kode for k in penulis.data.kriteria]
    hasil: dict = {"usulan": n_usulan, "mb": os.path.getsize(path) / 1e6}
    pengikut = Store.buka(path)
    satu = []
    for _ in range(n):
        _ubah_skor(penulis, rng, ids, kode)
        satu.append(_cpu(pengikut.muat))
    sepuluh = []
    for _ in range(max(3, n // 10)):
        for _ in range(10):
            _ubah_skor(penulis, rng, ids, kode)
        sepuluh.append(_cpu(pengikut.muat))
    assert pengikut.data.raw == Store.buka(path).data.raw, "pengikut tidak sama dengan pembacaan penuh"
    hasil["pengikut"] = (statistics.median(satu), _p95(satu), statistics.median(sepuluh))
    sendiri, bergantian = [], []
    a, b = Store.buka(path), Store.buka(path)
    for _ in range(n):
        t = time.perf_counter()
        _ubah_skor(a, rng, ids, kode)
        sendiri.append((time.perf_counter() - t) * 1000)
        _ubah_skor(b, rng, ids, kode)
        t = time.perf_counter()
        _ubah_skor(a, rng, ids, kode)
        bergantian.append((time.perf_counter() - t) * 1000)
    hasil["penulis"] = (statistics.median(sendiri), _p95(sendiri), statistics.median(bergantian),
                        _p95(bergantian))
    if hasattr(a, "padatkan"):
        import sesi.jurnal as jurnal

        baru = Store.buka(path)
        _ubah_skor(baru, rng, ids, kode)
        t = time.perf_counter()
        baru.padatkan()
        dingin = (time.perf_counter() - t) * 1000
        hangat = []
        for _ in range(5):
            _ubah_skor(baru, rng, ids, kode)
            t = time.perf_counter()
            baru.padatkan()
            hangat.append((time.perf_counter() - t) * 1000)
        # a follower across a compaction (another terminal compacted, then saved once more)
        lintas = []
        pengikut.muat()
        for _ in range(5):
            baru.padatkan()
            _ubah_skor(baru, rng, ids, kode)
            penuh = pengikut.baca_penuh
            lintas.append(_cpu(pengikut.muat))
            assert pengikut.baca_penuh == penuh, "pengikut membaca berkas utuh setelah pemadatan"
        hasil["padat"] = (statistics.median(hangat), dingin, statistics.median(lintas))
        # cold open: empty journal, then a journal filled to the compaction bound
        kosong = [_cpu(lambda: Store.buka(path)) for _ in range(3)]
        batas = (jurnal.PADAT_BARIS, jurnal.PADAT_BITA)
        jurnal.PADAT_BARIS, jurnal.PADAT_BITA = 10 ** 9, 10 ** 12
        try:
            baris = 0
            while baris < batas[0] - 1 and os.path.getsize(path + ".jurnal") < batas[1] - 4096:
                _ubah_skor(baru, rng, ids, kode)
                baris += 1
        finally:
            jurnal.PADAT_BARIS, jurnal.PADAT_BITA = batas
        penuh = [_cpu(lambda: Store.buka(path)) for _ in range(3)]
        hasil["buka"] = (statistics.median(kosong), statistics.median(penuh), baris,
                         os.path.getsize(path + ".jurnal") / 1e6)
    else:
        kosong = [_cpu(lambda: Store.buka(path)) for _ in range(3)]
        hasil["buka"] = (statistics.median(kosong), None, 0, 0.0)
    return hasil


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("ukuran", nargs="*", type=int, default=[1000, 5000])
    ap.add_argument("--n", type=int, default=30, help="perubahan per ukuran")
    ap.add_argument("--folder", default=None, help="folder data (bawaan: folder sementara)")
    args = ap.parse_args()
    folder = args.folder or tempfile.mkdtemp(prefix="bench-jurnal-")
    print(f"kode: {Path(__file__).resolve().parent.parent}")
    for size in args.ukuran:
        r = ukur(size, args.n, folder)
        print(f"\n{r['usulan']} usulan, berkas {r['mb']:.1f} MB ({args.n} perubahan)")
        m, p, s10 = r["pengikut"]
        print(f"  pengikut, CPU per perubahan: median {m:.2f} ms, p95 {p:.2f} ms; 10 sekaligus {s10:.2f} ms")
        m, p, mb, pb = r["penulis"]
        print(f"  penulis sendiri: median {m:.1f} ms, p95 {p:.1f} ms; dua penulis bergantian: median {mb:.1f} ms, "
              f"p95 {pb:.1f} ms")
        if "padat" in r:
            h, d, li = r["padat"]
            print(f"  pemadatan: {h:.0f} ms (penyandi hangat, median 5), {d:.0f} ms (pertama, penyandi dingin); "
                  f"pengikut melewati pemadatan: {li:.2f} ms CPU (tanpa membaca berkas sesi)")
        k, pn, baris, mbj = r["buka"]
        if pn is None:
            print(f"  buka dingin (CPU): {k:.0f} ms")
        else:
            print(f"  buka dingin (CPU): jurnal kosong {k:.0f} ms; jurnal penuh ({baris} baris, {mbj:.2f} MB) "
                  f"{pn:.0f} ms")


if __name__ == "__main__":
    main()
