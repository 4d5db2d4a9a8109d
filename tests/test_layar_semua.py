"""Every stage screen and the main dialogs, walked with the keyboard (issue 15, items 5 and 6): in the
ASCII look nothing above U+007F is drawn, and no English word of Textual's own user-facing strings shows.

The words come from the installed Textual package (grep its widgets and command palette for the texts
users see: the command palette's "No matches found" and "Search for commands…", the system commands
"Quit", "Keys", "Screenshot", "Theme", "Maximize", Select's "Select" prompt, Input's "Copy"/"Paste", the
dialogs' "Yes"/"No"/"Cancel"/"Close"/"Submit")."""

from __future__ import annotations

import re

import pytest

from screens.bantuan import BantuanScreen
from screens.widgets import FormDialog, KonfirmasiDialog, PilihDialog, SimpanBuangDialog
from tests.layar import baris_layar, tunggu
from tests.test_app import buka

KATA_TEXTUAL = ["No matches found", "Search for commands", "Quit", "Cancel", "Yes", "Close", "Copy", "Paste",
                "Select", "Submit", "Toggle", "Dismiss", "Maximize", "Minimize", "Screenshot", "Theme", "Keys",
                "Help", "Save", "Search", "Loading", "Show", "Hide", "Palette"]
INGGRIS = re.compile(r"\b(" + "|".join(re.escape(k) for k in KATA_TEXTUAL) + r")\b")

STAGES = [("f2", "persiapan"), ("f3", "pendaftaran"), ("f4", "pleno1"), ("f5", "kelompok"), ("f6", "skoring"),
          ("f7", "pleno2"), ("f8", "berita_acara")]


async def jelajah(app, pilot):
    """(name, lines) of every stage screen and of the main dialogs, opened and closed by keyboard."""
    for key, mode in STAGES:
        await pilot.press(key)
        await tunggu(pilot, lambda: app.current_mode == mode)
        yield mode, baris_layar(app)
        await pilot.press("f1")
        await tunggu(pilot, lambda: isinstance(app.screen, BantuanScreen))
        yield f"{mode}: bantuan", baris_layar(app)
        await pilot.press("escape")
        await tunggu(pilot, lambda: not isinstance(app.screen, BantuanScreen))
    await pilot.press("f3")
    await pilot.press("ctrl+p")
    await tunggu(pilot, lambda: app.screen.id == "--command-palette")
    yield "palet", baris_layar(app)
    await pilot.press(*"qqzzxx")
    await tunggu(pilot, lambda: "Tidak ada perintah yang cocok" in "\n".join(baris_layar(app)),
                 apa="palet tidak menyebut bahwa tidak ada yang cocok")
    yield "palet: tidak cocok", baris_layar(app)
    await pilot.press("escape")
    await tunggu(pilot, lambda: app.screen.id != "--command-palette")
    await pilot.press("ctrl+g")
    await tunggu(pilot, lambda: isinstance(app.screen, PilihDialog))
    yield "pilih layar", baris_layar(app)
    await pilot.press("f10")
    await pilot.press("ctrl+o")
    await tunggu(pilot, lambda: isinstance(app.screen, FormDialog))
    yield "peserta baru", baris_layar(app)
    await pilot.press(*"Warga", "escape")
    await tunggu(pilot, lambda: isinstance(app.screen, SimpanBuangDialog))
    yield "simpan/buang", baris_layar(app)
    await pilot.press("b")
    await tunggu(pilot, lambda: not isinstance(app.screen, (SimpanBuangDialog, FormDialog)))
    await pilot.press("ctrl+t")
    await tunggu(pilot, lambda: isinstance(app.screen, KonfirmasiDialog))
    yield "tetapkan tahap", baris_layar(app)
    await pilot.press("n")
    await pilot.press("f9")
    await tunggu(pilot, lambda: isinstance(app.screen, BantuanScreen))
    yield "peringatan", baris_layar(app)
    await pilot.press("escape")
    await pilot.press("ctrl+r")
    await tunggu(pilot, lambda: type(app.screen).__name__ == "RiwayatScreen")
    yield "riwayat", baris_layar(app)


@pytest.mark.parametrize("ukuran", [(80, 24), (60, 20)])
async def test_ascii_tanpa_karakter_di_atas_7f(demo, ukuran):
    """With --ascii no screen and no dialog draws a character above U+007F (Linux console, old SSH)."""
    app = buka(demo, "persiapan", ascii=True)
    async with app.run_test(size=ukuran) as pilot:
        salah = {}
        async for nama, baris in jelajah(app, pilot):
            bukan = sorted({c for b in baris for c in b if ord(c) > 0x7F})
            if bukan:
                salah[nama] = bukan
        assert not salah, salah


async def test_tidak_ada_kata_inggris_bawaan_textual(demo):
    """Every screen and dialog speaks Indonesian: none of Textual's own English strings shows."""
    app = buka(demo, "persiapan")
    async with app.run_test(size=(80, 24)) as pilot:
        salah = {}
        async for nama, baris in jelajah(app, pilot):
            kata = sorted({m for b in baris for m in INGGRIS.findall(b)})
            if kata:
                salah[nama] = kata
        assert not salah, salah
