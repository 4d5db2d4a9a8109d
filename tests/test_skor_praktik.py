"""Issue 14: scoring as kecamatan practise it, each rule with a case computed by hand (in the docstring).

- criteria sets: fisik 0.40/0.30/0.20/0.10 and non-fisik 0.35/0.25/0.25/0.15 on 0-100, from files
  (`impor kriteria --jenis`) and through the actions;
- three penilai scoring 1-10, summed, one skipped a cell;
- scales (0-100, half steps), the 0-100 display, how firm the order is, the minutes' wording;
- the schema-1 file opens migrated.
"""

from __future__ import annotations

import json
import shutil
from fractions import Fraction
from pathlib import Path

import pytest

from musrenbang_tui.cli import main
from sesi import kriteria, persiapan, skema, skor
from sesi.data import VIRTUAL_PREFIX
from sesi.impor import impor
from sesi.kepekaan import baris_goyah, kepekaan, uraian_kepekaan
from sesi.peringkat import (
    nilai_sel,
    peringkat_kelompok,
    tanda_sel,
    teks_total,
    total_100,
    uraian_aturan,
    uraian_penilai,
)
from sesi.set_kriteria import set_dipakai, set_untuk, set_usulan
from sesi.store import Store

INFRA = VIRTUAL_PREFIX + "Infrastruktur"
DATA = Path(__file__).parent / "data"


def tulis(tmp_path: Path, nama: str, isi: str) -> Path:
    p = tmp_path / nama
    p.write_text(isi, encoding="utf-8")
    return p


def urutan(store, kid=INFRA):
    return [b.usulan.id for b in peringkat_kelompok(store.muat(), kid).diperingkat]


# --- 1. criteria sets: fisik and non-fisik weighted differently -----------------------------------------

FISIK = ("kode,nama,bobot,skala_min,skala_maks\n"
         "K1,Kesesuaian dengan RKPD,0.40,0,100\nK2,Kondisi kerusakan,0.30,0,100\n"
         "K3,Jumlah penerima manfaat,0.20,0,100\nK4,Kesiapan lahan,0.10,0,100\n")
NON_FISIK = ("kode,nama,bobot,skala_min,skala_maks\n"
             "P1,Kesesuaian dengan RKPD,0.35,0,100\nP2,Kelompok sasaran rentan,0.25,0,100\n"
             "P3,Keberlanjutan,0.25,0,100\nP4,Swadaya masyarakat,0.15,0,100\n")


@pytest.fixture
def praktik_fisik(store, bantu, tmp_path):
    """Two fisik usulan (F1, F2) and two non-fisik (N1, N2) in one kelompok, each scored on its own set:

        F1: 80, 70, 60, 50 -> .4*80 + .3*70 + .2*60 + .1*50 = 32 + 21 + 12 + 5  = 70
        F2: 60, 90, 80, 70 -> 24 + 27 + 16 + 7                                   = 74
        N1: 80, 60, 70, 80 -> .35*80 + .25*60 + .25*70 + .15*80 = 28+15+17.5+12   = 72.5
        N2: 50, 50, 50, 50 ->                                                      = 50
    Order by hand: F2 (74), N1 (72.5), F1 (70), N2 (50)."""
    impor(store, "kriteria", tulis(tmp_path, "fisik.csv", FISIK), jenis_usulan="fisik")
    impor(store, "kriteria", tulis(tmp_path, "nonfisik.csv", NON_FISIK), jenis_usulan="non-fisik")
    ids = {n: bantu.usulan(f"Usulan {n}", jenis="fisik" if n[0] == "F" else "non-fisik") for n in
           ("F1", "F2", "N1", "N2")}
    lembar = "usulan_id,K1,K2,K3,K4,P1,P2,P3,P4\n" + "".join(
        f"{ids[n]},{','.join(v)}\n" for n, v in (
            ("F1", ["80", "70", "60", "50", "", "", "", ""]), ("F2", ["60", "90", "80", "70", "", "", "", ""]),
            ("N1", ["", "", "", "", "80", "60", "70", "80"]), ("N2", ["", "", "", "", "50", "50", "50", "50"])))
    hasil = impor(store, "skor", tulis(tmp_path, "lembar.csv", lembar))
    assert hasil.jumlah == 16 and "16 sel kosong dilewati" in hasil.ringkasan
    return ids


