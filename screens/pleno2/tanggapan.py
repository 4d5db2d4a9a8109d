"""Pleno II, part 2: the participants' tanggapan (responses, sharpening, clarification): the list, the
highlighted one in full, recording one and deleting one."""

from __future__ import annotations

from typing import Any, Callable

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widgets import DataTable, Static

from sesi import catatan, pleno
from sesi.data import Data
from sesi.format import jam

from sesi.peringatan import sebut_kelompok
from sesi.sebutan import label_unsur, label_unsur_singkat, pilihan_unsur

from ..glyph import g
from ..kontrak import aplikasi
from ..teks import potong, teks
from ..tombol import isi_tombol
from ..widgets import FormDialog, Kolom, Tabel
from .bersama import BagianPleno, pilih_peserta, teks_bungkus


def draf_tanggapan(kid: str) -> str:
    """The draft key of a tanggapan being typed about the kelompok `kid` (sesi.draf)."""
    return f"pleno2.tanggapan.{kid}"


class BagianTanggapan(BagianPleno):
    KUNCI = "tanggapan"
    TABEL = frozenset({"tanggapan", "usulan", "kelompok"})
    HAPUS = {"tanggapan": "tanggapan"}

    def compose(self) -> ComposeResult:
        yield Static(id="tg-info", classes="info bungkus")
        yield Tabel(id="tanggapan")
        yield Static(id="tg-rinci")

    # --- showing ---
    def segarkan(self, data: Data, perubahan: dict) -> None:
        rows = []
        # The text of the tanggapan gets what the screen has beside the other columns (24 at 80 columns).
        lebar_isi = max(16, self.app.size.width - 56)
        kel_nama = {k.id: k.nama for k in data.kelompok}
        for t in data.records("tanggapan").values():
            u = data.usulan.get(t.usulan) if t.usulan else None
            tentang = u.kegiatan if u else kel_nama.get(t.kelompok, "")
            rows.append((t.id, [jam(t.waktu), potong(t.nama, 18), label_unsur_singkat(data, t.unsur),
                                potong(tentang, 16), potong(t.isi, lebar_isi)]))
        rows.sort(key=lambda r: (len(r[0]), r[0]))
        tabel = self.tabel("tanggapan")
        baru = rows and tabel.row_count != len(rows)
        self.isi_tabel("tanggapan", [("Jam", "jam"), ("Nama", "nama"), ("Unsur", "unsur"),
                                     ("Tentang", "tentang"), ("Isi", "isi")], rows)
        if baru:
            tabel.move_cursor(row=len(rows) - 1, animate=False)
        self.query_one("#tg-info", Static).update(teks_bungkus(
            Text(f"Tanggapan peserta ({len(rows)})", style="bold"),
            f"  {g('dot')}  " + isi_tombol(self, "{pleno2.tanggapan} catat · {pleno2.jawab} jawaban · {pleno2.hapus} "
                                             "hapus · tentang kelompok yang dipilih di bagian 1").replace(
                " · ", f" {g('dot')} ")))
        self._isi_rinci(data)

    def _isi_rinci(self, data: Data) -> None:
        tid = self.tabel("tanggapan").kunci_terpilih()
        t = data.records("tanggapan").get(tid) if tid else None
        if t is None:
            self.query_one("#tg-rinci", Static).update(teks(isi_tombol(
                self, "Belum ada tanggapan. Tekan {pleno2.tanggapan} untuk mencatat."), "dim"))
            return
        u = data.usulan.get(t.usulan) if t.usulan else None
        kel = data.kelompok_dari_id(t.kelompok)
        out = Text()
        out.append_text(teks(t.nama, "bold"))
        if t.unsur:
            out.append(f" ({label_unsur(data, t.unsur)})")
        if u:
            out.append(" tentang ")
            out.append_text(teks(u.kegiatan))
            out.append(f" ({u.id})")
        elif kel:
            out.append(" tentang ")
            out.append_text(teks(sebut_kelompok(kel.nama)))
        out.append(": ")
        out.append_text(teks(t.isi))
        if t.jawaban:
            out.append("\nJawaban: ", "bold")
            out.append_text(teks(t.jawaban))
        self.query_one("#tg-rinci", Static).update(out)

    @on(DataTable.RowHighlighted, "#tanggapan")
    def _sorot(self) -> None:
        self._isi_rinci(self.data)

    # --- recording and deleting ---
    def catat(self, kid: str, sorot: str) -> None:
        """Record a tanggapan about the kelompok `kid` (the usulan `sorot` offered first): who, then what.
        A tanggapan typed and not saved before (its draft, e.g. after a crash) opens again at once."""
        if aplikasi(self).draf.baca(draf_tanggapan(kid)):
            self._form(kid, sorot, "", "")
            return

        def orang(pid: str | None) -> None:
            if pid is None:
                return
            p = self.data.peserta.get(pid) if pid != "-" else None
            self._form(kid, sorot, p.nama if p else "", p.unsur if p else "")
        pilih_peserta(self, self.data, "Siapa yang menanggapi?", orang, lain="(nama lain: ketik di formulir)")

    def _form(self, kid: str, sorot: str, nama: str, unsur: str) -> None:
        data = self.data
        usulan = [(f"{i}. {potong(b.usulan.kegiatan, 30)} ({b.usulan.kelurahan})", b.usulan.id)
                  for i, b in enumerate(pleno.urutan_akhir(data, kid), start=1)]
        usulan += [(f"- {potong(u.kegiatan, 30)} ({u.kelurahan}, belum disepakati)", u.id)
                   for u in data.usulan_kelompok(kid) if u.status == "belum_disepakati"]
        kel = data.kelompok_dari_id(kid)
        judul = "Tanggapan" + (f" tentang {sebut_kelompok(kel.nama)}" if kel else "")

        def periksa(v: dict[str, str]) -> str | None:
            hasil = self.simpan(catatan.tambah_tanggapan, v["nama"], v["isi"], unsur=v["unsur"],
                                kelompok=kid, usulan=v["usulan"])
            return None if hasil.ok else hasil.pesan
        self.app.push_screen(FormDialog(judul, [
            Kolom("nama", "Nama", nama, wajib=True),
            Kolom("unsur", "Unsur", unsur, pilihan=pilihan_unsur(self.data)),
            Kolom("usulan", "Usulan yang ditanggapi", sorot, pilihan=usulan),
            Kolom("isi", "Isi tanggapan", wajib=True, petunjuk="tanggapan, penajaman atau klarifikasi"),
        ], periksa, tombol="Catat", fokus="isi" if nama else "nama", draf=draf_tanggapan(kid)),
            lambda _: self.fokus_di_sini())

    def jawab(self) -> None:
        """Record the answer the forum gave to the highlighted tanggapan (`sesi.catatan.jawab_tanggapan`);
        an empty answer clears it."""
        tid = self.tabel("tanggapan").kunci_terpilih()
        t = self.data.records("tanggapan").get(tid) if tid else None
        if t is None:
            self.kabar(isi_tombol(self, "Belum ada tanggapan yang disorot; tekan {pleno2.tanggapan} untuk mencatat "
                                         "tanggapan."))
            return

        def periksa(v: dict[str, str]) -> str | None:
            hasil = self.simpan(catatan.jawab_tanggapan, t.id, v["jawaban"])
            return None if hasil.ok else hasil.pesan
        self.app.push_screen(FormDialog(f"Jawaban atas tanggapan {t.nama}", [
            Kolom("jawaban", "Jawaban", t.jawaban, petunjuk="jawaban pimpinan sidang, narasumber atau SKPD"),
        ], periksa, tombol="Simpan", draf=f"pleno2.jawaban.{t.id}"), lambda _: self.fokus_di_sini())

    def cara_hapus(self, table: str, rid: str, rec: Any) -> tuple[str, Callable[..., Any], tuple[Any, ...]]:
        return f"Hapus tanggapan {rec.nama}: \"{potong(rec.isi, 80)}\"?", catatan.hapus_tanggapan, (rid,)


__all__ = ["BagianTanggapan"]
