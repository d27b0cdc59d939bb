-- Schema 5: the pangkat/golongan of the two signers, printed under their names in every
-- signature block ("Pembina Utama Muda (IV/c)").

ALTER TABLE plan ADD COLUMN kepala_pangkat TEXT NOT NULL DEFAULT '';
ALTER TABLE plan ADD COLUMN ketua_pangkat TEXT NOT NULL DEFAULT '';
