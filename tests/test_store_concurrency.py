"""Processes against one session file: `kill -9` during writes, several writers at once, and readers
polling during writes. Bounded to a few seconds each; `MUSRENBANG_LAMA=1` runs the long loops.

Figures (rounds, transactions, kills that landed mid-write) are printed; run with `-s` to see them.
"""

from __future__ import annotations

import json
import os
import random
import select
import signal
import time
import traceback

import pytest
from helpers_store import LAMA, buat_store, popen_python, sisa_temp

from sesi import catatan, pendaftaran, skor
from sesi.riwayat import periksa_rantai
from sesi.store import Store

def _penulis_terus(path, putaran: int, w: int) -> None:
    """The child: write transactions for ever, reporting "<revision> <note>" after each commit.

    Each transaction scores a cell, adds a note and toggles a check-in."""
    import sesi.jurnal

    sesi.jurnal.PADAT_BARIS = 5  # kills land mid-append, mid-compaction and between its two renames too
    s = Store(path, lock_timeout=30)
    d = s.muat()
    usulan, peserta = sorted(d.usulan), sorted(d.peserta)
    os.write(w, b"siap\n")
    i = 0
    while True:
        i += 1
        teks = f"r{putaran}-{i}"
        with s.transaksi() as tx:
            skor.atur_skor(tx, usulan[i % len(usulan)], f"K{i % 5 + 1}", (i * 7) % 5 + 1)
            catatan.tambah_catatan(tx, teks)
            pid = peserta[i % len(peserta)]
            if tx.get("peserta", pid)["hadir"]:
                pendaftaran.batal_hadir(tx, pid)
            else:
                pendaftaran.hadir(tx, pid)
        os.write(w, f"{s.data.revisi} {teks}\n".encode())


def _baca_semua(fd: int) -> str:
    chunks = []
    while True:
        b = os.read(fd, 65536)
        if not b:
            return b"".join(chunks).decode()
        chunks.append(b)


def _baca_baris(fd: int, n: int, batas: float) -> str:
    """Read from the pipe until it holds `n` complete lines, the writer closes it, or `batas` seconds pass."""
    chunks: list[bytes] = []
    akhir = time.monotonic() + batas
    while b"".join(chunks).count(b"\n") < n and time.monotonic() < akhir:
        if select.select([fd], [], [], 1)[0]:
            b = os.read(fd, 65536)
            if not b:
                break
            chunks.append(b)
    return b"".join(chunks).decode()


def _baris_utuh(teks: str) -> list[str]:
    """Complete lines only."""
    return teks.split("\n")[:-1]


