"""Pengesahan (issue 4): only the pimpinan signs; a signed session refuses every change, in the app and the
CLI; reopening needs a reason, is recorded, and the next signed version names the one it replaces."""

from __future__ import annotations

import pytest
from skenario import PIMPINAN, JamTetap, buat_skenario, buat_skenario_belum_lengkap

from musrenbang_tui import cli
from sesi import catatan, pendaftaran
from sesi.berita_acara import berita_acara
from sesi.errors import DataDitolak, PeranTidakBerwenang, SesiTerkunci
from sesi.pengesahan import (
    AKSI_BUKA,
    AKSI_SAHKAN,
    buka_kembali,
    HalTerbuka,
    catatan_sebelum_sahkan,
    hal_terbuka,
    keadaan,
    sahkan,
    sidik_jari,
)
from sesi.riwayat import periksa_rantai
from sesi.store import Store
from sesi.transaksi import Pelaku


@pytest.fixture
def jam() -> JamTetap:
    return JamTetap()


@pytest.fixture
def store(tmp_path, jam) -> Store:
    return buat_skenario(str(tmp_path / "sesi.json"), jam=jam)


@pytest.fixture
def pimpinan(store, jam) -> Store:
    return Store(store.path, pelaku=PIMPINAN, clock=jam)


def _sahkan(st: Store) -> str:
    with st.transaksi() as tx:
        return sahkan(tx)


def _riwayat(st: Store) -> list[dict]:
    return list(st.muat().raw["riwayat"].values())


def test_hanya_pimpinan_yang_mengesahkan(store):
    """The operator (or any other role) cannot sign; nothing changes."""
    sebelum = open(store.path, "rb").read()
    with pytest.raises(PeranTidakBerwenang):
        _sahkan(store)
    assert open(store.path, "rb").read() == sebelum
    assert not store.muat().info.terkunci


def test_sahkan_mencatat_sidik_jari_waktu_dan_penanda_tangan(pimpinan):
    """Signing stores the SHA-256 of the content, the time and who signed, and records it in the history."""
    sidik = _sahkan(pimpinan)
    data = pimpinan.muat()
    sah = data.info.disahkan
    assert len(sidik) == 64 and sah["sidik_jari"] == sidik == sidik_jari(data.raw)
    assert (sah["versi"], sah["nama"], sah["peran"]) == (1, PIMPINAN.nama, "pimpinan")
    assert sah["waktu"].startswith("2027-02-09T")
    assert sah["menggantikan"] == {}
    entri = _riwayat(pimpinan)
    assert entri[-1]["aksi"] == AKSI_SAHKAN and entri[-1]["baru"]["sidik_jari"] == sidik
    assert periksa_rantai(entri) == []
    assert keadaan(data).utuh


def test_sidik_jari_mengikuti_isi_bukan_riwayat(store):
    """The fingerprint changes with any content the document depends on, and not with the history or the
    signature itself."""
    raw = store.muat().raw
    awal = sidik_jari(raw)
    assert sidik_jari(dict(raw, riwayat={})) == awal
    info = dict(raw["sesi"]["info"], disahkan={"sidik_jari": "x"})
    assert sidik_jari(dict(raw, sesi={"info": info})) == awal
    skor_lain = dict(raw["skor"])
    skor_lain["U001|K2|"] = dict(skor_lain["U001|K2|"], nilai=3)
    assert sidik_jari(dict(raw, skor=skor_lain)) != awal
    peserta = dict(raw["peserta"])
    peserta["P0001"] = dict(peserta["P0001"], telepon="0811")  # not printed, still covered
    assert sidik_jari(dict(raw, peserta=peserta)) != awal


def test_sesi_sah_menolak_setiap_perubahan(store, pimpinan):
    """After signing, every change is refused with a clear message and the file stays byte-identical,
    whoever tries (operator or the pimpinan himself)."""
    _sahkan(pimpinan)
    sebelum = open(store.path, "rb").read()
    for st, aksi in ((store, lambda tx: catatan.tambah_catatan(tx, "Catatan sesudah pengesahan")),
                     (store, lambda tx: pendaftaran.tambah_peserta(tx, nama="Terlambat", unsur="delegasi")),
                     (pimpinan, lambda tx: pendaftaran.hadir(tx, "P0017"))):
        with pytest.raises(SesiTerkunci) as e:
            with st.transaksi() as tx:
                aksi(tx)
        assert "disahkan" in str(e.value) and "Buka kembali" in str(e.value)
        assert open(store.path, "rb").read() == sebelum


