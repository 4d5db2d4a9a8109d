"""Property test of issue 11: for random sessions built through the domain actions, the berita acara never
contradicts itself.

Each example: 1-9 usulan in up to three bidang (some bidang with a defined kelompok, some derived), each
left unverified or verified as sesuai, ditolak, cadangan, dialihkan or digabung; scored fully, partly or not
at all; participants of random unsur, present or not; then Pleno II moves, "belum disepakati" and agreement
per kelompok, or nothing. Checked on the document's blocks (`sesi.berita_acara.dokumen`):

- every usulan is a row of exactly one of Lampiran II and Lampiran III, and the usulan cadangan are exactly the
  rows of Lampiran III's own list of them (part B), which KEDUA counts;
- KESATU's total per sumber dana, and the table "Jumlah menurut sumber dana", equal the sums of the Perkiraan
  Biaya of the Lampiran II rows of that source; a row notes volume x harga satuan exactly when it differs
  from the biaya (issue 11 item 4);
- KESATU's count is the number of rows of Lampiran II, KEDUA's the rows of Lampiran III, the attendance
  total and each unsur's count the rows of Lampiran I;
- every kelompok is named in the considerations, and its counts there equal its rows in Lampiran II and III;
- an unverified usulan is never in Lampiran II, and F9 warns about it;
- the notulen lampiran: every count it states ("sebanyak N catatan/tanggapan/keputusan") equals the rows or
  items that follow it, and the susunan acara has one row per jadwal entry;
- every "Lampiran X" the body cites exists, and the sentences about the agenda, the attendance and the
  notulen cite the lampiran with that title.

Bounded for CI (25 examples, about 10 s); `MUSRENBANG_LAMA=1` runs 300.
"""

from __future__ import annotations

import os
import re
import tempfile
from datetime import datetime
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sesi import catatan, kelompok, kriteria, pendaftaran, persiapan, pleno, skor, usulan, verifikasi
from sesi.berita_acara import Butir, Daftar, Judul, Klausul, Paragraf, TabelDokumen, dokumen, lampiran
from sesi.berita_acara.dana import JUDUL_CADANGAN
from sesi.dana import catatan_harga
from sesi.format import rupiah
from sesi.terbilang import romawi
from sesi.errors import DataDitolak
from sesi.model import UNSUR
from sesi.sebutan import label_unsur
from sesi.peringatan import peringatan, sebut_kelompok
from sesi.store import Pelaku
from sesi.urutan import terverifikasi

from emas import bagian_dokumen

LAMA = bool(os.environ.get("MUSRENBANG_LAMA"))
BIDANG = ["Infrastruktur", "Ekonomi", "Sosial Budaya"]
KELURAHAN = ["Alalak Utara", "Kuin Utara", "Sungai Miai"]
SKPD = ["Dinas PUPR", "Disperkim", "DLH"]

usulan_st = st.fixed_dictionaries({
    "bidang": st.sampled_from(BIDANG),
    "kelurahan": st.sampled_from(KELURAHAN),
    "skpd": st.sampled_from(SKPD),
    "status": st.sampled_from(["baru", "sesuai", "sesuai", "sesuai", "ditolak", "cadangan", "dialihkan",
                               "digabung"]),
    "nilai": st.sampled_from(["penuh", "penuh", "sebagian", "tidak"]),
    "k1": st.integers(1, 3),
    "k2": st.integers(1, 3),
    # issue 11 item 4: a source as people write it ("" = belum ditentukan), a cost, and a harga satuan that
    # agrees, disagrees or is absent
    "sumber": st.sampled_from(["", "APBD Kota", "apbd provinsi", "APBN", "Dana Kelurahan", "CSR", "apbd_daerah"]),
    "biaya": st.sampled_from(["", "1500000", "2750000.5", "90000000"]),
    "volume": st.sampled_from(["", "3", "1.5"]),
    "harga": st.sampled_from(["", "", "500000", "60000000"]),
})
peserta_st = st.tuples(st.sampled_from(list(UNSUR)), st.booleans(), st.sampled_from(["L", "P", ""]))
notulen_st = st.lists(st.tuples(st.sampled_from(["catatan", "tanggapan", "jadwal"]),
                                st.sampled_from(["pleno1", "pleno2", "kelompok"]), st.integers(0, 8)), max_size=6)
pleno_st = st.lists(st.tuples(st.sampled_from(["naik", "turun", "belum", "sepakati"]), st.integers(0, 8),
                              st.integers(0, 2)), max_size=6)




def _baris(blok) -> list[tuple[str, ...]]:
    """The rows of the lampiran's usulan tables (those numbered "No"; not the sums by sumber dana)."""
    return [r for b in blok if isinstance(b, TabelDokumen) and b.kolom[0].judul == "No" for r in b.baris]


