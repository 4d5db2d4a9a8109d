"""The berita acara's parts about money (issue 11, item 4): sumber dana, harga satuan, usulan cadangan.

Called by `lampiran.py` and `badan.py` (kept apart so the parts stay small):
- `sel_kegiatan(u)`: Lampiran II's kegiatan cell with "(dialihkan dari ...)" and the note when volume x
  harga satuan is not the perkiraan biaya (`sesi.dana.catatan_harga`), `keterangan_harga` what it means;
- `jumlah_sumber(k, usulan)`: the table "Jumlah menurut sumber dana" under Lampiran II, one row per source
  the listed usulan have (`sesi.dana.jumlah_per_sumber`), the totals KESATU states;
- `rincian_sumber(k)`: KESATU's words for the same totals ("terdiri atas APBD Kota Rp... (2 (dua)
  kegiatan); ...");
- `lampiran_cadangan(k, cadangan)`: the usulan cadangan as their own titled list in Lampiran III
  (part B), with biaya and sumber dana (they may still be funded), and `kalimat_cadangan(k)` for KEDUA.
Nothing here raises for a loaded session.
"""

from __future__ import annotations

from ..dana import catatan_harga, jumlah_per_sumber, label_usulan
from ..format import rupiah
from ..model import Usulan
from ..sebutan import wilayah
from ..terbilang import dengan_terbilang
from .blok import Blok, Judul, KolomDokumen, Paragraf, TabelDokumen
from .kata import angka_teks, jumlah_biaya, lokasi, rupiah_teks
from .konteks import Konteks

JUDUL_SUMBER = "Jumlah menurut sumber dana"
JUDUL_CADANGAN = "B. Daftar usulan cadangan"
JUDUL_LAIN = "A. Usulan kegiatan yang belum disepakati"


def sel_kegiatan(u: Usulan) -> str:
    """The kegiatan as Lampiran II shows it: "(dialihkan dari ...)", then "(catatan: 40 x Rp8.500.000 =
    Rp340.000.000)" when volume x harga satuan is not the perkiraan biaya (a harga satuan that agrees adds
    nothing: the row's volume and biaya already say it)."""
    teks = u.kegiatan
    if u.skpd_akhir and u.skpd_akhir != u.skpd_awal:
        teks += f" (dialihkan dari {u.skpd_awal})"
    catatan = catatan_harga(u, singkat=True)
    return teks + (f" (catatan: {catatan})" if catatan else "")


def keterangan_harga(items: list[Usulan]) -> list[Blok]:
    """Under Lampiran II, when some row carries a harga satuan note: what the note means."""
    if not any(catatan_harga(u) for u in items):
        return []
    return [Paragraf("Catatan pada kolom Kegiatan: volume x harga satuan yang diusulkan tidak sama dengan "
                     "perkiraan biaya usulan itu; perkiraan biaya yang tercantum adalah yang diusulkan.")]


def sel_sumber(k: Konteks, u: Usulan) -> str:
    return label_usulan(k.data, u)


def jumlah_sumber(k: Konteks, usulan: list[Usulan]) -> list[Blok]:
    """'Jumlah menurut sumber dana' and its table (Sumber Dana | Kegiatan | Perkiraan Biaya)."""
    per = jumlah_per_sumber(k.data, usulan)
    if not per:
        return []
    rows = [(label, str(n), rupiah(total)) for label, n, total, _ in per]
    rows.append(("Jumlah", str(sum(n for _, n, _, _ in per)), rupiah(sum(t for _, _, t, _ in per))))
    return [Paragraf(f"{JUDUL_SUMBER}:"),
            TabelDokumen((KolomDokumen("Sumber Dana"), KolomDokumen("Kegiatan", True),
                          KolomDokumen("Perkiraan Biaya", True)), tuple(rows))]


def rincian_sumber(k: Konteks) -> str:
    """KESATU's breakdown of the Lampiran II total per sumber dana ('' when nothing is listed)."""
    semua = [it.usulan for _, items in k.prioritas for it in items]
    bagian = [f"{label} {rupiah(total)} ({dengan_terbilang(n)} kegiatan"
              + (f", {dengan_terbilang(tanpa)} tanpa perkiraan biaya)" if tanpa else ")")
              for label, n, total, tanpa in jumlah_per_sumber(k.data, semua)]
    if not bagian:
        return ""
    return ", menurut sumber dana: " + "; ".join(bagian)


def cadangan_dari(tidak: list[tuple[Usulan, str]]) -> tuple[list[tuple[Usulan, str]], list[tuple[Usulan, str]]]:
    """Lampiran III's usulan split into (not agreed, cadangan), each in its given order."""
    return [t for t in tidak if t[0].status != "cadangan"], [t for t in tidak if t[0].status == "cadangan"]


def lampiran_cadangan(k: Konteks, cadangan: list[tuple[Usulan, str]]) -> list[Blok]:
    """Part B of Lampiran III: every usulan cadangan with location, volume, biaya, sumber dana, reason,
    and their total."""
    rows = tuple((str(i), u.kegiatan, lokasi(u), angka_teks(u.volume), u.satuan, rupiah_teks(u.perkiraan_biaya),
                  sel_sumber(k, u), alasan) for i, (u, alasan) in enumerate(cadangan, start=1))
    total, tanpa = jumlah_biaya(u for u, _ in cadangan)
    return [Judul(JUDUL_CADANGAN, 4),
            TabelDokumen((KolomDokumen("No", True), KolomDokumen("Kegiatan"),
                          KolomDokumen(f"Lokasi ({wilayah(k.data)})"), KolomDokumen("Volume", True),
                          KolomDokumen("Satuan"), KolomDokumen("Perkiraan Biaya", True),
                          KolomDokumen("Sumber Dana"), KolomDokumen("Keterangan")), rows, gabung_teks=(4,)),
            Paragraf(f"Jumlah usulan cadangan {dengan_terbilang(len(cadangan))} kegiatan dengan perkiraan biaya "
                     f"{rupiah(total)}" + (f" ({tanpa} kegiatan tanpa perkiraan biaya)" if tanpa else "") + ".")]


def kalimat_cadangan(k: Konteks) -> str:
    """KEDUA's words for the cadangan among Lampiran III ('' when there are none)."""
    _, cadangan = cadangan_dari(k.tidak)
    if not cadangan:
        return ""
    from .lampiran import belum_disepakati, sebut  # the number from LAMPIRAN's order (lampiran imports this)

    return (f", termasuk {dengan_terbilang(len(cadangan))} usulan cadangan yang tercantum tersendiri dalam "
            f"{sebut(belum_disepakati)} bagian B")


__all__ = ["JUDUL_CADANGAN", "JUDUL_LAIN", "JUDUL_SUMBER", "cadangan_dari", "jumlah_sumber", "kalimat_cadangan",
           "keterangan_harga", "lampiran_cadangan", "rincian_sumber", "sel_kegiatan", "sel_sumber"]
