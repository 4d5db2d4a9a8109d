"""What a terminal does with a change saved at another terminal (issue 16): the notice names it on one
line with the revision shown, and the warning count (F9) follows without being counted per change."""

from __future__ import annotations

import pytest

from layar import buka_app, layar_teks, tunggu
from screens.widgets import StatusBar
from sesi import skor
from sesi.store import Store
from sesi.transaksi import Pelaku


def _skor_lain(store: Store, n: int) -> None:
    """`n` score changes saved by fasilitator "F03" on the first usulan of a kelompok."""
    data = store.data
    uid = sorted(u for u in data.usulan if data.kelompok_usulan.get(u))[0]
    for k in data.kriteria[:n]:
        lama = store.data.nilai_mentah(uid, k.kode).get("")
        with store.transaksi() as tx:
            skor.atur_skor(tx, uid, k.kode, (lama or 0) % 5 + 1)


@pytest.mark.parametrize("ukuran", [(80, 24), (60, 20)])
async def test_kabar_terminal_lain_satu_baris_dengan_revisi(demo, ukuran):
    """Two changes elsewhere: the notice names the newest, says there is one more and which revision the
    terminal now shows, on one line; the status line keeps its height, so the matrix above keeps its
    size (a status line that grew and shrank with each change laid out and repainted every terminal)."""
    app = buka_app(demo, "skoring", peran="fasilitator")
    lain = Store.buka(demo, pelaku=Pelaku("F03", "fasilitator"))
    async with app.run_test(size=ukuran) as pilot:
        await pilot.pause()
        bar = app.screen.query_one(StatusBar)
        tinggi_isi = {w.id: w.region.height for w in app.screen.children if w.id}
        _skor_lain(lain, 2)
        await app.baca_perubahan()
        await pilot.pause()
        teks = bar.pesan.plain
        assert teks.startswith("F03 (Fasilitator): skor ") and "(+1 lainnya" in teks
        assert bar.region.height == 1 and bar.pesan.cell_len <= ukuran[0]
        assert {w.id: w.region.height for w in app.screen.children if w.id} == tinggi_isi
        assert teks.endswith(f"rev {lain.data.revisi}")
        assert f"rev {lain.data.revisi}" in layar_teks(app).splitlines()[bar.region.y]


def _catat_peringatan(monkeypatch) -> list[int]:
    """The revisions the warnings (sesi.peringatan) are counted for, from now on."""
    import sesi.peringatan

    hitung: list[int] = []
    asli = sesi.peringatan.peringatan

    def catat(data):
        hitung.append(data.revisi)
        return asli(data)
    monkeypatch.setattr(sesi.peringatan, "peringatan", catat)
    return hitung


async def test_peringatan_saat_terminal_lain_menyimpan_dihitung_sekali_per_jeda(demo, monkeypatch):
    """Changes read from another terminal in quick succession are counted for the warnings (F9) once,
    then for the latest revision within `JEDA_PERINGATAN` s; so is a save made here meanwhile."""
    hitung = _catat_peringatan(monkeypatch)
    app = buka_app(demo, "skoring", peran="fasilitator")
    lain = Store.buka(demo, pelaku=Pelaku("F03", "fasilitator"))
    async with app.run_test(size=(80, 24)) as pilot:
        app.screen.JEDA_PERINGATAN = 1.0
        await tunggu(pilot, app.peringatan_siap, apa="hitungan pertama")
        hitung.clear()
        for _ in range(3):
            _skor_lain(lain, 1)
            await app.baca_perubahan()
            await pilot.pause()
        assert len(hitung) <= 1  # not once per change
        await tunggu(pilot, app.peringatan_siap, batas=5, apa="hitungan revisi terakhir")
        assert hitung[-1] == lain.data.revisi
        hitung.clear()
        await pilot.press("1")  # saved here while the others are busy: counted within the pause
        await tunggu(pilot, lambda: hitung and hitung[-1] == app.data.revisi, batas=5,
                     apa="hitungan simpanan sendiri")


