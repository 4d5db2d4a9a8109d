"""Workbooks to hand out to desa/kelurahan, so what comes back imports cleanly (docs/impor.md, "Templat").

`templat(jenis, data=None) -> bytes`: an .xlsx rendered in memory with openpyxl (the caller writes it with
the one safe writer, `sesi.berkas.tulis_keluaran`). Sheet 1, named after the kind: the header row (the
column names the import reads, required ones marked in a comment), one example row whose first text cell
starts with "Contoh:" (the import skips such rows), frozen header, column widths. Dropdowns (data
validation, type list) for the columns with a fixed set of values, read from a hidden sheet `daftar`
(an inline list is limited to 255 characters): desa/kelurahan, SKPD, bidang, jenis, sumber dana and unsur,
taken from the session `data` when given (else the usual defaults of `sesi.nama`). Rows 2 to `BARIS_ISIAN`
carry the dropdowns; typing another value is warned about, not blocked (new names are legitimate).
"""

from __future__ import annotations

import io
from typing import Any

from ..dana import SUMBER_DANA, pilihan_sumber
from ..model import UNSUR
from ..nama import BIDANG_BAKU, SKPD_DIKENAL
from .alur import _jenis
from .pemetaan import tabel_skpd_bidang

BARIS_ISIAN = 1000

#: Header text written for each column (what the import reads back to the same column).
_JUDUL = {"id": "ID Usulan", "kelurahan": "Kelurahan", "prioritas_kelurahan": "Prioritas Kelurahan",
          "kegiatan": "Kegiatan", "masalah": "Masalah", "lokasi": "Lokasi", "volume": "Volume",
          "satuan": "Satuan", "perkiraan_biaya": "Perkiraan Biaya", "jenis": "Jenis", "skpd": "SKPD",
          "bidang": "Bidang", "sumber_dana": "Sumber Dana", "catatan": "Catatan", "nama": "Nama",
          "harga_satuan": "Harga Satuan", "unsur": "Unsur", "lembaga": "Lembaga", "jabatan": "Jabatan",
          "jenis_kelamin": "L/P",
          "rentan": "Rentan", "delegasi": "Delegasi", "telepon": "Telepon", "hadir": "Hadir", "kode": "Kode",
          "bobot": "Bobot", "skala_min": "Skala Min", "skala_maks": "Skala Maks", "usulan_id": "ID Usulan",
          "kriteria": "Kriteria", "nilai": "Nilai", "penilai": "Penilai"}
#: Columns a template leaves out (filled by the app, or only for re-imports).
_TANPA = {"usulan": {"skpd_awal", "status"}, "peserta": {"id", "lembaga_kelurahan"}}


def _daftar(data: Any, jenis: str) -> dict[str, list[str]]:
    """Column -> the values its dropdown offers."""
    wilayah = [k.nama for k in data.kelurahan] if data is not None else []
    out: dict[str, list[str]] = {"jenis": ["fisik", "non-fisik"], "jenis_kelamin": ["L", "P"],
                                 "rentan": ["tidak", "ya", "disabilitas", "lansia", "miskin"],
                                 "delegasi": ["ya", "tidak"], "hadir": ["ya", "tidak"],
                                 "unsur": list(UNSUR.values())}
    if wilayah:
        out["kelurahan"] = wilayah
    skpd = list(SKPD_DIKENAL)
    bidang = list(BIDANG_BAKU)
    # the fixed vocabulary (sesi/dana.py), in the session's words when there is one
    sumber = [lbl for lbl, _ in pilihan_sumber(data)] if data is not None else list(SUMBER_DANA.values())
    if data is not None:
        for u in data.usulan.values():
            for v, daftar in ((u.skpd, skpd), (u.bidang, bidang)):
                if v and v not in daftar:
                    daftar.append(v)
        for b in tabel_skpd_bidang(data).values():
            if b not in bidang:
                bidang.append(b)
    out.update(skpd=skpd, bidang=bidang, sumber_dana=sumber)
    if jenis == "skor" and data is not None:
        # every criteria set's codes (`sesi.set_kriteria`), each once, in the sets' order
        out["kriteria"] = list(dict.fromkeys(k.kode for k in data.records("kriteria").values()))
    return out


def templat(jenis: str, data: Any = None) -> bytes:
    """The .xlsx template of `jenis` as bytes (see the module docstring)."""
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    j = _jenis(jenis)
    kolom = [k for k in j.kolom if k not in _TANPA.get(jenis, set())]
    wilayah_jenis = {k.get("jenis", "") for k in data.raw.get("kelurahan", {}).values()} if data is not None else set()
    judul = dict(_JUDUL)
    if wilayah_jenis == {"desa"}:
        judul["kelurahan"] = "Desa"
        judul["prioritas_kelurahan"] = "Prioritas"
    wb = Workbook()
    ws = wb.active
    ws.title = jenis
    tebal = Font(bold=True)
    for c, k in enumerate(kolom, start=1):
        sel = ws.cell(row=1, column=c, value=judul.get(k, k))
        sel.font = tebal
        sel.fill = PatternFill("solid", fgColor="DDEBF7")
        if j.kolom[k]:
            sel.comment = Comment("Wajib diisi.", "musrenbang")
        contoh = j.contoh.get(k, "")
        if k == "kelurahan" and data is not None and data.kelurahan:
            contoh = data.kelurahan[0].nama
        ws.cell(row=2, column=c, value=contoh)
        ws.column_dimensions[get_column_letter(c)].width = max(12, min(40, len(str(contoh)) + 4))
    ws.freeze_panes = "A2"
    daftar = _daftar(data, jenis)
    pakai = [k for k in kolom if k in daftar]
    if pakai:
        dws = wb.create_sheet("daftar")
        dws.sheet_state = "hidden"
        for c, k in enumerate(pakai, start=1):
            dws.cell(row=1, column=c, value=judul.get(k, k))
            for r, v in enumerate(daftar[k], start=2):
                dws.cell(row=r, column=c, value=v)
            huruf = get_column_letter(c)
            dv = DataValidation(type="list", formula1=f"=daftar!${huruf}$2:${huruf}${len(daftar[k]) + 1}",
                                allow_blank=True, showErrorMessage=True, errorStyle="warning",
                                errorTitle="Di luar daftar",
                                error="Nilai ini tidak ada di daftar. Periksa ejaannya; bila memang baru, biarkan.")
            target = get_column_letter(kolom.index(k) + 1)
            dv.add(f"{target}2:{target}{BARIS_ISIAN}")
            ws.add_data_validation(dv)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


__all__ = ["BARIS_ISIAN", "templat"]
