// The member form's blank state. The Tim RB's roles and their words come from the core
// (generated labels: PERAN, PERAN_LABEL).
import type { AnggotaInput } from '../backend/generated/AnggotaInput';
import type { Peran } from '../backend/generated/Peran';

export type { AnggotaInput, Peran };

export function blankAnggota(): AnggotaInput {
  return { nama: '', nip: '', jabatan: '', peran: 'anggotaPokja', pokja: '' };
}
