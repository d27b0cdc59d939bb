// What a month cell of the grid shows: its capaian state (decided by the core), how that state
// reads and is marked, and everything the cell's view needs, computed here so it can be
// tested without drawing a grid.
import type { CellState } from '../backend/commands';
import { BULAN_PENDEK } from '../backend/generated/labels';
import type { GridRow } from './grid.svelte';
import { hasMonth } from './months';

/** How a cell state reads (for the legend and screen readers) and the mark drawn in it. */
export const CELL: Record<CellState, { label: string; mark: string }> = {
  kosong: { label: 'tidak dijadwalkan', mark: '' },
  rencana: { label: 'dijadwalkan', mark: '' },
  proses: { label: 'dalam proses', mark: '◐' },
  selesai: { label: 'selesai', mark: '✓' },
  selesaiTanpaBukti: { label: 'selesai, belum ada bukti dukung', mark: '✓' },
  selesaiTerlambat: { label: 'selesai terlambat', mark: '✓' },
  terlambat: { label: 'terlambat', mark: '!' },
  tidakTerlaksana: { label: 'tidak terlaksana', mark: '✕' },
  diLuarJadwal: { label: 'dikerjakan di luar jadwal', mark: '•' },
};

/** The states shown in the legend, in reading order. */
export const LEGEND: CellState[] = [
  'rencana',
  'proses',
  'selesai',
  'selesaiTanpaBukti',
  'selesaiTerlambat',
  'terlambat',
  'tidakTerlaksana',
  'diLuarJadwal',
];

/** A schedule being drawn across one tahapan's months: its row and the months it would set. */
export interface Drawing {
  row: { id: number };
  mask: number;
}

function drawnOn(row: GridRow, drawing: Drawing | null): boolean {
  return drawing !== null && drawing.row.id === row.id && row.level === 'tahapan';
}

/** The months a row shows as scheduled: while its schedule is being drawn, the drawing. */
export function monthMask(row: GridRow, drawing: Drawing | null): number {
  return drawnOn(row, drawing) ? (drawing as Drawing).mask : row.bulan;
}

/** The state month `m` (0-based) of a row shows. While a schedule is being drawn, and for
 * group rows, only the schedule shows; otherwise the core's state for the month. (A drawing
 * belongs to a tahapan: a group row whose id happens to be the same is not drawn on.) */
export function cellState(row: GridRow, m: number, drawing: Drawing | null): CellState {
  const scheduled = hasMonth(monthMask(row, drawing), m);
  if (row.level !== 'tahapan' || drawnOn(row, drawing)) return scheduled ? 'rencana' : 'kosong';
  return row.cells[m] ?? (scheduled ? 'rencana' : 'kosong');
}

/** Everything one month cell of a body row shows. */
export interface MonthCell {
  state: CellState;
  /** Scheduled (drawn filled, and `aria-selected`). */
  on: boolean;
  /** The mark drawn in it ("✓", "!", …); group rows show none. */
  mark: string;
  /** How many bukti support the month; 0 shows nothing. */
  bukti: number;
  /** What a screen reader says: "Feb: selesai, 2 bukti dukung". */
  label: string;
  /** The state as `data-state`, for tahapan only. */
  dataState: CellState | undefined;
}

export function monthCell(row: GridRow, m: number, drawing: Drawing | null): MonthCell {
  const state = cellState(row, m, drawing);
  const bukti = row.bukti[m] ?? 0;
  const tahapan = row.level === 'tahapan';
  return {
    state,
    on: hasMonth(monthMask(row, drawing), m),
    mark: tahapan ? CELL[state].mark : '',
    bukti,
    label: `${BULAN_PENDEK[m]}: ${CELL[state].label}${bukti ? `, ${bukti} bukti dukung` : ''}`,
    dataState: tahapan ? state : undefined,
  };
}
