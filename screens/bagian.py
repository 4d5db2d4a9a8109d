"""A part of a screen made of parts (the tabs of Persiapan, Kelompok and Pleno II): the one pattern.

Attributes down, messages up:

- the screen refreshes a part by calling `segarkan(data, perubahan)` (its own refresh passes the data and
  the changed tables down; the part never asks the screen for them). A part says which store tables it
  shows (`TABEL`): a change elsewhere does not reach it, and while it is hidden a change is only
  remembered (`tandai`) and shown when the screen shows the part (`segarkan_tertunda`);
- a part saves through the App (`simpan`, typed by `screens.kontrak.aplikasi`), never through its screen;
- a part tells its screen things by posting a message (`Bagian.Kabar` for the status line); it never calls
  the screen's methods;
- a part's keys are `Binding`s with an id, a description and (where it helps) a tooltip, declared on the
  part or on the widget of it that takes the focus (see screens/tombol.py): help (F1), the command palette
  and the Footer list them while the part has the focus. Keys that act on a part from anywhere on the
  screen (opening it first) are the screen's bindings.
"""

from __future__ import annotations

from typing import Any, Callable, ClassVar

from rich.text import Text
from textual import on
from textual.containers import Vertical
from textual.message import Message
from textual.widget import Widget

from sesi.data import Data
from sesi.peran import tolak

from .base import LayarTahap
from .kontrak import Aplikasi, Hasil, aplikasi
from .teks import teks_baris
from .tombol import JagaHuruf


