"""Old import path, kept only for `sesi/pengesahan.py` (owned by another change) until it imports `BOLEH`
from `sesi.peran` and `bersih` from `sesi.teks`; then delete this file. New code must not import it."""

from .masukan import bilangan_bulat, tanggal_iso, wajib
from .peran import BOLEH
from .teks import bersih

__all__ = ["BOLEH", "bersih", "bilangan_bulat", "tanggal_iso", "wajib"]
