"""The body of the berita acara, one function per part, in the order the document reads.

Each part takes the `Konteks` of the document and returns its blocks (`list[Blok]`, possibly empty):
`status` (the RANCANGAN or DISAHKAN box), `kepala` (letterhead, title, Nomor), `pembukaan` (day and date
in words, place, chair, and how many attended), `kehadiran` (attendance per unsur, women, vulnerable
groups), `pertimbangan` (what was considered: `sambutan`, `narasumber`, `hasil_kelompok`, `tanggapan`),
`menyepakati` (the KESATU, KEDUA, ... clauses), `penutup` (the Tim Perumus, place and date),
`tanda_tangan` (one signatory per unsur present), `tembusan` (copies) and `keterangan_pengesahan` (the
signature's details when signed). `BAGIAN` lists them in that order.

The parts and their order follow the guide's berita acara (docs/tata-cara.md, "5. Berita acara": the
opening with the date in words, attendance per unsur with women and vulnerable groups, MENYEPAKATI with
KESATU, KEDUA, ..., one signatory per unsur, tembusan). None of them raise for a loaded session; missing data gives the document's own
wording ("belum dipilih", "tidak ada tanggapan yang dicatat", a dotted blank).
"""

from __future__ import annotations

from typing import Callable

from ..data import normal
from ..model import PERAN_TIM, UNSUR
from ..sebutan import (bappeda, label_unsur, musrenbang_daerah, musrenbang_wilayah, pemerintah_daerah, tempat_ttd,
                       wilayah_kecil, zona)
from ..pengesahan import waktu_teks
from ..peringatan import sebut_kelompok
from ..peringkat import aturan_urutan
from ..pleno import wakil_unsur
from ..urutan import urutan_akhir
from ..format import rupiah
from ..terbilang import dengan_terbilang, ordinal, tanggal_terbilang
from .blok import (Blok, Butir, Daftar, Judul, Klausul, KolomDokumen, Kop, Kotak, Paragraf, Pasangan, Penanda,
                   TabelDokumen, TandaTangan)
from ..acara import jabatan_camat, pimpinan_sidang, waktu_teks as jam_acara
from .kata import (dengan_jabatan, jumlah_biaya, kepala_daerah, keputusan_teks, kutip,
                   nama_daerah, nama_kecamatan, nama_kota, nomor_ba, rangkai, tanggal_acara, tanpa_titik)
from .konteks import Konteks
from .dana import kalimat_cadangan, rincian_sumber
from . import lampiran as lamp


def status(k: Konteks) -> list[Blok]:
    """The box at the very top: RANCANGAN (with the revision, and the unlocking of the last signed
    version if any), or DISAHKAN with the version, time, signer and fingerprint."""
    s = k.sah
    if not s.disahkan:
        baris = [f"RANCANGAN - BELUM DISAHKAN (revisi berkas {k.data.revisi})",
                 "Isi berita acara ini masih dapat berubah sampai disahkan oleh pimpinan sidang."]
        if s.versi_sebelumnya:
            v = s.versi_sebelumnya[-1]
            baris.append(f"Versi sah {v.get('versi', '?')} dibuka kembali pada {waktu_teks(str(v.get('dibuka', '')))}"
                         f" oleh {v.get('dibuka_oleh', '')} dengan alasan: {v.get('alasan', '')}")
        return [Kotak(tuple(baris))]
    baris = [f"DISAHKAN - versi {s.versi}, pada {s.waktu_teks} {zona(k.data)} oleh {s.nama}", "Sidik jari SHA-256:", s.sidik_jari]
    if s.tetap:
        baris.append(f"Disahkan dengan {dengan_terbilang(len(s.tetap['hal_terbuka']))} hal yang belum selesai "
                     "(rinciannya sesudah tembusan).")
    return [Kotak(tuple(baris))]


