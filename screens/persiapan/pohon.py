"""The folder tree the Impor part (screens/persiapan/impor.py) shows to pick a file: folders and the files
the import reads."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable

from textual.binding import Binding
from textual.widgets import DirectoryTree

#: Files the import reads (the folder tree shows these and folders).
AKHIRAN_BERKAS = (".xlsx", ".xlsm", ".xls", ".ods", ".csv", ".txt")


class PohonCsv(DirectoryTree):
    """Folders and the files the import reads (`AKHIRAN_BERKAS`) only; hidden ones left out. Plain markers
    instead of emoji (which SSH terminals and the Linux console draw badly). Backspace goes to the folder
    above, ~ to the home folder."""

    MENGAMBIL_TEKS = False  # its own keys (~) work here, unlike on the part's buttons
    BINDINGS = [
        Binding("backspace", "naik", "Folder di atasnya", id="persiapan.folder_naik"),
        Binding("tilde", "rumah", "Folder rumah (~)", id="persiapan.folder_rumah"),
    ]

    def action_naik(self) -> None:
        induk = Path(self.path).resolve().parent
        if induk != Path(self.path).resolve():
            self.path = induk

    def action_rumah(self) -> None:
        self.path = Path.home()

    ICON_NODE = "▸ "
    ICON_NODE_EXPANDED = "▾ "
    ICON_FILE = "  "

    def __init__(self, path: str, *, ascii: bool = False, **kwargs: Any):
        super().__init__(path, **kwargs)
        if ascii:
            self.ICON_NODE, self.ICON_NODE_EXPANDED = "+ ", "- "
            garis = ("  ", "| ", "`-", "|-")
            self.LINES = {"default": garis, "bold": garis, "double": garis}

    def filter_paths(self, paths: Iterable[Path]) -> Iterable[Path]:
        out = []
        for p in paths:
            if p.name.startswith("."):
                continue
            try:
                if p.is_dir() or p.suffix.casefold() in AKHIRAN_BERKAS:
                    out.append(p)
            except OSError:
                continue
        return out
