"""The one import flow, shared by every kind: read the whole file (every sheet), check every row, then all
or nothing, with the store's lock held only for the write.

Public API (the CLI and the Impor screen call these; docs/impor.md describes what the user sees):

- `pratinjau(path, jenis, lembar=None, *, store=None, pemetaan=None, terima_saran=False, bidang="",
  bidang_baru=(), kelompok="", jenis_usulan="") -> Pratinjau`: what the file holds before anything changes: the header as written, the
  first three data rows, the proposed mapping (header -> column, with the session's remembered mapping and
  the user's), required columns still unmapped, and, with a `store`, every problem `impor` would refuse
  the file for and each suggestion (`Saran`) to accept. Never changes the session. File-level problems
  come back in `masalah` too (never raised), so a screen shows them as they are.
- `impor(store, jenis, path, *, lembar=None, pemetaan=None, terima_saran=False, bidang="",
  bidang_baru=(), kelompok="", jenis_usulan="") -> HasilImpor`: import it. `pemetaan` {header as written:
  column, "" to ignore} is remembered in the session for the next file; `terima_saran` True accepts every
  suggestion, or a set of (column, value as written) accepts those. `bidang`/`bidang_baru` are usulan's
  options, `kelompok`/`jenis_usulan` kriteria's (the criteria set the file sets); every option the user
  chose travels to the kind as one `OpsiImpor`, and an option of another kind is refused, never ignored. Raises `DataDitolak` listing every problem (file, sheet, row,
  column, the value, what would fix it); a refused file changes nothing.

In order:
1. read the file (`sumber.baca_sumber`: CSV or workbook sheets) and find the kind's table in every sheet
   (`tabel.susun_tabel`, with the kind's columns in this session: `JenisImpor.kolom_alias`, so a skor
   sheet's criterion columns are found like fixed ones), outside the lock; file-level problems raise
   `DataDitolak`;
2. check and build every change on a private transaction over the session as last read (no lock);
3. under the lock, in one store transaction: if the session did not change meanwhile, write those changes;
   otherwise check again against the new session. One history entry for the file, one revision.
"""

from __future__ import annotations

import os
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from ..errors import DataDitolak, SesiTerkunci
from ..store import Store, Transaksi
from ..teks import bersih
from .jenis import JenisImpor, OpsiImpor, TanpaCatat
from .kriteria import IMPOR_KRITERIA
from .laporan import Laporan
from .pemetaan import pemetaan_tersimpan, simpan_pemetaan
from .peserta import IMPOR_PESERTA
from .skor import IMPOR_SKOR
from .sumber import Sumber, baca_sumber
from .tabel import TabelBerkas, nama_judul, ringkas_dilewati, susun_tabel
from .usulan import IMPOR_USULAN

#: Every kind, by name, in the order menus list them.
SEMUA: dict[str, JenisImpor] = {j.nama: j for j in (IMPOR_USULAN, IMPOR_PESERTA, IMPOR_KRITERIA, IMPOR_SKOR)}
JENIS = tuple(SEMUA)
#: Columns per kind: name -> required.
KOLOM: dict[str, dict[str, bool]] = {j.nama: j.kolom for j in SEMUA.values()}


@dataclass
class HasilImpor:
    """What an import did."""

    jenis: str
    berkas: str
    jumlah: int  # rows imported (added, updated or already as in the file)
    ringkasan: str  # one Indonesian paragraph for stdout
    id: list[str] = field(default_factory=list)  # ids of the records added or updated (usulan, peserta, kriteria)
    diganti: int = 0  # skor: values that replaced a different earlier value
    kolom_diabaikan: list[str] = field(default_factory=list)
    catatan: list[str] = field(default_factory=list)  # warnings and notes that did not stop the import
    baru: int = 0
    diperbarui: int = 0
    ganda: int = 0
    lembar: list[str] = field(default_factory=list)  # sheets imported ("" for CSV)
    dilewati: list[str] = field(default_factory=list)  # rows skipped, per sheet, with why


