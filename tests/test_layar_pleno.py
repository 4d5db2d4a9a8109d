"""The Pleno I and Pleno II screens, driven by keyboard through Textual's Pilot on the demo session.

Pleno I: the notulen types notes fast (time and speaker stored), edits and deletes them, and a note saved
at another terminal appears while text waits in the input. Pleno II: moving an usulan with a required
reason, "belum disepakati" and back, agreeing a kelompok (after which the domain refuses a score change),
tanggapan, delegation, tim perumus and signatories per unsur. User text with markup or control characters
is shown literally.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from textual.widgets import Input, TextArea

from layar import layar_teks, tunggu
from musrenbang_tui.app import MusrenbangApp
from screens.catatan_widget import CatatanDialog, lengkapi_nama, pisah_pembicara
from screens.widgets import SimpanBuangDialog, AlasanDialog, KonfirmasiDialog, PilihDialog, StatusBar
from sesi import catatan, pleno, skor, verifikasi
from sesi.data import Data
from sesi.store import Store
from sesi.urutan import nasib_usulan
from sesi.transaksi import Pelaku

KEL_I = "KEL01"


class Jam:
    """A clock that stands still until a test moves it."""

    def __init__(self) -> None:
        self.sekarang = datetime(2027, 2, 9, 9, 0, 0)

    def __call__(self) -> datetime:
        return self.sekarang

    def maju(self, menit: int) -> None:
        self.sekarang += timedelta(minutes=menit)


@pytest.fixture()
def jam() -> Jam:
    return Jam()


def buka(path: Path, layar: str, jam: Jam | None = None, peran: str = "operator") -> MusrenbangApp:
    store = Store.buka(path, pelaku=Pelaku("uji", peran), clock=jam or Jam())
    return MusrenbangApp(store, layar=layar)


def data(path: Path) -> Data:
    return Store.buka(path).data



def status(app: MusrenbangApp) -> str:
    return app.screen.query_one(StatusBar).pesan.plain


def catatan_pleno1(path: Path) -> list:
    recs = [c for c in data(path).records("catatan").values() if c.tahap == "pleno1"]
    return sorted(recs, key=lambda c: (len(c.id), c.id))


def urutan(path: Path, kid: str = KEL_I) -> list[str]:
    return [b.usulan.id for b in pleno.urutan_akhir(data(path), kid)]


# --- Pleno I ------------------------------------------------------------------------------------------


def test_awalan_nama_pembicara():
    """"Nama: teks" names the speaker; a short name is completed when it fits one known name only."""
    dikenal = ["Dra. Hamidah", "Ir. Taufik Rahman, M.T.", "Taufik Hidayat", "Rusmini"]
    assert pisah_pembicara("Hamidah: drainase belum tuntas", dikenal) == ("Dra. Hamidah", "drainase belum tuntas")
    assert pisah_pembicara("rusmini: setuju", dikenal) == ("Rusmini", "setuju")
    # Two known names start with "Taufik": the name stays as typed.
    assert pisah_pembicara("Taufik: jawab", dikenal) == ("Taufik", "jawab")
    assert pisah_pembicara("Pak RT 05: minta lampu", dikenal) == ("Pak RT 05", "minta lampu")
    # Not a speaker: no space after the colon, a long sentence before it, or an escaping backslash.
    assert pisah_pembicara("Rapat pukul 10:30 dimulai", dikenal) == (None, "Rapat pukul 10:30 dimulai")
    kalimat = "Forum sepakat bahwa penanganan banjir menjadi prioritas: titian dan drainase"
    assert pisah_pembicara(kalimat, dikenal) == (None, kalimat)
    assert pisah_pembicara("\\Kesimpulan: banjir prioritas", dikenal) == (None, "Kesimpulan: banjir prioritas")
    assert lengkapi_nama("ha", dikenal) == "ha"


async def test_catatan_cepat_dengan_keyboard(demo, jam):
    """Notes typed one after another are stored with their time and speaker; the input empties each time."""
    app = buka(demo, "pleno1", jam)
    async with app.run_test(size=(80, 24)) as pilot:
        ketik = app.screen.query_one("#ketik", Input)
        assert app.focused is ketik
        await pilot.press(*"Acara dibuka tepat waktu", "enter")
        jam.maju(3)
        # A standing speaker chosen from the list (sambutan, narasumber, participants present).
        await pilot.press("ctrl+o")
        assert isinstance(app.screen, PilihDialog)
        await pilot.press(*"hamidah", "enter")
        await pilot.press(*"Evaluasi drainase belum tuntas", "enter")
        jam.maju(2)
        # A one-off speaker by prefix, completed to the narasumber's full name.
        await pilot.press(*"taufik rahman: RKPD fokus sungai", "enter")
        jam.maju(1)
        await pilot.press(*"Pertanyaan dijawab", "enter")
        await pilot.pause()
        assert ketik.value == ""
        baru = catatan_pleno1(demo)[-4:]
        assert [(c.teks, c.pembicara, c.waktu) for c in baru] == [
            ("Acara dibuka tepat waktu", "", "2027-02-09T09:00:00"),
            ("Evaluasi drainase belum tuntas", "Dra. Hamidah", "2027-02-09T09:03:00"),
            ("RKPD fokus sungai", "Ir. Taufik Rahman, M.T.", "2027-02-09T09:05:00"),
            ("Pertanyaan dijawab", "Dra. Hamidah", "2027-02-09T09:06:00"),
        ]
        text = layar_teks(app)
        assert "09.05  Ir. Taufik Rahman, M.T.: RKPD fokus sungai" in text
        assert "09.06  Dra. Hamidah: Pertanyaan dijawab" in text  # newest visible at the bottom
        assert "Tersimpan rev" in status(app)


async def test_ketikan_tetap_bila_gagal_disimpan(demo):
    """A terminal that may not write (projector role) keeps the typed note and says why."""
    sebelum = len(catatan_pleno1(demo))
    app = buka(demo, "pleno1", peran="tayang")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*"Catatan penting", "enter")
        assert app.screen.query_one("#ketik", Input).value == "Catatan penting"
        assert "tidak dapat mengubah" in status(app)
    assert len(catatan_pleno1(demo)) == sebelum


async def test_ubah_dan_hapus_catatan(demo):
    """Arrows choose a note, Enter on the empty line edits it in a form; Ctrl+L deletes after a yes."""
    app = buka(demo, "pleno1")
    async with app.run_test(size=(80, 24)) as pilot:
        pertama, kedua = catatan_pleno1(demo)[:2]
        await pilot.press("up", "up", "enter")  # the first of the demo's two notes
        assert isinstance(app.screen, CatatanDialog)
        area = app.screen.query_one(TextArea)
        assert area.text == pertama.teks
        await pilot.press(*" Diperbaiki.")
        await pilot.press("shift+tab", "ctrl+e", "backspace", "backspace", "backspace", "backspace", "backspace",
                          *"Camat Banjarmasin Utara")
        await pilot.press("ctrl+s")
        await pilot.pause()
        c = data(demo).records("catatan")[pertama.id]
        assert c.teks == pertama.teks + " Diperbaiki."
        assert c.pembicara == "Camat Banjarmasin Utara"
        assert "Camat Banjarmasin Utara: " in layar_teks(app)

        # An edit that empties the note is refused inside the form, which keeps what was typed.
        await pilot.press("ctrl+y")
        area = app.screen.query_one(TextArea)
        area.clear()
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, CatatanDialog)
        assert "tidak boleh kosong" in str(app.screen.query_one("#galat").render())
        # F10 on a changed note asks first (Simpan / Buang / Batal); B throws the change away.
        await pilot.press("f10")
        assert isinstance(app.screen, SimpanBuangDialog)
        await pilot.press("b")
        assert not isinstance(app.screen, (SimpanBuangDialog, CatatanDialog))

        # Delete the chosen note: "n" keeps it, "y" removes it.
        await pilot.press("ctrl+l")
        assert isinstance(app.screen, KonfirmasiDialog)
        await pilot.press("n")
        assert pertama.id in data(demo).records("catatan")
        await pilot.press("ctrl+l", "y")
        await pilot.pause()
        assert pertama.id not in data(demo).records("catatan")
        assert kedua.id in data(demo).records("catatan")
        assert "dihapus" in status(app)


async def test_catatan_terminal_lain_tidak_mengganggu_ketikan(demo, jam):
    """A note saved at another terminal appears in the list; the half-typed note and its cursor stay."""
    app = buka(demo, "pleno1", jam)
    async with app.run_test(size=(80, 24)) as pilot:
        ketik = app.screen.query_one("#ketik", Input)
        await pilot.press(*"Narasumber menjelaskan", "left", "left")
        posisi = ketik.cursor_position

        lain = Store(demo, pelaku=Pelaku("Notulen 2", "notulen"), clock=jam)
        with lain.transaksi() as tx:
            catatan.tambah_catatan(tx, "Dicatat di terminal lain", "Rusmini", tahap="pleno1")
        await app.baca_perubahan()  # what the app's half-second file poll does
        await pilot.pause()

        assert "Rusmini: Dicatat di terminal lain" in layar_teks(app)
        assert ketik.value == "Narasumber menjelaskan"
        assert ketik.cursor_position == posisi
        assert app.focused is ketik
        await pilot.press("end", "enter")
        assert catatan_pleno1(demo)[-1].teks == "Narasumber menjelaskan"


async def test_sambutan_dan_narasumber(demo):
    """Ctrl+F goes to the speakers list: S adds a sambutan, N a narasumber with the material, X removes."""
    app = buka(demo, "pleno1")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+f", "s")
        await pilot.press(*"H. Gusti Iskandar", "enter", *"Ketua DPRD Kota", "enter")
        await pilot.press("n")
        await pilot.press(*"Ir. Siti Aminah", "enter", *"Dinas PUPR", "enter", *"Program sungai 2028", "enter")
        await pilot.pause()
        d = data(demo)
        assert [(s.nama, s.jabatan) for s in d.records("sambutan").values()][-1] == ("H. Gusti Iskandar",
                                                                                      "Ketua DPRD Kota")
        nara = [t for t in d.records("tim").values() if t.peran == "narasumber"][-1]
        assert (nara.nama, nara.jabatan, nara.materi) == ("Ir. Siti Aminah", "Dinas PUPR", "Program sungai 2028")
        assert "Program sungai 2028" in layar_teks(app)

        # P makes the highlighted person the speaker of the next notes and returns to the input.
        await pilot.press("p")
        assert app.focused is app.screen.query_one("#ketik")
        await pilot.press(*"Materi dipaparkan", "enter")
        assert catatan_pleno1(demo)[-1].pembicara == "Ir. Siti Aminah"

        await pilot.press("ctrl+f", "x", "y")
        await pilot.pause()
        assert nara.id not in data(demo).records("tim")


# --- Pleno II -----------------------------------------------------------------------------------------


async def test_geser_dengan_alasan_wajib(demo):
    """N moves the highlighted usulan up one place; an empty reason is refused and nothing is saved."""
    awal = urutan(demo)
    app = buka(demo, "pleno2")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down", "n")
        assert isinstance(app.screen, AlasanDialog)
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, AlasanDialog)
        assert "wajib" in str(app.screen.query_one("#galat").render())
        assert urutan(demo) == awal and not data(demo).records("keputusan")

        await pilot.press(*"Lebih mendesak bagi warga", "enter")
        await pilot.pause()
        assert urutan(demo)[:2] == [awal[1], awal[0]]
        kp = list(data(demo).records("keputusan").values())
        assert [(k.jenis, k.usulan, k.alasan) for k in kp] == [("naik", awal[1], "Lebih mendesak bagi warga")]
        tabel = app.screen.query_one("#urutan")
        assert tabel.kunci_terpilih() == awal[1]  # the cursor follows the moved usulan
        text = layar_teks(app)
        assert "awal 2" in text and "Naik:" in text

        # Already at the top: the domain refuses, the dialog stays open with the reason typed.
        await pilot.press("n", *"Coba lagi", "enter")
        assert isinstance(app.screen, AlasanDialog)
        assert "ujung daftar" in str(app.screen.query_one("#galat").render())
        await pilot.press("f10", "b")  # the typed reason is thrown away on purpose (B)
        await pilot.press("t", *"Dikembalikan", "enter")
        await pilot.pause()
        assert urutan(demo) == awal


async def test_belum_disepakati_dan_kembali(demo):
    """B marks the highlighted usulan "belum disepakati" with a reason; B on it again brings it back."""
    awal = urutan(demo)
    app = buka(demo, "pleno2")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down", "down", "b", *"Tumpang tindih dengan program kota", "enter")
        await pilot.pause()
        u = data(demo).usulan[awal[2]]
        assert (u.status, u.alasan) == ("belum_disepakati", "Tumpang tindih dengan program kota")
        assert awal[2] not in urutan(demo)
        assert "Belum disepakati:" in layar_teks(app)
        assert app.screen.query_one("#urutan").kunci_terpilih() == awal[2]  # now the last row, marked

        await pilot.press("b", *"Forum menerima penjelasan lurah", "enter")
        await pilot.pause()
        assert data(demo).usulan[awal[2]].status != "belum_disepakati"
        assert urutan(demo) == awal
        jenis = [k.jenis for k in data(demo).records("keputusan").values()]
        assert jenis == ["belum_disepakati", "dipulihkan"]


async def test_sepakati_kelompok_lalu_skor_ditolak(demo):
    """S agrees the kelompok's list; a later score change is refused by the domain and shown; S undoes."""
    with Store.buka(demo).transaksi() as tx:  # the kelompok verified its usulan (only those are agreed)
        for uid in urutan(demo):
            verifikasi.verifikasi(tx, uid, "sesuai")
    app = buka(demo, "pleno2")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        assert isinstance(app.screen, KonfirmasiDialog)
        await pilot.press("y")
        await pilot.pause()
        kel = data(demo).records("kelompok")[KEL_I]
        assert kel.disepakati
        assert "Disepakati" in layar_teks(app)
        uid = urutan(demo)[0]
        assert data(demo).usulan[uid].status == "disepakati"

        hasil = app.simpan(skor.atur_skor, uid, "K1", 1)
        await pilot.pause()
        assert not hasil.ok
        assert "sudah disepakati" in status(app)

        await pilot.press("s", *"Salah urutan, dibahas ulang", "enter")
        await pilot.pause()
        assert not data(demo).records("kelompok")[KEL_I].disepakati


