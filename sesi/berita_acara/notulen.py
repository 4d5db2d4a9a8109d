"""The notulen (running record) of the Musrenbang: a lampiran of the berita acara and a document of its own.

- `notulen_sidang(k) -> list[Blok]`: the record itself, from the session, in time order: A. the opening and
  Sidang Pleno I (who gave a sambutan, the narasumber and their material, the notulen's notes with the
  speaker and time), B. Sidang Pleno II (notes; every tanggapan with who, about what, the answer given and
  the decisions taken on the same usulan or kelompok; every decision with its reason), C. notes of other
  stages when there are any. Each part states how many entries it lists (the rows that follow).
- `dokumen_notulen(data) -> list[Blok]`: the notulen alone (`musrenbang ekspor notulen`): the status box,
  letterhead, title, day/time/place/chair, `notulen_sidang`, place and date, signatures of the notulis and
  the pimpinan sidang, and the fingerprint footer once signed. Built of the same blocks as the berita
  acara, so every renderer of `PENYAJI` renders it.
- `notulen(data, fmt) -> str`, `simpan_notulen(data, fmt, path)`, `nama_berkas_notulen(data, fmt)`.

Records read (`sesi.model`): Sambutan, Tim (narasumber), Catatan (waktu, tahap, pembicara, teks),
Tanggapan (waktu, nama, unsur, kelompok, usulan, isi, jawaban), Keputusan (waktu, jenis, kelompok, usulan,
alasan). Times are the clock time of the record ("10.15") in the session's zone. Raises nothing for a
loaded session; ValueError for an unknown format.
"""

from __future__ import annotations

import os
import re

from ..acara import pimpinan_sidang, waktu_teks
from ..data import Data, normal
from ..format import jam
from ..model import PERAN_TIM, TAHAP
from ..peringatan import sebut_kelompok
from ..pleno import JENIS_KEPUTUSAN
from ..sebutan import label_unsur, tempat_ttd, zona
from ..terbilang import dengan_terbilang
from .blok import Blok, Butir, Daftar, Judul, KolomDokumen, Kop, Kotak, Paragraf, Pasangan, Penanda, TabelDokumen, TandaTangan
from .kata import dengan_jabatan, keputusan_teks, kutip, nama_kecamatan, tanggal_acara, tanpa_titik
from .konteks import Konteks

#: The stages whose notes have their own part; notes of any other stage go to "Catatan tahap lain".
TAHAP_PLENO = ("pleno1", "pleno2")
TIDAK_DICATAT = "tidak dicatat"


def _urut_waktu(items):
    """Records in time order (ISO times sort as text), entry order for equal times."""
    return sorted(items, key=lambda r: (r.waktu, r.id))


def _tabel_catatan(catatan) -> TabelDokumen:
    kolom = [KolomDokumen("No", True), KolomDokumen("Pukul"), KolomDokumen("Pembicara"), KolomDokumen("Catatan")]
    rows = [(str(i), jam(c.waktu), c.pembicara or "-", c.teks) for i, c in enumerate(catatan, start=1)]
    return TabelDokumen(tuple(kolom), tuple(rows))


def _catatan(k: Konteks, tahap: str) -> list[Blok]:
    semua = _urut_waktu(c for c in k.data.daftar("catatan") if c.tahap == tahap)
    if not semua:
        return [Paragraf("Catatan notulen: tidak ada catatan yang dicatat.")]
    return [Paragraf(f"Catatan notulen menurut waktu, sebanyak {dengan_terbilang(len(semua))} catatan:"),
            _tabel_catatan(semua)]


def _pembukaan_pleno1(k: Konteks) -> list[Blok]:
    data = k.data
    out: list[Blok] = [Judul("A. Pembukaan dan Sidang Pleno I", 4)]
    p = pimpinan_sidang(data)
    mulai = waktu_teks(data, "waktu_mulai")
    oleh = ", ".join(x for x in (p.nama, p.jabatan) if x) or "pimpinan sidang"
    out.append(Paragraf(f"Musrenbang dibuka pukul {mulai or '.......... ' + zona(data)} oleh {oleh}."))
    sambutan = data.daftar("sambutan")
    if sambutan:
        out.append(Paragraf(f"Sambutan, sebanyak {dengan_terbilang(len(sambutan))} sambutan, disampaikan oleh:"))
        out.append(Daftar(tuple(Butir(dengan_jabatan(s.nama, s.jabatan) + (";" if i < len(sambutan) - 1 else "."))
                                for i, s in enumerate(sambutan))))
    else:
        out.append(Paragraf("Sambutan: tidak ada sambutan yang dicatat."))
    nara = [t for t in data.daftar("tim") if t.peran == "narasumber"]
    if nara:
        out.append(Paragraf(f"Pemaparan materi oleh {PERAN_TIM['narasumber'].lower()}, sebanyak "
                            f"{dengan_terbilang(len(nara), 'orang')}:"))
        out.append(Daftar(tuple(Butir(dengan_jabatan(t.nama, t.jabatan)
                                      + (f": {kutip(t.materi)}" if t.materi else "")
                                      + (";" if i < len(nara) - 1 else "."))
                                for i, t in enumerate(nara))))
    else:
        out.append(Paragraf("Pemaparan materi: tidak ada narasumber yang dicatat."))
    return out + _catatan(k, "pleno1")