@dataclass(frozen=True)
class Saran:
    """An unknown name with a close known one, for the user to accept (Enter on the screen)."""

    kolom: str
    nilai: str  # as written in the file
    saran: str  # the known name
    baris: tuple[str, ...]  # where ("usulan.csv baris 4"), at most 20


@dataclass
class Pratinjau:
    jenis: str
    berkas: str
    kolom: dict[str, bool]  # the kind's columns (the choices of the mapping step): name -> required
    lembar: list[str] = field(default_factory=list)  # sheets holding a table of the kind
    judul: list[str] = field(default_factory=list)  # the (first) table's header cells as written
    baris_judul: int = 0  # the row number of that header as the spreadsheet shows it (0: no table found)
    contoh: list[list[str]] = field(default_factory=list)  # its first three data rows, by header position
    pemetaan: dict[str, str] = field(default_factory=dict)  # header as written -> column ("" = not imported)
    kurang: list[str] = field(default_factory=list)  # required columns no header maps to
    masalah: list[str] = field(default_factory=list)  # every problem that would refuse the file
    saran: list[Saran] = field(default_factory=list)
    catatan: list[str] = field(default_factory=list)  # skipped rows and sheets, encoding, ...

    @property
    def siap(self) -> bool:
        """Whether `impor` with the same choices would import the file."""
        return not self.masalah


def _jenis(jenis: str) -> JenisImpor:
    if jenis not in SEMUA:
        raise DataDitolak(f"Jenis impor '{jenis}' tidak dikenal (pilihan: {', '.join(JENIS)}).")
    return SEMUA[jenis]


def _pesan_kurang(label: str, j: JenisImpor, tabel: TabelBerkas, kurang: list[str]) -> str:
    pesan = f"{label}: kolom wajib tidak ada: {', '.join(kurang)}."
    if tabel.diabaikan:
        pesan += f" Kolom yang tidak dikenal: {', '.join(tabel.diabaikan[:20])}."
        contoh = next((d for d in tabel.diabaikan if not d.startswith("(")), "")
        if contoh:
            pesan += f" Petakan judul Anda dengan --kolom \"{contoh}={kurang[0]}\" (diingat sesi untuk berkas berikutnya)."
    pesan += f" Kolom untuk {j.nama}: {', '.join(k + ('*' if r else '') for k, r in j.kolom.items())}."
    if j.petunjuk_kolom:
        pesan += " " + j.petunjuk_kolom
    return pesan


@dataclass
class _Bacaan:
    sumber: Sumber
    tabel: list[TabelBerkas]
    catatan: list[str]
    masalah: list[str]


def _baca(path: str | os.PathLike[str], j: JenisImpor, opsi: OpsiImpor, lembar: str | None,
          data: Any = None) -> _Bacaan:
    """Every sheet's table of the kind (its columns in session `data`, when given); header problems of
    sheets with a table are listed, not raised."""
    kolom, alias = j.kolom_alias(data)
    sumber = baca_sumber(path, lembar)
    tabel: list[TabelBerkas] = []
    catatan = list(sumber.catatan)
    masalah: list[str] = []
    kosong: list[str] = []
    satu = sumber.format == "csv" or len(sumber.lembar) == 1
    sembunyi = [lb.nama for lb in sumber.lembar if lb.tersembunyi]
    if sembunyi:
        catatan.append(f"Lembar tersembunyi dilewati: {', '.join(sembunyi[:20])} (pilih dengan --lembar bila perlu).")
    for urut, lb in enumerate(sumber.lembar):
        if lb.tersembunyi:
            continue
        label = sumber.label(lb)
        t = susun_tabel(label, lb.baris, j.nama, kolom, alias, pemetaan=opsi.pemetaan, gabung=lb.gabung,
                        pemisah=sumber.pemisah, encoding=sumber.encoding, lembar=lb.nama, abaikan=j.abaikan,
                        harus_ada=satu)
        if t is None:
            kosong.append(lb.nama)
            continue
        t.urut = urut
        kurang = j.wajib_kurang(set(t.judul), opsi)
        if kurang:
            masalah.append(_pesan_kurang(label, j, t, kurang))
        tabel.append(t)
    if not tabel:
        raise DataDitolak(f"{sumber.nama}: tidak ada lembar yang berisi tabel {j.nama} (lembar: "
                          f"{', '.join(kosong[:20])}). Kolom untuk {j.nama}: "
                          f"{', '.join(k + ('*' if r else '') for k, r in j.kolom.items())}. Pilih lembar dengan "
                          "--lembar NAMA, dan petakan judul yang berbeda dengan --kolom \"Judul=kolom\".")
    if kosong:
        catatan.append(f"Lembar tanpa tabel {j.nama} dilewati: {', '.join(kosong[:20])}.")
    if not any(t.baris for t in tabel):
        raise DataDitolak(f"{sumber.nama} tidak berisi baris data (hanya baris judul kolom); tidak ada yang "
                          "diimpor.")
    return _Bacaan(sumber, tabel, catatan, masalah)


