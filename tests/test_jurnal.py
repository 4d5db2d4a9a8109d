"""The session journal (issue 16 item 2, sesi/jurnal.py): a save is one journal line; other terminals
follow only the new lines, through compactions too; kill -9 mid-append, between the snapshot and the new
journal, or mid-compaction loses no acknowledged change; torn and forged lines are never applied, and a
damaged line before a saved change is reported, never dropped. Every reader ends with exactly what a fresh
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
from sesi import catatan, pendaftaran, skor
from sesi.errors import BerkasRusak, GagalMenyimpan
from sesi.jurnal import jejak
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


def _anak_mati(path: str, patch: str, padat: bool = False) -> None:
    """A child process that saves one score (and compacts when `padat`) with `patch` applied, killed by
    SIGKILL where the patch says."""
    kode = (
        "import os, signal, sys\n"
        "import sesi.berkas as b, sesi.padat as p, sesi.store as s\n"
        "from sesi import skor\n"
        "def mati(*a, **k):\n"
        "    os.kill(os.getpid(), signal.SIGKILL)\n"
        f"{patch}\n"
        "st = s.Store.buka(sys.argv[1])\n"
        "with st.transaksi() as tx:\n"
        "    skor.atur_skor(tx, 'U002', 'K2', 3)\n"
        + ("st.padatkan()\n" if padat else "")
    )
    p = subprocess.run([sys.executable, "-c", kode, path], env=env_anak(), capture_output=True, timeout=60)
    assert p.returncode == -signal.SIGKILL, p.stderr


def test_killed_mid_append_is_not_saved_and_the_torn_tail_is_cut(dua):
    """kill -9 in the middle of writing the journal line (half of it on disk, never acknowledged): the
    change is not there for anyone; the next writer cuts the torn bytes off before appending."""
    penulis, pembaca = dua
    sebelum = pembaca.data
    _anak_mati(penulis.path, "asli = b.io_jurnal.write\n"
                             "def separuh(fd, data):\n"
                             "    asli(fd, bytes(data[: len(data) // 2]))\n"
                             "    mati()\n"
                             "b.io_jurnal.write = separuh")
    assert not open(penulis.jurnal_path, "rb").read().endswith(b"\n")
    data = pembaca.muat()
    assert data is sebelum and "U002|K2|" not in data.raw["skor"]
    sama_dengan_disk(data, penulis.path)
    nilai(penulis, 5)
    isi = open(penulis.jurnal_path, "rb").read()
    assert isi.endswith(b"\n") and isi.count(b"\n") == 2  # header + the new line: the torn bytes are gone
    assert pembaca.muat().raw["skor"]["U001|K1|"]["nilai"] == 5
    assert pembaca.baca_penuh == 1 and pembaca.baca_jurnal == 1


def test_killed_between_the_snapshot_and_the_new_journal(dua):
    """Compaction killed after the new snapshot is in place and before the fresh journal: the snapshot
    holds everything, the old journal's lines are history; saves go on, and nothing is read twice."""
    penulis, pembaca = dua
    _anak_mati(penulis.path, "p.mulai_jurnal = mati", padat=True)
    data = pembaca.muat()
    assert data.raw["skor"]["U002|K2|"]["nilai"] == 3
    sama_dengan_disk(data, penulis.path)
    assert json.loads(open(penulis.path, "rb").read())["skor"]["U002|K2|"]["nilai"] == 3
    nilai(penulis, 4)  # appended to the old journal, after its history lines
    sama_dengan_disk(pembaca.muat(), penulis.path)
    assert pembaca.muat().raw["skor"]["U001|K1|"]["nilai"] == 4
    assert pembaca.baca_penuh == 1


def test_killed_mid_compaction_loses_nothing(dua):
    """Compaction killed before the snapshot's rename: the old snapshot and the journal still hold every
    acknowledged change; the temp file is removed by the next writer."""
    penulis, pembaca = dua
    _anak_mati(penulis.path, "b.io.replace = mati", padat=True)
    assert [n for n in os.listdir(os.path.dirname(penulis.path)) if n.endswith(".tmp")]
    data = pembaca.muat()
    assert data.raw["skor"]["U002|K2|"]["nilai"] == 3 and pembaca.baca_penuh == 1
    sama_dengan_disk(data, penulis.path)
    nilai(Store.buka(penulis.path), 2)
    assert not [n for n in os.listdir(os.path.dirname(penulis.path)) if n.endswith(".tmp")]
    sama_dengan_disk(pembaca.muat(), penulis.path)


