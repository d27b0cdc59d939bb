-- Schema 6: what merging two copies of a plan needs (see `crate::merge`). Every row that is
-- merged carries the version it is at; the versions a row was at before, the rows deleted,
-- and the merges made are kept so a later merge can tell old from new.

-- The row's current version: empty for rows written before this schema or by bulk writes
-- (creating a plan), read as "v0:<modified_at>:<key>"; otherwise 32 hex digits, or the
-- SHA-256 prefix a merge derives from the two versions it joined.
ALTER TABLE plan ADD COLUMN version TEXT NOT NULL DEFAULT '';
ALTER TABLE program ADD COLUMN version TEXT NOT NULL DEFAULT '';
ALTER TABLE outcome ADD COLUMN version TEXT NOT NULL DEFAULT '';
ALTER TABLE kegiatan ADD COLUMN version TEXT NOT NULL DEFAULT '';
ALTER TABLE output ADD COLUMN version TEXT NOT NULL DEFAULT '';
ALTER TABLE tahapan ADD COLUMN version TEXT NOT NULL DEFAULT '';
ALTER TABLE anggota ADD COLUMN version TEXT NOT NULL DEFAULT '';
ALTER TABLE realisasi ADD COLUMN version TEXT NOT NULL DEFAULT '';
ALTER TABLE bukti ADD COLUMN version TEXT NOT NULL DEFAULT '';
ALTER TABLE bukti_berkas ADD COLUMN version TEXT NOT NULL DEFAULT '';
ALTER TABLE logo ADD COLUMN version TEXT NOT NULL DEFAULT '';

-- Versions a row (by its key: its uuid, or 'plan' / 'logo') was at before its current one,
-- with the row's fields at that version (JSON; references as the referred row's key) when
-- known. Only ever added to.
CREATE TABLE row_version (
    id      INTEGER PRIMARY KEY,
    key     TEXT NOT NULL,
    version TEXT NOT NULL,
    data    TEXT,
    UNIQUE (key, version)
) STRICT;

-- Rows deleted: the key, the table it was in, and the version the deletion is.
CREATE TABLE tombstone (
    id         INTEGER PRIMARY KEY,
    key        TEXT NOT NULL UNIQUE,
    tbl        TEXT NOT NULL,
    version    TEXT NOT NULL,
    deleted_at TEXT NOT NULL
) STRICT;

-- The merges made into this file: when, from which file and plan, how much they changed.
CREATE TABLE merge_log (
    id          INTEGER PRIMARY KEY,
    merged_at   TEXT NOT NULL,
    file_name   TEXT NOT NULL,
    plan_uuid   TEXT NOT NULL,
    -- When the merged file's plan was last changed.
    source_modified_at TEXT NOT NULL,
    changes     INTEGER NOT NULL CHECK (changes >= 0),
    conflicts   INTEGER NOT NULL CHECK (conflicts >= 0)
) STRICT;