def test_sahkan_dua_kali_ditolak(pimpinan):
    _sahkan(pimpinan)
    with pytest.raises(DataDitolak, match="sudah disahkan"):
        _sahkan(pimpinan)


def test_buka_kembali_perlu_alasan_dan_tercatat(store, pimpinan):
    """Reopening needs the pimpinan and a reason; the reason, who and when are kept, and changes are allowed
    again."""
    sidik = _sahkan(pimpinan)
    for alasan in ("", "   "):
        with pytest.raises(DataDitolak, match="Alasan"):
            with pimpinan.transaksi() as tx:
                buka_kembali(tx, alasan)
    with pytest.raises(PeranTidakBerwenang):
        with store.transaksi() as tx:
            buka_kembali(tx, "operator mencoba")
    assert pimpinan.muat().info.terkunci

    with pimpinan.transaksi() as tx:
        buka_kembali(tx, "Salah ketik volume usulan U002")
    info = pimpinan.muat().info
    assert not info.terkunci
    (lama,) = info.versi_sah
    assert (lama["versi"], lama["sidik_jari"], lama["alasan"], lama["dibuka_oleh"], lama["utuh"]) == \
        (1, sidik, "Salah ketik volume usulan U002", PIMPINAN.nama, True)
    entri = _riwayat(pimpinan)
    assert entri[-1]["aksi"] == AKSI_BUKA and entri[-1]["baru"] == "Salah ketik volume usulan U002"
    assert periksa_rantai(entri) == []
    with store.transaksi() as tx:
        pendaftaran.hadir(tx, "P0017")
    assert store.muat().peserta["P0017"].hadir


def test_buka_kembali_sesi_rancangan_ditolak(pimpinan):
    with pytest.raises(DataDitolak, match="belum disahkan"):
        with pimpinan.transaksi() as tx:
            buka_kembali(tx, "tidak perlu")


def test_versi_berikutnya_menyebut_versi_yang_digantikan(store, pimpinan):
    """Sign, reopen with a reason, change, sign again: version 2 names version 1 and the reopen reason, in the
    file and in the document; the draft in between says which version was reopened and why."""
    sidik1 = _sahkan(pimpinan)
    with pimpinan.transaksi() as tx:
        buka_kembali(tx, "Tokoh masyarakat hadir terlambat belum tercatat")
    rancangan = berita_acara(pimpinan.muat(), "txt")
    assert "RANCANGAN" in rancangan and "Versi sah 1 dibuka kembali" in rancangan
    assert "Tokoh masyarakat hadir terlambat belum tercatat" in rancangan
    with store.transaksi() as tx:
        pendaftaran.hadir(tx, "P0017")
    with pytest.raises(HalTerbuka) as e:  # the late arrival's unsur has no signatory yet
        _sahkan(pimpinan)
    assert e.value.hal == ["Unsur Tokoh Masyarakat hadir tetapi belum mempunyai wakil penandatangan."]
    with pimpinan.transaksi() as tx:
        sidik2 = sahkan(tx, tetap="Wakil tokoh masyarakat menandatangani di baris yang dikosongkan")
    assert sidik2 != sidik1
    sah = pimpinan.muat().info.disahkan
    assert sah["versi"] == 2
    assert sah["menggantikan"]["versi"] == 1 and sah["menggantikan"]["sidik_jari"] == sidik1
    md = berita_acara(pimpinan.muat(), "md")
    assert "DISAHKAN - versi 2" in md
    penutup = md.split("Keterangan pengesahan")[1].split("---")[0]
    assert "versi 1 (disahkan 9 Februari 2027 pukul" in penutup and sidik1 in penutup
    assert "Tokoh masyarakat hadir terlambat belum tercatat" in penutup
    assert "| Tokoh Masyarakat |  |" in md  # the late arrival's unsur now has a signature row
    assert ("Disahkan walaupun masih terdapat 1 (satu) hal yang belum selesai, dengan alasan pimpinan sidang: "
            "Wakil tokoh masyarakat menandatangani di baris yang dikosongkan. Hal yang belum selesai pada saat "
            "pengesahan:\n\n1. Unsur Tokoh Masyarakat hadir tetapi belum mempunyai wakil penandatangan.") in penutup