def _palsu(obj: dict) -> bytes:
    body = json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode()
    return body + b"\t" + b"%08x" % zlib.crc32(body) + b"\n"


def test_forged_line_at_the_end_is_never_applied_and_is_cut(dua):
    """Lines written by someone else in the shared folder, with a right checksum (an invalid record; a
    history that does not chain): never applied. At the end of the journal (nothing acknowledged after
    them) they are ignored, and the next writer cuts them off."""
    penulis, pembaca = dua
    data0 = pembaca.data
    dasar = {"dari": data0.revisi, "rev": data0.revisi + 1, "skema": 3, "jejak_dari": jejak(data0.raw),
             "ekor": {}}
    with open(penulis.jurnal_path, "ab") as f:
        f.write(_palsu({**dasar, "jejak": "a" * 64,
                        "ubah": {"skor": {"U001|K1|": {"usulan": "U001", "kriteria": "K1", "nilai": 5}}}}))
        f.write(_palsu({**dasar, "jejak": "b" * 64,
                        "ubah": {"skor": {"U001|K1|": {"usulan": "U001", "kriteria": "K1", "nilai": 999}}}}))
    assert pembaca.muat() is data0
    assert Store.buka(penulis.path).data.raw == data0.raw
    nilai(Store.buka(penulis.path), 2)
    assert b'"a' * 1 + b"a" * 63 not in open(penulis.jurnal_path, "rb").read()
    data = pembaca.muat()
    assert data.raw["skor"]["U001|K1|"]["nilai"] == 2
    sama_dengan_disk(data, penulis.path)


def test_damaged_line_before_a_saved_change_is_reported_not_dropped(dua, capsys):
    """A damaged line followed by a saved change: the change cannot be read, so nothing is silently
    dropped: BerkasRusak names the journal, the line and the fault; the CLI exits 1 with it; `pulihkan`
    is the way out (the journal kept aside)."""
    from musrenbang_tui import cli

    penulis, pembaca = dua
    nilai(penulis, 4)
    nilai(penulis, 5)
    isi = open(penulis.jurnal_path, "rb").read()
    baris = isi.splitlines(keepends=True)
    rusak = baris[1][:40] + b"X" + baris[1][41:]
    with open(penulis.jurnal_path, "wb") as f:
        f.write(baris[0] + rusak + b"".join(baris[2:]))
    for s in (Store(penulis.path), pembaca):
        with pytest.raises(BerkasRusak) as info:
            s.muat()
        assert penulis.jurnal_path in str(info.value) and "baris 2" in str(info.value)
    with pytest.raises(BerkasRusak):
        nilai(Store(penulis.path), 1)
    assert open(penulis.jurnal_path, "rb").read() == baris[0] + rusak + b"".join(baris[2:])
    assert cli.main(["periksa", penulis.path]) == 1
    assert "baris 2" in capsys.readouterr().err
    assert cli.main(["pulihkan", penulis.path, "--ya"]) == 0
    capsys.readouterr()
    sama_dengan_disk(Store.buka(penulis.path).data, penulis.path)
    folder = os.path.dirname(penulis.path)
    assert [n for n in os.listdir(folder) if n.endswith(".jurnal") and ".rusak-" in n]


def test_forged_valid_line_with_other_content_is_refused(dua):
    """A forged line placed before a real one, continuing the state, with a valid record but a history
    entry that records other content: refused (`_riwayat_sah`), and since a real change follows it, the
    session is reported damaged rather than read without that change."""
    penulis, pembaca = dua
    data0 = pembaca.data
    palsu = dict(data0.raw["skor"].get("U001|K1|") or {"usulan": "U001", "kriteria": "K1"}, nilai=1)
    nilai(penulis, 4)
    asli = open(penulis.jurnal_path, "rb").read()
    baris_asli = asli.splitlines(keepends=True)[-1]
    obj = json.loads(baris_asli.rsplit(b"\t", 1)[0])
    obj["ubah"]["skor"]["U001|K1|"] = palsu
    with open(penulis.jurnal_path, "wb") as f:
        f.write(asli[: len(asli) - len(baris_asli)] + _palsu(obj) + baris_asli)
    with pytest.raises(BerkasRusak, match="tidak mencatat rekaman"):
        Store.buka(penulis.path)


