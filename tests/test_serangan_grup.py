"""Attacks by another member of the unix group on the shared session folder (docs/keandalan.md,
"Keamanan"): a forged journal line beside an in-place edit of the snapshot, hard links planted at the
session's companion names, exports written over the session's own files, a snapshot too large to read
again, and a signed document exported after the file was edited by hand."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import zlib

import pytest
from helpers_store import buat_store, env_anak

from sesi import catatan, skor, usulan
from sesi.errors import BerkasTidakAman
from sesi.store import Store
from sesi.transaksi import Pelaku

pytestmark = pytest.mark.skipif(os.name == "nt", reason="hard links and group folders as on Linux/macOS")


def sama_dengan_disk(data, path) -> None:
    segar = Store.buka(path).data
    assert data.revisi == segar.revisi
    assert data.raw == segar.raw
    assert {t: list(v) for t, v in data.raw.items()} == {t: list(v) for t, v in segar.raw.items()}


def _tempa(path: str, tmp, nama_baru: str) -> None:
    """The forge script: build a well-chained journal line for rev N+1 renaming U001 on a copy (with the
    app's own code, as anyone can), give it the real snapshot's size and a right CRC, append it to the
    real journal, then edit `"revisi": N` to N+1 in place in the snapshot (same size)."""
    salinan = os.path.join(tmp, "salinan.json")
    shutil.copyfile(path, salinan)
    with Store.buka(salinan).transaksi() as tx:
        usulan.ubah_usulan(tx, "U001", kegiatan=nama_baru)
    baris = open(salinan + ".jurnal", "rb").read().splitlines()[-1]
    obj = json.loads(baris.rsplit(b"\t", 1)[0])
    isi = open(path, "rb").read()
    n = obj["dari"]
    obj["ukuran"] = len(isi)
    body = json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode()
    with open(path + ".jurnal", "ab") as f:
        f.write(body + b"\t" + b"%08x" % zlib.crc32(body) + b"\n")
    lama, baru = f'"revisi": {n}}}'.encode(), f'"revisi": {n + 1}}}'.encode()
    assert len(lama) == len(baru) and isi.count(lama) == 1
    with open(path, "r+b") as f:  # in place: same inode, same size
        f.write(isi.replace(lama, baru))


def test_forged_journal_line_with_revisi_edited_in_place_is_reported(tmp_path):
    """A member forges a well-chained line with the app's own code and edits the snapshot's revision in
    place. The line is as hard to forge as the snapshot itself (issue 16: the journal is part of the
    session; its history entry names the forger's account); the edited snapshot no longer matches its
    journal, so every full read and every writer refuse the session (BerkasRusak naming both) instead
    of silently dropping the real change the edit would hide; `pulihkan` is the way out."""
    path = os.fspath(tmp_path / "sesi.json")
    penulis = buat_store(path)
    pembaca = Store.buka(path, pelaku=Pelaku("Layar", "tayang"))
    with penulis.transaksi() as tx:  # both terminals have followed the journal once (a warm state)
        skor.atur_skor(tx, "U001", "K1", 3)
    pembaca.muat()
    asli = pembaca.data.raw["usulan"]["U001"]["kegiatan"]
    _tempa(path, os.fspath(tmp_path), asli.upper())
    from sesi.errors import BerkasRusak

    with pytest.raises(BerkasRusak, match="tidak sesuai dengan jurnal"):
        Store.buka(path)
    with pytest.raises(BerkasRusak):  # the next writer does not build on it
        with penulis.transaksi() as tx:
            catatan.tambah_catatan(tx, "catatan berikutnya")
    Store(path).pulihkan()  # the previous compaction (.bak), journal kept aside
    segar = Store.buka(path).data
    assert all(u["kegiatan"] != asli.upper() for u in segar.raw["usulan"].values())
    sama_dengan_disk(pembaca.muat(), path)


# --- hard links planted at companion names -------------------------------------------------------------


def test_hard_link_at_the_journal_is_refused_and_the_backup_stays_whole(tmp_path):
    path = os.fspath(tmp_path / "sesi.json")
    store = buat_store(path)
    os.unlink(path + ".jurnal")
    os.link(path, path + ".jurnal")
    sebelum = open(path, "rb").read()
    with pytest.raises(BerkasTidakAman, match="tautan keras"):
        with Store(path).transaksi() as tx:
            catatan.tambah_catatan(tx, "tidak boleh tertulis")
    assert open(path, "rb").read() == sebelum
    with pytest.raises(BerkasTidakAman, match="tautan keras"):  # readers refuse it too (part of the session)
        Store.buka(path)
    os.unlink(path + ".jurnal")
    assert Store.buka(path).data.revisi == store.data.revisi


def test_hard_link_planted_after_the_check_is_not_appended_to(tmp_path, monkeypatch):
    """Planted between the check and the append: the read under the lock and the append refuse it (fstat
    after the O_NOFOLLOW open); the change is not saved (the append is the acknowledgement), and neither
    the session file nor the backup gets a journal line."""
    import sesi.store as store_mod

    path = os.fspath(tmp_path / "sesi.json")
    store = buat_store(path)
    asli = store_mod.Store._kunci

    def kunci_lalu_tanam(self):
        asli(self)
        os.unlink(self.jurnal_path)
        os.link(self.path, self.jurnal_path)

    monkeypatch.setattr(store_mod.Store, "_kunci", kunci_lalu_tanam)
    with pytest.raises(BerkasTidakAman, match="tautan keras"):
        with store.transaksi() as tx:
            catatan.tambah_catatan(tx, "tidak tersimpan")
    monkeypatch.undo()
    os.unlink(path + ".jurnal")
    data = Store.buka(path).data  # the session file parses: no line was appended into it
    assert "tidak tersimpan" not in json.dumps(data.raw["catatan"])
    Store(path).periksa_cadangan()  # and so does the backup


def test_hard_link_at_the_lock_is_refused(tmp_path):
    path = os.fspath(tmp_path / "sesi.json")
    buat_store(path)
    os.unlink(path + ".lock")
    os.link(path, path + ".lock")
    sebelum = open(path, "rb").read()
    with pytest.raises(BerkasTidakAman, match="tautan keras"):
        with Store(path).transaksi() as tx:
            catatan.tambah_catatan(tx, "tidak boleh tertulis")
    assert open(path, "rb").read() == sebelum


def test_hard_link_at_the_backup_is_refused_unless_it_is_the_session_itself(tmp_path):
    path = os.fspath(tmp_path / "sesi.json")
    buat_store(path)
    lain = os.fspath(tmp_path / "lain.json")
    shutil.copyfile(path, lain)
    os.unlink(path + ".bak")
    os.link(lain, path + ".bak")
    sebelum = open(path, "rb").read()
    with pytest.raises(BerkasTidakAman, match="tautan keras"):
        with Store(path).transaksi() as tx:
            catatan.tambah_catatan(tx, "tidak boleh tertulis")
    assert open(path, "rb").read() == sebelum
    r = subprocess.run([sys.executable, "-m", "musrenbang_tui", "pulihkan", path, "--ya"],
                       capture_output=True, text=True, env=env_anak())
    assert r.returncode == 1 and "tautan keras" in r.stderr
    assert open(path, "rb").read() == sebelum
    # a writer killed between keeping the backup and replacing the file: the backup IS the session file
    os.unlink(path + ".bak")
    os.link(path, path + ".bak")
    with Store(path).transaksi() as tx:
        catatan.tambah_catatan(tx, "boleh")


# --- exports never write over the session's own files ---------------------------------------------------

DOKUMEN = [("peringkat", "csv"), ("daftar-hadir", "md"), ("berita-acara", "docx"), ("berita-acara", "txt"),
           ("notulen", "md"), ("notulen", "docx")]


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "musrenbang_tui", *args], capture_output=True, text=True,
                          env=env_anak(), timeout=120)


def _isi(path: str) -> dict[str, bytes]:
    return {a: open(path + a, "rb").read() for a in ("", ".bak", ".lock", ".jurnal")}


@pytest.mark.parametrize("akhiran", ["", ".bak", ".lock", ".jurnal"])
def test_export_over_the_session_or_a_companion_is_refused(tmp_path, akhiran, capsys):
    from musrenbang_tui import cli

    path = os.fspath(tmp_path / "sesi.json")
    buat_store(path)
    sebelum = _isi(path)
    for dokumen, fmt in DOKUMEN:
        assert cli.main(["ekspor", dokumen, path, "--format", fmt, "-o", path + akhiran]) == 1, (dokumen, fmt)
        err = capsys.readouterr().err
        assert "tidak ditimpa" in err and "Pilih nama berkas keluaran lain" in err
        assert _isi(path) == sebelum


def test_export_refusal_by_other_spelling_or_hard_link_in_a_subprocess(tmp_path):
    path = os.fspath(tmp_path / "sesi.json")
    buat_store(path)
    os.link(path + ".bak", tmp_path / "nama-lain.md")
    sebelum = _isi(path)
    os.mkdir(tmp_path / "sub")
    for tujuan in (os.path.join(os.fspath(tmp_path), "sub", "..", "sesi.json.jurnal"), "sesi.json.lock",
                   "nama-lain.md"):
        r = subprocess.run([sys.executable, "-m", "musrenbang_tui", "ekspor", "berita-acara", "sesi.json",
                            "-o", tujuan], capture_output=True, text=True, env=env_anak(), cwd=tmp_path,
                           timeout=120)
        assert r.returncode == 1 and "tidak ditimpa" in r.stderr, (tujuan, r.stderr)
        assert _isi(path) == sebelum
    r = _cli("ekspor", "peringkat", path, "-o", os.fspath(tmp_path / "peringkat.csv"))
    assert r.returncode == 0, r.stderr


# --- a signed session edited by hand is never exported as signed ---------------------------------------


def _sahkan_lalu_ubah(demo) -> str:
    path = os.fspath(demo)
    r = _cli("sahkan", path, "--nama", "X", "--tetap", "--alasan", "uji")
    assert r.returncode == 0, r.stderr
    isi = open(path, "rb").read()
    assert b"Normalisasi saluran drainase" in isi
    with open(path, "wb") as f:  # what `sed -i` does to the file
        f.write(isi.replace(b"Normalisasi saluran drainase", b"Normalisasi saluran DRAINASE"))
    return path


def test_signed_then_edited_session_is_not_exported_as_signed(demo, tmp_path):
    path = _sahkan_lalu_ubah(demo)
    for dokumen, fmt in [("berita-acara", "md"), ("berita-acara", "txt"), ("berita-acara", "docx"),
                         ("notulen", "md"), ("notulen", "docx")]:
        keluar = tmp_path / f"x-{dokumen}.{fmt}"
        r = _cli("ekspor", dokumen, path, "--format", fmt, "-o", os.fspath(keluar))
        assert r.returncode == 1, (dokumen, fmt, r.stderr)
        assert "tidak dibuat" in r.stderr and "versi 1 yang disahkan" in r.stderr
        assert "Normalisasi saluran DRAINASE" in r.stderr and "diubah" in r.stderr  # names what differs
        assert "Traceback" not in r.stderr and not keluar.exists()
        r = _cli("ekspor", dokumen, path, "--format", "md" if fmt == "docx" else fmt)
        assert r.returncode == 1 and "DISAHKAN" not in r.stdout and r.stdout == ""
    r = _cli("periksa", path)
    assert r.returncode == 1 and "diubah setelah disahkan" in r.stdout + r.stderr
    # the rankings print no code: still exported
    assert _cli("ekspor", "peringkat", path).returncode == 0


async def test_berita_acara_screen_refuses_the_export_of_an_edited_signed_session(demo, tmp_path):
    from layar import layar_teks
    from musrenbang_tui.app import MusrenbangApp
    from screens.widgets import StatusBar

    path = _sahkan_lalu_ubah(demo)
    app = MusrenbangApp(Store.buka(path, pelaku=Pelaku("uji", "operator")), layar="berita_acara")
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        for tombol in "mxw":
            await pilot.press(tombol)
            await pilot.pause()
            pesan = app.screen.query_one(StatusBar).pesan.plain
            assert "tidak dibuat" in pesan and "versi 1 yang disahkan" in pesan, tombol
            assert "Simpan berita acara" not in layar_teks(app)


async def test_berita_acara_save_dialog_refuses_the_session_file(demo):
    from layar import layar_teks
    from musrenbang_tui.app import MusrenbangApp

    path = os.fspath(demo)
    sebelum = open(path, "rb").read()
    app = MusrenbangApp(Store.buka(path, pelaku=Pelaku("uji", "operator")), layar="berita_acara")
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        app.screen.query_one("#f-berkas").value = path
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "tidak ditimpa" in re.sub(r"\s+", " ", layar_teks(app))
    assert open(path, "rb").read() == sebelum


# --- a transaction never writes a snapshot every read would refuse --------------------------------------


def _csv_peserta(path, n: int) -> None:
    baris = ["nama,unsur,lembaga,kelurahan,jenis_kelamin,rentan,delegasi,telepon,hadir"]
    baris += [f"Peserta Impor {i:06d},tokoh masyarakat,RT {i % 40},Kuin Utara,{'LP'[i % 2]},,tidak,,ya"
              for i in range(n)]
    path.write_text("\n".join(baris) + "\n", encoding="utf-8")


def test_import_that_would_pass_the_size_limit_is_refused_and_the_session_stays_readable(tmp_path):
    """The byte limit lowered for the test through the environment (the same constant reads and writes
    use): an import whose session would pass it is refused with a message, exit 1, nothing changed; the
    session still opens. A smaller import under the limit goes in."""
    path = os.fspath(tmp_path / "sesi.json")
    buat_store(path)
    ukuran = os.path.getsize(path)
    env = dict(env_anak(), MUSRENBANG_UJI_BATAS_UKURAN=str(ukuran + 60_000))
    besar, kecil = tmp_path / "besar.csv", tmp_path / "kecil.csv"
    _csv_peserta(besar, 400)
    _csv_peserta(kecil, 20)
    sebelum = _isi(path)

    def cli(*args):
        return subprocess.run([sys.executable, "-m", "musrenbang_tui", *args], capture_output=True, text=True,
                              env=env, timeout=120)

    r = cli("impor", "peserta", path, os.fspath(besar))
    assert r.returncode == 1, r.stderr
    assert "melebihi batas" in r.stderr and "Berkas tidak diubah" in r.stderr and "Traceback" not in r.stderr
    assert _isi(path) == sebelum
    assert cli("periksa", path).returncode == 0
    r = cli("impor", "peserta", path, os.fspath(kecil))
    assert r.returncode == 0, r.stderr
    assert os.path.getsize(path) <= ukuran + 60_000
    assert cli("periksa", path).returncode == 0
