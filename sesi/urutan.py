"""The one truth about the order and the fate of every usulan: every view reads these two functions.

- `urutan_akhir(data, kelompok_id) -> list[TempatAkhir]`: the final order of one kelompok, as the matrix,
  Pleno II, the projector, `ekspor peringkat` and the berita acara (Lampiran II) show it: the scored order
  (`sesi.peringkat`) of the usulan that were verified, then the moves Pleno II agreed (`kelompok.urutan_pleno`,
  set by `sesi.pleno.geser`), each row with its scored rank, its final rank, and the reason when they differ.
- `nasib_usulan(data) -> dict[id, Nasib]`: where each usulan ends up, exactly once: in the priority list
  (`PRIORITAS`, Lampiran II, at its place in `urutan_akhir`) or not agreed (`BELUM_DISEPAKATI`,
  Lampiran III) with its reason: ditolak, digabung ke X, belum disepakati in Pleno II, cadangan, belum
  diverifikasi, belum dinilai lengkap (each with "dialihkan ke SKPD Y" when it was rerouted). An usulan
  still "baru" (not verified) is never agreed, even at a place in the final order: it goes to Lampiran III
  as "belum diverifikasi" with that place (docs/tata-cara.md, "3. Usulan": the kelompok verifies, then
  scores the usulan it accepted).
- `geser_akhir(data, kelompok_id) -> dict[id, place]`: the rows whose final place differs from their scored
  rank (the matrix shows "3>2"), read from `urutan_akhir`.
- `hasil_kelompok(data, kelompok_id) -> HasilKelompok`: one kelompok's final order split by `nasib_usulan`
  (entering the priority list / not verified), the count Pleno II's agree dialog and summary show.

Both are computed once per revision (the result is shared: do not modify it). Nothing here raises for a
loaded session.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from .data import Data
from .model import Usulan, label_status
from .peringatan import sebut_kelompok
from .peringkat import Baris, peringkat_kelompok

#: The two places an usulan can end up in the berita acara.
PRIORITAS = "prioritas"  # Lampiran II
BELUM_DISEPAKATI = "belum_disepakati"  # Lampiran III

_DEPS = ("skor", "usulan", "kriteria", "kelompok", "keputusan")


@dataclass(frozen=True, slots=True)
class TempatAkhir:
    """One usulan in its kelompok's final order."""

    baris: Baris  # its row in the scored ranking
    peringkat_skor: int  # its rank by the scores (as the matrix shows it)
    peringkat_akhir: int  # its place in the final order (1, 2, ...)
    alasan: str = ""  # why the final place differs from the scored rank ("" when it does not)

    @property
    def usulan(self) -> Usulan:
        return self.baris.usulan

    @property
    def total(self) -> Fraction | None:
        return self.baris.total

    @property
    def seri(self) -> bool:
        return self.baris.seri

    @property
    def bergeser(self) -> bool:
        return self.peringkat_skor != self.peringkat_akhir


def terverifikasi(u: Usulan) -> bool:
    """Did the kelompok verify this usulan (any status but "baru")?"""
    return u.status != "baru"


def urutan_akhir(data: Data, kelompok_id: str) -> list[TempatAkhir]:
    """The final order of kelompok `kelompok_id`: scored order, then Pleno II's moves, with reasons."""
    return data._cached("urutan:" + kelompok_id, _DEPS, lambda: _hitung_urutan(data, kelompok_id))


def geser_akhir(data: Data, kelompok_id: str) -> dict[str, int]:
    """usulan id -> its place in the final order, for the rows whose final place is not their scored rank
    (moved in Pleno II): read from `urutan_akhir`, once per final order (shared: do not modify)."""
    urutan = urutan_akhir(data, kelompok_id)
    per = peringkat_kelompok(data, kelompok_id)
    sama = per._turunan.get("geser")
    if sama is not None and sama[0] is urutan:
        return sama[1]
    out = {t.usulan.id: t.peringkat_akhir for t in urutan if t.bergeser}
    per._turunan["geser"] = (urutan, out)
    return out


def _alasan_geser(data: Data, kelompok_id: str, skor: list[str]) -> dict[str, list[str]]:
    """usulan id -> the reasons of the Pleno II moves it took part in: its own move, or the move of the
    usulan it changed places with (found by replaying the moves on the scored order)."""
    out: dict[str, list[str]] = {}
    usulan = data.usulan
    order = list(skor)
    for kp in data.daftar("keputusan"):
        if kp.kelompok != kelompok_id or kp.jenis not in ("naik", "turun") or kp.usulan not in order:
            continue
        i = order.index(kp.usulan)
        j = i + (1 if kp.jenis == "turun" else -1)
        alasan = f" (alasan: {_tanpa_titik(kp.alasan)})" if kp.alasan.strip() else ""
        kata = "dinaikkan" if kp.jenis == "naik" else "diturunkan"
        out.setdefault(kp.usulan, []).append(f"{kata} dalam Sidang Pleno II{alasan}")
        if 0 <= j < len(order):
            lain = order[j]
            u = usulan.get(kp.usulan)
            nama = f"\"{u.kegiatan}\"" if u else kp.usulan
            out.setdefault(lain, []).append(f"bergeser karena {nama} {kata} dalam Sidang Pleno II{alasan}")
            order[i], order[j] = order[j], order[i]
    return out


