"""Kelompok, part 3: verification of the kelompok's usulan (sesuai, ditolak, dialihkan, digabung, cadangan),
likely duplicates flagged, and moving an usulan to another kelompok."""

from __future__ import annotations

from collections import Counter

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from sesi import verifikasi
from sesi.data import Data
from sesi.format import angka, rupiah
from sesi.model import JENIS_USULAN, Kelompok, Usulan, label_status
from sesi.sebutan import wilayah, wilayah_kecil

from ..glyph import g
from .bagian import BagianSidang, TabelBagian, teks_belum_ditetapkan
from ..teks import aman, lebar_kolom, potong, teks_baris
from ..tombol import isi_tombol
from ..widgets import AlasanDialog, FormDialog, Hasil, Kolom, PilihDialog

#: Status as shown in the narrow column.
STATUS_SINGKAT = {"baru": "baru", "sesuai": "sesuai", "ditolak": "ditolak", "dialihkan": "dialihkan",
                  "digabung": "digabung", "cadangan": "cadangan", "disepakati": "disepakati",
                  "belum_disepakati": "blm sepakat"}
GAYA_STATUS = {"sesuai": "bold", "ditolak": "dim", "digabung": "dim", "cadangan": "italic",
               "dialihkan": "bold italic"}
KOLOM = [("ID", "id"), ("Desa/Kelurahan", "kel"), ("Pr", "pr"), ("Kegiatan", "kegiatan"), ("SKPD", "skpd"),
         ("Status", "status"), ("Ket.", "ket")]


def kolom_usulan(data) -> list[tuple[str, str]]:
    """KOLOM with the wilayah column named as the session does (Desa, Kelurahan or Desa/Kelurahan)."""
    return [(wilayah(data), k) if k == "kel" else (label, k) for label, k in KOLOM]


class TabelVerifikasi(TabelBagian):
    BINDINGS = [
        Binding("s", "bagian('sesuai')", "Sesuai", id="kelompok.verifikasi.sesuai",
                tooltip="Usulan yang disorot sesuai; kursor turun ke usulan berikut"),
        Binding("t", "bagian('tolak')", "Tolak", id="kelompok.verifikasi.tolak", tooltip="Dengan alasan (wajib)"),
        Binding("a", "bagian('alihkan')", "Alihkan SKPD", id="kelompok.verifikasi.alihkan", show=False,
                tooltip="Ke SKPD lain, dengan alasan (wajib); SKPD asal tetap tercatat"),
        Binding("u", "bagian('gabung')", "Gabungkan (duplikat)", id="kelompok.verifikasi.gabung", show=False,
                tooltip="Dengan usulan yang sama; kelurahan asal tetap tercatat"),
        Binding("c", "bagian('cadangan')", "Cadangan", id="kelompok.verifikasi.cadangan", show=False),
        Binding("b", "bagian('baru')", "Kembali ke baru", id="kelompok.verifikasi.baru", show=False),
        Binding("p", "bagian('pindah')", "Pindah kelompok", id="kelompok.verifikasi.pindah", show=False,
                tooltip="Pindahkan usulan ke kelompok lain"),
    ]


