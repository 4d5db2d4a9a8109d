"""Scrolling with the terminal's scroll region (musrenbang_tui/gulir.py) in a real terminal: tmux, 80x24.

The same keys go to two apps on copies of one session: one writes Textual's own output
(MUSRENBANG_GULIR=0), the other moves lines with DECSTBM + DL/IL and draws only what still differs. After
every few keys both terminals must show the same screen, cell by cell with colours and attributes
(`capture-pane -e`), and tmux must report no scroll region left set. The second app's output is recorded
(`pipe-pane`) to check that it did scroll that way and always reset the margins in the same write.

Skipped where tmux is not installed.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux tidak terpasang")

KELOMPOK = "Kelompok Infrastruktur dan Kewilayahan"

#: list -> (--layar, keys that bring the focus to it)
DAFTAR = {
    "skoring": ("skoring", []),
    "pendaftaran": ("pendaftaran", []),
    "verifikasi": ("kelompok", ["3"]),
    "pleno2": ("pleno2", []),
}

#: Batches of keys; after each batch both screens are compared. Every list shows fewer than 20 rows at
#: 80x24: after 20 Downs the cursor is on the bottom row, so each of the next Downs scrolls by one; 20 Ups
#: later it is on the top row (row 3), and each of the next three Ups scrolls back by one.
LANGKAH = ([["Down"] * 4] * 5 + [["Down"]] * 3 + [["Up"] * 4] * 5 + [["Up"]] * 3
           + [["PageDown"], ["PageDown"], ["Down", "Down"], ["PageUp"], ["Up"] * 3, ["PageUp"], ["PageUp"]])


@pytest.fixture(scope="module")
def sesi_panjang(tmp_path_factory) -> Path:
    """90 usulan (the largest kelompok has about 40 rows), 45 peserta, every cell scored."""
    from bench.data_besar import buat

    path = tmp_path_factory.mktemp("gulir") / "sesi.json"
    buat(str(path), 90, n_peserta=45)
    return path


class Terminal:
    def __init__(self, socket: str, name: str, argv: list[str], env: dict[str, str]):
        self.socket, self.name = socket, name
        envs = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
        self.tmux("new-session", "-d", "-s", name, "-x", "80", "-y", "24",
                  f"cd {shlex.quote(str(ROOT))} && env -u COLUMNS -u LINES {envs} {shlex.quote(sys.executable)} "
                  "-m musrenbang_tui "
                  + " ".join(shlex.quote(a) for a in argv) + "; sleep 60")

    def tmux(self, *args: str) -> str:
        return subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True,
                              check=True).stdout

    def layar(self) -> str:
        """The screen with colours and attributes (SGR) as tmux holds it."""
        return self.tmux("capture-pane", "-p", "-e", "-t", self.name)

    def wilayah_gulir(self) -> str:
        return self.tmux("display-message", "-p", "-t", self.name,
                         "#{scroll_region_upper},#{scroll_region_lower}").strip()

    def ketik(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", self.name, *keys)


def polos(layar: str) -> str:
    return re.sub(r"\x1b\[[0-9;:]*m", "", layar)


def sama_dan_tenang(a: Terminal, b: Terminal, detik: float = 60.0) -> str:
    """Wait until both terminals show the same screen and it stayed so for a moment; return it. The limit
    is only reached when the screens really differ (a loaded machine is slower, never different)."""
    batas = time.monotonic() + detik
    sebelumnya = None
    while True:
        la, lb = a.layar(), b.layar()
        if la == lb and la == sebelumnya:
            return la
        sebelumnya = la if la == lb else None
        if time.monotonic() > batas:
            beda = [f"{i:2} A {polos(x)!r}\n   B {polos(y)!r}" for i, (x, y) in
                    enumerate(zip(la.splitlines(), lb.splitlines())) if x != y]
            raise AssertionError("layar berbeda (A: keluaran Textual, B: dengan gulir):\n" + "\n".join(beda)
                                 + f"\n\nA:\n{polos(la)}\nB:\n{polos(lb)}")
        time.sleep(0.15)


def dua_terminal(socket: str, tmp_path: Path, sesi: Path, layar: str, awal: list[str],
                 **env_lain: str) -> tuple[Terminal, Terminal]:
    """Terminal a: Textual's own output; terminal b: with the scroll region, its output recorded."""
    terminal = []
    for nama, gulir in (("a", "0"), ("b", "1")):
        salinan = tmp_path / f"sesi-{nama}.json"
        shutil.copyfile(sesi, salinan)
        env = {"TERM": "xterm-256color", "PYTHONPATH": str(ROOT), "SSH_CONNECTION": "10.0.0.2 5 10.0.0.1 22",
               "MUSRENBANG_DATA": str(tmp_path / f"data-{nama}"), "MUSRENBANG_GULIR": gulir,
               "PATH": os.environ.get("PATH", ""), **env_lain}
        terminal.append(Terminal(socket, nama, ["buka", str(salinan), "--layar", layar, "--kelompok", KELOMPOK],
                                 env))
    a, b = terminal
    b.tmux("pipe-pane", "-O", "-t", "b", f"cat >> {shlex.quote(str(tmp_path / 'keluaran-b.bin'))}")
    for t in terminal:
        batas = time.monotonic() + 60
        while "Tersimpan" not in polos(t.layar()) and time.monotonic() < batas:
            time.sleep(0.2)
        if awal:
            t.ketik(*awal)
    sama_dan_tenang(a, b)
    return a, b


