"""Parts 1-4 of the Persiapan screen: session data, agenda and team, criteria, kelompok (and their base).

Each part shows one slice of the session and turns the screen's generic keys (add, edit, delete) into the
`sesi` actions for that slice. A part is refreshed only when a table it shows changed, and only while it
is visible (a hidden part is marked stale and refreshed when it is shown).
"""

from __future__ import annotations

import functools
from datetime import date
from typing import Any, Callable, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import DataTable, Static

from sesi import acara, akun, persiapan, sebutan
from sesi.data import Data
from sesi.errors import SesiError
from sesi.format import nama_hari, tanggal_lengkap, tanggal_panjang
from sesi.model import (PERAN, PERAN_TIM, TAHAP, ZONA)
from sesi.peringatan import peringatan_tanggal

from ..bagian import Bagian
from ..glyph import g
from ..teks import aman, lebar_kolom, potong, teks_baris
from ..tombol import isi_tombol, tombol_binding
from .dialog import FormPersiapan, KelompokDialog
from ..widgets import Hasil, Kolom, KonfirmasiDialog, PilihDialog, Tabel


def _dijaga(fn: Callable[[Any], None]) -> Callable[[Any], None]:
    @functools.wraps(fn)
    def jaga(self: "BagianPersiapan") -> None:
        if self.JENIS is None or self.boleh(self.JENIS):
            fn(self)
    return jaga


class BagianPersiapan(Bagian):
    """One part of the Persiapan screen (one tab): a list, a detail line and a hint line by default, and
    the screen's generic keys (add, edit, delete) turned into the `sesi` actions of its slice."""

    #: The hint line under the part; keys written as "{binding.id}" (screens/tombol.py `isi_tombol`).
    PETUNJUK: ClassVar[str] = ""
    #: The kind of change (`sesi.peran.BOLEH`) its add/edit/delete forms save; the screen asks `boleh` before
    #: opening one. None: the part checks per row itself (Acara & tim: sambutan are notes).
    JENIS: ClassVar[str | None] = "persiapan"

    def __init_subclass__(cls, **kwargs: Any) -> None:
        """Each part's add/edit/delete (`tambah`, `ubah`, `hapus`, from a key, Enter or the palette) first asks
        `boleh(JENIS)`: a role that may not save them is refused before any form or question opens."""
        super().__init_subclass__(**kwargs)
        for nama in ("tambah", "ubah", "hapus"):
            asli = cls.__dict__.get(nama)
            if asli is not None:
                setattr(cls, nama, _dijaga(asli))

    def __init__(self) -> None:
        super().__init__(id=f"bagian-{self.KUNCI}")
        #: row key to put the cursor on at the next refresh (the record a form just saved)
        self.pilih_nanti = ""

    # --- helpers ---
    def lakukan(self, fn: Any, *args: Any, **kwargs: Any) -> Hasil:
        """Save an action started outside a form: a refusal is also shown whole, in a notification."""
        hasil = self.simpan(fn, *args, **kwargs)
        if not hasil.ok:
            self.app.notify(aman(hasil.pesan), title="Ditolak", severity="error", timeout=10, markup=False)
        return hasil

    def compose(self) -> ComposeResult:
        """The usual part: a list, a detail line for the highlighted row, and the hint line."""
        yield Tabel(id=f"{self.KUNCI}-tabel")
        yield Static(id=f"{self.KUNCI}-rinci", classes="rinci")
        yield self.petunjuk()

    def petunjuk(self) -> Static:
        return Static(self.teks_petunjuk(self.PETUNJUK), classes="petunjuk")

    def teks_petunjuk(self, petunjuk: str) -> Text:
        """A hint line: each "{binding.id}" named as the user's keymap sets it now, " · " in the look's dot."""
        return teks_baris(isi_tombol(self, petunjuk).replace(" · ", f" {g('dot')} "))

    def terapkan_pilihan(self, tabel: Tabel) -> None:
        """After a save from a form: put the cursor on the record just added or changed."""
        key, self.pilih_nanti = self.pilih_nanti, ""
        if key and key in tabel.rows:
            tabel.move_cursor(row=tabel.get_row_index(key), animate=False)

    def tanya(self, pertanyaan: str, lakukan: Any, ya: str = "Ya") -> None:
        def jawab(ok: bool | None) -> None:
            if ok:
                lakukan()
        self.app.push_screen(KonfirmasiDialog(pertanyaan, ya=ya), jawab)

    def utama(self) -> Widget | None:
        """The widget that takes the focus when the part is shown."""
        return next(iter(self.query(Tabel)), None)

    # --- the screen's generic keys ---
    def tambah(self) -> None:
        self.kabar("Tidak ada yang dapat ditambahkan di bagian ini.")

    def ubah(self) -> None:
        self.kabar("Tidak ada yang dapat diubah di bagian ini.")

    def hapus(self) -> None:
        self.kabar("Tidak ada yang dapat dihapus di bagian ini.")


