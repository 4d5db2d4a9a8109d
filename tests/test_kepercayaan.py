"""Trust in the signed record (issue 10): the fingerprint covers everything and the paper code decides; the
data agrees with the replayed history; only an account holding pimpinan signs; an SSH signature verifies;
nothing raw from a file reaches a terminal."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from skenario import PIMPINAN, buat_skenario

from musrenbang_tui import cli
from sesi import akun, pendaftaran
from sesi import sidik_jari as sj
from sesi import peran as peran_mod
from sesi.errors import PeranTidakBerwenang
from sesi.pengesahan import buka_kembali, kode_sidik_jari, sahkan
from sesi.periksa import periksa
from sesi.store import Pelaku, Store

#: `musrenbang sahkan` in process signs on the scenario's day (never "before the meeting": conftest).
pytestmark = pytest.mark.usefixtures("hari_musrenbang")

SERANGAN = Path(__file__).parent / "serangan_berkas.py"
KODE = re.compile(r"Sidik jari: ([0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4})\n")


@pytest.fixture
def rancangan(tmp_path) -> str:
    return buat_skenario(str(tmp_path / "sesi.json")).path


def _sahkan_cli(path: str, capsys, nama: str = "Drs. H. Ahmad Fauzan") -> str:
    """Sign through the CLI; return the short code it printed."""
    assert cli.main(["sahkan", path, "--nama", nama]) == 0
    out = capsys.readouterr().out
    m = KODE.search(out)
    assert m, out
    penuh = re.search(r"SHA-256 lengkap: ([0-9a-f]{64})", out).group(1)
    assert penuh.upper().startswith(m.group(1).replace("-", ""))
    return m.group(1)


def _periksa(path: str, *args: str) -> tuple[int, str, str]:
    r = subprocess.run([sys.executable, "-m", "musrenbang_tui", "periksa", path, *args], capture_output=True)
    return r.returncode, r.stdout.decode("utf-8", "replace"), r.stderr.decode("utf-8", "replace")


def _ubah_json(path: str, ubah) -> None:
    obj = json.loads(Path(path).read_text(encoding="utf-8"))
    ubah(obj)
    Path(path).write_text(json.dumps(obj, ensure_ascii=False), encoding="utf-8")


# --- 1. the fingerprint and the paper code --------------------------------------------------------------


def test_sahkan_mencetak_kode_dan_periksa_menerimanya_dalam_bentuk_apa_pun(rancangan, capsys):
    """`sahkan` prints `Sidik jari: XXXX-XXXX-XXXX-XXXX` and the full SHA-256; the same code is what the
    document footer gets, and `periksa --sidik-jari` takes it with or without dashes, any case, short or full."""
    kode = _sahkan_cli(rancangan, capsys)
    data = Store(rancangan).muat()
    assert kode_sidik_jari(data) == kode
    penuh = data.info.disahkan["sidik_jari"]
    for bentuk in (kode, kode.lower(), kode.replace("-", ""), penuh, penuh.upper(), f"Sidik jari: {kode}"):
        assert cli.main(["periksa", rancangan, "--sidik-jari", bentuk]) == 0, bentuk
        out = capsys.readouterr().out
        assert f"Sidik jari {kode} cocok dengan kode dari kertas" in out and "Tidak ada masalah." in out
    assert cli.main(["periksa", rancangan, "--sidik-jari", "12-34"]) == 2
    assert "16 digit" in capsys.readouterr().err
    assert kode_sidik_jari(Store(buat_skenario(str(Path(rancangan).with_name("lain.json"))).path).muat()) is None


@pytest.mark.parametrize("fmt", ["md", "txt"])
def test_kode_kertas_di_kaki_setiap_bagian_berita_acara(rancangan, capsys, fmt):
    """The paper people sign carries the code: the body and each lampiran end with
    'Sidik jari: XXXX-XXXX-XXXX-XXXX' once signed, in every format; a draft carries none."""
    from sesi.berita_acara import berita_acara

    assert "Sidik jari: " not in berita_acara(Store(rancangan).muat(), fmt)
    kode = _sahkan_cli(rancangan, capsys)
    teks = berita_acara(Store(rancangan).muat(), fmt)
    bagian = re.split(r"^.*LAMPIRAN [IVX]+ BERITA ACARA", teks, flags=re.M)
    from sesi.berita_acara.lampiran import LAMPIRAN

    assert len(bagian) == 1 + len(LAMPIRAN)
    for isi in bagian:
        assert f"Sidik jari: {kode}" in isi


@pytest.mark.parametrize("kolom,nilai", [("nama", "Camat Palsu"), ("waktu", "2027-02-10T09:00:00"), ("versi", 2),
                                         ("akun", "orang-lain")])
def test_penanda_tangan_waktu_versi_diubah_memberi_kode_lain(rancangan, capsys, kolom, nilai):
    """The signer, time, version and account are covered: edited by hand, the file no longer matches its
    own fingerprint, and recomputed, it no longer matches the paper."""
    kode = _sahkan_cli(rancangan, capsys)
    _ubah_json(rancangan, lambda obj: obj["sesi"]["info"]["disahkan"].update({kolom: nilai}))
    rc, out, err = _periksa(rancangan)
    assert rc == 1 and "telah diubah setelah disahkan" in err
    raw = {k: v for k, v in json.loads(Path(rancangan).read_text()).items() if k != "_meta"}
    baru = sj.sidik_sekarang(raw)
    assert sj.kode(baru) != kode
    _ubah_json(rancangan, lambda obj: obj["sesi"]["info"]["disahkan"].update(sidik_jari=baru))
    rc, out, err = _periksa(rancangan, "--sidik-jari", kode)
    assert rc == 1 and "bukan berita acara yang ditandatangani" in err, err


def test_perubahan_setelah_sah_disebut_per_kolom_terhadap_kode_kertas(rancangan, capsys):
    """A score changed in the file after signing: with the paper code, periksa exits 1 and, since the history
    still holds the signed version, names the field that differs from what was signed."""
    kode = _sahkan_cli(rancangan, capsys)
    _ubah_json(rancangan, lambda obj: obj["skor"]["U001|K2|"].update(nilai=5))
    rc, out, err = _periksa(rancangan, "--sidik-jari", kode)
    assert rc == 1
    assert f"Kode dari kertas ({kode}) sama dengan sidik jari yang tersimpan" in err
    assert "Berbeda dari yang ditandatangani: tabel skor, data U001|K2|, kolom nilai: berkas 5, menurut riwayat 2." \
        in err


def test_disahkan_ulang_setelah_dibuka_memberi_kode_baru(rancangan, capsys):
    """Reopen and sign again without changing anything: a new code; the first paper no longer matches, and
    periksa says which version it belongs to and why it was reopened."""
    kode1 = _sahkan_cli(rancangan, capsys)
    assert cli.main(["buka-kunci", rancangan, "--nama", "Drs. H. Ahmad Fauzan", "--alasan", "Salah ketik"]) == 0
    kode2 = _sahkan_cli(rancangan, capsys)
    assert kode2 != kode1
    assert cli.main(["periksa", rancangan, "--sidik-jari", kode2]) == 0
    capsys.readouterr()
    assert cli.main(["periksa", rancangan, "--sidik-jari", kode1]) == 1
    err = capsys.readouterr().err
    assert f"Kode dari kertas ({kode1}) milik versi 1" in err and 'alasan "Salah ketik"' in err


@pytest.mark.parametrize("rapi", [False, True], ids=["data-dan-hash", "juga-riwayat"])
def test_serangan_hitung_ulang_semua_hash_ditolak_kode_kertas(rancangan, capsys, rapi):
    """The issue's attack, redone by a script using only json and hashlib: scores, attendance and a reason
    edited, a history entry deleted, every hash recomputed. The paper code catches it (exit 1). Without the
    code, the replay catches the forger who left the history alone; one who also makes the history agree
    passes `periksa`: the limit the README states."""
    kode = _sahkan_cli(rancangan, capsys)
    r = subprocess.run([sys.executable, "-I", str(SERANGAN), rancangan] + (["--rapi"] if rapi else []),
                       capture_output=True, text=True, cwd=str(Path(rancangan).parent))
    assert r.returncode == 0, r.stderr
    palsu = r.stdout.strip()
    assert json.loads(Path(rancangan).read_text())["sesi"]["info"]["disahkan"]["sidik_jari"] == palsu
    rc, out, err = _periksa(rancangan, "--sidik-jari", kode)
    assert rc == 1
    assert f"Sidik jari berkas ({sj.kode(palsu)}) tidak sama dengan kode dari kertas ({kode})" in err
    rc, out, err = _periksa(rancangan)
    if rapi:
        assert rc == 0 and "rantai utuh" in out
    else:
        assert rc == 1
        assert "Data tidak sesuai dengan riwayat: tabel skor, data U002|K1|, kolom nilai: berkas 1" in err
        assert "tabel peserta, data P0017, kolom hadir: berkas true, menurut riwayat false" in err
        assert "tabel usulan, data U004, kolom alasan" in err


# --- 2. data and history agree ------------------------------------------------------------------------


def test_nilai_diubah_tanpa_pengesahan_ditemukan(rancangan):
    """An unsigned file whose score was changed with a text editor: named by table, record and field."""
    text = Path(rancangan).read_text(encoding="utf-8")
    baru, n = re.subn(r'("U001\|K2\|": \{"usulan": "U001", "kriteria": "K2", "nilai": )2\}', r"\g<1>5}", text)
    assert n == 1
    Path(rancangan).write_text(baru, encoding="utf-8")
    rc, _, err = _periksa(rancangan)
    assert rc == 1
    assert "Data tidak sesuai dengan riwayat: tabel skor, data U001|K2|, kolom nilai: berkas 5, menurut riwayat 2." \
        in err


def test_ekor_riwayat_dipotong_ditemukan(rancangan):
    """The last history entries cut off (the chain that remains is intact): the records they wrote are named."""
    def potong(obj):
        for eid in list(obj["riwayat"])[-3:]:
            del obj["riwayat"][eid]
    _ubah_json(rancangan, potong)
    masalah, ringkasan = periksa(rancangan)
    assert "rantai utuh" in ringkasan
    assert ("Data tidak sesuai dengan riwayat: tabel penandatangan, data camat: ada di berkas tetapi tidak tercatat "
            "di riwayat.") in masalah


def test_entri_ditukar_ditemukan(rancangan):
    """Two history entries swapped: the chain names the first one out of place."""
    def tukar(obj):
        ids = list(obj["riwayat"])
        a, b = obj["riwayat"][ids[10]], obj["riwayat"][ids[11]]
        obj["riwayat"][ids[10]], obj["riwayat"][ids[11]] = b, a
    _ubah_json(rancangan, tukar)
    masalah, _ = periksa(rancangan)
    assert "tidak berurutan" in masalah[0]


def test_riwayat_lama_tidak_dapat_diputar_ulang_bukan_kegagalan(rancangan, capsys):
    """A file written before entries carried their changes passes with a clear note, not a failure."""
    from sesi.riwayat import AWAL, hash_entri

    def lama(obj):
        sebelumnya = AWAL
        for e in obj["riwayat"].values():
            e.pop("ubah", None)
            e.pop("akun", None)
            e["hash"] = sebelumnya = hash_entri(sebelumnya, e)
    _ubah_json(rancangan, lama)
    assert cli.main(["periksa", rancangan]) == 0
    out = capsys.readouterr().out
    assert "riwayat lama, tidak dapat diputar ulang" in out and "Tidak ada masalah." in out


def test_riwayat_mencatat_akun_dan_isi_setiap_perubahan(store):
    """Every entry names the unix account beside the display name; a change made without a history entry of
    its own still gets one, so the replay rebuilds every table."""
    with store.transaksi() as tx:
        pid = pendaftaran.tambah_peserta(tx, nama="Tamu", unsur="lainnya")
    with store.transaksi() as tx:
        tx.put("catatan", "C999", {"id": "C999", "waktu": "2027-02-09T09:00:00", "teks": "langsung"})
    entri = list(store.muat().raw["riwayat"].values())
    assert all(e["akun"] == akun.akun_sekarang() for e in entri)
    assert entri[-1]["aksi"] == "ubah data" and entri[-1]["ubah"] == [
        ["catatan", "C999", {"id": "C999", "waktu": "2027-02-09T09:00:00", "teks": "langsung"}]]
    assert any(u[:2] == ["peserta", pid] for e in entri for u in e.get("ubah", []))
    assert periksa(store.path)[0] == []


# --- 4. roles bound to unix accounts ----------------------------------------------------------------------


def test_peran_menurut_akun(rancangan):
    """Without assigned accounts, any role may be chosen; with them, the account decides, a role above it is
    refused, and an unlisted account may only view."""
    assert akun.peran_untuk(None, "siapa", None) == "operator"
    assert akun.peran_untuk(None, "siapa", "pimpinan") == "pimpinan"
    sesi = {"akun": {"id": "akun", "peran": {"camat1": "pimpinan", "notulen1": "notulen", "op1": "operator"}}}
    assert akun.peran_untuk(sesi, "camat1", None) == "pimpinan"
    assert akun.peran_untuk(sesi, "camat1", "fasilitator") == "fasilitator"
    assert akun.peran_untuk(sesi, "op1", "notulen") == "notulen"
    assert akun.peran_untuk(sesi, "tamu", None) == "tayang"
    with pytest.raises(PeranTidakBerwenang, match="memegang peran Notulen di sesi ini; peran Pimpinan sidang"):
        akun.peran_untuk(sesi, "notulen1", "pimpinan")
    with pytest.raises(PeranTidakBerwenang, match="op1 memegang peran Operator"):
        akun.peran_untuk(sesi, "op1", "pimpinan")
    with pytest.raises(PeranTidakBerwenang, match="belum diberi peran"):
        akun.peran_untuk(sesi, "tamu", "operator")


def test_hanya_akun_pimpinan_yang_mengesahkan_di_domain(rancangan):
    """With roles assigned, a terminal claiming pimpinan from a notulen account cannot sign or reopen, whatever
    name it gives; the pimpinan's account can, and the signature and history name the account."""
    st = Store(rancangan, pelaku=Pelaku("Pemilik", "operator"))
    akun.atur_peran(st, {"camat1": "pimpinan", "notulen1": "notulen"})
    sebelum = Path(rancangan).read_bytes()
    palsu = Store(rancangan, pelaku=Pelaku("Camat", "pimpinan", akun="notulen1"))
    with pytest.raises(PeranTidakBerwenang, match="Akun notulen1 memegang peran Notulen"):
        with palsu.transaksi() as tx:
            sahkan(tx)
    assert Path(rancangan).read_bytes() == sebelum
    asli = Store(rancangan, pelaku=Pelaku(PIMPINAN.nama, "pimpinan", akun="camat1"))
    with asli.transaksi() as tx:
        sahkan(tx)
    data = asli.muat()
    assert data.info.disahkan["akun"] == "camat1"
    assert list(data.raw["riwayat"].values())[-1]["akun"] == "camat1"
    with pytest.raises(PeranTidakBerwenang):
        with palsu.transaksi() as tx:
            buka_kembali(tx, "mencoba")


