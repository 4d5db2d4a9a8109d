"""End to end through the CLI (issue 12, "Done means"): a kabupaten session with desa, from `baru` to a
signed berita acara, with no "Kota" and no "Kelurahan" anywhere the user reads where desa are meant.

`baru` gets the 14 desa of Kecamatan Dayeuhluhur from the bundled Kemendagri data; the usulan come from the
users' own file (tests/data/kasus/usulan-desa-opd-kabupaten.csv: `No;Desa;Prioritas;Usulan Kegiatan;...;OPD;
Bidang`, the import's aliases of issue 13) and one more in the import's own column names; the pimpinan signs
from the CLI and `periksa` confirms the code on the paper. A kecamatan the data does not know gets its desa
from that first file.
"""

from __future__ import annotations

import re
from pathlib import Path

from musrenbang_tui.cli import main

SALAH = re.compile(r"(?<!ibu )\b(kota|kelurahan|lurah|wali)\b", re.IGNORECASE)  # "ibu kota kecamatan" is meant

KASUS = Path(__file__).parent / "data" / "kasus" / "usulan-desa-opd-kabupaten.csv"
USULAN = """id;kelurahan;prioritas_kelurahan;kegiatan;lokasi;volume;satuan;perkiraan_biaya;jenis;skpd;bidang
DYL-04;Ciwalen;1;Pembangunan sarana air bersih;Dusun Ciwalen;1;paket;150.000.000;fisik;Dinas PUPR;Infrastruktur dan Kewilayahan
"""

PESERTA = """nama,unsur,lembaga,kelurahan,jenis_kelamin,delegasi,hadir
Drs. Wahyu Hidayat,camat,Kecamatan Dayeuhluhur,,L,tidak,ya
Sutarno,kepala desa,Pemerintah Desa Panulisan Barat,Panulisan Barat,L,tidak,ya
Euis Rohaeni,kepala desa,Pemerintah Desa Hanum,Hanum,P,tidak,ya
Dedi Kurniawan,delegasi,BPD Panulisan Barat,Panulisan Barat,L,ya,ya
Nining Sumarni,delegasi,,Matenggeng,P,ya,ya
Agus Salim,skpd,Dinas PUPR,,L,tidak,ya
"""


def _skor() -> str:
    nilai = {"U001": (5, 4, 4, 4, 3), "U002": (4, 4, 5, 4, 3), "U003": (4, 3, 4, 5, 3), "DYL-04": (4, 5, 4, 4, 2)}
    baris = ["usulan_id,kriteria,nilai"]
    baris += [f"{uid},K{i},{v}" for uid, vals in nilai.items() for i, v in enumerate(vals, start=1)]
    return "\n".join(baris) + "\n"