def test_compaction_is_followed_without_reading_the_snapshot(dua, monkeypatch):
    """Readers one or many lines behind one compaction follow the old journal (kept open) to its end and
    then the new one (its header names the state reached): no terminal parses the snapshot. A reader two
    compactions behind has lost the journal in between and reads the snapshot once."""
    penulis, pembaca = dua
    jauh = Store.buka(penulis.path)
    nilai(penulis, 1)
    pembaca.muat()
    monkeypatch.setattr("sesi.jurnal.PADAT_BARIS", 3)  # compact once the journal has more than 3 lines
    ino = os.stat(penulis.jurnal_path).st_ino
    for n in (2, 3):
        nilai(penulis, n)
    assert os.stat(penulis.jurnal_path).st_ino != ino
    assert open(penulis.jurnal_path, "rb").read().count(b"\n") == 1  # the header alone
    nilai(penulis, 4)
    for s in (pembaca, jauh):
        sama_dengan_disk(s.muat(), penulis.path)
        assert s.baca_penuh == 1 and s.muat().raw["skor"]["U001|K1|"]["nilai"] == 4
    for n in range(5, 12):  # two compactions
        nilai(penulis, n % 5 + 1)
    sama_dengan_disk(jauh.muat(), penulis.path)
    assert jauh.baca_penuh == 2


def test_pulihkan_starts_a_journal_for_the_restored_snapshot(dua):
    penulis, pembaca = dua
    nilai(penulis, 1)
    penulis.padatkan()
    nilai(penulis, 2)
    penulis.pulihkan()
    baris = open(penulis.jurnal_path, "rb").read().splitlines()
    assert len(baris) == 1 and b'"jurnal":2' in baris[0]  # the header of the restored snapshot alone
    data = pembaca.muat()
    sama_dengan_disk(data, penulis.path)
    assert "U001|K1|" not in data.raw["skor"]  # the backup: before both scores
    nilai(penulis, 3)
    sama_dengan_disk(pembaca.muat(), penulis.path)


def test_session_without_journal_and_a_copied_file(dua, tmp_path):
    """After `tutup` the snapshot alone is the session: a copy of the .json alone opens with every
    change; a session whose journal is gone works from the snapshot and the next save starts one."""
    penulis, pembaca = dua
    nilai(penulis, 1)
    assert penulis.tutup()
    os.unlink(penulis.jurnal_path)
    nilai(penulis, 2)  # saved by compaction, then a new journal
    assert os.path.exists(penulis.jurnal_path)
    sama_dengan_disk(pembaca.muat(), penulis.path)
    nilai(penulis, 3)
    penulis.tutup()
    salinan = tmp_path / "salinan"
    salinan.mkdir()
    path = salinan / "sesi.json"
    path.write_bytes(open(penulis.path, "rb").read())
    s = Store.buka(path)
    assert s.data.raw["skor"]["U001|K1|"]["nilai"] == 3
    nilai(s, 4)
    assert Store.buka(path).data.raw["skor"]["U001|K1|"]["nilai"] == 4
    assert os.path.exists(str(path) + ".jurnal")


def test_journal_of_the_old_format_is_history(dua):
    """A journal written before the snapshot became a cache (format 1: no header, every line at most the
    snapshot's revision) is history: the session opens, and the next save compacts and starts format 2."""
    penulis, pembaca = dua
    data = penulis.data
    lama = json.dumps({"rev": data.revisi, "dari": data.revisi - 1, "skema": 3, "jejak_dari": "x",
                       "jejak": jejak(data.raw), "ukuran": 1, "penuh": True}, separators=(",", ":")).encode()
    with open(penulis.jurnal_path, "wb") as f:
        f.write(lama + b"\t" + b"%08x" % zlib.crc32(lama) + b"\n" + b"robek\n")
    s = Store.buka(penulis.path)
    assert s.data.raw == data.raw
    nilai(s, 2)
    assert open(penulis.jurnal_path, "rb").read().startswith(b'{"jurnal":2')
    sama_dengan_disk(pembaca.muat(), penulis.path)


def test_journal_gets_the_session_files_mode(tmp_path):
    s = buat_store(tmp_path / "sesi.json")
    os.chmod(s.path, 0o660)
    nilai(s, 1)
    assert stat.S_IMODE(os.stat(s.jurnal_path).st_mode) == 0o660


