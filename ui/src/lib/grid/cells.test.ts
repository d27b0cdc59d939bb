import { describe, expect, it } from 'vitest';
import type { CellState } from '../backend/commands';
import type { GridRow } from './grid.svelte';
import { CELL, LEGEND, cellState, monthCell, monthMask } from './cells';

function row(over: Partial<GridRow> = {}): GridRow {
  return {
    level: 'tahapan',
    id: 7,
    parent: 1,
    program: 1,
    nomor: 1,
    nama: 'Menyusun SK',
    bulan: 0b110, // Feb, Mar
    kriteria: '',
    penanggung_jawab: '',
    tahapan: 0,
    cells: [],
    bukti: [],
    ...over,
  };
}

const STATES = Object.keys(CELL) as CellState[];

describe('month cells', () => {
  it('names every state in the legend', () => {
    for (const s of LEGEND) expect(CELL[s].label).not.toBe('');
    expect(new Set(LEGEND).size).toBe(8);
    // Every state but "not scheduled" is explained.
    expect(STATES.filter((s) => !LEGEND.includes(s))).toEqual(['kosong']);
  });

  it("shows the core's state for each month of a tahapan, with its mark and words", () => {
    for (const state of STATES) {
      const t = row({ cells: Array<CellState>(12).fill(state), bukti: [0, 2] });
      const jan = monthCell(t, 0, null);
      expect(jan.state).toBe(state);
      expect(jan.dataState).toBe(state);
      expect(jan.mark).toBe(CELL[state].mark);
      expect(jan.label).toBe(`Jan: ${CELL[state].label}`);
      expect(monthCell(t, 1, null).label).toBe(`Feb: ${CELL[state].label}, 2 bukti dukung`);
    }
    const t = row({ cells: ['selesai', 'terlambat', 'proses'] });
    expect([0, 1, 2].map((m) => monthCell(t, m, null).mark)).toEqual(['✓', '!', '◐']);
  });

  it('falls back to the schedule when the core sent no state for a month', () => {
    const t = row();
    expect([0, 1, 2, 3].map((m) => cellState(t, m, null))).toEqual([
      'kosong',
      'rencana',
      'rencana',
      'kosong',
    ]);
    expect([0, 1].map((m) => monthCell(t, m, null).on)).toEqual([false, true]);
  });

  it('shows only the schedule on group rows, with no mark and no data-state', () => {
    const program = row({ level: 'program', cells: ['selesai', 'selesai'], bukti: [3] });
    expect(cellState(program, 0, null)).toBe('kosong');
    expect(cellState(program, 1, null)).toBe('rencana');
    const cell = monthCell(program, 1, null);
    expect([cell.mark, cell.dataState, cell.on]).toEqual(['', undefined, true]);
    expect(monthCell(program, 0, null).label).toBe('Jan: tidak dijadwalkan, 3 bukti dukung');
  });

  it('shows the schedule being drawn instead of what is stored', () => {
    const t = row({ cells: ['terlambat', 'selesai', 'selesai'] });
    const drawing = { row: t, mask: 0b1001 }; // Jan and Apr
    expect(monthMask(t, drawing)).toBe(0b1001);
    expect([0, 1, 3].map((m) => cellState(t, m, drawing))).toEqual([
      'rencana',
      'kosong',
      'rencana',
    ]);
    expect(monthCell(t, 3, drawing).on).toBe(true);
    // Another tahapan is not drawn on.
    const other = row({ id: 8, cells: ['terlambat'] });
    expect(cellState(other, 0, drawing)).toBe('terlambat');
  });

  it('does not draw on a group row that has the id of the tahapan being drawn', () => {
    const t = row({ id: 3 });
    const program = row({ level: 'program', id: 3, bulan: 0 });
    const drawing = { row: t, mask: 0b1 };
    expect(monthMask(program, drawing)).toBe(0);
    expect(cellState(program, 0, drawing)).toBe('kosong');
  });
});
