"""Known kelurahan of a kecamatan, so a new session starts with its list (Kota Banjarmasin for now)."""

from __future__ import annotations

from .data import normal

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


def kelurahan_dikenal(kota: str, kecamatan: str) -> list[str]:
    """The kelurahan of a kecamatan the app knows ([] if unknown)."""
    kota_n = normal(kota).removeprefix("kota ")
    kec_n = normal(kecamatan).removeprefix("kecamatan ")
    return list(KELURAHAN.get((kota_n, kec_n), []))
