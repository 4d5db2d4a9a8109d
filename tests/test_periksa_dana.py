"""`musrenbang periksa` and older sumber dana text (issue 11; sesi/periksa.py `catatan_sumber_dana`): a value
stored before the vocabulary is a note in the summary, never a problem (such files still open and read,
sesi/dana.py `sumber_usulan`; a signed one still matches its paper)."""

from __future__ import annotations

import shutil
from pathlib import Path

from musrenbang_tui import cli
from sesi.periksa import periksa
from sesi.sidik_jari import baca_kode
from skenario import buat_skenario

DATA = Path(__file__).parent / "data"


def test_teks_lama_menjadi_catatan_bukan_masalah(tmp_path, capsys):
    path = tmp_path / "lama.json"
    shutil.copy(DATA / "skema-3-usulan-sah.json", path)  # U001 "APBD Kota", U002 "DAK" (free text, signed)
    masalah, ringkas = periksa(str(path), sidik_jari=baca_kode("96F6-14C2-3121-0FFC"))
    assert masalah == []
    assert ('Catatan: sumber dana usulan U002 tersimpan sebagai teks lama "DAK", bukan salah satu dari 5 sumber; '
            "dibaca sebagai CSR/lainnya.") in ringkas.splitlines()
    assert "Catatan: 1 usulan menyimpan sumber dana sebagai teks lama yang dikenali" in ringkas
    assert "U001" not in ringkas
    assert cli.main(["periksa", str(path)]) == 0
    assert "teks lama \"DAK\"" in capsys.readouterr().out


def test_sesi_dengan_kunci_tanpa_catatan(tmp_path):
    path = str(tmp_path / "sesi.json")
    buat_skenario(path)
    masalah, ringkas = periksa(path)
    assert masalah == [] and "sumber dana" not in ringkas


def test_teks_lama_banyak_dihitung_dan_kendali_tampak(tmp_path):
    path = str(tmp_path / "sesi.json")
    store = buat_skenario(path)
    ids = list(store.data.usulan)
    with store.transaksi() as tx:
        for i, uid in enumerate(ids):
            tx.put("usulan", uid, dict(tx.get("usulan", uid), sumber_dana=f"DAK\x1b[2J {i}"))
    _, ringkas = periksa(path)
    baris = [x for x in ringkas.splitlines() if "sumber dana" in x]
    assert len(baris) == min(len(ids), 20) + (len(ids) > 20)
    assert "\x1b" not in ringkas and "<ESC>[2J" in baris[0]
