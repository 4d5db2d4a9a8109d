"""The projector view: follows the session's stage, can be pinned, and never writes or locks the store."""

from __future__ import annotations

import os
import subprocess
import re
from pathlib import Path

import pytest
from layar import layar_teks, tunggu
from skenario import buat_skenario

from screens.pengamat import BerkasBerubah
from screens.tayang import TayangApp, isi_kesepakatan, kelompok_terkini, tampilan_untuk
from sesi import persiapan, skor
from sesi.store import Store
from sesi.transaksi import Pelaku
from sesi.urutan import urutan_akhir


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
    def isi() -> tuple[bytes, bytes]:  # the session: its snapshot and its journal (issue 16)
        jurnal = Path(str(demo) + ".jurnal")
        return demo.read_bytes(), jurnal.read_bytes() if jurnal.exists() else b""

    before = isi()
    app = TayangApp(Store.buka(demo, pelaku=Pelaku("tayangan", "tayang")))
    async with app.run_test(size=(80, 24)) as pilot:
        assert "PERINGKAT KELOMPOK" in layar_teks(app)
        assert not lock.exists()
        other = Store.buka(demo)
        with other.transaksi() as tx:
            persiapan.atur_tahap(tx, "pendaftaran")
        after_change = isi()
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
    assert isi() == after_change != before


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


# --- issue 16: labels that fit, ASCII only, one screenful, repaint only what changed ---------------------

UKURAN = [(80, 24), (60, 20), (120, 40)]


@pytest.mark.parametrize("ukuran", UKURAN)
@pytest.mark.parametrize("ascii", [False, True])
async def test_kehadiran_label_utuh_di_setiap_ukuran(demo, ukuran, ascii):
    """The attendance labels stay whole words (no "PEREMPU" / "AN") at 80x24, 60x20 and 120x40."""
    app = TayangApp(Store.buka(demo, pelaku=Pelaku("tayangan", "tayang")), tampilan="kehadiran", ascii=ascii)
    async with app.run_test(size=ukuran) as pilot:
        await pilot.pause()
        teks = layar_teks(app)
        kata = set(re.findall(r"[A-Z]{2,}", teks))
        for label in ("HADIR", "PEREMPUAN", "RENTAN", "KELURAHAN"):
            assert label in kata, teks
            assert not any(k != label and label.startswith(k) for k in kata), teks


@pytest.mark.parametrize("tampilan", ["kehadiran", "peringkat", "kesepakatan"])
@pytest.mark.parametrize("ukuran", UKURAN)
async def test_tayang_ascii_setiap_tampilan(tmp_path, tampilan, ukuran):
    """With --ascii no view draws a character above U+007F (tables, rules, the key bar, the palette key)."""
    st = buat_skenario(str(tmp_path / "sesi.json"))
    app = TayangApp(Store.buka(st.path, pelaku=Pelaku("tayangan", "tayang")), tampilan=tampilan, ascii=True)
    async with app.run_test(size=ukuran) as pilot:
        await pilot.pause()
        teks = layar_teks(app)
        assert "Kegiatan" in teks or tampilan == "kehadiran"
        assert [c for c in teks if ord(c) > 0x7F] == [], teks


async def test_pleno2_rancangan_di_layar_sampai_disepakati(tmp_path):
    """The Pleno II view says it is a draft until Pleno II agrees, and lists the usulan in the final order."""
    from sesi import pleno

    st = buat_skenario(str(tmp_path / "sesi.json"))
    app = TayangApp(Store.buka(st.path, pelaku=Pelaku("tayangan", "tayang")), tampilan="kesepakatan")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "HASIL KESEPAKATAN" in layar_teks(app)
        with st.transaksi() as tx:
            pleno.batal_sepakat(tx, "KEL01", "Dibahas ulang")
        await app.baca_perubahan()
        await pilot.pause()
        teks = layar_teks(app)
        assert "HASIL KESEPAKATAN PLENO II (SEBAGIAN KELOMPOK)" in teks  # the other kelompok stay agreed
        assert "Rancangan urutan (belum disepakati)" in teks  # beside the kelompok no longer agreed
        for _, rows in isi_kesepakatan(st.data):
            for no, kegiatan, _, _ in rows[:2]:
                assert re.search(rf"^ +{no}  {re.escape(kegiatan[:20])}", teks, re.M), teks


def _sesi_besar(tmp_path, n: int = 120) -> tuple[Store, str]:
    from bench.data_besar import buat

    store = buat(str(tmp_path / "besar.json"), n)
    kid = max(store.data.kelompok, key=lambda k: len(store.data.usulan_kelompok(k.id))).id
    return store, kid


