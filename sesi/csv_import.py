"""CSV import of usulan, peserta, kriteria and skor, as spreadsheet users actually produce the files.

- Header names are case-insensitive and order-free (spaces and dashes count as `_`); a few aliases are
  accepted (`usulan` for `kegiatan`, `anggaran` for `perkiraan_biaya`, ...). Unknown columns are ignored
  and named in the summary.
- The delimiter is `,` or `;` (Indonesian Excel) or a tab, read from the header line. The file is UTF-8
  with or without BOM (UTF-16 with BOM is read too), falling back to cp1252.
- Rows are numbered as a spreadsheet shows them: the header is row 1, a quoted newline does not start a
  new row, and blank rows count but are skipped.
- The whole file is checked before anything changes, and every problem is reported (up to `BATAS_MASALAH`)
  as "usulan.csv baris 7, kolom prioritas_kelurahan: ...". Any problem: `DataDitolak`, nothing changed.
  Otherwise the file lands in one transaction with one history entry.

The rules themselves live in the actions (`sesi.usulan`, `sesi.pendaftaran`, `sesi.persiapan`,
`sesi.skor`); this module only reads the file, hands each row to them and says where a problem is.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import re
import string
from dataclasses import dataclass, field
from typing import Any, Callable

from .aturan import BOLEH, bersih, bilangan_bulat, wajib
from .data import normal
from .errors import DataDitolak
from .model import skor_id
from .pendaftaran import RENTAN_TIDAK, RENTAN_YA, peserta_record, tambah_peserta
from .persiapan import ganti_semua_kriteria, kriteria_record
from .skor import atur_skor
from .store import Store, Transaksi
from .usulan import cek_id, tambah_usulan, usulan_record

JENIS = ("usulan", "peserta", "kriteria", "skor")
BATAS_MASALAH = 50
BATAS_UKURAN = 50 * 1024 * 1024  # bytes; a CSV of usulan or peserta is far smaller

#: Columns per kind: name -> required.
KOLOM: dict[str, dict[str, bool]] = {
    "usulan": {
        "id": False, "kelurahan": True, "prioritas_kelurahan": True, "kegiatan": True, "masalah": False,
        "lokasi": False, "volume": False, "satuan": False, "perkiraan_biaya": False, "jenis": False,
        "skpd": True, "bidang": True,
    },
    "peserta": {
        "nama": True, "unsur": True, "lembaga": False, "jabatan": False, "kelurahan": False,
        "jenis_kelamin": False, "rentan": False, "delegasi": False, "telepon": False, "hadir": False,
    },
    "kriteria": {"kode": True, "nama": True, "bobot": False, "skala_min": False, "skala_maks": False},
    "skor": {"usulan_id": True, "kriteria": True, "nilai": True, "penilai": False},
}

#: Other header names people use -> the column they mean.
ALIAS: dict[str, dict[str, str]] = {
    "usulan": {
        "usulan": "kegiatan", "nama_kegiatan": "kegiatan", "alamat": "lokasi", "anggaran": "perkiraan_biaya",
        "biaya": "perkiraan_biaya", "perangkat_daerah": "skpd", "skpd_tujuan": "skpd",
        "bidang_urusan": "bidang", "prioritas": "prioritas_kelurahan",
    },
    "peserta": {
        "nama_lengkap": "nama", "instansi": "lembaga", "l/p": "jenis_kelamin", "l_p": "jenis_kelamin",
        "jk": "jenis_kelamin", "no_hp": "telepon", "hp": "telepon", "no_telepon": "telepon",
    },
    "kriteria": {"kode_kriteria": "kode", "nama_kriteria": "nama"},
    "skor": {"usulan": "usulan_id", "id_usulan": "usulan_id", "kode_kriteria": "kriteria", "kode": "kriteria"},
}

#: How the actions name a field at the start of their messages -> the column (longest first).
LABEL: dict[str, list[tuple[str, str]]] = {
    "usulan": [("Prioritas kelurahan", "prioritas_kelurahan"), ("Perkiraan biaya", "perkiraan_biaya"),
               ("Id usulan", "id"), ("Prioritas", "prioritas_kelurahan"), ("Kelurahan", "kelurahan"),
               ("Kegiatan", "kegiatan"), ("Masalah", "masalah"), ("Lokasi", "lokasi"), ("Volume", "volume"),
               ("Jenis", "jenis"), ("Bidang", "bidang"), ("SKPD", "skpd")],
    "peserta": [("Jenis kelamin", "jenis_kelamin"), ("Kelurahan", "kelurahan"), ("Delegasi", "delegasi"),
                ("Unsur", "unsur"), ("Hadir", "hadir"), ("Nama", "nama")],
    "kriteria": [("Skala minimum", "skala_min"), ("Skala maksimum", "skala_maks"), ("Kode kriteria", "kode"),
                 ("Nama kriteria", "nama"), ("Bobot", "bobot")],
    "skor": [("Nama penilai", "penilai"), ("Usulan", "usulan_id"), ("Kriteria", "kriteria"), ("Nilai", "nilai")],
}
#: After the field's name, these words start a sentence that reads well after "kolom x:".
_PREDIKAT = ("harus ", "wajib ", "tidak boleh ", "terlalu ", "paling ", "hanya ")


@dataclass
class HasilImpor:
    """What an import did."""

    jenis: str
    berkas: str
    jumlah: int  # rows imported
    ringkasan: str  # one Indonesian line for stdout
    id: list[str] = field(default_factory=list)  # ids of the records added (usulan, peserta, kriteria)
    diganti: int = 0  # skor: values that replaced a different earlier value
    kolom_diabaikan: list[str] = field(default_factory=list)
    catatan: list[str] = field(default_factory=list)  # warnings that did not stop the import


# --- reading the file ------------------------------------------------------------------------------


@dataclass
class Baris:
    nomor: int  # as a spreadsheet shows it (header = 1)
    sel: dict[str, str]  # column -> cell text as written


@dataclass
class TabelCsv:
    nama: str  # file name as shown in messages
    judul: dict[str, str]  # column -> the header text the user wrote
    posisi: dict[str, int]  # column -> its index in the file
    baris: list[Baris]
    diabaikan: list[str]  # unknown columns (as written)
    pemisah: str
    encoding: str


def _huruf_kolom(i: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA (as a spreadsheet names columns)."""
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = string.ascii_uppercase[r] + s
    return s


