"""Shared fixtures: a fresh session file on a fixed clock, and a helper that acts on it.

- `jam`: a clock that stands still until a test moves it (`jam.maju(minutes=5)`).
- `store`: a new session (Kecamatan Banjarmasin Utara, its ten kelurahan, the five default criteria),
  made with `sesi.persiapan.buat_sesi`, acting as operator "Operator Uji" on `jam`.
- `sebagai(peran, nama=None)`: another terminal on the same file with another role.
- `hari_musrenbang`: every store opened without a clock of its own (the CLI's) reads the afternoon of the
  fixtures' Musrenbang day, so `musrenbang sahkan` signs on the day, never "before the meeting".
- `bantu`: runs actions the way a screen does (`bantu.lakukan(aksi, ...)`, one transaction each, checking
  that the history recorded who did it and still verifies), checks refusals leave the file untouched
  (`bantu.ditolak(aksi, ...)`), and adds usulan, peserta, criteria and scores in one line.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any, Callable

import pytest

from sesi import kelompok, kriteria, pendaftaran, persiapan, skor, usulan
from sesi.errors import DataDitolak, SesiError
from sesi.riwayat import periksa_rantai
from sesi.store import Store
from sesi.transaksi import Pelaku

TANGGAL = "2027-02-09"
MULAI = datetime(2027, 2, 9, 8, 0, 0)
KECAMATAN = "Banjarmasin Utara"


class _HariMusrenbang(datetime):
    @classmethod
    def now(cls, tz=None):  # noqa: ARG003 - the signature of datetime.now
        return cls(2027, 2, 9, 15, 0, 0)


@pytest.fixture
def hari_musrenbang(monkeypatch):
    """Stores made without a clock (the CLI's) read 9 February 2027, 15.00: the fixtures' Musrenbang day."""
    import sesi.store
    import sesi.transaksi

    monkeypatch.setattr(sesi.store, "datetime", _HariMusrenbang)
    monkeypatch.setattr(sesi.transaksi, "datetime", _HariMusrenbang)  # the default clock: `jam_sesi`


class Jam:
    """A clock that stands still until moved, so times in the file are known in advance."""

    def __init__(self, mulai: datetime = MULAI):
        self.sekarang = mulai

    def __call__(self) -> datetime:
        return self.sekarang

    def maju(self, **selang: float) -> datetime:
        self.sekarang += timedelta(**selang)
        return self.sekarang

    @property
    def iso(self) -> str:
        return self.sekarang.isoformat(timespec="seconds")


@pytest.fixture(autouse=True)
def _tanpa_berkas_tombol_pengguna(tmp_path_factory, monkeypatch):
    """Tests never read the tester's own keymap file (~/.config/musrenbang/tombol.toml)."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.getbasetemp() / "config-kosong"))


@pytest.fixture(autouse=True)
def _tanpa_tmux_luar(monkeypatch):
    """Tests that drive tmux start their own server (`tmux -L NAME`). Run from inside the tester's own
    tmux, `TMUX_PANE` made tmux resolve `-t SESSION` to a pane of the tester's numbering (6 scroll-region
    tests failed only there): the outer tmux is not part of any test."""
    monkeypatch.delenv("TMUX", raising=False)
    monkeypatch.delenv("TMUX_PANE", raising=False)


@pytest.fixture(autouse=True)
def _draf_di_folder_uji(tmp_path_factory, monkeypatch):
    """Drafts of typed notes go to a folder of the test run, never the tester's ~/.local/state."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path_factory.mktemp("state")))


@pytest.fixture(scope="session")
def _demo_asli(tmp_path_factory) -> bytes:
    """The demo session's file, built once per test process."""
    from musrenbang_tui.demo import buat_demo

    path = tmp_path_factory.mktemp("demo-asli") / "demo.json"
    buat_demo(str(path))
    return path.read_bytes()


@pytest.fixture
def demo(tmp_path, _demo_asli):
    """A fresh copy of the demo session (Banjarmasin Utara) as `tmp_path/demo.json`; returns its path."""
    path = tmp_path / "demo.json"
    path.write_bytes(_demo_asli)
    return path


@pytest.fixture
def jam() -> Jam:
    return Jam()


@pytest.fixture
def store(tmp_path, jam) -> Store:
    return persiapan.buat_sesi(str(tmp_path / "sesi.json"), kecamatan=KECAMATAN, kota="Banjarmasin",
                               tahun=2028, tanggal=TANGGAL, tempat="Aula Kantor Camat",
                               camat="Drs. Camat Uji", pelaku=Pelaku("Operator Uji", "operator"), clock=jam)


@pytest.fixture
def sebagai(store, jam) -> Callable[..., Store]:
    """Open the same session file at another terminal, as `peran` (named `nama`)."""
    def buka(peran: str, nama: str | None = None) -> Store:
        return Store(store.path, pelaku=Pelaku(nama or f"Uji {peran}", peran), clock=jam)
    return buka


def riwayat(store: Store) -> list[dict[str, Any]]:
    return list(store.muat().raw["riwayat"].values())


class Bantu:
    """Acts on one session as the screens do, and checks what every action owes the history."""

    def __init__(self, store: Store):
        self.store = store
        self._prioritas: dict[str, int] = {}

    # --- actions ---
    def lakukan(self, aksi: Callable[..., Any], *args: Any, store: Store | None = None, catat: bool = True,
                **kwargs: Any) -> Any:
        """Run `aksi(tx, *args, **kwargs)` in one transaction; return its result.

        With `catat`, the action must have added history entries naming who did it (name and role), and
        the history chain must still verify.
        """
        st = store or self.store
        sebelum = len(riwayat(st))
        with st.transaksi() as tx:
            hasil = aksi(tx, *args, **kwargs)
        if catat:
            entri = riwayat(st)
            baru = entri[sebelum:]
            assert baru, f"{aksi.__name__} tidak mencatat riwayat"
            for e in baru:
                assert (e["nama"], e["peran"]) == (st.pelaku.nama, st.pelaku.peran), e
            assert periksa_rantai(entri) == []
        return hasil

    def ditolak(self, aksi: Callable[..., Any], *args: Any, store: Store | None = None,
                galat: type[SesiError] = DataDitolak, **kwargs: Any) -> str:
        """`aksi` must be refused with `galat` and leave the file exactly as it was; returns the message."""
        st = store or self.store
        with open(st.path, "rb") as f:
            sebelum = f.read()
        with pytest.raises(galat) as info:
            with st.transaksi() as tx:
                aksi(tx, *args, **kwargs)
        with open(st.path, "rb") as f:
            assert f.read() == sebelum, "penolakan mengubah berkas"
        assert str(info.value).strip(), "pesan penolakan kosong"
        return str(info.value)

    # --- quick data ---
    def usulan(self, kegiatan: str = "Normalisasi saluran drainase", *, kelurahan: str = "Alalak Selatan",
               bidang: str = "Infrastruktur", skpd: str = "Dinas PUPR", prioritas: int | None = None,
               **fields: Any) -> str:
        """Add an usulan (status baru); the kelurahan's priority counts up unless given."""
        if prioritas is None:
            prioritas = self._prioritas.get(kelurahan, 0) + 1
        self._prioritas[kelurahan] = max(self._prioritas.get(kelurahan, 0), prioritas)
        return self.lakukan(usulan.tambah_usulan, kelurahan=kelurahan, prioritas_kelurahan=prioritas,
                            kegiatan=kegiatan, bidang=bidang, skpd=skpd, **fields)

    def peserta(self, nama: str, unsur: str = "delegasi", *, hadir: bool = True, **fields: Any) -> str:
        """Add a participant, present (checked in now) unless `hadir=False`."""
        return self.lakukan(pendaftaran.tambah_peserta, nama=nama, unsur=unsur, hadir=hadir, **fields)

    def kriteria(self, *bobot: str | int, skala: tuple[int, int] = (1, 5)) -> list[str]:
        """Replace the criteria by K1..Kn with these weights (before any score); returns the codes."""
        records = [kriteria.kriteria_record(f"K{i}", f"Kriteria {i}", b, *skala)
                   for i, b in enumerate(bobot, start=1)]
        self.lakukan(kriteria.ganti_semua_kriteria, records)
        return [r["kode"] for r in records]

    def nilai(self, uid: str, *nilai: int | None, penilai: str = "") -> None:
        """Score an usulan on the criteria in their defined order (None leaves a cell empty), one transaction."""
        kode = [k.kode for k in self.store.muat().kriteria]
        assert len(nilai) <= len(kode)

        def isi(tx):
            for k, n in zip(kode, nilai):
                if n is not None:
                    skor.atur_skor(tx, uid, k, n, penilai)
        isi.__name__ = "atur_skor"
        self.lakukan(isi)

    def fisik_dan_non_fisik(self, dinilai: bool = True) -> tuple[str, str]:
        """The e-musrenbang practice, one criterion and one cell at a time as the keyboard UI saves them: a
        fisik set K1-K4 (0,40/0,30/0,20/0,10) and a non-fisik set P1-P4 (0,35/0,25/0,25/0,15), scale 0-100;
        usulan F (fisik) and N (non-fisik), with `dinilai` scored F 80,70,60,50 (= 70) and N 80,60,70,80
        (= 72.5). Returns (F, N)."""
        for i, (kode, bobot) in enumerate((("K1", "0,40"), ("K2", "0,30"), ("K3", "0,20"), ("K4", "0,10"))):
            self.lakukan(kriteria.simpan_kriteria, kode, f"Fisik {i}", bobot, 0, 100, baru=True, jenis="fisik")
        for i, (kode, bobot) in enumerate((("P1", "0,35"), ("P2", "0,25"), ("P3", "0,25"), ("P4", "0,15"))):
            self.lakukan(kriteria.simpan_kriteria, kode, f"Non-fisik {i}", bobot, 0, 100, baru=True,
                         jenis="non-fisik")
        f, n = self.usulan("F", jenis="fisik"), self.usulan("N", jenis="non-fisik")
        if dinilai:
            for kode, v in zip(("K1", "K2", "K3", "K4"), (80, 70, 60, 50)):
                self.lakukan(skor.atur_skor, f, kode, v)
            for kode, v in zip(("P1", "P2", "P3", "P4"), (80, 60, 70, 80)):
                self.lakukan(skor.atur_skor, n, kode, v)
        return f, n

    def kelompok(self, nama: str, *bidang: str, anggota: tuple[str, ...] | list[str] = ()) -> str:
        """Define a kelompok covering `bidang` and put these (present) participants in it."""
        kid = self.lakukan(persiapan.simpan_kelompok, nama, bidang)
        for pid in anggota:
            self.lakukan(kelompok.atur_anggota, pid, kid)
        return kid


@pytest.fixture
def bantu(store) -> Bantu:
    return Bantu(store)