@pytest.mark.lama
@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL")
def test_kill_9_during_writes_never_loses_a_committed_change(tmp_path):
    """A writer killed with SIGKILL at random moments, round after round: the file always loads, the
    revision never goes backwards, and every change the writer reported as committed is there.

    The writer is a forked child (modules already imported), so a round costs milliseconds."""
    rng = random.Random(int(os.environ.get("MUSRENBANG_BENIH", "0")) or None)
    durasi, minimum = (120.0, 2000) if LAMA else (3.0, 40)
    path = tmp_path / "sesi.json"
    buat_store(path, n_usulan=8, n_peserta=20)
    dipakai = [path]
    rev = Store.buka(path).data.revisi
    pengikut = Store.buka(path)  # another terminal following the journal across the kills (issue 16)
    putaran = transaksi = tengah_tulis = 0
    dilaporkan_total = 0
    mulai = time.monotonic()
    while putaran < minimum or time.monotonic() - mulai < durasi:
        putaran += 1
        if os.path.getsize(path) > 400_000:  # keep each round's work similar in long runs
            path = tmp_path / f"sesi-{putaran}.json"
            buat_store(path, n_usulan=8, n_peserta=20)
            dipakai.append(path)
            rev = Store.buka(path).data.revisi
            pengikut = Store.buka(path)
        r, w = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child never returns into pytest
            try:
                os.close(r)
                _penulis_terus(path, putaran, w)
            except BaseException:  # noqa: BLE001 - reported to the parent, which fails the test
                os.write(w, ("GALAT " + traceback.format_exc().replace("\n", " | ") + "\n").encode())
            finally:
                os._exit(1)
        os.close(w)
        try:
            # Kill at a random moment after a random number of commits (none in a third of the rounds: the
            # kill then lands in the first transaction). Counting commits, not milliseconds, keeps the
            # kills among the writes on a loaded machine, where 30 ms may not be enough for one commit.
            keluaran = _baca_baris(r, 1 + rng.choice((0, 1, 3)), batas=60)
            time.sleep(rng.uniform(0, 0.03))
            os.kill(pid, signal.SIGKILL)
            _, status = os.waitpid(pid, 0)
            keluaran += _baca_semua(r)
        finally:
            os.close(r)
            try:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
        baris = _baris_utuh(keluaran)
        galat = [b for b in baris if b.startswith("GALAT ")]
        assert galat == [], galat
        assert baris[:1] == ["siap"], keluaran
        assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, status
        if [t for t in sisa_temp(tmp_path) if t.startswith(f".{path.name}.")]:
            tengah_tulis += 1
        dilaporkan = [b.split(" ", 1) for b in baris[1:]]
        dilaporkan_total += len(dilaporkan)
        data = Store.buka(path).data  # must load, whatever moment the kill hit
        assert data.revisi >= rev, "revisi mundur"
        if dilaporkan:
            assert data.revisi >= int(dilaporkan[-1][0])
        teks = set(c["teks"] for c in data.raw["catatan"].values())
        hilang = [t for _, t in dilaporkan if t not in teks]
        assert hilang == [], f"putaran {putaran}: perubahan yang dilaporkan tersimpan hilang: {hilang}"
        transaksi += data.revisi - rev
        rev = data.revisi
        ikut = pengikut.muat()  # the journal's new lines when they fit, else the file: the same either way
        assert ikut.revisi == data.revisi and ikut.raw == data.raw
        assert [list(t) for t in ikut.raw.values()] == [list(t) for t in data.raw.values()]
    # The next writer on each file removes the temp files the killed ones left.
    for p in dipakai:
        assert periksa_rantai(Store.buka(p).data.raw["riwayat"].values()) == []
        with Store(p).transaksi() as tx:
            catatan.tambah_catatan(tx, "setelah semua putaran")
    assert sisa_temp(tmp_path) == []
    print(f"\nkill -9: {putaran} putaran, {transaksi} transaksi tersimpan ({dilaporkan_total} dilaporkan), "
          f"{tengah_tulis} kali terbunuh di tengah penulisan (berkas sementara tertinggal), 0 berkas rusak")
    assert transaksi > 0


PENGIKUT = """
import hashlib, json, os, sys
from sesi.store import Store
path, berhenti = sys.argv[1], sys.argv[2]
s = Store.buka(path)
revisi = []
print("siap", flush=True)
while not os.path.exists(berhenti):
    revisi.append(s.muat().revisi)
d = s.muat()
print(json.dumps({"revisi": revisi, "akhir": d.revisi, "penuh": s.baca_penuh, "jurnal": s.baca_jurnal,
                  "isi": hashlib.sha256(json.dumps(d.raw).encode()).hexdigest()}))
"""


PENULIS = """
import sys
import sesi.jurnal
from sesi import catatan, pendaftaran, skor
from sesi.store import Store
from sesi.transaksi import Pelaku
path, k, n, bagian = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
sesi.jurnal.PADAT_BARIS = 7  # compactions interleave with the other writers' appends and the readers
s = Store(path, pelaku=Pelaku(f"penulis {k}", "operator"), lock_timeout=60)
d = s.muat()
usulan, peserta = sorted(d.usulan), sorted(d.peserta)
print("siap", flush=True)
sys.stdin.readline()
for i in range(n):
    j = k * n + i
    with s.transaksi() as tx:
        if bagian & 1:
            catatan.tambah_catatan(tx, f"penulis {k} catatan {i}")
        if bagian & 2:
            pendaftaran.hadir(tx, peserta[j])
        if bagian & 4:
            skor.atur_skor(tx, usulan[j // 5], f"K{j % 5 + 1}", j % 5 + 1)
print("selesai", flush=True)
"""

