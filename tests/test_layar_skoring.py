"""The Skoring screen driven by keyboard: what the fasilitator types ends up in the store, cell by cell."""

from __future__ import annotations

from datetime import datetime

import pytest

from layar import layar_teks, tunggu
from musrenbang_tui.app import MusrenbangApp
from screens.skoring import SkoringScreen
from sesi import pleno, skor
from sesi.model import STATUS_DISISIHKAN
from sesi.peringkat import peringkat_kelompok
from sesi.store import Store
from sesi.transaksi import Pelaku

KELOMPOK_I = "Kelompok I Infrastruktur"


def buka(path, pelaku=Pelaku("uji", "operator")) -> Store:
    return Store.buka(path, pelaku=pelaku, clock=lambda: datetime(2027, 2, 9, 10, 0, 0))


@pytest.fixture
def sesi_demo(demo) -> Store:
    """The demo session (the shared `demo` fixture's copy), opened as operator "uji" on a fixed clock."""
    return buka(demo)


def kid_dari(store: Store, nama: str) -> str:
    return next(k.id for k in store.data.kelompok if k.nama == nama)


def baris_dinilai(store: Store, kid: str) -> list[str]:
    return [u.id for u in store.muat().usulan_kelompok(kid) if u.status not in STATUS_DISISIHKAN]


def nilai(store: Store, uid: str, kode: str, penilai: str = "") -> int | None:
    return store.muat().nilai_mentah(uid, kode).get(penilai)


def kolom(m, indeks: int):
    """The widget drawing criteria column `indeks` of the matrix (0 = K1)."""
    return next(w for w in m.query("KolomSel") if w.indeks == indeks)


def baris_pertama(app) -> int:
    """The terminal row of the matrix's first usulan (under the header line)."""
    return matriks(app).query_one("#mx-judul").region.y + 1


def layar(app) -> SkoringScreen:
    assert isinstance(app.screen, SkoringScreen)
    return app.screen


def matriks(app):
    """The scoring matrix (found by its type name: the test needs only its public state)."""
    return app.screen.query_one("Matriks")


def info(app, wid: str) -> str:
    w = app.screen.query_one(f"#{wid}")
    return w.isi.plain + " " + w.kanan.plain


def status(app) -> str:
    return app.screen.status.pesan.plain


async def tekan_tanpa_perubahan(pilot, store: Store, key: str) -> None:
    """Press `key`; the session file must stay byte for byte as it was."""
    sebelum = open(store.path, "rb").read()
    await pilot.press(key)
    await pilot.pause()
    assert open(store.path, "rb").read() == sebelum


async def test_angka_mengisi_sel_lalu_maju_dan_pindah_baris(sesi_demo):
    """Each digit saves one cell (one revision) and moves right; after the last criterion, the next row."""
    kid = kid_dari(sesi_demo, KELOMPOK_I)
    rows = baris_dinilai(sesi_demo, kid)
    kode = [k.kode for k in sesi_demo.data.kriteria]
    app = MusrenbangApp(sesi_demo, layar="skoring")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        m = matriks(app)
        assert m.posisi() == (rows[0], kode[0]), "kursor awal di kriteria pertama baris pertama"
        assert "Kesesuaian dengan rancangan awal RKPD" in info(app, "info-kriteria")
        assert "1 sangat rendah" in info(app, "info-skala") and "5 sangat tinggi" in info(app, "info-skala")
        assert "Pembangunan jalan titian ulin" in info(app, "info-usulan")
        lama = {k: nilai(sesi_demo, rows[0], k) for k in kode}
        assert all(v != 1 for v in lama.values())
        rev = sesi_demo.muat().revisi
        for i, k in enumerate(kode):
            await pilot.press("1")
            await pilot.pause()
            assert nilai(sesi_demo, rows[0], k) == 1
            assert sesi_demo.muat().revisi == rev + i + 1, "satu perubahan tersimpan per tombol"
            assert status(app) == f"Tersimpan · rev {rev + i + 1}"
        assert m.posisi() == (rows[1], kode[0]), "ujung baris: kriteria pertama baris berikutnya"
        assert m.sel[(rows[0], kode[0])] == ("1", "")
        assert m.total[rows[0]] == ("1,00", "total")
        assert m.peringkat[rows[0]][0].strip() == str(len(peringkat_kelompok(sesi_demo.muat(), kid).diperingkat))
        assert "Kesesuaian" in info(app, "info-kriteria")
        assert "Normalisasi saluran drainase" in info(app, "info-usulan")


