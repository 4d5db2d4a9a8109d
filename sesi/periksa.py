"""`musrenbang periksa`: is this session file whole, consistent and, once signed, unaltered?

`periksa(path)` opens the file the way the app does (a damaged file is one problem, with the store's own
message), then checks, in order:
1. every record's fields have the type the app writes;
2. the history's hash chain (`riwayat.periksa_rantai`), then the history replayed from an empty session
   against the data (`riwayat.putar_ulang`/`bandingkan`): a value changed outside the app, a deleted entry
   or a cut tail is named by table, record and field (a history written before entries carried their
   changes gets a note in the summary, "riwayat lama, tidak dapat diputar ulang", not a problem);
3. references and rules: scores of usulan or criteria that do not exist or are off the scale, a merged
   usulan pointing nowhere, a status that needs a reason without one, officers who are not members,
   a signatory for an unsur nobody attended, ...; and, as notes in the summary (not problems), usulan whose
   stored sumber dana is older free text rather than a key of `sesi.dana` (`catatan_sumber_dana`);
4. for a signed session: the fingerprint recomputed from the content (a mismatch names the records
   changed after signing) and its agreement with the history;
5. that the berita acara can still be built from the file;
6. with `sidik_jari` (the code from the signed paper, short or full): that the file is the version signed
   on that paper; otherwise what differs (another version, content changed since, or a forgery);
7. with `penanda_tangan` (an OpenSSH allowed_signers file): the SSH signature of the fingerprint.
It never changes the file.

What this proves (README, "Berita acara"): without the code from the signed paper, someone who can write
the file and recompute every hash in it can make a forgery that passes 1-5; with the code from the paper,
no one can (it would take a different session with the same 64-bit code).
"""

from __future__ import annotations

import re
from dataclasses import MISSING, fields
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from . import sidik_jari as sj
from .dana import SUMBER_DANA, baca_sumber_dana
from .data import Data
from .errors import DataDitolak, SesiError
from .format import tanggal_panjang
from .model import RECORD_CLASS, STATUS, STATUS_WAJIB_ALASAN, TABLES, UNSUR, Info, label_status
from .pengesahan import (AKSI_BUKA, AKSI_SAHKAN, catatan_sebelum_sahkan, hal_terbuka, keadaan,
                         masalah_sejak_sah)
from .riwayat import TidakDapatDiputar, bandingkan, periksa_rantai, putar_ulang
from .sebutan import daerah, label_unsur, wilayah_kecil
from .skor import masalah_skor
from .store import Store
from .teks import tampak

BATAS_RINCIAN = 20  # changed records named one by one; the rest are counted
_HEX64 = re.compile(r"^[0-9a-f]{64}$")


def periksa(path: str, *, sidik_jari: str | None = None,
            penanda_tangan: str | None = None) -> tuple[list[str], str]:
    """(problems, summary), both in Indonesian. No problems means the file is whole and consistent (and,
    with `sidik_jari`, the version signed on the paper; with `penanda_tangan`, signed by a listed key).

    `sidik_jari` must already be read by `sidik_jari.baca_kode` (ValueError otherwise)."""
    try:
        data = Store(path).muat()
    except SesiError as e:
        return [str(e)], f"Berkas {path} tidak dapat dibuka sebagai sesi Musrenbang."
    masalah = periksa_jenis(data)
    entri = list(data.raw.get("riwayat", {}).values())
    rantai = periksa_rantai(entri)
    masalah += rantai
    ulang, catatan = periksa_putar_ulang(data, entri)
    masalah += ulang
    masalah += periksa_aturan(data)
    masalah += periksa_pengesahan(data)
    tambahan: list[str] = []
    if catatan:
        tambahan.append(f"Catatan: {catatan}")
    if not any(m.startswith("Jenis data") for m in masalah):
        masalah += _periksa_dokumen(data)
        tambahan += catatan_sumber_dana(data)
    if sidik_jari is not None:
        kertas, keterangan = periksa_kode_kertas(data, entri, sidik_jari)
        masalah += kertas
        tambahan += keterangan
    if penanda_tangan is not None:
        ssh, keterangan = periksa_ssh(data, penanda_tangan)
        masalah += ssh
        tambahan += keterangan
    teks = ringkasan(path, data, rantai_utuh=not rantai)
    return masalah, "\n".join([teks] + tambahan)