def test_hanya_pimpinan_atau_operator_mengatur_peran_akun(rancangan):
    """A notulen (or fasilitator, tayang) terminal may not bind roles, not even the first binding from the
    file owner's own account; nothing is written. The pimpinan and the operator may (sesi.peran.BOLEH)."""
    sebelum = Path(rancangan).read_bytes()
    for peran in ("notulen", "fasilitator", "tayang"):
        with pytest.raises(PeranTidakBerwenang, match=r"tidak berwenang untuk ini \(hanya: Operator"):
            akun.atur_peran(Store(rancangan, pelaku=Pelaku("Siti", peran)), {"siti": "pimpinan"})
        assert peran_mod.tolak(peran, "peran_akun")
    assert Path(rancangan).read_bytes() == sebelum
    assert peran_mod.tolak("pimpinan", "peran_akun") is None and peran_mod.tolak("operator", "peran_akun") is None
    akun.atur_peran(Store(rancangan, pelaku=Pelaku("Camat", "pimpinan")), {"camat1": "pimpinan"})
    assert akun.daftar_peran(Store(rancangan).muat().raw["sesi"]) == {"camat1": "pimpinan"}


def test_cli_peran_daftar_tetapkan_hapus(rancangan, capsys):
    """`peran` lists, assigns (repeatable) and removes; an unknown role or a bad NAMA=PERAN is refused."""
    assert cli.main(["peran", rancangan]) == 0
    assert "Belum ada akun yang diberi peran" in capsys.readouterr().out
    assert cli.main(["peran", rancangan, "--akun", "camat1=pimpinan", "--akun", "notulen1=notulen"]) == 0
    capsys.readouterr()
    assert cli.main(["peran", rancangan]) == 0
    out = capsys.readouterr().out
    assert re.search(r"camat1\s+Pimpinan sidang", out) and re.search(r"notulen1\s+Notulen", out)
    assert cli.main(["peran", rancangan, "--hapus", "notulen1"]) == 0
    assert akun.daftar_peran(Store(rancangan).muat().raw["sesi"]) == {"camat1": "pimpinan"}
    assert cli.main(["peran", rancangan, "--akun", "x=raja"]) == 1
    assert "Peran 'raja' untuk akun x tidak dikenal" in capsys.readouterr().err
    assert cli.main(["peran", rancangan, "--akun", "tanpa-sama-dengan"]) == 2
    entri = list(Store(rancangan).muat().raw["riwayat"].values())
    assert [e["aksi"] for e in entri[-2:]] == ["atur peran akun"] * 2