def _tentang(k: Konteks, usulan: str, kelompok: str) -> str:
    data = k.data
    u = data.usulan.get(usulan) if usulan else None
    if u is not None:
        return f"usulan {kutip(u.kegiatan)} ({u.kelurahan})"
    kel = data.kelompok_dari_id(kelompok) if kelompok else None
    if kel is not None or kelompok:
        return sebut_kelompok(kel.nama if kel else kelompok)
    return ""


def keputusan_untuk(data: Data, t) -> list:
    """The Pleno II decisions that answer tanggapan `t`: those on the same usulan (or, for a tanggapan about a
    whole kelompok, that kelompok's agreement) taken at or after it and before the next tanggapan on the same
    thing."""
    def sama(x) -> bool:
        if t.usulan:
            return x.usulan == t.usulan
        return bool(t.kelompok) and x.kelompok == t.kelompok and not x.usulan

    berikut = [x.waktu for x in data.daftar("tanggapan") if x.id != t.id and x.waktu > t.waktu
               and (x.usulan == t.usulan if t.usulan else (x.kelompok == t.kelompok and not x.usulan))]
    batas = min(berikut) if berikut else None
    return [kp for kp in _urut_waktu(data.daftar("keputusan"))
            if sama(kp) and kp.waktu >= t.waktu and (batas is None or kp.waktu < batas)]


def _tanggapan(k: Konteks) -> list[Blok]:
    data = k.data
    semua = _urut_waktu(data.daftar("tanggapan"))
    if not semua:
        return [Paragraf("Tanggapan, penajaman, dan klarifikasi peserta: tidak ada tanggapan yang dicatat.")]
    butir = []
    for t in semua:
        siapa = t.nama + (f" dari unsur {label_unsur(data, t.unsur)}" if t.unsur else "")
        tentang = _tentang(k, t.usulan, t.kelompok)
        kepala = f"Pukul {jam(t.waktu)}, {siapa}" + (f" mengenai {tentang}" if tentang else "") \
            + f": {tanpa_titik(t.isi)}."
        putus = keputusan_untuk(data, t)
        anak = (f"Jawaban: {tanpa_titik(t.jawaban)}." if t.jawaban.strip() else f"Jawaban: {TIDAK_DICATAT}.",
                "Keputusan: " + ("; ".join(f"pukul {jam(kp.waktu)}, {keputusan_notulen(data, kp)}" for kp in putus)
                                 if putus else "tidak ada keputusan yang dicatat") + ".")
        butir.append(Butir(kepala, anak))
    return [Paragraf(f"Tanggapan, penajaman, dan klarifikasi peserta menurut waktu, sebanyak "
                     f"{dengan_terbilang(len(semua))} tanggapan, dengan jawaban dan keputusannya:"),
            Daftar(tuple(butir))]


def keputusan_notulen(data: Data, kp) -> str:
    """A decision in words: on an usulan as the berita acara says it (`kata.keputusan_teks`); on a whole
    kelompok 'Kelompok II Ekonomi: daftar kelompok disepakati', with the reason when one was given."""
    if kp.usulan:
        return keputusan_teks(data, kp)
    kel = data.kelompok_dari_id(kp.kelompok)
    teks = f"{sebut_kelompok(kel.nama if kel else kp.kelompok)}: {JENIS_KEPUTUSAN.get(kp.jenis, kp.jenis)}"
    return teks + (f", dengan alasan: {tanpa_titik(kp.alasan)}" if kp.alasan.strip() else "")


def _keputusan(k: Konteks) -> list[Blok]:
    data = k.data
    semua = _urut_waktu(data.daftar("keputusan"))
    if not semua:
        return [Paragraf("Keputusan Sidang Pleno II: tidak ada keputusan yang dicatat.")]
    rows = tuple((str(i), jam(kp.waktu), keputusan_notulen(data, kp)) for i, kp in enumerate(semua, start=1))
    return [Paragraf(f"Keputusan Sidang Pleno II menurut waktu, sebanyak {dengan_terbilang(len(semua))} keputusan, "
                     "dengan alasannya:"),
            TabelDokumen((KolomDokumen("No", True), KolomDokumen("Pukul"), KolomDokumen("Keputusan")), rows)]


def _lain(k: Konteks) -> list[Blok]:
    semua = _urut_waktu(c for c in k.data.daftar("catatan") if c.tahap not in TAHAP_PLENO)
    if not semua:
        return []
    rows = []
    for i, c in enumerate(semua, start=1):
        kel = k.data.kelompok_dari_id(c.kelompok) if c.kelompok else None
        tahap = TAHAP.get(c.tahap, c.tahap) + (f", {sebut_kelompok(kel.nama)}" if kel else "")
        rows.append((str(i), jam(c.waktu), tahap, c.pembicara or "-", c.teks))
    return [Judul("C. Catatan tahap lain", 4),
            Paragraf(f"Catatan notulen pada tahap lain menurut waktu, sebanyak {dengan_terbilang(len(rows))} "
                     "catatan:"),
            TabelDokumen((KolomDokumen("No", True), KolomDokumen("Pukul"), KolomDokumen("Tahap"),
                          KolomDokumen("Pembicara"), KolomDokumen("Catatan")), tuple(rows))]