# --- 2b. the history replayed against the data ---------------------------------------------------------


def periksa_putar_ulang(data: Data, entri: list[dict]) -> tuple[list[str], str]:
    """(problems, note): where the data and the replayed history disagree; the note for an old history."""
    try:
        diputar, rusak = putar_ulang(entri)
    except TidakDapatDiputar as e:
        return [], str(e)
    beda = bandingkan(diputar, data.raw)
    out = list(rusak)
    out += [f"Data tidak sesuai dengan riwayat: {b}." for b in beda[:BATAS_RINCIAN]]
    if len(beda) > BATAS_RINCIAN:
        out.append(f"... dan {len(beda) - BATAS_RINCIAN} perbedaan lain antara data dan riwayat.")
    return out, ""


# --- 1. field types ---------------------------------------------------------------------------------


def _jenis_bawaan(f) -> type | None:
    if f.default is not MISSING:
        value = f.default
    elif f.default_factory is not MISSING:  # type: ignore[misc]
        value = f.default_factory()  # type: ignore[misc]
    else:
        return None
    return type(value) if isinstance(value, (str, int, bool, list, dict)) else None


def _cocok(value: Any, jenis: type) -> bool:
    if jenis is bool:
        return isinstance(value, bool)
    if jenis is int:
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, jenis)


_NAMA_JENIS = {str: "teks", int: "bilangan bulat", bool: "ya/tidak (true/false)", list: "daftar", dict: "objek"}


def periksa_jenis(data: Data) -> list[str]:
    """Fields whose stored JSON type differs from what the app writes (e.g. "urutan": "3")."""
    out = []
    tables = [("sesi", {"info": data.raw["sesi"]["info"]}, Info)]
    tables += [(name, data.raw.get(name, {}), cls) for name, cls in RECORD_CLASS.items()]
    for name, table, cls in tables:
        jenis = {f.name: _jenis_bawaan(f) for f in fields(cls)}
        for rid, rec in table.items():
            for key, value in rec.items():
                j = jenis.get(key)
                if j is not None and not _cocok(value, j):
                    out.append(f"Jenis data salah: tabel {name}, data {rid}, kolom {key} harus "
                               f"{_NAMA_JENIS[j]} (tertulis {value!r}).")
    return out


# --- 3. references and rules --------------------------------------------------------------------------


