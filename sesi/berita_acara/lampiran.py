"""The lampiran (annexes) of the berita acara, one function per lampiran, each under its header.

`LAMPIRAN` lists them in order as (title, function): I `daftar_hadir` (attendance, with room to sign),
II `prioritas_per_skpd` (the agreed order per SKPD, with costs and sumber dana, totals per source), III
`belum_disepakati` (every other usulan, with its reason, the cadangan as their own list, part B: Lampiran II
and III hold each usulan exactly once, as `sesi.urutan.nasib_usulan` decides; the money parts: `dana.py`), IV `delegasi` (the delegates to the Forum Perangkat Daerah and Musrenbang RKPD),
V `hasil_kelurahan` (every usulan from the Musrenbang Kelurahan and what became of it), VI
`rekap_skoring` (criteria and weights, the tie-break rule, how each kelompok chose its leaders, and its
score table), VII `susunan_acara` (the agenda with times) and VIII `notulen_sidang` (the notulen of the
opening, Pleno I and Pleno II: `notulen.py`). The numbers are places in `LAMPIRAN`: the body names a
lampiran only through `sebut(function)`, so adding or moving one renumbers every reference. `kepala` is the header each starts with (Nomor, date, and RANCANGAN or the fingerprint).

Each function takes the document's `Konteks` and returns `list[Blok]`; an empty lampiran says
"Tidak ada." (`TIDAK_ADA`). Scores are shown with two decimals (`sesi.peringkat.bulat`), money as rupiah.
Which lampiran, in which order, each repeating the Nomor and date: docs/tata-cara.md, "5. Berita
acara"; the scoring and the tie-break rule stated in Lampiran VI (`sesi.peringkat.aturan_urutan`):
docs/tata-cara.md, "4. Skoring dan urutan". Nothing here raises for a loaded session.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Callable

from ..data import Data, normal
from ..format import angka, jam, kalimat, rupiah
from ..kelompok import uraian_pemilihan
from ..model import JABATAN_KELOMPOK, UNSUR, Kelompok, Usulan
from ..sebutan import (label_unsur, musrenbang_daerah, musrenbang_wilayah, sebut_wilayah, wilayah, wilayah_kecil,
                       zona)
from ..peringatan import sebut_kelompok
from ..kepekaan import uraian_kepekaan
from ..peringkat import Baris, bulat, uraian_aturan
from ..set_kriteria import BAWAAN, nama_set, semua_set, set_dipakai
from ..urutan import Nasib, nasib_usulan, urutan_akhir
from ..terbilang import dengan_terbilang, romawi, rupiah_terbilang
from .blok import Blok, Butir, Daftar, Judul, KolomDokumen, Paragraf, Pasangan, Pemisah, TabelDokumen
from .kata import (angka_teks, kutip, jenis_kelamin, jumlah_biaya, keputusan_teks, lokasi,
                   nama_kecamatan, nilai_teks, nomor_ba, rupiah_teks, tanggal_acara, tanpa_titik)
from .konteks import Konteks
from . import dana
from .notulen import notulen_sidang

TIDAK_ADA = "Tidak ada."


def kepala(k: Konteks, nomor: int, judul: str) -> list[Blok]:
    """A part break, 'LAMPIRAN <roman> BERITA ACARA ...', NOMOR / TANGGAL / STATUS or SIDIK JARI, the title."""
    kec = nama_kecamatan(k.data).upper()
    baris = [("NOMOR", nomor_ba(k.data)), ("TANGGAL", tanggal_acara(k.data))]
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


def daftar_hadir(k: Konteks) -> list[Blok]:
    """Lampiran I: those present, by unsur then check-in order, with a column to sign; then the totals."""
    data = k.data
    hadir = sorted((p for p in data.peserta.values() if p.hadir), key=lambda p: (_urut_unsur(p.unsur), p.urutan))
    if not hadir:
        return [Paragraf(TIDAK_ADA)]
    rows = []
    for i, p in enumerate(hadir, start=1):
        label = label_unsur(data, p.unsur)
        sudah = {normal(label), normal(f"Delegasi {p.kelurahan}"), normal(f"Kelurahan {p.kelurahan}"),
                 normal(f"Desa {p.kelurahan}"), normal(sebut_wilayah(data, p.kelurahan))}
        lembaga = p.lembaga if p.lembaga and normal(p.lembaga) not in sudah else ""
        rows.append((str(i), p.nama, f"{label}, {lembaga}" if lembaga else label, p.kelurahan,
                     jenis_kelamin(p.jenis_kelamin), ""))
    r = k.rekap
    ringkas = (f"Jumlah peserta hadir {dengan_terbilang(r.hadir, 'orang')}: {angka(r.laki)} laki-laki, "
               f"{angka(r.perempuan)} perempuan; {angka(r.rentan)} orang dari kelompok rentan.")
    return [TabelDokumen((KolomDokumen("No", True), KolomDokumen("Nama"), KolomDokumen("Unsur/Lembaga"),
                          KolomDokumen(f"Alamat/{wilayah(data)}"), KolomDokumen("L/P"),
                          KolomDokumen("Tanda tangan", min_teks=12)), tuple(rows), tinggi=2),
            Paragraf(ringkas)]


def prioritas_per_skpd(k: Konteks) -> list[Blok]:
    """Lampiran II: per SKPD, the agreed usulan in order with location, volume, cost, score and the
    kelompok's rank; a total per SKPD and overall (in figures and in words)."""
    if not k.prioritas:
        return [Paragraf(TIDAK_ADA)]
    out: list[Blok] = []
    semua: list[Usulan] = []
    for skpd, items in k.prioritas:
        out.append(Judul(skpd, 4))
        rows = []
        for i, it in enumerate(items, start=1):
            u = it.usulan
            kegiatan = dana.sel_kegiatan(u)  # rerouting, harga satuan or its note
            peringkat = f"{it.peringkat}" + (f", menurut skor {it.peringkat_skor}" if it.alasan_geser else "") \
                + (", seri" if it.seri else "")
            rows.append((str(i), kegiatan, lokasi(u), angka_teks(u.volume), u.satuan,
                         rupiah_teks(u.perkiraan_biaya), dana.sel_sumber(k, u), bulat(it.total),
                         f"{it.kelompok} ({peringkat})"))
        out.append(TabelDokumen((KolomDokumen("No", True), KolomDokumen("Kegiatan"),
                                 KolomDokumen(f"Lokasi ({wilayah(k.data)})"), KolomDokumen("Volume", True),
                                 KolomDokumen("Satuan"), KolomDokumen("Perkiraan Biaya", True),
                                 KolomDokumen("Sumber Dana"), KolomDokumen("Skor", True),
                                 KolomDokumen("Kelompok (Peringkat)")),
                                tuple(rows), gabung_teks=(4,)))
        total, tanpa = jumlah_biaya(it.usulan for it in items)
        semua += [it.usulan for it in items]
        out.append(Paragraf(f"Jumlah {skpd}: {dengan_terbilang(len(items))} kegiatan, perkiraan biaya "
                            f"{rupiah(total)}" + (f" ({angka(tanpa)} kegiatan tanpa perkiraan biaya)" if tanpa else "")
                            + "."))
    total, tanpa = jumlah_biaya(semua)
    out.append(Paragraf(f"Jumlah seluruhnya {dengan_terbilang(len(semua))} kegiatan dengan perkiraan biaya "
                        f"{rupiah(total)} ({rupiah_terbilang(total)})."
                        + (f" Sebanyak {angka(tanpa)} kegiatan belum mempunyai perkiraan biaya." if tanpa else "")))
    out += dana.jumlah_sumber(k, semua) + dana.keterangan_harga(semua)
    out.append(Paragraf(f"Skor: nilai total tertimbang ({sebut(rekap_skoring)}). Peringkat: urutan akhir dalam kelompoknya "
                        "setelah Sidang Pleno II; \"seri\" menandai nilai yang hanya dibedakan oleh urutan masuk."))
    geser = [it for _, items in k.prioritas for it in items if it.alasan_geser]
    if geser:
        out.append(Paragraf("Urutan akhir yang berbeda dari urutan menurut skor:"))
        out.append(Daftar(tuple(Butir(f"{kutip(it.usulan.kegiatan)} ({it.kelompok}): peringkat {it.peringkat}, "
                                      f"menurut skor {it.peringkat_skor}; {tanpa_titik(it.alasan_geser)}"
                                      + (";" if i < len(geser) - 1 else "."))
                                for i, it in enumerate(geser))))
    return out


