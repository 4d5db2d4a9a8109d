"""`musrenbang periksa` (issue 4): a whole file passes; a score changed by hand after signing, a broken history
chain, a damaged file and inconsistent references are each found and named, with exit status 1."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from skenario import buat_skenario, buat_skenario_belum_lengkap

from musrenbang_tui import cli
from sesi import kriteria, skor
from sesi.periksa import periksa


@pytest.fixture
def sah(tmp_path) -> str:
    return buat_skenario(str(tmp_path / "sesi.json"), sahkan=True).path


@pytest.fixture
def rancangan(tmp_path) -> str:
    return buat_skenario(str(tmp_path / "rancangan.json")).path


def _ganti(path: str, pola: str, ganti: str) -> None:
    """Edit the file as a person would in a text editor: replace exactly one occurrence."""
    text = Path(path).read_text(encoding="utf-8")
    baru, n = re.subn(pola, ganti, text)
    assert n == 1, f"{pola!r} ditemukan {n} kali"
    Path(path).write_text(baru, encoding="utf-8")


def _ubah_json(path: str, ubah) -> None:
    """Rewrite the file with a structural change (for references that are awkward to edit by regex)."""
    obj = json.loads(Path(path).read_text(encoding="utf-8"))
    ubah(obj)
    Path(path).write_text(json.dumps(obj, ensure_ascii=False), encoding="utf-8")


def test_berkas_utuh_tanpa_masalah(sah, rancangan, capsys):
    """A signed and a draft session built by the app have no problem; the summary says what the file holds."""
    for path in (sah, rancangan):
        masalah, ringkasan = periksa(path)
        assert masalah == []
        assert "Musrenbang Kecamatan Banjarmasin Utara" in ringkasan and "rantai utuh" in ringkasan
    assert "DISAHKAN (versi 1)" in periksa(sah)[1] and "cocok dengan isi berkas" in periksa(sah)[1]
    assert "RANCANGAN" in periksa(rancangan)[1]
    assert "Belum lengkap sebelum pengesahan" not in periksa(rancangan)[1]  # nothing open
    belum = buat_skenario_belum_lengkap(str(Path(rancangan).parent / "belum.json")).path
    assert "  - 1 usulan belum diverifikasi (U006)." in periksa(belum)[1]  # what is still open before signing
    assert cli.main(["periksa", sah]) == 0
    out = capsys.readouterr()
    assert "Tidak ada masalah." in out.out and out.err == ""


def test_nilai_diubah_tangan_setelah_disahkan(sah, capsys):
    """One score changed in the JSON with a text editor after signing: exit 1, the fingerprint mismatch is
    reported and the changed cell is named (usulan, criterion, its value now)."""
    _ganti(sah, r'("U001\|K2\|": \{"usulan": "U001", "kriteria": "K2", "nilai": )2\}', r"\g<1>5}")
    masalah, ringkasan = periksa(sah)
    assert any("berita acara telah diubah setelah disahkan" in m.lower() for m in masalah)
    assert "Setelah disahkan: nilai usulan U001 kriteria K2 (sekarang 5) diubah." in masalah
    assert "TIDAK cocok" in ringkasan
    assert cli.main(["periksa", sah]) == 1
    err = capsys.readouterr().err
    assert "nilai usulan U001 kriteria K2" in err and "masalah ditemukan" in err


def test_perubahan_tangan_yang_tidak_mengubah_teks_tetap_ditemukan(sah):
    """A hand edit the printed document does not show (a phone number) still breaks the fingerprint, and the
    replayed history names the field."""
    _ubah_json(sah, lambda obj: obj["peserta"]["P0006"].update(telepon="0811"))
    masalah, _ = periksa(sah)
    assert any("telah diubah setelah disahkan" in m for m in masalah)
    assert any("peserta P0006 (Rudiansyah) diubah" in m for m in masalah)
    assert ('Data tidak sesuai dengan riwayat: tabel peserta, data P0006, kolom telepon: berkas "0811", menurut '
            'riwayat "".') in masalah


def test_rekaman_ditambah_atau_dihapus_setelah_disahkan(sah):
    def ubah(obj):
        del obj["usulan"]["U004"]
        obj["skor"]["U008|K1|Tamu"] = {"usulan": "U008", "kriteria": "K1", "nilai": 5, "penilai": "Tamu"}
    _ubah_json(sah, ubah)
    masalah, _ = periksa(sah)
    assert "Setelah disahkan: usulan U004 dihapus." in masalah
    assert "Setelah disahkan: nilai usulan U008 kriteria K1 oleh Tamu (sekarang 5) ditambahkan." in masalah


def test_rantai_riwayat_rusak(rancangan, capsys):
    """An entry of the history edited by hand breaks the hash chain; periksa names the entry."""
    _ganti(rancangan, r'("aksi": "hadir", "objek": "P0006", "lama": )false', r"\g<1>true")
    masalah, ringkasan = periksa(rancangan)
    assert len(masalah) == 1 and "telah diubah di luar aplikasi" in masalah[0] and "(hadir)" in masalah[0]
    assert "rantai RUSAK" in ringkasan
    assert cli.main(["periksa", rancangan]) == 1


def test_entri_riwayat_dihapus(rancangan):
    """A history entry deleted by hand: the chain says where, and the replay names the records it had added
    (the three kelurahan, which no later entry writes again)."""
    def ubah(obj):
        del obj["riwayat"]["0000005"]
    _ubah_json(rancangan, ubah)
    masalah, _ = periksa(rancangan)
    assert "tidak berurutan" in masalah[0]
    for kl in ("KL01", "KL02", "KL03"):
        assert (f"Data tidak sesuai dengan riwayat: tabel kelurahan, data {kl}: ada di berkas tetapi tidak tercatat "
                "di riwayat.") in masalah


def test_sidik_jari_disesuaikan_tangan_ketahuan_dari_riwayat(sah):
    """Whoever edits a score and then writes the new fingerprint into the file still disagrees with the
    signing entry of the history, and with the replayed history."""
    from sesi import sidik_jari as sj
    from sesi.pengesahan import rincian

    def ubah(obj):
        obj["skor"]["U001|K2|"]["nilai"] = 5
        tables = {k: v for k, v in obj.items() if k != "_meta"}
        disahkan = obj["sesi"]["info"]["disahkan"]
        disahkan["sidik_jari"] = sj.sidik_sekarang(tables)
        disahkan["rincian"] = rincian(tables)
    _ubah_json(sah, ubah)
    masalah, _ = periksa(sah)
    assert "Data tidak sesuai dengan riwayat: tabel skor, data U001|K2|, kolom nilai: berkas 5, menurut riwayat 2." \
        in masalah
    assert any(m.startswith("Data tidak sesuai dengan riwayat: tabel sesi, data info, kolom disahkan.sidik_jari:")
               for m in masalah)
    assert masalah[-1] == ("Sidik jari pengesahan tidak sama dengan yang tercatat di riwayat (entri "
                           f"{len(json.loads(Path(sah).read_text())['riwayat']):07d}).")


def test_berkas_rusak_satu_masalah(tmp_path, capsys):
    path = tmp_path / "rusak.json"
    path.write_text('{"_meta": {"format": "musrenbang-tui", "skema": 1, "revisi": 3}, "usulan": {', encoding="utf-8")
    masalah, ringkasan = periksa(str(path))
    assert len(masalah) == 1 and "rusak" in masalah[0] and "JSON tidak sah" in masalah[0]
    assert "tidak dapat dibuka" in ringkasan
    assert cli.main(["periksa", str(path)]) == 1
    masalah, _ = periksa(str(tmp_path / "tidak-ada.json"))
    assert len(masalah) == 1 and "tidak ditemukan" in masalah[0]


def test_acuan_yang_tidak_ada_dan_aturan(rancangan):
    """References and rules a hand edit or another tool can break are each reported."""
    def ubah(obj):
        obj["skor"]["U404|K1|"] = {"usulan": "U404", "kriteria": "K1", "nilai": 3}
        obj["skor"]["U001|K9|"] = {"usulan": "U001", "kriteria": "K9", "nilai": 3}
        obj["skor"]["U002|K1|"]["nilai"] = 9
        obj["usulan"]["U005"]["digabung_ke"] = "U777"
        obj["usulan"]["U004"]["alasan"] = ""
        obj["penandatangan"]["tokoh_masyarakat"] = {"id": "tokoh_masyarakat", "unsur": "tokoh_masyarakat",
                                                    "nama": "Abdul Gani", "jabatan": "", "peserta": "P0017"}
        obj["kelompok"]["KEL01"]["ketua"] = "P0002"  # not a member of the kelompok
        obj["delegasi"]["D01"]["peserta"] = "P0999"
        obj["peserta"]["P0005"]["unsur"] = "alien"
    _ubah_json(rancangan, ubah)
    masalah, _ = periksa(rancangan)
    teks = "\n".join(masalah)
    for harapan in ("Skor U404|K1|: usulan U404 tidak ada.",
                    "Skor U001|K9|: kriteria K9 tidak ada.",
                    "Skor usulan U002 kriteria K1: nilai 9 di luar skala 1-5.",
                    "Usulan U005: digabung ke U777, yang tidak ada.",
                    "Usulan U004: berstatus ditolak tanpa alasan.",
                    "Penandatangan unsur Tokoh Masyarakat (Abdul Gani) ditetapkan, padahal tidak ada peserta unsur "
                    "itu yang hadir.",
                    "Kelompok Infrastruktur dan Kewilayahan: ketua Hj. Nurul Aini, S.Sos. bukan anggota kelompok ini.",
                    "Delegasi D01: peserta P0999 tidak ada.",
                    "Peserta P0005 (Arbani): unsur 'alien' tidak dikenal."):
        assert harapan in masalah, f"tidak dilaporkan: {harapan}\n{teks}"


def test_jenis_data_salah(rancangan):
    """A field typed wrong by hand ("urutan": "3") is named instead of crashing the document: the store
    refuses the file when loading it, naming table, record, field and the value written."""
    _ubah_json(rancangan, lambda obj: obj["usulan"]["U003"].update(urutan="3"))
    masalah, _ = periksa(rancangan)
    assert masalah == [f"Berkas {rancangan} bukan berkas sesi yang sah: tabel 'usulan', data 'U003': kolom "
                       "'urutan' harus bilangan bulat, tertulis '3'. Berkas tidak diubah."]



def test_skor_dibaca_pada_set_kriteria_usulannya(store, bantu):
    """A session with a fisik set (K1) and a non-fisik set (P1): N's score on P1 is sound, though P1 is not
    in the default set (periksa once reported "kriteria P1 tidak ada"); F's score on P1, written by hand, is
    reported, in the words of F's set."""
    bantu.lakukan(kriteria.simpan_kriteria, "K1", "Kondisi kerusakan", "1", 0, 100, baru=True, jenis="fisik")
    bantu.lakukan(kriteria.simpan_kriteria, "P1", "Kelompok sasaran rentan", "1", 1, 10, baru=True,
                  jenis="non-fisik")
    f, n = bantu.usulan("F", jenis="fisik"), bantu.usulan("N", jenis="non-fisik")
    bantu.lakukan(skor.atur_skor, f, "K1", 80)
    bantu.lakukan(skor.atur_skor, n, "P1", 6)
    masalah, _ = periksa(store.path)
    assert masalah == []
    store.padatkan()  # edited by hand in a closed session: the file alone is the whole session

    def ubah(obj):
        obj["skor"][f"{f}|P1|"] = {"usulan": f, "kriteria": "P1", "nilai": 50}
        obj["skor"][f"{n}|P1|"]["nilai"] = 50
    _ubah_json(store.path, ubah)
    masalah, _ = periksa(store.path)
    assert f"Skor {f}|P1|: kriteria P1 tidak ada dalam set kriteria usulan {f}." in masalah
    assert f"Skor usulan {n} kriteria P1: nilai 50 di luar skala 1-10." in masalah
    assert not any("kriteria K1" in m or f"{n}|P1|: kriteria" in m for m in masalah)
