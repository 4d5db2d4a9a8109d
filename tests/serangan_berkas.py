"""The attack of issue 10, as a group member would write it: only json and hashlib, no key, no app code.

    python -I serangan_berkas.py SESI.json [--rapi]

On a signed session: raises a score, marks an absent participant present, rewrites a rejection reason,
deletes one history entry and renumbers the rest, then recomputes every hash in the file (the chain, the
per-record digests and the scheme-2 fingerprint, whose recipe is public in sesi/sidik_jari.py).
With --rapi it also makes the history agree with the forged data (it replays the history and appends what
differs to the last entry), so the file is consistent in every way the file alone can show.
"""

import hashlib
import json
import sys


def kanonik(v):
    return json.dumps(v, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def sha(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def main(path, rapi):
    with open(path, encoding="utf-8") as f:
        obj = json.load(f)
    # 1. the forged data
    obj["skor"]["U002|K1|"]["nilai"] = 1
    obj["peserta"]["P0017"]["hadir"] = True
    obj["usulan"]["U004"]["alasan"] = "Tidak ada anggaran"
    # 2. one history entry gone, the rest renumbered
    entri = list(obj["riwayat"].values())
    del entri[3]
    if rapi:
        tables = {}
        for e in entri:
            for t, rid, rec in e.get("ubah") or []:
                if rec is None:
                    tables.setdefault(t, {}).pop(rid, None)
                else:
                    tables.setdefault(t, {})[rid] = rec
        tambahan = []
        for t, isi in obj.items():
            if t in ("_meta", "riwayat"):
                continue
            lama = tables.get(t, {})
            for rid in set(lama) | set(isi):
                if lama.get(rid) != isi.get(rid):
                    tambahan.append([t, rid, isi.get(rid)])
        entri[-1]["ubah"] = (entri[-1].get("ubah") or []) + tambahan
    # 3. every hash again: the chain ...
    sebelumnya = "0" * 64
    riwayat = {}
    for n, e in enumerate(entri, 1):
        e["id"] = f"{n:07d}"
        body = {k: v for k, v in e.items() if k != "hash"}
        e["hash"] = sebelumnya = sha(sebelumnya + kanonik(body))
        riwayat[e["id"]] = e
    obj["riwayat"] = riwayat
    # ... the per-record digests and the fingerprint of the signature
    sah = obj["sesi"]["info"]["disahkan"]
    isi = {}
    for t, v in obj.items():
        if t in ("_meta", "riwayat"):
            continue
        v = dict(v)
        if t == "sesi":
            v["info"] = {k: x for k, x in v["info"].items() if k != "disahkan"}
        isi[t] = v
    sah["rincian"] = {t: {rid: sha(kanonik(r))[:12] for rid, r in v.items()} for t, v in isi.items()}
    ids = list(riwayat)
    kepala = ids[-2]  # the entry before the signing entry
    sah["riwayat"] = {"id": kepala, "hash": riwayat[kepala]["hash"]}
    sah["sidik_jari"] = sha(kanonik({
        "format": "musrenbang-sidik-jari/2", "isi": isi, "riwayat": sah["riwayat"],
        "pengesahan": {k: sah.get(k) for k in ("versi", "waktu", "nama", "peran", "akun", "menggantikan")}}))
    # the signing entry names the fingerprint too: fix it and its hash
    akhir = riwayat[ids[-1]]
    akhir["baru"]["sidik_jari"] = sah["sidik_jari"]
    for t, rid, rec in akhir.get("ubah") or []:
        if t == "sesi" and rid == "info":
            rec["disahkan"] = sah
    body = {k: v for k, v in akhir.items() if k != "hash"}
    akhir["hash"] = sha(riwayat[kepala]["hash"] + kanonik(body))
    with open(path, "w", encoding="utf-8") as f:
        json.dump(obj, f, ensure_ascii=False)
    print(sah["sidik_jari"])


if __name__ == "__main__":
    main(sys.argv[1], "--rapi" in sys.argv[2:])
