"""Bytes the app writes to its terminal per score keystroke and per cursor move in the scoring matrix.

Runs `python -m musrenbang_tui buka DEMO --layar skoring --kelompok "Kelompok I Infrastruktur"` in a real
pseudo-terminal (80x24, TERM=xterm-256color unless told otherwise), waits for the first paint, then sends
one key at a time and counts the bytes read until the output has been quiet for 150 ms. For comparison
it measures, in the same run, a bare Textual app whose DataTable of the same shape is updated with
`DataTable.update_cell` on each digit (what CRAFT.md measured at 4-8 KB).

    python bench/bytes_skoring.py                 # 256 colours
    python bench/bytes_skoring.py --warna standard  # 16 colours (TEXTUAL_COLOR_SYSTEM=standard)
    python bench/bytes_skoring.py --tanpa-pembanding
    python bench/bytes_skoring.py --usulan 1000       # a generated session, its largest kelompok

It also reports the time from sending a key to the first byte of the app's answer (the repaint of the
cell; on a loaded machine a rough figure).

Figures, not a pass/fail test. Targets (issue 7): score keystroke median <= 1 KB, cursor move <= 0.5 KB.
"""

from __future__ import annotations

import argparse
import fcntl
import os
import random
import select
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIAM = 0.15  # quiet time that ends one key's output
KOLOM, BARIS = 80, 24

KANAN, KIRI, BAWAH, ATAS = "\x1b[C", "\x1b[D", "\x1b[B", "\x1b[A"

PEMBANDING = textwrap.dedent('''
    import json, sys
    from textual.app import App
    from textual.widgets import DataTable, Footer

    class Pembanding(App):
        """A bare DataTable of the same shape; a digit updates the cursor cell with update_cell."""
        def compose(self):
            yield DataTable(id="t")
            yield Footer()
        def on_mount(self):
            rows = json.load(open(sys.argv[1]))
            t = self.query_one(DataTable)
            t.cursor_type = "cell"
            t.add_columns("Usulan (kelurahan)", "K1", "K2", "K3", "K4", "K5", "Total", "Peringkat")
            for i, r in enumerate(rows):
                t.add_row(*r, key=str(i))
            t.move_cursor(row=0, column=1)
            t.focus()
        def on_key(self, event):
            if event.character and event.character.isdigit():
                t = self.query_one(DataTable)
                t.update_cell_at(t.cursor_coordinate, event.character)
                r, c = t.cursor_coordinate
                t.move_cursor(row=r + (c == 5), column=1 if c == 5 else c + 1)
    Pembanding().run()
''')


def spawn(argv: list[str], env: dict[str, str]) -> tuple[subprocess.Popen, int]:
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", BARIS, KOLOM, 0, 0))

    def anak() -> None:
        os.setsid()
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)

    proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env, cwd=str(ROOT),
                            preexec_fn=anak, close_fds=True)
    os.close(slave)
    return proc, master


def baca_sampai_diam(fd: int, diam: float = DIAM, batas: float = 10.0, tunggu: float = 2.0) -> tuple[int, float]:
    """Read until nothing arrives for `diam` seconds (waiting up to `tunggu` for the first byte).

    Returns the byte count and the seconds until the first byte arrived.
    """
    total = 0
    mulai = time.monotonic()
    pertama = float("nan")
    while time.monotonic() - mulai < batas:
        r, _, _ = select.select([fd], [], [], diam if total else tunggu)
        if not r:
            break
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        if not total:
            pertama = time.monotonic() - mulai
        total += len(chunk)
    return total, pertama


def kirim(fd: int, key: str) -> tuple[int, float]:
    os.write(fd, key.encode())
    return baca_sampai_diam(fd)


def tutup(proc: subprocess.Popen, fd: int) -> None:
    try:
        os.write(fd, b"\x11")  # ctrl+q
    except OSError:
        pass
    try:
        proc.wait(timeout=5)
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    os.close(fd)


def ukur(argv: list[str], env: dict[str, str], skor: list[str], gerak: list[str]) -> dict[str, list]:
    proc, fd = spawn(argv, env)
    try:
        awal, t_awal = baca_sampai_diam(fd, diam=1.0, batas=60.0, tunggu=30.0)
        hasil: dict[str, list] = {"awal": [awal], "gerak": [], "skor": [], "t_gerak": [], "t_skor": []}
        for key in gerak:
            n, t = kirim(fd, key)
            hasil["gerak"].append(n)
            hasil["t_gerak"].append(t * 1000)
        for key in skor:
            n, t = kirim(fd, key)
            hasil["skor"].append(n)
            hasil["t_skor"].append(t * 1000)
        return hasil
    finally:
        tutup(proc, fd)


