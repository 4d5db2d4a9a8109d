"""The session store: a snapshot and its journal that never lose an acknowledged change.

The recipe (docs/keandalan.md, "Cara penyimpanan bekerja"): the truth of a session `S.json` is the
snapshot `S.json` plus the lines of `S.json.jurnal` that continue it (sesi/jurnal.py). A transaction takes
an exclusive lock on `S.json.lock`, catches up (the Data it holds plus the journal's new lines; the
snapshot only when it was replaced by someone else), applies the change in memory (a
`sesi.transaksi.Transaksi`), validates the records it wrote, appends one CRC'd line to the journal and
fsyncs it (the acknowledgement), then releases the lock. Compaction (`padatkan`, sesi/padat.py) rewrites
the snapshot whole (temp file, fsync, the previous snapshot kept as `S.json.bak`, rename, folder fsync)
and starts a fresh journal; it runs when the journal grows, for a transaction too large for one line, at
`tutup()`, after signing, and when idle. Readers never lock: other terminals read only the journal's new
bytes (`berubah()` is the cheap poll).

The folder may be shared by a unix group (docs/keandalan.md, "Keamanan"): the session file, `.bak`,
`.lock` and `.jurnal` must each be a regular file with one name. A symlink, FIFO, device or folder at any
of them is refused at once with `BerkasTidakAman` (never followed, never waited on), and no file is read
beyond `BATAS_UKURAN` (snapshot) or `BATAS_JURNAL` (journal) bytes. Errors are `sesi.errors` classes with
complete Indonesian messages: `BerkasTidakAda`, `BerkasRusak`, `SkemaTerlaluBaru`, `BerkasTidakAman`,
`BerkasSibuk`, `GagalMenyimpan`, `SesiTerkunci`, `DataDitolak`, `PeranTidakBerwenang`.
"""

from __future__ import annotations

import os
import re
import stat
import threading
import weakref
from collections import deque
from contextlib import contextmanager
from datetime import datetime
from typing import Any, Callable, Iterator, Mapping

from . import jurnal as _j
from . import riwayat, skema
from .berkas import (
    buat_temp,
    fsync_folder,
    hapus_diam,
    jenis_berkas,
    mode_baru,
    mode_grup,
    pasang_baru,
    pesan_oserror,
    tambah_jurnal,
    tautan_keras,
    lindungi_sesi,
)
from .data import Data
from .errors import (
    BerkasSibuk,
    BerkasSudahAda,
    BerkasTidakAman,
    DataDitolak,
    GagalMenyimpan,
    PeranTidakBerwenang,
    SesiTerkunci,
)
from .ikuti import IkutiJurnal, _signature
from .json_baris import Penyandi, encode_checked
from .jurnal import Posisi, buat_baris, jejak
from .lock import LockTimeout, ProcessLock
from .model import TABLES
from .padat import Pemadatan
from .skema import FORMAT
from .transaksi import Pelaku, Transaksi, jam_sesi
from .cadangan import BATAS_UKURAN, PulihkanCadangan, RencanaPulihkan, periksa_ukuran


def _temp_re(name: str) -> "re.Pattern[str]":
    return re.compile(rf"^\.{re.escape(name)}(?:\.bak|\.jurnal)?\.(\d+)\.[0-9a-f]{{8}}\.tmp$")


#: Stores of this process that saved something (held weakly): `tutup_semua` compacts their journals.
_PENULIS: "weakref.WeakSet[Store]" = weakref.WeakSet()


def tutup_semua() -> None:
    """`Store.tutup()` for every Store of this process that saved something: what a CLI command that
    writes calls at its end (musrenbang_tui/cli.py), so `S.json` alone is then the whole session. Never
    raises."""
    for store in list(_PENULIS):
        store.tutup()
    _PENULIS.clear()


