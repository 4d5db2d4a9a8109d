"""Sidang Kelompok: per kelompok its members, the election of its ketua, sekretaris and notulen, and the
verification of its usulan. The parts live in anggota.py, pemilihan.py and verifikasi.py; the screen hands
each the kelompok shown (`kid`) and the data changes, and shows what they post up."""

from __future__ import annotations

import random

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import ContentSwitcher, Static

from sesi import kelompok, persiapan
from sesi.data import VIRTUAL_PREFIX, Data
from sesi.model import JABATAN_KELOMPOK, Kelompok

from ..bagian import Bagian, LayarBagian
from ..glyph import g
from ..kontrak import aplikasi
from ..pilih_kelompok import PilihKelompok
from ..teks import aman
from ..widgets import KonfirmasiDialog, Tabel
from .anggota import BagianAnggota
from .bagian import BagianSidang
from .pemilihan import BagianPemilihan
from .verifikasi import BagianVerifikasi

BAGIAN: list[tuple[str, str, str]] = [("anggota", "Anggota", "1"), ("pemilihan", "Pemilihan", "2"),
                                      ("verifikasi", "Verifikasi", "3")]


class KelompokScreen(PilihKelompok, LayarBagian):
    TAHAP = "kelompok"
    CSS_PATH = "layar.tcss"
    # What the stage is for; the keys of the screen and of the part shown are listed from BINDINGS (F1).
    BANTUAN = (
        "Sidang Kelompok, satu kelompok pada satu waktu; kelompok yang dipilih di sini juga dibuka di layar "
        "Skoring dan Pleno II. Layar ini punya tiga bagian: Anggota, Pemilihan, Verifikasi; tombol bagian yang "
        "tampil tercantum di bawah. "
        "ANGGOTA: peserta hadir yang masuk kelompok, satu per satu (ketik untuk mencari) atau sekaligus semua "
        "peserta hadir dari satu desa/kelurahan dan/atau unsur. "
        "PEMILIHAN: sorot jabatan (ketua, sekretaris, notulen), lalu aklamasi (musyawarah mufakat, pilih satu "
        "orang) atau hitung suara (isi jumlah suara dua calon atau lebih; jumlah suara tidak boleh melebihi "
        "anggota hadir, satu orang satu jabatan). Bila suara seri: hitung suara lagi untuk putaran kedua di "
        "antara yang seri, atau undian; caranya dicatat. Serah terima pimpinan dari fasilitator kepada ketua "
        "terpilih dicatat beserta jamnya. Enter membuka menu jabatan yang disorot. "
        "VERIFIKASI: usulan yang disorot sesuai (kursor turun ke usulan berikut), ditolak (alasan wajib), "
        "dialihkan ke SKPD lain (alasan wajib; SKPD asal tetap tercatat), digabung dengan duplikatnya "
        "(desa/kelurahan asal tetap tercatat), dijadikan cadangan, dikembalikan ke baru, atau dipindah ke kelompok "
        "lain; Enter membuka menu. Tanda kira-kira sama dengan (= pada tampilan ASCII) menandai "
        "kemungkinan duplikat dan menyebut usulan yang mirip; rincian lengkap usulan yang disorot tampil di bawah tabel. Bila belum ada kelompok "
        "yang ditetapkan, kelompok dapat dibentuk satu per bidang."
    )

    BINDINGS = [
        Binding("o", "pilih_kelompok", "Pilih kelompok", id="kelompok.pilih", show=False,
                tooltip="Dari daftar (ketik nama kelompok); Skoring dan Pleno II mengikuti"),
        Binding("right_square_bracket", "geser_kelompok(1)", "Kelompok berikut", id="kelompok.berikut",
                show=False, key_display="]"),
        Binding("left_square_bracket", "geser_kelompok(-1)", "Kelompok sebelumnya", id="kelompok.sebelum",
                show=False, key_display="["),
        *[Binding(tombol, f"bagian('{key}')", f"Bagian {label}", id=f"kelompok.bagian_{key}", show=False)
          for key, label, tombol in BAGIAN],
        Binding("K", "per_bidang", "Bentuk kelompok per bidang", id="kelompok.per_bidang", show=False,
                tooltip="Satu kelompok untuk setiap bidang yang belum memiliki kelompok; ditanyakan dahulu"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.kid = ""
        self.bagian = "anggota"

    def isi(self) -> ComposeResult:
        yield Static(id="kepala")
        yield Static(id="tab")
        with ContentSwitcher(initial=self.bagian, id="bagian"):
            yield BagianAnggota(id="anggota")
            yield BagianPemilihan(id="pemilihan")
            yield BagianVerifikasi(id="verifikasi")

    def on_mount(self) -> None:
        self.call_after_refresh(self._bagian_aktif().fokus)
        self.ikuti_kelompok_aktif()

    def on_screen_resume(self) -> None:
        # Another screen chose another kelompok: show it (LayarBagian's and LayarTahap's handlers run next).
        self.ikuti(aplikasi(self).kelompok_aktif)

    @property
    def rng_undian(self) -> random.Random | None:
        """The random source of the lot (`undi`); None = the system's. Tests may set a seeded one."""
        return self.query_one(BagianPemilihan).rng_undian

    @rng_undian.setter
    def rng_undian(self, rng: random.Random | None) -> None:
        self.query_one(BagianPemilihan).rng_undian = rng

    # --- which kelompok ---
    @property
    def kelompok(self) -> Kelompok | None:
        return self.data.kelompok_dari_id(self.kid) if self.kid else None

    def _pilih_kid(self, data: Data) -> str:
        semua = data.kelompok
        if not semua:
            return ""
        ingin = aplikasi(self).kelompok_aktif or self.kid
        if any(k.id == ingin for k in semua):
            return ingin
        if ingin.startswith(VIRTUAL_PREFIX):  # a derived kelompok was just defined: follow its bidang
            bidang = ingin[len(VIRTUAL_PREFIX):]
            for k in semua:
                if bidang in k.bidang:
                    return k.id
        return semua[0].id

    def _ganti_kelompok(self, kid: str) -> None:
        if kid == self.kid:
            return
        self.kid = kid  # before the App's kelompok changes, so that its watcher finds it shown
        aplikasi(self).kelompok_aktif = kid
        self._tampilkan(self.data, force=True)
        kel = self.kelompok
        if kel is not None:
            self.status.atur(Text(f"Kelompok: {aman(kel.nama)}"))

    def keterangan_kelompok(self, data: Data, k: Kelompok) -> str:
        ket = f"{len([p for p in data.anggota(k.id) if p.hadir])} anggota, {len(data.usulan_kelompok(k.id))} usulan"
        return ket + (", belum ditetapkan" if k.virtual else "")

    def boleh_aksi(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "per_bidang":
            return any(k.virtual for k in self.data.kelompok)
        return True

    def action_per_bidang(self) -> None:
        virtual = [k for k in self.data.kelompok if k.virtual]
        if not virtual:
            self.status.atur("Setiap bidang sudah memiliki kelompok.")
            return

        def jawab(ya: bool | None) -> None:
            if ya:
                self._bentuk_per_bidang(virtual)
        self.app.push_screen(KonfirmasiDialog(
            f"Bentuk {len(virtual)} kelompok, satu untuk setiap bidang yang belum mempunyai kelompok: "
            f"{', '.join(aman(k.nama) for k in virtual)}?", ya="Bentuk"), jawab)

    def _bentuk_per_bidang(self, virtual: list) -> None:
        hasil = self.simpan(persiapan.kelompok_per_bidang)
        if hasil.ok:
            nama = ", ".join(aman(k.nama) for k in virtual)
            self.status.atur(Text(f"{g('ok')} {len(hasil.nilai)} kelompok dibentuk: {nama} {g('dot')} "
                                  f"Tersimpan rev {hasil.revisi}"))

    # --- which part ---
    def _bagian_aktif(self) -> BagianSidang:
        return self.query_one(f"#{self.bagian}", BagianSidang)

    def bagian_tampak(self, bagian: Bagian) -> bool:
        return bagian.KUNCI == self.bagian

    def action_bagian(self, key: str) -> None:
        if key != self.bagian:
            self.bagian = key
            self.query_one("#bagian", ContentSwitcher).current = key
            self._bagian_aktif().segarkan_tertunda(self.data)
            self._tab(self.data, self.kelompok)
        self._bagian_aktif().fokus()

    # --- showing ---
    def lebar_berubah(self) -> None:
        # Every list shown again at the new width (a part hidden now is shown whole when opened).
        for tabel in self.query(Tabel):
            tabel.clear(columns=True)
        self.segarkan(self.data, {})

    def segarkan(self, data: Data, perubahan: dict) -> None:
        kid = self._pilih_kid(data)
        if kid != self.kid:
            self.kid = kid
            perubahan = {}
        if kid and aplikasi(self).kelompok_aktif != kid:
            aplikasi(self).kelompok_aktif = kid
        kel = self.kelompok
        self._kepala(data, kel)
        self._tab(data, kel)
        for bagian in self.query(BagianSidang):
            bagian.kid = kid
        self.segarkan_bagian(data, perubahan)
        if self.focused is None:
            self._bagian_aktif().fokus()

    def _kepala(self, data: Data, kel: Kelompok | None) -> None:
        out = Text(no_wrap=True, overflow="ellipsis")
        semua = data.kelompok
        if kel is None:
            out.append("Belum ada kelompok", style="bold")
        else:
            out.append(aman(kel.nama), style="bold")
            out.append(f" ({[k.id for k in semua].index(kel.id) + 1}/{len(semua)})")
            if kel.bidang:
                out.append(f" {g('dot')} " + ", ".join(aman(b) or "tanpa bidang" for b in kel.bidang))
            if kel.virtual:
                out.append(" (belum ditetapkan)", style="bold")
        self.query_one("#kepala", Static).update(out)

    def _tab(self, data: Data, kel: Kelompok | None) -> None:
        angka = {"anggota": "", "pemilihan": "", "verifikasi": ""}
        if kel is not None:
            if not kel.virtual:
                angka["anggota"] = str(sum(1 for p in data.anggota(kel.id) if p.hadir))
                terpilih = sum(1 for j in JABATAN_KELOMPOK if getattr(kel, j))
                angka["pemilihan"] = f"{terpilih}/3" + (f" {g('tie')}" if any(kelompok.suara_seri(kel, j)
                                                                               for j in JABATAN_KELOMPOK) else "")
            usulan = data.usulan_kelompok(kel.id)
            baru = sum(1 for u in usulan if u.status == "baru")
            angka["verifikasi"] = f"{len(usulan) - baru}/{len(usulan)}"
        out = Text(no_wrap=True, overflow="ellipsis")
        for i, (key, label, tombol) in enumerate(BAGIAN):
            if i:
                out.append(g("sep"), style="dim")
            isi = f" {tombol} {label}" + (f" {angka[key]}" if angka[key] else "") + " "
            out.append(isi, style="bold reverse" if key == self.bagian else "")
        out.append("   o/[ ] ganti kelompok", style="dim")
        self.query_one("#tab", Static).update(out)
