"""Pendaftaran: check-in at the door by typing a few letters, walk-ins, and the live attendance figures."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Input, Static

from sesi import pendaftaran
from sesi.data import Data
from sesi.format import jam
from sesi.model import JENIS_KELAMIN
from sesi.sebutan import delegasi_wilayah, label_unsur_singkat, pilihan_unsur, wilayah

from .base import LayarTahap
from .glyph import g
from .teks import lebar_kolom, potong, teks
from .tombol import isi_tombol
from .widgets import FormDialog, Isian, Kolom, KonfirmasiDialog, Tabel, teruskan_panah

SARINGAN = {"semua": "semua", "belum": "belum hadir", "hadir": "sudah hadir"}


def kolom_peserta(data: Data, nilai: dict[str, str] | None = None) -> list[Kolom]:
    """The short form for a participant (walk-in or correction)."""
    v = nilai or {}
    return [
        Kolom("nama", "Nama", v.get("nama", ""), wajib=True),
        Kolom("unsur", "Unsur", v.get("unsur", "delegasi"), pilihan=pilihan_unsur(data),
              wajib=True),
        Kolom("lembaga", "Lembaga / jabatan", v.get("lembaga", "")),
        Kolom("kelurahan", wilayah(data), v.get("kelurahan", ""),
              pilihan=[(k.nama, k.nama) for k in data.kelurahan]),
        Kolom("jenis_kelamin", "Jenis kelamin", v.get("jenis_kelamin", ""),
              pilihan=[(lbl, k) for k, lbl in JENIS_KELAMIN.items()]),
        Kolom("rentan", "Kelompok rentan", v.get("rentan", ""), petunjuk="kosong = bukan; mis. disabilitas, lansia"),
        Kolom("delegasi", delegasi_wilayah(data), v.get("delegasi", ""),
              pilihan=[("Menurut unsur", ""), ("Ya", "ya"), ("Tidak", "tidak")]),
        Kolom("telepon", "Telepon", v.get("telepon", "")),
    ]


class PendaftaranScreen(LayarTahap):
    CSS_PATH = "pendaftaran.tcss"
    TAHAP = "pendaftaran"
    # What the stage is for; each key and what it does is listed from BINDINGS (F1).
    BANTUAN = (
        "Ketik beberapa huruf nama peserta lalu tekan Enter: peserta yang disorot tercatat hadir dengan jamnya. "
        "Panah atas/bawah memilih di antara hasil pencarian tanpa meninggalkan kotak ketik. Enter pada peserta "
        "yang sudah hadir menawarkan pembatalan. Angka di atas diperbarui seketika: hadir, perempuan, "
        "kelompok rentan, desa/kelurahan terwakili, per unsur, dan desa/kelurahan yang belum terwakili."
    )

    BINDINGS = [
        Binding("ctrl+o", "peserta_baru", "Peserta baru", id="pendaftaran.baru", priority=True,
                tooltip="Peserta yang datang tanpa terdaftar, langsung hadir"),
        Binding("ctrl+e", "ubah_peserta", "Ubah peserta", id="pendaftaran.ubah", priority=True, show=False,
                tooltip="Ubah data peserta yang disorot"),
        Binding("ctrl+z", "batal_terakhir", "Urung", id="pendaftaran.undo", priority=True,
                tooltip="Urungkan (batalkan) pendaftaran hadir terakhir dari terminal ini"),
        Binding("ctrl+f", "saring", "Saring semua/belum/sudah hadir", id="pendaftaran.saring", priority=True,
                show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.saringan = "semua"
        self.terakhir: list[str] = []  # ids checked in here, for undo

    def isi(self) -> ComposeResult:
        yield Isian(placeholder="Cari: ketik beberapa huruf nama peserta, Enter = hadir, Esc = kosongkan",
                    id="cari", compact=True)
        yield Static(id="rekap")
        yield Tabel(id="hasil")

    def on_mount(self) -> None:
        self.query_one("#cari", Input).focus()

    # --- showing ---
    def segarkan(self, data: Data, perubahan: dict) -> None:
        self._isi_tabel(data)
        self._isi_rekap(data)

    def _cocok(self, data: Data) -> list:
        found = pendaftaran.cari(data, self.query_one("#cari", Input).value, batas=500)
        if self.saringan == "belum":
            found = [p for p in found if not p.hadir]
        elif self.saringan == "hadir":
            found = [p for p in found if p.hadir]
        return found

    def lebar_berubah(self) -> None:
        self.query_one("#hasil", Tabel).clear(columns=True)
        self._isi_tabel(self.data)

    def _isi_tabel(self, data: Data) -> None:
        tabel = self.query_one("#hasil", Tabel)
        lebar = self.app.size.width
        lebar_nama, lebar_asal = lebar_kolom(lebar, 26, 0.4), lebar_kolom(lebar, 18, 0.3)
        rows = []
        for p in self._cocok(data):
            status = teks(f"{g('ok')}{jam(p.waktu_hadir)}", "bold") if p.hadir else teks("-", "dim")
            asal = p.kelurahan or p.lembaga
            rows.append((p.id, [potong(p.nama, lebar_nama), label_unsur_singkat(data, p.unsur),
                                potong(asal, lebar_asal), p.jenis_kelamin, status]))
        tabel.isi([("Nama", "nama"), ("Unsur", "unsur"), (wilayah(data), "kel"), ("L/P", "lp"),
                   ("Hadir", "hadir")], rows)
        tabel.border_title = f"{len(rows)} peserta ({SARINGAN[self.saringan]})"

    def _isi_rekap(self, data: Data) -> None:
        r = pendaftaran.rekap(data)
        dot = f" {g('dot')} "
        persen = f"{r.persen_perempuan:.1f}".replace(".", ",")
        total_kel = len(r.kelurahan_hadir) + len(r.kelurahan_absen)
        out = Text()
        out.append(f"Hadir {r.hadir}/{r.terdaftar}", style="bold")
        out.append(f"{dot}Perempuan {r.perempuan} ({persen}%){dot}Rentan {r.rentan}")
        if r.rentan_per_jenis:
            out.append(" (" + ", ".join(f"{k} {v}" for k, v in sorted(r.rentan_per_jenis.items())) + ")")
        out.append(f"{dot}{wilayah(data)} {len(r.kelurahan_hadir)}/{total_kel}\n")
        out.append(dot.lstrip().join(f"{label_unsur_singkat(data, k)} {n} " for k, n in r.per_unsur.items()) or
                   "Belum ada yang hadir.", style="dim")
        if r.kelurahan_absen:
            out.append(f"\n{g('warn')} Belum terwakili: " + ", ".join(r.kelurahan_absen), style="bold")
        self.query_one("#rekap", Static).update(out)

    # --- typing and moving ---
    @on(Input.Changed, "#cari")
    def _cari(self) -> None:
        self._isi_tabel(self.data)
        tabel = self.query_one("#hasil", Tabel)
        if tabel.row_count:
            tabel.move_cursor(row=0, animate=False)

    def on_key(self, event) -> None:
        cari = self.query_one("#cari", Input)
        if self.focused is cari:
            if event.key == "escape" and cari.value:
                # Esc empties the search box (the whole list again); Ctrl+U does too, over slow links.
                event.stop()
                event.prevent_default()
                cari.value = ""
                return
            teruskan_panah(event, self.query_one("#hasil", Tabel))

    @on(Input.Submitted, "#cari")
    def _enter(self) -> None:
        self.action_hadir()

    @on(Tabel.RowSelected, "#hasil")
    def _pilih(self) -> None:
        self.action_hadir()

    def _terpilih(self):
        pid = self.query_one("#hasil", Tabel).kunci_terpilih()
        return self.data.peserta.get(pid) if pid else None

    # --- actions ---
    def action_hadir(self) -> None:
        p = self._terpilih()
        if p is None:
            self.status.atur(isi_tombol(self, "Tidak ada peserta yang cocok. {pendaftaran.baru} untuk menambah "
                                                "peserta baru."), galat=True)
            return
        if p.hadir:
            def jawab(ya: bool | None) -> None:
                if ya:
                    self._batal(p.id)
            self.app.push_screen(KonfirmasiDialog(f"{p.nama} sudah hadir pukul {jam(p.waktu_hadir)}. "
                                                  "Batalkan kehadirannya?", ya="Batalkan"), jawab)
            return
        hasil = self.simpan(pendaftaran.hadir, p.id)
        if hasil.ok:
            self.terakhir.append(p.id)
            p2 = self.data.peserta[p.id]
            self.status.atur(teks(f"{g('ok')} {p2.nama} hadir {jam(p2.waktu_hadir)} {g('dot')} "
                                  f"Tersimpan rev {hasil.revisi}"))
            cari = self.query_one("#cari", Input)
            cari.value = ""
            cari.focus()

    def _batal(self, pid: str) -> None:
        hasil = self.simpan(pendaftaran.batal_hadir, pid)
        if hasil.ok:
            if pid in self.terakhir:
                self.terakhir.remove(pid)
            self.status.atur(teks(f"Kehadiran {self.data.peserta[pid].nama} dibatalkan {g('dot')} "
                                  f"Tersimpan rev {hasil.revisi}"))

    def action_batal_terakhir(self) -> None:
        while self.terakhir:
            pid = self.terakhir[-1]
            p = self.data.peserta.get(pid)
            if p and p.hadir:
                self._batal(pid)
                return
            self.terakhir.pop()
        self.status.atur("Tidak ada pendaftaran dari terminal ini yang dapat dibatalkan.")

    def action_saring(self) -> None:
        keys = list(SARINGAN)
        self.saringan = keys[(keys.index(self.saringan) + 1) % len(keys)]
        self._isi_tabel(self.data)

    def action_peserta_baru(self) -> None:
        awal = {"nama": self.query_one("#cari", Input).value.strip()}

        def periksa(v: dict[str, str]) -> str | None:
            hasil = self.simpan(pendaftaran.tambah_peserta, hadir=True, **_bentuk(v))
            if not hasil.ok:
                return hasil.pesan
            self._baru_id = hasil.nilai
            return None

        def selesai(v: dict | None) -> None:
            if v:
                p = self.data.peserta[self._baru_id]
                self.terakhir.append(p.id)
                self.query_one("#cari", Input).value = ""
                self.status.atur(teks(f"{g('ok')} {p.nama} ditambahkan dan hadir {jam(p.waktu_hadir)} "
                                      f"{g('dot')} Tersimpan rev {self.data.revisi}"))
        self.app.push_screen(FormDialog("Peserta baru (langsung hadir)", kolom_peserta(self.data, awal), periksa),
                             selesai)

    def action_ubah_peserta(self) -> None:
        p = self._terpilih()
        if p is None:
            return
        awal = {"nama": p.nama, "unsur": p.unsur, "lembaga": p.lembaga, "kelurahan": p.kelurahan,
                "jenis_kelamin": p.jenis_kelamin, "rentan": p.rentan_jenis or ("ya" if p.rentan else ""),
                "delegasi": "ya" if p.delegasi else "tidak", "telepon": p.telepon}

        def periksa(v: dict[str, str]) -> str | None:
            hasil = self.simpan(pendaftaran.ubah_peserta, p.id, **_bentuk(v))
            return None if hasil.ok else hasil.pesan
        self.app.push_screen(FormDialog(f"Ubah data {p.nama}", kolom_peserta(self.data, awal), periksa))


def _bentuk(v: dict[str, str]) -> dict[str, str]:
    """Form values -> keyword arguments of the pendaftaran actions."""
    return {"nama": v["nama"], "unsur": v["unsur"], "lembaga": v["lembaga"], "kelurahan": v["kelurahan"],
            "jenis_kelamin": v["jenis_kelamin"], "rentan": v["rentan"], "delegasi": v["delegasi"],
            "telepon": v["telepon"]}
