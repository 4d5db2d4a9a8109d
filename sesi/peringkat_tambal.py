"""The ranking of a revision that changed a few scores of a kelompok, patched from the ranking before.

A keystroke changes one cell: ranking every row of a 2,136-row kelompok again (`peringkat._hitung_peringkat`)
costs ~6-10 ms at 5,000 usulan; moving the changed rows in the sorted order costs well under 1 ms. The
result is exactly what ranking from scratch gives (tests/test_peringkat_tambal.py compares the two after
every change): the same sort key (`peringkat._kunci`, then entry order, then the row's place in the
kelompok's usulan list, which is what a stable sort keeps), the same "seri" and "penentu" between neighbours,
the same `Baris` objects for rows whose rank, values and neighbours did not change.
"""

from __future__ import annotations

import weakref
from bisect import bisect_left, insort

from .data import Data
from .peringkat import (
    Baris,
    Peringkat,
    _baris_usulan,
    _penentu,
    alasan_disisihkan,
    penilai_terdaftar,
)
from .set_kriteria import set_per_usulan


def _oleh_per_penilai(lama: Peringkat) -> dict[str, int]:
    """penilai -> how many rows of the kelompok they gave a value to (from each row's `oleh`)."""
    if lama._oleh is None:
        hitung: dict[str, int] = {}
        for h in lama._hitungan.values():
            for p in h[5]:
                hitung[p] = hitung.get(p, 0) + 1
        lama._oleh = hitung
    return lama._oleh


