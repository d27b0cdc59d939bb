// The Tim RB's roles and the member form's blank state.
import type { AnggotaInput } from '../backend/generated/AnggotaInput';
import type { Peran } from '../backend/generated/Peran';

export type { AnggotaInput, Peran };

export const PERAN: { value: Peran; label: string }[] = [
  { value: 'pengarah', label: 'Tim Pengarah' },
  { value: 'ketua', label: 'Ketua' },
  { value: 'sekretaris', label: 'Sekretaris' },
  { value: 'anggotaPokja', label: 'Anggota Pokja' },
  { value: 'asesor', label: 'Tim Asesor' },
  { value: 'agenPerubahan', label: 'Agen Perubahan' },
];

export function peranLabel(p: Peran): string {
  return PERAN.find((x) => x.value === p)?.label ?? p;
}

export function blankAnggota(): AnggotaInput {
  return { nama: '', nip: '', jabatan: '', peran: 'anggotaPokja', pokja: '' };
}
