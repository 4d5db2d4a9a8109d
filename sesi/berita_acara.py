"""The berita acara (official minutes) of the Musrenbang Kecamatan, in Markdown and in plain text.

The document is first built as a list of blocks (`dokumen`): titles, paragraphs, lists, MENYEPAKATI
clauses, tables. Two renderers write the same blocks: `ke_markdown` (GitHub pipe tables; every piece of
user text escaped with `export.md_sel`, so a `|`, `*`, `#`, a backtick or a newline typed by a user never
breaks the layout) and `ke_teks` (80 columns where it fits: wrapped paragraphs, ASCII tables with wrapped
cells, readable printed on folio paper). A screen can show `berita_acara(data, "txt")` as it is, or walk
`dokumen(data)` itself.

The same session always gives the same bytes: nothing depends on the clock or on dict order of the file.
Layout and order follow DOMAIN.md "The berita acara" and CONTOH-BERITA-ACARA.md.
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Iterable, Union

from .data import Data, normal
from .export import md_sel, teks_sel
from .format import angka, jam, rupiah, tanggal_panjang
from .kelompok import uraian_pemilihan
from .model import JABATAN_KELOMPOK, PERAN_TIM, UNSUR, Kelompok, Usulan, label_status, label_unsur
from .pendaftaran import rekap
from .pengesahan import Keadaan, keadaan, waktu_teks
from .peringatan import sebut_kelompok
from .peringkat import Baris, Peringkat, aturan_urutan, bulat, peringkat_kelompok, urutan_kriteria_pemisah
from .pleno import JENIS_KEPUTUSAN, ItemPrioritas, daftar_prioritas, tidak_disepakati
from .terbilang import dengan_terbilang, ordinal, romawi, rupiah_terbilang, tanggal_terbilang

FORMAT = {"md": "Markdown", "txt": "Teks"}
LEBAR = 80  # columns of the text format
PALING_SEMPIT = 6  # a text column of a table is never narrower (long words are broken to fit)
TIDAK_ADA = "Tidak ada."

# --- the document's blocks ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Kop:
    """The letterhead: centred lines (PEMERINTAH KOTA ..., KECAMATAN ...)."""

    baris: tuple[str, ...]


@dataclass(frozen=True)
class Judul:
    """A title. tingkat 1: the document's title; 2: a lampiran's header; 3: a lampiran's title;
    4: a section (an SKPD, a kelompok). `tengah`: centred in the text format."""

    teks: str
    tingkat: int = 3
    tengah: bool = False


@dataclass(frozen=True)
class Paragraf:
    teks: str
    tebal: bool = False
    tengah: bool = False
    spasi: bool = False  # text format: keep runs of spaces when the line fits (a Nomor's blank)


@dataclass(frozen=True)
class Butir:
    teks: str
    anak: tuple[str, ...] = ()  # sub-items, lettered a., b., ...


@dataclass(frozen=True)
class Daftar:
    """A numbered (1., 2., ...) or lettered (a., b., ...) list."""

    butir: tuple[Butir, ...]
    huruf: bool = False


@dataclass(frozen=True)
class Klausul:
    """The MENYEPAKATI clauses: (KESATU, text), (KEDUA, text), ..."""

    butir: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Pasangan:
    """Aligned label : value lines (NOMOR : ..., TANGGAL : ...)."""

    baris: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Kolom:
    judul: str
    kanan: bool = False  # numbers: right-aligned, never wrapped
    min_teks: int = 0  # text format: at least this wide (room to write a name or sign by hand)


@dataclass(frozen=True)
class Tabel:
    kolom: tuple[Kolom, ...]
    baris: tuple[tuple[str, ...], ...]
    tinggi: int = 1  # minimum lines per row in the text format (room for a signature)
    gabung_teks: tuple[int, ...] = ()  # columns joined to the one before them in the text format


@dataclass(frozen=True)
class Kotak:
    """A notice framed at the top of the document (RANCANGAN, or the signature's fingerprint)."""

    baris: tuple[str, ...]


@dataclass(frozen=True)
class Pemisah:
    """The start of a new part (a lampiran)."""


Blok = Union[Kop, Judul, Paragraf, Daftar, Klausul, Pasangan, Tabel, Kotak, Pemisah]

# --- small wording helpers ----------------------------------------------------------------------------


def _tanpa_awalan(text: str, *awalan: str) -> str:
    t = text.strip()
    for a in awalan:
        if t.casefold().startswith(a + " "):
            return t[len(a) + 1:].strip()
    return t


def nama_kota(data: Data) -> str:
    """'Banjarmasin' (without 'Kota'/'Kabupaten' if the user typed it)."""
    return _tanpa_awalan(data.info.kota, "kota", "kabupaten")


def nama_daerah(data: Data) -> str:
    """'Kota Banjarmasin' / 'Kabupaten Banjar'."""
    jenis = data.info.jenis_daerah.strip() or "Kota"
    return f"{jenis} {nama_kota(data)}"


def nama_kecamatan(data: Data) -> str:
    return _tanpa_awalan(data.info.kecamatan, "kecamatan")


def _kepala_daerah(data: Data) -> str:
    return "Bupati" if normal(data.info.jenis_daerah) == "kabupaten" else "Wali Kota"


def _badan_perencanaan(data: Data) -> str:
    return "Bappedalitbang" if normal(nama_kota(data)) == "banjarmasin" else "Bappeda"


def _rangkai(items: Iterable[str], kata: str = "dan") -> str:
    """'A', 'A dan B', 'A, B, dan C'."""
    xs = [x for x in items if x]
    if len(xs) <= 1:
        return "".join(xs)
    if len(xs) == 2:
        return f"{xs[0]} {kata} {xs[1]}"
    return ", ".join(xs[:-1]) + f", {kata} {xs[-1]}"


def _tanpa_titik(text: str) -> str:
    """User text about to be followed by our own punctuation: its trailing . ; , removed."""
    return text.strip().rstrip(".;,").rstrip()


def _dengan_jabatan(nama: str, jabatan: str) -> str:
    return f"{nama} ({jabatan})" if jabatan else nama


def _tanggal(data: Data) -> str:
    try:
        return tanggal_panjang(data.info.tanggal)
    except (TypeError, ValueError):
        return "...................."


def _nomor(data: Data) -> str:
    return data.info.nomor_ba.strip() or "...................."


@lru_cache(maxsize=4096)  # the same volumes and costs come back on many rows of the lampiran
def _angka_teks(value: str) -> str:
    try:
        return angka(Decimal(value)) if value else ""
    except (InvalidOperation, ValueError):
        return value


@lru_cache(maxsize=4096)
def _rupiah(value: str) -> str:
    try:
        return rupiah(value)
    except (InvalidOperation, ValueError):
        return value


def _nilai(v: Fraction | None) -> str:
    if v is None:
        return ""
    return str(v.numerator) if v.denominator == 1 else bulat(v)


def _lokasi(u: Usulan) -> str:
    return f"{u.lokasi}, {u.kelurahan}" if u.lokasi else u.kelurahan


def _lp(jk: str) -> str:
    return jk if jk in ("L", "P") else ""


# --- building the document ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Konteks:
    """What several parts of the document need, computed once."""

    data: Data
    sah: Keadaan
    prioritas: list[tuple[str, list[ItemPrioritas]]]
    tidak: list[tuple[Usulan, str]]
    _peringkat: dict = field(default_factory=dict)

    def peringkat(self, kid: str) -> Peringkat:
        if kid not in self._peringkat:
            self._peringkat[kid] = peringkat_kelompok(self.data, kid)
        return self._peringkat[kid]

    @cached_property
    def posisi(self) -> dict[str, ItemPrioritas]:
        """usulan id -> its place in the final list (Lampiran II)."""
        return {it.usulan.id: it for _, items in self.prioritas for it in items}


def dokumen(data: Data) -> list[Blok]:
    """The whole berita acara as blocks: the body, then Lampiran I to VI."""
    k = _Konteks(data, keadaan(data), daftar_prioritas(data), tidak_disepakati(data))
    blok: list[Blok] = []
    blok += _status(k)
    blok += _badan(k)
    for nomor, (judul, isi) in enumerate(
            [(f"DAFTAR HADIR PESERTA MUSRENBANG KECAMATAN {nama_kecamatan(data).upper()}", _lampiran_hadir),
             ("DAFTAR URUTAN KEGIATAN PRIORITAS KECAMATAN MENURUT PERANGKAT DAERAH (SKPD)", _lampiran_prioritas),
             ("USULAN KEGIATAN YANG BELUM DISEPAKATI", _lampiran_belum),
             (f"DELEGASI KECAMATAN UNTUK FORUM PERANGKAT DAERAH DAN MUSRENBANG RKPD "
              f"{nama_daerah(data).upper()}", _lampiran_delegasi),
             ("HIMPUNAN HASIL MUSRENBANG KELURAHAN MENURUT PERANGKAT DAERAH (SKPD)", _lampiran_kelurahan),
             ("REKAPITULASI SKORING DAN PEMERINGKATAN PER KELOMPOK", _lampiran_skoring)], start=1):
        blok += _kepala_lampiran(k, nomor, judul)
        blok += isi(k)
    return blok


def _status(k: _Konteks) -> list[Blok]:
    s = k.sah
    if not s.disahkan:
        baris = [f"RANCANGAN - BELUM DISAHKAN (revisi berkas {k.data.revisi})",
                 "Isi berita acara ini masih dapat berubah sampai disahkan oleh pimpinan sidang."]
        if s.versi_sebelumnya:
            v = s.versi_sebelumnya[-1]
            baris.append(f"Versi sah {v.get('versi', '?')} dibuka kembali pada {waktu_teks(str(v.get('dibuka', '')))}"
                         f" oleh {v.get('dibuka_oleh', '')} dengan alasan: {v.get('alasan', '')}")
        return [Kotak(tuple(baris))]
    return [Kotak((f"DISAHKAN - versi {s.versi}, pada {s.waktu_teks} oleh {s.nama}",
                   "Sidik jari SHA-256:", s.sidik_jari))]


def _badan(k: _Konteks) -> list[Blok]:
    data, info = k.data, k.data.info
    kec = nama_kecamatan(data)
    daerah = nama_daerah(data)
    r = rekap(data)
    out: list[Blok] = [
        Kop((f"PEMERINTAH {daerah.upper()}", f"KECAMATAN {kec.upper()}")),
        Judul(f"BERITA ACARA KESEPAKATAN HASIL MUSYAWARAH PERENCANAAN PEMBANGUNAN (MUSRENBANG) RKPD "
              f"{daerah.upper()} TAHUN {info.tahun} DI KECAMATAN {kec.upper()}", 1, tengah=True),
        Paragraf(f"Nomor: {_nomor(data)}", tengah=True, spasi=True),
    ]

    # Opening: the date in words, the place, who chaired, attendance.
    try:
        hari_ini = tanggal_terbilang(info.tanggal)
    except (TypeError, ValueError):
        hari_ini = ".......... tanggal .......... bulan .......... tahun .........."
    camat = f"{info.camat}, Camat {kec}" if info.camat else f"Camat {kec}"
    pembuka = (f"Pada hari ini {hari_ini}, bertempat di {info.tempat or '..........'}, telah diselenggarakan "
               f"Musyawarah Perencanaan Pembangunan (Musrenbang) RKPD {daerah} Tahun {info.tahun} di Kecamatan "
               f"{kec}, dipimpin oleh {camat}, ")
    if r.hadir:
        out.append(Paragraf(pembuka + f"dan dihadiri oleh {dengan_terbilang(r.hadir, 'orang')} peserta "
                            "sebagaimana tercantum dalam Lampiran I, terdiri atas:"))
        items = [f"{label_unsur(u)}: {dengan_terbilang(n, 'orang')}" for u, n in r.per_unsur.items()]
        out.append(Daftar(tuple(Butir(t + (";" if i < len(items) - 1 else "."))
                                for i, t in enumerate(items)), huruf=True))
        kalimat = [f"{dengan_terbilang(r.perempuan, 'orang')} perempuan"]
        if r.rentan:
            rincian = "; ".join(f"{jenis}: {dengan_terbilang(n, 'orang')}"
                                for jenis, n in sorted(r.rentan_per_jenis.items()))
            kalimat.append(f"{dengan_terbilang(r.rentan, 'orang')} dari kelompok rentan ({rincian})")
        else:
            kalimat.append("tidak ada peserta yang tercatat dari kelompok rentan")
        tanpa_jk = r.hadir - r.perempuan - r.laki
        teks = "Dari jumlah tersebut, " + _rangkai(kalimat) + "."
        if tanpa_jk:
            teks += f" Jenis kelamin {dengan_terbilang(tanpa_jk, 'orang')} peserta tidak tercatat."
        out.append(Paragraf(teks))
    else:
        out.append(Paragraf(pembuka + "dengan peserta sebagaimana tercantum dalam Lampiran I (kehadiran belum "
                            "tercatat)."))

    # What was considered.
    out.append(Paragraf("Setelah memperhatikan, mendengar, dan mempertimbangkan:"))
    out.append(Daftar(tuple(_pertimbangan(k))))
    out.append(Paragraf(f"maka seluruh peserta Musrenbang Kecamatan {kec}"))
    out.append(Paragraf("MENYEPAKATI", tebal=True, tengah=True))
    out.append(Klausul(tuple((ordinal(i).upper(), teks) for i, teks in enumerate(_kesepakatan(k), start=1))))

    # Closing, place and date, signatures, copies.
    perumus = k.data.daftar("perumus")
    if perumus:
        ketua = [p.nama for p in perumus if p.jabatan == "ketua"]
        lain = [_dengan_jabatan(p.nama, p.jabatan if p.jabatan == "sekretaris" else "")
                for p in perumus if p.jabatan != "ketua"]
        teks = "Berita acara ini dirumuskan oleh Tim Perumus"
        if ketua:
            teks += f" yang diketuai oleh {_rangkai(ketua)}"
        if lain:
            teks += f" dengan anggota {_rangkai(lain)}"
        out.append(Paragraf(teks + ", dibacakan kembali di hadapan forum, dan disepakati bersama."))
    out.append(Paragraf("Demikian berita acara ini dibuat untuk dipergunakan sebagaimana mestinya."))
    out.append(Paragraf(f"{nama_kota(data) or '..........'}, {_tanggal(data)}"))
    out.append(Paragraf("Yang menandatangani, wakil setiap unsur peserta:"))
    out.append(_tabel_tanda_tangan(k))
    skpd = [s for s, _ in k.prioritas if not s.startswith("(")]  # not "(SKPD belum ditentukan)"
    out.append(Paragraf("Tembusan:"))
    out.append(Daftar((
        Butir(f"{_kepala_daerah(data)} {nama_kota(data)};"),
        Butir(f"Kepala {_badan_perencanaan(data)} {daerah};"),
        Butir("Kepala Perangkat Daerah terkait" + (f": {_rangkai(skpd)}." if skpd else ".")),
    )))
    out += _keterangan_pengesahan(k)
    return out


def _pertimbangan(k: _Konteks) -> list[Butir]:
    data = k.data
    out: list[Butir] = []
    sambutan = [_dengan_jabatan(s.nama, s.jabatan) for s in data.daftar("sambutan")]
    if sambutan:
        out.append(Butir(f"sambutan {_rangkai(sambutan)};"))
    narasumber = [t for t in data.daftar("tim") if t.peran == "narasumber"]
    if narasumber:
        parts = [_dengan_jabatan(t.nama, t.jabatan) + (f" tentang \"{t.materi}\"" if t.materi else "")
                 for t in narasumber]
        out.append(Butir(f"pemaparan materi oleh {PERAN_TIM['narasumber'].lower()}: {'; '.join(parts)};"))
    peserta = data.peserta
    hasil = []
    for kel in data.kelompok:
        n = len(k.peringkat(kel.id).diperingkat)
        if not n and not kel.ketua:
            continue
        ketua = peserta.get(kel.ketua)
        bagian = [f"ketua {ketua.nama}" if ketua else "ketua belum dipilih",
                  f"{dengan_terbilang(n)} usulan diperingkat"]
        if kel.disepakati:
            bagian.append("daftarnya disepakati dalam Sidang Pleno II")
        hasil.append(f"{sebut_kelompok(kel.nama)} ({', '.join(bagian)})")
    if hasil:
        out.append(Butir(f"hasil Sidang Kelompok: {'; '.join(hasil)};"))
    tanggapan = data.daftar("tanggapan")
    if tanggapan:
        penanggap = {normal(t.nama) for t in tanggapan}
        anak = tuple(_tanggapan(data, t) + (";" if i < len(tanggapan) - 1 else ".")
                     for i, t in enumerate(tanggapan))
        out.append(Butir(f"tanggapan, penajaman, dan klarifikasi peserta dalam Sidang Pleno II sebanyak "
                         f"{dengan_terbilang(len(tanggapan))} tanggapan dari "
                         f"{dengan_terbilang(len(penanggap))} penanggap, yaitu:", anak))
    else:
        out.append(Butir("tanggapan, penajaman, dan klarifikasi peserta dalam Sidang Pleno II (tidak ada "
                         "tanggapan yang dicatat)."))
    return out


def _tanggapan(data: Data, t) -> str:
    siapa = t.nama + (f" ({label_unsur(t.unsur)})" if t.unsur else "")
    tentang = ""
    u = data.usulan.get(t.usulan) if t.usulan else None
    if u is not None:
        tentang = f" mengenai usulan \"{u.kegiatan}\" ({u.kelurahan})"
    elif t.kelompok:
        kel = data.kelompok_dari_id(t.kelompok)
        tentang = f" mengenai {sebut_kelompok(kel.nama if kel else t.kelompok)}"
    return f"{siapa}{tentang}: {_tanpa_titik(t.isi)}"


def _jumlah_biaya(items: Iterable[Usulan]) -> tuple[Decimal, int]:
    total, tanpa = Decimal(0), 0
    for u in items:
        try:
            b = u.biaya
        except (InvalidOperation, ValueError):
            b = None
        if b is None:
            tanpa += 1
        else:
            total += b
    return total, tanpa


def _kesepakatan(k: _Konteks) -> list[str]:
    data = k.data
    kec = nama_kecamatan(data)
    daerah = nama_daerah(data)
    out = []
    n = sum(len(items) for _, items in k.prioritas)
    if n:
        total, _ = _jumlah_biaya(it.usulan for _, items in k.prioritas for it in items)
        out.append(f"Daftar urutan kegiatan prioritas Kecamatan {kec} menurut perangkat daerah (SKPD) "
                   f"sebagaimana tercantum dalam Lampiran II, sebanyak {dengan_terbilang(n)} kegiatan pada "
                   f"{dengan_terbilang(len(k.prioritas))} perangkat daerah dengan jumlah perkiraan biaya "
                   f"{rupiah(total)}.")
    else:
        out.append(f"Daftar urutan kegiatan prioritas Kecamatan {kec} menurut perangkat daerah (SKPD) "
                   "sebagaimana tercantum dalam Lampiran II; belum ada kegiatan yang diperingkat.")
    if k.tidak:
        out.append("Usulan kegiatan yang belum disepakati beserta alasannya sebagaimana tercantum dalam "
                   f"Lampiran III, sebanyak {dengan_terbilang(len(k.tidak))} usulan.")
    else:
        out.append("Tidak ada usulan kegiatan yang belum disepakati (Lampiran III).")
    delegasi = data.daftar("delegasi")
    if delegasi:
        p = sum(1 for d in delegasi if d.jenis_kelamin == "P")
        out.append(f"Delegasi Kecamatan {kec} untuk Forum Perangkat Daerah dan Musrenbang RKPD {daerah} "
                   f"sebanyak {dengan_terbilang(len(delegasi), 'orang')}, di antaranya "
                   f"{dengan_terbilang(p, 'orang')} perempuan, sebagaimana tercantum dalam Lampiran IV.")
    else:
        out.append(f"Delegasi Kecamatan {kec} untuk Forum Perangkat Daerah dan Musrenbang RKPD {daerah} "
                   "sebagaimana tercantum dalam Lampiran IV (belum ditetapkan).")
    teks = ("Urutan prioritas dalam setiap kelompok ditetapkan dengan skoring menurut kriteria dan bobot "
            "sebagaimana tercantum dalam Lampiran VI. " + aturan_urutan(data))
    seri = []
    for kel in data.kelompok:
        rows = [b for b in k.peringkat(kel.id).diperingkat if b.seri]
        if rows:
            seri.append(f"{sebut_kelompok(kel.nama)} ({_rangkai(_kutip(b.usulan.kegiatan) for b in rows)})")
    if seri:
        teks += f" Nilai seri yang hanya dibedakan oleh urutan masuk terdapat pada {_rangkai(seri)}."
    ubah = [_keputusan_teks(data, kp) for kp in data.daftar("keputusan") if kp.jenis in ("naik", "turun")]
    if ubah:
        teks += f" Sidang Pleno II mengubah urutan: {'; '.join(ubah)}."
    out.append(teks)
    out.append(f"Hasil Musrenbang Kelurahan menurut urutan prioritas masing-masing kelurahan dihimpun dalam "
               f"Lampiran V. Seluruh lampiran (Lampiran I sampai dengan Lampiran VI) merupakan bagian yang "
               f"tidak terpisahkan dari berita acara ini dan menjadi bahan penyusunan Rencana Kerja Perangkat "
               f"Daerah dan RKPD {daerah} Tahun {data.info.tahun}.")
    return out


def _kutip(text: str) -> str:
    return f"\"{text}\""


def _keputusan_teks(data: Data, kp) -> str:
    u = data.usulan.get(kp.usulan)
    kel = data.kelompok_dari_id(kp.kelompok)
    apa = _kutip(u.kegiatan) if u else kp.usulan
    di = f" ({sebut_kelompok(kel.nama)})" if kel else ""
    teks = f"{apa}{di} {JENIS_KEPUTUSAN.get(kp.jenis, kp.jenis)}"
    return teks + (f", dengan alasan: {_tanpa_titik(kp.alasan)}" if kp.alasan.strip() else "")


def _tabel_tanda_tangan(k: _Konteks) -> Tabel:
    data = k.data
    r = rekap(data)
    ttd = data.records("penandatangan")
    rows = []
    for unsur in UNSUR:
        if unsur not in r.per_unsur and unsur not in ttd:
            continue
        p = ttd.get(unsur)
        rows.append((str(len(rows) + 1), label_unsur(unsur), p.nama if p else "", p.jabatan if p else "", ""))
    for unsur, p in ttd.items():  # an unsur key the app does not know (file edited elsewhere)
        if unsur not in UNSUR:
            rows.append((str(len(rows) + 1), label_unsur(p.unsur or unsur), p.nama, p.jabatan, ""))
    return Tabel((Kolom("No", True), Kolom("Unsur"), Kolom("Nama", min_teks=18), Kolom("Jabatan/Lembaga", min_teks=14),
                  Kolom("Tanda tangan", min_teks=14)), tuple(rows), tinggi=3)


def _keterangan_pengesahan(k: _Konteks) -> list[Blok]:
    s = k.sah
    if not s.disahkan:
        return []
    baris = [("Versi", str(s.versi)), ("Disahkan oleh", s.nama), ("Waktu", s.waktu_teks),
             ("Sidik jari", s.sidik_jari)]
    if s.menggantikan:
        m = s.menggantikan
        lama = next((v for v in s.versi_sebelumnya if v.get("sidik_jari") == m.get("sidik_jari")), {})
        teks = f"versi {m.get('versi', '?')} (disahkan {waktu_teks(str(m.get('waktu', '')))}, sidik jari " \
               f"{m.get('sidik_jari', '')})"
        if lama:
            teks += (f", dibuka kembali pada {waktu_teks(str(lama.get('dibuka', '')))} oleh "
                     f"{lama.get('dibuka_oleh', '')} dengan alasan: {lama.get('alasan', '')}")
        baris.append(("Menggantikan", teks))
    return [Judul("Keterangan pengesahan (sidik jari SHA-256)", 4), Pasangan(tuple(baris))]


# --- lampiran --------------------------------------------------------------------------------------------


def _kepala_lampiran(k: _Konteks, nomor: int, judul: str) -> list[Blok]:
    kec = nama_kecamatan(k.data).upper()
    baris = [("NOMOR", _nomor(k.data)), ("TANGGAL", _tanggal(k.data))]
    if k.sah.disahkan:
        baris.append(("SIDIK JARI", k.sah.sidik_jari))
    else:
        baris.append(("STATUS", "RANCANGAN (belum disahkan)"))
    return [Pemisah(),
            Judul(f"LAMPIRAN {romawi(nomor)} BERITA ACARA KESEPAKATAN HASIL MUSRENBANG KECAMATAN {kec}", 2),
            Pasangan(tuple(baris)),
            Judul(judul, 3, tengah=True)]


def _urut_unsur(unsur: str) -> int:
    keys = list(UNSUR)
    return keys.index(unsur) if unsur in keys else len(keys)


def _lampiran_hadir(k: _Konteks) -> list[Blok]:
    data = k.data
    hadir = sorted((p for p in data.peserta.values() if p.hadir), key=lambda p: (_urut_unsur(p.unsur), p.urutan))
    if not hadir:
        return [Paragraf(TIDAK_ADA)]
    rows = []
    for i, p in enumerate(hadir, start=1):
        label = label_unsur(p.unsur)
        sudah = {normal(label), normal(f"Delegasi {p.kelurahan}"), normal(f"Kelurahan {p.kelurahan}")}
        lembaga = p.lembaga if p.lembaga and normal(p.lembaga) not in sudah else ""
        rows.append((str(i), p.nama, f"{label}, {lembaga}" if lembaga else label, p.kelurahan,
                     _lp(p.jenis_kelamin), ""))
    r = rekap(data)
    ringkas = (f"Jumlah peserta hadir {dengan_terbilang(r.hadir, 'orang')}: {angka(r.laki)} laki-laki, "
               f"{angka(r.perempuan)} perempuan; {angka(r.rentan)} orang dari kelompok rentan.")
    return [Tabel((Kolom("No", True), Kolom("Nama"), Kolom("Unsur/Lembaga"), Kolom("Alamat/Kelurahan"),
                   Kolom("L/P"), Kolom("Tanda tangan", min_teks=12)), tuple(rows), tinggi=2),
            Paragraf(ringkas)]


def _lampiran_prioritas(k: _Konteks) -> list[Blok]:
    if not k.prioritas:
        return [Paragraf(TIDAK_ADA)]
    out: list[Blok] = []
    semua: list[Usulan] = []
    for skpd, items in k.prioritas:
        out.append(Judul(skpd, 4))
        rows = []
        for i, it in enumerate(items, start=1):
            u = it.usulan
            kegiatan = u.kegiatan
            if u.skpd_akhir and u.skpd_akhir != u.skpd_awal:
                kegiatan += f" (dialihkan dari {u.skpd_awal})"
            peringkat = f"{it.peringkat}" + (", seri" if it.seri else "")
            rows.append((str(i), kegiatan, _lokasi(u), _angka_teks(u.volume), u.satuan,
                         _rupiah(u.perkiraan_biaya), bulat(it.total), f"{it.kelompok} ({peringkat})"))
        out.append(Tabel((Kolom("No", True), Kolom("Kegiatan"), Kolom("Lokasi (Kelurahan)"),
                          Kolom("Volume", True), Kolom("Satuan"), Kolom("Perkiraan Biaya", True),
                          Kolom("Skor", True), Kolom("Kelompok (Peringkat)")), tuple(rows), gabung_teks=(4,)))
        total, tanpa = _jumlah_biaya(it.usulan for it in items)
        semua += [it.usulan for it in items]
        out.append(Paragraf(f"Jumlah {skpd}: {dengan_terbilang(len(items))} kegiatan, perkiraan biaya "
                            f"{rupiah(total)}" + (f" ({angka(tanpa)} kegiatan tanpa perkiraan biaya)" if tanpa else "")
                            + "."))
    total, tanpa = _jumlah_biaya(semua)
    out.append(Paragraf(f"Jumlah seluruhnya {dengan_terbilang(len(semua))} kegiatan dengan perkiraan biaya "
                        f"{rupiah(total)} ({rupiah_terbilang(total)})."
                        + (f" Sebanyak {angka(tanpa)} kegiatan belum mempunyai perkiraan biaya." if tanpa else "")))
    out.append(Paragraf("Skor: nilai total tertimbang (Lampiran VI). Peringkat: urutan akhir dalam kelompoknya "
                        "setelah Sidang Pleno II; \"seri\" menandai nilai yang hanya dibedakan oleh urutan masuk."))
    return out


def _alasan(u: Usulan) -> str:
    label = label_status(u.status)
    return f"{label}: {u.alasan}" if u.alasan else label


def _lampiran_belum(k: _Konteks) -> list[Blok]:
    if not k.tidak:
        return [Paragraf(TIDAK_ADA)]
    rows = tuple((str(i), u.kegiatan, _lokasi(u), _angka_teks(u.volume), u.satuan, _alasan(u))
                 for i, (u, _) in enumerate(k.tidak, start=1))
    return [Tabel((Kolom("No", True), Kolom("Kegiatan"), Kolom("Lokasi (Kelurahan)"), Kolom("Volume", True),
                   Kolom("Satuan"), Kolom("Alasan")), rows, gabung_teks=(4,))]


def _lampiran_delegasi(k: _Konteks) -> list[Blok]:
    delegasi = k.data.daftar("delegasi")
    if not delegasi:
        return [Paragraf(TIDAK_ADA)]
    rows = tuple((str(i), d.nama, label_unsur(d.unsur) if d.unsur else "", d.lembaga, _lp(d.jenis_kelamin),
                  d.keterangan) for i, d in enumerate(delegasi, start=1))
    p = sum(1 for d in delegasi if d.jenis_kelamin == "P")
    return [Tabel((Kolom("No", True), Kolom("Nama"), Kolom("Unsur"), Kolom("Lembaga/Kelurahan"), Kolom("L/P"),
                   Kolom("Keterangan")), rows),
            Paragraf(f"Jumlah delegasi {dengan_terbilang(len(delegasi), 'orang')}, di antaranya "
                     f"{dengan_terbilang(p, 'orang')} perempuan.")]


def hasil_usulan(data: Data, u: Usulan, posisi: dict[str, ItemPrioritas] | None = None,
                 baris: Baris | None = None) -> str:
    """What became of one usulan at the Musrenbang Kecamatan, in words (Lampiran V): "Disepakati, peringkat 2
    Kelompok ...", "Ditolak: ...", "Digabung dengan usulan ...", "Belum dinilai lengkap", ...

    `posisi` (usulan id -> its place in `daftar_prioritas`) and `baris` (its row in its kelompok's ranking)
    are computed when not given; pass them when describing many usulan.
    """
    if posisi is None:
        posisi = {it.usulan.id: it for _, items in daftar_prioritas(data) for it in items}
    it = posisi.get(u.id)
    parts = []
    if u.status == "digabung":
        tujuan = data.usulan.get(u.digabung_ke)
        return f"Digabung dengan usulan \"{tujuan.kegiatan}\" ({tujuan.kelurahan})" if tujuan else \
            f"Digabung ke {u.digabung_ke}"
    if u.skpd_akhir and u.skpd_akhir != u.skpd_awal:
        parts.append(f"dialihkan ke {u.skpd_akhir}" + (f" ({_tanpa_titik(u.alasan)})" if u.alasan.strip() else ""))
    if it is not None:
        kata = "disepakati" if u.status == "disepakati" else "diperingkat"
        parts.insert(0, f"{kata}, peringkat {it.peringkat} {sebut_kelompok(it.kelompok)}")
    elif u.status in ("ditolak", "belum_disepakati", "cadangan"):
        parts.insert(0, _alasan(u).lower() if not u.alasan else f"{label_status(u.status).lower()}: {u.alasan}")
    else:
        if baris is None:
            kid = data.kelompok_usulan.get(u.id, "")
            baris = next((b for b in peringkat_kelompok(data, kid).baris if b.usulan.id == u.id), None)
        alasan = baris.alasan if baris else ""
        parts.insert(0, "belum dinilai lengkap" if alasan.startswith("belum lengkap") else
                     alasan or label_status(u.status).lower())
    text = "; ".join(parts)
    return text[:1].upper() + text[1:]


def _lampiran_kelurahan(k: _Konteks) -> list[Blok]:
    data = k.data
    if not data.usulan:
        return [Paragraf(TIDAK_ADA)]
    urut_kel = {kel.nama: i for i, kel in enumerate(data.kelurahan)}
    per_skpd: dict[str, list[Usulan]] = {}
    for u in data.usulan.values():
        per_skpd.setdefault(u.skpd_awal or "(SKPD belum ditentukan)", []).append(u)
    posisi = k.posisi
    per_usulan = {b.usulan.id: b for kel in data.kelompok for b in k.peringkat(kel.id).baris}
    out: list[Blok] = []
    for skpd in sorted(per_skpd, key=lambda s: (normal(s), s)):
        items = sorted(per_skpd[skpd], key=lambda u: (urut_kel.get(u.kelurahan, len(urut_kel)), u.kelurahan,
                                                      u.prioritas_kelurahan, u.urutan))
        out.append(Judul(skpd, 4))
        rows = tuple((str(i), f"{u.kelurahan} ({u.prioritas_kelurahan})", u.kegiatan, _angka_teks(u.volume),
                      u.satuan, _rupiah(u.perkiraan_biaya), hasil_usulan(data, u, posisi, per_usulan.get(u.id)))
                     for i, u in enumerate(items, start=1))
        out.append(Tabel((Kolom("No", True), Kolom("Kelurahan (Prioritas)"), Kolom("Kegiatan"),
                          Kolom("Volume", True), Kolom("Satuan"), Kolom("Perkiraan Biaya", True),
                          Kolom("Hasil Musrenbang Kecamatan")), rows, gabung_teks=(4,)))
    out.append(Paragraf("Prioritas: urutan usulan yang disepakati dalam Musrenbang Kelurahan. Usulan "
                        "dikelompokkan menurut perangkat daerah (SKPD) tujuan yang diusulkan kelurahan."))
    return out


def _lampiran_skoring(k: _Konteks) -> list[Blok]:
    data = k.data
    kriteria = data.kriteria
    out: list[Blok] = [Judul("Kriteria dan bobot", 4)]
    if not kriteria:
        out.append(Paragraf("Kriteria penilaian belum ditetapkan."))
    else:
        jumlah = sum((x.bobot_pecahan for x in kriteria), Fraction(0))
        rows = tuple((x.kode, x.nama, _angka_teks(x.bobot),
                      bulat(x.bobot_pecahan * 100 / jumlah, 1) + "%" if jumlah else "",
                      f"{x.skala_min}-{x.skala_maks}") for x in kriteria)
        out.append(Tabel((Kolom("Kode"), Kolom("Kriteria"), Kolom("Bobot", True), Kolom("Porsi", True),
                          Kolom("Skala")), rows))
        pemisah = ", ".join(x.kode for x in urutan_kriteria_pemisah(kriteria))
        out.append(Paragraf("Nilai total = jumlah (bobot x nilai setiap kriteria) dibagi jumlah bobot, dihitung "
                            f"eksak dan dibulatkan dua desimal untuk tampilan. Urutan kriteria pemisah: {pemisah}."))
        out.append(Paragraf(aturan_urutan(data)))
    nama = {p.id: p.nama for p in data.peserta.values()}
    ada = False
    for kel in data.kelompok:
        hasil = k.peringkat(kel.id)
        if not hasil.baris and (kel.virtual or not (kel.ketua or data.anggota(kel.id))):
            continue
        ada = True
        out.append(Judul(sebut_kelompok(kel.nama), 4))
        out += _pimpinan_kelompok(data, kel, nama)
        out += _tabel_skor(k, kel, hasil.baris)
    if not ada:
        out.append(Paragraf("Belum ada kelompok yang membahas usulan."))
    return out


def _pimpinan_kelompok(data: Data, kel: Kelompok, nama: dict[str, str]) -> list[Blok]:
    if kel.virtual:
        return [Paragraf("Kelompok menurut bidang usulan; pimpinan kelompok tidak dipilih.")]
    out: list[Blok] = []
    if kel.fasilitator:
        out.append(Paragraf(f"Fasilitator: {_tanpa_titik(kel.fasilitator)}."))
    rows = []
    for jabatan, label in JABATAN_KELOMPOK.items():
        pid = getattr(kel, jabatan, "")
        pem = kel.pemilihan_untuk(jabatan)
        rows.append((label, nama.get(pid, pid) if pid else "", uraian_pemilihan(pem, nama)))
    out.append(Tabel((Kolom("Jabatan"), Kolom("Nama"), Kolom("Cara pemilihan")), tuple(rows)))
    if kel.serah_terima:
        out.append(Paragraf(f"Pimpinan kelompok diserahkan oleh fasilitator kepada ketua terpilih pukul "
                            f"{jam(kel.serah_terima)}."))
    return out


def _tabel_skor(k: _Konteks, kel: Kelompok, baris: list[Baris]) -> list[Blok]:
    if not baris:
        return [Paragraf("Tidak ada usulan.")]
    data = k.data
    kriteria = data.kriteria
    akhir = {uid: it.peringkat for uid, it in k.posisi.items()}
    rows = []
    prev: Baris | None = None
    rata = False
    for b in baris:
        ket = []
        if b.dinilai:
            if b.penentu and prev is not None:
                ket.append(f"di bawah peringkat {prev.peringkat} karena {b.penentu}")
            if b.seri:
                ket.append("seri")
            if akhir.get(b.usulan.id) not in (None, b.peringkat):
                ket.append(f"urutan akhir Pleno II: {akhir[b.usulan.id]}")
            prev = b
        else:
            ket.append(b.alasan)
        nilai = []
        for x in kriteria:
            v = b.nilai.get(x.kode)
            rata = rata or (v is not None and v.denominator != 1)
            nilai.append(_nilai(v))
        rows.append((str(b.peringkat) if b.dinilai else "-", f"{b.usulan.kegiatan} ({b.usulan.kelurahan})",
                     *nilai, bulat(b.total), "; ".join(ket)))
    kolom = (Kolom("Peringkat", True), Kolom("Usulan (Kelurahan)"), *(Kolom(x.kode, True) for x in kriteria),
             Kolom("Total", True), Kolom("Keterangan"))
    out: list[Blok] = [Tabel(kolom, tuple(rows))]
    if rata:
        out.append(Paragraf("Nilai berkoma adalah rata-rata nilai para penilai."))
    keputusan = [kp for kp in data.daftar("keputusan") if kp.kelompok == kel.id and kp.usulan]
    if keputusan:
        out.append(Paragraf("Keputusan Sidang Pleno II:"))
        out.append(Daftar(tuple(Butir(_keputusan_teks(data, kp) + ".") for kp in keputusan)))
    return out


# --- rendering: Markdown ----------------------------------------------------------------------------------

_MD_AWAL = re.compile(r"^([-+=]|\d+[.)])")


def _md(text: str) -> str:
    """User-safe inline Markdown: escaped, on one line, and never read as a list, rule or heading."""
    s = md_sel(text)
    return _MD_AWAL.sub(lambda m: m.group(1)[:-1] + "\\" + m.group(1)[-1], s)


def _md_baris(lines: Iterable[str]) -> str:
    """Lines kept as lines inside one paragraph (hard line breaks)."""
    return "\\\n".join(lines)


def ke_markdown(blok: Iterable[Blok]) -> str:
    parts: list[str] = []
    for b in blok:
        if isinstance(b, Kotak):
            parts.append(_md_baris(f"> **{_md(b.baris[0])}**" if i == 0 else f"> {_md(x)}"
                                   for i, x in enumerate(b.baris)))
        elif isinstance(b, Kop):
            parts.append(_md_baris(f"**{_md(x)}**" for x in b.baris))
        elif isinstance(b, Judul):
            parts.append("#" * b.tingkat + " " + md_sel(b.teks))
        elif isinstance(b, Paragraf):
            text = _md(b.teks)
            parts.append(f"**{text}**" if b.tebal else text)
        elif isinstance(b, Daftar):
            parts.append(_md_daftar(b))
        elif isinstance(b, Klausul):
            parts.append("\n\n".join(f"**{label}** : {_md(text)}" for label, text in b.butir))
        elif isinstance(b, Pasangan):
            parts.append(_md_baris(f"{_md(label)}: {_md(value)}" for label, value in b.baris))
        elif isinstance(b, Tabel):
            parts.append(_md_tabel(b))
        elif isinstance(b, Pemisah):
            parts.append("---")
    return "\n\n".join(parts) + "\n"


def _md_daftar(d: Daftar) -> str:
    if d.huruf:
        return _md_baris(f"{_huruf(i)}. {_md(x.teks)}" for i, x in enumerate(d.butir))
    items = []
    for i, x in enumerate(d.butir, start=1):
        penanda = f"{i}. "
        item = penanda + _md(x.teks)
        if x.anak:
            indent = " " * len(penanda)
            item += "\n\n" + indent + ("\\\n" + indent).join(f"{_huruf(j)}. {_md(a)}" for j, a in enumerate(x.anak))
        items.append(item)
    sep = "\n\n" if any(x.anak for x in d.butir) else "\n"
    return sep.join(items)


def _md_tabel(t: Tabel) -> str:
    lines = ["| " + " | ".join(md_sel(k.judul) for k in t.kolom) + " |",
             "|" + "|".join("---:" if k.kanan else "---" for k in t.kolom) + "|"]
    for row in t.baris:
        lines.append("| " + " | ".join(md_sel(c) for c in row) + " |")
    return "\n".join(lines)


def _huruf(i: int) -> str:
    """0 -> a, 25 -> z, 26 -> aa."""
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(ord("a") + r) + s
    return s


# --- rendering: plain text --------------------------------------------------------------------------------


def lebar_teks(s: str) -> int:
    """Columns a string takes in a terminal or a monospace printout (wide East Asian/emoji count 2)."""
    if s.isascii():
        return len(s)
    n = 0
    for c in s:
        if unicodedata.category(c) in ("Mn", "Me", "Cf"):
            continue
        n += 2 if unicodedata.east_asian_width(c) in ("W", "F") else 1
    return n


def _potong(word: str, width: int) -> list[str]:
    """Break a word longer than `width` into pieces that fit, each broken piece ending in "-"."""
    out, cur, w = [], "", 0
    tanda = "-" if width >= 4 else ""
    for c in word:
        cw = lebar_teks(c)
        if cur and w + cw > width - len(tanda):
            out.append(cur + tanda)
            cur, w = "", 0
        cur += c
        w += cw
    if cur:
        out.append(cur)
    return out


def bungkus(text: str, width: int) -> list[str]:
    """Greedy word wrap by display width; words longer than the line are broken."""
    width = max(1, width)
    ascii_ = text.isascii()
    if (ascii_ and len(text) <= width and text.isprintable() and "  " not in text
            and text[:1] != " " and text[-1:] != " "):
        return [text]  # the common case: one line already, single spaces (what the loop below gives)
    ukur = len if ascii_ else lebar_teks  # ASCII: one column per character
    lines: list[str] = []
    cur, w = "", 0
    for word in text.split():
        ww = ukur(word)
        if ww > width:
            pieces = _potong(word, width)
            if cur:
                lines.append(cur)
            lines.extend(pieces[:-1])
            cur, w = pieces[-1], ukur(pieces[-1])
            continue
        if cur and w + 1 + ww > width:
            lines.append(cur)
            cur, w = word, ww
        else:
            cur = f"{cur} {word}" if cur else word
            w = w + 1 + ww if w else ww
    if cur or not lines:
        lines.append(cur)
    return lines


def _gantung(awal: str, text: str, width: int) -> list[str]:
    """A paragraph with a hanging label: 'a. ' then wrapped text aligned under its first word."""
    pad = " " * lebar_teks(awal)
    lines = bungkus(text, width - len(pad))
    return [(awal if i == 0 else pad) + line for i, line in enumerate(lines)]


def _tengah(line: str, width: int) -> str:
    return (" " * max(0, (width - lebar_teks(line)) // 2) + line).rstrip()


def ke_teks(blok: Iterable[Blok], lebar: int = LEBAR) -> str:
    parts: list[list[str]] = []
    for b in blok:
        if isinstance(b, Kotak):
            garis = "*" * lebar
            inner = [ln for x in b.baris for ln in bungkus(teks_sel(x), lebar - 4)]
            parts.append([garis] + [f"* {ln}" for ln in inner] + [garis])
        elif isinstance(b, Kop):
            parts.append([_tengah(ln, lebar) for x in b.baris for ln in bungkus(teks_sel(x), lebar)])
        elif isinstance(b, Judul):
            lines = bungkus(teks_sel(b.teks), lebar)
            if b.tengah:
                lines = [_tengah(ln, lebar) for ln in lines]
            if b.tingkat >= 4:
                lines.append("-" * min(lebar, max(lebar_teks(ln) for ln in lines)))
            parts.append(lines)
        elif isinstance(b, Paragraf):
            lines = _satu_baris("", b.teks, lebar) if b.spasi else bungkus(teks_sel(b.teks), lebar)
            parts.append([_tengah(ln, lebar) for ln in lines] if b.tengah else lines)
        elif isinstance(b, Daftar):
            lines = []
            for i, x in enumerate(b.butir):
                awal = f"{_huruf(i)}. " if b.huruf else f"{i + 1}. "
                lines += _gantung(awal, teks_sel(x.teks), lebar)
                pad = " " * len(awal)
                for j, a in enumerate(x.anak):
                    lines += [pad + ln for ln in _gantung(f"{_huruf(j)}. ", teks_sel(a), lebar - len(pad))]
            parts.append(lines)
        elif isinstance(b, Klausul):
            w = max(len(label) for label, _ in b.butir)
            lines = []
            for label, text in b.butir:
                lines += _gantung(f"{label.ljust(w)} : ", teks_sel(text), lebar)
            parts.append(lines)
        elif isinstance(b, Pasangan):
            w = max(lebar_teks(label) for label, _ in b.baris)
            lines = []
            for label, value in b.baris:
                lines += _satu_baris(f"{label}{' ' * (w - lebar_teks(label))} : ", value, lebar)
            parts.append(lines)
        elif isinstance(b, Tabel):
            parts.append(tabel_teks(b, lebar))
        elif isinstance(b, Pemisah):
            parts.append(["=" * lebar])
    return "\n\n".join("\n".join(p) for p in parts) + "\n"


def _spasi_tetap(value: str) -> str:
    """Cleaned like any cell, but runs of spaces are kept: the blank a Nomor leaves for the number
    written by hand ("050/   /Kec-BJU/2027")."""
    parts = re.split(r"( {2,})", value.strip())
    return "".join(x if i % 2 else teks_sel(x) for i, x in enumerate(parts))


def _satu_baris(awal: str, value: str, width: int) -> list[str]:
    """`awal` + value on one line with its spacing kept when it fits; else wrapped like any text."""
    kept = _spasi_tetap(value)
    if lebar_teks(awal + kept) <= width:
        return [awal + kept]
    return _gantung(awal, teks_sel(value), width)


def _isi_lebar(text: str, width: int, kanan: bool) -> str:
    """`text` padded with spaces to `width` display columns (on the left when `kanan`)."""
    pad = " " * (width - lebar_teks(text))
    return pad + text if kanan else text + pad


def _lebar_kata(text: str) -> int:
    if text.isascii():
        return max(map(len, text.split()), default=0)
    return max((lebar_teks(w) for w in text.split()), default=0)


def tabel_teks(t: Tabel, lebar: int = LEBAR) -> list[str]:
    """A table with wrapped cells, as narrow as `lebar` allows (wider only if it must be).

    Forms to fill by hand (`tinggi` > 1: attendance, signatures) are drawn as an ASCII grid; lists of
    data use columns separated by two spaces under a dashed rule, with a blank line between rows when
    any cell wraps. Numbers are right-aligned.
    """
    kolom = list(t.kolom)
    rows = [[teks_sel(c) for c in r] for r in t.baris]
    for gi in sorted(t.gabung_teks, reverse=True):  # join e.g. Satuan into Volume: "700 m"
        kolom[gi - 1] = Kolom(kolom[gi - 1].judul, False, kolom[gi - 1].min_teks)
        del kolom[gi]
        for r in rows:
            r[gi - 1] = " ".join(x for x in (r[gi - 1], r[gi]) if x)
            del r[gi]
    n = len(kolom)
    kisi = t.tinggi > 1
    judul = [teks_sel(k.judul) for k in kolom]
    lebar_sel = [[len(c) if c.isascii() else lebar_teks(c) for c in r] for r in rows]
    alami = [max([lebar_teks(judul[i]), kolom[i].min_teks] + [w[i] for w in lebar_sel]) for i in range(n)]
    minimum = []
    for i, k in enumerate(kolom):
        isi = max((w[i] for w in lebar_sel), default=0) if k.kanan else \
            min(14, max((_lebar_kata(r[i]) for r in rows), default=0))
        minimum.append(max(1, _lebar_kata(judul[i]), isi, k.min_teks))
    lebar_kolom = list(alami)
    tersedia = lebar - (3 * n + 1 if kisi else 2 * (n - 1))
    # Shrink the widest column first: down to whole words, then (text columns only) down to
    # PALING_SEMPIT by breaking long words; wider than `lebar` only when even that does not fit.
    sempit = [m if k.kanan else max(k.min_teks, min(m, PALING_SEMPIT)) for m, k in zip(minimum, kolom)]
    for batas in (minimum, sempit):
        while sum(lebar_kolom) > tersedia:
            calon = [i for i in range(n) if lebar_kolom[i] > batas[i]]
            if not calon:
                break
            i = max(calon, key=lambda j: (lebar_kolom[j], -j))
            lebar_kolom[i] -= 1
    kanan = [k.kanan for k in kolom]

    pisah = " | " if kisi else "  "
    # One format string pads a whole line of ASCII cells (one column per character), as ljust/rjust
    # per cell would; a line with other characters is padded by display width.
    pola = pisah.join(f"{{:{'>' if k else '<'}{w}}}" for w, k in zip(lebar_kolom, kanan))

    def garis_teks(texts: list[str]) -> str:
        if "".join(texts).isascii():
            return pola.format(*texts)
        return pisah.join(_isi_lebar(t, w, k) for t, w, k in zip(texts, lebar_kolom, kanan))

    def baris(cells: list[str], tinggi: int = 1) -> list[str]:
        """The lines of one row, its cells padded and joined."""
        # Cells are teks_sel's output (single spaces, no edge spaces, no controls): an ASCII cell that
        # fits is its own one line, which is what `bungkus` would give.
        wrapped = [[c] if len(c) <= w and c.isascii() else bungkus(c, w) for c, w in zip(cells, lebar_kolom)]
        h = max(tinggi, max(map(len, wrapped)))
        if h == 1:
            return [garis_teks([x[0] for x in wrapped])]
        return [garis_teks([x[li] if li < len(x) else "" for x in wrapped]) for li in range(h)]

    kepala = baris(judul)
    isi_baris = [baris(r, t.tinggi) for r in rows]
    if kisi:
        garis = "+" + "+".join("-" * (w + 2) for w in lebar_kolom) + "+"
        out = [garis] + ["| " + x + " |" for x in kepala]
        out.append("+" + "+".join("=" * (w + 2) for w in lebar_kolom) + "+")
        for r in isi_baris:
            out += ["| " + x + " |" for x in r]
            out.append(garis)
        return out
    out = [x.rstrip() for x in kepala]
    out.append("  ".join("-" * w for w in lebar_kolom))
    renggang = any(len(r) > 1 for r in isi_baris)
    for i, r in enumerate(isi_baris):
        if renggang and i:
            out.append("")
        out += [x.rstrip() for x in r]
    return out


# --- the entry points ----------------------------------------------------------------------------------------


def berita_acara(data: Data, fmt: str = "md") -> str:
    """The berita acara of this session as Markdown ("md") or plain text ("txt")."""
    blok = dokumen(data)
    if fmt == "md":
        return ke_markdown(blok)
    if fmt == "txt":
        return ke_teks(blok)
    raise ValueError(f"format berita acara '{fmt}' tidak dikenal (md atau txt)")


def simpan(data: Data, fmt: str, path: str | os.PathLike[str]) -> str:
    """Write the berita acara to `path` (UTF-8, LF) through the one safe writer (`sesi.berkas`): in one
    piece, never through a planted symlink or FIFO. Returns the absolute path; BerkasTidakAman or OSError."""
    from .berkas import tulis_keluaran

    return tulis_keluaran(path, berita_acara(data, fmt).encode("utf-8"))


def nama_berkas(data: Data, fmt: str = "md") -> str:
    """A file name to suggest when saving: 'berita-acara-banjarmasin-utara-2028.md' (with '-rancangan'
    before the extension while the document is not signed)."""
    kec = re.sub(r"[^a-z0-9]+", "-", normal(nama_kecamatan(data))).strip("-") or "kecamatan"
    akhir = "" if data.info.terkunci else "-rancangan"
    return f"berita-acara-{kec}-{data.info.tahun}{akhir}.{fmt}"


__all__ = ["berita_acara", "simpan", "dokumen", "ke_markdown", "ke_teks", "tabel_teks", "nama_berkas", "hasil_usulan",
           "lebar_teks", "bungkus", "FORMAT", "Kop", "Judul", "Paragraf", "Butir", "Daftar", "Klausul", "Pasangan",
           "Kolom", "Tabel", "Kotak", "Pemisah", "Blok"]
