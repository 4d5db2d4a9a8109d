"""Scores and ranking per kelompok, computed exactly (fractions) and explained in words.

- A cell's value is the consensus value if set, else the mean of the individual penilai's values.
- total = sum(bobot x nilai) / sum(bobot), exact; rounded only for display.
- Order: total descending; then each criterion's value, criteria taken by bobot descending (equal bobot:
  the order they were defined), descending; then the kelurahan's own priority ascending; then perkiraan
  biaya ascending (unknown last); then entry order. Neighbours separated only by entry order are "seri".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from math import lcm
from operator import itemgetter

from .data import Data
from .model import STATUS_DISISIHKAN, Kriteria, Usulan, label_status


def _nilai_dari_sel(cell: dict[str, int]) -> int | Fraction | None:
    """Consensus value (an int) if set, else the exact mean of the penilai's values, else None."""
    if "" in cell:
        return cell[""]
    individual = [v for p, v in cell.items() if p]
    if not individual:
        return None
    if len(individual) == 1:
        return individual[0]
    return Fraction(sum(individual), len(individual))


def nilai_sel(data: Data, usulan_id: str, kode: str) -> int | Fraction | None:
    """A cell's value, exact: an int, a Fraction (a mean), or None when missing."""
    return _nilai_dari_sel(data.nilai_mentah(usulan_id, kode))


def nilai_usulan(data: Data, usulan_id: str) -> dict[str, int | Fraction | None]:
    index = data.skor_index
    return {k.kode: _nilai_dari_sel(index.get((usulan_id, k.kode), {})) for k in data.kriteria}


def bobot_bulat(kriteria: list[Kriteria]) -> tuple[list[int], int]:
    """The weights scaled to integers with the same ratios, and their sum (exact: decimals become ints)."""
    fr = [k.bobot_pecahan for k in kriteria]
    den = lcm(*(f.denominator for f in fr)) if fr else 1
    w = [int(f * den) for f in fr]
    return w, sum(w)


def total(kriteria: list[Kriteria], nilai: dict[str, int | Fraction | None]) -> Fraction | None:
    """Weighted mean; None while any criterion has no value."""
    if not kriteria or any(nilai.get(k.kode) is None for k in kriteria):
        return None
    w, jumlah = bobot_bulat(kriteria)
    if jumlah == 0:
        return None
    return Fraction(sum(wi * nilai[k.kode] for wi, k in zip(w, kriteria))) / jumlah  # type: ignore[operator]


def urutan_kriteria_pemisah(kriteria: list[Kriteria]) -> list[Kriteria]:
    """Criteria in the order they break ties: bobot descending, then as defined."""
    return sorted(kriteria, key=lambda k: (-k.bobot_pecahan, k.urutan))


def bulat(value: Fraction | None, digits: int = 2) -> str:
    """Round half up for display, with a decimal comma ("4,35"); "" for no value."""
    if value is None:
        return ""
    # Exact: a Decimal division would round at 28 digits first and could turn 0.00499... into 0.005.
    # Integer arithmetic on numerator and denominator (no intermediate Fractions: this runs per row).
    f = value if type(value) in (int, Fraction) else Fraction(value)
    num, den = f.numerator, f.denominator
    q, r = divmod(abs(num) * 10**digits, den)
    if 2 * r >= den:
        q += 1
    text = str(q).rjust(digits + 1, "0")
    sign = "-" if num < 0 and q else ""
    return sign + (text[:-digits] + "," + text[-digits:] if digits else text)


def bulat_titik(value: Fraction | None, digits: int = 2) -> str:
    """As `bulat`, with a decimal point (for CSV)."""
    return bulat(value, digits).replace(",", ".")


@dataclass(frozen=True, slots=True)
class Baris:
    """One usulan in a kelompok's ranking."""

    usulan: Usulan
    nilai: dict[str, Fraction | None]
    total: Fraction | None
    peringkat: int | None = None  # None when not ranked
    seri: bool = False  # separated from a neighbour only by entry order
    alasan: str = ""  # why it is not ranked
    penentu: str = ""  # what decided its place against the row above (when not the total)

    @property
    def dinilai(self) -> bool:
        return self.peringkat is not None


@dataclass
class Peringkat:
    kelompok_id: str
    kelompok_nama: str
    baris: list[Baris] = field(default_factory=list)
    #: usulan id -> (sort key or None when not ranked, values, total, reason): what the next revision
    #: reuses for the usulan whose scores did not change.
    _hitungan: dict[str, tuple] = field(default_factory=dict, repr=False, compare=False)

    @property
    def diperingkat(self) -> list[Baris]:
        return [b for b in self.baris if b.peringkat is not None]

    @property
    def tidak_diperingkat(self) -> list[Baris]:
        return [b for b in self.baris if b.peringkat is None]

    @property
    def ada_seri(self) -> bool:
        return any(b.seri for b in self.baris)


def alasan_disisihkan(data: Data, u: Usulan) -> str:
    """Why verification set this usulan aside ("" when it takes part in the ranking)."""
    if u.status not in STATUS_DISISIHKAN:
        return ""
    label = label_status(u.status).lower()
    if u.status == "digabung":
        tujuan = data.usulan.get(u.digabung_ke)
        return f"digabung ke {u.digabung_ke}" + (f" ({tujuan.kegiatan})" if tujuan else "")
    return f"{label}: {u.alasan}" if u.alasan else label


def _kunci(u: Usulan, nilai: dict[str, int | Fraction | None], pembilang: int | Fraction,
           pemisah: list[Kriteria]):
    """Sort key: the weighted sum (same denominator for every row), each criterion, priority, cost."""
    biaya = u.biaya
    return (
        -pembilang,
        tuple(-(nilai[k.kode] or 0) for k in pemisah),
        u.prioritas_kelurahan,
        (0, biaya) if biaya is not None else (1, Decimal(0)),
    )


