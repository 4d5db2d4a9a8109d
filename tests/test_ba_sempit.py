"""The berita acara preview is readable at 60 columns (issue 15, item 5): the text preview is laid out at
the terminal's width when it is narrower than the printed 80 columns (the saved file stays 80 columns), is
laid out again when the terminal is resized, and lines still wider than the screen (a signature table) are
announced with the keys that scroll sideways."""

from __future__ import annotations

from sesi import berita_acara
from sesi.store import Store
from tests.layar import layar_teks, tunggu
from tests.test_app import buka

KALIMAT = "Isi berita acara ini masih dapat berubah sampai disahkan oleh pimpinan sidang."


def satu_baris(app) -> str:
    return " ".join(b.strip(" *") for b in layar_teks(app).splitlines())


async def test_pratinjau_ba_dibungkus_pada_60_kolom(demo, tmp_path):
    app = buka(demo, "berita_acara")
    async with app.run_test(size=(60, 20)) as pilot:
        await tunggu(pilot, lambda: KALIMAT in satu_baris(app), apa="kalimat terpotong di 60 kolom")
        assert "geser dengan h/l" in satu_baris(app)  # the signature table is wider than 60 columns
        await pilot.resize_terminal(80, 24)
        await tunggu(pilot, lambda: "disahkan oleh pimpinan" in layar_teks(app))  # 80 columns again
    # The saved file is the printed one: 80 columns, whatever the preview's width.
    path = berita_acara.simpan(Store.buka(demo).data, "txt", tmp_path / "ba.txt")
    assert max(len(b) for b in open(path, encoding="utf-8").read().splitlines()) == 80
