"""Names in an import file matched to the session's: desa/kelurahan, SKPD and bidang (docs/impor.md,
"Nama desa/kelurahan, SKPD dan bidang").

`Penyelaras(tx, tabel, laporan, opsi)` is made once per file inside the import's transaction:

- `wilayah(baris, kolom, teks) -> str | None`: the session's desa/kelurahan for a name as written
  ("Kel. Kuin Utara", "Sei Jingah", any case); a close misspelling is a problem with a suggestion
  (`Laporan.sarankan`), or the suggestion itself when the user accepts it (`OpsiImpor.terima`); None when
  the row cannot be imported (noted). Empty text -> "".
- When the session has no desa/kelurahan at all, the file's names are learned first (`pelajari_wilayah`):
  each distinct name (by key, prefix "Desa"/"Kel." dropped) becomes a wilayah record with `jenis` "desa" or
  "kelurahan" when the header (`Desa` column) or the value's prefix says so ("" when neither does).
- `skpd(teks) -> str`: a known SKPD written another way ("DPUPR") as the session already writes it, else
  its usual short name ("Dinas PUPR"); an unknown SKPD as written.
- `bidang(baris, teks, skpd) -> str | None`: a known bidang (the four usual ones, the session's usulan and
  kelompok, the SKPD table's, `--bidang-baru`), else a problem with a suggestion; an empty cell takes
  `--bidang`, else the SKPD-to-bidang table.
"""

from __future__ import annotations

from typing import Any

from ..nama import (BIDANG_BAKU, Pencocok, jenis_wilayah, kunci, kunci_skpd, kunci_wilayah, skpd_baku,
                    tanpa_awalan)
from ..errors import DataDitolak
from ..masukan import tolak_kendali
from ..teks import bersih
from .jenis import OpsiImpor
from .laporan import Laporan
from .pemetaan import bidang_dari_skpd, tabel_skpd_bidang
from .tabel import TabelBerkas, nama_judul

#: Header keys that say the column holds desa, or kelurahan.
_JUDUL_DESA = {"desa", "nama_desa", "desa_pengusul"}
_JUDUL_KELURAHAN = {"kelurahan", "nama_kelurahan", "kelurahan_pengusul"}


