"""How firm a kelompok's order is (issue 14; docs/tata-cara.md section 4): for each pair of neighbours of
the ranking, the smallest change of one criterion's weight, in percent, that would swap them.

A total is sum(w_c x v_c) / sum(w_c); changing one weight moves both totals along a line-over-line, so the
crossing is solved exactly from the fractions (`Kepekaan.persen`). A pair is "goyah" when a change of less
than `BATAS_GOYAH` percent swaps it. Computed once per revision and kelompok (`Data._cached`), on the
ranking of `sesi.peringkat.peringkat_kelompok`.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from .data import Data
from .model import Kriteria
from .peringkat import _DEPS, Angka, Baris, bobot_bulat, bulat, peringkat_kelompok

# --------------------------------------------------------------------------------

#: A neighbour pair is "goyah" when a change of one weight by less than this percentage swaps it.
BATAS_GOYAH = 10


@dataclass(frozen=True, slots=True)
class Kepekaan:
    """The smallest change of one criterion's weight that swaps two neighbours of a ranking."""

    atas: int  # rank of the upper row
    usulan_atas: str
    usulan_bawah: str
    kriteria: str  # the criterion's code
    set_kunci: tuple[str, str]  # the set whose weight changes
    persen: Fraction  # the exact change (in percent of the weight) at which the two totals are equal
    arah: str  # "naik" or "turun"

    @property
    def persen_bulat(self) -> int:
        """The smallest whole percentage that swaps them (the totals are equal at `persen` itself)."""
        return self.persen.numerator // self.persen.denominator + 1

    @property
    def goyah(self) -> bool:
        """A change of `BATAS_GOYAH` percent swaps them."""
        p = self.persen  # compared as integers: asked for every neighbour pair after each keystroke
        return p.numerator < BATAS_GOYAH * p.denominator

    def teks(self) -> str:
        """"urutan 3 dan 4 bertukar bila bobot K2 naik 7%"."""
        n = self.persen_bulat
        besar = f"{n}%" if self.arah == "naik" or n < 100 else f"lebih dari {bulat(self.persen, 1)}%"
        return f"urutan {self.atas} dan {self.atas + 1} bertukar bila bobot {self.kriteria} {self.arah} {besar}"


def _pasangan_sama(ka: tuple, kb: tuple, w: list[int], kriteria: tuple[Kriteria, ...], va: dict, vb: dict,
                   selisih: Angka) -> tuple[Fraction, str, str] | None:
    """Both rows in one set: sums N over the same integer weights; a above b by `selisih` = N_a - N_b >= 0.
    Raising weight c by p (a fraction of it) changes the difference by p w_c (v_a - v_b): the swap is at
    p = selisih / (w_c |v_a - v_b|), upward where b is better, downward (only below 100%) where a is."""
    if type(selisih) is int and selisih >= 0:
        # Whole values (the common case): selisih is the same for every criterion, so the smallest p is the
        # largest w_c |v_a - v_b| (the first such criterion on a tie); one Fraction at the end.
        besar, pilih = 0, None
        for wi, k in zip(w, kriteria):
            d = va[k.kode] - vb[k.kode]
            if type(d) is not int:
                break
            q = wi * abs(d)
            if not d or (d > 0 and selisih >= q):  # no change, or downward only from 100% on
                continue
            if (q > besar) if selisih else pilih is None:  # equal totals: p = 0, the first criterion
                besar, pilih = q, (k.kode, "naik" if d < 0 else "turun")
        else:
            return None if pilih is None else (Fraction(selisih, besar), pilih[0], pilih[1])
    terbaik: tuple[Fraction, int, str, str] | None = None
    for i, (wi, k) in enumerate(zip(w, kriteria)):
        d = va[k.kode] - vb[k.kode]
        if not d:
            continue
        p = Fraction(selisih) / (wi * abs(d))
        arah = "naik" if d < 0 else "turun"
        if arah == "turun" and p >= 1:
            continue
        calon = (p, i, k.kode, arah)
        if terbaik is None or calon[:2] < terbaik[:2]:
            terbaik = calon
    return None if terbaik is None else (terbaik[0], terbaik[2], terbaik[3])


