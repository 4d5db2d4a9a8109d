"""Sidang Pleno II: the agreed order per kelompok, decisions with reasons, delegates, tim perumus, signatories."""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction

from .data import Data
from . import masukan
from .errors import DataDitolak
from .peringatan import sebut_kelompok
from .model import STATUS_DISISIHKAN, UNSUR, Penandatangan, Usulan, label_status
from .peran import BOLEH
from .sebutan import label_unsur
from .teks import bersih
from .transaksi import Transaksi
from .urutan import hasil_kelompok, terverifikasi, tidak_disepakati, urutan_akhir  # noqa: F401  (the one order; re-exported)

JENIS_KEPUTUSAN = {
    "naik": "dinaikkan satu urutan",
    "turun": "diturunkan satu urutan",
    "belum_disepakati": "dinyatakan belum disepakati",
    "dipulihkan": "dikembalikan ke daftar",
    "kelompok_disepakati": "daftar kelompok disepakati",
    "kesepakatan_dibatalkan": "kesepakatan daftar kelompok dibatalkan",
}


def _kel(tx: Transaksi, kid: str) -> dict:
    kel = tx.get("kelompok", kid)
    if kel is None:
        raise DataDitolak(f"Kelompok {kid} belum ditetapkan; Pleno II bekerja pada kelompok yang ditetapkan.")
    return kel


def _alasan(alasan: str) -> str:
    a = masukan.alasan(alasan)
    if not a:
        raise DataDitolak("Alasan keputusan wajib diisi.")
    return a


def _keputusan(tx: Transaksi, jenis: str, kid: str, uid: str, alasan: str) -> None:
    rid = tx.id_baru("keputusan", "KP")
    tx.put("keputusan", rid, {"id": rid, "waktu": tx.waktu_iso, "jenis": jenis, "kelompok": kid,
                              "usulan": uid, "alasan": alasan})


def _cek_terbuka(kel: dict) -> None:
    if kel.get("disepakati"):
        raise DataDitolak(f"Daftar {sebut_kelompok(kel['nama'])} sudah disepakati; batalkan kesepakatan dahulu.")


def geser(tx: Transaksi, kid: str, uid: str, arah: int, alasan: str) -> None:
    """Move an usulan one place up (arah -1) or down (+1) in its kelompok's agreed list."""
    tx.wajib_peran(*BOLEH["pleno"])
    kel = _kel(tx, kid)
    _cek_terbuka(kel)
    alasan = _alasan(alasan)
    order = [t.usulan.id for t in urutan_akhir(tx.data, kid)]
    if uid not in order:
        raise DataDitolak(f"Usulan {uid} tidak ada dalam daftar peringkat {sebut_kelompok(kel['nama'])}.")
    i = order.index(uid)
    j = i + (1 if arah > 0 else -1)
    if not 0 <= j < len(order):
        raise DataDitolak("Usulan sudah berada di ujung daftar.")
    order[i], order[j] = order[j], order[i]
    tx.put("kelompok", kid, dict(kel, urutan_pleno=order))
    jenis = "turun" if arah > 0 else "naik"
    _keputusan(tx, jenis, kid, uid, alasan)
    tx.catat(f"pleno: {JENIS_KEPUTUSAN[jenis]}", uid, i + 1, j + 1)


def tandai_belum_disepakati(tx: Transaksi, uid: str, alasan: str) -> None:
    """Take an usulan out of the agreed list, with the forum's reason."""
    tx.wajib_peran(*BOLEH["pleno"])
    u = tx.get("usulan", uid)
    if u is None:
        raise DataDitolak(f"Usulan {uid} tidak ada.")
    kid = tx.data.kelompok_usulan.get(uid, "")
    kel = tx.get("kelompok", kid)
    if kel:
        _cek_terbuka(kel)
    if u["status"] == "belum_disepakati":
        raise DataDitolak(f"Usulan {uid} sudah dinyatakan belum disepakati.")
    if u["status"] in STATUS_DISISIHKAN:
        raise DataDitolak(f"Usulan {uid} sudah disisihkan di verifikasi ({label_status(u['status']).lower()}); "
                          "usulan itu tidak ada dalam daftar yang dibahas.")
    alasan = _alasan(alasan)
    tx.put("usulan", uid, dict(u, status="belum_disepakati", alasan=alasan, status_sebelum_pleno=u["status"],
                               alasan_sebelum_pleno=u.get("alasan", "")))
    _keputusan(tx, "belum_disepakati", kid, uid, alasan)
    tx.catat("pleno: belum disepakati", uid, u["status"], alasan)