PEMBACA = """
import json, os, sys
from sesi.store import Store
path, berhenti = sys.argv[1], sys.argv[2]
s = Store(path)
baca = 0
galat = []
revisi = []
print("siap", flush=True)
while not os.path.exists(berhenti):
    try:
        with open(path, "rb") as f:
            obj = json.loads(f.read())           # the raw bytes are whole JSON
        d = s.muat()                             # and the store reads them as a session
        revisi.append((obj["_meta"]["revisi"], d.revisi))
        len(d.usulan), len(d.peserta), len(d.skor_index)
        baca += 1
    except Exception as e:  # noqa: BLE001 - this is what the test counts
        galat.append(f"{type(e).__name__}: {e}")
print(json.dumps({"baca": baca, "galat": galat[:5], "jumlah_galat": len(galat), "revisi": revisi}))
"""


def _mulai_penulis(path, jumlah: int, n: int, bagian: int = 7):
    anak = [popen_python(PENULIS, str(path), str(k), str(n), str(bagian)) for k in range(jumlah)]
    for a in anak:
        assert a.stdout.readline().strip() == "siap", a.stderr.read()
    for a in anak:  # all start together
        a.stdin.write("mulai\n")
        a.stdin.flush()
    return anak


def _tunggu(anak):
    for a in anak:
        out, err = a.communicate(timeout=300)
        assert a.returncode == 0, err
        assert "selesai" in out


