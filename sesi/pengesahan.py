"""Pengesahan (signing) of the berita acara: the fingerprint, the lock, and reopening with a reason.

The fingerprint (sidik jari, `sesi/sidik_jari.py`) is the SHA-256 of a canonical form of the whole session:
every table's data, the history head at signing, the signer (name, role, unix account), the signing time,
the version and the version it replaces. `sahkan` returns it; people read its first 64 bits off the paper
as `Sidik jari: XXXX-XXXX-XXXX-XXXX` (`kode_sidik_jari`, printed on every section of the signed document),
and `periksa --sidik-jari KODE` compares a file with that code. Beside the fingerprint, the signature keeps
a short digest of each record, so `periksa` can name the records changed after signing.

`sahkan` stores in `info.disahkan`: version number, fingerprint (`sidik_jari`, with `skema_sidik` 2), time,
who signed (name, role, account), the history head it covers (`riwayat`: id and hash), the version it
replaces, the per-record digests and, with a key, an SSH signature of the fingerprint (`ssh`). While
`info.disahkan` is not empty the store refuses every change (Store.transaksi) except a transaction that
sets `tx.buka_kunci`, which only `buka_kembali` does: it needs a reason, moves the signature to
`info.versi_sah` with that reason, and records it in the history. Signing and reopening need the pimpinan
role, and where the session binds roles to unix accounts, an account holding it (`sesi/akun.py`).

Errors: PeranTidakBerwenang (role or account), DataDitolak (already signed, no reason, an SSH key that
cannot sign). What the fingerprint proves, and what not: see `sesi/sidik_jari.py`.
"""

from __future__ import annotations

import hashlib
from datetime import date
from dataclasses import dataclass, field
from typing import Any, Mapping

from . import sidik_jari as _sj
from .masukan import alasan as alasan_terbatas
from .masukan import nama_orang
from .peran import BOLEH
from .data import Data
from .errors import DataDitolak
from .format import jam, tanggal_panjang
from .model import PERAN
from .peringatan import sebut_kelompok
from .peringkat import peringkat_kelompok
from .pleno import unsur_hadir_tanpa_penandatangan
from .urutan import terverifikasi, urutan_akhir
from .riwayat import kanonik
from .sebutan import label_unsur
from .sidik_jari import isi_kanonik
from .store import Transaksi

AKSI_SAHKAN = "sahkan berita acara"
AKSI_BUKA = "buka kembali pengesahan"
PANJANG_RINCIAN = 12  # hex digits kept per record: enough to locate a change, the full hash decides


def sidik_jari(raw: Mapping[str, Mapping[str, Any]]) -> str:
    """The fingerprint recomputed from `raw` (`data.raw` or `tx.data.raw`) by the scheme its signature uses;
    for a draft, the hash of the content alone."""
    return _sj.sidik_sekarang(raw)


def kode_sidik_jari(data: Data) -> str | None:
    """The short code of the signed version, 'XXXX-XXXX-XXXX-XXXX', for the footer of every section of the
    signed berita acara; None for a draft (or a damaged signature). It is the code as signed (stored), not
    recomputed: `periksa` is what compares it with the content."""
    sah = data.info.disahkan if isinstance(data.info.disahkan, dict) else {}
    if not sah:
        return None
    return _sj.kode(str(sah.get("sidik_jari", ""))) or None


def rincian(raw: Mapping[str, Mapping[str, Any]]) -> dict[str, dict[str, str]]:
    """A short digest of every record covered by the fingerprint: table -> id -> digest."""
    out: dict[str, dict[str, str]] = {}
    for name, table in isi_kanonik(raw).items():
        out[name] = {str(rid): hashlib.sha256(kanonik(rec).encode("utf-8")).hexdigest()[:PANJANG_RINCIAN]
                     for rid, rec in table.items()}
    return out


# --- actions -----------------------------------------------------------------------------------------


