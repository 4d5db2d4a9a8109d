"""Drafts of typed notes that are not saved yet, kept on this user's own disk so a crash loses nothing.

One small JSON file per session file and per user, in the user's own state folder (never the shared
session folder: a draft is not a decision): ``<folder>/draf/<hash of the session path>-<user>.json``,
mode 600, written through `sesi.berkas.tulis_atomik` (the one safe writer). It maps a key (where the text
was typed, e.g. "pleno1.catatan") to the text. A draft is removed when its text is saved or emptied, and
offered again when the screen it belongs to opens. A draft that cannot be read or written is never an
error for the user: the typing goes on, only the crash safety is lost.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path

from .berkas import baca_terbatas, tulis_atomik
from .errors import BerkasError

BATAS_DRAF = 1 << 20  # bytes; a draft file larger than this is ignored


class Draf:
    """The drafts of one user on one session file."""

    def __init__(self, folder: str | os.PathLike[str], berkas_sesi: str | os.PathLike[str], pengguna: str):
        kunci = hashlib.sha256(os.path.abspath(os.fspath(berkas_sesi)).encode()).hexdigest()[:16]
        aman = re.sub(r"[^A-Za-z0-9_.-]+", "_", pengguna)[:40] or "pengguna"
        self.path = Path(folder) / "draf" / f"{kunci}-{aman}.json"

    def semua(self) -> dict[str, str]:
        """Every draft kept (key -> text); {} when there is none or the file is unreadable."""
        try:
            isi = json.loads(baca_terbatas(self.path, BATAS_DRAF).decode("utf-8"))
        except (OSError, ValueError, BerkasError):
            return {}
        if not isinstance(isi, dict):
            return {}
        return {str(k): v for k, v in isi.items() if isinstance(v, str) and v}

    def baca(self, kunci: str) -> str:
        return self.semua().get(kunci, "")

    def simpan(self, kunci: str, teks: str) -> bool:
        """Keep `teks` under `kunci` ("" removes it); False when the draft could not be written."""
        semua = self.semua()
        if semua.get(kunci, "") == teks:
            return True
        if teks:
            semua[kunci] = teks
        else:
            semua.pop(kunci, None)
        try:
            if not semua:
                if self.path.exists():
                    self.path.unlink()
                return True
            self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            tulis_atomik(self.path, json.dumps(semua, ensure_ascii=False).encode("utf-8"), mode=0o600)
        except (OSError, BerkasError):
            return False
        return True

    def hapus(self, kunci: str) -> bool:
        return self.simpan(kunci, "")


__all__ = ["Draf"]
