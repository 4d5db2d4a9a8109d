"""What one change made at another terminal costs a terminal that is only watching (issue 16).

    python bench/perubahan_lain.py                        # 1,000 usulan, every scene, 15 s quiet + 15 s changes
    python bench/perubahan_lain.py --detik 30 --laju 5    # longer windows, 5 changes a second
    python bench/perubahan_lain.py --banding /tmp/lama    # each scene also on another checkout, alternately
    python bench/perubahan_lain.py --adegan notulen --py-spy   # where the notulen's time goes

One app runs in a real pty of 80x24 (256 colours, as over SSH: bench/pty_alat.py) on a copy of the hall's
session (`bench/aula.py` `sesi_aula`: N usulan over 10 kelompok "Aula 1".."Aula 10"). This process is the
other terminal: it saves scores through `sesi.store.Store` transactions (`sesi.skor.atur_skor`, as the
matrix does) as a fasilitator "F99". Scenes (`--adegan`):
- `fasilitator-lain`: the app is a fasilitator on Aula 1's matrix; the changes are in Aula 2 (not shown);
- `fasilitator-sama`: the same app; the changes are in Aula 1 (rows on its screen may change);
- `notulen`: the app is the notulen on Pleno I; the changes are scores in Aula 2;
- `tayang`: the projector (`tayang --tampilan peringkat --kelompok "Aula 1"`); the changes are in Aula 2.
Each scene: the app starts and settles, then `--detik` s with no change ("diam": what the app costs by
itself: the watcher's poll, timers), then `--detik` s of changes at `--laju` a second. Reported: CPU ms of
the app per second of quiet, and per change (the changes window minus the quiet rate), of the whole process
and of its UI (main) thread (/proc/PID/stat, /proc/PID/task/PID/stat); bytes the pty carried per second of
quiet and per change. Other programs on the machine delay the app but do not add to its CPU time, so these
hold on a shared machine better than wall times do. Figures, not a pass/fail test.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.aula import sesi_aula  # noqa: E402
from bench.pty_alat import (PYTHON, ROOT, env_checkout, env_terminal, jalankan, median, salinan,  # noqa: E402
                            tunggu_penanda, tutup)

_HZ = os.sysconf("SC_CLK_TCK")

ADEGAN = {  # name: (app arguments after SESI, marker of its first screen, kelompok the changes go to)
    "fasilitator-lain": (["buka", "{sesi}", "--layar", "skoring", "--kelompok", "Aula 1", "--peran", "fasilitator",
                          "--nama", "F01"], b"Skoring", "Aula 2"),
    "fasilitator-sama": (["buka", "{sesi}", "--layar", "skoring", "--kelompok", "Aula 1", "--peran", "fasilitator",
                          "--nama", "F01"], b"Skoring", "Aula 1"),
    "notulen": (["buka", "{sesi}", "--layar", "pleno1", "--peran", "notulen", "--nama", "N01"], b"Pleno I", "Aula 2"),
    "tayang": (["tayang", "{sesi}", "--tampilan", "peringkat", "--kelompok", "Aula 1"], b"PERINGKAT", "Aula 2"),
}


def ticks(pid: int) -> tuple[int, int]:
    """(utime+stime of the process, of its main thread), in clock ticks."""
    out = []
    for path in (f"/proc/{pid}/stat", f"/proc/{pid}/task/{pid}/stat"):
        with open(path) as f:
            v = f.read().rsplit(")", 1)[1].split()
        out.append(int(v[11]) + int(v[12]))
    return out[0], out[1]


def kuras(p, sampai: float) -> None:
    """Read the app's output until time `sampai` (monotonic)."""
    while True:
        sisa = sampai - time.monotonic()
        if sisa <= 0:
            return
        p.baca(min(sisa, 0.05))