class HalTerbuka(DataDitolak):
    """`sahkan` refused: points are still open (`hal_terbuka`, in `.hal`)."""

    def __init__(self, hal: list[str]):
        self.hal = list(hal)
        super().__init__("Berita acara belum dapat disahkan; masih terbuka:\n" + "\n".join(f"- {h}" for h in hal)
                         + "\nSelesaikan dahulu, atau sahkan tetap dengan alasan (musrenbang sahkan ... --tetap "
                         "--alasan \"...\").")


def sahkan(tx: Transaksi, *, kunci_ssh: str | None = None, tetap: str = "") -> str:
    """Sign the berita acara as it stands and lock the session; returns the SHA-256 fingerprint.

    Only the pimpinan sidang may sign. While `hal_terbuka` (on the signing date) lists anything, signing is
    refused (HalTerbuka) unless `tetap` gives the pimpinan's reason to go on: the reason and the points
    then open are kept in `info.sah_tetap` (covered by the fingerprint) and printed in the berita acara's
    pengesahan part. Make it the last change of its transaction: the fingerprint covers the content at the
    moment of signing and the history up to the entry before this one. With `kunci_ssh` (a private key
    file) the fingerprint is also signed with `ssh-keygen -Y sign`.
    """
    tx.wajib_peran(*BOLEH["pengesahan"])
    nama_orang(tx.pelaku.nama, "Nama penanda tangan")  # the app's --nama too: never a control character
    info = dict(tx.get("sesi", "info") or {})
    if info.get("disahkan"):
        raise DataDitolak("Berita acara sudah disahkan. Buka kembali pengesahan (dengan alasan) untuk "
                          "mengesahkan versi baru.")
    terbuka = hal_terbuka(tx.data, tanggal_sah=tx.waktu_iso[:10])
    if terbuka:
        alasan_tetap = alasan_terbatas(tetap, "Alasan (--alasan)")
        if not alasan_tetap:
            raise HalTerbuka(terbuka)
        info["sah_tetap"] = {"alasan": alasan_tetap, "hal_terbuka": terbuka}
    else:
        info.pop("sah_tetap", None)
    tx.put("sesi", "info", info)
    raw = tx.data.raw
    versi_sah = list(info.get("versi_sah") or [])
    menggantikan: dict[str, Any] = {}
    if versi_sah:
        lama = versi_sah[-1]
        menggantikan = {"versi": lama.get("versi"), "sidik_jari": lama.get("sidik_jari", ""),
                        "waktu": lama.get("waktu", "")}
    versi = len(versi_sah) + 1
    sah: dict[str, Any] = {
        "versi": versi,
        "waktu": tx.waktu_iso,
        "nama": tx.pelaku.nama,
        "peran": tx.pelaku.peran,
        "akun": tx.pelaku.akun,
        "menggantikan": menggantikan,
        "skema_sidik": _sj.SKEMA_SIDIK,
        "riwayat": _sj.kepala_riwayat(raw),
    }
    sidik = _sj.hitung(raw, sah, sah["riwayat"])
    sah["sidik_jari"] = sidik
    sah["rincian"] = rincian(raw)
    if kunci_ssh:
        from .tanda_tangan import tandatangani

        sah["ssh"] = tandatangani(sidik, kunci_ssh)
    info["disahkan"] = sah
    tx.put("sesi", "info", info)
    tx.catat(AKSI_SAHKAN, "sesi", None, {"versi": versi, "sidik_jari": sidik,
                                          "menggantikan": menggantikan.get("sidik_jari", "")})
    return sidik


