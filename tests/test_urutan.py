"""One truth for the order (issue 11): after Pleno II moves an usulan with a reason, every place shows the
same final order, with the scored rank beside a moved row and the reason: `sesi.urutan.urutan_akhir`,
`ekspor peringkat` as CSV, Markdown and text, the berita acara's Lampiran II, the projector's data
functions, and the Pleno II screen."""

from __future__ import annotations

import csv
import io
import re

from skenario import USULAN, buat_skenario

from musrenbang_tui import cli
from musrenbang_tui.app import MusrenbangApp
from screens.tayang import isi_kesepakatan, isi_peringkat, judul_tampilan
from screens.widgets import Tabel
from sesi.berita_acara import berita_acara
from sesi.store import Pelaku, Store
from sesi.urutan import nasib_usulan, urutan_akhir

INFRA = "KEL01"  # Infrastruktur dan Kewilayahan: U003, U001, U002 by the scores; Pleno II moved U002 up
KEGIATAN = {uid: kegiatan for uid, _, _, kegiatan, *_ in USULAN}
AKHIR = ["U003", "U002", "U001"]
ALASAN = "Manfaat lebih luas: melayani tiga RT dan satu sekolah"


def test_urutan_akhir_dengan_peringkat_skor_dan_alasan(tmp_path):
    data = buat_skenario(str(tmp_path / "sesi.json")).data
    urutan = urutan_akhir(data, INFRA)
    assert [(t.usulan.id, t.peringkat_skor, t.peringkat_akhir) for t in urutan] == [
        ("U003", 1, 1), ("U002", 3, 2), ("U001", 2, 3)]
    assert urutan[0].alasan == ""
    assert urutan[1].alasan == f"dinaikkan dalam Sidang Pleno II (alasan: {ALASAN})"
    assert urutan[2].alasan == (f"bergeser karena \"{KEGIATAN['U002']}\" dinaikkan dalam Sidang Pleno II "
                                f"(alasan: {ALASAN})")
    nasib = nasib_usulan(data)
    assert [(uid, nasib[uid].peringkat) for uid in AKHIR] == [("U003", 1), ("U002", 2), ("U001", 3)]


def test_urutan_sama_di_setiap_tempat(tmp_path, capsys):
    path = str(tmp_path / "sesi.json")
    data = buat_skenario(path).data

    # ekspor peringkat, csv: the final place, the scored rank, the reason.
    assert cli.main(["ekspor", "peringkat", path, "--format", "csv"]) == 0
    rows = [r for r in csv.DictReader(io.StringIO(capsys.readouterr().out))
            if r["kelompok"] == "Infrastruktur dan Kewilayahan" and r["peringkat"]]
    assert [(r["peringkat"], r["usulan_id"], r["peringkat_skor"]) for r in rows] == [
        ("1", "U003", "1"), ("2", "U002", "3"), ("3", "U001", "2")]
    assert [r["alasan_urutan"] for r in rows] == [t.alasan for t in urutan_akhir(data, INFRA)]

    # ekspor peringkat, md: the scored rank in parentheses beside a moved row, the reason in its status.
    assert cli.main(["ekspor", "peringkat", path, "--format", "md"]) == 0
    md = capsys.readouterr().out
    assert "RKPD Kota Banjarmasin Tahun 2028" in md
    bagian = md.split("## Kelompok Infrastruktur dan Kewilayahan")[1].split("## ")[0]
    baris = [[c.strip() for c in x.strip("|").split("|")] for x in bagian.splitlines() if x.startswith("| ")][1:]
    assert [(b[0], b[1]) for b in baris if b[0] != "-"] == [("1", "U003"), ("2 (3)", "U002"),
                                                             ("3 (2)", "U001")]
    kepala = next(x for x in bagian.splitlines() if x.startswith("| Peringkat"))
    kepala = [c.strip() for c in kepala.strip("|").split("|")]
    assert f"dinaikkan dalam Sidang Pleno II (alasan: {ALASAN})" in baris[1][kepala.index("Status")]

    # ekspor peringkat, txt: the same ids in the same order, the scored rank beside the moved ones.
    assert cli.main(["ekspor", "peringkat", path, "--format", "txt"]) == 0
    txt = capsys.readouterr().out
    assert "RKPD Kota Banjarmasin Tahun 2028" in txt
    bagian = txt.split("Kelompok Infrastruktur dan Kewilayahan")[1].split("Kelompok Sosial Budaya")[0]
    # (nine columns with sumber dana and harga satuan: each usulan a record, "No : 2 (3)" then "Id : U002")
    assert re.findall(r"^No +: (\d+(?: \(\d+\))?)\nId +: (U\d{3})", bagian, re.M)[:3] == [
        ("1", "U003"), ("2 (3)", "U002"), ("3 (2)", "U001")]

    # The berita acara's Lampiran II: each usulan with its final place in its kelompok, the scored rank beside.
    lamp2 = berita_acara(data, "md").split("LAMPIRAN II ")[1].split("LAMPIRAN III ")[0]
    tempat = {}
    for x in lamp2.splitlines():
        sel = [c.strip() for c in x.strip("|").split("|")]
        if len(sel) > 2 and sel[-1].startswith("Infrastruktur dan Kewilayahan ("):  # the last column
            tempat[sel[1].split(" (dialihkan")[0]] = sel[-1].split("(", 1)[1].rstrip(")")
    assert tempat == {KEGIATAN["U003"]: "1", KEGIATAN["U002"]: "2, menurut skor 3",
                      KEGIATAN["U001"]: "3, menurut skor 2"}

    # The projector: the ranking view and the Pleno II view (a draft title until every list is agreed).
    assert [(no, kegiatan) for no, kegiatan, *_ in isi_peringkat(data, INFRA)] == [
        ("1", KEGIATAN["U003"]), ("2 (3)", KEGIATAN["U002"]), ("3 (2)", KEGIATAN["U001"])]
    pupr = dict(isi_kesepakatan(data))["Dinas PUPR"]
    assert [kegiatan for _, kegiatan, *_ in pupr] == [KEGIATAN["U002"], KEGIATAN["U001"]]
    assert judul_tampilan(data, "kesepakatan") == "Hasil kesepakatan Pleno II"


async def test_layar_pleno2_urutan_yang_sama(tmp_path):
    """The Pleno II screen lists the kelompok in the same final order, the scored rank beside a moved row."""
    path = str(tmp_path / "sesi.json")
    buat_skenario(path)
    app = MusrenbangApp(Store.buka(path, pelaku=Pelaku("uji", "operator")), layar="pleno2")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        tabel = app.screen.query_one("#urutan", Tabel)
        ids = [k.value for k in tabel.rows]
        assert ids[:3] == AKHIR
        assert [str(tabel.get_row_at(i)[0]) for i in range(3)] == ["1", "2", "3"]
        assert [str(tabel.get_row_at(i)[5]) for i in range(3)] == ["", "awal 3", "awal 2"]


def test_tayangan_pleno2_rancangan_sampai_disepakati(tmp_path):
    """The projector's Pleno II view is a draft until Pleno II agrees every list."""
    from sesi import pleno

    st = buat_skenario(str(tmp_path / "sesi.json"))
    assert judul_tampilan(st.data, "kesepakatan") == "Hasil kesepakatan Pleno II"
    with st.transaksi() as tx:
        pleno.batal_sepakat(tx, INFRA, "Dibahas ulang")
    assert judul_tampilan(st.muat(), "kesepakatan") == "Hasil kesepakatan Pleno II (sebagian kelompok)"