def _pasangan_beda(b_atas: Baris, b_bawah: Baris, per_set: dict) -> tuple[Fraction, str, str, tuple] | None:
    """Rows of two sets: one weight moves one total only. For a row u of set S (weights w, sum W), raising
    w_c by p moves T_u to (W T_u + p w_c v_c) / (W + p w_c); it meets the other total T at
    p = W (T - T_u) / (w_c (v_c - T)). `per_set`: set key -> (W, [(code, w_c)])."""
    terbaik = None
    for b, lain, naik_baik in ((b_atas, b_bawah, False), (b_bawah, b_atas, True)):
        jumlah, bobot = per_set[b.set_kunci]
        t, t_lain = b.total, lain.total
        selisih = jumlah * (t_lain - t)  # type: ignore[operator]
        for i, (kode, w) in enumerate(bobot):
            beda = b.nilai[kode] - t_lain  # type: ignore[operator]
            if not beda:
                continue
            if not selisih:
                # equal totals: any change in the direction that helps the lower row swaps them
                p = Fraction(0)
                arah = ("naik" if beda > 0 else "turun") if naik_baik else ("turun" if beda > 0 else "naik")
            else:
                p = selisih / (w * beda)
                arah = "naik" if p > 0 else "turun"
                p = abs(p)
            if arah == "turun" and p >= 1:
                continue
            calon = (p, 0 if b is b_atas else 1, i, kode, arah, b.set_kunci)
            if terbaik is None or calon[:3] < terbaik[:3]:
                terbaik = calon
    return None if terbaik is None else (Fraction(terbaik[0]), terbaik[3], terbaik[4], terbaik[5])


def kepekaan(data: Data, kelompok_id: str) -> list[Kepekaan | None]:
    """For each pair of neighbours of a kelompok's ranking (ranks 1-2, 2-3, ...), the smallest change of one
    criterion's weight that swaps them, solved exactly from the fractions; None when no single weight
    change does. Computed once per revision and kelompok."""
    return data._cached("kepekaan:" + kelompok_id, _DEPS, lambda: _hitung_kepekaan(data, kelompok_id))


def _hitung_kepekaan(data: Data, kelompok_id: str) -> list[Kepekaan | None]:
    per = peringkat_kelompok(data, kelompok_id)
    if "kepekaan" in per._turunan:  # the same ranking (shared by a revision that changed other kelompok)
        return per._turunan["kepekaan"]
    per._turunan["kepekaan"] = out = _kepekaan(data, per)
    return out


