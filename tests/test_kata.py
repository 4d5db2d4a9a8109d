"""Wording faults of issue 11, one test each: a doubled "kelompok", a doubled period after a degree, a second
pair of parentheses after a name that has one, a lokasi repeating its kelurahan, and the Camat's name
missing from the signature table although `musrenbang baru --camat` gave it."""

from __future__ import annotations

import re

from musrenbang_tui import cli
from sesi import kelompok, persiapan, verifikasi
from sesi.berita_acara import berita_acara
from sesi.format import kalimat
from sesi.store import Store


def test_kelompok_tidak_disebut_dua_kali(store, bantu):
    """A kelompok named "Kelompok II Ekonomi" is not called "kelompok Kelompok II Ekonomi" in a message."""
    a = bantu.peserta("Amir", kelurahan="Alalak Selatan")
    b = bantu.peserta("Bunga", kelurahan="Alalak Selatan")
    kid = bantu.kelompok("Kelompok II Ekonomi", "Ekonomi", anggota=[a, b])
    bantu.lakukan(kelompok.pilih_aklamasi, kid, "notulen", a)
    pesan = bantu.ditolak(kelompok.pilih_aklamasi, kid, "notulen", b)
    assert pesan.startswith("Notulen Kelompok II Ekonomi sudah terpilih")
    assert not re.search(r"(?i)kelompok kelompok", pesan)


def test_gelar_tidak_bertitik_dua(store, bantu):
    """A name ending in a degree closes a sentence with its own period: "S.T.", never "S.T..", in the berita
    acara (every place a name ends a sentence or an item) and in the kelompok screen's sentences."""
    assert kalimat("Budi Santoso, S.T.") == "Budi Santoso, S.T."
    assert kalimat("Budi Santoso;") == "Budi Santoso."
    bantu.lakukan(persiapan.simpan_sambutan, "Ir. Budi Santoso, S.T.", "Kepala Dinas PUPR, S.T.")
    bantu.lakukan(persiapan.simpan_tim, "Ir. Ani, M.T.", "narasumber", "Dinas PUPR")
    bantu.lakukan(persiapan.simpan_kelompok, "Infrastruktur", ["Infrastruktur"], fasilitator="Rahmat, S.T.")
    bantu.usulan("Titian ulin")
    for fmt in ("md", "txt"):
        teks = berita_acara(store.muat(), fmt)
        assert "S.T." in teks
        assert not re.search(r"[A-Za-z]\.\.(?!\.)", teks), fmt


def test_nama_dengan_kurung_tidak_diberi_kurung_kedua(store, bantu):
    """"Wali Kota (diwakili ...)" with a jabatan reads "Wali Kota (diwakili ...), Jabatan", not "(...) (...)"."""
    bantu.lakukan(persiapan.simpan_sambutan, "Wali Kota Banjarmasin (diwakili Asisten Perekonomian)",
                  "Pemerintah Kota Banjarmasin")
    teks = " ".join(berita_acara(store.muat(), "txt").split())
    assert "sambutan Wali Kota Banjarmasin (diwakili Asisten Perekonomian), Pemerintah Kota Banjarmasin;" in teks
    pertimbangan = teks.split("Setelah memperhatikan")[1].split("hasil Sidang Kelompok")[0]
    assert ") (" not in pertimbangan


def test_lokasi_tidak_mengulang_kelurahan(store, bantu):
    """A lokasi that already names its kelurahan is not followed by it again; another lokasi is."""
    bantu.kriteria(1)
    u = bantu.usulan("Titian ulin", kelurahan="Kuin Utara", lokasi="RT 09 Kel. Kuin Utara")
    v = bantu.usulan("Drainase", kelurahan="Pangeran", lokasi="RT 03")
    for uid in (u, v):
        bantu.lakukan(verifikasi.verifikasi, uid, "sesuai")
        bantu.nilai(uid, 4)
    teks = berita_acara(store.muat(), "md")
    lamp2 = teks.split("LAMPIRAN II ")[1].split("LAMPIRAN III ")[0]
    assert "| Titian ulin | RT 09 Kel. Kuin Utara |" in lamp2
    assert "| Drainase | RT 03, Pangeran |" in lamp2
    assert "Kuin Utara, Kuin Utara" not in teks


def test_nama_camat_dari_baru_di_tabel_tanda_tangan(tmp_path, capsys):
    """`musrenbang baru --camat NAMA`: the Camat's row of the signature table carries that name and "Camat
    <kecamatan>", and the Camat counts as having a signatory (nothing open for that unsur)."""
    path = str(tmp_path / "sesi.json")
    assert cli.main(["baru", path, "--kecamatan", "Banjarmasin Selatan", "--kota", "Banjarmasin", "--tahun",
                     "2028", "--tanggal", "2027-02-10", "--tempat", "Aula", "--camat", "Hj. Rina Wati, S.STP."]) == 0
    st = Store.buka(path)
    from sesi import pendaftaran, pleno

    with st.transaksi() as tx:
        pendaftaran.tambah_peserta(tx, nama="Hj. Rina Wati, S.STP.", unsur="camat", hadir=True)
    md = berita_acara(st.muat(), "md")
    ttd = md.split("Yang menandatangani")[1].split("Tembusan")[0]
    assert "| 1 | Camat | Hj. Rina Wati, S.STP. | Camat Banjarmasin Selatan |  |" in ttd
    assert "camat" not in pleno.unsur_hadir_tanpa_penandatangan(st.muat())
