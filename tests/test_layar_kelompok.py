"""The Kelompok screen (Sidang Kelompok), driven by keyboard through Textual's Pilot: members one by one and
in bulk, the election of ketua/sekretaris/notulen (acclamation, hand count, ties, second round, lot, the
domain's refusals), the hand-over, and verification of usulan with every status."""

from __future__ import annotations

import random
from datetime import datetime
from pathlib import Path

import pytest
from textual.widgets import OptionList

from layar import layar_teks, tunggu
from musrenbang_tui.app import MusrenbangApp
from screens.tombol import perintah_aktif
from screens.widgets import KonfirmasiDialog, StatusBar
from sesi import persiapan, usulan, verifikasi
from sesi.store import Store
from sesi.transaksi import Pelaku

JAM = datetime(2027, 2, 9, 10, 0, 0)
KEL_I, KEL_II = "KEL01", "KEL02"


def buka(path: Path, **kw) -> MusrenbangApp:
    store = Store.buka(path, pelaku=Pelaku("uji", kw.pop("peran", "operator")), clock=lambda: JAM)
    return MusrenbangApp(store, layar="kelompok", **kw)


def data(path: Path):
    return Store.buka(path).data



def pilihan_palet(app) -> str:
    """The text of the command palette's highlighted command ("" while the search has not answered)."""
    daftar = app.screen.query_one(OptionList)
    if daftar.highlighted is None:
        return ""
    return str(daftar.get_option_at_index(daftar.highlighted).prompt)


def rata(text: str) -> str:
    """Screen text with line breaks and runs of spaces as one space (for wrapped detail lines)."""
    return " ".join(text.split())


def status(app: MusrenbangApp) -> str:
    return app.screen.query_one(StatusBar).pesan.plain


def id_peserta(path: Path, nama: str) -> str:
    return next(p.id for p in data(path).peserta.values() if p.nama == nama)


async def ketik(pilot, text: str) -> None:
    await pilot.press(*text)


async def kelompok_ii(pilot, bagian: str = "2") -> None:
    """Go to Kelompok II Ekonomi (members, no officers yet) and open a part."""
    await pilot.press("right_square_bracket", bagian)
    await pilot.pause()


async def aklamasi_pertama(pilot) -> None:
    """a, then Enter on the first name offered: the highlighted post goes to that member by acclamation."""
    await pilot.press("a")
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()


async def isi_suara(pilot, *jumlah: str) -> None:
    """Fill the hand-count form field by field (an empty string skips a candidate), then Ctrl+S."""
    await pilot.pause()
    for i, n in enumerate(jumlah):
        if n:
            await ketik(pilot, n)
        if i + 1 < len(jumlah):
            await pilot.press("tab")
    await pilot.press("ctrl+s")
    await pilot.pause()


# --- choosing the kelompok -------------------------------------------------------------------------------


async def test_kelompok_dipilih_dan_diingat(demo):
    """] and [ cycle the kelompok, o chooses by typing; the choice is kept in app.kelompok_aktif."""
    app = buka(demo)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.kelompok_aktif == KEL_I
        assert "Kelompok I Infrastruktur (1/3)" in layar_teks(app)
        await pilot.press("right_square_bracket")
        assert app.kelompok_aktif == KEL_II
        assert "Kelompok II Ekonomi (2/3)" in layar_teks(app)
        await pilot.press("left_square_bracket", "left_square_bracket")
        assert app.kelompok_aktif == "KEL03"
        await pilot.press("o")
        await pilot.pause()
        await ketik(pilot, "ekonomi")
        await pilot.press("enter")
        await pilot.pause()
        assert app.kelompok_aktif == KEL_II
        assert "Fasilitator: Lina Marlina, S.E." in layar_teks(app)


async def test_dibuka_pada_kelompok_dari_baris_perintah(demo):
    """--kelompok NAME opens the screen on that kelompok."""
    app = buka(demo, kelompok="Kelompok II Ekonomi")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Kelompok II Ekonomi (2/3)" in layar_teks(app)


