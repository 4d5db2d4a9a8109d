"""Pleno II, part 1: a kelompok's list as its ketua presents it, the highlighted usulan in full, and the
forum's decisions on the list (move up or down, not agreed / restored, agree the list), each with a reason."""

from __future__ import annotations

from typing import Any, Callable

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widgets import DataTable, Static

from sesi import pleno
from sesi.data import Data
from sesi.format import angka, jam, rupiah
from sesi.model import Usulan
from sesi.peringatan import sebut_kelompok
from sesi.peringkat import bulat
from sesi.sebutan import wilayah, wilayah_kecil
from sesi.urutan import hasil_kelompok, terverifikasi

from ..glyph import g
from ..teks import lebar_kolom, potong, teks
from ..tombol import isi_tombol
from ..widgets import AlasanDialog, KonfirmasiDialog, Tabel
from .bersama import BagianPleno, baris_teks, gabung_baris

#: Short labels of the decisions for the narrow decisions table (the full words are in sesi.pleno).
KEPUTUSAN_SINGKAT = {
    "naik": "Naik",
    "turun": "Turun",
    "belum_disepakati": "Belum disepakati",
    "dipulihkan": "Dikembalikan",
    "kelompok_disepakati": "Daftar disepakati",
    "kesepakatan_dibatalkan": "Kesepakatan dibatalkan",
}

#: Total right after the number: it stays on screen however narrow the terminal (60 columns).
KOLOM_URUTAN = [("No", "no"), ("Total", "total"), ("Kegiatan", "kegiatan"), ("Desa/Kelurahan", "kel"),
                ("SKPD", "skpd"), ("Ket.", "ket")]


def lebar_judul(lebar_layar: int) -> int:
    """The usulan title's width: what the screen has beside the other columns (25 at 80 columns)."""
    return max(16, lebar_layar - 55)


