"""Sidang Kelompok: members, and the election of ketua, sekretaris and notulen from and by the members."""

from __future__ import annotations

import random
from dataclasses import dataclass

from .errors import DataDitolak
from .peringatan import sebut_kelompok
from .model import JABATAN_KELOMPOK, Kelompok, Pemilihan
from .peran import BOLEH
from .sebutan import wilayah_kecil
from .teks import bersih
from .transaksi import Transaksi

METODE = {"aklamasi": "musyawarah mufakat (aklamasi)", "suara": "pemungutan suara"}
PENENTUAN = {"": "", "putaran_kedua": "putaran kedua", "undian": "undian"}


def _kelompok(tx: Transaksi, kid: str) -> dict:
    rec = tx.get("kelompok", kid)
    if rec is None:
        raise DataDitolak(f"Kelompok {kid} belum ditetapkan; tetapkan kelompok di Persiapan dahulu.")
    return rec


def atur_anggota(tx: Transaksi, pid: str, kid: str) -> None:
    """Put a present participant in a kelompok ("" takes them out)."""
    tx.wajib_peran(*BOLEH["kelompok"])
    p = tx.get("peserta", pid)
    if p is None:
        raise DataDitolak(f"Peserta {pid} tidak ada.")
    if kid:
        _kelompok(tx, kid)
        if not p.get("hadir"):
            raise DataDitolak(f"{p['nama']} belum tercatat hadir; catat kehadirannya dahulu.")
    lama_kid = p.get("kelompok", "")
    if lama_kid == kid:
        return
    if lama_kid:
        lama = tx.get("kelompok", lama_kid)
        if lama and pid in (lama.get("ketua"), lama.get("sekretaris"), lama.get("notulen")):
            raise DataDitolak(f"{p['nama']} menjabat di {sebut_kelompok(lama['nama'])}; batalkan pemilihannya dahulu.")
    tx.put("peserta", pid, dict(p, kelompok=kid))
    tx.catat("anggota kelompok", pid, lama_kid or None, kid or None)


def atur_anggota_massal(tx: Transaksi, kid: str, *, kelurahan: str = "", unsur: str = "",
                        hanya_tanpa_kelompok: bool = True) -> int:
    """Put every present participant of a kelurahan and/or unsur in a kelompok; returns how many."""
    tx.wajib_peran(*BOLEH["kelompok"])
    _kelompok(tx, kid)
    if not kelurahan and not unsur:
        raise DataDitolak(f"Pilih {wilayah_kecil(tx.data)} atau unsur yang akan dimasukkan.")
    n = 0
    for pid, p in list(tx.table("peserta").items()):
        if not p.get("hadir") or (hanya_tanpa_kelompok and p.get("kelompok")):
            continue
        if kelurahan and p.get("kelurahan") != kelurahan:
            continue
        if unsur and p.get("unsur") != unsur:
            continue
        atur_anggota(tx, pid, kid)
        n += 1
    return n


# --- election ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class HasilPemilihan:
    terpilih: str = ""  # peserta id, "" while undecided
    seri: tuple[str, ...] = ()  # candidates tied at the top


@dataclass(frozen=True)
class SuaraSeri:
    """A tie still open: the candidates with the most votes in a post's last hand count."""

    calon: tuple[str, ...] = ()  # their peserta ids, in the order of the count; () = no open tie
    suara: int = 0  # the votes each of them got
    putaran: int = 0  # which round it was (1 = the first count)

    def __bool__(self) -> bool:
        return bool(self.calon)


def _teratas(suara: dict[str, int]) -> tuple[list[str], int]:
    """The candidates with the most votes in one count (in the count's order), and that number."""
    top = max(suara.values())
    return [p for p, n in suara.items() if n == top], top


def suara_seri(kel: Kelompok, jabatan: str) -> SuaraSeri:
    """The tie the members must still decide for a post (by another round among the tied, or `undi`): the
    candidates tied at the top of its last hand count, while nobody holds the post. Empty otherwise."""
    if getattr(kel, jabatan):
        return SuaraSeri()
    putaran = kel.pemilihan_untuk(jabatan).putaran
    if not putaran:
        return SuaraSeri()
    calon, top = _teratas(putaran[-1]["suara"])
    return SuaraSeri(tuple(calon), top, len(putaran)) if len(calon) > 1 else SuaraSeri()


