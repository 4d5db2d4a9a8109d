"""The `musrenbang` command. Commands that do not open the UI never import Textual.

Exit status: 0 success; 1 data refused or a problem found (message on stderr, store unchanged);
2 usage error; 3 an unexpected error (details in the log file named on stderr).
"""

from __future__ import annotations

import os
import sys
import traceback
from typing import Callable, Sequence

from sesi.model import AGENDA_TAHAP, tahap_layar

from .argparse_id import pasang

pasang()

#: The --layar choices, in agenda order ("berita-acara"); `tahap_layar` turns one into its stage.
LAYAR = [t.layar for t in AGENDA_TAHAP]
PERAN = ["operator", "fasilitator", "notulen", "pimpinan", "tayang"]


from .argumen import parser as _parser


# --- helpers ---------------------------------------------------------------------------------------


def _err(msg: str) -> None:
    print(msg, file=sys.stderr)


def _tampak(text: object) -> str:
    """Text from a session file or a message, safe to print: every control, bidi and zero-width character
    shown in ASCII by the shared rule (`sesi.teks.tampak`: ESC -> `<ESC>`, U+202E -> `<U+202E>`); newlines
    kept. The one place `periksa`, `sahkan`, `buka-kunci` and `peran` print through."""
    from sesi.teks import tampak

    return tampak(str(text), baris_baru=True)


def _out(text: str, path: str | None) -> None:
    """Print `text`, or write it where `-o` says through the one safe writer (`sesi.berkas`): `-` is
    standard output, a device is written into, a symlink or FIFO is refused."""
    if path and path != "-":
        from sesi.berkas import tulis_keluaran

        tujuan = tulis_keluaran(path, text.encode("utf-8"))
        _err(f"Ditulis ke {tujuan}.")
    else:
        if text and not text.endswith("\n"):
            text += "\n"
        sys.stdout.write(text)


#: Stores `_sesi_peran` read to learn the roles, by absolute path: the command then uses that read instead
#: of parsing the whole file a second time (at 5,000 usulan a read is ~0.3 s of the command's start).
_DIBACA: dict = {}


def _store(path: str, **kwargs):
    """The session at `path`: the store `_sesi_peran` already read (re-read only if the file changed since,
    `Store.muat`) with `pelaku` set, else `Store.buka(path, **kwargs)`. Errors as `Store.buka`."""
    from sesi.store import Store

    store = _terbaca(path, kwargs.get("pelaku")) if set(kwargs) <= {"pelaku"} else None
    if store is None:
        return Store.buka(path, **kwargs)
    store.muat()
    return store


def _terbaca(path: str, pelaku=None):
    """The store `_sesi_peran` read for `path` (None if none), taken once, acting as `pelaku`."""
    from sesi.transaksi import Pelaku

    store = _DIBACA.pop(os.path.abspath(path), None)
    if store is not None:
        store.pelaku = pelaku or Pelaku()
    return store


def _nama(args) -> str:
    """`--nama` checked as every person's name is (`sesi.masukan.nama_orang`): no control or bidi
    character, at most 200 characters; DataDitolak (exit status 1) otherwise. "" when not given."""
    from sesi.masukan import nama_orang

    nama = getattr(args, "nama", None)
    return nama_orang(nama, "Nama (--nama)") if nama is not None else ""


def _pelaku(args):
    """Who acts: `--nama` (bawaan: the login name), and the role the unix account decides where the session
    binds roles to accounts (`sesi.akun.peran_untuk`; a `--peran` above the account's is refused), else
    `--peran` (bawaan operator)."""
    from sesi.akun import akun_sekarang, peran_untuk
    from sesi.transaksi import Pelaku

    akun = akun_sekarang()
    peran = peran_untuk(_sesi_peran(getattr(args, "berkas", None)), akun, getattr(args, "peran", None))
    return Pelaku(nama=_nama(args) or akun, peran=peran, akun=akun)


def _sesi_peran(path: str | None):
    """The `sesi` table of the session at `path` (None when there is no readable session: `baru`, or a file
    the command itself will report)."""
    if not path or not os.path.isfile(path):
        return None
    from sesi.errors import BerkasError
    from sesi.store import Store

    try:
        store = Store(path)
        sesi = store.muat().raw.get("sesi")
    except BerkasError:
        return None
    _DIBACA.clear()
    _DIBACA[store.path] = store
    return sesi