def test_set_fisik_dan_non_fisik_memberi_urutan_hitungan_tangan(store, praktik_fisik):
    ids = praktik_fisik
    data = store.muat()
    assert set_usulan(data, ids["F1"]).kode == ["K1", "K2", "K3", "K4"]
    assert set_usulan(data, ids["N1"]).kode == ["P1", "P2", "P3", "P4"]
    per = peringkat_kelompok(data, INFRA)
    assert [(b.usulan.id, b.total) for b in per.diperingkat] == [
        (ids["F2"], 74), (ids["N1"], Fraction(145, 2)), (ids["F1"], 70), (ids["N2"], 50)]
    # weights sum to 1 on a 0-100 scale: the 0-100 figure is the total itself
    assert [total_100(data, b) for b in per.diperingkat] == [74, Fraction(145, 2), 70, 50]
    teks = uraian_aturan(data, INFRA)
    assert teks[0].startswith("Usulan fisik: K1 Kesesuaian dengan RKPD (bobot 0,4, skala 0-100)")
    assert teks[1].startswith("Usulan non-fisik: P1")
    assert {s.kunci for s in set_dipakai(data, INFRA)} == {("", "fisik"), ("", "non-fisik")}


def test_set_dipilih_kelompok_lalu_jenis_lalu_bawaan(store, bantu):
    """One function picks the set: (kelompok, jenis), (kelompok, *), (*, jenis), default, in that order."""
    kid = bantu.lakukan(persiapan.simpan_kelompok, "Sarana", ["Infrastruktur"])
    rec = [kriteria.kriteria_record("X", "Satu")]
    bantu.lakukan(kriteria.ganti_semua_kriteria, rec, "", "fisik")
    bantu.lakukan(kriteria.ganti_semua_kriteria, rec, "Sarana", "")
    bantu.lakukan(kriteria.ganti_semua_kriteria, rec, kid, "non-fisik")
    data = store.muat()
    assert set_untuk(data, kid, "non-fisik").kunci == (kid, "non-fisik")
    assert set_untuk(data, kid, "fisik").kunci == (kid, "")
    assert set_untuk(data, "KEL99", "fisik").kunci == ("", "fisik")
    assert set_untuk(data, "KEL99", "non-fisik").kunci == ("", "")
    assert set_untuk(data, "KEL99", "").kriteria[0].kode == "K1"


def test_set_bernilai_hanya_nama_label_bobot_berubah_dan_tercatat(store, bantu, praktik_fisik, tmp_path):
    """Once scored, the fisik set takes a new weight for K2 (0.30 -> 0.50; history: old and new) and the
    ranking is recomputed: F2 = (24 + .5*90 + 16 + 7) / 1.2 = 92/1.2 = 76.67; F1 = (32 + 35 + 12 + 5)/1.2
    = 70. A new code or a new scale is refused."""
    ids = praktik_fisik
    n = len(store.muat().raw["riwayat"])
    impor(store, "kriteria", tulis(tmp_path, "f2.csv", FISIK.replace("0.30,0,100", "0.50,0,100")),
          jenis_usulan="fisik")
    entri = list(store.muat().raw["riwayat"].values())[n:]
    assert [(e["aksi"], e["lama"], e["baru"]) for e in entri] == [
        ("impor kriteria", {"K2 (*/fisik) bobot": "0.3"}, {"K2 (*/fisik) bobot": "0.5"})]
    b = {x.usulan.id: x for x in peringkat_kelompok(store.muat(), INFRA).diperingkat}
    assert b[ids["F2"]].total == Fraction(92, 1) / Fraction(12, 10)
    assert b[ids["F1"]].total == 70
    pesan = bantu.ditolak(kriteria.simpan_kriteria, "K1", "Kesesuaian", "0.4", 1, 100, jenis="fisik")
    assert "hanya nama, label dan bobot" in pesan
    bantu.lakukan(kriteria.simpan_kriteria, "K1", "Kesesuaian RKPD", "0.45", 0, 100, jenis="fisik")
    akhir = list(store.muat().raw["riwayat"].values())[-2:]
    assert [(e["aksi"], e["lama"], e["baru"]) for e in akhir] == [
        ("ubah nama kriteria", "Kesesuaian dengan RKPD", "Kesesuaian RKPD"), ("ubah bobot kriteria", "0.4", "0.45")]


