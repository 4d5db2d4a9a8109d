"""Importing peserta (docs/impor.md, "peserta"): each row is a participant, added or, when already
registered, updated; attendance never doubles.

- A row is the same person as a registered one when its `id` column names that peserta (P0001), else when
  name and desa/kelurahan match loosely (`cocok.kunci_orang`: case, spaces, punctuation, "Kel." prefixes);
  a row without desa/kelurahan matches the one registered person of that name. The same person twice in the
  file counts as `ganda`: the later row updates the same record.
- An update replaces the fields the file fills and keeps the others; `hadir` ya marks the person present
  (keeping an earlier check-in time), tidak or empty never un-marks anyone.
- The app's own daftar hadir export imports back: `Lembaga/Kelurahan` ("PKK Kuin Utara / Kuin Utara") is
  split into lembaga and kelurahan, `Hadir (jam)` "07.31" marks present at that time of the session's date,
  the summary rows under the table are skipped (`tabel`).
Each record is checked by `sesi.pendaftaran.peserta_record`. Linear in the rows (indexes built once, ids
numbered by `TanpaCatat`).
"""

from __future__ import annotations

import re
from datetime import time
from typing import Any

from ..data import normal
from ..errors import DataDitolak
from ..model import Peserta
from ..nama import kunci, kunci_wilayah
from ..pendaftaran import peserta_record
from ..peran import BOLEH
from ..teks import bersih
from .cocok import Penyelaras, kunci_orang
from .jenis import JenisImpor, OpsiImpor
from .laporan import Laporan, semua_galat
from .nilai import ya_tidak
from .tabel import TabelBerkas

_KOLOM = {
    "id": False, "nama": True, "unsur": True, "lembaga": False, "jabatan": False, "kelurahan": False,
    "jenis_kelamin": False, "rentan": False, "delegasi": False, "telepon": False, "hadir": False,
    "lembaga_kelurahan": False,
}
_ALIAS = {
    "id_peserta": "id", "nama_lengkap": "nama", "nama_peserta": "nama", "instansi": "lembaga",
    "asal_instansi": "lembaga", "lembaga_instansi": "lembaga", "asal_lembaga": "lembaga", "l_p": "jenis_kelamin",
    "jk": "jenis_kelamin", "jenis_kelamin_l_p": "jenis_kelamin", "no_hp": "telepon", "hp": "telepon",
    "no_telepon": "telepon", "nomor_telepon": "telepon", "desa": "kelurahan", "desa_kelurahan": "kelurahan",
    "kelurahan_desa": "kelurahan", "asal_kelurahan": "kelurahan", "asal_desa": "kelurahan",
    "nama_desa": "kelurahan", "hadir_jam": "hadir", "jam_hadir": "hadir", "kehadiran": "hadir",
    "instansi_kelurahan": "lembaga_kelurahan", "asal": "lembaga_kelurahan",
}
_LABEL = [("Jenis kelamin", "jenis_kelamin"), ("Kelurahan", "kelurahan"), ("Delegasi", "delegasi"),
         ("Unsur", "unsur"), ("Hadir", "hadir"), ("Nama", "nama"), ("Lembaga", "lembaga"),
         ("Jabatan", "jabatan"), ("Telepon", "telepon"), ("Rentan", "rentan")]
_FIELDS = ("nama", "unsur", "lembaga", "jabatan", "kelurahan", "jenis_kelamin", "rentan", "delegasi", "telepon")
_JAM = re.compile(r"^(\d{1,2})[.:](\d{2})(?::\d{2})?$")
_CONTOH = {"nama": "Contoh: Hj. Siti Aisyah", "unsur": "Delegasi Kelurahan", "lembaga": "PKK Kuin Utara",
           "jabatan": "Ketua", "kelurahan": "Kuin Utara", "jenis_kelamin": "P", "rentan": "tidak",
           "delegasi": "ya", "telepon": "0812-5000-1111", "hadir": "tidak"}


