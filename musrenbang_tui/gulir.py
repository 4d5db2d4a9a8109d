"""Scrolling at the cost of what changed: let the terminal move the lines of a list that scrolls (issue 16).

When a list scrolls by one row, Textual repaints every visible row: in the scoring matrix at 80x24 and 256
colours that is ~7.5 KB for one Down key, twenty times a cursor move. A terminal can move lines itself, as
curses has always asked it to. `GulirHemat`, mixed into the App, keeps a model of what the terminal shows
(one list of (text, SGR) runs per line) and looks at each update before it is written. When lines of the new
frame are lines of the previous frame moved up or down by k within a band, it sends instead:

    ESC[top;bottom r   margins (DECSTBM) around the band
    ESC[top;1H ESC[kM  delete k lines at the band's top (ESC[kL inserts them, to move down)
    ESC[r              margins back to the whole screen, in the same write
    ...                only the cells of each line that still differ; lines the model does not know
                       as Textual writes them

DL/IL (VT102) rather than SU/SD: the Linux console has no SU/SD. A terminal moves whole lines, so only
whole lines are compared: a list that does not span the width scrolls this way only when the rest of its
lines moved with it, which is exactly when moving them is right.

Without a band that moved, the frame is written as the cells that changed, when that is shorter.

Safety (any doubt: Textual's own output, unchanged):
- The model knows a line only when one frame wrote every cell of it or patched a line it knew, and only
  lines of one-cell characters without links or control codes; any other line is unknown, never moved to
  and never diffed against.
- The output is used only when it is shorter than Textual's own (both are built).
- The terminal's own size is asked every frame (TIOCGWINSZ): when it is not the app's (a resize the app
  has not seen yet, or never will because COLUMNS/LINES are set), the model is dropped and Textual's
  output goes as is. So do a resume after a suspend, an inline driver, a frame made for another size,
  anything but a compositor update, and any error while building the output.
- The margins are set and reset within one write and one synchronized update; the region is never left
  set (tests/test_gulir_tmux.py reads tmux's scroll region after every key).
- `MUSRENBANG_GULIR=0` turns it off (Textual's output as is); the benchmark measures both in one run.

Textual hands every frame to `App._display` as a `CompositorUpdate` (`LayoutUpdate` for the whole screen,
`ChopsUpdate` for changed spans); this module wraps it, and Textual still adds the cursor position and the
synchronized-update markers around what `render_segments` returns.
"""

from __future__ import annotations

import os
import sys
from typing import Any, Optional, Sequence

from rich.cells import cell_len
from rich.color import ColorSystem
from rich.console import Console
from textual._compositor import ChopsUpdate, CompositorUpdate, LayoutUpdate
from textual.strip import Strip

#: One line as the terminal shows it: runs of (text, SGR parameters), adjacent runs of one SGR merged, all
#: characters one cell wide; None = not known.
Baris = Optional[tuple[tuple[str, str], ...]]

#: The SGR of cells the model does not know (Textual's SGR parameters are digits and ";").
TAKTAHU = "?"

#: Off with MUSRENBANG_GULIR=0 (also "tidak", "mati", "off", "no", "false").
MATI = {"0", "tidak", "mati", "off", "no", "false"}


def aktif_dari_env() -> bool:
    return os.environ.get("MUSRENBANG_GULIR", "1").strip().lower() not in MATI


def _sgr(style: Any, sistem: ColorSystem) -> str | None:
    """SGR parameters of a style as Textual renders them ("" for none); None when it carries a link."""
    if style is None:
        return ""
    if style._link:
        return None
    return Strip.render_ansi(style, sistem)


