"""Persiapan 6 Impor, by keyboard: the preview (header, mapping, three rows, problems, suggestions), the
mapping changed on the screen, a suggestion accepted with Enter, a workbook's sheet and the bidang chosen,
then Ctrl+S; a refused file changes nothing. Workers are awaited, never counted pauses."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from textual.widgets import Select

from layar import layar_teks
from musrenbang_tui.app import MusrenbangApp
from screens.widgets import PilihDialog, StatusBar
from sesi.impor import pemetaan_tersimpan

KASUS = Path(__file__).parent / "data" / "kasus"


def status(app: MusrenbangApp) -> str:
    return app.screen.query_one(StatusBar).pesan.plain


def bagian(app: MusrenbangApp):
    """The Impor part (found by its type name: the tests read only its public state)."""
    return app.screen.query_one("BagianImpor")


async def selesai(pilot) -> None:
    """Every worker done (preview or import) and the messages they posted handled."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()  # a choice handled above may have asked for a new preview
    await pilot.pause()


async def pratinjau(app: MusrenbangApp, pilot, path: Path, *, jenis_turun: int = 0) -> None:
    """Part 6, the kind (n down from usulan), the path typed, Enter: the preview shown."""
    await pilot.press("6")
    assert app.screen.focused.id == "impor-path"
    if jenis_turun:
        await pilot.press("shift+tab", "enter", *["down"] * jenis_turun, "enter", "tab")
    app.screen.query_one("#impor-path").value = str(path)  # typing is tested in test_layar_persiapan
    await pilot.press("enter")
    await selesai(pilot)
    assert bagian(app).pratinjau is not None


def peta(app: MusrenbangApp) -> dict[str, str]:
    """The preview's mapping as shown: header -> column cell."""
    tabel = app.screen.query_one("#impor-peta")
    return {str(tabel.get_row_at(i)[0]): str(tabel.get_row_at(i)[1]) for i in range(tabel.row_count)}


async def ke_baris(pilot, tabel, awal: str) -> None:
    """Move the cursor of a focused table down to the row whose first cell starts with `awal`."""
    for _ in range(tabel.row_count):
        if str(tabel.get_row_at(tabel.cursor_row)[0]).startswith(awal):
            return
        await pilot.press("down")
    raise AssertionError(f"baris {awal!r} tidak ada")


async def test_ekspor_sipd_pratinjau_lalu_impor(store):
    """SIPD export: the headers already known (no mapping needed), shown with the column each goes to and the
    first row; Ctrl+S imports it with its SIPD id; the report says what was added."""
    app = MusrenbangApp(store, layar="persiapan")
    async with app.run_test(size=(80, 24)) as pilot:
        await pratinjau(app, pilot, KASUS / "usulan-ekspor-sipd.csv")
        p = bagian(app).pratinjau
        assert p.siap and p.kurang == [] and p.baris_judul == 1
        m = peta(app)
        assert (m["ID Usulan"], m["Usulan Ke"], m["OPD Tujuan Akhir"], m["OPD Tujuan Awal"]) == \
            ("id", "prioritas_kelurahan*", "skpd*", "skpd_awal")
        assert m["Usulan"] == "kegiatan*" and m["Pengusul"] == "(diabaikan)"
        tampil = layar_teks(app)
        assert "judul kolom di baris 1" in tampil and "Siap diimpor" in tampil and "2027001245" in tampil
        assert app.screen.focused.id == "impor-peta", "pratinjau berkas baru: fokus ke pemetaan"
        await pilot.press("ctrl+s")
        await selesai(pilot)
        (u,) = store.muat().usulan.values()
        assert (u.id, u.kelurahan, u.bidang) == ("2027001245", "Kuin Utara", "Infrastruktur dan Kewilayahan")
        assert "1 baru, 0 diperbarui, 0 ganda" in status(app)
        assert "1 usulan diimpor dari usulan-ekspor-sipd.csv" in layar_teks(app)
        assert app.data.revisi == store.muat().revisi


async def test_pemetaan_diubah_dengan_tombol_dan_diingat(store, tmp_path):
    """A header the app does not know: the required column is shown missing; Enter on the header, the column
    picked from the list, and the preview is ready; Delete ignores a header; the mapping is remembered."""
    path = tmp_path / "usulan lampiran.csv"
    path.write_text("Kelurahan;Nomor Urut;Usulan;SKPD;Bidang;Foto\n"
                    "Kuin Utara;1;Titian ulin;Dinas PUPR;Infrastruktur dan Kewilayahan;a.jpg\n"
                    "Pangeran;1;Posyandu;Dinas Kesehatan;Sosial Budaya;b.jpg\n", encoding="utf-8")
    app = MusrenbangApp(store, layar="persiapan")
    async with app.run_test(size=(80, 24)) as pilot:
        await pratinjau(app, pilot, path)
        p = bagian(app).pratinjau
        assert p.kurang == ["prioritas_kelurahan"] and not p.siap
        assert peta(app)["(belum ada)"] == "prioritas_kelurahan*"
        assert "Kolom wajib belum dipetakan: prioritas_kelurahan" in layar_teks(app)
        tabel = app.screen.query_one("#impor-peta")
        assert app.screen.focused is tabel
        await ke_baris(pilot, tabel, "Nomor Urut")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PilihDialog)
        await pilot.press(*"prioritas", "enter")
        await selesai(pilot)
        assert peta(app)["Nomor Urut"] == "prioritas_kelurahan*"
        assert bagian(app).pratinjau.siap and "Siap diimpor" in layar_teks(app)
        await ke_baris(pilot, tabel, "Foto")
        await pilot.press("delete")
        await selesai(pilot)
        assert peta(app)["Foto"] == "(diabaikan)"
        assert store.muat().usulan == {}, "pratinjau tidak mengubah sesi"
        await pilot.press("ctrl+s")
        await selesai(pilot)
        data = store.muat()
        assert sorted((u.kelurahan, u.prioritas_kelurahan) for u in data.usulan.values()) == \
            [("Kuin Utara", 1), ("Pangeran", 1)]
        assert pemetaan_tersimpan(data, "usulan").get("nomor_urut") == "prioritas_kelurahan"