def kepala(k: Konteks) -> list[Blok]:
    """Letterhead (PEMERINTAH ..., KECAMATAN ...), the title, and the Nomor."""
    data = k.data
    kec, daerah = nama_kecamatan(data), nama_daerah(data)
    return [
        Kop((pemerintah_daerah(data).upper(), f"KECAMATAN {kec.upper()}")),
        Judul(f"BERITA ACARA KESEPAKATAN HASIL MUSYAWARAH PERENCANAAN PEMBANGUNAN (MUSRENBANG) RKPD "
              f"{daerah.upper()} TAHUN {data.info.tahun} DI KECAMATAN {kec.upper()}", 1, tengah=True),
        Paragraf(f"Nomor: {nomor_ba(data)}", tengah=True, spasi=True),
    ]


def pembukaan(k: Konteks) -> list[Blok]:
    """'Pada hari ini <day and date in words>, bertempat di ..., dipimpin oleh ..., dan dihadiri oleh N
    orang peserta ... terdiri atas:' (or, before anyone checked in, 'kehadiran belum tercatat')."""
    data, info = k.data, k.data.info
    kec, daerah = nama_kecamatan(data), nama_daerah(data)
    try:
        hari_ini = tanggal_terbilang(info.tanggal)
    except (TypeError, ValueError):
        hari_ini = ".......... tanggal .......... bulan .......... tahun .........."
    p = pimpinan_sidang(data)
    pimpinan = ", ".join(x for x in (p.nama or "..........", p.jabatan) if x)
    pukul = jam_acara(data, "waktu_mulai") or f".......... {zona(data)}"
    pembuka = (f"Pada hari ini {hari_ini}, pukul {pukul}, bertempat di {info.tempat or '..........'}, telah "
               f"diselenggarakan Musyawarah Perencanaan Pembangunan (Musrenbang) RKPD {daerah} Tahun {info.tahun} "
               f"di Kecamatan {kec} menurut susunan acara sebagaimana tercantum dalam "
               f"{lamp.sebut(lamp.susunan_acara)}, dipimpin oleh {pimpinan}, ")
    hadir = k.rekap.hadir
    hadir_di = lamp.sebut(lamp.daftar_hadir)
    if hadir:
        return [Paragraf(pembuka + f"dan dihadiri oleh {dengan_terbilang(hadir, 'orang')} peserta "
                         f"sebagaimana tercantum dalam {hadir_di}, terdiri atas:")]
    return [Paragraf(pembuka + f"dengan peserta sebagaimana tercantum dalam {hadir_di} (kehadiran belum "
                     "tercatat).")]


def kehadiran(k: Konteks) -> list[Blok]:
    """Those present per unsur (a., b., ...), then how many were women and from vulnerable groups, and
    how many have no recorded sex. Nothing when no one checked in (`pembukaan` says so)."""
    r = k.rekap
    if not r.hadir:
        return []
    items = [f"{label_unsur(k.data, u)}: {dengan_terbilang(n, 'orang')}" for u, n in r.per_unsur.items()]
    kalimat = [f"{dengan_terbilang(r.perempuan, 'orang')} perempuan"]
    if r.rentan:
        rincian = "; ".join(f"{jenis}: {dengan_terbilang(n, 'orang')}"
                            for jenis, n in sorted(r.rentan_per_jenis.items()))
        kalimat.append(f"{dengan_terbilang(r.rentan, 'orang')} dari kelompok rentan ({rincian})")
    else:
        kalimat.append("tidak ada peserta yang tercatat dari kelompok rentan")
    tanpa_jk = r.hadir - r.perempuan - r.laki
    teks = "Dari jumlah tersebut, " + rangkai(kalimat) + "."
    if tanpa_jk:
        teks += f" Jenis kelamin {dengan_terbilang(tanpa_jk, 'orang')} peserta tidak tercatat."
    return [Daftar(tuple(Butir(t + (";" if i < len(items) - 1 else ".")) for i, t in enumerate(items)), huruf=True),
            Paragraf(teks)]


# --- what was considered ----------------------------------------------------------------------------


def sambutan(k: Konteks) -> list[Butir]:
    orang = [dengan_jabatan(s.nama, s.jabatan) for s in k.data.daftar("sambutan")]
    return [Butir(f"sambutan {rangkai(orang)};")] if orang else []