async def test_pilih_kelompok_dan_aturan(demo):
    """] and P choose the kelompok shown; A shows the tie-break rule."""
    app = buka(demo, "pleno2")
    async with app.run_test(size=(80, 24)) as pilot:
        assert "Kelompok I Infrastruktur" in layar_teks(app)
        await pilot.press("right_square_bracket")
        assert "Kelompok II Ekonomi" in layar_teks(app)
        await pilot.press("p", *"sosial", "enter")
        await pilot.pause()
        assert "Kelompok III Sosial Budaya" in layar_teks(app)
        assert app.kelompok_aktif == "KEL03"
        await pilot.press("a")
        await pilot.pause()
        assert "bobot terbesar" in layar_teks(app)


async def test_pleno2_mengikuti_kelompok_aktif(demo):
    """Pleno II shows the kelompok chosen on another screen (Kelompok here) when it is shown again, and the
    one it chooses is the one the Kelompok screen shows."""
    app = buka(demo, "pleno2")
    async with app.run_test(size=(80, 24)) as pilot:
        assert "Kelompok I Infrastruktur" in layar_teks(app)
        await pilot.press("f5")
        await pilot.pause()
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert app.kelompok_aktif == "KEL02"
        await pilot.press("f7")
        await pilot.pause()
        assert app.screen.kid == "KEL02" and "Kelompok II Ekonomi" in layar_teks(app)
        await pilot.press("right_square_bracket", "f5")
        await pilot.pause()
        assert app.screen.kid == "KEL03"


