-- Schema 7: the narrative of the Laporan Tahunan's chapters (BAB I–IV), written by the team
-- on the Laporan page: plain paragraphs, one a line, and "- " lists. BAB V (Penutup) is the
-- kesimpulan and rekomendasi already in the `plan` row. A chapter nobody wrote has no row.

CREATE TABLE bab (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    kunci       TEXT NOT NULL UNIQUE CHECK (kunci IN
                    ('pendahuluan', 'gambaranUmum', 'agenda', 'manajemen')),
    teks        TEXT NOT NULL DEFAULT '',
    modified_at TEXT NOT NULL,
    -- The row's version for merging copies (see schema 6).
    version     TEXT NOT NULL DEFAULT ''
) STRICT;
