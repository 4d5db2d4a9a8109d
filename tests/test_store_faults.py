"""I/O faults around the store, in the manner of SQLite's I/O-error tests.

A save is normally one journal line (its faults: the last tests below). The snapshot is written by
compaction, and a transaction too large for one line is saved by writing the whole snapshot: the module
fixture `lewat_snapshot` makes every transaction take that path (`sesi.jurnal.BATAS_BARIS = 0`), so the
snapshot writer is tested on real transactions. Every low-level call it makes goes through `sesi.berkas.io`. Each test below first counts
those calls in a successful transaction, then fails the Nth call of one kind (open, write, fsync, close,
replace, link), for every N, and checks: the error is `GagalMenyimpan` with an Indonesian message; the
file is byte for byte the old content (never a mix); the backup still loads; no temp file is left; the
Store in memory does not show the change; and the next transaction works and writes exactly the bytes a
transaction without faults would have written.
"""

from __future__ import annotations

import errno
import os
import shutil
from datetime import datetime

import pytest
from helpers_store import buat_store, keadaan, sisa_temp

import sesi.berkas as berkas_mod
from sesi import catatan, pendaftaran, skor
from sesi.errors import BerkasSudahAda, GagalMenyimpan
from sesi.lock import ProcessLock
from sesi.riwayat import periksa_rantai
from sesi.json_baris import decode
from sesi.store import Store

OPS = ("open", "write", "fsync", "close", "replace", "link")
WAKTU = datetime(2027, 2, 9, 10, 15, 0)


def jam_tetap():
    return WAKTU


def ubah(tx) -> None:
    """A real transaction of the morning: a check-in, a score and a note."""
    pid = sorted(tx.table("peserta"))[0]
    if tx.get("peserta", pid).get("hadir"):
        pendaftaran.batal_hadir(tx, pid)
    else:
        pendaftaran.hadir(tx, pid)
    skor.atur_skor(tx, "U001", "K1", 4 if tx.get("skor", "U001|K1|") is None else 5)
    catatan.tambah_catatan(tx, "Ketua kelompok menyampaikan hasil verifikasi.", "Ketua")


@pytest.fixture(scope="module", autouse=True)
def lewat_snapshot():
    """Every transaction of this module is saved by writing the whole snapshot (what a large import does)."""
    mp = pytest.MonkeyPatch()
    mp.setattr("sesi.jurnal.BATAS_BARIS", 0)
    yield
    mp.undo()


class Hitung:
    """Wraps `sesi.berkas.io`: counts calls per kind and fails the Nth call of one kind."""

    def __init__(self, monkeypatch, op: str | None = None, n: int = 0, galat: BaseException | None = None):
        self.calls = {o: 0 for o in (*OPS, "unlink")}
        self.op, self.n = op, n
        self.galat = galat or OSError(errno.EIO, os.strerror(errno.EIO))
        self.terpicu = False
        for o in self.calls:
            monkeypatch.setattr(berkas_mod.io, o, self._bungkus(o, getattr(berkas_mod._IO, o)))

    def _bungkus(self, op, asli):
        def f(*args, **kwargs):
            self.calls[op] += 1
            if op == self.op and self.calls[op] == self.n:
                self.terpicu = True
                raise self.galat
            return asli(*args, **kwargs)
        return f


@pytest.fixture(scope="module")
def contoh(tmp_path_factory):
    """A session folder to copy for each trial, the bytes a faultless `ubah` writes, and call counts."""
    folder = tmp_path_factory.mktemp("contoh")
    s = buat_store(folder / "sesi.json")
    with s.transaksi() as tx:
        catatan.tambah_catatan(tx, "Revisi sebelum uji.")
    lama = open(s.path, "rb").read()
    salin = tmp_path_factory.mktemp("hitung")
    path = _salin(folder, salin)
    mp = pytest.MonkeyPatch()
    try:
        h = Hitung(mp)
        t = Store.buka(path, clock=jam_tetap)
        with t.transaksi() as tx:
            ubah(tx)
        calls = dict(h.calls)
    finally:
        mp.undo()
    baru = open(path, "rb").read()
    assert baru != lama
    return folder, lama, baru, calls


