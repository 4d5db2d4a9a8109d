"""Build large realistic session files for the benchmarks: N usulan, every cell scored.

    python bench/data_besar.py 1000 /tmp/sesi-1000.json
"""

from __future__ import annotations

import random
import sys
from datetime import datetime, timedelta
from itertools import count
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from musrenbang_tui.demo import KEGIATAN, KELURAHAN  # noqa: E402
from sesi import kelompok, pendaftaran, persiapan, skor, usulan  # noqa: E402
from sesi.store import Store  # noqa: E402
from sesi.transaksi import Pelaku  # noqa: E402


def buat(path: str, n_usulan: int, n_peserta: int = 60, dinilai: bool = True) -> Store:
    """A Banjarmasin Utara session with n_usulan usulan over 3 bidang, all scored when `dinilai`."""
    rng = random.Random(n_usulan)
    t0 = datetime(2027, 2, 9, 8, 0, 0)
    step = count()
    store = persiapan.buat_sesi(path, kecamatan="Banjarmasin Utara", kota="Banjarmasin", tahun=2028,
                                tanggal="2027-02-09", tempat="Aula", pelaku=Pelaku("bench", "operator"),
                                clock=lambda: t0 + timedelta(seconds=next(step)))
    keys = list(KEGIATAN)
    kels = list(KELURAHAN)
    with store.transaksi() as tx:
        prio = {k: 0 for k in kels}
        for i in range(n_usulan):
            kel = kels[i % len(kels)]
            prio[kel] += 1
            kegiatan, masalah, vol, sat, harga, jenis, bidang, skpd = KEGIATAN[keys[rng.randrange(len(keys))]]
            usulan.tambah_usulan(tx, kelurahan=kel, prioritas_kelurahan=prio[kel], kegiatan=f"{kegiatan} {i + 1}",
                                 masalah=masalah, lokasi=f"RT {rng.randint(1, 30):02d}", volume=vol, satuan=sat,
                                 perkiraan_biaya=vol * harga, jenis=jenis, bidang=bidang, skpd=skpd)
        for i in range(n_peserta):
            pendaftaran.tambah_peserta(tx, nama=f"Peserta {i + 1}", unsur="delegasi", kelurahan=kels[i % len(kels)],
                                       jenis_kelamin="LP"[i % 2], delegasi="ya", hadir=True)
        for b in sorted({u["bidang"] for u in tx.table("usulan").values()}):
            persiapan.simpan_kelompok(tx, f"Kelompok {b}", [b])
    if dinilai:
        with store.transaksi() as tx:
            kriteria = [k.kode for k in tx.data.kriteria]
            for uid in list(tx.table("usulan")):
                for kode in kriteria:
                    skor.atur_skor(tx, uid, kode, rng.randint(1, 5))
    store.tutup()  # the snapshot alone is complete: benchmarks copy the .json without its journal
    return store


if __name__ == "__main__":
    n = int(sys.argv[1])
    out = sys.argv[2]
    buat(out, n)
    print(f"{out}: {n} usulan, {Path(out).stat().st_size / 1e6:.1f} MB")


__all__ = ["buat", "kelompok"]
