"""The session file's bytes: one record per line of compact JSON, read back with bounded work.

Shape (docs/keandalan.md, "Cara penyimpanan bekerja"): TinyDB's layout `{table: {id: record}}` plus a
`_meta` block `{"format": "musrenbang-tui", "skema": int, "revisi": int}` on the second line, then each
table in `model.TABLES` order with one record per line. Compact per-record lines keep the file readable
and diffable and are serialised by the C encoder (indenting everything would use the slow pure-Python
one).

- `encode(meta, tables) -> bytes`: the whole file.
- `Penyandi.encode(...)`: the same bytes, re-serialising only the records a transaction changed (a score
  keystroke at 5,000 usulan: 340 ms for a full serialisation, a few ms patched).
- `decode(payload, path) -> (meta, tables)`: parse and validate; raises `BerkasRusak` (with the file, and
  the table, record and field where there is one) or `SkemaTerlaluBaru`. Work is bounded whatever the
  bytes: integers of more than `BATAS_DIGIT` digits, nesting deeper than `BATAS_KEDALAMAN` levels and
  NaN/Infinity are refused before or while parsing (never a 4,300-digit conversion or a recursion error).
- `encode_checked(...)`: `encode` that turns unencodable text (a lone surrogate) into `DataDitolak`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from itertools import islice
from typing import Any, Mapping

from . import skema
from .errors import BerkasRusak, DataDitolak, SkemaTerlaluBaru
from .model import TABLES
from .riwayat_ringkas import TabelRiwayat, dari_bagian

#: Longest integer accepted in a session file (a year, a score, a count: never near this).
BATAS_DIGIT = 30
#: Deepest nesting accepted (the app writes at most about 8 levels: table, record, election rounds, ...).
BATAS_KEDALAMAN = 50

_dumps = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode


# --- writing ---------------------------------------------------------------------------------------


def _urutan_tabel(tables: Mapping[str, Any]) -> list[str]:
    return [t for t in TABLES if t in tables] + sorted(t for t in tables if t not in TABLES)


def _baris(k: str, v: Any) -> str:
    return f"  {_dumps(str(k))}: {_dumps(v)}"


def _baris_dari(table: Mapping[str, Any], k: str) -> str:
    """The record line of `table[k]`; a history held as text (`TabelRiwayat`) gives its text, unparsed."""
    if type(table) is TabelRiwayat:
        return f"  {_dumps(str(k))}: {table.teks(k)}"
    return _baris(k, table[k])


def _tabel_bytes(name: str, lines: list[str]) -> bytes:
    """One table's part of the file, from its record lines."""
    head = f",\n {_dumps(name)}: "
    if not lines:
        return (head + "{}").encode("utf-8")
    return (head + "{\n" + ",\n".join(lines) + "\n }").encode("utf-8")


def _kepala_meta(meta: Mapping[str, Any]) -> bytes:
    return ('{\n "_meta": ' + _dumps(dict(meta))).encode("utf-8")


def encode(meta: Mapping[str, Any], tables: Mapping[str, Mapping[str, Any]]) -> bytes:
    """The file's bytes: `_meta` on the second line, then each table with one record per line."""
    parts = [_kepala_meta(meta)]
    for name in _urutan_tabel(tables):
        table = tables[name]
        parts.append(_tabel_bytes(name, [_baris_dari(table, k) for k in table]))
    parts.append(b"\n}\n")
    return b"".join(parts)


@dataclass
class _Tabel:
    obj: Mapping[str, Any]  # the table dict these lines were made from
    keys: list[str]
    lines: list[str]
    index: dict[str, int]
    chunk: bytes


