"""Keys declared once: the `BINDINGS` of a class are the only place a key is written.

A `Binding` carries the key, an `id` (what a user's keymap file names, see README "Tombol"), the
description (the Footer label, the help line and the command palette title) and, where a few words of
explanation help, a `tooltip`. The help screen (F1) and the command palette (Ctrl+P) both list
`perintah_aktif(screen)`: the bindings Textual would run now (`Screen.active_bindings`: the focused widget
and its parents, the screen, the app, with the user's keymap applied), minus those `check_action`
disables. A screen or widget therefore adopts the mechanism by declaring its bindings with an id and a
description, and by answering `check_action` for actions that do not apply.

Prose that names a key (a hint line, a help text, a message, a menu entry) never writes the key itself: it
writes the binding's id in braces, "{persiapan.tambah} tambah", and `isi_tombol` puts in the key the
user's keymap gives that binding now ("Ctrl+O tambah"), named the one way (`nama_tombol`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import chain
from typing import TYPE_CHECKING, Any, Iterator

from rich.text import Text
from textual.app import App, SystemCommand
from textual.command import CommandPalette, Hit, Hits
from textual.system_commands import SystemCommandsProvider
from textual.binding import Binding
from textual.keys import key_to_character

if TYPE_CHECKING:
    from textual.dom import DOMNode
    from textual.screen import Screen

#: Key names as help and the palette write them (Footer labels are Textual's own short forms).
NAMA_KHUSUS = {
    "escape": "Esc", "enter": "Enter", "tab": "Tab", "space": "Spasi", "backspace": "Backspace",
    "delete": "Del", "insert": "Insert", "home": "Home", "end": "End", "pageup": "PgUp",
    "pagedown": "PgDn", "up": "↑", "down": "↓", "left": "←", "right": "→",
}
#: Our packages. Bindings declared by Textual's own classes (e.g. Input's, in English) are never listed.
MILIK_KITA = ("screens.", "musrenbang_tui.")


def nama_tombol(key: str) -> str:
    """One key as help writes it: "f9" -> "F9", "ctrl+n" -> "Ctrl+N", "question_mark" -> "?"."""
    *pengubah, inti = key.strip().split("+")
    if inti in NAMA_KHUSUS:
        nama = NAMA_KHUSUS[inti]
    elif len(inti) > 1 and inti[0] == "f" and inti[1:].isdigit():
        nama = inti.upper()
    else:
        huruf = key_to_character(inti)
        nama = huruf if huruf is not None and huruf.isprintable() else inti
        if pengubah and len(nama) == 1:
            nama = nama.upper()
    return "+".join([p.capitalize() for p in pengubah] + [nama])


def tampil_tombol(keys: list[str]) -> str:
    """The keys of one action, each named the one way help writes keys ("F1, ?"). A binding's
    `key_display` is for the Footer's narrow space only."""
    return ", ".join(nama_tombol(k) for k in keys)


def tombol_footer(binding: Binding) -> str:
    """The key of `binding` as the Footer shows it, for every App of the program (`App.get_key_display`): its
    `key_display` when the class sets one (a user's keymap clears it), else its first key named the one
    way (`nama_tombol`): "Ctrl+Q", never Textual's "^q"."""
    if binding.key_display:
        return binding.key_display
    return nama_tombol(binding.key.split(",")[0])


#: A binding id written in prose: "{persiapan.tambah}" (at least one dot, so "{x}" in other text is left as is).
_ID_DALAM_TEKS = re.compile(r"\{([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+)\}")


def cari_binding(node: "DOMNode", binding_id: str) -> Binding | None:
    """The `Binding` declared with `binding_id` by `node`'s class, one of its ancestors' (its screen, the
    App), the App's when `node` is not mounted yet, or one of its children's (a part's table); None if none
    declares it."""
    rantai: list[object] = [node]
    try:
        rantai += list(node.ancestors)
    except Exception:  # noqa: BLE001 - a node not attached yet
        pass
    try:
        rantai.append(node.app)
    except Exception:  # noqa: BLE001 - no running app
        pass
    for n in chain(rantai, node.walk_children()):  # children last, and only walked when needed
        for cls in type(n).__mro__:
            for b in cls.__dict__.get("BINDINGS", []):
                if isinstance(b, Binding) and b.id == binding_id:
                    return b
    return None


