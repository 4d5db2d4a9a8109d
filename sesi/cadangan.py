"""Restoring the backup (`musrenbang pulihkan`): the Store's methods that read `BERKAS.bak` and put it
back, kept apart from the transaction code in `sesi/store.py` (one job each; docs/keandalan.md, "Berkas
rusak dan kunci"). `PulihkanCadangan` is a mixin of `sesi.store.Store` and uses its attributes (path,
backup_path, the lock, `_muat`, `_kunci`, ...).
"""

from __future__ import annotations

import os
import stat
import threading
from datetime import datetime
from typing import Any, Callable, NamedTuple

from . import skema

from .berkas import (
    TANPA_LINK,
    baca_terbatas,
    buat_temp,
    fsync_folder,
    hapus_diam,
    io,
    mode_grup,
    mulai_jurnal,
    pasang,
    periksa_tujuan,
    pesan_oserror,
)
from .data import Data
from .errors import BerkasRusak, BerkasTidakAda, BerkasTidakAman, DataDitolak, GagalMenyimpan, SesiTerkunci
from .json_baris import decode, encode_checked
from .jurnal import BATAS_JURNAL, Posisi, buat_kepala, jejak
from .json_baris import Penyandi
from .lock import ProcessLock
from .skema import FORMAT
from .transaksi import Pelaku, Transaksi

#: Largest session or backup file read, and so written (a 5,000-usulan session with every cell scored is
#: 11 MB). `MUSRENBANG_UJI_BATAS_UKURAN` (bytes) lowers it for tests only (tests/test_serangan_grup.py), so
#: CI never writes 128 MiB; it can never raise it.
BATAS_UKURAN = 128 * 1024 * 1024
try:
    BATAS_UKURAN = min(BATAS_UKURAN, int(os.environ.get("MUSRENBANG_UJI_BATAS_UKURAN") or BATAS_UKURAN))
except ValueError:
    pass


def periksa_ukuran(payload: bytes, path: str) -> None:
    """Refuse (DataDitolak) to write a session file of more than `BATAS_UKURAN` bytes: every read refuses
    such a file, so writing it would make the session unopenable. Called on the serialised bytes before
    anything is replaced (the transaction is then aborted, nothing changed)."""
    if len(payload) > BATAS_UKURAN:
        n, batas = (f"{x:,}".replace(",", ".") for x in (len(payload), BATAS_UKURAN))
        raise DataDitolak(
            f"Perubahan tidak disimpan: berkas sesi {path} akan menjadi {n} bita, melebihi batas {batas} bita "
            "yang masih dapat dibuka kembali. Berkas tidak diubah. Impor data dalam bagian yang lebih kecil.")


