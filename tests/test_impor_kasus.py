"""The real-shaped import files of ../shared/cases/impor/ (copied into tests/data/kasus/): each ends as its
README says a user expects, after the mapping or suggestion it needs, or is refused saying what to do."""

from __future__ import annotations

from pathlib import Path

import pytest

from sesi import export, persiapan
from sesi.errors import DataDitolak
from sesi.impor import impor, pratinjau
from sesi.store import Pelaku

KASUS = Path(__file__).parent / "data" / "kasus"


def sesi_baru(tmp_path: Path, jam, kecamatan: str, kota: str, kelurahan=None):
    return persiapan.buat_sesi(str(tmp_path / f"{kecamatan}.json"), kecamatan=kecamatan, kota=kota, tahun=2028,
                               tanggal="2027-02-09", tempat="Aula", kelurahan=kelurahan,
                               pelaku=Pelaku("Operator Uji", "operator"), clock=jam)


def tak_berubah(store, fn, *args, **kwargs) -> DataDitolak:
    sebelum = Path(store.path).read_bytes()
    with pytest.raises(DataDitolak) as info:
        fn(*args, **kwargs)
    assert Path(store.path).read_bytes() == sebelum
    return info.value


def test_ekspor_sipd_tanpa_mengganti_judul(store):
    """SIPD export: `ID Usulan` kept as the id, `Usulan Ke` the priority, OPD awal/akhir, `Status` kept,
    the bidang from the SKPD-to-bidang table; the long SKPD name matched to its short form."""
    hasil = impor(store, "usulan", KASUS / "usulan-ekspor-sipd.csv")
    (u,) = store.muat().usulan.values()
    assert u.id == "2027001245" and hasil.id == ["2027001245"]
    assert (u.kelurahan, u.prioritas_kelurahan, u.kegiatan) == ("Kuin Utara", 1, "Pembangunan jalan titian ulin")
    assert (u.skpd_awal, u.skpd_akhir, u.bidang) == ("Dinas PUPR", "Dinas PUPR", "Infrastruktur dan Kewilayahan")
    assert (u.volume, u.satuan, u.perkiraan_biaya) == ("700", "Meter", "1050000000")
    assert u.masalah == "Akses warga RT 05 terputus saat pasang"
    assert store.muat().raw["usulan"][u.id]["status_asal"] == "Diterima" and u.status == "baru"


def test_judul_di_atas_dilewati_dan_dilaporkan(store):
    hasil = impor(store, "usulan", KASUS / "usulan-judul-di-atas.csv")
    assert hasil.jumlah == 1
    assert "usulan-judul-di-atas.csv: baris dilewati 1 (judul di atas tabel)." in hasil.ringkasan


def test_baris_jumlah_dilewati_dan_dilaporkan(store):
    hasil = impor(store, "usulan", KASUS / "usulan-baris-jumlah.csv")
    assert hasil.jumlah == 1 and len(store.muat().usulan) == 1
    assert "baris dilewati 3 (baris jumlah/ringkasan)" in hasil.ringkasan


def test_angka_excel_inggris_tidak_salah_baca(store):
    impor(store, "usulan", KASUS / "usulan-excel-inggris.csv")
    biaya = [u.perkiraan_biaya for u in store.muat().usulan.values()]
    assert biaya == ["1050000000", "750000"]


def test_volume_bersatuan(store):
    impor(store, "usulan", KASUS / "usulan-volume-bersatuan.csv")
    (u,) = store.muat().usulan.values()
    assert (u.volume, u.satuan) == ("700", "m")


def test_sei_jingah_dikenali_sebagai_sungai_jingah(store):
    impor(store, "usulan", KASUS / "usulan-sei-jingah.csv")
    assert [u.kelurahan for u in store.muat().usulan.values()] == ["Sungai Jingah"]


def test_awalan_kel_dikenali(store):
    impor(store, "usulan", KASUS / "usulan-kel-awalan.csv")
    assert [u.kelurahan for u in store.muat().usulan.values()] == ["Kuin Utara"]


def test_salah_ketik_satu_huruf_diberi_saran_lalu_diterima(store, tmp_path):
    path = tmp_path / "u.csv"
    path.write_text((KASUS / "usulan-sei-jingah.csv").read_text().replace("Sei Jingah", "Surgi Mufty"))
    e = tak_berubah(store, impor, store, "usulan", path)
    assert e.masalah[0] == ("u.csv baris 2, kolom Kelurahan: Desa/kelurahan 'Surgi Mufty' tidak dikenal di "
                            "kecamatan ini; maksud Anda 'Surgi Mufti'?")
    p = pratinjau(path, "usulan", store=store)
    assert [(s.kolom, s.nilai, s.saran) for s in p.saran] == [("kelurahan", "Surgi Mufty", "Surgi Mufti")]
    hasil = impor(store, "usulan", path, terima_saran={("kelurahan", "Surgi Mufty")})
    assert "Saran diterima: 'Surgi Mufty' -> 'Surgi Mufti'." in hasil.ringkasan
    assert [u.kelurahan for u in store.muat().usulan.values()] == ["Surgi Mufti"]