def test_set_baru_tidak_boleh_mengambil_usulan_yang_sudah_dinilai(store, bantu):
    u = bantu.usulan(jenis="fisik")
    bantu.nilai(u, 3)
    pesan = bantu.ditolak(kriteria.ganti_semua_kriteria, [kriteria.kriteria_record("X", "Satu")], "", "fisik")
    assert "memindahkan 1 usulan yang sudah dinilai" in pesan and u in pesan


def test_cli_impor_kriteria_per_jenis_dan_kelompok(store, bantu, tmp_path, capsys):
    bantu.usulan()
    f = tulis(tmp_path, "fisik.csv", FISIK)
    assert main(["impor", "kriteria", store.path, str(f), "--jenis", "fisik"]) == 0
    assert "untuk usulan fisik" in capsys.readouterr().out
    assert main(["impor", "kriteria", store.path, str(f), "--kelompok", "Infrastruktur"]) == 0
    assert "untuk Kelompok Infrastruktur" in capsys.readouterr().out
    assert main(["impor", "kriteria", store.path, str(f), "--kelompok", "Tidak Ada"]) != 0
    assert "Kelompok 'Tidak Ada' tidak ada" in capsys.readouterr().err
    assert main(["impor", "skor", store.path, str(f), "--jenis", "fisik"]) == 2


# --- 2. scales --------------------------------------------------------------------------------------------

def test_skala_setengah_dan_nol_sampai_seratus(store, bantu):
    """7.5 is taken on a 1-10 scale of step 0.5 (stored "7.5"), 7.25 is not; 0-100 has no default labels.
    Total with K1 (1-10, step 0.5, bobot 1) = 7.5 and K2 (0-100, bobot 1) = 55: (7.5 + 55)/2 = 31.25."""
    bantu.lakukan(kriteria.ganti_semua_kriteria, [
        kriteria.kriteria_record("K1", "Manfaat", "1", 1, 10, langkah="0,5"),
        kriteria.kriteria_record("K2", "Rubrik", "1", 0, 100)])
    assert store.muat().kriteria[1].label == {}
    u = bantu.usulan()
    bantu.lakukan(skor.atur_skor, u, "K1", "7,5")
    bantu.lakukan(skor.atur_skor, u, "K2", 55)
    assert store.muat().raw["skor"][f"{u}|K1|"]["nilai"] == "7.5"
    assert "langkah skala K1 (1-10, langkah 0,5)" in bantu.ditolak(skor.atur_skor, u, "K1", "7.25")
    assert "di luar skala K2 (0-100)" in bantu.ditolak(skor.atur_skor, u, "K2", 101)
    (b,) = peringkat_kelompok(store.muat(), INFRA).diperingkat
    assert b.total == Fraction(125, 4) and nilai_sel(store.muat(), u, "K1") == Fraction(15, 2)