async def test_angka_di_luar_skala_ditolak_tanpa_perubahan(sesi_demo):
    """A digit outside the criterion's scale changes nothing and says which scale applies."""
    rows = baris_dinilai(sesi_demo, kid_dari(sesi_demo, KELOMPOK_I))
    app = MusrenbangApp(sesi_demo, layar="skoring")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await tekan_tanpa_perubahan(pilot, sesi_demo, "7")
        assert matriks(app).posisi() == (rows[0], "K1"), "kursor tidak maju"
        assert "7" in status(app) and "1-5" in status(app) and "K1" in status(app)
        assert app.screen.status.has_class("-galat")


async def test_kosongkan_dan_urungkan_lewat_store(sesi_demo):
    """Backspace clears the cell; u and Ctrl+Z put the earlier value back in the store, newest first."""
    rows = baris_dinilai(sesi_demo, kid_dari(sesi_demo, KELOMPOK_I))
    u0 = rows[0]
    awal_k1, awal_k2 = nilai(sesi_demo, u0, "K1"), nilai(sesi_demo, u0, "K2")
    app = MusrenbangApp(sesi_demo, layar="skoring")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        m = matriks(app)
        await pilot.press("backspace")
        await pilot.pause()
        assert nilai(sesi_demo, u0, "K1") is None
        assert m.posisi() == (u0, "K1"), "mengosongkan tidak memindahkan kursor"
        assert m.sel[(u0, "K1")] == ("", "")
        assert m.total[u0] == ("4/5", "kurang") and m.peringkat[u0][0].strip() == "belum"
        baru_k1 = 5 if awal_k1 != 5 else 4
        await pilot.press(str(baru_k1))  # K1 empty -> baru_k1, cursor to K2
        baru_k2 = 1
        await pilot.press(str(baru_k2), "delete")  # K2 -> 1, then K3 cleared
        await pilot.pause()
        k3 = nilai(sesi_demo, u0, "K3")
        assert k3 is None
        await pilot.press("u")  # K3 back
        await pilot.pause()
        assert nilai(sesi_demo, u0, "K3") is not None
        assert m.posisi() == (u0, "K3")
        await pilot.press("ctrl+z")  # K2 back to its first value
        await pilot.pause()
        assert nilai(sesi_demo, u0, "K2") == awal_k2
        assert m.posisi() == (u0, "K2"), "urungkan membawa kursor ke sel yang dipulihkan"
        await pilot.press("u")  # K1 back to empty (it was cleared before being set)
        await pilot.press("u")  # K1 back to the demo value
        await pilot.pause()
        assert nilai(sesi_demo, u0, "K1") == awal_k1
        assert m.sel[(u0, "K1")] == (str(awal_k1), "")
        await pilot.press("u")
        await pilot.pause()
        assert "Tidak ada perubahan" in status(app)


