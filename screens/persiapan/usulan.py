"""Part 5 of the Persiapan screen: the kelurahan (left) and their usulan (right), with the usulan form.

Choosing a kelurahan on the left filters the usulan; Tab moves between the two lists, and the generic keys
act on the list that has the focus. A change to a few usulan updates just their rows.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import DataTable, Static

from sesi import persiapan, usulan as aksi_usulan
from sesi.dana import pilihan_sumber, sumber_usulan
from sesi.data import Data
from sesi.format import angka, rupiah
from sesi.model import JENIS_USULAN, label_status
from sesi.sebutan import jenis_wilayah, kepala_wilayah, sebut_wilayah, wilayah, wilayah_kecil

from ..glyph import g
from ..teks import potong, teks_baris
from ..tombol import isi_tombol
from .bagian import BagianPersiapan, bidang_usulan
from .dialog import FormPersiapan
from ..widgets import Kolom, KonfirmasiDialog, Tabel


SEMUA = "*"


class BagianUsulan(BagianPersiapan):
    KUNCI = "usulan"
    TABEL = frozenset({"usulan", "kelurahan"})
    PETUNJUK = ("{app.fokus_berikut}: pindah daftar · {persiapan.tambah} tambah, Enter ubah, {persiapan.hapus} hapus di "
                "daftar aktif")

    def __init__(self) -> None:
        super().__init__()
        self.saring = SEMUA
        self._urut: dict[str, tuple] = {}

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield Tabel(id="kel-tabel")
            with Vertical(id="usulan-kanan"):
                yield Static(id="usulan-judul")
                yield Tabel(id="usulan-tabel")
                yield Static(id="usulan-rinci", classes="rinci")
        yield self.petunjuk()

    def utama(self) -> Widget | None:
        return self.query_one("#usulan-tabel", Tabel)

    # --- showing ---
    def segarkan(self, data: Data, perubahan: dict) -> None:
        if not perubahan or "kelurahan" in perubahan or "usulan" in perubahan:
            self._isi_kelurahan(data)
        ubah = perubahan.get("usulan") if set(perubahan) <= {"usulan"} else None
        if not (ubah and self._perbarui_baris(data, ubah)):
            self._isi_usulan(data)
        self._ke_pilihan(data)
        self._rinci()

    def _isi_kelurahan(self, data: Data) -> None:
        n: dict[str, int] = {}
        for u in data.usulan.values():
            n[u.kelurahan] = n.get(u.kelurahan, 0) + 1
        rows = [(SEMUA, [teks_baris(f"Semua {wilayah_kecil(data)}", "bold"), teks_baris(str(len(data.usulan)))])]
        rows += [(k.id, [teks_baris(potong(k.nama, 19)), teks_baris(str(n.get(k.nama, 0)))]) for k in data.kelurahan]
        tabel = self.query_one("#kel-tabel", Tabel)
        tabel.isi([(wilayah(data), "nama"), ("Usl", "n")], rows)
        self.saring = tabel.kunci_terpilih() or SEMUA

    def _usulan_tampil(self, data: Data) -> list[Any]:
        kel = data.records("kelurahan").get(self.saring)
        urut = {k.nama: i for i, k in enumerate(data.kelurahan)}
        daftar = [u for u in data.usulan.values() if kel is None or u.kelurahan == kel.nama]
        daftar.sort(key=lambda u: (urut.get(u.kelurahan, len(urut)), u.prioritas_kelurahan, u.urutan))
        return daftar

    def _sel(self, u: Any) -> list[Text]:
        style = "dim" if u.status in ("ditolak", "digabung") else ""
        return [teks_baris(u.id, "bold"), teks_baris(str(u.prioritas_kelurahan)), teks_baris(potong(u.kegiatan, 28), style),
                Text(juta(u.perkiraan_biaya), justify="right")]

    def _isi_usulan(self, data: Data) -> None:
        daftar = self._usulan_tampil(data)
        self._urut = {u.id: (u.kelurahan, u.prioritas_kelurahan) for u in daftar}
        tabel = self.query_one("#usulan-tabel", Tabel)
        tabel.isi([("Id", "id"), ("Pr", "pr"), ("Kegiatan", "kegiatan"), ("Rp juta", "biaya")],
                  [(u.id, self._sel(u)) for u in daftar])
        kel = data.records("kelurahan").get(self.saring)
        judul = f"Usulan {sebut_wilayah(data, kel.nama)}" if kel else f"Usulan semua {wilayah_kecil(data)}"
        self.query_one("#usulan-judul", Static).update(teks_baris(f"{judul}: {len(daftar)}"))

    def _perbarui_baris(self, data: Data, ids: set[str]) -> bool:
        """Update just the rows of the changed usulan; False when the list itself must be rebuilt."""
        tabel = self.query_one("#usulan-tabel", Tabel)
        for uid in ids:
            u = data.usulan.get(uid)
            if u is None or uid not in self._urut or self._urut[uid] != (u.kelurahan, u.prioritas_kelurahan):
                return False
        for uid in ids:
            for col, cell in zip(("id", "pr", "kegiatan", "biaya"), self._sel(data.usulan[uid])):
                tabel.update_cell(uid, col, cell, update_width=False)
        return True

    @on(DataTable.RowHighlighted, "#kel-tabel")
    def _ganti_kelurahan(self, event: DataTable.RowHighlighted) -> None:
        key = event.row_key.value or SEMUA
        if key != self.saring:
            self.saring = key
            self._isi_usulan(self.data)
            self._rinci()

    @on(DataTable.RowSelected, "#kel-tabel")
    def _kel_enter(self) -> None:
        self.query_one("#usulan-tabel", Tabel).focus()

    @on(DataTable.RowHighlighted, "#usulan-tabel")
    def _rinci(self) -> None:
        u = self._terpilih()
        if u is None:
            self.query_one("#usulan-rinci", Static).update(
                teks_baris(isi_tombol(self, "Belum ada usulan di sini. {persiapan.tambah} menambah usulan.")))
            return
        dot = f" {g('dot')} "
        vol = " ".join(x for x in (angka(u.volume) if u.volume else "", u.satuan) if x)
        baris2 = dot.join(x for x in (f"{u.kelurahan} (prioritas {u.prioritas_kelurahan})", u.bidang) if x)
        baris3 = dot.join(x for x in (u.skpd, JENIS_USULAN.get(u.jenis, ""), vol, rupiah(u.perkiraan_biaya),
                                      label_status(u.status)) if x)
        out = teks_baris(potong(u.kegiatan, 52), "bold")
        for baris in (baris2, baris3):
            out.append("\n")
            out.append_text(teks_baris(potong(baris, 52)))
        self.query_one("#usulan-rinci", Static).update(out)

    def _terpilih(self) -> Any:
        uid = self.query_one("#usulan-tabel", Tabel).kunci_terpilih()
        return self.data.usulan.get(uid) if uid else None

    @on(DataTable.RowSelected, "#usulan-tabel")
    def _enter(self) -> None:
        self.ubah()

    def _di_kelurahan(self) -> bool:
        return self.screen.focused is self.query_one("#kel-tabel")

    # --- actions ---
    def tambah(self) -> None:
        if self._di_kelurahan():
            self._tambah_kelurahan()
            return
        data = self.data
        kel = data.records("kelurahan").get(self.saring)
        nama = kel.nama if kel else (data.kelurahan[0].nama if data.kelurahan else "")
        pr = max((u.prioritas_kelurahan for u in data.usulan.values() if u.kelurahan == nama), default=0) + 1
        self._form(None, {"kelurahan": nama, "prioritas_kelurahan": str(pr)})

    def ubah(self) -> None:
        if self._di_kelurahan():
            self.kabar(f"Nama {wilayah_kecil(self.data)} tidak diubah di sini: hapus lalu tambah kembali (bila belum ada usulan).")
            return
        u = self._terpilih()
        if u is None:
            self.kabar(isi_tombol(self, "Belum ada usulan yang dipilih. {persiapan.tambah} untuk menambah."))
            return
        self._form(u.id, {"kelurahan": u.kelurahan, "prioritas_kelurahan": str(u.prioritas_kelurahan),
                          "kegiatan": u.kegiatan, "masalah": u.masalah, "lokasi": u.lokasi,
                          "volume": angka(u.volume) if u.volume else "", "satuan": u.satuan,
                          "perkiraan_biaya": angka(u.perkiraan_biaya) if u.perkiraan_biaya else "",
                          "harga_satuan": angka(u.harga_satuan) if u.harga_satuan else "",
                          "sumber_dana": sumber_usulan(u),
                          "jenis": u.jenis, "bidang": u.bidang, "skpd": u.skpd_awal})

    def _form(self, uid: str | None, v: dict[str, str]) -> None:
        data = self.data
        kolom = [
            Kolom("kelurahan", wilayah(data), v.get("kelurahan", ""), pilihan=[(k.nama, k.nama) for k in data.kelurahan],
                  wajib=True),
            Kolom("prioritas_kelurahan", f"Prioritas {wilayah_kecil(data)}", v.get("prioritas_kelurahan", ""), wajib=True,
                  petunjuk=f"1 = paling penting bagi {wilayah_kecil(data)}"),
            Kolom("kegiatan", "Kegiatan", v.get("kegiatan", ""), wajib=True),
            Kolom("masalah", "Masalah", v.get("masalah", "")),
            Kolom("lokasi", "Lokasi", v.get("lokasi", ""), petunjuk="RT/RW, jalan"),
            Kolom("volume", "Volume", v.get("volume", "")),
            Kolom("satuan", "Satuan", v.get("satuan", ""), petunjuk="m, unit, paket, titik, orang"),
            Kolom("perkiraan_biaya", "Perkiraan biaya (Rp)", v.get("perkiraan_biaya", ""),
                  petunjuk="mis. 1.500.000"),
            Kolom("harga_satuan", "Harga satuan (Rp)", v.get("harga_satuan", ""),
                  petunjuk="bila ada: volume x harga = biaya"),
            Kolom("sumber_dana", "Sumber dana", v.get("sumber_dana", ""), pilihan=pilihan_sumber(data)),
            Kolom("jenis", "Jenis", v.get("jenis", ""), pilihan=[(lbl, k) for k, lbl in JENIS_USULAN.items()]),
            Kolom("bidang", "Bidang", v.get("bidang", ""), wajib=True, petunjuk="ketik; Kanan melengkapi"),
            Kolom("skpd", "SKPD tujuan" + (" (awal)" if uid else ""), v.get("skpd", ""), wajib=True,
                  petunjuk="ketik; Kanan melengkapi"),
        ]
        saran = {"bidang": bidang_usulan(data), "skpd": [u.skpd_awal for u in data.usulan.values()]
                 + [u.skpd_akhir for u in data.usulan.values()], "satuan": [u.satuan for u in data.usulan.values()]}

        disetujui: set[tuple[str, str]] = set()  # new names the user confirmed: ("bidang"|"skpd", name)

        def periksa(f: dict[str, str]) -> str | None:
            f = dict(f)
            for key in ("bidang", "skpd"):
                nilai = f[key].strip()
                sama = next((s for s in saran[key] if s and s.casefold() == nilai.casefold()), "")
                if sama:  # an existing name typed in another case: the existing spelling
                    f[key] = sama
                elif nilai and (key, nilai) not in disetujui:
                    tanya = (f"Bidang '{nilai}' belum ada; buat kelompok baru?" if key == "bidang"
                             else f"SKPD '{nilai}' belum ada di usulan lain; pakai nama baru ini?")

                    def jawab(ya: bool | None, key: str = key, nilai: str = nilai) -> None:
                        if ya:
                            disetujui.add((key, nilai))
                            form.action_simpan()
                        else:
                            form.query_one(f"#f-{key}").focus()
                    self.app.push_screen(KonfirmasiDialog(tanya, ya="Ya, baru"), jawab)
                    return f"{tanya[:-1]}: pilih Ya untuk memakainya, atau perbaiki (Kanan melengkapi)."
            if uid is None:
                hasil = self.simpan(aksi_usulan.tambah_usulan, **f)
            else:
                hasil = self.simpan(aksi_usulan.ubah_usulan, uid, **f)
            if not hasil.ok:
                return hasil.pesan
            self.pilih_nanti = uid or hasil.nilai
            return None
        judul = f"Ubah usulan {uid}" if uid else "Tambah usulan"
        form = FormPersiapan(judul, kolom, periksa, saran=saran,
                             fokus="kegiatan" if uid is None and v.get("kelurahan") else "")
        self.app.push_screen(form)

    def _ke_pilihan(self, data: Data) -> None:
        tabel = self.query_one("#usulan-tabel", Tabel)
        key = self.pilih_nanti
        if key and key not in tabel.rows and self.saring != SEMUA and key in data.usulan:
            # The usulan moved to another kelurahan: show them all so it stays in sight.
            self.query_one("#kel-tabel", Tabel).move_cursor(row=0, animate=False)
            self.saring = SEMUA
            self._isi_usulan(data)
        self.terapkan_pilihan(tabel)

    def hapus(self) -> None:
        if self._di_kelurahan():
            kel = self.data.records("kelurahan").get(self.saring)
            if kel is None:
                return
            self.tanya(f"Hapus {sebut_wilayah(self.data, kel.nama)} dari sesi ini?",
                       lambda: self.lakukan(persiapan.hapus_kelurahan, kel.id), ya="Hapus")
            return
        u = self._terpilih()
        if u is None:
            return
        self.tanya(f"Hapus usulan {u.id} {u.kegiatan} ({u.kelurahan})?",
                   lambda: self.lakukan(aksi_usulan.hapus_usulan, u.id), ya="Hapus")

    def _tambah_kelurahan(self) -> None:
        def periksa(v: dict[str, str]) -> str | None:
            hasil = self.simpan(persiapan.tambah_kelurahan, v["nama"], v["lurah"], jenis=v["jenis"])
            return None if hasil.ok else hasil.pesan
        bawaan = "desa" if jenis_wilayah(self.data) == "desa" else "kelurahan"
        self.app.push_screen(FormPersiapan(f"Tambah {wilayah_kecil(self.data)}", [
            Kolom("nama", "Nama", wajib=True),
            Kolom("lurah", kepala_wilayah(self.data)),
            Kolom("jenis", "Jenis", bawaan, pilihan=[("Desa", "desa"), ("Kelurahan", "kelurahan")], wajib=True)],
            periksa))


def juta(biaya: str) -> str:
    """A cost in millions of rupiah for a narrow column ("1.050", "57,6"); the detail line shows it exactly."""
    if not biaya:
        return "-"
    return angka((Decimal(biaya) / 1_000_000).quantize(Decimal("0.1")))
