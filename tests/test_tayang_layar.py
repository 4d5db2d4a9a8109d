"""The projector's views at 80x24 and 60x20 (issue 15, item 5): with --ascii nothing above U+007F (its
tables and scroll bar too), and the Footer whole with keys written the one way ("q", not "^q")."""

from __future__ import annotations

import pytest

from screens.tayang import TayangApp
from sesi.store import Store
from sesi.transaksi import Pelaku
from tests.layar import baris_layar, tunggu

TAMPILAN = ["kehadiran", "peringkat", "kesepakatan"]


def tayang(path, tampilan: str, ascii: bool = False) -> TayangApp:
    return TayangApp(Store.buka(path, pelaku=Pelaku("tayangan", "tayang")), tampilan=tampilan, ascii=ascii)


@pytest.mark.parametrize("ukuran", [(80, 24), (60, 20)], ids=["80x24", "60x20"])
@pytest.mark.parametrize("tampilan", TAMPILAN)
async def test_tayang_ascii_dan_kaki_utuh(demo, tampilan, ukuran):
    app = tayang(demo, tampilan, ascii=True)
    async with app.run_test(size=ukuran) as pilot:
        await tunggu(pilot, lambda: "MUSRENBANG" in "".join(baris_layar(app)))
        await pilot.pause()
        baris = baris_layar(app)
        bukan = sorted({c for b in baris for c in b if ord(c) > 0x7F})
        assert not bukan, bukan
        kaki = baris[-1].strip()
        assert kaki.startswith("q Keluar") and kaki.endswith("0 Ikuti tahap"), kaki