def test_total_skala_100_bila_diminta(store, bantu):
    """K1..K5 on 1-5, all 4: total 4,00; on 0-100 (percent of the highest) 4/5 x 100 = 80,00."""
    u = bantu.usulan()
    bantu.nilai(u, 4, 4, 4, 4, 4)
    b = peringkat_kelompok(store.muat(), INFRA).diperingkat[0]
    assert teks_total(store.muat(), b) == "4,00"
    bantu.lakukan(skor.atur_cara_penilaian, total_100=True)
    data = store.muat()
    b = peringkat_kelompok(data, INFRA).diperingkat[0]
    assert teks_total(data, b) == "4,00 (80,00/100)"


# --- 3. several penilai: 1-10, summed, one skipped ------------------------------------------------------

@pytest.fixture
def tiga_penilai(store, bantu, tmp_path):
    """Two criteria (equal weight, 1-10), three penilai, values summed (the scoring form's practice):

            K1 (Ana, Budi, Cici)  K2 (Ana, Budi, Cici)   sum (the summing tool)
        A:  8, 8, 8               8, 8, 7                47
        B:  8, 7, 8               8, 8, 7                46
        C:  9, 9, 9               8, 8, -                43 (Cici skipped C's K2)
    The old rule (mean of those present, no word) gave C (9 + 8)/2 = 8.50 and ranked it first."""
    bantu.kriteria(1, 1, skala=(1, 10))
    bantu.lakukan(skor.atur_cara_penilaian, gabung="jumlah")
    ids = {n: bantu.usulan(f"Usulan {n}") for n in "ABC"}
    lembar = ("usulan_id,penilai,K1,K2\n"
              f"{ids['A']},Ana,8,8\n{ids['A']},Budi,8,8\n{ids['A']},Cici,8,7\n"
              f"{ids['B']},Ana,8,8\n{ids['B']},Budi,7,8\n{ids['B']},Cici,8,7\n"
              f"{ids['C']},Ana,9,8\n{ids['C']},Budi,9,8\n{ids['C']},Cici,9,\n")
    hasil = impor(store, "skor", tulis(tmp_path, "form.csv", lembar))
    assert hasil.jumlah == 17 and "1 sel kosong dilewati" in hasil.ringkasan
    return ids


def test_sel_yang_dilewati_belum_lengkap_dan_tidak_diperingkat(store, bantu, tiga_penilai):
    """Default: C's K2 (2/3 penilai) is incomplete, C is not ranked; A (24 + 23)/2 = 23.5 before B 23.
    Once Cici gives 2: C = (27 + 18)/2 = 22.5, third, as the summing tool (47, 46, 45)."""
    ids = tiga_penilai
    data = store.muat()
    per = peringkat_kelompok(data, INFRA)
    assert [(b.usulan.id, b.total) for b in per.diperingkat] == [(ids["A"], Fraction(47, 2)), (ids["B"], 23)]
    (c,) = per.tidak_diperingkat
    assert c.alasan == "belum lengkap (K2 2/3 penilai belum dinilai)" and c.tanda == {"K2": "2/3 penilai"}
    assert tanda_sel(data, ids["C"], "K2") == "2/3 penilai" and tanda_sel(data, ids["C"], "K1") == ""
    assert "belum lengkap" in uraian_penilai(data, INFRA) and "dijumlahkan" in uraian_penilai(data, INFRA)
    bantu.lakukan(skor.atur_skor, ids["C"], "K2", 2, "Cici")
    assert urutan(store) == [ids["A"], ids["B"], ids["C"]]
    assert peringkat_kelompok(store.muat(), INFRA).diperingkat[2].total == Fraction(45, 2)


