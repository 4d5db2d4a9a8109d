"""The words a session uses for its region: desa or kelurahan, kabupaten or kota (issue 12).

One module, so that screens, CLI messages, exports and the berita acara say the same thing. Every
function takes the session (`Data`) and returns plain text; none raises for odd data (an unknown
`jenis_daerah` reads as Kota, an unknown wilayah `jenis` as kelurahan).

- The wilayah of the kecamatan (docs/tata-cara.md section 2: "lurah/kepala desa; delegasi
  desa/kelurahan"): `wilayah(data)` is "Desa", "Kelurahan" or, where the kecamatan holds both (or the
  list is not known yet in a kabupaten), "Desa/Kelurahan"; `kepala_wilayah` "Kepala Desa"/"Lurah"/"Kepala
  Desa/Lurah"; `musrenbang_wilayah`, `delegasi_wilayah`; `sebut_wilayah(data, nama)` one wilayah by its
  own jenis ("Desa Panulisan"); `label_unsur` the unsur list with those words (the key `lurah` covers
  Kepala Desa).
- The daerah (docs/tata-cara.md section 5: tembusan to "Wali Kota/Bupati, Bappeda"): `daerah` ("Kabupaten
  Cilacap"), `pemerintah_daerah`, `kepala_daerah` ("Bupati"/"Wali Kota"), `musrenbang_daerah` ("Musrenbang
  RKPD Kabupaten Cilacap"), `forum_lanjutan` (where the delegates go), `bappeda`.
- The signing: `tempat_ttd` (the ibu kota kecamatan, default the kecamatan's name), `zona`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .model import JENIS_WILAYAH, UNSUR, UNSUR_SINGKAT, ZONA

if TYPE_CHECKING:
    from .data import Data

DESA, KELURAHAN, CAMPURAN = "desa", "kelurahan", "campuran"


def _awalan(teks: str, *kata: str) -> str:
    t = teks.strip()
    for a in kata:
        if t.casefold().startswith(a + " "):
            return t[len(a) + 1:].strip()
    return t


def kabupaten(data: Data) -> bool:
    return data.info.jenis_daerah.strip().casefold() == "kabupaten"


def jenis_wilayah(data: Data) -> str:
    """'desa', 'kelurahan' or 'campuran' (both, or a kabupaten whose list is not known yet)."""
    jenis = {k.jenis if k.jenis in JENIS_WILAYAH else KELURAHAN for k in data.kelurahan}
    if len(jenis) == 1:
        return jenis.pop()
    if not jenis:
        return CAMPURAN if kabupaten(data) else KELURAHAN
    return CAMPURAN


def _pilih(data: Data, desa: str, kelurahan: str, campuran: str) -> str:
    return {DESA: desa, KELURAHAN: kelurahan}.get(jenis_wilayah(data), campuran)


def wilayah(data: Data) -> str:
    """'Desa', 'Kelurahan' or 'Desa/Kelurahan'."""
    return _pilih(data, "Desa", "Kelurahan", "Desa/Kelurahan")


def wilayah_kecil(data: Data) -> str:
    """'desa', 'kelurahan' or 'desa/kelurahan' (inside a sentence)."""
    return wilayah(data).lower()


def kepala_wilayah(data: Data) -> str:
    return _pilih(data, "Kepala Desa", "Lurah", "Kepala Desa/Lurah")


def musrenbang_wilayah(data: Data) -> str:
    return f"Musrenbang {wilayah(data)}"


def delegasi_wilayah(data: Data) -> str:
    return f"Delegasi {wilayah(data)}"


def jenis_dari_nama(data: Data, nama: str) -> str:
    """The jenis of the wilayah named `nama` ('desa'/'kelurahan'); the session's own word when unknown."""
    for k in data.kelurahan:
        if k.nama == nama:
            return k.jenis if k.jenis in JENIS_WILAYAH else KELURAHAN
    j = jenis_wilayah(data)
    return j if j != CAMPURAN else ""


def sebut_wilayah(data: Data, nama: str) -> str:
    """'Desa Panulisan', 'Kelurahan Kuin Utara' (by the record's jenis), 'Desa/Kelurahan X' if unknown."""
    j = jenis_dari_nama(data, nama)
    return f"{JENIS_WILAYAH[j] if j else 'Desa/Kelurahan'} {nama}"


