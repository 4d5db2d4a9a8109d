"""Pleno II, part 3: the delegation to the Forum Perangkat Daerah / Musrenbang RKPD and the tim perumus,
chosen from the participants present."""

from __future__ import annotations

from typing import Any, Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Static

from sesi import pleno
from sesi.data import Data
from sesi.pleno import JABATAN_PERUMUS, jabatan_perumus_terisi
from sesi.sebutan import forum_lanjutan, label_unsur_singkat, wilayah_kecil


from ..glyph import g
from ..teks import potong
from ..tombol import isi_tombol
from ..widgets import PilihDialog, Tabel
from .bersama import BagianPleno, baris_teks, gabung_baris, pilih_peserta, teks_bungkus



class BagianDelegasi(BagianPleno):
    KUNCI = "delegasi"
    TABEL = frozenset({"delegasi", "perumus"})
    HAPUS = {"delegasi": "delegasi", "perumus": "perumus"}

    def compose(self) -> ComposeResult:
        yield Static(id="dl-info", classes="info")
        yield Tabel(id="delegasi")
        yield Static(id="pr-info", classes="info bungkus")
        yield Tabel(id="perumus")

    def segarkan(self, data: Data, perubahan: dict) -> None:
        rows = []
        perempuan = 0
        for i, d in enumerate(data.records("delegasi").values(), start=1):
            perempuan += d.jenis_kelamin == "P"
            rows.append((d.id, [str(i), potong(d.nama, 26), label_unsur_singkat(data, d.unsur),
                                potong(d.lembaga or d.keterangan, 30), d.jenis_kelamin]))
        self.tabel("delegasi").isi([("No", "no"), ("Nama", "nama"), ("Unsur", "unsur"),
                                    (f"Lembaga / {wilayah_kecil(data)}", "lembaga"), ("L/P", "lp")], rows)
        self.query_one("#dl-info", Static).update(gabung_baris(
            baris_teks(Text(f"Delegasi ke {forum_lanjutan(data)}", style="bold")),
            baris_teks(f"{len(rows)} orang, {perempuan} perempuan  {g('dot')}  " + isi_tombol(
                self, f"{{pleno2.delegasi}} tambah  {g('dot')}  {{pleno2.hapus}} hapus"))))
        rows = []
        for i, p in enumerate(data.records("perumus").values(), start=1):
            rows.append((p.id, [str(i), potong(p.nama, 30), JABATAN_PERUMUS.get(p.jabatan, p.jabatan)]))
        self.tabel("perumus").isi([("No", "no"), ("Nama", "nama"), ("Jabatan", "jabatan")], rows)
        self.query_one("#pr-info", Static).update(teks_bungkus(
            Text("Tim perumus", style="bold"), f" (dipimpin Camat): {len(rows)} orang  {g('dot')}  " + isi_tombol(
                self, f"{{pleno2.perumus}} tambah  {g('dot')}  {{pleno2.hapus}} hapus")))

    def tambah_delegasi(self) -> None:
        """Add a delegate chosen from the participants present (the delegasi unsur first)."""
        sudah = {d.peserta for d in self.data.records("delegasi").values() if d.peserta}

        def pilih(pid: str | None) -> None:
            if pid:
                self.simpan(pleno.tambah_delegasi, peserta=pid)
            self.tabel("delegasi").focus()
        pilih_peserta(self, self.data, f"Delegasi ke {forum_lanjutan(self.data)}", pilih,
                      utamakan="delegasi", kecuali=sudah)

    def tambah_perumus(self) -> None:
        """Add a member of the tim perumus: who (the camat first while there is no ketua), then the post. The
        posts are always listed in one order (Ketua, Sekretaris, Anggota), a post already held names its
        holder, and the cursor starts on the first free one; a held post chosen anyway is refused by the
        domain (`sesi.pleno.tambah_perumus`), with the reason on the status line."""
        terisi = jabatan_perumus_terisi(self.data.raw.get("perumus", {}))

        def jabatan(pid: str) -> Callable[[str | None], None]:
            def pilih(jab: str | None) -> None:
                if jab:
                    self.simpan(pleno.tambah_perumus, peserta=pid, jabatan=jab)
                self.tabel("perumus").focus()
            return pilih

        def orang(pid: str | None) -> None:
            if not pid:
                return
            nama = self.data.peserta[pid].nama
            pilihan = [(JABATAN_PERUMUS[j] + (f" (sudah: {terisi[j]})" if j in terisi else ""), j)
                       for j in JABATAN_PERUMUS]
            bebas = next((j for j in JABATAN_PERUMUS if j not in terisi), "anggota")
            self.app.push_screen(PilihDialog(f"Jabatan {nama} dalam tim perumus", pilihan, sorot=bebas),
                                 jabatan(pid))
        pilih_peserta(self, self.data, "Anggota tim perumus", orang,
                      utamakan="camat" if "ketua" not in terisi else "")

    def cara_hapus(self, table: str, rid: str, rec: Any) -> tuple[str, Callable[..., Any], tuple[Any, ...]]:
        jenis = "delegasi" if table == "delegasi" else "tim perumus"
        return f"Hapus {rec.nama} dari {jenis}?", pleno.hapus_dari, (table, rid)


__all__ = ["BagianDelegasi", "JABATAN_PERUMUS"]
