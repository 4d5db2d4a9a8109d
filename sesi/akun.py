"""Roles bound to unix accounts: who may act as what in one session (issue 10).

Shape. The session's table `sesi` holds, beside `info`, the record

    "akun": {"id": "akun", "peran": {LOGIN: PERAN, ...}}

(LOGIN a unix login name, PERAN one of `model.PERAN`). It is covered by the fingerprint and changed only
through `atur_peran`, which records the change in the history like any other.

Rules.
- No account assigned at all (the record absent or empty): today's behaviour, for single-user laptops:
  any role may be chosen with `--peran` (bawaan operator), and anyone may sign.
- Otherwise the account of the process's real uid (`pwd.getpwuid(os.getuid())`, never $USER, which a user
  sets at will) holds one role; it may act in that role or one below it (`TURUNAN`), and `--peran` above it
  is refused. An account not listed may only view (tayang). Only an account holding `pimpinan` can sign or
  reopen a signed session (`pengesahan.sahkan`/`buka_kembali` check it through `Transaksi.wajib_peran`).
- Only the owner of the session file (its st_uid) assigns roles, from a pimpinan or operator terminal
  (`sesi.peran.BOLEH["peran_akun"]`; a notulen terminal never may).

Errors: `PeranTidakBerwenang` (a role or action the account does not hold), `DataDitolak` (an unknown
role, a malformed login name). What this protects: use of the app and CLI. Someone who can write the
file can edit this record by hand; the history replay in `periksa`, the code on the signed paper and an
SSH signature (`sahkan --kunci-ssh`) are what reveal that.
"""

from __future__ import annotations

import os
import pwd
import re
from typing import Any, Mapping

from .errors import DataDitolak, PeranTidakBerwenang

REKAMAN = "akun"  # id of the record in the `sesi` table
AKSI_PERAN = "atur peran akun"

#: Role held -> the roles its account may act in (a role never includes one it cannot do the work of).
TURUNAN: dict[str, tuple[str, ...]] = {
    "pimpinan": ("pimpinan", "operator", "fasilitator", "notulen", "tayang"),
    "operator": ("operator", "fasilitator", "notulen", "tayang"),
    "fasilitator": ("fasilitator", "tayang"),
    "notulen": ("notulen", "tayang"),
    "tayang": ("tayang",),
}
_LOGIN = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,31}\$?$")


def akun_sekarang() -> str:
    """The login name of the process's real uid (the uid number as text when it has no passwd entry)."""
    uid = os.getuid()
    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:
        return str(uid)


def daftar_peran(sesi: Mapping[str, Any] | None) -> dict[str, str]:
    """LOGIN -> PERAN from the `sesi` table (empty when no account is assigned); tolerant of damage."""
    rec = (sesi or {}).get(REKAMAN)
    peran = rec.get("peran") if isinstance(rec, dict) else None
    if not isinstance(peran, dict):
        return {}
    return {str(k): str(v) for k, v in peran.items()}


def _label(peran: str) -> str:
    from .model import PERAN

    return PERAN.get(peran, peran)


def peran_untuk(sesi: Mapping[str, Any] | None, akun: str, diminta: str | None) -> str:
    """The role a terminal of `akun` gets when it asks for `diminta` (None: no `--peran` given).

    Raises PeranTidakBerwenang when the account holds a role below the one asked for."""
    daftar = daftar_peran(sesi)
    if not daftar:
        return diminta or "operator"
    dipegang = daftar.get(akun)
    if dipegang is None:
        if diminta in (None, "tayang"):
            return "tayang"
        raise PeranTidakBerwenang(
            f"Akun {akun} belum diberi peran di sesi ini, sehingga hanya dapat melihat (tayang). Pemilik berkas "
            f"dapat memberinya peran: musrenbang peran BERKAS --akun {akun}=PERAN.")
    if diminta is None:
        return dipegang
    if diminta not in TURUNAN.get(dipegang, ()):
        raise PeranTidakBerwenang(
            f"Akun {akun} memegang peran {_label(dipegang)} di sesi ini; peran {_label(diminta)} di atasnya "
            "ditolak.")
    return diminta