# --- commands --------------------------------------------------------------------------------------


def _daftar(teks: str | None) -> list[str] | None:
    return None if teks is None else [k for k in teks.replace(",", ";").split(";") if k.strip()]


def cmd_baru(args) -> int:
    from sesi.persiapan import buat_sesi
    from sesi.sebutan import daerah, wilayah_kecil
    from sesi.wilayah import baca_daerah

    from sesi.acara import ubah_acara

    jenis, nama = baca_daerah(args.kota, args.kabupaten)
    acara = {"waktu_mulai": args.mulai, "waktu_selesai": args.selesai, "nip_camat": args.nip_camat,
             "pimpinan_nama": args.pimpinan, "pimpinan_jabatan": args.jabatan_pimpinan,
             "pimpinan_nip": args.nip_pimpinan}
    acara = {k: v for k, v in acara.items() if v}
    if acara:  # every value checked before the file exists: a refusal leaves nothing behind
        from sesi.acara import acara_sah
        from sesi.errors import DataDitolak

        try:
            acara_sah(acara)
        except DataDitolak as e:
            if len(e.masalah) == 1:
                raise
            _err(f"{len(e.masalah)} isian tidak dapat diterima; berkas sesi tidak dibuat:")
            for m in e.masalah:
                _err("  " + _tampak(m))
            return 1
    diminta = "Kota" if args.kota is not None else "Kabupaten"
    if jenis != diminta:
        _err(f"Catatan: --{diminta.lower()} \"{args.kota or args.kabupaten}\" dibaca sebagai {jenis} {nama}.")
    store = buat_sesi(args.berkas, kecamatan=args.kecamatan, kota=nama, jenis_daerah=jenis, tahun=args.tahun,
                      tanggal=args.tanggal, tempat=args.tempat, camat=args.camat, kelurahan=_daftar(args.kelurahan),
                      desa=_daftar(args.desa), ibu_kota_kecamatan=args.ibu_kota_kecamatan, zona=args.zona or "",
                      bappeda=args.bappeda, pelaku=_pelaku(args))
    if acara:
        with store.transaksi() as tx:
            ubah_acara(tx, **acara)
    d = store.data
    info = d.info
    print(f"Sesi Musrenbang Kecamatan {info.kecamatan} dibuat: {store.path}")
    print(f"{daerah(d)}, zona waktu {info.zona}, ditandatangani di {info.ibu_kota_kecamatan}.")
    if d.kelurahan:
        asal = f" (sumber: {info.sumber_wilayah})" if info.sumber_wilayah else ""
        print(f"{len(d.kelurahan)} {wilayah_kecil(d)}, {len(d.kriteria)} kriteria baku.{asal}")
    else:
        print(f"{len(d.kriteria)} kriteria baku.")
        print(f"Daftar {wilayah_kecil(d)} Kecamatan {info.kecamatan} tidak dikenal: diisi dari berkas usulan atau "
              "peserta pertama, atau tambahkan di layar Persiapan, atau ulangi dengan --desa/--kelurahan.")
    return 0


def _pemetaan(kolom: list[str]) -> dict[str, str]:
    """--kolom "Judul=kolom" (repeatable) -> {judul: kolom}; DataDitolak for one without '='."""
    from sesi.errors import DataDitolak

    out: dict[str, str] = {}
    for k in kolom:
        judul, sama, tujuan = k.rpartition("=")
        if not sama or not judul.strip():
            raise DataDitolak(f"--kolom harus berbentuk JUDUL=KOLOM, misalnya \"Usulan Ke=prioritas_kelurahan\"; "
                              f"bukan '{k}'.")
        out[judul.strip()] = tujuan.strip()
    return out


def cmd_impor(args) -> int:
    """The summary, and (through `main`) every problem, are printed through `_tampak`: file content never
    acts on the terminal."""
    from sesi.impor import impor, pilihan_asing

    store = _store(args.berkas, pelaku=_pelaku(args))
    # An option of another kind (`JenisImpor.opsi`: --bidang for usulan, --kelompok/--jenis for kriteria) is
    # a usage error, before the file is read.
    salah = pilihan_asing(args.jenis, bidang=args.bidang, bidang_baru=args.bidang_baru, kelompok=args.kelompok,
                          jenis_usulan=args.jenis_usulan)
    if salah:
        _err(salah)
        return 2
    hasil = impor(store, args.jenis, args.csv, lembar=args.lembar, pemetaan=_pemetaan(args.kolom),
                  terima_saran=args.terima_saran, bidang=args.bidang, bidang_baru=args.bidang_baru,
                  kelompok=args.kelompok, jenis_usulan=args.jenis_usulan)
    print(_tampak(hasil.ringkasan))
    return 0


