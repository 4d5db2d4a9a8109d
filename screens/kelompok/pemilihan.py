"""Kelompok, part 2: the election of ketua, sekretaris and notulen from and by the members, and the hand-over
of the chair from the fasilitator to the elected ketua."""

from __future__ import annotations

import random
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Input, Static

from sesi import kelompok
from sesi.data import Data
from sesi.format import jam, kalimat
from sesi.model import JABATAN_KELOMPOK, Kelompok
from sesi.sebutan import label_unsur_singkat

from ..glyph import g
from .bagian import BagianSidang, TabelBagian, teks_belum_ditetapkan, nama_peserta
from ..teks import aman, potong, teks_baris
from ..tombol import isi_tombol, tombol_binding
from ..widgets import FormDialog, Kolom, KonfirmasiDialog, PilihDialog


def _dan(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " dan " + names[-1]


class SuaraDialog(FormDialog):
    """The hand count: one field per candidate (digits only); an empty field is not a candidate."""

    def on_mount(self) -> None:
        for inp in self.query(Input):
            inp.restrict = r"[0-9]*"
            inp.max_length = 4


class TabelPemilihan(TabelBagian):
    BINDINGS = [
        Binding("a", "bagian('aklamasi')", "Aklamasi", id="kelompok.pemilihan.aklamasi",
                tooltip="Musyawarah mufakat: pilih satu orang untuk jabatan yang disorot"),
        Binding("s", "bagian('suara')", "Hitung suara", id="kelompok.pemilihan.suara",
                tooltip="Isi jumlah suara dua calon atau lebih (tidak melebihi anggota hadir; satu orang "
                        "satu jabatan); bila seri, lagi untuk putaran kedua di antara yang seri"),
        Binding("u", "bagian('undi')", "Undian (suara seri)", id="kelompok.pemilihan.undi", show=False,
                tooltip="Menentukan suara seri dengan undian; caranya dicatat"),
        Binding("b", "bagian('batal')", "Batalkan pemilihan", id="kelompok.pemilihan.batal", show=False,
                tooltip="Pemilihan jabatan yang disorot"),
        Binding("r", "bagian('serah')", "Serah terima ke ketua", id="kelompok.pemilihan.serah_terima",
                show=False, tooltip="Serah terima pimpinan dari fasilitator kepada ketua terpilih, beserta jamnya"),
    ]


class BagianPemilihan(BagianSidang):
    KUNCI = "pemilihan"
    TABEL = frozenset({"peserta", "kelompok"})

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        #: The lot (`undi`) draws with this; None = the system's random source (tests set a seeded one).
        self.rng_undian: random.Random | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="pemilihan-ringkas", classes="ringkas")
        yield TabelPemilihan(id="pemilihan-tabel")
        yield Static(id="pemilihan-rinci", classes="rinci")
        yield Static(id="pemilihan-calon")

    # --- showing ---
    def segarkan(self, data: Data, perubahan: dict) -> None:
        kel = data.kelompok_dari_id(self.kid) if self.kid else None
        if self.hanya_pesan(teks_belum_ditetapkan(self, data, kel) if kel is None or kel.virtual else None):
            return
        ringkas = self.query_one("#pemilihan-ringkas", Static)
        tabel = self.tabel()
        calon = self.query_one("#pemilihan-calon", Static)
        rows = []
        for jab, label in JABATAN_KELOMPOK.items():
            pid = getattr(kel, jab)
            pem = kel.pemilihan_untuk(jab)
            seri = kelompok.suara_seri(kel, jab)
            if pid:
                cara = {"aklamasi": "aklamasi", "suara": "suara"}.get(pem.metode, pem.metode)
                if pem.penentuan == "putaran_kedua":
                    cara += ", putaran kedua"
                elif pem.penentuan == "undian":
                    cara += ", undian"
                cells = [teks_baris(label, "bold"), teks_baris(potong(nama_peserta(data, pid), 30)), teks_baris(cara),
                         teks_baris(jam(pem.waktu))]
            elif seri:
                nama = potong(_dan([nama_peserta(data, p) for p in seri.calon]), 24)
                cells = [teks_baris(label, "bold"), teks_baris(f"{g('tie')} SERI: {nama}", "bold reverse"),
                         teks_baris(f"seri putaran {seri.putaran}", "bold"), teks_baris("")]
            else:
                cells = [teks_baris(label, "bold"), teks_baris("belum dipilih", "dim"), teks_baris(""), teks_baris("")]
            rows.append((jab, cells))
        tabel.isi([("Jabatan", "jabatan"), ("Terpilih", "nama"), ("Cara", "cara"), ("Pukul", "pukul")], rows)
        hadir = self.anggota_hadir(data, kel.id)
        dot = f" {g('dot')} "
        out = Text(no_wrap=True, overflow="ellipsis")
        out.append(f"{len(hadir)} anggota hadir", style="bold")
        out.append(f"{dot}calon dari anggota hadir{dot}satu orang satu jabatan")
        out.append(isi_tombol(self, "\n{kelompok.pemilihan.aklamasi} aklamasi  {kelompok.pemilihan.suara} hitung "
                              "suara  {kelompok.pemilihan.undi} undian  {kelompok.pemilihan.batal} batalkan  "
                              "{kelompok.pemilihan.serah_terima} serah terima  Enter menu"), style="dim")
        ringkas.update(out)
        self._rinci(data, kel)
        jabatan = {getattr(kel, j): lbl for j, lbl in JABATAN_KELOMPOK.items() if getattr(kel, j)}
        daftar = Text()
        daftar.append(f"Anggota hadir ({len(hadir)}): ", style="bold")
        for i, p in enumerate(hadir):
            if i:
                daftar.append(", ")
            daftar.append(aman(p.nama), style="dim" if p.id in jabatan else "")
            if p.id in jabatan:
                daftar.append(f" ({jabatan[p.id].lower()})", style="dim")
        if not hadir:
            daftar.append("belum ada; masukkan anggota di bagian 1 Anggota.", style="dim")
        calon.update(daftar)

    def _rinci(self, data: Data, kel: Kelompok) -> None:
        """Every post: who was elected and how (uraian_pemilihan), or the tie; then the hand-over."""
        nama = {p.id: p.nama for p in data.peserta.values()}
        out = Text()
        for i, (jab, label) in enumerate(JABATAN_KELOMPOK.items()):
            if i:
                out.append("\n")
            pid = getattr(kel, jab)
            pem = kel.pemilihan_untuk(jab)
            out.append(f"{label}: ", style="bold")
            seri = kelompok.suara_seri(kel, jab)
            if pid:
                p = data.peserta.get(pid)
                out.append(nama_peserta(data, pid), style="bold")
                if p is not None:
                    asal = p.kelurahan or p.lembaga
                    out.append(f" ({label_unsur_singkat(data, p.unsur)}{', ' + aman(asal) if asal else ''})")
                out.append(f", {aman(kelompok.uraian_pemilihan(pem, nama))}, pukul {jam(pem.waktu)}.")
                if pem.catatan:
                    out.append(f" Catatan: {kalimat(aman(pem.catatan))}")
            elif seri:
                out.append(f"{g('warn')} SUARA SERI (putaran {seri.putaran}): "
                           f"{_dan([nama_peserta(data, p) for p in seri.calon])} masing-masing {seri.suara} suara. "
                           "s = putaran kedua di antara yang seri, u = undian.", style="bold")
            else:
                out.append("belum dipilih.", style="dim")
        out.append("\nSerah terima pimpinan: ", style="bold")
        fasil = aman(kel.fasilitator) or "fasilitator"
        if kel.serah_terima:
            out.append(f"dari {fasil} kepada ketua {nama_peserta(data, kel.ketua)}, pukul {jam(kel.serah_terima)}.")
        elif kel.ketua:
            out.append(f"belum dicatat. r = catat serah terima dari {fasil} kepada ketua "
                       + kalimat(nama_peserta(data, kel.ketua)))
        else:
            out.append(f"menunggu ketua terpilih (pimpinan sementara: {fasil}).", style="dim")
        self.query_one("#pemilihan-rinci", Static).update(out)

    # --- actions ---
    def _siap(self) -> tuple[Kelompok, str] | None:
        kel = self.kel
        if kel is None or kel.virtual:
            self.kabar(isi_tombol(self, f"{g('warn')} Tetapkan kelompok dahulu (tombol {{kelompok.per_bidang}}: satu kelompok "
                                        "per bidang)."), galat=True)
            return None
        return kel, self.tabel().kunci_terpilih() or "ketua"

    def _calon(self, kel: Kelompok, jab: str, hanya: list[str] | None = None) -> list[tuple[str, str, str]]:
        """(pid, name, note) of the present members, officers of another post marked and listed last."""
        jabatan = {getattr(kel, j): lbl for j, lbl in JABATAN_KELOMPOK.items() if getattr(kel, j) and j != jab}
        out = []
        for p in self.anggota_hadir(self.data, kel.id):
            if hanya is not None and p.id not in hanya:
                continue
            out.append((p.id, aman(p.nama), f"sudah {jabatan[p.id].lower()}" if p.id in jabatan else ""))
        out.sort(key=lambda c: bool(c[2]))
        return out

    def _terpilih(self, kel_id: str, jab: str, revisi: int) -> None:
        kel = self.data.kelompok_dari_id(kel_id)
        if kel is None:
            return
        pid = getattr(kel, jab)
        pem = kel.pemilihan_untuk(jab)
        cara = {"aklamasi": "aklamasi", "suara": "suara"}.get(pem.metode, pem.metode)
        if pem.penentuan:
            cara += f", {kelompok.PENENTUAN[pem.penentuan]}"
        self.kabar(f"{g('ok')} {JABATAN_KELOMPOK[jab]}: {nama_peserta(self.data, pid)} ({cara}) "
                   f"{g('dot')} Tersimpan rev {revisi}")

    def aksi_aklamasi(self) -> None:
        siap = self._siap()
        if siap is None:
            return
        kel, jab = siap
        calon = self._calon(kel, jab)
        if not calon:
            self.kabar("Belum ada anggota hadir di kelompok ini (bagian 1 Anggota).", galat=True)
            return
        pilihan = [(nama + (f" ({note})" if note else ""), pid) for pid, nama, note in calon]

        def pilih(pid: str | None) -> None:
            if pid:
                hasil = self.simpan(kelompok.pilih_aklamasi, kel.id, jab, pid)
                if hasil.ok:
                    self._terpilih(kel.id, jab, hasil.revisi)
        self.app.push_screen(PilihDialog(f"Aklamasi (musyawarah mufakat): {JABATAN_KELOMPOK[jab]} "
                                         f"{aman(kel.nama)}", pilihan,
                                         petunjuk="Ketik nama yang disepakati, Enter"), pilih)

    def aksi_suara(self) -> None:
        siap = self._siap()
        if siap is None:
            return
        kel, jab = siap
        seri = kelompok.suara_seri(kel, jab)
        calon = self._calon(kel, jab, hanya=list(seri.calon) or None)
        if len(calon) < 2:
            self.kabar("Pemungutan suara memerlukan sekurang-kurangnya dua anggota hadir.", galat=True)
            return
        hadir = len(self.anggota_hadir(self.data, kel.id))
        judul = f"Hitung suara: {JABATAN_KELOMPOK[jab]} {aman(kel.nama)}"
        if seri:
            judul += f" (putaran {seri.putaran + 1}, di antara yang seri)"
        judul += f"\nAnggota hadir {hadir}. Isi suara 2 calon atau lebih; kosong = bukan calon."
        kolom = [Kolom(f"c{i}", potong(nama, 23), petunjuk=note or "jumlah suara")
                 for i, (_, nama, note) in enumerate(calon)]
        self._hasil_suara = None

        def periksa(v: dict[str, str]) -> str | None:
            suara = {calon[i][0]: int(v[f"c{i}"]) for i in range(len(calon)) if v[f"c{i}"].strip()}
            hasil = self.simpan(kelompok.catat_suara, kel.id, jab, suara)
            if not hasil.ok:
                return hasil.pesan
            self._hasil_suara = (hasil.nilai, hasil.revisi)
            return None

        def selesai(v: dict | None) -> None:
            if not v or self._hasil_suara is None:
                return
            res, revisi = self._hasil_suara
            if res.terpilih:
                self._terpilih(kel.id, jab, revisi)
            else:
                self._tawarkan_seri(kel.id, jab)
        self.app.push_screen(SuaraDialog(judul, kolom, periksa), selesai)

    def _tawarkan_seri(self, kid: str, jab: str) -> None:
        kel = self.data.kelompok_dari_id(kid)
        if kel is None:
            return
        seri = kelompok.suara_seri(kel, jab)
        names = _dan([nama_peserta(self.data, p) for p in seri.calon])
        self.kabar(Text(f"{g('warn')} Suara seri: {names} masing-masing {seri.suara} suara "
                        f"{g('dot')} Tersimpan rev {self.data.revisi}", style="bold"))
        pilihan = [(f"Putaran kedua di antara {names} ({tombol_binding(self, 'kelompok.pemilihan.suara')})", "suara"),
                   (f"Undian di antara {names} ({tombol_binding(self, 'kelompok.pemilihan.undi')})", "undi"),
                   ("Putuskan nanti", "nanti")]

        def pilih(v: str | None) -> None:
            if v == "suara":
                self.aksi_suara()
            elif v == "undi":
                self.aksi_undi()
        self.app.push_screen(PilihDialog(f"Suara seri untuk {JABATAN_KELOMPOK[jab].lower()}: {names} "
                                         f"masing-masing {seri.suara} suara. Lanjutkan dengan:", pilihan), pilih)

    def aksi_undi(self) -> None:
        siap = self._siap()
        if siap is None:
            return
        kel, jab = siap
        seri = kelompok.suara_seri(kel, jab)
        if not seri:
            self.kabar(f"Tidak ada suara seri untuk {JABATAN_KELOMPOK[jab].lower()}; undian hanya untuk suara seri.",
                       galat=True)
            return
        names = _dan([nama_peserta(self.data, p) for p in seri.calon])

        def jawab(ya: bool | None) -> None:
            if ya:
                hasil = self.simpan(kelompok.undi, kel.id, jab, rng=self.rng_undian)
                if hasil.ok:
                    self._terpilih(kel.id, jab, hasil.revisi)
        self.app.push_screen(KonfirmasiDialog(f"Tentukan {JABATAN_KELOMPOK[jab].lower()} dengan undian di antara "
                                              f"{names}? Cara penentuan dicatat dalam berita acara.",
                                              ya="Undi"), jawab)

    def aksi_batal(self) -> None:
        siap = self._siap()
        if siap is None:
            return
        kel, jab = siap
        pid = getattr(kel, jab)
        if not pid and not kel.pemilihan.get(jab):
            self.kabar(f"{JABATAN_KELOMPOK[jab]} belum dipilih; tidak ada yang dibatalkan.", galat=True)
            return
        apa = (f"pemilihan {nama_peserta(self.data, pid)} sebagai {JABATAN_KELOMPOK[jab].lower()}" if pid
               else f"pemungutan suara {JABATAN_KELOMPOK[jab].lower()} yang seri")
        if jab == "ketua" and kel.serah_terima:
            apa += " (catatan serah terima ikut dibatalkan)"

        def jawab(ya: bool | None) -> None:
            if ya:
                hasil = self.simpan(kelompok.batal_pemilihan, kel.id, jab)
                if hasil.ok:
                    self.kabar(f"Pemilihan {JABATAN_KELOMPOK[jab].lower()} dibatalkan {g('dot')} "
                               f"Tersimpan rev {hasil.revisi}")
        self.app.push_screen(KonfirmasiDialog(f"Batalkan {apa}?", ya="Batalkan"), jawab)

    def aksi_serah(self) -> None:
        siap = self._siap()
        if siap is None:
            return
        kel, _ = siap
        if not kel.ketua or kel.serah_terima:
            # the domain explains why (no ketua yet / already recorded)
            self.simpan(kelompok.serah_terima, kel.id)
            return
        fasil = aman(kel.fasilitator) or "fasilitator"

        def jawab(ya: bool | None) -> None:
            if ya:
                hasil = self.simpan(kelompok.serah_terima, kel.id)
                if hasil.ok:
                    baru = self.data.kelompok_dari_id(kel.id)
                    self.kabar(f"{g('ok')} Serah terima kepada {nama_peserta(self.data, kel.ketua)} pukul "
                               f"{jam(baru.serah_terima if baru else '')} {g('dot')} Tersimpan rev {hasil.revisi}")
        self.app.push_screen(KonfirmasiDialog(f"Catat serah terima pimpinan sidang kelompok dari {fasil} kepada "
                                              f"ketua terpilih {nama_peserta(self.data, kel.ketua)} sekarang?",
                                              ya="Catat"), jawab)

    @on(TabelBagian.RowSelected, "#pemilihan-tabel")
    def _menu(self) -> None:
        siap = self._siap()
        if siap is None:
            return
        kel, jab = siap
        seri = kelompok.suara_seri(kel, jab)
        if getattr(kel, jab):
            pilihan = [("Batalkan pemilihan ({kelompok.pemilihan.batal})", "batal")]
            if jab == "ketua" and not kel.serah_terima:
                pilihan.insert(0, ("Catat serah terima kepada ketua ({kelompok.pemilihan.serah_terima})", "serah"))
        elif seri:
            pilihan = [("Putaran kedua di antara yang seri ({kelompok.pemilihan.suara})", "suara"),
                       ("Undian ({kelompok.pemilihan.undi})", "undi"),
                       ("Batalkan pemungutan suara ({kelompok.pemilihan.batal})", "batal")]
        else:
            pilihan = [("Aklamasi / musyawarah mufakat ({kelompok.pemilihan.aklamasi})", "aklamasi"),
                       ("Hitung suara ({kelompok.pemilihan.suara})", "suara")]
        pilihan = [(isi_tombol(self, label), v) for label, v in pilihan]

        def pilih(v: str | None) -> None:
            if v:
                getattr(self, f"aksi_{v}")()
        self.app.push_screen(PilihDialog(f"{JABATAN_KELOMPOK[jab]} {aman(kel.nama)}", pilihan), pilih)
