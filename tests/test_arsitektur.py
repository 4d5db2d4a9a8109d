"""docs/arsitektur.md is the map a newcomer reads first: every path it names exists, and every module of the
three layers is on it."""

from __future__ import annotations

import re
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
PETA = AKAR / "docs" / "arsitektur.md"
LAPISAN = ("musrenbang_tui", "screens", "sesi")
#: A path of the repository as the page writes it: `sesi/impor/alur.py`, `screens/persiapan/`, tests/layar.py.
POLA_PATH = re.compile(r"(?<![\w/.-])((?:musrenbang_tui|screens|sesi|tests|bench|docs)/[\w./-]*[\w/])")
#: A Markdown link to another page: [tata-cara.md](tata-cara.md).
POLA_TAUTAN = re.compile(r"\]\(([^)#\s]+)")


def _teks() -> str:
    return PETA.read_text(encoding="utf-8")


def test_setiap_path_yang_disebut_ada():
    teks = _teks()
    disebut = set(POLA_PATH.findall(teks))
    assert len(disebut) > 50  # the pattern finds the paths the page names
    hilang = sorted(p for p in disebut if not (AKAR / p).exists())
    assert hilang == [], f"docs/arsitektur.md menyebut path yang tidak ada: {hilang}"
    tautan = [t for t in POLA_TAUTAN.findall(teks) if "://" not in t]
    assert tautan and all((PETA.parent / t).exists() for t in tautan), tautan


def test_setiap_modul_ada_di_peta():
    disebut = set(POLA_PATH.findall(_teks()))
    modul = sorted(str(p.relative_to(AKAR)) for lapis in LAPISAN for p in (AKAR / lapis).rglob("*.py")
                   if p.name != "__init__.py")
    assert len(modul) > 80
    tidak_dipetakan = [m for m in modul if m not in disebut]
    assert tidak_dipetakan == [], f"modul yang belum ada di docs/arsitektur.md: {tidak_dipetakan}"


def test_pola_path_mengenali_path_yang_hilang():
    """The check can fail: a path that does not exist is reported."""
    assert POLA_PATH.findall("lihat `sesi/tidak_ada.py` dan screens/skoring/layar.py.") == [
        "sesi/tidak_ada.py", "screens/skoring/layar.py"]