def cmd_templat(args) -> int:
    from sesi.berkas import tulis_keluaran
    from sesi.impor import templat

    data = _store(args.sesi).data if args.sesi else None
    tujuan = tulis_keluaran(args.keluaran, templat(args.jenis, data))
    _err(f"Templat {args.jenis} ditulis ke {tujuan}.")
    return 0


def cmd_ekspor(args) -> int:
    store = _store(args.berkas)
    data = store.data
    if args.dokumen == "berita-acara":
        from sesi.berita_acara import dokumen

        return _ekspor_blok(args, data, dokumen(data), "Berita acara")
    if args.dokumen == "notulen":
        from sesi.berita_acara.notulen import dokumen_notulen

        return _ekspor_blok(args, data, dokumen_notulen(data), "Notulen")
    if args.format == "docx" or args.kertas or args.kop:
        _err("Format docx, --kertas dan --kop hanya untuk dokumen berita-acara dan notulen.")
        return 2
    from sesi import export

    fn = export.peringkat if args.dokumen == "peringkat" else export.daftar_hadir
    _out(fn(data, args.format or "csv"), args.keluaran)
    return 0


def _ekspor_blok(args, data, blok, nama: str) -> int:
    """Export a document of the session built of blocks (`sesi.berita_acara.blok`) as md (bawaan), txt
    or docx. docx: paper --kertas, letterhead --kop (read bounded, checked before anything is written);
    a binary file is never printed to a terminal."""
    from sesi.berita_acara import BINER, ke_berkas
    from sesi.pengesahan import pastikan_sesuai_sah

    pastikan_sesuai_sah(data, nama)  # signed, then edited by hand: refused (exit 1), nothing written
    fmt = args.format or "md"
    if fmt == "csv":
        _err(f"{nama} tersedia dalam format md, txt, atau docx.")
        return 2
    if fmt not in BINER and (args.kertas or args.kop):
        _err("--kertas dan --kop hanya untuk --format docx.")
        return 2
    if fmt in BINER and args.keluaran in (None, "-") and sys.stdout.isatty():
        _err(f"Berkas {fmt} tidak dapat ditampilkan di layar: tulis ke berkas dengan -o NAMA.{fmt} "
             f"(atau alihkan keluaran: > NAMA.{fmt}).")
        return 1
    kop = None
    if args.kop:
        from sesi.berkas import baca_terbatas
        from sesi.berita_acara.docx import BATAS_KOP, periksa_kop

        try:
            kop = baca_terbatas(args.kop, BATAS_KOP)
        except FileNotFoundError:
            _err(f"Gambar kop {args.kop} tidak ditemukan: {nama.lower()} tidak ditulis.")
            return 1
        periksa_kop(kop, f"Gambar kop {args.kop}")
    isi = ke_berkas(data, fmt, blok, kertas=args.kertas or "F4", kop=kop)
    if fmt not in BINER:
        _out(isi.decode("utf-8"), args.keluaran)
        return 0
    from sesi.berkas import tulis_keluaran

    tujuan = tulis_keluaran(args.keluaran or "-", isi)
    if tujuan != "standar keluaran":
        _err(f"Ditulis ke {tujuan}.")
    return 0


def cmd_periksa(args) -> int:
    from sesi.periksa import periksa
    from sesi.sidik_jari import baca_kode

    kode = None
    if args.sidik_jari is not None:
        try:
            kode = baca_kode(args.sidik_jari)
        except ValueError as e:
            _err(_tampak(e))
            return 2
    masalah, ringkasan = periksa(args.berkas, sidik_jari=kode, penanda_tangan=args.penanda_tangan)
    print(_tampak(ringkasan))
    for m in masalah:
        _err(_tampak(m))
    if masalah:
        _err(f"{len(masalah)} masalah ditemukan.")
        return 1
    print("Tidak ada masalah.")
    return 0


