"""The store in a folder shared by a unix group (issue 10, items 5, 7 and 9), redone as attacks.

What another group member can plant next to a session (a symlink, FIFO or device at the session file,
`BERKAS.bak` or `BERKAS.lock`, a huge or hostile backup, a file with absurd numbers or nesting) is refused
at once with a message naming the file, never followed and never waited on; the session's bytes do not
change. `pulihkan` never drops a signature silently; `baru` leaves no half-made file.
"""

from __future__ import annotations

import json
import os
import signal
import stat
from pathlib import Path

import pytest
from helpers_store import buat_store
from skenario import buat_skenario

from musrenbang_tui import cli
from sesi import catatan, kriteria, persiapan
from sesi.errors import BerkasRusak, BerkasTidakAman, DataDitolak, SesiTerkunci
from sesi.riwayat import periksa_rantai
from sesi.store import BATAS_UKURAN, Store
from sesi.transaksi import Pelaku
from sesi.wilayah import kelurahan_dikenal

pytestmark = pytest.mark.skipif(os.name == "nt", reason="symlinks and FIFOs as on Linux/macOS")


@pytest.fixture
def sesi(tmp_path) -> Store:
    return buat_store(tmp_path / "sesi.json")


@pytest.fixture(autouse=True)
def tidak_pernah_menunggu():
    """Every attack must be refused at once: a test that would block on a FIFO fails after 20 s."""
    def habis(*_):
        raise TimeoutError("menunggu (FIFO?) lebih dari 20 detik")

    lama = signal.signal(signal.SIGALRM, habis)
    signal.alarm(20)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, lama)


def _tulis_catatan(path: str) -> None:
    with Store(path).transaksi() as tx:
        catatan.tambah_catatan(tx, "tidak boleh tertulis")


# --- the session file, its backup and its lock ------------------------------------------------------


def test_symlink_at_the_session_path_is_not_followed(tmp_path, sesi, capsys):
    """A member replaces the shared session with a symlink to another user's private session: every
    command refuses to open it; nothing is read from or written to the target."""
    korban = tmp_path / "pribadi.json"
    os.replace(sesi.path, korban)
    os.symlink(korban, sesi.path)
    isi = korban.read_bytes()
    with pytest.raises(BerkasTidakAman, match="symlink"):
        Store.buka(sesi.path)
    with pytest.raises(BerkasTidakAman):
        _tulis_catatan(sesi.path)
    for argv in (["periksa", sesi.path], ["ekspor", "peringkat", sesi.path]):
        assert cli.main(argv) == 1
        assert "symlink" in capsys.readouterr().err
    assert korban.read_bytes() == isi
    assert os.path.islink(sesi.path)


@pytest.mark.parametrize("jenis", ["fifo", "perangkat"])
def test_fifo_or_device_at_the_session_path_is_refused_at_once(tmp_path, jenis, capsys):
    """A FIFO at the session path used to block every command; /dev/zero would be read for ever."""
    path = tmp_path / "sesi.json"
    if jenis == "fifo":
        os.mkfifo(path)
    else:
        os.symlink("/dev/zero", path)  # a device node needs root; the symlink must not be followed either
    with pytest.raises(BerkasTidakAman):
        Store.buka(path)
    for argv in (["periksa", str(path)], ["ekspor", "daftar-hadir", str(path)], ["pulihkan", str(path), "--ya"]):
        assert cli.main(argv) == 1, argv
        assert "bukan berkas biasa" in capsys.readouterr().err or jenis == "perangkat"


@pytest.mark.skipif(os.geteuid() != 0, reason="creating a character device needs root")
def test_real_character_device_at_the_session_path(tmp_path):
    path = tmp_path / "sesi.json"
    os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 5))  # /dev/zero
    with pytest.raises(BerkasTidakAman, match="perangkat karakter"):
        Store.buka(path)


@pytest.mark.parametrize("jenis", ["symlink", "symlink-putus", "fifo", "folder"])
def test_anything_but_a_file_at_the_lock_path_is_refused(tmp_path, sesi, jenis):
    """A dangling symlink at BERKAS.lock used to make the next import create a file in the victim's home;
    a FIFO there must not hang the writer."""
    lock = Path(sesi.lock_path)
    lock.unlink()
    korban = tmp_path / "rumah-korban" / ".profile"
    korban.parent.mkdir()
    if jenis == "symlink":
        korban.write_text("asli")
        lock.symlink_to(korban)
    elif jenis == "symlink-putus":
        lock.symlink_to(korban)
    elif jenis == "fifo":
        os.mkfifo(lock)
    else:
        lock.mkdir()
    isi = Path(sesi.path).read_bytes()
    with pytest.raises(BerkasTidakAman, match=r"kunci .*\.lock"):
        _tulis_catatan(sesi.path)
    assert Path(sesi.path).read_bytes() == isi
    if jenis == "symlink":
        assert korban.read_text() == "asli"
    if jenis == "symlink-putus":
        assert not korban.exists()