def test_kabupaten_tanpa_desa_belajar_dari_berkas(tmp_path, jam):
    """Dayeuhluhur (Kabupaten Cilacap) made without --kelurahan: the first file supplies its desa, recorded
    as desa; the DPUPR/Dinkes abbreviations become the usual names; the bidang 'Infrastruktur' needs the
    suggestion accepted."""
    store = sesi_baru(tmp_path, jam, "Dayeuhluhur", "Kabupaten Cilacap")
    assert store.muat().kelurahan == []
    path = KASUS / "usulan-desa-opd-kabupaten.csv"
    e = tak_berubah(store, impor, store, "usulan", path)
    assert any("Bidang 'Infrastruktur' belum dikenal" in m and "maksud Anda 'Infrastruktur dan Kewilayahan'" in m
               for m in e.masalah)
    hasil = impor(store, "usulan", path, terima_saran=True)
    data = store.muat()
    assert [k.nama for k in data.kelurahan] == ["Panulisan Barat", "Matenggeng", "Hanum"]
    assert {r["jenis"] for r in data.raw["kelurahan"].values()} == {"desa"}
    assert "3 desa ditambahkan dari berkas: Panulisan Barat, Matenggeng, Hanum." in hasil.ringkasan
    assert [(u.skpd, u.bidang, u.perkiraan_biaya) for u in data.usulan.values()] == [
        ("Dinas PUPR", "Infrastruktur dan Kewilayahan", "425000000"),
        ("Dinas PUPR", "Infrastruktur dan Kewilayahan", "300000000"),
        ("Dinas Kesehatan", "Sosial Budaya", "30000000")]


def test_bidang_salah_ketik_ditandai_tidak_pernah_bidang_baru_diam_diam(tmp_path, jam):
    store = sesi_baru(tmp_path, jam, "Banjarmasin Tengah", "Banjarmasin")
    path = KASUS / "usulan-bidang-salah-ketik.csv"
    e = tak_berubah(store, impor, store, "usulan", path)
    assert e.masalah[0] == (
        "usulan-bidang-salah-ketik.csv baris 4, kolom Bidang: Bidang 'Infrastruktur' belum dikenal di sesi ini; "
        "maksud Anda 'Infrastruktur dan Kewilayahan'? Atau bila memang bidang baru, konfirmasi dengan "
        "--bidang-baru \"Infrastruktur\".")
    impor(store, "usulan", path, terima_saran=True)
    data = store.muat()
    assert {u.bidang for u in data.usulan.values()} == {"Infrastruktur dan Kewilayahan", "Ekonomi"}
    assert [u.kegiatan for u in data.usulan.values()][0] == "Pengerukan sungai caf\u00e9"  # cp1252 detected


def test_bidang_baru_dikonfirmasi(tmp_path, jam):
    store = sesi_baru(tmp_path, jam, "Banjarmasin Tengah", "Banjarmasin")
    impor(store, "usulan", KASUS / "usulan-bidang-salah-ketik.csv", bidang_baru=["Infrastruktur"])
    assert {u.bidang for u in store.muat().usulan.values()} == {"Infrastruktur dan Kewilayahan", "Ekonomi",
                                                               "Infrastruktur"}


def test_ekspor_daftar_hadir_diimpor_kembali(store):
    """The app's own daftar hadir CSV: the summary rows skipped; the person keeps hadir time and lembaga."""
    hasil = impor(store, "peserta", KASUS / "peserta-dari-ekspor-daftar-hadir.csv")
    (p,) = store.muat().peserta.values()
    assert (p.nama, p.unsur, p.lembaga, p.jenis_kelamin) == ("Drs. H. Muhammad Yusuf Effendi", "camat",
                                                             "Kecamatan Banjarmasin Utara", "L")
    assert p.hadir and p.waktu_hadir == "2027-02-09T07:31:00"
    assert "baris dilewati 3-6 (baris jumlah/ringkasan)" in hasil.ringkasan


def test_daftar_hadir_ekspor_impor_bolak_balik(store, tmp_path, bantu, jam):
    """Export from one session, import into a fresh one: every person with lembaga, kelurahan, L/P and the
    check-in time; importing it again into the first session changes nothing and doubles no one."""
    bantu.peserta("Hj. Siti Aisyah", unsur="delegasi", lembaga="PKK Kuin Utara", kelurahan="Kuin Utara",
                  jenis_kelamin="P", hadir=True)
    bantu.peserta("Ahmad Fauzi", unsur="lurah", lembaga="Kelurahan Pangeran", kelurahan="Pangeran")
    bantu.peserta("Rahmat", unsur="tokoh_masyarakat", kelurahan="Alalak Utara", jenis_kelamin="L")
    path = tmp_path / "hadir.csv"
    path.write_text(export.daftar_hadir(store.muat(), "csv"), encoding="utf-8")
    lama = {p.nama: p for p in store.muat().peserta.values()}
    hasil = impor(store, "peserta", path)
    assert (hasil.baru, hasil.diperbarui, len(store.muat().peserta)) == (0, 0, 3)
    (tmp_path / "lain").mkdir()
    lain = sesi_baru(tmp_path / "lain", jam, "Banjarmasin Utara", "Banjarmasin")
    impor(lain, "peserta", path)
    baru = {p.nama: p for p in lain.muat().peserta.values()}
    for nama, p in lama.items():
        q = baru[nama]
        assert (q.unsur, q.lembaga, q.kelurahan, q.jenis_kelamin, q.hadir) == \
            (p.unsur, p.lembaga, p.kelurahan, p.jenis_kelamin, p.hadir)
        assert q.waktu_hadir[:16] == p.waktu_hadir[:16]