def buka_kembali(tx: Transaksi, alasan: str) -> None:
    """Reopen a signed session so it can be changed again; the reason is required and kept.

    The signed version moves to `info.versi_sah` with the reason, who reopened it, when, and whether the
    content still matched its fingerprint; the next signed version names it as the one it replaces.
    """
    tx.wajib_peran(*BOLEH["pengesahan"])
    nama_orang(tx.pelaku.nama, "Nama")
    alasan = alasan_terbatas(alasan)
    if not alasan:
        raise DataDitolak("Alasan membuka kembali pengesahan wajib diisi.")
    info = dict(tx.get("sesi", "info") or {})
    sah = info.get("disahkan") or {}
    if not sah:
        raise DataDitolak("Berita acara belum disahkan; tidak ada yang perlu dibuka kembali.")
    tx.buka_kunci = True
    utuh = sidik_jari(tx.data.raw) == sah.get("sidik_jari")
    entri = {k: v for k, v in sah.items() if k != "rincian"}
    entri.update(dibuka=tx.waktu_iso, dibuka_oleh=tx.pelaku.nama, dibuka_akun=tx.pelaku.akun, alasan=alasan,
                 utuh=utuh)
    if info.get("sah_tetap"):
        entri["sah_tetap"] = info.pop("sah_tetap")
    info["versi_sah"] = list(info.get("versi_sah") or []) + [entri]
    info["disahkan"] = {}
    tx.put("sesi", "info", info)
    tx.catat(AKSI_BUKA, "sesi", {"versi": sah.get("versi"), "sidik_jari": sah.get("sidik_jari")}, alasan)


# --- reading the state -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Keadaan:
    """The signing state of a session, for the document, the preview screen and `periksa`."""

    disahkan: bool
    versi: int = 0
    sidik_jari: str = ""  # as stored at signing
    waktu: str = ""  # ISO time of signing
    nama: str = ""
    peran: str = ""
    menggantikan: dict = field(default_factory=dict)
    sidik_sekarang: str = ""  # recomputed from the content now
    versi_sebelumnya: tuple = ()  # earlier signed versions (dicts), oldest first
    akun: str = ""  # unix account that signed ("" before issue 10)
    skema_sidik: int = 1  # 2: covers signer, time, version and history head (sesi/sidik_jari.py)
    #: Signed although points were open: {"alasan": the pimpinan's reason, "hal_terbuka": [the points]}.
    tetap: dict = field(default_factory=dict)

    @property
    def kode(self) -> str:
        """The short code 'XXXX-XXXX-XXXX-XXXX' of the signed fingerprint ("" for a draft)."""
        return _sj.kode(self.sidik_jari) if self.disahkan else ""

    @property
    def utuh(self) -> bool:
        """True while the content still matches the signed fingerprint (always True for a draft)."""
        return not self.disahkan or self.sidik_jari == self.sidik_sekarang

    @property
    def waktu_teks(self) -> str:
        """'9 Februari 2027 pukul 15.30' (empty for a draft)."""
        return waktu_teks(self.waktu)

    def uraian(self) -> str:
        """One line for a status bar or a summary."""
        if not self.disahkan:
            n = len(self.versi_sebelumnya)
            return "RANCANGAN (belum disahkan)" + (f"; versi sah {n} dibuka kembali" if n else "")
        siapa = self.nama + (f" ({PERAN.get(self.peran, self.peran)})" if self.peran else "")
        return f"DISAHKAN (versi {self.versi}) oleh {siapa} pada {self.waktu_teks}"


#: Changes since signing named one by one (the rest are counted).
BATAS_RINCIAN = 20


class TidakSesuaiPengesahan(DataDitolak):
    """A document that prints the signed fingerprint code was asked of a session whose content no longer
    matches that signature (edited by hand after `sahkan`). `masalah`: what differs, one line each."""


