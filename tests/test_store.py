"""The store file: transactions, damaged files, restoring the backup, migrations, file modes, and two
terminals on one file. (Faults: test_store_faults.py; processes: test_store_concurrency.py.)"""

from __future__ import annotations

import io as stdio
import json
import os
import signal
import stat
import threading

import pytest
from helpers_store import buat_store, env_anak, isi_folder, keadaan, popen_python, sisa_temp
from tinydb import TinyDB

from musrenbang_tui import cli
from sesi import catatan, pendaftaran, skema, skor
from sesi.errors import (
    BerkasRusak,
    BerkasSibuk,
    BerkasSudahAda,
    BerkasTidakAda,
    DataDitolak,
    SkemaTerlaluBaru,
)
from sesi.riwayat import periksa_rantai
from sesi.json_baris import decode
from sesi.store import Store
from sesi.tinydb_storage import AtomicJSONStorage


@pytest.fixture
def sesi(tmp_path) -> Store:
    return buat_store(tmp_path / "sesi.json")


def baca(path) -> bytes:
    with open(path, "rb") as f:
        return f.read()


def tulis(path, isi: bytes) -> None:
    with open(path, "wb") as f:
        f.write(isi)


# --- ordinary use ----------------------------------------------------------------------------------


def test_file_is_readable_json_with_schema_and_revision(sesi):
    """The file is indented UTF-8 JSON a person can read, with format, schema and revision."""
    teks = baca(sesi.path).decode("utf-8")
    obj = json.loads(teks)
    assert obj["_meta"] == {"format": "musrenbang-tui", "skema": skema.SKEMA, "revisi": sesi.data.revisi}
    assert teks.splitlines()[1].startswith(' "_meta": ')
    assert "Banjarmasin Utara" in teks  # not \u-escaped


def test_commit_bumps_revision_and_keeps_previous_file_as_backup(sesi):
    """Each transaction is one revision (one journal line; the snapshot is not rewritten); compaction
    writes the snapshot and the snapshot before it becomes the .bak."""
    sebelum = baca(sesi.path)
    rev = sesi.data.revisi
    with sesi.transaksi() as tx:
        catatan.tambah_catatan(tx, "Sesi tanya jawab dibuka.")
    assert sesi.data.revisi == rev + 1
    assert baca(sesi.path) == sebelum
    assert Store.buka(sesi.path).data.revisi == rev + 1
    assert sesi.padatkan()
    assert baca(sesi.backup_path) == sebelum
    assert json.loads(baca(sesi.path))["_meta"]["revisi"] == rev + 1
    assert Store.buka(sesi.path).data.revisi == rev + 1


def test_transaction_without_change_writes_nothing(sesi):
    """Reading inside a transaction does not write a new revision."""
    sebelum = baca(sesi.path)
    with sesi.transaksi() as tx:
        assert tx.data.usulan
    assert baca(sesi.path) == sebelum


def test_refused_action_leaves_file_and_memory_unchanged(sesi):
    """An action refused half-way (after other changes in the same transaction) saves none of them."""
    sebelum = baca(sesi.path)
    data_sebelum = sesi.data
    pid = next(iter(sesi.data.peserta))
    with pytest.raises(DataDitolak):
        with sesi.transaksi() as tx:
            pendaftaran.hadir(tx, pid)
            catatan.tambah_catatan(tx, "Ini tidak boleh tersimpan.")
            skor.atur_skor(tx, "U001", "K1", 9)  # out of scale: refused
    assert baca(sesi.path) == sebelum
    assert sesi.data is data_sebelum
    assert not sesi.data.peserta[pid].hadir
    assert Store.buka(sesi.path).data.revisi == data_sebelum.revisi


def test_buat_refuses_an_existing_path(sesi, tmp_path):
    """`baru` never overwrites: an existing file (even a damaged one) is refused."""
    sebelum = baca(sesi.path)
    with pytest.raises(BerkasSudahAda, match="sudah ada"):
        Store.buat(sesi.path, {"kecamatan": "X", "kota": "Y", "tahun": 2028, "tanggal": "2027-01-01",
                               "tempat": "Z"})
    assert baca(sesi.path) == sebelum


def test_open_missing_file(tmp_path):
    with pytest.raises(BerkasTidakAda, match="tidak ditemukan"):
        Store.buka(tmp_path / "tidak-ada.json")