def _nama_judul(text: str) -> str:
    return re.sub(r"[\s\-]+", "_", text.strip().casefold())


def _tebak_pemisah(baris_judul: str) -> str:
    """The delimiter the header line uses most, outside quotes (default ',')."""
    counts = {",": 0, ";": 0, "\t": 0}
    quoted = False
    for ch in baris_judul:
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch in counts:
            counts[ch] += 1
    best = max(counts, key=lambda c: counts[c])
    return best if counts[best] else ","


def _dekode(raw: bytes, nama: str) -> tuple[str, str]:
    """Bytes -> (text, encoding name); DataDitolak when the file is not text."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16"), "UTF-16"
        except UnicodeDecodeError:
            pass
    if raw.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        raise DataDitolak(f"{nama} adalah berkas Excel, bukan CSV. Buka di Excel/LibreOffice lalu simpan "
                          "sebagai CSV (File > Simpan Sebagai > CSV).")
    if b"\x00" in raw[:65536]:
        raise DataDitolak(f"{nama} bukan berkas CSV: isinya data biner, bukan teks.")
    try:
        text, enc = raw.decode("utf-8-sig"), "UTF-8"
    except UnicodeDecodeError:
        try:
            text, enc = raw.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            raise DataDitolak(f"{nama} bukan berkas CSV: bukan teks UTF-8 maupun cp1252.") from None
    sample = text[:65536]
    kendali = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\r\n")
    if sample and kendali > max(2, len(sample) // 100):
        raise DataDitolak(f"{nama} bukan berkas CSV: isinya data biner, bukan teks.")
    return text, enc


def baca_csv(path: str | os.PathLike[str], jenis: str) -> TabelCsv:
    """Read and parse a CSV file of one kind; file-level problems raise DataDitolak at once."""
    path = os.fspath(path)
    nama = os.path.basename(path) or path
    if os.path.isdir(path):
        raise DataDitolak(f"{path} adalah folder, bukan berkas CSV.")
    try:
        with open(path, "rb") as f:
            raw = f.read(BATAS_UKURAN + 1)
    except FileNotFoundError:
        raise DataDitolak(f"Berkas {path} tidak ditemukan.") from None
    except OSError as e:
        raise DataDitolak(f"Berkas {path} tidak dapat dibaca: {e.strerror or e}.") from None
    if len(raw) > BATAS_UKURAN:
        raise DataDitolak(f"{nama} terlalu besar (lebih dari {BATAS_UKURAN // (1024 * 1024)} MB) untuk "
                          "berkas CSV impor.")
    text, enc = _dekode(raw, nama)
    if not text.strip():
        raise DataDitolak(f"{nama} kosong: tidak ada baris judul kolom maupun data.")
    baris_judul = next((line for line in text.splitlines() if line.strip()), "")
    pemisah = _tebak_pemisah(baris_judul)
    rows: list[list[str]] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=pemisah, strict=True)
    try:
        for row in reader:
            rows.append(row)
    except csv.Error as e:
        sebab = ("ada tanda kutip yang tidak ditutup" if "end of data" in str(e) or "larger than" in str(e)
                 else "tanda kutip tidak pada tempatnya" if "expected" in str(e) else str(e))
        raise DataDitolak(f"{nama} baris {len(rows) + 1}: tidak dapat dibaca sebagai CSV ({sebab}).") from None
    # The header is the first non-blank row (row numbers still count the blank ones above it).
    start = next((i for i, r in enumerate(rows) if any(c.strip() for c in r)), None)
    if start is None:
        raise DataDitolak(f"{nama} kosong: tidak ada baris judul kolom maupun data.")
    header = rows[start]
    kolom, alias = KOLOM[jenis], ALIAS[jenis]
    posisi: dict[str, int] = {}
    judul: dict[str, str] = {}
    diabaikan: list[str] = []
    masalah: list[str] = []
    ada_isi = [False] * len(header)
    for r in rows[start + 1:]:
        for i, c in enumerate(r[:len(header)]):
            if c.strip():
                ada_isi[i] = True
    for i, h in enumerate(header):
        key = _nama_judul(h)
        key = alias.get(key, key)
        if not key:
            if ada_isi[i]:
                diabaikan.append(f"(tanpa judul, kolom {_huruf_kolom(i)})")
            continue
        if key not in kolom:
            diabaikan.append(h.strip())
            continue
        if key in posisi:
            j = posisi[key]
            masalah.append(f"{nama}: kolom {key} muncul dua kali: '{header[j].strip()}' (kolom "
                           f"{_huruf_kolom(j)}) dan '{h.strip()}' (kolom {_huruf_kolom(i)}).")
            continue
        posisi[key] = i
        judul[key] = h.strip()
    kurang = [k for k, req in kolom.items() if req and k not in posisi]
    if kurang:
        pesan = f"{nama}: kolom wajib tidak ada: {', '.join(kurang)}."
        if diabaikan:
            pesan += f" Kolom yang tidak dikenal: {', '.join(diabaikan)}."
        pesan += f" Kolom untuk {jenis}: {', '.join(k + ('*' if r else '') for k, r in kolom.items())}."
        masalah.append(pesan)
    if masalah:
        raise DataDitolak(masalah[0] if len(masalah) == 1 else f"{nama}: baris judul kolom tidak sah.",
                          masalah=masalah)
    baris: list[Baris] = []
    terlalu_banyak: list[str] = []
    for n, row in enumerate(rows[start + 1:], start=start + 2):
        if not any(c.strip() for c in row):
            continue
        if len(row) > len(header) and any(c.strip() for c in row[len(header):]):
            terlalu_banyak.append(
                f"{nama} baris {n}: berisi {len(row)} sel, padahal baris judul hanya {len(header)} kolom "
                f"(periksa tanda pemisah '{pemisah}' atau tanda kutip di baris ini)."
            )
            continue
        baris.append(Baris(n, {k: (row[i] if i < len(row) else "") for k, i in posisi.items()}))
    if terlalu_banyak:
        raise DataDitolak(f"{nama}: {len(terlalu_banyak)} baris berisi sel lebih banyak daripada judul kolom.",
                          masalah=_batasi(terlalu_banyak))
    if not baris:
        raise DataDitolak(f"{nama} tidak berisi baris data (hanya baris judul kolom); tidak ada yang diimpor.")
    return TabelCsv(nama, judul, posisi, baris, diabaikan, pemisah, enc)


# --- reporting problems ----------------------------------------------------------------------------


def _batasi(masalah: list[str]) -> list[str]:
    if len(masalah) <= BATAS_MASALAH:
        return masalah
    return masalah[:BATAS_MASALAH] + [f"... dan {len(masalah) - BATAS_MASALAH} masalah lain."]


class _Laporan:
    """Problems found in a file, each placed by row and column; listed in file order."""

    def __init__(self, tabel: TabelCsv, jenis: str):
        self.tabel = tabel
        self.label = LABEL[jenis]
        self._daftar: list[tuple[int, int, int, str]] = []  # (row, column index, arrival, text)
        self.kolom_salah: set[str] = set()

    @property
    def daftar(self) -> list[str]:
        return [t for *_, t in sorted(self._daftar)]

    def tambah(self, baris: Baris | None, kolom: str | None, pesan: str) -> None:
        t = self.tabel
        n = len(self._daftar)
        if baris is None:
            self._daftar.append((0, 0, n, f"{t.nama}: {pesan}"))
        elif kolom and kolom in t.judul:
            self.kolom_salah.add(kolom)
            self._daftar.append((baris.nomor, t.posisi[kolom], n,
                                 f"{t.nama} baris {baris.nomor}, kolom {t.judul[kolom]}: {pesan}"))
        else:
            self._daftar.append((baris.nomor, -1, n, f"{t.nama} baris {baris.nomor}: {pesan}"))

    def kolom_dari(self, pesan: str) -> tuple[str | None, str]:
        """Which column an action's message is about, and the message as it reads after 'kolom x:'."""
        for label, kolom in self.label:
            if pesan.startswith(label + " "):
                rest = pesan[len(label) + 1:]
                if rest.startswith(_PREDIKAT):
                    return kolom, rest
                return kolom, pesan
        return None, pesan

    def dari_galat(self, baris: Baris, e: DataDitolak) -> str | None:
        kolom, pesan = self.kolom_dari(e.pesan)
        self.tambah(baris, kolom, pesan)
        return kolom

    def tolak(self, jenis: str, kelurahan: dict[str, str] | None = None) -> None:
        if not self._daftar:
            return
        masalah = _batasi(self.daftar)
        if "kelurahan" in self.kolom_salah and kelurahan:
            masalah.append(f"Kelurahan yang dikenal di sesi ini: {', '.join(kelurahan.values())}.")
        raise DataDitolak(f"Impor {jenis} dari {self.tabel.nama} ditolak: {len(self.daftar)} masalah "
                          "ditemukan; tidak ada data yang diubah.", masalah=masalah)