async def test_pleno2_bantuan_dari_tombol(demo):
    """F1 on every part lists the keys the help prose once named; the prose names none of them."""
    harap = {("p", "Kelompok"), ("s", "Sepakati"), ("n", "Naikkan urutan (dengan alasan)"),
             ("t", "Turunkan urutan (dengan alasan)"), ("b", "Belum disepakati / kembalikan"),
             ("]", "Kelompok berikut"), ("[", "Kelompok sebelumnya"), ("a", "Aturan urutan dan seri"),
             ("c", "Catat tanggapan"), ("d", "Tambah delegasi"), ("r", "Tambah tim perumus"),
             ("u", "Atur penandatangan unsur"), ("Del, x", "Hapus baris yang disorot"),
             ("1", "Bagian Daftar & keputusan"), ("4", "Bagian Penandatangan")}
    app = buka(demo, "pleno2")
    async with app.run_test(size=(80, 24)) as pilot:
        for tab in "1234":
            await pilot.press(tab, "f1")
            await pilot.pause()
            (_, fokus), (_, layar), _ = app.screen.kelompok
            assert harap <= {(k, d) for k, d, *_ in layar}
            assert not any(f" {k.upper()} " in app.screen.uraian for k, _ in harap if len(k) == 1)
            await pilot.press("escape")
            await pilot.pause()