class Store(IkutiJurnal, Pemadatan, PulihkanCadangan):
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
        self._pos = Posisi()  # where this process is in the journal (sesi/jurnal.py)
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
        self._sig: tuple[int, int, int] | None = None  # the snapshot's (inode, mtime, size) as last seen
        self._rev_berkas = 0  # the revision the snapshot holds, as last seen
        self._skema_lama = False  # the snapshot is of an older schema (migrated in memory)
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
        store._mulai_jurnal(revisi, jejak(tables))  # best effort: the first save makes it otherwise
        return store

    @classmethod
    def buka(cls, path: str | os.PathLike[str], **kwargs: Any) -> "Store":
        """Open an existing session file and check that it can be read."""
        store = cls(path, **kwargs)
        store.muat()
        return store

    # reading
    def muat(self) -> Data:
        """The current session: the snapshot plus the journal lines that continue it. Reads only the
        journal's new bytes when this Store already holds a state; the whole snapshot only when it was
        replaced by another state (or on first use). Raises BerkasTidakAda, BerkasRusak (naming the file,
        and for the journal the line and the fault), SkemaTerlaluBaru, BerkasTidakAman."""
        with self._mutex:
            return self._muat()

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
        """Cheap poll (two `stat`s, no read): has the journal grown or been replaced, or the snapshot been
        replaced, since this Store last read or wrote?"""
        try:
            st = os.stat(self.jurnal_path)
            tanda: tuple[int, int, int] | None = (st.st_ino, st.st_size, st.st_mtime_ns)
        except OSError:
            tanda = None
        if tanda != self._pos.tanda:
            return True
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
                base = self._muat(kunci=True)
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

    def _commit(self, base: Data, tables: dict[str, dict[str, Any]], tx: Transaksi) -> None:
        """Save one transaction: its journal line appended and fsynced (the acknowledgement); or, when
        there is no journal of this format yet or the line would pass `BATAS_BARIS` (a large import), the
        whole new snapshot written by compaction. Then compact when the journal has grown, or when the
        transaction signed or reopened the berita acara (the signed state must be the file itself)."""
        revisi = base.revisi + 1
        changed = tx.changed_ids
        _PENULIS.add(self)
        baris = buat_baris(revisi, base.revisi, jejak(base.raw), tables, changed)
        pos = self._pos
        if (pos.fd is None or pos.dasar is None) and base.revisi == self._rev_berkas and not self._skema_lama:
            self._mulai_jurnal(base.revisi, jejak(base.raw))  # no journal, or format 1 (all history)
        # The snapshot this state compacts to must stay readable (`BATAS_UKURAN`): near the bound (the
        # snapshot's size plus the journal's, with a margin for the snapshot's wider layout) the save is
        # made by compaction, which encodes the state and refuses it exactly (DataDitolak) if too large.
        perkiraan = (self._sig[2] if self._sig else 0) + (pos.off + len(baris)) * 5 // 4
        if (pos.fd is None or pos.dasar is None or self._skema_lama or len(baris) > _j.BATAS_BARIS
                or not _j.terbaca(baris) or perkiraan > BATAS_UKURAN):
            self._simpan_padat(base, tables, changed, revisi)
            self._skema_lama = False
            return
        mode, gid = mode_grup(self.path)
        try:
            ino, ukuran = tambah_jurnal(self.jurnal_path, baris, mode, gid, pos.off, pos.ino)
        except OSError as e:
            raise GagalMenyimpan(pesan_oserror(e, self.jurnal_path)) from None
        pos.off, pos.baris, pos.sisa = ukuran, pos.baris + 1, False
        try:
            st = os.fstat(pos.fd)
            pos.tanda = (st.st_ino, st.st_size, st.st_mtime_ns)
        except OSError:
            pos.tanda = None
        self._ganti_data(Data(tables, revisi, prev=base, changed=changed), changed)
        sah = base.raw["sesi"]["info"].get("disahkan") != tables["sesi"]["info"].get("disahkan")
        if sah or pos.off > _j.PADAT_BITA or pos.baris > _j.PADAT_BARIS:
            self._padatkan_diam()


#: Pelaku and Transaksi are defined in sesi/transaksi.py; named here for modules that still import them
#: from the store (sesi/pengesahan.py, sesi/csv_import.py, screens/, musrenbang_tui/app.py).
__all__ = ["Store", "tutup_semua", "RencanaPulihkan", "BATAS_UKURAN", "Pelaku", "Transaksi"]
