"""The Persiapan screen, driven by keyboard: session data, agenda and team, criteria, kelompok, usulan, CSV import.

Each test opens the real app at 80x24 on the demo session (or a fresh one), presses keys as a user would,
and checks what was saved in the store and what the screen shows.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from layar import Rekaman, layar_teks, tunggu
from musrenbang_tui.app import MusrenbangApp
from screens.persiapan import PersiapanScreen
from screens.widgets import FormDialog, KonfirmasiDialog, StatusBar
from sesi import kriteria, persiapan, usulan
from sesi.store import Store
from sesi.transaksi import Pelaku

JAM = datetime(2027, 2, 9, 10, 0, 0)


def buka_demo(path: Path) -> Store:
    """The demo session at `path` (the `demo` fixture's copy), as operator "uji" on a fixed clock."""
    return Store.buka(path, pelaku=Pelaku("uji", "operator"), clock=lambda: JAM)


def demo_app(path: Path) -> tuple[Store, MusrenbangApp]:
    """The demo session, and the app opened on it at the Persiapan screen."""
    store = buka_demo(path)
    return store, MusrenbangApp(store, layar="persiapan")


def buka_baru(tmp_path: Path) -> Store:
    """A fresh session: ten kelurahan, the five default criteria, no usulan, no score."""
    return persiapan.buat_sesi(str(tmp_path / "baru.json"), kecamatan="Banjarmasin Utara", kota="Banjarmasin",
                               tahun=2028, tanggal="2027-02-09", tempat="Aula Kantor Camat",
                               pelaku=Pelaku("uji", "operator"), clock=lambda: JAM)



def status(app: MusrenbangApp) -> str:
    """The whole message of the status line (the terminal may show it shortened)."""
    return app.screen.query_one(StatusBar).pesan.plain



def isi_berkas(store: Store) -> bytes:
    return Path(store.path).read_bytes()


async def ketik(pilot, teks: str) -> None:
    await pilot.press(*list(teks))


async def ganti_isian(pilot, app: MusrenbangApp, tab: int, kolom: str, teks: str) -> None:
    """In the open form: `tab` presses of Tab must reach field `kolom`; its text is replaced by `teks`."""
    for _ in range(tab):
        await pilot.press("tab")
    assert app.screen.focused.id == f"f-{kolom}"
    await pilot.press("ctrl+u")
    await ketik(pilot, teks)


def dialog(app: MusrenbangApp) -> FormDialog:
    assert isinstance(app.screen, FormDialog), f"tidak ada formulir terbuka, layar: {app.screen}"
    return app.screen


def nilai(app: MusrenbangApp, key: str) -> str:
    return app.screen.query_one(f"#f-{key}").value


# --- 1. Sesi ---------------------------------------------------------------------------------------


async def test_ubah_tanggal_sesi_tersimpan_dan_tampil(demo):
    store, app = demo_app(demo)
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, PersiapanScreen)
        await pilot.press("down", "down", "down", "down", "enter")  # the "Tanggal musrenbang" row
        dialog(app)
        assert app.screen.focused.id == "f-tanggal", "formulir dibuka pada baris yang disorot"
        await pilot.press("ctrl+u")
        await ketik(pilot, "2027-02-10")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PersiapanScreen), "formulir tertutup setelah tersimpan"
        assert store.muat().info.tanggal == "2027-02-10"
        teks = layar_teks(app)
        assert "2027-02-10 (Rabu, 10 Februari 2027)" in teks
        assert "Tersimpan" in teks
        assert store.muat().riwayat_terakhir(1)[0]["aksi"] == "ubah data sesi"


async def test_peran_akun_diatur_pemilik_dari_layar_persiapan(demo):
    """The owner of the session file binds roles to unix accounts from the Sesi part (A): the list is saved
    in the session (what `musrenbang peran` shows) and the table shows it; an unknown role is refused with
    the form kept open and nothing changed."""
    from sesi import akun

    store, app = demo_app(demo)
    pemilik = akun.akun_sekarang()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a")
        dialog(app)
        await ketik(pilot, f"budi=fasilitator; {pemilik}=pimpinan")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PersiapanScreen), status(app)
        assert akun.daftar_peran(store.muat().raw.get("sesi")) == {"budi": "fasilitator", pemilik: "pimpinan"}
        assert "Peran akun tersimpan: 2 akun" in status(app)
        sebelum = isi_berkas(store)
        await pilot.press("a")
        await pilot.press("ctrl+u")
        await ketik(pilot, "budi=raja")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog), "formulir tetap terbuka setelah ditolak"
        assert isi_berkas(store) == sebelum


async def test_notulen_tidak_membuka_formulir_yang_tidak_boleh_disimpannya(demo):
    """A notulen may not bind account roles nor change the session data: A and Ctrl+E (and Enter) are refused
    at once with the reason, no form opens (nothing typed is lost) and nothing is written."""
    store = Store.buka(demo, pelaku=Pelaku("uji", "notulen"), clock=lambda: JAM)
    app = MusrenbangApp(store, layar="persiapan")
    sebelum = isi_berkas(store)
    async with app.run_test(size=(80, 24)) as pilot:
        for tombol in ("a", "ctrl+e", "enter"):
            await pilot.press(tombol)
            await pilot.pause()
            assert isinstance(app.screen, PersiapanScreen), tombol
            assert "Peran Notulen tidak berwenang untuk ini (hanya: Operator" in status(app), tombol
    assert isi_berkas(store) == sebelum