def _kepekaan(data: Data, per) -> list[Kepekaan | None]:
    baris = per.diperingkat
    from .set_kriteria import semua_set

    sets = semua_set(data)
    bobot = {kunci: bobot_bulat(list(s.kriteria))[0] for kunci, s in sets.items()}
    per_set = {kunci: (sum((k.bobot_pecahan for k in s.kriteria), Fraction(0)),
                       [(k.kode, k.bobot_pecahan) for k in s.kriteria]) for kunci, s in sets.items()}
    out: list[Kepekaan | None] = []
    # A pair whose two rows hold the same values as in the revision before (only scores changed since:
    # same weights) keeps its crossing; a keystroke recomputes the few pairs around the changed row.
    lama = per._pasangan
    pasangan: dict[tuple[str, str], tuple] = {}
    # A ranking patched from the one before (sesi/peringkat_tambal.py) says which ranked rows may differ
    # (`lo`..`hi`): the pairs outside are the same rows at the same ranks, whose result is the same.
    lalu = per._turunan.pop("lalu:kepekaan", None)
    awal, akhir = 1, len(baris)
    if lalu is not None and len(lalu[0]) == max(0, len(baris) - 1):
        sebelum, lo, hi = lalu
        awal, akhir = max(1, lo), min(len(baris), hi + 2)
        if awal >= akhir:
            per._pasangan = lama
            return sebelum
        out = sebelum[:awal - 1]
    for i in range(awal, akhir):
        a, b = baris[i - 1], baris[i]
        kunci_p = (a.usulan.id, b.usulan.id)
        h = lama.get(kunci_p)
        if h is not None and h[0] is a.nilai and h[1] is b.nilai:
            pasangan[kunci_p] = h
            k = h[2]
            out.append(k if k is None or k.atas == i else Kepekaan(i, *_tanpa_atas(k)))
            continue
        if a.set_kunci == b.set_kunci:
            s = sets[a.set_kunci]
            w = bobot[a.set_kunci]
            na = sum(wi * a.nilai[k.kode] for wi, k in zip(w, s.kriteria))  # type: ignore[misc]
            nb = sum(wi * b.nilai[k.kode] for wi, k in zip(w, s.kriteria))  # type: ignore[misc]
            r = _pasangan_sama((), (), w, s.kriteria, a.nilai, b.nilai, na - nb)
            hasil = None if r is None else (r[0], r[1], r[2], a.set_kunci)
        else:
            hasil = _pasangan_beda(a, b, per_set)
        if hasil is None:
            k = None
        else:
            p, kode, arah, kunci = hasil
            k = Kepekaan(i, a.usulan.id, b.usulan.id, kode, kunci, p * 100, arah)
        out.append(k)
        pasangan[kunci_p] = (a.nilai, b.nilai, k)
    if lalu is not None and (awal > 1 or akhir < len(baris)):
        out += sebelum[akhir - 1:]  # type: ignore[possibly-undefined]
        # The pairs outside stay as they were; pairs that are no longer neighbours are dropped now and
        # then (the dict is shared with the ranking before: never changed in place).
        pasangan = {**lama, **pasangan}
        if len(pasangan) > 2 * len(baris) + 64:
            tetangga = {(baris[i - 1].usulan.id, baris[i].usulan.id) for i in range(1, len(baris))}
            pasangan = {p: h for p, h in pasangan.items() if p in tetangga}
    per._pasangan = pasangan
    return out


def _tanpa_atas(k: Kepekaan) -> tuple:
    return (k.usulan_atas, k.usulan_bawah, k.kriteria, k.set_kunci, k.persen, k.arah)


def baris_goyah(data: Data, kelompok_id: str) -> frozenset[str]:
    """The usulan (ids) of the ranked rows a change of one weight by less than `BATAS_GOYAH`% would swap
    with a neighbour: the rows the matrix marks."""
    semua = kepekaan(data, kelompok_id)
    per = peringkat_kelompok(data, kelompok_id)
    sama = per._turunan.get("goyah")
    if sama is not None and sama[0] is semua:
        return sama[1]
    out: set[str] = set()
    for k in semua:
        if k is not None and k.goyah:
            out.update((k.usulan_atas, k.usulan_bawah))
    hasil = frozenset(out)
    per._turunan["goyah"] = (semua, hasil)
    return hasil


def uraian_kepekaan(data: Data, kelompok_id: str, semua: bool = False) -> list[str]:
    """Lines for Lampiran VI: the goyah neighbour pairs ("urutan 3 dan 4 bertukar bila bobot K2 naik 7%"),
    or every pair with `semua`; one line saying the order is firm when no pair is goyah."""
    daftar = [k for k in kepekaan(data, kelompok_id) if k is not None and (semua or k.goyah)]
    if not daftar:
        return [f"Tidak ada urutan bertetangga yang bertukar bila bobot satu kriteria berubah kurang dari "
                f"{BATAS_GOYAH}%."] if not semua else []
    return [k.teks()[0].upper() + k.teks()[1:] + "." for k in daftar]


# --- the rule in words, for the berita acara --------------------------------------------------------

