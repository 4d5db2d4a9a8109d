"""The app shell and the Pendaftaran screen, driven by keyboard through Textual's Pilot."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path

from layar import layar_teks
from musrenbang_tui.app import MusrenbangApp, jalankan, mouse_bawaan
from screens.widgets import AgendaBar, KonfirmasiDialog, StatusBar
from sesi import pendaftaran
from sesi.store import Store
from sesi.transaksi import Pelaku

ROOT = Path(__file__).resolve().parent.parent
JAM = datetime(2027, 2, 9, 10, 0, 0)


def buka(path: Path, layar: str = "pendaftaran", **kw) -> MusrenbangApp:
    store = Store.buka(path, pelaku=Pelaku("uji", kw.pop("peran", "operator")), clock=lambda: JAM)
    return MusrenbangApp(store, layar=layar, **kw)


async def test_pindah_layar_dengan_tombol(demo):
    """F-keys, Ctrl+N/Ctrl+B and the Ctrl+G menu move between agenda stages; the agenda bar follows."""
    app = buka(demo, "pendaftaran")
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.current_mode == "pendaftaran"
        await pilot.press("ctrl+n")
        assert app.current_mode == "pleno1"
        await pilot.press("ctrl+b", "ctrl+b")
        assert app.current_mode == "persiapan"
        await pilot.press("f6")
        assert app.current_mode == "skoring"
        assert app.screen.query_one(AgendaBar).current == "skoring"
        await pilot.press("ctrl+g")
        await pilot.press(*"pleno ii", "enter")
        await pilot.pause()
        assert app.current_mode == "pleno2"


async def test_bantuan_mencantumkan_semua_tombol(demo):
    """F1 lists the screen's own keys and the app's keys in Indonesian; Q closes it."""
    app = buka(demo)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        text = layar_teks(app)
        assert "Bantuan: Pendaftaran" in text
        daftar = {desc for _, keys in app.screen.kelompok for _, desc, *_ in keys}
        for kata in ("Peserta baru", "Urung", "Ubah peserta", "Keluar", "Perintah", "Layar Skoring"):
            assert kata in daftar
        assert "Peserta baru" in text
        await pilot.press("q")
        assert app.screen.__class__.__name__ == "PendaftaranScreen"


async def test_palet_perintah_menjangkau_tindakan_layar(demo):
    """The command palette offers every stage and every action of the current screen."""
    app = buka(demo)
    async with app.run_test(size=(80, 24)):
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Layar Skoring" in titles
        assert "Peserta baru" in titles
        assert "Keluar" in titles
        assert all(t.isascii() for t in titles)


async def test_tetapkan_tahap_sesi(demo):
    """Ctrl+T records the screen's stage as the session's stage (what the projector follows), after a
    question: N leaves the stage as it was."""
    app = buka(demo, "pleno1")
    async with app.run_test(size=(80, 24)) as pilot:
        tahap = Store.buka(demo).data.info.tahap
        await pilot.press("ctrl+t")
        assert isinstance(app.screen, KonfirmasiDialog)
        await pilot.press("n")
        assert Store.buka(demo).data.info.tahap == tahap
        await pilot.press("ctrl+t", "y")
        assert Store.buka(demo).data.info.tahap == "pleno1"
        assert "Tersimpan" in app.screen.query_one(StatusBar).pesan.plain


async def test_cek_in_dengan_beberapa_huruf(demo):
    """A few letters + Enter checks the person in with the time, saved, and clears the search box."""
    store = Store.buka(demo)
    belum = [p for p in store.data.peserta.values() if not p.hadir]
    target = belum[0]
    app = buka(demo)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*target.nama.split()[0].lower())
        await pilot.press("enter")
        await pilot.pause()
        p = Store.buka(demo).data.peserta[target.id]
        assert p.hadir and p.waktu_hadir == "2027-02-09T10:00:00"
        status = app.screen.query_one(StatusBar).pesan.plain
        assert target.nama in status and "Tersimpan" in status
        assert app.screen.query_one("#cari").value == ""
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert not Store.buka(demo).data.peserta[target.id].hadir


async def test_peserta_datang_langsung(demo):
    """Ctrl+O opens a short form prefilled with the typed name; Ctrl+S adds the person as present."""
    app = buka(demo)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*"Yanto Wijaya")
        await pilot.press("ctrl+o")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        data = Store.buka(demo).data
        baru = [p for p in data.peserta.values() if p.nama == "Yanto Wijaya"]
        assert len(baru) == 1 and baru[0].hadir and baru[0].unsur == "delegasi"


async def test_form_menolak_dan_menjaga_isian(demo):
    """A refused walk-in (no name) keeps the dialog open with a message; nothing is saved."""
    before = demo.read_bytes()
    app = buka(demo)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+o")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "FormDialog"
        assert "wajib" in str(app.screen.query_one("#galat").render())
        await pilot.press("f10")
        assert app.screen.__class__.__name__ == "PendaftaranScreen"
    assert demo.read_bytes() == before


async def test_markup_pada_nama_tampil_apa_adanya(demo):
    """Names with Rich markup and control characters are shown literally and do not crash the screen."""
    store = Store.buka(demo)
    with store.transaksi() as tx:
        pid = pendaftaran.tambah_peserta(tx, nama="[bold]Budi[/] [link=http://x]klik", unsur="lainnya", hadir=True)
        # The actions refuse a name with a control character; an older or hand-edited file may still hold one.
        tx.put("peserta", pid, dict(tx.get("peserta", pid), nama="[bold]Budi[/] [link=http://x]klik\x1b[31m"))
    app = buka(demo)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*"budi")
        await pilot.pause()
        text = layar_teks(app)
        assert "[bold]Budi[/]" in text
        assert "\x1b" not in text


async def test_perubahan_terminal_lain_tidak_mengganggu_ketikan(demo):
    """A check-in saved by another terminal appears after the poll; the search text being typed is kept."""
    app = buka(demo)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*"zz")
        lain = Store.buka(demo, pelaku=Pelaku("notulen2", "notulen"))
        target = next(p for p in lain.data.peserta.values() if not p.hadir)
        with lain.transaksi() as tx:
            pendaftaran.hadir(tx, target.id)
        await app.baca_perubahan()
        await pilot.pause()
        assert app.data.peserta[target.id].hadir
        assert app.screen.query_one("#cari").value == "zz"
        status = app.screen.query_one(StatusBar).pesan.plain
        assert f"notulen2 (Notulen): hadir {target.nama} tidak › ya" in status  # the name, not the id


async def test_peran_tayang_tidak_dapat_mengubah(demo):
    """A read-only (tayang) terminal gets a clear message instead of a change."""
    app = buka(demo, peran="tayang")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+t", "y")
        bar = app.screen.query_one(StatusBar)
        assert bar.has_class("-galat") and "tayangan" in bar.pesan.plain.lower()


def test_berkas_rusak_ditolak_sebelum_layar(tmp_path, capsys):
    """A damaged store gives a clear message and exit 1 before any screen, and is left as it was."""
    path = tmp_path / "rusak.json"
    path.write_text('{"_meta": {"format": "musrenbang-tui", "skema": 1, "revisi": 3}, "sesi": ')
    before = path.read_bytes()
    assert jalankan(str(path)) == 1
    assert "rusak" in capsys.readouterr().err
    assert path.read_bytes() == before


def test_skema_lebih_baru_ditolak(tmp_path, capsys):
    """A store written by a newer version is refused with a message naming the schema."""
    path = tmp_path / "baru.json"
    path.write_text(json.dumps({"_meta": {"format": "musrenbang-tui", "skema": 99, "revisi": 1}}))
    assert jalankan(str(path)) == 1
    assert "skema 99" in capsys.readouterr().err


def test_tetikus_mati_lewat_ssh(monkeypatch):
    """Mouse tracking is off over SSH unless --mouse is given."""
    monkeypatch.setenv("SSH_CONNECTION", "10.0.0.2 5000 10.0.0.1 22")
    assert mouse_bawaan(False) is False
    assert mouse_bawaan(True) is True
    monkeypatch.delenv("SSH_CONNECTION")
    assert mouse_bawaan(False) is True


def test_galat_tak_terduga_keluar_bukan_nol_dan_dicatat(tmp_path, demo):
    """An unexpected error stops the app with exit code 3, a log file with the traceback, and an intact store."""
    before = demo.read_bytes()
    script = f"""
