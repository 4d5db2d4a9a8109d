"""A property-based stateful test of the store against a plain in-memory model.

Hypothesis runs random sequences of what a session does (check-in and undo, kelompok membership,
election by acclamation and its cancellation, scoring and clearing, verification, notes with any text,
an import of several usulan in one transaction, another terminal writing, a reopened terminal, and a
write that fails at the Nth I/O call, of the journal append or of the snapshot a large transaction writes;
for the journal of issue 16: a writer killed mid-append, a compaction killed between the new snapshot and
the new journal, a torn journal line, compactions by the other terminal). The model predicts each
action's outcome (done, refused, or no change) from the rules; after every step the store in memory and a
fresh Store reading the file from disk must both agree with the model exactly, revision and history length
included, and two read-only terminals that follow the journal (one after every step, one now and then)
hold exactly what a fresh full read gives, records and key order.

`MUSRENBANG_LAMA=1` runs many more examples.
"""

from __future__ import annotations

import errno
import os
import shutil
import tempfile

from helpers_store import KELURAHAN, LAMA, buat_store, keadaan
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

import sesi.berkas as berkas_mod
import sesi.jurnal as jurnal_mod
import sesi.padat as padat_mod
from sesi import catatan, kelompok, pendaftaran, persiapan, skor, usulan, verifikasi
from sesi.teks import bersih
from sesi.errors import DataDitolak, GagalMenyimpan
from sesi.riwayat import periksa_rantai
from sesi.store import Store
from sesi.transaksi import Pelaku

N_USULAN, N_PESERTA = 4, 6
PESERTA = [f"P{i:04d}" for i in range(1, N_PESERTA + 1)]
KODE = ["K1", "K2", "K3", "K4", "K5"]
JABATAN = ["ketua", "sekretaris", "notulen"]
KID = "KEL01"
#: (call kind, N) pairs that exist in every commit (see test_store_faults.py for all of them).
FAULTS = [("open", 1), ("open", 2), ("write", 1), ("fsync", 1), ("fsync", 2), ("close", 1), ("close", 2),
          ("replace", 1), ("replace", 2), ("link", 1),
          # the journal append (sesi.berkas.io_jurnal): the acknowledgement of an ordinary save
          ("jurnal:open", 1), ("jurnal:write", 1), ("jurnal:fsync", 1)]

DITOLAK, TETAP, JADI = "ditolak", "tetap", "jadi"  # refused / no change / done


