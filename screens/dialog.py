"""Fields and dialogs the screens share: a text field that never selects its text on focus, and small
modal dialogs (form, reason, yes/no, save/discard, choose one). Every dialog's user text is plain text
(`teks`), never markup.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Iterable

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, OptionList, Select
from textual.widgets.option_list import Option

from .glyph import g
from .teks import teks
from .tombol import JagaHuruf, isi_tombol

class Isian(Input):
    """A one-line text field that never selects its text on focus: a key that arrives together with the
    Tab that focused it (a burst over SSH, a paste) is added to the text, never typed over it. Ctrl+A
    selects everything on purpose."""

    BINDINGS = [
        Binding("ctrl+a", "select_all", "Pilih semua teks", id="isian.pilih_semua", show=False,
                tooltip="Ketikan berikutnya menggantikan seluruh isi kotak"),
        # Textual's own Input key, declared here with an id so prose can name it ("{isian.kosongkan}").
        Binding("ctrl+u", "delete_left_all", "Hapus teks di kiri kursor", id="isian.kosongkan", show=False),
    ]

    def __init__(self, *args: Any, **kwargs: Any):
        kwargs.setdefault("select_on_focus", False)
        super().__init__(*args, **kwargs)
        #: values Right completes to (case-insensitive prefix, first in this order), set with the suggester
        self.saran: tuple[str, ...] = ()

    def action_cursor_right(self, select: bool = False) -> None:
        """Right at the end of the text completes it to the first of `saran` it starts (any case), even
        when the suggester has not answered yet (keys typed in one burst); otherwise Input's own Right."""
        if not select and self.cursor_at_end and self.value:
            lengkap = lengkapi(self.value, self.saran)
            if lengkap and lengkap != self.value:
                self.value = lengkap
                self.cursor_position = len(lengkap)
                return
        super().action_cursor_right(select)


