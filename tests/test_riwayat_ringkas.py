"""The history held as text (issue 16, "Memory"; sesi/riwayat_ringkas.py): a session read from its file
holds `raw["riwayat"]` as a `TabelRiwayat`, which behaves as the plain dict of entries, and reading it
checks every entry as strictly as the whole-file parse."""

from __future__ import annotations

import copy
import json
import re

import pytest
from helpers_store import buat_store

from sesi import catatan, json_baris
from sesi.errors import BerkasRusak
from sesi.riwayat_ringkas import TabelRiwayat, salin_tabel
from sesi.store import Store


@pytest.fixture
def berkas(tmp_path):
    path = tmp_path / "sesi.json"
    store = buat_store(path, n_usulan=4, n_peserta=6)
    assert store.tutup()
    return path


def _biasa(path) -> dict:
    """The history as a plain parse of the file gives it."""
    return json.loads(path.read_bytes())["riwayat"]


def test_history_read_as_text_equals_the_plain_parse(berkas):
    hist = Store.buka(berkas).data.raw["riwayat"]
    biasa = _biasa(berkas)
    assert type(hist) is TabelRiwayat and isinstance(hist, dict)
    assert len(hist) == len(biasa) > 3
    assert list(hist) == list(biasa) and list(reversed(hist)) == list(reversed(biasa))
    assert hist == biasa and biasa == hist and dict(hist) == biasa and type(dict(hist)) is dict
    assert list(hist.values()) == list(biasa.values())
    assert list(reversed(hist.values())) == list(reversed(biasa.values()))
    assert list(hist.items()) == list(biasa.items())
    last = next(reversed(biasa))
    assert hist[last] == hist.get(last) == biasa[last] and hist.get("tidak ada") is None
    assert json.dumps(hist) == json.dumps(biasa)
    assert json.dumps(hist, sort_keys=True, indent=1) == json.dumps(biasa, sort_keys=True, indent=1)
    assert copy.deepcopy(hist) == biasa and {**hist} == biasa


def test_snapshot_bytes_unchanged_by_the_text_form(berkas):
    """Encoding reuses each entry's text: the file a compaction writes is byte for byte what encoding
    the plain parse gives."""
    store = Store.buka(berkas)
    with store.transaksi() as tx:
        catatan.tambah_catatan(tx, "uji pertama")
    with store.transaksi() as tx:
        catatan.tambah_catatan(tx, "uji kedua")
    assert store.tutup()
    payload = berkas.read_bytes()
    obj = json.loads(payload)
    meta = obj.pop("_meta")
    assert json_baris.encode(meta, obj) == payload
    assert type(Store.buka(berkas).data.raw["riwayat"]) is TabelRiwayat


def test_a_transaction_copies_the_history_without_changing_the_data_it_started_from(berkas):
    store = Store.buka(berkas)
    lama = store.data
    hist_lama = lama.raw["riwayat"]
    n = len(hist_lama)
    with store.transaksi() as tx:
        catatan.tambah_catatan(tx, "uji")
        tx.catat("uji", "sesi", None, ("a", 1))
    hist = store.data.raw["riwayat"]
    assert type(hist) is TabelRiwayat and hist is not hist_lama
    assert len(hist_lama) == n and len(hist) == n + 2  # tambah_catatan records one entry too
    assert hist[next(reversed(hist))]["aksi"] == "uji"
    # A second reader follows the journal line onto its own copy.
    pembaca = Store.buka(berkas)
    assert pembaca.data.raw["riwayat"] == hist
    assert pembaca.data.raw["riwayat"][next(reversed(hist))]["baru"] == ["a", 1]


def test_salin_tabel_shares_nothing_mutable():
    t = TabelRiwayat({"0000001": {"a": 1}})
    s = salin_tabel(t)
    s["0000002"] = {"b": 2}
    s.pop("0000001")
    assert list(t) == ["0000001"] and list(s) == ["0000002"] and t["0000001"] == {"a": 1}
    assert salin_tabel({"x": 1}) == {"x": 1}


