"""End to end: a whole Musrenbang Kecamatan from a new file to the signed berita acara.

The CLI creates the session and imports the kelurahan's usulan, the participants and the criteria; the
operator then runs the day in the real app by keyboard only (registration, Pleno I, groups with elections
and verification, scoring, Pleno II), exports the berita acara from its screen, and the pimpinan signs it
from the CLI; `periksa` confirms the signed file is intact.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from itertools import count
from pathlib import Path

from musrenbang_tui.app import MusrenbangApp
from musrenbang_tui.cli import main
from sesi.store import Store
from sesi.transaksi import Pelaku

USULAN = """id;kelurahan;prioritas_kelurahan;kegiatan;lokasi;volume;satuan;perkiraan_biaya;jenis;skpd;bidang
AU-1;Alalak Utara;1;Pembangunan jalan titian ulin;RT 05;700;m;1.050.000.000;fisik;Dinas PUPR;Infrastruktur
KU-1;Kuin Utara;1;Normalisasi saluran drainase;Jl. Kuin Utara;450;m;675.000.000;fisik;Dinas PUPR;Infrastruktur
AU-2;Alalak Utara;2;Pelatihan menjahit;Aula kelurahan;30;orang;90.000.000;non-fisik;Disperdagin;Ekonomi
KU-2;Kuin Utara;2;Pelatihan kue dan roti;Aula kelurahan;25;orang;62.500.000;non-fisik;Disperdagin;Ekonomi
"""

PESERTA = """nama,unsur,lembaga,kelurahan,jenis_kelamin,delegasi
Harun Camat,camat,Kecamatan Banjarmasin Utara,,L,tidak
Laila Lurah,lurah,Kelurahan Alalak Utara,Alalak Utara,P,tidak
Amir Delegasi,delegasi,LPMK Alalak Utara,Alalak Utara,L,ya
Bunga Delegasi,delegasi,Delegasi Alalak Utara,Alalak Utara,P,ya
Candra Delegasi,delegasi,LPMK Kuin Utara,Kuin Utara,L,ya
Dewi Delegasi,delegasi,Delegasi Kuin Utara,Kuin Utara,P,ya
Eko Absen,delegasi,Delegasi Kuin Utara,Kuin Utara,L,ya
"""

KRITERIA = """kode,nama,bobot
K1,Kesesuaian dengan rancangan awal RKPD,2
K2,Kepentingan lintas kelurahan,1
"""


def _jam():
    t0 = datetime(2027, 2, 9, 8, 0, 0)
    n = count()
    return lambda: t0 + timedelta(seconds=30 * next(n))


async def _tekan(pilot, *keys):
    for k in keys:
        await pilot.press(k)
    await pilot.pause()


async def _simpan_berita_acara(pilot, tombol: str, berkas: Path) -> None:
    """Ctrl+N to the Berita Acara screen, then save the document (m Markdown, x text) as `berkas`."""
    app = pilot.app
    await _tekan(pilot, "ctrl+n")
    assert app.current_mode == "berita_acara"
    await app.workers.wait_for_complete()
    await _tekan(pilot, tombol)
    app.screen.query_one("#f-berkas").value = str(berkas)
    await _tekan(pilot, "ctrl+s")


async def test_satu_sesi_dari_pendaftaran_sampai_berita_acara_disahkan(tmp_path: Path, capsys, hari_musrenbang):
    """The whole agenda by keyboard, ending in a signed, verifiable berita acara listing the agreed usulan."""
    berkas = tmp_path / "bju-2027.json"
    (tmp_path / "usulan.csv").write_text(USULAN, encoding="utf-8")
    (tmp_path / "peserta.csv").write_text(PESERTA, encoding="utf-8")
    (tmp_path / "kriteria.csv").write_text(KRITERIA, encoding="utf-8")
    assert main(["baru", str(berkas), "--kecamatan", "Banjarmasin Utara", "--kota", "Banjarmasin",
                 "--tahun", "2028", "--tanggal", "2027-02-09", "--tempat", "Aula Kantor Camat",
                 "--camat", "Harun Camat"]) == 0
    for jenis in ("usulan", "peserta", "kriteria"):
        # "Infrastruktur" is this session's own bidang: confirmed as new (issue 13: never a silent new bidang).
        baru = ["--bidang-baru", "Infrastruktur"] if jenis == "usulan" else []
        assert main(["impor", jenis, str(berkas), str(tmp_path / f"{jenis}.csv"), *baru]) == 0

    store = Store.buka(berkas, pelaku=Pelaku("operator", "operator"), clock=_jam())
    app = MusrenbangApp(store, layar="pendaftaran")
    async with app.run_test(size=(80, 24)) as pilot:
        # Pendaftaran: a few letters and Enter for everyone who came (Eko stays away).
        for nama in ("harun", "laila", "amir", "bunga", "candra", "dewi"):
            await _tekan(pilot, *nama, "enter")
        assert sum(p.hadir for p in app.data.peserta.values()) == 6

        # Pleno I: the notulen's first note.
        await _tekan(pilot, "ctrl+n")
        assert app.current_mode == "pleno1"
        await _tekan(pilot, *"Camat membuka Musrenbang", "enter")
        assert [c.teks for c in app.data.records("catatan").values()] == ["Camat membuka Musrenbang"]

        # Sidang Kelompok: one kelompok per bidang, members, a ketua by acclamation, verification.
        await _tekan(pilot, "ctrl+n")
        assert app.current_mode == "kelompok"
        await _tekan(pilot, "K", "y")  # forms two kelompok: asked first
        kelompok = [k for k in app.data.kelompok if not k.virtual]
        assert [k.nama for k in kelompok] == ["Infrastruktur", "Ekonomi"]
        anggota = {kelompok[0].id: ("amir", "candra", "laila"), kelompok[1].id: ("bunga", "dewi", "harun")}
        for i, kel in enumerate(kelompok):
            if i:
                await _tekan(pilot, "right_square_bracket")
            assert app.screen.kid == kel.id
            await _tekan(pilot, "1")
            for nama in anggota[kel.id]:
                await _tekan(pilot, "t")
                await _tekan(pilot, *nama, "enter")
            await _tekan(pilot, "2", "a")
            await _tekan(pilot, "enter")  # the first present member, by acclamation
            await _tekan(pilot, "3", "s", "s")  # both usulan of the kelompok: sesuai
        data = app.data
        for kel in kelompok:
            k = data.kelompok_dari_id(kel.id)
            assert len(data.anggota(kel.id)) == 3 and k.ketua
            assert k.pemilihan_untuk("ketua").metode == "aklamasi"
            assert all(u.status == "sesuai" for u in data.usulan_kelompok(kel.id))

        # Skoring: digits fill each row and move on; then the next kelompok.
        await _tekan(pilot, "ctrl+n")
        assert app.current_mode == "skoring"
        await _tekan(pilot, "4", "3", "5", "5")  # AU-1: K1 4, K2 3; KU-1: K1 5, K2 5
        await _tekan(pilot, "right_square_bracket")
        await _tekan(pilot, "3", "3", "3", "3")  # AU-2 and KU-2 tie exactly
        data = app.data
        from sesi.peringkat import peringkat_kelompok

        infra = peringkat_kelompok(data, kelompok[0].id)
        assert [b.usulan.id for b in infra.diperingkat] == ["KU-1", "AU-1"]
        ekonomi = peringkat_kelompok(data, kelompok[1].id)
        # equal totals, equal criteria, equal kelurahan priority (2): the lower cost (kue) comes first
        assert [b.usulan.id for b in ekonomi.diperingkat] == ["KU-2", "AU-2"]

        # Pleno II: agree both lists, name a delegate.
        await _tekan(pilot, "ctrl+n")
        assert app.current_mode == "pleno2"
        for i, kel in enumerate(kelompok):
            if i:
                await _tekan(pilot, "right_square_bracket")
            await _tekan(pilot, "s", "y")
        assert all(app.data.kelompok_dari_id(k.id).disepakati for k in kelompok)
        await _tekan(pilot, "d")
        await _tekan(pilot, *"bunga", "enter")
        assert [d.nama for d in app.data.records("delegasi").values()] == ["Bunga Delegasi"]

        # Berita acara: export Markdown from its screen.
        await _simpan_berita_acara(pilot, "m", tmp_path / "ba.md")
    ba = (tmp_path / "ba.md").read_text(encoding="utf-8")
    assert "RANCANGAN" in ba
    assert "dua ribu dua puluh tujuh" in ba
    lampiran_ii = ba[ba.index("LAMPIRAN II"):ba.index("LAMPIRAN III")]
    for kegiatan in ("Normalisasi saluran drainase", "Pembangunan jalan titian ulin", "Pelatihan kue dan roti",
                     "Pelatihan menjahit"):
        assert kegiatan in lampiran_ii
    assert lampiran_ii.index("Normalisasi saluran drainase") < lampiran_ii.index("Pembangunan jalan titian ulin")
    assert "Bunga Delegasi" in ba[ba.index("LAMPIRAN IV"):]

    # The pimpinan signs: refused while unsur present have no signatory (listed, nothing signed); signed
    # with a reason; the file is then locked and verifiably intact.
    capsys.readouterr()
    assert main(["sahkan", str(berkas), "--nama", "Harun Camat"]) == 1
    assert capsys.readouterr().err.startswith(
        "Masih terbuka:\n  - Unsur Lurah hadir tetapi belum mempunyai wakil penandatangan.\n"
        "  - Unsur Delegasi Kelurahan hadir tetapi belum mempunyai wakil penandatangan.\n")
    assert main(["sahkan", str(berkas), "--nama", "Harun Camat", "--tetap", "--alasan",
                 "Wakil lurah dan delegasi menandatangani di baris yang dikosongkan"]) == 0
    assert main(["periksa", str(berkas)]) == 0
    assert main(["impor", "peserta", str(berkas), str(tmp_path / "peserta.csv")]) == 1
    assert "disahkan" in capsys.readouterr().err.lower()
    assert main(["ekspor", "berita-acara", str(berkas), "--format", "md", "-o", str(tmp_path / "sah.md")]) == 0
    sah = (tmp_path / "sah.md").read_text(encoding="utf-8")
    assert "DISAHKAN" in sah and "RANCANGAN" not in sah.split("LAMPIRAN I")[0]


async def test_demo_melalui_setiap_tahap_dengan_papan_ketik(demo: Path, tmp_path: Path):
    """The demo session, stage by stage with Ctrl+N, one real action on each screen, every one saved."""
    berkas = demo
    store = Store.buka(berkas, pelaku=Pelaku("operator", "operator"), clock=_jam())
    awal = store.data.revisi
    app = MusrenbangApp(store, layar="persiapan")
    async with app.run_test(size=(80, 24)) as pilot:
        await _tekan(pilot, "ctrl+n")
        assert app.current_mode == "pendaftaran"
        belum = next(p for p in app.data.peserta.values() if not p.hadir)
        await _tekan(pilot, *belum.nama.lower(), "enter")
        assert app.data.peserta[belum.id].hadir

        await _tekan(pilot, "ctrl+n", *"Narasumber Bappedalitbang memaparkan RKPD 2028", "enter")
        assert app.current_mode == "pleno1"

        await _tekan(pilot, "ctrl+n")
        assert app.current_mode == "kelompok"
        kid = app.screen.kid
        await _tekan(pilot, "3", "s")
        assert any(u.status == "sesuai" for u in app.data.usulan_kelompok(kid))

        await _tekan(pilot, "ctrl+n")
        assert app.current_mode == "skoring"
        await _tekan(pilot, "5")
        assert app.data.riwayat_terakhir(1)[0]["aksi"] == "skor"

        await _tekan(pilot, "ctrl+n", "s", "y")
        assert app.current_mode == "pleno2"
        assert app.data.kelompok_dari_id(kid).disepakati

        await _simpan_berita_acara(pilot, "x", tmp_path / "ba.txt")
    assert Store.buka(berkas).data.revisi == awal + 5
    teks = (tmp_path / "ba.txt").read_text(encoding="utf-8")
    assert "KECAMATAN BANJARMASIN UTARA" in teks
