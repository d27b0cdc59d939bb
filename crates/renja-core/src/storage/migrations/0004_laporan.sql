-- Schema 4: what the reports need beyond the identity: the agency's logo for the letterhead
-- (kop), and the team's conclusions and recommendations for the Laporan Monev Tahunan.

-- At most one row: the logo image (PNG or JPEG) as the user chose it.
CREATE TABLE logo (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    data        BLOB NOT NULL,
    mime        TEXT NOT NULL CHECK (mime IN ('image/png', 'image/jpeg')),
    modified_at TEXT NOT NULL
) STRICT;

ALTER TABLE plan ADD COLUMN kesimpulan TEXT NOT NULL DEFAULT '';
ALTER TABLE plan ADD COLUMN rekomendasi TEXT NOT NULL DEFAULT '';
