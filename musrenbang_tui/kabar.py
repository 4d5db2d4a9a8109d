"""The notice of another terminal's change in the status line (issue 16): one line, with the revision.

Shown by `MusrenbangApp` (musrenbang_tui/app.py) when the watcher (screens/pengamat.py) brings in a change
saved elsewhere. Imported with the app only (it uses the history's formatter, screens/riwayat.py).
"""

from __future__ import annotations

from typing import Any

from rich.text import Text

from screens import glyph
from sesi.model import PERAN


#: Tables whose records name nothing a change's notice shows by name (screens/riwayat.py `Nama`).
TABEL_TANPA_NAMA = frozenset({"skor", "riwayat", "catatan", "info"})


def kabar_perubahan(entri: dict[str, Any], nama: Any, n_lain: int, tombol: str, revisi: int, lebar: int) -> Text:
    """The notice of another terminal's change, on one line of `lebar` cells: "F03 (Fasilitator): skor
    U0123 / Kesesuaian dengan ranc… 3 › 4 (+2 lainnya, Ctrl+R) · rev 812". The object's name is cut first
    (to 30 characters, then to what the line leaves), then the key name of the history; the revision
    always shows. One line always: a status line that changed height with each change would lay out and
    repaint the whole screen on every terminal, every change (bench/README.md, the hall).
    `nama`: `screens.riwayat.Nama` of the Data shown; `n_lain`: other changes since this terminal looked."""
    from rich.cells import cell_len

    from screens.riwayat import ringkas

    peran = PERAN.get(entri.get("peran", ""), entri.get("peran", ""))
    kepala = f"{entri.get('nama', '')} ({peran}): {entri.get('aksi', '')} "
    nilai = (f" {ringkas(entri.get('lama'), 12, nama)} {glyph.g('next')} "
             f"{ringkas(entri.get('baru'), 12, nama)}")
    rev = f" {glyph.g('dot')} rev {revisi}"
    objek = nama.objek(entri.get("objek", ""))
    for ekor in ((f" (+{n_lain} lainnya, {tombol})", f" (+{n_lain} lainnya)") if n_lain else ("",)):
        ruang = lebar - cell_len(kepala + nilai + ekor + rev)
        if ruang >= 12:
            break
    teks = kepala + ringkas(objek, max(8, min(30, ruang))) + nilai + ekor
    if cell_len(teks + rev) > lebar:  # a very narrow line or long names: cut before the revision
        sisa = max(1, lebar - cell_len(rev) - 1)
        while cell_len(teks) > sisa:
            teks = teks[:-1]
        teks += glyph.g("ell")[0]
    return Text(teks + rev, no_wrap=True)