async def test_sei_jingah_dikenali_dan_saran_diterima_dengan_enter(store, tmp_path):
    """'Sei Jingah' is Sungai Jingah without asking; a name one letter off is a suggestion, accepted with
    Enter (marked, the preview ready), then imported under the known name."""
    app = MusrenbangApp(store, layar="persiapan")
    async with app.run_test(size=(80, 24)) as pilot:
        await pratinjau(app, pilot, KASUS / "usulan-sei-jingah.csv")
        assert bagian(app).pratinjau.siap and not bagian(app).saran
        await pilot.press("ctrl+s")
        await selesai(pilot)
        assert [u.kelurahan for u in store.muat().usulan.values()] == ["Sungai Jingah"]

        path = tmp_path / "surgi.csv"
        path.write_text((KASUS / "usulan-sei-jingah.csv").read_text(encoding="utf-8")
                        .replace("Sei Jingah", "Surgi Mufty"), encoding="utf-8")
        sebelum = Path(store.path).read_bytes()
        app.screen.query_one("#impor-path").focus()
        await pratinjau(app, pilot, path)
        p = bagian(app).pratinjau
        assert not p.siap and [(s.kolom, s.nilai, s.saran) for s in p.saran] == \
            [("kelurahan", "Surgi Mufty", "Surgi Mufti")]
        assert "maksud Anda 'Surgi Mufti'?" in layar_teks(app)
        assert app.screen.focused.id == "impor-saran", "saran yang belum diterima mendapat fokus"
        await pilot.press("enter")
        await selesai(pilot)
        assert bagian(app).pilihan.terima_saran == {("kelurahan", "Surgi Mufty")}
        assert bagian(app).pratinjau.siap and "Siap diimpor" in layar_teks(app)
        assert Path(store.path).read_bytes() == sebelum, "menerima saran belum mengubah sesi"
        await pilot.press("ctrl+s")
        await selesai(pilot)
        assert sorted(u.kelurahan for u in store.muat().usulan.values()) == ["Sungai Jingah", "Surgi Mufti"]
        assert "Saran diterima: 'Surgi Mufty' -> 'Surgi Mufti'." in layar_teks(app)


