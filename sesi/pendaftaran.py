"""Registration: participants, check-in at the door, and the attendance figures."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .data import Data, normal
from .errors import DataDitolak
from .format import jam
from .masukan import isian, nama_orang, tolak_kendali
from .model import UNSUR, Peserta
from .peran import BOLEH
from .teks import bersih
from .transaksi import Transaksi

RENTAN_YA = {"ya", "y", "1", "true", "benar"}
RENTAN_TIDAK = {"", "tidak", "t", "0", "false", "bukan", "-"}


def kunci_unsur(value: str) -> str:
    """An unsur given as key or label (any case) -> its key; DataDitolak if unknown."""
    v = normal(value)
    for key, label in UNSUR.items():
        if v in (normal(key), normal(label)) or v == normal(label.split(" (")[0]):
            return key
    aliases = {"lurah": "lurah", "kepala desa": "lurah", "kades": "lurah", "kepala desa/lurah": "lurah",
               "delegasi kelurahan": "delegasi", "delegasi desa": "delegasi",
               "dprd": "dprd", "skpd": "skpd", "upt": "skpd", "lpm": "kelompok_masyarakat",
               "pkk": "kelompok_masyarakat", "lsm": "kelompok_masyarakat", "tokoh": "tokoh_masyarakat"}
    aliases = {normal(k): x for k, x in aliases.items()}
    if v in aliases:
        return aliases[v]
    raise DataDitolak(f"Unsur '{value}' tidak dikenal (pilihan: {', '.join(UNSUR)}).")


def kunci_jenis_kelamin(value: str) -> str:
    v = normal(value)
    if v in ("l", "laki laki", "laki", "pria"):
        return "L"
    if v in ("p", "perempuan", "wanita"):
        return "P"
    if v == "":
        return ""
    raise DataDitolak(f"Jenis kelamin harus L atau P, bukan '{value}'.")


#: Values of `delegasi` that leave the flag to the unsur (`delegasi_menurut_unsur`).
DELEGASI_MENURUT_UNSUR = {"", "menurut unsur", "otomatis"}


def delegasi_menurut_unsur(unsur: str) -> bool:
    """The delegate flag a participant takes when none is given: yes for the unsur Delegasi Kelurahan, no
    for any other. The walk-in form, the CSV import and the actions all default through here, so the F9
    check (which counts the flag), the attendance per unsur and the berita acara agree."""
    return unsur == "delegasi"


def peserta_record(nama: str, unsur: str, lembaga: str = "", kelurahan: str = "", jenis_kelamin: str = "",
                   rentan: Any = False, rentan_jenis: str = "", delegasi: Any = None, telepon: str = "",
                   jabatan: str = "", kelurahan_dikenal: dict[str, str] | None = None) -> dict[str, Any]:
    """A checked peserta record without id/urutan (raises DataDitolak naming the field). `delegasi` None or
    empty takes the unsur's default (`delegasi_menurut_unsur`)."""
    kel = bersih(tolak_kendali(kelurahan, "Kelurahan"))
    if kel and kelurahan_dikenal is not None:
        if normal(kel) not in kelurahan_dikenal:
            raise DataDitolak(f"Kelurahan '{kel}' tidak dikenal di kecamatan ini.")  # "Kelurahan ": the import's column label
        kel = kelurahan_dikenal[normal(kel)]
    if isinstance(rentan, str):
        r = normal(rentan)
        if r in RENTAN_YA:
            rentan, rentan_jenis = True, isian(rentan_jenis, "Rentan", "rentan_jenis")
        elif r in RENTAN_TIDAK:
            rentan, rentan_jenis = False, ""
        else:
            rentan, rentan_jenis = True, isian(rentan, "Rentan", "rentan_jenis")
    unsur_kunci = kunci_unsur(unsur) if unsur not in UNSUR else unsur
    if delegasi is None or (isinstance(delegasi, str) and normal(delegasi) in DELEGASI_MENURUT_UNSUR):
        delegasi = delegasi_menurut_unsur(unsur_kunci)
    if isinstance(delegasi, str):
        d = normal(delegasi)
        if d in RENTAN_YA:
            delegasi = True
        elif d in RENTAN_TIDAK:
            delegasi = False
        else:
            raise DataDitolak(f"Delegasi harus ya atau tidak, bukan '{delegasi}'.")
    return {
        "nama": nama_orang(nama, "Nama"),
        "unsur": unsur_kunci,
        "lembaga": isian(lembaga, "Lembaga", "lembaga"),
        "jabatan": isian(jabatan, "Jabatan", "jabatan"),
        "kelurahan": kel,
        "jenis_kelamin": kunci_jenis_kelamin(jenis_kelamin),
        "rentan": bool(rentan),
        "rentan_jenis": isian(rentan_jenis, "Rentan", "rentan_jenis") if rentan else "",
        "delegasi": bool(delegasi),
        "telepon": isian(telepon, "Telepon", "telepon"),
    }


def tambah_peserta(tx: Transaksi, *, hadir: bool = False, **fields: Any) -> str:
    """Add a participant (a walk-in when `hadir`); returns the new id."""
    tx.wajib_peran(*BOLEH["pendaftaran"])
    rec = peserta_record(kelurahan_dikenal=tx.data.kelurahan_nama, **fields)
    pid = tx.id_baru("peserta", "P")
    full = Peserta(id=pid, **rec, urutan=tx.urutan_baru("peserta")).to_dict()
    if hadir:
        full["hadir"] = True
        full["waktu_hadir"] = tx.waktu_iso
    tx.put("peserta", pid, full)
    tx.catat("tambah peserta" + (" (hadir)" if hadir else ""), pid, None, rec["nama"])
    return pid


