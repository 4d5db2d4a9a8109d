"""One watcher of the session file, shared by the app and the projector (`musrenbang tayang`).

Other terminals save to the same file. The watcher looks at the file's `stat` on the UI thread (cheap:
no read, no lock) every half second; when it changed, a thread worker catches up (`Store.muat`: only the
journal's new lines when they lead to the file's revision, sesi/jurnal.py; the whole file otherwise, 11 MB
at 5,000 usulan, which must not freeze the keyboard) and posts the new Data to the app as one
`BerkasBerubah` message, with the records that changed (`perubahan`: table -> ids; None when the whole
file was read). A newer `BerkasBerubah` waiting in the queue replaces an older one (`can_replace`, which
merges what changed), so a burst of saves elsewhere is shown once.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from textual.message import Message
from textual.worker import Worker

from sesi.errors import SesiError

if TYPE_CHECKING:
    from textual.app import App

    from sesi.data import Data
    from sesi.store import Store


class BerkasBerubah(Message):
    """Another process saved the session file: `data` is what it holds now; `perubahan` the records
    changed since the Data the watcher had before (table -> ids), or None when not known (anything may
    have changed)."""

    def __init__(self, data: "Data", perubahan: dict[str, set[str]] | None = None) -> None:
        super().__init__()
        self.data = data
        self.perubahan = perubahan

    def can_replace(self, message: Message) -> bool:
        """This (older) message may be dropped for `message` (newer): what it changed is merged in."""
        if not isinstance(message, BerkasBerubah):
            return False
        if self.perubahan is None or message.perubahan is None:
            message.perubahan = None
        else:
            gabung = {t: set(ids) for t, ids in self.perubahan.items()}
            for t, ids in message.perubahan.items():
                gabung.setdefault(t, set()).update(ids)
            message.perubahan = gabung
        return True


class BerkasGagalDibaca(Message):
    """The changed file could not be read (e.g. damaged by hand): `pesan` says why, in Indonesian."""

    def __init__(self, pesan: str) -> None:
        super().__init__()
        self.pesan = pesan


class PengamatBerkas:
    """Polls one store's file for the app that owns it; the app handles `BerkasBerubah`."""

    def __init__(self, app: "App", store: "Store", detik: float = 0.5) -> None:
        self.app = app
        self.store = store
        self.detik = detik
        self._pembaca: Worker | None = None

    def mulai(self) -> None:
        """Start polling (call from the app's on_mount)."""
        self.app.set_interval(self.detik, self.periksa, name="pengamat-berkas")

    def periksa(self) -> Worker | None:
        """A stat call; if the file changed and no read is under way, read it in a thread."""
        if (self._pembaca is not None and not self._pembaca.is_finished) or not self.store.berubah():
            return None
        self._pembaca = self.app.run_worker(self._baca, thread=True, group="baca-berkas", exit_on_error=False)
        return self._pembaca

    def _baca(self) -> None:
        """In the worker thread: read the file (the store serialises this with this app's own saves)."""
        try:
            lama = self.store.data
            data = self.store.muat()
        except SesiError as e:
            self.app.post_message(BerkasGagalDibaca(str(e)))
            return
        if data is not lama:
            self.app.post_message(BerkasBerubah(data, self.store.perubahan_sejak(lama)))

    async def baca_sekarang(self) -> None:
        """Poll now and wait until a changed file has been read and shown: the app, then its active screen,
        have handled every message posted so far (what the timer does, for tests and callers that wait)."""
        pembaca = self.periksa() or self._pembaca
        if pembaca is None:
            return
        await pembaca.wait()
        selesai = asyncio.Event()
        app = self.app
        app.call_later(lambda: app.screen.call_later(selesai.set))
        await selesai.wait()
