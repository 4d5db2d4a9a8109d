"""How firm the order is (issue 14): time of `sesi.kepekaan.kepekaan` at 1,000 usulan.

    python bench/kepekaan.py [1000] [--ulang 15]

Three cases, each in one kelompok of N usulan, every cell scored (built as tables in memory, as the store
holds them; no file, no UI):

- `satu set`: the five default criteria (1-5, weights 3/2/2/1/1), one consensus value per cell;
- `dua set`: fisik 0.40/0.30/0.20/0.10 and non-fisik 0.35/0.25/0.25/0.15 on 0-100, usulan alternating
  (neighbours of two sets need the general crossing);
- `3 penilai`: 1-10, three penilai summed (cell values are sums; means under "rata-rata" are Fractions).

For each: the ranking alone (fresh), the firmness on top of a ranking already computed, and one score
keystroke (a new revision patched from the one before: ranking + firmness of that kelompok), median of
`--ulang` runs. Figures in bench/README.md, "Kepekaan urutan".
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sesi.data import Data  # noqa: E402
from sesi.kepekaan import kepekaan  # noqa: E402
from sesi.peringkat import peringkat_kelompok  # noqa: E402

KID = "bidang:Infrastruktur"


def _kriteria(kode_bobot, lo, hi, jenis=""):
    return {(k if not jenis else f"{k}@@{jenis}"): {
        "kode": k, "nama": k, "bobot": b, "skala_min": lo, "skala_maks": hi, "urutan": i + 1,
        "kelompok": "", "jenis": jenis, "langkah": "1"} for i, (k, b) in enumerate(kode_bobot)}


def tabel(n: int, kasus: str) -> dict:
    rng = random.Random(n)
    info = {"kecamatan": "X", "kota": "Y", "tahun": 2028, "tanggal": "2027-02-09", "tempat": "Z"}
    if kasus == "satu set":
        kriteria = _kriteria([("K1", "3"), ("K2", "2"), ("K3", "2"), ("K4", "1"), ("K5", "1")], 1, 5)
    elif kasus == "dua set":
        kriteria = _kriteria([("K1", "0.40"), ("K2", "0.30"), ("K3", "0.20"), ("K4", "0.10")], 0, 100, "fisik")
        kriteria |= _kriteria([("P1", "0.35"), ("P2", "0.25"), ("P3", "0.25"), ("P4", "0.15")], 0, 100)
    else:
        kriteria = _kriteria([("K1", "1"), ("K2", "1"), ("K3", "1"), ("K4", "1")], 1, 10)
        info["gabung_penilai"] = "jumlah"
    usulan, skor = {}, {}
    for i in range(n):
        uid = f"U{i + 1:04d}"
        jenis = "fisik" if kasus == "dua set" and i % 2 == 0 else "non-fisik"
        usulan[uid] = {"id": uid, "kelurahan": "A", "prioritas_kelurahan": i + 1, "kegiatan": uid,
                       "bidang": "Infrastruktur", "jenis": jenis, "urutan": i + 1,
                       "perkiraan_biaya": str(rng.randint(1, 500) * 1_000_000)}
        for k in kriteria.values():
            if k["jenis"] and k["jenis"] != jenis or (kasus == "dua set" and not k["jenis"] and jenis == "fisik"):
                continue
            penilai = ("Ana", "Budi", "Cici") if kasus == "3 penilai" else ("",)
            for p in penilai:
                skor[f"{uid}|{k['kode']}|{p}"] = dict({"usulan": uid, "kriteria": k["kode"],
                                                        "nilai": rng.randint(k["skala_min"], k["skala_maks"])},
                                                       **({"penilai": p} if p else {}))
    return {"sesi": {"info": info}, "kriteria": kriteria, "usulan": usulan, "skor": skor, "kelompok": {}}


def ms(f, ulang: int) -> float:
    waktu = []
    for _ in range(ulang):
        t = time.perf_counter()
        f()
        waktu.append((time.perf_counter() - t) * 1000)
    return statistics.median(waktu)


def ukur(n: int, kasus: str, ulang: int) -> tuple[float, float, float, int]:
    raw = tabel(n, kasus)

    def peringkat():
        peringkat_kelompok(Data(raw, 1), KID)

    def kepekaan_saja():
        d = Data(raw, 1)
        peringkat_kelompok(d, KID)
        t = time.perf_counter()
        kepekaan(d, KID)
        return (time.perf_counter() - t) * 1000

    data = Data(raw, 1)
    peringkat_kelompok(data, KID)
    kepekaan(data, KID)
    rng = random.Random(7)
    sids = list(raw["skor"])
    keadaan = {"data": data, "raw": raw}

    def ketukan():
        prev, raw0 = keadaan["data"], keadaan["raw"]
        sid = rng.choice(sids)
        rec = raw0["skor"][sid]
        baru = dict(raw0, skor=dict(raw0["skor"]))
        baru["skor"][sid] = dict(rec, nilai=rng.randint(1, 5))
        d = Data(baru, prev.revisi + 1, prev=prev, changed={"skor": {sid}})
        peringkat_kelompok(d, KID)
        kepekaan(d, KID)
        keadaan["data"], keadaan["raw"] = d, baru

    goyah = sum(1 for k in kepekaan(data, KID) if k is not None and k.goyah)
    return ms(peringkat, ulang), statistics.median(kepekaan_saja() for _ in range(ulang)), ms(ketukan, ulang), goyah


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", nargs="?", type=int, default=1000)
    ap.add_argument("--ulang", type=int, default=15)
    args = ap.parse_args(argv)
    print(f"{args.n} usulan dalam satu kelompok; median {args.ulang} kali (ms)")
    print(f"{'kasus':<10} {'peringkat':>10} {'kepekaan':>9} {'1 ketukan':>10} {'pasangan goyah':>15}")
    for kasus in ("satu set", "dua set", "3 penilai"):
        p, k, t, g = ukur(args.n, kasus, args.ulang)
        print(f"{kasus:<10} {p:>10.1f} {k:>9.1f} {t:>10.1f} {g:>15}")


if __name__ == "__main__":
    main()
