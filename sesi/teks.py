"""The one control-character rule: which characters never reach a terminal or the store, and what to do
with them.

`KENDALI` matches, one unit at a time, everything a hostile or garbled text can use to act on a terminal or
to hide what it says (docs/keandalan.md, "CSV jahil" and the screen rows):

- terminal escape sequences, whole: CSI (`ESC [ ... final`, and the 8-bit CSI 0x9B), OSC (`ESC ] ...`
  ended by BEL or `ESC \\`, e.g. a window title), DCS/SOS/PM/APC strings, and two-character escapes;
- C0 controls except tab and newline (U+0000-U+0008, U+000B-U+001F, so CR too), DEL (U+007F) and C1
  controls (U+0080-U+009F);
- bidi controls: U+202A-U+202E (embeddings and overrides), U+2066-U+2069 (isolates), U+200E/U+200F (marks),
  U+061C (Arabic letter mark); zero-width characters: U+200B-U+200D, U+2060 (word joiner), U+FEFF.

Tab and newline are text, not controls; each caller says whether it keeps them.

Three ways to meet the rule, all `str -> str`, never raising:

- `bersih(text)`: user input as stored (NFC, units removed, spaces tidied). Every action cleans its text
  fields with it; `sesi.masukan` refuses names holding such characters instead.
- `buang_kendali(text, baris_baru=...)`: the units removed and nothing else (for exports and .txt files).
- `tampak(text)`: each character made visible in ASCII (`ESC` -> `<ESC>`, U+202E -> `<U+202E>`), for
  printing a stored value to a terminal so it shows what it holds instead of acting.
"""

from __future__ import annotations

import re
import unicodedata

#: The characters on their own (inside or outside a sequence).
_KARAKTER = (
    "\x00-\x08\x0b-\x1f\x7f-\x9f"  # C0 except tab and newline, DEL, C1
    "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"  # bidi marks, embeddings, overrides, isolates
    "\u200b-\u200d\u2060\ufeff"  # zero-width space/non-joiner/joiner, word joiner, zero-width no-break space
)
#: One unit to remove: a whole escape sequence, or one character of `_KARAKTER`.
KENDALI = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC, ended by BEL or ST (or the end of the text)
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"  # DCS, SOS, PM, APC strings
    r"|\x1b[ -/]*[0-~]"  # two-character escapes (with intermediates)
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
    rf"|[{_KARAKTER}]"
)
#: One character of the rule (for `tampak` and for refusing, where sequences need not be recognised).
KARAKTER_KENDALI = re.compile(rf"[{_KARAKTER}]")

#: ASCII names of the C0 controls, as terminals' documentation writes them.
_NAMA_C0 = ("NUL SOH STX ETX EOT ENQ ACK BEL BS HT LF VT FF CR SO SI DLE DC1 DC2 DC3 DC4 NAK SYN ETB CAN EM "
            "SUB ESC FS GS RS US").split()
_SPASI_GANDA = re.compile(r" {2,}")


def buang_kendali(text: str, *, baris_baru: str = "\n") -> str:
    """`text` without any unit of `KENDALI`; CR LF and CR become a newline, tab a space, and each newline
    `baris_baru` (pass " " for one line). Nothing else changes (no NFC, no strip)."""
    s = KENDALI.sub("", text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " "))
    return s if baris_baru == "\n" else s.replace("\n", baris_baru)


def bersih(text: object, *, baris_baru: bool = False, jaga_spasi: bool = False) -> str:
    """User text as stored: NFC, stripped, `KENDALI` removed (a whole escape sequence, its visible text kept).

    Newlines and tabs become spaces unless `baris_baru` (notes keep their lines; tabs still become spaces).
    Runs of spaces become one unless `baris_baru` or `jaga_spasi` (a Nomor like "050/     /Kec-BJU/2027"
    keeps the gap left for the number). None -> "".
    """
    s = unicodedata.normalize("NFC", "" if text is None else str(text))
    s = buang_kendali(s, baris_baru="\n" if baris_baru else " ")
    if not baris_baru and not jaga_spasi:
        s = _SPASI_GANDA.sub(" ", s)
    return s.strip()


def _tanda(m: re.Match[str]) -> str:
    c = ord(m.group())
    if c < 0x20:
        return f"<{_NAMA_C0[c]}>"
    if c == 0x7F:
        return "<DEL>"
    return f"<U+{c:04X}>"


def ada_kendali(text: str, *, baris_baru: bool = False) -> bool:
    """Whether `text` holds a character of the rule (tab and newline count unless `baris_baru`)."""
    if text.isprintable():
        return False
    if not baris_baru:
        return KARAKTER_KENDALI.search(text) is not None or "\t" in text or "\n" in text
    return KARAKTER_KENDALI.search(text) is not None


def tampak(text: str, *, baris_baru: bool = False) -> str:
    """`text` with every character of the rule shown in ASCII: ESC -> `<ESC>`, BEL -> `<BEL>`, DEL ->
    `<DEL>`, CSI (0x9B) -> `<U+009B>`, RLO -> `<U+202E>`, zero-width space -> `<U+200B>`. Tab and newline
    show as `<HT>` and `<LF>` too unless `baris_baru` keeps them. Safe to print on a terminal: the escape
    sequence `ESC [2J` prints as `<ESC>[2J` and clears nothing."""
    if text.isprintable():
        return text
    s = KARAKTER_KENDALI.sub(_tanda, text)
    if not baris_baru:
        s = s.replace("\t", "<HT>").replace("\n", "<LF>")
    return s


__all__ = ["KENDALI", "KARAKTER_KENDALI", "ada_kendali", "bersih", "buang_kendali", "tampak"]