@pytest.mark.parametrize("op", ["open", "write", "fsync"])
def test_failed_append_saves_nothing(dua, monkeypatch, op):
    """The append is the acknowledgement: when it fails the save fails (GagalMenyimpan), the journal is
    as it was, no one sees the change, and the next save works."""
    penulis, pembaca = dua
    sebelum = open(penulis.jurnal_path, "rb").read()
    data0 = penulis.data

    def gagal(*a, **k):
        raise OSError(5, "Input/output error")

    with monkeypatch.context() as mp:
        mp.setattr(berkas_mod.io_jurnal, op, gagal)
        with pytest.raises(GagalMenyimpan, match="tidak tersimpan"):
            nilai(penulis, 3)
    assert open(penulis.jurnal_path, "rb").read() == sebelum
    assert penulis.data is data0 and "U001|K1|" not in Store.buka(penulis.path).data.raw["skor"]
    assert pembaca.muat().raw == data0.raw
    nilai(penulis, 4)
    jurnal = pembaca.baca_jurnal
    sama_dengan_disk(pembaca.muat(), penulis.path)
    assert pembaca.baca_jurnal == jurnal + 1


def test_large_transaction_is_saved_by_compaction(dua, monkeypatch):
    penulis, pembaca = dua
    monkeypatch.setattr("sesi.jurnal.BATAS_BARIS", 100)
    with penulis.transaksi() as tx:
        for pid in list(tx.table("peserta"))[:5]:
            pendaftaran.hadir(tx, pid)
    assert open(penulis.jurnal_path, "rb").read().count(b"\n") == 1  # a fresh journal: its header
    assert json.loads(open(penulis.path, "rb").read())["_meta"]["revisi"] == penulis.data.revisi
    sama_dengan_disk(pembaca.muat(), penulis.path)


def test_idle_compaction_and_thresholds(dua, monkeypatch):
    penulis, pembaca = dua
    nilai(penulis, 1)
    assert not pembaca.padatkan_bila_diam()  # a reader that has not caught up knows of nothing to do
    pembaca.muat()
    assert not pembaca.padatkan_bila_diam(diam=60)  # written just now
    assert pembaca.padatkan_bila_diam(diam=0)
    assert json.loads(open(penulis.path, "rb").read())["_meta"]["revisi"] == penulis.data.revisi
    assert not penulis.padatkan_bila_diam(diam=0)  # nothing left (the writer learns on its next read)
    monkeypatch.setattr("sesi.jurnal.PADAT_BITA", 1)
    nilai(penulis, 2)
    assert json.loads(open(penulis.path, "rb").read())["_meta"]["revisi"] == penulis.data.revisi


def test_signing_compacts(dua):
    """The signed state is the file itself: a transaction that changes the signature compacts."""
    penulis, _ = dua
    with penulis.transaksi() as tx:
        info = dict(tx.get("sesi", "info"))
        tx.put("sesi", "info", dict(info, catatan_uji="x"))
    rev_berkas = json.loads(open(penulis.path, "rb").read())["_meta"]["revisi"]
    assert rev_berkas < penulis.data.revisi
    with penulis.transaksi() as tx:
        info = dict(tx.get("sesi", "info"))
        tx.put("sesi", "info", dict(info, disahkan={"versi": 1}))
    assert json.loads(open(penulis.path, "rb").read())["_meta"]["revisi"] == penulis.data.revisi


async def test_app_gets_another_terminals_change_with_what_changed(demo):
    """The watcher catches up through the journal, and the active screen's DataBerubah names the records
    another terminal changed (so it repaints only those), as for this terminal's own saves."""
    from musrenbang_tui.app import MusrenbangApp

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
    """A compaction after following another's lines re-serialises only the records changed since its own
    last compaction (its own and the other's): the file is byte for byte what a full serialisation gives."""
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
        (penulis if i % 2 else lain).padatkan()
        data = Store.buka(penulis.path).data
        meta = {"format": "musrenbang-tui", "skema": 3, "revisi": data.revisi}
        assert open(penulis.path, "rb").read() == encode(meta, data.raw)
    assert penulis.baca_jurnal >= 6 and penulis.baca_penuh == 1


def test_a_failed_read_never_skips_lines(dua):
    """A follower that read new lines but could not take them (the snapshot was damaged meanwhile, so the
    full read failed) reads them again once the snapshot is back: its place in the journal moves only
    with the state it holds."""
    penulis, pembaca = dua
    asli = open(penulis.path, "rb").read()
    nilai(penulis, 2)
    with open(penulis.path, "wb") as f:
        f.write(b"rusak")
    with pytest.raises(BerkasRusak):
        pembaca.muat()
    with open(penulis.path, "wb") as f:
        f.write(asli)
    data = pembaca.muat()
    assert data.raw["skor"]["U001|K1|"]["nilai"] == 2
    sama_dengan_disk(data, penulis.path)
    nilai(penulis, 3)
    sama_dengan_disk(pembaca.muat(), penulis.path)


