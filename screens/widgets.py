"""Widgets the agenda screens share: agenda bar, status line, small dialogs; the table (screens/tabel.py).

User text (names, titles, notes) is always wrapped in `rich.text.Text`, never parsed as markup.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from sesi.model import TAHAP
from sesi.teks import ada_kendali

from .kontrak import Hasil

from .glyph import g, potong as potong_mode
from .tombol import JagaHuruf
from .tabel import Tabel, teruskan_panah
from .teks import teks

#: Agenda stages as shown in the bar: key, short label, F-key alias.
AGENDA: list[tuple[str, str, str]] = [
    ("persiapan", "Persiapan", "f2"),
    ("pendaftaran", "Pendaftaran", "f3"),
    ("pleno1", "Pleno I", "f4"),
    ("kelompok", "Kelompok", "f5"),
    ("skoring", "Skoring", "f6"),
    ("pleno2", "Pleno II", "f7"),
    ("berita_acara", "BA", "f8"),
]
LABEL_LAYAR = {k: ("Berita Acara" if k == "berita_acara" else label) for k, label, _ in AGENDA}
#: Shorter labels for a narrow terminal (60 columns): every stage stays in the bar.
LABEL_PENDEK = {"persiapan": "Siap", "pendaftaran": "Daftar", "pleno1": "Pleno I", "kelompok": "Klp",
                "skoring": "Skor", "pleno2": "Pleno II", "berita_acara": "BA"}


class AgendaBar(Static):
    """One line: every stage, the current one highlighted; the session's stage marked."""

    DEFAULT_CSS = """
    AgendaBar { height: 1; background: $panel; color: $text-muted; }
    """

    def __init__(self, current: str, **kwargs: Any):
        super().__init__(**kwargs)
        self.current = current
        self.sesi_tahap = ""

    def on_resize(self) -> None:
        self.refresh()  # full or short labels, by the width

    def tandai(self, sesi_tahap: str) -> None:
        if sesi_tahap != self.sesi_tahap:
            self.sesi_tahap = sesi_tahap
            self.refresh()

    def render(self) -> Text:
        out = Text(no_wrap=True, overflow=potong_mode())
        penuh = sum(len(label) + 2 for _, label, _ in AGENDA) + len(AGENDA) - 1
        pendek = 0 < self.size.width < penuh
        for i, (key, label, _) in enumerate(AGENDA):
            if pendek:
                label = LABEL_PENDEK[key]
            if i:
                out.append(g("sep"), style="dim")
            mark = g("cur") if key == self.sesi_tahap else " "
            if key == self.current:
                out.append(f"{mark}{label} ", style="bold reverse")
            else:
                out.append(f"{mark}{label} ")
        return out


class Isian(Input):
    """A one-line text field that never selects its text on focus: a key that arrives together with the
    Tab that focused it (a burst over SSH, a paste) is added to the text, never typed over it. Ctrl+A
    selects everything on purpose."""

    BINDINGS = [
        Binding("ctrl+a", "select_all", "Pilih semua teks", id="isian.pilih_semua", show=False,
                tooltip="Ketikan berikutnya menggantikan seluruh isi kotak"),
    ]

    def __init__(self, *args: Any, **kwargs: Any):
        kwargs.setdefault("select_on_focus", False)
        super().__init__(*args, **kwargs)


def mengambil_teks_sendiri(widget: Any) -> bool:
    """Whether `widget` itself edits typed text: a text field, a text area, or a Select's open list (which
    searches as you type; Textual 8 keeps its class in a private module, hence the guarded import)."""
    from textual.widgets import TextArea

    try:
        from textual.widgets._select import SelectOverlay
    except ImportError:  # pragma: no cover - a later Textual
        SelectOverlay = TextArea  # noqa: N806
    return isinstance(widget, (Input, TextArea, SelectOverlay))


