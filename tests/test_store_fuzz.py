"""Bounded fuzz of the session file (issue 10, item 7): one field of the demo session changed at a time,
then every command that reads a session run on it, in process.

Each mutation swaps the type of one field (text to number, list or null; number to text, fraction,
29 or 41 digits, NaN; text to '' or '1e999999999'; a list or object emptied, made 60 levels deep, or given a wrong element inside), or
deletes it, in any table, in `sesi.info` and in `_meta`. The file is written as the session and as its
backup, then `periksa`, `ekspor peringkat`/`daftar-hadir`/`berita-acara`, `impor usulan` of a small valid
CSV and `pulihkan --ya` run on it. For each: the exit status is 0 or 1 (never 3, "kesalahan tak
terduga"), nothing printed looks like a traceback, and when the status is 1 the session's bytes are
unchanged. The default run takes a fixed sample of `CONTOH` mutations (seed `BENIH`); `MUSRENBANG_LAMA=1`
runs every mutation (docs/keandalan.md, "Keamanan").
"""

from __future__ import annotations

import copy
import json
import math
import random
import signal
from pathlib import Path
from typing import Any, Iterator

from helpers_store import LAMA

from musrenbang_tui import cli

BENIH = 10
CONTOH = 200
BATAS_DETIK = 10  # one command on one mutated demo file; unbounded work (a loop to 10**29) fails here
_KOSONG = object()  # "delete the key"

CSV_USULAN = ("id;kelurahan;prioritas_kelurahan;kegiatan;skpd;bidang\n"
              "FZ-001;Alalak Utara;9;Uji fuzz titian;Dinas PUPR;Infrastruktur dan Kewilayahan\n")


class _Lama(BaseException):
    """Raised by the alarm: a command ran longer than BATAS_DETIK (a BaseException, so the CLI's own
    `except Exception` cannot turn it into exit 3)."""


def _alarm(*_: Any) -> None:
    raise _Lama()


def _dalam(n: int) -> Any:
    value: Any = "dasar"
    for _ in range(n):
        value = [value]
    return value


def _ganti_jenis(value: Any) -> list[Any]:
    """Values of the wrong kind (or the right kind with absurd content) for `value`."""
    if isinstance(value, bool):
        return [1, "ya", None]
    if isinstance(value, int):
        return ["7", 1.5, None, 10**40, 10**29, -1, True, math.nan]
    if isinstance(value, str):
        return [123, ["x"], None, {}, True, "", "1e999999999"]
    if isinstance(value, list):
        return ["x", [123], [None], {}, _dalam(60)]
    if isinstance(value, dict):
        return [[], "x", {"x": 123}, None]
    return ["x", 12, None, _dalam(60)]


def _daun(value: Any, rng: random.Random) -> list[Any] | None:
    """A path to one leaf inside a nested list/dict value (None when there is none)."""
    path: list[Any] = []
    while isinstance(value, (dict, list)) and value:
        key = rng.choice(list(value)) if isinstance(value, dict) else rng.randrange(len(value))
        path.append(key)
        value = value[key]
    return path or None


def _semua_mutasi(obj: dict) -> Iterator[tuple[str, tuple, Any]]:
    """(label, path, new value or _KOSONG) for every field of one record per table and field name."""
    rng = random.Random(BENIH)
    for key, value in obj["_meta"].items():
        for baru in [*_ganti_jenis(value), _KOSONG]:
            yield f"_meta.{key}", ("_meta", key), baru
    for table, records in obj.items():
        if table == "_meta" or not isinstance(records, dict):
            continue
        dilihat: set[str] = set()
        for rid, rec in records.items():
            for field, value in rec.items():
                if field in dilihat:
                    continue
                dilihat.add(field)
                label = f"{table}.{rid}.{field}"
                for baru in [*_ganti_jenis(value), _KOSONG]:
                    yield label, (table, rid, field), baru
                daun = _daun(value, rng)
                if daun is not None:
                    inner = value
                    for k in daun:
                        inner = inner[k]
                    for baru in _ganti_jenis(inner)[:3]:
                        yield f"{label}.{'.'.join(map(str, daun))}", (table, rid, field, *daun), baru
        if records:
            rid = next(iter(records))
            yield f"{table}.{rid} bukan objek", (table, rid), "x"


def _terapkan(obj: dict, path: tuple, baru: Any) -> bytes:
    obj = copy.deepcopy(obj)
    target = obj
    for k in path[:-1]:
        target = target[k]
    if baru is _KOSONG:
        del target[path[-1]]
    else:
        target[path[-1]] = baru
    return json.dumps(obj, ensure_ascii=False, indent=1).encode("utf-8")


