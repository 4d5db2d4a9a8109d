"""The session journal (issue 16 item 2, sesi/jurnal.py): other terminals follow only the new lines, and
whenever the journal does not fit (a writer killed before appending, a torn or forged line, a rotated or
emptied journal, no journal at all) they read the snapshot, so they always end with exactly what a fresh
full read gives, key order included."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import zlib

import pytest
from helpers_store import buat_store, env_anak

import sesi.berkas as berkas_mod
import sesi.store as store_mod
from sesi import catatan, pendaftaran, skor
from sesi.jurnal import buat_baris, jejak
from sesi.store import Store
from sesi.transaksi import Pelaku


def sama_dengan_disk(data, path) -> None:
    """`data` equals a fresh full read of `path`: records, revision, and the order of every table."""
    segar = Store.buka(path).data
    assert data.revisi == segar.revisi
    assert data.raw == segar.raw
    assert {t: list(v) for t, v in data.raw.items()} == {t: list(v) for t, v in segar.raw.items()}


def nilai(store: Store, n: int, uid: str = "U001") -> None:
    with store.transaksi() as tx:
        skor.atur_skor(tx, uid, "K1", n)


@pytest.fixture
def dua(tmp_path):
    """A writer and a reader (another terminal) on one session."""
    path = tmp_path / "sesi.json"
    penulis = buat_store(path)
    pembaca = Store.buka(path, pelaku=Pelaku("Layar", "tayang"))
    return penulis, pembaca


def test_reader_follows_the_journal_without_reading_the_file(dua):
    penulis, pembaca = dua
    lama = pembaca.data
    penuh = pembaca.baca_penuh
    for n in (1, 2, 3):
        nilai(penulis, n)
    with penulis.transaksi() as tx:
        catatan.tambah_catatan(tx, "Usulan U001 dibahas.")
    data = pembaca.muat()
    assert (pembaca.baca_penuh, pembaca.baca_jurnal) == (penuh, 1)
    sama_dengan_disk(data, penulis.path)
    ubah = pembaca.perubahan_sejak(lama)
    assert ubah is not None and ubah["skor"] == {"U001|K1|"} and ubah["catatan"] == {"C0002"}
    assert len(ubah["riwayat"]) == 4
    assert pembaca.perubahan_sejak(data) == {}


def test_writer_catches_up_through_the_journal(dua):
    penulis, pembaca = dua
    lain = Store.buka(penulis.path, pelaku=Pelaku("Notulen", "notulen"))
    nilai(penulis, 4)
    with lain.transaksi() as tx:
        catatan.tambah_catatan(tx, "Catatan notulen.")
    assert lain.baca_penuh == 1 and lain.baca_jurnal == 1
    sama_dengan_disk(lain.data, penulis.path)
    assert pembaca.muat().revisi == lain.data.revisi and pembaca.baca_penuh == 1


def test_deleted_and_put_back_keeps_the_writers_order(dua):
    """A record deleted and put back in one transaction moves to the end of its table: the reader too."""
    penulis, pembaca = dua
    with penulis.transaksi() as tx:
        for i in range(3):
            catatan.tambah_catatan(tx, f"catatan {i}")
    pembaca.muat()
    with penulis.transaksi() as tx:
        rec = dict(tx.get("catatan", "C0002"))
        tx.delete("catatan", "C0002")
        tx.put("catatan", "C0002", dict(rec, teks="dipindah"))
        tx.put("catatan", "C0003", dict(tx.get("catatan", "C0003"), teks="diubah"))
    data = pembaca.muat()
    assert pembaca.baca_penuh == 1
    assert list(data.raw["catatan"])[-1] == "C0002"
    sama_dengan_disk(data, penulis.path)


def test_killed_between_snapshot_and_journal(dua):
    """kill -9 after the snapshot is in place and before the journal line: nothing is lost, readers read
    the snapshot once and then follow the journal again."""
    penulis, pembaca = dua
    kode = (
        "import os, signal, sys\n"
        "import sesi.store as s\n"
        "from sesi import skor\n"
        "s.tambah_jurnal = lambda *a, **k: os.kill(os.getpid(), signal.SIGKILL)\n"
        "st = s.Store.buka(sys.argv[1])\n"
        "with st.transaksi() as tx:\n"
        "    skor.atur_skor(tx, 'U002', 'K2', 3)\n"
    )
    p = subprocess.run([sys.executable, "-c", kode, penulis.path], env=env_anak(), capture_output=True,
                       timeout=60)
    assert p.returncode == -signal.SIGKILL, p.stderr
    data = pembaca.muat()
    assert data.raw["skor"]["U002|K2|"]["nilai"] == 3  # the snapshot had it
    assert pembaca.baca_penuh == 2
    sama_dengan_disk(data, penulis.path)
    nilai(penulis, 5)  # catches up by reading the snapshot, then appends a line that continues it
    sama_dengan_disk(pembaca.muat(), penulis.path)
    assert pembaca.baca_penuh == 2 and pembaca.baca_jurnal == 1


def test_torn_line_falls_back_and_the_next_line_is_whole(dua):
    penulis, pembaca = dua
    nilai(penulis, 1)
    baris = buat_baris(99, 98, "x", penulis.data.raw, {"skor": {"U001|K1|"}}, 1)
    with open(penulis.jurnal_path, "ab") as f:  # a writer killed mid-append
        f.write(baris[: len(baris) // 2])
    nilai(penulis, 2)
    data = pembaca.muat()
    sama_dengan_disk(data, penulis.path)
    nilai(penulis, 3)  # after the torn bytes, closed by a newline: whole again
    with open(penulis.jurnal_path, "rb") as f:
        assert f.read().endswith(b"\n")
    jurnal = pembaca.baca_jurnal
    sama_dengan_disk(pembaca.muat(), penulis.path)
    assert pembaca.baca_jurnal == jurnal + 1


def _palsu(obj: dict) -> bytes:
    body = json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode()
    return body + b"\t" + b"%08x" % zlib.crc32(body) + b"\n"


def test_forged_lines_are_never_applied(dua):
    """Lines written by someone else in the shared folder, with a right checksum: an invalid record, a
    revision the snapshot does not have, the right revision with other content. The reader ends with what
    the snapshot says every time."""
    penulis, pembaca = dua
    data0 = pembaca.data
    dasar = {"dari": data0.revisi, "rev": data0.revisi + 1, "skema": 3, "jejak_dari": jejak(data0.raw),
             "ekor": {}}
    # ahead of the snapshot: ignored (the snapshot still names the old revision)
    with open(penulis.jurnal_path, "ab") as f:
        f.write(_palsu({**dasar, "jejak": "a" * 64, "ukuran": 1,
                        "ubah": {"skor": {"U001|K1|": {"usulan": "U001", "kriteria": "K1", "nilai": 5}}}}))
    assert pembaca.muat() is data0
    # an invalid record, then a real write of the same revision: refused, the snapshot is read
    with open(penulis.jurnal_path, "ab") as f:
        f.write(_palsu({**dasar, "jejak": "b" * 64, "ukuran": 1,
                        "ubah": {"skor": {"U001|K1|": {"usulan": "U001", "kriteria": "K1", "nilai": 999}}}}))
    Store.buka(penulis.path)  # (a fresh writer, so its journal position is past the forged lines)
    nilai(Store.buka(penulis.path), 2)
    data = pembaca.muat()
    assert data.raw["skor"]["U001|K1|"]["nilai"] == 2
    sama_dengan_disk(data, penulis.path)


def test_forged_valid_line_with_other_content_is_caught_by_the_snapshot(dua):
    penulis, pembaca = dua
    data0 = pembaca.data
    palsu = dict(data0.raw["skor"].get("U001|K1|") or {"usulan": "U001", "kriteria": "K1"}, nilai=1)
    nilai(penulis, 4)
    # a forged line placed before the real one, continuing the reader's state, with a valid record
    asli = open(penulis.jurnal_path, "rb").read()
    baris_asli = asli.splitlines(keepends=True)[-1]
    obj = json.loads(baris_asli.rsplit(b"\t", 1)[0])
    obj["ubah"]["skor"]["U001|K1|"] = palsu
    with open(penulis.jurnal_path, "wb") as f:
        f.write(asli[: len(asli) - len(baris_asli)] + _palsu(obj) + baris_asli)
    data = pembaca.muat()
    # the history hash of the forged state is not the one the line claims: the snapshot is read
    assert data.raw["skor"]["U001|K1|"]["nilai"] == 4
    sama_dengan_disk(data, penulis.path)


def test_rotation_keeps_readers_that_are_one_line_behind(dua, monkeypatch):
    penulis, pembaca = dua
    jauh = Store.buka(penulis.path)
    nilai(penulis, 1)
    pembaca.muat()
    monkeypatch.setattr(store_mod, "BATAS_JURNAL", 1)  # every append replaces the journal
    ino = os.stat(penulis.jurnal_path).st_ino
    nilai(penulis, 2)
    assert os.stat(penulis.jurnal_path).st_ino != ino
    assert open(penulis.jurnal_path, "rb").read().count(b"\n") == 1
    penuh = pembaca.baca_penuh
    sama_dengan_disk(pembaca.muat(), penulis.path)
    assert pembaca.baca_penuh == penuh  # one line behind: followed into the new journal
    sama_dengan_disk(jauh.muat(), penulis.path)  # two behind: the first line is gone, snapshot read
    assert jauh.baca_penuh == 2


def test_pulihkan_empties_the_journal(dua):
    penulis, pembaca = dua
    nilai(penulis, 1)
    nilai(penulis, 2)
    penulis.pulihkan()
    assert open(penulis.jurnal_path, "rb").read() == b""
    sama_dengan_disk(pembaca.muat(), penulis.path)
    nilai(penulis, 3)
    sama_dengan_disk(pembaca.muat(), penulis.path)


def test_session_without_journal_and_a_copied_file(dua, tmp_path):
    penulis, pembaca = dua
    nilai(penulis, 1)
    os.unlink(penulis.jurnal_path)
    nilai(penulis, 2)  # creates it again
    sama_dengan_disk(pembaca.muat(), penulis.path)
    salinan = tmp_path / "salinan"
    salinan.mkdir()
    path = salinan / "sesi.json"
    path.write_bytes(open(penulis.path, "rb").read())
    s = Store.buka(path)
    nilai(s, 3)
    assert s.data.raw["skor"]["U001|K1|"]["nilai"] == 3
    assert os.path.exists(str(path) + ".jurnal")


def test_journal_gets_the_session_files_mode(tmp_path):
    s = buat_store(tmp_path / "sesi.json")
    os.chmod(s.path, 0o660)
    nilai(s, 1)
    assert stat.S_IMODE(os.stat(s.jurnal_path).st_mode) == 0o660


@pytest.mark.parametrize("op", ["open", "write", "fsync"])
def test_failed_append_keeps_the_transaction(dua, monkeypatch, op):
    """The snapshot already holds the change: a failed journal append is not a failed save; readers read
    the snapshot, and the next transaction appends again."""
    penulis, pembaca = dua

    def gagal(*a, **k):
        raise OSError(5, "Input/output error")

    with monkeypatch.context() as mp:
        mp.setattr(berkas_mod.io_jurnal, op, gagal)
        nilai(penulis, 3)
    assert Store.buka(penulis.path).data.raw["skor"]["U001|K1|"]["nilai"] == 3
    sama_dengan_disk(pembaca.muat(), penulis.path)
    nilai(penulis, 4)
    jurnal = pembaca.baca_jurnal
    sama_dengan_disk(pembaca.muat(), penulis.path)
    assert pembaca.baca_jurnal == jurnal + 1


def test_large_transaction_writes_a_marker_line(dua, monkeypatch):
    penulis, pembaca = dua
    monkeypatch.setattr("sesi.jurnal.BATAS_BARIS", 100)
    with penulis.transaksi() as tx:
        for pid in list(tx.table("peserta"))[:5]:
            pendaftaran.hadir(tx, pid)
    terakhir = open(penulis.jurnal_path, "rb").read().splitlines()[-1]
    assert b'"penuh":true' in terakhir and b'"ubah"' not in terakhir
    sama_dengan_disk(pembaca.muat(), penulis.path)


async def test_app_gets_another_terminals_change_with_what_changed(demo):
    """The watcher catches up through the journal, and the active screen's DataBerubah names the records
    another terminal changed (so it repaints only those), as for this terminal's own saves."""
    from musrenbang_tui.app import MusrenbangApp
    from screens.kontrak import DataBerubah

    store = Store.buka(demo, pelaku=Pelaku("uji", "operator"))
    app = MusrenbangApp(store, layar="pendaftaran")
    pesan: list[dict] = []
    async with app.run_test(size=(80, 24)) as pilot:
        asli = app._kabarkan

        def catat(perubahan):
            pesan.append(perubahan)
            asli(perubahan)

        app._kabarkan = catat
        lain = Store.buka(demo, pelaku=Pelaku("notulen2", "notulen"))
        target = next(p for p in lain.data.peserta.values() if not p.hadir)
        with lain.transaksi() as tx:
            pendaftaran.hadir(tx, target.id)
        penuh = store.baca_penuh
        await app.baca_perubahan()
        await pilot.pause()
        assert app.data.peserta[target.id].hadir
        assert store.baca_penuh == penuh and store.baca_jurnal == 1
        assert pesan and pesan[-1]["peserta"] == {target.id}
        # this terminal's save after another one's: both are named
        with lain.transaksi() as tx:
            catatan.tambah_catatan(tx, "Catatan dari notulen.")
        hasil = app.simpan(pendaftaran.batal_hadir, target.id)
        assert hasil.ok
        assert pesan[-1]["peserta"] == {target.id} and "catatan" in pesan[-1]


def test_writer_after_catching_up_writes_the_bytes_of_a_full_serialisation(dua):
    """A writer that followed another's lines re-serialises only the records changed since its own last
    write (its own and the other's): the file is byte for byte what a full serialisation gives."""
    from sesi.json_baris import encode

    penulis, _ = dua
    lain = Store.buka(penulis.path, pelaku=Pelaku("Notulen", "notulen"))
    for i in range(6):
        nilai(penulis, i % 5 + 1, uid=f"U00{i % 3 + 1}")
        with lain.transaksi() as tx:
            catatan.tambah_catatan(tx, f"catatan {i}")
            if i % 2:
                rec = dict(tx.get("catatan", "C0001"))
                tx.delete("catatan", "C0001")
                tx.put("catatan", "C0001", rec)
        nilai(penulis, (i + 2) % 5 + 1)
        data = Store.buka(penulis.path).data
        meta = {"format": "musrenbang-tui", "skema": 3, "revisi": data.revisi}
        assert open(penulis.path, "rb").read() == encode(meta, data.raw)
    assert penulis.baca_jurnal >= 6 and penulis.baca_penuh == 1