def pulihkan_usulan(tx: Transaksi, uid: str, alasan: str) -> None:
    """Bring an usulan marked "belum disepakati" back into its kelompok's list."""
    tx.wajib_peran(*BOLEH["pleno"])
    u = tx.get("usulan", uid)
    if u is None or u["status"] != "belum_disepakati":
        raise DataDitolak(f"Usulan {uid} tidak berstatus belum disepakati.")
    kid = tx.data.kelompok_usulan.get(uid, "")
    kel = tx.get("kelompok", kid)
    if kel:
        _cek_terbuka(kel)
    alasan = _alasan(alasan)
    baru = dict(u, status=u.get("status_sebelum_pleno") or "sesuai", alasan=u.get("alasan_sebelum_pleno", ""))
    baru.pop("status_sebelum_pleno", None)
    baru.pop("alasan_sebelum_pleno", None)
    tx.put("usulan", uid, baru)
    _keputusan(tx, "dipulihkan", kid, uid, alasan)
    tx.catat("pleno: dikembalikan", uid, "belum_disepakati", baru["status"])


def sepakati_kelompok(tx: Transaksi, kid: str) -> None:
    """The forum agrees the kelompok's list: its order is fixed and its verified usulan become "disepakati"
    (one still "baru" stays so, and the berita acara lists it as not agreed: `sesi.urutan.nasib_usulan`)."""
    tx.wajib_peran(*BOLEH["pleno"])
    kel = _kel(tx, kid)
    _cek_terbuka(kel)
    order = urutan_akhir(tx.data, kid)
    if not order:
        raise DataDitolak(f"{sebut_kelompok(kel['nama'])} belum mempunyai usulan yang dinilai lengkap.")
    masuk = [t.usulan.id for t in hasil_kelompok(tx.data, kid).masuk]  # the berita acara's count
    for b in order:
        u = tx.get("usulan", b.usulan.id)
        if u["status"] not in ("disepakati", "baru"):  # an unverified usulan is never agreed (sesi.urutan)
            tx.put("usulan", u["id"], dict(u, status="disepakati", status_sebelum_sepakat=u["status"]))
    tx.put("kelompok", kid, dict(kel, disepakati=tx.waktu_iso, urutan_pleno=[b.usulan.id for b in order]))
    _keputusan(tx, "kelompok_disepakati", kid, "", "")
    tx.catat("pleno: kelompok disepakati", kid, None, masuk)  # those entering the priority list only


def batal_sepakat(tx: Transaksi, kid: str, alasan: str) -> None:
    tx.wajib_peran(*BOLEH["pleno"])
    kel = _kel(tx, kid)
    if not kel.get("disepakati"):
        raise DataDitolak(f"Daftar {sebut_kelompok(kel['nama'])} belum disepakati.")
    alasan = _alasan(alasan)
    for uid, u in list(tx.table("usulan").items()):
        if u["status"] == "disepakati" and tx.data.kelompok_usulan.get(uid) == kid:
            baru = dict(u, status=u.get("status_sebelum_sepakat") or "sesuai")
            baru.pop("status_sebelum_sepakat", None)
            tx.put("usulan", uid, baru)
    tx.put("kelompok", kid, dict(kel, disepakati=""))
    _keputusan(tx, "kesepakatan_dibatalkan", kid, "", alasan)
    tx.catat("pleno: kesepakatan dibatalkan", kid, kel["disepakati"], alasan)


