"""The session store: one JSON file that never loses an acknowledged change.

The recipe (docs/keandalan.md, "Cara penyimpanan bekerja"): a transaction takes an exclusive lock on
`<store>.lock`, re-reads the file if another process changed it, applies the change in memory (a
`sesi.transaksi.Transaksi`), serialises it (`sesi.json_baris`), writes a temp file in the same folder,
fsyncs it, keeps the previous file as `<store>.bak` (a hard link, or a copy), replaces the store with the
temp file and fsyncs the folder (all through the one safe writer, `sesi.berkas`), then releases the lock.
A file that fails to parse or validate is never overwritten. Readers never lock: the file is only ever
replaced whole.

The folder may be shared by a unix group (docs/keandalan.md, "Keamanan"): the session file, `.bak` and
`.lock` must each be a regular file. A symlink, FIFO, device or folder at any of them is refused at once
with `BerkasTidakAman` (never followed, never waited on), and no file is read beyond `BATAS_UKURAN`
bytes. Errors are `sesi.errors` classes with complete Indonesian messages: `BerkasTidakAda`,
`BerkasRusak`, `SkemaTerlaluBaru`, `BerkasTidakAman`, `BerkasSibuk`, `GagalMenyimpan`, `SesiTerkunci`,
`DataDitolak`, `PeranTidakBerwenang`.
"""

from __future__ import annotations

import os
import re
import stat
import threading
import time
import weakref
from collections import deque
from contextlib import contextmanager
from datetime import datetime
from typing import Any, Callable, Iterator, Mapping

from . import riwayat, skema
from .berkas import (
    TANPA_LINK,
    baca_terbatas,
    buat_temp,
    buka_baca,
    fsync_folder,
    hapus_diam,
    io,
    jenis_berkas,
    mode_baru,
    mode_grup,
    nama_temp,
    pasang,
    pasang_baru,
    pesan_oserror,
    tambah_jurnal,
    tautan_keras,
    lindungi_sesi,
)
from .data import Data
from .errors import (
    BerkasRusak,
    BerkasSibuk,
    BerkasSudahAda,
    BerkasTidakAda,
    BerkasTidakAman,
    DataDitolak,
    GagalMenyimpan,
    PeranTidakBerwenang,
    SesiTerkunci,
)
from .json_baris import Penyandi, decode, encode_checked
from .jurnal import BATAS_JURNAL, BELUM, Ekor, Jurnal, buat_baris, jejak
from .lock import LockTimeout, ProcessLock
from .model import TABLES
from .skema import FORMAT
from .transaksi import Pelaku, Transaksi, jam_sesi
from .cadangan import BATAS_UKURAN, PulihkanCadangan, RencanaPulihkan, periksa_ukuran

_KEPALA = 256  # bytes compared to confirm a cached read (the revision is on the second line)
#: The revision in the file's first bytes: `{\n "_meta": {"format": ..., "skema": S, "revisi": N}`.
_REV_KEPALA = re.compile(rb'\A\{\n "_meta": \{"format": "musrenbang-tui", "skema": (\d{1,9}), "revisi": (\d{1,18})\}')
#: Waits (seconds) for a writer that has replaced the snapshot but not yet appended its journal line.
_TUNGGU_JURNAL = (0.005, 0.01, 0.02)


def _signature(st: os.stat_result) -> tuple[int, int, int]:
    return (st.st_ino, st.st_mtime_ns, st.st_size)


def _temp_re(name: str) -> "re.Pattern[str]":
    return re.compile(rf"^\.{re.escape(name)}(?:\.bak|\.jurnal)?\.(\d+)\.[0-9a-f]{{8}}\.tmp$")