def periksa_aturan(data: Data) -> list[str]:
    out: list[str] = []
    usulan = data.raw.get("usulan", {})
    kriteria = data.raw.get("kriteria", {})
    peserta = data.raw.get("peserta", {})
    kelompok = data.raw.get("kelompok", {})
    kelurahan = {k.get("nama") for k in data.raw.get("kelurahan", {}).values()}

    info = data.info
    try:
        date.fromisoformat(info.tanggal)
    except (TypeError, ValueError):
        out.append(f"Data sesi: tanggal '{info.tanggal}' bukan tanggal TTTT-BB-HH.")

    for kode, k in kriteria.items():
        try:
            bobot = Decimal(str(k.get("bobot")))
            if not bobot.is_finite() or bobot <= 0:
                raise InvalidOperation
        except InvalidOperation:
            out.append(f"Kriteria {kode}: bobot '{k.get('bobot')}' bukan bilangan positif.")
        if k.get("skala_maks", 0) <= k.get("skala_min", 0):
            out.append(f"Kriteria {kode}: skala {k.get('skala_min')}-{k.get('skala_maks')} tidak sah.")

    # Each score's criterion is read in the criteria set of its usulan (fisik/non-fisik, per kelompok), not
    # in the default set only: `sesi.skor.masalah_skor` is the one rule for stored scores. It reads typed
    # records; a field typed wrong by hand is already named by `periksa_jenis` (the file fails), and the
    # scores are checked once it is fixed.
    try:
        out += masalah_skor(data)
    except (TypeError, ValueError, AttributeError, KeyError):
        if not periksa_jenis(data):
            raise

    prioritas: dict[tuple[str, int], str] = {}
    for uid, u in usulan.items():
        status = u.get("status", "baru")
        if status not in STATUS:
            out.append(f"Usulan {uid}: status '{status}' tidak dikenal.")
        if status in STATUS_WAJIB_ALASAN and not str(u.get("alasan", "")).strip():
            out.append(f"Usulan {uid}: berstatus {label_status(status).lower()} tanpa alasan.")
        ke = u.get("digabung_ke", "")
        if status == "digabung" and not ke:
            out.append(f"Usulan {uid}: berstatus digabung tetapi tidak menyebut usulan tujuannya.")
        if ke and ke not in usulan:
            out.append(f"Usulan {uid}: digabung ke {ke}, yang tidak ada.")
        elif ke == uid:
            out.append(f"Usulan {uid}: digabung ke dirinya sendiri.")
        if kelurahan and u.get("kelurahan") not in kelurahan:
            out.append(f"Usulan {uid}: desa/kelurahan '{u.get('kelurahan')}' tidak ada dalam daftar desa/kelurahan.")
        kunci = (u.get("kelurahan"), u.get("prioritas_kelurahan"))
        if kunci in prioritas:
            out.append(f"Usulan {uid} dan {prioritas[kunci]}: prioritas {kunci[1]} desa/kelurahan {kunci[0]} dipakai "
                       "dua kali.")
        else:
            prioritas[kunci] = uid
        if u.get("kelompok") and u["kelompok"] not in kelompok:
            out.append(f"Usulan {uid}: kelompok {u['kelompok']} tidak ada.")
        for kolom in ("volume", "perkiraan_biaya"):
            nilai = u.get(kolom, "")
            if nilai:
                try:
                    Decimal(str(nilai))
                except InvalidOperation:
                    out.append(f"Usulan {uid}: {kolom.replace('_', ' ')} '{nilai}' bukan angka.")

    for pid, p in peserta.items():
        if p.get("unsur") not in UNSUR:
            out.append(f"Peserta {pid} ({p.get('nama')}): unsur '{p.get('unsur')}' tidak dikenal.")
        if p.get("kelompok") and p["kelompok"] not in kelompok:
            out.append(f"Peserta {pid} ({p.get('nama')}): kelompok {p['kelompok']} tidak ada.")
        if p.get("jenis_kelamin", "") not in ("", "L", "P"):
            out.append(f"Peserta {pid} ({p.get('nama')}): jenis kelamin '{p.get('jenis_kelamin')}' bukan L/P.")

    for kid, k in kelompok.items():
        for jabatan in ("ketua", "sekretaris", "notulen"):
            pid = k.get(jabatan, "")
            if not pid:
                continue
            if pid not in peserta:
                out.append(f"Kelompok {k.get('nama', kid)}: {jabatan} {pid} bukan peserta yang terdaftar.")
            elif peserta[pid].get("kelompok") != kid:
                out.append(f"Kelompok {k.get('nama', kid)}: {jabatan} {peserta[pid].get('nama')} bukan anggota "
                           "kelompok ini.")
        for uid in k.get("urutan_pleno", []) or []:
            if uid not in usulan:
                out.append(f"Kelompok {k.get('nama', kid)}: urutan Pleno II menyebut usulan {uid}, yang tidak ada.")

    hadir = {p.get("unsur") for p in peserta.values() if p.get("hadir")}
    for rid, t in data.raw.get("penandatangan", {}).items():
        unsur = t.get("unsur", rid)
        if unsur not in UNSUR:
            out.append(f"Penandatangan {t.get('nama')}: unsur '{unsur}' tidak dikenal.")
        elif unsur not in hadir:
            out.append(f"Penandatangan unsur {label_unsur(data, unsur)} ({t.get('nama')}) ditetapkan, padahal tidak ada "
                       "peserta unsur itu yang hadir.")
        if t.get("peserta") and t["peserta"] not in peserta:
            out.append(f"Penandatangan {t.get('nama')}: peserta {t['peserta']} tidak ada.")
    for table, kolom in (("delegasi", "peserta"), ("perumus", "peserta"), ("tanggapan", "usulan"),
                         ("keputusan", "usulan")):
        acuan = peserta if kolom == "peserta" else usulan
        for rid, rec in data.raw.get(table, {}).items():
            ref = rec.get(kolom, "")
            if ref and ref not in acuan:
                out.append(f"{table.capitalize()} {rid}: {kolom} {ref} tidak ada.")
    return out