def _hitung_urutan(data: Data, kelompok_id: str) -> list[TempatAkhir]:
    per = peringkat_kelompok(data, kelompok_id)
    kel = data.records("kelompok").get(kelompok_id)
    keputusan = data.raw.get("keputusan")
    # The same ranking (a revision that changed another kelompok's scores shares it), the same kelompok
    # record and the same decisions of Pleno II: the same final order.
    sama = per._turunan.get("urutan")
    if sama is not None and sama[0] is kel and sama[1] is keputusan:
        return sama[2]
    out = _urutan(data, kelompok_id, per, kel)
    per._turunan["urutan"] = (kel, keputusan, out)
    return out


def _urutan(data: Data, kelompok_id: str, per, kel) -> list[TempatAkhir]:
    ranked = per.diperingkat
    order = ranked
    if kel is not None and kel.urutan_pleno:
        by_id = {b.usulan.id: b for b in ranked}
        order = [by_id.pop(uid) for uid in kel.urutan_pleno if uid in by_id]
        order.extend(b for b in ranked if b.usulan.id in by_id)
    if order is ranked:
        # No move agreed in Pleno II: the final place is the scored rank. The rows of the ranking before
        # (patched from, `sesi.peringkat_tambal`) whose Baris is the same keep their TempatAkhir.
        lalu = per._turunan.pop("lalu:urutan", None)
        lalu = lalu[2] if lalu is not None and lalu[0] is kel else []
        n_lalu = len(lalu)
        out = [lalu[i] if i < n_lalu and lalu[i].baris is b else TempatAkhir(b, b.peringkat or 0, i + 1)
               for i, b in enumerate(ranked)]
        per._turunan["geser"] = (out, {})  # no row moved (`geser_akhir`)
        return out
    alasan_geser = _alasan_geser(data, kelompok_id, [b.usulan.id for b in ranked])
    out: list[TempatAkhir] = []
    for i, b in enumerate(order, start=1):
        skor = b.peringkat or 0
        alasan = ""
        if skor != i:
            alasan = "; ".join(alasan_geser.get(b.usulan.id, [])) or "urutan disepakati dalam Sidang Pleno II"
        out.append(TempatAkhir(b, skor, i, alasan))
    return out


def semua_urutan(data: Data) -> dict[str, list[TempatAkhir]]:
    """kelompok id -> its final order, for every kelompok."""
    return {k.id: urutan_akhir(data, k.id) for k in data.kelompok}


# --- the fate of each usulan ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Nasib:
    """Where an usulan ends up: `tempat` PRIORITAS (with `kelompok` and `peringkat`, its final place) or
    BELUM_DISEPAKATI (with `alasan`, the reason in words, starting with a capital)."""

    tempat: str
    alasan: str = ""
    kelompok: str = ""  # kelompok id
    peringkat: int = 0  # final place in its kelompok (PRIORITAS only)

    @property
    def prioritas(self) -> bool:
        return self.tempat == PRIORITAS


def nasib_usulan(data: Data) -> dict[str, Nasib]:
    """Every usulan, in entry order, with where it ends up and why (see the module's docstring)."""
    return data._cached("nasib", _DEPS, lambda: _hitung_nasib(data))


def _tanpa_titik(text: str) -> str:
    return text.strip().rstrip(".;,").rstrip()


def _alasan_tidak(data: Data, u: Usulan, baris: Baris | None) -> str:
    if u.status == "digabung":
        tujuan = data.usulan.get(u.digabung_ke)
        teks = f"Digabung ke usulan \"{tujuan.kegiatan}\" ({tujuan.kelurahan})" if tujuan else \
            f"Digabung ke usulan {u.digabung_ke}"
    elif u.status in ("ditolak", "belum_disepakati", "cadangan"):
        label = "Belum disepakati dalam Sidang Pleno II" if u.status == "belum_disepakati" else \
            label_status(u.status)
        teks = label + (f": {_tanpa_titik(u.alasan)}" if u.alasan.strip() else "")
    else:
        bagian = []
        if not terverifikasi(u):
            bagian.append("belum diverifikasi")
        alasan = baris.alasan if baris is not None else ""
        if alasan.startswith("belum lengkap"):
            bagian.append("belum dinilai lengkap" + alasan[len("belum lengkap"):])
        elif alasan:
            bagian.append(alasan)
        teks = " dan ".join(bagian) or label_status(u.status).lower()
        teks = teks[:1].upper() + teks[1:]
    if u.skpd_akhir and u.skpd_akhir != u.skpd_awal and u.status != "digabung":
        teks += f"; dialihkan ke {u.skpd_akhir}"
    return teks