def test_hal_terbuka_dan_catatan_sebelum_sahkan(store, tmp_path):
    """The complete scenario has nothing open; a fresh session's notes (never blocking) are listed apart, and
    no one recorded present blocks signing (a berita acara stating zero attendance is not true)."""
    assert hal_terbuka(store.muat(), tanggal_sah="2027-02-09") == []
    assert hal_terbuka(store.muat(), tanggal_sah="2027-02-08") == [
        "Tanggal pengesahan (8 Februari 2027) sebelum tanggal Musrenbang (9 Februari 2027)."]
    assert catatan_sebelum_sahkan(store.muat()) == []
    kosong = Store.buat(str(tmp_path / "kosong.json"), {"kecamatan": "X", "kota": "Y", "tahun": 2028,
                                                         "tanggal": "2027-02-09", "tempat": "Aula"})
    assert hal_terbuka(kosong.muat(), tanggal_sah="2027-02-09") == [
        "Belum ada peserta yang tercatat hadir.", "Belum ada usulan yang dibahas.",
        "Belum ada kelompok pembahasan yang ditetapkan."]
    assert catatan_sebelum_sahkan(kosong.muat()) == [
        "Nomor berita acara belum diisi.",
        "Delegasi kecamatan belum ditetapkan.",
        "Waktu mulai dan selesai Musrenbang belum dicatat (Persiapan, bagian Sesi).",
        "NIP Camat belum diisi (Persiapan, bagian Sesi).", "Tim perumus belum ditetapkan."]


def test_hal_terbuka_sesi_kosong(tmp_path):
    """A meeting that never happened (fresh session: no usulan, no kelompok) is not signed on one reason:
    the gate names the missing usulan and kelompok, and signing without a reason is refused."""
    kosong = Store.buat(str(tmp_path / "kosong.json"), {"kecamatan": "X", "kota": "Y", "tahun": 2028,
                                                         "tanggal": "2027-02-09", "tempat": "Aula"})
    terbuka = hal_terbuka(kosong.muat(), tanggal_sah="2027-02-08")
    assert "Belum ada usulan yang dibahas." in terbuka
    assert "Belum ada kelompok pembahasan yang ditetapkan." in terbuka
    assert terbuka[0].startswith("Tanggal pengesahan (8 Februari 2027)")
    sebelum = open(kosong.path, "rb").read()
    with pytest.raises(HalTerbuka):
        _sahkan(Store(kosong.path, pelaku=PIMPINAN, clock=JamTetap()))
    assert open(kosong.path, "rb").read() == sebelum


def test_hal_terbuka_sesi_belum_lengkap(tmp_path):
    """Every open point of the incomplete scenario, in order; signing is refused and nothing changes."""
    st = buat_skenario_belum_lengkap(str(tmp_path / "belum.json"))
    assert hal_terbuka(st.muat(), tanggal_sah="2027-02-09") == [
        "1 usulan belum diverifikasi (U006).",
        "2 usulan belum dinilai lengkap (U002, U009).",
        "Daftar Kelompok Infrastruktur dan Kewilayahan belum disepakati dalam Sidang Pleno II.",
        "Kelompok Sosial Budaya dan Ekonomi belum memilih ketua.",
        "Daftar Kelompok Sosial Budaya dan Ekonomi belum disepakati dalam Sidang Pleno II.",
        "Kelompok Sosial Budaya dan Ekonomi: nilai seri (U007, U008) belum diputuskan dalam Sidang Pleno II.",
        "Unsur Delegasi Kelurahan hadir tetapi belum mempunyai wakil penandatangan.",
        "Unsur Fasilitator hadir tetapi belum mempunyai wakil penandatangan.",
    ]
    sebelum = open(st.path, "rb").read()
    with pytest.raises(HalTerbuka):
        _sahkan(Store(st.path, pelaku=PIMPINAN, clock=JamTetap()))
    assert open(st.path, "rb").read() == sebelum


# --- the CLI ---------------------------------------------------------------------------------------------


def _csv_peserta(tmp_path) -> str:
    path = tmp_path / "peserta.csv"
    path.write_text("nama,unsur,jenis_kelamin\nPeserta Baru,delegasi,P\n", encoding="utf-8")
    return str(path)


def test_cli_sahkan_lalu_impor_ditolak(store, tmp_path, capsys, hari_musrenbang):
    """`musrenbang sahkan` locks the session: a later `impor` exits 1 naming the lock, the file unchanged;
    after `buka-kunci` with a reason the same import goes through."""
    csv = _csv_peserta(tmp_path)
    assert cli.main(["sahkan", store.path, "--nama", "Drs. H. Ahmad Fauzan"]) == 0
    out = capsys.readouterr()
    sidik = store.muat().info.disahkan["sidik_jari"]
    assert sidik in out.out
    sebelum = open(store.path, "rb").read()
    assert cli.main(["impor", "peserta", store.path, csv]) == 1
    err = capsys.readouterr().err
    assert "sudah disahkan" in err and "terkunci" in err
    assert open(store.path, "rb").read() == sebelum

    assert cli.main(["sahkan", store.path, "--nama", "Drs. H. Ahmad Fauzan"]) == 1
    assert "sudah disahkan" in capsys.readouterr().err
    assert cli.main(["buka-kunci", store.path, "--nama", "Drs. H. Ahmad Fauzan", "--alasan",
                     "Peserta terlambat belum tercatat"]) == 0
    assert cli.main(["impor", "peserta", store.path, csv]) == 0
    assert any(p.nama == "Peserta Baru" for p in store.muat().peserta.values())