# --- two real unix accounts in one group ----------------------------------------------------------------


@pytest.fixture
def dua_akun(tmp_path):
    """A group with two accounts (a camat and a notulen) and a folder they share (setgid, 2770); removed
    after. Skips unless root with useradd."""
    if os.geteuid() != 0 or not shutil.which("useradd") or not shutil.which("groupadd"):
        pytest.skip("perlu root dan useradd/groupadd untuk membuat dua akun")
    suffix = os.urandom(3).hex()
    grup, camat, notulen = f"mrbg{suffix}", f"mrbc{suffix}", f"mrbn{suffix}"
    subprocess.run(["groupadd", grup], check=True)
    try:
        for nama in (camat, notulen):
            subprocess.run(["useradd", "-M", "-N", "-g", grup, "-s", "/usr/sbin/nologin", nama], check=True)
        import grp

        gid = grp.getgrnam(grup).gr_gid
        folder = Path(f"/tmp/musrenbang-uji-{suffix}")
        folder.mkdir()
        os.chown(folder, 0, gid)
        os.chmod(folder, 0o2770)
        yield folder, gid, camat, notulen, grup
    finally:
        shutil.rmtree(f"/tmp/musrenbang-uji-{suffix}", ignore_errors=True)
        for nama in (camat, notulen):
            subprocess.run(["userdel", nama], capture_output=True)
        subprocess.run(["groupdel", grup], capture_output=True)