class Store(PulihkanCadangan):
    """One session file. Safe to use from several processes at once, and from several threads of one
    process (transactions on one `Store` object are serialised)."""

    def __init__(
        self,
        path: str | os.PathLike[str],
        pelaku: Pelaku | None = None,
        clock: Callable[[], datetime] | None = None,
        lock_timeout: float = 10.0,
    ):
        self.path = os.path.abspath(os.fspath(path))
        self.folder = os.path.dirname(self.path)
        self.name = os.path.basename(self.path)
        self.lock_path = self.path + ".lock"
        self.backup_path = self.path + ".bak"
        self.jurnal_path = self.path + ".jurnal"
        lindungi_sesi(self.path, self)  # exports never write over it or its companions (sesi/berkas.py)
        self._jurnal = Jurnal(self.jurnal_path)
        #: How `self._data` came to be, newest last: (number of the Data before, number of the Data after,
        #: table -> ids changed, or None after a full read). For `perubahan_sejak`. Each Data this Store
        #: makes gets a number (held weakly: no old session is kept alive for this).
        self._asal: deque[tuple[int, int, dict[str, set[str]] | None]] = deque(maxlen=256)
        self._nomor: "weakref.WeakKeyDictionary[Data, int]" = weakref.WeakKeyDictionary()
        self._asal_kunci = threading.Lock()
        #: Counters for measurements (bench/jurnal.py): full reads and journal catch-ups of this Store.
        self.baca_penuh = 0
        self.baca_jurnal = 0
        self.pelaku = pelaku or Pelaku()
        #: () -> datetime of now (naive): by default the wall clock of the session's zone (`jam_sesi`)
        self.clock = clock or self._jam_sesi
        self._zona_awal = ""  # the zone of a session being created, before it has any Data
        self._lock = ProcessLock(self.lock_path, mode=mode_baru(), timeout=lock_timeout)
        # Threads of this process: one transaction at a time per Store (the process lock is re-entrant
        # per object, so without this two threads would both "hold" it and lose each other's updates).
        self._mutex = threading.RLock()
        self._dalam_transaksi = False
        self._temp_dibersihkan = False
        self._sig: tuple[int, int, int] | None = None
        self._kepala: bytes | None = None  # the first bytes of the file as last read or written
        self._penyandi = Penyandi()
        self._nomor_tulis: int | None = None  # number of the Data the encoder last wrote (see _commit)
        self._data: Data | None = None

    def _jam_sesi(self) -> datetime:
        """The default clock: now in the session's time zone (`Info.zona`), else the machine's local time."""
        zona = self._data.info.zona if self._data is not None else self._zona_awal
        return jam_sesi(zona)

    # creating and opening
    @classmethod
    def buat(cls, path: str | os.PathLike[str], info: Mapping[str, Any],
             siapkan: Callable[[Transaksi], Any] | None = None, **kwargs: Any) -> "Store":
        """Create a new session file, all or nothing; refuse if anything is at the path already.

        `siapkan(tx)`, when given, fills the new session (kelurahan, criteria, ...) before anything is
        written: it is recorded as revision 2 after the bare session (revision 1), exactly as two
        transactions would, but the file is written once, so a refusal or a failure leaves no file."""
        store = cls(path, **kwargs)
        if os.path.lexists(store.path):
            raise BerkasSudahAda(f"Berkas {store.path} sudah ada; tidak ditimpa. Pilih nama lain.")
        if not os.path.isdir(store.folder):
            raise GagalMenyimpan(f"Folder {store.folder} tidak ada.")
        tables: dict[str, dict[str, Any]] = {t: {} for t in TABLES}
        tables["sesi"] = {"info": dict(info)}
        store._zona_awal = str(info.get("zona") or "")
        entry = {"id": riwayat.id_entri(1), "waktu": store.clock().isoformat(timespec="seconds"),
                 "nama": store.pelaku.nama, "peran": store.pelaku.peran, "akun": store.pelaku.akun,
                 "aksi": "buat sesi", "objek": "sesi", "lama": None, "baru": dict(info),
                 riwayat.UBAH: riwayat.ubah(tables, {"sesi": {"info"}})}
        entry["hash"] = riwayat.hash_entri(riwayat.AWAL, entry)
        tables["riwayat"] = {entry["id"]: entry}
        revisi = 1
        skema.validasi({"_meta": {"format": FORMAT, "skema": skema.SKEMA, "revisi": revisi}, **tables},
                       store.path)
        if siapkan is not None:
            tx = Transaksi(Data(tables, revisi), store.pelaku, store.clock())
            siapkan(tx)
            if tx.ada_perubahan:
                store._periksa_perubahan(tx)
                tables = store._selesaikan(tx)
                revisi = 2
        meta = {"format": FORMAT, "skema": skema.SKEMA, "revisi": revisi}
        payload = encode_checked(meta, tables)
        periksa_ukuran(payload, store.path)
        linked = False
        try:
            tmp = buat_temp(store.path, payload, mode_baru())
            try:
                pasang_baru(tmp, store.path)
                linked = True
            except FileExistsError:
                raise BerkasSudahAda(f"Berkas {store.path} sudah ada; tidak ditimpa.") from None
            finally:
                hapus_diam(tmp)
            fsync_folder(store.folder)
        except OSError as e:
            if linked:  # not known to be on disk: take it back, so a retry can create it again
                hapus_diam(store.path)
            raise GagalMenyimpan(pesan_oserror(e, store.path)) from None
        return store

    @classmethod
    def buka(cls, path: str | os.PathLike[str], **kwargs: Any) -> "Store":
        """Open an existing session file and check that it can be read."""
        store = cls(path, **kwargs)
        store.muat()
        return store

    # reading
    def muat(self) -> Data:
        """The current session, re-read from disk only if the file changed since the last read."""
        with self._mutex:
            return self._muat(tunggu=True)

    def _muat(self, tunggu: bool = False) -> Data:
        """The session as on disk now: the cached Data when the file is the one last read or written; the
        journal's new lines applied to it when they lead exactly to the file's revision (sesi/jurnal.py);
        otherwise the whole file. `tunggu`: when the snapshot is ahead of the journal (a writer between
        replacing the snapshot and appending its line), wait a little for the line first."""
        for jeda in (*(_TUNGGU_JURNAL if tunggu else ()), None):
            hasil = self._muat_sekali(jeda is not None)
            if hasil is not BELUM:
                return hasil  # type: ignore[return-value]
            time.sleep(jeda)  # type: ignore[arg-type]
        raise AssertionError("tidak tercapai")  # pragma: no cover - the last try never answers BELUM

    def _muat_sekali(self, boleh_belum: bool) -> "Data | str":
        try:
            fd = buka_baca(self.path)
        except FileNotFoundError:
            raise BerkasTidakAda(f"Berkas {self.path} tidak ditemukan.") from None
        except BerkasTidakAman as e:
            if os.path.isdir(self.path) and not os.path.islink(self.path):
                raise BerkasRusak(f"{self.path} adalah folder, bukan berkas sesi.") from None
            raise BerkasTidakAman(f"Berkas sesi tidak dibuka: {e}") from None
        except OSError as e:
            raise BerkasRusak(f"Berkas {self.path} tidak dapat dibaca: {e.strerror}.") from None
        try:
            st = os.fstat(fd)
            if st.st_size > BATAS_UKURAN:
                raise BerkasRusak(f"Berkas {self.path} terlalu besar untuk berkas sesi ({st.st_size} bita; "
                                  f"paling besar {BATAS_UKURAN}). Berkas tidak diubah.")
            sig = _signature(st)
            with os.fdopen(fd, "rb", closefd=False) as f:
                head = f.read(_KEPALA)
                # Same (inode, mtime, size) and the same first bytes (which hold the revision): the
                # file we have. The head check guards against an inode reused within one mtime tick.
                if (sig == self._sig and self._data is not None and self._kepala is not None
                        and self._kepala[:len(head)] == head):
                    return self._data
                ekor = self._ikuti_jurnal(head, st.st_size)
                if ekor is BELUM and boleh_belum:
                    return BELUM
                payload = head + f.read(BATAS_UKURAN + 1 - len(head))
                if isinstance(ekor, Ekor) and self._sama_dengan_berkas(ekor, payload):
                    self._sig, self._kepala = sig, head
                    self.baca_jurnal += 1
                    baru = self._ganti_data(Data(ekor.tables, ekor.revisi, prev=self._data,
                                                 changed=ekor.changed), ekor.changed)
                    self._nomor_tulis = self._asal[-1][1]  # the encoder's cached tables are these
                    return baru
        except OSError as e:
            raise BerkasRusak(f"Berkas {self.path} tidak dapat dibaca: {e.strerror}.") from None
        finally:
            os.close(fd)
        meta, tables = decode(payload, self.path)
        self._sig = sig
        self._kepala = payload[:_KEPALA]  # not the whole file: 11 MB at 5,000 usulan, needed by no one
        self._jurnal.ke_ujung()
        self.baca_penuh += 1
        return self._ganti_data(Data(tables, meta["revisi"], prev=self._data), None)

    def _ikuti_jurnal(self, head: bytes, ukuran: int) -> "Ekor | str | None":
        """The journal's new lines applied to the cached Data, when they lead to the revision named in the
        file's first bytes (`head`); BELUM or TIDAK otherwise (sesi/jurnal.py)."""
        if self._data is None:
            return None
        m = _REV_KEPALA.match(head)
        if m is None or int(m.group(1)) != skema.SKEMA:
            return None
        return self._jurnal.ikuti(self._data.raw, self._data.revisi, int(m.group(2)), ukuran)

    def _sama_dengan_berkas(self, ekor: Ekor, payload: bytes) -> bool:
        """True when the state reached through the journal serialises to exactly the snapshot's bytes
        (`payload`). The journal is then only a faster way to the snapshot's own content; a journal line
        forged beside an in-place edit of the snapshot (same revision, same size) fails here and the
        snapshot is read instead. Costs what the next write would (the encoder patches only the records
        changed since it last ran) plus one comparison of the bytes."""
        meta = {"format": FORMAT, "skema": skema.SKEMA, "revisi": ekor.revisi}
        sejak = self._perubahan_sejak_nomor(self._nomor_tulis)
        self._nomor_tulis = None
        try:
            if sejak is None:
                base = self._data.raw if self._data is not None else None
                sandi = encode_checked(meta, ekor.tables, self._penyandi, ekor.changed, base)
            else:
                for t, ids in ekor.changed.items():
                    sejak.setdefault(t, set()).update(ids)
                sandi = encode_checked(meta, ekor.tables, self._penyandi, sejak, self._penyandi.tabel_terakhir())
        except (DataDitolak, TypeError, ValueError):
            self._penyandi.lupakan()
            return False
        return sandi == payload

    def _ganti_data(self, baru: Data, changed: Mapping[str, set[str]] | None) -> Data:
        with self._asal_kunci:
            lama = self._nomor.get(self._data) if self._data is not None else None
            nomor = self._asal[-1][1] + 1 if self._asal else 1
            self._nomor[baru] = nomor
            self._asal.append((-1 if lama is None else lama, nomor,
                               None if changed is None else {t: set(ids) for t, ids in changed.items()}))
            self._data = baru
        return baru

    def perubahan_sejak(self, lama: Data) -> dict[str, set[str]] | None:
        """table -> record ids changed between `lama` (a Data this Store gave out) and `self.data`, by this
        process or by others (followed through the journal); {} when `lama` is the current Data; None when
        not known (the whole file was read in between, or `lama` is too old): then anything may have
        changed. What `DataBerubah.perubahan` carries (screens repaint only those records)."""
        with self._asal_kunci:
            if lama is self._data:
                return {}
            dicari = self._nomor.get(lama)
        return self._perubahan_sejak_nomor(dicari)

    def _perubahan_sejak_nomor(self, dicari: int | None) -> dict[str, set[str]] | None:
        with self._asal_kunci:
            asal = list(self._asal)
            cur = self._nomor.get(self._data) if self._data is not None else None
        if dicari is None or cur is None:
            return None
        if dicari == cur:
            return {}
        out: dict[str, set[str]] = {}
        for sebelum, sesudah, changed in reversed(asal):
            if sesudah != cur or changed is None:
                return None
            for t, ids in changed.items():
                out.setdefault(t, set()).update(ids)
            cur = sebelum
            if cur == dicari:
                return out
        return None

    @property
    def data(self) -> Data:
        """The last session read or written by this process (reads it on first use)."""
        data = self._data
        return data if data is not None else self.muat()

    def berubah(self) -> bool:
        """Cheap poll: has the file been replaced since this process last read or wrote it?"""
        try:
            return _signature(os.stat(self.path)) != self._sig
        except OSError:
            return True

    @property
    def revisi(self) -> int:
        return self.data.revisi

    # writing
    @contextmanager
    def transaksi(self) -> Iterator[Transaksi]:
        """One atomic change. On success the file holds it and `self.data` shows it.

        If the body raises, or writing fails (GagalMenyimpan), nothing is saved and `self.data` stays
        as it was. Transactions on one Store do not nest (the outer one would overwrite the inner).
        """
        if self.pelaku.peran == "tayang":
            raise PeranTidakBerwenang("Terminal tayangan hanya menampilkan; tidak dapat mengubah data.")
        with self._mutex:
            if self._dalam_transaksi:
                raise RuntimeError("Transaksi bersarang pada Store yang sama tidak didukung.")
            self._kunci()
            self._dalam_transaksi = True
            try:
                base = self._muat()
                self._bersihkan_temp()
                tx = Transaksi(base, self.pelaku, self.clock())
                yield tx
                if not tx.ada_perubahan:
                    return
                if base.info.terkunci and not tx.buka_kunci:
                    raise SesiTerkunci(
                        "Berita acara sudah disahkan: sesi terkunci dan tidak menerima perubahan. "
                        "Buka kembali pengesahan (dengan alasan) bila perlu mengubah."
                    )
                self._periksa_perubahan(tx)
                self._commit(base, self._selesaikan(tx), tx)
            finally:
                self._dalam_transaksi = False
                self._lock.release()

    @staticmethod
    def _periksa_perubahan(tx: Transaksi) -> None:
        masalah = skema.masalah_perubahan(tx._tables, tx.changed_ids)
        if masalah:  # a bug in an action: refuse it rather than write a file no one can open
            raise DataDitolak(f"Perubahan tidak disimpan karena datanya tidak sah ({masalah}). "
                              "Berkas tidak diubah.")

    @staticmethod
    def _selesaikan(tx: Transaksi) -> dict[str, dict[str, Any]]:
        try:
            return tx._finish()
        except UnicodeEncodeError as e:
            from .json_baris import teks_tidak_sah

            raise teks_tidak_sah(e) from None

    def _kunci(self) -> None:
        """Take the lock between processes (the lock file gets the store file's mode and group), after
        checking that nothing but a regular file stands at the backup's name."""
        if os.path.exists(self.path):
            self._lock.mode, self._lock.gid = mode_grup(self.path)
        self._periksa_cadangan_biasa()
        self._periksa_biasa(self.jurnal_path, "Jurnal")
        try:
            self._lock.acquire()
        except LockTimeout:
            raise BerkasSibuk(
                f"Berkas {self.path} sedang ditulis proses lain terlalu lama. Coba lagi sebentar."
            ) from None
        except OSError as e:
            raise GagalMenyimpan(pesan_oserror(e, self.lock_path)) from None

    def _periksa_cadangan_biasa(self) -> None:
        try:  # a writer killed between keeping the backup and replacing the file: the backup IS the file
            if os.lstat(self.backup_path).st_nlink == 2 and os.path.samefile(self.backup_path, self.path):
                return
        except OSError:
            pass
        self._periksa_biasa(self.backup_path, "Cadangan")

    @staticmethod
    def _periksa_biasa(path: str, nama: str) -> None:
        """Refuse (BerkasTidakAman) anything but a regular file with one name at `path`: a symlink, FIFO,
        device or folder, or a hard link planted there (``ln S.json S.json.jurnal`` would make the journal's
        append land in the session file, which then becomes the backup)."""
        try:
            st = os.lstat(path)
        except OSError:
            return
        if stat.S_ISREG(st.st_mode):
            tautan_keras(st, path, nama, "tidak diikuti, dibaca, atau ditimpa; perubahan tidak tersimpan")
        if not stat.S_ISREG(st.st_mode):
            raise BerkasTidakAman(
                f"{nama} {path} adalah {jenis_berkas(st.st_mode)}, bukan berkas biasa: tidak "
                "diikuti, dibaca, atau ditimpa. Perubahan tidak tersimpan. Hapus atau pindahkan benda itu "
                "(bila ada yang memasangnya di folder bersama, laporkan), lalu ulangi.")

    def _bersihkan_temp(self) -> None:
        """Once per Store, under the lock: remove temp files left by writers that were killed.

        Every writer makes and removes its temp files while it holds the lock, so whatever temp file of
        this store exists while we hold it was left by a writer that died mid-transaction. (Checking the
        pid in the name is not enough: Linux reuses pids and thread ids, so a dead writer's pid can look
        alive.)"""
        if self._temp_dibersihkan:
            return
        self._temp_dibersihkan = True
        pola = _temp_re(self.name)
        try:
            names = os.listdir(self.folder)
        except OSError:
            return
        for n in names:
            m = pola.match(n)
            if m and int(m.group(1)) != os.getpid():
                try:
                    os.unlink(os.path.join(self.folder, n))
                except OSError:
                    pass

    def _commit(self, base: Data, tables: dict[str, dict[str, Any]], tx: Transaksi,
                revisi: int | None = None) -> None:
        revisi = base.revisi + 1 if revisi is None else revisi
        meta = {"format": FORMAT, "skema": skema.SKEMA, "revisi": revisi}
        # The encoder re-serialises only changed records, relative to the tables it encoded last: this
        # transaction's, and those other terminals changed since (followed through the journal).
        sejak = self._perubahan_sejak_nomor(self._nomor_tulis)
        self._nomor_tulis = None
        if sejak is None:
            payload = encode_checked(meta, tables, self._penyandi, tx.changed_ids, base.raw)
        else:
            for t, ids in tx.changed_ids.items():
                sejak.setdefault(t, set()).update(ids)
            payload = encode_checked(meta, tables, self._penyandi, sejak, self._penyandi.tabel_terakhir())
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
            self._sig = None  # unknown state: re-read from disk next time
            raise GagalMenyimpan(pesan_oserror(e, self.path)) from None
        try:
            fsync_folder(self.folder)
        except OSError as e:
            # The new file is in place but the disk would not confirm it. Put the old one back, so that
            # what everyone sees matches what we tell the user: not saved (try again).
            self._sig = None
            raise GagalMenyimpan(self._kembalikan(mode, gid, e)) from None
        st = os.stat(self.path)
        self._sig = _signature(st)
        self._kepala = payload[:_KEPALA]
        self._ganti_data(Data(tables, revisi, prev=base, changed=tx.changed_ids), tx.changed_ids)
        self._nomor_tulis = self._asal[-1][1]  # what the encoder's cached tables are
        self._tulis_jurnal(base, tables, tx.changed_ids, revisi, len(payload), mode, gid)

    def _tulis_jurnal(self, base: Data, tables: dict[str, dict[str, Any]], changed: dict[str, set[str]],
                      revisi: int, ukuran: int, mode: int, gid: int | None) -> None:
        """Append this transaction's line to the journal (sesi/jurnal.py). The snapshot already holds the
        change: a failure here loses nothing (readers then read the snapshot) and is not reported."""
        try:
            baris = buat_baris(revisi, base.revisi, jejak(base.raw), tables, changed, ukuran)
            self._jurnal.ditulis(*tambah_jurnal(self.jurnal_path, baris, mode, gid, BATAS_JURNAL))
        except (OSError, ValueError, BerkasTidakAman):
            self._jurnal.hilang()

    def _kembalikan(self, mode: int, gid: int | None, e: OSError) -> str:
        """After a failed folder fsync: restore the previous revision (just kept as the backup); return the
        message for the user."""
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
        """Make `<store>.bak` the file as it is now (the last good revision).

        When a writer was killed between keeping the backup and replacing the store, the backup is the
        store file itself (one inode, two names): it already holds this revision. Linking again would
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


#: Pelaku and Transaksi are defined in sesi/transaksi.py; named here for modules that still import them
#: from the store (sesi/pengesahan.py, sesi/csv_import.py, screens/, musrenbang_tui/app.py).
__all__ = ["Store", "RencanaPulihkan", "BATAS_UKURAN", "Pelaku", "Transaksi"]