def _pemilihan(kel: dict, jabatan: str) -> dict:
    return dict(kel.get("pemilihan", {}).get(jabatan, {}))


def _cek_jabatan(kel: dict, jabatan: str) -> None:
    if jabatan not in JABATAN_KELOMPOK:
        raise DataDitolak(f"Jabatan '{jabatan}' tidak dikenal (ketua, sekretaris, notulen).")
    if kel.get(jabatan):
        raise DataDitolak(f"{JABATAN_KELOMPOK[jabatan]} {sebut_kelompok(kel['nama'])} sudah terpilih; "
                          "batalkan dahulu untuk memilih ulang.")


def _cek_calon(tx: Transaksi, kel: dict, jabatan: str, pid: str) -> dict:
    p = tx.get("peserta", pid)
    if p is None:
        raise DataDitolak(f"Peserta {pid} tidak ada.")
    if p.get("kelompok") != kel["id"] or not p.get("hadir"):
        raise DataDitolak(f"{p['nama']} bukan anggota hadir {sebut_kelompok(kel['nama'])}.")
    for other in JABATAN_KELOMPOK:
        if other != jabatan and kel.get(other) == pid:
            raise DataDitolak(f"{p['nama']} sudah terpilih sebagai {JABATAN_KELOMPOK[other].lower()}; "
                              "satu orang satu jabatan.")
    return p


def _anggota_hadir(tx: Transaksi, kid: str) -> int:
    return sum(1 for p in tx.table("peserta").values() if p.get("kelompok") == kid and p.get("hadir"))


def _tetapkan(tx: Transaksi, kel: dict, jabatan: str, pem: dict, pid: str) -> None:
    pem["terpilih"] = pid
    pem["waktu"] = tx.waktu_iso
    baru = dict(kel, **{jabatan: pid})
    baru["pemilihan"] = dict(kel.get("pemilihan", {}), **{jabatan: pem})
    tx.put("kelompok", kel["id"], baru)
    nama = tx.get("peserta", pid)["nama"]
    cara = METODE[pem["metode"]] + (f", ditentukan dengan {PENENTUAN[pem['penentuan']]}"
                                     if pem.get("penentuan") else "")
    tx.catat(f"pilih {jabatan}", kel["id"], None, f"{nama} ({cara})")


def pilih_aklamasi(tx: Transaksi, kid: str, jabatan: str, pid: str, catatan: str = "") -> None:
    """The members agree on one person (musyawarah mufakat)."""
    tx.wajib_peran(*BOLEH["kelompok"])
    kel = _kelompok(tx, kid)
    _cek_jabatan(kel, jabatan)
    _cek_calon(tx, kel, jabatan, pid)
    pem = Pemilihan(metode="aklamasi", catatan=bersih(catatan)).to_dict()
    _tetapkan(tx, kel, jabatan, pem, pid)


def catat_suara(tx: Transaksi, kid: str, jabatan: str, suara: dict[str, int]) -> HasilPemilihan:
    """Record a hand count for one post. A later round may only be among those tied in the round before.

    Returns who was elected, or the candidates tied at the top (then: another round, or `undi`).
    """
    tx.wajib_peran(*BOLEH["kelompok"])
    kel = _kelompok(tx, kid)
    _cek_jabatan(kel, jabatan)
    if len(suara) < 2:
        raise DataDitolak("Pemungutan suara memerlukan sekurang-kurangnya dua calon; "
                          "untuk satu calon gunakan aklamasi.")
    for pid, n in suara.items():
        _cek_calon(tx, kel, jabatan, pid)
        if isinstance(n, bool) or not isinstance(n, int) or n < 0:
            raise DataDitolak(f"Jumlah suara untuk {tx.get('peserta', pid)['nama']} harus bilangan bulat >= 0.")
    hadir = _anggota_hadir(tx, kid)
    jumlah = sum(suara.values())
    if jumlah > hadir:
        raise DataDitolak(f"Jumlah suara ({jumlah}) melebihi anggota hadir kelompok ({hadir}).")
    if jumlah == 0:
        raise DataDitolak("Belum ada suara yang dicatat.")
    pem = _pemilihan(kel, jabatan)
    putaran = list(pem.get("putaran", []))
    if putaran:
        tied, _ = _teratas(putaran[-1]["suara"])
        if set(suara) - set(tied):
            raise DataDitolak("Putaran kedua hanya di antara calon yang memperoleh suara sama terbanyak.")
    putaran.append({"suara": dict(suara), "hadir": hadir, "waktu": tx.waktu_iso})
    pem.update(metode="suara", putaran=putaran)
    winners, _ = _teratas(suara)
    if len(winners) == 1:
        pem["penentuan"] = "putaran_kedua" if len(putaran) > 1 else ""
        _tetapkan(tx, kel, jabatan, pem, winners[0])
        return HasilPemilihan(terpilih=winners[0])
    tx.put("kelompok", kid, dict(kel, pemilihan=dict(kel.get("pemilihan", {}), **{jabatan: pem})))
    tx.catat(f"suara {jabatan} seri", kid, None, dict(suara))
    return HasilPemilihan(seri=tuple(winners))


