-- Schema 3: what was done each month (realisasi) and the evidence for it (bukti dukung).

-- One record per tahapan per month.
CREATE TABLE realisasi (
    id            INTEGER PRIMARY KEY,
    uuid          TEXT NOT NULL UNIQUE,
    tahapan_id    INTEGER NOT NULL REFERENCES tahapan (id) ON DELETE CASCADE,
    bulan         INTEGER NOT NULL CHECK (bulan BETWEEN 1 AND 12),
    status        TEXT NOT NULL CHECK (status IN
                      ('belumDimulai', 'dalamProses', 'selesai', 'tidakTerlaksana')),
    persen        INTEGER NOT NULL DEFAULT 0 CHECK (persen BETWEEN 0 AND 100),
    catatan       TEXT NOT NULL DEFAULT '',
    kendala       TEXT NOT NULL DEFAULT '',
    tindak_lanjut TEXT NOT NULL DEFAULT '',
    modified_at   TEXT NOT NULL,
    UNIQUE (tahapan_id, bulan)
) STRICT;

-- File contents, stored once per SHA-256 (lowercase hex), whatever names they were added
-- under. Rows are never changed; a row no evidence refers to any more may be dropped.
CREATE TABLE berkas (
    id     INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE,
    size   INTEGER NOT NULL CHECK (size >= 0),
    data   BLOB NOT NULL
) STRICT;

-- A piece of evidence: a decree, report, minutes, attendance list, photo …
CREATE TABLE bukti (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    tahapan_id  INTEGER NOT NULL REFERENCES tahapan (id) ON DELETE CASCADE,
    judul       TEXT NOT NULL,
    jenis       TEXT NOT NULL CHECK (jenis IN ('sk', 'laporan', 'notulen', 'daftarHadir',
                    'undangan', 'foto', 'tangkapanLayar', 'lainnya')),
    nomor       TEXT NOT NULL DEFAULT '',
    tanggal     TEXT NOT NULL DEFAULT '',
    keterangan  TEXT NOT NULL DEFAULT '',
    -- The months (bit 0 = Januari) the evidence supports.
    bulan       INTEGER NOT NULL DEFAULT 0 CHECK (bulan BETWEEN 0 AND 4095),
    created_at  TEXT NOT NULL,
    modified_at TEXT NOT NULL
) STRICT;
CREATE INDEX bukti_by_tahapan ON bukti (tahapan_id);

-- The files of a piece of evidence, under the names they were added with.
CREATE TABLE bukti_berkas (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    bukti_id    INTEGER NOT NULL REFERENCES bukti (id) ON DELETE CASCADE,
    berkas_id   INTEGER NOT NULL REFERENCES berkas (id),
    nama        TEXT NOT NULL,
    mime        TEXT NOT NULL DEFAULT '',
    position    INTEGER NOT NULL,
    modified_at TEXT NOT NULL
) STRICT;
CREATE INDEX bukti_berkas_by_bukti ON bukti_berkas (bukti_id, position);
CREATE INDEX bukti_berkas_by_berkas ON bukti_berkas (berkas_id);
