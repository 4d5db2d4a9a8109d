"""Nothing typed is lost, nothing fires unless meant, and the status line is current (issue 15, items
2, 3, 5 and 6), driven by keyboard through the Pilot; the screen is read from its screenshot."""

from __future__ import annotations

import json

from screens.pleno1 import DRAF_CATATAN, Pleno1Screen
from screens.riwayat import ringkas
from screens.widgets import FormDialog, SimpanBuangDialog, StatusBar
from sesi.store import Store
from tests.layar import baris_layar, teks_layar, tunggu
from tests.test_app import buka


def belum_hadir(path) -> str:
    """A few letters that find exactly one participant who is not present yet."""
    data = Store.buka(path).data
    p = next(p for p in data.peserta.values() if not p.hadir)
    return p.nama


def catatan_pleno1(path) -> list[str]:
    return [c.teks for c in Store.buka(path).data.records("catatan").values() if c.tahap == "pleno1"]


async def test_ctrl_q_menanyakan_catatan_yang_belum_dikirim(demo, tmp_path, monkeypatch):
    """Ctrl+Q with a typed, unsent Pleno I note asks Simpan / Buang / Batal: Batal (F10) goes back to the
    text, S saves the note and then quits."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    app = buka(demo, "pleno1")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*"Jalan titian rusak")
        await pilot.press("ctrl+q")
        await tunggu(pilot, lambda: isinstance(app.screen, SimpanBuangDialog))
        assert "catatan Pleno I" in teks_layar(app)
        await pilot.press("f10")
        await tunggu(pilot, lambda: isinstance(app.screen, Pleno1Screen))
        assert app.screen.query_one("#ketik").value == "Jalan titian rusak"
        await pilot.press("ctrl+q", "s")
        await tunggu(pilot, lambda: app.return_code is not None, apa="aplikasi tidak keluar setelah Simpan")
    assert "Jalan titian rusak" in catatan_pleno1(demo)


async def test_ctrl_q_buang_membuang_draf(demo):
    """Ctrl+Q then B (Buang) throws the typed note away on purpose: it is not offered at the next start."""
    app = buka(demo, "pleno1")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*"Tidak jadi")
        await tunggu(pilot, lambda: app.draf.baca(DRAF_CATATAN) == "Tidak jadi")
        await pilot.press("ctrl+q", "b")
        await tunggu(pilot, lambda: app.return_code is not None)
    assert app.draf.baca(DRAF_CATATAN) == ""
    assert "Tidak jadi" not in catatan_pleno1(demo)


async def test_ctrl_q_menanyakan_formulir_peserta_baru(demo):
    """Ctrl+Q with an open, filled-in "Peserta baru" form asks first; B throws it away and quits."""
    app = buka(demo, "pendaftaran")
    jumlah = len(Store.buka(demo).data.peserta)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+o")
        await tunggu(pilot, lambda: isinstance(app.screen, FormDialog))
        await pilot.press(*"Warga Baru")
        await pilot.press("ctrl+q")
        await tunggu(pilot, lambda: isinstance(app.screen, SimpanBuangDialog))
        assert isinstance(app.screen_stack[-2], FormDialog)
        await pilot.press("b")
        await tunggu(pilot, lambda: app.return_code is not None)
    assert len(Store.buka(demo).data.peserta) == jumlah


async def test_ctrl_q_tanpa_ketikan_langsung_keluar(demo):
    app = buka(demo, "pleno1")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+q")
        await tunggu(pilot, lambda: app.return_code == 0)


async def test_esc_pada_formulir_yang_diubah_bertanya(demo):
    """Esc on an untouched form closes it; on a changed one it asks, Batal keeps every field, S saves."""
    app = buka(demo, "pendaftaran")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+o")
        await tunggu(pilot, lambda: isinstance(app.screen, FormDialog))
        await pilot.press("escape")
        await tunggu(pilot, lambda: not isinstance(app.screen, FormDialog))

        await pilot.press("ctrl+o")
        await tunggu(pilot, lambda: isinstance(app.screen, FormDialog))
        await pilot.press(*"Rahmat Hidayat", "escape")
        await tunggu(pilot, lambda: isinstance(app.screen, SimpanBuangDialog))
        await pilot.press("f10")
        await tunggu(pilot, lambda: isinstance(app.screen, FormDialog))
        assert app.screen.nilai()["nama"] == "Rahmat Hidayat"
        await pilot.press("escape", "s")
        await tunggu(pilot, lambda: not isinstance(app.screen, (FormDialog, SimpanBuangDialog)))
    assert "Rahmat Hidayat" in {p.nama for p in Store.buka(demo).data.peserta.values()}


async def test_esc_mengosongkan_kotak_cari_pendaftaran(demo):
    app = buka(demo, "pendaftaran")
    async with app.run_test(size=(80, 24)) as pilot:
        semua = app.screen.query_one("#hasil").row_count
        await pilot.press(*"siti")
        await tunggu(pilot, lambda: app.screen.query_one("#hasil").row_count < semua)
        await pilot.press("escape")
        await tunggu(pilot, lambda: app.screen.query_one("#hasil").row_count == semua)
        assert app.screen.query_one("#cari").value == ""


async def test_draf_catatan_bertahan_setelah_aplikasi_mati(demo, tmp_path, monkeypatch):
    """A Pleno I note typed and never sent survives the app dying (its draft is on this user's disk, mode
    600) and is offered again at the next start; saving it removes the draft."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    app = buka(demo, "pleno1")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*"Usulan PJU Alalak belum masuk")
        await tunggu(pilot, lambda: app.draf.baca(DRAF_CATATAN) == "Usulan PJU Alalak belum masuk")
        path = app.draf.path
    # The app ended without Ctrl+Q (as after a crash or a dropped SSH link): the draft is still there.
    assert json.loads(path.read_text())[DRAF_CATATAN] == "Usulan PJU Alalak belum masuk"
    assert path.stat().st_mode & 0o777 == 0o600
    assert str(tmp_path / "state") in str(path)

    app = buka(demo, "pleno1")
    async with app.run_test(size=(80, 24)) as pilot:
        await tunggu(pilot, lambda: app.screen.query_one("#ketik").value == "Usulan PJU Alalak belum masuk")
        await tunggu(pilot, lambda: "dipulihkan dari draf" in teks_layar(app))
        await pilot.press("enter")
        await tunggu(pilot, lambda: "Usulan PJU Alalak belum masuk" in catatan_pleno1(demo))
        await tunggu(pilot, lambda: not path.exists())


