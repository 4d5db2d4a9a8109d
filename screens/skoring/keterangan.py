"""The lines around the scoring matrix: the title line (kelompok, counts, mode) and the four lines under it
that explain the focused cell (criterion, scale, usulan, the cell's values).

Pure text builders plus `BarisInfo`, the one-line widget that shows them; the Skoring screen
(screens/skoring/layar.py) decides when to call them. Values and the ranking come from `sesi.peringkat`.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any, NamedTuple

from rich.cells import cell_len
from rich.text import Text
from textual.widget import Widget

from sesi.data import Data
from sesi.model import STATUS_DISISIHKAN, Kriteria
from sesi.peringkat import Baris, Peringkat, bulat, sel as sel_nilai, teks_total
from sesi.sebutan import wilayah_kecil
from sesi.set_kriteria import nama_set, set_usulan

from .. import glyph
from ..glyph import g
from ..teks import aman, pas
from .isi import Isi


class TombolKetik(NamedTuple):
    """The keys the lines name, as the user's keymap sets them (the screen reads them from its bindings)."""

    isi: str = "Enter"  # skoring.isi: open the value field / save the value being typed
    simpan: str = "Tab"  # skoring.simpan_ketik
    batal: str = "Esc"  # skoring.batal_ketik


class BarisInfo(Widget):
    """One line of text (and an optional right-aligned part) that repaints only when it changes."""

    DEFAULT_CSS = """
    BarisInfo { height: 1; padding: 0 1; }
    """

    def __init__(self, **kwargs: Any):
        super().__init__(**kwargs)
        self.isi = Text("")
        self.kanan = Text("")

    def atur(self, isi: Text, kanan: Text | None = None) -> None:
        kanan = kanan if kanan is not None else Text("")
        if (isi, isi.style, kanan, kanan.style) != (self.isi, self.isi.style, self.kanan, self.kanan.style):
            self.isi = isi
            self.kanan = kanan
            self.refresh()

    def render(self) -> Text:
        width = self.content_region.width or 78
        kiri = self.isi.copy()
        kiri.no_wrap = True
        ruang = max(0, width - self.kanan.cell_len - (1 if self.kanan.cell_len else 0))
        if kiri.cell_len > ruang:  # cut with the look's own ellipsis ("..." in the ASCII look)
            ell = g("ell")
            kiri.truncate(max(0, ruang - len(ell)), overflow="crop")
            kiri.append(ell)
        if not self.kanan.cell_len:
            return kiri
        return Text.assemble(kiri, " " * max(1, width - kiri.cell_len - self.kanan.cell_len), self.kanan,
                             no_wrap=True)


_ISI_BULAT: dict[tuple[int, bool], Isi] = {}


def teks_nilai(nilai: Fraction | None, rerata: bool) -> Isi:
    """A cell: the value, or a mean of penilai marked with "*" (one decimal when not whole)."""
    if nilai is None:
        return ("", "")
    if nilai.denominator == 1:  # whole values: one shared tuple each (thousands of cells hold them)
        key = (int(nilai), rerata)
        isi = _ISI_BULAT.get(key)
        if isi is None:
            angka = str(key[0])
            isi = (angka + "*", "rerata") if rerata else (angka, "")
            if len(_ISI_BULAT) < 256:
                _ISI_BULAT[key] = isi
        return isi
    angka = bulat(nilai, 1)
    return (angka + "*", "rerata") if rerata else (angka, "")


def teks_ringkas(b: Baris, goyah: bool, akhir: int | None) -> tuple[Isi, Isi]:
    """(total, rank) of a row as the matrix shows them: "4,35" and "  3~ seri" ("~": `goyah`, a change of one
    weight by less than 10% swaps it with a neighbour; "3>2": scored 3rd, `akhir` 2nd after Pleno II);
    "3/5" and "  belum" while the row is incomplete."""
    if b.peringkat is None:
        terisi = sum(1 for v in b.nilai.values() if v is not None)
        n = len(b.nilai)
        return (f"{terisi}/{n}" if n else "", "kurang"), ("  belum", "kurang")
    tempat = f"{b.peringkat}>{akhir}" if akhir is not None else f"{b.peringkat}"
    return ((bulat(b.total, 2), "total"),
            (f"{tempat:>3}" + ("~" if goyah else "") + (" seri" if b.seri else ""), "seri" if b.seri else ""))


def lebar_skala(k: Kriteria) -> bool:
    """A scale one key cannot cover (beyond 0-9 and 1-10, or with half steps): digits accumulate."""
    return k.skala_maks > 10 or k.langkah_pecahan != 1 or (k.skala_maks == 10 and k.skala_min < 1)


def teks_judul(data: Data, kid: str, per: Peringkat | None, penilai: str,
               urut_peringkat: bool) -> tuple[Text, Text]:
    """The title line: (left: the lock when Pleno II agreed the list, kelompok name, place, usulan counts,
    why it is locked; right: mode and order). The lock comes first so that a line cut at 60 columns still
    shows it."""
    kel = data.kelompok_dari_id(kid)
    dot = f" {g('dot')} "
    out = Text(no_wrap=True, overflow=glyph.potong())
    if kel is None:
        out.append("Tidak ada kelompok")
    else:
        daftar = data.kelompok
        i = next((j for j, k in enumerate(daftar) if k.id == kid), 0)
        if kel.disepakati:  # first: a cut line (80 or 60 columns) still says the scores cannot change
            out.append("terkunci", style="bold")
            out.append(dot)
        out.append(aman(kel.nama), style="bold")
        out.append(f" {i + 1}/{len(daftar)}", style="dim")
        semua = data.usulan_kelompok(kid)
        n = sum(1 for u in semua if u.status not in STATUS_DISISIHKAN)
        out.append(f"{dot}{n} usulan")
        if len(semua) > n:
            out.append(f" ({len(semua) - n} disisihkan)")
        if per is not None:
            seri = sum(1 for b in per.baris if b.seri)
            belum = n - len(per.diperingkat)
            if belum:
                out.append(f"{dot}{belum} belum lengkap")
            if seri:
                out.append(f"{dot}{seri} seri", style="bold")
        if kel.disepakati:
            out.append(f"{dot}disepakati Pleno II")
    kanan = Text(no_wrap=True)
    if penilai:
        nama = aman(penilai)
        kanan.append("Penilai: " + pas(nama, min(24, cell_len(nama))), style="bold")
    else:
        kanan.append("Mufakat")
    if urut_peringkat:
        kanan.append(f"{dot}urut peringkat")
    return out, kanan