def narasumber(k: Konteks) -> list[Butir]:
    tim = [t for t in k.data.daftar("tim") if t.peran == "narasumber"]
    if not tim:
        return []
    parts = [dengan_jabatan(t.nama, t.jabatan) + (f" tentang \"{t.materi}\"" if t.materi else "") for t in tim]
    return [Butir(f"pemaparan materi oleh {PERAN_TIM['narasumber'].lower()}: {'; '.join(parts)};")]


def _satu_kelompok(k: Konteks, kel) -> str:
    """One kelompok in the considerations: who chaired it, what it ranked, where its usulan went (the same
    counts as the rows of Lampiran II and III), and whether Pleno II agreed its list."""
    data = k.data
    usulan = data.usulan_kelompok(kel.id)
    bagian = []
    if kel.virtual:
        bagian.append("kelompok menurut bidang usulan, tanpa pimpinan kelompok")
    else:
        ketua = data.peserta.get(kel.ketua)
        bagian.append(f"ketua {ketua.nama}" if ketua else "belum memilih ketua")
    if not usulan:
        bagian.append("tidak membahas usulan")
        return f"{sebut_kelompok(kel.nama)} ({', '.join(bagian)})"
    prioritas = sum(1 for u in usulan if k.nasib[u.id].prioritas)
    tidak = len(usulan) - prioritas
    rincian = []
    if prioritas:
        rincian.append(f"{dengan_terbilang(prioritas)} masuk daftar prioritas ({lamp.sebut(lamp.prioritas_per_skpd)})")
    if tidak:
        rincian.append(f"{dengan_terbilang(tidak)} belum disepakati ({lamp.sebut(lamp.belum_disepakati)})")
    bagian.append(f"membahas {dengan_terbilang(len(usulan))} usulan: {rangkai(rincian)}")
    if not urutan_akhir(data, kel.id):
        bagian.append("belum ada usulan yang diperingkat")
    elif kel.disepakati:
        bagian.append("daftarnya disepakati dalam Sidang Pleno II")
    else:
        bagian.append("daftarnya belum disepakati dalam Sidang Pleno II")
    return f"{sebut_kelompok(kel.nama)} ({'; '.join(bagian)})"


def hasil_kelompok(k: Konteks) -> list[Butir]:
    """Every kelompok, each as a sub-item (`_satu_kelompok`): also one with no ketua or nothing ranked."""
    semua = k.data.kelompok
    if not semua:
        return [Butir("hasil Sidang Kelompok (belum ada kelompok);")]
    anak = tuple(_satu_kelompok(k, kel) + ";" for kel in semua)
    return [Butir(f"hasil Sidang Kelompok, sebanyak {dengan_terbilang(len(semua))} kelompok:", anak)]


def _satu_tanggapan(k: Konteks, t) -> str:
    data = k.data
    siapa = t.nama + (f" ({label_unsur(data, t.unsur)})" if t.unsur else "")
    tentang = ""
    u = data.usulan.get(t.usulan) if t.usulan else None
    if u is not None:
        tentang = f" mengenai usulan \"{u.kegiatan}\" ({u.kelurahan})"
    elif t.kelompok:
        kel = data.kelompok_dari_id(t.kelompok)
        tentang = f" mengenai {sebut_kelompok(kel.nama if kel else t.kelompok)}"
    return f"{siapa}{tentang}: {tanpa_titik(t.isi)}"


def tanggapan(k: Konteks) -> list[Butir]:
    """The Pleno II responses, counted, each as a sub-item (who, about what, what they said)."""
    semua = k.data.daftar("tanggapan")
    if not semua:
        return [Butir("tanggapan, penajaman, dan klarifikasi peserta dalam Sidang Pleno II (tidak ada "
                      "tanggapan yang dicatat).")]
    penanggap = {normal(t.nama) for t in semua}
    anak = tuple(_satu_tanggapan(k, t) + (";" if i < len(semua) - 1 else ".") for i, t in enumerate(semua))
    return [Butir(f"tanggapan, penajaman, dan klarifikasi peserta dalam Sidang Pleno II sebanyak "
                  f"{dengan_terbilang(len(semua))} tanggapan dari "
                  f"{dengan_terbilang(len(penanggap))} penanggap, yaitu:", anak)]


