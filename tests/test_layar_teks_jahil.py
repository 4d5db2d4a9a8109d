"""Hostile text never reaches the terminal. A participant's name, a kelompok's name and an usulan title holding
an OSC 52 clipboard write, an erase-line sequence, a right-to-left override and a zero-width space (as a file
edited elsewhere could hold them) are drawn on the Kelompok and Pleno II screens, in every part and in the
kelompok list, without one of those characters: escapes are shown as ``^[``, bidi and invisible characters
are dropped."""

from __future__ import annotations

import re
from pathlib import Path

from layar import layar_teks, tunggu
from musrenbang_tui.app import MusrenbangApp
from sesi import pleno
from sesi.store import Pelaku, Store

KEL_I = "KEL01"
#: OSC 52 (write "echo pwned" to the clipboard), CSI 2K (erase the line), RLO, zero-width space.
JAHIL = "Siti\x1b]52;c;ZWNobyBwd25lZA==\x07\x1b[2KRahma\u202eharam\u200bdi"
#: What must never be drawn: C0 (but newline), DEL, C1, bidi controls, zero-width and invisible characters.
TERLARANG = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]")


def sesi_jahil(demo: Path) -> str:
    """Put the hostile text in a member of Kelompok I (also a delegate and a signatory), the kelompok's name
    and its first usulan, the way another program could have written the file; returns the member's id."""
    store = Store.buka(demo, pelaku=Pelaku("uji", "operator"))
    d = store.data
    pid = next(p.id for p in d.anggota(KEL_I) if p.hadir)
    uid = pleno.urutan_akhir(d, KEL_I)[0].usulan.id
    with store.transaksi() as tx:
        p = tx.get("peserta", pid)
        tx.put("peserta", pid, dict(p, nama=JAHIL))
        tx.put("kelompok", KEL_I, dict(tx.get("kelompok", KEL_I), nama=f"Kelompok {JAHIL}"))
        tx.put("usulan", uid, dict(tx.get("usulan", uid), kegiatan=JAHIL))
    with store.transaksi() as tx:
        pleno.tambah_delegasi(tx, peserta=pid)
        pleno.atur_penandatangan(tx, p["unsur"], peserta=pid)
    return pid


async def lihat_semua(app: MusrenbangApp, tombol: list[str]) -> list[str]:
    """The screen after each key (each part, then the kelompok list)."""
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        layar = [layar_teks(app)]
        for t in tombol:
            await pilot.press(t)
            await pilot.pause()
            layar.append(layar_teks(app))
    return layar


def periksa(layar: list[str]) -> None:
    for teks in layar:
        assert TERLARANG.search(teks) is None, repr(TERLARANG.findall(teks))
    semua = "\n".join(layar)
    assert "Siti^[]52;c;" in semua  # shown, literally, instead of acting


async def test_layar_kelompok_tidak_meneruskan_kendali(demo):
    pid = sesi_jahil(demo)
    assert Store.buka(demo).data.peserta[pid].nama == JAHIL
    store = Store.buka(demo, pelaku=Pelaku("uji", "operator"))
    layar = await lihat_semua(MusrenbangApp(store, layar="kelompok", kelompok=KEL_I), ["1", "2", "3", "o"])
    periksa(layar)
    assert "^G^[[2KRahmaharamdi" in "\n".join(layar)  # the whole name, in the election's details


async def test_layar_pleno2_tidak_meneruskan_kendali(demo):
    sesi_jahil(demo)
    store = Store.buka(demo, pelaku=Pelaku("uji", "operator"))
    periksa(await lihat_semua(MusrenbangApp(store, layar="pleno2", kelompok=KEL_I), ["1", "2", "3", "4", "p"]))


async def test_riwayat_tidak_meneruskan_kendali(demo):
    """A display name stored raw in the history by an older file (OSC 52, erase line, RLO) is drawn on the
    history screen (Ctrl+R), in the list and in the details of the highlighted entry, as visible text."""
    store = Store.buka(demo, pelaku=Pelaku(JAHIL, "operator"))
    with store.transaksi() as tx:
        tx.put("usulan", "U001", dict(tx.get("usulan", "U001"), masalah=JAHIL))
        tx.catat("ubah data", "U001", "lama", JAHIL)
    app = MusrenbangApp(Store.buka(demo, pelaku=Pelaku("uji", "operator")), layar="persiapan")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+r")
        await tunggu(pilot, lambda: "U001" in "".join(str(w.render()) for w in app.screen.query("#rinci")),
                     apa="rincian entri riwayat terakhir (U001) tampil")
        layar = [layar_teks(app), str(app.screen.query_one("#rinci").render())]
    periksa(layar)
