"""The records a Musrenbang Kecamatan session holds, and the fixed vocabularies.

Records are frozen dataclasses built from the plain dicts kept in the store (`from_dict`) and turned
back into dicts for writing (`to_dict`). Unknown keys in a stored dict are ignored, missing keys take
their defaults, so an older or newer record still loads.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from decimal import Decimal
from fractions import Fraction
from typing import Any, ClassVar

from .nilai import nilai_simpan, to_decimal

# --- vocabularies -------------------------------------------------------------------------------

#: Unsur (stakeholder element): stable key -> Indonesian label, in the order the minutes list them.
UNSUR: dict[str, str] = {
    "camat": "Camat",
    "perangkat_kecamatan": "Perangkat Kecamatan",
    "lurah": "Lurah/Kepala Desa",  # worded per session by sesi.sebutan.label_unsur
    "delegasi": "Delegasi Desa/Kelurahan",
    "dprd": "Anggota DPRD",
    "skpd": "Perwakilan SKPD/UPT",
    "tokoh_masyarakat": "Tokoh Masyarakat",
    "kelompok_masyarakat": "Kelompok Masyarakat (LPM, PKK, LSM)",
    "narasumber": "Narasumber",
    "fasilitator": "Fasilitator",
    "lainnya": "Lainnya",
}

#: Short unsur labels for narrow table columns (at most 12 characters).
UNSUR_SINGKAT: dict[str, str] = {
    "camat": "Camat",
    "perangkat_kecamatan": "Perangkat",
    "lurah": "Lurah/Kades",
    "delegasi": "Delegasi",
    "dprd": "DPRD",
    "skpd": "SKPD/UPT",
    "tokoh_masyarakat": "Tokoh masy.",
    "kelompok_masyarakat": "Kel. masy.",
    "narasumber": "Narasumber",
    "fasilitator": "Fasilitator",
    "lainnya": "Lainnya",
}

#: Status of an usulan, key -> label. Maps onto SIPD's flags (docs/tata-cara.md, section 3).
STATUS: dict[str, str] = {
    "baru": "Baru",
    "sesuai": "Diverifikasi (sesuai)",
    "ditolak": "Ditolak",
    "dialihkan": "Dialihkan ke SKPD lain",
    "digabung": "Digabung",
    "cadangan": "Cadangan",
    "disepakati": "Disepakati",
    "belum_disepakati": "Belum disepakati",
}
#: Statuses that take an usulan out of the ranking.
STATUS_DISISIHKAN = frozenset({"ditolak", "digabung", "cadangan", "belum_disepakati"})
#: Statuses that need a reason.
STATUS_WAJIB_ALASAN = frozenset({"ditolak", "dialihkan", "belum_disepakati"})

JENIS_USULAN = {"fisik": "Fisik", "non-fisik": "Non-fisik"}

#: How the values of several penilai in one cell combine (`Info.gabung_penilai`), key -> words for the minutes.
GABUNG_PENILAI: dict[str, str] = {"rata-rata": "dirata-rata", "jumlah": "dijumlahkan"}
#: What a value a listed penilai did not give means (`Info.nilai_kurang`), key -> label.
NILAI_KURANG: dict[str, str] = {
    "belum-lengkap": "sel belum lengkap sampai semua penilai memberi nilai",
    "rata-rata-hadir": "diisi rata-rata penilai yang memberi nilai, dengan tanda",
}
#: The steps a scale may have (`Kriteria.langkah`): whole numbers, or halves (7.5 on a 1-10 scale).
LANGKAH_SKALA = ("1", "0.5")

JENIS_KELAMIN = {"L": "Laki-laki", "P": "Perempuan"}

# --- region (issue 12; docs/tata-cara.md section 2 and 5) ---
#: What a wilayah of the kecamatan is (`Kelurahan.jenis`), key -> label. A desa adat counts as a desa.
JENIS_WILAYAH: dict[str, str] = {"desa": "Desa", "kelurahan": "Kelurahan"}
#: What the daerah (the kecamatan's kabupaten or kota) is (`Info.jenis_daerah`).
JENIS_DAERAH: tuple[str, ...] = ("Kabupaten", "Kota")
#: Time zones, key -> offset (`Info.zona`; "" reads as WIB).
ZONA: dict[str, str] = {"WIB": "UTC+7", "WITA": "UTC+8", "WIT": "UTC+9"}


@dataclass(frozen=True)
class Tahap:
    """One stage of the agenda, with one screen of the app (docs/tata-cara.md section 1, "Acara dan tahap";
    README.md, "Tombol" and "Perintah")."""

    kunci: str  # "berita_acara": stored in sesi.info.tahap, the app's mode name
    label: str  # "Sidang Kelompok": as documents and the Persiapan screen name the stage
    label_layar: str  # "Kelompok": the screen's name in help and the command palette
    label_agenda: str  # "BA": in the one-line agenda bar (80 columns hold all seven)
    layar: str  # "berita-acara": the value of `musrenbang buka --layar`
    tombol: str  # "f8": the F-key that opens the screen
    tahap_sesi: bool = True  # the session can be at this stage (Ctrl+T; the projector follows it)


#: The agenda in order: the one definition of the stages (the app's screens, the agenda bar, F-keys, the
#: CLI's --layar choices and the session stages all derive from it).
AGENDA_TAHAP: tuple[Tahap, ...] = (
    Tahap("persiapan", "Persiapan", "Persiapan", "Persiapan", "persiapan", "f2"),
    Tahap("pendaftaran", "Pendaftaran", "Pendaftaran", "Pendaftaran", "pendaftaran", "f3"),
    Tahap("pleno1", "Pleno I", "Pleno I", "Pleno I", "pleno1", "f4"),
    Tahap("kelompok", "Sidang Kelompok", "Kelompok", "Kelompok", "kelompok", "f5"),
    Tahap("skoring", "Skoring", "Skoring", "Skoring", "skoring", "f6"),
    Tahap("pleno2", "Pleno II", "Pleno II", "Pleno II", "pleno2", "f7"),
    Tahap("berita_acara", "Berita Acara", "Berita Acara", "BA", "berita-acara", "f8", tahap_sesi=False),
)
#: Stages a session can be at (`sesi.info.tahap`), key -> label.
TAHAP: dict[str, str] = {t.kunci: t.label for t in AGENDA_TAHAP if t.tahap_sesi}


def tahap_layar(layar: str) -> Tahap:
    """The stage of a `--layar` value ("berita-acara") or key ("berita_acara"); KeyError if none."""
    for t in AGENDA_TAHAP:
        if layar in (t.layar, t.kunci):
            return t
    raise KeyError(layar)


#: Officers a kelompok elects from its members, key -> label.
JABATAN_KELOMPOK: dict[str, str] = {
    "ketua": "Ketua",
    "sekretaris": "Sekretaris",
    "notulen": "Notulen",
}

#: Roles of a person at a terminal, key -> label.
PERAN: dict[str, str] = {
    "operator": "Operator",
    "fasilitator": "Fasilitator",
    "notulen": "Notulen",
    "pimpinan": "Pimpinan sidang",
    "tayang": "Tayangan (hanya baca)",
}

#: Roles of the organising team, key -> label.
PERAN_TIM: dict[str, str] = {
    "penyelenggara": "Tim Penyelenggara",
    "narasumber": "Narasumber",
    "fasilitator": "Fasilitator",
}

LABEL_SKALA_5 = {1: "sangat rendah", 2: "rendah", 3: "sedang", 4: "tinggi", 5: "sangat tinggi"}

#: The five example criteria of the source procedure (Kota Banjarmasin).
KRITERIA_BAKU: list[tuple[str, str]] = [
    ("K1", "Kesesuaian dengan rancangan awal RKPD"),
    ("K2", "Kepentingan lintas kelurahan"),
    ("K3", "Dukungan pada pencapaian target prioritas pembangunan kota"),
    ("K4", "Dukungan pada pemenuhan hak dasar rakyat lintas kelurahan"),
    ("K5", "Dukungan pada nilai tambah pendapatan lintas kelurahan"),
]


def label_unsur(key: str) -> str:
    return UNSUR.get(key, key)


def label_status(key: str) -> str:
    return STATUS.get(key, key)


#: Scales with more values than this show the number only (no default labels).
SKALA_BERLABEL = 11


def label_skala_baku(skala_min: int, skala_maks: int) -> dict[str, str]:
    """Default labels of a scale: the five words on 1-5, the ends named on other scales of at most
    `SKALA_BERLABEL` values, none on longer scales (0-100 shows the number only)."""
    if (skala_min, skala_maks) == (1, 5):
        return {str(k): v for k, v in LABEL_SKALA_5.items()}
    if skala_maks - skala_min + 1 > SKALA_BERLABEL:
        return {}
    return {str(skala_min): "sangat rendah", str(skala_maks): "sangat tinggi"}


# --- records --------------------------------------------------------------------------------------

class Record:
    """Mixin: build from a stored dict (ignoring unknown keys), turn back into a dict."""

    TABLE: ClassVar[str] = ""

    @classmethod
    def from_dict(cls, data: dict[str, Any]):
        names = {f.name for f in fields(cls)}  # type: ignore[arg-type]
        return cls(**{k: v for k, v in data.items() if k in names})

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)  # type: ignore[call-overload]


@dataclass(frozen=True)
class Info(Record):
    """The session itself (one Musrenbang Kecamatan)."""

    TABLE: ClassVar[str] = "sesi"
    kecamatan: str = ""
    kota: str = ""
    jenis_daerah: str = "Kota"  # "Kota" or "Kabupaten" (JENIS_DAERAH)
    ibu_kota_kecamatan: str = ""  # the place of signing; "" = the kecamatan's name
    zona: str = ""  # ZONA key ("WIB", "WITA", "WIT"); "" = WIB
    bappeda: str = ""  # the planning agency's full name; "" = "Bappeda" + daerah
    sumber_wilayah: str = ""  # where the desa/kelurahan list came from, when from bundled data
    tahun: int = 0  # the RKPD year planned (the year after the event)
    tanggal: str = ""  # ISO date of the event
    tempat: str = ""
    camat: str = ""
    nomor_ba: str = ""
    tanggal_pengumuman: str = ""  # ISO date of the public announcement
    # The meeting's hours and who signs beside the unsur (issue 11; checked by sesi/acara.py).
    waktu_mulai: str = ""  # "08.00" (local time, `zona`); "" = not recorded
    waktu_selesai: str = ""  # "15.30"
    nip_camat: str = ""  # "19700101 199003 1 001" (18 digits, grouped)
    pimpinan_nama: str = ""  # the chair of the sidang; "" = the Camat chairs
    pimpinan_jabatan: str = ""
    pimpinan_nip: str = ""
    tahap: str = "persiapan"  # the stage the session is at (followed by the projector)
    # Configurable warnings (never hard rules).
    min_delegasi: int = 3
    min_perempuan_delegasi: int = 1
    # Pengesahan (signing): empty while the record is a draft.
    disahkan: dict = field(default_factory=dict)
    versi_sah: list = field(default_factory=list)  # earlier signed versions, with reopen reasons
    # Scoring by several penilai (docs/tata-cara.md section 4), chosen before scoring starts.
    gabung_penilai: str = "rata-rata"  # GABUNG_PENILAI: how several penilai's values combine
    nilai_kurang: str = "belum-lengkap"  # NILAI_KURANG: what a value a listed penilai did not give means
    penilai: dict = field(default_factory=dict)  # kelompok id ("" = every kelompok) -> listed penilai names
    total_100: bool = False  # also show totals on a 0-100 scale

    @property
    def terkunci(self) -> bool:
        return bool(self.disahkan)


@dataclass(frozen=True)
class Kelurahan(Record):
    """One wilayah of the kecamatan: a desa or a kelurahan (`jenis`). The table and field names stay
    "kelurahan" as mechanics; every word the user sees follows `jenis` (sesi/sebutan.py)."""

    TABLE: ClassVar[str] = "kelurahan"
    id: str
    nama: str
    lurah: str = ""  # the Lurah or Kepala Desa
    urutan: int = 0
    jenis: str = "kelurahan"  # JENIS_WILAYAH key; records written before issue 12 have none: kelurahan


@dataclass(frozen=True)
class Peserta(Record):
    TABLE: ClassVar[str] = "peserta"
    id: str
    nama: str
    unsur: str = "lainnya"
    lembaga: str = ""
    jabatan: str = ""
    kelurahan: str = ""
    jenis_kelamin: str = ""  # "L", "P" or "" when not recorded
    rentan: bool = False
    rentan_jenis: str = ""  # e.g. disabilitas, lansia, miskin
    delegasi: bool = False  # a kelurahan delegate
    telepon: str = ""
    hadir: bool = False
    waktu_hadir: str = ""  # ISO datetime of check-in
    kelompok: str = ""  # kelompok id
    urutan: int = 0


@dataclass(frozen=True)
class Usulan(Record):
    TABLE: ClassVar[str] = "usulan"
    id: str
    kelurahan: str
    prioritas_kelurahan: int
    kegiatan: str
    masalah: str = ""
    lokasi: str = ""
    volume: str = ""  # exact decimal as text
    satuan: str = ""
    perkiraan_biaya: str = ""  # rupiah, exact decimal as text; "" when unknown
    jenis: str = ""  # "fisik" / "non-fisik"
    bidang: str = ""
    skpd_awal: str = ""
    skpd_akhir: str = ""  # differs from skpd_awal when dialihkan
    status: str = "baru"
    alasan: str = ""
    digabung_ke: str = ""  # usulan id this one was merged into
    kelompok: str = ""  # explicit kelompok id; "" = by bidang
    urutan: int = 0  # entry order
    # Issue 11 item 4 (sesi/dana.py); records written before have none: the defaults stand.
    sumber_dana: str = ""  # sesi.dana.SUMBER_DANA key; "" = belum ditentukan
    harga_satuan: str = ""  # rupiah per satuan, exact decimal as text; "" when not given

    @property
    def skpd(self) -> str:
        return self.skpd_akhir or self.skpd_awal

    @property
    def biaya(self) -> Decimal | None:
        return to_decimal(self.perkiraan_biaya)


def kunci_kriteria(kode: str, kelompok: str = "", jenis: str = "") -> str:
    """The key of a criterion in the `kriteria` table: its code in the session's default set, else
    "kode@kelompok@jenis" (a code holds no "@", and jenis is "", "fisik" or "non-fisik")."""
    return kode if not kelompok and not jenis else f"{kode}@{kelompok}@{jenis}"


@dataclass(frozen=True)
class Kriteria(Record):
    """One criterion of a criteria set. The set is named by (kelompok, jenis): ("", "") is the session's
    default set; a kelompok id and/or a jenis ("fisik", "non-fisik") name a set of their own
    (`sesi.set_kriteria`)."""

    TABLE: ClassVar[str] = "kriteria"
    kode: str
    nama: str
    bobot: str = "1"  # exact decimal as text
    skala_min: int = 1
    skala_maks: int = 5
    label: dict = field(default_factory=dict)  # str(value) -> label
    urutan: int = 0
    kelompok: str = ""  # the set: kelompok id ("" = every kelompok)
    jenis: str = ""  # the set: jenis usulan ("" = every jenis)
    langkah: str = "1"  # "1" or "0.5" (LANGKAH_SKALA)

    @property
    def id(self) -> str:
        return kunci_kriteria(self.kode, self.kelompok, self.jenis)

    @property
    def set_kunci(self) -> tuple[str, str]:
        return (self.kelompok, self.jenis)

    @property
    def bobot_pecahan(self) -> Fraction:
        return Fraction(self.bobot)

    @property
    def langkah_pecahan(self) -> Fraction:
        return Fraction(self.langkah or "1")

    def label_nilai(self, nilai: int | Fraction) -> str:
        return self.label.get(str(nilai_simpan(nilai)), "")

    def dalam_skala(self, nilai: int | Fraction) -> bool:
        """Inside the scale and on its step (7.5 is on a 1-10 scale of step 0.5; 7.25 is not)."""
        if not self.skala_min <= nilai <= self.skala_maks:
            return False
        return ((Fraction(nilai) - self.skala_min) / self.langkah_pecahan).denominator == 1


@dataclass(frozen=True)
class Pemilihan(Record):
    """How one officer of a kelompok was elected."""

    metode: str = ""  # "aklamasi" (musyawarah mufakat) or "suara" (hand count)
    putaran: list = field(default_factory=list)  # [{"suara": {peserta_id: n}, "hadir": n}]
    penentuan: str = ""  # "", "putaran_kedua", "undian": how a tie was decided
    terpilih: str = ""  # peserta id
    waktu: str = ""
    catatan: str = ""


@dataclass(frozen=True)
class Kelompok(Record):
    TABLE: ClassVar[str] = "kelompok"
    id: str
    nama: str
    bidang: list = field(default_factory=list)  # bidang names the kelompok covers
    fasilitator: str = ""
    ketua: str = ""  # peserta ids of the elected officers
    sekretaris: str = ""
    notulen: str = ""
    pemilihan: dict = field(default_factory=dict)  # jabatan -> Pemilihan dict
    serah_terima: str = ""  # time the fasilitator handed the chair to the elected ketua
    disepakati: str = ""  # time Pleno II agreed this kelompok's list
    urutan_pleno: list = field(default_factory=list)  # usulan ids in the order agreed in Pleno II
    urutan: int = 0
    virtual: bool = False  # derived from a bidang, not defined by the user

    def pemilihan_untuk(self, jabatan: str) -> Pemilihan:
        return Pemilihan.from_dict(self.pemilihan.get(jabatan, {}))


@dataclass(frozen=True)
class Skor(Record):
    TABLE: ClassVar[str] = "skor"
    usulan: str
    kriteria: str  # the criterion's code in the set that applies to the usulan
    nilai: int | str  # int, or decimal text for a half step ("7.5"); read with `nilai_angka`
    penilai: str = ""  # "" = the consensus value

    @property
    def id(self) -> str:
        return skor_id(self.usulan, self.kriteria, self.penilai)


def skor_id(usulan: str, kriteria: str, penilai: str = "") -> str:
    return f"{usulan}|{kriteria}|{penilai}"


@dataclass(frozen=True)
class Tim(Record):
    """A member of the organising side: tim penyelenggara, narasumber, fasilitator."""

    TABLE: ClassVar[str] = "tim"
    id: str
    nama: str
    peran: str = "penyelenggara"
    jabatan: str = ""
    materi: str = ""  # a narasumber's material title
    urutan: int = 0


@dataclass(frozen=True)
class Jadwal(Record):
    TABLE: ClassVar[str] = "jadwal"
    id: str
    waktu: str  # "08.00" or "08.00-08.30"
    acara: str
    keterangan: str = ""
    urutan: int = 0


@dataclass(frozen=True)
class Sambutan(Record):
    TABLE: ClassVar[str] = "sambutan"
    id: str
    nama: str
    jabatan: str = ""
    urutan: int = 0


@dataclass(frozen=True)
class Catatan(Record):
    """A notulen entry."""

    TABLE: ClassVar[str] = "catatan"
    id: str
    waktu: str
    teks: str
    tahap: str = "pleno1"
    pembicara: str = ""
    kelompok: str = ""


@dataclass(frozen=True)
class Tanggapan(Record):
    """A response in Pleno II (tanggapan, penajaman, klarifikasi)."""

    TABLE: ClassVar[str] = "tanggapan"
    id: str
    waktu: str
    nama: str
    isi: str
    unsur: str = ""
    kelompok: str = ""
    usulan: str = ""
    jawaban: str = ""  # the answer given in the forum (pimpinan sidang, narasumber, SKPD), for the notulen


@dataclass(frozen=True)
class Keputusan(Record):
    """A decision of Pleno II on an usulan or a kelompok, with its reason."""

    TABLE: ClassVar[str] = "keputusan"
    id: str
    waktu: str
    jenis: str  # naik, turun, belum_disepakati, dipulihkan, kelompok_disepakati
    kelompok: str = ""
    usulan: str = ""
    alasan: str = ""


@dataclass(frozen=True)
class Delegasi(Record):
    """A kecamatan delegate to the Forum Perangkat Daerah / Musrenbang Kota."""

    TABLE: ClassVar[str] = "delegasi"
    id: str
    nama: str
    peserta: str = ""
    unsur: str = ""
    lembaga: str = ""
    jenis_kelamin: str = ""
    keterangan: str = ""
    urutan: int = 0


@dataclass(frozen=True)
class Perumus(Record):
    """A member of the tim perumus (led by the Camat)."""

    TABLE: ClassVar[str] = "perumus"
    id: str
    nama: str
    peserta: str = ""
    jabatan: str = "anggota"  # ketua / sekretaris / anggota
    urutan: int = 0


@dataclass(frozen=True)
class Penandatangan(Record):
    """The representative of one unsur who signs the berita acara (id = the unsur key)."""

    TABLE: ClassVar[str] = "penandatangan"
    id: str
    unsur: str
    nama: str
    jabatan: str = ""
    peserta: str = ""


@dataclass(frozen=True)
class Riwayat(Record):
    """One entry of the append-only history; `hash` chains it to the entry before."""

    TABLE: ClassVar[str] = "riwayat"
    id: str
    waktu: str
    nama: str
    peran: str
    aksi: str
    objek: str = ""
    lama: Any = None
    baru: Any = None
    hash: str = ""


#: Every table the store holds, in the order they are written to the file.
TABLES: tuple[str, ...] = (
    "sesi",
    "kelurahan",
    "tim",
    "jadwal",
    "sambutan",
    "kriteria",
    "kelompok",
    "peserta",
    "usulan",
    "skor",
    "catatan",
    "tanggapan",
    "keputusan",
    "delegasi",
    "perumus",
    "penandatangan",
    "riwayat",
)

RECORD_CLASS: dict[str, type] = {
    "kelurahan": Kelurahan,
    "tim": Tim,
    "jadwal": Jadwal,
    "sambutan": Sambutan,
    "kriteria": Kriteria,
    "kelompok": Kelompok,
    "peserta": Peserta,
    "usulan": Usulan,
    "skor": Skor,
    "catatan": Catatan,
    "tanggapan": Tanggapan,
    "keputusan": Keputusan,
    "delegasi": Delegasi,
    "perumus": Perumus,
    "penandatangan": Penandatangan,
    "riwayat": Riwayat,
}