@pytest.mark.parametrize("jenis", ["symlink", "symlink-putus", "fifo", "folder", "dev-zero"])
def test_anything_but_a_file_at_the_journal_path_is_refused(tmp_path, sesi, jenis, monkeypatch):
    """BERKAS.jurnal (issue 16, sesi/jurnal.py) is refused like the lock and the backup: a transaction
    will not append through a symlink (into another user's file) or wait on a FIFO; a reader never reads
    or waits on it and reads the session file instead."""
    jurnal = Path(sesi.jurnal_path)
    if jurnal.exists():
        jurnal.unlink()
    korban = tmp_path / "rumah-korban" / ".profile"
    korban.parent.mkdir()
    if jenis == "symlink":
        korban.write_text("asli")
        jurnal.symlink_to(korban)
    elif jenis == "symlink-putus":
        jurnal.symlink_to(korban)
    elif jenis == "fifo":
        os.mkfifo(jurnal)
    elif jenis == "dev-zero":
        jurnal.symlink_to("/dev/zero")
    else:
        jurnal.mkdir()
    isi = Path(sesi.path).read_bytes()
    with pytest.raises(BerkasTidakAman, match=r"Jurnal .*\.jurnal"):
        _tulis_catatan(sesi.path)
    assert Path(sesi.path).read_bytes() == isi
    if jenis == "symlink":
        assert korban.read_text() == "asli"
    if jenis == "symlink-putus":
        assert not korban.exists()
    # Readers refuse it too: the journal is part of the session, and what stands there cannot be read
    # (reading the snapshot alone could silently drop saved changes).
    with pytest.raises(BerkasTidakAman, match=r"Jurnal .*\.jurnal"):
        Store.buka(sesi.path)
    # planted after a writer's check (a race): the read and the append refuse it; nothing is saved
    monkeypatch.setattr(Store, "_periksa_biasa", staticmethod(lambda path, nama: None))
    with pytest.raises(BerkasTidakAman, match=r"Jurnal .*\.jurnal"):
        _tulis_catatan(sesi.path)
    assert Path(sesi.path).read_bytes() == isi
    if jenis == "symlink":
        assert korban.read_text() == "asli"
    if jenis == "symlink-putus":
        assert not korban.exists()
    assert not stat.S_ISREG(os.lstat(jurnal).st_mode)  # left as it was


def test_huge_journal_is_not_read(sesi):
    """A journal grown (or planted) far past its bound (`sesi.jurnal.BATAS_JURNAL`; compaction keeps it
    far below): never read; readers and writers refuse with a message naming it, at once; `pulihkan`
    restores the backup and starts a new journal."""
    import time

    pembaca = Store.buka(sesi.path)
    _tulis_catatan_boleh(sesi.path)
    with open(sesi.jurnal_path, "r+b") as f:
        f.truncate(3 * 1024 ** 3)  # sparse: no disk used
    t0 = time.monotonic()
    for baca in (pembaca.muat, lambda: Store.buka(sesi.path), lambda: _tulis_catatan_boleh(sesi.path)):
        with pytest.raises(BerkasRusak, match=r"\.jurnal terlalu besar"):
            baca()
    assert time.monotonic() - t0 < 5
    Store(sesi.path).pulihkan()
    assert os.path.getsize(sesi.jurnal_path) < 64 * 1024
    _tulis_catatan_boleh(sesi.path)
    # A terminal that held a newer state than the backup does not take the older one (it could save on
    # it); opened again, it reads the restored session (intentional since the roll-back check).
    with pytest.raises(BerkasRusak, match="sudah memegang revisi"):
        pembaca.muat()
    segar = Store.buka(sesi.path).data
    assert [c["teks"] for c in segar.raw["catatan"].values()][-1] == "catatan sah"


def _tulis_catatan_boleh(path: str) -> None:
    with Store(path).transaksi() as tx:
        catatan.tambah_catatan(tx, "catatan sah")