class Penyandi:
    """`encode` that re-serialises only what a transaction changed: the same bytes, much less work.

    A score keystroke replaces one record in `skor` and appends one to `riwayat`; re-serialising the
    whole session every time dominated the transaction (50 ms at 1,000 usulan, 340 ms at 5,000). Unchanged
    tables reuse their bytes; a changed table has only its changed lines re-made, and falls back to a full
    rebuild whenever its key order is not what the patch expects.
    """

    def __init__(self) -> None:
        self._tabel: dict[str, _Tabel] = {}

    @staticmethod
    def _penuh(name: str, table: Mapping[str, Any]) -> _Tabel:
        keys = list(table)
        lines = [_baris_dari(table, k) for k in keys]
        return _Tabel(table, keys, lines, {k: i for i, k in enumerate(keys)}, _tabel_bytes(name, lines))

    @staticmethod
    def _tambal(name: str, lama: _Tabel, table: Mapping[str, Any], ids: set[str]) -> _Tabel | None:
        keys, lines, index = lama.keys, list(lama.lines), lama.index
        hapus = {k for k in ids if k not in table and k in index}
        baru = [k for k in ids if k in table and k not in index]
        if hapus:
            pairs = [(k, line) for k, line in zip(keys, lines) if k not in hapus]
            keys = [k for k, _ in pairs]
            lines = [line for _, line in pairs]
            index = {k: i for i, k in enumerate(keys)}
        else:
            keys = list(keys)
            index = dict(index) if baru else index
        for k in ids:
            if k in table and k in index:
                lines[index[k]] = _baris_dari(table, k)
        if baru:
            ekor = list(islice(reversed(table), len(baru)))[::-1]
            if set(ekor) != set(baru):
                return None
            for k in ekor:
                index[k] = len(keys)
                keys.append(k)
                lines.append(_baris_dari(table, k))
        if len(keys) != len(table) or keys != list(table):
            return None
        return _Tabel(table, keys, lines, index, _tabel_bytes(name, lines))

    def encode(self, meta: Mapping[str, Any], tables: Mapping[str, Mapping[str, Any]],
               changed: Mapping[str, set[str] | None] | None = None,
               base: Mapping[str, Mapping[str, Any]] | None = None) -> bytes:
        """`changed` (table -> ids put or deleted) applies to `base`, the tables the transaction started
        from: a table is patched only when the lines kept are those of its base table."""
        parts = [_kepala_meta(meta)]
        baru: dict[str, _Tabel] = {}
        for name in _urutan_tabel(tables):
            table = tables[name]
            lama = self._tabel.get(name)
            if lama is not None and lama.obj is table:
                st = lama
            else:
                ids = changed.get(name) if changed is not None else None
                st = None
                if lama is not None and ids is not None and base is not None and lama.obj is base.get(name):
                    st = self._tambal(name, lama, table, ids)
                if st is None:
                    st = self._penuh(name, table)
            baru[name] = st
            parts.append(st.chunk)
        parts.append(b"\n}\n")
        self._tabel = baru
        return b"".join(parts)

    def lupakan(self) -> None:
        self._tabel.clear()

    def tabel_terakhir(self) -> dict[str, Mapping[str, Any]]:
        """The table objects the last `encode` was given: a `base` for changes counted from them."""
        return {name: st.obj for name, st in self._tabel.items()}


def teks_tidak_sah(e: UnicodeEncodeError) -> DataDitolak:
    return DataDitolak(
        f"Teks memuat karakter yang tidak sah (kode {ord(e.object[e.start]):#x}) dan tidak dapat "
        "disimpan. Ketik ulang teks itu; tidak ada yang diubah."
    )


def encode_checked(meta: Mapping[str, Any], tables: Mapping[str, Mapping[str, Any]],
                   penyandi: Penyandi | None = None,
                   changed: Mapping[str, set[str] | None] | None = None,
                   base: Mapping[str, Mapping[str, Any]] | None = None) -> bytes:
    """`encode` (through `penyandi` when given); unencodable text becomes DataDitolak."""
    try:
        if penyandi is not None:
            return penyandi.encode(meta, tables, changed, base)
        return encode(meta, tables)
    except UnicodeEncodeError as e:
        if penyandi is not None:
            penyandi.lupakan()
        raise teks_tidak_sah(e) from None


# --- reading, with bounded work -------------------------------------------------------------------