def lengkapi(awal: str, saran: Iterable[str]) -> str:
    """The first of `saran` that starts with `awal` ignoring case ("" when none): 'inf' ->
    'Infrastruktur dan Kewilayahan'."""
    kunci = awal.casefold()
    return next((s for s in saran if s.casefold().startswith(kunci)), "")


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
    """Base: Esc or F10 cancels; Ctrl+S confirms (buttons name the keys from BINDINGS)."""

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

    # --- a Select's open list stays inside the dialog (Textual draws it over the screen, below the Select,
    # up to 12 rows: over the dialog's border and the status bar) ---
    @on(events.DescendantFocus)
    def _daftar_pilihan_di_dalam(self, event: events.DescendantFocus) -> None:
        daftar = event.widget
        pilih = daftar.parent
        if not (isinstance(pilih, Select) and pilih.expanded and isinstance(daftar, OptionList)):
            return
        kotak = self.query_one(Vertical)
        atas = pilih.region.bottom  # the list opens below the Select (one line, or more when wrapped)
        muat = kotak.content_region.bottom - atas
        daftar.styles.max_height = max(3, muat)

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
                self.buang_ketikan()
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

    def buang_ketikan(self) -> None:
        """What was typed is thrown away on purpose (Buang): forget its draft, if it keeps one."""

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

    def __init__(self, judul: str, kolom: list[Kolom], periksa=None, tombol: str = "Simpan", fokus: str = "",
                 draf: str = ""):
        """`draf`: a key under which what is typed and not saved yet is kept in the user's drafts (the app's
        `draf`, `sesi.draf.Draf`) a moment after each change, so a crash loses nothing; the dialog opened
        again with the same key offers it back; saving or throwing it away (Buang) removes it."""
        super().__init__()
        self.judul = judul
        self.kolom = kolom
        self.periksa = periksa
        self.tombol = tombol
        self.fokus = fokus  # the field to start on (the ones before it already filled in); "" = the first
        self.kunci_draf = draf
        self._draf_timer: Any = None

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
                yield Button(isi_tombol(self, f"{self.tombol} ({{dialog.simpan}})"), id="simpan", variant="primary", compact=True)
                yield Button(isi_tombol(self, "Batal ({dialog.batal})"), id="batal", compact=True)

    def on_mount(self) -> None:
        self._awal = self.nilai()
        if self._pulihkan_draf():
            return  # the focus is at the end of the restored text
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

    # --- the draft: what was typed and not saved, on this user's disk until saved or thrown away ---
    def _penyimpan_draf(self) -> Any:
        return getattr(self.app, "draf", None) if self.kunci_draf else None

    def _pulihkan_draf(self) -> bool:
        """Put a kept draft back into the fields; True when one was restored (the cursor goes to its end)."""
        penyimpan = self._penyimpan_draf()
        if penyimpan is None:
            return False
        try:
            isi = json.loads(penyimpan.baca(self.kunci_draf) or "{}")
        except ValueError:
            return False
        if not isinstance(isi, dict) or not isi:
            return False
        pulih, terakhir = False, ""
        for k in self.kolom:
            v = isi.get(k.key)
            if not isinstance(v, str):
                continue
            w = self.query_one(f"#f-{k.key}")
            if isinstance(w, Select):
                if v in {val for _, val in k.pilihan or []}:
                    w.value = v
                elif not v and not k.wajib:
                    w.clear()
            elif isinstance(w, Input):
                w.value = v
                w.cursor_position = len(v)
            pulih = True
        if pulih:
            terakhir = next((k.key for k in reversed(self.kolom) if k.pilihan is None and isi.get(k.key)), "")
            if terakhir:
                self.query_one(f"#f-{terakhir}").focus()
            self.query_one("#galat", Label).update(teks(isi_tombol(
                self, f"{g('warn')} Ketikan yang belum tersimpan dipulihkan dari draf: {self.tombol} "
                "({dialog.simpan}) menyimpannya, {dialog.batal} lalu {ketikan.buang} membuangnya.")))
        return pulih and bool(terakhir)

    @on(Input.Changed)
    @on(Select.Changed)
    def _isian_berubah(self) -> None:
        if self._penyimpan_draf() is None or getattr(self, "_awal", None) is None:
            return
        if self._draf_timer is not None:
            self._draf_timer.stop()
        # A short pause after the last key, so a fast typist does not write a file per key.
        self._draf_timer = self.set_timer(0.3, self._tulis_draf, name="draf-formulir")

    def _tulis_draf(self) -> None:
        self._draf_timer = None
        penyimpan = self._penyimpan_draf()
        if penyimpan is None or not self.is_attached:
            return
        nilai = self.nilai()
        penyimpan.simpan(self.kunci_draf, json.dumps(nilai, ensure_ascii=False) if nilai != self._awal else "")

    def buang_ketikan(self) -> None:
        """What was typed is thrown away on purpose (Buang): so is its draft."""
        if self._draf_timer is not None:
            self._draf_timer.stop()
            self._draf_timer = None
        penyimpan = self._penyimpan_draf()
        if penyimpan is not None:
            penyimpan.hapus(self.kunci_draf)

    def selesai(self, hasil: Any) -> None:
        """Close with what was saved: the draft is no longer needed."""
        self.buang_ketikan()
        self.dismiss(hasil)


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
        self.selesai(values)


class AlasanDialog(FormDialog):
    """Ask for a required reason; returns the text or None.

    `periksa(alasan) -> str | None` may save it while the dialog is open and refuse it with a message
    (the dialog then stays open and keeps the text).
    """

    def __init__(self, judul: str, label: str = "Alasan", nilai: str = "", periksa=None, draf: str = ""):
        super().__init__(judul, [Kolom("alasan", label, nilai, wajib=True)], draf=draf)
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
        self.selesai(v)


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
                yield Button(isi_tombol(self, f"{self.ya} ({{dialog.ya}})"), id="simpan", variant="primary", compact=True)
                yield Button(isi_tombol(self, "Tidak ({dialog.tidak})"), id="batal", compact=True)

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
                yield Button(isi_tombol(self, "Simpan ({ketikan.simpan})"), id="simpan", variant="primary", compact=True)
                yield Button(isi_tombol(self, "Buang ({ketikan.buang})"), id="buang", variant="error", compact=True)
                yield Button(isi_tombol(self, "Batal ({dialog.batal})"), id="batal", compact=True)

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
                yield Button(isi_tombol(self, "Batal ({dialog.batal})"), id="batal", compact=True)

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


__all__ = ["Isian", "lengkapi", "Kolom", "Dialog", "FormDialog", "AlasanDialog", "KonfirmasiDialog", "SimpanBuangDialog",
           "PilihDialog"]
