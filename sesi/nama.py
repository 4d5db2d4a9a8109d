"""Matching names of desa/kelurahan, SKPD and bidang as people write them (docs/impor.md, "Nama").

Keys (`str -> str`, never raising):
- `kunci(teks)`: casefolded, accents and punctuation removed, runs of spaces as one ("Surgi  Mufti." ->
  "surgi mufti");
- `kunci_wilayah(teks)`: also without a leading "Kel." / "Kelurahan" / "Desa" / "Ds." and with
  "Sei"/"Sui"/"S." read as "Sungai" ("Kel. Sei Jingah" -> "sungai jingah");
- `kunci_skpd(teks)`: a known SKPD abbreviation or full name -> one key ("DPUPR", "Dinas PUPR", "Dinas
  Pekerjaan Umum dan Penataan Ruang" -> "dinas pupr"); `SKPD_DIKENAL` lists them (Banjarmasin's SKPD,
  docs/impor.md and ../shared/DOMAIN.md).

`Pencocok(nama, kunci_fn)` finds a name of a known list: `cari(teks) -> Cocok` with the known name when the
keys are equal, else a suggestion (rapidfuzz `WRatio` at least `AMBANG_SARAN`, the best one) for "maksud
Anda 'Surgi Mufti'?". Lookups are cached per distinct text, so a 20,000-row file with 14 desa costs 14
fuzzy searches.

`BIDANG_BAKU` are the four usual groups of the Sidang Kelompok; `SKPD_BIDANG` the bidang a known SKPD
belongs to by default (a session keeps its own edited copy, `sesi.impor.pemetaan`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Callable, Iterable

from rapidfuzz import fuzz, process

AMBANG_SARAN = 85  # rapidfuzz WRatio (0-100) from which a close name is suggested

BIDANG_BAKU = ("Infrastruktur dan Kewilayahan", "Ekonomi", "Sosial Budaya", "Pemerintahan")

#: Canonical SKPD name -> other ways it is written (abbreviations and full names).
SKPD_DIKENAL: dict[str, tuple[str, ...]] = {
    "Dinas PUPR": ("DPUPR", "PUPR", "Dinas PU", "DPU", "Dinas Pekerjaan Umum dan Penataan Ruang",
                   "Dinas Pekerjaan Umum", "Dinas PU dan Penataan Ruang"),
    "Dinas Kesehatan": ("Dinkes", "Dinas Kes"),
    "Dinas Pendidikan": ("Disdik", "Dispendik", "Dinas Pendidikan dan Kebudayaan", "Disdikbud"),
    "Dinas Sosial": ("Dinsos",),
    "Disperkim": ("Dinas Perkim", "Dinas Perumahan dan Kawasan Permukiman", "Dinas Perumahan Rakyat dan "
                  "Kawasan Permukiman", "DPRKP", "Disperkimtan"),
    "DLH": ("Dinas Lingkungan Hidup", "Dinas LH"),
    "Dishub": ("Dinas Perhubungan",),
    "Disperdagin": ("Dinas Perdagangan dan Perindustrian", "Disperindag", "Dinas Perindustrian dan "
                    "Perdagangan"),
    "DKP3": ("Dinas Ketahanan Pangan, Pertanian dan Perikanan", "Dinas Ketahanan Pangan Pertanian dan "
             "Perikanan"),
    "Diskominfotik": ("Dinas Komunikasi, Informatika dan Statistik", "Diskominfo",
                      "Dinas Komunikasi dan Informatika", "Kominfo"),
    "DP3A": ("Dinas Pemberdayaan Perempuan dan Perlindungan Anak", "DPPPA", "DP3AKB"),
    "Disbudporapar": ("Dinas Kebudayaan, Kepemudaan, Olahraga dan Pariwisata", "Disporapar", "Dispar",
                      "Dinas Pariwisata"),
    "BPBD": ("Badan Penanggulangan Bencana Daerah",),
    "Damkar": ("Dinas Pemadam Kebakaran dan Penyelamatan", "Disdamkarmat", "Dinas Damkar", "DPKP"),
    "Bappedalitbang": ("Bappeda", "Badan Perencanaan Pembangunan Daerah", "Bappelitbangda", "Bapelitbangda"),
    "Dinas Koperasi dan UMKM": ("Diskop", "Diskopumkm", "Diskop UKM", "Dinas Koperasi"),
    "Disnaker": ("Dinas Tenaga Kerja", "Disnakertrans"),
    "Disdukcapil": ("Dinas Kependudukan dan Pencatatan Sipil", "Dukcapil"),
    "Dinas Pertanian": ("Distan",),
    "Kecamatan": ("Kantor Kecamatan",),
}

#: The bidang a known SKPD's usulan go to by default (editable per session).
SKPD_BIDANG: dict[str, str] = {
    "Dinas PUPR": "Infrastruktur dan Kewilayahan", "Disperkim": "Infrastruktur dan Kewilayahan",
    "DLH": "Infrastruktur dan Kewilayahan", "Dishub": "Infrastruktur dan Kewilayahan",
    "BPBD": "Infrastruktur dan Kewilayahan", "Damkar": "Infrastruktur dan Kewilayahan",
    "Dinas Kesehatan": "Sosial Budaya", "Dinas Pendidikan": "Sosial Budaya", "Dinas Sosial": "Sosial Budaya",
    "DP3A": "Sosial Budaya", "Disbudporapar": "Sosial Budaya", "Disdukcapil": "Pemerintahan",
    "Disperdagin": "Ekonomi", "DKP3": "Ekonomi", "Dinas Koperasi dan UMKM": "Ekonomi", "Disnaker": "Ekonomi",
    "Dinas Pertanian": "Ekonomi", "Diskominfotik": "Pemerintahan", "Bappedalitbang": "Pemerintahan",
    "Kecamatan": "Pemerintahan",
}

_BUKAN_HURUF = re.compile(r"[\W_]+")
_AWALAN_WILAYAH = re.compile(r"^(?:kelurahan|kel|desa|ds|kampung|nagari|gampong)\s+")
_SUNGAI = re.compile(r"^(?:sei|sui|s|sungei)\s+")


def kunci(teks: object) -> str:
    """Casefold, accents and punctuation removed, single spaces."""
    s = unicodedata.normalize("NFKD", "" if teks is None else str(teks)[:500])
    s = "".join(c for c in s if not unicodedata.combining(c))
    return _BUKAN_HURUF.sub(" ", s.casefold()).strip()


def kunci_wilayah(teks: object) -> str:
    """A desa/kelurahan name's key: `kunci` without a Kel./Kelurahan/Desa prefix, Sei/Sui as Sungai."""
    k = _AWALAN_WILAYAH.sub("", kunci(teks))
    return _SUNGAI.sub("sungai ", k)


