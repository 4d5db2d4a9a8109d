"""The user's keymap file and the list of binding ids (`musrenbang tombol`).

Every key of the app is a `Binding` with an id (see screens/tombol.py). A user moves a key to another one
in `$XDG_CONFIG_HOME/musrenbang/tombol.toml` (or `~/.config/musrenbang/tombol.toml`):

    [tombol]
    "app.riwayat" = "ctrl+k"
    "skoring.urungkan" = "u,ctrl+z"

The app passes it to `App.set_keymap`. A file that cannot be used gives one clear message and the
default keys; it never stops the app. Reading the file does not import Textual; listing the ids does.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Iterator, NamedTuple

if TYPE_CHECKING:
    import tomllib

#: A key as Textual names it: modifiers joined with "+", then a key name ("ctrl+k", "f9", "question_mark").
_TOMBOL = re.compile(r"^([a-z]+\+)*[a-z0-9_]+$|^([a-z]+\+)*[^\s,]$", re.I)


def berkas_tombol() -> Path:
    """Where the user's keymap file is looked for."""
    base = os.environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
    return Path(base) / "musrenbang" / "tombol.toml"


def _galat_toml(e: tomllib.TOMLDecodeError) -> str:
    """tomllib's English message reduced to where the error is."""
    m = re.search(r"line (\d+), column (\d+)", str(e))
    return f"baris {m.group(1)}, kolom {m.group(2)}" if m else "penulisan TOML tidak sah"


def baca_tombol(path: Path | None = None) -> tuple[dict[str, str], str]:
    """(keymap, message): binding id -> keys from the user's file, and a message in Indonesian when the file
    (or one entry of it) cannot be used. No file: ({}, ""). A broken file: ({}, why) and the defaults apply."""
    path = path or berkas_tombol()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return {}, ""
    except OSError as e:
        return {}, f"Berkas tombol {path} tidak dapat dibaca ({e.strerror}); tombol bawaan dipakai."
    import tomllib  # only when there is a file: ~1 MB and a few ms of every start otherwise (bench/memori.py)

    try:
        doc = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        return {}, f"Berkas tombol {path} bukan teks UTF-8; tombol bawaan dipakai."
    except tomllib.TOMLDecodeError as e:
        return {}, f"Berkas tombol {path} tidak dapat dibaca ({_galat_toml(e)}); tombol bawaan dipakai."
    bagian = doc.get("tombol")
    if not isinstance(bagian, dict):
        return {}, (f"Berkas tombol {path} tidak memiliki bagian [tombol] "
                    '(contoh: [tombol] lalu "app.riwayat" = "ctrl+k"); tombol bawaan dipakai.')
    keymap: dict[str, str] = {}
    ditolak: list[str] = []
    for binding_id, nilai in bagian.items():
        if isinstance(nilai, list) and all(isinstance(x, str) for x in nilai):
            nilai = ",".join(nilai)
        keys = [k.strip() for k in nilai.split(",")] if isinstance(nilai, str) else []
        if keys and all(_TOMBOL.match(k) for k in keys):
            keymap[binding_id] = ",".join(keys)
        else:
            ditolak.append(binding_id)
    pesan = ""
    if ditolak:
        pesan = (f"Berkas tombol {path}: nilai untuk {', '.join(ditolak)} tidak dikenali sebagai tombol "
                 '(contoh: "ctrl+k" atau "f5,ctrl+s"); tombol bawaannya dipakai.')
    return keymap, pesan


class Tombol(NamedTuple):
    id: str
    keys: str
    judul: str
    bantuan: str


def daftar_tombol() -> Iterator[Tombol]:
    """Every binding with an id, in the app, its screens and widgets, and the projector (imports Textual)."""
    import importlib
    import pkgutil

    import screens
    from textual.binding import Binding
    from textual.dom import DOMNode

    from screens.tombol import nama_tombol

    from .app import MusrenbangApp

    modul = [importlib.import_module(m.name) for m in pkgutil.walk_packages(screens.__path__, "screens.")]
    kelas: list[type] = [MusrenbangApp]
    for m in modul:
        kelas += [c for c in vars(m).values()
                  if isinstance(c, type) and issubclass(c, DOMNode) and c.__module__ == m.__name__]
    sudah: set[str] = set()
    for c in kelas:
        for b in c.__dict__.get("BINDINGS", []):
            if isinstance(b, Binding) and b.id and b.id not in sudah and not b.system:
                sudah.add(b.id)
                yield Tombol(b.id, ", ".join(nama_tombol(k) for k in b.key.split(",")), b.description, b.tooltip)


def teks_daftar() -> str:
    """`musrenbang tombol`: the ids, keys and descriptions, and the state of the user's file."""
    from screens.tombol import nama_tombol

    path = berkas_tombol()
    keymap, pesan = baca_tombol(path)
    baris = [f"Berkas tombol: {path}" + ("" if path.exists() else " (belum ada; tombol bawaan dipakai)")]
    if pesan:
        baris.append(pesan)
    semua = list(daftar_tombol())
    dikenal = {t.id for t in semua}
    asing = [i for i in keymap if i not in dikenal]
    if asing:
        baris.append(f"Id tidak dikenal di berkas tombol (diabaikan): {', '.join(asing)}")
    baris.append("")
    lebar = max(len(t.id) for t in semua)
    for t in semua:
        keys = keymap.get(t.id)
        tampil = ", ".join(nama_tombol(k) for k in keys.split(",")) + " (diubah)" if keys else t.keys
        judul = t.judul or t.bantuan or "-"
        baris.append(f"{t.id:<{lebar}}  {tampil:<16}  {judul}")
    return "\n".join(baris) + "\n"