async def test_status_menunjukkan_revisi_terkini_di_setiap_layar(demo):
    """A change saved on one screen shows in the status line of every other screen when it is shown: never
    an older revision or an older message."""
    app = buka(demo, "pendaftaran")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*belum_hadir(demo), "enter")
        await tunggu(pilot, lambda: "Tersimpan" in app.screen.query_one(StatusBar).pesan.plain)
        await pilot.press("f4")
        await tunggu(pilot, lambda: app.current_mode == "pleno1")
        for _ in range(3):
            await pilot.press(*"catatan", "enter")
        rev = Store.buka(demo).data.revisi
        await tunggu(pilot, lambda: f"rev {rev}" in app.screen.query_one(StatusBar).pesan.plain)
        await pilot.press("f3")
        await tunggu(pilot, lambda: app.current_mode == "pendaftaran")
        await tunggu(pilot, lambda: f"rev {rev}" in teks_layar(app), apa="layar Pendaftaran masih revisi lama")


async def test_pesan_panjang_dibungkus_tidak_dipotong(demo):
    """A long refusal wraps over the status line's lines at 60 columns: its end, the part that matters,
    is readable."""
    app = buka(demo, "pendaftaran", peran="tayang")
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press(*belum_hadir(demo), "enter")
        bar = app.screen.query_one(StatusBar)
        await tunggu(pilot, lambda: bar.has_class("-galat"))
        pesan = bar.pesan.plain
        assert len(pesan) > 60
        layar = " ".join(b.strip() for b in baris_layar(app))
        assert " ".join(pesan.split()[-4:]) in layar