# --- 4. the signature -----------------------------------------------------------------------------------


def periksa_pengesahan(data: Data) -> list[str]:
    out: list[str] = []
    info = data.info
    if not isinstance(info.disahkan, dict) or not isinstance(info.versi_sah, list):
        return ["Data pengesahan (sesi.info.disahkan / versi_sah) rusak."]
    s = keadaan(data)
    if not s.disahkan:
        return out
    if not _HEX64.match(s.sidik_jari):
        return [f"Data pengesahan rusak: sidik jari '{s.sidik_jari}' bukan SHA-256."]
    out.extend(masalah_sejak_sah(data))  # the one rule for "diubah setelah disahkan" (exports use it too)
    entri = list(data.raw.get("riwayat", {}).values())
    idx = [i for i, e in enumerate(entri) if e.get("aksi") == AKSI_SAHKAN]
    if not idx:
        out.append("Pengesahan tidak tercatat di riwayat.")
        return out
    terakhir = entri[idx[-1]]
    baru = terakhir.get("baru") if isinstance(terakhir.get("baru"), dict) else {}
    if baru.get("sidik_jari") != s.sidik_jari:
        out.append("Sidik jari pengesahan tidak sama dengan yang tercatat di riwayat "
                   f"(entri {terakhir.get('id')}).")
    sesudah = [e for e in entri[idx[-1] + 1:] if e.get("aksi") != AKSI_BUKA]
    if sesudah:
        e = sesudah[0]
        out.append(f"Riwayat mencatat {len(sesudah)} perubahan setelah pengesahan (mulai entri {e.get('id')}: "
                   f"{e.get('aksi')}), padahal sesi terkunci.")
    return out


# --- 6. the code from the signed paper --------------------------------------------------------------


def _versi_teks(v: dict) -> str:
    from .pengesahan import waktu_teks

    akun = f", akun {v.get('akun')}" if v.get("akun") else ""
    return (f"versi {v.get('versi', '?')} (disahkan {waktu_teks(str(v.get('waktu', '')))} oleh {v.get('nama', '?')}"
            f"{akun}; kode {sj.kode(str(v.get('sidik_jari', ''))) or '-'})")


def _versi_di_riwayat(data: Data, entri: list[dict], kode: str) -> tuple[dict, dict] | None:
    """Replay the history to each signing and recompute that version's fingerprint: (version, tables as
    signed) for the one whose code is `kode`, None when none is (or the history cannot be replayed)."""
    try:
        putar_ulang(entri[:1])
    except TidakDapatDiputar:
        return None
    for i, e in enumerate(entri):
        if e.get("aksi") != AKSI_SAHKAN:
            continue
        try:
            tables, _ = putar_ulang(entri[:i + 1])
        except TidakDapatDiputar:
            return None
        tables = {**{t: {} for t in TABLES if t != "riwayat"}, **tables}  # the store writes every table
        info = (tables.get("sesi") or {}).get("info") or {}
        sah = info.get("disahkan") if isinstance(info, dict) else None
        if not isinstance(sah, dict) or sah.get("skema_sidik") != sj.SKEMA_SIDIK:
            continue
        sidik = sj.hitung(tables, sah, sj.kepala_dalam_berkas(dict(tables, riwayat=data.raw.get("riwayat", {})), sah))
        if sj.cocok(kode, sidik):
            return sah, tables
    return None