def belum_disepakati(k: Konteks) -> list[Blok]:
    """Lampiran III: every usulan not in Lampiran II, with its reason (`sesi.urutan.nasib_usulan`); when
    some are cadangan, they are part B, their own list (`dana.lampiran_cadangan`), the others part A."""
    if not k.tidak:
        return [Paragraf(TIDAK_ADA)]
    lain, cadangan = dana.cadangan_dari(k.tidak)
    if cadangan:
        bagian_a = _tabel_belum_disepakati(k, lain) if lain else [Paragraf(TIDAK_ADA)]
        return [Judul(dana.JUDUL_LAIN, 4), *bagian_a, *dana.lampiran_cadangan(k, cadangan)]
    return _tabel_belum_disepakati(k, k.tidak)


def _tabel_belum_disepakati(k: Konteks, tidak: list[tuple[Usulan, str]]) -> list[Blok]:
    rows = tuple((str(i), u.kegiatan, lokasi(u), angka_teks(u.volume), u.satuan, alasan)
                 for i, (u, alasan) in enumerate(tidak, start=1))
    return [TabelDokumen((KolomDokumen("No", True), KolomDokumen("Kegiatan"), KolomDokumen(f"Lokasi ({wilayah(k.data)})"),
                          KolomDokumen("Volume", True), KolomDokumen("Satuan"), KolomDokumen("Alasan")),
                         rows, gabung_teks=(4,))]


