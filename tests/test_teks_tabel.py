"""The text layout engine shared by the berita acara and the text exports (sesi/teks_tabel.py)."""

from __future__ import annotations

from sesi.teks_tabel import bungkus, gantung, lebar_teks, tabel_teks, tengah


def test_lebar_teks_menghitung_kolom_layar():
    assert lebar_teks("abc") == 3
    assert lebar_teks("東京") == 4 and lebar_teks("🎉") == 2
    assert lebar_teks("e\u0301") == 1 and lebar_teks("a\u200bb") == 2  # combining and format characters


def test_bungkus_menurut_lebar_layar_dan_memotong_kata_panjang():
    assert bungkus("satu dua  tiga", 80) == ["satu dua tiga"]
    assert bungkus("", 10) == [""]
    assert bungkus("aaa bbb ccc", 7) == ["aaa bbb", "ccc"]
    assert bungkus("東京東京 東京", 8) == ["東京東京", "東京"]
    potong = bungkus("Supercalifragilistic", 8)
    assert potong == ["Superca-", "lifragi-", "listic"]
    assert all(lebar_teks(x) <= 8 for x in bungkus("🎉" * 9 + " x", 5))


def test_gantung_dan_tengah():
    assert gantung("a. ", "satu dua tiga", 10) == ["a. satu", "   dua", "   tiga"]
    assert tengah("abc", 9) == "   abc"


def test_tabel_daftar_muat_dan_lurus():
    """A data list: two spaces between columns, numbers right-aligned, a blank line between wrapped rows,
    every line within the width and no trailing spaces, wide characters counted as two columns."""
    lines = tabel_teks(["No", "Kegiatan", "Biaya"],
                       [["1", "Pembangunan jalan titian ulin 東京都 🎉 di bantaran sungai", "Rp1.500.000"],
                        ["12", "Drainase", "Rp900"]], kanan=[True, False, True], lebar=40)
    assert lines == [
        "No  Kegiatan                       Biaya",
        "--  -----------------------  -----------",
        " 1  Pembangunan jalan        Rp1.500.000",
        "    titian ulin 東京都 🎉",
        "    di bantaran sungai",
        "",
        "12  Drainase                       Rp900",
    ]
    assert all(lebar_teks(x) <= 40 for x in lines)


def test_tabel_kisi_untuk_diisi_tangan():
    """A form: a grid, rows at least `tinggi` lines, text columns at least `min_lebar` wide."""
    lines = tabel_teks(["No", "Nama", "Tanda tangan"], [["1", "Siti", ""]], kanan=[True], min_lebar=[0, 0, 14],
                       tinggi=3, kisi=True)
    assert lines == [
        "+----+------+----------------+",
        "| No | Nama | Tanda tangan   |",
        "+====+======+================+",
        "|  1 | Siti |                |",
        "|    |      |                |",
        "|    |      |                |",
        "+----+------+----------------+",
    ]


# --- numbers, amounts, codes and dates are never broken (issue #11: "Rp340.000.0-00") ----------------

import re  # noqa: E402

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from sesi.teks_tabel import LEBAR, kartu, utuh  # noqa: E402


def _utuh_di(token: str, lines: list[str]) -> bool:
    """`token` stands whole (between spaces or line edges) on one of `lines`."""
    pola = re.compile(r"(?<!\S)" + re.escape(token) + r"(?!\S)")
    return any(pola.search(x) for x in lines)


def test_utuh_angka_jumlah_kode_tanggal():
    for x in ("Rp340.000.000", "Rp340.000.000)", "2027", "U-017", "050/123/Kec-BJU/2027", "09-02-2027", "4,50"):
        assert utuh(x)
    assert not utuh("Infrastruktur") and not utuh("(PJU)")


