"""Helpers for Pilot tests: read what the terminal shows, record notifications, wait for a condition.

Only Textual's public API is used, so the tests survive Textual upgrades and say what a user sees:

- `layar_teks(app)`: the screen as text, from `App.export_screenshot()` (the documented screenshot API,
  the same picture `snap_compare` compares). Reading `screen._compositor` is private, and rendering each
  widget with `Widget.render_lines` would miss what covers it (dialogs over their screen, toasts) and
  what shows through (the screen beneath a dialog), which the screenshot composes as the terminal does.
- `Rekaman`: a `message_hook` for `App.run_test` that keeps every message the app handled; notifications
  are the `Notify` messages `App.notify` posts (the app's own list of them is private).
- `buka_app(path, layar)`: the app as a snapshot needs it: a fixed clock and actor, and a text cursor that
  does not blink. A focused Input's cursor shows and hides every 0.5 s, so a screenshot taken a little
  later on a loaded machine (a form, a typed note, the import path) differed from the committed one.
- `tunggu(pilot, kondisi)`: pauses until a condition holds, for the few things that finish in their own
  time (worker threads, timers, a tree loading a folder) instead of counting `pilot.pause()` calls, which
  is enough on an idle machine and not on a loaded one.
"""

from __future__ import annotations

import html
import inspect
import re
import time
from datetime import datetime
from pathlib import Path, PurePath
from typing import Any, Callable

from rich.cells import cell_len
from textual import events, on
from textual.app import App
from textual.message import Message
from textual.notifications import Notification, Notify

from musrenbang_tui.app import MusrenbangApp
from sesi.store import Store
from sesi.transaksi import Pelaku

#: the clock of the screens' tests: 10:00 on the day of the demo session
JAM = datetime(2027, 2, 9, 10, 0, 0)

# One <text> element of the SVG per run of styled text: its x position and line come from attributes.
_TEKS = re.compile(r'<text [^>]*?x="([\d.]+)"[^>]*?textLength="([\d.]+)"[^>]*?'
                   r'clip-path="url\(#[\w-]+-line-(\d+)\)"[^>]*>([^<]*)</text>')


def layar_teks(app: App) -> str:
    """What the terminal shows now, one line per row, without styles (trailing spaces removed).

    Parses the SVG of `app.export_screenshot()`: Rich writes each run of text as a `<text>` element at
    `x = column * char_width` with `textLength = char_width * len(text)`, clipped to its line; runs of
    spaces only are left out, so the columns are rebuilt from x."""
    svg = app.export_screenshot()
    baris: dict[int, list[tuple[int, str]]] = {}
    for x, panjang, nomor, isi in _TEKS.findall(svg):
        teks = html.unescape(isi).replace("\xa0", " ")
        lebar_sel = float(panjang) / len(teks)
        baris.setdefault(int(nomor), []).append((round(float(x) / lebar_sel), teks))
    tinggi = app.size.height
    hasil = []
    for y in range(tinggi):
        garis, kolom = "", 0
        for x, teks in sorted(baris.get(y, [])):
            if x > kolom:
                garis += " " * (x - kolom)
                kolom = x
            garis += teks
            kolom += cell_len(teks)
        hasil.append(garis.rstrip())
    return "\n".join(hasil)


def _css_app(app: type[App]) -> list[Path]:
    """`app.CSS_PATH` made absolute: a relative CSS_PATH is read beside the module of the class that runs,
    so a subclass defined here must name the app's own style sheets."""
    css = app.CSS_PATH or []
    folder = Path(inspect.getfile(app)).parent
    return [folder / p for p in ([css] if isinstance(css, (str, PurePath)) else css)]


class AppUji(MusrenbangApp):
    """The app with a steady text cursor: every Input and TextArea stops blinking when it gets focus
    (`cursor_blink` is their public switch; the cursor then stays shown)."""

    CSS_PATH = _css_app(MusrenbangApp)

    @on(events.DescendantFocus)
    def _kursor_tetap(self, event: events.DescendantFocus) -> None:
        if hasattr(event.widget, "cursor_blink"):
            event.widget.cursor_blink = False


def buka_app(path: str | Path, layar: str, *, peran: str = "operator", jam: datetime = JAM,
             **kwargs: Any) -> MusrenbangApp:
    """The app on the session file at `path`, opened at `layar` as "uji" in role `peran`, on a clock
    standing at `jam`, with a steady cursor (`AppUji`)."""
    store = Store.buka(path, pelaku=Pelaku("uji", peran), clock=lambda: jam)
    return AppUji(store, layar=layar, **kwargs)


class Rekaman:
    """Messages the app handled, for `app.run_test(message_hook=rekaman)`."""

    def __init__(self) -> None:
        self.pesan: list[Message] = []

    def __call__(self, message: Message) -> None:
        self.pesan.append(message)

    def notifikasi(self, severity: str | None = None) -> list[Notification]:
        """Notifications shown so far (of one severity: "information", "warning", "error")."""
        return [m.notification for m in self.pesan if isinstance(m, Notify)
                and (severity is None or m.notification.severity == severity)]

    def ditolak(self) -> list[str]:
        """The text of the error notifications: refusals shown whole, outside any form."""
        return [n.message for n in self.notifikasi("error")]


async def tunggu(pilot: Any, kondisi: Callable[[], Any], batas: float = 10.0, *, apa: str = "") -> Any:
    """Pause until `kondisi()` is true (returning its value); fail after `batas` seconds.

    The limit only matters when the app is broken: a loaded machine passes as soon as the condition holds.
    The failure names what was awaited (`apa`, or the condition's source) and shows the screen."""
    akhir = time.monotonic() + batas
    await pilot.pause()
    while True:
        hasil = kondisi()
        if hasil:
            return hasil
        if time.monotonic() > akhir:
            nama = apa or getattr(kondisi, "__qualname__", repr(kondisi))
            raise AssertionError(f"tidak terjadi dalam {batas:g} detik: {nama}\n"
                                 f"layar:\n{layar_teks(pilot.app)}")
        await pilot.pause(0.02)


def baris_layar(app: App) -> list[str]:
    """What the terminal shows now, as a list of lines (`layar_teks` split)."""
    return layar_teks(app).split("\n")


teks_layar = layar_teks
