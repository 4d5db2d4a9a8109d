"""Typed, unsaved notes survive a real crash (issue 15, item 2): the app runs in a real terminal (tmux,
80x24), a note is typed and never saved, the process is killed with SIGKILL (no handler runs, as on a power
cut or a dropped SSH link), and the app opened again shows the text. Skipped where tmux is not installed."""

from __future__ import annotations

import os
import shlex
import shutil
import signal
import subprocess
import sys
import time
import uuid

import pytest

from musrenbang_tui.demo import buat_demo
from tests.test_dua_terminal_tmux import ROOT, Terminal

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux tidak terpasang")


class Aplikasi(Terminal):
    """The app alone in a tmux pane (exec: the pane's process is the app itself, so its pid is known)."""

    def __init__(self, socket: str, name: str, command: str):
        self.socket, self.name = socket, name
        env = {"TERM": "xterm-256color", "PYTHONPATH": str(ROOT), "MUSRENBANG_DATA": os.environ["MUSRENBANG_DATA"],
               "XDG_STATE_HOME": os.environ["XDG_STATE_HOME"]}
        envs = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
        self.tmux("new-session", "-d", "-s", name, "-x", "80", "-y", "24",
                  f"cd {shlex.quote(str(ROOT))} && exec env {envs} {shlex.quote(sys.executable)} -m musrenbang_tui "
                  f"{command}")
        self.tmux("set-option", "-t", name, "remain-on-exit", "on")
        self.pid = int(self.tmux("display-message", "-p", "-t", name, "#{pane_pid}").strip())

    def bunuh(self) -> None:
        """SIGKILL to the app this test started (by its pid): nothing of the app runs after it."""
        os.kill(self.pid, signal.SIGKILL)
        batas = time.monotonic() + 10
        while self.tmux("display-message", "-p", "-t", self.name, "#{pane_dead}").strip() != "1":
            assert time.monotonic() < batas, "aplikasi tidak mati"
            time.sleep(0.05)


@pytest.fixture()
def sesi(tmp_path, monkeypatch):
    monkeypatch.setenv("MUSRENBANG_DATA", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    berkas = tmp_path / "sesi.json"
    buat_demo(str(berkas))
    socket = f"uji-{uuid.uuid4().hex[:8]}"
    yield berkas, socket, tmp_path / "state"
    subprocess.run(["tmux", "-L", socket, "kill-server"], capture_output=True)


def tunggu_draf(folder, teks: str, detik: float = 30.0) -> None:
    """Until a draft file in the user's state folder holds `teks` (the app writes it 0.3 s after typing)."""
    batas = time.monotonic() + detik
    while not any(teks in p.read_text() for p in folder.glob("musrenbang/draf/*.json")):
        assert time.monotonic() < batas, f"draf {teks!r} tidak tertulis"
        time.sleep(0.1)


def test_catatan_pleno1_bertahan_setelah_kill_9(sesi):
    berkas, socket, state = sesi
    cmd = f"buka {shlex.quote(str(berkas))} --layar pleno1 --nama Siti --peran notulen"
    t = Aplikasi(socket, "satu", cmd)
    t.tunggu("Ketik catatan")
    t.ketik("-l", "Jembatan Sungai Andai retak")
    t.tunggu("Jembatan Sungai Andai retak")
    tunggu_draf(state, "Jembatan Sungai Andai retak")
    t.bunuh()

    t = Aplikasi(socket, "dua", cmd)
    layar = t.tunggu("dipulihkan dari draf")
    assert "Jembatan Sungai Andai retak" in layar
    t.ketik("Enter")  # saved: the draft goes
    t.tunggu("Tersimpan")
    batas = time.monotonic() + 15
    while list(state.glob("musrenbang/draf/*.json")):
        assert time.monotonic() < batas, "draf tidak dihapus setelah disimpan"
        time.sleep(0.1)


def test_tanggapan_pleno2_bertahan_setelah_kill_9(sesi):
    berkas, socket, state = sesi
    cmd = f"buka {shlex.quote(str(berkas))} --layar pleno2 --nama Siti --peran notulen"
    t = Aplikasi(socket, "satu", cmd)
    t.tunggu("Daftar & keputusan")
    t.ketik("c")
    t.tunggu("Siapa yang menanggapi?")
    t.ketik("Down", "Enter")
    t.tunggu("Isi tanggapan")
    t.ketik("-l", "Lampu jalan Alalak belum masuk")
    t.tunggu("Lampu jalan Alalak belum masuk")
    tunggu_draf(state, "Lampu jalan Alalak belum masuk")
    t.bunuh()

    t = Aplikasi(socket, "dua", cmd)
    t.tunggu("belum tersimpan (draf)")
    t.ketik("c")
    layar = t.tunggu("dipulihkan dari draf")
    assert "Lampu jalan Alalak belum masuk" in layar
