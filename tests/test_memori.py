"""Startup memory tuning (musrenbang_tui/memori.py): applied on glibc, a no-op that never fails elsewhere."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from musrenbang_tui import memori


def test_bukan_glibc_tidak_mengubah_apa_pun(monkeypatch):
    """On macOS, Windows or musl the tuning does nothing and raises nothing; the UI starts as before."""
    for platform in ("darwin", "win32"):
        monkeypatch.setattr(sys, "platform", platform)
        assert memori.glibc() is False
        assert memori.atur_malloc() is False


def test_linux_tanpa_glibc(monkeypatch):
    """Linux with another libc (musl: no CS_GNU_LIBC_VERSION) is not tuned."""
    monkeypatch.setattr(sys, "platform", "linux")

    def tanpa(nama):
        raise ValueError(nama)

    monkeypatch.setattr(os, "confstr", tanpa)
    assert memori.glibc() is False
    assert memori.atur_malloc() is False


def test_libc_tanpa_mallopt(monkeypatch):
    """A libc that cannot be loaded or has no mallopt: False, nothing raised."""
    ctypes = pytest.importorskip("ctypes")
    monkeypatch.setattr(memori, "glibc", lambda: True)

    def gagal(*_a, **_k):
        raise OSError("tidak ada libc")

    monkeypatch.setattr(ctypes, "CDLL", gagal)
    assert memori.atur_malloc() is False


@pytest.mark.skipif(not memori.glibc(), reason="glibc only")
def test_glibc_diterapkan():
    assert memori.atur_malloc() is True


def test_mati_dengan_variabel(tmp_path):
    """MUSRENBANG_MALLOC=0 leaves malloc alone; MUSRENBANG_TRACEMALLOC unset traces nothing (the default)."""
    kode = ("import tracemalloc, musrenbang_tui.memori as m; m.atur_malloc = lambda: 1/0; m.siapkan(); "
            "print(tracemalloc.is_tracing())")
    env = {k: v for k, v in os.environ.items() if k != "MUSRENBANG_TRACEMALLOC"}
    env["MUSRENBANG_MALLOC"] = "0"
    out = subprocess.run([sys.executable, "-c", kode], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_pengumpul_sampah_kembali_menyala_bila_buka_gagal(tmp_path, capsys):
    """The CLI pauses the cyclic collector while a UI command reads the session; a command that stops
    before the app runs (a missing file: exit 1) must not leave it paused for the rest of the process."""
    import gc

    from musrenbang_tui.cli import main

    assert gc.isenabled()
    assert main(["buka", str(tmp_path / "tidak-ada.json")]) == 1
    assert "tidak ditemukan" in capsys.readouterr().err
    assert gc.isenabled()