def _ganti_baris(path, nomor_entri: str, ganti) -> int:
    """Apply `ganti` to the text of one history line; return its line number (1-based)."""
    baris = path.read_bytes().split(b"\n")
    for i, b in enumerate(baris):
        if b.startswith(b'  "' + nomor_entri.encode() + b'": ') and i > 0:
            baris[i] = ganti(b)
            path.write_bytes(b"\n".join(baris))
            return i + 1
    raise AssertionError("baris tidak ditemukan")


def test_a_malformed_history_entry_is_named_at_open(berkas):
    _ganti_baris(berkas, "0000003", lambda b: re.sub(rb'"waktu": "[^"]*"', b'"waktu": 5', b))
    with pytest.raises(BerkasRusak) as e:
        Store.buka(berkas)
    assert "tabel 'riwayat', data '0000003': kolom 'waktu'" in str(e.value)


def test_a_history_entry_without_its_hash_is_named_at_open(berkas):
    _ganti_baris(berkas, "0000002", lambda b: re.sub(rb', "hash": "[0-9a-f]*"', b"", b))
    with pytest.raises(BerkasRusak) as e:
        Store.buka(berkas)
    assert "tabel 'riwayat', data '0000002': kolom 'hash' tidak ada" in str(e.value)


def test_broken_json_in_a_history_line_is_reported_at_its_line(berkas):
    no = _ganti_baris(berkas, "0000002", lambda b: b.replace(b'"aksi": "', b'"aksi": x"', 1))
    with pytest.raises(BerkasRusak) as e:
        Store.buka(berkas)
    assert f"JSON tidak sah di baris {no} " in str(e.value)


def test_nan_in_a_history_line_is_refused(berkas):
    _ganti_baris(berkas, "0000002", lambda b: re.sub(rb'"lama": [^,]*,', b'"lama": NaN,', b, count=1))
    with pytest.raises(BerkasRusak) as e:
        Store.buka(berkas)
    assert "NaN" in str(e.value)


def test_a_file_in_another_layout_reads_the_same(berkas):
    """A file written by hand or by another tool (indented JSON) is read the ordinary way, to the same
    session."""
    sebelum = Store.buka(berkas).data.raw
    obj = json.loads(berkas.read_bytes())
    berkas.write_text(json.dumps(obj, indent=2, ensure_ascii=False), encoding="utf-8")
    sesudah = Store.buka(berkas).data.raw
    assert type(sesudah["riwayat"]) is TabelRiwayat
    assert dict(sesudah) == dict(sebelum)


def test_two_entries_on_one_line_read_as_the_plain_parse(berkas):
    """Two history entries on one line (edited by hand): the layout is not the app's, so the file is
    read the ordinary way."""
    baris = berkas.read_bytes().split(b"\n")
    i = next(i for i, b in enumerate(baris) if b.startswith(b'  "0000002": '))
    baris[i:i + 2] = [baris[i] + b" " + baris[i + 1].lstrip()]
    berkas.write_bytes(b"\n".join(baris))
    assert Store.buka(berkas).data.raw["riwayat"] == _biasa(berkas)


def test_hash_of_an_entry_is_what_parsing_it_gives(berkas):
    hist = Store.buka(berkas).data.raw["riwayat"]
    biasa = _biasa(berkas)
    assert [hist.hash(k) for k in hist] == [e["hash"] for e in biasa.values()]
    t = TabelRiwayat._dari_teks({"1": '{"hash": "' + "a" * 64 + '", "b": {"hash": "' + "b" * 64 + '"}}',
                                 "2": '{"b": 1, "hash": "' + "c" * 64 + '"}', "3": '{"b": 1}'})
    assert (t.hash("1"), t.hash("2"), t.hash("3")) == ("a" * 64, "c" * 64, None)