def delegasi(k: Konteks) -> list[Blok]:
    """Lampiran IV: the delegates, and how many are women."""
    semua = k.data.daftar("delegasi")
    if not semua:
        return [Paragraf(TIDAK_ADA)]
    rows = tuple((str(i), d.nama, label_unsur(k.data, d.unsur) if d.unsur else "", d.lembaga,
                  jenis_kelamin(d.jenis_kelamin),
                  d.keterangan) for i, d in enumerate(semua, start=1))
    p = sum(1 for d in semua if d.jenis_kelamin == "P")
    return [TabelDokumen((KolomDokumen("No", True), KolomDokumen("Nama"), KolomDokumen("Unsur"),
                          KolomDokumen(f"Lembaga/{wilayah(k.data)}"), KolomDokumen("L/P"), KolomDokumen("Keterangan")),
                         rows),
            Paragraf(f"Jumlah delegasi {dengan_terbilang(len(semua), 'orang')}, di antaranya "
                     f"{dengan_terbilang(p, 'orang')} perempuan.")]


def hasil_usulan(data: Data, u: Usulan, nasib: dict[str, Nasib] | None = None) -> str:
    """What became of one usulan at the Musrenbang Kecamatan, in words (Lampiran V): "Disepakati, peringkat 2
    Kelompok ...", or the reason it is not agreed ("Ditolak: ...", "Digabung ke ...", "Belum dinilai
    lengkap ..."), as `sesi.urutan.nasib_usulan` decides (`nasib`: pass it when describing many usulan).
    """
    n = (nasib if nasib is not None else nasib_usulan(data)).get(u.id)
    if n is None:
        return ""
    if not n.prioritas:
        return n.alasan
    kel = data.kelompok_dari_id(n.kelompok)
    kata = "Disepakati" if u.status == "disepakati" else "Diperingkat"
    teks = f"{kata}, peringkat {n.peringkat} {sebut_kelompok(kel.nama if kel else n.kelompok)}"
    if u.skpd_akhir and u.skpd_akhir != u.skpd_awal:
        teks += f"; dialihkan ke {u.skpd_akhir}" + (f" ({tanpa_titik(u.alasan)})" if u.alasan.strip() else "")
    return teks