@pytest.mark.parametrize("jenis", ["symlink", "fifo"])
def test_anything_but_a_file_at_the_backup_path_is_refused(tmp_path, sesi, jenis, capsys):
    """`pulihkan` used to read a symlinked .bak (another user's private session) or hang on a FIFO; a
    transaction will not write over it either."""
    bak = Path(sesi.backup_path)
    lain = tmp_path / "pribadi.json"
    bak.rename(lain)
    if jenis == "symlink":
        bak.symlink_to(lain)
    else:
        os.mkfifo(bak)
    isi = Path(sesi.path).read_bytes()
    with pytest.raises(BerkasTidakAman, match=r"Cadangan .*\.bak"):
        _tulis_catatan(sesi.path)
    assert Path(sesi.path).read_bytes() == isi
    Path(sesi.path).write_bytes(b"rusak")
    assert cli.main(["pulihkan", sesi.path, "--ya"]) == 1
    err = capsys.readouterr().err
    assert ".bak" in err and ("symlink" in err or "FIFO" in err), err
    assert Path(sesi.path).read_bytes() == b"rusak"
    assert (stat.S_ISLNK if jenis == "symlink" else stat.S_ISFIFO)(os.lstat(bak).st_mode)


def test_huge_backup_is_not_read(sesi, monkeypatch, capsys):
    """A .bak the size of /dev/zero's output: refused by its size, never read into memory."""
    with open(sesi.backup_path, "r+b") as f:
        f.truncate(BATAS_UKURAN + 1)  # sparse: no disk used
    Path(sesi.path).write_bytes(b"rusak")
    assert cli.main(["pulihkan", sesi.path, "--ya"]) == 1
    assert "terlalu besar" in capsys.readouterr().err
    assert Path(sesi.path).read_bytes() == b"rusak"


# --- pulihkan and the signature ----------------------------------------------------------------------


@pytest.fixture
def sah(tmp_path) -> Store:
    """The scenario, signed by the Camat (the .bak is the unsigned revision before signing)."""
    return buat_skenario(str(tmp_path / "sah.json"), sahkan=True)


def test_pulihkan_refuses_to_drop_a_signature(sah, capsys):
    """The attack: `pulihkan --ya` on a signed session silently made it a writable draft again."""
    isi = Path(sah.path).read_bytes()
    assert cli.main(["pulihkan", sah.path, "--ya"]) == 1
    err = capsys.readouterr().err
    assert "sudah disahkan" in err and "--buka-kunci" in err and "Tidak ada yang diubah" in err
    assert Path(sah.path).read_bytes() == isi
    with pytest.raises(SesiTerkunci):
        Store(sah.path).pulihkan()
    assert Path(sah.path).read_bytes() == isi
    for argv in (["--buka-kunci"], ["--alasan", "x"]):  # one without the other: a usage error
        assert cli.main(["pulihkan", sah.path, "--ya", *argv]) == 2
    assert Path(sah.path).read_bytes() == isi


def test_pulihkan_with_a_reason_reopens_and_records_it(sah, capsys):
    """With --buka-kunci --alasan the backup is restored, the signed version moves to versi_sah with
    the reason (as `buka-kunci` does), and the history records both, chain intact."""
    sebelum = Store.buka(sah.path).data
    sidik = sebelum.info.disahkan["sidik_jari"]
    assert cli.main(["pulihkan", sah.path, "--ya", "--buka-kunci", "--alasan", "Berkas rusak setelah sah"]) == 0
    out = capsys.readouterr().out
    assert "Pengesahan dibuka kembali" in out
    data = Store.buka(sah.path).data
    assert not data.info.terkunci
    assert data.revisi > sebelum.revisi
    (versi,) = data.info.versi_sah
    assert versi["sidik_jari"] == sidik and versi["alasan"] == "Berkas rusak setelah sah"
    entri = list(data.raw["riwayat"].values())
    assert [e["aksi"] for e in entri[-2:]] == ["buka kembali pengesahan", "pulihkan cadangan"]
    assert entri[-2]["baru"] == "Berkas rusak setelah sah"
    assert periksa_rantai(entri) == []
    aside = [n for n in os.listdir(os.path.dirname(sah.path)) if ".rusak-" in n]
    aside = [n for n in aside if not n.endswith(".jurnal")]  # (its journal is kept beside it too)
    assert len(aside) == 1  # the signed file is kept beside


def test_pulihkan_keeps_a_signed_backup_signed(sah):
    """After an unlock, the .bak is the signed revision: restoring it gives back the signed file as is."""
    from sesi.pengesahan import buka_kembali

    bertanda = Path(sah.path).read_bytes()
    with Store(sah.path, pelaku=Pelaku("Camat", "pimpinan")).transaksi() as tx:
        buka_kembali(tx, "Salah ketik nomor")
    Store(sah.path).pulihkan()
    assert Path(sah.path).read_bytes() == bertanda
    assert Store.buka(sah.path).data.info.terkunci


def test_pulihkan_refuses_an_empty_reason_without_writing(sah):
    isi = Path(sah.path).read_bytes()
    with pytest.raises(DataDitolak, match="Alasan"):
        Store(sah.path, pelaku=Pelaku("Camat", "pimpinan")).pulihkan(alasan_buka="   ")
    assert Path(sah.path).read_bytes() == isi
    assert not [n for n in os.listdir(os.path.dirname(sah.path)) if ".rusak-" in n or n.endswith(".tmp")]