def _gabung(bacaan: _Bacaan) -> TabelBerkas:
    """The sheets' tables as one table of the file (each row keeps its own sheet for messages)."""
    s = bacaan.sumber
    judul: dict[str, str] = {}
    posisi: dict[str, int] = {}
    diabaikan: list[str] = []
    baris = []
    for t in bacaan.tabel:
        for k, v in t.judul.items():
            judul.setdefault(k, v)
            posisi.setdefault(k, t.posisi[k])
        diabaikan += [d for d in t.diabaikan if d not in diabaikan]
        baris += t.baris
    nama = bacaan.tabel[0].nama if len(bacaan.tabel) == 1 else s.nama
    return TabelBerkas(nama, judul, posisi, baris, diabaikan, s.pemisah, s.encoding)


def _dilewati(bacaan: _Bacaan) -> list[str]:
    out = []
    for t in bacaan.tabel:
        if t.dilewati:
            out.append(f"{t.nama}: baris dilewati {ringkas_dilewati(t.dilewati)}.")
    return out


#: The kind-specific options of `OpsiImpor` as the CLI names them (for the message refusing a misplaced one).
_NAMA_OPSI = {"bidang": "--bidang", "bidang_baru": "--bidang-baru", "kelompok": "--kelompok",
              "jenis_usulan": "--jenis"}


def pilihan_asing(jenis: str, **pilihan: Any) -> str:
    """"" when every option given (`OpsiImpor` field -> value; empty values are not given) is one kind
    `jenis` takes (`JenisImpor.opsi`), else the sentence refusing the others ("--jenis hanya untuk impor
    kriteria."). The CLI calls it to exit 2 before reading anything; `impor` and `pratinjau` raise it."""
    j = _jenis(jenis)
    asing = [n for n, v in pilihan.items() if v and n not in j.opsi]
    if not asing:
        return ""
    milik = {n: next((k.nama for k in SEMUA.values() if n in k.opsi), "") for n in asing}
    return (f"Impor {j.nama} tidak memakai pilihan "
            + ", ".join(f"{_NAMA_OPSI.get(n, n)} (hanya untuk impor {milik[n]})" for n in asing) + ".")


def _opsi(data: Any, j: JenisImpor, pemetaan: dict[str, str] | None,
          terima_saran: bool | Collection[tuple[str, str]], bidang: str, bidang_baru: Collection[str],
          kelompok: str = "", jenis_usulan: str = "") -> OpsiImpor:
    """Everything the user chose, as one `OpsiImpor`; DataDitolak for an option the kind does not take."""
    semua = dict(pemetaan_tersimpan(data, j.nama)) if data is not None else {}
    semua.update({nama_judul(k): v for k, v in (pemetaan or {}).items()})
    opsi = OpsiImpor(pemetaan=semua, terima_saran=terima_saran, bidang=bersih(bidang),
                     bidang_baru=tuple(bersih(b) for b in bidang_baru if bersih(b)), kelompok=bersih(kelompok),
                     jenis_usulan=bersih(jenis_usulan))
    salah = pilihan_asing(j.nama, **{n: getattr(opsi, n) for n in _NAMA_OPSI})
    if salah:
        raise DataDitolak(salah)
    return opsi