# --- members ---------------------------------------------------------------------------------------------


async def test_tambah_anggota_satu_per_satu(demo):
    """t opens a searchable list of present participants; Enter puts the highlighted one in the kelompok."""
    pid = id_peserta(demo, "H. Syarifuddin, S.H.")
    app = buka(demo)
    async with app.run_test(size=(80, 24)) as pilot:
        await kelompok_ii(pilot, "1")
        sebelum = layar_teks(app)
        assert "17 anggota hadir" in sebelum and "Belum berkelompok: 8 peserta hadir" in sebelum
        await pilot.press("t")
        await pilot.pause()
        await ketik(pilot, "syarif")
        await pilot.press("enter")
        await pilot.pause()
        assert data(demo).peserta[pid].kelompok == KEL_II
        text = layar_teks(app)
        assert "H. Syarifuddin, S.H." in text and "18 anggota hadir" in text
        assert "Syarifuddin" in status(app) and "Tersimpan" in status(app)
        # x takes the highlighted member (the one just added) out again; the Footer then offers u, which
        # puts them back (removing is one key, so it can be undone)
        assert "Urungkan" not in layar_teks(app)
        await pilot.press("x")
        await pilot.pause()
        assert data(demo).peserta[pid].kelompok == ""
        assert "u mengurungkan" in status(app) and "u Urungkan" in layar_teks(app)
        await pilot.press("u")
        await pilot.pause()
        assert data(demo).peserta[pid].kelompok == KEL_II
        assert "kembali ke" in status(app) and "u Urungkan" not in layar_teks(app)


async def test_anggota_massal_per_unsur(demo):
    """m puts every present participant of an unsur (not yet in a kelompok) in the kelompok at once."""
    app = buka(demo)
    async with app.run_test(size=(80, 24)) as pilot:
        await kelompok_ii(pilot, "1")
        await pilot.press("m")
        await pilot.pause()
        await pilot.press("tab", "enter")  # the unsur list
        await pilot.pause()
        await ketik(pilot, "narasumber")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        d = data(demo)
        narasumber = [p for p in d.peserta.values() if p.unsur == "narasumber"]
        assert narasumber and all(p.kelompok == KEL_II for p in narasumber)
        assert f"{len(narasumber)} peserta masuk Kelompok II Ekonomi" in status(app)
        assert "Ir. Taufik Rahman, M.T." in layar_teks(app)  # the cursor goes to the first who came in
        assert app.screen.query_one("#anggota-tabel").kunci_terpilih() == narasumber[0].id


async def test_anggota_massal_tanpa_pilihan_ditolak(demo):
    """Bulk with neither kelurahan nor unsur is refused with the domain's message; the dialog stays open."""
    before = demo.read_bytes()
    app = buka(demo)
    async with app.run_test(size=(80, 24)) as pilot:
        await kelompok_ii(pilot, "1")
        await pilot.press("m")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "FormDialog"
        assert "Pilih kelurahan atau unsur" in layar_teks(app)
    assert demo.read_bytes() == before


# --- election --------------------------------------------------------------------------------------------


async def test_ketua_dengan_aklamasi(demo):
    """a on a post opens the present members; Enter on a name records the election by acclamation."""
    pid = id_peserta(demo, "Rusmini")
    app = buka(demo)
    async with app.run_test(size=(80, 24)) as pilot:
        await kelompok_ii(pilot)
        assert "belum dipilih" in layar_teks(app)
        await pilot.press("a")
        await pilot.pause()
        await ketik(pilot, "rusmini")
        await pilot.press("enter")
        await pilot.pause()
        kel = data(demo).kelompok_dari_id(KEL_II)
        assert kel.ketua == pid and kel.pemilihan_untuk("ketua").metode == "aklamasi"
        text = " ".join(layar_teks(app).split())  # a sentence may wrap anywhere ("pukul" / "10.00")
        assert "Rusmini" in text and "musyawarah mufakat (aklamasi)" in text and "pukul 10.00" in text
        assert "1/3" in text