def normal(strip: Strip, sistem: ColorSystem) -> Baris:
    """A strip as runs of (text, SGR); None if any of it is not plain one-cell text without links."""
    runs: list[tuple[str, str]] = []
    for text, style, control in strip:
        if control or not text:
            if control:
                return None
            continue
        if len(text) != cell_len(text) or "\x1b" in text:
            return None
        sgr = _sgr(style, sistem)
        if sgr is None:
            return None
        if runs and runs[-1][1] == sgr:
            runs[-1] = (runs[-1][0] + text, sgr)
        else:
            runs.append((text, sgr))
    return tuple(runs)


def lebar(baris: Sequence[tuple[str, str]]) -> int:
    return sum(len(t) for t, _ in baris)


def potong(baris: Sequence[tuple[str, str]], x0: int, x1: int) -> list[tuple[str, str]]:
    """Cells [x0, x1) of a line of one-cell characters."""
    out: list[tuple[str, str]] = []
    x = 0
    for text, sgr in baris:
        n = len(text)
        a, b = max(x0, x), min(x1, x + n)
        if a < b:
            out.append((text[a - x:b - x], sgr))
        x += n
        if x >= x1:
            break
    return out


def gabung(*bagian: Sequence[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    out: list[tuple[str, str]] = []
    for runs in bagian:
        for text, sgr in runs:
            if not text:
                continue
            if out and out[-1][1] == sgr:
                out[-1] = (out[-1][0] + text, sgr)
            else:
                out.append((text, sgr))
    return tuple(out)


class Penulis:
    """Output that keeps track of the SGR state: a run in the style already set is written without SGR,
    and a new style starts with 0 (reset) rather than ending every run with a reset. What it writes ends
    with the style reset, as Textual's own output does."""

    def __init__(self) -> None:
        self.bagian: list[str] = []
        self.sgr: str | None = None  # None = not known

    def teks(self, runs: Sequence[tuple[str, str]]) -> None:
        for text, sgr in runs:
            if sgr != self.sgr:
                self.bagian.append(f"\x1b[0;{sgr}m" if sgr else "\x1b[0m")
                self.sgr = sgr
            self.bagian.append(text)

    def mentah(self, data: str, sgr_sesudah: str | None = None) -> None:
        """Raw output (a cursor move keeps the style; Textual's strips need it reset before them)."""
        self.bagian.append(data)
        if sgr_sesudah is not None:
            self.sgr = sgr_sesudah

    def reset(self) -> None:
        if self.sgr != "":
            self.bagian.append("\x1b[0m")
            self.sgr = ""

    def hasil(self) -> str:
        self.reset()
        return "".join(self.bagian)


def ke(x: int, y: int) -> str:
    """Cursor to column x, line y (0-based)."""
    return f"\x1b[{y + 1};{x + 1}H"


#: Equal cells shorter than this between two changed ones are sent again rather than skipped with a cursor
#: move (ESC[y;xH is 6-8 bytes; a styled cell run costs its SGR).
CELAH = 6


def _sel(baris: Sequence[tuple[str, str]]) -> tuple[str, list[str]]:
    """(characters, SGR of each cell) of a line."""
    sgr: list[str] = []
    for text, s in baris:
        sgr.extend([s] * len(text))
    return "".join(t for t, _ in baris), sgr


def beda(lama: Baris, baru: tuple[tuple[str, str], ...]) -> list[tuple[int, list[tuple[str, str]]]]:
    """[(x, runs)] that turn line `lama` into `baru`: the spans of cells that differ, two spans joined when
    fewer than CELAH equal cells lie between them. An unknown `lama` gives the whole line; [] = equal."""
    if lama is None:
        return [(0, list(baru))]
    if lama == baru:
        return []
    ka, sa = _sel(lama)
    kb, sb = _sel(baru)
    if len(ka) != len(kb):
        return [(0, list(baru))]
    beda_x = [x for x in range(len(kb)) if ka[x] != kb[x] or sa[x] != sb[x]]
    rentang: list[list[int]] = []
    for x in beda_x:
        if rentang and x - rentang[-1][1] <= CELAH:
            rentang[-1][1] = x + 1
        else:
            rentang.append([x, x + 1])
    return [(x0, potong(baru, x0, x1)) for x0, x1 in rentang]


def bingkai_penuh(baris: Sequence[Strip], region: Any) -> CompositorUpdate:
    """The frame Textual makes for a whole screen (`LayoutUpdate`) of `baris`, one Strip per line, in
    `region` (a `textual.geometry.Region`): for tests and benchmarks, which then name no type private to
    Textual (this module is the one place allowed to, tests/test_textual_publik.py)."""
    return LayoutUpdate([[b] for b in baris], region)


def bingkai_potongan(baris: Sequence[Strip], berubah: Sequence[int], potongan: Sequence[Sequence[int]],
                     lebar: int) -> CompositorUpdate:
    """The frame Textual makes for changed lines (`ChopsUpdate`): the lines `berubah` of `baris` (one Strip
    per screen line), each line cut into chops at the offsets `potongan[y]` (ascending, ending at `lebar`,
    without the leading 0), as the compositor cuts them around widgets."""
    cuts = [[0, *c] for c in potongan]
    isi = [{c: (b.crop(c, e) if y in berubah else None) for c, e in zip(cut[:-1], cut[1:])}
           for y, (b, cut) in enumerate(zip(baris, cuts))]
    return ChopsUpdate(isi, [(y, 0, lebar) for y in sorted(berubah)], [list(c) for c in potongan])


class ModelLayar:
    """What the terminal shows, line by line, as far as it is known."""

    def __init__(self) -> None:
        self.lebar = 0
        self.tinggi = 0
        self.baris: list[Baris] = []

    def lupakan(self, lebar: int = 0, tinggi: int = 0) -> None:
        self.lebar, self.tinggi = lebar, tinggi
        self.baris = [None] * tinggi


class PembaruanGulir(CompositorUpdate):
    """A compositor update, written with a terminal scroll when that is shorter and certain."""

    def __init__(self, asli: CompositorUpdate, model: ModelLayar, ukuran: tuple[int, int]):
        self.asli = asli
        self.model = model
        self.ukuran = ukuran  # the App's size when the frame was made (columns, lines)

    def render_segments(self, console: Console) -> str:
        asli = self.asli.render_segments(console)
        try:
            return self._render(console, asli)
        except Exception:  # noqa: BLE001 - any doubt: what Textual wrote, and forget the model
            self.model.lupakan()
            return asli

    def _render(self, console: Console, asli: str) -> str:
        model = self.model
        sistem = getattr(console, "_color_system", None) or ColorSystem.TRUECOLOR
        u = self.asli
        if isinstance(u, LayoutUpdate):
            w, h = u.region.width, u.region.height
            if u.region.x or u.region.y or (w, h) != self.ukuran:
                model.lupakan()
                return asli
            model.lupakan(w, h)
            for y, chops in enumerate(u.strips):
                baris = normal(Strip.join(list(chops)), sistem)
                model.baris[y] = baris if baris is not None and lebar(baris) == w else None
            return asli
        if not isinstance(u, ChopsUpdate) or not u.spans:
            model.lupakan()
            return asli
        w, h = self.ukuran
        if len(u.chops) != h:  # a frame made for another size than the app's: nothing is certain
            model.lupakan(w, h)
            return asli
        hanya_belajar = (model.lebar, model.tinggi) != (w, h)
        if hanya_belajar:  # the first frame at a new size: learn the lines it writes whole, write it as is
            model.lupakan(w, h)
        tulisan = self._tulisan(u)  # y -> [(x, strip)] in the order Textual writes them
        lama = model.baris
        baru = list(lama)
        for y, daftar in tulisan.items():
            if not 0 <= y < h:
                model.lupakan(w, h)
                return asli
            baru[y] = self._tempel(baru[y], daftar, w, sistem)
        keluaran = None if hanya_belajar else self._dengan_gulir(lama, baru, tulisan, console, h)
        model.baris = baru
        return keluaran if keluaran is not None and len(keluaran) < len(asli) else asli

    @staticmethod
    def _tulisan(u: ChopsUpdate) -> dict[int, list[tuple[int, Strip]]]:
        """What ChopsUpdate.render_segments writes, as (x, strip) per line (the same choices)."""
        out: dict[int, list[tuple[int, Strip]]] = {}
        for y, x1, x2 in u.spans:
            for end, (x, strip) in zip(u.chop_ends[y], u.chops[y].items()):
                if strip is None or x > x2 or end <= x1:
                    continue
                if not (x2 > x >= x1 and end <= x2):
                    strip = strip.crop(0, min(end, x2) - x)
                out.setdefault(y, []).append((x, strip))
        return out

    @staticmethod
    def _tempel(lama: Baris, daftar: list[tuple[int, Strip]], w: int, sistem: ColorSystem) -> Baris:
        """Line `lama` after the strips of `daftar` are written at their columns, in order (None: not
        known). An unknown line is known again when the writes cover every cell of it."""
        bagian: list[Sequence[tuple[str, str]]] = []
        x_kini = 0
        for x, strip in daftar:
            runs = normal(strip, sistem)
            if runs is None:
                return None
            n = lebar(runs)
            if x < x_kini or x + n > w:  # overlapping or past the edge: write one after the other
                return PembaruanGulir._tempel_urut(lama, daftar, w, sistem)
            if x > x_kini:
                if lama is None:
                    return None
                bagian.append(potong(lama, x_kini, x))
            bagian.append(runs)
            x_kini = x + n
        if x_kini < w:
            if lama is None:
                return None
            bagian.append(potong(lama, x_kini, w))
        return gabung(*bagian)

    @staticmethod
    def _tempel_urut(lama: Baris, daftar: list[tuple[int, Strip]], w: int, sistem: ColorSystem) -> Baris:
        baris: Baris = lama if lama is not None else (("\0" * w, TAKTAHU),)
        for x, strip in daftar:
            runs = normal(strip, sistem)
            if runs is None or x < 0 or x + lebar(runs) > w:
                return None
            baris = gabung(potong(baris, 0, x), runs, potong(baris, x + lebar(runs), w))
        return None if any(sgr == TAKTAHU for _, sgr in baris) else baris

    def _dengan_gulir(self, lama: list[Baris], baru: list[Baris], tulisan: dict[int, list[tuple[int, Strip]]],
                      console: Console, h: int) -> str | None:
        """The shortest output among: the changed cells only, and a band of lines moved by k and then the
        cells that still differ (for the k that most changed lines agree on). None: nothing to offer."""
        berubah = [y for y in range(h) if y in tulisan and (baru[y] is None or baru[y] != lama[y])]
        terbaik = self._tulis(lama, baru, tulisan, console, h)
        if len(berubah) < 3:
            return terbaik
        posisi: dict[tuple, list[int]] = {}
        for y, b in enumerate(lama):
            if b is not None:
                posisi.setdefault(b, []).append(y)
        suara: dict[int, int] = {}
        for y in berubah:
            b = baru[y]
            if b is None:
                continue
            for y0 in posisi.get(b, ())[:4]:
                if y0 != y:
                    suara[y0 - y] = suara.get(y0 - y, 0) + 1
        ada = set(berubah)
        for k, n in sorted(suara.items(), key=lambda kv: -kv[1])[:3]:
            cocok = [y for y in berubah if 0 <= y + k < h and baru[y] is not None and baru[y] == lama[y + k]]
            if len(cocok) < 2:
                continue
            # The band: from the first to the last line that moved (with the lines it came from), widened
            # over neighbouring lines that change anyway (a moved line whose scroll-bar cell changed, the
            # row the cursor left): they are drawn either way, and moved they often differ in a cell or two.
            atas, bawah = min(cocok) + min(k, 0), max(cocok) + max(k, 0)
            while atas - 1 >= 0 and atas - 1 in ada:
                atas -= 1
            while bawah + 1 < h and bawah + 1 in ada:
                bawah += 1
            out = self._tulis(lama, baru, tulisan, console, h, k, atas, bawah)
            if out is not None and (terbaik is None or len(out) < len(terbaik)):
                terbaik = out
        return terbaik

    @staticmethod
    def _tulis(lama: list[Baris], baru: list[Baris], tulisan: dict[int, list[tuple[int, Strip]]],
               console: Console, h: int, k: int = 0, atas: int = 0, bawah: int = -1) -> str | None:
        """Output that moves lines [atas, bawah] by k (none when k is 0), then draws the cells that differ
        from what the terminal then shows; lines the model does not know are written as Textual writes
        them. None when a moved line's new content is not known whole."""
        out = Penulis()
        setelah: list[Baris] = list(lama)
        if k:
            if not (0 <= atas < bawah < h) or abs(k) > bawah - atas:
                return None
            # What the terminal shows after the move (None: a new blank line).
            for y in range(atas, bawah + 1):
                setelah[y] = lama[y + k] if atas <= y + k <= bawah else None
            # Style reset first: the new blank lines take the current background.
            out.mentah("\x1b[0m" + f"\x1b[{atas + 1};{bawah + 1}r" + ke(0, atas)
                       + (f"\x1b[{k}M" if k > 0 else f"\x1b[{-k}L") + "\x1b[r", sgr_sesudah="")
        for y in range(h):
            b = baru[y]
            dipindah = k and atas <= y <= bawah
            if b is not None and (setelah[y] is not None or dipindah):
                for x, runs in beda(setelah[y], b):
                    out.mentah(ke(x, y))
                    out.teks(runs)
            elif dipindah:
                return None
            elif y in tulisan:
                out.reset()
                for x, strip in tulisan[y]:  # as Textual writes it
                    out.mentah(ke(x, y) + strip.render(console))
        return out.hasil()


def ukuran_terminal(driver: Any) -> tuple[int, int] | None:
    """(columns, lines) of the terminal the driver writes to, asked of the terminal itself (not COLUMNS and
    LINES, which Textual believes first); None when it cannot be asked."""
    berkas = getattr(driver, "_file", None) or sys.__stderr__
    try:
        ukuran = os.get_terminal_size(berkas.fileno())
    except (AttributeError, OSError, ValueError):
        return None
    return ukuran.columns, ukuran.lines


class GulirHemat:
    """App mixin: frames whose lines moved are written with a terminal scroll (see the module's doc)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.gulir_hemat = aktif_dari_env()
        self.model_layar = ModelLayar()
        self._gulir_terpasang = False

    def _display(self, screen: Any, renderable: Any) -> None:  # Textual's hook for every frame
        if not self._gulir_terpasang:
            self._gulir_terpasang = True
            try:  # after a suspend the terminal was someone else's: forget the model
                self.app_resume_signal.subscribe(self, self._lupakan_layar, immediate=True)
            except Exception:  # noqa: BLE001 - no such signal (another Textual): write as Textual does
                self.gulir_hemat = False
        if self.gulir_hemat and isinstance(renderable, CompositorUpdate) and not isinstance(
                renderable, PembaruanGulir):
            driver = getattr(self, "_driver", None)
            ukuran = tuple(self.size)
            # The terminal's own size, every frame: when it was resized and the app does not know yet (or
            # never will: COLUMNS/LINES set), the terminal has cropped or moved what the model holds.
            if (driver is not None and not getattr(driver, "is_inline", False)
                    and ukuran_terminal(driver) == ukuran):
                renderable = PembaruanGulir(renderable, self.model_layar, ukuran)
            else:
                self.model_layar.lupakan()
        elif renderable is not None:
            self.model_layar.lupakan()
        super()._display(screen, renderable)  # type: ignore[misc]

    def _lupakan_layar(self, _app: Any = None) -> None:
        self.model_layar.lupakan()
