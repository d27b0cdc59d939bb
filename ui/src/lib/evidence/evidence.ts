// How evidence is described: kinds, sizes, hashes, months.
import type { BuktiInput, Jenis } from '../backend/commands';
import { BULAN_PENDEK } from '../grid/months';

export const JENIS: { value: Jenis; label: string }[] = [
  { value: 'sk', label: 'SK' },
  { value: 'laporan', label: 'Laporan' },
  { value: 'notulen', label: 'Notulen' },
  { value: 'daftarHadir', label: 'Daftar hadir' },
  { value: 'undangan', label: 'Undangan' },
  { value: 'foto', label: 'Foto' },
  { value: 'tangkapanLayar', label: 'Tangkapan layar' },
  { value: 'lainnya', label: 'Lainnya' },
];

export function jenisLabel(j: Jenis): string {
  return JENIS.find((x) => x.value === j)?.label ?? j;
}

/** "0 B", "12 KB", "3,4 MB" (Indonesian decimal comma). */
export function ukuran(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  const mb = bytes / (1024 * 1024);
  return `${mb.toFixed(mb < 10 ? 1 : 0).replace('.', ',')} MB`;
}

/** The first 12 hex digits, for display; the full hash goes in the tooltip. */
export function hashPendek(sha256: string): string {
  return sha256.slice(0, 12);
}

/** "Feb, Mar" for month numbers 1–12. */
export function bulanText(bulan: number[]): string {
  return bulan.map((m) => BULAN_PENDEK[m - 1]).join(', ');
}

export function blankBukti(bulan: number): BuktiInput {
  return { judul: '', jenis: 'laporan', nomor: '', tanggal: '', keterangan: '', bulan };
}

/** The last path component, for either separator. */
export function namaBerkas(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}