async def test_mode_perorangan_menampilkan_rerata(sesi_demo):
    """With a penilai chosen, digits set that person's value and the cell shows the marked mean."""
    kid = kid_dari(sesi_demo, KELOMPOK_I)
    rows = baris_dinilai(sesi_demo, kid)
    kosong = next(u for u in rows if all(nilai(sesi_demo, u, k.kode) is None for k in sesi_demo.data.kriteria))
    app = MusrenbangApp(sesi_demo, layar="skoring")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        m = matriks(app)
        for _ in range(rows.index(kosong)):
            await pilot.press("j")
        assert m.posisi() == (kosong, "K1")
        await pilot.press("p")
        await pilot.pause()
        await pilot.press(*"Andi Uji", "enter")  # a new name
        await pilot.pause()
        assert layar(app).penilai == "Andi Uji"
        assert "Penilai: Andi Uji" in info(app, "judul-skoring")
        await pilot.press("4")
        await pilot.pause()
        assert nilai(sesi_demo, kosong, "K1", "Andi Uji") == 4
        assert nilai(sesi_demo, kosong, "K1") is None, "nilai mufakat tidak tersentuh"
        await pilot.press("p")
        await pilot.pause()
        await pilot.press(*"Wati Uji", "enter", "h", "1")
        await pilot.pause()
        assert nilai(sesi_demo, kosong, "K1", "Wati Uji") == 1
        assert m.sel[(kosong, "K1")] == ("2,5*", "rerata")
        await pilot.press("h")
        await pilot.pause()
        assert "rerata 2,5 dari 2: Andi Uji 4, Wati Uji 1" in info(app, "info-sel")
        await pilot.press("p")  # a few letters + Enter picks the existing penilai, not a new "and"
        await pilot.pause()
        await pilot.press(*"and", "enter")
        await pilot.pause()
        assert layar(app).penilai == "Andi Uji"
        await pilot.press("m")  # m switches to mufakat
        await pilot.pause()
        assert layar(app).penilai == ""
        await pilot.press("m")  # and back to the last penilai
        await pilot.pause()
        assert layar(app).penilai == "Andi Uji"
        await pilot.press("backspace")  # clears Andi's value only
        await pilot.pause()
        assert nilai(sesi_demo, kosong, "K1", "Andi Uji") is None and nilai(sesi_demo, kosong, "K1", "Wati Uji") == 1
        assert m.sel[(kosong, "K1")] == ("1*", "rerata")
        await pilot.press("m")  # back to mufakat
        await pilot.pause()
        assert layar(app).penilai == "" and "Mufakat" in info(app, "judul-skoring")
        await pilot.press("3")
        await pilot.pause()
        assert nilai(sesi_demo, kosong, "K1") == 3
        assert m.sel[(kosong, "K1")] == ("3", ""), "nilai mufakat dipakai bila ada"


async def test_urut_peringkat_tidak_mengubah_nilai(sesi_demo):
    """o orders the rows by rank and back; values stay, the cursor stays on the same usulan."""
    kid = kid_dari(sesi_demo, KELOMPOK_I)
    rows = baris_dinilai(sesi_demo, kid)
    app = MusrenbangApp(sesi_demo, layar="skoring")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        m = matriks(app)
        await pilot.press("j", "j", "l")
        sel_sebelum = dict(m.sel)
        posisi = m.posisi()
        await pilot.press("o")
        await pilot.pause()
        urutan = [b.usulan.id for b in peringkat_kelompok(sesi_demo.muat(), kid).baris]
        assert m.baris == [u for u in urutan if u in rows]
        assert m.baris != rows
        assert m.sel == sel_sebelum
        assert m.posisi() == posisi
        assert "urut peringkat" in info(app, "judul-skoring")
        # While scoring in rank order the rows stay where they are.
        tempat = list(m.baris)
        await pilot.press("1", "1", "1")
        await pilot.pause()
        assert m.baris == tempat
        await pilot.press("o")
        await pilot.pause()
        assert m.baris == rows


