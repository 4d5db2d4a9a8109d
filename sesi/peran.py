"""Who may make each kind of change: terminal roles (`--peran`) per kind of action.

Shape: `BOLEH[kind] -> tuple of role keys` (the roles of `sesi.model.PERAN`); an action calls
`tx.wajib_peran(*BOLEH[kind])`, which raises `PeranTidakBerwenang` for any other role. "tayang" changes
nothing. Roles prevent mistakes, they are not a security boundary: file permissions are (README.md, "Peran").
"""

from __future__ import annotations

#: Which terminal roles may do each kind of change ("tayang" changes nothing).
BOLEH: dict[str, tuple[str, ...]] = {
    "persiapan": ("operator", "pimpinan"),
    "pendaftaran": ("operator", "pimpinan", "notulen"),
    "catatan": ("operator", "pimpinan", "notulen"),
    "kelompok": ("operator", "pimpinan", "fasilitator"),
    "skor": ("operator", "pimpinan", "fasilitator"),
    "pleno": ("operator", "pimpinan"),
    "tanggapan": ("operator", "pimpinan", "notulen"),
    "tahap": ("operator", "pimpinan", "fasilitator", "notulen"),
    "pengesahan": ("pimpinan",),
}

__all__ = ["BOLEH"]
