"""Scoring and ranking (issue 2): cell values, exact weighted totals, the full tie-break rule, who is ranked,
kelompok by bidang, display rounding; the scoring actions and the criteria editor they depend on."""

from __future__ import annotations

from fractions import Fraction

import pytest

from sesi import kriteria, pleno, skor, verifikasi
from sesi.data import VIRTUAL_PREFIX
from sesi.errors import PeranTidakBerwenang
from sesi.peringkat import (
    aturan_urutan,
    bulat,
    bulat_titik,
    nilai_sel,
    peringkat_kelompok,
    peringkat_semua,
    tanda_sel,
)

INFRA = VIRTUAL_PREFIX + "Infrastruktur"  # the kelompok `bantu.usulan` lands in by default


def urutan(store, kid=INFRA):
    """(usulan id, penentu, seri) of the ranked rows, in rank order."""
    return [(b.usulan.id, b.penentu, b.seri) for b in peringkat_kelompok(store.muat(), kid).diperingkat]


# --- cell values and totals ---------------------------------------------------------------------------


def test_sel_memakai_konsensus_bila_ada_selain_itu_rata_rata_penilai(store, bantu):
    """A cell shows the forum's consensus value when set, else the mean of the named assessors once every
    listed assessor (here: everyone who scored in the kelompok, Andi, Budi, Citra) has scored it; K2, scored
    by Budi only, is incomplete (1/3 penilai), K3 empty."""
    u = bantu.usulan()
    bantu.nilai(u, 2, penilai="Andi")
    bantu.nilai(u, 3, 4, penilai="Budi")
    bantu.nilai(u, 3, penilai="Citra")
    assert nilai_sel(store.data, u, "K1") == Fraction(8, 3)
    assert nilai_sel(store.data, u, "K2") is None
    assert tanda_sel(store.data, u, "K2") == "1/3 penilai" and tanda_sel(store.data, u, "K1") == ""
    assert nilai_sel(store.data, u, "K3") is None
    bantu.nilai(u, 5)
    assert nilai_sel(store.data, u, "K1") == 5


def test_total_tertimbang_dihitung_eksak(store, bantu):
    """The total is sum(bobot x nilai) / sum(bobot) as an exact fraction, also when a cell is a mean."""
    bantu.kriteria("0.1", "0.2", "0.3")
    u = bantu.usulan()
    bantu.nilai(u, 5, 4)
    for penilai, n in (("Andi", 2), ("Budi", 3), ("Citra", 3)):
        bantu.lakukan(skor.atur_skor, u, "K3", n, penilai)
    (baris,) = peringkat_kelompok(store.data, INFRA).baris
    # (0.1*5 + 0.2*4 + 0.3*8/3) / 0.6 = 2.1 / 0.6
    assert baris.total == Fraction(7, 2)
    assert (baris.peringkat, bulat(baris.total), bulat_titik(baris.total)) == (1, "3,50", "3.50")


def test_seri_yang_dikacaukan_float_diputus_oleh_aturan(store, bantu):
    """Totals that are equal exactly tie even where float sums differ; the heaviest criterion then decides."""
    bobot = ("0.1", "0.2", "0.3")
    bantu.kriteria(*bobot)
    a = bantu.usulan("Peninggian jalan")  # entered first, and ahead by float noise
    b = bantu.usulan("Jalan titian ulin")
    bantu.nilai(a, 2, 2, 2)
    bantu.nilai(b, 1, 1, 3)

    def total_float(nilai):
        return sum(float(w) * n for w, n in zip(bobot, nilai)) / sum(float(w) for w in bobot)
    assert total_float((1, 1, 3)) < total_float((2, 2, 2))  # a float implementation would put `a` first

    hasil = peringkat_kelompok(store.data, INFRA)
    assert [r.total for r in hasil.diperingkat] == [2, 2]
    assert urutan(store) == [(b, "", False), (a, "nilai K3", False)]


