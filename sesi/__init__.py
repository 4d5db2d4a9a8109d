"""The domain of a Musrenbang Kecamatan session: model, rules, store, import, export, berita acara.

Never imports Textual (a test checks it), so the CLI and scripts stay fast.
"""

from .errors import DataDitolak, SesiError
from .store import Pelaku, Store, Transaksi

__all__ = ["DataDitolak", "Pelaku", "SesiError", "Store", "Transaksi"]
