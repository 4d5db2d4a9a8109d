"""Errors a user can cause or meet. Each carries a complete Indonesian message for the screen or stderr."""

from __future__ import annotations


class SesiError(Exception):
    """Base: a problem the user can understand and act on (never shown as a traceback)."""

    def __init__(self, pesan: str):
        super().__init__(pesan)
        self.pesan = pesan

    def __str__(self) -> str:
        return self.pesan


class DataDitolak(SesiError):
    """Input refused by a rule (a field missing, out of range...). Nothing was changed."""

    def __init__(self, pesan: str, masalah: list[str] | None = None):
        super().__init__(pesan)
        self.masalah = masalah or [pesan]


class BerkasError(SesiError):
    """A problem with the store file itself."""


class BerkasTidakAda(BerkasError):
    pass


class BerkasSudahAda(BerkasError):
    pass


class BerkasRusak(BerkasError):
    """The file cannot be read as a session. It is never overwritten."""


class SkemaTerlaluBaru(BerkasError):
    pass


class BerkasSibuk(BerkasError):
    """Another process holds the lock for too long."""


class GagalMenyimpan(BerkasError):
    """Writing failed (disk full, read-only folder, I/O error). The file on disk is unchanged."""


class SesiTerkunci(SesiError):
    """The berita acara was signed: the session accepts no change until it is reopened."""


class PeranTidakBerwenang(SesiError):
    """The role of this terminal may not do that."""


class BerkasTidakAman(BerkasError):
    """A path the program refuses to write or read: a symlink, FIFO, device or folder where a regular
    file belongs (a shared group folder must never let one member redirect another's writes)."""
