"""The criteria editor's actions: one criterion, a whole set, removing a set, and the five criteria of the
source procedure. Each is one `sesi` action on a `Transaksi`, for the Persiapan role.

A criterion belongs to a set (`sesi.set_kriteria`: the session's default set, or one per kelompok and/or
jenis usulan); once a set has been used to score, only names, labels and weights change. The rules and
their source: docs/tata-cara.md section 4 (criteria and weights); the limits of each field:
docs/impor.md ("Batas isian").
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Any, Iterable

from .data import normal
from .errors import DataDitolak
from .masukan import bilangan_bulat, desimal_dalam_batas, isian, kutip, teks_terbatas, wajib
from .model import JENIS_USULAN, KRITERIA_BAKU, Kriteria, kunci_kriteria, label_skala_baku
from .nilai import decimal_text, nilai_angka, nilai_simpan
from .peran import BOLEH
from .teks import bersih
from .transaksi import Transaksi

#: A criterion's weight: 0 < bobot <= BOBOT_MAKS, at most BOBOT_DESIMAL decimals (docs/impor.md, "Batas isian").
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
    rec = Kriteria(kode=kode, nama=isian(nama, "Nama kriteria", "nama_kriteria", wajib_isi=True), bobot=_bobot(bobot), skala_min=lo,
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
