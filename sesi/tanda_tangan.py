"""An SSH signature over the fingerprint of a signed berita acara, with the OpenSSH already on the machine.

`tandatangani(sidik, kunci)` runs `ssh-keygen -Y sign -n musrenbang -f KUNCI` on the message (the 64 hex
digits of the fingerprint, ASCII, no newline) and returns the record kept in `info.disahkan["ssh"]`:

    {"tanda_tangan": "-----BEGIN SSH SIGNATURE-----...", "kunci": "SHA256:... (ED25519)", "namespace": "musrenbang"}

`periksa_tanda_tangan(sidik, rekaman, allowed_signers)` finds the principal the signature's key belongs to in
an allowed_signers file (`ssh-keygen -Y find-principals`) and verifies (`ssh-keygen -Y verify`); it returns
(True, principal) or (False, the reason in Indonesian). The rule is OpenSSH's (ssh-keygen(1), section
ALLOWED SIGNERS): a signature proves that the holder of the private key signed this fingerprint, so
whoever edits the file afterwards cannot make it verify without that key.

Errors: `DataDitolak` when ssh-keygen is missing, the key cannot be read, or signing fails (nothing saved).
Every call has a timeout; a key with a passphrase is asked for on the terminal by ssh-keygen itself.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from typing import Any, Mapping

from .berkas import tulis_atomik
from .errors import DataDitolak

NAMESPACE = "musrenbang"
BATAS_WAKTU = 120  # seconds: a passphrase typed by a person


def _ssh_keygen() -> str:
    exe = shutil.which("ssh-keygen")
    if not exe:
        raise DataDitolak("ssh-keygen (OpenSSH) tidak ditemukan di mesin ini; tanda tangan SSH tidak dapat dibuat "
                          "atau diperiksa.")
    return exe


def _pesan(hasil: subprocess.CompletedProcess) -> str:
    teks = (hasil.stderr or b"").decode("utf-8", "replace").strip().splitlines()
    return teks[-1] if teks else f"status {hasil.returncode}"


def tandatangani(sidik: str, kunci: str) -> dict[str, Any]:
    """Sign the fingerprint with the private key at `kunci`; the record to keep beside it."""
    exe = _ssh_keygen()
    if not os.path.isfile(kunci):
        sebab = "tidak ditemukan" if not os.path.exists(kunci) else (
            "adalah folder" if os.path.isdir(kunci) else "bukan berkas biasa (mis. pipa bernama atau perangkat)")
        raise DataDitolak(f"Kunci SSH {kunci} {sebab} (berikan berkas kunci privat, mis. ~/.ssh/id_ed25519).")
    try:
        hasil = subprocess.run([exe, "-Y", "sign", "-n", NAMESPACE, "-f", kunci], input=sidik.encode("ascii"),
                               capture_output=True, timeout=BATAS_WAKTU)
    except subprocess.TimeoutExpired:
        raise DataDitolak("ssh-keygen tidak selesai menandatangani dalam waktu yang wajar; tidak ada yang disimpan.") \
            from None
    if hasil.returncode != 0 or b"BEGIN SSH SIGNATURE" not in hasil.stdout:
        raise DataDitolak(f"Tanda tangan SSH gagal dibuat dengan kunci {kunci} ({_pesan(hasil)}); tidak ada yang "
                          "disimpan.")
    sidik_kunci = ""
    try:
        lf = subprocess.run([exe, "-l", "-f", kunci], capture_output=True, timeout=30)
        if lf.returncode == 0:
            parts = lf.stdout.decode("utf-8", "replace").split()
            sidik_kunci = f"{parts[1]} {parts[-1]}" if len(parts) >= 3 else ""
    except (subprocess.TimeoutExpired, OSError):
        pass
    return {"tanda_tangan": hasil.stdout.decode("ascii", "replace"), "kunci": sidik_kunci, "namespace": NAMESPACE}


def periksa_tanda_tangan(sidik: str, rekaman: Mapping[str, Any] | None, allowed_signers: str) -> tuple[bool, str]:
    """Verify the signature record against an allowed_signers file: (True, principal) or (False, reason)."""
    if not isinstance(rekaman, Mapping) or not isinstance(rekaman.get("tanda_tangan"), str):
        return False, "berkas tidak memuat tanda tangan SSH (pengesahan tanpa --kunci-ssh)."
    try:
        exe = _ssh_keygen()
    except DataDitolak as e:
        return False, str(e)
    if not os.path.isfile(allowed_signers):
        return False, f"berkas allowed_signers {allowed_signers} tidak ditemukan."
    with tempfile.TemporaryDirectory(prefix="musrenbang-ssh-") as folder:
        sig = os.path.join(folder, "sidik.sig")
        tulis_atomik(sig, rekaman["tanda_tangan"].encode("ascii", "replace"), mode=0o600)
        try:
            cari = subprocess.run([exe, "-Y", "find-principals", "-s", sig, "-f", allowed_signers],
                                  capture_output=True, timeout=30)
            if cari.returncode != 0:
                return False, ("kunci yang menandatangani tidak terdaftar di "
                               f"{allowed_signers} ({_pesan(cari)}).")
            prinsipal = cari.stdout.decode("utf-8", "replace").split()
            for p in prinsipal:
                cek = subprocess.run([exe, "-Y", "verify", "-f", allowed_signers, "-I", p, "-n", NAMESPACE,
                                      "-s", sig], input=sidik.encode("ascii"), capture_output=True, timeout=30)
                if cek.returncode == 0:
                    return True, p
            return False, "tanda tangan SSH tidak cocok dengan sidik jari berkas ini."
        except subprocess.TimeoutExpired:
            return False, "ssh-keygen tidak selesai memeriksa tanda tangan."


__all__ = ["NAMESPACE", "tandatangani", "periksa_tanda_tangan"]