def test_text_is_stored_literally(sesi):
    """Emoji, combining marks, RTL text and markup-looking text come back exactly as typed."""
    teks = "Bapak Ahmad 👍🏽 — Pe\u0301mbangunan; [bold]bukan markup[/bold] مرحبا"
    with sesi.transaksi() as tx:
        cid = catatan.tambah_catatan(tx, teks)
    import unicodedata

    assert Store.buka(sesi.path).data.raw["catatan"][cid]["teks"] == unicodedata.normalize("NFC", teks)


def test_unencodable_text_is_refused_cleanly(sesi):
    """A lone surrogate (e.g. a mis-decoded file name) is refused with a message; the file is unchanged."""
    sebelum = baca(sesi.path)
    with pytest.raises(DataDitolak, match="karakter yang tidak sah"):
        with sesi.transaksi() as tx:
            catatan.tambah_catatan(tx, "nama berkas \udcff")
    assert baca(sesi.path) == sebelum
    with sesi.transaksi() as tx:
        catatan.tambah_catatan(tx, "setelahnya tetap bisa")
    assert Store.buka(sesi.path).data.revisi == sesi.data.revisi


def test_nested_transaction_is_refused(sesi):
    """A transaction inside another on the same Store would overwrite the inner one: refused."""
    sebelum = baca(sesi.path)
    with pytest.raises(RuntimeError, match="bersarang"):
        with sesi.transaksi() as tx:
            catatan.tambah_catatan(tx, "luar")
            with sesi.transaksi():
                pass
    assert baca(sesi.path) == sebelum
    with sesi.transaksi() as tx:  # the lock was released
        catatan.tambah_catatan(tx, "berikutnya")


def test_tinydb_can_use_the_store(sesi):
    """`TinyDB(path, storage=AtomicJSONStorage)` reads and writes the same file, one revision per write."""
    rev = sesi.data.revisi
    db = TinyDB(sesi.path, storage=AtomicJSONStorage)
    assert len(db.table("usulan")) == len(sesi.data.usulan)
    db.table("catatan_tinydb").insert({"teks": "lewat TinyDB"})
    baru = Store.buka(sesi.path).data
    assert baru.revisi == rev + 1
    assert list(baru.raw["catatan_tinydb"].values()) == [{"teks": "lewat TinyDB"}]
    assert baru.raw["riwayat"][next(reversed(baru.raw["riwayat"]))]["aksi"] == "ubah lewat TinyDB"
    assert periksa_rantai(baru.raw["riwayat"].values()) == []


def test_tinydb_update_remove_and_drop(sesi):
    """TinyDB's update, remove and drop_table land in the file; dropping the session itself is refused,
    because the store never writes a file it could not open again."""
    db = TinyDB(sesi.path, storage=AtomicJSONStorage)
    t = db.table("daftar_tinydb")
    a, b = t.insert({"n": 1}), t.insert({"n": 2})
    t.update({"n": 10}, doc_ids=[a])
    t.remove(doc_ids=[b])
    assert list(Store.buka(sesi.path).data.raw["daftar_tinydb"].values()) == [{"n": 10}]
    db.drop_table("daftar_tinydb")
    assert not Store.buka(sesi.path).data.raw.get("daftar_tinydb")
    sebelum = baca(sesi.path)
    with pytest.raises(DataDitolak, match="sesi.info"):
        db.drop_table("sesi")
    assert baca(sesi.path) == sebelum
    assert periksa_rantai(Store.buka(sesi.path).data.raw["riwayat"].values()) == []


@pytest.mark.parametrize("tabel,rid,rekaman", [
    ("kriteria", "K9", {"kode": "K9", "nama": "Baru", "bobot": 2, "skala_min": 1, "skala_maks": 5}),
    ("skor", "U001|K1|", {"usulan": "U001", "kriteria": "K1", "nilai": 4.5}),
    ("usulan", "U001", "bukan objek"),
    ("sesi", "info", {"kecamatan": "K", "tahun": "2028"}),
])
def test_store_never_writes_a_file_it_would_refuse(sesi, tabel, rid, rekaman):
    """A buggy action putting a record of the wrong shape is refused before writing (it would have made
    the session unopenable); the file is unchanged and still opens."""
    sebelum = baca(sesi.path)
    with pytest.raises(DataDitolak, match="tidak sah"):
        with sesi.transaksi() as tx:
            catatan.tambah_catatan(tx, "perubahan yang sah")
            tx.put(tabel, rid, rekaman) if isinstance(rekaman, dict) else tx._own(tabel).__setitem__(rid, rekaman)
            tx.changed_ids.setdefault(tabel, set()).add(rid)
    assert baca(sesi.path) == sebelum
    Store.buka(sesi.path)


