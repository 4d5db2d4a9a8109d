"""Dialogs of the Persiapan screen: a form with hints and suggestions, the criterion editor (one label
per scale value, following the scale as it is typed) and the kelompok form (bidang chosen from a list,
fasilitator chosen from the team or typed)."""

from __future__ import annotations

from typing import Any, Callable

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.events import Key
from textual.suggester import SuggestFromList
from textual.binding import Binding
from textual.widgets import Button, Input, Label, OptionList
from textual.widgets.option_list import Option

from sesi.model import label_skala_baku

from ..teks import teks_baris
from ..tombol import isi_tombol
from ..widgets import Dialog, FormDialog, Isian, Kolom

SKALA_PALING_LEBAR = 100
#: Scales with more values than this have no label fields (long scales show the number only).
LABEL_PALING_BANYAK = 11


class FormPersiapan(FormDialog):
    """A FormDialog that can start on a chosen field, suggest values while typing and lock fields."""

    def __init__(self, judul: str, kolom: list[Kolom], periksa: Callable[[dict[str, str]], str | None] | None = None,
                 *, fokus: str = "", saran: dict[str, list[str]] | None = None, tetap: tuple[str, ...] = (),
                 tombol: str = "Simpan"):
        super().__init__(judul, kolom, periksa, tombol=tombol)
        self.fokus = fokus
        self.saran = saran or {}
        self.tetap = tetap

    def on_mount(self) -> None:
        for key, pilihan in self.saran.items():
            nama = sorted({p for p in pilihan if p}, key=str.casefold)
            if nama:
                isian = self.query_one(f"#f-{key}", Input)
                isian.suggester = SuggestFromList(nama, case_sensitive=False)
                if isinstance(isian, Isian):
                    isian.saran = tuple(nama)  # Right completes at once, in the suggester's order
        for key in self.tetap:
            self.query_one(f"#f-{key}").disabled = True
        if self.fokus and self.fokus not in self.tetap:
            self.call_after_refresh(self.query_one(f"#f-{self.fokus}").focus)


def _rentang(lo: str, hi: str) -> tuple[int, int] | None:
    """The scale typed so far, or None while it is not (yet) a usable range (0-1 up to 0-100)."""
    try:
        a, b = int(lo.strip()), int(hi.strip())
    except ValueError:
        return None
    if 0 <= a < b <= SKALA_PALING_LEBAR:
        return a, b
    return None


class KriteriaDialog(FormPersiapan):
    """Kode, nama, bobot, skala min/maks, and one label per value of the scale.

    The label fields follow the scale while it is typed: a value that stays keeps its label; labels still
    equal to the default ones are replaced by the defaults of the new scale. Returns the form values, with
    `label_<n>` for each value of the scale.
    """

    def __init__(self, judul: str, nilai: dict[str, Any], periksa: Callable[[dict[str, str]], str | None],
                 *, baru: bool):
        lo, hi = int(nilai.get("skala_min", 1)), int(nilai.get("skala_maks", 5))
        self._label: dict[int, str] = {int(k): v for k, v in (nilai.get("label") or {}).items()}
        self._rentang = (lo, hi)
        kolom = [
            Kolom("kode", "Kode", str(nilai.get("kode", "")), wajib=True, petunjuk="mis. K6"),
            Kolom("nama", "Nama kriteria", str(nilai.get("nama", "")), wajib=True),
            Kolom("bobot", "Bobot", str(nilai.get("bobot", "1")), petunjuk="bilangan positif, mis. 1 atau 0,4"),
            Kolom("skala_min", "Skala minimum", str(lo), wajib=True),
            Kolom("skala_maks", "Skala maksimum", str(hi), wajib=True, petunjuk="paling besar 100"),
            Kolom("langkah", "Langkah nilai", str(nilai.get("langkah", "1")).replace(".", ","),
                  petunjuk="1 atau 0,5"),
        ]
        kolom += self._kolom_label(lo, hi)
        super().__init__(judul, kolom, periksa, fokus="nama", tetap=() if baru else ("kode",))

    def _kolom_label(self, lo: int, hi: int) -> list[Kolom]:
        if hi - lo + 1 > LABEL_PALING_BANYAK:
            return []
        return [Kolom(f"label_{n}", f"Label nilai {n}", self._label.get(n, "")) for n in range(lo, hi + 1)]

    @on(Input.Changed, "#f-skala_min, #f-skala_maks")
    async def _skala_berubah(self) -> None:
        rentang = _rentang(self.query_one("#f-skala_min", Input).value, self.query_one("#f-skala_maks", Input).value)
        if rentang is None or rentang == self._rentang:
            return
        self._simpan_label()
        lama = self._rentang
        baku_lama = {int(k): v for k, v in label_skala_baku(*lama).items()}
        isi = {n: v for n, v in self._label.items() if lama[0] <= n <= lama[1] and v}
        if isi == baku_lama or not isi:
            self._label = {int(k): v for k, v in label_skala_baku(*rentang).items()}
        self._rentang = rentang
        wadah = self.query_one(VerticalScroll)
        await wadah.query(".baris-label").remove()
        self.kolom = [k for k in self.kolom if not k.key.startswith("label_")] + self._kolom_label(*rentang)
        await wadah.mount_all([_baris(k) for k in self.kolom if k.key.startswith("label_")])

    def _simpan_label(self) -> None:
        for k in self.kolom:
            if k.key.startswith("label_"):
                self._label[int(k.key[6:])] = self.query_one(f"#f-{k.key}", Input).value

    def on_mount(self) -> None:  # FormPersiapan.on_mount runs too
        for k in self.kolom:
            if k.key.startswith("label_"):
                baris = self.query_one(f"#f-{k.key}").parent
                if baris is not None:
                    baris.add_class("baris-label")


