"""50 score entries over a slow link (64 kbit/s): the bytes, and when the screen is up to date.

    python bench/tautan_lambat.py                      # 8,000 bytes/s, a key every 150 ms, the demo
    python bench/tautan_lambat.py --usulan 1000 --jeda 0.1 --kbps 32

`tc` and `trickle` need privileges these machines do not give, so the link is simulated: the app runs in
a real pseudo-terminal (80x24, TERM=xterm-256color, SSH_CONNECTION set), the benchmark types the keys at
a steady pace and records when each chunk of output leaves the app, and a link that carries at most
8,000 bytes/s (64 kbit/s) in order, one chunk after the other, gives the time each chunk reaches the
user's terminal. (An SSH server reads the pty at once and queues for the network as this does; the app
is never held up by the link.) Reported per scenario:
  - the first screen: its bytes and when it has arrived over the link;
  - the 50 entries, typed once the first screen has arrived (a digit each; the cursor moves on by
    itself): bytes in total and per key;
  - "up to date": from the 50th key until the link has delivered everything the app wrote for it,
    and from the first key to that moment (the whole sequence);
  - per key, the time until the link has delivered that key's repaint (median and p90).
Scenarios: the app in 256 and in 16 colours; with the mouse on and the pointer moving between keys
(as a hand resting on a touchpad does), against mouse off (the default over SSH, when the terminal sends
no motion at all); a lower TEXTUAL_FPS; no animations; and the bare DataTable app that redraws with
update_cell. `--jeda 0.03` types as fast as key repeat, where a lower frame rate could merge repaints.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.pty_alat import (PYTHON, ROOT, env_terminal, jalankan, median, persentil, salinan,  # noqa: E402
                            sesi_skoring, tunggu_penanda, tutup)



@dataclass
class Skenario:
    nama: str
    app: bool = True  # False: the bare DataTable app
    warna: str = "256"
    mouse: bool = False  # tracking on (--mouse) and the pointer moving between keys
    env: dict[str, str] | None = None  # more environment (TEXTUAL_FPS, TEXTUAL_ANIMATIONS)


SKENARIO = [
    Skenario("app, 256 colours, mouse off (SSH default)"),
    Skenario("app, 16 colours, mouse off", warna="standard"),
    Skenario("app, 256 colours, mouse on + pointer moving", mouse=True),
    Skenario("app, 256 colours, TEXTUAL_FPS=20", env={"TEXTUAL_FPS": "20"}),
    Skenario("app, 256 colours, TEXTUAL_ANIMATIONS=none", env={"TEXTUAL_ANIMATIONS": "none"}),
    Skenario("app, 16 colours + TEXTUAL_FPS=20 (a --hemat)", warna="standard", env={"TEXTUAL_FPS": "20"}),
    Skenario("bare DataTable + update_cell, 256 colours", app=False),
]


def tautan(keluaran: list[tuple[float, int]], bps: float) -> list[float]:
    """When each chunk has fully arrived over a link of `bps` bytes/s that sends them in order."""
    akhir = []
    bebas = 0.0
    for t, n in keluaran:
        bebas = max(bebas, t) + n / bps
        akhir.append(bebas)
    return akhir


def gerak_tetikus(rng: random.Random, n: int) -> bytes:
    """n pointer motions (SGR mouse reports, no button) somewhere over the screen."""
    return b"".join(f"\x1b[<35;{rng.randint(1, 80)};{rng.randint(1, 24)}M".encode() for _ in range(n))


def jalankan_skenario(sk: Skenario, path: str, kelompok: str, entri: int, jeda: float, bps: float,
                      seed: int = 7) -> dict:
    env = env_terminal(sk.warna, **(sk.env or {}))
    if sk.app:
        argv = [PYTHON, "-m", "musrenbang_tui", "buka", path, "--layar", "skoring", "--kelompok", kelompok]
        if sk.mouse:
            argv.append("--mouse")
        penanda = b"Skoring"
    else:
        argv = [PYTHON, str(ROOT / "bench" / "pembanding.py"), path, "--kursor-kolom", "1"]
        penanda = b"Usulan (kelurahan)"
    rng = random.Random(seed)
    p = jalankan(argv, env)
    try:
        tunggu_penanda(p, penanda, diam=0.5)
        awal_n = len(p.catatan)  # the first screen: everything written before the first key
        # The user starts typing when the first screen has arrived over the link.
        berikut = p.mulai + tautan(p.catatan, bps)[-1]
        kirim: list[float] = []
        for i in range(entri + 1):
            while True:  # between keys: take what comes
                sisa = berikut - time.monotonic()
                if sisa <= 0:
                    break
                p.baca(sisa)
            if i == entri:
                break
            if sk.mouse and sk.app:  # the pointer moves a little meanwhile
                p.ketik(gerak_tetikus(rng, 3))
            kirim.append(p.ketik(str(rng.randint(1, 5))) - p.mulai)
            berikut += jeda
        while p.baca(0.5):  # the rest of the answer to the last key
            pass
        keluaran = list(p.catatan)
    finally:
        tutup(p)
    tiba = tautan(keluaran, bps)
    awal_bytes = sum(n for _, n in keluaran[:awal_n])
    isi = keluaran[awal_n:]
    tiba_isi = tiba[awal_n:]
    total = sum(n for _, n in isi)
    # Per key: the chunks written after it and before the next key are its repaint.
    per_kunci = []
    for j, t in enumerate(kirim):
        batas = kirim[j + 1] if j + 1 < len(kirim) else float("inf")
        milik = [a for (w, _), a in zip(isi, tiba_isi) if t <= w < batas]
        if milik:
            per_kunci.append((max(milik) - t) * 1000)
    selesai = max(tiba_isi) if tiba_isi else float("nan")
    return {
        "nama": sk.nama, "awal_b": awal_bytes, "awal_s": tiba[awal_n - 1], "total_b": total,
        "per_kunci_b": total / entri,
        "terakhir_s": selesai - kirim[-1], "semua_s": selesai - kirim[0], "lama_isi_s": kirim[-1] - kirim[0],
        "kunci_med_ms": median(per_kunci), "kunci_p90_ms": persentil(per_kunci, 0.9),
    }


def cetak(rows: list[dict], entri: int, jeda: float, bps: float, sumber: str) -> None:
    print(f"{entri} score entries over a simulated {bps * 8 / 1000:.0f} kbit/s link ({bps:.0f} B/s), a key every "
          f"{jeda * 1000:.0f} ms ({sumber}; typing takes {rows[0]['lama_isi_s']:.1f} s)")
    print(f"{'scenario':46} {'1st screen':>10} {'arrives':>8} {'50 keys':>8} {'per key':>8} {'after 50th':>10}"
          f" {'all 50':>7} {'key med':>8} {'key p90':>8}")
    print(f"{'':46} {'B':>10} {'s':>8} {'B':>8} {'B':>8} {'s':>10} {'s':>7} {'ms':>8} {'ms':>8}")
    for r in rows:
        print(f"{r['nama']:46} {r['awal_b']:>10} {r['awal_s']:>8.2f} {r['total_b']:>8} {r['per_kunci_b']:>8.0f}"
              f" {r['terakhir_s']:>10.2f} {r['semua_s']:>7.2f} {r['kunci_med_ms']:>8.0f} {r['kunci_p90_ms']:>8.0f}")


def jalankan_semua(usulan: int = 0, entri: int = 50, jeda: float = 0.15, kbps: float = 64,
                   folder: str | None = None, skenario: list[Skenario] | None = None) -> tuple[list[dict], str]:
    folder = folder or tempfile.mkdtemp(prefix="bench-tautan-")
    path, kelompok, sumber = sesi_skoring(folder, usulan)
    bps = kbps * 1000 / 8
    rows = []
    for sk in skenario or SKENARIO:
        # Each scenario scores a fresh copy: the same cells from the same values.
        rows.append(jalankan_skenario(sk, salinan(path, f"tautan-{len(rows)}.json"), kelompok, entri, jeda, bps))
    return rows, sumber


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--usulan", type=int, default=0, help="a generated session of N usulan instead of the demo")
    ap.add_argument("--entri", type=int, default=50, help="score keys (default 50)")
    ap.add_argument("--jeda", type=float, default=0.15, help="seconds between keys (default 0.15)")
    ap.add_argument("--kbps", type=float, default=64, help="link speed in kbit/s (default 64)")
    ap.add_argument("--folder", default=None)
    args = ap.parse_args()
    bps = args.kbps * 1000 / 8
    rows, sumber = jalankan_semua(args.usulan, args.entri, args.jeda, args.kbps, args.folder)
    cetak(rows, args.entri, args.jeda, bps, sumber)


if __name__ == "__main__":
    main()