def _python_untuk(pengguna: str, grup: str, folder: Path) -> tuple[str, dict[str, str]]:
    """An interpreter the other account can run with this checkout importable: this one, or (when it lives in a
    private folder such as /root/.pyenv) the system's python of the same version with our paths on
    PYTHONPATH. Skips when there is none."""
    import site
    import sysconfig

    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(folder), "LANG": "C.UTF-8"}
    versi = f"{sys.version_info[0]}.{sys.version_info[1]}"
    akar = str(Path(cli.__file__).resolve().parent.parent)
    jalur = os.pathsep.join([akar, sysconfig.get_paths()["purelib"], *site.getsitepackages()])
    calon = [(sys.executable, {})]
    calon += [(f"{d}/python{versi}", {"PYTHONPATH": jalur}) for d in ("/usr/bin", "/usr/local/bin")]
    for exe, tambahan in calon:
        if not os.path.exists(exe):
            continue
        try:
            r = subprocess.run([exe, "-c", "import sesi.store, musrenbang_tui.cli"], capture_output=True,
                               user=pengguna, group=grup, env={**env, **tambahan}, cwd=str(folder))
        except PermissionError:
            continue
        if r.returncode == 0:
            return exe, {**env, **tambahan}
    pytest.skip("tidak ada interpreter Python yang dapat dijalankan akun lain dengan kode ini")


