"""Who may make each kind of change: terminal roles (`--peran`) per kind of action.

Shape: `BOLEH[kind] -> tuple of role keys` (the roles of `sesi.model.PERAN`); an action calls
`tx.wajib_peran(*BOLEH[kind])`, which raises `PeranTidakBerwenang` for any other role. "tayang" changes
nothing. Roles prevent mistakes, they are not a security boundary: file permissions are (README.md, "Peran").

Screens ask before opening a form (`tolak(peran, kind)`: the refusal message, or None when the role may), so
nothing typed into a form is lost to a refusal at saving; the action checks again when it saves.

"peran_akun" (binding roles to unix accounts, `sesi.akun.atur_peran`): the pimpinan, or the operator, who
is normally the one who created the session file: only the file's owner may bind roles at all (sesi/akun.py,
README "Peran terikat pada akun unix"), and the owner's first binding, before any list exists, is how the
laptop is set up (`musrenbang peran`, run as operator). A notulen, fasilitator or tayang terminal never may.
"""

from __future__ import annotations

#: Which terminal roles may do each kind of change ("tayang" changes nothing).
BOLEH: dict[str, tuple[str, ...]] = {
    "persiapan": ("operator", "pimpinan"),
    "peran_akun": ("operator", "pimpinan"),
    "pendaftaran": ("operator", "pimpinan", "notulen"),
    "catatan": ("operator", "pimpinan", "notulen"),
    "kelompok": ("operator", "pimpinan", "fasilitator"),
    "skor": ("operator", "pimpinan", "fasilitator"),
    "pleno": ("operator", "pimpinan"),
    "tanggapan": ("operator", "pimpinan", "notulen"),
    "tahap": ("operator", "pimpinan", "fasilitator", "notulen"),
    "pengesahan": ("pimpinan",),
}


def pesan_tolak(peran: str, boleh: tuple[str, ...]) -> str | None:
    """None when `peran` is one of `boleh`, else the refusal in Indonesian ("Peran Notulen tidak berwenang
    untuk ini (hanya: Operator, Pimpinan Sidang).")."""
    if peran in boleh:
        return None
    from .model import PERAN

    return (f"Peran {PERAN.get(peran, peran)} tidak berwenang untuk ini "
            f"(hanya: {', '.join(PERAN.get(p, p) for p in boleh)}).")


def tolak(peran: str, jenis: str) -> str | None:
    """May the terminal role `peran` make changes of kind `jenis` (a key of `BOLEH`)? None when it may, else
    the message `Transaksi.wajib_peran` would raise. KeyError for an unknown kind (a programming error)."""
    return pesan_tolak(peran, BOLEH[jenis])


__all__ = ["BOLEH", "pesan_tolak", "tolak"]