def _semua_galat(laporan: _Laporan, baris: Baris, fn: Callable[[dict[str, Any]], Any],
                 nilai: dict[str, Any], pengganti: dict[str, Any]) -> Any:
    """Call a record check; on each refusal note it and retry with that field replaced by a harmless
    value, so one pass names every bad field of the row. Returns the record, or None if any was bad."""
    nilai = dict(nilai)
    salah = False
    diganti: set[str] = set()
    for _ in range(len(nilai) + 1):
        try:
            rec = fn(nilai)
        except DataDitolak as e:
            kolom, _ = laporan.kolom_dari(e.pesan)
            if salah and kolom in diganti:
                return None  # caused by a replacement value, not by the file
            salah = True
            laporan.dari_galat(baris, e)
            if kolom is None or kolom not in pengganti or kolom in diganti:
                return None
            nilai[kolom] = pengganti[kolom]
            diganti.add(kolom)
            continue
        return None if salah else rec
    return None


class _TanpaCatat:
    """The transaction as the per-record actions see it during an import: their own history entries
    are left out; the import writes one entry for the whole file.

    It also remembers each table's highest entry order, so that adding n rows does not scan the table
    n times (`Transaksi.urutan_baru` looks at every record: quadratic over a 1,000-row file)."""

    def __init__(self, tx: Transaksi):
        self._tx = tx
        self._urutan: dict[str, int] = {}

    def __getattr__(self, name: str) -> Any:
        return getattr(self._tx, name)

    def catat(self, *args: Any, **kwargs: Any) -> None:
        pass

    def urutan_baru(self, table: str) -> int:
        if table not in self._urutan:
            self._urutan[table] = self._tx.urutan_baru(table) - 1
        return self._urutan[table] + 1

    def put(self, table: str, rid: str, record: Any) -> None:
        baru = self._tx.get(table, rid) is None
        self._tx.put(table, rid, record)
        if table in self._urutan:
            if baru:
                self._urutan[table] = max(self._urutan[table], record.get("urutan", 0))
            else:  # a replaced record may have lowered the highest: scan again when next asked
                del self._urutan[table]

    def delete(self, table: str, rid: str) -> None:
        self._tx.delete(table, rid)
        self._urutan.pop(table, None)  # the highest may be gone: scan again when next asked


