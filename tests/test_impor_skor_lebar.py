"""Issues 13 and 14 together: criteria sets and wide score sheets (issue 14) through the workbook import
(issue 13): `impor kriteria --kelompok/--jenis` with `--lembar` and `--kolom`, wide score sheets read from an
xlsx (title rows, numbers as numbers, a criterion column mapped with `--kolom`), one shape per sheet, and one
set of options (`OpsiImpor`) where an option of another kind is refused, never ignored (docs/impor.md)."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest
from openpyxl import Workbook

from musrenbang_tui.cli import main
from sesi.data import VIRTUAL_PREFIX
from sesi.errors import DataDitolak
from sesi.impor import impor, pemetaan_tersimpan, pratinjau
from sesi.peringkat import peringkat_kelompok
from sesi.set_kriteria import set_usulan

INFRA = VIRTUAL_PREFIX + "Infrastruktur"

NON_FISIK = ("kode,nama,bobot,skala_min,skala_maks\n"
             "P1,Kesesuaian dengan RKPD,0.35,0,100\nP2,Kelompok sasaran rentan,0.25,0,100\n"
             "P3,Keberlanjutan,0.25,0,100\nP4,Swadaya masyarakat,0.15,0,100\n")


def buku(path: Path, lembar: dict[str, list[list]]) -> Path:
    wb = Workbook()
    wb.remove(wb.active)
    for nama, rows in lembar.items():
        ws = wb.create_sheet(nama)
        for row in rows:
            ws.append(row)
    wb.save(path)
    return path


@pytest.fixture
def sets(store, bantu, tmp_path, capsys):
    """The fisik set from a workbook sheet (a title row, 'Bobot Kriteria' mapped with --kolom, weights and a
    half step as numbers), the non-fisik set of kelompok Infrastruktur from CSV; two usulan of each jenis
    (added first: the kelompok of bidang Infrastruktur exists once an usulan names it)."""
    ids = {n: bantu.usulan(f"Usulan {n}", jenis="fisik" if n[0] == "F" else "non-fisik")
           for n in ("F1", "F2", "N1", "N2")}
    xlsx = buku(tmp_path / "kriteria.xlsx", {
        "Petunjuk": [["Isi lembar Fisik."]],
        "Fisik": [["KRITERIA PENILAIAN USULAN FISIK"], [],
                  ["No", "Kode", "Nama Kriteria", "Bobot Kriteria", "Skala Min", "Skala Maks", "Langkah"],
                  [1, "K1", "Kesesuaian dengan RKPD", 0.4, 0, 100, 0.5],
                  [2, "K2", "Kondisi kerusakan", 0.3, 0, 100, 1],
                  [3, "K3", "Jumlah penerima manfaat", 0.2, 0, 100, 1],
                  [4, "K4", "Kesiapan lahan", 0.1, 0, 100, 1]]})
    assert main(["impor", "kriteria", store.path, str(xlsx), "--lembar", "Fisik", "--kolom", "Bobot Kriteria=bobot",
                 "--jenis", "fisik"]) == 0
    assert "4 kriteria diimpor" in capsys.readouterr().out
    csv = tmp_path / "nonfisik.csv"
    csv.write_text(NON_FISIK, encoding="utf-8")
    assert main(["impor", "kriteria", store.path, str(csv), "--kelompok", "Infrastruktur", "--jenis",
                 "non-fisik"]) == 0
    assert "untuk Kelompok Infrastruktur, usulan non-fisik" in capsys.readouterr().out
    data = store.muat()
    k1 = set_usulan(data, ids["F1"]).kriteria[0]
    assert (k1.kode, k1.bobot, k1.langkah) == ("K1", "0.4", "0.5")
    assert set_usulan(data, ids["N1"]).kunci == (INFRA, "non-fisik")
    return ids


def test_lembar_skor_lebar_dari_buku_kerja(store, sets, tmp_path, capsys):
    """A wide sheet in an xlsx: title row, 'ID Usulan', criteria by code, one column headed as the form
    names it and mapped with --kolom to P2, numbers as numbers (80.5 on K1's half step), a signature block.

        F1: .4*80.5 + .3*70 + .2*60 + .1*50 = 32.2 + 21 + 12 + 5 = 70.2
        F2: 24 + 27 + 16 + 7                                      = 74
        N1: .35*80 + .25*60 + .25*70 + .15*80                     = 72.5
        N2: 50 everywhere                                         = 50
    Order by hand: F2, N1, F1, N2. Cells of the other set's criteria are empty: 16 skipped."""
    ids = sets
    kosong = [None] * 4
    xlsx = buku(tmp_path / "penilaian.xlsx", {"Penilaian": [
        ["LEMBAR PENILAIAN USULAN KELOMPOK INFRASTRUKTUR"], [],
        ["No", "ID Usulan", "K1", "K2", "K3", "K4", "P1", "Nilai Sasaran Rentan", "P3", "P4"],
        [1, ids["F1"], 80.5, 70, 60, 50, *kosong],
        [2, ids["F2"], 60, 90, 80, 70, *kosong],
        [3, ids["N1"], *kosong, 80, 60, 70, 80],
        [4, ids["N2"], *kosong, 50, 50, 50, 50],
        [], [None, "Mengetahui"], [None, "Camat Banjarmasin Utara"]]})
    assert main(["impor", "skor", store.path, str(xlsx), "--kolom", "Nilai Sasaran Rentan=P2"]) == 0
    out = capsys.readouterr().out
    assert "16 nilai skor diimpor dari penilaian.xlsx" in out and "(satu kolom per kriteria)" in out
    assert "16 sel kosong dilewati" in out and "blok tanda tangan" in out
    data = store.muat()
    assert data.raw["skor"][f"{ids['F1']}|K1|"]["nilai"] == "80.5"
    assert data.raw["skor"][f"{ids['N1']}|P2|"]["nilai"] == 60
    assert [(b.usulan.id, b.total) for b in peringkat_kelompok(data, INFRA).diperingkat] == [
        (ids["F2"], 74), (ids["N1"], Fraction(145, 2)), (ids["F1"], Fraction(351, 5)), (ids["N2"], 50)]
    assert pemetaan_tersimpan(data, "skor") == {"nilai_sasaran_rentan": "k:p2"}
    # Replacing a half-step value keeps the old one in the history as stored ("80.5", never a Fraction).
    ulang = tmp_path / "ulang.csv"
    ulang.write_text(f"usulan_id,K1\n{ids['F1']},81\n", encoding="utf-8")
    assert impor(store, "skor", ulang).diganti == 1
    entri = list(store.muat().raw["riwayat"].values())[-1]
    assert (entri["aksi"], entri["lama"]) == ("impor skor", {f"{ids['F1']}/K1": "80.5"})


def test_lembar_lebar_diperiksa_seluruhnya(store, sets, tmp_path):
    """Every problem of a wide workbook sheet at once, at the cell the user sees: a value off K1's half step,
    a criterion of the other set, an unknown usulan; nothing changes."""
    ids = sets
    xlsx = buku(tmp_path / "salah.xlsx", {"Nilai": [
        ["usulan_id", "K1", "K2", "P1"],
        [ids["F1"], 80.25, 70, None],
        [ids["N1"], None, None, 101],
        [ids["F2"], None, None, 50],
        ["U999", 50, None, None]]})
    sebelum = Path(store.path).read_bytes()
    with pytest.raises(DataDitolak) as e:
        impor(store, "skor", xlsx)
    tempat = "salah.xlsx lembar 'Nilai' baris"
    assert e.value.masalah == [
        f"{tempat} 2, kolom K1: Nilai 80,25 tidak sesuai langkah skala K1 (0-100, langkah 0,5).",
        f"{tempat} 3, kolom P1: Nilai 101 di luar skala P1 (0-100).",
        f"{tempat} 4, kolom P1: kriteria ini tidak dipakai untuk usulan {ids['F2']} (usulan fisik: K1, K2, K3, K4).",
        f"{tempat} 5, kolom usulan_id: Usulan U999 tidak ada."]
    assert Path(store.path).read_bytes() == sebelum


def test_satu_bentuk_per_lembar(store, sets, tmp_path):
    """One sheet long, another wide: both import. A sheet with both shapes is refused, named."""
    ids = sets
    xlsx = buku(tmp_path / "dua.xlsx", {
        "Panjang": [["usulan_id", "kriteria", "nilai"], [ids["F1"], "K1", 70], [ids["F1"], "K2", 60]],
        "Lebar": [["usulan_id", "penilai", "P1", "P2"], [ids["N1"], "Ana", 80, 70]]})
    hasil = impor(store, "skor", xlsx)
    assert hasil.jumlah == 4 and hasil.lembar == ["Panjang", "Lebar"]
    campur = buku(tmp_path / "campur.xlsx", {
        "Campur": [["usulan_id", "kriteria", "nilai", "K3"], [ids["F1"], "K1", 70, 50]]})
    with pytest.raises(DataDitolak) as e:
        impor(store, "skor", campur)
    assert any("memuat kolom kriteria/nilai sekaligus kolom per kriteria (K3)" in m for m in e.value.masalah)


def test_tanpa_kolom_nilai_pesan_menyebut_bentuk_lebar(store, sets, tmp_path):
    csv = tmp_path / "skor.csv"
    csv.write_text("usulan_id,penilai,catatan\nU001,Ana,x\n", encoding="utf-8")
    with pytest.raises(DataDitolak) as e:
        impor(store, "skor", csv)
    assert "kolom wajib tidak ada: kriteria, nilai" in e.value.pesan
    assert "satu kolom per kriteria berjudul kode atau nama kriterianya" in e.value.pesan


def test_pilihan_jenis_lain_ditolak_bukan_diabaikan(store, bantu, tmp_path, capsys):
    """One options mechanism: --kelompok/--jenis are kriteria's, --bidang/--bidang-baru usulan's; given to
    another kind they are refused (CLI: exit 2, before the file is read), never silently ignored."""
    csv = tmp_path / "skor.csv"
    csv.write_text("usulan_id,kriteria,nilai\n", encoding="utf-8")
    with pytest.raises(DataDitolak, match=r"--kelompok \(hanya untuk impor kriteria\)"):
        impor(store, "skor", csv, kelompok="Infrastruktur")
    with pytest.raises(DataDitolak, match=r"--bidang \(hanya untuk impor usulan\)"):
        impor(store, "peserta", csv, bidang="Ekonomi")
    p = pratinjau(csv, "usulan", store=store, jenis_usulan="fisik")
    assert not p.siap and "--jenis (hanya untuk impor kriteria)" in p.masalah[0]
    for argv in (["impor", "usulan", store.path, str(csv), "--jenis", "fisik"],
                 ["impor", "kriteria", store.path, str(csv), "--bidang", "Ekonomi"]):
        assert main(argv) == 2
        assert "hanya untuk impor" in capsys.readouterr().err


def test_pratinjau_skor_lebar_memetakan_kolom_kriteria(store, sets, tmp_path):
    """The preview proposes the criterion columns like fixed ones (the mapping step's choices include them)."""
    ids = sets
    csv = tmp_path / "lebar.csv"
    csv.write_text(f"Kode Usulan;Kesesuaian dengan RKPD;K2\n{ids['F1']};70;60\n", encoding="utf-8")
    p = pratinjau(csv, "skor", store=store)
    assert p.pemetaan == {"Kode Usulan": "usulan_id", "Kesesuaian dengan RKPD": "k:kesesuaian_dengan_rkpd",
                          "K2": "k:k2"}
    assert p.siap and "k:k2" in p.kolom