def jalan(a: Terminal, b: Terminal, langkah: list[list[str]], tinggi: int = 24) -> None:
    for keys in langkah:
        for t in (a, b):
            t.ketik(*keys)
        sama_dan_tenang(a, b)
        assert b.wilayah_gulir() == f"0,{tinggi - 1}", "wilayah gulir tertinggal terpasang"


def gulir_tercatat(tmp_path: Path) -> list[tuple[bytes, ...]]:
    """Every scroll b wrote: (top, bottom, lines, L or M); asserts each margin set was reset at once."""
    keluaran = (tmp_path / "keluaran-b.bin").read_bytes()
    gulir = re.findall(rb"\x1b\[(\d+);(\d+)r\x1b\[\d+;1H\x1b\[(\d+)([LM])\x1b\[r", keluaran)
    assert len(re.findall(rb"\x1b\[\d+;\d+r", keluaran)) == len(gulir)
    return gulir


@pytest.mark.parametrize("daftar", list(DAFTAR))
def test_gulir_sama_dengan_keluaran_textual(daftar, sesi_panjang, tmp_path):
    layar, awal = DAFTAR[daftar]
    socket = f"uji-gulir-{uuid.uuid4().hex[:8]}"
    try:
        a, b = dua_terminal(socket, tmp_path, sesi_panjang, layar, awal)
        jalan(a, b, LANGKAH)
    finally:
        subprocess.run(["tmux", "-L", socket, "kill-server"], capture_output=True)
    # It did scroll with the terminal, both ways, and every margin it set was reset in the same write.
    arah = [g[3] for g in gulir_tercatat(tmp_path)]
    assert arah.count(b"M") >= 3, f"ke bawah hanya {arah.count(b'M')} kali dengan wilayah gulir"
    assert arah.count(b"L") >= 3, f"ke atas hanya {arah.count(b'L')} kali dengan wilayah gulir"


@pytest.mark.parametrize("tahu_ukuran", [True, False], ids=["app-tahu-ukuran", "COLUMNS-tetap"])
def test_gulir_saat_ukuran_terminal_berubah(tahu_ukuran, sesi_panjang, tmp_path):
    """The terminal is resized between walks (a window dragged: 60x20, 100x30, back to 80x24): the screens
    stay equal. With COLUMNS/LINES fixed in the environment the app never learns the new size (Textual
    believes them first) while the terminal crops and moves its lines: nothing scrolls then, and the
    screen is still what Textual alone would leave."""
    socket = f"uji-gulir-{uuid.uuid4().hex[:8]}"
    turun_naik = [["Down"] * 4] * 5 + [["Down"]] * 2 + [["Up"] * 4] * 5 + [["Up"]] * 2
    env = {} if tahu_ukuran else {"COLUMNS": "80", "LINES": "24"}
    try:
        a, b = dua_terminal(socket, tmp_path, sesi_panjang, "skoring", [], **env)
        jalan(a, b, turun_naik)
        n_awal = len(gulir_tercatat(tmp_path))
        bawah_80 = max(int(g[1]) for g in gulir_tercatat(tmp_path))
        for lebar, tinggi in ((60, 20), (100, 30), (80, 24)):
            for t in (a, b):
                t.tmux("resize-window", "-t", t.name, "-x", str(lebar), "-y", str(tinggi))
            if tahu_ukuran:  # the apps lay the screen out again for the new size (the status line is back)
                batas = time.monotonic() + 60
                while not all("Tersimpan" in polos(t.layar()) for t in (a, b)) and time.monotonic() < batas:
                    time.sleep(0.2)
            assert "Tersimpan" in polos(sama_dan_tenang(a, b)) or not tahu_ukuran
            jalan(a, b, turun_naik, tinggi)
            if (lebar, tinggi) == (60, 20):
                n_60 = len(gulir_tercatat(tmp_path))
            if not tahu_ukuran and (lebar, tinggi) != (80, 24):
                assert len(gulir_tercatat(tmp_path)) == n_awal  # the app's size is not the terminal's
    finally:
        subprocess.run(["tmux", "-L", socket, "kill-server"], capture_output=True)
    if tahu_ukuran:  # a scroll region reaching lower than any at 80x24: made for the 100x30 terminal
        assert max(int(g[1]) for g in gulir_tercatat(tmp_path)[n_60:]) > bawah_80
    assert len(gulir_tercatat(tmp_path)) > n_awal  # back at 80x24, it scrolls with the terminal again