def _hitung_nasib(data: Data) -> dict[str, Nasib]:
    semua: dict[str, Nasib] = {}
    tabel_usulan = data.raw.get("usulan")
    for kel in data.kelompok:
        # A kelompok whose final order is the very list of the revision before (another kelompok's scores
        # changed) and whose usulan records are the same: the fate of its usulan is the same.
        urutan = urutan_akhir(data, kel.id)
        per = peringkat_kelompok(data, kel.id)
        sama = per._turunan.get("nasib")
        if sama is not None and sama[0] is urutan and sama[1] is tabel_usulan and sama[2] is kel:
            semua.update(sama[3])
            continue
        lalu = per._turunan.pop("lalu:nasib", None)
        if lalu is None or lalu[1] is not tabel_usulan or lalu[2] is not kel:
            lalu = None
        bagian, sisa = _nasib_kelompok(data, kel, urutan, per.baris, lalu)
        per._turunan["nasib"] = (urutan, tabel_usulan, kel, bagian, sisa)
        semua.update(bagian)
    kelompok_usulan = data.kelompok_usulan
    out: dict[str, Nasib] = {}
    for u in data.usulan.values():
        n = semua.get(u.id)
        if n is None:  # in no kelompok
            n = Nasib(BELUM_DISEPAKATI, _alasan_tidak(data, u, None), kelompok_usulan.get(u.id, ""))
        out[u.id] = n
    return out


def _nasib_kelompok(data: Data, kel, urutan: list[TempatAkhir], baris: list[Baris],
                    lalu: tuple | None) -> tuple[dict[str, Nasib], dict[str, Baris]]:
    """The fate of the usulan of one kelompok (its final order `urutan`, its ranking's rows `baris`), and
    the rows outside the final order. `lalu`: what this returned for the revision before, with the same
    usulan records: a place held by the same `TempatAkhir`, or a row outside by the same `Baris`, keeps
    its fate."""
    out: dict[str, Nasib] = {}
    urutan_lalu, nasib_lalu, sisa_lalu = (lalu[0], lalu[3], lalu[4]) if lalu is not None else ([], {}, {})
    n_lalu = len(urutan_lalu)
    nama = sebut_kelompok(kel.nama)
    for i, t in enumerate(urutan):
        uid = t.usulan.id
        if i < n_lalu and urutan_lalu[i] is t:
            out[uid] = nasib_lalu[uid]
        elif terverifikasi(t.usulan):
            out[uid] = Nasib(PRIORITAS, kelompok=kel.id, peringkat=t.peringkat_akhir)
        else:
            out[uid] = Nasib(BELUM_DISEPAKATI, f"Belum diverifikasi (peringkat akhir "
                             f"{t.peringkat_akhir} {nama})", kel.id)
    sisa: dict[str, Baris] = {}
    for b in baris:
        uid = b.usulan.id
        if uid not in out:
            sisa[uid] = b
            out[uid] = nasib_lalu[uid] if sisa_lalu.get(uid) is b else \
                Nasib(BELUM_DISEPAKATI, _alasan_tidak(data, b.usulan, b), kel.id)
    return out, sisa


@dataclass(frozen=True, slots=True)
class HasilKelompok:
    """What agreeing a kelompok's list means, counted by `nasib_usulan` (the berita acara's count):
    `masuk` the places that enter the priority list (Lampiran II), `belum_verifikasi` the places of usulan
    still not verified, which stay out of it (Lampiran III)."""

    masuk: tuple[TempatAkhir, ...]
    belum_verifikasi: tuple[TempatAkhir, ...]


def hasil_kelompok(data: Data, kelompok_id: str) -> HasilKelompok:
    """The final order of `kelompok_id` split by `nasib_usulan`: the usulan entering the priority list and
    those left out because they were not verified. Pleno II's dialog and summary and the projector count with
    this, so they say what the berita acara says."""
    nasib = nasib_usulan(data)
    masuk, tidak = [], []
    for t in urutan_akhir(data, kelompok_id):
        n = nasib.get(t.usulan.id)
        (masuk if n is not None and n.prioritas else tidak).append(t)
    return HasilKelompok(tuple(masuk), tuple(tidak))


def tidak_disepakati(data: Data) -> list[tuple[Usulan, str]]:
    """Lampiran III: the usulan not in the priority list, in entry order, with their reason."""
    usulan = data.usulan
    return [(usulan[uid], n.alasan) for uid, n in nasib_usulan(data).items() if not n.prioritas]


__all__ = ["urutan_akhir", "geser_akhir", "hasil_kelompok", "HasilKelompok", "semua_urutan", "TempatAkhir", "nasib_usulan", "Nasib", "tidak_disepakati",
           "terverifikasi", "PRIORITAS", "BELUM_DISEPAKATI"]