def _penentu(a: tuple, b: tuple, pemisah: list[Kriteria]) -> str:
    """Which step of the rule separated two neighbours (a ranked before b)."""
    if a[0] != b[0]:
        return ""
    for i, k in enumerate(pemisah):
        if a[1][i] != b[1][i]:
            return f"nilai {k.kode}"
    if a[2] != b[2]:
        return "prioritas kelurahan"
    if a[3] != b[3]:
        return "perkiraan biaya"
    return "urutan masuk"


def peringkat_kelompok(data: Data, kelompok_id: str) -> Peringkat:
    """Rank the usulan of one kelompok; the set-aside and incomplete ones follow, with the reason.

    Computed once per revision and kelompok (the result is shared: do not modify it).
    """
    return data._cached("peringkat:" + kelompok_id, ("skor", "usulan", "kriteria", "kelompok"),
                        lambda: _hitung_peringkat(data, kelompok_id))


def _hitung_peringkat(data: Data, kelompok_id: str) -> Peringkat:
    kel = data.kelompok_dari_id(kelompok_id)
    hasil = Peringkat(kelompok_id, kel.nama if kel else kelompok_id)
    kriteria = data.kriteria
    pemisah = urutan_kriteria_pemisah(kriteria)
    w, jumlah_bobot = bobot_bulat(kriteria)
    index = data.skor_index
    ranked: list[tuple[tuple, Usulan, dict, Fraction]] = []
    rest: list[tuple[Usulan, dict, Fraction | None, str]] = []
    # A revision that changed only some scores reuses the other rows' values (and their Baris, where
    # the place did not change) from the one before.
    sebelum = data.sebelumnya("peringkat:" + kelompok_id)
    lama, ubah = (sebelum[0]._hitungan, sebelum[1]) if sebelum is not None else ({}, frozenset())
    baris_lama = {b.usulan.id: b for b in sebelum[0].baris} if sebelum is not None else {}
    hitungan: dict[str, tuple] = {}
    for u in data.usulan_kelompok(kelompok_id):
        h = lama.get(u.id) if u.id not in ubah else None
        if h is None:
            nilai = {k.kode: _nilai_dari_sel(index.get((u.id, k.kode), {})) for k in kriteria}
            lengkap = bool(kriteria) and jumlah_bobot > 0 and all(v is not None for v in nilai.values())
            pembilang = sum(wi * nilai[k.kode] for wi, k in zip(w, kriteria)) if lengkap else 0  # type: ignore[misc]
            tot = Fraction(pembilang) / jumlah_bobot if lengkap else None
            alasan = alasan_disisihkan(data, u)
            if not alasan and tot is None:
                kosong = [k.kode for k in kriteria if nilai.get(k.kode) is None]
                alasan = "belum lengkap (" + ", ".join(kosong) + " belum dinilai)" if kriteria else \
                    "belum ada kriteria"
            # The sort key: the rule's key, then entry order.
            urut = None if alasan else (_kunci(u, nilai, pembilang, pemisah), u.urutan)  # type: ignore[arg-type]
            h = (urut, nilai, tot, alasan)
        hitungan[u.id] = h
        urut, nilai, tot, alasan = h
        if alasan:
            rest.append((u, nilai, tot, alasan))
        else:
            ranked.append((urut, u, nilai, tot))
    ranked.sort(key=itemgetter(0))
    seri = [False] * len(ranked)
    penentu = [""] * len(ranked)
    for i in range(1, len(ranked)):
        a, b = ranked[i - 1][0][0], ranked[i][0][0]
        penentu[i] = _penentu(a, b, pemisah)
        if a == b:
            seri[i - 1] = seri[i] = True
    for i, (_, u, nilai, tot) in enumerate(ranked):
        b = baris_lama.get(u.id)
        if b is None or b.nilai is not nilai or (b.peringkat, b.seri, b.penentu) != (i + 1, seri[i], penentu[i]):
            b = Baris(u, nilai, tot, peringkat=i + 1, seri=seri[i], penentu=penentu[i])
        hasil.baris.append(b)
    for u, nilai, tot, alasan in rest:
        b = baris_lama.get(u.id)
        if b is None or b.nilai is not nilai or b.peringkat is not None or b.alasan != alasan:
            b = Baris(u, nilai, tot, alasan=alasan)
        hasil.baris.append(b)
    hasil._hitungan = hitungan
    return hasil


def peringkat_semua(data: Data) -> list[Peringkat]:
    return [peringkat_kelompok(data, k.id) for k in data.kelompok]


def aturan_urutan(data: Data) -> str:
    """The tie-break rule in words, naming the criteria in the order they apply."""
    pemisah = urutan_kriteria_pemisah(data.kriteria)
    kode = ", ".join(k.kode for k in pemisah) or "-"
    return (
        "Urutan ditetapkan menurut nilai total tertimbang, dari yang terbesar. Bila nilai total sama, "
        f"dibandingkan nilai tiap kriteria menurut bobot terbesar lebih dahulu ({kode}), dari yang "
        "terbesar; bila masih sama, menurut prioritas kelurahan (angka kecil lebih dahulu); lalu menurut "
        "perkiraan biaya (yang lebih kecil lebih dahulu, tanpa biaya paling akhir); terakhir menurut "
        "urutan masuk data. Usulan yang hanya dibedakan oleh urutan masuk ditandai \"seri\" untuk "
        "diputuskan forum."
    )