async def test_tanggal_tidak_sah_ditolak_dan_isian_tetap(demo):
    store, app = demo_app(demo)
    sebelum = isi_berkas(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+e")  # from the first row: the form starts on Kecamatan
        dialog(app)
        await pilot.press("ctrl+u")
        await ketik(pilot, "Kecamatan Uji")
        await ganti_isian(pilot, app, 4, "tanggal", "31/02/2027")
        await pilot.press("ctrl+s")
        await pilot.pause()
        dialog(app)  # still open
        assert "hari/bulan/tahun" in str(app.screen.query_one("#galat").render())
        assert nilai(app, "tanggal") == "31/02/2027", "isian pengguna tetap"
        assert nilai(app, "kecamatan") == "Kecamatan Uji"
        assert isi_berkas(store) == sebelum, "tidak ada yang tersimpan"
        # corrected in place, the same form saves both fields
        await pilot.press("ctrl+u")
        await ketik(pilot, "2027-02-10")
        await pilot.press("ctrl+s")
        await pilot.pause()
        info = store.muat().info
        assert (info.kecamatan, info.tanggal) == ("Kecamatan Uji", "2027-02-10")


async def test_pengumuman_kurang_dari_tujuh_hari_diperingatkan_di_sampingnya(demo):
    store, app = demo_app(demo)
    async with app.run_test(size=(80, 24)) as pilot:
        assert "Pengumuman hanya" not in layar_teks(app)
        for _ in range(8):
            await pilot.press("down")
        await pilot.press("enter")
        assert app.screen.focused.id == "f-tanggal_pengumuman"
        await pilot.press("ctrl+u")
        await ketik(pilot, "2027-02-05")
        await pilot.press("enter")  # Enter moves on through the form; Ctrl+S saves from anywhere
        await pilot.press("ctrl+s")
        await pilot.pause()
        teks = layar_teks(app)
        assert "2027-02-05 (4 hari sebelum musrenbang)" in teks
        assert "Pengumuman hanya 4 hari sebelum musrenbang (minimal 7 hari)." in teks
        assert store.muat().info.tanggal_pengumuman == "2027-02-05"


# --- 2. Jadwal, tim, sambutan ----------------------------------------------------------------------


async def test_narasumber_dengan_materi_tambah_ubah_hapus(demo):
    store, app = demo_app(demo)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "ctrl+o")
        await ketik(pilot, "narasumber")
        await pilot.press("enter")
        dialog(app)
        await ketik(pilot, "Dr. Nadia Putri")
        await pilot.press("tab", "tab")  # past the peran (already Narasumber)
        await ketik(pilot, "Dinas PUPR")
        await pilot.press("tab")
        await ketik(pilot, "Program pengendalian banjir 2028")
        await pilot.press("ctrl+s")
        await pilot.pause()
        tim = {t.nama: t for t in store.muat().daftar("tim")}
        baru = tim["Dr. Nadia Putri"]
        assert (baru.peran, baru.jabatan, baru.materi) == ("narasumber", "Dinas PUPR",
                                                             "Program pengendalian banjir 2028")
        assert "Narasumber: Dr. Nadia Putri · Dinas PUPR · materi: Program pengendalian" in layar_teks(app), \
            "baris baru disorot, rinciannya tampil"

        await pilot.press("ctrl+e")
        await pilot.press("tab", "tab", "tab", "ctrl+u")
        await ketik(pilot, "Evaluasi RKPD 2026")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert store.muat().records("tim")[baru.id].materi == "Evaluasi RKPD 2026"

        await pilot.press("delete")
        assert isinstance(app.screen, KonfirmasiDialog)
        await pilot.press("y")
        await pilot.pause()
        assert baru.id not in store.muat().records("tim")


async def test_jadwal_dan_sambutan_ditambah_dari_pilihan_daftar(demo):
    store, app = demo_app(demo)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "ctrl+o")
        await ketik(pilot, "jadwal")
        await pilot.press("enter")
        await ketik(pilot, "15.00-15.15")
        await pilot.press("enter")
        await ketik(pilot, "Penutupan")
        await pilot.press("ctrl+s")
        await pilot.press("ctrl+o")
        await ketik(pilot, "sambutan")
        await pilot.press("enter")
        await ketik(pilot, "Ketua LPM")
        await pilot.press("ctrl+s")
        await pilot.pause()
        data = store.muat()
        assert [(j.waktu, j.acara) for j in data.daftar("jadwal")][-1] == ("15.00-15.15", "Penutupan")
        assert data.daftar("sambutan")[-1].nama == "Ketua LPM"
        # a required field left empty keeps the form open
        await pilot.press("ctrl+o")
        await ketik(pilot, "jadwal")
        await pilot.press("enter")
        await pilot.press("ctrl+s")
        dialog(app)
        assert "Waktu wajib diisi" in str(app.screen.query_one("#galat").render())


