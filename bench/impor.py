"""Import speed (issue 13, item 9): usulan and peserta files of N rows, CSV and xlsx, into fresh sessions;
the whole import's wall time and how long the store's lock is held (the write transaction only).

    python bench/impor.py                 # 1,000 5,000 20,000 rows of each kind, CSV; 5,000-row xlsx vs CSV
    python bench/impor.py 2000 --ulang 3  # other sizes / rounds

Files are generated in a temporary folder: usulan over 25 kelurahan (priorities stay under 1,000 each),
peserta with realistic names, kelurahan, L/P and hadir. Figures go to bench/README.md ("Impor").
"""

from __future__ import annotations

import argparse
import contextlib
import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sesi import persiapan  # noqa: E402
from sesi.impor import impor  # noqa: E402
from sesi.store import Pelaku, Store  # noqa: E402

KELURAHAN = [f"Kelurahan Uji {i:02d}" for i in range(1, 26)]
KOLOM_USULAN = ["Kelurahan", "Prioritas", "Usulan", "Lokasi", "Volume", "Satuan", "Anggaran", "Jenis", "SKPD", "Bidang"]
KOLOM_PESERTA = ["Nama", "Unsur", "Lembaga", "Kelurahan", "L/P", "Hadir"]


def baris_usulan(n: int) -> list[list[object]]:
    prio = dict.fromkeys(KELURAHAN, 0)
    out = []
    for i in range(n):
        kel = KELURAHAN[i % len(KELURAHAN)]
        prio[kel] += 1
        out.append([kel, prio[kel], f"Pembangunan jalan titian ulin {i + 1}", f"RT {i % 30 + 1:02d}", 700, "m",
                    1_050_000_000 + i, "fisik", "Dinas PUPR", "Infrastruktur dan Kewilayahan"])
    return out


def baris_peserta(n: int) -> list[list[object]]:
    return [[f"Peserta Nomor {i + 1}", "tokoh_masyarakat", f"RT {i % 40 + 1}", KELURAHAN[i % len(KELURAHAN)],
             "LP"[i % 2], "ya" if i % 3 else "tidak"] for i in range(n)]


def tulis_csv(path: Path, kolom: list[str], rows: list[list[object]]) -> Path:
    def sel(v: object) -> str:
        return f"{v:,}".replace(",", ".") if isinstance(v, int) and v > 9999 else str(v)
    path.write_text("\n".join(";".join(sel(v) for v in r) for r in [kolom, *rows]) + "\n", encoding="utf-8")
    return path


def tulis_xlsx(path: Path, kolom: list[str], rows: list[list[object]]) -> Path:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("usulan")
    ws.append(kolom)
    for r in rows:
        ws.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    path.write_bytes(buf.getvalue())
    return path


class Kunci:
    """Measures how long `Store.transaksi` (the lock) is held."""

    def __init__(self) -> None:
        self.detik = 0.0
        self._asli = Store.transaksi

    def __enter__(self) -> "Kunci":
        asli, ukur = self._asli, self

        @contextlib.contextmanager
        def transaksi(store):  # type: ignore[no-untyped-def]
            t0 = time.perf_counter()
            try:
                with asli(store) as tx:
                    yield tx
            finally:
                ukur.detik += time.perf_counter() - t0
        Store.transaksi = transaksi  # type: ignore[method-assign]
        return self

    def __exit__(self, *exc: object) -> None:
        Store.transaksi = self._asli  # type: ignore[method-assign]


def sekali(folder: Path, jenis: str, berkas: Path) -> tuple[float, float]:
    sesi = folder / f"sesi-{time.monotonic_ns()}.json"
    store = persiapan.buat_sesi(str(sesi), kecamatan="Uji", kota="Kota Uji", tahun=2028, tanggal="2027-02-09",
                                tempat="Aula", kelurahan=KELURAHAN, pelaku=Pelaku("bench", "operator"))
    with Kunci() as kunci:
        t0 = time.perf_counter()
        hasil = impor(store, jenis, berkas)
        total = time.perf_counter() - t0
    assert hasil.jumlah > 0
    return total, kunci.detik


def ukur(folder: Path, jenis: str, berkas: Path, ulang: int) -> str:
    hasil = [sekali(folder, jenis, berkas) for _ in range(ulang)]
    total = statistics.median(h[0] for h in hasil)
    kunci = statistics.median(h[1] for h in hasil)
    return f"| {berkas.name} | {total:.2f} s | {kunci:.2f} s |"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("baris", nargs="*", type=int, default=[1000, 5000, 20000])
    ap.add_argument("--ulang", type=int, default=3, help="rounds per file (median shown)")
    ap.add_argument("--xlsx", type=int, default=5000, help="rows of the xlsx compared with the same CSV")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        folder = Path(d)
        print("| berkas | impor (median) | kunci ditahan |\n| --- | --- | --- |")
        for n in args.baris:
            print(ukur(folder, "usulan", tulis_csv(folder / f"usulan-{n}.csv", KOLOM_USULAN, baris_usulan(n)),
                       args.ulang), flush=True)
            print(ukur(folder, "peserta", tulis_csv(folder / f"peserta-{n}.csv", KOLOM_PESERTA, baris_peserta(n)),
                       args.ulang), flush=True)
        if args.xlsx:
            rows = baris_usulan(args.xlsx)
            print(ukur(folder, "usulan", tulis_csv(folder / f"usulan-{args.xlsx}.csv", KOLOM_USULAN, rows),
                       args.ulang), flush=True)
            print(ukur(folder, "usulan", tulis_xlsx(folder / f"usulan-{args.xlsx}.xlsx", KOLOM_USULAN, rows),
                       args.ulang), flush=True)


if __name__ == "__main__":
    main()
