"""Persiapan, part 3: the criteria sets (kode, nama, bobot, scale with labels), which set is edited, and
the session's scoring rule (docs/tata-cara.md section 4)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widgets import DataTable, Static

from sesi import kriteria, skor
from sesi.data import Data
from sesi.format import angka
from sesi.model import (GABUNG_PENILAI, JENIS_USULAN, NILAI_KURANG, label_skala_baku)
from sesi.set_kriteria import BAWAAN, SetKriteria, nama_set, semua_set

from ..glyph import g
from ..teks import potong, teks_baris
from ..tombol import isi_tombol
from .dialog import FormPersiapan, KriteriaDialog
from ..widgets import Kolom, PilihDialog, Tabel
from .bagian import BagianPersiapan


# --- 3. Kriteria ---------------------------------------------------------------------------------------


def _ringkas_label(k: Any) -> str:
    lbl = [f"{n}={k.label[str(n)]}" for n in range(k.skala_min, k.skala_maks + 1) if k.label.get(str(n))]
    return ", ".join(lbl) if lbl else "(tanpa label)"


class BagianKriteria(BagianPersiapan):
    """The criteria of one set (the session's default set, or a kelompok's, or a jenis's: `s` chooses),
    and the session's scoring rule for several penilai (`c`)."""

    KUNCI = "kriteria"
    TABEL = frozenset({"kriteria", "sesi", "kelompok"})
    PETUNJUK = ("{persiapan.tambah} tambah · Enter/{persiapan.ubah} ubah · {persiapan.hapus} hapus · "
                "{persiapan.kriteria_baku} pasang kriteria baku")

    def __init__(self) -> None:
        super().__init__()
        #: (kelompok id, jenis) of the set shown and edited (`sesi.set_kriteria`)
        self.set_kunci: tuple[str, str] = BAWAAN

    def compose(self) -> ComposeResult:
        yield Tabel(id="kriteria-tabel")
        yield Static(id="kriteria-jumlah")
        cara = Static(id="kriteria-cara")
        cara.display = False
        yield cara
        yield Static(id="kriteria-rinci", classes="rinci")
        yield self.petunjuk()

    def _set(self, data: Data) -> SetKriteria:
        """The set shown; a set not yet defined (no criterion) is shown empty, ready for Ctrl+O."""
        kelompok, jenis = self.set_kunci
        return semua_set(data).get(self.set_kunci) or SetKriteria(kelompok, jenis, ())

    def segarkan(self, data: Data, perubahan: dict) -> None:
        if self.set_kunci[0] and data.kelompok_dari_id(self.set_kunci[0]) is None:
            self.set_kunci = BAWAAN
        s = self._set(data)
        rows = []
        jumlah = Decimal(0)
        for k in s.kriteria:
            jumlah += Decimal(k.bobot)
            n_label = sum(1 for v in range(k.skala_min, k.skala_maks + 1) if k.label.get(str(v)))
            skala = f"{k.skala_min}-{k.skala_maks}" + ("" if k.langkah_pecahan == 1 else " /0,5")
            rows.append((k.kode, [teks_baris(k.kode, "bold"), teks_baris(potong(k.nama, 44)), teks_baris(angka(Decimal(k.bobot))),
                                  teks_baris(skala),
                                  teks_baris(f"{n_label}/{k.skala_maks - k.skala_min + 1}"
                                             if k.skala_maks - k.skala_min < 11 else "-")]))
        tabel = self.query_one("#kriteria-tabel", Tabel)
        tabel.isi([("Kode", "kode"), ("Nama kriteria", "nama"), ("Bobot", "bobot"), ("Skala", "skala"),
                   ("Label", "label")], rows)
        self.terapkan_pilihan(tabel)
        n = len(rows)
        dot = g("dot")
        # The set's name only when the session has more than the default set (the default demo's line
        # stays as it was); `s` chooses another set.
        banyak = len([x for x in semua_set(data).values() if x.kriteria]) > 1 or self.set_kunci != BAWAAN
        awal = (f"Set: {nama_set(data, self.set_kunci)} ({isi_tombol(self, '{persiapan.pilih_set}')} pilih set) "
                f"{dot} " if banyak else "")
        self.query_one("#kriteria-jumlah", Static).update(
            teks_baris(awal + (f"Jumlah bobot: {angka(jumlah)} {dot} {n} kriteria" if n else isi_tombol(
                self, "Belum ada kriteria. {persiapan.tambah} menambah satu, {persiapan.kriteria_baku} memasang "
                      "lima kriteria baku."))))
        cara = self.query_one("#kriteria-cara", Static)
        cara.display = bool(_cara_penilaian(data))  # the default rule: no line (F1 and c tell the rest)
        cara.update(teks_baris("Cara penilaian: " + _cara_penilaian(data)))
        self._rinci()

    @on(DataTable.RowHighlighted, "#kriteria-tabel")
    def _rinci(self) -> None:
        k = self._terpilih()
        out = teks_baris(f"{k.kode} {k.nama} {g('dot')} skala {k.skala_min}-{k.skala_maks}: {_ringkas_label(k)}") \
            if k else Text()
        self.query_one("#kriteria-rinci", Static).update(out)

    def _terpilih(self) -> Any:
        kode = self.query_one("#kriteria-tabel", Tabel).kunci_terpilih()
        return self._set(self.data).kriteria_dari_kode(kode) if kode else None

    @on(DataTable.RowSelected, "#kriteria-tabel")
    def _enter(self) -> None:
        self.ubah()

    def tambah(self) -> None:
        s = self._set(self.data)
        n = len(s.kriteria) + 1
        kode = next(f"K{i}" for i in range(n, n + 100) if s.kriteria_dari_kode(f"K{i}") is None)
        self._form({"kode": kode, "bobot": "1", "skala_min": 1, "skala_maks": 5,
                    "label": {str(a): b for a, b in label_skala_baku(1, 5).items()}}, baru=True)

    def ubah(self) -> None:
        k = self._terpilih()
        if k is None:
            self.kabar(isi_tombol(self, "Belum ada kriteria. {persiapan.tambah} untuk menambah."))
            return
        self._form({"kode": k.kode, "nama": k.nama, "bobot": angka(Decimal(k.bobot)), "skala_min": k.skala_min,
                    "skala_maks": k.skala_maks, "label": k.label, "langkah": k.langkah}, baru=False)

    def _form(self, awal: dict[str, Any], baru: bool) -> None:
        kelompok, jenis = self.set_kunci

        def periksa(v: dict[str, str]) -> str | None:
            kode = v["kode"].strip()
            label = {k[6:]: x for k, x in v.items() if k.startswith("label_")}
            hasil = self.simpan(kriteria.simpan_kriteria, kode, v["nama"], v["bobot"], v["skala_min"],
                                v["skala_maks"], label, baru=baru, langkah=v.get("langkah", "1"),
                                kelompok=kelompok, jenis=jenis)
            if not hasil.ok:
                return hasil.pesan
            self.pilih_nanti = kode
            return None
        nama = "" if self.set_kunci == BAWAAN else f" ({nama_set(self.data, self.set_kunci)})"
        judul = ("Tambah kriteria" if baru else f"Ubah kriteria {awal['kode']}") + nama
        self.app.push_screen(KriteriaDialog(judul, awal, periksa, baru=baru))

    def hapus(self) -> None:
        k = self._terpilih()
        if k is None:
            return
        kelompok, jenis = self.set_kunci
        self.tanya(f"Hapus kriteria {k.kode} {k.nama}?",
                   lambda: self.lakukan(kriteria.hapus_kriteria, k.kode, kelompok=kelompok, jenis=jenis),
                   ya="Hapus")

    def pasang_baku(self) -> None:
        kelompok, jenis = self.set_kunci
        nama = "" if self.set_kunci == BAWAAN else f" pada {nama_set(self.data, self.set_kunci)}"
        self.tanya(f"Ganti seluruh kriteria{nama} dengan lima kriteria baku (skala 1-5, bobot sama)? Hanya dapat "
                   "dilakukan selama belum ada nilai skor.",
                   lambda: self.lakukan(kriteria.ganti_semua_kriteria, kriteria.kriteria_baku(),
                                        kelompok=kelompok, jenis=jenis), ya="Pasang")

    # --- which set ---
    def pilih_set(self) -> None:
        """Choose the set to show and edit: the sets defined (with their criteria count), or a new one per
        jenis, per kelompok, or per kelompok and jenis (it exists once it has a criterion)."""
        data = self.data
        ada = semua_set(data)
        calon: list[tuple[str, str]] = [BAWAAN] + [(k, j) for k, j in ada if (k, j) != BAWAAN]
        baru: list[tuple[str, str]] = [("", j) for j in JENIS_USULAN]
        for kel in data.kelompok:
            baru += [(kel.id, "")] + [(kel.id, j) for j in JENIS_USULAN]
        calon += [kunci for kunci in baru if kunci not in ada]
        pilihan = []
        for i, kunci in enumerate(calon):
            s = ada.get(kunci)
            ket = f"{len(s.kriteria)} kriteria" if s is not None and s.kriteria else "belum ada kriteria"
            tanda = f" {g('cur')}" if kunci == self.set_kunci else ""
            pilihan.append((f"{nama_set(data, kunci)} ({ket}){tanda}", str(i)))

        def pilih(v: str | None) -> None:
            if v is None:
                return
            self.set_kunci = calon[int(v)]
            self.segarkan(self.data, {})
            self.fokus()
        self.app.push_screen(PilihDialog("Set kriteria yang diubah", pilihan), pilih)

    def hapus_set(self) -> None:
        kelompok, jenis = self.set_kunci
        if self.set_kunci == BAWAAN:
            self.kabar(isi_tombol(self, "Set bawaan sesi tidak dihapus; hapus kriterianya satu per satu "
                                         "({persiapan.hapus})."))
            return
        nama = nama_set(self.data, self.set_kunci)

        def hapus() -> None:
            if self.lakukan(kriteria.hapus_set_kriteria, kelompok, jenis).ok:
                self.set_kunci = BAWAAN
                self.segarkan(self.data, {})
        self.tanya(f"Hapus set kriteria {nama}? Usulannya kembali dinilai dengan set yang lebih umum.", hapus,
                   ya="Hapus")

    # --- the scoring rule of several penilai ---
    def ubah_cara_penilaian(self) -> None:
        data = self.data
        info = data.info
        daftar = (info.penilai or {}).get("", [])

        def periksa(v: dict[str, str]) -> str | None:
            nama = [n.strip() for n in v["penilai"].split(",") if n.strip()]

            def atur(tx: Any) -> None:
                skor.atur_cara_penilaian(tx, gabung=v["gabung"] or None, nilai_kurang=v["nilai_kurang"] or None,
                                         total_100=v["total_100"] == "ya")
                skor.atur_penilai(tx, nama)
            atur.__name__ = "atur_cara_penilaian"
            hasil = self.simpan(atur)
            return None if hasil.ok else hasil.pesan
        kolom = [
            Kolom("gabung", "Nilai beberapa penilai", info.gabung_penilai,
                  pilihan=[(f"{k}: {v}", k) for k, v in GABUNG_PENILAI.items()]),
            Kolom("nilai_kurang", "Nilai yang tidak diberikan", info.nilai_kurang,
                  pilihan=[(v, k) for k, v in NILAI_KURANG.items()]),
            Kolom("total_100", "Total juga skala 0-100", "ya" if info.total_100 else "tidak",
                  pilihan=[("tidak", "tidak"), ("ya", "ya")]),
            Kolom("penilai", "Penilai (semua kelompok)", ", ".join(daftar),
                  petunjuk="nama dipisah koma; kosong = siapa pun yang menilai"),
        ]
        self.app.push_screen(FormPersiapan("Cara penilaian (sebelum penilaian dimulai)", kolom, periksa))


def _cara_penilaian(data: Data) -> str:
    """The session's scoring rule for several penilai in a few words, when it is not the default ("" then)."""
    info = data.info
    bagian = []
    if info.gabung_penilai != "rata-rata":
        bagian.append(f"nilai penilai {GABUNG_PENILAI.get(info.gabung_penilai, info.gabung_penilai)}")
    if info.nilai_kurang != "belum-lengkap":
        bagian.append("nilai kurang diisi rata-rata")
    if info.total_100:
        bagian.append("total 0-100")
    daftar = (info.penilai or {}).get("")
    if daftar:
        bagian.append(f"{len(daftar)} penilai")
    return ", ".join(bagian) + " (c ubah)" if bagian else ""