async def test_hitung_suara_seri_lalu_putaran_kedua(demo):
    """A tie is shown clearly and offers a second round among the tied; the second round elects."""
    anggota = [p for p in data(demo).anggota(KEL_II) if p.hadir]
    a, b = anggota[0], anggota[1]
    app = buka(demo)
    async with app.run_test(size=(80, 24)) as pilot:
        await kelompok_ii(pilot)
        await pilot.press("s")
        await isi_suara(pilot, "6", "6", "3")
        kel = data(demo).kelompok_dari_id(KEL_II)
        assert kel.ketua == "" and len(kel.pemilihan_untuk("ketua").putaran) == 1
        text = layar_teks(app)
        assert "Suara seri" in text and a.nama in text and b.nama in text
        assert "Putaran kedua" in text and "Undian" in text
        await pilot.press("enter")  # the offer's first choice: a second round
        await pilot.pause()
        assert "putaran 2, di antara yang seri" in layar_teks(app)
        await isi_suara(pilot, "5", "9")
        kel = data(demo).kelompok_dari_id(KEL_II)
        pem = kel.pemilihan_untuk("ketua")
        assert kel.ketua == b.id and pem.penentuan == "putaran_kedua"
        assert [r["suara"] for r in pem.putaran] == [{a.id: 6, b.id: 6, anggota[2].id: 3}, {a.id: 5, b.id: 9}]
        text = layar_teks(app)
        assert "suara, putaran kedua" in text
        assert "ditentukan dengan putaran kedua" in text


async def test_seri_ditentukan_dengan_undian(demo):
    """A tie decided by lot: the screen draws through its seeded rng; the method "undian" is recorded."""
    anggota = [p for p in data(demo).anggota(KEL_II) if p.hadir]
    app = buka(demo)
    async with app.run_test(size=(80, 24)) as pilot:
        await kelompok_ii(pilot)
        await pilot.press("j", "j")  # notulen
        app.screen.rng_undian = random.Random(11)
        await pilot.press("s")
        await isi_suara(pilot, "4", "4")
        await pilot.press("f10")  # decide later: the tie stays visible
        await pilot.pause()
        assert "SERI" in layar_teks(app)
        await pilot.press("u")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        kel = data(demo).kelompok_dari_id(KEL_II)
        pem = kel.pemilihan_untuk("notulen")
        harapan = random.Random(11).choice(sorted([anggota[0].id, anggota[1].id]))
        assert kel.notulen == harapan and pem.penentuan == "undian"
        assert "diundi di antara" in pem.catatan
        text = layar_teks(app)
        assert "suara, undian" in text and "ditentukan dengan undian" in text


async def test_suara_melebihi_anggota_hadir_ditolak(demo):
    """Votes cast above the members present are refused: the message is shown and the input kept."""
    app = buka(demo)
    async with app.run_test(size=(80, 24)) as pilot:
        await kelompok_ii(pilot)
        await pilot.press("s")
        await isi_suara(pilot, "10", "9")
        assert app.screen.__class__.__name__ == "SuaraDialog"
        assert "Jumlah suara (19) melebihi anggota hadir kelompok (17)" in layar_teks(app)
        assert app.screen.nilai()["c0"] == "10"
        await pilot.press("f10")
    assert data(demo).kelompok_dari_id(KEL_II).pemilihan == {}