def _rupiah(teks: str) -> Decimal:
    """'Rp2.750.000,50' -> Decimal('2750000.50'); '' -> 0."""
    return Decimal(teks.removeprefix("Rp").replace(".", "").replace(",", ".") or "0")


def _tabel_sesudah(blok, judul: str) -> TabelDokumen | None:
    """The first table after the heading `judul` in `blok`."""
    sesudah = False
    for b in blok:
        sesudah = sesudah or (isinstance(b, Judul) and b.teks == judul)
        if sesudah and isinstance(b, TabelDokumen):
            return b
    return None


def _angka(teks: str, pola: str) -> int | None:
    m = re.search(pola, teks)
    return int(m.group(1)) if m else None


def _bangun(tmp: str, kel_def: list[str], usulan_list: list[dict], peserta: list, langkah: list,
            catat: list = ()):
    jam = iter(datetime(2027, 2, 9, 8, m) for m in range(59)).__next__
    store = persiapan.buat_sesi(os.path.join(tmp, "sesi.json"), kecamatan="Banjarmasin Utara", kota="Banjarmasin",
                                tahun=2028, tanggal="2027-02-09", tempat="Aula", camat="Drs. Camat Uji",
                                pelaku=Pelaku("Operator Uji", "operator"), clock=jam)
    with store.transaksi() as tx:
        kriteria.ganti_semua_kriteria(tx, [kriteria.kriteria_record("K1", "Kriteria 1", "2"),
                                            kriteria.kriteria_record("K2", "Kriteria 2", "1")])
        kel_id = {b: persiapan.simpan_kelompok(tx, f"Kelompok {b}", [b]) for b in kel_def}
        pid = []
        for i, (unsur, hadir, jk) in enumerate(peserta):
            pid.append(pendaftaran.tambah_peserta(tx, nama=f"Peserta {i}", unsur=unsur, jenis_kelamin=jk,
                                                  kelurahan=KELURAHAN[i % 3], hadir=hadir))
        ids = []
        for i, u in enumerate(usulan_list):
            ids.append(usulan.tambah_usulan(tx, f"U{i:03d}", kelurahan=u["kelurahan"], prioritas_kelurahan=i + 1,
                                            kegiatan=f"Kegiatan nomor {i}", bidang=u["bidang"], skpd=u["skpd"],
                                            sumber_dana=u["sumber"], perkiraan_biaya=u["biaya"],
                                            volume=u["volume"], harga_satuan=u["harga"]))
        for p in pid:  # members and a ketua for the first kelompok, so some have one and some not
            if kel_def:
                try:
                    kelompok.atur_anggota(tx, p, kel_id[kel_def[0]])
                except DataDitolak:
                    pass
    with store.transaksi() as tx:
        anggota = [p for p in tx.data.anggota(kel_id[kel_def[0]])] if kel_def else []
        if anggota:
            kelompok.pilih_aklamasi(tx, kel_id[kel_def[0]], "ketua", anggota[0].id)
        for uid, u in zip(ids, usulan_list):  # scored first: a rejected usulan takes no score
            if u["nilai"] != "tidak":
                skor.atur_skor(tx, uid, "K1", u["k1"])
            if u["nilai"] == "penuh":
                skor.atur_skor(tx, uid, "K2", u["k2"])
        for i, (uid, u) in enumerate(zip(ids, usulan_list)):
            s = u["status"]
            try:  # a refusal (merging into a rejected usulan, ...) is checked before anything is written
                if s == "sesuai":
                    verifikasi.verifikasi(tx, uid, "sesuai")
                elif s in ("ditolak", "cadangan"):
                    verifikasi.verifikasi(tx, uid, s, "Alasan uji")
                elif s == "dialihkan":
                    verifikasi.verifikasi(tx, uid, "dialihkan", "Salah kamar", skpd_baru="Dinas Sosial")
                elif s == "digabung" and i > 0:
                    verifikasi.verifikasi(tx, uid, "digabung", gabung_ke=ids[0])
            except DataDitolak:
                pass
    with store.transaksi() as tx:  # the notulen's work: notes, tanggapan (some answered), the agenda
        for n, (jenis, tahap, i) in enumerate(catat):
            if jenis == "catatan":
                catatan.tambah_catatan(tx, f"Catatan {n}", f"Pembicara {i}" if i % 2 else "", tahap)
            elif jenis == "tanggapan":
                catatan.tambah_tanggapan(tx, f"Penanggap {i}", f"Tanggapan {n}", usulan=ids[i % len(ids)],
                                         jawaban=f"Jawaban {n}" if i % 2 else "")
            else:
                persiapan.simpan_jadwal(tx, f"{8 + n:02d}.00", f"Acara {n}")
    for aksi, i, k in langkah:
        if not ids:
            break
        uid = ids[i % len(ids)]
        kid = list(kel_id.values())[k % len(kel_id)] if kel_id else ""
        try:
            with store.transaksi() as tx:
                if aksi in ("naik", "turun"):
                    pleno.geser(tx, tx.data.kelompok_usulan[uid], uid, -1 if aksi == "naik" else 1, "Alasan forum")
                elif aksi == "belum":
                    pleno.tandai_belum_disepakati(tx, uid, "Belum disepakati forum")
                elif kid:
                    pleno.sepakati_kelompok(tx, kid)
        except DataDitolak:
            pass
    return store.muat()