def test_peringkat_ekspor_diimpor_kembali_tanpa_mengubah(demo, tmp_path):
    """The peringkat export imports back into its session: every usulan recognised by id, none changed."""
    from sesi.store import Store

    store = Store(demo, pelaku=Pelaku("Operator", "operator"))
    path = tmp_path / "peringkat.csv"
    path.write_text(export.peringkat(store.muat(), "csv"), encoding="utf-8")
    sebelum = {u.id: u for u in store.muat().usulan.values()}
    hasil = impor(store, "usulan", path)
    assert (hasil.baru, hasil.diperbarui) == (0, 0) and hasil.jumlah == len(sebelum)
    assert {u.id: u for u in store.muat().usulan.values()} == sebelum


def test_daftar_pagi_lalu_siang_tidak_menggandakan(store):
    impor(store, "peserta", KASUS / "peserta-pagi.csv")
    hasil = impor(store, "peserta", KASUS / "peserta-siang.csv")
    data = store.muat()
    assert len(data.peserta) == 7 and sum(p.hadir for p in data.peserta.values()) == 7
    assert "7 peserta diimpor dari peserta-siang.csv, 7 tercatat hadir. 2 baru, 0 diperbarui, 0 ganda, 5 sudah " \
           "ada tanpa perubahan." in hasil.ringkasan


def test_berkas_mac_roman_dibaca_benar(store, tmp_path):
    path = tmp_path / "mac.csv"
    path.write_bytes("nama;unsur;kelurahan\nMa\u2019ruf;tokoh_masyarakat;Pangeran\n".encode("mac_roman"))
    hasil = impor(store, "peserta", path)
    assert [p.nama for p in store.muat().peserta.values()] == ["Ma\u2019ruf"]
    assert "Mac Roman" in hasil.ringkasan




def test_pengodean_ragu_disebut_dengan_kata_yang_perlu_diperiksa(store, tmp_path):
    """Bytes neither UTF-8 nor good cp1252: still read (Mac Roman decodes every byte), and the summary says the
    guess is doubtful and shows the words to check."""
    path = tmp_path / "aneh.csv"
    path.write_bytes(b"nama;unsur;lembaga\nAni;lainnya;" + bytes(range(0x80, 0x90)) + b"\n")
    hasil = impor(store, "peserta", path)
    assert "keyakinan rendah, periksa huruf pada kata: " in hasil.ringkasan


@pytest.mark.parametrize("isi", [b"PK\x03\x04" + b"\x00" * 100, b"\xd0\xcf\x11\xe0" + b"\x01" * 600])
def test_lembar_kerja_rusak_ditolak_dengan_pesan(store, tmp_path, isi):
    path = tmp_path / "rusak.xlsx"
    path.write_bytes(isi)
    e = tak_berubah(store, impor, store, "usulan", path)
    assert "tidak dapat dibaca sebagai berkas" in e.pesan and "simpan ulang" in e.pesan


def test_potongan_xlsx_acak_tidak_pernah_galat_tak_terduga(store, tmp_path):
    """Damaged workbooks (bytes flipped, cut short) are refused as data, never an unexpected error."""
    import io
    import random

    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["Kelurahan", "Prioritas", "Kegiatan", "SKPD"])
    wb.active.append(["Kuin Utara", 1, "Titian", "Dinas PUPR"])
    buf = io.BytesIO()
    wb.save(buf)
    rng = random.Random(13)
    for i in range(60):
        raw = bytearray(buf.getvalue())
        for _ in range(rng.randint(1, 10)):
            raw[rng.randrange(len(raw))] = rng.randrange(256)
        if i % 3 == 0:
            raw = raw[: rng.randrange(len(raw))]
        path = tmp_path / f"r{i}.xlsx"
        path.write_bytes(bytes(raw))
        try:
            impor(store, "usulan", path)
        except DataDitolak:
            pass


def test_sesi_disahkan_menolak_impor_walau_tanpa_perubahan(store):
    from sesi.errors import SesiTerkunci
    from sesi.pengesahan import sahkan
    from sesi.store import Store

    impor(store, "peserta", KASUS / "peserta-pagi.csv")
    pimpinan = Store(store.path, pelaku=Pelaku("Camat", "pimpinan"))
    with pimpinan.transaksi() as tx:  # a draft session: signed anyway, with a reason (sesi.pengesahan.hal_terbuka)
        sahkan(tx, tetap="Uji impor pada sesi yang disahkan")
    with pytest.raises(SesiTerkunci, match="sesi terkunci"):
        impor(store, "peserta", KASUS / "peserta-pagi.csv")
