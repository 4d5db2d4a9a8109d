"""`periksa` on large sessions (issue 10): wall time of the command, and where the time goes.

    python bench/periksa_besar.py                 # 1000 and 5000 usulan, 5 runs each
    python bench/periksa_besar.py 1000 --ulang 9

Each session comes from bench/data_besar.py (N usulan, every cell scored: about 6 history entries per usulan,
each score its own entry, as a keystroke makes it) and is signed once through the CLI, so the run covers every
step: load, hash chain, history replay against the data, rules, the fingerprint, the berita acara, and the
paper code (`--sidik-jari`). The command runs as the user runs it (`python -m musrenbang_tui periksa ...`);
the phases are timed in-process on the same file. Target: under 0.5 s at 1,000 usulan.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.pty_alat import PYTHON, ROOT, env_python, median, sesi_besar  # noqa: E402

TARGET_DETIK = 0.5


def _jalan(argv: list[str], env: dict[str, str]) -> tuple[float, subprocess.CompletedProcess]:
    t = time.perf_counter()
    r = subprocess.run(argv, capture_output=True, env=env, cwd=str(ROOT))
    return time.perf_counter() - t, r


def tahap(path: str) -> dict[str, float]:
    """Seconds per phase of `periksa`, in-process."""
    from sesi import periksa as p
    from sesi.riwayat import periksa_rantai
    from sesi.store import Store

    out: dict[str, float] = {}
    t = time.perf_counter()
    data = Store(path).muat()
    out["muat (JSON, skema)"] = time.perf_counter() - t
    entri = list(data.raw.get("riwayat", {}).values())
    for nama, fn in (("rantai hash", lambda: periksa_rantai(entri)),
                     ("putar ulang + banding", lambda: p.periksa_putar_ulang(data, entri)),
                     ("jenis + aturan", lambda: (p.periksa_jenis(data), p.periksa_aturan(data))),
                     ("pengesahan (sidik jari)", lambda: p.periksa_pengesahan(data)),
                     ("berita acara", lambda: p._periksa_dokumen(data))):
        t = time.perf_counter()
        fn()
        out[nama] = time.perf_counter() - t
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("usulan", nargs="*", type=int, default=[1000, 5000])
    ap.add_argument("--ulang", type=int, default=5)
    args = ap.parse_args()
    env = env_python()
    folder = tempfile.mkdtemp(prefix="musrenbang-bench-periksa-")
    try:
        for n in args.usulan:
            sumber = sesi_besar(folder, n)
            sah = os.path.join(folder, f"sah-{n}.json")
            shutil.copyfile(sumber, sah)
            _, r = _jalan([PYTHON, "-m", "musrenbang_tui", "sahkan", sah, "--nama", "Camat"], env)
            kode = re.search(r"Sidik jari: (\S+)", r.stdout.decode()).group(1)
            n_entri = len(__import__("json").loads(Path(sah).read_text())["riwayat"])
            mb = os.path.getsize(sah) / 1e6
            print(f"\n{n} usulan: {mb:.1f} MB, {n_entri} entri riwayat")
            for label, argv in (("periksa (rancangan)", ["periksa", sumber]),
                                ("periksa (disahkan)", ["periksa", sah]),
                                ("periksa --sidik-jari", ["periksa", sah, "--sidik-jari", kode])):
                kali = []
                for _ in range(args.ulang):
                    dt, r = _jalan([PYTHON, "-m", "musrenbang_tui", *argv], env)
                    if r.returncode != 0:
                        raise SystemExit(f"{label} gagal ({r.returncode}): {r.stderr.decode()[-400:]}")
                    kali.append(dt)
                m = median(kali)
                tanda = "" if n != 1000 else ("  (target < 0.5 s: ya)" if m < TARGET_DETIK else "  (target: TIDAK)")
                print(f"  {label:<24} median {m:.3f} s  (min {min(kali):.3f}){tanda}")
            fase = [tahap(sah) for _ in range(max(1, args.ulang // 2))]
            for k in fase[0]:
                print(f"    {k:<26} {median([f[k] for f in fase]):.3f} s")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