def _ya_tidak(value: str, nama: str, bawaan: bool = False) -> bool:
    v = normal(value)
    if v == "":
        return bawaan
    if v in RENTAN_YA:
        return True
    if v in RENTAN_TIDAK:
        return False
    raise DataDitolak(f"{nama} harus ya atau tidak, bukan '{bersih(value)}'.")


# --- per kind --------------------------------------------------------------------------------------


def _impor_usulan(tx: Transaksi, tabel: TabelCsv, lap: _Laporan) -> tuple[list[str], dict]:
    tx.wajib_peran(*BOLEH["persiapan"])
    proxy: Any = _TanpaCatat(tx)
    dikenal = tx.data.kelurahan_nama
    if not dikenal:
        lap.tambah(None, None, "sesi belum mempunyai kelurahan; tambahkan kelurahan dahulu (layar Persiapan).")
        return [], {}
    pengganti = {"kelurahan": next(iter(dikenal.values())), "prioritas_kelurahan": "1", "kegiatan": "x",
                 "skpd": "x", "bidang": "x", "masalah": "", "lokasi": "", "volume": "", "satuan": "",
                 "perkiraan_biaya": "", "jenis": ""}
    fields = [k for k in KOLOM["usulan"] if k != "id"]
    # Ids given in the file are kept; the others get the next free U### after every id in store and file.
    diberi = {bersih(b.sel.get("id", "")) for b in tabel.baris} - {""}
    nomor = max([int(m.group(1)) for rid in list(tx.table("usulan")) + list(diberi)
                 if (m := re.fullmatch(r"U(\d+)", rid))], default=0)
    id_baris: dict[str, int] = {}
    prioritas_baris: dict[tuple[str, int], int] = {}
    ids: list[str] = []
    for b in tabel.baris:
        nilai = {k: b.sel.get(k, "") for k in fields}
        rec = _semua_galat(lap, b, lambda v: usulan_record(kelurahan_dikenal=dikenal, **v), nilai, pengganti)
        uid = ""
        if bersih(b.sel.get("id", "")):
            try:
                uid = cek_id(b.sel["id"])
            except DataDitolak as e:
                lap.dari_galat(b, e)
                continue
            if uid in id_baris:
                lap.tambah(b, "id", f"Id usulan '{uid}' sudah dipakai di baris {id_baris[uid]}.")
                continue
            id_baris[uid] = b.nomor
            lama = tx.get("usulan", uid)
            if lama is not None:
                lap.tambah(b, "id", f"Id usulan '{uid}' sudah ada di sesi ini ({lama['kegiatan']}).")
                continue
        if rec is None:
            continue
        kunci = (rec["kelurahan"], rec["prioritas_kelurahan"])
        if kunci in prioritas_baris:
            lap.tambah(b, "prioritas_kelurahan", f"Prioritas {kunci[1]} Kelurahan {kunci[0]} sudah dipakai di "
                       f"baris {prioritas_baris[kunci]}.")
            continue
        prioritas_baris[kunci] = b.nomor
        if not uid:
            nomor += 1
            uid = f"U{nomor:03d}"
        try:
            ids.append(tambah_usulan(proxy, uid=uid, **nilai))
        except DataDitolak as e:
            lap.dari_galat(b, e)
    return ids, {}