def hasil_kelurahan(k: Konteks) -> list[Blok]:
    """Lampiran V: every usulan of the Musrenbang Kelurahan, per SKPD proposed, by kelurahan and its
    priority, with what became of it (`hasil_usulan`)."""
    data = k.data
    if not data.usulan:
        return [Paragraf(TIDAK_ADA)]
    urut_kel = {kel.nama: i for i, kel in enumerate(data.kelurahan)}
    per_skpd: dict[str, list[Usulan]] = {}
    for u in data.usulan.values():
        per_skpd.setdefault(u.skpd_awal or "(SKPD belum ditentukan)", []).append(u)
    out: list[Blok] = []
    for skpd in sorted(per_skpd, key=lambda s: (normal(s), s)):
        items = sorted(per_skpd[skpd], key=lambda u: (urut_kel.get(u.kelurahan, len(urut_kel)), u.kelurahan,
                                                      u.prioritas_kelurahan, u.urutan))
        out.append(Judul(skpd, 4))
        rows = tuple((str(i), f"{u.kelurahan} ({u.prioritas_kelurahan})", u.kegiatan, angka_teks(u.volume),
                      u.satuan, rupiah_teks(u.perkiraan_biaya), hasil_usulan(data, u, k.nasib))
                     for i, u in enumerate(items, start=1))
        out.append(TabelDokumen((KolomDokumen("No", True), KolomDokumen(f"{wilayah(data)} (Prioritas)"),
                                 KolomDokumen("Kegiatan"), KolomDokumen("Volume", True), KolomDokumen("Satuan"),
                                 KolomDokumen("Perkiraan Biaya", True), KolomDokumen("Hasil Musrenbang Kecamatan")),
                                rows, gabung_teks=(4,)))
    out.append(Paragraf(f"Prioritas: urutan usulan yang disepakati dalam {musrenbang_wilayah(data)}. Usulan "
                        f"dikelompokkan menurut perangkat daerah (SKPD) tujuan yang diusulkan {wilayah_kecil(data)}."))
    return out


#: Lampiran VI lists the weak neighbour pairs (`uraian_kepekaan`) of the top of each ranking only.
KEPEKAAN_TERATAS = 10


def rekap_skoring(k: Konteks) -> list[Blok]:
    """Lampiran VI: every criteria set used with its weights and scales, then per kelompok its leaders
    and how they were chosen (`_pimpinan_kelompok`), its score table (`_tabel_skor`), the scoring rule in
    words (`uraian_aturan`: sets, penilai, total, tie-break) and how firm the order is (`uraian_kepekaan`)."""
    data = k.data
    sets = set_dipakai(data) or [semua_set(data)[BAWAAN]]
    out: list[Blok] = [Judul("Kriteria dan bobot", 4)]
    if not any(s.kriteria for s in sets):
        out.append(Paragraf("Kriteria penilaian belum ditetapkan."))
    for s in sets:
        if not s.kriteria:
            continue
        if len(sets) > 1 or not s.bawaan:
            nama_s = nama_set(data, s.kunci)
            out.append(Paragraf(f"Set kriteria {nama_s}:" if s.bawaan else f"Set kriteria untuk {nama_s}:"))
        jumlah = sum((x.bobot_pecahan for x in s.kriteria), Fraction(0))
        rows = tuple((x.kode, x.nama, angka_teks(x.bobot),
                      bulat(x.bobot_pecahan * 100 / jumlah, 1) + "%" if jumlah else "",
                      f"{x.skala_min}-{x.skala_maks}" + ("" if x.langkah_pecahan == 1 else ", langkah 0,5"))
                     for x in s.kriteria)
        out.append(TabelDokumen((KolomDokumen("Kode"), KolomDokumen("Kriteria"), KolomDokumen("Bobot", True),
                                 KolomDokumen("Porsi", True), KolomDokumen("Skala")), rows))
    nama = {p.id: p.nama for p in data.peserta.values()}
    ada = False
    for kel in data.kelompok:
        hasil = k.peringkat(kel.id)
        if not hasil.baris and (kel.virtual or not (kel.ketua or data.anggota(kel.id))):
            continue
        ada = True
        out.append(Judul(sebut_kelompok(kel.nama), 4))
        out += _pimpinan_kelompok(kel, nama)
        out += _tabel_skor(k, kel, hasil.baris)
        if hasil.baris:
            out.append(Paragraf("Cara penilaian dan pengurutan:"))
            out.append(Daftar(tuple(Butir(t) for t in uraian_aturan(data, kel.id))))
        if len(hasil.diperingkat) > 1:
            kepekaan = uraian_kepekaan(data, kel.id)
            lain = len(kepekaan) - KEPEKAAN_TERATAS
            out.append(Paragraf("Kepekaan urutan terhadap perubahan bobot satu kriteria (pasangan bertetangga "
                                f"yang bertukar bila bobot berubah kurang dari 10%):"))
            out.append(Daftar(tuple(Butir(t) for t in kepekaan[:KEPEKAAN_TERATAS])))
            if lain > 0:
                out.append(Paragraf(f"Serta {lain} pasangan lain di bawahnya (rinciannya dalam ekspor peringkat)."))
    if not ada:
        out.append(Paragraf("Belum ada kelompok yang membahas usulan."))
    return out