def _cek_pemetaan(j: JenisImpor, pemetaan: dict[str, str] | None, data: Any = None) -> dict[str, str] | None:
    """The user's mapping with each target as a column key (an alias such as `prioritas` accepted; for
    skor in a session, a criterion's code or name: "Nilai RKPD=K1")."""
    if not pemetaan:
        return pemetaan
    kolom, alias = j.kolom_alias(data)
    out = {k: (v if v in kolom else alias.get(nama_judul(v), nama_judul(v)) if v else "")
           for k, v in pemetaan.items()}
    salah = [f"'{k}={pemetaan[k]}'" for k, v in out.items() if v and v not in kolom]
    if salah:
        raise DataDitolak(f"Pemetaan kolom tidak sah: {', '.join(salah)}; kolom {j.nama} yang ada: "
                          f"{', '.join(j.kolom)} (atau kosong untuk mengabaikan judul itu).")
    return out


def _periksa(tx: Transaksi, j: JenisImpor, tabel: TabelBerkas, opsi: OpsiImpor) -> tuple[list[str], dict, Laporan]:
    lap = Laporan(tabel, j.label)
    ids, info = j.isi(TanpaCatat(tx), tabel, lap, opsi)
    return ids, info, lap


def _tolak(bacaan: _Bacaan, lap: Laporan | None, jenis: str, kelurahan: dict[str, str] | None) -> None:
    masalah = list(bacaan.masalah)
    n = len(masalah) + (len(lap.daftar) if lap is not None else 0)
    try:
        if lap is not None:
            lap.tolak(jenis, kelurahan)
    except DataDitolak as e:
        masalah += e.masalah  # already limited to BATAS_MASALAH, with the hints after
    if masalah:
        raise DataDitolak(f"Impor {jenis} dari {bacaan.sumber.nama} ditolak: {n} masalah ditemukan; tidak ada "
                          "data yang diubah.", masalah=masalah)


def impor(store: Store, jenis: str, path: str | os.PathLike[str], *, lembar: str | None = None,
          pemetaan: dict[str, str] | None = None, terima_saran: bool | Collection[tuple[str, str]] = False,
          bidang: str = "", bidang_baru: Collection[str] = (), kelompok: str = "",
          jenis_usulan: str = "") -> HasilImpor:
    """Import a whole file of one kind into the session, or nothing at all (see the module docstring)."""
    j = _jenis(jenis)
    data0 = store.muat()
    if data0.info.terkunci:  # refused even when the file would change nothing (a signed session takes no import)
        raise SesiTerkunci("Berita acara sudah disahkan: sesi terkunci dan tidak menerima impor. Buka kembali "
                           "pengesahan (dengan alasan) bila perlu mengubah.")
    pemetaan = _cek_pemetaan(j, pemetaan, data0)
    opsi = _opsi(data0, j, pemetaan, terima_saran, bidang, bidang_baru, kelompok, jenis_usulan)
    bacaan = _baca(path, j, opsi, lembar, data0)
    tabel = _gabung(bacaan)
    if bacaan.masalah:  # a header lacks required columns: named as they are, nothing else is checked
        m = bacaan.masalah
        raise DataDitolak(m[0] if len(m) == 1 else f"Impor {jenis} dari {bacaan.sumber.nama} ditolak: {len(m)} "
                          "lembar tanpa kolom wajib; tidak ada data yang diubah.", masalah=m)
    # Check and build every change without the lock, on the session as last read.
    dry = Transaksi(data0, store.pelaku, store.clock())
    ids, info, lap = _periksa(dry, j, tabel, opsi)
    _tolak(bacaan, lap, jenis, dry.data.kelurahan_nama)
    with store.transaksi() as tx:
        if tx.base.revisi == data0.revisi:
            for table, rids in dry.changed_ids.items():
                for rid in rids:
                    rec = dry.get(table, rid)
                    if rec is None:
                        tx.delete(table, rid)
                    else:
                        tx.put(table, rid, rec)
        else:  # another terminal wrote meanwhile: check again against what it wrote
            ids, info, lap = _periksa(tx, j, tabel, opsi)
            _tolak(bacaan, lap, jenis, tx.data.kelurahan_nama)
        if pemetaan:
            simpan_pemetaan(tx, jenis, pemetaan)
        lama, baru = j.riwayat(ids, info)
        tx.catat(f"impor {jenis}", bacaan.sumber.nama, lama, baru)
    teks, catatan = j.ringkasan(tabel, ids, info)
    if tabel.diabaikan:
        catatan.append(f"Kolom tidak dikenal diabaikan: {', '.join(tabel.diabaikan)}.")
    dilewati = _dilewati(bacaan)
    catatan = bacaan.catatan + dilewati + catatan
    return HasilImpor(jenis=jenis, berkas=bacaan.sumber.nama, jumlah=len(ids), ringkasan=" ".join([teks, *catatan]),
                      id=ids if jenis != "skor" else [], diganti=len(info.get("diganti", {})),
                      kolom_diabaikan=list(tabel.diabaikan), catatan=catatan, baru=len(info.get("baru", [])),
                      diperbarui=len(info.get("diperbarui", [])),
                      ganda=info["ganda"] if isinstance(info.get("ganda"), int) else len(info.get("ganda", [])),
                      lembar=[t.lembar for t in bacaan.tabel], dilewati=dilewati)