def _sebagai(pengguna: str, grup: str, folder: Path, *args: str) -> subprocess.CompletedProcess:
    exe, env = _python_untuk(pengguna, grup, folder)
    return subprocess.run([exe, "-m", "musrenbang_tui", *args], capture_output=True, text=True,
                          user=pengguna, group=grup, env=env, cwd=str(folder))


def test_dua_akun_satu_grup_hanya_pimpinan_mengesahkan(dua_akun):
    """Roles assigned by the file's owner: the notulen account's `sahkan --nama Camat` is refused (exit 1,
    file unchanged), as are its `--peran pimpinan` and its attempt to assign itself a role; the camat
    account signs, and the signature and history name its account."""
    folder, gid, camat, notulen, grup = dua_akun
    path = str(folder / "sesi.json")
    buat_skenario(path)
    for f in (path, path + ".lock", path + ".bak"):
        if os.path.exists(f):
            os.chown(f, 0, gid)
            os.chmod(f, 0o660)
    assert cli.main(["peran", path, "--akun", f"{camat}=pimpinan", "--akun", f"{notulen}=notulen"]) == 0
    sebelum = Path(path).read_bytes()

    r = _sebagai(notulen, grup, folder, "sahkan", path, "--nama", "Camat")
    assert r.returncode == 1, r.stderr
    assert f"Akun {notulen} memegang peran Notulen di sesi ini" in r.stderr and "Traceback" not in r.stderr
    assert Path(path).read_bytes() == sebelum
    r = _sebagai(notulen, grup, folder, "buka", path, "--peran", "pimpinan")
    assert r.returncode == 1 and "peran Pimpinan sidang di atasnya ditolak" in r.stderr
    r = _sebagai(notulen, grup, folder, "peran", path, "--akun", f"{notulen}=pimpinan")
    assert r.returncode == 1 and "Hanya pemilik berkas (root)" in r.stderr
    assert Path(path).read_bytes() == sebelum

    # Another process runs on the real clock, which may be before the scenario's day: signed with a reason.
    r = _sebagai(camat, grup, folder, "sahkan", path, "--nama", "Camat", "--tetap", "--alasan", "Uji akun")
    assert r.returncode == 0, r.stderr
    kode = KODE.search(r.stdout).group(1)
    data = Store(path).muat()
    assert data.info.disahkan["akun"] == camat
    assert list(data.raw["riwayat"].values())[-1]["akun"] == camat
    r = _sebagai(notulen, grup, folder, "periksa", path, "--sidik-jari", kode)
    assert r.returncode == 0, r.stderr


