"""Reading a session: the snapshot plus the journal lines that continue it, and following the journal
from a state already held (what every other terminal does on each change). `IkutiJurnal` is a mixin of
`sesi.store.Store` and uses its attributes (path, jurnal_path, `_pos`, `_data`, `_sig`, ...);
docs/keandalan.md, "Jurnal".

Costs: following reads only the journal's new bytes (`os.pread` on the journal kept open) and parses only
the new lines; a compaction is followed without reading the snapshot when the new journal's header names
the state reached through the old journal (kept open to its end). A full read parses the snapshot and the
whole journal (bounded by compaction, `sesi.jurnal.PADAT_BITA`).
"""

from __future__ import annotations

import os
import re
import stat
import time
from typing import Callable, Mapping

from . import skema
from .berkas import buka_baca, tautan_keras
from .cadangan import BATAS_UKURAN
from .data import Data
from .errors import BerkasRusak, BerkasTidakAda, BerkasTidakAman
from .json_baris import decode
from .jurnal import BATAS_JURNAL, Bacaan, Posisi, baca, jejak, urai_kepala

_KEPALA = 256  # bytes read from the snapshot to learn its revision (on the second line)
#: The revision in the file's first bytes: `{\n "_meta": {"format": ..., "skema": S, "revisi": N}`.
_REV_KEPALA = re.compile(rb'\A\{\n "_meta": \{"format": "musrenbang-tui", "skema": (\d{1,9}), "revisi": (\d{1,18})\}')


def _signature(st: os.stat_result) -> tuple[int, int, int]:
    return (st.st_ino, st.st_mtime_ns, st.st_size)