class Bagian(JagaHuruf, Vertical):
    """One part of a screen. Subclasses set `KUNCI` and `TABEL` and implement `segarkan`."""

    #: The part's key (its tab, its key in the screen's list of parts).
    KUNCI: ClassVar[str] = ""
    #: Store tables this part shows; a change to another table leaves it as it is.
    TABEL: ClassVar[frozenset[str]] = frozenset()

    class Kabar(Message):
        """A line for the screen's status line (an outcome, a hint, a refusal when `galat`)."""

        def __init__(self, pesan: Text, galat: bool = False) -> None:
            super().__init__()
            self.pesan = pesan
            self.galat = galat

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        #: changes not shown yet (table -> ids; {} = unknown, show everything); None = up to date
        self.tertunda: dict[str, set[str]] | None = {}
        #: (revision, changes) of the last save this part made while a dialog was on top of its screen
        self.dari_dialog: tuple[int, dict[str, set[str]]] | None = None

    # --- the App, typed ---
    @property
    def aplikasi(self) -> Aplikasi:
        return aplikasi(self)

    @property
    def data(self) -> Data:
        return aplikasi(self).data

    def simpan(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Hasil:
        """Run one `sesi` action through the App (one transaction; the App shows "Tersimpan - rev N")."""
        hasil = aplikasi(self).simpan(fn, *args, **kwargs)
        if hasil.ok and self.app.screen is not self.screen:
            # Saved from a dialog: the screen beneath shows this change when it is current again.
            lama = self.dari_dialog
            perubahan = hasil.perubahan
            if lama is not None:  # a second save before the screen came back: both, if nothing came between
                perubahan = gabung_perubahan([lama[1], perubahan]) if lama[0] == hasil.revisi - 1 else {}
            self.dari_dialog = (hasil.revisi, perubahan)
        return hasil

    def boleh(self, jenis: str) -> bool:
        """Ask the sesi layer, before a form opens, whether this terminal's role may make changes of kind
        `jenis` (a key of `sesi.peran.BOLEH`): when not, the refusal is shown at once (status line, bell) and
        False is returned, so nothing is typed into a form that could not be saved."""
        pesan = tolak(aplikasi(self).pelaku.peran, jenis)
        if pesan:
            self.kabar(pesan, galat=True)
            self.app.bell()
            return False
        return True

    def kabar(self, pesan: str | Text, galat: bool = False) -> None:
        """Show a line in the screen's status line (plain str is user text: shown safely, never markup)."""
        self.post_message(self.Kabar(pesan if isinstance(pesan, Text) else teks_baris(pesan), galat))

    # --- refresh: the screen calls these ---
    def perlu(self, perubahan: dict) -> bool:
        """Whether a change (table -> ids; empty = unknown) touches what this part shows."""
        return not perubahan or bool(self.TABEL & set(perubahan))

    def segarkan(self, data: Data, perubahan: dict) -> None:
        """Show `data`; `perubahan` maps table -> changed ids when known ({} = show everything)."""

    def tandai(self, perubahan: dict) -> None:
        """Remember a change to show when the part is next shown (merged with earlier ones)."""
        if not self.perlu(perubahan):
            return
        if self.tertunda is None:
            self.tertunda = {t: set(ids) for t, ids in perubahan.items()}
        elif not perubahan or not self.tertunda:
            self.tertunda = {}
        else:
            for t, ids in perubahan.items():
                self.tertunda.setdefault(t, set()).update(ids)

    def segarkan_tertunda(self, data: Data) -> None:
        """Show the changes remembered while the part was hidden (nothing when it is up to date)."""
        if self.tertunda is not None:
            perubahan, self.tertunda = self.tertunda, None
            self.segarkan(data, perubahan)

    def terima(self, data: Data, perubahan: dict, tampak: bool) -> None:
        """A change reached the screen: show it now if the part is shown (`tampak`), else remember it."""
        self.tandai(perubahan)
        if tampak:
            self.segarkan_tertunda(data)

    def ambil_dari_dialog(self) -> tuple[int, dict[str, set[str]]] | None:
        """The last save made from a dialog (and forget it): the screen shows just that change on resume."""
        simpanan, self.dari_dialog = self.dari_dialog, None
        return simpanan

    # --- focus ---
    def utama(self) -> Widget | None:
        """The widget that takes the focus when the part is shown (the first focusable one by default)."""
        return next((w for w in self.query("*") if w.focusable and w.display), None)

    def fokus(self) -> None:
        w = self.utama()
        if w is not None:
            w.focus()
        else:
            self.screen.set_focus(None)


def gabung_perubahan(semua: list[dict[str, set[str]]]) -> dict[str, set[str]]:
    """Several changes as one (table -> ids); an empty one (unknown) makes the whole unknown."""
    out: dict[str, set[str]] = {}
    for perubahan in semua:
        if not perubahan:
            return {}
        for t, ids in perubahan.items():
            out.setdefault(t, set()).update(ids)
    return out


class LayarBagian(LayarTahap):
    """A stage screen made of parts: it passes each data change down to its parts (the shown part
    repaints, the hidden ones remember), and shows what its parts post up (`Bagian.Kabar`)."""

    def bagian_tampak(self, bagian: Bagian) -> bool:
        """Whether `bagian` is on screen now (each screen says how it shows its parts)."""
        return bool(bagian.display)

    def segarkan(self, data: Data, perubahan: dict) -> None:
        self.segarkan_bagian(data, perubahan)

    def segarkan_bagian(self, data: Data, perubahan: dict) -> None:
        """Pass a change down to every part: shown now by the part on screen, remembered by the others."""
        for bagian in self.query(Bagian):
            bagian.terima(data, perubahan, self.bagian_tampak(bagian))

    def on_screen_resume(self) -> None:
        """Back from a dialog that saved: show just what that save changed (LayarTahap's own handler, which
        runs after this one, then finds the revision already shown)."""
        simpanan = [s for s in (b.ambil_dari_dialog() for b in self.query(Bagian)) if s is not None]
        if len(simpanan) == 1 and simpanan[0][0] == self.data.revisi and simpanan[0][1]:
            self._tampilkan(self.data, perubahan=simpanan[0][1])

    @on(Bagian.Kabar)
    def _kabar_bagian(self, pesan: Bagian.Kabar) -> None:
        pesan.stop()
        self.status.atur(pesan.pesan, pesan.galat)


__all__ = ["Bagian", "LayarBagian", "gabung_perubahan"]