def _pimpinan_kelompok(kel: Kelompok, nama: dict[str, str]) -> list[Blok]:
    if kel.virtual:
        return [Paragraf("Kelompok menurut bidang usulan; pimpinan kelompok tidak dipilih.")]
    out: list[Blok] = []
    if kel.fasilitator:
        out.append(Paragraf(f"Fasilitator: {kalimat(kel.fasilitator)}"))
    rows = []
    for jabatan, label in JABATAN_KELOMPOK.items():
        pid = getattr(kel, jabatan, "")
        pem = kel.pemilihan_untuk(jabatan)
        rows.append((label, nama.get(pid, pid) if pid else "", uraian_pemilihan(pem, nama)))
    out.append(TabelDokumen((KolomDokumen("Jabatan"), KolomDokumen("Nama"), KolomDokumen("Cara pemilihan")),
                            tuple(rows)))
    if kel.serah_terima:
        out.append(Paragraf(f"Pimpinan kelompok diserahkan oleh fasilitator kepada ketua terpilih pukul "
                            f"{jam(kel.serah_terima)}."))
    return out


def _tabel_skor(k: Konteks, kel: Kelompok, baris: list[Baris]) -> list[Blok]:
    if not baris:
        return [Paragraf("Tidak ada usulan.")]
    data = k.data
    kriteria = []  # the criteria of every set the kelompok uses (a code two sets share: one column)
    for s in set_dipakai(data, kel.id) or [semua_set(data)[BAWAAN]]:
        kriteria += [x for x in s.kriteria if x.kode not in {y.kode for y in kriteria}]
    akhir = {t.usulan.id: t.peringkat_akhir for t in urutan_akhir(data, kel.id)}
    rows = []
    prev: Baris | None = None
    rata = False
    for b in baris:
        ket = []
        if b.dinilai:
            if b.penentu and prev is not None:
                penentu = b.penentu.replace("prioritas kelurahan", f"prioritas {wilayah_kecil(data)}")
                ket.append(f"di bawah peringkat {prev.peringkat} karena {penentu}")
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
            tanda = b.tanda.get(x.kode, "")
            nilai.append(f"{nilai_teks(v)} ({tanda})" if v is not None and tanda else (tanda or nilai_teks(v))
                         if x.kode in b.nilai else "-")
        rows.append((str(b.peringkat) if b.dinilai else "-", f"{b.usulan.kegiatan} ({b.usulan.kelurahan})",
                     *nilai, bulat(b.total), "; ".join(ket)))
    kolom = (KolomDokumen("Peringkat", True), KolomDokumen(f"Usulan ({wilayah(data)})"),
             *(KolomDokumen(x.kode, True) for x in kriteria), KolomDokumen("Total", True), KolomDokumen("Keterangan"))
    out: list[Blok] = [TabelDokumen(kolom, tuple(rows))]
    if rata:
        out.append(Paragraf("Nilai berkoma adalah jumlah nilai para penilai yang memuat setengah poin, atau nilai "
                            "penilai yang kosong diisi rata-rata penilai yang hadir (bertanda)."
                            if data.info.gabung_penilai == "jumlah"
                            else "Nilai berkoma adalah rata-rata nilai para penilai."))
    keputusan = [kp for kp in data.daftar("keputusan") if kp.kelompok == kel.id and kp.usulan]
    if keputusan:
        out.append(Paragraf("Keputusan Sidang Pleno II:"))
        out.append(Daftar(tuple(Butir(keputusan_teks(data, kp) + ".") for kp in keputusan)))
    return out


