"""Golden files of the documents (berita acara, notulen): syrupy snapshots kept as readable UTF-8 text,
one file per test (LF, pinned in .gitattributes), so a change of wording shows as a plain diff."""

from __future__ import annotations

from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode


class SnapshotTeks(SingleFileSnapshotExtension):
    """A snapshot kept as a readable UTF-8 text file."""

    _write_mode = WriteMode.TEXT
    _file_extension = "txt"


class SnapshotMarkdown(SnapshotTeks):
    _file_extension = "md"


#: Snapshot extension per document format.
SNAPSHOT = {"md": SnapshotMarkdown, "txt": SnapshotTeks}