# --- 3. Kriteria -----------------------------------------------------------------------------------


async def test_kriteria_tambah_ubah_hapus_dan_jumlah_bobot(demo):
    store, app = demo_app(demo)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        assert "Jumlah bobot: 5 · 5 kriteria" in layar_teks(app)
        await pilot.press("ctrl+o")
        dialog(app)
        assert nilai(app, "kode") == "K6"
        await ketik(pilot, "Keberlanjutan manfaat")
        await pilot.press("tab", "ctrl+u")
        await ketik(pilot, "0,5")
        await pilot.press("tab", "tab", "ctrl+u")
        await ketik(pilot, "3")  # scale 1-3: the label fields follow
        await pilot.pause()
        assert [k.key for k in app.screen.kolom if k.key.startswith("label_")] == ["label_1", "label_2",
                                                                                  "label_3"]
        await pilot.press("tab", "tab", "ctrl+u")  # past the step field (1 or 0,5)
        await ketik(pilot, "kurang")
        await pilot.press("tab", "ctrl+u")
        await ketik(pilot, "cukup")
        await pilot.press("tab", "ctrl+u")
        await ketik(pilot, "baik")
        await pilot.press("ctrl+s")
        await pilot.pause()
        k6 = store.muat().kriteria_dari_kode("K6")
        assert (k6.nama, k6.bobot, k6.skala_min, k6.skala_maks) == ("Keberlanjutan manfaat", "0.5", 1, 3)
        assert k6.label == {"1": "kurang", "2": "cukup", "3": "baik"}
        teks = layar_teks(app)
        assert "Jumlah bobot: 5,5 · 6 kriteria" in teks
        assert "1=kurang, 2=cukup, 3=baik" in teks, "kriteria baru disorot dan labelnya tampil"

        await pilot.press("enter")
        assert app.screen.query_one("#f-kode").disabled, "kode tidak diubah pada kriteria yang ada"
        await pilot.press("tab", "ctrl+u")
        await ketik(pilot, "2")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert store.muat().kriteria_dari_kode("K6").bobot == "2"
        assert "Jumlah bobot: 7 · 6 kriteria" in layar_teks(app)

        await pilot.press("delete", "y")
        await pilot.pause()
        assert store.muat().kriteria_dari_kode("K6") is None
        assert "Jumlah bobot: 5 · 5 kriteria" in layar_teks(app)


async def test_kode_kriteria_yang_sudah_ada_tidak_menimpa(demo):
    store, app = demo_app(demo)
    sebelum = isi_berkas(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "ctrl+o", "shift+tab", "ctrl+u")
        await ketik(pilot, "K1")
        await pilot.press("tab")
        await ketik(pilot, "Nama lain")
        await pilot.press("ctrl+s")
        dialog(app)
        assert "sudah dipakai" in str(app.screen.query_one("#galat").render())
        assert isi_berkas(store) == sebelum


async def test_skala_tidak_dapat_menyusut_di_bawah_nilai_yang_sudah_diberikan(demo):
    store = buka_demo(demo)
    data = store.muat()
    tertinggi = max(s["nilai"] for s in data.raw["skor"].values() if s["kriteria"] == "K1")
    sebelum = isi_berkas(store)
    app = MusrenbangApp(store, layar="persiapan")
    rekaman = Rekaman()
    async with app.run_test(size=(80, 24), message_hook=rekaman) as pilot:
        await pilot.press("3", "enter")  # K1
        await pilot.press("tab", "tab", "tab", "ctrl+u")
        assert app.screen.focused.id == "f-skala_maks"
        await ketik(pilot, str(tertinggi - 1))
        await pilot.press("ctrl+s")
        await pilot.pause()
        dialog(app)
        pesan = str(app.screen.query_one("#galat").render())
        assert f"tidak memuat nilai {tertinggi}" in pesan
        assert nilai(app, "skala_maks") == str(tertinggi - 1)
        assert isi_berkas(store) == sebelum
        await pilot.press("f10", "b")  # the changed form asks; B throws the change away
        await pilot.press("delete", "y")  # a criterion already used to score cannot be deleted
        await pilot.pause()
        assert store.muat().kriteria_dari_kode("K1") is not None
        assert "Kriteria K1 sudah dipakai menilai; hapus nilainya dahulu." in rekaman.ditolak()
        assert "sudah dipakai menilai" in status(app)


async def test_kriteria_baku_ditolak_selama_ada_skor(demo):
    store, app = demo_app(demo)
    sebelum = isi_berkas(store)
    rekaman = Rekaman()
    async with app.run_test(size=(80, 24), message_hook=rekaman) as pilot:
        await pilot.press("b")  # from the Sesi part: the key opens the Kriteria part and asks
        assert isinstance(app.screen, KonfirmasiDialog)
        await pilot.press("y")
        await pilot.pause()
        assert app.screen.query_one("#bagian").active == "kriteria"
        assert rekaman.ditolak() == ["Kriteria hanya dapat diganti seluruhnya selama belum ada nilai skor."]
        assert "Kriteria hanya dapat diganti" in layar_teks(app)
        assert isi_berkas(store) == sebelum


