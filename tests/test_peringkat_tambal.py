"""The ranking after a score keystroke is patched from the revision before (issue 7: the matrix repaints
ranks in the same frame as the cell); what the forum sees must be exactly what a fresh computation of the
saved file gives, whatever the sequence of scores, removals, penilai and verification changes."""

from __future__ import annotations

import random

from sesi import skor, verifikasi
from sesi.errors import DataDitolak
from sesi.kepekaan import baris_goyah, kepekaan
from sesi.peringkat import peringkat_kelompok
from sesi.store import Store
from sesi.transaksi import Pelaku
from sesi.urutan import nasib_usulan, urutan_akhir


def _tampak(data, kid):
    """Everything a ranking shows: order, rank, tie mark, total, values, reason, what decided the place."""
    return [(b.usulan.id, b.peringkat, b.seri, b.total, tuple(sorted(b.nilai.items())), b.alasan, b.penentu)
            for b in peringkat_kelompok(data, kid).baris]



def _sesi_acak(path: str, benih: int):
    """The store of `path`, a seeded random source, and the kelompok ids, usulan ids and criteria codes
    the random changes pick from."""
    store = Store.buka(path, pelaku=Pelaku("uji", "operator"))
    data = store.data
    return (store, random.Random(benih), [k.id for k in data.kelompok], list(data.usulan),
            [k.kode for k in data.kriteria])


def test_peringkat_setelah_tiap_perubahan_sama_dengan_hitung_ulang_dari_berkas(demo):
    """After each change the ranking held by the store equals the one computed from the file read afresh."""
    path = str(demo)
    store, rng, kelompok, usulan, kode = _sesi_acak(path, 2027)
    for _ in range(150):
        with store.transaksi() as tx:
            if rng.random() < 0.05:  # now and then something other than a score: the ranking is rebuilt
                uid = rng.choice(usulan)
                if tx.data.usulan[uid].status == "baru":
                    verifikasi.verifikasi(tx, uid, "ditolak", alasan="Bukan kewenangan kecamatan")
            for _ in range(rng.randint(1, 3)):
                uid, k, penilai = rng.choice(usulan), rng.choice(kode), rng.choice(["", "", "Andi", "Budi"])
                try:  # refused before any change (a rejected usulan, a locked kelompok): the next one
                    if rng.random() < 0.25:
                        if tx.data.nilai_mentah(uid, k).get(penilai) is not None:
                            skor.hapus_skor(tx, uid, k, penilai)
                    else:
                        nilai = rng.randint(1, 5)
                        if tx.data.nilai_mentah(uid, k).get(penilai) != nilai:
                            skor.atur_skor(tx, uid, k, nilai, penilai)
                except DataDitolak:
                    pass
        # Look at some kelompok only: the others are patched over several revisions at once.
        for kid in rng.sample(kelompok, rng.randint(0, len(kelompok))):
            assert _tampak(store.data, kid) == _tampak(Store(path).muat(), kid)


def test_tambalan_urutan_mufakat_dengan_banyak_seri_dan_sel_dikosongkan(demo, monkeypatch):
    """Consensus scores only, on a 1-3 scale (many equal totals: seri, "penentu" between neighbours), cells
    emptied now and then (rows leave and rejoin the ranked rows): the patched ranking (moving the changed
    rows in the sorted order, sesi/peringkat_tambal.py) equals the one computed from the file afresh after
    every change, and the patch is what ran (not a full ranking each time)."""
    import sesi.peringkat_tambal as tambal_mod

    dipakai = []
    asli = tambal_mod.tambal

    def mata(*a, **k):
        hasil = asli(*a, **k)
        dipakai.append(hasil is not None)
        return hasil

    monkeypatch.setattr(tambal_mod, "tambal", mata)
    path = str(demo)
    store, rng, kelompok, usulan, kode = _sesi_acak(path, 16)
    for _ in range(200):
        with store.transaksi() as tx:
            for _ in range(rng.choice([1, 1, 1, 2, 4])):
                uid, k = rng.choice(usulan), rng.choice(kode)
                try:
                    lama = tx.data.nilai_mentah(uid, k).get("")
                    if rng.random() < 0.15:
                        if lama is not None:
                            skor.hapus_skor(tx, uid, k, "")
                    else:
                        nilai = rng.randint(1, 3)
                        if lama != nilai:
                            skor.atur_skor(tx, uid, k, nilai, "")
                except DataDitolak:
                    pass
        segar = Store(path).muat()
        for kid in kelompok:
            assert _tampak(store.data, kid) == _tampak(segar, kid)
            # What is derived from the ranking and reused from the revision before where it holds
            # (sesi.urutan, sesi.kepekaan) equals the fresh computation too.
            assert urutan_akhir(store.data, kid) == urutan_akhir(segar, kid)
            assert kepekaan(store.data, kid) == kepekaan(segar, kid)
            assert baris_goyah(store.data, kid) == baris_goyah(segar, kid)
        assert nasib_usulan(store.data) == nasib_usulan(segar)
    assert sum(dipakai) > 100
