// How bukti dukung are described: sizes, hashes, months, file names. The kinds and their words
// come from the core (generated labels: JENIS, JENIS_LABEL).
import type { BuktiInput } from '../backend/commands';
import { BULAN_PENDEK } from '../grid/months';

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