def baca_hadir(value: Any) -> tuple[bool, str]:
    """A `hadir` cell -> (present, "JJ:MM" or ""): ya/tidak, "hadir", or a check-in time "07.31"."""
    if isinstance(value, time):
        return True, f"{value.hour:02d}:{value.minute:02d}"
    teks = bersih(value)
    m = _JAM.match(teks)
    if m and int(m.group(1)) < 24 and int(m.group(2)) < 60:
        return True, f"{int(m.group(1)):02d}:{m.group(2)}"
    if normal(teks) == "hadir":
        return True, ""
    return ya_tidak(teks, "Hadir"), ""


def _pisah_asal(nama: Penyelaras, teks: str) -> tuple[str, str]:
    """The daftar hadir's "Lembaga/Kelurahan" -> (lembaga, kelurahan)."""
    teks = bersih(teks)
    if not teks or teks == "-":
        return "", ""
    bagian = [p.strip() for p in teks.split(" / ")]
    if len(bagian) > 1:
        hit = nama.kel.cari(bagian[-1])
        if hit.nama:
            return " / ".join(bagian[:-1]), hit.nama
    hit = nama.kel.cari(teks)
    if hit.nama:  # "Kuin Utara" alone is a kelurahan; "Kelurahan Pangeran" is also the lembaga
        return ("" if kunci(teks) == kunci(hit.nama) else teks), hit.nama
    k = f" {kunci(teks)} "
    for kk, n in nama.kel.dikenal.items():  # the export leaves out a kelurahan its lembaga names
        if f" {kk} " in k:
            return teks, n
    return teks, ""