# --- the tie-break rule, step by step -----------------------------------------------------------------


def test_total_sama_diputus_kriteria_bobot_terbesar_lalu_urutan_kriteria(store, bantu):
    """Equal totals: criteria are compared heaviest first, equal weights in their defined order."""
    bantu.kriteria(1, 1, 2)
    a = bantu.usulan("A")
    b = bantu.usulan("B")
    c = bantu.usulan("C")
    bantu.nilai(a, 3, 3, 3)
    bantu.nilai(b, 1, 5, 3)  # K2 is higher than a's, but K1 comes first among the equal weights
    bantu.nilai(c, 2, 2, 4)
    assert urutan(store) == [(c, "", False), (a, "nilai K3", False), (b, "nilai K1", False)]
    assert "(K3, K1, K2)" in aturan_urutan(store.data)


def test_bobot_sama_mengikuti_urutan_penetapan_bukan_abjad(store, bantu):
    """Among criteria of equal weight, the one defined first decides, whatever its code."""
    bantu.lakukan(kriteria.ganti_semua_kriteria, [kriteria.kriteria_record("KB", "Ditetapkan pertama"),
                                                   kriteria.kriteria_record("KA", "Ditetapkan kedua")])
    a = bantu.usulan("A")
    b = bantu.usulan("B")
    bantu.nilai(a, 3, 5)
    bantu.nilai(b, 5, 3)
    assert urutan(store) == [(b, "", False), (a, "nilai KB", False)]


def test_nilai_sama_diputus_prioritas_biaya_lalu_seri(store, bantu):
    """Equal scores: kelurahan priority, then lower cost (unknown last); left to entry order only = seri."""
    tanpa_biaya = bantu.usulan("Tanpa biaya", kelurahan="Alalak Selatan", prioritas=1)
    mahal = bantu.usulan("Mahal", kelurahan="Alalak Tengah", prioritas=1, perkiraan_biaya="2.000.000")
    murah = bantu.usulan("Murah", kelurahan="Alalak Utara", prioritas=1, perkiraan_biaya="1.500.000")
    prio2 = bantu.usulan("Prioritas dua", kelurahan="Kuin Utara", prioritas=2, perkiraan_biaya="100")
    kembar1 = bantu.usulan("Kembar", kelurahan="Pangeran", prioritas=3, perkiraan_biaya="500", uid="Z-1")
    kembar2 = bantu.usulan("Kembar", kelurahan="Sungai Andai", prioritas=3, perkiraan_biaya="500", uid="A-1")
    rendah = bantu.usulan("Nilai lebih rendah", kelurahan="Sungai Miai", prioritas=1)
    for u in (tanpa_biaya, mahal, murah, prio2, kembar1, kembar2):
        bantu.nilai(u, 4, 4, 4, 4, 4)
    bantu.nilai(rendah, 4, 4, 4, 4, 3)
    assert urutan(store) == [
        (murah, "", False),
        (mahal, "perkiraan biaya", False),
        (tanpa_biaya, "perkiraan biaya", False),
        (prio2, "prioritas kelurahan", False),
        (kembar1, "prioritas kelurahan", True),  # entered before kembar2, though its id sorts after
        (kembar2, "urutan masuk", True),
        (rendah, "", False),
    ]
    hasil = peringkat_kelompok(store.data, INFRA)
    assert [b.peringkat for b in hasil.diperingkat] == [1, 2, 3, 4, 5, 6, 7]
    assert hasil.ada_seri


# --- who is ranked ------------------------------------------------------------------------------------


