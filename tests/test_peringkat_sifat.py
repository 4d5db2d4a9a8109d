"""Property test of the ranking rule (docs/tata-cara.md section 4), on random sessions built as raw tables:
criteria sets per jenis with random weights and scales, several penilai summed or averaged, missing
values under either rule, equal totals, priorities and costs drawn from small ranges so that every
tie-break step is reached.

For every kelompok: the order is total (ranks 1..n, each complete usulan once), deterministic (the same
from the tables shuffled), and each pair of neighbours is ordered by the first step of the rule that
separates them: total (exact, descending); criterion values by weight (descending, each usulan in its
own set); kelurahan priority (ascending); perkiraan biaya (ascending, unknown last); entry order; the
pair is "seri" exactly when only entry order separates them.
"""

from __future__ import annotations

import random
from decimal import Decimal
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from sesi.data import Data
from sesi.kepekaan import kepekaan
from sesi.peringkat import (
    hitung_sel,
    peringkat_kelompok,
    urutan_kriteria_pemisah,
)
from sesi.set_kriteria import set_usulan

PENILAI = ("Ana", "Budi", "Cici")


@st.composite
def sesi_acak(draw):
    sets = {"": draw(st.integers(1, 3))}
    if draw(st.booleans()):
        sets["fisik"] = draw(st.integers(1, 3))
    kriteria = {}
    for jenis, n in sets.items():
        for i in range(n):
            kode = f"K{i + 1}"
            lo = draw(st.sampled_from([0, 1]))
            rec = {"kode": kode, "nama": kode, "bobot": str(draw(st.sampled_from(["1", "2", "0.5", "1"]))),
                   "skala_min": lo, "skala_maks": lo + 2, "urutan": i + 1, "kelompok": "", "jenis": jenis,
                   "langkah": "1"}
            kriteria[kode if not jenis else f"{kode}@@{jenis}"] = rec
    n_usulan = draw(st.integers(1, 9))
    usulan, skor = {}, {}
    gabung = draw(st.sampled_from(["rata-rata", "jumlah"]))
    kurang = draw(st.sampled_from(["belum-lengkap", "rata-rata-hadir"]))
    for i in range(n_usulan):
        uid = f"U{i + 1:03d}"
        jenis = draw(st.sampled_from(["fisik", "non-fisik"]))
        usulan[uid] = {"id": uid, "kelurahan": "A", "prioritas_kelurahan": draw(st.integers(1, 2)),
                       "kegiatan": uid, "bidang": "Infrastruktur", "jenis": jenis, "urutan": i + 1,
                       "perkiraan_biaya": draw(st.sampled_from(["", "100", "200"]))}
        s = sets.get(jenis, sets[""])
        kunci_jenis = jenis if jenis in sets else ""
        for j in range(s):
            kode = f"K{j + 1}"
            rec = kriteria[kode if not kunci_jenis else f"{kode}@@{kunci_jenis}"]
            if draw(st.booleans()):
                skor[f"{uid}|{kode}|"] = {"usulan": uid, "kriteria": kode,
                                          "nilai": draw(st.integers(rec["skala_min"], rec["skala_maks"]))}
            else:
                for p in PENILAI:
                    if draw(st.integers(0, 9)):  # now and then a value is missing
                        skor[f"{uid}|{kode}|{p}"] = {"usulan": uid, "kriteria": kode, "penilai": p,
                                                     "nilai": draw(st.integers(rec["skala_min"], rec["skala_maks"]))}
    info = {"kecamatan": "X", "kota": "Y", "tahun": 2028, "tanggal": "2027-02-09", "tempat": "Z",
            "gabung_penilai": gabung, "nilai_kurang": kurang}
    return {"sesi": {"info": info}, "kriteria": kriteria, "usulan": usulan, "skor": skor, "kelompok": {}}


def _acak(raw: dict, seed: int) -> dict:
    """The same tables, each with its records in another order."""
    rng = random.Random(seed)
    out = {}
    for name, table in raw.items():
        items = list(table.items())
        rng.shuffle(items)
        out[name] = dict(items)
    return out