class PulihkanCadangan:
    # What the Store provides (sesi/store.py).
    path: str
    folder: str
    backup_path: str
    jurnal_path: str
    pelaku: Pelaku
    clock: Callable[[], datetime]
    _mutex: threading.RLock
    _lock: ProcessLock
    _dalam_transaksi: bool
    _pos: Posisi
    _penyandi: Penyandi
    _sig: Any
    _rev_berkas: int
    _data: Data | None
    _muat: Callable[..., Data]
    _kunci: Callable[[], None]
    _periksa_perubahan: Callable[[Transaksi], None]
    _selesaikan: Callable[[Transaksi], dict[str, dict[str, Any]]]

    def periksa_cadangan(self) -> Data:
        """Read and validate the backup file (raises if it is missing, damaged, or not a regular file)."""
        return self._baca_cadangan()[0]

    def _baca_cadangan(self) -> tuple[Data, bytes]:
        try:
            payload = baca_terbatas(self.backup_path, BATAS_UKURAN)
        except FileNotFoundError:
            raise BerkasTidakAda(f"Cadangan {self.backup_path} tidak ada.") from None
        except BerkasTidakAman as e:
            raise BerkasTidakAman(f"Cadangan tidak dipakai: {e}") from None
        except OSError as e:
            raise BerkasRusak(f"Cadangan {self.backup_path} tidak dapat dibaca: {e.strerror}.") from None
        meta, tables = decode(payload, self.backup_path)
        return Data(tables, meta["revisi"]), payload

    def periksa_pulihkan(self, buka_kunci: bool = False) -> "RencanaPulihkan":
        """What `pulihkan` would do, checked without writing: the backup, the current session (None when
        it cannot be read) and whether the signature would be reopened.

        Raises as `pulihkan` would: the backup missing, damaged or not a regular file (BerkasTidakAda,
        BerkasRusak, BerkasTidakAman); a symlink, FIFO or device at the session path (BerkasTidakAman); or
        SesiTerkunci when the current session is signed, the backup is not that signed revision, and
        `buka_kunci` is not given."""
        cadangan, sekarang, _ = self._rencana_pulihkan(buka_kunci)
        return RencanaPulihkan(cadangan, sekarang,
                               sekarang is not None and _membuang_pengesahan(sekarang, cadangan))

    def _rencana_pulihkan(self, buka_kunci: bool) -> tuple[Data, Data | None, bytes]:
        periksa_tujuan(self.path)  # a symlink, FIFO, device or folder there is never replaced
        cadangan, payload = self._baca_cadangan()
        try:
            sekarang: Data | None = self._muat(kunci=self._lock.held)
        except (BerkasRusak, BerkasTidakAda):
            sekarang = None  # damaged or gone: what pulihkan is for (BerkasTidakAman is raised)
        if sekarang is not None and _membuang_pengesahan(sekarang, cadangan) and not buka_kunci:
            sah = sekarang.info.disahkan
            raise SesiTerkunci(
                f"Berkas {self.path} sudah disahkan (versi {sah.get('versi', 1)}, sidik jari "
                f"{str(sah.get('sidik_jari', ''))[:16]}...), sedangkan cadangan {self.backup_path} bukan "
                "revisi yang disahkan itu: memulihkannya membatalkan pengesahan. Tidak ada yang diubah. "
                "Bila memang perlu, ulangi dengan --buka-kunci --alasan \"...\" (alasan dicatat di riwayat "
                "dan berita acara berikutnya).")
        return cadangan, sekarang, payload

    def pulihkan(self, alasan_buka: str | None = None) -> str:
        """Put the backup in place of the store; the file it replaces is kept aside.

        Returns the path the replaced file was kept under ("" when there was no file). The backup is
        checked under the lock, so what is restored is exactly what was checked. A signed session stays
        signed when the backup is that signed revision (the bytes are restored as they are). When the
        backup would drop the signature, `alasan_buka` is required (SesiTerkunci otherwise): the
        signature is then reopened with that reason by `sesi.pengesahan.buka_kembali` (the same check of
        role and reason, and the same history entry, as `musrenbang buka-kunci`) on the backup's content,
        and that is written, as a revision newer than both files.
        """
        with self._mutex:
            if self._dalam_transaksi:
                raise RuntimeError("pulihkan() di dalam transaksi tidak didukung.")
            self._kunci()
            try:
                cadangan, sekarang, payload = self._rencana_pulihkan(alasan_buka is not None)
                if sekarang is not None and _membuang_pengesahan(sekarang, cadangan):
                    payload = self._buka_pada_cadangan(sekarang, cadangan, alasan_buka or "")
                periksa_ukuran(payload, self.path)
                aside = self._nama_di_samping()
                mode, gid = mode_grup(self.backup_path)
                jurnal_aside = ""
                try:
                    tmp = buat_temp(self.path, payload, mode, gid)
                    try:
                        if aside:
                            self._simpan_di_samping(aside, mode, gid)
                        # The journal's lines continue the history being replaced: kept beside it too.
                        jurnal_aside = self._simpan_jurnal_di_samping(aside, mode, gid)
                    except BaseException:
                        hapus_diam(tmp)
                        raise
                    pasang(tmp, self.path)
                    fsync_folder(self.folder)
                except BaseException as e:
                    if jurnal_aside:  # else the journal keeps two names, which every writer refuses
                        hapus_diam(jurnal_aside)
                    if isinstance(e, OSError):
                        raise GagalMenyimpan(pesan_oserror(e, self.path)) from None
                    raise
                # A new journal continues the restored snapshot.
                meta, tables = decode(payload, self.path)
                try:
                    mulai_jurnal(self.jurnal_path, buat_kepala(meta["revisi"], jejak(tables)), mode, gid)
                except (OSError, BerkasTidakAman) as e:
                    pesan = pesan_oserror(e, self.jurnal_path) if isinstance(e, OSError) else str(e)
                    raise GagalMenyimpan(f"Cadangan sudah dipasang, tetapi jurnal baru gagal dibuat ({pesan}). "
                                         "Ulangi `pulihkan`.") from None
                finally:
                    self._pos.tutup()
                    self._sig = None
                    self._rev_berkas = 0
                    self._data = None
                    self._penyandi.lupakan()
                return aside
            finally:
                self._lock.release()

    def _buka_pada_cadangan(self, sekarang: Data, cadangan: Data, alasan: str) -> bytes:
        """The backup's content with the current signature reopened for `alasan`: the bytes to restore.
        Nothing is written here, so a refused reason or role changes nothing."""
        from .pengesahan import buka_kembali
        from .peran import BOLEH

        # Whoever reopens must be allowed to on the signed session itself (role, and unix account where
        # the session binds roles to accounts), not only on the older backup.
        waktu = self.clock()
        Transaksi(sekarang, self.pelaku, waktu).wajib_peran(*BOLEH["pengesahan"])
        tx = Transaksi(cadangan, self.pelaku, waktu)
        info = dict(cadangan.raw["sesi"]["info"])
        info["disahkan"] = sekarang.raw["sesi"]["info"]["disahkan"]
        info["versi_sah"] = list(sekarang.raw["sesi"]["info"].get("versi_sah") or [])
        tx.put("sesi", "info", info)
        buka_kembali(tx, alasan)
        tx.catat("pulihkan cadangan", "berkas", sekarang.revisi, cadangan.revisi)
        self._periksa_perubahan(tx)
        tables = self._selesaikan(tx)
        meta = {"format": FORMAT, "skema": skema.SKEMA, "revisi": max(sekarang.revisi, cadangan.revisi) + 1}
        return encode_checked(meta, tables)

    def _simpan_jurnal_di_samping(self, aside: str, mode: int, gid: int | None) -> str:
        """Keep the journal (when there is one) as `<aside>.jurnal`, or `BERKAS.rusak-<time>.jurnal` when no
        session file was set aside: a hard link, or a copy where links are not possible. OSError on
        failure (then nothing is restored). Returns the name kept ("" when there was no journal)."""
        try:
            st = os.lstat(self.jurnal_path)
        except FileNotFoundError:
            return ""
        if not stat.S_ISREG(st.st_mode):
            return ""  # not a journal (refused everywhere else): replaced by the new one below
        tujuan = (aside or self._nama_di_samping(self.path + ".rusak-jurnal")) + ".jurnal"
        try:
            io.link(self.jurnal_path, tujuan)
            return tujuan
        except OSError as e:
            if e.errno not in TANPA_LINK:
                raise
        pasang(buat_temp(tujuan, baca_terbatas(self.jurnal_path, BATAS_JURNAL), mode, gid), tujuan)
        return tujuan

    def _nama_di_samping(self, dasar: str = "") -> str:
        if not dasar and not os.path.lexists(self.path):
            return ""
        stamp = self.clock().strftime("%Y%m%d-%H%M%S")
        aside = f"{dasar or self.path + '.rusak'}-{stamp}"
        n = 1
        # Its journal goes to `<aside>.jurnal`: both names must be free (a name planted by someone in the
        # group, predictable to the second, must not make `pulihkan` fail).
        while os.path.lexists(aside) or os.path.lexists(aside + ".jurnal"):
            n += 1
            aside = f"{dasar or self.path + '.rusak'}-{stamp}-{n}"
        return aside

    def _simpan_di_samping(self, aside: str, mode: int, gid: int | None) -> None:
        """Keep the current file as `aside` (a hard link, or a copy where links are not possible)."""
        try:
            io.link(self.path, aside)
            return
        except OSError as e:
            if e.errno not in TANPA_LINK:
                raise
        pasang(buat_temp(self.path, baca_terbatas(self.path, BATAS_UKURAN), mode, gid), aside)


class RencanaPulihkan(NamedTuple):
    cadangan: Data
    sekarang: Data | None  # None when the current file cannot be read (what pulihkan is for)
    buka_pengesahan: bool  # the current session is signed and the backup is not that signed revision


def _membuang_pengesahan(sekarang: Data, cadangan: Data) -> bool:
    """True when restoring `cadangan` over `sekarang` would drop a signature: the current session is
    signed and the backup is not that same signed revision."""
    sah = sekarang.info.disahkan
    return bool(sah) and cadangan.info.disahkan != sah