# --- SSH signature ----------------------------------------------------------------------------------------


@pytest.mark.skipif(not shutil.which("ssh-keygen"), reason="ssh-keygen tidak ada")
def test_tanda_tangan_ssh(rancangan, tmp_path, capsys):
    """`sahkan --kunci-ssh` signs the fingerprint; `periksa --penanda-tangan` verifies it against an
    allowed_signers file, refuses another key, and refuses once the content changed."""
    def kunci(nama: str) -> tuple[Path, str]:
        path = tmp_path / nama
        subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", nama, "-f", str(path)], check=True)
        return path, (tmp_path / f"{nama}.pub").read_text().strip()

    camat, pub = kunci("camat")
    _, pub_lain = kunci("lain")
    izin = tmp_path / "allowed_signers"
    izin.write_text(f'camat@banjarmasin-utara namespaces="musrenbang" {pub}\n')
    izin_lain = tmp_path / "allowed_signers_lain"
    izin_lain.write_text(f'orang@lain namespaces="musrenbang" {pub_lain}\n')

    assert cli.main(["sahkan", rancangan, "--nama", "Camat", "--kunci-ssh", str(camat)]) == 0
    capsys.readouterr()
    assert "BEGIN SSH SIGNATURE" in Store(rancangan).muat().info.disahkan["ssh"]["tanda_tangan"]
    assert cli.main(["periksa", rancangan, "--penanda-tangan", str(izin)]) == 0
    assert "Tanda tangan SSH sah: sidik jari ditandatangani oleh camat@banjarmasin-utara" in capsys.readouterr().out
    assert cli.main(["periksa", rancangan, "--penanda-tangan", str(izin_lain)]) == 1
    assert "Tanda tangan SSH tidak sah: kunci yang menandatangani tidak terdaftar" in capsys.readouterr().err
    _ubah_json(rancangan, lambda obj: obj["skor"]["U001|K2|"].update(nilai=5))
    assert cli.main(["periksa", rancangan, "--penanda-tangan", str(izin)]) == 1
    assert "Tanda tangan SSH tidak sah: tanda tangan SSH tidak cocok" in capsys.readouterr().err
    assert cli.main(["sahkan", str(buat_skenario(str(tmp_path / "b.json")).path), "--nama", "Camat",
                     "--kunci-ssh", str(tmp_path / "tidak-ada")]) == 1
    assert "Kunci SSH" in capsys.readouterr().err