def test_tabel_sempit_memberi_jumlah_lebarnya_dan_tidak_memotong():
    """The table of Lampiran II found broken: the amount in the kegiatan's note stays whole."""
    judul = ["No", "Kegiatan", "Lokasi (Kelurahan)", "Volume", "Perkiraan Biaya", "Sumber Dana", "Skor",
             "Kelompok (Peringkat)"]
    baris = [["1", "Pemasangan lampu penerangan jalan umum (PJU) (catatan: 40 x Rp8.500.000 = Rp340.000.000)",
              "Gang Kenanga, Sungai Miai", "40 titik", "Rp320.000.000", "APBD Kota", "3,58",
              "Infrastruktur dan Kewilayahan (1)"]]
    out = tabel_teks(judul, baris, kanan=[True, False, False, False, True, False, True, False])
    assert all(lebar_teks(x) <= LEBAR for x in out)
    assert _utuh_di("Rp340.000.000)", out) and _utuh_di("Rp8.500.000", out)
    assert not any(x.endswith("-") for x in out)  # no word broken either: laid out as records
    assert out[:2] == ["No                   : 1",
                       "Kegiatan             : Pemasangan lampu penerangan jalan umum (PJU) (catatan: 40"]
    assert "Perkiraan Biaya      : Rp320.000.000" in out


def test_tabel_yang_muat_tetap_tabel():
    out = tabel_teks(["No", "Kegiatan", "Biaya"], [["1", "Jalan lingkungan RT 03", "Rp1.000.000"]],
                     kanan=[True, False, True])
    assert out == ["No  Kegiatan                      Biaya", "--  ----------------------  -----------",
                   " 1  Jalan lingkungan RT 03  Rp1.000.000"]


def test_kisi_tetap_kisi_dan_tidak_memotong_angka():
    """A form to fill by hand keeps its grid; long words may break there, a code never."""
    judul = ["No", "Nama", "Unsur", "Alamat", "Tanda tangan"]
    baris = [["1", "Supercalifragilisticexpialidocious " * 2, "Delegasi", "NIK-3201234567890123", ""]]
    out = tabel_teks(judul, baris, kanan=[True], min_lebar=[0, 0, 0, 0, 12], tinggi=2, kisi=True)
    assert out[0].startswith("+") and _utuh_di("NIK-3201234567890123", [x.replace("|", " ") for x in out])
    assert all(lebar_teks(x) <= LEBAR for x in out)


def test_kartu_label_panjang_dibungkus():
    out = kartu(["Sebuah judul kolom yang sangat panjang sekali", "B"], [["nilai", "Rp5"]], lebar=40)
    assert all(lebar_teks(x) <= 40 for x in out) and _utuh_di("Rp5", out)


_jumlah = st.integers(0, 10**13).map(lambda n: "Rp" + f"{n:,}".replace(",", "."))
_kata = st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyzÉé東"), min_size=1, max_size=18)
_teks = st.lists(st.one_of(_kata, _jumlah), min_size=0, max_size=12).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(st.integers(2, 10).flatmap(lambda n: st.tuples(
    st.lists(st.text(st.sampled_from("ABCDE Kolom"), min_size=1, max_size=20).map(lambda s: s.strip() or "K"),
             min_size=n, max_size=n),
    st.lists(st.lists(st.one_of(_teks, _jumlah), min_size=n, max_size=n), min_size=1, max_size=4),
    st.lists(st.booleans(), min_size=n, max_size=n))))
def test_sifat_jumlah_tidak_terpotong_dan_muat_80(t):
    """Random tables of amounts and text: every amount of every cell stands whole on one line, and no
    line is wider than 80 columns."""
    judul, baris, kanan = t
    baris = [[c if not k or c.startswith("Rp") else "Rp0" for c, k in zip(r, kanan)] for r in baris]
    out = tabel_teks(judul, baris, kanan=kanan)
    assert all(lebar_teks(x) <= LEBAR for x in out), out
    kisi = [x.replace("|", " ") for x in tabel_teks(judul, baris, kanan=kanan, tinggi=2, kisi=True)]
    for r in baris:
        for c in r:
            for tok in c.split():
                if tok.startswith("Rp"):
                    assert _utuh_di(tok, out), (tok, out)
                    assert _utuh_di(tok, kisi), (tok, kisi)  # a form may grow wider, never break one