async def test_tanggapan(demo):
    """C records a tanggapan: who (chosen from those present, unsur filled in), what, about which usulan."""
    app = buka(demo, "pleno2")
    async with app.run_test(size=(80, 24)) as pilot:
        pertama = urutan(demo)[0]
        await pilot.press("c")
        await pilot.press(*"syarifuddin", "enter")
        await pilot.press(*"Mohon PJU diprioritaskan", "enter")
        await pilot.pause()
        tg = list(data(demo).records("tanggapan").values())
        assert [(t.nama, t.unsur, t.isi, t.kelompok, t.usulan) for t in tg] == [
            ("H. Syarifuddin, S.H.", "dprd", "Mohon PJU diprioritaskan", KEL_I, pertama)]
        text = layar_teks(app)
        assert "2 Tanggapan" in text and "H. Syarifuddin, S.H. (Anggota DPRD) tentang" in text

        # Someone not registered: the name is typed in the form; an empty tanggapan is refused.
        await pilot.press("c", "enter", *"Warga RT 5", "enter")
        await pilot.press("ctrl+s")
        assert "wajib diisi" in str(app.screen.query_one("#galat").render())
        await pilot.press("f10", "b")  # the typed name is thrown away on purpose (B)
        assert len(data(demo).records("tanggapan")) == 1

        await pilot.press("x", "y")
        await pilot.pause()
        assert not data(demo).records("tanggapan")