def test_yang_disisihkan_atau_belum_lengkap_tampil_dengan_alasan(store, bantu):
    """Imported (baru), sesuai and dialihkan usulan are ranked; the rest are listed after them with a reason."""
    baru = bantu.usulan("Diimpor, belum diverifikasi")
    sesuai = bantu.usulan("Sesuai")
    dialihkan = bantu.usulan("Salah kamar")
    ditolak = bantu.usulan("Ditolak")
    cadangan = bantu.usulan("Cadangan")
    digabung = bantu.usulan("Duplikat")
    belum = bantu.usulan("Belum disepakati")
    kurang = bantu.usulan("Belum lengkap")
    for u in (baru, sesuai, dialihkan, ditolak, cadangan, digabung, belum):
        bantu.nilai(u, 3, 3, 3, 3, 3)
    bantu.nilai(kurang, 3, None, 3, None, 3)
    bantu.lakukan(verifikasi.verifikasi, sesuai, "sesuai")
    bantu.lakukan(verifikasi.verifikasi, dialihkan, "dialihkan", "Kewenangan Disperkim", skpd_baru="Disperkim")
    bantu.lakukan(verifikasi.verifikasi, ditolak, "ditolak", "Bukan kewenangan kota")
    bantu.lakukan(verifikasi.verifikasi, cadangan, "cadangan")
    bantu.lakukan(verifikasi.verifikasi, digabung, "digabung", gabung_ke=baru)
    bantu.lakukan(pleno.tandai_belum_disepakati, belum, "Menunggu kajian teknis")

    hasil = peringkat_kelompok(store.data, INFRA)
    assert [b.usulan.id for b in hasil.diperingkat] == [baru, sesuai, dialihkan]
    assert [(b.usulan.id, b.alasan) for b in hasil.tidak_diperingkat] == [
        (ditolak, "ditolak: Bukan kewenangan kota"),
        (cadangan, "cadangan"),
        (digabung, f"digabung ke {baru} (Diimpor, belum diverifikasi)"),
        (belum, "belum disepakati: Menunggu kajian teknis"),
        (kurang, "belum lengkap (K2, K4 belum dinilai)"),
    ]
    assert hasil.baris[:3] == hasil.diperingkat  # ranked rows first


def test_tanpa_kelompok_ditetapkan_satu_kelompok_per_bidang(store, bantu):
    """Without defined kelompok each bidang is ranked apart under its own name; defined kelompok take theirs."""
    infra = bantu.usulan("Jalan titian", bidang="Infrastruktur")
    eko = bantu.usulan("Pelatihan menjahit", bidang="Ekonomi", skpd="Disperdagin")
    sos = bantu.usulan("Rehab posyandu", bidang="Sosial Budaya", skpd="Dinas Kesehatan")
    for u in (infra, eko, sos):
        bantu.nilai(u, 4, 4, 4, 4, 4)

    def kelompok_dan_isi():
        return [(p.kelompok_nama, [b.peringkat for b in p.baris], [b.usulan.id for b in p.baris])
                for p in peringkat_semua(store.muat())]
    assert kelompok_dan_isi() == [("Infrastruktur", [1], [infra]), ("Ekonomi", [1], [eko]),
                                  ("Sosial Budaya", [1], [sos])]
    bantu.kelompok("Kelompok Sosial Ekonomi", "Ekonomi", "Sosial Budaya")
    assert kelompok_dan_isi() == [("Kelompok Sosial Ekonomi", [1, 2], [eko, sos]),
                                  ("Infrastruktur", [1], [infra])]
    assert [k.virtual for k in store.data.kelompok] == [False, True]


def test_pembulatan_tampilan_setengah_ke_atas_dengan_koma():
    """Totals are shown with two decimals, a decimal comma, and halves rounded up (not to even)."""
    assert bulat(Fraction(1, 200)) == "0,01"
    assert bulat(Fraction(29, 8)) == "3,63"
    assert bulat(Fraction(2, 3)) == "0,67"
    assert bulat(Fraction(13, 3)) == "4,33"
    assert bulat(Fraction(5)) == "5,00"
    assert bulat(None) == ""
    assert bulat_titik(Fraction(29, 8)) == "3.63"
    assert bulat(Fraction(29, 8), 1) == "3,6"
    # Just below a half, by far less than the precision of a 28-digit decimal division:
    assert bulat(Fraction(5 * 10**30 - 1, 10**33)) == "0,00"