def masalah_sejak_sah(data: Data) -> list[str]:
    """Why a signed session is no longer the version signed, one Indonesian line each: the history up to
    the signature changed, the content no longer gives the stored fingerprint, and the records changed
    since (at most `BATAS_RINCIAN` named). Empty for a draft or an intact signature. The one rule for
    "diubah setelah disahkan": `periksa` (sesi/periksa.py) and every export that prints the code
    (`pastikan_sesuai_sah`) use it."""
    s = keadaan(data)
    if not s.disahkan:
        return []
    out: list[str] = []
    sah = data.info.disahkan if isinstance(data.info.disahkan, dict) else {}
    if s.skema_sidik == 2:
        ditulis = sah.get("riwayat") if isinstance(sah.get("riwayat"), dict) else {}
        ada = _sj.kepala_dalam_berkas(data.raw, sah)
        if ditulis.get("id") and ada["hash"] != ditulis.get("hash"):
            out.append(f"Riwayat sampai pengesahan telah diubah: entri {ditulis.get('id')} tidak lagi sama dengan "
                       "yang tercakup sidik jari pengesahan.")
    if not s.utuh:
        out.append(f"Berita acara telah diubah setelah disahkan: isi berkas tidak cocok lagi dengan sidik jari "
                   f"pengesahan versi {s.versi} ({s.waktu_teks}; tersimpan {s.sidik_jari[:16]}..., isi sekarang "
                   f"{s.sidik_sekarang[:16]}...).")
        rinci = perubahan_sejak_sah(data)
        for r in rinci[:BATAS_RINCIAN]:
            out.append(f"Setelah disahkan: {r}.")
        if len(rinci) > BATAS_RINCIAN:
            out.append(f"... dan {len(rinci) - BATAS_RINCIAN} perubahan lain setelah disahkan.")
    return out


def pastikan_sesuai_sah(data: Data, dokumen: str = "Berita acara") -> None:
    """Refuse (TidakSesuaiPengesahan) to make `dokumen` (which prints "DISAHKAN" and the fingerprint code on
    every section) from a signed session whose content is no longer the signed one (`masalah_sejak_sah`):
    a document must never carry a signature its content does not have. Nothing for a draft or an intact
    signature. Costs one fingerprint of the session (cached per revision; the document needs it anyway)."""
    masalah = masalah_sejak_sah(data)
    if not masalah:
        return
    s = keadaan(data)
    rinci = next((m for m in masalah if m.startswith("Setelah disahkan: ")), masalah[0])
    raise TidakSesuaiPengesahan(
        f"{dokumen} tidak dibuat: isi berkas sesi tidak lagi sama dengan versi {s.versi} yang disahkan "
        f"(kode {s.kode}); dokumen akan memuat kode pengesahan untuk isi yang tidak disahkan. {rinci} "
        "Jalankan 'musrenbang periksa BERKAS' untuk rinciannya; bila perubahan itu memang diperlukan, buka "
        "kembali pengesahan dengan alasan lalu sahkan ulang, atau pulihkan versi yang disahkan.",
        masalah)


def waktu_teks(iso: str) -> str:
    """'2027-02-09T15:30:00' -> '9 Februari 2027 pukul 15.30'; the text as it is if not a date-time."""
    try:
        return f"{tanggal_panjang(iso[:10])} pukul {jam(iso)}"
    except ValueError:
        return iso


def _sidik_data(data: Data) -> str:
    """`sidik_jari(data.raw)`, computed once per revision (the document, `periksa` and the screen ask often;
    it hashes the whole session)."""
    return data._cached("sidik_sekarang", tuple(data.raw), lambda: sidik_jari(data.raw))


def keadaan(data: Data) -> Keadaan:
    info = data.info
    sebelumnya = tuple(v for v in (info.versi_sah or []) if isinstance(v, dict))
    sah = info.disahkan if isinstance(info.disahkan, dict) else {}
    if not sah:
        return Keadaan(False, versi_sebelumnya=sebelumnya)
    return Keadaan(
        True,
        versi=sah.get("versi") or 1,
        sidik_jari=str(sah.get("sidik_jari", "")),
        waktu=str(sah.get("waktu", "")),
        nama=str(sah.get("nama", "")),
        peran=str(sah.get("peran", "")),
        menggantikan=sah.get("menggantikan") if isinstance(sah.get("menggantikan"), dict) else {},
        sidik_sekarang=_sidik_data(data),
        versi_sebelumnya=sebelumnya,
        akun=str(sah.get("akun", "")),
        skema_sidik=2 if sah.get("skema_sidik") == _sj.SKEMA_SIDIK else 1,
        tetap=_sah_tetap(data),
    )