def test_rata_rata_yang_hadir_bertanda(store, bantu):
    """Mean of those present, with a mark: C's K2 = mean(8, 8) x 3 = 24, total (27 + 24)/2 = 25.5, first,
    and marked 2/3 penilai; the minutes say so."""
    bantu.kriteria(1, 1, skala=(1, 10))
    bantu.lakukan(skor.atur_cara_penilaian, gabung="jumlah", nilai_kurang="rata-rata-hadir")
    ids = {n: bantu.usulan(f"Usulan {n}") for n in "ABC"}
    for n, nilai in (("A", [(8, 8), (8, 8), (8, 7)]), ("B", [(8, 8), (7, 8), (8, 7)]),
                     ("C", [(9, 8), (9, 8), (9, None)])):
        for penilai, (k1, k2) in zip(("Ana", "Budi", "Cici"), nilai):
            bantu.nilai(ids[n], k1, k2, penilai=penilai)
    data = store.muat()
    per = peringkat_kelompok(data, INFRA)
    assert [(b.usulan.id, b.total) for b in per.diperingkat] == [
        (ids["C"], Fraction(51, 2)), (ids["A"], Fraction(47, 2)), (ids["B"], 23)]
    assert per.diperingkat[0].tanda == {"K2": "2/3 penilai"}
    assert "rata-rata penilai yang memberi nilai" in uraian_penilai(data, INFRA)


def test_cara_penilaian_ditetapkan_sebelum_penilaian(store, bantu):
    u = bantu.usulan()
    bantu.nilai(u, 3)
    assert "sebelum penilaian dimulai" in bantu.ditolak(skor.atur_cara_penilaian, gabung="jumlah")
    bantu.lakukan(skor.atur_cara_penilaian, total_100=True)


def test_daftar_penilai_yang_ditetapkan(store, bantu):
    """Listed Ana, Budi, Cici; only Ana and Budi scored K1 (3, 4, mean 7/2): 2/3, incomplete."""
    u = bantu.usulan()
    bantu.lakukan(skor.atur_penilai, ["Ana", "Budi", "Cici"])
    bantu.lakukan(skor.atur_skor, u, "K1", 3, "Ana")
    bantu.lakukan(skor.atur_skor, u, "K1", 4, "Budi")
    assert tanda_sel(store.muat(), u, "K1") == "2/3 penilai" and nilai_sel(store.muat(), u, "K1") is None
    bantu.ditolak(skor.atur_penilai, ["Ana", "ana"])


# --- 5. how firm the order is ---------------------------------------------------------------------------

def test_kepekaan_satu_set_dihitung_tangan(store, bantu):
    """K1, K2 weight 1, scale 0-100. X: 90, 40 (sum 130); Y: 50, 77 (127). X above Y by 3.
    K1 favours X by 40: the order swaps when K1's weight falls by 3/40 = 7.5% (at 7.5% the totals are
    equal: .925*90 + 40 = 123.25 = .925*50 + 77); K2 favours Y by 37: it would have to rise 3/37 = 8.1%.
    The smallest: K1 down 7.5% -> "turun 8%", goyah (under 10%)."""
    bantu.lakukan(kriteria.ganti_semua_kriteria, [kriteria.kriteria_record("K1", "Satu", 1, 0, 100),
                                                   kriteria.kriteria_record("K2", "Dua", 1, 0, 100)])
    x, y = bantu.usulan("X"), bantu.usulan("Y")
    bantu.nilai(x, 90, 40)
    bantu.nilai(y, 50, 77)
    data = store.muat()
    (k,) = kepekaan(data, INFRA)
    assert (k.kriteria, k.persen, k.arah, k.goyah) == ("K1", Fraction(15, 2), "turun", True)
    assert k.teks() == "urutan 1 dan 2 bertukar bila bobot K1 turun 8%"
    assert baris_goyah(data, INFRA) == {x, y}
    assert uraian_kepekaan(data, INFRA) == ["Urutan 1 dan 2 bertukar bila bobot K1 turun 8%."]


def test_kepekaan_tidak_ada_bila_tidak_bisa_bertukar(store, bantu):
    """A: 5,5 ; B: 4,4 (weights 1): B is lower on every criterion, no weight change swaps them."""
    bantu.kriteria(1, 1)
    a, b = bantu.usulan("A"), bantu.usulan("B")
    bantu.nilai(a, 5, 5)
    bantu.nilai(b, 4, 4)
    assert kepekaan(store.muat(), INFRA) == [None]
    assert "Tidak ada urutan bertetangga" in uraian_kepekaan(store.muat(), INFRA)[0]


