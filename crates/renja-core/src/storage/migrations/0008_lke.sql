-- The LKE (lembar kerja evaluasi) of the PMPRB in the plan: its butir, each under an area and
-- an indikator, and which tahapan and which pieces of evidence answer each butir (see
-- `crate::lke`).

-- One butir of the LKE. Area and indikator are text kept with the butir: the list follows the
-- rules of a year, and a plan may hold its own. `position` orders the whole list.
CREATE TABLE lke_butir (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    area        TEXT NOT NULL,
    indikator   TEXT NOT NULL,
    butir       TEXT NOT NULL,
    position    INTEGER NOT NULL,
    modified_at TEXT NOT NULL,
    version     TEXT NOT NULL DEFAULT ''
) STRICT;

-- A tahapan that answers a butir. The uuid is made from the two rows' uuids, so two copies
-- that make the same link agree on it.
CREATE TABLE tahapan_lke (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    tahapan_id  INTEGER NOT NULL REFERENCES tahapan (id) ON DELETE CASCADE,
    butir_id    INTEGER NOT NULL REFERENCES lke_butir (id) ON DELETE CASCADE,
    modified_at TEXT NOT NULL,
    version     TEXT NOT NULL DEFAULT '',
    UNIQUE (tahapan_id, butir_id)
) STRICT;
CREATE INDEX tahapan_lke_by_butir ON tahapan_lke (butir_id);

-- A piece of evidence that answers a butir. Evidence without any row here answers the butir
-- of its tahapan.
CREATE TABLE bukti_lke (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    bukti_id    INTEGER NOT NULL REFERENCES bukti (id) ON DELETE CASCADE,
    butir_id    INTEGER NOT NULL REFERENCES lke_butir (id) ON DELETE CASCADE,
    modified_at TEXT NOT NULL,
    version     TEXT NOT NULL DEFAULT '',
    UNIQUE (bukti_id, butir_id)
) STRICT;
CREATE INDEX bukti_lke_by_butir ON bukti_lke (butir_id);