def ubah_peserta(tx: Transaksi, pid: str, **fields: Any) -> None:
    tx.wajib_peran(*BOLEH["pendaftaran"])
    lama = tx.wajib_ada("peserta", pid, "Peserta")
    current = {k: lama.get(k) for k in ("nama", "unsur", "lembaga", "kelurahan", "rentan", "rentan_jenis",
                                          "delegasi", "telepon", "jabatan")}
    current["jenis_kelamin"] = lama.get("jenis_kelamin", "")
    current.update(fields)
    rec = peserta_record(kelurahan_dikenal=tx.data.kelurahan_nama, **current)
    baru = dict(lama, **rec)
    if baru == lama:
        return
    tx.put("peserta", pid, baru)
    beda = {k: (lama.get(k), baru[k]) for k in rec if lama.get(k) != baru[k]}
    tx.catat("ubah peserta", pid, {k: a for k, (a, _) in beda.items()}, {k: b for k, (_, b) in beda.items()})


def hadir(tx: Transaksi, pid: str) -> None:
    """Mark a participant present, with the time of check-in."""
    tx.wajib_peran(*BOLEH["pendaftaran"])
    lama = tx.wajib_ada("peserta", pid, "Peserta")
    if lama.get("hadir"):
        raise DataDitolak(f"{lama['nama']} sudah tercatat hadir pukul {jam(lama.get('waktu_hadir', ''))}.")
    tx.put("peserta", pid, dict(lama, hadir=True, waktu_hadir=tx.waktu_iso))
    tx.catat("hadir", pid, False, True)


def batal_hadir(tx: Transaksi, pid: str) -> None:
    """Undo a check-in."""
    tx.wajib_peran(*BOLEH["pendaftaran"])
    lama = tx.wajib_ada("peserta", pid, "Peserta")
    if not lama.get("hadir"):
        raise DataDitolak(f"{lama['nama']} belum tercatat hadir.")
    tx.put("peserta", pid, dict(lama, hadir=False, waktu_hadir=""))
    tx.catat("batal hadir", pid, lama.get("waktu_hadir"), None)


def cari(data: Data, teks: str, batas: int = 50) -> list[Peserta]:
    """Participants whose name, lembaga or kelurahan contain every word typed (any case), best first."""
    words = normal(teks).split()
    if not words:
        return list(data.peserta.values())[:batas]
    out = []
    for p in data.peserta.values():
        hay = normal(f"{p.nama} {p.lembaga} {p.kelurahan} {p.id}")
        if all(w in hay for w in words):
            nama = normal(p.nama)
            rank = 0 if nama.startswith(words[0]) else 1 if any(
                part.startswith(words[0]) for part in nama.split()) else 2
            out.append((rank, p.hadir, nama, p))
    out.sort(key=lambda t: t[:3])
    return [t[3] for t in out[:batas]]


@dataclass
class Rekap:
    """Attendance figures for the registration desk and the minutes."""

    terdaftar: int = 0
    hadir: int = 0
    per_unsur: dict[str, int] = field(default_factory=dict)  # only unsur with someone present
    perempuan: int = 0
    laki: int = 0
    rentan: int = 0
    rentan_per_jenis: dict[str, int] = field(default_factory=dict)
    kelurahan_hadir: list[str] = field(default_factory=list)
    kelurahan_absen: list[str] = field(default_factory=list)
    delegasi_per_kelurahan: dict[str, int] = field(default_factory=dict)
    delegasi_perempuan_per_kelurahan: dict[str, int] = field(default_factory=dict)

    @property
    def persen_perempuan(self) -> float:
        return 100.0 * self.perempuan / self.hadir if self.hadir else 0.0


def rekap(data: Data) -> Rekap:
    r = Rekap()
    kel_hadir: set[str] = set()
    for p in data.peserta.values():
        r.terdaftar += 1
        if not p.hadir:
            continue
        r.hadir += 1
        r.per_unsur[p.unsur] = r.per_unsur.get(p.unsur, 0) + 1
        if p.jenis_kelamin == "P":
            r.perempuan += 1
        elif p.jenis_kelamin == "L":
            r.laki += 1
        if p.rentan:
            r.rentan += 1
            jenis = p.rentan_jenis or "lainnya"
            r.rentan_per_jenis[jenis] = r.rentan_per_jenis.get(jenis, 0) + 1
        if p.kelurahan:
            kel_hadir.add(p.kelurahan)
            if p.delegasi:
                r.delegasi_per_kelurahan[p.kelurahan] = r.delegasi_per_kelurahan.get(p.kelurahan, 0) + 1
                if p.jenis_kelamin == "P":
                    r.delegasi_perempuan_per_kelurahan[p.kelurahan] = \
                        r.delegasi_perempuan_per_kelurahan.get(p.kelurahan, 0) + 1
    r.per_unsur = {k: r.per_unsur[k] for k in UNSUR if k in r.per_unsur}
    for k in data.kelurahan:
        (r.kelurahan_hadir if k.nama in kel_hadir else r.kelurahan_absen).append(k.nama)
    return r
