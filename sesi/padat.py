"""Compaction: the snapshot rewritten whole from the current state, and a fresh journal started
(docs/keandalan.md, "Jurnal"). `Pemadatan` is a mixin of `sesi.store.Store` and uses its attributes.

Under the session lock: the state is encoded (`json_baris.Penyandi`: only the records changed since this
process last encoded are re-serialised), written to a temp file in the same folder and fsynced, the
previous snapshot is kept as `S.json.bak` (a hard link, or a copy), the temp file is renamed over the
snapshot and the folder fsynced; then a new journal holding only its header (the revision and history hash
of the new snapshot) is renamed over the journal and the folder fsynced (`sesi.berkas.mulai_jurnal`).

kill -9 at any point leaves a readable session holding every acknowledged change: before the snapshot's
rename, the old snapshot and the old journal; between the two renames, the new snapshot and the old
journal, whose lines are then all history (at most the snapshot's revision); after, the new pair.

When: after a transaction once the journal passes `sesi.jurnal.PADAT_BITA` bytes or `PADAT_BARIS`
lines; instead of a journal line for a transaction whose line would pass `BATAS_BARIS` (that write is
then the acknowledgement); after a transaction that signs or reopens the berita acara; at `tutup()`; and
when idle (`padatkan_bila_diam`, called by the app's timer). After compaction `S.json` alone is complete.
"""

from __future__ import annotations

import os
import threading
import time
from typing import Any, Callable, Mapping

from . import skema
from .berkas import (
    TANPA_LINK,
    baca_terbatas,
    buat_temp,
    buka_baca,
    fsync_folder,
    hapus_diam,
    io,
    mode_grup,
    mulai_jurnal,
    nama_temp,
    pasang,
    pesan_oserror,
)
from .cadangan import BATAS_UKURAN, periksa_ukuran
from .data import Data
from .errors import BerkasTidakAman, GagalMenyimpan, SesiError
from .ikuti import _signature
from .json_baris import Penyandi, encode_checked
from .jurnal import Posisi, buat_kepala, jejak
from .lock import ProcessLock
from .skema import FORMAT

#: `padatkan_bila_diam`: seconds without a journal write before an idle terminal compacts.
DIAM_DETIK = 3.0


