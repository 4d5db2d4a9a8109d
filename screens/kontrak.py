"""What screens may ask of the App (attributes down) and what they tell it (messages up).

Screens live below the shell (`musrenbang_tui/`), so they never import the App class: they see it
through the `Aplikasi` protocol, reached with `aplikasi(node)` (typed, no ``type: ignore``), and they
react to data changes by handling the `DataBerubah` message with ``@on(DataBerubah)``.
See docs/arsitektur.md for the flow of a keystroke to the disk and back to the other terminals.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Protocol, cast

from textual.message import Message

if TYPE_CHECKING:
    from textual.dom import DOMNode

    from rich.text import Text

    from weakref import WeakSet

    from sesi.data import Data

    from .base import LayarTahap
    from sesi.draf import Draf
    from sesi.store import Pelaku, Store


@dataclass
class Hasil:
    """The outcome of one saved action: ok, the action's return value, the new revision, the changed
    record ids per table, and the message shown when it failed."""

    ok: bool
    nilai: Any = None
    pesan: str = ""
    revisi: int = 0
    perubahan: dict[str, set[str]] = field(default_factory=dict)


class DataBerubah(Message):
    """The session's data changed: saved here, or by another terminal. Posted by the App to the active
    screen. `perubahan` maps table -> changed record ids when known (empty: anything may have changed)."""

    def __init__(self, data: "Data", perubahan: dict[str, set[str]]) -> None:
        super().__init__()
        self.data = data
        self.perubahan = perubahan


class Aplikasi(Protocol):
    """The App as screens see it: exactly what screens and their parts read or call."""

    store: "Store"
    #: The session as last saved here or read from the file (replaced, never mutated, on each change).
    data: "Data"
    #: The kelompok the Kelompok, Skoring and Pleno II screens show (a `reactive` on the App: screens
    #: that follow it `watch` it; setting it is how a screen says which kelompok is being discussed).
    kelompok_aktif: str
    #: The ASCII look (`--ascii`, for consoles without box-drawing glyphs): widgets that draw their own
    #: icons (e.g. the import's folder tree) use plain characters.
    ascii: bool

    #: Drafts of typed notes not saved yet (this user's own state folder): kept until saved.
    draf: "Draf"
    #: The user's keymap (binding id -> keys, as `App.set_keymap` took it): how prose names a key
    #: (`screens.tombol.isi_tombol`).
    peta_tombol: dict[str, str]
    #: The latest status message (text, is-error) shown on any screen; None before the first one. A
    #: `var` on the App: stage screens watch it (attributes down), the status line sets it.
    kabar_terakhir: "tuple[Text, bool] | None"
    #: Stage screens composed so far (each registers itself on mount): asked for unsaved text on quit.
    layar_terbuka: "WeakSet[LayarTahap]"

    @property
    def pelaku(self) -> "Pelaku": ...

    def simpan(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Hasil:
        """Run `fn(tx, *args, **kwargs)` in one transaction; the App then posts `DataBerubah`."""
        ...

    def muat_ulang(self) -> None:
        """Show what the store holds after a change saved outside `simpan` (e.g. an import worker)."""
        ...

    def peringatan(self) -> list[str]:
        """The procedure warnings of the current data (cached per revision)."""
        ...


def aplikasi(node: "DOMNode") -> Aplikasi:
    """The running App, typed for screens and their parts."""
    return cast(Aplikasi, node.app)


__all__ = ["Aplikasi", "DataBerubah", "Hasil", "aplikasi"]