def jenis_wilayah(teks: object) -> str:
    """'desa' or 'kelurahan' when the name's prefix says so ("Desa Hanum", "Kel. Kuin Utara"), else ''."""
    k = kunci(teks)
    if re.match(r"^(?:desa|ds)\s", k):
        return "desa"
    if re.match(r"^(?:kelurahan|kel)\s", k):
        return "kelurahan"
    return ""


def tanpa_awalan(teks: str) -> str:
    """The name without a leading "Kel." / "Kelurahan" / "Desa" / "Ds." as written ("Desa Hanum" -> "Hanum")."""
    return re.sub(r"^\s*(?:kelurahan|kel\.?|desa|ds\.?)\s+", "", teks, flags=re.IGNORECASE).strip() or teks


_SKPD_KUNCI: dict[str, str] = {}
for _nama, _lain in SKPD_DIKENAL.items():
    for _t in (_nama, *_lain):
        _SKPD_KUNCI[kunci(_t)] = _nama


def skpd_baku(teks: object) -> str:
    """The canonical name of a known SKPD ("DPUPR" -> "Dinas PUPR"), or '' when not known."""
    return _SKPD_KUNCI.get(kunci(teks), "")


def kunci_skpd(teks: object) -> str:
    baku = skpd_baku(teks)
    return kunci(baku) if baku else kunci(teks)


@dataclass(frozen=True)
class Cocok:
    nama: str = ""  # the known name when the keys are equal
    saran: str = ""  # else the closest known name, if close enough


class Pencocok:
    """Looks names up in a known list by key, suggesting the closest one when none is equal."""

    def __init__(self, nama: Iterable[str], kunci_fn: Callable[[object], str] = kunci):
        self.kunci_fn = kunci_fn
        self.dikenal: dict[str, str] = {}
        for n in nama:
            self.dikenal.setdefault(kunci_fn(n), n)
        self._cache: dict[str, Cocok] = {}

    def tambah(self, nama: str) -> None:
        self.dikenal.setdefault(self.kunci_fn(nama), nama)
        self._cache.clear()

    def __len__(self) -> int:
        return len(self.dikenal)

    def cari(self, teks: object) -> Cocok:
        k = self.kunci_fn(teks)
        hit = self._cache.get(k)
        if hit is not None:
            return hit
        if k in self.dikenal:
            hit = Cocok(nama=self.dikenal[k])
        elif k and self.dikenal:
            best = process.extract(k, list(self.dikenal), scorer=fuzz.WRatio, score_cutoff=AMBANG_SARAN, limit=2)
            # Two names equally close ("Alalak" for Alalak Selatan/Utara): no suggestion rather than a guess.
            jelas = best and (len(best) == 1 or best[0][1] > best[1][1])
            hit = Cocok(saran=self.dikenal[best[0][0]]) if jelas else Cocok()
        else:
            hit = Cocok()
        if len(self._cache) < 100_000:
            self._cache[k] = hit
        return hit


__all__ = ["AMBANG_SARAN", "BIDANG_BAKU", "Cocok", "Pencocok", "SKPD_BIDANG", "SKPD_DIKENAL", "jenis_wilayah",
           "kunci", "kunci_skpd", "kunci_wilayah", "skpd_baku", "tanpa_awalan"]