def _baris_no(teks: str) -> list[int]:
    """The place numbers of the ranking rows on screen."""
    return [int(m) for m in re.findall(r"^ +(\d+)  \S", teks, re.M)]


async def test_satu_layar_dan_halaman(tmp_path):
    """A long ranking shows the first screenful only (a projector is not scrolled), with its page number;
    PageDown shows the next rows, in the final order of `urutan_akhir`."""
    store, kid = _sesi_besar(tmp_path)
    urutan = urutan_akhir(store.data, kid)
    app = TayangApp(Store.buka(store.path, pelaku=Pelaku("tayangan", "tayang")), tampilan="peringkat",
                    kelompok=kid)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        teks = layar_teks(app)
        no = _baris_no(teks)
        assert no == list(range(1, len(no) + 1)) and 8 <= len(no) < 20, teks
        jumlah = -(-len(urutan) // len(no))
        assert f"halaman 1/{jumlah}" in teks
        assert urutan[0].usulan.kegiatan[:20] in teks and urutan[len(no)].usulan.kegiatan not in teks
        await pilot.press("pagedown")
        await pilot.pause()
        teks = layar_teks(app)
        assert _baris_no(teks)[0] == len(no) + 1 and f"halaman 2/{jumlah}" in teks


async def test_perubahan_hanya_kelompok_yang_dinilai_dan_muncul(tmp_path, monkeypatch):
    """A score saved elsewhere rebuilds the rows of its own kelompok only; an usulan scored to the top
    shows first on the projector."""
    import screens.tayang as tayang

    store, kid = _sesi_besar(tmp_path)
    lain = next(k.id for k in store.data.kelompok if k.id != kid)
    dihitung: list[str] = []
    asli = tayang.urutan_akhir
    monkeypatch.setattr(tayang, "urutan_akhir", lambda data, k: dihitung.append(k) or asli(data, k))
    app = TayangApp(Store.buka(store.path, pelaku=Pelaku("tayangan", "tayang")), tampilan="peringkat",
                    kelompok=kid)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert dihitung == [kid]
        with store.transaksi() as tx:
            skor.atur_skor(tx, store.data.usulan_kelompok(lain)[0].id, "K1", 1)
        await app.baca_perubahan()
        await pilot.pause()
        assert dihitung == [kid] and f"rev {store.data.revisi}" in layar_teks(app)
        terakhir = urutan_akhir(store.data, kid)[-1].usulan
        with store.transaksi() as tx:
            for k in store.data.kriteria:
                skor.atur_skor(tx, terakhir.id, k.kode, 5)
        await app.baca_perubahan()
        await pilot.pause()
        assert dihitung == [kid, kid]
        assert re.search(rf"^ +1  {re.escape(terakhir.kegiatan)}", layar_teks(app), re.M), layar_teks(app)


async def test_perubahan_beruntun_digambar_sekali(tmp_path):
    """Changes that arrive close together are drawn once (at most one repaint per JEDA_GAMBAR), and the
    last one shows within a second."""
    store, kid = _sesi_besar(tmp_path, 60)
    app = TayangApp(Store.buka(store.path, pelaku=Pelaku("tayangan", "tayang")), tampilan="peringkat",
                    kelompok=kid)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        ids = [u.id for u in store.data.usulan_kelompok(kid)]
        mulai = app.jumlah_gambar
        for i in range(5):
            with store.transaksi() as tx:
                skor.atur_skor(tx, ids[i], "K1", 1 + i % 5)
            app.post_message(BerkasBerubah(store.data, {"skor": {f"{ids[i]}|K1|"}}))
        await pilot.pause()
        assert app.jumlah_gambar - mulai <= 1
        await tunggu(pilot, lambda: f"rev {store.data.revisi}" in layar_teks(app), 1.0)
        assert app.jumlah_gambar - mulai <= 2


def test_proyektor_di_tmux_mengikuti_skor_dari_proses_lain(tmp_path, monkeypatch):
    """The projector in a real terminal (tmux, 80x24) follows scores saved by another process, each at
    its place in the final order, without a key pressed there. How soon is measured, not asserted
    (bench/README.md "Proyektor": 0.1-0.5 s)."""
    import shlex
    import shutil
    import uuid

    from test_dua_terminal_tmux import Terminal

    if shutil.which("tmux") is None:
        pytest.skip("tmux tidak terpasang")
    monkeypatch.setenv("MUSRENBANG_DATA", str(tmp_path / "data"))
    store, kid = _sesi_besar(tmp_path)
    nama = store.data.kelompok_dari_id(kid).nama
    socket = f"uji-{uuid.uuid4().hex[:8]}"
    try:
        layar = Terminal(socket, "tayang", f"tayang {store.path} --kelompok {shlex.quote(nama)} --tampilan peringkat")
        layar.tunggu("PERINGKAT KELOMPOK")
        for i in range(3):
            u = urutan_akhir(store.data, kid)[-1 - i].usulan
            with store.transaksi() as tx:
                for k in store.data.kriteria:
                    skor.atur_skor(tx, u.id, k.kode, 5)
            tempat = next(t.peringkat_akhir for t in urutan_akhir(store.data, kid) if t.usulan.id == u.id)
            rev = store.data.revisi
            layar.tunggu(lambda isi: f"rev {rev} " in isi and re.search(
                rf"^ +{tempat}  {re.escape(u.kegiatan)}", isi, re.M) is not None)
    finally:
        subprocess.run(["tmux", "-L", socket, "kill-server"], capture_output=True)


async def test_ukuran_berubah_daftar_mengikuti(tmp_path):
    """When the terminal is resized the list is laid out again for the new size (more or fewer rows)."""
    store, kid = _sesi_besar(tmp_path)
    app = TayangApp(Store.buka(store.path, pelaku=Pelaku("tayangan", "tayang")), tampilan="peringkat",
                    kelompok=kid)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        n80 = len(_baris_no(layar_teks(app)))
        for ukuran in [(60, 20), (120, 40), (80, 24)]:
            await pilot.resize_terminal(*ukuran)

            def pas_ukuran() -> bool:
                n = len(_baris_no(layar_teks(app)))
                return (n < n80) if ukuran[1] < 24 else (n > n80) if ukuran[1] > 24 else n == n80

            await tunggu(pilot, pas_ukuran, apa=f"daftar untuk {ukuran}")
            teks = layar_teks(app)
            no = _baris_no(teks)
            assert no == list(range(1, len(no) + 1)) and "PERINGKAT KELOMPOK" in teks


async def test_kelompok_diikuti_ditahan_lalu_berganti(demo):
    """Following the kelompok scored last, the projector holds the one it shows for TAHAN_KELOMPOK
    seconds, then shows the kelompok scored since, without another change."""
    store = Store.buka(demo)
    app = TayangApp(Store.buka(demo, pelaku=Pelaku("tayangan", "tayang")))
    app.TAHAN_KELOMPOK = 1.0
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        awal = store.data.kelompok_dari_id(kelompok_terkini(store.data))
        lain = next(k for k in store.data.kelompok if k.id != awal.id and store.data.usulan_kelompok(k.id))
        assert awal.nama in layar_teks(app)
        with store.transaksi() as tx:
            skor.atur_skor(tx, store.data.usulan_kelompok(lain.id)[0].id, "K1", 3)
        await app.baca_perubahan()
        await pilot.pause()
        teks = layar_teks(app)
        assert awal.nama in teks and lain.nama not in teks and f"rev {store.data.revisi}" in teks
        await tunggu(pilot, lambda: lain.nama in layar_teks(app), apa=lain.nama)


async def test_pleno2_judul_per_kelompok(demo):
    """The tester's case: 3 usulan of Kelompok I verified and Kelompok I agreed, Kelompok II not: the projector's Pleno II view
    (key 3) no longer calls everything a draft; it says which kelompok are agreed and which are drafts.
    With every kelompok agreed the title is "Hasil kesepakatan Pleno II"."""
    from sesi import pleno, verifikasi

    kel = [k.id for k in Store.buka(demo).data.kelompok]
    with Store.buka(demo).transaksi() as tx:
        for t in urutan_akhir(tx.data, kel[0])[:3]:
            verifikasi.verifikasi(tx, t.usulan.id, "sesuai")
        pleno.sepakati_kelompok(tx, kel[0])
    app = TayangApp(Store.buka(demo, pelaku=Pelaku("tayangan", "tayang")))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        await tunggu(pilot, lambda: "HASIL KESEPAKATAN PLENO II (SEBAGIAN KELOMPOK)" in layar_teks(app))
        teks = layar_teks(app)
        assert "RANCANGAN URUTAN (BELUM DISEPAKATI)" not in teks
        assert "Kelompok I Infrastruktur: Hasil kesepakatan Pleno II" in teks
        assert "Kelompok II Ekonomi: Rancangan urutan (belum disepakati)" in teks
        with Store.buka(demo).transaksi() as tx:
            for kid in kel[1:]:
                if urutan_akhir(tx.data, kid):
                    pleno.sepakati_kelompok(tx, kid)
        await app.baca_perubahan()
        await tunggu(pilot, lambda: "HASIL KESEPAKATAN PLENO II\n" in layar_teks(app) + "\n"
                     or "HASIL KESEPAKATAN PLENO II" in layar_teks(app).split("\n")[1])
        assert "rancangan urutan" not in layar_teks(app).lower()
