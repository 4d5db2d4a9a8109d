"""The one safe writer (sesi.berkas): what a group member plants in a shared folder is never followed."""

from __future__ import annotations

import io
import os
import stat

import pytest

from sesi import berkas
from sesi.errors import BerkasTidakAman


def test_tulis_atomik_creates_and_replaces_keeping_mode(tmp_path):
    p = tmp_path / "a.md"
    berkas.tulis_atomik(p, b"satu")
    os.chmod(p, 0o640)
    berkas.tulis_atomik(p, b"dua")
    assert p.read_bytes() == b"dua"
    assert stat.S_IMODE(p.stat().st_mode) == 0o640
    assert sorted(os.listdir(tmp_path)) == ["a.md"]  # no temp file left


def test_symlink_at_target_is_refused_and_not_followed(tmp_path):
    korban = tmp_path / "bashrc"
    korban.write_text("asli")
    (tmp_path / "ekspor.md").symlink_to(korban)
    for fn in (berkas.tulis_atomik, berkas.tulis_keluaran):
        with pytest.raises(BerkasTidakAman, match="symlink"):
            fn(tmp_path / "ekspor.md", b"$(id)")
    assert korban.read_text() == "asli"
    assert os.path.islink(tmp_path / "ekspor.md")


def test_fifo_and_folder_at_target_are_refused_without_blocking(tmp_path):
    os.mkfifo(tmp_path / "pipa")
    (tmp_path / "folder").mkdir()
    for name in ("pipa", "folder"):
        with pytest.raises(BerkasTidakAman):
            berkas.tulis_keluaran(tmp_path / name, b"x")
    assert stat.S_ISFIFO(os.lstat(tmp_path / "pipa").st_mode)


def test_planted_symlinks_at_temp_names_are_never_followed(tmp_path, monkeypatch):
    korban = tmp_path / "korban"
    korban.write_text("asli")
    # The attacker cannot know the random part; even when the name is forced, O_EXCL|O_NOFOLLOW refuses.
    monkeypatch.setattr(berkas.secrets, "token_hex", lambda n: "00000000")
    tmp = tmp_path / f".out.md.{os.getpid()}.00000000.tmp"
    tmp.symlink_to(korban)
    with pytest.raises(FileExistsError):
        berkas.tulis_atomik(tmp_path / "out.md", b"jahat")
    assert korban.read_text() == "asli"


def test_character_device_is_written_into_not_replaced():
    assert berkas.tulis_keluaran("/dev/null", b"abc") == "/dev/null"
    assert stat.S_ISCHR(os.lstat("/dev/null").st_mode)


def test_dash_is_standard_output(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    out = io.BytesIO()
    assert berkas.tulis_keluaran("-", b"isi", stdout=out) == "standar keluaran"
    assert out.getvalue() == b"isi"
    assert not (tmp_path / "-").exists()


def test_log_is_private_and_refuses_a_symlink(tmp_path):
    log = tmp_path / "galat.log"
    berkas.tambah_baris(log, "satu\n")
    berkas.tambah_baris(log, "dua\n")
    assert log.read_text() == "satu\ndua\n"
    assert stat.S_IMODE(log.stat().st_mode) == 0o600
    lain = tmp_path / "lain.log"
    lain.symlink_to(tmp_path / "target")
    with pytest.raises(BerkasTidakAman):
        berkas.tambah_baris(lain, "x")
    assert not (tmp_path / "target").exists()


def test_baca_terbatas_refuses_symlink_fifo_and_oversize(tmp_path):
    (tmp_path / "ok").write_bytes(b"12345")
    assert berkas.baca_terbatas(tmp_path / "ok", 5) == b"12345"
    with pytest.raises(BerkasTidakAman, match="terlalu besar"):
        berkas.baca_terbatas(tmp_path / "ok", 4)
    (tmp_path / "ln").symlink_to(tmp_path / "ok")
    with pytest.raises(BerkasTidakAman, match="symlink"):
        berkas.baca_terbatas(tmp_path / "ln", 100)
    os.mkfifo(tmp_path / "fifo")
    with pytest.raises(BerkasTidakAman, match="FIFO"):
        berkas.baca_terbatas(tmp_path / "fifo", 100)