def tombol_binding(node: "DOMNode", binding_id: str, semua: bool = False) -> str:
    """The key of binding `binding_id` as the user's keymap sets it now (`App.set_keymap`, see
    musrenbang_tui/tombol.py), written as the Footer writes it (`tombol_footer`: "Ctrl+O", "F9", "s",
    "Esc/F10"): the first key, or with `semua` every key ("u, Ctrl+Z"). "" when no binding has that id."""
    b = cari_binding(node, binding_id)
    if b is None:
        return ""
    keys = b.key
    try:
        from .kontrak import aplikasi

        keys = aplikasi(node).peta_tombol.get(binding_id, keys)
    except Exception:  # noqa: BLE001 - no running app (a class read outside the UI): the declared key
        pass
    if keys == b.key and b.key_display and not semua:
        return b.key_display  # what the Footer shows for it
    daftar = [k.strip() for k in keys.split(",") if k.strip()]
    return tampil_tombol(daftar) if semua else nama_tombol(daftar[0]) if daftar else ""


def isi_tombol(node: "DOMNode", teks: str) -> str:
    """`teks` with each "{binding.id}" replaced by that binding's key now (`tombol_binding`); an id no
    binding declares is left as written, so a typo shows on screen and in tests."""
    def ganti(m: re.Match[str]) -> str:
        return tombol_binding(node, m.group(1)) or m.group(0)
    return _ID_DALAM_TEKS.sub(ganti, teks)


@dataclass
class Perintah:
    """One action a user can take now: where it runs, its binding and every key bound to it."""

    node: "DOMNode"
    binding: Binding
    keys: list[str] = field(default_factory=list)

    @property
    def judul(self) -> str:
        return self.binding.description

    @property
    def tombol(self) -> str:
        return tampil_tombol(self.keys)

    @property
    def bantuan(self) -> str:
        """The palette's help line: the tooltip (if any) and the keys."""
        tombol = f"Tombol: {self.tombol}"
        return f"{self.binding.tooltip} ({tombol})" if self.binding.tooltip else tombol

    async def jalankan(self) -> None:
        await self.node.run_action(self.binding.action)


def _deklarasi_kita(node: "DOMNode") -> set[tuple[str, str]]:
    """(action, description) of the bindings declared by this node's classes in our packages."""
    out: set[tuple[str, str]] = set()
    for cls in type(node).__mro__:
        if not cls.__module__.startswith(MILIK_KITA):
            continue
        for b in cls.__dict__.get("BINDINGS", []):
            if isinstance(b, Binding):
                out.add((b.action, b.description))
    return out


def kunci_huruf(key: str) -> bool:
    """Whether a key is a single character a text field would take ("x", "P", "question_mark", "space"),
    not a control, function or navigation key."""
    if "+" in key.strip("+") and not key.startswith("shift+"):
        return False
    inti = key.split("+")[-1]
    if inti == "space":
        return True
    huruf = key_to_character(inti)
    return huruf is not None and len(huruf) == 1 and huruf.isprintable()


def huruf_saat_mengetik(node: "DOMNode", action: str) -> bool:
    """Whether `action` of `node` is bound to a single-character key while the focused widget takes text:
    such an action must not run (the character belongs to the text). `check_action` of the base classes
    (`LayarTahap`, `Bagian`, `Dialog`) answers False then."""
    from .widgets import mengambil_teks

    try:
        fokus = node.screen.focused if node.is_attached else None
    except Exception:  # noqa: BLE001 - a node without a screen yet
        return False
    if fokus is None or not mengambil_teks(fokus):
        return False
    for cls in type(node).__mro__:
        for b in cls.__dict__.get("BINDINGS", []):
            if isinstance(b, Binding) and b.action.split("(")[0] == action and any(kunci_huruf(k) for k in b.key.split(",")):
                return True
    return False


