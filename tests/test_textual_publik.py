"""The screens use Textual through its public API only (issue 15, item 6): no import from a private
Textual module (`textual.widgets._select`, ...), and no method of a Textual class with a private name
(`_start_no_matches_countdown`, ...) overridden in a subclass. Either breaks silently when Textual changes."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from pathlib import Path

import screens

ROOT = Path(__file__).resolve().parent.parent
#: Modules that reach into Textual's private parts on purpose, isolated in one place with their own tests:
#: the scroll-by-moving-lines output filter (issue 16) reads Textual's compositor updates.
TERISOLASI = {"musrenbang_tui/gulir.py"}
PRIVAT = re.compile(r"^\s*(?:from|import)\s+textual(?:\.\w+)*\._\w+", re.M)


def modul_layar():
    for info in pkgutil.walk_packages(screens.__path__, "screens."):
        yield importlib.import_module(info.name)


def test_tidak_ada_impor_dari_modul_privat_textual():
    salah = []
    for folder in ("screens", "musrenbang_tui"):
        for path in (ROOT / folder).rglob("*.py"):
            if str(path.relative_to(ROOT)) in TERISOLASI:
                continue
            for m in PRIVAT.finditer(path.read_text(encoding="utf-8")):
                salah.append(f"{path.relative_to(ROOT)}: {m.group(0).strip()}")
    assert not salah, salah


def test_tidak_ada_metode_privat_textual_yang_ditimpa():
    salah = []
    for modul in [*modul_layar(), importlib.import_module("musrenbang_tui.app")]:
        for _, kelas in inspect.getmembers(modul, inspect.isclass):
            if kelas.__module__ != modul.__name__:
                continue
            induk_textual = [k for k in kelas.__mro__[1:] if k.__module__.startswith("textual")]
            for nama, isi in vars(kelas).items():
                if not inspect.isfunction(isi) or not nama.startswith("_") or nama.startswith("__"):
                    continue
                if nama.startswith(("_on_", "_watch_", "_validate_", "_compute_")):
                    continue  # message handlers and reactive hooks named by Textual's documented rule
                if any(nama in vars(k) for k in induk_textual):
                    salah.append(f"{modul.__name__}.{kelas.__name__}.{nama}")
    assert not salah, salah