def cmd_pulihkan(args) -> int:
    from sesi.errors import BerkasError
    from sesi.masukan import alasan
    from sesi.store import Store
    from sesi.transaksi import Pelaku

    if bool(args.buka_kunci) != (args.alasan is not None):
        _err("pulihkan: --buka-kunci dan --alasan harus diberikan bersama (alasan dicatat di riwayat).")
        return 2
    teks_alasan = alasan(args.alasan, "Alasan (--alasan)") if args.buka_kunci else None
    if args.buka_kunci:  # reopening a signature: the same signer as `buka-kunci` (role and unix account)
        p = _pelaku_pimpinan(args)
        pelaku = Pelaku(p.nama or p.akun, p.peran, akun=p.akun)
    else:
        pelaku = _pelaku(args)
    store = Store(args.berkas, pelaku=pelaku)
    rencana = store.periksa_pulihkan(buka_kunci=args.buka_kunci)
    cadangan = rencana.cadangan
    try:
        sekarang = f"revisi {store.muat().revisi}"
    except BerkasError as e:
        sekarang = f"tidak dapat dibaca ({e})"
    print(_tampak(f"Berkas sekarang: {sekarang}."))
    print(_tampak(f"Cadangan {store.backup_path}: revisi {cadangan.revisi}, Kecamatan {cadangan.info.kecamatan}, "
                  f"{len(cadangan.usulan)} usulan, {len(cadangan.peserta)} peserta."))
    if rencana.buka_pengesahan:
        print("Berkas sekarang sudah disahkan dan cadangan bukan revisi yang disahkan itu: pengesahan akan "
              "dibuka kembali dengan alasan yang diberikan (dicatat di riwayat).")
    if not args.ya:
        try:
            jawab = input("Ganti berkas dengan cadangan ini? Berkas sekarang disimpan di samping. [y/T] ")
        except EOFError:
            jawab = ""
        if jawab.strip().lower() not in ("y", "ya"):
            print("Dibatalkan; tidak ada yang diubah.")
            return 1
    aside = store.pulihkan(alasan_buka=teks_alasan)
    print(_tampak(f"Dipulihkan ke revisi {cadangan.revisi}."
                  + (" Pengesahan dibuka kembali; alasan dicatat di riwayat." if rencana.buka_pengesahan else "")
                  + (f" Berkas sebelumnya disimpan sebagai {aside}." if aside else "")))
    return 0


def _pelaku_pimpinan(args):
    """The signer: `--nama` checked at input (`_nama`), role pimpinan, the process's unix account (which the
    domain checks against the session's roles)."""
    from sesi.akun import akun_sekarang
    from sesi.transaksi import Pelaku

    return Pelaku(_nama(args), "pimpinan", akun=akun_sekarang())


def cmd_sahkan(args) -> int:
    from sesi.masukan import alasan
    from sesi.pengesahan import catatan_sebelum_sahkan, hal_terbuka, sahkan
    from sesi.sidik_jari import kode

    pelaku = _pelaku_pimpinan(args)
    teks_alasan = alasan(args.alasan, "Alasan (--alasan)")
    if args.tetap and not teks_alasan:
        _err("--tetap memerlukan --alasan: tuliskan alasan mengesahkan walaupun masih ada hal yang terbuka.")
        return 2
    if teks_alasan and not args.tetap:
        _err("--alasan hanya dipakai bersama --tetap.")
        return 2
    store = _store(args.berkas, pelaku=pelaku)
    data = store.data
    from sesi.akun import wajib_akun

    wajib_akun(data.raw.get("sesi"), pelaku.akun, pelaku.peran)  # who may sign, before what is open
    if not data.info.terkunci:  # a signed session: the domain says so below
        # The gate, printed before anything is signed (the domain checks again inside the transaction).
        terbuka = hal_terbuka(data, tanggal_sah=store.clock().date())
        if terbuka:
            _err("Masih terbuka:")
            for h in terbuka:
                _err(_tampak(f"  - {h}"))
            if not args.tetap:
                _err("Berita acara tidak disahkan. Selesaikan hal di atas, atau sahkan tetap dengan --tetap "
                     "--alasan \"...\" (alasan dicetak di berita acara).")
                return 1
        for c in catatan_sebelum_sahkan(data):
            _err(_tampak(f"Perhatian: {c}"))
    with store.transaksi() as tx:
        sidik = sahkan(tx, kunci_ssh=args.kunci_ssh, tetap=teks_alasan if args.tetap else "")
    print(_tampak(f"Berita acara disahkan oleh {pelaku.nama} (akun {pelaku.akun})."))
    print(f"Sidik jari: {kode(sidik)}")
    print(f"Sidik jari SHA-256 lengkap: {sidik}")
    print("Tuliskan atau cetak kode sidik jari pada berita acara yang ditandatangani: hanya kode di kertas itu "
          "yang membuktikan berkas tidak diubah (musrenbang periksa BERKAS --sidik-jari KODE).")
    if args.kunci_ssh:
        print(_tampak(f"Sidik jari ditandatangani dengan kunci SSH {args.kunci_ssh}."))
    if args.tetap and store.data.info.disahkan and (store.data.raw["sesi"]["info"].get("sah_tetap")):
        print(_tampak(f"Disahkan walaupun masih ada hal yang terbuka, dengan alasan: {teks_alasan}"))
    return 0