class Penyelaras:
    def __init__(self, tx: Any, tabel: TabelBerkas, laporan: Laporan, opsi: OpsiImpor):
        self.tx, self.tabel, self.lap, self.opsi = tx, tabel, laporan, opsi
        data = tx.data
        self.kel = Pencocok((k.nama for k in data.kelurahan), kunci_wilayah)
        self.wilayah_baru: list[tuple[str, str]] = []  # (name, jenis) learned from the file
        self.saran_diterima: dict[tuple[str, str], str] = {}
        usulan = tx.table("usulan").values()
        self.skpd_sesi: dict[str, str] = {}
        for u in usulan:
            for s in (u.get("skpd_awal", ""), u.get("skpd_akhir", "")):
                if s:
                    self.skpd_sesi.setdefault(kunci_skpd(s), s)
        self.skpd_bidang = tabel_skpd_bidang(data)
        bidang = list(BIDANG_BAKU) + [u.get("bidang", "") for u in usulan]
        bidang += [b for k in tx.table("kelompok").values() for b in k.get("bidang", [])]
        bidang += list(self.skpd_bidang.values()) + [bersih(b) for b in opsi.bidang_baru]
        self.bidang_dikenal = Pencocok([b for b in bidang if b])
        self._skpd_cache: dict[str, str] = {}

    # --- desa/kelurahan ---
    def pelajari_wilayah(self, kolom: str = "kelurahan") -> None:
        """With no desa/kelurahan in the session yet, add the file's (in file order)."""
        if len(self.kel) or kolom not in self.tabel.judul:
            return
        kj = nama_judul(self.tabel.judul[kolom])
        jenis_kolom = "desa" if kj in _JUDUL_DESA else "kelurahan" if kj in _JUDUL_KELURAHAN else ""
        for b in self.tabel.baris:
            teks = bersih(b.sel.get(kolom, ""))
            if not teks or len(teks) > 100 or kunci_wilayah(teks) in self.kel.dikenal:
                continue
            nama = tanpa_awalan(teks)
            self.kel.tambah(nama)
            self.wilayah_baru.append((nama, jenis_wilayah(teks) or jenis_kolom))
        if not self.wilayah_baru:
            return
        nomor = 0
        for urutan, (nama, jenis) in enumerate(self.wilayah_baru, start=1):
            nomor += 1
            rid = f"KL{nomor:02d}"
            rec = {"id": rid, "nama": nama, "lurah": "", "urutan": urutan}
            if jenis:
                rec["jenis"] = jenis
            self.tx.put("kelurahan", rid, rec)

    def kendali(self, b: Any, kolom: str, teks: str) -> bool:
        """Whether a name cell holds a control or bidi character (noted at its column): the one rule of
        `sesi.masukan.tolak_kendali`, never silently dropped before matching."""
        try:
            tolak_kendali(teks, "Isian")
        except DataDitolak as e:
            self.lap.tambah(b, kolom, e.pesan[len("Isian "):])
            return True
        return False

    def wilayah(self, b: Any, kolom: str, teks: str) -> str | None:
        if self.kendali(b, kolom, teks):
            return None
        teks = bersih(teks)
        if not teks:
            return ""
        hit = self.kel.cari(teks)
        if hit.nama:
            return hit.nama
        if hit.saran:
            if self.opsi.terima(kolom, teks):
                self.saran_diterima[(kolom, teks)] = hit.saran
                return hit.saran
            self.lap.sarankan(b, kolom, teks, hit.saran, f"Desa/kelurahan '{teks}' tidak dikenal di kecamatan "
                              f"ini; maksud Anda '{hit.saran}'?")
            return None
        return teks  # the action refuses it, naming the known ones

    # --- SKPD ---
    def skpd(self, teks: str) -> str:
        teks = bersih(teks)
        if teks in self._skpd_cache:
            return self._skpd_cache[teks]
        k = kunci_skpd(teks)
        out = self.skpd_sesi.get(k) or skpd_baku(teks) or teks
        if teks:
            self.skpd_sesi.setdefault(k, out)
        if len(self._skpd_cache) < 100_000:
            self._skpd_cache[teks] = out
        return out

    # --- bidang ---
    def bidang(self, b: Any, teks: str, skpd: str) -> str | None:
        if self.kendali(b, "bidang", teks):
            return None
        teks = bersih(teks)
        if not teks:
            if self.opsi.bidang:
                teks = bersih(self.opsi.bidang)
                hit = self.bidang_dikenal.cari(teks)
                return hit.nama or teks  # given for the whole file by the user: confirmed
            dari = bidang_dari_skpd(self.skpd_bidang, skpd) if skpd else ""
            if dari:
                return dari
            self.lap.tambah(b, "bidang" if "bidang" in (b.tabel or self.tabel).judul else None,
                            f"bidang tidak diketahui: kolom bidang kosong dan SKPD '{skpd}' tidak ada di tabel "
                            "SKPD-bidang sesi. Isi kolom bidang, pakai --bidang \"NAMA\" untuk seluruh berkas, "
                            "atau tambahkan SKPD itu ke tabel SKPD-bidang.")
            return None
        hit = self.bidang_dikenal.cari(teks)
        if hit.nama:
            return hit.nama
        if hit.saran and self.opsi.terima("bidang", teks):
            self.saran_diterima[("bidang", teks)] = hit.saran
            return hit.saran
        pesan = f"Bidang '{teks}' belum dikenal di sesi ini"
        baru = f"bila memang bidang baru, konfirmasi dengan --bidang-baru \"{teks}\"."
        if hit.saran:
            self.lap.sarankan(b, "bidang", teks, hit.saran, f"{pesan}; maksud Anda '{hit.saran}'? Atau {baru}")
        else:
            contoh = ", ".join(list(self.bidang_dikenal.dikenal.values())[:8])
            self.lap.tambah(b, "bidang", f"{pesan} (yang dikenal: {contoh}); {baru}")
        return None

    def catatan(self) -> list[str]:
        out = []
        if self.wilayah_baru:
            jenis = {j for _, j in self.wilayah_baru}
            kata = "desa" if jenis == {"desa"} else "kelurahan" if jenis == {"kelurahan"} else "desa/kelurahan"
            nama = ", ".join(n for n, _ in self.wilayah_baru[:30]) + (", ..." if len(self.wilayah_baru) > 30 else "")
            out.append(f"{len(self.wilayah_baru)} {kata} ditambahkan dari berkas: {nama}.")
        if self.saran_diterima:
            isi = ", ".join(f"'{a}' -> '{s}'" for (_, a), s in list(self.saran_diterima.items())[:20])
            out.append(f"Saran diterima: {isi}.")
        return out


def kunci_orang(nama: str, wilayah: str) -> tuple[str, str]:
    """How a person is recognised again in a later file: name and desa/kelurahan, loosely."""
    return kunci(nama), kunci_wilayah(wilayah)


__all__ = ["Penyelaras", "kunci_orang"]