def pratinjau(path: str | os.PathLike[str], jenis: str, lembar: str | None = None, *, store: Store | None = None,
              pemetaan: dict[str, str] | None = None, terima_saran: bool | Collection[tuple[str, str]] = False,
              bidang: str = "", bidang_baru: Collection[str] = (), kelompok: str = "",
              jenis_usulan: str = "") -> Pratinjau:
    """What importing the file would do, without changing anything (see the module docstring)."""
    j = _jenis(jenis)
    data = store.muat() if store is not None else None
    p = Pratinjau(jenis=jenis, berkas=os.path.basename(os.fspath(path)), kolom=dict(j.kolom_alias(data)[0]))
    try:
        opsi = _opsi(data, j, pemetaan, terima_saran, bidang, bidang_baru, kelompok, jenis_usulan)
        opsi.pemetaan.update({nama_judul(k): v for k, v in (_cek_pemetaan(j, pemetaan, data) or {}).items()})
        bacaan = _baca(path, j, opsi, lembar, data)
    except DataDitolak as e:
        p.masalah = [e.pesan] + [m for m in e.masalah if m != e.pesan]
        return p
    pertama = bacaan.tabel[0]
    p.lembar = [t.lembar for t in bacaan.tabel]
    p.judul = [bersih(h) for h in pertama.judul_mentah]
    p.baris_judul = pertama.nomor_judul
    kolom_di = {i: k for k, i in pertama.posisi.items()}
    p.pemetaan = {h: kolom_di.get(i, "") for i, h in enumerate(p.judul) if h}
    for b in pertama.baris[:3]:
        row = [""] * len(p.judul)
        for k, i in pertama.posisi.items():
            if i < len(row):
                row[i] = bersih(b.sel.get(k, ""))
        p.contoh.append(row)
    p.kurang = j.wajib_kurang(set(pertama.judul), opsi)
    p.catatan = bacaan.catatan + _dilewati(bacaan)
    p.masalah = list(bacaan.masalah)
    if store is not None and not bacaan.masalah:
        tabel = _gabung(bacaan)
        dry = Transaksi(data, store.pelaku, store.clock())
        lap = Laporan(tabel, j.label)
        try:
            j.isi(TanpaCatat(dry), tabel, lap, opsi)
            _tolak(bacaan, lap, jenis, dry.data.kelurahan_nama)
        except DataDitolak as e:
            p.masalah = list(e.masalah) or [e.pesan]
        p.saran = [Saran(k, v, s, tuple(rows)) for (k, v), (s, rows) in lap.saran.items()]
    return p


__all__ = ["JENIS", "KOLOM", "SEMUA", "HasilImpor", "Pratinjau", "Saran", "impor", "pilihan_asing", "pratinjau"]
