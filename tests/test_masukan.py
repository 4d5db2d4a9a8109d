"""The one control-character rule (sesi.teks) and the input limits (sesi.masukan, issue 10 items 6 and 7),
through the actions that store user input and through the CLI."""

from __future__ import annotations

import pytest

from musrenbang_tui import cli
from sesi import kriteria, persiapan, pleno, usulan, verifikasi
from sesi.pendaftaran import tambah_peserta
from sesi.teks import bersih, buang_kendali, tampak

HOSTILE = "A\x1b[31mB\x1b]0;judul\x07C\x9b2JD\u202eE\u2066F\u200bG\ufeffH\u061cI\x7fJ\x00K"


# --- the rule ------------------------------------------------------------------------------------------


def test_bersih_membuang_seluruh_rangkaian_dan_karakter_tak_terlihat():
    """Stored text keeps the visible letters only: escape sequences go whole, bidi and zero-width go."""
    assert bersih(HOSTILE) == "ABCDEFGHIJK"
    assert bersih("  dua\r\nbaris\tdan   spasi ") == "dua baris dan spasi"
    assert bersih("dua\r\nbaris\r\n\ttab", baris_baru=True) == "dua\nbaris\n tab"
    assert bersih("050/     /Kec", jaga_spasi=True) == "050/     /Kec"
    assert bersih(None) == "" and bersih(12) == "12"
    assert bersih("Cafe\u0301") == "Caf\u00e9"  # NFC


def test_buang_kendali_hanya_membuang():
    assert buang_kendali("a\x1b[1mb\r\nc\u202e") == "ab\nc"
    assert buang_kendali("a\nb", baris_baru=" ") == "a b"


def test_tampak_menampilkan_apa_yang_dimuat_tanpa_menjalankannya():
    """Printed on a terminal, a hostile value shows its control characters instead of acting on them."""
    shown = tampak(HOSTILE)
    assert shown == ("A<ESC>[31mB<ESC>]0;judul<BEL>C<U+009B>2JD<U+202E>E<U+2066>F<U+200B>G<U+FEFF>H<U+061C>I"
                     "<DEL>J<NUL>K")
    assert shown.isprintable() and shown.isascii()
    assert tampak("dua\nbaris\t.") == "dua<LF>baris<HT>."
    assert tampak("dua\nbaris", baris_baru=True) == "dua\nbaris"
    assert tampak("Ibu Siti \u00e9 \U0001F30A") == "Ibu Siti \u00e9 \U0001F30A"


# --- names ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("nama", ["Budi\x1b[2J", "Siti \u202eanigaR", "Rah\u200bmat", "Dua\nbaris", "A" * 201])
def test_nama_peserta_yang_menyamar_ditolak(bantu, nama):
    pesan = bantu.ditolak(tambah_peserta, nama=nama, unsur="delegasi")
    assert pesan.startswith("Nama ")


def test_nama_wajar_diterima_dan_dirapikan(store, bantu):
    pid = bantu.lakukan(tambah_peserta, nama="  Hj. Siti Aisyah, S.Pd.\n", unsur="delegasi")
    assert store.muat().peserta[pid].nama == "Hj. Siti Aisyah, S.Pd."
    bantu.lakukan(tambah_peserta, nama="N" * 200, unsur="delegasi")


def test_nama_penanda_tangan_tim_dan_camat_ditolak(bantu):
    assert "<U+202E>" in bantu.ditolak(pleno.atur_penandatangan, "lurah", nama="Lurah \u202eX")
    bantu.ditolak(pleno.tambah_delegasi, nama="D" * 201)
    bantu.ditolak(persiapan.ubah_info, camat="Camat\x1b]0;x\x07")
    bantu.ditolak(persiapan.simpan_sambutan, "Wali\x07kota")


def test_nama_dari_perintah_ditolak(store, capsys):
    """--nama is a name like any other: refused with exit status 1, the file untouched."""
    sebelum = open(store.path, "rb").read()
    assert cli.main(["sahkan", store.path, "--nama", "Camat\x1b[8m"]) == 1
    assert "<ESC>" in capsys.readouterr().err
    assert cli.main(["buka-kunci", store.path, "--nama", "Camat", "--alasan", "x" * 2001]) == 1
    assert "paling banyak 2000" in capsys.readouterr().err
    assert open(store.path, "rb").read() == sebelum