class ModelSesi(RuleBasedStateMachine):
    """The store and a model of it, moved in step."""

    @initialize()
    def siapkan(self):
        self.folder = tempfile.mkdtemp(prefix="musrenbang-hyp-")
        self.path = os.path.join(self.folder, "sesi.json")
        s = buat_store(self.path, n_usulan=N_USULAN, n_peserta=N_PESERTA)
        with s.transaksi() as tx:
            persiapan.simpan_kelompok(tx, "Kelompok I", ["Infrastruktur", "Sosial Budaya"])
            for pid in PESERTA[:3]:  # three members present from the start, so elections happen early
                pendaftaran.hadir(tx, pid)
                kelompok.atur_anggota(tx, pid, KID)
        self.store = Store(self.path, pelaku=Pelaku("Operator", "operator"))
        self.lain = Store(self.path, pelaku=Pelaku("Notulen", "notulen"))  # another terminal
        # Read-only terminals following the journal: one after every step, one now and then.
        self.pengikut = Store.buka(self.path, pelaku=Pelaku("Layar", "tayang"))
        self.jarang = Store.buka(self.path, pelaku=Pelaku("Layar", "tayang"))
        k = keadaan(self.store.muat())
        self.m = {
            "revisi": k["revisi"],
            "hadir": dict(k["hadir"]),
            "kelompok_peserta": dict(k["kelompok_peserta"]),
            "skor": {},
            "status": dict(k["status"]),
            "pimpinan": {KID: ("", "", "")},
            "catatan": dict(k["catatan"]),
            "riwayat": k["riwayat"],
        }
        self.alasan = {uid: "" for uid in self.m["status"]}
        self.prioritas = {}
        for u in self.store.data.usulan.values():
            self.prioritas[u.kelurahan] = max(self.prioritas.get(u.kelurahan, 0), u.prioritas_kelurahan)

    def teardown(self):
        if getattr(self, "folder", None):
            shutil.rmtree(self.folder, ignore_errors=True)

    # --- running one action against the store and the model ---

    def _jalankan(self, harapan: str, aksi, *args, store: Store | None = None, catat: int = 1, **kwargs):
        """Run an action in one transaction; check the outcome the model predicted. True when done."""
        st_ = store or self.store
        if harapan == DITOLAK:
            try:
                with st_.transaksi() as tx:
                    aksi(tx, *args, **kwargs)
            except DataDitolak:
                return False
            raise AssertionError(f"{aksi.__name__}{args} seharusnya ditolak")
        with st_.transaksi() as tx:
            aksi(tx, *args, **kwargs)
        if harapan == JADI:
            self.m["revisi"] += 1
            self.m["riwayat"] += catat
            return True
        return False

    def _pimpinan(self):
        return dict(zip(JABATAN, self.m["pimpinan"][KID]))

    # --- registration ---

    @rule(pid=st.sampled_from(PESERTA))
    def hadir(self, pid):
        harapan = DITOLAK if self.m["hadir"][pid] else JADI
        if self._jalankan(harapan, pendaftaran.hadir, pid):
            self.m["hadir"][pid] = True

    @precondition(lambda self: not all(self.m["hadir"].values()))
    @rule(data=st.data())
    def hadir_yang_belum(self, data):
        self.hadir(data.draw(st.sampled_from([p for p, h in self.m["hadir"].items() if not h])))

    @rule(pid=st.sampled_from(PESERTA))
    def batal_hadir(self, pid):
        harapan = JADI if self.m["hadir"][pid] else DITOLAK
        if self._jalankan(harapan, pendaftaran.batal_hadir, pid):
            self.m["hadir"][pid] = False

    # --- kelompok and election ---

    @rule(pid=st.sampled_from(PESERTA), kid=st.sampled_from([KID, ""]))
    def anggota(self, pid, kid):
        lama = self.m["kelompok_peserta"][pid]
        if kid and not self.m["hadir"][pid]:
            harapan = DITOLAK
        elif lama == kid:
            harapan = TETAP
        elif lama and pid in self._pimpinan().values():
            harapan = DITOLAK
        else:
            harapan = JADI
        if self._jalankan(harapan, kelompok.atur_anggota, pid, kid):
            self.m["kelompok_peserta"][pid] = kid

    @precondition(lambda self: any(h and not self.m["kelompok_peserta"][p] for p, h in self.m["hadir"].items()))
    @rule(data=st.data())
    def anggota_yang_hadir(self, data):
        self.anggota(data.draw(st.sampled_from(
            [p for p, h in self.m["hadir"].items() if h and not self.m["kelompok_peserta"][p]])), KID)

    def _calon(self):
        """(open post, member present holding no post) pairs: an election that must succeed."""
        pim = self._pimpinan()
        anggota = [p for p, k in self.m["kelompok_peserta"].items()
                   if k == KID and self.m["hadir"][p] and p not in pim.values()]
        return [(j, p) for j in JABATAN if not pim[j] for p in anggota]

    @precondition(lambda self: bool(self._calon()))
    @rule(data=st.data())
    def pilih_di_antara_anggota(self, data):
        self.pilih_aklamasi(*data.draw(st.sampled_from(self._calon())))

    @rule(jabatan=st.sampled_from(JABATAN), pid=st.sampled_from(PESERTA))
    def pilih_aklamasi(self, jabatan, pid):
        pim = self._pimpinan()
        ok = (not pim[jabatan] and self.m["kelompok_peserta"][pid] == KID and self.m["hadir"][pid]
              and all(v != pid for j, v in pim.items() if j != jabatan))
        if self._jalankan(JADI if ok else DITOLAK, kelompok.pilih_aklamasi, KID, jabatan, pid):
            pim[jabatan] = pid
            self.m["pimpinan"][KID] = tuple(pim[j] for j in JABATAN)

    @rule(jabatan=st.sampled_from(JABATAN))
    def batal_pemilihan(self, jabatan):
        pim = self._pimpinan()
        if self._jalankan(JADI if pim[jabatan] else TETAP, kelompok.batal_pemilihan, KID, jabatan):
            pim[jabatan] = ""
            self.m["pimpinan"][KID] = tuple(pim[j] for j in JABATAN)

    # --- scoring and verification ---

    @rule(data=st.data(), kode=st.sampled_from(KODE), nilai=st.integers(0, 6),
          penilai=st.sampled_from(["", "Budi", "Siti"]))
    def skor(self, data, kode, nilai, penilai):
        uid = data.draw(st.sampled_from(sorted(self.m["status"])))
        sid = f"{uid}|{kode}|{penilai}"
        if self.m["status"][uid] in ("ditolak", "cadangan") or not 1 <= nilai <= 5:
            harapan = DITOLAK
        elif self.m["skor"].get(sid) == nilai:
            harapan = TETAP
        else:
            harapan = JADI
        if self._jalankan(harapan, skor.atur_skor, uid, kode, nilai, penilai):
            self.m["skor"][sid] = nilai

    @rule(data=st.data(), kode=st.sampled_from(KODE), penilai=st.sampled_from(["", "Budi"]))
    def hapus_skor(self, data, kode, penilai):
        uid = data.draw(st.sampled_from(sorted(self.m["status"])))
        sid = f"{uid}|{kode}|{penilai}"
        if self._jalankan(JADI if sid in self.m["skor"] else TETAP, skor.hapus_skor, uid, kode, penilai):
            del self.m["skor"][sid]

    @precondition(lambda self: bool(self.m["skor"]))
    @rule(data=st.data())
    def hapus_skor_yang_ada(self, data):
        uid, kode, penilai = data.draw(st.sampled_from(sorted(self.m["skor"]))).split("|")
        self._jalankan(JADI, skor.hapus_skor, uid, kode, penilai)
        del self.m["skor"][f"{uid}|{kode}|{penilai}"]

    @rule(data=st.data(), status=st.sampled_from(["sesuai", "ditolak", "cadangan", "baru"]),
          alasan=st.sampled_from(["", "Bukan kewenangan kecamatan"]))
    def verifikasi(self, data, status, alasan):
        uid = data.draw(st.sampled_from(sorted(self.m["status"])))
        if status == "ditolak" and not alasan:
            harapan = DITOLAK
        elif (self.m["status"][uid], self.alasan[uid]) == (status, alasan):
            harapan = TETAP
        else:
            harapan = JADI
        if self._jalankan(harapan, verifikasi.verifikasi, uid, status, alasan):
            self.m["status"][uid], self.alasan[uid] = status, alasan

    # --- notes, from this terminal or another ---

    def _catatan(self, teks, store):
        bersihnya = bersih(teks, baris_baru=True)
        cid = f"C{len(self.m['catatan']) + 1:04d}"
        if self._jalankan(JADI if bersihnya else DITOLAK, catatan.tambah_catatan, teks, store=store):
            self.m["catatan"][cid] = bersihnya

    @rule(teks=st.text(max_size=30))
    def tambah_catatan(self, teks):
        self._catatan(teks, self.store)

    @rule(teks=st.text(min_size=1, max_size=10))
    def terminal_lain_mencatat(self, teks):
        self._catatan(teks, self.lain)

    # --- an import: several usulan in one transaction, all or nothing ---

    @rule(baris=st.lists(st.tuples(st.sampled_from(KELURAHAN), st.booleans()), min_size=1, max_size=4),
          rusak=st.integers(-1, 3))
    def impor_usulan(self, baris, rusak):
        prio = dict(self.prioritas)
        rows = []
        for i, (kel, fisik) in enumerate(baris):
            if i == rusak:
                kel = "Kelurahan Fiktif"  # refused: the whole import must leave nothing
            else:
                prio[kel] = prio.get(kel, 0) + 1
            rows.append(dict(kelurahan=kel, prioritas_kelurahan=prio.get(kel, 1), kegiatan=f"Kegiatan {i}",
                             skpd="Dinas PUPR", bidang="Infrastruktur", jenis="fisik" if fisik else "non-fisik"))

        def impor(tx):
            for r in rows:
                usulan.tambah_usulan(tx, **r)
        impor.__name__ = "impor"
        ok = not 0 <= rusak < len(rows)
        if self._jalankan(JADI if ok else DITOLAK, impor, catat=len(rows)):
            n = len(self.m["status"])
            for i in range(len(rows)):
                uid = f"U{n + i + 1:03d}"
                self.m["status"][uid], self.alasan[uid] = "baru", ""
            self.prioritas = prio

    # --- terminals and faults ---

    @rule()
    def buka_ulang(self):
        """This terminal closes and opens the file again."""
        self.store = Store(self.path, pelaku=Pelaku("Operator", "operator"))

    @rule(fault=st.sampled_from(FAULTS), errnum=st.sampled_from([errno.EIO, errno.ENOSPC]),
          teks=st.text(min_size=1, max_size=10).filter(lambda t: bersih(t, baris_baru=True)))
    def gagal_menulis(self, fault, errnum, teks):
        """A note whose write fails at the Nth call of one kind: refused as not saved, nothing changes.
        Faults of the snapshot writer (`io`) are tried on a note saved by compaction (as a large import
        is, `BATAS_BARIS` = 0); faults of `io_jurnal` on an ordinary save (its journal line)."""
        op, n = fault
        jurnal = op.startswith("jurnal:")
        op = op.removeprefix("jurnal:")
        sasaran = berkas_mod.io_jurnal if jurnal else berkas_mod.io
        asli = getattr(berkas_mod._IO, op)
        hitung = [0]

        def palsu(*args):
            hitung[0] += 1
            if hitung[0] == n:
                raise OSError(errnum, os.strerror(errnum))
            return asli(*args)

        setattr(sasaran, op, palsu)
        batas = jurnal_mod.BATAS_BARIS
        if not jurnal:
            jurnal_mod.BATAS_BARIS = 0
        try:
            with self.store.transaksi() as tx:
                catatan.tambah_catatan(tx, teks)
        except GagalMenyimpan:
            assert hitung[0] >= n, f"{op} ke-{n} tidak gagal tetapi transaksi dilaporkan gagal"
        else:
            # A commit may make fewer calls of a kind than the fault counts: when the backup already is this
            # revision (one inode under both names, after a write that failed past keeping it) no second
            # replace happens. Then the fault never fired and the note is saved, as the model must know.
            if hitung[0] >= n:
                raise AssertionError(f"{op} ke-{n} gagal tetapi transaksi dilaporkan berhasil")
            self.m["catatan"][f"C{len(self.m['catatan']) + 1:04d}"] = bersih(teks, baris_baru=True)
            self.m["revisi"] += 1
            self.m["riwayat"] += 1
        finally:
            delattr(sasaran, op)
            jurnal_mod.BATAS_BARIS = batas

    # --- the journal (issue 16, sesi/jurnal.py) ---

    @rule(teks=st.text(min_size=1, max_size=10).filter(lambda t: bersih(t, baris_baru=True)))
    def penulis_mati_saat_menulis_jurnal(self, teks):
        """A terminal dies (as by kill -9) half-way through its journal line: never acknowledged, so not
        saved; the torn bytes stay until the next writer cuts them."""
        class Mati(BaseException):
            pass

        asli = berkas_mod._IO.write

        def separuh(fd, data):
            asli(fd, bytes(data[: max(1, len(data) // 2)]))
            raise Mati()

        def mati(*_a, **_k):
            raise Mati()

        berkas_mod.io_jurnal.write = separuh
        berkas_mod.io_jurnal.truncate = mati  # dead: no clean-up
        try:
            with Store(self.path, pelaku=Pelaku("Notulen", "notulen")).transaksi() as tx:
                catatan.tambah_catatan(tx, teks)
        except Mati:
            pass
        finally:
            del berkas_mod.io_jurnal.write
            del berkas_mod.io_jurnal.truncate

    @rule()
    def pemadatan_mati_di_tengah(self):
        """The other terminal compacts and dies after the new snapshot is in place, before the new journal:
        nothing changes for anyone (the old journal's lines are history of the new snapshot)."""
        class Mati(BaseException):
            pass

        def mati(*_a, **_k):
            raise Mati()

        asli = padat_mod.mulai_jurnal
        padat_mod.mulai_jurnal = mati
        try:
            Store(self.path, pelaku=Pelaku("Notulen", "notulen")).padatkan()
        except Mati:
            pass
        finally:
            padat_mod.mulai_jurnal = asli

    @rule(potong=st.integers(1, 200))
    def jurnal_robek(self, potong):
        """A journal line torn part-way (a writer killed mid-append, or a full disk)."""
        with open(self.path + ".jurnal", "ab") as f:
            f.write(b'{"rev":1,"dari":0,"ubah":{"skor":{}}}\tdeadbeef'[:potong % 48 + 1])

    @rule(teks=st.text(min_size=1, max_size=10).filter(lambda t: bersih(t, baris_baru=True)))
    def dipadatkan(self, teks):
        """The other terminal's note makes the journal pass its bound: it compacts."""
        asli = jurnal_mod.PADAT_BARIS
        jurnal_mod.PADAT_BARIS = 0
        try:
            self._catatan(teks, self.lain)
        finally:
            jurnal_mod.PADAT_BARIS = asli

    @rule()
    def pengikut_jarang_membaca(self):
        _sama_dengan_disk(self.jarang.muat(), self.path)

    # --- after every step ---

    @invariant()
    def sama_dengan_model(self):
        if not hasattr(self, "m"):
            return
        di_memori = keadaan(self.store.data)
        assert di_memori == self.m or di_memori["revisi"] < self.m["revisi"]  # stale only if other wrote
        dari_disk = Store.buka(self.path).data
        assert keadaan(dari_disk) == self.m
        assert keadaan(self.store.muat()) == self.m
        assert periksa_rantai(dari_disk.raw["riwayat"].values()) == []
        _sama_dengan_disk(self.pengikut.muat(), self.path)
        _sama_dengan_disk(self.store.muat(), self.path)


def _sama_dengan_disk(data, path) -> None:
    """What a journal follower holds equals a fresh full read: revision, records, and key order."""
    segar = Store.buka(path).data
    assert data.revisi == segar.revisi
    assert data.raw == segar.raw
    assert {t: list(v) for t, v in data.raw.items()} == {t: list(v) for t, v in segar.raw.items()}


ModelSesi.TestCase.settings = settings(
    max_examples=300 if LAMA else 20,
    stateful_step_count=50 if LAMA else 25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
test_store_agrees_with_model = ModelSesi.TestCase