# --- the kecamatan's list per SKPD ---------------------------------------------------------------


@dataclass(frozen=True)
class ItemPrioritas:
    usulan: Usulan
    kelompok: str  # kelompok name
    peringkat: int  # final place within its kelompok (`sesi.urutan.urutan_akhir`)
    total: Fraction | None
    seri: bool
    peringkat_skor: int = 0  # its rank by the scores
    alasan_geser: str = ""  # why the final place differs from the scored rank


def daftar_prioritas(data: Data) -> list[tuple[str, list[ItemPrioritas]]]:
    """The kecamatan's priority list grouped by SKPD (final SKPD), each ordered by kelompok rank then score:
    the usulan `sesi.urutan.nasib_usulan` puts in the priority list, at their place in `urutan_akhir`.

    SKPD are listed in order of their best-placed usulan, then by name.
    """
    items: list[ItemPrioritas] = []
    for kel in data.kelompok:
        for t in urutan_akhir(data, kel.id):
            if not terverifikasi(t.usulan):  # not agreed (Lampiran III, `sesi.urutan.nasib_usulan`)
                continue
            items.append(ItemPrioritas(t.usulan, kel.nama, t.peringkat_akhir, t.total, t.seri, t.peringkat_skor,
                                       t.alasan))
    per_skpd: dict[str, list[ItemPrioritas]] = {}
    for it in items:
        per_skpd.setdefault(it.usulan.skpd or "(SKPD belum ditentukan)", []).append(it)
    for lst in per_skpd.values():
        lst.sort(key=lambda it: (it.peringkat, -(it.total or 0), it.usulan.urutan))
    return sorted(per_skpd.items(), key=lambda kv: (kv[1][0].peringkat, -(kv[1][0].total or 0), kv[0]))


# --- delegates, tim perumus, signatories ---------------------------------------------------------


def _orang(tx: Transaksi, peserta: str, nama: str) -> dict:
    if peserta:
        p = tx.get("peserta", peserta)
        if p is None:
            raise DataDitolak(f"Peserta {peserta} tidak ada.")
        return p
    return {"id": "", "nama": masukan.nama_orang(nama, "Nama")}


def tambah_delegasi(tx: Transaksi, peserta: str = "", nama: str = "", keterangan: str = "") -> str:
    """A kecamatan delegate to the Forum Perangkat Daerah / Musrenbang Kota."""
    tx.wajib_peran(*BOLEH["pleno"])
    p = _orang(tx, peserta, nama)
    if p["id"] and any(d.get("peserta") == p["id"] for d in tx.table("delegasi").values()):
        raise DataDitolak(f"{p['nama']} sudah menjadi delegasi.")
    rid = tx.id_baru("delegasi", "D", 2)
    tx.put("delegasi", rid, {"id": rid, "nama": p["nama"], "peserta": p["id"], "unsur": p.get("unsur", ""),
                             "lembaga": p.get("lembaga", "") or p.get("kelurahan", ""),
                             "jenis_kelamin": p.get("jenis_kelamin", ""), "keterangan": bersih(keterangan),
                             "urutan": tx.urutan_baru("delegasi")})
    tx.catat("tambah delegasi", rid, None, p["nama"])
    return rid


#: The posts of the tim perumus in their fixed order; every post but anggota is held by one person only.
JABATAN_PERUMUS: dict[str, str] = {"ketua": "Ketua", "sekretaris": "Sekretaris", "anggota": "Anggota"}
JABATAN_TUNGGAL = frozenset({"ketua", "sekretaris"})


def jabatan_perumus_terisi(perumus: dict[str, dict]) -> dict[str, str]:
    """The single posts already held: jabatan -> the holder's name."""
    return {r.get("jabatan", ""): r.get("nama", "") for r in perumus.values()
            if r.get("jabatan", "") in JABATAN_TUNGGAL}