def test_kepekaan_dua_set(store, praktik_fisik):
    """F2 (fisik, 74) above N1 (non-fisik, 72.5). A fisik weight moves F2 only: T(p) = (74 + p w v)/(1 + p w)
    meets 72.5 at p = (72.5 - 74)/(w (v - 72.5)): K1 (w .4, v 60): 0.3 up; K2 (.3, 90): -2/7 (down 28.57%);
    K3: -1 (not possible), K4: 6 up. A non-fisik weight moves N1: p = 1.5/(w (v - 74)): P1 5/7 up, P2 -3/7,
    P3 -1.5 (no), P4 5/3. Smallest: K2 down 200/7 % -> "turun 29%".
    N1 (72.5) above F1 (70): fisik p = 2.5/(w (v - 72.5)): K1 5/6 up; others -1 or beyond. Non-fisik
    p = -2.5/(w (v - 70)): P1 -5/7 (down 71.43%), P2 1 up; smallest P1 down 500/7 % -> "turun 72%".
    F1 (70) above N2 (50): every candidate is a fall of 100% or more: None."""
    a, b, c = kepekaan(store.muat(), INFRA)
    assert (a.kriteria, a.set_kunci, a.persen, a.arah) == ("K2", ("", "fisik"), Fraction(200, 7), "turun")
    assert a.teks() == "urutan 1 dan 2 bertukar bila bobot K2 turun 29%"
    assert (b.kriteria, b.set_kunci, b.persen, b.arah) == ("P1", ("", "non-fisik"), Fraction(500, 7), "turun")
    assert c is None


# --- old files ------------------------------------------------------------------------------------------

def test_berkas_skema_1_terbuka_dan_dinilai_seperti_dahulu(tmp_path):
    """tests/data/skema-1.json (written before issue 14): opens migrated, ranks as before: U001 all 4
    (consensus) = 4; U003 Andi 3, Budi 5 on every criterion = mean 4; equal totals, U001 first by priority."""
    path = tmp_path / "lama.json"
    shutil.copy(DATA / "skema-1.json", path)
    store = Store.buka(str(path))
    data = store.data
    assert [k.id for k in data.kriteria] == ["K1", "K2", "K3", "K4", "K5"]
    assert data.kriteria[0].langkah == "1" and data.info.gabung_penilai == "rata-rata"
    per = peringkat_kelompok(data, INFRA)
    assert [(b.usulan.id, b.total) for b in per.diperingkat] == [("U001", 4), ("U003", 4)]
    with store.transaksi() as tx:
        skor.atur_skor(tx, "U001", "K1", 5)
    assert json.loads(path.read_text())["_meta"]["skema"] == skema.SKEMA  # 2, or later


def test_masalah_skor_membaca_kriteria_pada_set_usulan(store, praktik_fisik):
    """For sesi.periksa: P1 is a criterion of the non-fisik set only; a score of N1 on P1 is sound, a score
    of F1 on P1 (written behind the app's back) is not, nor 150 on a 0-100 scale."""
    ids = praktik_fisik
    data = store.muat()
    assert skor.masalah_skor(data) == []
    raw = {k: dict(v) for k, v in data.raw.items()}
    raw["skor"][f"{ids['F1']}|P1|"] = {"usulan": ids["F1"], "kriteria": "P1", "nilai": 50}
    raw["skor"][f"{ids['N1']}|P1|"] = {"usulan": ids["N1"], "kriteria": "P1", "nilai": 150}
    from sesi.data import Data

    assert skor.masalah_skor(Data(raw, 99)) == [
        f"Skor usulan {ids['N1']} kriteria P1: nilai 150 di luar skala 0-100.",
        f"Skor {ids['F1']}|P1|: kriteria P1 tidak ada dalam set kriteria usulan {ids['F1']}.",
    ]


