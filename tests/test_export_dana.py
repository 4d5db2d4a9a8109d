"""`musrenbang ekspor peringkat` with the sumber dana and harga satuan of each usulan (issue 11, item 4;
sesi/export.py): worded as the session words them (kota: "APBD Kota", "Dana Kelurahan"; kabupaten with
desa: "APBD Kabupaten", "Dana Desa"), the harga satuan where given, the csv still safe from formulas and
still importing back into its session unchanged; the txt in 80 columns with no amount broken.
"""

from __future__ import annotations

import csv
import io
import re

from sesi.export import md_sel, peringkat
from sesi.impor import impor
from sesi.store import Pelaku, Store
from sesi.teks_tabel import LEBAR, lebar_teks
from skenario import buat_skenario
from skenario_desa import buat_skenario_desa


def baca(teks: str) -> dict[str, dict[str, str]]:
    return {r["usulan_id"]: r for r in csv.DictReader(io.StringIO(teks))}


def test_csv_sumber_dana_dan_harga_satuan(tmp_path):
    data = buat_skenario(str(tmp_path / "sesi.json")).data
    rows = baca(peringkat(data, "csv"))
    assert (rows["U003"]["sumber_dana"], rows["U003"]["harga_satuan"]) == ("APBD Kota", "8500000")
    assert rows["U005"]["sumber_dana"] == "APBD Kota" and rows["U005"]["harga_satuan"] == ""
    assert {r["sumber_dana"] for r in rows.values()} >= {"APBD Kota", "APBN"}


def test_kabupaten_desa_dengan_sebutannya(tmp_path):
    data = buat_skenario_desa(str(tmp_path / "dyl.json")).data
    rows = baca(peringkat(data, "csv"))
    sumber = {r["sumber_dana"] for r in rows.values()}
    assert "APBD Kabupaten" in sumber and not any("Kota" in s or "Kelurahan" in s for s in sumber)
    assert "APBD Kabupaten" in peringkat(data, "md") and "APBD Kabupaten" in peringkat(data, "txt")


def test_md_dan_txt_kolom_sumber_dana_dan_harga_satuan(tmp_path):
    data = buat_skenario(str(tmp_path / "sesi.json")).data
    md = peringkat(data, "md")
    kepala = next(x for x in md.splitlines() if x.startswith("| Peringkat"))
    assert [c.strip() for c in kepala.strip("|").split("|")][5:8] == ["Sumber Dana", "Harga Satuan", "Total"]
    assert "Rp8.500.000" in md and md_sel("Dana Kelurahan") in md
    txt = peringkat(data, "txt")
    lines = txt.splitlines()
    assert max(lebar_teks(x) for x in lines) <= LEBAR
    assert "Harga Satuan : Rp8.500.000" in lines and "Sumber Dana  : APBD Kota" in lines
    for jumlah in ("Rp8.500.000", "Rp1.500.000", "Rp150.000.000", "Rp3.000.000"):
        assert re.search(rf"(?<!\S){re.escape(jumlah)}(?!\S)", txt), jumlah


def test_teks_lama_dan_rumus_di_sumber_dana_aman(tmp_path):
    """A session file from before the vocabulary may hold any text as sumber dana, even a formula: the csv
    gives the source it counts as (CSR/lainnya), md and txt show the old text beside it, literally."""
    store = buat_skenario(str(tmp_path / "sesi.json"))
    with store.transaksi() as tx:
        tx.put("usulan", "U003", dict(tx.get("usulan", "U003"), sumber_dana='=HYPERLINK("http://x";"DAK")'))
    data = store.data
    rows = baca(peringkat(data, "csv"))
    assert rows["U003"]["sumber_dana"] == "CSR/lainnya"
    assert all(not v.startswith(("=", "+", "-", "@")) for r in rows.values() for v in r.values() if v)
    assert 'CSR/lainnya (=HYPERLINK("http://x";"DAK"))' in " ".join(peringkat(data, "txt").split())
    assert md_sel('CSR/lainnya (=HYPERLINK("http://x";"DAK"))') in peringkat(data, "md")


def test_csv_diimpor_kembali_tanpa_mengubah(demo, tmp_path):
    """The export imports back into its session (docs/impor.md): sumber dana and harga satuan read as stored."""
    store = Store(demo, pelaku=Pelaku("Operator", "operator"))
    ids = list(store.muat().usulan)[:3]
    with store.transaksi() as tx:
        for uid, (sumber, harga) in zip(ids, (("apbd_daerah", "1500000"), ("dana_wilayah", ""), ("apbn", "2500.5"))):
            tx.put("usulan", uid, dict(tx.get("usulan", uid), sumber_dana=sumber, harga_satuan=harga))
    berkas = tmp_path / "peringkat.csv"
    berkas.write_text(peringkat(store.muat(), "csv"), encoding="utf-8")
    rows = baca(berkas.read_text(encoding="utf-8"))
    assert [(rows[i]["sumber_dana"], rows[i]["harga_satuan"]) for i in ids] == [
        ("APBD Kota", "1500000"), ("Dana Kelurahan", ""), ("APBN", "2500.5")]
    sebelum = {u.id: u for u in store.muat().usulan.values()}
    hasil = impor(store, "usulan", berkas)
    assert (hasil.baru, hasil.diperbarui) == (0, 0) and hasil.jumlah == len(sebelum)
    assert {u.id: u for u in store.muat().usulan.values()} == sebelum