def notulen_sidang(k: Konteks) -> list[Blok]:
    """The notulen (see the module's docstring): the lampiran of the berita acara, and the body of the
    notulen document."""
    data = k.data
    out: list[Blok] = [Paragraf(f"Waktu dalam {zona(data)}, menurut jam pencatatan dalam aplikasi.")]
    out += _pembukaan_pleno1(k)
    out.append(Judul("B. Sidang Pleno II", 4))
    out += _catatan(k, "pleno2") + _tanggapan(k) + _keputusan(k)
    out += _lain(k)
    selesai = waktu_teks(data, "waktu_selesai")
    out.append(Paragraf(f"Musrenbang ditutup pukul {selesai or '.......... ' + zona(data)}."))
    return out


# --- the notulen as its own document ----------------------------------------------------------------------


def _tanggal_hari(data: Data) -> str:
    from ..format import tanggal_lengkap

    try:
        return tanggal_lengkap(data.info.tanggal)
    except (TypeError, ValueError):
        return ".........."


def dokumen_notulen(data: Data) -> list[Blok]:
    """The notulen alone, as blocks (see the module's docstring)."""
    from . import kaki
    from .badan import kepala as kepala_ba, status

    k = Konteks.dari(data)
    kec = nama_kecamatan(data)
    kop = next(b for b in kepala_ba(k) if isinstance(b, Kop))
    p = pimpinan_sidang(data)
    mulai, selesai = waktu_teks(data, "waktu_mulai"), waktu_teks(data, "waktu_selesai")
    waktu = f"pukul {mulai or '..........'} sampai dengan {selesai or '..........'}"
    if not (mulai and selesai):
        waktu += f" {zona(data)}"
    kotak = [Kotak(tuple(x.replace("Isi berita acara ini masih dapat berubah sampai disahkan",
                                   "Isi notulen ini masih dapat berubah sampai berita acara disahkan")
                         for x in b.baris)) if isinstance(b, Kotak) else b for b in status(k)]
    out: list[Blok] = kotak + [
        kop,
        Judul(f"NOTULEN MUSYAWARAH PERENCANAAN PEMBANGUNAN (MUSRENBANG) KECAMATAN {kec.upper()} "
              f"TAHUN {data.info.tahun}", 1, tengah=True),
        Pasangan((("Hari/tanggal", _tanggal_hari(data)), ("Waktu", waktu),
                  ("Tempat", data.info.tempat or ".........."),
                  ("Pimpinan sidang", ", ".join(x for x in (p.nama or "..........", p.jabatan) if x)))),
    ]
    out += notulen_sidang(k)
    out.append(Paragraf(f"{tempat_ttd(data) or '..........'}, {tanggal_acara(data)}"))
    out.append(TandaTangan((Penanda(("Notulis,",), ""), _penanda_pimpinan(p))))
    return out + kaki(data)


def _penanda_pimpinan(p) -> Penanda:
    atas = ("Pimpinan Sidang,",) + ((f"{p.jabatan},",) if p.jabatan else ())
    return Penanda(atas, p.nama, (f"NIP. {p.nip}",) if p.nip else ())


def notulen(data: Data, fmt: str = "md") -> str:
    """The notulen of this session rendered by the renderer `fmt` of `sesi.berita_acara.PENYAJI`."""
    from . import PENYAJI

    penyaji = PENYAJI.get(fmt)
    if penyaji is None:
        raise ValueError(f"format notulen '{fmt}' tidak dikenal ({' atau '.join(PENYAJI)})")
    return penyaji(dokumen_notulen(data))


def simpan_notulen(data: Data, fmt: str, path: str | os.PathLike[str]) -> str:
    """Write the notulen to `path` through the one safe writer (`sesi.berkas.tulis_keluaran`)."""
    from ..berkas import tulis_keluaran
    from ..pengesahan import pastikan_sesuai_sah

    pastikan_sesuai_sah(data, "Notulen")
    return tulis_keluaran(path, notulen(data, fmt).encode("utf-8"))


def nama_berkas_notulen(data: Data, fmt: str = "md") -> str:
    """'notulen-banjarmasin-utara-2028.md'."""
    kec = re.sub(r"[^a-z0-9]+", "-", normal(nama_kecamatan(data))).strip("-") or "kecamatan"
    return f"notulen-{kec}-{data.info.tahun}.{fmt}"


__all__ = ["dokumen_notulen", "keputusan_notulen", "keputusan_untuk", "nama_berkas_notulen", "notulen", "notulen_sidang",
           "simpan_notulen"]
