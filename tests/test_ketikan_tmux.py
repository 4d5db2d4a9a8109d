"""Keys that arrive together (issue 15, item 1): over SSH and on paste a Tab and the next letters come in
one read. A real terminal (tmux, 80x24) sends them in one burst to the "Ubah data sesi" dialog; every
field must hold exactly what it held plus what was typed into it. Skipped where tmux is not installed."""

from __future__ import annotations

import shlex
import shutil
import subprocess
import time
import uuid

import pytest

from musrenbang_tui.demo import buat_demo
from sesi.store import Store
from tests.test_dua_terminal_tmux import Terminal

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux tidak terpasang")

BIDANG = ["kecamatan", "jenis_daerah", "kota", "tahun", "tanggal", "tempat", "camat", "nomor_ba",
          "tanggal_pengumuman", "min_delegasi", "min_perempuan_delegasi"]


@pytest.fixture()
def satu(tmp_path, monkeypatch):
    monkeypatch.setenv("MUSRENBANG_DATA", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    berkas = tmp_path / "sesi.json"
    buat_demo(str(berkas))
    socket = f"uji-{uuid.uuid4().hex[:8]}"
    yield berkas, socket
    subprocess.run(["tmux", "-L", socket, "kill-server"], capture_output=True)


def info(berkas) -> dict[str, str]:
    i = Store.buka(berkas).data.info
    return {k: str(getattr(i, k)) for k in BIDANG}


def test_tab_dan_huruf_dalam_satu_semburan_tidak_menimpa_isian(satu):
    """Tab, Tab and " Raya" in one burst: the Kota field reads "Banjarmasin Raya" (the letters are added
    where the cursor is, never typed over the field's whole text); every other field is unchanged."""
    berkas, socket = satu
    awal = info(berkas)
    t = Terminal(socket, "notulen", f"buka {shlex.quote(str(berkas))} --layar persiapan --nama Siti")
    t.tunggu("Kecamatan")
    t.ketik("Enter")  # the first row (Kecamatan) opens "Ubah data sesi" with the focus on Kecamatan
    t.tunggu("Ubah data sesi")
    t.ketik("-l", "\t\t Raya")  # one send-keys: Tab, Tab and the text written together
    t.tunggu("Banjarmasin Raya")
    t.ketik("C-s")
    batas = time.monotonic() + 15
    while info(berkas) == awal and time.monotonic() < batas:
        time.sleep(0.1)
    akhir = info(berkas)
    assert akhir["kota"] == awal["kota"] + " Raya"
    assert {k: v for k, v in akhir.items() if k != "kota"} == {k: v for k, v in awal.items() if k != "kota"}