def test_a_cli_command_that_saves_leaves_the_file_complete(dua, tmp_path, capsys):
    """`musrenbang impor` (every CLI command that saves) compacts at its end: S.json alone is the whole
    session, and the journal holds only its header."""
    from musrenbang_tui import cli

    penulis, pembaca = dua
    csv = tmp_path / "peserta.csv"
    csv.write_text("nama,unsur,lembaga,kelurahan,jenis_kelamin,rentan,delegasi,telepon,hadir\n"
                   "Peserta CLI Satu,tokoh masyarakat,RT 1,Kuin Utara,L,,tidak,,ya\n", encoding="utf-8")
    assert cli.main(["impor", "peserta", penulis.path, str(csv)]) == 0, capsys.readouterr().err
    revisi = Store.buka(penulis.path).data.revisi
    assert json.loads(open(penulis.path, "rb").read())["_meta"]["revisi"] == revisi
    assert open(penulis.jurnal_path, "rb").read().count(b"\n") == 1
    sama_dengan_disk(pembaca.muat(), penulis.path)
    assert pembaca.baca_penuh == 1  # followed through the compaction


def test_a_terminal_never_saves_on_a_state_older_than_it_holds(dua):
    """Someone in the group cuts the journal's last line (an acknowledged save): the terminal that holds
    that revision refuses to save on the older state (BerkasRusak naming both revisions) and writes
    nothing, instead of burying its own acknowledged change under a new one."""
    penulis, _ = dua
    nilai(penulis, 1)
    nilai(penulis, 2)
    rev = penulis.data.revisi
    with open(penulis.jurnal_path, "rb") as f:
        baris = f.read().splitlines(keepends=True)
    terpotong = b"".join(baris[:-1])
    with open(penulis.jurnal_path, "r+b") as f:
        f.truncate(len(terpotong))
    with pytest.raises(BerkasRusak, match=f"sudah memegang revisi {rev}"):
        nilai(penulis, 3)
    with open(penulis.jurnal_path, "rb") as f:
        assert f.read() == terpotong  # nothing written on the older state
    with pytest.raises(BerkasRusak):
        penulis.muat()  # and it keeps saying so


def test_an_older_snapshot_put_back_after_compaction_is_reported(dua):
    """After a compaction the journal holds only its header (the new snapshot's revision); putting the
    older snapshot (`.bak`) back in place must not silently drop the compacted changes: a fresh read
    reports it, and the terminal that held the newer state refuses to save on it."""
    penulis, _ = dua
    nilai(penulis, 1)
    penulis.padatkan()
    nilai(penulis, 2)
    penulis.padatkan()
    rev = penulis.data.revisi
    lama = penulis.path + ".lama"
    with open(penulis.backup_path, "rb") as src, open(lama, "wb") as dst:
        dst.write(src.read())
    os.replace(lama, penulis.path)
    with pytest.raises(BerkasRusak, match="melanjutkan revisi"):
        Store.buka(penulis.path)
    with pytest.raises(BerkasRusak):
        nilai(penulis, 3)
    os.unlink(penulis.jurnal_path)
    assert Store.buka(penulis.path).data.revisi < rev


def test_pulihkan_is_not_blocked_by_a_planted_journal_name(dua):
    """The file set aside by `pulihkan` is named by the second (`S.json.rusak-STAMP`) and its journal
    `<that>.jurnal`; a name planted there beforehand by someone in the group must not make it fail."""
    from datetime import datetime

    penulis, _ = dua
    nilai(penulis, 1)
    penulis.padatkan()
    nilai(penulis, 2)
    jam = datetime(2027, 2, 9, 8, 0, 0)
    tanam = penulis.path + ".rusak-20270209-080000.jurnal"
    with open(tanam, "wb") as f:
        f.write(b"ditanam\n")
    aside = Store(penulis.path, clock=lambda: jam).pulihkan()
    assert aside == penulis.path + ".rusak-20270209-080000-2"
    assert os.path.exists(aside + ".jurnal")
    with open(tanam, "rb") as f:
        assert f.read() == b"ditanam\n"