def pertimbangan(k: Konteks) -> list[Blok]:
    """'Setelah memperhatikan, mendengar, dan mempertimbangkan:' and the numbered list of what was."""
    butir = sambutan(k) + narasumber(k) + hasil_kelompok(k) + tanggapan(k)
    return [Paragraf("Setelah memperhatikan, mendengar, dan mempertimbangkan:"), Daftar(tuple(butir)),
            Paragraf("Jalannya sidang, tanggapan beserta jawabannya, dan keputusan Sidang Pleno II dicatat dalam "
                     f"notulen sebagaimana tercantum dalam {lamp.sebut(lamp.notulen_sidang)}.")]


# --- MENYEPAKATI -------------------------------------------------------------------------------------


def _klausul_prioritas(k: Konteks) -> str:
    kec = nama_kecamatan(k.data)
    n = sum(len(items) for _, items in k.prioritas)
    if not n:
        return (f"Daftar urutan kegiatan prioritas Kecamatan {kec} menurut perangkat daerah (SKPD) "
                f"sebagaimana tercantum dalam {lamp.sebut(lamp.prioritas_per_skpd)}; belum ada kegiatan yang "
                "diperingkat.")
    total, _ = jumlah_biaya(it.usulan for _, items in k.prioritas for it in items)
    return (f"Daftar urutan kegiatan prioritas Kecamatan {kec} menurut perangkat daerah (SKPD) "
            f"sebagaimana tercantum dalam {lamp.sebut(lamp.prioritas_per_skpd)}, sebanyak {dengan_terbilang(n)} "
            "kegiatan pada "
            f"{dengan_terbilang(len(k.prioritas))} perangkat daerah dengan jumlah perkiraan biaya "
            f"{rupiah(total)}{rincian_sumber(k)}.")


def _klausul_belum_disepakati(k: Konteks) -> str:
    if not k.tidak:
        return f"Tidak ada usulan kegiatan yang belum disepakati ({lamp.sebut(lamp.belum_disepakati)})."
    return ("Usulan kegiatan yang belum disepakati beserta alasannya sebagaimana tercantum dalam "
            f"{lamp.sebut(lamp.belum_disepakati)}, sebanyak {dengan_terbilang(len(k.tidak))} usulan"
            f"{kalimat_cadangan(k)}.")


def _klausul_delegasi(k: Konteks) -> str:
    data = k.data
    awal = f"Delegasi Kecamatan {nama_kecamatan(data)} untuk Forum Perangkat Daerah dan {musrenbang_daerah(data)}"
    delegasi = data.daftar("delegasi")
    if not delegasi:
        return awal + f" sebagaimana tercantum dalam {lamp.sebut(lamp.delegasi)} (belum ditetapkan)."
    p = sum(1 for d in delegasi if d.jenis_kelamin == "P")
    return (awal + f" sebanyak {dengan_terbilang(len(delegasi), 'orang')}, di antaranya "
            f"{dengan_terbilang(p, 'orang')} perempuan, sebagaimana tercantum dalam {lamp.sebut(lamp.delegasi)}.")


def _klausul_skoring(k: Konteks) -> str:
    """How the order was decided: the scoring rule, the ties left to entry order, Pleno II's moves."""
    data = k.data
    teks = ("Urutan prioritas dalam setiap kelompok ditetapkan dengan skoring menurut kriteria dan bobot "
            f"sebagaimana tercantum dalam {lamp.sebut(lamp.rekap_skoring)}. " + aturan_urutan(data))
    seri = []
    for kel in data.kelompok:
        rows = [b for b in k.peringkat(kel.id).diperingkat if b.seri]
        if rows:
            seri.append(f"{sebut_kelompok(kel.nama)} ({rangkai(kutip(b.usulan.kegiatan) for b in rows)})")
    if seri:
        teks += f" Nilai seri yang hanya dibedakan oleh urutan masuk terdapat pada {rangkai(seri)}."
    ubah = [keputusan_teks(data, kp) for kp in data.daftar("keputusan") if kp.jenis in ("naik", "turun")]
    if ubah:
        teks += f" Sidang Pleno II mengubah urutan: {'; '.join(ubah)}."
    return teks