# --- two terminals on one file ---------------------------------------------------------------------


def test_two_terminals_see_each_others_commits(sesi):
    """Two Store objects on one file (two terminals): each notices and reads the other's commits."""
    a, b = Store.buka(sesi.path), Store.buka(sesi.path)
    assert not a.berubah() and not b.berubah()
    pid = next(iter(a.data.peserta))
    with a.transaksi() as tx:
        pendaftaran.hadir(tx, pid)
    assert not a.berubah()
    assert b.berubah()
    assert b.muat().revisi == a.data.revisi
    assert b.data.peserta[pid].hadir
    assert not b.berubah()


def test_no_lost_update_between_terminals(sesi):
    """A transaction at one terminal after the other's commit builds on it, even with stale data in hand."""
    a, b = Store.buka(sesi.path), Store.buka(sesi.path)
    stale = b.data
    with a.transaksi() as tx:
        skor.atur_skor(tx, "U001", "K1", 4)
    with b.transaksi() as tx:  # b has not polled: the transaction re-reads under the lock
        assert tx.base.revisi == a.data.revisi
        skor.atur_skor(tx, "U001", "K2", 3)
    final = Store.buka(sesi.path).data
    assert final.nilai_mentah("U001", "K1") == {"": 4}
    assert final.nilai_mentah("U001", "K2") == {"": 3}
    assert final.revisi == stale.revisi + 2
    assert periksa_rantai(final.raw["riwayat"].values()) == []