async def test_seri_ditandai(tmp_path):
    """Two usulan separated only by entry order are marked "seri" in the rank column and the title."""
    store = buka_baru(tmp_path)
    with store.transaksi() as tx:
        from sesi import usulan

        a = usulan.tambah_usulan(tx, kelurahan="Alalak Selatan", prioritas_kelurahan=1, kegiatan="Titian A",
                                 bidang="Infrastruktur", skpd="Dinas PUPR", perkiraan_biaya=100)
        b = usulan.tambah_usulan(tx, kelurahan="Alalak Tengah", prioritas_kelurahan=1, kegiatan="Titian B",
                                 bidang="Infrastruktur", skpd="Dinas PUPR", perkiraan_biaya=100)
        c = usulan.tambah_usulan(tx, kelurahan="Alalak Utara", prioritas_kelurahan=1, kegiatan="Titian C",
                                 bidang="Infrastruktur", skpd="Dinas PUPR", perkiraan_biaya=100)
    app = MusrenbangApp(store, layar="skoring")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        m = matriks(app)
        await pilot.press(*"33333", *"33333", *"44444")
        await pilot.pause()
        assert m.peringkat[c] == ("  1", "")
        assert m.peringkat[a] == ("  2 seri", "seri")
        assert m.peringkat[b] == ("  3 seri", "seri")
        assert "2 seri" in info(app, "judul-skoring")
        await pilot.press("u")  # the last K5 of C back to empty: C is incomplete, A and B still tie
        await pilot.pause()
        assert m.peringkat[c] == ("  belum", "kurang") and m.total[c] == ("4/5", "kurang")
        assert "1 belum lengkap" in info(app, "judul-skoring")


def buka_baru(tmp_path) -> Store:
    from sesi import persiapan

    return persiapan.buat_sesi(str(tmp_path / "baru.json"), kecamatan="Banjarmasin Utara", kota="Banjarmasin",
                               tahun=2028, tanggal="2027-02-09", tempat="Aula", camat="Camat Uji",
                               pelaku=Pelaku("uji", "operator"), clock=lambda: datetime(2027, 2, 9, 10, 0, 0))


async def test_skala_satu_sampai_sepuluh_nol_berarti_sepuluh(tmp_path):
    """On a 1-10 scale the key 0 enters 10; its labels line says so."""
    from sesi import kriteria, usulan

    store = buka_baru(tmp_path)
    with store.transaksi() as tx:
        kriteria.ganti_semua_kriteria(tx, [kriteria.kriteria_record("A", "Manfaat", "2", 1, 10),
                                            kriteria.kriteria_record("B", "Urgensi", "1", 1, 5)])
        uid = usulan.tambah_usulan(tx, kelurahan="Alalak Selatan", prioritas_kelurahan=1, kegiatan="Titian",
                                   bidang="Infrastruktur", skpd="Dinas PUPR")
    app = MusrenbangApp(store, layar="skoring")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "tombol 0 = 10" in info(app, "info-skala")
        await pilot.press("0")
        await pilot.pause()
        assert nilai(store, uid, "A") == 10
        sebelum = store.muat().revisi
        await pilot.press("0")  # on 1-5, 0 is outside the scale
        await pilot.pause()
        assert store.muat().revisi == sebelum and nilai(store, uid, "B") is None
        assert "1-5" in status(app)
        await pilot.press("3")
        await pilot.pause()
        assert matriks(app).total[uid] == (f"{(2 * 10 + 3) / 3:.2f}".replace(".", ","), "total")


async def test_isian_nilai_dengan_enter(sesi_demo):
    """Enter opens a value field: a refused value keeps the dialog open; a valid one saves and moves on."""
    rows = baris_dinilai(sesi_demo, kid_dari(sesi_demo, KELOMPOK_I))
    app = MusrenbangApp(sesi_demo, layar="skoring")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("9", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, SkoringScreen), "dialog tetap terbuka setelah ditolak"
        await pilot.press("backspace", "1", "enter")
        await pilot.pause()
        assert isinstance(app.screen, SkoringScreen)
        assert nilai(sesi_demo, rows[0], "K1") == 1
        assert matriks(app).posisi() == (rows[0], "K2")