def susunan_acara(k: Konteks) -> list[Blok]:
    """Lampiran VII: the agenda of the day (the jadwal of Persiapan: time, item, note) in its order, the
    times in the session's zone; "Tidak ada." when none was recorded."""
    jadwal = k.data.daftar("jadwal")
    if not jadwal:
        return [Paragraf(TIDAK_ADA)]
    rows = tuple((str(i), j.waktu, j.acara, j.keterangan) for i, j in enumerate(jadwal, start=1))
    return [TabelDokumen((KolomDokumen("No", True), KolomDokumen(f"Waktu ({zona(k.data)})"), KolomDokumen("Acara"),
                          KolomDokumen("Keterangan")), rows)]


def _judul_hadir(k: Konteks) -> str:
    return f"DAFTAR HADIR PESERTA MUSRENBANG KECAMATAN {nama_kecamatan(k.data).upper()}"


def _judul_delegasi(k: Konteks) -> str:
    return f"DELEGASI KECAMATAN UNTUK FORUM PERANGKAT DAERAH DAN {musrenbang_daerah(k.data).upper()}"


def _judul_hasil_wilayah(k: Konteks) -> str:
    return f"HIMPUNAN HASIL {musrenbang_wilayah(k.data).upper()} MENURUT PERANGKAT DAERAH (SKPD)"


def _judul_notulen(k: Konteks) -> str:
    return f"NOTULEN SIDANG PLENO MUSRENBANG KECAMATAN {nama_kecamatan(k.data).upper()}"


def _judul(teks: str) -> Callable[[Konteks], str]:
    return lambda k: teks


def nomor_lampiran(isi: Callable[[Konteks], list[Blok]]) -> int:
    """The number (1 = I) of the lampiran whose content function is `isi`, from its place in `LAMPIRAN`:
    every reference in the body is derived from it, never written by hand. ValueError for another function."""
    for i, (_, f) in enumerate(LAMPIRAN, start=1):
        if f is isi:
            return i
    raise ValueError(f"{getattr(isi, '__name__', isi)} bukan lampiran berita acara")


def sebut(isi: Callable[[Konteks], list[Blok]]) -> str:
    """'Lampiran III' for the lampiran whose content function is `isi` (`nomor_lampiran`)."""
    return f"Lampiran {romawi(nomor_lampiran(isi))}"


def sebut_semua() -> str:
    """'Lampiran I sampai dengan Lampiran VIII': every lampiran, the last from `LAMPIRAN`."""
    return f"Lampiran I sampai dengan Lampiran {romawi(len(LAMPIRAN))}"


#: The lampiran in order: (its title from the document's context, its content). Their numbers (I, II, ...)
#: are their places here; the body names them through `sebut`.
LAMPIRAN: tuple[tuple[Callable[[Konteks], str], Callable[[Konteks], list[Blok]]], ...] = (
    (_judul_hadir, daftar_hadir),
    (_judul("DAFTAR URUTAN KEGIATAN PRIORITAS KECAMATAN MENURUT PERANGKAT DAERAH (SKPD)"), prioritas_per_skpd),
    (_judul("USULAN KEGIATAN YANG BELUM DISEPAKATI"), belum_disepakati),
    (_judul_delegasi, delegasi),
    (_judul_hasil_wilayah, hasil_kelurahan),
    (_judul("REKAPITULASI SKORING DAN PEMERINGKATAN PER KELOMPOK"), rekap_skoring),
    (_judul("SUSUNAN ACARA"), susunan_acara),
    (_judul_notulen, notulen_sidang),
)