async def test_kriteria_baku_terpasang_sebelum_penilaian(tmp_path):
    store = buka_baru(tmp_path)
    with store.transaksi() as tx:
        kriteria.ganti_semua_kriteria(tx, [kriteria.kriteria_record("X", "Satu-satunya")])
    app = MusrenbangApp(store, layar="persiapan")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        assert "Jumlah bobot: 1 · 1 kriteria" in layar_teks(app)
        await pilot.press("b", "y")
        await pilot.pause()
        assert [k.kode for k in store.muat().kriteria] == ["K1", "K2", "K3", "K4", "K5"]
        assert "Jumlah bobot: 5 · 5 kriteria" in layar_teks(app)


# --- 4. Kelompok -----------------------------------------------------------------------------------


def _usulan_pemerintahan(store: Store) -> None:
    with store.transaksi() as tx:
        for i, kel in enumerate(("Pangeran", "Kuin Utara")):
            usulan.tambah_usulan(tx, kelurahan=kel, prioritas_kelurahan=9, kegiatan=f"Pelatihan aparatur {i}",
                                 skpd="Diskominfotik", bidang="Pemerintahan")


async def test_kelompok_baru_dengan_bidang_dan_fasilitator_dari_tim(demo):
    store = buka_demo(demo)
    _usulan_pemerintahan(store)
    app = MusrenbangApp(store, layar="persiapan")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4")
        assert "Pemerintahan (otomatis)" in layar_teks(app), "bidang tanpa kelompok tampil sebagai kelompok otomatis"
        await pilot.press("ctrl+o")
        await ketik(pilot, "Kelompok IV Pemerintahan")
        await pilot.press("enter")  # to the bidang list
        assert app.screen.focused.id == "f-bidang"
        await pilot.press("end", "space")  # Pemerintahan: the last bidang
        await pilot.press("tab", "down", "down")  # fasilitator: the second of the tim fasilitator
        assert nilai(app, "fasilitator") == "Lina Marlina, S.E."
        await pilot.press("ctrl+s")
        await pilot.pause()
        baru = [k for k in store.muat().daftar("kelompok") if k.nama == "Kelompok IV Pemerintahan"]
        assert len(baru) == 1
        assert (baru[0].bidang, baru[0].fasilitator) == (["Pemerintahan"], "Lina Marlina, S.E.")
        teks = layar_teks(app)
        assert "(otomatis)" not in teks
        assert "Kelompok IV Pemerintahan" in teks


async def test_bidang_milik_kelompok_lain_ditolak_dengan_pesan(demo):
    store, app = demo_app(demo)
    sebelum = isi_berkas(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4", "ctrl+o")
        await ketik(pilot, "Kelompok Ganda")
        await pilot.press("enter", "space", "ctrl+s")  # the first bidang belongs to Kelompok I
        await pilot.pause()
        assert "sudah menjadi bagian Kelompok I Infrastruktur" in str(
            app.screen.query_one("#galat").render())
        assert app.screen.query_one("#f-nama").value == "Kelompok Ganda"
        assert isi_berkas(store) == sebelum


async def test_satu_kelompok_per_bidang(demo):
    store = buka_demo(demo)
    _usulan_pemerintahan(store)
    app = MusrenbangApp(store, layar="persiapan")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p")  # asks first, naming the kelompok it would form
        await pilot.pause()
        assert "Bentuk 1 kelompok" in str(app.screen.query_one(".judul").render())
        await pilot.press("y")
        await pilot.pause()
        kelompok = store.muat().daftar("kelompok")
        assert [k.bidang for k in kelompok][-1] == ["Pemerintahan"]
        assert status(app).startswith("1 kelompok dibentuk: Pemerintahan")
        await pilot.press("p")
        assert status(app).startswith("Setiap bidang sudah mempunyai kelompok")


# --- 5. Kelurahan dan usulan -----------------------------------------------------------------------


async def test_tambah_usulan_lewat_formulir_pada_kelurahan_terpilih(demo):
    store, app = demo_app(demo)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5", "shift+tab")
        assert app.screen.focused.id == "kel-tabel"
        for _ in range(6):
            await pilot.press("down")  # (semua), Alalak Selatan, ... Pangeran
        assert "Usulan Kelurahan Pangeran: 4" in layar_teks(app)
        await pilot.press("enter")  # to the usulan list of Pangeran
        assert app.screen.focused.id == "usulan-tabel"
        await pilot.press("ctrl+o")
        dialog(app)
        assert (nilai(app, "prioritas_kelurahan"), app.screen.focused.id) == ("5", "f-kegiatan")
        await ketik(pilot, "Pembangunan [bold]titian[/] RT 07")
        await pilot.press("tab")
        await ketik(pilot, "Jalan putus saat pasang")
        await pilot.press("tab")
        await ketik(pilot, "RT 07")
        await pilot.press("tab")
        await ketik(pilot, "150")
        await pilot.press("tab")
        await ketik(pilot, "m")
        await pilot.press("tab")
        await ketik(pilot, "225.000.000")
        await pilot.press("tab")
        await ketik(pilot, "1.500.000")  # harga satuan (issue 11 item 4)
        await pilot.press("tab")
        assert app.screen.focused.id == "f-sumber_dana"
        await pilot.press("enter", "down", "enter")  # the list opens on "(pilih)"; the first source below it
        await pilot.pause()
        assert nilai(app, "sumber_dana") == "apbd_daerah"
        await pilot.press("tab", "tab")  # past jenis
        await ketik(pilot, "Infrastruktur dan Kewilayahan")
        await pilot.press("tab")
        await ketik(pilot, "Dinas PUPR")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PersiapanScreen)
        baru = [u for u in store.muat().usulan.values() if u.kelurahan == "Pangeran" and u.prioritas_kelurahan == 5]
        assert len(baru) == 1
        u = baru[0]
        assert (u.kegiatan, u.masalah, u.lokasi, u.volume, u.satuan, u.perkiraan_biaya, u.bidang, u.skpd_awal,
                u.status) == ("Pembangunan [bold]titian[/] RT 07", "Jalan putus saat pasang", "RT 07", "150", "m",
                              "225000000", "Infrastruktur dan Kewilayahan", "Dinas PUPR", "baru")
        assert (u.harga_satuan, u.sumber_dana) == ("1500000", "apbd_daerah")
        teks = layar_teks(app)
        assert "Usulan Kelurahan Pangeran: 5" in teks
        assert "Pembangunan [bold]titian[/] RT 07" in teks, "judul tampil apa adanya, bukan markup"
        assert "Rp225.000.000" in teks