# --- 1. Sesi ----------------------------------------------------------------------------------------

BARIS_SESI: list[tuple[str, str]] = [
    ("kecamatan", "Kecamatan"),
    ("jenis_daerah", "Jenis daerah"),
    ("kota", "Kota/kabupaten"),
    ("tahun", "Tahun RKPD"),
    ("tanggal", "Tanggal musrenbang"),
    ("tempat", "Tempat"),
    ("camat", "Camat"),
    ("nomor_ba", "Nomor berita acara"),
    ("tanggal_pengumuman", "Tanggal pengumuman"),
    ("min_delegasi", "Delegasi per wilayah"),  # worded per session in segarkan
    ("min_perempuan_delegasi", "Perempuan per delegasi"),
    ("ibu_kota_kecamatan", "Ibu kota kecamatan"),
    ("zona", "Zona waktu"),
    ("bappeda", "Badan perencanaan"),
    ("nip_camat", "NIP Camat"),
    ("pimpinan_nama", "Pimpinan sidang"),
    ("waktu_mulai", "Waktu mulai"),
    ("waktu_selesai", "Waktu selesai"),
    ("sumber_wilayah", "Sumber daftar wilayah"),
    ("tahap", "Tahap sesi"),
]


def _tanggal(iso: str) -> str:
    try:
        return f"{iso} ({nama_hari(iso)}, {tanggal_panjang(iso)})"
    except ValueError:
        return iso


def _tanggal_lengkap(iso: str) -> str:
    """'2027-02-09' -> 'Selasa, 9 Februari 2027' ("" and anything not a date as it is)."""
    try:
        return tanggal_lengkap(iso) if iso else ""
    except ValueError:
        return iso


