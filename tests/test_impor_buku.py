"""Workbooks (xlsx, and xls/ods where LibreOffice can make them), mappings, templates and the preview the
Impor screen shows (docs/impor.md): through `sesi.impor` and the CLI."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from musrenbang_tui.cli import main
from sesi.errors import DataDitolak
from sesi.impor import atur_skpd_bidang, impor, pemetaan_tersimpan, pratinjau, tabel_skpd_bidang, templat

KASUS = Path(__file__).parent / "data" / "kasus"


def lembar_kelurahan(wb: Workbook, kelurahan: str, usulan: list[tuple]) -> None:
    """One desa's sheet as lampiran forms look: title rows, a two-row header with merged cells, a
    column-number row, the usulan, a JUMLAH row with a formula, and the signature block."""
    ws = wb.create_sheet(kelurahan)
    ws["A1"] = f"DAFTAR USULAN PRIORITAS KELURAHAN {kelurahan.upper()}"
    ws.merge_cells("A1:I1")
    ws["A2"] = "MUSRENBANG KECAMATAN BANJARMASIN UTARA TAHUN 2027"
    ws["A4"], ws["B4"], ws["C4"], ws["E4"], ws["G4"], ws["H4"], ws["I4"] = (
        "No", "Usulan Kegiatan", "Lokasi", "Volume", "Perkiraan Biaya (Rp)", "Prioritas", "SKPD")
    for rng in ("A4:A5", "B4:B5", "C4:D4", "E4:F4", "G4:G5", "H4:H5", "I4:I5"):
        ws.merge_cells(rng)
    ws["C5"], ws["D5"], ws["E5"], ws["F5"] = "Kelurahan", "Alamat", "Volume", "Satuan"
    for c in range(1, 10):
        ws.cell(row=6, column=c, value=f"({c})")
    r = 7
    for i, (kegiatan, alamat, vol, satuan, biaya, skpd) in enumerate(usulan, start=1):
        for c, v in enumerate((i, kegiatan, kelurahan, alamat, vol, satuan, biaya, i, skpd), start=1):
            ws.cell(row=r, column=c, value=v)
        r += 1
    ws.cell(row=r, column=2, value="JUMLAH")
    ws.cell(row=r, column=7, value=f"=SUM(G7:G{r - 1})")  # openpyxl stores no cached value: an empty cell
    ws.cell(row=r + 2, column=7, value="Banjarmasin, 12 Januari 2027")
    ws.cell(row=r + 3, column=7, value=f"Lurah {kelurahan}")
    ws.cell(row=r + 6, column=7, value="Nama Lurah")
    ws.cell(row=r + 7, column=7, value="NIP 19700101 199001 1 001")


def buku_kecamatan(path: Path) -> Path:
    wb = Workbook()
    wb.active.title = "Petunjuk"
    wb.active["A1"] = "Isi satu lembar per kelurahan."
    lembar_kelurahan(wb, "Kuin Utara", [("Pembangunan jalan titian ulin", "RT 05", 700, "m", 1050000000, "DPUPR"),
                                        ("Pelatihan kader posyandu", "Aula", 1.5, "paket", 30000000.0, "Dinkes")])
    lembar_kelurahan(wb, "Pangeran", [("Normalisasi saluran drainase", "RT 12", 360, "m", 540000000, "Dinas PUPR")])
    wb.save(path)
    return path


def test_buku_kerja_judul_gabung_jumlah_satu_lembar_per_kelurahan(store, tmp_path):
    """Title rows, a merged two-row header, a column-number row, a JUMLAH row with an uncalculated formula,
    a signature block, one sheet per kelurahan and a sheet of instructions: imports whole, numbers as the
    cells hold them, and the report says which rows of which sheet were skipped."""
    path = buku_kecamatan(tmp_path / "usulan.xlsx")
    hasil = impor(store, "usulan", path)
    data = store.muat()
    assert [(u.kelurahan, u.prioritas_kelurahan, u.kegiatan, u.lokasi, u.volume, u.satuan, u.perkiraan_biaya,
             u.skpd, u.bidang) for u in data.usulan.values()] == [
        ("Kuin Utara", 1, "Pembangunan jalan titian ulin", "RT 05", "700", "m", "1050000000", "Dinas PUPR",
         "Infrastruktur dan Kewilayahan"),
        ("Kuin Utara", 2, "Pelatihan kader posyandu", "Aula", "1.5", "paket", "30000000", "Dinas Kesehatan",
         "Sosial Budaya"),
        ("Pangeran", 1, "Normalisasi saluran drainase", "RT 12", "360", "m", "540000000", "Dinas PUPR",
         "Infrastruktur dan Kewilayahan")]
    assert hasil.lembar == ["Kuin Utara", "Pangeran"]
    assert ("usulan.xlsx lembar 'Kuin Utara': baris dilewati 1-2 (judul di atas tabel), 6 (baris nomor kolom), "
            "9 (baris jumlah/ringkasan), 11-16 (blok tanda tangan).") in hasil.ringkasan
    assert "Lembar tanpa tabel usulan dilewati: Petunjuk." in hasil.ringkasan


def test_masalah_disebut_per_lembar_dan_tidak_ada_yang_berubah(store, tmp_path):
    path = buku_kecamatan(tmp_path / "usulan.xlsx")
    wb = load_workbook(path)
    wb["Pangeran"]["G7"] = "satu juta"
    wb.save(path)
    sebelum = Path(store.path).read_bytes()
    with pytest.raises(DataDitolak) as e:
        impor(store, "usulan", path)
    assert Path(store.path).read_bytes() == sebelum
    assert e.value.masalah == ["usulan.xlsx lembar 'Pangeran' baris 7, kolom Perkiraan Biaya (Rp): harus jumlah "
                               "rupiah, bukan 'satu juta'."]


def test_lembar_dipilih(store, tmp_path):
    path = buku_kecamatan(tmp_path / "usulan.xlsx")
    hasil = impor(store, "usulan", path, lembar="pangeran")
    assert hasil.lembar == ["Pangeran"] and hasil.jumlah == 1
    with pytest.raises(DataDitolak, match="tidak mempunyai lembar 'Alalak'. Lembar yang ada: Petunjuk, Kuin Utara"):
        impor(store, "usulan", path, lembar="Alalak")


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice tidak terpasang")
@pytest.mark.parametrize("fmt", ["ods", "xls"])
def test_ods_dan_xls(store, tmp_path, fmt):
    xlsx = buku_kecamatan(tmp_path / "usulan.xlsx")
    subprocess.run(["soffice", "--headless", "--convert-to", fmt, "--outdir", str(tmp_path), str(xlsx)],
                   check=True, capture_output=True, timeout=120)
    hasil = impor(store, "usulan", tmp_path / f"usulan.{fmt}")
    assert hasil.jumlah == 3


def test_pratinjau_pemetaan_lalu_diingat(store, tmp_path):
    """A header the app does not know: the preview shows it with three rows and the unmapped required
    column; mapped once, imported, and the next file of the same shape needs no mapping."""
    isi = ("Kel;Nomor Prioritas;Usulan;SKPD;Bidang\n"
           "Kuin Utara;1;Titian;Dinas PUPR;Infrastruktur dan Kewilayahan\n"
           "Kuin Utara;2;Drainase;Dinas PUPR;Infrastruktur dan Kewilayahan\n"
           "Pangeran;1;Posyandu;Dinkes;Sosial Budaya\nPangeran;2;Jalan;Dinas PUPR;\n")
    (tmp_path / "a.csv").write_text(isi)
    p = pratinjau(tmp_path / "a.csv", "usulan", store=store)
    assert p.judul == ["Kel", "Nomor Prioritas", "Usulan", "SKPD", "Bidang"]
    assert p.contoh[0] == ["", "", "Titian", "Dinas PUPR", "Infrastruktur dan Kewilayahan"] and len(p.contoh) == 3
    assert p.pemetaan == {"Kel": "", "Nomor Prioritas": "", "Usulan": "kegiatan", "SKPD": "skpd", "Bidang": "bidang"}
    assert p.kurang == ["kelurahan", "prioritas_kelurahan"] and not p.siap
    pemetaan = {"Kel": "kelurahan", "Nomor Prioritas": "prioritas_kelurahan"}
    p = pratinjau(tmp_path / "a.csv", "usulan", store=store, pemetaan=pemetaan)
    assert p.siap and p.contoh[0][:2] == ["Kuin Utara", "1"]
    impor(store, "usulan", tmp_path / "a.csv", pemetaan=pemetaan)
    assert pemetaan_tersimpan(store.muat(), "usulan") == {"kel": "kelurahan", "nomor_prioritas": "prioritas_kelurahan"}
    (tmp_path / "b.csv").write_text(isi.split("\n")[0] + "\nAlalak Utara;1;Jembatan;Dinas PUPR;\n")
    assert impor(store, "usulan", tmp_path / "b.csv").jumlah == 1


def test_tabel_skpd_bidang_dapat_diubah(store, tmp_path):
    with store.transaksi() as tx:
        atur_skpd_bidang(tx, "DLH", "Lingkungan Hidup")
    assert tabel_skpd_bidang(store.muat())["DLH"] == "Lingkungan Hidup"
    (tmp_path / "u.csv").write_text("kelurahan;prioritas;kegiatan;skpd\nPangeran;1;TPS3R;Dinas Lingkungan Hidup\n")
    impor(store, "usulan", tmp_path / "u.csv")
    assert [u.bidang for u in store.muat().usulan.values()] == ["Lingkungan Hidup"]


def test_templat_dengan_daftar_pilihan_dari_sesi_dan_kembali_bersih(store, tmp_path, capsys):
    """`musrenbang templat usulan F.xlsx --sesi S`: headers, an example row, dropdowns from the session;
    filled in, it imports cleanly (the example row skipped)."""
    keluar = tmp_path / "templat.xlsx"
    assert main(["templat", "usulan", str(keluar), "--sesi", store.path]) == 0
    wb = load_workbook(keluar)
    ws = wb["usulan"]
    judul = [c.value for c in ws[1]]
    assert judul[:4] == ["ID Usulan", "Kelurahan", "Prioritas Kelurahan", "Kegiatan"]
    assert ws.cell(row=2, column=4).value.startswith("Contoh:")
    rumus = {str(dv.sqref)[0]: dv.formula1 for dv in ws.data_validations.dataValidation}
    kolom = {judul[i]: chr(ord("A") + i) for i in range(len(judul))}
    for nama in ("Kelurahan", "SKPD", "Bidang", "Jenis", "Sumber Dana"):
        assert rumus[kolom[nama]].startswith("=daftar!")
    daftar = wb["daftar"]
    assert wb["daftar"].sheet_state == "hidden"
    kel = [c.value for c in daftar["A"]][1:]
    kel = [v for v in kel if v is not None]
    assert kel == [k.nama for k in store.muat().kelurahan]
    ws.cell(row=3, column=2, value="Kuin Utara")
    for c, v in ((3, 1), (4, "Pembangunan jalan titian"), (10, "fisik"), (11, "Dinas PUPR")):
        ws.cell(row=3, column=c, value=v)
    buf = io.BytesIO()
    wb.save(buf)
    (tmp_path / "isi.xlsx").write_bytes(buf.getvalue())
    hasil = impor(store, "usulan", tmp_path / "isi.xlsx")
    assert hasil.jumlah == 1 and "baris contoh dari templat" in hasil.ringkasan
    assert templat("peserta")[:2] == b"PK"


def test_cli_kolom_terima_saran_lembar_dan_tampak(store, tmp_path, capsys):
    """The CLI: --kolom maps, --terima-saran accepts, values are shown with control characters visible,
    a refused file exits 1 with every problem on stderr."""
    path = tmp_path / "u.csv"
    path.write_text("Kel;Urut ke;Usulan;SKPD;Foto\x1b[31m\nSurgi Mufty;1;Titian;DPUPR;x\n")
    assert main(["impor", "usulan", store.path, str(path)]) == 1
    err = capsys.readouterr().err
    assert "kolom wajib tidak ada: kelurahan, prioritas_kelurahan" in err and "<ESC>[31m" in err
    assert "\x1b" not in err
    args = ["impor", "usulan", store.path, str(path), "--kolom", "Kel=kelurahan", "--kolom", "Urut ke=prioritas"]
    assert main(args) == 1
    assert "maksud Anda 'Surgi Mufti'?" in capsys.readouterr().err
    assert main(args + ["--terima-saran"]) == 0
    out = capsys.readouterr().out
    assert "1 usulan diimpor" in out and "'Surgi Mufty' -> 'Surgi Mufti'" in out and "\x1b" not in out
    assert main(["impor", "usulan", store.path, str(KASUS / "usulan-judul-di-atas.csv"), "--lembar", "X"]) == 1
    assert "--lembar hanya untuk lembar kerja" in capsys.readouterr().err