async def test_peringatan_tanpa_terminal_lain_dihitung_setelah_gambar(demo, monkeypatch):
    """With no other terminal saving, a save made here is counted right after its repaint, as always."""
    hitung = _catat_peringatan(monkeypatch)
    app = buka_app(demo, "skoring", peran="fasilitator")
    async with app.run_test(size=(80, 24)) as pilot:
        await tunggu(pilot, app.peringatan_siap, apa="hitungan pertama")
        for _ in range(2):
            hitung.clear()
            rev = app.data.revisi
            for angka in "12":  # the value the cell does not hold already (the same value saves nothing)
                await pilot.press(angka)
                if app.data.revisi != rev:
                    break
            assert app.data.revisi == rev + 1
            await tunggu(pilot, lambda: hitung and hitung[-1] == app.data.revisi, batas=0.5,
                         apa="hitungan simpanan sendiri")


async def test_pesan_sendiri_bertahan_sebelum_kabar_terminal_lain(demo):
    """A save made here says "Tersimpan" for `TAHAN_KABAR` s even while other terminals save; then the
    latest notice of theirs shows, naming the revision the terminal holds."""
    app = buka_app(demo, "skoring", peran="fasilitator")
    lain = Store.buka(demo, pelaku=Pelaku("F03", "fasilitator"))
    async with app.run_test(size=(80, 24)) as pilot:
        bar = app.screen.query_one(StatusBar)
        rev = app.data.revisi
        for angka in "12":  # the value the cell does not hold already
            await pilot.press(angka)
            if app.data.revisi != rev:
                break
        assert bar.pesan.plain.startswith("Tersimpan")
        sendiri = bar.pesan.plain
        _skor_lain(lain, 1)
        await app.baca_perubahan()
        await pilot.pause()
        assert bar.pesan.plain == sendiri  # not replaced at once
        _skor_lain(lain, 1)
        await app.baca_perubahan()
        await tunggu(pilot, lambda: bar.pesan.plain.startswith("F03 (Fasilitator): skor "), batas=5,
                     apa="kabar terminal lain setelah jeda")
        assert bar.pesan.plain.endswith(f"rev {lain.data.revisi}")


@pytest.mark.parametrize("ssh", [True, False])
async def test_kursor_tidak_berkedip_lewat_ssh(demo, monkeypatch, ssh):
    """Over SSH the notulen's typing line has a steady cursor (no repaint twice a second while waiting);
    elsewhere it blinks as Textual's Input does."""
    from musrenbang_tui.app import MusrenbangApp

    if ssh:
        monkeypatch.setenv("SSH_CONNECTION", "10.0.0.2 50022 10.0.0.1 22")
    else:
        monkeypatch.delenv("SSH_CONNECTION", raising=False)
    app = MusrenbangApp(Store.buka(demo, pelaku=Pelaku("N01", "notulen")), layar="pleno1")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        ketik = app.screen.query_one("#ketik")
        assert app.focused is ketik and ketik.cursor_blink is (not ssh)


async def test_kabar_memakai_nama_terbaru_setelah_simpan_sendiri(demo):
    """A name changed here (a criterion renamed) shows in the next notice of another terminal's change."""
    from sesi.kriteria import simpan_kriteria

    app = buka_app(demo, "skoring", peran="operator")
    lain = Store.buka(demo, pelaku=Pelaku("F03", "fasilitator"))
    async with app.run_test(size=(120, 24)) as pilot:
        app.TAHAN_KABAR = 0.0
        _skor_lain(lain, 1)
        await app.baca_perubahan()
        k = app.data.kriteria[0]
        assert app.simpan(simpan_kriteria, k.kode, "Nama kriteria baru", k.bobot, k.skala_min, k.skala_maks).ok
        lain.muat()
        _skor_lain(lain, 1)
        await app.baca_perubahan()
        await pilot.pause()
        assert "/ Nama kriteria baru" in app.screen.query_one(StatusBar).pesan.plain


async def test_baris_status_kembali_satu_baris_setelah_terminal_dipersempit(demo):
    """A notice shown at 80 columns wraps onto a second line when the terminal is made 60 columns wide;
    the next notice (built for 60 columns) takes that line back: no empty row stays under it (found by
    the new-user tester in tmux: resize 80 -> 60 while a notice was up)."""
    app = buka_app(demo, "skoring", peran="fasilitator")
    lain = Store.buka(demo, pelaku=Pelaku("F03", "fasilitator"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        bar = app.screen.query_one(StatusBar)
        _skor_lain(lain, 2)
        await app.baca_perubahan()
        await pilot.pause()
        assert bar.pesan.cell_len > 60  # long enough to wrap at 60 columns
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        _skor_lain(lain, 1)
        await app.baca_perubahan()
        await pilot.pause()
        await pilot.pause()
        assert bar.pesan.cell_len <= 60
        assert bar.region.height == 1