class BagianSesi(BagianPersiapan):
    KUNCI = "sesi"
    TABEL = frozenset({"sesi"})
    PETUNJUK = "Enter atau {persiapan.ubah}: ubah data sesi (mulai pada baris yang disorot)."

    def compose(self) -> ComposeResult:
        yield Tabel(id="sesi-tabel", zebra_stripes=False)
        yield Static(id="sesi-peringatan")
        yield self.petunjuk()

    def segarkan(self, data: Data, perubahan: dict) -> None:
        info = data.info
        awas = peringatan_tanggal(info)
        rows = []
        lebar = lebar_kolom(self.app.size.width, 54, 0.9)  # the values get the width a wide terminal has
        for key, label in BARIS_SESI:
            nilai: Any = getattr(info, key)
            style = ""
            if key == "min_delegasi":
                label = f"Delegasi per {sebutan.wilayah_kecil(data)}"
            if key == "kota":
                label, nilai = sebutan.jenis_daerah(data), sebutan.nama_daerah_saja(data)
            elif key == "ibu_kota_kecamatan":
                nilai = f"{sebutan.tempat_ttd(data)} (tempat tanda tangan berita acara)"
            elif key == "zona":
                nilai = sebutan.zona(data)
            elif key in ("waktu_mulai", "waktu_selesai"):
                nilai = f"{nilai} {sebutan.zona(data)}" if nilai else "(belum dicatat)"
            elif key == "pimpinan_nama":
                p = acara.pimpinan_sidang(data)
                nilai = ", ".join(x for x in (p.nama, p.jabatan, f"NIP {p.nip}" if p.nip else "") if x) \
                    + (" (camat memimpin)" if p.camat else "")
            elif key == "nip_camat":
                nilai = nilai or "(belum dicatat)"
            elif key == "bappeda":
                nilai = sebutan.bappeda(data)
            elif key == "sumber_wilayah":
                nilai = nilai or "(diisi tangan, bawaan aplikasi, atau dari berkas)"
            elif key == "tanggal":
                nilai = _tanggal(info.tanggal)
            elif key == "tanggal_pengumuman":
                if info.tanggal_pengumuman:
                    nilai = info.tanggal_pengumuman
                    try:
                        hari = (date.fromisoformat(info.tanggal) - date.fromisoformat(nilai)).days
                        nilai += f" ({hari} hari sebelum musrenbang)"
                    except ValueError:
                        pass
                else:
                    nilai = "(belum dicatat)"
            elif key in ("min_delegasi", "min_perempuan_delegasi"):
                nilai = f"minimal {nilai} orang (peringatan, tidak menghalangi)"
            elif key == "tahap":
                nilai = f"{TAHAP.get(nilai, nilai)} ({tombol_binding(self, 'app.tetapkan_tahap')} di layar tahap yang berlangsung)"
            if key in awas:
                nilai = f"{g('warn')} {nilai}"
                style = "bold"
            rows.append((key, [teks_baris(label, "bold"), teks_baris(potong(nilai, lebar), style)]))
        peran_akun = akun.daftar_peran(data.raw.get("sesi"))
        rows.append(("peran_akun", [teks_baris("Peran akun", "bold"), teks_baris(potong(
            "; ".join(f"{a}={p}" for a, p in peran_akun.items())
            or isi_tombol(self, "(belum diatur: setiap akun memakai --peran; tombol {persiapan.peran_akun} mengatur)"),
            lebar))]))
        self.query_one("#sesi-tabel", Tabel).isi([("Data sesi", "label"), ("Isi", "isi")], rows)
        out = Text("Tidak ada peringatan tentang tanggal.", style="dim")
        if awas:
            out = Text("\n".join(f"{g('warn')} {pesan}" for pesan in awas.values()), style="bold")
        self.query_one("#sesi-peringatan", Static).update(out)

    @on(DataTable.RowSelected, "#sesi-tabel")
    def _enter(self) -> None:
        if self.query_one("#sesi-tabel", Tabel).kunci_terpilih() == "peran_akun":
            self.ubah_peran()
        else:
            self.ubah()

    def ubah_peran(self) -> None:
        """Edit the unix accounts' roles (README "Beberapa terminal, satu sesi"): one line
        'akun=peran; akun=peran'. Only the session file's owner may (`sesi.akun.atur_peran` refuses others), from
        a pimpinan or operator terminal: any other role is refused before the form opens."""
        if not self.boleh("peran_akun"):
            return
        lama = akun.daftar_peran(self.data.raw.get("sesi"))
        awal = "; ".join(f"{a}={p}" for a, p in lama.items())

        def periksa(v: dict[str, str]) -> str | None:
            baru: dict[str, str] = {}
            for bagian in filter(None, (x.strip() for x in v["peran"].replace(",", ";").split(";"))):
                nama, _, peran = bagian.partition("=")
                if not peran.strip():
                    return f"Tulis setiap akun sebagai akun=peran, bukan '{bagian}'."
                baru[nama.strip()] = peran.strip().lower()
            try:
                akun.atur_peran(self.aplikasi.store, {a: p for a, p in baru.items() if lama.get(a) != p},
                                [a for a in lama if a not in baru])
            except SesiError as e:
                return str(e)
            self.aplikasi.muat_ulang()
            asing = [a for a in baru if not akun.akun_dikenal(a)]
            self.kabar(f"Peran akun tersimpan: {len(baru)} akun"
                       + (f" (belum ada di mesin ini: {', '.join(asing)})" if asing else "") + ".")
            return None
        self.app.push_screen(FormPersiapan("Peran akun unix", [Kolom(
            "peran", "Peran akun", awal,
            petunjuk=f"mis. budi=fasilitator; siti=notulen; camat=pimpinan (peran: {', '.join(PERAN)})")],
            periksa))

    def ubah(self) -> None:
        info = self.data.info
        fokus = self.query_one("#sesi-tabel", Tabel).kunci_terpilih() or "kecamatan"
        awal = {k: str(getattr(info, k)) for k, _ in BARIS_SESI}
        awal.update(pimpinan_jabatan=info.pimpinan_jabatan, pimpinan_nip=info.pimpinan_nip)
        awal.update(ibu_kota_kecamatan=sebutan.tempat_ttd(self.data), zona=sebutan.zona(self.data),
                    bappeda=sebutan.bappeda(self.data))
        for k in ("tanggal", "tanggal_pengumuman"):  # dates shown in full; typed back in any usual form
            awal[k] = _tanggal_lengkap(awal[k])
        kolom = [
            Kolom("kecamatan", "Kecamatan", awal["kecamatan"], wajib=True),
            Kolom("jenis_daerah", "Jenis daerah", awal["jenis_daerah"], pilihan=[("Kota", "Kota"),
                                                                                ("Kabupaten", "Kabupaten")],
                  wajib=True),
            Kolom("kota", f"Nama {sebutan.jenis_daerah(self.data).lower()}", awal["kota"], wajib=True,
                  petunjuk="nama saja, mis. Cilacap"),
            Kolom("tahun", "Tahun RKPD", awal["tahun"], wajib=True, petunjuk="tahun yang direncanakan"),
            Kolom("tanggal", "Tanggal musrenbang", awal["tanggal"], wajib=True,
                  petunjuk="mis. 09/02/2027 atau 9 Februari 2027"),
            Kolom("tempat", "Tempat", awal["tempat"], wajib=True),
            Kolom("camat", "Camat", awal["camat"]),
            Kolom("nip_camat", "NIP Camat", awal["nip_camat"], petunjuk="18 angka, mis. 19700101 199003 1 001"),
            Kolom("waktu_mulai", "Waktu mulai", awal["waktu_mulai"], petunjuk=f"mis. 08.00 ({sebutan.zona(self.data)})"),
            Kolom("waktu_selesai", "Waktu selesai", awal["waktu_selesai"], petunjuk="mis. 15.30"),
            Kolom("pimpinan_nama", "Pimpinan sidang", info.pimpinan_nama, petunjuk="kosong: camat memimpin"),
            Kolom("pimpinan_jabatan", "Jabatan pimpinan", info.pimpinan_jabatan),
            Kolom("pimpinan_nip", "NIP pimpinan", info.pimpinan_nip, petunjuk="18 angka"),
            Kolom("nomor_ba", "Nomor berita acara", awal["nomor_ba"], petunjuk="mis. 050/   /Kec-BJU/2027"),
            Kolom("tanggal_pengumuman", "Tanggal pengumuman", awal["tanggal_pengumuman"],
                  petunjuk="mis. 02/02/2027; minimal 7 hari sebelum"),
            Kolom("min_delegasi", f"Min. delegasi/{sebutan.wilayah_kecil(self.data)}", awal["min_delegasi"]),
            Kolom("min_perempuan_delegasi", "Min. perempuan/delegasi", awal["min_perempuan_delegasi"]),
            Kolom("ibu_kota_kecamatan", "Ibu kota kecamatan", sebutan.tempat_ttd(self.data), wajib=True,
                  petunjuk="tempat penandatanganan"),
            Kolom("zona", "Zona waktu", sebutan.zona(self.data), pilihan=[(z, z) for z in ZONA], wajib=True),
            Kolom("bappeda", "Badan perencanaan", sebutan.bappeda(self.data), wajib=True,
                  petunjuk="mis. Bappelitbangda Kabupaten Cilacap"),
        ]

        def periksa(v: dict[str, str]) -> str | None:
            beda = {k: x for k, x in v.items() if x != awal.get(k)}
            if not beda:
                return None
            hasil = self.simpan(acara.ubah_sesi, **beda)
            return None if hasil.ok else hasil.pesan
        if fokus in ("tahap", "peran_akun"):
            fokus = ""
        self.app.push_screen(FormPersiapan("Ubah data sesi", kolom, periksa, fokus=fokus))


