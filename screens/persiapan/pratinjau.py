"""The import preview of the Impor part (screens/persiapan/impor.py): its two tables, the messages they post
to the part (attributes down, messages up), and the text each area of the preview shows, built from a
`sesi.impor.Pratinjau` (pure builders: the part puts them on screen)."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.binding import Binding
from textual.message import Message

from sesi.impor import Pratinjau, Saran

from ..glyph import g
from ..teks import potong, teks_baris
from ..widgets import Tabel
from .impor_kerja import LaporanImpor

#: One table's columns ((title, key), ...) and rows ((row key, cells), ...), as `Tabel.isi` takes them.
Kolom = list[tuple[str, str]]
Baris = list[tuple[str, list[Text]]]


class UbahPemetaan(Message):
    """Map the header (or required column, "k:<kolom>") of the mapping table's row `kunci`, or ignore it."""

    def __init__(self, kunci: str, abaikan: bool):
        super().__init__()
        self.kunci = kunci
        self.abaikan = abaikan


class TerimaSaran(Message):
    """Accept (or take back) the suggestion of the suggestion table's row `kunci`."""

    def __init__(self, kunci: str):
        super().__init__()
        self.kunci = kunci


class TabelPemetaan(Tabel):
    """The preview's mapping: each file header, the column it goes to, its first three values; then each
    required column no header maps to."""

    MENGAMBIL_TEKS = False  # a table: its own keys and the screen's work here

    BINDINGS = [
        Binding("enter", "pilih_kolom", "Pilih kolom", id="persiapan.impor.pilih_kolom",
                tooltip="Kolom aplikasi untuk judul yang disorot, atau judul berkas untuk kolom wajib yang kurang"),
        # Not in the Footer (80 columns hold the main keys only): the preview's hint line and F1 name it.
        Binding("delete", "abaikan", "Abaikan judul", id="persiapan.impor.abaikan", show=False,
                tooltip="Kolom berkas yang disorot tidak diimpor"),
    ]

    def action_pilih_kolom(self) -> None:
        self.post_message(UbahPemetaan(self.kunci_terpilih() or "", abaikan=False))

    def action_abaikan(self) -> None:
        self.post_message(UbahPemetaan(self.kunci_terpilih() or "", abaikan=True))


class TabelSaran(Tabel):
    """The preview's suggestions: a name the session does not know and the known one it is close to."""

    MENGAMBIL_TEKS = False  # a table: its own keys and the screen's work here

    BINDINGS = [
        Binding("enter", "terima", "Terima saran", id="persiapan.impor.terima_saran",
                tooltip="Terima (atau batalkan) saran yang disorot; pratinjau diperbarui"),
    ]

    def action_terima(self) -> None:
        self.post_message(TerimaSaran(self.kunci_terpilih() or ""))


def teks_ringkas(p: Pratinjau, tombol_impor: str = "Ctrl+S", tombol_pilih: str = "Enter") -> Text:
    """The preview's first two lines: file, sheets, header row, and whether it can be imported (naming the
    keys that import and that pick a header, as the keymap sets them)."""
    out = Text()
    out.append(teks_baris(p.berkas, "bold"))
    lembar = [lb for lb in p.lembar if lb]
    if lembar:
        out.append(teks_baris(f" lembar {', '.join(lembar)}"))
    out.append(f" {g('dot')} judul kolom di baris {p.baris_judul} {g('dot')} {len(p.judul)} kolom\n")
    if p.kurang:
        out.append(f"{g('warn')} Kolom wajib belum dipetakan: {', '.join(p.kurang)}. Pilih judulnya dengan {tombol_pilih}.",
                   style="bold")
    elif p.siap:
        out.append(f"{g('ok')} Siap diimpor ({tombol_impor}).", style="bold")
    else:
        out.append(f"{g('warn')} Ada masalah (di bawah): perbaiki berkas, ubah pemetaan, atau terima saran.",
                   style="bold")
    return out


