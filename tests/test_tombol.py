"""Keys declared once: help (F1) and the palette list the active bindings; a user keymap file remaps them."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from musrenbang_tui.app import MusrenbangApp
from musrenbang_tui.tombol import baca_tombol, berkas_tombol
from screens.tombol import nama_tombol, perintah_aktif
from screens.widgets import FormDialog
from tests.layar import baris_layar, layar_teks, tunggu
from sesi.store import Pelaku, Store

ROOT = Path(__file__).resolve().parent.parent


def buka(path: Path, layar: str = "pendaftaran") -> MusrenbangApp:
    return MusrenbangApp(Store.buka(path, pelaku=Pelaku("uji", "operator")), layar=layar)


def tulis_tombol(tmp_path: Path, monkeypatch, isi: str) -> Path:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    path = berkas_tombol()
    path.parent.mkdir(parents=True)
    path.write_text(isi, encoding="utf-8")
    return path


def test_nama_tombol_ditulis_satu_cara():
    """Help names keys one way: F-keys upper case, modifiers capitalised, symbols as typed."""
    assert [nama_tombol(k) for k in ("f9", "ctrl+n", "question_mark", "right_square_bracket", "escape", "K",
                                     "shift+tab", "delete")] == ["F9", "Ctrl+N", "?", "]", "Esc", "K",
                                                                 "Shift+Tab", "Del"]


async def test_bantuan_dari_tombol_aktif(demo):
    """F1 lists the keys that work now, each action once with all its keys, named one way."""
    app = buka(demo)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        baris = {desc: key for _, keys in app.screen.kelompok for key, desc, *_ in keys}
        assert baris["Bantuan"] == "F1"  # "?" is typed into the search box here
        assert baris["Riwayat perubahan"] == "Ctrl+R"
        assert baris["Peringatan"] == "F9"
        assert baris["Peserta baru"] == "Ctrl+O"
        await pilot.press("escape", "f6", "f1")
        await pilot.pause()
        baris = {desc: key for _, keys in app.screen.kelompok for key, desc, *_ in keys}
        assert baris["Bantuan"] == "F1, ?"
        assert baris["Urung"] == "u, Ctrl+Z"
        assert baris["Kelompok berikut"] == "]"


async def test_tindakan_yang_tidak_berlaku_tidak_ditawarkan(demo):
    """An action its screen's check_action disables is in neither help nor the palette."""
    app = buka(demo, "kelompok")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert not any(k.virtual for k in app.data.kelompok)
        judul = [p.judul for p in perintah_aktif(app.screen)]
        assert "Pilih kelompok" in judul
        assert "Bentuk kelompok per bidang" not in judul
        assert "Bentuk kelompok per bidang" not in [c.title for c in app.get_system_commands(app.screen)]


async def test_berkas_tombol_mengganti_tombol(demo, tmp_path, monkeypatch):
    """A binding id remapped in tombol.toml runs on the new key; help and the palette show the new key."""
    tulis_tombol(tmp_path, monkeypatch, '[tombol]\n"app.riwayat" = "ctrl+h"\n')
    app = buka(demo)
    async with app.run_test(size=(80, 24)) as pilot:
        palet = {c.title: c.help for c in app.get_system_commands(app.screen)}
        assert "Ctrl+H" in palet["Riwayat perubahan"]
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "PendaftaranScreen"
        await pilot.press("ctrl+h")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "RiwayatScreen"


async def test_berkas_tombol_rusak_memakai_bawaan(demo, tmp_path, monkeypatch):
    """A malformed keymap file is reported in Indonesian; the app opens with the default keys."""
    tulis_tombol(tmp_path, monkeypatch, '[tombol]\n"app.riwayat" = ctrl+h\n')
    keymap, pesan = baca_tombol()
    assert keymap == {} and "baris 2" in pesan and "tombol bawaan dipakai" in pesan
    app = buka(demo)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "RiwayatScreen"


async def test_berkas_tombol_mengganti_tombol_bagian(demo, tmp_path, monkeypatch):
    """A part's binding (a Kelompok table's) is remapped by its id like any other."""
    tulis_tombol(tmp_path, monkeypatch, '[tombol]\n"kelompok.verifikasi.sesuai" = "v"\n')
    app = buka(demo, "kelompok")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        perintah = {p.judul: p for p in perintah_aktif(app.screen)}
        assert perintah["Sesuai"].tombol == "v"
        uid = app.data.usulan_kelompok("KEL01")[0].id
        await pilot.press("s")
        await pilot.pause()
        assert app.data.usulan[uid].status == "baru"
        await pilot.press("v")
        await pilot.pause()
        assert app.data.usulan[uid].status == "sesuai"