import sys
from musrenbang_tui import app as appmod
from screens.pendaftaran import PendaftaranScreen
def rusak(self, data, perubahan):
    raise RuntimeError("uji-galat-sengaja")
PendaftaranScreen.segarkan = rusak
from sesi.store import Store
a = appmod.MusrenbangApp(Store.buka({str(demo)!r}), layar="pendaftaran")
print("KODE", appmod.jalankan_app(a, headless=True, size=(80, 24)))
"""
    env = dict(os.environ, MUSRENBANG_DATA=str(tmp_path / "data"), XDG_STATE_HOME=str(tmp_path / "state"))
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True,
                         timeout=60)
    assert "KODE 3" in out.stdout
    assert "kesalahan tak terduga" in out.stderr and "Traceback" not in out.stderr
    log = out.stderr.split("Rincian kesalahan: ")[1].strip()
    assert Path(log).is_relative_to(tmp_path / "state")
    assert "uji-galat-sengaja" in Path(log).read_text()
    assert demo.read_bytes() == before


async def test_riwayat_disaring_per_orang_dan_usulan(demo):
    """Ctrl+R shows the history newest first; typing filters by person or usulan; Esc/F10 closes it."""
    app = buka(demo)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*"rina", "enter")
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "RiwayatScreen"
        tabel = app.screen.query_one("#daftar")
        first = tabel.get_row_at(0)
        assert first[1].plain == "uji" and first[3].plain == "hadir"
        await pilot.press(*"u001")
        await pilot.pause()
        rows = [tabel.get_row_at(i) for i in range(tabel.row_count)]
        assert rows and all("U001" in r[4].plain for r in rows)
        await pilot.press("f10")
        assert app.screen.__class__.__name__ == "PendaftaranScreen"


async def test_dua_terminal_pada_satu_berkas(demo):
    """Two app instances on one file: a check-in in one reaches the other within a poll, cursor kept."""
    app1 = buka(demo)
    store2 = Store.buka(demo, pelaku=Pelaku("fasilitator2", "operator"), clock=lambda: JAM)
    app2 = MusrenbangApp(store2, layar="pendaftaran")
    async with app1.run_test(size=(80, 24)) as p1, app2.run_test(size=(80, 24)) as p2:
        tabel2 = app2.screen.query_one("#hasil")
        await p2.press("down", "down", "down")
        kursor = tabel2.cursor_row
        target = next(p for p in app1.data.peserta.values() if not p.hadir)
        await p1.press(*target.nama.lower())
        await p1.press("enter")
        await p1.pause()
        assert app1.data.peserta[target.id].hadir
        await p2.pause(app2.POLL_DETIK + 0.3)
        assert app2.data.peserta[target.id].hadir
        assert tabel2.cursor_row == kursor
        assert "uji (Operator): hadir" in app2.screen.query_one(StatusBar).pesan.plain


async def test_disk_penuh_menjaga_isian(demo, monkeypatch):
    """With the disk full, saving a walk-in says so, keeps the dialog and what was typed, and changes
    nothing on disk; once space is back the same form saves."""
    import errno

    from sesi import berkas as berkas_mod

    before = demo.read_bytes()
    app = buka(demo)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*"Yanto Wijaya", "ctrl+o")
        await pilot.pause()

        def penuh(fd, data):
            raise OSError(errno.ENOSPC, "No space left on device")
        monkeypatch.setattr(berkas_mod.io, "write", penuh)
        monkeypatch.setattr(berkas_mod.io_jurnal, "write", penuh)  # a save is a journal line (issue 16)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "FormDialog"
        assert "Disk penuh" in str(app.screen.query_one("#galat").render())
        assert app.screen.query_one("#f-nama").value == "Yanto Wijaya"
        assert demo.read_bytes() == before
        monkeypatch.undo()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "PendaftaranScreen"
    assert any(p.nama == "Yanto Wijaya" for p in Store.buka(demo).data.peserta.values())


def test_hemat_memilih_16_warna_dan_20_gambar(monkeypatch):
    """`buka --hemat` (slow links) sets 16 colours and at most 20 frames a second for Textual before the app
    starts; without it neither is set."""
    from musrenbang_tui import app as appmod, cli

    dilihat = []
    monkeypatch.setattr(appmod, "jalankan", lambda *a, **kw: dilihat.append(
        (os.environ.get("TEXTUAL_COLOR_SYSTEM"), os.environ.get("TEXTUAL_FPS"))) or 0)
    monkeypatch.delenv("TEXTUAL_COLOR_SYSTEM", raising=False)
    monkeypatch.delenv("TEXTUAL_FPS", raising=False)
    assert cli.main(["buka", "sesi.json"]) == 0
    assert cli.main(["buka", "sesi.json", "--hemat"]) == 0
    assert dilihat == [(None, None), ("standard", "20")]