class Pemadatan:
    # What the Store provides (sesi/store.py).
    path: str
    folder: str
    backup_path: str
    jurnal_path: str
    _mutex: threading.RLock
    _lock: ProcessLock
    _dalam_transaksi: bool
    _pos: Posisi
    _penyandi: Penyandi
    _nomor_tulis: int | None
    _sig: tuple[int, int, int] | None
    _rev_berkas: int
    _skema_lama: bool
    _data: Data | None
    _asal: Any
    _muat: Callable[..., Data]
    _kunci: Callable[[], None]
    _ganti_data: Callable[[Data, Mapping[str, set[str]] | None], Data]
    _perubahan_sejak_nomor: Callable[[int | None], dict[str, set[str]] | None]
    berubah: Callable[[], bool]

    # --- public -------------------------------------------------------------------------------------
    def padatkan(self) -> bool:
        """Compact now, waiting for the lock (BerkasSibuk after the lock timeout). True when the snapshot
        was rewritten, False when it already held the current state with a journal of this format.
        GagalMenyimpan when the snapshot cannot be written (nothing lost: the journal still holds it)."""
        with self._mutex:
            if self._dalam_transaksi:
                raise RuntimeError("padatkan() di dalam transaksi tidak didukung.")
            self._kunci()
            try:
                return self._padatkan_terkunci(self._muat(kunci=True))
            finally:
                self._lock.release()

    def perlu_padat(self) -> bool:
        """True when the state this Store holds is past the snapshot (the journal has lines past it). No
        I/O."""
        return self._data is not None and self._data.revisi != self._rev_berkas

    def padatkan_bila_diam(self, diam: float = DIAM_DETIK) -> bool:
        """For the app's timer (any thread): compact when the state this Store has read is past the
        snapshot, nothing was written for `diam` seconds and nothing new is unread, taking the lock only
        if it is free (never waits). Never raises; True when it compacted."""
        if not self.perlu_padat():
            return False
        try:
            if time.time() - os.stat(self.jurnal_path).st_mtime < diam:
                return False
        except OSError:
            return False
        if not self._mutex.acquire(blocking=False):
            return False
        try:
            if self._dalam_transaksi or not self._lock.coba():
                return False
            try:
                # Something new that this Store has not read: left to its reader (the app's watcher tells
                # the screens what changed; reading it here would hide it from the watcher's poll).
                if self.berubah() or self._data is None:
                    return False
                return self._padatkan_terkunci(self._data, hanya_baris=True)
            finally:
                self._lock.release()
        except (SesiError, OSError):
            return False
        finally:
            self._mutex.release()

    def tutup(self) -> bool:
        """At the end of a program or command that wrote: compact when the journal has lines past the
        snapshot (so `S.json` alone is complete), then close the journal. Never raises (the changes are
        safe in the journal whatever happens here); True when the snapshot is complete afterwards."""
        try:
            with self._mutex:
                if self._data is None or self._data.revisi == self._rev_berkas:
                    return self._data is not None
                try:
                    self._kunci()
                except (SesiError, OSError):
                    return False
                try:
                    self._padatkan_terkunci(self._muat(kunci=True), hanya_baris=True)
                    return True
                except (SesiError, OSError):
                    return False
                finally:
                    self._lock.release()
        finally:
            self._pos.tutup()

    # --- under the lock -----------------------------------------------------------------------------
    def _padatkan_diam(self) -> None:
        """Compact under the lock already held, after a save that succeeded: a failure is not reported
        (the save is in the journal; the next compaction tries again)."""
        if self._data is None:
            return
        try:
            self._padatkan_terkunci(self._data)
        except (SesiError, OSError):
            pass

    def _padatkan_terkunci(self, data: Data, hanya_baris: bool = False) -> bool:
        """`hanya_baris`: only when the state is past the snapshot (not merely a journal of format 1)."""
        if (data.revisi == self._rev_berkas and not self._skema_lama
                and (hanya_baris or self._pos.dasar is not None)):
            return False
        payload = self._sandikan(data.revisi, data.raw, None, None)
        self._tulis_snapshot(payload)
        self._rev_berkas, self._skema_lama = data.revisi, False
        self._nomor_tulis = self._nomor_data(data)
        self._mulai_jurnal(data.revisi, jejak(data.raw))
        return True

    def _simpan_padat(self, base: Data, tables: dict[str, dict[str, Any]], changed: dict[str, set[str]],
                      revisi: int) -> None:
        """Save a transaction by writing the whole new snapshot (the acknowledgement), then start a new
        journal (best effort: the old one's lines are all history now)."""
        payload = self._sandikan(revisi, tables, changed, base.raw)
        self._tulis_snapshot(payload)
        self._rev_berkas = revisi
        baru = self._ganti_data(Data(tables, revisi, prev=base, changed=changed), changed)
        self._nomor_tulis = self._nomor_data(baru)
        self._mulai_jurnal(revisi, jejak(tables))

    def _nomor_data(self, data: Data) -> int | None:
        return self._asal[-1][1] if self._data is data and self._asal else None

    def _sandikan(self, revisi: int, tables: Mapping[str, Mapping[str, Any]],
                  changed: Mapping[str, set[str]] | None, base: Mapping[str, Any] | None) -> bytes:
        """The snapshot's bytes. The encoder re-serialises only the records changed since it last ran
        (this process's transactions and those followed through the journal), else everything."""
        meta = {"format": FORMAT, "skema": skema.SKEMA, "revisi": revisi}
        sejak = self._perubahan_sejak_nomor(self._nomor_tulis)
        self._nomor_tulis = None
        if sejak is None:
            return encode_checked(meta, tables, self._penyandi, changed, base)
        for t, ids in (changed or {}).items():
            sejak.setdefault(t, set()).update(ids)
        return encode_checked(meta, tables, self._penyandi, sejak, self._penyandi.tabel_terakhir())

    def _tulis_snapshot(self, payload: bytes) -> None:
        periksa_ukuran(payload, self.path)  # never write a file every read would refuse
        mode, gid = mode_grup(self.path)
        try:
            tmp = buat_temp(self.path, payload, mode, gid)
            try:
                self._keep_backup(mode, gid)
            except BaseException:
                hapus_diam(tmp)
                raise
            pasang(tmp, self.path)
        except OSError as e:
            self._sig = None  # unknown state: looked at again next time
            self._penyandi.lupakan()
            raise GagalMenyimpan(pesan_oserror(e, self.path)) from None
        try:
            fsync_folder(self.folder)
        except OSError as e:
            # The new file is in place but the disk would not confirm it. Put the old one back, so that
            # what everyone sees matches what we tell the user: not saved (try again).
            self._sig = None
            self._penyandi.lupakan()
            raise GagalMenyimpan(self._kembalikan(mode, gid, e)) from None
        self._sig = _signature(os.stat(self.path))

    def _mulai_jurnal(self, revisi: int, jj: str) -> None:
        """A fresh journal continuing the snapshot just written; on failure the old journal stays (its
        lines are history now, and the next save appends to it)."""
        mode, gid = mode_grup(self.path)
        kepala = buat_kepala(revisi, jj)
        try:
            ino = mulai_jurnal(self.jurnal_path, kepala, mode, gid)
            fd = buka_baca(self.jurnal_path)
        except (OSError, BerkasTidakAman):
            return
        try:
            sama = os.fstat(fd).st_ino == ino
        except OSError:
            sama = False
        if not sama:
            os.close(fd)
            return
        self._pos.ganti(fd, len(kepala), 1, revisi)

    def _kembalikan(self, mode: int, gid: int | None, e: OSError) -> str:
        """After a failed folder fsync: restore the previous snapshot (just kept as the backup); return
        the message for the user."""
        sebab = e.strerror or str(e)
        try:
            lama: bytes | None = baca_terbatas(self.backup_path, BATAS_UKURAN)
        except (OSError, BerkasTidakAman):
            lama = None
        if lama is not None:
            try:
                pasang(buat_temp(self.path, lama, mode, gid), self.path)
                try:
                    fsync_folder(self.folder)
                except OSError:
                    pass
                return pesan_oserror(e, self.path)
            except OSError:
                pass
        return (f"Disk tidak dapat memastikan perubahan tersimpan permanen di {self.path} ({sebab}). "
                "Perubahan mungkin sudah tertulis; muat ulang untuk memeriksa, dan periksa disk.")

    def _keep_backup(self, mode: int, gid: int | None = None) -> None:
        """Make `<store>.bak` the snapshot as it is now (the previous compaction).

        When a writer was killed between keeping the backup and replacing the snapshot, the backup is the
        snapshot itself (one inode, two names): it already holds this revision. Linking again would
        leave the temp name behind, since renaming a link onto another name of the same file does nothing."""
        try:
            if os.path.samefile(self.path, self.backup_path):
                return
        except OSError:
            pass  # no backup yet
        tmp = nama_temp(self.backup_path)
        try:
            io.link(self.path, tmp)
        except OSError as e:
            if e.errno not in TANPA_LINK:
                raise
            # No hard links here (FAT): copy the file as it is now (validated by _muat under this lock).
            tmp = buat_temp(self.backup_path, baca_terbatas(self.path, BATAS_UKURAN), mode, gid)
        pasang(tmp, self.backup_path)