def teks_kriteria_skala(data: Data, uid: str, kode: str, k: Kriteria | None,
                        tombol: TombolKetik = TombolKetik()) -> tuple[Text, Text]:
    """The criterion line and the scale line of the focused cell (`k` None: another set's column)."""
    dot = f" {g('dot')} "
    u = data.usulan.get(uid)
    krit = Text()
    skala = Text()
    if k is None and u is not None:
        s = set_usulan(data, uid)
        krit.append(f"{kode} ", style="bold")
        krit.append(f"tidak berlaku untuk usulan ini ({nama_set(data, s.kunci)}: {', '.join(s.kode)})")
    if k is not None and lebar_skala(k):
        krit.append(f"{k.kode} ", style="bold")
        krit.append(aman(k.nama))
        langkah = "" if k.langkah_pecahan == 1 else f", langkah {teks_nilai(k.langkah_pecahan, False)[0]}"
        krit.append(f"{dot}bobot {k.bobot}{dot}skala {k.skala_min}-{k.skala_maks}{langkah}", style="dim")
        skala.append(f"Nilai {k.skala_min} sampai {k.skala_maks}{langkah}: ketik angka"
                     + (" (koma untuk ,5)" if langkah else "") + f", {tombol.isi}/{tombol.simpan} simpan, {tombol.batal} batal")
    elif k is not None:
        krit.append(f"{k.kode} ", style="bold")
        krit.append(aman(k.nama))
        krit.append(f"{dot}bobot {k.bobot}{dot}skala {k.skala_min}-{k.skala_maks}", style="dim")
        if k.skala_maks - k.skala_min <= 10:
            bagian = []
            for v in range(k.skala_min, k.skala_maks + 1):
                label = k.label_nilai(v)
                if label:
                    bagian.append((str(v), aman(label)))
            for i, (v, label) in enumerate(bagian):
                if i:
                    skala.append("  ")
                skala.append(v, style="bold")
                skala.append(f" {label}")
            if not bagian:
                skala.append(f"Nilai {k.skala_min} sampai {k.skala_maks}")
            if k.skala_maks == 10 and k.skala_min >= 1:
                skala.append(f"{dot}tombol 0 = 10", style="dim")
        else:
            skala.append(f"Nilai {k.skala_min} sampai {k.skala_maks}: tekan {tombol.isi} untuk mengetik nilai")
    return krit, skala


def teks_usulan(data: Data, uid: str, baris: Baris | None) -> Text:
    """The usulan line: id, kegiatan, kelurahan, priority, and the total when totals are out of 100."""
    dot = f" {g('dot')} "
    u = data.usulan.get(uid)
    usulan_teks = Text()
    if u is not None:
        usulan_teks.append(f"{u.id} ", style="bold")
        usulan_teks.append(aman(u.kegiatan))
        usulan_teks.append(f"{dot}{aman(u.kelurahan)}{dot}prioritas {wilayah_kecil(data)} {u.prioritas_kelurahan}",
                           style="dim")
        if baris is not None and baris.total is not None and data.info.total_100:
            usulan_teks.append(f"{dot}total {teks_total(data, baris)}", style="dim")
    return usulan_teks


def teks_sel(data: Data, uid: str, kode: str, penilai: str, diketik: str | None,
             tombol: TombolKetik = TombolKetik()) -> Text:
    """The cell line: the value being typed (`diketik`), or who scored the cell and with what."""
    mentah = data.nilai_mentah(uid, kode)
    perorangan = sorted(((p, v) for p, v in mentah.items() if p), key=lambda pv: pv[0].casefold())
    dot = f" {g('dot')} "
    out = Text()
    if diketik is not None:
        out.append(f"Diketik: {diketik}", style="bold")
        out.append(f"{dot}{tombol.isi}/{tombol.simpan} simpan, {tombol.batal} batal")
        return out
    c = sel_nilai(data, uid, kode)
    if c.kurang:
        out.append(f"{c.tanda}{dot}", style="bold")
        if c.nilai is None:
            out.append("belum lengkap, usulan belum diperingkat" + dot)
    if penilai:
        sendiri = mentah.get(penilai)
        out.append(f"{aman(penilai)}: {sendiri if sendiri is not None else '-'}")
    else:
        # The same words on every consensus cell, so moving the cursor does not repaint this line.
        out.append("Mufakat: angka mengisi nilai kesepakatan")
    if perorangan and "" in mentah:
        out.append(f"{dot}dipakai nilai mufakat {mentah['']}")
    if perorangan:
        rerata = Fraction(sum(v for _, v in perorangan), len(perorangan))
        out.append(f"{dot}rerata {teks_nilai(rerata, False)[0]} dari {len(perorangan)}: ")
        out.append(", ".join(f"{aman(p)} {v}" for p, v in perorangan))
    return out