def tambah_perumus(tx: Transaksi, peserta: str = "", nama: str = "", jabatan: str = "anggota") -> str:
    """A member of the tim perumus. Ketua and sekretaris are held by one person each (a second one is
    refused, naming who holds it); the same person is not added twice."""
    tx.wajib_peran(*BOLEH["pleno"])
    p = _orang(tx, peserta, nama)
    if jabatan not in JABATAN_PERUMUS:
        raise DataDitolak("Jabatan tim perumus: ketua, sekretaris atau anggota.")
    perumus = tx.table("perumus")
    terisi = jabatan_perumus_terisi(perumus)
    if jabatan in terisi:
        raise DataDitolak(f"{JABATAN_PERUMUS[jabatan]} tim perumus sudah ada ({terisi[jabatan]}); satu jabatan "
                          "hanya untuk satu orang. Hapus dahulu bila hendak diganti.")
    if p["id"] and any(r.get("peserta") == p["id"] for r in perumus.values()):
        raise DataDitolak(f"{p['nama']} sudah menjadi anggota tim perumus.")
    rid = tx.id_baru("perumus", "TP", 2)
    tx.put("perumus", rid, {"id": rid, "nama": p["nama"], "peserta": p["id"], "jabatan": jabatan,
                            "urutan": tx.urutan_baru("perumus")})
    tx.catat("tambah tim perumus", rid, None, p["nama"])
    return rid


def atur_penandatangan(tx: Transaksi, unsur: str, peserta: str = "", nama: str = "", jabatan: str = "") -> None:
    """The one representative of an unsur who signs the berita acara."""
    tx.wajib_peran(*BOLEH["pleno"])
    if unsur not in UNSUR:
        raise DataDitolak(f"Unsur '{unsur}' tidak dikenal.")
    p = _orang(tx, peserta, nama)
    jab = bersih(jabatan) or p.get("jabatan", "") or p.get("lembaga", "") or label_unsur(tx.data, unsur)
    lama = tx.get("penandatangan", unsur)
    rec = {"id": unsur, "unsur": unsur, "nama": p["nama"], "jabatan": jab, "peserta": p["id"]}
    if rec == lama:
        return
    tx.put("penandatangan", unsur, rec)
    tx.catat("atur penandatangan", unsur, lama["nama"] if lama else None, p["nama"])


def hapus_dari(tx: Transaksi, table: str, rid: str) -> None:
    """Remove a delegate, a tim perumus member or a signatory."""
    tx.wajib_peran(*BOLEH["pleno"])
    if table not in ("delegasi", "perumus", "penandatangan"):
        raise DataDitolak(f"Tabel {table} tidak dapat dihapus dari sini.")
    lama = tx.get(table, rid)
    if lama is None:
        raise DataDitolak(f"Data {rid} tidak ada.")
    tx.delete(table, rid)
    tx.catat(f"hapus {table}", rid, lama["nama"], None)


def wakil_unsur(data: Data) -> dict[str, Penandatangan]:
    """The signatory of each unsur (unsur key -> record): the one chosen in Pleno II; for the Camat, until
    one is chosen, the session's Camat (`musrenbang baru --camat`), who chairs the Musrenbang."""
    ttd = dict(data.records("penandatangan"))
    camat = data.info.camat.strip()
    if "camat" not in ttd and camat:
        kec = re.sub(r"(?i)^kecamatan\s+", "", data.info.kecamatan.strip())
        ttd["camat"] = Penandatangan(id="camat", unsur="camat", nama=camat, jabatan=f"Camat {kec}".strip())
    return ttd


def unsur_hadir_tanpa_penandatangan(data: Data) -> list[str]:
    """The unsur with someone present and no signatory (`wakil_unsur`), in UNSUR's order."""
    hadir = {p.unsur for p in data.peserta.values() if p.hadir}
    ada = set(wakil_unsur(data))
    return [u for u in UNSUR if u in hadir and u not in ada]