def _salin(dari, ke) -> str:
    for name in os.listdir(dari):
        shutil.copy2(os.path.join(dari, name), os.path.join(ke, name))
    return os.path.join(ke, "sesi.json")


def test_a_transaction_uses_every_kind_of_call(contoh):
    """The fault tests below are only meaningful if a transaction goes through each of these calls."""
    _, _, _, calls = contoh
    assert calls["open"] >= 2  # the temp file, the folder
    assert calls["write"] >= 1
    assert calls["fsync"] >= 2  # the temp file, the folder
    assert calls["close"] >= 2
    assert calls["replace"] >= 2  # the backup, the store
    assert calls["link"] >= 1  # the backup
    assert calls["unlink"] == 0


def _coba(tmp_path, contoh, monkeypatch, op, n, galat=None):
    """One trial: fail call n of op in `ubah`; check everything; return the error message."""
    folder, lama, baru, _ = contoh
    ke = tmp_path / f"{op}-{n}"
    ke.mkdir()
    path = _salin(folder, ke)
    s = Store.buka(path, clock=jam_tetap)
    sebelum = s.data
    lain = Store.buka(path)  # another terminal, watching
    with monkeypatch.context() as mp:
        h = Hitung(mp, op, n, galat)
        with pytest.raises(GagalMenyimpan) as info:
            with s.transaksi() as tx:
                ubah(tx)
        assert h.terpicu
    isi = open(path, "rb").read()
    assert isi in (lama, baru), "berkas bukan isi lama maupun baru"
    assert isi == lama, "perubahan yang dilaporkan gagal ternyata tampak tersimpan"
    decode(open(s.backup_path, "rb").read(), s.backup_path)  # the backup still loads
    assert sisa_temp(ke) == []
    assert s.data is sebelum  # memory does not claim the change
    assert keadaan(s.muat()) == keadaan(sebelum)
    assert lain.muat().revisi == sebelum.revisi
    # the process keeps working: the same change now lands, exactly as without the fault
    with s.transaksi() as tx:
        ubah(tx)
    assert open(path, "rb").read() == baru
    assert periksa_rantai(Store.buka(path).data.raw["riwayat"].values()) == []
    return str(info.value)


@pytest.mark.parametrize("op", OPS)
def test_failing_the_nth_call_of_each_kind(tmp_path, contoh, monkeypatch, op):
    """For every N: old content on disk, a clear error, nothing claimed, and the next transaction works."""
    calls = contoh[3]
    assert calls[op] > 0
    for n in range(1, calls[op] + 1):
        pesan = _coba(tmp_path, contoh, monkeypatch, op, n)
        assert "tidak tersimpan" in pesan.lower() or "gagal menyimpan" in pesan.lower(), pesan
        assert "Input/output error" in pesan or "I/O" in pesan, pesan


@pytest.mark.parametrize("op,n,galat,kata", [
    ("write", 1, errno.ENOSPC, "Disk penuh"),
    ("fsync", 1, errno.ENOSPC, "Disk penuh"),
    ("write", 1, errno.EDQUOT, "Kuota disk habis"),
    ("open", 1, errno.EROFS, "hanya-baca"),
    ("open", 1, errno.EACCES, "tanpa izin"),
    ("link", 1, errno.EPERM, None),  # no hard links here: the backup is copied instead, and it works
    ("replace", 2, errno.EACCES, "tanpa izin"),
])
def test_errno_gives_the_right_message(tmp_path, contoh, monkeypatch, op, n, galat, kata):
    if kata is None:
        folder, lama, baru, _ = contoh
        path = _salin(folder, tmp_path)
        s = Store.buka(path, clock=jam_tetap)
        with monkeypatch.context() as mp:
            Hitung(mp, op, n, OSError(galat, os.strerror(galat)))
            with s.transaksi() as tx:
                ubah(tx)
        assert open(path, "rb").read() == baru
        assert open(s.backup_path, "rb").read() == lama
        assert sisa_temp(tmp_path) == []
        return
    pesan = _coba(tmp_path, contoh, monkeypatch, op, n, OSError(galat, os.strerror(galat)))
    assert kata in pesan and "sesi.json" in pesan, pesan


