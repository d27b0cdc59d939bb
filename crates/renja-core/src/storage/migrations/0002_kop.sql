-- Schema 2: what the letterhead (kop) and the signature block of reports need beyond the
-- identity of schema 1: contact lines and the place where decisions are signed.

ALTER TABLE plan ADD COLUMN telepon TEXT NOT NULL DEFAULT '';
ALTER TABLE plan ADD COLUMN email TEXT NOT NULL DEFAULT '';
ALTER TABLE plan ADD COLUMN laman TEXT NOT NULL DEFAULT '';
ALTER TABLE plan ADD COLUMN kode_pos TEXT NOT NULL DEFAULT '';
ALTER TABLE plan ADD COLUMN tempat_penetapan TEXT NOT NULL DEFAULT '';