async def test_delegasi_dan_tim_perumus(demo):
    """D adds a delegate from those present, R a tim perumus member with a post; Del/X removes."""
    app = buka(demo, "pleno2")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "d", *"nurul hidayah", "enter")
        await pilot.press("d", *"rusmini", "enter")
        await pilot.press("r", *"effendi", "enter", "enter")  # the Camat, first offered post: ketua
        await pilot.press("r", *"rabiatul", "enter", *"sekretaris", "enter")
        await pilot.pause()
        d = data(demo)
        assert [x.nama for x in d.records("delegasi").values()] == ["Nurul Hidayah", "Rusmini"]
        assert [(x.nama, x.jabatan) for x in d.records("perumus").values()] == [
            ("Drs. H. Muhammad Yusuf Effendi", "ketua"), ("Hj. Rabiatul Adawiyah, S.Sos.", "sekretaris")]
        text = layar_teks(app)
        assert "2 orang, 2 perempuan" in text and "Sekretaris" in text

        # Someone already a delegate is not offered again.
        await pilot.press("d", *"nurul hidayah")
        opsi = app.screen.query_one("#opsi")
        assert not any("Nurul Hidayah" in str(opsi.get_option_at_index(i).prompt)
                       for i in range(opsi.option_count))
        await pilot.press("f10")

        await pilot.press("x", "y")  # the delegates table has the focus again, on its first row
        await pilot.pause()
        assert [x.nama for x in data(demo).records("delegasi").values()] == ["Rusmini"]
        await pilot.press("tab", "down", "x", "y")
        await pilot.pause()
        assert [x.nama for x in data(demo).records("perumus").values()] == ["Drs. H. Muhammad Yusuf Effendi"]