async def test_satu_orang_satu_jabatan(demo):
    """The elected ketua cannot also be elected sekretaris, by acclamation or by hand count."""
    app = buka(demo)
    async with app.run_test(size=(80, 24)) as pilot:
        await kelompok_ii(pilot)
        await aklamasi_pertama(pilot)
        ketua = data(demo).kelompok_dari_id(KEL_II).ketua
        nama = data(demo).peserta[ketua].nama
        await pilot.press("j", "a")  # sekretaris
        await pilot.pause()
        await ketik(pilot, nama.lower())
        await pilot.pause()
        assert f"{nama} (sudah ketua)" in layar_teks(app)
        await pilot.press("enter")
        await pilot.pause()
        assert "satu orang satu jabatan" in status(app)
        assert app.screen.query_one(StatusBar).has_class("-galat")
        # by hand count: the ketua is listed last, marked; votes for them are refused in the dialog
        await pilot.press("s")
        await pilot.pause()
        dialog = app.screen
        n = len(dialog.kolom)
        await isi_suara(pilot, "3", *([""] * (n - 2)), "4")
        assert app.screen is dialog and "satu orang satu jabatan" in layar_teks(app)
        await pilot.press("f10")
    assert data(demo).kelompok_dari_id(KEL_II).sekretaris == ""


async def test_serah_terima_kepada_ketua(demo):
    """r records the hand-over to the elected ketua with the time; before a ketua it is refused."""
    app = buka(demo)
    async with app.run_test(size=(80, 24)) as pilot:
        await kelompok_ii(pilot)
        await pilot.press("r")
        await pilot.pause()
        assert "belum memilih ketua" in status(app)
        await aklamasi_pertama(pilot)
        await pilot.press("r")
        await pilot.pause()
        assert "Lina Marlina, S.E." in layar_teks(app)
        await pilot.press("y")
        await pilot.pause()
        kel = data(demo).kelompok_dari_id(KEL_II)
        assert kel.serah_terima == "2027-02-09T10:00:00"
        assert "kepada ketua" in layar_teks(app) and "pukul 10.00" in layar_teks(app)


async def test_batal_pemilihan(demo):
    """b cancels an election after confirmation, so the post can be voted again."""
    app = buka(demo)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "j", "b")  # Kelompok I: the sekretaris
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        kel = data(demo).kelompok_dari_id(KEL_I)
        assert kel.sekretaris == "" and "sekretaris" not in kel.pemilihan
        assert kel.ketua  # the others stay
        assert "2/3" in layar_teks(app)


# --- verification ----------------------------------------------------------------------------------------


@pytest.fixture()
def demo_duplikat(demo: Path) -> Path:
    """The demo plus a likely duplicate of U001 (same kelurahan, nearly the same title)."""
    store = Store.buka(demo, pelaku=Pelaku("uji", "operator"), clock=lambda: JAM)
    with store.transaksi() as tx:
        usulan.tambah_usulan(tx, kelurahan="Alalak Selatan", prioritas_kelurahan=5,
                             kegiatan="Pembangunan jalan titian ulin RT 30", lokasi="RT 30, Jl. Alalak Selatan",
                             bidang="Infrastruktur dan Kewilayahan", skpd="Dinas PUPR", volume=200, satuan="m")
    return demo


