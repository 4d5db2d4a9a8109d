"""The Berita Acara screen: preview, export as the CLI does, and signing by the pimpinan only."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from layar import buka_app, layar_teks
from musrenbang_tui.app import MusrenbangApp
from screens.widgets import StatusBar
from sesi import berita_acara
from sesi.store import Store
from sesi.transaksi import Pelaku

JAM = datetime(2027, 2, 9, 15, 0, 0)


def buka(path: Path, peran: str = "operator", layar: str = "berita_acara", **kw) -> MusrenbangApp:
    return MusrenbangApp(Store.buka(path, pelaku=Pelaku("uji", peran), clock=lambda: JAM), layar=layar, **kw)


async def tunggu_dokumen(app, pilot) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_pratinjau_rancangan(demo):
    """The preview shows the draft document built from the session, marked RANCANGAN."""
    app = buka(demo)
    async with app.run_test(size=(80, 24)) as pilot:
        await tunggu_dokumen(app, pilot)
        text = layar_teks(app)
        assert "RANCANGAN" in text
        assert "KECAMATAN BANJARMASIN UTARA" in text


async def test_ekspor_sama_dengan_cli(demo, tmp_path):
    """M and X save the same bytes the CLI exports, to the path typed in the dialog."""
    app = buka(demo)
    target = tmp_path / "ba.md"
    async with app.run_test(size=(80, 24)) as pilot:
        await tunggu_dokumen(app, pilot)
        await pilot.press("m")
        await pilot.pause()
        field = app.screen.query_one("#f-berkas")
        field.value = str(target)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "disimpan" in app.screen.query_one(StatusBar).pesan.plain
    assert target.read_text(encoding="utf-8") == berita_acara.berita_acara(Store.buka(demo).data, "md")


async def test_simpan_word_sama_dengan_cli(demo, tmp_path):
    """W saves the Word file (F4) the CLI exports with --format docx, byte for byte."""
    app = buka(demo)
    target = tmp_path / "ba.docx"
    async with app.run_test(size=(80, 24)) as pilot:
        await tunggu_dokumen(app, pilot)
        await pilot.press("w")
        await pilot.pause()
        assert "Word" in layar_teks(app)
        app.screen.query_one("#f-berkas").value = str(target)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "disimpan" in app.screen.query_one(StatusBar).pesan.plain
    assert target.read_bytes() == berita_acara.ke_berkas(Store.buka(demo).data, "docx")


async def test_hanya_pimpinan_mengesahkan(demo):
    """An operator cannot sign (clear message, nothing changes); on the demo, which is far from complete, A
    lists what is open and Esc signs nothing; A with a reason signs it anyway, the reason in the document."""
    before = demo.read_bytes()
    app = buka(demo, "operator")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a")
        bar = app.screen.query_one(StatusBar)
        assert bar.has_class("-galat") and "pimpinan" in bar.pesan.plain
    assert demo.read_bytes() == before

    app = buka(demo, "pimpinan")
    async with app.run_test(size=(80, 24)) as pilot:
        await tunggu_dokumen(app, pilot)
        await pilot.press("a")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "AlasanDialog"
        assert "belum dapat disahkan; masih terbuka:" in layar_teks(app)
        assert "usulan belum diverifikasi" in layar_teks(app)
        await pilot.press("escape")
        await pilot.pause()
        assert demo.read_bytes() == before
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*"Dilanjutkan minggu depan")
        await pilot.press("ctrl+s")
        await tunggu_dokumen(app, pilot)
        assert Store.buka(demo).data.info.terkunci
        assert "DISAHKAN" in layar_teks(app)
        ba = berita_acara.berita_acara(Store.buka(demo).data, "txt")
        assert "dengan alasan pimpinan sidang: Dilanjutkan minggu depan." in " ".join(ba.split())
        # the lock refuses any change, with a message in the status line
        await pilot.press("ctrl+t")
        bar = app.screen.query_one(StatusBar)
        assert bar.has_class("-galat") and "disahkan" in bar.pesan.plain.lower()
        # reopening needs a reason
        await pilot.press("o")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "AlasanDialog"
        await pilot.press(*"ada salah ketik nilai")
        await pilot.press("ctrl+s")
        await pilot.pause()
    data = Store.buka(demo).data
    assert not data.info.terkunci
    assert data.info.versi_sah[-1]["alasan"] == "ada salah ketik nilai"


def test_snapshot_berita_acara(demo, snap_compare):
    """The Berita Acara preview at 80x24."""
    async def siap(pilot):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
    assert snap_compare(buka_app(demo, "berita_acara", jam=JAM), terminal_size=(80, 24), run_before=siap)


def test_snapshot_pendaftaran(demo, snap_compare):
    """The Pendaftaran screen at 80x24 with a few letters typed."""
    assert snap_compare(buka_app(demo, "pendaftaran", jam=JAM), terminal_size=(80, 24), press=list("rah"))


def test_snapshot_pendaftaran_ascii(demo, snap_compare):
    """The Pendaftaran screen in the ASCII-safe look."""
    assert snap_compare(buka_app(demo, "pendaftaran", jam=JAM, ascii=True), terminal_size=(80, 24))


async def test_simpan_menanya_sebelum_menimpa(demo, tmp_path):
    """Saving over an existing file asks first: N leaves the file as it was (the form stays open), Ganti
    (Y) writes it. The Word dialog says "Word, kertas F4" (F4 is the paper, not a key)."""
    from screens.widgets import FormDialog, KonfirmasiDialog

    app = buka(demo)
    target = tmp_path / "ba.md"
    target.write_text("lama", encoding="utf-8")
    async with app.run_test(size=(80, 24)) as pilot:
        await tunggu_dokumen(app, pilot)
        await pilot.press("w")
        await pilot.pause()
        assert app.screen.judul == "Simpan berita acara sebagai Word, kertas F4"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        app.screen.query_one("#f-berkas").value = str(target)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, KonfirmasiDialog) and "sudah ada" in app.screen.pertanyaan
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        assert target.read_text(encoding="utf-8") == "lama"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert not isinstance(app.screen, (FormDialog, KonfirmasiDialog))
        assert "disimpan" in app.screen.query_one(StatusBar).pesan.plain
    assert target.read_text(encoding="utf-8") == berita_acara.berita_acara(Store.buka(demo).data, "md")


def test_bantuan_menyebut_semua_lampiran():
    """F1 names the lampiran the document has (I to the last of sesi.berita_acara.lampiran.LAMPIRAN)."""
    from screens.berita_acara import BeritaAcaraScreen
    from sesi.berita_acara.lampiran import LAMPIRAN
    from sesi.terbilang import romawi

    assert f"lampiran I-{romawi(len(LAMPIRAN))}." in BeritaAcaraScreen.BANTUAN


async def test_sahkan_dan_buka_kembali_hanya_saat_berlaku(demo):
    """Unsigned: Ctrl+P, F1 and the Footer offer Sahkan, not Buka kembali; signed: the other way round."""
    from screens.tombol import perintah_aktif

    def tawaran(app) -> set[str]:
        return {p.binding.description for p in perintah_aktif(app.screen)}

    app = buka(demo, "pimpinan")
    async with app.run_test(size=(80, 24)) as pilot:
        await tunggu_dokumen(app, pilot)
        assert "Sahkan" in tawaran(app) and "Buka kembali pengesahan" not in tawaran(app)
        assert "a Sahkan" in layar_teks(app).splitlines()[-1]
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*"Dilanjutkan minggu depan", "ctrl+s")
        await tunggu_dokumen(app, pilot)
        assert Store.buka(demo).data.info.terkunci
        assert "Buka kembali pengesahan" in tawaran(app) and "Sahkan" not in tawaran(app)
        assert "a Sahkan" not in layar_teks(app).splitlines()[-1]