def _kunci_biaya(b):
    biaya = b.usulan.perkiraan_biaya
    return (0, Decimal(biaya)) if biaya else (1, Decimal(0))


@settings(max_examples=150, deadline=None)
@given(sesi_acak(), st.integers(0, 1000))
def test_urutan_total_deterministik_dan_mengikuti_aturan(raw, seed):
    data = Data(raw, 1)
    kid = "bidang:Infrastruktur"
    per = peringkat_kelompok(data, kid)
    # Total: every usulan once; ranked ones numbered 1..n.
    assert sorted(b.usulan.id for b in per.baris) == sorted(raw["usulan"])
    assert [b.peringkat for b in per.diperingkat] == list(range(1, len(per.diperingkat) + 1))
    # Complete exactly when every criterion of its set has a value under the session's rule.
    penilai = per.penilai
    gabung, kurang = raw["sesi"]["info"]["gabung_penilai"], raw["sesi"]["info"]["nilai_kurang"]
    for b in per.baris:
        s = set_usulan(data, b.usulan)
        sel = {k.kode: hitung_sel(data.nilai_mentah(b.usulan.id, k.kode), penilai, gabung, kurang) for k in s.kriteria}
        assert b.dinilai == all(c.nilai is not None for c in sel.values())
        if b.dinilai:
            w = sum(k.bobot_pecahan for k in s.kriteria)
            assert b.total == sum(k.bobot_pecahan * sel[k.kode].nilai for k in s.kriteria) / w
    # Deterministic: the same from the tables in another order.
    lain = peringkat_kelompok(Data(_acak(raw, seed), 1), kid)
    assert [(b.usulan.id, b.peringkat, b.seri, b.total, b.penentu) for b in lain.baris] == \
        [(b.usulan.id, b.peringkat, b.seri, b.total, b.penentu) for b in per.baris]
    # Each pair of neighbours: the first step that separates them decides, in the documented order.
    rows = per.diperingkat
    for a, b in zip(rows, rows[1:]):
        if a.total != b.total:
            assert a.total > b.total and b.penentu == ""
            continue
        va = [a.nilai[k.kode] for k in urutan_kriteria_pemisah(list(set_usulan(data, a.usulan).kriteria))]
        vb = [b.nilai[k.kode] for k in urutan_kriteria_pemisah(list(set_usulan(data, b.usulan).kriteria))]
        n = max(len(va), len(vb))
        va += [0] * (n - len(va))
        vb += [0] * (n - len(vb))
        if va != vb:
            i = next(i for i in range(n) if va[i] != vb[i])
            assert va[i] > vb[i] and b.penentu.startswith("nilai ")
        elif a.usulan.prioritas_kelurahan != b.usulan.prioritas_kelurahan:
            assert a.usulan.prioritas_kelurahan < b.usulan.prioritas_kelurahan
            assert b.penentu == "prioritas kelurahan"
        elif _kunci_biaya(a) != _kunci_biaya(b):
            assert _kunci_biaya(a) < _kunci_biaya(b) and b.penentu == "perkiraan biaya"
        else:
            assert a.usulan.urutan < b.usulan.urutan and b.penentu == "urutan masuk" and a.seri and b.seri
    # Seri exactly where only entry order separates a row from a neighbour.
    for i, r in enumerate(rows):
        bawah = rows[i + 1].penentu if i + 1 < len(rows) else ""
        assert r.seri == (r.penentu == "urutan masuk" or bawah == "urutan masuk")
    # Firmness: each crossing found really equalises the two totals (checked by recomputing them).
    for k in kepekaan(data, kid):
        if k is None:
            continue
        p = k.persen / 100 * (1 if k.arah == "naik" else -1)
        tot = {}
        for uid in (k.usulan_atas, k.usulan_bawah):
            b = next(x for x in rows if x.usulan.id == uid)
            s = set_usulan(data, b.usulan)
            w = {x.kode: x.bobot_pecahan * ((1 + p) if s.kunci == k.set_kunci and x.kode == k.kriteria else 1)
                 for x in s.kriteria}
            tot[uid] = sum(w[c] * Fraction(b.nilai[c]) for c in w) / sum(w.values())
        assert tot[k.usulan_atas] == tot[k.usulan_bawah]