async def test_ganti_kelompok(sesi_demo):
    """] and [ step through the kelompok, Ctrl+O chooses one; --kelompok opens on the one named."""
    kid2 = kid_dari(sesi_demo, "Kelompok II Ekonomi")
    kid3 = kid_dari(sesi_demo, "Kelompok III Sosial Budaya")
    app = MusrenbangApp(sesi_demo, layar="skoring")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("j", "l", "right_square_bracket")
        await pilot.pause()
        m = matriks(app)
        assert app.kelompok_aktif == kid2
        assert m.baris == baris_dinilai(sesi_demo, kid2)
        assert m.posisi() == (m.baris[0], "K1")
        assert "Kelompok II Ekonomi" in info(app, "judul-skoring")
        await pilot.press("ctrl+o")
        await pilot.pause()
        await pilot.press(*"sosial", "enter")
        await pilot.pause()
        assert app.kelompok_aktif == kid3 and m.baris == baris_dinilai(sesi_demo, kid3)
        await pilot.press("left_square_bracket", "left_square_bracket")
        await pilot.pause()
        rows1 = baris_dinilai(sesi_demo, kid_dari(sesi_demo, KELOMPOK_I))
        assert m.baris == rows1
        assert m.posisi() == (rows1[1], "K2"), "kembali ke kelompok: kursor di tempat semula"

    app = MusrenbangApp(sesi_demo, layar="skoring", kelompok="kelompok ii ekonomi")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert matriks(app).baris == baris_dinilai(sesi_demo, kid2)


async def test_perubahan_dari_terminal_lain_tanpa_memindahkan_kursor(sesi_demo):
    """A score saved at another terminal shows after the poll; the cursor stays where it was."""
    kid = kid_dari(sesi_demo, KELOMPOK_I)
    rows = baris_dinilai(sesi_demo, kid)
    lain = buka(sesi_demo.path, pelaku=Pelaku("Fasilitator lain", "fasilitator"))
    app = MusrenbangApp(sesi_demo, layar="skoring")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        m = matriks(app)
        await pilot.press("j", "j", "l")
        posisi = m.posisi()
        assert posisi == (rows[2], "K2")
        with lain.transaksi() as tx:
            skor.atur_skor(tx, rows[2], "K2", 1)
            skor.atur_skor(tx, rows[5], "K4", 5)
            skor.hapus_skor(tx, rows[6], "K1")
        # No key pressed here: the app's own poll of the file brings the change.
        await tunggu(pilot, lambda: m.sel[(rows[2], "K2")] == ("1", ""), apa="nilai dari terminal lain tampil")
        assert m.posisi() == posisi
        assert m.sel[(rows[2], "K2")] == ("1", "")
        assert m.sel[(rows[5], "K4")] == ("5", "")
        assert m.sel[(rows[6], "K1")] == ("", "")
        assert m.total[rows[6]] == ("4/5", "kurang")
        per = {b.usulan.id: b for b in peringkat_kelompok(lain.muat(), kid).baris}
        for uid in rows:
            if per[uid].peringkat is not None:
                assert m.peringkat[uid][0].split()[0].rstrip("~") == str(per[uid].peringkat)


async def test_kelompok_disepakati_menolak_nilai(sesi_demo):
    """After Pleno II agreed the kelompok, a digit is refused with the reason and nothing changes."""
    kid = kid_dari(sesi_demo, KELOMPOK_I)
    with sesi_demo.transaksi() as tx:
        pleno.sepakati_kelompok(tx, kid)
    app = MusrenbangApp(sesi_demo, layar="skoring")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await tekan_tanpa_perubahan(pilot, sesi_demo, "1")
        assert "disepakati" in status(app)
        assert "terkunci" in info(app, "judul-skoring")


