"""Scores and ranking per kelompok, computed exactly (fractions) and explained in words (docs/tata-cara.md
section 4; README.md, "Cara menilai dan mengurutkan").

- The criteria of an usulan are those of its criteria set (`sesi.set_kriteria.set_usulan`).
- A cell's value (`sel`): the consensus value if set; else the values of the listed penilai of the kelompok
  (`penilai_kelompok`), averaged or summed as the session chose (`Info.gabung_penilai`). A cell that not
  every listed penilai has scored is incomplete (default), or (`Info.nilai_kurang` "rata-rata-hadir")
  takes the mean of those present in place of each missing value, with a mark ("2/3 penilai").
- total = sum(bobot x nilai) / sum(bobot) over the usulan's set, exact; rounded only for display.
- Order: total descending; then each criterion's value, criteria taken by bobot descending (equal bobot:
  the order they were defined), descending; then the kelurahan's own priority ascending; then perkiraan
  biaya ascending (unknown last); then entry order. Neighbours separated only by entry order are "seri".
- How firm the order is: `sesi/kepekaan.py` (per neighbour pair, the smallest change of one criterion's
  weight that swaps them, solved exactly).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from math import lcm
from operator import itemgetter
from typing import Mapping

from .data import Data
from .model import (
    GABUNG_PENILAI, STATUS_DISISIHKAN, Kriteria, Usulan, label_status,
)
from .nilai import nilai_angka, teks_nilai_skor
from .set_kriteria import SetKriteria, nama_set, set_dipakai, set_per_usulan, set_usulan

Angka = int | Fraction


@dataclass(frozen=True, slots=True)
class Sel:
    """One cell (usulan x kriteria) as the ranking reads it."""

    nilai: Angka | None  # the value the total uses; None while empty or incomplete
    ada: int = 0  # listed penilai who gave a value (0 for a consensus value)
    perlu: int = 0  # listed penilai
    konsensus: bool = False
    sebagian: Angka | None = None  # the mean of the values given so far (shown while incomplete)

    @property
    def kurang(self) -> bool:
        """Scored by fewer than the listed penilai (incomplete, or completed by the mean with a mark)."""
        return not self.konsensus and 0 < self.ada < self.perlu

    @property
    def tanda(self) -> str:
        """"2/3 penilai" for a cell fewer than the listed penilai scored; "" otherwise."""
        return f"{self.ada}/{self.perlu} penilai" if self.kurang else ""


_KOSONG = Sel(None)


def aturan_penilai(data: Data) -> tuple[str, str]:
    """(how several penilai's values combine, what a missing value means), as the session chose."""
    info = data.info
    gabung = info.gabung_penilai if info.gabung_penilai in GABUNG_PENILAI else "rata-rata"
    kurang = info.nilai_kurang if info.nilai_kurang in ("belum-lengkap", "rata-rata-hadir") else "belum-lengkap"
    return gabung, kurang


def penilai_terdaftar(data: Data, kelompok_id: str) -> tuple[str, ...] | None:
    """The penilai the session listed for a kelompok (or for every kelompok); None when none is listed."""
    daftar = data.info.penilai or {}
    nama = daftar.get(kelompok_id) or daftar.get("")
    return tuple(nama) if nama else None


def penilai_kelompok(data: Data, kelompok_id: str) -> tuple[str, ...]:
    """The listed penilai of a kelompok: those the session listed, else everyone who has given a value to
    an usulan of the kelompok (sorted). Every listed penilai must score a cell for it to be complete."""
    terdaftar = penilai_terdaftar(data, kelompok_id)
    if terdaftar is not None:
        return terdaftar
    return peringkat_kelompok(data, kelompok_id).penilai


def hitung_sel(cell: Mapping[str, int | str], penilai: tuple[str, ...], gabung: str, kurang: str) -> Sel:
    """A cell's value from its raw values {penilai ("" = consensus): value} under the session's rule.

    With "jumlah", a consensus value counts as given by every listed penilai (value x their number), so
    rows compare on one footing. A value from a penilai who is not listed is left out."""
    n = len(penilai)
    if "" in cell:
        v = nilai_angka(cell[""])
        return Sel(v * n if gabung == "jumlah" and n else v, 0, n, True)
    ada = [nilai_angka(v) for p, v in cell.items() if p in penilai]
    a = len(ada)
    if not a:
        return _KOSONG if not n else Sel(None, 0, n)
    jumlah = sum(ada)
    rata = Fraction(jumlah, a) if a > 1 else Fraction(jumlah)
    rata = rata.numerator if rata.denominator == 1 else rata
    if a == n:
        return Sel(jumlah if gabung == "jumlah" else rata, a, n)
    if kurang == "belum-lengkap":
        return Sel(None, a, n, sebagian=rata)
    v = rata * n if gabung == "jumlah" else rata
    if isinstance(v, Fraction) and v.denominator == 1:
        v = v.numerator
    return Sel(v, a, n, sebagian=rata)


def sel(data: Data, usulan_id: str, kode: str) -> Sel:
    """One cell under the session's rule: its value, how many of the listed penilai scored it."""
    kid = data.kelompok_usulan.get(usulan_id, "")
    # One lookup per cell for what the whole kelompok shares (the matrix asks for thousands of cells).
    penilai, gabung, kurang = data._cached("sel:" + kid, _DEPS,
                                           lambda: (penilai_kelompok(data, kid), *aturan_penilai(data)))
    return hitung_sel(data.nilai_mentah(usulan_id, kode), penilai, gabung, kurang)


def tanda_sel(data: Data, usulan_id: str, kode: str) -> str:
    """"2/3 penilai" when fewer than the listed penilai scored the cell, else "": the one mark the matrix
    and every ranking export show for such a cell."""
    return sel(data, usulan_id, kode).tanda


def nilai_sel(data: Data, usulan_id: str, kode: str) -> Angka | None:
    """A cell's value, exact: an int, a Fraction (a mean), or None when missing or incomplete."""
    return sel(data, usulan_id, kode).nilai


def nilai_usulan(data: Data, usulan_id: str) -> dict[str, Angka | None]:
    return {k.kode: nilai_sel(data, usulan_id, k.kode) for k in set_usulan(data, usulan_id).kriteria}


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
    tanda: Mapping[str, str] = field(default_factory=dict)  # kode -> "2/3 penilai" (`Sel.tanda`)
    set_kunci: tuple[str, str] = ("", "")  # the criteria set that scored it

    @property
    def dinilai(self) -> bool:
        return self.peringkat is not None


@dataclass
class Peringkat:
    kelompok_id: str
    kelompok_nama: str
    baris: list[Baris] = field(default_factory=list)
    #: The listed penilai the cells were computed with (`penilai_kelompok`).
    penilai: tuple[str, ...] = ()
    #: usulan id -> (sort key or None when not ranked, values, total, reason, marks, penilai who scored it,
    #: set key): what the next revision reuses for the usulan whose scores did not change.
    _hitungan: dict[str, tuple] = field(default_factory=dict, repr=False, compare=False)
    #: (upper usulan id, lower usulan id) -> (upper values, lower values, crossing or None): the firmness of
    #: a neighbour pair, reused by the next revision while both rows keep the same values (`kepekaan`).
    _pasangan: dict[tuple[str, str], tuple] = field(default_factory=dict, repr=False, compare=False)
    #: What the next revision patches from (`peringkat_tambal`): the ranked rows' sort keys ((key, entry
    #: order), position in the kelompok's usulan list), parallel to the first rows of `baris`; the
    #: kelompok's weights and rule; row positions; how many rows each penilai scored (None until asked).
    _urut: list[tuple] = field(default_factory=list, repr=False, compare=False)
    _param: tuple | None = field(default=None, repr=False, compare=False)
    _pos: dict[str, int] | None = field(default=None, repr=False, compare=False)
    _oleh: dict[str, int] | None = field(default=None, repr=False, compare=False)
    #: (weak reference to the ranking this one was patched from, usulan id -> its Baris here for every row
    #: whose Baris may differ from that one's); None when ranked from scratch.
    _asal: tuple | None = field(default=None, repr=False, compare=False)
    #: Derived results of this very ranking, kept while it is shared by later revisions (`sesi.urutan`).
    _turunan: dict[str, tuple] = field(default_factory=dict, repr=False, compare=False)

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


def _kunci(u: Usulan, nilai: dict[str, Angka | None], pembanding: Angka, pemisah: list[Kriteria], lebar: int):
    """Sort key: the total over one denominator for the kelompok (`pembanding`), each criterion by weight
    (padded with 0 to the widest set of the kelompok), priority, cost."""
    biaya = u.biaya
    per = [-(nilai[k.kode] or 0) for k in pemisah]
    per += [0] * (lebar - len(per))
    return (
        -pembanding,
        tuple(per),
        u.prioritas_kelurahan,
        (0, biaya) if biaya is not None else (1, Decimal(0)),
    )


def _penentu(a: tuple, b: tuple, pemisah: list[Kriteria]) -> str:
    """Which step of the rule separated two neighbours (a ranked before b; `pemisah`: a's set)."""
    if a[0] != b[0]:
        return ""
    for i in range(len(a[1])):
        if a[1][i] != b[1][i]:
            return f"nilai {pemisah[i].kode}" if i < len(pemisah) else f"nilai kriteria ke-{i + 1}"
    if a[2] != b[2]:
        return "prioritas kelurahan"
    if a[3] != b[3]:
        return "perkiraan biaya"
    return "urutan masuk"


#: What the ranking depends on: a change to any of these tables is a new ranking ("sesi" holds the rule).
_DEPS = ("skor", "usulan", "kriteria", "kelompok", "sesi")


def peringkat_kelompok(data: Data, kelompok_id: str) -> Peringkat:
    """Rank the usulan of one kelompok; the set-aside and incomplete ones follow, with the reason.

    Computed once per revision and kelompok (the result is shared: do not modify it).
    """
    return data._cached("peringkat:" + kelompok_id, _DEPS, lambda: _hitung_peringkat(data, kelompok_id))


def _baris_usulan(u: Usulan, s: SetKriteria, w: list[int], jumlah_bobot: int, index, penilai: tuple[str, ...],
                  gabung: str, kurang: str, pemisah: list[Kriteria], lebar: int, faktor: int, disisihkan: str):
    """One usulan's (sort key or None, values, total, reason, marks, penilai who scored it, set key)."""
    kriteria = s.kriteria
    uid = u.id
    sel_mentah = [index.get((uid, k.kode)) for k in kriteria]
    if all(c is not None and len(c) == 1 and "" in c for c in sel_mentah):
        # Every cell holds a consensus value only (the common case): what `hitung_sel` gives for each,
        # without a Sel per cell (ranking 2,136 rows from scratch at start).
        kali = len(penilai) if gabung == "jumlah" and penilai else 1
        nilai = {k.kode: (nilai_angka(c[""]) * kali if kali != 1 else nilai_angka(c[""]))  # type: ignore[index]
                 for k, c in zip(kriteria, sel_mentah)}
        tanda: dict[str, str] = {}
        oleh: frozenset[str] = frozenset()
        sel_u: dict[str, Sel] = {}
    else:
        sel_u = {k.kode: hitung_sel(c or {}, penilai, gabung, kurang) for k, c in zip(kriteria, sel_mentah)}
        nilai = {kode: c.nilai for kode, c in sel_u.items()}
        tanda = {kode: c.tanda for kode, c in sel_u.items() if c.tanda}
        oleh = frozenset(p for c in sel_mentah if c for p in c if p)
    lengkap = bool(kriteria) and jumlah_bobot > 0 and all(v is not None for v in nilai.values())
    pembilang = sum(wi * nilai[k.kode] for wi, k in zip(w, kriteria)) if lengkap else 0  # type: ignore[misc]
    tot = Fraction(pembilang, jumlah_bobot) if lengkap else None
    alasan = disisihkan
    if not alasan and tot is None:
        if not kriteria:
            alasan = "belum ada kriteria"
        else:
            kosong = [f"{k.kode} {sel_u[k.kode].tanda}" if sel_u[k.kode].tanda else k.kode
                      for k in kriteria if nilai[k.kode] is None]
            alasan = "belum lengkap (" + ", ".join(kosong) + " belum dinilai)"
    urut = None
    if not alasan:
        urut = (_kunci(u, nilai, pembilang * faktor, pemisah, lebar), u.urutan)  # type: ignore[arg-type]
    return (urut, nilai, tot, alasan, tanda, oleh, s.kunci)


def _hitung_peringkat(data: Data, kelompok_id: str) -> Peringkat:
    # A revision that changed only scores, none of them this kelompok's (another kelompok's fasilitator
    # typed): the ranking is the one before (shared and never modified). The warnings rank every kelompok
    # after each keystroke; this keeps that to the kelompok that changed.
    sebelum = data.sebelumnya("peringkat:" + kelompok_id)
    if sebelum is not None:
        milik = data.kelompok_usulan
        ubah_di_sini = [uid for uid in sebelum[1] if milik.get(uid) == kelompok_id]
        if not ubah_di_sini:
            return sebelum[0]
        # A few rows changed: move them in the sorted order instead of ranking every row again.
        from .peringkat_tambal import tambal

        hasil = tambal(data, kelompok_id, sebelum[0], ubah_di_sini)
        if hasil is not None:
            return hasil
    kel = data.kelompok_dari_id(kelompok_id)
    usulan = data.usulan_kelompok(kelompok_id)
    semua_per = set_per_usulan(data)
    set_per = {u.id: semua_per[u.id] for u in usulan}
    sets = {s.kunci: s for s in set_per.values()}
    bobot = {kunci: bobot_bulat(list(s.kriteria)) for kunci, s in sets.items()}
    # Totals of rows of different sets compare as integers over one denominator (the sets' weight sums'
    # least common multiple): each row's weighted sum times L / its set's weight sum.
    penyebut = lcm(*(j for _, j in bobot.values() if j)) if any(j for _, j in bobot.values()) else 1
    faktor = {kunci: (penyebut // j if j else 0) for kunci, (_, j) in bobot.items()}
    pemisah_per = {kunci: urutan_kriteria_pemisah(list(s.kriteria)) for kunci, s in sets.items()}
    lebar = max((len(s.kriteria) for s in sets.values()), default=0)
    gabung, kurang = aturan_penilai(data)
    index = data.skor_index
    terdaftar = penilai_terdaftar(data, kelompok_id)
    # A revision that changed only some scores reuses the other rows' values (and their Baris, where
    # the place did not change) from the one before, unless the listed penilai changed.
    lama, ubah = (sebelum[0]._hitungan, sebelum[1]) if sebelum is not None else ({}, frozenset())
    baris_lama = {b.usulan.id: b for b in sebelum[0].baris} if sebelum is not None else {}
    if terdaftar is not None:
        penilai = terdaftar
    else:
        # Everyone who scored an usulan of the kelompok: the rows that did not change say who scored them.
        oleh: set[str] = set()
        for u in usulan:
            h = lama.get(u.id) if u.id not in ubah else None
            if h is not None:
                oleh |= h[5]
            else:
                oleh.update(p for k in set_per[u.id].kriteria for p in index.get((u.id, k.kode), {}) if p)
        penilai = tuple(sorted(oleh, key=lambda p: (p.casefold(), p)))
    if sebelum is not None and sebelum[0].penilai != penilai:
        lama = {}
    hasil = Peringkat(kelompok_id, kel.nama if kel else kelompok_id, penilai=penilai)
    if sebelum is not None:  # only scores changed: the weights are the same, pairs of unchanged rows hold
        hasil._pasangan = sebelum[0]._pasangan
    ranked: list[tuple[tuple, Usulan, dict, Fraction, dict, tuple]] = []
    rest: list[tuple[Usulan, dict, Fraction | None, str, dict, tuple]] = []
    hitungan: dict[str, tuple] = {}
    for pos, u in enumerate(usulan):
        h = lama.get(u.id) if u.id not in ubah else None
        if h is None:
            s = set_per[u.id]
            w, jumlah_bobot = bobot[s.kunci]
            h = _baris_usulan(u, s, w, jumlah_bobot, index, penilai, gabung, kurang, pemisah_per[s.kunci], lebar,
                              faktor[s.kunci], alasan_disisihkan(data, u))
        hitungan[u.id] = h
        urut, nilai, tot, alasan, tanda, _, kunci = h
        if alasan:
            rest.append((u, nilai, tot, alasan, tanda, kunci))
        else:
            # (sort key, position): the position breaks what the key leaves equal as a stable sort would.
            ranked.append(((urut, pos), u, nilai, tot, tanda, kunci))
    ranked.sort(key=itemgetter(0))
    seri = [False] * len(ranked)
    penentu = [""] * len(ranked)
    for i in range(1, len(ranked)):
        a, b = ranked[i - 1][0][0][0], ranked[i][0][0][0]
        penentu[i] = _penentu(a, b, pemisah_per[ranked[i - 1][5]])
        if a == b:
            seri[i - 1] = seri[i] = True
    for i, (_, u, nilai, tot, tanda, kunci) in enumerate(ranked):
        b = baris_lama.get(u.id)
        if b is None or b.nilai is not nilai or (b.peringkat, b.seri, b.penentu) != (i + 1, seri[i], penentu[i]):
            b = Baris(u, nilai, tot, peringkat=i + 1, seri=seri[i], penentu=penentu[i], tanda=tanda, set_kunci=kunci)
        hasil.baris.append(b)
    for u, nilai, tot, alasan, tanda, kunci in rest:
        b = baris_lama.get(u.id)
        if b is None or b.nilai is not nilai or b.peringkat is not None or b.alasan != alasan:
            b = Baris(u, nilai, tot, alasan=alasan, tanda=tanda, set_kunci=kunci)
        hasil.baris.append(b)
    hasil._hitungan = hitungan
    hasil._urut = [r[0] for r in ranked]
    hasil._param = (bobot, faktor, pemisah_per, lebar, gabung, kurang)
    return hasil


def peringkat_semua(data: Data) -> list[Peringkat]:
    return [peringkat_kelompok(data, k.id) for k in data.kelompok]


def aturan_urutan(data: Data, kelompok_id: str | None = None) -> str:
    """The tie-break rule in words, naming the criteria in the order they apply (those of the default set,
    or of each set a kelompok uses)."""
    from .sebutan import wilayah_kecil

    sets = set_dipakai(data, kelompok_id) if kelompok_id is not None else []
    if len(sets) > 1:
        kode = "; ".join(f"{nama_set(data, s.kunci)}: " + ", ".join(k.kode for k in urutan_kriteria_pemisah(
            list(s.kriteria))) for s in sets)
    else:
        kriteria = list(sets[0].kriteria) if sets else data.kriteria
        kode = ", ".join(k.kode for k in urutan_kriteria_pemisah(kriteria)) or "-"
    return (
        "Urutan ditetapkan menurut nilai total tertimbang, dari yang terbesar. Bila nilai total sama, "
        f"dibandingkan nilai tiap kriteria menurut bobot terbesar lebih dahulu ({kode}), dari yang "
        f"terbesar; bila masih sama, menurut prioritas {wilayah_kecil(data)} (angka kecil lebih dahulu); lalu menurut "
        "perkiraan biaya (yang lebih kecil lebih dahulu, tanpa biaya paling akhir); terakhir menurut "
        "urutan masuk data. Usulan yang hanya dibedakan oleh urutan masuk ditandai \"seri\" untuk "
        "diputuskan forum."
    )


# --- totals on a 0-100 scale ----------------------------------------------------------------------------

def total_100(data: Data, b: Baris) -> Fraction | None:
    """The total as a percentage of the highest total the usulan's set allows: sum(bobot x nilai / tertinggi)
    / sum(bobot) x 100, where a criterion's highest value is its scale's maximum (times the listed
    penilai when their values are summed). Exact; None when the row has no total."""
    if b.total is None:
        return None
    s = set_usulan(data, b.usulan)
    gabung, _ = aturan_penilai(data)
    kali = max(len(penilai_kelompok(data, data.kelompok_usulan.get(b.usulan.id, ""))), 1) if gabung == "jumlah" else 1
    jumlah = sum((k.bobot_pecahan for k in s.kriteria), Fraction(0))
    if not jumlah:
        return None
    bagian = sum((k.bobot_pecahan * Fraction(b.nilai[k.kode]) / (k.skala_maks * kali)  # type: ignore[arg-type]
                  for k in s.kriteria), Fraction(0))
    return bagian / jumlah * 100


def teks_total(data: Data, b: Baris) -> str:
    """A row's total as shown: two decimals ("8,50"), followed by the 0-100 figure when the session asks
    ("8,50 (85,00/100)"); "" for no total."""
    if b.total is None:
        return ""
    if not data.info.total_100:
        return bulat(b.total)
    return f"{bulat(b.total)} ({bulat(total_100(data, b))}/100)"


def uraian_set(data: Data, s: SetKriteria) -> str:
    """One set in words: "Set bawaan sesi: K1 Kesesuaian (bobot 0,4; skala 1-10), ..."."""
    def skala(k: Kriteria) -> str:
        langkah = "" if k.langkah_pecahan == 1 else f", langkah {teks_nilai_skor(k.langkah_pecahan)}"
        return f"skala {k.skala_min}-{k.skala_maks}{langkah}"
    isi = "; ".join(f"{k.kode} {k.nama} (bobot {k.bobot.replace('.', ',')}, {skala(k)})" for k in s.kriteria)
    nama = nama_set(data, s.kunci)
    return f"{nama[0].upper()}{nama[1:]}: {isi or 'belum ada kriteria'}."


def uraian_penilai(data: Data, kelompok_id: str) -> str:
    """How the values of several penilai were treated, in words (one sentence)."""
    gabung, kurang = aturan_penilai(data)
    penilai = penilai_kelompok(data, kelompok_id)
    if not penilai:
        return "Setiap sel berisi nilai hasil musyawarah."
    daftar = f"{len(penilai)} penilai ({', '.join(penilai)})"
    teks = (f"Setiap sel berisi nilai hasil musyawarah, atau nilai {daftar} yang {GABUNG_PENILAI[gabung]}"
            + (" (nilai musyawarah dihitung sebagai nilai setiap penilai)" if gabung == "jumlah" else "") + ". ")
    if kurang == "belum-lengkap":
        teks += ("Sel yang belum dinilai oleh semua penilai dinyatakan belum lengkap, dan usulannya belum "
                 "diperingkat sampai sel itu lengkap.")
    else:
        teks += ("Nilai penilai yang tidak memberi nilai diganti dengan rata-rata penilai yang memberi nilai; sel "
                 "seperti itu ditandai dengan jumlah penilainya (misalnya \"2/3 penilai\").")
    return teks


def uraian_aturan(data: Data, kelompok_id: str) -> list[str]:
    """The scoring rule of one kelompok in words, for Lampiran VI: the criteria sets it used, how penilai
    values combine and what a missing one means, the total, the tie-break rule."""
    out = []
    sets = set_dipakai(data, kelompok_id) or [set_untuk_bawaan(data)]
    for s in sets:
        out.append(uraian_set(data, s))
    out.append(uraian_penilai(data, kelompok_id))
    total = ("Nilai total = jumlah (bobot x nilai setiap kriteria) dibagi jumlah bobot, dihitung eksak dan "
             "dibulatkan dua desimal untuk tampilan")
    if data.info.total_100:
        total += "; ditampilkan pula pada skala 0-100 (persen dari nilai tertinggi yang mungkin)"
    out.append(total + ".")
    out.append(aturan_urutan(data, kelompok_id))
    return out


def set_untuk_bawaan(data: Data) -> SetKriteria:
    from .set_kriteria import BAWAAN, semua_set

    return semua_set(data)[BAWAAN]