def tambal(data: Data, kelompok_id: str, lama: Peringkat, ubah: list[str]) -> Peringkat | None:
    """The ranking of `kelompok_id` in `data`, from `lama` (the ranking of an earlier revision that differs
    only in the scores of the usulan `ubah`, all of this kelompok). None when it cannot be patched (the
    listed penilai changed, or `lama` holds no sort keys): the caller ranks from scratch."""
    if lama._param is None or any(uid not in lama._hitungan for uid in ubah):
        return None
    bobot, faktor, pemisah_per, lebar, gabung, kurang = lama._param
    index = data.skor_index
    set_per = set_per_usulan(data)
    usulan = data.usulan_kelompok(kelompok_id)
    hitungan = dict(lama._hitungan)
    oleh_baru = {uid: frozenset(p for k in set_per[uid].kriteria for p in index.get((uid, k.kode), {}) if p)
                 for uid in ubah}
    terdaftar = penilai_terdaftar(data, kelompok_id)
    oleh_hitung = None
    if terdaftar is not None:
        penilai = terdaftar
    else:
        oleh_hitung = dict(_oleh_per_penilai(lama))
        for uid in ubah:
            for p in hitungan[uid][5]:
                oleh_hitung[p] -= 1
                if not oleh_hitung[p]:
                    del oleh_hitung[p]
            for p in oleh_baru[uid]:
                oleh_hitung[p] = oleh_hitung.get(p, 0) + 1
        penilai = tuple(sorted(oleh_hitung, key=lambda p: (p.casefold(), p)))
    if penilai != lama.penilai:
        return None  # every cell may read differently now
    pos = lama._pos
    if pos is None:
        pos = lama._pos = {u.id: i for i, u in enumerate(usulan)}

    n_lama = len(lama._urut)
    baris_lama = lama.baris
    urut = list(lama._urut)
    sisa_lama = {b.usulan.id: b for b in baris_lama[n_lama:]}  # the rows not ranked, in usulan order
    sisa = [pos[uid] for uid in sisa_lama]
    lama_b: dict[str, Baris] = {}  # the changed rows' Baris before
    for uid in ubah:
        h = hitungan[uid]
        if h[0] is not None:
            lama_b[uid] = baris_lama[bisect_left(lama._urut, (h[0], pos[uid]))]
            del urut[bisect_left(urut, (h[0], pos[uid]))]
        else:
            lama_b[uid] = sisa_lama[uid]
            sisa.remove(pos[uid])
    for uid in ubah:
        u = usulan[pos[uid]]
        s = set_per[uid]
        w, jumlah_bobot = bobot[s.kunci]
        h = _baris_usulan(u, s, w, jumlah_bobot, index, penilai, gabung, kurang, pemisah_per[s.kunci], lebar,
                          faktor[s.kunci], alasan_disisihkan(data, u))
        hitungan[uid] = h
        if h[0] is not None:
            insort(urut, (h[0], pos[uid]))
        else:
            insort(sisa, pos[uid])

    # The ranked rows: the same rows at the same index at the head and the tail keep their Baris unless a
    # neighbour changed; the rows in between moved by one place (or were changed) and get a new rank.
    n = len(urut)
    kepala = 0
    batas = min(n, n_lama)
    while kepala < batas and urut[kepala][1] == lama._urut[kepala][1]:
        kepala += 1
    ekor = 0  # a row that left (or joined) the ranked rows moves every rank below it: no tail then
    while n == n_lama and ekor < batas - kepala and urut[n - 1 - ekor][1] == lama._urut[n_lama - 1 - ekor][1]:
        ekor += 1
    kotor = set(range(kepala, n - ekor))
    for uid in ubah:
        h = hitungan[uid]
        if h[0] is not None:
            kotor.add(bisect_left(urut, (h[0], pos[uid])))
    ulang = sorted({j for i in kotor for j in (i - 1, i, i + 1) if 0 <= j < n})
    tengah = {b.usulan.id: b for b in baris_lama[kepala:n_lama - ekor]}  # rows that moved, as they were
    baru = list(baris_lama[:kepala]) + [None] * (n - kepala - ekor) + list(baris_lama[n_lama - ekor:n_lama])
    for i in ulang:
        p = urut[i][1]
        u = usulan[p]
        h = hitungan[u.id]
        kunci = h[0][0]
        seri = (i > 0 and urut[i - 1][0][0] == kunci) or (i + 1 < n and urut[i + 1][0][0] == kunci)
        penentu = _penentu(urut[i - 1][0][0], kunci, pemisah_per[hitungan[usulan[urut[i - 1][1]].id][6]]) \
            if i > 0 else ""
        b = lama_b.get(u.id)
        if b is None:  # an unchanged row: its Baris before (at the same index at the head, shifted at the tail)
            if i < kepala:
                b = baris_lama[i]
            elif i >= n - ekor:
                b = baris_lama[i]
            else:
                b = tengah[u.id]
        _, nilai, tot, _, tanda, _, set_kunci = h
        if b.nilai is not nilai or (b.peringkat, b.seri, b.penentu) != (i + 1, seri, penentu):
            b = Baris(u, nilai, tot, peringkat=i + 1, seri=seri, penentu=penentu, tanda=tanda, set_kunci=set_kunci)
        baru[i] = b
    beda = {baru[i].usulan.id: baru[i] for i in ulang}  # type: ignore[union-attr]
    for p in sisa:
        u = usulan[p]
        _, nilai, tot, alasan, tanda, _, set_kunci = hitungan[u.id]
        b = sisa_lama.get(u.id) if u.id not in lama_b else lama_b[u.id]
        if b is None or b.nilai is not nilai or b.peringkat is not None or b.alasan != alasan:
            b = Baris(u, nilai, tot, alasan=alasan, tanda=tanda, set_kunci=set_kunci)
        if u.id in lama_b:
            beda[u.id] = b
        baru.append(b)

    hasil = Peringkat(lama.kelompok_id, lama.kelompok_nama, baris=baru, penilai=penilai)  # type: ignore[arg-type]
    hasil._pasangan = lama._pasangan
    # Patched from `lama`: every row whose Baris may differ from lama's (a view that showed lama repaints
    # only these). A weak reference: a chain of rankings is not kept alive.
    hasil._asal = (weakref.ref(lama), beda)
    hasil._hitungan = hitungan
    hasil._urut = urut
    hasil._param = lama._param
    hasil._pos = pos
    # The ranked rows from index `lo` to `hi` may differ from the ranking before; the others are the same
    # rows at the same ranks with the same neighbours (`sesi.kepekaan` recomputes only the pairs between).
    if "kepekaan" in lama._turunan:
        hasil._turunan["lalu:kepekaan"] = (lama._turunan["kepekaan"], min(kotor, default=n), max(kotor, default=-1))
    for kunci in ("urutan", "nasib"):  # the final order and fates before: `sesi.urutan` reuses what holds
        if kunci in lama._turunan:
            hasil._turunan["lalu:" + kunci] = lama._turunan[kunci]
    hasil._oleh = oleh_hitung  # None with listed penilai: counted from `_hitungan` when asked
    return hasil