def _impor_peserta(tx: Transaksi, tabel: TabelCsv, lap: _Laporan) -> tuple[list[str], dict]:
    tx.wajib_peran(*BOLEH["pendaftaran"])
    proxy: Any = _TanpaCatat(tx)
    dikenal = tx.data.kelurahan_nama
    pengganti = {"nama": "x", "unsur": "lainnya", "kelurahan": "", "jenis_kelamin": "", "delegasi": "",
                 "rentan": "", "lembaga": "", "jabatan": "", "telepon": ""}
    fields = [k for k in KOLOM["peserta"] if k != "hadir"]
    ids: list[str] = []
    hadir_n = 0
    terdaftar = {normal(p["nama"]) for p in tx.table("peserta").values()}
    ganda: list[str] = []
    for b in tabel.baris:
        nilai = {k: b.sel.get(k, "") for k in fields}
        rec = _semua_galat(lap, b, lambda v: peserta_record(kelurahan_dikenal=dikenal, **v), nilai, pengganti)
        try:
            hadir = _ya_tidak(b.sel.get("hadir", ""), "Hadir")
        except DataDitolak as e:
            lap.dari_galat(b, e)
            continue
        if rec is None:
            continue
        try:
            ids.append(tambah_peserta(proxy, hadir=hadir, **nilai))
        except DataDitolak as e:
            lap.dari_galat(b, e)
            continue
        hadir_n += hadir
        if normal(rec["nama"]) in terdaftar:
            ganda.append(rec["nama"])
        terdaftar.add(normal(rec["nama"]))
    return ids, {"hadir": hadir_n, "ganda": ganda}