# --- 5. nothing raw reaches a terminal --------------------------------------------------------------------


JAHAT = "Camat\x1b]52;c;ZWNobyBwd25lZA==\x07\x1b[2K\r\u202eTidak ada masalah\u2066"


def test_nama_jahat_ditolak_saat_masuk(rancangan, capsys):
    """`--nama` with escapes or bidi characters, or too long, and a reason too long are refused at input;
    nothing changes."""
    sebelum = Path(rancangan).read_bytes()
    for nama in (JAHAT, "Camat\u202e", "A" * 201):
        assert cli.main(["sahkan", rancangan, "--nama", nama]) == 1
        err = capsys.readouterr().err
        assert "\x1b" not in err and "\u202e" not in err
        assert ("karakter kendali" in err) or ("terlalu panjang" in err)
    assert Path(rancangan).read_bytes() == sebelum
    assert cli.main(["sahkan", rancangan, "--nama", "Camat"]) == 0
    capsys.readouterr()
    assert cli.main(["buka-kunci", rancangan, "--nama", "Camat", "--alasan", "x" * 2001]) == 1
    assert "paling banyak 2000" in capsys.readouterr().err
    assert cli.main(["buka-kunci", rancangan, "--nama", JAHAT, "--alasan", "ok"]) == 1
    assert Store(rancangan).muat().info.terkunci


def test_nama_jahat_dari_berkas_lama_tidak_sampai_ke_terminal(rancangan, capsys):
    """A hostile signer name stored in an old file (OSC 52 clipboard, erase line, U+202E) printed by `periksa`:
    no ESC and no bidi character reaches the terminal; they are shown as <ESC>, <U+202E>..."""
    _sahkan_cli(rancangan, capsys)

    def racun(obj):
        obj["sesi"]["info"]["disahkan"]["nama"] = JAHAT
        list(obj["riwayat"].values())[-1]["nama"] = JAHAT
    _ubah_json(rancangan, racun)
    r = subprocess.run([sys.executable, "-m", "musrenbang_tui", "periksa", rancangan], capture_output=True)
    keluar = r.stdout + r.stderr
    assert r.returncode == 1
    assert b"\x1b" not in keluar and b"\x07" not in keluar and b"\r" not in keluar
    teks = keluar.decode("utf-8")
    for c in ("\u202e", "\u2066"):
        assert c not in teks
    assert "Camat<ESC>]52;c;ZWNobyBwd25lZA==<BEL><ESC>[2K<CR><U+202E>Tidak ada masalah<U+2066>" in teks


def test_tampak():
    """The CLI prints through one helper, the shared rule of `sesi.teks`; lines stay lines."""
    assert cli._tampak("a\x1b[31mb\u200bc\u061c\ufeff\x9b\x7f\nd") == \
        "a<ESC>[31mb<U+200B>c<U+061C><U+FEFF><U+009B><DEL>\nd"