def lebar_keputusan(lebar_layar: int) -> tuple[int, int]:
    """The widths of the decision and its reason in the decisions table: what the screen has beside the time
    (40 and 28 at 80 columns; the reason gets what is left at 120)."""
    sisa = max(32, lebar_layar - 12)
    kep = min(40, sisa * 3 // 5)
    return kep, sisa - kep


def kolom_urutan(data: Data) -> list[tuple[str, str]]:
    """KOLOM_URUTAN with the wilayah column named as the session does."""
    return [(wilayah(data), k) if k == "kel" else (label, k) for label, k in KOLOM_URUTAN]


class BagianDaftar(BagianPleno):
    """The list of the kelompok `kid` (handed down by the screen) and the decisions taken on it."""

    KUNCI = "daftar"
    TABEL = frozenset({"kelompok", "usulan", "skor", "kriteria", "peserta", "keputusan"})

    def __init__(self) -> None:
        super().__init__()
        #: the kelompok shown (set by the screen)
        self.kid = ""

    def compose(self) -> ComposeResult:
        yield Static(id="kel-info", classes="info")
        yield Tabel(id="urutan")
        yield Static(id="rinci")
        yield Static(baris_teks(isi_tombol(
            self, "{pleno2.naik}/{pleno2.turun} naik/turun · {pleno2.belum} belum disepakati · {pleno2.sepakati} "
            "sepakati · {pleno2.kelompok_sebelum} {pleno2.kelompok_berikut} {pleno2.pilih_kelompok} kelompok · "
            "{pleno2.aturan} aturan").replace(" · ", f" {g('dot')} ")), classes="petunjuk")
        yield Tabel(id="keputusan")

    # --- showing ---
    def segarkan(self, data: Data, perubahan: dict) -> None:
        kel = data.kelompok_dari_id(self.kid)
        info = self.query_one("#kel-info", Static)
        if kel is None:
            self.isi_tabel("urutan", kolom_urutan(data), [])
            info.update(teks("Belum ada kelompok: usulan belum dimasukkan (layar Persiapan)."))
            self.tabel("keputusan").isi([("Jam", "jam"), ("Keputusan", "kep"), ("Alasan", "alasan")], [])
            return
        urutan = pleno.urutan_akhir(data, kel.id)
        rows: list[tuple[str, list[Any]]] = []
        lebar = self.app.size.width
        # Wilayah and SKPD get a little of a wide terminal's room, the title the rest.
        kel_w, skpd_w = lebar_kolom(lebar, 14, 0.15), lebar_kolom(lebar, 12, 0.1)
        judul = max(16, lebar_judul(lebar) - (kel_w - 14) - (skpd_w - 12))
        for t in urutan:
            u = t.usulan
            ket = []
            if t.seri:
                ket.append(f"{g('tie')}seri")
            if t.bergeser:
                ket.append(f"awal {t.peringkat_skor}")
            if not terverifikasi(u):
                ket.append("blm verif")  # not agreed with the list (sesi.urutan.nasib_usulan)
            rows.append((u.id, [str(t.peringkat_akhir), teks(bulat(t.total), "bold"), potong(u.kegiatan, judul),
                                potong(u.kelurahan, kel_w), potong(u.skpd, skpd_w), " ".join(ket)]))
        semua = data.usulan_kelompok(kel.id)
        belum = [u for u in semua if u.status == "belum_disepakati"]
        for u in belum:
            rows.append((u.id, [teks("-", "dim"), "", teks(potong(u.kegiatan, judul), "dim"),
                                teks(potong(u.kelurahan, kel_w), "dim"), teks(potong(u.skpd, skpd_w), "dim"),
                                teks("belum", "italic")]))
        self.isi_tabel("urutan", kolom_urutan(data), rows)

        ids = [k.id for k in data.kelompok]
        ketua = data.peserta.get(kel.ketua)
        baris1 = baris_teks(teks(sebut_kelompok(kel.nama), "bold"), f" ({ids.index(kel.id) + 1}/{len(ids)})",
                            f" {g('dot')} Ketua: ", ketua.nama if ketua else "belum dipilih")
        if kel.disepakati:
            baris2 = baris_teks(Text(f"{g('ok')} Disepakati {jam(kel.disepakati)}", style="bold"))
        else:
            baris2 = baris_teks("Belum disepakati")
        lain = len(semua) - len(urutan) - len(belum)
        baris2.append_text(baris_teks(f" {g('dot')} {ringkas_hasil(data, kel.id)}",
                                      f" {g('dot')} {len(belum)} belum disepakati" if belum else "",
                                      f" {g('dot')} {lain} belum lengkap/disisihkan" if lain else ""))
        info.update(gabung_baris(baris1, baris2))
        self._isi_rinci(data)
        self._isi_keputusan(data)

    def _isi_rinci(self, data: Data) -> None:
        """The highlighted usulan in full: the title and kelurahan, then location, volume, cost and SKPD."""
        uid = self.tabel("urutan").kunci_terpilih()
        u = data.usulan.get(uid) if uid else None
        rinci = self.query_one("#rinci", Static)
        if u is None:
            rinci.update("")
            return
        vol = f"{angka(u.volume)} {u.satuan}".strip() if u.volume else ""
        dua = [u.lokasi, vol, rupiah(u.perkiraan_biaya), u.skpd, f"prioritas {wilayah_kecil(data)} {u.prioritas_kelurahan}"]
        if u.status == "belum_disepakati" and u.alasan:
            dua.insert(0, f"belum disepakati: {u.alasan}")
        tempat = next((t for t in pleno.urutan_akhir(data, self.kid) if t.usulan.id == uid), None)
        if tempat is not None and tempat.bergeser:
            dua.insert(0, f"peringkat menurut skor {tempat.peringkat_skor}: {tempat.alasan}")
        sep = f" {g('dot')} "
        rinci.update(gabung_baris(baris_teks(teks(u.id + " ", "dim"), teks(u.kegiatan, "bold"), sep, u.kelurahan),
                                  baris_teks(sep.join(b for b in dua if b))))

    def _isi_keputusan(self, data: Data) -> None:
        tabel = self.tabel("keputusan")
        lebar_kep, lebar_alasan = lebar_keputusan(self.app.size.width)
        rows = []
        for k in data.records("keputusan").values():
            if k.kelompok != self.kid:
                continue
            u = data.usulan.get(k.usulan) if k.usulan else None
            isi = KEPUTUSAN_SINGKAT.get(k.jenis, k.jenis) + (f": {u.kegiatan}" if u else "")
            rows.append((k.id, [jam(k.waktu), potong(isi, lebar_kep), potong(k.alasan, lebar_alasan)]))
        rows.sort(key=lambda r: (len(r[0]), r[0]))
        baru = rows and tabel.row_count != len(rows)
        kolom = [("Jam", "jam"), ("Keputusan kelompok ini", "kep"), ("Alasan", "alasan")]
        self.isi_tabel("keputusan", kolom, rows or [
            ("-", ["", teks("Belum ada keputusan untuk kelompok ini.", "dim"), ""])])
        if baru:
            tabel.move_cursor(row=len(rows) - 1, animate=False)

    @on(DataTable.RowHighlighted, "#urutan")
    def _sorot_urutan(self) -> None:
        self._isi_rinci(self.data)

    def ganti_kelompok(self, kid: str) -> None:
        """Show another kelompok's list, from its top."""
        self.kid = kid
        self.tabel("urutan").move_cursor(row=0, animate=False)
        self.segarkan(self.data, {})

    def usulan_sorot(self) -> str:
        """The id of the usulan highlighted in the list ("" when the list is empty)."""
        return self.tabel("urutan").kunci_terpilih() or ""

    # --- decisions on the list ---
    def _minta_alasan(self, judul: str, aksi: Callable[..., Any], *args: Any) -> None:
        def simpan(alasan: str) -> str | None:
            hasil = self.simpan(aksi, *args, alasan=alasan)
            return None if hasil.ok else hasil.pesan

        # The reason typed and not saved yet is kept in a draft (a crash loses nothing), one per decision.
        draf = ".".join(["pleno2.alasan", aksi.__name__, *map(str, args)])
        self.app.push_screen(AlasanDialog(judul, periksa=simpan, draf=draf), lambda _: self.fokus_di_sini())

    def _usulan_dibahas(self) -> Usulan | None:
        """The usulan highlighted in the list, or None with a hint in the status line."""
        uid = self.usulan_sorot()
        u = self.data.usulan.get(uid) if uid else None
        if u is None:
            self.kabar("Pilih usulan di daftar dahulu.")
        return u

    def geser(self, arah: int) -> None:
        """Move the highlighted usulan one place up (-1) or down (1), with a reason."""
        u = self._usulan_dibahas()
        if u is None:
            return
        if u.status == "belum_disepakati":
            self.kabar(teks(f"{u.kegiatan} belum disepakati; kembalikan dahulu dengan "
                            + isi_tombol(self, "{pleno2.belum}.")), galat=True)
            return
        order = [b.usulan.id for b in pleno.urutan_akhir(self.data, self.kid)]
        i = order.index(u.id) + 1 if u.id in order else 0
        ke = f" (ke-{i + arah})" if 1 <= i + arah <= len(order) else ""
        kata = "Naikkan" if arah < 0 else "Turunkan"
        self._minta_alasan(f"{kata} urutan {i}{ke}: {u.kegiatan} ({u.kelurahan})", pleno.geser, self.kid, u.id,
                           arah)

    def belum_disepakati(self) -> None:
        """Mark the highlighted usulan not agreed, or restore it to the list, with a reason."""
        u = self._usulan_dibahas()
        if u is None:
            return
        if u.status == "belum_disepakati":
            self._minta_alasan(f"Kembalikan ke daftar: {u.kegiatan} ({u.kelurahan})", pleno.pulihkan_usulan, u.id)
        else:
            self._minta_alasan(f"Belum disepakati: {u.kegiatan} ({u.kelurahan})", pleno.tandai_belum_disepakati,
                               u.id)

    def sepakati(self) -> None:
        """Agree the kelompok's list as shown (after a question), or cancel the agreement with a reason."""
        kel = self.data.kelompok_dari_id(self.kid)
        if kel is None:
            return
        nama = sebut_kelompok(kel.nama)
        if kel.disepakati:
            self._minta_alasan(f"Batalkan kesepakatan daftar {nama}", pleno.batal_sepakat, kel.id)
            return
        hasil_kel = hasil_kelompok(self.data, kel.id)  # the berita acara's count (sesi.urutan.nasib_usulan)
        n = f"{len(hasil_kel.masuk)} usulan masuk prioritas"
        if hasil_kel.belum_verifikasi:
            n += f"; {len(hasil_kel.belum_verifikasi)} belum diverifikasi tidak masuk"

        def jawab(ya: bool | None) -> None:
            if ya:
                hasil = self.simpan(pleno.sepakati_kelompok, kel.id)
                if hasil.ok:
                    self.kabar(teks(f"{g('ok')} Tersimpan rev {hasil.revisi} {g('dot')} daftar {nama} disepakati"))
        self.app.push_screen(KonfirmasiDialog(
            f"Sepakati daftar {nama} ({n}) dalam urutan yang tampil? Urutan dan nilainya terkunci sampai "
            "kesepakatan dibatalkan.", ya="Sepakati"), jawab)


def ringkas_hasil(data: Data, kid: str) -> str:
    """'3 masuk prioritas · 15 belum diverifikasi': the kelompok's final order counted as the berita acara
    counts it (`sesi.urutan.hasil_kelompok`)."""
    h = hasil_kelompok(data, kid)
    out = f"{len(h.masuk)} masuk prioritas"
    if h.belum_verifikasi:
        out += f" {g('dot')} {len(h.belum_verifikasi)} belum diverifikasi"
    return out


__all__ = ["BagianDaftar", "ringkas_hasil", "KEPUTUSAN_SINGKAT", "KOLOM_URUTAN"]