# --- 2. Jadwal, tim, sambutan -------------------------------------------------------------------------

#: kind -> (label shown in the list, store table)
JENIS_DAFTAR: dict[str, tuple[str, str]] = {
    "jadwal": ("Jadwal", "jadwal"),
    "penyelenggara": ("Penyelenggara", "tim"),
    "narasumber": ("Narasumber", "tim"),
    "fasilitator": ("Fasilitator", "tim"),
    "sambutan": ("Sambutan", "sambutan"),
}
JUDUL_DAFTAR = {"jadwal": "Jadwal acara", "penyelenggara": "Tim penyelenggara", "narasumber": "Narasumber",
                "fasilitator": "Fasilitator", "sambutan": "Sambutan"}


class BagianAcara(BagianPersiapan):
    KUNCI = "acara"
    JENIS = None  # per row: sambutan are notes (`_form`, `hapus`)
    TABEL = frozenset({"jadwal", "tim", "sambutan"})
    PETUNJUK = "{persiapan.tambah} tambah (pilih daftarnya) · Enter/{persiapan.ubah} ubah · {persiapan.hapus} hapus"

    def _baris(self, data: Data) -> list[tuple[str, str, Any]]:
        """(row key, kind, record) in the order shown: jadwal, team by role, sambutan."""
        out: list[tuple[str, str, Any]] = [(f"jadwal:{r.id}", "jadwal", r) for r in data.daftar("jadwal")]
        tim = data.daftar("tim")
        for peran in PERAN_TIM:
            out += [(f"tim:{r.id}", peran, r) for r in tim if r.peran == peran]
        out += [(f"sambutan:{r.id}", "sambutan", r) for r in data.daftar("sambutan")]
        return out

    def segarkan(self, data: Data, perubahan: dict) -> None:
        rows = []
        for key, jenis, r in self._baris(data):
            if jenis == "jadwal":
                cells = [r.waktu, r.acara, r.keterangan]
            elif jenis == "sambutan":
                cells = ["", r.nama, r.jabatan]
            else:
                ket = r.jabatan
                if r.materi:
                    ket = f"materi: {r.materi}" + (f" ({r.jabatan})" if r.jabatan else "")
                cells = ["", r.nama, ket]
            rows.append((key, [teks_baris(JENIS_DAFTAR[jenis][0], "bold"), teks_baris(potong(cells[0], 11)), teks_baris(potong(cells[1], 28)),
                               teks_baris(potong(cells[2], 18))]))
        tabel = self.query_one("#acara-tabel", Tabel)
        tabel.isi([("Daftar", "daftar"), ("Waktu", "waktu"), ("Acara / nama", "nama"),
                   ("Keterangan", "ket")], rows)
        self.terapkan_pilihan(tabel)
        self._rinci()

    def _terpilih(self) -> tuple[str, Any] | None:
        key = self.query_one("#acara-tabel", Tabel).kunci_terpilih()
        if not key:
            return None
        table, rid = key.split(":", 1)
        rec = self.data.records(table).get(rid)
        if rec is None:
            return None
        jenis = "jadwal" if table == "jadwal" else "sambutan" if table == "sambutan" else rec.peran
        return jenis, rec

    @on(DataTable.RowHighlighted, "#acara-tabel")
    def _rinci(self) -> None:
        pilih = self._terpilih()
        out = Text()
        if pilih:
            jenis, r = pilih
            if jenis == "jadwal":
                out = teks_baris(f"{r.waktu}  {r.acara}" + (f" {g('dot')} {r.keterangan}" if r.keterangan else ""))
            else:
                bagian = [r.nama] + ([r.jabatan] if r.jabatan else [])
                if jenis != "sambutan" and r.materi:
                    bagian.append(f"materi: {r.materi}")
                out = teks_baris(f"{JUDUL_DAFTAR[jenis]}: " + f" {g('dot')} ".join(bagian))
        self.query_one("#acara-rinci", Static).update(out)

    @on(DataTable.RowSelected, "#acara-tabel")
    def _enter(self) -> None:
        self.ubah()

    def tambah(self) -> None:
        def pilih(jenis: str | None) -> None:
            if jenis:
                self._form(jenis, None)
        self.app.push_screen(PilihDialog("Tambah ke daftar", [(JUDUL_DAFTAR[k], k) for k in JENIS_DAFTAR],
                                         petunjuk="Ketik atau pilih daftarnya, Enter"), pilih)

    def ubah(self) -> None:
        pilih = self._terpilih()
        if pilih is None:
            self.kabar(isi_tombol(self, "Daftar masih kosong. {persiapan.tambah} untuk menambah."))
            return
        self._form(*pilih)

    def _form(self, jenis: str, rec: Any) -> None:
        if not self.boleh("catatan" if jenis == "sambutan" else "persiapan"):
            return
        rid = rec.id if rec is not None else None
        if jenis == "jadwal":
            kolom = [Kolom("waktu", "Waktu", rec.waktu if rec else "", wajib=True, petunjuk="mis. 08.00-08.30"),
                     Kolom("acara", "Acara", rec.acara if rec else "", wajib=True),
                     Kolom("keterangan", "Keterangan", rec.keterangan if rec else "")]

            def periksa(v: dict[str, str]) -> str | None:
                return self._hasil(self.simpan(persiapan.simpan_jadwal, v["waktu"], v["acara"], v["keterangan"],
                                               rid=rid))
        elif jenis == "sambutan":
            kolom = [Kolom("nama", "Nama", rec.nama if rec else "", wajib=True),
                     Kolom("jabatan", "Jabatan", rec.jabatan if rec else "")]

            def periksa(v: dict[str, str]) -> str | None:
                return self._hasil(self.simpan(persiapan.simpan_sambutan, v["nama"], v["jabatan"], rid=rid))
        else:
            kolom = [Kolom("nama", "Nama", rec.nama if rec else "", wajib=True),
                     Kolom("peran", "Peran", rec.peran if rec else jenis,
                           pilihan=[(lbl, k) for k, lbl in PERAN_TIM.items()], wajib=True),
                     Kolom("jabatan", "Jabatan / lembaga", rec.jabatan if rec else ""),
                     Kolom("materi", "Materi (narasumber)", rec.materi if rec else "",
                           petunjuk="judul materi yang dipaparkan")]

            def periksa(v: dict[str, str]) -> str | None:
                return self._hasil(self.simpan(persiapan.simpan_tim, v["nama"], v["peran"], v["jabatan"],
                                               v["materi"], rid=rid))
        judul = f"{'Ubah' if rec else 'Tambah'} {JUDUL_DAFTAR[jenis].lower()}"
        self.app.push_screen(FormPersiapan(judul, kolom, periksa))

    def _hasil(self, hasil: Hasil) -> str | None:
        if not hasil.ok:
            return hasil.pesan
        table = next(iter(t for t in ("jadwal", "tim", "sambutan") if t in hasil.perubahan), "")
        if table and hasil.nilai:
            self.pilih_nanti = f"{table}:{hasil.nilai}"
        return None

    def hapus(self) -> None:
        pilih = self._terpilih()
        if pilih is None:
            return
        jenis, rec = pilih
        if not self.boleh("catatan" if jenis == "sambutan" else "persiapan"):
            return
        table = JENIS_DAFTAR[jenis][1]
        nama = rec.acara if jenis == "jadwal" else rec.nama
        self.tanya(f"Hapus {nama} dari daftar {JUDUL_DAFTAR[jenis].lower()}?",
                   lambda: self.lakukan(persiapan.hapus_dari_daftar, table, rec.id), ya="Hapus")