def _isi(tx: Any, tabel: TabelBerkas, lap: Laporan, opsi: OpsiImpor) -> tuple[list[str], dict[str, Any]]:
    tx.wajib_peran(*BOLEH["pendaftaran"])
    nama = Penyelaras(tx, tabel, lap, opsi)
    nama.pelajari_wilayah()
    dikenal = tx.data.kelurahan_nama
    info_sesi = tx.data.info
    ada = set(tabel.judul)
    pengganti = {"nama": "x", "unsur": "lainnya", "kelurahan": "", "jenis_kelamin": "", "delegasi": "",
                 "rentan": "", "lembaga": "", "jabatan": "", "telepon": ""}
    sesi = tx.table("peserta")
    per_kunci: dict[tuple[str, str], list[str]] = {}
    per_nama: dict[str, list[str]] = {}
    for pid, p in sesi.items():
        k = kunci_orang(p["nama"], p.get("kelurahan", ""))
        per_kunci.setdefault(k, []).append(pid)
        per_nama.setdefault(k[0], []).append(pid)
    dalam_berkas: dict[str, int] = {}  # pid -> row of the file that last touched it
    ids: list[str] = []
    baru: list[str] = []
    diperbarui: list[str] = []
    ganda: list[str] = []
    sama = 0
    hadir_n = 0
    for b in tabel.baris:
        nilai = {k: b.sel.get(k, "") for k in _FIELDS}
        ok = True
        if "lembaga_kelurahan" in ada:
            lembaga, kel = _pisah_asal(nama, b.sel["lembaga_kelurahan"])
            nilai["lembaga"] = nilai["lembaga"] or lembaga
            nilai["kelurahan"] = nilai["kelurahan"] or kel
        if bersih(nilai["kelurahan"]):
            kel = nama.wilayah(b, "kelurahan", nilai["kelurahan"])
            if kel is None:  # noted with its suggestion; the other fields are still checked
                ok = False
                nilai["kelurahan"] = ""
            else:
                nilai["kelurahan"] = kel
        try:
            hadir, jam = baca_hadir(b.mentah.get("hadir", ""))
        except DataDitolak as e:
            lap.dari_galat(b, e)
            ok = False
            hadir, jam = False, ""
        # Who is this? The id column, else name and desa/kelurahan.
        pid = ""
        rid = bersih(b.sel.get("id", ""))
        if rid and rid in sesi:
            pid = rid
        elif bersih(nilai["nama"]):
            k = kunci_orang(nilai["nama"], nilai["kelurahan"])
            calon = per_kunci.get(k) or []
            if not calon:
                calon = [c for c in per_nama.get(k[0], []) if not k[1]
                         or not kunci_wilayah(sesi[c].get("kelurahan", "") if c in sesi else "")]
            if calon:  # several already registered alike: the first (registration order) is updated
                pid = calon[0]
        lama = (tx.get("peserta", pid) if pid else None)
        if lama is not None:
            dasar = {k: lama.get(k, "") for k in _FIELDS}
            dasar.update({"rentan": "ya" if lama.get("rentan") else "tidak", "delegasi":
                          "ya" if lama.get("delegasi") else "tidak"})
            if lama.get("rentan") and lama.get("rentan_jenis"):
                dasar["rentan"] = lama["rentan_jenis"]
            dasar.update({k: v for k, v in nilai.items() if bersih(v)})
            nilai = dasar
        rec = semua_galat(lap, b, lambda v: peserta_record(kelurahan_dikenal=dikenal, **v), nilai, pengganti)
        if rec is None or not ok:
            continue
        waktu = f"{info_sesi.tanggal}T{jam}:00" if jam and info_sesi.tanggal else tx.waktu_iso
        if lama is not None:
            if pid in dalam_berkas:
                ganda.append(f"{rec['nama']} (baris {dalam_berkas[pid]} dan {b.nomor})")
            rekaman = dict(lama, **rec)
            if hadir and not lama.get("hadir"):
                rekaman.update(hadir=True, waktu_hadir=waktu)
            dalam_berkas[pid] = b.nomor
            if rekaman == lama:
                sama += 1
            else:
                tx.put("peserta", pid, rekaman)
                if pid not in diperbarui and pid not in baru:
                    diperbarui.append(pid)
            if pid not in ids:
                ids.append(pid)
            continue
        pid = tx.id_baru("peserta", "P")
        full = Peserta(id=pid, **rec, urutan=tx.urutan_baru("peserta")).to_dict()
        if hadir:
            full.update(hadir=True, waktu_hadir=waktu)
        tx.put("peserta", pid, full)
        k = kunci_orang(rec["nama"], rec["kelurahan"])
        per_kunci.setdefault(k, []).append(pid)
        per_nama.setdefault(k[0], []).append(pid)
        sesi = tx.table("peserta")
        dalam_berkas[pid] = b.nomor
        baru.append(pid)
        ids.append(pid)
    for pid in ids:
        p = tx.get("peserta", pid)
        hadir_n += bool(p and p.get("hadir"))
    return ids, {"baru": baru, "diperbarui": diperbarui, "sama": sama, "ganda": ganda, "hadir": hadir_n,
                 "catatan": nama.catatan(), "wilayah_baru": nama.wilayah_baru}


def _riwayat(ids: list[str], info: dict[str, Any]) -> tuple[Any, Any]:
    baru = {"jumlah": len(info["baru"]), "id": info["baru"]}
    if info["diperbarui"]:
        baru["diperbarui"] = info["diperbarui"]
    return None, baru


def _ringkasan(tabel: TabelBerkas, ids: list[str], info: dict[str, Any]) -> tuple[str, list[str]]:
    teks = (f"{len(ids)} peserta diimpor dari {tabel.nama}" + (f", {info['hadir']} tercatat hadir. " if info["hadir"]
                                                             else ". ")
            + f"{len(info['baru'])} baru, {len(info['diperbarui'])} diperbarui, {len(info['ganda'])} ganda"
            + (f", {info['sama']} sudah ada tanpa perubahan." if info["sama"] else "."))
    catatan = list(info["catatan"])
    if info["ganda"]:
        contoh = ", ".join(info["ganda"][:5]) + (", ..." if len(info["ganda"]) > 5 else "")
        catatan.append(f"Perhatian: {len(info['ganda'])} orang muncul dua kali di berkas dan digabung: {contoh}.")
    return teks, catatan


IMPOR_PESERTA = JenisImpor("peserta", _KOLOM, _ALIAS, _LABEL, _isi, _riwayat, _ringkasan, contoh=_CONTOH)
