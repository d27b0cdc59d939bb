// How a recent file is described on the start screen.
import type { RecentFile } from '../backend/commands';

/** The file name of a path, for either separator. */
export function fileName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] || path;
}

/** The folder part of a path, for either separator. */
export function folderOf(path: string): string {
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return i > 0 ? path.slice(0, i) : '';
}

/** "Dinas Perkebunan · 2023", or just the year when the instansi is not filled in. */
export function describe(file: RecentFile): string {
  const instansi = file.instansi.trim();
  return instansi ? `${instansi} · ${file.tahun}` : `Tahun ${file.tahun}`;
}
