"""Choosing the kelompok a screen works on: from a list (type to filter), or the next/previous one."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from sesi.data import Data
from sesi.model import Kelompok

from .glyph import g
from .teks import aman
from .widgets import PilihDialog

if TYPE_CHECKING:
    from .base import LayarTahap


class PilihKelompok:
    """Mixin for the screens that show one kelompok at a time (Kelompok, Skoring, Pleno II).

    The screen keeps the current kelompok id in `self.kid`, switches with `_ganti_kelompok(kid)` (which sets
    `self.kid` before the App's `kelompok_aktif`), and may describe each kelompok in the list
    (`keterangan_kelompok`) and prepare before a switch chosen by the user (`sebelum_ganti_kelompok`).

    A screen that follows the kelompok chosen elsewhere calls `ikuti_kelompok_aktif()` once mounted and
    `ikuti(aplikasi(self).kelompok_aktif)` on resume.
    """

    kid: str
    data: Data

    def _ganti_kelompok(self, kid: str) -> None:  # implemented by the screen
        raise NotImplementedError

    def keterangan_kelompok(self, data: Data, k: Kelompok) -> str:
        """What the list says about one kelompok after its name."""
        return ""

    def sebelum_ganti_kelompok(self) -> None:
        """Called before a switch the user asked for (e.g. to show the part that lists the kelompok)."""

    def ikuti_kelompok_aktif(self) -> None:
        """Watch the App's `kelompok_aktif`: show the kelompok it names at once while this screen is shown
        (a hidden screen catches up with `ikuti` on resume)."""
        self._layar.watch(self._layar.app, "kelompok_aktif", self._kelompok_aktif_berubah, init=False)

    def _kelompok_aktif_berubah(self, kid: str) -> None:
        if self._layar.is_current:
            self.ikuti(kid)

    def ikuti(self, kid: str) -> None:
        """Show kelompok `kid` if it is another one that exists."""
        if kid and kid != self.kid and self.data.kelompok_dari_id(kid):
            self._ganti_kelompok(kid)

    def _pilih(self, kid: str | None) -> None:
        if kid:
            self.sebelum_ganti_kelompok()
            self._ganti_kelompok(kid)

    @property
    def _layar(self) -> "LayarTahap":
        """The screen this mixin is part of."""
        return cast("LayarTahap", self)

    def action_pilih_kelompok(self) -> None:
        data = self.data
        if not data.kelompok:
            self._layar.status.atur("Belum ada kelompok.", galat=True)
            return
        pilihan = []
        for k in data.kelompok:
            ket = self.keterangan_kelompok(data, k)
            tanda = g("cur") if k.id == self.kid else " "
            pilihan.append((f"{tanda} {aman(k.nama)}" + (f" {g('dot')} {ket}" if ket else ""), k.id))
        self._layar.app.push_screen(PilihDialog("Pilih kelompok", pilihan, petunjuk="Ketik nama kelompok, Enter"),
                                    self._pilih)

    def action_geser_kelompok(self, arah: int) -> None:
        ids = [k.id for k in self.data.kelompok]
        if ids:
            i = ids.index(self.kid) if self.kid in ids else 0
            self._pilih(ids[(i + arah) % len(ids)])