def _klausul_lampiran(k: Konteks) -> str:
    return (f"Hasil {musrenbang_wilayah(k.data)} menurut urutan prioritas masing-masing {wilayah_kecil(k.data)} "
            "dihimpun dalam "
            f"{lamp.sebut(lamp.hasil_kelurahan)}. Seluruh lampiran ({lamp.sebut_semua()}) merupakan bagian yang "
            f"tidak terpisahkan dari berita acara ini dan menjadi bahan penyusunan Rencana Kerja Perangkat "
            f"Daerah dan RKPD {nama_daerah(k.data)} Tahun {k.data.info.tahun}.")


KLAUSUL: tuple[Callable[[Konteks], str], ...] = (
    _klausul_prioritas, _klausul_belum_disepakati, _klausul_delegasi, _klausul_skoring, _klausul_lampiran)


def menyepakati(k: Konteks) -> list[Blok]:
    """'maka seluruh peserta ...', MENYEPAKATI, and the clauses KESATU to KELIMA (`KLAUSUL`)."""
    teks = [klausul(k) for klausul in KLAUSUL]
    return [Paragraf(f"maka seluruh peserta Musrenbang Kecamatan {nama_kecamatan(k.data)}"),
            Paragraf("MENYEPAKATI", tebal=True, tengah=True),
            Klausul(tuple((ordinal(i).upper(), t) for i, t in enumerate(teks, start=1)))]


# --- closing -----------------------------------------------------------------------------------------


def penutup(k: Konteks) -> list[Blok]:
    """Who drafted it (the Tim Perumus, when recorded), 'Demikian ...', and place and date."""
    data = k.data
    out: list[Blok] = []
    perumus = data.daftar("perumus")
    if perumus:
        ketua = [p.nama for p in perumus if p.jabatan == "ketua"]
        lain = [dengan_jabatan(p.nama, p.jabatan if p.jabatan == "sekretaris" else "")
                for p in perumus if p.jabatan != "ketua"]
        teks = "Berita acara ini dirumuskan oleh Tim Perumus"
        if ketua:
            teks += f" yang diketuai oleh {rangkai(ketua)}"
        if lain:
            teks += f" dengan anggota {rangkai(lain)}"
        out.append(Paragraf(teks + ", dibacakan kembali di hadapan forum, dan disepakati bersama."))
    selesai = jam_acara(data, "waktu_selesai") or f".......... {zona(data)}"
    out.append(Paragraf(f"Musrenbang ditutup oleh pimpinan sidang pukul {selesai}."))
    out.append(Paragraf("Demikian berita acara ini dibuat untuk dipergunakan sebagaimana mestinya."))
    out.append(Paragraf(f"{tempat_ttd(data) or '..........'}, {tanggal_acara(data)}"))
    return out


def _penanda_nip(atas: tuple[str, ...], nama: str, nip: str) -> Penanda:
    return Penanda(atas, nama, (f"NIP. {nip}",) if nip else ())


def tanda_tangan_pimpinan(k: Konteks) -> list[Blok]:
    """The signature block of the pimpinan sidang and the Camat (`sesi.acara.pimpinan_sidang`), NIP under the
    name: one block when the Camat chairs, else the pimpinan sidang and, beside, "Mengetahui, Camat ...".
    A name not recorded is a dotted blank to write by hand."""
    data = k.data
    p = pimpinan_sidang(data)
    if p.camat:
        return [TandaTangan((_penanda_nip(("Pimpinan Sidang,", f"{p.jabatan},"), p.nama, p.nip),))]
    atas = ("Pimpinan Sidang,",) + ((f"{p.jabatan},",) if p.jabatan else ())
    return [TandaTangan((_penanda_nip(atas, p.nama, p.nip),
                         _penanda_nip(("Mengetahui,", f"{jabatan_camat(data)},"), data.info.camat.strip(),
                                      data.info.nip_camat)))]