def cmd_buka_kunci(args) -> int:
    from sesi.masukan import alasan
    from sesi.pengesahan import buka_kembali

    pelaku = _pelaku_pimpinan(args)
    teks_alasan = alasan(args.alasan, "Alasan (--alasan)")
    store = _store(args.berkas, pelaku=pelaku)
    with store.transaksi() as tx:
        buka_kembali(tx, teks_alasan)
    print("Pengesahan dibuka kembali; sesi dapat diubah. Alasan dicatat di riwayat.")
    return 0


def cmd_peran(args) -> int:
    from sesi import akun
    from sesi.model import PERAN as LABEL
    from sesi.transaksi import Pelaku

    tetapkan: dict[str, str] = {}
    for item in args.akun:
        nama, sep, peran = item.partition("=")
        if not sep or not nama.strip() or not peran.strip():
            _err(_tampak(f"--akun harus berbentuk NAMA=PERAN (mis. --akun camat=pimpinan), bukan '{item}'."))
            return 2
        tetapkan[nama.strip()] = peran.strip()
    sekarang = akun.akun_sekarang()
    if tetapkan or args.hapus:
        store = _store(args.berkas, pelaku=Pelaku(sekarang, "operator", akun=sekarang))
        daftar = akun.atur_peran(store, tetapkan, args.hapus)
        print("Peran akun disimpan.")
        for nama in tetapkan:
            if not akun.akun_dikenal(nama):
                _err(_tampak(f"Perhatian: akun {nama} belum ada di mesin ini."))
    else:
        daftar = akun.daftar_peran(_store(args.berkas).data.raw.get("sesi"))
    if not daftar:
        print("Belum ada akun yang diberi peran: siapa pun yang dapat membuka berkas memilih perannya sendiri "
              "dengan --peran (bawaan operator), termasuk pimpinan.")
        return 0
    print(_tampak(f"Peran akun di sesi ini (pemilik berkas: {akun.pemilik_berkas(args.berkas)}):"))
    for nama, peran in sorted(daftar.items()):
        print(_tampak(f"  {nama:<20} {LABEL.get(peran, peran)}"))
    print("Akun lain hanya dapat melihat (tayang).")
    return 0


def _hemat(args) -> None:
    """Low-bandwidth settings; they must be set before Textual is imported (bench/README.md: -24% bytes
    per key at typing pace, 777 -> 424 B per key at key-repeat speed)."""
    if getattr(args, "hemat", False):
        os.environ["TEXTUAL_COLOR_SYSTEM"] = "standard"
        os.environ["TEXTUAL_FPS"] = "20"


def _siapkan_ui(args) -> None:
    """Before a command opens the UI: low-bandwidth settings (`_hemat`) and the process's malloc settings
    (`memori.siapkan`: a fixed mmap threshold on glibc, 6-8 MB less per terminal, bench/README.md "Memory").
    The cyclic garbage collector is paused while the session is read and the screen built: `jalankan_app`
    freezes what is loaded by then and resumes it (at 5,000 usulan reading the 17 MB file set off two full
    collections, ~110 ms of the cold start, that found nothing to free)."""
    import gc

    from .memori import siapkan

    gc.disable()
    siapkan()
    _hemat(args)


def cmd_buka(args) -> int:
    _siapkan_ui(args)
    from .app import jalankan

    layar = tahap_layar(args.layar).kunci if args.layar else None
    pelaku = _pelaku(args)
    return jalankan(args.berkas, layar=layar, kelompok=args.kelompok, pelaku=pelaku,
                    mouse=args.mouse, ascii=args.ascii, store=_terbaca(args.berkas, pelaku))


