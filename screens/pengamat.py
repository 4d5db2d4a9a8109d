"""One watcher of the session file, shared by the app and the projector (`musrenbang tayang`).

Other terminals save to the same file. The watcher looks at the file's `stat` on the UI thread (cheap:
no read, no lock) every half second; when it changed, a thread worker reads and parses it (11 MB at
5,000 usulan must not freeze the keyboard) and posts the new Data to the app as one `BerkasBerubah`
message. A newer `BerkasBerubah` waiting in the queue replaces an older one (`can_replace`), so a burst
of saves elsewhere is shown once.
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
    """Another process saved the session file: `data` is what it holds now."""

    def __init__(self, data: "Data") -> None:
        super().__init__()
        self.data = data

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, BerkasBerubah)


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
            data = self.store.muat()
        except SesiError as e:
            self.app.post_message(BerkasGagalDibaca(str(e)))
            return
        self.app.post_message(BerkasBerubah(data))

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
