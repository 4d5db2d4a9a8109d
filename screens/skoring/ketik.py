"""Typing a value on a wide scale in the scoring matrix (0-100, or steps of 0,5): digits and a comma
accumulate in the cell ("85_"), Enter or Tab saves, Esc cancels, a move away cancels.

A part of `SkoringScreen` (screens/skoring/layar.py), which holds the state (`_ketikan`: (usulan, kode,
text) being typed) and the helpers used here (`matriks`, `status`, `_info`, `_isi_sel`, `_kriteria_sel`,
`_atur`). Values are read by `sesi.skor.baca_nilai`.
"""

from __future__ import annotations

from typing import Any

from sesi import skor
from sesi.errors import DataDitolak
from sesi.model import Kriteria

from .keterangan import lebar_skala


class KetikLebar:
    """Digits, comma, Enter/Tab and Esc for a value typed on a wide scale."""

    _ketikan: tuple[str, str, str] | None
    matriks: Any
    status: Any
    data: Any

    def _ketik(self, uid: str, kode: str, k: Kriteria, tambah: str) -> None:
        lama = self._ketikan[2] if self._ketikan is not None and self._ketikan[:2] == (uid, kode) else ""
        baru = lama + tambah
        if tambah == ",":
            if k.langkah_pecahan == 1 or "," in lama:
                self.status.atur(f"Skala {kode} ({k.skala_min}-{k.skala_maks}) hanya bilangan bulat."
                                 if k.langkah_pecahan == 1 else "Koma sudah diketik.", galat=True)
                return
            if not lama:
                baru = "0,"
        else:
            bulat_, _, pecahan = baru.partition(",")
            if (len(bulat_) > 3 or int(bulat_) > k.skala_maks or len(pecahan) > 1
                    or (pecahan and pecahan != "5" and pecahan != "0")):
                self.status.atur(f"{baru} di luar skala {kode} ({k.skala_min}-{k.skala_maks}"
                                 + ("" if k.langkah_pecahan == 1 else ", langkah 0,5") + ").", galat=True)
                return
        self._ketikan = (uid, kode, baru)
        self.matriks.atur_sel(uid, kode, (baru + "_", "kursor"))
        self._info(self.data)

    def _batal_ketik(self) -> None:
        if self._ketikan is None:
            return
        uid, kode, _ = self._ketikan
        self._ketikan = None
        self.matriks.atur_sel(uid, kode, self._isi_sel(self.data, uid, kode))
        self._info(self.data)

    def _simpan_ketik(self) -> bool:
        """Save the value being typed (True when there was one)."""
        if self._ketikan is None:
            return False
        uid, kode, teks_ = self._ketikan
        k = self._kriteria_sel(self.data, uid, kode)
        self._batal_ketik()
        if k is None:
            return True
        try:
            nilai = skor.baca_nilai(teks_, k)
        except DataDitolak as e:
            self.status.atur(str(e), galat=True)
            return True
        self._atur(uid, kode, nilai, maju=True)
        return True

    def action_koma(self) -> None:
        pos = self.matriks.posisi()
        k = self._kriteria_sel(self.data, *pos) if pos else None
        if pos is not None and k is not None and lebar_skala(k):
            self._ketik(pos[0], pos[1], k, ",")

    def action_batal_ketik(self) -> None:
        self._batal_ketik()

    def action_simpan_ketik(self) -> None:
        if not self._simpan_ketik():
            self.focus_next()