def mengambil_teks(widget: Any) -> bool:
    """Whether `widget` takes typed text: a text field, a text area, a Select's open list (it searches as
    you type), or a widget that says so with `MENGAMBIL_TEKS` (the nearest of it and its parents that says
    anything decides; e.g. the whole Impor part, where letters belong to the path being typed).
    Single-letter actions must not fire while such a widget has the focus."""
    if mengambil_teks_sendiri(widget):
        return True
    node = widget
    while node is not None:
        nilai = getattr(node, "MENGAMBIL_TEKS", None)
        if nilai is not None:
            return bool(nilai)
        node = node.parent
    return False


class StatusBar(Static):
    """Save state (Tersimpan - rev N / the error), who is at this terminal, and the warnings count. A
    long message wraps onto a second and third line instead of being cut."""

    DEFAULT_CSS = """
    StatusBar { height: auto; max-height: 3; background: $boost; }
    StatusBar.-galat { background: $error 40%; }
    """

    def __init__(self, **kwargs: Any):
        super().__init__(**kwargs)
        self.pesan = Text("")
        self.kanan = Text("")
        self._baris = 1

    def atur(self, pesan: Text | str, galat: bool = False) -> None:
        """Show a message; control and bidi characters in it are made visible (`teks`), never sent."""
        if not isinstance(pesan, Text):
            pesan = teks(pesan)
        elif ada_kendali(pesan.plain, baris_baru=True):
            pesan = teks(pesan.plain, style=pesan.style)
        lebar = self.size.width or 80
        baris = 1 if pesan.cell_len <= lebar else 2 + (pesan.cell_len > 2 * lebar - 10)
        self.pesan = pesan
        self.set_class(galat, "-galat")
        # A layout pass only when the message needs another number of lines (not on every keystroke).
        self.refresh(layout=baris != self._baris)
        self._baris = baris
        if self.is_attached and hasattr(self.app, "kabar_terakhir"):
            self.app.kabar_terakhir = (pesan, galat)  # every screen shows the latest message when shown

    def atur_kanan(self, kanan: Text | str) -> None:
        kanan = kanan if isinstance(kanan, Text) and not ada_kendali(kanan.plain) else teks(
            kanan.plain if isinstance(kanan, Text) else kanan)
        if kanan.plain != self.kanan.plain:
            self.kanan = kanan
            self.refresh()

    def render(self) -> Text:
        width = self.size.width or 80
        right = self.kanan.copy()
        left = self.pesan.copy()
        if left.cell_len + right.cell_len + 1 <= width:
            pad = max(1, width - left.cell_len - right.cell_len)
            return Text.assemble(left, " " * pad, right, no_wrap=True)
        if left.cell_len <= width:
            # The message fills the line: it is shown whole; who/warnings come back with a shorter one.
            return Text.assemble(left, no_wrap=True)
        # Longer than the line: the message wraps (nothing of it is cut), who/warnings after it if room.
        left.no_wrap = False
        left.overflow = "fold"
        baris = list(left.wrap(self.app.console, width))
        akhir = baris[-1] if baris else Text()
        if akhir.cell_len + right.cell_len + 1 <= width:
            baris[-1] = Text.assemble(akhir, " " * (width - akhir.cell_len - right.cell_len), right)
        out = Text("\n").join(baris)
        out.no_wrap = True
        return out


# --- dialogs ---------------------------------------------------------------------------------------


@dataclass
class Kolom:
    """One field of a form dialog."""

    key: str
    label: str
    nilai: str = ""
    pilihan: list[tuple[str, str]] | None = None  # (label, value) for a Select
    wajib: bool = False
    petunjuk: str = ""


