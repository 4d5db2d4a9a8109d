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


def berkas_log() -> Path:
    return folder_data() / "galat.log"


def tulis_log(teks: str) -> Path:
    """Append an error report to the log; returns its path (or a temp path if the data folder fails)."""
    path = berkas_log()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "a", encoding="utf-8") as f:
            f.write(teks.rstrip("\n") + "\n\n")
    except OSError:
        import tempfile

        path = Path(tempfile.gettempdir()) / "musrenbang-galat.log"
        with open(path, "a", encoding="utf-8") as f:
            f.write(teks.rstrip("\n") + "\n\n")
    return path