@settings(max_examples=300 if LAMA else 25, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(kel_def=st.lists(st.sampled_from(BIDANG), unique=True, max_size=3),
       usulan_list=st.lists(usulan_st, min_size=1, max_size=9),
       peserta=st.lists(peserta_st, max_size=6), langkah=pleno_st, catat=notulen_st)
def test_berita_acara_tidak_bertentangan(kel_def, usulan_list, peserta, langkah, catat):
    with tempfile.TemporaryDirectory() as tmp:
        data = _bangun(tmp, kel_def, usulan_list, peserta, langkah, catat)
    bagian = bagian_dokumen(dokumen(data))
    _cek_lampiran_baru(data, bagian)
    kegiatan = {u.kegiatan: u for u in data.usulan.values()}

    # Every usulan exactly once in Lampiran II or III.
    lamp2 = _baris(bagian["II"])
    lamp3 = _baris(bagian["III"])
    nama2 = [r[1].split(" (")[0] for r in lamp2]
    nama3 = [r[1] for r in lamp3]
    assert sorted(nama2 + nama3) == sorted(kegiatan)

    # The usulan cadangan: their own list in Lampiran III (part B), exactly the cadangan, counted by KEDUA.
    tabel_cadangan = _tabel_sesudah(bagian["III"], JUDUL_CADANGAN)
    cadangan = sorted(u.kegiatan for u in data.usulan.values() if u.status == "cadangan")
    assert sorted(r[1] for r in (tabel_cadangan.baris if tabel_cadangan else ())) == cadangan
    klausul = next(b for b in bagian["badan"] if isinstance(b, Klausul))
    assert (_angka(klausul.butir[1][1], r"termasuk (\d+) \(\w+\) usulan cadangan") or 0) == len(cadangan)

    # Sumber dana: KESATU's totals and the table of sums equal the Lampiran II rows of each source; the row
    # notes volume x harga satuan exactly when it is not the biaya.
    kolom2 = next(b.kolom for b in bagian["II"] if isinstance(b, TabelDokumen) and b.kolom[0].judul == "No") \
        if lamp2 else ()
    i_biaya = [c.judul for c in kolom2].index("Perkiraan Biaya") if lamp2 else 0
    i_sumber = [c.judul for c in kolom2].index("Sumber Dana") if lamp2 else 0
    per_sumber: dict[str, list] = {}
    for r in lamp2:
        jumlah = per_sumber.setdefault(r[i_sumber], [0, Decimal(0)])
        jumlah[0] += 1
        jumlah[1] += _rupiah(r[i_biaya])
        u = kegiatan[r[1].split(" (")[0]]
        assert ("(catatan: " in r[1]) == bool(catatan_harga(u)), r[1]
    kesatu_teks = klausul.butir[0][1]
    rincian = kesatu_teks.split("menurut sumber dana: ", 1)[1].rstrip(".").split("; ") if lamp2 else []
    assert len(rincian) == len(per_sumber)
    for label, (n, total) in per_sumber.items():
        assert any(b.startswith(f"{label} {rupiah(total)} ({n} (") for b in rincian), (label, total, rincian)
    tabel_sumber = next((b for b in bagian["II"] if isinstance(b, TabelDokumen)
                         and b.kolom[0].judul == "Sumber Dana"), None)
    if lamp2:
        assert {r[0]: (int(r[1]), _rupiah(r[2])) for r in tabel_sumber.baris[:-1]} == \
            {k: (n, t) for k, (n, t) in per_sumber.items()}
        assert tabel_sumber.baris[-1] == ("Jumlah", str(len(lamp2)), rupiah(sum(t for _, t in per_sumber.values())))
    else:
        assert tabel_sumber is None

    # The counts the body states equal the rows of the lampiran they cite.
    kesatu, kedua = klausul.butir[0][1], klausul.butir[1][1]
    assert (_angka(kesatu, r"sebanyak (\d+) \(") or 0) == len(lamp2)
    assert (_angka(kedua, r"sebanyak (\d+) \(") or 0) == len(lamp3)
    assert ("Tidak ada usulan" in kedua) == (not lamp3)
    lamp1 = _baris(bagian["I"])
    pembuka = next(b.teks for b in bagian["badan"] if isinstance(b, Paragraf) and b.teks.startswith("Pada hari"))
    assert (_angka(pembuka, r"dihadiri oleh (\d+) \(") or 0) == len(lamp1)
    daftar_unsur = next((b for b in bagian["badan"] if isinstance(b, Daftar) and b.huruf), None)
    per_unsur = {}
    for butir in (daftar_unsur.butir if daftar_unsur else ()):
        label, jumlah = butir.teks.rsplit(": ", 1)
        per_unsur[label] = int(jumlah.split()[0])
    hadir_per_unsur: dict[str, int] = {}
    for r in lamp1:
        label = r[2]  # "Unsur, lembaga": these participants have no lembaga
        hadir_per_unsur[label] = hadir_per_unsur.get(label, 0) + 1
    assert per_unsur == hadir_per_unsur

    # Every kelompok named, with its own counts matching its rows.
    hasil = next(b for d in bagian["badan"] if isinstance(d, Daftar) for b in d.butir
                 if b.teks.startswith("hasil Sidang Kelompok"))
    for kel in data.kelompok:
        kalimat = next(a for a in hasil.anak if a.startswith(sebut_kelompok(kel.nama) + " ("))
        milik = [u for u in data.usulan.values() if data.kelompok_usulan[u.id] == kel.id]
        di2 = sum(1 for n in nama2 if data.kelompok_usulan[kegiatan[n].id] == kel.id)
        di3 = sum(1 for n in nama3 if data.kelompok_usulan[kegiatan[n].id] == kel.id)
        assert di2 + di3 == len(milik)
        assert (_angka(kalimat, r"(\d+) \([a-z ]+\) masuk daftar prioritas") or 0) == di2
        assert (_angka(kalimat, r"(\d+) \([a-z ]+\) belum disepakati \(Lampiran III\)") or 0) == di3
        if not kel.virtual and not kel.ketua:
            assert "belum memilih ketua" in kalimat

    # Unverified usulan are never agreed, and F9 says so.
    belum = [u for u in data.usulan.values() if not terverifikasi(u)]
    assert not any(kegiatan[n].status == "baru" for n in nama2)
    assert any("belum diverifikasi" in w for w in peringatan(data)) == bool(belum)
    assert all(label_unsur(data, k) in per_unsur for k in {p.unsur for p in data.peserta.values() if p.hadir})
    assert isinstance(hasil, Butir)


def _cek_lampiran_baru(data, bagian) -> None:
    """The notulen's stated counts equal what follows them; the agenda's rows the jadwal; every reference in
    the body names an existing lampiran, the right one for the agenda, attendance and notulen."""
    nomor = {f: romawi(lampiran.nomor_lampiran(f)) for f in (lampiran.susunan_acara, lampiran.notulen_sidang,
                                                              lampiran.daftar_hadir)}
    notulen = bagian[nomor[lampiran.notulen_sidang]]
    for i, b in enumerate(notulen):
        if isinstance(b, Paragraf) and (n := _angka(b.teks, r"sebanyak (\d+) \(")) is not None:
            berikut = notulen[i + 1]
            isi = berikut.baris if isinstance(berikut, TabelDokumen) else berikut.butir
            assert len(isi) == n, b.teks
    semua = {"catatan": len(data.daftar("catatan")), "tanggapan": len(data.daftar("tanggapan")),
             "keputusan": len(data.daftar("keputusan"))}
    tercatat = {k: 0 for k in semua}
    for b in notulen:
        if isinstance(b, Paragraf):
            for jenis in semua:
                n = _angka(b.teks, rf"sebanyak (\d+) \([a-z ]+\) {jenis}")
                tercatat[jenis] += n or 0
    assert tercatat == semua
    jadwal = _baris(bagian[nomor[lampiran.susunan_acara]])
    assert len(jadwal) == len(data.daftar("jadwal"))
    judul = {k: next(b.teks for b in v if isinstance(b, Judul) and b.tingkat == 3) for k, v in bagian.items()
             if k != "badan"}
    teks = " ".join(" ".join(b.teks.split()) for b in bagian["badan"] if isinstance(b, Paragraf))
    klausul = " ".join(t for b in bagian["badan"] if isinstance(b, Klausul) for _, t in b.butir)
    for n in re.findall(r"Lampiran ([IVXL]+)", teks + klausul):
        assert n in judul
    for pola, awal in ((r"susunan acara sebagaimana tercantum dalam Lampiran ([IVX]+)", "SUSUNAN ACARA"),
                       (r"peserta sebagaimana tercantum dalam Lampiran ([IVX]+)", "DAFTAR HADIR"),
                       (r"notulen sebagaimana tercantum dalam Lampiran ([IVX]+)", "NOTULEN")):
        m = re.search(pola, teks)
        assert m and judul[m.group(1)].startswith(awal), pola
