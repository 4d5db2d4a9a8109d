"""The yardstick: a bare Textual app with a DataTable of the same rows as the scoring matrix.

    python bench/pembanding.py SESI.json [--baris N]

It reads the same session file with plain `json.load` (the least any app showing this data must do),
takes the first N usulan that are not set aside (all of them by default), and shows one DataTable row
per usulan: title and kelurahan, the consensus score of each criterion, a total and a rank column. A
digit updates the cursor cell with `DataTable.update_cell_at` and moves the cursor, as the matrix does
(this is the "plain update_cell" CRAFT.md measured at 4-8 KB per change). Ctrl+Q quits.

The benchmarks start it in the same pseudo-terminal setup as the real app, in the same run.
"""

from __future__ import annotations

import argparse
import json
import sys

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer

DISISIHKAN = {"ditolak", "digabung", "cadangan", "belum_disepakati"}  # sesi.model.STATUS_DISISIHKAN


def baris_dari_sesi(path: str, n: int | None) -> tuple[list[str], list[list[str]]]:
    with open(path, encoding="utf-8") as f:
        sesi = json.load(f)
    kriteria = sorted(sesi.get("kriteria", {}).values(), key=lambda k: k.get("urutan", 0))
    kode = [k["kode"] for k in kriteria]
    skor: dict[tuple[str, str], int] = {}
    for rec in sesi.get("skor", {}).values():
        if not rec.get("penilai"):
            skor[(rec["usulan"], rec["kriteria"])] = rec["nilai"]
    rows = []
    for u in sorted(sesi.get("usulan", {}).values(), key=lambda u: u.get("urutan", 0)):
        if u.get("status") in DISISIHKAN:
            continue
        nilai = [skor.get((u["id"], k)) for k in kode]
        tot = sum(v for v in nilai if v is not None) / max(1, len(kode))
        rows.append([f"{u['kegiatan']} {u['kelurahan']}", *(str(v) if v is not None else "" for v in nilai),
                     f"{tot:.2f}".replace(".", ","), str(len(rows) + 1)])
        if n is not None and len(rows) >= n:
            break
    return ["Usulan (kelurahan)", *kode, "Total", "Peringkat"], rows


class Pembanding(App):
    BINDINGS = [Binding("ctrl+q", "quit", "Keluar", priority=True)]

    def __init__(self, kolom: list[str], rows: list[list[str]], kursor_kolom: int = 0):
        super().__init__()
        self.kolom = kolom
        self.rows = rows
        self.kursor_kolom = kursor_kolom

    def compose(self) -> ComposeResult:
        yield DataTable(id="t", cursor_type="cell")
        yield Footer()

    def on_mount(self) -> None:
        t = self.query_one(DataTable)
        t.add_columns(*self.kolom)
        for i, r in enumerate(self.rows):
            t.add_row(*r, key=str(i))
        if self.kursor_kolom:
            t.move_cursor(row=0, column=self.kursor_kolom)
        t.focus()

    def on_key(self, event) -> None:
        if event.character and event.character.isdigit():
            t = self.query_one(DataTable)
            t.update_cell_at(t.cursor_coordinate, event.character)
            r, c = t.cursor_coordinate
            last = len(self.kolom) - 3
            t.move_cursor(row=r + (c == last), column=1 if c == last else c + 1)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sesi")
    ap.add_argument("--baris", type=int, default=None, help="rows to show (default: every usulan)")
    ap.add_argument("--kursor-kolom", type=int, default=0, help="start with the cursor in this column")
    args = ap.parse_args()
    kolom, rows = baris_dari_sesi(args.sesi, args.baris)
    Pembanding(kolom, rows, args.kursor_kolom).run(mouse=False)


if __name__ == "__main__":
    sys.exit(main())