def cmd_demo(args) -> int:
    from .demo import pastikan_demo
    from .paths import berkas_demo

    path = args.berkas or str(berkas_demo())
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    store, dibuat = pastikan_demo(path)
    _err(("Sesi demo dibuat: " if dibuat else "Sesi demo: ") + store.path)
    if args.cetak:
        from sesi import export

        sys.stdout.write(export.peringkat(store.data, "txt"))
        return 0
    _siapkan_ui(args)
    from .app import jalankan

    layar = tahap_layar(args.layar).kunci if args.layar else None
    pelaku = _pelaku(args)
    return jalankan(path, layar=layar, pelaku=pelaku, mouse=args.mouse, ascii=args.ascii,
                    store=_terbaca(path, pelaku))


def cmd_tayang(args) -> int:
    from sesi.transaksi import Pelaku

    if args.web:
        return _tayang_web(args)
    _siapkan_ui(args)
    from .app import jalankan

    return jalankan(args.berkas, pelaku=Pelaku("tayangan", "tayang"), tayang=args.tampilan,
                    kelompok=args.kelompok, ascii=args.ascii)


def _tayang_web(args) -> int:
    """Serve the projector view to a browser with textual-serve (each browser tab runs its own process)."""
    import shlex

    try:
        from textual_serve.server import Server
    except ImportError:
        _err("Tampilan lewat peramban memerlukan paket textual-serve: python3 -m pip install textual-serve")
        return 1
    _store(args.berkas)  # refuse a missing or damaged file before serving
    parts = [sys.executable, "-m", "musrenbang_tui", "tayang", os.path.abspath(args.berkas),
             "--tampilan", args.tampilan]
    if args.kelompok:
        parts += ["--kelompok", args.kelompok]
    _err(f"Tampilan proyektor di http://{args.alamat}:{args.web} (Ctrl+C untuk berhenti).")
    Server(shlex.join(parts), host=args.alamat, port=args.web, title="Musrenbang Kecamatan").serve()
    return 0


def cmd_tombol(args) -> int:
    from .tombol import teks_daftar

    sys.stdout.write(teks_daftar())
    return 0


COMMANDS: dict[str, Callable] = {
    "baru": cmd_baru, "impor": cmd_impor, "templat": cmd_templat, "ekspor": cmd_ekspor, "periksa": cmd_periksa,
    "pulihkan": cmd_pulihkan, "sahkan": cmd_sahkan, "buka-kunci": cmd_buka_kunci, "peran": cmd_peran,
    "buka": cmd_buka,
    "demo": cmd_demo, "tayang": cmd_tayang, "tombol": cmd_tombol,
}


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    from sesi.errors import SesiError

    try:
        try:
            return COMMANDS[args.perintah](args)
        finally:
            import gc

            gc.enable()  # paused by `_siapkan_ui` when the command stopped before the app ran
            if "sesi.store" in sys.modules:  # a command that saved: compact, so S.json alone is complete
                sys.modules["sesi.store"].tutup_semua()
    except SesiError as e:
        from sesi.masukan import pendekkan_kutipan  # a value quoted in a message shows as its start

        _err(_tampak(pendekkan_kutipan(str(e))))
        masalah = getattr(e, "masalah", None)
        if masalah and masalah != [e.pesan]:
            for m in masalah:
                _err("  " + _tampak(pendekkan_kutipan(m)))
        return 1
    except KeyboardInterrupt:
        _err("Dihentikan.")
        return 130
    except BrokenPipeError:
        return 0
    except OSError as e:
        _err(f"Gagal: {e.strerror or e}" + (f" ({e.filename})" if getattr(e, "filename", None) else "") + ".")
        return 1
    except Exception:  # noqa: BLE001 - a bug: log it, say where, never dump a traceback on the user
        from .paths import tulis_log

        try:
            rincian = f"Rincian: {tulis_log(traceback.format_exc())}"
        except Exception:  # noqa: BLE001 - the log itself failed: say so, still no traceback
            rincian = "Berkas log tidak dapat ditulis."
        _err(f"Terjadi kesalahan tak terduga pada aplikasi. Data Anda tidak diubah. {rincian}")
        return 3


def run() -> None:
    sys.exit(main())