class Dialog(JagaHuruf, ModalScreen[Any]):
    """Base: Esc or F10 cancels; ctrl+s confirms."""

    DEFAULT_CSS = """
    Dialog { align: center middle; }
    Dialog > Vertical {
        width: 76; max-width: 100%; height: auto; max-height: 100%;
        border: round $primary; background: $surface; padding: 0 1;
    }
    Dialog .judul { text-style: bold; margin-bottom: 1; width: 100%; }
    Dialog .galat { color: $error; width: 100%; }
    Dialog .tombol { height: auto; margin-top: 1; align-horizontal: right; }
    Dialog .tombol Button { margin-left: 1; min-width: 10; }
    Dialog VerticalScroll { height: auto; max-height: 16; }
    Dialog VerticalScroll.pertanyaan { max-height: 18; }
    Dialog Label.petunjuk { color: $text-muted; }
    Dialog .baris { height: auto; margin-bottom: 0; }
    Dialog .baris .label { width: 24; padding-right: 1; }
    Dialog .baris Input, Dialog .baris Select { width: 1fr; background: $boost; }
    Dialog .tombol Button { margin-left: 2; }
    """

    BINDINGS = [
        Binding("escape,f10", "batal", "Batal", id="dialog.batal", key_display="Esc/F10"),
        Binding("ctrl+s", "simpan", "Simpan", id="dialog.simpan", priority=True),
    ]

    def action_batal(self) -> None:
        """Esc/F10: close at once when nothing was typed, else ask Simpan / Buang / Batal."""
        nama = self.ketikan_belum_disimpan()
        if not nama:
            self.dismiss(None)
            return

        def putuskan(pilihan: str | None) -> None:
            if pilihan == "simpan":
                self.simpan_ketikan()
            elif pilihan == "buang":
                self.dismiss(None)
        self.app.push_screen(SimpanBuangDialog(f"Isian \"{nama}\" sudah diubah dan belum disimpan."), putuskan)

    def action_simpan(self) -> None:  # overridden
        self.dismiss(True)


    # --- typed text not saved yet (asked about before it is thrown away: Esc, Ctrl+Q) ---
    def ketikan_belum_disimpan(self) -> str:
        """What was typed here and not saved, named for the question ("" = nothing)."""
        return ""

    def simpan_ketikan(self) -> None:
        """Save what was typed (as the dialog's own save key does)."""
        self.action_simpan()

    @on(Button.Pressed, "#batal")
    def _batal(self) -> None:
        self.action_batal()

    @on(Button.Pressed, "#simpan")
    def _simpan(self) -> None:
        self.action_simpan()


