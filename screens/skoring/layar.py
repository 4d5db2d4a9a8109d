"""Skoring: the fasilitator's scoring matrix of one kelompok, typed cell by cell.

A digit sets the focused cell and moves to the next one; each keystroke is one saved change. Only the
cells that changed are repainted (see screens/skoring/matriks.py); the lines around it are built in
screens/skoring/keterangan.py. Values, totals, ranks and the tie-break rule
come from `sesi.peringkat`; every change goes through `sesi.skor`.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.geometry import Region

from sesi import skor
from sesi.data import Data
from sesi.model import STATUS_DISISIHKAN, Kelompok, Kriteria
from sesi.errors import DataDitolak
from sesi.peringkat import (
    Peringkat,
    aturan_urutan,
    penilai_kelompok,
    peringkat_kelompok,
    sel as sel_nilai,
)
from sesi.kepekaan import baris_goyah
from sesi.sebutan import wilayah_kecil
from sesi.set_kriteria import set_dipakai, set_usulan
from sesi.urutan import geser_akhir

from ..base import LayarTahap
from ..glyph import g
from ..kontrak import aplikasi
from .keterangan import (
    BarisInfo,
    TombolKetik,
    lebar_skala,
    teks_judul,
    teks_kriteria_skala,
    teks_nilai,
    teks_ringkas,
    teks_sel,
    teks_usulan,
)
from .matriks import KOSONG, Isi, KolomMatriks, Matriks, lebar_kolom_kriteria
from .ketik import KetikLebar
from .penilai import PenilaiDialog, nama_penilai
from ..pilih_kelompok import PilihKelompok
from ..teks import teks
from ..tombol import isi_tombol, tombol_binding
from ..widgets import FormDialog, Kolom


class SkoringScreen(KetikLebar, PilihKelompok, LayarTahap):
    CSS_PATH = "layar.tcss"
    TAHAP = "skoring"
    # What the stage is for; each key and what it does is listed from BINDINGS (F1).
    BANTUAN_DASAR = (
        "Matriks skoring satu kelompok: baris = usulan yang tidak disisihkan verifikasi, kolom = kriteria, "
        "nilai total tertimbang dan peringkat. Kursor mulai di kriteria pertama baris pertama; panah atau "
        "h/j/k/l memindahkan kursor. Ketik angka dalam skala kriteria: nilai tersimpan seketika (satu "
        "perubahan per tombol) dan kursor maju ke sel berikutnya (di ujung baris: kriteria pertama baris "
        "berikutnya). Pada skala 1-10 tombol 0 berarti 10. Pada skala yang lebih lebar (misalnya 0-100) atau "
        "berlangkah 0,5, angka yang diketik terkumpul (\"85\", \"7,5\") dan tampil di sel; {skoring.isi} atau "
        "{skoring.simpan_ketik} menyimpan, {skoring.batal_ketik} membatalkan. Angka di luar skala ditolak dan tidak mengubah apa "
        "pun. Mode mufakat (bawaan) mengisi nilai kesepakatan; dengan penilai perorangan, angka mengisi nilai "
        "penilai itu, sel yang belum punya nilai mufakat menampilkan rerata para penilai (ditandai *), dan "
        "baris terbawah merinci nilai tiap penilai. Total berisi 'n/m' selama baris belum lengkap (peringkat "
        "'belum'); sel yang belum dinilai semua penilai terdaftar berisi '2/3'; 'seri' menandai usulan yang hanya dibedakan urutan masuk, untuk diputuskan forum. Baris "
        "tetap di tempatnya saat menilai, kecuali diurutkan menurut peringkat. Tanda '~' setelah peringkat: "
        "urutan baris itu dengan tetangganya bertukar bila bobot satu kriteria berubah kurang dari 10%. Bila "
        "kelompok memakai beberapa set kriteria (misalnya fisik dan non-fisik), kolom memuat kriteria semua "
        "set; sel kriteria set lain ditandai titik dan dilewati."
    )

    BINDINGS = [
        Binding("u,ctrl+z", "urungkan", "Urung", id="skoring.urungkan",
                tooltip="Urungkan perubahan terakhir dari terminal ini"),
        Binding("p", "penilai", "Penilai", id="skoring.penilai",
                tooltip="Pilih penilai perorangan yang nilainya diisi angka, atau Mufakat"),
        Binding("ctrl+o", "pilih_kelompok", "Kelompok", id="skoring.kelompok", tooltip="Pilih kelompok"),
        Binding("backspace,delete", "hapus", "Kosongkan sel", id="skoring.hapus", show=False),
        Binding("enter", "isi_nilai", "Ketik nilai sel", id="skoring.isi", show=False,
                tooltip="Membuka isian nilai untuk sel yang disorot"),
        Binding("escape", "batal_ketik", "Batalkan nilai yang sedang diketik", id="skoring.batal_ketik",
                show=False),
        Binding("tab", "simpan_ketik", "Simpan nilai yang sedang diketik", id="skoring.simpan_ketik",
                show=False),
        Binding("comma,full_stop", "koma", "Koma desimal (skala langkah 0,5)", id="skoring.koma", show=False),
        Binding("m", "ganti_mode", "Mufakat / perorangan", id="skoring.mode", show=False),
        Binding("o", "urut", "Urut peringkat / urutan masuk", id="skoring.urut", show=False),
        Binding("right_square_bracket", "geser_kelompok(1)", "Kelompok berikut", id="skoring.kelompok_berikut",
                show=False, key_display="]"),
        Binding("left_square_bracket", "geser_kelompok(-1)", "Kelompok sebelumnya",
                id="skoring.kelompok_sebelum", show=False, key_display="["),
        Binding("a", "aturan", "Aturan urutan dan seri", id="skoring.aturan", show=False),
        # Digits: bindings (not a key handler) so they run in typed order with the moves; described above.
        *[Binding(str(n), f"angka({n})", "", id=f"skoring.angka_{n}", show=False) for n in range(10)],
    ]

    def __init__(self) -> None:
        super().__init__()
        self.kid = ""
        self.penilai = ""  # "" = mufakat
        self.penilai_terakhir = ""
        self.urut_peringkat = False
        self._urutan_peringkat: list[str] = []
        self._akhir_tampil: dict[str, int] = {}
        self.riwayat_urung: list[tuple[str, str, str, int | None]] = []  # (usulan, kode, penilai, old value)
        self._kursor_kelompok: dict[str, tuple[str, str]] = {}
        self._pesan_kosong_teks = ""
        self._baris_tampil: dict[str, tuple] = {}  # usulan id -> (the Baris shown, goyah mark shown)
        self._penilai_tampil: tuple[str, ...] | None = None  # the listed penilai the cells were drawn with
        #: (usulan, kode, text) of a value being typed on a wide scale (0-100, step 0,5): Enter/Tab saves it.
        self._ketikan: tuple[str, str, str] | None = None
        self._struktur_ada = False  # rows and columns set from the data at least once
        self._data_tampil: Data | None = None  # the Data the matrix shows (cells are drawn from it)
        #: The ranking, firmness marks and final order the totals and ranks were last checked against: the
        #: same objects again (another kelompok's change shares them) need no look at the rows.
        self._dasar_tampil: tuple = ()
        self._judul_tampil: tuple = ()
        self._tombol: TombolKetik | None = None  # the keys the info lines name (`_tombol_ketik`)

    # --- layout ---
    def isi(self) -> ComposeResult:
        yield BarisInfo(id="judul-skoring")
        yield Matriks([KolomMatriks(k.kode, lebar_kolom_kriteria(k.kode)) for k in self._kriteria_kolom(self.data)],
                      id="matriks")
        yield BarisInfo(id="info-kriteria")
        yield BarisInfo(id="info-skala")
        yield BarisInfo(id="info-usulan")
        yield BarisInfo(id="info-sel")

    @property
    def matriks(self) -> Matriks:
        return self.query_one(Matriks)

    @property
    def BANTUAN(self) -> str:  # type: ignore[override]
        try:
            aturan = aturan_urutan(self.data)
        except Exception:  # noqa: BLE001 - help must open even on odd data
            aturan = ""
        return self.BANTUAN_DASAR + ("\n\nAturan urutan: " + aturan if aturan else "")

    def siapkan(self) -> None:
        self.kid = self._kelompok_awal(self.data)

    def on_mount(self) -> None:
        self.matriks.saat_pindah = self._saat_pindah
        self.matriks.berlaku = lambda uid, kode: self._kriteria_sel(self.data, uid, kode) is not None
        self.matriks.isi_sel = lambda uid, kode: self._isi_sel(self._data_tampil or self.data, uid, kode)
        self.matriks.isi_ringkas = self._teks_ringkas
        self.matriks.focus()
        self.watch(self.app, "kelompok_aktif", self._ikuti_kelompok, init=False)

    def _ikuti_kelompok(self, kid: str) -> None:
        """Another screen chose the kelompok being discussed: show it here too (now, or on return)."""
        if self.is_current:
            self._ikuti(kid)

    def _ikuti(self, kid: str) -> None:
        if kid and kid != self.kid and self.data.kelompok_dari_id(kid):
            self._ganti_kelompok(kid)

    def on_screen_resume(self) -> None:
        self._ikuti(aplikasi(self).kelompok_aktif)
        super().on_screen_resume()

    def _kelompok_awal(self, data: Data) -> str:
        kid = aplikasi(self).kelompok_aktif
        if kid and data.kelompok_dari_id(kid):
            return kid
        for k in data.kelompok:
            if any(u.status not in STATUS_DISISIHKAN for u in data.usulan_kelompok(k.id)):
                return k.id
        return data.kelompok[0].id if data.kelompok else ""

    # --- showing ---
    def _kriteria_kolom(self, data: Data) -> list[Kriteria]:
        """The matrix columns: the criteria of every set the kelompok's usulan use, in set order (a code
        two sets share is one column); the default set when the kelompok has no usulan."""
        sets = set_dipakai(data, self.kid) if self.kid else []
        if not sets:
            return list(data.kriteria)
        out: list[Kriteria] = []
        ada: set[str] = set()
        for s in sets:
            for k in s.kriteria:
                if k.kode not in ada:
                    ada.add(k.kode)
                    out.append(k)
        return out

    @staticmethod
    def _kriteria_sel(data: Data, uid: str, kode: str) -> Kriteria | None:
        """The criterion `kode` of the usulan's own set (None: the column is another set's)."""
        if uid not in data.usulan:
            return None
        return set_usulan(data, uid).kriteria_dari_kode(kode)

    def _baris(self, data: Data) -> list[str]:
        ids = [u.id for u in data.usulan_kelompok(self.kid) if u.status not in STATUS_DISISIHKAN]
        if not self.urut_peringkat:
            return ids
        ada = set(ids)
        urut = [u for u in self._urutan_peringkat if u in ada]
        sudah = set(urut)
        return urut + [u for u in ids if u not in sudah]

    def segarkan(self, data: Data, perubahan: dict) -> None:
        m = self.matriks
        # A change of scores only (a keystroke here, or another terminal's) leaves the rows and the
        # columns as they are: only the cells it names, the totals and the ranks are redrawn.
        inkremental = self._struktur_ada and bool(perubahan) and set(perubahan) <= {"skor", "riwayat"}
        penilai = penilai_kelompok(data, self.kid) if self.kid else ()
        self._data_tampil = data
        if inkremental and penilai != self._penilai_tampil:
            # A new penilai (none listed): whether every other cell is complete changed too.
            sel = set()
            m.sel_berubah_semua()
        elif inkremental:
            sel = set()
            for sid in perubahan.get("skor", ()):
                uid, kode, _ = sid.split("|", 2)
                sel.add((uid, kode))
        else:
            if self.kid and data.kelompok_dari_id(self.kid) is None:
                self.kid = ""
            if not self.kid:
                self.kid = self._kelompok_awal(data)
            kriteria = self._kriteria_kolom(data)
            baris = self._baris(data)
            usulan = data.usulan
            judul = {uid: (usulan[uid].kegiatan, usulan[uid].kelurahan) for uid in baris}
            kolom = [KolomMatriks(k.kode, lebar_kolom_kriteria(k.kode)) for k in kriteria]
            pesan = self._pesan_kosong(data, kriteria)
            m.judul_usulan = f"Usulan ({wilayah_kecil(data)})"
            m.atur_struktur(kolom, baris, judul)
            self._pesan_kosong_teks = pesan if not baris or not kolom else ""
            sel = set()
            self._ketikan = None
            m.sel_berubah_semua()  # the cells in view; the others when they scroll into view
            self._baris_tampil.clear()  # every row's total and rank is set again
            self._dasar_tampil = ()
            self._struktur_ada = True
        self._penilai_tampil = penilai
        ada = m.judul_baris
        for uid, kode in sel:
            if uid in ada:
                m.atur_sel(uid, kode, self._isi_sel(data, uid, kode))
        # The ranking of a revision that changed a few scores patches the one before (sesi.peringkat:
        # about 1 ms at 1,000 usulan), so the ranks go out in the same repaint as the cell.
        self._terapkan_peringkat(data)
        self._info(data)

    def _teks_ringkas(self, uid: str) -> tuple[Isi, Isi]:
        """(total, rank) of a row as shown; asked by the matrix for the rows it draws."""
        tampil = self._baris_tampil.get(uid)
        if tampil is None:
            return KOSONG, KOSONG
        return teks_ringkas(tampil[0], tampil[1], self._akhir_tampil.get(uid))

    def _terapkan_peringkat(self, data: Data) -> None:
        """Totals and ranks of every row (only the cells in view whose text changed are repainted; the
        others are made when they scroll into view).

        A row whose `Baris` is the one already shown is skipped: the ranking reuses the Baris of rows
        whose values and place did not change, and a change in another kelompok shares the whole ranking
        (then no row is looked at)."""
        m = self.matriks
        per = peringkat_kelompok(data, self.kid) if self.kid else None
        if per is not None:
            # Rows a change of one weight by less than 10% would swap with a neighbour carry "~" after
            # the rank (seri rows are marked "seri" already).
            goyah = baris_goyah(data, self.kid)
            tampil = self._baris_tampil
            # The final place where Pleno II moved a row (sesi.urutan): "3>2" = scored 3rd, finally 2nd.
            akhir = geser_akhir(data, self.kid)
            if akhir is not self._akhir_tampil and akhir != self._akhir_tampil:
                tampil.clear()  # a move changes no Baris: show every rank again
                self._akhir_tampil = akhir
            dasar = (per, goyah, self._akhir_tampil, m.baris)
            lama = self._dasar_tampil
            sama = bool(tampil) and len(lama) == len(dasar) and all(a is b for a, b in zip(dasar[2:], lama[2:]))
            if sama and per is not lama[0] and per._asal is not None and per._asal[0]() is lama[0]:
                # Patched from the ranking shown: only the rows it names, and those whose "~" changed.
                calon = dict(per._asal[1])
                if goyah is not lama[1]:
                    for uid in goyah ^ lama[1]:
                        if uid not in calon and uid in tampil:
                            calon[uid] = tampil[uid][0]
                baris_calon = calon.values()
            else:
                baris_calon = per.baris if not (sama and per is lama[0] and goyah is lama[1]) else ()
            if baris_calon:
                ada = m.judul_baris
                berubah = []
                for b in baris_calon:
                    uid = b.usulan.id
                    sebelum = tampil.get(uid)
                    tanda = uid in goyah and not b.seri
                    if (sebelum is not None and sebelum[0] is b and sebelum[1] == tanda) or uid not in ada:
                        continue
                    tampil[uid] = (b, tanda)
                    berubah.append(uid)
                m.ringkas_berubah(berubah)
            self._dasar_tampil = dasar
        self._judul(data, per)

    def _isi_sel(self, data: Data, uid: str, kode: str) -> Isi:
        """A cell: its value; "2/3" while fewer than the listed penilai scored it (a value completed by
        the mean of those present is marked); a dot where the column is another set's criterion."""
        if self._kriteria_sel(data, uid, kode) is None:
            return (g("dot"), "kurang")
        c = sel_nilai(data, uid, kode)
        if c.nilai is None:
            return (f"{c.ada}/{c.perlu}", "kurang") if c.kurang else KOSONG
        isi = teks_nilai(c.nilai, not c.konsensus)
        return (isi[0], "seri") if c.kurang else isi

    def _pesan_kosong(self, data: Data, kriteria: list[Kriteria]) -> str:
        if not self.kid:
            return isi_tombol(self, "Belum ada kelompok maupun usulan. Tambahkan usulan dan kelompok di layar "
                                    "Persiapan ({app.layar_persiapan}).")
        if not kriteria:
            return isi_tombol(self, "Belum ada kriteria penilaian. Tetapkan kriteria di layar Persiapan "
                                    "({app.layar_persiapan}).")
        semua = data.usulan_kelompok(self.kid)
        if not semua:
            return "Kelompok ini belum memiliki usulan."
        return "Semua usulan kelompok ini disisihkan pada verifikasi; tidak ada yang dinilai."

    def _judul(self, data: Data, per: Peringkat | None) -> None:
        # The same ranking, kelompok and mode (another kelompok's change): the same line.
        kunci = (per, data.kelompok_dari_id(self.kid), self.kid, self.penilai, self.urut_peringkat,
                 data.raw.get("usulan"), data.raw.get("kelompok"))
        if len(kunci) == len(self._judul_tampil) and all(a is b for a, b in zip(kunci, self._judul_tampil)):
            return
        self._judul_tampil = kunci
        kiri, kanan = teks_judul(data, self.kid, per, self.penilai, self.urut_peringkat)
        self.query_one("#judul-skoring", BarisInfo).atur(kiri, kanan)

    def _tombol_ketik(self) -> TombolKetik:
        """The keys the info lines name, read once from the bindings (the keymap is set at start)."""
        if self._tombol is None:
            self._tombol = TombolKetik(tombol_binding(self, "skoring.isi") or "Enter",
                                       tombol_binding(self, "skoring.simpan_ketik") or "Tab",
                                       tombol_binding(self, "skoring.batal_ketik") or "Esc")
        return self._tombol

    def _info(self, data: Data) -> None:
        pos = self.matriks.posisi()
        kosong = Text("")
        if pos is None:
            for wid in ("#info-kriteria", "#info-skala", "#info-usulan", "#info-sel"):
                self.query_one(wid, BarisInfo).atur(kosong)
            self.query_one("#info-kriteria", BarisInfo).atur(Text(self._pesan_kosong_teks, style="bold"))
            return
        uid, kode = pos
        krit, skala = teks_kriteria_skala(data, uid, kode, self._kriteria_sel(data, uid, kode), self._tombol_ketik())
        b = self._baris_tampil.get(uid)
        diketik = self._ketikan[2] if self._ketikan is not None and self._ketikan[:2] == (uid, kode) else None
        self.query_one("#info-kriteria", BarisInfo).atur(krit)
        self.query_one("#info-skala", BarisInfo).atur(skala)
        self.query_one("#info-usulan", BarisInfo).atur(teks_usulan(data, uid, b[0] if b is not None else None))
        self.query_one("#info-sel", BarisInfo).atur(teks_sel(data, uid, kode, self.penilai, diketik,
                                                                          self._tombol_ketik()))

    def _saat_pindah(self, uid: str, kode: str) -> None:
        if self._ketikan is not None and self._ketikan[:2] != (uid, kode):
            self._batal_ketik()
            self.status.atur("Nilai yang sedang diketik dibatalkan (kursor pindah sebelum Enter).")
        self._info(self.data)

    @on(Matriks.KursorPindah)
    def _kursor_pindah(self, event: Matriks.KursorPindah) -> None:
        self._info(self.data)

    # --- scoring ---
    def action_angka(self, angka: int) -> None:
        pos = self.matriks.posisi()
        k = self._kriteria_sel(self.data, *pos) if pos else None
        if pos is None or k is None:
            if pos is not None:
                self.status.atur(f"Kriteria {pos[1]} tidak berlaku untuk usulan {pos[0]}.", galat=True)
            return
        if lebar_skala(k):
            self._ketik(pos[0], pos[1], k, str(angka))
            return
        nilai = angka
        if angka == 0 and k.skala_maks == 10 and k.skala_min >= 1:
            nilai = 10
        self._atur(pos[0], pos[1], nilai, maju=True)

    def simpan(self, fn, *args: Any, **kwargs: Any):  # type: ignore[override]
        """Save through the app, then show the new revision at once, so that the cell, the totals and
        ranks, the info lines and the status line go out in one frame: a frame with only the status line
        went out first, and the matrix a frame period (~17 ms) later.

        Textual paints what the widgets reported when the screen is next idle; each widget reports its
        repaint from its own task, in the order they were asked to repaint. The status line is asked in
        the app's `simpan`: the matrix's columns and the info lines are asked first (an empty region, no
        output), so their repaint (the regions added by the save, made before any task runs) reaches the
        screen together with the status line's."""
        kosong = Region(0, 0, 0, 0)
        for w in (*self.matriks.children, *self.query(BarisInfo)):
            w.refresh(kosong)
        hasil = super().simpan(fn, *args, **kwargs)
        if hasil.ok and self.is_current:
            self._tampilkan(self.data)
        return hasil

    def _tampilkan(self, data: Data, force: bool = False, perubahan: dict | None = None) -> None:
        """Show `data` with what changed since the Data shown (asked of the store, so a revision shown
        early by `simpan` and the messages still queued for older ones agree): a message carrying an older
        revision than the one shown only updates the status line."""
        lama = self._data_tampil
        if not force and lama is not None and data is not lama:
            if data.revisi < lama.revisi and data is not self.data:
                data = lama  # an older message, overtaken: nothing to repaint
            else:
                sejak = aplikasi(self).store.perubahan_sejak(lama)
                perubahan = sejak if sejak is not None else {}
        super()._tampilkan(data, force=force, perubahan=perubahan)

    def _atur(self, uid: str, kode: str, nilai: Any, maju: bool) -> bool:
        penilai = self.penilai
        hasil = self.simpan(skor.atur_skor, uid, kode, nilai, penilai)
        if not hasil.ok:
            return False
        if hasil.nilai != nilai:
            self.riwayat_urung.append((uid, kode, penilai, hasil.nilai))
        if maju:
            self.matriks.maju()
        return True

    def action_isi_nilai(self) -> None:
        if self._simpan_ketik():
            return
        pos = self.matriks.posisi()
        k = self._kriteria_sel(self.data, *pos) if pos else None
        if pos is None or k is None:
            return
        uid, kode = pos

        def periksa(v: dict[str, str]) -> str | None:
            try:
                nilai = skor.baca_nilai(v["nilai"], k)
            except DataDitolak as e:
                return str(e)
            if not self._atur(uid, kode, nilai, maju=False):
                return self.status.pesan.plain
            return None

        def selesai(v: dict | None) -> None:
            if v:
                self.matriks.maju()
        self.app.push_screen(FormDialog(f"Nilai {kode} untuk {uid}",
                                        [Kolom("nilai", f"Nilai ({k.skala_min}-{k.skala_maks})", wajib=True)],
                                        periksa), selesai)

    def action_hapus(self) -> None:
        if self._ketikan is not None:  # Backspace takes back the last typed character
            uid, kode, teks_ = self._ketikan
            if teks_[:-1]:
                self._ketikan = (uid, kode, teks_[:-1])
                self.matriks.atur_sel(uid, kode, (teks_[:-1] + "_", "kursor"))
                self._info(self.data)
            else:
                self._batal_ketik()
            return
        pos = self.matriks.posisi()
        if pos is None:
            return
        uid, kode = pos
        penilai = self.penilai
        if not penilai and "" not in self.data.nilai_mentah(uid, kode):
            if self.data.nilai_mentah(uid, kode):
                self.status.atur(teks(isi_tombol(self, "Sel ini berisi nilai perorangan, bukan nilai mufakat; "
                                                       "pilih penilainya ({skoring.penilai}) untuk menghapus "
                                                       "nilainya.")), galat=True)
            return
        hasil = self.simpan(skor.hapus_skor, uid, kode, penilai)
        if hasil.ok and hasil.nilai is not None:
            self.riwayat_urung.append((uid, kode, penilai, hasil.nilai))

    def action_urungkan(self) -> None:
        if not self.riwayat_urung:
            self.status.atur("Tidak ada perubahan dari terminal ini yang dapat diurungkan.")
            return
        uid, kode, penilai, lama = self.riwayat_urung.pop()
        hasil = self.simpan(skor.kembalikan_skor, uid, kode, lama, penilai)
        if not hasil.ok:
            self.riwayat_urung.append((uid, kode, penilai, lama))
            return
        self.matriks.pindah_ke(uid, kode)

    # --- modes, order, kelompok ---
    def _atur_penilai(self, nama: str) -> None:
        self.penilai = nama
        if nama:
            self.penilai_terakhir = nama
        self._judul(self.data, peringkat_kelompok(self.data, self.kid) if self.kid else None)
        self._info(self.data)

    def action_penilai(self) -> None:
        nama = list(self.data.penilai())
        seen = {n.casefold() for n in nama}
        kel = self.data.kelompok_dari_id(self.kid) if self.kid else None
        calon = ([kel.fasilitator] if kel and kel.fasilitator else []) + [
            p.nama for p in (self.data.anggota(self.kid) if self.kid else [])]
        for n in calon:
            if n.casefold() not in seen:
                seen.add(n.casefold())
                nama.append(n)

        def pilih(v: str | None) -> None:
            if v is not None:
                self._atur_penilai(nama_penilai(v))
        self.app.push_screen(PenilaiDialog(nama, self.penilai), pilih)

    def action_ganti_mode(self) -> None:
        if self.penilai:
            self._atur_penilai("")
        elif self.penilai_terakhir:
            self._atur_penilai(self.penilai_terakhir)
        else:
            self.action_penilai()

    def action_urut(self) -> None:
        self.urut_peringkat = not self.urut_peringkat
        if self.urut_peringkat and self.kid:
            self._urutan_peringkat = [b.usulan.id for b in peringkat_kelompok(self.data, self.kid).baris]
        self.segarkan(self.data, {})

    def _ganti_kelompok(self, kid: str) -> None:
        if kid == self.kid:
            return
        pos = self.matriks.posisi()
        if pos and self.kid:
            self._kursor_kelompok[self.kid] = pos
        self.kid = kid
        aplikasi(self).kelompok_aktif = kid
        if self.urut_peringkat:
            self._urutan_peringkat = [b.usulan.id for b in peringkat_kelompok(self.data, kid).baris]
        m = self.matriks
        self.segarkan(self.data, {})
        kembali = self._kursor_kelompok.get(kid)
        if not (kembali and m.pindah_ke(*kembali)):
            m.pindah(0, 0)

    def keterangan_kelompok(self, data: Data, k: Kelompok) -> str:
        n = sum(1 for u in data.usulan_kelompok(k.id) if u.status not in STATUS_DISISIHKAN)
        return f"{n} usulan"

    def action_aturan(self) -> None:
        from ..bantuan import BantuanScreen

        self.app.push_screen(BantuanScreen("Aturan urutan dan seri", aturan_urutan(self.data), []))