def _sah_tetap(data: Data) -> dict:
    """The reason to sign although points were open, as `sahkan` stored it (kept in the raw session info:
    a field the document reads only while signed)."""
    tetap = (data.raw.get("sesi") or {}).get("info", {}).get("sah_tetap")
    if not isinstance(tetap, dict) or not str(tetap.get("alasan", "")).strip():
        return {}
    hal = tetap.get("hal_terbuka")
    return {"alasan": str(tetap["alasan"]), "hal_terbuka": [str(h) for h in hal] if isinstance(hal, list) else []}


def _label_data(data: Data, table: str, rid: str) -> str:
    rec = data.raw.get(table, {}).get(rid)
    if table == "skor":
        u, _, rest = rid.partition("|")
        kode, _, penilai = rest.partition("|")
        text = f"nilai usulan {u} kriteria {kode}" + (f" oleh {penilai}" if penilai else "")
        return text + (f" (sekarang {rec.get('nilai')})" if isinstance(rec, dict) else "")
    if table == "sesi":
        return "data sesi (kecamatan, tanggal, nomor, ...)" if rid == "info" else f"data sesi '{rid}'"
    nama = ""
    if isinstance(rec, dict):
        nama = str(rec.get("kegiatan") or rec.get("nama") or rec.get("acara") or rec.get("isi") or "")
    return f"{table} {rid}" + (f" ({nama})" if nama else "")


def perubahan_sejak_sah(data: Data) -> list[str]:
    """The records added, changed or removed since signing, named for a person ("nilai usulan U001
    kriteria K2 (sekarang 5) diubah"); empty for a draft or a signature without per-record digests."""
    sah = data.info.disahkan if isinstance(data.info.disahkan, dict) else {}
    lama = sah.get("rincian")
    if not isinstance(lama, dict):
        return []
    baru = rincian(data.raw)
    out: list[str] = []
    for table in sorted(set(lama) | set(baru)):
        a, b = lama.get(table) or {}, baru.get(table) or {}
        if a == b:
            continue
        for rid in b:
            if rid not in a:
                out.append(f"{_label_data(data, table, rid)} ditambahkan")
            elif a[rid] != b[rid]:
                out.append(f"{_label_data(data, table, rid)} diubah")
        for rid in a:
            if rid not in b:
                out.append(f"{table} {rid} dihapus")
    return out


def _daftar_id(ids: list[str], batas: int = 8) -> str:
    teks = ", ".join(ids[:batas])
    return teks + (f", dan {len(ids) - batas} lainnya" if len(ids) > batas else "")