def ringkas(nilai: list) -> str:
    nilai = [v for v in nilai if v == v]  # drop NaN (no output at all)
    if not nilai:
        return "-"
    urut = sorted(nilai)
    p90 = urut[min(len(urut) - 1, int(0.9 * len(urut)))]
    return (f"{statistics.median(nilai):>8.0f} {statistics.mean(nilai):>8.0f} {p90:>8.0f} {max(nilai):>8.0f}"
            f" {len(nilai):>5}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--warna", choices=["256", "standard", "truecolor"], default="256")
    ap.add_argument("--entri", type=int, default=50, help="score keystrokes to send (default 50)")
    ap.add_argument("--tanpa-pembanding", action="store_true", help="skip the bare DataTable comparison")
    ap.add_argument("--usulan", type=int, default=0,
                    help="use a generated session of N usulan, all scored (bench/data_besar.py), not the demo")
    args = ap.parse_args()

    sys.path.insert(0, str(ROOT))
    from musrenbang_tui.demo import buat_demo

    env = dict(os.environ)
    env.update(TERM="xterm-256color", COLUMNS=str(KOLOM), LINES=str(BARIS), TEXTUAL_ANIMATIONS="none")
    env.pop("COLORTERM", None)
    env.pop("SSH_CONNECTION", None)
    env.pop("TEXTUAL_COLOR_SYSTEM", None)
    if args.warna == "standard":
        env["TEXTUAL_COLOR_SYSTEM"] = "standard"
    elif args.warna == "truecolor":
        env["COLORTERM"] = "truecolor"

    rng = random.Random(7)
    skor = [str(rng.randint(1, 5)) for _ in range(args.entri)]
    # Moves inside the visible part of the matrix (a move that scrolls repaints the whole matrix).
    gerak = [KANAN] * 4 + [BAWAH] * 6 + [KIRI] * 4 + [ATAS] * 6 + ["l", "j", "h", "k"] * 3

    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "demo.json")
        if args.usulan:
            from bench.data_besar import buat

            buat(path, args.usulan)
        else:
            buat_demo(path)
        from sesi.store import Store

        data = Store.buka(path).data
        kel = max(data.kelompok, key=lambda k: len(data.usulan_kelompok(k.id))) if args.usulan else next(
            k for k in data.kelompok if k.nama == "Kelompok I Infrastruktur")
        rows = [[f"{u.kegiatan[:22]} {u.kelurahan[:14]}", "3", "3", "3", "3", "3", "3,00", "1"]
                for u in data.usulan_kelompok(kel.id)]
        sumber = f"{args.usulan} usulan, {kel.nama}: {len(rows)} rows" if args.usulan else \
            f"demo, {kel.nama}: {len(rows)} rows"
        app = ukur([sys.executable, "-m", "musrenbang_tui", "buka", path, "--layar", "skoring",
                    "--kelompok", kel.nama], env, skor, gerak)
        banding = None
        if not args.tanpa_pembanding and rows:
            import json

            script = os.path.join(tmp, "pembanding.py")
            Path(script).write_text(PEMBANDING)
            rows_path = os.path.join(tmp, "rows.json")
            Path(rows_path).write_text(json.dumps(rows))
            banding = ukur([sys.executable, script, rows_path], env, skor, gerak)

    print(f"Bytes written to the terminal, {KOLOM}x{BARIS}, colours: {args.warna}; {sumber}")
    print(f"{'':40}{'median':>8} {'mean':>8} {'p90':>8} {'max':>8} {'n':>5}")
    print(f"{'skoring: first paint (B)':40}{ringkas(app['awal'])}")
    print(f"{'skoring: score keystroke (B)':40}{ringkas(app['skor'])}")
    print(f"{'skoring: cursor move (B)':40}{ringkas(app['gerak'])}")
    print(f"{'skoring: key to first byte, score (ms)':40}{ringkas(app['t_skor'])}")
    print(f"{'skoring: key to first byte, move (ms)':40}{ringkas(app['t_gerak'])}")
    if banding:
        print(f"{'bare DataTable: first paint (B)':40}{ringkas(banding['awal'])}")
        print(f"{'bare DataTable + update_cell: digit (B)':40}{ringkas(banding['skor'])}")
        print(f"{'bare DataTable: cursor move (B)':40}{ringkas(banding['gerak'])}")
    ok_skor = statistics.median(app["skor"]) <= 1024
    ok_gerak = statistics.median(app["gerak"]) <= 512
    print(f"target score keystroke median <= 1024 B: {'met' if ok_skor else 'NOT met'}; "
          f"cursor move median <= 512 B: {'met' if ok_gerak else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
