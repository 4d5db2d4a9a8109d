"""CSV import (issues 2 and 6): the files spreadsheets really write are read, every problem in a bad file is
named by file, row (as the spreadsheet numbers it) and column, and a refused file changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from sesi import verifikasi
from sesi.csv_import import BATAS_MASALAH, impor
from sesi.errors import DataDitolak
from sesi.riwayat import periksa_rantai

DATA = Path(__file__).parent / "data"

USULAN_HEADER = "kelurahan,prioritas_kelurahan,kegiatan,skpd,bidang,perkiraan_biaya"


def tulis(tmp_path: Path, nama: str, isi: str | bytes) -> Path:
    path = tmp_path / nama
    path.write_bytes(isi if isinstance(isi, bytes) else isi.encode("utf-8"))
    return path


def ditolak(store, jenis: str, path: Path) -> DataDitolak:
    """The import must be refused and leave the session file byte for byte as it was."""
    sebelum = Path(store.path).read_bytes()
    with pytest.raises(DataDitolak) as info:
        impor(store, jenis, path)
    assert Path(store.path).read_bytes() == sebelum, "impor yang ditolak mengubah berkas sesi"
    return info.value


def semua_pesan(e: DataDitolak) -> str:
    return "\n".join([e.pesan, *e.masalah])


def riwayat_baru(store, sebelum: int) -> list[dict]:
    entri = list(store.muat().raw["riwayat"].values())
    assert periksa_rantai(entri) == []
    return entri[sebelum:]


# --- what spreadsheets write -------------------------------------------------------------------------


def test_usulan_dari_excel_indonesia_diimpor_utuh(store, bantu):
    """BOM, ';', CRLF, header in any case/order with aliases, Indonesian numbers, a quoted newline, a blank
    row and an unknown column: all read; new usulan are baru and follow the existing ones in entry order."""
    lama = bantu.usulan("Usulan yang sudah ada", kelurahan="Kuin Utara", prioritas=3)
    n_riwayat = len(store.muat().raw["riwayat"])
    hasil = impor(store, "usulan", DATA / "usulan_excel.csv")
    assert hasil.jumlah == 3
    assert "Foto" in hasil.ringkasan and "3 usulan" in hasil.ringkasan
    data = store.muat()
    baru = [u for u in data.usulan.values() if u.id != lama]
    assert [u.kegiatan for u in baru] == ["Pembangunan jalan titian ulin",
                                          "Pelatihan menjahit bagi ibu rumah tangga",
                                          "Rehabilitasi gedung posyandu"]
    titian, menjahit, posyandu = baru
    assert (titian.kelurahan, titian.lokasi, titian.volume, titian.perkiraan_biaya, titian.jenis) == \
        ("Kuin Utara", "RT 05 RW 02", "700", "1050000000", "fisik")
    assert (menjahit.kelurahan, menjahit.perkiraan_biaya, menjahit.jenis, menjahit.skpd) == \
        ("Kuin Utara", "1500000.5", "non-fisik", "Disperdagin")
    assert posyandu.masalah == "Atap bocor; lantai rusak"
    assert {u.status for u in baru} == {"baru"}
    assert min(u.urutan for u in baru) > data.usulan[lama].urutan
    assert [u.urutan for u in baru] == sorted(u.urutan for u in baru)
    (entri,) = riwayat_baru(store, n_riwayat)
    assert (entri["aksi"], entri["objek"], entri["baru"]["jumlah"]) == ("impor usulan", "usulan_excel.csv", 3)


def test_berkas_cp1252_dibaca_dengan_huruf_beraksen(store):
    """A file that is not UTF-8 is read as cp1252 (old Excel), accents and curly quotes intact, and the
    summary says so."""
    hasil = impor(store, "usulan", DATA / "usulan_cp1252.csv")
    (u,) = store.muat().usulan.values()
    assert u.kegiatan == "Pemasangan lampu PJU \u2018gang Pang\u00e9ran\u2019"
    assert u.lokasi == "Gang Caf\u00e9"
    assert u.perkiraan_biaya == "320000000"
    assert "cp1252" in hasil.ringkasan


def test_id_diberikan_dipertahankan_dan_yang_kosong_dibuat_tanpa_bentrok(store, tmp_path):
    """Ids in the file are kept as given; rows without one get the next free U### that no row of the file
    uses either."""
    path = tulis(tmp_path, "u.csv", "id," + USULAN_HEADER + "\n"
                 ",Kuin Utara,1,Drainase,Dinas PUPR,Infrastruktur dan Kewilayahan,\n"
                 "U001,Kuin Utara,2,Jembatan,Dinas PUPR,Infrastruktur dan Kewilayahan,\n"
                 "KU/3,Kuin Utara,3,Titian,Dinas PUPR,Infrastruktur dan Kewilayahan,\n")
    hasil = impor(store, "usulan", path)
    assert hasil.id == ["U002", "U001", "KU/3"]
    assert store.muat().usulan["U002"].kegiatan == "Drainase"


def test_teks_jahil_disimpan_apa_adanya(store, tmp_path):
    """Emoji, combining characters, right-to-left text and Rich markup are stored literally (NFC); an ANSI
    escape sequence is refused naming row and column (the one rule for hidden characters: never silently
    dropped)."""
    arab = "\u0645\u0634\u0631\u0648\u0639 \u0637\u0631\u064a\u0642"  # right-to-left
    judul = ["Jalan \U0001F6A7 titian \U0001F30A", "Cafe\u0301 kampung", arab,
             "[bold red]Penting[/] [link=http://x]klik[/link]"]
    rows = "".join(f'Kuin Utara,{i},"{t}",Dinas PUPR,Infrastruktur dan Kewilayahan,\n' for i, t in enumerate(judul, start=1))
    impor(store, "usulan", tulis(tmp_path, "u.csv", USULAN_HEADER + "\n" + rows))
    assert [u.kegiatan for u in store.muat().usulan.values()] == [
        "Jalan \U0001F6A7 titian \U0001F30A", "Caf\u00e9 kampung", judul[2],
        "[bold red]Penting[/] [link=http://x]klik[/link]"]
    e = ditolak(store, "usulan", tulis(tmp_path, "esc.csv", USULAN_HEADER + "\n"
                                        'Kuin Utara,9,"\x1b[31mMerah\x1b[0m biasa",Dinas PUPR,Infrastruktur dan Kewilayahan,\n'))
    assert e.masalah == ["esc.csv baris 2, kolom kegiatan: tidak boleh memuat karakter kendali atau pengatur "
                         "arah teks (ditemukan <ESC>)."]


def test_nomor_baris_seperti_di_lembar_kerja(store, tmp_path):
    """Rows are numbered as a spreadsheet shows them: header = 1, a quoted newline stays in its row, blank
    rows count."""
    path = tulis(tmp_path, "usulan.csv", USULAN_HEADER + "\n"
                 'Kuin Utara,1,"Titian\nulin\ndua baris",Dinas PUPR,Infrastruktur dan Kewilayahan,\n'
                 "\n"
                 "Kuin Utara,satu,Drainase,Dinas PUPR,Infrastruktur dan Kewilayahan,\n")
    e = ditolak(store, "usulan", path)
    assert e.masalah == ["usulan.csv baris 4, kolom prioritas_kelurahan: harus bilangan bulat, bukan 'satu'."]


# --- every problem, precisely ------------------------------------------------------------------------


def test_berkas_kosong(store, tmp_path):
    e = ditolak(store, "usulan", tulis(tmp_path, "usulan.csv", ""))
    assert "usulan.csv kosong" in e.pesan
    e = ditolak(store, "usulan", tulis(tmp_path, "spasi.csv", b"\xef\xbb\xbf \r\n\r\n"))
    assert "spasi.csv kosong" in e.pesan


def test_hanya_baris_judul(store, tmp_path):
    e = ditolak(store, "usulan", tulis(tmp_path, "usulan.csv", USULAN_HEADER + "\n,,,\n\n"))
    assert "tidak berisi baris data" in e.pesan


def test_kolom_wajib_tidak_ada(store, tmp_path):
    """Every missing required column is named, with the unknown ones that may be misspellings."""
    e = ditolak(store, "usulan", tulis(tmp_path, "usulan.csv", "kelurahn,kegiatan,bidang\nKuin Utara,Titian,Infra\n"))
    assert "kolom wajib tidak ada: kelurahan, prioritas_kelurahan, skpd" in e.pesan
    assert "kelurahn" in e.pesan


def test_kolom_ganda_juga_lewat_alias(store, tmp_path):
    e = ditolak(store, "usulan", tulis(tmp_path, "usulan.csv", USULAN_HEADER + ",Kegiatan\nx,1,a,b,c,,d\n"))
    assert "kolom kegiatan muncul dua kali: 'kegiatan' (kolom C) dan 'Kegiatan' (kolom G)" in semua_pesan(e)
    e = ditolak(store, "usulan", tulis(tmp_path, "alias.csv", USULAN_HEADER + ",anggaran\nx,1,a,b,c,,d\n"))
    assert "kolom perkiraan_biaya muncul dua kali" in semua_pesan(e)


def test_kolom_tak_dikenal_diabaikan_dan_disebut(store, tmp_path):
    path = tulis(tmp_path, "u.csv", USULAN_HEADER + ",foto,,\nKuin Utara,1,Titian,Dinas PUPR,Ekonomi,,rapat,,x\n")
    hasil = impor(store, "usulan", path)
    assert hasil.kolom_diabaikan == ["foto", "(tanpa judul, kolom I)"]
    assert "Kolom tidak dikenal diabaikan: foto" in hasil.ringkasan


def test_id_ganda_dalam_berkas_ditolak_dan_id_sesi_memperbarui(store, bantu, tmp_path):
    """An id twice in one file is refused; an id already in the session updates that usulan (issue 13)."""
    ada = bantu.usulan("Sudah ada", kelurahan="Pangeran")
    path = tulis(tmp_path, "usulan.csv", "id," + USULAN_HEADER + "\n"
                 "A1,Kuin Utara,1,Satu,Dinas PUPR,Ekonomi,\n"
                 "A1,Kuin Utara,2,Dua,Dinas PUPR,Ekonomi,\n"
                 f"{ada},Kuin Utara,3,Tiga,Dinas PUPR,Ekonomi,\n")
    e = ditolak(store, "usulan", path)
    assert e.masalah == ["usulan.csv baris 3, kolom id: Id usulan 'A1' sudah dipakai di baris 2."]
    path = tulis(tmp_path, "ulang.csv", "id," + USULAN_HEADER + f"\n{ada},Kuin Utara,3,Tiga,Dinas PUPR,Ekonomi,\n")
    hasil = impor(store, "usulan", path)
    assert (hasil.baru, hasil.diperbarui) == (0, 1) and "0 baru, 1 diperbarui, 0 ganda" in hasil.ringkasan
    u = store.muat().usulan[ada]
    assert (u.kegiatan, u.kelurahan, u.prioritas_kelurahan, u.bidang) == ("Tiga", "Kuin Utara", 3, "Ekonomi")


def test_prioritas_kelurahan_unik_dalam_berkas_dan_terhadap_sesi(store, bantu, tmp_path):
    bantu.usulan("Sudah ada", kelurahan="Pangeran", prioritas=1)
    path = tulis(tmp_path, "usulan.csv", USULAN_HEADER + "\n"
                 "Kuin Utara,1,Satu,Dinas PUPR,Ekonomi,\n"
                 "kuin utara,1,Dua,Dinas PUPR,Ekonomi,\n"
                 "Pangeran,1,Tiga,Dinas PUPR,Ekonomi,\n"
                 "Pangeran,2,Empat,Dinas PUPR,Ekonomi,\n")
    e = ditolak(store, "usulan", path)
    assert e.masalah[0] == ("usulan.csv baris 3, kolom prioritas_kelurahan: Prioritas 1 Kelurahan Kuin Utara "
                            "sudah dipakai di baris 2.")
    assert e.masalah[1].startswith("usulan.csv baris 4, kolom prioritas_kelurahan: Prioritas 1 Kelurahan "
                                   "Pangeran sudah dipakai usulan")
    assert len(e.masalah) == 2


def test_kelurahan_tak_dikenal_dengan_daftar_yang_dikenal(store, tmp_path):
    e = ditolak(store, "usulan", tulis(tmp_path, "usulan.csv", USULAN_HEADER + "\nKuin Utaraa,1,x,y,Ekonomi,\n"))
    assert e.masalah[0] == ("usulan.csv baris 2, kolom kelurahan: Desa/kelurahan 'Kuin Utaraa' tidak dikenal di "
                            "kecamatan ini; maksud Anda 'Kuin Utara'?")
    assert e.masalah[1].startswith("Kelurahan yang dikenal di sesi ini: Alalak Selatan, ")
    assert "--terima-saran" in e.masalah[-1]
    e = ditolak(store, "usulan", tulis(tmp_path, "jauh.csv", USULAN_HEADER + "\nMantuil,1,x,y,Ekonomi,\n"))
    assert e.masalah[0] == "jauh.csv baris 2, kolom kelurahan: Kelurahan 'Mantuil' tidak dikenal di kecamatan ini."


def test_setiap_kolom_salah_dalam_satu_baris_disebut(store, tmp_path):
    """One row with several bad fields: each is named, not only the first."""
    path = tulis(tmp_path, "usulan.csv", "Kelurahan;Prioritas_Kelurahan;Usulan;SKPD;Bidang;Anggaran;Jenis\n"
                 "Kuin Utara;satu;;Dinas PUPR;;-5.000;jalan\n")
    e = ditolak(store, "usulan", path)
    assert e.masalah == [
        "usulan.csv baris 2, kolom Prioritas_Kelurahan: harus bilangan bulat, bukan 'satu'.",
        "usulan.csv baris 2, kolom Usulan: wajib diisi.",
        "usulan.csv baris 2, kolom Anggaran: tidak boleh negatif, bukan '-5.000'.",
        "usulan.csv baris 2, kolom Jenis: harus fisik atau non-fisik, bukan 'jalan'.",
    ]


def test_biaya_negatif(store, tmp_path):
    e = ditolak(store, "usulan", tulis(tmp_path, "usulan.csv", USULAN_HEADER + "\nKuin Utara,1,x,y,Ekonomi,-1500000\n"))
    assert e.masalah == ["usulan.csv baris 2, kolom perkiraan_biaya: tidak boleh negatif, bukan '-1500000'."]


def test_judul_sepuluh_ribu_karakter_ditolak(store, tmp_path):
    path = tulis(tmp_path, "usulan.csv", USULAN_HEADER + f"\nKuin Utara,1,{'A' * 10_000},y,Ekonomi,\n")
    e = ditolak(store, "usulan", path)
    assert e.masalah == ["usulan.csv baris 2, kolom kegiatan: terlalu panjang (10000 karakter; paling banyak 500)."]


def test_baris_dengan_sel_terlalu_banyak(store, tmp_path):
    """A row with more filled cells than the header has columns (a stray delimiter) is refused; trailing
    empty cells, as Excel writes them, are not."""
    path = tulis(tmp_path, "usulan.csv", USULAN_HEADER + "\n"
                 "Kuin Utara,1,Titian,Dinas PUPR,Ekonomi,,,\n"
                 "Kuin Utara,2,Jalan, gang,Dinas PUPR,Ekonomi,1000\n")
    e = ditolak(store, "usulan", path)
    assert e.masalah == [("usulan.csv baris 3: berisi 7 sel, padahal baris judul hanya 6 kolom (periksa tanda "
                          "pemisah ',' atau tanda kutip di baris ini).")]


def test_bukan_csv_sama_sekali(store, tmp_path):
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))
    e = ditolak(store, "usulan", tulis(tmp_path, "foto.csv", png))
    assert e.pesan == "foto.csv bukan berkas CSV: isinya data biner, bukan teks."
    e = ditolak(store, "usulan", tulis(tmp_path, "usulan.xlsx", b"PK\x03\x04" + b"\x14\x00" * 50))
    assert e.pesan == ("usulan.xlsx tidak dapat dibaca sebagai berkas XLSX: berkas rusak atau bukan lembar kerja. "
                       "Buka di Excel/LibreOffice lalu simpan ulang sebagai .xlsx.")


def test_kutip_tidak_ditutup(store, tmp_path):
    """An unclosed quote would swallow every row after it: refused, naming the row where it starts."""
    path = tulis(tmp_path, "usulan.csv", USULAN_HEADER + '\nKuin Utara,1,Titian,x,Ekonomi,\nKuin Utara,2,"Jalan,x,Ekonomi,\n'
                 "Kuin Utara,3,Drainase,x,Ekonomi,\n")
    e = ditolak(store, "usulan", path)
    assert e.pesan == "usulan.csv baris 3: tidak dapat dibaca sebagai CSV (ada tanda kutip yang tidak ditutup)."


def test_jalur_tidak_ada_atau_folder(store, tmp_path):
    e = ditolak(store, "usulan", tmp_path / "tidak-ada.csv")
    assert "tidak ditemukan" in e.pesan
    e = ditolak(store, "usulan", tmp_path)
    assert "adalah folder, bukan berkas" in e.pesan


def test_semua_atau_tidak_sama_sekali_dan_batas_laporan(store, tmp_path):
    """Nine good rows and one bad: nothing lands. Past the limit, the rest is counted, not listed."""
    rows = [f"Kuin Utara,{i},Usulan {i},Dinas PUPR,Ekonomi," for i in range(1, 10)] + ["Kuin Utara,x,y,z,Ekonomi,"]
    e = ditolak(store, "usulan", tulis(tmp_path, "usulan.csv", "\n".join([USULAN_HEADER, *rows])))
    assert e.masalah == ["usulan.csv baris 11, kolom prioritas_kelurahan: harus bilangan bulat, bukan 'x'."]
    assert store.muat().usulan == {}
    rows = [f"Kuin Utara,{i},,Dinas PUPR,Ekonomi," for i in range(1, BATAS_MASALAH + 8)]
    e = ditolak(store, "usulan", tulis(tmp_path, "banyak.csv", "\n".join([USULAN_HEADER, *rows])))
    assert len(e.masalah) == BATAS_MASALAH + 1
    assert e.masalah[-1] == "... dan 7 masalah lain."
    assert f"{BATAS_MASALAH + 7} masalah" in e.pesan


# --- peserta -----------------------------------------------------------------------------------------


def test_peserta_diimpor_dengan_hadir_dan_waktunya(store, jam):
    hasil = impor(store, "peserta", DATA / "peserta.csv")
    assert hasil.jumlah == 3 and "1 tercatat hadir" in hasil.ringkasan
    siti, ahmad, rahmat = store.muat().peserta.values()
    assert (siti.unsur, siti.jenis_kelamin, siti.delegasi, siti.hadir, siti.waktu_hadir, siti.telepon) == \
        ("delegasi", "P", True, True, jam.iso, "0812-5000-1111")
    assert (ahmad.unsur, ahmad.hadir, ahmad.waktu_hadir, ahmad.rentan) == ("lurah", False, "", False)
    assert (rahmat.unsur, rahmat.jenis_kelamin, rahmat.rentan, rahmat.rentan_jenis) == \
        ("tokoh_masyarakat", "L", True, "disabilitas")


def test_impor_peserta_ulang_tidak_menggandakan(store):
    """The same list imported twice: the people are recognised by name and kelurahan, not added again."""
    impor(store, "peserta", DATA / "peserta.csv")
    hasil = impor(store, "peserta", DATA / "peserta.csv")
    assert hasil.jumlah == 3 and len(store.muat().peserta) == 3
    assert "0 baru, 0 diperbarui, 0 ganda, 3 sudah ada tanpa perubahan" in hasil.ringkasan


def test_peserta_salah_disebut_per_kolom(store, tmp_path):
    path = tulis(tmp_path, "peserta.csv", "Nama;Unsur;Jenis Kelamin;Kelurahan;Hadir;Delegasi\n"
                 "Ani;wartawan;X;Kuin Utara;ya;ya\n"
                 ";lurah;L;;mungkin;\n")
    e = ditolak(store, "peserta", path)
    assert e.masalah[0].startswith("peserta.csv baris 2, kolom Unsur: Unsur 'wartawan' tidak dikenal (pilihan: camat,")
    assert e.masalah[1:] == ["peserta.csv baris 2, kolom Jenis Kelamin: harus L atau P, bukan 'X'.",
                             "peserta.csv baris 3, kolom Nama: wajib diisi.",
                             "peserta.csv baris 3, kolom Hadir: harus ya atau tidak, bukan 'mungkin'."]


# --- kriteria ----------------------------------------------------------------------------------------


def test_kriteria_mengganti_seluruhnya_dengan_nilai_bawaan(store):
    hasil = impor(store, "kriteria", DATA / "kriteria.csv")
    assert "kriteria lama (K1, K2, K3, K4, K5) diganti" in hasil.ringkasan
    a, b, c = store.muat().kriteria
    assert [(k.kode, k.bobot, k.skala_min, k.skala_maks, k.urutan) for k in (a, b, c)] == \
        [("A", "40", 1, 10, 1), ("B", "30", 1, 5, 2), ("C", "30", 1, 5, 3)]
    assert b.label["1"] == "sangat rendah"


def test_kriteria_ditolak_bila_sudah_ada_skor(store, bantu):
    u = bantu.usulan()
    bantu.nilai(u, 3)
    e = ditolak(store, "kriteria", DATA / "kriteria.csv")
    (pesan,) = e.masalah
    assert pesan.startswith("kriteria.csv: Kriteria hanya dapat diganti seluruhnya selama belum ada nilai skor.")
    assert "hanya nama, label dan bobot yang dapat diubah" in pesan


def test_kriteria_salah(store, tmp_path):
    path = tulis(tmp_path, "kriteria.csv", "kode,nama,bobot,skala_min,skala_maks\n"
                 "K1,Satu,0,1,5\nK1,Dua,1,,\nK 3,Tiga,1,5,3\n")
    e = ditolak(store, "kriteria", path)
    assert e.masalah == [
        "kriteria.csv baris 2, kolom bobot: harus bilangan positif, bukan '0'.",
        "kriteria.csv baris 3, kolom kode: Kode kriteria 'K1' sudah dipakai di baris 2.",
        "kriteria.csv baris 4, kolom kode: Kode kriteria 'K 3' hanya boleh memuat huruf, angka, titik, - dan _.",
        "kriteria.csv baris 4, kolom skala_maks: Skala maksimum (3) harus lebih besar daripada skala minimum (5).",
    ]


# --- skor --------------------------------------------------------------------------------------------


def test_skor_diimpor_dan_impor_ulang_menimpa(store, tmp_path):
    impor(store, "usulan", DATA / "usulan_id.csv")
    hasil = impor(store, "skor", DATA / "skor.csv")
    assert hasil.jumlah == 7 and hasil.diganti == 0
    data = store.muat()
    assert data.nilai_mentah("KU-01", "K1") == {"": 5}
    assert data.nilai_mentah("KU-02", "K1") == {"Budi": 3, "Sari": 4}
    n_riwayat = len(data.raw["riwayat"])
    path = tulis(tmp_path, "ulang.csv", "usulan_id,kriteria,nilai,penilai\nKU-01,K1,2,\nKU-01,K2,4,\n")
    hasil = impor(store, "skor", path)
    assert (hasil.jumlah, hasil.diganti) == (2, 1)
    assert "1 menimpa nilai lama" in hasil.ringkasan
    assert store.muat().nilai_mentah("KU-01", "K1") == {"": 2}
    (entri,) = riwayat_baru(store, n_riwayat)
    assert (entri["aksi"], entri["lama"], entri["baru"]) == ("impor skor", {"KU-01/K1": 5},
                                                             {"jumlah": 2, "diganti": 1})


def test_skor_salah(store, bantu, tmp_path):
    impor(store, "usulan", DATA / "usulan_id.csv")
    with store.transaksi() as tx:
        verifikasi.verifikasi(tx, "SA-01", "ditolak", alasan="Sudah dianggarkan tahun ini")
    path = tulis(tmp_path, "skor.csv", "usulan_id,kriteria,nilai,penilai\n"
                 "KU-01,K1,6,\n"        # out of scale
                 "KU-01,K2,3.5,\n"      # not an integer
                 "KU-09,K1,3,\n"        # unknown usulan
                 "KU-01,K9,3,\n"        # unknown kriteria
                 "KU-01,K3,3,Andi\n"
                 "KU-01,K3,4,Andi\n"    # the same cell twice
                 "SA-01,K1,3,\n"        # set aside by verification
                 "KU-09,K1,tiga,\n"     # two problems in one row
                 "KU-01,K4,,\n")
    e = ditolak(store, "skor", path)
    assert e.masalah == [
        "skor.csv baris 2, kolom nilai: Nilai 6 di luar skala K1 (1-5).",
        "skor.csv baris 3, kolom nilai: harus bilangan bulat, bukan '3.5'.",
        "skor.csv baris 4, kolom usulan_id: Usulan KU-09 tidak ada.",
        "skor.csv baris 5, kolom kriteria: Kriteria K9 tidak ada.",
        "skor.csv baris 7: usulan KU-01, kriteria K3, penilai Andi sudah diisi di baris 6.",
        "skor.csv baris 8, kolom usulan_id: Usulan SA-01 berstatus ditolak; tidak dinilai.",
        "skor.csv baris 9, kolom usulan_id: Usulan KU-09 tidak ada.",
        "skor.csv baris 9, kolom nilai: harus bilangan bulat, bukan 'tiga'.",
        "skor.csv baris 10, kolom nilai: wajib diisi.",
    ]


# --- limits (issue 10, items 6 and 7): refused at once, named by file, row and column ---------------------


def test_bobot_raksasa_ditolak_seketika(store, tmp_path):
    """A bobot of 1e999999999 (which, written out, is a billion digits) is refused before any arithmetic,
    next to a bobot with too many decimals; the file names row and column."""
    path = tulis(tmp_path, "kriteria.csv", "kode,nama,bobot\nK1,Manfaat,1e999999999\nK2,Biaya,0.1234567\n"
                 "K3,Lokasi,1000\n")
    e = ditolak(store, "kriteria", path)
    assert e.masalah == [
        "kriteria.csv baris 2, kolom bobot: paling besar 1.000, bukan '1e999999999'.",
        "kriteria.csv baris 3, kolom bobot: paling banyak 6 angka di belakang koma, bukan '0.1234567'.",
    ]


def test_angka_usulan_di_luar_batas_ditolak(store, tmp_path):
    """Volume above 10^9 and perkiraan biaya above 10^15 rupiah are refused; so is a priority of a thousand
    digits (before int() would fail on it)."""
    path = tulis(tmp_path, "usulan.csv", "kelurahan;prioritas_kelurahan;kegiatan;skpd;bidang;volume;perkiraan_biaya\n"
                 "Kuin Utara;1;Titian;PUPR;Ekonomi;1.000.000.001;1.000.000\n"
                 "Kuin Utara;2;Drainase;PUPR;Ekonomi;10;1.000.000.000.000.001\n"
                 f"Kuin Utara;{'9' * 1000};Jalan;PUPR;Ekonomi;;\n")
    e = ditolak(store, "usulan", path)
    assert e.masalah == [
        "usulan.csv baris 2, kolom volume: paling besar 1.000.000.000, bukan '1.000.000.001'.",
        "usulan.csv baris 3, kolom perkiraan_biaya: paling besar 1.000.000.000.000.000, bukan "
        "'1.000.000.000.000.001'.",
        "usulan.csv baris 4, kolom prioritas_kelurahan: terlalu besar (1000 angka), bukan bilangan yang wajar.",
    ]


def test_nama_peserta_dengan_karakter_kendali_atau_terlalu_panjang_ditolak(store, tmp_path):
    """A name holding an escape sequence or a right-to-left override is refused (not silently cleaned),
    and the message shows what it holds; a name over 200 characters is refused too."""
    path = tulis(tmp_path, "peserta.csv", "nama,unsur\n"
                 '"Budi\x1b[2J",delegasi\n'
                 "Siti \u202eanigaR,delegasi\n"
                 f"{'A' * 201},delegasi\n"
                 "Rahmat,delegasi\n")
    e = ditolak(store, "peserta", path)
    assert e.masalah == [
        "peserta.csv baris 2, kolom nama: tidak boleh memuat karakter kendali, pengatur arah teks atau karakter "
        "tak terlihat (ditemukan <ESC>).",
        "peserta.csv baris 3, kolom nama: tidak boleh memuat karakter kendali, pengatur arah teks atau karakter "
        "tak terlihat (ditemukan <U+202E>).",
        "peserta.csv baris 4, kolom nama: terlalu panjang (201 karakter; paling banyak 200).",
    ]


def test_nilai_skor_dan_penilai_di_luar_batas_ditolak(store, tmp_path, bantu):
    uid = bantu.usulan("Titian", kelurahan="Kuin Utara")
    path = tulis(tmp_path, "skor.csv", "usulan_id,kriteria,nilai,penilai\n"
                 f"{uid},K1,{'9' * 5000},\n"
                 f"{uid},K2,3,Budi\u202e\n")  # a zero-width space would be removed and reported instead
    e = ditolak(store, "skor", path)
    assert e.masalah == [
        "skor.csv baris 2, kolom nilai: terlalu besar (5000 angka), bukan bilangan yang wajar.",
        "skor.csv baris 3, kolom penilai: tidak boleh memuat karakter kendali, pengatur arah teks atau karakter "
        "tak terlihat (ditemukan <U+202E>).",
    ]