class BagianVerifikasi(BagianSidang):
    KUNCI = "verifikasi"
    TABEL = frozenset({"usulan", "kelompok"})

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._duplikat: dict[str, list[str]] = {}
        self._kid = ""

    def compose(self) -> ComposeResult:
        yield Static(id="verif-ringkas", classes="ringkas")
        yield TabelVerifikasi(id="verif-tabel")
        yield Static(id="verif-rinci", classes="rinci")

    # --- showing ---
    def _baris(self, u: Usulan) -> list[Text]:
        gaya = GAYA_STATUS.get(u.status, "")
        if u.status == "digabung" and u.digabung_ke:
            ket = teks_baris(f"{g('next')}{potong(u.digabung_ke, 6)}")
        elif u.id in self._duplikat:
            lain = self._duplikat[u.id]
            ket = teks_baris(f"{g('tie')}{potong(lain[0], 6)}" + ("+" if len(lain) > 1 else ""), "bold")
        else:
            ket = teks_baris("")
        lebar = self.app.size.width  # titles get the width a wide terminal has
        return [teks_baris(potong(u.id, 6)), teks_baris(potong(u.kelurahan, lebar_kolom(lebar, 13, 0.15))),
                teks_baris(u.prioritas_kelurahan),
                teks_baris(potong(u.kegiatan, lebar_kolom(lebar, 21, 0.6)),
                           "dim" if u.status in ("ditolak", "digabung") else ""),
                teks_baris(potong(u.skpd, lebar_kolom(lebar, 11, 0.2))),
                teks_baris(STATUS_SINGKAT.get(u.status, u.status), gaya), ket]

    def segarkan(self, data: Data, perubahan: dict) -> None:
        kel = data.kelompok_dari_id(self.kid) if self.kid else None
        if self.hanya_pesan(teks_belum_ditetapkan(self, data, None) if kel is None else None):
            return
        tabel = self.tabel()
        usulan = data.usulan_kelompok(kel.id)
        lama_dup = self._duplikat
        self._duplikat = verifikasi.kemungkinan_duplikat(data, kel.id)
        ids = [u.id for u in usulan]
        changed = set(perubahan.get("usulan", ())) if perubahan else set()
        if (perubahan and kel.id == self._kid and "kelompok" not in perubahan and tabel.columns
                and ids == [r.value for r in tabel.rows]):
            # Only some usulan of this kelompok changed: repaint those rows (and any duplicate flag).
            dup_berubah = {i for i in set(lama_dup) | set(self._duplikat) if lama_dup.get(i) != self._duplikat.get(i)}
            by_id = {u.id: u for u in usulan}
            for uid in (changed | dup_berubah) & set(ids):
                for (_, key), cell in zip(KOLOM, self._baris(by_id[uid])):
                    tabel.update_cell(uid, key, cell)
        else:
            tabel.isi(kolom_usulan(self.data), [(u.id, self._baris(u)) for u in usulan])
        self._kid = kel.id
        self._ringkas(usulan, kel)
        self._rinci()

    def _ringkas(self, usulan: list[Usulan], kel: Kelompok) -> None:
        dot = f" {g('dot')} "
        hitung = Counter(u.status for u in usulan)
        out = Text(no_wrap=True, overflow="ellipsis")
        out.append(f"{len(usulan)} usulan", style="bold")
        for key in ("baru", "sesuai", "dialihkan", "ditolak", "digabung", "cadangan", "disepakati",
                    "belum_disepakati"):
            if hitung.get(key):
                out.append(f"{dot}{STATUS_SINGKAT[key]} {hitung[key]}")
        if self._duplikat:
            out.append(f"{dot}{g('tie')} {len(self._duplikat)} mungkin duplikat", style="bold")
        if kel.virtual:
            out.append(dot + isi_tombol(self, "{kelompok.per_bidang}: bentuk kelompok per bidang"), style="bold")
        out.append(isi_tombol(self, "\n{kelompok.verifikasi.sesuai} sesuai  {kelompok.verifikasi.tolak} tolak  "
                              "{kelompok.verifikasi.alihkan} alihkan  {kelompok.verifikasi.gabung} gabung  "
                              "{kelompok.verifikasi.cadangan} cadangan  {kelompok.verifikasi.baru} baru  "
                              "{kelompok.verifikasi.pindah} pindah kelompok"), style="dim")
        self.query_one("#verif-ringkas", Static).update(out)

    @on(TabelBagian.RowHighlighted, "#verif-tabel")
    def _sorot(self) -> None:
        self._rinci()

    def _terpilih(self) -> Usulan | None:
        uid = self.tabel().kunci_terpilih()
        return self.data.usulan.get(uid) if uid else None

    def _rinci(self) -> None:
        rinci = self.query_one("#verif-rinci", Static)
        u = self._terpilih()
        if u is None:
            rinci.update(Text("Kelompok ini belum memiliki usulan.", style="dim"))
            return
        dot = f" {g('dot')} "
        out = Text()
        out.append(f"{aman(u.id)}: ", style="bold")
        out.append(aman(u.kegiatan), style="bold")
        kepala = [aman(u.kelurahan), f"prioritas {u.prioritas_kelurahan}"]
        if u.jenis:
            kepala.append(JENIS_USULAN.get(u.jenis, aman(u.jenis)))
        out.append(f" ({', '.join(kepala)})")
        if u.masalah:
            out.append(f"\nMasalah: {aman(u.masalah)}")
        bagian = []
        if u.lokasi:
            bagian.append(f"Lokasi: {aman(u.lokasi)}")
        if u.volume:
            bagian.append(f"Volume: {angka(u.volume)} {aman(u.satuan)}".rstrip())
        bagian.append(f"Biaya: {rupiah(u.perkiraan_biaya) or 'belum diisi'}")
        out.append("\n" + dot.join(bagian))
        out.append(f"\nSKPD: {aman(u.skpd)}")
        if u.skpd != u.skpd_awal:
            out.append(f" (asal: {aman(u.skpd_awal)})")
        out.append(f"{dot}Status: ")
        out.append(label_status(u.status), style="bold")
        if u.status == "digabung" and u.digabung_ke:
            target = self.data.usulan.get(u.digabung_ke)
            out.append(f" ke {aman(u.digabung_ke)}" + (f" ({aman(target.kelurahan)})" if target else "") +
                       f"; kelurahan asal {aman(u.kelurahan)} tetap tercatat")
        if u.alasan:
            out.append(f"{dot}Alasan: {aman(u.alasan)}")
        lain = self._duplikat.get(u.id)
        if lain:
            ada = self.data.usulan
            out.append(f"\n{g('tie')} Mungkin duplikat dari: ", style="bold")
            out.append("; ".join(f"{aman(x)} {potong(ada[x].kegiatan, 40) if x in ada else ''}".strip()
                                 for x in lain) + " (u = gabungkan)")
        rinci.update(out)

    # --- actions ---
    def _siap(self) -> Usulan | None:
        u = self._terpilih()
        if u is None:
            self.kabar("Tidak ada usulan yang disorot.", galat=True)
        return u

    def _set(self, u: Usulan, status: str, **kw: str) -> Hasil:
        hasil = self.simpan(verifikasi.verifikasi, u.id, status, **kw)
        if hasil.ok:
            baru = self.data.usulan.get(u.id, u)
            ket = ""
            if status == "dialihkan":
                ket = f" ke {aman(baru.skpd_akhir)} (asal {aman(baru.skpd_awal)})"
            elif status == "digabung":
                ket = f" ke {aman(baru.digabung_ke)}"
            self.kabar(f"{g('ok')} {aman(u.id)} {STATUS_SINGKAT[status]}{ket} {g('dot')} "
                       f"Tersimpan rev {hasil.revisi}")
        return hasil

    def aksi_sesuai(self) -> None:
        u = self._siap()
        if u and self._set(u, "sesuai").ok:
            tabel = self.tabel()
            if u.id in tabel.rows and tabel.cursor_row == tabel.get_row_index(u.id):
                tabel.action_cursor_down()  # verifying goes row by row

    def aksi_cadangan(self) -> None:
        u = self._siap()
        if u:
            self._set(u, "cadangan")

    def aksi_baru(self) -> None:
        u = self._siap()
        if u:
            self._set(u, "baru")

    def aksi_tolak(self) -> None:
        u = self._siap()
        if u is None:
            return

        def periksa(alasan: str) -> str | None:
            hasil = self._set(u, "ditolak", alasan=alasan)
            return None if hasil.ok else hasil.pesan
        self.app.push_screen(AlasanDialog(f"Tolak {aman(u.id)}: {aman(u.kegiatan)} ({aman(u.kelurahan)})",
                                          "Alasan penolakan", u.alasan if u.status == "ditolak" else "",
                                          periksa=periksa))

    def aksi_alihkan(self) -> None:
        u = self._siap()
        if u is None:
            return
        dikenal = sorted({x.skpd_awal for x in self.data.usulan.values()} |
                         {x.skpd_akhir for x in self.data.usulan.values()}, key=str.casefold)
        dikenal = [s for s in dikenal if s and s != u.skpd_awal]
        kini = u.skpd_akhir if u.status == "dialihkan" else ""
        kolom = [
            Kolom("skpd", "SKPD tujuan baru", kini if kini in dikenal else "",
                  pilihan=[(aman(s), s) for s in dikenal]),
            Kolom("skpd_lain", "atau SKPD lain", "" if kini in dikenal else kini,
                  petunjuk="diisi bila tidak ada di daftar"),
            Kolom("alasan", "Alasan", u.alasan if u.status == "dialihkan" else "", wajib=True),
        ]

        def periksa(v: dict[str, str]) -> str | None:
            skpd = v["skpd_lain"].strip() or v["skpd"]
            hasil = self._set(u, "dialihkan", alasan=v["alasan"], skpd_baru=skpd)
            return None if hasil.ok else hasil.pesan
        self.app.push_screen(FormDialog(f"Alihkan {aman(u.id)}: {aman(u.kegiatan)}\nSKPD asal: {aman(u.skpd_awal)}"
                                        " (tetap tercatat)", kolom, periksa, tombol="Alihkan"))

    def aksi_gabung(self) -> None:
        u = self._siap()
        if u is None or self.kel is None:
            return
        mirip = self._duplikat.get(u.id, [])
        calon = [x for x in self.data.usulan_kelompok(self.kel.id) if x.id != u.id]
        calon.sort(key=lambda x: x.id not in mirip)
        pilihan = []
        for x in calon:
            label = f"{aman(x.id)} {aman(x.kegiatan)} {g('dot')} {aman(x.kelurahan)}"
            if x.id in mirip:
                label = f"{g('tie')} {label} (mirip)"
            if x.status in ("ditolak", "digabung"):
                label += f" ({label_status(x.status).lower()})"
            pilihan.append((label, x.id))
        if not pilihan:
            self.kabar("Tidak ada usulan lain di kelompok ini untuk digabung.", galat=True)
            return

        def pilih(target: str | None) -> None:
            if target:
                self._set(u, "digabung", gabung_ke=target)
        self.app.push_screen(PilihDialog(f"Gabungkan {aman(u.id)} ({aman(u.kelurahan)}) ke usulan mana? "
                                         f"{wilayah(self.data)} asalnya tetap tercatat.", pilihan,
                                         petunjuk=f"Ketik ID, kegiatan atau {wilayah_kecil(self.data)}; Enter"), pilih)

    def aksi_pindah(self) -> None:
        u = self._siap()
        kel = self.kel
        if u is None or kel is None:
            return
        pilihan = [(aman(k.nama), k.id) for k in self.data.kelompok if not k.virtual and k.id != kel.id]
        if u.kelompok:
            pilihan.append((f"Kembali ke kelompok bidangnya ({aman(u.bidang)})", "-"))
        if not pilihan:
            self.kabar("Belum ada kelompok lain yang ditetapkan.", galat=True)
            return

        def pilih(kid: str | None) -> None:
            if not kid:
                return
            hasil = self.simpan(verifikasi.pindah_kelompok, u.id, "" if kid == "-" else kid)
            if hasil.ok:
                baru = self.data.kelompok_usulan.get(u.id, "")
                tujuan = self.data.kelompok_dari_id(baru)
                self.kabar(f"{g('ok')} {aman(u.id)} dipindah ke {aman(tujuan.nama) if tujuan else baru} "
                           f"{g('dot')} Tersimpan rev {hasil.revisi}")
        self.app.push_screen(PilihDialog(f"Pindahkan {aman(u.id)} ({potong(u.kegiatan, 40)}) ke kelompok:",
                                         pilihan), pilih)

    @on(TabelBagian.RowSelected, "#verif-tabel")
    def _menu(self) -> None:
        u = self._siap()
        if u is None:
            return
        pilihan = [(isi_tombol(self, label), v) for label, v in (
            ("Sesuai ({kelompok.verifikasi.sesuai})", "sesuai"),
            ("Tolak, dengan alasan ({kelompok.verifikasi.tolak})", "tolak"),
            ("Alihkan ke SKPD lain ({kelompok.verifikasi.alihkan})", "alihkan"),
            ("Gabungkan dengan duplikat ({kelompok.verifikasi.gabung})", "gabung"),
            ("Cadangan ({kelompok.verifikasi.cadangan})", "cadangan"),
            ("Kembali ke baru ({kelompok.verifikasi.baru})", "baru"),
            ("Pindah ke kelompok lain ({kelompok.verifikasi.pindah})", "pindah"))]

        def pilih(v: str | None) -> None:
            if v:
                getattr(self, f"aksi_{v}")()
        self.app.push_screen(PilihDialog(f"{aman(u.id)}: {aman(u.kegiatan)} ({label_status(u.status)})",
                                         pilihan), pilih)
