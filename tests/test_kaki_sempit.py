"""The Footer is never cut (issue 15, item 5): at 60x20 and 80x24 every screen and every part of it shows
its keys whole, up to the last one ("F1 Bantuan"): below 70 columns the compact Footer and short key
descriptions (the full meaning is in each key's tooltip and in F1)."""

from __future__ import annotations

import pytest
from textual.widgets import Footer

from tests.layar import layar_teks, tunggu
from tests.test_app import buka

#: (screen, keys that show each of its parts in turn; "" = as opened)
LAYAR = [
    ("persiapan", ["", "1", "2", "3", "4", "5"]),
    ("pendaftaran", [""]),
    ("pleno1", [""]),
    ("kelompok", ["", "1", "2", "3"]),
    ("skoring", [""]),
    ("pleno2", ["", "1", "2", "3", "4"]),
    ("berita_acara", [""]),
]


@pytest.mark.parametrize("ukuran", [(80, 24), (60, 20)], ids=["80x24", "60x20"])
@pytest.mark.parametrize("layar,bagian", LAYAR, ids=[d[0] for d in LAYAR])
async def test_kaki_tidak_terpotong(demo, layar, bagian, ukuran):
    app = buka(demo, layar)
    async with app.run_test(size=ukuran) as pilot:
        await tunggu(pilot, lambda: app.screen.query(Footer))
        for tombol in bagian:
            if tombol:
                await pilot.press(tombol)
            await pilot.pause()
            await pilot.pause()
            kaki = layar_teks(app).splitlines()[-1].rstrip()
            assert kaki.endswith("F1 Bantuan"), f"{layar} {tombol!r}: {kaki!r}"


async def test_petunjuk_persiapan_dibungkus_tidak_dipotong(demo):
    """At 60 columns the Persiapan hint wraps onto a second line instead of stopping mid-sentence."""
    app = buka(demo, "persiapan")
    async with app.run_test(size=(60, 20)) as pilot:
        await tunggu(pilot, lambda: "Enter atau Ctrl+E" in layar_teks(app))
        await pilot.pause()
        satu = " ".join(b.strip() for b in layar_teks(app).splitlines())
        assert "Enter atau Ctrl+E: ubah data sesi (mulai pada baris yang disorot)." in satu


async def test_bantuan_kalimat_penutup_utuh_pada_60_kolom(demo):
    app = buka(demo, "pendaftaran")
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("f1")
        await tunggu(pilot, lambda: "Bantuan: Pendaftaran" in layar_teks(app))
        satu = " ".join(b.strip(" │|") for b in layar_teks(app).splitlines())
        assert "daftar semua perintah" in satu  # the closing line whole (it wraps when longer than the box)


async def test_enam_tab_persiapan_tampak_pada_60_kolom(demo):
    app = buka(demo, "persiapan")
    async with app.run_test(size=(60, 20)) as pilot:
        for tombol in ("1", "6"):  # the first tab and the last one shown, both with every tab whole
            await pilot.press(tombol)
            await pilot.pause()
            await pilot.wait_for_scheduled_animations()
            tab = layar_teks(app).splitlines()[1]
            assert tab.split() == ["1", "Sesi", "2", "Acara", "3", "Kriteria", "4", "Kelompok", "5", "Usulan",
                                   "6", "Impor"], tab


@pytest.mark.parametrize("bagian,kalimat", [
    ("2", "tentang kelompok yang dipilih di bagian 1"),
    ("3", "tambah · Del hapus"),
    ("4", "pilih penandatangan · Del hapus"),
])
async def test_petunjuk_pleno2_dibungkus(demo, bagian, kalimat):
    app = buka(demo, "pleno2")
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press(bagian)
        await pilot.pause()
        await pilot.pause()
        satu = " ".join(layar_teks(app).split())
        assert kalimat in satu