def tanda_tangan_perumus(k: Konteks) -> list[Blok]:
    """The tim perumus's signature block: ketua, sekretaris, then the anggota, from the perumus table; a
    dotted blank for a ketua or sekretaris not recorded."""
    perumus = k.data.daftar("perumus")
    penanda = []
    for jabatan, label in (("ketua", "Ketua"), ("sekretaris", "Sekretaris")):
        orang = [p.nama for p in perumus if p.jabatan == jabatan] or [""]
        penanda += [Penanda((f"{label} Tim Perumus,",), n) for n in orang]
    penanda += [Penanda(("Anggota Tim Perumus,",), p.nama) for p in perumus if p.jabatan not in ("ketua", "sekretaris")]
    return [Paragraf("Tim Perumus:"), TandaTangan(tuple(penanda))]


def tanda_tangan(k: Konteks) -> list[Blok]:
    """The signature table: one row per unsur present (or with a signatory: `sesi.pleno.wakil_unsur`, which
    gives the Camat of the session until Pleno II names another), in UNSUR's order, three lines high to
    sign by hand."""
    data, r = k.data, k.rekap
    ttd = wakil_unsur(data)
    rows = []
    for unsur in UNSUR:
        if unsur not in r.per_unsur and unsur not in ttd:
            continue
        p = ttd.get(unsur)
        rows.append((str(len(rows) + 1), label_unsur(data, unsur), p.nama if p else "", p.jabatan if p else "", ""))
    for unsur, p in ttd.items():  # an unsur key the app does not know (file edited elsewhere)
        if unsur not in UNSUR:
            rows.append((str(len(rows) + 1), label_unsur(data, p.unsur or unsur), p.nama, p.jabatan, ""))
    tabel = TabelDokumen((KolomDokumen("No", True), KolomDokumen("Unsur"), KolomDokumen("Nama", min_teks=18),
                          KolomDokumen("Jabatan/Lembaga", min_teks=14), KolomDokumen("Tanda tangan", min_teks=14)),
                         tuple(rows), tinggi=3)
    return tanda_tangan_pimpinan(k) + tanda_tangan_perumus(k) + [
        Paragraf("Yang menandatangani, wakil setiap unsur peserta:"), tabel]


def tembusan(k: Konteks) -> list[Blok]:
    """Copies: the head of the region, the planning agency, and the SKPD of Lampiran II."""
    data = k.data
    skpd = [s for s, _ in k.prioritas if not s.startswith("(")]  # not "(SKPD belum ditentukan)"
    return [Paragraf("Tembusan:"),
            Daftar((Butir(f"{kepala_daerah(data)} {nama_kota(data)};"),
                    Butir(f"Kepala {bappeda(data)};"),
                    Butir("Kepala Perangkat Daerah terkait" + (f": {rangkai(skpd)}." if skpd else "."))))]


def keterangan_pengesahan(k: Konteks) -> list[Blok]:
    """When signed: version, signer, time, fingerprint, and the signed version this one replaces."""
    s = k.sah
    if not s.disahkan:
        return []
    baris = [("Versi", str(s.versi)), ("Disahkan oleh", s.nama), ("Waktu", f"{s.waktu_teks} {zona(k.data)}"),
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
    out: list[Blok] = [Judul("Keterangan pengesahan (sidik jari SHA-256)", 4), Pasangan(tuple(baris))]
    if s.tetap:
        hal = s.tetap["hal_terbuka"]
        out.append(Paragraf(f"Disahkan walaupun masih terdapat {dengan_terbilang(len(hal))} hal yang belum "
                            f"selesai, dengan alasan pimpinan sidang: {tanpa_titik(s.tetap['alasan'])}. Hal yang "
                            "belum selesai pada saat pengesahan:"))
        out.append(Daftar(tuple(Butir(h) for h in hal)))
    return out


#: The body's parts in the order the document reads.
BAGIAN: tuple[Callable[[Konteks], list[Blok]], ...] = (
    status, kepala, pembukaan, kehadiran, pertimbangan, menyepakati, penutup, tanda_tangan, tembusan,
    keterangan_pengesahan)