def ukur(adegan: str, dasar: str, folder: str, detik: float, laju: float, akar: str | None,
         py_spy: bool) -> dict:
    from sesi import skor
    from sesi.model import STATUS_DISISIHKAN
    from sesi.store import Pelaku, Store

    argv_app, penanda, kelompok = ADEGAN[adegan]
    path = salinan(dasar, f"lain-{adegan}.json")
    for akhir in (".bak", ".lock", ".jurnal"):
        if os.path.exists(path + akhir):
            os.unlink(path + akhir)
    rumah = tempfile.mkdtemp(prefix="rumah-", dir=folder)
    env = env_terminal("256", XDG_STATE_HOME=rumah, XDG_DATA_HOME=rumah)
    if akar:
        env = env_checkout(env, akar)
    p = jalankan([PYTHON, "-m", "musrenbang_tui", *[a.replace("{sesi}", path) for a in argv_app]], env, cwd=akar)
    try:
        tunggu_penanda(p, penanda, diam=0.5, batas=120)
        if penanda not in p.jejak:
            raise SystemExit(f"perubahan_lain: {adegan}: no first screen")
        kuras(p, time.monotonic() + 2.0)  # settle (the warning count follows the first frame)
        store = Store.buka(path, pelaku=Pelaku("F99", "fasilitator"))
        data = store.data
        kid = next(k.id for k in data.kelompok if k.nama == kelompok)
        ids = [u.id for u in data.usulan_kelompok(kid) if u.status not in STATUS_DISISIHKAN]
        kode = [k.kode for k in data.kriteria]
        spy = None
        if py_spy:
            exe = shutil.which("py-spy") or os.path.join(os.path.dirname(PYTHON), "py-spy")
            spy_path = os.path.join(folder, f"{adegan}{'-banding' if akar else ''}.py-spy.txt")
            spy = subprocess.Popen([exe, "record", "--pid", str(p.pid), "--duration", str(int(2 * detik)), "--idle",
                                    "--threads", "--rate", "50", "--format", "raw", "-o", spy_path],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        # Quiet window: what the app costs with nothing happening.
        b0, c0, t0 = p.terbaca, ticks(p.pid), time.monotonic()
        kuras(p, t0 + detik)
        b1, c1, t1 = p.terbaca, ticks(p.pid), time.monotonic()
        # Changes window.
        n = 0
        jadwal = t1
        simpan_ms = []
        while time.monotonic() < t1 + detik:
            uid, k = ids[(n // len(kode)) % len(ids)], kode[n % len(kode)]
            lama = store.data.nilai_mentah(uid, k).get("")
            s0 = time.monotonic()
            with store.transaksi() as tx:
                skor.atur_skor(tx, uid, k, (lama or 0) % 5 + 1)
            simpan_ms.append((time.monotonic() - s0) * 1000)
            n += 1
            jadwal += 1 / laju
            kuras(p, jadwal)
        kuras(p, time.monotonic() + 1.5)  # the last change shown
        b2, c2, t2 = p.terbaca, ticks(p.pid), time.monotonic()
        if spy is not None:
            try:
                spy.wait(timeout=30)
            except subprocess.TimeoutExpired:
                spy.kill()
    finally:
        tutup(p)
    ms = 1000 / _HZ
    diam_s, ubah_s = t1 - t0, t2 - t1
    diam_cpu = [(c1[i] - c0[i]) * ms / diam_s for i in (0, 1)]  # ms per s of quiet
    per = [((c2[i] - c1[i]) * ms - diam_cpu[i] * ubah_s) / max(1, n) for i in (0, 1)]
    hasil = {
        "adegan": adegan, "kode": akar or str(ROOT), "perubahan": n,
        "diam_cpu_ms_per_s": diam_cpu[0], "diam_ui_ms_per_s": diam_cpu[1],
        "diam_bytes_per_s": (b1 - b0) / diam_s,
        "cpu_ms_per_perubahan": per[0], "ui_ms_per_perubahan": per[1],
        "bytes_per_perubahan": ((b2 - b1) - (b1 - b0) / diam_s * ubah_s) / max(1, n),
        "cpu_pct_saat_ubah": (c2[0] - c1[0]) * ms / ubah_s / 10,
        "simpan_ms_med": median(simpan_ms),
    }
    if py_spy:
        from bench.aula import ringkas_py_spy

        hasil["py_spy"] = ringkas_py_spy(spy_path, 12)
    return hasil


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--usulan", type=int, default=1000)
    ap.add_argument("--detik", type=float, default=15.0, help="seconds of each window (quiet, changes)")
    ap.add_argument("--laju", type=float, default=5.0, help="changes a second in the changes window")
    ap.add_argument("--adegan", action="append", choices=sorted(ADEGAN), help="scene(s); default: all")
    ap.add_argument("--banding", default=None, metavar="FOLDER",
                    help="also run each scene on this checkout (e.g. `git archive main | tar -x -C FOLDER`)")
    ap.add_argument("--py-spy", action="store_true", help="sample the app with py-spy (pip install py-spy)")
    ap.add_argument("--folder", default=None, help="folder for the generated sessions (default: a temp folder)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    folder = args.folder or tempfile.mkdtemp(prefix="bench-lain-")
    os.makedirs(folder, exist_ok=True)
    dasar = sesi_aula(folder, args.usulan, 10)
    semua = []
    for adegan in args.adegan or list(ADEGAN):
        for akar in ([args.banding, None] if args.banding else [None]):
            semua.append(ukur(adegan, dasar, folder, args.detik, args.laju, akar, args.py_spy))
    if args.json:
        import json

        print(json.dumps(semua, indent=1))
        return 0
    print(f"{args.usulan} usulan, {args.detik:.0f} s quiet then {args.detik:.0f} s of changes at {args.laju:g}/s "
          "saved by this process (F99)")
    print(f"{'scene':18}{'code':>8}{'quiet CPU':>11}{'(UI)':>7}{'quiet B/s':>10}{'CPU/chg':>9}{'(UI)':>7}"
          f"{'B/chg':>8}{'chg':>5}")
    for h in semua:
        kode = "banding" if h["kode"] != str(ROOT) else "ini"
        print(f"{h['adegan']:18}{kode:>8}{h['diam_cpu_ms_per_s']:>9.1f}ms{h['diam_ui_ms_per_s']:>7.1f}"
              f"{h['diam_bytes_per_s']:>10.0f}{h['cpu_ms_per_perubahan']:>7.1f}ms{h['ui_ms_per_perubahan']:>7.1f}"
              f"{h['bytes_per_perubahan']:>8.0f}{h['perubahan']:>5}")
    print("(quiet CPU: ms of CPU per second with nothing changing; CPU/chg: ms per change beyond that; "
          "UI = the main thread; B = bytes the pty carried)")
    for h in semua:
        for thread, bagian, where in h.get("py_spy") or []:
            print(f"  {h['adegan']} {thread:>6} {bagian * 100:5.1f}%  {where[:120]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