def test_nilai_tombol_yang_salah_ditolak_sendiri(tmp_path, monkeypatch):
    """One unusable entry is named and left at its default; the other entries apply."""
    tulis_tombol(tmp_path, monkeypatch, '[tombol]\n"app.riwayat" = "ctrl+h"\n"app.peringatan" = 5\n'
                                        '"skoring.urungkan" = ["u", "ctrl+z"]\n')
    keymap, pesan = baca_tombol()
    assert keymap == {"app.riwayat": "ctrl+h", "skoring.urungkan": "u,ctrl+z"}
    assert "app.peringatan" in pesan
    tulis_tombol(tmp_path / "lain", monkeypatch, '"app.riwayat" = "ctrl+h"\n')
    assert baca_tombol() == ({}, baca_tombol()[1]) and "[tombol]" in baca_tombol()[1]


def test_perintah_tombol_mencetak_id(tmp_path, monkeypatch):
    """`musrenbang tombol` lists every binding id with its key and description, and the user's changes."""
    tulis_tombol(tmp_path, monkeypatch, '[tombol]\n"app.riwayat" = "ctrl+h"\n"tidak.ada" = "f5"\n')
    out = subprocess.run([sys.executable, "-m", "musrenbang_tui", "tombol"], cwd=ROOT, capture_output=True,
                         text=True, timeout=60)
    assert out.returncode == 0
    baris = {b.split()[0]: b for b in out.stdout.splitlines() if b.strip()}
    assert "Ctrl+H (diubah)" in baris["app.riwayat"] and "Riwayat perubahan" in baris["app.riwayat"]
    assert "F1" in baris["app.bantuan"]
    assert "skoring.urungkan" in baris and "berita_acara.sahkan" in baris
    # the parts' bindings too (Kelompok's tables, Persiapan's dialog), and the screens' own
    for i in ("kelompok.anggota.tambah", "kelompok.pemilihan.aklamasi", "kelompok.verifikasi.sesuai",
              "persiapan.centang", "persiapan.kriteria_baku", "pleno2.tanggapan"):
        assert i in baris
    assert "tidak.ada" in out.stdout  # named as unknown


async def test_tombol_yang_dipindah_tampil_di_petunjuk_dan_menu(demo, tmp_path, monkeypatch):
    """Prose names keys from the bindings: a key remapped in tombol.toml shows its new name in a part's hint
    line, a part's summary, a menu and the help prose, and the old name is gone."""
    tulis_tombol(tmp_path, monkeypatch, '[tombol]\n"persiapan.tambah" = "ctrl+k"\n"persiapan.impor.jalan" = "f5"\n'
                                        '"kelompok.anggota.tambah" = "n"\n"kelompok.verifikasi.sesuai" = "v"\n'
                                        '"app.fokus_sebelum" = "f12"\n')
    app = buka(demo, "persiapan")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        teks = layar_teks(app)
        assert "Ctrl+K tambah (pilih daftarnya)" in teks and "Ctrl+O tambah" not in teks
        await pilot.press("6")
        await pilot.pause()
        teks = layar_teks(app)
        assert "Impor (F5)" in teks and "F5: impor" in teks and "Ctrl+S" not in teks
        app.screen.set_focus(None)
        await pilot.press("f1")
        await pilot.pause()
        assert "lewat F12 ke deretan judul" in app.screen.uraian and "Shift+Tab" not in app.screen.uraian
    app = buka(demo, "kelompok")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1")
        await pilot.pause()
        assert "n tambah" in layar_teks(app) and "t tambah" not in layar_teks(app)
        await pilot.press("3", "enter")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "PilihDialog"
        assert ("Sesuai (v)", "sesuai") in app.screen.pilihan


async def test_bantuan_memuat_tooltip_dan_muat_di_layar_kecil(demo):
    """F1 shows each active binding's tooltip under its description (inactive ones left out), and at 60x20
    as at 80x24 the help fits the terminal and scrolls to its last line."""
    for ukuran in ((80, 24), (60, 20)):
        app = buka(demo, "persiapan")
        async with app.run_test(size=ukuran) as pilot:
            await pilot.press("1")
            await pilot.pause()
            app.screen.set_focus(None)
            await pilot.press("f1")
            await pilot.pause()
            baris = {d: t for _, keys in app.screen.kelompok for _, d, *t in keys}
            assert baris["Pasang kriteria baku"] == ["Lima kriteria baku; hanya sebelum ada nilai skor; ditanyakan "
                                                     "dahulu"]
            assert "Tambah" not in baris  # part 1 (Sesi) adds nothing: check_action hides it
            teks = layar_teks(app)
            assert "Esc/F10/q/F1: tutup" in teks.splitlines()[-2]  # the closing line stays on screen
            gulir = app.screen.query_one("#gulir")
            assert gulir.max_scroll_y > 0
            for _ in range(60):
                await pilot.press("pagedown")
            await pilot.pause()
            assert "Lima kriteria baku" in layar_teks(app) or gulir.scroll_y == gulir.max_scroll_y
            assert all(len(b) <= ukuran[0] for b in layar_teks(app).splitlines())


