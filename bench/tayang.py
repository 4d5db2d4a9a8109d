"""The projector (`musrenbang tayang`, issue 16): what one change made elsewhere costs it.

    python bench/tayang.py                     # 1000 and 5000 usulan
    python bench/tayang.py 1000 --n 20
    python bench/tayang.py 1000 --akar /tmp/sebelum   # the same measure on another checkout (before)

The projector runs as in the hall, `python -m musrenbang_tui tayang SESI --kelompok K` (K: the largest
kelompok, ~306 rows at 1,000 usulan), in a real pty of 80x24, 256 colours, as over SSH (bench/pty_alat.py).
This process is the other terminal: it saves scores through `sesi.store.Store` transactions, as the
matrix does, in three patterns:
- "acak": one score a second, on a random usulan of K (most land outside the first screenful);
- "atas": one score a second, on an usulan among the first ten of K's final order (the rows move on
  screen);
- "beruntun": ten fasilitator within one second: 10 scores 0.1 s apart, then 1.5 s of quiet.
Reported per change (medians): the projector's CPU (utime+stime from /proc, over the whole run divided
by the number of changes, so the polling in between is counted), bytes the pty carried, and the time
from the save's commit to the last byte of the repaint ("tampak"; the change is visible by then).
Figures, not a pass/fail test.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.pty_alat import (  # noqa: E402
    PYTHON, ROOT, baca_sampai_diam, env_terminal, jalankan, kelompok_terbesar, median, persentil, salinan,
    sesi_besar, tunggu_penanda, tutup)
from sesi import skor  # noqa: E402
from sesi.store import Store  # noqa: E402
from sesi.urutan import urutan_akhir  # noqa: E402

_HZ = os.sysconf("SC_CLK_TCK")


def cpu_ms(pid: int) -> float:
    """utime + stime of process `pid` so far, in ms."""
    with open(f"/proc/{pid}/stat") as f:
        bagian = f.read().rsplit(")", 1)[1].split()
    return (int(bagian[11]) + int(bagian[12])) * 1000 / _HZ


def _ubah(store: Store, rng: random.Random, ids: list[str], kode: list[str]) -> None:
    uid, k = rng.choice(ids), rng.choice(kode)
    lama = store.data.nilai_mentah(uid, k).get("")
    with store.transaksi() as tx:
        skor.atur_skor(tx, uid, k, rng.choice([v for v in range(1, 6) if v != lama]))


def ukur(n_usulan: int, pola: str, n: int, folder: str, akar: str) -> dict:
    asal = sesi_besar(folder, n_usulan)
    nama, n_baris = kelompok_terbesar(asal)
    path = salinan(asal, f"tayang-{n_usulan}-{pola}.json")
    for akhir in (".jurnal",):
        if os.path.exists(path + akhir):
            os.unlink(path + akhir)
    store = Store.buka(path)
    kid = next(k.id for k in store.data.kelompok if k.nama == nama)
    kode = [k.kode for k in store.data.kriteria]
    semua = [u.id for u in store.data.usulan_kelompok(kid)]
    rng = random.Random(n_usulan)
    env = env_terminal()
    env["PYTHONPATH"] = akar
    kode_py = f"import sys; sys.path.insert(0, {akar!r}); from musrenbang_tui.cli import run; run()"
    p = jalankan([PYTHON, "-c", kode_py, "tayang", path, "--tampilan", "peringkat", "--kelompok", nama], env)
    try:
        tunggu_penanda(p, b"PERINGKAT KELOMPOK", diam=0.5, batas=120)
        baca_sampai_diam(p, 1.2, 1.2)  # the first poll after the start
        byte, tampak = [], []
        cpu0, b0, t0 = cpu_ms(p.pid), p.terbaca, time.monotonic()
        perubahan = 0
        for _ in range(n):
            if pola == "beruntun":
                for _ in range(10):
                    _ubah(store, rng, semua, kode)
                    perubahan += 1
                    p.baca(0.1)  # keep the pty drained while the burst goes on
                sejak = time.monotonic()
                j = baca_sampai_diam(p, 0.4, 2.0, sejak=sejak)
                tampak.append(j.selesai_ms)
                baca_sampai_diam(p, 0.3, 0.8)
                continue
            ids = semua if pola == "acak" else [t.usulan.id for t in urutan_akhir(store.data, kid)[:10]]
            _ubah(store, rng, ids, kode)
            perubahan += 1
            sejak = time.monotonic()
            sebelum = p.terbaca
            j = baca_sampai_diam(p, 0.3, 1.5, sejak=sejak)
            tampak.append(j.selesai_ms)
            sisa = 1.0 - (time.monotonic() - sejak)
            if sisa > 0:
                baca_sampai_diam(p, sisa, sisa)
            byte.append(p.terbaca - sebelum)
        cpu = cpu_ms(p.pid) - cpu0
        total_b, detik = p.terbaca - b0, time.monotonic() - t0
        # idle: nothing changes for 5 s
        c1 = cpu_ms(p.pid)
        baca_sampai_diam(p, 5.0, 5.0)
        diam = (cpu_ms(p.pid) - c1) / 5.0
    finally:
        tutup(p)
    return {"usulan": n_usulan, "baris": n_baris, "pola": pola, "perubahan": perubahan,
            "cpu_per": cpu / perubahan, "byte_per": total_b / perubahan,
            "byte_med": median(byte) if byte else float("nan"),
            "tampak_med": median(tampak), "tampak_p95": persentil(tampak, 0.95), "detik": detik,
            "diam_ms_per_s": diam}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("usulan", nargs="*", type=int, default=[1000, 5000])
    ap.add_argument("--n", type=int, default=15, help="changes (bursts for 'beruntun') per pattern")
    ap.add_argument("--pola", nargs="*", default=["acak", "atas", "beruntun"])
    ap.add_argument("--akar", default=str(ROOT), help="checkout whose projector runs (default: this one)")
    ap.add_argument("--folder", default=os.path.join(tempfile.gettempdir(), "musrenbang-bench"))
    a = ap.parse_args()
    os.makedirs(a.folder, exist_ok=True)
    print(f"projector at 80x24 from {a.akar}")
    print("usulan  rows  pattern   changes  CPU ms/change  bytes/change (median)  save->shown median/p95 ms"
          "  idle CPU ms/s")
    for n in a.usulan:
        for pola in a.pola:
            h = ukur(n, pola, a.n, a.folder, os.path.abspath(a.akar))
            print(f"{h['usulan']:>6} {h['baris']:>5}  {h['pola']:<9} {h['perubahan']:>7}  {h['cpu_per']:>13.1f}"
                  f"  {h['byte_per']:>10.0f} ({h['byte_med']:>6.0f})  {h['tampak_med']:>14.0f} / {h['tampak_p95']:.0f}"
                  f"  {h['diam_ms_per_s']:>12.1f}", flush=True)


if __name__ == "__main__":
    main()