# --- bounded work on hostile JSON --------------------------------------------------------------------


def _ganti_revisi(path: str, nilai: str) -> None:
    teks = Path(path).read_text(encoding="utf-8")
    obj = json.loads(teks)
    rev = obj["_meta"]["revisi"]
    Path(path).write_text(teks.replace(f'"revisi": {rev}', f'"revisi": {nilai}', 1), encoding="utf-8")


@pytest.mark.parametrize("nilai,kata", [
    ("1" + "0" * 5000, "terlalu panjang"),  # used to be exit 3 (int conversion limit)
    ("1" + "0" * 30, "terlalu panjang"),
    ("NaN", "NaN"),
    ("Infinity", "Infinity"),
    ("[" * 100_000 + "]" * 100_000, "dalam"),  # used to be exit 3 (recursion)
    ("[" * 51 + "]" * 51, "dalam"),
    ("[" * 100_000, "dalam"),  # not even balanced
])
def test_absurd_numbers_and_nesting_are_refused_quickly(sesi, capsys, nilai, kata):
    _ganti_revisi(sesi.path, nilai)
    isi = Path(sesi.path).read_bytes()
    with pytest.raises(BerkasRusak, match=kata):
        Store.buka(sesi.path)
    for argv in (["periksa", sesi.path], ["ekspor", "peringkat", sesi.path]):
        assert cli.main(argv) == 1
        assert kata in capsys.readouterr().err or argv[0] == "periksa"
    assert Path(sesi.path).read_bytes() == isi


def test_thirty_digits_and_fifty_levels_still_load(sesi):
    """The limits are limits, not off by one: 30 digits in a text and 50 levels in a history entry load."""
    with sesi.transaksi() as tx:
        catatan.tambah_catatan(tx, "9" * 200)  # long digit runs inside a text are text
        tx.catat("uji", "x", None, json.loads("[" * 47 + "]" * 47))  # riwayat: table, record, 'baru' = 50
    assert Store.buka(sesi.path).data.revisi == sesi.data.revisi


# --- baru is all or nothing --------------------------------------------------------------------------


def test_baru_refused_leaves_no_file_and_a_retry_works(tmp_path, capsys):
    """`baru --kelurahan "A;B;a"` used to refuse but leave a half-made file that blocked the retry."""
    path = tmp_path / "baru.json"
    argv = ["baru", str(path), "--kecamatan", "Contoh", "--kota", "Tabalong", "--tahun", "2028",
            "--tanggal", "2027-02-09", "--tempat", "Aula"]
    assert cli.main(argv + ["--kelurahan", "Alpha;Beta;alpha"]) == 1
    assert "Kelurahan Alpha sudah ada" in capsys.readouterr().err
    assert sorted(os.listdir(tmp_path)) == []
    assert cli.main(argv + ["--kelurahan", "Alpha;Beta"]) == 0
    data = Store.buka(path).data
    assert [k.nama for k in data.kelurahan] == ["Alpha", "Beta"] and len(data.kriteria) == 5
    assert data.revisi == 2 and periksa_rantai(data.raw["riwayat"].values()) == []


def test_baru_writes_the_same_bytes_as_before(tmp_path):
    """One write instead of two: the file is byte for byte what creating then filling made (revision 2,
    the same history), only without the intermediate revision-1 file as backup."""
    from conftest import Jam

    path = tmp_path / "a.json"
    persiapan.buat_sesi(str(path), kecamatan="Banjarmasin Utara", kota="Banjarmasin", tahun=2028,
                        tanggal="2027-02-09", tempat="Aula", clock=Jam())
    jam = Jam()
    dua = Store.buat(tmp_path / "b.json", persiapan.info_awal(
        "Banjarmasin Utara", "Banjarmasin", 2028, "2027-02-09", "Aula", jenis_daerah="Kota", zona="WITA",
        ibu_kota_kecamatan="Banjarmasin Utara", bappeda="Bappedalitbang Kota Banjarmasin", sumber_wilayah=""),
        clock=jam)
    with dua.transaksi() as tx:
        for n in kelurahan_dikenal("Banjarmasin", "Banjarmasin Utara"):
            persiapan.tambah_kelurahan(tx, n)
        kriteria.ganti_semua_kriteria(tx, kriteria.kriteria_baku())
    dua.padatkan()  # (a transaction is a journal line; compaction writes the snapshot)
    assert path.read_bytes() == (tmp_path / "b.json").read_bytes()
    assert not (tmp_path / "a.json.bak").exists()
