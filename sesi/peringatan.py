"""Warnings of the procedure (F9): shown here, never blocking; the points among them that block signing come
from `sesi.pengesahan.hal_terbuka`."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from .dana import peringatan_harga
from .data import Data
from .model import Info
from .pendaftaran import rekap
from .sebutan import sebut_wilayah, zona


def sebut_kelompok(nama: str) -> str:
    """'Infrastruktur' -> 'Kelompok Infrastruktur'; a name that already says Kelompok stays as it is."""
    return nama if nama.casefold().startswith("kelompok") else f"Kelompok {nama}"


def peringatan_tanggal(info: Info) -> dict[str, str]:
    """The warnings about the session's dates, by the field they concern: `tanggal_pengumuman` (the
    announcement at least 7 days before) and `tanggal` (no later than the second week of February)."""
    out: dict[str, str] = {}
    try:
        tgl = date.fromisoformat(info.tanggal)
    except ValueError:
        return out
    if info.tanggal_pengumuman:
        try:
            umum = date.fromisoformat(info.tanggal_pengumuman)
            selisih = (tgl - umum).days
            if selisih < 7:
                out["tanggal_pengumuman"] = f"Pengumuman hanya {selisih} hari sebelum musrenbang (minimal 7 hari)."
        except ValueError:
            pass
    else:
        out["tanggal_pengumuman"] = "Tanggal pengumuman belum dicatat (minimal 7 hari sebelum musrenbang)."
    if tgl.month > 2 or (tgl.month == 2 and tgl.day > 14):
        out["tanggal"] = "Tanggal musrenbang melewati minggu kedua bulan Februari."
    return out


#: Slack around the recorded hours: registration opens before the opening, notes are finished after closing.
LONGGAR = timedelta(hours=1)


def peringatan_jam(data: Data) -> list[str]:
    """One warning when recorded events (attendance `Peserta.waktu_hadir`, notes `Catatan.waktu`: ISO
    date-times) fall outside the meeting's recorded hours (`Info.tanggal`, `waktu_mulai`-`waktu_selesai`,
    "HH.MM" in the session's zone) by more than `LONGGAR`: a sign of a wrong clock or wrong hours. Nothing
    when either hour is not recorded."""
    info = data.info
    try:
        hari = date.fromisoformat(info.tanggal)
        mulai = datetime.combine(hari, datetime.strptime(info.waktu_mulai, "%H.%M").time()) - LONGGAR
        selesai = datetime.combine(hari, datetime.strptime(info.waktu_selesai, "%H.%M").time()) + LONGGAR
    except ValueError:
        return []
    luar: list[str] = []
    stempel = [(p.waktu_hadir, "kehadiran") for p in data.peserta.values() if p.hadir and p.waktu_hadir]
    stempel += [(c.waktu, "catatan") for c in data.daftar("catatan") if c.waktu]
    for iso, jenis in stempel:
        try:
            t = datetime.fromisoformat(iso)
        except ValueError:
            continue
        if not mulai <= t <= selesai:
            luar.append(jenis)
    if not luar:
        return []
    rincian = ", ".join(f"{luar.count(j)} {j}" for j in ("kehadiran", "catatan") if j in luar)
    return [f"{len(luar)} waktu tercatat ({rincian}) di luar waktu Musrenbang {info.waktu_mulai}-"
            f"{info.waktu_selesai} {zona(data)} tanggal {info.tanggal}: periksa jam komputer atau waktu mulai dan "
            "selesai (Persiapan, bagian Sesi)."]


def peringatan(data: Data) -> list[str]:
    """Every warning that applies to the session as it stands, in Indonesian."""
    info = data.info
    out: list[str] = list(peringatan_tanggal(info).values())
    r = rekap(data)
    if r.hadir:
        for kel in data.kelurahan:
            n = r.delegasi_per_kelurahan.get(kel.nama, 0)
            if n == 0:
                out.append(f"{sebut_wilayah(data, kel.nama)} belum mempunyai delegasi yang hadir.")
            elif n < info.min_delegasi:
                out.append(f"Delegasi {sebut_wilayah(data, kel.nama)} hadir {n} orang (dianjurkan "
                           f"{info.min_delegasi}).")
            if n and r.delegasi_perempuan_per_kelurahan.get(kel.nama, 0) < info.min_perempuan_delegasi:
                out.append(f"Delegasi {sebut_wilayah(data, kel.nama)} tanpa perempuan.")
    from .set_kriteria import semua_set

    if not any(s.kriteria for s in semua_set(data).values()):  # every set, not only the default
        out.append("Kriteria penilaian belum ditetapkan.")
    out += peringatan_jam(data)
    out += peringatan_harga(data)  # volume x harga satuan differs from the biaya: a warning, never blocking
    # What still blocks signing (unverified or unscored usulan, seri, lists not agreed, kelompok without a
    # ketua, unsur without a signatory): the one list the gate of `sahkan` uses.
    from .pengesahan import hal_terbuka  # here: sesi.pengesahan imports this module

    out += hal_terbuka(data)
    return out
