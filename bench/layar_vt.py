"""What a terminal shows, rebuilt from the bytes a program wrote to it (for the benchmarks).

The app writes only the cells that changed (Textual repaints changed regions; `musrenbang_tui/gulir.py`
then sends only the cells that differ and scrolls bands of lines with DECSTBM + DL/IL). A text on screen
is therefore rarely in the byte stream whole: "rev 1234" followed by "rev 1235" sends one "5". Reading the
screen means keeping it: `LayarVT.tulis(bytes)` applies what this app and Textual send (cursor position
CUP, SGR ignored, scroll region, delete/insert lines, erase in line/display, text with wide characters,
CR/LF/BS), and `baris(y)` / `teks()` read it back as plain text. Anything else (private modes, OSC, other
escapes) is skipped. Enough for the app's output, not a general terminal.
"""

from __future__ import annotations

import codecs
import re

from rich.cells import get_character_cell_size

_CSI = re.compile(r"\x1b\[([?>=<!]?)([\d;:]*)([ -/]*)([@-~])")
_OSC = re.compile(r"\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)")


class LayarVT:
    """An 80x24 (by default) screen of single cells; wide characters take their cell and a blank one."""

    def __init__(self, kolom: int = 80, baris: int = 24) -> None:
        self.kolom, self.tinggi = kolom, baris
        self.sel = [[" "] * kolom for _ in range(baris)]
        self.x = self.y = 0
        self.atas, self.bawah = 0, baris - 1
        self._dekode = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self._sisa = ""  # an escape sequence cut between two writes

    def tulis(self, data: bytes) -> None:
        teks = self._sisa + self._dekode.decode(data)
        self._sisa = ""
        i, n = 0, len(teks)
        while i < n:
            c = teks[i]
            if c == "\x1b":
                m = _CSI.match(teks, i)
                if m:
                    self._csi(m.group(1), m.group(2), m.group(4))
                    i = m.end()
                    continue
                m = _OSC.match(teks, i)
                if m:
                    i = m.end()
                    continue
                if i + 1 >= n or (teks[i + 1] in "[]" and n - i < 256):
                    self._sisa = teks[i:]  # cut between two writes: wait for the rest
                    return
                i += 2  # a two-character escape (ESC 7, ESC =, ...)
                continue
            if c == "\r":
                self.x = 0
            elif c == "\n":
                self._turun()
            elif c == "\b":
                self.x = max(0, self.x - 1)
            elif c >= " ":
                self._huruf(c)
            i += 1

    def _huruf(self, c: str) -> None:
        w = get_character_cell_size(c)
        if w == 0:
            return
        if self.x + w > self.kolom:  # autowrap is off in the app (?7l): stay at the last column
            self.x = self.kolom - w
        if 0 <= self.y < self.tinggi:
            self.sel[self.y][self.x] = c
            if w == 2 and self.x + 1 < self.kolom:
                self.sel[self.y][self.x + 1] = ""
        self.x = min(self.kolom, self.x + w)

    def _turun(self) -> None:
        if self.y == self.bawah:
            del self.sel[self.atas]
            self.sel.insert(self.bawah, [" "] * self.kolom)
        else:
            self.y = min(self.tinggi - 1, self.y + 1)

    def _csi(self, pribadi: str, param: str, akhir: str) -> None:
        if pribadi:
            return  # private modes (?2026h, ?25l, >25u ...): nothing on screen
        angka = [int(p) if p.isdigit() else 0 for p in param.replace(":", ";").split(";")] if param else []
        a = angka[0] if angka else 0
        if akhir in "Hf":
            self.y = min(self.tinggi - 1, max(1, a or 1) - 1)
            self.x = min(self.kolom - 1, max(1, (angka[1] if len(angka) > 1 else 1) or 1) - 1)
        elif akhir == "r":
            atas = (a or 1) - 1
            bawah = (angka[1] if len(angka) > 1 and angka[1] else self.tinggi) - 1
            if atas < bawah < self.tinggi:
                self.atas, self.bawah = atas, bawah
            else:
                self.atas, self.bawah = 0, self.tinggi - 1
            self.x = self.y = 0
        elif akhir in "ML" and self.atas <= self.y <= self.bawah:
            k = min(a or 1, self.bawah - self.y + 1)
            for _ in range(k):
                if akhir == "M":
                    del self.sel[self.y]
                    self.sel.insert(self.bawah, [" "] * self.kolom)
                else:
                    del self.sel[self.bawah]
                    self.sel.insert(self.y, [" "] * self.kolom)
            self.x = 0
        elif akhir == "K":
            baris = self.sel[self.y]
            dari, sampai = {0: (self.x, self.kolom), 1: (0, self.x + 1), 2: (0, self.kolom)}.get(a, (0, 0))
            for x in range(dari, min(sampai, self.kolom)):
                baris[x] = " "
        elif akhir == "J":
            if a == 2 or a == 3:
                self.sel = [[" "] * self.kolom for _ in range(self.tinggi)]
            elif a == 0:
                self._csi("", "0", "K")
                for y in range(self.y + 1, self.tinggi):
                    self.sel[y] = [" "] * self.kolom
        elif akhir == "A":
            self.y = max(0, self.y - (a or 1))
        elif akhir == "B":
            self.y = min(self.tinggi - 1, self.y + (a or 1))
        elif akhir == "C":
            self.x = min(self.kolom - 1, self.x + (a or 1))
        elif akhir == "D":
            self.x = max(0, self.x - (a or 1))
        elif akhir == "G":
            self.x = min(self.kolom - 1, max(1, a or 1) - 1)
        elif akhir == "d":
            self.y = min(self.tinggi - 1, max(1, a or 1) - 1)
        # m (SGR) and anything else: no change to the text

    def baris(self, y: int) -> str:
        """Line y (0-based) as plain text, trailing blanks removed."""
        return "".join(self.sel[y]).rstrip()

    def teks(self) -> str:
        return "\n".join(self.baris(y) for y in range(self.tinggi))

