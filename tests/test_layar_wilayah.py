"""The screens' words for a kabupaten session whose wilayah are all desa (issue 12), through Textual's Pilot.

Every stage screen (F2 to F8) and each of its parts, on the Dayeuhluhur scenario (`skenario_desa`): no
"Kota", "Kelurahan", "Lurah" or "Wali Kota" where desa and a kabupaten are meant, and the desa words where
the screen names the wilayah. The words come from `sesi.sebutan` (docs/tata-cara.md section 2).
"""

from __future__ import annotations

import re

from layar import tunggu, layar_teks
from musrenbang_tui.app import MusrenbangApp
from sesi.model import AGENDA_TAHAP
from sesi.store import Pelaku, Store

from skenario_desa import buat_skenario_desa

SALAH = re.compile(r"(?<!ibu )\b(kota|kelurahan|lurah|wali)\b", re.IGNORECASE)  # "ibu kota kecamatan" is meant
#: The parts of a stage screen, by the digit that opens them.
BAGIAN = {"persiapan": "123456", "kelompok": "123", "pleno2": "1234"}


def salah(teks: str) -> list[str]:
    """Lines with a wrong word. The import part's list of CSV column keys ("kelurahan*",
    "prioritas_kelurahan*") names the keys a file must carry (mechanics, docs/csv.md), not the wilayah."""
    return [baris for baris in teks.splitlines() if SALAH.search(baris) and "Kolom berkas" not in baris]


async def test_setiap_layar_tahap_memakai_kata_desa_dan_kabupaten(tmp_path):
    store = buat_skenario_desa(str(tmp_path / "dyl.json"))
    store = Store.buka(store.path, pelaku=Pelaku("uji", "operator"))
    app = MusrenbangApp(store, layar="persiapan")
    dilihat: dict[str, str] = {}
    async with app.run_test(size=(120, 40)) as pilot:
        # The session's data form (Persiapan, part 1, Ctrl+E): the region fields.
        await pilot.press("ctrl+e")
        await pilot.pause()
        form = layar_teks(app)
        assert not salah(form), salah(form)
        # The form is taller than 40 rows since it holds the meeting's hours and signers: the region
        # fields are read where they are, then the form is scrolled to its end and read again.
        assert app.screen.query_one("#f-bappeda").value == "Bappelitbangda Kabupaten Cilacap"
        assert "Ibu kota kecamatan" in form
        app.screen.query_one("#f-bappeda").focus()
        def badan_tampak() -> str:
            t = layar_teks(app)
            return t if "Bappelitbangda Kabupaten Cilacap" in t else ""

        form = await tunggu(pilot, badan_tampak, apa="isian badan perencanaan tergulir ke layar")
        assert not salah(form), salah(form)
        await pilot.press("escape")
        await pilot.pause()
        for tahap in AGENDA_TAHAP:
            await pilot.press(tahap.tombol)
            await app.workers.wait_for_complete()
            await pilot.pause()
            for digit in BAGIAN.get(tahap.kunci, "-"):
                if digit != "-":
                    await pilot.press(digit)
                    await pilot.pause()
                teks = layar_teks(app)
                dilihat[f"{tahap.kunci} {digit}"] = teks
                assert not salah(teks), (tahap.kunci, digit, salah(teks))
        # The participant form names the wilayah.
        await pilot.press("f3")
        await pilot.pause()
        await pilot.press("ctrl+o")  # Pendaftaran: a walk-in participant
        await pilot.pause()
        form = layar_teks(app)
        assert not salah(form), salah(form)
        assert "Delegasi Desa" in form
        await pilot.press("escape")
    assert len(dilihat) == 6 + 1 + 1 + 3 + 1 + 4 + 1
    semua = "\n".join(dilihat.values())
    for kata in ("Kepala Desa", "Desa", "Kabupaten"):
        assert kata in semua, kata
    assert "Bappelitbangda Kabupaten Cilacap" in dilihat["persiapan 1"]
    assert "Delegasi ke Forum Perangkat Daerah / Musrenbang RKPD Kabupaten" in dilihat["pleno2 3"]
