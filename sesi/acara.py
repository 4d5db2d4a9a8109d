"""The meeting's hours and its chair and signers (issue 11, item 4): session fields the berita acara needs
that the rest of the session does not give.

Fields of `sesi.info` (`sesi.model.Info`), all text, "" when not recorded:

- `waktu_mulai`, `waktu_selesai`: local clock time "HH.MM" (Indonesian style, a dot), in the session's time
  zone (`sesi.sebutan.zona`: WIB, WITA or WIT, from the province at `musrenbang baru`, editable).
- `nip_camat`: the Camat's NIP, 18 digits (Nomor Induk Pegawai: 8 birth date, 6 start month, 1 sex, 3
  sequence; BKN), kept grouped as printed: "19700101 199003 1 001".
- `pimpinan_nama`, `pimpinan_jabatan`, `pimpinan_nip`: the pimpinan sidang when someone other than the
  Camat chairs; "" = the Camat chairs (DOMAIN.md: "Sidang Pleno II: chaired by the Camat").

Actions (on a `Transaksi`, with history, role `persiapan`): `ubah_acara(tx, **kolom)` for these fields and
`ubah_sesi(tx, **kolom)` for any field of the session form (the rest goes to `sesi.persiapan.ubah_info` in
the same transaction). Bad input raises DataDitolak naming the field. Readers: `pimpinan_sidang(data)`,
`waktu_teks(data, kolom)`. Never imports Textual.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .errors import DataDitolak
from .masukan import kutip, nama_orang, teks_terbatas
from .peran import BOLEH
from .teks import bersih
from .transaksi import Transaksi

#: The fields this module owns, key -> label (as the Persiapan form and the messages name them).
KOLOM_ACARA: dict[str, str] = {
    "waktu_mulai": "Waktu mulai",
    "waktu_selesai": "Waktu selesai",
    "nip_camat": "NIP Camat",
    "pimpinan_nama": "Pimpinan sidang",
    "pimpinan_jabatan": "Jabatan pimpinan sidang",
    "pimpinan_nip": "NIP pimpinan sidang",
}

_JAM = re.compile(r"^\s*(\d{1,2})(?:[.:](\d{2}))?\s*$")


def jam_sah(value: Any, nama_kolom: str) -> str:
    """'8', '8.00', '08:00' -> '08.00'; '' stays ''. DataDitolak for anything else or past 23.59."""
    t = bersih(value)
    if not t:
        return ""
    m = _JAM.match(t.replace("WIB", "").replace("WITA", "").replace("WIT", ""))
    if not m or int(m.group(1)) > 23 or int(m.group(2) or 0) > 59:
        raise DataDitolak(f"{nama_kolom} harus jam dan menit, mis. 08.00 atau 15.30, bukan '{kutip(t)}'.")
    return f"{int(m.group(1)):02d}.{m.group(2) or '00'}"


def nip_sah(value: Any, nama_kolom: str) -> str:
    """An NIP as printed under a name: 18 digits, spaces/dots/dashes ignored, grouped 8-6-1-3
    ('19700101 199003 1 001'); '' stays ''. DataDitolak for another count of digits or any other character."""
    t = bersih(value)
    if not t:
        return ""
    digit = re.sub(r"[\s.\-]", "", t)
    if not digit.isdigit() or len(digit) != 18:
        raise DataDitolak(f"{nama_kolom} harus 18 angka (mis. 19700101 199003 1 001), bukan '{kutip(t)}'.")
    return f"{digit[:8]} {digit[8:14]} {digit[14]} {digit[15:]}"


def kolom_sah(kolom: str, value: Any) -> str:
    """One field of `KOLOM_ACARA` checked and cleaned as stored; DataDitolak naming the field."""
    label = KOLOM_ACARA[kolom]
    if kolom.startswith("waktu_"):
        return jam_sah(value, label)
    if kolom.endswith("nip") or kolom == "nip_camat":
        return nip_sah(value, label)
    if kolom == "pimpinan_nama":
        return nama_orang(value, label, boleh_kosong=True)
    return teks_terbatas(value, label, 200)


def acara_sah(kolom: dict[str, Any], lama: dict[str, Any] | None = None) -> dict[str, str]:
    """Fields of `KOLOM_ACARA` checked and cleaned as stored, merged over `lama` (the stored info, or none):
    every bad value at once. DataDitolak listing each problem (`masalah`: an unknown field, a bad time or NIP,
    a finish not after the start)."""
    baru = dict(lama or {})
    masalah: list[str] = []
    jam_gagal = False
    for k, v in kolom.items():
        if k not in KOLOM_ACARA:
            masalah.append(f"Kolom sesi '{k}' tidak dikenal.")
            continue
        try:
            baru[k] = kolom_sah(k, v)
        except DataDitolak as e:
            masalah.append(e.pesan)
            jam_gagal = jam_gagal or k.startswith("waktu_")
    mulai, selesai = baru.get("waktu_mulai", ""), baru.get("waktu_selesai", "")
    if not jam_gagal and mulai and selesai and selesai <= mulai:
        masalah.append(f"Waktu selesai ({selesai}) harus sesudah waktu mulai ({mulai}).")
    if masalah:
        pesan = masalah[0] if len(masalah) == 1 else f"{len(masalah)} isian tidak dapat diterima: " + " ".join(masalah)
        raise DataDitolak(pesan, masalah)
    return baru


def ubah_acara(tx: Transaksi, **kolom: Any) -> None:
    """Set the meeting's hours, the Camat's NIP, or the pimpinan sidang (`KOLOM_ACARA`), each change in
    the history as "ubah data sesi". Refused (DataDitolak): an unknown field, a bad time or NIP, a finish
    before the start."""
    tx.wajib_peran(*BOLEH["persiapan"])
    lama = dict(tx.get("sesi", "info") or {})
    baru = acara_sah(kolom, lama)
    diubah = {k: (lama.get(k, ""), baru[k]) for k in kolom if lama.get(k, "") != baru[k]}
    if not diubah:
        return
    tx.put("sesi", "info", baru)
    for k, (a, b) in diubah.items():
        tx.catat("ubah data sesi", k, a, b)


def ubah_sesi(tx: Transaksi, **kolom: Any) -> None:
    """Any field of the session form in one transaction: `KOLOM_ACARA` here, the rest through
    `sesi.persiapan.ubah_info` (which raises for a field it does not know)."""
    from .persiapan import ubah_info

    lain = {k: v for k, v in kolom.items() if k not in KOLOM_ACARA}
    if lain:
        ubah_info(tx, **lain)
    milik = {k: v for k, v in kolom.items() if k in KOLOM_ACARA}
    if milik:
        ubah_acara(tx, **milik)


@dataclass(frozen=True)
class Pimpinan:
    """Who chairs the sidang: name ('' when not known), office, NIP ('' when not recorded), and whether it
    is the Camat."""

    nama: str
    jabatan: str
    nip: str
    camat: bool


def jabatan_camat(data) -> str:
    """'Camat Banjarmasin Utara'."""
    kec = re.sub(r"(?i)^kecamatan\s+", "", data.info.kecamatan.strip())
    return f"Camat {kec}".strip()


def pimpinan_sidang(data) -> Pimpinan:
    """The pimpinan sidang: the one recorded (`pimpinan_nama`), else the Camat of the session (name from
    `musrenbang baru --camat`, NIP `nip_camat`). Someone recorded under the Camat's own name is the Camat."""
    info = data.info
    nama = info.pimpinan_nama.strip()
    if nama and nama != info.camat.strip():
        return Pimpinan(nama, info.pimpinan_jabatan.strip(), info.pimpinan_nip, False)
    return Pimpinan(info.camat.strip(), jabatan_camat(data), info.nip_camat or info.pimpinan_nip, True)


def waktu_teks(data, kolom: str) -> str:
    """'08.00 WITA' for `waktu_mulai`/`waktu_selesai`; '' when not recorded."""
    from .sebutan import zona

    jam = getattr(data.info, kolom, "")
    return f"{jam} {zona(data)}" if jam else ""


__all__ = ["KOLOM_ACARA", "Pimpinan", "jabatan_camat", "kolom_sah", "jam_sah", "nip_sah", "pimpinan_sidang", "ubah_acara",
           "ubah_sesi", "waktu_teks"]
