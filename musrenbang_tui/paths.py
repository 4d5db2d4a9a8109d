"""Where the app keeps its own files: the demo session and the error log."""

from __future__ import annotations

import os
from pathlib import Path


def folder_data() -> Path:
    """$MUSRENBANG_DATA, else $XDG_DATA_HOME/musrenbang, else ~/.local/share/musrenbang."""
    if os.environ.get("MUSRENBANG_DATA"):
        return Path(os.environ["MUSRENBANG_DATA"])
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(Path.home(), ".local", "share")
    return Path(base) / "musrenbang"


def berkas_demo() -> Path:
    return folder_data() / "demo-banjarmasin-utara.json"


def folder_status() -> Path:
    """The user's own state folder (never shared): $XDG_STATE_HOME/musrenbang, else
    ~/.local/state/musrenbang."""
    base = os.environ.get("XDG_STATE_HOME") or os.path.join(Path.home(), ".local", "state")
    return Path(base) / "musrenbang"


def berkas_log() -> Path:
    """The crash log: in the user's own state folder (mode 700), never a shared /tmp path."""
    return folder_status() / "galat.log"


def tulis_log(teks: str) -> Path:
    """Append an error report to the private crash log (mode 600, no symlink followed); returns its
    path. OSError or BerkasTidakAman when it cannot be written."""
    from sesi.berkas import tambah_baris

    path = berkas_log()
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    return Path(tambah_baris(path, teks.rstrip("\n") + "\n\n"))