async def test_tombol_yang_dipindah_tampil_di_pleno_ba_persiapan_dan_dialog(demo, tmp_path, monkeypatch):
    """Pleno I, Pleno II, the berita acara, Persiapan's Sesi part and the dialogs' buttons name their keys from
    the bindings: keys remapped in tombol.toml show their new names there, and the old names are gone."""
    tulis_tombol(tmp_path, monkeypatch, '[tombol]\n"pleno1.ke_daftar" = "ctrl+k"\n"pleno1.tambah_sambutan" = "z"\n'
                                        '"pleno1.hapus_catatan" = "ctrl+d"\n"pleno2.sepakati" = "z"\n'
                                        '"pleno2.hapus" = "backspace"\n"pleno2.tanggapan" = "o"\n'
                                        '"berita_acara.sahkan" = "z"\n"persiapan.peran_akun" = "z"\n'
                                        '"dialog.batal" = "f10"\n"dialog.simpan" = "ctrl+k"\n')
    app = buka(demo, "pleno1")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        teks = layar_teks(app)
        assert "Ctrl+K: z/n tambah" in teks and "Ctrl+F" not in teks and "S/N" not in teks
        assert "Ctrl+D hapus" in teks and "Ctrl+L" not in teks
        await pilot.press("f7")  # Pleno II, part 1
        await tunggu(pilot, lambda: app.current_mode == "pleno2")
        teks = layar_teks(app)
        assert "z sepakati" in teks and "S sepakati" not in teks and "s sepakati" not in teks
        await pilot.press("2")
        await pilot.pause()
        teks = layar_teks(app)
        assert "o catat" in teks and "Backspace hapus" in teks and "C catat" not in teks and "Del hapus" not in teks
        await pilot.press("f8")
        await tunggu(pilot, lambda: app.current_mode == "berita_acara")
        await app.workers.wait_for_complete()
        await pilot.pause()
        teks = layar_teks(app)
        assert "sebelum pengesahan (z)" in teks and "(A)" not in teks and "(a)" not in teks
        await pilot.press("f2", "1")
        await tunggu(pilot, lambda: app.current_mode == "persiapan")
        await pilot.pause()
        teks = layar_teks(app)
        assert "tombol z" in teks and "tombol A" not in teks and "tombol a " not in teks  # the row is cut after the key
        await pilot.press("ctrl+e")
        await tunggu(pilot, lambda: isinstance(app.screen, FormDialog))
        teks = layar_teks(app)
        assert "(Ctrl+K)" in teks and "Batal (F10)" in teks and "Ctrl+S" not in teks and "Esc/F10" not in teks


async def test_tayang_menulis_tombol_seperti_aplikasi(demo):
    """The projector's Footer names keys the app's way ("Ctrl+P"), never Textual's "^p"."""
    from screens.tayang import TayangApp

    app = TayangApp(Store.buka(demo, pelaku=Pelaku("uji", "operator")))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        kaki = baris_layar(app)[-1]
        assert "q Keluar" in kaki and "Ctrl+P Perintah" in kaki and "^" not in kaki


#: Key names written another way than the Footer writes them (Textual's "^q", "ctrl+n", "Delete", "Escape").
EJAAN_LAIN = re.compile(r"\^[a-z]\b|\b(ctrl|shift|alt)\+|\b(CTRL|Control|Delete|Escape|PageUp|PageDown|Return)\b"
                        r"|\((Y|N|S|B|A|O)\)")


async def test_tidak_ada_nama_tombol_ejaan_lain(demo):
    """Every screen, each part of the screens made of parts, help and the main dialogs write each key the one
    way the Footer does ("Ctrl+N", "F9", "Del", "s"): none names a key in a second spelling."""
    from tests.test_layar_semua import jelajah

    app = buka(demo, "persiapan")
    async with app.run_test(size=(120, 40)) as pilot:
        salah: dict[str, list[str]] = {}

        def periksa(nama: str) -> None:
            temuan = sorted({m.group(0) for b in baris_layar(app) for m in EJAAN_LAIN.finditer(b)})
            if temuan:
                salah[nama] = temuan

        async for nama, baris in jelajah(app, pilot):
            periksa(nama)
        for layar, bagian in (("f2", "123456"), ("f5", "123"), ("f7", "1234")):
            await pilot.press(layar)
            await pilot.pause()
            for b in bagian:
                await pilot.press(b)
                await pilot.pause()
                periksa(f"{layar} bagian {b}")
        await pilot.press("f4")
        await pilot.pause()
        periksa("pleno1")
        assert not salah, salah