async def test_markup_dan_karakter_kendali_tampil_apa_adanya(sesi_demo):
    """Titles with Rich markup and control characters are shown literally, never interpreted."""
    kid = kid_dari(sesi_demo, KELOMPOK_I)
    uid = baris_dinilai(sesi_demo, kid)[0]
    judul = "[bold]Jalan[/] [link=x]titian\x1b[31m\x07 ulin"
    with sesi_demo.transaksi() as tx:  # as a hand-edited file could hold it (the actions clean such input)
        tx.put("usulan", uid, dict(tx.get("usulan", uid), kegiatan=judul, kelurahan="[red]Alalak[/red]"))
        tx.put("kriteria", "K1", dict(tx.get("kriteria", "K1"), nama="[i]Kesesuaian[/i]"))
    app = MusrenbangApp(sesi_demo, layar="skoring")
    async with app.run_test(size=(120, 24)) as pilot:
        await pilot.pause()
        usulan_info = info(app, "info-usulan")
        assert "[bold]Jalan[/] [link=x]titian" in usulan_info
        assert "\x1b" not in usulan_info and "\x07" not in usulan_info
        assert "[i]Kesesuaian[/i]" in info(app, "info-kriteria")
        baris = layar_teks(app).splitlines()[baris_pertama(app)]
        assert "[bold]Jalan[/]" in baris and "[red]Alalak[/red]" in baris and "\x1b" not in baris
        await pilot.press("1")
        await pilot.pause()
        assert nilai(sesi_demo, uid, "K1") == 1


async def test_klik_memindahkan_kursor(sesi_demo):
    """With the mouse on, a click on a cell puts the cursor there."""
    rows = baris_dinilai(sesi_demo, kid_dari(sesi_demo, KELOMPOK_I))
    app = MusrenbangApp(sesi_demo, layar="skoring")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        m = matriks(app)
        k3 = kolom(m, 2)
        await pilot.click(k3, offset=(1, 4))
        await pilot.pause()
        assert m.posisi() == (rows[3], "K3")


# --- issue 14 on screen: several sets, wide scales, several penilai, firmness -------------------------

def _sel(store, uid, kode):
    from sesi.peringkat import nilai_sel

    return nilai_sel(store.muat(), uid, kode)


async def test_fisik_dan_non_fisik_kolom_kedua_set_dan_ketik_0_100(store, bantu):
    """A kelompok with a fisik set (K1-K4) and a non-fisik set (P1-P4), 0-100: the matrix shows both sets'
    columns, a cell of the other set is a dot and is stepped over; "85" Enter saves 85."""
    f, n = bantu.fisik_dan_non_fisik(dinilai=False)
    app = MusrenbangApp(store, layar="skoring")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        m = matriks(app)
        assert [k.kode for k in m.kolom] == ["K1", "K2", "K3", "K4", "P1", "P2", "P3", "P4"]
        assert m.sel[(f, "P1")][1] == "kurang" and m.sel[(n, "K1")][1] == "kurang"
        assert m.posisi() == (f, "K1")
        assert "Enter/Tab simpan" in info(app, "info-skala")
        await pilot.press("8", "5")
        await pilot.pause()
        assert m.sel[(f, "K1")] == ("85_", "kursor") and _sel(store, f, "K1") is None
        assert "Diketik: 85" in info(app, "info-sel")
        await pilot.press("enter")
        await pilot.pause()
        assert _sel(store, f, "K1") == 85 and m.sel[(f, "K1")] == ("85", "")
        assert m.posisi() == (f, "K2")
        await pilot.press("7", "escape")  # Esc cancels: nothing saved, the cell as it was
        await pilot.pause()
        assert _sel(store, f, "K2") is None and m.sel[(f, "K2")] == ("", "")
        await pilot.press("1", "0", "1")  # 101 is outside 0-100: the third key is refused
        await pilot.pause()
        assert m.sel[(f, "K2")] == ("10_", "kursor") and "0-100" in status(app)
        await pilot.press("tab")
        await pilot.pause()
        assert _sel(store, f, "K2") == 10
        for v in ("60", "50"):
            await pilot.press(*v, "enter")
            await pilot.pause()
        assert m.posisi() == (n, "P1"), "sel set lain dilewati"
        await pilot.press("8", "0", "enter")
        await pilot.pause()
        assert _sel(store, n, "P1") == 80
        await pilot.press("left", "left")
        await pilot.pause()
        assert m.posisi() == (n, "K4") and "tidak berlaku" in info(app, "info-kriteria")
        sebelum = store.muat().revisi
        await pilot.press("5", "enter")
        await pilot.pause()
        assert store.muat().revisi == sebelum


