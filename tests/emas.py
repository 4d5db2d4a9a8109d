"""Golden files of the documents (berita acara, notulen): syrupy snapshots kept as readable UTF-8 text,
one file per test (LF, pinned in .gitattributes), so a change of wording shows as a plain diff; and the
document's blocks read part by part."""

from __future__ import annotations

from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode

from sesi.berita_acara import Judul


class SnapshotTeks(SingleFileSnapshotExtension):
    """A snapshot kept as a readable UTF-8 text file."""

    _write_mode = WriteMode.TEXT
    _file_extension = "txt"


class SnapshotMarkdown(SnapshotTeks):
    _file_extension = "md"


#: Snapshot extension per document format.
SNAPSHOT = {"md": SnapshotMarkdown, "txt": SnapshotTeks}


def bagian_dokumen(blok) -> dict[str, list]:
    """The document's blocks by part: "badan", then "I", "II", ... (from the lampiran headings)."""
    out: dict[str, list] = {"badan": []}
    kini = "badan"
    for b in blok:
        if isinstance(b, Judul) and b.tingkat == 2 and b.teks.startswith("LAMPIRAN "):
            kini = b.teks.split()[1]
            out[kini] = []
        out[kini].append(b)
    return out