class JagaHuruf:
    """Mixin for screens, dialogs and parts: a single-letter action never runs while a text field has the
    focus (the letter is text); otherwise the class's own `boleh_aksi` decides. Put it before the Textual
    class (`class LayarTahap(JagaHuruf, Screen)`); subclasses answer `boleh_aksi`, not `check_action`."""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if huruf_saat_mengetik(self, action):  # type: ignore[arg-type]
            return False
        return self.boleh_aksi(action, parameters)

    def boleh_aksi(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Whether `action` applies now (True; False hides it; None shows it disabled)."""
        return True


def perintah_aktif(screen: "Screen") -> list[Perintah]:
    """Every enabled action of the focused widget, the screen and the app, in that order, one entry per
    action (a binding with several keys, or remapped ones, lists them together)."""
    out: dict[tuple[int, str, str], Perintah] = {}
    kita: dict[int, set[tuple[str, str]]] = {}
    for key, aktif in screen.active_bindings.items():
        node, binding = aktif.node, aktif.binding
        if not aktif.enabled or binding.system or not binding.description:
            continue
        if id(node) not in kita:
            kita[id(node)] = _deklarasi_kita(node)
        if (binding.action, binding.description) not in kita[id(node)]:
            continue
        kunci = (id(node), binding.action, binding.description)
        if kunci not in out:
            out[kunci] = Perintah(node, binding)
        out[kunci].keys.append(key)
    return list(out.values())


def perintah_palet(screen: "Screen") -> Iterator[SystemCommand]:
    """The command palette's entries (an App's `get_system_commands`): `perintah_aktif`, one per title."""
    sudah: set[str] = set()
    for p in perintah_aktif(screen):
        if p.binding.action == "command_palette" or p.judul in sudah:
            continue
        sudah.add(p.judul)
        yield SystemCommand(p.judul, p.bantuan, lambda p=p: screen.app.call_later(p.jalankan))


class PenyediaPerintah(SystemCommandsProvider):
    """The palette's commands (the App's `get_system_commands`), searched as Textual's own provider does;
    when nothing matches it offers one line saying so in Indonesian, so Textual's English "No matches found"
    (shown only when no provider gave a hit, with no public way to change its text) never appears. Choosing
    that line only closes the palette. Public API only: `Provider.search`, `Hit`."""

    KOSONG = "Tidak ada perintah yang cocok"

    async def search(self, query: str) -> Hits:
        ada = False
        async for hit in super().search(query):
            ada = True
            yield hit
        if not ada and query.strip():
            yield Hit(0.0, Text(self.KOSONG, style="dim"), lambda: None,
                      help="Ketik kata lain, atau Esc untuk menutup palet")


class PaletPerintah(CommandPalette):
    """Textual's command palette, in Indonesian: the prompt, and the line shown when nothing matches
    (`PenyediaPerintah`)."""

    KOSONG = PenyediaPerintah.KOSONG

    def __init__(self, **kwargs: Any):
        kwargs.setdefault("providers", [PenyediaPerintah])
        super().__init__(**kwargs)

    def on_mount(self) -> None:
        from textual.command import SearchIcon

        from .glyph import g

        if g("ell") == "...":  # the ASCII look: no emoji magnifier
            self.query_one(SearchIcon).icon = ">"


def buka_palet(app: App) -> None:
    """Open the command palette with an Indonesian prompt (an App's `action_command_palette`)."""
    if app.use_command_palette and not CommandPalette.is_open(app):
        from .glyph import g

        app.push_screen(PaletPerintah(id="--command-palette", placeholder=f"Cari perintah{g('ell')}"))


__all__ = ["buka_palet", "cari_binding", "isi_tombol", "JagaHuruf", "PaletPerintah", "PenyediaPerintah", "huruf_saat_mengetik", "kunci_huruf", "Perintah", "nama_tombol", "perintah_aktif", "perintah_palet", "tampil_tombol", "tombol_binding", "tombol_footer"]