def label_unsur(data: Data, key: str) -> str:
    """An unsur's label in this session's words ('Kepala Desa', 'Delegasi Desa'); unknown keys as given."""
    if key == "lurah":
        return kepala_wilayah(data)
    if key == "delegasi":
        return delegasi_wilayah(data)
    return UNSUR.get(key, key)


def label_unsur_singkat(data: Data, key: str) -> str:
    """The short label (at most 12 characters) for narrow columns ('Kades', 'Lurah', 'Lurah/Kades')."""
    if key == "lurah":
        return _pilih(data, "Kepala Desa", "Lurah", "Lurah/Kades")
    return UNSUR_SINGKAT.get(key, key)


def pilihan_unsur(data: Data) -> list[tuple[str, str]]:
    """(label, key) of every unsur in order, for a selection list."""
    return [(label_unsur(data, k), k) for k in UNSUR]


# --- the daerah --------------------------------------------------------------------------------------


def nama_daerah_saja(data: Data) -> str:
    """'Cilacap' (without 'Kota'/'Kabupaten' if the user typed it)."""
    return _awalan(data.info.kota, "kota", "kabupaten", "kab.")


def jenis_daerah(data: Data) -> str:
    return "Kabupaten" if kabupaten(data) else "Kota"


def daerah(data: Data) -> str:
    """'Kabupaten Cilacap' / 'Kota Banjarmasin'."""
    return f"{jenis_daerah(data)} {nama_daerah_saja(data)}"


def pemerintah_daerah(data: Data) -> str:
    return f"Pemerintah {daerah(data)}"


def kepala_daerah(data: Data) -> str:
    return "Bupati" if kabupaten(data) else "Wali Kota"


def musrenbang_daerah(data: Data) -> str:
    """'Musrenbang RKPD Kabupaten Cilacap'."""
    return f"Musrenbang RKPD {daerah(data)}"


def forum_lanjutan(data: Data) -> str:
    """Where the kecamatan's delegates go: 'Forum Perangkat Daerah / Musrenbang RKPD Kabupaten'."""
    return f"Forum Perangkat Daerah / Musrenbang RKPD {jenis_daerah(data)}"


def bappeda_bawaan(jenis: str, nama: str) -> str:
    """The planning agency's default name: Bappedalitbang in Kota Banjarmasin, else 'Bappeda ' + daerah."""
    badan = "Bappedalitbang" if (jenis, nama.strip().casefold()) == ("Kota", "banjarmasin") else "Bappeda"
    return f"{badan} {jenis} {nama.strip()}"


def bappeda(data: Data) -> str:
    """'Bappelitbangda Kabupaten Cilacap' as set, else the default (`bappeda_bawaan`)."""
    return data.info.bappeda.strip() or bappeda_bawaan(jenis_daerah(data), nama_daerah_saja(data))


# --- signing ------------------------------------------------------------------------------------------


def nama_kecamatan(data: Data) -> str:
    return _awalan(data.info.kecamatan, "kecamatan", "kec.")


def tempat_ttd(data: Data) -> str:
    """The place of signing: the ibu kota kecamatan, by default the kecamatan's name."""
    return data.info.ibu_kota_kecamatan.strip() or nama_kecamatan(data)


def zona(data: Data) -> str:
    """'WIB', 'WITA' or 'WIT' (WIB when not set)."""
    z = data.info.zona.strip().upper()
    return z if z in ZONA else "WIB"


__all__ = ["CAMPURAN", "DESA", "KELURAHAN", "bappeda", "bappeda_bawaan", "daerah", "delegasi_wilayah",
           "forum_lanjutan", "jenis_daerah", "jenis_dari_nama", "jenis_wilayah", "kabupaten", "kepala_daerah",
           "kepala_wilayah", "label_unsur", "label_unsur_singkat", "musrenbang_daerah", "musrenbang_wilayah",
           "nama_daerah_saja", "nama_kecamatan", "pemerintah_daerah", "pilihan_unsur", "sebut_wilayah",
           "tempat_ttd", "wilayah", "wilayah_kecil", "zona"]