def buku_dua_lembar(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Kuin Utara"
    ws.append(["DAFTAR USULAN KELURAHAN KUIN UTARA"])
    ws.append([])
    ws.append(["Kelurahan", "Prioritas", "Usulan Kegiatan", "OPD", "Bidang", "Pagu"])
    ws.append(["Kuin Utara", 1, "Titian ulin", "Dinas PUPR", "Infrastruktur dan Kewilayahan", 150000000])
    ws.append(["Kuin Utara", 2, "Pelatihan menjahit", "Disperdagin", "Ekonomi", 25000000])
    ws2 = wb.create_sheet("Pangeran")
    ws2.append(["Kelurahan", "Prioritas", "Usulan Kegiatan", "OPD", "Bidang", "Pagu"])
    ws2.append(["Pangeran", 1, "Posyandu", "Dinas Kesehatan", "Sosial Budaya", 30000000])
    wb.save(path)
    return path


async def test_buku_kerja_dua_lembar_pilih_lembar(store, tmp_path):
    """An .xlsx with one sheet per kelurahan: the preview names both, the title row skipped; the sheet chooser
    limits the import to one sheet."""
    path = buku_dua_lembar(tmp_path / "usulan.xlsx")
    app = MusrenbangApp(store, layar="persiapan")
    async with app.run_test(size=(80, 24)) as pilot:
        await pratinjau(app, pilot, path)
        p = bagian(app).pratinjau
        assert p.siap and p.lembar == ["Kuin Utara", "Pangeran"] and p.baris_judul == 3
        assert bagian(app).daftar_lembar == ["Kuin Utara", "Pangeran"]
        m = peta(app)
        assert (m["Prioritas"], m["Usulan Kegiatan"], m["OPD"], m["Pagu"]) == \
            ("prioritas_kelurahan*", "kegiatan*", "skpd*", "perkiraan_biaya")
        assert "judul di atas tabel" in layar_teks(app)
        pilih = app.screen.query_one("#impor-lembar", Select)
        assert pilih.display
        pilih.focus()
        await pilot.press("enter", "down", "down", "enter")  # Semua lembar, Kuin Utara, Pangeran
        await selesai(pilot)
        assert bagian(app).pilihan.lembar == "Pangeran" and bagian(app).pratinjau.lembar == ["Pangeran"]
        await pilot.press("ctrl+s")
        await selesai(pilot)
        assert [(u.kelurahan, u.kegiatan) for u in store.muat().usulan.values()] == [("Pangeran", "Posyandu")]


async def test_buku_kerja_semua_lembar(store, tmp_path):
    path = buku_dua_lembar(tmp_path / "usulan.xlsx")
    app = MusrenbangApp(store, layar="persiapan")
    async with app.run_test(size=(80, 24)) as pilot:
        await pratinjau(app, pilot, path)
        await pilot.press("ctrl+s")
        await selesai(pilot)
        assert sorted(u.kegiatan for u in store.muat().usulan.values()) == \
            ["Pelatihan menjahit", "Posyandu", "Titian ulin"]
        assert "3 baru, 0 diperbarui, 0 ganda" in status(app)


async def test_bidang_untuk_berkas_tanpa_bidang(store, tmp_path):
    """No bidang column and an SKPD the SKPD-to-bidang table does not know: refused; the bidang chosen on
    the preview applies to the whole file."""
    path = tmp_path / "tanpa bidang.csv"
    path.write_text("Kelurahan;Prioritas;Usulan;SKPD\nKuin Utara;1;Lampu jalan;Dinas Antah Berantah\n",
                    encoding="utf-8")
    app = MusrenbangApp(store, layar="persiapan")
    async with app.run_test(size=(80, 24)) as pilot:
        await pratinjau(app, pilot, path)
        assert not bagian(app).pratinjau.siap
        assert any("bidang tidak diketahui" in m for m in bagian(app).pratinjau.masalah)
        pilih = app.screen.query_one("#impor-bidang", Select)
        assert pilih.display
        pilih.focus()
        await pilot.press("enter", "down", "enter")  # the first known bidang: Infrastruktur dan Kewilayahan
        await selesai(pilot)
        assert bagian(app).pilihan.bidang == "Infrastruktur dan Kewilayahan"
        assert bagian(app).pratinjau.siap
        await pilot.press("ctrl+s")
        await selesai(pilot)
        assert [u.bidang for u in store.muat().usulan.values()] == ["Infrastruktur dan Kewilayahan"]


async def test_berkas_ditolak_tidak_mengubah_dan_setiap_masalah_disebut(store, tmp_path):
    path = tmp_path / "buruk.csv"
    path.write_text("kelurahan;prioritas_kelurahan;kegiatan;skpd;bidang;perkiraan_biaya\n"
                    "Kampung Entah;1;Kelurahan tidak dikenal;Dinas PUPR;Ekonomi;1.000\n"
                    "Kuin Utara;x;Prioritas bukan angka;Dinas PUPR;Ekonomi;dua juta\n", encoding="utf-8")
    sebelum = Path(store.path).read_bytes()
    app = MusrenbangApp(store, layar="persiapan")
    async with app.run_test(size=(80, 30)) as pilot:
        await pratinjau(app, pilot, path)
        p = bagian(app).pratinjau
        assert len(p.masalah) >= 3 and "buruk.csv baris 2, kolom kelurahan" in layar_teks(app)
        await pilot.press("ctrl+s")
        await selesai(pilot)
        assert Path(store.path).read_bytes() == sebelum
        lap = bagian(app).laporan
        assert not lap.ok and "ditolak" in lap.judul
        for baris, kolom in ((2, "kelurahan"), (3, "prioritas_kelurahan"), (3, "perkiraan_biaya")):
            assert any(m.startswith(f"buruk.csv baris {baris}, kolom {kolom}:") for m in lap.masalah)
        assert "Impor ditolak; tidak ada yang diubah." in status(app)
        assert app.screen.focused.id == "impor-laporan"


async def test_teks_berkas_tampil_apa_adanya(store, tmp_path):
    """Headers and cells are data: markup shown as typed; control characters (removed by the import's
    cleaning) never reach the terminal."""
    path = tmp_path / "jahil.csv"
    path.write_text("Kelurahan;Prioritas;Usulan;SKPD;Bidang;[b]Foto[/b]\n"
                    "Kuin Utara;1;Titian [red]ulin[/red]\x1b[2J;Dinas PUPR;Ekonomi;x\n", encoding="utf-8")
    app = MusrenbangApp(store, layar="persiapan")
    async with app.run_test(size=(100, 24)) as pilot:
        await pratinjau(app, pilot, path)
        tampil = layar_teks(app)
        assert "[b]Foto[/b]" in tampil and "Titian [red]ulin[/red]" in tampil
        assert "\x1b" not in tampil and "[2J" not in tampil  # the file's escape sequence never reaches the terminal