def periksa_kode_kertas(data: Data, entri: list[dict], kode: str) -> tuple[list[str], list[str]]:
    """(problems, summary lines): is this file the version whose code is on the signed paper?"""
    s = keadaan(data)
    kode_teks = sj.kode(kode)
    if s.disahkan and sj.cocok(kode, s.sidik_sekarang) and s.utuh:
        return [], [f"Sidik jari {s.kode} cocok dengan kode dari kertas: berkas ini adalah berita acara "
                    f"{_versi_teks(vars(s))} yang ditandatangani."]
    out: list[str] = []
    lama = [v for v in s.versi_sebelumnya if sj.cocok(kode, str(v.get("sidik_jari", "")))]
    if s.disahkan and sj.cocok(kode, s.sidik_jari):
        out.append(f"Kode dari kertas ({kode_teks}) sama dengan sidik jari yang tersimpan, tetapi isi berkas "
                   f"sekarang memberi {sj.kode(s.sidik_sekarang)}: berkas diubah setelah ditandatangani.")
    elif lama:
        v = lama[-1]
        sekarang = (f"berkas sekarang memuat {_versi_teks(vars(s))}" if s.disahkan
                    else "berkas sekarang belum disahkan lagi (RANCANGAN)")
        out.append(f"Kode dari kertas ({kode_teks}) milik {_versi_teks(v)}, yang dibuka kembali "
                   f"{v.get('dibuka', '')} oleh {v.get('dibuka_oleh', '?')} dengan alasan \"{v.get('alasan', '')}\"; "
                   f"{sekarang}. Berkas ini bukan versi yang ditandatangani di kertas itu.")
    elif s.disahkan:
        out.append(f"Sidik jari berkas ({sj.kode(s.sidik_sekarang)}) tidak sama dengan kode dari kertas "
                   f"({kode_teks}): berkas ini bukan berita acara yang ditandatangani. Berkas menyebut "
                   f"{_versi_teks(vars(s))}; isi, penanda tangan, waktu, versi atau riwayatnya berbeda "
                   "dari yang disahkan di kertas.")
    else:
        out.append(f"Berkas ini belum disahkan (RANCANGAN), sedangkan kode dari kertas ({kode_teks}) menyebut "
                   "versi yang disahkan.")
    ketemu = _versi_di_riwayat(data, entri, kode)
    if ketemu is not None:
        sah, tables = ketemu
        beda = bandingkan(tables, data.raw)
        beda = [b for b in beda if not b.startswith("tabel sesi, data info, kolom disahkan")]
        out.append(f"Riwayat berkas masih memuat versi yang ditandatangani ({_versi_teks(sah)}); "
                   f"{len(beda)} perbedaan dengan data sekarang.")
        out += [f"Berbeda dari yang ditandatangani: {b}." for b in beda[:BATAS_RINCIAN]]
        if len(beda) > BATAS_RINCIAN:
            out.append(f"... dan {len(beda) - BATAS_RINCIAN} perbedaan lain.")
    return out, []


# --- 7. the SSH signature -------------------------------------------------------------------------------


def periksa_ssh(data: Data, allowed_signers: str) -> tuple[list[str], list[str]]:
    from .tanda_tangan import periksa_tanda_tangan

    s = keadaan(data)
    if not s.disahkan:
        return ["Tanda tangan SSH tidak dapat diperiksa: berkas belum disahkan."], []
    sah = data.info.disahkan
    ok, hasil = periksa_tanda_tangan(s.sidik_sekarang, sah.get("ssh"), allowed_signers)
    if not ok:
        return [f"Tanda tangan SSH tidak sah: {hasil}"], []
    kunci = (sah.get("ssh") or {}).get("kunci", "")
    return [], [f"Tanda tangan SSH sah: sidik jari ditandatangani oleh {hasil}" + (f" (kunci {kunci})." if kunci
                                                                                     else ".")]


# --- 5. the document ------------------------------------------------------------------------------------


def _periksa_dokumen(data: Data) -> list[str]:
    from .berita_acara import dokumen, ke_markdown, ke_teks

    try:
        blok = dokumen(data)  # built once, rendered both ways (what `berita_acara(data, fmt)` does)
        ke_markdown(blok)
        ke_teks(blok)
    except Exception as e:  # noqa: BLE001 - a check: any failure is a finding, not a crash
        return [f"Berita acara tidak dapat disusun dari berkas ini ({type(e).__name__}: {e})."]
    return []


# --- notes: older sumber dana text ------------------------------------------------------------------------


