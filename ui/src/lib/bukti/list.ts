// The plan-wide list of bukti dukung: each joined with its tahapan and program, and the
// filters the list offers (program, month, kind, penanggung jawab, text).
import type { Bukti, Grid, Jenis } from '../backend/commands';

export interface BuktiRow {
  bukti: Bukti;
  program: { id: number; nomor: number; nama: string } | null;
  tahapan: string;
  penanggungJawab: string;
}

export interface BuktiFilters {
  program: number | null;
  bulan: number | null;
  jenis: Jenis | '';
  pokja: string;
  search: string;
}

export const NO_FILTERS: BuktiFilters = {
  program: null,
  bulan: null,
  jenis: '',
  pokja: '',
  search: '',
};

/** Join each bukti with its tahapan and program from the grid rows. */
export function joinBukti(list: Bukti[], grid: Grid): BuktiRow[] {
  const tahapan = new Map(grid.rows.filter((r) => r.level === 'tahapan').map((r) => [r.id, r]));
  const programs = new Map(grid.rows.filter((r) => r.level === 'program').map((r) => [r.id, r]));
  return list.map((bukti) => {
    const t = tahapan.get(bukti.tahapan);
    const p = t ? programs.get(t.program) : undefined;
    return {
      bukti,
      program: p ? { id: p.id, nomor: p.nomor, nama: p.nama } : null,
      tahapan: t?.nama ?? '',
      penanggungJawab: t?.penanggung_jawab ?? '',
    };
  });
}

export function filterBukti(rows: BuktiRow[], f: BuktiFilters): BuktiRow[] {
  const needle = f.search.trim().toLowerCase();
  return rows.filter((r) => {
    if (f.program !== null && r.program?.id !== f.program) return false;
    if (f.bulan !== null && !r.bukti.bulan.includes(f.bulan)) return false;
    if (f.jenis && r.bukti.jenis !== f.jenis) return false;
    if (f.pokja && r.penanggungJawab !== f.pokja) return false;
    if (!needle) return true;
    const texts = [
      r.bukti.judul,
      r.bukti.nomor,
      r.bukti.keterangan,
      r.tahapan,
      ...r.bukti.berkas.map((b) => b.nama),
    ];
    return texts.some((t) => t.toLowerCase().includes(needle));
  });
}

/** Order by program number, then tahapan, then document date. */
export function sortBukti(rows: BuktiRow[]): BuktiRow[] {
  return [...rows].sort(
    (a, b) =>
      (a.program?.nomor ?? 999) - (b.program?.nomor ?? 999) ||
      a.tahapan.localeCompare(b.tahapan, 'id') ||
      a.bukti.tanggal.localeCompare(b.bukti.tanggal),
  );
}
