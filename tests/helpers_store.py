"""Shared helpers for the store tests: a small real session, child processes, and file snapshots."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime, timedelta
from itertools import count
from pathlib import Path

from sesi import catatan, pendaftaran, usulan
from sesi.persiapan import buat_sesi
from sesi.store import Store

REPO = Path(__file__).resolve().parent.parent

KELURAHAN = ["Alalak Selatan", "Alalak Tengah", "Alalak Utara", "Antasan Kecil Timur", "Kuin Utara",
             "Pangeran", "Sungai Andai", "Sungai Jingah", "Sungai Miai", "Surgi Mufti"]
KEGIATAN = ["Normalisasi saluran drainase", "Pembangunan titian ulin", "Rehabilitasi posyandu",
            "Pelatihan UMKM olahan ikan", "Penerangan jalan lingkungan", "Pengadaan tong sampah terpilah"]
KODE = ["K1", "K2", "K3", "K4", "K5"]

#: Lines the loop would hit in a long run; the default run stays within seconds.
LAMA = os.environ.get("MUSRENBANG_LAMA") == "1"


def jam_maju(mulai: str = "2027-02-09T07:30:00", langkah: int = 1):
    """A deterministic clock: each call is `langkah` seconds after the one before."""
    t0 = datetime.fromisoformat(mulai)
    n = count()
    return lambda: t0 + timedelta(seconds=langkah * next(n))


def buat_store(path: str | os.PathLike[str], n_usulan: int = 6, n_peserta: int = 12, **kwargs) -> Store:
    """A session of Kecamatan Banjarmasin Utara with a few usulan and peserta (registered, not present)."""
    kwargs.setdefault("clock", jam_maju())
    store = buat_sesi(os.fspath(path), kecamatan="Banjarmasin Utara", kota="Banjarmasin", tahun=2028,
                      tanggal="2027-02-09", tempat="Aula Kantor Camat", **kwargs)
    with store.transaksi() as tx:
        for i in range(n_usulan):
            usulan.tambah_usulan(
                tx, kelurahan=KELURAHAN[i % len(KELURAHAN)], prioritas_kelurahan=i // len(KELURAHAN) + 1,
                kegiatan=f"{KEGIATAN[i % len(KEGIATAN)]} RT {i + 1:02d}", skpd="Dinas PUPR",
                bidang="Infrastruktur" if i % 2 == 0 else "Sosial Budaya", perkiraan_biaya=150_000_000 + i,
                volume=10 + i, satuan="m")
        for i in range(n_peserta):
            pendaftaran.tambah_peserta(tx, nama=f"Peserta Uji {i + 1:03d}", unsur="delegasi",
                                       kelurahan=KELURAHAN[i % len(KELURAHAN)],
                                       jenis_kelamin="P" if i % 2 else "L", delegasi="ya")
        catatan.tambah_catatan(tx, "Pembukaan oleh Camat.", "Camat")
    store.padatkan()  # as `musrenbang baru`/`impor` leave it (`tutup`): the snapshot complete, a .bak kept
    return store


def env_anak() -> dict[str, str]:
    """Environment for a child Python process that imports this checkout's `sesi`."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(REPO)] + [p for p in [env.get("PYTHONPATH", "")] if p])
    env["PYTHONUNBUFFERED"] = "1"
    return env


def popen_python(kode: str, *args: str, **kwargs) -> subprocess.Popen:
    """Start `python -c kode args...` with this checkout importable; stdout/stdin are pipes (text)."""
    kwargs.setdefault("stdout", subprocess.PIPE)
    kwargs.setdefault("stdin", subprocess.PIPE)
    kwargs.setdefault("stderr", subprocess.PIPE)
    return subprocess.Popen([sys.executable, "-c", kode, *args], env=env_anak(), text=True, **kwargs)


def isi_folder(folder: str | os.PathLike[str]) -> dict[str, bytes]:
    """Every file in a folder with its bytes (lock files aside: they are empty by design)."""
    out = {}
    for name in sorted(os.listdir(folder)):
        p = os.path.join(folder, name)
        if os.path.isfile(p) and not name.endswith(".lock"):
            out[name] = Path(p).read_bytes()
    return out


def sisa_temp(folder: str | os.PathLike[str]) -> list[str]:
    """Temp files a writer left behind."""
    return sorted(n for n in os.listdir(folder) if n.endswith(".tmp"))


def keadaan(data) -> dict:
    """What a user relies on, from one revision: comparable between two stores or with a model."""
    raw = data.raw
    return {
        "revisi": data.revisi,
        "hadir": {pid: bool(p.get("hadir")) for pid, p in raw["peserta"].items()},
        "kelompok_peserta": {pid: p.get("kelompok", "") for pid, p in raw["peserta"].items()},
        "skor": {sid: s["nilai"] for sid, s in raw["skor"].items()},
        "status": {uid: u["status"] for uid, u in raw["usulan"].items()},
        "pimpinan": {kid: (k.get("ketua", ""), k.get("sekretaris", ""), k.get("notulen", ""))
                     for kid, k in raw["kelompok"].items()},
        "catatan": {cid: c["teks"] for cid, c in raw["catatan"].items()},
        "riwayat": len(raw["riwayat"]),
    }