class IkutiJurnal:
    # What the Store provides (sesi/store.py).
    path: str
    jurnal_path: str
    _pos: Posisi
    _data: Data | None
    _sig: tuple[int, int, int] | None
    _rev_berkas: int
    _skema_lama: bool
    baca_penuh: int
    baca_jurnal: int
    _ganti_data: Callable[[Data, Mapping[str, set[str]] | None], Data]

    def _muat(self, kunci: bool = False) -> Data:
        """`kunci`: the caller holds the session lock (nothing moves: an inconsistency is real). Without
        it, a snapshot and journal caught between a compaction's two renames, or bytes read while a writer
        cuts a torn tail, are read again a few times before being reported."""
        for jeda in ((), (0.01, 0.03, 0.1))[not kunci]:
            try:
                return self._muat_sekali(kunci)
            except BerkasRusak:
                time.sleep(jeda)
        return self._muat_sekali(kunci)

    def _muat_sekali(self, kunci: bool) -> Data:
        if self._data is not None:
            data = self._ikuti(kunci)
            if data is not None:
                return data
        return self._baca_penuh(kunci)

    def _baca_jurnal(self, fd: int, data: Data, off: int, baris: int, kepala: bool = False) -> "Bacaan | None":
        """The journal open as `fd` read from byte `off` (line `baris`) on the state `data`; None when the
        journal is shorter than `off` or too large (read the snapshot)."""
        st = os.fstat(fd)
        n = st.st_size - off
        if n < 0 or st.st_size > BATAS_JURNAL:
            return None
        self._pos.tanda = (st.st_ino, st.st_size, st.st_mtime_ns)
        isi = os.pread(fd, n, off) if n else b""
        return baca(isi, data.raw, data.revisi, jejak(data.raw), self.jurnal_path, baris, kepala)

    def _ikuti(self, kunci: bool) -> Data | None:
        """Follow the journal from the state held: its new lines applied; through a compaction (the old
        journal read to its end, then the new one when its header names the state reached). None when
        the snapshot must be read. The place in the journal moves with the state: when the new state is
        not taken (None, or an error), the place is forgotten, and the next read starts again from the
        current journal's header (lines already held are history there) or from the snapshot."""
        try:
            data = self._ikuti_sekali(kunci)
        except BaseException:
            self._pos.tutup()
            raise
        if data is None:
            self._pos.tutup()
        return data

    def _ikuti_sekali(self, kunci: bool) -> Data | None:
        pos, data = self._pos, self._data
        assert data is not None
        try:
            st = os.lstat(self.jurnal_path)
        except OSError:  # no journal: the snapshot alone, as long as it is the one we read
            return data if pos.fd is None and self._sig is not None and self._cek_snapshot(data, False, kunci) else None
        if not stat.S_ISREG(st.st_mode) or st.st_nlink > 1:
            return None
        changed: dict[str, set[str]] = {}
        diganti = pos.fd is None or st.st_ino != pos.ino
        if diganti:  # new or replaced: finish the old one, then the new
            if pos.fd is not None:
                data = self._terapkan(pos.fd, data, changed)
                if data is None:
                    return None
            try:
                fd = buka_baca(self.jurnal_path)
            except (OSError, BerkasTidakAman):
                return None
            kepala = os.pread(fd, 4096, 0)
            nl = kepala.find(b"\n")
            dasar = urai_kepala(kepala[:nl], self.jurnal_path) if nl > 0 else None
            if dasar != (data.revisi, jejak(data.raw)):
                os.close(fd)
                return None
            pos.ganti(fd, nl + 1, 1, dasar[0])
        data = self._terapkan(pos.fd, data, changed)  # type: ignore[arg-type]
        if data is None or not self._cek_snapshot(data, diganti, kunci):
            return None
        if data is self._data:
            return data
        self.baca_jurnal += 1
        return self._ganti_data(Data(data.raw, data.revisi, prev=self._data, changed=changed), changed)

    def _terapkan(self, fd: int, data: Data, changed: dict[str, set[str]]) -> Data | None:
        b = self._baca_jurnal(fd, data, self._pos.off, self._pos.baris)
        if b is None:
            return None
        self._pos.off += b.akhir
        self._pos.baris = b.baris
        self._pos.sisa = b.sisa
        if not b.diterapkan:
            return data
        for t, ids in b.changed.items():
            changed.setdefault(t, set()).update(ids)
        return Data(b.tables, b.revisi)

    def _cek_snapshot(self, data: Data, diganti: bool, kunci: bool) -> bool:
        """After following the journal: is the state held still what snapshot + journal say? A snapshot
        replaced meanwhile is a compaction when the journal was replaced too (`diganti`: followed through
        its header) and the snapshot names a revision not newer than the state: accepted. A snapshot
        replaced while the journal stayed is a compaction between its two renames (only seen without the
        lock: looked at again on the next read) or a file copied over or edited by hand (under the lock,
        or when it names a newer revision: the snapshot is read)."""
        try:
            st = os.stat(self.path)
        except OSError:
            return False
        sig = _signature(st)
        if sig == self._sig:
            return True
        try:
            fd = buka_baca(self.path)
        except (OSError, BerkasTidakAman):
            return False
        try:
            m = _REV_KEPALA.match(os.pread(fd, _KEPALA, 0))
            sig = _signature(os.fstat(fd))
        finally:
            os.close(fd)
        if m is None or int(m.group(1)) != skema.SKEMA or int(m.group(2)) > data.revisi:
            return False
        if not diganti:
            return not kunci
        self._sig, self._rev_berkas = sig, int(m.group(2))
        return True

    def _baca_penuh(self, kunci: bool) -> Data:
        """Parse the snapshot and apply the journal lines that continue it (the journal is opened first:
        a compaction replaces the snapshot first, so the journal seen is never newer than the snapshot
        except while `pulihkan` runs)."""
        try:
            jfd: int | None = buka_baca(self.jurnal_path)
        except FileNotFoundError:
            jfd = None
        except BerkasTidakAman as e:
            raise BerkasTidakAman(f"Jurnal sesi tidak dibaca: {e}") from None
        except OSError as e:
            raise BerkasRusak(f"Jurnal {self.jurnal_path} tidak dapat dibaca: {e.strerror}.") from None
        try:
            if jfd is not None:
                tautan_keras(os.fstat(jfd), self.jurnal_path, "Jurnal", "tidak dibaca")
            payload, sig = self._baca_snapshot()
            meta, tables = decode(payload, self.path)
            m = _REV_KEPALA.match(payload[:_KEPALA])
            self._skema_lama = m is None or int(m.group(1)) != skema.SKEMA  # migrated: compact on next save
            awal = Data(tables, meta["revisi"])
            jj = jejak(tables)
            b = None
            dasar = None
            if jfd is not None:
                if os.fstat(jfd).st_size > BATAS_JURNAL:
                    raise BerkasRusak(f"Jurnal {self.jurnal_path} terlalu besar (lebih dari {BATAS_JURNAL} bita); "
                                      "jurnal sesi tidak pernah sebesar itu. Tidak ada yang diubah.")
                kepala = os.pread(jfd, 4096, 0)
                nl = kepala.find(b"\n")
                dk = urai_kepala(kepala[:nl], self.jurnal_path) if nl > 0 else None
                if (dk is not None and dk != (awal.revisi, jj) and dk[0] <= awal.revisi
                        and not os.pread(jfd, 1, nl + 1)):
                    # The snapshot is not the one this journal continues (copied over, edited by hand),
                    # but the journal holds no change past its header and the snapshot is not older than
                    # the state the journal starts from: nothing saved is lost by reading the snapshot
                    # alone. The next save starts a new journal. (An OLDER snapshot under a newer header
                    # is a compacted state put back by an older copy: reported below, never taken.)
                    os.close(jfd)
                    jfd, dk = None, None
                if dk is not None:
                    dasar = dk[0]
                    if dasar > awal.revisi or (dasar == awal.revisi and dk[1] != jj):
                        raise BerkasRusak(
                            f"Jurnal {self.jurnal_path} melanjutkan revisi {dasar}, sedangkan berkas sesi "
                            f"{self.path} memuat revisi {awal.revisi}"
                            + (" dengan riwayat lain" if dasar == awal.revisi else "")
                            + ": berkas sesi bukan yang dilanjutkan jurnal ini (diganti salinan lama?). Tidak ada "
                            f"yang diubah. Kembalikan berkas sesi yang benar; bila salinan lama itu memang "
                            f"disengaja, pindahkan {self.jurnal_path} ke tempat lain lalu buka lagi.")
                if jfd is not None:
                    b = self._baca_jurnal(jfd, awal, 0, 0, kepala=True)
                if b is not None and dasar is not None and dasar < awal.revisi and not b.cocok:
                    # A journal older than its snapshot is history only after a compaction stopped between
                    # its two renames; then its last line IS the snapshot's state.
                    raise BerkasRusak(
                        f"Berkas sesi {self.path} (revisi {awal.revisi}) tidak sesuai dengan jurnal "
                        f"{self.jurnal_path}, yang tidak memuat revisi itu (berkas sesi diganti atau diubah di "
                        f"luar aplikasi?). Tidak ada yang diubah. Pulihkan dengan `musrenbang pulihkan {self.path}`.")
            if b is not None and b.diterapkan:
                _tidak_mundur(self, b.revisi, jejak(b.tables))
            else:
                _tidak_mundur(self, awal.revisi, jj)
        except BaseException:
            if jfd is not None:
                os.close(jfd)
            raise
        self._pos.ganti(jfd, b.akhir if b else 0, b.baris if b else 0, dasar)
        if b is not None:
            self._pos.sisa = b.sisa
        self._sig, self._rev_berkas = sig, awal.revisi
        self.baca_penuh += 1
        if b is None or not b.diterapkan:
            return self._ganti_data(Data(tables, awal.revisi, prev=self._data), None)
        return self._ganti_data(Data(b.tables, b.revisi, prev=self._data), None)

    def _baca_snapshot(self) -> tuple[bytes, tuple[int, int, int]]:
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
            with os.fdopen(fd, "rb", closefd=False) as f:
                return f.read(BATAS_UKURAN + 1), _signature(st)
        except OSError as e:
            raise BerkasRusak(f"Berkas {self.path} tidak dapat dibaca: {e.strerror}.") from None
        finally:
            os.close(fd)