async def test_verifikasi_setiap_status(demo_duplikat):
    """s, t (reason required), a (new SKPD + reason, the original kept), u (merge, kelurahan kept), c, b, p."""
    demo = demo_duplikat
    app = buka(demo)
    d0 = data(demo)
    baris = [u.id for u in d0.usulan_kelompok(KEL_I)]
    dup = baris[-1]
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        text = layar_teks(app)
        assert f"≈{dup}" in text  # U001's row names its likely duplicate
        assert f"Mungkin duplikat dari: {dup}" in text  # the highlighted (first) usulan's detail
        assert "Rp630.000.000" in text and "Akses warga terputus saat air pasang" in text

        # sesuai, and the cursor moves on to the next usulan
        await pilot.press("s")
        await pilot.pause()
        assert data(demo).usulan[baris[0]].status == "sesuai"
        assert app.screen.query_one("#verif-tabel").kunci_terpilih() == baris[1]

        # ditolak: an empty reason keeps the dialog open
        await pilot.press("t")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Alasan wajib diisi." in layar_teks(app)
        assert data(demo).usulan[baris[1]].status == "baru"
        await ketik(pilot, "Sudah dianggarkan tahun 2027")
        await pilot.press("enter")
        await pilot.pause()
        u = data(demo).usulan[baris[1]]
        assert (u.status, u.alasan) == ("ditolak", "Sudah dianggarkan tahun 2027")
        assert "Alasan: Sudah dianggarkan tahun 2027" in layar_teks(app)

        # dialihkan: a new SKPD typed in, the reason required, the original SKPD kept
        await pilot.press("j", "a")
        await pilot.pause()
        await pilot.press("tab")
        await ketik(pilot, "Disperkim")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Alasan wajib diisi." in layar_teks(app)  # and the reason field has the focus
        await ketik(pilot, "Salah kamar")
        await pilot.press("ctrl+s")
        await pilot.pause()
        u = data(demo).usulan[baris[2]]
        assert (u.status, u.skpd_akhir, u.skpd_awal, u.alasan) == ("dialihkan", "Disperkim", "Dinas PUPR",
                                                                     "Salah kamar")
        assert "SKPD: Disperkim (asal: Dinas PUPR)" in layar_teks(app)

        # digabung: the likely duplicate is offered first; its own kelurahan stays recorded
        await pilot.press("G")
        await pilot.pause()
        assert app.screen.query_one("#verif-tabel").kunci_terpilih() == dup
        await pilot.press("u")
        await pilot.pause()
        assert f"≈ {baris[0]}" in layar_teks(app)
        await pilot.press("enter")
        await pilot.pause()
        u = data(demo).usulan[dup]
        assert (u.status, u.digabung_ke, u.kelurahan) == ("digabung", baris[0], "Alalak Selatan")
        text = layar_teks(app)
        assert f"›{baris[0]}" in text and "kelurahan asal Alalak Selatan tetap tercatat" in rata(text)

        # cadangan, then back to baru
        await pilot.press("g", "j", "j", "j", "c")
        await pilot.pause()
        assert data(demo).usulan[baris[3]].status == "cadangan"
        await pilot.press("b")
        await pilot.pause()
        assert data(demo).usulan[baris[3]].status == "baru"

        # moved to another kelompok: the row leaves this list
        await pilot.press("p")
        await pilot.pause()
        await ketik(pilot, "ekonomi")
        await pilot.press("enter")
        await pilot.pause()
        d = data(demo)
        assert d.kelompok_usulan[baris[3]] == KEL_II
        assert baris[3] not in app.screen.query_one("#verif-tabel").rows
        assert "dipindah ke Kelompok II Ekonomi" in status(app)


async def test_menu_enter_pada_usulan(demo):
    """Enter on an usulan opens the menu of every verification action."""
    app = buka(demo)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "enter")
        await pilot.pause()
        text = layar_teks(app)
        for kata in ("Sesuai (s)", "Tolak", "Alihkan", "Gabungkan", "Cadangan", "Kembali ke baru", "Pindah"):
            assert kata in text
        await ketik(pilot, "cadangan")
        await pilot.press("enter")
        await pilot.pause()
        first = data(demo).usulan_kelompok(KEL_I)[0]
        assert first.status == "cadangan"


async def test_palet_perintah_menjalankan_tindakan_bagian(demo):
    """The command palette lists the actions of the part shown (its table's bindings) and runs them on the
    highlighted row."""
    app = buka(demo)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        judul = {p.judul for p in perintah_aktif(app.screen)}
        assert {"Tambah anggota", "Keluarkan anggota", "Pilih kelompok", "Bagian Verifikasi"} <= judul
        assert "Sesuai" not in judul
        await pilot.press("3")
        await pilot.pause()
        perintah = {p.judul: p for p in perintah_aktif(app.screen)}
        assert {"Sesuai", "Tolak", "Alihkan SKPD", "Pindah kelompok", "Pilih kelompok"} <= set(perintah)
        assert "Tambah anggota" not in perintah
        assert perintah["Pindah kelompok"].binding.id == "kelompok.verifikasi.pindah"
        await pilot.press("ctrl+p")
        await pilot.pause()
        await ketik(pilot, "Sesuai")
        await tunggu(pilot, lambda: pilihan_palet(app).startswith("Sesuai"), apa="palet menyorot 'Sesuai'")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.bagian == "verifikasi"
        assert data(demo).usulan_kelompok(KEL_I)[0].status == "sesuai"