def test_praktik_fisik_lewat_aksi_layar(store, bantu):
    """The same fisik/non-fisik practice through the actions the keyboard UI calls (one criterion at a
    time, one cell at a time), two usulan: F (fisik) 80, 70, 60, 50 = 70; N (non-fisik) 80, 60, 70, 80
    = 72.5 (see `praktik_fisik`): N first. F's set refuses a non-fisik code."""
    f, n = bantu.fisik_dan_non_fisik()
    assert [(b.usulan.id, b.total) for b in peringkat_kelompok(store.muat(), INFRA).diperingkat] == [
        (n, Fraction(145, 2)), (f, 70)]
    assert "tidak ada dalam set kriteria usulan" in bantu.ditolak(skor.atur_skor, f, "P1", 50)


def test_ekspor_peringkat_menandai_sel_penilai_kurang(store, bantu):
    """Mean of those present (see `test_rata_rata_yang_hadir_bertanda`): C is ranked first with K2 2/3
    penilai; every ranking export names the mark. Without marks the columns stay as they were."""
    from sesi.export import KOLOM_PERINGKAT, peringkat

    assert peringkat(store.muat(), "csv").splitlines()[0] == ",".join(KOLOM_PERINGKAT)
    bantu.kriteria(1, 1, skala=(1, 10))
    bantu.lakukan(skor.atur_cara_penilaian, gabung="jumlah", nilai_kurang="rata-rata-hadir")
    ids = {n: bantu.usulan(f"Usulan {n}") for n in "AC"}
    for n, nilai in (("A", [(8, 8), (8, 8), (8, 7)]), ("C", [(9, 8), (9, 8), (9, None)])):
        for penilai, (k1, k2) in zip(("Ana", "Budi", "Cici"), nilai):
            bantu.nilai(ids[n], k1, k2, penilai=penilai)
    data = store.muat()
    csv = peringkat(data, "csv").splitlines()
    assert csv[0].endswith(",tanda_penilai")
    assert csv[1].split(",")[2] == ids["C"] and csv[1].endswith(",K2 2/3 penilai")
    assert csv[2].endswith(",")
    assert "K2 2/3 penilai" in peringkat(data, "md")
    assert "2/3" in peringkat(data, "txt")  # the narrow txt column may wrap the words


def test_peringatan_menurut_set_usulan(store, bantu):
    """Warnings read each usulan's own set: a non-fisik usulan scored on P1 is complete; a fisik one with K1
    empty is not; a listed penilai who has not scored keeps a cell incomplete (a consensus value does not
    wait for the penilai)."""
    from sesi.peringatan import peringatan

    bantu.lakukan(kriteria.simpan_kriteria, "K1", "Fisik", "1", 0, 100, baru=True, jenis="fisik")
    bantu.lakukan(kriteria.simpan_kriteria, "P1", "Non-fisik", "1", 0, 100, baru=True, jenis="non-fisik")
    f, n = bantu.usulan("F", jenis="fisik"), bantu.usulan("N", jenis="non-fisik")
    bantu.lakukan(skor.atur_skor, n, "P1", 70)
    teks = peringatan(store.muat())
    assert f"1 usulan belum dinilai lengkap ({f})." in teks and "Kriteria penilaian belum ditetapkan." not in teks
    bantu.lakukan(skor.atur_skor, f, "K1", 60)
    assert not any("belum dinilai" in t for t in peringatan(store.muat()))
    bantu.lakukan(skor.atur_penilai, ["Ana", "Budi"])
    g = bantu.usulan("G", jenis="fisik")
    bantu.lakukan(skor.atur_skor, g, "K1", 50, "Ana")
    assert f"1 usulan belum dinilai lengkap ({g})." in peringatan(store.muat())