def _tidak_mundur(store: "IkutiJurnal", revisi: int, jj: str) -> None:
    """A Store never moves back: a whole read that gives an older revision than the one this Store holds
    (or the same revision with another history) means the files were replaced, cut or edited outside this
    program (a journal line removed, an older snapshot put back, `pulihkan` run elsewhere). Taking it would
    let this terminal's next save bury the changes it already acknowledged; BerkasRusak instead, so nothing
    is written on it and the screen says why (docs/keandalan.md, "Keamanan"). A deliberate `pulihkan` run
    elsewhere is refused the same way: an open terminal that may save is closed and opened again."""
    lama = store._data
    if lama is None or (revisi > lama.revisi) or (revisi == lama.revisi and jj == jejak(lama.raw)):
        return
    if store.pelaku.peran == "tayang":
        return  # a projector never saves, so it buries nothing: it shows what the files hold now
    raise BerkasRusak(
        f"Berkas sesi {store.path} kini memuat revisi {revisi}"
        + (" dengan riwayat lain" if revisi == lama.revisi else "")
        + f", padahal terminal ini sudah memegang revisi {lama.revisi}: berkas sesi atau jurnalnya diganti, "
        "dipotong, atau diubah di luar aplikasi ini (mis. `musrenbang pulihkan`, salinan lama, jurnal dihapus). "
        "Terminal ini tidak menyimpan apa pun di atasnya. Bila itu pemulihan yang disengaja, tutup lalu buka lagi "
        f"aplikasi; bila tidak, jalankan `musrenbang periksa {store.path}` dan laporkan.")