def catatan_sumber_dana(data: Data) -> list[str]:
    """Notes (not problems) on usulan whose stored sumber dana is not a key of `sesi.dana.SUMBER_DANA`:
    files written before the vocabulary kept the text as typed, and it is still read (`sumber_usulan`).
    Text the vocabulary does not know ("DAK") is named per usulan (up to BATAS_RINCIAN, the rest counted)
    as read as CSR/lainnya; text it knows ("APBD Kota") is counted in one line. [] when every value is a key."""
    asing, dikenal = [], 0
    for u in data.usulan.values():
        if u.sumber_dana in SUMBER_DANA or u.sumber_dana == "":
            continue
        try:
            baca_sumber_dana(u.sumber_dana)
            dikenal += 1
        except DataDitolak:
            asing.append(u)
    out = [f"Catatan: sumber dana usulan {u.id} tersimpan sebagai teks lama \"{tampak(u.sumber_dana)[:40]}\", "
           f"bukan salah satu dari {len(SUMBER_DANA)} sumber; dibaca sebagai {SUMBER_DANA['lainnya']}."
           for u in asing[:BATAS_RINCIAN]]
    if len(asing) > BATAS_RINCIAN:
        out.append(f"Catatan: ... dan {len(asing) - BATAS_RINCIAN} usulan lain dengan sumber dana teks lama yang "
                   f"dibaca sebagai {SUMBER_DANA['lainnya']}.")
    if dikenal:
        out.append(f"Catatan: {dikenal} usulan menyimpan sumber dana sebagai teks lama yang dikenali (misalnya "
                   "\"APBD Kota\"); dibaca sebagai sumber yang disebutnya.")
    return out


# --- the summary ------------------------------------------------------------------------------------------


def ringkasan(path: str, data: Data, *, rantai_utuh: bool = True) -> str:
    info = data.info
    try:
        tgl = tanggal_panjang(info.tanggal)
    except (TypeError, ValueError):
        tgl = str(info.tanggal)
    peserta = data.raw.get("peserta", {})
    hadir = sum(1 for p in peserta.values() if p.get("hadir") is True)
    n_riwayat = len(data.raw.get("riwayat", {}))
    lines = [
        f"Berkas {path}: revisi {data.revisi}.",
        f"Musrenbang Kecamatan {info.kecamatan}, {daerah(data)}, RKPD {info.tahun}, {tgl}.",
        f"{len(data.raw.get('kelurahan', {}))} {wilayah_kecil(data)}; {len(peserta)} peserta terdaftar, {hadir} hadir; "
        f"{len(data.raw.get('usulan', {}))} usulan; {len(data.raw.get('skor', {}))} nilai skor; {n_riwayat} entri "
        f"riwayat (rantai {'utuh' if rantai_utuh else 'RUSAK'}).",
    ]
    try:
        s = keadaan(data)
    except Exception:  # noqa: BLE001 - damaged signature data is reported as a problem already
        return "\n".join(lines + ["Status: data pengesahan rusak."])
    if s.disahkan:
        cocok = "cocok dengan isi berkas" if s.utuh else "TIDAK cocok dengan isi berkas"
        lines.append(f"Status: {s.uraian()}.")
        lines.append(f"Sidik jari: {s.kode} (SHA-256 {s.sidik_jari}; {cocok}).")
        if s.skema_sidik == 1:
            lines.append("Catatan: sidik jari skema lama (sebelum versi ini) hanya mencakup isi data, tidak "
                         "mencakup penanda tangan, waktu, versi dan riwayat.")
    else:
        lines.append(f"Status: {s.uraian()}.")
    for v in s.versi_sebelumnya:
        if v.get("utuh") is False:
            lines.append(f"Perhatian: versi sah {v.get('versi')} dibuka kembali ketika isinya sudah tidak cocok "
                         "dengan sidik jarinya.")
    if not s.disahkan:
        try:
            catatan = hal_terbuka(data) + catatan_sebelum_sahkan(data)
        except Exception:  # noqa: BLE001 - problems are reported above
            catatan = []
        if catatan:
            lines.append("Belum lengkap sebelum pengesahan:")
            lines += [f"  - {c}" for c in catatan]
    return "\n".join(lines)


__all__ = ["periksa", "periksa_putar_ulang", "periksa_kode_kertas", "periksa_ssh", "periksa_jenis", "periksa_aturan",
           "periksa_pengesahan", "ringkasan", "catatan_sumber_dana"]