async def test_skala_langkah_setengah_7_koma_5(store, bantu):
    """On 1-10 with step 0,5, "7,5" Enter saves 7.5; "7,3" is refused."""
    from fractions import Fraction

    from sesi import kriteria

    bantu.lakukan(kriteria.ganti_semua_kriteria, [kriteria.kriteria_record("A", "Manfaat", "1", 1, 10,
                                                                            langkah="0.5")])
    u1, u2 = bantu.usulan("Satu"), bantu.usulan("Dua")
    app = MusrenbangApp(store, layar="skoring")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        m = matriks(app)
        await pilot.press("7", "comma", "5")
        await pilot.pause()
        assert m.sel[(u1, "A")] == ("7,5_", "kursor")
        await pilot.press("enter")
        await pilot.pause()
        assert _sel(store, u1, "A") == Fraction(15, 2) and m.sel[(u1, "A")] == ("7,5", "")
        assert m.posisi() == (u2, "A")
        await pilot.press("7", "comma", "3")
        await pilot.pause()
        assert m.sel[(u2, "A")] == ("7,_", "kursor") and "langkah 0,5" in status(app)
        await pilot.press("backspace", "backspace", "9", "enter")
        await pilot.pause()
        assert _sel(store, u2, "A") == 9


async def test_tiga_penilai_satu_dilewati_2_per_3_dan_belum_diperingkat(store, bantu, sebagai):
    """Three penilai, summed, Cici skipped C's K2: the cell reads 2/3, C is not ranked, the line below says
    "2/3 penilai"; once Cici scores it, C is ranked."""
    from sesi import skor as skor_

    bantu.kriteria(1, 1, skala=(1, 10))
    bantu.lakukan(skor_.atur_cara_penilaian, gabung="jumlah")
    ids = {n: bantu.usulan(f"Usulan {n}") for n in "ABC"}
    for n, nilai_ in (("A", [(8, 8), (8, 8), (8, 7)]), ("B", [(8, 8), (7, 8), (8, 7)]),
                      ("C", [(9, 8), (9, 8), (9, None)])):
        for penilai, (k1, k2) in zip(("Ana", "Budi", "Cici"), nilai_):
            bantu.nilai(ids[n], k1, k2, penilai=penilai)
    app = MusrenbangApp(store, layar="skoring")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        m = matriks(app)
        c = ids["C"]
        assert m.sel[(c, "K2")] == ("2/3", "kurang")
        assert m.sel[(c, "K1")] == ("27*", "rerata")
        assert m.peringkat[c] == ("  belum", "kurang") and m.total[c] == ("1/2", "kurang")
        assert m.total[ids["A"]] == ("23,50", "total")
        m.pindah_ke(c, "K2")
        await pilot.pause()
        assert "2/3 penilai" in info(app, "info-sel") and "belum lengkap" in info(app, "info-sel")
        bantu.lakukan(skor_.atur_skor, c, "K2", 2, "Cici", store=sebagai("fasilitator"))
        await tunggu(pilot, lambda: m.sel[(c, "K2")][0] != "2/3", apa="nilai dari terminal lain tampil")
        assert m.sel[(c, "K2")] == ("18*", "rerata") and m.peringkat[c][0].strip().rstrip("~") == "3"


@pytest.mark.parametrize("ukuran", [(80, 24), (60, 20)])
async def test_kunci_tampak_di_layar_sempit(sesi_demo, ukuran):
    """The lock of a kelompok Pleno II agreed is on the title line as the terminal shows it at 80 and 60
    columns (it used to come last and be cut off: "... 2 belum len…")."""
    kid = kid_dari(sesi_demo, KELOMPOK_I)
    with sesi_demo.transaksi() as tx:
        pleno.sepakati_kelompok(tx, kid)
    app = MusrenbangApp(sesi_demo, layar="skoring")
    async with app.run_test(size=ukuran) as pilot:
        await pilot.pause()
        judul = layar_teks(app).splitlines()[1]
        assert judul.lstrip().startswith("terkunci"), judul
        assert "Kelompok I" in judul