def test_threads_sharing_one_store_lose_nothing(sesi):
    """Worker threads using one Store object: every transaction lands (found lost before the fix)."""
    n, k = 40, 3
    rev = sesi.data.revisi

    def kerja(w: int) -> None:
        for i in range(n):
            with sesi.transaksi() as tx:
                catatan.tambah_catatan(tx, f"utas {w} catatan {i}")

    threads = [threading.Thread(target=kerja, args=(w,)) for w in range(k)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    final = Store.buka(sesi.path).data
    teks = [c["teks"] for c in final.raw["catatan"].values()]
    assert sorted(t for t in teks if t.startswith("utas")) == sorted(
        f"utas {w} catatan {i}" for w in range(k) for i in range(n))
    assert final.revisi == rev + n * k
    assert periksa_rantai(final.raw["riwayat"].values()) == []


def test_cached_read_is_checked_against_the_file(sesi):
    """A file replaced with identical (inode, mtime, size) is still re-read: the revision is compared.

    (Simulated: the cached signature is forced onto a different file.)"""
    a = Store.buka(sesi.path)
    b = Store.buka(sesi.path)
    with a.transaksi() as tx:
        skor.atur_skor(tx, "U001", "K1", 3)
    st = os.stat(sesi.path)
    b._sig = (st.st_ino, st.st_mtime_ns, st.st_size)  # as if inode, mtime and size all matched
    assert b.muat().revisi == a.data.revisi
    assert b.data.nilai_mentah("U001", "K1") == {"": 3}


# --- damaged files ---------------------------------------------------------------------------------


def _meta(**ubah):
    return {"format": "musrenbang-tui", "skema": 1, "revisi": 3, **ubah}


def _sah(**tabel):
    obj = {"_meta": _meta(), "sesi": {"info": {"kecamatan": "K", "kota": "C", "tahun": 2028,
                                                "tanggal": "2027-02-09", "tempat": "T"}}}
    obj.update(tabel)
    return obj


RUSAK = {
    "kosong": b"",
    "spasi saja": b"  \n\n",
    "bukan JSON": b"Ini bukan berkas sesi, melainkan catatan rapat.\n",
    "biner": bytes(range(256)) * 4,
    "UTF-16": json.dumps(_sah()).encode("utf-16"),
    "latin-1 rusak": b'{"_meta": {"format": "musrenbang-tui"}, "x": "caf\xe9"}',
    "daftar JSON": b"[1, 2, 3]\n",
    "angka JSON": b"42",
    "objek lain": json.dumps({"nama": "berkas lain", "data": []}).encode(),
    "tanpa _meta": json.dumps({k: v for k, v in _sah().items() if k != "_meta"}).encode(),
    "format lain": json.dumps(_sah() | {"_meta": _meta(format="aplikasi-lain")}).encode(),
    "revisi negatif": json.dumps(_sah() | {"_meta": _meta(revisi=-1)}).encode(),
    "revisi teks": json.dumps(_sah() | {"_meta": _meta(revisi="3")}).encode(),
    "skema nol": json.dumps(_sah() | {"_meta": _meta(skema=0)}).encode(),
    "tabel berupa daftar": json.dumps(_sah(usulan=[{"id": "U001"}])).encode(),
    "data bukan objek": json.dumps(_sah(peserta={"P0001": "Ahmad"})).encode(),
    "kolom wajib hilang": json.dumps(_sah(peserta={"P0001": {"id": "P0001", "unsur": "camat"}})).encode(),
    "jenis kolom salah": json.dumps(_sah(skor={"U1|K1|": {"usulan": "U1", "kriteria": "K1",
                                                          "nilai": "lima"}})).encode(),
    "nilai ya/tidak sebagai angka": json.dumps(_sah(skor={"U1|K1|": {"usulan": "U1", "kriteria": "K1",
                                                                     "nilai": True}})).encode(),
    "sesi.info hilang": json.dumps(_sah(sesi={})).encode(),
    "tahun bukan angka": json.dumps(_sah(sesi={"info": {"kecamatan": "K", "tahun": "2028"}})).encode(),
}


@pytest.mark.parametrize("jenis", list(RUSAK))
def test_damaged_file_is_refused_and_never_overwritten(sesi, jenis):
    """Each kind of damaged file: a clear Indonesian message naming the file; a transaction attempt
    changes no byte of it and writes no backup over the good one."""
    isi = RUSAK[jenis]
    tulis(sesi.path, isi)
    bak = baca(sesi.backup_path)
    with pytest.raises(BerkasRusak) as info:
        Store.buka(sesi.path)
    pesan = str(info.value)
    assert sesi.path in pesan
    assert any(w in pesan for w in ("rusak", "bukan berkas sesi", "kosong")), pesan
    toko = Store(sesi.path)
    with pytest.raises(BerkasRusak):
        with toko.transaksi() as tx:
            catatan.tambah_catatan(tx, "tidak boleh tertulis")
    assert baca(sesi.path) == isi
    assert baca(sesi.backup_path) == bak
    assert sisa_temp(os.path.dirname(sesi.path)) == []


def test_every_truncation_is_refused(sesi):
    """A file cut at any byte (a copy interrupted, a full disk elsewhere) is refused, never half-read:
    checked at every cut point of a real session file."""
    utuh = baca(sesi.path)
    akhir = len(utuh.rstrip())
    assert akhir > 2000
    diterima = []
    for n in range(akhir):
        try:
            decode(utuh[:n], sesi.path)
        except BerkasRusak:
            continue
        diterima.append(n)
    assert diterima == []
    # and through the store: a transaction on a truncated file leaves it as it is
    tulis(sesi.path, utuh[: akhir // 2])
    with pytest.raises(BerkasRusak, match="JSON tidak sah di baris"):
        with Store(sesi.path).transaksi() as tx:
            catatan.tambah_catatan(tx, "x")
    assert baca(sesi.path) == utuh[: akhir // 2]


def test_newer_schema_is_refused_untouched(sesi):
    """A file from a newer app version: told to update the app; the file is not changed."""
    obj = json.loads(baca(sesi.path))
    obj["_meta"]["skema"] = skema.SKEMA + 1
    obj["tabel_masa_depan"] = {"x": {"apa": "saja"}}
    isi = json.dumps(obj).encode()
    tulis(sesi.path, isi)
    with pytest.raises(SkemaTerlaluBaru, match="lebih baru.*Perbarui aplikasi"):
        Store.buka(sesi.path)
    with pytest.raises(SkemaTerlaluBaru):
        with Store(sesi.path).transaksi() as tx:
            catatan.tambah_catatan(tx, "x")
    assert baca(sesi.path) == isi


def test_path_is_a_folder(tmp_path):
    (tmp_path / "folder.json").mkdir()
    with pytest.raises(BerkasRusak, match="folder"):
        Store.buka(tmp_path / "folder.json")


# --- lock files ------------------------------------------------------------------------------------


def test_missing_lock_file_just_works(sesi):
    """Deleting the .lock file is harmless: the next transaction creates it again."""
    os.unlink(sesi.lock_path)
    with sesi.transaksi() as tx:
        catatan.tambah_catatan(tx, "setelah berkas kunci dihapus")
    assert os.path.exists(sesi.lock_path)


def test_lock_file_with_garbage_just_works(sesi):
    """A lock file's content means nothing (the lock is the kernel's)."""
    tulis(sesi.lock_path, b"PID 12345 sedang menulis\n" * 10)
    with sesi.transaksi() as tx:
        catatan.tambah_catatan(tx, "x")
    assert Store.buka(sesi.path).data.revisi == sesi.data.revisi


KUNCI_ANAK = """
import sys, time
from sesi.lock import ProcessLock
lock = ProcessLock(sys.argv[1])
lock.acquire()
print("terkunci", flush=True)
time.sleep(60)
"""


def test_stale_lock_of_a_killed_process_just_works(sesi):
    """A writer killed while holding the lock leaves no stale lock: the next transaction goes ahead."""
    anak = popen_python(KUNCI_ANAK, sesi.lock_path)
    try:
        assert anak.stdout.readline().strip() == "terkunci"
        sibuk = Store(sesi.path, lock_timeout=0.2)
        with pytest.raises(BerkasSibuk, match="sedang ditulis proses lain"):
            with sibuk.transaksi() as tx:
                catatan.tambah_catatan(tx, "menunggu")
        anak.send_signal(signal.SIGKILL)
        anak.wait(10)
    finally:
        if anak.poll() is None:
            anak.kill()
            anak.wait(10)
    toko = Store(sesi.path, lock_timeout=5)
    with toko.transaksi() as tx:
        catatan.tambah_catatan(tx, "setelah penulis dihentikan paksa")
    assert "setelah penulis dihentikan paksa" in keadaan(Store.buka(sesi.path).data)["catatan"].values()


def test_temp_files_of_killed_writers_are_removed(sesi, tmp_path):
    """Temp files left by a writer killed mid-write are removed by the next writer; a live writer's not."""
    mati = popen_python("pass")
    mati.wait(10)
    folder = tmp_path
    basi = folder / f".sesi.json.{mati.pid}.0123abcd.tmp"
    basi_bak = folder / f".sesi.json.bak.{mati.pid}.89abcdef.tmp"
    hidup = folder / f".sesi.json.{os.getpid()}.deadbeef.tmp"
    lain = folder / f".sesi.json.x.{mati.pid}.0123abcd.tmp"  # another store's name: not ours
    for p in (basi, basi_bak, hidup, lain):
        p.write_bytes(b'{"setengah')
    with Store(sesi.path).transaksi() as tx:
        catatan.tambah_catatan(tx, "x")
    assert not basi.exists() and not basi_bak.exists()
    assert hidup.exists() and lain.exists()


def test_writer_killed_between_backup_and_replace_leaves_no_temp_file(sesi):
    """A writer killed after keeping the backup (a hard link) and before replacing the store leaves the
    backup and the store as one file. The next transaction used to link a temp name to it and rename that
    onto the backup, which does nothing for two names of one file, so the temp file stayed for ever (the
    cause of the rare `test_kill_9_during_writes...` failure: a `.sesi.json.bak.PID.tmp` left over)."""
    os.unlink(sesi.backup_path)
    os.link(sesi.path, sesi.backup_path)
    lama = baca(sesi.path)
    toko = Store(sesi.path)
    with toko.transaksi() as tx:
        catatan.tambah_catatan(tx, "setelah penulis mati")
    toko.padatkan()
    assert sisa_temp(os.path.dirname(sesi.path)) == []
    assert baca(sesi.backup_path) == lama and baca(sesi.path) != lama


# --- file modes ------------------------------------------------------------------------------------


@pytest.mark.skipif(os.name == "nt", reason="POSIX modes")
def test_store_backup_and_lock_keep_the_store_mode(sesi):
    """chmod 660 on the store: after a transaction the store, .bak and a new .lock are all 660."""
    os.chmod(sesi.path, 0o660)
    _transaksi_dengan_kunci_baru(sesi)
    for p in (sesi.path, sesi.backup_path, sesi.lock_path):
        assert stat.S_IMODE(os.stat(p).st_mode) == 0o660, p


def _transaksi_dengan_kunci_baru(s: Store) -> None:
    """Remove the lock file (so the transaction creates it anew), then make one change."""
    os.unlink(s.lock_path)
    with s.transaksi() as tx:
        catatan.tambah_catatan(tx, "x")
    s.padatkan()  # the snapshot and .bak are written by compaction


@pytest.mark.skipif(os.name == "nt", reason="POSIX modes")
def test_mode_is_kept_whatever_the_umask(tmp_path):
    """A restrictive umask shapes a new file, but never narrows an existing store's mode."""
    lama = os.umask(0o077)
    try:
        s = buat_store(tmp_path / "sesi.json")
        assert stat.S_IMODE(os.stat(s.path).st_mode) == 0o600
        os.chmod(s.path, 0o664)
        _transaksi_dengan_kunci_baru(s)
        for p in (s.path, s.backup_path, s.lock_path):
            assert stat.S_IMODE(os.stat(p).st_mode) == 0o664, p
    finally:
        os.umask(lama)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="chown to any group needs root")
def test_group_of_the_store_is_kept(sesi):
    """A store shared through a group keeps that group after another user's transaction."""
    os.chown(sesi.path, -1, 4321)
    _transaksi_dengan_kunci_baru(sesi)
    for p in (sesi.path, sesi.backup_path, sesi.lock_path):
        assert os.stat(p).st_gid == 4321, p


# --- restoring the backup (musrenbang pulihkan) ----------------------------------------------------


def _rusakkan(sesi) -> tuple[bytes, bytes]:
    """Two revisions, then damage the file; returns (backup bytes, damaged bytes)."""
    with sesi.transaksi() as tx:
        catatan.tambah_catatan(tx, "revisi terakhir yang baik")
    sesi.padatkan()
    bak = baca(sesi.backup_path)
    rusak = baca(sesi.path)[:200]
    tulis(sesi.path, rusak)
    return bak, rusak


def _pulihkan(monkeypatch, capsys, *argv, stdin: str = ""):
    monkeypatch.setattr("sys.stdin", stdio.StringIO(stdin))
    kode = cli.main(["pulihkan", *argv])
    out = capsys.readouterr()
    return kode, out.out, out.err


def test_pulihkan_asks_and_n_changes_nothing(sesi, monkeypatch, capsys):
    """`musrenbang pulihkan` shows what it will do and asks; anything but y leaves every file as it was."""
    _rusakkan(sesi)
    sebelum = isi_folder(os.path.dirname(sesi.path))
    for jawab in ("n\n", "\n", ""):
        kode, out, _ = _pulihkan(monkeypatch, capsys, sesi.path, stdin=jawab)
        assert kode == 1
        assert "tidak dapat dibaca" in out and "Cadangan" in out and "revisi" in out
        assert "Dibatalkan" in out
        assert isi_folder(os.path.dirname(sesi.path)) == sebelum


def test_pulihkan_y_restores_backup_and_keeps_damaged_file_aside(sesi, monkeypatch, capsys):
    bak, rusak = _rusakkan(sesi)
    kode, out, _ = _pulihkan(monkeypatch, capsys, sesi.path, stdin="y\n")
    assert kode == 0, out
    assert baca(sesi.path) == bak
    aside = [n for n in os.listdir(os.path.dirname(sesi.path)) if ".rusak-" in n and not n.endswith(".jurnal")]
    assert len(aside) == 1 and aside[0] in out
    assert os.path.exists(os.path.join(os.path.dirname(sesi.path), aside[0] + ".jurnal"))  # its journal too
    assert baca(os.path.join(os.path.dirname(sesi.path), aside[0])) == rusak
    toko = Store.buka(sesi.path)
    with toko.transaksi() as tx:  # and the session goes on from the backup
        catatan.tambah_catatan(tx, "setelah dipulihkan")
    assert periksa_rantai(Store.buka(sesi.path).data.raw["riwayat"].values()) == []


def test_pulihkan_ya_does_not_ask_and_twice_keeps_both_asides(sesi, monkeypatch, capsys):
    bak, rusak = _rusakkan(sesi)
    kode, out, _ = _pulihkan(monkeypatch, capsys, sesi.path, "--ya", stdin="")
    assert kode == 0 and "[y/T]" not in out
    assert baca(sesi.path) == bak
    tulis(sesi.path, b"rusak lagi")
    kode, _, _ = _pulihkan(monkeypatch, capsys, sesi.path, "--ya")
    assert kode == 0
    folder = os.path.dirname(sesi.path)
    aside = sorted(baca(os.path.join(folder, n)) for n in os.listdir(folder)
                   if ".rusak-" in n and not n.endswith(".jurnal"))
    assert aside == sorted([rusak, b"rusak lagi"])


def test_pulihkan_when_the_file_is_gone(sesi, monkeypatch, capsys):
    bak, _ = _rusakkan(sesi)
    os.unlink(sesi.path)
    kode, out, _ = _pulihkan(monkeypatch, capsys, sesi.path, "--ya")
    assert kode == 0
    assert baca(sesi.path) == bak
    assert "disimpan sebagai" not in out


def test_pulihkan_without_a_good_backup_is_refused(sesi, monkeypatch, capsys):
    _, rusak = _rusakkan(sesi)
    tulis(sesi.backup_path, b'{"_meta": ')
    kode, _, err = _pulihkan(monkeypatch, capsys, sesi.path, "--ya")
    assert kode == 1 and "rusak" in err and ".bak" in err
    os.unlink(sesi.backup_path)
    kode, _, err = _pulihkan(monkeypatch, capsys, sesi.path, "--ya")
    assert kode == 1 and "tidak ada" in err
    assert baca(sesi.path) == rusak


def test_pulihkan_from_the_command_line(sesi):
    """The real `musrenbang pulihkan` process, answering y on its standard input."""
    bak, rusak = _rusakkan(sesi)
    anak = popen_python("from musrenbang_tui.cli import run; run()", "pulihkan", sesi.path)
    out, err = anak.communicate("y\n", timeout=60)
    assert anak.returncode == 0, err
    assert "[y/T]" in out and "Dipulihkan ke revisi" in out
    assert baca(sesi.path) == bak


# --- migrations ------------------------------------------------------------------------------------


def test_older_schema_is_migrated_on_load_and_written_on_next_transaction(sesi, monkeypatch):
    """A schema-n file opened by a schema-n+1 app: read migrated, left as schema n on disk until the next
    transaction, which writes schema n+1 and keeps the schema-n file as the backup."""
    n = skema.SKEMA
    with sesi.transaksi() as tx:
        catatan.tambah_catatan(tx, "catatan lama", "Lurah")
    sesi.tutup()  # the older app exits: its journal is compacted into the snapshot
    lama = baca(sesi.path)
    dipanggil = []

    def ke_2(meta, tables):
        dipanggil.append(meta["revisi"])
        tables["catatan"] = {cid: dict(c, sumber="notulen") for cid, c in tables["catatan"].items()}
        return dict(meta, skema=n + 1), tables

    monkeypatch.setattr(skema, "SKEMA", n + 1)
    monkeypatch.setitem(skema.MIGRASI, n, ke_2)
    toko = Store.buka(sesi.path)
    assert all(c["sumber"] == "notulen" for c in toko.data.raw["catatan"].values())
    assert baca(sesi.path) == lama  # reading never writes
    with toko.transaksi() as tx:
        catatan.tambah_catatan(tx, "catatan baru")
    obj = json.loads(baca(sesi.path))
    assert obj["_meta"]["skema"] == n + 1
    assert [c.get("sumber") for c in obj["catatan"].values()] == ["notulen"] * (len(obj["catatan"]) - 1) + [None]
    assert baca(sesi.backup_path) == lama
    assert dipanggil  # and the migrated file no longer needs it
    dipanggil.clear()
    Store.buka(sesi.path)
    assert dipanggil == []


def test_missing_migration_step_is_a_clear_refusal(sesi, monkeypatch):
    lama = baca(sesi.path)
    n = skema.SKEMA
    monkeypatch.setattr(skema, "SKEMA", n + 2)
    monkeypatch.setitem(skema.MIGRASI, n, lambda meta, tables: (dict(meta, skema=n + 1), tables))
    monkeypatch.delitem(skema.MIGRASI, n + 1, raising=False)
    with pytest.raises(BerkasRusak, match=f"tidak ada migrasi dari skema {n + 1}"):
        Store.buka(sesi.path)
    assert baca(sesi.path) == lama


def test_migration_that_breaks_the_shape_is_refused(sesi, monkeypatch):
    """A migration's result is validated like a file: a broken step cannot write a broken file."""
    lama = baca(sesi.path)
    monkeypatch.setattr(skema, "SKEMA", skema.SKEMA + 1)
    monkeypatch.setitem(skema.MIGRASI, skema.SKEMA - 1, lambda meta, tables: (meta, dict(tables, usulan=[])))
    with pytest.raises(BerkasRusak, match="tabel 'usulan' bukan objek"):
        with Store(sesi.path).transaksi() as tx:
            catatan.tambah_catatan(tx, "x")
    assert baca(sesi.path) == lama


def test_every_older_schema_has_a_migration_and_a_sample_file():
    """Tripwire for the next schema: each older version needs a step in MIGRASI and a sample file
    tests/data/skema-N.json that must load migrated."""
    folder = os.path.join(os.path.dirname(__file__), "data")
    for n in range(1, skema.SKEMA):
        assert n in skema.MIGRASI, f"tidak ada migrasi dari skema {n}"
        contoh = os.path.join(folder, f"skema-{n}.json")
        assert os.path.exists(contoh), f"contoh berkas skema {n} tidak ada: {contoh}"
        assert Store.buka(contoh).data.info.kecamatan


def test_penulisan_sebagian_sama_dengan_penulisan_penuh(tmp_path):
    """Re-serialising only the changed records writes exactly the bytes a full serialisation would,
    through puts, deletes, re-inserts, notes, another terminal's writes and a failed write."""
    import random

    from sesi import berkas as berkas_mod
    from sesi.errors import GagalMenyimpan
    from sesi.json_baris import encode

    path = tmp_path / "sesi.json"
    buat_store(path, n_usulan=12, n_peserta=6)
    store = Store.buka(path)
    lain = Store.buka(path)
    rng = random.Random(7)
    ids = list(store.data.usulan)
    gagal_n = 0
    for i in range(200):
        pilih = rng.random()
        s = lain if pilih > 0.9 else store
        u, k = rng.choice(ids), rng.choice(["K1", "K2", "K3"])
        gagal = False
        asli = berkas_mod.io.replace
        try:
            with s.transaksi() as tx:
                if pilih < 0.45:
                    skor.atur_skor(tx, u, k, rng.randint(1, 5))
                elif pilih < 0.6:
                    skor.hapus_skor(tx, u, k)
                elif pilih < 0.7:
                    skor.hapus_skor(tx, u, k)
                    skor.atur_skor(tx, u, k, 2)
                elif pilih < 0.8:
                    catatan.tambah_catatan(tx, f"catatan {i}")
                elif pilih < 0.85:
                    for cid in list(tx.table("catatan"))[:1]:
                        catatan.hapus_catatan(tx, cid)
                else:
                    skor.atur_skor(tx, u, k, rng.randint(1, 5))
                    gagal = pilih < 0.9 and rng.random() < 0.5
            if gagal:  # the snapshot is written by compaction: fail its rename
                def gagal_io(*a, **kw):
                    raise OSError(5, "uji: I/O gagal")
                berkas_mod.io.replace = gagal_io
            s.padatkan()
        except GagalMenyimpan:
            gagal_n += 1
        finally:
            berkas_mod.io.replace = asli
        if gagal:
            continue
        data = Store.buka(path).data
        meta = {"format": "musrenbang-tui", "skema": skema.SKEMA, "revisi": data.revisi}
        assert baca(path) == encode(meta, data.raw), f"langkah {i}"
    assert gagal_n >= 3


# --- the default clock: the session's time zone ------------------------------------------------------------


_JAM_ZONA = r"""
import sys, json
from sesi.store import Store
from sesi.transaksi import Pelaku
from sesi.persiapan import ubah_info
path, zona = sys.argv[1], sys.argv[2]
st = Store.buat(path, {"kecamatan": "X", "kota": "Y", "tahun": 2028, "tanggal": "2027-02-09",
                       "tempat": "Aula", "zona": zona}, pelaku=Pelaku("uji", "operator"))
with Store(path, pelaku=Pelaku("uji", "operator")).transaksi() as tx:
    ubah_info(tx, tempat="Aula Baru")
print(json.dumps([e["waktu"] for e in Store(path).muat().raw["riwayat"].values()]))
"""


@pytest.mark.parametrize("zona,jam", [("WIB", 7), ("WITA", 8), ("WIT", 9)])
def test_jam_bawaan_menurut_zona_sesi_bukan_zona_mesin(tmp_path, zona, jam):
    """On a machine set to another zone (here UTC-5), the stamps of a new session and of its changes are the
    wall clock of the session's zone (WIB UTC+7, WITA UTC+8, WIT UTC+9), as the documents label them."""
    from datetime import datetime, timedelta, timezone

    import subprocess
    import sys

    proses = subprocess.run([sys.executable, "-c", _JAM_ZONA, str(tmp_path / "z.json"), zona], text=True,
                            capture_output=True, env={**env_anak(), "TZ": "Etc/GMT+5"}, timeout=60)
    assert proses.returncode == 0, proses.stderr
    out = proses.stdout
    harap = datetime.now(timezone(timedelta(hours=jam))).replace(tzinfo=None)
    stempel = [datetime.fromisoformat(w) for w in json.loads(out)]
    assert len(stempel) == 2
    for s in stempel:
        assert abs((s - harap).total_seconds()) < 120, (s, harap)