def test_cli_buka_kunci_alasan_kosong(store, capsys, hari_musrenbang):
    assert cli.main(["sahkan", store.path, "--nama", "Camat"]) == 0
    assert cli.main(["buka-kunci", store.path, "--nama", "Camat", "--alasan", " "]) == 1
    assert "Alasan" in capsys.readouterr().err
    assert store.muat().info.terkunci


def test_pelaku_peran_lain_tidak_dapat_membuka(store, hari_musrenbang):
    """Reopening through another terminal with a non-pimpinan role is refused like signing."""
    _sahkan(Store(store.path, pelaku=Pelaku("Camat", "pimpinan")))
    fasil = Store(store.path, pelaku=Pelaku("Fasilitator", "fasilitator"))
    with pytest.raises(PeranTidakBerwenang):
        with fasil.transaksi() as tx:
            buka_kembali(tx, "coba")


def test_cli_sahkan_sesi_belum_lengkap_ditolak(tmp_path, capsys, hari_musrenbang):
    """`sahkan` on an incomplete session exits 1 and lists what is open, signing nothing; --tetap needs
    --alasan (exit 2); with both it signs, prints the reason, and the berita acara carries it."""
    path = buat_skenario_belum_lengkap(str(tmp_path / "belum.json")).path
    sebelum = open(path, "rb").read()
    assert cli.main(["sahkan", path, "--nama", "Drs. H. Ahmad Fauzan"]) == 1
    out = capsys.readouterr()
    assert out.out == ""
    assert out.err.startswith("Masih terbuka:\n  - 1 usulan belum diverifikasi (U006).\n"
                              "  - 2 usulan belum dinilai lengkap (U002, U009).\n")
    assert "  - Kelompok Sosial Budaya dan Ekonomi belum memilih ketua.\n" in out.err
    assert "Berita acara tidak disahkan." in out.err
    assert open(path, "rb").read() == sebelum
    assert cli.main(["sahkan", path, "--nama", "Camat", "--tetap"]) == 2
    assert "--tetap memerlukan --alasan" in capsys.readouterr().err
    assert cli.main(["sahkan", path, "--nama", "Camat", "--alasan", "Lanjut"]) == 2
    assert open(path, "rb").read() == sebelum

    assert cli.main(["sahkan", path, "--nama", "Drs. H. Ahmad Fauzan", "--tetap", "--alasan",
                     "Kelompok Sosial Budaya melanjutkan pembahasan pada rapat lanjutan"]) == 0
    out = capsys.readouterr()
    assert "Masih terbuka:" in out.err and "Sidik jari:" in out.out
    assert "dengan alasan: Kelompok Sosial Budaya melanjutkan pembahasan pada rapat lanjutan" in out.out
    data = Store.buka(path).data
    assert data.info.terkunci and keadaan(data).tetap["hal_terbuka"][0] == "1 usulan belum diverifikasi (U006)."
    teks = " ".join(berita_acara(data, "txt").split())
    assert ("Disahkan walaupun masih terdapat 8 (delapan) hal yang belum selesai, dengan alasan pimpinan sidang: "
            "Kelompok Sosial Budaya melanjutkan pembahasan pada rapat lanjutan.") in teks


def test_cli_sahkan_sebelum_hari_musrenbang_ditolak(store, capsys):
    """The complete scenario moved to a date a month from now is refused on the real clock: a signing date
    before the meeting."""
    from datetime import date, timedelta

    from sesi import persiapan
    from sesi.format import tanggal_panjang

    nanti = (date.today() + timedelta(days=30)).isoformat()
    with store.transaksi() as tx:
        persiapan.ubah_info(tx, tanggal=nanti)
    assert cli.main(["sahkan", store.path, "--nama", "Camat"]) == 1
    err = capsys.readouterr().err
    assert f"sebelum tanggal Musrenbang ({tanggal_panjang(nanti)})" in err
    assert not store.muat().info.terkunci