def hal_terbuka(data: Data, tanggal_sah: str | date | None = None) -> list[str]:
    """What must be settled before the berita acara is signed, in Indonesian; empty when nothing is open.

    The one list the gate of `sahkan` (the CLI, the A key of the Berita Acara screen) and the F9 warnings
    show: no usulan at all, no kelompok defined (a meeting that deliberated nothing), usulan not fully scored
    or not verified, a "seri" Pleno II has not decided, a kelompok whose list Pleno II did not agree (or whose
    usulan are in no defined kelompok), a defined kelompok without a ketua, an unsur present without a
    signatory, no peserta recorded present (a berita acara stating that no one attended is not true), and,
    given the signing date `tanggal_sah`, a signing before the meeting. `sahkan` refuses while any is open
    unless the pimpinan goes on with a reason (`tetap`).
    """
    out: list[str] = []
    info = data.info
    if tanggal_sah is not None:
        try:
            acara = date.fromisoformat(info.tanggal)
            sah = tanggal_sah if isinstance(tanggal_sah, date) else date.fromisoformat(str(tanggal_sah)[:10])
        except ValueError:
            acara = sah = None  # type: ignore[assignment]
        if acara is not None and sah is not None and sah < acara:
            out.append(f"Tanggal pengesahan ({tanggal_panjang(sah.isoformat())}) sebelum tanggal Musrenbang "
                       f"({tanggal_panjang(acara.isoformat())}).")
    if not any(p.hadir for p in data.peserta.values()):
        out.append("Belum ada peserta yang tercatat hadir.")
    if not data.usulan:
        out.append("Belum ada usulan yang dibahas.")
    if not any(not k.virtual for k in data.kelompok):
        out.append("Belum ada kelompok pembahasan yang ditetapkan.")
    belum_verifikasi = [u.id for u in data.usulan.values() if not terverifikasi(u)]
    if belum_verifikasi:
        out.append(f"{len(belum_verifikasi)} usulan belum diverifikasi ({_daftar_id(belum_verifikasi)}).")
    belum_nilai: list[str] = []
    for k in data.kelompok:
        for b in peringkat_kelompok(data, k.id).tidak_diperingkat:
            if b.alasan.startswith(("belum lengkap", "belum ada kriteria")):
                belum_nilai.append(b.usulan.id)
    if belum_nilai:
        out.append(f"{len(belum_nilai)} usulan belum dinilai lengkap ({_daftar_id(belum_nilai)}).")
    keputusan = {(kp.kelompok, kp.usulan) for kp in data.daftar("keputusan") if kp.jenis in ("naik", "turun")}
    for k in data.kelompok:
        nama = sebut_kelompok(k.nama)
        urutan = urutan_akhir(data, k.id)
        if k.virtual:
            if data.usulan_kelompok(k.id):
                out.append(f"Usulan bidang {k.nama} belum masuk kelompok yang ditetapkan.")
            continue
        if not k.ketua and (data.usulan_kelompok(k.id) or data.anggota(k.id)):
            out.append(f"{nama} belum memilih ketua.")
        if urutan and not k.disepakati:
            out.append(f"Daftar {nama} belum disepakati dalam Sidang Pleno II.")
        seri = [t.usulan.id for t in urutan if t.seri]
        if seri and not k.disepakati and not any((k.id, uid) in keputusan for uid in seri):
            out.append(f"{nama}: nilai seri ({', '.join(seri)}) belum diputuskan dalam Sidang Pleno II.")
    for unsur in unsur_hadir_tanpa_penandatangan(data):
        out.append(f"Unsur {label_unsur(data, unsur)} hadir tetapi belum mempunyai wakil penandatangan.")
    return out


def catatan_sebelum_sahkan(data: Data) -> list[str]:
    """What is worth a look before signing but may stay so (never blocking): the Nomor to be written by
    hand, no delegates, the meeting's hours or the Camat's NIP not recorded (the
    document then prints a dotted blank to fill by hand), no tim perumus. What blocks signing is `hal_terbuka`."""
    out: list[str] = []
    info = data.info
    if not info.nomor_ba.strip():
        out.append("Nomor berita acara belum diisi.")
    if not data.records("delegasi"):
        out.append("Delegasi kecamatan belum ditetapkan.")
    belum_jam = [nama for nama, nilai in (("mulai", info.waktu_mulai), ("selesai", info.waktu_selesai))
                 if not nilai.strip()]
    if belum_jam:
        out.append(f"Waktu {' dan '.join(belum_jam)} Musrenbang belum dicatat (Persiapan, bagian Sesi).")
    if not info.nip_camat.strip():
        out.append("NIP Camat belum diisi (Persiapan, bagian Sesi).")
    if not data.records("perumus"):
        out.append("Tim perumus belum ditetapkan.")
    return out


__all__ = ["sidik_jari", "kode_sidik_jari", "masalah_sejak_sah", "pastikan_sesuai_sah", "TidakSesuaiPengesahan", "rincian", "isi_kanonik", "sahkan",
           "buka_kembali", "Keadaan", "keadaan",
           "perubahan_sejak_sah", "catatan_sebelum_sahkan", "hal_terbuka", "HalTerbuka", "waktu_teks",
           "AKSI_SAHKAN", "AKSI_BUKA"]