def _impor_kriteria(tx: Transaksi, tabel: TabelCsv, lap: _Laporan) -> tuple[list[str], dict]:
    proxy: Any = _TanpaCatat(tx)
    pengganti = {"kode": "K", "nama": "x", "bobot": "1", "skala_min": "1", "skala_maks": "5"}
    kode_baris: dict[str, int] = {}
    records: list[dict[str, Any]] = []
    for b in tabel.baris:
        nilai = {k: b.sel.get(k, "") for k in KOLOM["kriteria"]}
        for k, bawaan in (("bobot", "1"), ("skala_min", "1"), ("skala_maks", "5")):
            if not bersih(nilai[k]):
                nilai[k] = bawaan
        rec = _semua_galat(lap, b, lambda v: kriteria_record(**v), nilai, pengganti)
        kode = bersih(nilai["kode"])
        if kode in kode_baris:
            lap.tambah(b, "kode", f"Kode kriteria '{kode}' sudah dipakai di baris {kode_baris[kode]}.")
            continue
        if kode:
            kode_baris[kode] = b.nomor
        if rec is not None:
            records.append(rec)
    lama = [k.kode for k in tx.data.kriteria]
    if records:
        try:
            ganti_semua_kriteria(proxy, records)
        except DataDitolak as e:
            lap.tambah(None, None, e.pesan)
    return [r["kode"] for r in records], {"lama": lama}


def _impor_skor(tx: Transaksi, tabel: TabelCsv, lap: _Laporan) -> tuple[list[str], dict]:
    tx.wajib_peran(*BOLEH["skor"])
    proxy: Any = _TanpaCatat(tx)
    sel_baris: dict[str, int] = {}
    diganti: dict[str, int] = {}
    for b in tabel.baris:
        rusak = False
        try:
            uid = wajib(b.sel["usulan_id"], "Usulan")
        except DataDitolak as e:
            lap.dari_galat(b, e)
            rusak, uid = True, ""
        try:
            kode = wajib(b.sel["kriteria"], "Kriteria")
        except DataDitolak as e:
            lap.dari_galat(b, e)
            rusak, kode = True, ""
        penilai = bersih(b.sel.get("penilai", ""))
        try:
            nilai: int | None = bilangan_bulat(wajib(b.sel["nilai"], "Nilai"), "Nilai")
        except DataDitolak as e:
            lap.dari_galat(b, e)
            rusak, nilai = True, None
        if not uid or not kode:
            continue
        sid = skor_id(uid, kode, penilai)
        if sid in sel_baris:
            siapa = f"penilai {penilai}" if penilai else "nilai konsensus"
            lap.tambah(b, None, f"usulan {uid}, kriteria {kode}, {siapa} sudah diisi di baris {sel_baris[sid]}.")
            continue
        # With a bad value, still check the usulan and kriteria (with a value inside the scale).
        coba = nilai if nilai is not None else int((tx.get("kriteria", kode) or {}).get("skala_min", 1))
        try:
            lama = atur_skor(proxy, uid, kode, coba, penilai)
        except DataDitolak as e:
            kolom, pesan = lap.kolom_dari(e.pesan)
            if not (rusak and kolom == "nilai"):
                lap.tambah(b, kolom, pesan)
            continue
        sel_baris[sid] = b.nomor
        if not rusak and lama is not None and lama != nilai:
            diganti[sid] = lama
    return list(sel_baris), {"diganti": diganti}