async def test_bantuan_menyebut_tombol_bagian(demo):
    """F1 lists the keys of the part that has the focus (what the help prose once listed), and the screen's."""
    layar = {("o", "Pilih kelompok"), ("]", "Kelompok berikut"), ("[", "Kelompok sebelumnya"),
             ("1", "Bagian Anggota"), ("2", "Bagian Pemilihan"), ("3", "Bagian Verifikasi")}
    bagian = {
        "1": {("t", "Tambah anggota"), ("m", "Massal"), ("x, Del", "Keluarkan anggota")},
        "2": {("a", "Aklamasi"), ("s", "Hitung suara"), ("u", "Undian (suara seri)"), ("b", "Batalkan pemilihan"),
              ("r", "Serah terima ke ketua")},
        "3": {("s", "Sesuai"), ("t", "Tolak"), ("a", "Alihkan SKPD"), ("u", "Gabungkan (duplikat)"), ("c", "Cadangan"),
              ("b", "Kembali ke baru"), ("p", "Pindah kelompok")},
    }
    app = buka(demo)
    async with app.run_test(size=(80, 24)) as pilot:
        for tab, harap in bagian.items():
            await pilot.press(tab, "f1")
            await pilot.pause()
            (_, fokus), (_, di_layar), _ = app.screen.kelompok
            fokus, di_layar = [(k, d) for k, d, *_ in fokus], [(k, d) for k, d, *_ in di_layar]
            assert harap <= set(fokus)
            assert layar <= set(di_layar)
            assert "Bentuk kelompok per bidang" not in {d for _, d in di_layar}  # every bidang has its kelompok
            assert not any(f" {k} " in app.screen.uraian for k, _ in harap)  # the prose names no part key
            await pilot.press("escape")
            await pilot.pause()


# --- no kelompok defined yet ------------------------------------------------------------------------------


def sesi_tanpa_kelompok(path: Path, usulan_bidang: tuple[str, ...] = ("Infrastruktur", "Ekonomi")) -> Path:
    """A new session holding one usulan per bidang and no kelompok defined (none at all without bidang)."""
    store = persiapan.buat_sesi(str(path), kecamatan="Banjarmasin Utara", kota="Banjarmasin", tahun=2028,
                                tanggal="2027-02-09", tempat="Aula", pelaku=Pelaku("uji", "operator"),
                                clock=lambda: JAM)
    with store.transaksi() as tx:
        for i, bidang in enumerate(usulan_bidang, start=1):
            usulan.tambah_usulan(tx, kelurahan="Alalak Selatan", prioritas_kelurahan=i,
                                 kegiatan=f"Usulan bidang {bidang}", bidang=bidang, skpd="Dinas PUPR")
    return path