class FormDialog(Dialog):
    """A short form. Enter moves to the next field and saves on the last; returns {key: value} or None.

    `periksa(values) -> str | None` may refuse the values with a message (the dialog stays open and keeps
    the input).
    """

    BINDINGS = [
        # Enter is taken when read (priority), so the letters that arrive with it go to the next field.
        Binding("enter", "berikut", "Isian berikut", id="dialog.berikut", show=False, priority=True),
    ]

    def __init__(self, judul: str, kolom: list[Kolom], periksa=None, tombol: str = "Simpan", fokus: str = ""):
        super().__init__()
        self.judul = judul
        self.kolom = kolom
        self.periksa = periksa
        self.tombol = tombol
        self.fokus = fokus  # the field to start on (the ones before it already filled in); "" = the first

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(teks(self.judul), classes="judul")
            with VerticalScroll():
                for k in self.kolom:
                    with Horizontal(classes="baris"):
                        yield Label(teks(k.label + (" *" if k.wajib else "")), classes="label")
                        if k.pilihan is not None:
                            nilai: Any = k.nilai if k.nilai in {v for _, v in k.pilihan} else Select.NULL
                            if k.wajib and nilai is Select.NULL and k.pilihan:
                                nilai = k.pilihan[0][1]
                            yield Select([(teks(lbl), val) for lbl, val in k.pilihan], value=nilai,
                                         allow_blank=not k.wajib, id=f"f-{k.key}", prompt="(pilih)", compact=True)
                        else:
                            yield Isian(value=k.nilai, id=f"f-{k.key}", placeholder=k.petunjuk, compact=True)
            yield Label("", classes="galat", id="galat")
            with Horizontal(classes="tombol"):
                yield Button(f"{self.tombol} (Ctrl+S)", id="simpan", variant="primary", compact=True)
                yield Button("Batal (F10)", id="batal", compact=True)

    def on_mount(self) -> None:
        self._awal = self.nilai()
        # The chosen or the first enabled field, not the scroll container around the fields (which would
        # take the typing).
        for key in [self.fokus] * bool(self.fokus) + [k.key for k in self.kolom]:
            field = self.query_one(f"#f-{key}")
            if not field.disabled:
                field.focus()
                return

    def nilai(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for k in self.kolom:
            w = self.query_one(f"#f-{k.key}")
            if isinstance(w, Select):
                v = w.value
                out[k.key] = "" if v is Select.NULL or v is None else str(v)
            else:
                out[k.key] = w.value  # type: ignore[attr-defined]
        return out

    def galat(self, pesan: str) -> None:
        self.query_one("#galat", Label).update(teks(pesan))

    def ketikan_belum_disimpan(self) -> str:
        awal = getattr(self, "_awal", None)
        return self.judul if awal is not None and self.nilai() != awal else ""


    def boleh_aksi(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "berikut":  # Enter on a text field; elsewhere (a Select, a button) it does its own job
            return isinstance(self.focused, Input)
        return True

    def action_berikut(self) -> None:
        """Enter: the next field, or save on the last one."""
        inputs = [w for w in self.query("Input, Select")]
        i = inputs.index(self.focused) if self.focused in inputs else len(inputs) - 1
        if i + 1 < len(inputs):
            inputs[i + 1].focus()
        else:
            self.action_simpan()

    def action_simpan(self) -> None:
        values = self.nilai()
        for k in self.kolom:
            if k.wajib and not values[k.key].strip():
                self.galat(f"{k.label} wajib diisi.")
                self.query_one(f"#f-{k.key}").focus()
                return
        if self.periksa is not None:
            pesan = self.periksa(values)
            if pesan:
                self.galat(pesan)
                return
        self.dismiss(values)


class AlasanDialog(FormDialog):
    """Ask for a required reason; returns the text or None.

    `periksa(alasan) -> str | None` may save it while the dialog is open and refuse it with a message
    (the dialog then stays open and keeps the text).
    """

    def __init__(self, judul: str, label: str = "Alasan", nilai: str = "", periksa=None):
        super().__init__(judul, [Kolom("alasan", label, nilai, wajib=True)])
        self.periksa_alasan = periksa

    def action_simpan(self) -> None:
        v = self.nilai()["alasan"].strip()
        if not v:
            self.galat("Alasan wajib diisi.")
            return
        pesan = self.periksa_alasan(v) if self.periksa_alasan is not None else None
        if pesan:
            self.galat(pesan)
            return
        self.dismiss(v)


class KonfirmasiDialog(Dialog):
    """Yes/no: y or Enter (on Ya) confirms; n, Esc or F10 cancels. Returns True/False."""

    BINDINGS = [
        Binding("y", "ya", "Ya", id="dialog.ya"),
        Binding("n", "batal", "Tidak", id="dialog.tidak"),
    ]

    def __init__(self, pertanyaan: str, ya: str = "Ya"):
        super().__init__()
        self.pertanyaan = pertanyaan
        self.ya = ya

    def compose(self) -> ComposeResult:
        with Vertical():
            with VerticalScroll(classes="pertanyaan"):
                yield Label(teks(self.pertanyaan), classes="judul")
            with Horizontal(classes="tombol"):
                yield Button(f"{self.ya} (Y)", id="simpan", variant="primary", compact=True)
                yield Button("Tidak (N)", id="batal", compact=True)

    def on_mount(self) -> None:
        self.query_one("#simpan", Button).focus()

    def action_ya(self) -> None:
        self.dismiss(True)

    def action_simpan(self) -> None:
        self.dismiss(True)

    def action_batal(self) -> None:
        self.dismiss(False)


class SimpanBuangDialog(Dialog):
    """Typed text would be lost: S saves it, B throws it away, Esc/F10 (or Batal) goes back to it.
    Returns "simpan", "buang" or None."""

    BINDINGS = [
        Binding("s", "simpan", "Simpan", id="ketikan.simpan"),
        Binding("b", "buang", "Buang", id="ketikan.buang", tooltip="Ketikan yang belum disimpan dibuang"),
    ]

    def __init__(self, pertanyaan: str):
        super().__init__()
        self.pertanyaan = pertanyaan

    def compose(self) -> ComposeResult:
        with Vertical():
            with VerticalScroll(classes="pertanyaan"):
                yield Label(teks(self.pertanyaan + " Simpan dahulu?"), classes="judul")
            with Horizontal(classes="tombol"):
                yield Button("Simpan (S)", id="simpan", variant="primary", compact=True)
                yield Button("Buang (B)", id="buang", variant="error", compact=True)
                yield Button("Batal (F10)", id="batal", compact=True)

    def on_mount(self) -> None:
        self.query_one("#simpan", Button).focus()

    def action_simpan(self) -> None:
        self.dismiss("simpan")

    def action_buang(self) -> None:
        self.dismiss("buang")

    @on(Button.Pressed, "#buang")
    def _buang(self) -> None:
        self.action_buang()


class PilihDialog(Dialog):
    """Choose one of many: type to filter, arrows to move, Enter to choose. Returns the value or None."""

    DEFAULT_CSS = """
    PilihDialog OptionList { height: auto; max-height: 14; }
    """

    def __init__(self, judul: str, pilihan: list[tuple[str, str]], petunjuk: str = "Ketik untuk menyaring",
                 sorot: str = ""):
        """`sorot`: the value the cursor starts on (the first one by default); the list keeps its order."""
        super().__init__()
        self.judul = judul
        self.pilihan = pilihan
        self.petunjuk = petunjuk
        self.sorot = sorot

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(teks(self.judul), classes="judul")
            yield Isian(placeholder=self.petunjuk, id="saring", compact=True)
            yield OptionList(*self._options(""), id="opsi")
            with Horizontal(classes="tombol"):
                yield Button("Batal (F10)", id="batal", compact=True)

    def _options(self, saring: str) -> list[Option]:
        words = saring.casefold().split()
        return [Option(teks(lbl), id=val) for lbl, val in self.pilihan
                if all(w in lbl.casefold() for w in words)]

    @on(Input.Changed, "#saring")
    def _saring(self, event: Input.Changed) -> None:
        opsi = self.query_one("#opsi", OptionList)
        opsi.clear_options()
        opsi.add_options(self._options(event.value))
        if opsi.option_count:
            opsi.highlighted = 0

    def on_mount(self) -> None:
        opsi = self.query_one("#opsi", OptionList)
        if opsi.option_count:
            nilai = [v for _, v in self.pilihan]
            opsi.highlighted = nilai.index(self.sorot) if self.sorot in nilai else 0

    def on_key(self, event) -> None:
        opsi = self.query_one("#opsi", OptionList)
        if event.key in ("down", "up") and self.focused is self.query_one("#saring"):
            if opsi.option_count:
                cur = opsi.highlighted or 0
                opsi.highlighted = max(0, min(opsi.option_count - 1, cur + (1 if event.key == "down" else -1)))
            event.stop()

    @on(Input.Submitted, "#saring")
    def _enter(self) -> None:
        self.action_simpan()

    @on(OptionList.OptionSelected)
    def _pilih(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_simpan(self) -> None:
        opsi = self.query_one("#opsi", OptionList)
        if opsi.highlighted is None:
            return
        self.dismiss(opsi.get_option_at_index(opsi.highlighted).id)


__all__ = ["AGENDA", "LABEL_LAYAR", "LABEL_PENDEK", "TAHAP", "AgendaBar", "StatusBar", "Tabel", "teruskan_panah", "Kolom", "Dialog",
           "FormDialog", "AlasanDialog", "KonfirmasiDialog", "PilihDialog", "SimpanBuangDialog", "Hasil", "Isian",
           "mengambil_teks", "mengambil_teks_sendiri"]
