"""The scoring matrix repaints only what a change touched (issue 16 item 4): after keystrokes here and scores
saved by another terminal, in this kelompok and in others, every row's cells, total and rank read exactly as
a fresh computation of the saved file gives them, those in view and those made when scrolled into view."""

from __future__ import annotations

import random

from musrenbang_tui.app import MusrenbangApp
from screens.skoring import SkoringScreen
from screens.skoring.keterangan import teks_ringkas
from sesi import skor
from sesi.kepekaan import baris_goyah
from sesi.model import STATUS_DISISIHKAN
from sesi.peringkat import peringkat_kelompok
from sesi.store import Store
from sesi.transaksi import Pelaku
from sesi.urutan import urutan_akhir

KELOMPOK_I = "Kelompok I Infrastruktur"


def _harapan(data, kid):
    """usulan -> (total, rank) as the matrix must show them, from `data` computed afresh."""
    goyah = baris_goyah(data, kid)
    akhir = {t.usulan.id: t.peringkat_akhir for t in urutan_akhir(data, kid) if t.bergeser}
    return {b.usulan.id: teks_ringkas(b, b.usulan.id in goyah and not b.seri, akhir.get(b.usulan.id))
            for b in peringkat_kelompok(data, kid).baris}


def _cocok(app, path, kid):
    segar = Store(path).muat()
    layar = app.screen
    assert isinstance(layar, SkoringScreen)
    m = layar.matriks
    harapan = _harapan(segar, kid)
    for uid in m.baris:
        assert (m.total[uid], m.peringkat[uid]) == harapan[uid], uid
        for k in m.kolom:  # the screen's own words for a cell, of the file read afresh
            assert m.sel[(uid, k.kode)] == layar._isi_sel(segar, uid, k.kode), (uid, k.kode)


async def test_matriks_sama_dengan_hitung_ulang_setelah_ketikan_dan_terminal_lain(demo):
    path = str(demo)
    store = Store.buka(path, pelaku=Pelaku("uji", "operator"))
    lain = Store.buka(path, pelaku=Pelaku("Fasilitator lain", "fasilitator"))
    data = store.data
    kid = next(k.id for k in data.kelompok if k.nama == KELOMPOK_I)
    sendiri = [u.id for u in data.usulan_kelompok(kid) if u.status not in STATUS_DISISIHKAN]
    luar = [u.id for k in data.kelompok if k.id != kid for u in data.usulan_kelompok(k.id)
            if u.status not in STATUS_DISISIHKAN]
    kode = [k.kode for k in data.kriteria]
    rng = random.Random(4)
    app = MusrenbangApp(store, layar="skoring")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for putaran in range(12):
            # Keystrokes here (scores 1-3: many equal totals), now and then a move down the matrix.
            for _ in range(rng.randint(1, 4)):
                await pilot.press(rng.choice(["1", "2", "3", "3", "down", "pagedown"]))
            # Another terminal: a score in this kelompok or another, or a cell emptied.
            with lain.transaksi() as tx:
                uid, k = rng.choice(sendiri if putaran % 2 else luar), rng.choice(kode)
                if rng.random() < 0.2 and tx.data.nilai_mentah(uid, k).get("") is not None:
                    skor.hapus_skor(tx, uid, k)
                else:
                    nilai = rng.randint(1, 3)
                    if tx.data.nilai_mentah(uid, k).get("") != nilai:
                        skor.atur_skor(tx, uid, k, nilai)
            await app.baca_perubahan()
            await pilot.pause()
            _cocok(app, path, kid)