async def test_penandatangan_per_unsur(demo):
    """Each unsur present gets one signatory (Enter on its row); the unsur still lacking one are listed."""
    app = buka(demo, "pleno2")
    async with app.run_test(size=(80, 24)) as pilot:
        kurang = pleno.unsur_hadir_tanpa_penandatangan(data(demo))
        # The Camat of the session (musrenbang baru --camat) signs for the Camat until another is chosen.
        assert "camat" not in kurang and "dprd" in kurang
        await pilot.press("4")
        assert f"tanpa penandatangan ({len(kurang)})" in layar_teks(app)
        assert "Drs. H. Muhammad Yusuf" in layar_teks(app)
        await pilot.press("enter")  # first row: Camat; the camat is offered first
        await pilot.press("enter")
        await pilot.pause()
        d = data(demo)
        camat = d.records("penandatangan")["camat"]
        assert camat.nama == "Drs. H. Muhammad Yusuf Effendi"
        assert camat.jabatan == "Camat Banjarmasin Utara"
        assert "camat" not in pleno.unsur_hadir_tanpa_penandatangan(d)
        assert f"tanpa penandatangan ({len(kurang)})" in layar_teks(app)

        for _ in range(4):
            await pilot.press("down")  # Camat, Perangkat, Lurah, Delegasi, DPRD
        await pilot.press("u", *"syarifuddin", "enter")
        await pilot.pause()
        assert data(demo).records("penandatangan")["dprd"].nama == "H. Syarifuddin, S.H."

        await pilot.press("x", "y")
        await pilot.pause()
        assert "dprd" not in data(demo).records("penandatangan")


# --- user text is data -----------------------------------------------------------------------------

MARKUP = "[bold]Tebal[/] [link=https://x.test]tautan[/link] [/]"


async def test_markup_dan_karakter_kendali_tampil_apa_adanya(demo):
    """Names, titles and notes holding Rich markup or control characters are shown literally."""
    store = Store.buka(demo, pelaku=Pelaku("uji", "operator"))
    with store.transaksi() as tx:
        # Written as a file edited elsewhere could hold them (the actions strip control characters).
        tx.put("sambutan", "S900", {"id": "S900", "nama": "[bold]Ketua[/] \x1b[31mX", "jabatan": MARKUP,
                                    "urutan": 0})
        tx.put("catatan", "C0900", {"id": "C0900", "waktu": "2027-02-09T09:30:00", "tahap": "pleno1",
                                    "teks": f"Catatan {MARKUP} bel\x07 csi\x9b", "pembicara": "[b]X[/b]",
                                    "kelompok": ""})
        uid = pleno.urutan_akhir(tx.data, KEL_I)[0].usulan.id
        tx.put("usulan", uid, dict(tx.get("usulan", uid), kegiatan=f"{MARKUP}\x1b[2J"))
        pid = next(iter(tx.table("peserta")))
        tx.put("peserta", pid, dict(tx.get("peserta", pid), nama=f"[red]{MARKUP}"))
    with store.transaksi() as tx:
        catatan.tambah_tanggapan(tx, "[bold]Penanggap[/]", f"Isi {MARKUP}", kelompok=KEL_I, usulan=uid)
        pleno.atur_penandatangan(tx, "camat", peserta=pid)

    app = buka(demo, "pleno1")
    async with app.run_test(size=(80, 24)) as pilot:
        text = layar_teks(app)
        assert "[bold]Ketua[/] ^[[31mX" in text
        assert "[bold]Tebal[/] [link=https://x.test]tautan[/link] [/]" in text
        assert "09.30  [b]X[/b]: Catatan [bold]Tebal[/] [link=https://x.test]tautan[/link] [/]" in text
        assert "bel^G csiM-^[" in text
        assert "\x1b" not in text and "\x9b" not in text and "\x07" not in text

        await pilot.press("f7")  # Pleno II
        await pilot.pause()
        text = layar_teks(app)
        assert "[bold]Tebal[/]" in text and "^[[2J" in text and "\x1b" not in text
        await pilot.press("2")
        assert "[bold]Penanggap[/]" in layar_teks(app)
        await pilot.press("4")
        assert "[red][bold]Tebal" in layar_teks(app)


