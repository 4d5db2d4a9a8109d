"""Snapshots of the Persiapan screen at 80x24 on the demo session: each part, its forms, and an import report.

Update after an intended change of the look with `pytest tests/test_snap_persiapan.py --snapshot-update`, and
look at the new pictures before committing them.
"""

from __future__ import annotations

import pytest

from layar import buka_app, tunggu
from musrenbang_tui.app import MusrenbangApp
from sesi import persiapan

UKURAN = (80, 24)

CSV_BURUK = """kelurahan;prioritas_kelurahan;kegiatan;skpd;bidang;perkiraan_biaya
Pangeran;1;Prioritas yang sudah terpakai;Dinas PUPR;Infrastruktur dan Kewilayahan;1.000.000
Kampung Entah;8;Kelurahan tidak dikenal;Dinas PUPR;Infrastruktur dan Kewilayahan;1.000.000
Kuin Utara;x;Prioritas bukan angka;Dinas PUPR;Ekonomi;dua juta
Kuin Utara;9;;;Ekonomi;
"""

CSV_SARAN = """Kelurahan;Prioritas;Usulan;Perangkat Daerah;Bidang Urusan;Anggaran
Surgi Mufty;9;Titian ulin gang Amal;Dinas PUPR;Infrastruktur dan Kewilayahan;150.000.000
Pangeran;9;Pelatihan menjahit;Disperdagin;Ekonomi;25.000.000
"""


def app_demo(demo, **app_kwargs) -> MusrenbangApp:
    """The app on the shared demo fixture's copy, at Persiapan (steady cursor, fixed clock)."""
    return buka_app(demo, "persiapan", **app_kwargs)


def test_sesi(snap_compare, demo):
    """1 Sesi: the session's data, the announcement date with its day count, no date warning."""
    assert snap_compare(app_demo(demo), terminal_size=UKURAN)


def test_sesi_dengan_peringatan_tanggal(snap_compare, demo):
    """1 Sesi: announced 3 days before, held after the second week of February: both warnings shown."""
    app = app_demo(demo)
    with app.store.transaksi() as tx:
        persiapan.ubah_info(tx, tanggal="2027-02-17", tanggal_pengumuman="2027-02-14")
    app.data = app.store.data
    assert snap_compare(app, terminal_size=UKURAN)


def test_sesi_formulir(snap_compare, demo):
    """1 Sesi: the edit form, opened on the highlighted row (Tanggal pengumuman)."""
    assert snap_compare(app_demo(demo), terminal_size=UKURAN, press=["down"] * 8 + ["enter"])


def test_acara_dan_tim(snap_compare, demo):
    """2 Acara & tim: jadwal, tim penyelenggara, narasumber with materi, fasilitator, sambutan in one list."""
    assert snap_compare(app_demo(demo), terminal_size=UKURAN, press=["2", "down", "down", "down", "down", "down",
                                                                      "down", "down"])


def test_kriteria(snap_compare, demo):
    """3 Kriteria: the five criteria, the sum of the weights, the labels of the highlighted one."""
    assert snap_compare(app_demo(demo), terminal_size=UKURAN, press=["3"])


def test_kriteria_formulir_skala_berubah(snap_compare, demo):
    """3 Kriteria: adding a criterion on a 1-4 scale: one label field per value, defaults of the new scale."""
    assert snap_compare(app_demo(demo), terminal_size=UKURAN,
                        press=["3", "ctrl+o", "S", "D", "M", "tab", "tab", "tab", "ctrl+u", "4"])


def test_kelompok(snap_compare, demo):
    """4 Kelompok: each kelompok with its bidang, fasilitator and number of usulan."""
    assert snap_compare(app_demo(demo), terminal_size=UKURAN, press=["4"])


def test_kelompok_formulir(snap_compare, demo):
    """4 Kelompok: the form: name, bidang to tick (the ones of other kelompok named), fasilitator from the tim."""
    assert snap_compare(app_demo(demo), terminal_size=UKURAN, press=["4", "down", "enter"])


def test_usulan(snap_compare, demo):
    """5 Usulan: kelurahan on the left (Pangeran chosen), its usulan on the right with the detail lines."""
    assert snap_compare(app_demo(demo), terminal_size=UKURAN,
                        press=["5", "shift+tab"] + ["down"] * 6 + ["enter", "down"])


def test_usulan_formulir(snap_compare, demo):
    """5 Usulan: the usulan form for a new one, kelurahan and next priority filled in."""
    assert snap_compare(app_demo(demo), terminal_size=UKURAN, press=["5", "ctrl+o"])


async def impor_selesai(pilot) -> None:
    """The preview or import worker done, its message handled, the screen settled."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.wait_for_scheduled_animations()


def test_impor(snap_compare, demo):
    """6 Impor: kind, path (workbook or CSV), and the columns the kind needs."""
    async def buka(pilot) -> None:
        await pilot.press("6")
        await tunggu(pilot, lambda: getattr(pilot.app.focused, "id", None) == "impor-path",
                     apa="kolom path impor mendapat fokus")
        await pilot.wait_for_scheduled_animations()  # the tab underline moving to 6

    assert snap_compare(app_demo(demo), terminal_size=UKURAN, run_before=buka)


def berkas_lalu(tmp_path, monkeypatch, isi: str, *tekan: str):
    """`isi` as usulan.csv in the current folder; the run_before that opens 6 Impor, types its name and presses
    `tekan` (Enter: the preview), waiting for the workers after each key."""
    (tmp_path / "usulan.csv").write_text(isi, encoding="utf-8")
    monkeypatch.chdir(tmp_path)

    async def jalan(pilot) -> None:
        await pilot.press("6", *list("usulan.csv"))
        for key in tekan:
            await pilot.press(key)
            await impor_selesai(pilot)
    return jalan


def test_impor_pratinjau_masalah(snap_compare, demo, tmp_path, monkeypatch):
    """6 Impor: the preview of a file that would be refused: mapping, rows, every problem below."""
    assert snap_compare(app_demo(demo), terminal_size=UKURAN,
                        run_before=berkas_lalu(tmp_path, monkeypatch, CSV_BURUK, "enter"))


def test_impor_pratinjau_saran_diterima(snap_compare, demo, tmp_path, monkeypatch):
    """6 Impor: a name one letter off suggested; Enter accepts it (marked), the preview ready to import."""
    assert snap_compare(app_demo(demo), terminal_size=UKURAN,
                        run_before=berkas_lalu(tmp_path, monkeypatch, CSV_SARAN, "enter", "enter"))


def test_impor_laporan_masalah(snap_compare, demo, tmp_path, monkeypatch):
    """6 Impor: a refused file imported anyway (Ctrl+S): every problem with its row and column, the store
    untouched."""
    assert snap_compare(app_demo(demo), terminal_size=UKURAN,
                        run_before=berkas_lalu(tmp_path, monkeypatch, CSV_BURUK, "ctrl+s"))


@pytest.mark.parametrize("bagian", ["1", "5"])
def test_tampilan_ascii(snap_compare, demo, bagian):
    """The ASCII-safe look (Linux console): no box-drawing characters, ASCII symbols."""
    try:
        assert snap_compare(app_demo(demo, ascii=True), terminal_size=UKURAN, press=[bagian])
    finally:
        from screens import glyph

        glyph.set_ascii(False)