# --- 4. Kelompok ---------------------------------------------------------------------------------------


def bidang_usulan(data: Data) -> list[str]:
    """Every bidang named by an usulan or a kelompok, in the order first seen."""
    seen: dict[str, None] = {}
    for u in data.usulan.values():
        if u.bidang:
            seen.setdefault(u.bidang, None)
    for k in data.daftar("kelompok"):
        for b in k.bidang:
            seen.setdefault(b, None)
    return list(seen)


class BagianKelompok(BagianPersiapan):
    KUNCI = "kelompok"
    TABEL = frozenset({"kelompok", "usulan", "peserta"})
    PETUNJUK = ("{persiapan.tambah} tambah · Enter/{persiapan.ubah} ubah · {persiapan.hapus} hapus · "
                "{persiapan.per_bidang} satu kelompok per bidang")

    def segarkan(self, data: Data, perubahan: dict) -> None:
        rows = []
        for k in data.kelompok:
            nama = teks_baris(potong(k.nama + (" (otomatis)" if k.virtual else ""), 26), "dim" if k.virtual else "bold")
            rows.append((k.id, [nama, teks_baris(potong(", ".join(k.bidang) or "-", 22)), teks_baris(potong(k.fasilitator or "-", 16)),
                                teks_baris(str(len(data.usulan_kelompok(k.id))))]))
        tabel = self.query_one("#kelompok-tabel", Tabel)
        tabel.isi([("Kelompok", "nama"), ("Bidang", "bidang"), ("Fasilitator", "fas"), ("Usl", "n")], rows)
        self.terapkan_pilihan(tabel)
        self._rinci()

    def _terpilih(self) -> Any:
        kid = self.query_one("#kelompok-tabel", Tabel).kunci_terpilih()
        return next((k for k in self.data.kelompok if k.id == kid), None)

    @on(DataTable.RowHighlighted, "#kelompok-tabel")
    def _rinci(self) -> None:
        k = self._terpilih()
        if k is None:
            self.query_one("#kelompok-rinci", Static).update("Belum ada usulan maupun kelompok.")
            return
        if k.virtual:
            teks = (f"{k.nama}: dibentuk otomatis dari bidang usulan. Enter menetapkannya sebagai kelompok; "
                    "P membentuk kelompok untuk setiap bidang yang belum berkelompok.")
        else:
            ketua = self.data.peserta.get(k.ketua)
            teks = (f"{k.nama}: bidang {', '.join(k.bidang) or '-'} {g('dot')} fasilitator {k.fasilitator or '-'}"
                    f" {g('dot')} {len(self.data.anggota(k.id))} anggota"
                    + (f" {g('dot')} ketua {ketua.nama}" if ketua else ""))
        self.query_one("#kelompok-rinci", Static).update(teks_baris(teks))

    @on(DataTable.RowSelected, "#kelompok-tabel")
    def _enter(self) -> None:
        self.ubah()

    def tambah(self) -> None:
        self._form(None, "", [], "")

    def ubah(self) -> None:
        k = self._terpilih()
        if k is None:
            self.tambah()
            return
        if k.virtual:
            self._form(None, k.nama, list(k.bidang), "")
        else:
            self._form(k.id, k.nama, list(k.bidang), k.fasilitator)

    def _form(self, kid: str | None, nama: str, bidang: list[str], fasilitator: str) -> None:
        data = self.data
        milik = {b: k.nama for k in data.daftar("kelompok") if k.id != kid for b in k.bidang}
        pilihan = [(b, b + (f" (di {milik[b]})" if b in milik else ""), b in bidang)
                   for b in bidang_usulan(data)]
        tim = [t.nama for t in data.daftar("tim") if t.peran == "fasilitator"]

        def periksa(v: dict[str, Any]) -> str | None:
            hasil = self.simpan(persiapan.simpan_kelompok, v["nama"], v["bidang"], v["fasilitator"], kid=kid)
            if not hasil.ok:
                return hasil.pesan
            self.pilih_nanti = hasil.nilai
            return None
        judul = f"Ubah {nama}" if kid else "Tambah kelompok"
        self.app.push_screen(KelompokDialog(judul, nama, pilihan, fasilitator, tim, periksa))

    def hapus(self) -> None:
        k = self._terpilih()
        if k is None:
            return
        if k.virtual:
            self.kabar(f"{k.nama} adalah kelompok otomatis dari bidang usulan; tidak ada yang dihapus.", galat=True)
            return
        self.tanya(f"Hapus {k.nama}? Anggota dan usulannya kembali tanpa kelompok.",
                   lambda: self.lakukan(persiapan.hapus_kelompok, k.id), ya="Hapus")

    def per_bidang(self) -> None:
        """One kelompok for each bidang without one, after a question naming them (it makes several at once)."""
        virtual = [k.nama for k in self.data.kelompok if k.virtual]
        if not virtual:
            self.kabar("Setiap bidang sudah mempunyai kelompok; tidak ada yang dibentuk.")
            return
        self.tanya(f"Bentuk {len(virtual)} kelompok, satu untuk setiap bidang yang belum mempunyai kelompok: "
                   f"{', '.join(virtual)}?", self._bentuk_per_bidang, ya="Bentuk")

    def _bentuk_per_bidang(self) -> None:
        hasil = self.lakukan(persiapan.kelompok_per_bidang)
        if hasil.ok:
            if hasil.nilai:
                nama = [self.data.records("kelompok")[kid].nama for kid in hasil.nilai]
                self.kabar(f"{len(nama)} kelompok dibentuk: {', '.join(nama)} {g('dot')} rev {hasil.revisi}")
            else:
                self.kabar("Setiap bidang sudah mempunyai kelompok; tidak ada yang dibentuk.")


__all__ = ["BagianPersiapan", "BagianSesi", "BagianAcara", "BagianKelompok", "bidang_usulan"]
