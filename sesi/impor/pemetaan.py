"""What a session remembers for its imports: column mappings and the SKPD-to-bidang table
(docs/impor.md, "Pemetaan kolom" and "Tabel SKPD-bidang").

Both live in one record of the session file, `sesi/impor` (the `sesi` table beside `info`), written through
the store's transactions like every change:

    {"id": "impor",
     "pemetaan": {"usulan": {"usulan_ke": "prioritas_kelurahan", "foto": ""}, ...},  # header key -> column
     "skpd_bidang": {"Dinas PUPR": "Infrastruktur dan Kewilayahan", ...}}             # overrides only

- `pemetaan_tersimpan(data, jenis) -> dict[str, str]`: the mapping remembered for a kind (header key as
  `tabel.nama_judul` writes it -> column, "" = ignore the column).
- `simpan_pemetaan(tx, jenis, pemetaan)`: remember a mapping (merged into the old one); used by the import
  flow when a file imported with a mapping, so the next file of the same shape needs none.
- `tabel_skpd_bidang(data) -> dict[str, str]`: SKPD -> bidang, the defaults of `sesi.nama.SKPD_BIDANG`
  overlaid with the session's edits; `bidang_dari_skpd(tabel, skpd)` looks an SKPD up by its key.
- `atur_skpd_bidang(tx, skpd, bidang)`: edit one entry (bidang "" removes the session's override), with a
  history entry. Role: persiapan.
"""

from __future__ import annotations

from typing import Any, Mapping

from ..errors import DataDitolak
from ..masukan import wajib
from ..nama import SKPD_BIDANG, kunci_skpd, skpd_baku
from ..peran import BOLEH
from ..teks import bersih
from .tabel import nama_judul

REKAMAN = "impor"  # record id in the `sesi` table


def _rekaman(raw: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    rec = raw.get("sesi", {}).get(REKAMAN)
    return rec if isinstance(rec, dict) else {}


def pemetaan_tersimpan(data: Any, jenis: str) -> dict[str, str]:
    """The mapping remembered for `jenis` (`data`: a `Data` or a transaction's `data`)."""
    p = _rekaman(data.raw).get("pemetaan", {}).get(jenis, {})
    return {str(k): str(v) for k, v in p.items()} if isinstance(p, dict) else {}


def simpan_pemetaan(tx: Any, jenis: str, pemetaan: Mapping[str, str]) -> None:
    """Remember `pemetaan` (header -> column) for `jenis`, over what was remembered before."""
    if not pemetaan:
        return
    rec = dict(_rekaman({"sesi": tx.table("sesi")}), id=REKAMAN)
    semua = dict(rec.get("pemetaan", {}))
    lama = dict(semua.get(jenis, {}))
    baru = dict(lama, **{nama_judul(k): v for k, v in pemetaan.items() if nama_judul(k)})
    if baru == lama:
        return
    semua[jenis] = baru
    rec["pemetaan"] = semua
    tx.put("sesi", REKAMAN, rec)
    tx.catat(f"pemetaan kolom {jenis}", REKAMAN, lama or None, baru)


def tabel_skpd_bidang(data: Any) -> dict[str, str]:
    """SKPD -> bidang: the known defaults overlaid with the session's edits."""
    t = dict(SKPD_BIDANG)
    for skpd, bidang in _rekaman(data.raw).get("skpd_bidang", {}).items():
        if bidang:
            t[str(skpd)] = str(bidang)
        else:
            t.pop(str(skpd), None)
    return t


def bidang_dari_skpd(tabel: Mapping[str, str], skpd: str) -> str:
    """The bidang of `skpd` in `tabel`, matched by SKPD key ("DPUPR" finds "Dinas PUPR"); '' if none."""
    if skpd in tabel:
        return tabel[skpd]
    k = kunci_skpd(skpd)
    for nama, bidang in tabel.items():
        if kunci_skpd(nama) == k:
            return bidang
    return ""


def atur_skpd_bidang(tx: Any, skpd: str, bidang: str) -> None:
    """Set the bidang of an SKPD for this session (bidang "" drops the session's entry)."""
    tx.wajib_peran(*BOLEH["persiapan"])
    skpd = wajib(skpd, "SKPD")
    skpd = skpd_baku(skpd) or skpd
    bidang = bersih(bidang)
    rec = dict(_rekaman({"sesi": tx.table("sesi")}), id=REKAMAN)
    t = dict(rec.get("skpd_bidang", {}))
    lama = t.get(skpd, SKPD_BIDANG.get(skpd, ""))
    if bidang:
        t[skpd] = bidang
    elif skpd in t:
        del t[skpd]
    else:
        raise DataDitolak(f"SKPD {skpd} tidak ada di tabel SKPD-bidang sesi ini.")
    rec["skpd_bidang"] = t
    tx.put("sesi", REKAMAN, rec)
    tx.catat("atur skpd-bidang", skpd, lama or None, bidang or None)


__all__ = ["atur_skpd_bidang", "bidang_dari_skpd", "pemetaan_tersimpan", "simpan_pemetaan",
           "tabel_skpd_bidang"]