def isi_peta(p: Pratinjau, lebar_tabel: int, tombol_pilih: str = "Enter") -> tuple[Kolom, Baris]:
    """The mapping table in `lebar_tabel` cells: header, column, up to three example values; then each
    required column no header maps to (row key "k:<kolom>"; a header's row key is "j<index>")."""
    rows: Baris = []
    n = max(1, min(3, len(p.contoh)))  # example rows shown, each in the width left by header and column
    lebar = max(6, (lebar_tabel - 41 - 2 * n) // n)  # header 16, column 20, cell padding
    for i, h in enumerate(p.judul):
        if not h:
            continue
        k = p.pemetaan.get(h, "")
        if k:
            kolom = teks_baris(k + ("*" if p.kolom.get(k) else ""), "bold" if p.kolom.get(k) else "")
        else:
            kolom = Text("(diabaikan)", style="dim")
        contoh = [teks_baris(potong(r[i] if i < len(r) else "", lebar)) for r in p.contoh[:n]]
        contoh += [Text("")] * (n - len(contoh))
        rows.append((f"j{i}", [teks_baris(potong(h, 16)), kolom, *contoh]))
    for k in p.kurang:
        rows.append((f"k:{k}", [Text("(belum ada)", style="bold red"), teks_baris(f"{k}*", "bold red"),
                                Text(f"{tombol_pilih}: pilih judul", style="dim"), *[Text("")] * (n - 1)]))
    return [("Judul berkas", "judul"), ("Kolom", "kolom"), *[(f"Baris {j + 1}", f"b{j}") for j in range(n)]], rows


def isi_saran(saran: dict[tuple[str, str], Saran], terima: frozenset[tuple[str, str]],
              berkas: str) -> tuple[Kolom, Baris]:
    """The suggestion table: every suggestion seen for the file (row key "s<index>"), marked when accepted;
    the place is written without the file name, which the preview shows above."""
    rows: Baris = []
    for i, (kunci, s) in enumerate(saran.items()):
        diterima = kunci in terima
        tanda = Text(g("ok") if diterima else " ", style="bold green")
        tempat = s.baris[0] if s.baris else ""
        if berkas and tempat.startswith(berkas):  # the file is named above: "baris 4", "lembar 'X' baris 4"
            tempat = tempat[len(berkas):].strip(" ,:")
        tempat += f" +{len(s.baris) - 1}" if len(s.baris) > 1 else ""
        rows.append((f"s{i}", [tanda, teks_baris(s.kolom), teks_baris(potong(s.nilai, 18)),
                               teks_baris(potong(f"maksud Anda '{s.saran}'?", 32)),
                               teks_baris(potong(tempat, 24))]))
    return [(" ", "terima"), ("Kolom", "kolom"), ("Tertulis", "nilai"), ("Saran", "saran"), ("Tempat", "baris")], rows


def tabel_masalah(p: Pratinjau) -> Table:
    """The preview's problems (the file would be refused) and notes (rows skipped), one a line."""
    out = Table.grid(padding=(0, 1))
    out.add_column(no_wrap=True)
    out.add_column(ratio=1)
    if p.masalah:
        out.add_row(Text(g("warn"), style="bold"), Text("Berkas akan ditolak bila diimpor sekarang (tidak ada yang "
                                                         "diubah):", style="bold"))
        for m in p.masalah:
            out.add_row(Text("-"), teks_baris(m))
    if p.catatan:
        out.add_row(Text(g("dot"), style="bold"), Text("Catatan:", style="bold"))
        for c in p.catatan:
            out.add_row(Text("-"), teks_baris(c))
    if not p.masalah and not p.catatan:
        out.add_row(Text(g("ok"), style="bold"), Text("Tidak ada masalah dan tidak ada baris yang dilewati."))
    return out


def tabel_laporan(lap: LaporanImpor) -> Table:
    """An import's report: its first line, then each note and problem."""
    out = Table.grid(padding=(0, 1))
    out.add_column(no_wrap=True)
    out.add_column(ratio=1)
    out.add_row(Text(g("ok") if lap.ok else g("warn"), style="bold"), teks_baris(lap.judul, "bold"))
    for m in [*lap.rincian, *lap.masalah]:
        out.add_row(Text("-"), teks_baris(m))
    return out