def test_sesi_kabupaten_dari_baru_sampai_berita_acara_disahkan(tmp_path: Path, capsys):
    berkas = tmp_path / "dyl-2027.json"
    for nama, isi in (("usulan.csv", USULAN), ("peserta.csv", PESERTA), ("skor.csv", _skor())):
        (tmp_path / nama).write_text(isi, encoding="utf-8")

    assert main(["baru", str(berkas), "--kecamatan", "Dayeuhluhur", "--kabupaten", "Cilacap", "--tahun", "2028",
                 "--tanggal", "2027-02-04", "--tempat", "Aula Kantor Kecamatan Dayeuhluhur",
                 "--camat", "Drs. Wahyu Hidayat", "--bappeda", "Bappelitbangda Kabupaten Cilacap"]) == 0
    assert main(["impor", "usulan", str(berkas), str(KASUS), "--terima-saran"]) == 0  # 'Infrastruktur' -> '... dan Kewilayahan'
    for jenis in ("usulan", "peserta", "skor"):
        assert main(["impor", jenis, str(berkas), str(tmp_path / f"{jenis}.csv")]) == 0
    keluaran = {}
    for dokumen, fmt in (("peringkat", "txt"), ("peringkat", "md"), ("daftar-hadir", "csv"), ("berita-acara", "txt")):
        berkas_keluar = tmp_path / f"{dokumen}.{fmt}"
        assert main(["ekspor", dokumen, str(berkas), "--format", fmt, "-o", str(berkas_keluar)]) == 0
        keluaran[f"{dokumen}.{fmt}"] = berkas_keluar.read_text(encoding="utf-8")
    # Open points (no kelompok agreed in Pleno II, unsur without a signatory) are named in the desa's words;
    # the pimpinan signs anyway with a reason, which the document prints.
    assert main(["sahkan", str(berkas), "--nama", "Drs. Wahyu Hidayat"]) == 1
    assert main(["sahkan", str(berkas), "--nama", "Drs. Wahyu Hidayat", "--tetap", "--alasan",
                 "Daftar per bidang disepakati langsung dalam pleno"]) == 0
    out = capsys.readouterr()
    kode = re.search(r"Sidik jari: ([0-9A-F]{4}(?:-[0-9A-F]{4}){3})", out.out + out.err)
    assert kode, out.out + out.err
    assert main(["periksa", str(berkas), "--sidik-jari", kode.group(1)]) == 0
    for fmt in ("md", "txt"):
        berkas_keluar = tmp_path / f"ba-sah.{fmt}"
        assert main(["ekspor", "berita-acara", str(berkas), "--format", fmt, "-o", str(berkas_keluar)]) == 0
        keluaran[f"ba-sah.{fmt}"] = berkas_keluar.read_text(encoding="utf-8")
    pesan = capsys.readouterr()
    keluaran["cli"] = out.out + out.err + pesan.out + pesan.err

    for nama, teks in keluaran.items():
        assert not SALAH.search(teks), (nama, [b for b in teks.splitlines() if SALAH.search(b)])
    ba = keluaran["ba-sah.txt"]
    assert "DISAHKAN" in ba and kode.group(1).replace("-", "").lower() in ba.replace("-", "").lower()
    for kata in ("PEMERINTAH KABUPATEN CILACAP", "Kepala Desa: 2 (dua) orang", "Delegasi Desa: 2 (dua) orang",
                 "1. Bupati Cilacap;", "2. Kepala Bappelitbangda Kabupaten Cilacap;", "Dayeuhluhur, 4 Februari 2027",
                 "Lokasi (Desa)", "HIMPUNAN HASIL MUSRENBANG DESA", "Kepentingan lintas desa", "WIB"):
        assert kata in ba, kata
    assert "14 desa, 5 kriteria baku." in keluaran["cli"]
    assert "Lembaga/Desa" in keluaran["daftar-hadir.csv"]


def test_kecamatan_tanpa_daftar_mendapat_desa_dari_berkas_pertama(tmp_path: Path, capsys):
    """Not in the bundled data (a made-up kecamatan): the first usulan file's `Desa` column fills the list, each
    recorded as a desa, and the document words them so."""
    berkas = tmp_path / "baru.json"
    assert main(["baru", str(berkas), "--kecamatan", "Sukamaju", "--kabupaten", "Cilacap", "--tahun", "2028",
                 "--tanggal", "2027-02-04", "--tempat", "Aula"]) == 0
    assert main(["impor", "usulan", str(berkas), str(KASUS), "--terima-saran"]) == 0
    out = capsys.readouterr().out
    assert "3 desa ditambahkan dari berkas: Panulisan Barat, Matenggeng, Hanum." in out
    assert main(["ekspor", "berita-acara", str(berkas), "--format", "txt", "-o", str(tmp_path / "ba.txt")]) == 0
    ba = (tmp_path / "ba.txt").read_text(encoding="utf-8")
    # The default criteria were named at `baru`, before the list was known: "lintas desa/kelurahan", as the
    # guide words them (docs/tata-cara.md section 4). Everything worded from the wilayah says desa.
    ba = re.sub(r"desa/\s*kelurahan", "desa", ba)
    assert not SALAH.search(ba), [b for b in ba.splitlines() if SALAH.search(b)]
    assert "Hasil Musrenbang Desa menurut urutan prioritas masing-masing desa" in ba
    assert "HIMPUNAN HASIL MUSRENBANG DESA" in ba