# --- scoring actions ----------------------------------------------------------------------------------


def test_nilai_di_luar_skala_ditolak(store, bantu):
    """A value outside the criterion's scale (or not a whole number) is refused, naming the scale."""
    u = bantu.usulan()
    assert "1-5" in bantu.ditolak(skor.atur_skor, u, "K1", 6)
    bantu.ditolak(skor.atur_skor, u, "K1", 0)
    bantu.ditolak(skor.atur_skor, u, "K1", 2.5)
    bantu.ditolak(skor.atur_skor, u, "K9", 3)
    bantu.ditolak(skor.atur_skor, "U999", "K1", 3)
    assert bantu.lakukan(skor.atur_skor, u, "K1", 5) is None


def test_usulan_yang_disisihkan_tidak_dapat_dinilai(store, bantu):
    """An usulan verification set aside (ditolak, cadangan, digabung) cannot get a score."""
    u = bantu.usulan()
    lain = bantu.usulan("Usulan lain")
    bantu.lakukan(verifikasi.verifikasi, u, "ditolak", "Sudah dibangun tahun lalu")
    assert "ditolak" in bantu.ditolak(skor.atur_skor, u, "K1", 3)
    bantu.lakukan(verifikasi.verifikasi, u, "cadangan")
    bantu.ditolak(skor.atur_skor, u, "K1", 3)
    bantu.lakukan(verifikasi.verifikasi, u, "digabung", gabung_ke=lain)
    bantu.ditolak(skor.atur_skor, u, "K1", 3)


def test_nilai_kelompok_yang_sudah_disepakati_terkunci(store, bantu):
    """Once Pleno II agreed a kelompok's list, its scores cannot change until the agreement is cancelled."""
    kid = bantu.kelompok("Kelompok Infrastruktur", "Infrastruktur")
    u = bantu.usulan()
    bantu.nilai(u, 4, 4, 4, 4, 4)
    bantu.lakukan(pleno.sepakati_kelompok, kid)
    assert "disepakati" in bantu.ditolak(skor.atur_skor, u, "K1", 2)
    bantu.ditolak(skor.hapus_skor, u, "K1")
    bantu.lakukan(pleno.batal_sepakat, kid, "Ada salah ketik nilai")
    assert bantu.lakukan(skor.atur_skor, u, "K1", 2) == 4


def test_ubah_nilai_dapat_dibatalkan(store, bantu):
    """The value a change replaced is returned, and putting it back (or clearing a new cell) undoes it."""
    u = bantu.usulan()
    assert bantu.lakukan(skor.atur_skor, u, "K1", 3) is None
    lama = bantu.lakukan(skor.atur_skor, u, "K1", 5)
    assert lama == 3
    bantu.lakukan(skor.kembalikan_skor, u, "K1", lama)
    assert store.data.nilai_mentah(u, "K1") == {"": 3}
    bantu.lakukan(skor.kembalikan_skor, u, "K1", None)
    assert store.data.nilai_mentah(u, "K1") == {}
    aksi = [e["aksi"] for e in store.data.riwayat_terakhir(4)][::-1]
    assert aksi == ["skor", "skor", "skor", "hapus skor"]


def test_hanya_peran_yang_berwenang_menilai(store, bantu, sebagai):
    """A fasilitator may score; a notulen may not; a projector terminal cannot change anything."""
    u = bantu.usulan()
    bantu.lakukan(skor.atur_skor, u, "K1", 4, store=sebagai("fasilitator", "Budi Fasilitator"))
    bantu.ditolak(skor.atur_skor, u, "K1", 2, store=sebagai("notulen"), galat=PeranTidakBerwenang)
    bantu.ditolak(skor.atur_skor, u, "K1", 2, store=sebagai("tayang"), galat=PeranTidakBerwenang)
    assert store.muat().nilai_mentah(u, "K1") == {"": 4}