def _baris(k: Kolom) -> Horizontal:
    return Horizontal(Label(teks_baris(k.label), classes="label"),
                      Input(value=k.nilai, id=f"f-{k.key}", placeholder=k.petunjuk, compact=True),
                      classes="baris baris-label")


class DaftarCentang(OptionList):
    """Choose several: Space (or Enter) ticks the highlighted line. Drawn as [x] / [ ] so it reads the same in
    16 colours and on the Linux console."""

    BINDINGS = [Binding("space", "centang", "Centang/lepas", id="persiapan.centang")]

    def __init__(self, pilihan: list[tuple[str, str, bool]], **kwargs: Any):
        """`pilihan`: (value, label, ticked)."""
        self.pilihan = [(v, lbl) for v, lbl, _ in pilihan]
        self.terpilih = {v for v, _, on in pilihan if on}
        super().__init__(*[Option(self._prompt(i), id=str(i)) for i in range(len(self.pilihan))], **kwargs)

    def _prompt(self, i: int) -> Any:
        v, lbl = self.pilihan[i]
        out = teks_baris(f"[{'x' if v in self.terpilih else ' '}] ")
        out.append_text(teks_baris(lbl))
        return out

    def action_centang(self) -> None:
        i = self.highlighted
        if i is None:
            return
        v = self.pilihan[i][0]
        self.terpilih.symmetric_difference_update({v})
        self.replace_option_prompt_at_index(i, self._prompt(i))

    def action_select(self) -> None:
        self.action_centang()

    @property
    def selected(self) -> list[str]:
        return [v for v, _ in self.pilihan if v in self.terpilih]


class KelompokDialog(Dialog):
    """Nama, the bidang covered (several, from the bidang of the usulan) and the fasilitator.

    Returns {"nama": str, "bidang": [str], "fasilitator": str} or None.
    """

    CSS_PATH = "dialog.tcss"

    def __init__(self, judul: str, nama: str, bidang: list[tuple[str, str, bool]], fasilitator: str,
                 tim_fasilitator: list[str], periksa: Callable[[dict[str, Any]], str | None]):
        """`bidang`: (value, label, chosen) for every bidang that can be chosen."""
        super().__init__()
        self.judul = judul
        self.nama = nama
        self.bidang = bidang
        self.fasilitator = fasilitator
        self.tim = tim_fasilitator
        self.periksa = periksa

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(teks_baris(self.judul), classes="judul")
            with Horizontal(classes="baris"):
                yield Label("Nama kelompok *", classes="label")
                yield Input(self.nama, id="f-nama", compact=True)
            with Horizontal(classes="baris"):
                yield Label("Bidang (Spasi memilih)", classes="label")
                if self.bidang:
                    yield DaftarCentang(self.bidang, id="f-bidang", compact=True)
                else:
                    yield Label("Belum ada usulan, jadi belum ada bidang untuk dipilih.", classes="petunjuk")
            with Horizontal(classes="baris"):
                yield Label("Fasilitator", classes="label")
                yield Input(self.fasilitator, id="f-fasilitator", compact=True,
                            placeholder="ketik nama, atau Atas/Bawah memilih dari tim",
                            suggester=SuggestFromList(self.tim, case_sensitive=False) if self.tim else None)
            if self.tim:
                yield Label(teks_baris("Tim fasilitator: " + "; ".join(self.tim)), classes="petunjuk")
            yield Label("", classes="galat", id="galat")
            with Horizontal(classes="tombol"):
                yield Button(isi_tombol(self, "Simpan ({dialog.simpan})"), id="simpan", variant="primary", compact=True)
                yield Button(isi_tombol(self, "Batal ({dialog.batal})"), id="batal", compact=True)

    def on_mount(self) -> None:
        self.query_one("#f-nama", Input).focus()

    def nilai(self) -> dict[str, Any]:
        pilihan = self.query("#f-bidang")
        bidang = pilihan.first(DaftarCentang).selected if pilihan else []
        chosen = set(bidang)
        return {"nama": self.query_one("#f-nama", Input).value,
                "bidang": [val for val, _, _ in self.bidang if val in chosen],
                "fasilitator": self.query_one("#f-fasilitator", Input).value}

    def galat(self, pesan: str) -> None:
        self.query_one("#galat", Label).update(teks_baris(pesan))

    def on_key(self, event: Key) -> None:
        fas = self.query_one("#f-fasilitator", Input)
        if self.focused is fas and event.key in ("up", "down") and self.tim:
            try:
                i = self.tim.index(fas.value)
            except ValueError:
                i = -1 if event.key == "down" else 0
            i = (i + (1 if event.key == "down" else -1)) % len(self.tim)
            fas.value = self.tim[i]
            fas.cursor_position = len(fas.value)
            event.stop()
            event.prevent_default()

    @on(Input.Submitted, "#f-nama")
    def _nama_enter(self) -> None:
        nxt = self.query("#f-bidang")
        (nxt.first() if nxt else self.query_one("#f-fasilitator")).focus()

    @on(Input.Submitted, "#f-fasilitator")
    def _fasilitator_enter(self) -> None:
        self.action_simpan()

    def action_simpan(self) -> None:
        values = self.nilai()
        if not values["nama"].strip():
            self.galat("Nama kelompok wajib diisi.")
            self.query_one("#f-nama").focus()
            return
        pesan = self.periksa(values)
        if pesan:
            self.galat(pesan)
            return
        self.dismiss(values)


__all__ = ["FormPersiapan", "KriteriaDialog", "KelompokDialog", "DaftarCentang"]