async def test_ubah_usulan_memperbarui_barisnya_dan_hapus_yang_dinilai_ditolak(demo):
    store, app = demo_app(demo)
    rekaman = Rekaman()
    async with app.run_test(size=(80, 24), message_hook=rekaman) as pilot:
        await pilot.press("5")
        tabel = app.screen.query_one("#usulan-tabel")
        assert tabel.kunci_terpilih() == "U001"
        baris = tabel.row_count
        await pilot.press("enter")
        assert (nilai(app, "sumber_dana"), nilai(app, "harga_satuan")) == ("apbd_daerah", "1.500.000"), "demo"
        await ganti_isian(pilot, app, 7, "perkiraan_biaya", "700.000.000")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert store.muat().usulan["U001"].perkiraan_biaya == "700000000"
        assert (tabel.row_count, tabel.kunci_terpilih()) == (baris, "U001")
        assert "Rp700.000.000" in layar_teks(app)
        assert tabel.get_cell("U001", "biaya").plain == "700"

        await pilot.press("delete", "y")  # U001 has scores
        await pilot.pause()
        assert "U001" in store.muat().usulan
        assert rekaman.ditolak() == ["Usulan U001 sudah dinilai; hapus nilainya dahulu."]


async def test_prioritas_kelurahan_ganda_ditolak_dan_formulir_tetap(demo):
    store, app = demo_app(demo)
    sebelum = isi_berkas(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5", "ctrl+o")
        await pilot.press("shift+tab", "ctrl+u")
        await ketik(pilot, "1")
        await pilot.press("tab")
        await ketik(pilot, "Usulan ganda")
        for _ in range(9):  # to bidang, past harga satuan and sumber dana (issue 11 item 4)
            await pilot.press("tab")
        await ketik(pilot, "Ekonomi")
        await pilot.press("tab")
        await ketik(pilot, "Disperdagin")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Prioritas 1 Kelurahan Alalak Selatan sudah dipakai" in str(app.screen.query_one("#galat").render())
        assert nilai(app, "kegiatan") == "Usulan ganda"
        assert isi_berkas(store) == sebelum


async def test_kelurahan_tambah_dan_hapus(demo):
    store, app = demo_app(demo)
    rekaman = Rekaman()
    async with app.run_test(size=(80, 24), message_hook=rekaman) as pilot:
        await pilot.press("5", "shift+tab", "ctrl+o")
        await ketik(pilot, "Kelurahan Baru")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Kelurahan Baru" in [k.nama for k in store.muat().kelurahan]
        assert "Kelurahan Baru" in layar_teks(app)
        await pilot.press("G", "delete", "y")
        await pilot.pause()
        assert "Kelurahan Baru" not in [k.nama for k in store.muat().kelurahan]
        await pilot.press("g", "down", "delete", "y")  # Alalak Selatan still has usulan
        await pilot.pause()
        assert "Alalak Selatan" in [k.nama for k in store.muat().kelurahan]
        assert rekaman.ditolak() == ["Kelurahan Alalak Selatan masih mempunyai usulan; tidak dapat dihapus."]


# --- 6. Impor CSV ----------------------------------------------------------------------------------

CSV_BAIK = """kelurahan;prioritas_kelurahan;kegiatan;skpd;bidang;perkiraan_biaya
Pangeran;7;Pembangunan dermaga kelotok;Dishub;Infrastruktur dan Kewilayahan;400.000.000
Kuin Utara;7;Pelatihan servis motor;Disperdagin;Ekonomi;60.000.000
"""

CSV_BURUK = """kelurahan,prioritas_kelurahan,kegiatan,skpd,bidang,perkiraan_biaya
Pangeran,1,Usulan dengan prioritas terpakai,Dinas PUPR,Infrastruktur dan Kewilayahan,1000
Kampung Entah,8,Kelurahan tidak dikenal,Dinas PUPR,Infrastruktur dan Kewilayahan,1000
Kuin Utara,x,Prioritas bukan angka,Dinas PUPR,Ekonomi,dua juta
"""


async def _impor(app, pilot, jenis_turun: int, path: Path) -> None:
    await pilot.press("6")
    assert app.screen.focused.id == "impor-path"
    if jenis_turun:
        await pilot.press("shift+tab", "enter", *["down"] * jenis_turun, "enter", "tab")
        assert app.screen.focused.id == "impor-path"
    await ketik(pilot, str(path))
    await pilot.press("ctrl+s")  # straight to the import, without the preview (tests/test_layar_impor.py)
    await app.workers.wait_for_complete()
    await pilot.pause()


def laporan(app: MusrenbangApp) -> str:
    """The import report as shown: its first line and every problem line."""
    lap = app.screen.query_one("BagianImpor").laporan
    assert lap is not None, "belum ada laporan impor"
    return "\n".join([lap.judul, *lap.masalah])


async def test_impor_csv_usulan_dari_dalam_aplikasi(demo, tmp_path):
    store = buka_demo(demo)
    berkas = tmp_path / "usulan baru.csv"
    berkas.write_text(CSV_BAIK, encoding="utf-8")
    app = MusrenbangApp(store, layar="persiapan")
    async with app.run_test(size=(80, 24)) as pilot:
        await _impor(app, pilot, 0, berkas)
        data = store.muat()
        baru = [u for u in data.usulan.values() if u.prioritas_kelurahan == 7]
        assert sorted(u.kegiatan for u in baru) == ["Pelatihan servis motor", "Pembangunan dermaga kelotok"]
        assert app.data.revisi == data.revisi, "aplikasi memakai data yang baru"
        assert "2 usulan diimpor dari usulan baru.csv" in laporan(app)
        assert "2 usulan diimpor dari usulan baru.csv" in layar_teks(app)
        assert app.screen.focused.id == "impor-laporan", "the report has the focus (not a text field)"
        await pilot.press("5")
        assert "Usulan semua kelurahan: 42" in layar_teks(app)


async def test_impor_csv_buruk_melaporkan_setiap_masalah_dan_tidak_mengubah(demo, tmp_path):
    store = buka_demo(demo)
    sebelum = isi_berkas(store)
    berkas = tmp_path / "usulan.csv"
    berkas.write_text(CSV_BURUK, encoding="utf-8")
    app = MusrenbangApp(store, layar="persiapan")
    async with app.run_test(size=(80, 30)) as pilot:
        await _impor(app, pilot, 0, berkas)
        assert isi_berkas(store) == sebelum
        isi = laporan(app)
        assert "Impor usulan dari usulan.csv ditolak" in isi
        for baris, kolom in ((2, "prioritas_kelurahan"), (3, "kelurahan"), (4, "prioritas_kelurahan"),
                             (4, "perkiraan_biaya")):
            assert f"usulan.csv baris {baris}, kolom {kolom}:" in isi
        assert "Kelurahan yang dikenal di sesi ini" in isi
        teks = layar_teks(app)
        assert "- usulan.csv baris 2, kolom prioritas_kelurahan: Prioritas 1 Kelurahan" in teks, "tampil di layar"
        assert app.screen.focused.id == "impor-laporan", "laporan dapat digulir dengan tombol"
        assert "Impor ditolak" in layar_teks(app)


async def test_impor_jenis_kriteria_dipilih_dan_ditolak_karena_ada_skor(demo):
    store, app = demo_app(demo)
    sebelum = isi_berkas(store)
    berkas = Path(__file__).parent / "data" / "kriteria.csv"
    async with app.run_test(size=(80, 24)) as pilot:
        await _impor(app, pilot, 2, berkas)  # usulan, peserta, kriteria
        assert app.screen.query_one("#impor-jenis").value == "kriteria"
        assert "nilai skor" in laporan(app)
        assert isi_berkas(store) == sebelum


async def test_impor_berkas_tidak_ada_dan_path_kosong(demo, tmp_path):
    store, app = demo_app(demo)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("6", "enter")
        assert "Ketik path berkas terlebih dahulu" in layar_teks(app)
        await _impor(app, pilot, 0, tmp_path / "tidak-ada.csv")
        assert "tidak ditemukan" in laporan(app)


async def test_telusuri_folder_mengisi_path(demo, tmp_path, monkeypatch):
    store = buka_demo(demo)
    folder = tmp_path / "csv"
    folder.mkdir()
    (folder / "usulan.csv").write_text(CSV_BAIK, encoding="utf-8")
    (folder / "catatan.pdf").write_bytes(b"%PDF")
    (folder / "usulan.xlsx").write_bytes(b"PK")
    monkeypatch.chdir(folder)
    app = MusrenbangApp(store, layar="persiapan")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+l")
        pohon = app.screen.query_one("#impor-pohon")
        assert app.screen.focused is pohon
        await tunggu(pilot, lambda: pohon.root.children, apa="pohon memuat folder (di worker-nya sendiri)")
        assert [str(n.label) for n in pohon.root.children] == ["usulan.csv", "usulan.xlsx"], \
            "hanya folder dan berkas yang dapat diimpor"
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.screen.query_one("#impor-path").value == "usulan.csv"
        assert app.screen.focused.id == "impor-path"


# --- user text is data ----------------------------------------------------------------------------

MARKUP = "[bold]B[/] [link=x]t[/link] [/]"


async def test_markup_dan_karakter_kendali_tampil_apa_adanya_di_setiap_bagian(demo):
    store = buka_demo(demo)
    with store.transaksi() as tx:  # written behind the actions' back, as a hand-edited file could be
        info = dict(tx.get("sesi", "info"))
        tx.put("sesi", "info", dict(info, tempat=f"Aula {MARKUP}\x1b[31m merah"))
        tx.put("tim", "T900", {"id": "T900", "nama": f"Narasumber {MARKUP}", "peran": "narasumber",
                               "jabatan": "Dinas\x07\x1b[2J", "materi": "[red]materi[/red]", "urutan": 99})
        k1 = dict(tx.get("kriteria", "K1"))
        tx.put("kriteria", "K1", dict(k1, nama=f"Kriteria {MARKUP}"))
        kel = dict(tx.get("kelompok", "KEL02"))
        tx.put("kelompok", "KEL02", dict(kel, nama=f"Kelompok {MARKUP}", fasilitator="[i]Lina[/i]"))
        u = dict(tx.get("usulan", "U001"))
        tx.put("usulan", "U001", dict(u, kegiatan=f"Titian {MARKUP}\x1b]8;;x\x07", bidang="[b]Infra[/b]"))
    app = MusrenbangApp(store, layar="persiapan")
    async with app.run_test(size=(120, 30)) as pilot:
        teks = layar_teks(app)
        assert f"Aula {MARKUP}^[[31m merah" in teks
        await pilot.press("2", "G", *["up"] * 5)  # the last narasumber (3 fasilitator, 2 sambutan follow)
        assert app.screen.query_one("#acara-tabel").kunci_terpilih() == "tim:T900"
        teks = layar_teks(app)
        assert f"Narasumber {MARKUP}" in teks and "[red]materi[/red]" in teks and "Dinas^G^[[2J" in teks
        await pilot.press("3")
        assert f"Kriteria {MARKUP}" in layar_teks(app)
        await pilot.press("4", "down")
        teks = layar_teks(app)
        assert f"Kelompok {MARKUP}" in teks and "[i]Lina[/i]" in teks
        await pilot.press("enter")  # the edit form shows the name as typed, too
        assert nilai(app, "nama") == f"Kelompok {MARKUP}"
        await pilot.press("f10", "5")
        teks = layar_teks(app)
        assert f"Titian {MARKUP}^[]8;;x^G" in teks and "[b]Infra[/b]" in teks
        assert "\x1b" not in teks and "\x07" not in teks


async def test_perubahan_dari_terminal_lain_tampil_tanpa_memindah_kursor(demo):
    store, app = demo_app(demo)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5", "down", "down", "down")
        tabel = app.screen.query_one("#usulan-tabel")
        assert tabel.kunci_terpilih() == "U004"
        lain = Store(store.path, pelaku=Pelaku("operator lain", "operator"), clock=lambda: JAM)
        with lain.transaksi() as tx:
            usulan.ubah_usulan(tx, "U002", kegiatan="Posyandu (diubah)")
        await app.baca_perubahan()
        await pilot.pause()
        assert "Posyandu (diubah)" in layar_teks(app)
        assert tabel.kunci_terpilih() == "U004"


# --- keys -------------------------------------------------------------------------------------------


async def test_bantuan_setiap_bagian_dari_tombol(demo):
    """F1 on each part lists the keys that work there (the generic ones only where they apply); the help
    prose names none of the screen's keys."""
    semua = {("b", "Pasang kriteria baku"), ("p", "Satu kelompok per bidang"),
             ("Ctrl+L", "Telusuri folder untuk impor"), ("1", "Bagian Sesi"), ("6", "Bagian Impor")}
    umum = {("Ctrl+O", "Tambah"), ("Ctrl+E", "Ubah"), ("Del", "Hapus")}
    harap = {"1": {("Ctrl+E", "Ubah")}, "2": umum, "3": umum, "4": umum, "5": umum, "6": {("Ctrl+O", "Pratinjau")}}
    _, app = demo_app(demo)
    async with app.run_test(size=(80, 24)) as pilot:
        for tab, di_sini in harap.items():
            await pilot.press(tab)
            await pilot.pause()
            app.screen.set_focus(None)  # digits typed in a part's input would not reach the screen
            await pilot.press("f1")
            await pilot.pause()
            (_, _), (_, layar_ini), _ = app.screen.kelompok
            layar_ini = [(k, d) for k, d, *_ in layar_ini]
            aksi = {d for _, d in layar_ini}
            assert semua | di_sini <= set(layar_ini)
            assert not ({"Tambah", "Ubah", "Hapus", "Pratinjau"} - {d for _, d in di_sini}) & aksi
            uraian = app.screen.uraian
            assert not any(k in uraian for k in ("Ctrl+O", "Ctrl+E", "Del ", " B ", " P ", "1 Sesi"))
            await pilot.press("escape")
            await pilot.pause()


async def test_set_kriteria_fisik_dan_cara_penilaian(tmp_path):
    """s chooses the set edited (here a new one for usulan fisik, 0-100 with step 0,5): its criterion is
    saved in that set and the line names the set; c sets the scoring rule and the penilai before any score."""
    from sesi.set_kriteria import semua_set

    store = buka_baru(tmp_path)
    app = MusrenbangApp(store, layar="persiapan")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "s")
        await pilot.pause()
        await pilot.press("down", "enter")  # the default set, then a new set for usulan fisik

        await pilot.pause()
        assert "Set: usulan fisik" in layar_teks(app) and "Belum ada kriteria" in layar_teks(app)
        await pilot.press("ctrl+o")
        dialog(app)
        await ketik(pilot, "Kondisi kerusakan")
        await pilot.press("tab", "ctrl+u")
        await ketik(pilot, "0,3")
        await pilot.press("tab", "ctrl+u", "0", "tab", "ctrl+u")
        await ketik(pilot, "100")
        await pilot.pause()
        assert not [k for k in app.screen.kolom if k.key.startswith("label_")], "0-100: tanpa label"
        await pilot.press("tab", "ctrl+u")
        await ketik(pilot, "0,5")
        await pilot.press("ctrl+s")
        await pilot.pause()
        (k,) = semua_set(store.muat())[("", "fisik")].kriteria
        assert (k.kode, k.bobot, k.skala_min, k.skala_maks, k.langkah) == ("K1", "0.3", 0, 100, "0.5")
        assert len(semua_set(store.muat())[("", "")].kriteria) == 5, "set bawaan tidak berubah"
        assert "Set: usulan fisik" in layar_teks(app) and "1 kriteria" in layar_teks(app)

        await pilot.press("c")
        await pilot.pause()
        dialog(app)
        app.screen.query_one("#f-gabung").value = "jumlah"
        app.screen.query_one("#f-total_100").value = "ya"
        app.screen.query_one("#f-penilai").value = "Ana, Budi, Cici"
        await pilot.press("ctrl+s")
        await pilot.pause()
        info = store.muat().info
        assert (info.gabung_penilai, info.total_100, info.penilai) == ("jumlah", True, {"": ["Ana", "Budi", "Cici"]})
        assert "Cara penilaian: nilai penilai dijumlahkan, total 0-100, 3 penilai (c ubah)" in layar_teks(app)

        await pilot.press("x", "y")  # delete the fisik set: back to the default set
        await pilot.pause()
        assert ("", "fisik") not in semua_set(store.muat()) and "Jumlah bobot: 5 · 5 kriteria" in layar_teks(app)
        assert "Set:" not in layar_teks(app)