def wajib_akun(sesi: Mapping[str, Any] | None, akun: str, peran: str) -> None:
    """Refuse acting as `peran` from `akun` when the session binds roles to accounts and the account does not
    hold it (called by `Transaksi.wajib_peran` before the role itself is checked)."""
    daftar = daftar_peran(sesi)
    if not daftar:
        return
    dipegang = daftar.get(akun)
    if dipegang is None:
        raise PeranTidakBerwenang(f"Akun {akun} belum diberi peran di sesi ini; perubahan ditolak. Pemilik "
                                  f"berkas dapat memberinya peran: musrenbang peran BERKAS --akun {akun}=PERAN.")
    if peran not in TURUNAN.get(dipegang, ()):
        raise PeranTidakBerwenang(f"Akun {akun} memegang peran {_label(dipegang)} di sesi ini, bukan "
                                  f"{_label(peran)}; tindakan ini ditolak.")


def pemilik_berkas(path: str) -> str:
    """The login name of the session file's owner."""
    uid = os.stat(path).st_uid
    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:
        return str(uid)


def atur_peran(store, tetapkan: Mapping[str, str], hapus: list[str] | tuple[str, ...] = ()) -> dict[str, str]:
    """Assign (`tetapkan`: LOGIN -> PERAN) and remove (`hapus`) account roles; returns the new list.

    Only the owner of the session file may do it, from a terminal whose role may (`sesi.peran.BOLEH
    ["peran_akun"]`: pimpinan or operator; PeranTidakBerwenang otherwise); an unknown role or a
    malformed login name is refused (DataDitolak) before anything changes. A login need not exist on this
    machine yet (accounts may be created later), but a name that does not exist is named in the result by the
    caller (`akun_dikenal`)."""
    from .model import PERAN
    from .peran import tolak

    pesan = tolak(store.pelaku.peran, "peran_akun")
    if pesan:
        raise PeranTidakBerwenang(pesan)
    pemilik = pemilik_berkas(store.path)
    akun = akun_sekarang()
    if akun != pemilik:
        raise PeranTidakBerwenang(f"Hanya pemilik berkas ({pemilik}) yang dapat mengatur peran akun; Anda masuk "
                                  f"sebagai {akun}.")
    masalah: list[str] = []
    for login, peran in tetapkan.items():
        if not _LOGIN.match(login):
            masalah.append(f"Nama akun '{login}' tidak sah (huruf, angka, titik, garis bawah atau tanda hubung; "
                           "paling panjang 32).")
        if peran not in PERAN:
            masalah.append(f"Peran '{peran}' untuk akun {login} tidak dikenal (pilihan: {', '.join(PERAN)}).")
    for login in hapus:
        if not _LOGIN.match(login):
            masalah.append(f"Nama akun '{login}' tidak sah.")
    if masalah:
        raise DataDitolak(masalah[0], masalah)
    with store.transaksi() as tx:
        lama = daftar_peran(tx.table("sesi"))
        baru = dict(lama)
        for login in hapus:
            if login not in baru:
                raise DataDitolak(f"Akun {login} tidak mempunyai peran di sesi ini; tidak ada yang dihapus.")
            del baru[login]
        baru.update(tetapkan)
        if baru != lama:
            tx.put("sesi", REKAMAN, {"id": REKAMAN, "peran": dict(sorted(baru.items()))})
            tx.catat(AKSI_PERAN, "sesi", lama, baru)
    return baru


def akun_dikenal(login: str) -> bool:
    """Whether `login` is an account on this machine."""
    try:
        pwd.getpwnam(login)
        return True
    except KeyError:
        return False


__all__ = ["TURUNAN", "AKSI_PERAN", "akun_sekarang", "daftar_peran", "peran_untuk", "wajib_akun",
           "pemilik_berkas", "atur_peran", "akun_dikenal"]
