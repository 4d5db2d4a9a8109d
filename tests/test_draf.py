"""Drafts of typed, unsaved text survive a crash (issue 15, item 2): the Pleno II tanggapan form and the
reason dialogs keep what was typed in this user's drafts (`sesi.draf`, the user's state folder), offer it
again when opened again, and drop it when saved or thrown away. Driven through the Pilot; the real kill -9
is in tests/test_draf_tmux.py."""

from __future__ import annotations

import json

from screens.widgets import AlasanDialog, FormDialog, PilihDialog, SimpanBuangDialog
from screens.pleno2.layar import Pleno2Screen
from sesi import catatan
from sesi.store import Store
from sesi.transaksi import Pelaku
from tests.layar import teks_layar, tunggu
from tests.test_app import buka


def tanggapan(path) -> list[str]:
    return [t.isi for t in Store.buka(path).data.records("tanggapan").values()]


async def test_draf_tanggapan_pleno2_dipulihkan_lalu_dihapus_saat_disimpan(demo):
    app = buka(demo, "pleno2")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        await tunggu(pilot, lambda: isinstance(app.screen, PilihDialog))
        await pilot.press("down", "enter")  # the first participant present (the first option is "nama lain")
        await tunggu(pilot, lambda: isinstance(app.screen, FormDialog) and app.screen.focused is not None
                     and app.screen.focused.id == "f-isi")
        await pilot.press(*"Mohon PJU ditambah")
        kunci = app.screen.kunci_draf
        await tunggu(pilot, lambda: "Mohon PJU ditambah" in app.draf.baca(kunci))
        nama = json.loads(app.draf.baca(kunci))["nama"]
        assert nama
        path = app.draf.path
    # The app ended without saving or asking (as after a crash): the draft is on this user's disk.
    assert path.stat().st_mode & 0o777 == 0o600

    app = buka(demo, "pleno2")
    async with app.run_test(size=(80, 24)) as pilot:
        await tunggu(pilot, lambda: "belum tersimpan (draf)" in teks_layar(app))
        await pilot.press("c")  # the form opens at once with the draft (no need to choose the person again)
        await tunggu(pilot, lambda: isinstance(app.screen, FormDialog) and app.screen.nilai()["isi"])
        assert app.screen.nilai()["isi"] == "Mohon PJU ditambah"
        assert app.screen.nilai()["nama"] == nama
        assert "dipulihkan dari draf" in teks_layar(app)
        await pilot.press(*" segera")  # the cursor is at the end of the restored text
        await pilot.press("ctrl+s")
        await tunggu(pilot, lambda: isinstance(app.screen, Pleno2Screen))
        await tunggu(pilot, lambda: app.draf.baca(kunci) == "")
    assert "Mohon PJU ditambah segera" in tanggapan(demo)


async def test_draf_alasan_pleno2_dipulihkan_dan_dibuang_dengan_sengaja(demo):
    app = buka(demo, "pleno2")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t")
        await tunggu(pilot, lambda: isinstance(app.screen, AlasanDialog))
        await pilot.press(*"Kesepakatan forum")
        kunci = app.screen.kunci_draf
        await tunggu(pilot, lambda: "Kesepakatan forum" in app.draf.baca(kunci))

    app = buka(demo, "pleno2")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t")
        await tunggu(pilot, lambda: isinstance(app.screen, AlasanDialog) and app.screen.nilai()["alasan"])
        assert app.screen.nilai()["alasan"] == "Kesepakatan forum"
        await pilot.press("f10")  # changed and not saved: asks first
        await tunggu(pilot, lambda: isinstance(app.screen, SimpanBuangDialog))
        await pilot.press("b")
        await tunggu(pilot, lambda: isinstance(app.screen, Pleno2Screen))
        assert app.draf.baca(kunci) == ""
        await pilot.press("t")  # opened again: empty
        await tunggu(pilot, lambda: isinstance(app.screen, AlasanDialog) and app.screen.is_mounted)
        await pilot.pause()
        assert app.screen.nilai()["alasan"] == ""


async def test_draf_jawaban_tanggapan_dipulihkan(demo):
    """The forum's answer to a tanggapan (W) typed and not saved is offered again after the app died."""
    store = Store.buka(demo, pelaku=Pelaku("uji", "operator"))
    with store.transaksi() as tx:
        catatan.tambah_tanggapan(tx, "Abdul Gani", "Drainase Alalak perlu didahulukan",
                                 kelompok=store.data.kelompok[0].id)
    app = buka(demo, "pleno2")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        await tunggu(pilot, lambda: app.screen.query_one("#tanggapan").row_count > 0)
        await pilot.press("w")
        await tunggu(pilot, lambda: isinstance(app.screen, FormDialog))
        await pilot.press("ctrl+a", *"Akan dibahas di Forum PD")
        kunci = app.screen.kunci_draf
        await tunggu(pilot, lambda: "Akan dibahas di Forum PD" in app.draf.baca(kunci))

    app = buka(demo, "pleno2")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        await tunggu(pilot, lambda: app.screen.query_one("#tanggapan").row_count > 0)
        await pilot.press("w")
        await tunggu(pilot, lambda: isinstance(app.screen, FormDialog) and app.screen.nilai()["jawaban"]
                     == "Akan dibahas di Forum PD")