async def test_bidang_dilengkapi_dan_bidang_baru_ditanyakan(demo):
    """Bidang "inf" then Right becomes the existing "Infrastruktur dan Kewilayahan" at once (even before the
    suggester answers); a bidang no usulan or kelompok has ("Inf") is saved only after a question, and N
    leaves the form open with nothing saved; an existing SKPD typed in another case takes its spelling."""
    store, app = demo_app(demo)
    sebelum = isi_berkas(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5", "ctrl+o")
        await pilot.press("shift+tab", "ctrl+u")
        await ketik(pilot, "51")
        await pilot.press("tab")
        await ketik(pilot, "Usulan bidang baru")
        for _ in range(9):
            await pilot.press("tab")
        bidang = app.screen.query_one("#f-bidang")
        assert app.screen.focused is bidang
        bidang.value = "inf"
        bidang.action_cursor_right()  # at once: the suggester's answer has not arrived
        assert bidang.value == "Infrastruktur dan Kewilayahan"
        bidang.value = "Inf"
        await pilot.press("tab")
        await ketik(pilot, "dinas pupr")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, KonfirmasiDialog)
        assert app.screen.pertanyaan == "Bidang 'Inf' belum ada; buat kelompok baru?"
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog) and isi_berkas(store) == sebelum
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("y")
        await tunggu(pilot, lambda: not isinstance(app.screen, (FormDialog, KonfirmasiDialog)))
    baru = [u for u in store.muat().usulan.values() if u.kegiatan == "Usulan bidang baru"]
    assert [(u.bidang, u.skpd_awal) for u in baru] == [("Inf", "Dinas PUPR")]
