"""Sumber dana and harga satuan of an usulan (issue 11 item 4, `sesi/dana.py`): the record's defaults and
older files, the vocabulary in the session's words, the schema's bounds, the import column (good and bad
values, each problem naming file, sheet, row and column), the warning when volume x harga satuan is not the
biaya (F9, import report, the berita acara's row), and Lampiran II/III of the berita acara."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from openpyxl import Workbook

from sesi import persiapan, skema, usulan, verifikasi
from sesi.berita_acara import TabelDokumen, berita_acara, dokumen
from sesi.dana import (BELUM_DITENTUKAN, baca_sumber_dana, catatan_harga, label_sumber, label_usulan,
                       sumber_usulan)
from sesi.errors import BerkasRusak, DataDitolak
from sesi.impor import impor
from sesi.model import Usulan
from sesi.peringatan import peringatan
from sesi.periksa import periksa
from sesi.sidik_jari import baca_kode
from sesi.store import Pelaku, Store

DATA = Path(__file__).parent / "data"


def _usulan(**kw) -> Usulan:
    return Usulan.from_dict({"id": "U1", "kelurahan": "Kuin Utara", "prioritas_kelurahan": 1, "kegiatan": "x", **kw})


# --- the record, older files, the schema -------------------------------------------------------------------


def test_usulan_tanpa_kolom_baru_memakai_bawaan():
    u = _usulan()
    assert (u.sumber_dana, u.harga_satuan) == ("", "")
    assert sumber_usulan(u) == "" and catatan_harga(u) == ""


def test_berkas_lama_yang_disahkan_tetap_cocok_dan_teks_lama_terbaca(tmp_path):
    """A file signed before the fields existed (main 9b8b8ee: `baru`, `impor usulan` with a free-text
    "Sumber Dana" column holding "APBD Kota" and "DAK", `sahkan --tetap`): opening writes nothing, the
    fingerprint on the paper still matches, and the old text reads as the vocabulary's key ("DAK", which
    it does not know, as CSR/lainnya with the text shown)."""
    path = tmp_path / "lama.json"
    shutil.copy(DATA / "skema-3-usulan-sah.json", path)
    lama = path.read_bytes()
    masalah, _ = periksa(str(path), sidik_jari=baca_kode("96F6-14C2-3121-0FFC"))
    assert masalah == [], masalah
    data = Store.buka(path).data
    assert path.read_bytes() == lama
    u1, u2 = data.usulan["U001"], data.usulan["U002"]
    assert (sumber_usulan(u1), label_usulan(data, u1)) == ("apbd_daerah", "APBD Kota")
    assert (sumber_usulan(u2), label_usulan(data, u2)) == ("lainnya", "CSR/lainnya (DAK)")
    assert u1.harga_satuan == "" and "harga_satuan" not in data.raw["usulan"]["U001"]
    assert "| CSR/lainnya (DAK) |" not in berita_acara(data, "md")  # U002 is not in Lampiran II (unverified)


def test_usulan_dengan_teks_lama_tetap_dapat_diubah(store, bantu):
    """An usulan holding free text from an older import is edited without refusal; its source becomes the
    key it reads as."""
    uid = bantu.usulan("Pembangunan titian")
    with store.transaksi() as tx:
        tx.put("usulan", uid, dict(tx.get("usulan", uid), sumber_dana="Dana Kelurahan 2027"))
    with store.transaksi() as tx:
        tx.put("usulan", uid, dict(tx.get("usulan", uid), sumber_dana="DAK"))
    bantu.lakukan(usulan.ubah_usulan, uid, kegiatan="Pembangunan titian ulin")
    assert store.muat().usulan[uid].sumber_dana == "lainnya"


@pytest.mark.parametrize("kolom, nilai, pesan", [
    ("harga_satuan", "1,5", "harga_satuan' harus bilangan tidak negatif"),
    ("harga_satuan", 1500, "harga_satuan' harus teks"),
    ("sumber_dana", "x" * 10_001, "sumber_dana' paling panjang 10000 karakter"),
    ("sumber_dana", None, "sumber_dana' harus teks"),
])
def test_skema_memeriksa_kolom_baru(store, kolom, nilai, pesan):
    obj = json.loads(Path(store.path).read_text(encoding="utf-8"))
    obj["usulan"] = {"U1": dict(_usulan().to_dict(), **{kolom: nilai})}
    with pytest.raises(BerkasRusak, match=pesan):
        skema.validasi(obj, "sesi.json")


# --- the vocabulary ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("ditulis, kunci", [
    ("APBD Kota", "apbd_daerah"), ("APBD Kabupaten", "apbd_daerah"), ("apbd kab/kota", "apbd_daerah"),
    ("APBD Prov.", "apbd_provinsi"), ("APBD Provinsi", "apbd_provinsi"), ("APBN", "apbn"),
    ("Dana Desa", "dana_wilayah"), ("Dana Kelurahan", "dana_wilayah"), ("DD", "dana_wilayah"),
    ("CSR", "lainnya"), ("CSR/lainnya", "lainnya"), ("Swadaya", "lainnya"), ("", ""), ("  ", ""),
    ("belum ditentukan", ""), ("apbd_provinsi", "apbd_provinsi"),
])
def test_baca_sumber_dana(ditulis, kunci):
    assert baca_sumber_dana(ditulis) == kunci


@pytest.mark.parametrize("ditulis", ["DAK", "APBD", "Dana Alokasi Umum", "APBD Kota 2027"])
def test_sumber_dana_di_luar_daftar_ditolak(ditulis):
    with pytest.raises(DataDitolak, match=r"^Sumber dana harus salah satu dari APBD Kota/Kabupaten"):
        baca_sumber_dana(ditulis)


def test_label_menurut_daerah_dan_wilayah(tmp_path, jam):
    kota = persiapan.buat_sesi(str(tmp_path / "k.json"), kecamatan="X", kota="Banjarmasin", tahun=2028,
                               tanggal="2027-02-09", tempat="A", kelurahan=["Alpha"],
                               pelaku=Pelaku("Op", "operator"), clock=jam).data
    kab = persiapan.buat_sesi(str(tmp_path / "b.json"), kecamatan="Y", kota="Cilacap", jenis_daerah="Kabupaten",
                              tahun=2028, tanggal="2027-02-09", tempat="A", desa=["Beta"],
                              pelaku=Pelaku("Op", "operator"), clock=jam).data
    assert [label_sumber(kota, k) for k in ("apbd_daerah", "dana_wilayah", "")] == \
        ["APBD Kota", "Dana Kelurahan", BELUM_DITENTUKAN]
    assert [label_sumber(kab, k) for k in ("apbd_daerah", "dana_wilayah")] == ["APBD Kabupaten", "Dana Desa"]


# --- harga satuan --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("volume, harga, biaya, catatan", [
    ("700", "1500000", "1050000000", ""),
    ("1.5", "333333", "499999.5", ""),
    ("", "", "1000", ""),
    ("40", "8500000", "320000000",
     "volume 40 x harga satuan Rp8.500.000 = Rp340.000.000, tidak sama dengan perkiraan biaya Rp320.000.000"),
    ("40", "8500000", "", "volume 40 x harga satuan Rp8.500.000 = Rp340.000.000, tetapi perkiraan biaya kosong"),
    ("", "8500000", "1000", "harga satuan Rp8.500.000 diisi tanpa volume, sehingga perkiraan biaya tidak dapat "
                            "diperiksa"),
])
def test_catatan_harga_satuan(volume, harga, biaya, catatan):
    assert catatan_harga(_usulan(volume=volume, harga_satuan=harga, perkiraan_biaya=biaya)) == catatan


def test_peringatan_f9_menyebut_harga_yang_tidak_cocok(store, bantu):
    cocok = bantu.usulan("Jalan titian", volume="700", harga_satuan="1.500.000", perkiraan_biaya="1.050.000.000",
                         sumber_dana="APBD Kota")
    beda = bantu.usulan("Lampu PJU", volume="40", harga_satuan="8.500.000", perkiraan_biaya="320.000.000")
    w = [x for x in peringatan(store.muat()) if "harga satuan" in x]
    assert w == [f"Usulan {beda} \"Lampu PJU\": volume 40 x harga satuan Rp8.500.000 = Rp340.000.000, tidak sama "
                 "dengan perkiraan biaya Rp320.000.000."]
    assert store.muat().usulan[cocok].sumber_dana == "apbd_daerah"
    bantu.nilai(cocok, 3)  # another table changes: the warning stays
    assert len([x for x in peringatan(store.muat()) if "harga satuan" in x]) == 1
    bantu.lakukan(usulan.ubah_usulan, beda, perkiraan_biaya="340.000.000")  # corrected: the warning goes
    assert not [x for x in peringatan(store.muat()) if "harga satuan" in x]


def test_form_menolak_sumber_dan_harga_yang_salah(store, bantu):
    assert "Sumber dana harus salah satu" in bantu.ditolak(
        usulan.tambah_usulan, kelurahan="Alalak Selatan", prioritas_kelurahan=1, kegiatan="x", bidang="B",
        skpd="S", sumber_dana="DAK")
    assert "Harga satuan harus angka" in bantu.ditolak(
        usulan.tambah_usulan, kelurahan="Alalak Selatan", prioritas_kelurahan=1, kegiatan="x", bidang="B",
        skpd="S", harga_satuan="mahal")


# --- import ------------------------------------------------------------------------------------------------------

JUDUL = "Kelurahan;Prioritas;Usulan;Volume;Satuan;Harga Satuan;Anggaran;Perangkat Daerah;Bidang;Sumber Pendanaan\n"


def test_impor_kolom_sumber_dan_harga(store, tmp_path):
    (tmp_path / "u.csv").write_text(
        JUDUL + "Alalak Selatan;1;Jalan titian;700;m;1.500.000;1.050.000.000;Dinas PUPR;Infrastruktur dan Kewilayahan;APBD Kota\n"
        "Alalak Selatan;2;Lampu PJU;40;titik;8.500.000;320.000.000;Disperkim;Infrastruktur dan Kewilayahan;apbd provinsi\n"
        "Pangeran;1;Posyandu;1;unit;;150.000.000;Dinas Kesehatan;Sosial Budaya;Dana Kelurahan\n"
        "Pangeran;2;Menjahit;30;orang;;90.000.000;Disperdagin;Ekonomi;\n", encoding="utf-8")
    hasil = impor(store, "usulan", tmp_path / "u.csv")
    assert hasil.jumlah == 4
    assert "u.csv baris 3: volume 40 x harga satuan Rp8.500.000 = Rp340.000.000, tidak sama dengan perkiraan " \
        "biaya Rp320.000.000 (peringatan; usulan tetap diimpor)." in hasil.catatan
    assert not any("baris 2:" in c for c in hasil.catatan)
    got = [(u.kegiatan, u.sumber_dana, u.harga_satuan) for u in store.muat().usulan.values()]
    assert got == [("Jalan titian", "apbd_daerah", "1500000"), ("Lampu PJU", "apbd_provinsi", "8500000"),
                   ("Posyandu", "dana_wilayah", ""), ("Menjahit", "", "")]


def test_impor_nilai_salah_menyebut_baris_dan_kolom(store, tmp_path):
    path = tmp_path / "u.csv"
    path.write_text(
        JUDUL + "Alalak Selatan;1;Jalan titian;700;m;satu juta;1.050.000.000;Dinas PUPR;Infrastruktur dan Kewilayahan;APBD Kota\n"
        "Alalak Selatan;2;Lampu PJU;40;titik;;320.000.000;Disperkim;Infrastruktur dan Kewilayahan;DAK\n", encoding="utf-8")
    sebelum = Path(store.path).read_bytes()
    with pytest.raises(DataDitolak) as e:
        impor(store, "usulan", path)
    assert Path(store.path).read_bytes() == sebelum
    assert e.value.masalah[:2] == [
        "u.csv baris 2, kolom Harga Satuan: harus jumlah rupiah, bukan 'satu juta'.",
        "u.csv baris 3, kolom Sumber Pendanaan: harus salah satu dari APBD Kota/Kabupaten, APBD Provinsi, APBN, "
        "Dana Kelurahan/Dana Desa, CSR/lainnya, atau kosong (belum ditentukan), bukan 'DAK'."]


def test_impor_buku_kerja_menyebut_lembar(store, tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.title = "Pangeran"
    ws.append(["Kelurahan", "Prioritas", "Usulan", "SKPD", "Bidang", "Sumber Dana", "Harga Satuan"])
    ws.append(["Pangeran", 1, "Posyandu", "Dinas Kesehatan", "Sosial Budaya", "Dana Kelurahan", 150000000])
    ws.append(["Pangeran", 2, "Jalan", "Dinas PUPR", "Infrastruktur dan Kewilayahan", "APBD", None])
    wb.save(tmp_path / "u.xlsx")
    with pytest.raises(DataDitolak) as e:
        impor(store, "usulan", tmp_path / "u.xlsx")
    assert any(m.startswith("u.xlsx lembar 'Pangeran' baris 3, kolom Sumber Dana: harus salah satu dari")
               and "'APBD' saja dapat berarti" in m for m in e.value.masalah), e.value.masalah


def test_impor_ulang_memperbarui_sumber_dana(store, tmp_path):
    (tmp_path / "a.csv").write_text("id;kelurahan;prioritas;kegiatan;skpd;bidang;sumber_dana\n"
                                    "KU-1;Pangeran;1;Posyandu;Dinas Kesehatan;Sosial Budaya;APBN\n", encoding="utf-8")
    impor(store, "usulan", tmp_path / "a.csv")
    (tmp_path / "b.csv").write_text("id;sumber_anggaran;harga_satuan\nKU-1;Dana Kelurahan;1.000.000\n",
                                    encoding="utf-8")
    hasil = impor(store, "usulan", tmp_path / "b.csv")
    u = store.muat().usulan["KU-1"]
    assert (u.sumber_dana, u.harga_satuan, hasil.diperbarui) == ("dana_wilayah", "1000000", 1)
    assert any("harga satuan Rp1.000.000 diisi tanpa volume" in c for c in hasil.catatan)


# --- the berita acara ------------------------------------------------------------------------------------------


def test_berita_acara_sumber_cadangan_dan_catatan_harga(store, bantu):
    """Lampiran II shows each row's source and the harga note; KESATU the totals per source; the cadangan are
    Lampiran III part B with their biaya and source, and KEDUA says so."""
    bantu.kriteria(1)
    a = bantu.usulan("Jalan titian", volume="700", harga_satuan="1500000", perkiraan_biaya="1050000000",
                     sumber_dana="APBD Kota")
    b = bantu.usulan("Lampu PJU", volume="40", harga_satuan="8500000", perkiraan_biaya="320000000",
                     sumber_dana="APBN")
    c = bantu.usulan("Bank sampah", perkiraan_biaya="250000000", sumber_dana="CSR")
    for uid in (a, b):
        bantu.lakukan(verifikasi.verifikasi, uid, "sesuai")
        bantu.nilai(uid, 4)
    bantu.lakukan(verifikasi.verifikasi, c, "cadangan", "Menunggu lahan")
    data = store.muat()
    teks = berita_acara(data, "md")
    assert ("dengan jumlah perkiraan biaya Rp1.370.000.000, menurut sumber dana: APBD Kota Rp1.050.000.000 "
            "(1 (satu) kegiatan); APBN Rp320.000.000 (1 (satu) kegiatan).") in teks
    assert "| Lampu PJU (catatan: 40 x Rp8.500.000 = Rp340.000.000) |" in teks
    assert "| Jalan titian |" in teks
    assert "sebanyak 1 (satu) usulan, termasuk 1 (satu) usulan cadangan yang tercantum tersendiri dalam " \
        "Lampiran III bagian B." in teks
    assert "#### B. Daftar usulan cadangan" in teks
    assert "| 1 | Bank sampah | Alalak Selatan |  |  | Rp250.000.000 | CSR/lainnya | Cadangan: Menunggu lahan |" \
        in teks
    tabel = [b for b in dokumen(data) if isinstance(b, TabelDokumen) and b.kolom[0].judul == "Sumber Dana"]
    assert tabel[0].baris == (("APBD Kota", "1", "Rp1.050.000.000"), ("APBN", "1", "Rp320.000.000"),
                              ("Jumlah", "2", "Rp1.370.000.000"))


def test_templat_daftar_sumber_dana_dengan_sebutan_sesi(tmp_path, jam):
    """The template's sumber dana dropdown is the vocabulary in the session's words, and it has a Harga Satuan
    column; filled in with those words, it imports."""
    import io

    from openpyxl import load_workbook

    from sesi.impor import templat

    kab = persiapan.buat_sesi(str(tmp_path / "b.json"), kecamatan="Y", kota="Cilacap", jenis_daerah="Kabupaten",
                              tahun=2028, tanggal="2027-02-09", tempat="A", desa=["Beta"],
                              pelaku=Pelaku("Op", "operator"), clock=jam)
    wb = load_workbook(io.BytesIO(templat("usulan", kab.data)))
    judul = [c.value for c in wb["usulan"][1]]
    assert "Harga Satuan" in judul
    daftar = wb["daftar"]
    kolom = next(c.column for c in daftar[1] if c.value == "Sumber Dana")
    nilai = [r[0].value for r in daftar.iter_rows(min_row=2, min_col=kolom, max_col=kolom) if r[0].value]
    assert nilai == ["APBD Kabupaten", "APBD Provinsi", "APBN", "Dana Desa", "CSR/lainnya"]
    assert [baca_sumber_dana(v) for v in nilai] == ["apbd_daerah", "apbd_provinsi", "apbn", "dana_wilayah", "lainnya"]
