"""The built-in demo session: Musrenbang Kecamatan Banjarmasin Utara, February 2027 (RKPD 2028).

Invented people, real kelurahan and SKPD names, realistic usulan. Built through the same `sesi` actions
the app uses, with a fixed clock and seed, so the same file comes out every time.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from itertools import count

from sesi import catatan, kelompok, pendaftaran, persiapan, pleno, skor, usulan
from sesi.acara import ubah_acara
from sesi.store import Store
from sesi.transaksi import Pelaku

TANGGAL = "2027-02-09"

INFRA = "Infrastruktur dan Kewilayahan"
EKONOMI = "Ekonomi"
SOSBUD = "Sosial Budaya"

# kegiatan, masalah, volume, satuan, biaya per satuan, jenis, bidang, skpd
KEGIATAN = {
    "titian": ("Pembangunan jalan titian ulin", "Akses warga terputus saat air pasang", 700, "m", 1_500_000,
               "fisik", INFRA, "Dinas PUPR"),
    "peninggian": ("Peninggian badan jalan rawan banjir", "Jalan tergenang setiap musim hujan", 350, "m",
                   2_500_000, "fisik", INFRA, "Dinas PUPR"),
    "drainase": ("Normalisasi saluran drainase", "Saluran tersumbat sedimen dan sampah", 450, "m", 1_500_000,
                 "fisik", INFRA, "Dinas PUPR"),
    "sungai": ("Normalisasi sungai kecil", "Pendangkalan sungai menghambat aliran dan kelotok", 1200, "m",
               1_000_000, "fisik", INFRA, "Dinas PUPR"),
    "jembatan": ("Pembangunan jembatan ulin", "Jembatan lama lapuk dan membahayakan anak sekolah", 12, "m",
                 40_000_000, "fisik", INFRA, "Dinas PUPR"),
    "siring": ("Rehabilitasi siring sungai", "Tebing sungai longsor mengancam rumah warga", 200, "m",
               4_500_000, "fisik", INFRA, "Dinas PUPR"),
    "pju": ("Pemasangan lampu penerangan jalan umum (PJU)", "Gang gelap pada malam hari, rawan kejahatan", 40,
            "titik", 8_000_000, "fisik", INFRA, "Disperkim"),
    "kumuh": ("Penataan kawasan permukiman kumuh", "Rumah padat di bantaran sungai tanpa sanitasi layak", 1,
              "paket", 1_500_000_000, "fisik", INFRA, "Disperkim"),
    "tps3r": ("Pembangunan TPS3R", "Sampah rumah tangga dibuang ke sungai", 1, "unit", 750_000_000, "fisik",
              INFRA, "DLH"),
    "halte": ("Pembangunan halte angkutan umum", "Penumpang menunggu di tepi jalan tanpa peneduh", 2, "unit",
              75_000_000, "fisik", INFRA, "Dishub"),
    "dermaga": ("Pembangunan dermaga kelotok", "Warga naik-turun kelotok di batang kayu yang licin", 1, "unit",
                400_000_000, "fisik", INFRA, "Dishub"),
    "posyandu": ("Rehabilitasi gedung posyandu", "Atap bocor dan lantai rusak", 1, "unit", 150_000_000,
                 "fisik", SOSBUD, "Dinas Kesehatan"),
    "pmt": ("Pemberian makanan tambahan bagi balita stunting", "Angka balita stunting masih tinggi", 120,
            "orang", 600_000, "non-fisik", SOSBUD, "Dinas Kesehatan"),
    "kader": ("Pelatihan kader posyandu", "Kader belum terlatih mengukur tumbuh kembang balita", 30, "orang",
              1_500_000, "non-fisik", SOSBUD, "Dinas Kesehatan"),
    "kelas": ("Rehabilitasi ruang kelas sekolah dasar", "Ruang kelas rusak sedang", 3, "unit", 150_000_000,
              "fisik", SOSBUD, "Dinas Pendidikan"),
    "disabilitas": ("Bantuan alat bantu bagi penyandang disabilitas", "Warga disabilitas belum memiliki kursi "
                    "roda dan alat bantu dengar", 25, "unit", 3_000_000, "non-fisik", SOSBUD, "Dinas Sosial"),
    "kekerasan": ("Sosialisasi pencegahan kekerasan terhadap perempuan dan anak", "Kasus kekerasan dalam rumah "
                  "tangga belum banyak dilaporkan", 1, "paket", 25_000_000, "non-fisik", SOSBUD, "DP3A"),
    "lapangan": ("Pembangunan lapangan olahraga", "Pemuda tidak memiliki tempat berolahraga", 1, "unit",
                 300_000_000, "fisik", SOSBUD, "Disbudporapar"),
    "menjahit": ("Pelatihan menjahit bagi ibu rumah tangga", "Ibu rumah tangga belum berpenghasilan", 30,
                 "orang", 3_000_000, "non-fisik", EKONOMI, "Disperdagin"),
    "kue": ("Pelatihan pembuatan kue dan roti", "Usaha rumahan belum berkembang", 25, "orang", 2_500_000,
            "non-fisik", EKONOMI, "Disperdagin"),
    "motor": ("Pelatihan servis sepeda motor bagi pemuda", "Pemuda putus sekolah belum bekerja", 20, "orang",
              4_000_000, "non-fisik", EKONOMI, "Disperdagin"),
    "komputer": ("Pelatihan komputer dan pemasaran daring", "UMKM belum memasarkan produk secara daring", 30,
                 "orang", 2_500_000, "non-fisik", EKONOMI, "Diskominfotik"),
    "keramba": ("Pelatihan budidaya ikan dalam keramba", "Potensi sungai untuk perikanan belum dimanfaatkan", 20,
                "orang", 3_000_000, "non-fisik", EKONOMI, "DKP3"),
    "pekarangan": ("Bantuan bibit hortikultura untuk pekarangan", "Pekarangan warga belum produktif", 1, "paket",
                   40_000_000, "fisik", EKONOMI, "DKP3"),
    "pasar": ("Penataan los pasar kelurahan", "Los pasar rusak dan becek", 1, "paket", 500_000_000, "fisik",
              EKONOMI, "Disperdagin"),
    "olahan": ("Pelatihan pengolahan hasil perikanan", "Hasil tangkapan dijual mentah dengan harga rendah", 25,
               "orang", 2_000_000, "non-fisik", EKONOMI, "DKP3"),
}

# Sumber dana as the kelurahan proposed it (sesi/dana.py; "" = belum ditentukan): city works from the APBD
# Kota, kelurahan-scale health and training from the Dana Kelurahan, the rivers and the slum programme with
# provincial and national money, aids for the disabled from CSR.
SUMBER = {"titian": "APBD Kota", "peninggian": "APBD Kota", "drainase": "APBD Kota", "sungai": "APBD Provinsi",
          "jembatan": "APBD Kota", "siring": "APBD Provinsi", "pju": "APBD Kota", "kumuh": "APBN",
          "tps3r": "APBD Kota", "halte": "APBD Kota", "dermaga": "APBD Provinsi", "posyandu": "Dana Kelurahan",
          "pmt": "Dana Kelurahan", "kader": "Dana Kelurahan", "kelas": "APBD Kota", "disabilitas": "CSR",
          "kekerasan": "", "lapangan": "APBD Kota", "menjahit": "Dana Kelurahan", "kue": "Dana Kelurahan",
          "motor": "", "komputer": "APBD Kota", "keramba": "APBD Provinsi", "pekarangan": "",
          "pasar": "APBD Kota", "olahan": "APBD Provinsi"}

# kelurahan -> (jalan, four usulan in the kelurahan's own order)
KELURAHAN = {
    "Alalak Selatan": ("Jl. Alalak Selatan", ["titian", "posyandu", "menjahit", "drainase"]),
    "Alalak Tengah": ("Jl. Alalak Tengah", ["peninggian", "kue", "pju", "pmt"]),
    "Alalak Utara": ("Jl. Alalak Utara", ["titian", "dermaga", "keramba", "kader"]),
    "Antasan Kecil Timur": ("Jl. Antasan Kecil Timur", ["drainase", "kelas", "komputer", "halte"]),
    "Kuin Utara": ("Jl. Kuin Utara", ["siring", "olahan", "disabilitas", "tps3r"]),
    "Pangeran": ("Jl. Pangeran", ["pju", "motor", "posyandu", "kumuh"]),
    "Sungai Andai": ("Jl. Sungai Andai", ["jembatan", "pekarangan", "pmt", "peninggian"]),
    "Sungai Jingah": ("Jl. Sungai Jingah", ["sungai", "menjahit", "lapangan", "pju"]),
    "Sungai Miai": ("Jl. Kayu Tangi", ["drainase", "kue", "kekerasan", "halte"]),
    "Surgi Mufti": ("Jl. Sultan Adam", ["kumuh", "pasar", "kelas", "titian"]),
}

NAMA_L = ["Ahmad Fauzi", "Muhammad Rizki", "Gusti Rahmadi", "Abdul Gani", "Syahrani", "Ahmad Zaini",
          "Muhammad Ilmi", "Rudiansyah", "Fahrurrazi", "Hairil Anwar", "Jailani", "Akhmad Rifani", "Basuki Rahmat",
          "Norhadi", "Saipul Bahri", "Taufik Hidayat", "Wahyudi", "Zulkifli", "Irwansyah", "Khairul Umam",
          "Mahfuzh", "Yusransyah", "Rahmadi Noor", "Hamdan", "Arbani", "Syamsuri", "Fathurrahman", "Junaidi",
          "Aspihani", "Badrun", "Gusti Firdaus", "Ahmad Mubarak", "Syarwani", "Hasanuddin", "Ridwan Ansyari",
          "Muhammad Syahid", "Abdurrahim", "Iberahim", "Salman Alfarisi", "Nafarin"]
NAMA_P = ["Siti Rahmah", "Nurul Hidayah", "Rusmini", "Salmah", "Rina Kartika", "Fitriani", "Norhayati",
          "Jamilah", "Mariana", "Hafizah", "Rabiatul Adawiyah", "Aulia Rahmi", "Nor Aini", "Halimah", "Masitah",
          "Raudah", "Sri Wahyuni", "Normiati", "Lailan Syafitri", "Dewi Sartika", "Mahmudah", "Zainab",
          "Erna Wati", "Husnul Khatimah", "Yuliana"]


def _clock():
    """Times through the morning of the event, one step per transaction."""
    t = datetime.fromisoformat(TANGGAL + "T07:30:00")
    step = count()

    def now() -> datetime:
        return t + timedelta(seconds=20 * next(step))
    return now


def buat_demo(path: str) -> Store:
    """Create the demo session file at `path` (refuses to overwrite) and return its store."""
    rng = random.Random(2027)
    pelaku = Pelaku("demo", "operator")
    store = persiapan.buat_sesi(path, kecamatan="Banjarmasin Utara", kota="Banjarmasin", tahun=2028,
                                tanggal=TANGGAL, tempat="Aula Kantor Camat Banjarmasin Utara",
                                camat="Drs. H. Muhammad Yusuf Effendi", pelaku=pelaku, clock=_clock())
    l_names = iter(NAMA_L)
    p_names = iter(NAMA_P)

    with store.transaksi() as tx:
        persiapan.ubah_info(tx, nomor_ba="050/     /Kec-BJU/2027", tanggal_pengumuman="2027-01-29")
        ubah_acara(tx, waktu_mulai="07.30", nip_camat="197005121995031004")  # the clock of `_clock`
        for waktu, acara in [("07.30-08.30", "Pendaftaran peserta"), ("08.30-09.00", "Pembukaan dan sambutan"),
                             ("09.00-10.00", "Sidang Pleno I: pemaparan narasumber"),
                             ("10.00-12.00", "Sidang Kelompok: verifikasi, skoring dan rating"),
                             ("13.00-14.30", "Sidang Pleno II: pemaparan hasil kelompok dan kesepakatan"),
                             ("14.30-15.00", "Perumusan dan penandatanganan berita acara")]:
            persiapan.simpan_jadwal(tx, waktu, acara)
        persiapan.simpan_tim(tx, "Hj. Rabiatul Adawiyah, S.Sos.", "penyelenggara", "Sekretaris Kecamatan")
        persiapan.simpan_tim(tx, "Ir. Taufik Rahman, M.T.", "narasumber", "Bappedalitbang Kota Banjarmasin",
                             materi="Prioritas pembangunan dan rancangan awal RKPD 2028")
        persiapan.simpan_tim(tx, "H. Syarifuddin, S.H.", "narasumber", "Anggota DPRD Kota Banjarmasin Dapil 5",
                             materi="Pokok-pokok pikiran DPRD")
        persiapan.simpan_tim(tx, "Dra. Hamidah", "narasumber", "Kecamatan Banjarmasin Utara",
                             materi="Evaluasi pembangunan kecamatan tahun 2026")
        fasil = ["Budi Santoso, S.T.", "Lina Marlina, S.E.", "Drs. Abdul Hadi"]
        for nama in fasil:
            persiapan.simpan_tim(tx, nama, "fasilitator", "Fasilitator terlatih")
        persiapan.simpan_sambutan(tx, "Drs. H. Muhammad Yusuf Effendi", "Camat Banjarmasin Utara")
        persiapan.simpan_sambutan(tx, "Wali Kota Banjarmasin (diwakili Asisten Perekonomian dan Pembangunan)",
                                  "Pemerintah Kota Banjarmasin")
        persiapan.simpan_kelompok(tx, "Kelompok I Infrastruktur", [INFRA], fasil[0])
        persiapan.simpan_kelompok(tx, "Kelompok II Ekonomi", [EKONOMI], fasil[1])
        persiapan.simpan_kelompok(tx, "Kelompok III Sosial Budaya", [SOSBUD], fasil[2])

        for kel, (jalan, keys) in KELURAHAN.items():
            for prio, key in enumerate(keys, start=1):
                kegiatan, masalah, vol, sat, harga, jenis, bidang, skpd = KEGIATAN[key]
                vol = max(1, round(vol * rng.choice([0.6, 0.8, 1.0, 1.2]))) if vol > 1 else vol
                rt = rng.randint(1, 30)
                per_satuan = harga if sat != "paket" else ""  # a harga satuan where the unit is a real unit
                usulan.tambah_usulan(tx, kelurahan=kel, prioritas_kelurahan=prio, kegiatan=kegiatan,
                                     masalah=masalah, lokasi=f"RT {rt:02d}, {jalan}", volume=vol, satuan=sat,
                                     perkiraan_biaya=vol * harga, jenis=jenis, bidang=bidang, skpd=skpd,
                                     sumber_dana=SUMBER[key], harga_satuan=per_satuan)

    # Participants, registered before the day.
    with store.transaksi() as tx:
        def orang(unsur: str, perempuan: bool, **kw) -> str:
            nama = kw.pop("nama", None) or (next(p_names) if perempuan else next(l_names))
            return pendaftaran.tambah_peserta(tx, nama=nama, unsur=unsur,
                                              jenis_kelamin="P" if perempuan else "L", **kw)
        orang("camat", False, nama="Drs. H. Muhammad Yusuf Effendi", lembaga="Kecamatan Banjarmasin Utara",
              jabatan="Camat Banjarmasin Utara")
        orang("perangkat_kecamatan", True, nama="Hj. Rabiatul Adawiyah, S.Sos.", lembaga="Kecamatan",
              jabatan="Sekretaris Kecamatan")
        orang("perangkat_kecamatan", False, lembaga="Kecamatan", jabatan="Kasi Pemerintahan")
        orang("perangkat_kecamatan", True, lembaga="Kecamatan", jabatan="Kasi Pembangunan")
        for i, kel in enumerate(KELURAHAN):
            orang("lurah", i % 4 == 1, lembaga=f"Kelurahan {kel}", kelurahan=kel, jabatan=f"Lurah {kel}")
            for j in range(3):
                perempuan = j == 1 and kel != "Sungai Jingah"
                rentan = "disabilitas" if (i, j) in ((2, 2), (6, 0)) else ("lansia" if (i, j) == (4, 2) else "")
                orang("delegasi", perempuan, lembaga=f"LPMK {kel}" if j == 0 else f"Delegasi {kel}",
                      kelurahan=kel, delegasi="ya", rentan=rentan)
        orang("dprd", False, nama="H. Syarifuddin, S.H.", lembaga="DPRD Kota Banjarmasin")
        orang("dprd", True, lembaga="DPRD Kota Banjarmasin")
        for skpd in ["Bappedalitbang", "Dinas PUPR", "Dinas Kesehatan", "Disperdagin", "Disperkim"]:
            orang("skpd", rng.random() < 0.4, lembaga=skpd)
        for _ in range(3):
            orang("tokoh_masyarakat", False, lembaga="Tokoh masyarakat")
        orang("kelompok_masyarakat", True, lembaga="TP PKK Kecamatan")
        orang("kelompok_masyarakat", False, lembaga="Forum LPMK")
        orang("kelompok_masyarakat", True, lembaga="LSM Peduli Sungai")
        orang("narasumber", False, nama="Ir. Taufik Rahman, M.T.", lembaga="Bappedalitbang")
        orang("narasumber", True, nama="Dra. Hamidah", lembaga="Kecamatan Banjarmasin Utara")
        orang("fasilitator", False, nama="Budi Santoso, S.T.", lembaga="Fasilitator")
        orang("fasilitator", True, nama="Lina Marlina, S.E.", lembaga="Fasilitator")
        orang("fasilitator", False, nama="Drs. Abdul Hadi", lembaga="Fasilitator")

    # The morning so far: most have checked in; groups formed; Kelompok I elected and is scoring.
    peserta = list(store.data.peserta.values())
    absen = {p.id for p in rng.sample([p for p in peserta if p.unsur in ("delegasi", "tokoh_masyarakat")], 4)}
    with store.transaksi() as tx:
        for p in peserta:
            if p.id not in absen:
                pendaftaran.hadir(tx, p.id)
        catatan.tambah_catatan(tx, "Camat membuka Musrenbang dan menekankan penanganan banjir dan stunting.",
                               "Camat", "pleno1")
        catatan.tambah_catatan(tx, "Bappedalitbang memaparkan prioritas RKPD 2028: infrastruktur sungai, "
                               "kesehatan ibu dan anak, UMKM.", "Ir. Taufik Rahman, M.T.", "pleno1")
        persiapan.atur_tahap(tx, "kelompok")
    kel_ids = [k.id for k in store.data.kelompok if not k.virtual]
    bidang_kel = {INFRA: kel_ids[0], EKONOMI: kel_ids[1], SOSBUD: kel_ids[2]}
    with store.transaksi() as tx:
        umum = [p for p in tx.data.peserta.values() if p.hadir and p.unsur in (
            "delegasi", "lurah", "tokoh_masyarakat", "kelompok_masyarakat", "skpd", "perangkat_kecamatan")]
        for i, p in enumerate(umum):
            kelompok.atur_anggota(tx, p.id, kel_ids[i % 3])
    with store.transaksi() as tx:
        anggota = tx.data.anggota(kel_ids[0])
        kelompok.pilih_aklamasi(tx, kel_ids[0], "ketua", anggota[0].id)
        kelompok.catat_suara(tx, kel_ids[0], "sekretaris", {anggota[1].id: 7, anggota[2].id: 5})
        kelompok.pilih_aklamasi(tx, kel_ids[0], "notulen", anggota[3].id)
        kelompok.serah_terima(tx, kel_ids[0])
    # Scores: Kelompok I nearly complete, Kelompok II started.
    with store.transaksi() as tx:
        data = tx.data
        for kid, share in ((bidang_kel[INFRA], 0.9), (bidang_kel[EKONOMI], 0.3)):
            for u in data.usulan_kelompok(kid):
                if rng.random() > share:
                    continue
                for k in data.kriteria:
                    skor.atur_skor(tx, u.id, k.kode, rng.choice([2, 3, 3, 4, 4, 5]))
    store.padatkan()  # the demo file alone is the whole session (docs/keandalan.md, "Jurnal")
    return store


def pastikan_demo(path: str) -> tuple[Store, bool]:
    """Open the demo session at `path`, creating it first if absent. Returns (store, created)."""
    import os

    if os.path.exists(path):
        return Store.buka(path), False
    return buat_demo(path), True


__all__ = ["buat_demo", "pastikan_demo", "pleno"]