@pytest.mark.lama
def test_three_writers_at_once_lose_nothing(tmp_path):
    """3 processes write at once (notes, check-ins, scores of different records): exact final counts."""
    k, n = 3, (200 if LAMA else 30)
    path = tmp_path / "sesi.json"
    buat_store(path, n_usulan=(k * n) // 5 + 1, n_peserta=k * n)
    awal = Store.buka(path).data
    _tunggu(_mulai_penulis(path, k, n))
    akhir = Store.buka(path).data
    assert akhir.revisi == awal.revisi + k * n
    teks = [c["teks"] for c in akhir.raw["catatan"].values() if c["teks"].startswith("penulis ")]
    assert sorted(teks) == sorted(f"penulis {w} catatan {i}" for w in range(k) for i in range(n))
    for w in range(k):  # each writer's changes exactly once, in the order it made them
        assert [t for t in teks if t.startswith(f"penulis {w} ")] == [f"penulis {w} catatan {i}" for i in range(n)]
    hadir = sorted(pid for pid, p in akhir.peserta.items() if p.hadir)
    assert hadir == sorted(akhir.peserta)[: k * n]
    assert len(akhir.raw["skor"]) == len(awal.raw["skor"]) + k * n
    riwayat = list(akhir.raw["riwayat"].values())
    assert len(riwayat) == len(awal.raw["riwayat"]) + 3 * k * n
    assert periksa_rantai(riwayat) == []
    oleh = {}
    for e in riwayat[len(awal.raw["riwayat"]):]:
        oleh[e["nama"]] = oleh.get(e["nama"], 0) + 1
    assert oleh == {f"penulis {w}": 3 * n for w in range(k)}
    print(f"\n{k} penulis x {n} transaksi: {k * n} transaksi, 0 hilang")


@pytest.mark.lama
def test_reader_never_sees_a_broken_file_during_writes(tmp_path):
    """A reader polling the file (raw JSON and Store.muat) while two writers write: no error ever, and the
    revisions it sees never go backwards."""
    n = 150 if LAMA else 40
    path = tmp_path / "sesi.json"
    buat_store(path, n_usulan=(2 * n) // 5 + 1, n_peserta=2 * n)
    awal = Store.buka(path).data.revisi
    berhenti = tmp_path / "berhenti"
    pembaca = popen_python(PEMBACA, str(path), str(berhenti))
    try:
        assert pembaca.stdout.readline().strip() == "siap"
        _tunggu(_mulai_penulis(path, 2, n))
    finally:
        berhenti.write_text("")
    out, err = pembaca.communicate(timeout=60)
    assert pembaca.returncode == 0, err
    hasil = json.loads(out)
    assert hasil["jumlah_galat"] == 0, hasil["galat"]
    # The raw snapshot is a cache written by compaction: its revision lags the session's (snapshot +
    # journal) but never goes backwards, and is never ahead of what the Store read right after it.
    mentah = [r for r, _ in hasil["revisi"]]
    dimuat = [r for _, r in hasil["revisi"]]
    assert mentah == sorted(mentah) and dimuat == sorted(dimuat), "revisi yang terlihat mundur"
    assert all(r <= d for r, d in hasil["revisi"])
    assert len(set(mentah)) > 1  # compactions happened while it read
    revisi = set(dimuat)
    assert hasil["baca"] > 0
    assert Store.buka(path).data.revisi == awal + 2 * n
    print(f"\npembaca: {hasil['baca']} kali baca selama {2 * n} transaksi, "
          f"{len(revisi)} revisi berbeda terlihat, 0 galat")


@pytest.mark.lama
def test_journal_follower_ends_with_exactly_what_a_full_read_gives(tmp_path):
    """Issue 16: three writer processes at once and a reader process following the journal all the while
    (catching up by the new lines, or by the whole file when they do not fit): its revisions never go
    backwards, it mostly reads only the journal, and at the end it holds exactly a fresh full read
    (records and key order, compared by a hash of the JSON)."""
    import hashlib

    n = 150 if LAMA else 30
    path = tmp_path / "sesi.json"
    buat_store(path, n_usulan=(3 * n) // 5 + 1, n_peserta=3 * n)
    berhenti = tmp_path / "berhenti"
    pengikut = popen_python(PENGIKUT, str(path), str(berhenti))
    try:
        assert pengikut.stdout.readline().strip() == "siap"
        _tunggu(_mulai_penulis(path, 3, n))
    finally:
        berhenti.write_text("")
    out, err = pengikut.communicate(timeout=120)
    assert pengikut.returncode == 0, err
    hasil = json.loads(out)
    segar = Store.buka(path).data
    assert hasil["akhir"] == segar.revisi
    assert hasil["isi"] == hashlib.sha256(json.dumps(segar.raw).encode()).hexdigest()
    assert hasil["revisi"] == sorted(hasil["revisi"]), "revisi yang terlihat mundur"
    assert hasil["jurnal"] > hasil["penuh"]
    print(f"\npengikut jurnal: {len(hasil['revisi'])} kali periksa selama {3 * n} transaksi, "
          f"{hasil['jurnal']} kali mengikuti jurnal, {hasil['penuh']} kali membaca berkas utuh, isi akhir sama")


@pytest.mark.lama
def test_writer_killed_among_others(tmp_path):
    """One of three writers is killed mid-run: the other two finish without waiting on its lock, and
    all their changes are there."""
    n = 100 if LAMA else 25
    path = tmp_path / "sesi.json"
    buat_store(path, n_usulan=(3 * n) // 5 + 1, n_peserta=3 * n)
    anak = _mulai_penulis(path, 3, n, bagian=1)
    time.sleep(0.05)
    anak[1].send_signal(signal.SIGKILL)
    anak[1].wait(10)
    _tunggu([anak[0], anak[2]])
    akhir = Store.buka(path).data
    teks = set(c["teks"] for c in akhir.raw["catatan"].values())
    for w in (0, 2):
        assert {f"penulis {w} catatan {i}" for i in range(n)} <= teks
    dari_1 = [t for t in teks if t.startswith("penulis 1 ")]
    assert sorted(dari_1, key=lambda t: int(t.split()[-1])) == [f"penulis 1 catatan {i}" for i in range(len(dari_1))]
    assert periksa_rantai(akhir.raw["riwayat"].values()) == []
