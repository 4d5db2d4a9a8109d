"""The projector view: follows the session's stage, can be pinned, and never writes or locks the store."""

from __future__ import annotations

import os
from pathlib import Path

from layar import layar_teks
from screens.tayang import TayangApp, kelompok_terkini, tampilan_untuk
from sesi import persiapan, skor
from sesi.store import Store
from sesi.transaksi import Pelaku


def test_tampilan_mengikuti_tahap(demo):
    """Registration and Pleno I show attendance, group sessions the ranking, Pleno II the agreed list."""
    data = Store.buka(demo).data
    assert data.info.tahap == "kelompok"
    assert tampilan_untuk(data, "otomatis") == "peringkat"
    assert tampilan_untuk(data, "kehadiran") == "kehadiran"


def test_kelompok_terkini_dari_skor_terakhir(demo):
    """The ranking shown is the kelompok whose usulan was scored last."""
    store = Store.buka(demo)
    data = store.data
    kel3 = [k for k in data.kelompok if "Sosial" in k.nama][0]
    u = data.usulan_kelompok(kel3.id)[0]
    with store.transaksi() as tx:
        skor.atur_skor(tx, u.id, "K1", 4)
    assert kelompok_terkini(store.data) == kel3.id


async def test_tayang_berganti_saat_tahap_berubah_tanpa_menulis(demo):
    """The view switches when another terminal moves the stage; the projector never writes nor locks."""
    lock = Path(str(demo) + ".lock")
    lock.unlink(missing_ok=True)
    before = demo.read_bytes()
    app = TayangApp(Store.buka(demo, pelaku=Pelaku("tayangan", "tayang")))
    async with app.run_test(size=(80, 24)) as pilot:
        assert "PERINGKAT KELOMPOK" in layar_teks(app)
        assert not lock.exists()
        other = Store.buka(demo)
        with other.transaksi() as tx:
            persiapan.atur_tahap(tx, "pendaftaran")
        after_change = demo.read_bytes()
        os.unlink(lock)
        await app.baca_perubahan()
        await pilot.pause()
        assert "KEHADIRAN" in layar_teks(app)
        assert "HADIR" in layar_teks(app)
        await pilot.press("3")
        await pilot.pause()
        assert "RANCANGAN URUTAN (BELUM DISEPAKATI)" in layar_teks(app)  # nothing agreed in the demo yet
        await pilot.press("0")
        await pilot.pause()
        assert "KEHADIRAN" in layar_teks(app)
    assert not lock.exists()
    assert demo.read_bytes() == after_change != before


async def test_tayang_ascii(demo):
    """The ASCII look draws no box-drawing characters in the figures."""
    app = TayangApp(Store.buka(demo, pelaku=Pelaku("tayangan", "tayang")), tampilan="kehadiran", ascii=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = layar_teks(app)
        assert "HADIR" in text and "╭" not in text


async def test_tayang_palet_perintah_berbahasa_indonesia(demo):
    """Ctrl+P on the projector offers its own actions, in Indonesian, under an Indonesian prompt."""
    from textual.widgets import Input

    app = TayangApp(Store.buka(demo, pelaku=Pelaku("tayangan", "tayang")))
    async with app.run_test(size=(80, 24)) as pilot:
        judul = [c.title for c in app.get_system_commands(app.screen)]
        assert {"Kehadiran", "Peringkat", "Kesepakatan", "Ikuti tahap", "Keluar"} <= set(judul)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert app.screen.query_one(Input).placeholder == "Cari perintah…"