async def test_tanpa_kelompok_satu_tombol_per_bidang(tmp_path):
    """Without defined kelompok the screen says so and K defines one kelompok per bidang, after a question
    naming them (it makes several at once)."""
    path = sesi_tanpa_kelompok(tmp_path / "baru.json")
    app = buka(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = layar_teks(app)
        assert "Infrastruktur belum ditetapkan sebagai kelompok" in text
        assert "Tekan K untuk membentuk satu kelompok per bidang" in text
        await pilot.press("K")
        await pilot.pause()
        assert isinstance(app.screen, KonfirmasiDialog)
        assert "Bentuk 2 kelompok" in layar_teks(app) and all(k.virtual for k in data(path).kelompok)
        await pilot.press("y")
        await pilot.pause()
        kel = data(path).kelompok
        assert [(k.nama, k.virtual) for k in kel] == [("Infrastruktur", False), ("Ekonomi", False)]
        assert app.kelompok_aktif == kel[0].id
        text = layar_teks(app)
        assert "belum ditetapkan sebagai kelompok" not in text and "Fasilitator: (belum ditetapkan)" in text


async def test_tanpa_kelompok_dan_usulan(tmp_path):
    """An empty session: the screen explains what to do first and every key is harmless."""
    path = sesi_tanpa_kelompok(tmp_path / "kosong.json", ())
    app = buka(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Belum ada kelompok maupun usulan" in layar_teks(app)
        for key in ("t", "m", "2", "a", "s", "u", "r", "3", "s", "p", "o", "right_square_bracket", "K"):
            await pilot.press(key)
            await pilot.pause()
            if app.screen.__class__.__name__ != "KelompokScreen":
                await pilot.press("f10")
        assert app.screen.__class__.__name__ == "KelompokScreen"


# --- user text is data ------------------------------------------------------------------------------------


async def test_markup_dan_karakter_kendali_tampil_apa_adanya(demo):
    """Names, titles and kelompok names holding Rich markup or control characters show literally and
    nothing crashes, in every part and in the dialogs."""
    store = Store.buka(demo, pelaku=Pelaku("uji", "operator"), clock=lambda: JAM)
    d = store.data
    ketua = d.kelompok_dari_id(KEL_II)
    calon = [p for p in d.anggota(KEL_II) if p.hadir][0]
    u = d.usulan_kelompok(KEL_II)[0]
    with store.transaksi() as tx:  # as an externally edited file could hold them
        tx.put("peserta", calon.id, dict(tx.get("peserta", calon.id), nama="[bold]Siti[/] [link=x]y\x1b[31m"))
        tx.put("usulan", u.id, dict(tx.get("usulan", u.id), kegiatan="[red]Titian[/red]\x1b[2J\x07 [/]",
                                    masalah="[link=http://x]banjir[/link]", lokasi="RT [1]\x9b5m"))
        tx.put("kelompok", KEL_II, dict(tx.get("kelompok", KEL_II), nama="Kelompok [b]II[/b]",
                                        fasilitator="[i]Lina[/i]\x1b"))
    assert ketua is not None
    app = buka(demo)
    async with app.run_test(size=(80, 24)) as pilot:
        await kelompok_ii(pilot, "1")
        text = layar_teks(app)
        assert "Kelompok [b]II[/b]" in text and "[i]Lina[/i]^[" in text
        assert "[bold]Siti[/] [link=x]y^[" in text  # cut to the column, literally
        await pilot.press("2", "a")
        await pilot.pause()
        assert "[bold]Siti[/]" in layar_teks(app)
        await pilot.press("enter")
        await pilot.pause()
        assert data(demo).kelompok_dari_id(KEL_II).ketua == calon.id
        text = layar_teks(app)
        assert "Ketua: [bold]Siti[/] [link=x]y^[[31m" in text
        await pilot.press("3")
        await pilot.pause()
        text = layar_teks(app)
        assert "[red]Titian[/red]^[[2J^G [/]" in text
        assert "Masalah: [link=http://x]banjir[/link]" in text and "RT [1]M-^[5m" in text
        await pilot.press("enter")
        await pilot.pause()
        assert "[red]Titian[/red]" in layar_teks(app)
        await pilot.press("f10")
        for text in (layar_teks(app),):
            assert "\x1b" not in text and "\x9b" not in text


async def test_perubahan_dari_terminal_lain(demo):
    """A verification saved at another terminal shows after the poll; the cursor stays on its usulan."""
    app = buka(demo)
    baris = [u.id for u in data(demo).usulan_kelompok(KEL_I)]
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "j", "j")
        await pilot.pause()
        lain = Store.buka(demo, pelaku=Pelaku("fasil2", "fasilitator"))
        with lain.transaksi() as tx:
            verifikasi.verifikasi(tx, baris[2], "ditolak", alasan="Sudah ada di APBD")
        await app.baca_perubahan()
        await pilot.pause()
        assert app.screen.query_one("#verif-tabel").kunci_terpilih() == baris[2]
        text = layar_teks(app)
        assert "Alasan: Sudah ada di APBD" in text and "ditolak 1" in text