async def test_tombol_yang_tidak_mengubah_apa_pun_tidak_berkata_tersimpan(demo):
    """An action that writes nothing says so ("Tidak ada yang berubah"), not "Tersimpan"."""
    app = buka(demo, "pleno1")
    async with app.run_test(size=(80, 24)) as pilot:
        rev = Store.buka(demo).data.revisi
        hasil = app.simpan(lambda tx: None)
        await pilot.pause()
        assert hasil.ok and Store.buka(demo).data.revisi == rev
        pesan = app.screen.query_one(StatusBar).pesan.plain
        assert "Tersimpan" not in pesan and "Tidak ada yang berubah" in pesan


async def test_nama_tombol_satu_cara_dan_judul_peringatan(demo):
    """The Footer writes keys the way help does ("F1", "Ctrl+Q", never "f1" or "^q") and is not cut in the
    middle of a word at 80 columns; the warnings dialog is titled as what it is."""
    app = buka(demo, "pleno1")
    async with app.run_test(size=(120, 24)) as pilot:
        kaki = baris_layar(app)[-1]
        assert "F1 Bantuan" in kaki and "Ctrl+Q Keluar" in kaki and "Ctrl+P Perintah" in kaki
        assert "^q" not in kaki and "f1 " not in kaki
    app = buka(demo, "pleno1")
    async with app.run_test(size=(80, 24)) as pilot:
        kaki = baris_layar(app)[-1]
        assert kaki.rstrip().endswith("F1 Bantuan"), kaki
        await pilot.press("f9")
        await tunggu(pilot, lambda: "Peringatan tata cara" in teks_layar(app))
        assert "Bantuan: Peringatan" not in teks_layar(app)


async def test_riwayat_menulis_nilai_dengan_kata(demo):
    """The history writes yes/no values in words: "tidak › ya", never "False › True"."""
    assert ringkas(True) == "ya" and ringkas(False) == "tidak"
    app = buka(demo, "pendaftaran")
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.press(*belum_hadir(demo), "enter")
        await pilot.press("ctrl+r")
        await tunggu(pilot, lambda: type(app.screen).__name__ == "RiwayatScreen")
        layar = teks_layar(app)
        assert "tidak › ya" in layar and "True" not in layar and "False" not in layar


# --- Persiapan: letters belong to the text, big changes ask ---------------------------------------------


async def test_huruf_di_bagian_impor_adalah_path_bukan_tombol(demo):
    """In Persiapan's Impor part with the focus on the Impor button, typing a path types the path: no
    letter or digit runs as a hotkey (no kelompok formed by "p", no jump to section 4 by "4")."""
    app = buka(demo, "persiapan")
    kelompok = len(Store.buka(demo).data.raw.get("kelompok", {}))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("6")
        await tunggu(pilot, lambda: app.screen.aktif == "impor")
        app.screen.query_one("#impor-jalan").focus()
        await pilot.press(*"data/p4-b1.csv")
        await tunggu(pilot, lambda: app.screen.query_one("#impor-path").value == "data/p4-b1.csv")
        assert app.screen.aktif == "impor"
        assert len(Store.buka(demo).data.raw.get("kelompok", {})) == kelompok