_IMPOR = {"usulan": _impor_usulan, "peserta": _impor_peserta, "kriteria": _impor_kriteria, "skor": _impor_skor}


def _ringkasan(jenis: str, tabel: TabelCsv, ids: list[str], info: dict) -> tuple[str, list[str]]:
    n = len(ids)
    catatan: list[str] = []
    if jenis == "usulan":
        teks = f"{n} usulan diimpor dari {tabel.nama}" + (f" ({ids[0]} s.d. {ids[-1]})" if n > 1 else
                                                           f" ({ids[0]})")
        teks += "; semuanya berstatus baru."
    elif jenis == "peserta":
        teks = f"{n} peserta diimpor dari {tabel.nama}" + (f", {info['hadir']} tercatat hadir." if info["hadir"]
                                                            else ".")
        if info["ganda"]:
            contoh = ", ".join(info["ganda"][:5]) + (", ..." if len(info["ganda"]) > 5 else "")
            catatan.append(f"Perhatian: {len(info['ganda'])} nama sudah terdaftar (mungkin ganda): {contoh}.")
    elif jenis == "kriteria":
        teks = f"{n} kriteria diimpor dari {tabel.nama} ({', '.join(ids)})"
        teks += f"; kriteria lama ({', '.join(info['lama'])}) diganti." if info["lama"] else "."
    else:
        k = len(info["diganti"])
        teks = f"{n} nilai skor diimpor dari {tabel.nama}" + (f"; {k} menimpa nilai lama." if k else ".")
    if tabel.diabaikan:
        catatan.append(f"Kolom tidak dikenal diabaikan: {', '.join(tabel.diabaikan)}.")
    if tabel.encoding == "cp1252":
        catatan.append("Berkas dibaca sebagai cp1252 (bukan UTF-8); periksa huruf beraksen.")
    return " ".join([teks, *catatan]), catatan


def impor(store: Store, jenis: str, path: str | os.PathLike[str]) -> HasilImpor:
    """Import a whole CSV file of one kind into the session, or nothing at all.

    Raises DataDitolak listing every problem (file, row, column) when the file cannot be imported.
    """
    if jenis not in JENIS:
        raise DataDitolak(f"Jenis impor '{jenis}' tidak dikenal (pilihan: {', '.join(JENIS)}).")
    tabel = baca_csv(path, jenis)
    lap = _Laporan(tabel, jenis)
    with store.transaksi() as tx:
        ids, info = _IMPOR[jenis](tx, tabel, lap)
        lap.tolak(jenis, tx.data.kelurahan_nama)
        if jenis == "kriteria":
            lama, baru = info["lama"], ids
        elif jenis == "skor":
            lama = {s.replace("|", "/").rstrip("/"): v for s, v in info["diganti"].items()} or None
            baru = {"jumlah": len(ids), "diganti": len(info["diganti"])}
        else:
            lama, baru = None, {"jumlah": len(ids), "id": ids}
        tx.catat(f"impor {jenis}", tabel.nama, lama, baru)
    ringkasan, catatan = _ringkasan(jenis, tabel, ids, info)
    return HasilImpor(jenis=jenis, berkas=tabel.nama, jumlah=len(ids), ringkasan=ringkasan,
                      id=ids if jenis != "skor" else [], diganti=len(info.get("diganti", {})),
                      kolom_diabaikan=list(tabel.diabaikan), catatan=catatan)
