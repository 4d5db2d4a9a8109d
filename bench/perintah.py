"""Non-UI commands on a large session: wall time of each, and proof that none imports Textual.

    python bench/perintah.py              # 1000 usulan, 5 runs per command
    python bench/perintah.py 5000 --ulang 3

Each command runs as the user runs it (`python -m musrenbang_tui ...`, output to /dev/null) on a
generated session whose every cell is scored (bench/data_besar.py):
    ekspor peringkat, ekspor berita-acara (md), ekspor berita-acara --format txt, periksa,
    impor usulan <a CSV of the same N usulan> into a fresh session (made with `baru` before each run, not timed),
and, for scale, `python -c pass` (the interpreter alone) and `--help`. Then each command runs once more
with `-X importtime` and the modules it imported are searched for "textual". Target (issue 7): under
0.3 s each at 1,000 usulan, and Textual never imported.
"""

from __future__ import annotations

import argparse
import csv
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.pty_alat import PYTHON, ROOT, env_python, median, persentil, sesi_besar  # noqa: E402

TARGET_DETIK = 0.3
BARU = ["baru", "{sesi_baru}", "--kecamatan", "Banjarmasin Utara", "--kota", "Banjarmasin", "--tahun", "2028",
        "--tanggal", "2027-02-09", "--tempat", "Aula Kantor Camat"]


def tulis_csv_usulan(sesi: str, path: str) -> int:
    """The session's usulan as an import CSV (the columns a kelurahan spreadsheet has)."""
    from sesi.store import Store

    data = Store.buka(sesi).data
    kolom = ["kelurahan", "prioritas_kelurahan", "kegiatan", "masalah", "lokasi", "volume", "satuan",
             "perkiraan_biaya", "jenis", "skpd", "bidang"]
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter=";")
        w.writerow(kolom)
        for u in data.usulan.values():
            w.writerow([getattr(u, k) for k in kolom])
    return len(data.usulan)




def waktu(argv: list[str], env: dict[str, str]) -> float:
    t = time.perf_counter()
    r = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=str(ROOT))
    dt = time.perf_counter() - t
    if r.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} gagal ({r.returncode}): {r.stderr.decode()[-500:]}")
    return dt


def modul_textual(argv: list[str], env: dict[str, str]) -> list[str]:
    """Modules named textual* that the command imported (-X importtime)."""
    r = subprocess.run([argv[0], "-X", "importtime", *argv[1:]], stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE, env=env, cwd=str(ROOT), text=True)
    out = []
    for line in r.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            nama = line.rsplit("|", 1)[1].strip()
            if nama.split(".")[0] == "textual":
                out.append(nama)
    return out


def ukur(n_usulan: int, ulang: int, folder: str) -> list[dict]:
    sesi = sesi_besar(folder, n_usulan)
    csv_path = os.path.join(folder, f"usulan-{n_usulan}.csv")
    tulis_csv_usulan(sesi, csv_path)
    env = env_python()
    m = [PYTHON, "-m", "musrenbang_tui"]
    perintah: list[tuple[str, list[str], bool]] = [
        ("python -c pass (interpreter)", [PYTHON, "-c", "pass"], False),
        ("musrenbang --help", m + ["--help"], False),
        ("ekspor peringkat (csv)", m + ["ekspor", "peringkat", sesi], False),
        ("ekspor berita-acara (md)", m + ["ekspor", "berita-acara", sesi], False),
        ("ekspor berita-acara (txt)", m + ["ekspor", "berita-acara", sesi, "--format", "txt"], False),
        ("periksa", m + ["periksa", sesi], False),
        (f"impor usulan ({n_usulan} rows, fresh session)", m + ["impor", "usulan", "{sesi_baru}", csv_path], True),
    ]
    rows = []
    for label, argv, baru in perintah:
        times = []
        for i in range(ulang):
            if baru:
                sesi_baru = os.path.join(folder, f"baru-{os.getpid()}-{i}.json")
                for akhir in ("", ".bak", ".lock"):
                    if os.path.exists(sesi_baru + akhir):
                        os.unlink(sesi_baru + akhir)
                waktu(m + [a.format(sesi_baru=sesi_baru) for a in BARU], env)
                argv_i = [a.format(sesi_baru=sesi_baru) for a in argv]
            else:
                argv_i = argv
            times.append(waktu(argv_i, env))
        tx = modul_textual(argv_i, env) if argv_i[:3] == m else []
        rows.append({"perintah": label, "median_s": median(times), "maks_s": persentil(times, 1.0),
                     "n": ulang, "textual": tx, "diukur": argv_i[:3] == m and label != "musrenbang --help"})
    return rows


def cetak(n_usulan: int, rows: list[dict]) -> None:
    print(f"Non-UI commands on {n_usulan} usulan (every cell scored): wall time per run")
    print(f"{'command':44} {'median s':>9} {'max s':>7} {'n':>3}  textual imported")
    for r in rows:
        tx = "-" if not r["diukur"] else ("NO" if not r["textual"] else f"YES ({len(r['textual'])} modules)")
        print(f"{r['perintah']:44} {r['median_s']:>9.3f} {r['maks_s']:>7.3f} {r['n']:>3}  {tx}")
    gagal = [r["perintah"] for r in rows if r["diukur"] and (r["median_s"] >= TARGET_DETIK or r["textual"])]
    hasil = "met" if not gagal else "NOT met: " + ", ".join(gagal)
    print(f"target: each < {TARGET_DETIK} s without Textual: {hasil}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("ukuran", nargs="?", type=int, default=1000)
    ap.add_argument("--ulang", type=int, default=5, help="runs per command (default 5)")
    ap.add_argument("--folder", default=None, help="folder for the generated files (default: a temp folder)")
    args = ap.parse_args()
    folder = args.folder or tempfile.mkdtemp(prefix="bench-perintah-")
    os.makedirs(folder, exist_ok=True)
    cetak(args.ukuran, ukur(args.ukuran, args.ulang, folder))


if __name__ == "__main__":
    main()