def undi(tx: Transaksi, kid: str, jabatan: str, rng: random.Random | None = None) -> str:
    """Decide a tie by lot among the candidates tied in the last round; the method is recorded."""
    tx.wajib_peran(*BOLEH["kelompok"])
    kel = _kelompok(tx, kid)
    _cek_jabatan(kel, jabatan)
    pem = _pemilihan(kel, jabatan)
    if not pem.get("putaran"):
        raise DataDitolak("Belum ada pemungutan suara yang seri untuk diundi.")
    tied = sorted(_teratas(pem["putaran"][-1]["suara"])[0])
    if len(tied) < 2:
        raise DataDitolak("Tidak ada suara seri untuk diundi.")
    for p in tied:  # still present members, and none elected to another post since the count
        _cek_calon(tx, kel, jabatan, p)
    pid = (rng or random.SystemRandom()).choice(tied)
    pem["penentuan"] = "undian"
    pem["catatan"] = "diundi di antara: " + ", ".join(tx.get("peserta", p)["nama"] for p in tied)
    _tetapkan(tx, kel, jabatan, pem, pid)
    return pid


def batal_pemilihan(tx: Transaksi, kid: str, jabatan: str) -> None:
    """Clear an officer and the record of their election (to vote again)."""
    tx.wajib_peran(*BOLEH["kelompok"])
    kel = _kelompok(tx, kid)
    if jabatan not in JABATAN_KELOMPOK:
        raise DataDitolak(f"Jabatan '{jabatan}' tidak dikenal.")
    lama = kel.get(jabatan, "")
    pem = dict(kel.get("pemilihan", {}))
    if not lama and jabatan not in pem:
        return
    pem.pop(jabatan, None)
    baru = dict(kel, **{jabatan: ""}, pemilihan=pem)
    if jabatan == "ketua":
        baru["serah_terima"] = ""
    tx.put("kelompok", kid, baru)
    tx.catat(f"batal pilih {jabatan}", kid, lama or None, None)


def serah_terima(tx: Transaksi, kid: str) -> None:
    """Record the fasilitator handing the chair to the elected ketua, with the time."""
    tx.wajib_peran(*BOLEH["kelompok"])
    kel = _kelompok(tx, kid)
    if not kel.get("ketua"):
        raise DataDitolak(f"{sebut_kelompok(kel['nama'])} belum memilih ketua.")
    if kel.get("serah_terima"):
        raise DataDitolak(f"Serah terima {sebut_kelompok(kel['nama'])} sudah dicatat.")
    tx.put("kelompok", kid, dict(kel, serah_terima=tx.waktu_iso))
    tx.catat("serah terima pimpinan kelompok", kid, None, tx.waktu_iso)


def uraian_pemilihan(pem: Pemilihan, nama: dict[str, str]) -> str:
    """How one officer was elected, in words (for screens and the berita acara)."""
    if not pem.metode:
        return "belum dipilih"
    if pem.metode == "aklamasi":
        return "musyawarah mufakat (aklamasi)"
    parts = []
    for i, r in enumerate(pem.putaran, start=1):
        counts = ", ".join(f"{nama.get(p, p)} {n}" for p, n in sorted(r["suara"].items(), key=lambda t: -t[1]))
        parts.append(f"putaran {i}: {counts} suara dari {r['hadir']} anggota hadir")
    text = "pemungutan suara (" + "; ".join(parts) + ")"
    if pem.penentuan == "undian":
        text += "; suara seri ditentukan dengan undian"
    elif pem.penentuan == "putaran_kedua":
        text += "; suara seri ditentukan dengan putaran kedua"
    return text
