"""Two real terminals (tmux, 80x24) on one session file, as a fasilitator and a notulen over SSH would be.

Skipped where tmux is not installed.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from musrenbang_tui.demo import buat_demo
from sesi.store import Store

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux tidak terpasang")


class Terminal:
    def __init__(self, socket: str, name: str, command: str):
        self.socket, self.name = socket, name
        env = {"TERM": "xterm-256color", "PYTHONPATH": str(ROOT), "MUSRENBANG_DATA": os.environ["MUSRENBANG_DATA"]}
        envs = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
        self.tmux("new-session", "-d", "-s", name, "-x", "80", "-y", "24",
                  f"cd {shlex.quote(str(ROOT))} && env {envs} {shlex.quote(sys.executable)} -m musrenbang_tui "
                  f"{command}; sleep 30")

    def tmux(self, *args: str) -> str:
        return subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True,
                              check=True).stdout

    def layar(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", self.name)

    def ketik(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", self.name, *keys)

    def tunggu(self, teks: str, detik: float = 15.0) -> str:
        batas = time.monotonic() + detik
        while True:
            isi = self.layar()
            if teks in isi:
                return isi
            if time.monotonic() > batas:
                raise AssertionError(f"'{teks}' tidak muncul di {self.name}:\n{isi}")
            time.sleep(0.1)


@pytest.fixture()
def dua(tmp_path, monkeypatch):
    monkeypatch.setenv("MUSRENBANG_DATA", str(tmp_path / "data"))
    berkas = tmp_path / "sesi.json"
    buat_demo(str(berkas))
    socket = f"uji-{uuid.uuid4().hex[:8]}"
    yield berkas, socket
    subprocess.run(["tmux", "-L", socket, "kill-server"], capture_output=True)


def test_perubahan_satu_terminal_tampil_di_terminal_lain(dua):
    """A score typed by the fasilitator appears at the notulen's terminal within about a second, with who
    changed it; the notulen's role cannot change scores and is told so; nothing is lost."""
    berkas, socket = dua
    k = Store.buka(berkas).data.kelompok[0].nama
    fas = Terminal(socket, "fasilitator", f"buka {berkas} --layar skoring --kelompok {shlex.quote(k)} "
                                          "--nama Budi --peran fasilitator")
    notulen = Terminal(socket, "notulen", f"buka {berkas} --layar skoring --kelompok {shlex.quote(k)} "
                                          "--nama Siti --peran notulen")
    fas.tunggu("Total")
    notulen.tunggu("Total")
    rev = Store.buka(berkas).data.revisi
    baris_awal = [b for b in notulen.layar().splitlines() if "Alalak Selatan" in b][0]

    fas.ketik("1")  # first cell of the first row: K1 = 1
    fas.tunggu("Tersimpan")
    mulai = time.monotonic()
    isi = notulen.tunggu("Budi (Fasilitator): skor U001/K1", detik=5)
    assert time.monotonic() - mulai < 2.0
    baris = [b for b in isi.splitlines() if "Alalak Selatan" in b][0]
    assert baris != baris_awal and " 1 " in baris
    data = Store.buka(berkas).data
    assert data.revisi == rev + 1 and data.nilai_mentah("U001", "K1") == {"": 1}

    notulen.ketik("5")
    notulen.tunggu("tidak berwenang")
    assert Store.buka(berkas).data.revisi == rev + 1