def test_disk_full_after_a_partial_write(tmp_path, contoh, monkeypatch):
    """The disk fills half-way through the temp file: the half-written temp file is removed."""
    folder, lama, _, _ = contoh
    path = _salin(folder, tmp_path)
    s = Store.buka(path, clock=jam_tetap)
    asli = berkas_mod._IO.write
    n = [0]

    def tulis(fd, data):
        n[0] += 1
        if n[0] == 1:
            return asli(fd, data[: len(data) // 2])
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(berkas_mod.io, "write", tulis)
    with pytest.raises(GagalMenyimpan, match="Disk penuh"):
        with s.transaksi() as tx:
            ubah(tx)
    assert open(path, "rb").read() == lama
    assert sisa_temp(tmp_path) == []


def test_short_writes_are_completed(tmp_path, contoh, monkeypatch):
    """write() may write fewer bytes than asked (pipes, signals, some file systems): all are written."""
    folder, _, baru, _ = contoh
    path = _salin(folder, tmp_path)
    s = Store.buka(path, clock=jam_tetap)
    asli = berkas_mod._IO.write
    monkeypatch.setattr(berkas_mod.io, "write", lambda fd, data: asli(fd, data[:97]))
    with s.transaksi() as tx:
        ubah(tx)
    assert open(path, "rb").read() == baru


def test_cleanup_failing_too_still_reports_the_first_error(tmp_path, contoh, monkeypatch):
    """Disk full and the temp file cannot even be removed: the user hears about the disk, the store
    file is untouched, and the temp file is removed by a later writer once this process is gone."""
    folder, lama, _, _ = contoh
    path = _salin(folder, tmp_path)
    s = Store.buka(path, clock=jam_tetap)
    monkeypatch.setattr(berkas_mod.io, "write",
                        lambda fd, data: (_ for _ in ()).throw(OSError(errno.ENOSPC, "No space left")))
    monkeypatch.setattr(berkas_mod.io, "unlink", lambda p: (_ for _ in ()).throw(OSError(errno.EIO, "EIO")))
    with pytest.raises(GagalMenyimpan, match="Disk penuh"):
        with s.transaksi() as tx:
            ubah(tx)
    assert open(path, "rb").read() == lama
    assert len(sisa_temp(tmp_path)) == 1


@pytest.mark.parametrize("op", OPS)
def test_interrupt_at_any_call_leaves_old_or_new(tmp_path, contoh, monkeypatch, op):
    """Ctrl-C (KeyboardInterrupt) at any call: the file is the old or the new content, never a mix; the
    lock is released, no temp file is left, and the Store shows what the disk holds."""
    folder, lama, baru, calls = contoh
    for n in range(1, calls[op] + 1):
        ke = tmp_path / f"{op}-{n}"
        ke.mkdir()
        path = _salin(folder, ke)
        s = Store.buka(path, clock=jam_tetap)
        with monkeypatch.context() as mp:
            Hitung(mp, op, n, KeyboardInterrupt())
            with pytest.raises(KeyboardInterrupt):
                with s.transaksi() as tx:
                    ubah(tx)
        isi = open(path, "rb").read()
        assert isi in (lama, baru)
        assert sisa_temp(ke) == []
        assert s.muat().revisi == decode(isi, path)[0]["revisi"]
        with Store(path, lock_timeout=1).transaksi() as tx:  # the lock was released
            catatan.tambah_catatan(tx, "lanjut")


# --- creating and restoring ------------------------------------------------------------------------


def test_faults_while_creating_a_session(tmp_path, monkeypatch):
    """`baru` failing at any call leaves no file (or a complete one) and no temp file; a retry works."""
    info = {"kecamatan": "Banjarmasin Utara", "kota": "Banjarmasin", "tahun": 2028, "tanggal": "2027-02-09",
            "tempat": "Aula"}
    with monkeypatch.context() as mp:
        h = Hitung(mp)
        Store.buat(tmp_path / "hitung.json", info)
        calls = dict(h.calls)
    for op in OPS + ("unlink",):
        for n in range(1, calls[op] + 1):
            path = tmp_path / f"{op}-{n}.json"
            with monkeypatch.context() as mp:
                Hitung(mp, op, n)
                try:
                    Store.buat(path, info)
                    gagal = False
                except GagalMenyimpan as e:
                    gagal = True
                    assert "tidak tersimpan" in str(e).lower() or "gagal" in str(e).lower()
            if gagal:
                assert not path.exists(), f"{op} ke-{n}"
            else:  # only the removal of the temp file failed: the session was created whole
                assert op == "unlink"
                assert Store.buka(path).data.info.kecamatan == "Banjarmasin Utara"
            assert [t for t in sisa_temp(tmp_path) if f".{op}-{n}.json." in t] == [] or op == "unlink"
            if gagal:
                Store.buat(path, info)
            assert Store.buka(path).data.revisi == 1


def test_faults_while_restoring_the_backup(tmp_path, contoh, monkeypatch):
    """`pulihkan` failing at any call: the damaged file stays (or the backup is fully in place), no temp."""
    folder, _, _, _ = contoh
    with monkeypatch.context() as mp:
        ke = tmp_path / "hitung"
        ke.mkdir()
        path = _salin(folder, ke)
        open(path, "wb").write(b"rusak")
        h = Hitung(mp)
        Store(path).pulihkan()
        calls = dict(h.calls)
    bak = open(os.path.join(folder, "sesi.json.bak"), "rb").read()
    for op in OPS:
        for n in range(1, calls[op] + 1):
            ke = tmp_path / f"{op}-{n}"
            ke.mkdir()
            path = _salin(folder, ke)
            open(path, "wb").write(b"rusak")
            with monkeypatch.context() as mp:
                Hitung(mp, op, n)
                with pytest.raises(GagalMenyimpan):
                    Store(path).pulihkan()
            isi = open(path, "rb").read()
            assert isi in (b"rusak", bak)
            assert sisa_temp(ke) == []
            if isi == b"rusak":
                Store(path).pulihkan()  # and it can be tried again
            assert open(path, "rb").read() == bak
            aside = [x for x in os.listdir(ke) if ".rusak-" in x and not x.endswith(".jurnal")]
            assert aside and all(open(ke / x, "rb").read() == b"rusak" for x in aside)


def test_file_system_without_hard_links(tmp_path, monkeypatch):
    """A FAT flash drive has no hard links and no file modes: creating a session, transactions (the
    backup is copied) and restoring the backup all work, and `baru` still never overwrites a file."""
    def tanpa_link(*args):
        raise OSError(errno.EPERM, os.strerror(errno.EPERM))

    monkeypatch.setattr(berkas_mod.io, "link", tanpa_link)
    if hasattr(os, "fchmod"):
        monkeypatch.setattr(os, "fchmod", tanpa_link)  # FAT has no modes either
    s = buat_store(tmp_path / "sesi.json")
    lama = open(s.path, "rb").read()
    with s.transaksi() as tx:
        ubah(tx)
    assert open(s.backup_path, "rb").read() == lama
    with pytest.raises(BerkasSudahAda):
        Store.buat(s.path, {"kecamatan": "K", "kota": "C", "tahun": 2028, "tanggal": "2027-02-09",
                            "tempat": "T"})
    open(s.path, "wb").write(b"rusak")
    aside = Store(s.path).pulihkan()
    assert open(s.path, "rb").read() == lama
    assert open(aside, "rb").read() == b"rusak"
    assert sisa_temp(tmp_path) == []


# --- read-only folders -----------------------------------------------------------------------------


def test_read_only_folder_without_lock_file(tmp_path, contoh, monkeypatch):
    """On a read-only disk even the lock file cannot be made: said plainly, nothing changes."""
    folder, lama, _, _ = contoh
    path = _salin(folder, tmp_path)
    os.unlink(path + ".lock")

    def tolak(self):
        raise OSError(errno.EROFS, os.strerror(errno.EROFS), self.path)

    monkeypatch.setattr(ProcessLock, "_open", tolak)
    s = Store.buka(path)
    with pytest.raises(GagalMenyimpan, match="hanya-baca"):
        with s.transaksi() as tx:
            ubah(tx)
    assert open(path, "rb").read() == lama
    assert s.data.revisi == decode(lama, path)[0]["revisi"]


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="root ignores folder permissions")
def test_real_read_only_folder(tmp_path, contoh):
    folder, lama, _, _ = contoh
    path = _salin(folder, tmp_path)
    os.chmod(tmp_path, 0o555)
    try:
        s = Store.buka(path)
        with pytest.raises(GagalMenyimpan, match="hanya-baca atau tanpa izin"):
            with s.transaksi() as tx:
                ubah(tx)
        assert open(path, "rb").read() == lama
    finally:
        os.chmod(tmp_path, 0o755)


# --- the journal (issue 16, sesi/jurnal.py): the append is the acknowledgement ----------------------


@pytest.mark.parametrize("op", ["open", "write", "fsync"])
def test_failing_each_journal_call_fails_the_save_and_changes_nothing(tmp_path, contoh, monkeypatch, op):
    """A save's line goes through `sesi.berkas.io_jurnal`. Failing each call in turn: GagalMenyimpan with
    an Indonesian message, the journal byte for byte as before (a line written before a failed fsync is
    cut off again), memory and other terminals without the change, no temp file; the next save works
    and readers follow it."""
    monkeypatch.setattr("sesi.jurnal.BATAS_BARIS", 1 << 20)
    folder, lama, _, _ = contoh
    ke = tmp_path / op
    ke.mkdir()
    path = _salin(folder, ke)
    s = Store.buka(path, clock=jam_tetap)
    sebelum = s.data
    pembaca = Store.buka(path)
    jurnal = open(path + ".jurnal", "rb").read()
    hitung = {"n": 0}
    asli = getattr(berkas_mod._IO, op)

    def gagal(*args, **kwargs):
        hitung["n"] += 1
        if hitung["n"] == 1:
            raise OSError(errno.EIO, os.strerror(errno.EIO))
        return asli(*args, **kwargs)

    with monkeypatch.context() as mp:
        mp.setattr(berkas_mod.io_jurnal, op, gagal)
        with pytest.raises(GagalMenyimpan, match="tidak tersimpan"):
            with s.transaksi() as tx:
                ubah(tx)
    assert hitung["n"] >= 1
    assert open(path + ".jurnal", "rb").read() == jurnal and open(path, "rb").read() == lama
    assert s.data is sebelum and keadaan(Store.buka(path).data) == keadaan(sebelum)
    assert pembaca.muat().raw == sebelum.raw
    with s.transaksi() as tx:
        ubah(tx)
    penuh = pembaca.baca_penuh
    assert pembaca.muat().raw == Store.buka(path).data.raw == s.data.raw
    assert pembaca.baca_penuh == penuh
    assert sisa_temp(ke) == []


def test_failing_close_after_the_fsync_keeps_the_save(tmp_path, contoh, monkeypatch):
    """`close` failing after the line is fsynced: the save stands (it is on disk) and is reported as saved."""
    monkeypatch.setattr("sesi.jurnal.BATAS_BARIS", 1 << 20)
    folder, _, _, _ = contoh
    path = _salin(folder, tmp_path)
    s = Store.buka(path, clock=jam_tetap)

    def gagal(fd):
        os.close(fd)
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    with monkeypatch.context() as mp:
        mp.setattr(berkas_mod.io_jurnal, "close", gagal)
        with s.transaksi() as tx:
            ubah(tx)
    assert Store.buka(path).data.raw == s.data.raw


def test_interrupt_during_the_journal_append_saves_nothing(tmp_path, contoh, monkeypatch):
    """Ctrl-C while the journal line is written: the line is cut off again, nothing is saved, the lock is
    released."""
    monkeypatch.setattr("sesi.jurnal.BATAS_BARIS", 1 << 20)
    folder, _, _, _ = contoh
    path = _salin(folder, tmp_path)
    s = Store.buka(path, clock=jam_tetap)
    sebelum = s.data
    jurnal = open(path + ".jurnal", "rb").read()
    asli = berkas_mod._IO.write

    def sela(fd, data):
        asli(fd, bytes(data[: len(data) // 2]))
        raise KeyboardInterrupt

    with monkeypatch.context() as mp:
        mp.setattr(berkas_mod.io_jurnal, "write", sela)
        with pytest.raises(KeyboardInterrupt):
            with s.transaksi() as tx:
                ubah(tx)
    assert open(path + ".jurnal", "rb").read() == jurnal
    assert Store.buka(path).muat().raw == s.muat().raw == sebelum.raw
    with Store(path, lock_timeout=0.5).transaksi() as tx:  # the lock was released
        catatan.tambah_catatan(tx, "Sesudah Ctrl-C.")