async def test_p_membentuk_kelompok_setelah_ditanya(store, bantu):
    """"p" (one kelompok per bidang) forms several kelompok at once: it asks first, naming them; N forms
    none."""
    from pathlib import Path

    from screens.widgets import KonfirmasiDialog

    bantu.usulan("Normalisasi drainase", bidang="Infrastruktur")
    bantu.usulan("Pelatihan menjahit", bidang="Ekonomi")
    demo = Path(store.path)
    app = buka(demo, "persiapan")
    sebelum = len(Store.buka(demo).data.raw.get("kelompok", {}))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4")
        await tunggu(pilot, lambda: app.screen.aktif == "kelompok")
        await pilot.press("p")
        await tunggu(pilot, lambda: isinstance(app.screen, KonfirmasiDialog))
        assert "Bentuk 2 kelompok" in teks_layar(app)
        await pilot.press("n")
        assert len(Store.buka(demo).data.raw.get("kelompok", {})) == sebelum
        await pilot.press("p", "y")
        await tunggu(pilot, lambda: len(Store.buka(demo).data.raw.get("kelompok", {})) == sebelum + 2)


async def test_telusuri_folder_naik_dan_ke_rumah(demo, tmp_path, monkeypatch):
    """The Ctrl+L folder browser goes to the folder above (Backspace) and to the home folder (~)."""
    from screens.persiapan.pohon import PohonCsv

    rumah = tmp_path / "rumah"
    (rumah / "data").mkdir(parents=True)
    kerja = tmp_path / "kerja" / "sesi"
    kerja.mkdir(parents=True)
    monkeypatch.setenv("HOME", str(rumah))
    monkeypatch.chdir(kerja)
    app = buka(demo, "persiapan")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+l")
        pohon = await tunggu(pilot, lambda: next(iter(app.screen.query(PohonCsv)), None))
        await tunggu(pilot, lambda: pohon.has_focus)
        await pilot.press("backspace")
        await tunggu(pilot, lambda: str(pohon.path) == str(kerja.parent))
        await pilot.press("~")
        await tunggu(pilot, lambda: str(pohon.path) == str(rumah))


async def test_tanggal_diketik_seperti_biasa_dan_ditampilkan_lengkap(demo):
    """"Ubah data sesi" shows the date in full ("Selasa, 9 Februari 2027"), takes 10/02/2027 as typed, and
    shows the new date back in full."""
    app = buka(demo, "persiapan")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+e")
        await tunggu(pilot, lambda: isinstance(app.screen, FormDialog))
        assert app.screen.nilai()["tanggal"] == "Selasa, 9 Februari 2027"
        app.screen.query_one("#f-tanggal").focus()
        await pilot.press("ctrl+u", *"10/02/2027", "ctrl+s")
        await tunggu(pilot, lambda: Store.buka(demo).data.info.tanggal == "2027-02-10")
        await tunggu(pilot, lambda: "Rabu, 10 Februari 2027" in teks_layar(app))


async def test_riwayat_dalam_kata_dan_nama(demo):
    """Ctrl+R shows changes in words: a record's fields as "label: nilai" (never raw JSON), a peserta by
    name (never P0002), a kelompok by name, and booleans as ya/tidak."""
    data = Store.buka(demo).data
    app = buka(demo, "pendaftaran")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+r")
        await tunggu(pilot, lambda: type(app.screen).__name__ == "RiwayatScreen")
        tabel = app.screen.query_one("#daftar")
        baris = [" | ".join(sel.plain for sel in tabel.get_row_at(i)) for i in range(tabel.row_count)]
        semua = "\n".join(baris)
        assert '{"' not in semua and "true" not in semua and "null" not in semua
        anggota = next(b for b in baris if "| anggota kelompok |" in b)
        pid = [e["objek"] for e in data.raw["riwayat"].values() if e["aksi"] == "anggota kelompok"][-1]  # newest first
        assert data.peserta[pid].nama[:10] in anggota and pid not in anggota
        assert "Kelompok" in anggota.split("›")[1]  # the kelompok's name, not KEL01
        jadwal = next(b for b in baris if "| tambah jadwal |" in b)
        assert "waktu: " in jadwal
        await pilot.press(*"hadir")
        await pilot.pause()
        hadir = [" | ".join(s.plain for s in tabel.get_row_at(i)) for i in range(tabel.row_count)]
        assert any("tidak › ya" in b for b in hadir)