async def test_jabatan_perumus_tetap_urut_dan_ketua_kedua_ditolak(demo):
    """The tim perumus posts keep one order (Ketua, Sekretaris, Anggota) whoever holds them; a held post
    names its holder and the cursor starts on the first free one; choosing the held Ketua anyway is
    refused with a message naming the Ketua, and nothing is saved."""
    app = buka(demo, "pleno2")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "r", *"effendi", "enter", "enter")  # the Camat as Ketua
        await pilot.pause()
        await pilot.press("r", *"rabiatul", "enter")
        await pilot.pause()
        assert isinstance(app.screen, PilihDialog)
        opsi = app.screen.query_one("#opsi")
        label = [str(opsi.get_option_at_index(i).prompt) for i in range(opsi.option_count)]
        assert label == ["Ketua (sudah: Drs. H. Muhammad Yusuf Effendi)", "Sekretaris", "Anggota"]
        assert opsi.highlighted == 1
        await pilot.press("up", "enter")  # Ketua, held already
        await pilot.pause()
        perumus = list(data(demo).records("perumus").values())
        assert [(x.nama, x.jabatan) for x in perumus] == [("Drs. H. Muhammad Yusuf Effendi", "ketua")]
        assert "Ketua tim perumus sudah ada (Drs. H. Muhammad Yusuf Effendi)" in status(app)


async def test_jawaban_tanggapan(demo):
    """W (jaWaban; J moves down a table) records the forum's answer to the highlighted tanggapan (printed in
    the notulen)."""
    store = Store.buka(demo, pelaku=Pelaku("uji", "operator"))
    with store.transaksi() as tx:
        rid = catatan.tambah_tanggapan(tx, "Norhadi", "Mohon drainase didahulukan.", unsur="delegasi")
    app = buka(demo, "pleno2")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "w")
        await tunggu(pilot, lambda: "Jawaban atas tanggapan Norhadi" in layar_teks(app))
        await pilot.press(*"Disepakati naik satu urutan", "enter")
        await tunggu(pilot, lambda: data(demo).records("tanggapan")[rid].jawaban == "Disepakati naik satu urutan")
        assert "Jawaban: Disepakati naik satu urutan" in layar_teks(app)


async def test_sepakati_menghitung_seperti_berita_acara(demo):
    """With 3 of the kelompok's usulan verified, S's question, the summary after agreeing and the kelompok
    list all count 3 entering the priority list and the rest "belum diverifikasi", as the berita acara
    (`sesi.urutan.nasib_usulan`) does."""
    semua = urutan(demo)
    with Store.buka(demo).transaksi() as tx:
        for uid in semua[:3]:
            verifikasi.verifikasi(tx, uid, "sesuai")
    sisa = len(semua) - 3
    app = buka(demo, "pleno2")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        assert isinstance(app.screen, KonfirmasiDialog)
        layar = app.screen.pertanyaan
        assert f"(3 usulan masuk prioritas; {sisa} belum diverifikasi tidak masuk)" in layar
        assert f"({len(semua)} usulan)" not in layar
        await pilot.press("y")
        await tunggu(pilot, lambda: data(demo).records("kelompok")[KEL_I].disepakati)
        layar = layar_teks(app)
        assert f"3 masuk prioritas · {sisa} belum diverifikasi" in layar
        assert f"{len(semua)} diperingkat" not in layar
    masuk = [uid for uid, n in nasib_usulan(data(demo)).items() if n.prioritas and n.kelompok == KEL_I]
    assert sorted(masuk) == sorted(semua[:3])