# --- the criteria editor ------------------------------------------------------------------------------


@pytest.mark.parametrize("kode", ["", "K 1", "K|1", "K/1"])
def test_kode_kriteria_dengan_karakter_terlarang_ditolak(bantu, kode):
    """A criterion code is letters, digits, dot, dash and underscore only (it is part of score ids)."""
    bantu.ditolak(kriteria.simpan_kriteria, kode, "Nama")


@pytest.mark.parametrize("lo,hi", [(3, 3), (5, 1), (0, 101), (100, 101), (-1, 5)])
def test_skala_kriteria_di_luar_batas_ditolak(bantu, lo, hi):
    """A scale must be increasing, from 0-1 at narrowest to 0-100 at widest (issue 14)."""
    bantu.ditolak(kriteria.simpan_kriteria, "K6", "Baru", skala_min=lo, skala_maks=hi)


@pytest.mark.parametrize("bobot", ["0", "-1", "abc", "inf"])
def test_bobot_bukan_bilangan_positif_ditolak(bantu, bobot):
    """A weight must be a positive number."""
    bantu.ditolak(kriteria.simpan_kriteria, "K6", "Baru", bobot=bobot)


def test_kriteria_baru_dengan_skala_dan_bobot_desimal(store, bantu):
    """A criterion can have a decimal weight typed with a comma and a 1-10 scale with its ends labelled."""
    bantu.lakukan(kriteria.simpan_kriteria, "K-6.a_b", "Keberlanjutan", bobot="1,5", skala_min=1,
                  skala_maks=10)
    k = store.data.kriteria_dari_kode("K-6.a_b")
    assert (k.bobot, k.skala_min, k.skala_maks, k.label_nilai(10), k.urutan) == ("1.5", 1, 10, "sangat tinggi", 6)


def test_skala_tidak_boleh_menyisihkan_nilai_yang_sudah_ada(store, bantu):
    """A scale cannot be narrowed below a value already given (that value is named); once scored it
    cannot be widened either (issue 14: only names, labels and weights change)."""
    u = bantu.usulan()
    bantu.nilai(u, 5)
    assert "nilai 5" in bantu.ditolak(kriteria.simpan_kriteria, "K1", "Kesesuaian", skala_maks=4)
    assert "hanya nama, label dan bobot" in bantu.ditolak(kriteria.simpan_kriteria, "K1", "Kesesuaian",
                                                          skala_maks=9)
    assert store.data.kriteria_dari_kode("K1").skala_maks == 5


def test_kriteria_hanya_diganti_seluruhnya_sebelum_ada_nilai(store, bantu):
    """The whole set of criteria can be replaced only while nothing has been scored."""
    bantu.kriteria(3, 2)
    assert [(k.kode, k.bobot) for k in store.data.kriteria] == [("K1", "3"), ("K2", "2")]
    u = bantu.usulan()
    bantu.nilai(u, 1)
    bantu.ditolak(kriteria.ganti_semua_kriteria, kriteria.kriteria_baku())
    bantu.ditolak(kriteria.hapus_kriteria, "K1")


def test_ganti_kriteria_memeriksa_setiap_kriteria(bantu):
    """Replacing the criteria refuses an empty set, a duplicate code and an invalid record."""
    baku = kriteria.kriteria_baku()
    bantu.ditolak(kriteria.ganti_semua_kriteria, [])
    bantu.ditolak(kriteria.ganti_semua_kriteria, [baku[0], baku[0]])
    bantu.ditolak(kriteria.ganti_semua_kriteria, [dict(baku[0], skala_min=5, skala_maks=1)])


def test_menambah_kriteria_tidak_menimpa_kode_yang_ada(bantu):
    """Adding a criterion with a code already used is refused, never a silent replacement."""
    pesan = bantu.ditolak(kriteria.simpan_kriteria, "K1", "Kriteria lain", baru=True)
    assert "sudah dipakai" in pesan