_ESCAPE = re.compile(rb"\\.", re.DOTALL)
_BUKAN_KURUNG = bytes(b for b in range(256) if b not in b'[]{}"')
_STRING = re.compile(rb'"[^"]*"')
_PASANGAN = re.compile(rb"\{\}|\[\]")
#: Digits -> "0", everything else -> " ": a run of BATAS_DIGIT + 1 zeros is then found by a plain search.
_HANYA_DIGIT = bytes(0x30 if 0x30 <= b <= 0x39 else 0x20 for b in range(256))
_DIGIT_PANJANG = b"0" * (BATAS_DIGIT + 1)


class _Ditolak(Exception):
    """Raised by a parse hook; becomes BerkasRusak with the file's name."""


def _ada_digit_panjang(payload: bytes) -> bool:
    """True when some run of digits (in a number or a text) is longer than BATAS_DIGIT (~10 ms at 11 MB)."""
    return _DIGIT_PANJANG in payload.translate(_HANYA_DIGIT)


def _terlalu_dalam(payload: bytes, batas: int = BATAS_KEDALAMAN) -> bool:
    """True when the JSON nests deeper than BATAS_KEDALAMAN, found without parsing (~10 ms at 11 MB).

    Escapes are dropped, then everything but brackets and quotes, then strings (an adjacent pair of
    quotes is an empty string or the seam between two strings: dropping it never changes the brackets
    outside strings); what is left is the bracket skeleton. Each pass then removes the innermost pairs,
    one or two levels at a time; only a skeleton still standing after BATAS_KEDALAMAN / 2 passes is
    measured exactly, one level per pass. (Malformed text may confuse the count; json.loads then
    refuses it anyway.)"""
    if b"\\" in payload:
        payload = _ESCAPE.sub(b"", payload)
    kerangka = payload.translate(None, _BUKAN_KURUNG).replace(b'""', b"")
    if b'"' in kerangka:
        kerangka = _STRING.sub(b"", kerangka)
    awal = kerangka
    for _ in range(batas // 2):
        lebih_kecil = kerangka.replace(b"{}", b"").replace(b"[]", b"")
        if lebih_kecil == kerangka:
            return False  # empty, or unbalanced: not JSON, json.loads says where
        kerangka = lebih_kecil
    kerangka = awal  # deep: count exactly, one level per pass
    for _ in range(batas):
        lebih_kecil = _PASANGAN.sub(b"", kerangka)
        if lebih_kecil == kerangka:
            return False
        kerangka = lebih_kecil
    return _PASANGAN.search(kerangka) is not None


def _int_terbatas(teks: str) -> int:
    if len(teks.lstrip("-")) > BATAS_DIGIT:
        raise _Ditolak(f"bilangan bulat {teks[:12]}... terlalu panjang ({len(teks.lstrip('-'))} digit; "
                       f"paling banyak {BATAS_DIGIT})")
    return int(teks)


def _konstanta(teks: str) -> Any:
    raise _Ditolak(f"nilai {teks} tidak sah dalam berkas sesi")


def muat_json(payload: bytes, path: str, kedalaman: int = BATAS_KEDALAMAN) -> Any:
    """Parse JSON bytes with bounded work; BerkasRusak (naming `path`) for anything not plain JSON.
    `kedalaman`: deepest nesting accepted (a journal line wraps records two levels deeper than the
    snapshot: `sesi.jurnal`)."""
    if not payload.strip():
        raise BerkasRusak(f"Berkas {path} kosong: bukan berkas sesi Musrenbang yang utuh.")
    try:
        text = payload.decode("utf-8")
    except UnicodeDecodeError as e:
        raise BerkasRusak(f"Berkas {path} rusak: bukan teks UTF-8 (bita ke-{e.start + 1}).") from None
    if _terlalu_dalam(payload, kedalaman):
        raise BerkasRusak(f"Berkas {path} rusak: susunan JSON lebih dalam dari {kedalaman} tingkat; "
                          "berkas sesi tidak pernah sedalam itu. Berkas tidak diubah.")
    # Long runs of digits are rare (they may sit in a text): only then pay for a hook on every integer.
    kait: dict[str, Any] = {"parse_constant": _konstanta}
    if _ada_digit_panjang(payload):
        kait["parse_int"] = _int_terbatas
    try:
        return json.loads(text, **kait)
    except json.JSONDecodeError as e:
        raise BerkasRusak(
            f"Berkas {path} rusak: JSON tidak sah di baris {e.lineno} kolom {e.colno} ({e.msg})."
        ) from None
    except _Ditolak as e:
        raise BerkasRusak(f"Berkas {path} rusak: {e}. Berkas tidak diubah.") from None
    except RecursionError:  # the pre-scan was fooled by malformed text
        raise BerkasRusak(f"Berkas {path} rusak: susunan JSON terlalu dalam. Berkas tidak diubah.") from None


_KEPALA_RIWAYAT = b',\n "riwayat": {\n'
_EKOR_BERKAS = b"\n }\n}\n"
_PEMINDAI = json.JSONDecoder(parse_constant=_konstanta).scan_once


def _cek_riwayat(bagian: dict[str, Any]) -> str:
    return skema.masalah_tabel("riwayat", bagian)


def _decode_ringkas(payload: bytes, path: str) -> tuple[dict, dict] | None:
    """`decode` of a sound file of the current schema whose history is the last table, one entry per line
    (as this app writes it): the rest parsed as usual, the history one line at a time, checked as the
    whole-file parse checks it and kept as text (`sesi.riwayat_ringkas.TabelRiwayat`). None for any other
    file or any fault: the ordinary read then gives the same result, or the error naming the spot."""
    if not payload.endswith(_EKOR_BERKAS):
        return None
    i = payload.rfind(_KEPALA_RIWAYAT)
    awal, akhir = i + len(_KEPALA_RIWAYAT), len(payload) - len(_EKOR_BERKAS)
    if i < 0 or akhir <= awal or _ada_digit_panjang(payload) or _terlalu_dalam(payload):
        return None
    try:
        obj = json.loads((payload[:i] + b',\n "riwayat": {}\n}\n').decode("utf-8"),
                         parse_constant=_konstanta)
        meta = obj["_meta"]
        if meta["skema"] != skema.SKEMA or type(meta["skema"]) is not int:
            return None
        bagian = payload[awal:akhir].decode("utf-8")
    except Exception:  # noqa: BLE001 - the ordinary read says what is wrong
        return None
    hist = dari_bagian(bagian, _PEMINDAI, _cek_riwayat)
    del bagian
    if hist is None:
        return None
    try:
        meta, tables = skema.validasi(obj, path)
    except BerkasRusak:
        return None
    tables["riwayat"] = hist
    return meta, tables


def decode(payload: bytes, path: str) -> tuple[dict, dict]:
    """Parse and validate the file's bytes; return (meta, tables) at the current schema. The history
    (`tables["riwayat"]`) is a `sesi.riwayat_ringkas.TabelRiwayat`: entries kept as text."""
    hasil = _decode_ringkas(payload, path)
    if hasil is not None:
        return hasil
    meta, tables = _decode_penuh(payload, path)
    hist = tables.get("riwayat")
    if isinstance(hist, dict):
        tables["riwayat"] = TabelRiwayat(hist)
    return meta, tables


def _decode_penuh(payload: bytes, path: str) -> tuple[dict, dict]:
    obj = muat_json(payload, path)
    meta, tables = skema.validasi(obj, path)
    if meta["skema"] > skema.SKEMA:
        raise SkemaTerlaluBaru(
            f"Berkas {path} dibuat oleh versi aplikasi yang lebih baru (skema {meta['skema']}; "
            f"aplikasi ini mengenal skema {skema.SKEMA}). Perbarui aplikasi; berkas tidak diubah."
        )
    if meta["skema"] < skema.SKEMA:
        # Migrated in memory only: the file is written at the new schema by the next transaction (and
        # the schema-n file is then kept as the backup).
        meta, tables = skema.migrasi(meta, tables, path)
        meta, tables = skema.validasi({"_meta": meta, **tables}, path)
    return meta, tables


__all__ = ["encode", "encode_checked", "decode", "muat_json", "Penyandi", "teks_tidak_sah",
           "BATAS_DIGIT", "BATAS_KEDALAMAN"]