# --- reasons and numbers ---------------------------------------------------------------------------------


def test_alasan_lebih_dari_2000_karakter_ditolak(store, bantu):
    uid = bantu.usulan()
    assert "paling banyak 2000" in bantu.ditolak(verifikasi.verifikasi, uid, "ditolak", "x" * 2001)
    bantu.lakukan(verifikasi.verifikasi, uid, "ditolak", "x" * 2000)


@pytest.mark.parametrize("bobot, pesan", [
    ("1e999999999", "Bobot paling besar 1.000, bukan '1e999999999'."),
    ("1000.5", "Bobot paling besar 1.000, bukan '1000.5'."),
    ("0,0000001", "Bobot paling banyak 6 angka di belakang koma, bukan '0.0000001'."),
    ("1e-999999999", "Bobot paling banyak 6 angka di belakang koma, bukan '1e-999999999'."),
    ("0", "Bobot harus bilangan positif, bukan '0'."),
])
def test_bobot_di_luar_batas_ditolak(bantu, bobot, pesan):
    assert bantu.ditolak(kriteria.simpan_kriteria, "K9", "Uji", bobot) == pesan


def test_bobot_di_dalam_batas_diterima(store, bantu):
    bantu.lakukan(kriteria.simpan_kriteria, "K9", "Uji", "1000")
    bantu.lakukan(kriteria.simpan_kriteria, "K8", "Uji", "0,000001")
    bobot = {k.kode: k.bobot for k in store.muat().kriteria}
    assert (bobot["K9"], bobot["K8"]) == ("1000", "0.000001")


def test_volume_dan_biaya_di_luar_batas_ditolak(store, bantu):
    uid = bantu.usulan(volume="1.000.000.000", perkiraan_biaya="1.000.000.000.000.000")
    bantu.ditolak(usulan.ubah_usulan, uid, volume="1.000.000.001")
    bantu.ditolak(usulan.ubah_usulan, uid, perkiraan_biaya="1000000000000000.01")
    bantu.ditolak(usulan.ubah_usulan, uid, prioritas_kelurahan="9" * 5000)


# --- dates as people type them (issue 15, item 7) ------------------------------------------------------

from datetime import date  # noqa: E402

from hypothesis import given, strategies as st  # noqa: E402

from sesi.errors import DataDitolak  # noqa: E402
from sesi.format import BULAN, tanggal_lengkap  # noqa: E402
from sesi.masukan import baca_tanggal, tanggal_iso  # noqa: E402


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2199, 12, 31)))
def test_tanggal_diterima_seperti_diketik_orang(d):
    """Every way a date is written on an invitation or typed in a hurry reads as the same date, day
    first; the full form the app shows back reads as the same date too."""
    ditulis = [
        d.isoformat(),
        f"{d.day:02d}/{d.month:02d}/{d.year}",
        f"{d.day}-{d.month}-{d.year}",
        f"{d.day}.{d.month}.{d.year}",
        f"{d.day} {BULAN[d.month - 1]} {d.year}",
        f"{d.day} {BULAN[d.month - 1][:3].lower()} {d.year}",
        f"{d.day} {BULAN[d.month - 1].upper()} {d.year}",
        tanggal_lengkap(d.isoformat()),
    ]
    for t in ditulis:
        assert baca_tanggal(t) == d, t
        assert tanggal_iso(t, "Tanggal") == d.isoformat()


def test_tanggal_yang_bukan_tanggal_ditolak_dengan_contoh():
    """A day that does not exist or a half date is refused with examples of what is accepted."""
    for salah in ("31/02/2027", "02/2027", "9 Februarii 2027", "besok", "2027-13-01"):
        with pytest.raises(DataDitolak) as e:
            tanggal_iso(salah, "Tanggal")
        assert "09/02/2027" in str(e.value) and "9 Februari 2027" in str(e.value)
    assert tanggal_lengkap("2027-02-09") == "Selasa, 9 Februari 2027"
