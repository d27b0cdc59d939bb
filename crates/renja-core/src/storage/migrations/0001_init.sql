-- Schema 1: the plan identity, the tree program > outcome > kegiatan > output > tahapan, and
-- the team. Every row carries a stable uuid and modified_at (RFC 3339 UTC) so two copies of a
-- plan can be compared and merged later. Order within a parent is `position`.

CREATE TABLE plan (
    id                INTEGER PRIMARY KEY CHECK (id = 1),
    uuid              TEXT NOT NULL UNIQUE,
    pemerintah_daerah TEXT NOT NULL DEFAULT '',
    instansi          TEXT NOT NULL DEFAULT '',
    unit_kerja        TEXT NOT NULL DEFAULT '',
    alamat            TEXT NOT NULL DEFAULT '',
    tahun             INTEGER NOT NULL CHECK (tahun BETWEEN 2000 AND 2100),
    nomor_keputusan   TEXT NOT NULL DEFAULT '',
    tanggal_keputusan TEXT NOT NULL DEFAULT '',
    kepala_nama       TEXT NOT NULL DEFAULT '',
    kepala_nip        TEXT NOT NULL DEFAULT '',
    ketua_nama        TEXT NOT NULL DEFAULT '',
    ketua_nip         TEXT NOT NULL DEFAULT '',
    created_at        TEXT NOT NULL,
    modified_at       TEXT NOT NULL
) STRICT;

CREATE TABLE program (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    position    INTEGER NOT NULL,
    nama        TEXT NOT NULL,
    modified_at TEXT NOT NULL
) STRICT;

CREATE TABLE outcome (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    program_id  INTEGER NOT NULL REFERENCES program (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    nama        TEXT NOT NULL,
    modified_at TEXT NOT NULL
) STRICT;
CREATE INDEX outcome_by_program ON outcome (program_id, position);

CREATE TABLE kegiatan (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    outcome_id  INTEGER NOT NULL REFERENCES outcome (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    nama        TEXT NOT NULL,
    modified_at TEXT NOT NULL
) STRICT;
CREATE INDEX kegiatan_by_outcome ON kegiatan (outcome_id, position);

CREATE TABLE output (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    kegiatan_id INTEGER NOT NULL REFERENCES kegiatan (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    nama        TEXT NOT NULL,
    modified_at TEXT NOT NULL
) STRICT;
CREATE INDEX output_by_kegiatan ON output (kegiatan_id, position);

-- bulan: the schedule as a 12-bit mask, bit 0 = Januari … bit 11 = Desember.
CREATE TABLE tahapan (
    id               INTEGER PRIMARY KEY,
    uuid             TEXT NOT NULL UNIQUE,
    output_id        INTEGER NOT NULL REFERENCES output (id) ON DELETE CASCADE,
    position         INTEGER NOT NULL,
    nama             TEXT NOT NULL,
    bulan            INTEGER NOT NULL DEFAULT 0 CHECK (bulan BETWEEN 0 AND 4095),
    kriteria         TEXT NOT NULL DEFAULT '',
    penanggung_jawab TEXT NOT NULL DEFAULT '',
    modified_at      TEXT NOT NULL
) STRICT;
CREATE INDEX tahapan_by_output ON tahapan (output_id, position);

CREATE TABLE anggota (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    position    INTEGER NOT NULL,
    nama        TEXT NOT NULL,
    nip         TEXT NOT NULL DEFAULT '',
    jabatan     TEXT NOT NULL DEFAULT '',
    peran       TEXT NOT NULL CHECK (peran IN
                    ('pengarah', 'ketua', 'sekretaris', 'anggotaPokja', 'asesor', 'agenPerubahan')),
    pokja       TEXT NOT NULL DEFAULT '',
    modified_at TEXT NOT NULL
) STRICT;