def _mutasi_terpilih(obj: dict) -> list[tuple[str, tuple, Any]]:
    """Every mutation with MUSRENBANG_LAMA=1; else CONTOH of them, taken in turn from each table (each
    table's list shuffled with BENIH), so every table is tried."""
    semua = list(_semua_mutasi(obj))
    if LAMA:
        return semua
    rng = random.Random(BENIH)
    per_tabel: dict[str, list] = {}
    for m in semua:
        per_tabel.setdefault(m[1][0], []).append(m)
    for daftar in per_tabel.values():
        rng.shuffle(daftar)
    terpilih: list = []
    while len(terpilih) < min(CONTOH, len(semua)):
        for daftar in per_tabel.values():
            if daftar and len(terpilih) < CONTOH:
                terpilih.append(daftar.pop())
    return terpilih


PERINTAH = [
    ["periksa"],
    ["ekspor", "peringkat"],
    ["ekspor", "daftar-hadir"],
    ["ekspor", "berita-acara"],
    ["impor", "usulan", "{berkas}", "{csv}"],
    ["pulihkan", "{berkas}", "--ya"],
]


def _argv(perintah: list[str], berkas: str, csv: str) -> list[str]:
    if "{berkas}" not in perintah:
        return [*perintah, berkas]
    return [a.format(berkas=berkas, csv=csv) for a in perintah]


def test_satu_kolom_diubah_tidak_pernah_kesalahan_tak_terduga(tmp_path, _demo_asli, capsys, monkeypatch):
    """No mutation of one field makes any command exit 3 or print a traceback; a refusal (exit 1)
    leaves the session's bytes as they were."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))  # a crash log, if any, stays here
    lama_alarm = signal.signal(signal.SIGALRM, _alarm)
    try:
        _jalankan(tmp_path, _demo_asli, capsys)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, lama_alarm)


def _jalankan(tmp_path, _demo_asli, capsys) -> None:
    obj = json.loads(_demo_asli)
    csv = tmp_path / "usulan.csv"
    csv.write_text(CSV_USULAN, encoding="utf-8")
    berkas = tmp_path / "sesi.json"
    gagal: list[str] = []
    kode_dilihat = {0: 0, 1: 0}
    mutasi = _mutasi_terpilih(obj)
    assert len(mutasi) >= min(CONTOH, 150)
    for label, path, baru in mutasi:
        isi = _terapkan(obj, path, baru)
        for perintah in PERINTAH:
            for p in tmp_path.glob("sesi.json*"):
                p.unlink()
            berkas.write_bytes(isi)
            Path(str(berkas) + ".bak").write_bytes(isi)
            signal.alarm(BATAS_DETIK)
            try:
                kode = cli.main(_argv(perintah, str(berkas), str(csv)))
            except _Lama:
                kode = "lebih dari %d detik" % BATAS_DETIK
            finally:
                signal.alarm(0)
            out = capsys.readouterr()
            teks = out.out + out.err
            nama = f"{label} = {str(baru)[:30] if baru is not _KOSONG else '(dihapus)'}: {' '.join(perintah)}"
            if kode not in (0, 1):
                gagal.append(f"{nama}: keluar {kode}: {out.err.strip()[-200:]}")
            elif "Traceback" in teks or 'File "' in teks:
                gagal.append(f"{nama}: mencetak traceback")
            elif kode == 1 and berkas.read_bytes() != isi:
                gagal.append(f"{nama}: ditolak tetapi berkas sesi berubah")
            else:
                kode_dilihat[kode] += 1
    assert not gagal, f"{len(gagal)} dari {len(mutasi) * len(PERINTAH)} percobaan:\n" + "\n".join(gagal[:40])
    assert kode_dilihat[1] > 0 and kode_dilihat[0] > 0  # both refusals and valid mutations were tried
    assert not (tmp_path / "state").exists(), "kesalahan tak terduga tercatat di log"


def test_mutasi_mencakup_setiap_tabel(_demo_asli):
    """The sample covers every non-empty table of the demo and `_meta`, so no table goes unfuzzed."""
    obj = json.loads(_demo_asli)
    tabel = {path[0] for _, path, _ in _mutasi_terpilih(obj)}
    diharapkan = {t for t, v in obj.items() if t == "_meta" or (isinstance(v, dict) and v)}
    assert diharapkan <= tabel, diharapkan - tabel
